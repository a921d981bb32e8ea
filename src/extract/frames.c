/* frames.c: an event from each trigger: who is agent, target and
 * participant, how it is asserted (modality, attribution), and when. */
#include "extract/internal.h"

#include "extract/english.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A speech verb at I, unless a base form is used as a noun after a
 * name or a determiner: "in Borno state", "the state said". */
static int speech_verb(const Ctx *c, size_t i, size_t end)
{
	const LexSlot *s = ex_lookup(c, i, 1, end);
	int base = 0, any = 0;
	for (size_t k = 0; s && k < s->n; k++)
		if (s->v[k].kind == LX_SPEECH && s->v[k].ntok == 1) {
			any = 1;
			if (s->v[k].form == FORM_BASE)
				base = 1;
		}
	if (!any)
		return 0;
	if (base && i > c->s0 && (eng_is(key(c, i - 1), ENG_DET) ||
	                          (is_cap(c, i - 1) && is_word(c, i - 1))))
		return 0;
	return 1;
}

static int clause_break(const Ctx *c, size_t i)
{
	const char *k = key(c, i);
	if (ex_is_actor_tok(c, i))
		return 0; /* "United States" is not "X states" */
	if (eng_is(k, ENG_CLAUSE) && strcmp(k, "\""))
		return 1;
	if (speech_verb(c, i, i + 1))
		return 1;
	/* ", and" / ", but" */
	if (!strcmp(k, ",") && i + 1 < c->tk->n_toks &&
	    (!strcmp(key(c, i + 1), "and") || !strcmp(key(c, i + 1), "but")))
		return 1;
	return 0;
}

static int is_speech_tok(const Ctx *c, size_t i, size_t s1)
{
	if (ex_is_actor_tok(c, i))
		return 0;
	return speech_verb(c, i, s1) ||
	       (!strcmp(key(c, i), "according") && i + 1 < s1 &&
	        !strcmp(key(c, i + 1), "to"));
}

/* The subject left of H: the first mention after the last clause break
 * that is not inside a prepositional phrase; failing that, the subject of
 * an earlier clause. */
static size_t subject_left(const Ctx *c, size_t h, size_t s0)
{
	size_t start = h;
	while (start > s0 && !clause_break(c, start - 1))
		start--;
	for (int tries = 0; tries < 3; tries++) {
		for (size_t k = 0; k < c->n_am; k++) {
			const AMention *m = &c->am[k];
			if (m->t0 < start || m->t1 > h)
				continue;
			/* "after Lukashenko met Kellogg": a word that is both
			 * preposition and conjunction opens the clause */
			int opens = m->prep != NKG_NONE && m->prep + 1 == start &&
			            clause_break(c, m->prep) && !(m->flags & M_PLACE);
			/* "Fighters from ISWAP attacked": the body a group noun
			 * belongs to */
			if (m->prep != NKG_NONE && m->prep > start && !(m->flags & M_PLACE) &&
			    (!strcmp(key(c, m->prep), "of") || !strcmp(key(c, m->prep), "from")) &&
			    ex_has_kind(c, m->prep - 1, h, LX_GROUP))
				opens = 1;
			if (m->flags & (M_PP | M_PLACE | M_SOURCE) && !opens)
				continue;
			/* "Russia's Wagner Group": the possessed, not the owner */
			if (m->flags & M_POSS && m->t1 + 1 < h &&
			    (ex_mention_starting(c, m->t1) || ex_mention_starting(c, m->t1 + 1)))
				continue;
			/* part of a coordination whose head was taken */
			int is_tail = 0;
			for (size_t q = 0; q < k; q++)
				if (c->am[q].coord == k)
					is_tail = 1;
			if (is_tail)
				continue;
			return k;
		}
		if (start <= s0)
			break;
		/* step over the break into the previous clause */
		size_t e = start - 1;
		if (is_speech_tok(c, e, h))
			break;
		start = e;
		while (start > s0 && !clause_break(c, start - 1))
			start--;
		h = e;
	}
	return NKG_NONE;
}

static void add_role(Ctx *c, NkgEvent *e, int role, size_t mi)
{
	for (size_t k = mi; k != NKG_NONE; k = c->am[k].coord) {
		nkg_idx_add(&e->roles[role], c->am[k].actor);
		if (c->am[k].coord == k)
			break;
	}
}

