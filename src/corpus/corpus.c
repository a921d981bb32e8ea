/* SPDX-License-Identifier: MIT */
/* corpus.c: grouping the events of many documents into corpus events.
 *
 * Three open-addressing tables (slots hold an index + 1, 0 when free; a
 * power of two, at most half full) find what has been seen: the actors
 * by IRI, the documents by IRI and the groups by key.  The key of a
 * document event is its class and its agents, targets and participants,
 * each list sorted by IRI; it is hashed from the IRIs, so that the hash,
 * and the IRI made from it, do not depend on the order in which actors
 * were first met.  The groups of one key form a chain in the order they
 * were made, and an event joins the first whose days fit.
 *
 * A group keeps, besides its NkgCorpusEvent, its first and last day as
 * day numbers and the distinct document days and sources of its members:
 * those grow with the distinct (happening, day) and (happening, source)
 * pairs, not with the number of reports.  Besides its NkgCorpusDoc a
 * document costs a slot of the document table and its day number, which
 * tell a document given twice and an event's document day.
 */
#include "corpus/corpus.h"

#include "lexicon/lexicon.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NO_DAY LONG_MIN

typedef struct {
	uint64_t hash;
	size_t cls;  /* interned class */
	size_t next; /* next group of the same key, or NKG_NONE */
	long first_day, last_day;
	long *days; /* distinct document days of the members */
	size_t n_days, cap_days;
	size_t *sources; /* distinct source names (interned) */
	size_t n_sources, cap_sources;
} Group;

/* An interning table of strings. */
typedef struct {
	char **v;
	size_t n, cap;
	size_t *slots;
	size_t mask;
} StrTab;

typedef struct {
	size_t *actor_slots, actor_mask;
	size_t *doc_slots, doc_mask;
	size_t *key_slots, key_mask;
	Group *groups; /* parallel to the corpus's events */
	size_t cap_groups;
	long *doc_days; /* parallel to the corpus's docs */
	size_t cap_doc_days;
	size_t n_keys;
	StrTab classes, sources;
	int finished;
} Index;

static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ull;
	}
	/* a separator, so that "ab"+"c" and "a"+"bc" differ */
	h ^= 0xff;
	h *= 0x100000001b3ull;
	return h;
}

#define FNV_INIT 0xcbf29ce484222325ull

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

/* Rebuilds a slot table of N entries for at least MIN_N + 1 entries;
 * HASH_OF gives the hash of entry I. */
static int rehash(size_t **slots, size_t *mask, size_t n,
                  uint64_t (*hash_of)(const void *ctx, size_t i),
                  const void *ctx)
{
	if (*slots && (n + 1) * 2 <= *mask + 1)
		return 0;
	size_t size = *slots ? (*mask + 1) * 2 : 64;
	while ((n + 1) * 2 > size)
		size *= 2;
	size_t *s = calloc(size, sizeof *s);
	if (!s)
		return -1;
	for (size_t i = 0; i < n; i++) {
		size_t k = (size_t)hash_of(ctx, i) & (size - 1);
		while (s[k])
			k = (k + 1) & (size - 1);
		s[k] = i + 1;
	}
	free(*slots);
	*slots = s;
	*mask = size - 1;
	return 0;
}

static uint64_t strtab_hash(const void *ctx, size_t i)
{
	return fnv(FNV_INIT, ((const StrTab *)ctx)->v[i]);
}

/* The index of S in T, added when new; NKG_NONE when memory ran out. */
static size_t intern(StrTab *t, const char *s)
{
	if (rehash(&t->slots, &t->mask, t->n, strtab_hash, t))
		return NKG_NONE;
	size_t k = (size_t)fnv(FNV_INIT, s) & t->mask;
	for (; t->slots[k]; k = (k + 1) & t->mask)
		if (!strcmp(t->v[t->slots[k] - 1], s))
			return t->slots[k] - 1;
	if (grow((void **)&t->v, &t->cap, t->n, sizeof *t->v))
		return NKG_NONE;
	t->v[t->n] = nkg_strdup(s);
	if (!t->v[t->n])
		return NKG_NONE;
	t->slots[k] = t->n + 1;
	return t->n++;
}

