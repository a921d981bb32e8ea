/* SPDX-License-Identifier: MIT */
/* jsonl.c: JSON Lines reader, one article record a line, one line in
 * memory at a time. */
#include "input/input.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

struct NkgJsonlReaderImpl {
	FILE *in;
	char *name;
	char *line; /* getline buffer, as long as the longest line so far */
	size_t cap;
	long lineno;       /* number of the line last read */
	long line_offset;  /* byte offset of that line in the input */
	long next_offset;  /* byte offset of the line after it */
	long first, count; /* records: number of the first, how many so far */
	long ordinal;      /* number of the record last returned */
	int jobs, job;     /* nkg_jsonl_share() */
};

NkgJsonlReader *nkg_jsonl_open(FILE *in, const char *name)
{
	NkgJsonlReader *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->in = in;
	r->name = nkg_input_strndup(name ? name : "<input>",
	                            strlen(name ? name : "<input>"));
	if (!r->name) {
		free(r);
		return NULL;
	}
	return r;
}

void nkg_jsonl_share(NkgJsonlReader *r, long first, int jobs, int job)
{
	r->first = first;
	r->jobs = jobs;
	r->job = job;
}

long nkg_jsonl_ordinal(const NkgJsonlReader *r)
{
	return r->ordinal;
}

long nkg_jsonl_count(const NkgJsonlReader *r)
{
	return r->count;
}

void nkg_jsonl_close(NkgJsonlReader *r)
{
	if (!r)
		return;
	free(r->line);
	free(r->name);
	free(r);
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* Copies string member KEY of OBJ into *OUT.  Absent and null members
 * leave *OUT NULL; numbers are taken in decimal when NUMBER_OK.  Returns
 * NKG_SUCCESS, or an error with ERR filled. */
static NkgStatus member(NkgJsonlReader *r, const NkgJson *obj, const char *key,
                        int required, int number_ok, char **out, size_t *len,
                        NkgError *err)
{
	const NkgJson *v = nkg_json_get(obj, key);
	NkgJsonType type = v ? nkg_json_type(v) : NKG_JSON_NULL;
	const char *problem = NULL, *s;
	size_t n = 0;
	if (type == NKG_JSON_NULL) {
		if (!required)
			return NKG_SUCCESS;
		problem = "is missing; add the article text or remove the line";
	} else if (type != NKG_JSON_STRING &&
	           !(number_ok && type == NKG_JSON_NUMBER)) {
		problem = "must be a string; fix or remove the line";
	} else if ((s = nkg_json_string(v, &n)) && memchr(s, '\0', n)) {
		problem = "contains \\u0000, which newskg cannot process; "
		          "remove it";
	}
	if (problem)
		return nkg_input_fail(err, NKG_ERR_INPUT, r->name, r->lineno,
		                      r->line_offset, "%s: line %ld: \"%s\" %s",
		                      r->name, r->lineno, key, problem);
	if (!(*out = nkg_json_text(v, len)))
		return nkg_input_fail(err, NKG_ERR_INTERNAL, r->name, r->lineno,
		                      r->line_offset,
		                      "%s: line %ld: out of memory", r->name,
		                      r->lineno);
	return NKG_SUCCESS;
}

NkgStatus nkg_jsonl_next(NkgJsonlReader *r, NkgRecord *out, int *eof,
                         NkgError *err)
{
	memset(out, 0, sizeof *out);
	*eof = 0;
	if (!r) {
		*eof = 1;
		return nkg_input_fail(err, NKG_ERR_INTERNAL, NULL, 0, -1,
		                      "JSON Lines reader missing (out of "
		                      "memory?)");
	}
	for (;;) {
		errno = 0;
		ssize_t got = getline(&r->line, &r->cap, r->in);
		if (got < 0) {
			*eof = 1;
			if (ferror(r->in))
				return nkg_input_fail(
				        err, NKG_ERR_INPUT, r->name,
				        r->lineno + 1, r->next_offset,
				        "%s: line %ld: cannot read: %s",
				        r->name, r->lineno + 1,
				        strerror(errno ? errno : EIO));
			return NKG_SUCCESS;
		}
		r->lineno++;
		r->line_offset = r->next_offset;
		r->next_offset += (long)got;
		size_t n = (size_t)got, skip = 0;
		if (n && r->line[n - 1] == '\n')
			n--;
		if (n && r->line[n - 1] == '\r')
			n--;
		if (r->lineno == 1 && n >= 3 &&
		    !memcmp(r->line, "\xef\xbb\xbf", 3))
			skip = 3; /* byte order mark */
		if (blank(r->line + skip, n - skip))
			continue;
		long num = r->first + r->count++;
		if (r->jobs > 1 && num % r->jobs != r->job)
			continue; /* another reader's */
		r->ordinal = num;
		if (nkg_jsonl_flat(r->line + skip, n - skip, out))
			return NKG_SUCCESS;

		NkgJson *obj = NULL;
		size_t at = 0;
		char msg[300];
		NkgStatus st = nkg_json_parse(r->line + skip, n - skip, &obj,
		                              &at, msg, sizeof msg);
		if (st == NKG_ERR_INTERNAL)
			return nkg_input_fail(err, st, r->name, r->lineno,
			                      r->line_offset,
			                      "%s: line %ld: out of memory",
			                      r->name, r->lineno);
		if (st) {
			at += skip;
			return nkg_input_fail(
			        err, st, r->name, r->lineno,
			        r->line_offset + (long)at,
			        "%s: line %ld, column %zu: %s; fix or remove "
			        "the line",
			        r->name, r->lineno, at + 1, msg);
		}
		if (nkg_json_type(obj) != NKG_JSON_OBJECT) {
			nkg_json_free(obj);
			return nkg_input_fail(
			        err, NKG_ERR_INPUT, r->name, r->lineno,
			        r->line_offset,
			        "%s: line %ld: a record must be a JSON object "
			        "{\"text\": ...}; fix or remove the line",
			        r->name, r->lineno);
		}
		char *date = NULL;
		if ((st = member(r, obj, "text", 1, 0, &out->text, &out->len,
		                 err)) ||
		    (st = member(r, obj, "id", 0, 1, &out->id, NULL, err)) ||
		    (st = member(r, obj, "title", 0, 0, &out->title, NULL,
		                 err)) ||
		    (st = member(r, obj, "url", 0, 0, &out->url, NULL, err)) ||
		    (st = member(r, obj, "date", 0, 0, &date, NULL, err))) {
			nkg_json_free(obj);
			nkg_record_clear(out);
			return st;
		}
		/* the publisher, which corpus counts sources by: "source":
		 * "name" or {"name": "name", ...}; other shapes are not ours
		 * to judge */
		const NkgJson *src = nkg_json_get(obj, "source");
		if (src && nkg_json_type(src) == NKG_JSON_OBJECT)
			src = nkg_json_get(src, "name");
		if (src && nkg_json_type(src) == NKG_JSON_STRING) {
			size_t sl = 0;
			const char *sv = nkg_json_string(src, &sl);
			if (sv && sl && !memchr(sv, '\0', sl) &&
			    !(out->source = nkg_json_text(src, NULL))) {
				nkg_json_free(obj);
				nkg_record_clear(out);
				return nkg_input_fail(
				        err, NKG_ERR_INTERNAL, r->name,
				        r->lineno, r->line_offset,
				        "%s: line %ld: out of memory", r->name,
				        r->lineno);
			}
		}
		nkg_json_free(obj);
		if (date) {
			out->date = nkg_input_date(date, strlen(date));
			free(date);
		}
		return NKG_SUCCESS;
	}
}
