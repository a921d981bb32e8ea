/* SPDX-License-Identifier: MIT */
/* fuzz_text.c: libFuzzer target for the UTF-8 check and the tokenizer. */
#include "text/text.h"

#include <stdint.h>
#include <string.h>

/* Short words count as abbreviations so that path is taken too. */
static int short_is_abbrev(const void *ctx, const char *key)
{
	(void)ctx;
	return strlen(key) <= 3;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	/* The tokenizer wants valid UTF-8: give it the valid prefix. */
	size_t ok = nkg_utf8_check(s, size);
	NkgTokens tk;
	if (nkg_tokenize(s, ok, size & 1 ? short_is_abbrev : NULL, NULL, &tk) == 0)
		nkg_tokens_free(&tk);
	return 0;
}
