/* SPDX-License-Identifier: MIT */
/* lexicon.c: loads the ontology directory with librdf and compiles lookup
 * tables.
 *
 * All statements are read once into a flat array, grouped by subject, and
 * each subject is dispatched on its rdf:type.  Every surface form (labels,
 * aliases, demonyms, inflected trigger verbs, plural nouns) is tokenized
 * and folded exactly like document text, then stored in one hash table
 * keyed on the folded phrase, so matching a document is a lookup per token
 * span.  librdf is used from this file only.
 */
#include "lexicon/lexicon.h"
#include "extract/extract.h"

#include "lexicon/cache.h"
#include "rdf/redland.h"

#include "text/text.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define SKOS "http://www.w3.org/2004/02/skos/core#"
#define OWL "http://www.w3.org/2002/07/owl#"
#define LEX "https://w3id.org/newskg/lex#"

typedef struct {
	char *s, *p, *o;
	int lit;
} Triple;

typedef struct {
	Triple *v;
	size_t n, cap;
} Triples;

void nkg_error_set(NkgError *err, NkgStatus st, const char *file,
                   const char *fmt, ...)
{
	if (!err)
		return;
	err->status = st;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	err->line = 0;
	err->offset = -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
}

/* ---- phrase table ---- */

static int table_grow(NkgLexicon *lx)
{
	size_t n = lx->n_slots ? lx->n_slots * 2 : 8192;
	LexSlot *s = calloc(n, sizeof *s);
	if (!s)
		return -1;
	for (size_t i = 0; i < lx->n_slots; i++) {
		if (!lx->slots[i].key)
			continue;
		size_t h = lx->slots[i].hash & (n - 1);
		while (s[h].key)
			h = (h + 1) & (n - 1);
		s[h] = lx->slots[i];
	}
	free(lx->slots);
	lx->slots = s;
	lx->n_slots = n;
	return 0;
}

const LexSlot *nkg_lex_lookup_hashed(const NkgLexicon *lx, const char *key,
                                     uint32_t hash)
{
	if (!lx->n_slots)
		return NULL;
	size_t h = hash & (lx->n_slots - 1);
	if (lx->probe) {
		uint8_t want = nkg_lex_probe_tag(hash);
		for (; lx->probe[h]; h = (h + 1) & (lx->n_slots - 1))
			if (lx->probe[h] == want && lx->slots[h].hash == hash &&
			    !strcmp(lx->slots[h].key, key))
				return &lx->slots[h];
		return NULL;
	}
	while (lx->slots[h].key) {
		if (lx->slots[h].hash == hash && !strcmp(lx->slots[h].key, key))
			return &lx->slots[h];
		h = (h + 1) & (lx->n_slots - 1);
	}
	return NULL;
}

const LexSlot *nkg_lex_lookup(const NkgLexicon *lx, const char *key)
{
	return nkg_lex_lookup_hashed(lx, key, nkg_hash(key));
}

/* Adds an entry under an already folded key. */
static int add_key(NkgLexicon *lx, const char *key, size_t ntok, LexKind kind,
                   size_t idx, int form)
{
	if (!*key)
		return 0;
	if ((lx->used + 1) * 2 > lx->n_slots && table_grow(lx))
		return -1;
	uint32_t hash = nkg_hash(key);
	size_t h = hash & (lx->n_slots - 1);
	while (lx->slots[h].key && strcmp(lx->slots[h].key, key))
		h = (h + 1) & (lx->n_slots - 1);
	LexSlot *s = &lx->slots[h];
	if (!s->key) {
		s->key = nkg_strdup(key);
		if (!s->key)
			return -1;
		s->hash = hash;
		lx->used++;
	}
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].kind == kind && s->v[i].idx == idx &&
		    s->v[i].form == form)
			return 0;
	LexEntry *v = realloc(s->v, (s->n + 1) * sizeof *v);
	if (!v)
		return -1;
	s->v = v;
	s->v[s->n].kind = (uint8_t)kind;
	s->v[s->n].form = (uint8_t)form;
	s->v[s->n].ntok = (uint16_t)ntok;
	s->v[s->n].idx = (uint32_t)idx;
	s->n++;
	if (ntok > lx->max_ntok)
		lx->max_ntok = ntok;
	if (kind != LX_PREFIX && ntok > 1) {
		/* Every proper prefix is marked, so a matcher may stop
		 * extending a span as soon as it is not in the table. */
		char *pre = nkg_strdup(key);
		if (!pre)
			return -1;
		size_t k = ntok;
		for (char *sp = strrchr(pre, ' '); sp && k > 1;
		     sp = strrchr(pre, ' ')) {
			*sp = '\0';
			k--;
			if (add_key(lx, pre, k, LX_PREFIX, 0, 0)) {
				free(pre);
				return -1;
			}
		}
		free(pre);
	}
	return 0;
}

/* Adds an entry for a surface LABEL (tokenized and folded here). */
static int add_label(NkgLexicon *lx, const char *label, LexKind kind,
                     size_t idx, int form)
{
	size_t ntok = 0;
	char *key = nkg_phrase_key(label, &ntok);
	if (!key)
		return -1;
	int rc = ntok ? add_key(lx, key, ntok, kind, idx, form) : 0;
	free(key);
	return rc;
}

/* ---- English inflection ---- */

static int is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static char *cat(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *r = malloc(la + lb + 1);
	if (r) {
		memcpy(r, a, la);
		memcpy(r + la, b, lb + 1);
	}
	return r;
}

