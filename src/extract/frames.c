/* SPDX-License-Identifier: MIT */
/* frames.c: an event from each trigger: who is agent, target and
 * participant, how it is asserted (modality, attribution), and when. */
#include "extract/internal.h"

#include "extract/english.h"
#include "text/fmt.h"

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
	if (base && i > c->s0 &&
	    (ex_eng(c, i - 1, ENG_DET) ||
	     (is_cap(c, i - 1) && is_word(c, i - 1))))
		return 0;
	return 1;
}

static int clause_break_scan(const Ctx *c, size_t i)
{
	const char *k = key(c, i);
	if (ex_is_actor_tok(c, i))
		return 0; /* "United States" is not "X states" */
	if (ex_eng(c, i, ENG_CLAUSE) && strcmp(k, "\""))
		return 1;
	if (speech_verb(c, i, i + 1))
		return 1;
	/* ", and" / ", but" */
	if (nkg_streq(k, ",") && i + 1 < c->tk->n_toks &&
	    (nkg_streq(key(c, i + 1), "and") ||
	     nkg_streq(key(c, i + 1), "but")))
		return 1;
	/* "condemned the incident and summoned ...": a conjunction before
	 * a verb of its own */
	if ((nkg_streq(k, "and") || nkg_streq(k, "but")) && i + 1 < c->s1) {
		int32_t w = ex_word(c, i + 1);
		int x = w >= 0 ? c->an->words[w].xpos : -1;
		if (x == X_VBD || x == X_VBZ || x == X_VBP || x == X_MD)
			return 1;
	}
	return 0;
}

/* Is token I a clause break?  Asked many times per trigger, answered once
 * per token of the sentence once its mentions are known. */
int ex_clause_break(const Ctx *c, size_t i)
{
	if (!c->indexed || !c->cbm || i < c->s0 || i >= c->s1)
		return clause_break_scan(c, i);
	uint8_t *m = &c->cbm[i - c->s0];
	if (!*m)
		*m = (uint8_t)(clause_break_scan(c, i) ? 2 : 1);
	return *m == 2;
}

int ex_is_speech_tok(const Ctx *c, size_t i, size_t s1)
{
	if (ex_is_actor_tok(c, i))
		return 0;
	return speech_verb(c, i, s1) ||
	       (nkg_streq(key(c, i), "according") && i + 1 < s1 &&
	        nkg_streq(key(c, i + 1), "to"));
}

/* The subject left of H: the first mention after the last clause break
 * that is not inside a prepositional phrase; failing that, the subject of
 * an earlier clause. */
size_t ex_subject_left(const Ctx *c, size_t h, size_t s0)
{
	size_t start = h;
	while (start > s0 && !ex_clause_break(c, start - 1))
		start--;
	for (int tries = 0; tries < 3; tries++) {
		for (size_t k = 0; k < c->n_am; k++) {
			const AMention *m = &c->am[k];
			if (m->t0 < start || m->t1 > h)
				continue;
			/* "after Lukashenko met Kellogg": a word that is both
			 * preposition and conjunction opens the clause */
			int opens = m->prep != NKG_NONE &&
			            m->prep + 1 == start &&
			            ex_clause_break(c, m->prep) &&
			            !(m->flags & M_PLACE);
			/* "Fighters from ISWAP attacked": the body a group noun
			 * belongs to */
			if (m->prep != NKG_NONE && m->prep > start &&
			    !(m->flags & M_PLACE) &&
			    (nkg_streq(key(c, m->prep), "of") ||
			     nkg_streq(key(c, m->prep), "from")) &&
			    ex_has_kind(c, m->prep - 1, h, LX_GROUP))
				opens = 1;
			if (m->flags & M_NOROLE ||
			    (m->flags & (M_PP | M_PLACE | M_SOURCE) && !opens))
				continue;
			/* "Russia's Wagner Group": the possessed, not the owner
			 */
			if (m->flags & M_POSS && m->t1 + 1 < h &&
			    (ex_mention_starting(c, m->t1) ||
			     ex_mention_starting(c, m->t1 + 1)))
				continue;
			/* "her family", "Ruto's critics": other people */
			size_t after =
			        m->t1 < h && nkg_streq(key(c, m->t1), "'s")
			                ? m->t1 + 1
			                : m->t1;
			if (after < h &&
			    ex_longest(c, after, after + 1, LX_OTHER, NULL))
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
		if (ex_is_speech_tok(c, e, h))
			break;
		start = e;
		while (start > s0 && !ex_clause_break(c, start - 1))
			start--;
		h = e;
	}
	return NKG_NONE;
}

void ex_add_role(Ctx *c, NkgEvent *e, int role, size_t mi)
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
		if (nkg_streq(p->preps[k].key, prep))
			return p->preps[k].role;
	if (nkg_streq(prep, "by") && (passive || !verb))
		return NKG_ROLE_AGENT;
	/* "talks on Afghanistan": what the parties meet about is no
	 * party ("suspended operations against the ELN" names one) */
	if (p->symmetric && (nkg_streq(prep, "on") || nkg_streq(prep, "upon")))
		return -1;
	if (nkg_streq(prep, "against") || nkg_streq(prep, "on") ||
	    nkg_streq(prep, "upon"))
		return NKG_ROLE_TARGET;
	if (nkg_streq(prep, "with") || nkg_streq(prep, "alongside"))
		return p->symmetric ? NKG_ROLE_PARTICIPANT : NKG_ROLE_TARGET;
	if (nkg_streq(prep, "between") || nkg_streq(prep, "among"))
		return p->symmetric ? NKG_ROLE_PARTICIPANT : NKG_ROLE_TARGET;
	if (nkg_streq(prep, "to") || nkg_streq(prep, "toward") ||
	    nkg_streq(prep, "towards"))
		return NKG_ROLE_TARGET;
	if (!verb && nkg_streq(prep, "from"))
		return NKG_ROLE_AGENT;
	/* "the withdrawal of Kenyan police from Haiti": what is withdrawn
	 * or deployed is the agent's own */
	if (!verb && nkg_streq(prep, "of"))
		return p->symmetric    ? -1
		       : p->own_object ? NKG_ROLE_AGENT
		                       : NKG_ROLE_TARGET;
	if (nkg_streq(prep, "from"))
		return NKG_ROLE_ORIGIN;
	if (nkg_streq(prep, "in") || nkg_streq(prep, "at") ||
	    nkg_streq(prep, "near"))
		return NKG_ROLE_PLACE;
	return -1;
}

/* The role of a verb's object: none when the pattern says so or when it
 * is the agent's own ("deployed troops"). */
