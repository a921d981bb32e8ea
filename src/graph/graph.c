/* SPDX-License-Identifier: MIT */
/* graph.c: building the per-document graph; deduplication lives here. */
#include "graph/graph.h"

#include "text/fmt.h"
#include "text/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slug_ascii(const char *s);

const char *const nkg_role_names[NKG_ROLE_COUNT] = {
        "agent",       "target", "participant", "origin",
        "destination", "place",  "reportedBy",  "claimedBy",
};

char *nkg_strdup(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

void nkg_set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = nkg_strdup(s);
}

int nkg_idx_has(const NkgIdxList *l, size_t v)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] == v)
			return 1;
	return 0;
}

int nkg_idx_add(NkgIdxList *l, size_t v)
{
	/* Lists of mentions grow in text order, so the last element answers
	 * most repeats at once; short lists are searched whole. */
	if (l->n && l->v[l->n - 1] == v)
		return 0;
	if (l->n < 64 && nkg_idx_has(l, v))
		return 0;
	if (l->n >= 64 && v <= l->v[l->n - 1] && nkg_idx_has(l, v))
		return 0;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4;
		size_t *p = realloc(l->v, cap * sizeof *p);
		if (!p)
			return -1;
		l->v = p;
		l->cap = cap;
	}
	l->v[l->n++] = v;
	return 0;
}

static void idx_free(NkgIdxList *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Grows an array of ELEM-sized items so one more fits; 0 on success. */
static int grow(void **arr, size_t *cap, size_t n, size_t elem)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 16;
	void *p = realloc(*arr, nc * elem);
	if (!p)
		return -1;
	*arr = p;
	*cap = nc;
	return 0;
}

char *nkg_slug(const char *raw)
{
	/* accents folded first: "Rodríguez" gives "rodriguez" */
	char *folded = nkg_fold(raw, strlen(raw));
	char *r = slug_ascii(folded ? folded : raw);
	free(folded);
	return r;
}

static char *slug_ascii(const char *s)
{
	size_t n = strlen(s);
	char *out = malloc(n * 2 + 2);
	if (!out)
		return NULL;
	size_t o = 0;
	int dash = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && o)
				out[o++] = '-';
			out[o++] = (char)c;
			dash = 0;
		} else if (c >= 'A' && c <= 'Z') {
			if (dash && o)
				out[o++] = '-';
			out[o++] = (char)(c - 'A' + 'a');
			dash = 0;
		} else if (c >= 0x80) {
			/* Non-ASCII bytes are kept percent-free by hex, so that
			 * slugs of different names stay different. */
			if (dash && o)
				out[o++] = '-';
			static const char hex[] = "0123456789abcdef";
			out = realloc(out, n * 3 + o + 4);
			if (!out)
				return NULL;
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
			dash = 0;
		} else {
			dash = 1;
		}
	}
	if (!o)
		out[o++] = 'x';
	out[o] = '\0';
	return out;
}

NkgGraph *nkg_graph_new(const char *doc_iri)
{
	NkgGraph *g = calloc(1, sizeof *g);
	if (!g)
		return NULL;
	g->doc_iri = nkg_strdup(doc_iri);
	size_t n = strlen(doc_iri);
	g->base = malloc(n + 2);
	if (!g->doc_iri || !g->base) {
		nkg_graph_free(g);
		return NULL;
	}
	memcpy(g->base, doc_iri, n);
	g->base[n] = '/';
	g->base[n + 1] = '\0';
	return g;
}

