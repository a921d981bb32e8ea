/* SPDX-License-Identifier: MIT */
/* rdf.h: RDF serializations of one or more document graphs. */
#ifndef NKG_RDF_H
#define NKG_RDF_H

#include "graph/graph.h"

/* Writes GS as FORMAT (Turtle, N-Triples, N-Quads or RDF/XML).  N-Quads
 * and multi-document N-Triples are written one document at a time;
 * WITH_TEXT adds the document text as nif:isString; PROVENANCE says
 * which mentions are written (NkgProvenance). */
NkgStatus nkg_emit_rdf(NkgGraph *const *gs, size_t n, NkgFormat format,
                       FILE *out, int with_text, NkgProvenance provenance,
                       NkgError *err);

/* Writes G as one graph of a stream of graphs to OUT.  Turtle is written
 * as it comes (the prefixes when FIRST, then G's statements grouped by
 * subject; a known actor is described again in each graph that names it),
 * so that memory does not grow with the stream; the other formats as by
 * nkg_emit_rdf(). */
NkgStatus nkg_emit_rdf_part(const NkgGraph *g, NkgFormat format, FILE *out,
                            int with_text, NkgProvenance provenance, int first,
                            NkgError *err);

#endif
