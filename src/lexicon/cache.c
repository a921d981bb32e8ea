/* SPDX-License-Identifier: MIT */
/* cache.c: the compiled lexicon saved to a file and read back.
 *
 * Parsing the Turtle with librdf and compiling it takes most of the
 * start-up time; reading the compiled tables back takes a few
 * milliseconds.  The Turtle stays the source of truth: the cache is named
 * after a hash of the names and bytes of the ontology files, so an edited
 * file simply misses the cache and the lexicon is compiled again.  A cache
 * that is short, corrupt or from another build layout is ignored.
 *
 * Layout: magic, layout word, key, payload length, payload, FNV-1a hash of
 * the payload.  The payload is the tables in a fixed order; strings are a
 * length and bytes (length ~0 for NULL), numbers little-endian fixed width.
 */
#include "lexicon/cache.h"

#include "text/text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "NKGLX2\r\n" /* a new layout needs a new name */
/* changes whenever the tables below change shape */
#define LAYOUT (0x4e4b000au ^ (uint32_t)sizeof(LexEntry) << 8)
#define NIL 0xffffffffu

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ull;
	return h;
}

/* The hash of the lexicon files and of the cache body, read at every
 * start: SEED and the bytes' nkg_hash64(), which reads them in lanes. */
static uint64_t hash_bytes(uint64_t seed, const void *p, size_t n)
{
	uint64_t v = nkg_hash64(p, n);
	return fnv(seed, &v, sizeof v);
}

int nkg_lexcache_key(const char *dir, uint64_t *key)
{
	char **names;
	size_t nn;
	if (nkg_lex_files(dir, &names, &nn))
		return -1;
	int rc = 0;
	uint64_t h = 0xcbf29ce484222325ull;
	h = fnv(h, MAGIC, 8);
	char buf[65536];
	for (size_t i = 0; i < nn && !rc; i++) {
		h = fnv(h, names[i], strlen(names[i]) + 1);
		size_t pl = strlen(dir) + strlen(names[i]) + 2;
		char *path = malloc(pl);
		FILE *f = path ? (snprintf(path, pl, "%s/%s", dir, names[i]),
		                  fopen(path, "rb"))
		               : NULL;
		if (!f) {
			rc = -1;
		} else {
			size_t n;
			while ((n = fread(buf, 1, sizeof buf, f)) > 0)
				h = hash_bytes(h, buf, n);
			if (ferror(f))
				rc = -1;
			fclose(f);
		}
		free(path);
	}
	for (size_t i = 0; i < nn; i++)
		free(names[i]);
	free(names);
	*key = h;
	return rc;
}

/* ---- writing ---- */

typedef struct {
	unsigned char *b;
	size_t n, cap;
	int failed;
} W;

static void w_bytes(W *w, const void *p, size_t n)
{
	if (w->failed)
		return;
	if (w->n + n > w->cap) {
		size_t cap = w->cap ? w->cap : 1 << 16;
		while (cap < w->n + n)
			cap *= 2;
		unsigned char *b = realloc(w->b, cap);
		if (!b) {
			w->failed = 1;
			return;
		}
		w->b = b;
		w->cap = cap;
	}
	memcpy(w->b + w->n, p, n);
	w->n += n;
}

static void w_u32(W *w, uint32_t v)
{
	unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8),
	                      (unsigned char)(v >> 16),
	                      (unsigned char)(v >> 24)};
	w_bytes(w, b, 4);
}

static void w_int(W *w, int v)
{
	w_u32(w, (uint32_t)v);
}

static void w_str(W *w, const char *s)
{
	if (!s) {
		w_u32(w, NIL);
		return;
	}
	size_t l = strlen(s);
	w_u32(w, (uint32_t)l);
	w_bytes(w, s, l);
}

static void w_strs(W *w, char *const *v, size_t n)
{
	w_u32(w, (uint32_t)n);
	for (size_t i = 0; i < n; i++)
		w_str(w, v[i]);
}

static void w_ints(W *w, const int *v, size_t n)
{
	w_u32(w, (uint32_t)n);
	for (size_t i = 0; i < n; i++)
		w_int(w, v[i]);
}

