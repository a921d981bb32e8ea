/* SPDX-License-Identifier: MIT */
/* mentions.c: the actor mentions of a sentence.  Takes the sentence's
 * tokens, their lexicon phrases and the document's actors so far; gives
 * c->am, the mentions in text order (known names, "Cuban Foreign Minister
 * Bruno Rodriguez" as country word + title + name, "Cuban security
 * advisers" as country word + group noun, "New York University" as a
 * capitalised name with an organisation head, appositions, pronouns and
 * surnames through coref.c), each with its governing preposition and its
 * coordination, and the actors and posts they name in the graph.
 */
#include "extract/internal.h"

#include "extract/english.h"
#include "lexicon/lexicon.h"
#include "text/fmt.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---------- small helpers ---------- */

char *ex_span_text(const Ctx *c, size_t t0, size_t t1)
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

/* ---------- actors in the graph ---------- */

/* The path segment that names lexicon actor A in the IRIs of its groups
 * and posts: a country's code, else the last segment of its own IRI
 * ("nato", "kurds"). */
static const char *actor_code(const LexActor *a)
{
	if (a->code)
		return a->code;
	const char *sl = strrchr(a->iri, '/');
	return sl && sl[1] ? sl + 1 : "x";
}

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

size_t ex_lex_of(const Ctx *c, size_t gi)
{
	return gi < c->n_src ? c->src_lex[gi] : NKG_NONE;
}

size_t ex_add_lex_actor(Ctx *c, size_t li, int depth)
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
			size_t lj =
			        nkg_lex_find_actor(c->lx, la->affil_iris[k]);
			if (lj == NKG_NONE)
				continue;
			size_t gj = ex_add_lex_actor(c, lj, depth + 1);
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
	                                  NKG_NS "Organization",
	                                  NKG_NS "Group"};
	size_t gi = nkg_graph_actor(c->g, iri, kind, cls[kind], label);
	if (gi != NKG_NONE && sector && !c->g->actors[gi].sector)
		nkg_set_str(&c->g->actors[gi].sector, sector);
	return gi;
}

size_t ex_push_mention(Ctx *c, size_t t0, size_t t1, size_t gi, unsigned flags)
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
	/* anonymous sources tell the story; they are not in it */
	if (!(flags & M_SOURCE))
		ex_salience_bump(c, gi);
	return c->n_am++;
}

static const NkgWord *word_of(const Ctx *c, size_t i);

/* "Who is dead?" is no WHO: an English function word is no name unless
 * it is written in capitals. */
static int function_word(const Ctx *c, size_t i)
{
	if (tok(c, i)->flags & NKG_TOK_UPPER)
		return 0;
	const char *k = key(c, i);
	return (eng_mask(k) & (ENG_BIT(ENG_RELATIVE) | ENG_BIT(ENG_PREP) |
	                       ENG_BIT(ENG_DET) | ENG_BIT(ENG_AUX) |
	                       ENG_BIT(ENG_CLAUSE) | ENG_BIT(ENG_BE))) != 0;
}

/* Country (or org) of a country word at I: label, alias, demonym or
 * metonym.  Returns its length and the lexicon actor. */
static size_t country_word(const Ctx *c, size_t i, size_t end, size_t *li,
                           LexKind *how)
{
	static const LexKind kinds[] = {LX_ACTOR, LX_DEMONYM, LX_METONYM};
	size_t best = 0;
	/* most tokens start no phrase of the three kinds */
	if (ex_kind_ruled_out(c, i, LX_ACTOR) &&
	    ex_kind_ruled_out(c, i, LX_DEMONYM) &&
	    ex_kind_ruled_out(c, i, LX_METONYM))
		return 0;
	for (size_t k = 0; k < 3; k++) {
		const LexEntry *e;
		size_t n = ex_longest(c, i, end, kinds[k], &e);
		if (n > best) {
			const LexActor *a = &c->lx->actors[e->idx];
			if (kinds[k] == LX_ACTOR &&
			    a->kind != NKG_KIND_COUNTRY &&
			    a->kind != NKG_KIND_ORGANIZATION)
				continue;
			best = n;
			*li = e->idx;
			*how = kinds[k];
		}
	}
	/* Country words are proper nouns: "us" is not the U.S.; a name
	 * that is itself written in lower case ("al-Shabaab") is so written */
	unsigned char first =
	        best && *how == LX_ACTOR
	                ? (unsigned char)c->lx->actors[*li].label[0]
	                : 0;
	if (best && ((!is_cap(c, i) && !(first >= 'a' && first <= 'z')) ||
	             (best == 1 && function_word(c, i))))
		return 0;
	return best;
}

static int name_particle(const char *k);

/* The country (lexicon actor) of a group with no country word of its
 * own: the one country the sentence names ("police in Kenya arrested
 * protesters", "farmers protested in Warsaw"); with none named, the
 * story's main country; with several, the main country if it is one of
 * them.  NKG_NONE otherwise. */
static size_t group_country(const Ctx *c, size_t s0, size_t s1)
{
	size_t mc = ex_main_country(c);
	size_t ml = mc != NKG_NONE ? ex_lex_of(c, mc) : NKG_NONE;
	size_t one = NKG_NONE;
	int several = 0, main_named = 0;
	for (size_t z = s0; z < s1; z++) {
		size_t li;
		LexKind how;
		size_t n = country_word(c, z, s1, &li, &how);
		if (!n || c->lx->actors[li].kind != NKG_KIND_COUNTRY)
			continue;
		main_named |= li == ml;
		if (one == NKG_NONE)
			one = li;
		else if (li != one)
			several = 1;
		z += n - 1;
	}
	if (one == NKG_NONE)
		return ml;
	if (!several)
		return one;
	return main_named ? ml : NKG_NONE;
}

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
		if (!name_particle(part) ||
		    !(raw[pl] == '-' && raw[pl + 1] >= 'A' &&
		      raw[pl + 1] <= 'Z'))
			return 0;
	}
	if (t->flags & NKG_TOK_NUM)
		return 0;
	const LexSlot *s = ex_lookup(c, i, 1, end);
	if (s)
		for (size_t k = 0; k < s->n; k++) {
			LexKind kd = s->v[k].kind;
			if (kd == LX_TITLE || kd == LX_STATUS ||
			    kd == LX_MONTH || kd == LX_WEEKDAY ||
			    kd == LX_PRONOUN || kd == LX_DEMONYM ||
			    kd == LX_METONYM || kd == LX_GROUP ||
			    kd == LX_VERB || kd == LX_SPEECH || kd == LX_CUE ||
			    kd == LX_ORGHEAD)
				return 0;
			if (kd == LX_ACTOR &&
			    c->lx->actors[s->v[k].idx].kind == NKG_KIND_COUNTRY)
				return 0;
		}
	if (ex_eng(c, i, ENG_DET) || ex_eng(c, i, ENG_PREP) ||
	    ex_eng(c, i, ENG_CLAUSE))
		return 0;
	return 1;
}

/* Is token I a country word, a known actor or a lexicon word that is not
 * a plain capitalised modifier? */
static int is_actor_or_lex(const Ctx *c, size_t i, size_t end);

/* Particles inside personal names: "bin", "al-", "de la". */
static int name_particle(const char *k)
{
	static const char *const p[] = {
	        "bin", "ibn", "al",  "el",  "de",  "da",  "del", "della", "di",
	        "la",  "le",  "van", "von", "der", "dos", "du",  "abu",   NULL};
	for (int i = 0; p[i]; i++)
		if (nkg_streq(p[i], k))
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
static size_t name_len_at(const Ctx *c, size_t i, size_t end)
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
			while (q < end && q < i + n + 3 &&
			       name_particle(key(c, q)))
				q++;
			/* "al-Sisi", "el-Sheikh" */
			if (q < end && nkg_streq(key(c, q), "-") && q > i + n)
				q++;
			if (is_name_token(c, q, end)) {
				n = q - i;
				continue;
			}
		}
		/* "Hassan Sheikh Mohamud": a capitalised title word between
		 * two parts of a name belongs to the name */
		if (n && i + n + 1 < end && is_cap(c, i + n) &&
		    is_word(c, i + n) && ex_has_kind(c, i + n, end, LX_TITLE) &&
		    is_name_token(c, i + n + 1, end) &&
		    !(i + n + 2 < end &&
		      ex_has_kind(c, i + n + 2, end, LX_TITLE))) {
			n++;
			continue;
		}
		/* "Donald J. Trump": a single initial then a period */
		if (n && i + n + 1 < end &&
		    tok(c, i + n)->b1 - tok(c, i + n)->b0 == 1 &&
		    is_cap(c, i + n) && nkg_streq(key(c, i + n + 1), ".")) {
			n += 2;
			continue;
		}
		break;
	}
	return n;
}

/* name_len_at(), asked of most tokens by several stages: to the
 * sentence's end, each token's answer is kept. */
static size_t name_len(const Ctx *c, size_t i, size_t end)
{
	if (i < c->s0 || i >= c->s1 || end != c->s1 || !c->nlen)
		return name_len_at(c, i, end);
	uint8_t *m = &c->nlen[i - c->s0];
	if (!*m)
		*m = (uint8_t)(name_len_at(c, i, end) + 1);
	return *m - 1u;
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
		return ex_add_lex_actor(c, e->idx, 0);
	/* a surname alone */
	if (n == 1) {
		int ambiguous;
		size_t p = ex_surname(c, i, end, &ambiguous);
		if (p != NKG_NONE)
			return p;
		/* two known people share the name and the story has named
		 * neither yet ("Sharif" in a headline): no guess */
		if (ambiguous || !allow_new)
			return NKG_NONE;
	}
	/* A full name, or one name after a title: someone new */
	char *label = ex_span_text(c, i, i + n);
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
		for (size_t k = 0; k < a->affiliations.n && next == NKG_NONE;
		     k++) {
			size_t b = a->affiliations.v[k];
			if (c->g->actors[b].kind == NKG_KIND_COUNTRY)
				return b;
			next = b;
		}
		gi = next;
	}
	return NKG_NONE;
}

