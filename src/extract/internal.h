/* SPDX-License-Identifier: MIT */
/* internal.h: what the stages of the extractor share: the per-sentence
 * context (tokens, lexicon spans, actor mentions, triggers) and the small
 * lookups every stage uses.  Stages:
 *   extract.c   phrase lookups in the lexicon, the document loop;
 *   mentions.c  mentions of actors: names, titles, groups, organisations;
 *   coref.c     pronouns, surnames, salience;
 *   triggers.c  event triggers (verb and noun phrases of the patterns);
 *   reading.c   the linguistic layer's words and relations, token indexes;
 *   frames.c    roles of each event: clause relations, then word positions;
 *   modality.c  modality cues and attribution;
 *   when.c      the date of each event.
 */
#ifndef NKG_EXTRACT_INTERNAL_H
#define NKG_EXTRACT_INTERNAL_H

#include "extract/dates.h"
#include "extract/english.h"
#include "graph/graph.h"
#include "language/language.h"
#include "lexicon/lexicon.h"
#include "text/text.h"

#include <stddef.h>

#define ID_BASE "https://w3id.org/newskg/id/"
#define MAX_SPAN 8

enum {
	M_PLACE = 1 << 0,  /* "in the capital": a place, not a party */
	M_POSS = 1 << 1,   /* followed by 's */
	M_ADJ = 1 << 2,    /* adjectival country word: "U.S. pressure" */
	M_PP = 1 << 3,     /* object of a preposition */
	M_SOURCE = 1 << 4, /* anonymous sources */
	M_PRON = 1 << 5,
	M_SPEAKER = 1 << 6,
	M_NOROLE =
	        1 << 7,  /* "due to X", "according to X": a cause or a source */
	M_PAIR = 1 << 8, /* "both countries": one of two parties named before */
};

typedef struct {
	size_t t0, t1;
	size_t actor; /* graph index */
	unsigned flags;
	size_t coord; /* next coordinated mention (index) or NKG_NONE */
	size_t prep;  /* token index of the governing preposition or NKG_NONE */
} AMention;

typedef struct {
	size_t head, t0, t1;
	size_t pattern;
	int verb, form, passive, suppressed;
	int priority;
} Trigger;

typedef struct {
	size_t actor;
	size_t count;
	size_t last_sent;
} Salience;

typedef struct {
	const NkgLexicon *lx;
	const NkgTokens *tk;
	NkgGraph *g;
	const char *text;
	NkgYmd pub;
	size_t sent;    /* current sentence index */
	size_t mention; /* graph mention of the current sentence */
	/* per sentence */
	AMention *am;
	size_t n_am, cap_am;
	Trigger *tr;
	size_t n_tr, cap_tr;
	/* per document */
	Salience *sal;
	size_t n_sal, cap_sal;
	size_t pair[2]; /* last coordinated country pair */
	int have_pair;
	size_t group[8]; /* last coordination of countries, for "the three" */
	size_t n_group;
	size_t ppair[2]; /* the two people of the last two-party event */
	int have_ppair;
	size_t ppair_sent;          /* the sentence of that two-party event */
	size_t descr_tok, descr_li; /* "Cambodian journalist Mech Dara": the
	                             name's token and the country */
	/* short names a text gives its bodies: "... Agency (NISA)" */
	struct {
		char key[16];
		size_t actor;
	} acro[32];
	size_t n_acro;
	/* groups of no state read from a bare noun with no named body to
	 * stand for yet ("Somali forces kill 50 militants" in a headline) */
	size_t bare[16];
	size_t n_bare;
	int own_subject;     /* the frame's agent is its verb's own subject */
	int other_subject;   /* the verb's subject is a noun but no actor */
	int undergoer_class; /* WordNet class of the noun acted on, NC_* */
	int force_act;       /* the act filled is an assault or coercion */
	size_t *src_lex;     /* graph actor -> lexicon actor (or NKG_NONE) */
	size_t n_src;
	/* phrase lookups of the current sentence, [token][length] */
	size_t s0, s1;
	const LexSlot **cache;
	char *cached;
	uint32_t *kinds; /* [token]: the kinds of all phrases starting there */
	uint32_t *engm;  /* [token]: 0, or its English classes | 1 << 31 */
	uint8_t *nlen;   /* [token]: 0, or 1 + the length of the name there */
	size_t cache_cap;
	/* is this lexicon word (by address: the lexicon does not change
	 * during a document) a particle?  Verb phrases ask it of their rest
	 * words at nearly every verb of the text */
	const char *part_word[256];
	uint8_t part_is[256];
	/* the linguistic layer's reading of the current sentence: words with
	 * tags, lemmas and relations; maps from tokens to words and to the
	 * mentions covering them, and each word's dependents */
	NkgAnalysis *an;
	int analysed;          /* an holds the current sentence */
	int analysis_tried;    /* ex_analyse ran for it */
	const NkgSentence *se; /* the current sentence */
	int spk_done;          /* spk, spk_verb hold its speaker */
	uint8_t *cbm; /* token - s0: 0 unknown, 1 no clause break, 2 one */
	size_t spk, spk_verb;
	int32_t *tw;  /* token - s0 -> its first word, -1 none */
	int32_t *kid; /* word -> its first dependent, -1 none */
	int32_t *sib; /* word -> the next dependent of its head, -1 none */
	size_t *tam;  /* token - s0 -> first mention covering it */
	size_t *tam_start, *tam_end; /* first mention starting / ending there */
	int indexed; /* tam* describe the mentions (after find_actors) */
	size_t cap_tw, cap_kid;
} Ctx;

