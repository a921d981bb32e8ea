/* SPDX-License-Identifier: MIT */
/* coref.c: who a mention that does not name its actor stands for.  Takes
 * the sentence's mentions so far and the document's salience (how often
 * and how lately each actor was mentioned); gives the actor of a pronoun
 * ("she", "they"), of a surname alone ("Guled"), of "the two leaders" and
 * "both countries", and the story's main country.
 */
#include "extract/internal.h"

#include "extract/english.h"
#include "text/fmt.h"
#include "lexicon/lexicon.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

/* ---------- salience ---------- */

/* One more mention of graph actor GI in the current sentence. */
void ex_salience_bump(Ctx *c, size_t gi)
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

/* Mentions of graph actor GI so far. */
size_t ex_salience_count(const Ctx *c, size_t gi)
{
	for (size_t i = 0; i < c->n_sal; i++)
		if (c->sal[i].actor == gi)
			return c->sal[i].count;
	return 0;
}

/* The country mentioned most so far: "President Andry Rajoelina" in a
 * story about Madagascar is Madagascar's president. */
size_t ex_main_country(const Ctx *c)
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

/* ---------- pronouns ---------- */

/* Is A a body of no state: a group or organisation of rebels, parties,
 * militias, churches or campaigners (its sector; not "people")? */
static int non_state(const NkgActor *a)
{
	static const char *const sectors[] = {"rebel",    "party", "opposition",
	                                      "criminal", "ngo",   "religious",
	                                      NULL};
	if ((a->kind != NKG_KIND_ORGANIZATION && a->kind != NKG_KIND_GROUP) ||
	    !a->sector)
		return 0;
	for (const char *const *s = sectors; *s; s++)
		if (nkg_streq(a->sector, *s))
			return 1;
	return 0;
}

/* Does actor A fit definite description kind G: 5 a country, 6 a group
 * ("the group", "the militia"), 7 an organisation of states ("the bloc",
 * "the alliance")? */
static int fits_kind(const NkgActor *a, int g, const char *head)
{
	if (g == 8) {
		/* "the court" after "the International Court of Justice":
		 * the head of the name is its last word, or the word before
		 * its "of" */
		if (a->kind != NKG_KIND_ORGANIZATION || !a->label || !head)
			return 0;
		const char *l = a->label, *end = strstr(l, " of ");
		if (!end)
			end = l + strlen(l);
		const char *w = end;
		while (w > l && w[-1] != ' ')
			w--;
		size_t k = 0;
		while (w + k < end && head[k] &&
		       (w[k] | 0x20) == (head[k] | 0x20))
			k++;
		return w + k == end && !head[k];
	}
	if (g == 5)
		return a->kind == NKG_KIND_COUNTRY;
	if (g == 6)
		return non_state(a);
	return a->kind == NKG_KIND_ORGANIZATION && a->sector &&
	       nkg_streq(a->sector, "international");
}

/* The actor a description refers to: the nearest earlier mention in the
 * sentence that IN_SENT accepts, else the one IN_STORY accepts that the
 * story mentioned most lately (most often among equals), within WINDOW
 * sentences (0: the whole story). */
typedef int (*Accept)(const Ctx *c, size_t actor, const void *arg);

static size_t referent(const Ctx *c, Accept in_sent, Accept in_story,
                       const void *arg, size_t window)
{
	for (size_t k = c->n_am; k-- > 0;)
		if (!(c->am[k].flags & (M_SOURCE | M_PRON)) &&
		    in_sent(c, c->am[k].actor, arg))
			return c->am[k].actor;
	size_t best = NKG_NONE, bs = 0;
	for (size_t k = 0; k < c->n_sal; k++) {
		if ((window && c->sal[k].last_sent + window < c->sent) ||
		    !in_story(c, c->sal[k].actor, arg))
			continue;
		if (best == NKG_NONE || c->sal[k].last_sent > bs ||
		    (c->sal[k].last_sent == bs &&
		     c->sal[k].count > ex_salience_count(c, best))) {
			best = c->sal[k].actor;
			bs = c->sal[k].last_sent;
		}
	}
	return best;
}

