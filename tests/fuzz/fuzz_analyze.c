/* SPDX-License-Identifier: MIT */
/* fuzz_analyze.c: libFuzzer target for the linguistic layer (segmenting,
 * tagging, lemmas, parsing) and both of analyze's output formats. */
#include "newskg.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static NkgLexicon *lex;
static NkgLang *lang;
static FILE *null;
static const NkgAnalysisFormat formats[] = {NKG_ANALYSIS_TEXT,
                                            NKG_ANALYSIS_CONLLU};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("NKG_ONTOLOGY");
	NkgError err = {0};
	if (nkg_lexicon_load(dir && *dir ? dir : "ontology", &lex, &err)) {
		fprintf(stderr, "fuzz_analyze: %s (set NKG_ONTOLOGY)\n",
		        err.message);
		exit(1);
	}
	/* its message names NKG_TAGGER_DIR or NKG_WORDNET_DIR */
	if (nkg_lang_load(&lang, &err)) {
		fprintf(stderr, "fuzz_analyze: %s\n", err.message);
		exit(1);
	}
	null = fopen("/dev/null", "w");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	NkgError err = {0};
	NkgDocument *doc = nkg_document_new((const char *)data, size, &err);
	if (!doc)
		return 0;
	/* a document analyses unless memory runs out: a failure is a find */
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (nkg_analyze_write(lang, lex, doc, formats[i], null, &err))
			abort();
	nkg_document_free(doc);
	return 0;
}
