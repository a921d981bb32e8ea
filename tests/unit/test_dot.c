/* SPDX-License-Identifier: MIT */
/* test_dot.c: diagrams (DOT, SVG, PNG, PDF) from small hand-built graphs,
 * checked with the real dot program and libxml2. */
#include "emit/dot.h"
#include "graph/graph.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ID "https://w3id.org/newskg/id/"
#define USA ID "country/USA"
#define CUB ID "country/CUB"
#define VEN ID "country/VEN"
#define RUBIO ID "person/marco-rubio"
#define UN ID "org/united-nations"
#define HAMAS ID "group/hamas"
#define LONER ID "person/loner"
#define ODD_HREF ID "org/x%22y%20%3Cz%3E&q=1--"

typedef struct {
	const char *iri;
	NkgActorKind kind;
	const char *cls, *label;
} ActorSpec;

static const ActorSpec actor_specs[] = {
        {USA, NKG_KIND_COUNTRY, NKG_NS "Country", "United States"},
        {CUB, NKG_KIND_COUNTRY, NKG_NS "Country", "Cuba"},
        {VEN, NKG_KIND_COUNTRY, NKG_NS "Country", "Venezuela"},
        {RUBIO, NKG_KIND_PERSON, NKG_NS "Person", "Marco Rubio"},
        {UN, NKG_KIND_ORGANIZATION, NKG_NS "Organization", "United Nations"},
        {HAMAS, NKG_KIND_GROUP, NKG_NS "ArmedGroup", "Hamas"},
        {LONER, NKG_KIND_PERSON, NKG_NS "Person", "Nobody Special"},
};

typedef struct {
	const char *cls, *top;
	const char *agent, *target, *p1, *p2;
	int symmetric;
	const char *modality, *date, *sentence;
	size_t begin;
} EventSpec;

static const EventSpec event_specs[] = {
        {"Blockade", "Sanction", USA, CUB, NULL, NULL, 0, NULL, "2026-01-03",
         "The U.S. imposed a blockade on Cuba.", 0},
        {"Blockade", "Sanction", USA, CUB, NULL, NULL, 0, NULL, "2026-01-03",
         "The blockade of Cuba continued.", 100},
        {"Meet", "Consult", NULL, NULL, RUBIO, UN, 1, NULL, NULL,
         "Rubio met United Nations officials.", 200},
        {"Accuse", "Accuse", CUB, USA, NULL, NULL, 0, "Negated", NULL,
         "Cuba did not accuse the U.S.", 300},
        {"Attack", "Assault", HAMAS, VEN, NULL, NULL, 0, "Asserted",
         "2026-02-01", "Hamas attacked Venezuela, oddly.", 400},
        {"Aid", "Aid", VEN, CUB, NULL, NULL, 0, NULL, NULL,
         "Venezuela sent aid to Cuba.", 500},
};

static size_t find(NkgGraph *g, const char *iri)
{
	size_t i = nkg_graph_find_actor(g, iri);
	assert(i != NKG_NONE);
	return i;
}

static void add_event(NkgGraph *g, const EventSpec *s)
{
	char cls[128];
	snprintf(cls, sizeof cls, NKG_NS "%s", s->cls);
	size_t ei = nkg_graph_add_event(g, cls, NKG_NS "rule-test");
	assert(ei != NKG_NONE);
	NkgEvent *e = &g->events[ei];
	nkg_set_str(&e->cls_label, s->cls);
	nkg_set_str(&e->top_label, s->top);
	if (s->modality)
		nkg_set_str(&e->modality, s->modality);
	if (s->date)
		nkg_set_str(&e->date, s->date);
	e->symmetric = s->symmetric;
	if (s->agent)
		assert(!nkg_idx_add(&e->roles[NKG_ROLE_AGENT],
		                    find(g, s->agent)));
	if (s->target)
		assert(!nkg_idx_add(&e->roles[NKG_ROLE_TARGET],
		                    find(g, s->target)));
	if (s->p1)
		assert(!nkg_idx_add(&e->roles[NKG_ROLE_PARTICIPANT],
		                    find(g, s->p1)));
	if (s->p2)
		assert(!nkg_idx_add(&e->roles[NKG_ROLE_PARTICIPANT],
		                    find(g, s->p2)));
	size_t m = nkg_graph_add_mention(g, s->begin, s->begin + 5, s->begin,
	                                 s->sentence);
	assert(m != NKG_NONE);
	assert(!nkg_idx_add(&g->events[ei].mentions, m));
}

