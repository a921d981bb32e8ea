/* SPDX-License-Identifier: MIT */
/* diagram-text.c: NkgStr and the escaping of diagram texts.
 *
 * Takes our strings; gives graphviz escStrings, IRIs fit for a URL
 * attribute and XML text.
 *
 * escStrings (labels, tooltips, URLs): a backslash starts an escape (\n,
 * \N, \G, ...) so it is doubled, and "&name;" is an HTML entity, so an
 * '&' that would start one becomes "&amp;".  Double quotes are left alone:
 * agwrite() escapes them itself, and a pre-escaped \" would come out as
 * \\" which ends the string early when the DOT is read back.  Control
 * characters are dropped (white space becomes one space), invalid UTF-8
 * becomes U+FFFD.  graphviz 2.43 also expands \N etc. in tooltips after
 * undoing \\, so there a backslash before one of GNEHTL is written as
 * four backslashes.  IRIs (node names, URLs) get the characters IRIs may
 * not contain percent-encoded, as graphviz writes URLs into SVG
 * unescaped.
 */
#include "emit/diagram-text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void nkg_str_add(NkgStr *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->n + n + 1)
			cap *= 2;
		char *p = realloc(b->s, cap);
		if (!p) {
			b->oom = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

void nkg_str_cat(NkgStr *b, const char *s)
{
	nkg_str_add(b, s, strlen(s));
}

void nkg_str_clear(NkgStr *b)
{
	b->n = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* Returns the length of the valid UTF-8 sequence at S (N bytes left) and
 * its code point in *CP, or 0 when the sequence is invalid. */
size_t nkg_utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0], lo = 0x80, hi = 0xBF;
	size_t len;
	uint32_t v;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0F;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		unsigned d = s[i];
		if (d < (i == 1 ? lo : 0x80) || d > (i == 1 ? hi : 0xBF))
			return 0;
		v = (v << 6) | (d & 0x3F);
	}
	*cp = v;
	return len;
}

static int is_space_cp(uint32_t cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 ||
	       cp == 0x2028 || cp == 0x2029;
}

static int is_control_cp(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* Whether the '&' at S[I] starts something graphviz reads as an entity. */
static int entity_at(const char *s, size_t i)
{
	size_t j = i + 1;
	while ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
	       (s[j] >= '0' && s[j] <= '9') || s[j] == '#')
		j++;
	return j > i + 1 && s[j] == ';';
}

/* Appends S (NULL = "") to B escaped for a graphviz escString attribute
 * (see the top of the file), keeping at most MAX code points (0 = all)
 * and adding "…" when it cut.  TOOLTIP selects tooltip escaping. */
void nkg_str_esc(NkgStr *b, const char *s, size_t max, int tooltip)
{
	if (!s)
		return;
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, count = 0;
	int space = 0;
	while (i < n) {
		uint32_t cp;
		size_t len = nkg_utf8_next(p + i, n - i, &cp);
		const char *raw = s + i;
		size_t rawlen = len;
		if (!len) {
			cp = 0xFFFD;
			raw = "\xEF\xBF\xBD";
			rawlen = 3;
			len = 1;
		}
		if (is_space_cp(cp)) {
			space = count > 0;
			i += len;
			continue;
		}
		if (is_control_cp(cp)) {
			i += len;
			continue;
		}
		if (max && count + space >= max) {
			nkg_str_cat(b, "\xE2\x80\xA6"); /* … */
			return;
		}
		if (space) {
			nkg_str_add(b, " ", 1);
			count++;
			space = 0;
		}
		if (cp == '\\') {
			if (tooltip && i + 1 < n && strchr("GNEHTL", s[i + 1]))
				nkg_str_cat(b, "\\\\\\\\");
			else
				nkg_str_cat(b, "\\\\");
		} else if (cp == '&' && entity_at(s, i)) {
			nkg_str_cat(b, "&amp;");
		} else {
			nkg_str_add(b, raw, rawlen);
		}
		count++;
		i += len;
	}
}

/* Appends IRI to B with the characters an IRI may not contain (blanks,
 * controls, "<>\\^`{|} and invalid UTF-8) percent-encoded: valid IRIs pass
 * unchanged.  With ATTR, '&' becomes "&amp;", because graphviz 2.43 writes
 * URLs into SVG without escaping them. */
void nkg_str_iri(NkgStr *b, const char *iri, int attr)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)(iri ? iri : "");
	size_t n = strlen((const char *)p);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = nkg_utf8_next(p + i, n - i, &cp);
		if (len > 1) {
			nkg_str_add(b, (const char *)p + i, len);
			i += len;
			continue;
		}
		unsigned c = p[i++];
		if (c <= 0x20 || c >= 0x7F || strchr("\"<>\\^`{|}", (int)c)) {
			char pct[3] = {'%', hex[c >> 4], hex[c & 15]};
			nkg_str_add(b, pct, 3);
		} else if (c == '&' && attr) {
			nkg_str_cat(b, "&amp;");
		} else {
			nkg_str_add(b, (const char *)&p[i - 1], 1);
		}
	}
}

const char *nkg_local_name(const char *iri)
{
	if (!iri)
		return "";
	const char *h = strrchr(iri, '#');
	const char *s = strrchr(iri, '/');
	if (s > h)
		h = s;
	return h ? h + 1 : iri;
}

int nkg_ascii_casecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int x = (unsigned char)*a, y = (unsigned char)*b;
		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y || !x)
			return x - y;
	}
}

void nkg_str_fmt(NkgStr *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = 1;
		return;
	}
	if ((size_t)n < sizeof small) {
		nkg_str_add(b, small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);
	if (!big) {
		b->oom = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	nkg_str_add(b, big, (size_t)n);
	free(big);
}

void nkg_str_xml(NkgStr *b, const char *s, size_t max)
{
	if (!s)
		return;
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, count = 0;
	int space = 0;
	while (i < n) {
		uint32_t cp;
		size_t len = nkg_utf8_next(p + i, n - i, &cp);
		const char *raw = s + i;
		size_t rawlen = len;
		if (!len) {
			cp = 0xFFFD;
			raw = "\xEF\xBF\xBD";
			rawlen = 3;
			len = 1;
		}
		i += len;
		if (is_space_cp(cp)) {
			space = count > 0;
			continue;
		}
		/* Also the non-characters XML 1.0 forbids. */
		if (is_control_cp(cp) || cp == 0xFFFE || cp == 0xFFFF)
			continue;
		if (max && count + space >= max) {
			nkg_str_cat(b, "\xE2\x80\xA6"); /* … */
			return;
		}
		if (space) {
			nkg_str_add(b, " ", 1);
			count++;
			space = 0;
		}
		switch (cp) {
		case '&':
			nkg_str_cat(b, "&amp;");
			break;
		case '<':
			nkg_str_cat(b, "&lt;");
			break;
		case '>':
			nkg_str_cat(b, "&gt;");
			break;
		case '"':
			nkg_str_cat(b, "&quot;");
			break;
		default:
			nkg_str_add(b, raw, rawlen);
		}
		count++;
	}
}

NkgStatus nkg_diagram_fail(NkgError *err, NkgStatus st, const char *fmt,
                           const char *arg)
{
	if (err) {
		err->status = st;
		err->file[0] = '\0';
		err->line = 0;
		err->offset = -1;
		snprintf(err->message, sizeof err->message, fmt, arg);
	}
	return st;
}
