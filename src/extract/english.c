/* SPDX-License-Identifier: MIT */
/* english.c: the closed word classes named in english.h. */
#include "extract/english.h"
#include "text/fmt.h"
#include "text/text.h"

#include <pthread.h>
#include <string.h>

static const char *const prep[] = {
        "in",      "of",      "to",        "with",    "from",    "by",
        "on",      "at",      "for",       "against", "between", "into",
        "onto",    "over",    "under",     "across",  "among",   "toward",
        "towards", "about",   "alongside", "near",    "through", "throughout",
        "within",  "without", "upon",      "after",   "before",  "during",
        "despite", "amid",    "inside",    "outside", "beyond",  "via",
        "like",    "unlike",  "including", NULL};
static const char *const det[] = {
        "the",  "a",     "an",      "its",   "their", "his",     "her",  "our",
        "this", "that",  "these",   "those", "some",  "several", "many", "all",
        "both", "two",   "three",   "four",  "five",  "more",    "most", "any",
        "each", "every", "another", "other", "new",   "'s",      "no",   NULL};
static const char *const be[] = {"is",   "are",    "was", "were", "be",
                                 "been", "being",  "am",  "'s",   "get",
                                 "got",  "gotten", NULL};
static const char *const aux[] = {
        "has",        "have",       "had",        "having",     "will",
        "would",      "shall",      "should",     "can",        "could",
        "may",        "might",      "must",       "did",        "does",
        "do",         "'ll",        "'d",         "not",        "n't",
        "never",      "also",       "reportedly", "allegedly",  "again",
        "already",    "finally",    "still",      "today",      "yesterday",
        "then",       "now",        "just",       "recently",   "once",
        "later",      "jointly",    "formally",   "officially", "publicly",
        "repeatedly", "reportedly", NULL};
static const char *const clause[] = {
        ";",       ":",       "while",    "whereas", "as",      "after",
        "before",  "because", "although", "though",  "but",     "when",
        "whereby", "if",      "unless",   "until",   "whether", "so",
        "or",      "(",       ")",        "\"",      NULL};
static const char *const place[] = {"in",         "at",     "near",    "across",
                                    "throughout", "inside", "outside", "around",
                                    "within",     NULL};
static const char *const light[] = {
        "hold",     "held",      "holds",      "holding",   "launch",
        "launched", "launches",  "launching",  "conduct",   "conducted",
        "conducts", "carry",     "carried",    "stage",     "staged",
        "stages",   "impose",    "imposed",    "imposes",   "imposing",
        "mount",    "mounted",   "sign",       "signed",    "signs",
        "reach",    "reached",   "announce",   "announced", "announces",
        "begin",    "began",     "begun",      "start",     "started",
        "continue", "continued", "make",       "made",      "makes",
        "give",     "gave",      "given",      "issue",     "issued",
        "pledge",   "pledged",   "pledges",    "pledging",  "promise",
        "promised", "promises",  "lodge",      "lodged",    "file",
        "filed",    "open",      "opened",     "led",       "lead",
        "leads",    "order",     "ordered",    "pay",       "paid",
        "end",      "ended",     "lift",       "lifted",    "resume",
        "resumed",  "maintain",  "maintained", "keep",      "keeps",
        "kept",     "keeping",   "extend",     "extended",  "renew",
        "renewed",  "step",      "stepped",    "tighten",   "tightened",
        "approve",  "approved",  "approves",   "grant",     "granted",
        "grants",   "convene",   "convened",   "convenes",  "convening",
        NULL};
static const char *const face[] = {"face",    "faces",    "faced",    "facing",
                                   "receive", "received", "under",    "endure",
                                   "endured", "suffer",   "suffered", NULL};
static const char *const relative[] = {"who",  "which", "that",
                                       "whom", "whose", NULL};
static const char *const particle[] = {
        "out",  "up",   "off",     "down", "back",      "over",  "away",
        "on",   "in",   "for",     "of",   "to",        "with",  "by",
        "from", "into", "against", "at",   "alongside", "about", NULL};
static const char *const since[] = {"since", NULL};
static const char *const compass[] = {
        "north",         "south",         "east",
        "west",          "northern",      "southern",
        "eastern",       "western",       "central",
        "northeast",     "northwest",     "southeast",
        "southwest",     "northeastern",  "northwestern",
        "southeastern",  "southwestern",  "north-east",
        "north-west",    "south-east",    "south-west",
        "north-eastern", "north-western", "south-eastern",
        "south-western", "far",           "upper",
        "lower",         "coastal",       NULL};

static const char *const cause[] = {
        "spark",   "sparked",  "sparks",  "trigger", "triggered", "triggers",
        "prompt",  "prompted", "prompts", "provoke", "provoked",  "provokes",
        "fuel",    "fueled",   "fuelled", "fuels",   "draw",      "drew",
        "drawn",   "draws",    "cause",   "caused",  "causes",    "ignite",
        "ignited", "ignites",  "stoke",   "stoked",  "stokes",    NULL};

static const char *const geo[] = {
        "sea",     "ocean",   "gulf",   "strait",    "straits",  "peninsula",
        "basin",   "plateau", "desert", "highlands", "lowlands", "sound",
        "channel", "bay",     "river",  "lake",      NULL};

static const char *const *const classes[ENG_COUNT] = {
        prep, det,      be,       aux,   clause,  place, light,
        face, relative, particle, since, compass, cause, geo};

/* The classes as one hash table from word to a mask of classes, built
 * once: eng_is() is asked for nearly every token of every sentence.  It
 * is keyed by nkg_hash(), so that a token's own hash finds its slot. */
#define ENG_SLOTS 1024

static struct {
	const char *word;
	unsigned mask;
} table[ENG_SLOTS];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void build_table(void)
{
	for (int c = 0; c < ENG_COUNT; c++)
		for (const char *const *w = classes[c]; *w; w++) {
			size_t h = nkg_hash(*w) & (ENG_SLOTS - 1);
			while (table[h].word && strcmp(table[h].word, *w))
				h = (h + 1) & (ENG_SLOTS - 1);
			table[h].word = *w;
			table[h].mask |= 1u << c;
		}
}

unsigned eng_mask(const char *key)
{
	return eng_mask_hashed(key, nkg_hash(key));
}

unsigned eng_mask_hashed(const char *key, uint32_t hash)
{
	pthread_once(&table_once, build_table);
	size_t h = hash & (ENG_SLOTS - 1);
	for (; table[h].word; h = (h + 1) & (ENG_SLOTS - 1))
		if (nkg_streq(table[h].word, key))
			return table[h].mask;
	return 0;
}

int eng_is(const char *key, EngClass c)
{
	return (eng_mask(key) >> c) & 1u;
}
