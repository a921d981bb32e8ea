/* SPDX-License-Identifier: MIT */
/* nquads.h: document graphs read back from the N-Quads of extract.
 *
 * Each named graph that holds a nkg:Document of its own name becomes an
 * NkgGraph again with what the corpus needs: the document's title, date,
 * source and identifier, its actors (class, label, country code,
 * affiliations) and its events (IRI, class, roles, date, confidence,
 * class label).  Mentions, positions and the rest are not rebuilt; the
 * statements themselves are handed over too, so that a caller can write
 * the document graph again as it came.  The statements of one document
 * must come together, as extract writes them.  Statements of the default
 * graph belong with the document graph they come among: extract writes
 * there, once an output, what is known of an actor that documents share
 * (its class, names, code, affiliations), and the reader keeps it for the
 * documents that follow.  Other graphs are skipped.
 */
#ifndef NKG_NQUADS_H
#define NKG_NQUADS_H

#include "graph/graph.h"

#include <stddef.h>

typedef struct {
	char *s, *p, *o; /* IRIs, or the literal's value */
	char *lang;      /* literal's language or NULL */
	char *dtype;     /* literal's datatype IRI or NULL */
	int literal;
	int dflt; /* in the default graph */
} NkgQuad;

/* Called with each document graph G (the callee frees it) and its
 * statements; a status other than NKG_SUCCESS stops the reading. */
typedef NkgStatus (*NkgQuadGraphFn)(void *ctx, NkgGraph *g,
                                    const NkgQuad *quads, size_t n);

typedef struct NkgQuadReaderImpl NkgQuadReader;

/* A new reader; NAME names the input in messages.  NULL with ERR filled
 * when librdf cannot be loaded or memory ran out. */
NkgQuadReader *nkg_nquads_open(const char *name, NkgQuadGraphFn fn, void *ctx,
                               NkgError *err);
/* Parses the next LEN bytes of the input; END after the last, and a
 * feed after that starts a new input with the same reader.  A syntax
 * error gives NKG_ERR_INPUT, "NAME: line N: ..." in ERR; an error of FN
 * is passed on. */
NkgStatus nkg_nquads_feed(NkgQuadReader *r, const char *buf, size_t len,
                          int end, NkgError *err);
void nkg_nquads_close(NkgQuadReader *r);

#endif
