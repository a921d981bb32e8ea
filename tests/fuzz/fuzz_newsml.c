/* SPDX-License-Identifier: MIT */
/* fuzz_newsml.c: libFuzzer target for the NEWSML reader. */
#include "input/input.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	NkgRecord rec = {0};
	NkgError err = {0};
	nkg_read_markup(NKG_INPUT_NEWSML, (const char *)data, size, "fuzz.newsml", &rec,
	                &err);
	nkg_record_clear(&rec);
	return 0;
}
