/* SPDX-License-Identifier: MIT */
/* fuzz_jsonl.c: libFuzzer target for the JSON Lines reader. */
#include "input/input.h"

#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0; /* fmemopen refuses an empty buffer */
	FILE *f = fmemopen((void *)data, size, "r");
	if (!f)
		return 0;
	NkgJsonlReader *r = nkg_jsonl_open(f, "fuzz.jsonl");
	for (int eof = 0; r && !eof;) {
		NkgRecord rec = {0};
		NkgError err = {0};
		nkg_jsonl_next(r, &rec, &eof, &err);
		nkg_record_clear(&rec);
	}
	nkg_jsonl_close(r);
	fclose(f);
	return 0;
}