static void add_post(Ctx *c, size_t person, const char *title, size_t org,
                     const char *status)
{
	if (org == NKG_NONE)
		org = country_of(c, person);
	if (org == NKG_NONE && c->g->actors[person].kind == NKG_KIND_PERSON &&
	    !c->g->actors[person].known)
		org = ex_main_country(c);
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
	if (!is_cap(c, i) || ex_eng(c, i, ENG_DET))
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
			if (ex_has_kind(c, j, end, LX_VERB) ||
			    ex_has_kind(c, j, end, LX_SPEECH) ||
			    ex_has_kind(c, j, end, LX_TITLE) ||
			    ex_has_kind(c, j, end, LX_MONTH) ||
			    ex_has_kind(c, j, end, LX_WEEKDAY))
				break;
			j++;
			lw = j;
			continue;
		}
		/* "NATO and European Union officials": two bodies, not
		 * one name */
		if (nkg_streq(t->key, "and") && j + 1 < end &&
		    ex_longest(c, j + 1, end, LX_ACTOR, NULL))
			break;
		if ((nkg_streq(t->key, "of") || nkg_streq(t->key, "for") ||
		     nkg_streq(t->key, "and") || nkg_streq(t->key, "on")) &&
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
	char *label = ex_span_text(c, i, j);
	char *slug = nkg_slug(label ? label : "org");
	char iri[600];
	snprintf(iri, sizeof iri, ID_BASE "org/%s", slug ? slug : "x");
	free(slug);
	*gi = add_new_actor(c, iri, NKG_KIND_ORGANIZATION, label,
	                    sector && *sector ? sector : NULL);
	free(label);
	if (*gi != NKG_NONE && country != NKG_NONE) {
		size_t gc = ex_add_lex_actor(c, country, 0);
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
				const LexSlot *sl =
				        ex_lookup(c, j + skip, m, end);
				for (size_t q = 0; sl && q < sl->n; q++)
					if (sl->v[q].kind == LX_NOUN &&
					    sl->v[q].ntok == m)
						return 0;
			}
			*gidx = e->idx;
			return j + skip + n;
		}
		const NkgToken *t = tok(c, j + skip);
		if (!(t->flags & NKG_TOK_WORD) ||
		    (eng_mask(t->key) & (ENG_BIT(ENG_PREP) | ENG_BIT(ENG_DET) |
		                         ENG_BIT(ENG_AUX) | ENG_BIT(ENG_BE))) ||
		    ex_has_kind(c, j + skip, end, LX_VERB) ||
		    ex_has_kind(c, j + skip, end, LX_SPEECH) ||
		    ex_has_kind(c, j + skip, end, LX_TITLE))
			return 0;
		/* proper nouns between are not modifiers of a group noun */
		if (t->flags & NKG_TOK_CAP && !(t->flags & NKG_TOK_UPPER))
			return 0;
	}
	return 0;
}

/* Adds "A B C" (B may be NULL) as an alternative label of graph actor GI. */
static void add_alt3(Ctx *c, size_t gi, const char *a, const char *b,
                     const char *n)
{
	char buf[400];
	size_t l = nkg_cat(buf, sizeof buf, 0, a, SIZE_MAX);
	if (b) {
		l = nkg_cat(buf, sizeof buf, l, " ", SIZE_MAX);
		l = nkg_cat(buf, sizeof buf, l, b, SIZE_MAX);
	}
	l = nkg_cat(buf, sizeof buf, l, " ", SIZE_MAX);
	nkg_cat(buf, sizeof buf, l, n, SIZE_MAX);
	nkg_actor_add_alt(&c->g->actors[gi], buf);
}

