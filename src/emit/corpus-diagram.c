/* SPDX-License-Identifier: MIT */
/* corpus-diagram.c: the corpus diagram (DOT, SVG, PNG, PDF).
 *
 * Takes a finished NkgCorpus and NkgCorpusDiagramOptions; gives one edge
 * per actor pair and PLOVER class group: agent -> target, or undirected
 * between each two parties of an event without agent and target.  Each
 * edge counts corpus events (its width), names the main event types
 * ("Capture ×3, Assault ×2"), lists the dated headlines of the documents
 * that report them (tooltip) and links to the first source URL.  Only the
 * most connected actors are drawn (max_actors), people and bodies inside
 * the cluster of their country, with one legend of what is drawn.
 *
 * Deterministic: actors are numbered in IRI order and every list is
 * sorted on keys that include that number, so that the output depends on
 * the corpus only.
 */
#include "corpus/corpus.h"
#include "emit/corpus-pairs.h"
#include "emit/diagram-render.h"
#include "emit/diagram-style.h"
#include "emit/diagram-text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_MAX_ACTORS 40
#define DEFAULT_MAX_EDGES 60
/* with more edges than this drawn, an edge of one event is told by its
 * colour and tooltip alone: the labels would cover each other */
#define QUIET_LABELS 30
#define DEFAULT_MIN_CONFIDENCE 0.5
#define LABEL_TYPES 3     /* event types named on an edge */
#define TOOLTIP_LINES 10  /* evidence lines in a tooltip */
#define HEADLINE_MAX 120  /* code points of a headline in a tooltip */
#define NODE_LABEL_MAX 40 /* code points of an actor label */

/* One drawn edge: the links LINK0 .. LINK0 + N - 1 of one pair and class
 * group (distinct events). */
typedef struct {
	size_t src, dst;
	int sym;
	size_t group;
	size_t link0, n;
} CEdge;

typedef struct {
	const NkgCorpus *c;
	NkgPairs pr;
	CEdge *edges;
	size_t n_edges;
	char *edge_keep; /* by edge: drawn */
	size_t edges_shown, edges_total;
	int quiet;        /* QUIET_LABELS passed */
	size_t *degree;   /* by rank: events on the actor's edges */
	int *keep;        /* by rank */
	size_t *cluster;  /* by rank: slot in clusters, or NKG_NONE */
	size_t *clusters; /* ranks of the countries with a cluster */
	size_t n_clusters;
	size_t shown, total, n_drawn_events;
	int xlabels; /* edge labels as xlabel (see draw()) */
} CPlan;

static int same_edge(const NkgPairLink *a, const NkgPairLink *b)
{
	return nkg_pairs_same(a, b) && a->group == b->group;
}

static int confident(const NkgCorpusEvent *e, void *ctx)
{
	return e->confidence >= *(const double *)ctx;
}

static void cplan_free(CPlan *p)
{
	nkg_pairs_free(&p->pr);
	free(p->edges);
	free(p->edge_keep);
	free(p->degree);
	free(p->keep);
	free(p->cluster);
	free(p->clusters);
}

/* Numbers the actors, links the events at least MIN_CONF confident and
 * merges the links into edges; 0 on success, -1 out of memory. */
static int cplan_edges(CPlan *p, double min_conf)
{
	const NkgCorpus *c = p->c;
	size_t na = c->n_actors ? c->n_actors : 1;
	p->degree = calloc(na, sizeof *p->degree);
	p->keep = calloc(na, sizeof *p->keep);
	p->cluster = malloc(na * sizeof *p->cluster);
	p->clusters = malloc(na * sizeof *p->clusters);
	if (!p->degree || !p->keep || !p->cluster || !p->clusters ||
	    nkg_pairs_build(&p->pr, c, confident, &min_conf))
		return -1;
	for (size_t r = 0; r < c->n_actors; r++)
		p->cluster[r] = NKG_NONE;
	size_t n = p->pr.n_links;
	p->edges = malloc((n ? n : 1) * sizeof *p->edges);
	if (!p->edges)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const NkgPairLink *l = &p->pr.links[i];
		if (p->n_edges && same_edge(&p->pr.links[i - 1], l)) {
			p->edges[p->n_edges - 1].n++;
			continue;
		}
		p->edges[p->n_edges++] =
		        (CEdge){l->src, l->dst, l->sym, l->group, i, 1};
	}
	for (size_t i = 0; i < p->n_edges; i++) {
		p->degree[p->edges[i].src] += p->edges[i].n;
		p->degree[p->edges[i].dst] += p->edges[i].n;
	}
	return 0;
}

