/* SPDX-License-Identifier: MIT */
/* libxml.c: loads libxml2 on first use (see libxml.h). */
#define NKG_LIBXML_IMPL
#include "input/libxml.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define LIBXML_SONAME "libxml2.so.2"

NkgLibxml nkg_libxml;
static int loaded; /* 1 loaded, -1 failed */
static char failure[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	NkgLibxml t;
	void *h = dlopen(LIBXML_SONAME, RTLD_NOW | RTLD_LOCAL);
	loaded = h ? 1 : -1;
	if (!h)
		snprintf(failure, sizeof failure,
		         "cannot load %s (Debian package libxml2): %s",
		         LIBXML_SONAME, dlerror());
#define NKG_LIBXML_SYM(f)                                                      \
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
			         "%s lacks %s; install libxml2 2.9 or later",  \
			         LIBXML_SONAME, #f);                           \
		}                                                              \
	}
	NKG_LIBXML_FUNCS(NKG_LIBXML_SYM)
#undef NKG_LIBXML_SYM
	if (loaded == 1)
		nkg_libxml = t;
}

int nkg_libxml_load(char *msg, size_t n)
{
	/* markup may be read by several threads of a library user */
	pthread_once(&once, load);
	if (loaded < 0 && msg && n)
		snprintf(msg, n, "%s", failure);
	return loaded == 1 ? 0 : -1;
}
