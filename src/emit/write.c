/* write.c: chooses the emitter for a format. */
#include "emit/dot.h"
#include "emit/rdf.h"

#include <stdio.h>
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
		        err);
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

NkgStatus nkg_graph_write_part(const NkgGraph *g, NkgFormat format,
                               FILE *stream, const NkgWriteOptions *opt,
                               int first, NkgError *err)
{
	if (format != NKG_FORMAT_TURTLE && format != NKG_FORMAT_NTRIPLES &&
	    format != NKG_FORMAT_NQUADS) {
		if (err) {
			err->status = NKG_ERR_USAGE;
			snprintf(err->message, sizeof err->message,
			         "this format is written for the whole batch "
			         "at once, not graph by graph");
		}
		return NKG_ERR_USAGE;
	}
	return nkg_emit_rdf_part(g, format, stream, opt && opt->with_text,
	                         opt ? opt->provenance : NKG_PROVENANCE_EVENTS,
	                         first, err);
}
