/* SPDX-License-Identifier: MIT */
/* corpus.h: one graph for many documents (newskg corpus).
 *
 * Takes finished document graphs (nkg_graph_finish()) one at a time, in
 * input order, and groups their events into corpus events: one per
 * happening, whatever the number of reports.  Two document events are one
 * corpus event when their most specific class, their agents, their targets
 * and their participants agree and their days fall within the window
 * (default one day either side of the group's first and last day).  An
 * event without a day of its own (no date, or only a month or a year)
 * takes its document's date and joins only a group that already has a
 * member of that document date.  Groups never merge afterwards, so the
 * result depends only on the order of the input.
 *
 * Gives a read-only model for the emitters: the corpus actors, the
 * documents (one small record each) and the corpus events with their
 * members.  Memory grows with the distinct actors and corpus events; each
 * document costs one NkgCorpusDoc and each document event one
 * NkgCorpusMember, nothing else: the document graph itself can be freed as
 * soon as it has been added.
 *
 * Indices (size_t) refer into the arrays of the same corpus.  Strings are
 * owned by the corpus.  After nkg_corpus_finish() the events are sorted
 * (first date, class, agent IRIs, target IRIs), every event has its IRI
 * and the arrays do not change again.
 */
#ifndef NKG_CORPUS_H
#define NKG_CORPUS_H

#include "graph/graph.h"

#include <stddef.h>
#include <stdio.h>

typedef struct {
	char *iri; /* the document's IRI (its named graph in N-Quads) */
	char *id;
	char *title;  /* headline or NULL */
	char *date;   /* publication date YYYY-MM-DD or NULL */
	char *url;    /* source URL or NULL */
	char *source; /* source (publisher) name or NULL */
} NkgCorpusDoc;

typedef struct {
	char *iri;
	NkgActorKind kind;
	char *cls;       /* class IRI, as in the document graphs */
	char *label;     /* canonical label */
	char *code;      /* ISO 3166-1 alpha-3 for countries, else NULL */
	size_t country;  /* a Country it is affiliated with, or NKG_NONE */
	size_t n_events; /* corpus events naming it in any role */
} NkgCorpusActor;

typedef struct {
	char *event; /* IRI of the document event */
	size_t doc;  /* index into docs */
	char *date;  /* the document event's own xsd:date, or NULL */
	double confidence;
} NkgCorpusMember;

typedef struct {
	char *iri;                /* set by nkg_corpus_finish() */
	char *cls;                /* most specific class IRI */
	char *cls_label;          /* e.g. "Blockade" */
	char *top_label;          /* PLOVER top class label, e.g. "Sanction" */
	size_t *agents, n_agents; /* sorted by actor IRI */
	size_t *targets, n_targets;    /* sorted by actor IRI */
	size_t *participants, n_parts; /* sorted by actor IRI */
	char *first_date, *last_date;  /* YYYY-MM-DD, NULL when no member
	                                  has a day */
	size_t n_docs;     /* distinct documents among the members */
	size_t n_sources;  /* distinct source names (a document without one
	                      counts as its own source) */
	double confidence; /* the highest of the members' */
	NkgCorpusMember *members;
	size_t n_members, cap_members;
} NkgCorpusEvent;

typedef struct NkgCorpusImpl NkgCorpus;

struct NkgCorpusImpl {
	int window_days; /* days either side; 0 = the same day only */
	NkgCorpusDoc *docs;
	size_t n_docs, cap_docs;
	NkgCorpusActor *actors;
	size_t n_actors, cap_actors;
	NkgCorpusEvent *events;
	size_t n_events, cap_events;
	void *index; /* private to corpus.c: actor and group lookup */
	char *base;  /* base of the corpus IRIs (nkg_corpus_set_base()) */
	char *iri;   /* the corpus graph, <base>corpus; set by finish */
	size_t n_doc_events; /* document events added (all members) */
	size_t n_skipped;    /* document events without agent, target or
	                        participant, left out */
	size_t n_dup_docs;   /* documents given again, left out */
};

/* A new empty corpus; WINDOW_DAYS < 0 means the default (1). */
NkgCorpus *nkg_corpus_new(int window_days);
/* Adds the documents and events of finished graph G; G may be freed
 * afterwards.  NKG_ERR_INTERNAL when memory ran out. */
NkgStatus nkg_corpus_add_graph(NkgCorpus *c, const NkgGraph *g);
/* Sorts the events and gives them their IRIs: call once, after the last
 * document. */
void nkg_corpus_finish(NkgCorpus *c);
void nkg_corpus_free(NkgCorpus *c);
/* Sets the base of the corpus IRIs (copied; NULL: NKG_DEFAULT_BASE), as
 * extract's --base does for documents.  Call before nkg_corpus_finish();
 * 0 on success. */
int nkg_corpus_set_base(NkgCorpus *c, const char *base);
/* Is IRI a document already added?  Lets a reader of N-Quads tell a
 * document given twice from one whose statements are split. */
int nkg_corpus_has_doc(const NkgCorpus *c, const char *iri);
/* Gives every event the class labels of the ontology of LEX (its class's
 * label and its PLOVER top class's), where the class is known there, so
 * that the labels do not depend on how the documents were read. */
void nkg_corpus_label_classes(NkgCorpus *c, const NkgLexicon *lex);

/* Options of the corpus diagram and timeline; zero-initialise for the
 * defaults. */
typedef struct {
	int max_actors;        /* the most connected actors drawn (0 = 40) */
	int max_edges;         /* diagram: the heaviest edges among them
	                          (0 = 60) */
	int max_pairs;         /* timeline: rows, one per actor pair (0 = 25) */
	int cluster;           /* people and bodies inside their country (the
	                          default; set -1 to turn it off) */
	double min_confidence; /* corpus events at least this confident
	                          (0 = 0.5; < 0 = all) */
	const char *layout;    /* dot (default), neato, fdp, sfdp, circo */
} NkgCorpusDiagramOptions;

/* The emitters.  RDF: the corpus graph (Turtle, N-Triples, or N-Quads in
 * its own named graph); the document graphs are written by the caller as
 * they stream past.  CSV: one row per corpus event. */
NkgStatus nkg_corpus_write_rdf(const NkgCorpus *c, NkgFormat format, FILE *out,
                               const NkgWriteOptions *opt, NkgError *err);
/* nkg_corpus_write_rdf(), where PREFIXES says whether Turtle begins with
 * the prefix lines (not needed after document graphs that declared
 * them). */
NkgStatus nkg_corpus_emit_rdf(const NkgCorpus *c, NkgFormat format, FILE *out,
                              int prefixes, NkgError *err);
NkgStatus nkg_corpus_write_csv(const NkgCorpus *c, FILE *out, NkgError *err);
/* The corpus diagram: DOT text, or SVG/PNG/PDF rendered in-process. */
NkgStatus nkg_corpus_write_diagram(const NkgCorpus *c, NkgFormat format,
                                   FILE *out,
                                   const NkgCorpusDiagramOptions *opt,
                                   NkgError *err);
/* The timeline, an SVG document. */
NkgStatus nkg_corpus_write_timeline(const NkgCorpus *c, FILE *out,
                                    const NkgCorpusDiagramOptions *opt,
                                    NkgError *err);

#endif