typedef struct {
	int g;
	const char *head;
} Kind;

static int of_kind(const Ctx *c, size_t actor, const void *arg)
{
	const Kind *k = arg;
	return fits_kind(&c->g->actors[actor], k->g, k->head);
}

/* (from the story: no news organisation is described) */
static int salient_of_kind(const Ctx *c, size_t actor, const void *arg)
{
	return of_kind(c, actor, arg) && !ex_is_media(c, actor);
}

/* "the country", "the group", "the bloc": the nearest earlier mention of
 * that kind in the sentence, else the most recently mentioned one of the
 * last sentences. */
static size_t description(const Ctx *c, int g, const char *head)
{
	Kind k = {g, head};
	return referent(c, of_kind, salient_of_kind, &k, 3);
}

/* The named body of SECTOR that actor GI is or belongs to: a known actor
 * or an organisation, or for a group of such a body ("al-Shabaab
 * militants") that body; never another bare group noun.  NKG_NONE when
 * none. */
static size_t body_of(const NkgGraph *g, size_t gi, const char *sector)
{
	const NkgActor *a = &g->actors[gi];
	if (!a->sector || !nkg_streq(a->sector, sector))
		return NKG_NONE;
	if (a->known || a->kind == NKG_KIND_ORGANIZATION)
		return gi;
	for (size_t k = 0; k < a->affiliations.n; k++) {
		const NkgActor *b = &g->actors[a->affiliations.v[k]];
		if (b->kind == NKG_KIND_ORGANIZATION && b->sector &&
		    nkg_streq(b->sector, sector))
			return a->affiliations.v[k];
	}
	return NKG_NONE;
}

static int of_sector(const Ctx *c, size_t actor, const void *sector)
{
	return body_of(c->g, actor, sector) != NKG_NONE;
}

/* "the militants" in a story about a named armed group: the body of
 * SECTOR named nearest before in the sentence, else the one mentioned
 * most lately in the story. */
size_t ex_named_group(const Ctx *c, const char *sector)
{
	return referent(c, of_sector, of_sector, sector, 0);
}

/* After the story: a bare armed-group noun read before any armed group
 * was named ("Somali forces kill 50 militants" over a story about
 * al-Shabaab) stands for the one body of its sector the story names;
 * with none, or several, it stays a group of its own. */
void ex_resolve_bare_groups(Ctx *c)
{
	NkgGraph *g = c->g;
	for (size_t b = 0; b < c->n_bare; b++) {
		const NkgActor *ba = &g->actors[c->bare[b]];
		size_t one = NKG_NONE;
		int several = 0;
		for (size_t k = 0; k < c->n_sal; k++) {
			size_t a = c->sal[k].actor;
			/* "al-Shabaab militants" and al-Shabaab are one */
			size_t root = a == c->bare[b] || !ba->sector
			                      ? NKG_NONE
			                      : body_of(g, a, ba->sector);
			if (root == NKG_NONE)
				continue;
			if (one == NKG_NONE)
				one = root;
			else if (one != root)
				several = 1;
		}
		if (one == NKG_NONE || several)
			continue;
		for (size_t i = 0; i < g->n_events; i++) {
			NkgEvent *e = &g->events[i];
			for (int r = 0; r < NKG_ROLE_COUNT; r++) {
				NkgIdxList *l = &e->roles[r];
				size_t n = 0;
				for (size_t k = 0; k < l->n; k++)
					if (l->v[k] != c->bare[b])
						l->v[n++] = l->v[k];
				if (n == l->n)
					continue;
				l->n = n;
				/* no actor is its own target */
				if (r == NKG_ROLE_TARGET &&
				    nkg_idx_has(&e->roles[NKG_ROLE_AGENT], one))
					continue;
				nkg_idx_add(l, one);
			}
		}
	}
}

