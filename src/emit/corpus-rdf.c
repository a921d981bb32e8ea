/* SPDX-License-Identifier: MIT */
/* corpus-rdf.c: the corpus graph as RDF (through rdf.c's statement
 * writer) and as CSV, one row per corpus event. */
#include "corpus/corpus.h"
#include "emit/rdf.h"

#include <stdlib.h>
#include <string.h>

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define XSD "http://www.w3.org/2001/XMLSchema#"

/* "Capture: United States → Nicolás Maduro", as document events are
 * described: the agents (else the participants), then the targets. */
static void event_label(const NkgCorpus *c, const NkgCorpusEvent *e,
                        char *label, size_t size)
{
	size_t l = (size_t)snprintf(label, size, "%s", e->cls_label);
	const size_t *from = e->n_agents ? e->agents : e->participants;
	size_t n_from = e->n_agents ? e->n_agents : e->n_parts;
	for (size_t k = 0; k < n_from && l < size - 80; k++)
		l += (size_t)snprintf(label + l, size - l, "%s%.60s",
		                      k ? ", " : ": ",
		                      c->actors[from[k]].label);
	for (size_t k = 0; k < e->n_targets && l < size - 80; k++)
		l += (size_t)snprintf(label + l, size - l, "%s%.60s",
		                      k ? ", " : " \xe2\x86\x92 ",
		                      c->actors[e->targets[k]].label);
}

static void add_int(NkgRdfOut *o, const char *s, const char *p, size_t v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%zu", v);
	nkg_rdf_out_lit(o, s, p, buf, NULL, XSD "integer");
}

typedef struct {
	const NkgCorpus *c;
	size_t i;
} ActorSort;

static int cmp_actor(const void *pa, const void *pb)
{
	const ActorSort *a = pa, *b = pb;
	return strcmp(a->c->actors[a->i].iri, b->c->actors[b->i].iri);
}

/* Writes the corpus graph; PREFIXES: Turtle begins with the prefixes
 * (not wanted after document graphs that declared them). */
NkgStatus nkg_corpus_emit_rdf(const NkgCorpus *c, NkgFormat format, FILE *out,
                              int prefixes, NkgError *err)
{
	NkgRdfOut *o = nkg_rdf_out_open(format, out, prefixes);
	if (!o) {
		if (err) {
			err->status = NKG_ERR_USAGE;
			snprintf(err->message, sizeof err->message,
			         "the corpus graph is written as Turtle, "
			         "N-Triples or N-Quads");
		}
		return NKG_ERR_USAGE;
	}
	nkg_rdf_out_graph(o, c->iri);
	char label[1024];
	for (size_t i = 0; i < c->n_events; i++) {
		const NkgCorpusEvent *e = &c->events[i];
		const char *s = e->iri;
		if (!s)
			continue;
		nkg_rdf_out_res(o, s, RDF "type", NKG_NS "CorpusEvent");
		nkg_rdf_out_res(o, s, RDF "type", e->cls);
		event_label(c, e, label, sizeof label);
		nkg_rdf_out_lit(o, s, RDFS "label", label, "en", NULL);
		for (size_t k = 0; k < e->n_agents; k++)
			nkg_rdf_out_res(o, s, NKG_NS "agent",
			                c->actors[e->agents[k]].iri);
		for (size_t k = 0; k < e->n_targets; k++)
			nkg_rdf_out_res(o, s, NKG_NS "target",
			                c->actors[e->targets[k]].iri);
		for (size_t k = 0; k < e->n_parts; k++)
			nkg_rdf_out_res(o, s, NKG_NS "participant",
			                c->actors[e->participants[k]].iri);
		for (size_t k = 0; k < e->n_members; k++)
			nkg_rdf_out_res(o, s, NKG_NS "member",
			                e->members[k].event);
		add_int(o, s, NKG_NS "documentCount", e->n_docs);
		add_int(o, s, NKG_NS "sourceCount", e->n_sources);
		if (e->first_date) {
			nkg_rdf_out_lit(o, s, NKG_NS "firstDate", e->first_date,
			                NULL, XSD "date");
			nkg_rdf_out_lit(o, s, NKG_NS "lastDate", e->last_date,
			                NULL, XSD "date");
		}
		char cb[16];
		snprintf(cb, sizeof cb, "%.2f", e->confidence);
		nkg_rdf_out_lit(o, s, NKG_NS "confidence", cb, NULL,
		                XSD "decimal");
	}
	/* the actors the events name, and the countries they belong to,
	 * sorted by IRI: the order does not depend on the input's */
	char *want = calloc(c->n_actors + 1, 1);
	ActorSort *t = malloc((c->n_actors + 1) * sizeof *t);
	size_t n = 0;
	for (size_t i = 0; want && i < c->n_actors; i++)
		if (c->actors[i].n_events) {
			want[i] = 1;
			if (c->actors[i].country != NKG_NONE)
				want[c->actors[i].country] = 1;
		}
	for (size_t i = 0; want && t && i < c->n_actors; i++)
		if (want[i]) {
			t[n].c = c;
			t[n++].i = i;
		}
	if (t)
		qsort(t, n, sizeof *t, cmp_actor);
	for (size_t k = 0; t && k < n; k++) {
		const NkgCorpusActor *a = &c->actors[t[k].i];
		nkg_rdf_out_res(o, a->iri, RDF "type", a->cls);
		nkg_rdf_out_lit(o, a->iri, RDFS "label", a->label, "en", NULL);
		if (a->code)
			nkg_rdf_out_lit(o, a->iri, NKG_NS "countryCode",
			                a->code, NULL, NULL);
		if (a->country != NKG_NONE)
			nkg_rdf_out_res(o, a->iri, NKG_NS "affiliatedWith",
			                c->actors[a->country].iri);
	}
	int oom = !want || !t;
	free(want);
	free(t);
	NkgStatus st = nkg_rdf_out_close(o, err);
	if (!st && oom) {
		st = NKG_ERR_INTERNAL;
		if (err) {
			err->status = st;
			snprintf(err->message, sizeof err->message,
			         "out of memory");
		}
	}
	return st;
}

