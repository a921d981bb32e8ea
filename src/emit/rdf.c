/* SPDX-License-Identifier: MIT */
/* rdf.c: the graph as RDF.  Turtle and RDF/XML go through librdf (the
 * only file that includes redland.h for writing).  N-Triples and N-Quads,
 * the formats of corpus runs, are written line by line by a writer of our
 * own: building a librdf model and serializing it cost four times the
 * extraction itself.  Both paths are fed by the same add_graph(), and
 * NKG_RDF_WRITER=librdf sends the line formats through librdf too, which
 * the tests use to prove the two give the same graph.
 *
 * N-Quads through librdf: its serializers drop the context of a statement,
 * so each document is serialized as N-Triples and every line is given the
 * document's graph name.
 */
#include "emit/rdf.h"

#include "rdf/redland.h"
#include "text/fmt.h"
#include "util/bytes8.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define SKOS "http://www.w3.org/2004/02/skos/core#"
#define OWL "http://www.w3.org/2002/07/owl#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define PROV "http://www.w3.org/ns/prov#"
#define DCT "http://purl.org/dc/terms/"

static const char *const prefixes[][2] = {
        {"nkg", NKG_NS},
        {"rdfs", RDFS},
        {"skos", SKOS},
        {"owl", OWL},
        {"xsd", XSD},
        {"nif", NIF},
        {"prov", PROV},
        {"dct", DCT},
        {"wd", "http://www.wikidata.org/entity/"},
        {"id", "https://w3id.org/newskg/id/"},
        {"lex", "https://w3id.org/newskg/lex#"},
};

typedef struct {
	/* librdf path */
	librdf_world *w;
	librdf_model *m;
	librdf_storage *st;
	/* native path: lines gathered in buf, written when it fills */
	int native;
	/* native Turtle (a stream of graphs): prefixed names, statements
	 * grouped by subject; subj is the subject whose statement is still
	 * open (its " ;" or " ." not yet written) */
	int turtle;
	char *subj;
	char *buf;
	size_t len, cap;
	int failed;
	/* line formats are written in chunks, so that memory does not grow
	 * with the length of one document */
	FILE *stream;
	const char *graph; /* N-Quads graph name, or NULL */
	char *tail; /* native path: what ends each line, " <graph> .\n" */
	size_t tail_len;
	/* line formats: the last subject and its escaped form, for the
	 * statements that follow with the same one (most do) */
	char last_subj[256];
	char last_esc[6 * 256 + 2];
	size_t last_esc_len;
	size_t count;
	NkgStatus st_out;
	/* a stream of graphs: what earlier graphs have said of shared
	 * actors (NULL: every graph says it all) */
	NkgRdfSeen *seen;
	/* N-Quads: the statements being written go to the default graph,
	 * not the document's */
	int plain;
} Out;

/* ---- statements a stream has written: the description of an actor
 * that graphs share (a country, a leader, an agency of the lexicon) is
 * written in the first graph that names it only.  A set of 64-bit hashes
 * of the statements; when it holds SEEN_MAX of them it starts again, so
 * that memory stays flat, and those actors are described once more. */
#define SEEN_MAX (1u << 19)

struct NkgRdfSeenImpl {
	uint64_t *v;
	size_t n, cap; /* cap is a power of two; 0 is no entry */
};

NkgRdfSeen *nkg_rdf_seen_new(void)
{
	return calloc(1, sizeof(NkgRdfSeen));
}

void nkg_rdf_seen_free(NkgRdfSeen *s)
{
	if (s)
		free(s->v);
	free(s);
}

/* FNV-1a of the string S and a separator, from H */
static uint64_t seen_mix(uint64_t h, const char *s)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		h = (h ^ *c) * 0x100000001b3u;
	return (h ^ 0xff) * 0x100000001b3u;
}

/* The hash of a subject, from which those of its statements go on: an
 * actor's few statements hash its IRI once. */
static uint64_t seen_subject(const char *s)
{
	return seen_mix(0xcbf29ce484222325u, s);
}

/* The predicates of a shared actor's description, as small numbers: a
 * statement's hash mixes the number, not the predicate's IRI. */
enum {
	ONCE_TYPE = 1,
	ONCE_LABEL,
	ONCE_ALT,
	ONCE_CODE,
	ONCE_SAME,
	ONCE_SECTOR,
	ONCE_AFF
};

/* 1 when the statement (S, P, V) is new to SEEN, which now holds it; 1
 * too when memory runs out (the statement is then written again).  SH is
 * seen_subject(S), P one of the ONCE_ numbers. */
static int seen_add(NkgRdfSeen *seen, uint64_t sh, int p, const char *v)
{
	if (seen->n >= SEEN_MAX) {
		memset(seen->v, 0, seen->cap * sizeof *seen->v);
		seen->n = 0;
	}
	if (2 * (seen->n + 1) > seen->cap) {
		size_t cap = seen->cap ? 2 * seen->cap : 4096;
		uint64_t *t = calloc(cap, sizeof *t);
		if (!t)
			return 1;
		for (size_t i = 0; i < seen->cap; i++)
			if (seen->v[i]) {
				size_t j = (size_t)seen->v[i] & (cap - 1);
				while (t[j])
					j = (j + 1) & (cap - 1);
				t[j] = seen->v[i];
			}
		free(seen->v);
		seen->v = t;
		seen->cap = cap;
	}
	uint64_t h = seen_mix((sh ^ (uint64_t)p) * 0x100000001b3u, v);
	h = h ? h : 1;
	size_t j = (size_t)h & (seen->cap - 1);
	while (seen->v[j]) {
		if (seen->v[j] == h)
			return 0;
		j = (j + 1) & (seen->cap - 1);
	}
	seen->v[j] = h;
	seen->n++;
	return 1;
}

