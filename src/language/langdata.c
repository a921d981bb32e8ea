/* SPDX-License-Identifier: MIT */
/* langdata.c: the compiled language data: building, caching, mapping.
 *
 * Building reads the installed packages (tagger.c, wordnet.c) into an
 * LdBuilder, whose tables grow as open-addressing hash tables of pool
 * offsets; ld_finish() lays them out as one block.  The block is saved in
 * the cache directory under a key made of the source files' names, sizes
 * and modification times, so an upgraded package is compiled again, and
 * later runs map the file instead of reading 30 MB of YAML and WordNet.
 */
/* MAP_POPULATE is a Linux flag outside POSIX */
#define _DEFAULT_SOURCE 1
#include "language/langdata.h"

#include "lexicon/cache.h"
#include "text/text.h"

#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifdef MAP_POPULATE
#define MAP_POPULATE_ MAP_POPULATE
#else
#define MAP_POPULATE_ 0
#endif

#define MAGIC "NKGLANG\n"
#define LAYOUT (0x4c440007u ^ (uint32_t)X_COUNT << 8 ^ (uint32_t)NC_COUNT << 16)

/* Checking the sum of the whole 13 MB block took more than half of a
 * short run's start.  The saved file is stamped instead: its modification
 * time is set to a value kept in the header, so that a file written to
 * since (or truncated, or copied without its times) fails the stamp and
 * has its whole block checked again.  The header has its own sum, and the
 * readers check every offset they take from the block (ld_get, ld_list),
 * so that damage the stamp cannot see still reads nothing outside it. */
typedef struct {
	char magic[8];
	uint32_t layout, total;
	uint64_t key;
	uint32_t off[LD_NSECT], len[LD_NSECT];
	LdTable tab[4];    /* lex, suffix, wn, exc: offsets within the block */
	uint32_t fp[4];    /* each table's tag bytes (NkgLang.fp): offsets */
	uint64_t sum;      /* of everything after the header */
	int64_t stamp_sec; /* the file's modification time; 0: none */
	int64_t stamp_nsec;
	uint64_t hsum; /* of the header before this member */
} LdHeader;

uint32_t ld_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h ^ (h >> 15);
}

/* A memo table of BYTES, zeroed, on cache lines (so that an entry of a
 * line's size, or a fraction of one, is read in one): mapped rather than
 * allocated, so that its pages cost nothing until an entry is used (a
 * short run touches a few of its megabytes).  Its size is kept in the
 * line before it. */
