/* SPDX-License-Identifier: MIT */
/* tagger.c: part-of-speech tags by Viterbi decoding over a bigram model.
 *
 * The model is Lingua::EN::Tagger's (Debian liblingua-en-tagger-perl):
 * words.yml counts how often each word had each Penn Treebank tag, and
 * tags.yml gives P(tag | previous tag).  Both are read with libyaml when
 * the language data is compiled.  A word's score for a tag is
 * log P(t | w) - log P(t), which differs from the emission log P(w | t)
 * only by a term that is the same for every tag of the word, so known and
 * unknown words share one scale.  Unknown words take the tag distribution
 * of rare words that end in the same letters (up to 6, longest known
 * suffix first), counted separately for capitalised and other words.
 *
 * Decoding visits each word's own tags only: the cost is the number of
 * words times the product of neighbouring candidates, a few dozen.
 * Hyphens are left out of the lattice ("nine - month - old" is decoded as
 * "nine month old"), since the statistics come from a treebank that did
 * not split them.
 */
#include "language/langdata.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Lingua's tag names, in NkgXpos order of their Penn Treebank tags. */
static const struct {
	const char *name;
	int x;
} lingua_tags[] = {{"cc", X_CC},      {"cd", X_CD},      {"det", X_DT},
                   {"ex", X_EX},      {"fw", X_FW},      {"in", X_IN},
                   {"jj", X_JJ},      {"jjr", X_JJR},    {"jjs", X_JJS},
                   {"ls", X_LS},      {"md", X_MD},      {"nn", X_NN},
                   {"nns", X_NNS},    {"nnp", X_NNP},    {"nnps", X_NNPS},
                   {"pdt", X_PDT},    {"pos", X_POS},    {"prp", X_PRP},
                   {"prps", X_PRPS},  {"rb", X_RB},      {"rbr", X_RBR},
                   {"rbs", X_RBS},    {"rp", X_RP},      {"sym", X_SYM},
                   {"to", X_TO},      {"uh", X_UH},      {"vb", X_VB},
                   {"vbd", X_VBD},    {"vbg", X_VBG},    {"vbn", X_VBN},
                   {"vbp", X_VBP},    {"vbz", X_VBZ},    {"wdt", X_WDT},
                   {"wp", X_WP},      {"wps", X_WPS},    {"wrb", X_WRB},
                   {"ppc", X_COMMA},  {"pp", X_PERIOD},  {"pps", X_COLON},
                   {"ppl", X_LQUOTE}, {"ppr", X_RQUOTE}, {"lrb", X_LRB},
                   {"rrb", X_RRB},    {"ppd", X_DOLLAR}};

static int tag_of(const char *name)
{
	for (size_t i = 0; i < sizeof lingua_tags / sizeof lingua_tags[0]; i++)
		if (!strcmp(lingua_tags[i].name, name))
			return lingua_tags[i].x;
	return X_NONE;
}

/* ---- reading the YAML: a mapping of keys to flow mappings of numbers ---- */

typedef struct {
	char *key;
	float v[X_COUNT];
	double total;
} Row;

typedef struct {
	Row *r;
	size_t n, cap;
} Rows;

