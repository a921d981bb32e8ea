/* extract.c: from tokens to actors and posts, and the document loop.
 *
 * One pass per sentence:
 *   1. spans: every lexicon phrase that starts at each token (longest first);
 *   2. actors: noun phrases that name an actor: known names, "Cuban Foreign
 *      Minister Bruno Rodriguez" (country word, title, name), "Cuban security
 *      advisers" (country word, group noun), "New York University" (a
 *      capitalised name with an organisation head), appositions ("Frank Mora,
 *      who served as ambassador"), surnames and pronouns resolved against the
 *      document so far;
 *   3. triggers (triggers.c);
 *   4. events with their roles, modality, attribution and dates (frames.c).
 * The graph (graph.c) owns the nodes; these files decide what they are.
 */
#include "extract/extract.h"
#include "extract/internal.h"

#include "extract/dates.h"
#include "extract/english.h"
#include "lexicon/lexicon.h"
#include "text/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------- small helpers ---------- */

static char *span_text(const Ctx *c, size_t t0, size_t t1)
{
	size_t b0 = tok(c, t0)->b0, b1 = tok(c, t1 - 1)->b1;
	char *s = malloc(b1 - b0 + 1);
	if (!s)
		return NULL;
	/* collapse runs of white space (line breaks inside a name) */
	size_t o = 0;
	int sp = 0;
	for (size_t i = b0; i < b1; i++) {
		char ch = c->text[i];
		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
			sp = 1;
			continue;
		}
		if (sp && o)
			s[o++] = ' ';
		sp = 0;
		s[o++] = ch;
	}
	s[o] = '\0';
	return s;
}

/* Fills the cache of phrases starting at token I of the current sentence:
 * one hash lookup per span length, stopping at the first span that is
 * neither a phrase nor the prefix of one. */
static void fill_cache(Ctx *c, size_t i)
{
	const LexSlot **row = &c->cache[(i - c->s0) * (MAX_SPAN + 1)];
	char buf[512];
	size_t o = 0;
	size_t max = c->lx->max_ntok < MAX_SPAN ? c->lx->max_ntok : MAX_SPAN;
	size_t last = 0;
	uint32_t h = 2166136261u; /* nkg_hash() of buf, kept up to date */
	for (size_t n = 1; n <= max && i + n <= c->s1; n++) {
		const char *kk = key(c, i + n - 1);
		size_t l = strlen(kk);
		if (o + l + 2 >= sizeof buf)
			break;
		if (n > 1) {
			buf[o++] = ' ';
			h = (h ^ ' ') * 16777619u;
		}
		memcpy(buf + o, kk, l);
		for (size_t k = 0; k < l; k++)
			h = (h ^ (unsigned char)kk[k]) * 16777619u;
		o += l;
		buf[o] = '\0';
		row[n] = nkg_lex_lookup_hashed(c->lx, buf, h);
		if (!row[n])
			break;
		last = n;
	}
	/* 1 + the longest span with entries or prefixes */
	c->cached[i - c->s0] = (char)(last + 1);
}

/* Entries of the phrase of N tokens starting at I, or NULL. */
const LexSlot *ex_lookup(const Ctx *c, size_t i, size_t n, size_t end)
{
	if (i + n > end || n > MAX_SPAN || n == 0)
		return NULL;
	if (i >= c->s0 && i < c->s1 && i + n <= c->s1) {
		if (!c->cached[i - c->s0])
			fill_cache((Ctx *)c, i);
		return c->cache[(i - c->s0) * (MAX_SPAN + 1) + n];
	}
	return NULL;
}

/* Longest phrase at I with an entry of KIND; returns its length (0 if none)
 * and the entry. */
size_t ex_longest(const Ctx *c, size_t i, size_t end, LexKind kind,
                      const LexEntry **out)
{
	size_t max = c->lx->max_ntok < MAX_SPAN ? c->lx->max_ntok : MAX_SPAN;
	if (i >= c->s0 && i < c->s1) {
		/* nothing is longer than the cached row */
		if (!c->cached[i - c->s0])
			fill_cache((Ctx *)c, i);
		size_t filled = (size_t)c->cached[i - c->s0] - 1;
		if (filled < max)
			max = filled;
	}
	for (size_t n = max; n >= 1; n--) {
		const LexSlot *s = ex_lookup(c, i, n, end);
		if (!s)
			continue;
		for (size_t k = 0; k < s->n; k++)
			if (s->v[k].kind == kind) {
				if (out)
					*out = &s->v[k];
				return n;
			}
	}
	return 0;
}

/* Is the single word at I an entry of KIND? */
int ex_has_kind(const Ctx *c, size_t i, size_t end, LexKind kind)
{
	const LexSlot *s = ex_lookup(c, i, 1, end);
	if (!s)
		return 0;
	for (size_t k = 0; k < s->n; k++)
		if (s->v[k].kind == kind && s->v[k].ntok == 1)
			return 1;
	return 0;
}

/* ---------- actors in the graph ---------- */

static size_t add_lex_actor(Ctx *c, size_t li, int depth);

static void note_src(Ctx *c, size_t gi, size_t li)
{
	if (gi == NKG_NONE)
		return;
	if (gi >= c->n_src) {
		size_t n = gi + 64;
		size_t *p = realloc(c->src_lex, n * sizeof *p);
		if (!p)
			return;
		for (size_t i = c->n_src; i < n; i++)
			p[i] = NKG_NONE;
		c->src_lex = p;
		c->n_src = n;
	}
	c->src_lex[gi] = li;
}

static size_t lex_of(const Ctx *c, size_t gi)
{
	return gi < c->n_src ? c->src_lex[gi] : NKG_NONE;
}

static size_t add_lex_actor(Ctx *c, size_t li, int depth)
{
	const LexActor *la = &c->lx->actors[li];
	size_t gi = nkg_graph_find_actor(c->g, la->iri);
	if (gi != NKG_NONE)
		return gi;
	gi = nkg_graph_actor(c->g, la->iri, la->kind, la->cls, la->label);
	if (gi == NKG_NONE)
		return gi;
	note_src(c, gi, li);
	NkgActor *a = &c->g->actors[gi];
	a->known = 1;
	nkg_set_str(&a->code, la->code);
	nkg_set_str(&a->same_as, la->same_as);
	nkg_set_str(&a->sector, la->sector);
	for (size_t k = 0; k < la->n_alts; k++)
		nkg_actor_add_alt(&c->g->actors[gi], la->alts[k]);
	if (depth < 3) {
		for (size_t k = 0; k < la->n_affil; k++) {
			size_t lj = nkg_lex_find_actor(c->lx, la->affil_iris[k]);
			if (lj == NKG_NONE)
				continue;
			size_t gj = add_lex_actor(c, lj, depth + 1);
			if (gj != NKG_NONE)
				nkg_idx_add(&c->g->actors[gi].affiliations, gj);
		}
	}
	return gi;
}

static size_t add_new_actor(Ctx *c, const char *iri, NkgActorKind kind,
                            const char *label, const char *sector)
{
	static const char *const cls[] = {NKG_NS "Country", NKG_NS "Person",
	                                  NKG_NS "Organization", NKG_NS "Group"};
	size_t gi = nkg_graph_actor(c->g, iri, kind, cls[kind], label);
	if (gi != NKG_NONE && sector && !c->g->actors[gi].sector)
		nkg_set_str(&c->g->actors[gi].sector, sector);
	return gi;
}

static void salience_bump(Ctx *c, size_t gi)
{
	for (size_t i = 0; i < c->n_sal; i++)
		if (c->sal[i].actor == gi) {
			c->sal[i].count++;
			c->sal[i].last_sent = c->sent;
			return;
		}
	if (c->n_sal == c->cap_sal) {
		size_t n = c->cap_sal ? c->cap_sal * 2 : 32;
		Salience *p = realloc(c->sal, n * sizeof *p);
		if (!p)
			return;
		c->sal = p;
		c->cap_sal = n;
	}
	Salience s = {gi, 1, c->sent};
	c->sal[c->n_sal++] = s;
}

static size_t salience_count(const Ctx *c, size_t gi)
{
	for (size_t i = 0; i < c->n_sal; i++)
		if (c->sal[i].actor == gi)
			return c->sal[i].count;
	return 0;
}

static size_t push_mention(Ctx *c, size_t t0, size_t t1, size_t gi,
                           unsigned flags)
{
	if (gi == NKG_NONE)
		return NKG_NONE;
	if (c->n_am == c->cap_am) {
		size_t n = c->cap_am ? c->cap_am * 2 : 16;
		AMention *p = realloc(c->am, n * sizeof *p);
		if (!p)
			return NKG_NONE;
		c->am = p;
		c->cap_am = n;
	}
	AMention m = {t0, t1, gi, flags, NKG_NONE, NKG_NONE};
	c->am[c->n_am] = m;
	nkg_idx_add(&c->g->actors[gi].mentions, c->mention);
	salience_bump(c, gi);
	return c->n_am++;
}

