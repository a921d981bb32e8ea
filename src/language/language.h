/* SPDX-License-Identifier: MIT */
/* language.h: the linguistic layer between text and extract.
 *
 * For each sentence of a tokenized document it gives arrays that the
 * extractor walks by index, not strings to re-parse:
 *
 *   words   UD English word segmentation of the text tokens ("didn't" is
 *           "did" + "n't", "nine-month-old" is "nine - month - old"), each
 *           with code-point offsets, a Penn Treebank tag (XPOS), a
 *           Universal POS tag, a lemma, a WordNet noun class, and its
 *           head and relation in Universal Dependencies terms;
 *   chunks  noun phrases, verb groups and prepositional phrases over the
 *           words, each with its head word.
 *
 * The statistics come from Debian packages read where they are installed:
 * liblingua-en-tagger-perl (word/tag counts and tag transitions, YAML) and
 * wordnet-base (lemmas, exception lists, lexicographer files of nouns).
 * nkg_lang_load() compiles them once into a flat file in the lexicon cache
 * directory and maps it on later runs.
 *
 *     NkgLang *lang = NULL;
 *     if (nkg_lang_load(&lang, &err)) { report(&err); }
 *     NkgAnalysis *a = nkg_analysis_new();
 *     for each sentence s of tokens tk:
 *         nkg_analyze_sentence(lang, text, &tk, s, a);
 *         for (size_t i = 0; i < a->n_words; i++) use a->words[i] ...
 *     nkg_analysis_free(a); nkg_lang_free(lang);
 */
#ifndef NKG_LANGUAGE_H
#define NKG_LANGUAGE_H

#include "newskg.h"
#include "text/text.h"

#include <stddef.h>
#include <stdint.h>

/* Penn Treebank tags as UD English uses them (XPOS). */
typedef enum {
	X_NONE = 0,
	X_CC,
	X_CD,
	X_DT,
	X_EX,
	X_FW,
	X_IN,
	X_JJ,
	X_JJR,
	X_JJS,
	X_LS,
	X_MD,
	X_NN,
	X_NNS,
	X_NNP,
	X_NNPS,
	X_PDT,
	X_POS,
	X_PRP,
	X_PRPS,
	X_RB,
	X_RBR,
	X_RBS,
	X_RP,
	X_SYM,
	X_TO,
	X_UH,
	X_VB,
	X_VBD,
	X_VBG,
	X_VBN,
	X_VBP,
	X_VBZ,
	X_WDT,
	X_WP,
	X_WPS,
	X_WRB,
	X_COMMA,  /* , */
	X_PERIOD, /* . ? ! */
	X_COLON,  /* : ; -- ... */
	X_LQUOTE, /* `` */
	X_RQUOTE, /* '' */
	X_LRB,
	X_RRB,
	X_DOLLAR,
	X_HASH,
	X_HYPH,
	X_NFP,
	X_ADD,
	X_AFX,
	X_GW,
	X_XX,
	X_COUNT
} NkgXpos;

typedef enum {
	U_NONE = 0,
	U_ADJ,
	U_ADP,
	U_ADV,
	U_AUX,
	U_CCONJ,
	U_DET,
	U_INTJ,
	U_NOUN,
	U_NUM,
	U_PART,
	U_PRON,
	U_PROPN,
	U_PUNCT,
	U_SCONJ,
	U_SYM,
	U_VERB,
	U_X,
	U_COUNT
} NkgUpos;

/* Dependency relations (UD v2 universal relations and the English
 * subtypes the layer gives). */
typedef enum {
	D_NONE = 0,
	D_ROOT,
	D_NSUBJ,
	D_NSUBJ_PASS,
	D_OBJ,
	D_IOBJ,
	D_OBL,
	D_OBL_AGENT,
	D_OBL_TMOD,
	D_OBL_NPMOD,
	D_CCOMP,
	D_XCOMP,
	D_ADVCL,
	D_ACL,
	D_ACL_RELCL,
	D_CSUBJ,
	D_AUX,
	D_AUX_PASS,
	D_COP,
	D_MARK,
	D_CASE,
	D_DET,
	D_DET_PREDET,
	D_AMOD,
	D_ADVMOD,
	D_NMOD,
	D_NMOD_POSS,
	D_NMOD_TMOD,
	D_NUMMOD,
	D_APPOS,
	D_COMPOUND,
	D_COMPOUND_PRT,
	D_FLAT,
	D_FIXED,
	D_CONJ,
	D_CC,
	D_PUNCT,
	D_EXPL,
	D_PARATAXIS,
	D_DISCOURSE,
	D_VOCATIVE,
	D_DEP,
	D_COUNT
} NkgDeprel;

/* WordNet lexicographer files of nouns (lexnames(5WN)), 0 when unknown. */
enum {
	NC_NONE = 0,
	NC_TOPS = 3,
	NC_ACT,
	NC_ANIMAL,
	NC_ARTIFACT,
	NC_ATTRIBUTE,
	NC_BODY,
	NC_COGNITION,
	NC_COMMUNICATION,
	NC_EVENT,
	NC_FEELING,
	NC_FOOD,
	NC_GROUP,
	NC_LOCATION,
	NC_MOTIVE,
	NC_OBJECT,
	NC_PERSON,
	NC_PHENOMENON,
	NC_PLANT,
	NC_POSSESSION,
	NC_PROCESS,
	NC_QUANTITY,
	NC_RELATION,
	NC_SHAPE,
	NC_STATE,
	NC_SUBSTANCE,
	NC_TIME,
	NC_COUNT
};