static inline const NkgToken *tok(const Ctx *c, size_t i)
{
	return &c->tk->toks[i];
}

static inline const char *key(const Ctx *c, size_t i)
{
	return c->tk->toks[i].key;
}

static inline int is_cap(const Ctx *c, size_t i)
{
	return (tok(c, i)->flags & NKG_TOK_CAP) != 0;
}

static inline int is_word(const Ctx *c, size_t i)
{
	return (tok(c, i)->flags & NKG_TOK_WORD) != 0;
}

/* Is the word at I of English class CLS?  Asked of the same tokens many
 * times: each token's classes are looked up once per sentence. */
/* The English classes of token I (ENG_BIT), looked up once a sentence. */
static inline unsigned ex_engm(const Ctx *c, size_t i)
{
	if (i < c->s0 || i >= c->s1 || !c->engm)
		return eng_mask(key(c, i));
	uint32_t *m = &c->engm[i - c->s0];
	if (!*m) {
		const NkgToken *t = tok(c, i);
		*m = eng_mask_hashed(t->key, t->hash) | 1u << 31;
	}
	return *m & ~(1u << 31);
}
static inline int ex_eng(const Ctx *c, size_t i, EngClass cls)
{
	return (ex_engm(c, i) >> cls) & 1u;
}

/* Lexicon entries of the N-token phrase at I (NULL if none). */
const LexSlot *ex_lookup_at(const Ctx *c, size_t i, size_t n, size_t end);
static inline const LexSlot *ex_lookup(const Ctx *c, size_t i, size_t n,
                                       size_t end)
{
	/* a phrase of the sentence already looked up */
	if (n && n <= MAX_SPAN && i + n <= end && i >= c->s0 &&
	    i + n <= c->s1 && c->cached[i - c->s0])
		return n < (size_t)c->cached[i - c->s0]
		               ? c->cache[(i - c->s0) * (MAX_SPAN + 1) + n]
		               : NULL;
	return ex_lookup_at(c, i, n, end);
}
/* Length of the longest phrase at I with an entry of KIND (0: none). */
/* Does no phrase of KIND start at token I?  Asked of nearly every token
 * for many kinds: the phrases of a looked-up token answer most of them. */
static inline int ex_kind_ruled_out(const Ctx *c, size_t i, LexKind kind)
{
	return i >= c->s0 && i < c->s1 && c->cached[i - c->s0] &&
	       !(c->kinds[i - c->s0] >> kind & 1u);
}

size_t ex_longest_at(const Ctx *c, size_t i, size_t end, LexKind kind,
                     const LexEntry **out);
static inline size_t ex_longest(const Ctx *c, size_t i, size_t end,
                                LexKind kind, const LexEntry **out)
{
	if (ex_kind_ruled_out(c, i, kind))
		return 0;
	return ex_longest_at(c, i, end, kind, out);
}
/* Is the single word at I an entry of KIND? */
int ex_has_kind_at(const Ctx *c, size_t i, size_t end, LexKind kind);
static inline int ex_has_kind(const Ctx *c, size_t i, size_t end, LexKind kind)
{
	if (ex_kind_ruled_out(c, i, kind))
		return 0;
	return ex_has_kind_at(c, i, end, kind);
}
/* Is token I inside an actor mention of the sentence? */
int ex_is_actor_tok(const Ctx *c, size_t i);
/* The mention starting / ending (exclusive) at token I, or NULL. */
const AMention *ex_mention_starting(const Ctx *c, size_t i);
const AMention *ex_mention_ending(const Ctx *c, size_t i);
/* Token after the last mention of the coordination headed by K. */
size_t ex_last_of(const Ctx *c, size_t k);
/* The country a graph actor stands for or belongs to (NKG_NONE). */
size_t ex_side_country(const Ctx *c, size_t gi);

/* Indexes the sentence's mentions by token (after the actors are found);
 * the lookups above are then constant-time. */
void ex_index_mentions(Ctx *c);
/* Starts sentence SE: sizes the token indexes; the linguistic layer
 * reads it only when a stage first asks for a word (ex_word), so that a
 * sentence nobody asks about costs nothing there.  0, or -1 (no memory). */