static int read_rows(const char *path, Rows *out, NkgError *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err->status = NKG_ERR_LEXICON;
		snprintf(err->file, sizeof err->file, "%s", path);
		snprintf(err->message, sizeof err->message,
		         "%s: cannot read; install the Debian package "
		         "liblingua-en-tagger-perl (apt-get install "
		         "liblingua-en-tagger-perl) or set NKG_TAGGER_DIR",
		         path);
		return -1;
	}
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, f);
	int depth = 0, rc = 0, want_key = 1;
	char inner[64] = "";
	Row *cur = NULL;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			err->status = NKG_ERR_LEXICON;
			snprintf(err->message, sizeof err->message,
			         "%s: line %lu: %s; reinstall "
			         "liblingua-en-tagger-perl",
			         path, (unsigned long)p.problem_mark.line + 1,
			         p.problem ? p.problem : "YAML error");
			rc = -1;
			break;
		}
		int done = ev.type == YAML_STREAM_END_EVENT;
		if (ev.type == YAML_MAPPING_START_EVENT) {
			depth++;
			want_key = 1;
		} else if (ev.type == YAML_MAPPING_END_EVENT) {
			depth--;
			want_key = 1;
		} else if (ev.type == YAML_SCALAR_EVENT) {
			const char *s = (const char *)ev.data.scalar.value;
			if (depth == 1) {
				if (out->n == out->cap) {
					size_t c =
					        out->cap ? out->cap * 2 : 1024;
					Row *q = realloc(out->r, c * sizeof *q);
					if (!q) {
						rc = -1;
						yaml_event_delete(&ev);
						break;
					}
					out->r = q;
					out->cap = c;
				}
				cur = &out->r[out->n++];
				memset(cur, 0, sizeof *cur);
				cur->key = strdup(s);
				if (!cur->key)
					rc = -1;
			} else if (depth == 2 && cur) {
				if (want_key) {
					snprintf(inner, sizeof inner, "%s", s);
				} else {
					int t = tag_of(inner);
					double v = strtod(s, NULL);
					if (t) {
						cur->v[t] += (float)v;
						cur->total += v;
					}
				}
				want_key = !want_key;
			}
		}
		yaml_event_delete(&ev);
		if (done || rc)
			break;
	}
	yaml_parser_delete(&p);
	fclose(f);
	return rc;
}

static void rows_free(Rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->r[i].key);
	free(r->r);
}

/* ---- compiling ---- */

#define MAX_SUFFIX 6
#define RARE 10 /* words seen at most this often model the unknown ones */

static int is_cap_word(const char *w)
{
	return isupper((unsigned char)w[0]);
}

/* Suffix keys: case class, then the last N bytes. */
static void suffix_key(char *out, const char *w, size_t n, int cap)
{
	size_t l = strlen(w);
	out[0] = cap ? 'C' : 'L';
	out[1] = ':';
	size_t from = l > n ? l - n : 0;
	for (size_t i = from; i < l; i++)
		out[2 + i - from] = (char)tolower((unsigned char)w[i]);
	out[2 + l - from] = '\0';
}

typedef struct {
	char key[2 + MAX_SUFFIX + 1];
	float v[X_COUNT];
} Suf;

/* Writes a tag list (score log P(t|w) - log P(t)) for counts V. */
static uint32_t put_list(LdBuilder *b, const float *v, double total,
                         const float *logprior)
{
	uint32_t n = 0;
	for (int t = 1; t < X_COUNT; t++)
		n += v[t] > 0;
	uint32_t off = ld_append(b, LD_LISTS, &n, 4);
	for (int t = 1; t < X_COUNT; t++) {
		if (v[t] <= 0)
			continue;
		uint32_t tag = (uint32_t)t;
		float sc = (float)log(v[t] / total) - logprior[t];
		ld_append(b, LD_LISTS, &tag, 4);
		ld_append(b, LD_LISTS, &sc, 4);
	}
	return off;
}

static int suf_cmp(const void *a, const void *b)
{
	return strcmp(((const Suf *)a)->key, ((const Suf *)b)->key);
}

