/* SPDX-License-Identifier: MIT */
/* modality.c: how an event is stated: modality cues before its trigger
 * (negation, intention, uncertainty) and who states it (the sentence's
 * speaker as source; news organisations as reporters). */
#include "extract/internal.h"

#include "extract/english.h"
#include "text/fmt.h"

#include <stdio.h>
#include <string.h>

/* Speaker of the sentence for attribution: returns mention index. */
static size_t speaker_scan(const Ctx *c, size_t s0, size_t s1, size_t *sv)
{
	for (size_t i = s0; i < s1; i++) {
		if (!ex_is_speech_tok(c, i, s1))
			continue;
		*sv = i;
		if (nkg_streq(key(c, i), "according")) {
			for (size_t k = 0; k < c->n_am; k++)
				if (c->am[k].t0 > i + 1 && c->am[k].t0 <= i + 6)
					return k;
			continue;
		}
		/* '"...," the ministry said': the speaker is outside the
		 * quotation, never someone named in it */
		size_t q0 = s0;
		for (size_t z = i; z-- > s0;)
			if (nkg_streq(key(c, z), "\"") ||
			    nkg_streq(key(c, z), "\xe2\x80\x9d")) {
				q0 = z + 1;
				break;
			}
		/* "X said" : nearest mention ending just before (within 3
		 * tokens), unless it is a place or inside a phrase ("the Red
		 * Cross operating in Iraq said") */
		int left_pp = 0;
		for (size_t k = c->n_am; k-- > 0 && !left_pp;) {
			const AMention *m = &c->am[k];
			if (m->t1 <= i && m->t1 + 4 >= i && m->t0 >= q0) {
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
			size_t su = ex_subject_left(c, i, q0);
			if (su != NKG_NONE)
				return su;
		}
		/* ", said Alejandro Velasco" / "said X" */
		for (size_t k = 0; k < c->n_am; k++)
			if (c->am[k].t0 > i && c->am[k].t0 <= i + 2)
				return k;
		/* subject far left: "The Cuban government says ..." */
		size_t su = ex_subject_left(c, i, q0);
		if (su != NKG_NONE)
			return su;
	}
	return NKG_NONE;
}

/* The speaker of the current sentence, found once: it does not depend on
 * the trigger. */
size_t ex_speaker(const Ctx *c, size_t s0, size_t s1, size_t *sv)
{
	if (s0 != c->s0 || s1 != c->s1) {
		*sv = NKG_NONE;
		return speaker_scan(c, s0, s1, sv);
	}
	if (!c->spk_done) {
		Ctx *m = (Ctx *)c; /* a cache of the sentence, like its spans */
		m->spk_verb = NKG_NONE;
		m->spk = speaker_scan(c, s0, s1, &m->spk_verb);
		m->spk_done = 1;
	}
	*sv = c->spk_verb;
	return c->spk;
}

int ex_is_media(const Ctx *c, size_t gi)
{
	const NkgActor *a = &c->g->actors[gi];
	return a->sector && (nkg_streq(a->sector, "media"));
}

/* "did not announce any retaliatory measures": the verb whose object
 * names the event is negated. */
static int light_verb_negated(const Ctx *c, const Trigger *t)
{
	int32_t h = t->verb ? -1 : ex_word(c, t->head);
	if (h < 0 || c->an->words[h].deprel != D_OBJ)
		return 0;
	int32_t v = c->an->words[h].head;
	for (size_t w = 0; v >= 0 && w < c->an->n_words; w++) {
		if (c->an->words[w].head != v ||
		    c->an->words[w].deprel != D_ADVMOD)
			continue;
		const char *k = nkg_word_key(c->an, (int32_t)w);
		if (nkg_streq(k, "not") || nkg_streq(k, "n't") ||
		    nkg_streq(k, "never"))
			return 1;
	}
	return 0;
}

/* Does a verb of its own come between a cue ending before token A and
 * the trigger at token B?  "hopes to resolve the pause in aid": the
 * hope is about resolving, the pause is no plan.  A support verb
 * ("vowed to impose sanctions", "will face charges") or a verb that takes
 * "to" ("will try to meet") passes the cue on. */
static int verb_between(const Ctx *c, size_t a, size_t b)
{
	for (size_t z = a; z < b; z++) {
		int32_t w = ex_word(c, z);
		if (w < 0 || c->an->words[w].upos != U_VERB)
			continue;
		const char *lm = nkg_word_lemma(c->an, w);
		if ((eng_mask(lm) | ex_engm(c, z)) &
		    (ENG_BIT(ENG_LIGHT) | ENG_BIT(ENG_FACE)))
			continue;
		if (z + 1 < b && nkg_streq(key(c, z + 1), "to"))
			continue;
		return 1;
	}
	return 0;
}

/* The modality cues before trigger T in its clause: Negated ("did
 * not"), Intended ("vowed to"), Uncertain ("may"); NULL when none. */
const char *ex_cue_modality(const Ctx *c, const Trigger *t, size_t s0,
                            const NkgDateExpr *dates, size_t nd)
{
	const char *mod = NULL;
	size_t cl = t->t0;
	while (cl > s0 && !ex_clause_break(c, cl - 1))
		cl--;
	for (size_t z = s0; z < t->t0; z++) {
		size_t max = 4;
		/* a name is no cue: "Reporters Without Borders"; nor is a
		 * date: "May 12" */
		if (ex_is_actor_tok(c, z))
			continue;
		int in_date = 0;
		for (size_t k = 0; k < nd && !in_date; k++)
			in_date = z >= dates[k].t0 && z < dates[k].t1;
		if (in_date)
			continue;
		/* "vowed on Monday to strike": a date between the cue's verb
		 * and its "to" */
		size_t gap_end = 0;
		const LexSlot *gapped = NULL;
		for (size_t k = 0; k < nd && z + 1 < t->t0; k++) {
			size_t d0 = dates[k].t0;
			if (d0 > z + 1 && d0 == z + 2 &&
			    ex_eng(c, z + 1, ENG_PREP))
				d0 = z + 1;
			if (d0 != z + 1 || dates[k].t1 >= t->t0 ||
			    strcmp(key(c, dates[k].t1), "to"))
				continue;
			char buf[128];
			snprintf(buf, sizeof buf, "%s to", key(c, z));
			gapped = nkg_lex_lookup(c->lx, buf);
			gap_end = dates[k].t1 + 1;
			break;
		}
		for (size_t n = max; n >= 1; n--) {
			const LexSlot *sl =
			        n == 1 && gapped
			                ? gapped
			                : ex_lookup(c, z, n, t->t0 + 1);
			if (!sl)
				continue;
			/* "hope for stability has been shaken": the noun
			 * names a hope, its verb says nothing of the acts
			 * around it */
			int32_t zw = n == 1 ? ex_word(c, z) : -1;
			if (zw >= 0 && (c->an->words[zw].upos == U_NOUN ||
			                c->an->words[zw].upos == U_PROPN))
				continue;
			for (size_t q = 0; q < sl->n; q++) {
				if (sl->v[q].kind != LX_CUE)
					continue;
				const char *m =
				        c->lx->cues[sl->v[q].idx].modality;
				size_t dist =
				        t->t0 -
				        (n == 1 && gapped ? gap_end : z + n);
				if (nkg_streq(m, "Negated") && dist <= 3 &&
				    z >= cl)
					mod = "Negated";
				/* "we hope they will talk": a hope or a
				 * doubt about another's act is no intent */
				else if (nkg_streq(m, "Intended") &&
				         dist <= 4 && z >= cl && !mod &&
				         !verb_between(c,
				                       n == 1 && gapped
				                               ? gap_end
				                               : z + n,
				                       t->t0))
					mod = "Intended";
				else if (nkg_streq(m, "Uncertain") && !mod)
					mod = "Uncertain";
			}
		}
	}
	if (!mod && light_verb_negated(c, t))
		mod = "Negated";
	return mod;
}

/* Who says so: the speaker of the sentence becomes the event's source
 * (claimedBy, or reportedBy for news organisations and anonymous
 * sources), never its agent; for a pattern whose speaker is a party
 * ("Russia said Sudan must return it") the speaker fills that role.
 * Updates *MOD; returns 0 when the event must be dropped. */
int ex_attribute(Ctx *c, const Trigger *t, NkgEvent *e, size_t s0, size_t s1,
                 const char **mod_io)
{
	const LexPattern *p = &c->lx->patterns[t->pattern];
	const char *mod = *mod_io;
	size_t sv = NKG_NONE;
	size_t sp = ex_speaker(c, s0, s1, &sv);
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
		if (e->roles[p->speaker].n && p->subject >= 0 &&
		    e->roles[p->subject].n) {
			size_t sc =
			        ex_side_country(c, e->roles[p->speaker].v[0]);
			own = sc != NKG_NONE;
			for (size_t k = 0; k < e->roles[p->subject].n && own;
			     k++)
				if (e->roles[p->subject].v[k] != sc)
					own = 0;
		}
		if (own || !e->roles[p->speaker].n ||
		    (p->subject >= 0 && !e->roles[p->subject].n)) {
			return 0;
		}
	} else if (sp != NKG_NONE && sv != NKG_NONE) {
		/* every mention of the speaker phrase and its coordinates */
		for (size_t k = sp; k != NKG_NONE; k = c->am[k].coord) {
			size_t a = c->am[k].actor;
			int self =
			        nkg_idx_has(&e->roles[NKG_ROLE_AGENT], a) ||
			        nkg_idx_has(&e->roles[NKG_ROLE_PARTICIPANT], a);
			if (self)
				continue;
			int rep = ex_is_media(c, a) ||
			          (c->am[k].flags & M_SOURCE);
			nkg_idx_add(&e->roles[rep ? NKG_ROLE_REPORTED_BY
			                          : NKG_ROLE_CLAIMED_BY],
			            a);
			if (!mod)
				mod = rep ? "Reported" : "Claimed";
		}
		/* "according to 11 sources ..., Reuters reports" */
		for (size_t k = 0; k < c->n_am; k++)
			if (k != sp &&
			    (c->am[k].flags & M_SOURCE ||
			     ex_is_media(c, c->am[k].actor)) &&
			    !nkg_idx_has(&e->roles[NKG_ROLE_AGENT],
			                 c->am[k].actor)) {
				nkg_idx_add(&e->roles[NKG_ROLE_REPORTED_BY],
				            c->am[k].actor);
				if (!mod || nkg_streq(mod, "Claimed"))
					mod = "Reported";
			}
	}
	*mod_io = mod;
	return 1;
}

