/* SPDX-License-Identifier: MIT */
/* graphviz.c: loads cgraph and gvc on first use (see graphviz.h). */
#define NKG_GRAPHVIZ_IMPL
#include "emit/graphviz.h"

#include "util/dynlib.h"

#include <dlfcn.h>
#include <string.h>

/* libgvc needs libcgraph: one dlopen() brings both, and dlsym() on its
 * handle finds the symbols of either */
#define GVC_SONAME "libgvc.so.6"

NkgGraphviz nkg_graphviz;
static NkgDynlib lib = NKG_DYNLIB_INIT;

static void load(void)
{
	static const char *const names[] = {
#define NKG_GRAPHVIZ_NAME(f) #f,
	        NKG_GRAPHVIZ_FUNCS(NKG_GRAPHVIZ_NAME)
#undef NKG_GRAPHVIZ_NAME
	};
	void *syms[sizeof names / sizeof *names];
	/* global: the layout and render plugins gvc opens link against
	 * the same two libraries */
	if (!nkg_dynlib_open(&lib, GVC_SONAME, RTLD_NOW | RTLD_GLOBAL,
	                     "libgvc6", "graphviz 2.42 or later", names, syms,
	                     sizeof names / sizeof *names)) {
		/* as in redland.c: a copy, not a cast (for the data symbols,
		 * the object's address) */
		size_t i = 0;
#define NKG_GRAPHVIZ_SET(f)                                                    \
	memcpy(&nkg_graphviz.f, &syms[i++], sizeof nkg_graphviz.f);
		NKG_GRAPHVIZ_FUNCS(NKG_GRAPHVIZ_SET)
#undef NKG_GRAPHVIZ_SET
	}
}

int nkg_graphviz_load(char *msg, size_t n)
{
	return nkg_dynlib_load(&lib, load, msg, n);
}
