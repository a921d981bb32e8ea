/* SPDX-License-Identifier: MIT */
/* write.c: a document's linguistic analysis written out, as CoNLL-U or as
 * text for people (newskg analyze). */
#include "language/language.h"
#include "lexicon/lexicon.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The tree that is written: the parser's heads and relations, repaired so
 * that every sentence has exactly one root and no cycle.  The parser
 * should already give a tree; a reader of CoNLL-U rejects the whole file
 * for one bad sentence, so the writer does not rely on it. */
typedef struct {
	int32_t *head;  /* -1 for the root */
	uint8_t *rel;   /* NkgDeprel; D_ROOT only on the root */
	uint32_t *mark; /* tree_build's walks: 0, the walk's own mark, or UP */
	size_t cap;
	size_t root;
} Tree;

typedef struct {
	FILE *f;
	const char *text;
	const NkgAnalysis *a;
	Tree t;
} Writer;

static int tree_grow(Tree *t, size_t n)
{
	if (n <= t->cap)
		return 0;
	int32_t *h = realloc(t->head, n * sizeof *h);
	if (!h)
		return -1;
	t->head = h;
	uint8_t *r = realloc(t->rel, n * sizeof *r);
	if (!r)
		return -1;
	t->rel = r;
	uint32_t *m = realloc(t->mark, n * sizeof *m);
	if (!m)
		return -1;
	t->mark = m;
	t->cap = n;
	return 0;
}

/* Copies A's heads into T and makes them a tree: the first head-less word
 * is the root (the first D_ROOT word, else the first word, when every
 * word has a head), other head-less words and words whose heads never
 * reach the root hang from the root as "dep". */
static int tree_build(Tree *t, const NkgAnalysis *a)
{
	size_t n = a->n_words;
	t->root = 0;
	if (!n)
		return 0;
	if (tree_grow(t, n))
		return -1;
	size_t root = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		int32_t h = a->words[i].head;
		t->rel[i] = a->words[i].deprel;
		if (h < 0 || (size_t)h >= n || (size_t)h == i) {
			t->head[i] = -1;
			if (root == SIZE_MAX)
				root = i;
		} else {
			t->head[i] = h;
		}
	}
	for (size_t i = 0; i < n && root == SIZE_MAX; i++)
		if (a->words[i].deprel == D_ROOT)
			root = i;
	if (root == SIZE_MAX)
		root = 0;
	t->root = root;
	t->head[root] = -1;
	t->rel[root] = D_ROOT;
	for (size_t i = 0; i < n; i++)
		if (i != root && t->head[i] < 0) {
			t->head[i] = (int32_t)root;
			t->rel[i] = D_DEP;
		}
	/* Only the root has no head now.  A word whose walk up meets a word
	 * known to reach the root (UP) reaches it too, and stays UP: a head
	 * only ever changes to the root.  A walk that meets its own mark is
	 * in a cycle, and its first word hangs from the root.  Each word is
	 * walked over once on the way to the root, so a deep tree costs no
	 * more than a flat one. */
	const uint32_t UP = UINT32_MAX;
	memset(t->mark, 0, n * sizeof *t->mark);
	t->mark[root] = UP;
	for (size_t i = 0; i < n; i++) {
		if (i == root)
			continue;
		uint32_t own = (uint32_t)i + 1;
		size_t j = i;
		while (t->mark[j] != UP && t->mark[j] != own) {
			t->mark[j] = own;
			j = (size_t)t->head[j];
		}
		if (t->mark[j] == own) {
			t->head[i] = (int32_t)root;
			t->rel[i] = D_DEP;
			t->mark[i] = UP;
		} else {
			for (j = i; t->mark[j] != UP; j = (size_t)t->head[j])
				t->mark[j] = UP;
		}
		if (t->rel[i] == D_NONE || t->rel[i] == D_ROOT)
			t->rel[i] = D_DEP;
	}
	return 0;
}

static void tree_free(Tree *t)
{
	free(t->head);
	free(t->rel);
	free(t->mark);
}

/* Writes N bytes of S with tabs and line ends as spaces (they would break
 * a CoNLL-U line or a line of the text format); "_" when S is empty. */
static void put_field(FILE *f, const char *s, size_t n)
{
	if (!n) {
		fputc('_', f);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		fputc(c == '\t' || c == '\n' || c == '\r' ? ' ' : c, f);
	}
}

/* Writes the sentence text with each run of white space as one space, so
 * that it equals the forms joined as SpaceAfter says. */
static void put_text(FILE *f, const char *s, size_t n)
{
	int space = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space)
			fputc(' ', f);
		space = 0;
		fputc(c, f);
	}
}

