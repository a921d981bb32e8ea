/* SPDX-License-Identifier: MIT */
/* fmt.h: building IRIs, labels and numbers in code run for every mention
 * and statement, where snprintf() costs more than the work it does.
 *
 * nkg_cat() appends as snprintf(dst + len, size - len, "%.*s", max, s)
 * would, but returns the length actually written, never more than SIZE - 1,
 * so that calls chain without checks:
 *
 *     size_t l = nkg_cat(buf, sizeof buf, 0, base, SIZE_MAX);
 *     l = nkg_cat(buf, sizeof buf, l, "m-", SIZE_MAX);
 *     l = nkg_cat_size(buf, sizeof buf, l, begin);
 */
#ifndef NKG_FMT_H
#define NKG_FMT_H

#include <stddef.h>
#include <string.h>

/* Appends at most MAX bytes of S to DST (SIZE bytes, LEN of them used,
 * LEN < SIZE), cutting it short where DST is full; DST stays
 * NUL-terminated.  Returns the new length. */
static inline size_t nkg_cat(char *dst, size_t size, size_t len, const char *s,
                             size_t max)
{
	char *d = dst + len, *end = dst + size - 1;
	for (; max && *s && d < end; max--)
		*d++ = *s++;
	*d = '\0';
	return (size_t)(d - dst);
}

/* Appends V in decimal, as nkg_cat() does a string. */
static inline size_t nkg_cat_size(char *dst, size_t size, size_t len, size_t v)
{
	char digits[24], *p = digits + sizeof digits - 1;
	*p = '\0';
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return nkg_cat(dst, size, len, p, (size_t)-1);
}

/* Whether A and B are the same string, the first bytes compared before
 * a call: most of the words asked about differ from the first. */
static inline int nkg_streq(const char *a, const char *b)
{
	return a[0] == b[0] && (!a[0] || !strcmp(a + 1, b + 1));
}

#endif /* NKG_FMT_H */