static int prep_role(const LexPattern *p, const char *prep, int verb,
                     int passive)
{
	for (size_t k = 0; k < p->n_preps; k++)
		if (!strcmp(p->preps[k].key, prep))
			return p->preps[k].role;
	if (!strcmp(prep, "by") && (passive || !verb))
		return NKG_ROLE_AGENT;
	if (!strcmp(prep, "against") || !strcmp(prep, "on") || !strcmp(prep, "upon"))
		return NKG_ROLE_TARGET;
	if (!strcmp(prep, "with") || !strcmp(prep, "alongside"))
		return p->symmetric ? NKG_ROLE_PARTICIPANT : NKG_ROLE_TARGET;
	if (!strcmp(prep, "between") || !strcmp(prep, "among"))
		return p->symmetric ? NKG_ROLE_PARTICIPANT : NKG_ROLE_TARGET;
	if (!strcmp(prep, "to") || !strcmp(prep, "toward") || !strcmp(prep, "towards"))
		return NKG_ROLE_TARGET;
	if (!verb && !strcmp(prep, "from"))
		return NKG_ROLE_AGENT;
	if (!verb && !strcmp(prep, "of"))
		return p->symmetric ? -1 : NKG_ROLE_TARGET;
	if (!strcmp(prep, "from"))
		return NKG_ROLE_ORIGIN;
	if (!strcmp(prep, "in") || !strcmp(prep, "at") || !strcmp(prep, "near"))
		return NKG_ROLE_PLACE;
	return -1;
}

static int has_any(const NkgEvent *e)
{
	return e->roles[NKG_ROLE_AGENT].n || e->roles[NKG_ROLE_TARGET].n ||
	       e->roles[NKG_ROLE_PARTICIPANT].n;
}

static int sub_list(const NkgIdxList *a, const NkgIdxList *b)
{
	for (size_t i = 0; i < a->n; i++)
		if (!nkg_idx_has(b, a->v[i]))
			return 0;
	return 1;
}

/* May role lists A and B describe the same event?  An empty side says
 * nothing; otherwise one must contain the other. */
static int compatible(const NkgIdxList *a, const NkgIdxList *b)
{
	return !a->n || !b->n || sub_list(a, b) || sub_list(b, a);
}

static const char *const modality_rank[] = {"Asserted", "Reported", "Claimed",
                                            "Uncertain", "Intended",
                                            "Negated", NULL};

static int rank(const char *m)
{
	for (int i = 0; modality_rank[i]; i++)
		if (m && !strcmp(m, modality_rank[i]))
			return i;
	return 0;
}

/* Merges the last event into an earlier one that it repeats; returns 1
 * when merged (the last event is removed).  An event with no parties
 * ("the oil blockade") refers back to the latest one of its class. */
/* Is class SUB below (or equal to) class SUP in the ontology? */
static int class_below(const Ctx *c, const char *sub, const char *sup)
{
	for (int depth = 0; sub && depth < 16; depth++) {
		if (!strcmp(sub, sup))
			return 1;
		const LexClass *lc = nkg_lex_class(c->lx, sub);
		sub = lc ? lc->super : NULL;
	}
	return 0;
}

