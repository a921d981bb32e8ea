/* SPDX-License-Identifier: MIT */
/* json.c: a small strict JSON parser (RFC 8259) for JSON Lines records and
 * the JSON-LD blocks of web pages.
 *
 * One recursive-descent pass both checks and, where wanted, builds a tree.
 * Values the caller does not keep are checked but not stored, so a record
 * line with a large unrelated member costs no more memory than the line.
 * Strings are checked for UTF-8, escapes and surrogate pairs; nesting is
 * limited to NKG_JSON_MAX_DEPTH so the C stack stays small.
 */
#include "input/input.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	const char *s;
	size_t len, i;
	NkgStatus st;
	size_t err_at;
	char *msg;
	size_t size;
} Parser;

static int fail(Parser *p, size_t at, const char *fmt, ...)
#if defined(__GNUC__)
        __attribute__((format(printf, 3, 4)))
#endif
        ;

static int fail(Parser *p, size_t at, const char *fmt, ...)
{
	if (p->st)
		return -1;
	p->st = NKG_ERR_INPUT;
	p->err_at = at;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->msg, p->size, fmt, ap);
	va_end(ap);
	return -1;
}

static int oom(Parser *p)
{
	if (!p->st) {
		p->st = NKG_ERR_INTERNAL;
		p->err_at = p->i;
		snprintf(p->msg, p->size, "out of memory");
	}
	return -1;
}

static void skip_ws(Parser *p)
{
	while (p->i < p->len) {
		char c = p->s[p->i];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		p->i++;
	}
}

/* Describes the byte at P->i for a message. */
static const char *what(Parser *p, char *tmp, size_t size)
{
	if (p->i >= p->len)
		return "the end of the line";
	unsigned char c = (unsigned char)p->s[p->i];
	if (c > 0x20 && c < 0x7f)
		snprintf(tmp, size, "'%c'", c);
	else
		snprintf(tmp, size, "byte 0x%02x", c);
	return tmp;
}

static int unexpected(Parser *p, const char *wanted)
{
	char tmp[16];
	return fail(p, p->i, "expected %s but found %s", wanted,
	            what(p, tmp, sizeof tmp));
}

static int hex4(Parser *p, size_t at, uint32_t *out)
{
	uint32_t v = 0;
	if (p->len - at < 4)
		return fail(p, at - 2, "\\u escape needs four hex digits");
	for (size_t k = 0; k < 4; k++) {
		char c = p->s[at + k];
		int d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return fail(p, at - 2,
			            "\\u escape needs four hex digits");
		v = v << 4 | (uint32_t)d;
	}
	*out = v;
	return 0;
}

