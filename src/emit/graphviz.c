/* SPDX-License-Identifier: MIT */
/* graphviz.c: loads cgraph and gvc on first use (see graphviz.h). */
#define NKG_GRAPHVIZ_IMPL
#include "emit/graphviz.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* libgvc needs libcgraph: one dlopen() brings both, and dlsym() on its
 * handle finds the symbols of either */
#define GVC_SONAME "libgvc.so.6"

NkgGraphviz nkg_graphviz;
static int loaded; /* 1 loaded, -1 failed */
static char failure[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	NkgGraphviz t;
	/* global: the layout and render plugins gvc opens link against
	 * the same two libraries */
	void *h = dlopen(GVC_SONAME, RTLD_NOW | RTLD_GLOBAL);
	loaded = h ? 1 : -1;
	if (!h)
		snprintf(failure, sizeof failure,
		         "cannot load %s (Debian package libgvc6): %s",
		         GVC_SONAME, dlerror());
#define NKG_GRAPHVIZ_SYM(f)                                                    \
	if (loaded == 1) {                                                     \
		void *p = dlsym(h, #f);                                        \
		if (p) {                                                       \
			/* ISO C has no cast between object and function       \
			 * pointers; dlsym's contract is that this copy is     \
			 * the function (or the object's address) */           \
			memcpy(&t.f, &p, sizeof t.f);                          \
		} else {                                                       \
			loaded = -1;                                           \
			snprintf(failure, sizeof failure,                      \
			         "%s lacks %s; install graphviz 2.42 or "      \
			         "later",                                      \
			         GVC_SONAME, #f);                              \
		}                                                              \
	}
	NKG_GRAPHVIZ_FUNCS(NKG_GRAPHVIZ_SYM)
#undef NKG_GRAPHVIZ_SYM
	if (loaded == 1)
		nkg_graphviz = t;
}

int nkg_graphviz_load(char *msg, size_t n)
{
	pthread_once(&once, load);
	if (loaded < 0 && msg && n)
		snprintf(msg, n, "%s", failure);
	return loaded == 1 ? 0 : -1;
}