static char *chop_cat(const char *a, size_t chop, const char *b)
{
	size_t la = strlen(a);
	char *t = nkg_strdup(a);
	if (!t)
		return NULL;
	t[la >= chop ? la - chop : 0] = '\0';
	char *r = cat(t, b);
	free(t);
	return r;
}

/* Fills FORMS[0..3] (s, ed, ing, doubled-ed) for word W; NULL where none. */
static void inflect(const char *w, char *forms[5])
{
	size_t n = strlen(w);
	char last = n ? w[n - 1] : 0, prev = n > 1 ? w[n - 2] : 0;
	for (int i = 0; i < 5; i++)
		forms[i] = NULL;
	if (!n)
		return;
	/* -s */
	if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
	    (last == 'h' && (prev == 'c' || prev == 's')))
		forms[0] = cat(w, "es");
	else if (last == 'y' && !is_vowel(prev))
		forms[0] = chop_cat(w, 1, "ies");
	else
		forms[0] = cat(w, "s");
	/* -ed */
	if (last == 'e')
		forms[1] = cat(w, "d");
	else if (last == 'y' && !is_vowel(prev))
		forms[1] = chop_cat(w, 1, "ied");
	else
		forms[1] = cat(w, "ed");
	/* -ing */
	if (n > 2 && last == 'e' && prev == 'i')
		forms[2] = chop_cat(w, 2, "ying");
	else if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o' &&
	         n > 2)
		forms[2] = chop_cat(w, 1, "ing");
	else
		forms[2] = cat(w, "ing");
	/* doubled final consonant: ban -> banned, banning */
	if (n >= 3 && !is_vowel(last) && last != 'w' && last != 'x' &&
	    last != 'y' && is_vowel(prev) && !is_vowel(w[n - 3])) {
		char d[2] = {last, 0};
		char *t = cat(w, d);
		if (t) {
			forms[3] = cat(t, "ed");
			forms[4] = cat(t, "ing");
			free(t);
		}
	}
}

static char *plural(const char *w)
{
	char *f[5];
	inflect(w, f);
	for (int i = 1; i < 5; i++)
		free(f[i]);
	return f[0];
}

/* Adds a phrase whose LAST word also gets its plural form. */
static int add_noun(NkgLexicon *lx, const char *label, LexKind kind, size_t idx)
{
	if (add_label(lx, label, kind, idx, 0))
		return -1;
	size_t ntok;
	char *key = nkg_phrase_key(label, &ntok);
	if (!key)
		return -1;
	char *sp = strrchr(key, ' ');
	const char *lastw = sp ? sp + 1 : key;
	size_t ll = strlen(lastw);
	int rc = 0;
	if (ll > 2 && lastw[ll - 1] != 's' &&
	    strcmp(lastw + (ll > 3 ? ll - 3 : 0), "ese")) {
		char *pl = plural(lastw);
		if (pl) {
			size_t pre = (size_t)(lastw - key);
			char *full = malloc(pre + strlen(pl) + 1);
			if (full) {
				memcpy(full, key, pre);
				strcpy(full + pre, pl);
				rc = add_key(lx, full, ntok, kind, idx, 0);
				free(full);
			}
			free(pl);
		}
	}
	free(key);
	return rc;
}

/* ---- reading the Turtle ---- */

typedef struct {
	char msg[400];
	int line;
	int errors;
} LogState;

static int logger(void *user, librdf_log_message *m)
{
	LogState *ls = user;
	int level = librdf_log_message_level(m);
	if (level >= LIBRDF_LOG_ERROR) {
		ls->errors++;
		if (!ls->msg[0]) {
			raptor_locator *loc = librdf_log_message_locator(m);
			ls->line = loc ? raptor_locator_line(loc) : 0;
			snprintf(ls->msg, sizeof ls->msg, "%s",
			         librdf_log_message_message(m)
			                 ? librdf_log_message_message(m)
			                 : "parse error");
		}
	}
	return 1;
}

static char *node_str(librdf_node *n, int *lit)
{
	*lit = 0;
	if (librdf_node_is_resource(n)) {
		return nkg_strdup((const char *)librdf_uri_as_string(
		        librdf_node_get_uri(n)));
	}
	if (librdf_node_is_blank(n)) {
		const char *id =
		        (const char *)librdf_node_get_blank_identifier(n);
		return cat("_:", id ? id : "");
	}
	*lit = 1;
	return nkg_strdup((const char *)librdf_node_get_literal_value(n));
}

static int cmp_triple(const void *a, const void *b)
{
	const Triple *x = a, *y = b;
	int c = strcmp(x->s, y->s);
	if (c)
		return c;
	c = strcmp(x->p, y->p);
	if (c)
		return c;
	return strcmp(x->o, y->o);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int nkg_lex_files(const char *dir, char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	char **names = NULL;
	size_t nn = 0;
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l > 4 && !strcmp(e->d_name + l - 4, ".ttl") &&
		    strcmp(e->d_name, "shapes.ttl")) {
			char **p = realloc(names, (nn + 1) * sizeof *p);
			if (p)
				names = p;
			char *s = p ? nkg_strdup(e->d_name) : NULL;
			if (!s) {
				rc = -1;
				break;
			}
			names[nn++] = s;
		}
	}
	closedir(d);
	if (rc) {
		for (size_t i = 0; i < nn; i++)
			free(names[i]);
		free(names);
		return -1;
	}
	if (nn)
		qsort(names, nn, sizeof *names, cmp_str);
	*out = names;
	*n = nn;
	return 0;
}