/* Country (or org) of a country word at I: label, alias, demonym or
 * metonym.  Returns its length and the lexicon actor. */
static size_t country_word(const Ctx *c, size_t i, size_t end, size_t *li,
                           LexKind *how)
{
	static const LexKind kinds[] = {LX_ACTOR, LX_DEMONYM, LX_METONYM};
	size_t best = 0;
	for (size_t k = 0; k < 3; k++) {
		const LexEntry *e;
		size_t n = ex_longest(c, i, end, kinds[k], &e);
		if (n > best) {
			const LexActor *a = &c->lx->actors[e->idx];
			if (kinds[k] == LX_ACTOR && a->kind != NKG_KIND_COUNTRY &&
			    a->kind != NKG_KIND_ORGANIZATION)
				continue;
			best = n;
			*li = e->idx;
			*how = kinds[k];
		}
	}
	/* Country words are proper nouns: "us" is not the U.S. */
	if (best && !is_cap(c, i))
		return 0;
	return best;
}

static int name_particle(const char *k);

static int is_name_token(const Ctx *c, size_t i, size_t end)
{
	if (i >= end || !is_word(c, i))
		return 0;
	const NkgToken *t = tok(c, i);
	if (!(t->flags & NKG_TOK_CAP)) {
		/* "al-Sisi" as one token: a particle, a hyphen, a capital */
		const char *h = strchr(t->key, '-');
		const char *raw = c->text + t->b0;
		if (!h || (size_t)(h - t->key) + 1 >= t->b1 - t->b0)
			return 0;
		char part[8];
		size_t pl = (size_t)(h - t->key);
		if (pl >= sizeof part)
			return 0;
		memcpy(part, t->key, pl);
		part[pl] = '\0';
		if (!name_particle(part) || !(raw[pl] == '-' && raw[pl + 1] >= 'A' && raw[pl + 1] <= 'Z'))
			return 0;
	}
	if (t->flags & NKG_TOK_NUM)
		return 0;
	const LexSlot *s = ex_lookup(c, i, 1, end);
	if (s)
		for (size_t k = 0; k < s->n; k++) {
			LexKind kd = s->v[k].kind;
			if (kd == LX_TITLE || kd == LX_STATUS || kd == LX_MONTH ||
			    kd == LX_WEEKDAY || kd == LX_PRONOUN || kd == LX_DEMONYM ||
			    kd == LX_METONYM || kd == LX_GROUP || kd == LX_VERB ||
			    kd == LX_SPEECH || kd == LX_CUE || kd == LX_ORGHEAD)
				return 0;
			if (kd == LX_ACTOR &&
			    c->lx->actors[s->v[k].idx].kind == NKG_KIND_COUNTRY)
				return 0;
		}
	if (eng_is(t->key, ENG_DET) || eng_is(t->key, ENG_PREP) ||
	    eng_is(t->key, ENG_CLAUSE))
		return 0;
	return 1;
}

/* Is token I a country word, a known actor or a lexicon word that is not
 * a plain capitalised modifier? */
static int is_actor_or_lex(const Ctx *c, size_t i, size_t end);

/* Particles inside personal names: "bin", "al-", "de la". */
static int name_particle(const char *k)
{
	static const char *const p[] = {"bin", "ibn", "al", "el", "de", "da",
	                                "del", "della", "di", "la", "le", "van",
	                                "von", "der", "dos", "du", "abu", NULL};
	for (int i = 0; p[i]; i++)
		if (!strcmp(p[i], k))
			return 1;
	return 0;
}

static int is_actor_or_lex(const Ctx *c, size_t i, size_t end)
{
	const LexSlot *s = ex_lookup(c, i, 1, end);
	if (!s)
		return 0;
	for (size_t k = 0; k < s->n; k++) {
		LexKind kd = s->v[k].kind;
		if (kd == LX_ACTOR || kd == LX_DEMONYM || kd == LX_METONYM ||
		    kd == LX_TITLE || kd == LX_STATUS || kd == LX_VERB ||
		    kd == LX_SPEECH || kd == LX_MONTH || kd == LX_WEEKDAY)
			return 1;
	}
	return 0;
}

/* Length of a personal name at I (1..4 capitalised tokens). */
static size_t name_len(const Ctx *c, size_t i, size_t end)
{
	size_t n = 0;
	while (i + n < end && n < 5) {
		if (is_name_token(c, i + n, end) ||
		    (tok(c, i + n)->flags & NKG_TOK_INITIAL &&
		     tok(c, i + n)->b1 - tok(c, i + n)->b0 == 2)) {
			n++;
			continue;
		}
		if (n && name_particle(key(c, i + n))) {
			/* "von der Leyen", "bin Laden" */
			size_t q = i + n;
			while (q < end && q < i + n + 3 && name_particle(key(c, q)))
				q++;
			/* "al-Sisi", "el-Sheikh" */
			if (q < end && !strcmp(key(c, q), "-") && q > i + n)
				q++;
			if (is_name_token(c, q, end)) {
				n = q - i;
				continue;
			}
		}
		/* "Hassan Sheikh Mohamud": a capitalised title word between
		 * two parts of a name belongs to the name */
		if (n && i + n + 1 < end && is_cap(c, i + n) && is_word(c, i + n) &&
		    ex_has_kind(c, i + n, end, LX_TITLE) && is_name_token(c, i + n + 1, end) &&
		    !(i + n + 2 < end && ex_has_kind(c, i + n + 2, end, LX_TITLE))) {
			n++;
			continue;
		}
		/* "Donald J. Trump": a single initial then a period */
		if (n && i + n + 1 < end && tok(c, i + n)->b1 - tok(c, i + n)->b0 == 1 &&
		    is_cap(c, i + n) && !strcmp(key(c, i + n + 1), ".")) {
			n += 2;
			continue;
		}
		break;
	}
	return n;
}

static size_t person_by_name_ex(Ctx *c, size_t i, size_t n, size_t end,
                                int *is_new, int allow_new);

/* Known or document person by name tokens [i, i+n); a single unknown
 * name gives no one. */
static size_t person_by_name(Ctx *c, size_t i, size_t n, size_t end,
                             int *is_new)
{
	return person_by_name_ex(c, i, n, end, is_new, 0);
}

/* Known or document person by name tokens [i, i+n). */
static size_t person_by_name_ex(Ctx *c, size_t i, size_t n, size_t end,
                                int *is_new, int allow_new)
{
	*is_new = 0;
	const LexEntry *e;
	size_t ln = ex_longest(c, i, end, LX_ACTOR, &e);
	if (ln == n && c->lx->actors[e->idx].kind == NKG_KIND_PERSON)
		return add_lex_actor(c, e->idx, 0);
	/* a surname alone */
	if (n == 1) {
		size_t best = NKG_NONE, bc = 0;
		/* document persons first, then known people */
		for (size_t a = 0; a < c->g->n_actors; a++) {
			NkgActor *ac = &c->g->actors[a];
			if (ac->kind != NKG_KIND_PERSON)
				continue;
			const char *sp = strrchr(ac->label, ' ');
			if (!sp)
				continue;
			char *f = nkg_fold(sp + 1, strlen(sp + 1));
			int eq = f && !strcmp(f, key(c, i));
			free(f);
			if (!eq)
				continue;
			size_t cnt = salience_count(c, a) + 1;
			if (cnt > bc) {
				bc = cnt;
				best = a;
			}
		}
		if (best != NKG_NONE)
			return best;
		const LexSlot *s = ex_lookup(c, i, 1, end);
		size_t only = NKG_NONE, nsur = 0;
		for (size_t k = 0; s && k < s->n; k++)
			if (s->v[k].kind == LX_SURNAME) {
				only = s->v[k].idx;
				nsur++;
			}
		if (nsur == 1)
			return add_lex_actor(c, only, 0);
		/* two known people share the name and the story has named
		 * neither yet ("Sharif" in a headline): no guess */
		if (nsur > 1 || !allow_new)
			return NKG_NONE;
	}
	/* A full name, or one name after a title: someone new */
	char *label = span_text(c, i, i + n);
	if (!label)
		return NKG_NONE;
	char *slug = nkg_slug(label);
	char iri[600];
	snprintf(iri, sizeof iri, ID_BASE "person/%s", slug ? slug : "x");
	free(slug);
	size_t gi = nkg_graph_find_actor(c->g, iri);
	if (gi == NKG_NONE) {
		gi = add_new_actor(c, iri, NKG_KIND_PERSON, label, NULL);
		*is_new = 1;
	}
	free(label);
	return gi;
}

