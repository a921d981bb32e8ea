/* SPDX-License-Identifier: MIT */
/* english.h: closed classes of English function words used by the parser.
 *
 * Open-class knowledge (actors, titles, triggers, cues) is data in
 * ontology/; what stays here is the small grammar every English sentence
 * shares: prepositions, determiners, auxiliaries and clause connectives. */
#ifndef NKG_ENGLISH_H
#define NKG_ENGLISH_H

#include <stdint.h>

typedef enum {
	ENG_PREP,   /* in, of, to, with ... */
	ENG_DET,    /* the, a, its ... */
	ENG_BE,     /* is, was, been ... (passive auxiliaries) */
	ENG_AUX,    /* has, have, had, will, would, did ... */
	ENG_CLAUSE, /* while, as, after, but ... (clause breaks) */
	ENG_PLACE,  /* prepositions that make a place: in, at, near ... */
	ENG_LIGHT,  /* light verbs whose object noun names the event */
	ENG_FACE,   /* verbs whose subject undergoes the noun: face, receive */
	ENG_RELATIVE, /* who, which, that */
	ENG_PARTICLE, /* out, up, off, down, back, over, away */
	ENG_SINCE,    /* since, from */
	ENG_COMPASS,  /* north, southern, central ... before a place name */
	ENG_CAUSE,    /* spark, trigger, prompt: the subject causes the noun */
	ENG_GEO,      /* sea, strait, peninsula: heads of geographic names */
	ENG_COUNT
} EngClass;

/* Returns non-zero when folded word KEY belongs to class C. */
int eng_is(const char *key, EngClass c);
/* All the classes of KEY at once, as a mask of ENG_BIT()s. */
unsigned eng_mask(const char *key);
/* The same for a KEY whose nkg_hash() is HASH (a token's). */
unsigned eng_mask_hashed(const char *key, uint32_t hash);
#define ENG_BIT(c) (1u << (c))

#endif
