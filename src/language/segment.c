/* SPDX-License-Identifier: MIT */
/* segment.c: text tokens into words as UD English tokenizes them.
 *
 * The text stage keeps "month-old", "they're" and URLs in pieces that suit
 * lexicon lookup; Universal Dependencies English (the EWT and GUM
 * treebanks, after the Penn Treebank and OntoNotes) splits hyphenated
 * compounds unless the first part is a bound prefix ("non-", "anti-"),
 * splits the clitics 're 've 'll 'd 'm (the text stage already splits 's
 * and n't), "cannot" and "gonna", and keeps a run of dots or dashes, a URL
 * or an e-mail address as one word.
 */
#include "language/language.h"
#include "text/fmt.h"

#include <stdlib.h>
#include <string.h>

/* Prefixes after which a hyphenated word stays whole. */
static const char *const prefixes[] = {
        "a",      "e",      "ex",    "non",   "anti",    "pre",   "post",
        "pro",    "co",     "re",    "mis",   "counter", "cross", "multi",
        "over",   "under",  "inter", "intra", "mid",     "mini",  "micro",
        "macro",  "mega",   "neo",   "semi",  "sub",     "super", "ultra",
        "un",     "uni",    "bi",    "tri",   "vice",    "extra", "pan",
        "para",   "pseudo", "quasi", "trans", "de",      "dis",   "eco",
        "cyber",  "geo",    "socio", "bio",   "agro",    "ante",  "arch",
        "contra", "hyper",  "infra", "mono",  "peri",    "poly",  "proto",
        "retro",  NULL};

/* Clitics split from the end of a word; "n't" and "'s" are split already. */
static const char *const clitics[] = {"'re", "'ve", "'ll", "'d", "'m", NULL};

/* Words UD splits in two at a fixed place; 5 or 6 bytes each, the only
 * lengths split_token() tries them on. */
static const struct {
	const char *word;
	size_t at;
} fused[] = {{"cannot", 3}, {"gonna", 3}, {"wanna", 3},
             {"gotta", 3},  {"dunno", 2}, {NULL, 0}};

static size_t cp_count(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

static int lower_eq(const char *s, size_t n, const char *w)
{
	size_t i = 0;
	for (; i < n && w[i]; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c == '\xe2' && i + 2 < n && s[i + 1] == '\x80' &&
		    s[i + 2] == '\x99') {
			/* ’ as an apostrophe */
			if (w[i] != '\'')
				return 0;
			s += 2;
			n -= 2;
			continue;
		}
		if (c != w[i])
			return 0;
	}
	return i == n && !w[i];
}

/* Adds the word B0..B1 of token TOK; KEY is its folded form when known
 * (a word that is its whole token has the text stage's), else NULL. */
static int add_word_key(NkgAnalysis *a, const char *text, size_t tok, size_t b0,
                        size_t b1, size_t c0, unsigned flags, const char *key)
{
	if (a->n_words == a->cap_words) {
		size_t cap = a->cap_words ? a->cap_words * 2 : 64;
		NkgWord *w = realloc(a->words, cap * sizeof *w);
		if (!w)
			return -1;
		a->words = w;
		a->cap_words = cap;
	}
	NkgWord *w = &a->words[a->n_words++];
	memset(w, 0, sizeof *w);
	w->b0 = (uint32_t)b0;
	w->b1 = (uint32_t)b1;
	w->c0 = (uint32_t)c0;
	w->tok = (uint32_t)tok;
	w->head = -1;
	w->chunk = -1;
	if (key) {
		w->key = nkg_lang_pool_add(a, key, strlen(key));
	} else {
		char *f = nkg_fold(text + b0, b1 - b0);
		if (!f)
			return -1;
		w->key = nkg_lang_pool_add(a, f, strlen(f));
		free(f);
	}
	if (w->key == UINT32_MAX)
		return -1;
	unsigned char c = (unsigned char)text[b0];
	w->flags = (uint16_t)flags;
	if (c >= 'A' && c <= 'Z')
		w->flags |= W_CAP;
	if (c >= '0' && c <= '9')
		w->flags |= W_NUM;
	/* one pass over the bytes: code points, letters, case and the
	 * memos' hash (ld_hash(), the same value) */
	int letters = 0, upper = 1;
	size_t cps = 0;
	uint32_t h = 2166136261u;
	for (size_t i = b0; i < b1; i++) {
		unsigned char d = (unsigned char)text[i];
		h = (h ^ d) * 16777619u;
		cps += (d & 0xc0) != 0x80;
		if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z')) {
			letters++;
			upper &= d <= 'Z';
		}
	}
	w->c1 = (uint32_t)(c0 + cps);
	w->fhash = h ^ (h >> 15);
	if (letters >= 2 && upper)
		w->flags |= W_UPPER;
	if (!letters && !(w->flags & W_NUM) && c < 0x80 &&
	    !(c >= '0' && c <= '9'))
		w->flags |= W_PUNCT;
	return 0;
}

