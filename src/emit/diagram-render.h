/* SPDX-License-Identifier: MIT */
/* diagram-render.h: a cgraph graph under construction and its output.
 *
 * Takes a graph that a builder (dot.c, corpus-diagram.c) fills through
 * cgraph; gives DOT text (agwrite) or SVG/PNG/PDF laid out and rendered
 * in-process by gvc, written to a FILE, with graphviz's messages turned
 * into an NkgError.  Only the diagram files of src/emit include this
 * header: it brings in graphviz.
 *
 * Between nkg_draw_open() and nkg_draw_close() graphviz's process-wide
 * error state is ours, which makes diagrams not thread-safe.
 */
#ifndef NKG_DIAGRAM_RENDER_H
#define NKG_DIAGRAM_RENDER_H

#include "emit/diagram-text.h"
#include "graph/graph.h"

#include "emit/graphviz.h"

#include <stdio.h>

typedef struct NkgDraw {
	Agraph_t *g;
	NkgStr b;   /* scratch for attribute values */
	int failed; /* a cgraph call or an allocation failed */
	int loaded; /* graphviz is loaded: nkg_draw_close() undoes the open */
	agerrlevel_t old_level;
	agusererrf old_f;
} NkgDraw;

/* NKG_ERR_USAGE unless LAYOUT is one of dot, neato, fdp, sfdp, circo. */
NkgStatus nkg_diagram_check_layout(const char *layout, NkgError *err);
/* Whether LAYOUT draws clusters (dot, fdp). */
int nkg_layout_has_clusters(const char *layout);
int nkg_layout_is_dot(const char *layout);

/* Zeroes D, routes graphviz's messages to a buffer of ours and opens an
 * empty directed graph whose objects are numbered in creation order, so
 * that the output does not depend on addresses.  On failure fills ERR;
 * nkg_draw_close() is due either way. */
NkgStatus nkg_draw_open(NkgDraw *d, NkgError *err);
/* Closes the graph, frees the scratch and gives graphviz its error state
 * back. */
void nkg_draw_close(NkgDraw *d);

/* Sets attribute NAME of OBJ (graph, node or edge of D->g) to VALUE as
 * it is; a failure marks D failed. */
void nkg_draw_set(NkgDraw *d, void *obj, const char *name, const char *value);
/* Sets NAME to TEXT escaped (nkg_str_esc). */
void nkg_draw_set_text(NkgDraw *d, void *obj, const char *name,
                       const char *text, size_t max, int tooltip);
/* Sets URL to IRI, encoded for an attribute. */
void nkg_draw_set_url(NkgDraw *d, void *obj, const char *iri);

/* The messages graphviz gave since nkg_draw_open(), on one line. */
const char *nkg_draw_messages(void);

/* Writes D->g as FORMAT (DOT, SVG, PNG or PDF) to OUT, laid out with
 * LAYOUT for the rendered formats.  NKG_ERR_OUTPUT when OUT fails,
 * NKG_ERR_INTERNAL when graphviz does. */
NkgStatus nkg_draw_render(NkgDraw *d, NkgFormat format, FILE *out,
                          const char *layout, NkgError *err);

#endif
