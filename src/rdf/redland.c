/* SPDX-License-Identifier: MIT */
/* redland.c: loads librdf on first use (see redland.h). */
#define NKG_REDLAND_IMPL
#include "rdf/redland.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#define LIBRDF_SONAME "librdf.so.0"

NkgRedland nkg_redland;
static int loaded; /* 1 loaded, -1 failed */
static char failure[256];

int nkg_redland_load(char *msg, size_t n)
{
	if (!loaded) {
		NkgRedland t;
		/* the symbols stay local to the handle: nothing else in the
		 * process sees them */
		void *h = dlopen(LIBRDF_SONAME, RTLD_NOW | RTLD_LOCAL);
		loaded = h ? 1 : -1;
		if (!h)
			snprintf(failure, sizeof failure,
			         "cannot load %s (Debian package librdf0): %s",
			         LIBRDF_SONAME, dlerror());
#define NKG_REDLAND_SYM(f)                                                     \
	if (loaded == 1) {                                                     \
		void *p = dlsym(h, #f);                                        \
		if (p) {                                                       \
			/* ISO C has no cast between object and function       \
			 * pointers; dlsym's contract is that this copy is     \
			 * the function */                                     \
			memcpy(&t.f, &p, sizeof t.f);                          \
		} else {                                                       \
			loaded = -1;                                           \
			snprintf(failure, sizeof failure,                      \
			         "%s lacks %s; install librdf0 1.0.17 or "     \
			         "later",                                      \
			         LIBRDF_SONAME, #f);                           \
		}                                                              \
	}
		NKG_REDLAND_FUNCS(NKG_REDLAND_SYM)
#undef NKG_REDLAND_SYM
		if (loaded == 1)
			nkg_redland = t;
	}
	if (loaded < 0 && msg && n)
		snprintf(msg, n, "%s", failure);
	return loaded == 1 ? 0 : -1;
}