static int load_files(const char *dir, Triples *out, NkgError *err)
{
	char **names = NULL;
	size_t nn = 0;
	if (nkg_lex_files(dir, &names, &nn)) {
		nkg_error_set(
		        err, NKG_ERR_LEXICON, dir,
		        "%s: cannot open the ontology directory; set "
		        "NKG_ONTOLOGY "
		        "or --ontology to the directory holding newskg.ttl",
		        dir);
		return -1;
	}

	char why[256];
	if (nkg_redland_load(why, sizeof why)) {
		nkg_error_set(err, NKG_ERR_LEXICON, dir, "%s", why);
		return -1;
	}
	int rc = 0;
	librdf_world *w = librdf_new_world();
	librdf_world_open(w);
	LogState ls = {{0}, 0, 0};
	librdf_world_set_logger(w, &ls, logger);
	for (size_t i = 0; i < nn && !rc; i++) {
		size_t pl = strlen(dir) + strlen(names[i]) + 2;
		char *path = malloc(pl);
		snprintf(path, pl, "%s/%s", dir, names[i]);
		librdf_parser *p = librdf_new_parser(w, "turtle", NULL, NULL);
		librdf_uri *u = librdf_new_uri_from_filename(w, path);
		ls.msg[0] = 0;
		ls.errors = 0;
		/* Statements are streamed straight from the parser: a model
		 * would check every new statement against all the others. */
		librdf_stream *s =
		        p && u ? librdf_parser_parse_as_stream(p, u, u) : NULL;
		while (s && !librdf_stream_end(s)) {
			librdf_statement *t = librdf_stream_get_object(s);
			if (out->n == out->cap) {
				size_t cap = out->cap ? out->cap * 2 : 4096;
				Triple *v = realloc(out->v, cap * sizeof *v);
				if (!v)
					break;
				out->v = v;
				out->cap = cap;
			}
			Triple *tr = &out->v[out->n++];
			int l1, l2;
			tr->s = node_str(librdf_statement_get_subject(t), &l1);
			tr->p = node_str(librdf_statement_get_predicate(t),
			                 &l2);
			tr->o = node_str(librdf_statement_get_object(t),
			                 &tr->lit);
			/* blank node ids are per file */
			if (tr->s && tr->s[0] == '_') {
				char *q = malloc(strlen(tr->s) + 24);
				if (q)
					sprintf(q, "%s#%zu", tr->s, i);
				free(tr->s);
				tr->s = q;
			}
			if (!tr->s || !tr->p || !tr->o) {
				out->n--;
				free(tr->s);
				free(tr->p);
				free(tr->o);
				ls.errors++;
				break;
			}
			librdf_stream_next(s);
		}
		if (s)
			librdf_free_stream(s);
		if (!p || !u || !s || ls.errors) {
			nkg_error_set(err, NKG_ERR_LEXICON, path,
			              "%s:%d: %s; fix the lexicon file", path,
			              ls.line,
			              ls.msg[0] ? ls.msg : "cannot parse");
			if (err)
				err->line = ls.line;
			rc = -1;
		}
		if (u)
			librdf_free_uri(u);
		if (p)
			librdf_free_parser(p);
		free(path);
	}
	librdf_free_world(w);
	for (size_t i = 0; i < nn; i++)
		free(names[i]);
	free(names);
	if (!rc && !out->n) {
		nkg_error_set(err, NKG_ERR_LEXICON, dir,
		              "%s: no lexicon data (*.ttl) found in the "
		              "ontology directory",
		              dir);
		rc = -1;
	}
	return rc;
}

/* ---- compiling ---- */

typedef struct {
	Triple *t;
	size_t n;
} Subject;

static const char *first(const Subject *s, const char *p)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->t[i].p, p))
			return s->t[i].o;
	return NULL;
}

static int has(const Subject *s, const char *p, const char *o)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->t[i].p, p) && !strcmp(s->t[i].o, o))
			return 1;
	return 0;
}

#define EACH(s, pred, var)                                                     \
	for (size_t _i = 0; _i < (s)->n; _i++)                                 \
		for (const char *var = !strcmp((s)->t[_i].p, (pred))           \
		                               ? (s)->t[_i].o                  \
		                               : NULL;                         \
		     var; var = NULL)

/* A demonym of actor IDX, and its plural as a people's noun ("Cubans"). */
static int add_demonym(NkgLexicon *lx, const char *dm, size_t idx)
{
	if (add_label(lx, dm, LX_DEMONYM, idx, 0))
		return -1;
	size_t dl = strlen(dm);
	if (dl > 3 && dm[dl - 1] != 's' && strcmp(dm + dl - 3, "ese") &&
	    strcmp(dm + dl - 2, "sh") && strcmp(dm + dl - 2, "ch")) {
		char *pl = cat(dm, "s");
		add_label(lx, pl, LX_DEMONYM_PL, idx, 0);
		free(pl);
	}
	return 0;
}

static int role_from_iri(const char *iri)
{
	const char *ln = strrchr(iri, '#');
	ln = ln ? ln + 1 : iri;
	for (int r = 0; r < NKG_ROLE_COUNT; r++)
		if (!strcmp(nkg_role_names[r], ln))
			return r;
	return -1;
}

