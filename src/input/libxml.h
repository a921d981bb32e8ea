/* SPDX-License-Identifier: MIT */
/* libxml.h: libxml2, loaded when a run first reads markup.
 *
 * Linked, libxml2 costs every start about 2.5 ms of the dynamic loader's
 * time (it brings ICU and the C++ runtime), though plain text and JSON
 * Lines, most of a pipeline's input, never call it.  markup.c includes
 * this header after the libxml2 headers; its macros send each call
 * through a table that nkg_libxml_load() fills with dlopen() and dlsym()
 * the first time it is called.  Call it before any other libxml2 call.
 */
#ifndef NKG_LIBXML_H
#define NKG_LIBXML_H

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stddef.h>

/* the functions markup.c calls; the error handler globals are reached
 * through their accessor functions, as the threaded headers do */
#define NKG_LIBXML_FUNCS(X)                                                    \
	X(htmlCreateMemoryParserCtxt)                                          \
	X(htmlCtxtUseOptions)                                                  \
	X(htmlEntityLookup)                                                    \
	X(htmlFreeParserCtxt)                                                  \
	X(htmlParseDocument)                                                   \
	X(xmlCreateMemoryParserCtxt)                                           \
	X(xmlCtxtUseOptions)                                                   \
	X(xmlDocGetRootElement)                                                \
	X(xmlFindCharEncodingHandler)                                          \
	X(xmlFreeDoc)                                                          \
	X(xmlFreeParserCtxt)                                                   \
	X(xmlGetExternalEntityLoader)                                          \
	X(xmlInitParser)                                                       \
	X(xmlParseDocument)                                                    \
	X(xmlSetExternalEntityLoader)                                          \
	X(xmlSetGenericErrorFunc)                                              \
	X(xmlSetStructuredErrorFunc)                                           \
	X(xmlSwitchEncoding)                                                   \
	X(xmlSwitchToEncoding)                                                 \
	X(__xmlGenericError)                                                   \
	X(__xmlGenericErrorContext)                                            \
	X(__xmlStructuredError)                                                \
	X(__xmlStructuredErrorContext)

typedef struct {
#define NKG_LIBXML_MEMBER(f) __typeof__(f) *f;
	NKG_LIBXML_FUNCS(NKG_LIBXML_MEMBER)
#undef NKG_LIBXML_MEMBER
} NkgLibxml;

extern NkgLibxml nkg_libxml;

/* Loads libxml2 once; 0 on success, else -1 with what is missing (and
 * the package to install) in MSG. */
int nkg_libxml_load(char *msg, size_t n);

#ifndef NKG_LIBXML_IMPL
#define htmlCreateMemoryParserCtxt (nkg_libxml.htmlCreateMemoryParserCtxt)
#define htmlCtxtUseOptions (nkg_libxml.htmlCtxtUseOptions)
#define htmlEntityLookup (nkg_libxml.htmlEntityLookup)
#define htmlFreeParserCtxt (nkg_libxml.htmlFreeParserCtxt)
#define htmlParseDocument (nkg_libxml.htmlParseDocument)
#define xmlCreateMemoryParserCtxt (nkg_libxml.xmlCreateMemoryParserCtxt)
#define xmlCtxtUseOptions (nkg_libxml.xmlCtxtUseOptions)
#define xmlDocGetRootElement (nkg_libxml.xmlDocGetRootElement)
#define xmlFindCharEncodingHandler (nkg_libxml.xmlFindCharEncodingHandler)
#define xmlFreeDoc (nkg_libxml.xmlFreeDoc)
#define xmlFreeParserCtxt (nkg_libxml.xmlFreeParserCtxt)
#define xmlGetExternalEntityLoader (nkg_libxml.xmlGetExternalEntityLoader)
#define xmlInitParser (nkg_libxml.xmlInitParser)
#define xmlParseDocument (nkg_libxml.xmlParseDocument)
#define xmlSetExternalEntityLoader (nkg_libxml.xmlSetExternalEntityLoader)
#define xmlSetGenericErrorFunc (nkg_libxml.xmlSetGenericErrorFunc)
#define xmlSetStructuredErrorFunc (nkg_libxml.xmlSetStructuredErrorFunc)
#define xmlSwitchEncoding (nkg_libxml.xmlSwitchEncoding)
#define xmlSwitchToEncoding (nkg_libxml.xmlSwitchToEncoding)
#undef xmlGenericError
#undef xmlGenericErrorContext
#undef xmlStructuredError
#undef xmlStructuredErrorContext
#define xmlGenericError (*nkg_libxml.__xmlGenericError())
#define xmlGenericErrorContext (*nkg_libxml.__xmlGenericErrorContext())
#define xmlStructuredError (*nkg_libxml.__xmlStructuredError())
#define xmlStructuredErrorContext (*nkg_libxml.__xmlStructuredErrorContext())
#endif

#endif
