/* SPDX-License-Identifier: MIT */
/* parse.c: chunks and clause relations in Universal Dependencies terms.
 *
 * A deterministic parser over the tags: it groups words into chunks
 * (noun phrases, verb groups, prepositional phrases), then reads each
 * clause the way a grammar of English describes it:
 *
 *   - a finite verb group takes as subject the noun phrase before it,
 *     past the prepositional phrases, appositions and coordinated nouns
 *     that modify that phrase ("the president of X and his wife ... said");
 *     a relative pronoun just before it is its subject ("who said");
 *   - a verb takes as object the noun phrase after it, two noun phrases
 *     make an indirect and a direct object ("gave him a book"), unless the
 *     phrase is the subject of a verb that follows it ("said X would");
 *   - "be" without a main verb is a copula: the predicate after it (noun,
 *     adjective, prepositional phrase) heads the clause;
 *   - be or get with a past participle is passive: the subject is
 *     nsubj:pass and "by" X is obl:agent;
 *   - "there" with be is an expletive and the noun after it the subject;
 *   - a clause after "to" is xcomp, after a subordinating conjunction
 *     advcl, after a relative pronoun acl:relcl of the noun before it,
 *     after a verb of the main clause (with or without "that") ccomp.
 *
 * Heads follow UD: the content verb, not the auxiliary; the last noun of a
 * compound; the first word of a name.  Every word gets a head, so the
 * result is one tree per sentence.
 */
#include "language/langdata.h"
#include "text/fmt.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int is_noun(int x)
{
	return x == X_NN || x == X_NNS || x == X_NNP || x == X_NNPS;
}
static int is_verb(int x)
{
	return x >= X_VB && x <= X_VBZ;
}
static int is_adj(int x)
{
	return x == X_JJ || x == X_JJR || x == X_JJS;
}
static int is_adv(int x)
{
	return x == X_RB || x == X_RBR || x == X_RBS;
}
static int is_finite_tag(int x)
{
	return x == X_VBD || x == X_VBZ || x == X_VBP || x == X_MD;
}

static int lemma_is(const NkgAnalysis *a, size_t i, const char *l)
{
	return nkg_streq(nkg_word_lemma(a, i), l);
}

static int key_is(const NkgAnalysis *a, size_t i, const char *k)
{
	return nkg_streq(nkg_word_key(a, i), k);
}

/* "at least 50 militants", "at most three": with a superlative of
 * quantity, "at" makes no prepositional phrase; the quantity belongs to
 * the noun phrase it opens. */
static int quantity_at(const NkgAnalysis *a, size_t i)
{
	return i + 2 < a->n_words && key_is(a, i, "at") &&
	       (key_is(a, i + 1, "least") || key_is(a, i + 1, "most"));
}

/* "more than 40 fighters", "fewer than ten": a comparison before a number
 * is part of the quantity, not a prepositional phrase; I is "more". */
static int comparative_at(const NkgAnalysis *a, size_t i)
{
	return i + 2 < a->n_words &&
	       (key_is(a, i, "more") || key_is(a, i, "less") ||
	        key_is(a, i, "fewer")) &&
	       key_is(a, i + 1, "than") &&
	       (a->words[i + 2].xpos == X_CD ||
	        /* "ten" read as an adjective before its noun */
	        (a->words[i + 2].xpos == X_JJ && i + 3 < a->n_words &&
	         a->words[i + 3].xpos == X_NNS));
}

static int is_aux_lemma(const NkgAnalysis *a, size_t i)
{
	return lemma_is(a, i, "be") || lemma_is(a, i, "have") ||
	       lemma_is(a, i, "do") || lemma_is(a, i, "get");
}

/* Words that introduce clauses; the other words tagged IN are
 * prepositions even before a clause ("by using it"). */
static int subordinator(const NkgAnalysis *a, size_t i)
{
	static const char *const sub[] = {
	        "after",  "before",  "since", "until", "till",    "because",
	        "if",     "whether", "that",  "while", "whilst",  "although",
	        "though", "unless",  "as",    "once",  "whereas", "than",
	        "so",     "lest",    NULL};
	for (const char *const *s = sub; *s; s++)
		if (key_is(a, i, *s))
			return 1;
	return 0;
}

/* ---- chunks ---- */

static int add_chunk(NkgAnalysis *a, int kind, size_t w0, size_t w1,
                     size_t head)
{
	if (a->n_chunks == a->cap_chunks) {
		size_t cap = a->cap_chunks ? a->cap_chunks * 2 : 32;
		NkgChunk *c = realloc(a->chunks, cap * sizeof *c);
		if (!c)
			return -1;
		a->chunks = c;
		a->cap_chunks = cap;
	}
	NkgChunk *c = &a->chunks[a->n_chunks];
	c->kind = (uint8_t)kind;
	c->w0 = (uint16_t)w0;
	c->w1 = (uint16_t)w1;
	c->head = (uint16_t)head;
	for (size_t i = w0; i < w1; i++)
		a->words[i].chunk = (int16_t)a->n_chunks;
	a->n_chunks++;
	return 0;
}

/* May word I stand inside a noun phrase before its head? */
static int np_inner(const NkgAnalysis *a, size_t i)
{
	int x = a->words[i].xpos;
	if (is_noun(x) || is_adj(x) || x == X_CD || x == X_POS || x == X_PRPS ||
	    x == X_DT || x == X_PDT || x == X_WPS || x == X_HYPH ||
	    x == X_DOLLAR)
		return 1;
	/* "the armed forces", "a growing number": a participle before a noun */
	if ((x == X_VBN || x == X_VBG) && i + 1 < a->n_words &&
	    (is_noun(a->words[i + 1].xpos) || is_adj(a->words[i + 1].xpos)) &&
	    i > 0 &&
	    (a->words[i - 1].xpos == X_DT || a->words[i - 1].xpos == X_PRPS ||
	     is_adj(a->words[i - 1].xpos) ||
	     (a->words[i - 1].xpos == X_IN &&
	      x == X_VBG))) /* "from neighboring Lebanon" */
		return 1;
	/* "very large": an adverb before an adjective inside the phrase */
	if ((x == X_RB || x == X_RBS || x == X_RBR) && i + 1 < a->n_words &&
	    is_adj(a->words[i + 1].xpos) && i > 0 &&
	    (a->words[i - 1].xpos == X_DT || a->words[i - 1].xpos == X_PRPS))
		return 1;
	return 0;
}

/* Does the tagger's lexicon list word KEY with tag X? */
static int lex_has_tag(const NkgLang *l, const char *key, int x)
{
	uint32_t off, n;
	if (!ld_get(l, l->lex, key, &off))
		return 0;
	const unsigned char *p = ld_list(l, off, &n);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t tag;
		memcpy(&tag, p + 8 * i, 4);
		if ((int)tag == x)
			return 1;
	}
	return 0;
}

/* A title or honorific written before a name: an abbreviation ("Mr.",
 * "Gen.") or a common noun of persons that is not also a name
 * ("Professor", "President"; not "Thomas"). */
static int is_title(const NkgLang *l, const NkgAnalysis *a, size_t i)
{
	const NkgWord *w = &a->words[i];
	size_t n = w->b1 - w->b0;
	const char *k = nkg_word_key(a, i);
	if (!(w->flags & W_CAP))
		return 0;
	if (n >= 2 && n <= 5 && k[strlen(k) - 1] == '.')
		return 1;
	return w->nclass == NC_PERSON && lex_has_tag(l, k, X_NN);
}

