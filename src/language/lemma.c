/* SPDX-License-Identifier: MIT */
/* lemma.c: lemmas and WordNet noun classes of tagged words.
 *
 * The lemma comes from WordNet's morphy driven by the Penn tag: the
 * exception list of the tag's part of speech, then its detachment rules,
 * taking the first candidate WordNet lists.  Words WordNet lacks (names of
 * new things, misspellings) get English spelling rules instead, so that
 * "deplatformed" still gives "deplatform".  Closed-class words follow the
 * conventions of the UD English treebanks (EWT, GUM); those are grammar,
 * not data, so they live in a table here.
 *
 * A noun's class is the lexicographer file of its commonest sense, or of
 * the longest compound WordNet lists that it ends ("water cannon" is an
 * artifact, "coast guard" a group), given to every noun of the compound.
 */
#include "language/langdata.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#define LM_MAX 256    /* longest word the rules look at, in bytes */
#define LM_COMPOUND 5 /* longest compound looked up, in words */

/* Pseudo tags for the closed-class table. */
enum { T_ANY = -1, T_VERB = -2 };

/* UD English lemmas of function words, contractions and pronouns. */
static const struct {
	const char *key;
	int tag;
	const char *lemma;
} closed[] = {
        {"n't", T_ANY, "not"},      {"not", T_ANY, "not"},
        {"nt", X_RB, "not"},        {"'s", X_POS, "'s"},
        {"'", X_POS, "'s"},         {"'d", X_MD, "would"},
        {"'d", T_VERB, "have"},     {"'s", T_VERB, "be"},
        {"'re", T_ANY, "be"},       {"'m", T_ANY, "be"},
        {"'ve", T_ANY, "have"},     {"'ll", T_ANY, "will"},
        {"wo", X_MD, "will"},       {"ca", X_MD, "can"},
        {"sha", X_MD, "shall"},     {"ai", T_VERB, "be"},
        {"gon", X_VBG, "go"},       {"na", X_TO, "to"},
        {"an", X_DT, "a"},          {"these", T_ANY, "this"},
        {"those", T_ANY, "that"},   {"i", X_PRP, "I"},
        {"me", X_PRP, "I"},         {"him", X_PRP, "he"},
        {"her", X_PRP, "she"},      {"us", X_PRP, "we"},
        {"them", X_PRP, "they"},    {"'em", X_PRP, "they"},
        {"is", T_VERB, "be"},       {"are", T_VERB, "be"},
        {"was", T_VERB, "be"},      {"were", T_VERB, "be"},
        {"am", T_VERB, "be"},       {"been", T_VERB, "be"},
        {"being", T_VERB, "be"},    {"be", T_VERB, "be"},
        {"has", T_VERB, "have"},    {"had", T_VERB, "have"},
        {"having", T_VERB, "have"}, {"have", T_VERB, "have"},
        {"does", T_VERB, "do"},     {"did", T_VERB, "do"},
        {"doing", T_VERB, "do"},    {"done", T_VERB, "do"},
        {"do", T_VERB, "do"},
};

/* Plurals that UD keeps as their own lemma although WordNet could strip
 * them ("species" is not the plural of "specie"). */
static const char *const keep_plural[] = {
        "species", "series", "news", "means",  "headquarters", "whereabouts",
        "data",    "media",  "arms", "forces", "troops",
};

typedef struct {
	const char *suf, *rep;
} Rule;

/* morphy's detachment rules; -ed, -ing and -er/-est go through
 * strip_known(), which orders the same candidates by spelling. */