#define CHUNK 4096
#define NATIVE_FLUSH 65536

static void flush_chunk(Out *o);

/* ---- native N-Triples / N-Quads writer (RDF 1.1, UTF-8) ---- */

/* Makes room for N more bytes in O's buffer; 0 on success. */
static int reserve(Out *o, size_t n)
{
	if (o->failed)
		return -1;
	if (o->len + n > o->cap) {
		/* the native path flushes at NATIVE_FLUSH: start above it
		 * rather than copy the buffer as it doubles, document after
		 * document */
		size_t cap = o->cap ? o->cap : 2 * NATIVE_FLUSH;
		while (cap < o->len + n)
			cap *= 2;
		char *b = realloc(o->buf, cap);
		if (!b) {
			o->failed = 1;
			return -1;
		}
		o->buf = b;
		o->cap = cap;
	}
	return 0;
}

static void put(Out *o, const char *p, size_t n)
{
	if (reserve(o, n))
		return;
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

static void puts_(Out *o, const char *s)
{
	put(o, s, strlen(s));
}

/* Bytes IRIREF does not allow: controls, space and <>"{}|^`\ (a table:
 * every byte of every IRI written is looked up) */
static const unsigned char iri_bad[256] = {
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static char *iri_body(char *d, const char *iri, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i = 0;
	while (i < n) {
		/* the allowed run up to the next bad byte goes in one copy:
		 * most IRIs have none */
		size_t j = i;
		while (j < n && !iri_bad[(unsigned char)iri[j]])
			j++;
		memcpy(d, iri + i, j - i);
		d += j - i;
		if (j == n)
			break;
		unsigned char c = (unsigned char)iri[j];
		memcpy(d, "\\u00", 4);
		d[4] = hex[c >> 4];
		d[5] = hex[c & 15];
		d += 6;
		i = j + 1;
	}
	return d;
}

/* Turtle: IRI as a prefixed name when one of the prefixes gives a local
 * part of letters, digits, '_' and '-' only (always a valid PN_LOCAL);
 * 0 when it does not. */
static int put_pname(Out *o, const char *iri)
{
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		size_t pl = strlen(prefixes[i][1]);
		if (strncmp(iri, prefixes[i][1], pl))
			continue;
		const char *l = iri + pl;
		if (!*l || *l == '-')
			return 0;
		for (const char *c = l; *c; c++)
			if (!(*c >= 'a' && *c <= 'z') &&
			    !(*c >= 'A' && *c <= 'Z') &&
			    !(*c >= '0' && *c <= '9') && *c != '_' && *c != '-')
				return 0;
		puts_(o, prefixes[i][0]);
		put(o, ":", 1);
		puts_(o, l);
		return 1;
	}
	return 0;
}

/* IRIs found to need no escape, by address: the same few predicates,
 * classes and actors come back in statement after statement, and each is
 * then copied without a look at its bytes.  An entry holds a copy of the
 * IRI and is used only when the string at that address still equals it,
 * so a string freed and another made in its place is checked again. */
#define CLEAN_SLOTS 256
#define CLEAN_MAX 120

static _Thread_local struct {
	const char *at;
	size_t len;
	char copy[CLEAN_MAX];
} clean_iris[CLEAN_SLOTS];

static size_t clean_slot(const char *iri)
{
	uint64_t a = (uint64_t)(uintptr_t)iri;
	return (size_t)((a * 0x9e3779b97f4a7c15u) >> 56) & (CLEAN_SLOTS - 1);
}

/* <iri>: characters IRIREF does not allow become \u escapes. */
static void put_iri(Out *o, const char *iri)
{
	if (o->turtle && put_pname(o, iri))
		return;
	size_t n = strlen(iri);
	if (reserve(o, 6 * n + 2))
		return;
	char *d = o->buf + o->len;
	*d++ = '<';
	size_t h = clean_slot(iri);
	if (clean_iris[h].at == iri && clean_iris[h].len == n &&
	    !memcmp(clean_iris[h].copy, iri, n)) {
		memcpy(d, iri, n);
		d += n;
	} else {
		char *e = iri_body(d, iri, n);
		if ((size_t)(e - d) == n && n <= CLEAN_MAX) {
			clean_iris[h].at = iri;
			clean_iris[h].len = n;
			memcpy(clean_iris[h].copy, iri, n);
		}
		d = e;
	}
	*d++ = '>';
	o->len = (size_t)(d - o->buf);
}

/* Sets what ends each line of O: the graph name GRAPH (NULL: none) and the
 * full stop, escaped once for all the lines of a document; 0 on success. */
static int set_tail(Out *o, const char *graph)
{
	size_t n = graph ? strlen(graph) : 0;
	char *t = realloc(o->tail, 6 * n + 8);
	if (!t) {
		o->failed = 1;
		return -1;
	}
	o->tail = t;
	char *d = t;
	if (graph) {
		memcpy(d, " <", 2);
		d = iri_body(d + 2, graph, n);
		*d++ = '>';
	}
	memcpy(d, " .\n", 3);
	o->tail_len = (size_t)(d + 3 - t);
	return 0;
}

/* What a byte of a literal becomes: 0 itself, ' ' a space (controls other
 * than tab and newline, as clean() makes them), or the letter of its
 * backslash escape. */
static const char lit_esc[256] = {
        ' ', ' ',  ' ', ' ', ' ', ' ', ' ', ' ', ' ', 't', 'n', ' ', ' ',
        ' ', ' ',  ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
        ' ', ' ',  ' ', ' ', ' ', ' ', 0,   0,   '"', 0,   0,   0,   0,
        0,   0,    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
        0,   0,    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
        0,   0,    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
        0,   0,    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
        0,   '\\', 0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
        0,   0,    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
        0,   0,    0,   0,   0,   0,   0,   0,   0,   0,   ' '};

/* "literal" with clean() and the escapes of quote, backslash and line
 * ends done in one pass over it. */
static void put_string(Out *o, const char *s)
{
	size_t n = strlen(s);
	if (reserve(o, 2 * n + 2))
		return;
	char *d = o->buf + o->len;
	*d++ = '"';
	for (size_t i = 0; i < n; i++) {
		/* eight bytes at a time while none needs a look: no control,
		 * DEL, quote or backslash */
		while (i + 8 <= n) {
			uint64_t w = nkg_load8(s + i);
			if (nkg_below8(w, 0x20) | nkg_has8(w, '"') |
			    nkg_has8(w, '\\') | nkg_has8(w, 0x7f))
				break;
			memcpy(d, &w, 8);
			d += 8;
			i += 8;
		}
		if (i >= n)
			break;
		char e = lit_esc[(unsigned char)s[i]];
		if (!e) {
			*d++ = s[i];
		} else if (e == ' ') {
			*d++ = ' ';
		} else {
			*d++ = '\\';
			*d++ = e;
		}
	}
	*d++ = '"';
	o->len = (size_t)(d - o->buf);
}

static void native_flush(Out *o)
{
	if (o->len && !o->failed &&
	    fwrite(o->buf, 1, o->len, o->stream) != o->len) {
		o->failed = 1;
		o->st_out = NKG_ERR_OUTPUT;
	}
	o->len = 0;
}

static void put_subject_predicate(Out *o, const char *s, const char *p)
{
	if (o->turtle) {
		if (o->subj && !strcmp(o->subj, s)) {
			puts_(o, " ;\n    ");
		} else {
			if (o->subj)
				puts_(o, " .\n\n");
			free(o->subj);
			o->subj = nkg_strdup(s);
			if (!o->subj)
				o->failed = 1;
			put_iri(o, s);
			put(o, "\n    ", 5);
		}
		if (!strcmp(p, RDF "type"))
			put(o, "a ", 2);
		else {
			put_iri(o, p);
			put(o, " ", 1);
		}
		return;
	}
	if (o->last_esc_len && !strcmp(o->last_subj, s)) {
		put(o, o->last_esc, o->last_esc_len);
	} else {
		size_t at = o->len;
		put_iri(o, s);
		size_t n = strlen(s);
		o->last_esc_len = 0;
		if (!o->failed && n < sizeof o->last_subj) {
			memcpy(o->last_subj, s, n + 1);
			memcpy(o->last_esc, o->buf + at, o->len - at);
			o->last_esc_len = o->len - at;
		}
	}
	put(o, " ", 1);
	put_iri(o, p);
	put(o, " ", 1);
}

static void native_end(Out *o)
{
	if (o->plain)
		put(o, " .\n", 3);
	else if (!o->turtle)
		put(o, o->tail, o->tail_len);
	if (o->len >= NATIVE_FLUSH)
		native_flush(o);
}

/* Turtle: closes the open statement. */
static void turtle_close(Out *o)
{
	if (o->subj)
		puts_(o, " .\n");
	free(o->subj);
	o->subj = NULL;
}

/* ---- statements, to either writer ---- */

/* Literals never carry control characters other than tab and newline. */
static char *clean(const char *s)
{
	size_t n = strlen(s);
	char *o = malloc(n + 1);
	if (!o)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		o[i] = (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f
		               ? ' '
		               : (char)c;
	}
	o[n] = '\0';
	return o;
}

static int has_control(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			return 1;
	}
	return 0;
}

