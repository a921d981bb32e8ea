/* SPDX-License-Identifier: MIT */
/* dot.c: the document diagram (DOT, SVG, PNG, PDF) of one or more
 * document graphs.
 *
 * Takes NkgGraphs and NkgDiagramOptions; gives the diagram through the
 * shared layers: diagram-style (look, legend), diagram-render (cgraph
 * graph, gvc rendering, errors) and diagram-text (escaping).
 *
 * Two stages.  The plan works on our own structures only: it merges the
 * actors of all graphs by IRI (sorted, so index order is IRI order), turns
 * events into edges (agent -> target; agent -> origin/destination; pairs of
 * participants for symmetric events), applies the filters (event class,
 * focus, max_nodes), merges parallel edges into one with " ×N" and sorts
 * everything.  Drawing then creates the cgraph objects in that order, so
 * that the output is the same whatever the order of the input.
 *
 * Every text set goes through nkg_str_esc(), every IRI through
 * nkg_str_iri() (see diagram-text.c).
 */
#include "emit/dot.h"
#include "emit/diagram-render.h"
#include "emit/diagram-style.h"
#include "emit/diagram-text.h"
#include "text/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_MAX_NODES 150
#define TITLE_MAX 60     /* code points of the document title shown */
#define SENTENCE_MAX 300 /* code points of evidence in a tooltip */

/* ---- plan ---- */

typedef struct {
	const char *iri;
	size_t gi, ai;
} Ref;

typedef struct {
	const char *iri;
	const NkgActor *a;   /* the first actor merged here */
	size_t ref0, n_refs; /* its entries in Plan.refs */
	NkgIdxList affs;     /* affiliated actors (merged), ascending */
	size_t degree;       /* event edges after the class filter */
	size_t dist;         /* hops from the focus, NKG_NONE if unreached */
	int in_event, seed, keep;
	size_t cluster; /* index into Plan.clusters or NKG_NONE */
} DActor;

typedef struct {
	size_t src, dst; /* merged actors; src < dst when sym */
	int sym, dashed;
	const char *cls, *top;
	const NkgEvent *e;   /* the first event merged here */
	const NkgMention *m; /* its first mention, the evidence, or NULL */
	size_t gi, ei;
	const char *date_min, *date_max;
	size_t count;
} DEdge;

typedef struct {
	NkgGraph *const *gs;
	size_t n_gs;
	Ref *refs;
	size_t n_refs;
	size_t **map; /* map[graph][actor]: merged index */
	DActor *act;
	size_t n_act;
	DEdge *edges;
	size_t n_edges, cap_edges;
	size_t *clusters; /* countries (merged) that have a cluster */
	size_t n_clusters;
	size_t shown, total;
} Plan;

static int ref_cmp(const void *x, const void *y)
{
	const Ref *a = x, *b = y;
	int c = strcmp(a->iri, b->iri);
	if (c)
		return c;
	if (a->gi != b->gi)
		return a->gi < b->gi ? -1 : 1;
	return a->ai < b->ai ? -1 : a->ai > b->ai;
}

static int size_cmp(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return a < b ? -1 : a > b;
}

static void plan_free(Plan *p)
{
	if (p->map)
		for (size_t i = 0; i < p->n_gs; i++)
			free(p->map[i]);
	free(p->map);
	free(p->refs);
	for (size_t i = 0; i < p->n_act; i++)
		free(p->act[i].affs.v);
	free(p->act);
	free(p->edges);
	free(p->clusters);
}

