/* SPDX-License-Identifier: MIT */
/* json.c: JSON for JSON Lines records and the JSON-LD blocks of web pages,
 * parsed by jansson; the only file that sees it.
 *
 * jansson is strict where RFC 8259 is: it refuses invalid UTF-8, lone
 * surrogates, bad escapes, control characters in strings, leading zeros,
 * trailing commas and anything after the value.  Three things are added
 * here.  A NUL byte right after a number or a word is dropped by its
 * lexer ("[1\0]" reads as [1]), so a NUL byte is looked for first.  A
 * tree of tiny values takes up to 80 times the size of its text, so a
 * parse may allocate at most BUDGET_FACTOR times its input (jansson
 * allocates through counted_malloc()).  And jansson tells where it
 * stopped, not always where the fault is (after the closing quote of a
 * string with a lone surrogate, say), so locate() finds the fault for the
 * messages that point at one: jansson read the text before the failing
 * token without fault, so its strings can be found by a plain scan.
 *
 * An NkgJson is a json_t; the casts are the only place the two meet.
 */
#include "input/input.h"

#include <jansson.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A parse may allocate BUDGET_FACTOR bytes per byte of input, and
 * BUDGET_FLOOR bytes whatever its size (jansson's allocations counted,
 * measured on jansson 2.14): a news record takes about 4 (jansson keeps
 * the text of a token while it reads it, then decodes a copy), records
 * with hundreds of small objects or short strings 9 to 13, an array of
 * one-digit numbers 25; an array of "{}" takes 74 and of "[]" 42. */
#define BUDGET_FACTOR 32
#define BUDGET_FLOOR (1u << 20)

static _Thread_local struct {
	int active;  /* a parse is under way on this thread */
	int over;    /* it wanted more than its budget */
	int oom;     /* malloc() failed */
	size_t left; /* bytes it may still allocate */
} budget;

/* Counts what a parse allocates (never what it frees: the total is an
 * upper bound of its peak); outside a parse it is plain malloc(). */
static void *counted_malloc(size_t n)
{
	if (budget.active) {
		if (n > budget.left) {
			budget.over = 1;
			return NULL;
		}
		budget.left -= n;
	}
	void *p = malloc(n);
	if (!p && budget.active)
		budget.oom = 1;
	return p;
}

static pthread_once_t alloc_once = PTHREAD_ONCE_INIT;

static void set_alloc(void)
{
	json_set_alloc_funcs(counted_malloc, free);
}

static json_t *load(const char *buf, size_t len, size_t flags, json_error_t *e);

/* Whether C is one of SET (never for NUL). */
static int one_of(char c, const char *set)
{
	return c && strchr(set, c);
}

static const json_t *J(const NkgJson *v)
{
	return (const json_t *)(const void *)v;
}

static const NkgJson *N(const json_t *v)
{
	return (const NkgJson *)(const void *)v;
}

/* ---- messages ---- */

typedef struct {
	const char *s;
	size_t len;
	char *msg;
	size_t size;
} Fault;

static void say(Fault *f, const char *fmt, ...)
#if defined(__GNUC__)
        __attribute__((format(printf, 2, 3)))
#endif
        ;

static void say(Fault *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->msg, f->size, fmt, ap);
	va_end(ap);
}

/* Describes the byte at AT for a message. */
static const char *what(const Fault *f, size_t at, char *tmp, size_t size)
{
	if (at >= f->len)
		return "the end of the line";
	unsigned char c = (unsigned char)f->s[at];
	if (c > 0x20 && c < 0x7f)
		snprintf(tmp, size, "'%c'", c);
	else
		snprintf(tmp, size, "byte 0x%02x", c);
	return tmp;
}