static librdf_node *res(Out *o, const char *iri)
{
	return librdf_new_node_from_uri_string(o->w,
	                                       (const unsigned char *)iri);
}

static void add_node(Out *o, const char *s, const char *p, librdf_node *obj)
{
	librdf_node *sn = res(o, s);
	if (!sn || !obj) {
		o->failed = 1;
		if (obj)
			librdf_free_node(obj);
		if (sn)
			librdf_free_node(sn);
		return;
	}
	librdf_node *pn = res(o, p);
	librdf_statement *st =
	        librdf_new_statement_from_nodes(o->w, sn, pn, obj);
	if (!st || librdf_model_add_statement(o->m, st))
		o->failed = 1;
	if (st)
		librdf_free_statement(st);
	if (o->stream && ++o->count >= CHUNK)
		flush_chunk(o);
}

static void add_res(Out *o, const char *s, const char *p, const char *iri)
{
	if (o->native) {
		put_subject_predicate(o, s, p);
		put_iri(o, iri);
		native_end(o);
		return;
	}
	add_node(o, s, p, res(o, iri));
}

static void add_lit(Out *o, const char *s, const char *p, const char *v,
                    const char *lang, const char *dtype)
{
	if (o->native) {
		put_subject_predicate(o, s, p);
		put_string(o, v);
		if (dtype) {
			put(o, "^^", 2);
			put_iri(o, dtype);
		} else if (lang) {
			put(o, "@", 1);
			puts_(o, lang);
		}
		native_end(o);
		return;
	}
	char *c = NULL;
	if (has_control(v)) {
		c = clean(v);
		if (!c) {
			o->failed = 1;
			return;
		}
		v = c;
	}
	librdf_node *n;
	if (dtype) {
		librdf_uri *u =
		        librdf_new_uri(o->w, (const unsigned char *)dtype);
		n = librdf_new_node_from_typed_literal(
		        o->w, (const unsigned char *)v, NULL, u);
		librdf_free_uri(u);
	} else {
		n = librdf_new_node_from_literal(o->w, (const unsigned char *)v,
		                                 lang, 0);
	}
	free(c);
	add_node(o, s, p, n);
}