/* Merges the actors of all graphs by IRI; 0 on success, -1 out of memory. */
static int plan_actors(Plan *p)
{
	size_t total = 0;
	for (size_t gi = 0; gi < p->n_gs; gi++)
		total += p->gs[gi]->n_actors;
	p->map = calloc(p->n_gs ? p->n_gs : 1, sizeof *p->map);
	p->refs = malloc((total ? total : 1) * sizeof *p->refs);
	p->act = calloc(total ? total : 1, sizeof *p->act);
	if (!p->map || !p->refs || !p->act)
		return -1;
	for (size_t gi = 0; gi < p->n_gs; gi++) {
		const NkgGraph *g = p->gs[gi];
		p->map[gi] = malloc((g->n_actors ? g->n_actors : 1) *
		                    sizeof **p->map);
		if (!p->map[gi])
			return -1;
		for (size_t ai = 0; ai < g->n_actors; ai++)
			p->refs[p->n_refs++] = (Ref){
			        g->actors[ai].iri ? g->actors[ai].iri : "", gi,
			        ai};
	}
	qsort(p->refs, p->n_refs, sizeof *p->refs, ref_cmp);
	for (size_t r = 0; r < p->n_refs; r++) {
		const Ref *ref = &p->refs[r];
		if (!r || strcmp(ref->iri, p->refs[r - 1].iri)) {
			DActor *d = &p->act[p->n_act++];
			d->iri = ref->iri;
			d->a = &p->gs[ref->gi]->actors[ref->ai];
			d->ref0 = r;
			d->dist = NKG_NONE;
			d->cluster = NKG_NONE;
		}
		p->act[p->n_act - 1].n_refs++;
		p->map[ref->gi][ref->ai] = p->n_act - 1;
	}
	for (size_t k = 0; k < p->n_act; k++) {
		DActor *d = &p->act[k];
		for (size_t r = d->ref0; r < d->ref0 + d->n_refs; r++) {
			const NkgGraph *g = p->gs[p->refs[r].gi];
			const NkgActor *a = &g->actors[p->refs[r].ai];
			for (size_t j = 0; j < a->affiliations.n; j++) {
				size_t b = a->affiliations.v[j];
				if (b >= g->n_actors)
					continue;
				b = p->map[p->refs[r].gi][b];
				if (b != k && nkg_idx_add(&d->affs, b))
					return -1;
			}
		}
		if (d->affs.n)
			qsort(d->affs.v, d->affs.n, sizeof *d->affs.v,
			      size_cmp);
	}
	return 0;
}

static int event_matches(const NkgEvent *e, const char *cls)
{
	if (!cls || !*cls)
		return 1;
	return !nkg_ascii_casecmp(nkg_local_name(e->cls), cls) ||
	       (e->top_label && !nkg_ascii_casecmp(e->top_label, cls));
}

static int add_edge(Plan *p, size_t src, size_t dst, int sym, size_t gi,
                    size_t ei)
{
	if (src == dst)
		return 0;
	if (sym && src > dst) {
		size_t t = src;
		src = dst;
		dst = t;
	}
	if (p->n_edges == p->cap_edges) {
		size_t cap = p->cap_edges ? p->cap_edges * 2 : 32;
		DEdge *v = realloc(p->edges, cap * sizeof *v);
		if (!v)
			return -1;
		p->edges = v;
		p->cap_edges = cap;
	}
	const NkgGraph *g = p->gs[gi];
	const NkgEvent *e = &g->events[ei];
	const char *mod = nkg_local_name(e->modality);
	p->edges[p->n_edges++] = (DEdge){
	        .src = src,
	        .dst = dst,
	        .sym = sym,
	        .dashed = !strcmp(mod, "Negated") || !strcmp(mod, "Uncertain"),
	        .cls = e->cls_label ? e->cls_label : nkg_local_name(e->cls),
	        .top = e->top_label,
	        .e = e,
	        .m = e->mentions.n && e->mentions.v[0] < g->n_mentions
	                     ? &g->mentions[e->mentions.v[0]]
	                     : NULL,
	        .gi = gi,
	        .ei = ei,
	        .date_min = e->date,
	        .date_max = e->date,
	        .count = 1,
	};
	return 0;
}

/* Appends the merged actors of role list L to OUT (no duplicates). */
static int role_actors(const Plan *p, size_t gi, const NkgIdxList *l,
                       NkgIdxList *out)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] < p->gs[gi]->n_actors &&
		    nkg_idx_add(out, p->map[gi][l->v[i]]))
			return -1;
	return 0;
}

