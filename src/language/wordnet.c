/* SPDX-License-Identifier: MIT */
/* wordnet.c: lemmas, noun classes and exception lists from Debian's
 * wordnet-base, read into the language data builder.
 *
 * The index files give every lemma of each part of speech; data.noun gives
 * the lexicographer file (person, group, location ...) of a noun's first
 * synset, which WordNet orders by frequency, so one class per noun is the
 * class of its commonest sense.  Each file is read whole with one fread:
 * the synset offsets in index.noun are byte offsets into data.noun, so the
 * class is found without scanning.
 */
#include "language/langdata.h"
#include "lexicon/lexicon.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WN_DEFAULT_DIR "/usr/share/wordnet"
#define WN_MAX_LEMMA 256

typedef struct {
	char *p;
	size_t n;
} WnBuf;

static void wn_missing(NkgError *err, const char *path, int e)
{
	nkg_error_set(
	        err, NKG_ERR_LEXICON, path,
	        "%s: cannot read (%s); install the Debian package wordnet-base "
	        "(apt-get install wordnet-base) or set NKG_WORDNET_DIR",
	        path, strerror(e));
}

static void wn_oom(NkgError *err, const char *path)
{
	nkg_error_set(err, NKG_ERR_INTERNAL, path, "%s: out of memory", path);
}

/* Reads DIR/NAME whole, NUL-terminated. */
static int wn_slurp(const char *dir, const char *name, WnBuf *out,
                    NkgError *err)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	out->p = NULL;
	out->n = 0;
	FILE *f = fopen(path, "rb");
	if (!f) {
		wn_missing(err, path, errno);
		return -1;
	}
	long size = -1;
	if (fseek(f, 0, SEEK_END) == 0)
		size = ftell(f);
	if (size < 0 || fseek(f, 0, SEEK_SET) != 0) {
		int e = errno ? errno : EIO;
		fclose(f);
		wn_missing(err, path, e);
		return -1;
	}
	out->p = malloc((size_t)size + 1);
	if (!out->p) {
		fclose(f);
		wn_oom(err, path);
		return -1;
	}
	out->n = fread(out->p, 1, (size_t)size, f);
	int bad = ferror(f) || out->n != (size_t)size;
	fclose(f);
	if (bad) {
		free(out->p);
		out->p = NULL;
		wn_missing(err, path, EIO);
		return -1;
	}
	out->p[out->n] = '\0';
	return 0;
}

/* Copies the space-delimited field at *S into DST (CAP bytes) and moves
 * *S past it; 0 when the line has no more fields or it does not fit. */
static size_t wn_field(const char **s, const char *end, char *dst, size_t cap)
{
	const char *p = *s;
	while (p < end && *p == ' ')
		p++;
	const char *q = p;
	while (q < end && *q != ' ')
		q++;
	*s = q;
	size_t n = (size_t)(q - p);
	if (n == 0 || n >= cap)
		return 0;
	memcpy(dst, p, n);
	dst[n] = '\0';
	return n;
}

static long wn_number(const char **s, const char *end)
{
	char tmp[32];
	if (!wn_field(s, end, tmp, sizeof tmp))
		return -1;
	char *e;
	long v = strtol(tmp, &e, 10);
	return *e ? -1 : v;
}

/* The lex_filenum of the synset at byte OFF of data.noun; 0 when OFF does
 * not start a record of that offset (a data file from another version). */
static unsigned wn_lexfile(const WnBuf *data, long off)
{
	if (off < 0 || (size_t)off + 12 > data->n ||
	    (off > 0 && data->p[off - 1] != '\n'))
		return 0;
	const char *p = data->p + off;
	char *e;
	long rec = strtol(p, &e, 10);
	if (rec != off || *e != ' ')
		return 0;
	long lex = strtol(e + 1, &e, 10);
	return lex > 0 && lex < 256 && *e == ' ' ? (unsigned)lex : 0;
}

/* One line of an index file: ORs BIT (and for nouns the class of the
 * first sense) into the lemma's value. */
