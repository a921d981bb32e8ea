/* SPDX-License-Identifier: MIT */
/* nquads.c: document graphs rebuilt from extract's N-Quads, read with
 * Raptor (loaded with librdf, see rdf/redland.h). */
#include "corpus/nquads.h"

#include "rdf/redland.h"
#include "text/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define DCT "http://purl.org/dc/terms/"

typedef struct {
	char *iri, *cls, *label, *code;
	char **affs; /* IRIs of what it is affiliated with */
	size_t n_affs;
} Known;

struct NkgQuadReaderImpl {
	raptor_world *world;
	raptor_parser *parser;
	raptor_uri *base;
	const char *name;
	NkgQuadGraphFn fn;
	void *ctx;
	char *graph; /* the graph whose statements are gathered */
	NkgQuad *quads;
	size_t n, cap;
	NkgStatus st; /* the first failure */
	NkgError err;
	int started;
	int held; /* a newline is held back from the last chunk */
	/* actors described by earlier graphs: extract describes an actor
	 * that graphs share in the first graph of its output that names it
	 * only (below --provenance full) */
	Known *known;
	size_t n_known, cap_known; /* cap is a power of two */
};

static void fail(NkgQuadReader *r, NkgStatus st, long line, const char *fmt,
                 ...)
{
	if (r->st)
		return;
	r->st = st;
	memset(&r->err, 0, sizeof r->err);
	r->err.status = st;
	r->err.line = line;
	r->err.offset = -1;
	snprintf(r->err.file, sizeof r->err.file, "%s", r->name);
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		snprintf(r->err.message, sizeof r->err.message,
		         "%.200s: line %ld: %s", r->name, line, msg);
	else
		snprintf(r->err.message, sizeof r->err.message, "%.200s: %s",
		         r->name, msg);
}

static long current_line(NkgQuadReader *r)
{
	raptor_locator *loc =
	        r->parser ? raptor_parser_get_locator(r->parser) : NULL;
	return loc ? raptor_locator_line(loc) : 0;
}

static void on_log(void *data, raptor_log_message *m)
{
	NkgQuadReader *r = data;
	if (m->level < RAPTOR_LOG_LEVEL_ERROR)
		return;
	long line = m->locator ? raptor_locator_line(m->locator) : 0;
	/* Raptor's messages end with a full stop; ours goes on */
	const char *t = m->text ? m->text : "invalid N-Quads";
	size_t n = strlen(t);
	while (n && (t[n - 1] == '.' || t[n - 1] == ' '))
		n--;
	fail(r, NKG_ERR_INPUT, line,
	     "%.*s; corpus reads the N-Quads that 'newskg extract -f "
	     "nquads' writes",
	     (int)n, t);
}

static void clear_quads(NkgQuadReader *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->quads[i].s);
		free(r->quads[i].p);
		free(r->quads[i].o);
		free(r->quads[i].lang);
		free(r->quads[i].dtype);
	}
	r->n = 0;
}

static NkgActorKind kind_of(const char *cls)
{
	if (!strcmp(cls, NKG_NS "Country"))
		return NKG_KIND_COUNTRY;
	if (!strcmp(cls, NKG_NS "Person"))
		return NKG_KIND_PERSON;
	if (!strcmp(cls, NKG_NS "Group"))
		return NKG_KIND_GROUP;
	return NKG_KIND_ORGANIZATION;
}

static int is(const NkgQuad *q, const char *p)
{
	return !strcmp(q->p, p);
}

/* The first rdf:type of subject S, looked for beside statement I (a
 * subject's statements come together), else anywhere. */
static const char *type_of(const NkgQuadReader *r, size_t i)
{
	const char *s = r->quads[i].s;
	for (size_t j = i + 1; j-- > 0 && !strcmp(r->quads[j].s, s);)
		if (is(&r->quads[j], RDF "type") && !r->quads[j].literal)
			return r->quads[j].o;
	for (size_t j = 0; j < r->n; j++)
		if (!strcmp(r->quads[j].s, s) && is(&r->quads[j], RDF "type") &&
		    !r->quads[j].literal)
			return r->quads[j].o;
	return NULL;
}