/* The Country actor I is affiliated with, or NKG_NONE. */
static size_t country_of(const NkgCorpus *c, size_t i)
{
	const NkgCorpusActor *a = &c->actors[i];
	if (a->kind == NKG_KIND_COUNTRY || a->country >= c->n_actors ||
	    c->actors[a->country].kind != NKG_KIND_COUNTRY)
		return NKG_NONE;
	return a->country;
}

static const size_t *sort_degree;

/* Most connected first, then IRI order (rank). */
static int degree_cmp(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	if (sort_degree[a] != sort_degree[b])
		return sort_degree[a] > sort_degree[b] ? -1 : 1;
	return a < b ? -1 : a > b;
}

static const CEdge *sort_edges;

/* Heaviest first, then in edge order. */
static int weight_cmp(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	if (sort_edges[a].n != sort_edges[b].n)
		return sort_edges[a].n > sort_edges[b].n ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* Among the edges between kept actors, keeps the MAX heaviest; then an
 * actor none of them touches is not drawn.  0 on success, -1 out of
 * memory. */
static int cplan_prune(CPlan *p, size_t max)
{
	size_t *cand = malloc((p->n_edges ? p->n_edges : 1) * sizeof *cand);
	p->edge_keep = calloc(p->n_edges ? p->n_edges : 1, 1);
	if (!cand || !p->edge_keep) {
		free(cand);
		return -1;
	}
	size_t m = 0;
	for (size_t i = 0; i < p->n_edges; i++)
		if (p->keep[p->edges[i].src] && p->keep[p->edges[i].dst])
			cand[m++] = i;
	sort_edges = p->edges;
	qsort(cand, m, sizeof *cand, weight_cmp);
	p->edges_total = m;
	p->edges_shown = m < max ? m : max;
	for (size_t i = 0; i < p->edges_shown; i++)
		p->edge_keep[cand[i]] = 1;
	free(cand);
	p->quiet = p->edges_shown > QUIET_LABELS;
	for (size_t r = 0; r < p->c->n_actors; r++)
		p->keep[r] = 0;
	for (size_t i = 0; i < p->n_edges; i++)
		if (p->edge_keep[i])
			p->keep[p->edges[i].src] = p->keep[p->edges[i].dst] = 1;
	p->shown = 0;
	for (size_t r = 0; r < p->c->n_actors; r++)
		p->shown += p->keep[r] != 0;
	return 0;
}

/* Keeps the MAX most connected actors and among them the MAX_EDGES
 * heaviest edges, and gives the kept members of a country its cluster
 * (CLUSTER); 0 on success, -1 out of memory. */
static int cplan_select(CPlan *p, size_t max, size_t max_edges, int cluster)
{
	const NkgCorpus *c = p->c;
	size_t *order = malloc((c->n_actors ? c->n_actors : 1) * sizeof *order);
	if (!order)
		return -1;
	size_t m = 0;
	for (size_t r = 0; r < c->n_actors; r++)
		if (p->degree[r])
			order[m++] = r;
	sort_degree = p->degree;
	qsort(order, m, sizeof *order, degree_cmp);
	p->total = m;
	size_t shown = m < max ? m : max;
	for (size_t i = 0; i < shown; i++)
		p->keep[order[i]] = 1;
	free(order);
	if (cplan_prune(p, max_edges))
		return -1;
	/* Events drawn, each once whatever the number of its edges. */
	char *seen = calloc(c->n_events ? c->n_events : 1, 1);
	if (!seen)
		return -1;
	for (size_t i = 0; i < p->n_edges; i++) {
		const CEdge *e = &p->edges[i];
		for (size_t j = 0; p->edge_keep[i] && j < e->n; j++) {
			size_t ev = p->pr.links[e->link0 + j].ev;
			p->n_drawn_events += !seen[ev];
			seen[ev] = 1;
		}
	}
	free(seen);
	if (!cluster)
		return 0;
	/* Clusters in the IRI order of their countries; a country drawn
	 * itself sits inside its own cluster.  CLUSTER holds the slot of
	 * each country with members first, then each actor's. */
	size_t *slot = p->cluster;
	for (size_t r = 0; r < c->n_actors; r++) {
		size_t k = country_of(c, p->pr.by_rank[r]);
		if (p->keep[r] && k != NKG_NONE)
			slot[p->pr.rank[k]] = 0;
	}
	for (size_t r = 0; r < c->n_actors; r++)
		if (slot[r] != NKG_NONE) {
			slot[r] = p->n_clusters;
			p->clusters[p->n_clusters++] = r;
		}
	for (size_t r = 0; r < c->n_actors; r++) {
		size_t k = country_of(c, p->pr.by_rank[r]);
		if (k != NKG_NONE)
			slot[r] = p->keep[r] ? slot[p->pr.rank[k]] : NKG_NONE;
	}
	return 0;
}

/* ---- texts of an edge ---- */

typedef struct {
	const char *label;
	size_t n;
} TypeCount;

static int type_cmp(const void *x, const void *y)
{
	const TypeCount *a = x, *b = y;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->label, b->label);
}

