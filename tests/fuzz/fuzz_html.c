/* SPDX-License-Identifier: MIT */
/* fuzz_html.c: libFuzzer target for the HTML reader. */
#include "input/input.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	NkgRecord rec = {0};
	NkgError err = {0};
	nkg_read_markup(NKG_INPUT_HTML, (const char *)data, size, "fuzz.html", &rec,
	                &err);
	nkg_record_clear(&rec);
	return 0;
}