static void put_form(const Writer *w, size_t i)
{
	const NkgWord *x = &w->a->words[i];
	put_field(w->f, w->text + x->b0, x->b1 > x->b0 ? x->b1 - x->b0 : 0);
}

static const char *or_blank(const char *s)
{
	return s && *s ? s : "_";
}

/* The name of tag V (0: none) by NAME, "_" when it has none. */
static const char *tag(const char *(*name)(int), int v)
{
	return v ? or_blank(name(v)) : "_";
}

/* ---- CoNLL-U ---- */

static void conllu_word(const Writer *w, size_t i)
{
	const NkgAnalysis *a = w->a;
	const NkgWord *x = &a->words[i];
	FILE *f = w->f;
	fprintf(f, "%zu\t", i + 1);
	put_form(w, i);
	fputc('\t', f);
	const char *lemma = nkg_word_lemma(a, i);
	put_field(f, lemma, strlen(lemma));
	fprintf(f, "\t%s\t%s\t_\t%ld\t%s\t_\tTokenRange=%lu:%lu%s\n",
	        tag(nkg_upos_name, x->upos), tag(nkg_xpos_name, x->xpos),
	        (long)w->t.head[i] + 1,
	        i == w->t.root ? "root"
	                       : or_blank(nkg_deprel_name(w->t.rel[i])),
	        (unsigned long)x->c0, (unsigned long)x->c1,
	        x->flags & W_NOSPACE ? "|SpaceAfter=No" : "");
}

static void conllu_sentence(const Writer *w, const char *id, size_t n,
                            const NkgSentence *s)
{
	FILE *f = w->f;
	fputs("# sent_id = ", f);
	put_field(f, id, strlen(id));
	fprintf(f, "-%zu\n# text = ", n);
	put_text(f, w->text + s->b0, s->b1 - s->b0);
	fputc('\n', f);
	for (size_t i = 0; i < w->a->n_words; i++)
		conllu_word(w, i);
	fputc('\n', f);
}

/* ---- text for people ---- */

/* The relations that decide an event's roles, shown one per line. */
static int shown_relation(int rel, uint32_t prep)
{
	switch (rel) {
	case D_NSUBJ:
	case D_NSUBJ_PASS:
	case D_OBJ:
	case D_IOBJ:
	case D_OBL:
	case D_OBL_AGENT:
	case D_CCOMP:
	case D_XCOMP:
	case D_ACL_RELCL:
	case D_ADVCL:
	case D_CONJ:
	case D_APPOS:
		return 1;
	case D_NMOD: /* "leader of Venezuela", not every nominal modifier */
		return prep != 0;
	}
	return 0;
}

/* What a verb group says about its event: "{neg,passive}". */
static void put_vg_flags(FILE *f, unsigned fl)
{
	static const struct {
		unsigned bit;
		const char *name;
	} t[] = {{W_NEG, "neg"}, {W_PASSIVE, "passive"}, {W_MODAL, "modal"}};
	const char *sep = "{";
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (fl & t[i].bit) {
			fprintf(f, "%s%s", sep, t[i].name);
			sep = ",";
		}
	if (*sep == ',')
		fputc('}', f);
}

static void text_chunks(const Writer *w)
{
	const NkgAnalysis *a = w->a;
	FILE *f = w->f;
	fputs("chunks:", f);
	if (!a->n_chunks)
		fputs(" none", f);
	for (size_t c = 0; c < a->n_chunks; c++) {
		const NkgChunk *ch = &a->chunks[c];
		fprintf(f, " [%s", or_blank(nkg_chunk_name(ch->kind)));
		for (size_t i = ch->w0; i < ch->w1 && i < a->n_words; i++) {
			fputs(i == ch->head ? " *" : " ", f);
			put_form(w, i);
		}
		fputc(']', f);
		if (ch->kind == CH_VG && ch->head < a->n_words)
			put_vg_flags(f, a->words[ch->head].flags);
	}
	fputc('\n', f);
}

static void text_relations(const Writer *w)
{
	const NkgAnalysis *a = w->a;
	FILE *f = w->f;
	int any = 0;
	fputs("relations:", f);
	for (size_t i = 0; i < a->n_words; i++) {
		const NkgWord *x = &a->words[i];
		int rel = w->t.rel[i];
		if (i == w->t.root || !shown_relation(rel, x->prep))
			continue;
		fprintf(f, "\n  %s", or_blank(nkg_deprel_name(rel)));
		if ((rel == D_OBL || rel == D_NMOD) && x->prep &&
		    x->prep <= a->n_words) {
			const char *p = nkg_word_key(a, x->prep - 1);
			fputc(':', f);
			put_field(f, p, strlen(p));
		}
		fputc('(', f);
		put_form(w, (size_t)w->t.head[i]);
		fputs(", ", f);
		put_form(w, i);
		fputc(')', f);
		any = 1;
	}
	fputs(any ? "\n" : " none\n", f);
}

