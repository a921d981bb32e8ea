/* SPDX-License-Identifier: MIT */
/* diagram-stub.c: stands in for the corpus diagram and timeline, which
 * src/emit/ provides, so that this branch links without them. */
#include "corpus/corpus.h"

#include <string.h>

static NkgStatus not_built(NkgError *err)
{
	if (err) {
		err->status = NKG_ERR_USAGE;
		strcpy(err->message, "not built yet");
	}
	return NKG_ERR_USAGE;
}

NkgStatus nkg_corpus_write_diagram(const NkgCorpus *c, NkgFormat format,
                                   FILE *out,
                                   const NkgCorpusDiagramOptions *opt,
                                   NkgError *err)
{
	(void)c;
	(void)format;
	(void)out;
	(void)opt;
	return not_built(err);
}

NkgStatus nkg_corpus_write_timeline(const NkgCorpus *c, FILE *out,
                                    const NkgCorpusDiagramOptions *opt,
                                    NkgError *err)
{
	(void)c;
	(void)out;
	(void)opt;
	return not_built(err);
}