/* The head of the noun phrase W0..W1: its last noun, but the first word of
 * a name whose last word is not a common noun ("Tom Molomby"). */
static size_t np_head(const NkgLang *l, const NkgAnalysis *a, size_t w0,
                      size_t w1)
{
	size_t h = w1 - 1;
	while (h > w0 && !is_noun(a->words[h].xpos) &&
	       a->words[h].xpos != X_CD && a->words[h].xpos != X_PRP &&
	       a->words[h].xpos != X_EX)
		h--;
	if (a->words[h].xpos == X_NNP || a->words[h].xpos == X_NNPS) {
		size_t f = h;
		while (f > w0 && (a->words[f - 1].xpos == X_NNP ||
		                  a->words[f - 1].xpos == X_NNPS))
			f--;
		/* a title before the name is not its head: "Mr. Tedeschi",
		 * "Professor Cres Eastman" */
		while (f < h && is_title(l, a, f))
			f++;
		uint32_t off;
		const char *k = nkg_word_key(a, h);
		int common = ld_get(l, l->lex, k, &off);
		if (f < h && !common)
			return f;
	}
	return h;
}

/* Does a time noun start at word J ("today", "last week")? */
static int time_after(const NkgAnalysis *a, size_t j)
{
	if (j + 1 < a->n_words &&
	    (is_adj(a->words[j].xpos) || a->words[j].xpos == X_DT))
		j++;
	int x = a->words[j].xpos;
	return (x == X_NN || x == X_NNS || x == X_NNP) &&
	       a->words[j].nclass == NC_TIME;
}

/* Is word J a time noun that is also an adverb ("today", "tonight",
 * "yesterday")?  After a noun it starts a phrase of its own: "the
 * government today ordered". */
static int time_adverb(const NkgLang *l, const NkgAnalysis *a, size_t j)
{
	uint32_t v;
	return a->words[j].nclass == NC_TIME &&
	       ld_get(l, l->wn, nkg_word_key(a, j), &v) && (v & WN_ADV);
}

/* Does the name at J, after a noun of a message or an act, start a
 * clause: its words, then an adverb or two, then a verb?  A past
 * participle there is the clause's past tense ("a charge New Delhi
 * quickly rejected"): it has a subject and no auxiliary. */
static int contact_clause(NkgAnalysis *a, size_t j)
{
	int nc = a->words[j - 1].nclass;
	if (nc != NC_COMMUNICATION && nc != NC_ACT && nc != NC_COGNITION)
		return 0;
	size_t k = j;
	while (k < a->n_words &&
	       (a->words[k].xpos == X_NNP || a->words[k].xpos == X_NNPS))
		k++;
	while (k < a->n_words && a->words[k].xpos == X_RB)
		k++;
	if (k >= a->n_words)
		return 0;
	int x = a->words[k].xpos;
	if (x == X_VBN)
		a->words[k].xpos = X_VBD;
	return x == X_VBD || x == X_VBZ || x == X_VBP || x == X_VBN ||
	       x == X_MD;
}

static int chunk_np(const NkgLang *l, NkgAnalysis *a, size_t *i)
{
	size_t w0 = *i, j = *i;
	int x = a->words[j].xpos;
	if (x == X_PRP || x == X_EX || x == X_WP || x == X_WDT) {
		/* a pronoun is a phrase of its own */
		*i = j + 1;
		return add_chunk(a, CH_NP, w0, j + 1, j);
	}
	int noun = 0;
	while (j < a->n_words && np_inner(a, j)) {
		int y = a->words[j].xpos;
		/* a determiner after a noun opens the next phrase: "gave the
		 * fishermen a warning" */
		if (noun && (y == X_DT || y == X_PDT || y == X_PRPS) &&
		    a->words[j - 1].xpos != X_POS)
			break;
		/* "visited Russia today", "met Rubio last week", "thanked his
		 * supporters Thursday": a time after a name, or a named day
		 * after a noun, is a phrase of its own */
		int px = a->words[j - (j > w0)].xpos;
		if (noun && j > w0 &&
		    (px == X_NNP || px == X_NNPS ||
		     ((px == X_NNS || px == X_NN) &&
		      (y == X_NNP || time_adverb(l, a, j)))) &&
		    time_after(a, j))
			break;
		/* "a charge New Delhi rejected": a name after a noun of a
		 * message or an act, with a verb after it, is the subject of
		 * a relative clause */
		if (noun && j > w0 && (y == X_NNP || y == X_NNPS) &&
		    (px == X_NN || px == X_NNS) && contact_clause(a, j))
			break;
		noun |= is_noun(y);
		j++;
	}
	/* a phrase must end in a noun, a number or a pronoun-like word */
	size_t end = j;
	while (end > w0 && !is_noun(a->words[end - 1].xpos) &&
	       a->words[end - 1].xpos != X_CD &&
	       !(end - 1 == w0 && a->words[w0].xpos == X_DT))
		end--;
	if (end == w0)
		return 1;
	*i = end;
	return add_chunk(a, CH_NP, w0, end, np_head(l, a, w0, end));
}

/* A verb group: modals, auxiliaries, adverbs and "not" between them, the
 * main verb and its particle. */
static int chunk_vg(NkgAnalysis *a, size_t *i)
{
	size_t w0 = *i, j = *i, last = *i;
	while (j < a->n_words) {
		int x = a->words[j].xpos;
		if (x == X_MD || is_verb(x)) {
			last = j;
			j++;
			if (!is_aux_lemma(a, last) && x != X_MD)
				break; /* the main verb ends the group */
			continue;
		}
		if (is_adv(x) && j + 1 < a->n_words &&
		    (is_verb(a->words[j + 1].xpos) ||
		     is_adv(a->words[j + 1].xpos)) &&
		    j > w0) {
			j++;
			continue;
		}
		break;
	}
	size_t end = last + 1;
	if (end < a->n_words && a->words[end].xpos == X_RP)
		end++;
	*i = end;
	return add_chunk(a, CH_VG, w0, end, last);
}

static int chunk(const NkgLang *l, NkgAnalysis *a)
{
	size_t i = 0;
	while (i < a->n_words) {
		int x = a->words[i].xpos;
		int rc = 1;
		/* "from neighboring Lebanon": a participle after a
		 * preposition and before a noun opens a noun phrase */
		uint32_t wn;
		int adj = x == X_VBG && i > 0 && a->words[i - 1].xpos == X_IN &&
		          np_inner(a, i) &&
		          ld_get(l, l->wn, nkg_word_key(a, i), &wn) &&
		          (wn & WN_ADJ) && !(wn & WN_VERB);
		if ((x == X_MD || is_verb(x)) && !adj)
			rc = chunk_vg(a, &i);
		else if (np_inner(a, i) || x == X_PRP || x == X_EX ||
		         ((x == X_WP || x == X_WDT) && i + 1 < a->n_words))
			rc = chunk_np(l, a, &i);
		if (rc < 0)
			return -1;
		if (rc > 0)
			i++;
	}
	return 0;
}

/* ---- clause relations ---- */

