/* SPDX-License-Identifier: MIT */
/* test_corpus_diagram.c: the corpus diagram and the timeline from a corpus
 * built by hand (the corpus builder lives elsewhere), checked with the
 * real dot program and libxml2.  With an argument DIR it also leaves the
 * diagram (DOT, SVG, PNG) and the timelines there, to be looked at. */
#include "corpus/corpus.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ID "https://w3id.org/newskg/id/"
#define NS "https://w3id.org/newskg/ns#"

/* ---- a corpus by hand ---- */

typedef struct {
	const char *key, *label;
	NkgActorKind kind;
	const char *country; /* key of its country or NULL */
} ActorSpec;

static const ActorSpec actor_specs[] = {
        {"country/USA", "United States", NKG_KIND_COUNTRY, NULL},
        {"country/VEN", "Venezuela", NKG_KIND_COUNTRY, NULL},
        {"country/CUB", "Cuba", NKG_KIND_COUNTRY, NULL},
        {"country/RUS", "Russia", NKG_KIND_COUNTRY, NULL},
        {"country/COL", "Colombia", NKG_KIND_COUNTRY, NULL},
        {"person/marco-rubio", "Marco Rubio", NKG_KIND_PERSON, "country/USA"},
        {"person/donald-trump", "Donald Trump", NKG_KIND_PERSON, "country/USA"},
        {"person/nicolas-maduro", "Nicol\xC3\xA1s Maduro", NKG_KIND_PERSON,
         "country/VEN"},
        {"person/delcy-rodriguez", "Delcy Rodr\xC3\xADguez", NKG_KIND_PERSON,
         "country/VEN"},
        {"person/miguel-diaz-canel",
         "Miguel D\xC3\xAD"
         "az-Canel",
         NKG_KIND_PERSON, "country/CUB"},
        {"org/us-coast-guard", "U.S. Coast Guard", NKG_KIND_ORGANIZATION,
         "country/USA"},
        {"org/pdvsa", "PDVSA", NKG_KIND_ORGANIZATION, "country/VEN"},
        {"org/united-nations", "United Nations", NKG_KIND_ORGANIZATION, NULL},
        {"group/cuban-advisers", "Cuban security advisers", NKG_KIND_GROUP,
         "country/CUB"},
};
#define N_ACTORS (sizeof actor_specs / sizeof *actor_specs)

typedef struct {
	const char *cls, *top;
	const char *agent, *target; /* keys, or NULL */
	const char *p1, *p2;        /* participants of symmetric events */
	int first, last;            /* day offsets from 2026-01-02, -1: none */
	double conf;
	int docs[3]; /* member documents, -1 ends */
} EventSpec;

#define US "country/USA"
#define VE "country/VEN"
#define CU "country/CUB"
#define RU "country/RUS"
#define CO "country/COL"
#define RUB "person/marco-rubio"
#define TRU "person/donald-trump"
#define MAD "person/nicolas-maduro"
#define DEL "person/delcy-rodriguez"
#define DIA "person/miguel-diaz-canel"
#define USCG "org/us-coast-guard"
#define PDV "org/pdvsa"
#define UNO "org/united-nations"
#define ADV "group/cuban-advisers"

