/* SPDX-License-Identifier: MIT */
/* triggers.c: where the events of a sentence are named: verb phrases and
 * nouns of the event patterns, a verb or noun reading of each, overlaps,
 * and control verbs that absorb their complement's trigger. */
#include "extract/internal.h"

#include "extract/english.h"
#include "text/fmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void push_trigger(Ctx *c, Trigger t)
{
	if (c->n_tr == c->cap_tr) {
		size_t n = c->cap_tr ? c->cap_tr * 2 : 16;
		Trigger *p = realloc(c->tr, n * sizeof *p);
		if (!p)
			return;
		c->tr = p;
		c->cap_tr = n;
	}
	c->tr[c->n_tr++] = t;
}

static int rest_particle(const Ctx *c, const char *w)
{
	Ctx *m = (Ctx *)c; /* a cache of the lexicon, like the phrase rows */
	size_t h = ((uintptr_t)w >> 3) & 255;
	if (m->part_word[h] != w) {
		m->part_word[h] = w;
		m->part_is[h] = (uint8_t)eng_is(w, ENG_PARTICLE);
	}
	return m->part_is[h];
}

/* Does the verb phrase's rest follow head H?  Returns the end token. */
static size_t match_rest(const Ctx *c, const LexVerbPhrase *vp, size_t h,
                         size_t s1)
{
	size_t j = h + 1;
	for (size_t r = 0; r < vp->n_rest; r++) {
		const char *want = vp->rest[r];
		size_t wl = strlen(want);
		int particle = rest_particle(c, want);
		/* a particle that more words anchor ("put ... on high alert")
		 * may come after an object, like any other word */
		if (particle && r == 0 && vp->n_rest >= 2 &&
		    !rest_particle(c, vp->rest[1]))
			particle = 0;
		size_t limit = particle ? (r == 0 ? 1 : 0) : 3;
		size_t found = 0;
		for (size_t gap = 0; gap <= limit && j + gap < s1; gap++) {
			const char *k = key(c, j + gap);
			/* the word, or its form with or without a plural -s
			 * ("talks" for "talk") */
			size_t kl = *k == *want ? strlen(k) : 0;
			if ((kl == wl && !memcmp(k, want, wl)) ||
			    (!particle && kl == wl + 1 &&
			     !memcmp(k, want, wl) && k[wl] == 's') ||
			    (!particle && kl + 1 == wl && kl &&
			     !memcmp(k, want, kl) && want[kl] == 's')) {
				found = j + gap + 1;
				break;
			}
			/* "gave Ukraine $500 million": an amount may stand
			 * between the words of a phrase */
			const NkgToken *gt = tok(c, j + gap);
			int amount = (gt->flags & NKG_TOK_NUM) ||
			             nkg_streq(gt->key, "$") ||
			             nkg_streq(gt->key, "\u20ac") ||
			             nkg_streq(gt->key, "\u00a3");
			if (!(gt->flags & NKG_TOK_WORD) && !amount &&
			    !ex_is_actor_tok(c, j + gap))
				break;
			/* the words between a verb and its object noun
			 * modify the noun: a preposition ends them ("called
			 * for a general strike" is no strike called), but
			 * "of" stays in the phrase ("held a round of
			 * talks"), and so does one before an amount ("gave
			 * up to $5 million") */
			if (!particle && ex_eng(c, j + gap, ENG_PREP) &&
			    !nkg_streq(k, "of") &&
			    !(j + gap + 1 < s1 &&
			      (tok(c, j + gap + 1)->flags & NKG_TOK_NUM ||
			       nkg_streq(key(c, j + gap + 1), "$"))))
				break;
			if (particle && ex_is_actor_tok(c, j + gap))
				break;
			/* a particle may follow the object: "pull troops out"
			 */
			if (particle && gap == 0 && r == 0 && limit == 1)
				continue;
			/* an actor's phrase counts as one word: "ordered a
			 * Ugandan military attache to leave" */
			size_t q = j + gap;
			if (!particle && c->indexed && q >= c->s0 &&
			    q + 1 < s1 && c->tam[q - c->s0] != NKG_NONE &&
			    c->tam[q - c->s0] == c->tam[q + 1 - c->s0])
				limit++;
		}
		if (!found)
			return 0;
		j = found;
	}
	return j;
}

