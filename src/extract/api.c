/* SPDX-License-Identifier: MIT */
/* api.c: documents, the extraction entry point and status strings. */
#include "extract/extract.h"
#include "lexicon/lexicon.h"
#include "util/bytes8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct NkgDocumentImpl {
	char *text;
	size_t len;
	char *id, *date, *title, *url, *source_name;
};

const char *nkg_strerror(NkgStatus st)
{
	switch (st) {
	case NKG_SUCCESS:
		return "success";
	case NKG_ERR_USAGE:
		return "bad usage";
	case NKG_ERR_INPUT:
		return "unreadable or invalid input";
	case NKG_ERR_OUTPUT:
		return "cannot write output";
	case NKG_ERR_LEXICON:
		return "cannot load the lexicon";
	case NKG_ERR_INTERNAL:
		return "internal failure";
	}
	return "unknown status";
}

int nkg_format_from_name(const char *n)
{
	static const struct {
		const char *name;
		NkgFormat f;
	} t[] = {{"turtle", NKG_FORMAT_TURTLE},     {"ttl", NKG_FORMAT_TURTLE},
	         {"ntriples", NKG_FORMAT_NTRIPLES}, {"nt", NKG_FORMAT_NTRIPLES},
	         {"nquads", NKG_FORMAT_NQUADS},     {"nq", NKG_FORMAT_NQUADS},
	         {"rdfxml", NKG_FORMAT_RDFXML},     {"xml", NKG_FORMAT_RDFXML},
	         {"dot", NKG_FORMAT_DOT},           {"svg", NKG_FORMAT_SVG},
	         {"png", NKG_FORMAT_PNG},           {"pdf", NKG_FORMAT_PDF}};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(t[i].name, n))
			return (int)t[i].f;
	return -1;
}

int nkg_input_format_from_name(const char *n)
{
	static const char *const names[] = {"auto", "text",   "html",
	                                    "nitf", "newsml", "jsonl"};
	for (int i = 0; i < 6; i++)
		if (!strcmp(names[i], n))
			return i;
	return -1;
}

NkgDocument *nkg_document_new(const char *text, size_t len, NkgError *err)
{
	size_t bad = nkg_utf8_check(text, len);
	if (bad < len) {
		if (err) {
			err->status = NKG_ERR_INPUT;
			err->offset = (long)bad;
			snprintf(err->message, sizeof err->message,
			         "byte %zu: %s; convert the file to UTF-8", bad,
			         text[bad] ? "invalid UTF-8"
			                   : "NUL byte in text");
		}
		return NULL;
	}
	NkgDocument *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->text = malloc(len + 1);
	if (!d->text) {
		free(d);
		return NULL;
	}
	/* Line ends become "\n" and other control characters spaces, one
	 * code point for one, so offsets stay those of the text as a reader
	 * with universal newlines sees it. */
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		/* most bytes are kept: copy each run of them at once */
		size_t r = i;
		/* eight at a time while none is a control or DEL (an
		 * ASCII high bit cannot be one: bytes >= 0x80 pass) */
		while (r + 8 <= len) {
			uint64_t w = nkg_load8(text + r);
			if (nkg_below8(w, 0x20) | nkg_has8(w, 0x7f))
				break;
			r += 8;
		}
		while (r < len &&
		       ((unsigned char)text[r] >= 0x20 || text[r] == '\n' ||
		        text[r] == '\t') &&
		       text[r] != 0x7f)
			r++;
		if (r > i) {
			memcpy(d->text + o, text + i, r - i);
			o += r - i;
			i = r;
			if (i >= len)
				break;
		}
		unsigned char ch = (unsigned char)text[i];
		if (ch == '\r') {
			d->text[o++] = '\n';
			if (i + 1 < len && text[i + 1] == '\n')
				i++;
		} else if (ch < 0x20 && ch != '\n' && ch != '\t') {
			d->text[o++] = ' ';
		} else if (ch == 0x7f) {
			d->text[o++] = ' ';
		} else {
			d->text[o++] = (char)ch;
		}
	}
	d->text[o] = '\0';
	d->len = o;
	return d;
}