static void w_lexicon(W *w, const NkgLexicon *lx)
{
	w_u32(w, (uint32_t)lx->n_slots);
	w_u32(w, (uint32_t)lx->used);
	w_u32(w, (uint32_t)lx->max_ntok);
	for (size_t i = 0; i < lx->n_slots; i++) {
		const LexSlot *s = &lx->slots[i];
		if (!s->key)
			continue;
		w_u32(w, (uint32_t)i);
		w_str(w, s->key);
		w_u32(w, (uint32_t)s->n);
		for (size_t k = 0; k < s->n; k++) {
			w_u32(w, s->v[k].kind | (uint32_t)s->v[k].form << 8 |
			                 (uint32_t)s->v[k].ntok << 16);
			w_u32(w, s->v[k].idx);
		}
	}
	w_u32(w, (uint32_t)lx->n_actors);
	for (size_t i = 0; i < lx->n_actors; i++) {
		const LexActor *a = &lx->actors[i];
		w_str(w, a->iri);
		w_int(w, (int)a->kind);
		w_str(w, a->cls);
		w_str(w, a->label);
		w_strs(w, a->alts, a->n_alts);
		w_str(w, a->code);
		w_str(w, a->same_as);
		w_str(w, a->sector);
		w_strs(w, a->affil_iris, a->n_affil);
		w_int(w, a->gender);
		w_str(w, a->demonym);
	}
	w_u32(w, (uint32_t)lx->n_titles);
	for (size_t i = 0; i < lx->n_titles; i++) {
		w_str(w, lx->titles[i].label);
		w_str(w, lx->titles[i].sector);
	}
	w_strs(w, lx->statuses, lx->n_statuses);
	w_u32(w, (uint32_t)lx->n_groups);
	for (size_t i = 0; i < lx->n_groups; i++) {
		w_str(w, lx->groups[i].label);
		w_int(w, (int)lx->groups[i].kind);
		w_str(w, lx->groups[i].sector);
	}
	w_strs(w, lx->orgheads, lx->n_orgheads);
	w_ints(w, lx->months, lx->n_months);
	w_ints(w, lx->weekdays, lx->n_weekdays);
	w_ints(w, lx->pronouns, lx->n_pronouns);
	w_u32(w, (uint32_t)lx->n_cues);
	for (size_t i = 0; i < lx->n_cues; i++)
		w_str(w, lx->cues[i].modality);
	w_strs(w, lx->objects, lx->n_objects);
	w_u32(w, (uint32_t)lx->n_patterns);
	for (size_t i = 0; i < lx->n_patterns; i++) {
		const LexPattern *p = &lx->patterns[i];
		w_str(w, p->iri);
		w_str(w, p->cls);
		w_str(w, p->cls_label);
		w_str(w, p->top_label);
		w_str(w, p->intent_cls);
		w_int(w, p->symmetric);
		w_int(w, p->control);
		w_int(w, p->priority);
		w_int(w, p->after);
		w_int(w, p->noun_left);
		w_int(w, p->possessor);
		w_int(w, p->subject);
		w_int(w, p->speaker);
		w_int(w, p->needs_target);
		w_int(w, p->own_object);
		w_u32(w, (uint32_t)p->n_preps);
		for (size_t k = 0; k < p->n_preps; k++) {
			w_str(w, p->preps[k].key);
			w_int(w, p->preps[k].role);
		}
	}
	w_u32(w, (uint32_t)lx->n_verbs);
	for (size_t i = 0; i < lx->n_verbs; i++) {
		w_u32(w, lx->verbs[i].pattern);
		w_strs(w, lx->verbs[i].rest, lx->verbs[i].n_rest);
	}
	w_u32(w, (uint32_t)lx->n_classes);
	for (size_t i = 0; i < lx->n_classes; i++) {
		w_str(w, lx->classes[i].iri);
		w_str(w, lx->classes[i].super);
		w_str(w, lx->classes[i].label);
		w_str(w, lx->classes[i].intent);
	}
}

int nkg_lexcache_write(const char *path, uint64_t key, const NkgLexicon *lx)
{
	W w = {0};
	w_bytes(&w, MAGIC, 8);
	w_u32(&w, LAYOUT);
	w_u32(&w, (uint32_t)key);
	w_u32(&w, (uint32_t)(key >> 32));
	w_u32(&w, 0); /* payload length, filled in below */
	size_t start = w.n;
	w_lexicon(&w, lx);
	if (w.failed) {
		free(w.b);
		return -1;
	}
	size_t len = w.n - start;
	uint64_t h = hash_bytes(0xcbf29ce484222325ull, w.b + start, len);
	w.b[start - 4] = (unsigned char)len;
	w.b[start - 3] = (unsigned char)(len >> 8);
	w.b[start - 2] = (unsigned char)(len >> 16);
	w.b[start - 1] = (unsigned char)(len >> 24);
	w_u32(&w, (uint32_t)h);
	w_u32(&w, (uint32_t)(h >> 32));
	if (w.failed) {
		free(w.b);
		return -1;
	}
	/* written beside and renamed: readers never see half a file */
	size_t tl = strlen(path) + 32;
	char *tmp = malloc(tl);
	int rc = -1;
	if (tmp) {
		snprintf(tmp, tl, "%s.%ld.tmp", path, (long)getpid());
		FILE *f = fopen(tmp, "wb");
		if (f) {
			int bad = fwrite(w.b, 1, w.n, f) != w.n;
			bad |= fclose(f) != 0;
			if (!bad && rename(tmp, path) == 0)
				rc = 0;
			else
				remove(tmp);
		}
		free(tmp);
	}
	free(w.b);
	return rc;
}