static int is_be_before(const Ctx *c, size_t h, size_t s0)
{
	for (size_t k = h; k > s0 && k + 3 > h; k--) {
		const char *pk = key(c, k - 1);
		if (ex_eng(c, k - 1, ENG_BE) && strcmp(pk, "'s"))
			return 1;
		if (!ex_eng(c, k - 1, ENG_AUX) &&
		    !(tok(c, k - 1)->flags & NKG_TOK_WORD && strlen(pk) > 2 &&
		      nkg_streq(pk + strlen(pk) - 2, "ly")))
			return 0;
	}
	return 0;
}

/* Is a word that can be a verb or a noun used as a verb here?  "Russia
 * attacks", "rebels attack", "will attack" are verbs; "the attack", "U.S.
 * pressure", "oil blockade", "peace talks" are nouns. */
static int verb_reading(const Ctx *c, const Trigger *t, size_t s0)
{
	if (t->form == FORM_PAST)
		return 1;
	if (t->t0 == s0)
		return t->form == FORM_ING;
	const char *pk = key(c, t->t0 - 1);
	unsigned pm = ex_engm(c, t->t0 - 1);
	if ((pm & ENG_BIT(ENG_DET)) || nkg_streq(pk, "'s"))
		return 0;
	int adverb = strlen(pk) > 3 && nkg_streq(pk + strlen(pk) - 2, "ly");
	if (t->form == FORM_ING) {
		/* "are leaving", "while condemning", "and pledging" are verbs;
		 * "the inaugural meeting" is a noun */
		if (!(tok(c, t->t0 - 1)->flags & NKG_TOK_WORD) ||
		    (pm & (ENG_BIT(ENG_CLAUSE) | ENG_BIT(ENG_PREP))) ||
		    nkg_streq(pk, "and") || nkg_streq(pk, "or"))
			return 1;
		if ((pm & (ENG_BIT(ENG_AUX) | ENG_BIT(ENG_BE))) || adverb ||
		    ex_has_kind(c, t->t0 - 1, t->t0, LX_PRONOUN) ||
		    ex_mention_ending(c, t->t0))
			return 1;
		return 0;
	}
	if ((pm & (ENG_BIT(ENG_AUX) | ENG_BIT(ENG_BE))) ||
	    nkg_streq(pk, "to") || adverb ||
	    ex_has_kind(c, t->t0 - 1, t->t0, LX_PRONOUN))
		return 1;
	const AMention *m = ex_mention_ending(c, t->t0);
	if (!m)
		return 0;
	const NkgActor *a = &c->g->actors[m->actor];
	/* a singular subject takes "attacks"; a plural one "attack" */
	if (t->form == FORM_S)
		return a->kind != NKG_KIND_GROUP;
	return a->kind == NKG_KIND_GROUP || m->coord != NKG_NONE;
}

/* Does the tagger read token I as a proper noun?  (Without an analysis,
 * a capitalised month is taken for one.) */
static int proper_noun(const Ctx *c, size_t i)
{
	int32_t w = ex_word(c, i);
	if (w < 0)
		return ex_has_kind(c, i, c->s1, LX_MONTH);
	int x = c->an->words[w].xpos;
	return x == X_NNP || x == X_NNPS;
}

/* The tagger's reading of a word that is both a verb and a noun
 * trigger: 1 verb, 0 noun, -1 not analysed. */
static int tag_reading(const Ctx *c, const Trigger *t)
{
	int32_t w = ex_word(c, t->t0);
	if (w < 0)
		return -1;
	int x = c->an->words[w].xpos;
	if (x >= X_VB && x <= X_VBZ)
		return 1;
	if (x == X_NN || x == X_NNS || x == X_NNP || x == X_NNPS || x == X_JJ)
		return 0;
	return -1;
}

/* A score at token I: "2-1" as one token, or "2", "-", "1". */
static int is_score(const Ctx *c, size_t i, size_t s1)
{
	const char *k = key(c, i);
	size_t a = strspn(k, "0123456789");
	if (a && a <= 2 &&
	    (k[a] == '-' || !strncmp(k + a, "\xe2\x80\x93", 3))) {
		const char *r = k + a + (k[a] == '-' ? 1 : 3);
		size_t b = strspn(r, "0123456789");
		if (b && b <= 2 && !r[b])
			return 1;
	}
	if (a && a <= 2 && !k[a] && i + 2 < s1 &&
	    (nkg_streq(key(c, i + 1), "-") ||
	     nkg_streq(key(c, i + 1), "\xe2\x80\x93"))) {
		const char *r = key(c, i + 2);
		size_t b = strspn(r, "0123456789");
		return b && b <= 2 && !r[b];
	}
	return 0;
}