static void add_int(Out *o, const char *s, const char *p, size_t v)
{
	char buf[32];
	nkg_cat_size(buf, sizeof buf, 0, v);
	add_lit(o, s, p, buf, NULL, XSD "integer");
}

static void add_date(Out *o, const char *s, const char *p, const char *v,
                     const char *type)
{
	char dt[64];
	size_t n = nkg_cat(dt, sizeof dt, 0, XSD, SIZE_MAX);
	nkg_cat(dt, sizeof dt, n, type ? type : "date", SIZE_MAX);
	add_lit(o, s, p, v, NULL, dt);
}

static int absolute_iri(const char *s)
{
	const char *c = strchr(s, ':');
	if (!c || c == s)
		return 0;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= 0x20 || strchr("<>\"{}|^`\\", *p))
			return 0;
	return 1;
}

/* N-Quads: the statements that follow go to the default graph (ON) or
 * back to the document's; nothing for the formats without graphs. */
static void default_graph(Out *o, int on)
{
	if (!o->graph || o->plain == on)
		return;
	if (!o->native)
		flush_chunk(o); /* a chunk is given one graph name */
	o->plain = on;
}

/* Marks in USED the mentions the output of G writes at level PROV, and
 * gives in PICK (one per actor) the mention each actor keeps at level
 * events: one it shares with an event when it has one, so that the level
 * writes as few sentences as it can. */
static void choose_mentions(const NkgGraph *g, NkgProvenance prov, char *used,
                            size_t *pick)
{
	if (prov == NKG_PROVENANCE_NONE)
		return;
	if (prov == NKG_PROVENANCE_FULL) {
		for (size_t i = 0; i < g->n_events; i++)
			for (size_t k = 0; k < g->events[i].mentions.n; k++)
				used[g->events[i].mentions.v[k]] = 1;
		for (size_t i = 0; i < g->n_actors; i++)
			for (size_t k = 0; k < g->actors[i].mentions.n; k++)
				used[g->actors[i].mentions.v[k]] = 1;
		for (size_t i = 0; i < g->n_positions; i++)
			if (g->positions[i].mention != NKG_NONE &&
			    g->positions[i].mention < g->n_mentions)
				used[g->positions[i].mention] = 1;
		return;
	}
	for (size_t i = 0; i < g->n_events; i++)
		if (g->events[i].mentions.n)
			used[g->events[i].mentions.v[0]] = 1;
	for (size_t i = 0; i < g->n_actors; i++) {
		const NkgIdxList *ms = &g->actors[i].mentions;
		pick[i] = NKG_NONE;
		for (size_t k = 0; k < ms->n && pick[i] == NKG_NONE; k++)
			if (used[ms->v[k]])
				pick[i] = ms->v[k];
		if (pick[i] == NKG_NONE && ms->n)
			pick[i] = ms->v[0];
		if (pick[i] != NKG_NONE)
			used[pick[i]] = 1;
	}
}

static const char *const level_names[] = {NKG_NS "EventProvenance", NULL,
                                          NKG_NS "NoProvenance"};

