/* SPDX-License-Identifier: MIT */
/* test_jsonl_flat.c: the flat JSON Lines reader gives what jansson gives,
 * or leaves the line to it.  Listed lines say which way each must go;
 * generated lines (escapes, surrogates, bad bytes, odd white space,
 * repeated and foreign members) are read both ways and compared. */
#include "check.h"

#include "input/input.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* String member KEY of OBJ copied to *OUT as nkg_jsonl_next() takes it:
 * 0, or -1 when the record is refused. */
static int ref_member(const NkgJson *obj, const char *key, int required,
                      int number_ok, char **out, size_t *len)
{
	const NkgJson *v = nkg_json_get(obj, key);
	NkgJsonType t = v ? nkg_json_type(v) : NKG_JSON_NULL;
	size_t n = 0;
	const char *s;
	if (t == NKG_JSON_NULL)
		return required ? -1 : 0;
	if (t != NKG_JSON_STRING && !(number_ok && t == NKG_JSON_NUMBER))
		return -1;
	if ((s = nkg_json_string(v, &n)) && memchr(s, '\0', n))
		return -1;
	*out = nkg_json_text(v, len);
	return *out ? 0 : -1;
}

/* The record jansson gives for S: 1, or 0 when it refuses the line. */
static int ref_record(const char *s, size_t n, NkgRecord *r)
{
	NkgJson *obj = NULL;
	memset(r, 0, sizeof *r);
	if (nkg_json_parse(s, n, &obj, NULL, NULL, 0))
		return 0;
	char *date = NULL;
	int ok = nkg_json_type(obj) == NKG_JSON_OBJECT &&
	         !ref_member(obj, "text", 1, 0, &r->text, &r->len) &&
	         !ref_member(obj, "id", 0, 1, &r->id, NULL) &&
	         !ref_member(obj, "title", 0, 0, &r->title, NULL) &&
	         !ref_member(obj, "url", 0, 0, &r->url, NULL) &&
	         !ref_member(obj, "date", 0, 0, &date, NULL);
	const NkgJson *src = nkg_json_get(obj, "source");
	if (src && nkg_json_type(src) == NKG_JSON_OBJECT)
		src = nkg_json_get(src, "name");
	size_t sl = 0;
	const char *sv = src ? nkg_json_string(src, &sl) : NULL;
	if (ok && sv && sl && !memchr(sv, '\0', sl))
		r->source = nkg_json_text(src, NULL);
	if (date)
		r->date = nkg_input_date(date, strlen(date));
	free(date);
	nkg_json_free(obj);
	if (!ok)
		nkg_record_clear(r);
	return ok;
}

static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static long compared, flat_read;

/* Reads S both ways; returns what the flat reader did (1: read it). */
static int both_ways(const char *s, size_t n)
{
	NkgRecord f = {0}, j;
	int got = nkg_jsonl_flat(s, n, &f);
	int ref = ref_record(s, n, &j);
	compared++;
	if (got) {
		flat_read++;
		int same = ref && f.len == j.len &&
		           !memcmp(f.text, j.text, f.len + 1) &&
		           same_str(f.id, j.id) && same_str(f.title, j.title) &&
		           same_str(f.url, j.url) && same_str(f.date, j.date) &&
		           same_str(f.source, j.source);
		if (!same) {
			fprintf(stderr,
			        "flat reader differs from jansson on: "
			        "%.*s\n",
			        (int)n, s);
			failures++;
		}
	} else {
		CHECK(!f.text && !f.id && !f.title && !f.url && !f.date &&
		      !f.source);
	}
	nkg_record_clear(&f);
	nkg_record_clear(&j);
	return got;
}