static int object_role(const LexPattern *p)
{
	return p->after < 0 || p->own_object ? -1
	       : p->symmetric                ? NKG_ROLE_PARTICIPANT
	                                     : p->after;
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

static const char *const modality_rank[] = {"Asserted",  "Reported", "Claimed",
                                            "Uncertain", "Intended", "Negated",
                                            NULL};

static int rank(const char *m)
{
	for (int i = 0; modality_rank[i]; i++)
		if (m && nkg_streq(m, modality_rank[i]))
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
		if (nkg_streq(sub, sup))
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
		 * broader class with the very same parties repeats it, and
		 * "discussed the deal by phone" the other way round: the
		 * narrower class names it */
		int other = strcmp(o->cls, n->cls) != 0;
		int same_parties = other && !refers &&
		                   n->roles[NKG_ROLE_PARTICIPANT].n >= 2 &&
		                   sub_list(&n->roles[NKG_ROLE_PARTICIPANT],
		                            &o->roles[NKG_ROLE_PARTICIPANT]) &&
		                   sub_list(&o->roles[NKG_ROLE_PARTICIPANT],
		                            &n->roles[NKG_ROLE_PARTICIPANT]);
		int broader = same_parties && class_below(c, o->cls, n->cls);
		int narrower = same_parties && !broader &&
		               class_below(c, n->cls, o->cls);
		if (other && !broader && !narrower)
			continue;
		if (narrower) {
			nkg_set_str(&o->cls, n->cls);
			nkg_set_str(&o->cls_label, n->cls_label);
			nkg_set_str(&o->rule, n->rule);
		}
		if (!refers) {
			const NkgIdxList *na = &n->roles[NKG_ROLE_AGENT],
			                 *oa = &o->roles[NKG_ROLE_AGENT];
			const NkgIdxList *np = &n->roles[NKG_ROLE_PARTICIPANT],
			                 *op = &o->roles[NKG_ROLE_PARTICIPANT];
			const NkgIdxList *nt = &n->roles[NKG_ROLE_TARGET],
			                 *ot = &o->roles[NKG_ROLE_TARGET];
			/* "... were killed" after "militants killed ...": an
			 * event with a target only repeats one with that target
			 */
			int anchor = (na->n && oa->n &&
			              (sub_list(na, oa) || sub_list(oa, na))) ||
			             (np->n && op->n &&
			              (sub_list(np, op) || sub_list(op, np))) ||
			             (!na->n && !np->n && nt->n && ot->n &&
			              sub_list(nt, ot));
			if (!anchor || !compatible(&n->roles[NKG_ROLE_TARGET],
			                           &o->roles[NKG_ROLE_TARGET]))
				continue;
			if (n->date && o->date && strcmp(n->date, o->date))
				continue;
			if ((n->modality &&
			     nkg_streq(n->modality, "Negated")) !=
			    (o->modality && nkg_streq(o->modality, "Negated")))
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

/* Tokens [A, B) are a plain noun phrase: one to four words, no actor,
 * preposition, verb or clause break among them, ending in a noun that is
 * not a determiner. */
static int object_noun_between(const Ctx *c, size_t a, size_t b)
{
	if (b <= a || b - a > 4)
		return 0;
	for (size_t z = a; z < b; z++) {
		if (!is_word(c, z) || ex_is_actor_tok(c, z) ||
		    ex_eng(c, z, ENG_PREP) || ex_clause_break(c, z) ||
		    (ex_engm(c, z) & (ENG_BIT(ENG_BE) | ENG_BIT(ENG_AUX))) ||
		    ex_has_kind(c, z, b, LX_VERB) ||
		    ex_has_kind(c, z, b, LX_NOUN) ||
		    ex_has_kind(c, z, b, LX_SPEECH) ||
		    ex_eng(c, z, ENG_RELATIVE))
			return 0;
	}
	return !ex_eng(c, b - 1, ENG_DET);
}

/* The first actor after "if" or "unless" right of token H: who a
 * conditional threat is aimed at ("threatened to quit the talks if the
 * United States deploys the missiles"). */
size_t ex_condition_subject(const Ctx *c, size_t h, size_t s1)
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

/* ---------- roles from clause relations ---------- */

/* The frame of a trigger read from the linguistic layer's relations:
 *   verbs   active subject -> agent (or the pattern's lex:subject role),
 *           object -> the pattern's lex:after role, indirect object ->
 *           target; passive subject -> that object role, by-agent ->
 *           agent; obliques by their preposition (the pattern's lex:prep,
 *           then the defaults of prep_role); a verb with no subject of its
 *           own takes the controller's ("agreed to withdraw", "urged X to
 *           withdraw"), the first conjunct's, or the noun a relative or
 *           participial clause modifies;
 *   nouns   possessor and adjectival country -> agent, attached phrases
 *           by preposition; the object of a light verb ("held talks",
 *           "imposed sanctions on") takes that verb's subject and
 *           obliques.
 * A role is filled only from a word inside an actor mention, or from a
 * noun phrase whose possessor or "of"/"from" phrase is one ("the leaders
 * of Russia"). */

#define KIDS(c, w, d) for (int32_t d = (c)->kid[w]; d >= 0; d = (c)->sib[d])

static const NkgWord *wd(const Ctx *c, int32_t w)
{
	return &c->an->words[w];
}

static const Trigger *trigger_at(const Ctx *c, int32_t w);

static size_t mention_of_word(const Ctx *c, int32_t w)
{
	size_t t = wd(c, w)->tok;
	if (t < c->s0 || t >= c->s1)
		return NKG_NONE;
	return c->tam[t - c->s0];
}

static const char *case_of(const Ctx *c, int32_t w)
{
	uint32_t p = wd(c, w)->prep;
	return p ? nkg_word_key(c->an, p - 1) : NULL;
}

static int usable(const Ctx *c, size_t m)
{
	return m != NKG_NONE && !(c->am[m].flags & (M_SOURCE | M_NOROLE));
}

/* The mention an argument headed by W stands for, or NKG_NONE: W's own,
 * one in W's noun chunk ("the Ivory Coast 5.1 million dollars"), or its
 * owner's: "Russia's forces", "fighters from ISWAP", "police in Peru",
 * "the chief of Israel's militia" (two phrases deep). */
static size_t arg_mention_at(const Ctx *c, int32_t w, int depth)
{
	size_t m = mention_of_word(c, w);
	if (m != NKG_NONE)
		return usable(c, m) ? m : NKG_NONE;
	int u = wd(c, w)->upos;
	if (u != U_NOUN && u != U_PROPN && u != U_PRON && u != U_NUM &&
	    u != U_ADJ)
		return NKG_NONE;
	/* "her family", "the minister's critics": other people */
	size_t t = wd(c, w)->tok;
	if (t >= c->s0 && t < c->s1 && ex_longest(c, t, t + 1, LX_OTHER, NULL))
		return NKG_NONE;
	int16_t ch = wd(c, w)->chunk;
	if (ch >= 0 && c->an->chunks[ch].kind == CH_NP) {
		const NkgChunk *k = &c->an->chunks[ch];
		for (int32_t x = k->w1; x-- > k->w0;) {
			size_t q = mention_of_word(c, x);
			if (usable(c, q) && !(c->am[q].flags & M_PLACE))
				return q;
		}
	}
	KIDS(c, w, d)
	{
		int r = wd(c, d)->deprel;
		const char *cs = case_of(c, d);
		if (r == D_NMOD_POSS || r == D_COMPOUND || r == D_AMOD ||
		    (r == D_NMOD && cs &&
		     (nkg_streq(cs, "of") || nkg_streq(cs, "from") ||
		      nkg_streq(cs, "by")))) {
			size_t k = depth ? arg_mention_at(c, d, depth - 1)
			                 : mention_of_word(c, d);
			if (usable(c, k) && !(c->am[k].flags & M_PLACE))
				return k;
		}
		/* "the allegations made by Pakistan", "a ceasefire proposed by
		 * the US", "the tanker owned by X" are theirs; "the men wanted
		 * by Interpol" and "a town held by rebels" are not, but a place
		 * held by X that is attacked or seized is X's ("bombed
		 * positions held by the RSF") */
		if (r == D_ACL && wd(c, d)->xpos == X_VBN &&
		    !trigger_at(c, d) && /* "a truce brokered by Qatar" */
		    wd(c, w)->nclass != NC_PERSON &&
		    wd(c, w)->nclass != NC_GROUP &&
		    (wd(c, w)->nclass != NC_LOCATION || c->force_act)) {
			KIDS(c, d, e)
			{
				if (wd(c, e)->deprel != D_OBL_AGENT)
					continue;
				size_t k = mention_of_word(c, e);
				if (usable(c, k) && !(c->am[k].flags & M_PLACE))
					return k;
			}
		}
		if (r == D_NMOD && cs && nkg_streq(cs, "in")) {
			size_t k = mention_of_word(c, d);
			if (usable(c, k) && c->g->actors[c->am[k].actor].kind ==
			                            NKG_KIND_COUNTRY)
				return k;
		}
	}
	return NKG_NONE;
}

/* Does any word of the phrase headed by W (its noun chunk, its
 * dependents and theirs) lie in an actor mention, usable or not? */
static int phrase_has_mention(const Ctx *c, int32_t w)
{
	if (mention_of_word(c, w) != NKG_NONE)
		return 1;
	/* "SPLM/A": one name written with a slash */
	if (w >= 2 && nkg_streq(nkg_word_key(c->an, w - 1), "/") &&
	    mention_of_word(c, w - 2) != NKG_NONE)
		return 1;
	int16_t ch = wd(c, w)->chunk;
	if (ch >= 0)
		for (int32_t x = c->an->chunks[ch].w0; x < c->an->chunks[ch].w1;
		     x++)
			if (mention_of_word(c, x) != NKG_NONE)
				return 1;
	KIDS(c, w, d)
	{
		if (mention_of_word(c, d) != NKG_NONE)
			return 1;
		KIDS(c, d, g)
		{
			if (mention_of_word(c, g) != NKG_NONE)
				return 1;
		}
	}
	return 0;
}

/* Is W a noun whose phrase names no actor ("Cyclone Alesi", "their
 * captors")? */
static int names_no_actor(const Ctx *c, int32_t w)
{
	return w >= 0 &&
	       (wd(c, w)->upos == U_NOUN || wd(c, w)->upos == U_PROPN) &&
	       !phrase_has_mention(c, w);
}

static size_t arg_mention(const Ctx *c, int32_t w)
{
	return arg_mention_at(c, w, 1);
}

/* The object W of a verb, or what it is aimed at: "boycott contact with
 * the United States", "lifted sanctions on Iran". */
static int32_t object_word(const Ctx *c, int32_t w)
{
	if (w < 0 || arg_mention(c, w) != NKG_NONE)
		return w;
	KIDS(c, w, d)
	{
		const char *cs = case_of(c, d);
		if (wd(c, d)->deprel == D_NMOD && cs &&
		    (nkg_streq(cs, "with") || nkg_streq(cs, "on") ||
		     nkg_streq(cs, "against") || nkg_streq(cs, "to") ||
		     nkg_streq(cs, "toward") || nkg_streq(cs, "over")) &&
		    arg_mention(c, d) != NKG_NONE)
			return d;
	}
	return w;
}

/* The country that word W's mention names, or NKG_NONE. */
static size_t country_of_word(const Ctx *c, int32_t w)
{
	size_t m = mention_of_word(c, w);
	return m != NKG_NONE && c->g->actors[c->am[m].actor].kind ==
	                                NKG_KIND_COUNTRY
	               ? c->am[m].actor
	               : NKG_NONE;
}

/* A plural noun of people or a body of people in a role is a group
 * actor of its own, named by its modifiers and lemma ("Palestinian
 * protesters", "passengers"): an event coder codes "police arrested
 * protesters" with both sides.  The node belongs to the document and to
 * the country of a modifier that names one.  Returns the graph actor or
 * NKG_NONE. */
static size_t generic_group(Ctx *c, int32_t w)
{
	const NkgWord *h = wd(c, w);
	if ((h->xpos != X_NNS && h->xpos != X_NNPS) ||
	    (h->nclass != NC_PERSON && h->nclass != NC_GROUP))
		return NKG_NONE;
	/* the press addressed is an audience, not a party ("speaking to
	 * reporters", "told journalists"); journalists arrested are */
	{
		const LexEntry *ge;
		const NkgWord *hw = wd(c, w);
		const char *cs = case_of(c, w);
		if ((hw->deprel == D_IOBJ || (cs && nkg_streq(cs, "to"))) &&
		    ex_longest(c, hw->tok, c->s1, LX_GROUP, &ge) &&
		    c->lx->groups[ge->idx].sector &&
		    nkg_streq(c->lx->groups[ge->idx].sector, "media"))
			return NKG_NONE;
	}
	char label[256];
	size_t o = 0;
	size_t country = NKG_NONE;
	KIDS(c, w, d)
	{
		int r = wd(c, d)->deprel;
		/* "partners in Afghanistan", "supporters from Mali": people
		 * of that country, though the name stays the noun's */
		const char *dc = case_of(c, d);
		if (d > w && r == D_NMOD && dc &&
		    (nkg_streq(dc, "in") || nkg_streq(dc, "from"))) {
			size_t k = country_of_word(c, d);
			if (k != NKG_NONE)
				country = k;
			continue;
		}
		if (d > w || (r != D_AMOD && r != D_COMPOUND))
			continue;
		size_t m = mention_of_word(c, d);
		if (m != NKG_NONE &&
		    c->g->actors[c->am[m].actor].kind == NKG_KIND_COUNTRY)
			country = c->am[m].actor;
		const char *k = nkg_word_key(c->an, d);
		if (wd(c, d)->upos == U_ADJ && m == NKG_NONE &&
		    !(wd(c, d)->flags & W_CAP))
			continue; /* "angry", "many": not part of the name */
		const NkgWord *dw = wd(c, d);
		size_t l = dw->b1 - dw->b0;
		if (o + l + 2 >= sizeof label)
			return NKG_NONE;
		memcpy(label + o, c->text + dw->b0, l);
		o += l;
		label[o++] = ' ';
		(void)k;
	}
	/* ... however the parse attaches the phrase right after it */
	if (country == NKG_NONE && w + 2 < (int32_t)c->an->n_words &&
	    wd(c, w + 1)->upos == U_ADP &&
	    (nkg_streq(nkg_word_key(c->an, w + 1), "in") ||
	     nkg_streq(nkg_word_key(c->an, w + 1), "from"))) {
		country = country_of_word(c, w + 2);
	}
	const char *lemma = nkg_word_lemma(c->an, w);
	size_t hl = h->b1 - h->b0;
	if (o + hl + 1 >= sizeof label)
		return NKG_NONE;
	memcpy(label + o, c->text + h->b0, hl);
	o += hl;
	label[o] = '\0';
	char *slug = nkg_slug(label);
	char iri[600];
	snprintf(iri, sizeof iri, "%sgroup/%s", c->g->base,
	         slug ? slug : lemma);
	free(slug);
	/* a body of people ("teams", "crowds") is an actor only as some
	 * country's ("Malian troops"); people ("protesters") always */
	if (h->nclass == NC_GROUP && country == NKG_NONE)
		return NKG_NONE;
	size_t gi = nkg_graph_actor(c->g, iri, NKG_KIND_GROUP, NKG_NS "Group",
	                            label);
	if (gi == NKG_NONE)
		return NKG_NONE;
	if (country != NKG_NONE && country != gi &&
	    !nkg_idx_has(&c->g->actors[gi].affiliations, country))
		nkg_idx_add(&c->g->actors[gi].affiliations, country);
	if (!nkg_idx_has(&c->g->actors[gi].mentions, c->mention))
		nkg_idx_add(&c->g->actors[gi].mentions, c->mention);
	return gi;
}

/* "We", "I", "us", "me" in a sentence with a speaker are the speaker:
 * "\"We reject the claims,\" the spokesman said". */
static size_t first_person(const Ctx *c, int32_t w)
{
	static const char *const first[] = {"we", "i", "us", "me", NULL};
	if (wd(c, w)->xpos != X_PRP)
		return NKG_NONE;
	const char *k = nkg_word_key(c->an, w);
	for (const char *const *f = first; *f; f++)
		if (nkg_streq(k, *f)) {
			size_t sv = NKG_NONE;
			size_t sp = ex_speaker(c, c->s0, c->s1, &sv);
			return sv != NKG_NONE ? sp : NKG_NONE;
		}
	return NKG_NONE;
}

/* Adds the actor of argument W to ROLE; 1 when there was one. */
static int add_one(Ctx *c, NkgEvent *e, int role, int32_t w)
{
	size_t m = arg_mention(c, w);
	/* a speaker's "we" stands for one side of an act aimed at another,
	 * not for a party of a mutual one ("we fought for every ball") */
	if (m == NKG_NONE && role != NKG_ROLE_PARTICIPANT)
		m = first_person(c, w);
	/* "Mech Dara thanked his supporters": the people of the agent's own
	 * are a group of their own, not the agent again */
	if (m != NKG_NONE && role == NKG_ROLE_TARGET &&
	    (c->am[m].flags & M_PRON) &&
	    nkg_idx_has(&e->roles[NKG_ROLE_AGENT], c->am[m].actor) &&
	    mention_of_word(c, w) == NKG_NONE)
		m = NKG_NONE;
	if (m != NKG_NONE) {
		ex_add_role(c, e, role, m);
		return 1;
	}
	size_t gi = generic_group(c, w);
	if (gi == NKG_NONE)
		return 0;
	nkg_idx_add(&e->roles[role], gi);
	return 1;
}

/* Adds the actor of argument W (with its conjuncts) to ROLE. */
static int add_arg(Ctx *c, NkgEvent *e, int role, int32_t w)
{
	if (w < 0 || role < 0)
		return 0;
	int n = add_one(c, e, role, w);
	KIDS(c, w, d)
	{
		if (wd(c, d)->deprel == D_CONJ)
			n += add_one(c, e, role, d);
	}
	return n;
}

/* "South Sudan government, SPLA-IO agree ceasefire": in a headline a
 * comma joins subjects as "and" does.  Adds the mention that opens the
 * line and ends at that comma to ROLE beside subject W's. */
static void headline_pair(Ctx *c, NkgEvent *e, int role, int32_t w)
{
	size_t m = mention_of_word(c, w);
	if (c->sent != 0 || m == NKG_NONE || c->s1 <= c->s0 ||
	    nkg_streq(key(c, c->s1 - 1), ".") || c->am[m].t0 < c->s0 + 2 ||
	    !nkg_streq(key(c, c->am[m].t0 - 1), ","))
		return;
	const AMention *o = ex_mention_ending(c, c->am[m].t0 - 1);
	if (o && o->t0 == c->s0 && usable(c, (size_t)(o - c->am)))
		ex_add_role(c, e, role, (size_t)(o - c->am));
}

static int is_relative(const Ctx *c, int32_t w)
{
	int x = wd(c, w)->xpos;
	return x == X_WDT || x == X_WP ||
	       (x == X_IN && nkg_streq(nkg_word_key(c->an, w), "that")) ||
	       (x == X_DT && nkg_streq(nkg_word_key(c->an, w), "that"));
}

typedef struct {
	int32_t subj, obj, iobj, by;
	int passive;
} Args;

static void args_of(const Ctx *c, int32_t h, Args *a)
{
	a->subj = a->obj = a->iobj = a->by = -1;
	a->passive = (wd(c, h)->flags & W_PASSIVE) != 0;
	KIDS(c, h, d)
	{
		switch (wd(c, d)->deprel) {
		case D_NSUBJ:
			if (a->subj < 0)
				a->subj = d;
			break;
		case D_NSUBJ_PASS:
			if (a->subj < 0)
				a->subj = d;
			a->passive = 1;
			break;
		case D_OBJ:
			if (a->obj < 0)
				a->obj = d;
			break;
		case D_IOBJ:
			if (a->iobj < 0)
				a->iobj = d;
			break;
		case D_OBL_AGENT:
			if (a->by < 0)
				a->by = d;
			break;
		case D_AUX_PASS:
			a->passive = 1;
			break;
		default:
			break;
		}
	}
}

/* The subject a verb H without one of its own shares; *PASSIVE tells how
 * it stands to H. */
/* The noun a relative clause is about: the noun it follows, unless that
 * is a place inside another noun's phrase ("the bombing of a base in Ivory
 * Coast that killed ..." is about the bombing). */
static int32_t antecedent(const Ctx *c, int32_t w)
{
	for (int depth = 0; depth < 3; depth++) {
		size_t m = mention_of_word(c, w);
		const char *cs = case_of(c, w);
		int place =
		        (m != NKG_NONE && (c->am[m].flags & M_PLACE)) ||
		        (cs && (nkg_streq(cs, "in") || nkg_streq(cs, "at") ||
		                nkg_streq(cs, "near")));
		if (!place)
			return w;
		/* the noun before the place's preposition */
		int32_t k = -1;
		KIDS(c, w, d)
		{
			if (wd(c, d)->deprel == D_CASE && d < w)
				k = d;
		}
		if (k <= 0 || (wd(c, k - 1)->upos != U_NOUN &&
		               wd(c, k - 1)->upos != U_PROPN))
			return w;
		w = k - 1;
		/* through "of": "a base" is the bombing's */
		while (wd(c, w)->deprel == D_NMOD && wd(c, w)->head >= 0 &&
		       case_of(c, w) && nkg_streq(case_of(c, w), "of"))
			w = wd(c, w)->head;
	}
	return w;
}

/* Is verb V an event trigger that controls no complement, so that an
 * infinitive after its object says what its subject wants? */
static int purpose_of(const Ctx *c, int32_t v)
{
	for (size_t k = 0; k < c->n_tr; k++)
		if (c->tr[k].verb && ex_word(c, c->tr[k].head) == v)
			return !c->lx->patterns[c->tr[k].pattern].control &&
			       strcmp(c->lx->patterns[c->tr[k].pattern]
			                      .top_label,
			              "Request");
	return 0;
}

static int32_t inherited_subject(const Ctx *c, int32_t h, int *passive)
{
	int32_t g = h;
	for (int depth = 0; depth < 4; depth++) {
		int rel = wd(c, g)->deprel;
		int32_t gov = wd(c, g)->head;
		if (gov < 0)
			return -1;
		Args ga;
		args_of(c, gov, &ga);
		switch (rel) {
		case D_XCOMP:
			/* object control: "urged Serbia to release"; an act
			 * that controls nothing takes a purpose ("summoned
			 * Iraq's ambassador to protest": Kuwait protests) */
			if (ga.obj >= 0 && !purpose_of(c, gov))
				return ga.obj;
			if (ga.subj >= 0 && !ga.passive)
				return ga.subj;
			if (ga.passive &&
			    ga.subj >= 0) /* "was asked to leave" */
				return ga.subj;
			g = gov;
			continue;
		case D_PARATAXIS:
			/* "..., Macron said, thanking Oman": a participle
			 * loosely joined shares its clause's subject */
			if (wd(c, g)->xpos != X_VBG)
				return -1;
			/* "ordered a diplomat to leave ..., accusing him":
			 * the participle is the main clause's, not its
			 * complement's */
			while (wd(c, gov)->deprel == D_XCOMP &&
			       wd(c, gov)->head >= 0)
				gov = wd(c, gov)->head;
			args_of(c, gov, &ga);
			/* fall through */
		case D_CONJ:
		case D_ADVCL:
			if (ga.subj >= 0) {
				/* "were attacked or kidnapped": a participle
				 * joined to a passive shares its auxiliary */
				if (rel == D_CONJ && ga.passive && !*passive &&
				    wd(c, g)->xpos == X_VBN)
					*passive = 1;
				if (rel == D_CONJ && ga.passive && !*passive)
					return -1;
				if (ga.subj >= 0 && is_relative(c, ga.subj) &&
				    wd(c, gov)->deprel == D_ACL_RELCL)
					return wd(c, gov)->head;
				return ga.subj;
			}
			g = gov;
			continue;
		case D_ACL_RELCL:
			return antecedent(c, gov);
		case D_ACL:
			/* "a convoy attacked by rebels", "forces loyal to" */
			if (wd(c, g)->xpos == X_VBN)
				*passive = 1;
			return gov;
		default:
			return -1;
		}
	}
	return -1;
}

/* The arguments of verb V with its subject resolved: one of its own,
 * shared with a controller, conjunct or modified noun, or the noun a
 * relative pronoun stands for. */
static void clause_args(const Ctx *c, int32_t v, Args *a)
{
	args_of(c, v, a);
	if (a->subj < 0)
		a->subj = inherited_subject(c, v, &a->passive);
	else if (is_relative(c, a->subj) && wd(c, v)->deprel == D_ACL_RELCL)
		a->subj = antecedent(c, wd(c, v)->head);
}

/* Obliques of word H with their preposition: roles from the pattern. */
static void obliques(Ctx *c, NkgEvent *e, const LexPattern *p, int32_t h,
                     int verb, int passive)
{
	KIDS(c, h, d)
	{
		int r = wd(c, d)->deprel;
		if (r != D_OBL && r != D_NMOD && !(r == D_OBL_AGENT && !verb))
			continue;
		const char *cs = case_of(c, d);
		if (!cs)
			continue;
		int role = prep_role(p, cs, verb, passive);
		if (role < 0)
			continue;
		size_t m = arg_mention(c, d);
		/* people with no name take part too ("met with security
		 * officials"), but they are no place or origin */
		if (m == NKG_NONE && role != NKG_ROLE_AGENT &&
		    role != NKG_ROLE_TARGET && role != NKG_ROLE_PARTICIPANT)
			continue;
		if (m != NKG_NONE && role == NKG_ROLE_PLACE &&
		    !(c->am[m].flags & M_PLACE) &&
		    c->g->actors[c->am[m].actor].kind != NKG_KIND_COUNTRY)
			continue;
		/* one leaves a place, but quits a body: "withdrew from
		 * ECOWAS" is aimed at it */
		if (m != NKG_NONE && role == NKG_ROLE_ORIGIN &&
		    c->g->actors[c->am[m].actor].kind ==
		            NKG_KIND_ORGANIZATION &&
		    !p->symmetric)
			role = NKG_ROLE_TARGET;
		/* "near the Venezuelan border" is not in Venezuela */
		if (m != NKG_NONE && role == NKG_ROLE_PLACE &&
		    nkg_streq(cs, "near") &&
		    c->g->actors[c->am[m].actor].kind == NKG_KIND_COUNTRY)
			continue;
		if (role == NKG_ROLE_TARGET && p->symmetric)
			role = NKG_ROLE_PARTICIPANT;
		add_arg(c, e, role, d);
	}
}

/* The verb trigger at word W, or NULL. */
static const Trigger *trigger_at(const Ctx *c, int32_t w)
{
	for (size_t k = 0; k < c->n_tr; k++)
		if (c->tr[k].verb && ex_word(c, c->tr[k].head) == w)
			return &c->tr[k];
	return NULL;
}

/* The pattern of a verb trigger at word W (absorbed by a control verb or
 * not), or NULL. */
static const LexPattern *pattern_at(const Ctx *c, int32_t w)
{
	for (size_t k = 0; k < c->n_tr; k++)
		if (c->tr[k].verb && ex_word(c, c->tr[k].head) == w)
			return &c->lx->patterns[c->tr[k].pattern];
	return NULL;
}

/* A control verb's complement names whom the act is aimed at: "promised
 * to continue aid to Mozambique", "threatened to ban the party"; a demand
 * is aimed at the subject of what it demands: "demanded that the US
 * cancel". */
static void complement_roles(Ctx *c, NkgEvent *e, const LexPattern *p,
                             int32_t h, int target_role)
{
	int request = nkg_streq(p->top_label, "Request");
	if (!p->control && !request)
		return;
	/* "urged Serbia to release the activists": the one urged is the
	 * target, not whom the complement acts on */
	if (e->roles[target_role].n)
		return;
	KIDS(c, h, x)
	{
		int r = wd(c, x)->deprel;
		if (r == D_XCOMP && wd(c, x)->upos == U_VERB) {
			Args a;
			args_of(c, x, &a);
			if (!a.passive)
				add_arg(c, e, target_role,
				        object_word(c, a.obj));
			add_arg(c, e, target_role, a.iobj);
			/* the complement's own pattern says which of its
			 * phrases is aimed at someone: "withdraw from Lebanon"
			 */
			const LexPattern *xp = pattern_at(c, x);
			KIDS(c, x, d)
			{
				const char *cs = case_of(c, d);
				if (wd(c, d)->deprel == D_OBL && cs &&
				    (prep_role(p, cs, 1, a.passive) ==
				             NKG_ROLE_TARGET ||
				     (xp && prep_role(xp, cs, 1, a.passive) ==
				                    NKG_ROLE_TARGET)))
					add_arg(c, e, target_role, d);
			}
		} else if ((r == D_CCOMP || r == D_ACL) && request) {
			Args a;
			args_of(c, x, &a);
			add_arg(c, e, target_role, a.subj);
		}
	}
}

/* Is the "in" phrase of noun H a manner ("in support of", "in protest
 * against"), with no determiner of its own (not "in the attack")? */
static int adverbial_in(const Ctx *c, int32_t h)
{
	KIDS(c, h, d)
	{
		int r = wd(c, d)->deprel;
		if (r == D_DET || r == D_NMOD_POSS)
			return 0;
	}
	return 1;
}

/* Fills E's roles from the relations around trigger T.  Returns 1 when
 * the trigger's word was read (the frame is then all there is), 0 when
 * the sentence was not analysed.  *LIGHT is set for the object of a
 * light verb (for dates). */
/* Is P a response to someone's act: approving, condemning or rejecting
 * it? */
static int responds(const LexPattern *p)
{
	return nkg_streq(p->top_label, "Accuse") ||
	       nkg_streq(p->top_label, "Support") ||
	       nkg_streq(p->top_label, "Reject");
}

/* Is word W the noun of an event trigger ("the bombing", "the attack")? */
/* The pattern of the noun trigger at word W, or NULL; AS_NOUN: also a
 * verb's trigger the tagger reads as a noun ("condemned the shelling"). */
static const LexPattern *event_noun(const Ctx *c, int32_t w, int as_noun)
{
	for (size_t k = 0; k < c->n_tr; k++)
		if (ex_word(c, c->tr[k].head) == w &&
		    (!c->tr[k].verb || (as_noun && wd(c, w)->upos == U_NOUN)))
			return &c->lx->patterns[c->tr[k].pattern];
	return NULL;
}

static int names_event(const Ctx *c, int32_t w)
{
	return event_noun(c, w, 0) != NULL;
}

/* The latest event before the one being filled whose PLOVER class is
 * TOP and that has an agent (AGENT) or any party (else), within the
 * last 32 events: the one a noun of that class refers back to, or NULL.
 * Only the recent past, so that a long text stays linear. */
static const NkgEvent *last_told(const Ctx *c, const char *top, int agent)
{
	if (!top || c->g->n_events < 2)
		return NULL;
	size_t last = c->g->n_events - 1; /* the event being filled */
	size_t stop = last > 32 ? last - 32 : 0;
	for (size_t i = last; i-- > stop;) {
		const NkgEvent *o = &c->g->events[i];
		if (o->top_label && nkg_streq(o->top_label, top) &&
		    (agent ? o->roles[NKG_ROLE_AGENT].n > 0 : has_any(o)))
			return o;
	}
	return NULL;
}

/* "The attack killed 12 civilians": a subject that names an event stands
 * for whoever carried that event out, the agents of the last event of its
 * class in the story.  Adds them to ROLE of E; their number. */
static int event_subject(Ctx *c, NkgEvent *e, int role, int32_t w)
{
	const LexPattern *sp = event_noun(c, w, 0);
	const NkgEvent *o = sp ? last_told(c, sp->top_label, 1) : NULL;
	if (!o)
		return 0;
	const NkgIdxList *oa = &o->roles[NKG_ROLE_AGENT];
	for (size_t q = 0; q < oa->n; q++)
		nkg_idx_add(&e->roles[role], oa->v[q]);
	return (int)oa->n;
}

/* The noun that stands for event noun W in its clause: a measure of time
 * or quantity it follows ("held eight hours of talks", "a series of
 * strikes"), or W itself. */
static int32_t measured(const Ctx *c, int32_t w)
{
	int32_t m = wd(c, w)->head;
	const char *cs = case_of(c, w);
	if (m < 0 || wd(c, w)->deprel != D_NMOD || !cs || strcmp(cs, "of"))
		return w;
	int nc = wd(c, m)->nclass;
	return nc == NC_TIME || nc == NC_QUANTITY ? m : w;
}

/* The word that heads noun trigger T's phrase in the relations: its
 * last word, or the noun that word hangs from inside the phrase ("the
 * suspension of ties": suspension). */
static int32_t phrase_head(const Ctx *c, const Trigger *t, int32_t w)
{
	for (int depth = 0; w >= 0 && depth < 4; depth++) {
		int32_t g = wd(c, w)->head;
		if (g < 0 || wd(c, w)->deprel != D_NMOD)
			break;
		size_t gt = wd(c, g)->tok;
		if (gt < t->t0 || gt >= t->t1)
			break;
		w = g;
	}
	return w;
}

static int frame_roles(Ctx *c, const Trigger *t, NkgEvent *e, int *light)
{
	int32_t h = ex_word(c, t->head);
	if (h < 0 || !c->indexed)
		return 0;
	const LexPattern *p = &c->lx->patterns[t->pattern];
	int agent_role = p->symmetric ? NKG_ROLE_PARTICIPANT : NKG_ROLE_AGENT;
	int obj_role = object_role(p);
	int target_role = p->symmetric ? NKG_ROLE_PARTICIPANT : NKG_ROLE_TARGET;
	/* a modal or auxiliary stands for its verb: "must leave" */
	int rel = wd(c, h)->deprel;
	if ((rel == D_AUX || rel == D_AUX_PASS || rel == D_COP) &&
	    wd(c, h)->head >= 0)
		h = wd(c, h)->head;
	int u = wd(c, h)->upos;
	if (u == U_VERB || u == U_AUX || (u == U_ADJ && t->verb)) {
		Args a;
		clause_args(c, h, &a);
		if (t->passive == 3)
			a.passive = 1; /* a headline's passive */
		{
			int32_t u = a.passive ? a.subj : a.obj;
			c->undergoer_class = u >= 0 ? wd(c, u)->nclass : 0;
		}
		if (a.passive && p->own_object) {
			/* "two US aircraft carriers were dispatched": whose
			 * forces they are acts, unless a by-phrase says */
			if (!add_arg(c, e, agent_role, a.by) && a.by < 0)
				add_arg(c, e, agent_role, a.subj);
		} else if (a.passive) {
			/* "restrictions on Venezuela were eased" */
			add_arg(c, e, obj_role >= 0 ? obj_role : target_role,
			        object_word(c, a.subj));
			/* "freed by their captors": a by-agent that is no
			 * actor, like such a subject */
			if (!add_arg(c, e, agent_role, a.by) &&
			    names_no_actor(c, a.by))
				c->other_subject = 1;
		} else {
			int sr = p->subject >= 0 ? p->subject : agent_role;
			Args own;
			args_of(c, h, &own);
			/* a subject that names an event is no actor */
			if (a.subj >= 0 && names_event(c, a.subj)) {
				/* "condemned the attack that killed two
				 * workers": the attack's doer or no one */
				if (!event_subject(c, e, sr, a.subj) &&
				    sr == NKG_ROLE_AGENT)
					c->other_subject = 1;
			} else if (add_arg(c, e, sr, a.subj)) {
				headline_pair(c, e, sr, a.subj);
				/* its own subject, or the noun its clause
				 * modifies ("Japan's plan to release") */
				c->own_subject =
				        sr == NKG_ROLE_AGENT &&
				        ((own.subj >= 0 &&
				          own.subj == a.subj) ||
				         wd(c, h)->deprel == D_ACL ||
				         wd(c, h)->deprel == D_ACL_RELCL);
			} else if (sr == NKG_ROLE_AGENT &&
			           wd(c, h)->deprel != D_XCOMP &&
			           names_no_actor(c, a.subj)) {
				/* "after Cyclone Alesi tore through ...,
				 * killing 11 people": a subject that is no
				 * actor leaves the act without one; none is
				 * sought further left (but "X ordered the paper
				 * to suspend publication" is X's doing as much
				 * as the paper's) */
				c->other_subject = 1;
			}
			/* "a demand that Santiago rejected": a relative
			 * pronoun object stands for the noun it follows */
			if (a.obj >= 0 && is_relative(c, a.obj) &&
			    wd(c, h)->deprel == D_ACL_RELCL)
				a.obj = antecedent(c, wd(c, h)->head);
			/* "condemned the attack", "supported the call": a
			 * response to an act is aimed at whoever did it */
			if (!add_arg(c, e, obj_role, object_word(c, a.obj)) &&
			    a.obj >= 0 && obj_role == NKG_ROLE_TARGET &&
			    responds(p))
				event_subject(c, e, obj_role, a.obj);
			add_arg(c, e, target_role, a.iobj);
		}
		obliques(c, e, p, h, 1, a.passive);
		complement_roles(c, e, p, h, target_role);
		return 1;
	}
	/* a noun: its possessor is its agent ("Russia's invasion"), unless
	 * the pattern says otherwise for a noun without an of-phrase of its
	 * own ("Maduro's capture"; but "the army's capture of the town") */
	int of_phrase = 0;
	KIDS(c, h, d)
	{
		const char *cs = case_of(c, d);
		if (wd(c, d)->deprel == D_NMOD && cs && nkg_streq(cs, "of"))
			of_phrase = 1;
	}
	int poss_role =
	        p->possessor >= 0 && !of_phrase
	                ? (p->symmetric ? NKG_ROLE_PARTICIPANT : p->possessor)
	                : agent_role;
	KIDS(c, h, d)
	{
		int r = wd(c, d)->deprel;
		if (r == D_NMOD_POSS || r == D_AMOD || r == D_COMPOUND) {
			size_t m = mention_of_word(c, d);
			if (usable(c, m) && !(c->am[m].flags & M_PLACE))
				add_arg(c, e,
				        r == D_NMOD_POSS    ? poss_role
				        : p->noun_left >= 0 ? p->noun_left
				                            : agent_role,
				        d);
		}
	}
	obliques(c, e, p, h, 0, 0);
	complement_roles(c, e, p, h, target_role);
	int32_t hm = measured(c, phrase_head(c, t, h));
	int32_t v = wd(c, hm)->head;
	if (v >= 0 && wd(c, hm)->deprel == D_OBJ) {
		const char *vl = nkg_word_lemma(c->an, v);
		int face = eng_is(vl, ENG_FACE), lightv = eng_is(vl, ENG_LIGHT);
		if (face || lightv) {
			*light = 1;
			Args a;
			clause_args(c, v, &a);
			int r = face && p->noun_left >= 0 ? p->noun_left
			        : face                    ? target_role
			                                  : agent_role;
			if (!a.passive && add_arg(c, e, r, a.subj))
				headline_pair(c, e, r, a.subj);
			obliques(c, e, p, v, 0, 0);
		}
	}
	/* the same in the passive: "sanctions were imposed on Sudan by
	 * Britain", "talks were held with Iran" */
	if (v >= 0 && wd(c, hm)->deprel == D_NSUBJ_PASS &&
	    eng_is(nkg_word_lemma(c->an, v), ENG_LIGHT)) {
		*light = 1;
		Args a;
		clause_args(c, v, &a);
		add_arg(c, e, agent_role, a.by);
		obliques(c, e, p, v, 1, 1); /* the by-phrase is done */
	}
	/* an act named in an adverbial "in" phrase is the clause subject's:
	 * "spoke in support of Kyiv", "marched in protest against the law" */
	const char *cs = case_of(c, h);
	if (v >= 0 && wd(c, h)->deprel == D_OBL && cs && nkg_streq(cs, "in") &&
	    adverbial_in(c, h)) {
		Args a;
		clause_args(c, v, &a);
		/* "soldiers killed in ELN ambush": a passive's subject
		 * suffered the act */
		const Trigger *vt = trigger_at(c, v);
		if (vt && vt->passive == 3)
			a.passive = 1;
		if (!a.passive)
			add_arg(c, e, agent_role, a.subj);
		else if (!p->symmetric)
			add_arg(c, e, target_role, a.subj);
	}
	/* a mutual event the clause's subject did before or after what the
	 * clause says: "withdrew after clashes with Eritrean forces", "spoke
	 * following talks with Macron" */
	if (v >= 0 && p->symmetric && wd(c, h)->deprel == D_OBL && cs &&
	    (nkg_streq(cs, "after") || nkg_streq(cs, "before") ||
	     nkg_streq(cs, "following") || nkg_streq(cs, "during"))) {
		Args a;
		clause_args(c, v, &a);
		if (!a.passive)
			add_arg(c, e, NKG_ROLE_PARTICIPANT, a.subj);
	}
	return 1;
}

/* The roles of E by word positions around trigger T: the subject left
 * of a verb (past prepositional phrases and into an earlier clause), a
 * modifier or light verb's subject before a noun; right of it the first
 * mention (object) and the mentions attached by prepositions.  Fills only
 * the sides LEFT_OPEN and RIGHT_OPEN. */
static void position_roles(Ctx *c, const Trigger *t, NkgEvent *e, size_t s0,
                           size_t s1, int left_open, int right_open,
                           int *light_obj)
{
	const LexPattern *p = &c->lx->patterns[t->pattern];
	int agent_role = p->symmetric ? NKG_ROLE_PARTICIPANT : NKG_ROLE_AGENT;
	int obj_role = object_role(p);
	/* left side */
	if (!left_open) {
	} else if (t->verb) {
		size_t su = t->passive == 2 ? NKG_NONE
		                            : ex_subject_left(c, t->t0, s0);
		if (t->passive && su != NKG_NONE) {
			/* "a helicopter that was captured by ...": the subject
			 * is the noun before the relative pronoun */
			for (size_t z = t->t0; z > s0 && z + 4 > t->t0; z--)
				if (ex_eng(c, z - 1, ENG_RELATIVE)) {
					if (!(z >= 2 &&
					      ex_mention_ending(c, z - 1)))
						su = NKG_NONE;
					break;
				}
		}
		int sr = t->passive        ? obj_role
		         : p->subject >= 0 ? p->subject
		                           : agent_role;
		if (su != NKG_NONE && sr >= 0)
			ex_add_role(c, e, sr, su);
	} else {
		/* adjacent modifier: "the U.S. blockade", "Russia's invasion"
		 */
		for (size_t k = c->n_am; k-- > 0;) {
			const AMention *m = &c->am[k];
			if (m->t1 > t->t0 || m->flags & (M_PLACE | M_SOURCE))
				continue;
			size_t gap = t->t0 - m->t1;
			int ok = gap <= 3;
			for (size_t z = m->t1; z < t->t0 && ok; z++) {
				const NkgToken *tz = tok(c, z);
				if (!(tz->flags & NKG_TOK_WORD) ||
				    (ex_engm(c, z) &
				     (ENG_BIT(ENG_PREP) | ENG_BIT(ENG_BE) |
				      ENG_BIT(ENG_CLAUSE) | ENG_BIT(ENG_AUX) |
				      ENG_BIT(ENG_FACE) |
				      ENG_BIT(ENG_LIGHT))) ||
				    ex_has_kind(c, z, s1, LX_VERB) ||
				    ex_has_kind(c, z, s1, LX_SPEECH))
					ok = 0;
				if (nkg_streq(tz->key, "'s"))
					ok = 1;
			}
			if (ok && !(m->flags & M_NOROLE))
				ex_add_role(c, e, agent_role, k);
			break;
		}
		if (!e->roles[agent_role].n) {
			/* object of a light verb: "held talks", "faces
			 * pressure" */
			for (size_t z = t->t0; z > s0 && z + 5 > t->t0; z--) {
				if (ex_is_actor_tok(c, z - 1) ||
				    ex_clause_break(c, z - 1))
					break;
				int face = ex_eng(c, z - 1, ENG_FACE);
				int lightv = ex_eng(c, z - 1, ENG_LIGHT);
				/* "the kingdom's continued support": a
				 * participle after a determiner is an adjective
				 */
				if ((lightv || face) && z - 1 > s0 &&
				    ex_eng(c, z - 2, ENG_DET))
					break;
				if (lightv || face) {
					*light_obj = 1;
					size_t su =
					        ex_subject_left(c, z - 1, s0);
					if (su != NKG_NONE) {
						int r = face && p->noun_left >= 0
						                ? p->noun_left
						        : face ? NKG_ROLE_TARGET
						               : agent_role;
						ex_add_role(c, e, r, su);
					}
					break;
				}
			}
		}
	}

	/* right side */
	int direct_taken = !right_open;
	size_t chain =
	        t->t1; /* nouns: where the next attached phrase may start */
	/* a verb's object may stand inside its phrase: "give Tanzania a grant"
	 */
	size_t from = t->verb ? t->head + 1 : t->t1;
	/* "X said Y must leave": what follows is the act demanded */
	for (size_t k = 0; right_open && k < c->n_am && p->speaker < 0; k++) {
		const AMention *m = &c->am[k];
		if (m->t0 < from)
			continue;
		int brk = 0;
		for (size_t z = from; z < m->t0; z++) {
			if (ex_clause_break(c, z))
				brk = 1;
			/* "rejected the allegation that separatists ...": a
			 * clause after a noun is the noun's, not the verb's */
			if (z > from && nkg_streq(key(c, z), "that")) {
				int32_t w = ex_word(c, z - 1);
				if (w >= 0 && wd(c, w)->upos == U_NOUN)
					brk = 1;
			}
			/* a comma ends the object unless a list of actors goes
			 * on */
			if (nkg_streq(key(c, z), ",") &&
			    !(z + 1 < c->s1 && ex_mention_starting(c, z + 1) &&
			      ex_mention_ending(c, z)))
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
			while (start > chain && ex_eng(c, start - 1, ENG_DET))
				start--;
			if (start != chain)
				break;
		}
		if (m->prep != NKG_NONE && m->prep >= t->t1) {
			int r = prep_role(p, key(c, m->prep), t->verb,
			                  t->passive);
			/* "shelled positions of the militia", "expelled
			 * inspectors of the agency": the owner of a plain
			 * object noun is the verb's object */
			if (r < 0 && t->verb && !direct_taken &&
			    obj_role >= 0 && nkg_streq(key(c, m->prep), "of") &&
			    object_noun_between(c, t->t1, m->prep)) {
				direct_taken = 1;
				ex_add_role(c, e,
				            t->passive ? agent_role : obj_role,
				            k);
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
			ex_add_role(c, e, r, k);
			chain = ex_last_of(c, k);
			continue;
		}
		if (m->flags & M_PLACE)
			continue;
		if (!direct_taken) {
			direct_taken = 1;
			if (!t->verb)
				continue; /* a noun takes no bare object */
			if (t->passive || obj_role >= 0)
				ex_add_role(c, e,
				            t->passive ? agent_role : obj_role,
				            k);
		}
	}
}

/* Is trigger T's verb the predicate of an "if" or "unless" clause? */
static int in_condition(const Ctx *c, const Trigger *t)
{
	int32_t h = ex_word(c, t->head);
	if (h < 0 || !t->verb)
		return 0;
	KIDS(c, h, d)
	{
		if (wd(c, d)->deprel != D_MARK)
			continue;
		const char *k = nkg_word_key(c->an, d);
		if (nkg_streq(k, "if") || nkg_streq(k, "unless"))
			return 1;
	}
	return 0;
}

/* Is nominal trigger T what its verb's subject caused ("the killing
 * sparked protests", "drew criticism")?  That subject is no party. */
static int caused(const Ctx *c, const Trigger *t)
{
	int32_t h = t->verb ? -1 : ex_word(c, t->head);
	if (h < 0 || wd(c, h)->head < 0)
		return 0;
	int r = wd(c, h)->deprel;
	return (r == D_OBJ || r == D_NSUBJ_PASS) &&
	       eng_is(nkg_word_lemma(c->an, wd(c, h)->head), ENG_CAUSE);
}

/* A protest by states is a diplomatic one ("Kuwait summoned the envoy to
 * protest against the ruling"): event coders code it as an accusation,
 * and keep the Protest class for crowds. */
static void diplomatic_protest(Ctx *c, NkgEvent *e)
{
	const NkgIdxList *ag = &e->roles[NKG_ROLE_AGENT];
	/* the general class only: a boycott or a strike stays one */
	if (!e->cls || strcmp(e->cls, NKG_NS "Protest") || !ag->n)
		return;
	for (size_t k = 0; k < ag->n; k++)
		if (c->g->actors[ag->v[k]].kind != NKG_KIND_COUNTRY)
			return;
	const LexClass *ac = nkg_lex_class(c->lx, NKG_NS "Accuse");
	if (!ac)
		return;
	nkg_set_str(&e->cls, ac->iri);
	nkg_set_str(&e->cls_label, ac->label);
	nkg_set_str(&e->top_label, ac->label);
}

/* "Three boats were seized by the navy": what is captured is a thing,
 * so the capture is a seizure of property. */
static void seized_property(Ctx *c, NkgEvent *e)
{
	if (!e->cls || strcmp(e->cls, NKG_NS "Capture") ||
	    (c->undergoer_class != NC_ARTIFACT &&
	     c->undergoer_class != NC_POSSESSION))
		return;
	const LexClass *pc = nkg_lex_class(c->lx, NKG_NS "PropertySeizure");
	if (!pc)
		return;
	nkg_set_str(&e->cls, pc->iri);
	nkg_set_str(&e->cls_label, pc->label);
}

static int frame_full(const NkgEvent *e)
{
	return (e->roles[NKG_ROLE_AGENT].n && e->roles[NKG_ROLE_TARGET].n) ||
	       e->roles[NKG_ROLE_PARTICIPANT].n >= 2;
}

/* Is trigger T's verb a past participle modifying a noun ("the girls
 * kidnapped last week")?  A participle with an object of its own is
 * active ("soldiers captured the leader"), whatever the parse. */
static int reduced_passive(const Ctx *c, const Trigger *t)
{
	int32_t h = ex_word(c, t->head);
	if (h < 0 || wd(c, h)->upos != U_VERB || wd(c, h)->xpos != X_VBN ||
	    wd(c, h)->deprel != D_ACL)
		return 0;
	Args a;
	args_of(c, h, &a);
	return a.obj < 0;
}

/* Who takes part in the event of trigger T.  A frame that the relations
 * fill on both sides is taken whole (confidence 0.9); otherwise word
 * positions give the roles and the relations fill the sides positions
 * left open (0.7 with both sides filled).  An event with one side only
 * gets 0.4: diagrams leave it out unless asked. */
static void event_roles(Ctx *c, const Trigger *t, NkgEvent *e, size_t s0,
                        size_t s1, int *light_obj)
{
	NkgEvent fr;
	memset(&fr, 0, sizeof fr);
	c->own_subject = 0;
	c->other_subject = 0;
	c->undergoer_class = 0;
	{
		const char *top = c->lx->patterns[t->pattern].top_label;
		c->force_act = top && (nkg_streq(top, "Assault") ||
		                       nkg_streq(top, "Coerce"));
	}
	frame_roles(c, t, &fr, light_obj);
	int whole = frame_full(&fr);
	if (!whole)
		position_roles(c, t, e, s0, s1, !caused(c, t), 1, light_obj);
	/* a verb's own subject is its agent, whatever lies to its left
	 * ("a charge New Delhi rejected") */
	if (!whole && (c->own_subject || c->other_subject))
		e->roles[NKG_ROLE_AGENT].n = 0;
	/* "schoolgirls kidnapped in Zamfara were freed": a past participle
	 * that modifies a noun is passive, and only its by-phrase names
	 * its agent */
	if (!whole && reduced_passive(c, t))
		e->roles[NKG_ROLE_AGENT].n = 0;
	int lo = !e->roles[NKG_ROLE_AGENT].n &&
	         !e->roles[NKG_ROLE_PARTICIPANT].n;
	int ro = !e->roles[NKG_ROLE_TARGET].n &&
	         e->roles[NKG_ROLE_PARTICIPANT].n < 2;
	for (int r = 0; r < NKG_ROLE_COUNT; r++) {
		int take = r == NKG_ROLE_AGENT         ? lo
		           : r == NKG_ROLE_TARGET      ? ro
		           : r == NKG_ROLE_PARTICIPANT ? (lo && ro)
		                                       : !e->roles[r].n;
		for (size_t k = 0; take && k < fr.roles[r].n; k++)
			nkg_idx_add(&e->roles[r], fr.roles[r].v[k]);
	}
	nkg_event_free(&fr);
	e->confidence = whole ? 0.9 : 0.7;
}

static int nominal_trigger(const Ctx *c, const Trigger *t)
{
	int32_t h = ex_word(c, t->head);
	if (h < 0)
		return !t->verb;
	int u = wd(c, h)->upos;
	if (u != U_NOUN && u != U_PROPN)
		return 0;
	/* "lifted restrictions", "held talks": the light verb asserts it */
	h = measured(c, phrase_head(c, t, h));
	int32_t v = wd(c, h)->head;
	return !(v >= 0 && wd(c, h)->deprel == D_OBJ &&
	         (eng_is(nkg_word_lemma(c->an, v), ENG_LIGHT) ||
	          eng_is(nkg_word_lemma(c->an, v), ENG_FACE)));
}

/* Is trigger T's verb inside a clause that modifies a noun ("the
 * militants who attacked", "a convoy ambushed near the border")? */
static int noun_clause(const Ctx *c, const Trigger *t)
{
	int32_t h = ex_word(c, t->head);
	for (int depth = 0; h >= 0 && depth < 4; depth++) {
		int r = wd(c, h)->deprel;
		if (r == D_ACL || r == D_ACL_RELCL)
			return 1;
		if (r != D_XCOMP && r != D_CONJ && r != D_AUX &&
		    r != D_AUX_PASS)
			return 0;
		h = wd(c, h)->head;
	}
	return 0;
}

/* Is trigger T's verb a participle or gerund heading an adverbial
 * clause ("..., leaving five dead", "after ending the siege", "by
 * withdrawing")?  Such a clause mentions an act in passing; its
 * parties are those of the main clause, not its own. */
static int adverbial_participle(const Ctx *c, const Trigger *t)
{
	int32_t h = ex_word(c, t->head);
	if (h < 0 || wd(c, h)->upos != U_VERB)
		return 0;
	int x = wd(c, h)->xpos;
	int r = wd(c, h)->deprel;
	if (x != X_VBG && x != X_VBN)
		return 0;
	if (r != D_ADVCL && r != D_PARATAXIS)
		return 0;
	/* "after he was released": a participle with its own auxiliary
	 * is a finite clause */
	KIDS(c, h, d)
	{
		int dr = wd(c, d)->deprel;
		if (dr == D_AUX || dr == D_AUX_PASS || dr == D_NSUBJ ||
		    dr == D_NSUBJ_PASS)
			return 0;
	}
	return 1;
}

/* The noun that verb H acts on: its object, the noun its relative clause
 * modifies, or in a contact clause the noun before its subject ("a charge
 * New Delhi rejected"); -1 when none. */
static int32_t acted_on(const Ctx *c, int32_t h)
{
	Args a;
	args_of(c, h, &a);
	if (a.obj >= 0)
		return a.obj;
	if (wd(c, h)->deprel == D_ACL_RELCL)
		return wd(c, h)->head;
	if (a.subj < 0 || a.subj > h)
		return -1;
	int32_t w = a.subj;
	while (w > 0 &&
	       (wd(c, w - 1)->head == a.subj || wd(c, w - 1)->deprel == D_FLAT))
		w--;
	while (w > 0 && c->an->words[w - 1].upos == U_ADV)
		w--;
	return w > 0 && wd(c, w - 1)->upos == U_NOUN ? w - 1 : -1;
}

/* Is word W a noun that names an accusation ("the charge", "the
 * allegation")? */
static int names_charge(const Ctx *c, int32_t w)
{
	const LexSlot *sl = ex_lookup(c, wd(c, w)->tok, 1, c->s1);
	for (size_t q = 0; sl && q < sl->n; q++)
		if (sl->v[q].kind == LX_NOUN && sl->v[q].ntok == 1 &&
		    nkg_streq(c->lx->patterns[sl->v[q].idx].top_label,
		              "Accuse"))
			return 1;
	return 0;
}

/* "Pakistan accused India of ..., a charge New Delhi rejected": denying a
 * charge with no owner named answers whoever made the latest accusation,
 * in this sentence or the one before. */
static void answered_accuser(Ctx *c, const Trigger *t, NkgEvent *e)
{
	int32_t h = ex_word(c, t->head);
	if (h < 0 || wd(c, h)->upos != U_VERB)
		return;
	int32_t w = acted_on(c, h);
	if (w < 0 || !names_charge(c, w))
		return;
	const NkgGraph *g = c->g;
	for (size_t i = g->n_events - 1; i-- > 0;) {
		const NkgEvent *o = &g->events[i];
		if (!o->mentions.n || o->mentions.v[0] + 1 < c->mention)
			return;
		if (!o->top_label || strcmp(o->top_label, "Accuse"))
			continue;
		const NkgIdxList *oa = &o->roles[NKG_ROLE_AGENT];
		for (size_t k = 0; k < oa->n; k++)
			if (!nkg_idx_has(&e->roles[NKG_ROLE_AGENT], oa->v[k]))
				nkg_idx_add(&e->roles[NKG_ROLE_TARGET],
				            oa->v[k]);
		if (oa->n)
			return;
	}
}

/* "32 Cubans were killed in the attack": an act with no doer that
 * happened in an event named by a noun of its own class has the doer of
 * that event, the latest one of the class before it with parties (none
 * when those are the two sides of a clash). */
static void agent_of_setting(Ctx *c, const Trigger *t, NkgEvent *e)
{
	int32_t h = ex_word(c, t->head);
	if (h < 0 || !e->top_label)
		return;
	KIDS(c, h, d)
	{
		const char *cs = case_of(c, d);
		if (wd(c, d)->deprel != D_OBL || !cs ||
		    (strcmp(cs, "in") && strcmp(cs, "during")))
			continue;
		const LexPattern *np = event_noun(c, d, 0);
		if (!np || !np->top_label ||
		    strcmp(np->top_label, e->top_label))
			continue;
		/* "in the attack" is one told of; "in suicide attacks" is
		 * any */
		int definite = 0;
		KIDS(c, d, q)
		{
			const char *k = nkg_word_key(c->an, q);
			definite |=
			        wd(c, q)->deprel == D_NMOD_POSS ||
			        (wd(c, q)->deprel == D_DET &&
			         (nkg_streq(k, "the") || nkg_streq(k, "this") ||
			          nkg_streq(k, "that") ||
			          nkg_streq(k, "these")));
		}
		if (!definite)
			continue;
		/* "killed in the clashes" after a clash of two sides: no one
		 * of them is the killer */
		const NkgEvent *o = last_told(c, e->top_label, 0);
		if (!o)
			continue;
		for (size_t k = 0; k < o->roles[NKG_ROLE_AGENT].n; k++)
			if (!nkg_idx_has(&e->roles[NKG_ROLE_TARGET],
			                 o->roles[NKG_ROLE_AGENT].v[k]))
				nkg_idx_add(&e->roles[NKG_ROLE_AGENT],
				            o->roles[NKG_ROLE_AGENT].v[k]);
		return;
	}
}

/* "Both countries withdrew ambassadors": two parties named as a pair who
 * act on people of their own, and on no one else, act on each other. */
static void reciprocal_pair(Ctx *c, NkgEvent *e)
{
	NkgIdxList *ag = &e->roles[NKG_ROLE_AGENT];
	NkgIdxList *tg = &e->roles[NKG_ROLE_TARGET];
	if (ag->n != 2 || !tg->n)
		return;
	for (size_t k = 0; k < tg->n; k++) {
		const NkgActor *a = &c->g->actors[tg->v[k]];
		if (a->known || a->kind != NKG_KIND_GROUP || a->affiliations.n)
			return;
	}
	size_t paired = 0;
	for (size_t k = 0; k < c->n_am; k++)
		if ((c->am[k].flags & M_PAIR) &&
		    nkg_idx_has(ag, c->am[k].actor))
			paired++;
	if (paired < 2)
		return;
	for (size_t k = 0; k < ag->n; k++)
		nkg_idx_add(&e->roles[NKG_ROLE_PARTICIPANT], ag->v[k]);
	ag->n = 0;
	tg->n = 0;
	e->symmetric = 1;
}

/* "condemned the shelling", "welcomed the release": a reaction to an
 * event the text told of is aimed at whoever did it (for a welcome, at
 * whoever it was done for when no one did it). */
static void reaction_target(Ctx *c, const Trigger *t, NkgEvent *e)
{
	int32_t h = ex_word(c, t->head);
	if (h < 0 || !e->top_label)
		return;
	int support = nkg_streq(e->top_label, "Support");
	if (!support && !nkg_streq(e->top_label, "Accuse"))
		return;
	Args a;
	args_of(c, h, &a);
	if (a.obj < 0)
		return;
	/* the object names an event: a noun trigger, or a verb's form
	 * read as a noun ("the shelling") */
	const LexPattern *np = event_noun(c, a.obj, 1);
	const NkgEvent *o = np ? last_told(c, np->top_label, 0) : NULL;
	if (!o)
		return;
	const NkgIdxList *from = o->roles[NKG_ROLE_AGENT].n
	                                 ? &o->roles[NKG_ROLE_AGENT]
	                         : o->roles[NKG_ROLE_PARTICIPANT].n
	                                 ? &o->roles[NKG_ROLE_PARTICIPANT]
	                         : support ? &o->roles[NKG_ROLE_TARGET]
	                                   : NULL;
	for (size_t k = 0; from && k < from->n; k++)
		if (!nkg_idx_has(&e->roles[NKG_ROLE_AGENT], from->v[k]))
			nkg_idx_add(&e->roles[NKG_ROLE_TARGET], from->v[k]);
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
	event_roles(c, t, e, s0, s1, &light_obj);
	if (!e->roles[NKG_ROLE_AGENT].n && !e->roles[NKG_ROLE_PARTICIPANT].n)
		agent_of_setting(c, t, e);

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
	for (size_t z = t->t0 > s0 + 2 ? t->t0 - 2 : s0;
	     z < s1 && z < t->t1 + 8; z++) {
		if (z == t->head)
			continue;
		if (z > t->t1 && ex_clause_break(c, z))
			break;
		const LexEntry *oe;
		if (ex_longest(c, z, s1, LX_OBJECT, &oe) >= 1) {
			nkg_set_str(&e->object, c->lx->objects[oe->idx]);
			break;
		}
	}

	ex_event_date(c, t, e, dates, nd, light_obj);
	const char *mod = ex_cue_modality(c, t, s0, dates, nd);
	/* "threatened to retaliate if Pakistan carried out airstrikes": an
	 * act in a condition is supposed, not reported */
	if (in_condition(c, t)) {
		drop_last(c);
		return;
	}
	if (!ex_attribute(c, t, e, s0, s1, &mod)) {
		drop_last(c);
		return;
	}
	/* "Thailand and Cambodia agreed": parties of an agreement, a
	 * consultation or cooperation with no target are participants */
	if (!p->symmetric && e->roles[NKG_ROLE_AGENT].n >= 2 &&
	    !e->roles[NKG_ROLE_TARGET].n &&
	    (nkg_streq(p->top_label, "Agree") ||
	     nkg_streq(p->top_label, "Consult") ||
	     nkg_streq(p->top_label, "Cooperate"))) {
		for (size_t k = 0; k < e->roles[NKG_ROLE_AGENT].n; k++)
			nkg_idx_add(&e->roles[NKG_ROLE_PARTICIPANT],
			            e->roles[NKG_ROLE_AGENT].v[k]);
		e->roles[NKG_ROLE_AGENT].n = 0;
		e->symmetric = 1;
	}
	/* A threat with no target is aimed at whoever must meet its
	 * condition. */
	if (!e->roles[NKG_ROLE_TARGET].n && !p->symmetric &&
	    (nkg_streq(p->top_label, "Threaten") ||
	     (p->intent_cls && strstr(p->intent_cls, "#Threaten")))) {
		size_t q = ex_condition_subject(c, t->t1 - 1, s1);
		if (q != NKG_NONE &&
		    !nkg_idx_has(&e->roles[NKG_ROLE_AGENT], c->am[q].actor))
			ex_add_role(c, e, NKG_ROLE_TARGET, q);
	}
	/* As event coders do, a country where an event happens is its target
	 * when nothing else is ("demonstrated in Serbia"). */
	static const int where[] = {NKG_ROLE_PLACE, NKG_ROLE_ORIGIN,
	                            NKG_ROLE_DESTINATION};
	for (int w = 0; w < 3 && !e->roles[NKG_ROLE_TARGET].n && !p->symmetric;
	     w++)
		for (size_t k = 0; k < e->roles[where[w]].n; k++) {
			size_t a = e->roles[where[w]].v[k];
			if (c->g->actors[a].kind == NKG_KIND_COUNTRY &&
			    !nkg_idx_has(&e->roles[NKG_ROLE_AGENT], a))
				nkg_idx_add(&e->roles[NKG_ROLE_TARGET], a);
		}
	reciprocal_pair(c, e);
	ex_class_by_modality(c, t, e, s1, mod);
	if (!e->roles[NKG_ROLE_TARGET].n && e->top_label &&
	    nkg_streq(e->top_label, "Reject"))
		answered_accuser(c, t, e);
	if (!e->roles[NKG_ROLE_TARGET].n && !e->symmetric)
		reaction_target(c, t, e);
	diplomatic_protest(c, e);
	seized_property(c, e);

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
			c->ppair_sent = c->sent;
		}
	}
	/* A noun that names an event without both of its parties and
	 * without a date of its own ("the attack", "Russia's offensive"),
	 * like a clause that only describes a noun ("militants who
	 * attacked"), refers to an event rather than reports it: it joins an
	 * earlier event it repeats, or is left out.  "The operation on Jan.
	 * 3" is dated, and stays.  So does a participle clause that mentions
	 * an act in passing ("..., leaving five dead"). */
	int in_passing = ((nominal_trigger(c, t) || noun_clause(c, t)) &&
	                  !e->date && !e->start_date) ||
	                 adverbial_participle(c, t);
	if (in_passing && !nkg_event_two_sided(e)) {
		if (!merge_last(c))
			drop_last(c);
		return;
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

/* Does one-sided event E repeat two-sided event O: the same PLOVER class,
 * its one side among O's on that side, the same negation? */
static int repeats(const NkgEvent *e, const NkgEvent *o)
{
	if (!e->top_label || !o->top_label ||
	    strcmp(e->top_label, o->top_label))
		return 0;
	/* "shelled again on Tuesday" is another day's shelling */
	if (e->date && o->date && strcmp(e->date, o->date))
		return 0;
	/* nor is a dated act of another class ("the operation on Jan. 3"
	 * beside the killings in it) */
	if (e->date && !o->date && strcmp(e->cls, o->cls))
		return 0;
	int en = e->modality && nkg_streq(e->modality, "Negated");
	int on = o->modality && nkg_streq(o->modality, "Negated");
	if (en != on)
		return 0;
	const NkgIdxList *ea = &e->roles[NKG_ROLE_AGENT],
	                 *et = &e->roles[NKG_ROLE_TARGET],
	                 *ep = &e->roles[NKG_ROLE_PARTICIPANT];
	if (ea->n)
		return sub_list(ea, &o->roles[NKG_ROLE_AGENT]) ||
		       sub_list(ea, &o->roles[NKG_ROLE_PARTICIPANT]);
	if (et->n)
		return sub_list(et, &o->roles[NKG_ROLE_TARGET]) ||
		       sub_list(et, &o->roles[NKG_ROLE_PARTICIPANT]);
	return ep->n && sub_list(ep, &o->roles[NKG_ROLE_PARTICIPANT]);
}

void ex_merge_repeats(Ctx *c)
{
	ex_resolve_bare_groups(c);
	NkgGraph *g = c->g;
	size_t n = g->n_events;
	/* first the repeats join their events (two-sided events never
	 * leave), then the array closes up */
	unsigned char *gone = calloc(n ? n : 1, 1);
	if (!gone)
		return;
	for (size_t i = 0; i < n; i++) {
		NkgEvent *e = &g->events[i];
		if (nkg_event_two_sided(e))
			continue;
		/* the nearest repeat within a window: a long text stays
		 * linear */
		NkgEvent *into = NULL;
		for (size_t d = 1; d <= 256 && !into && (d <= i || i + d < n);
		     d++) {
			if (d <= i && nkg_event_two_sided(&g->events[i - d]) &&
			    repeats(e, &g->events[i - d]))
				into = &g->events[i - d];
			else if (i + d < n &&
			         nkg_event_two_sided(&g->events[i + d]) &&
			         repeats(e, &g->events[i + d]))
				into = &g->events[i + d];
		}
		/* an act whose doer is not named ("the girls were
		 * released") says who underwent it, not who acted: with no
		 * event to join it is not written */
		if (!into && !e->roles[NKG_ROLE_AGENT].n &&
		    !e->roles[NKG_ROLE_PARTICIPANT].n) {
			gone[i] = 1;
			continue;
		}
		/* nor is an act only hoped for or feared, with one party
		 * ("I fear they will disengage"): neither done nor
		 * announced, it says too little to be an event */
		if (!into && e->modality &&
		    nkg_streq(e->modality, "Uncertain")) {
			gone[i] = 1;
			continue;
		}
		if (!into)
			continue;
		for (size_t k = 0; k < e->mentions.n; k++)
			nkg_idx_add(&into->mentions, e->mentions.v[k]);
		gone[i] = 1;
	}
	size_t out = 0;
	for (size_t i = 0; i < n; i++) {
		if (gone[i]) {
			nkg_event_free(&g->events[i]);
			continue;
		}
		if (out != i)
			g->events[out] = g->events[i];
		out++;
	}
	g->n_events = out;
	free(gone);
}