static int add_word(NkgAnalysis *a, const char *text, size_t tok, size_t b0,
                    size_t b1, size_t c0, unsigned flags)
{
	return add_word_key(a, text, tok, b0, b1, c0, flags, NULL);
}

/* Splits one token at its hyphens, its clitic and its fused form. */
static int split_token(NkgAnalysis *a, const char *text, size_t k,
                       const NkgToken *t)
{
	size_t b0 = t->b0, b1 = t->b1, c0 = t->c0;
	const char *s = text + b0;
	size_t n = b1 - b0;
	/* a fused word has 5 or 6 bytes: "cannot", "gonna" */
	for (int i = 0; (n == 5 || n == 6) && fused[i].word; i++)
		if (lower_eq(s, n, fused[i].word))
			return add_word(a, text, k, b0, b0 + fused[i].at, c0,
			                0) ||
			       add_word(a, text, k, b0 + fused[i].at, b1,
			                c0 + fused[i].at, 0);
	/* a clitic at the end */
	size_t end = b1;
	for (size_t i = n; i-- > 1;) {
		if (s[i] != '\'' && !(s[i] == '\x99' && i >= 2 &&
		                      s[i - 1] == '\x80' && s[i - 2] == '\xe2'))
			continue;
		size_t ap = s[i] == '\'' ? i : i - 2;
		for (int c = 0; clitics[c]; c++)
			if (lower_eq(s + ap, n - ap, clitics[c]))
				end = b0 + ap;
		break;
	}
	/* hyphens: ASCII '-', U+2010 and U+2011 */
	size_t first = end - b0;
	for (size_t i = 1; i + 1 < end - b0; i++)
		if (s[i] == '-') {
			first = i;
			break;
		}
	int split = first < end - b0;
	for (int p = 0; split && prefixes[p]; p++)
		if (lower_eq(s, first, prefixes[p]))
			split = 0;
	size_t w0 = b0;
	if (split)
		for (size_t i = b0 + 1; i + 1 < end; i++) {
			if (text[i] != '-')
				continue;
			size_t cc = c0 + cp_count(text + b0, w0 - b0);
			if (add_word(a, text, k, w0, i, cc, 0) ||
			    add_word(a, text, k, i, i + 1,
			             cc + cp_count(text + w0, i - w0), 0))
				return -1;
			w0 = i + 1;
		}
	/* most tokens are one word: their folded key is the text stage's */
	if (add_word_key(a, text, k, w0, end, c0 + cp_count(text + b0, w0 - b0),
	                 0, w0 == b0 && end == b1 ? t->key : NULL))
		return -1;
	if (end < b1)
		return add_word(a, text, k, end, b1, c0 + cp_count(s, end - b0),
		                0);
	return 0;
}

static int is_run_char(char c)
{
	return strchr(".-=*_~!?", c) && c;
}

/* Tokens from K on that touch and make one word: a run of dots, dashes
 * and the like, a URL, an e-mail address.  Returns the last one. */