static int edge_key_cmp(const DEdge *a, const DEdge *b)
{
	if (a->src != b->src)
		return a->src < b->src ? -1 : 1;
	if (a->dst != b->dst)
		return a->dst < b->dst ? -1 : 1;
	int c = strcmp(a->cls, b->cls);
	if (c)
		return c;
	if (a->sym != b->sym)
		return a->sym - b->sym;
	return a->dashed - b->dashed;
}

static int edge_cmp(const void *x, const void *y)
{
	const DEdge *a = x, *b = y;
	int c = edge_key_cmp(a, b);
	if (c)
		return c;
	c = strcmp(a->e->iri ? a->e->iri : "", b->e->iri ? b->e->iri : "");
	if (c)
		return c;
	/* Equal IRIs (or none): order by the evidence, so that the order in
	 * which events were added does not matter. */
	const NkgMention *ma = a->m, *mb = b->m;
	if (ma && mb) {
		if (ma->begin != mb->begin)
			return ma->begin < mb->begin ? -1 : 1;
		if (ma->end != mb->end)
			return ma->end < mb->end ? -1 : 1;
		c = strcmp(ma->anchor ? ma->anchor : "",
		           mb->anchor ? mb->anchor : "");
		if (c)
			return c;
	} else if (ma || mb) {
		return ma ? -1 : 1;
	}
	c = strcmp(a->date_min ? a->date_min : "",
	           b->date_min ? b->date_min : "");
	if (c)
		return c;
	if (a->gi != b->gi)
		return a->gi < b->gi ? -1 : 1;
	return a->ei < b->ei ? -1 : a->ei > b->ei;
}

/* Turns the events that pass the class filter into sorted, merged edges
 * and marks the actors taking part; 0 on success, -1 out of memory. */
static int plan_edges(Plan *p, const char *event_class, double min_conf)
{
	NkgIdxList ag = {0}, tg = {0}, pa = {0}, od = {0};
	int rc = -1;
	for (size_t gi = 0; gi < p->n_gs; gi++) {
		const NkgGraph *g = p->gs[gi];
		for (size_t ei = 0; ei < g->n_events; ei++) {
			const NkgEvent *e = &g->events[ei];
			if (!event_matches(e, event_class) ||
			    e->confidence < min_conf)
				continue;
			ag.n = tg.n = pa.n = od.n = 0;
			if (role_actors(p, gi, &e->roles[NKG_ROLE_AGENT],
			                &ag) ||
			    role_actors(p, gi, &e->roles[NKG_ROLE_TARGET],
			                &tg) ||
			    role_actors(p, gi, &e->roles[NKG_ROLE_PARTICIPANT],
			                &pa) ||
			    role_actors(p, gi, &e->roles[NKG_ROLE_ORIGIN],
			                &od) ||
			    role_actors(p, gi, &e->roles[NKG_ROLE_DESTINATION],
			                &od))
				goto done;
			const NkgIdxList *all[] = {&ag, &tg, &pa, &od};
			for (size_t l = 0; l < 4; l++)
				for (size_t i = 0; i < all[l]->n; i++)
					p->act[all[l]->v[i]].in_event = 1;
			if (e->symmetric || (!tg.n && pa.n)) {
				/* Everybody with everybody, undirected. */
				if (role_actors(p, gi,
				                &e->roles[NKG_ROLE_AGENT],
				                &pa) ||
				    role_actors(p, gi,
				                &e->roles[NKG_ROLE_TARGET],
				                &pa))
					goto done;
				for (size_t i = 0; i < pa.n; i++)
					for (size_t j = i + 1; j < pa.n; j++)
						if (add_edge(p, pa.v[i],
						             pa.v[j], 1, gi,
						             ei))
							goto done;
				continue;
			}
			const NkgIdxList *to = tg.n ? &tg : &od;
			for (size_t i = 0; i < ag.n; i++)
				for (size_t j = 0; j < to->n; j++)
					if (add_edge(p, ag.v[i], to->v[j], 0,
					             gi, ei))
						goto done;
		}
	}
	if (p->n_edges)
		qsort(p->edges, p->n_edges, sizeof *p->edges, edge_cmp);
	size_t o = 0;
	for (size_t i = 0; i < p->n_edges; i++) {
		DEdge *cur = &p->edges[i];
		if (o && !edge_key_cmp(&p->edges[o - 1], cur)) {
			DEdge *m = &p->edges[o - 1];
			m->count++;
			const char *d = cur->date_min;
			if (d && (!m->date_min || strcmp(d, m->date_min) < 0))
				m->date_min = d;
			if (d && (!m->date_max || strcmp(d, m->date_max) > 0))
				m->date_max = d;
			continue;
		}
		p->edges[o++] = *cur;
	}
	p->n_edges = o;
	for (size_t i = 0; i < p->n_edges; i++) {
		p->act[p->edges[i].src].degree += p->edges[i].count;
		p->act[p->edges[i].dst].degree += p->edges[i].count;
	}
	rc = 0;
done:
	free(ag.v);
	free(tg.v);
	free(pa.v);
	free(od.v);
	return rc;
}

