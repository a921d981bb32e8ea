/* SPDX-License-Identifier: MIT */
/* text.c: UTF-8 validation, tokenizer and sentence splitter.
 *
 * Tokens carry byte and code-point offsets so that mentions can point into
 * the document in code points (as NIF wants) while the extractor works on
 * bytes.  Keys are folded (case, accents, curly quotes) so that "Rodriguez"
 * meets "Rodríguez" in the lexicon.  ASCII takes a fast path; utf8proc folds
 * the rest.
 */
#include "text/text.h"
#include "util/bytes8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t nkg_utf8_check(const char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = 0;
	while (i < len) {
		/* eight bytes at a time while they are ASCII and not NUL */
		while (i + 8 <= len) {
			uint64_t w = nkg_load8(s + i);
			if (nkg_high8(w) | nkg_below8(w, 1))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		unsigned c = s[i];
		if (c < 0x80) {
			if (c == 0)
				return i;
			i++;
			continue;
		}
		size_t n;
		uint32_t cp, min;
		if (c >= 0xC2 && c <= 0xDF) {
			n = 2;
			cp = c & 0x1F;
			min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 3;
			cp = c & 0x0F;
			min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 4;
			cp = c & 0x07;
			min = 0x10000;
		} else {
			return i;
		}
		if (i + n > len)
			return i;
		for (size_t k = 1; k < n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n;
	}
	return len;
}

uint32_t nkg_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

uint64_t nkg_hash64(const void *p, size_t n)
{
	const unsigned char *b = p;
	uint64_t h[4] = {0x9e3779b97f4a7c15ull, 0xc2b2ae3d27d4eb4full,
	                 0x165667b19e3779f9ull, 0x27d4eb2f165667c5ull};
	size_t i = 0;
	for (; i + 32 <= n; i += 32)
		for (int k = 0; k < 4; k++) {
			uint64_t w;
			memcpy(&w, b + i + 8 * k, 8);
			h[k] = (h[k] ^ w) * 0xff51afd7ed558ccdull;
			h[k] ^= h[k] >> 29;
		}
	uint64_t r = h[0] ^ h[1] * 31 ^ h[2] * 961 ^ h[3] * 29791;
	for (; i < n; i++)
		r = (r ^ b[i]) * 0x100000001b3ull;
	return r ^ n;
}

/* Decodes one code point of valid UTF-8 at S; stores its length. */
static int32_t decode(const unsigned char *s, size_t len, size_t *n)
{
	if (len && s[0] < 0x80) { /* most of news */
		*n = 1;
		return s[0];
	}
	utf8proc_int32_t cp = 0;
	utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)len, &cp);
	if (k <= 0) {
		*n = 1;
		return 0xFFFD;
	}
	*n = (size_t)k;
	return cp;
}

static int is_wordcp(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO);
}

static int is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static int is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
	       utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

static int is_digit(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static int is_space(int32_t cp)
{
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
	    cp == '\v')
		return 1;
	if (cp < 0x80)
		return 0;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
	       c == UTF8PROC_CATEGORY_ZP || cp == 0xFEFF;
}

static int is_apos(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018;
}