static int set(char **dst, const char *v)
{
	if (*dst)
		return 0;
	*dst = nkg_strdup(v);
	return *dst ? 0 : -1;
}

static Known *known_find(const NkgQuadReader *r, const char *iri)
{
	if (!r->cap_known)
		return NULL;
	size_t j = nkg_hash(iri) & (r->cap_known - 1);
	while (r->known[j].iri) {
		if (!strcmp(r->known[j].iri, iri))
			return &r->known[j];
		j = (j + 1) & (r->cap_known - 1);
	}
	return NULL;
}

/* The entry of IRI, new and empty if it had none; NULL when memory ran
 * out. */
static Known *known_add(NkgQuadReader *r, const char *iri)
{
	Known *k = known_find(r, iri);
	if (k)
		return k;
	if (2 * (r->n_known + 1) > r->cap_known) {
		size_t cap = r->cap_known ? 2 * r->cap_known : 256;
		Known *t = calloc(cap, sizeof *t);
		if (!t)
			return NULL;
		for (size_t i = 0; i < r->cap_known; i++)
			if (r->known[i].iri) {
				size_t j =
				        nkg_hash(r->known[i].iri) & (cap - 1);
				while (t[j].iri)
					j = (j + 1) & (cap - 1);
				t[j] = r->known[i];
			}
		free(r->known);
		r->known = t;
		r->cap_known = cap;
	}
	size_t j = nkg_hash(iri) & (r->cap_known - 1);
	while (r->known[j].iri)
		j = (j + 1) & (r->cap_known - 1);
	r->known[j].iri = nkg_strdup(iri);
	if (!r->known[j].iri)
		return NULL;
	r->n_known++;
	return &r->known[j];
}

static void known_free(NkgQuadReader *r)
{
	for (size_t i = 0; i < r->cap_known; i++) {
		Known *k = &r->known[i];
		if (!k->iri)
			continue;
		free(k->iri);
		free(k->cls);
		free(k->label);
		free(k->code);
		for (size_t a = 0; a < k->n_affs; a++)
			free(k->affs[a]);
		free(k->affs);
	}
	free(r->known);
}

/* The actor IRI of G, added from what earlier graphs said of it when G
 * does not have it; NKG_NONE when neither knows it. */
static size_t actor_from_known(NkgQuadReader *r, NkgGraph *g, const char *iri,
                               int *bad)
{
	size_t a = nkg_graph_find_actor(g, iri);
	if (a != NKG_NONE)
		return a;
	const Known *k = known_find(r, iri);
	if (!k || !k->cls || !k->label)
		return NKG_NONE;
	a = nkg_graph_actor(g, iri, kind_of(k->cls), k->cls, k->label);
	if (a == NKG_NONE)
		*bad = 1;
	return a;
}

/* Completes G's actors with what earlier graphs said of them (their
 * code, their affiliations and what those are), then keeps what G says
 * for the graphs that follow. */
static int use_known(NkgQuadReader *r, NkgGraph *g)
{
	int bad = 0;
	for (size_t i = 0; i < g->n_actors && !bad; i++) {
		const Known *k = known_find(r, g->actors[i].iri);
		if (!k)
			continue;
		if (!g->actors[i].code && k->code)
			bad |= set(&g->actors[i].code, k->code);
		for (size_t j = 0; j < k->n_affs && !bad; j++) {
			size_t b = actor_from_known(r, g, k->affs[j], &bad);
			if (b == NKG_NONE || bad)
				continue;
			NkgIdxList *l = &g->actors[i].affiliations;
			size_t m = 0;
			while (m < l->n && l->v[m] != b)
				m++;
			if (m == l->n)
				bad |= nkg_idx_add(l, b);
		}
	}
	for (size_t i = 0; i < g->n_actors && !bad; i++) {
		const NkgActor *a = &g->actors[i];
		size_t dl = strlen(g->doc_iri);
		if (!strncmp(a->iri, g->doc_iri, dl) && a->iri[dl] == '/')
			continue; /* the document's own */
		Known *k = known_add(r, a->iri);
		if (!k)
			return -1;
		if ((!k->cls && set(&k->cls, a->cls)) ||
		    (!k->label && set(&k->label, a->label)) ||
		    (a->code && !k->code && set(&k->code, a->code)))
			return -1;
		for (size_t j = 0; j < a->affiliations.n; j++) {
			const char *to = g->actors[a->affiliations.v[j]].iri;
			size_t m = 0;
			while (m < k->n_affs && strcmp(k->affs[m], to))
				m++;
			if (m < k->n_affs)
				continue;
			char **t =
			        realloc(k->affs, (k->n_affs + 1) * sizeof *t);
			if (!t)
				return -1;
			k->affs = t;
			if (!(t[k->n_affs] = nkg_strdup(to)))
				return -1;
			k->n_affs++;
		}
	}
	return bad ? -1 : 0;
}