/* The sample graph; REVERSED adds actors and events in the opposite
 * order, which must not change the diagram. */
static NkgGraph *sample(int reversed)
{
	NkgGraph *g = nkg_graph_new("https://example.org/doc/1");
	assert(g);
	nkg_set_str(&g->title, "U.S. blockade of Cuba");
	size_t na = sizeof actor_specs / sizeof *actor_specs;
	for (size_t k = 0; k < na; k++) {
		const ActorSpec *a = &actor_specs[reversed ? na - 1 - k : k];
		assert(nkg_graph_actor(g, a->iri, a->kind, a->cls, a->label) !=
		       NKG_NONE);
	}
	nkg_actor_add_alt(&g->actors[find(g, USA)], "USA");
	assert(!nkg_idx_add(&g->actors[find(g, RUBIO)].affiliations,
	                    find(g, USA)));
	assert(!nkg_idx_add(&g->actors[find(g, UN)].affiliations,
	                    find(g, VEN)));
	size_t ne = sizeof event_specs / sizeof *event_specs;
	for (size_t k = 0; k < ne; k++)
		add_event(g, &event_specs[reversed ? ne - 1 - k : k]);
	nkg_graph_finish(g);
	return g;
}

/* Emits and returns the bytes (caller frees), their length in *LEN. */
static char *emit(NkgGraph *const *gs, size_t n, NkgFormat f,
                  const NkgDiagramOptions *o, size_t *len, NkgStatus *st,
                  NkgError *err)
{
	FILE *t = tmpfile();
	assert(t);
	*st = nkg_emit_diagram(gs, n, f, t, o, err);
	long size = ftell(t);
	assert(size >= 0);
	rewind(t);
	char *buf = malloc((size_t)size + 1);
	assert(buf);
	assert(fread(buf, 1, (size_t)size, t) == (size_t)size);
	buf[size] = '\0';
	fclose(t);
	if (len)
		*len = (size_t)size;
	return buf;
}

static char *emit_ok(NkgGraph *g, NkgFormat f, const NkgDiagramOptions *o,
                     size_t *len)
{
	NkgError err = {0};
	NkgStatus st;
	NkgGraph *gs[1] = {g};
	char *s = emit(gs, 1, f, o, len, &st, &err);
	if (st) {
		fprintf(stderr, "emit failed: %s\n", err.message);
		abort();
	}
	return s;
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
		fprintf(stderr, "missing: %s\nin:\n%s\n", needle, hay);
		abort();
	}
}

static void expect_not(const char *hay, const char *needle)
{
	if (strstr(hay, needle)) {
		fprintf(stderr, "unexpected: %s\nin:\n%s\n", needle, hay);
		abort();
	}
}

/* Runs the dot program on DOT text; asserts exit 0 and an empty stderr.
 * Returns the SVG it wrote (caller frees). */
