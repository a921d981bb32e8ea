/* SPDX-License-Identifier: MIT */
/* corpus-pairs.h: the corpus events seen as links between two actors,
 * shared by the corpus diagram and the timeline.
 *
 * Takes a finished NkgCorpus and a filter; gives the actors numbered in
 * IRI order (ranks) and one link per event and actor pair: agent ->
 * target, or, for an event without agent or target, every two of its
 * parties undirected (src < dst).  The links are sorted by pair, class
 * group and event, without duplicates, so that both emitters order
 * everything the same way whatever the order of the corpus arrays.
 */
#ifndef NKG_CORPUS_PAIRS_H
#define NKG_CORPUS_PAIRS_H

#include "corpus/corpus.h"

#include <stddef.h>

typedef struct {
	size_t src, dst; /* ranks */
	int sym;
	size_t group; /* nkg_style_group() of the top class */
	size_t ev;    /* index into the corpus events */
} NkgPairLink;

typedef struct {
	const NkgCorpus *c;
	size_t *by_rank; /* actor index of each rank */
	size_t *rank;    /* rank of each actor index */
	NkgPairLink *links;
	size_t n_links, cap_links;
} NkgPairs;

/* Fills P (zeroed by the caller) with the links of the events that WANT
 * accepts (NULL: all); 0 on success, -1 out of memory.  nkg_pairs_free()
 * is due either way. */
int nkg_pairs_build(NkgPairs *p, const NkgCorpus *c,
                    int (*want)(const NkgCorpusEvent *e, void *ctx), void *ctx);
void nkg_pairs_free(NkgPairs *p);
/* Whether two links join the same actors the same way. */
int nkg_pairs_same(const NkgPairLink *a, const NkgPairLink *b);

/* One document behind some corpus events: its headline (or id, or IRI)
 * and the date it gives them. */
typedef struct {
	const char *date, *title;
	size_t doc;
} NkgEvidence;

/* The documents behind the events of links L[0..N), one each with its
 * earliest date, sorted by date (undated last), headline and document,
 * in *OUT (freed by the caller); *URL (may be NULL) gets the source URL
 * of the first member document that has one.  Returns their number, or
 * (size_t)-1 when memory ran out. */
size_t nkg_corpus_evidence(const NkgCorpus *c, const NkgPairLink *l, size_t n,
                           NkgEvidence **out, const char **url);

/* The label of actor I, or the local name of its IRI. */
const char *nkg_corpus_actor_label(const NkgCorpus *c, size_t i);
/* The most specific type of E: its class label, else its class's local
 * name, else its top class. */
const char *nkg_corpus_event_type(const NkgCorpusEvent *e);

#endif