/* The class an event's modality gives it: not doing something
 * cooperative is a rejection ("will not accept refugees", "did not
 * agree": PLOVER codes these as Reject); an intended act is typed with its
 * intent class (an announced blockade is a threat), and an announced act
 * on a condition ("will withdraw unless the president agrees") is a
 * threat aimed at whoever must meet it.  Sets E's modality to MOD. */
void ex_class_by_modality(Ctx *c, const Trigger *t, NkgEvent *e, size_t s1,
                          const char *mod)
{
	const LexPattern *p = &c->lx->patterns[t->pattern];
	if (mod)
		nkg_set_str(&e->modality, mod);
	/* Not doing something cooperative is a rejection: "will not accept
	 * refugees", "did not agree" (PLOVER codes these as Reject). */
	if (mod && nkg_streq(mod, "Negated") && p->intent_cls &&
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
	if (mod && nkg_streq(mod, "Intended")) {
		/* "will withdraw its force unless the president agrees": an
		 * announced act on a condition is a threat */
		for (size_t z = t->t1; z < s1; z++)
			if (nkg_streq(key(c, z), "unless")) {
				const LexClass *th =
				        nkg_lex_class(c->lx, NKG_NS "Threaten");
				if (th)
					intent = th->iri;
				if (!e->roles[NKG_ROLE_TARGET].n) {
					size_t q = ex_condition_subject(
					        c, t->t1 - 1, s1);
					if (q != NKG_NONE &&
					    !nkg_idx_has(
					            &e->roles[NKG_ROLE_AGENT],
					            c->am[q].actor))
						ex_add_role(c, e,
						            NKG_ROLE_TARGET, q);
				}
				break;
			}
	}
	if (mod && nkg_streq(mod, "Intended") && intent &&
	    strcmp(intent, p->cls)) {
		const LexClass *ic = nkg_lex_class(c->lx, intent);
		nkg_set_str(&e->intended_cls, p->cls);
		nkg_set_str(&e->cls, intent);
		nkg_set_str(&e->cls_label, ic ? ic->label : intent);
		nkg_set_str(&e->top_label, ic ? ic->label : intent);
	}
}
