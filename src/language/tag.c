/* SPDX-License-Identifier: MIT */
/* tag.c: Viterbi decoding of Penn Treebank tags, and the Universal POS
 * tags they map to (see tagger.c for the model).
 *
 * Takes a segmented sentence (segment.c), gives every word its XPOS and a
 * first UPOS; the parser settles the UPOS distinctions that depend on the
 * clause (AUX or VERB, SCONJ or ADP, PRON or DET).
 */
#include "language/langdata.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAXC 16 /* candidates per word */

typedef struct {
	uint8_t n, skip;
	uint8_t tag[MAXC];
	float sc[MAXC];
	float best[MAXC];
	uint8_t back[MAXC];
} Cell;

/* Adds the tags of list OFF to C, keeping the higher score of a tag. */
static void add_list(const NkgLang *l, uint32_t off, Cell *c, float bonus)
{
	uint32_t n;
	const float *v = (const float *)ld_list(l, off, &n);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t tag;
		memcpy(&tag, &v[2 * i], 4);
		float sc = v[2 * i + 1] + bonus;
		int k = 0;
		while (k < c->n && c->tag[k] != tag)
			k++;
		if (k < c->n) {
			if (sc > c->sc[k])
				c->sc[k] = sc;
		} else if (c->n < MAXC && tag < X_COUNT) {
			c->tag[c->n] = (uint8_t)tag;
			c->sc[c->n++] = sc;
		}
	}
}

static void force(Cell *c, int tag)
{
	c->n = 1;
	c->tag[0] = (uint8_t)tag;
	c->sc[0] = 0;
}

/* The form as the model spells it: curly apostrophes straight. */
static void model_form(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < cap; i++) {
		if ((unsigned char)s[i] == 0xe2 && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x99 ||
		     (unsigned char)s[i + 2] == 0x98)) {
			out[k++] = '\'';
			i += 2;
		} else {
			out[k++] = s[i];
		}
	}
	out[k] = '\0';
}

static int is_numberlike(const char *s)
{
	int digits = 0;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (!strchr(".,:/-%", *s))
			return 0;
	}
	return digits > 0;
}

static void unknown(const NkgLang *l, const char *form, int cap, Cell *c)
{
	size_t n = strlen(form);
	char key[16];
	for (size_t k = n > 6 ? 6 : n;; k--) {
		key[0] = cap ? 'C' : 'L';
		key[1] = ':';
		size_t from = n - k, j = 2;
		for (size_t i = from; i < n; i++) {
			char ch = form[i];
			key[j++] = (ch >= 'A' && ch <= 'Z')
			                   ? (char)(ch - 'A' + 'a')
			                   : ch;
		}
		key[j] = '\0';
		uint32_t off;
		if (ld_get(l, l->suffix, key, &off)) {
			add_list(l, off, c, 0);
			return;
		}
		if (!k)
			break;
	}
	c->tag[0] = cap ? X_NNP : X_NN;
	c->sc[0] = 0;
	c->n = 1;
}

/* A straight quote opens when a word follows it closely and none
 * precedes it closely, closes in the opposite case, and otherwise
 * alternates with the quotes before it. */
static int quote_side(const char *text, const NkgAnalysis *a, size_t i)
{
	const NkgWord *w = &a->words[i];
	int before = i > 0 && a->words[i - 1].b1 == w->b0;
	int after = i + 1 < a->n_words && a->words[i + 1].b0 == w->b1;
	if (after && !before)
		return X_LQUOTE;
	if (before && !after)
		return X_RQUOTE;
	int open = 0;
	for (size_t k = 0; k < i; k++)
		if (a->words[k].b1 - a->words[k].b0 == 1 &&
		    text[a->words[k].b0] == '"')
			open = !open;
	return open ? X_RQUOTE : X_LQUOTE;
}

