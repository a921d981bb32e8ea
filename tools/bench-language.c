/* SPDX-License-Identifier: MIT */
/* bench-language.c: words per second of the linguistic layer alone.
 *
 * usage: bench-language FILE [ROUNDS]
 * Tokenizes the text of FILE once, then runs the layer (segmentation,
 * tagging, lemmas, chunks, relations) over every sentence ROUNDS times
 * (default 3) and prints the best round; tokenizing is timed apart, so the
 * figure is the layer's own. */
#include "language/language.h"
#include "lexicon/lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench-language FILE [ROUNDS]\n");
		return 1;
	}
	int rounds = argc > 2 ? atoi(argv[2]) : 3;
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	rewind(f);
	char *text = malloc((size_t)len + 1);
	if (!text || fread(text, 1, (size_t)len, f) != (size_t)len)
		return 2;
	text[len] = '\0';
	fclose(f);
	NkgError err = {0};
	NkgLang *lang = NULL;
	if (nkg_lang_load(&lang, &err)) {
		fprintf(stderr, "bench-language: %s\n", err.message);
		return 3;
	}
	double t0 = now();
	NkgTokens tk;
	if (nkg_tokenize(text, (size_t)len, NULL, NULL, &tk))
		return 3;
	double t_tok = now() - t0, best = 1e30;
	size_t words = 0;
	NkgAnalysis *a = nkg_analysis_new();
	for (int r = 0; r < rounds; r++) {
		words = 0;
		t0 = now();
		for (size_t s = 0; s < tk.n_sents; s++) {
			if (nkg_analyze_sentence(lang, text, &tk, &tk.sents[s], a))
				return 3;
			words += a->n_words;
		}
		double t = now() - t0;
		if (t < best)
			best = t;
	}
	printf("language layer  %zu words, %zu sentences, %.1f MB: %.3f s, %.0f words/s"
	       " (tokenizing apart: %.3f s)\n",
	       words, tk.n_sents, len / 1e6, best, words / best, t_tok);
	nkg_analysis_free(a);
	nkg_tokens_free(&tk);
	nkg_lang_free(lang);
	free(text);
	return 0;
}
