/* SPDX-License-Identifier: MIT */
/* graph.h: the in-memory graph of one document, the one place that owns nodes.
 *
 * The extractor adds actors, positions, events and mentions; the emitters
 * only read.  Indices (size_t) refer into the arrays of the same graph.
 * Strings are owned by the graph.  IRIs are complete and deterministic.
 */
#ifndef NKG_GRAPH_H
#define NKG_GRAPH_H

#include "newskg.h"

#include <stddef.h>

#define NKG_NONE ((size_t)-1)

typedef struct {
	size_t *v;
	size_t n, cap;
} NkgIdxList;

typedef struct {
	char *iri;
	size_t begin,
	        end; /* code points into the document text, end exclusive */
	size_t sent_begin; /* code point where the sentence starts */
	char *anchor;      /* the sentence text */
} NkgMention;

typedef enum {
	NKG_KIND_COUNTRY,
	NKG_KIND_PERSON,
	NKG_KIND_ORGANIZATION,
	NKG_KIND_GROUP,
} NkgActorKind;

typedef struct {
	char *iri;
	NkgActorKind kind;
	char *cls;   /* class IRI (may be a subclass of the kind's class) */
	char *label; /* canonical label */
	char **alts; /* other labels seen or known */
	size_t n_alts;
	char *code;              /* ISO 3166-1 alpha-3, countries only */
	char *same_as;           /* Wikidata IRI or NULL */
	char *sector;            /* government, military, ... or NULL */
	NkgIdxList affiliations; /* actors */
	NkgIdxList mentions;
	int known;      /* from the lexicon */
	int referenced; /* used by an event, position or affiliation */
} NkgActor;

typedef struct {
	char *iri;
	size_t holder; /* actor */
	char *title;
	size_t organization; /* actor or NKG_NONE */
	char *status;        /* current, former, interim, acting */
	size_t mention;
} NkgPosition;

typedef enum {
	NKG_ROLE_AGENT,
	NKG_ROLE_TARGET,
	NKG_ROLE_PARTICIPANT,
	NKG_ROLE_ORIGIN,
	NKG_ROLE_DESTINATION,
	NKG_ROLE_PLACE,
	NKG_ROLE_REPORTED_BY,
	NKG_ROLE_CLAIMED_BY,
	NKG_ROLE_COUNT
} NkgRole;

/* Local names of the role properties, indexed by NkgRole. */
extern const char *const nkg_role_names[NKG_ROLE_COUNT];

typedef struct {
	char *iri;
	char *cls;          /* class IRI */
	char *cls_label;    /* class label for diagrams, e.g. "Blockade" */
	char *top_label;    /* top PLOVER class label, e.g. "Sanction" */
	char *intended_cls; /* class IRI of what was intended, or NULL */
	NkgIdxList roles[NKG_ROLE_COUNT];
	char *object;    /* non-actor object, e.g. "oil" */
	char *date;      /* lexical form */
	char *date_type; /* "date", "gYearMonth" or "gYear" */
	char *start_date, *start_type;
	char *end_date, *end_type;
	char *modality; /* local name: Asserted, Reported, ... */
	char *rule;     /* IRI of the lexicon pattern */
	int symmetric;
	size_t anchor;     /* code point where the trigger starts */
	double confidence; /* 0-1, how the event was found; 0: set when finished
	                    */
	NkgIdxList mentions;
} NkgEvent;

struct NkgGraphImpl {
	char *doc_iri;
	char *doc_id;
	char *base; /* doc_iri + "/" : prefix for the document's nodes */
	char *title;
	char *date; /* publication date YYYY-MM-DD or NULL */
	char *url;
	char *source_name;
	char *text; /* the extracted document text (UTF-8) */
	size_t text_len;

	NkgActor *actors;
	size_t n_actors, cap_actors;
	/* open-addressing index of the actors by IRI: slots hold index + 1,
	 * 0 when free; a power of two, at most half full */
	size_t *actor_slots;
	size_t actor_mask;
	NkgEvent *events;
	size_t n_events, cap_events;
	NkgPosition *positions;
	size_t n_positions, cap_positions;
	NkgMention *mentions;
	size_t n_mentions, cap_mentions;
};

/* Builders.  Each returns the new index, or NKG_NONE when memory ran out.
 * Strings are copied. */
NkgGraph *nkg_graph_new(const char *doc_iri);
size_t nkg_graph_add_mention(NkgGraph *g, size_t begin, size_t end,
                             size_t sent_begin, const char *anchor);
/* Finds the actor with IRI or adds it. */
size_t nkg_graph_actor(NkgGraph *g, const char *iri, NkgActorKind kind,
                       const char *cls, const char *label);
size_t nkg_graph_find_actor(const NkgGraph *g, const char *iri);
void nkg_actor_add_alt(NkgActor *a, const char *label);
size_t nkg_graph_add_position(NkgGraph *g, size_t holder, const char *title,
                              size_t organization, const char *status,
                              size_t mention);
size_t nkg_graph_add_event(NkgGraph *g, const char *cls, const char *rule);
/* Frees what event E owns (not E itself: it lives in the graph's array). */
/* Does E have both sides: an agent and a target, or two parties (a
 * party with an agent or a target counts)? */
int nkg_event_two_sided(const NkgEvent *e);
void nkg_event_free(NkgEvent *e);
int nkg_idx_add(NkgIdxList *l, size_t v); /* no duplicates; 0 on success */
int nkg_idx_has(const NkgIdxList *l, size_t v);
char *nkg_strdup(const char *s);
void nkg_set_str(char **dst, const char *s);

/* Makes a slug (lower-case ASCII, '-' between words) of S; caller frees. */
char *nkg_slug(const char *s);

/* Gives events and positions their final IRIs and sorts nothing: call once
 * when extraction is complete. */
void nkg_graph_finish(NkgGraph *g);

#endif