/* "Capture ×3, Assault ×2, Killing, …": the most frequent types first. */
static int edge_label(const CPlan *p, const CEdge *e, NkgStr *b)
{
	TypeCount *t = malloc(e->n * sizeof *t);
	size_t nt = 0;
	if (!t)
		return -1;
	for (size_t i = 0; i < e->n; i++) {
		const char *lab = nkg_corpus_event_type(
		        &p->c->events[p->pr.links[e->link0 + i].ev]);
		size_t k = 0;
		while (k < nt && strcmp(t[k].label, lab))
			k++;
		if (k == nt)
			t[nt++] = (TypeCount){lab, 0};
		t[k].n++;
	}
	qsort(t, nt, sizeof *t, type_cmp);
	nkg_str_clear(b);
	for (size_t k = 0; k < nt && k < LABEL_TYPES; k++) {
		if (k)
			nkg_str_cat(b, "\\n");
		nkg_str_esc(b, t[k].label, 0, 0);
		if (t[k].n > 1)
			nkg_str_fmt(b, " \xC3\x97%zu", t[k].n); /* × */
	}
	if (nt > LABEL_TYPES)
		nkg_str_cat(b, "\\n\xE2\x80\xA6"); /* … */
	free(t);
	return 0;
}

/* The heading and the dated headlines of the documents behind E, one per
 * document, the earliest first; *URL gets the source URL of the first
 * member document that has one. */
static int edge_tooltip(const CPlan *p, const CEdge *e, NkgStr *b,
                        const char **url)
{
	const NkgCorpus *c = p->c;
	NkgEvidence *v;
	size_t o =
	        nkg_corpus_evidence(c, &p->pr.links[e->link0], e->n, &v, url);
	if (o == (size_t)-1)
		return -1;
	const char *src = nkg_corpus_actor_label(c, p->pr.by_rank[e->src]);
	const char *dst = nkg_corpus_actor_label(c, p->pr.by_rank[e->dst]);
	nkg_str_clear(b);
	nkg_str_esc(b, src, 0, 1);
	nkg_str_cat(b, e->sym ? " \xE2\x80\x93 " : " \xE2\x86\x92 "); /* – → */
	nkg_str_esc(b, dst, 0, 1);
	nkg_str_fmt(b, ": %s, %zu event%s in %zu document%s",
	            nkg_style_group_name(e->group), e->n, e->n == 1 ? "" : "s",
	            o, o == 1 ? "" : "s");
	for (size_t i = 0; i < o && i < TOOLTIP_LINES; i++) {
		nkg_str_cat(b, "\\n");
		nkg_str_esc(b, v[i].date ? v[i].date : "(no date)", 0, 1);
		nkg_str_cat(b, "  ");
		nkg_str_esc(b, v[i].title, HEADLINE_MAX, 1);
	}
	if (o > TOOLTIP_LINES)
		nkg_str_fmt(b, "\\nand %zu more", o - TOOLTIP_LINES);
	free(v);
	return 0;
}

/* ---- drawing ---- */

static void draw_actor(NkgDraw *d, Agnode_t **nodes, Agraph_t *parent,
                       const CPlan *p, size_t r)
{
	const NkgCorpusActor *a = &p->c->actors[p->pr.by_rank[r]];
	nkg_str_clear(&d->b);
	nkg_str_iri(&d->b, a->iri, 0);
	Agnode_t *n = d->b.oom ? NULL : agnode(parent, d->b.s, 1);
	if (!n) {
		d->failed = 1;
		return;
	}
	nodes[r] = n;
	const char *label = nkg_corpus_actor_label(p->c, p->pr.by_rank[r]);
	nkg_draw_set_text(d, n, "label", label, NODE_LABEL_MAX, 0);
	const char *cls = a->cls ? nkg_local_name(a->cls) : "";
	nkg_str_clear(&d->b);
	nkg_str_esc(&d->b, label, 0, 1);
	nkg_str_cat(&d->b, " (");
	nkg_str_esc(&d->b, *cls ? cls : nkg_style_kind_name(a->kind), 0, 1);
	nkg_str_fmt(&d->b, "): %zu corpus events drawn", p->degree[r]);
	if (d->b.oom)
		d->failed = 1;
	else
		nkg_draw_set(d, n, "tooltip", d->b.s);
	nkg_draw_set_url(d, n, a->iri);
	nkg_style_node(d, n, a->kind);
}

