/* SPDX-License-Identifier: MIT */
/* lexicon.h: the lexicon compiled from the ontology directory into lookup
 * tables. */
#ifndef NKG_LEXICON_H
#define NKG_LEXICON_H

#include "graph/graph.h"
#include "newskg.h"

#include <stddef.h>
#include <stdint.h>

typedef enum {
	LX_ACTOR,      /* label or alias of a known actor */
	LX_DEMONYM,    /* a people's adjective */
	LX_DEMONYM_PL, /* "Cubans" */
	LX_METONYM,    /* "Havana" */
	LX_SURNAME,    /* last token of a known person's label */
	LX_TITLE,
	LX_STATUS,
	LX_GROUP,
	LX_ORGHEAD,
	LX_MONTH,
	LX_WEEKDAY,
	LX_PRONOUN,
	LX_CUE,
	LX_SPEECH,
	LX_OBJECT,
	LX_SOURCE,
	LX_OTHER, /* a noun naming people not its owner's own: "her family" */
	LX_VERB,  /* head word form of a verb trigger */
	LX_NOUN,  /* noun trigger phrase */
	LX_ABBREV,
	LX_PREFIX,    /* a proper prefix of a longer phrase: keep extending */
	LX_ACTOR_IRI, /* "\001" + an actor's IRI: its index */
	LX_CLASS_IRI, /* "\001" + a class IRI: its index */
	LX_KIND_COUNT
} LexKind;

enum { FORM_BASE, FORM_S, FORM_PAST, FORM_ING };

typedef struct {
	uint8_t kind;
	uint8_t form;  /* verbs: FORM_* */
	uint16_t ntok; /* tokens in the phrase */
	uint32_t idx;  /* index into the kind's table */
} LexEntry;

typedef struct {
	char *iri;
	NkgActorKind kind;
	char *cls;
	char *label;
	char **alts;
	size_t n_alts;
	char *code;
	char *same_as;
	char *sector;
	char **affil_iris;
	size_t n_affil;
	int gender;    /* 0 unknown, 1 male, 2 female */
	char *demonym; /* first demonym, countries */
} LexActor;

typedef struct {
	char *label;
	char *sector;
} LexTitle;

typedef struct {
	char *label; /* canonical noun */
	NkgActorKind kind;
	char *sector;
} LexGroup;

typedef struct {
	char *key;
	int role; /* NkgRole */
} LexPrep;

typedef struct {
	char *iri;
	char *cls;
	char *cls_label;
	char *top_label;
	char *intent_cls;
	int symmetric, control, priority;
	int after;     /* NkgRole */
	int noun_left; /* NkgRole or -1 */
	int possessor; /* nouns without an of-phrase: the possessor's role (-1:
	                  agent) */
	int subject;   /* verbs: role of the subject (-1: agent) */
	int needs_target; /* no event without a target */
	int own_object;   /* what is acted on is the agent's own (its forces) */
	int speaker;      /* role of the sentence's speaker (-1: claimedBy);
	                   * the event needs a speaker when set */
	LexPrep *preps;
	size_t n_preps;
} LexPattern;

typedef struct {
	uint32_t pattern;
	char **rest; /* folded keys of the words after the head */
	size_t n_rest;
} LexVerbPhrase;

typedef struct {
	char *modality; /* local name */
} LexCue;

typedef struct {
	char *key;
	LexEntry *v;
	size_t n;
	uint32_t hash; /* nkg_hash(key) */
} LexSlot;

typedef struct {
	char *iri;
	char *super; /* first superclass in the nkg namespace */
	char *label;
	char *intent; /* lex:intentClass */
} LexClass;

struct NkgLexiconImpl {
	NkgLang *
	        lang; /* the linguistic layer's data, loaded with the lexicon */
	/* read from the cache: every string of the lexicon lives in this one
	 * block, freed with it; NULL when the strings were malloc'd one by
	 * one (compiled from the Turtle) */
	char *strings;
	LexSlot *slots;
	size_t n_slots, used;
	/* a byte of each slot's hash (nkg_lex_probe_tag(); 0 for a free
	 * slot) in an array of their own, built once loaded: a lookup that
	 * finds nothing, as most do, reads only this array, which is a
	 * quarter of the size the whole hashes took and so stays in the
	 * first-level cache */
	uint8_t *probe;
	size_t max_ntok;

	LexActor *actors;
	size_t n_actors;
	LexTitle *titles;
	size_t n_titles;
	char **statuses;
	size_t n_statuses;
	LexGroup *groups;
	size_t n_groups;
	char **orgheads; /* sector per head */
	size_t n_orgheads;
	int *months;
	size_t n_months;
	int *weekdays;
	size_t n_weekdays;
	int *pronouns; /* gender: 1 male 2 female 3 neuter 4 plural; of a
	                * definite description: 5 country 6 group
	                * 7 organisation 8 an organisation whose name
	                * has its noun as head ("the court") */
	size_t n_pronouns;
	LexCue *cues;
	size_t n_cues;
	char **objects;
	size_t n_objects;
	LexPattern *patterns;
	size_t n_patterns;
	LexVerbPhrase *verbs;
	size_t n_verbs;
	LexClass *classes;
	size_t n_classes;
};

/* The lexicon files of DIR: every *.ttl but shapes.ttl, sorted by name
 * (the caller frees each and the array); -1 if DIR cannot be read. */
int nkg_lex_files(const char *dir, char ***names, size_t *n);

/* Fills ERR (when not NULL) with status ST, FILE (may be NULL) and a
 * printf-style message; line and offset become unknown. */
void nkg_error_set(NkgError *err, NkgStatus st, const char *file,
                   const char *fmt, ...);

/* The byte of HASH kept in NkgLexicon.probe: never 0. */
static inline uint8_t nkg_lex_probe_tag(uint32_t hash)
{
	return (uint8_t)((hash >> 24) | 1u);
}

/* Looks up the folded phrase KEY; returns its entries or NULL. */
const LexSlot *nkg_lex_lookup(const NkgLexicon *lex, const char *key);
/* The same, given HASH = nkg_hash(KEY). */
const LexSlot *nkg_lex_lookup_hashed(const NkgLexicon *lex, const char *key,
                                     uint32_t hash);
int nkg_lex_is_abbrev(const void *lex, const char *key);
const LexClass *nkg_lex_class(const NkgLexicon *lex, const char *iri);
/* Top (PLOVER) class of IRI, or NULL. */
const LexClass *nkg_lex_top_class(const NkgLexicon *lex, const char *iri);
size_t nkg_lex_find_actor(const NkgLexicon *lex, const char *iri);

#endif