/* Fixed tags for punctuation the model does not split the same way. */
static int fixed_tag(const char *text, const NkgAnalysis *a, size_t i)
{
	const NkgWord *w = &a->words[i];
	const char *s = text + w->b0;
	size_t n = w->b1 - w->b0;
	/* most words open with a letter or a digit: the rules for
	 * punctuation below do not apply to them */
	unsigned char c0 = (unsigned char)*s, lc0 = c0 | 0x20;
	if ((lc0 >= 'a' && lc0 <= 'z') || (c0 >= '0' && c0 <= '9')) {
		if (n == 1 && c0 == 'i')
			return X_PRP; /* the pronoun, written in lower case */
		if (n > 4 && (!strncmp(s, "http", 4) ||
		              !strncmp(s, "www.", 4) || memchr(s, '@', n)))
			return X_ADD;
		return X_NONE;
	}
	if (n == 1 && *s == '-' && i > 0 && i + 1 < a->n_words &&
	    a->words[i - 1].b1 == w->b0 && a->words[i + 1].b0 == w->b1)
		return X_HYPH;
	if (n == 1 && *s == '"')
		return quote_side(text, a, i);
	if (n == 3 && !memcmp(s, "\xe2\x80\x9c", 3))
		return X_LQUOTE;
	if (n == 3 && !memcmp(s, "\xe2\x80\x9d", 3))
		return X_RQUOTE;
	if (n == 1 && strchr("([{", *s))
		return X_LRB;
	if (n == 1 && strchr(")]}", *s))
		return X_RRB;
	if (n == 1 && *s == '<')
		return X_LRB;
	if (n == 1 && *s == '>')
		return X_RRB;
	if (n == 1 && strchr("|*~^", *s))
		return X_NFP;
	if (n == 1 && *s == '/')
		return X_SYM;
	if (n >= 2 && strchr(":;", *s) && strchr(")(DPp", s[n - 1]))
		return X_NFP; /* an emoticon */
	if (n > 1 && *s == '#')
		return X_NN;
	if (n > 4 && memchr(s, '@', n))
		return X_ADD; /* an address that opens with a sign */
	if (n >= 2 && strchr("-=*_~", *s) && strchr("-=*_~", s[n - 1]) &&
	    !(n == 2 && s[1] == '-'))
		return X_NFP;
	return X_NONE;
}

/* An unknown word that WordNet lists as a base form keeps only the tags
 * of its parts of speech ("iodine" is a noun, not an adjective). */
static void wordnet_filter(const NkgLang *l, const char *key, int cap, Cell *c)
{
	uint32_t v;
	if (!ld_get(l, l->wn, key, &v))
		return;
	Cell k = *c;
	k.n = 0;
	for (int i = 0; i < c->n; i++) {
		int t = c->tag[i];
		int ok =
		        ((v & WN_NOUN) && (t == X_NN || (cap && t == X_NNP))) ||
		        ((v & WN_VERB) && (t == X_VB || t == X_VBP)) ||
		        ((v & WN_ADJ) && t == X_JJ) ||
		        ((v & WN_ADV) && t == X_RB);
		if (ok) {
			k.tag[k.n] = c->tag[i];
			k.sc[k.n++] = c->sc[i];
		}
	}
	if (!k.n && (v & WN_NOUN) && !cap) {
		k.tag[0] = X_NN;
		k.sc[0] = 0;
		k.n = 1;
	}
	if (k.n)
		*c = k;
}

