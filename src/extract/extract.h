/* SPDX-License-Identifier: MIT */
/* extract.h: the extraction stage, for the library glue in api.c. */
#ifndef NKG_EXTRACT_H
#define NKG_EXTRACT_H

#include "extract/dates.h"
#include "graph/graph.h"
#include "text/text.h"

/* Extracts actors, posts and events of the tokenized TEXT into G.  *PUB is
 * the publication date (y == 0 when unknown); when unknown and a dateline
 * is found, it is stored there. */
NkgStatus nkg_extract_tokens(const NkgLexicon *lx, const char *text,
                             const NkgTokens *tk, NkgGraph *g, NkgYmd *pub);

/* Frees what the calling thread kept from one extraction to the next
 * (nkg_lexicon_free calls it). */
void nkg_extract_release_thread(void);

#endif