void nkg_document_free(NkgDocument *d)
{
	if (!d)
		return;
	free(d->text);
	free(d->id);
	free(d->date);
	free(d->title);
	free(d->url);
	free(d->source_name);
	free(d);
}

void nkg_document_set_id(NkgDocument *d, const char *s)
{
	nkg_set_str(&d->id, s);
}
void nkg_document_set_date(NkgDocument *d, const char *s)
{
	nkg_set_str(&d->date, s);
}
void nkg_document_set_title(NkgDocument *d, const char *s)
{
	nkg_set_str(&d->title, s);
}
void nkg_document_set_url(NkgDocument *d, const char *s)
{
	nkg_set_str(&d->url, s);
}
void nkg_document_set_source_name(NkgDocument *d, const char *s)
{
	nkg_set_str(&d->source_name, s);
}

const char *nkg_document_text(const NkgDocument *d, size_t *len)
{
	if (len)
		*len = d->len;
	return d->text;
}

/* A document without an id is named by a hash of its text, so the same
 * article gives the same IRIs wherever it is processed. */
static void text_id(const char *text, size_t len, char out[32])
{
	uint64_t h = 14695981039346656037ull;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)text[i];
		h *= 1099511628211ull;
	}
	snprintf(out, 32, "t%016llx", (unsigned long long)h);
}

const char *nkg_document_id(const NkgDocument *d, char buf[32])
{
	if (d->id)
		return d->id;
	text_id(d->text, d->len, buf);
	return buf;
}

NkgStatus nkg_extract(const NkgLexicon *lex, const NkgDocument *doc,
                      const NkgExtractOptions *opt, NkgGraph **out,
                      NkgError *err)
{
	*out = NULL;
	const char *base = opt && opt->base ? opt->base : NKG_DEFAULT_BASE;
	char idbuf[32];
	const char *id = doc->id;
	if (!id) {
		text_id(doc->text, doc->len, idbuf);
		id = idbuf;
	}
	char *slug = nkg_slug(id);
	size_t n = strlen(base) + (slug ? strlen(slug) : 0) + 1;
	char *iri = malloc(n);
	if (!iri || !slug) {
		free(iri);
		free(slug);
		return NKG_ERR_INTERNAL;
	}
	snprintf(iri, n, "%s%s", base, slug);
	NkgGraph *g = nkg_graph_new(iri);
	free(iri);
	free(slug);
	if (!g)
		return NKG_ERR_INTERNAL;
	g->doc_id = nkg_strdup(id);
	g->title = nkg_strdup(doc->title);
	g->url = nkg_strdup(doc->url);
	g->source_name = nkg_strdup(doc->source_name);
	g->text = malloc(doc->len + 1);
	if (!g->text) {
		nkg_graph_free(g);
		return NKG_ERR_INTERNAL;
	}
	memcpy(g->text, doc->text, doc->len + 1);
	g->text_len = doc->len;

	NkgYmd pub = {0, 0, 0};
	const char *d = opt && opt->date ? opt->date : doc->date;
	if (d && nkg_ymd_parse(d, &pub)) {
		if (err) {
			err->status = NKG_ERR_USAGE;
			snprintf(err->message, sizeof err->message,
			         "date '%s' is not YYYY-MM-DD", d);
		}
		nkg_graph_free(g);
		return NKG_ERR_USAGE;
	}
	NkgTokens tk;
	if (nkg_tokenize(doc->text, doc->len, nkg_lex_is_abbrev, lex, &tk)) {
		nkg_graph_free(g);
		return NKG_ERR_INTERNAL;
	}
	NkgStatus st = nkg_extract_tokens(lex, doc->text, &tk, g, &pub);
	nkg_tokens_free(&tk);
	if (pub.y) {
		char buf[16];
		const char *type;
		nkg_ymd_format(pub, buf, &type);
		g->date = nkg_strdup(buf);
	}
	nkg_graph_finish(g);
	if (st) {
		nkg_graph_free(g);
		return st;
	}
	*out = g;
	return NKG_SUCCESS;
}
