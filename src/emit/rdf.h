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

#endif
