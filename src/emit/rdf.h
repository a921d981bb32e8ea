/* SPDX-License-Identifier: MIT */
/* rdf.h: RDF serializations of one or more document graphs. */
#ifndef NKG_RDF_H
#define NKG_RDF_H

#include "graph/graph.h"

/* What a stream of graphs has written of the actors they share: with
 * one, a shared actor's class, names, code, sector and affiliations are
 * written once, with the first graph of the stream that names it, and in
 * N-Quads to the default graph (below the full provenance level; see
 * nkg_graph_writer_new()). */
typedef struct NkgRdfSeenImpl NkgRdfSeen;
NkgRdfSeen *nkg_rdf_seen_new(void);
void nkg_rdf_seen_free(NkgRdfSeen *s);

/* Writes GS as FORMAT (Turtle, N-Triples, N-Quads or RDF/XML).  N-Quads
 * and multi-document N-Triples are written one document at a time;
 * WITH_TEXT adds the document text as nif:isString; PROVENANCE says
 * which mentions are written (NkgProvenance).  SEEN (may be NULL) is the
 * stream GS belong to; without one, the line formats make one for a batch
 * of more than one graph. */
NkgStatus nkg_emit_rdf(NkgGraph *const *gs, size_t n, NkgFormat format,
                       FILE *out, int with_text, NkgProvenance provenance,
                       NkgRdfSeen *seen, NkgError *err);

/* Writes G as one graph of a stream of graphs to OUT.  Turtle is written
 * as it comes (the prefixes when FIRST, then G's statements grouped by
 * subject; a known actor is described again in each graph that names it
 * unless SEEN has it), so that memory does not grow with the stream; the
 * other formats as by nkg_emit_rdf(). */
NkgStatus nkg_emit_rdf_part(const NkgGraph *g, NkgFormat format, FILE *out,
                            int with_text, NkgProvenance provenance, int first,
                            NkgRdfSeen *seen, NkgError *err);

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
/* The statements that follow are those of the graph of document DOC in
 * the stream SEEN: a shared actor's description is written as
 * nkg_emit_rdf_part() writes it with SEEN, once a stream. */
void nkg_rdf_out_seen(NkgRdfOut *o, NkgRdfSeen *seen, const char *doc);
/* N-Quads: the statements that follow go to the default graph (ON) or
 * to the graph of nkg_rdf_out_graph(). */
void nkg_rdf_out_default(NkgRdfOut *o, int on);
void nkg_rdf_out_res(NkgRdfOut *o, const char *s, const char *p,
                     const char *iri);
/* A literal with language LANG or datatype DTYPE (both may be NULL). */
void nkg_rdf_out_lit(NkgRdfOut *o, const char *s, const char *p, const char *v,
                     const char *lang, const char *dtype);
/* Writes what is left and frees O; the first failure is returned. */
NkgStatus nkg_rdf_out_close(NkgRdfOut *o, NkgError *err);

#endif
