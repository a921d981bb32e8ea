/* SPDX-License-Identifier: MIT */
/* extract.c: the document loop, and the lexicon phrases of a sentence.
 *
 * One pass per sentence:
 *   1. spans: every lexicon phrase that starts at each token (longest first,
 *      looked up once per sentence and kept here);
 *   2. the linguistic layer's reading of the sentence (reading.c);
 *   3. actor mentions (mentions.c, with coref.c for pronouns and surnames);
 *   4. triggers (triggers.c);
 *   5. events with their roles, modality, attribution and dates (frames.c).
 * The graph (graph.c) owns the nodes; these files decide what they are.
 */
#include "extract/extract.h"
#include "extract/internal.h"

#include "extract/dates.h"
#include "extract/english.h"
#include "lexicon/lexicon.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------- lexicon phrases of the sentence ---------- */

/* Fills the cache of phrases starting at token I of the current sentence:
 * one hash lookup per span length, stopping at the first span that is
 * neither a phrase nor the prefix of one. */
static void fill_cache(Ctx *c, size_t i)
{
	const LexSlot **row = &c->cache[(i - c->s0) * (MAX_SPAN + 1)];
	char buf[512];
	size_t o = 0;
	size_t max = c->lx->max_ntok < MAX_SPAN ? c->lx->max_ntok : MAX_SPAN;
	size_t last = 0;
	uint32_t kinds = 0;
	uint32_t h = 2166136261u; /* nkg_hash() of buf, kept up to date */
	for (size_t n = 1; n <= max && i + n <= c->s1; n++) {
		const NkgToken *t = tok(c, i + n - 1);
		const char *kk = t->key;
		if (n == 1) {
			/* the token alone: its key and hash as they are */
			h = t->hash;
			row[n] = nkg_lex_lookup_hashed(c->lx, kk, h);
		} else {
			size_t l = strlen(kk);
			if (n == 2) {
				o = strlen(tok(c, i)->key);
				if (o + 1 >= sizeof buf)
					break;
				memcpy(buf, tok(c, i)->key, o);
			}
			if (o + l + 2 >= sizeof buf)
				break;
			buf[o++] = ' ';
			h = (h ^ ' ') * 16777619u;
			memcpy(buf + o, kk, l);
			for (size_t k = 0; k < l; k++)
				h = (h ^ (unsigned char)kk[k]) * 16777619u;
			o += l;
			buf[o] = '\0';
			row[n] = nkg_lex_lookup_hashed(c->lx, buf, h);
		}
		if (!row[n])
			break;
		for (size_t k = 0; k < row[n]->n; k++)
			kinds |= 1u << row[n]->v[k].kind;
		last = n;
	}
	/* 1 + the longest span with entries or prefixes */
	c->cached[i - c->s0] = (char)(last + 1);
	c->kinds[i - c->s0] = kinds;
}

/* Entries of the phrase of N tokens starting at I, or NULL. */
const LexSlot *ex_lookup_at(const Ctx *c, size_t i, size_t n, size_t end)
{
	if (i + n > end || n > MAX_SPAN || n == 0)
		return NULL;
	if (i >= c->s0 && i < c->s1 && i + n <= c->s1) {
		if (!c->cached[i - c->s0])
			fill_cache((Ctx *)c, i);
		/* the row holds spans shorter than its cached length only */
		return n < (size_t)c->cached[i - c->s0]
		               ? c->cache[(i - c->s0) * (MAX_SPAN + 1) + n]
		               : NULL;
	}
	return NULL;
}

/* Longest phrase at I with an entry of KIND; returns its length (0 if none)
 * and the entry. */
/* Are the capitals of NAME (N words) all in tokens I.. of the text, word
 * for word?  -1 when it has another number of words. */
