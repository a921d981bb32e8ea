/* SPDX-License-Identifier: MIT */
/* reading.c: the current sentence as the stages read it: the linguistic
 * layer's words and relations (with each word's dependents), and indexes
 * from tokens to words and to the actor mentions over them, so that the
 * per-token questions of the stages cost the same however long the
 * sentence is. */
#include "extract/internal.h"

#include <stdlib.h>
#include <string.h>

/* Reallocates *PP to N elements of SIZE; on failure *PP stays and -1. */
static int resize(void *pp, size_t n, size_t size)
{
	void *p = realloc(*(void **)pp, n * size);
	if (!p)
		return -1;
	*(void **)pp = p;
	return 0;
}

int ex_sentence_start(Ctx *c, const NkgSentence *se)
{
	c->se = se;
	c->spk_done = 0;
	c->analysed = 0;
	c->analysis_tried = 0;
	size_t nt = se->t1 - se->t0;
	size_t need = nt + 1;
	if (need > c->cap_tw) {
		/* the token indexes share one capacity */
		size_t n = need * 2;
		if (resize(&c->tw, n, sizeof *c->tw) ||
		    resize(&c->tam, n, sizeof *c->tam) ||
		    resize(&c->tam_start, n, sizeof *c->tam_start) ||
		    resize(&c->tam_end, n, sizeof *c->tam_end) ||
		    resize(&c->cbm, n, 1))
			return -1;
		c->cap_tw = n;
	}
	memset(c->cbm, 0, nt + 1);
	return 0;
}

/* One analysis per thread, kept from document to document: its buffers
 * (words, lattice, parser stacks) have grown to fit already. */
static _Thread_local NkgAnalysis *spare;

void ex_analysis_release(Ctx *c)
{
	if (!c->an)
		return;
	if (spare)
		nkg_analysis_free(spare);
	spare = c->an;
	c->an = NULL;
}

void nkg_extract_release_thread(void)
{
	nkg_analysis_free(spare);
	spare = NULL;
}

void ex_analyse(Ctx *c)
{
	const NkgSentence *se = c->se;
	c->analysis_tried = 1;
	c->analysed = 0;
	const NkgLang *lang = nkg_lexicon_lang(c->lx);
	if (!lang || !se)
		return;
	if (!c->an) {
		c->an = spare ? spare : nkg_analysis_new();
		spare = NULL;
		if (!c->an)
			return;
	}
	if (nkg_analyze_sentence(lang, c->text, c->tk, se, c->an))
		return;
	size_t nt = se->t1 - se->t0, nw = c->an->n_words;
	if (nw + 1 > c->cap_kid) {
		size_t n = (nw + 1) * 2;
		if (resize(&c->kid, n, sizeof *c->kid) ||
		    resize(&c->sib, n, sizeof *c->sib))
			return;
		c->cap_kid = n;
	}
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
}

void ex_index_mentions(Ctx *c)
{
	c->indexed = 0;
	if (!c->tam || c->cap_tw < c->s1 - c->s0 + 1)
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