static void add_graph(Out *o, const NkgGraph *g, int with_text,
                      NkgProvenance prov)
{
	const char *doc = g->doc_iri;
	add_res(o, doc, RDF "type", NKG_NS "Document");
	if (g->title)
		add_lit(o, doc, DCT "title", g->title, NULL, NULL);
	if (g->date)
		add_date(o, doc, DCT "date", g->date, "date");
	if (g->url) {
		if (absolute_iri(g->url))
			add_res(o, doc, DCT "source", g->url);
		else
			add_lit(o, doc, DCT "source", g->url, NULL, NULL);
	}
	if (g->doc_id)
		add_lit(o, doc, DCT "identifier", g->doc_id, NULL, NULL);
	if (g->source_name)
		add_lit(o, doc, DCT "publisher", g->source_name, NULL, NULL);
	if (with_text && g->text)
		add_lit(o, doc, NIF "isString", g->text, NULL, NULL);
	/* full, the level of old outputs, is not stated */
	if (prov != NKG_PROVENANCE_FULL)
		add_res(o, doc, NKG_NS "provenanceLevel", level_names[prov]);

	char *used = calloc(g->n_mentions + 1, 1);
	size_t *pick = malloc((g->n_actors + 1) * sizeof *pick);
	if (!used || !pick) {
		free(used);
		free(pick);
		o->failed = 1;
		return;
	}
	choose_mentions(g, prov, used, pick);
	/* an actor is written when the text names it or something written
	 * refers to it; a candidate that lost its mention to a longer name
	 * ("International Committee" in "International Committee of the Red
	 * Cross") is not */
	char *keep = calloc(g->n_actors + 1, 1);
	if (!keep) {
		free(used);
		free(pick);
		o->failed = 1;
		return;
	}
	for (size_t i = 0; i < g->n_actors; i++)
		keep[i] = g->actors[i].mentions.n > 0;
	for (size_t i = 0; i < g->n_events; i++)
		for (int r = 0; r < NKG_ROLE_COUNT; r++)
			for (size_t k = 0; k < g->events[i].roles[r].n; k++)
				keep[g->events[i].roles[r].v[k]] = 1;
	for (size_t i = 0; i < g->n_positions; i++)
		if (g->positions[i].iri) {
			keep[g->positions[i].holder] = 1;
			if (g->positions[i].organization != NKG_NONE)
				keep[g->positions[i].organization] = 1;
		}
	/* what the written actors belong to, and what that belongs to */
	for (int pass = 0; pass < 3; pass++)
		for (size_t i = 0; i < g->n_actors; i++)
			for (size_t k = 0;
			     keep[i] && k < g->actors[i].affiliations.n; k++)
				keep[g->actors[i].affiliations.v[k]] = 1;
	for (size_t i = 0; i < g->n_mentions; i++) {
		if (!used[i])
			continue;
		const NkgMention *m = &g->mentions[i];
		const char *mn = m->iri;
		add_res(o, mn, RDF "type", NKG_NS "Mention");
		add_int(o, mn, NIF "beginIndex", m->begin);
		add_int(o, mn, NIF "endIndex", m->end);
		add_lit(o, mn, NIF "anchorOf", m->anchor, NULL, NULL);
		add_res(o, mn, NKG_NS "document", doc);
	}

	size_t base_len = strlen(g->base);
	for (size_t i = 0; i < g->n_actors; i++) {
		const NkgActor *a = &g->actors[i];
		const char *an = a->iri;
		if (!keep[i])
			continue;
		/* below full, what is known of an actor whose IRI is not the
		 * document's own (its class, names, code, sector,
		 * affiliations) goes to the default graph, once a stream of
		 * graphs; its evidence to the document's graph */
		int shared = prov != NKG_PROVENANCE_FULL &&
		             strncmp(an, g->base, base_len);
		NkgRdfSeen *sn = shared ? o->seen : NULL;
		uint64_t sh = sn ? seen_subject(an) : 0;
#define SAY(p, v) (!sn || seen_add(sn, sh, p, v))
		if (shared)
			default_graph(o, 1);
		if (SAY(ONCE_TYPE, a->cls))
			add_res(o, an, RDF "type", a->cls);
		if (SAY(ONCE_LABEL, a->label))
			add_lit(o, an, RDFS "label", a->label, "en", NULL);
		for (size_t k = 0; k < a->n_alts; k++)
			if (SAY(ONCE_ALT, a->alts[k]))
				add_lit(o, an, SKOS "altLabel", a->alts[k],
				        "en", NULL);
		if (a->code && SAY(ONCE_CODE, a->code))
			add_lit(o, an, NKG_NS "countryCode", a->code, NULL,
			        NULL);
		if (a->same_as && SAY(ONCE_SAME, a->same_as))
			add_res(o, an, OWL "sameAs", a->same_as);
		if (a->sector && SAY(ONCE_SECTOR, a->sector))
			add_lit(o, an, NKG_NS "sector", a->sector, NULL, NULL);
		for (size_t k = 0; k < a->affiliations.n; k++) {
			const char *to = g->actors[a->affiliations.v[k]].iri;
			if (SAY(ONCE_AFF, to))
				add_res(o, an, NKG_NS "affiliatedWith", to);
		}
#undef SAY
		default_graph(o, 0);
		if (prov == NKG_PROVENANCE_FULL)
			for (size_t k = 0; k < a->mentions.n; k++)
				add_res(o, an, NKG_NS "evidence",
				        g->mentions[a->mentions.v[k]].iri);
		else if (prov == NKG_PROVENANCE_EVENTS && pick[i] != NKG_NONE)
			add_res(o, an, NKG_NS "evidence",
			        g->mentions[pick[i]].iri);
		if (a->mentions.n)
			add_res(o, an, PROV "wasDerivedFrom", doc);
	}
	for (size_t i = 0; i < g->n_positions; i++) {
		const NkgPosition *p = &g->positions[i];
		if (!p->iri)
			continue;
		const char *pn = p->iri;
		add_res(o, pn, RDF "type", NKG_NS "Position");
		add_res(o, pn, NKG_NS "holder", g->actors[p->holder].iri);
		add_lit(o, pn, NKG_NS "title", p->title, NULL, NULL);
		if (p->organization != NKG_NONE)
			add_res(o, pn, NKG_NS "organization",
			        g->actors[p->organization].iri);
		add_lit(o, pn, NKG_NS "status", p->status, NULL, NULL);
		if (p->mention != NKG_NONE && p->mention < g->n_mentions &&
		    used[p->mention])
			add_res(o, pn, NKG_NS "evidence",
			        g->mentions[p->mention].iri);
		add_res(o, pn, PROV "wasDerivedFrom", doc);
	}
	for (size_t i = 0; i < g->n_events; i++) {
		const NkgEvent *e = &g->events[i];
		const char *en = e->iri;
		add_res(o, en, RDF "type", e->cls);
		if (e->cls_label) {
			/* "Blockade: United States → Venezuela" */
			char label[600];
			size_t l = nkg_cat(label, sizeof label, 0, e->cls_label,
			                   SIZE_MAX);
			const NkgIdxList *from =
			        e->roles[NKG_ROLE_AGENT].n
			                ? &e->roles[NKG_ROLE_AGENT]
			                : &e->roles[NKG_ROLE_PARTICIPANT];
			const NkgIdxList *to = &e->roles[NKG_ROLE_TARGET];
			for (size_t k = 0; k < from->n && l < sizeof label - 80;
			     k++) {
				l = nkg_cat(label, sizeof label, l,
				            k ? ", " : ": ", SIZE_MAX);
				l = nkg_cat(label, sizeof label, l,
				            g->actors[from->v[k]].label, 60);
			}
			for (size_t k = 0; k < to->n && l < sizeof label - 80;
			     k++) {
				l = nkg_cat(label, sizeof label, l,
				            k ? ", " : " \xe2\x86\x92 ",
				            SIZE_MAX);
				l = nkg_cat(label, sizeof label, l,
				            g->actors[to->v[k]].label, 60);
			}
			add_lit(o, en, DCT "description", label, "en", NULL);
		}
		for (int r = 0; r < NKG_ROLE_COUNT; r++)
			for (size_t k = 0; k < e->roles[r].n; k++)
				add_res(o, en,
				        (r == 0   ? NKG_NS "agent"
				         : r == 1 ? NKG_NS "target"
				         : r == 2 ? NKG_NS "participant"
				         : r == 3 ? NKG_NS "origin"
				         : r == 4 ? NKG_NS "destination"
				         : r == 5 ? NKG_NS "place"
				         : r == 6 ? NKG_NS "reportedBy"
				                  : NKG_NS "claimedBy"),
				        g->actors[e->roles[r].v[k]].iri);
		if (e->object)
			add_lit(o, en, NKG_NS "object", e->object, "en", NULL);
		if (e->date)
			add_date(o, en, NKG_NS "date", e->date, e->date_type);
		if (e->start_date)
			add_date(o, en, NKG_NS "startDate", e->start_date,
			         e->start_type);
		if (e->end_date)
			add_date(o, en, NKG_NS "endDate", e->end_date,
			         e->end_type);
		if (e->modality) {
			char mi[128];
			size_t l = nkg_cat(mi, sizeof mi, 0, NKG_NS, SIZE_MAX);
			nkg_cat(mi, sizeof mi, l, e->modality, SIZE_MAX);
			add_res(o, en, NKG_NS "modality", mi);
		}
		if (e->intended_cls)
			add_res(o, en, NKG_NS "intendedClass", e->intended_cls);
		size_t n_ev = prov == NKG_PROVENANCE_FULL ? e->mentions.n
		              : prov == NKG_PROVENANCE_EVENTS
		                      ? e->mentions.n > 0
		                      : 0;
		for (size_t k = 0; k < n_ev; k++)
			add_res(o, en, NKG_NS "evidence",
			        g->mentions[e->mentions.v[k]].iri);
		if (e->rule)
			add_res(o, en, NKG_NS "rule", e->rule);
		if (e->confidence > 0) {
			char cb[16];
			snprintf(cb, sizeof cb, "%.2f", e->confidence);
			add_lit(o, en, NKG_NS "confidence", cb, NULL,
			        XSD "decimal");
		}
		add_res(o, en, PROV "wasDerivedFrom", doc);
	}
	free(used);
	free(pick);
	free(keep);
}