static const EventSpec event_specs[] = {
        {"Blockade", "Sanction", US, VE, 0, 0, 1, 5, 0.9, {0, 1, -1}},
        {"Blockade", "Sanction", US, CU, 0, 0, 3, 3, 0.9, {1, -1}},
        {"Blockade", "Sanction", US, VE, 0, 0, 20, 22, 0.8, {3, 4, -1}},
        {"Blockade", "Sanction", US, VE, 0, 0, 41, 41, 0.8, {6, -1}},
        {"Sanction", "Sanction", US, PDV, 0, 0, 8, 8, 0.9, {2, -1}},
        {"Sanction", "Sanction", US, PDV, 0, 0, 60, 60, 0.7, {8, -1}},
        {"Capture", "Coerce", USCG, MAD, 0, 0, 2, 2, 0.95, {0, 1, 2}},
        {"Capture", "Coerce", USCG, MAD, 0, 0, 30, 30, 0.9, {4, -1}},
        {"Capture", "Coerce", USCG, MAD, 0, 0, 31, 31, 0.6, {5, -1}},
        {"Arrest", "Coerce", US, ADV, 0, 0, 12, 12, 0.7, {2, -1}},
        {"MilitaryOperation", "Assault", US, VE, 0, 0, 2, 2, 0.9, {0, 1, -1}},
        {"Killing", "Assault", US, ADV, 0, 0, 2, 2, 0.85, {0, -1}},
        {"Killing", "Assault", US, ADV, 0, 0, 15, 15, 0.8, {3, -1}},
        {"MilitaryOperation", "Assault", US, VE, 0, 0, 50, 52, 0.8, {7, -1}},
        {"PhoneCall", "Consult", 0, 0, RUB, DEL, 5, 5, 0.9, {1, -1}},
        {"PhoneCall", "Consult", 0, 0, RUB, DEL, 25, 25, 0.9, {4, -1}},
        {"Meeting", "Consult", 0, 0, TRU, DEL, 45, 45, 0.9, {7, -1}},
        {"Meeting", "Consult", 0, 0, DIA, RU, 33, 33, 0.8, {5, 6, -1}},
        {"PhoneCall", "Consult", 0, 0, DIA, MAD, 1, 1, 0.7, {0, -1}},
        {"Condemnation", "Accuse", CU, US, 0, 0, 2, 2, 0.9, {0, 1, -1}},
        {"Condemnation", "Accuse", CU, US, 0, 0, 16, 16, 0.9, {3, -1}},
        {"Condemnation", "Accuse", RU, US, 0, 0, 3, 3, 0.9, {1, -1}},
        {"Accuse", "Accuse", DIA, TRU, 0, 0, 40, 40, 0.8, {6, -1}},
        {"Condemnation", "Accuse", UNO, US, 0, 0, 4, 4, 0.7, {2, -1}},
        {"Pressure", "Request", US, CU, 0, 0, 10, 35, 0.8, {2, 5, -1}},
        {"Pressure", "Request", RUB, DEL, 0, 0, 26, 26, 0.8, {4, -1}},
        {"Request", "Request", CO, US, 0, 0, 70, 70, 0.7, {9, -1}},
        {"Departure", "Retreat", ADV, VE, 0, 0, 55, 58, 0.9, {8, 9, -1}},
        {"Departure", "Retreat", ADV, VE, 0, 0, 75, 75, 0.9, {10, -1}},
        {"Threaten", "Threaten", TRU, CU, 0, 0, 44, 44, 0.8, {7, -1}},
        {"Threaten", "Threaten", TRU, CO, 0, 0, 80, 80, 0.8, {11, -1}},
        {"Aid", "Aid", RU, CU, 0, 0, 62, 64, 0.8, {8, -1}},
        {"Protest", "Protest", CO, US, 0, 0, 85, 85, 0.6, {11, -1}},
        {"Agree", "Agree", 0, 0, DEL, US, 86, 86, 0.9, {11, -1}},
        /* below the default confidence: not drawn */
        {"Mobilize", "Mobilize", RU, VE, 0, 0, 20, 20, 0.3, {3, -1}},
        /* no date of its own: left out of the timeline */
        {"Condemnation", "Accuse", VE, US, 0, 0, -1, -1, 0.9, {9, -1}},
};
#define N_EVENTS (sizeof event_specs / sizeof *event_specs)

static const char *const doc_titles[] = {
        "U.S. forces seize Maduro in overnight raid",
        "Cuba condemns blockade as calls go on",
        "Washington widens sanctions on PDVSA",
        "Second tanker turned back off La Guaira",
        "Talks between Rubio and Rodr\xC3\xADguez resume",
        "Maduro moved to a second site, officials say",
        "D\xC3\xAD"
        "az-Canel accuses Trump of piracy",
        "Trump and Rodr\xC3\xADguez meet in Miami",
        "Cuban advisers begin to leave Caracas",
        "Bogot\xC3\xA1 asks Washington for talks",
        "Last advisers fly home & Havana thanks them",
        "Colombians protest; Trump threatens tariffs",
};
#define N_DOCS (sizeof doc_titles / sizeof *doc_titles)

static char *sdup(const char *s)
{
	char *p = s ? strdup(s) : NULL;
	assert(!s || p);
	return p;
}

static char *date_after(const char *start, int days)
{
	/* Only what the tests need: day offsets within Jan..Dec 2026 from a
	 * start in 2026. */
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
	                            31, 31, 30, 31, 30, 31};
	int y = atoi(start), m = atoi(start + 5), d = atoi(start + 8) + days;
	while (d > mdays[m - 1]) {
		d -= mdays[m - 1];
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	char buf[16];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	return sdup(buf);
}