typedef struct {
	const NkgLang *l;
	NkgAnalysis *a;
	int *pred;   /* per chunk: predicate word of a verb group, -1 */
	char *taken; /* per chunk: the NP has a role already */
	/* per word W (0..n_words): the predicate of the nearest verb group
	 * before W, and at or after W, or -1; filled once the predicates are
	 * final (after inversions), so that attaching every word of a long
	 * verbless sentence does not scan the sentence for each word */
	int *before, *after;
} P;

static NkgChunk *ch(const P *p, long c)
{
	return &p->a->chunks[c];
}
static NkgWord *wd(const P *p, long i)
{
	return &p->a->words[i];
}

static void link(P *p, size_t dep, long head, int rel)
{
	if ((long)dep == head)
		return;
	wd(p, dep)->head = (int32_t)head;
	wd(p, dep)->deprel = (uint8_t)rel;
}

static int chunk_kind(const P *p, long c)
{
	return c >= 0 && c < (long)p->a->n_chunks ? ch(p, c)->kind : 0;
}

/* The chunk that starts right before word W0 ends, or -1. */
static long chunk_before(const P *p, size_t w0)
{
	if (!w0)
		return -1;
	return wd(p, w0 - 1)->chunk;
}

static long chunk_after(const P *p, size_t w1)
{
	return w1 < p->a->n_words ? wd(p, w1)->chunk : -1;
}

static int is_time_np(const P *p, long c)
{
	return wd(p, ch(p, c)->head)->nclass == NC_TIME;
}

/* Whether the verb group C is finite: its first verb is. */
static int vg_finite(const P *p, long c)
{
	return is_finite_tag(wd(p, ch(p, c)->w0)->xpos);
}

static int vg_passive(const P *p, long c)
{
	const NkgChunk *k = ch(p, c);
	if (wd(p, k->head)->xpos != X_VBN)
		return 0;
	for (size_t i = k->w0; i < k->head; i++)
		if (lemma_is(p->a, i, "be") || lemma_is(p->a, i, "get"))
			return 1;
	return 0;
}

/* The left edge of the noun phrase that ends with chunk C, taken whole:
 * with its prepositional phrases, coordinated nouns and appositions.
 * Returns the chunk of the phrase's head (the first conjunct). */
static long np_left(const P *p, long c, int *stop)
{
	for (;;) {
		const NkgChunk *k = ch(p, c);
		long b = chunk_before(p, k->w0);
		size_t pw = k->w0 ? k->w0 - 1 : 0;
		if (!k->w0)
			return c;
		int px = wd(p, pw)->xpos;
		/* ... but not over a word that may open a clause: "on Monday
		 * after the government granted" */
		if (px == X_IN && pw > 0 && wd(p, pw - 1)->chunk >= 0 &&
		    chunk_kind(p, wd(p, pw - 1)->chunk) == CH_NP &&
		    !key_is(p->a, pw, "that") && !subordinator(p->a, pw)) {
			c = wd(p, pw - 1)->chunk; /* "the president of X" */
			continue;
		}
		if (px == X_CC && pw > 0 && wd(p, pw - 1)->chunk >= 0 &&
		    chunk_kind(p, wd(p, pw - 1)->chunk) == CH_NP) {
			c = wd(p, pw - 1)->chunk; /* "X and Y" */
			continue;
		}
		/* "X, Y, and Z"; a lone ", and" before a subject opens a
		 * clause: "dispersed the crowd, and the ministry said" */
		if (px == X_CC && pw > 1 && wd(p, pw - 1)->xpos == X_COMMA &&
		    wd(p, pw - 2)->chunk >= 0 &&
		    chunk_kind(p, wd(p, pw - 2)->chunk) == CH_NP) {
			const NkgChunk *y = ch(p, wd(p, pw - 2)->chunk);
			if (y->w0 > 0 && wd(p, y->w0 - 1)->xpos == X_COMMA) {
				c = wd(p, pw - 2)->chunk;
				continue;
			}
		}
		if (px == X_COMMA && pw > 0 && wd(p, pw - 1)->chunk >= 0 &&
		    chunk_kind(p, wd(p, pw - 1)->chunk) == CH_NP &&
		    (wd(p, k->w1 - 1)->xpos == X_CD || k->w1 < p->a->n_words)) {
			/* "X, 42," "X, the minister," "X, Y and Z" */
			size_t after = k->w1;
			if (after < p->a->n_words &&
			    (wd(p, after)->xpos == X_COMMA ||
			     wd(p, after)->xpos == X_CC)) {
				c = wd(p, pw - 1)->chunk;
				continue;
			}
		}
		(void)b;
		*stop = 0;
		return c;
	}
}

/* The subject of the verb group C: the phrase before it, or -1. */
static long find_subject(const P *p, long c)
{
	const NkgChunk *k = ch(p, c);
	long i = (long)k->w0 - 1;
	while (i >= 0 && (is_adv(wd(p, i)->xpos) || wd(p, i)->xpos == X_RB))
		i--;
	if (i < 0)
		return -1;
	/* "Mugabe today accused", "Arafat Wednesday rejected": a time
	 * between a noun phrase and its verb is no subject */
	long tc = wd(p, i)->chunk;
	if (tc >= 0 && chunk_kind(p, tc) == CH_NP && is_time_np(p, tc) &&
	    ch(p, tc)->w0 > 0 && ch(p, tc)->w1 == (size_t)i + 1) {
		size_t b = ch(p, tc)->w0 - 1;
		long pc = wd(p, b)->chunk;
		/* ... and so is one in a phrase: "Ayebare, on Wednesday,
		 * criticized" */
		if (wd(p, b)->xpos == X_IN && !subordinator(p->a, b) && b > 0)
			i = (long)b - 1;
		else if (pc >= 0 && chunk_kind(p, pc) == CH_NP && !p->taken[pc])
			i = (long)b;
	}
	long sc = wd(p, i)->chunk;
	/* ", who is 42," between the subject and its verb */
	if (wd(p, i)->xpos == X_COMMA) {
		long j = i - 1;
		while (j >= 0 && wd(p, j)->xpos != X_COMMA && j > i - 12)
			j--;
		/* ", along with Belgium,", ", including Iran," too */
		int with = (wd(p, j + 1)->xpos == X_RB && j + 2 < i &&
		            wd(p, j + 2)->xpos == X_IN) ||
		           key_is(p->a, (size_t)j + 1, "including");
		if (j > 0 && wd(p, j)->xpos == X_COMMA &&
		    (wd(p, j + 1)->xpos != X_IN || with) &&
		    (wd(p, j + 1)->xpos == X_WP ||
		     wd(p, j + 1)->xpos == X_WDT ||
		     wd(p, j + 1)->xpos == X_CD || with ||
		     chunk_kind(p, wd(p, j + 1)->chunk) == CH_NP) &&
		    wd(p, j - 1)->chunk >= 0 &&
		    chunk_kind(p, wd(p, j - 1)->chunk) == CH_NP) {
			sc = wd(p, j - 1)->chunk;
			i = j - 1;
		} else {
			return -1;
		}
	}
	if (sc < 0 || chunk_kind(p, sc) != CH_NP || p->taken[sc])
		return -1;
	/* "the rebels who attacked the convoy seized": past the relative
	 * clause to the noun it modifies */
	long vb = chunk_before(p, ch(p, sc)->w0);
	if (vb >= 0 && chunk_kind(p, vb) == CH_VG && ch(p, vb)->w0 > 0) {
		size_t r = ch(p, vb)->w0 - 1;
		int rx = wd(p, r)->xpos;
		long ant = r > 0 ? wd(p, r - 1)->chunk : -1;
		if ((rx == X_WDT || rx == X_WP) && ant >= 0 &&
		    chunk_kind(p, ant) == CH_NP && !p->taken[ant])
			sc = ant;
	}
	/* "fuel shipped from the port has reached": past a participle and
	 * its phrase to the noun it modifies */
	if (ch(p, sc)->w0 > 1 && wd(p, ch(p, sc)->w0 - 1)->xpos == X_IN &&
	    !subordinator(p->a, ch(p, sc)->w0 - 1)) {
		long pv = wd(p, ch(p, sc)->w0 - 2)->chunk;
		if (pv >= 0 && chunk_kind(p, pv) == CH_VG &&
		    ch(p, pv)->w1 == ch(p, sc)->w0 - 1 &&
		    ch(p, pv)->w1 == ch(p, pv)->w0 + 1 &&
		    wd(p, ch(p, pv)->w0)->xpos == X_VBN && ch(p, pv)->w0 > 0) {
			long ant = wd(p, ch(p, pv)->w0 - 1)->chunk;
			if (ant >= 0 && chunk_kind(p, ant) == CH_NP &&
			    !p->taken[ant])
				sc = ant;
		}
	}
	int stop = 0;
	long h = np_left(p, sc, &stop);
	return p->taken[h] ? -1 : h;
}