static int merge_last(Ctx *c)
{
	NkgGraph *g = c->g;
	size_t li = g->n_events - 1;
	NkgEvent *n = &g->events[li];
	int refers = !has_any(n);
	/* only the recent past: coreference of events does not reach back
	 * across a whole book, and a long text must stay linear */
	size_t stop = li > 256 ? li - 256 : 0;
	for (size_t i = li; i-- > stop;) {
		NkgEvent *o = &g->events[i];
		/* "the two leaders discussed ..." after their phone call: a
		 * broader class with the very same parties repeats it */
		int broader = strcmp(o->cls, n->cls) && !refers &&
		              n->roles[NKG_ROLE_PARTICIPANT].n >= 2 &&
		              sub_list(&n->roles[NKG_ROLE_PARTICIPANT], &o->roles[NKG_ROLE_PARTICIPANT]) &&
		              sub_list(&o->roles[NKG_ROLE_PARTICIPANT], &n->roles[NKG_ROLE_PARTICIPANT]) &&
		              class_below(c, o->cls, n->cls);
		if (strcmp(o->cls, n->cls) && !broader)
			continue;
		if (!refers) {
			const NkgIdxList *na = &n->roles[NKG_ROLE_AGENT], *oa = &o->roles[NKG_ROLE_AGENT];
			const NkgIdxList *np = &n->roles[NKG_ROLE_PARTICIPANT], *op = &o->roles[NKG_ROLE_PARTICIPANT];
			int anchor = (na->n && oa->n && (sub_list(na, oa) || sub_list(oa, na))) ||
			             (np->n && op->n && (sub_list(np, op) || sub_list(op, np)));
			if (!anchor || !compatible(&n->roles[NKG_ROLE_TARGET], &o->roles[NKG_ROLE_TARGET]))
				continue;
			if (n->date && o->date && strcmp(n->date, o->date))
				continue;
			if ((n->modality && !strcmp(n->modality, "Negated")) !=
			    (o->modality && !strcmp(o->modality, "Negated")))
				continue;
		}
		for (size_t k = 0; k < n->mentions.n; k++)
			nkg_idx_add(&o->mentions, n->mentions.v[k]);
		for (int r = 0; r < NKG_ROLE_COUNT; r++)
			for (size_t k = 0; k < n->roles[r].n; k++)
				nkg_idx_add(&o->roles[r], n->roles[r].v[k]);
		if (!o->date && n->date) {
			nkg_set_str(&o->date, n->date);
			nkg_set_str(&o->date_type, n->date_type);
		}
		if (!o->object && n->object)
			nkg_set_str(&o->object, n->object);
		if (!o->start_date && n->start_date) {
			nkg_set_str(&o->start_date, n->start_date);
			nkg_set_str(&o->start_type, n->start_type);
		}
		if (rank(n->modality) > rank(o->modality) && !refers)
			nkg_set_str(&o->modality, n->modality);
		nkg_event_free(n);
		g->n_events--;
		return 1;
	}
	return 0;
}

static void drop_last(Ctx *c)
{
	nkg_event_free(&c->g->events[c->g->n_events - 1]);
	c->g->n_events--;
}

/* Speaker of the sentence for attribution: returns mention index. */
static size_t speaker(const Ctx *c, size_t s0, size_t s1, size_t *sv)
{
	for (size_t i = s0; i < s1; i++) {
		if (!is_speech_tok(c, i, s1))
			continue;
		*sv = i;
		if (!strcmp(key(c, i), "according")) {
			for (size_t k = 0; k < c->n_am; k++)
				if (c->am[k].t0 > i + 1 && c->am[k].t0 <= i + 6)
					return k;
			continue;
		}
		/* "X said" : nearest mention ending just before (within 3
		 * tokens), unless it is a place or inside a phrase ("the Red
		 * Cross operating in Iraq said") */
		int left_pp = 0;
		for (size_t k = c->n_am; k-- > 0 && !left_pp;) {
			const AMention *m = &c->am[k];
			if (m->t1 <= i && m->t1 + 4 >= i) {
				if (m->flags & (M_PP | M_PLACE)) {
					left_pp = 1;
					break;
				}
				/* the head of a coordination */
				for (size_t q = 0; q < k; q++)
					if (c->am[q].coord == k)
						return q;
				return k;
			}
		}
		if (left_pp) {
			size_t su = subject_left(c, i, s0);
			if (su != NKG_NONE)
				return su;
		}
		/* ", said Alejandro Velasco" / "said X" */
		for (size_t k = 0; k < c->n_am; k++)
			if (c->am[k].t0 > i && c->am[k].t0 <= i + 2)
				return k;
		/* subject far left: "The Cuban government says ..." */
		size_t su = subject_left(c, i, s0);
		if (su != NKG_NONE)
			return su;
	}
	return NKG_NONE;
}

static int is_media(const Ctx *c, size_t gi)
{
	const NkgActor *a = &c->g->actors[gi];
	return a->sector && (!strcmp(a->sector, "media"));
}

/* Tokens [A, B) are a plain noun phrase: one to four words, no actor,
 * preposition, verb or clause break among them, ending in a noun that is
 * not a determiner. */