static void lexical_candidates(const NkgLang *l, const char *text,
                               NkgAnalysis *a, size_t i, Cell *c)
{
	NkgWord *w = &a->words[i];
	char form[256];
	model_form(text + w->b0, w->b1 - w->b0, form, sizeof form);
	uint32_t off;
	int start = i == 0 || a->words[i - 1].xpos == X_LQUOTE ||
	            a->words[i - 1].xpos == X_LRB ||
	            a->words[i - 1].xpos == X_COLON;
	if (ld_get(l, l->lex, form, &off)) {
		add_list(l, off, c, 0);
		w->flags |= W_KNOWN;
	}
	const char *key = nkg_word_key(a, i);
	/* a key already looked up, as the form or just above, is not asked
	 * for again: most words are their own key */
	int key_tried = !strcmp(form, key);
	if ((w->flags & W_CAP) && (start || (w->flags & W_UPPER) || !c->n) &&
	    !key_tried) {
		key_tried = 1;
		if (ld_get(l, l->lex, key, &off)) {
			add_list(l, off, c, c->n ? -0.5f : 0);
			w->flags |= W_KNOWN;
		}
	}
	if (!c->n && !key_tried && ld_get(l, l->lex, key, &off))
		add_list(l, off, c, 0);
	if (!c->n && is_numberlike(form) && ld_get(l, l->lex, "*NUM*", &off))
		add_list(l, off, c, 0);
	if (!c->n) {
		unknown(l, form, (w->flags & W_CAP) != 0, c);
		wordnet_filter(l, key, (w->flags & W_CAP) != 0, c);
	}
	if (!c->n)
		force(c, X_NN);
}

/* Apart from the fixed tags, a word's candidates depend on its form and on
 * whether it starts the sentence (or a quote) alone: the last ones found
 * for each are kept in a table (as large as the lemmas', lemma.c), which
 * spares the lookups behind them for the words news repeats. */
#define MEMO_SLOTS 32768 /* a power of two */
#define MEMO_LEN 22
#define MEMO_TAGS 6 /* words with more candidates are not kept */

typedef struct {
	uint32_t hash; /* of form and start; 0 when free */
	uint8_t fn, start, known, n;
	char form[MEMO_LEN];
	uint8_t tag[MEMO_TAGS];
	float sc[MEMO_TAGS];
	uint8_t pad[4]; /* to a cache line: each lookup reads one */
} TagMemo;
_Static_assert(sizeof(TagMemo) == 64, "a tag memo entry fills a cache line");

static TagMemo *memo_slot(const NkgLang *l, NkgAnalysis *a, const NkgWord *w,
                          size_t fn, int start, uint32_t *hash)
{
	if (fn >= MEMO_LEN)
		return NULL;
	return ld_memo_slot_hashed(&a->tag_memo, &a->tag_lang, l, MEMO_SLOTS,
	                           sizeof(TagMemo), w->fhash, (uint32_t)start,
	                           hash);
}

static void candidates(const NkgLang *l, const char *text, NkgAnalysis *a,
                       size_t i, Cell *c)
{
	NkgWord *w = &a->words[i];
	c->n = 0;
	c->skip = 0;
	int fx = fixed_tag(text, a, i);
	if (fx) {
		force(c, fx);
		c->skip = fx == X_HYPH;
		return;
	}
	int start = i == 0 || a->words[i - 1].xpos == X_LQUOTE ||
	            a->words[i - 1].xpos == X_LRB ||
	            a->words[i - 1].xpos == X_COLON;
	const char *form = text + w->b0;
	size_t fn = w->b1 - w->b0;
	uint32_t h = 0;
	TagMemo *m = memo_slot(l, a, w, fn, start, &h);
	if (m && m->hash == h && m->fn == fn && m->start == start &&
	    !memcmp(m->form, form, fn)) {
		c->n = m->n;
		memcpy(c->tag, m->tag, m->n);
		memcpy(c->sc, m->sc, m->n * sizeof *c->sc);
		if (m->known)
			w->flags |= W_KNOWN;
		return;
	}
	lexical_candidates(l, text, a, i, c);
	if (m && c->n <= MEMO_TAGS) {
		m->hash = h;
		m->fn = (uint8_t)fn;
		m->start = (uint8_t)start;
		m->known = (w->flags & W_KNOWN) != 0;
		m->n = c->n;
		memcpy(m->form, form, fn);
		memcpy(m->tag, c->tag, c->n);
		memcpy(m->sc, c->sc, c->n * sizeof *c->sc);
	}
}