static NkgGraph *rebuild(NkgQuadReader *r)
{
	const char *doc = r->graph;
	int is_doc = 0;
	for (size_t i = 0; i < r->n && !is_doc; i++)
		is_doc = !strcmp(r->quads[i].s, doc) &&
		         is(&r->quads[i], RDF "type") &&
		         !strcmp(r->quads[i].o, NKG_NS "Document");
	if (!is_doc)
		return NULL;
	NkgGraph *g = nkg_graph_new(doc);
	if (!g)
		return NULL;
	int bad = 0;
	/* the document and the actors (the subjects with a label) */
	for (size_t i = 0; i < r->n && !bad; i++) {
		const NkgQuad *q = &r->quads[i];
		if (!strcmp(q->s, doc)) {
			if (is(q, DCT "title") && q->literal)
				bad |= set(&g->title, q->o);
			else if (is(q, DCT "date") && q->literal)
				bad |= set(&g->date, q->o);
			else if (is(q, DCT "source"))
				bad |= set(&g->url, q->o);
			else if (is(q, DCT "identifier") && q->literal)
				bad |= set(&g->doc_id, q->o);
			else if (is(q, DCT "publisher") && q->literal)
				bad |= set(&g->source_name, q->o);
			continue;
		}
		if (!is(q, RDFS "label") || !q->literal ||
		    nkg_graph_find_actor(g, q->s) != NKG_NONE)
			continue;
		const char *cls = type_of(r, i);
		if (!cls) {
			const Known *k = known_find(r, q->s);
			cls = k ? k->cls : NULL;
		}
		if (!cls)
			continue;
		if (nkg_graph_actor(g, q->s, kind_of(cls), cls, q->o) ==
		    NKG_NONE)
			bad = 1;
	}
	/* actors that earlier graphs described: named here as subjects
	 * (their evidence) or objects (roles, affiliations, posts) */
	for (size_t i = 0; i < r->n && !bad && r->n_known; i++) {
		const NkgQuad *q = &r->quads[i];
		if (strcmp(q->s, doc))
			actor_from_known(r, g, q->s, &bad);
		if (!q->literal && !bad)
			actor_from_known(r, g, q->o, &bad);
	}
	/* their codes and affiliations, and the events */
	size_t ev = NKG_NONE;
	for (size_t i = 0; i < r->n && !bad; i++) {
		const NkgQuad *q = &r->quads[i];
		size_t a = nkg_graph_find_actor(g, q->s);
		if (a != NKG_NONE) {
			NkgActor *ac = &g->actors[a];
			if (is(q, NKG_NS "countryCode") && q->literal)
				bad |= set(&ac->code, q->o);
			else if (is(q, NKG_NS "affiliatedWith") &&
			         !q->literal) {
				size_t b = nkg_graph_find_actor(g, q->o);
				if (b != NKG_NONE)
					bad |= nkg_idx_add(&ac->affiliations,
					                   b);
			}
			continue;
		}
		if (!strcmp(q->s, doc))
			continue;
		if (ev == NKG_NONE || strcmp(g->events[ev].iri, q->s)) {
			ev = NKG_NONE;
			for (size_t k = 0; k < g->n_events && ev == NKG_NONE;
			     k++)
				if (!strcmp(g->events[k].iri, q->s))
					ev = k;
		}
		if (ev == NKG_NONE) {
			if (!is(q, RDF "type") || q->literal ||
			    !strcmp(q->o, NKG_NS "Mention") ||
			    !strcmp(q->o, NKG_NS "Position"))
				continue;
			ev = nkg_graph_add_event(g, q->o, NULL);
			if (ev == NKG_NONE) {
				bad = 1;
				break;
			}
			g->events[ev].iri = nkg_strdup(q->s);
			bad |= !g->events[ev].iri;
			continue;
		}
		NkgEvent *e = &g->events[ev];
		int role = -1;
		for (int k = 0; k < NKG_ROLE_COUNT && role < 0; k++)
			if (!strncmp(q->p, NKG_NS, strlen(NKG_NS)) &&
			    !strcmp(q->p + strlen(NKG_NS), nkg_role_names[k]))
				role = k;
		if (role >= 0 && !q->literal) {
			size_t b = nkg_graph_find_actor(g, q->o);
			if (b != NKG_NONE)
				bad |= nkg_idx_add(&e->roles[role], b);
		} else if (is(q, NKG_NS "date") && q->literal && q->dtype &&
		           !strncmp(q->dtype, XSD, strlen(XSD))) {
			bad |= set(&e->date, q->o);
			bad |= set(&e->date_type, q->dtype + strlen(XSD));
		} else if (is(q, NKG_NS "confidence") && q->literal) {
			e->confidence = atof(q->o);
		} else if (is(q, DCT "description") && q->literal &&
		           !e->cls_label) {
			/* "Blockade: United States → Venezuela" */
			const char *colon = strstr(q->o, ": ");
			size_t l =
			        colon ? (size_t)(colon - q->o) : strlen(q->o);
			e->cls_label = malloc(l + 1);
			if (e->cls_label) {
				memcpy(e->cls_label, q->o, l);
				e->cls_label[l] = '\0';
			}
			bad |= !e->cls_label;
		}
	}
	if (!bad && use_known(r, g))
		bad = 1;
	if (bad) {
		nkg_graph_free(g);
		return NULL;
	}
	return g;
}