static int object_noun_between(const Ctx *c, size_t a, size_t b)
{
	if (b <= a || b - a > 4)
		return 0;
	for (size_t z = a; z < b; z++) {
		const char *k = key(c, z);
		if (!is_word(c, z) || ex_is_actor_tok(c, z) || eng_is(k, ENG_PREP) ||
		    clause_break(c, z) || eng_is(k, ENG_BE) || eng_is(k, ENG_AUX) ||
		    ex_has_kind(c, z, b, LX_VERB) || ex_has_kind(c, z, b, LX_NOUN) ||
		    ex_has_kind(c, z, b, LX_SPEECH) || eng_is(k, ENG_RELATIVE))
			return 0;
	}
	return !eng_is(key(c, b - 1), ENG_DET);
}

/* The first actor after "if" or "unless" right of token H: who a
 * conditional threat is aimed at ("threatened to quit the talks if the
 * United States deploys the missiles"). */
static size_t condition_subject(const Ctx *c, size_t h, size_t s1)
{
	for (size_t z = h + 1; z < s1; z++) {
		const char *k = key(c, z);
		if (strcmp(k, "if") && strcmp(k, "unless"))
			continue;
		for (size_t q = 0; q < c->n_am; q++) {
			const AMention *m = &c->am[q];
			if (m->t0 <= z || m->t0 > z + 4)
				continue;
			if (m->flags & (M_PP | M_PLACE | M_SOURCE | M_NOROLE))
				return NKG_NONE;
			return q;
		}
		return NKG_NONE;
	}
	return NKG_NONE;
}