static size_t make_group(Ctx *c, size_t country_li, size_t gidx, size_t m0,
                         size_t m1, size_t t_end)
{
	const LexActor *ca = &c->lx->actors[country_li];
	const LexGroup *gr = &c->lx->groups[gidx];
	char *mods = m1 > m0 ? ex_span_text(c, m0, m1) : NULL;
	char *mods_f = mods ? nkg_fold(mods, strlen(mods)) : NULL;
	const char *dem = ca->demonym ? ca->demonym : ca->label;
	const char *noun = gr->label;
	/* The label keeps the noun as written ("Indian Navy", "Cuban security
	 * advisers"); the IRI uses the lexicon's noun, so "authorities" and
	 * "government" of one country are one node. */
	char *written = NULL;
	{
		written = ex_span_text(c, m1, t_end);
		if (written) {
			char *f = nkg_fold(written, strlen(written));
			free(written);
			written = f;
		}
		noun = written ? written : noun;
	}
	size_t ll = strlen(dem) + (mods_f ? strlen(mods_f) + 1 : 0) +
	            strlen(noun) + 4;
	char *label = malloc(ll);
	if (!label) {
		free(mods);
		free(mods_f);
		free(written);
		return NKG_NONE;
	}
	size_t l = nkg_cat(label, ll, 0, dem, SIZE_MAX);
	if (mods_f) {
		l = nkg_cat(label, ll, l, " ", SIZE_MAX);
		l = nkg_cat(label, ll, l, mods_f, SIZE_MAX);
	}
	l = nkg_cat(label, ll, l, " ", SIZE_MAX);
	nkg_cat(label, ll, l, noun, SIZE_MAX);
	char *slug = nkg_slug(mods_f ? label + strlen(dem) + 1 : gr->label);
	char iri[700];
	const char *code = actor_code(ca);
	l = nkg_cat(iri, sizeof iri, 0, ID_BASE, SIZE_MAX);
	l = nkg_cat(iri, sizeof iri, l,
	            gr->kind == NKG_KIND_GROUP ? "group/" : "org/", SIZE_MAX);
	l = nkg_cat(iri, sizeof iri, l, code, SIZE_MAX);
	l = nkg_cat(iri, sizeof iri, l, "/", SIZE_MAX);
	nkg_cat(iri, sizeof iri, l, slug ? slug : "x", SIZE_MAX);
	free(slug);
	size_t gi = add_new_actor(c, iri, gr->kind, label, gr->sector);
	if (gi != NKG_NONE) {
		size_t gc = ex_add_lex_actor(c, country_li, 0);
		if (gc != NKG_NONE && gc != gi)
			nkg_idx_add(&c->g->actors[gi].affiliations, gc);
		/* the names a reader would look it up by: "Myanmar police" and
		 * "Palestinian protesters" for "the police" and "Palestinian
		 * demonstrators" */
		add_alt3(c, gi, ca->label, mods_f, gr->label);
		add_alt3(c, gi, dem, mods_f, gr->label);
		add_alt3(c, gi, ca->label, mods_f, noun);
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
	static const char *const ok[] = {"police",   "military",   "rebel",
	                                 "civilian", "opposition", "militant",
	                                 "criminal", NULL};
	for (int q = 0; sector && ok[q]; q++)
		if (nkg_streq(sector, ok[q]))
			return 1;
	return 0;
}

/* Where the modifiers of a bare group noun at I start: nouns and hyphened
 * adjectives the tagger puts before it ("drug cartels", "anti-coup
 * demonstrators", "pro-Palestinian activists"); plain adjectives ("other",
 * "angry") say nothing about who the group is. */
static size_t group_mods(const Ctx *c, size_t i)
{
	size_t m0 = i;
	while (m0 > c->s0 && i - m0 < 2 && is_word(c, m0 - 1) &&
	       !is_cap(c, m0 - 1) && !ex_is_actor_tok(c, m0 - 1) &&
	       !ex_has_kind(c, m0 - 1, c->s1, LX_GROUP)) {
		int32_t w = ex_word(c, m0 - 1);
		if (w < 0)
			break;
		const NkgWord *wd = &c->an->words[w];
		int hyph = strchr(key(c, m0 - 1), '-') != NULL;
		/* the tagger reads an unknown "anti-coup" as a verb */
		if (wd->xpos != X_NN &&
		    !(hyph && (wd->xpos == X_JJ || wd->xpos == X_VB)))
			break;
		m0--;
	}
	return m0;
}

/* Does group noun GR name people of a body of no state that the story
 * may name (rebels, criminals)? */
static int of_armed_body(const LexGroup *gr)
{
	return gr->sector && (nkg_streq(gr->sector, "rebel") ||
	                      nkg_streq(gr->sector, "criminal"));
}

/* The actor FITS accepts (with ARG) that the salience list last saw,
 * within BACK sentences of this one (before this one when BEFORE), when
 * no other it accepts was seen as lately; else NKG_NONE. */
typedef int (*ActorTest)(const NkgActor *a, const void *arg);

static size_t latest_told(const Ctx *c, ActorTest fits, const void *arg,
                          size_t back, int before)
{
	size_t best = NKG_NONE, when = 0;
	int ties = 0;
	for (size_t k = 0; k < c->n_sal; k++) {
		size_t last = c->sal[k].last_sent;
		if ((before && last >= c->sent) || last + back < c->sent ||
		    !fits(&c->g->actors[c->sal[k].actor], arg))
			continue;
		if (best == NKG_NONE || last > when) {
			best = c->sal[k].actor;
			when = last;
			ties = 0;
		} else if (last == when && c->sal[k].actor != best) {
			ties = 1;
		}
	}
	return ties ? NKG_NONE : best;
}

typedef struct {
	NkgActorKind kind;
	const char *slug;
} KindSlug;

/* A body of that kind whose IRI ends in the group noun's slug. */
static int of_group_noun(const NkgActor *a, const void *arg)
{
	const KindSlug *ks = arg;
	size_t sl = strlen(ks->slug), al = a->iri ? strlen(a->iri) : 0;
	return a->kind == ks->kind && al > sl + 1 &&
	       !strcmp(a->iri + al - sl, ks->slug) &&
	       (a->iri[al - sl - 1] == '/' || a->iri[al - sl - 1] == '-');
}

/* "the ministry" after "the foreign ministry said": the body of that
 * kind the last sentences named, when only one was (NKG_NONE). */
static size_t told_body(const Ctx *c, const LexGroup *gr)
{
	char *slug = nkg_slug(gr->label);
	if (!slug)
		return NKG_NONE;
	KindSlug ks = {gr->kind, slug};
	size_t best = latest_told(c, of_group_noun, &ks, 2, 1);
	free(slug);
	return best;
}

/* The named body of no state that group noun GR stands for ("the
 * militants" after "al-Shabaab"), or NKG_NONE. */
static size_t named_for(const Ctx *c, const LexGroup *gr)
{
	return of_armed_body(gr) ? ex_named_group(c, gr->sector) : NKG_NONE;
}

/* Remembers group GI of noun GR for a body the story names later. */
static void note_bare(Ctx *c, const LexGroup *gr, size_t gi)
{
	if (!of_armed_body(gr))
		return;
	for (size_t k = 0; k < c->n_bare; k++)
		if (c->bare[k] == gi)
			return;
	if (c->n_bare < sizeof c->bare / sizeof c->bare[0])
		c->bare[c->n_bare++] = gi;
}

static size_t bare_group(Ctx *c, size_t i, size_t s1)
{
	const LexEntry *e;
	size_t n = ex_longest(c, i, s1, LX_GROUP, &e);
	if (!n || ex_is_actor_tok(c, i))
		return 0;
	const LexGroup *gr = &c->lx->groups[e->idx];
	/* "the government", "officials": the story's country's, when the
	 * story has one */
	int governs = gr->sector && nkg_streq(gr->sector, "government");
	if (!governs &&
	    (!bare_sector(gr->sector) ||
	     (gr->kind != NKG_KIND_GROUP && strcmp(gr->sector, "police"))))
		return 0;
	/* "fighters of the RSF", "militants from JNIM": the named body
	 * is the actor */
	if (i + n < s1 && (nkg_streq(key(c, i + n), "of") ||
	                   nkg_streq(key(c, i + n), "from")))
		return 0;
	/* "police chief", "protesters' demands": the noun is a modifier;
	 * but "the government's decision" is the government's */
	int poss = i + n < s1 && (nkg_streq(key(c, i + n), "'s") ||
	                          nkg_streq(key(c, i + n), "'"));
	if (i + n < s1 &&
	    (ex_has_kind(c, i + n, s1, LX_TITLE) || (poss && !governs)))
		return 0;
	/* nor an adjective before a noun ("civilian casualties",
	 * "military targets") */
	{
		const NkgWord *gw = n == 1 ? word_of(c, i) : NULL;
		const NkgWord *nw = gw && i + 1 < s1 ? word_of(c, i + 1) : NULL;
		if (gw && nw && gw->xpos == X_JJ &&
		    (nw->xpos == X_NN || nw->xpos == X_NNS))
			return 0;
	}
	/* nor a noun that starts an event phrase ("military operation") */
	for (size_t m = n + 1; m <= n + 2; m++) {
		const LexSlot *sl = ex_lookup(c, i, m, s1);
		for (size_t q = 0; sl && q < sl->n; q++)
			if (sl->v[q].kind == LX_NOUN && sl->v[q].ntok == m)
				return 0;
	}
	size_t m0 = group_mods(c, i);
	/* "the ministry" is the one just named */
	if (m0 == i && i > c->s0 && nkg_streq(key(c, i - 1), "the") &&
	    gr->kind == NKG_KIND_ORGANIZATION) {
		size_t told = told_body(c, gr);
		if (told != NKG_NONE) {
			ex_push_mention(c, i, i + n, told, 0);
			return n;
		}
	}
	/* "the militants" after "al-Shabaab": a body of no state named in
	 * the story is the one its bare noun stands for; "the FDLR militia"
	 * names another */
	int named_before =
	        i > c->s0 + 1 && is_cap(c, i - 1) && is_word(c, i - 1);
	if (m0 == i && !named_before) {
		size_t named = named_for(c, gr);
		if (named != NKG_NONE) {
			ex_push_mention(c, i, i + n, named, 0);
			return n;
		}
	}
	/* criminals are rarely the story's main country's own */
	size_t li = strcmp(gr->sector, "criminal") ? group_country(c, c->s0, s1)
	                                           : NKG_NONE;
	size_t gi;
	if (governs && li == NKG_NONE)
		return 0;
	if (li != NKG_NONE) {
		gi = make_group(c, li, e->idx, m0, i, i + n);
	} else {
		char *written = ex_span_text(c, m0, i + n);
		char *label =
		        written ? nkg_fold(written, strlen(written)) : NULL;
		char *slug = nkg_slug(m0 < i ? label : gr->label);
		char iri[700];
		snprintf(iri, sizeof iri, "%s%s/%s", c->g->base,
		         gr->kind == NKG_KIND_GROUP ? "group" : "org",
		         slug ? slug : "x");
		gi = label ? add_new_actor(c, iri, gr->kind, label, gr->sector)
		           : NKG_NONE;
		free(written);
		free(label);
		free(slug);
	}
	if (gi == NKG_NONE)
		return 0;
	if (m0 == i && !named_before)
		note_bare(c, gr, gi);
	ex_push_mention(c, m0, i + n, gi, poss ? M_POSS : 0);
	return n + (poss ? 1 : 0);
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

/* Mention that starts at token I, or NULL. */
const AMention *ex_mention_starting(const Ctx *c, size_t i)
{
	if (c->indexed)
		return i >= c->s0 && i <= c->s1 &&
		                       c->tam_start[i - c->s0] != NKG_NONE
		               ? &c->am[c->tam_start[i - c->s0]]
		               : NULL;
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
		return i >= c->s0 && i <= c->s1 &&
		                       c->tam_end[i - c->s0] != NKG_NONE
		               ? &c->am[c->tam_end[i - c->s0]]
		               : NULL;
	for (size_t k = 0; k < c->n_am; k++)
		if (c->am[k].t1 == i)
			return &c->am[k];
	return NULL;
}

int ex_is_actor_tok(const Ctx *c, size_t i)
{
	if (c->indexed)
		return i >= c->s0 && i < c->s1 && c->tam[i - c->s0] != NKG_NONE;
	for (size_t k = 0; k < c->n_am; k++)
		if (i >= c->am[k].t0 && i < c->am[k].t1)
			return 1;
	return 0;
}

/* ---------- the noun phrases of a sentence, stage by stage ---------- */

/* What opens a noun phrase at token I: a status word ("former"), then a
 * country word (name, demonym or capital) and its possessive. */
typedef struct {
	size_t i, j;        /* the phrase start; the token after the status */
	const char *status; /* "former", "acting" or NULL */
	size_t cli;         /* lexicon actor of the country word, NKG_NONE */
	LexKind how;        /* LX_ACTOR, LX_DEMONYM or LX_METONYM */
	size_t cw;          /* length of the country word, 0: none */
	size_t after_c;     /* token after it and its 's */
	int poss;
} Head;

/* Reads the opening of the phrase at I; 0 when a status word ends the
 * sentence and qualifies nothing. */
static int read_head(Ctx *c, size_t i, size_t s1, Head *h)
{
	size_t j = i;
	size_t st_len = 0;
	h->i = i;
	h->status = status_at(c, j, s1, &st_len);
	if (h->status && st_len) {
		/* "former" only counts before a country word or title */
		j += st_len;
		if (j < s1 && nkg_streq(key(c, j), "-"))
			j++;
		if (j >= s1)
			return 0;
	}
	h->j = j;
	h->cli = NKG_NONE;
	h->how = LX_ACTOR;
	h->cw = country_word(c, j, s1, &h->cli, &h->how);
	{
		/* "Israel Defense Forces" is a known body, not Israel
		 * followed by a group noun */
		const LexEntry *ke;
		size_t kn = ex_longest(c, j, s1, LX_ACTOR, &ke);
		if (kn > h->cw && h->cw &&
		    c->lx->actors[ke->idx].kind != NKG_KIND_COUNTRY)
			h->cw = 0;
	}
	if (!h->cw && is_cap(c, j)) {
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
						h->cli = sl->v[q].idx;
						h->cw = 1;
					}
		}
	}
	h->after_c = j + h->cw;
	h->poss = 0;
	if (h->cw && h->after_c < s1 && nkg_streq(key(c, h->after_c), "'s")) {
		h->poss = 1;
		h->after_c++;
	}
	return 1;
}

/* The title after the opening H: "Mali's transitional president",
 * "Mexican Security Minister".  Returns its length with its modifiers
 * (0: none), *TPOS where it starts, and the status it carries. */
static size_t find_title(const Ctx *c, const Head *h, size_t s1, size_t *tpos,
                         const LexTitle **title, const char **status)
{
	size_t tp = h->cw ? h->after_c : h->j;
	*status = h->status;
	*title = NULL;
	if (h->cw) {
		size_t sl2;
		const char *st2 = status_at(c, tp, s1, &sl2);
		if (st2 && sl2) {
			*status = st2;
			tp += sl2;
		}
	}
	*tpos = tp;
	size_t tl = title_at(c, tp, s1, title);
	if (!tl && (h->cw || (is_cap(c, tp) && is_word(c, tp)))) {
		/* capitalised modifiers before a title become part of it
		 * ("Security Minister Rafael Mendoza") */
		for (size_t m = 1; m <= 2 && !tl && tp + m < s1; m++) {
			const char *mk = key(c, tp + m - 1);
			/* "Uganda's U.N. ambassador" is Uganda's, at the
			 * U.N. */
			const LexEntry *oe;
			int org_mod = h->poss &&
			              ex_longest(c, tp + m - 1, s1, LX_ACTOR,
			                         &oe) == 1 &&
			              c->lx->actors[oe->idx].kind ==
			                      NKG_KIND_ORGANIZATION;
			if (!is_word(c, tp + m - 1) ||
			    (is_actor_or_lex(c, tp + m - 1, s1) && !org_mod) ||
			    (eng_mask(mk) &
			     (ENG_BIT(ENG_DET) | ENG_BIT(ENG_PREP) |
			      ENG_BIT(ENG_AUX) | ENG_BIT(ENG_BE) |
			      ENG_BIT(ENG_CLAUSE))) ||
			    nkg_streq(mk, "and"))
				break;
			tl = title_at(c, tp + m, s1, title);
			if (tl)
				tl += m;
		}
	}
	return tl;
}

