/* SPDX-License-Identifier: MIT */
/* fuzz_extract.c: libFuzzer target for extraction and the Turtle writer. */
#include "newskg.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static NkgLexicon *lex;
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("NKG_ONTOLOGY");
	NkgError err = {0};
	if (nkg_lexicon_load(dir && *dir ? dir : "ontology", &lex, &err)) {
		fprintf(stderr, "fuzz_extract: %s (set NKG_ONTOLOGY)\n", err.message);
		exit(1);
	}
	devnull = fopen("/dev/null", "w");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	NkgError err = {0};
	NkgDocument *doc = nkg_document_new((const char *)data, size, &err);
	if (!doc)
		return 0;
	NkgGraph *g = NULL;
	if (nkg_extract(lex, doc, NULL, &g, &err) == NKG_SUCCESS)
		nkg_graph_write(g, NKG_FORMAT_TURTLE, devnull, NULL, &err);
	nkg_graph_free(g);
	nkg_document_free(doc);
	return 0;
}