static int role_from_qname(const char *q)
{
	const char *c = strchr(q, ':');
	const char *ln = c ? c + 1 : q;
	const char *h = strrchr(ln, '#');
	if (h)
		ln = h + 1;
	for (int r = 0; r < NKG_ROLE_COUNT; r++)
		if (!strcmp(nkg_role_names[r], ln))
			return r;
	return -1;
}

#define PUSH(arr, n, val)                                                      \
	do {                                                                   \
		void *_p = realloc((arr), ((n) + 1) * sizeof *(arr));          \
		if (!_p)                                                       \
			return -1;                                             \
		(arr) = _p;                                                    \
		(arr)[(n)++] = (val);                                          \
	} while (0)

typedef struct {
	char *lemma;
	char **forms;
	size_t n;
} Irregular;

static int add_verb_forms(NkgLexicon *lx, const char *head,
                          const Irregular *irr, size_t nirr, size_t vidx)
{
	char *f[5];
	inflect(head, f);
	int rc = add_key(lx, head, 1, LX_VERB, vidx, FORM_BASE);
	if (f[0])
		rc |= add_key(lx, f[0], 1, LX_VERB, vidx, FORM_S);
	if (f[1])
		rc |= add_key(lx, f[1], 1, LX_VERB, vidx, FORM_PAST);
	if (f[2])
		rc |= add_key(lx, f[2], 1, LX_VERB, vidx, FORM_ING);
	if (f[3])
		rc |= add_key(lx, f[3], 1, LX_VERB, vidx, FORM_PAST);
	if (f[4])
		rc |= add_key(lx, f[4], 1, LX_VERB, vidx, FORM_ING);
	for (int i = 0; i < 5; i++)
		free(f[i]);
	for (size_t i = 0; i < nirr; i++) {
		if (strcmp(irr[i].lemma, head))
			continue;
		for (size_t k = 0; k < irr[i].n; k++)
			rc |= add_key(lx, irr[i].forms[k], 1, LX_VERB, vidx,
			              FORM_PAST);
	}
	return rc;
}

static int add_iri_key(NkgLexicon *lx, const char *iri, LexKind kind,
                       size_t idx)
{
	size_t l = strlen(iri);
	char *k = malloc(l + 2);
	if (!k)
		return -1;
	k[0] = '\001';
	memcpy(k + 1, iri, l + 1);
	int rc = add_key(lx, k, 1, kind, idx, 0);
	free(k);
	return rc;
}

static const LexEntry *iri_entry(const NkgLexicon *lx, const char *iri,
                                 LexKind kind)
{
	char buf[512];
	size_t l = strlen(iri);
	char *k = l + 2 <= sizeof buf ? buf : malloc(l + 2);
	if (!k)
		return NULL;
	k[0] = '\001';
	memcpy(k + 1, iri, l + 1);
	const LexSlot *s = nkg_lex_lookup(lx, k);
	if (k != buf)
		free(k);
	for (size_t i = 0; s && i < s->n; i++)
		if (s->v[i].kind == kind)
			return &s->v[i];
	return NULL;
}