static size_t glue(const char *text, const NkgTokens *tk, size_t k, size_t end)
{
	const NkgToken *t = &tk->toks[k];
	size_t j = k;
	if (t->b1 - t->b0 == 1 && is_run_char(text[t->b0])) {
		while (j + 1 < end && tk->toks[j + 1].b0 == tk->toks[j].b1 &&
		       tk->toks[j + 1].b1 - tk->toks[j + 1].b0 == 1 &&
		       is_run_char(text[tk->toks[j + 1].b0]))
			j++;
		return j;
	}
	/* "Mr." "M." "Inc.": a period that did not end the sentence belongs
	 * to the word before it */
	if ((t->flags & NKG_TOK_WORD) && !(t->flags & NKG_TOK_NUM) &&
	    k + 2 < end && tk->toks[k + 1].b0 == t->b1 && text[t->b1] == '.' &&
	    tk->toks[k + 1].b1 == t->b1 + 1 && tk->toks[k + 2].b0 > t->b1 + 1)
		return k + 1;
	/* emoticons ":-)" ";)" */
	if (t->b1 - t->b0 == 1 && strchr(":;", text[t->b0]) && k + 1 < end &&
	    tk->toks[k + 1].b0 == t->b1) {
		size_t m = k + 1;
		if (text[tk->toks[m].b0] == '-' && m + 1 < end &&
		    tk->toks[m + 1].b0 == tk->toks[m].b1)
			m++;
		if (tk->toks[m].b1 - tk->toks[m].b0 == 1 &&
		    strchr(")(DPp", text[tk->toks[m].b0]) &&
		    (m + 1 >= end || tk->toks[m + 1].b0 > tk->toks[m].b1))
			return m;
	}
	/* "#tag", "3/9/2005", "11:16:00", "irc.example.net" */
	if (k + 1 < end && tk->toks[k + 1].b0 == t->b1 && text[t->b0] == '#' &&
	    (tk->toks[k + 1].flags & NKG_TOK_WORD))
		return k + 1;
	if (t->flags & NKG_TOK_WORD) {
		size_t m = k;
		int num = (t->flags & NKG_TOK_NUM) != 0, seps = 0;
		while (m + 2 < end && tk->toks[m + 1].b0 == tk->toks[m].b1 &&
		       tk->toks[m + 2].b0 == tk->toks[m + 1].b1 &&
		       tk->toks[m + 1].b1 - tk->toks[m + 1].b0 == 1 &&
		       (tk->toks[m + 2].flags & NKG_TOK_WORD)) {
			char sep = text[tk->toks[m + 1].b0];
			int ok =
			        num ? (sep == '/' || sep == ':') &&
			                        (tk->toks[m + 2].flags &
			                         NKG_TOK_NUM)
			            : sep == '.' &&
			                        text[tk->toks[m + 2].b0] >=
			                                'a' &&
			                        text[tk->toks[m + 2].b0] <= 'z';
			if (!ok)
				break;
			m += 2;
			seps++;
		}
		if (seps)
			return m;
	}
	int url = (t->key[0] == 'h' && !strncmp(t->key, "http", 4)) ||
	          nkg_streq(t->key, "www");
	int mail = 0;
	size_t m = k;
	while (m + 1 < end && tk->toks[m + 1].b0 == tk->toks[m].b1 &&
	       !strchr("\"()[]{},;<>", text[tk->toks[m + 1].b0])) {
		m++;
		if (text[tk->toks[m].b0] == '@' && m + 1 < end &&
		    (tk->toks[m + 1].flags & NKG_TOK_WORD) &&
		    (t->flags & NKG_TOK_WORD))
			mail = 1;
	}
	if (!url && !mail)
		return k;
	/* a sentence's final period is not part of the address */
	while (m > k && strchr(".,:;!?", text[tk->toks[m].b0]) &&
	       tk->toks[m].b1 - tk->toks[m].b0 == 1)
		m--;
	return m;
}

int nkg_lang_segment(const char *text, const NkgTokens *tk,
                     const NkgSentence *s, NkgAnalysis *a)
{
	a->n_words = 0;
	a->n_chunks = 0;
	a->n_pool = 0;
	if (nkg_lang_pool_add(a, "", 0) == UINT32_MAX)
		return -1;
	for (size_t k = s->t0; k < s->t1; k++) {
		const NkgToken *t = &tk->toks[k];
		size_t j = glue(text, tk, k, s->t1);
		if (j > k) {
			if (add_word(a, text, k, t->b0, tk->toks[j].b1, t->c0,
			             0))
				return -1;
			k = j;
			continue;
		}
		/* a token of a thousand hyphens stays one word: sentences keep
		 * a bounded number of words (NkgChunk counts them in 16 bits)
		 */
		int rc = a->n_words + (t->b1 - t->b0) < NKG_LANG_MAX_WORDS
		                 ? split_token(a, text, k, t)
		                 : add_word_key(a, text, k, t->b0, t->b1, t->c0,
		                                0, t->key);
		if (rc)
			return -1;
	}
	for (size_t i = 0; i + 1 < a->n_words; i++)
		if (a->words[i].b1 == a->words[i + 1].b0)
			a->words[i].flags |= W_NOSPACE;
	return 0;
}
