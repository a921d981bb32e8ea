/* fuzz_analyze.c: libFuzzer target for the linguistic layer (segmenting,
 * tagging, lemmas, parsing) and both of analyze's output formats. */
#include "newskg.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static NkgLexicon *lex;
static NkgLang *lang;
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("NKG_ONTOLOGY");
	NkgError err = {0};
	if (nkg_lexicon_load(dir && *dir ? dir : "ontology", &lex, &err) ||
	    nkg_lang_load(&lang, &err)) {
		fprintf(stderr, "fuzz_analyze: %s (set NKG_ONTOLOGY, NKG_TAGGER_DIR, "
		        "NKG_WORDNET_DIR)\n", err.message);
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
	nkg_analyze_write(lang, lex, doc, NKG_ANALYSIS_TEXT, devnull, &err);
	nkg_analyze_write(lang, lex, doc, NKG_ANALYSIS_CONLLU, devnull, &err);
	nkg_document_free(doc);
	return 0;
}