/* The name after a title ending at *NP: "President of Kenya William Ruto",
 * "Defence Minister Israel Katz", "Egypt's finance minister, Ahmed
 * Kouchouk".  Returns its length (0: none), moving *NP to where it starts
 * and setting *ORG_LI to a country named by "of". */
static size_t name_after_title(const Ctx *c, size_t *np, size_t s1,
                               size_t *org_li)
{
	size_t p = *np;
	if (p + 1 < s1 && nkg_streq(key(c, p), "of") && *org_li == NKG_NONE) {
		size_t li2;
		LexKind h2;
		size_t n2 = country_word(c, p + 1, s1, &li2, &h2);
		/* "President of Kenya, William Ruto"; "President of Kenya
		 * William Ruto" when a whole name (two words) follows */
		if (n2 && (!is_name_token(c, p + 1 + n2, s1) ||
		           name_len(c, p + 1 + n2, s1) >= 2)) {
			*org_li = li2;
			p += 1 + n2;
		}
	}
	size_t nl = name_len(c, p, s1);
	if (!nl && p + 1 < s1 && is_cap(c, p) && is_word(c, p) &&
	    is_name_token(c, p + 1, s1) && !ex_has_kind(c, p, s1, LX_TITLE)) {
		/* a first name that is also a country */
		nl = 1 + name_len(c, p + 1, s1);
	}
	if (!nl && p + 1 < s1 && nkg_streq(key(c, p), ",")) {
		size_t q = p + 1;
		const LexTitle *t2;
		size_t l2 = title_at(c, q, s1, &t2);
		if (l2 && q + l2 < s1 && nkg_streq(key(c, q + l2), "."))
			l2++;
		if (l2 && name_len(c, q + l2, s1) >= 2)
			q += l2;
		if (name_len(c, q, s1) >= 2) {
			nl = name_len(c, q, s1);
			p = q;
		}
	}
	*np = p;
	return nl;
}

/* A person named after the title [TPOS, TPOS+TL) of opening H: the post
 * and the mention.  Returns the token after the phrase (0: no one). */
static size_t title_holder(Ctx *c, const Head *h, size_t s1, size_t tpos,
                           size_t tl, const LexTitle *title, const char *status)
{
	size_t np = tpos + tl;
	size_t org_li = h->cli;
	size_t nl = name_after_title(c, &np, s1, &org_li);
	if (!nl)
		return 0;
	/* "President Alar Karis of Estonia": a country named after the name
	 * is the post's, as one before it would be */
	if (org_li == NKG_NONE && np + nl + 1 < s1 &&
	    nkg_streq(key(c, np + nl), "of")) {
		size_t q = np + nl + 1, li2;
		LexKind h2;
		if (q + 1 < s1 && nkg_streq(key(c, q), "the"))
			q++;
		size_t n2 = country_word(c, q, s1, &li2, &h2);
		if (n2 && h2 == LX_ACTOR && !is_name_token(c, q + n2, s1))
			org_li = li2;
	}
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
	if (person == NKG_NONE || c->g->actors[person].kind != NKG_KIND_PERSON)
		return 0;
	size_t org =
	        org_li != NKG_NONE ? ex_add_lex_actor(c, org_li, 0) : NKG_NONE;
	/* the country word is evidence for the country, not a party of its own
	 */
	if (h->cli != NKG_NONE && org != NKG_NONE) {
		nkg_idx_add(&c->g->actors[org].mentions, c->mention);
		ex_salience_bump(c, org);
	}
	/* "Indian foreign ministry spokesperson": the post is the body's,
	 * and the body is an actor of the country */
	if (org_li == h->cli && h->cli != NKG_NONE &&
	    c->lx->actors[h->cli].kind == NKG_KIND_COUNTRY)
		for (size_t q = tpos; q < tpos + tl; q++) {
			const LexEntry *ge;
			const LexTitle *tt;
			size_t gn = ex_longest(c, q, tpos + tl, LX_GROUP, &ge);
			if (!gn || q + gn >= tpos + tl ||
			    !title_at(c, q + gn, s1, &tt) ||
			    c->lx->groups[ge->idx].kind !=
			            NKG_KIND_ORGANIZATION)
				continue;
			size_t body =
			        make_group(c, h->cli, ge->idx, q, q, q + gn);
			if (body != NKG_NONE)
				org = body;
			break;
		}
	char *ttext = NULL;
	if (tl > 1 && tpos + tl <= s1 && is_cap(c, tpos) &&
	    !ex_has_kind(c, tpos, s1, LX_TITLE)) {
		/* keep what the text says: "Security Minister" */
		ttext = ex_span_text(c, tpos, tpos + tl);
	}
	add_post(c, person, ttext ? ttext : title->label, org, status);
	free(ttext);
	size_t end = np + nl;
	unsigned fl = 0;
	if (end < s1 && nkg_streq(key(c, end), "'s"))
		fl |= M_POSS;
	ex_push_mention(c, h->i, end, person, fl);
	return end + (fl & M_POSS ? 1 : 0);
}

/* A country's title with no name: "Montenegro's prime minister" is the
 * post as an actor; "Palestinian leaders" is a group.  Returns the token
 * after the title. */
/* The person of the story who holds TITLE (for COUNTRY, a graph actor,
 * unless NKG_NONE): "the prime minister", "the Israeli president" after
 * the post's holder was named.  A title without a sector ("leader")
 * stands for the country's most mentioned holder of any post.  The most
 * mentioned holder wins; NKG_NONE when there is none. */
static size_t post_holder(const Ctx *c, const LexTitle *title, size_t country)
{
	size_t best = NKG_NONE, best_n = 0;
	for (size_t k = 0; k < c->g->n_positions; k++) {
		const NkgPosition *p = &c->g->positions[k];
		const NkgActor *a = &c->g->actors[p->holder];
		if (a->kind != NKG_KIND_PERSON || strstr(a->iri, "/post/"))
			continue; /* a person, not an unnamed post */
		if (country != NKG_NONE && p->organization != country)
			continue;
		if (title->sector &&
		    (!p->title || strcasecmp(p->title, title->label)))
			continue;
		size_t n = ex_salience_count(c, p->holder);
		if (n > best_n) {
			best = p->holder;
			best_n = n;
		}
	}
	return best;
}

static size_t unnamed_post(Ctx *c, const Head *h, size_t tpos, size_t tl,
                           const LexTitle *title)
{
	const LexActor *ca = &c->lx->actors[h->cli];
	const char *lastk = key(c, tpos + tl - 1);
	size_t lk = strlen(lastk);
	char *tfold = nkg_fold(title->label, strlen(title->label));
	int plural = lk > 2 && lastk[lk - 1] == 's' && tfold &&
	             strcmp(lastk, tfold) != 0 &&
	             (strlen(tfold) < 2 || tfold[strlen(tfold) - 1] != 's');
	free(tfold);
	char label[400], iri[600];
	size_t gi;
	if (!plural) {
		size_t gc = ex_add_lex_actor(c, h->cli, 0);
		size_t who =
		        gc != NKG_NONE ? post_holder(c, title, gc) : NKG_NONE;
		if (who != NKG_NONE) {
			ex_push_mention(c, h->i, tpos + tl, who, 0);
			return tpos + tl;
		}
	}
	if (plural) {
		char *written = ex_span_text(c, tpos, tpos + tl);
		char *wf = written ? nkg_fold(written, strlen(written)) : NULL;
		snprintf(label, sizeof label, "%s %s",
		         ca->demonym ? ca->demonym : ca->label,
		         wf ? wf : "officials");
		char *slug = nkg_slug(wf ? wf : "officials");
		snprintf(iri, sizeof iri, ID_BASE "group/%s/%s", actor_code(ca),
		         slug ? slug : "x");
		gi = add_new_actor(c, iri, NKG_KIND_GROUP, label,
		                   title->sector);
		free(slug);
		free(written);
		free(wf);
	} else {
		snprintf(label, sizeof label, "%s of %s", title->label,
		         ca->label);
		char *slug = nkg_slug(label);
		snprintf(iri, sizeof iri, ID_BASE "post/%s/%s", actor_code(ca),
		         slug ? slug : "x");
		free(slug);
		gi = add_new_actor(c, iri, NKG_KIND_PERSON, label,
		                   title->sector);
	}
	if (gi != NKG_NONE) {
		size_t gc = ex_add_lex_actor(c, h->cli, 0);
		if (gc != NKG_NONE)
			nkg_idx_add(&c->g->actors[gi].affiliations, gc);
		ex_push_mention(c, h->i, tpos + tl, gi, 0);
	}
	return tpos + tl;
}

/* A title with or without a country word before it and a name after it.
 * Returns the token after the phrase (0: none here). */
static size_t titled_mention(Ctx *c, const Head *h, size_t s1)
{
	size_t tpos;
	const LexTitle *title;
	const char *status;
	size_t tl = find_title(c, h, s1, &tpos, &title, &status);
	if (!tl)
		return 0;
	size_t end = title_holder(c, h, s1, tpos, tl, title, status);
	if (!end && h->cw && title)
		end = unnamed_post(c, h, tpos, tl, title);
	/* "the prime minister": the story's holder of the post */
	if (!end && !h->cw && title && title->sector && tpos == h->j &&
	    h->j > c->s0 && nkg_streq(key(c, h->j - 1), "the") &&
	    (tpos + tl >= s1 || !is_cap(c, tpos + tl))) {
		size_t who = post_holder(c, title, NKG_NONE);
		if (who != NKG_NONE) {
			ex_push_mention(c, h->i, tpos + tl, who, 0);
			end = tpos + tl;
		}
	}
	return end;
}

/* A group noun after the country word of H, with up to two modifiers:
 * "Cuban security advisers".  Returns the token after it (0: none). */