/* Whether LABEL folds to the same key as FOCUS (already folded). */
static int label_is(const char *label, const char *focus, int *oom)
{
	if (!label)
		return 0;
	char *f = nkg_fold(label, strlen(label));
	if (!f) {
		*oom = 1;
		return 0;
	}
	int same = !strcmp(f, focus);
	free(f);
	return same;
}

/* Keeps the actors within DEPTH hops of the actors named FOCUS. */
static NkgStatus plan_focus(Plan *p, const char *focus, int depth,
                            NkgError *err)
{
	/* Surrounding blanks in a command-line argument are not meant. */
	while (*focus == ' ')
		focus++;
	size_t len = strlen(focus);
	while (len && focus[len - 1] == ' ')
		len--;
	char *key = nkg_fold(focus, len);
	int oom = !key, found = 0;
	for (size_t k = 0; k < p->n_act && !oom; k++) {
		DActor *d = &p->act[k];
		for (size_t r = d->ref0; r < d->ref0 + d->n_refs; r++) {
			const NkgActor *a =
			        &p->gs[p->refs[r].gi]->actors[p->refs[r].ai];
			int hit = label_is(a->label, key, &oom);
			for (size_t j = 0; j < a->n_alts && !hit; j++)
				hit = label_is(a->alts[j], key, &oom);
			if (hit) {
				d->seed = 1;
				d->dist = 0;
				found = 1;
				break;
			}
		}
	}
	free(key);
	if (oom)
		return nkg_diagram_fail(err, NKG_ERR_INTERNAL, "%s",
		                        "diagram: out of memory");
	if (!found) {
		char name[201];
		snprintf(name, sizeof name, "%.*s", (int)len, focus);
		return nkg_diagram_fail(
		        err, NKG_ERR_USAGE,
		        "no actor named \"%s\" to focus on; give a label "
		        "or alternative label of an actor in the graph",
		        name);
	}
	for (size_t hop = 0; hop < (size_t)depth; hop++) {
		for (size_t i = 0; i < p->n_edges; i++) {
			DActor *s = &p->act[p->edges[i].src];
			DActor *t = &p->act[p->edges[i].dst];
			if (s->dist == hop && t->dist == NKG_NONE)
				t->dist = hop + 1;
			else if (t->dist == hop && s->dist == NKG_NONE)
				s->dist = hop + 1;
		}
	}
	for (size_t k = 0; k < p->n_act; k++)
		p->act[k].keep = p->act[k].dist != NKG_NONE;
	return NKG_SUCCESS;
}

/* Ranks actors for max_nodes: the focus first, then those kept for their
 * events, then by event edges, then by IRI (index). */
typedef struct {
	int seed, in_event;
	size_t degree, k;
} Rank;

static int rank_cmp(const void *x, const void *y)
{
	const Rank *a = x, *b = y;
	if (a->seed != b->seed)
		return b->seed - a->seed;
	if (a->in_event != b->in_event)
		return b->in_event - a->in_event;
	if (a->degree != b->degree)
		return a->degree > b->degree ? -1 : 1;
	return a->k < b->k ? -1 : a->k > b->k;
}