static char *run_dot(const char *dot)
{
	char in[] = "/tmp/test_dot_in.XXXXXX";
	int fd = mkstemp(in);
	assert(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert(f && fputs(dot, f) >= 0 && fclose(f) == 0);
	char cmd[1024], errpath[300], outpath[300];
	snprintf(errpath, sizeof errpath, "%s.err", in);
	snprintf(outpath, sizeof outpath, "%s.svg", in);
	snprintf(cmd, sizeof cmd, "dot -Tsvg '%s' -o '%s' 2>'%s'", in, outpath,
	         errpath);
	int rc = system(cmd);
	FILE *e = fopen(errpath, "r");
	assert(e);
	char msg[1024] = "";
	size_t got = fread(msg, 1, sizeof msg - 1, e);
	msg[got] = '\0';
	fclose(e);
	if (rc != 0 || got) {
		fprintf(stderr, "dot: rc %d: %s\ninput:\n%s\n", rc, msg, dot);
		abort();
	}
	FILE *o = fopen(outpath, "r");
	assert(o);
	fseek(o, 0, SEEK_END);
	long size = ftell(o);
	rewind(o);
	char *svg = malloc((size_t)size + 1);
	assert(svg && fread(svg, 1, (size_t)size, o) == (size_t)size);
	svg[size] = '\0';
	fclose(o);
	unlink(in);
	unlink(errpath);
	unlink(outpath);
	return svg;
}

/* Whether the tree under N has an element NAME whose text is TEXT, or an
 * attribute named NAME with value TEXT. */
static int xml_has(xmlNode *n, const char *name, const char *text)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp((const char *)n->name, name)) {
			xmlChar *c = xmlNodeGetContent(n);
			int same = c && !strcmp((const char *)c, text);
			xmlFree(c);
			if (same)
				return 1;
		}
		for (xmlAttr *a = n->properties; a; a = a->next) {
			if (strcmp((const char *)a->name, name))
				continue;
			xmlChar *v =
			        xmlNodeListGetString(n->doc, a->children, 1);
			int same = v && !strcmp((const char *)v, text);
			xmlFree(v);
			if (same)
				return 1;
		}
		if (xml_has(n->children, name, text))
			return 1;
	}
	return 0;
}

/* The first value of an attribute NAME under N that starts with PREFIX
 * (xmlFree it), or NULL. */
static xmlChar *xml_attr_prefix(xmlNode *n, const char *name,
                                const char *prefix)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (xmlAttr *a = n->properties; a; a = a->next) {
			if (strcmp((const char *)a->name, name))
				continue;
			xmlChar *v =
			        xmlNodeListGetString(n->doc, a->children, 1);
			if (v &&
			    !strncmp((const char *)v, prefix, strlen(prefix)))
				return v;
			xmlFree(v);
		}
		xmlChar *v = xml_attr_prefix(n->children, name, prefix);
		if (v)
			return v;
	}
	return NULL;
}

static xmlDoc *parse_svg(const char *svg, size_t len)
{
	xmlDoc *doc = xmlReadMemory(svg, (int)len, "diagram.svg", NULL,
	                            XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                    XML_PARSE_NOWARNING);
	assert(doc);
	xmlNode *root = xmlDocGetRootElement(doc);
	assert(root && !strcmp((const char *)root->name, "svg"));
	return doc;
}

/* Runs F with stderr sent to a file; asserts nothing was written. */
static char *quiet_emit(NkgGraph *g, NkgFormat f, const NkgDiagramOptions *o,
                        size_t *len)
{
	fflush(stderr);
	int saved = dup(2);
	FILE *cap = tmpfile();
	assert(saved >= 0 && cap);
	dup2(fileno(cap), 2);
	NkgError err = {0};
	NkgStatus st;
	NkgGraph *gs[1] = {g};
	char *s = emit(gs, 1, f, o, len, &st, &err);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	long written = ftell(cap);
	char msg[512] = "";
	rewind(cap);
	msg[fread(msg, 1, sizeof msg - 1, cap)] = '\0';
	fclose(cap);
	if (st || written) {
		fprintf(stderr, "emit: status %d (%s), stderr: %s\n", st,
		        err.message, msg);
		abort();
	}
	return s;
}