static void draw_edge(NkgDraw *d, Agnode_t **nodes, const CPlan *p,
                      const CEdge *e)
{
	Agnode_t *s = nodes[e->src], *t = nodes[e->dst];
	Agedge_t *x = s && t ? agedge(d->g, s, t, NULL, 1) : NULL;
	const char *url = NULL;
	if (!x || edge_label(p, e, &d->b)) {
		d->failed = 1;
		return;
	}
	if (!p->quiet || e->n > 1)
		nkg_draw_set(d, x, p->xlabels ? "xlabel" : "label", d->b.s);
	if (edge_tooltip(p, e, &d->b, &url) || d->b.oom) {
		d->failed = 1;
		return;
	}
	nkg_draw_set(d, x, "tooltip", d->b.s);
	nkg_draw_set(d, x, "labeltooltip", d->b.s);
	if (url)
		nkg_draw_set_url(d, x, url);
	const char *color = nkg_style_group_color(e->group);
	char width[16];
	nkg_style_corpus_width(e->n, width);
	nkg_draw_set(d, x, "color", color);
	nkg_draw_set(d, x, "fontcolor", color);
	nkg_draw_set(d, x, "penwidth", width);
	if (e->sym)
		nkg_draw_set(d, x, "dir", "none");
}

static void draw_clusters(NkgDraw *d, const CPlan *p, Agraph_t **cl)
{
	for (size_t k = 0; k < p->n_clusters && !d->failed; k++) {
		char name[40];
		snprintf(name, sizeof name, "cluster_c%zu", k);
		cl[k] = agsubg(d->g, name, 1);
		if (!cl[k]) {
			d->failed = 1;
			return;
		}
		size_t i = p->pr.by_rank[p->clusters[k]];
		nkg_draw_set_text(d, cl[k], "label",
		                  nkg_corpus_actor_label(p->c, i),
		                  NODE_LABEL_MAX, 0);
		nkg_style_cluster(d, cl[k]);
	}
}

static void draw_title(NkgDraw *d, const CPlan *p)
{
	NkgStr *b = &d->b;
	nkg_str_clear(b);
	nkg_str_fmt(b, "%zu documents, %zu corpus events drawn", p->c->n_docs,
	            p->n_drawn_events);
	if (p->shown < p->total)
		nkg_str_fmt(b, "\\nshowing %zu of %zu actors (most connected)",
		            p->shown, p->total);
	if (p->edges_shown < p->edges_total)
		nkg_str_fmt(b, ", %zu of their %zu links (most events)",
		            p->edges_shown, p->edges_total);
	if (p->quiet)
		nkg_str_cat(b, "\\nlinks of one event are labelled in their "
		               "tooltips");
	if (b->oom) {
		d->failed = 1;
		return;
	}
	nkg_draw_set(d, d->g, "label", b->s);
	nkg_draw_set(d, d->g, "labelloc", "t");
	nkg_draw_set(d, d->g, "fontsize", "14");
}

static void draw_layout(NkgDraw *d, const char *layout)
{
	nkg_draw_set(d, d->g, "layout", layout);
	if (nkg_layout_is_dot(layout)) {
		nkg_draw_set(d, d->g, "rankdir", "LR");
		nkg_draw_set(d, d->g, "ranksep", "1.8");
		nkg_draw_set(d, d->g, "nodesep", "0.5");
	} else {
		nkg_draw_set(d, d->g, "overlap", "false");
		nkg_draw_set(d, d->g, "splines", "true");
		if (strcmp(layout, "fdp")) /* see dot.c */
			nkg_draw_set(d, d->g, "sep", "+25");
	}
}