static int is_form(const char *text, const NkgWord *w, const char *const *set)
{
	size_t n = w->b1 - w->b0;
	unsigned char c0 = (unsigned char)text[w->b0];
	if (c0 >= 'A' && c0 <= 'Z')
		c0 = (unsigned char)(c0 - 'A' + 'a');
	for (; *set; set++)
		if ((unsigned char)**set == c0 && strlen(*set) == n &&
		    !strncasecmp(text + w->b0, *set, n))
			return 1;
	return 0;
}

static const char *const be_have_get[] = {
        "be",  "is",   "are", "was",    "were",    "been", "being",  "am",
        "'s",  "'re",  "'m",  "have",   "has",     "had",  "having", "'ve",
        "get", "gets", "got", "gotten", "getting", NULL};
static const char *const do_forms[] = {"do", "does", "did", NULL};

/* The previous word that is not an adverb or "not", or -1. */
static long prev_content(const NkgAnalysis *a, size_t i)
{
	long j = (long)i - 1;
	while (j >= 0 &&
	       (a->words[j].xpos == X_RB || a->words[j].xpos == X_HYPH))
		j--;
	return j;
}

/* Does a noun phrase start right after word I ("accused Canberra",
 * "signed the deal"), as an object of an active verb would? */
static int object_follows(const NkgAnalysis *a, size_t i)
{
	if (i + 1 >= a->n_words)
		return 0;
	int x = a->words[i + 1].xpos;
	return x == X_DT || x == X_NNP || x == X_NNPS || x == X_NN ||
	       x == X_NNS || x == X_PRP || x == X_PRPS || x == X_CD ||
	       x == X_JJ;
}

/* Verb forms the bigram model cannot tell apart, settled by what comes
 * before them as English grammar does: a past participle follows a form of
 * be, have or get, a past tense follows its subject; the base form follows
 * a modal, "to" or "do", the present form follows its subject. */
static void settle_verbs(NkgAnalysis *a, const char *text)
{
	for (size_t i = 0; i < a->n_words; i++) {
		NkgWord *w = &a->words[i];
		long j = prev_content(a, i);
		const NkgWord *p = j >= 0 ? &a->words[j] : NULL;
		if (w->xpos == X_VBG &&
		    ((p && p->xpos == X_DT &&
		      (i + 1 >= a->n_words || a->words[i + 1].xpos == X_IN ||
		       a->words[i + 1].xpos == X_PERIOD ||
		       a->words[i + 1].xpos == X_COMMA ||
		       a->words[i + 1].xpos == X_CC)) ||
		     (i + 1 < a->n_words &&
		      is_form(text, &a->words[i + 1],
		              (const char *const[]){"of", NULL}))))
			/* "condemned the shelling.", "condemns shelling of
			 * Kadugli": a gerund after a determiner with no
			 * object, or before "of", is a noun */
			w->xpos = X_NN;
		else if (w->xpos == X_VBD && p && is_form(text, p, be_have_get))
			w->xpos = X_VBN;
		else if (w->xpos == X_VBD && p && p->xpos == X_CC && j >= 2 &&
		         a->words[j - 1].xpos == X_VBN &&
		         prev_content(a, (size_t)j - 1) >= 0 &&
		         is_form(text,
		                 &a->words[prev_content(a, (size_t)j - 1)],
		                 be_have_get) &&
		         !object_follows(a, i))
			/* "were beaten and detained": the second participle
			 * shares the first one's auxiliary */
			w->xpos = X_VBN;
		else if (w->xpos == X_VBN && p &&
		         (p->xpos == X_PRP || p->xpos == X_NNP ||
		          p->xpos == X_NNPS || p->xpos == X_NNS ||
		          p->xpos == X_NN) &&
		         !(w->flags & W_CAP)) {
			/* "officials arrested": no auxiliary anywhere before
			 * in the clause, which a dash or a colon closes
			 * ("GENEVA (Wire) — officials arrested") */
			int aux = 0;
			for (long k = j; k >= 0 && !aux; k--) {
				if (a->words[k].xpos == X_COLON &&
				    !(i + 1 < a->n_words &&
				      is_form(text, &a->words[i + 1],
				              (const char *const[]){"by",
				                                    NULL})))
					break;
				aux = (is_form(text, &a->words[k],
				               be_have_get) &&
				       a->words[k].xpos != X_POS) ||
				      a->words[k].xpos == X_COMMA;
			}
			if (!aux && (j == 0 || a->words[j - 1].xpos != X_IN))
				w->xpos = X_VBD;
		} else if (w->xpos == X_VBP &&
		           (!p || p->xpos == X_MD || p->xpos == X_TO ||
		            is_form(text, p, do_forms))) {
			w->xpos = X_VB;
		} else if (w->xpos == X_VB && p && p->xpos == X_PRP &&
		           !is_form(text, p,
		                    (const char *const[]){"it", "he", "she",
		                                          "him", "her", "them",
		                                          "me", "us", NULL})) {
			w->xpos = X_VBP;
		}
	}
}