/* Hands over the graph gathered so far. */
static void flush_graph(NkgQuadReader *r)
{
	if (r->graph && r->n && !r->st) {
		NkgGraph *g = rebuild(r);
		if (g) {
			NkgStatus st = r->fn(r->ctx, g, r->quads, r->n);
			if (st)
				fail(r, st, 0, "stopped");
		}
	}
	clear_quads(r);
	free(r->graph);
	r->graph = NULL;
}

static char *term_string(const raptor_term *t)
{
	switch (t->type) {
	case RAPTOR_TERM_TYPE_URI:
		return nkg_strdup(
		        (const char *)raptor_uri_as_string(t->value.uri));
	case RAPTOR_TERM_TYPE_LITERAL:
		return nkg_strdup((const char *)t->value.literal.string);
	default:
		return NULL;
	}
}

static void on_statement(void *data, raptor_statement *st)
{
	NkgQuadReader *r = data;
	if (r->st)
		return;
	if (st->graph && st->graph->type != RAPTOR_TERM_TYPE_URI) {
		fail(r, NKG_ERR_INPUT, current_line(r),
		     "a graph named by a blank node; corpus reads the "
		     "N-Quads that 'newskg extract -f nquads' writes");
		return;
	}
	if (st->subject->type != RAPTOR_TERM_TYPE_URI ||
	    st->object->type == RAPTOR_TERM_TYPE_BLANK) {
		fail(r, NKG_ERR_INPUT, current_line(r),
		     "a blank node; corpus reads the N-Quads that 'newskg "
		     "extract -f nquads' writes, which have none");
		return;
	}
	/* a statement of the default graph (what is known of an actor that
	 * documents share) goes with the document graph around it */
	const char *gname = st->graph ? (const char *)raptor_uri_as_string(
	                                        st->graph->value.uri)
	                              : NULL;
	if (gname && (!r->graph || strcmp(r->graph, gname))) {
		if (r->graph)
			flush_graph(r);
		r->graph = nkg_strdup(gname);
		if (!r->graph) {
			fail(r, NKG_ERR_INTERNAL, 0, "out of memory");
			return;
		}
	}
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 256;
		NkgQuad *q = realloc(r->quads, cap * sizeof *q);
		if (!q) {
			fail(r, NKG_ERR_INTERNAL, 0, "out of memory");
			return;
		}
		r->quads = q;
		r->cap = cap;
	}
	NkgQuad *q = &r->quads[r->n];
	memset(q, 0, sizeof *q);
	q->dflt = !gname;
	q->s = term_string(st->subject);
	q->p = term_string(st->predicate);
	q->o = term_string(st->object);
	if (st->object->type == RAPTOR_TERM_TYPE_LITERAL) {
		q->literal = 1;
		if (st->object->value.literal.language)
			q->lang = nkg_strdup((const char *)st->object->value
			                             .literal.language);
		if (st->object->value.literal.datatype)
			q->dtype =
			        nkg_strdup((const char *)raptor_uri_as_string(
			                st->object->value.literal.datatype));
	}
	r->n++;
	if (!q->s || !q->p || !q->o)
		fail(r, NKG_ERR_INTERNAL, 0, "out of memory");
}