static const Rule noun_rules[] = {
        {"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
        {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"},
};
static const Rule vbz_rules[] = {
        {"s", ""},
        {"ies", "y"},
        {"es", "e"},
        {"es", ""},
};

static int is_verb(int x)
{
	return x == X_VB || x == X_VBD || x == X_VBG || x == X_VBN ||
	       x == X_VBP || x == X_VBZ || x == X_MD;
}

static int is_noun(int x)
{
	return x == X_NN || x == X_NNS || x == X_NNP || x == X_NNPS;
}

/* Tags whose lemma is the form as written. */
static int is_literal(int x)
{
	switch (x) {
	case X_CD:
	case X_SYM:
	case X_LS:
	case X_COMMA:
	case X_PERIOD:
	case X_COLON:
	case X_LQUOTE:
	case X_RQUOTE:
	case X_LRB:
	case X_RRB:
	case X_DOLLAR:
	case X_HASH:
	case X_HYPH:
	case X_NFP:
	case X_ADD:
	case X_GW:
	case X_XX:
		return 1;
	default:
		return 0;
	}
}

static const char *closed_lemma(const char *key, int x)
{
	for (size_t i = 0; i < sizeof closed / sizeof closed[0]; i++)
		if (closed[i].key[0] == key[0] && !strcmp(closed[i].key, key) &&
		    (closed[i].tag == T_ANY || closed[i].tag == x ||
		     (closed[i].tag == T_VERB && is_verb(x))))
			return closed[i].lemma;
	return NULL;
}

static int is_vowel(char c)
{
	c = (char)(c | 0x20);
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static int is_alpha(char c)
{
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'z';
}

static int lc(char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int ends_with(const char *w, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	if (k >= n)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (lc(w[n - k + i]) != suf[i])
			return 0;
	return 1;
}

/* One syllable ending consonant-vowel-consonant ("hop", "mak", "star"):
 * such a stem doubles its consonant before -ed and -ing ("hopped"), so
 * when it did not, the base ends in a silent e ("hoped" from "hope"). */
static int short_cvc(const char *s, size_t n)
{
	if (n < 2)
		return 0;
	char z = (char)lc(s[n - 1]);
	if (!is_alpha(z) || is_vowel(z) || z == 'w' || z == 'x' || z == 'y' ||
	    !is_vowel(s[n - 2]) || (n >= 3 && is_vowel(s[n - 3])))
		return 0;
	int groups = 0;
	for (size_t i = 0; i < n; i++)
		groups += is_vowel(s[i]) && (i == 0 || !is_vowel(s[i - 1]));
	return groups == 1;
}

/* A stem ending in a doubled consonant that English doubles only before
 * a suffix ("plann", "bigg"; not "kill", "pass"). */
static int doubled(const char *s, size_t n)
{
	if (n < 3 || lc(s[n - 1]) != lc(s[n - 2]) || !is_alpha(s[n - 1]) ||
	    is_vowel(s[n - 1]))
		return 0;
	return !strchr("lsfz", lc(s[n - 1]));
}

/* Spellings that need the silent e back when -ed or -ing went ("moved",
 * "organized", "argued", "handled", "nursed", "debated", "judged"). */
static int needs_e(const char *s, size_t n)
{
	if (n < 2)
		return 0;
	char z = (char)lc(s[n - 1]), y = (char)lc(s[n - 2]);
	if (z == 'v' || z == 'z' || z == 'c' || (z == 'u' && y != 'u'))
		return 1;
	if (z == 'g' && (y == 'd' || y == 'r' || y == 'a'))
		return 1;
	if (z == 'l' && strchr("bcdfgkptz", y))
		return 1;
	if (z == 's' && strchr("rnpl", y))
		return 1;
	if (z == 't' && y == 'a' && n >= 3 && !is_vowel(s[n - 3]))
		return 1;
	return short_cvc(s, n);
}

/* Copies S[0..N) + REP into OUT (LM_MAX), REP upper-cased when the stem
 * ends upper-case ("INDUSTRIES" -> "INDUSTRY"). */
static size_t splice(const char *s, size_t n, const char *rep, char *out)
{
	size_t k = strlen(rep);
	if (n + k >= LM_MAX)
		return 0;
	memcpy(out, s, n);
	int up = n > 0 && s[n - 1] >= 'A' && s[n - 1] <= 'Z';
	for (size_t i = 0; i < k; i++)
		out[n + i] = up && rep[i] >= 'a' && rep[i] <= 'z'
		                     ? (char)(rep[i] - 32)
		                     : rep[i];
	out[n + k] = '\0';
	return n + k;
}

/* ---- WordNet ---- */

typedef struct {
	char lemma[LM_MAX];
	uint32_t v; /* LD_WN value of the lemma, 0 when WordNet lacks it */
} Morph;

/* Takes S as the lemma when WordNet lists it with part of speech BIT. */
static int take(const NkgLang *l, const char *s, uint32_t bit, Morph *m)
{
	uint32_t v;
	if (strlen(s) >= LM_MAX || !ld_get(l, l->wn, s, &v) || !(v & bit))
		return 0;
	strcpy(m->lemma, s);
	m->v = v;
	return 1;
}

/* Takes the base the exception list of part of speech P gives W. */
static int take_exc(const NkgLang *l, char p, const char *w, Morph *m)
{
	char key[LM_MAX + 2];
	size_t n = strlen(w);
	uint32_t off;
	if (n + 3 > sizeof key)
		return 0;
	key[0] = p;
	key[1] = ':';
	memcpy(key + 2, w, n + 1);
	if (!ld_get(l, l->exc, key, &off) || off >= l->pool_len ||
	    strlen(l->pool + off) >= LM_MAX)
		return 0;
	strcpy(m->lemma, l->pool + off);
	if (!ld_get(l, l->wn, m->lemma, &m->v))
		m->v = 0;
	return 1;
}

static int take_rules(const NkgLang *l, const char *w, const Rule *r, size_t nr,
                      uint32_t bit, Morph *m)
{
	size_t n = strlen(w);
	char c[LM_MAX];
	for (size_t i = 0; i < nr; i++)
		if (ends_with(w, n, r[i].suf) &&
		    splice(w, n - strlen(r[i].suf), r[i].rep, c) &&
		    take(l, c, bit, m))
			return 1;
	return 0;
}

/* morphy's -ed/-ing/-er/-est rules, with the candidates in the order the
 * spelling makes likely: "hoping" is "hope" before "hop", "singing" is
 * "sing" before "singe"; then "tried" -> "try" and "planned" -> "plan". */
static int take_stripped(const NkgLang *l, const char *w, const char *suf,
                         uint32_t bit, Morph *m)
{
	size_t n = strlen(w), s = n - strlen(suf);
	char c[LM_MAX];
	if (!ends_with(w, n, suf))
		return 0;
	if (suf[0] == 'e' && lc(w[s - 1]) == 'i' && splice(w, s - 1, "y", c) &&
	    take(l, c, bit, m))
		return 1;
	int e_first = short_cvc(w, s);
	for (int pass = 0; pass < 2; pass++)
		if (splice(w, s, (pass == 0) == e_first ? "e" : "", c) &&
		    take(l, c, bit, m))
			return 1;
	return doubled(w, s) && splice(w, s - 1, "", c) && take(l, c, bit, m);
}

static int keeps_plural(const char *w)
{
	for (size_t i = 0; i < sizeof keep_plural / sizeof keep_plural[0]; i++)
		if (!strcmp(w, keep_plural[i]))
			return 1;
	return 0;
}

/* WordNet's lemma of the folded word W tagged X; 0 when WordNet has none
 * for that part of speech. */
static int morph(const NkgLang *l, const char *w, int x, Morph *m)
{
	m->v = 0;
	switch (x) {
	case X_NN:
		return take(l, w, WN_NOUN, m) || take_exc(l, 'n', w, m);
	case X_NNS:
	case X_NNPS:
		if (keeps_plural(w) || (ends_with(w, strlen(w), "ics") &&
		                        take(l, w, WN_NOUN, m))) {
			strcpy(m->lemma, w);
			if (!ld_get(l, l->wn, w, &m->v))
				m->v = 0;
			return 1;
		}
		return take_exc(l, 'n', w, m) ||
		       take_rules(l, w, noun_rules,
		                  sizeof noun_rules / sizeof noun_rules[0],
		                  WN_NOUN, m) ||
		       take(l, w, WN_NOUN, m);
	case X_VB:
	case X_VBP:
		return take(l, w, WN_VERB, m) || take_exc(l, 'v', w, m);
	case X_VBZ:
		return take_exc(l, 'v', w, m) ||
		       take_rules(l, w, vbz_rules,
		                  sizeof vbz_rules / sizeof vbz_rules[0],
		                  WN_VERB, m) ||
		       take(l, w, WN_VERB, m);
	case X_VBD:
	case X_VBN:
	case X_VBG:
		return take_exc(l, 'v', w, m) ||
		       take_stripped(l, w, x == X_VBG ? "ing" : "ed", WN_VERB,
		                     m) ||
		       take(l, w, WN_VERB, m);
	case X_JJ:
		return take(l, w, WN_ADJ, m) || take_exc(l, 'a', w, m);
	case X_JJR:
	case X_JJS:
		return take_exc(l, 'a', w, m) ||
		       take_stripped(l, w, x == X_JJR ? "er" : "est", WN_ADJ,
		                     m) ||
		       take(l, w, WN_ADJ, m);
	case X_RB:
		return take(l, w, WN_ADV, m) || take_exc(l, 'r', w, m);
	case X_RBR:
	case X_RBS: {
		/* "faster" is an adverb in WordNet, "earlier" only via "early"
		 */
		const char *suf = x == X_RBR ? "er" : "est";
		return take_exc(l, 'r', w, m) ||
		       take_stripped(l, w, suf, WN_ADV, m) ||
		       take_stripped(l, w, suf, WN_ADJ, m) ||
		       take(l, w, WN_ADV, m) || take(l, w, WN_ADJ, m);
	}
	default:
		return 0;
	}
}

/* ---- English spelling, for words WordNet lacks ---- */

static size_t copy_word(const char *w, size_t n, char *out)
{
	return splice(w, n, "", out);
}

static size_t guess_plural(const char *w, size_t n, char *out)
{
	if (n < 3)
		return copy_word(w, n, out);
	if (ends_with(w, n, "ies") && n > 4)
		return splice(w, n - 3, "y", out);
	if (ends_with(w, n, "sses") || ends_with(w, n, "ches") ||
	    ends_with(w, n, "shes") || ends_with(w, n, "xes") ||
	    ends_with(w, n, "zes"))
		return splice(w, n - 2, "", out);
	if (ends_with(w, n, "s") && !ends_with(w, n, "ss") &&
	    !ends_with(w, n, "us") && !ends_with(w, n, "is") &&
	    !ends_with(w, n, "'s"))
		return splice(w, n - 1, "", out);
	return copy_word(w, n, out);
}

/* -ed, -ing, -er, -est off a word WordNet lacks ("deplatformed",
 * "geolocated" -> "geolocate", "livestreaming"). */
static size_t guess_suffix(const char *w, size_t n, const char *suf, char *out)
{
	size_t k = strlen(suf);
	/* comparatives of stems under three letters are all in WordNet */
	size_t min = !strcmp(suf, "er") || !strcmp(suf, "est") ? 3 : 2;
	if (!ends_with(w, n, suf) || n - k < min)
		return copy_word(w, n, out);
	size_t s = n - k;
	if (suf[0] == 'e' && lc(w[s - 1]) == 'i')
		return splice(w, s - 1, "y", out);
	if (suf[0] == 'e' && lc(w[s - 1]) == 'e')
		return splice(w, n - k + 1, "", out); /* "agreed" */
	if (doubled(w, s))
		return splice(w, s - 1, "", out);
	return splice(w, s, needs_e(w, s) ? "e" : "", out);
}

static size_t guess(const char *w, size_t n, int x, char *out)
{
	switch (x) {
	case X_NNS:
	case X_NNPS:
	case X_VBZ:
		return guess_plural(w, n, out);
	case X_VBD:
	case X_VBN:
		return guess_suffix(w, n, "ed", out);
	case X_VBG:
		return guess_suffix(w, n, "ing", out);
	case X_JJR:
	case X_RBR:
		return guess_suffix(w, n, "er", out);
	case X_JJS:
	case X_RBS:
		return guess_suffix(w, n, "est", out);
	default:
		return copy_word(w, n, out);
	}
}

/* ---- words ---- */

/* S in lower case with curly apostrophes straightened, into OUT
 * (LM_MAX); 0 when it does not fit or is not UTF-8. */
static size_t lower(const char *s, size_t n, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (k + 1 >= LM_MAX)
				return 0;
			out[k++] = (char)lc((char)c);
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t m =
		        utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                         (utf8proc_ssize_t)(n - i), &cp);
		if (m <= 0 || k + 5 >= LM_MAX)
			return 0;
		i += (size_t)m;
		cp = cp == 0x2019 || cp == 0x2018 ? '\'' : utf8proc_tolower(cp);
		k += (size_t)utf8proc_encode_char(cp,
		                                  (utf8proc_uint8_t *)out + k);
	}
	out[k] = '\0';
	return k;
}

/* LEMMA, found for the folded KEY, carried over to LOW, the lower-cased
 * form, so that the accents WordNet's ASCII lemmas lack survive ("cafés"
 * -> "café"): the part of the key the lemma kept is taken from LOW. */
static size_t rebase(const char *low, const char *key, const char *lemma,
                     char *out)
{
	size_t ln = strlen(low), kn = strlen(key), p = 0;
	while (key[p] && key[p] == lemma[p])
		p++;
	size_t cut = kn - p, n = 0;
	if (strcmp(low, key) && cut <= ln &&
	    !memcmp(low + ln - cut, key + p, cut))
		n = splice(low, ln - cut, lemma + p, out);
	return n ? n : copy_word(lemma, strlen(lemma), out);
}

static int set_lemma(NkgAnalysis *a, size_t i, const char *s, size_t n)
{
	uint32_t off = nkg_lang_pool_add(a, s, n);
	if (off == UINT32_MAX)
		return -1;
	a->words[i].lemma = off;
	return 0;
}

/* A word too long for the rules: its form, lower-cased unless KEEP. */
static int set_long(NkgAnalysis *a, size_t i, const char *form, size_t n,
                    int keep)
{
	if (set_lemma(a, i, form, n))
		return -1;
	for (char *p = a->pool + a->words[i].lemma; !keep && *p; p++)
		*p = (char)lc(*p);
	return 0;
}

static int lemma_find(const NkgLang *l, const char *text, NkgAnalysis *a,
                      size_t i)
{
	NkgWord *w = &a->words[i];
	const char *form = text + w->b0;
	size_t fn = w->b1 - w->b0, n;
	int x = w->xpos, proper = x == X_NNP || x == X_NNPS;
	char key[LM_MAX], low[LM_MAX], out[LM_MAX];
	Morph m;
	w->nclass = NC_NONE;
	/* the key lives in the pool, which adding the lemma may move */
	const char *k = nkg_word_key(a, i);
	size_t kn = strlen(k);
	if (kn >= LM_MAX || fn >= LM_MAX)
		return set_long(a, i, form, fn, proper || is_literal(x));
	memcpy(key, k, kn + 1);
	const char *g = closed_lemma(key, x);
	if (g)
		return set_lemma(a, i, g, strlen(g));
	if (is_literal(x) || (w->flags & W_PUNCT))
		return set_lemma(a, i, form, fn);
	/* a plural name WordNet lists ("Philippines") is its own lemma */
	int whole = proper && take(l, key, WN_NOUN, &m);
	int found = whole || (x == X_NNPS && morph(l, key, x, &m)) ||
	            (!proper && morph(l, key, x, &m));
	if (is_noun(x) && found && (m.v & WN_NOUN))
		w->nclass = (uint8_t)WN_CLASS(m.v);
	/* a name that is also a common noun ("Bush", "Trump") says nothing of
	 * its class unless WordNet's sense is a place, a people, a body or a
	 * time ("Thursday", "March") */
	if (proper && w->nclass != NC_LOCATION && w->nclass != NC_GROUP &&
	    w->nclass != NC_PERSON && w->nclass != NC_TIME)
		w->nclass = NC_NONE;
	if (x == X_NNP || whole)
		return set_lemma(a, i, form, fn);
	if (x == X_NNPS) {
		n = guess_plural(form, fn, out);
		return n ? set_lemma(a, i, out, n) : set_lemma(a, i, form, fn);
	}
	size_t ln = lower(form, fn, low);
	if (!ln)
		return set_long(a, i, form, fn, 0);
	n = found ? rebase(low, key, m.lemma, out) : guess(low, ln, x, out);
	return n ? set_lemma(a, i, out, n) : set_lemma(a, i, low, ln);
}

/* A word's lemma and class depend on its form and its tag alone, and news
 * repeats its words: the last lemma found for each (form, tag) is kept in
 * a table, so the lookups behind it are done once per word rather than
 * once per occurrence.  With 8192 entries one word in six of news missed
 * its entry, two in five of those to another word of the same slot; with
 * 32768 (2 MB, whose pages a short run does not touch) one in ten. */
#define MEMO_SLOTS 32768 /* a power of two */
#define MEMO_LEN 22

typedef struct {
	uint32_t hash; /* of form and tag; 0 when free */
	uint8_t xpos, nclass, fn, ln;
	char form[MEMO_LEN], lemma[MEMO_LEN];
	char pad[12]; /* to a cache line: each lookup reads one */
} LemmaMemo;
_Static_assert(sizeof(LemmaMemo) == 64,
               "a lemma memo entry fills a cache line");

static LemmaMemo *memo_slot(const NkgLang *l, NkgAnalysis *a, const NkgWord *w,
                            size_t fn, int x, uint32_t *hash)
{
	if (fn >= MEMO_LEN)
		return NULL;
	return ld_memo_slot_hashed(&a->lemma_memo, &a->lemma_lang, l,
	                           MEMO_SLOTS, sizeof(LemmaMemo), w->fhash,
	                           (uint32_t)x, hash);
}

static int lemma_word(const NkgLang *l, const char *text, NkgAnalysis *a,
                      size_t i)
{
	NkgWord *w = &a->words[i];
	const char *form = text + w->b0;
	size_t fn = w->b1 - w->b0;
	uint32_t h = 0;
	LemmaMemo *m = memo_slot(l, a, w, fn, w->xpos, &h);
	if (m && m->hash == h && m->xpos == w->xpos && m->fn == fn &&
	    !memcmp(m->form, form, fn)) {
		w->nclass = m->nclass;
		return set_lemma(a, i, m->lemma, m->ln);
	}
	if (lemma_find(l, text, a, i))
		return -1;
	const char *lemma = nkg_word_lemma(a, i);
	size_t ln = strlen(lemma);
	if (m && ln < MEMO_LEN) {
		m->hash = h;
		m->xpos = (uint8_t)w->xpos;
		m->nclass = w->nclass;
		m->fn = (uint8_t)fn;
		m->ln = (uint8_t)ln;
		memcpy(m->form, form, fn);
		memcpy(m->lemma, lemma, ln + 1);
	}
	return 0;
}

/* ---- compounds ---- */

/* The class WordNet gives words I0..I1 as one noun: joined by
 * underscores ("security_council"), or for two words also run together
 * ("coastguard"); the last word as written ("armed_forces") or as its
 * lemma ("water_cannons" -> "water_cannon"). */
/* The WordNet noun class of KEY (N bytes), 0 if none.  Every run of
 * nouns asks for each of its compounds, nearly all of them absent from
 * WordNet, and news repeats its runs: the answers are kept in a small
 * table, like the lemmas. */
typedef struct {
	uint32_t hash; /* 0 when free */
	uint8_t n, cls;
	char key[MEMO_LEN + 4];
} CompoundMemo;

static int noun_class(const NkgLang *l, NkgAnalysis *a, const char *key,
                      size_t n)
{
	CompoundMemo *m = NULL;
	uint32_t h = 0;
	if (n < sizeof m->key) {
		m = ld_memo_slot(&a->compound_memo, &a->compound_lang, l,
		                 MEMO_SLOTS, sizeof *m, key, n, 0, &h);
		if (m && m->hash == h && m->n == n && !memcmp(m->key, key, n))
			return m->cls;
	}
	uint32_t v;
	int c = ld_get(l, l->wn, key, &v) && (v & WN_NOUN) ? (int)WN_CLASS(v)
	                                                   : 0;
	if (m) {
		m->hash = h;
		m->n = (uint8_t)n;
		m->cls = (uint8_t)c;
		memcpy(m->key, key, n);
	}
	return c;
}

static int compound_class(const NkgLang *l, NkgAnalysis *a, size_t i0,
                          size_t i1)
{
	char buf[LM_MAX];
	/* a last word that is its own lemma gives the same string twice */
	int lemma_differs =
	        strcmp(nkg_word_lemma(a, i1), nkg_word_key(a, i1)) != 0;
	for (int var = 0; var < 4; var++) {
		int glue = var >> 1, use_lemma = var & 1;
		if ((glue && i1 != i0 + 1) || (use_lemma && !lemma_differs))
			continue;
		size_t n = 0;
		int fits = 1;
		for (size_t j = i0; j <= i1 && fits; j++) {
			const char *s = j == i1 && use_lemma
			                        ? nkg_word_lemma(a, j)
			                        : nkg_word_key(a, j);
			size_t k = strlen(s);
			fits = n + k + 2 <= sizeof buf;
			if (fits && j > i0 && !glue)
				buf[n++] = '_';
			for (size_t q = 0; fits && q < k; q++)
				buf[n++] = (char)lc(s[q]);
		}
		buf[n] = '\0';
		int c = fits ? noun_class(l, a, buf, n) : 0;
		if (c)
			return c;
	}
	return 0;
}

/* Runs of nouns, from the end of the sentence back: the longest
 * compound ending at each noun (one adjective may open it, "armed
 * forces") gives its class to its nouns. */
static void compound_classes(const NkgLang *l, NkgAnalysis *a)
{
	for (size_t e = a->n_words; e-- > 0;) {
		if (!is_noun(a->words[e].xpos))
			continue;
		size_t s = e;
		while (s > 0 && e - s + 1 < LM_COMPOUND &&
		       is_noun(a->words[s - 1].xpos))
			s--;
		if (s > 0 && e - s + 1 < LM_COMPOUND &&
		    a->words[s - 1].xpos == X_JJ)
			s--;
		for (size_t st = s; st < e; st++) {
			int c = compound_class(l, a, st, e);
			if (!c)
				continue;
			for (size_t j = st; j <= e; j++)
				if (is_noun(a->words[j].xpos))
					a->words[j].nclass = (uint8_t)c;
			e = st;
			break;
		}
	}
}

int nkg_lang_lemmatize(const NkgLang *lang, const char *text, NkgAnalysis *a)
{
	for (size_t i = 0; i < a->n_words; i++)
		if (lemma_word(lang, text, a, i))
			return -1;
	compound_classes(lang, a);
	return 0;
}