static size_t actor_index(const char *key)
{
	for (size_t i = 0; i < N_ACTORS; i++)
		if (!strcmp(actor_specs[i].key, key))
			return i;
	abort();
}

static size_t *one(const char *key, size_t *n)
{
	if (!key) {
		*n = 0;
		return NULL;
	}
	size_t *v = malloc(sizeof *v);
	assert(v);
	*v = actor_index(key);
	*n = 1;
	return v;
}

/* The corpus of the tables; SCALE stretches the day offsets (1 = about
 * three months). */
static NkgCorpus *make_corpus(double scale)
{
	NkgCorpus *c = calloc(1, sizeof *c);
	assert(c);
	c->docs = calloc(N_DOCS, sizeof *c->docs);
	c->actors = calloc(N_ACTORS, sizeof *c->actors);
	c->events = calloc(N_EVENTS, sizeof *c->events);
	assert(c->docs && c->actors && c->events);
	for (size_t i = 0; i < N_DOCS; i++) {
		char id[32], iri[96], url[96];
		snprintf(id, sizeof id, "doc-%02zu", i);
		snprintf(iri, sizeof iri, "https://w3id.org/newskg/doc/%s", id);
		snprintf(url, sizeof url, "https://news.example/%zu?a=1&b=2",
		         i);
		NkgCorpusDoc *d = &c->docs[c->n_docs++];
		d->iri = sdup(iri);
		d->id = sdup(id);
		d->title = sdup(doc_titles[i]);
		d->date = date_after("2026-01-02", (int)(i * 8 * scale));
		d->url = i % 3 == 1 ? NULL : sdup(url);
		d->source = sdup(i % 2 ? "Wire A" : "Wire B");
	}
	for (size_t i = 0; i < N_ACTORS; i++) {
		const ActorSpec *s = &actor_specs[i];
		NkgCorpusActor *a = &c->actors[c->n_actors++];
		char iri[128];
		snprintf(iri, sizeof iri, ID "%s", s->key);
		a->iri = sdup(iri);
		a->kind = s->kind;
		a->cls = sdup(s->kind == NKG_KIND_COUNTRY  ? NS "Country"
		              : s->kind == NKG_KIND_PERSON ? NS "Person"
		              : s->kind == NKG_KIND_GROUP  ? NS "Group"
		                                           : NS "Organization");
		a->label = sdup(s->label);
		a->code = s->kind == NKG_KIND_COUNTRY ? sdup(s->key + 8) : NULL;
		a->country = s->country ? actor_index(s->country) : NKG_NONE;
	}
	for (size_t i = 0; i < N_EVENTS; i++) {
		const EventSpec *s = &event_specs[i];
		NkgCorpusEvent *e = &c->events[c->n_events++];
		char iri[96];
		snprintf(iri, sizeof iri, ID "corpus-event/%zu", i);
		e->iri = sdup(iri);
		e->cls = malloc(strlen(NS) + strlen(s->cls) + 1);
		assert(e->cls);
		strcat(strcpy(e->cls, NS), s->cls);
		e->cls_label = sdup(s->cls);
		e->top_label = sdup(s->top);
		e->agents = one(s->agent, &e->n_agents);
		e->targets = one(s->target, &e->n_targets);
		if (s->p1) {
			e->participants = malloc(2 * sizeof *e->participants);
			assert(e->participants);
			e->participants[0] = actor_index(s->p1);
			e->participants[1] = actor_index(s->p2);
			e->n_parts = 2;
		}
		if (s->first >= 0) {
			e->first_date = date_after("2026-01-02",
			                           (int)(s->first * scale));
			e->last_date = date_after("2026-01-02",
			                          (int)(s->last * scale));
		}
		e->confidence = s->conf;
		for (int k = 0; k < 3 && s->docs[k] >= 0; k++) {
			if (e->n_members == e->cap_members) {
				e->cap_members = e->cap_members * 2 + 2;
				e->members = realloc(
				        e->members,
				        e->cap_members * sizeof *e->members);
				assert(e->members);
			}
			NkgCorpusMember *m = &e->members[e->n_members++];
			char ev[96];
			snprintf(ev, sizeof ev, ID "event/%zu-%d", i, k);
			m->event = sdup(ev);
			m->doc = (size_t)s->docs[k];
			m->date = e->first_date ? sdup(e->first_date) : NULL;
			m->confidence = s->conf;
			e->n_docs++;
			e->n_sources = e->n_docs > 1 ? 2 : 1;
		}
	}
	return c;
}

