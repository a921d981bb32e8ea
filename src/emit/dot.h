/* SPDX-License-Identifier: MIT */
/* dot.h: relationship diagrams through cgraph and gvc. */
#ifndef NKG_DOT_H
#define NKG_DOT_H

#include "graph/graph.h"

/* Writes GS as a diagram: DOT text, or SVG/PNG/PDF rendered in-process.
 * OPT may be NULL. */
NkgStatus nkg_emit_diagram(NkgGraph *const *gs, size_t n, NkgFormat format,
                           FILE *out, const NkgDiagramOptions *opt,
                           NkgError *err);

#endif
