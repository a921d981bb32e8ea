/* SPDX-License-Identifier: MIT */
/* langdata.h: the compiled language data, one flat block of memory.
 *
 * The block is what nkg_lang_load() builds from the Debian packages and
 * what it writes to (and maps from) the cache: a header of section
 * offsets, then the sections.  Nothing in it is a pointer, so the file is
 * used as it lies in memory.  Lookups go through read-only hash tables
 * (LdTable) of NUL-terminated keys in the string pool to 32-bit values.
 */
#ifndef NKG_LANGDATA_H
#define NKG_LANGDATA_H

#include "language/language.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Sections of the block. */
enum {
	LD_POOL,     /* strings, offset 0 is the empty string */
	LD_TRANS,    /* float[X_COUNT][X_COUNT]: log P(tag | previous tag) */
	LD_TAGPRIOR, /* float[X_COUNT]: log P(tag) */
	LD_LEX,      /* table: word form -> offset of a tag list in LD_LISTS */
	LD_SUFFIX, /* table: case class + suffix -> tag list (unknown words) */
	LD_LISTS,  /* tag lists: u32 n, then n x {u32 tag, float log P(w|t)} */
	LD_WN,     /* table: lemma ("coast_guard") -> WN_* bits | class << 8 */
	LD_EXC, /* table: "n:feet", "v:went", "a:better", "r:best" -> base (pool
	           offset) */
	LD_NSECT
};

/* LD_WN value bits. */
enum { WN_NOUN = 1, WN_VERB = 2, WN_ADJ = 4, WN_ADV = 8 };
#define WN_CLASS(v) (((v) >> 8) & 0xff)

typedef struct {
	uint32_t off;  /* byte offset of the slots in the block */
	uint32_t mask; /* slots - 1 (slots a power of two), 0: empty table */
} LdTable;

typedef struct {
	uint32_t key; /* pool offset of the key; 0 = empty slot */
	uint32_t val;
	uint32_t hash; /* ld_hash of the key: most probes end here */
} LdSlot;

struct NkgLangImpl {
	const unsigned char *base; /* the block */
	size_t size;
	void *owned; /* malloc'd block, or NULL */
	void *map;   /* mmap'd block, or NULL */
	size_t map_len;
	uint32_t sec_off[LD_NSECT], sec_len[LD_NSECT];
	LdTable lex, suffix, wn, exc;
	const float *trans, *prior;
	const char *pool;
	uint32_t pool_len;
	/* one byte per slot of each table (lex, suffix, wn, exc): 0 for a
	 * free slot, else a tag from its hash, so that most lookups of a
	 * word the table lacks read this small array, not the slots; in
	 * the block, after the tables */
	const uint8_t *fp[4];
};

/* Looks KEY up in T; returns 1 and sets *val when found. */
int ld_get(const NkgLang *l, LdTable t, const char *key, uint32_t *val);

/* The tag list at OFF in LD_LISTS: *N pairs of {u32 tag, float score}
 * (read them with memcpy: the block is not aligned for floats). */
static inline const void *ld_list(const NkgLang *l, uint32_t off, uint32_t *n)
{
	const unsigned char *p = l->base + l->sec_off[LD_LISTS] + off;
	uint32_t len = l->sec_len[LD_LISTS];
	*n = 0;
	/* a damaged block yields an empty list, never a read outside it */
	if (off >= len || len - off < 4)
		return p;
	memcpy(n, p, 4);
	if (*n > (len - off - 4) / 8)
		*n = 0;
	return p + 4;
}
uint32_t ld_hash(const char *s, size_t n);
/* The memo tables of an analysis (tag candidates, lemmas, compounds):
 * *TABLE holds SLOTS (a power of two) entries of SIZE bytes for the data
 * *LANG, made zeroed when missing or made for other data than L.  Returns
 * the entry for KEY (N bytes) with EXTRA mixed in, and in *HASH its hash
 * (never 0, so that 0 marks a free entry); NULL when memory ran out. */
void *ld_memo_slot(void **table, const void **lang, const NkgLang *l,
                   size_t slots, size_t size, const char *key, size_t n,
                   uint32_t extra, uint32_t *hash);
/* The same, with KEY's ld_hash() already made (NkgWord.fhash). */
void *ld_memo_slot_hashed(void **table, const void **lang, const NkgLang *l,
                          size_t slots, size_t size, uint32_t key_hash,
                          uint32_t extra, uint32_t *hash);
/* Frees a memo table of ld_memo_slot() (NULL: nothing). */
void ld_memo_free(void *table);

/* ---- building ---- */

typedef struct LdBuilder LdBuilder;

LdBuilder *ld_builder_new(void);
void ld_builder_free(LdBuilder *b);
/* Interns S in the pool; returns its offset (0 for ""), UINT32_MAX on
 * failure. */
uint32_t ld_intern(LdBuilder *b, const char *s);
/* Sets KEY -> VAL in table SECT (LD_LEX, LD_SUFFIX, LD_WN, LD_EXC),
 * replacing an earlier value.  Returns 0 or -1. */
int ld_put(LdBuilder *b, int sect, const char *key, uint32_t val);
/* Looks up what was put so far. */
int ld_peek(LdBuilder *b, int sect, const char *key, uint32_t *val);
/* Appends raw bytes to section SECT (LD_TRANS, LD_TAGPRIOR, LD_LISTS);
 * returns the offset within the section. */
uint32_t ld_append(LdBuilder *b, int sect, const void *p, size_t n);
/* Lays out the block; *block is malloc'd, the caller frees it. */
int ld_finish(LdBuilder *b, uint64_t key, unsigned char **block, size_t *len);

/* Readers of the installed data (tagger.c, wordnet.c); each returns 0 or
 * fills ERR naming the missing file and its package. */
int ld_read_tagger(LdBuilder *b, const char *dir, NkgError *err);
int ld_read_wordnet(LdBuilder *b, const char *dir, NkgError *err);

/* Sets up L's pointers over a block of LEN bytes; -1 if it is not a
 * well-formed block of this layout and KEY.  TRUSTED (a block just built,
 * or a file whose stamp matched) spares the sum of the whole block and
 * the scan of every table slot; the header and offsets are checked all
 * the same. */
int ld_open(NkgLang *l, const unsigned char *block, size_t len, uint64_t key,
            int trusted);

#endif