static void *memo_alloc(size_t bytes)
{
	void *p = mmap(NULL, bytes + 64, PROT_READ | PROT_WRITE,
	               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	memcpy(p, &bytes, sizeof bytes);
	return (char *)p + 64;
}

void ld_memo_free(void *table)
{
	if (!table)
		return;
	size_t bytes;
	char *p = (char *)table - 64;
	memcpy(&bytes, p, sizeof bytes);
	munmap(p, bytes + 64);
}

void *ld_memo_slot(void **table, const void **lang, const NkgLang *l,
                   size_t slots, size_t size, const char *key, size_t n,
                   uint32_t extra, uint32_t *hash)
{
	return ld_memo_slot_hashed(table, lang, l, slots, size, ld_hash(key, n),
	                           extra, hash);
}

void *ld_memo_slot_hashed(void **table, const void **lang, const NkgLang *l,
                          size_t slots, size_t size, uint32_t key_hash,
                          uint32_t extra, uint32_t *hash)
{
	if (!*table || *lang != (const void *)l) {
		ld_memo_free(*table);
		*table = memo_alloc(slots * size);
		*lang = l;
		if (!*table)
			return NULL;
	}
	uint32_t h = ((key_hash ^ extra) * 16777619u) | 1u;
	*hash = h;
	return (char *)*table + ((h >> 7) & (slots - 1)) * size;
}

static uint64_t block_sum(const unsigned char *p, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ull;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return h;
}

static uint8_t fp_tag(uint32_t h)
{
	return (uint8_t)((h >> 24) | 1);
}

int ld_get(const NkgLang *l, LdTable t, const char *key, uint32_t *val)
{
	if (!t.mask)
		return 0;
	const LdSlot *s = (const LdSlot *)(l->base + t.off);
	/* ld_hash(key, strlen(key)) in one pass: lookups are most of the
	 * linguistic layer's time */
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 16777619u;
	h ^= h >> 15;
	const uint8_t *fp = t.off == l->wn.off       ? l->fp[2]
	                    : t.off == l->lex.off    ? l->fp[0]
	                    : t.off == l->exc.off    ? l->fp[3]
	                    : t.off == l->suffix.off ? l->fp[1]
	                                             : NULL;
	uint8_t tag = fp_tag(h);
	for (uint32_t i = h & t.mask;; i = (i + 1) & t.mask) {
		if (fp) {
			if (!fp[i])
				return 0;
			if (fp[i] != tag)
				continue;
		} else if (!s[i].key) {
			return 0;
		}
		if (s[i].hash == h && s[i].key < l->pool_len &&
		    !strcmp(l->pool + s[i].key, key)) {
			*val = s[i].val;
			return 1;
		}
	}
}

/* ---- building ---- */

typedef struct {
	unsigned char *b;
	size_t n, cap;
} Buf;

typedef struct {
	LdSlot *s;
	uint32_t mask, used;
} BTable;

struct LdBuilder {
	Buf sect[LD_NSECT]; /* LD_POOL, LD_TRANS, LD_TAGPRIOR, LD_LISTS */
	BTable tab[LD_NSECT];
	BTable strings; /* interned pool strings */
	int failed;
};

static int buf_add(Buf *b, const void *p, size_t n)
{
	if (b->n + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->n + n)
			cap *= 2;
		unsigned char *q = realloc(b->b, cap);
		if (!q)
			return -1;
		b->b = q;
		b->cap = cap;
	}
	memcpy(b->b + b->n, p, n);
	b->n += n;
	return 0;
}

LdBuilder *ld_builder_new(void)
{
	LdBuilder *b = calloc(1, sizeof *b);
	if (b && buf_add(&b->sect[LD_POOL], "", 1)) {
		free(b);
		return NULL;
	}
	return b;
}

void ld_builder_free(LdBuilder *b)
{
	if (!b)
		return;
	for (int i = 0; i < LD_NSECT; i++) {
		free(b->sect[i].b);
		free(b->tab[i].s);
	}
	free(b->strings.s);
	free(b);
}

static const char *bpool(const LdBuilder *b, uint32_t off)
{
	return (const char *)b->sect[LD_POOL].b + off;
}

/* The slot of KEY in T, or of where it would go. */
static LdSlot *bt_find(const LdBuilder *b, const BTable *t, const char *key)
{
	uint32_t h = ld_hash(key, strlen(key));
	for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask)
		if (!t->s[i].key ||
		    (t->s[i].hash == h && !strcmp(bpool(b, t->s[i].key), key)))
			return &t->s[i];
}

static int bt_grow(LdBuilder *b, BTable *t)
{
	uint32_t n = t->mask ? (t->mask + 1) * 2 : 1024;
	BTable nt = {calloc(n, sizeof(LdSlot)), n - 1, t->used};
	if (!nt.s)
		return -1;
	for (uint32_t i = 0; t->s && i <= t->mask; i++)
		if (t->s[i].key)
			*bt_find(b, &nt, bpool(b, t->s[i].key)) = t->s[i];
	free(t->s);
	*t = nt;
	return 0;
}

/* Inserts KEY (whose pool offset is KOFF, or 0 to intern it) in T. */
static LdSlot *bt_put(LdBuilder *b, BTable *t, const char *key)
{
	if ((t->used + 1) * 2 > t->mask + 1 && bt_grow(b, t))
		return NULL;
	LdSlot *s = bt_find(b, t, key);
	if (!s->key)
		t->used++;
	s->hash = ld_hash(key, strlen(key));
	return s;
}