/* ---- reading: every read is bounds-checked ---- */

typedef struct {
	const unsigned char *b;
	size_t n, at;
	int bad;
	/* every string read goes into this one block (the lexicon's
	 * strings), at most as large as the file */
	char *arena;
	size_t arena_at, arena_cap;
} R;

static uint32_t r_u32(R *r)
{
	if (r->bad || r->n - r->at < 4) {
		r->bad = 1;
		return 0;
	}
	const unsigned char *p = r->b + r->at;
	r->at += 4;
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static int r_int(R *r)
{
	return (int)r_u32(r);
}

/* A count of items at least MIN bytes each: no more than the bytes left. */
static size_t r_count(R *r, size_t min)
{
	uint32_t n = r_u32(r);
	if (r->bad || (size_t)n > (r->n - r->at) / (min ? min : 1)) {
		r->bad = 1;
		return 0;
	}
	return n;
}

static char *r_str(R *r)
{
	uint32_t l = r_u32(r);
	if (r->bad || l == NIL)
		return NULL;
	if (l > r->n - r->at) {
		r->bad = 1;
		return NULL;
	}
	if ((size_t)l + 1 > r->arena_cap - r->arena_at) {
		r->bad = 1;
		return NULL;
	}
	char *s = r->arena + r->arena_at;
	r->arena_at += (size_t)l + 1;
	memcpy(s, r->b + r->at, l);
	s[l] = '\0';
	r->at += l;
	return s;
}

static char **r_strs(R *r, size_t *n)
{
	*n = r_count(r, 4);
	if (!*n)
		return NULL;
	char **v = calloc(*n, sizeof *v);
	if (!v) {
		r->bad = 1;
		*n = 0;
		return NULL;
	}
	for (size_t i = 0; i < *n; i++)
		v[i] = r_str(r);
	return v;
}

static int *r_ints(R *r, size_t *n)
{
	*n = r_count(r, 4);
	if (!*n)
		return NULL;
	int *v = malloc(*n * sizeof *v);
	if (!v) {
		r->bad = 1;
		*n = 0;
		return NULL;
	}
	for (size_t i = 0; i < *n; i++)
		v[i] = r_int(r);
	return v;
}

/* calloc'd array of N items, N already bounded by the bytes left */
static void *r_array(R *r, size_t n, size_t size)
{
	if (!n || r->bad)
		return NULL;
	void *p = calloc(n, size);
	if (!p)
		r->bad = 1;
	return p;
}

static void r_lexicon(R *r, NkgLexicon *lx)
{
	size_t n_slots = r_u32(r);
	size_t used = r_u32(r);
	lx->max_ntok = r_u32(r);
	/* a power of two, at most twice as large as the entries need */
	if (r->bad || !n_slots || (n_slots & (n_slots - 1)) ||
	    used > n_slots / 2 || used > (r->n - r->at) / 12) {
		r->bad = 1;
		return;
	}
	lx->slots = r_array(r, n_slots, sizeof *lx->slots);
	if (r->bad)
		return;
	lx->n_slots = n_slots;
	for (size_t i = 0; i < used && !r->bad; i++) {
		uint32_t at = r_u32(r);
		if (at >= n_slots || lx->slots[at].key) {
			r->bad = 1;
			break;
		}
		LexSlot *s = &lx->slots[at];
		s->key = r_str(r);
		if (!s->key) {
			r->bad = 1;
			break;
		}
		s->hash = nkg_hash(s->key);
		lx->used++;
		size_t n = r_count(r, 8);
		s->v = r_array(r, n, sizeof *s->v);
		for (size_t k = 0; k < n && !r->bad; k++) {
			uint32_t a = r_u32(r);
			s->v[k].kind = (uint8_t)a;
			s->v[k].form = (uint8_t)(a >> 8);
			s->v[k].ntok = (uint16_t)(a >> 16);
			s->v[k].idx = r_u32(r);
		}
		if (!r->bad)
			s->n = n;
	}

	size_t n = r_count(r, 44);
	lx->actors = r_array(r, n, sizeof *lx->actors);
	for (size_t i = 0; i < n && !r->bad; i++, lx->n_actors++) {
		LexActor *a = &lx->actors[i];
		a->iri = r_str(r);
		a->kind = (NkgActorKind)r_int(r);
		a->cls = r_str(r);
		a->label = r_str(r);
		a->alts = r_strs(r, &a->n_alts);
		a->code = r_str(r);
		a->same_as = r_str(r);
		a->sector = r_str(r);
		a->affil_iris = r_strs(r, &a->n_affil);
		a->gender = r_int(r);
		a->demonym = r_str(r);
	}
	n = r_count(r, 8);
	lx->titles = r_array(r, n, sizeof *lx->titles);
	for (size_t i = 0; i < n && !r->bad; i++, lx->n_titles++) {
		lx->titles[i].label = r_str(r);
		lx->titles[i].sector = r_str(r);
	}
	lx->statuses = r_strs(r, &lx->n_statuses);
	n = r_count(r, 12);
	lx->groups = r_array(r, n, sizeof *lx->groups);
	for (size_t i = 0; i < n && !r->bad; i++, lx->n_groups++) {
		lx->groups[i].label = r_str(r);
		lx->groups[i].kind = (NkgActorKind)r_int(r);
		lx->groups[i].sector = r_str(r);
	}
	lx->orgheads = r_strs(r, &lx->n_orgheads);
	lx->months = r_ints(r, &lx->n_months);
	lx->weekdays = r_ints(r, &lx->n_weekdays);
	lx->pronouns = r_ints(r, &lx->n_pronouns);
	n = r_count(r, 4);
	lx->cues = r_array(r, n, sizeof *lx->cues);
	for (size_t i = 0; i < n && !r->bad; i++, lx->n_cues++)
		lx->cues[i].modality = r_str(r);
	lx->objects = r_strs(r, &lx->n_objects);
	n = r_count(r, 56);
	lx->patterns = r_array(r, n, sizeof *lx->patterns);
	for (size_t i = 0; i < n && !r->bad; i++, lx->n_patterns++) {
		LexPattern *p = &lx->patterns[i];
		p->iri = r_str(r);
		p->cls = r_str(r);
		p->cls_label = r_str(r);
		p->top_label = r_str(r);
		p->intent_cls = r_str(r);
		p->symmetric = r_int(r);
		p->control = r_int(r);
		p->priority = r_int(r);
		p->after = r_int(r);
		p->noun_left = r_int(r);
		p->possessor = r_int(r);
		p->subject = r_int(r);
		p->speaker = r_int(r);
		p->needs_target = r_int(r);
		p->own_object = r_int(r);
		size_t np = r_count(r, 8);
		p->preps = r_array(r, np, sizeof *p->preps);
		for (size_t k = 0; k < np && !r->bad; k++, p->n_preps++) {
			p->preps[k].key = r_str(r);
			p->preps[k].role = r_int(r);
		}
	}
	n = r_count(r, 8);
	lx->verbs = r_array(r, n, sizeof *lx->verbs);
	for (size_t i = 0; i < n && !r->bad; i++, lx->n_verbs++) {
		lx->verbs[i].pattern = r_u32(r);
		lx->verbs[i].rest = r_strs(r, &lx->verbs[i].n_rest);
	}
	n = r_count(r, 16);
	lx->classes = r_array(r, n, sizeof *lx->classes);
	for (size_t i = 0; i < n && !r->bad; i++, lx->n_classes++) {
		lx->classes[i].iri = r_str(r);
		lx->classes[i].super = r_str(r);
		lx->classes[i].label = r_str(r);
		lx->classes[i].intent = r_str(r);
	}
	if (r->at != r->n)
		r->bad = 1;
}

/* Indexes stored in the tables must point inside them. */
static int consistent(const NkgLexicon *lx)
{
	for (size_t i = 0; i < lx->n_verbs; i++)
		if (lx->verbs[i].pattern >= lx->n_patterns)
			return 0;
	for (size_t i = 0; i < lx->n_slots; i++) {
		const LexSlot *s = &lx->slots[i];
		for (size_t k = 0; k < s->n; k++) {
			size_t idx = s->v[k].idx, lim;
			switch (s->v[k].kind) {
			case LX_ACTOR:
			case LX_DEMONYM:
			case LX_DEMONYM_PL:
			case LX_METONYM:
			case LX_SURNAME:
				lim = lx->n_actors;
				break;
			case LX_TITLE:
				lim = lx->n_titles;
				break;
			case LX_STATUS:
				lim = lx->n_statuses;
				break;
			case LX_GROUP:
				lim = lx->n_groups;
				break;
			case LX_ORGHEAD:
				lim = lx->n_orgheads;
				break;
			case LX_MONTH:
				lim = lx->n_months;
				break;
			case LX_WEEKDAY:
				lim = lx->n_weekdays;
				break;
			case LX_PRONOUN:
				lim = lx->n_pronouns;
				break;
			case LX_CUE:
				lim = lx->n_cues;
				break;
			case LX_OBJECT:
				lim = lx->n_objects;
				break;
			case LX_VERB:
				lim = lx->n_verbs;
				break;
			case LX_NOUN:
				lim = lx->n_patterns;
				break;
			case LX_ACTOR_IRI:
				lim = lx->n_actors;
				break;
			case LX_CLASS_IRI:
				lim = lx->n_classes;
				break;
			default:
				lim = (size_t)-1;
				break;
			}
			if (idx >= lim)
				return 0;
		}
	}
	return 1;
}

NkgLexicon *nkg_lexcache_read(const char *path, uint64_t key)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return NULL;
	struct stat sb;
	unsigned char *b = NULL;
	size_t n = 0;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size >= 36 &&
	    sb.st_size < (1 << 30)) {
		n = (size_t)sb.st_size;
		void *m = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
		b = m == MAP_FAILED ? NULL : m;
	}
	close(fd);
	if (!b)
		return NULL;
	/* the strings are copied out of the mapping into one block: a
	 * malloc for each of them was most of the start-up */
	R r = {b, n, 0, 0, malloc(n), 0, n};
	if (!r.arena) {
		munmap(b, n);
		return NULL;
	}
	NkgLexicon *lx = NULL;
	if (memcmp(b, MAGIC, 8) == 0) {
		r.at = 8;
		uint32_t layout = r_u32(&r);
		uint64_t k = r_u32(&r);
		k |= (uint64_t)r_u32(&r) << 32;
		size_t len = r_u32(&r);
		if (layout == LAYOUT && k == key && len == n - r.at - 8) {
			const unsigned char *t = b + r.at + len;
			uint64_t h =
			        (uint64_t)t[0] | (uint64_t)t[1] << 8 |
			        (uint64_t)t[2] << 16 | (uint64_t)t[3] << 24 |
			        (uint64_t)t[4] << 32 | (uint64_t)t[5] << 40 |
			        (uint64_t)t[6] << 48 | (uint64_t)t[7] << 56;
			if (h ==
			    hash_bytes(0xcbf29ce484222325ull, b + r.at, len)) {
				r.n = r.at + len;
				lx = calloc(1, sizeof *lx);
				if (lx) {
					lx->strings = r.arena; /* owns it */
					r_lexicon(&r, lx);
					if (r.bad || !consistent(lx)) {
						nkg_lexicon_free(lx);
						lx = NULL;
						r.arena = NULL; /* freed */
					}
				}
			}
		}
	}
	if (!lx)
		free(r.arena);
	munmap(b, n);
	return lx;
}