/* The first clause before word W that governs it, for attachment. */
static long clause_before(const P *p, size_t w)
{
	return p->before[w];
}

/* Fills P's before and after from the final predicates. */
static void near_preds(P *p)
{
	size_t n = p->a->n_words;
	p->before[0] = -1;
	for (size_t i = 0; i < n; i++) {
		long c = wd(p, i)->chunk;
		p->before[i + 1] =
		        c >= 0 && p->pred[c] >= 0 ? p->pred[c] : p->before[i];
	}
	p->after[n] = -1;
	for (size_t i = n; i-- > 0;) {
		long c = wd(p, i)->chunk;
		p->after[i] = c >= 0 && p->pred[c] >= 0 ? p->pred[c]
		                                        : p->after[i + 1];
	}
}

static int has_subject(const P *p, long c)
{
	long v = p->pred[c];
	for (size_t i = 0; v >= 0 && i < p->a->n_words; i++)
		if (wd(p, i)->head == v && (wd(p, i)->deprel == D_NSUBJ ||
		                            wd(p, i)->deprel == D_NSUBJ_PASS))
			return 1;
	return 0;
}

/* Objects and complements after the verb group C whose predicate is V. */
static void objects(P *p, long c, long v)
{
	NkgAnalysis *a = p->a;
	const NkgChunk *k = ch(p, c);
	size_t j = k->w1;
	while (j < a->n_words && is_adv(wd(p, j)->xpos))
		j++;
	if (j < a->n_words && quantity_at(a, j))
		j++;
	else if (comparative_at(a, j))
		j += 2;
	else if (j > k->w1 && comparative_at(a, j - 1))
		j++; /* "more" read as an adverb */
	long o = chunk_after(p, j);
	if (o < 0 || chunk_kind(p, o) != CH_NP || p->taken[o] ||
	    vg_passive(p, c))
		return;
	/* the subject of a following verb is no object: "said X would" */
	long n = chunk_after(p, ch(p, o)->w1);
	if (n >= 0 && chunk_kind(p, n) == CH_VG && vg_finite(p, n) &&
	    !has_subject(p, n))
		return;
	if (wd(p, ch(p, o)->w0)->xpos == X_WDT ||
	    wd(p, ch(p, o)->w0)->xpos == X_WP)
		return;
	/* "for eight hours" is a time; "held eight hours of talks" holds
	 * the talks */
	if (is_time_np(p, o) &&
	    !(ch(p, o)->w1 < a->n_words && key_is(a, ch(p, o)->w1, "of"))) {
		link(p, ch(p, o)->head, v, D_OBL_TMOD);
		p->taken[o] = 1;
		return;
	}
	if (n >= 0 && chunk_kind(p, n) == CH_NP && !p->taken[n] &&
	    !is_time_np(p, n) && ch(p, n)->w0 == ch(p, o)->w1 &&
	    (wd(p, ch(p, o)->head)->xpos == X_PRP ||
	     wd(p, ch(p, n)->w0)->xpos == X_DT ||
	     wd(p, ch(p, n)->w0)->xpos == X_PRPS)) {
		link(p, ch(p, o)->head, v, D_IOBJ); /* "gave him a book" */
		link(p, ch(p, n)->head, v, D_OBJ);
		p->taken[o] = p->taken[n] = 1;
		return;
	}
	link(p, ch(p, o)->head, v, D_OBJ);
	p->taken[o] = 1;
}

/* The predicate of verb group C: its main verb, or after a copula the
 * noun, adjective or prepositional object that follows. */
static long predicate(P *p, long c, int *cop)
{
	NkgAnalysis *a = p->a;
	const NkgChunk *k = ch(p, c);
	size_t h = k->head;
	*cop = 0;
	if (!lemma_is(a, h, "be"))
		return (long)h;
	/* existential "there is": be heads the clause */
	long b = chunk_before(p, k->w0);
	if (b >= 0 && wd(p, ch(p, b)->head)->xpos == X_EX)
		return (long)h;
	size_t j = k->w1;
	while (j < a->n_words &&
	       (is_adv(wd(p, j)->xpos) || wd(p, j)->xpos == X_RB))
		j++;
	if (j >= a->n_words)
		return (long)h;
	int x = wd(p, j)->xpos;
	long n = wd(p, j)->chunk;
	if (n >= 0 && chunk_kind(p, n) == CH_NP && ch(p, n)->w0 == j) {
		*cop = 1;
		p->taken[n] = 1;
		return ch(p, n)->head;
	}
	if (is_adj(x)) {
		*cop = 1;
		return (long)j;
	}
	if (x == X_IN && j + 1 < a->n_words && wd(p, j + 1)->chunk >= 0 &&
	    chunk_kind(p, wd(p, j + 1)->chunk) == CH_NP &&
	    !key_is(a, j, "that")) {
		long pc = wd(p, j + 1)->chunk;
		*cop = 1;
		p->taken[pc] = 1;
		link(p, j, ch(p, pc)->head, D_CASE);
		return ch(p, pc)->head;
	}
	return (long)h;
}

static int existential(const P *p, long c)
{
	long b = chunk_before(p, ch(p, c)->w0);
	return b >= 0 && wd(p, ch(p, b)->head)->xpos == X_EX;
}

/* Words of the verb group C attach to its predicate V. */
static void vg_words(P *p, long c, long v, int cop)
{
	NkgAnalysis *a = p->a;
	const NkgChunk *k = ch(p, c);
	int passive = vg_passive(p, c);
	for (size_t i = k->w0; i < k->w1; i++) {
		NkgWord *w = wd(p, i);
		if ((long)i == v)
			continue;
		if (w->xpos == X_RP)
			link(p, i, v, D_COMPOUND_PRT);
		else if (is_adv(w->xpos))
			link(p, i, v, D_ADVMOD);
		else if (cop && i == k->head)
			link(p, i, v, D_COP);
		else if (passive &&
		         (lemma_is(a, i, "be") || lemma_is(a, i, "get")) &&
		         i + 1 == k->head)
			link(p, i, v, D_AUX_PASS);
		else
			link(p, i, v, D_AUX);
		if (w->xpos == X_MD || is_verb(w->xpos))
			w->upos = U_AUX;
		if ((key_is(a, i, "not") || key_is(a, i, "n't") ||
		     key_is(a, i, "nt")))
			w->upos = U_PART;
	}
	NkgWord *h = wd(p, v);
	if (is_verb(h->xpos))
		h->upos = lemma_is(a, (size_t)v, "be") && !existential(p, c)
		                  ? U_AUX
		                  : U_VERB;
	if (passive)
		h->flags |= W_PASSIVE;
}