static int compile(NkgLexicon *lx, Triples *tr)
{
	qsort(tr->v, tr->n, sizeof *tr->v, cmp_triple);
	Subject *subs = NULL;
	size_t ns = 0;
	for (size_t i = 0; i < tr->n;) {
		size_t j = i;
		while (j < tr->n && !strcmp(tr->v[j].s, tr->v[i].s))
			j++;
		Subject s = {&tr->v[i], j - i};
		PUSH(subs, ns, s);
		i = j;
	}

	/* Pass 1: classes and irregular verbs. */
	Irregular *irr = NULL;
	size_t nirr = 0;
	for (size_t i = 0; i < ns; i++) {
		Subject *s = &subs[i];
		const char *iri = s->t[0].s;
		if (has(s, RDF "type", LEX "Verb")) {
			Irregular r = {0};
			const char *l = first(s, RDFS "label");
			if (!l)
				continue;
			r.lemma = nkg_fold(l, strlen(l));
			EACH(s, LEX "form", f)
			{
				char *k = nkg_fold(f, strlen(f));
				PUSH(r.forms, r.n, k);
			}
			PUSH(irr, nirr, r);
		}
		if (!strncmp(iri, NKG_NS, strlen(NKG_NS)) &&
		    (has(s, RDF "type", OWL "Class") ||
		     has(s, RDF "type", RDFS "Class") ||
		     first(s, RDFS "subClassOf") ||
		     first(s, LEX "intentClass"))) {
			LexClass c = {0};
			c.iri = nkg_strdup(iri);
			EACH(s, RDFS "subClassOf", sup)
			{
				if (!c.super &&
				    !strncmp(sup, NKG_NS, strlen(NKG_NS)))
					c.super = nkg_strdup(sup);
			}
			const char *l = first(s, RDFS "label");
			c.label = nkg_strdup(l ? l : iri + strlen(NKG_NS));
			const char *ic = first(s, LEX "intentClass");
			c.intent = ic ? nkg_strdup(ic) : NULL;
			PUSH(lx->classes, lx->n_classes, c);
		}
	}

	/* Pass 2: everything else. */
	for (size_t i = 0; i < ns; i++) {
		Subject *s = &subs[i];
		const char *iri = s->t[0].s;
		const char *label = first(s, RDFS "label");
		NkgActorKind kind;
		int is_actor = 1;
		if (has(s, RDF "type", NKG_NS "Country"))
			kind = NKG_KIND_COUNTRY;
		else if (has(s, RDF "type", NKG_NS "Person"))
			kind = NKG_KIND_PERSON;
		else if (has(s, RDF "type", NKG_NS "Organization"))
			kind = NKG_KIND_ORGANIZATION;
		else if (has(s, RDF "type", NKG_NS "Group"))
			kind = NKG_KIND_GROUP;
		else
			is_actor = 0;
		if (is_actor && label && iri[0] != '_') {
			static const char *const cls[] = {
			        "Country", "Person", "Organization", "Group"};
			LexActor a = {0};
			size_t idx = lx->n_actors;
			a.iri = nkg_strdup(iri);
			a.kind = kind;
			a.cls = cat(NKG_NS, cls[kind]);
			a.label = nkg_strdup(label);
			const char *c = first(s, NKG_NS "countryCode");
			a.code = c ? nkg_strdup(c) : NULL;
			const char *sa = first(s, OWL "sameAs");
			a.same_as = sa ? nkg_strdup(sa) : NULL;
			const char *sec = first(s, NKG_NS "sector");
			a.sector = sec ? nkg_strdup(sec) : NULL;
			const char *g = first(s, LEX "gender");
			a.gender = g ? (!strcmp(g, "female") ? 2
			                : !strcmp(g, "male") ? 1
			                                     : 0)
			             : 0;
			EACH(s, NKG_NS "affiliatedWith", af)
			{
				char *x = nkg_strdup(af);
				PUSH(a.affil_iris, a.n_affil, x);
			}
			if (add_label(lx, label, LX_ACTOR, idx, 0))
				return -1;
			EACH(s, SKOS "altLabel", al)
			{
				char *x = nkg_strdup(al);
				PUSH(a.alts, a.n_alts, x);
				if (add_label(lx, al, LX_ACTOR, idx, 0))
					return -1;
			}
			/* the one lex:demonym names the country's bodies
			 * ("Croatian police"); lex:otherDemonym ("Croat") is
			 * matched as well */
			EACH(s, LEX "demonym", dm)
			{
				if (!a.demonym)
					a.demonym = nkg_strdup(dm);
				if (add_demonym(lx, dm, idx))
					return -1;
			}
			EACH(s, LEX "otherDemonym", dm)
			{
				if (add_demonym(lx, dm, idx))
					return -1;
			}
			EACH(s, LEX "metonym", mt)
			{
				if (add_label(lx, mt, LX_METONYM, idx, 0))
					return -1;
			}
			/* regions are recognised as metonyms are: "in Darfur",
			 * "Darfur rebels" */
			EACH(s, LEX "region", rg)
			{
				if (add_label(lx, rg, LX_METONYM, idx, 0))
					return -1;
			}
			if (kind == NKG_KIND_PERSON) {
				/* lex:surname where the last word is not it
				 * ("Xi Jinping" is Xi); "al-Assad" also
				 * answers to "Assad" */
				const char *given = first(s, LEX "surname");
				size_t nt;
				char *key = nkg_phrase_key(
				        given ? given : label, &nt);
				if (key && (nt >= 2 || given)) {
					const char *sp = strrchr(key, ' ');
					const char *sur = sp ? sp + 1 : key;
					if (strlen(sur) > 2 &&
					    strcmp(sur, "jr.") &&
					    strcmp(sur, "jr"))
						add_key(lx, sur, 1, LX_SURNAME,
						        idx, 0);
					if (!strncmp(sur, "al-", 3) ||
					    !strncmp(sur, "el-", 3))
						add_key(lx, sur + 3, 1,
						        LX_SURNAME, idx, 0);
				}
				free(key);
			}
			PUSH(lx->actors, lx->n_actors, a);
			continue;
		}
		if (!label)
			continue;
		if (has(s, RDF "type", LEX "Title")) {
			LexTitle t = {nkg_strdup(label), NULL};
			const char *sec = first(s, NKG_NS "sector");
			t.sector = sec ? nkg_strdup(sec) : NULL;
			size_t idx = lx->n_titles;
			PUSH(lx->titles, lx->n_titles, t);
			add_noun(lx, label, LX_TITLE, idx);
			EACH(s, LEX "form", f)
			{
				add_noun(lx, f, LX_TITLE, idx);
			}
		} else if (has(s, RDF "type", LEX "StatusWord")) {
			const char *st = first(s, NKG_NS "status");
			char *v = nkg_strdup(st ? st : "current");
			size_t idx = lx->n_statuses;
			PUSH(lx->statuses, lx->n_statuses, v);
			add_label(lx, label, LX_STATUS, idx, 0);
			EACH(s, LEX "form", f)
			{
				add_label(lx, f, LX_STATUS, idx, 0);
			}
		} else if (has(s, RDF "type", LEX "GroupNoun")) {
			LexGroup gr = {nkg_strdup(label), NKG_KIND_GROUP, NULL};
			const char *ac = first(s, LEX "actorClass");
			if (ac && !strcmp(ac, NKG_NS "Organization"))
				gr.kind = NKG_KIND_ORGANIZATION;
			const char *sec = first(s, NKG_NS "sector");
			gr.sector = sec ? nkg_strdup(sec) : NULL;
			size_t idx = lx->n_groups;
			PUSH(lx->groups, lx->n_groups, gr);
			add_noun(lx, label, LX_GROUP, idx);
			EACH(s, LEX "form", f)
			{
				add_noun(lx, f, LX_GROUP, idx);
			}
		} else if (has(s, RDF "type", LEX "OrgHead")) {
			const char *sec = first(s, NKG_NS "sector");
			char *v = nkg_strdup(sec ? sec : "");
			size_t idx = lx->n_orgheads;
			PUSH(lx->orgheads, lx->n_orgheads, v);
			add_noun(lx, label, LX_ORGHEAD, idx);
			EACH(s, LEX "form", f)
			{
				add_noun(lx, f, LX_ORGHEAD, idx);
			}
		} else if (has(s, RDF "type", LEX "Month") ||
		           has(s, RDF "type", LEX "Weekday")) {
			int month = has(s, RDF "type", LEX "Month");
			const char *num = first(s, LEX "number");
			int v = num ? atoi(num) : 0;
			size_t idx;
			if (month) {
				idx = lx->n_months;
				PUSH(lx->months, lx->n_months, v);
			} else {
				idx = lx->n_weekdays;
				PUSH(lx->weekdays, lx->n_weekdays, v);
			}
			LexKind k = month ? LX_MONTH : LX_WEEKDAY;
			add_label(lx, label, k, idx, 0);
			EACH(s, LEX "form", f)
			{
				/* "Jan." is matched as "jan" followed by "." */
				size_t fl = strlen(f);
				char *x = nkg_strdup(f);
				if (fl > 1 && x[fl - 1] == '.')
					x[fl - 1] = '\0';
				add_label(lx, x, k, idx, 0);
				free(x);
			}
		} else if (has(s, RDF "type", LEX "Pronoun")) {
			const char *g = first(s, LEX "gender");
			int v = !g                           ? 3
			        : !strcmp(g, "male")         ? 1
			        : !strcmp(g, "female")       ? 2
			        : !strcmp(g, "plural")       ? 4
			        : !strcmp(g, "country")      ? 5
			        : !strcmp(g, "group")        ? 6
			        : !strcmp(g, "organization") ? 7
			        : !strcmp(g, "name")         ? 8
			                                     : 3;
			size_t idx = lx->n_pronouns;
			PUSH(lx->pronouns, lx->n_pronouns, v);
			add_label(lx, label, LX_PRONOUN, idx, 0);
		} else if (has(s, RDF "type", LEX "Cue")) {
			const char *m = first(s, NKG_NS "modality");
			if (!m)
				continue;
			const char *h = strrchr(m, '#');
			LexCue c = {nkg_strdup(h ? h + 1 : m)};
			size_t idx = lx->n_cues;
			PUSH(lx->cues, lx->n_cues, c);
			add_label(lx, label, LX_CUE, idx, 0);
		} else if (has(s, RDF "type", LEX "SpeechVerb")) {
			char *k = nkg_fold(label, strlen(label));
			char *f[5];
			inflect(k, f);
			add_key(lx, k, 1, LX_SPEECH, 0, FORM_BASE);
			for (int q = 0; q < 5; q++) {
				if (f[q])
					add_key(lx, f[q], 1, LX_SPEECH, 0,
					        q == 0             ? FORM_S
					        : q == 2 || q == 4 ? FORM_ING
					                           : FORM_PAST);
				free(f[q]);
			}
			for (size_t q = 0; q < nirr; q++)
				if (!strcmp(irr[q].lemma, k))
					for (size_t z = 0; z < irr[q].n; z++)
						add_key(lx, irr[q].forms[z], 1,
						        LX_SPEECH, 0,
						        FORM_PAST);
			free(k);
		} else if (has(s, RDF "type", LEX "ObjectNoun")) {
			char *v = nkg_strdup(label);
			size_t idx = lx->n_objects;
			PUSH(lx->objects, lx->n_objects, v);
			add_noun(lx, label, LX_OBJECT, idx);
		} else if (has(s, RDF "type", LEX "SourceNoun")) {
			add_noun(lx, label, LX_SOURCE, 0);
		} else if (has(s, RDF "type", LEX "OtherPartyNoun")) {
			add_noun(lx, label, LX_OTHER, 0);
		} else if (has(s, RDF "type", LEX "Abbreviation")) {
			size_t fl = strlen(label);
			char *x = nkg_strdup(label);
			if (fl > 1 && x[fl - 1] == '.')
				x[fl - 1] = '\0';
			if (!strchr(x, '.'))
				add_label(lx, x, LX_ABBREV, 0, 0);
			free(x);
		}
	}

	/* IRIs of actors and classes, found by hash like phrases; the
	 * leading \001 keeps them apart from any folded text */
	for (size_t i = 0; i < lx->n_actors; i++)
		if (add_iri_key(lx, lx->actors[i].iri, LX_ACTOR_IRI, i))
			return -1;
	for (size_t i = 0; i < lx->n_classes; i++)
		if (add_iri_key(lx, lx->classes[i].iri, LX_CLASS_IRI, i))
			return -1;

	/* Pass 3: event patterns (need classes and irregular verbs). */
	for (size_t i = 0; i < ns; i++) {
		Subject *s = &subs[i];
		if (!has(s, RDF "type", LEX "EventPattern"))
			continue;
		const char *cls = first(s, LEX "eventClass");
		if (!cls)
			continue;
		LexPattern p = {0};
		p.iri = nkg_strdup(s->t[0].s);
		p.cls = nkg_strdup(cls);
		const LexClass *c = nkg_lex_class(lx, cls);
		p.cls_label = nkg_strdup(c ? c->label : cls);
		const LexClass *top = nkg_lex_top_class(lx, cls);
		p.top_label = nkg_strdup(top ? top->label : p.cls_label);
		p.intent_cls =
		        top && top->intent ? nkg_strdup(top->intent) : NULL;
		const char *v = first(s, LEX "symmetric");
		p.symmetric = v && (!strcmp(v, "true") || !strcmp(v, "1"));
		v = first(s, LEX "control");
		p.control = v && (!strcmp(v, "true") || !strcmp(v, "1"));
		v = first(s, LEX "priority");
		p.priority = v ? atoi(v) : 0;
		v = first(s, LEX "after");
		p.after = v ? role_from_iri(v) : NKG_ROLE_TARGET;
		if (v && !strcmp(v, LEX "none"))
			p.after = -1; /* the direct object is a topic, not a
			                 party */
		else if (p.after < 0)
			p.after = NKG_ROLE_TARGET;
		v = first(s, LEX "nounLeft");
		p.noun_left = v ? role_from_iri(v) : -1;
		v = first(s, LEX "possessor");
		p.possessor = v ? role_from_iri(v) : -1;
		v = first(s, LEX "subject");
		p.subject = v ? role_from_iri(v) : -1;
		v = first(s, LEX "speaker");
		p.speaker = v ? role_from_iri(v) : -1;
		v = first(s, LEX "needsTarget");
		p.needs_target = v && (!strcmp(v, "true") || !strcmp(v, "1"));
		v = first(s, LEX "ownObject");
		p.own_object = v && (!strcmp(v, "true") || !strcmp(v, "1"));
		EACH(s, LEX "prep", pr)
		{
			char word[64], role[128];
			if (sscanf(pr, "%63s %127s", word, role) == 2) {
				LexPrep lp = {nkg_fold(word, strlen(word)),
				              role_from_qname(role)};
				if (lp.role >= 0)
					PUSH(p.preps, p.n_preps, lp);
				else
					free(lp.key);
			}
		}
		size_t pidx = lx->n_patterns;
		PUSH(lx->patterns, lx->n_patterns, p);
		EACH(s, LEX "verb", vb)
		{
			size_t nt;
			char *key = nkg_phrase_key(vb, &nt);
			if (!key)
				return -1;
			LexVerbPhrase ph = {(uint32_t)pidx, NULL, 0};
			char *save = NULL, *head = NULL;
			for (char *w = strtok_r(key, " ", &save); w;
			     w = strtok_r(NULL, " ", &save)) {
				if (!strcmp(w, ".") ||
				    !strcmp(w, "\xe2\x80\xa6") ||
				    !strcmp(w, "*"))
					continue;
				if (!head) {
					head = w;
					continue;
				}
				char *x = nkg_strdup(w);
				PUSH(ph.rest, ph.n_rest, x);
			}
			if (head) {
				size_t vidx = lx->n_verbs;
				char *h = nkg_strdup(head);
				PUSH(lx->verbs, lx->n_verbs, ph);
				add_verb_forms(lx, h, irr, nirr, vidx);
				free(h);
			} else {
				free(ph.rest);
			}
			free(key);
		}
		EACH(s, LEX "noun", nn)
		{
			add_noun(lx, nn, LX_NOUN, pidx);
		}
	}

	for (size_t i = 0; i < nirr; i++) {
		free(irr[i].lemma);
		for (size_t k = 0; k < irr[i].n; k++)
			free(irr[i].forms[k]);
		free(irr[i].forms);
	}
	free(irr);
	free(subs);
	return 0;
}