static int same_capitals(const Ctx *c, size_t i, size_t n, const char *name)
{
	size_t words = 0;
	int same = 1;
	for (const char *s = name; *s;) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		if (words < n && i + words < c->s1) {
			/* only a capital the text lacks tells: a headline or
			 * "Von der Leyen" may capitalise more */
			if (*s >= 'A' && *s <= 'Z' && !is_cap(c, i + words))
				same = 0;
		}
		words++;
		while (*s && *s != ' ')
			s++;
	}
	return words == n ? same : -1;
}

/* A known name is matched as it is written: "Russia today" is not the
 * channel Russia Today, while "UN refugee agency" is written so. */
static int name_cased(const Ctx *c, size_t i, size_t n, const LexActor *a)
{
	int judged = 0;
	for (size_t k = 0; k <= a->n_alts; k++) {
		const char *name = k ? a->alts[k - 1] : a->label;
		int r = name ? same_capitals(c, i, n, name) : -1;
		if (r == 1)
			return 1;
		judged |= r == 0;
	}
	return !judged;
}

size_t ex_longest_at(const Ctx *c, size_t i, size_t end, LexKind kind,
                     const LexEntry **out)
{
	size_t max = c->lx->max_ntok < MAX_SPAN ? c->lx->max_ntok : MAX_SPAN;
	if (i >= c->s0 && i < c->s1) {
		/* nothing is longer than the cached row */
		if (!c->cached[i - c->s0])
			fill_cache((Ctx *)c, i);
		/* and most tokens start no phrase of the kind asked for */
		if (!(c->kinds[i - c->s0] >> kind & 1u))
			return 0;
		size_t filled = (size_t)c->cached[i - c->s0] - 1;
		if (filled < max)
			max = filled;
	}
	for (size_t n = max; n >= 1; n--) {
		const LexSlot *s = ex_lookup(c, i, n, end);
		if (!s)
			continue;
		for (size_t k = 0; k < s->n; k++)
			if (s->v[k].kind == kind &&
			    !(kind == LX_ACTOR && n > 1 &&
			      !name_cased(c, i, n,
			                  &c->lx->actors[s->v[k].idx]))) {
				if (out)
					*out = &s->v[k];
				return n;
			}
	}
	return 0;
}

/* Is the single word at I an entry of KIND? */
int ex_has_kind_at(const Ctx *c, size_t i, size_t end, LexKind kind)
{
	const LexSlot *s = ex_lookup(c, i, 1, end);
	if (!s)
		return 0;
	for (size_t k = 0; k < s->n; k++)
		if (s->v[k].kind == kind && s->v[k].ntok == 1)
			return 1;
	return 0;
}

/* ---------- document ---------- */

static NkgYmd find_pub_date(const Ctx *c)
{
	NkgYmd none = {0, 0, 0};
	for (size_t s = 0; s < c->tk->n_sents; s++) {
		const NkgSentence *se = &c->tk->sents[s];
		if (se->t1 - se->t0 > 14)
			continue;
		NkgDateExpr d[2];
		size_t n = nkg_find_dates(c->lx, c->tk, se->t0, se->t1, none, d,
		                          2);
		if (n && d[0].t0 <= se->t0 + 1 && d[0].explicit_year &&
		    d[0].v.d)
			return d[0].v;
	}
	/* a wire dateline: "MAPUTO, Mozambique, Nov. 2, 2026 (Wire) —",
	 * a full date among the first words of one of the first sentences,
	 * a dash a few words after it */
	for (size_t s = 0; s < c->tk->n_sents && s < 3; s++) {
		const NkgSentence *se = &c->tk->sents[s];
		size_t end = se->t0 + 16 < se->t1 ? se->t0 + 16 : se->t1;
		NkgDateExpr d[2];
		size_t n =
		        nkg_find_dates(c->lx, c->tk, se->t0, end, none, d, 2);
		if (!n || !d[0].explicit_year || !d[0].v.d ||
		    d[0].t0 > se->t0 + 8)
			continue;
		for (size_t z = d[0].t1; z < end && z < d[0].t1 + 6; z++) {
			const char *k = c->tk->toks[z].key;
			/* dashes fold to "-" in keys */
			if (!strcmp(k, "-") || !strcmp(k, "--"))
				return d[0].v;
		}
	}
	return none;
}

