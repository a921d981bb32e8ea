/* SPDX-License-Identifier: MIT */
/* test_corpus.c: grouping document events into corpus events. */
#include "check.h"

#include "corpus/corpus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS "https://w3id.org/newskg/ns#"
#define ID "https://w3id.org/newskg/id/"

/* A document ID of DATE (or NULL) from SOURCE (or NULL). */
static NkgGraph *doc(const char *id, const char *date, const char *source)
{
	char iri[128];
	snprintf(iri, sizeof iri, "https://w3id.org/newskg/doc/%s", id);
	NkgGraph *g = nkg_graph_new(iri);
	g->doc_id = nkg_strdup(id);
	g->date = nkg_strdup(date);
	g->source_name = nkg_strdup(source);
	return g;
}

static size_t actor(NkgGraph *g, const char *code, const char *label)
{
	char iri[128];
	snprintf(iri, sizeof iri, ID "country/%s", code);
	size_t a =
	        nkg_graph_actor(g, iri, NKG_KIND_COUNTRY, NS "Country", label);
	nkg_set_str(&g->actors[a].code, code);
	return a;
}

/* An event CLS of AGENT against TARGET (actor indices or NKG_NONE) dated
 * DATE of TYPE (NULL: none). */
static void event(NkgGraph *g, const char *cls, size_t agent, size_t target,
                  const char *date, const char *type, double conf)
{
	char c[128], iri[256];
	snprintf(c, sizeof c, NS "%s", cls);
	size_t e = nkg_graph_add_event(g, c, NULL);
	NkgEvent *ev = &g->events[e];
	snprintf(iri, sizeof iri, "%s/e-%s-%zu", g->doc_iri, cls, e);
	ev->iri = nkg_strdup(iri);
	ev->cls_label = nkg_strdup(cls);
	if (agent != NKG_NONE)
		nkg_idx_add(&ev->roles[NKG_ROLE_AGENT], agent);
	if (target != NKG_NONE)
		nkg_idx_add(&ev->roles[NKG_ROLE_TARGET], target);
	ev->date = nkg_strdup(date);
	ev->date_type = nkg_strdup(type);
	ev->confidence = conf;
}

/* The corpus event with a member IRI ending in SUFFIX of document ID. */
static const NkgCorpusEvent *group_of(const NkgCorpus *c, const char *id,
                                      const char *suffix)
{
	char iri[256];
	snprintf(iri, sizeof iri, "https://w3id.org/newskg/doc/%s/%s", id,
	         suffix);
	for (size_t i = 0; i < c->n_events; i++)
		for (size_t k = 0; k < c->events[i].n_members; k++)
			if (!strcmp(c->events[i].members[k].event, iri))
				return &c->events[i];
	return NULL;
}

/* The scenario of most checks: a blockade reported on three days, with
 * and without a day of its own, and one against another target. */
static NkgCorpus *scenario(int window)
{
	NkgCorpus *c = nkg_corpus_new(window);
	struct {
		const char *id, *date, *src, *edate, *etype;
		int other;
	} docs[] = {
	        {"a", "2026-03-10", "Wire", "2026-03-09", "date", 0},
	        {"b", "2026-03-11", "Wire", "2026-03-10", "date", 0},
	        {"c", "2026-03-11", "Daily", NULL, NULL, 0}, /* no day */
	        {"d", "2026-03-25", "Daily", "2026-03", "gYearMonth", 0},
	        {"e", "2026-03-10", NULL, "2026-03-09", "date", 1},
	        {"f", "2026-03-20", NULL, "2026-03-13", "date", 0},
	};
	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		NkgGraph *g = doc(docs[i].id, docs[i].date, docs[i].src);
		size_t x = actor(g, "RUR", "Ruritania");
		size_t y = docs[i].other ? actor(g, "GRA", "Grand Fenwick")
		                         : actor(g, "FRE", "Freedonia");
		event(g, "Blockade", x, y, docs[i].edate, docs[i].etype,
		      0.4 + 0.1 * (double)i);
		/* an event with no actor is left out */
		event(g, "Protest", NKG_NONE, NKG_NONE, NULL, NULL, 0.4);
		CHECK(nkg_corpus_add_graph(c, g) == NKG_SUCCESS);
		nkg_graph_free(g);
	}
	nkg_corpus_finish(c);
	return c;
}