static void test_dot_text(void)
{
	NkgGraph *g = sample(0);
	char *dot = emit_ok(g, NKG_FORMAT_DOT, NULL, NULL);
	expect(dot, "digraph newskg {");
	expect(dot, "\"" USA "\"");
	expect(dot, "label=\"United States\"");
	expect(dot, "tooltip=\"United States (Country)\"");
	expect(dot, "tooltip=\"Hamas (ArmedGroup)\"");
	expect(dot, "URL=\"" USA "\"");
	expect(dot, "shape=hexagon");
	expect(dot, "rounded,filled");
	/* Two blockades merged, with their date. */
	expect(dot, "label=\"Blockade \xC3\x97"
	            "2\\n2026-01-03\"");
	expect(dot, "tooltip=\"Blockade: The U.S. imposed a blockade on "
	            "Cuba. (and 1 more)\"");
	char url[256];
	snprintf(url, sizeof url, "URL=\"%s\"", g->events[0].iri);
	expect(dot, url);
	expect(dot, "\"" USA "\" -> \"" CUB "\"");
	expect(dot, "\"" CUB "\" -> \"" USA "\"");
	/* Symmetric meeting: one undirected edge, smaller IRI first. */
	expect(dot, "\"" UN "\" -> \"" RUBIO "\"");
	expect(dot, "dir=none");
	expect(dot, "style=dashed"); /* the negated accusation */
	expect(dot, "#c62828");      /* Sanction, Assault: red */
	expect(dot, "#2e7d32");      /* Aid, Consult: green */
	expect(dot, "#e67e22");      /* Accuse: orange */
	expect(dot, "cluster_legend");
	expect(dot, "label=Legend");
	expect(dot, "rankdir=LR");
	expect(dot, "label=\"U.S. blockade of Cuba\"");
	/* Not in any event. */
	expect_not(dot, LONER);
	expect_not(dot, "showing");
	free(run_dot(dot));
	free(dot);
	nkg_graph_free(g);
}

static void test_svg_png_pdf(void)
{
	NkgGraph *g = sample(0);
	size_t len;
	char *svg = quiet_emit(g, NKG_FORMAT_SVG, NULL, &len);
	xmlDoc *doc = parse_svg(svg, len);
	xmlNode *root = xmlDocGetRootElement(doc);
	assert(xml_has(root, "title", "newskg"));
	assert(xml_has(root, "text", "United States"));
	assert(xml_has(root, "text", "Legend"));
	assert(xml_has(root, "href", USA));
	assert(xml_has(root, "title", "Marco Rubio (Person)"));
	assert(xml_has(root, "text",
	               "Blockade \xC3\x97"
	               "2"));
	assert(xml_has(root, "text", "2026-01-03"));
	xmlFreeDoc(doc);
	free(svg);

	char *png = quiet_emit(g, NKG_FORMAT_PNG, NULL, &len);
	assert(len > 8 && !memcmp(png, "\x89PNG\r\n\x1a\n", 8));
	free(png);
	char *pdf = quiet_emit(g, NKG_FORMAT_PDF, NULL, &len);
	assert(len > 5 && !memcmp(pdf, "%PDF-", 5));
	free(pdf);
	nkg_graph_free(g);
}

static void test_layouts(void)
{
	NkgGraph *g = sample(0);
	const char *names[] = {"dot", "neato", "fdp", "sfdp", "circo"};
	for (size_t i = 0; i < 5; i++) {
		NkgDiagramOptions o = {.layout = names[i], .cluster = 1};
		size_t len;
		char *svg = quiet_emit(g, NKG_FORMAT_SVG, &o, &len);
		xmlFreeDoc(parse_svg(svg, len));
		free(svg);
		char *dot = emit_ok(g, NKG_FORMAT_DOT, &o, NULL);
		char want[64];
		snprintf(want, sizeof want, "layout=%s", names[i]);
		expect(dot, want);
		if (i)
			expect(dot, "overlap=false");
		if (i == 0 || i == 2) { /* dot, fdp: clusters */
			expect(dot, "subgraph cluster_legend");
			expect(dot, "subgraph cluster_c0");
		} else { /* a note instead, no clusters */
			expect(dot, "_legend\t[");
			expect(dot, "shape=note");
			expect_not(dot, "subgraph");
		}
		free(run_dot(dot));
		free(dot);
	}
	NkgDiagramOptions bad = {.layout = "twopi"};
	NkgError err = {0};
	NkgStatus st;
	NkgGraph *gs[1] = {g};
	free(emit(gs, 1, NKG_FORMAT_SVG, &bad, NULL, &st, &err));
	assert(st == NKG_ERR_USAGE && err.status == NKG_ERR_USAGE);
	assert(strstr(err.message, "twopi"));
	nkg_graph_free(g);
}