uint32_t ld_intern(LdBuilder *b, const char *s)
{
	if (!*s)
		return 0;
	if (b->strings.mask) {
		LdSlot *f = bt_find(b, &b->strings, s);
		if (f->key)
			return f->key;
	}
	Buf *p = &b->sect[LD_POOL];
	uint32_t off = (uint32_t)p->n;
	if (p->n + strlen(s) + 1 > UINT32_MAX / 2 ||
	    buf_add(p, s, strlen(s) + 1)) {
		b->failed = 1;
		return UINT32_MAX;
	}
	LdSlot *slot = bt_put(b, &b->strings, s);
	if (!slot) {
		b->failed = 1;
		return UINT32_MAX;
	}
	slot->key = slot->val = off;
	return off;
}

int ld_put(LdBuilder *b, int sect, const char *key, uint32_t val)
{
	uint32_t k = ld_intern(b, key);
	if (k == UINT32_MAX || !k)
		return -1;
	LdSlot *s = bt_put(b, &b->tab[sect], key);
	if (!s) {
		b->failed = 1;
		return -1;
	}
	s->key = k;
	s->val = val;
	return 0;
}

int ld_peek(LdBuilder *b, int sect, const char *key, uint32_t *val)
{
	const BTable *t = &b->tab[sect];
	if (!t->mask)
		return 0;
	LdSlot *s = bt_find(b, t, key);
	if (!s->key)
		return 0;
	*val = s->val;
	return 1;
}

uint32_t ld_append(LdBuilder *b, int sect, const void *p, size_t n)
{
	uint32_t off = (uint32_t)b->sect[sect].n;
	if (buf_add(&b->sect[sect], p, n))
		b->failed = 1;
	return off;
}

static size_t align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

int ld_finish(LdBuilder *b, uint64_t key, unsigned char **block, size_t *len)
{
	static const int tabs[4] = {LD_LEX, LD_SUFFIX, LD_WN, LD_EXC};
	if (b->failed)
		return -1;
	LdHeader h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, MAGIC, 8);
	h.layout = LAYOUT;
	h.key = key;
	size_t pos = align8(sizeof h);
	for (int i = 0; i < LD_NSECT; i++) {
		size_t n = b->sect[i].n;
		for (int t = 0; t < 4; t++)
			if (tabs[t] == i)
				n = b->tab[i].mask ? (b->tab[i].mask + 1) *
				                             sizeof(LdSlot)
				                   : 0;
		h.off[i] = (uint32_t)pos;
		h.len[i] = (uint32_t)n;
		pos = align8(pos + n);
		if (pos > UINT32_MAX / 2)
			return -1;
	}
	for (int t = 0; t < 4; t++) {
		h.fp[t] = (uint32_t)pos;
		pos = align8(pos + (b->tab[tabs[t]].mask
		                            ? (size_t)b->tab[tabs[t]].mask + 1
		                            : 0));
		if (pos > UINT32_MAX / 2)
			return -1;
	}
	unsigned char *blk = calloc(1, pos);
	if (!blk)
		return -1;
	for (int i = 0; i < LD_NSECT; i++) {
		int is_tab = 0;
		for (int t = 0; t < 4; t++)
			if (tabs[t] == i) {
				is_tab = 1;
				h.tab[t].off = h.off[i];
				h.tab[t].mask = b->tab[i].mask;
				if (h.len[i])
					memcpy(blk + h.off[i], b->tab[i].s,
					       h.len[i]);
			}
		if (!is_tab && h.len[i])
			memcpy(blk + h.off[i], b->sect[i].b, h.len[i]);
	}
	for (int t = 0; t < 4; t++) {
		const BTable *bt = &b->tab[tabs[t]];
		for (uint32_t i = 0; bt->mask && i <= bt->mask; i++)
			blk[h.fp[t] + i] =
			        bt->s[i].key ? fp_tag(bt->s[i].hash) : 0;
	}
	h.total = (uint32_t)pos;
	h.sum = nkg_hash64(blk + align8(sizeof h), pos - align8(sizeof h));
	h.hsum = block_sum((const unsigned char *)&h, offsetof(LdHeader, hsum));
	memcpy(blk, &h, sizeof h);
	*block = blk;
	*len = pos;
	return 0;
}