/* The relation of a clause to the clause before it, from the word that
 * introduces it. */
static int clause_rel(const P *p, long c, long *gov)
{
	NkgAnalysis *a = p->a;
	const NkgChunk *k = ch(p, c);
	long i = (long)k->w0 - 1;
	while (i >= 0 && (is_adv(wd(p, i)->xpos) || wd(p, i)->chunk == -2))
		i--;
	/* skip the clause's own subject, wherever its phrase begins */
	long v = p->pred[c];
	for (size_t j = 0; j < k->w0; j++) {
		const NkgWord *w = wd(p, j);
		if (w->head == v &&
		    (w->deprel == D_NSUBJ || w->deprel == D_NSUBJ_PASS) &&
		    w->xpos != X_WDT && w->xpos != X_WP) {
			long s = w->chunk;
			long b = s >= 0 ? (long)ch(p, s)->w0 - 1 : (long)j - 1;
			if (b < i)
				i = b;
			break;
		}
	}
	*gov = clause_before(p, (size_t)(i + 1 > 0 ? i + 1 : 0));
	if (i < 0)
		return D_PARATAXIS;
	int x = wd(p, i)->xpos;
	if (x == X_TO) {
		/* "Japan's plan to release", "the decision to expel": an
		 * infinitive after a noun of an act, a message or a thought
		 * modifies that noun */
		long n = i > 0 ? wd(p, i - 1)->chunk : -1;
		if (n >= 0 && chunk_kind(p, n) == CH_NP &&
		    ch(p, n)->w1 == (size_t)i) {
			const NkgWord *hw = wd(p, ch(p, n)->head);
			if ((hw->xpos == X_NN || hw->xpos == X_NNS) &&
			    (hw->nclass == NC_ACT ||
			     hw->nclass == NC_COMMUNICATION ||
			     hw->nclass == NC_COGNITION)) {
				*gov = ch(p, n)->head;
				return D_ACL;
			}
		}
		return D_XCOMP;
	}
	if (x == X_WDT || x == X_WP) {
		long n = i > 0 ? wd(p, i - 1)->chunk : -1;
		if (n >= 0 && chunk_kind(p, n) == CH_NP) {
			*gov = ch(p, n)->head;
			return D_ACL_RELCL;
		}
		return D_CCOMP;
	}
	if (x == X_IN && key_is(a, (size_t)i, "that")) {
		/* "rejected the allegation that separatists ...", "the fear
		 * that prices will rise is real": the content of a noun of a
		 * message, a thought or a feeling that the clause's verb
		 * takes as its subject or object modifies that noun ("said in
		 * a statement that" stays the verb's) */
		long n = i > 0 ? wd(p, i - 1)->chunk : -1;
		if (n >= 0 && chunk_kind(p, n) == CH_NP &&
		    ch(p, n)->w1 == (size_t)i) {
			const NkgWord *hw = wd(p, ch(p, n)->head);
			if ((hw->xpos == X_NN || hw->xpos == X_NNS) &&
			    (hw->deprel == D_OBJ || hw->deprel == D_NSUBJ) &&
			    (hw->nclass == NC_COMMUNICATION ||
			     hw->nclass == NC_COGNITION ||
			     hw->nclass == NC_FEELING)) {
				*gov = ch(p, n)->head;
				return D_ACL;
			}
		}
		return D_CCOMP;
	}
	if (x == X_IN || x == X_WRB)
		return D_ADVCL;
	if (x == X_CC) {
		/* "urged Kenya to hold the groups that raided villages
		 * accountable and cooperate": a bare infinitive joins the
		 * infinitive before it, past the clauses between */
		if (wd(p, k->head)->xpos == X_VB && k->w0 == k->head)
			for (long q = c - 1; q >= 0; q--) {
				const NkgChunk *b = ch(p, q);
				if (b->kind != CH_VG || p->pred[q] < 0)
					continue;
				if (k->w0 > b->w0 + 30)
					break;
				if (wd(p, p->pred[q])->xpos == X_VB) {
					if (p->pred[q] != *gov)
						*gov = p->pred[q];
					break;
				}
			}
		/* "killed all six attackers who laid siege to a hotel and
		 * later killed 50 militants": a verb repeated after "and"
		 * joins its first use, past the clauses between */
		if (*gov >= 0 && is_verb(wd(p, k->head)->xpos) &&
		    !lemma_is(p->a, (size_t)*gov,
		              nkg_word_lemma(p->a, k->head))) {
			const char *lm = nkg_word_lemma(p->a, k->head);
			for (long q = c - 1; q >= 0; q--) {
				long v = p->pred[q];
				if (ch(p, q)->kind != CH_VG || v < 0 ||
				    v == *gov || k->w0 > ch(p, q)->w0 + 30)
					continue;
				if (is_verb(wd(p, v)->xpos) &&
				    lemma_is(p->a, (size_t)v, lm)) {
					*gov = v;
					break;
				}
			}
		}
		return D_CONJ;
	}
	if (x == X_COMMA || x == X_COLON)
		return D_PARATAXIS;
	if (*gov >= 0 && wd(p, i)->chunk >= 0 &&
	    p->pred[wd(p, i)->chunk] == *gov)
		return wd(p, k->head)->xpos == X_VBG ||
		                       wd(p, k->head)->xpos == X_VBN
		               ? D_XCOMP
		               : D_CCOMP;
	if (i >= 0 && chunk_kind(p, wd(p, i)->chunk) == CH_NP &&
	    !vg_finite(p, c)) {
		*gov = ch(p, wd(p, i)->chunk)->head;
		return D_ACL;
	}
	return D_CCOMP;
}

/* Inside a noun phrase: determiners, modifiers, compounds, possessors
 * ("the country 's president") and names attach to the head. */
