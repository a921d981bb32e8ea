/* SPDX-License-Identifier: MIT */
/* redland.c: loads librdf on first use (see redland.h). */
#define NKG_REDLAND_IMPL
#include "rdf/redland.h"

#include "util/dynlib.h"

#include <dlfcn.h>
#include <string.h>

#define LIBRDF_SONAME "librdf.so.0"

NkgRedland nkg_redland;
static NkgDynlib lib = NKG_DYNLIB_INIT;

static void load(void)
{
	static const char *const names[] = {
#define NKG_REDLAND_NAME(f) #f,
	        NKG_REDLAND_FUNCS(NKG_REDLAND_NAME)
#undef NKG_REDLAND_NAME
	};
	void *syms[sizeof names / sizeof *names];
	/* the symbols stay local to the handle: nothing else in the process
	 * sees them */
	if (!nkg_dynlib_open(&lib, LIBRDF_SONAME, RTLD_NOW | RTLD_LOCAL,
	                     "librdf0", "librdf0 1.0.17 or later", names, syms,
	                     sizeof names / sizeof *names)) {
		/* ISO C has no cast between object and function pointers;
		 * dlsym's contract is that this copy is the function */
		size_t i = 0;
#define NKG_REDLAND_SET(f)                                                     \
	memcpy(&nkg_redland.f, &syms[i++], sizeof nkg_redland.f);
		NKG_REDLAND_FUNCS(NKG_REDLAND_SET)
#undef NKG_REDLAND_SET
	}
}

int nkg_redland_load(char *msg, size_t n)
{
	return nkg_dynlib_load(&lib, load, msg, n);
}