/* Every table and its tag bytes must lie inside the block; with SLOTS,
 * every slot must name a string inside the pool. */
static int table_ok(const unsigned char *blk, const LdHeader *h, int t,
                    uint32_t pool_len, int slots)
{
	LdTable tb = h->tab[t];
	if (!tb.mask)
		return 1;
	if ((tb.mask & (tb.mask + 1)) || tb.off % 4 ||
	    (uint64_t)tb.off + (uint64_t)(tb.mask + 1) * sizeof(LdSlot) >
	            h->total)
		return 0;
	if ((uint64_t)h->fp[t] + tb.mask + 1 > h->total)
		return 0;
	if (!slots)
		return 1;
	const LdSlot *s = (const LdSlot *)(blk + tb.off);
	const unsigned char *fp = blk + h->fp[t];
	for (uint32_t i = 0; i <= tb.mask; i++)
		if (s[i].key >= pool_len ||
		    fp[i] != (s[i].key ? fp_tag(s[i].hash) : 0))
			return 0;
	return 1;
}

/* Reads and checks the header of the block BLK of LEN bytes. */
static int header_ok(LdHeader *h, const unsigned char *blk, size_t len,
                     uint64_t key)
{
	if (len < sizeof *h)
		return 0;
	memcpy(h, blk, sizeof *h);
	return !memcmp(h->magic, MAGIC, 8) && h->layout == LAYOUT &&
	       h->key == key && h->total == len &&
	       h->hsum == block_sum((const unsigned char *)h,
	                            offsetof(LdHeader, hsum));
}

int ld_open(NkgLang *l, const unsigned char *blk, size_t len, uint64_t key,
            int trusted)
{
	LdHeader h;
	if (!header_ok(&h, blk, len, key))
		return -1;
	for (int i = 0; i < LD_NSECT; i++)
		if ((uint64_t)h.off[i] + h.len[i] > len || h.off[i] % 8)
			return -1;
	uint32_t pl = h.len[LD_POOL];
	if (!pl || blk[h.off[LD_POOL] + pl - 1] != '\0' ||
	    h.len[LD_TRANS] != X_COUNT * X_COUNT * sizeof(float) ||
	    h.len[LD_TAGPRIOR] != X_COUNT * sizeof(float))
		return -1;
	if (!trusted &&
	    nkg_hash64(blk + align8(sizeof h), len - align8(sizeof h)) != h.sum)
		return -1;
	for (int t = 0; t < 4; t++)
		if (!table_ok(blk, &h, t, pl, !trusted))
			return -1;
	l->base = blk;
	l->size = len;
	memcpy(l->sec_off, h.off, sizeof h.off);
	memcpy(l->sec_len, h.len, sizeof h.len);
	l->lex = h.tab[0];
	l->suffix = h.tab[1];
	l->wn = h.tab[2];
	l->exc = h.tab[3];
	for (int t = 0; t < 4; t++)
		l->fp[t] = h.tab[t].mask ? blk + h.fp[t] : NULL;
	/* table offsets count from the block, the pool too */
	l->pool = (const char *)blk + h.off[LD_POOL];
	l->pool_len = pl;
	l->trans = (const float *)(blk + h.off[LD_TRANS]);
	l->prior = (const float *)(blk + h.off[LD_TAGPRIOR]);
	return 0;
}

/* ---- loading ---- */

static const char *env_dir(const char *var, const char *def)
{
	const char *v = getenv(var);
	return v && *v ? v : def;
}

#define TAGGER_DIR_DEFAULT "/usr/share/perl5/Lingua/EN/Tagger"
#define WORDNET_DIR_DEFAULT "/usr/share/wordnet"