/* "Four soldiers killed in ambush", "Opposition leader arrested": a
 * headline (the document's first line, without a final stop) drops the
 * auxiliary of a passive.  A past form of a verb that takes its target
 * as object, with no object: the line ends, or a preposition of place or
 * time follows. */
static int headline_passive(const Ctx *c, const Trigger *t, size_t s0,
                            size_t s1)
{
	const LexPattern *p = &c->lx->patterns[t->pattern];
	if (c->sent != 0 || s1 <= s0 || t->form != FORM_PAST ||
	    p->after != NKG_ROLE_TARGET || t->t0 == s0)
		return 0;
	const char *last = key(c, s1 - 1);
	if (nkg_streq(last, ".") || nkg_streq(last, "?") ||
	    nkg_streq(last, "!"))
		return 0;
	if (t->t1 >= s1)
		return 1;
	static const char *const preps[] = {
	        "in",     "at",    "near", "during", "after", "outside",
	        "inside", "amid",  "over", "on",     "off",   "as",
	        "when",   "while", "by",   NULL};
	for (const char *const *q = preps; *q; q++)
		if (nkg_streq(key(c, t->t1), *q))
			return 1;
	/* "students beaten and detained": another past form joined */
	if (t->t1 + 1 < s1 &&
	    (!strcmp(key(c, t->t1), "and") || !strcmp(key(c, t->t1), "or"))) {
		int32_t w = ex_word(c, t->t1 + 1);
		return w >= 0 && (c->an->words[w].xpos == X_VBD ||
		                  c->an->words[w].xpos == X_VBN);
	}
	return 0;
}

