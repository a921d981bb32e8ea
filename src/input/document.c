/* SPDX-License-Identifier: MIT */
/* document.c: documents made from input records, for users of the library
 * who hold a record in memory (the Python module, a Dask worker) rather
 * than a file. */
#include "input/input.h"

#include <stdio.h>
#include <string.h>

NkgDocument *nkg_record_document(const NkgRecord *rec, NkgError *err)
{
	NkgDocument *doc =
	        nkg_document_new(rec->text ? rec->text : "", rec->len, err);
	if (!doc)
		return NULL;
	if (rec->id)
		nkg_document_set_id(doc, rec->id);
	if (rec->date)
		nkg_document_set_date(doc, rec->date);
	if (rec->title)
		nkg_document_set_title(doc, rec->title);
	if (rec->url)
		nkg_document_set_url(doc, rec->url);
	if (rec->source)
		nkg_document_set_source_name(doc, rec->source);
	return doc;
}

NkgDocument *nkg_document_from_json(const char *json, size_t len,
                                    const char *name, NkgError *err)
{
	if (!name)
		name = "<record>";
	if (!json || !len) {
		nkg_input_fail(err, NKG_ERR_INPUT, name, 1, 0,
		               "%s: empty record", name);
		return NULL;
	}
	/* The JSON Lines reader reads from a stream; the record is read as
	 * the one line of one. */
	FILE *f = fmemopen((void *)json, len, "r");
	if (!f) {
		nkg_input_fail(err, NKG_ERR_INTERNAL, name, 0, -1,
		               "%s: out of memory", name);
		return NULL;
	}
	NkgJsonlReader *r = nkg_jsonl_open(f, name);
	NkgRecord rec = {0}, more = {0};
	NkgDocument *doc = NULL;
	int eof = 0;
	NkgStatus st = nkg_jsonl_next(r, &rec, &eof, err);
	if (!st && eof) {
		nkg_input_fail(err, NKG_ERR_INPUT, name, 1, 0,
		               "%s: blank record", name);
	} else if (!st) {
		NkgError ignored = {0};
		int eof2 = 0;
		nkg_jsonl_next(r, &more, &eof2, &ignored);
		if (!eof2)
			nkg_input_fail(err, NKG_ERR_INPUT, name, 2, -1,
			               "%s: line 2: a record is one line of "
			               "JSON Lines",
			               name);
		else
			doc = nkg_record_document(&rec, err);
	}
	nkg_record_clear(&rec);
	nkg_record_clear(&more);
	nkg_jsonl_close(r);
	fclose(f);
	return doc;
}