static void test_listed(void)
{
	static const struct {
		const char *line;
		int flat; /* read by the flat reader */
	} cases[] = {
	        {"{\"text\": \"plain\"}", 1},
	        {" \t{\"text\":\"a\",\"id\":\"x\"}\r ", 1},
	        {"{\"text\": \"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\/\"}", 1},
	        {"{\"text\": \"\\b\\f\\n\\r\\t\\\\\"}", 1},
	        {"{\"text\": \"caf\xc3\xa9 \xf0\x9f\x98\x80\"}", 1},
	        {"{\"text\": \"a\", \"text\": \"b\"}", 1},
	        {"{\"id\": \"1\", \"text\": \"t\", \"other\": \"o\"}", 1},
	        {"{\"text\": \"t\", \"date\": \"21 Feb 2026\"}", 1},
	        {"{\"text\": \"t\", \"date\": \"soon\"}", 1},
	        {"{\"text\": \"t\", \"source\": \"\"}", 1},
	        {"{\"text\": \"t\", \"source\": \"VOA\"}", 1},
	        {"{\"text\": \"\"}", 1},
	        {"{\"text\": \"\\uFFFF\\u0800\\u07ff\\u0080\\u001f\"}", 1},
	        /* left to jansson */
	        {"{}", 0},
	        {"{\"title\": \"no text\"}", 0},
	        {"{\"text\": 5}", 0},
	        {"{\"text\": \"t\", \"id\": 7}", 0},
	        {"{\"text\": \"t\", \"url\": null}", 0},
	        {"{\"text\": \"t\", \"source\": {\"name\": \"VOA\"}}", 0},
	        {"{\"t\\u0065xt\": \"t\"}", 0},
	        {"{\"text\": \"nul \\u0000\"}", 0},
	        {"{\"text\": \"lone \\ud83d\"}", 0},
	        {"{\"text\": \"lone \\ude00\"}", 0},
	        {"{\"text\": \"pair? \\ud83d\\u0041\"}", 0},
	        {"{\"text\": \"\\u12\"}", 0},
	        {"{\"text\": \"\\x41\"}", 0},
	        {"{\"text\": \"bad \xff\"}", 0},
	        {"{\"text\": \"overlong \xc0\xaf\"}", 0},
	        {"{\"text\": \"surrogate \xed\xa0\x80\"}", 0},
	        {"{\"text\": \"cut \xe2\x82\"}", 0},
	        {"{\"text\": \"tab\there\"}", 0},
	        {"{\"text\": \"t\"} x", 0},
	        {"{\"text\": \"t\",}", 0},
	        {"{\"text\": \"t\"", 0},
	        {"{\"text\" \"t\"}", 0},
	        {"\f{\"text\": \"t\"}", 0},
	        {"[\"text\"]", 0},
	        {"\"text\"", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *s = cases[i].line;
		if (both_ways(s, strlen(s)) != cases[i].flat) {
			fprintf(stderr, "expected the flat reader %s: %s\n",
			        cases[i].flat ? "to read" : "to give up", s);
			failures++;
		}
	}
	/* a NUL byte in the line */
	static const char nul[] = "{\"text\": \"a\0b\"}";
	CHECK(both_ways(nul, sizeof nul - 1) == 0);
}

static uint32_t seed = 13;

static uint32_t next(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 16;
}

static const char *pick(const char *const *set, size_t n)
{
	return set[next() % n];
}

static void add(char *buf, size_t *n, size_t cap, const char *s)
{
	size_t k = strlen(s);
	if (*n + k < cap) {
		memcpy(buf + *n, s, k);
		*n += k;
	}
}

/* White space, now and then "\f", which JSON does not allow. */
static const char *space(void)
{
	static const char *const set[] = {"", "", "", " ", "\t", " \r", "  "};
	return next() % 256 ? pick(set, sizeof set / sizeof set[0]) : "\f";
}

static void test_generated(void)
{
	static const char *const pieces[] = {
	        "France accused Russia.",
	        " ",
	        "\\n\\n",
	        "\\\"",
	        "\\\\",
	        "\\/",
	        "\\b",
	        "\\f",
	        "\\r",
	        "\\t",
	        "\\u00e9",
	        "\\u20AC",
	        "\\ud83d\\ude00",
	        "\\uDBFF\\uDFFF",
	        "\\ud800",
	        "\\udc00",
	        "\\u0000",
	        "\\u00",
	        "\\uzz00",
	        "\\q",
	        "\xc3\xa9",
	        "\xe2\x82\xac",
	        "\xf0\x9f\x98\x80",
	        "\x80",
	        "\xc0\xaf",
	        "\xed\xa0\x80",
	        "\xf4\x90\x80\x80",
	        "\xe2\x82",
	        "\x01",
	        "\x7f",
	        "\t",
	        "\\u0041",
	        "\\uFEFF",
	        "2026-02-21",
	        "February 21, 2026",
	        "\\",
	};
	static const char *const keys[] = {
	        "\"text\"",    "\"text\"",     "\"id\"",         "\"title\"",
	        "\"url\"",     "\"date\"",     "\"source\"",     "\"other\"",
	        "\"Text\"",    "\"texts\"",    "\"t\\u0065xt\"", "\"\"",
	        "\"\\u00e9\"", "\"\xc3\xa9\"",
	};
	static const char *const others[] = {
	        "1", "null", "true", "[]", "{}", "{\"name\": \"N\"}", "\"",
	};
	const size_t np = sizeof pieces / sizeof pieces[0];
	const size_t nk = sizeof keys / sizeof keys[0];
	const size_t no = sizeof others / sizeof others[0];
	char line[4096];
	for (int round = 0; round < 20000; round++) {
		size_t n = 0, members = next() % 6;
		add(line, &n, sizeof line, space());
		add(line, &n, sizeof line, "{");
		for (size_t m = 0; m <= members; m++) {
			if (m)
				add(line, &n, sizeof line, ",");
			add(line, &n, sizeof line, space());
			add(line, &n, sizeof line,
			    m == 0 && next() % 8 ? "\"text\"" : pick(keys, nk));
			add(line, &n, sizeof line, space());
			add(line, &n, sizeof line, ":");
			add(line, &n, sizeof line, space());
			if (next() % 16 == 0) {
				add(line, &n, sizeof line, pick(others, no));
			} else {
				add(line, &n, sizeof line, "\"");
				for (size_t p = next() % 5; p-- > 0;)
					add(line, &n, sizeof line,
					    next() % 8 ? pieces[0]
					               : pick(pieces, np));
				add(line, &n, sizeof line, "\"");
			}
			add(line, &n, sizeof line, space());
		}
		add(line, &n, sizeof line, "}");
		add(line, &n, sizeof line, space());
		if (next() % 64 == 0)
			n = next() % (n + 1); /* cut short */
		both_ways(line, n);
	}
	/* both ways went, many times each */
	CHECK(flat_read > compared / 10);
	CHECK(flat_read < compared - compared / 10);
}

int main(void)
{
	test_listed();
	test_generated();
	printf("test_jsonl_flat: %ld lines, %ld read flat, %d failed\n",
	       compared, flat_read, failures);
	return failures ? 1 : 0;
}