/* One Raptor world serves the process and is never freed: Raptor 2.0.15
 * frees a world without the URIs of the RDF concepts (xsd:date, ...) that
 * its N-Quads parser took a reference to, so freeing one loses them. */
static raptor_world *world;

NkgQuadReader *nkg_nquads_open(const char *name, NkgQuadGraphFn fn, void *ctx,
                               NkgError *err)
{
	char msg[256];
	if (nkg_redland_load(msg, sizeof msg)) {
		if (err) {
			err->status = NKG_ERR_INTERNAL;
			snprintf(err->message, sizeof err->message, "%s", msg);
		}
		return NULL;
	}
	NkgQuadReader *r = calloc(1, sizeof *r);
	if (r) {
		r->name = name;
		r->fn = fn;
		r->ctx = ctx;
		if (!world) {
			world = raptor_new_world_internal(RAPTOR_VERSION);
			if (world && raptor_world_open(world))
				world = NULL; /* lost, but only when failing */
		}
		r->world = world;
	}
	if (r && r->world) {
		raptor_world_set_log_handler(r->world, r, on_log);
		r->parser = raptor_new_parser(r->world, "nquads");
		r->base = raptor_new_uri(r->world,
		                         (const unsigned char *)"file:///");
	}
	if (!r || !r->parser || !r->base) {
		nkg_nquads_close(r);
		if (err) {
			err->status = NKG_ERR_INTERNAL;
			snprintf(err->message, sizeof err->message,
			         "cannot start the N-Quads parser of Raptor");
		}
		return NULL;
	}
	raptor_parser_set_statement_handler(r->parser, r, on_statement);
	return r;
}

NkgStatus nkg_nquads_feed(NkgQuadReader *r, const char *buf, size_t len,
                          int end, NkgError *err)
{
	if (!r->started) {
		r->started = 1;
		if (raptor_parser_parse_start(r->parser, r->base))
			fail(r, NKG_ERR_INTERNAL, 0,
			     "cannot start the N-Quads parser");
	}
	/* Raptor's N-Quads parser keeps (and copies again) all it was given
	 * for as long as its chunks end at the end of a line: a chunk's last
	 * newline is held back and given with the next */
	int hold = !end && len && buf[len - 1] == '\n';
	if (!r->st && r->held) {
		r->held = 0;
		if (raptor_parser_parse_chunk(
		            r->parser, (const unsigned char *)"\n", 1, 0) &&
		    !r->st)
			fail(r, NKG_ERR_INPUT, current_line(r),
			     "invalid N-Quads");
	}
	if (!r->st &&
	    raptor_parser_parse_chunk(r->parser, (const unsigned char *)buf,
	                              len - (size_t)hold, end) &&
	    !r->st)
		fail(r, NKG_ERR_INPUT, current_line(r), "invalid N-Quads");
	r->held = hold;
	if (end && !r->st)
		flush_graph(r);
	if (end)
		r->started = 0; /* the next feed starts a new input */
	if (r->st && err)
		*err = r->err;
	return r->st;
}

void nkg_nquads_close(NkgQuadReader *r)
{
	if (!r)
		return;
	clear_quads(r);
	free(r->quads);
	free(r->graph);
	known_free(r);
	if (r->base)
		raptor_free_uri(r->base);
	if (r->parser)
		raptor_free_parser(r->parser);
	if (r->world)
		raptor_world_set_log_handler(r->world, NULL, NULL);
	free(r);
}