/* Resolves a pronoun at I (*N: its length). */
static size_t pronoun(Ctx *c, size_t i, size_t end, size_t *n)
{
	const LexEntry *e;
	*n = ex_longest(c, i, end, LX_PRONOUN, &e);
	if (!*n)
		return NKG_NONE;
	int g = c->lx->pronouns[e->idx];
	if (g >= 5)
		return description(c, g, key(c, i + *n - 1));
	if (*n != 1)
		return NKG_NONE;
	if (g == 4) {
		/* "they": the nearest group, body or coordination before it */
		for (size_t k = c->n_am; k-- > 0;) {
			const NkgActor *a = &c->g->actors[c->am[k].actor];
			if (c->am[k].flags & (M_PLACE | M_SOURCE | M_PP))
				continue;
			if (a->kind == NKG_KIND_GROUP ||
			    a->kind == NKG_KIND_ORGANIZATION)
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
			size_t li = ex_lex_of(c, c->am[k].actor);
			int ag = li != NKG_NONE ? c->lx->actors[li].gender : 0;
			if (!ag || ag == g)
				return c->am[k].actor;
		}
		/* "expelled a Russian diplomat, accusing him": one person
		 * named by a singular noun */
		if (g != 3 && a->kind == NKG_KIND_GROUP &&
		    c->am[k].t1 > c->s0) {
			int32_t w = ex_word(c, c->am[k].t1 - 1);
			if (w >= 0 && c->an->words[w].xpos == X_NN &&
			    c->an->words[w].nclass == NC_PERSON)
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
			ok = a->kind == NKG_KIND_COUNTRY ||
			     a->kind == NKG_KIND_ORGANIZATION;
		else if (a->kind == NKG_KIND_PERSON) {
			size_t li = ex_lex_of(c, c->sal[k].actor);
			int ag = li != NKG_NONE ? c->lx->actors[li].gender : 0;
			ok = !ag || ag == g;
		}
		if (ok && (best == NKG_NONE || c->sal[k].last_sent > bs ||
		           (c->sal[k].last_sent == bs &&
		            c->sal[k].count > ex_salience_count(c, best)))) {
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
	        "unclear",   "clear",      "likely",   "unlikely",
	        "possible",  "impossible", "expected", "believed",
	        "thought",   "reported",   "said",     "understood",
	        "known",     "not",        "time",     "true",
	        "important", "necessary",  "hard",     "difficult",
	        "too",       NULL};
	if (strcmp(key(c, i), "it") || i + 1 >= s1)
		return 0;
	const char *n = key(c, i + 1);
	if (nkg_streq(n, "remains") || nkg_streq(n, "seems") ||
	    nkg_streq(n, "appears") || nkg_streq(n, "remained") ||
	    nkg_streq(n, "seemed") || nkg_streq(n, "appeared"))
		return 1;
	if (!eng_is(n, ENG_BE) || i + 2 >= s1)
		return 0;
	for (int k = 0; adj[k]; k++)
		if (nkg_streq(key(c, i + 2), adj[k]))
			return 1;
	return 0;
}

/* Are tokens A..B (exclusive) the joints of a coordination: commas with
 * "and" or "or"?  *CONJ is set when one is a conjunction. */
static int joints(const Ctx *c, size_t a, size_t b, int *conj)
{
	if (a >= b)
		return 0;
	for (size_t q = a; q < b; q++) {
		const char *k = key(c, q);
		if (nkg_streq(k, "and") || nkg_streq(k, "or"))
			*conj = 1;
		else if (strcmp(k, ","))
			return 0;
	}
	return 1;
}

/* A plural pronoun's antecedent may be a coordination: "tariffs on
 * Mexico, Canada and China to pressure them", "Kenya and Uganda said
 * they would talk".  The mentions FIRST..LAST of the coordination of two
 * or more actors that ends at the sentence's last mention before token
 * I; 0 when that mention ends none. */
static int plural_antecedent(const Ctx *c, size_t i, size_t *first,
                             size_t *last)
{
	size_t k = c->n_am;
	while (k > 0 && (c->am[k - 1].t1 > i ||
	                 (c->am[k - 1].flags & (M_PLACE | M_SOURCE))))
		k--;
	if (!k || c->am[k - 1].t0 < c->s0 || (c->am[k - 1].flags & M_PRON))
		return 0;
	size_t j = k - 1;
	int conj = 0;
	while (j > 0) {
		const AMention *p = &c->am[j - 1], *m = &c->am[j];
		if (p->t0 < c->s0 ||
		    (p->flags & (M_PLACE | M_SOURCE | M_PRON)) ||
		    p->actor == m->actor || !joints(c, p->t1, m->t0, &conj))
			break;
		j--;
	}
	if (j == k - 1 || !conj)
		return 0;
	*first = j;
	*last = k - 1;
	return 1;
}

/* The mentions of "they" for the coordination FIRST..LAST, each linked
 * to the next as coordinated; the tokens taken. */
static size_t plural_mention(Ctx *c, size_t i, size_t first, size_t last)
{
	size_t prev = NKG_NONE;
	for (size_t k = first; k <= last; k++) {
		size_t m = ex_push_mention(c, i, i + 1, c->am[k].actor, M_PRON);
		if (prev != NKG_NONE && m != NKG_NONE)
			c->am[prev].coord = m;
		prev = m;
	}
	return 1;
}

/* A pronoun at I ("it remains unclear" is no one): its mention; returns
 * the tokens taken (0: none). */
size_t ex_pronoun_mention(Ctx *c, size_t i, size_t s1)
{
	const LexEntry *e;
	if (!ex_longest(c, i, s1, LX_PRONOUN, &e) || expletive_it(c, i, s1))
		return 0;
	size_t first, last;
	if (c->lx->pronouns[e->idx] == 4 &&
	    ex_longest(c, i, s1, LX_PRONOUN, NULL) == 1 &&
	    plural_antecedent(c, i, &first, &last))
		return plural_mention(c, i, first, last);
	size_t n;
	size_t gi = pronoun(c, i, s1, &n);
	if (gi == NKG_NONE)
		return 0;
	/* "in the country" is where, not who */
	unsigned fl = M_PRON;
	if (n > 1 && i > c->s0 && ex_eng(c, i - 1, ENG_PLACE))
		fl |= M_PLACE;
	ex_push_mention(c, i, i + n, gi, fl);
	return n;
}

/* "the two leaders", "both men": the people of the last two-party event;
 * "the two countries", "both countries": the last coordinated pair.
 * Returns the tokens taken (0: none). */
size_t ex_pair_mention(Ctx *c, size_t i, size_t s1)
{
	/* "The leaders met" after the two leaders' agreement: "the" with
	 * a plural of people, not "the leaders of ..." */
	int the = nkg_streq(key(c, i), "the") && i + 1 < s1 &&
	          c->ppair_sent + 1 >= c->sent &&
	          (nkg_streq(key(c, i + 1), "leaders") ||
	           nkg_streq(key(c, i + 1), "presidents") ||
	           nkg_streq(key(c, i + 1), "counterparts")) &&
	          (i + 2 >= s1 || !nkg_streq(key(c, i + 2), "of"));
	if (c->have_ppair && i + 1 < s1 &&
	    (nkg_streq(key(c, i), "two") || nkg_streq(key(c, i), "both") ||
	     the)) {
		static const char *const people[] = {
		        "leaders",      "men",    "women",     "ministers",
		        "presidents",   "envoys", "diplomats", "officials",
		        "counterparts", NULL};
		int hit = 0;
		for (int q = 0; people[q]; q++)
			if (nkg_streq(key(c, i + 1), people[q]))
				hit = 1;
		if (hit) {
			size_t a = ex_push_mention(c, i, i + 2, c->ppair[0], 0);
			size_t b = ex_push_mention(c, i, i + 2, c->ppair[1], 0);
			if (a != NKG_NONE && b != NKG_NONE)
				c->am[a].coord = b;
			return 2;
		}
	}
	/* "the three military-led nations": the last coordination of as
	 * many countries (of more than two) */
	if (c->n_group > 2) {
		static const char *const numbers[] = {"two",  "three", "four",
		                                      "five", "six",   NULL};
		size_t want = 0;
		for (size_t q = 0; numbers[q]; q++)
			if (nkg_streq(key(c, i), numbers[q]))
				want = q + 2;
		if (nkg_streq(key(c, i), "both"))
			want = 2;
		size_t z = i + 1;
		while (want && z < s1 && z < i + 3 && !ex_is_actor_tok(c, z) &&
		       strcmp(key(c, z), "countries") &&
		       strcmp(key(c, z), "nations") &&
		       strcmp(key(c, z), "states"))
			z++;
		if (want && want == c->n_group && want > 2 && z < s1 &&
		    (nkg_streq(key(c, z), "countries") ||
		     nkg_streq(key(c, z), "nations") ||
		     nkg_streq(key(c, z), "states"))) {
			size_t prev = NKG_NONE;
			for (size_t q = 0; q < c->n_group; q++) {
				size_t m = ex_push_mention(c, i, z + 1,
				                           c->group[q], 0);
				if (prev != NKG_NONE && m != NKG_NONE)
					c->am[prev].coord = m;
				prev = m;
			}
			return z + 1 - i;
		}
	}
	if (i + 1 < s1 &&
	    (nkg_streq(key(c, i), "two") || nkg_streq(key(c, i), "both")) &&
	    (nkg_streq(key(c, i + 1), "countries") ||
	     nkg_streq(key(c, i + 1), "nations") ||
	     nkg_streq(key(c, i + 1), "sides") ||
	     nkg_streq(key(c, i + 1), "governments"))) {
		/* the two countries of this sentence and the two before
		 * when there are just two ("Ankara looked to repair ties with
		 * Israel.  Both countries ..."), else the last coordinated
		 * pair */
		size_t two[2], n2 = 0;
		for (size_t k = 0; k < c->n_sal && n2 <= 2; k++) {
			const NkgActor *ac = &c->g->actors[c->sal[k].actor];
			if (ac->kind == NKG_KIND_COUNTRY &&
			    c->sal[k].last_sent + 2 >= c->sent) {
				if (n2 < 2)
					two[n2] = c->sal[k].actor;
				n2++;
			}
		}
		if (n2 != 2 && !c->have_pair)
			return 0;
		size_t pa = n2 == 2 ? two[0] : c->pair[0];
		size_t pb = n2 == 2 ? two[1] : c->pair[1];
		size_t a = ex_push_mention(c, i, i + 2, pa, M_PAIR);
		size_t b = ex_push_mention(c, i, i + 2, pb, M_PAIR);
		if (a != NKG_NONE && b != NKG_NONE)
			c->am[a].coord = b;
		return 2;
	}
	return 0;
}

/* ---------- surnames ---------- */

/* The person a surname alone at I stands for: the most mentioned person of
 * the document with that last name, else the one known person with that
 * surname.  NKG_NONE when there is none; *AMBIGUOUS is set when several
 * known people share it and the story has named none of them yet. */
size_t ex_surname(Ctx *c, size_t i, size_t end, int *ambiguous)
{
	*ambiguous = 0;
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
		int eq = f && nkg_streq(f, key(c, i));
		free(f);
		if (!eq)
			continue;
		size_t cnt = ex_salience_count(c, a) + 1;
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
		return ex_add_lex_actor(c, only, 0);
	*ambiguous = nsur > 1;
	return NKG_NONE;
}