/* Tag counts of rare words by suffix, summed over equal suffixes. */
static int build_suffixes(LdBuilder *b, const Rows *w, const float *logprior)
{
	size_t n = 0, cap = w->n * (MAX_SUFFIX + 1) + 1;
	Suf *s = malloc(cap * sizeof *s);
	if (!s)
		return -1;
	for (size_t i = 0; i < w->n; i++) {
		const Row *r = &w->r[i];
		if (r->total > RARE || !isalpha((unsigned char)r->key[0]))
			continue;
		size_t l = strlen(r->key);
		for (size_t k = 1; k <= MAX_SUFFIX && k < l; k++) {
			suffix_key(s[n].key, r->key, k, is_cap_word(r->key));
			memcpy(s[n].v, r->v, sizeof r->v);
			n++;
		}
		/* the whole class too, for words shorter than any suffix */
		suffix_key(s[n].key, r->key, 0, is_cap_word(r->key));
		memcpy(s[n].v, r->v, sizeof r->v);
		n++;
		if (n + MAX_SUFFIX + 1 >= cap)
			break;
	}
	qsort(s, n, sizeof *s, suf_cmp);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		float v[X_COUNT];
		memcpy(v, s[i].v, sizeof v);
		for (; j < n && !strcmp(s[j].key, s[i].key); j++)
			for (int t = 0; t < X_COUNT; t++)
				v[t] += s[j].v[t];
		double tot = 0;
		for (int t = 0; t < X_COUNT; t++)
			tot += v[t];
		/* a suffix seen in fewer than 3 rare words says little */
		if (tot >= 3 || strlen(s[i].key) <= 3)
			ld_put(b, LD_SUFFIX, s[i].key,
			       put_list(b, v, tot, logprior));
		i = j;
	}
	free(s);
	return 0;
}

int ld_read_tagger(LdBuilder *b, const char *dir, NkgError *err)
{
	char path[4096];
	Rows words = {0}, tags = {0};
	snprintf(path, sizeof path, "%s/words.yml", dir);
	int rc = read_rows(path, &words, err);
	snprintf(path, sizeof path, "%s/tags.yml", dir);
	if (!rc)
		rc = read_rows(path, &tags, err);
	if (!rc && (!words.n || !tags.n)) {
		err->status = NKG_ERR_LEXICON;
		snprintf(err->message, sizeof err->message,
		         "%s: no tagging statistics in it; reinstall "
		         "liblingua-en-tagger-perl",
		         dir);
		rc = -1;
	}
	if (rc) {
		rows_free(&words);
		rows_free(&tags);
		return -1;
	}
	double count[X_COUNT] = {0}, all = 0;
	for (size_t i = 0; i < words.n; i++)
		for (int t = 0; t < X_COUNT; t++) {
			count[t] += words.r[i].v[t];
			all += words.r[i].v[t];
		}
	float prior[X_COUNT];
	for (int t = 0; t < X_COUNT; t++)
		prior[t] = count[t] > 0 ? (float)log(count[t] / all) : -30.0f;
	ld_append(b, LD_TAGPRIOR, prior, sizeof prior);
	/* Transitions, smoothed towards the prior; row X_NONE is the start
	 * of a sentence, which the model writes as after a period. */
	static float trans[X_COUNT][X_COUNT];
	for (int p = 0; p < X_COUNT; p++)
		for (int t = 0; t < X_COUNT; t++)
			trans[p][t] = (float)log(0.001 * exp(prior[t]));
	for (size_t i = 0; i < tags.n; i++) {
		int p = tag_of(tags.r[i].key);
		if (!p)
			continue;
		for (int t = 1; t < X_COUNT; t++) {
			double v = tags.r[i].v[t];
			trans[p][t] =
			        (float)log(0.999 * v + 0.001 * exp(prior[t]));
		}
		if (p == X_PERIOD)
			memcpy(trans[X_NONE], trans[p], sizeof trans[p]);
	}
	ld_append(b, LD_TRANS, trans, sizeof trans);
	rc = build_suffixes(b, &words, prior);
	for (size_t i = 0; i < words.n && !rc; i++)
		if (words.r[i].total > 0)
			rc = ld_put(b, LD_LEX, words.r[i].key,
			            put_list(b, words.r[i].v, words.r[i].total,
			                     prior));
	rows_free(&words);
	rows_free(&tags);
	if (rc) {
		err->status = NKG_ERR_INTERNAL;
		snprintf(err->message, sizeof err->message,
		         "tagging statistics: out of memory");
	}
	return rc;
}