/* One librdf world serves the whole process: opening one costs more than
 * writing a typical article. */
static librdf_world *world;

static void free_world(void)
{
	if (world)
		librdf_free_world(world);
	world = NULL;
}

static int open_out(Out *o)
{
	memset(o, 0, sizeof *o);
	if (!world) {
		if (nkg_redland_load(NULL, 0))
			return -1;
		world = librdf_new_world();
		if (!world)
			return -1;
		librdf_world_open(world);
		atexit(free_world);
	}
	o->w = world;
	/* hashed storage: the plain "memory" store compares every new
	 * statement with all earlier ones */
	o->st = librdf_new_storage(o->w, "hashes", "nkg", "hash-type='memory'");
	o->m = o->st ? librdf_new_model(o->w, o->st, NULL) : NULL;
	return o->m ? 0 : -1;
}

static void close_out(Out *o)
{
	if (o->m)
		librdf_free_model(o->m);
	if (o->st)
		librdf_free_storage(o->st);
}

static unsigned char *serialize(Out *o, const char *name, const char *base,
                                size_t *len)
{
	librdf_serializer *s = librdf_new_serializer(o->w, name, NULL, NULL);
	if (!s)
		return NULL;
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		librdf_uri *u = librdf_new_uri(
		        o->w, (const unsigned char *)prefixes[i][1]);
		librdf_serializer_set_namespace(s, u, prefixes[i][0]);
		librdf_free_uri(u);
	}
	(void)base;
	unsigned char *out =
	        librdf_serializer_serialize_model_to_counted_string(s, NULL,
	                                                            o->m, len);
	librdf_free_serializer(s);
	return out;
}

static int write_all(FILE *f, const void *p, size_t n)
{
	return fwrite(p, 1, n, f) == n ? 0 : -1;
}

/* Writes the statements gathered so far as N-Triples (or N-Quads, each
 * line given the document's graph name) and starts a new model. */