static size_t put_utf8(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | cp >> 12);
		o[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | cp >> 18);
	o[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	o[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Parses the string at P->i (at its opening quote).  When OUT is not
 * NULL stores a new decoded copy there and its length in *N.  The decoded
 * text is never longer than the source, which sizes the copy. */
static int parse_string(Parser *p, char **out, size_t *n)
{
	size_t start = ++p->i;
	char *o = NULL;
	size_t k = 0;
	if (out) {
		/* the closing quote bounds the copy; find an upper bound */
		size_t end = start;
		while (end < p->len && p->s[end] != '"')
			end += p->s[end] == '\\' ? 2 : 1;
		o = malloc((end > p->len ? p->len : end) - start + 1);
		if (!o)
			return oom(p);
	}
	for (;;) {
		if (p->i >= p->len) {
			free(o);
			return fail(p, start - 1,
			            "string not closed before the "
			            "end of the line");
		}
		unsigned char c = (unsigned char)p->s[p->i];
		if (c == '"') {
			p->i++;
			break;
		}
		if (c < 0x20) {
			free(o);
			return fail(p, p->i,
			            "control character 0x%02x inside a string "
			            "must be escaped",
			            c);
		}
		if (c >= 0x80) {
			size_t run = p->i;
			while (run < p->len && (unsigned char)p->s[run] >= 0x80)
				run++;
			size_t ok =
			        nkg_input_utf8_valid(p->s + p->i, run - p->i);
			if (ok != run - p->i) {
				free(o);
				return fail(
				        p, p->i + ok,
				        "invalid UTF-8 byte 0x%02x in a string",
				        (unsigned char)p->s[p->i + ok]);
			}
			if (o)
				memcpy(o + k, p->s + p->i, run - p->i);
			k += run - p->i;
			p->i = run;
			continue;
		}
		if (c != '\\') {
			if (o)
				o[k] = (char)c;
			k++;
			p->i++;
			continue;
		}
		size_t at = p->i;
		char e = p->i + 1 < p->len ? p->s[p->i + 1] : '\0';
		char ch = 0;
		uint32_t cp;
		switch (e) {
		case '"':
			ch = '"';
			break;
		case '\\':
			ch = '\\';
			break;
		case '/':
			ch = '/';
			break;
		case 'b':
			ch = '\b';
			break;
		case 'f':
			ch = '\f';
			break;
		case 'n':
			ch = '\n';
			break;
		case 'r':
			ch = '\r';
			break;
		case 't':
			ch = '\t';
			break;
		case 'u':
			if (hex4(p, at + 2, &cp)) {
				free(o);
				return -1;
			}
			p->i = at + 6;
			if (cp >= 0xdc00 && cp <= 0xdfff) {
				free(o);
				return fail(p, at,
				            "lone low surrogate \\u%04X; a "
				            "surrogate pair must start with "
				            "\\uD800-\\uDBFF",
				            (unsigned)cp);
			}
			if (cp >= 0xd800 && cp <= 0xdbff) {
				uint32_t lo;
				if (p->i + 1 >= p->len || p->s[p->i] != '\\' ||
				    p->s[p->i + 1] != 'u' ||
				    hex4(p, p->i + 2, &lo) || lo < 0xdc00 ||
				    lo > 0xdfff) {
					free(o);
					p->st = 0; /* hex4 may have failed */
					return fail(
					        p, at,
					        "lone high surrogate \\u%04X "
					        "not followed by a low "
					        "surrogate \\uDC00-\\uDFFF",
					        (unsigned)cp);
				}
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				     (lo - 0xdc00);
				p->i += 6;
			}
			if (o)
				k += put_utf8(o + k, cp);
			else
				k += cp < 0x80      ? 1
				     : cp < 0x800   ? 2
				     : cp < 0x10000 ? 3
				                    : 4;
			continue;
		default: {
			char tmp[16];
			p->i = at + 1;
			const char *w = what(p, tmp, sizeof tmp);
			free(o);
			return fail(
			        p, at,
			        "invalid escape \\ followed by %s; JSON allows "
			        "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
			        w);
		}
		}
		if (o)
			o[k] = ch;
		k++;
		p->i = at + 2;
	}
	if (o) {
		o[k] = '\0';
		*out = o;
		*n = k;
	}
	return 0;
}

static int parse_number(Parser *p)
{
	size_t i = p->i;
	const char *s = p->s;
	if (i < p->len && s[i] == '-')
		i++;
	if (i < p->len && s[i] == '0') {
		i++;
	} else if (i < p->len && s[i] >= '1' && s[i] <= '9') {
		while (i < p->len && s[i] >= '0' && s[i] <= '9')
			i++;
	} else {
		p->i = i;
		return unexpected(p, "a digit");
	}
	if (i < p->len && s[i] == '.') {
		i++;
		if (!(i < p->len && s[i] >= '0' && s[i] <= '9')) {
			p->i = i;
			return unexpected(p, "a digit after the decimal point");
		}
		while (i < p->len && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (i < p->len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < p->len && (s[i] == '+' || s[i] == '-'))
			i++;
		if (!(i < p->len && s[i] >= '0' && s[i] <= '9')) {
			p->i = i;
			return unexpected(p, "a digit in the exponent");
		}
		while (i < p->len && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	p->i = i;
	return 0;
}

static NkgJson *new_node(Parser *p, NkgJsonType type)
{
	NkgJson *v = calloc(1, sizeof *v);
	if (!v)
		oom(p);
	else
		v->type = type;
	return v;
}

static int kept(const char *const *keep, const char *key)
{
	for (; *keep; keep++)
		if (!strcmp(*keep, key))
			return 1;
	return 0;
}

/* Parses one value at P->i.  When OUT is NULL the value is only checked.
 * KEEP applies to the members of this value when it is an object. */
static int parse_value(Parser *p, int depth, const char *const *keep,
                       NkgJson **out)
{
	skip_ws(p);
	if (p->i >= p->len)
		return unexpected(p, "a value");
	char c = p->s[p->i];
	size_t start = p->i;
	NkgJson *v = NULL;

	if (c == '{' || c == '[') {
		if (depth >= NKG_JSON_MAX_DEPTH)
			return fail(p, p->i, "nesting deeper than %d levels",
			            NKG_JSON_MAX_DEPTH);
		int obj = c == '{';
		if (out &&
		    !(v = new_node(p, obj ? NKG_JSON_OBJECT : NKG_JSON_ARRAY)))
			return -1;
		NkgJson **tail = v ? &v->child : NULL;
		p->i++;
		skip_ws(p);
		char close = obj ? '}' : ']';
		if (p->i < p->len && p->s[p->i] == close) {
			p->i++;
			goto done;
		}
		for (;;) {
			char *key = NULL;
			size_t klen = 0;
			int want = out != NULL;
			skip_ws(p);
			if (obj) {
				if (p->i >= p->len || p->s[p->i] != '"') {
					unexpected(p,
					           "a member name in quotes");
					goto error;
				}
				if (parse_string(p, want ? &key : NULL, &klen))
					goto error;
				if (want && keep && !kept(keep, key)) {
					free(key);
					key = NULL;
					want = 0;
				}
				skip_ws(p);
				if (p->i >= p->len || p->s[p->i] != ':') {
					free(key);
					unexpected(p,
					           "':' after a member name");
					goto error;
				}
				p->i++;
			}
			NkgJson *item = NULL;
			if (parse_value(p, depth + 1, NULL,
			                want ? &item : NULL)) {
				free(key);
				goto error;
			}
			if (item) {
				item->key = key;
				*tail = item;
				tail = &item->next;
			}
			skip_ws(p);
			if (p->i < p->len && p->s[p->i] == ',') {
				p->i++;
				continue;
			}
			if (p->i < p->len && p->s[p->i] == close) {
				p->i++;
				break;
			}
			unexpected(p, obj ? "',' or '}'" : "',' or ']'");
			goto error;
		}
		goto done;
	}
	if (c == '"') {
		char *s = NULL;
		size_t n = 0;
		if (parse_string(p, out ? &s : NULL, &n))
			return -1;
		if (out) {
			if (!(v = new_node(p, NKG_JSON_STRING))) {
				free(s);
				return -1;
			}
			v->str = s;
			v->len = n;
		}
		goto done;
	}
	if (c == '-' || (c >= '0' && c <= '9')) {
		if (parse_number(p))
			return -1;
		if (out) {
			if (!(v = new_node(p, NKG_JSON_NUMBER)))
				return -1;
			v->len = p->i - start;
			if (!(v->str = nkg_input_strndup(p->s + start,
			                                 v->len))) {
				free(v);
				return oom(p);
			}
		}
		goto done;
	}
	static const struct {
		const char *word;
		NkgJsonType type;
	} words[] = {{"null", NKG_JSON_NULL},
	             {"true", NKG_JSON_TRUE},
	             {"false", NKG_JSON_FALSE}};
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		size_t n = strlen(words[w].word);
		if (p->len - p->i >= n &&
		    !memcmp(p->s + p->i, words[w].word, n)) {
			p->i += n;
			if (out && !(v = new_node(p, words[w].type)))
				return -1;
			goto done;
		}
	}
	return unexpected(p, "a value (string, number, object, array, true, "
	                     "false or null)");
done:
	if (out)
		*out = v;
	return 0;
error:
	nkg_json_free(v);
	return -1;
}

NkgStatus nkg_json_parse(const char *buf, size_t len, const char *const *keep,
                         NkgJson **out, size_t *err_at, char *msg, size_t size)
{
	char dummy[8];
	Parser p = {buf,
	            len,
	            0,
	            NKG_SUCCESS,
	            0,
	            msg ? msg : dummy,
	            msg ? size : sizeof dummy};
	NkgJson *v = NULL;
	*out = NULL;
	if (!parse_value(&p, 0, keep, &v)) {
		skip_ws(&p);
		if (p.i < p.len) {
			char tmp[16];
			fail(&p, p.i, "unexpected %s after the JSON value",
			     what(&p, tmp, sizeof tmp));
		}
	}
	if (p.st) {
		nkg_json_free(v);
		if (err_at)
			*err_at = p.err_at;
		return p.st;
	}
	*out = v;
	return NKG_SUCCESS;
}

void nkg_json_free(NkgJson *v)
{
	while (v) {
		NkgJson *next = v->next;
		nkg_json_free(v->child); /* depth is bounded by the parser */
		free(v->key);
		free(v->str);
		free(v);
		v = next;
	}
}

const NkgJson *nkg_json_get(const NkgJson *obj, const char *key)
{
	const NkgJson *found = NULL;
	if (!obj || obj->type != NKG_JSON_OBJECT)
		return NULL;
	for (const NkgJson *m = obj->child; m; m = m->next)
		if (m->key && !strcmp(m->key, key))
			found = m;
	return found;
}
