/* SPDX-License-Identifier: MIT */
/* text.h: UTF-8 checking, tokens with code-point offsets and folded keys,
 * sentences, and date expressions. */
#ifndef NKG_TEXT_H
#define NKG_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Returns the byte offset of the first invalid UTF-8 sequence or NUL byte
 * in BUF, or LEN when all is valid. */
size_t nkg_utf8_check(const char *buf, size_t len);

enum {
	NKG_TOK_WORD = 1 << 0,    /* letters/digits */
	NKG_TOK_CAP = 1 << 1,     /* starts with an upper-case letter */
	NKG_TOK_UPPER = 1 << 2,   /* all letters upper case (2+ letters) */
	NKG_TOK_NUM = 1 << 3,     /* starts with a digit */
	NKG_TOK_PUNCT = 1 << 4,   /* punctuation */
	NKG_TOK_NL = 1 << 5,      /* a newline precedes it */
	NKG_TOK_PARA = 1 << 6,    /* a blank line precedes it */
	NKG_TOK_INITIAL = 1 << 7, /* initialism with periods, "U.S." */
	NKG_TOK_SENT_END = 1 << 8 /* ends a sentence */
};

typedef struct {
	size_t b0, b1; /* byte offsets */
	size_t c0, c1; /* code point offsets */
	char *key;     /* folded: lower case, no accents, ’ → ' */
	uint32_t hash; /* hash of key */
	unsigned flags;
} NkgToken;

/* Longest sentence in tokens; longer runs are split.  Later stages do
 * more than linear work per sentence, so this bounds the time per byte of
 * text that never ends a sentence; news stays under it (the longest
 * sentence of the VOA stories has 82 words). */
#define NKG_MAX_SENTENCE_TOKENS 128

typedef struct {
	size_t t0, t1; /* token range */
	size_t b0, b1; /* byte range */
	size_t c0, c1; /* code point range */
} NkgSentence;

typedef struct {
	NkgToken *toks;
	size_t n_toks;
	NkgSentence *sents;
	size_t n_sents;
	char *keybuf; /* storage for keys */
} NkgTokens;

/* Abbreviation test supplied by the lexicon: KEY is the folded word
 * without its period ("jan", "gen"). */
typedef int (*NkgAbbrevFn)(const void *ctx, const char *key);

/* Tokenizes TEXT (valid UTF-8) and splits sentences.  Returns 0 on
 * success, -1 when memory ran out. */
int nkg_tokenize(const char *text, size_t len, NkgAbbrevFn abbrev,
                 const void *ctx, NkgTokens *out);
void nkg_tokens_free(NkgTokens *t);

/* Folds S (LEN bytes) into a new string: lower case, accents stripped.
 * Caller frees. */
char *nkg_fold(const char *s, size_t len);

uint32_t nkg_hash(const char *s);

/* A 64-bit hash of N bytes at P in four independent lanes of eight bytes,
 * for the large blocks read at every start (the caches' sums and keys):
 * one chain of a multiplication per byte took milliseconds there. */
uint64_t nkg_hash64(const void *p, size_t n);

/* Tokenizes a lexicon label and returns its folded tokens joined by single
 * spaces, the form used as lookup key.  Caller frees. */
char *nkg_phrase_key(const char *label, size_t *n_tokens);

#endif