int main(void)
{
	nkg_corpus_free(NULL);

	NkgCorpus *c = scenario(-1);
	CHECK(c->window_days == 1);
	CHECK(c->n_docs == 6);
	CHECK(c->n_skipped == 6);
	CHECK(c->n_doc_events == 6);
	const NkgCorpusEvent *ab = group_of(c, "a", "e-Blockade-0");
	CHECK(ab && ab == group_of(c, "b", "e-Blockade-0"));
	/* no day of its own, but a member of the same document date */
	CHECK(ab && ab == group_of(c, "c", "e-Blockade-0"));
	if (ab) {
		CHECK(ab->n_members == 3 && ab->n_docs == 3);
		CHECK(ab->n_sources == 2); /* Wire, Daily */
		CHECK(!strcmp(ab->first_date, "2026-03-09"));
		CHECK(!strcmp(ab->last_date, "2026-03-11"));
		CHECK(ab->confidence > 0.59 && ab->confidence < 0.61);
		CHECK(ab->n_agents == 1 && ab->n_targets == 1 &&
		      ab->n_parts == 0);
		CHECK(!strcmp(c->actors[ab->targets[0]].label, "Freedonia"));
		CHECK(!strncmp(ab->iri,
		               NKG_DEFAULT_BASE
		               "corpus/event/Blockade-2026-03-09-",
		               strlen(NKG_DEFAULT_BASE) + 33));
	}
	/* a month is no day: its document's date (the 25th) has no member */
	const NkgCorpusEvent *d = group_of(c, "d", "e-Blockade-0");
	CHECK(d && d != ab && d->n_members == 1);
	/* another target is another happening */
	const NkgCorpusEvent *e = group_of(c, "e", "e-Blockade-0");
	CHECK(e && e != ab && e->n_members == 1 && e->n_sources == 1);
	/* two days after the last day: outside the window */
	const NkgCorpusEvent *f = group_of(c, "f", "e-Blockade-0");
	CHECK(f && f != ab && f != d);
	/* sorted by first date */
	for (size_t i = 1; i < c->n_events; i++)
		CHECK(!c->events[i - 1].first_date ||
		      !c->events[i].first_date ||
		      strcmp(c->events[i - 1].first_date,
		             c->events[i].first_date) <= 0);
	/* actors once each, with their corpus events */
	size_t rur = NKG_NONE;
	for (size_t i = 0; i < c->n_actors; i++)
		if (!strcmp(c->actors[i].label, "Ruritania"))
			rur = rur == NKG_NONE ? i : (size_t)-2;
	CHECK(rur < c->n_actors && c->actors[rur].n_events == c->n_events);
	char *iri_ab = ab ? nkg_strdup(ab->iri) : NULL;
	size_t n_events = c->n_events;
	nkg_corpus_free(c);

	/* a window of four days takes f in */
	c = scenario(4);
	ab = group_of(c, "a", "e-Blockade-0");
	CHECK(ab && ab == group_of(c, "f", "e-Blockade-0"));
	CHECK(c->n_events == n_events - 1);
	nkg_corpus_free(c);

	/* the same input gives the same IRIs */
	c = scenario(-1);
	ab = group_of(c, "a", "e-Blockade-0");
	CHECK(ab && iri_ab && !strcmp(ab->iri, iri_ab));
	/* a document given twice counts once */
	nkg_corpus_free(c);
	free(iri_ab);

	c = nkg_corpus_new(0);
	NkgGraph *g = doc("z", "2026-01-01", NULL);
	size_t x = actor(g, "RUR", "Ruritania");
	event(g, "Blockade", x, NKG_NONE, NULL, NULL, 0.9);
	CHECK(nkg_corpus_add_graph(c, g) == NKG_SUCCESS);
	CHECK(nkg_corpus_has_doc(c, g->doc_iri));
	CHECK(nkg_corpus_add_graph(c, g) == NKG_SUCCESS);
	CHECK(c->n_docs == 1 && c->n_dup_docs == 1 && c->n_doc_events == 1);
	CHECK(nkg_corpus_set_base(c, "http://example.org/") == 0);
	nkg_corpus_finish(c);
	CHECK(!strcmp(c->iri, "http://example.org/corpus"));
	CHECK(c->n_events == 1 &&
	      !strncmp(c->events[0].iri, "http://example.org/corpus/event/",
	               32));
	/* nothing is added after the end */
	CHECK(nkg_corpus_add_graph(c, g) == NKG_ERR_USAGE);
	nkg_graph_free(g);
	nkg_corpus_free(c);

	/* CSV quotes what RFC 4180 says; RDF names the class and counts */
	c = nkg_corpus_new(-1);
	g = doc("q", "2026-01-02", NULL);
	x = actor(g, "RUR", "Smith, \"Jr\"");
	size_t y = actor(g, "FRE", "Freedonia");
	event(g, "Blockade", x, y, "2026-01-01", "date", 0.7);
	CHECK(nkg_corpus_add_graph(c, g) == NKG_SUCCESS);
	nkg_graph_free(g);
	nkg_corpus_finish(c);
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	CHECK(nkg_corpus_write_csv(c, m, NULL) == NKG_SUCCESS);
	fclose(m);
	CHECK(buf && strstr(buf, "2026-01-01,2026-01-01,Blockade,\"Smith, "
	                         "\"\"Jr\"\"\",Freedonia,,1,1,0.70,"));
	free(buf);
	m = open_memstream(&buf, &len);
	CHECK(nkg_corpus_write_rdf(c, NKG_FORMAT_NQUADS, m, NULL, NULL) ==
	      NKG_SUCCESS);
	fclose(m);
	CHECK(buf && strstr(buf, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	                         "type> <" NS "CorpusEvent> <" NKG_DEFAULT_BASE
	                         "corpus> .\n"));
	CHECK(buf && strstr(buf, "<" NS "documentCount> \"1\"^^<http://www.w3"
	                         ".org/2001/XMLSchema#integer>"));
	CHECK(buf && strstr(buf, "\"Blockade: Smith, \\\"Jr\\\" \xe2\x86\x92 "
	                         "Freedonia\"@en"));
	free(buf);
	nkg_corpus_free(c);

	if (failures)
		fprintf(stderr, "%d checks failed\n", failures);
	return failures != 0;
}