/* 1 when LEMMA is FORM (N bytes) but for the case of ASCII letters: a
 * name's lemma keeps its capital and is no news to the reader. */
static int same_lower(const char *form, size_t n, const char *lemma)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)form[i];
		unsigned char l = (unsigned char)lemma[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (l >= 'A' && l <= 'Z')
			l = (unsigned char)(l - 'A' + 'a');
		if (c != l)
			return 0;
	}
	return lemma[n] == '\0';
}

static void text_lemmas(const Writer *w)
{
	const NkgAnalysis *a = w->a;
	FILE *f = w->f;
	fputs("lemmas:", f);
	for (size_t i = 0; i < a->n_words; i++) {
		const NkgWord *x = &a->words[i];
		const char *lemma = nkg_word_lemma(a, i);
		size_t n = x->b1 > x->b0 ? x->b1 - x->b0 : 0;
		int diff = *lemma && !same_lower(w->text + x->b0, n, lemma);
		const char *nc = x->nclass ? nkg_nclass_name(x->nclass) : NULL;
		if (!diff && !nc)
			continue;
		fputc(' ', f);
		put_form(w, i);
		if (diff) {
			fputc('=', f);
			put_field(f, lemma, strlen(lemma));
		}
		if (nc)
			fprintf(f, ":%s", nc);
	}
	fputc('\n', f);
}

static void text_sentence(const Writer *w, size_t n, const NkgSentence *s)
{
	const NkgAnalysis *a = w->a;
	FILE *f = w->f;
	fprintf(f, "%s# sentence %zu [%zu:%zu]: ", n > 1 ? "\n" : "", n, s->c0,
	        s->c1);
	put_text(f, w->text + s->b0, s->b1 - s->b0);
	fputc('\n', f);
	for (size_t i = 0; i < a->n_words; i++) {
		if (i)
			fputc(' ', f);
		put_form(w, i);
		fprintf(f, "/%s", tag(nkg_xpos_name, a->words[i].xpos));
	}
	fputc('\n', f);
	text_chunks(w);
	text_relations(w);
	text_lemmas(w);
}

/* ---- the document ---- */

static NkgStatus fail(NkgError *err, NkgStatus st, const char *msg)
{
	if (err) {
		err->status = st;
		snprintf(err->message, sizeof err->message, "%s", msg);
	}
	return st;
}

NkgStatus nkg_analyze_write(const NkgLang *lang, const NkgLexicon *lex,
                            const NkgDocument *doc, NkgAnalysisFormat format,
                            FILE *stream, NkgError *err)
{
	size_t len;
	const char *text = nkg_document_text(doc, &len);
	char idbuf[32];
	const char *id = nkg_document_id(doc, idbuf);
	NkgTokens tk;
	if (nkg_tokenize(text, len, nkg_lex_is_abbrev, lex, &tk))
		return fail(err, NKG_ERR_INTERNAL, "out of memory tokenizing");
	NkgAnalysis *a = nkg_analysis_new();
	Writer w = {stream, text, a, {NULL, NULL, NULL, 0, 0}};
	NkgStatus st = a ? NKG_SUCCESS : NKG_ERR_INTERNAL;
	if (!st) {
		/* an id is any JSON string: its line ends must not end the line
		 */
		fputs(format == NKG_ANALYSIS_CONLLU ? "# newdoc id = "
		                                    : "# document ",
		      stream);
		put_field(stream, id, strlen(id));
		fputs(format == NKG_ANALYSIS_CONLLU ? "\n" : "\n\n", stream);
	}
	size_t n = 0;
	for (size_t i = 0; i < tk.n_sents && !st; i++) {
		if (nkg_analyze_sentence(lang, text, &tk, &tk.sents[i], a) ||
		    tree_build(&w.t, a)) {
			st = NKG_ERR_INTERNAL;
			break;
		}
		if (!a->n_words)
			continue;
		if (format == NKG_ANALYSIS_CONLLU)
			conllu_sentence(&w, id, ++n, &tk.sents[i]);
		else
			text_sentence(&w, ++n, &tk.sents[i]);
		if (ferror(stream))
			st = NKG_ERR_OUTPUT;
	}
	if (!st && format == NKG_ANALYSIS_TEXT && n)
		fputc('\n', stream);
	if (!st && ferror(stream))
		st = NKG_ERR_OUTPUT;
	tree_free(&w.t);
	nkg_analysis_free(a);
	nkg_tokens_free(&tk);
	if (st == NKG_ERR_OUTPUT)
		return fail(err, st, "write failed");
	if (st)
		return fail(err, st, "out of memory analysing the text");
	return NKG_SUCCESS;
}