/* Quotes, backslashes, braces, tags, entities, control characters, emoji
 * and an invalid byte, in labels, tooltips and the title. */
static void test_awkward(void)
{
	NkgGraph *g = nkg_graph_new("https://example.org/doc/odd");
	nkg_set_str(&g->title, "A \"quoted\" \\title\\");
	const char *odd = "Say \"hi\" \\ back\\slash {brace} |bar| <b>&</b> "
	                  "&amp; \\N \\G CR\r\nTAB\tend \xF0\x9F\x98\x80 "
	                  "bad\xFF byte\\";
	const char *shown = "Say \"hi\" \\ back\\slash {brace} |bar| <b>&</b> "
	                    "&amp; \\N \\G CR TAB end \xF0\x9F\x98\x80 "
	                    "bad\xEF\xBF\xBD byte\\";
	size_t a = nkg_graph_actor(g, ID "person/odd", NKG_KIND_PERSON,
	                           NKG_NS "Person", odd);
	size_t b = nkg_graph_actor(g, ID "org/x\"y <z>&q=1--",
	                           NKG_KIND_ORGANIZATION, NKG_NS "Organization",
	                           "Plain \"Org\"");
	size_t e = nkg_graph_add_event(g, NKG_NS "Protest", NULL);
	nkg_set_str(&g->events[e].cls_label, "Protest");
	nkg_set_str(&g->events[e].top_label, "Protest");
	nkg_idx_add(&g->events[e].roles[NKG_ROLE_AGENT], a);
	nkg_idx_add(&g->events[e].roles[NKG_ROLE_TARGET], b);
	/* A long evidence sentence: cut in the tooltip, and long lines in
	 * the DOT text, which agwrite folds. */
	char sentence[2048];
	snprintf(sentence, sizeof sentence, "%s %s %s %s", odd, odd, odd, odd);
	size_t m = nkg_graph_add_mention(g, 0, 3, 0, sentence);
	nkg_idx_add(&g->events[e].mentions, m);
	nkg_graph_finish(g);

	char *dot = emit_ok(g, NKG_FORMAT_DOT, NULL, NULL);
	char *svg = run_dot(dot);
	xmlDoc *doc = parse_svg(svg, strlen(svg));
	xmlNode *root = xmlDocGetRootElement(doc);
	assert(xml_has(root, "text", shown));
	assert(xml_has(root, "href", ODD_HREF));
	char tip[512];
	snprintf(tip, sizeof tip, "%s (Person)", shown);
	assert(xml_has(root, "title", tip));
	xmlFreeDoc(doc);
	free(svg);
	free(dot);

	size_t len;
	svg = quiet_emit(g, NKG_FORMAT_SVG, NULL, &len);
	doc = parse_svg(svg, len);
	root = xmlDocGetRootElement(doc);
	assert(xml_has(root, "text", shown));
	assert(xml_has(root, "text", "Plain \"Org\""));
	/* An IRI with characters IRIs may not have is percent-encoded. */
	assert(xml_has(root, "href", ODD_HREF));
	assert(xml_has(root, "title", ID "org/x%22y%20%3Cz%3E&q=1--"));
	assert(xml_has(root, "text", "A \"quoted\" \\title\\"));
	snprintf(tip, sizeof tip, "%s (Person)", shown);
	assert(xml_has(root, "title", tip));
	snprintf(tip, sizeof tip, "Protest: %s %s", shown, shown);
	char *got = (char *)xml_attr_prefix(root, "title", "Protest: ");
	assert(got && !strncmp(got, tip, strlen(tip)));
	assert(strlen(got) > 3 &&
	       !strcmp(got + strlen(got) - 3, "\xE2\x80\xA6")); /* … */
	xmlFree(got);
	xmlFreeDoc(doc);
	free(svg);
	nkg_graph_free(g);
}

