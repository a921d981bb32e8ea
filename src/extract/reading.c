/* reading.c: the current sentence as the stages read it: the linguistic
 * layer's words and relations (with each word's dependents), and indexes
 * from tokens to words and to the actor mentions over them, so that the
 * per-token questions of the stages cost the same however long the
 * sentence is. */
#include "extract/internal.h"

#include <stdlib.h>
#include <string.h>

static int grow(void *pp, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t n = need * 2;
	void *p = realloc(*(void **)pp, n * size);
	if (!p)
		return -1;
	*(void **)pp = p;
	*cap = n;
	return 0;
}

int ex_analyse(Ctx *c, const NkgSentence *se)
{
	c->analysed = 0;
	const NkgLang *lang = nkg_lexicon_lang(c->lx);
	if (!lang)
		return 0;
	if (!c->an && !(c->an = nkg_analysis_new()))
		return -1;
	if (nkg_analyze_sentence(lang, c->text, c->tk, se, c->an))
		return -1;
	size_t nt = se->t1 - se->t0, nw = c->an->n_words;
	size_t cap_tw = c->cap_tw, cap_tam = c->cap_tw;
	if (grow(&c->tw, &cap_tw, nt + 1, sizeof *c->tw) ||
	    grow(&c->tam, &cap_tam, nt + 1, sizeof *c->tam))
		return -1;
	cap_tam = c->cap_tw;
	if (grow(&c->tam_start, &cap_tam, nt + 1, sizeof *c->tam_start))
		return -1;
	cap_tam = c->cap_tw;
	if (grow(&c->tam_end, &cap_tam, nt + 1, sizeof *c->tam_end))
		return -1;
	c->cap_tw = cap_tw;
	size_t cap_kid = c->cap_kid;
	if (grow(&c->kid, &cap_kid, nw + 1, sizeof *c->kid))
		return -1;
	cap_kid = c->cap_kid;
	if (grow(&c->sib, &cap_kid, nw + 1, sizeof *c->sib))
		return -1;
	c->cap_kid = cap_kid;
	for (size_t i = 0; i <= nt; i++)
		c->tw[i] = -1;
	for (size_t w = nw; w-- > 0;) {
		const NkgWord *wd = &c->an->words[w];
		if (wd->tok >= se->t0 && wd->tok < se->t1)
			c->tw[wd->tok - se->t0] = (int32_t)w;
		c->kid[w] = -1;
	}
	/* dependents in word order: walk backwards, pushing to the front */
	for (size_t w = nw; w-- > 0;) {
		int32_t h = c->an->words[w].head;
		c->sib[w] = -1;
		if (h >= 0 && (size_t)h < nw) {
			c->sib[w] = c->kid[h];
			c->kid[h] = (int32_t)w;
		}
	}
	c->analysed = 1;
	return 0;
}

void ex_index_mentions(Ctx *c)
{
	c->indexed = 0;
	if (!c->analysed)
		return;
	size_t nt = c->s1 - c->s0;
	for (size_t i = 0; i <= nt; i++)
		c->tam[i] = c->tam_start[i] = c->tam_end[i] = NKG_NONE;
	for (size_t k = c->n_am; k-- > 0;) {
		const AMention *m = &c->am[k];
		if (m->t0 < c->s0 || m->t1 > c->s1 || m->t1 < m->t0)
			continue;
		c->tam_start[m->t0 - c->s0] = k;
		c->tam_end[m->t1 - c->s0] = k;
		for (size_t t = m->t0; t < m->t1; t++)
			c->tam[t - c->s0] = k;
	}
	c->indexed = 1;
}
