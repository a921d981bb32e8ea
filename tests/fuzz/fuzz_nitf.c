/* SPDX-License-Identifier: MIT */
/* fuzz_nitf.c: libFuzzer target for the NITF reader. */
#include "input/input.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	NkgRecord rec = {0};
	NkgError err = {0};
	nkg_read_markup(NKG_INPUT_NITF, (const char *)data, size, "fuzz.nitf", &rec,
	                &err);
	nkg_record_clear(&rec);
	return 0;
}