static const char *status_at(const Ctx *c, size_t i, size_t end, size_t *len)
{
	const LexEntry *e;
	*len = ex_longest(c, i, end, LX_STATUS, &e);
	return *len ? c->lx->statuses[e->idx] : NULL;
}

/* First country among the affiliations of graph actor GI. */
static size_t country_of(const Ctx *c, size_t gi)
{
	const NkgActor *a = &c->g->actors[gi];
	if (a->kind == NKG_KIND_COUNTRY)
		return gi;
	for (size_t k = 0; k < a->affiliations.n; k++) {
		const NkgActor *b = &c->g->actors[a->affiliations.v[k]];
		if (b->kind == NKG_KIND_COUNTRY)
			return a->affiliations.v[k];
	}
	return NKG_NONE;
}

/* The country graph actor GI stands with, through its affiliations and
 * theirs ("White House official" -> White House -> United States). */
size_t ex_side_country(const Ctx *c, size_t gi)
{
	for (int depth = 0; gi != NKG_NONE && depth < 4; depth++) {
		const NkgActor *a = &c->g->actors[gi];
		if (a->kind == NKG_KIND_COUNTRY)
			return gi;
		size_t next = NKG_NONE;
		for (size_t k = 0; k < a->affiliations.n && next == NKG_NONE; k++) {
			size_t b = a->affiliations.v[k];
			if (c->g->actors[b].kind == NKG_KIND_COUNTRY)
				return b;
			next = b;
		}
		gi = next;
	}
	return NKG_NONE;
}

/* The country mentioned most so far: "President Andry Rajoelina" in a
 * story about Madagascar is Madagascar's president. */
static size_t main_country(const Ctx *c)
{
	size_t best = NKG_NONE, bc = 1;
	for (size_t i = 0; i < c->n_sal; i++) {
		const NkgActor *a = &c->g->actors[c->sal[i].actor];
		if (a->kind == NKG_KIND_COUNTRY && c->sal[i].count > bc) {
			bc = c->sal[i].count;
			best = c->sal[i].actor;
		}
	}
	return best;
}

static void add_post(Ctx *c, size_t person, const char *title, size_t org,
                     const char *status)
{
	if (org == NKG_NONE)
		org = country_of(c, person);
	if (org == NKG_NONE && c->g->actors[person].kind == NKG_KIND_PERSON &&
	    !c->g->actors[person].known)
		org = main_country(c);
	nkg_graph_add_position(c->g, person, title, org,
	                       status ? status : "current", c->mention);
	if (org != NKG_NONE && org != person)
		nkg_idx_add(&c->g->actors[person].affiliations, org);
}

/* A capitalised name with an organisation head: "New York University",
 * "U.S. Naval Academy", "Kenya Anti-Corruption Commission".  Returns its
 * length or 0. */
static size_t org_name(Ctx *c, size_t i, size_t end, size_t *gi)
{
	size_t j = i, last_head = 0, lw = 0;
	const char *sector = NULL;
	size_t country = NKG_NONE;
	if (!is_cap(c, i) || eng_is(key(c, i), ENG_DET))
		return 0; /* "The U.S. Navy" starts at "U.S." */
	while (j < end && j - i < 8) {
		const NkgToken *t = tok(c, j);
		if (t->flags & NKG_TOK_CAP && t->flags & NKG_TOK_WORD) {
			const LexEntry *e;
			size_t n = ex_longest(c, j, end, LX_ORGHEAD, &e);
			if (n) {
				j += n;
				last_head = j;
				sector = c->lx->orgheads[e->idx];
				continue;
			}
			size_t li;
			LexKind how;
			size_t cn = country_word(c, j, end, &li, &how);
			if (cn && country == NKG_NONE &&
			    c->lx->actors[li].kind == NKG_KIND_COUNTRY) {
				country = li;
				j += cn;
				continue;
			}
			if (ex_has_kind(c, j, end, LX_VERB) || ex_has_kind(c, j, end, LX_SPEECH) ||
			    ex_has_kind(c, j, end, LX_TITLE) || ex_has_kind(c, j, end, LX_MONTH) ||
			    ex_has_kind(c, j, end, LX_WEEKDAY))
				break;
			j++;
			lw = j;
			continue;
		}
		if ((!strcmp(t->key, "of") || !strcmp(t->key, "for") ||
		     !strcmp(t->key, "and") || !strcmp(t->key, "on")) &&
		    j + 1 < end && is_cap(c, j + 1) && j > i) {
			j++;
			continue;
		}
		break;
	}
	if (!last_head)
		return 0;
	/* "U.S. Institute of Peace": the name runs on after its head */
	if (lw > last_head)
		j = lw;
	else
		j = last_head;
	/* A bare head word ("Ministry") or a head alone after a country
	 * ("Venezuelan Army") is left to the group rules. */
	if (j - i < 2)
		return 0;
	char *label = span_text(c, i, j);
	char *slug = nkg_slug(label ? label : "org");
	char iri[600];
	snprintf(iri, sizeof iri, ID_BASE "org/%s", slug ? slug : "x");
	free(slug);
	*gi = add_new_actor(c, iri, NKG_KIND_ORGANIZATION, label, sector && *sector ? sector : NULL);
	free(label);
	if (*gi != NKG_NONE && country != NKG_NONE) {
		size_t gc = add_lex_actor(c, country, 0);
		if (gc != NKG_NONE)
			nkg_idx_add(&c->g->actors[*gi].affiliations, gc);
	}
	return j - i;
}

/* Group nouns after a country word, with up to two modifiers: "Cuban
 * security advisers".  Returns the phrase end or 0. */
static size_t group_after(const Ctx *c, size_t j, size_t end, size_t *gidx,
                          size_t *mod0)
{
	*mod0 = j;
	for (size_t skip = 0; skip <= 2 && j + skip < end; skip++) {
		const LexEntry *e;
		size_t n = ex_longest(c, j + skip, end, LX_GROUP, &e);
		if (n) {
			/* "U.S. military operation": the noun starts an event
			 * phrase, not a group */
			for (size_t m = 2; m <= 3; m++) {
				const LexSlot *sl = ex_lookup(c, j + skip, m, end);
				for (size_t q = 0; sl && q < sl->n; q++)
					if (sl->v[q].kind == LX_NOUN && sl->v[q].ntok == m)
						return 0;
			}
			*gidx = e->idx;
			return j + skip + n;
		}
		const NkgToken *t = tok(c, j + skip);
		if (!(t->flags & NKG_TOK_WORD) || eng_is(t->key, ENG_PREP) ||
		    eng_is(t->key, ENG_DET) || eng_is(t->key, ENG_AUX) ||
		    eng_is(t->key, ENG_BE) || ex_has_kind(c, j + skip, end, LX_VERB) ||
		    ex_has_kind(c, j + skip, end, LX_SPEECH) ||
		    ex_has_kind(c, j + skip, end, LX_TITLE))
			return 0;
		/* proper nouns between are not modifiers of a group noun */
		if (t->flags & NKG_TOK_CAP && !(t->flags & NKG_TOK_UPPER))
			return 0;
	}
	return 0;
}

static size_t make_group(Ctx *c, size_t country_li, size_t gidx, size_t m0,
                         size_t m1, size_t t_end)
{
	const LexActor *ca = &c->lx->actors[country_li];
	const LexGroup *gr = &c->lx->groups[gidx];
	char *mods = m1 > m0 ? span_text(c, m0, m1) : NULL;
	char *mods_f = mods ? nkg_fold(mods, strlen(mods)) : NULL;
	const char *dem = ca->demonym ? ca->demonym : ca->label;
	const char *noun = gr->label;
	/* The label keeps the noun as written ("Indian Navy", "Cuban security
	 * advisers"); the IRI uses the lexicon's noun, so "authorities" and
	 * "government" of one country are one node. */
	char *written = NULL;
	{
		written = span_text(c, m1, t_end);
		if (written) {
			char *f = nkg_fold(written, strlen(written));
			free(written);
			written = f;
		}
		noun = written ? written : noun;
	}
	size_t ll = strlen(dem) + (mods_f ? strlen(mods_f) + 1 : 0) + strlen(noun) + 4;
	char *label = malloc(ll);
	if (!label) {
		free(mods);
		free(mods_f);
		free(written);
		return NKG_NONE;
	}
	if (mods_f)
		snprintf(label, ll, "%s %s %s", dem, mods_f, noun);
	else
		snprintf(label, ll, "%s %s", dem, noun);
	char *slug = nkg_slug(mods_f ? label + strlen(dem) + 1 : gr->label);
	char iri[700];
	const char *code = ca->code ? ca->code : "x";
	snprintf(iri, sizeof iri, ID_BASE "%s/%s/%s",
	         gr->kind == NKG_KIND_GROUP ? "group" : "org", code, slug ? slug : "x");
	free(slug);
	size_t gi = add_new_actor(c, iri, gr->kind, label, gr->sector);
	if (gi != NKG_NONE) {
		size_t gc = add_lex_actor(c, country_li, 0);
		if (gc != NKG_NONE && gc != gi)
			nkg_idx_add(&c->g->actors[gi].affiliations, gc);
	}
	free(label);
	free(mods);
	free(mods_f);
	free(written);
	return gi;
}