static size_t country_group(Ctx *c, const Head *h, size_t s1)
{
	size_t gidx, m0;
	size_t gend = group_after(c, h->after_c, s1, &gidx, &m0);
	if (!gend)
		return 0;
	/* "Cambodian journalist Mech Dara": one person so described, of
	 * that country, no group */
	const NkgWord *gw = word_of(c, gend - 1);
	if (gw && gw->xpos == X_NN && gend + 1 < s1 && is_cap(c, gend) &&
	    is_word(c, gend) && is_cap(c, gend + 1) && is_word(c, gend + 1) &&
	    !is_actor_or_lex(c, gend, s1)) {
		c->descr_tok = gend;
		c->descr_li = h->cli;
		return 0;
	}
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
	size_t gi = make_group(c, h->cli, gidx, m0, gstart, gend);
	if (gi != NKG_NONE) {
		/* as the text writes it: "U.S. lawmakers" */
		char *surface = ex_span_text(c, h->j, gend);
		nkg_actor_add_alt(&c->g->actors[gi], surface);
		free(surface);
	}
	ex_push_mention(c, h->i, gend, gi, 0);
	return gend;
}

/* "the National Intelligence and Security Agency (NISA)", "..., or NISA,":
 * a short name in capitals right after a body's name stands for the body
 * in the rest of the text.  Returns the tokens after the name it takes. */
static size_t acronym_after(Ctx *c, size_t j, size_t s1, size_t gi)
{
	size_t a;
	if (j + 2 < s1 && nkg_streq(key(c, j), "(") &&
	    nkg_streq(key(c, j + 2), ")"))
		a = j + 1;
	else if (j + 3 < s1 && nkg_streq(key(c, j), ",") &&
	         nkg_streq(key(c, j + 1), "or") &&
	         (nkg_streq(key(c, j + 3), ",") ||
	          nkg_streq(key(c, j + 3), ".")))
		a = j + 2;
	else
		return 0;
	const NkgToken *t = tok(c, a);
	size_t len = strlen(t->key);
	if (!(t->flags & NKG_TOK_UPPER) || len < 2 || len >= 16 ||
	    ex_is_actor_tok(c, a))
		return 0;
	if (c->n_acro < sizeof c->acro / sizeof *c->acro) {
		memcpy(c->acro[c->n_acro].key, t->key, len + 1);
		c->acro[c->n_acro++].actor = gi;
		char *surface = ex_span_text(c, a, a + 1);
		nkg_actor_add_alt(&c->g->actors[gi], surface);
		free(surface);
	}
	ex_push_mention(c, a, a + 1, gi, 0);
	return a + 2 - j;
}

/* A body of the country in H: "U.S. Naval Academy" (a name that starts
 * with the country), "Azerbaijan's Defence Ministry".  Returns the token
 * after it (0: none). */
static size_t country_body(Ctx *c, const Head *h, size_t s1)
{
	size_t ogi;
	size_t on = h->poss ? 0 : org_name(c, h->j, s1, &ogi);
	if (on > h->cw && ogi != NKG_NONE) {
		ex_push_mention(c, h->i, h->j + on, ogi, 0);
		return h->j + on + acronym_after(c, h->j + on, s1, ogi);
	}
	if (!h->poss || c->lx->actors[h->cli].kind != NKG_KIND_COUNTRY)
		return 0;
	size_t q = h->after_c, head = 0;
	while (q < s1 && q < h->after_c + 4 && is_cap(c, q) && is_word(c, q) &&
	       !ex_has_kind(c, q, s1, LX_TITLE) && !is_actor_or_lex(c, q, s1)) {
		if (ex_has_kind(c, q, s1, LX_ORGHEAD))
			head = q + 1;
		q++;
	}
	if (!head)
		return 0;
	char *run = ex_span_text(c, h->after_c, head);
	const LexActor *ca = &c->lx->actors[h->cli];
	char label[400], iri[600];
	snprintf(label, sizeof label, "%s of %s", run ? run : "", ca->label);
	char *slug = nkg_slug(run ? run : "org");
	snprintf(iri, sizeof iri, ID_BASE "org/%s/%s", actor_code(ca),
	         slug ? slug : "x");
	size_t gi = add_new_actor(c, iri, NKG_KIND_ORGANIZATION, label, NULL);
	if (gi != NKG_NONE) {
		size_t gc = ex_add_lex_actor(c, h->cli, 0);
		if (gc != NKG_NONE)
			nkg_idx_add(&c->g->actors[gi].affiliations, gc);
	}
	free(run);
	free(slug);
	ex_push_mention(c, h->i, head, gi, 0);
	return gi != NKG_NONE ? head + acronym_after(c, head, s1, gi) : head;
}

/* "Algerian landowners", "Iraqi Kurds": a demonym before a plural noun
 * the lexicon does not know names a group.  Returns the token after it
 * (0: none). */
static size_t demonym_group(Ctx *c, const Head *h, size_t s1)
{
	size_t a = h->after_c;
	if (h->how != LX_DEMONYM || h->poss || a >= s1 || !is_word(c, a) ||
	    is_actor_or_lex(c, a, s1) || ex_has_kind(c, a, s1, LX_NOUN) ||
	    (eng_mask(key(c, a)) & (ENG_BIT(ENG_PREP) | ENG_BIT(ENG_AUX) |
	                            ENG_BIT(ENG_BE) | ENG_BIT(ENG_CLAUSE))))
		return 0;
	const char *nk = key(c, a);
	size_t nkl = strlen(nk);
	if (!(nkl > 3 && nk[nkl - 1] == 's' && nk[nkl - 2] != 's' &&
	      !(tok(c, a)->flags & NKG_TOK_UPPER)))
		return 0;
	/* people, not "American soybeans" or "Chinese exports" (WordNet's
	 * class of the noun, when the sentence is analysed) */
	const NkgWord *nw = word_of(c, a);
	if (nw && nw->nclass != NC_NONE && nw->nclass != NC_PERSON &&
	    nw->nclass != NC_GROUP)
		return 0;
	const LexActor *ca = &c->lx->actors[h->cli];
	char label[300], iri[600];
	snprintf(label, sizeof label, "%s %s",
	         ca->demonym ? ca->demonym : ca->label, nk);
	char *slug = nkg_slug(nk);
	snprintf(iri, sizeof iri, ID_BASE "group/%s/%s", actor_code(ca),
	         slug ? slug : "x");
	free(slug);
	size_t gi = add_new_actor(c, iri, NKG_KIND_GROUP, label, NULL);
	if (gi != NKG_NONE) {
		size_t gc = ex_add_lex_actor(c, h->cli, 0);
		if (gc != NKG_NONE)
			nkg_idx_add(&c->g->actors[gi].affiliations, gc);
	}
	ex_push_mention(c, h->i, a + 1, gi, 0);
	return a + 1;
}

/* The country word of H as a mention of the country itself, marked as a
 * modifier ("U.S. pressure"), a possessive or a place ("in Havana").
 * Returns the token after it. */
static size_t country_mention(Ctx *c, const Head *h, size_t s0, size_t s1)
{
	size_t i = h->i, a = h->after_c;
	size_t gi = ex_add_lex_actor(c, h->cli, 0);
	unsigned fl = h->poss ? M_POSS : 0;
	if (h->how == LX_DEMONYM)
		fl |= M_ADJ;
	if (h->how == LX_ACTOR && !h->poss && a < s1 && is_word(c, a) &&
	    !is_cap(c, a) &&
	    !(eng_mask(key(c, a)) & (ENG_BIT(ENG_PREP) | ENG_BIT(ENG_AUX) |
	                             ENG_BIT(ENG_BE) | ENG_BIT(ENG_CLAUSE))) &&
	    strcmp(key(c, a), "and") && !ex_has_kind(c, a, s1, LX_VERB) &&
	    !ex_has_kind(c, a, s1, LX_SPEECH))
		fl |= M_ADJ; /* "U.S. military operation" */
	if (i > s0 && ex_eng(c, i - 1, ENG_PLACE) && !h->poss && !(fl & M_ADJ))
		fl |= M_PLACE;
	if (h->how == LX_METONYM && h->j + h->cw + 1 < s1 &&
	    nkg_streq(key(c, h->j + h->cw), ",") &&
	    is_cap(c, h->j + h->cw + 1) &&
	    !is_name_token(c, h->j + h->cw + 2, s1)) {
		/* "Washington, DC", "Caracas, Venezuela" */
		fl |= M_PLACE;
	}
	ex_push_mention(c, i, a, gi, fl);
	return a;
}

/* A phrase that opens with a status word, a country word or a title.
 * Returns the token after it (0: none here). */
static size_t head_phrase(Ctx *c, size_t i, size_t s0, size_t s1)
{
	Head h;
	if (!read_head(c, i, s1, &h))
		return s1; /* a status word that ends the sentence */
	size_t end = titled_mention(c, &h, s1);
	if (end || !h.cw)
		return end;
	if ((end = country_group(c, &h, s1)) ||
	    (end = country_body(c, &h, s1)) || (end = demonym_group(c, &h, s1)))
		return end;
	return country_mention(c, &h, s0, s1);
}

/* "The Biden administration", "the Buhari government": the government a
 * person leads, the person's country's (or, for a name the lexicon does
 * not know, the story's main country's).  Returns the token after it. */