static int is_hyphen(int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

char *nkg_fold(const char *s, size_t len)
{
	int ascii = 1;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80) {
			ascii = 0;
			break;
		}
	if (ascii) {
		char *o = malloc(len + 1);
		if (!o)
			return NULL;
		for (size_t i = 0; i < len; i++) {
			char c = s[i];
			o[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a')
			                              : c;
		}
		o[len] = '\0';
		return o;
	}
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map(
	        (const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
	        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK |
	                UTF8PROC_CASEFOLD | UTF8PROC_COMPAT);
	if (n < 0)
		return NULL;
	/* Curly quotes and dashes fold to their ASCII forms. */
	char *o = malloc((size_t)n + 1);
	if (!o) {
		free(out);
		return NULL;
	}
	size_t k = 0;
	for (utf8proc_ssize_t i = 0; i < n;) {
		size_t cl;
		int32_t cp = decode(out + i, (size_t)(n - i), &cl);
		if (cp == 0x2019 || cp == 0x2018)
			o[k++] = '\'';
		else if (cp == 0x201C || cp == 0x201D)
			o[k++] = '"';
		else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2013 ||
		         cp == 0x2014)
			o[k++] = '-';
		else if (cp == 0x00DF) {
			o[k++] = 's'; /* ß */
		} else {
			memcpy(o + k, out + i, cl);
			k += cl;
		}
		i += (utf8proc_ssize_t)cl;
	}
	o[k] = '\0';
	free(out);
	return o;
}

typedef struct {
	NkgToken *v;
	size_t n, cap;
} TokVec;

/* The ASCII letters and digits (0: any other byte, every byte >= 0x80
 * included), for the inner loop of a word. */
enum { ASCII_LOWER = 1, ASCII_UPPER, ASCII_DIGIT };
#define ASCII_ROW(c)                                                           \
	((c) >= 'a' && (c) <= 'z'   ? ASCII_LOWER                              \
	 : (c) >= 'A' && (c) <= 'Z' ? ASCII_UPPER                              \
	 : (c) >= '0' && (c) <= '9' ? ASCII_DIGIT                              \
	                            : 0)
#define ASCII_R4(c)                                                            \
	ASCII_ROW(c), ASCII_ROW(c + 1), ASCII_ROW(c + 2), ASCII_ROW(c + 3)
#define ASCII_R16(c)                                                           \
	ASCII_R4(c), ASCII_R4(c + 4), ASCII_R4(c + 8), ASCII_R4(c + 12)
static const unsigned char ascii_cls[256] = {
        ASCII_R16(0),  ASCII_R16(16), ASCII_R16(32), ASCII_R16(48),
        ASCII_R16(64), ASCII_R16(80), ASCII_R16(96), ASCII_R16(112)};

static int push(TokVec *tv, size_t b0, size_t b1, size_t c0, size_t c1,
                unsigned flags)
{
	if (tv->n == tv->cap) {
		size_t cap = tv->cap ? tv->cap * 2 : 256;
		NkgToken *p = realloc(tv->v, cap * sizeof *p);
		if (!p)
			return -1;
		tv->v = p;
		tv->cap = cap;
	}
	NkgToken *t = &tv->v[tv->n++];
	t->b0 = b0;
	t->b1 = b1;
	t->c0 = c0;
	t->c1 = c1;
	t->flags = flags;
	t->key = NULL;
	t->hash = 0;
	return 0;
}

/* Peeks the code point at byte I (0 at end). */
static int32_t peek(const unsigned char *s, size_t len, size_t i, size_t *n)
{
	if (i >= len) {
		*n = 0;
		return 0;
	}
	return decode(s + i, len - i, n);
}

/* Scans an initialism such as "U.S." or "a.m." at I; returns its byte
 * length and code-point count, or 0. */
static size_t initialism(const unsigned char *s, size_t len, size_t i,
                         size_t *cps)
{
	size_t j = i, letters = 0, n;
	*cps = 0;
	for (;;) {
		int32_t cp = peek(s, len, j, &n);
		if (!is_letter(cp))
			break;
		size_t n2;
		int32_t dot = peek(s, len, j + n, &n2);
		if (dot != '.')
			break;
		j += n + 1;
		*cps += 2;
		letters++;
		size_t n3;
		int32_t after = peek(s, len, j, &n3);
		if (!is_letter(after))
			break;
		/* The next letter must itself be followed by a period. */
		size_t n4;
		if (peek(s, len, j + n3, &n4) != '.')
			break;
	}
	return letters >= 2 ? j - i : 0;
}

int nkg_tokenize(const char *text, size_t len, NkgAbbrevFn abbrev,
                 const void *ctx, NkgTokens *out)
{
	const unsigned char *s = (const unsigned char *)text;
	TokVec tv = {0};
	size_t i = 0, cp_i = 0;
	unsigned pending = 0; /* NL / PARA flags for the next token */
	int newlines = 0;
	memset(out, 0, sizeof *out);
	/* news has about one token in six bytes: one allocation, not a
	 * copy at every doubling.  A large text's vector is mapped, and its
	 * pages cost memory only as tokens fill them */
	tv.cap = len / 5 + 64;
	tv.v = malloc(tv.cap * sizeof *tv.v);
	if (!tv.v)
		return -1;

	while (i < len) {
		size_t n;
		int32_t cp = peek(s, len, i, &n);
		if (is_space(cp)) {
			if (cp == '\n') {
				newlines++;
				pending |= NKG_TOK_NL;
				if (newlines >= 2)
					pending |= NKG_TOK_PARA;
			}
			i += n;
			cp_i++;
			continue;
		}
		newlines = 0;
		size_t b0 = i, c0 = cp_i;
		unsigned flags = pending;
		pending = 0;
		size_t icps;
		size_t il = is_letter(cp) ? initialism(s, len, i, &icps) : 0;
		if (il) {
			i += il;
			cp_i += icps;
			if (push(&tv, b0, i, c0, cp_i,
			         flags | NKG_TOK_WORD | NKG_TOK_INITIAL |
			                 (is_upper(cp) ? NKG_TOK_CAP : 0)))
				goto oom;
			continue;
		}
		if (is_wordcp(cp)) {
			flags |= NKG_TOK_WORD;
			if (is_upper(cp))
				flags |= NKG_TOK_CAP;
			if (is_digit(cp))
				flags |= NKG_TOK_NUM;
			int all_upper = is_upper(cp), letters = is_letter(cp);
			i += n;
			cp_i++;
			for (;;) {
				/* a run of ASCII letters and digits, most of
				 * every word, by table */
				size_t r = i;
				unsigned cls;
				while (r < len &&
				       (cls = ascii_cls[s[r]]) != 0) {
					letters += cls != ASCII_DIGIT;
					if (cls == ASCII_LOWER)
						all_upper = 0;
					r++;
				}
				cp_i += r - i;
				i = r;
				size_t m;
				int32_t c = peek(s, len, i, &m);
				if (!m)
					break;
				if (is_wordcp(c)) {
					if (is_letter(c)) {
						letters++;
						if (!is_upper(c))
							all_upper = 0;
					}
					i += m;
					cp_i++;
					continue;
				}
				size_t m2;
				int32_t c2 = peek(s, len, i + m, &m2);
				if (is_hyphen(c) && is_wordcp(c2)) {
					i += m;
					cp_i++;
					continue;
				}
				if ((c == '.' || c == ',') &&
				    (flags & NKG_TOK_NUM) && is_digit(c2)) {
					i += m;
					cp_i++;
					continue;
				}
				if (is_apos(c) && is_letter(c2)) {
					size_t m3;
					int32_t c3 =
					        peek(s, len, i + m + m2, &m3);
					/* "Venezuela's" splits; "O'Brien" does
					 * not. */
					if ((c2 == 's' || c2 == 'S') &&
					    !is_wordcp(c3))
						break;
					if ((c2 == 't') && !is_wordcp(c3) &&
					    (s[i - 1] == 'n' ||
					     s[i - 1] == 'N')) {
						if (i - 1 > b0) {
							/* "didn't" -> "did"
							 * "n't" */
							i -= 1;
							cp_i -= 1;
							break;
						}
						i += m + m2;
						cp_i += 2;
						continue;
					}
					i += m + m2;
					cp_i += 2;
					continue;
				}
				break;
			}
			if (all_upper && letters >= 2)
				flags |= NKG_TOK_UPPER;
			if (push(&tv, b0, i, c0, cp_i, flags))
				goto oom;
			continue;
		}
		/* "'s" and "n't" pieces */
		if (is_apos(cp)) {
			size_t m;
			int32_t c2 = peek(s, len, i + n, &m);
			if (c2 == 's' || c2 == 'S') {
				size_t m3;
				int32_t c3 = peek(s, len, i + n + m, &m3);
				if (!is_wordcp(c3)) {
					i += n + m;
					cp_i += 2;
					if (push(&tv, b0, i, c0, cp_i,
					         flags | NKG_TOK_WORD))
						goto oom;
					continue;
				}
			}
		}
		i += n;
		cp_i++;
		if (push(&tv, b0, i, c0, cp_i, flags | NKG_TOK_PUNCT))
			goto oom;
	}

	/* Keys */
	size_t total = 0;
	for (size_t k = 0; k < tv.n; k++)
		total += (tv.v[k].b1 - tv.v[k].b0) * 2 + 2;
	out->keybuf = malloc(total + 1);
	if (!out->keybuf)
		goto oom;
	size_t kp = 0;
	for (size_t k = 0; k < tv.n; k++) {
		NkgToken *t = &tv.v[k];
		/* most tokens are ASCII: folded in place, as nkg_fold() would
		 */
		const char *src = text + t->b0;
		size_t tl = t->b1 - t->b0, q = 0;
		char *d = out->keybuf + kp;
		uint32_t h = 2166136261u;
		for (; q < tl; q++) {
			unsigned char ch = (unsigned char)src[q];
			if (!ch || ch >= 0x80)
				break;
			if (ch >= 'A' && ch <= 'Z')
				ch = (unsigned char)(ch - 'A' + 'a');
			d[q] = (char)ch;
			h = (h ^ ch) * 16777619u;
		}
		if (q == tl) {
			d[q] = '\0';
			t->key = d;
			kp += tl + 1;
			t->hash = h;
			continue;
		}
		char *f = nkg_fold(src, tl);
		if (!f)
			goto oom;
		size_t fl = strlen(f);
		if (kp + fl + 1 > total) {
			/* Folding grew the key beyond the estimate: keep the
			 * raw bytes instead. */
			free(f);
			f = malloc(t->b1 - t->b0 + 1);
			if (!f)
				goto oom;
			memcpy(f, text + t->b0, t->b1 - t->b0);
			f[t->b1 - t->b0] = '\0';
			fl = strlen(f);
		}
		memcpy(out->keybuf + kp, f, fl + 1);
		free(f);
		t->key = out->keybuf + kp;
		kp += fl + 1;
		t->hash = nkg_hash(t->key);
	}

	/* Sentences */
	NkgSentence *sv = NULL;
	size_t ns = 0, cs = 0, start = 0;
	for (size_t k = 0; k <= tv.n; k++) {
		int boundary = 0;
		if (k == tv.n) {
			boundary = k > start;
		} else if (k - start >= NKG_MAX_SENTENCE_TOKENS) {
			/* text with no sentence boundary is cut into pieces so
			 * that work per sentence stays bounded */
			boundary = 1;
		} else if (k > start) {
			const NkgToken *t = &tv.v[k];
			const NkgToken *p = &tv.v[k - 1];
			if (t->flags & NKG_TOK_PARA)
				boundary = 1;
			else if ((t->flags & NKG_TOK_NL) &&
			         !((t->flags & NKG_TOK_WORD) &&
			           !(t->flags & NKG_TOK_CAP) &&
			           !(t->flags & NKG_TOK_NUM)))
				boundary = 1;
			else {
				/* find the last non-closing token before t */
				size_t q = k - 1;
				while (q > start &&
				       (tv.v[q].flags & NKG_TOK_PUNCT) &&
				       (strchr("\"')]", tv.v[q].key[0]) ||
				        !strcmp(tv.v[q].key, "\"")))
					q--;
				const char *pk = tv.v[q].key;
				/* ". ! ?" or U+2026: one byte decides most */
				int final = ((pk[0] == '.' || pk[0] == '!' ||
				              pk[0] == '?') &&
				             !pk[1]) ||
				            (pk[0] == '\xe2' &&
				             !strcmp(pk, "\xe2\x80\xa6"));
				if (final && pk[0] == '.' && q > start) {
					const NkgToken *w2 = &tv.v[q - 1];
					if (w2->b1 == tv.v[q].b0 &&
					    (w2->flags & NKG_TOK_WORD) &&
					    ((abbrev && abbrev(ctx, w2->key)) ||
					     ((w2->flags & NKG_TOK_CAP) &&
					      w2->b1 - w2->b0 == 1)))
						final = 0;
				}
				(void)p;
				int starter = (t->flags &
				               (NKG_TOK_CAP | NKG_TOK_NUM)) ||
				              ((t->flags & NKG_TOK_PUNCT) &&
				               strchr("\"'([", t->key[0]));
				if (final && starter && q == k - 1)
					boundary = 1;
				else if (final && starter && q < k - 1)
					boundary = 1;
			}
		}
		if (boundary) {
			if (ns == cs) {
				cs = cs ? cs * 2 : 64;
				NkgSentence *p2 = realloc(sv, cs * sizeof *p2);
				if (!p2) {
					free(sv);
					goto oom;
				}
				sv = p2;
			}
			NkgSentence *se = &sv[ns++];
			se->t0 = start;
			se->t1 = k;
			se->b0 = tv.v[start].b0;
			se->b1 = tv.v[k - 1].b1;
			se->c0 = tv.v[start].c0;
			se->c1 = tv.v[k - 1].c1;
			tv.v[k - 1].flags |= NKG_TOK_SENT_END;
			start = k;
		}
	}
	out->toks = tv.v;
	out->n_toks = tv.n;
	out->sents = sv;
	out->n_sents = ns;
	return 0;
oom:
	free(tv.v);
	free(out->keybuf);
	memset(out, 0, sizeof *out);
	return -1;
}

void nkg_tokens_free(NkgTokens *t)
{
	if (!t)
		return;
	free(t->toks);
	free(t->sents);
	free(t->keybuf);
	memset(t, 0, sizeof *t);
}

char *nkg_phrase_key(const char *label, size_t *n_tokens)
{
	NkgTokens t;
	size_t len = strlen(label);
	if (nkg_tokenize(label, len, NULL, NULL, &t))
		return NULL;
	size_t total = 1;
	for (size_t i = 0; i < t.n_toks; i++)
		total += strlen(t.toks[i].key) + 1;
	char *k = malloc(total);
	if (!k) {
		nkg_tokens_free(&t);
		return NULL;
	}
	size_t p = 0;
	for (size_t i = 0; i < t.n_toks; i++) {
		size_t l = strlen(t.toks[i].key);
		if (i)
			k[p++] = ' ';
		memcpy(k + p, t.toks[i].key, l);
		p += l;
	}
	k[p] = '\0';
	if (n_tokens)
		*n_tokens = t.n_toks;
	nkg_tokens_free(&t);
	return k;
}