/* Builds the cgraph graph of plan P into D->g. */
static void draw(NkgDraw *d, Agnode_t **nodes, const CPlan *p,
                 const char *layout)
{
	nkg_style_defaults(d);
	Agraph_t **cl = NULL;
	if (p->n_clusters && !(cl = calloc(p->n_clusters, sizeof *cl))) {
		d->failed = 1;
		return;
	}
	draw_clusters(d, p, cl);
	int kinds[NKG_KIND_GROUP + 1] = {0}, groups[NKG_GROUP_COUNT] = {0};
	for (size_t r = 0; r < p->c->n_actors && !d->failed; r++) {
		if (!p->keep[r])
			continue;
		size_t k = p->cluster[r];
		draw_actor(d, nodes, k == NKG_NONE ? d->g : cl[k], p, r);
		NkgActorKind kind = p->c->actors[p->pr.by_rank[r]].kind;
		kinds[(unsigned)kind > NKG_KIND_GROUP ? NKG_KIND_ORGANIZATION
		                                      : kind] = 1;
	}
	free(cl);
	for (size_t i = 0; i < p->n_edges && !d->failed; i++) {
		const CEdge *e = &p->edges[i];
		if (p->edge_keep[i]) {
			draw_edge(d, nodes, p, e);
			groups[e->group] = 1;
		}
	}
	if (!d->failed)
		nkg_style_group_legend(d, kinds, groups);
	draw_layout(d, layout);
	draw_title(d, p);
}

/* ---- entry point ---- */

static NkgStatus check_args(const NkgCorpus *c, NkgFormat format, FILE *out,
                            const NkgCorpusDiagramOptions *o,
                            const char *layout, NkgError *err)
{
	if (format != NKG_FORMAT_DOT && format != NKG_FORMAT_SVG &&
	    format != NKG_FORMAT_PNG && format != NKG_FORMAT_PDF)
		return nkg_diagram_fail(err, NKG_ERR_USAGE, "%s",
		                        "not a diagram format; use dot, svg, "
		                        "png or pdf");
	if (!c || !out)
		return nkg_diagram_fail(
		        err, NKG_ERR_USAGE, "%s",
		        "corpus diagram: no corpus or no output "
		        "stream");
	if (o->max_actors < 0 || o->max_edges < 0)
		return nkg_diagram_fail(
		        err, NKG_ERR_USAGE, "%s",
		        "corpus diagram: max_actors must not be "
		        "negative");
	return nkg_diagram_check_layout(layout, err);
}

NkgStatus nkg_corpus_write_diagram(const NkgCorpus *c, NkgFormat format,
                                   FILE *out,
                                   const NkgCorpusDiagramOptions *opt,
                                   NkgError *err)
{
	static const NkgCorpusDiagramOptions defaults = {0};
	const NkgCorpusDiagramOptions *o = opt ? opt : &defaults;
	const char *layout = o->layout && *o->layout ? o->layout : "dot";
	NkgStatus st = check_args(c, format, out, o, layout, err);
	if (st)
		return st;
	double min_conf = o->min_confidence > 0   ? o->min_confidence
	                  : o->min_confidence < 0 ? -1
	                                          : DEFAULT_MIN_CONFIDENCE;
	size_t max = o->max_actors ? (size_t)o->max_actors : DEFAULT_MAX_ACTORS;
	size_t max_edges =
	        o->max_edges ? (size_t)o->max_edges : DEFAULT_MAX_EDGES;
	int cluster = o->cluster >= 0 && nkg_layout_has_clusters(layout);
	CPlan p = {.c = c};
	Agnode_t **nodes = NULL;
	if (cplan_edges(&p, min_conf) ||
	    cplan_select(&p, max, max_edges, cluster) ||
	    !(nodes = calloc(c->n_actors ? c->n_actors : 1, sizeof *nodes))) {
		st = nkg_diagram_fail(err, NKG_ERR_INTERNAL, "%s",
		                      "corpus diagram: out of memory");
		goto done;
	}
	/* graphviz 2.43's dot keeps stale pointers into a rank array that
	 * it reallocates for the label of an edge within one rank when there
	 * are clusters (valgrind: invalid free in gvFreeLayout; sometimes a
	 * crash).  External labels (xlabel) are placed after the layout and
	 * take no part in it. */
	p.xlabels = p.n_clusters && nkg_layout_is_dot(layout);
	NkgDraw d;
	st = nkg_draw_open(&d, err);
	if (!st) {
		draw(&d, nodes, &p, layout);
		if (d.failed)
			st = nkg_diagram_fail(err, NKG_ERR_INTERNAL,
			                      "graphviz could not build the "
			                      "corpus diagram: %s",
			                      d.b.oom ? "out of memory"
			                              : nkg_draw_messages());
		else
			st = nkg_draw_render(&d, format, out, layout, err);
	}
	nkg_draw_close(&d);
done:
	free(nodes);
	cplan_free(&p);
	return st;
}