const LexClass *nkg_lex_class(const NkgLexicon *lx, const char *iri)
{
	const LexEntry *e = iri_entry(lx, iri, LX_CLASS_IRI);
	return e && e->idx < lx->n_classes ? &lx->classes[e->idx] : NULL;
}

const LexClass *nkg_lex_top_class(const NkgLexicon *lx, const char *iri)
{
	const LexClass *c = nkg_lex_class(lx, iri);
	for (int depth = 0; c && depth < 16; depth++) {
		if (c->super && !strcmp(c->super, NKG_NS "Event"))
			return c;
		c = c->super ? nkg_lex_class(lx, c->super) : NULL;
	}
	return NULL;
}

size_t nkg_lex_find_actor(const NkgLexicon *lx, const char *iri)
{
	const LexEntry *e = iri_entry(lx, iri, LX_ACTOR_IRI);
	return e && e->idx < lx->n_actors ? e->idx : NKG_NONE;
}

int nkg_lex_is_abbrev(const void *ctx, const char *key)
{
	const LexSlot *s = nkg_lex_lookup(ctx, key);
	if (!s)
		return 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].kind == LX_ABBREV)
			return 1;
	return 0;
}

static NkgStatus compile_dir(const char *dir, NkgLexicon **out, NkgError *err);