static int plan_select(Plan *p, const NkgDiagramOptions *o)
{
	if (!o->focus || !*o->focus)
		for (size_t k = 0; k < p->n_act; k++)
			p->act[k].keep = p->act[k].in_event;
	if (o->show_affiliations) {
		/* One step only: affiliates of affiliates are not drawn. */
		char *add = calloc(p->n_act ? p->n_act : 1, 1);
		if (!add)
			return -1;
		for (size_t k = 0; k < p->n_act; k++)
			if (p->act[k].keep)
				for (size_t j = 0; j < p->act[k].affs.n; j++)
					add[p->act[k].affs.v[j]] = 1;
		for (size_t k = 0; k < p->n_act; k++)
			p->act[k].keep |= add[k];
		free(add);
	}
	size_t max = o->max_nodes ? (size_t)o->max_nodes : DEFAULT_MAX_NODES;
	p->total = 0;
	for (size_t k = 0; k < p->n_act; k++)
		p->total += p->act[k].keep != 0;
	p->shown = p->total;
	if (p->total > max) {
		Rank *r = malloc(p->total * sizeof *r);
		size_t m = 0;
		if (!r)
			return -1;
		for (size_t k = 0; k < p->n_act; k++)
			if (p->act[k].keep)
				r[m++] = (Rank){p->act[k].seed,
				                p->act[k].in_event,
				                p->act[k].degree, k};
		qsort(r, m, sizeof *r, rank_cmp);
		for (size_t i = max; i < m; i++)
			p->act[r[i].k].keep = 0;
		free(r);
		p->shown = max;
	}
	if (!o->cluster)
		return 0;
	/* A member goes into the cluster of its first country (by IRI),
	 * whether or not that country is drawn itself.  Clusters are
	 * numbered in the IRI order of their countries. */
	size_t n = p->n_act ? p->n_act : 1;
	size_t *country = malloc(n * sizeof *country);
	size_t *slot = malloc(n * sizeof *slot);
	p->clusters = malloc(n * sizeof *p->clusters);
	if (!country || !slot || !p->clusters) {
		free(country);
		free(slot);
		return -1;
	}
	for (size_t k = 0; k < p->n_act; k++) {
		DActor *d = &p->act[k];
		country[k] = slot[k] = NKG_NONE;
		if (!d->keep || d->a->kind == NKG_KIND_COUNTRY)
			continue;
		for (size_t j = 0; j < d->affs.n; j++)
			if (p->act[d->affs.v[j]].a->kind == NKG_KIND_COUNTRY) {
				country[k] = d->affs.v[j];
				break;
			}
	}
	for (size_t k = 0; k < p->n_act; k++)
		if (country[k] != NKG_NONE)
			slot[country[k]] = 0;
	for (size_t c = 0; c < p->n_act; c++)
		if (slot[c] != NKG_NONE) {
			slot[c] = p->n_clusters;
			p->clusters[p->n_clusters++] = c;
			if (p->act[c].keep)
				p->act[c].cluster = slot[c];
		}
	for (size_t k = 0; k < p->n_act; k++)
		if (country[k] != NKG_NONE)
			p->act[k].cluster = slot[country[k]];
	free(country);
	free(slot);
	return 0;
}

/* ---- drawing ---- */

static void draw_actor(NkgDraw *d, Agnode_t **nodes, Agraph_t *parent,
                       const DActor *a, size_t k)
{
	nkg_str_clear(&d->b);
	nkg_str_iri(&d->b, a->iri, 0);
	Agnode_t *n = d->b.oom ? NULL : agnode(parent, d->b.s, 1);
	if (!n) {
		d->failed = 1;
		return;
	}
	nodes[k] = n;
	const char *label = a->a->label ? a->a->label : a->iri;
	const char *cls = a->a->cls ? nkg_local_name(a->a->cls) : "";
	if (!*cls)
		cls = nkg_style_kind_name(a->a->kind);
	nkg_draw_set_text(d, n, "label", label, 0, 0);
	nkg_str_clear(&d->b);
	nkg_str_esc(&d->b, label, 0, 1);
	nkg_str_cat(&d->b, " (");
	nkg_str_esc(&d->b, cls, 0, 1);
	nkg_str_cat(&d->b, ")");
	if (d->b.oom)
		d->failed = 1;
	else
		nkg_draw_set(d, n, "tooltip", d->b.s);
	nkg_draw_set_url(d, n, a->iri);
	nkg_style_node(d, n, a->a->kind);
}

