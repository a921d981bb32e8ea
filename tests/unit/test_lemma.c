/* SPDX-License-Identifier: MIT */
/* test_lemma.c: WordNet read from the installed wordnet-base, then lemmas
 * and noun classes of hand-tagged words. */
#include "check.h"

#include "language/langdata.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
	const char *form;
	int xpos;
	const char *lemma; /* NULL: not checked */
	int nclass;        /* -1: not checked */
} Case;

/* Fills A with the words of C (N of them) over TEXT, one space apart. */
static void fill(NkgAnalysis *a, char *text, size_t cap, const Case *c,
                 size_t n)
{
	size_t pos = 0;
	a->n_words = 0;
	a->n_pool = 0;
	if (a->cap_words < n) {
		a->words = realloc(a->words, n * sizeof *a->words);
		a->cap_words = n;
	}
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(c[i].form);
		if (pos + len + 2 > cap)
			break;
		memcpy(text + pos, c[i].form, len);
		NkgWord *w = &a->words[a->n_words++];
		memset(w, 0, sizeof *w);
		w->b0 = (uint32_t)pos;
		w->b1 = (uint32_t)(pos + len);
		w->xpos = (uint8_t)c[i].xpos;
		w->head = -1;
		w->chunk = -1;
		char *key = nkg_fold(c[i].form, len);
		w->key = nkg_lang_pool_add(a, key, strlen(key));
		free(key);
		pos += len;
		text[pos++] = ' ';
	}
	text[pos] = '\0';
}