size_t nkg_graph_add_mention(NkgGraph *g, size_t begin, size_t end,
                             size_t sent_begin, const char *anchor)
{
	/* mentions come in text order: a repeat can only be the last one */
	if (g->n_mentions && g->mentions[g->n_mentions - 1].begin == begin &&
	    g->mentions[g->n_mentions - 1].end == end)
		return g->n_mentions - 1;
	if (grow((void **)&g->mentions, &g->cap_mentions, g->n_mentions,
	         sizeof *g->mentions))
		return NKG_NONE;
	NkgMention *m = &g->mentions[g->n_mentions];
	memset(m, 0, sizeof *m);
	m->begin = begin;
	m->end = end;
	m->sent_begin = sent_begin;
	m->anchor = nkg_strdup(anchor ? anchor : "");
	/* BASE "m-" BEGIN "-" END */
	size_t n = strlen(g->base) + 48;
	m->iri = malloc(n);
	if (!m->iri || !m->anchor)
		return NKG_NONE;
	size_t l = nkg_cat(m->iri, n, 0, g->base, SIZE_MAX);
	l = nkg_cat(m->iri, n, l, "m-", SIZE_MAX);
	l = nkg_cat_size(m->iri, n, l, begin);
	l = nkg_cat(m->iri, n, l, "-", SIZE_MAX);
	nkg_cat_size(m->iri, n, l, end);
	return g->n_mentions++;
}

/* The slot of IRI in G's actor index: the actor's or the free one where it
 * would go. */
static size_t *actor_slot(const NkgGraph *g, const char *iri)
{
	for (size_t i = nkg_hash(iri) & g->actor_mask;;
	     i = (i + 1) & g->actor_mask) {
		size_t *s = &g->actor_slots[i];
		if (!*s || !strcmp(g->actors[*s - 1].iri, iri))
			return s;
	}
}

/* Makes room in G's actor index for one more actor; 0 on success. */
static int actor_index_grow(NkgGraph *g)
{
	if (g->actor_slots && (g->n_actors + 1) * 2 <= g->actor_mask + 1)
		return 0;
	size_t n = g->actor_slots ? (g->actor_mask + 1) * 2 : 64;
	size_t *slots = calloc(n, sizeof *slots);
	if (!slots)
		return -1;
	free(g->actor_slots);
	g->actor_slots = slots;
	g->actor_mask = n - 1;
	for (size_t i = 0; i < g->n_actors; i++)
		*actor_slot(g, g->actors[i].iri) = i + 1;
	return 0;
}

size_t nkg_graph_find_actor(const NkgGraph *g, const char *iri)
{
	if (!g->actor_slots)
		return NKG_NONE;
	size_t s = *actor_slot(g, iri);
	return s ? s - 1 : NKG_NONE;
}

size_t nkg_graph_actor(NkgGraph *g, const char *iri, NkgActorKind kind,
                       const char *cls, const char *label)
{
	size_t i = nkg_graph_find_actor(g, iri);
	if (i != NKG_NONE)
		return i;
	if (actor_index_grow(g) || grow((void **)&g->actors, &g->cap_actors,
	                                g->n_actors, sizeof *g->actors))
		return NKG_NONE;
	NkgActor *a = &g->actors[g->n_actors];
	memset(a, 0, sizeof *a);
	a->iri = nkg_strdup(iri);
	a->kind = kind;
	a->cls = nkg_strdup(cls);
	a->label = nkg_strdup(label);
	if (!a->iri || !a->cls || !a->label)
		return NKG_NONE;
	*actor_slot(g, a->iri) = g->n_actors + 1;
	return g->n_actors++;
}

void nkg_actor_add_alt(NkgActor *a, const char *label)
{
	if (!label || !*label || !strcmp(label, a->label))
		return;
	for (size_t i = 0; i < a->n_alts; i++)
		if (!strcmp(a->alts[i], label))
			return;
	/* room for 4, then doubled whenever the count reaches a power of
	 * two: a lexicon actor brings a dozen names to every document */
	size_t n = a->n_alts;
	if (n == 0 || (n >= 4 && !(n & (n - 1)))) {
		char **p = realloc(a->alts, (n ? 2 * n : 4) * sizeof *p);
		if (!p)
			return;
		a->alts = p;
	}
	a->alts[a->n_alts] = nkg_strdup(label);
	if (a->alts[a->n_alts])
		a->n_alts++;
}

