/* SPDX-License-Identifier: MIT */
/* diagram-render.c: the cgraph graph of a diagram, written as DOT or
 * laid out and rendered by gvc; graphviz's error state while we work.
 *
 * Takes a graph filled by a builder; gives bytes on a FILE and an
 * NkgError that names what went wrong.
 *
 * Determinism: cgraph 2.43 keeps subgraphs in a dictionary ordered by
 * object ID, and its default ID discipline uses the address of the
 * interned name as the ID, so the order of clusters in the output (and in
 * dot's layout) would depend on malloc.  agopen() gets an ID discipline
 * that numbers names in creation order instead (idmap_*).
 *
 * graphviz 2.43 bugs worked around here: a failed write to a FILE calls
 * exit() (so we render into memory), and freeing a gvc context leaves
 * the pango plugin with a dangling font name (so one context is kept).
 *
 * graphviz reports problems through process-wide state (agerr); while a
 * diagram is open its messages go to gv_collect() instead of stderr.
 */
#include "emit/diagram-render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Fills ERR (may be NULL) with ST and FMT, a format with one %s for ARG;
 * returns ST. */
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
const char *nkg_draw_messages(void)
{
	for (char *c = gv_msg; *c; c++)
		if (*c == '\n' || *c == '\r' || *c == '\t')
			*c = ' ';
	size_t n = strlen(gv_msg);
	while (n && gv_msg[n - 1] == ' ')
		gv_msg[--n] = '\0';
	return gv_msg[0] ? gv_msg : "no message";
}

static const char *const layouts[] = {"dot", "neato", "fdp", "sfdp", "circo"};

NkgStatus nkg_diagram_check_layout(const char *layout, NkgError *err)
{
	for (size_t i = 0; i < sizeof layouts / sizeof *layouts; i++)
		if (!strcmp(layout, layouts[i]))
			return NKG_SUCCESS;
	return nkg_diagram_fail(err, NKG_ERR_USAGE,
	                        "unknown layout \"%.100s\"; use dot, neato, "
	                        "fdp, sfdp or circo",
	                        layout);
}

int nkg_layout_has_clusters(const char *layout)
{
	return !strcmp(layout, "dot") || !strcmp(layout, "fdp");
}

int nkg_layout_is_dot(const char *layout)
{
	return !strcmp(layout, "dot");
}

void nkg_draw_set(NkgDraw *d, void *obj, const char *name, const char *value)
{
	if (!obj || agsafeset(obj, (char *)name, (char *)value, "") != 0)
		d->failed = 1;
}

/* Sets NAME to the escaped TEXT. */
void nkg_draw_set_text(NkgDraw *d, void *obj, const char *name,
                       const char *text, size_t max, int tooltip)
{
	nkg_str_clear(&d->b);
	nkg_str_esc(&d->b, text, max, tooltip);
	if (d->b.oom)
		d->failed = 1;
	else
		nkg_draw_set(d, obj, name, d->b.s ? d->b.s : "");
}

void nkg_draw_set_url(NkgDraw *d, void *obj, const char *iri)
{
	nkg_str_clear(&d->b);
	nkg_str_iri(&d->b, iri, 1);
	if (d->b.oom)
		d->failed = 1;
	else
		nkg_draw_set(d, obj, "URL", d->b.s);
}

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

NkgStatus nkg_draw_render(NkgDraw *d, NkgFormat format, FILE *out,
                          const char *layout, NkgError *err)
{
	if (format == NKG_FORMAT_DOT) {
		if (agwrite(d->g, out) != 0 || fflush(out) != 0 || ferror(out))
			return ferror(out) ? nkg_diagram_fail(
			                             err, NKG_ERR_OUTPUT, "%s",
			                             "cannot write the DOT "
			                             "diagram; check the disk "
			                             "and the output path")
			                   : nkg_diagram_fail(
			                             err, NKG_ERR_INTERNAL,
			                             "graphviz could not write "
			                             "DOT: %s",
			                             nkg_draw_messages());
		return NKG_SUCCESS;
	}
	const char *fmt = format == NKG_FORMAT_SVG   ? "svg"
	                  : format == NKG_FORMAT_PNG ? "png"
	                                             : "pdf";
	GVC_t *gvc = shared_context();
	if (!gvc)
		return nkg_diagram_fail(err, NKG_ERR_INTERNAL,
		                        "graphviz could not start: %s",
		                        nkg_draw_messages());
	NkgStatus st = NKG_SUCCESS;
	int laid = 0;
	if (gvLayout(gvc, d->g, layout) != 0 || agerrors() >= AGERR) {
		st = nkg_diagram_fail(err, NKG_ERR_INTERNAL,
		                      "graphviz layout failed: %s",
		                      nkg_draw_messages());
	} else {
		laid = 1;
		/* Into memory first: on a failed write to a FILE, graphviz
		 * 2.43 calls exit(). */
		char *data = NULL;
		unsigned int len = 0;
		if (gvRenderData(gvc, d->g, fmt, &data, &len) != 0 || !data) {
			st = nkg_diagram_fail(
			        err, NKG_ERR_INTERNAL,
			        "graphviz could not render: %s (is "
			        "the "
			        "graphviz cairo plugin installed?)",
			        nkg_draw_messages());
		} else if (fwrite(data, 1, len, out) != len ||
		           fflush(out) != 0 || ferror(out)) {
			st = nkg_diagram_fail(
			        err, NKG_ERR_OUTPUT, "%s",
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

NkgStatus nkg_draw_open(NkgDraw *d, NkgError *err)
{
	static Agdisc_t disc;
	*d = (NkgDraw){0};
	char why[256];
	if (nkg_graphviz_load(why, sizeof why))
		return nkg_diagram_fail(err, NKG_ERR_INTERNAL, "%s", why);
	d->loaded = 1;
	disc = (Agdisc_t){&AgMemDisc, &idmap_disc, &AgIoDisc};
	gv_msg[0] = '\0';
	agreseterrors();
	d->old_level = agseterr(AGWARN);
	d->old_f = agseterrf(gv_collect);
	d->g = agopen("newskg", Agdirected, &disc);
	if (!d->g)
		return nkg_diagram_fail(err, NKG_ERR_INTERNAL,
		                        "graphviz could not create a graph: %s",
		                        nkg_draw_messages());
	return NKG_SUCCESS;
}

void nkg_draw_close(NkgDraw *d)
{
	free(d->b.s);
	d->b = (NkgStr){0};
	if (!d->loaded)
		return;
	if (d->g)
		agclose(d->g);
	d->g = NULL;
	agseterrf(d->old_f);
	agseterr(d->old_level);
	agreseterrors();
}