/* A noun right after a modal, or after "to" and before its own object,
 * is a verb when WordNet has it as one: "would boycott", "to blockade
 * Paris" (the tagger's lexicon may know the word only as a noun). */
static void settle_modal(const NkgLang *l, NkgAnalysis *a)
{
	for (size_t i = 1; i < a->n_words; i++) {
		NkgWord *w = &a->words[i];
		long j = prev_content(a, i);
		if (w->xpos != X_NN || j < 0)
			continue;
		int px = a->words[j].xpos;
		int obj =
		        i + 1 < a->n_words && (a->words[i + 1].xpos == X_DT ||
		                               a->words[i + 1].xpos == X_PRPS ||
		                               a->words[i + 1].xpos == X_NNP ||
		                               a->words[i + 1].xpos == X_PRP);
		uint32_t v;
		if ((px == X_MD || (px == X_TO && obj)) &&
		    ld_get(l, l->wn, nkg_word_key(a, i), &v) && (v & WN_VERB))
			w->xpos = X_VB;
	}
}

/* UD English writes ";", "--" and "..." as commas (XPOS ","). */
static void settle_punct(NkgAnalysis *a, const char *text)
{
	for (size_t i = 0; i < a->n_words; i++) {
		NkgWord *w = &a->words[i];
		const char *s = text + w->b0;
		size_t n = w->b1 - w->b0;
		if (w->xpos == X_COLON &&
		    (*s == ';' || (n >= 2 && s[0] == '-' && s[1] == '-') ||
		     (n >= 3 && *s == '.') || (n == 1 && *s == '-')))
			w->xpos = X_COMMA;
	}
}

/* "to" before a verb is the infinitive marker (TO), elsewhere a
 * preposition (IN), as UD English tags it; the model has TO for both. */
static void settle_to(NkgAnalysis *a, const char *text)
{
	for (size_t i = 0; i < a->n_words; i++) {
		NkgWord *w = &a->words[i];
		if (w->xpos != X_TO)
			continue;
		size_t j = i + 1;
		while (j < a->n_words && a->words[j].xpos == X_RB)
			j++;
		if (j < a->n_words && a->words[j].xpos == X_VBP)
			a->words[j].xpos =
			        X_VB; /* "to" + verb: the base form */
		else if (j >= a->n_words || a->words[j].xpos != X_VB)
			w->xpos = X_IN;
	}
	(void)text;
}

