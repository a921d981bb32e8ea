/* SPDX-License-Identifier: MIT */
/* dot.c: relationship diagrams (DOT, SVG, PNG, PDF); the only file that
 * includes graphviz headers.
 *
 * Two stages.  The plan works on our own structures only: it merges the
 * actors of all graphs by IRI (sorted, so index order is IRI order), turns
 * events into edges (agent -> target; agent -> origin/destination; pairs of
 * participants for symmetric events), applies the filters (event class,
 * focus, max_nodes), merges parallel edges into one with " ×N" and sorts
 * everything.  Drawing then creates the cgraph objects in that order and
 * either writes DOT with agwrite() or lays out and renders in-process with
 * gvc.
 *
 * Determinism: cgraph 2.43 keeps subgraphs in a dictionary ordered by
 * object ID, and its default ID discipline uses the address of the interned
 * name as the ID, so the order of clusters in the output (and in dot's
 * layout) would depend on malloc.  We give agopen() an ID discipline that
 * numbers names in creation order instead (idmap_*).
 *
 * Escaping: every text we set goes through buf_esc(), every IRI through
 * buf_iri().  Labels, tooltips and URLs are graphviz escStrings: a
 * backslash starts an escape (\n, \N, \G, ...) so it is doubled, and
 * "&name;" is an HTML entity, so an '&' that would start one becomes
 * "&amp;".  Double quotes are left alone: agwrite() escapes them itself,
 * and a pre-escaped \" would come out as \\" which ends the string early
 * when the DOT is read back.  Control characters are dropped (white space
 * becomes one space), invalid UTF-8 becomes U+FFFD.  graphviz 2.43 also
 * expands \N etc. in tooltips after undoing \\, so there a backslash
 * before one of GNEHTL is written as four backslashes.  IRIs (node names,
 * URLs) get the characters IRIs may not contain percent-encoded, as
 * graphviz writes URLs into SVG unescaped.
 *
 * graphviz 2.43 bugs worked around here: a failed write to a FILE calls
 * exit() (so we render into memory), and freeing a gvc context leaves the
 * pango plugin with a dangling font name (so one context is kept).
 *
 * graphviz reports problems through process-wide state (agerr); while we
 * run, its messages go to gv_collect() instead of stderr, and errors are
 * returned in NkgError.  That state makes this function not thread-safe.
 */
#include "emit/dot.h"
#include "text/text.h"

#include <gvc.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_MAX_NODES 150
#define TITLE_MAX 60     /* code points of the document title shown */
#define SENTENCE_MAX 300 /* code points of evidence in a tooltip */

/* Fills ERR (may be NULL) with ST and FMT, a format with one %s for ARG;
 * returns ST. */
static NkgStatus fail(NkgError *err, NkgStatus st, const char *fmt,
                      const char *arg)
{
	if (err) {
		err->status = st;
		err->file[0] = '\0';
		err->line = 0;
		err->offset = -1;
		snprintf(err->message, sizeof err->message, fmt, arg);
	}
	return st;
}

/* ---- strings ---- */

typedef struct {
	char *s;
	size_t n, cap;
	int oom;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->n + n + 1)
			cap *= 2;
		char *p = realloc(b->s, cap);
		if (!p) {
			b->oom = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void buf_str(Buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void buf_clear(Buf *b)
{
	b->n = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* Returns the length of the valid UTF-8 sequence at S (N bytes left) and
 * its code point in *CP, or 0 when the sequence is invalid. */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0], lo = 0x80, hi = 0xBF;
	size_t len;
	uint32_t v;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0F;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		unsigned d = s[i];
		if (d < (i == 1 ? lo : 0x80) || d > (i == 1 ? hi : 0xBF))
			return 0;
		v = (v << 6) | (d & 0x3F);
	}
	*cp = v;
	return len;
}

static int is_space_cp(uint32_t cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 ||
	       cp == 0x2028 || cp == 0x2029;
}

static int is_control_cp(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* Whether the '&' at S[I] starts something graphviz reads as an entity. */
static int entity_at(const char *s, size_t i)
{
	size_t j = i + 1;
	while ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
	       (s[j] >= '0' && s[j] <= '9') || s[j] == '#')
		j++;
	return j > i + 1 && s[j] == ';';
}

/* Appends S (NULL = "") to B escaped for a graphviz escString attribute
 * (see the top of the file), keeping at most MAX code points (0 = all)
 * and adding "…" when it cut.  TOOLTIP selects tooltip escaping. */
