/* english.c: the closed word classes named in english.h. */
#include "extract/english.h"

#include <string.h>

static const char *const prep[] = {
        "in", "of", "to", "with", "from", "by", "on", "at", "for", "against",
        "between", "into", "onto", "over", "under", "across", "among",
        "toward", "towards", "about", "alongside", "near", "through",
        "throughout", "within", "without", "upon", "after", "before",
        "during", "despite", "amid", "inside", "outside", "beyond", "via",
        "like", "unlike", "including", NULL};
static const char *const det[] = {
        "the", "a", "an", "its", "their", "his", "her", "our", "this", "that",
        "these", "those", "some", "several", "many", "all", "both", "two",
        "three", "four", "five", "more", "most", "any", "each", "every",
        "another", "other", "new", "'s", "no", NULL};
static const char *const be[] = {"is", "are", "was", "were", "be", "been",
                                 "being", "am", "'s", "get", "got",
                                 "gotten", NULL};
static const char *const aux[] = {"has", "have", "had", "having", "will",
                                  "would", "shall", "should", "can",
                                  "could", "may", "might", "must", "did",
                                  "does", "do", "'ll", "'d", "not", "n't",
                                  "never", "also", "reportedly", "allegedly",
                                  "again", "already", "finally", "still",
                                  "today", "yesterday", "then", "now",
                                  "just", "recently", "once", "later",
                                  "jointly", "formally", "officially",
                                  "publicly", "repeatedly", "reportedly",
                                  NULL};
static const char *const clause[] = {
        ";", ":", "while", "whereas", "as", "after", "before", "because",
        "although", "though", "but", "when", "whereby", "if", "unless",
        "until", "whether", "so", "or", "(", ")", "\"", NULL};
static const char *const place[] = {"in", "at", "near", "across",
                                    "throughout", "inside", "outside",
                                    "around", "within", NULL};
static const char *const light[] = {
        "hold", "held", "holds", "holding", "launch", "launched", "launches",
        "launching", "conduct", "conducted", "conducts", "carry", "carried",
        "stage", "staged", "stages", "impose", "imposed", "imposes",
        "imposing", "mount", "mounted", "sign", "signed", "signs", "reach",
        "reached", "announce", "announced", "announces", "begin", "began",
        "begun", "start", "started", "continue", "continued", "make",
        "made", "makes", "give", "gave", "given", "issue", "issued", "lodge",
        "lodged", "file", "filed", "open", "opened", "led", "lead", "leads",
        "order", "ordered", "pay", "paid", "end", "ended", "lift", "lifted",
        "resume", "resumed", "maintain", "maintained", "extend", "extended",
        "renew", "renewed", "step", "stepped", "tighten", "tightened",
        NULL};
static const char *const face[] = {"face", "faces", "faced", "facing",
                                   "receive", "received", "under", "endure",
                                   "endured", "suffer", "suffered", NULL};
static const char *const relative[] = {"who", "which", "that", "whom",
                                       "whose", NULL};
static const char *const particle[] = {"out", "up", "off", "down", "back",
                                       "over", "away", "on", "in", "for",
                                       "of", "to", "with", "by", "from",
                                       "into", "against", "at", "alongside",
                                       "about", NULL};
static const char *const since[] = {"since", NULL};

static const char *const *const classes[ENG_COUNT] = {
        prep, det, be, aux, clause, place, light, face, relative, particle,
        since};

int eng_is(const char *key, EngClass c)
{
	for (const char *const *w = classes[c]; *w; w++)
		if (!strcmp(*w, key))
			return 1;
	return 0;
}