static NkgStatus load_lexicon(const char *dir, NkgLexicon **out, NkgError *err)
{
	*out = NULL;
	/* the compiled cache, when it was made from these very files */
	uint64_t key = 0;
	char *cache =
	        nkg_lexcache_key(dir, &key) ? NULL : nkg_lexcache_path(key);
	if (cache) {
		NkgLexicon *lx = nkg_lexcache_read(cache, key);
		if (lx) {
			free(cache);
			*out = lx;
			return NKG_SUCCESS;
		}
	}
	NkgStatus st = compile_dir(dir, out, err);
	/* a cache that cannot be written only costs time */
	if (st == NKG_SUCCESS && cache && nkg_lexcache_mkdir(cache) == 0)
		(void)nkg_lexcache_write(cache, key, *out);
	free(cache);
	return st;
}

const NkgLang *nkg_lexicon_lang(const NkgLexicon *lex)
{
	return lex ? lex->lang : NULL;
}

/* The extractor reads the sentences through the linguistic layer, so its
 * data comes with the lexicon. */
#ifndef NKG_DATADIR
#define NKG_DATADIR "/usr/local/share/newskg/ontology"
#endif

NkgStatus nkg_lexicon_load(const char *dir, NkgLexicon **out, NkgError *err)
{
	if (!dir) {
		const char *env = getenv("NKG_ONTOLOGY");
		dir = env && *env ? env : NKG_DATADIR;
	}
	NkgStatus st = load_lexicon(dir, out, err);
	if (st)
		return st;
	NkgLexicon *lx = *out;
	lx->probe = malloc(lx->n_slots * sizeof *lx->probe);
	for (size_t i = 0; lx->probe && i < lx->n_slots; i++)
		lx->probe[i] = lx->slots[i].key
		                       ? nkg_lex_probe_tag(lx->slots[i].hash)
		                       : 0;
	st = nkg_lang_load(&(*out)->lang, err);
	if (st) {
		nkg_lexicon_free(*out);
		*out = NULL;
	}
	return st;
}