static void flush_chunk(Out *o)
{
	if (!o->count || o->failed)
		return;
	size_t len = 0;
	unsigned char *buf = serialize(o, "ntriples", NULL, &len);
	if (!buf) {
		o->failed = 1;
		return;
	}
	int bad = 0;
	const char *graph = o->plain ? NULL : o->graph;
	if (!graph) {
		bad = write_all(o->stream, buf, len);
	} else {
		size_t gl = strlen(graph);
		for (size_t p = 0; p < len && !bad;) {
			const unsigned char *nl =
			        memchr(buf + p, '\n', len - p);
			size_t e = nl ? (size_t)(nl - buf) : len;
			size_t le = e;
			/* drop the final " ." */
			while (le > p &&
			       (buf[le - 1] == ' ' || buf[le - 1] == '.'))
				le--;
			if (le > p && (write_all(o->stream, buf + p, le - p) ||
			               write_all(o->stream, " <", 2) ||
			               write_all(o->stream, graph, gl) ||
			               write_all(o->stream, "> .\n", 4)))
				bad = 1;
			p = e + 1;
		}
	}
	librdf_free_memory(buf);
	if (bad) {
		o->failed = 1;
		o->st_out = NKG_ERR_OUTPUT;
		return;
	}
	librdf_free_model(o->m);
	librdf_free_storage(o->st);
	o->st = librdf_new_storage(o->w, "hashes", "nkg", "hash-type='memory'");
	o->m = o->st ? librdf_new_model(o->w, o->st, NULL) : NULL;
	if (!o->m)
		o->failed = 1;
	o->count = 0;
}

/* NKG_RDF_WRITER=librdf: line formats through librdf as well. */
static int native_lines(void)
{
	const char *w = getenv("NKG_RDF_WRITER");
	return !(w && strcmp(w, "librdf") == 0);
}

NkgStatus nkg_emit_rdf(NkgGraph *const *gs, size_t n, NkgFormat format,
                       FILE *out, int with_text, NkgProvenance provenance,
                       NkgRdfSeen *seen, NkgError *err)
{
	if ((unsigned)provenance > NKG_PROVENANCE_NONE)
		provenance = NKG_PROVENANCE_EVENTS;
	const char *name = format == NKG_FORMAT_TURTLE   ? "turtle"
	                   : format == NKG_FORMAT_RDFXML ? "rdfxml-abbrev"
	                                                 : "ntriples";
	NkgStatus st = NKG_SUCCESS;
	int lines =
	        format == NKG_FORMAT_NQUADS || format == NKG_FORMAT_NTRIPLES;
	/* the batch is one stream: a shared actor is described once (the
	 * merged formats merge its statements anyway) */
	NkgRdfSeen *own = NULL;
	if (!seen && lines && n > 1) {
		own = nkg_rdf_seen_new();
		seen = own;
	}
	if (lines && native_lines()) {
		Out o;
		memset(&o, 0, sizeof o);
		o.native = 1;
		o.stream = out;
		o.seen = seen;
		for (size_t i = 0; i < n && !o.failed; i++) {
			o.graph = format == NKG_FORMAT_NQUADS ? gs[i]->doc_iri
			                                      : NULL;
			if (!set_tail(&o, o.graph))
				add_graph(&o, gs[i], with_text, provenance);
		}
		native_flush(&o);
		st = o.failed ? (o.st_out ? o.st_out : NKG_ERR_INTERNAL)
		              : NKG_SUCCESS;
		free(o.buf);
		free(o.tail);
	} else if (format == NKG_FORMAT_NQUADS ||
	           (format == NKG_FORMAT_NTRIPLES && n > 1)) {
		/* one document at a time, in chunks: memory stays flat */
		for (size_t i = 0; i < n && !st; i++) {
			Out o;
			if (open_out(&o)) {
				close_out(&o);
				st = NKG_ERR_INTERNAL;
				break;
			}
			o.stream = out;
			o.seen = seen;
			o.graph = format == NKG_FORMAT_NQUADS ? gs[i]->doc_iri
			                                      : NULL;
			add_graph(&o, gs[i], with_text, provenance);
			flush_chunk(&o);
			st = o.failed ? (o.st_out ? o.st_out : NKG_ERR_INTERNAL)
			              : NKG_SUCCESS;
			close_out(&o);
		}
	} else {
		Out o;
		if (open_out(&o)) {
			close_out(&o);
			st = NKG_ERR_INTERNAL;
		} else {
			for (size_t i = 0; i < n; i++)
				add_graph(&o, gs[i], with_text, provenance);
			size_t len = 0;
			unsigned char *buf =
			        o.failed ? NULL
			                 : serialize(&o, name, NULL, &len);
			if (!buf)
				st = NKG_ERR_INTERNAL;
			else if (write_all(out, buf, len))
				st = NKG_ERR_OUTPUT;
			if (buf)
				librdf_free_memory(buf);
			close_out(&o);
		}
	}
	nkg_rdf_seen_free(own);
	if (st && err) {
		err->status = st;
		if (st != NKG_ERR_OUTPUT &&
		    nkg_redland_load(err->message, sizeof err->message))
			return st;
		snprintf(err->message, sizeof err->message, "%s",
		         st == NKG_ERR_OUTPUT ? "write failed; check the disk "
		                                "and the output path"
		                              : "the RDF serializer failed");
	}
	return st;
}

NkgStatus nkg_emit_rdf_part(const NkgGraph *g, NkgFormat format, FILE *out,
                            int with_text, NkgProvenance provenance, int first,
                            NkgRdfSeen *seen, NkgError *err)
{
	NkgGraph *gs[1] = {(NkgGraph *)g};
	if (format != NKG_FORMAT_TURTLE)
		return nkg_emit_rdf(gs, 1, format, out, with_text, provenance,
		                    seen, err);
	if ((unsigned)provenance > NKG_PROVENANCE_NONE)
		provenance = NKG_PROVENANCE_EVENTS;
	Out o;
	memset(&o, 0, sizeof o);
	o.native = 1;
	o.turtle = 1;
	o.stream = out;
	o.seen = seen;
	if (first) {
		for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0];
		     i++) {
			puts_(&o, "@prefix ");
			puts_(&o, prefixes[i][0]);
			puts_(&o, ": <");
			puts_(&o, prefixes[i][1]);
			puts_(&o, "> .\n");
		}
	}
	put(&o, "\n", 1);
	add_graph(&o, g, with_text, provenance);
	turtle_close(&o);
	native_flush(&o);
	NkgStatus st = o.failed ? (o.st_out ? o.st_out : NKG_ERR_INTERNAL)
	                        : NKG_SUCCESS;
	free(o.buf);
	free(o.tail);
	if (st && err) {
		err->status = st;
		snprintf(err->message, sizeof err->message, "%s",
		         st == NKG_ERR_OUTPUT ? "write failed; check the disk "
		                                "and the output path"
		                              : "out of memory");
	}
	return st;
}

