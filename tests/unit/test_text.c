/* SPDX-License-Identifier: MIT */
/* test_text.c: UTF-8 checking, folding, tokens, sentences and dates. */
#include "check.h"

#include "extract/dates.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int abbrev(const void *ctx, const char *key)
{
	(void)ctx;
	return !strcmp(key, "jan") || !strcmp(key, "gen") || !strcmp(key, "dr");
}

static size_t sentences(const char *text, NkgTokens *t)
{
	CHECK(nkg_tokenize(text, strlen(text), abbrev, NULL, t) == 0);
	return t->n_sents;
}

int main(void)
{
	/* UTF-8 */
	CHECK(nkg_utf8_check("abc", 3) == 3);
	CHECK(nkg_utf8_check("a\xc3\xa9", 3) == 3);
	CHECK(nkg_utf8_check("ab\xff", 3) == 2);
	CHECK(nkg_utf8_check("a\xc0\xaf", 3) == 1);         /* overlong */
	CHECK(nkg_utf8_check("a\xed\xa0\x80", 4) == 1);     /* surrogate */
	CHECK(nkg_utf8_check("a\xf4\x90\x80\x80", 5) == 1); /* > U+10FFFF */
	CHECK(nkg_utf8_check("a\0b", 3) == 1);              /* NUL */
	CHECK(nkg_utf8_check("a\xe2\x82", 3) == 1);         /* truncated */

	/* folding */
	char *f = nkg_fold("Rodr\xc3\xadguez", strlen("Rodr\xc3\xadguez"));
	CHECK(f && !strcmp(f, "rodriguez"));
	free(f);
	f = nkg_fold("D\xc3\x8d"
	             "AZ-CANEL",
	             strlen("D\xc3\x8d"
	                    "AZ-CANEL"));
	CHECK(f && !strcmp(f, "diaz-canel"));
	free(f);
	f = nkg_fold("T\xc3\xbcrkiye", strlen("T\xc3\xbcrkiye"));
	CHECK(f && !strcmp(f, "turkiye"));
	free(f);

	/* tokens: initialisms, possessives, curly apostrophes, n't */
	NkgTokens t;
	const char *s1 =
	        "The U.S. says Venezuela\xe2\x80\x99s leader didn't go.";
	CHECK(nkg_tokenize(s1, strlen(s1), abbrev, NULL, &t) == 0);
	CHECK(t.n_toks == 10);
	if (t.n_toks == 10) {
		CHECK(!strcmp(t.toks[1].key, "u.s."));
		CHECK(t.toks[1].flags & NKG_TOK_INITIAL);
		CHECK(!strcmp(t.toks[3].key, "venezuela"));
		CHECK(!strcmp(t.toks[4].key, "'s"));
		CHECK(!strcmp(t.toks[6].key, "did"));
		CHECK(!strcmp(t.toks[7].key, "n't"));
		/* code points: the curly apostrophe is one */
		CHECK(t.toks[4].c1 - t.toks[4].c0 == 2);
	}
	CHECK(t.n_sents == 1);
	nkg_tokens_free(&t);

	/* sentences survive "U.S." and "Jan." */
	CHECK(sentences(
	              "A U.S. official spoke on Jan. 3 in Paris. Then he left.",
	              &t) == 2);
	nkg_tokens_free(&t);
	CHECK(sentences(
	              "Gen. Smith arrived. Dr. Jones left! Why? Nobody knows.",
	              &t) == 4);
	nkg_tokens_free(&t);
	/* headlines on their own line; a blank line is a boundary */
	CHECK(sentences(
	              "Talks resume in Geneva\n\nThe two sides met on Monday.",
	              &t) == 2);
	nkg_tokens_free(&t);
	/* a wrapped line continues the sentence */
	CHECK(sentences("The minister said the\ntalks would resume.", &t) == 1);
	nkg_tokens_free(&t);
	/* quotes close the sentence they end */
	CHECK(sentences("\xe2\x80\x9cWe will not yield.\xe2\x80\x9d She left.",
	                &t) == 2);
	nkg_tokens_free(&t);
	CHECK(sentences("", &t) == 0);
	nkg_tokens_free(&t);

	/* numbers keep their decimal points */
	CHECK(nkg_tokenize("It cost 5.1 million.", 20, abbrev, NULL, &t) == 0);
	CHECK(t.n_toks == 5 && !strcmp(t.toks[2].key, "5.1"));
	nkg_tokens_free(&t);

	/* phrase keys */
	size_t n;
	char *k = nkg_phrase_key("U.S. Naval Academy", &n);
	CHECK(k && !strcmp(k, "u.s. naval academy") && n == 3);
	free(k);

	/* dates */
	NkgYmd d;
	CHECK(nkg_ymd_parse("2026-02-21", &d) == 0 && d.y == 2026 && d.m == 2 &&
	      d.d == 21);
	CHECK(nkg_ymd_parse("2026-2-21x", &d) != 0 || d.m == 2);
	CHECK(nkg_ymd_parse("21/02/2026", &d) != 0);
	char buf[16];
	const char *type;
	NkgYmd ym = {2025, 12, 0};
	nkg_ymd_format(ym, buf, &type);
	CHECK(!strcmp(buf, "2025-12") && !strcmp(type, "gYearMonth"));

	if (failures)
		fprintf(stderr, "test_text: %d failures\n", failures);
	return failures != 0;
}
