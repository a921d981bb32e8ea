/* SPDX-License-Identifier: MIT */
/* language.c: the layer's entry point and the names of its tags. */
#include "language/language.h"

int nkg_analyze_sentence(const NkgLang *lang, const char *text,
                         const NkgTokens *tk, const NkgSentence *s,
                         NkgAnalysis *a)
{
	if (nkg_lang_segment(text, tk, s, a) || nkg_lang_tag(lang, text, a) ||
	    nkg_lang_lemmatize(lang, text, a) || nkg_lang_parse(lang, text, a))
		return -1;
	return 0;
}

static const char *const xpos_names[X_COUNT] = {
        [X_NONE] = "_",    [X_CC] = "CC",     [X_CD] = "CD",
        [X_DT] = "DT",     [X_EX] = "EX",     [X_FW] = "FW",
        [X_IN] = "IN",     [X_JJ] = "JJ",     [X_JJR] = "JJR",
        [X_JJS] = "JJS",   [X_LS] = "LS",     [X_MD] = "MD",
        [X_NN] = "NN",     [X_NNS] = "NNS",   [X_NNP] = "NNP",
        [X_NNPS] = "NNPS", [X_PDT] = "PDT",   [X_POS] = "POS",
        [X_PRP] = "PRP",   [X_PRPS] = "PRP$", [X_RB] = "RB",
        [X_RBR] = "RBR",   [X_RBS] = "RBS",   [X_RP] = "RP",
        [X_SYM] = "SYM",   [X_TO] = "TO",     [X_UH] = "UH",
        [X_VB] = "VB",     [X_VBD] = "VBD",   [X_VBG] = "VBG",
        [X_VBN] = "VBN",   [X_VBP] = "VBP",   [X_VBZ] = "VBZ",
        [X_WDT] = "WDT",   [X_WP] = "WP",     [X_WPS] = "WP$",
        [X_WRB] = "WRB",   [X_COMMA] = ",",   [X_PERIOD] = ".",
        [X_COLON] = ":",   [X_LQUOTE] = "``", [X_RQUOTE] = "''",
        [X_LRB] = "-LRB-", [X_RRB] = "-RRB-", [X_DOLLAR] = "$",
        [X_HASH] = "#",    [X_HYPH] = "HYPH", [X_NFP] = "NFP",
        [X_ADD] = "ADD",   [X_AFX] = "AFX",   [X_GW] = "GW",
        [X_XX] = "XX"};

static const char *const upos_names[U_COUNT] = {
        [U_NONE] = "_",      [U_ADJ] = "ADJ",     [U_ADP] = "ADP",
        [U_ADV] = "ADV",     [U_AUX] = "AUX",     [U_CCONJ] = "CCONJ",
        [U_DET] = "DET",     [U_INTJ] = "INTJ",   [U_NOUN] = "NOUN",
        [U_NUM] = "NUM",     [U_PART] = "PART",   [U_PRON] = "PRON",
        [U_PROPN] = "PROPN", [U_PUNCT] = "PUNCT", [U_SCONJ] = "SCONJ",
        [U_SYM] = "SYM",     [U_VERB] = "VERB",   [U_X] = "X"};

static const char *const deprel_names[D_COUNT] = {[D_NONE] = "_",
                                                  [D_ROOT] = "root",
                                                  [D_NSUBJ] = "nsubj",
                                                  [D_NSUBJ_PASS] = "nsubj:pass",
                                                  [D_OBJ] = "obj",
                                                  [D_IOBJ] = "iobj",
                                                  [D_OBL] = "obl",
                                                  [D_OBL_AGENT] = "obl:agent",
                                                  [D_OBL_TMOD] = "obl:tmod",
                                                  [D_OBL_NPMOD] = "obl:npmod",
                                                  [D_CCOMP] = "ccomp",
                                                  [D_XCOMP] = "xcomp",
                                                  [D_ADVCL] = "advcl",
                                                  [D_ACL] = "acl",
                                                  [D_ACL_RELCL] = "acl:relcl",
                                                  [D_CSUBJ] = "csubj",
                                                  [D_AUX] = "aux",
                                                  [D_AUX_PASS] = "aux:pass",
                                                  [D_COP] = "cop",
                                                  [D_MARK] = "mark",
                                                  [D_CASE] = "case",
                                                  [D_DET] = "det",
                                                  [D_DET_PREDET] = "det:predet",
                                                  [D_AMOD] = "amod",
                                                  [D_ADVMOD] = "advmod",
                                                  [D_NMOD] = "nmod",
                                                  [D_NMOD_POSS] = "nmod:poss",
                                                  [D_NMOD_TMOD] = "nmod:tmod",
                                                  [D_NUMMOD] = "nummod",
                                                  [D_APPOS] = "appos",
                                                  [D_COMPOUND] = "compound",
                                                  [D_COMPOUND_PRT] =
                                                          "compound:prt",
                                                  [D_FLAT] = "flat",
                                                  [D_FIXED] = "fixed",
                                                  [D_CONJ] = "conj",
                                                  [D_CC] = "cc",
                                                  [D_PUNCT] = "punct",
                                                  [D_EXPL] = "expl",
                                                  [D_PARATAXIS] = "parataxis",
                                                  [D_DISCOURSE] = "discourse",
                                                  [D_VOCATIVE] = "vocative",
                                                  [D_DEP] = "dep"};

static const char *const nclass_names[NC_COUNT] = {
        [NC_TOPS] = "tops",
        [NC_ACT] = "act",
        [NC_ANIMAL] = "animal",
        [NC_ARTIFACT] = "artifact",
        [NC_ATTRIBUTE] = "attribute",
        [NC_BODY] = "body",
        [NC_COGNITION] = "cognition",
        [NC_COMMUNICATION] = "communication",
        [NC_EVENT] = "event",
        [NC_FEELING] = "feeling",
        [NC_FOOD] = "food",
        [NC_GROUP] = "group",
        [NC_LOCATION] = "location",
        [NC_MOTIVE] = "motive",
        [NC_OBJECT] = "object",
        [NC_PERSON] = "person",
        [NC_PHENOMENON] = "phenomenon",
        [NC_PLANT] = "plant",
        [NC_POSSESSION] = "possession",
        [NC_PROCESS] = "process",
        [NC_QUANTITY] = "quantity",
        [NC_RELATION] = "relation",
        [NC_SHAPE] = "shape",
        [NC_STATE] = "state",
        [NC_SUBSTANCE] = "substance",
        [NC_TIME] = "time"};

const char *nkg_xpos_name(int x)
{
	return x > 0 && x < X_COUNT && xpos_names[x] ? xpos_names[x] : "_";
}

const char *nkg_upos_name(int u)
{
	return u > 0 && u < U_COUNT && upos_names[u] ? upos_names[u] : "_";
}

const char *nkg_deprel_name(int d)
{
	return d > 0 && d < D_COUNT && deprel_names[d] ? deprel_names[d]
	                                               : "dep";
}

const char *nkg_nclass_name(int nc)
{
	return nc > 0 && nc < NC_COUNT ? nclass_names[nc] : NULL;
}

const char *nkg_chunk_name(int k)
{
	switch (k) {
	case CH_NP:
		return "NP";
	case CH_VG:
		return "VG";
	case CH_PP:
		return "PP";
	case CH_ADJP:
		return "ADJP";
	case CH_ADVP:
		return "ADVP";
	}
	return "?";
}
