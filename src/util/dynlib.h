/* SPDX-License-Identifier: MIT */
/* dynlib.h: a shared library opened the first time a run needs it.
 *
 * librdf (rdf/redland.c), libxml2 (input/libxml.c) and graphviz
 * (emit/graphviz.c) are not linked: each keeps a table of the functions
 * it calls, filled by nkg_dynlib_open() from the symbols' names, once for
 * the process however many threads ask (nkg_dynlib_load()). */
#ifndef NKG_DYNLIB_H
#define NKG_DYNLIB_H

#include <pthread.h>
#include <stddef.h>

/* What became of one library. */
typedef struct {
	pthread_once_t once;
	int loaded; /* 0 not tried, 1 loaded, -1 failed */
	char failure[256];
} NkgDynlib;
#define NKG_DYNLIB_INIT                                                        \
	{                                                                      \
		PTHREAD_ONCE_INIT, 0,                                          \
		{                                                              \
			0                                                      \
		}                                                              \
	}

/* Opens SONAME with dlopen() FLAGS and looks up the N symbols NAMES into
 * SYMS.  Returns 0, or -1 with one line in D->failure: the library
 * missing (and the Debian PACKAGE that brings it) or a symbol missing
 * (and what to INSTALL instead); D->loaded says which. */
int nkg_dynlib_open(NkgDynlib *d, const char *soname, int flags,
                    const char *package, const char *install,
                    const char *const *names, void **syms, size_t n);
/* Runs LOAD (which calls nkg_dynlib_open() for D) once for the process;
 * returns 0, or -1 with D's failure in MSG (N bytes; MSG may be NULL). */
int nkg_dynlib_load(NkgDynlib *d, void (*load)(void), char *msg, size_t n);

#endif