/* The sources named in the key; a changed package changes it. */
static uint64_t source_key(const char *tdir, const char *wdir)
{
	static const char *const tf[] = {"words.yml", "tags.yml", NULL};
	static const char *const wf[] = {
	        "index.noun", "index.verb", "index.adj", "index.adv",
	        "data.noun",  "noun.exc",   "verb.exc",  "adj.exc",
	        "adv.exc",    NULL};
	uint64_t h = 0xcbf29ce484222325ull ^ LAYOUT;
	for (int d = 0; d < 2; d++) {
		const char *dir = d ? wdir : tdir;
		for (const char *const *f = d ? wf : tf; *f; f++) {
			char path[4096];
			struct stat st;
			snprintf(path, sizeof path, "%s/%s", dir, *f);
			long long v[2] = {-1, -1};
			if (stat(path, &st) == 0) {
				v[0] = (long long)st.st_size;
				v[1] = (long long)st.st_mtime;
			}
			h = block_sum((const unsigned char *)path,
			              strlen(path)) ^
			    (h * 31);
			h = block_sum((const unsigned char *)v, sizeof v) ^
			    (h * 31);
		}
	}
	return h;
}

static char *cache_path(uint64_t key)
{
	char *p = nkg_lexcache_path(key);
	if (!p)
		return NULL;
	char *slash = strrchr(p, '/');
	char *q = malloc(strlen(p) + 8);
	if (q && slash)
		sprintf(q, "%.*s/language-%016llx.bin", (int)(slash - p), p,
		        (unsigned long long)key);
	free(p);
	return q;
}

/* Was the file of FD, whose status is ST, written by save_cache() and not
 * since?  Its header must say so, and its modification time match. */
static int stamped(int fd, const struct stat *st, uint64_t key)
{
	LdHeader h;
	unsigned char buf[sizeof h];
	if (pread(fd, buf, sizeof buf, 0) != (ssize_t)sizeof buf ||
	    !header_ok(&h, buf, (size_t)st->st_size, key))
		return 0;
	return h.stamp_sec && h.stamp_sec == (int64_t)st->st_mtim.tv_sec &&
	       h.stamp_nsec == (int64_t)st->st_mtim.tv_nsec;
}

static NkgLang *map_cache(const char *path, uint64_t key)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return NULL;
	struct stat st;
	NkgLang *l = NULL;
	if (fstat(fd, &st) == 0 && st.st_size > 0) {
		size_t n = (size_t)st.st_size;
		int trusted = stamped(fd, &st, key);
		/* unless trusted, every page is read by the sum at once: map
		 * them all in one call rather than fault them in one by one;
		 * trusted, a short run reads a few of them */
		void *m = mmap(NULL, n, PROT_READ,
		               MAP_PRIVATE | (trusted ? 0 : MAP_POPULATE_), fd,
		               0);
		if (m != MAP_FAILED) {
			l = calloc(1, sizeof *l);
			if (l && !ld_open(l, m, n, key, trusted)) {
				l->map = m;
				l->map_len = n;
			} else {
				free(l);
				l = NULL;
				munmap(m, n);
			}
		}
	}
	close(fd);
	return l;
}

/* Writes the block BLK of N bytes to PATH, stamped (see LdHeader): the
 * header in the file names the modification time the file is given. */