static const uint8_t upos_of[X_COUNT] = {
        [X_CC] = U_CCONJ,     [X_CD] = U_NUM,       [X_DT] = U_DET,
        [X_EX] = U_PRON,      [X_FW] = U_X,         [X_IN] = U_ADP,
        [X_JJ] = U_ADJ,       [X_JJR] = U_ADJ,      [X_JJS] = U_ADJ,
        [X_LS] = U_X,         [X_MD] = U_AUX,       [X_NN] = U_NOUN,
        [X_NNS] = U_NOUN,     [X_NNP] = U_PROPN,    [X_NNPS] = U_PROPN,
        [X_PDT] = U_DET,      [X_POS] = U_PART,     [X_PRP] = U_PRON,
        [X_PRPS] = U_PRON,    [X_RB] = U_ADV,       [X_RBR] = U_ADV,
        [X_RBS] = U_ADV,      [X_RP] = U_ADP,       [X_SYM] = U_SYM,
        [X_TO] = U_PART,      [X_UH] = U_INTJ,      [X_VB] = U_VERB,
        [X_VBD] = U_VERB,     [X_VBG] = U_VERB,     [X_VBN] = U_VERB,
        [X_VBP] = U_VERB,     [X_VBZ] = U_VERB,     [X_WDT] = U_PRON,
        [X_WP] = U_PRON,      [X_WPS] = U_PRON,     [X_WRB] = U_ADV,
        [X_COMMA] = U_PUNCT,  [X_PERIOD] = U_PUNCT, [X_COLON] = U_PUNCT,
        [X_LQUOTE] = U_PUNCT, [X_RQUOTE] = U_PUNCT, [X_LRB] = U_PUNCT,
        [X_RRB] = U_PUNCT,    [X_DOLLAR] = U_SYM,   [X_HASH] = U_SYM,
        [X_HYPH] = U_PUNCT,   [X_NFP] = U_PUNCT,    [X_ADD] = U_X,
        [X_AFX] = U_ADJ,      [X_GW] = U_X,         [X_XX] = U_X};

/* Whether word I and the next make a noun WordNet lists ("new_york",
 * "tear_gas"); asked for most proper nouns of a story, so the key is
 * joined by hand: snprintf() takes longer than the lookup. */
static int wordnet_pair(const NkgLang *l, const NkgAnalysis *a, size_t i)
{
	char key[128];
	const char *k0 = nkg_word_key(a, i), *k1 = nkg_word_key(a, i + 1);
	size_t n0 = strlen(k0), n1 = strlen(k1);
	if (n0 + 1 + n1 >= sizeof key)
		return 0;
	memcpy(key, k0, n0);
	key[n0] = '_';
	memcpy(key + n0 + 1, k1, n1 + 1);
	uint32_t v;
	return ld_get(l, l->wn, key, &v) && (v & WN_NOUN);
}

/* Whether word I and the next make a name WordNet lists ("New York"). */
static int in_named_compound(const NkgLang *l, const NkgAnalysis *a, size_t i)
{
	if (i + 1 >= a->n_words ||
	    (a->words[i + 1].xpos != X_NNP && a->words[i + 1].xpos != X_NNPS))
		return 0;
	return wordnet_pair(l, a, i);
}

/* "fired tear gas at protesters": a verb form before a noun with which
 * it makes a noun WordNet lists is that compound's first noun. */
static void settle_noun_compounds(const NkgLang *l, NkgAnalysis *a)
{
	for (size_t i = 0; i + 1 < a->n_words; i++) {
		NkgWord *w = &a->words[i];
		int nx = a->words[i + 1].xpos;
		if ((w->xpos != X_VB && w->xpos != X_VBP) ||
		    (nx != X_NN && nx != X_NNS))
			continue;
		if (i > 0 && (a->words[i - 1].xpos == X_TO ||
		              a->words[i - 1].xpos == X_MD))
			continue;
		if (wordnet_pair(l, a, i))
			w->xpos = X_NN;
	}
}

/* Indefinite pronouns, which the Penn tags count as nouns. */
static const char *const indefinite[] = {
        "anyone",    "anything", "anybody",   "everyone", "everything",
        "everybody", "someone",  "something", "somebody", "nobody",
        "nothing",   "none",     "noone",     NULL};

/* The Universal tag: mostly the Penn tag's, but a capitalised word of a
 * name that is otherwise an adjective stays ADJ ("National Library"), as
 * UD English has it, and addresses are proper nouns. */