static int hex4(const char *s, size_t n, unsigned *out)
{
	unsigned v = 0;
	if (n < 4)
		return -1;
	for (size_t k = 0; k < 4; k++) {
		char c = s[k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

/* Where the fault is, in the string jansson was reading when it stopped
 * at END. */
typedef struct {
	size_t open;      /* offset of its opening quote, or END if none */
	int unclosed;     /* END is inside it */
	size_t last_esc;  /* offset of its last '\\' escape before END */
	size_t lone;      /* offset of its first lone surrogate, or END */
	unsigned lone_cp; /* that surrogate */
} Where;

static Where locate(const char *s, size_t end)
{
	Where w = {end, 0, end, end, 0};
	size_t i = 0;
	while (i < end) {
		if (!w.unclosed) {
			if (s[i] == '"') {
				w.open = i;
				w.unclosed = 1;
				w.last_esc = w.lone = end;
			}
			i++;
			continue;
		}
		if (s[i] == '"') {
			w.unclosed = 0;
			i++;
			continue;
		}
		if (s[i] != '\\') {
			i++;
			continue;
		}
		w.last_esc = i;
		unsigned cp, lo;
		if (i + 1 < end && s[i + 1] == 'u' &&
		    !hex4(s + i + 2, end - i - 2, &cp)) {
			int pair = cp >= 0xd800 && cp <= 0xdbff &&
			           i + 7 < end && s[i + 6] == '\\' &&
			           s[i + 7] == 'u' &&
			           !hex4(s + i + 8, end - i - 8, &lo) &&
			           lo >= 0xdc00 && lo <= 0xdfff;
			if (pair) {
				i += 12;
				continue;
			}
			if (cp >= 0xd800 && cp <= 0xdfff && w.lone == end) {
				w.lone = i;
				w.lone_cp = cp;
			}
			i += 6;
			continue;
		}
		i += 2;
	}
	return w;
}

/* Copies jansson's message TEXT, which is terse ("invalid token near
 * 'tru'"), after "invalid JSON: ", with its excerpt of the input made
 * printable and "near end of file" said of a line. */
static void say_jansson(Fault *f, const char *text)
{
	static const char eof[] = " near end of file";
	char out[2 * JSON_ERROR_TEXT_LENGTH];
	size_t n = 0, len = strlen(text);
	if (len >= sizeof eof - 1 &&
	    !strcmp(text + len - (sizeof eof - 1), eof))
		len -= sizeof eof - 1;
	for (size_t i = 0; i < len && n + 5 < sizeof out; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c < 0x20 || c == 0x7f)
			n += (size_t)snprintf(out + n, sizeof out - n,
			                      "\\x%02x", c);
		else
			out[n++] = (char)c;
	}
	out[n] = '\0';
	say(f, "invalid JSON: %s%s", out,
	    len < strlen(text) ? " at the end of the line" : "");
}

/* Turns jansson's error E on F's input into a message and the offset of
 * the fault. */
static size_t explain(Fault *f, const json_error_t *e)
{
	size_t at = e->position < 0 ? 0 : (size_t)e->position;
	char tmp[16];
	if (at > f->len)
		at = f->len;
	switch (json_error_code(e)) {
	case json_error_invalid_utf8:
		say(f, "invalid UTF-8 sequence starting with byte 0x%02x",
		    at < f->len ? (unsigned char)f->s[at] : 0u);
		return at;
	case json_error_stack_overflow:
		say(f, "nesting deeper than %d levels", JSON_PARSER_MAX_DEPTH);
		return at ? at - 1 : 0;
	case json_error_numeric_overflow: {
		size_t b = at;
		while (b > 0 && one_of(f->s[b - 1], "0123456789+-.eE"))
			b--;
		say(f,
		    "number %.*s out of range (at most 64 bits for an "
		    "integer, about 1.8e308 otherwise); write it as a string",
		    (int)(at - b > 40 ? 40 : at - b), f->s + b);
		return b;
	}
	case json_error_null_byte_in_key: {
		Where w = locate(f->s, at);
		say(f, "a member name contains \\u0000, which newskg cannot "
		       "process; remove it");
		return w.open < at ? w.open : at;
	}
	case json_error_end_of_input_expected: {
		/* where the value ends: read it again, without the check */
		json_error_t e2;
		json_t *v = load(f->s, f->len, JSON_DISABLE_EOF_CHECK, &e2);
		json_decref(v);
		size_t end = v && e2.position >= 0 ? (size_t)e2.position : at;
		while (end < at && one_of(f->s[end], " \t\r\n"))
			end++;
		say(f, "unexpected %s after the JSON value",
		    what(f, end, tmp, sizeof tmp));
		return end;
	}
	default:
		break;
	}
	const char *text = e->text;
	if (!strncmp(text, "invalid Unicode '\\u", 19)) {
		Where w = locate(f->s, at);
		if (w.lone < at) {
			if (w.lone_cp >= 0xdc00)
				say(f,
				    "lone low surrogate \\u%04X; a surrogate "
				    "pair must start with \\uD800-\\uDBFF",
				    w.lone_cp);
			else
				say(f,
				    "lone high surrogate \\u%04X not followed "
				    "by a low surrogate \\uDC00-\\uDFFF",
				    w.lone_cp);
			return w.lone;
		}
	} else if (!strncmp(text, "invalid escape", 14)) {
		Where w = locate(f->s, at);
		if (w.last_esc < at) {
			size_t b = w.last_esc;
			if (b + 1 < f->len && f->s[b + 1] == 'u')
				say(f, "\\u escape needs four hex digits");
			else
				say(f,
				    "invalid escape \\ followed by %s; JSON "
				    "allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
				    "\\uXXXX",
				    what(f, b + 1, tmp, sizeof tmp));
			return b;
		}
	} else if (!strncmp(text, "control character", 17) ||
	           !strncmp(text, "unexpected newline", 18)) {
		say(f,
		    "control character 0x%02x inside a string must be "
		    "escaped",
		    at < f->len ? (unsigned char)f->s[at] : 0u);
		return at;
	} else if (!strncmp(text, "premature end of input", 22)) {
		Where w = locate(f->s, at);
		if (w.unclosed) {
			say(f, "string not closed before the end of the line");
			return w.open;
		}
	}
	say_jansson(f, text);
	if (json_error_code(e) == json_error_premature_end_of_input)
		return at;
	return at ? at - 1 : 0;
}

/* ---- parsing ---- */

/* json_loadb() with our flags and FLAGS, within the memory budget. */
static json_t *load(const char *buf, size_t len, size_t flags, json_error_t *e)
{
	size_t cap = len > (SIZE_MAX - BUDGET_FLOOR) / BUDGET_FACTOR
	                     ? SIZE_MAX
	                     : len * BUDGET_FACTOR + BUDGET_FLOOR;
	budget.active = 1;
	budget.over = budget.oom = 0;
	budget.left = cap;
	json_t *v = json_loadb(buf, len,
	                       JSON_DECODE_ANY | JSON_ALLOW_NUL | flags, e);
	budget.active = 0;
	return v;
}

NkgStatus nkg_json_parse(const char *buf, size_t len, NkgJson **out,
                         size_t *err_at, char *msg, size_t size)
{
	char dummy[8];
	Fault f = {buf, len, msg ? msg : dummy, msg ? size : sizeof dummy};
	size_t at = 0;
	*out = NULL;
	pthread_once(&alloc_once, set_alloc);

	const char *nul = memchr(buf, '\0', len);
	size_t n = nul ? (size_t)(nul - buf) : len;
	json_error_t e;
	json_t *v = load(buf, n, 0, &e);
	NkgStatus st = NKG_SUCCESS;
	if (budget.over) {
		st = NKG_ERR_INPUT;
		say(&f,
		    "the JSON value needs more than %d bytes of memory per "
		    "byte of its text (a great many tiny values?)",
		    BUDGET_FACTOR);
	} else if (budget.oom ||
	           (!v && (!e.text[0] ||
	                   json_error_code(&e) == json_error_out_of_memory))) {
		st = NKG_ERR_INTERNAL;
		at = n;
		say(&f, "out of memory");
	} else if (nul && (v || json_error_code(&e) ==
	                                json_error_premature_end_of_input)) {
		/* the text before the NUL byte is good, or good so far */
		st = NKG_ERR_INPUT;
		at = n;
		say(&f,
		    "NUL byte (0x00); JSON allows it only as \\u0000 inside "
		    "a string");
	} else if (!v) {
		st = NKG_ERR_INPUT;
		f.len = n;
		at = explain(&f, &e);
	}
	if (st) {
		json_decref(v);
		if (err_at)
			*err_at = at;
		return st;
	}
	*out = (NkgJson *)(void *)v;
	return NKG_SUCCESS;
}

void nkg_json_free(NkgJson *v)
{
	json_decref((json_t *)(void *)v);
}

/* ---- reading the tree ---- */

NkgJsonType nkg_json_type(const NkgJson *v)
{
	switch (json_typeof(J(v))) {
	case JSON_OBJECT:
		return NKG_JSON_OBJECT;
	case JSON_ARRAY:
		return NKG_JSON_ARRAY;
	case JSON_STRING:
		return NKG_JSON_STRING;
	case JSON_INTEGER:
	case JSON_REAL:
		return NKG_JSON_NUMBER;
	case JSON_TRUE:
		return NKG_JSON_TRUE;
	case JSON_FALSE:
		return NKG_JSON_FALSE;
	case JSON_NULL:
		break;
	}
	return NKG_JSON_NULL;
}

const char *nkg_json_string(const NkgJson *v, size_t *len)
{
	if (!json_is_string(J(v)))
		return NULL;
	if (len)
		*len = json_string_length(J(v));
	return json_string_value(J(v));
}

char *nkg_json_text(const NkgJson *v, size_t *len)
{
	char num[40];
	const char *s = num;
	size_t n;
	if (json_is_string(J(v))) {
		s = json_string_value(J(v));
		n = json_string_length(J(v));
	} else if (json_is_integer(J(v))) {
		n = (size_t)snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT,
		                     json_integer_value(J(v)));
	} else if (json_is_real(J(v))) {
		double d = json_real_value(J(v));
		for (int prec = 15;; prec++) {
			n = (size_t)snprintf(num, sizeof num, "%.*g", prec, d);
			if (prec == 17 || strtod(num, NULL) == d)
				break;
		}
	} else {
		return NULL;
	}
	char *copy = nkg_input_strndup(s, n);
	if (copy && len)
		*len = n;
	return copy;
}

const NkgJson *nkg_json_get(const NkgJson *obj, const char *key)
{
	return json_is_object(J(obj)) ? N(json_object_get(J(obj), key)) : NULL;
}

size_t nkg_json_size(const NkgJson *v)
{
	return json_is_array(J(v)) ? json_array_size(J(v)) : 0;
}

const NkgJson *nkg_json_at(const NkgJson *v, size_t i)
{
	return json_is_array(J(v)) ? N(json_array_get(J(v), i)) : NULL;
}