static void draw_edge(NkgDraw *d, Agnode_t **nodes, const DEdge *e, int loose,
                      int xlabel)
{
	Agnode_t *s = nodes[e->src], *t = nodes[e->dst];
	Agedge_t *x = s && t ? agedge(d->g, s, t, NULL, 1) : NULL;
	if (!x) {
		d->failed = 1;
		return;
	}
	char num[48];
	NkgStr *b = &d->b;
	nkg_str_clear(b);
	nkg_str_esc(b, e->cls, 0, 0);
	if (e->count > 1) {
		snprintf(num, sizeof num, " \xC3\x97%zu", e->count); /* × */
		nkg_str_cat(b, num);
	}
	if (e->date_min) {
		nkg_str_cat(b, "\\n");
		nkg_str_esc(b, e->date_min, 0, 0);
		if (strcmp(e->date_min, e->date_max)) {
			nkg_str_cat(b, " \xE2\x80\x93 "); /* – */
			nkg_str_esc(b, e->date_max, 0, 0);
		}
	}
	if (!b->oom)
		nkg_draw_set(d, x, xlabel ? "xlabel" : "label", b->s);

	/* The evidence: the sentence of the first event's first mention. */
	const char *sentence = e->m ? e->m->anchor : NULL;
	nkg_str_clear(b);
	nkg_str_esc(b, e->cls, 0, 1);
	if (sentence && *sentence) {
		nkg_str_cat(b, ": ");
		nkg_str_esc(b, sentence, SENTENCE_MAX, 1);
	}
	if (e->count > 1) {
		snprintf(num, sizeof num, " (and %zu more)", e->count - 1);
		nkg_str_cat(b, num);
	}
	if (!b->oom) {
		nkg_draw_set(d, x, "tooltip", b->s);
		nkg_draw_set(d, x, "labeltooltip", b->s);
	}
	if (e->e->iri)
		nkg_draw_set_url(d, x, e->e->iri);
	const char *color = nkg_style_family_color(nkg_style_family(e->top));
	nkg_draw_set(d, x, "color", color);
	nkg_draw_set(d, x, "fontcolor", color);
	if (e->dashed)
		nkg_draw_set(d, x, "style", "dashed");
	if (e->sym)
		nkg_draw_set(d, x, "dir", "none");
	if (loose)
		nkg_draw_set(d, x, "constraint", "false");
	if (e->count > 1) {
		nkg_style_count_width(e->count, num);
		nkg_draw_set(d, x, "penwidth", num);
	}
	if (b->oom)
		d->failed = 1;
}

static void draw_affiliation(NkgDraw *d, Agnode_t **nodes, const Plan *p,
                             size_t from, size_t to, int loose)
{
	Agnode_t *s = nodes[from], *t = nodes[to];
	Agedge_t *x = s && t ? agedge(d->g, s, t, NULL, 1) : NULL;
	if (!x) {
		d->failed = 1;
		return;
	}
	NkgStr *b = &d->b;
	nkg_str_clear(b);
	nkg_str_esc(b, p->act[from].a->label, 0, 1);
	nkg_str_cat(b, " is affiliated with ");
	nkg_str_esc(b, p->act[to].a->label, 0, 1);
	if (b->oom)
		d->failed = 1;
	else
		nkg_draw_set(d, x, "tooltip", b->s);
	nkg_draw_set(d, x, "style", "dotted");
	nkg_draw_set(d, x, "color", "#9e9e9e");
	nkg_draw_set(d, x, "arrowhead", "empty");
	if (loose)
		nkg_draw_set(d, x, "constraint", "false");
}