static void np_words(P *p, long c)
{
	NkgAnalysis *a = p->a;
	const NkgChunk *k = ch(p, c);
	size_t seg0 = k->w0;
	for (size_t i = k->w0; i < k->w1; i++) {
		if (wd(p, i)->xpos != X_POS || i == k->w0)
			continue;
		/* the possessor k->w0 .. i-1 */
		size_t ph = np_head(p->l, a, seg0, i);
		link(p, i, (long)ph, D_CASE);
		for (size_t j = seg0; j < i; j++)
			if (j != ph && wd(p, j)->head < 0)
				link(p, j, (long)ph,
				     wd(p, j)->xpos == X_DT ? D_DET
				                            : D_COMPOUND);
		link(p, ph, k->head, D_NMOD_POSS);
		seg0 = i + 1;
	}
	size_t h = k->head;
	for (size_t i = seg0; i < k->w1; i++) {
		NkgWord *w = wd(p, i);
		if (i == h || w->head >= 0)
			continue;
		int x = w->xpos, rel = D_DEP;
		if (i > h)
			rel = is_noun(x)  ? D_FLAT
			      : x == X_CD ? D_NUMMOD
			                  : D_DEP;
		else if (x == X_DT || x == X_WDT)
			rel = D_DET;
		else if (x == X_PDT)
			rel = D_DET_PREDET;
		else if (x == X_PRPS || x == X_WPS)
			rel = D_NMOD_POSS;
		else if (x == X_CD)
			rel = D_NUMMOD;
		else if (is_adj(x) || x == X_VBN || x == X_VBG)
			rel = D_AMOD;
		else if (is_adv(x))
			rel = D_ADVMOD;
		else if (is_noun(x))
			rel = D_COMPOUND;
		else if (x == X_HYPH)
			rel = D_PUNCT;
		else if (x == X_DOLLAR)
			rel = D_COMPOUND;
		link(p, i, (long)h, rel);
	}
	/* a demonstrative on its own is a pronoun ("that was") */
	if (k->w1 - k->w0 == 1 && wd(p, h)->xpos == X_DT &&
	    (key_is(a, h, "this") || key_is(a, h, "that") ||
	     key_is(a, h, "these") || key_is(a, h, "those")))
		wd(p, h)->upos = U_PRON;
	if (wd(p, k->w0)->xpos == X_WDT && k->w1 - k->w0 > 1)
		wd(p, k->w0)->upos = U_DET;
}

/* The nearest predicate before word W, else after it, else -1. */
static long near_pred(const P *p, size_t w)
{
	return p->before[w] >= 0 ? p->before[w] : p->after[w];
}

/* "an appeal from the president", "calls by the rulers": a noun of an
 * act or a message (WordNet) takes the "by" or "from" phrase right after
 * it as its author, not the verb's. */
static int author_of(const P *p, long np, size_t prep)
{
	const NkgWord *w = wd(p, ch(p, np)->head);
	int nc = w->nclass;
	return w->deprel == D_OBJ && (nc == NC_ACT || nc == NC_COMMUNICATION) &&
	       (key_is(p->a, prep, "by") || key_is(p->a, prep, "from"));
}

/* "near the border with Venezuela", "in talks with the rebels": "with"
 * after a common noun that is itself in a prepositional phrase goes with
 * that noun. */
static int with_of(const P *p, long np, size_t prep)
{
	const NkgWord *w = wd(p, ch(p, np)->head);
	return key_is(p->a, prep, "with") && w->prep && w->upos == U_NOUN;
}

/* Prepositions: the case of the noun after them, which modifies the noun
 * before ("the president of X") or else the nearest clause. */
static void preps(P *p)
{
	NkgAnalysis *a = p->a;
	for (size_t i = 0; i + 1 < a->n_words; i++) {
		NkgWord *w = wd(p, i);
		if ((w->xpos != X_IN && w->xpos != X_TO) || quantity_at(a, i) ||
		    (i > 0 && comparative_at(a, i - 1)))
			continue;
		long n = wd(p, i + 1)->chunk;
		if (n < 0 || chunk_kind(p, n) != CH_NP || ch(p, n)->w0 != i + 1)
			continue;
		size_t h = ch(p, n)->head;
		int rel = wd(p, h)->deprel;
		if (w->xpos == X_IN &&
		    (rel == D_NSUBJ || rel == D_NSUBJ_PASS) &&
		    wd(p, h)->head > (long)i) {
			/* "after he left": the conjunction of a clause */
			if (w->head < 0)
				link(p, i, wd(p, h)->head, D_MARK);
			if (subordinator(a, i))
				w->upos = U_SCONJ;
			continue;
		}
		if (w->head < 0)
			link(p, i, (long)h, D_CASE);
		wd(p, h)->prep = (uint32_t)i + 1;
		if (wd(p, h)->head >= 0)
			continue;
		long before = i ? wd(p, i - 1)->chunk : -1;
		long v = near_pred(p, i);
		int pre_verbal = v < 0 || v > (long)i;
		if (before >= 0 && chunk_kind(p, before) == CH_NP &&
		    (key_is(a, i, "of") || pre_verbal ||
		     author_of(p, before, i) || with_of(p, before, i)))
			link(p, h, ch(p, before)->head, D_NMOD);
		else if (v >= 0)
			link(p, h, v, D_OBL);
	}
}

/* "by X" after a passive verb group is its agent. */
static void agent(P *p, long c, long v)
{
	NkgAnalysis *a = p->a;
	for (size_t i = ch(p, c)->w1;
	     i + 1 < a->n_words && i < ch(p, c)->w1 + 8u; i++) {
		if (wd(p, i)->chunk >= 0 &&
		    chunk_kind(p, wd(p, i)->chunk) == CH_VG)
			break;
		if (!key_is(a, i, "by"))
			continue;
		long n = wd(p, i + 1)->chunk;
		if (n >= 0 && chunk_kind(p, n) == CH_NP && !p->taken[n]) {
			link(p, ch(p, n)->head, v, D_OBL_AGENT);
			link(p, i, ch(p, n)->head, D_CASE);
			p->taken[n] = 1;
		}
		break;
	}
}

/* "infection caused by eczema", "troops backed by militias": a past
 * participle alone right after a noun, with "by" after it, is a passive
 * that modifies the noun. */
static int reduced_passive(const P *p, long c)
{
	const NkgChunk *k = ch(p, c);
	/* the participle alone, or with its particle or adverb ("drawn up
	 * by", "put forward by") */
	size_t n = k->w1 - k->w0, by = k->w1;
	if (by < p->a->n_words &&
	    (wd(p, by)->xpos == X_RP || wd(p, by)->xpos == X_RB))
		by++;
	if ((n != 1 && (n != 2 || wd(p, k->w0 + 1)->xpos != X_RP)) ||
	    wd(p, k->w0)->xpos != X_VBN || k->w0 == 0 || by >= p->a->n_words ||
	    !key_is(p->a, by, "by"))
		return 0;
	long b = wd(p, k->w0 - 1)->chunk;
	return b >= 0 && chunk_kind(p, b) == CH_NP;
}

/* Is word I a verb of saying, the verbs that invert after a quotation
 * ('"...," said the minister', '..., added Ruto')? */
static int quotative(const NkgAnalysis *a, size_t i)
{
	static const char *const verbs[] = {
	        "say",       "tell",      "add",     "write",       "ask",
	        "reply",     "note",      "explain", "state",       "announce",
	        "insist",    "warn",      "claim",   "declare",     "conclude",
	        "continue",  "recall",    "argue",   "acknowledge", "admit",
	        "report",    "comment",   "remark",  "observe",     "stress",
	        "emphasize", "emphasise", "tweet",   "post",        "confirm",
	        "deny",      "urge",      "vow",     "promise",     "predict",
	        "suggest",   NULL};
	for (const char *const *v = verbs; *v; v++)
		if (lemma_is(a, i, *v))
			return 1;
	return 0;
}