/* Sectors of the people a bare group noun can name without a country:
 * police, troops, rebels, protesters; not institutions such as "the
 * government" or "the court", which need to be someone's. */
static int bare_sector(const char *sector)
{
	static const char *const ok[] = {"police", "military", "rebel", "civilian",
	                                 "opposition", "militant", NULL};
	for (int q = 0; sector && ok[q]; q++)
		if (!strcmp(sector, ok[q]))
			return 1;
	return 0;
}

int ex_is_actor_tok(const Ctx *c, size_t i);

static size_t bare_group(Ctx *c, size_t i, size_t s1)
{
	const LexEntry *e;
	size_t n = ex_longest(c, i, s1, LX_GROUP, &e);
	if (!n || ex_is_actor_tok(c, i))
		return 0;
	const LexGroup *gr = &c->lx->groups[e->idx];
	if (!bare_sector(gr->sector) || (gr->kind != NKG_KIND_GROUP &&
	                                 strcmp(gr->sector, "police")))
		return 0;
	/* "fighters of the RSF", "militants from JNIM": the named body
	 * is the actor */
	if (i + n < s1 && (!strcmp(key(c, i + n), "of") || !strcmp(key(c, i + n), "from")))
		return 0;
	/* "police chief", "protesters' demands": the noun is a modifier */
	if (i + n < s1 && (ex_has_kind(c, i + n, s1, LX_TITLE) || !strcmp(key(c, i + n), "'s") ||
	                   !strcmp(key(c, i + n), "'")))
		return 0;
	/* nor a noun that starts an event phrase ("military operation") */
	for (size_t m = n + 1; m <= n + 2; m++) {
		const LexSlot *sl = ex_lookup(c, i, m, s1);
		for (size_t q = 0; sl && q < sl->n; q++)
			if (sl->v[q].kind == LX_NOUN && sl->v[q].ntok == m)
				return 0;
	}
	size_t mc = main_country(c);
	size_t li = mc != NKG_NONE ? lex_of(c, mc) : NKG_NONE;
	size_t gi;
	if (li != NKG_NONE) {
		gi = make_group(c, li, e->idx, i, i, i + n);
	} else {
		char *written = span_text(c, i, i + n);
		char *label = written ? nkg_fold(written, strlen(written)) : NULL;
		char *slug = nkg_slug(gr->label);
		char iri[700];
		snprintf(iri, sizeof iri, "%s%s/%s", c->g->base,
		         gr->kind == NKG_KIND_GROUP ? "group" : "org", slug ? slug : "x");
		gi = label ? add_new_actor(c, iri, gr->kind, label, gr->sector) : NKG_NONE;
		free(written);
		free(label);
		free(slug);
	}
	if (gi == NKG_NONE)
		return 0;
	push_mention(c, i, i + n, gi, 0);
	return n;
}

/* Finds a title at I (after optional modifiers like "senior"); returns its
 * length and the title. */
static size_t title_at(const Ctx *c, size_t i, size_t end, const LexTitle **t)
{
	const LexEntry *e;
	size_t n = ex_longest(c, i, end, LX_TITLE, &e);
	if (n)
		*t = &c->lx->titles[e->idx];
	return n;
}

/* Resolves a pronoun at I. */
static size_t pronoun(Ctx *c, size_t i, size_t end)
{
	const LexEntry *e;
	if (ex_longest(c, i, end, LX_PRONOUN, &e) != 1)
		return NKG_NONE;
	int g = c->lx->pronouns[e->idx];
	if (g == 4) {
		/* "they": the nearest group, body or coordination before it */
		for (size_t k = c->n_am; k-- > 0;) {
			const NkgActor *a = &c->g->actors[c->am[k].actor];
			if (c->am[k].flags & (M_PLACE | M_SOURCE | M_PP))
				continue;
			if (a->kind == NKG_KIND_GROUP || a->kind == NKG_KIND_ORGANIZATION)
				return c->am[k].actor;
		}
		return NKG_NONE;
	}
	/* The nearest earlier mention in this sentence, then the most
	 * recently mentioned matching actor of the last sentences. */
	for (size_t k = c->n_am; k-- > 0;) {
		const NkgActor *a = &c->g->actors[c->am[k].actor];
		if (c->am[k].flags & (M_PLACE | M_SOURCE))
			continue;
		if (g == 3 && (a->kind == NKG_KIND_COUNTRY ||
		               a->kind == NKG_KIND_ORGANIZATION))
			return c->am[k].actor;
		if (g != 3 && a->kind == NKG_KIND_PERSON) {
			size_t li = lex_of(c, c->am[k].actor);
			int ag = li != NKG_NONE ? c->lx->actors[li].gender : 0;
			if (!ag || ag == g)
				return c->am[k].actor;
		}
	}
	size_t best = NKG_NONE, bs = 0;
	for (size_t k = 0; k < c->n_sal; k++) {
		const NkgActor *a = &c->g->actors[c->sal[k].actor];
		if (c->sal[k].last_sent + 3 < c->sent)
			continue;
		int ok = 0;
		if (g == 3)
			ok = a->kind == NKG_KIND_COUNTRY || a->kind == NKG_KIND_ORGANIZATION;
		else if (a->kind == NKG_KIND_PERSON) {
			size_t li = lex_of(c, c->sal[k].actor);
			int ag = li != NKG_NONE ? c->lx->actors[li].gender : 0;
			ok = !ag || ag == g;
		}
		if (ok && (best == NKG_NONE || c->sal[k].last_sent > bs ||
		           (c->sal[k].last_sent == bs &&
		            c->sal[k].count > salience_count(c, best)))) {
			best = c->sal[k].actor;
			bs = c->sal[k].last_sent;
		}
	}
	return best;
}

/* "it remains unclear", "it is likely that": an "it" that is no one. */
static int expletive_it(const Ctx *c, size_t i, size_t s1)
{
	static const char *const adj[] = {
	        "unclear", "clear", "likely", "unlikely", "possible",
	        "impossible", "expected", "believed", "thought", "reported",
	        "said", "understood", "known", "not", "time", "true",
	        "important", "necessary", "hard", "difficult", "too", NULL};
	if (strcmp(key(c, i), "it") || i + 1 >= s1)
		return 0;
	const char *n = key(c, i + 1);
	if (!strcmp(n, "remains") || !strcmp(n, "seems") || !strcmp(n, "appears") ||
	    !strcmp(n, "remained") || !strcmp(n, "seemed") || !strcmp(n, "appeared"))
		return 1;
	if (!eng_is(n, ENG_BE) || i + 2 >= s1)
		return 0;
	for (int k = 0; adj[k]; k++)
		if (!strcmp(key(c, i + 2), adj[k]))
			return 1;
	return 0;
}

/* Mention that starts at token I, or NULL. */
const AMention *ex_mention_starting(const Ctx *c, size_t i)
{
	if (c->indexed)
		return i >= c->s0 && i <= c->s1 && c->tam_start[i - c->s0] != NKG_NONE ?
		               &c->am[c->tam_start[i - c->s0]] : NULL;
	for (size_t k = 0; k < c->n_am; k++)
		if (c->am[k].t0 == i)
			return &c->am[k];
	return NULL;
}

/* Token after the last mention of the coordination headed by K. */
size_t ex_last_of(const Ctx *c, size_t k)
{
	size_t end = c->am[k].t1;
	for (size_t q = k; q != NKG_NONE; q = c->am[q].coord) {
		if (c->am[q].t1 > end)
			end = c->am[q].t1;
		if (c->am[q].coord == q)
			break;
	}
	return end;
}