static void strtab_free(StrTab *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
	free(t->slots);
}

/* Day number of "YYYY-MM-DD" (days since 1970-01-01), NO_DAY when S is
 * not one. */
static long day_of(const char *s)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return NO_DAY;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return NO_DAY;
	long y = atol(s), m = atol(s + 5), d = atol(s + 8);
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return NO_DAY;
	/* days from civil (proleptic Gregorian) */
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void date_of(long z, char buf[32])
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	snprintf(buf, 32, "%04d-%02d-%02d", (int)y, (int)(m % 100),
	         (int)(d % 100));
}

NkgCorpus *nkg_corpus_new(int window_days)
{
	NkgCorpus *c = calloc(1, sizeof *c);
	Index *x = calloc(1, sizeof *x);
	if (!c || !x) {
		free(c);
		free(x);
		return NULL;
	}
	c->window_days = window_days < 0 ? 1 : window_days;
	c->index = x;
	return c;
}

int nkg_corpus_set_base(NkgCorpus *c, const char *base)
{
	char *b = nkg_strdup(base ? base : NKG_DEFAULT_BASE);
	if (!b)
		return -1;
	free(c->base);
	c->base = b;
	return 0;
}

static uint64_t actor_hash(const void *ctx, size_t i)
{
	return fnv(FNV_INIT, ((const NkgCorpus *)ctx)->actors[i].iri);
}

static uint64_t doc_hash(const void *ctx, size_t i)
{
	return fnv(FNV_INIT, ((const NkgCorpus *)ctx)->docs[i].iri);
}

/* The slot of IRI in a table of actors or documents. */
static size_t *find_slot(size_t *slots, size_t mask, const char *iri,
                         const void *arr, size_t stride)
{
	for (size_t k = (size_t)fnv(FNV_INIT, iri) & mask;;
	     k = (k + 1) & mask) {
		if (!slots[k])
			return &slots[k];
		const char *const *p =
		        (const char *const *)((const char *)arr +
		                              (slots[k] - 1) * stride);
		if (!strcmp(*p, iri))
			return &slots[k];
	}
}

int nkg_corpus_has_doc(const NkgCorpus *c, const char *iri)
{
	const Index *x = c->index;
	if (!x->doc_slots)
		return 0;
	return *find_slot(x->doc_slots, x->doc_mask, iri, c->docs,
	                  sizeof *c->docs) != 0;
}

/* The corpus actor of G's actor AI, added when new; NKG_NONE when memory
 * ran out. */
static size_t corpus_actor(NkgCorpus *c, const NkgActor *a)
{
	Index *x = c->index;
	if (rehash(&x->actor_slots, &x->actor_mask, c->n_actors, actor_hash, c))
		return NKG_NONE;
	size_t *s = find_slot(x->actor_slots, x->actor_mask, a->iri, c->actors,
	                      sizeof *c->actors);
	if (*s)
		return *s - 1;
	if (grow((void **)&c->actors, &c->cap_actors, c->n_actors,
	         sizeof *c->actors))
		return NKG_NONE;
	NkgCorpusActor *ca = &c->actors[c->n_actors];
	memset(ca, 0, sizeof *ca);
	ca->iri = nkg_strdup(a->iri);
	ca->kind = a->kind;
	ca->cls = nkg_strdup(a->cls);
	ca->label = nkg_strdup(a->label ? a->label : a->iri);
	ca->code = a->code ? nkg_strdup(a->code) : NULL;
	ca->country = NKG_NONE;
	if (!ca->iri || !ca->cls || !ca->label || (a->code && !ca->code)) {
		free(ca->iri);
		free(ca->cls);
		free(ca->label);
		free(ca->code);
		return NKG_NONE;
	}
	*s = c->n_actors + 1;
	return c->n_actors++;
}

/* The corpus actor of G's actor AI with its country: the first Country
 * it is affiliated with, in the first document that names one. */