/* Word flags. */
enum {
	W_CAP = 1 << 0,     /* starts with an upper-case letter */
	W_UPPER = 1 << 1,   /* all upper case, two letters or more */
	W_NUM = 1 << 2,     /* starts with a digit */
	W_PUNCT = 1 << 3,   /* punctuation or symbol */
	W_NOSPACE = 1 << 4, /* no space follows (CoNLL-U SpaceAfter=No) */
	W_KNOWN = 1 << 5,   /* the tagger's lexicon knows the form */
	W_NEG = 1 << 6,     /* a verb group head under negation */
	W_PASSIVE = 1 << 7, /* a verb group head in the passive */
	W_MODAL = 1 << 8,   /* a verb group head with a modal */
};

/* A token is split into words only while its sentence stays under this
 * many words; since the text stage caps a sentence at
 * NKG_MAX_SENTENCE_TOKENS tokens, a sentence has at most
 * NKG_LANG_MAX_WORDS + NKG_MAX_SENTENCE_TOKENS words (NkgChunk counts them
 * in 16 bits). */
#define NKG_LANG_MAX_WORDS 4096

/* Chunk kinds. */
typedef enum { CH_NP = 1, CH_VG, CH_PP, CH_ADJP, CH_ADVP } NkgChunkKind;

typedef struct {
	uint32_t b0, b1; /* byte offsets into the document text */
	uint32_t c0, c1; /* code-point offsets, end exclusive */
	uint32_t tok;    /* the text token this word comes from */
	uint32_t lemma;  /* offset of the lemma in NkgAnalysis.pool */
	uint32_t key;    /* offset of the folded form in NkgAnalysis.pool */
	uint16_t flags;  /* W_* */
	uint8_t xpos;    /* NkgXpos */
	uint8_t upos;    /* NkgUpos */
	uint8_t deprel;  /* NkgDeprel */
	uint8_t nclass;  /* NC_* of a noun (its phrase's, for compounds) */
	int16_t chunk;   /* index of its chunk, -1 outside any */
	int32_t head;    /* index of the head word in the sentence, -1 root */
	uint32_t prep;   /* obl/nmod: index of its case word + 1, 0 none */
	uint32_t fhash;  /* ld_hash of the form as written (the memos' key) */
} NkgWord;

typedef struct {
	uint8_t kind;    /* NkgChunkKind */
	uint16_t w0, w1; /* word range, end exclusive */
	uint16_t head;   /* head word */
} NkgChunk;

/* One analysed sentence; reused from sentence to sentence. */
typedef struct {
	NkgWord *words;
	size_t n_words, cap_words;
	NkgChunk *chunks;
	size_t n_chunks, cap_chunks;
	char *pool; /* keys and lemmas, NUL-terminated */
	size_t n_pool, cap_pool;
	void *scratch; /* the tagger's lattice and the parser's stacks */
	size_t cap_scratch;
	/* lemmas already found, by form and tag (lemma.c), and tag
	 * candidates, by form (tag.c): kept from sentence to sentence, for
	 * the data of LEMMA_LANG and TAG_LANG */
	void *lemma_memo;
	const void *lemma_lang;
	void *tag_memo;
	const void *tag_lang;
	void *compound_memo; /* WordNet classes of compounds (lemma.c) */
	const void *compound_lang;
} NkgAnalysis;

/* nkg_lang_load() and nkg_lang_free() are in newskg.h: defaults are
 * /usr/share/perl5/Lingua/EN/Tagger and /usr/share/wordnet. */

NkgAnalysis *nkg_analysis_new(void);
void nkg_analysis_free(NkgAnalysis *a);

/* Analyses sentence S of TK (over TEXT) into A, replacing what A held.
 * Returns 0, or -1 when memory ran out. */
int nkg_analyze_sentence(const NkgLang *lang, const char *text,
                         const NkgTokens *tk, const NkgSentence *s,
                         NkgAnalysis *a);

static inline const char *nkg_word_lemma(const NkgAnalysis *a, size_t i)
{
	return a->pool + a->words[i].lemma;
}
static inline const char *nkg_word_key(const NkgAnalysis *a, size_t i)
{
	return a->pool + a->words[i].key;
}

/* Names for output. */
const char *nkg_xpos_name(int x);
const char *nkg_upos_name(int u);
const char *nkg_deprel_name(int d);
const char *nkg_nclass_name(int nc); /* "person", "group" ...; NULL if none */
const char *nkg_chunk_name(int k);

/* ---- parts, for the stages and their tests ---- */

/* Splits the tokens of S into UD words (no tags yet); A's words, keys. */
int nkg_lang_segment(const char *text, const NkgTokens *tk,
                     const NkgSentence *s, NkgAnalysis *a);
/* Tags A's words (XPOS, then UPOS after parsing decides AUX). */
int nkg_lang_tag(const NkgLang *lang, const char *text, NkgAnalysis *a);
/* Fills lemmas and noun classes from the tags. */
int nkg_lang_lemmatize(const NkgLang *lang, const char *text, NkgAnalysis *a);
/* Chunks and relations from the tags and lemmas. */
int nkg_lang_parse(const NkgLang *lang, const char *text, NkgAnalysis *a);

/* Appends NUL-terminated S (LEN bytes) to A's pool; returns its offset or
 * UINT32_MAX when memory ran out. */
uint32_t nkg_lang_pool_add(NkgAnalysis *a, const char *s, size_t len);

#endif
