/* SPDX-License-Identifier: MIT */
/* flat.c: the common JSON Lines record, an object of string members only,
 * read without building a jansson tree.
 *
 * A news record is a handful of strings, one of them long; jansson spends
 * most of its time on it copying the text twice and hashing every member.
 * Here the line is checked in one pass, remembering where the members we
 * use lie, and only those are decoded, once.  Whatever this reader is not
 * sure to read exactly as jansson would (a value that is not a string, an
 * escaped member name, \u0000, a lone surrogate, invalid UTF-8, a control
 * character, more than MAX_MEMBERS members, any syntax error) makes it
 * give up, and the caller parses the line with jansson, which gives the
 * record or the message.  So this file never reports an error.
 */
#include "input/input.h"
#include "util/bytes8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* More members may take jansson beyond its memory budget (json.c) where a
 * few never do; such lines are left to it. */
#define MAX_MEMBERS 32

enum { F_TEXT, F_ID, F_TITLE, F_URL, F_DATE, F_SOURCE, N_FIELDS };

typedef struct {
	size_t at, len; /* the raw string between its quotes */
	int esc;        /* it holds an escape */
	int set;
} Span;

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The four hex digits at S (at least four bytes), or -1. */
static long hex_quad(const char *s)
{
	long v = 0;
	for (int k = 0; k < 4; k++) {
		int d = hex_digit(s[k]);
		if (d < 0)
			return -1;
		v = v << 4 | d;
	}
	return v;
}

/* Checks the string whose opening quote is at *I, leaving *I after its
 * closing quote and *SP on its contents.  0, or -1 when it needs jansson. */
static int scan_string(const char *s, size_t n, size_t *i, Span *sp)
{
	size_t p = *i + 1;
	sp->at = p;
	sp->esc = 0;
	for (;;) {
		/* the plain run first: the bulk of a news text, eight bytes
		 * at a time while none is a control, '"', '\\' or non-ASCII */
		while (p + 8 <= n) {
			uint64_t w = nkg_load8(s + p);
			if (nkg_below8(w, 0x20) | nkg_has8(w, '"') |
			    nkg_has8(w, '\\') | nkg_high8(w))
				break;
			p += 8;
		}
		while (p < n) {
			unsigned char c = (unsigned char)s[p];
			if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80)
				break;
			p++;
		}
		if (p >= n)
			return -1;
		unsigned char c = (unsigned char)s[p];
		if (c == '"')
			break;
		if (c < 0x20)
			return -1;
		if (c >= 0x80) {
			size_t q = p;
			while (q < n && (unsigned char)s[q] >= 0x80)
				q++;
			if (nkg_input_utf8_valid(s + p, q - p) != q - p)
				return -1;
			p = q;
			continue;
		}
		/* an escape */
		sp->esc = 1;
		if (p + 1 >= n)
			return -1;
		switch (s[p + 1]) {
		case '"':
		case '\\':
		case '/':
		case 'b':
		case 'f':
		case 'n':
		case 'r':
		case 't':
			p += 2;
			continue;
		case 'u':
			break;
		default:
			return -1;
		}
		if (n - p < 6)
			return -1;
		long cp = hex_quad(s + p + 2);
		if (cp <= 0 || (cp >= 0xdc00 && cp <= 0xdfff))
			return -1;
		if (cp >= 0xd800 && cp <= 0xdbff) {
			if (n - p < 12 || s[p + 6] != '\\' || s[p + 7] != 'u')
				return -1;
			long lo = hex_quad(s + p + 8);
			if (lo < 0xdc00 || lo > 0xdfff)
				return -1;
			p += 12;
		} else {
			p += 6;
		}
	}
	sp->len = p - sp->at;
	*i = p + 1;
	return 0;
}

static char *put_utf8(char *o, unsigned long cp)
{
	if (cp < 0x80) {
		*o++ = (char)cp;
	} else if (cp < 0x800) {
		*o++ = (char)(0xc0 | cp >> 6);
		*o++ = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		*o++ = (char)(0xe0 | cp >> 12);
		*o++ = (char)(0x80 | (cp >> 6 & 0x3f));
		*o++ = (char)(0x80 | (cp & 0x3f));
	} else {
		*o++ = (char)(0xf0 | cp >> 18);
		*o++ = (char)(0x80 | (cp >> 12 & 0x3f));
		*o++ = (char)(0x80 | (cp >> 6 & 0x3f));
		*o++ = (char)(0x80 | (cp & 0x3f));
	}
	return o;
}

/* Returns a new copy of the string SP of S, its escapes decoded (they were
 * checked by scan_string), with its length in *LEN (may be NULL); NULL
 * when memory runs out.  Decoding never lengthens a string. */