/* Subjects of the finite clauses, then objects. */
static void arguments(P *p)
{
	NkgAnalysis *a = p->a;
	for (size_t c = 0; c < a->n_chunks; c++) {
		long v = p->pred[c];
		if (v < 0)
			continue;
		long b = chunk_before(p, ch(p, c)->w0);
		if (b >= 0 && wd(p, ch(p, b)->head)->xpos == X_EX) {
			/* "there are X": X is the subject */
			link(p, ch(p, b)->head, v, D_EXPL);
			p->taken[b] = 1;
			long n = chunk_after(p, ch(p, c)->w1);
			if (n >= 0 && chunk_kind(p, n) == CH_NP &&
			    !p->taken[n]) {
				link(p, ch(p, n)->head, v, D_NSUBJ);
				p->taken[n] = 1;
			}
			continue;
		}
		if (!vg_finite(p, (long)c))
			continue;
		long s = find_subject(p, (long)c);
		int rel = vg_passive(p, (long)c) ? D_NSUBJ_PASS : D_NSUBJ;
		if (s >= 0) {
			link(p, ch(p, s)->head, v, rel);
			p->taken[s] = 1;
			/* the time it stepped over */
			long t = chunk_after(p, ch(p, s)->w1);
			if (t >= 0 && t != (long)c && !p->taken[t] &&
			    chunk_kind(p, t) == CH_NP && is_time_np(p, t) &&
			    chunk_after(p, ch(p, t)->w1) == (long)c) {
				link(p, ch(p, t)->head, v, D_OBL_TMOD);
				p->taken[t] = 1;
			}
			continue;
		}
		/* '"...," said the minister.': the subject after its verb (a
		 * verb of saying: "..., summoned Russia's ambassador" is no
		 * inversion) */
		size_t w0 = ch(p, c)->w0;
		long n = chunk_after(p, ch(p, c)->w1);
		if (w0 > 0 && quotative(a, (size_t)v) &&
		    (wd(p, w0 - 1)->xpos == X_COMMA ||
		     wd(p, w0 - 1)->xpos == X_RQUOTE) &&
		    n >= 0 && chunk_kind(p, n) == CH_NP && !p->taken[n] &&
		    ch(p, c)->w1 - ch(p, c)->w0 == 1) {
			size_t e = ch(p, n)->w1;
			if (e >= a->n_words || wd(p, e)->xpos == X_PERIOD ||
			    wd(p, e)->xpos == X_COMMA) {
				link(p, ch(p, n)->head, v, rel);
				p->taken[n] = 1;
			}
		}
	}
	for (size_t c = 0; c < a->n_chunks; c++) {
		long v = p->pred[c];
		if (v < 0)
			continue;
		if (vg_passive(p, (long)c) || reduced_passive(p, (long)c))
			agent(p, (long)c, v);
		else if (v == ch(p, c)->head)
			objects(p, (long)c, v);
	}
}

/* "Did they see it?", "Has he left?": an auxiliary before its subject
 * belongs to the verb after the subject. */
static void inversions(P *p)
{
	NkgAnalysis *a = p->a;
	for (size_t c = 0; c + 2 < a->n_chunks; c++) {
		const NkgChunk *k = ch(p, c);
		if (k->kind != CH_VG || p->pred[c] < 0)
			continue;
		int aux_only = 1;
		for (size_t i = k->w0; i < k->w1 && aux_only; i++)
			aux_only = wd(p, i)->xpos == X_MD ||
			           is_adv(wd(p, i)->xpos) || is_aux_lemma(a, i);
		const NkgChunk *n = ch(p, c + 1), *v = ch(p, c + 2);
		if (!aux_only || n->kind != CH_NP || v->kind != CH_VG ||
		    n->w0 != k->w1 || v->w0 != n->w1 || p->pred[c + 2] < 0)
			continue;
		int x = wd(p, v->w0)->xpos;
		if (x != X_VB && x != X_VBN && x != X_VBG)
			continue;
		long pv = p->pred[c + 2];
		for (size_t i = k->w0; i < k->w1; i++) {
			link(p, i, pv,
			     is_adv(wd(p, i)->xpos) ? D_ADVMOD : D_AUX);
			if (!is_adv(wd(p, i)->xpos))
				wd(p, i)->upos = U_AUX;
		}
		p->pred[c] = -1;
		link(p, n->head, pv,
		     vg_passive(p, (long)c + 2) ? D_NSUBJ_PASS : D_NSUBJ);
		p->taken[c + 1] = 1;
	}
}

/* "the plan which they opposed": a relative pronoun before a subject
 * and its verb is the verb's object when the verb has none. */
static void relative_objects(P *p)
{
	NkgAnalysis *a = p->a;
	for (size_t c = 0; c + 2 < a->n_chunks; c++) {
		const NkgChunk *k = ch(p, c);
		int x = wd(p, k->head)->xpos;
		if (k->kind != CH_NP || p->taken[c] || k->w1 - k->w0 != 1 ||
		    (x != X_WDT && x != X_WP))
			continue;
		const NkgChunk *n = ch(p, c + 1), *v = ch(p, c + 2);
		long pv = p->pred[c + 2];
		if (n->kind != CH_NP || v->kind != CH_VG || pv < 0 ||
		    pv != v->head || wd(p, n->head)->head != pv ||
		    vg_passive(p, (long)c + 2))
			continue;
		int has_obj = 0;
		for (size_t i = 0; i < a->n_words; i++)
			has_obj |= wd(p, i)->head == pv &&
			           wd(p, i)->deprel == D_OBJ;
		if (has_obj)
			continue;
		link(p, k->head, pv, D_OBJ);
		p->taken[c] = 1;
	}
}

/* Clauses attach to each other; the first main clause is the root. */
static long clauses(P *p)
{
	NkgAnalysis *a = p->a;
	long root = -1;
	for (size_t c = 0; c < a->n_chunks; c++) {
		long v = p->pred[c];
		if (v < 0 || wd(p, v)->head >= 0)
			continue;
		long gov = -1;
		int rel = clause_rel(p, (long)c, &gov);
		if (root < 0 && (rel == D_PARATAXIS || rel == D_CCOMP) &&
		    gov < 0) {
			root = v;
			continue;
		}
		if (gov < 0 || gov == v)
			gov = root;
		if (gov < 0) {
			/* a subordinate clause before the main one: attach
			 * later */
			continue;
		}
		link(p, (size_t)v, gov, rel);
		/* the introducing word marks the clause */
		long i = (long)ch(p, c)->w0 - 1;
		while (i >= 0 && is_adv(wd(p, i)->xpos))
			i--;
		if (i >= 0 && wd(p, i)->head < 0 &&
		    (wd(p, i)->xpos == X_TO || wd(p, i)->xpos == X_IN)) {
			link(p, (size_t)i, v, D_MARK);
			if (wd(p, i)->xpos == X_IN &&
			    subordinator(a, (size_t)i))
				wd(p, i)->upos = U_SCONJ;
		}
	}
	if (root < 0)
		for (size_t c = 0; c < a->n_chunks && root < 0; c++)
			if (p->pred[c] >= 0 && wd(p, p->pred[c])->head < 0)
				root = p->pred[c];
	/* clauses before the root ("If X, Y") */
	for (size_t c = 0; root >= 0 && c < a->n_chunks; c++) {
		long v = p->pred[c];
		if (v < 0 || v == root || wd(p, v)->head >= 0)
			continue;
		link(p, (size_t)v, root, D_ADVCL);
		long i = (long)ch(p, c)->w0 - 1;
		long s = -1;
		if (i >= 0 && wd(p, i)->chunk >= 0 &&
		    wd(p, ch(p, wd(p, i)->chunk)->head)->head == v)
			s = wd(p, i)->chunk;
		if (s >= 0)
			i = (long)ch(p, s)->w0 - 1;
		if (i >= 0 && wd(p, i)->head < 0 && wd(p, i)->xpos == X_IN) {
			link(p, (size_t)i, v, D_MARK);
			if (subordinator(a, (size_t)i))
				wd(p, i)->upos = U_SCONJ;
		}
	}
	return root;
}

