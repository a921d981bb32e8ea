/* SPDX-License-Identifier: MIT */
/* record.c: helpers shared by the input readers: records, buffers, dates,
 * UTF-8 checking and error reports. */
#include "input/input.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void nkg_record_clear(NkgRecord *r)
{
	if (!r)
		return;
	free(r->text);
	free(r->id);
	free(r->title);
	free(r->date);
	free(r->url);
	free(r->source);
	memset(r, 0, sizeof *r);
}

int nkg_buf_add(NkgBuf *b, const char *s, size_t n)
{
	if (b->oom)
		return -1;
	if (n >= SIZE_MAX / 2 - b->len) {
		b->oom = 1;
		return -1;
	}
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->s, cap);
		if (!p) {
			b->oom = 1;
			return -1;
		}
		b->s = p;
		b->cap = cap;
	}
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

void nkg_buf_free(NkgBuf *b)
{
	if (!b)
		return;
	free(b->s);
	memset(b, 0, sizeof *b);
}

char *nkg_input_strndup(const char *s, size_t len)
{
	char *p = malloc(len + 1);
	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

size_t nkg_input_utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t n;
		uint32_t cp, min;
		if (c >= 0xc2 && c <= 0xdf) {
			n = 2, cp = c & 0x1f, min = 0x80;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 3, cp = c & 0x0f, min = 0x800;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 4, cp = c & 0x07, min = 0x10000;
		} else {
			return i;
		}
		if (len - i < n)
			return i;
		for (size_t k = 1; k < n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += n;
	}
	return len;
}

NkgStatus nkg_input_fail(NkgError *err, NkgStatus st, const char *name,
                         long line, long offset, const char *fmt, ...)
{
	if (!err)
		return st;
	err->status = st;
	snprintf(err->file, sizeof err->file, "%s", name ? name : "");
	err->line = line;
	err->offset = offset;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	return st;
}

/* ---- dates ---- */

static int digits(const char *s, size_t len, size_t at, size_t n, int *out)
{
	int v = 0;
	if (at + n > len)
		return 0;
	for (size_t i = at; i < at + n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 1;
}

static int is_digit_at(const char *s, size_t len, size_t at)
{
	return at < len && s[at] >= '0' && s[at] <= '9';
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static const char *const months[12] = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};

/* Reads a month name (full, or its first three letters, "Sept" too) at
 * S+*AT; returns 1..12 and advances *AT past it and an optional period. */
static int month_name(const char *s, size_t len, size_t *at)
{
	size_t i = *at, n = 0;
	while (i + n < len && is_alpha(s[i + n]))
		n++;
	if (n < 3)
		return 0;
	for (int m = 0; m < 12; m++) {
		size_t k = 0;
		while (k < n && months[m][k] && lower(s[i + k]) == months[m][k])
			k++;
		if (k != n)
			continue;
		if (n == 3 || months[m][k] == '\0' || (m == 8 && n == 4)) {
			i += n;
			if (i < len && s[i] == '.')
				i++;
			*at = i;
			return m + 1;
		}
	}
	return 0;
}

static int valid_date(int y, int m, int d)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30,
	                              31, 31, 30, 31, 30, 31};
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
	while (i < len &&
	       (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* "21 Feb 2026", "Sat, 21 Feb 2026", "February 21, 2026". */
static int text_date(const char *s, size_t len, size_t i, int *y, int *m,
                     int *d)
{
	size_t j = i;
	/* an optional weekday and comma */
	while (j < len && is_alpha(s[j]))
		j++;
	if (j > i && j < len && s[j] == ',' && !month_name(s, j, &(size_t){i}))
		i = skip_spaces(s, len, j + 1);
	if (is_digit_at(s, len, i)) {
		size_t n = is_digit_at(s, len, i + 1) ? 2 : 1;
		if (!digits(s, len, i, n, d))
			return 0;
		i = skip_spaces(s, len, i + n);
		if (!(*m = month_name(s, len, &i)))
			return 0;
		i = skip_spaces(s, len, i);
		if (i < len && s[i] == ',')
			i = skip_spaces(s, len, i + 1);
		return digits(s, len, i, 4, y) && !is_digit_at(s, len, i + 4);
	}
	if (!(*m = month_name(s, len, &i)))
		return 0;
	i = skip_spaces(s, len, i);
	size_t n = is_digit_at(s, len, i + 1) ? 2 : 1;
	if (!digits(s, len, i, n, d))
		return 0;
	i += n;
	if (i + 2 <= len && is_alpha(s[i]) && is_alpha(s[i + 1]))
		i += 2; /* 21st, 2nd */
	if (i < len && s[i] == ',')
		i++;
	i = skip_spaces(s, len, i);
	return digits(s, len, i, 4, y) && !is_digit_at(s, len, i + 4);
}

char *nkg_input_date(const char *s, size_t len)
{
	if (!s)
		return NULL;
	size_t i = skip_spaces(s, len, 0);
	int y = 0, m = 0, d = 0, ok = 0;
	if (digits(s, len, i, 4, &y)) {
		char sep = i + 4 < len ? s[i + 4] : '\0';
		if ((sep == '-' || sep == '/' || sep == '.') &&
		    digits(s, len, i + 5, 2, &m) && i + 7 < len &&
		    s[i + 7] == sep && digits(s, len, i + 8, 2, &d))
			ok = !is_digit_at(s, len, i + 10);
		else if (digits(s, len, i + 4, 2, &m) &&
		         digits(s, len, i + 6, 2, &d))
			ok = !is_digit_at(s, len, i + 8);
	} else {
		ok = text_date(s, len, i, &y, &m, &d);
	}
	if (!ok || !valid_date(y, m, d))
		return NULL;
	char out[11] = {(char)('0' + y / 1000),
	                (char)('0' + y / 100 % 10),
	                (char)('0' + y / 10 % 10),
	                (char)('0' + y % 10),
	                '-',
	                (char)('0' + m / 10),
	                (char)('0' + m % 10),
	                '-',
	                (char)('0' + d / 10),
	                (char)('0' + d % 10)};
	return nkg_input_strndup(out, 10);
}