/* Mention that ends at token I (exclusive), or NULL. */
const AMention *ex_mention_ending(const Ctx *c, size_t i)
{
	if (c->indexed)
		return i >= c->s0 && i <= c->s1 && c->tam_end[i - c->s0] != NKG_NONE ?
		               &c->am[c->tam_end[i - c->s0]] : NULL;
	for (size_t k = 0; k < c->n_am; k++)
		if (c->am[k].t1 == i)
			return &c->am[k];
	return NULL;
}

/* Scans one sentence for actor mentions. */
static void find_actors(Ctx *c, size_t s0, size_t s1)
{
	for (size_t i = s0; i < s1;) {
		size_t j = i;
		size_t st_len = 0;
		const char *status = status_at(c, j, s1, &st_len);
		if (status && st_len) {
			/* "former" only counts before a country word or title */
			j += st_len;
			if (j < s1 && !strcmp(key(c, j), "-"))
				j++;
			if (j >= s1) {
				/* a status word that ends the sentence qualifies nothing */
				i = s1;
				continue;
			}
		}
		size_t cli = NKG_NONE;
		LexKind how = LX_ACTOR;
		size_t cw = country_word(c, j, s1, &cli, &how);
		{
			/* "Israel Defense Forces" is a known body, not Israel
			 * followed by a group noun */
			const LexEntry *ke;
			size_t kn = ex_longest(c, j, s1, LX_ACTOR, &ke);
			if (kn > cw && cw && c->lx->actors[ke->idx].kind != NKG_KIND_COUNTRY)
				cw = 0;
		}
		int typo = 0;
		if (!cw && is_cap(c, j)) {
			/* "Venezuelas Vice President": a possessive without its
			 * apostrophe, tolerated before a title. */
			const char *k = key(c, j);
			size_t kl = strlen(k);
			if (kl > 4 && k[kl - 1] == 's') {
				char *x = nkg_strdup(k);
				x[kl - 1] = '\0';
				const LexSlot *sl = nkg_lex_lookup(c->lx, x);
				free(x);
				const LexTitle *tt;
				if (sl && j + 1 < s1 && title_at(c, j + 1, s1, &tt))
					for (size_t q = 0; q < sl->n; q++)
						if (sl->v[q].kind == LX_ACTOR &&
						    c->lx->actors[sl->v[q].idx].kind ==
						            NKG_KIND_COUNTRY) {
							cli = sl->v[q].idx;
							cw = 1;
							typo = 1;
						}
			}
		}
		size_t after_c = j + cw;
		int poss = 0;
		if (cw && after_c < s1 && !strcmp(key(c, after_c), "'s")) {
			poss = 1;
			after_c++;
		}
		(void)typo;

		/* Title and name */
		size_t tpos = cw ? after_c : j;
		const LexTitle *title = NULL;
		size_t tl = 0;
		if (cw) {
			/* "Mali's transitional president" */
			size_t sl2;
			const char *st2 = status_at(c, tpos, s1, &sl2);
			if (st2 && sl2) {
				status = st2;
				tpos += sl2;
			}
		}
		tl = title_at(c, tpos, s1, &title);
		size_t title_from = tpos;
		if (!tl && cw) {
			/* "Mexican Security Minister": capitalised modifiers
			 * before a title become part of it */
			for (size_t m = 1; m <= 2 && !tl && tpos + m < s1; m++) {
				const char *mk = key(c, tpos + m - 1);
				if (!is_word(c, tpos + m - 1) || is_actor_or_lex(c, tpos + m - 1, s1) ||
				    eng_is(mk, ENG_DET) || eng_is(mk, ENG_PREP) ||
				    eng_is(mk, ENG_AUX) || eng_is(mk, ENG_BE) ||
				    eng_is(mk, ENG_CLAUSE) || !strcmp(mk, "and"))
					break;
				tl = title_at(c, tpos + m, s1, &title);
				if (tl) {
					tl += m;
				}
			}
		}
		if (tl) {
			size_t np = tpos + tl;
			/* "President of Kenya" */
			size_t org_li = cli;
			if (np + 1 < s1 && !strcmp(key(c, np), "of") && org_li == NKG_NONE) {
				size_t li2;
				LexKind h2;
				size_t n2 = country_word(c, np + 1, s1, &li2, &h2);
				if (n2 && !is_name_token(c, np + 1 + n2, s1)) {
					org_li = li2;
					np += 1 + n2;
				}
			}
			size_t nl = name_len(c, np, s1);
			if (!nl && np + 1 < s1 && is_cap(c, np) && is_word(c, np) &&
			    is_name_token(c, np + 1, s1) && !ex_has_kind(c, np, s1, LX_TITLE)) {
				/* "Defence Minister Israel Katz": a first name that
				 * is also a country */
				nl = 1 + name_len(c, np + 1, s1);
			}
			/* "Egypt's finance minister, Ahmed Kouchouk" */
			int appos = 0;
			if (!nl && np + 1 < s1 && !strcmp(key(c, np), ",")) {
				size_t q = np + 1;
				const LexTitle *t2;
				size_t l2 = title_at(c, q, s1, &t2);
				if (l2 && q + l2 < s1 && !strcmp(key(c, q + l2), "."))
					l2++;
				if (l2 && name_len(c, q + l2, s1) >= 2)
					q += l2;
				if (name_len(c, q, s1) >= 2) {
					nl = name_len(c, q, s1);
					np = q;
					appos = 1;
				}
			}
			(void)appos;
			if (nl) {
				int is_new;
				/* after a title, one unknown name is a person: "President Mugabe" */
				size_t person = person_by_name_ex(c, np, nl, s1, &is_new, 1);
				if (person != NKG_NONE && org_li != NKG_NONE && nl == 1 && !is_new &&
				    c->g->actors[person].kind == NKG_KIND_PERSON) {
					size_t pc = country_of(c, person);
					if (pc != NKG_NONE && c->g->actors[pc].code &&
					    c->lx->actors[org_li].kind == NKG_KIND_COUNTRY &&
					    c->lx->actors[org_li].code &&
					    strcmp(c->g->actors[pc].code, c->lx->actors[org_li].code))
						person = NKG_NONE; /* someone else of that name */
				}
				if (person != NKG_NONE &&
				    c->g->actors[person].kind == NKG_KIND_PERSON) {
					size_t org = org_li != NKG_NONE ?
					                     add_lex_actor(c, org_li, 0) :
					                     NKG_NONE;
					/* the country word is evidence for the
					 * country, not a party of its own */
					if (cli != NKG_NONE && org != NKG_NONE) {
						nkg_idx_add(&c->g->actors[org].mentions, c->mention);
						salience_bump(c, org);
					}
					char *ttext = NULL;
					if (tl > 1 && title_from + tl <= s1 &&
					    is_cap(c, title_from) &&
					    !ex_has_kind(c, title_from, s1, LX_TITLE)) {
						/* keep what the text says: "Security Minister" */
						ttext = span_text(c, title_from, title_from + tl);
					}
					add_post(c, person, ttext ? ttext : title->label, org, status);
					free(ttext);
					size_t end = np + nl;
					unsigned fl = 0;
					if (end < s1 && !strcmp(key(c, end), "'s")) {
						fl |= M_POSS;
					}
					push_mention(c, i, end, person, fl);
					i = end + (fl & M_POSS ? 1 : 0);
					continue;
				}
			}
			if (cw && title) {
				/* "Montenegro's prime minister" with no name; "Palestinian
				 * leaders" is a group */
				const LexActor *ca = &c->lx->actors[cli];
				const char *lastk = key(c, tpos + tl - 1);
				size_t lk = strlen(lastk);
				char *tfold = nkg_fold(title->label, strlen(title->label));
				int plural = lk > 2 && lastk[lk - 1] == 's' && tfold &&
				             strcmp(lastk, tfold) != 0 &&
				             (strlen(tfold) < 2 || tfold[strlen(tfold) - 1] != 's');
				free(tfold);
				if (plural) {
					char *written = span_text(c, tpos, tpos + tl);
					char *wf = written ? nkg_fold(written, strlen(written)) : NULL;
					char label[400], iri[600];
					snprintf(label, sizeof label, "%s %s",
					         ca->demonym ? ca->demonym : ca->label, wf ? wf : "officials");
					char *slug = nkg_slug(wf ? wf : "officials");
					snprintf(iri, sizeof iri, ID_BASE "group/%s/%s",
					         ca->code ? ca->code : "x", slug ? slug : "x");
					size_t gi = add_new_actor(c, iri, NKG_KIND_GROUP, label, title->sector);
					if (gi != NKG_NONE) {
						size_t gc = add_lex_actor(c, cli, 0);
						if (gc != NKG_NONE)
							nkg_idx_add(&c->g->actors[gi].affiliations, gc);
						push_mention(c, i, tpos + tl, gi, 0);
					}
					free(slug);
					free(written);
					free(wf);
					i = tpos + tl;
					continue;
				}
				char label[300];
				snprintf(label, sizeof label, "%s of %s", title->label,
				         ca->label);
				char *slug = nkg_slug(label);
				char iri[600];
				snprintf(iri, sizeof iri, ID_BASE "post/%s/%s",
				         ca->code ? ca->code : "x", slug ? slug : "x");
				free(slug);
				size_t gi = add_new_actor(c, iri, NKG_KIND_PERSON, label,
				                          title->sector);
				if (gi != NKG_NONE) {
					size_t gc = add_lex_actor(c, cli, 0);
					if (gc != NKG_NONE)
						nkg_idx_add(&c->g->actors[gi].affiliations, gc);
					push_mention(c, i, tpos + tl, gi, 0);
				}
				i = tpos + tl;
				continue;
			}
		}

		/* Country word + group noun */
		if (cw) {
			size_t gidx, m0;
			size_t gend = group_after(c, after_c, s1, &gidx, &m0);
			if (gend) {
				size_t gstart = gend - 1;
				/* the group noun's own start */
				for (size_t q = m0; q < gend; q++) {
					const LexEntry *e;
					size_t n = ex_longest(c, q, s1, LX_GROUP, &e);
					if (n && q + n == gend) {
						gstart = q;
						break;
					}
				}
				size_t gi = make_group(c, cli, gidx, m0, gstart, gend);
				push_mention(c, i, gend, gi, 0);
				i = gend;
				continue;
			}
			/* An organisation name that starts with a country:
			 * "U.S. Naval Academy" */
			size_t ogi;
			size_t on = poss ? 0 : org_name(c, j, s1, &ogi);
			if (on > cw && ogi != NKG_NONE) {
				push_mention(c, i, j + on, ogi, 0);
				i = j + on;
				continue;
			}
			/* "Azerbaijan's Defence Ministry" */
			if (poss && c->lx->actors[cli].kind == NKG_KIND_COUNTRY) {
				size_t q = after_c, head = 0;
				while (q < s1 && q < after_c + 4 && is_cap(c, q) && is_word(c, q) &&
				       !ex_has_kind(c, q, s1, LX_TITLE) && !is_actor_or_lex(c, q, s1)) {
					if (ex_has_kind(c, q, s1, LX_ORGHEAD))
						head = q + 1;
					q++;
				}
				if (head) {
					char *run = span_text(c, after_c, head);
					const LexActor *ca = &c->lx->actors[cli];
					char label[400], iri[600];
					snprintf(label, sizeof label, "%s of %s", run ? run : "", ca->label);
					char *slug = nkg_slug(run ? run : "org");
					snprintf(iri, sizeof iri, ID_BASE "org/%s/%s", ca->code ? ca->code : "x",
					         slug ? slug : "x");
					size_t gi = add_new_actor(c, iri, NKG_KIND_ORGANIZATION, label, NULL);
					if (gi != NKG_NONE) {
						size_t gc = add_lex_actor(c, cli, 0);
						if (gc != NKG_NONE)
							nkg_idx_add(&c->g->actors[gi].affiliations, gc);
					}
					free(run);
					free(slug);
					push_mention(c, i, head, gi, 0);
					i = head;
					continue;
				}
			}
			const LexActor *ca = &c->lx->actors[cli];
			/* "Algerian landowners", "Iraqi Kurds": a demonym before a
			 * plural noun the lexicon does not know names a group */
			if (how == LX_DEMONYM && !poss && after_c < s1 && is_word(c, after_c) &&
			    !is_actor_or_lex(c, after_c, s1) && !ex_has_kind(c, after_c, s1, LX_NOUN) &&
			    !eng_is(key(c, after_c), ENG_PREP) && !eng_is(key(c, after_c), ENG_AUX) &&
			    !eng_is(key(c, after_c), ENG_BE) && !eng_is(key(c, after_c), ENG_CLAUSE)) {
				const char *nk = key(c, after_c);
				size_t nkl = strlen(nk);
				if (nkl > 3 && nk[nkl - 1] == 's' && nk[nkl - 2] != 's' &&
				    !(tok(c, after_c)->flags & NKG_TOK_UPPER)) {
					char label[300], iri[600];
					snprintf(label, sizeof label, "%s %s",
					         ca->demonym ? ca->demonym : ca->label, nk);
					char *slug = nkg_slug(nk);
					snprintf(iri, sizeof iri, ID_BASE "group/%s/%s",
					         ca->code ? ca->code : "x", slug ? slug : "x");
					free(slug);
					size_t gi = add_new_actor(c, iri, NKG_KIND_GROUP, label, NULL);
					if (gi != NKG_NONE) {
						size_t gc = add_lex_actor(c, cli, 0);
						if (gc != NKG_NONE)
							nkg_idx_add(&c->g->actors[gi].affiliations, gc);
					}
					push_mention(c, i, after_c + 1, gi, 0);
					i = after_c + 1;
					continue;
				}
			}
			size_t gi = add_lex_actor(c, cli, 0);
			unsigned fl = poss ? M_POSS : 0;
			if (how == LX_DEMONYM)
				fl |= M_ADJ;
			if (how == LX_ACTOR && !poss && after_c < s1 && is_word(c, after_c) &&
			    !is_cap(c, after_c) && !eng_is(key(c, after_c), ENG_PREP) &&
			    !eng_is(key(c, after_c), ENG_AUX) && !eng_is(key(c, after_c), ENG_BE) &&
			    !eng_is(key(c, after_c), ENG_CLAUSE) && strcmp(key(c, after_c), "and") &&
			    !ex_has_kind(c, after_c, s1, LX_VERB) && !ex_has_kind(c, after_c, s1, LX_SPEECH))
				fl |= M_ADJ; /* "U.S. military operation" */
			if (i > s0 && eng_is(key(c, i - 1), ENG_PLACE) && !poss &&
			    !(fl & M_ADJ))
				fl |= M_PLACE;
			if (how == LX_METONYM && j + cw + 1 < s1 &&
			    !strcmp(key(c, j + cw), ",") && is_cap(c, j + cw + 1) &&
			    !is_name_token(c, j + cw + 2, s1)) {
				/* "Washington, DC", "Caracas, Venezuela" */
				fl |= M_PLACE;
			}
			push_mention(c, i, after_c, gi, fl);
			i = after_c;
			continue;
		}
		/* Demonym plural: "Cubans", "32 Cubans" */
		{
			const LexEntry *e;
			size_t n = ex_longest(c, i, s1, LX_DEMONYM_PL, &e);
			if (n && is_cap(c, i)) {
				const LexActor *ca = &c->lx->actors[e->idx];
				char *label = span_text(c, i, i + n);
				char iri[400];
				snprintf(iri, sizeof iri, ID_BASE "group/%s/people",
				         ca->code ? ca->code : "x");
				size_t gi = add_new_actor(c, iri, NKG_KIND_GROUP,
				                          label ? label : ca->label,
				                          "civilian");
				free(label);
				if (gi != NKG_NONE) {
					size_t gc = add_lex_actor(c, e->idx, 0);
					if (gc != NKG_NONE)
						nkg_idx_add(&c->g->actors[gi].affiliations, gc);
				}
				push_mention(c, i, i + n, gi, 0);
				i += n;
				continue;
			}
		}
		/* Known person or organisation */
		{
			const LexEntry *e;
			size_t n = ex_longest(c, i, s1, LX_ACTOR, &e);
			/* names are capitalised, unless the name itself is
			 * not ("al-Qaeda") */
			unsigned char first = n ? (unsigned char)c->lx->actors[e->idx].label[0] : 0;
			if (n && (is_cap(c, i) || (tok(c, i)->flags & NKG_TOK_UPPER) ||
			          (first >= 'a' && first <= 'z'))) {
				size_t gi = add_lex_actor(c, e->idx, 0);
				unsigned fl = 0;
				if (i + n < s1 && !strcmp(key(c, i + n), "'s"))
					fl |= M_POSS;
				push_mention(c, i, i + n, gi, fl);
				i += n + (fl & M_POSS ? 1 : 0);
				continue;
			}
		}
		/* Group noun followed by "in/of/from" + country: "rebels in
		 * Darfur", "the government of Sudan". */
		{
			const LexEntry *e;
			size_t n = ex_longest(c, i, s1, LX_GROUP, &e);
			/* "Opposition groups in Zimbabwe": the last group noun heads */
			if (n && i + n < s1) {
				const LexEntry *e2;
				size_t n2 = ex_longest(c, i + n, s1, LX_GROUP, &e2);
				if (n2) {
					n += n2;
					e = e2;
				}
			}
			if (n && i + n + 1 < s1 &&
			    (!strcmp(key(c, i + n), "in") || !strcmp(key(c, i + n), "of") ||
			     !strcmp(key(c, i + n), "from"))) {
				size_t q = i + n + 1;
				if (q < s1 && !strcmp(key(c, q), "the"))
					q++;
				size_t li2;
				LexKind h2;
				size_t n2 = country_word(c, q, s1, &li2, &h2);
				/* not "fighters of Russia's Wagner Group" */
				int poss = q + n2 < s1 && !strcmp(key(c, q + n2), "'s");
				if (n2 && !poss && c->lx->actors[li2].kind == NKG_KIND_COUNTRY) {
					size_t gi = make_group(c, li2, e->idx, i, i, i + n);
					push_mention(c, i, q + n2, gi, 0);
					i = q + n2;
					continue;
				}
			}
		}
		/* Organisation names */
		{
			size_t ogi;
			size_t on = org_name(c, i, s1, &ogi);
			if (on && ogi != NKG_NONE) {
				push_mention(c, i, i + on, ogi, 0);
				i += on;
				continue;
			}
		}
		/* Pronouns; "it remains unclear" is no one */
		if (ex_has_kind(c, i, s1, LX_PRONOUN) && !expletive_it(c, i, s1)) {
			size_t gi = pronoun(c, i, s1);
			if (gi != NKG_NONE) {
				push_mention(c, i, i + 1, gi, M_PRON);
				i++;
				continue;
			}
		}
		/* "the two leaders", "both men": the people of the last
		 * two-party event */
		if (c->have_ppair && i + 1 < s1 &&
		    (!strcmp(key(c, i), "two") || !strcmp(key(c, i), "both"))) {
			static const char *const people[] = {
			        "leaders", "men", "women", "ministers", "presidents",
			        "envoys", "diplomats", "officials", "counterparts", NULL};
			int hit = 0;
			for (int q = 0; people[q]; q++)
				if (!strcmp(key(c, i + 1), people[q]))
					hit = 1;
			if (hit) {
				size_t a = push_mention(c, i, i + 2, c->ppair[0], 0);
				size_t b = push_mention(c, i, i + 2, c->ppair[1], 0);
				if (a != NKG_NONE && b != NKG_NONE)
					c->am[a].coord = b;
				i += 2;
				continue;
			}
		}
		/* "the two countries", "both countries" */
		if (c->have_pair && i + 1 < s1 &&
		    (!strcmp(key(c, i), "two") || !strcmp(key(c, i), "both")) &&
		    (!strcmp(key(c, i + 1), "countries") || !strcmp(key(c, i + 1), "nations") ||
		     !strcmp(key(c, i + 1), "sides") || !strcmp(key(c, i + 1), "governments"))) {
			size_t a = push_mention(c, i, i + 2, c->pair[0], 0);
			size_t b = push_mention(c, i, i + 2, c->pair[1], 0);
			if (a != NKG_NONE && b != NKG_NONE)
				c->am[a].coord = b;
			i += 2;
			continue;
		}
		/* Anonymous sources ("11 sources familiar with the matter");
		 * "Reuters reports" is a verb */
		{
			size_t sn = ex_longest(c, i, s1, LX_SOURCE, NULL);
			if (sn && !(ex_has_kind(c, i, s1, LX_SPEECH) && ex_mention_ending(c, i))) {
				char iri[600];
				snprintf(iri, sizeof iri, "%ssources", c->g->base);
				size_t gi = add_new_actor(c, iri, NKG_KIND_GROUP, "sources", NULL);
				push_mention(c, i, i + sn, gi, M_SOURCE);
				i += sn;
				continue;
			}
		}
		/* A name with an apposition: "Frank Mora, who served as U.S.
		 * ambassador to ...", "Alejandro Velasco, an associate
		 * professor of history at New York University" */
		{
			size_t nl = name_len(c, i, s1);
			if (nl >= 2 && i + nl + 1 < s1 && !strcmp(key(c, i + nl), ",")) {
				size_t q = i + nl + 1;
				const char *st = NULL;
				if (q + 2 < s1 && !strcmp(key(c, q), "who") &&
				    (!strcmp(key(c, q + 1), "served") ||
				     !strcmp(key(c, q + 1), "was"))) {
					st = "former";
					q += 2;
					if (q < s1 && !strcmp(key(c, q), "as"))
						q++;
				} else if (q < s1 && (!strcmp(key(c, q), "a") ||
				                      !strcmp(key(c, q), "an") ||
				                      !strcmp(key(c, q), "the"))) {
					q++;
				}
				size_t cli2 = NKG_NONE;
				LexKind h2;
				size_t cn = country_word(c, q, s1, &cli2, &h2);
				size_t tq = q + cn;
				/* allow one or two modifiers: "associate professor" */
				const LexTitle *tt = NULL;
				size_t ttl = 0;
				for (size_t skip = 0; skip <= 2 && !ttl && tq + skip < s1; skip++)
					if ((ttl = title_at(c, tq + skip, s1, &tt)))
						tq += skip;
				if (ttl) {
					int is_new;
					size_t person = person_by_name(c, i, nl, s1, &is_new);
					if (person != NKG_NONE &&
					    c->g->actors[person].kind == NKG_KIND_PERSON) {
						size_t org = cli2 != NKG_NONE ?
						                     add_lex_actor(c, cli2, 0) :
						                     NKG_NONE;
						/* "... at New York University", "for the ministry" */
						size_t z = tq + ttl;
						char *title_text = span_text(c, tq, tq + ttl);
						size_t org2 = NKG_NONE;
						for (size_t w = z; w < s1 && w < z + 6; w++) {
							if (!strcmp(key(c, w), ",") || !strcmp(key(c, w), "."))
								break;
							if (!strcmp(key(c, w), "at") || !strcmp(key(c, w), "of") ||
							    !strcmp(key(c, w), "for") || !strcmp(key(c, w), "to")) {
								size_t w2 = w + 1;
								if (w2 < s1 && !strcmp(key(c, w2), "the"))
									w2++;
								size_t og;
								size_t on = org_name(c, w2, s1, &og);
								if (on && og != NKG_NONE) {
									org2 = og;
									break;
								}
								const LexEntry *e2;
								size_t kn = ex_longest(c, w2, s1, LX_ACTOR, &e2);
								if (kn && c->lx->actors[e2->idx].kind ==
								                  NKG_KIND_ORGANIZATION) {
									org2 = add_lex_actor(c, e2->idx, 0);
									break;
								}
							}
						}
						const char *tlabel = tt->label;
						char *tcanon = NULL;
						if (title_text && strlen(title_text) > strlen(tt->label)) {
							tcanon = title_text;
							tlabel = tcanon;
						}
						add_post(c, person, tlabel,
						         org2 != NKG_NONE ? org2 : org, st);
						if (org2 != NKG_NONE)
							nkg_idx_add(&c->g->actors[person].affiliations, org2);
						if (org != NKG_NONE)
							nkg_idx_add(&c->g->actors[person].affiliations, org);
						free(title_text);
						push_mention(c, i, i + nl, person, 0);
						i += nl;
						continue;
					}
				}
			}
			/* A full name already met in this document, or two
			 * capitalised words before a speech verb. */
			if (nl >= 1) {
				int is_new = 0;
				size_t person = NKG_NONE;
				if (nl == 1) {
					person = person_by_name(c, i, 1, s1, &is_new);
				} else if (nl >= 2) {
					char *label = span_text(c, i, i + nl);
					char *slug = label ? nkg_slug(label) : NULL;
					char iri[600];
					snprintf(iri, sizeof iri, ID_BASE "person/%s",
					         slug ? slug : "x");
					person = nkg_graph_find_actor(c->g, iri);
					int after_speech = i > s0 && ex_has_kind(c, i - 1, s1, LX_SPEECH);
					/* "Pavel Suslau, a journalist from Grodno" */
					int appos = nl >= 2 && nl <= 3 && i + nl + 2 < s1 &&
					            !strcmp(key(c, i + nl), ",") &&
					            (!strcmp(key(c, i + nl + 1), "a") ||
					             !strcmp(key(c, i + nl + 1), "an")) &&
					            !is_cap(c, i + nl + 2);
					after_speech |= appos;
					if (person == NKG_NONE && (after_speech ||
					    (i + nl < s1 && ex_has_kind(c, i + nl, s1, LX_SPEECH) &&
					     (i == s0 || !is_cap(c, i - 1)))))
						person = add_new_actor(c, iri, NKG_KIND_PERSON,
						                       label, NULL);
					free(slug);
					free(label);
				}
				if (person != NKG_NONE &&
				    c->g->actors[person].kind == NKG_KIND_PERSON) {
					unsigned fl = 0;
					if (i + nl < s1 && !strcmp(key(c, i + nl), "'s"))
						fl |= M_POSS;
					push_mention(c, i, i + nl, person, fl);
					i += nl + (fl & M_POSS ? 1 : 0);
					continue;
				}
			}
		}
		/* A group noun with no country word: "Police detained 30
		 * protesters".  It stands with the story's main country when
		 * there is one. */
		{
			size_t gn = bare_group(c, i, s1);
			if (gn) {
				i += gn;
				continue;
			}
		}
		i++;
	}

	/* Prepositions governing mentions, and coordination. */
	for (size_t k = 0; k < c->n_am; k++) {
		AMention *m = &c->am[k];
		size_t p = m->t0;
		while (p > s0) {
			const char *pk = key(c, p - 1);
			/* determiners and amounts: "at least three", "up to 100",
			 * "more than 30" */
			if (eng_is(pk, ENG_DET) || tok(c, p - 1)->flags & NKG_TOK_NUM ||
			    eng_is(pk, ENG_COMPASS) ||
			    !strcmp(pk, "least") || !strcmp(pk, "than") || !strcmp(pk, "nearly") ||
			    !strcmp(pk, "almost") || !strcmp(pk, "fewer")) {
				p--;
				continue;
			}
			if (!strcmp(pk, "at") && p < m->t0 && !strcmp(key(c, p), "least")) {
				p--;
				continue;
			}
			if (!strcmp(pk, "to") && p - 1 > s0 && !strcmp(key(c, p - 2), "up") &&
			    p < m->t0 && tok(c, p)->flags & NKG_TOK_NUM) {
				p -= 2;
				continue;
			}
			break;
		}
		if (p > s0 && eng_is(key(c, p - 1), ENG_PREP)) {
			m->prep = p - 1;
			m->flags |= M_PP;
			static const char *const quantity[] = {
			        "group", "groups", "number", "members", "member", "hundreds",
			        "thousands", "dozens", "millions", "tens", "scores", "some",
			        "many", "most", "all", "none", "one", "two", "three", "delegation",
			        "team", "contingent", "batch", "patch", "unit", "units", "part",
			        "leaders", "leader", "head", "wing", "each", "both", NULL};
			int quant = 0;
			if (!strcmp(key(c, p - 1), "of") && p - 1 > s0)
				for (int q = 0; quantity[q]; q++)
					if (!strcmp(key(c, p - 2), quantity[q]))
						quant = 1;
			if (quant) {
				m->prep = NKG_NONE;
				m->flags &= ~(unsigned)M_PP;
				continue;
			}
			static const char *const compound[] = {
			        "due", "according", "because", "thanks", "close",
			        "prior", "instead", "ahead", "owing", "part", NULL};
			if (p - 1 > s0)
				for (int q = 0; compound[q]; q++)
					if (!strcmp(key(c, p - 2), compound[q]))
						m->flags |= M_NOROLE;
		}
	}
	for (size_t k = 0; k + 1 < c->n_am; k++) {
		AMention *a = &c->am[k], *b = &c->am[k + 1];
		if (a->coord != NKG_NONE || a->t1 > b->t0)
			continue;
		size_t gap = b->t0 - a->t1;
		int ok = 0;
		if (gap == 1 && (!strcmp(key(c, a->t1), "and") || !strcmp(key(c, a->t1), ",") ||
		                 !strcmp(key(c, a->t1), "&")))
			ok = !strcmp(key(c, a->t1), "and") || (k + 2 < c->n_am);
		if (gap == 2 && !strcmp(key(c, a->t1), ",") && !strcmp(key(c, a->t1 + 1), "and"))
			ok = 1;
		if (gap == 2 && !strcmp(key(c, a->t1), "and") && !strcmp(key(c, a->t1 + 1), "the"))
			ok = 1;
		/* "Cuban and Venezuelan officials" is one phrase per side */
		if (ok && a->actor != b->actor && !(a->flags & M_SOURCE) &&
		    !(b->flags & M_SOURCE)) {
			a->coord = k + 1;
			b->flags |= a->flags & (M_PP | M_PLACE);
			if (b->prep == NKG_NONE)
				b->prep = a->prep;
		}
		/* remember pairs of countries for "the two countries" */
		if (ok && c->g->actors[a->actor].kind == NKG_KIND_COUNTRY &&
		    c->g->actors[b->actor].kind == NKG_KIND_COUNTRY && a->actor != b->actor) {
			c->pair[0] = a->actor;
			c->pair[1] = b->actor;
			c->have_pair = 1;
		}
	}
}

