/* SPDX-License-Identifier: MIT */
/* libxml.c: loads libxml2 on first use (see libxml.h). */
#define NKG_LIBXML_IMPL
#include "input/libxml.h"

#include "util/dynlib.h"

#include <dlfcn.h>
#include <string.h>

#define LIBXML_SONAME "libxml2.so.2"

NkgLibxml nkg_libxml;
static NkgDynlib lib = NKG_DYNLIB_INIT;

static void load(void)
{
	static const char *const names[] = {
#define NKG_LIBXML_NAME(f) #f,
	        NKG_LIBXML_FUNCS(NKG_LIBXML_NAME)
#undef NKG_LIBXML_NAME
	};
	void *syms[sizeof names / sizeof *names];
	if (!nkg_dynlib_open(&lib, LIBXML_SONAME, RTLD_NOW | RTLD_LOCAL,
	                     "libxml2", "libxml2 2.9 or later", names, syms,
	                     sizeof names / sizeof *names)) {
		/* as in redland.c: a copy, not a cast */
		size_t i = 0;
#define NKG_LIBXML_SET(f)                                                      \
	memcpy(&nkg_libxml.f, &syms[i++], sizeof nkg_libxml.f);
		NKG_LIBXML_FUNCS(NKG_LIBXML_SET)
#undef NKG_LIBXML_SET
	}
}

int nkg_libxml_load(char *msg, size_t n)
{
	/* markup may be read by several threads of a library user */
	return nkg_dynlib_load(&lib, load, msg, n);
}
