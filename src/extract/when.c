/* SPDX-License-Identifier: MIT */
/* when.c: the date of an event: which of the sentence's date
 * expressions belongs to its trigger. */
#include "extract/internal.h"

#include "extract/english.h"

#include <stdio.h>
#include <string.h>

/* Is date expression D a modifier of the noun trigger T in the
 * relations ("talks between X and Y on Thursday")? */
static int attached(const Ctx *c, const Trigger *t, const NkgDateExpr *d)
{
	int32_t h = ex_word(c, t->head);
	if (h < 0)
		return 0;
	for (size_t i = d->t0; i < d->t1; i++) {
		int32_t w = ex_word(c, i);
		if (w >= 0 && c->an->words[w].head == h)
			return 1;
	}
	return 0;
}

/* Is date expression D a dateline's ("GOMA, May 4 (Wire) —"), before a
 * dash that comes before trigger T?  It dates the report. */
static int dateline(const Ctx *c, const Trigger *t, const NkgDateExpr *d)
{
	for (size_t z = d->t1; z < t->t0; z++) {
		int32_t w = ex_word(c, z);
		if (w >= 0 && c->an->words[w].xpos == X_COLON)
			return 1;
	}
	return 0;
}

/* The date of the event of trigger T: the nearest date expression of
 * the sentence that belongs to its verb (see below); LIGHT: T is the
 * object of a light verb and takes the dates that verb would. */
void ex_event_date(Ctx *c, const Trigger *t, NkgEvent *e,
                   const NkgDateExpr *dates, size_t nd, int light_obj)
{
	const NkgDateExpr *best = NULL, *own = NULL;
	size_t bd = (size_t)-1, od = (size_t)-1;
	for (size_t k = 0; k < nd; k++) {
		size_t d = dates[k].t0 > t->head ? dates[k].t0 - t->head
		                                 : t->head - dates[k].t0;
		int report = dateline(c, t, &dates[k]);
		/* a date the relations attach to the trigger is its own,
		 * however far ("attacked the village ... in North Kivu
		 * province on Sunday"), nearer dates of a dateline
		 * notwithstanding */
		if (t->verb && !report && attached(c, t, &dates[k]) && d < od) {
			own = &dates[k];
			od = d;
		}
		/* the report's date only when the sentence has no other */
		if (report)
			d += 1000;
		/* a date belongs to the verb before it ("agreed ... on
		 * Monday"), or to the first verb after it when none comes
		 * before ("On Jan. 8, X appeared"); a noun takes only a date
		 * right after it ("the operation on Jan. 3") */
		/* ... but the object of a light verb takes the dates its
		 * verb would ("imposed sanctions on X and Y on Thursday") */
		if (!t->verb && !light_obj &&
		    !(dates[k].t0 >= t->t1 && dates[k].t0 <= t->t1 + 2) &&
		    !attached(c, t, &dates[k]))
			continue;
		if (light_obj) {
			/* as its verb would: a date after it, no verb between
			 */
			if (dates[k].t0 < t->t1)
				continue;
			int between = 0;
			for (size_t q = 0; q < c->n_tr; q++) {
				const Trigger *u = &c->tr[q];
				if (u != t && !u->suppressed && u->verb &&
				    u->head > t->head && u->head < dates[k].t0)
					between = 1;
			}
			for (size_t z = t->t1; z < dates[k].t0 && !between; z++)
				if (ex_clause_break(c, z))
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
				if (t->head > dt ||
				    (u->head < dt && u->head > t->head))
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
	if (own)
		best = own;
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
}
