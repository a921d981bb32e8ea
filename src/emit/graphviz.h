/* SPDX-License-Identifier: MIT */
/* graphviz.h: cgraph and gvc, loaded when a run first draws a diagram.
 *
 * Linked, graphviz costs every start about 1 ms of the dynamic loader's
 * time, though only the diagram formats call it.  diagram-render.h
 * includes this header after <gvc.h>; its macros send each call (and the
 * three disciplines and the graph kind cgraph exports as data) through a
 * table that nkg_graphviz_load() fills with dlopen() and dlsym() the
 * first time it is called.  nkg_draw_open() calls it.
 */
#ifndef NKG_GRAPHVIZ_H
#define NKG_GRAPHVIZ_H

#include <gvc.h>
#include <stddef.h>

#define NKG_GRAPHVIZ_FUNCS(X)                                                  \
	X(agattr)                                                              \
	X(agclose)                                                             \
	X(agedge)                                                              \
	X(agerrors)                                                            \
	X(agnode)                                                              \
	X(agopen)                                                              \
	X(agreseterrors)                                                       \
	X(agsafeset)                                                           \
	X(agseterr)                                                            \
	X(agseterrf)                                                           \
	X(agstrdup)                                                            \
	X(agstrdup_html)                                                       \
	X(agstrfree)                                                           \
	X(agsubg)                                                              \
	X(agwrite)                                                             \
	X(agxset)                                                              \
	X(gvContext)                                                           \
	X(gvFreeContext)                                                       \
	X(gvFreeLayout)                                                        \
	X(gvFreeRenderData)                                                    \
	X(gvLayout)                                                            \
	X(gvRenderData)                                                        \
	X(AgMemDisc)                                                           \
	X(AgIoDisc)                                                            \
	X(Agdirected)

typedef struct {
#define NKG_GRAPHVIZ_MEMBER(f) __typeof__(f) *f;
	NKG_GRAPHVIZ_FUNCS(NKG_GRAPHVIZ_MEMBER)
#undef NKG_GRAPHVIZ_MEMBER
} NkgGraphviz;

extern NkgGraphviz nkg_graphviz;

/* Loads graphviz once; 0 on success, else -1 with what is missing (and
 * the package to install) in MSG. */
int nkg_graphviz_load(char *msg, size_t n);

#ifndef NKG_GRAPHVIZ_IMPL
#define agattr (nkg_graphviz.agattr)
#define agclose (nkg_graphviz.agclose)
#define agedge (nkg_graphviz.agedge)
#define agerrors (nkg_graphviz.agerrors)
#define agnode (nkg_graphviz.agnode)
#define agopen (nkg_graphviz.agopen)
#define agreseterrors (nkg_graphviz.agreseterrors)
#define agsafeset (nkg_graphviz.agsafeset)
#define agseterr (nkg_graphviz.agseterr)
#define agseterrf (nkg_graphviz.agseterrf)
#define agstrdup (nkg_graphviz.agstrdup)
#define agstrdup_html (nkg_graphviz.agstrdup_html)
#define agstrfree (nkg_graphviz.agstrfree)
#define agsubg (nkg_graphviz.agsubg)
#define agwrite (nkg_graphviz.agwrite)
#define agxset (nkg_graphviz.agxset)
#define gvContext (nkg_graphviz.gvContext)
#define gvFreeContext (nkg_graphviz.gvFreeContext)
#define gvFreeLayout (nkg_graphviz.gvFreeLayout)
#define gvFreeRenderData (nkg_graphviz.gvFreeRenderData)
#define gvLayout (nkg_graphviz.gvLayout)
#define gvRenderData (nkg_graphviz.gvRenderData)
/* data: the pointer dlsym gives is the object's address */
#define AgMemDisc (*nkg_graphviz.AgMemDisc)
#define AgIoDisc (*nkg_graphviz.AgIoDisc)
#define Agdirected (*nkg_graphviz.Agdirected)
#endif

#endif