void ex_fill_event(Ctx *c, const Trigger *t, size_t s0, size_t s1,
                       const NkgDateExpr *dates, size_t nd)
{
	const LexPattern *p = &c->lx->patterns[t->pattern];
	size_t ei = nkg_graph_add_event(c->g, p->cls, p->iri);
	if (ei == NKG_NONE)
		return;
	NkgEvent *e = &c->g->events[ei];
	nkg_set_str(&e->cls_label, p->cls_label);
	nkg_set_str(&e->top_label, p->top_label);
	e->symmetric = p->symmetric;
	e->anchor = tok(c, t->head)->c0;
	nkg_idx_add(&e->mentions, c->mention);

	int light_obj = 0; /* a noun that is the object of a light verb */
	int agent_role = p->symmetric ? NKG_ROLE_PARTICIPANT : NKG_ROLE_AGENT;
	int obj_role = p->after < 0 ? -1 : p->symmetric ? NKG_ROLE_PARTICIPANT : p->after;

	/* left side */
	if (t->verb) {
		size_t su = t->passive == 2 ? NKG_NONE : subject_left(c, t->t0, s0);
		if (t->passive && su != NKG_NONE) {
			/* "a helicopter that was captured by ...": the subject is
			 * the noun before the relative pronoun */
			for (size_t z = t->t0; z > s0 && z + 4 > t->t0; z--)
				if (eng_is(key(c, z - 1), ENG_RELATIVE)) {
					if (!(z >= 2 && ex_mention_ending(c, z - 1)))
						su = NKG_NONE;
					break;
				}
		}
		int sr = t->passive ? obj_role : p->subject >= 0 ? p->subject : agent_role;
		if (su != NKG_NONE && sr >= 0)
			add_role(c, e, sr, su);
	} else {
		/* adjacent modifier: "the U.S. blockade", "Russia's invasion" */
		for (size_t k = c->n_am; k-- > 0;) {
			const AMention *m = &c->am[k];
			if (m->t1 > t->t0 || m->flags & (M_PLACE | M_SOURCE))
				continue;
			size_t gap = t->t0 - m->t1;
			int ok = gap <= 3;
			for (size_t z = m->t1; z < t->t0 && ok; z++) {
				const NkgToken *tz = tok(c, z);
				if (!(tz->flags & NKG_TOK_WORD) || eng_is(tz->key, ENG_PREP) ||
				    eng_is(tz->key, ENG_BE) || eng_is(tz->key, ENG_CLAUSE) ||
				    eng_is(tz->key, ENG_AUX) || eng_is(tz->key, ENG_FACE) ||
				    eng_is(tz->key, ENG_LIGHT) || ex_has_kind(c, z, s1, LX_VERB) ||
				    ex_has_kind(c, z, s1, LX_SPEECH))
					ok = 0;
				if (!strcmp(tz->key, "'s"))
					ok = 1;
			}
			if (ok && !(m->flags & M_NOROLE))
				add_role(c, e, agent_role, k);
			break;
		}
		if (!e->roles[agent_role].n) {
			/* object of a light verb: "held talks", "faces pressure" */
			for (size_t z = t->t0; z > s0 && z + 5 > t->t0; z--) {
				const char *zk = key(c, z - 1);
				if (ex_is_actor_tok(c, z - 1) || clause_break(c, z - 1))
					break;
				int face = eng_is(zk, ENG_FACE);
				/* "the kingdom's continued support": a participle
				 * after a determiner is an adjective */
				if ((eng_is(zk, ENG_LIGHT) || face) && z - 1 > s0 &&
				    eng_is(key(c, z - 2), ENG_DET))
					break;
				if (eng_is(zk, ENG_LIGHT) || face) {
					light_obj = 1;
					size_t su = subject_left(c, z - 1, s0);
					if (su != NKG_NONE) {
						int r = face && p->noun_left >= 0 ? p->noun_left :
						        face ? NKG_ROLE_TARGET : agent_role;
						add_role(c, e, r, su);
					}
					break;
				}
			}
		}
	}

	/* right side */
	int direct_taken = 0;
	size_t chain = t->t1; /* nouns: where the next attached phrase may start */
	/* a verb's object may stand inside its phrase: "give Tanzania a grant" */
	size_t from = t->verb ? t->head + 1 : t->t1;
	/* "X said Y must leave": what follows is the act demanded */
	for (size_t k = 0; k < c->n_am && p->speaker < 0; k++) {
		const AMention *m = &c->am[k];
		if (m->t0 < from)
			continue;
		int brk = 0;
		for (size_t z = from; z < m->t0; z++) {
			if (clause_break(c, z))
				brk = 1;
			/* a comma ends the object unless a list of actors goes on */
			if (!strcmp(key(c, z), ",") &&
			    !(z + 1 < c->s1 && ex_mention_starting(c, z + 1) && ex_mention_ending(c, z)))
				brk = 1;
		}
		if (brk)
			break;
		int skip_tail = 0;
		for (size_t q = 0; q < k; q++)
			if (c->am[q].coord == k && c->am[q].t0 >= t->t1)
				skip_tail = 1;
		if (skip_tail)
			continue;
		if (m->flags & (M_SOURCE | M_NOROLE))
			continue;
		if (!t->verb) {
			/* a noun takes only the phrases attached to it:
			 * "pressure from Washington on Havana" */
			size_t start = m->prep != NKG_NONE ? m->prep : m->t0;
			while (start > chain && eng_is(key(c, start - 1), ENG_DET))
				start--;
			if (start != chain)
				break;
		}
		if (m->prep != NKG_NONE && m->prep >= t->t1) {
			int r = prep_role(p, key(c, m->prep), t->verb, t->passive);
			/* "shelled positions of the militia", "expelled
			 * inspectors of the agency": the owner of a plain
			 * object noun is the verb's object */
			if (r < 0 && t->verb && !direct_taken && obj_role >= 0 &&
			    !strcmp(key(c, m->prep), "of") && object_noun_between(c, t->t1, m->prep)) {
				direct_taken = 1;
				add_role(c, e, t->passive ? agent_role : obj_role, k);
				chain = ex_last_of(c, k);
				continue;
			}
			if (r < 0)
				continue;
			if (r == NKG_ROLE_PLACE && !(m->flags & M_PLACE) &&
			    c->g->actors[m->actor].kind != NKG_KIND_COUNTRY)
				continue;
			if (r == NKG_ROLE_TARGET && p->symmetric)
				r = NKG_ROLE_PARTICIPANT;
			add_role(c, e, r, k);
			chain = ex_last_of(c, k);
			continue;
		}
		if (m->flags & M_PLACE)
			continue;
		if (!direct_taken) {
			direct_taken = 1;
			if (!t->verb)
				continue; /* "talks Cuba" is not English */
			if (t->passive || obj_role >= 0)
				add_role(c, e, t->passive ? agent_role : obj_role, k);
		}
	}
	/* No self loops: an actor is not its own target. */
	for (size_t k = 0; k < e->roles[NKG_ROLE_AGENT].n; k++) {
		size_t a = e->roles[NKG_ROLE_AGENT].v[k];
		NkgIdxList *tl = &e->roles[NKG_ROLE_TARGET];
		for (size_t q = 0; q < tl->n; q++)
			if (tl->v[q] == a) {
				tl->v[q] = tl->v[--tl->n];
				q--;
			}
	}
	/* A symmetric event with a single party on each side */
	if (p->symmetric && e->roles[NKG_ROLE_PARTICIPANT].n < 2 &&
	    e->roles[NKG_ROLE_PARTICIPANT].n && c->have_pair == 0) {
		/* keep: one known party is still a fact */
	}

	/* object noun after the trigger (or right before a noun trigger) */
	for (size_t z = t->t0 > s0 + 2 ? t->t0 - 2 : s0; z < s1 && z < t->t1 + 8; z++) {
		if (z == t->head)
			continue;
		if (z > t->t1 && clause_break(c, z))
			break;
		const LexEntry *oe;
		if (ex_longest(c, z, s1, LX_OBJECT, &oe) >= 1) {
			nkg_set_str(&e->object, c->lx->objects[oe->idx]);
			break;
		}
	}

	/* date: the nearest expression in the sentence */
	const NkgDateExpr *best = NULL;
	size_t bd = (size_t)-1;
	for (size_t k = 0; k < nd; k++) {
		size_t d = dates[k].t0 > t->head ? dates[k].t0 - t->head : t->head - dates[k].t0;
		/* a date belongs to the verb before it ("agreed ... on
		 * Monday"), or to the first verb after it when none comes
		 * before ("On Jan. 8, X appeared"); a noun takes only a date
		 * right after it ("the operation on Jan. 3") */
		/* ... but the object of a light verb takes the dates its
		 * verb would ("imposed sanctions on X and Y on Thursday") */
		if (!t->verb && !light_obj && !(dates[k].t0 >= t->t1 && dates[k].t0 <= t->t1 + 2))
			continue;
		if (light_obj) {
			/* as its verb would: a date after it, no verb between */
			if (dates[k].t0 < t->t1)
				continue;
			int between = 0;
			for (size_t q = 0; q < c->n_tr; q++) {
				const Trigger *u = &c->tr[q];
				if (u != t && !u->suppressed && u->verb && u->head > t->head &&
				    u->head < dates[k].t0)
					between = 1;
			}
			for (size_t z = t->t1; z < dates[k].t0 && !between; z++)
				if (clause_break(c, z))
					between = 1;
			if (between)
				continue;
		}
		int other = 0;
		size_t dt = dates[k].t0;
		int any_before = 0;
		for (size_t q = 0; q < c->n_tr && t->verb; q++) {
			const Trigger *u = &c->tr[q];
			if (!u->suppressed && u->verb && u->head < dt)
				any_before = 1;
		}
		for (size_t q = 0; q < c->n_tr && t->verb; q++) {
			const Trigger *u = &c->tr[q];
			if (u == t || u->suppressed || !u->verb)
				continue;
			if (any_before) {
				if (t->head > dt || (u->head < dt && u->head > t->head))
					other = 1;
			} else if (u->head > dt && u->head < t->head) {
				other = 1;
			}
		}
		if (any_before && t->verb && t->head > dt)
			other = 1;
		if (!other && d < bd) {
			bd = d;
			best = &dates[k];
		}
	}
	if (best) {
		char buf[16];
		const char *type;
		nkg_ymd_format(best->v, buf, &type);
		if (best->since) {
			nkg_set_str(&e->start_date, buf);
			nkg_set_str(&e->start_type, type);
		} else {
			nkg_set_str(&e->date, buf);
			nkg_set_str(&e->date_type, type);
		}
	}

	/* modality */
	const char *mod = NULL;
	size_t cl = t->t0;
	while (cl > s0 && !clause_break(c, cl - 1))
		cl--;
	for (size_t z = s0; z < t->t0; z++) {
		size_t max = 4;
		/* "vowed on Monday to strike": a date between the cue's verb
		 * and its "to" */
		size_t gap_end = 0;
		const LexSlot *gapped = NULL;
		for (size_t k = 0; k < nd && z + 1 < t->t0; k++) {
			size_t d0 = dates[k].t0;
			if (d0 > z + 1 && d0 == z + 2 && eng_is(key(c, z + 1), ENG_PREP))
				d0 = z + 1;
			if (d0 != z + 1 || dates[k].t1 >= t->t0 || strcmp(key(c, dates[k].t1), "to"))
				continue;
			char buf[128];
			snprintf(buf, sizeof buf, "%s to", key(c, z));
			gapped = nkg_lex_lookup(c->lx, buf);
			gap_end = dates[k].t1 + 1;
			break;
		}
		for (size_t n = max; n >= 1; n--) {
			const LexSlot *sl = n == 1 && gapped ? gapped : ex_lookup(c, z, n, t->t0 + 1);
			if (!sl)
				continue;
			for (size_t q = 0; q < sl->n; q++) {
				if (sl->v[q].kind != LX_CUE)
					continue;
				const char *m = c->lx->cues[sl->v[q].idx].modality;
				size_t dist = t->t0 - (n == 1 && gapped ? gap_end : z + n);
				if (!strcmp(m, "Negated") && dist <= 3 && z >= cl)
					mod = "Negated";
				else if (!strcmp(m, "Intended") && dist <= 4 && z >= cl &&
				         (!mod || strcmp(mod, "Negated")))
					mod = "Intended";
				else if (!strcmp(m, "Uncertain") && !mod)
					mod = "Uncertain";
			}
		}
	}
	/* attribution */
	size_t sv = NKG_NONE;
	size_t sp = speaker(c, s0, s1, &sv);
	if (p->speaker >= 0) {
		/* the speaker is a party: "Russia said Sudan must return it" */
		if (sp != NKG_NONE && sv != NKG_NONE)
			for (size_t k = sp; k != NKG_NONE; k = c->am[k].coord) {
				size_t a = c->am[k].actor;
				if (!nkg_idx_has(&e->roles[NKG_ROLE_TARGET], a))
					nkg_idx_add(&e->roles[p->speaker], a);
				if (c->am[k].coord == k)
					break;
			}
		/* "a White House official said the United States must ...":
		 * a side stating its own course demands nothing of another */
		int own = 0;
		if (e->roles[p->speaker].n && p->subject >= 0 && e->roles[p->subject].n) {
			size_t sc = ex_side_country(c, e->roles[p->speaker].v[0]);
			own = sc != NKG_NONE;
			for (size_t k = 0; k < e->roles[p->subject].n && own; k++)
				if (e->roles[p->subject].v[k] != sc)
					own = 0;
		}
		if (own || !e->roles[p->speaker].n ||
		    (p->subject >= 0 && !e->roles[p->subject].n)) {
			drop_last(c);
			return;
		}
	} else if (sp != NKG_NONE && sv != NKG_NONE) {
		/* every mention of the speaker phrase and its coordinates */
		for (size_t k = sp; k != NKG_NONE; k = c->am[k].coord) {
			size_t a = c->am[k].actor;
			int self = nkg_idx_has(&e->roles[NKG_ROLE_AGENT], a) ||
			           nkg_idx_has(&e->roles[NKG_ROLE_PARTICIPANT], a);
			if (self)
				continue;
			int rep = is_media(c, a) || (c->am[k].flags & M_SOURCE);
			nkg_idx_add(&e->roles[rep ? NKG_ROLE_REPORTED_BY : NKG_ROLE_CLAIMED_BY], a);
			if (!mod)
				mod = rep ? "Reported" : "Claimed";
		}
		/* "according to 11 sources ..., Reuters reports" */
		for (size_t k = 0; k < c->n_am; k++)
			if (k != sp && (c->am[k].flags & M_SOURCE || is_media(c, c->am[k].actor)) &&
			    !nkg_idx_has(&e->roles[NKG_ROLE_AGENT], c->am[k].actor)) {
				nkg_idx_add(&e->roles[NKG_ROLE_REPORTED_BY], c->am[k].actor);
				if (!mod || !strcmp(mod, "Claimed"))
					mod = "Reported";
			}
	}
	/* "Thailand and Cambodia agreed": parties of an agreement, a consultation
	 * or cooperation with no target are participants */
	if (!p->symmetric && e->roles[NKG_ROLE_AGENT].n >= 2 && !e->roles[NKG_ROLE_TARGET].n &&
	    (!strcmp(p->top_label, "Agree") || !strcmp(p->top_label, "Consult") ||
	     !strcmp(p->top_label, "Cooperate"))) {
		for (size_t k = 0; k < e->roles[NKG_ROLE_AGENT].n; k++)
			nkg_idx_add(&e->roles[NKG_ROLE_PARTICIPANT], e->roles[NKG_ROLE_AGENT].v[k]);
		e->roles[NKG_ROLE_AGENT].n = 0;
		e->symmetric = 1;
	}
	/* A threat with no target is aimed at whoever must meet its
	 * condition. */
	if (!e->roles[NKG_ROLE_TARGET].n && !p->symmetric &&
	    (!strcmp(p->top_label, "Threaten") ||
	     (p->intent_cls && strstr(p->intent_cls, "#Threaten")))) {
		size_t q = condition_subject(c, t->t1 - 1, s1);
		if (q != NKG_NONE && !nkg_idx_has(&e->roles[NKG_ROLE_AGENT], c->am[q].actor))
			add_role(c, e, NKG_ROLE_TARGET, q);
	}
	/* As event coders do, a country where an event happens is its target
	 * when nothing else is ("demonstrated in Serbia"). */
	static const int where[] = {NKG_ROLE_PLACE, NKG_ROLE_ORIGIN, NKG_ROLE_DESTINATION};
	for (int w = 0; w < 3 && !e->roles[NKG_ROLE_TARGET].n && !p->symmetric; w++)
		for (size_t k = 0; k < e->roles[where[w]].n; k++) {
			size_t a = e->roles[where[w]].v[k];
			if (c->g->actors[a].kind == NKG_KIND_COUNTRY &&
			    !nkg_idx_has(&e->roles[NKG_ROLE_AGENT], a))
				nkg_idx_add(&e->roles[NKG_ROLE_TARGET], a);
		}
	if (mod)
		nkg_set_str(&e->modality, mod);
	/* Not doing something cooperative is a rejection: "will not accept
	 * refugees", "did not agree" (PLOVER codes these as Reject). */
	if (mod && !strcmp(mod, "Negated") && p->intent_cls &&
	    strstr(p->intent_cls, "#Agree") && strcmp(p->top_label, "Reject")) {
		const LexClass *rc = nkg_lex_class(c->lx, NKG_NS "Reject");
		if (rc) {
			nkg_set_str(&e->cls, rc->iri);
			nkg_set_str(&e->cls_label, rc->label);
			nkg_set_str(&e->top_label, rc->label);
			nkg_set_str(&e->modality, "Asserted");
			mod = "Asserted";
		}
	}
	const char *intent = p->intent_cls;
	if (mod && !strcmp(mod, "Intended")) {
		/* "will withdraw its force unless the president agrees": an
		 * announced act on a condition is a threat */
		for (size_t z = t->t1; z < s1; z++)
			if (!strcmp(key(c, z), "unless")) {
				const LexClass *th = nkg_lex_class(c->lx, NKG_NS "Threaten");
				if (th)
					intent = th->iri;
				if (!e->roles[NKG_ROLE_TARGET].n) {
					size_t q = condition_subject(c, t->t1 - 1, s1);
					if (q != NKG_NONE &&
					    !nkg_idx_has(&e->roles[NKG_ROLE_AGENT], c->am[q].actor))
						add_role(c, e, NKG_ROLE_TARGET, q);
				}
				break;
			}
	}
	if (mod && !strcmp(mod, "Intended") && intent && strcmp(intent, p->cls)) {
		const LexClass *ic = nkg_lex_class(c->lx, intent);
		nkg_set_str(&e->intended_cls, p->cls);
		nkg_set_str(&e->cls, intent);
		nkg_set_str(&e->cls_label, ic ? ic->label : intent);
		nkg_set_str(&e->top_label, ic ? ic->label : intent);
	}

	/* remember the two people of a two-party event for "the two
	 * leaders" */
	{
		const NkgIdxList *pl = &e->roles[NKG_ROLE_PARTICIPANT];
		if (e->symmetric && pl->n == 2 &&
		    c->g->actors[pl->v[0]].kind == NKG_KIND_PERSON &&
		    c->g->actors[pl->v[1]].kind == NKG_KIND_PERSON) {
			c->ppair[0] = pl->v[0];
			c->ppair[1] = pl->v[1];
			c->have_ppair = 1;
		}
	}
	if (p->needs_target && !e->roles[NKG_ROLE_TARGET].n) {
		drop_last(c);
		return;
	}
	if (!has_any(e)) {
		/* "the oil blockade" refers back to an event already seen */
		if (!merge_last(c))
			drop_last(c);
		return;
	}
	merge_last(c);
}
