/* SPDX-License-Identifier: MIT */
/* dynlib.h: a shared library opened the first time a run needs it.
 *
 * librdf (rdf/redland.c), libxml2 (input/libxml.c) and graphviz
 * (emit/graphviz.c) are not linked: each keeps a table of the functions
 * it calls, filled by nkg_dynlib_open() from the symbols' names. */
#ifndef NKG_DYNLIB_H
#define NKG_DYNLIB_H

#include <stddef.h>

/* Opens SONAME with dlopen() FLAGS and looks up the N symbols NAMES into
 * SYMS.  Returns 0, or -1 with one line in MSG (SIZE bytes): the library
 * missing (and the Debian PACKAGE that brings it) or a symbol missing
 * (and what to INSTALL instead). */
int nkg_dynlib_open(const char *soname, int flags, const char *package,
                    const char *install, const char *const *names, void **syms,
                    size_t n, char *msg, size_t size);

#endif