static size_t corpus_actor_in(NkgCorpus *c, const NkgGraph *g, size_t ai)
{
	const NkgActor *a = &g->actors[ai];
	size_t i = corpus_actor(c, a);
	if (i == NKG_NONE || a->kind == NKG_KIND_COUNTRY ||
	    c->actors[i].country != NKG_NONE)
		return i;
	for (size_t k = 0; k < a->affiliations.n; k++) {
		size_t b = a->affiliations.v[k];
		if (b >= g->n_actors || g->actors[b].kind != NKG_KIND_COUNTRY)
			continue;
		size_t ci = corpus_actor(c, &g->actors[b]);
		if (ci == NKG_NONE)
			return NKG_NONE;
		c->actors[i].country = ci;
		break;
	}
	return i;
}

typedef struct {
	const NkgCorpus *c;
	size_t v;
} IriSort;

static int cmp_actor_iri(const void *pa, const void *pb)
{
	const IriSort *a = pa, *b = pb;
	return strcmp(a->c->actors[a->v].iri, b->c->actors[b->v].iri);
}

/* The corpus actors of role list L of G, sorted by IRI and without
 * repeats, in a new array (*out NULL when L is empty); -1 when memory ran
 * out. */
static int role_list(NkgCorpus *c, const NkgGraph *g, const NkgIdxList *l,
                     size_t **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!l->n)
		return 0;
	IriSort *t = malloc(l->n * sizeof *t);
	size_t *v = malloc(l->n * sizeof *v);
	if (!t || !v) {
		free(t);
		free(v);
		return -1;
	}
	size_t m = 0;
	for (size_t k = 0; k < l->n; k++) {
		if (l->v[k] >= g->n_actors)
			continue;
		size_t ci = corpus_actor_in(c, g, l->v[k]);
		if (ci == NKG_NONE) {
			free(t);
			free(v);
			return -1;
		}
		t[m].c = c;
		t[m++].v = ci;
	}
	qsort(t, m, sizeof *t, cmp_actor_iri);
	size_t u = 0;
	for (size_t k = 0; k < m; k++)
		if (!u || v[u - 1] != t[k].v)
			v[u++] = t[k].v;
	free(t);
	if (!u) {
		free(v);
		return 0;
	}
	*out = v;
	*n = u;
	return 0;
}

static int same_list(const size_t *a, size_t na, const size_t *b, size_t nb)
{
	return na == nb && (!na || !memcmp(a, b, na * sizeof *a));
}

static int has_day(const Group *gr, long day)
{
	for (size_t i = 0; i < gr->n_days; i++)
		if (gr->days[i] == day)
			return 1;
	return 0;
}

/* The slot of the key with HASH, class CLS and the lists of E in the key
 * table: it holds the first group of that key + 1, or 0. */
static size_t *key_slot(NkgCorpus *c, uint64_t hash, size_t cls,
                        const NkgCorpusEvent *e)
{
	Index *x = c->index;
	for (size_t k = (size_t)hash & x->key_mask;;
	     k = (k + 1) & x->key_mask) {
		size_t s = x->key_slots[k];
		if (!s)
			return &x->key_slots[k];
		const Group *gr = &x->groups[s - 1];
		const NkgCorpusEvent *o = &c->events[s - 1];
		if (gr->hash == hash && gr->cls == cls &&
		    same_list(o->agents, o->n_agents, e->agents, e->n_agents) &&
		    same_list(o->targets, o->n_targets, e->targets,
		              e->n_targets) &&
		    same_list(o->participants, o->n_parts, e->participants,
		              e->n_parts))
			return &x->key_slots[k];
	}
}

/* Room for one more key in the key table; 0 on success.  (Its slots name
 * the first group of each key, so rehash() does not serve.) */
static int key_room(NkgCorpus *c)
{
	Index *x = c->index;
	size_t keys = x->n_keys;
	if (x->key_slots && (keys + 1) * 2 <= x->key_mask + 1)
		return 0;
	size_t size = x->key_slots ? (x->key_mask + 1) * 2 : 64;
	size_t *s = calloc(size, sizeof *s);
	if (!s)
		return -1;
	if (x->key_slots)
		for (size_t k = 0; k <= x->key_mask; k++) {
			size_t v = x->key_slots[k];
			if (!v)
				continue;
			size_t j = (size_t)x->groups[v - 1].hash & (size - 1);
			while (s[j])
				j = (j + 1) & (size - 1);
			s[j] = v;
		}
	free(x->key_slots);
	x->key_slots = s;
	x->key_mask = size - 1;
	return 0;
}