static char *decode(const char *s, const Span *sp, size_t *len)
{
	char *out = malloc(sp->len + 1);
	if (!out)
		return NULL;
	const char *p = s + sp->at, *end = p + sp->len;
	char *o = out;
	if (!sp->esc) {
		memcpy(o, p, sp->len);
		o += sp->len;
	}
	while (sp->esc && p < end) {
		const char *bs = memchr(p, '\\', (size_t)(end - p));
		size_t run = bs ? (size_t)(bs - p) : (size_t)(end - p);
		memcpy(o, p, run);
		o += run;
		p += run;
		if (!bs)
			break;
		char e = p[1];
		p += 2;
		switch (e) {
		case 'b':
			*o++ = '\b';
			continue;
		case 'f':
			*o++ = '\f';
			continue;
		case 'n':
			*o++ = '\n';
			continue;
		case 'r':
			*o++ = '\r';
			continue;
		case 't':
			*o++ = '\t';
			continue;
		case 'u':
			break;
		default: /* " \ / */
			*o++ = e;
			continue;
		}
		unsigned long cp = (unsigned long)hex_quad(p);
		p += 4;
		if (cp >= 0xd800 && cp <= 0xdbff) {
			unsigned long lo = (unsigned long)hex_quad(p + 2);
			p += 6;
			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
		}
		o = put_utf8(o, cp);
	}
	*o = '\0';
	if (len)
		*len = (size_t)(o - out);
	return out;
}

/* Which of our members the name SP of S is, or -1. */
static int field_of(const char *s, const Span *sp)
{
	static const char *const names[N_FIELDS] = {
	        [F_TEXT] = "text", [F_ID] = "id",     [F_TITLE] = "title",
	        [F_URL] = "url",   [F_DATE] = "date", [F_SOURCE] = "source",
	};
	if (sp->len < 2 || sp->len > 6)
		return -1;
	for (int f = 0; f < N_FIELDS; f++)
		if (s[sp->at] == names[f][0] && strlen(names[f]) == sp->len &&
		    !memcmp(s + sp->at, names[f], sp->len))
			return f;
	return -1;
}

/* Skips the white space at *I. */
static void skip_ws(const char *s, size_t n, size_t *i)
{
	while (*i < n && is_ws(s[*i]))
		(*i)++;
}

/* Past white space, takes byte C when it comes next; 1 when taken. */
static int take(const char *s, size_t n, size_t *i, char c)
{
	skip_ws(s, n, i);
	if (*i < n && s[*i] == c) {
		(*i)++;
		return 1;
	}
	return 0;
}

/* Finds the members of the object S (N bytes), the last of each name.
 * 0, or -1 when the line needs jansson. */
static int scan_object(const char *s, size_t n, Span *fields)
{
	size_t i = 0, members = 0;
	if (!take(s, n, &i, '{'))
		return -1;
	if (!take(s, n, &i, '}')) {
		for (;;) {
			Span name, value;
			skip_ws(s, n, &i);
			if (++members > MAX_MEMBERS || i >= n || s[i] != '"' ||
			    scan_string(s, n, &i, &name) || name.esc)
				return -1;
			if (!take(s, n, &i, ':'))
				return -1;
			skip_ws(s, n, &i);
			if (i >= n || s[i] != '"' ||
			    scan_string(s, n, &i, &value))
				return -1;
			int f = field_of(s, &name);
			if (f >= 0) {
				fields[f] = value;
				fields[f].set = 1;
			}
			if (take(s, n, &i, ','))
				continue;
			if (take(s, n, &i, '}'))
				break;
			return -1;
		}
	}
	skip_ws(s, n, &i);
	return i == n ? 0 : -1;
}

int nkg_jsonl_flat(const char *s, size_t n, NkgRecord *out)
{
	Span fields[N_FIELDS] = {{0}};
	if (scan_object(s, n, fields) || !fields[F_TEXT].set)
		return 0;
	char **to[N_FIELDS] = {
	        [F_TEXT] = &out->text,   [F_ID] = &out->id,
	        [F_TITLE] = &out->title, [F_URL] = &out->url,
	        [F_DATE] = &out->date,   [F_SOURCE] = &out->source,
	};
	for (int f = 0; f < N_FIELDS; f++) {
		/* an empty publisher is no publisher */
		if (!fields[f].set || (f == F_SOURCE && !fields[f].len))
			continue;
		if (!(*to[f] = decode(s, &fields[f],
		                      f == F_TEXT ? &out->len : NULL))) {
			nkg_record_clear(out);
			return 0;
		}
	}
	if (out->date) {
		char *raw = out->date;
		out->date = nkg_input_date(raw, strlen(raw));
		free(raw);
	}
	return 1;
}