/* ---------- triggers ---------- */

int ex_is_actor_tok(const Ctx *c, size_t i)
{
	if (c->indexed)
		return i >= c->s0 && i < c->s1 && c->tam[i - c->s0] != NKG_NONE;
	for (size_t k = 0; k < c->n_am; k++)
		if (i >= c->am[k].t0 && i < c->am[k].t1)
			return 1;
	return 0;
}

/* ---------- document ---------- */

static NkgYmd find_pub_date(const Ctx *c)
{
	NkgYmd none = {0, 0, 0};
	for (size_t s = 0; s < c->tk->n_sents; s++) {
		const NkgSentence *se = &c->tk->sents[s];
		if (se->t1 - se->t0 > 14)
			continue;
		NkgDateExpr d[2];
		size_t n = nkg_find_dates(c->lx, c->tk, se->t0, se->t1, none, d, 2);
		if (n && d[0].t0 <= se->t0 + 1 && d[0].explicit_year && d[0].v.d)
			return d[0].v;
	}
	return none;
}

NkgStatus nkg_extract_tokens(const NkgLexicon *lx, const char *text,
                             const NkgTokens *tk, NkgGraph *g, NkgYmd *pub)
{
	Ctx c;
	memset(&c, 0, sizeof c);
	c.lx = lx;
	c.tk = tk;
	c.g = g;
	c.text = text;
	c.pub = *pub;
	if (!c.pub.y) {
		c.pub = find_pub_date(&c);
		*pub = c.pub;
	}
	NkgDateExpr dates[16];
	for (size_t s = 0; s < tk->n_sents; s++) {
		const NkgSentence *se = &tk->sents[s];
		c.sent = s;
		c.n_am = 0;
		c.n_tr = 0;
		char *anchor = malloc(se->b1 - se->b0 + 1);
		if (!anchor)
			break;
		memcpy(anchor, text + se->b0, se->b1 - se->b0);
		anchor[se->b1 - se->b0] = '\0';
		c.mention = nkg_graph_add_mention(g, se->c0, se->c1, se->c0, anchor);
		free(anchor);
		if (c.mention == NKG_NONE)
			break;
		size_t nt = se->t1 - se->t0;
		if (nt > c.cache_cap) {
			free(c.cache);
			free(c.cached);
			c.cache_cap = nt * 2;
			c.cache = malloc(c.cache_cap * (MAX_SPAN + 1) * sizeof *c.cache);
			c.cached = malloc(c.cache_cap);
			if (!c.cache || !c.cached)
				break;
		}
		memset(c.cache, 0, nt * (MAX_SPAN + 1) * sizeof *c.cache);
		memset(c.cached, 0, nt);
		c.s0 = se->t0;
		c.s1 = se->t1;
		c.indexed = 0;
		if (ex_analyse(&c, se))
			c.analysed = 0;
		find_actors(&c, se->t0, se->t1);
		ex_index_mentions(&c);
		ex_find_triggers(&c, se->t0, se->t1);
		size_t nd = nkg_find_dates(lx, tk, se->t0, se->t1, c.pub, dates, 16);
		for (size_t k = 0; k < c.n_tr; k++)
			if (!c.tr[k].suppressed)
				ex_fill_event(&c, &c.tr[k], se->t0, se->t1, dates, nd);
	}
	/* Mentions no node points to are dropped by the writer; actors
	 * referenced by events are marked for the diagram. */
	for (size_t i = 0; i < g->n_events; i++)
		for (int r = 0; r < NKG_ROLE_COUNT; r++)
			for (size_t k = 0; k < g->events[i].roles[r].n; k++)
				g->actors[g->events[i].roles[r].v[k]].referenced = 1;
	free(c.am);
	free(c.tr);
	free(c.sal);
	free(c.src_lex);
	free(c.cache);
	free(c.cached);
	nkg_analysis_free(c.an);
	free(c.tw);
	free(c.kid);
	free(c.sib);
	free(c.tam);
	free(c.tam_start);
	free(c.tam_end);
	return NKG_SUCCESS;
}