size_t nkg_graph_add_position(NkgGraph *g, size_t holder, const char *title,
                              size_t organization, const char *status,
                              size_t mention)
{
	for (size_t i = 0; i < g->n_positions; i++) {
		NkgPosition *p = &g->positions[i];
		if (p->holder == holder && !strcmp(p->title, title) &&
		    !strcmp(p->status, status)) {
			if (p->organization == NKG_NONE)
				p->organization = organization;
			if (organization == NKG_NONE ||
			    p->organization == organization)
				return i;
		}
	}
	if (grow((void **)&g->positions, &g->cap_positions, g->n_positions,
	         sizeof *g->positions))
		return NKG_NONE;
	NkgPosition *p = &g->positions[g->n_positions];
	memset(p, 0, sizeof *p);
	p->holder = holder;
	p->title = nkg_strdup(title);
	p->organization = organization;
	p->status = nkg_strdup(status);
	p->mention = mention;
	return g->n_positions++;
}

size_t nkg_graph_add_event(NkgGraph *g, const char *cls, const char *rule)
{
	if (grow((void **)&g->events, &g->cap_events, g->n_events,
	         sizeof *g->events))
		return NKG_NONE;
	NkgEvent *e = &g->events[g->n_events];
	memset(e, 0, sizeof *e);
	e->cls = nkg_strdup(cls);
	e->rule = nkg_strdup(rule);
	e->modality = nkg_strdup("Asserted");
	return g->n_events++;
}

static const char *local_name(const char *iri)
{
	const char *h = strrchr(iri, '#');
	const char *s = strrchr(iri, '/');
	if (s > h)
		h = s;
	return h ? h + 1 : iri;
}

void nkg_event_free(NkgEvent *e)
{
	free(e->iri);
	free(e->cls);
	free(e->cls_label);
	free(e->top_label);
	free(e->intended_cls);
	for (int r = 0; r < NKG_ROLE_COUNT; r++)
		idx_free(&e->roles[r]);
	free(e->object);
	free(e->date);
	free(e->date_type);
	free(e->start_date);
	free(e->start_type);
	free(e->end_date);
	free(e->end_type);
	free(e->modality);
	free(e->rule);
	idx_free(&e->mentions);
}

static void idx_remove(NkgIdxList *l, size_t v)
{
	size_t k = 0;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] != v)
			l->v[k++] = l->v[i];
	l->n = k;
}

/* Is actor A of the press, and out of role R?  News organisations and
 * their reporters report events; journalists as a group of people may
 * undergo one ("a Russian journalist was detained"), but what they do in a
 * story is mostly the reporting ("told reporters"). */
static int is_media(const NkgGraph *g, size_t a, int r)
{
	return a < g->n_actors && g->actors[a].sector &&
	       !strcmp(g->actors[a].sector, "media") &&
	       !(g->actors[a].kind == NKG_KIND_GROUP && r == NKG_ROLE_TARGET);
}

/* How much of its frame an event has: both sides (an agent and a target,
 * or two parties of a symmetric event) keep the confidence the extractor
 * gave (0.9 when none was given); one side only is 0.4. */
int nkg_event_two_sided(const NkgEvent *e)
{
	size_t ag = e->roles[NKG_ROLE_AGENT].n,
	       tg = e->roles[NKG_ROLE_TARGET].n;
	size_t pa = e->roles[NKG_ROLE_PARTICIPANT].n;
	return (ag && tg) || pa >= 2 || (pa && (ag || tg));
}

static double frame_confidence(const NkgEvent *e)
{
	if (nkg_event_two_sided(e))
		return e->confidence > 0 && e->confidence <= 1 ? e->confidence
		                                               : 0.9;
	return 0.4;
}

/* The precision gate: news organisations report events, they do not
 * act in them; no actor is its own target; an event with no actor in a
 * role at all says nothing and is dropped. */
