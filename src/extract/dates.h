/* SPDX-License-Identifier: MIT */
/* dates.h: date expressions resolved against the publication date. */
#ifndef NKG_DATES_H
#define NKG_DATES_H

#include "lexicon/lexicon.h"
#include "text/text.h"

typedef struct {
	int y, m, d; /* m == 0: a year; d == 0: a month */
} NkgYmd;

typedef struct {
	size_t t0, t1; /* tokens */
	NkgYmd v;
	int since; /* "since ..." : a start date */
	int explicit_year;
} NkgDateExpr;

/* Parses "YYYY-MM-DD" (or a longer ISO string); 0 on success. */
int nkg_ymd_parse(const char *s, NkgYmd *out);

/* Formats V into BUF (at least 16 bytes); *type is "date", "gYearMonth"
 * or "gYear". */
void nkg_ymd_format(NkgYmd v, char *buf, const char **type);

/* Finds date expressions in tokens [t0, t1); PUB (y == 0 when unknown)
 * anchors partial dates.  Returns how many were stored in OUT (at most
 * MAX). */
size_t nkg_find_dates(const NkgLexicon *lex, const NkgTokens *tk, size_t t0,
                      size_t t1, NkgYmd pub, NkgDateExpr *out, size_t max);

/* The same, with the lexicon's entries of single token I given by
 * SLOT(CTX, I) (as the extractor has them at hand already). */
typedef const LexSlot *(*NkgTokenSlotFn)(const void *ctx, size_t i);
size_t nkg_find_dates_with(const NkgLexicon *lex, const NkgTokens *tk,
                           size_t t0, size_t t1, NkgYmd pub, NkgDateExpr *out,
                           size_t max, NkgTokenSlotFn slot, const void *ctx);

#endif