/* Frees what make_corpus() allocated. */
static void free_corpus(NkgCorpus *c)
{
	for (size_t i = 0; i < c->n_docs; i++) {
		NkgCorpusDoc *d = &c->docs[i];
		free(d->iri);
		free(d->id);
		free(d->title);
		free(d->date);
		free(d->url);
		free(d->source);
	}
	for (size_t i = 0; i < c->n_actors; i++) {
		NkgCorpusActor *a = &c->actors[i];
		free(a->iri);
		free(a->cls);
		free(a->label);
		free(a->code);
	}
	for (size_t i = 0; i < c->n_events; i++) {
		NkgCorpusEvent *e = &c->events[i];
		free(e->iri);
		free(e->cls);
		free(e->cls_label);
		free(e->top_label);
		free(e->agents);
		free(e->targets);
		free(e->participants);
		free(e->first_date);
		free(e->last_date);
		for (size_t m = 0; m < e->n_members; m++) {
			free(e->members[m].event);
			free(e->members[m].date);
		}
		free(e->members);
	}
	free(c->docs);
	free(c->actors);
	free(c->events);
	free(c);
}

/* ---- helpers ---- */

typedef NkgStatus (*EmitFn)(const NkgCorpus *c, NkgFormat f, FILE *out,
                            const NkgCorpusDiagramOptions *o, NkgError *err);

static NkgStatus timeline(const NkgCorpus *c, NkgFormat f, FILE *out,
                          const NkgCorpusDiagramOptions *o, NkgError *err)
{
	(void)f;
	return nkg_corpus_write_timeline(c, out, o, err);
}

