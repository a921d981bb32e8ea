/* SPDX-License-Identifier: MIT */
/* diagram-text.h: a growable string and the escaping that diagram texts
 * need (graphviz escStrings, IRIs in attributes, XML for the timeline).
 *
 * Takes any C string (NULL counts as empty; invalid UTF-8 is tolerated);
 * gives text safe for the target syntax.  An NkgStr starts zeroed, grows
 * as needed and sets oom instead of failing each call; the owner frees
 * s.  Also the error record of the diagram emitters.  No graphviz here.
 */
#ifndef NKG_DIAGRAM_TEXT_H
#define NKG_DIAGRAM_TEXT_H

#include "newskg.h"

#include <stddef.h>
#include <stdint.h>

typedef struct {
	char *s; /* NUL-terminated once anything was added */
	size_t n, cap;
	int oom; /* an allocation failed: the content is incomplete */
} NkgStr;

void nkg_str_add(NkgStr *b, const char *s, size_t n);
void nkg_str_cat(NkgStr *b, const char *s);
/* Appends FMT formatted as by printf (integers and strings: %f would
 * follow the locale). */
void nkg_str_fmt(NkgStr *b, const char *fmt, ...)
#if defined(__GNUC__)
        __attribute__((format(printf, 2, 3)))
#endif
        ;
void nkg_str_clear(NkgStr *b);

/* Returns the length of the valid UTF-8 sequence at S (N bytes left) and
 * its code point in *CP, or 0 when the sequence is invalid. */
size_t nkg_utf8_next(const unsigned char *s, size_t n, uint32_t *cp);

/* Appends S escaped for a graphviz escString attribute, keeping at most
 * MAX code points (0 = all) and adding "…" when it cut.  TOOLTIP selects
 * tooltip escaping (graphviz expands \N and the like there too). */
void nkg_str_esc(NkgStr *b, const char *s, size_t max, int tooltip);
/* Appends IRI with the characters an IRI may not contain percent-encoded;
 * with ATTR also '&' as "&amp;" (graphviz writes URLs into SVG as they
 * are). */
void nkg_str_iri(NkgStr *b, const char *iri, int attr);
/* Appends S as XML character data or attribute value: markup characters
 * as entities, white space runs as one space, control characters dropped,
 * invalid UTF-8 as U+FFFD, at most MAX code points (0 = all) then "…". */
void nkg_str_xml(NkgStr *b, const char *s, size_t max);

/* The part of IRI after its last '#' or '/'. */
const char *nkg_local_name(const char *iri);
int nkg_ascii_casecmp(const char *a, const char *b);

/* Fills ERR (may be NULL) with ST and FMT, a format with one %s for ARG;
 * returns ST. */
NkgStatus nkg_diagram_fail(NkgError *err, NkgStatus st, const char *fmt,
                           const char *arg);

#endif