/* What is left: punctuation, conjunctions, adverbs, loose phrases. */
static void rest(P *p, long root)
{
	NkgAnalysis *a = p->a;
	for (size_t i = 0; i < a->n_words; i++) {
		NkgWord *w = wd(p, i);
		if (w->head >= 0 || (long)i == root)
			continue;
		long c = w->chunk;
		if (c >= 0 && ch(p, c)->head != i)
			continue; /* attached with its chunk's head */
		long v = near_pred(p, i);
		if (v < 0 || v == (long)i)
			v = root;
		int x = w->xpos;
		int rel = D_DEP;
		if (w->upos == U_PUNCT || x == X_HYPH)
			rel = D_PUNCT;
		else if (x == X_CC) {
			long n = chunk_after(p, i + 1);
			if (n >= 0 && (long)ch(p, n)->head != root) {
				v = ch(p, n)->head;
				if (wd(p, v)->head == (long)i)
					v = root;
			}
			rel = D_CC;
		} else if (is_adv(x) || x == X_WRB) {
			rel = D_ADVMOD;
			if (key_is(a, i, "not") || key_is(a, i, "n't"))
				w->upos = U_PART;
		} else if (c >= 0 && chunk_kind(p, c) == CH_NP) {
			long b = i > 0 ? chunk_before(p, ch(p, c)->w0) : -1;
			size_t w0 = ch(p, c)->w0;
			if (w0 > 1 && wd(p, w0 - 1)->xpos == X_COMMA &&
			    wd(p, w0 - 2)->chunk >= 0 &&
			    chunk_kind(p, wd(p, w0 - 2)->chunk) == CH_NP) {
				v = ch(p, wd(p, w0 - 2)->chunk)->head;
				rel = D_APPOS;
			} else if (w0 > 1 && wd(p, w0 - 1)->xpos == X_CC &&
			           wd(p, w0 - 2)->chunk >= 0 &&
			           chunk_kind(p, wd(p, w0 - 2)->chunk) ==
			                   CH_NP) {
				v = ch(p, wd(p, w0 - 2)->chunk)->head;
				rel = D_CONJ;
			} else {
				rel = is_time_np(p, c) ? D_OBL_TMOD
				                       : D_OBL_NPMOD;
			}
			(void)b;
		} else if (is_adj(x)) {
			rel = D_AMOD;
		}
		if (v < 0 || v == (long)i) {
			continue;
		}
		link(p, i, v, rel);
	}
}

/* "a demand that Santiago rejected": "that" after a noun, before a
 * subject and a verb with no object of its own, is a relative pronoun
 * (the tagger reads it as the conjunction of "said that ..."). */
static void relative_that(NkgAnalysis *a)
{
	for (size_t i = 1; i + 2 < a->n_words; i++) {
		NkgWord *w = &a->words[i];
		int px = a->words[i - 1].xpos;
		if (w->xpos != X_IN || !key_is(a, i, "that") ||
		    (px != X_NN && px != X_NNS))
			continue;
		size_t k = i + 1, s = k;
		while (k < a->n_words &&
		       (is_noun(a->words[k].xpos) || is_adj(a->words[k].xpos) ||
		        a->words[k].xpos == X_DT || a->words[k].xpos == X_PRP ||
		        a->words[k].xpos == X_PRPS ||
		        a->words[k].xpos == X_CD || a->words[k].xpos == X_POS))
			k++;
		if (k == s)
			continue;
		while (k < a->n_words &&
		       (is_adv(a->words[k].xpos) || a->words[k].xpos == X_MD ||
		        is_aux_lemma(a, k)) &&
		       k + 1 < a->n_words && is_verb(a->words[k + 1].xpos))
			k++;
		if (k >= a->n_words ||
		    (a->words[k].xpos != X_VBD && a->words[k].xpos != X_VBZ &&
		     a->words[k].xpos != X_VBP && a->words[k].xpos != X_VBN))
			continue;
		size_t n = k + 1;
		if (n < a->n_words && a->words[n].xpos == X_RP)
			n++;
		int x = n < a->n_words ? a->words[n].xpos : X_PERIOD;
		if (x == X_PERIOD || x == X_COMMA || x == X_IN || x == X_TO ||
		    x == X_RB || x == X_COLON) {
			w->xpos = X_WDT;
			w->upos = U_PRON;
		}
	}
}

int nkg_lang_parse(const NkgLang *l, const char *text, NkgAnalysis *a)
{
	(void)text;
	a->n_chunks = 0;
	if (!a->n_words)
		return 0;
	for (size_t i = 0; i < a->n_words; i++) {
		a->words[i].head = -1;
		a->words[i].deprel = D_NONE;
		a->words[i].chunk = -1;
		a->words[i].prep = 0;
	}
	relative_that(a);
	if (chunk(l, a))
		return -1;
	size_t nc = a->n_chunks, nw = a->n_words + 1;
	size_t need = (nc + 2 * nw) * sizeof(int) + nc + 16;
	if (a->cap_scratch < need) {
		void *q = realloc(a->scratch, need);
		if (!q)
			return -1;
		a->scratch = q;
		a->cap_scratch = need;
	}
	int *iv = a->scratch;
	P p = {l, a, iv, (char *)(iv + nc + 2 * nw), iv + nc, iv + nc + nw};
	memset(p.taken, 0, nc);
	for (size_t c = 0; c < nc; c++) {
		p.pred[c] = -1;
		if (a->chunks[c].kind == CH_VG) {
			int cop;
			p.pred[c] = (int)predicate(&p, (long)c, &cop);
			vg_words(&p, (long)c, p.pred[c], cop);
		}
	}
	inversions(&p);
	near_preds(&p);
	for (size_t c = 0; c < nc; c++)
		if (a->chunks[c].kind == CH_NP)
			np_words(&p, (long)c);
	arguments(&p);
	relative_objects(&p);
	preps(&p);
	long root = clauses(&p);
	if (root < 0)
		root = nc ? (long)a->chunks[0].head : 0;
	a->words[root].head = -1;
	a->words[root].deprel = D_ROOT;
	/* "more than 40", "at least 40": the comparison modifies the
	 * number */
	for (size_t i = 0; i + 2 < a->n_words; i++)
		if ((comparative_at(a, i) || quantity_at(a, i)) &&
		    a->words[i].head < 0 && a->words[i + 1].head < 0 &&
		    (long)i != root && (long)i + 1 != root) {
			size_t n = i + 2;
			if (a->words[n].xpos != X_CD &&
			    a->words[n].xpos != X_JJ)
				continue;
			link(&p, i, (long)n, D_ADVMOD);
			link(&p, i + 1, (long)i, D_FIXED);
		}
	rest(&p, root);
	for (size_t i = 0; i < a->n_words; i++)
		if (a->words[i].xpos == X_IN && key_is(a, i, "that"))
			a->words[i].upos = U_SCONJ;
	for (size_t i = 0; i < a->n_words; i++)
		if (a->words[i].head < 0 && (long)i != root)
			link(&p, i, root,
			     a->words[i].upos == U_PUNCT ? D_PUNCT : D_DEP);
	return 0;
}
