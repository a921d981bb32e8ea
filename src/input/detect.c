/* SPDX-License-Identifier: MIT */
/* detect.c: guesses the input format from the file name, then from the
 * first bytes of the content. */
#include "input/input.h"

#include <string.h>

/* How far into the content the sniffer looks. */
#define SNIFF_BYTES 8192

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int has_prefix_ci(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	if (len < n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (lower(s[i]) != lower(prefix[i]))
			return 0;
	return 1;
}

static int contains(const char *s, size_t len, const char *needle, int ci)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++) {
		size_t k = 0;
		while (k < n && (ci ? lower(s[i + k]) == lower(needle[k])
		                    : s[i + k] == needle[k]))
			k++;
		if (k == n)
			return 1;
	}
	return 0;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
	       c == ':';
}

/* Returns the format for the extension of FILENAME, NKG_INPUT_AUTO for
 * ".xml" (NITF or NewsML-G2), or -1. */
static int by_extension(const char *filename)
{
	static const struct {
		const char *ext;
		NkgInputFormat fmt;
	} exts[] = {
	        {".html", NKG_INPUT_HTML},   {".htm", NKG_INPUT_HTML},
	        {".xhtml", NKG_INPUT_HTML},  {".nitf", NKG_INPUT_NITF},
	        {".jsonl", NKG_INPUT_JSONL}, {".ndjson", NKG_INPUT_JSONL},
	        {".txt", NKG_INPUT_TEXT},    {".xml", NKG_INPUT_AUTO},
	};
	if (!filename)
		return -1;
	const char *dot = strrchr(filename, '.');
	const char *slash = strrchr(filename, '/');
	if (!dot || (slash && dot < slash))
		return -1;
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
		if (strlen(dot) == strlen(exts[i].ext) &&
		    has_prefix_ci(dot, strlen(dot), exts[i].ext))
			return exts[i].fmt;
	return -1;
}

/* Returns the format named by the first element of markup S, or -1. */
static int by_root(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		while (i < len && is_space(s[i]))
			i++;
		if (i >= len || s[i] != '<')
			return -1;
		if (has_prefix_ci(s + i, len - i, "<!doctype")) {
			size_t j = i + 9;
			while (j < len && is_space(s[j]))
				j++;
			if (has_prefix_ci(s + j, len - j, "html"))
				return NKG_INPUT_HTML;
			if (has_prefix_ci(s + j, len - j, "nitf"))
				return NKG_INPUT_NITF;
		}
		if (has_prefix_ci(s + i, len - i, "<!--")) {
			const char *end = NULL;
			for (size_t j = i + 4; j + 3 <= len; j++)
				if (!memcmp(s + j, "-->", 3)) {
					end = s + j + 3;
					break;
				}
			if (!end)
				return -1;
			i = (size_t)(end - s);
			continue;
		}
		if (i + 1 < len && (s[i + 1] == '?' || s[i + 1] == '!')) {
			/* declaration or processing instruction; a DOCTYPE
			 * with an internal subset ends at "]>" */
			size_t j = i + 2;
			int depth = 0;
			while (j < len && (s[j] != '>' || depth > 0)) {
				depth += s[j] == '[';
				depth -= s[j] == ']';
				j++;
			}
			i = j + 1;
			continue;
		}
		size_t j = i + 1, colon = 0;
		while (j < len && is_name_char(s[j])) {
			if (s[j] == ':')
				colon = j + 1 - (i + 1);
			j++;
		}
		const char *name = s + i + 1 + colon;
		size_t n = j - (i + 1) - colon;
		if (n == 4 && has_prefix_ci(name, n, "html"))
			return NKG_INPUT_HTML;
		if (n == 4 && !memcmp(name, "nitf", 4))
			return NKG_INPUT_NITF;
		if ((n == 8 && !memcmp(name, "newsItem", 8)) ||
		    (n == 11 && !memcmp(name, "newsMessage", 11)))
			return NKG_INPUT_NEWSML;
		return -1;
	}
	return -1;
}

/* XML says the file is XML (named .xml): NITF unless it looks like
 * NewsML-G2 or XHTML. */
static NkgInputFormat by_content(const char *buf, size_t len, int xml)
{
	size_t i = 0;
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < len && is_space(buf[i]))
		i++;
	const char *s = buf + i;
	size_t n = len - i < SNIFF_BYTES ? len - i : SNIFF_BYTES;
	if (!xml && n && s[0] == '{')
		return NKG_INPUT_JSONL;
	if (!xml && (!n || s[0] != '<'))
		return NKG_INPUT_TEXT;
	int root = by_root(s, n);
	if (root >= 0)
		return (NkgInputFormat)root;
	/* the root was not recognised: look for telltale names */
	if (contains(s, n, "http://iptc.org/std/nar/2006-10-01/", 0) ||
	    contains(s, n, "<newsItem", 0))
		return NKG_INPUT_NEWSML;
	if (xml || contains(s, n, "<nitf", 0))
		return NKG_INPUT_NITF;
	if (contains(s, n, "<!doctype html", 1) || contains(s, n, "<html", 1) ||
	    contains(s, n, "<body", 1))
		return NKG_INPUT_HTML;
	/* an XML declaration with an unknown root: try NITF, whose reader
	 * says clearly what it expected */
	if (has_prefix_ci(s, n, "<?xml"))
		return NKG_INPUT_NITF;
	/* a fragment of markup such as "<p>..." */
	if (n > 1 &&
	    ((s[1] >= 'a' && s[1] <= 'z') || (s[1] >= 'A' && s[1] <= 'Z')))
		return NKG_INPUT_HTML;
	return NKG_INPUT_TEXT;
}

NkgInputFormat nkg_input_detect(const char *buf, size_t len,
                                const char *filename)
{
	int fmt = by_extension(filename);
	if (fmt > 0)
		return (NkgInputFormat)fmt;
	if (!buf)
		return fmt == NKG_INPUT_AUTO ? NKG_INPUT_NITF : NKG_INPUT_TEXT;
	return by_content(buf, len, fmt == NKG_INPUT_AUTO);
}