/* Emits and returns the bytes (caller frees); aborts on an error. */
static char *emit(EmitFn fn, const NkgCorpus *c, NkgFormat f,
                  const NkgCorpusDiagramOptions *o, size_t *len)
{
	FILE *t = tmpfile();
	assert(t);
	NkgError err = {0};
	NkgStatus st = fn(c, f, t, o, &err);
	if (st) {
		fprintf(stderr, "emit failed: %s\n", err.message);
		abort();
	}
	long size = ftell(t);
	assert(size > 0);
	rewind(t);
	char *buf = malloc((size_t)size + 1);
	assert(buf && fread(buf, 1, (size_t)size, t) == (size_t)size);
	buf[size] = '\0';
	fclose(t);
	if (len)
		*len = (size_t)size;
	return buf;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

static void expect(const char *hay, const char *needle)
{
	if (!strstr(hay, needle)) {
		fprintf(stderr, "missing: %s\n", needle);
		abort();
	}
}

static void expect_not(const char *hay, const char *needle)
{
	if (strstr(hay, needle)) {
		fprintf(stderr, "unexpected: %s\n", needle);
		abort();
	}
}

/* Actor node statements: a line that starts with a quoted actor IRI and
 * is not an edge. */
static size_t actor_nodes(const char *dot)
{
	size_t n = 0;
	for (const char *l = dot; l && *l; l = strchr(l, '\n'), l += !!l) {
		const char *s = l;
		while (*s == '\t' || *s == ' ')
			s++;
		const char *end = strchr(s, '\n');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		int edge = 0;
		for (size_t i = 0; i + 1 < len; i++)
			edge |= s[i] == '-' && s[i + 1] == '>';
		if (!strncmp(s, "\"" ID, strlen(ID) + 1) && !edge)
			n++;
	}
	return n;
}

static void write_file(const char *dir, const char *name, const char *s,
                       size_t len)
{
	if (!dir)
		return;
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert(f && fwrite(s, 1, len, f) == len && fclose(f) == 0);
}

/* Runs a command on TEXT in a file; returns its exit status. */
static int run_on(const char *cmd_fmt, const char *text)
{
	char in[] = "/tmp/test_corpus_diagram.XXXXXX";
	int fd = mkstemp(in);
	assert(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert(f && fputs(text, f) >= 0 && fclose(f) == 0);
	char cmd[1024];
	snprintf(cmd, sizeof cmd, cmd_fmt, in);
	int rc = system(cmd);
	unlink(in);
	return rc;
}

/* The SVG parsed by libxml2 (well-formed or abort); the caller frees. */
static xmlDocPtr parse_svg(const char *svg, size_t len)
{
	xmlDocPtr doc = xmlReadMemory(svg, (int)len, "timeline.svg", NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOERROR);
	if (!doc) {
		fprintf(stderr, "not well-formed XML\n");
		abort();
	}
	return doc;
}

static size_t xpath_count(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	assert(ctx);
	xmlXPathRegisterNs(ctx, BAD_CAST "s",
	                   BAD_CAST "http://www.w3.org/2000/svg");
	xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	assert(r);
	size_t n = r->nodesetval ? (size_t)r->nodesetval->nodeNr : 0;
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(ctx);
	return n;
}

static char *xpath_string(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	assert(ctx);
	xmlXPathRegisterNs(ctx, BAD_CAST "s",
	                   BAD_CAST "http://www.w3.org/2000/svg");
	xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	assert(r);
	char *s = (char *)xmlXPathCastToString(r);
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(ctx);
	return s;
}

/* The same corpus with its actors in the opposite order. */
static void reverse_actors(NkgCorpus *c)
{
	size_t n = c->n_actors;
	for (size_t i = 0; i < n / 2; i++) {
		NkgCorpusActor t = c->actors[i];
		c->actors[i] = c->actors[n - 1 - i];
		c->actors[n - 1 - i] = t;
	}
	for (size_t i = 0; i < n; i++)
		if (c->actors[i].country != NKG_NONE)
			c->actors[i].country = n - 1 - c->actors[i].country;
	for (size_t i = 0; i < c->n_events; i++) {
		NkgCorpusEvent *e = &c->events[i];
		for (size_t k = 0; k < e->n_agents; k++)
			e->agents[k] = n - 1 - e->agents[k];
		for (size_t k = 0; k < e->n_targets; k++)
			e->targets[k] = n - 1 - e->targets[k];
		for (size_t k = 0; k < e->n_parts; k++)
			e->participants[k] = n - 1 - e->participants[k];
	}
}

static void test_diagram(const char *dir)
{
	NkgCorpus *c = make_corpus(1);
	NkgCorpusDiagramOptions o = {0};
	size_t len;
	char *dot = emit(nkg_corpus_write_diagram, c, NKG_FORMAT_DOT, &o, &len);
	write_file(dir, "corpus.dot", dot, len);
	/* every actor of a confident event, three countries with members */
	assert(actor_nodes(dot) == N_ACTORS);
	assert(count(dot, "subgraph cluster_") == 3);
	expect(dot, "label=Venezuela");
	assert(count(dot, "_legend") == 1);
	expect(dot, "Blockade \xC3\x97"
	            "3");
	expect(dot, "MilitaryOperation \xC3\x97"
	            "2");
	expect(dot, "Capture \xC3\x97"
	            "3");
	expect(dot, "U.S. forces seize Maduro in overnight raid");
	expect(dot, "2026-01-03  U.S. forces seize Maduro");
	expect(dot, "URL=\"https://news.example/0?a=1&amp;b=2\"");
	expect(dot, "dir=none");
	expect_not(dot, "Mobilize");
	assert(run_on("dot -Tsvg '%s' -o /dev/null", dot) == 0);

	/* the same bytes whatever the order of the actors */
	NkgCorpus *r = make_corpus(1);
	reverse_actors(r);
	char *dot2 =
	        emit(nkg_corpus_write_diagram, r, NKG_FORMAT_DOT, &o, NULL);
	assert(!strcmp(dot, dot2));
	free(dot2);
	free_corpus(r);
	free(dot);

	o.max_actors = 6;
	dot = emit(nkg_corpus_write_diagram, c, NKG_FORMAT_DOT, &o, NULL);
	assert(actor_nodes(dot) == 6);
	expect(dot, "showing 6 of 14 actors");
	assert(count(dot, "_legend") == 1);
	free(dot);

	/* the heaviest edges only, and no actor left without one */
	o = (NkgCorpusDiagramOptions){.max_edges = 4};
	dot = emit(nkg_corpus_write_diagram, c, NKG_FORMAT_DOT, &o, NULL);
	assert(count(dot, " -> ") == 4);
	expect(dot, "4 of their ");
	assert(actor_nodes(dot) <= 8);
	assert(actor_nodes(dot) >= 2);
	assert(run_on("dot -Tsvg '%s' -o /dev/null", dot) == 0);
	free(dot);

	o = (NkgCorpusDiagramOptions){.cluster = -1, .min_confidence = -1};
	dot = emit(nkg_corpus_write_diagram, c, NKG_FORMAT_DOT, &o, NULL);
	expect_not(dot, "cluster_");
	expect(dot, "Mobilize");
	free(dot);

	o = (NkgCorpusDiagramOptions){0};
	char *svg = emit(nkg_corpus_write_diagram, c, NKG_FORMAT_SVG, &o, &len);
	write_file(dir, "corpus.svg", svg, len);
	xmlFreeDoc(parse_svg(svg, len));
	expect(svg, "Nicol\xC3\xA1s Maduro");
	free(svg);
	char *png = emit(nkg_corpus_write_diagram, c, NKG_FORMAT_PNG, &o, &len);
	assert(len > 8 && !memcmp(png, "\x89PNG", 4));
	write_file(dir, "corpus.png", png, len);
	free(png);
	o.layout = "neato";
	dot = emit(nkg_corpus_write_diagram, c, NKG_FORMAT_PNG, &o, &len);
	write_file(dir, "corpus-neato.png", dot, len);
	free(dot);

	o = (NkgCorpusDiagramOptions){.layout = "nope"};
	NkgError err = {0};
	assert(nkg_corpus_write_diagram(c, NKG_FORMAT_DOT, stdout, &o, &err) ==
	       NKG_ERR_USAGE);
	assert(nkg_corpus_write_diagram(c, NKG_FORMAT_TURTLE, stdout, NULL,
	                                &err) == NKG_ERR_USAGE);
	free_corpus(c);
}

static char *timeline_unit(double scale, const char *dir, const char *name)
{
	NkgCorpus *c = make_corpus(scale);
	size_t len;
	char *svg = emit(timeline, c, 0, NULL, &len);
	write_file(dir, name, svg, len);
	xmlDocPtr doc = parse_svg(svg, len);
	char *unit =
	        xpath_string(doc, "string(//s:g[@class='ticks']/@data-unit)");
	xmlFreeDoc(doc);
	free(svg);
	free_corpus(c);
	return unit;
}

static void test_timeline(const char *dir)
{
	NkgCorpus *c = make_corpus(1);
	size_t len;
	char *svg = emit(timeline, c, 0, NULL, &len);
	write_file(dir, "timeline.svg", svg, len);
	xmlDocPtr doc = parse_svg(svg, len);
	/* twenty pairs with dated, confident events: the tables above */
	assert(xpath_count(doc, "//s:g[@class='row']") == 20);
	/* one mark per event: 36 less the unconfident and the undated
	 * one (each names one pair) */
	assert(xpath_count(doc, "//s:g[@class='event']") == 34);
	assert(xpath_count(doc, "//s:g[@class='event']/s:title"
	                        "[contains(., 'Maduro moved to a second')]") ==
	       3); /* its three events */
	assert(xpath_count(doc, "//s:g[@class='event']/s:rect") >= 5);
	char *note = xpath_string(doc, "string(//s:text[@class='undated'])");
	assert(!strncmp(note, "1 event without a date", 22));
	xmlFree(note);
	/* the eleven class groups of the dated, confident events */
	assert(xpath_count(doc, "//s:g[@class='legend']/s:text") == 11);
	xmlFreeDoc(doc);
	expect(svg, "Delcy Rodr\xC3\xADguez \xE2\x80\x93 Marco Rubio");
	expect(svg, "U.S. Coast Guard \xE2\x86\x92 Nicol\xC3\xA1s Maduro");
	expect(svg, "fly home &amp; Havana");
	if (system("command -v xmllint >/dev/null 2>&1") == 0)
		assert(run_on("xmllint --noout '%s'", svg) == 0);
	free(svg);

	NkgCorpusDiagramOptions o = {.max_pairs = 5};
	svg = emit(timeline, c, 0, &o, &len);
	doc = parse_svg(svg, len);
	assert(xpath_count(doc, "//s:g[@class='row']") == 5);
	xmlFreeDoc(doc);
	expect(svg, "showing 5 of 20 actor pairs");
	free(svg);
	free_corpus(c);

	/* first dates over 10 days, about two months, a year */
	char *u = timeline_unit(10.0 / 86, dir, "timeline-10d.svg");
	assert(!strcmp(u, "day"));
	xmlFree(u);
	u = timeline_unit(60.0 / 86, dir, "timeline-2m.svg");
	assert(!strcmp(u, "week"));
	xmlFree(u);
	u = timeline_unit(365.0 / 86, dir, "timeline-1y.svg");
	assert(!strcmp(u, "month"));
	xmlFree(u);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : NULL;
	test_diagram(dir);
	test_timeline(dir);
	xmlCleanupParser();
	puts("test_corpus_diagram: ok");
	return 0;
}
