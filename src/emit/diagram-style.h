/* SPDX-License-Identifier: MIT */
/* diagram-style.h: how diagrams look, shared by the document diagram, the
 * corpus diagram and the timeline.
 *
 * Takes actor kinds, PLOVER top class labels ("Sanction") and counts;
 * gives shapes, colours, edge widths, the graph-wide default attributes
 * and the legends.  The palette functions need no graphviz (the timeline
 * uses them); the nkg_style_* functions that take an NkgDraw set cgraph
 * attributes.
 *
 * Two colourings of events: by family (cooperation, verbal conflict,
 * material conflict: three colours, the document diagram) and by class
 * group (the sixteen PLOVER top classes, each its own colour in its
 * family's hues: the corpus diagram and the timeline).
 */
#ifndef NKG_DIAGRAM_STYLE_H
#define NKG_DIAGRAM_STYLE_H

#include "graph/graph.h"

#include <stddef.h>

struct NkgDraw;

typedef enum {
	NKG_FAM_COOP,
	NKG_FAM_VERBAL,
	NKG_FAM_MATERIAL,
	NKG_FAM_OTHER
} NkgFamily;

/* The family of PLOVER top class TOP (NULL or unknown: other). */
NkgFamily nkg_style_family(const char *top);
const char *nkg_style_family_color(NkgFamily f);

/* Class groups: 0 .. NKG_GROUP_COUNT - 2 are the PLOVER top classes in
 * PLOVER order, NKG_GROUP_COUNT - 1 is everything else. */
#define NKG_GROUP_COUNT 17
size_t nkg_style_group(const char *top);
const char *nkg_style_group_name(size_t group);  /* "Sanction", "Other" */
const char *nkg_style_group_color(size_t group); /* "#rrggbb" */

/* Actor kinds (a value out of range counts as Organization). */
const char *nkg_style_kind_name(NkgActorKind kind);
const char *nkg_style_kind_shape(NkgActorKind kind);
const char *nkg_style_kind_fill(NkgActorKind kind);
const char *nkg_style_kind_border(NkgActorKind kind);

/* Edge width for COUNT merged events, written to OUT as "1.5" (no %f,
 * which follows the locale): the document diagram's linear scale, 1.5
 * for two up to 4 (one event keeps the default width). */
void nkg_style_count_width(size_t count, char out[16]);
/* The corpus diagram's scale: 1 + 1.6 log2(COUNT), at most 7. */
void nkg_style_corpus_width(size_t count, char out[16]);

/* The default attributes of graphs, nodes and edges, declared on the root
 * before any subgraph so that clusters do not inherit values set on the
 * root later (the title label). */
void nkg_style_defaults(struct NkgDraw *d);
/* Shape, style and colours of an actor node of KIND. */
void nkg_style_node(struct NkgDraw *d, void *node, NkgActorKind kind);
/* The look of a country's cluster (a subgraph of D->g). */
void nkg_style_cluster(struct NkgDraw *d, void *subgraph);

/* The document diagram's legend: a cluster with the four kinds and the
 * three families (dot, fdp), or a note for the layouts without clusters.
 * AFFILIATIONS adds the affiliation edge. */
void nkg_style_legend(struct NkgDraw *d, int affiliations);
void nkg_style_legend_note(struct NkgDraw *d, int affiliations);

/* The corpus diagram's legend: one node with a table of the actor kinds
 * drawn (KINDS[kind] != 0, NKG_KIND_GROUP + 1 entries) and the class
 * groups drawn (GROUPS[group] != 0, NKG_GROUP_COUNT entries). */
void nkg_style_group_legend(struct NkgDraw *d, const int *kinds,
                            const int *groups);

#endif