char *nkg_lexcache_path(uint64_t key)
{
	const char *dir = getenv("NKG_CACHE_DIR");
	char base[4096];
	if (dir) {
		if (!*dir || !strcmp(dir, "off"))
			return NULL;
		snprintf(base, sizeof base, "%s", dir);
	} else {
		const char *x = getenv("XDG_CACHE_HOME");
		const char *home = getenv("HOME");
		if (x && *x == '/')
			snprintf(base, sizeof base, "%s/newskg", x);
		else if (home && *home == '/')
			snprintf(base, sizeof base, "%s/.cache/newskg", home);
		else
			return NULL;
	}
	size_t l = strlen(base) + 40;
	char *p = malloc(l);
	if (p)
		snprintf(p, l, "%s/lexicon-%016llx.bin", base,
		         (unsigned long long)key);
	return p;
}

int nkg_lexcache_mkdir(const char *path)
{
	char *d = malloc(strlen(path) + 1);
	if (!d)
		return -1;
	strcpy(d, path);
	char *slash = strrchr(d, '/');
	if (slash)
		*slash = '\0';
	/* every missing directory on the way, private to the user */
	for (char *p = d + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0700) && errno != EEXIST) {
			free(d);
			return -1;
		}
		*p = '/';
	}
	int rc = mkdir(d, 0700) && errno != EEXIST ? -1 : 0;
	free(d);
	return rc;
}
