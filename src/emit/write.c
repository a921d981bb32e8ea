/* SPDX-License-Identifier: MIT */
/* write.c: chooses the emitter for a format. */
#include "emit/dot.h"
#include "emit/rdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int nkg_provenance_from_name(const char *name)
{
	static const char *const names[] = {"events", "full", "none"};
	for (int i = 0; i < 3; i++)
		if (name && !strcmp(name, names[i]))
			return i;
	return -1;
}

NkgStatus nkg_graphs_write(NkgGraph *const *gs, size_t n, NkgFormat format,
                           FILE *stream, const NkgDiagramOptions *diagram,
                           NkgError *err)
{
	switch (format) {
	case NKG_FORMAT_TURTLE:
	case NKG_FORMAT_NTRIPLES:
	case NKG_FORMAT_NQUADS:
	case NKG_FORMAT_RDFXML:
		return nkg_emit_rdf(
		        gs, n, format, stream, diagram && diagram->with_text,
		        diagram ? diagram->provenance : NKG_PROVENANCE_EVENTS,
		        NULL, err);
	case NKG_FORMAT_DOT:
	case NKG_FORMAT_SVG:
	case NKG_FORMAT_PNG:
	case NKG_FORMAT_PDF:
		return nkg_emit_diagram(gs, n, format, stream, diagram, err);
	}
	return NKG_ERR_USAGE;
}

NkgStatus nkg_graph_write(const NkgGraph *g, NkgFormat format, FILE *stream,
                          const NkgDiagramOptions *diagram, NkgError *err)
{
	NkgGraph *gs[1] = {(NkgGraph *)g};
	return nkg_graphs_write(gs, 1, format, stream, diagram, err);
}

/* 1 when FORMAT can be written graph by graph; else 0 with ERR said. */
static int by_graph(NkgFormat format, NkgError *err)
{
	if (format == NKG_FORMAT_TURTLE || format == NKG_FORMAT_NTRIPLES ||
	    format == NKG_FORMAT_NQUADS)
		return 1;
	if (err) {
		err->status = NKG_ERR_USAGE;
		snprintf(err->message, sizeof err->message,
		         "this format is written for the whole batch at once, "
		         "not graph by graph");
	}
	return 0;
}

NkgStatus nkg_graph_write_part(const NkgGraph *g, NkgFormat format,
                               FILE *stream, const NkgWriteOptions *opt,
                               int first, NkgError *err)
{
	if (!by_graph(format, err))
		return NKG_ERR_USAGE;
	return nkg_emit_rdf_part(g, format, stream, opt && opt->with_text,
	                         opt ? opt->provenance : NKG_PROVENANCE_EVENTS,
	                         first, NULL, err);
}

struct NkgGraphWriterImpl {
	NkgFormat format;
	FILE *stream;
	int with_text;
	NkgProvenance provenance;
	size_t written;
	NkgRdfSeen *seen;
};

NkgStatus nkg_graph_writer_new(NkgGraphWriter **out, NkgFormat format,
                               FILE *stream, const NkgWriteOptions *opt,
                               NkgError *err)
{
	*out = NULL;
	if (!by_graph(format, err))
		return NKG_ERR_USAGE;
	NkgGraphWriter *w = calloc(1, sizeof *w);
	NkgRdfSeen *seen = w ? nkg_rdf_seen_new() : NULL;
	if (!seen) {
		free(w);
		if (err) {
			err->status = NKG_ERR_INTERNAL;
			snprintf(err->message, sizeof err->message,
			         "out of memory");
		}
		return NKG_ERR_INTERNAL;
	}
	w->format = format;
	w->stream = stream;
	w->with_text = opt && opt->with_text;
	w->provenance = opt ? opt->provenance : NKG_PROVENANCE_EVENTS;
	w->seen = seen;
	*out = w;
	return NKG_SUCCESS;
}

NkgStatus nkg_graph_writer_add(NkgGraphWriter *w, const NkgGraph *g,
                               NkgError *err)
{
	return nkg_emit_rdf_part(g, w->format, w->stream, w->with_text,
	                         w->provenance, w->written++ == 0, w->seen,
	                         err);
}

void nkg_graph_writer_free(NkgGraphWriter *w)
{
	if (!w)
		return;
	nkg_rdf_seen_free(w->seen);
	free(w);
}

NkgStatus nkg_graph_write_buffer(const NkgGraph *g, NkgFormat format,
                                 const NkgWriteOptions *opt, char **out,
                                 size_t *len, NkgError *err)
{
	*out = NULL;
	*len = 0;
	if (format == NKG_FORMAT_PNG || format == NKG_FORMAT_PDF) {
		if (err) {
			err->status = NKG_ERR_USAGE;
			snprintf(
			        err->message, sizeof err->message,
			        "PNG and PDF are binary: write them to a file");
		}
		return NKG_ERR_USAGE;
	}
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f) {
		if (err) {
			err->status = NKG_ERR_INTERNAL;
			snprintf(err->message, sizeof err->message,
			         "out of memory");
		}
		return NKG_ERR_INTERNAL;
	}
	NkgStatus st = nkg_graph_write(g, format, f, opt, err);
	if (fclose(f) && !st) {
		st = NKG_ERR_INTERNAL;
		if (err) {
			err->status = st;
			snprintf(err->message, sizeof err->message,
			         "out of memory");
		}
	}
	if (st) {
		free(buf);
		return st;
	}
	*out = buf;
	*len = n;
	return NKG_SUCCESS;
}

void nkg_free(void *p)
{
	free(p);
}