int ex_sentence_start(Ctx *c, const NkgSentence *se);
/* Reads the current sentence with the linguistic layer (once). */
void ex_analyse(Ctx *c);
/* Ends the document: its analysis is kept for the thread's next one. */
void ex_analysis_release(Ctx *c);
/* The word of token I (its first word), or -1 (sentence not analysed:
 * no data or no memory). */
static inline int32_t ex_word(const Ctx *c, size_t i)
{
	if (!c->analysis_tried)
		ex_analyse(
		        (Ctx *)c); /* a cache of the sentence, like its spans */
	return c->analysed && i >= c->s0 && i < c->s1 ? c->tw[i - c->s0] : -1;
}

/* frames.c: clause breaks, speech verbs and the subject left of token H
 * by word positions (also used for attribution). */
int ex_clause_break(const Ctx *c, size_t i);
int ex_is_speech_tok(const Ctx *c, size_t i, size_t s1);
size_t ex_subject_left(const Ctx *c, size_t h, size_t s0);
/* modality.c: modality cues before trigger T (NULL: none); attribution
 * of event E to the sentence's speaker (0: drop the event); is graph
 * actor GI a news organisation? */
const char *ex_cue_modality(const Ctx *c, const Trigger *t, size_t s0,
                            const NkgDateExpr *dates, size_t nd);
int ex_attribute(Ctx *c, const Trigger *t, NkgEvent *e, size_t s0, size_t s1,
                 const char **mod);
int ex_is_media(const Ctx *c, size_t gi);
/* The mention of the sentence's speaker (NKG_NONE), *SV its speech verb. */
size_t ex_speaker(const Ctx *c, size_t s0, size_t s1, size_t *sv);
/* modality.c: the class modality MOD gives event E of trigger T. */
void ex_class_by_modality(Ctx *c, const Trigger *t, NkgEvent *e, size_t s1,
                          const char *mod);
/* frames.c: adds mention MI (with its coordinated mentions) to ROLE. */
void ex_add_role(Ctx *c, NkgEvent *e, int role, size_t mi);
/* frames.c: the first actor mention after "if"/"unless" right of H. */
size_t ex_condition_subject(const Ctx *c, size_t h, size_t s1);
/* when.c: the date of the event of trigger T. */
void ex_event_date(Ctx *c, const Trigger *t, NkgEvent *e,
                   const NkgDateExpr *dates, size_t nd, int light_obj);

/* frames.c: at the end of a document, an event with one side that
 * repeats a two-sided event of its class ("the attack" after "Russia
 * attacked Kyiv") joins it as more evidence. */
void ex_merge_repeats(Ctx *c);
/* triggers.c: the event triggers of sentence [S0, S1) into c->tr. */
void ex_find_triggers(Ctx *c, size_t s0, size_t s1);
/* frames.c: one event for trigger T, with its roles, modality,
 * attribution and date (DATES: the sentence's date expressions). */
void ex_fill_event(Ctx *c, const Trigger *t, size_t s0, size_t s1,
                   const NkgDateExpr *dates, size_t nd);

/* mentions.c: the actor mentions of sentence [S0, S1) into c->am, with
 * their prepositions and coordination. */
void ex_find_actors(Ctx *c, size_t s0, size_t s1);
/* The graph actor of lexicon actor LI (added with its affiliations, DEPTH
 * levels deep, when new); the lexicon actor of graph actor GI or NKG_NONE. */
size_t ex_add_lex_actor(Ctx *c, size_t li, int depth);
size_t ex_lex_of(const Ctx *c, size_t gi);
/* Adds a mention of graph actor GI over tokens [T0, T1); its index or
 * NKG_NONE. */
size_t ex_push_mention(Ctx *c, size_t t0, size_t t1, size_t gi, unsigned flags);
/* The text of tokens [T0, T1) with white space collapsed; the caller
 * frees it (NULL: no memory). */
char *ex_span_text(const Ctx *c, size_t t0, size_t t1);

/* coref.c: salience of the document's actors; the story's main country
 * (NKG_NONE); the actor of a surname alone at I (*AMBIGUOUS: several
 * known people share it); mentions of pronouns and of "the two leaders",
 * "both countries" at I (returns the tokens taken, 0: none). */
void ex_salience_bump(Ctx *c, size_t gi);
size_t ex_salience_count(const Ctx *c, size_t gi);
size_t ex_main_country(const Ctx *c);
size_t ex_surname(Ctx *c, size_t i, size_t end, int *ambiguous);
size_t ex_pronoun_mention(Ctx *c, size_t i, size_t s1);
size_t ex_named_group(const Ctx *c, const char *sector);
void ex_resolve_bare_groups(Ctx *c);
size_t ex_pair_mention(Ctx *c, size_t i, size_t s1);

#endif