static void free_event(NkgCorpusEvent *e)
{
	free(e->iri);
	free(e->cls);
	free(e->cls_label);
	free(e->top_label);
	free(e->agents);
	free(e->targets);
	free(e->participants);
	free(e->first_date);
	free(e->last_date);
	for (size_t i = 0; i < e->n_members; i++) {
		free(e->members[i].event);
		free(e->members[i].date);
	}
	free(e->members);
}

static void free_group(Group *g)
{
	free(g->days);
	free(g->sources);
}

/* Adds event E of G (document D) to its group, made when none fits. */
static NkgStatus add_event(NkgCorpus *c, const NkgGraph *g, const NkgEvent *e,
                           size_t d)
{
	Index *x = c->index;
	NkgCorpusEvent k;
	memset(&k, 0, sizeof k);
	if (role_list(c, g, &e->roles[NKG_ROLE_AGENT], &k.agents,
	              &k.n_agents) ||
	    role_list(c, g, &e->roles[NKG_ROLE_TARGET], &k.targets,
	              &k.n_targets) ||
	    role_list(c, g, &e->roles[NKG_ROLE_PARTICIPANT], &k.participants,
	              &k.n_parts)) {
		free_event(&k);
		return NKG_ERR_INTERNAL;
	}
	if (!k.n_agents && !k.n_targets && !k.n_parts) {
		c->n_skipped++;
		return NKG_SUCCESS;
	}
	size_t cls = intern(&x->classes, e->cls);
	if (cls == NKG_NONE) {
		free_event(&k);
		return NKG_ERR_INTERNAL;
	}
	uint64_t h = fnv(FNV_INIT, e->cls);
	const size_t *lists[3] = {k.agents, k.targets, k.participants};
	const size_t ns[3] = {k.n_agents, k.n_targets, k.n_parts};
	for (int r = 0; r < 3; r++) {
		h = fnv(h, nkg_role_names[r]);
		for (size_t i = 0; i < ns[r]; i++)
			h = fnv(h, c->actors[lists[r][i]].iri);
	}
	int own = e->date && (!e->date_type || !strcmp(e->date_type, "date"));
	long day = own ? day_of(e->date) : NO_DAY;
	if (day == NO_DAY)
		own = 0;
	long doc_day = x->doc_days[d];
	long w = c->window_days;

	if (key_room(c))
		goto oom;
	size_t *slot = key_slot(c, h, cls, &k);
	size_t gi = NKG_NONE, last = NKG_NONE;
	for (size_t i = *slot ? *slot - 1 : NKG_NONE; i != NKG_NONE;
	     i = x->groups[i].next) {
		const Group *gr = &x->groups[i];
		last = i;
		int fits = own ? gr->first_day != NO_DAY &&
		                           day >= gr->first_day - w &&
		                           day <= gr->last_day + w
		               : has_day(gr, doc_day);
		if (fits) {
			gi = i;
			break;
		}
	}
	if (gi == NKG_NONE) {
		if (grow((void **)&c->events, &c->cap_events, c->n_events,
		         sizeof *c->events) ||
		    grow((void **)&x->groups, &x->cap_groups, c->n_events,
		         sizeof *x->groups))
			goto oom;
		gi = c->n_events;
		NkgCorpusEvent *ne = &c->events[gi];
		*ne = k;
		memset(&k, 0, sizeof k);
		ne->cls = nkg_strdup(e->cls);
		ne->cls_label =
		        nkg_strdup(e->cls_label ? e->cls_label : e->cls);
		ne->top_label =
		        nkg_strdup(e->top_label ? e->top_label : ne->cls_label);
		Group *gr = &x->groups[gi];
		memset(gr, 0, sizeof *gr);
		gr->hash = h;
		gr->cls = cls;
		gr->next = NKG_NONE;
		gr->first_day = gr->last_day = NO_DAY;
		c->n_events++;
		if (!ne->cls || !ne->cls_label || !ne->top_label)
			return NKG_ERR_INTERNAL;
		if (last == NKG_NONE) {
			*slot = gi + 1;
			x->n_keys++;
		} else {
			x->groups[last].next = gi;
		}
	}
	free_event(&k);

	NkgCorpusEvent *ce = &c->events[gi];
	Group *gr = &x->groups[gi];
	if (grow((void **)&ce->members, &ce->cap_members, ce->n_members,
	         sizeof *ce->members))
		return NKG_ERR_INTERNAL;
	NkgCorpusMember *m = &ce->members[ce->n_members];
	m->event = nkg_strdup(e->iri ? e->iri : "");
	m->doc = d;
	m->date = own ? nkg_strdup(e->date) : NULL;
	m->confidence = e->confidence;
	if (!m->event || (own && !m->date)) {
		free(m->event);
		free(m->date);
		return NKG_ERR_INTERNAL;
	}
	/* the events of one document come together: a document already
	 * among the members is the last member's */
	int new_doc = !ce->n_members || ce->members[ce->n_members - 1].doc != d;
	ce->n_members++;
	c->n_doc_events++;
	if (e->confidence > ce->confidence || ce->n_members == 1)
		ce->confidence = e->confidence;
	long mday = own ? day : doc_day;
	if (mday != NO_DAY) {
		if (gr->first_day == NO_DAY || mday < gr->first_day)
			gr->first_day = mday;
		if (gr->last_day == NO_DAY || mday > gr->last_day)
			gr->last_day = mday;
	}
	if (new_doc) {
		ce->n_docs++;
		if (!has_day(gr, doc_day)) {
			if (grow((void **)&gr->days, &gr->cap_days, gr->n_days,
			         sizeof *gr->days))
				return NKG_ERR_INTERNAL;
			gr->days[gr->n_days++] = doc_day;
		}
		const char *src = c->docs[d].source;
		if (!src) {
			ce->n_sources++;
		} else {
			size_t sid = intern(&x->sources, src);
			if (sid == NKG_NONE)
				return NKG_ERR_INTERNAL;
			int seen = 0;
			for (size_t i = 0; i < gr->n_sources && !seen; i++)
				seen = gr->sources[i] == sid;
			if (!seen) {
				if (grow((void **)&gr->sources,
				         &gr->cap_sources, gr->n_sources,
				         sizeof *gr->sources))
					return NKG_ERR_INTERNAL;
				gr->sources[gr->n_sources++] = sid;
				ce->n_sources++;
			}
		}
	}
	return NKG_SUCCESS;
oom:
	free_event(&k);
	return NKG_ERR_INTERNAL;
}