static void gate_events(NkgGraph *g)
{
	static const int roles[] = {NKG_ROLE_AGENT, NKG_ROLE_TARGET,
	                            NKG_ROLE_PARTICIPANT};
	size_t k = 0;
	for (size_t i = 0; i < g->n_events; i++) {
		NkgEvent *e = &g->events[i];
		for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++) {
			NkgIdxList *l = &e->roles[roles[r]];
			for (size_t j = l->n; j-- > 0;)
				if (is_media(g, l->v[j], roles[r])) {
					nkg_idx_add(
					        &e->roles[NKG_ROLE_REPORTED_BY],
					        l->v[j]);
					idx_remove(l, l->v[j]);
				}
		}
		for (size_t j = 0; j < e->roles[NKG_ROLE_AGENT].n; j++)
			idx_remove(&e->roles[NKG_ROLE_TARGET],
			           e->roles[NKG_ROLE_AGENT].v[j]);
		if (!e->roles[NKG_ROLE_AGENT].n &&
		    !e->roles[NKG_ROLE_TARGET].n &&
		    !e->roles[NKG_ROLE_PARTICIPANT].n) {
			nkg_event_free(e);
			continue;
		}
		e->confidence = frame_confidence(e);
		g->events[k++] = *e;
	}
	g->n_events = k;
}

void nkg_graph_finish(NkgGraph *g)
{
	gate_events(g);
	/* Events are named by class and the span of their first mention, so
	 * an event keeps its IRI when unrelated text changes elsewhere. */
	for (size_t i = 0; i < g->n_events; i++) {
		NkgEvent *e = &g->events[i];
		/* "e-CLASS-N", cut short at 159 bytes */
		char buf[160];
		size_t l = nkg_cat(buf, sizeof buf, 0, "e-", SIZE_MAX);
		l = nkg_cat(buf, sizeof buf, l, local_name(e->cls), SIZE_MAX);
		l = nkg_cat(buf, sizeof buf, l, "-", SIZE_MAX);
		l = nkg_cat_size(buf, sizeof buf, l,
		                 e->mentions.n ? e->anchor : i);
		size_t n = strlen(g->base) + l + 1;
		free(e->iri);
		e->iri = malloc(n);
		if (e->iri) {
			size_t k = nkg_cat(e->iri, n, 0, g->base, SIZE_MAX);
			nkg_cat(e->iri, n, k, buf, SIZE_MAX);
		}
	}
	for (size_t i = 0; i < g->n_positions; i++) {
		NkgPosition *p = &g->positions[i];
		char *ts = nkg_slug(p->title);
		char *hs = nkg_slug(g->actors[p->holder].label);
		size_t n = strlen(g->base) + (ts ? strlen(ts) : 0) +
		           (hs ? strlen(hs) : 0) + strlen(p->status) + 16;
		free(p->iri);
		p->iri = malloc(n);
		if (p->iri)
			snprintf(p->iri, n, "%spost-%s-%s-%s", g->base,
			         hs ? hs : "", ts ? ts : "", p->status);
		free(ts);
		free(hs);
	}
}

size_t nkg_graph_actor_count(const NkgGraph *g)
{
	return g ? g->n_actors : 0;
}

size_t nkg_graph_event_count(const NkgGraph *g)
{
	return g ? g->n_events : 0;
}

void nkg_graph_free(NkgGraph *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n_actors; i++) {
		NkgActor *a = &g->actors[i];
		free(a->iri);
		free(a->cls);
		free(a->label);
		for (size_t j = 0; j < a->n_alts; j++)
			free(a->alts[j]);
		free(a->alts);
		free(a->code);
		free(a->same_as);
		free(a->sector);
		idx_free(&a->affiliations);
		idx_free(&a->mentions);
	}
	for (size_t i = 0; i < g->n_events; i++)
		nkg_event_free(&g->events[i]);
	for (size_t i = 0; i < g->n_positions; i++) {
		free(g->positions[i].iri);
		free(g->positions[i].title);
		free(g->positions[i].status);
	}
	for (size_t i = 0; i < g->n_mentions; i++) {
		free(g->mentions[i].iri);
		free(g->mentions[i].anchor);
	}
	free(g->actors);
	free(g->actor_slots);
	free(g->events);
	free(g->positions);
	free(g->mentions);
	free(g->doc_iri);
	free(g->doc_id);
	free(g->base);
	free(g->title);
	free(g->date);
	free(g->url);
	free(g->source_name);
	free(g->text);
	free(g);
}