static int settle_upos(const NkgLang *l, const char *text, const NkgAnalysis *a,
                       size_t i)
{
	const NkgWord *w = &a->words[i];
	int x = w->xpos;
	if (x == X_ADD)
		return U_PROPN;
	if (x == X_NFP && strchr(":;", text[w->b0]) && w->b1 - w->b0 >= 2)
		return U_SYM;
	if ((x == X_NN || x == X_NNS) && is_form(text, w, indefinite))
		return U_PRON;
	if (x == X_NNP && !(w->flags & W_UPPER)) {
		uint32_t off, cnt, wn;
		if (in_named_compound(l, a, i))
			return U_PROPN;
		if (ld_get(l, l->wn, nkg_word_key(a, i), &wn) &&
		    (wn & WN_ADJ) && !(wn & WN_NOUN))
			return U_ADJ;
		if (ld_get(l, l->lex, nkg_word_key(a, i), &off)) {
			const float *v = (const float *)ld_list(l, off, &cnt);
			uint32_t best = 0;
			float bs = -1e30f;
			for (uint32_t k = 0; k < cnt; k++) {
				uint32_t t;
				memcpy(&t, &v[2 * k], 4);
				if (v[2 * k + 1] > bs) {
					bs = v[2 * k + 1];
					best = t;
				}
			}
			if (best == X_JJ)
				return U_ADJ;
		}
	}
	return upos_of[x];
}

/* "rejected the allegations made by Pakistan": a past form right after
 * the object of a finite verb of its own clause, with "by" after it, is a
 * past participle that modifies the object ("the plan drawn up by", "put
 * forward by"; a clause has one finite verb unless a conjunction, comma or
 * relative word comes between).  Only a word the tagger could read as a past
 * participle (C: its candidates). */
static void settle_reduced(NkgAnalysis *a, const char *text, const Cell *c)
{
	for (size_t i = 2; i + 1 < a->n_words; i++) {
		NkgWord *w = &a->words[i];
		int p = a->words[i - 1].xpos;
		size_t b = i + 1 +
		           (a->words[i + 1].xpos == X_RP ||
		            a->words[i + 1].xpos == X_RB);
		if (w->xpos != X_VBD || b >= a->n_words ||
		    !is_form(text, &a->words[b],
		             (const char *const[]){"by", NULL}) ||
		    (p != X_NN && p != X_NNS && p != X_NNP && p != X_NNPS))
			continue;
		/* a regular past form is a participle too, whatever the
		 * tagger's counts saw of it ("brokered") */
		size_t wl = w->b1 - w->b0;
		int vbn = wl > 3 && text[w->b1 - 2] == 'e' &&
		          text[w->b1 - 1] == 'd';
		for (int k = 0; k < c[i].n && !vbn; k++)
			vbn = c[i].tag[k] == X_VBN;
		static const char *const preps[] = {
		        "to",   "of",   "in",      "on",   "at", "for",
		        "with", "from", "against", "into", NULL};
		int finite = 0;
		for (size_t k = i - 1; k-- > 0 && !finite;) {
			int x = a->words[k].xpos;
			/* a preposition stays in the clause ("agreed to a
			 * ceasefire proposed by"); a subordinator opens one */
			if (x == X_IN && is_form(text, &a->words[k], preps))
				continue;
			if (x == X_CC || x == X_COMMA || x == X_WDT ||
			    x == X_WP || x == X_IN || x == X_COLON)
				break;
			finite = x == X_VBD || x == X_VBZ || x == X_VBP ||
			         x == X_MD;
		}
		if (vbn && finite)
			w->xpos = X_VBN;
	}
}

/* "villagers kidnapped in Kaduna were freed": a past form right after a
 * noun, followed by prepositional phrases only and then by the finite verb
 * or auxiliary of the same clause, is a past participle that modifies the
 * noun; a clause has one finite verb.  An object right after the form
 * ("Iran warned Israel attacks would ...") makes it finite, and a comma,
 * conjunction, subordinator or relative word ends the search.  Only a word
 * the tagger could read as a past participle (C: its candidates). */