NkgStatus nkg_corpus_add_graph(NkgCorpus *c, const NkgGraph *g)
{
	Index *x = c->index;
	if (x->finished)
		return NKG_ERR_USAGE;
	if (!g->doc_iri)
		return NKG_ERR_USAGE;
	if (rehash(&x->doc_slots, &x->doc_mask, c->n_docs, doc_hash, c))
		return NKG_ERR_INTERNAL;
	size_t *s = find_slot(x->doc_slots, x->doc_mask, g->doc_iri, c->docs,
	                      sizeof *c->docs);
	if (*s) {
		/* the same document again (the same text without an id, or
		 * an overlapping shard): its events are already members */
		c->n_dup_docs++;
		return NKG_SUCCESS;
	}
	if (grow((void **)&c->docs, &c->cap_docs, c->n_docs, sizeof *c->docs) ||
	    grow((void **)&x->doc_days, &x->cap_doc_days, c->n_docs,
	         sizeof *x->doc_days))
		return NKG_ERR_INTERNAL;
	size_t d = c->n_docs;
	NkgCorpusDoc *doc = &c->docs[d];
	memset(doc, 0, sizeof *doc);
	doc->iri = nkg_strdup(g->doc_iri);
	doc->id = nkg_strdup(g->doc_id);
	doc->title = nkg_strdup(g->title);
	doc->date = nkg_strdup(g->date);
	doc->url = nkg_strdup(g->url);
	if (g->source_name) {
		/* one copy per source name, shared by its documents */
		size_t sid = intern(&x->sources, g->source_name);
		doc->source = sid == NKG_NONE ? NULL : x->sources.v[sid];
	}
	x->doc_days[d] = day_of(g->date);
	c->n_docs++;
	*s = d + 1;
	if (!doc->iri || (g->doc_id && !doc->id) || (g->title && !doc->title) ||
	    (g->date && !doc->date) || (g->url && !doc->url) ||
	    (g->source_name && !doc->source))
		return NKG_ERR_INTERNAL;
	for (size_t i = 0; i < g->n_events; i++) {
		NkgStatus st = add_event(c, g, &g->events[i], d);
		if (st)
			return st;
	}
	return NKG_SUCCESS;
}