static void run(const NkgLang *lang, const Case *c, size_t n)
{
	static char text[4096];
	NkgAnalysis *a = nkg_analysis_new();
	fill(a, text, sizeof text, c, n);
	CHECK(a->n_words == n);
	CHECK(nkg_lang_lemmatize(lang, text, a) == 0);
	for (size_t i = 0; i < a->n_words; i++) {
		const char *got = nkg_word_lemma(a, i);
		if (c[i].lemma && strcmp(got, c[i].lemma)) {
			fprintf(stderr,
			        "lemma of %s (tag %d): got \"%s\", want "
			        "\"%s\"\n",
			        c[i].form, c[i].xpos, got, c[i].lemma);
			failures++;
		}
		if (c[i].nclass >= 0 && a->words[i].nclass != c[i].nclass) {
			fprintf(stderr, "class of %s: got %d, want %d\n",
			        c[i].form, a->words[i].nclass, c[i].nclass);
			failures++;
		}
	}
	nkg_analysis_free(a);
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static const Case words[] = {
        {"went", X_VBD, "go", -1},
        {"feet", X_NNS, "foot", -1},
        {"better", X_JJR, "good", -1},
        {"better", X_RBR, "well", -1},
        {"children", X_NNS, "child", NC_PERSON},
        {"planned", X_VBD, "plan", -1},
        {"agencies", X_NNS, "agency", NC_GROUP},
        {"was", X_VBD, "be", -1},
        {"n't", X_RB, "not", -1},
        {"me", X_PRP, "I", -1},
        {"I", X_PRP, "I", -1},
        {"them", X_PRP, "they", -1},
        {"her", X_PRP, "she", -1},
        {"her", X_PRPS, "her", -1},
        {"those", X_DT, "that", -1},
        {"Paris", X_NNP, "Paris", NC_LOCATION},
        {"countries", X_NNS, "country", NC_GROUP}, /* sense 1: a state */
        {"The", X_DT, "the", -1},
        {"an", X_DT, "a", -1},
        {"\xe2\x80\x99s", X_POS, "'s", -1},
        {"'s", X_VBZ, "be", -1},
        {"'d", X_MD, "would", -1},
        {"ca", X_MD, "can", -1},
        {"does", X_VBZ, "do", -1},
        {"hoping", X_VBG, "hope", -1},
        {"singing", X_VBG, "sing", -1},
        {"stopped", X_VBD, "stop", -1},
        {"tried", X_VBD, "try", -1},
        {"used", X_VBN, "use", -1},
        {"said", X_VBD, "say", -1},
        {"put", X_VBD, "put", -1},
        {"passes", X_VBZ, "pass", -1},
        {"bigger", X_JJR, "big", -1},
        {"later", X_JJR, "late", -1},
        {"earlier", X_RBR, "early", -1},
        {"species", X_NNS, "species", -1},
        {"politics", X_NNS, "politics", -1},
        {"buses", X_NNS, "bus", -1},
        {"deplatformed", X_VBD, "deplatform", -1},
        {"geolocated", X_VBN, "geolocate", -1},
        {"livestreaming", X_VBG, "livestream", -1},
        {"vaped", X_VBD, "vape", -1},
        {"zorbles", X_NNS, "zorble", -1},
        {"Americans", X_NNPS, "American", -1},
        {"INDUSTRIES", X_NNPS, "INDUSTRY", -1},
        {"Philippines", X_NNPS, "Philippines", NC_LOCATION},
        {"caf\xc3\xa9s", X_NNS, "caf\xc3\xa9", -1},
        {"3.5", X_CD, "3.5", -1},
        {",", X_COMMA, ",", -1},
        {"Talks", X_NNS, "talk", -1},
};

static const Case sentence[] = {
        {"The", X_DT, "the", -1},
        {"coast", X_NN, "coast", NC_GROUP},
        {"guard", X_NN, "guard", NC_GROUP},
        {"fired", X_VBD, "fire", -1},
        {"a", X_DT, "a", -1},
        {"water", X_NN, "water", NC_ARTIFACT},
        {"cannon", X_NN, "cannon", NC_ARTIFACT},
        {"at", X_IN, "at", -1},
        {"the", X_DT, "the", -1},
        {"president", X_NN, "president", NC_PERSON},
        {"and", X_CC, "and", -1},
        {"the", X_DT, "the", -1},
        {"army", X_NN, "army", NC_GROUP},
        {",", X_COMMA, ",", -1},
        {"the", X_DT, "the", -1},
        {"Security", X_NNP, "Security", NC_GROUP},
        {"Council", X_NNP, "Council", NC_GROUP},
        {"said", X_VBD, "say", -1},
        {"armed", X_JJ, "armed", -1},
        {"forces", X_NNS, NULL, NC_GROUP},
        {"of", X_IN, "of", -1},
        {"France", X_NNP, "France", NC_LOCATION},
        {"and", X_CC, "and", -1},
        {"prime", X_JJ, "prime", -1},
        {"ministers", X_NNS, "minister", NC_PERSON},
        {"Smith", X_NNP, "Smith", -1},
};

int main(void)
{
	const char *dir = getenv("NKG_WORDNET_DIR");
	if (!dir || !*dir)
		dir = "/usr/share/wordnet";
	char probe[1024];
	snprintf(probe, sizeof probe, "%s/index.noun", dir);
	FILE *f = fopen(probe, "r");
	if (!f) {
		printf("test_lemma: skipped (no WordNet in %s; apt-get install "
		       "wordnet-base)\n",
		       dir);
		return 0;
	}
	fclose(f);

	/* a missing directory names the file and the package */
	LdBuilder *b = ld_builder_new();
	NkgError err = {0};
	CHECK(b && ld_read_wordnet(b, "/nonexistent/wordnet", &err) == -1);
	CHECK(err.status == NKG_ERR_LEXICON);
	CHECK(strstr(err.message, "wordnet-base") != NULL);
	CHECK(strstr(err.file, "/nonexistent/wordnet/") == err.file);
	ld_builder_free(b);

	b = ld_builder_new();
	memset(&err, 0, sizeof err);
	double t0 = now();
	int rc = ld_read_wordnet(b, dir, &err);
	double t1 = now();
	CHECK(rc == 0);
	if (rc)
		fprintf(stderr, "ld_read_wordnet: %s\n", err.message);
	printf("test_lemma: ld_read_wordnet read %s in %.1f ms\n", dir,
	       (t1 - t0) * 1e3);

	/* the block must carry the tagger's sections to open */
	static float zeros[X_COUNT * X_COUNT];
	ld_append(b, LD_TRANS, zeros, sizeof zeros);
	ld_append(b, LD_TAGPRIOR, zeros, X_COUNT * sizeof(float));
	unsigned char *blk = NULL;
	size_t len = 0;
	CHECK(ld_finish(b, 42, &blk, &len) == 0);
	ld_builder_free(b);
	struct NkgLangImpl lang;
	memset(&lang, 0, sizeof lang);
	CHECK(blk && ld_open(&lang, blk, len, 42, 0) == 0);
	if (failures) {
		free(blk);
		return 1;
	}

	uint32_t v = 0;
	CHECK(ld_get(&lang, lang.wn, "coast", &v) && (v & WN_NOUN) &&
	      (v & WN_VERB));
	CHECK(ld_get(&lang, lang.wn, "president", &v) &&
	      WN_CLASS(v) == NC_PERSON);
	CHECK(ld_get(&lang, lang.wn, "water_cannon", &v) &&
	      WN_CLASS(v) == NC_ARTIFACT);
	CHECK(ld_get(&lang, lang.wn, "quickly", &v) && v == WN_ADV);
	CHECK(ld_get(&lang, lang.exc, "n:feet", &v) &&
	      !strcmp(lang.pool + v, "foot"));
	CHECK(ld_get(&lang, lang.exc, "a:better", &v) &&
	      !strcmp(lang.pool + v, "good"));
	CHECK(ld_get(&lang, lang.exc, "r:better", &v) &&
	      !strcmp(lang.pool + v, "well"));

	run(&lang, words, sizeof words / sizeof words[0]);
	run(&lang, sentence, sizeof sentence / sizeof sentence[0]);

	free(blk);
	if (failures)
		fprintf(stderr, "test_lemma: %d failure(s)\n", failures);
	else
		printf("test_lemma: all checks passed\n");
	return failures != 0;
}