static void buf_esc(Buf *b, const char *s, size_t max, int tooltip)
{
	if (!s)
		return;
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, count = 0;
	int space = 0;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_next(p + i, n - i, &cp);
		const char *raw = s + i;
		size_t rawlen = len;
		if (!len) {
			cp = 0xFFFD;
			raw = "\xEF\xBF\xBD";
			rawlen = 3;
			len = 1;
		}
		if (is_space_cp(cp)) {
			space = count > 0;
			i += len;
			continue;
		}
		if (is_control_cp(cp)) {
			i += len;
			continue;
		}
		if (max && count + space >= max) {
			buf_str(b, "\xE2\x80\xA6"); /* … */
			return;
		}
		if (space) {
			buf_add(b, " ", 1);
			count++;
			space = 0;
		}
		if (cp == '\\') {
			if (tooltip && i + 1 < n && strchr("GNEHTL", s[i + 1]))
				buf_str(b, "\\\\\\\\");
			else
				buf_str(b, "\\\\");
		} else if (cp == '&' && entity_at(s, i)) {
			buf_str(b, "&amp;");
		} else {
			buf_add(b, raw, rawlen);
		}
		count++;
		i += len;
	}
}

/* Appends IRI to B with the characters an IRI may not contain (blanks,
 * controls, "<>\\^`{|} and invalid UTF-8) percent-encoded: valid IRIs pass
 * unchanged.  With ATTR, '&' becomes "&amp;", because graphviz 2.43 writes
 * URLs into SVG without escaping them. */
static void buf_iri(Buf *b, const char *iri, int attr)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)(iri ? iri : "");
	size_t n = strlen((const char *)p);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_next(p + i, n - i, &cp);
		if (len > 1) {
			buf_add(b, (const char *)p + i, len);
			i += len;
			continue;
		}
		unsigned c = p[i++];
		if (c <= 0x20 || c >= 0x7F || strchr("\"<>\\^`{|}", (int)c)) {
			char pct[3] = {'%', hex[c >> 4], hex[c & 15]};
			buf_add(b, pct, 3);
		} else if (c == '&' && attr) {
			buf_str(b, "&amp;");
		} else {
			buf_add(b, (const char *)&p[i - 1], 1);
		}
	}
}

static const char *local_name(const char *iri)
{
	if (!iri)
		return "";
	const char *h = strrchr(iri, '#');
	const char *s = strrchr(iri, '/');
	if (s > h)
		h = s;
	return h ? h + 1 : iri;
}

static int ascii_casecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int x = (unsigned char)*a, y = (unsigned char)*b;
		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y || !x)
			return x - y;
	}
}

/* ---- styles ---- */

static const struct {
	const char *name, *shape, *style, *fill, *border;
} kinds[] = {
        [NKG_KIND_COUNTRY] = {"Country", "box", "rounded,filled", "#cfe2f3",
                              "#3d85c6"},
        [NKG_KIND_PERSON] = {"Person", "ellipse", "filled", "#fff2cc",
                             "#bf9000"},
        [NKG_KIND_ORGANIZATION] = {"Organization", "box", "filled", "#d9ead3",
                                   "#6aa84f"},
        [NKG_KIND_GROUP] = {"Group", "hexagon", "filled", "#fce5cd", "#e69138"},
};

typedef enum { FAM_COOP, FAM_VERBAL, FAM_MATERIAL, FAM_OTHER } Family;

static const char *const fam_color[] = {"#2e7d32", "#e67e22", "#c62828",
                                        "#616161"};
static const char *const fam_name[] = {"cooperation", "verbal conflict",
                                       "material conflict", "other"};

/* The PLOVER top classes by family (cooperation, verbal conflict, material
 * conflict). */
static Family family(const char *top)
{
	static const char *const coop[] = {"Agree",     "Consult", "Support",
	                                   "Cooperate", "Aid",     "Concede",
	                                   "Retreat"};
	static const char *const verbal[] = {"Request", "Accuse", "Reject",
	                                     "Threaten", "Protest"};
	static const char *const material[] = {"Sanction", "Mobilize", "Coerce",
	                                       "Assault"};
	if (!top)
		return FAM_OTHER;
	for (size_t i = 0; i < sizeof coop / sizeof *coop; i++)
		if (!ascii_casecmp(top, coop[i]))
			return FAM_COOP;
	for (size_t i = 0; i < sizeof verbal / sizeof *verbal; i++)
		if (!ascii_casecmp(top, verbal[i]))
			return FAM_VERBAL;
	for (size_t i = 0; i < sizeof material / sizeof *material; i++)
		if (!ascii_casecmp(top, material[i]))
			return FAM_MATERIAL;
	return FAM_OTHER;
}