/* ---- finishing: sort, IRIs, counts ---- */

typedef struct {
	const NkgCorpus *c;
	const Group *gr;
	size_t i;
} EvSort;

static int cmp_lists(const NkgCorpus *c, const size_t *a, size_t na,
                     const size_t *b, size_t nb)
{
	for (size_t i = 0; i < na && i < nb; i++) {
		int r = strcmp(c->actors[a[i]].iri, c->actors[b[i]].iri);
		if (r)
			return r;
	}
	return na < nb ? -1 : na > nb;
}

static int cmp_events(const void *pa, const void *pb)
{
	const EvSort *a = pa, *b = pb;
	const NkgCorpus *c = a->c;
	long da = a->gr->first_day, db = b->gr->first_day;
	if (da != db) {
		/* undated last */
		if (da == NO_DAY)
			return 1;
		if (db == NO_DAY)
			return -1;
		return da < db ? -1 : 1;
	}
	const NkgCorpusEvent *x = &c->events[a->i], *y = &c->events[b->i];
	int r = strcmp(x->cls, y->cls);
	if (!r)
		r = cmp_lists(c, x->agents, x->n_agents, y->agents,
		              y->n_agents);
	if (!r)
		r = cmp_lists(c, x->targets, x->n_targets, y->targets,
		              y->n_targets);
	if (!r)
		r = cmp_lists(c, x->participants, x->n_parts, y->participants,
		              y->n_parts);
	if (!r)
		r = a->i < b->i ? -1 : a->i > b->i;
	return r;
}

static const char *local_name(const char *iri)
{
	const char *h = strrchr(iri, '#');
	const char *s = strrchr(iri, '/');
	if (s > h)
		h = s;
	return h ? h + 1 : iri;
}

/* Frees the lookups of X that only adding documents needs: all but the
 * source names. */
static void free_lookups(NkgCorpus *c, Index *x)
{
	free(x->actor_slots);
	free(x->doc_slots);
	free(x->key_slots);
	for (size_t i = 0; x->groups && i < c->n_events; i++)
		free_group(&x->groups[i]);
	free(x->groups);
	free(x->doc_days);
	strtab_free(&x->classes);
}

