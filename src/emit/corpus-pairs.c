/* SPDX-License-Identifier: MIT */
/* corpus-pairs.c: corpus events as sorted links between actor pairs.
 *
 * Takes a corpus and an event filter; gives NkgPairs (see the header).
 */
#include "emit/corpus-pairs.h"
#include "emit/diagram-style.h"
#include "emit/diagram-text.h"

#include <stdlib.h>
#include <string.h>

static const NkgCorpus *sort_corpus; /* qsort has no context argument */

static int rank_cmp(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	const char *a = sort_corpus->actors[i].iri;
	const char *b = sort_corpus->actors[j].iri;
	int c = strcmp(a ? a : "", b ? b : "");
	if (c)
		return c;
	return i < j ? -1 : i > j;
}

static int link_cmp(const void *x, const void *y)
{
	const NkgPairLink *a = x, *b = y;
	if (a->src != b->src)
		return a->src < b->src ? -1 : 1;
	if (a->dst != b->dst)
		return a->dst < b->dst ? -1 : 1;
	if (a->sym != b->sym)
		return a->sym - b->sym;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return a->ev < b->ev ? -1 : a->ev > b->ev;
}

int nkg_pairs_same(const NkgPairLink *a, const NkgPairLink *b)
{
	return a->src == b->src && a->dst == b->dst && a->sym == b->sym;
}

static int add_link(NkgPairs *p, size_t a, size_t b, int sym, size_t group,
                    size_t ev)
{
	if (a >= p->c->n_actors || b >= p->c->n_actors)
		return 0;
	size_t s = p->rank[a], t = p->rank[b];
	if (s == t)
		return 0;
	if (sym && s > t) {
		size_t x = s;
		s = t;
		t = x;
	}
	if (p->n_links == p->cap_links) {
		size_t cap = p->cap_links ? p->cap_links * 2 : 64;
		NkgPairLink *v = realloc(p->links, cap * sizeof *v);
		if (!v)
			return -1;
		p->links = v;
		p->cap_links = cap;
	}
	p->links[p->n_links++] = (NkgPairLink){s, t, sym, group, ev};
	return 0;
}

/* The links of event EV: agents -> targets, or every two parties. */
static int event_links(NkgPairs *p, size_t ev)
{
	const NkgCorpusEvent *e = &p->c->events[ev];
	size_t g = nkg_style_group(e->top_label);
	if (e->n_agents && e->n_targets) {
		for (size_t i = 0; i < e->n_agents; i++)
			for (size_t j = 0; j < e->n_targets; j++)
				if (add_link(p, e->agents[i], e->targets[j], 0,
				             g, ev))
					return -1;
		return 0;
	}
	const size_t *lists[] = {e->agents, e->targets, e->participants};
	const size_t ns[] = {e->n_agents, e->n_targets, e->n_parts};
	for (size_t l = 0; l < 3; l++)
		for (size_t i = 0; i < ns[l]; i++)
			for (size_t m = l; m < 3; m++)
				for (size_t j = m == l ? i + 1 : 0; j < ns[m];
				     j++)
					if (add_link(p, lists[l][i],
					             lists[m][j], 1, g, ev))
						return -1;
	return 0;
}

int nkg_pairs_build(NkgPairs *p, const NkgCorpus *c,
                    int (*want)(const NkgCorpusEvent *e, void *ctx), void *ctx)
{
	size_t na = c->n_actors ? c->n_actors : 1;
	p->c = c;
	p->by_rank = malloc(na * sizeof *p->by_rank);
	p->rank = malloc(na * sizeof *p->rank);
	if (!p->by_rank || !p->rank)
		return -1;
	for (size_t i = 0; i < c->n_actors; i++)
		p->by_rank[i] = i;
	sort_corpus = c;
	qsort(p->by_rank, c->n_actors, sizeof *p->by_rank, rank_cmp);
	for (size_t r = 0; r < c->n_actors; r++)
		p->rank[p->by_rank[r]] = r;
	for (size_t ev = 0; ev < c->n_events; ev++)
		if ((!want || want(&c->events[ev], ctx)) && event_links(p, ev))
			return -1;
	if (p->n_links)
		qsort(p->links, p->n_links, sizeof *p->links, link_cmp);
	size_t o = 0; /* an actor named in two roles links once */
	for (size_t i = 0; i < p->n_links; i++)
		if (!o || link_cmp(&p->links[o - 1], &p->links[i]))
			p->links[o++] = p->links[i];
	p->n_links = o;
	return 0;
}

void nkg_pairs_free(NkgPairs *p)
{
	free(p->by_rank);
	free(p->rank);
	free(p->links);
	*p = (NkgPairs){0};
}

const char *nkg_corpus_actor_label(const NkgCorpus *c, size_t i)
{
	const NkgCorpusActor *a = &c->actors[i];
	if (a->label && *a->label)
		return a->label;
	return nkg_local_name(a->iri);
}

const char *nkg_corpus_event_type(const NkgCorpusEvent *e)
{
	if (e->cls_label && *e->cls_label)
		return e->cls_label;
	if (e->cls && *e->cls)
		return nkg_local_name(e->cls);
	return e->top_label && *e->top_label ? e->top_label : "Event";
}

static int evidence_cmp(const void *x, const void *y)
{
	const NkgEvidence *a = x, *b = y;
	if (!a->date != !b->date)
		return a->date ? -1 : 1;
	int c = a->date ? strcmp(a->date, b->date) : 0;
	if (c)
		return c;
	c = strcmp(a->title, b->title);
	if (c)
		return c;
	return a->doc < b->doc ? -1 : a->doc > b->doc;
}

size_t nkg_corpus_evidence(const NkgCorpus *c, const NkgPairLink *l, size_t n,
                           NkgEvidence **out, const char **url)
{
	size_t cap = 0;
	for (size_t i = 0; i < n; i++)
		cap += c->events[l[i].ev].n_members;
	NkgEvidence *v = malloc((cap ? cap : 1) * sizeof *v);
	*out = v;
	if (url)
		*url = NULL;
	if (!v)
		return (size_t)-1;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const NkgCorpusEvent *ev = &c->events[l[i].ev];
		for (size_t m = 0; m < ev->n_members; m++) {
			const NkgCorpusMember *mb = &ev->members[m];
			if (mb->doc >= c->n_docs)
				continue;
			const NkgCorpusDoc *d = &c->docs[mb->doc];
			if (url && !*url && d->url && *d->url)
				*url = d->url;
			const char *t = d->title && *d->title ? d->title
			                : d->id               ? d->id
			                                      : d->iri;
			v[k++] = (NkgEvidence){mb->date ? mb->date : d->date,
			                       t ? t : "", mb->doc};
		}
	}
	/* one line per document: the first after sorting, its earliest */
	qsort(v, k, sizeof *v, evidence_cmp);
	size_t o = 0;
	for (size_t i = 0; i < k; i++) {
		size_t j = 0;
		while (j < o && v[j].doc != v[i].doc)
			j++;
		if (j == o)
			v[o++] = v[i];
	}
	return o;
}