static void save_cache(const char *path, const unsigned char *blk, size_t n)
{
	if (n < sizeof(LdHeader) || nkg_lexcache_mkdir(path))
		return;
	size_t tl = strlen(path) + 32;
	char *tmp = malloc(tl);
	if (!tmp)
		return;
	snprintf(tmp, tl, "%s.%ld.tmp", path, (long)getpid());
	LdHeader h;
	memcpy(&h, blk, sizeof h);
	struct timespec now;
	if (clock_gettime(CLOCK_REALTIME, &now) || now.tv_sec <= 0)
		now.tv_sec = now.tv_nsec = 0;
	h.stamp_sec = now.tv_sec;
	h.stamp_nsec = now.tv_nsec;
	h.hsum = block_sum((const unsigned char *)&h, offsetof(LdHeader, hsum));
	FILE *f = fopen(tmp, "wb");
	if (f) {
		int bad = fwrite(&h, 1, sizeof h, f) != sizeof h;
		bad |= fwrite(blk + sizeof h, 1, n - sizeof h, f) !=
		       n - sizeof h;
		bad |= fflush(f) != 0;
		/* a file system that keeps coarser times will not match
		 * the stamp: its cache is checked in full at every start */
		struct timespec times[2] = {now, now};
		if (!bad && now.tv_sec)
			futimens(fileno(f), times);
		bad |= fclose(f) != 0;
		if (bad || rename(tmp, path))
			remove(tmp);
	}
	free(tmp);
}

NkgStatus nkg_lang_load(NkgLang **out, NkgError *err)
{
	*out = NULL;
	const char *tdir = env_dir("NKG_TAGGER_DIR", TAGGER_DIR_DEFAULT);
	const char *wdir = env_dir("NKG_WORDNET_DIR", WORDNET_DIR_DEFAULT);
	uint64_t key = source_key(tdir, wdir);
	char *path = cache_path(key);
	if (path && (*out = map_cache(path, key))) {
		free(path);
		return NKG_SUCCESS;
	}
	LdBuilder *b = ld_builder_new();
	unsigned char *blk = NULL;
	size_t n = 0;
	NkgError local = {0};
	NkgError *e = err ? err : &local;
	NkgStatus st = NKG_SUCCESS;
	if (!b)
		st = NKG_ERR_INTERNAL;
	else if (ld_read_tagger(b, tdir, e) || ld_read_wordnet(b, wdir, e))
		st = e->status ? e->status : NKG_ERR_LEXICON;
	else if (ld_finish(b, key, &blk, &n))
		st = NKG_ERR_INTERNAL;
	ld_builder_free(b);
	NkgLang *l = st ? NULL : calloc(1, sizeof *l);
	if (!st && (!l || ld_open(l, blk, n, key, 1)))
		st = NKG_ERR_INTERNAL;
	if (st) {
		free(l);
		free(blk);
		free(path);
		if (st == NKG_ERR_INTERNAL && !e->message[0])
			snprintf(e->message, sizeof e->message,
			         "language data: out of memory");
		e->status = st;
		return st;
	}
	l->owned = blk;
	if (path)
		save_cache(path, blk, n);
	free(path);
	*out = l;
	return NKG_SUCCESS;
}

void nkg_lang_free(NkgLang *l)
{
	if (!l)
		return;
	if (l->map)
		munmap(l->map, l->map_len);
	free(l->owned);
	free(l);
}

/* ---- per-sentence storage ---- */

NkgAnalysis *nkg_analysis_new(void)
{
	return calloc(1, sizeof(NkgAnalysis));
}

void nkg_analysis_free(NkgAnalysis *a)
{
	if (!a)
		return;
	free(a->words);
	free(a->chunks);
	free(a->pool);
	free(a->scratch);
	ld_memo_free(a->lemma_memo);
	ld_memo_free(a->tag_memo);
	ld_memo_free(a->compound_memo);
	free(a);
}

uint32_t nkg_lang_pool_add(NkgAnalysis *a, const char *s, size_t len)
{
	if (a->n_pool + len + 1 > a->cap_pool) {
		size_t cap = a->cap_pool ? a->cap_pool : 1024;
		while (cap < a->n_pool + len + 1)
			cap *= 2;
		if (cap > UINT32_MAX)
			return UINT32_MAX;
		char *p = realloc(a->pool, cap);
		if (!p)
			return UINT32_MAX;
		a->pool = p;
		a->cap_pool = cap;
	}
	uint32_t off = (uint32_t)a->n_pool;
	memcpy(a->pool + off, s, len);
	a->pool[off + len] = '\0';
	a->n_pool += len + 1;
	return off;
}