NkgStatus nkg_corpus_write_rdf(const NkgCorpus *c, NkgFormat format, FILE *out,
                               const NkgWriteOptions *opt, NkgError *err)
{
	(void)opt;
	return nkg_corpus_emit_rdf(c, format, out, 1, err);
}

/* ---- CSV (RFC 4180) ---- */

static void csv_field(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void csv_actors(FILE *f, const NkgCorpus *c, const size_t *v, size_t n)
{
	size_t len = 1;
	for (size_t k = 0; k < n; k++)
		len += strlen(c->actors[v[k]].label) + 2;
	char *buf = malloc(len);
	if (!buf)
		return;
	buf[0] = '\0';
	for (size_t k = 0; k < n; k++) {
		if (k)
			strcat(buf, "; ");
		strcat(buf, c->actors[v[k]].label);
	}
	csv_field(f, buf);
	free(buf);
}

static const char *local_name(const char *iri)
{
	const char *h = strrchr(iri, '#');
	const char *s = strrchr(iri, '/');
	if (s > h)
		h = s;
	return h ? h + 1 : iri;
}

NkgStatus nkg_corpus_write_csv(const NkgCorpus *c, FILE *out, NkgError *err)
{
	fputs("first_date,last_date,class,agent,target,participants,"
	      "documents,sources,confidence,iri\r\n",
	      out);
	for (size_t i = 0; i < c->n_events; i++) {
		const NkgCorpusEvent *e = &c->events[i];
		fprintf(out, "%s,%s,", e->first_date ? e->first_date : "",
		        e->last_date ? e->last_date : "");
		csv_field(out, local_name(e->cls));
		fputc(',', out);
		csv_actors(out, c, e->agents, e->n_agents);
		fputc(',', out);
		csv_actors(out, c, e->targets, e->n_targets);
		fputc(',', out);
		csv_actors(out, c, e->participants, e->n_parts);
		fprintf(out, ",%zu,%zu,%.2f,", e->n_docs, e->n_sources,
		        e->confidence);
		csv_field(out, e->iri ? e->iri : "");
		fputs("\r\n", out);
	}
	if (ferror(out)) {
		if (err) {
			err->status = NKG_ERR_OUTPUT;
			snprintf(err->message, sizeof err->message,
			         "write failed; check the disk and the output "
			         "path");
		}
		return NKG_ERR_OUTPUT;
	}
	return NKG_SUCCESS;
}