static const char *const layouts[] = {"dot", "neato", "fdp", "sfdp", "circo"};

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
	return !ascii_casecmp(local_name(e->cls), cls) ||
	       (e->top_label && !ascii_casecmp(e->top_label, cls));
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
	const char *mod = local_name(e->modality);
	p->edges[p->n_edges++] = (DEdge){
	        .src = src,
	        .dst = dst,
	        .sym = sym,
	        .dashed = !strcmp(mod, "Negated") || !strcmp(mod, "Uncertain"),
	        .cls = e->cls_label ? e->cls_label : local_name(e->cls),
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
		return fail(err, NKG_ERR_INTERNAL, "%s",
		            "diagram: out of memory");
	if (!found) {
		char name[201];
		snprintf(name, sizeof name, "%.*s", (int)len, focus);
		return fail(err, NKG_ERR_USAGE,
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

/* ---- cgraph ID discipline: names numbered in creation order ---- */

typedef struct {
	Agraph_t *g;  /* the root graph, owner of the strings */
	char **names; /* cgraph strings (agstrdup): agwrite looks at their
	               * header to tell HTML strings */
	size_t n, cap;
	size_t *slots; /* name index + 1; 0 is empty */
	size_t n_slots;
	IDTYPE next_anon;
} IdMap;

static size_t name_hash(const char *s)
{
	size_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static size_t idmap_find(const IdMap *m, const char *s)
{
	if (!m->n_slots)
		return NKG_NONE;
	for (size_t h = name_hash(s) & (m->n_slots - 1);;
	     h = (h + 1) & (m->n_slots - 1)) {
		size_t v = m->slots[h];
		if (!v)
			return NKG_NONE;
		if (!strcmp(m->names[v - 1], s))
			return v - 1;
	}
}

static size_t idmap_add(IdMap *m, const char *s)
{
	if (2 * (m->n + 1) > m->n_slots) {
		size_t ns = m->n_slots ? m->n_slots * 2 : 64;
		size_t *slots = calloc(ns, sizeof *slots);
		if (!slots)
			return NKG_NONE;
		for (size_t i = 0; i < m->n; i++) {
			size_t h = name_hash(m->names[i]) & (ns - 1);
			while (slots[h])
				h = (h + 1) & (ns - 1);
			slots[h] = i + 1;
		}
		free(m->slots);
		m->slots = slots;
		m->n_slots = ns;
	}
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		char **v = realloc(m->names, cap * sizeof *v);
		if (!v)
			return NKG_NONE;
		m->names = v;
		m->cap = cap;
	}
	char *copy = agstrdup(m->g, (char *)s);
	if (!copy)
		return NKG_NONE;
	size_t h = name_hash(s) & (m->n_slots - 1);
	while (m->slots[h])
		h = (h + 1) & (m->n_slots - 1);
	m->slots[h] = m->n + 1;
	m->names[m->n] = copy;
	return m->n++;
}

static void *idmap_open(Agraph_t *g, Agdisc_t *disc)
{
	(void)disc;
	IdMap *m = calloc(1, sizeof *m);
	if (m) {
		m->g = g;
		m->next_anon = 1;
	}
	return m;
}

/* Named objects get even IDs, anonymous ones odd IDs, as in cgraph's own
 * discipline. */
static long idmap_map(void *state, int objtype, char *str, IDTYPE *id,
                      int createflag)
{
	IdMap *m = state;
	(void)objtype;
	if (!m)
		return 0;
	if (!str) {
		*id = m->next_anon;
		m->next_anon += 2;
		return 1;
	}
	size_t k = idmap_find(m, str);
	if (k == NKG_NONE) {
		if (!createflag)
			return 0;
		k = idmap_add(m, str);
		if (k == NKG_NONE)
			return 0;
	}
	*id = (IDTYPE)(k + 1) * 2;
	return 1;
}

static long idmap_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	return id % 2 == 1;
}

static void idmap_free(void *state, int objtype, IDTYPE id)
{
	/* Names stay until the graph closes: a deleted object's name may
	 * come back and then gets the same ID. */
	(void)state;
	(void)objtype;
	(void)id;
}

static char *idmap_print(void *state, int objtype, IDTYPE id)
{
	IdMap *m = state;
	(void)objtype;
	if (!m || id % 2 || !id || id / 2 > m->n)
		return NULL;
	return m->names[id / 2 - 1];
}

static void idmap_close(void *state)
{
	IdMap *m = state;
	if (!m)
		return;
	/* agclose() calls this before it drops the strings. */
	for (size_t i = 0; i < m->n; i++)
		agstrfree(m->g, m->names[i]);
	free(m->names);
	free(m->slots);
	free(m);
}

static void idmap_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

static Agiddisc_t idmap_disc = {idmap_open,    idmap_map,   idmap_alloc,
                                idmap_free,    idmap_print, idmap_close,
                                idmap_register};

/* ---- graphviz messages ---- */

static char gv_msg[400];

static int gv_collect(char *s)
{
	size_t n = strlen(gv_msg);
	if (n < sizeof gv_msg - 1)
		snprintf(gv_msg + n, sizeof gv_msg - n, "%s", s);
	return 0;
}

/* The collected messages on one line. */
static const char *gv_messages(void)
{
	for (char *c = gv_msg; *c; c++)
		if (*c == '\n' || *c == '\r' || *c == '\t')
			*c = ' ';
	size_t n = strlen(gv_msg);
	while (n && gv_msg[n - 1] == ' ')
		gv_msg[--n] = '\0';
	return gv_msg[0] ? gv_msg : "no message";
}

/* ---- drawing ---- */

#define LEGEND_TEXT                                                            \
	"Legend\\n"                                                            \
	"blue rounded box: Country\\l"                                         \
	"yellow ellipse: Person\\l"                                            \
	"green box: Organization\\l"                                           \
	"orange hexagon: Group\\l"                                             \
	"green edge: cooperation\\l"                                           \
	"orange edge: verbal conflict\\l"                                      \
	"red edge: material conflict\\l"                                       \
	"dashed: negated / uncertain\\l"

typedef struct {
	Agraph_t *g;
	Agnode_t **nodes; /* by merged actor */
	Buf b;
	int failed;
} Draw;

static void set(Draw *d, void *obj, const char *name, const char *value)
{
	if (!obj || agsafeset(obj, (char *)name, (char *)value, "") != 0)
		d->failed = 1;
}

/* Sets NAME to the escaped TEXT. */
static void set_text(Draw *d, void *obj, const char *name, const char *text,
                     size_t max, int tooltip)
{
	buf_clear(&d->b);
	buf_esc(&d->b, text, max, tooltip);
	if (d->b.oom)
		d->failed = 1;
	else
		set(d, obj, name, d->b.s ? d->b.s : "");
}

static void set_url(Draw *d, void *obj, const char *iri)
{
	buf_clear(&d->b);
	buf_iri(&d->b, iri, 1);
	if (d->b.oom)
		d->failed = 1;
	else
		set(d, obj, "URL", d->b.s);
}

/* KIND, or Organization for a value out of range. */
static NkgActorKind kind_of(NkgActorKind kind)
{
	return (unsigned)kind > NKG_KIND_GROUP ? NKG_KIND_ORGANIZATION : kind;
}

static void style_node(Draw *d, Agnode_t *n, NkgActorKind kind)
{
	kind = kind_of(kind);
	set(d, n, "shape", kinds[kind].shape);
	set(d, n, "style", kinds[kind].style);
	set(d, n, "fillcolor", kinds[kind].fill);
	set(d, n, "color", kinds[kind].border);
}

static void draw_actor(Draw *d, Agraph_t *parent, const DActor *a, size_t k)
{
	buf_clear(&d->b);
	buf_iri(&d->b, a->iri, 0);
	Agnode_t *n = d->b.oom ? NULL : agnode(parent, d->b.s, 1);
	if (!n) {
		d->failed = 1;
		return;
	}
	d->nodes[k] = n;
	const char *label = a->a->label ? a->a->label : a->iri;
	const char *cls = a->a->cls ? local_name(a->a->cls) : "";
	if (!*cls)
		cls = kinds[kind_of(a->a->kind)].name;
	set_text(d, n, "label", label, 0, 0);
	buf_clear(&d->b);
	buf_esc(&d->b, label, 0, 1);
	buf_str(&d->b, " (");
	buf_esc(&d->b, cls, 0, 1);
	buf_str(&d->b, ")");
	if (d->b.oom)
		d->failed = 1;
	else
		set(d, n, "tooltip", d->b.s);
	set_url(d, n, a->iri);
	style_node(d, n, a->a->kind);
}

static void draw_edge(Draw *d, const DEdge *e, int loose)
{
	Agnode_t *s = d->nodes[e->src], *t = d->nodes[e->dst];
	Agedge_t *x = s && t ? agedge(d->g, s, t, NULL, 1) : NULL;
	if (!x) {
		d->failed = 1;
		return;
	}
	char num[48];
	Buf *b = &d->b;
	buf_clear(b);
	buf_esc(b, e->cls, 0, 0);
	if (e->count > 1) {
		snprintf(num, sizeof num, " \xC3\x97%zu", e->count); /* × */
		buf_str(b, num);
	}
	if (e->date_min) {
		buf_str(b, "\\n");
		buf_esc(b, e->date_min, 0, 0);
		if (strcmp(e->date_min, e->date_max)) {
			buf_str(b, " \xE2\x80\x93 "); /* – */
			buf_esc(b, e->date_max, 0, 0);
		}
	}
	if (!b->oom)
		set(d, x, "label", b->s);

	/* The evidence: the sentence of the first event's first mention. */
	const char *sentence = e->m ? e->m->anchor : NULL;
	buf_clear(b);
	buf_esc(b, e->cls, 0, 1);
	if (sentence && *sentence) {
		buf_str(b, ": ");
		buf_esc(b, sentence, SENTENCE_MAX, 1);
	}
	if (e->count > 1) {
		snprintf(num, sizeof num, " (and %zu more)", e->count - 1);
		buf_str(b, num);
	}
	if (!b->oom) {
		set(d, x, "tooltip", b->s);
		set(d, x, "labeltooltip", b->s);
	}
	if (e->e->iri)
		set_url(d, x, e->e->iri);
	const char *color = fam_color[family(e->top)];
	set(d, x, "color", color);
	set(d, x, "fontcolor", color);
	if (e->dashed)
		set(d, x, "style", "dashed");
	if (e->sym)
		set(d, x, "dir", "none");
	if (loose)
		set(d, x, "constraint", "false");
	if (e->count > 1) {
		/* 1.5 for two, up to 4; no %f, which follows the locale. */
		size_t w = e->count > 7 ? 40 : 10 + 5 * (e->count - 1);
		snprintf(num, sizeof num, "%zu.%zu", w / 10, w % 10);
		set(d, x, "penwidth", num);
	}
	if (b->oom)
		d->failed = 1;
}

static void draw_affiliation(Draw *d, const Plan *p, size_t from, size_t to,
                             int loose)
{
	Agnode_t *s = d->nodes[from], *t = d->nodes[to];
	Agedge_t *x = s && t ? agedge(d->g, s, t, NULL, 1) : NULL;
	if (!x) {
		d->failed = 1;
		return;
	}
	Buf *b = &d->b;
	buf_clear(b);
	buf_esc(b, p->act[from].a->label, 0, 1);
	buf_str(b, " is affiliated with ");
	buf_esc(b, p->act[to].a->label, 0, 1);
	if (b->oom)
		d->failed = 1;
	else
		set(d, x, "tooltip", b->s);
	set(d, x, "style", "dotted");
	set(d, x, "color", "#9e9e9e");
	set(d, x, "arrowhead", "empty");
	if (loose)
		set(d, x, "constraint", "false");
}

/* One legend edge between two invisible points; LEFT, when not NULL, is
 * tied to the first point so that the sample sits on its row. */
static void legend_edge(Draw *d, Agraph_t *lg, int i, Agnode_t *left,
                        const char *label, const char *color, const char *style)
{
	char a[32], z[32];
	snprintf(a, sizeof a, "_legend_e%d_a", i);
	snprintf(z, sizeof z, "_legend_e%d_b", i);
	Agnode_t *na = agnode(lg, a, 1), *nz = agnode(lg, z, 1);
	Agedge_t *x = na && nz ? agedge(lg, na, nz, NULL, 1) : NULL;
	Agedge_t *tie = x && left ? agedge(lg, left, na, NULL, 1) : NULL;
	if (!x || (left && !tie)) {
		d->failed = 1;
		return;
	}
	for (int k = 0; k < 2; k++) {
		Agnode_t *n = k ? nz : na;
		set(d, n, "shape", "point");
		set(d, n, "style", "invis");
		set(d, n, "width", "0.05");
		set(d, n, "label", "");
	}
	if (tie)
		set(d, tie, "style", "invis");
	set(d, x, "label", label);
	set(d, x, "tooltip", label);
	set(d, x, "fontsize", "8");
	set(d, x, "color", color);
	set(d, x, "fontcolor", color);
	if (style)
		set(d, x, "style", style);
}

/* The legend: the four kinds in a column, each followed on its row by a
 * sample edge of a colour family or style. */
static void draw_legend(Draw *d, int affiliations)
{
	Agraph_t *lg = agsubg(d->g, "cluster_legend", 1);
	if (!lg) {
		d->failed = 1;
		return;
	}
	set(d, lg, "label", "Legend");
	set(d, lg, "style", "rounded,dashed");
	set(d, lg, "color", "#9e9e9e");
	set(d, lg, "fontsize", "10");
	static const struct {
		const char *label;
		Family fam;
		const char *style;
	} samples[] = {
	        {NULL, FAM_COOP, NULL},
	        {NULL, FAM_VERBAL, NULL},
	        {NULL, FAM_MATERIAL, NULL},
	        {"negated / uncertain", FAM_OTHER, "dashed"},
	};
	Agnode_t *n = NULL;
	for (int k = NKG_KIND_COUNTRY; k <= NKG_KIND_GROUP && !d->failed; k++) {
		char name[40];
		snprintf(name, sizeof name, "_legend_%s", kinds[k].name);
		n = agnode(lg, name, 1);
		if (!n) {
			d->failed = 1;
			return;
		}
		set(d, n, "label", kinds[k].name);
		set(d, n, "tooltip", kinds[k].name);
		set(d, n, "fontsize", "8");
		set(d, n, "height", "0.3");
		set(d, n, "margin", "0.05,0.02");
		style_node(d, n, (NkgActorKind)k);
		const char *label = samples[k].label ? samples[k].label
		                                     : fam_name[samples[k].fam];
		legend_edge(d, lg, k, n, label, fam_color[samples[k].fam],
		            samples[k].style);
	}
	if (affiliations && !d->failed)
		legend_edge(d, lg, NKG_KIND_GROUP + 1, n, "affiliated with",
		            "#9e9e9e", "dotted");
}

/* neato, sfdp and circo know no clusters: the legend is one note whose
 * text names the styles. */
static void draw_legend_note(Draw *d, int affiliations)
{
	Agnode_t *n = agnode(d->g, "_legend", 1);
	if (!n) {
		d->failed = 1;
		return;
	}
	set(d, n, "label",
	    affiliations ? LEGEND_TEXT "grey dotted: affiliated with\\l"
	                 : LEGEND_TEXT);
	set(d, n, "tooltip", "Legend");
	set(d, n, "shape", "note");
	set(d, n, "fillcolor", "#fafafa");
	set(d, n, "color", "#9e9e9e");
	set(d, n, "fontsize", "9");
}

/* Layouts that draw clusters. */
static int has_clusters(const char *layout)
{
	return !strcmp(layout, "dot") || !strcmp(layout, "fdp");
}

static int is_dot(const char *layout)
{
	return !strcmp(layout, "dot");
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
static void draw(Draw *d, const Plan *p, const NkgDiagramOptions *o,
                 const char *layout)
{
	Agraph_t *g = d->g;
	/* Declared on the root before any subgraph so that clusters do not
	 * inherit values set on the root later (the title label). */
	agattr(g, AGRAPH, "fontname", "Helvetica");
	agattr(g, AGRAPH, "fontsize", "12");
	agattr(g, AGRAPH, "label", "");
	agattr(g, AGRAPH, "style", "");
	agattr(g, AGRAPH, "color", "");
	agattr(g, AGRAPH, "fillcolor", "");
	agattr(g, AGNODE, "fontname", "Helvetica");
	agattr(g, AGNODE, "fontsize", "11");
	agattr(g, AGNODE, "shape", "ellipse");
	agattr(g, AGNODE, "style", "filled");
	agattr(g, AGEDGE, "fontname", "Helvetica");
	agattr(g, AGEDGE, "fontsize", "9");
	agattr(g, AGEDGE, "arrowsize", "0.7");

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
		set_text(d, cl[c], "label", a->label ? a->label : a->iri, 0, 0);
		set(d, cl[c], "style", "rounded,filled");
		set(d, cl[c], "color", kinds[NKG_KIND_COUNTRY].border);
		set(d, cl[c], "fillcolor", "#f3f8fc");
	}
	for (size_t k = 0; k < p->n_act && !d->failed; k++) {
		const DActor *a = &p->act[k];
		if (a->keep)
			draw_actor(d,
			           a->cluster == NKG_NONE ? g : cl[a->cluster],
			           a, k);
	}
	free(cl);
	/* dot with clusters draws the two edges of a pair linked both ways
	 * on one rank with their labels on top of each other; the edge
	 * against IRI order then does not constrain the ranks. */
	int untie = is_dot(layout) && p->n_clusters;
	for (size_t i = 0; i < p->n_edges && !d->failed; i++) {
		const DEdge *e = &p->edges[i];
		if (p->act[e->src].keep && p->act[e->dst].keep)
			draw_edge(d, e,
			          untie && e->src > e->dst &&
			                  linked(p, e->dst, e->src,
			                         o->show_affiliations));
	}
	if (o->show_affiliations)
		for (size_t k = 0; k < p->n_act && !d->failed; k++) {
			const DActor *a = &p->act[k];
			for (size_t j = 0; a->keep && j < a->affs.n; j++) {
				size_t b = a->affs.v[j];
				if (p->act[b].keep)
					draw_affiliation(
					        d, p, k, b,
					        untie && k > b &&
					                linked(p, b, k, 1));
			}
		}
	if (!d->failed && has_clusters(layout))
		draw_legend(d, o->show_affiliations);
	else if (!d->failed)
		draw_legend_note(d, o->show_affiliations);

	set(d, g, "layout", layout);
	if (is_dot(layout)) {
		set(d, g, "rankdir", "LR");
	} else {
		set(d, g, "overlap", "false");
		set(d, g, "splines", "true");
		/* Room around nodes for the edge labels when overlaps are
		 * removed.  Not for fdp: its overlap removal in 2.43 reads
		 * uninitialised memory when sep is set. */
		if (strcmp(layout, "fdp"))
			set(d, g, "sep", "+25");
	}
	Buf *b = &d->b;
	buf_clear(b);
	if (p->n_gs == 1 && p->gs[0]->title)
		buf_esc(b, p->gs[0]->title, TITLE_MAX, 0);
	if (p->shown < p->total) {
		char note[96];
		snprintf(note, sizeof note,
		         "showing %zu of %zu actors (most connected)", p->shown,
		         p->total);
		if (b->n)
			buf_str(b, "\\n");
		buf_str(b, note);
	}
	if (b->oom) {
		d->failed = 1;
	} else if (b->n) {
		set(d, g, "label", b->s);
		set(d, g, "labelloc", "t");
		set(d, g, "fontsize", "14");
	}
}

/* ---- entry point ---- */

/* One gvc context for the process, never freed.  graphviz 2.43's pango
 * plugin caches a pointer to the last font name, which lives in the
 * context: after gvFreeContext() the next context would compare against
 * freed memory.  The context holds only plugin tables and fonts, no
 * graph. */
static GVC_t *shared_context(void)
{
	static GVC_t *gvc;
	if (!gvc)
		gvc = gvContext();
	return gvc;
}

static NkgStatus render(Draw *d, NkgFormat format, FILE *out,
                        const char *layout, NkgError *err)
{
	if (format == NKG_FORMAT_DOT) {
		if (agwrite(d->g, out) != 0 || fflush(out) != 0 || ferror(out))
			return ferror(out) ? fail(err, NKG_ERR_OUTPUT, "%s",
			                          "cannot write the DOT "
			                          "diagram; check the disk "
			                          "and the output path")
			                   : fail(err, NKG_ERR_INTERNAL,
			                          "graphviz could not write "
			                          "DOT: %s",
			                          gv_messages());
		return NKG_SUCCESS;
	}
	const char *fmt = format == NKG_FORMAT_SVG   ? "svg"
	                  : format == NKG_FORMAT_PNG ? "png"
	                                             : "pdf";
	GVC_t *gvc = shared_context();
	if (!gvc)
		return fail(err, NKG_ERR_INTERNAL,
		            "graphviz could not start: %s", gv_messages());
	NkgStatus st = NKG_SUCCESS;
	int laid = 0;
	if (gvLayout(gvc, d->g, layout) != 0 || agerrors() >= AGERR) {
		st = fail(err, NKG_ERR_INTERNAL, "graphviz layout failed: %s",
		          gv_messages());
	} else {
		laid = 1;
		/* Into memory first: on a failed write to a FILE, graphviz
		 * 2.43 calls exit(). */
		char *data = NULL;
		unsigned int len = 0;
		if (gvRenderData(gvc, d->g, fmt, &data, &len) != 0 || !data) {
			st = fail(err, NKG_ERR_INTERNAL,
			          "graphviz could not render: %s (is the "
			          "graphviz cairo plugin installed?)",
			          gv_messages());
		} else if (fwrite(data, 1, len, out) != len ||
		           fflush(out) != 0 || ferror(out)) {
			st = fail(err, NKG_ERR_OUTPUT, "%s",
			          "cannot write the diagram; check the disk "
			          "and the output path");
		}
		if (data)
			gvFreeRenderData(data);
	}
	if (laid)
		gvFreeLayout(gvc, d->g);
	return st;
}

NkgStatus nkg_emit_diagram(NkgGraph *const *gs, size_t n, NkgFormat format,
                           FILE *out, const NkgDiagramOptions *opt,
                           NkgError *err)
{
	static const NkgDiagramOptions defaults = {0};
	const NkgDiagramOptions *o = opt ? opt : &defaults;
	if (format != NKG_FORMAT_DOT && format != NKG_FORMAT_SVG &&
	    format != NKG_FORMAT_PNG && format != NKG_FORMAT_PDF)
		return fail(err, NKG_ERR_USAGE, "%s",
		            "not a diagram format; use dot, svg, png or pdf");
	if (!out || (n && !gs))
		return fail(err, NKG_ERR_USAGE, "%s",
		            "diagram: no graph or no output stream");
	for (size_t i = 0; i < n; i++)
		if (!gs[i])
			return fail(err, NKG_ERR_USAGE, "%s",
			            "diagram: a graph is missing");
	const char *layout = o->layout && *o->layout ? o->layout : "dot";
	int known = 0;
	for (size_t i = 0; i < sizeof layouts / sizeof *layouts; i++)
		known |= !strcmp(layout, layouts[i]);
	if (!known)
		return fail(err, NKG_ERR_USAGE,
		            "unknown layout \"%.100s\"; use dot, neato, fdp, "
		            "sfdp or circo",
		            layout);
	if (o->depth < 0 || o->max_nodes < 0)
		return fail(err, NKG_ERR_USAGE, "%s",
		            "diagram depth and max_nodes must not be negative");

	Plan p = {.gs = gs, .n_gs = n};
	NkgStatus st = NKG_SUCCESS;
	if (plan_actors(&p) ||
	    plan_edges(&p, o->event_class,
	               o->min_confidence > 0   ? o->min_confidence
	               : o->min_confidence < 0 ? 0
	                                       : 0.5)) {
		st = fail(err, NKG_ERR_INTERNAL, "%s",
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
	if (!has_clusters(layout))
		eff.cluster = 0;
	o = &eff;
	if (plan_select(&p, o)) {
		st = fail(err, NKG_ERR_INTERNAL, "%s",
		          "diagram: out of memory");
		goto done;
	}

	gv_msg[0] = '\0';
	agreseterrors();
	agerrlevel_t old_level = agseterr(AGWARN);
	agusererrf old_f = agseterrf(gv_collect);
	Agdisc_t disc = {&AgMemDisc, &idmap_disc, &AgIoDisc};
	Draw d = {0};
	d.nodes = calloc(p.n_act ? p.n_act : 1, sizeof *d.nodes);
	d.g = d.nodes ? agopen("newskg", Agdirected, &disc) : NULL;
	if (!d.g) {
		st = fail(err, NKG_ERR_INTERNAL,
		          "graphviz could not create a graph: %s",
		          gv_messages());
	} else {
		draw(&d, &p, o, layout);
		if (d.failed)
			st = fail(err, NKG_ERR_INTERNAL,
			          "graphviz could not build the diagram: %s",
			          d.b.oom ? "out of memory" : gv_messages());
		else
			st = render(&d, format, out, layout, err);
		agclose(d.g);
	}
	free(d.b.s);
	free(d.nodes);
	agseterrf(old_f);
	agseterr(old_level);
	agreseterrors();
done:
	plan_free(&p);
	return st;
}
