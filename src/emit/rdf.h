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

/* A statement writer in the native line formats and streamed Turtle,
 * for emitters other than the document graph's: the corpus graph, and
 * document graphs passed through from N-Quads.  Writes what
 * nkg_emit_rdf_part() would for the same statements: Turtle starts with
 * the prefixes when PREFIXES and groups consecutive statements of one
 * subject.  NULL for another format or when memory ran out. */
typedef struct NkgRdfOutImpl NkgRdfOut;
NkgRdfOut *nkg_rdf_out_open(NkgFormat format, FILE *out, int prefixes);
/* N-Quads: the graph of the statements that follow (NULL: default). */
void nkg_rdf_out_graph(NkgRdfOut *o, const char *graph);
void nkg_rdf_out_res(NkgRdfOut *o, const char *s, const char *p,
                     const char *iri);
/* A literal with language LANG or datatype DTYPE (both may be NULL). */
void nkg_rdf_out_lit(NkgRdfOut *o, const char *s, const char *p, const char *v,
                     const char *lang, const char *dtype);
/* Writes what is left and frees O; the first failure is returned. */
NkgStatus nkg_rdf_out_close(NkgRdfOut *o, NkgError *err);

#endif