/* The lexicon's entries of token I alone, from the sentence's cache. */
static const LexSlot *token_slot(const void *ctx, size_t i)
{
	const Ctx *c = ctx;
	return ex_lookup(c, i, 1, c->s1);
}

NkgStatus nkg_extract_tokens(const NkgLexicon *lx, const char *text,
                             const NkgTokens *tk, NkgGraph *g, NkgYmd *pub)
{
	Ctx c;
	memset(&c, 0, sizeof c);
	c.lx = lx;
	c.tk = tk;
	c.g = g;
	c.text = text;
	c.descr_tok = c.descr_li = NKG_NONE;
	c.pub = *pub;
	if (!c.pub.y) {
		c.pub = find_pub_date(&c);
		*pub = c.pub;
	}
	NkgDateExpr dates[16];
	for (size_t s = 0; s < tk->n_sents; s++) {
		const NkgSentence *se = &tk->sents[s];
		c.sent = s;
		c.n_am = 0;
		c.n_tr = 0;
		char *anchor = malloc(se->b1 - se->b0 + 1);
		if (!anchor)
			break;
		memcpy(anchor, text + se->b0, se->b1 - se->b0);
		anchor[se->b1 - se->b0] = '\0';
		c.mention = nkg_graph_add_mention(g, se->c0, se->c1, se->c0,
		                                  anchor);
		free(anchor);
		if (c.mention == NKG_NONE)
			break;
		size_t nt = se->t1 - se->t0;
		if (nt > c.cache_cap) {
			free(c.cache);
			free(c.cached);
			free(c.kinds);
			free(c.engm);
			free(c.nlen);
			c.cache_cap = nt * 2;
			c.cache = malloc(c.cache_cap * (MAX_SPAN + 1) *
			                 sizeof *c.cache);
			c.cached = malloc(c.cache_cap);
			c.kinds = malloc(c.cache_cap * sizeof *c.kinds);
			c.engm = malloc(c.cache_cap * sizeof *c.engm);
			c.nlen = malloc(c.cache_cap);
			if (!c.cache || !c.cached || !c.kinds || !c.engm ||
			    !c.nlen)
				break;
		}
		/* a row is read only up to its token's cached length */
		memset(c.cached, 0, nt);
		memset(c.engm, 0, nt * sizeof *c.engm);
		memset(c.nlen, 0, nt);
		c.s0 = se->t0;
		c.s1 = se->t1;
		c.indexed = 0;
		if (ex_sentence_start(&c, se))
			break;
		ex_find_actors(&c, se->t0, se->t1);
		ex_index_mentions(&c);
		ex_find_triggers(&c, se->t0, se->t1);
		size_t nd = nkg_find_dates_with(lx, tk, se->t0, se->t1, c.pub,
		                                dates, 16, token_slot, &c);
		for (size_t k = 0; k < c.n_tr; k++)
			if (!c.tr[k].suppressed)
				ex_fill_event(&c, &c.tr[k], se->t0, se->t1,
				              dates, nd);
	}
	ex_merge_repeats(&c);
	/* Mentions no node points to are dropped by the writer; actors
	 * referenced by events are marked for the diagram. */
	for (size_t i = 0; i < g->n_events; i++)
		for (int r = 0; r < NKG_ROLE_COUNT; r++)
			for (size_t k = 0; k < g->events[i].roles[r].n; k++)
				g->actors[g->events[i].roles[r].v[k]]
				        .referenced = 1;
	free(c.am);
	free(c.tr);
	free(c.sal);
	free(c.src_lex);
	free(c.cache);
	free(c.cached);
	free(c.kinds);
	free(c.engm);
	free(c.nlen);
	ex_analysis_release(&c);
	free(c.tw);
	free(c.kid);
	free(c.sib);
	free(c.tam);
	free(c.tam_start);
	free(c.tam_end);
	free(c.cbm);
	return NKG_SUCCESS;
}
