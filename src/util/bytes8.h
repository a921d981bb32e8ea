/* SPDX-License-Identifier: MIT */
/* bytes8.h: tests on eight bytes at once, for the scanners that pass over
 * runs of plain bytes (UTF-8 check, document text, JSON strings, N-Quads
 * literals) and look at single bytes only where one needs it.
 *
 * Each test is non-zero when at least one byte of W is so; which byte is
 * not told (a byte after the first hit may show as one too). */
#ifndef NKG_BYTES8_H
#define NKG_BYTES8_H

#include <stdint.h>
#include <string.h>

#define NKG_ONES8 0x0101010101010101ull
#define NKG_HIGH8 0x8080808080808080ull

/* The eight bytes at P, in any alignment. */
static inline uint64_t nkg_load8(const void *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return w;
}

/* Some byte is below N (N at most 0x80). */
static inline uint64_t nkg_below8(uint64_t w, unsigned char n)
{
	return (w - NKG_ONES8 * n) & ~w & NKG_HIGH8;
}

/* Some byte is C. */
static inline uint64_t nkg_has8(uint64_t w, unsigned char c)
{
	return nkg_below8(w ^ (NKG_ONES8 * c), 1);
}

/* Some byte is not ASCII. */
static inline uint64_t nkg_high8(uint64_t w)
{
	return w & NKG_HIGH8;
}

#endif