static size_t leader_government(Ctx *c, size_t i, size_t s0, size_t s1)
{
	size_t nl = name_len(c, i, s1);
	const LexEntry *e;
	if (!nl || nl > 3 || i + nl >= s1 || is_cap(c, i + nl) ||
	    ex_longest(c, i + nl, s1, LX_GROUP, &e) != 1)
		return 0;
	const LexGroup *gr = &c->lx->groups[e->idx];
	if (gr->kind != NKG_KIND_ORGANIZATION || !gr->sector ||
	    strcmp(gr->sector, "government"))
		return 0;
	int is_new;
	size_t person = person_by_name(c, i, nl, s1, &is_new);
	size_t gc = NKG_NONE;
	if (person != NKG_NONE && c->g->actors[person].kind == NKG_KIND_PERSON)
		gc = ex_side_country(c, person);
	else if (person == NKG_NONE)
		gc = ex_main_country(c);
	size_t li = gc != NKG_NONE ? ex_lex_of(c, gc) : NKG_NONE;
	if (li == NKG_NONE)
		return 0;
	size_t gi = make_group(c, li, e->idx, i + nl, i + nl, i + nl + 1);
	if (gi == NKG_NONE)
		return 0;
	char *surface = ex_span_text(c, i, i + nl + 1);
	nkg_actor_add_alt(&c->g->actors[gi], surface);
	free(surface);
	unsigned fl = 0;
	if (i + nl + 1 < s1 && nkg_streq(key(c, i + nl + 1), "'s"))
		fl |= M_POSS;
	ex_push_mention(c, i, i + nl + 1, gi, fl);
	return i + nl + 1 + (fl & M_POSS ? 1 : 0);
}

/* Demonym plural: "Cubans", "32 Cubans". */
static size_t demonym_people(Ctx *c, size_t i, size_t s0, size_t s1)
{
	const LexEntry *e;
	size_t n = ex_longest(c, i, s1, LX_DEMONYM_PL, &e);
	if (!n || !is_cap(c, i))
		return 0;
	const LexActor *ca = &c->lx->actors[e->idx];
	char *label = ex_span_text(c, i, i + n);
	char iri[400];
	snprintf(iri, sizeof iri, ID_BASE "group/%s/people", actor_code(ca));
	size_t gi = add_new_actor(c, iri, NKG_KIND_GROUP,
	                          label ? label : ca->label, "civilian");
	free(label);
	if (gi != NKG_NONE) {
		size_t gc = ex_add_lex_actor(c, e->idx, 0);
		if (gc != NKG_NONE)
			nkg_idx_add(&c->g->actors[gi].affiliations, gc);
	}
	ex_push_mention(c, i, i + n, gi, 0);
	return i + n;
}

/* Known person or organisation. */
static size_t known_actor(Ctx *c, size_t i, size_t s0, size_t s1)
{
	const LexEntry *e;
	size_t n = ex_longest(c, i, s1, LX_ACTOR, &e);
	/* names are capitalised, unless the name itself is not ("al-Qaeda") */
	unsigned char first =
	        n ? (unsigned char)c->lx->actors[e->idx].label[0] : 0;
	if (!n || !(is_cap(c, i) || (tok(c, i)->flags & NKG_TOK_UPPER) ||
	            (first >= 'a' && first <= 'z')))
		return 0;
	if (n == 1 && function_word(c, i))
		return 0;
	size_t gi = ex_add_lex_actor(c, e->idx, 0);
	unsigned fl = 0;
	if (i + n < s1 && nkg_streq(key(c, i + n), "'s"))
		fl |= M_POSS;
	ex_push_mention(c, i, i + n, gi, fl);
	return i + n + (fl & M_POSS ? 1 : 0);
}

/* Group noun followed by "in/of/from" + country: "rebels in Darfur",
 * "the government of Sudan". */
static size_t group_of_country(Ctx *c, size_t i, size_t s0, size_t s1)
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
	if (!n || i + n + 1 >= s1 ||
	    (strcmp(key(c, i + n), "in") && strcmp(key(c, i + n), "of") &&
	     strcmp(key(c, i + n), "from")))
		return 0;
	/* "withdrew its troops from Congo": someone's own group; the
	 * country belongs to the verb */
	if (i > s0) {
		int32_t pw = ex_word(c, i - 1);
		if (pw >= 0 && (c->an->words[pw].xpos == X_PRPS ||
		                c->an->words[pw].xpos == X_POS))
			return 0;
	}
	size_t q = i + n + 1;
	if (q < s1 && nkg_streq(key(c, q), "the"))
		q++;
	size_t li2;
	LexKind h2;
	size_t n2 = country_word(c, q, s1, &li2, &h2);
	/* not "fighters of Russia's Wagner Group" */
	int poss = q + n2 < s1 && nkg_streq(key(c, q + n2), "'s");
	if (!n2 || poss || c->lx->actors[li2].kind != NKG_KIND_COUNTRY)
		return 0;
	/* "insurgents in Borno" in a story about ISWAP */
	const LexGroup *gr = &c->lx->groups[e->idx];
	size_t gi = named_for(c, gr);
	if (gi == NKG_NONE) {
		gi = make_group(c, li2, e->idx, i, i, i + n);
		note_bare(c, gr, gi);
	}
	ex_push_mention(c, i, q + n2, gi, 0);
	return q + n2;
}

/* Organisation names: "New York University". */
static size_t org_mention(Ctx *c, size_t i, size_t s0, size_t s1)
{
	size_t ogi;
	size_t on = org_name(c, i, s1, &ogi);
	if (!on || ogi == NKG_NONE)
		return 0;
	ex_push_mention(c, i, i + on, ogi, 0);
	return i + on + acronym_after(c, i + on, s1, ogi);
}

/* A short name the text gave a body before: "NISA said ...". */
static size_t acronym_mention(Ctx *c, size_t i, size_t s0, size_t s1)
{
	const NkgToken *t = tok(c, i);
	if (!(t->flags & NKG_TOK_UPPER))
		return 0;
	for (size_t k = 0; k < c->n_acro; k++)
		if (nkg_streq(c->acro[k].key, t->key)) {
			unsigned fl = 0;
			if (i + 1 < s1 && nkg_streq(key(c, i + 1), "'s"))
				fl |= M_POSS;
			ex_push_mention(c, i, i + 1, c->acro[k].actor, fl);
			return i + 1 + (fl & M_POSS ? 1 : 0);
		}
	return 0;
}

/* Anonymous sources ("11 sources familiar with the matter"); "Reuters
 * reports" is a verb. */
static size_t source_mention(Ctx *c, size_t i, size_t s0, size_t s1)
{
	size_t sn = ex_longest(c, i, s1, LX_SOURCE, NULL);
	if (!sn ||
	    (ex_has_kind(c, i, s1, LX_SPEECH) && ex_mention_ending(c, i)))
		return 0;
	/* "pro-Palestinian activists" are a group, not a source */
	if (ex_longest(c, i, s1, LX_GROUP, NULL) == sn && group_mods(c, i) < i)
		return 0;
	char iri[600];
	snprintf(iri, sizeof iri, "%ssources", c->g->base);
	size_t gi = add_new_actor(c, iri, NKG_KIND_GROUP, "sources", NULL);
	ex_push_mention(c, i, i + sn, gi, M_SOURCE);
	return i + sn;
}

/* The organisation a person's title is held at, in the few tokens after
 * it: "... at New York University", "for the ministry". */
static size_t org_after_title(Ctx *c, size_t z, size_t s1)
{
	for (size_t w = z; w < s1 && w < z + 6; w++) {
		if (nkg_streq(key(c, w), ",") || nkg_streq(key(c, w), "."))
			break;
		if (nkg_streq(key(c, w), "at") || nkg_streq(key(c, w), "of") ||
		    nkg_streq(key(c, w), "for") || nkg_streq(key(c, w), "to")) {
			size_t w2 = w + 1;
			if (w2 < s1 && nkg_streq(key(c, w2), "the"))
				w2++;
			size_t og;
			size_t on = org_name(c, w2, s1, &og);
			if (on && og != NKG_NONE)
				return og;
			const LexEntry *e2;
			size_t kn = ex_longest(c, w2, s1, LX_ACTOR, &e2);
			if (kn && c->lx->actors[e2->idx].kind ==
			                  NKG_KIND_ORGANIZATION)
				return ex_add_lex_actor(c, e2->idx, 0);
		}
	}
	return NKG_NONE;
}

/* A name of NL tokens at I with an apposition that gives a title: "Frank
 * Mora, who served as U.S. ambassador to ...", "Alejandro Velasco, an
 * associate professor of history at New York University".  Returns the
 * token after the name (0: none). */