static void test_filters(void)
{
	NkgGraph *g = sample(0);
	NkgError err = {0};
	NkgStatus st;
	NkgGraph *gs[1] = {g};

	/* Focus, case-insensitive, on an alternative label. */
	NkgDiagramOptions o = {.focus = "usa"};
	char *dot = emit_ok(g, NKG_FORMAT_DOT, &o, NULL);
	expect(dot, "\"" USA "\"\t[");
	expect(dot, "\"" CUB "\"\t[");
	expect_not(dot, HAMAS);
	expect_not(dot, VEN "\"\t[");
	expect_not(dot, RUBIO);
	free(dot);
	o.depth = 2; /* Cuba's neighbour Venezuela now, not yet Hamas */
	dot = emit_ok(g, NKG_FORMAT_DOT, &o, NULL);
	expect(dot, "\"" VEN "\"\t[");
	expect_not(dot, HAMAS);
	free(dot);

	NkgDiagramOptions none = {.focus = "Atlantis"};
	free(emit(gs, 1, NKG_FORMAT_DOT, &none, NULL, &st, &err));
	assert(st == NKG_ERR_USAGE);
	assert(strstr(err.message, "no actor named \"Atlantis\""));

	/* Event class by local name, then by top class. */
	NkgDiagramOptions ec = {.event_class = "Blockade"};
	dot = emit_ok(g, NKG_FORMAT_DOT, &ec, NULL);
	expect(dot, "Blockade");
	expect_not(dot, "Accuse");
	expect_not(dot, HAMAS);
	free(dot);
	ec.event_class = "assault";
	dot = emit_ok(g, NKG_FORMAT_DOT, &ec, NULL);
	expect(dot, "Attack");
	expect_not(dot, "Blockade");
	expect(dot, HAMAS);
	free(dot);

	/* The two most connected: United States (3 edges) and Cuba (4). */
	NkgDiagramOptions mx = {.max_nodes = 2};
	dot = emit_ok(g, NKG_FORMAT_DOT, &mx, NULL);
	expect(dot, "showing 2 of 6 actors (most connected)");
	expect(dot, "\"" USA "\"\t[");
	expect(dot, "\"" CUB "\"\t[");
	expect_not(dot, VEN);
	expect_not(dot, RUBIO);
	free(run_dot(dot));
	free(dot);

	/* Clusters and affiliations. */
	NkgDiagramOptions cl = {.cluster = 1, .show_affiliations = 1};
	dot = emit_ok(g, NKG_FORMAT_DOT, &cl, NULL);
	expect(dot, "subgraph cluster_c0 {");
	expect(dot, "subgraph cluster_c1 {");
	expect(dot, "label=\"United States\"");
	expect(dot, "\"" RUBIO "\" -> \"" USA "\"");
	expect(dot, "style=dotted");
	expect(dot, "affiliated with");
	free(run_dot(dot));
	free(dot);

	/* Bad arguments. */
	NkgDiagramOptions neg = {.max_nodes = -1};
	free(emit(gs, 1, NKG_FORMAT_DOT, &neg, NULL, &st, &err));
	assert(st == NKG_ERR_USAGE);
	free(emit(gs, 1, NKG_FORMAT_TURTLE, NULL, NULL, &st, &err));
	assert(st == NKG_ERR_USAGE);
	nkg_graph_free(g);
}