/* ---- a statement writer for other emitters (the corpus graph, and
 * document graphs read back from N-Quads) ---- */

struct NkgRdfOutImpl {
	Out o;
	NkgFormat format;
	const char *doc; /* with o.seen: the graph's document */
};

/* The statements of a shared actor that a stream writes once, those
 * that add_graph() passes through SAY(): their ONCE_ number, else 0. */
static int described_once(const char *p)
{
	static const char *const once[] = {RDF "type",
	                                   RDFS "label",
	                                   SKOS "altLabel",
	                                   NKG_NS "countryCode",
	                                   OWL "sameAs",
	                                   NKG_NS "sector",
	                                   NKG_NS "affiliatedWith"};
	for (size_t i = 0; i < sizeof once / sizeof once[0]; i++)
		if (!strcmp(p, once[i]))
			return ONCE_TYPE + (int)i;
	return 0;
}

void nkg_rdf_out_default(NkgRdfOut *r, int on)
{
	r->o.plain = on && r->format == NKG_FORMAT_NQUADS;
}

/* Where R writes (S, P, V): 0 nowhere (its stream has it already), 1 in
 * the document's graph, 2 in the default graph (a shared actor's
 * description, as add_graph() writes it). */
static int out_where(NkgRdfOut *r, const char *s, const char *p, const char *v)
{
	if (!r->o.seen || !strcmp(s, r->doc))
		return 1;
	size_t dl = strlen(r->doc);
	if (!strncmp(s, r->doc, dl) && s[dl] == '/')
		return 1; /* the document's own node */
	int once = described_once(p);
	if (!once)
		return 1;
	return seen_add(r->o.seen, seen_subject(s), once, v) ? 2 : 0;
}

/* Sets R to write (S, P, V) in the graph it goes to; gives what to set
 * back after it, or -1 when R's stream has the statement already. */
static int out_enter(NkgRdfOut *r, const char *s, const char *p, const char *v)
{
	int was = r->o.plain;
	int k = out_where(r, s, p, v);
	if (!k)
		return -1;
	if (k == 2)
		nkg_rdf_out_default(r, 1);
	return was;
}

void nkg_rdf_out_seen(NkgRdfOut *r, NkgRdfSeen *seen, const char *doc)
{
	r->o.seen = doc ? seen : NULL;
	r->doc = doc;
}

NkgRdfOut *nkg_rdf_out_open(NkgFormat format, FILE *out, int with_prefixes)
{
	if (format != NKG_FORMAT_TURTLE && format != NKG_FORMAT_NTRIPLES &&
	    format != NKG_FORMAT_NQUADS)
		return NULL;
	NkgRdfOut *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->format = format;
	Out *o = &r->o;
	o->native = 1;
	o->turtle = format == NKG_FORMAT_TURTLE;
	o->stream = out;
	if (o->turtle) {
		/* as nkg_emit_rdf_part() begins a graph */
		for (size_t i = 0;
		     with_prefixes && i < sizeof prefixes / sizeof prefixes[0];
		     i++) {
			puts_(o, "@prefix ");
			puts_(o, prefixes[i][0]);
			puts_(o, ": <");
			puts_(o, prefixes[i][1]);
			puts_(o, "> .\n");
		}
		put(o, "\n", 1);
	} else {
		set_tail(o, NULL);
	}
	return r;
}

void nkg_rdf_out_graph(NkgRdfOut *r, const char *graph)
{
	if (r->format == NKG_FORMAT_NQUADS)
		set_tail(&r->o, graph);
}

void nkg_rdf_out_res(NkgRdfOut *r, const char *s, const char *p,
                     const char *iri)
{
	int was = out_enter(r, s, p, iri);
	if (was < 0)
		return;
	add_res(&r->o, s, p, iri);
	r->o.plain = was;
}

void nkg_rdf_out_lit(NkgRdfOut *r, const char *s, const char *p, const char *v,
                     const char *lang, const char *dtype)
{
	int was = out_enter(r, s, p, v);
	if (was < 0)
		return;
	add_lit(&r->o, s, p, v, lang, dtype);
	r->o.plain = was;
}

NkgStatus nkg_rdf_out_close(NkgRdfOut *r, NkgError *err)
{
	if (!r)
		return NKG_SUCCESS;
	Out *o = &r->o;
	if (o->turtle)
		turtle_close(o);
	native_flush(o);
	NkgStatus st = o->failed ? (o->st_out ? o->st_out : NKG_ERR_INTERNAL)
	                         : NKG_SUCCESS;
	free(o->buf);
	free(o->tail);
	free(o->subj);
	free(r);
	if (st && err) {
		err->status = st;
		snprintf(err->message, sizeof err->message, "%s",
		         st == NKG_ERR_OUTPUT ? "write failed; check the disk "
		                                "and the output path"
		                              : "out of memory");
	}
	return st;
}