/* Whether a drawn edge goes from A to B (A < B): an event edge, either
 * way for a symmetric one, or with AFFILIATIONS an affiliation edge. */
static int linked(const Plan *p, size_t a, size_t b, int affiliations)
{
	size_t lo = 0, hi = p->n_edges;
	while (lo < hi) { /* first edge with (src, dst) >= (a, b) */
		size_t mid = lo + (hi - lo) / 2;
		const DEdge *e = &p->edges[mid];
		if (e->src < a || (e->src == a && e->dst < b))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < p->n_edges && p->edges[lo].src == a && p->edges[lo].dst == b)
		return 1;
	return affiliations && nkg_idx_has(&p->act[a].affs, b);
}

/* Builds the cgraph graph of plan P into D->g. */
static void draw(NkgDraw *d, Agnode_t **nodes, const Plan *p,
                 const NkgDiagramOptions *o, const char *layout)
{
	Agraph_t *g = d->g;
	nkg_style_defaults(d);

	Agraph_t **cl = NULL;
	if (p->n_clusters) {
		cl = calloc(p->n_clusters, sizeof *cl);
		if (!cl) {
			d->failed = 1;
			return;
		}
	}
	for (size_t c = 0; c < p->n_clusters; c++) {
		char name[40];
		snprintf(name, sizeof name, "cluster_c%zu", c);
		cl[c] = agsubg(g, name, 1);
		if (!cl[c]) {
			d->failed = 1;
			break;
		}
		const NkgActor *a = p->act[p->clusters[c]].a;
		nkg_draw_set_text(d, cl[c], "label",
		                  a->label ? a->label : a->iri, 0, 0);
		nkg_style_cluster(d, cl[c]);
	}
	for (size_t k = 0; k < p->n_act && !d->failed; k++) {
		const DActor *a = &p->act[k];
		if (a->keep)
			draw_actor(d, nodes,
			           a->cluster == NKG_NONE ? g : cl[a->cluster],
			           a, k);
	}
	free(cl);
	/* dot with clusters draws the two edges of a pair linked both ways
	 * on one rank with their labels on top of each other; the edge
	 * against IRI order then does not constrain the ranks. */
	int untie = nkg_layout_is_dot(layout) && p->n_clusters;
	/* and the labels go outside the edges (xlabel): Graphviz 2.43's dot
	 * frees memory twice laying out an edge label between two nodes of
	 * one rank inside clusters */
	for (size_t i = 0; i < p->n_edges && !d->failed; i++) {
		const DEdge *e = &p->edges[i];
		if (p->act[e->src].keep && p->act[e->dst].keep)
			draw_edge(d, nodes, e,
			          untie && e->src > e->dst &&
			                  linked(p, e->dst, e->src,
			                         o->show_affiliations),
			          untie);
	}
	if (o->show_affiliations)
		for (size_t k = 0; k < p->n_act && !d->failed; k++) {
			const DActor *a = &p->act[k];
			for (size_t j = 0; a->keep && j < a->affs.n; j++) {
				size_t b = a->affs.v[j];
				if (p->act[b].keep)
					draw_affiliation(
					        d, nodes, p, k, b,
					        untie && k > b &&
					                linked(p, b, k, 1));
			}
		}
	if (!d->failed && nkg_layout_has_clusters(layout))
		nkg_style_legend(d, o->show_affiliations);
	else if (!d->failed)
		nkg_style_legend_note(d, o->show_affiliations);

	nkg_draw_set(d, g, "layout", layout);
	if (nkg_layout_is_dot(layout)) {
		nkg_draw_set(d, g, "rankdir", "LR");
	} else {
		nkg_draw_set(d, g, "overlap", "false");
		nkg_draw_set(d, g, "splines", "true");
		/* Room around nodes for the edge labels when overlaps are
		 * removed.  Not for fdp: its overlap removal in 2.43 reads
		 * uninitialised memory when sep is set. */
		if (strcmp(layout, "fdp"))
			nkg_draw_set(d, g, "sep", "+25");
	}
	NkgStr *b = &d->b;
	nkg_str_clear(b);
	if (p->n_gs == 1 && p->gs[0]->title)
		nkg_str_esc(b, p->gs[0]->title, TITLE_MAX, 0);
	if (p->shown < p->total) {
		char note[96];
		snprintf(note, sizeof note,
		         "showing %zu of %zu actors (most connected)", p->shown,
		         p->total);
		if (b->n)
			nkg_str_cat(b, "\\n");
		nkg_str_cat(b, note);
	}
	if (b->oom) {
		d->failed = 1;
	} else if (b->n) {
		nkg_draw_set(d, g, "label", b->s);
		nkg_draw_set(d, g, "labelloc", "t");
		nkg_draw_set(d, g, "fontsize", "14");
	}
}