static void test_merge(void)
{
	NkgGraph *gs[2] = {sample(0), nkg_graph_new("https://example.org/d2")};
	NkgGraph *g2 = gs[1];
	size_t u = nkg_graph_actor(g2, USA, NKG_KIND_COUNTRY, NKG_NS "Country",
	                           "United States");
	size_t c = nkg_graph_actor(g2, CUB, NKG_KIND_COUNTRY, NKG_NS "Country",
	                           "Cuba");
	size_t e = nkg_graph_add_event(g2, NKG_NS "Blockade", NULL);
	nkg_set_str(&g2->events[e].cls_label, "Blockade");
	nkg_set_str(&g2->events[e].top_label, "Sanction");
	nkg_set_str(&g2->events[e].date, "2026-01-09");
	nkg_idx_add(&g2->events[e].roles[NKG_ROLE_AGENT], u);
	nkg_idx_add(&g2->events[e].roles[NKG_ROLE_TARGET], c);
	nkg_graph_finish(g2);
	NkgError err = {0};
	NkgStatus st;
	char *dot = emit(gs, 2, NKG_FORMAT_DOT, NULL, NULL, &st, &err);
	assert(st == NKG_SUCCESS);
	assert(count(dot, "\t\"" USA "\"\t[") == 1);
	expect(dot, "Blockade \xC3\x97"
	            "3\\n2026-01-03 \xE2\x80\x93 2026-01-09");
	expect_not(dot, "blockade of Cuba\""); /* no title for several */
	free(run_dot(dot));
	free(dot);
	nkg_graph_free(gs[0]);
	nkg_graph_free(gs[1]);

	/* No graph at all: an empty diagram with its legend. */
	dot = emit(NULL, 0, NKG_FORMAT_DOT, NULL, NULL, &st, &err);
	assert(st == NKG_SUCCESS);
	expect(dot, "cluster_legend");
	free(run_dot(dot));
	free(dot);
}

static void test_deterministic(void)
{
	NkgGraph *g = sample(0), *r = sample(1);
	NkgDiagramOptions o = {.cluster = 1, .show_affiliations = 1};
	size_t l1, l2, l3;
	char *a = emit_ok(g, NKG_FORMAT_DOT, &o, &l1);
	char *b = emit_ok(g, NKG_FORMAT_DOT, &o, &l2);
	char *c = emit_ok(r, NKG_FORMAT_DOT, &o, &l3);
	assert(l1 == l2 && !memcmp(a, b, l1));
	assert(l1 == l3 && !memcmp(a, c, l1));
	free(a);
	free(b);
	free(c);
	a = emit_ok(g, NKG_FORMAT_SVG, &o, &l1);
	b = emit_ok(r, NKG_FORMAT_SVG, &o, &l2);
	assert(l1 == l2 && !memcmp(a, b, l1));
	free(a);
	free(b);
	nkg_graph_free(g);
	nkg_graph_free(r);
}

static void test_write_error(void)
{
	FILE *full = fopen("/dev/full", "w");
	if (!full)
		return;
	NkgGraph *g = sample(0);
	NkgGraph *gs[1] = {g};
	NkgError err = {0};
	assert(nkg_emit_diagram(gs, 1, NKG_FORMAT_DOT, full, NULL, &err) ==
	       NKG_ERR_OUTPUT);
	assert(err.status == NKG_ERR_OUTPUT && err.message[0]);
	clearerr(full);
	memset(&err, 0, sizeof err);
	assert(nkg_emit_diagram(gs, 1, NKG_FORMAT_SVG, full, NULL, &err) ==
	       NKG_ERR_OUTPUT);
	assert(err.status == NKG_ERR_OUTPUT);
	fclose(full);
	nkg_graph_free(g);
}

int main(void)
{
	test_dot_text();
	test_svg_png_pdf();
	test_layouts();
	test_awkward();
	test_filters();
	test_merge();
	test_deterministic();
	test_write_error();
	xmlCleanupParser();
	printf("test_dot: ok\n");
	return 0;
}