void nkg_corpus_finish(NkgCorpus *c)
{
	Index *x = c->index;
	if (x->finished)
		return;
	if (!c->base)
		nkg_corpus_set_base(c, NULL);
	const char *base = c->base ? c->base : NKG_DEFAULT_BASE;
	size_t bl = strlen(base);
	free(c->iri);
	c->iri = malloc(bl + 8);
	if (c->iri)
		snprintf(c->iri, bl + 8, "%scorpus", base);

	EvSort *t = malloc((c->n_events + 1) * sizeof *t);
	NkgCorpusEvent *ev = malloc((c->n_events + 1) * sizeof *ev);
	Group *gs = malloc((c->n_events + 1) * sizeof *gs);
	if (t && ev && gs) {
		for (size_t i = 0; i < c->n_events; i++) {
			t[i].c = c;
			t[i].gr = &x->groups[i];
			t[i].i = i;
		}
		qsort(t, c->n_events, sizeof *t, cmp_events);
		for (size_t i = 0; i < c->n_events; i++) {
			ev[i] = c->events[t[i].i];
			gs[i] = x->groups[t[i].i];
		}
		memcpy(c->events, ev, c->n_events * sizeof *ev);
		memcpy(x->groups, gs, c->n_events * sizeof *gs);
	}
	free(t);
	free(ev);
	free(gs);

	/* IRIs: class, first day and the key's hash; a suffix tells apart
	 * two groups that share all three */
	StrTab iris = {0};
	for (size_t i = 0; i < c->n_events; i++) {
		NkgCorpusEvent *e = &c->events[i];
		const Group *gr = &x->groups[i];
		char fd[32], ld[32];
		if (gr->first_day != NO_DAY) {
			date_of(gr->first_day, fd);
			date_of(gr->last_day, ld);
			e->first_date = nkg_strdup(fd);
			e->last_date = nkg_strdup(ld);
		}
		const char *ln = local_name(e->cls);
		size_t n = bl + strlen(ln) + 64;
		char *iri = malloc(n);
		if (!iri)
			continue;
		for (int k = 1;; k++) {
			int l = snprintf(
			        iri, n, "%scorpus/event/%s-%s-%08x", base, ln,
			        gr->first_day != NO_DAY ? fd : "undated",
			        (unsigned)(gr->hash >> 32));
			if (k > 1)
				snprintf(iri + l, n - (size_t)l, "-%d", k);
			size_t before = iris.n;
			size_t id = intern(&iris, iri);
			if (id == NKG_NONE || iris.n > before)
				break;
		}
		e->iri = iri;
	}
	strtab_free(&iris);

	/* how many corpus events name each actor, in any role */
	size_t *stamp = calloc(c->n_actors + 1, sizeof *stamp);
	for (size_t i = 0; stamp && i < c->n_events; i++) {
		const NkgCorpusEvent *e = &c->events[i];
		const size_t *lists[3] = {e->agents, e->targets,
		                          e->participants};
		const size_t ns[3] = {e->n_agents, e->n_targets, e->n_parts};
		for (int r = 0; r < 3; r++)
			for (size_t k = 0; k < ns[r]; k++) {
				size_t a = lists[r][k];
				if (stamp[a] != i + 1) {
					stamp[a] = i + 1;
					c->actors[a].n_events++;
				}
			}
	}
	free(stamp);
	/* nothing more is added: only the source names, which the
	 * documents point at, stay */
	free_lookups(c, x);
	free(x->sources.slots);
	char **v = x->sources.v;
	size_t nv = x->sources.n;
	memset(x, 0, sizeof *x);
	x->sources.v = v;
	x->sources.n = nv;
	x->finished = 1;
}

void nkg_corpus_label_classes(NkgCorpus *c, const NkgLexicon *lex)
{
	for (size_t i = 0; lex && i < c->n_events; i++) {
		NkgCorpusEvent *e = &c->events[i];
		const LexClass *lc = nkg_lex_class(lex, e->cls);
		const LexClass *top = nkg_lex_top_class(lex, e->cls);
		if (lc && lc->label)
			nkg_set_str(&e->cls_label, lc->label);
		if (top && top->label)
			nkg_set_str(&e->top_label, top->label);
	}
}

void nkg_corpus_free(NkgCorpus *c)
{
	if (!c)
		return;
	Index *x = c->index;
	for (size_t i = 0; i < c->n_events; i++)
		free_event(&c->events[i]);
	free(c->events);
	for (size_t i = 0; i < c->n_docs; i++) {
		NkgCorpusDoc *d = &c->docs[i];
		free(d->iri);
		free(d->id);
		free(d->title);
		free(d->date);
		free(d->url);
	}
	free(c->docs);
	for (size_t i = 0; i < c->n_actors; i++) {
		NkgCorpusActor *a = &c->actors[i];
		free(a->iri);
		free(a->cls);
		free(a->label);
		free(a->code);
	}
	free(c->actors);
	if (x) {
		free_lookups(c, x);
		strtab_free(&x->sources);
		free(x);
	}
	free(c->base);
	free(c->iri);
	free(c);
}