static NkgStatus compile_dir(const char *dir, NkgLexicon **out, NkgError *err)
{
	Triples tr = {0};
	if (load_files(dir, &tr, err)) {
		for (size_t i = 0; i < tr.n; i++) {
			free(tr.v[i].s);
			free(tr.v[i].p);
			free(tr.v[i].o);
		}
		free(tr.v);
		return NKG_ERR_LEXICON;
	}
	NkgLexicon *lx = calloc(1, sizeof *lx);
	int rc = lx ? compile(lx, &tr) : -1;
	for (size_t i = 0; i < tr.n; i++) {
		free(tr.v[i].s);
		free(tr.v[i].p);
		free(tr.v[i].o);
	}
	free(tr.v);
	if (rc) {
		nkg_lexicon_free(lx);
		nkg_error_set(err, NKG_ERR_INTERNAL, dir, "%s: out of memory",
		              dir);
		return NKG_ERR_INTERNAL;
	}
	*out = lx;
	return NKG_SUCCESS;
}

/* A string of LX: in its one block when read from the cache. */
static void free_str(const NkgLexicon *lx, char *s)
{
	if (!lx->strings)
		free(s);
}

static void free_strs(const NkgLexicon *lx, char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free_str(lx, v[i]);
	free(v);
}

void nkg_lexicon_free(NkgLexicon *lx)
{
	if (!lx)
		return;
	nkg_lang_free(lx->lang);
	nkg_extract_release_thread();
	for (size_t i = 0; i < lx->n_slots; i++) {
		free_str(lx, lx->slots[i].key);
		free(lx->slots[i].v);
	}
	free(lx->slots);
	free(lx->probe);
	for (size_t i = 0; i < lx->n_actors; i++) {
		LexActor *a = &lx->actors[i];
		free_str(lx, a->iri);
		free_str(lx, a->cls);
		free_str(lx, a->label);
		free_strs(lx, a->alts, a->n_alts);
		free_str(lx, a->code);
		free_str(lx, a->same_as);
		free_str(lx, a->sector);
		free_strs(lx, a->affil_iris, a->n_affil);
		free_str(lx, a->demonym);
	}
	free(lx->actors);
	for (size_t i = 0; i < lx->n_titles; i++) {
		free_str(lx, lx->titles[i].label);
		free_str(lx, lx->titles[i].sector);
	}
	free(lx->titles);
	free_strs(lx, lx->statuses, lx->n_statuses);
	for (size_t i = 0; i < lx->n_groups; i++) {
		free_str(lx, lx->groups[i].label);
		free_str(lx, lx->groups[i].sector);
	}
	free(lx->groups);
	free_strs(lx, lx->orgheads, lx->n_orgheads);
	free(lx->months);
	free(lx->weekdays);
	free(lx->pronouns);
	for (size_t i = 0; i < lx->n_cues; i++)
		free_str(lx, lx->cues[i].modality);
	free(lx->cues);
	free_strs(lx, lx->objects, lx->n_objects);
	for (size_t i = 0; i < lx->n_patterns; i++) {
		LexPattern *p = &lx->patterns[i];
		free_str(lx, p->iri);
		free_str(lx, p->cls);
		free_str(lx, p->cls_label);
		free_str(lx, p->top_label);
		free_str(lx, p->intent_cls);
		for (size_t k = 0; k < p->n_preps; k++)
			free_str(lx, p->preps[k].key);
		free(p->preps);
	}
	free(lx->patterns);
	for (size_t i = 0; i < lx->n_verbs; i++)
		free_strs(lx, lx->verbs[i].rest, lx->verbs[i].n_rest);
	free(lx->verbs);
	for (size_t i = 0; i < lx->n_classes; i++) {
		free_str(lx, lx->classes[i].iri);
		free_str(lx, lx->classes[i].super);
		free_str(lx, lx->classes[i].label);
		free_str(lx, lx->classes[i].intent);
	}
	free(lx->classes);
	free(lx->strings);
	free(lx);
}