static size_t appositive_person(Ctx *c, size_t i, size_t nl, size_t s1)
{
	if (nl < 2 || i + nl + 1 >= s1 || strcmp(key(c, i + nl), ","))
		return 0;
	size_t q = i + nl + 1;
	const char *st = NULL;
	if (q + 2 < s1 && nkg_streq(key(c, q), "who") &&
	    (nkg_streq(key(c, q + 1), "served") ||
	     nkg_streq(key(c, q + 1), "was"))) {
		st = "former";
		q += 2;
		if (q < s1 && nkg_streq(key(c, q), "as"))
			q++;
	} else if (q < s1 &&
	           (nkg_streq(key(c, q), "a") || nkg_streq(key(c, q), "an") ||
	            nkg_streq(key(c, q), "the"))) {
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
	if (!ttl)
		return 0;
	/* "along Avenida Central, Security Minister Rafael Mendoza": a
	 * title with a name after it is that name's */
	if (tq + ttl + 1 < s1 && is_cap(c, tq + ttl) && is_word(c, tq + ttl) &&
	    !is_actor_or_lex(c, tq + ttl, s1))
		return 0;
	int is_new;
	size_t person = person_by_name(c, i, nl, s1, &is_new);
	if (person == NKG_NONE || c->g->actors[person].kind != NKG_KIND_PERSON)
		return 0;
	size_t org = cli2 != NKG_NONE ? ex_add_lex_actor(c, cli2, 0) : NKG_NONE;
	char *title_text = ex_span_text(c, tq, tq + ttl);
	size_t org2 = org_after_title(c, tq + ttl, s1);
	const char *tlabel = tt->label;
	if (title_text && strlen(title_text) > strlen(tt->label))
		tlabel = title_text;
	add_post(c, person, tlabel, org2 != NKG_NONE ? org2 : org, st);
	if (org2 != NKG_NONE)
		nkg_idx_add(&c->g->actors[person].affiliations, org2);
	if (org != NKG_NONE)
		nkg_idx_add(&c->g->actors[person].affiliations, org);
	free(title_text);
	ex_push_mention(c, i, i + nl, person, 0);
	return i + nl;
}

/* The word of token I, or NULL. */
static const NkgWord *word_of(const Ctx *c, size_t i)
{
	int32_t w = ex_word(c, i);
	return w < 0 ? NULL : &c->an->words[w];
}

/* Is token I a common noun for a person ("activist", "director",
 * "counterpart") by WordNet? */
static int person_noun(const Ctx *c, size_t i)
{
	const NkgWord *w = word_of(c, i);
	return w && !is_cap(c, i) && (w->xpos == X_NN || w->xpos == X_NNS) &&
	       w->nclass == NC_PERSON;
}

static int finite_verb(const NkgWord *w)
{
	return w && (w->xpos == X_VBD || w->xpos == X_VBZ || w->xpos == X_VBP);
}

/* Does what is around the unknown capitalised name [I, I+NL) say it is a
 * person?  An apposition with a person noun on either side ("Josephine
 * Odumakin, a rights activist", "the group's leader, Florence Ozor,"), a
 * person noun just before it ("Israeli counterpart Meir Ben-Shabbat"),
 * "X, said", or a name that is only a name (no WordNet sense, no tag but
 * a proper noun's), starting the sentence as the subject of a verb ("Geir
 * Pedersen issued"). */
static int person_context(const Ctx *c, size_t i, size_t nl, size_t s0,
                          size_t s1)
{
	size_t e = i + nl;
	if (nl < 2 || nl > 4)
		return 0;
	/* a name ends in a name: not "Human Rights", "Ho Chi Minh City" */
	const NkgWord *lw = word_of(c, e - 1);
	if (!lw || (lw->nclass && lw->nclass != NC_PERSON))
		return 0;
	if (e + 1 < s1 && nkg_streq(key(c, e), ",") &&
	    ex_has_kind(c, e + 1, s1, LX_SPEECH) &&
	    finite_verb(word_of(c, e + 1)))
		return 1; /* not "Independence Day, state media reported" */
	if (e < s1 && nkg_streq(key(c, e), ","))
		for (size_t q = e + 1; q < s1 && q < e + 10; q++) {
			if (nkg_streq(key(c, q), ",") ||
			    nkg_streq(key(c, q), ".") ||
			    finite_verb(word_of(c, q)))
				break;
			/* "along Avenida Central, Security Minister Rafael
			 * Mendoza said": a title before a name is that
			 * name's */
			if (person_noun(c, q) && q + 1 < s1 &&
			    is_cap(c, q + 1) && is_word(c, q + 1))
				break;
			if (person_noun(c, q))
				return 1;
		}
	if (i > s0 && person_noun(c, i - 1))
		return 1;
	if (i > s0 && nkg_streq(key(c, i - 1), ",") &&
	    (e >= s1 || nkg_streq(key(c, e), ",") ||
	     ex_has_kind(c, e, s1, LX_SPEECH)))
		for (size_t q = i - 1; q-- > s0 && q + 12 > i;) {
			/* "the leader of the ... movement, X", "representative
			 * to the United Nations, X"; not "journalists in the
			 * capital, Banja Luka" */
			if (nkg_streq(key(c, q), ".") ||
			    finite_verb(word_of(c, q)) ||
			    (ex_eng(c, q, ENG_PREP) &&
			     strcmp(key(c, q), "of") &&
			     strcmp(key(c, q), "to") &&
			     strcmp(key(c, q), "for")))
				break;
			if (person_noun(c, q))
				return 1;
		}
	const NkgWord *pw = i > s0 ? word_of(c, i - 1) : NULL;
	/* the sentence's start, after a quote, or after a dateline's dash
	 * ("GENEVA (AP) — Geir Pedersen ...") */
	int start = i == s0 ||
	            (pw && (pw->xpos == X_LQUOTE || pw->xpos == X_RQUOTE ||
	                    pw->xpos == X_COLON));
	if (start && e < s1 && finite_verb(word_of(c, e))) {
		/* WordNet has no sense of them, and the tagger knows them,
		 * if at all, only as names */
		for (size_t q = i; q < e; q++) {
			const NkgWord *w = word_of(c, q);
			if (!w || w->nclass ||
			    (w->flags & W_KNOWN && w->xpos != X_NNP))
				return 0;
		}
		return 1;
	}
	return 0;
}

/* A name of NL tokens at I: a surname or full name already met, or a new
 * full name after or before a speech verb or before "a"/"an" and a noun
 * ("Pavel Suslau, a journalist from Grodno").  Returns the token after
 * it (0: none). */
static size_t name_mention(Ctx *c, size_t i, size_t nl, size_t s0, size_t s1)
{
	int is_new = 0;
	size_t person = NKG_NONE;
	if (nl == 1) {
		/* "Ricky Martin", "Lockheed Martin": the last word of a name
		 * the stages before did not take is no known person's
		 * surname ("Since Assad's fall" opens with no name) */
		if (i > s0 && is_name_token(c, i - 1, s1) &&
		    !ex_mention_ending(c, i)) {
			/* the tags asked last: they cost the sentence's
			 * analysis when nothing else has asked yet */
			const NkgWord *pw = word_of(c, i - 1);
			if (pw && (pw->xpos == X_NNP || pw->xpos == X_NNPS))
				return 0;
		}
		person = person_by_name(c, i, 1, s1, &is_new);
	} else if (nl >= 2) {
		char *label = ex_span_text(c, i, i + nl);
		char *slug = label ? nkg_slug(label) : NULL;
		char iri[600];
		snprintf(iri, sizeof iri, ID_BASE "person/%s",
		         slug ? slug : "x");
		person = nkg_graph_find_actor(c->g, iri);
		int after_speech =
		        i > s0 && ex_has_kind(c, i - 1, s1, LX_SPEECH);
		int appos = nl >= 2 && nl <= 3 && i + nl + 2 < s1 &&
		            nkg_streq(key(c, i + nl), ",") &&
		            (nkg_streq(key(c, i + nl + 1), "a") ||
		             nkg_streq(key(c, i + nl + 1), "an")) &&
		            !is_cap(c, i + nl + 2);
		/* "Pieter Claes, 41, had worked": a name with an age */
		int age = nl >= 2 && nl <= 3 && i + nl + 2 < s1 &&
		          nkg_streq(key(c, i + nl), ",") &&
		          tok(c, i + nl + 1)->flags & NKG_TOK_NUM &&
		          strlen(key(c, i + nl + 1)) <= 3 &&
		          nkg_streq(key(c, i + nl + 2), ",");
		after_speech |= appos || age;
		if (person == NKG_NONE &&
		    (after_speech ||
		     (i + nl < s1 && ex_has_kind(c, i + nl, s1, LX_SPEECH) &&
		      (i == s0 || !is_cap(c, i - 1))) ||
		     person_context(c, i, nl, s0, s1)))
			person = add_new_actor(c, iri, NKG_KIND_PERSON, label,
			                       NULL);
		free(slug);
		free(label);
	}
	if (person == NKG_NONE || c->g->actors[person].kind != NKG_KIND_PERSON)
		return 0;
	if (c->descr_tok == i && c->descr_li != NKG_NONE) {
		size_t gc = ex_add_lex_actor(c, c->descr_li, 0);
		if (gc != NKG_NONE &&
		    !nkg_idx_has(&c->g->actors[person].affiliations, gc))
			nkg_idx_add(&c->g->actors[person].affiliations, gc);
	}
	unsigned fl = 0;
	if (i + nl < s1 && nkg_streq(key(c, i + nl), "'s"))
		fl |= M_POSS;
	ex_push_mention(c, i, i + nl, person, fl);
	return i + nl + (fl & M_POSS ? 1 : 0);
}

/* People by name. */
static size_t person_mention(Ctx *c, size_t i, size_t s0, size_t s1)
{
	size_t nl = name_len(c, i, s1);
	if (!nl)
		return 0;
	size_t end = appositive_person(c, i, nl, s1);
	return end ? end : name_mention(c, i, nl, s0, s1);
}

/* Mentions resolved against the document (coref.c). */
static size_t pronoun_mention(Ctx *c, size_t i, size_t s0, size_t s1)
{
	size_t n = ex_pronoun_mention(c, i, s1);
	return n ? i + n : 0;
}

/* "the court", "the council": a body named before, by the head word of
 * its name; asked before the stages that would read the noun as a body of
 * no one's. */
static size_t named_body_mention(Ctx *c, size_t i, size_t s0, size_t s1)
{
	const LexEntry *e;
	size_t n = ex_longest(c, i, s1, LX_PRONOUN, &e);
	if (!n || c->lx->pronouns[e->idx] != 8)
		return 0;
	return pronoun_mention(c, i, s0, s1);
}

static size_t pair_mention(Ctx *c, size_t i, size_t s0, size_t s1)
{
	size_t n = ex_pair_mention(c, i, s1);
	return n ? i + n : 0;
}

/* A group noun with no country word: "Police detained 30 protesters".  It
 * stands with the story's main country when there is one. */
/* Does LABEL hold WORD (folded, N bytes) as a word of its own? */
static int label_has_word(const char *label, const char *word, size_t n)
{
	for (const char *p = label; *p;) {
		while (*p == ' ')
			p++;
		size_t l = strcspn(p, " ");
		if (l == n && !strncasecmp(p, word, n))
			return 1;
		p += l;
	}
	return 0;
}

/* An organisation whose label has the folded word ARG. */
static int named_with(const NkgActor *a, const void *arg)
{
	const char *w = arg;
	return a->kind == NKG_KIND_ORGANIZATION && a->label &&
	       label_has_word(a->label, w, strlen(w));
}

/* "the jury" after "the National Jury of Elections", "the commission"
 * after "the European Commission": the head noun of a name, with "the",
 * is the body of that name the last sentences told of (when only one
 * was).  Returns the token after it (0: none). */
static size_t named_head_mention(Ctx *c, size_t i, size_t s0, size_t s1)
{
	if (i <= s0 || !nkg_streq(key(c, i - 1), "the") || is_cap(c, i) ||
	    !is_word(c, i) || !ex_has_kind(c, i, i + 1, LX_ORGHEAD) ||
	    (i + 1 < s1 &&
	     (nkg_streq(key(c, i + 1), "of") || is_cap(c, i + 1))))
		return 0;
	size_t best = latest_told(c, named_with, key(c, i), 3, 0);
	if (best == NKG_NONE)
		return 0;
	ex_push_mention(c, i, i + 1, best, 0);
	return i + 1;
}

static size_t bare_group_mention(Ctx *c, size_t i, size_t s0, size_t s1)
{
	size_t n = bare_group(c, i, s1);
	return n ? i + n : 0;
}

/* ---------- prepositions and coordination ---------- */

/* The preposition governing each mention ("in Havana", "at least three of
 * the ..."), and whether it makes a cause or a source ("due to X"). */
static void mention_preps(Ctx *c, size_t s0)
{
	static const char *const quantity[] = {
	        "group",    "groups",     "number",  "members",  "member",
	        "hundreds", "thousands",  "dozens",  "millions", "tens",
	        "scores",   "some",       "many",    "most",     "all",
	        "none",     "one",        "two",     "three",    "delegation",
	        "team",     "contingent", "batch",   "patch",    "unit",
	        "units",    "part",       "leaders", "leader",   "head",
	        "wing",     "each",       "both",    NULL};
	static const char *const compound[] = {
	        "due",     "according", "because", "thanks", "close", "prior",
	        "instead", "ahead",     "owing",   "part",   NULL};
	for (size_t k = 0; k < c->n_am; k++) {
		AMention *m = &c->am[k];
		size_t p = m->t0;
		while (p > s0) {
			const char *pk = key(c, p - 1);
			/* determiners and amounts: "at least three", "up to
			 * 100", "more than 30" */
			if (ex_eng(c, p - 1, ENG_DET) ||
			    tok(c, p - 1)->flags & NKG_TOK_NUM ||
			    ex_eng(c, p - 1, ENG_COMPASS) ||
			    nkg_streq(pk, "least") || nkg_streq(pk, "than") ||
			    nkg_streq(pk, "nearly") ||
			    nkg_streq(pk, "almost") || nkg_streq(pk, "fewer")) {
				p--;
				continue;
			}
			if (nkg_streq(pk, "at") && p < m->t0 &&
			    nkg_streq(key(c, p), "least")) {
				p--;
				continue;
			}
			if (nkg_streq(pk, "to") && p - 1 > s0 &&
			    nkg_streq(key(c, p - 2), "up") && p < m->t0 &&
			    tok(c, p)->flags & NKG_TOK_NUM) {
				p -= 2;
				continue;
			}
			break;
		}
		if (p <= s0 || !ex_eng(c, p - 1, ENG_PREP))
			continue;
		m->prep = p - 1;
		m->flags |= M_PP;
		int quant = 0;
		if (nkg_streq(key(c, p - 1), "of") && p - 1 > s0)
			for (int q = 0; quantity[q]; q++)
				if (nkg_streq(key(c, p - 2), quantity[q]))
					quant = 1;
		if (quant) {
			m->prep = NKG_NONE;
			m->flags &= ~(unsigned)M_PP;
			continue;
		}
		if (p - 1 > s0)
			for (int q = 0; compound[q]; q++)
				if (nkg_streq(key(c, p - 2), compound[q]))
					m->flags |= M_NOROLE;
	}
}

/* The verb whose subject mention M is (-1: none, or no analysis). */
static int32_t subject_of(const Ctx *c, const AMention *m)
{
	for (size_t i = m->t0; i < m->t1; i++) {
		const NkgWord *w = word_of(c, i);
		if (w && (w->deprel == D_NSUBJ || w->deprel == D_NSUBJ_PASS))
			return w->head;
	}
	return -1;
}

/* Coordinated mentions ("Cuba and Venezuela", "A, B and C"); the last
 * coordinated pair of countries is kept for "the two countries".  A
 * mention that is the subject of a clause of its own starts that clause
 * ("criticized the militants, and New Delhi rejected ..."). */
static void mention_coords(Ctx *c)
{
	for (size_t k = 0; k + 1 < c->n_am; k++) {
		AMention *a = &c->am[k], *b = &c->am[k + 1];
		if (a->coord != NKG_NONE || a->t1 > b->t0)
			continue;
		size_t gap = b->t0 - a->t1;
		int ok = 0;
		if (gap == 1 && (nkg_streq(key(c, a->t1), "and") ||
		                 nkg_streq(key(c, a->t1), ",") ||
		                 nkg_streq(key(c, a->t1), "&")))
			ok = nkg_streq(key(c, a->t1), "and") ||
			     (k + 2 < c->n_am);
		if (gap == 2 && nkg_streq(key(c, a->t1), ",") &&
		    nkg_streq(key(c, a->t1 + 1), "and"))
			ok = 1;
		if (gap == 2 && nkg_streq(key(c, a->t1), "and") &&
		    nkg_streq(key(c, a->t1 + 1), "the"))
			ok = 1;
		/* "the United States, along with Britain and France," */
		{
			size_t q = a->t1;
			if (q < b->t0 && nkg_streq(key(c, q), ","))
				q++;
			if (q + 2 <= b->t0 &&
			    ((nkg_streq(key(c, q), "along") ||
			      nkg_streq(key(c, q), "together")) &&
			     nkg_streq(key(c, q + 1), "with")))
				q += 2;
			else if (q + 3 <= b->t0 && nkg_streq(key(c, q), "as") &&
			         nkg_streq(key(c, q + 1), "well") &&
			         nkg_streq(key(c, q + 2), "as"))
				q += 3;
			else
				q = SIZE_MAX;
			if (q != SIZE_MAX && q < b->t0 &&
			    nkg_streq(key(c, q), "the"))
				q++;
			if (q == b->t0)
				ok = 1;
		}
		if (ok) {
			int32_t vb = subject_of(c, b);
			ok = vb < 0 || subject_of(c, a) == vb;
		}
		/* "Cuban and Venezuelan officials" is one phrase per side */
		if (ok && a->actor != b->actor && !(a->flags & M_SOURCE) &&
		    !(b->flags & M_SOURCE)) {
			a->coord = k + 1;
			b->flags |= a->flags & (M_PP | M_PLACE);
			if (b->prep == NKG_NONE)
				b->prep = a->prep;
		}
		if (ok && c->g->actors[a->actor].kind == NKG_KIND_COUNTRY &&
		    c->g->actors[b->actor].kind == NKG_KIND_COUNTRY &&
		    a->actor != b->actor) {
			c->pair[0] = a->actor;
			c->pair[1] = b->actor;
			c->have_pair = 1;
		}
	}
	/* the last coordination of countries, whole: "Burkina Faso, Mali
	 * and Niger" for "the three nations" */
	for (size_t k = 0; k < c->n_am; k++) {
		if (k && c->am[k - 1].coord == k)
			continue; /* not the head of its coordination */
		size_t n = 0, group[8];
		int countries = 1;
		for (size_t q = k; q != NKG_NONE && n < 8; q = c->am[q].coord) {
			countries &= c->g->actors[c->am[q].actor].kind ==
			             NKG_KIND_COUNTRY;
			group[n++] = c->am[q].actor;
			if (c->am[q].coord == q)
				break;
		}
		if (countries && n >= 2) {
			memcpy(c->group, group, n * sizeof *group);
			c->n_group = n;
		}
	}
}

/* ---------- the sentence ---------- */

typedef size_t (*Stage)(Ctx *c, size_t i, size_t s0, size_t s1);

/* "the South China Sea", "the Korea Strait": a country's name in the
 * name of a sea or a strait is no mention of the country.  Returns the
 * token after the name (0: none here). */
static size_t geo_name(Ctx *c, size_t i, size_t s0, size_t s1)
{
	/* first the cheap part: a geographic head soon after */
	int near = 0;
	for (size_t q = i + 1; q < s1 && q <= i + 4 && !near; q++)
		near = is_cap(c, q) && ex_eng(c, q, ENG_GEO);
	if (!near)
		return 0;
	size_t li;
	LexKind how;
	size_t n = country_word(c, i, s1, &li, &how);
	if (!n || how == LX_DEMONYM ||
	    c->lx->actors[li].kind != NKG_KIND_COUNTRY || i + n >= s1 ||
	    !is_cap(c, i + n) || !ex_eng(c, i + n, ENG_GEO))
		return 0;
	return i + n + 1;
}

/* Scans one sentence for actor mentions: at each token the first stage
 * that finds a phrase there takes it, and the scan goes on after it. */
/* "UN Chief: Killing of Protesters Unacceptable": the words before a
 * colon that opens a headline name who says the rest, not a party to
 * what it says. */
static void headline_speaker(Ctx *c, size_t s0, size_t s1)
{
	if (c->sent != 0)
		return;
	size_t colon = NKG_NONE;
	for (size_t z = s0 + 1; z < s1 && z < s0 + 6 && colon == NKG_NONE; z++)
		if (nkg_streq(key(c, z), ":"))
			colon = z;
	if (colon == NKG_NONE || colon + 1 >= s1)
		return;
	for (size_t k = 0; k < c->n_am; k++)
		if (c->am[k].t0 >= s0 && c->am[k].t1 <= colon)
			c->am[k].flags |= M_NOROLE;
}

void ex_find_actors(Ctx *c, size_t s0, size_t s1)
{
	static const Stage stages[] = {
	        named_body_mention, acronym_mention,    geo_name,
	        head_phrase,        leader_government,  demonym_people,
	        known_actor,        group_of_country,   org_mention,
	        pronoun_mention,    pair_mention,       source_mention,
	        person_mention,     bare_group_mention, named_head_mention};
	for (size_t i = s0; i < s1;) {
		size_t end = 0;
		for (size_t k = 0; !end && k < sizeof stages / sizeof *stages;
		     k++)
			end = stages[k](c, i, s0, s1);
		i = end ? end : i + 1;
	}
	mention_preps(c, s0);
	mention_coords(c);
	headline_speaker(c, s0, s1);
}