static void settle_reduced_subject(NkgAnalysis *a, const char *text,
                                   const Cell *c)
{
	static const char *const preps[] = {
	        "in",   "on",      "at",   "near", "of",     "for",    "to",
	        "from", "against", "into", "over", "across", "around", NULL};
	for (size_t i = 1; i + 2 < a->n_words; i++) {
		int p = a->words[i - 1].xpos;
		if (a->words[i].xpos != X_VBD ||
		    (p != X_NN && p != X_NNS && p != X_NNP && p != X_NNPS) ||
		    a->words[i + 1].xpos != X_IN ||
		    !is_form(text, &a->words[i + 1], preps))
			continue;
		int vbn = 0;
		for (int k = 0; k < c[i].n && !vbn; k++)
			vbn = c[i].tag[k] == X_VBN;
		if (!vbn)
			continue;
		int finite = 0;
		for (size_t k = i + 2; k < a->n_words && k < i + 12; k++) {
			int x = a->words[k].xpos;
			if (x == X_IN && !is_form(text, &a->words[k], preps))
				break;
			if (x == X_VBD || x == X_VBZ || x == X_VBP ||
			    x == X_MD) {
				finite = 1;
				break;
			}
			if (x != X_IN && x != X_DT && x != X_JJ && x != X_NN &&
			    x != X_NNS && x != X_NNP && x != X_NNPS &&
			    x != X_CD && x != X_POS && x != X_PRPS)
				break;
		}
		if (finite)
			a->words[i].xpos = X_VBN;
	}
}

int nkg_lang_tag(const NkgLang *l, const char *text, NkgAnalysis *a)
{
	size_t n = a->n_words;
	if (!n)
		return 0;
	if (a->cap_scratch < n * sizeof(Cell)) {
		void *p = realloc(a->scratch, n * sizeof(Cell));
		if (!p)
			return -1;
		a->scratch = p;
		a->cap_scratch = n * sizeof(Cell);
	}
	Cell *c = a->scratch;
	int prev = -1; /* last cell in the lattice */
	for (size_t i = 0; i < n; i++) {
		candidates(l, text, a, i, &c[i]);
		if (c[i].skip) {
			c[i].best[0] = 0;
			a->words[i].xpos = c[i].tag[0];
			continue;
		}
		for (int k = 0; k < c[i].n; k++) {
			float best = -1e30f;
			int arg = 0;
			if (prev < 0) {
				best = l->trans[X_NONE * X_COUNT + c[i].tag[k]];
			} else {
				const Cell *p = &c[prev];
				for (int j = 0; j < p->n; j++) {
					float s = p->best[j] +
					          l->trans[p->tag[j] * X_COUNT +
					                   c[i].tag[k]];
					if (s > best) {
						best = s;
						arg = j;
					}
				}
			}
			c[i].best[k] = best + c[i].sc[k];
			c[i].back[k] = (uint8_t)arg;
		}
		/* the provisional tag lets the next word see a quote or
		 * bracket; PREP holds the lattice link until the trace-back */
		a->words[i].xpos = c[i].tag[0];
		a->words[i].prep = (uint32_t)(prev + 1);
		prev = (int)i;
	}
	/* trace back from the best final tag */
	int k = 0;
	for (int j = 1; j < c[prev].n; j++)
		if (c[prev].best[j] > c[prev].best[k])
			k = j;
	for (int i = prev; i >= 0;) {
		a->words[i].xpos = c[i].tag[k];
		int p = (int)a->words[i].prep - 1;
		k = c[i].back[k];
		i = p;
	}
	for (size_t i = 0; i < n; i++)
		a->words[i].prep = 0;
	settle_modal(l, a);
	settle_to(a, text);
	settle_verbs(a, text);
	settle_noun_compounds(l, a);
	settle_reduced(a, text, c);
	settle_reduced_subject(a, text, c);
	settle_punct(a, text);
	for (size_t i = 0; i < n; i++)
		a->words[i].upos = settle_upos(l, text, a, i);
	return 0;
}