static int wn_index_line(LdBuilder *b, const char *s, const char *end,
                         uint32_t bit, const WnBuf *data)
{
	char lemma[WN_MAX_LEMMA], tmp[64];
	if (!wn_field(&s, end, lemma, sizeof lemma))
		return 0;
	uint32_t v = 0;
	if (ld_peek(b, LD_WN, lemma, &v) != 1)
		v = 0;
	v |= bit;
	if (data && !WN_CLASS(v)) {
		/* pos synset_cnt p_cnt ptr_symbol... sense_cnt tagsense_cnt
		 * synset_offset... */
		wn_field(&s, end, tmp, sizeof tmp);
		long nsyn = wn_number(&s, end);
		long nptr = wn_number(&s, end);
		for (long k = 0; k < nptr; k++)
			wn_field(&s, end, tmp, sizeof tmp);
		wn_number(&s, end);
		wn_number(&s, end);
		if (nsyn > 0)
			v |= wn_lexfile(data, wn_number(&s, end)) << 8;
	}
	return ld_put(b, LD_WN, lemma, v);
}

/* Frees the file F was read into; RC != 0 means memory ran out reading
 * DIR/NAME, which ERR then says. */
static int wn_done(WnBuf *f, int rc, const char *dir, const char *name,
                   NkgError *err)
{
	free(f->p);
	if (rc) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, name);
		wn_oom(err, path);
	}
	return rc;
}

/* Reads index.NAME; DATA is data.noun for the noun index, else NULL. */
static int wn_read_index(LdBuilder *b, const char *dir, const char *name,
                         uint32_t bit, const WnBuf *data, NkgError *err)
{
	WnBuf f;
	if (wn_slurp(dir, name, &f, err))
		return -1;
	int rc = 0;
	const char *end = f.p + f.n;
	for (const char *s = f.p; s < end && !rc;) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		/* the licence header lines start with two spaces */
		if (!(e - s >= 2 && s[0] == ' ' && s[1] == ' '))
			rc = wn_index_line(b, s, e, bit, data);
		s = e + 1;
	}
	return wn_done(&f, rc, dir, name, err);
}

/* Reads NAME.exc: "inflected base [base...]" into "P:inflected" -> base;
 * the first base, and the first line for an inflected form, win. */
static int wn_read_exc(LdBuilder *b, const char *dir, const char *name,
                       char prefix, NkgError *err)
{
	WnBuf f;
	if (wn_slurp(dir, name, &f, err))
		return -1;
	int rc = 0;
	char key[WN_MAX_LEMMA + 2], base[WN_MAX_LEMMA];
	const char *end = f.p + f.n;
	for (const char *s = f.p; s < end && !rc;) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		key[0] = prefix;
		key[1] = ':';
		uint32_t old;
		if (wn_field(&s, e, key + 2, sizeof key - 2) &&
		    wn_field(&s, e, base, sizeof base) &&
		    ld_peek(b, LD_EXC, key, &old) != 1) {
			uint32_t off = ld_intern(b, base);
			rc = off == UINT32_MAX ? -1
			                       : ld_put(b, LD_EXC, key, off);
		}
		s = e + 1;
	}
	return wn_done(&f, rc, dir, name, err);
}

int ld_read_wordnet(LdBuilder *b, const char *dir, NkgError *err)
{
	static const struct {
		const char *index, *exc;
		uint32_t bit;
		char prefix;
	} pos[] = {
	        {"index.noun", "noun.exc", WN_NOUN, 'n'},
	        {"index.verb", "verb.exc", WN_VERB, 'v'},
	        {"index.adj", "adj.exc", WN_ADJ, 'a'},
	        {"index.adv", "adv.exc", WN_ADV, 'r'},
	};
	if (!dir || !*dir)
		dir = WN_DEFAULT_DIR;
	WnBuf data;
	if (wn_slurp(dir, "data.noun", &data, err))
		return -1;
	int rc = 0;
	for (size_t i = 0; i < sizeof pos / sizeof pos[0] && !rc; i++)
		rc = wn_read_index(b, dir, pos[i].index, pos[i].bit,
		                   pos[i].bit == WN_NOUN ? &data : NULL, err);
	free(data.p);
	for (size_t i = 0; i < sizeof pos / sizeof pos[0] && !rc; i++)
		rc = wn_read_exc(b, dir, pos[i].exc, pos[i].prefix, err);
	return rc;
}