/* ---- entry point ---- */

NkgStatus nkg_emit_diagram(NkgGraph *const *gs, size_t n, NkgFormat format,
                           FILE *out, const NkgDiagramOptions *opt,
                           NkgError *err)
{
	static const NkgDiagramOptions defaults = {0};
	const NkgDiagramOptions *o = opt ? opt : &defaults;
	if (format != NKG_FORMAT_DOT && format != NKG_FORMAT_SVG &&
	    format != NKG_FORMAT_PNG && format != NKG_FORMAT_PDF)
		return nkg_diagram_fail(
		        err, NKG_ERR_USAGE, "%s",
		        "not a diagram format; use dot, svg, png or pdf");
	if (!out || (n && !gs))
		return nkg_diagram_fail(
		        err, NKG_ERR_USAGE, "%s",
		        "diagram: no graph or no output stream");
	for (size_t i = 0; i < n; i++)
		if (!gs[i])
			return nkg_diagram_fail(err, NKG_ERR_USAGE, "%s",
			                        "diagram: a graph is missing");
	const char *layout = o->layout && *o->layout ? o->layout : "dot";
	NkgStatus st = nkg_diagram_check_layout(layout, err);
	if (st)
		return st;
	if (o->depth < 0 || o->max_nodes < 0)
		return nkg_diagram_fail(
		        err, NKG_ERR_USAGE, "%s",
		        "diagram depth and max_nodes must not be negative");

	Plan p = {.gs = gs, .n_gs = n};
	if (plan_actors(&p) ||
	    plan_edges(&p, o->event_class,
	               o->min_confidence > 0   ? o->min_confidence
	               : o->min_confidence < 0 ? 0
	                                       : 0.5)) {
		st = nkg_diagram_fail(err, NKG_ERR_INTERNAL, "%s",
		                      "diagram: out of memory");
		goto done;
	}
	if (o->focus && *o->focus) {
		st = plan_focus(&p, o->focus, o->depth ? o->depth : 1, err);
		if (st)
			goto done;
	}
	/* Clusters only where the layout draws them. */
	NkgDiagramOptions eff = *o;
	if (!nkg_layout_has_clusters(layout))
		eff.cluster = 0;
	o = &eff;
	if (plan_select(&p, o)) {
		st = nkg_diagram_fail(err, NKG_ERR_INTERNAL, "%s",
		                      "diagram: out of memory");
		goto done;
	}

	Agnode_t **nodes = calloc(p.n_act ? p.n_act : 1, sizeof *nodes);
	if (!nodes) {
		st = nkg_diagram_fail(err, NKG_ERR_INTERNAL, "%s",
		                      "diagram: out of memory");
		goto done;
	}
	NkgDraw d;
	st = nkg_draw_open(&d, err);
	if (!st) {
		draw(&d, nodes, &p, o, layout);
		if (d.failed)
			st = nkg_diagram_fail(
			        err, NKG_ERR_INTERNAL,
			        "graphviz could not build the diagram: %s",
			        d.b.oom ? "out of memory"
			                : nkg_draw_messages());
		else
			st = nkg_draw_render(&d, format, out, layout, err);
	}
	nkg_draw_close(&d);
	free(nodes);
done:
	plan_free(&p);
	return st;
}