void ex_find_triggers(Ctx *c, size_t s0, size_t s1)
{
	for (size_t i = s0; i < s1; i++) {
		if (ex_is_actor_tok(c, i))
			continue;
		size_t max =
		        c->lx->max_ntok < MAX_SPAN ? c->lx->max_ntok : MAX_SPAN;
		/* only the sentence's phrases are looked up, and its cached
		 * row says at once whether one at I is a trigger, and how
		 * long the longest can be */
		if (i < c->s0 || i >= c->s1)
			continue;
		if (!c->cached[i - c->s0])
			(void)ex_lookup_at(c, i, 1, c->s1);
		if (!(c->kinds[i - c->s0] & (1u << LX_NOUN | 1u << LX_VERB)))
			continue;
		if ((size_t)c->cached[i - c->s0] - 1 < max)
			max = (size_t)c->cached[i - c->s0] - 1;
		/* noun triggers: longest phrase */
		for (size_t n = max; n >= 1; n--) {
			const LexSlot *s = ex_lookup(c, i, n, s1);
			if (!s)
				continue;
			for (size_t k = 0; k < s->n; k++) {
				const LexEntry *e = &s->v[k];
				if (e->kind == LX_NOUN) {
					Trigger t = {
					        i + n - 1,
					        i,
					        i + n,
					        e->idx,
					        0,
					        0,
					        0,
					        0,
					        c->lx->patterns[e->idx].priority + (int)n};
					push_trigger(c, t);
				} else if (e->kind == LX_VERB && n == 1) {
					/* "in March", "the Rally for the
					 * Republic": a word the tagger reads as
					 * a name is no verb */
					if (i > s0 && is_cap(c, i) &&
					    proper_noun(c, i))
						continue;
					const LexVerbPhrase *vp =
					        &c->lx->verbs[e->idx];
					size_t end = vp->n_rest
					                     ? match_rest(c, vp,
					                                  i, s1)
					                     : i + 1;
					if (!end)
						continue;
					Trigger t = {
					        i,
					        i,
					        end,
					        vp->pattern,
					        1,
					        e->form,
					        0,
					        0,
					        c->lx->patterns[vp->pattern].priority + (int)vp->n_rest * 2};
					push_trigger(c, t);
				}
			}
		}
	}
	/* "Brazil beat Argentina 2-1": a score makes a verb a sports result,
	 * not an event between the countries */
	for (size_t k = 0; k < c->n_tr; k++) {
		Trigger *t = &c->tr[k];
		if (t->suppressed || !t->verb)
			continue;
		for (size_t z = t->t1; z < s1 && z < t->t1 + 5; z++)
			if (is_score(c, z, s1)) {
				t->suppressed = 1;
				break;
			}
	}
	/* A word that is both verb and noun: decide by its left neighbour. */
	for (size_t k = 0; k < c->n_tr; k++) {
		Trigger *t = &c->tr[k];
		if (t->suppressed || !t->verb)
			continue;
		for (size_t q = 0; q < c->n_tr; q++) {
			Trigger *u = &c->tr[q];
			/* "attack" as verb or noun; "mounting pressure" as a
			 * verb phrase or a noun phrase */
			if (q == k || u->suppressed || u->verb ||
			    (u->head != t->head && u->t0 != t->t0))
				continue;
			/* one word both ways ("attack"): the tagger decides;
			 * "mounting pressure" is a noun phrase however
			 * "mounting" is tagged */
			int verb = u->head == t->head ? tag_reading(c, t) : -1;
			if (verb < 0)
				verb = verb_reading(c, t, s0);
			(verb ? u : t)->suppressed = 1;
		}
	}
	/* Overlaps: the longer, then the higher priority, wins. */
	for (size_t k = 0; k < c->n_tr; k++) {
		Trigger *t = &c->tr[k];
		if (t->suppressed)
			continue;
		for (size_t q = 0; q < c->n_tr; q++) {
			Trigger *u = &c->tr[q];
			if (q == k || u->suppressed)
				continue;
			int overlap = !(u->t1 <= t->t0 || t->t1 <= u->t0) ||
			              (u->head == t->head);
			if (!overlap)
				continue;
			/* "signed a mutual defence treaty": a noun of higher
			 * rank that a verb phrase ends on is an event of its
			 * own */
			const Trigger *vb = t->verb ? t : u,
			              *nn = t->verb ? u : t;
			if (vb->verb && !nn->verb && nn->t0 > vb->head &&
			    nn->t1 == vb->t1 && nn->priority > vb->priority)
				continue;
			size_t lt = t->t1 - t->t0, lu = u->t1 - u->t0;
			if (lt > lu ||
			    (lt == lu && t->priority > u->priority) ||
			    (lt == lu && t->priority == u->priority && k < q))
				u->suppressed = 1;
		}
	}
	/* A verb trigger whose word the tagger reads as an adverb, a
	 * particle or a preposition is no verb: "snap back", "fled back to
	 * their villages", "come back to the table". */
	for (size_t k = 0; k < c->n_tr; k++) {
		Trigger *t = &c->tr[k];
		int32_t w =
		        t->verb && !t->suppressed ? ex_word(c, t->head) : -1;
		if (w < 0)
			continue;
		int x = c->an->words[w].xpos;
		if (x == X_RB || x == X_RP || x == X_IN || x == X_RBR)
			t->suppressed = 1;
		/* "espionage charges", "the attacks": a noun inside a noun
		 * phrase is no verb, when the pattern has no noun of its own
		 * for it */
		int px = w > 0 ? c->an->words[w - 1].xpos : -1;
		if ((x == X_NNS || x == X_NN) &&
		    (px == X_DT || px == X_JJ || px == X_NN || px == X_NNS ||
		     px == X_PRPS || px == X_POS || px == X_CD))
			t->suppressed = 1;
	}
	/* Gerunds and participles used as adjectives after a determiner
	 * ("the ruling party") are not events. */
	for (size_t k = 0; k < c->n_tr; k++) {
		Trigger *t = &c->tr[k];
		if (t->suppressed || !t->verb)
			continue;
		if (t->form == FORM_ING && t->t0 > s0 &&
		    ((ex_eng(c, t->t0 - 1, ENG_DET) &&
		      strcmp(key(c, t->t0 - 1), "'s")) ||
		     tok(c, t->t0 - 1)->flags & NKG_TOK_NUM))
			t->suppressed = 1; /* "12 shipping firms" too */
		if (t->verb) {
			t->passive = t->form == FORM_PAST &&
			             is_be_before(c, t->t0, s0);
			/* "a lunch hosted by the ambassador": a passive with no
			 * auxiliary, whose subject is the noun before it */
			if (t->form == FORM_PAST && !t->passive && t->t1 < s1 &&
			    nkg_streq(key(c, t->t1), "by") && t->t0 > s0 &&
			    !ex_mention_ending(c, t->t0) &&
			    is_word(c, t->t0 - 1) &&
			    !ex_eng(c, t->t0 - 1, ENG_AUX))
				t->passive = 2;
			if (!t->passive && headline_passive(c, t, s0, s1))
				t->passive = 3;
			/* "were attacked or kidnapped": a participle joined
			 * to a passive shares its auxiliary */
			int32_t w = ex_word(c, t->head);
			if (!t->passive && w >= 0) {
				const NkgWord *ww = &c->an->words[w];
				if (ww->deprel == D_CONJ && ww->xpos == X_VBN &&
				    ww->head >= 0 &&
				    (c->an->words[ww->head].flags & W_PASSIVE))
					t->passive = 1;
			}
		}
	}
	/* "approved a $500 million loan", "approved new sanctions": approving
	 * one's own act is that act, which the noun names; the verb's
	 * endorsement is not an event of its own */
	for (size_t k = 0; k < c->n_tr; k++) {
		Trigger *t = &c->tr[k];
		int32_t tw =
		        t->verb && !t->suppressed ? ex_word(c, t->head) : -1;
		if (tw < 0 ||
		    !nkg_streq(c->lx->patterns[t->pattern].top_label,
		               "Support") ||
		    !eng_is(nkg_word_lemma(c->an, tw), ENG_LIGHT))
			continue;
		for (size_t q = 0; q < c->n_tr; q++) {
			int32_t uw = !c->tr[q].verb && !c->tr[q].suppressed
			                     ? ex_word(c, c->tr[q].head)
			                     : -1;
			if (uw >= 0 && c->an->words[uw].deprel == D_OBJ &&
			    c->an->words[uw].head == tw)
				t->suppressed = 1;
		}
	}
	/* Control verbs absorb the trigger of their complement, and so do
	 * nouns of request ("pressure to unwind", "calls to end"). */
	for (size_t k = 0; k < c->n_tr; k++) {
		Trigger *t = &c->tr[k];
		const LexPattern *tp = &c->lx->patterns[t->pattern];
		int request_noun =
		        !t->verb && nkg_streq(tp->top_label, "Request");
		if (t->suppressed || !(tp->control || request_noun))
			continue;
		for (size_t q = 0; q < c->n_tr; q++) {
			Trigger *u = &c->tr[q];
			/* a modal governs only the verb right after it */
			size_t reach = tp->speaker >= 0 ? 3 : 8;
			/* "pressed Netanyahu in a call on Wednesday to allow"
			 */
			if (tp->control && tp->speaker < 0 && u->t0 > t->t1 &&
			    u->t0 <= t->t1 + 16 &&
			    nkg_streq(key(c, u->t0 - 1), "to"))
				reach = 16;
			if (q == k || u->suppressed || u->t0 < t->t1 ||
			    u->t0 > t->t1 + reach)
				continue;
			if (!tp->control && strcmp(key(c, u->t0 - 1), "to"))
				continue;
			/* "rejected the charges and accused Bolivia": a verb
			 * conjoined to the controller is its own act */
			int32_t uw = u->verb ? ex_word(c, u->head) : -1;
			if (uw >= 0 && c->an->words[uw].deprel == D_CONJ &&
			    c->an->words[uw].head == ex_word(c, t->head))
				continue;
			/* "agreed to a ceasefire brokered by Qatar": a
			 * participle that modifies a noun is no complement */
			if (uw >= 0 && c->an->words[uw].deprel == D_ACL &&
			    c->an->words[uw].xpos == X_VBN)
				continue;
			/* only up to the next clause break */
			int brk = 0;
			for (size_t z = t->t1; z < u->t0; z++)
				if (ex_eng(c, z, ENG_CLAUSE) &&
				    strcmp(key(c, z), "\""))
					brk = 1;
			if (!brk)
				u->suppressed = 2; /* absorbed */
		}
	}
	/* "urged Afghanistan to hold them accountable and cooperate": a
	 * verb conjoined to an absorbed complement is absorbed with it */
	for (size_t k = 0; k < c->n_tr; k++) {
		Trigger *u = &c->tr[k];
		int32_t w =
		        u->verb && !u->suppressed ? ex_word(c, u->head) : -1;
		if (w < 0 || c->an->words[w].deprel != D_CONJ)
			continue;
		int32_t h = c->an->words[w].head;
		for (size_t q = 0; q < c->n_tr; q++)
			if (c->tr[q].suppressed == 2 &&
			    ex_word(c, c->tr[q].head) == h)
				u->suppressed = 2;
		/* ... and so is one conjoined to the complement of a control
		 * verb however far: "urged Afghanistan to hold the
		 * financiers of this act accountable and cooperate" */
		while (h >= 0 && c->an->words[h].deprel == D_CONJ)
			h = c->an->words[h].head;
		if (h < 0 || c->an->words[h].deprel != D_XCOMP)
			continue;
		int32_t g = c->an->words[h].head;
		for (size_t q = 0; q < c->n_tr && !u->suppressed; q++) {
			const Trigger *t = &c->tr[q];
			const LexPattern *tp = &c->lx->patterns[t->pattern];
			if (t->verb && !t->suppressed && tp->control &&
			    tp->speaker < 0 && ex_word(c, t->head) == g)
				u->suppressed = 2;
		}
	}
}
