/* SPDX-License-Identifier: MIT */
/* dates.c: "Jan. 3", "December 4, 2025", "mid-December", "on Tuesday",
 * "last month", read against the publication date.  Month and weekday
 * names come from the lexicon; the relative words are English grammar. */
#include "extract/dates.h"
#include "text/fmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int nkg_ymd_parse(const char *s, NkgYmd *out)
{
	int y, m, d;
	if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || y < 1 || m < 1 ||
	    m > 12 || d < 1 || d > 31)
		return -1;
	if (strlen(s) >= 10 && (s[4] != '-' || s[7] != '-'))
		return -1;
	out->y = y;
	out->m = m;
	out->d = d;
	return 0;
}

/* Writes V in N digits with leading zeros at P; returns P + N. */
static char *digits(char *p, int v, int n)
{
	for (int i = n; i-- > 0; v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + n;
}

void nkg_ymd_format(NkgYmd v, char *buf, const char **type)
{
	if (v.y >= 0 && v.y <= 9999 && v.m >= 0 && v.m <= 99 && v.d >= 0 &&
	    v.d <= 99) {
		/* as the printf forms below, without their cost */
		char *p = digits(buf, v.y, 4);
		if (v.m) {
			*p++ = '-';
			p = digits(p, v.m, 2);
			if (v.d) {
				*p++ = '-';
				p = digits(p, v.d, 2);
			}
		}
		*p = '\0';
		*type = v.m == 0 ? "gYear" : v.d == 0 ? "gYearMonth" : "date";
		return;
	}
	if (v.m == 0) {
		snprintf(buf, 16, "%04d", v.y);
		*type = "gYear";
	} else if (v.d == 0) {
		snprintf(buf, 16, "%04d-%02d", v.y, v.m);
		*type = "gYearMonth";
	} else {
		snprintf(buf, 16, "%04d-%02d-%02d", v.y, v.m, v.d);
		*type = "date";
	}
}

static int days_in(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30,
	                         31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

/* Days since 1970-01-01 (proleptic Gregorian). */
static long to_days(NkgYmd v)
{
	int y = v.y, m = v.m;
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + v.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static NkgYmd from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	NkgYmd r = {(int)(y + (m <= 2)), (int)m, (int)d};
	return r;
}

static int slot_value(const NkgLexicon *lx, const LexSlot *s, LexKind kind)
{
	if (!s)
		return 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].ntok == 1 && s->v[i].kind == kind)
			return kind == LX_MONTH ? lx->months[s->v[i].idx]
			                        : lx->weekdays[s->v[i].idx];
	return 0;
}

static int lex_value(const NkgLexicon *lx, const char *key, LexKind kind)
{
	return slot_value(lx, nkg_lex_lookup(lx, key), kind);
}

static int number(const NkgToken *t, int lo, int hi)
{
	if (!(t->flags & NKG_TOK_NUM))
		return 0;
	char *end;
	long v = strtol(t->key, &end, 10);
	/* "3rd", "21st" */
	if (*end && strcmp(end, "st") && strcmp(end, "nd") &&
	    strcmp(end, "rd") && strcmp(end, "th"))
		return 0;
	return v >= lo && v <= hi ? (int)v : 0;
}

/* Month of a key like "december" or "mid-december" / "early-january";
 * S is the key's own lexicon slot. */
static int month_of(const NkgLexicon *lx, const char *key, const LexSlot *s,
                    int *qualified)
{
	*qualified = 0;
	int m = slot_value(lx, s, LX_MONTH);
	if (m)
		return m;
	const char *dash = strchr(key, '-');
	if (dash && (!strncmp(key, "mid-", 4) || !strncmp(key, "early-", 6) ||
	             !strncmp(key, "late-", 5))) {
		*qualified = 1;
		return lex_value(lx, dash + 1, LX_MONTH);
	}
	return 0;
}

/* A month with no year: the latest such month not after the publication
 * (plus a week's grace for "later this month" style reports). */
static int infer_year(NkgYmd pub, int m, int d)
{
	if (!pub.y)
		return 0;
	NkgYmd c = {pub.y, m, d ? d : 1};
	if (to_days(c) > to_days(pub) + 7)
		return pub.y - 1;
	return pub.y;
}

size_t nkg_find_dates(const NkgLexicon *lx, const NkgTokens *tk, size_t t0,
                      size_t t1, NkgYmd pub, NkgDateExpr *out, size_t max)
{
	return nkg_find_dates_with(lx, tk, t0, t1, pub, out, max, NULL, NULL);
}

size_t nkg_find_dates_with(const NkgLexicon *lx, const NkgTokens *tk, size_t t0,
                           size_t t1, NkgYmd pub, NkgDateExpr *out, size_t max,
                           NkgTokenSlotFn slot, const void *ctx)
{
	size_t n = 0;
	for (size_t i = t0; i < t1 && n < max; i++) {
		const NkgToken *t = &tk->toks[i];
		NkgDateExpr e = {i, i + 1, {0, 0, 0}, 0, 0};
		int q;
		/* one lookup answers both month and weekday */
		const LexSlot *ts =
		        slot ? slot(ctx, i)
		             : nkg_lex_lookup_hashed(lx, t->key, t->hash);
		int m = month_of(lx, t->key, ts, &q);
		size_t j = i + 1;
		if (m && (t->flags & NKG_TOK_CAP || q)) {
			if (j < t1 && nkg_streq(tk->toks[j].key, "."))
				j++;
			int d = j < t1 ? number(&tk->toks[j], 1,
			                        days_in(2000, m))
			               : 0;
			int y = 0;
			if (d) {
				j++;
				if (j + 1 < t1 &&
				    nkg_streq(tk->toks[j].key, ",") &&
				    number(&tk->toks[j + 1], 1000, 2999)) {
					y = number(&tk->toks[j + 1], 1000,
					           2999);
					j += 2;
				}
			} else if (j < t1 && number(&tk->toks[j], 1000, 2999)) {
				y = number(&tk->toks[j], 1000, 2999);
				j++;
			}
			/* "3 January 2026" */
			if (!d && i > t0 && number(&tk->toks[i - 1], 1, 31)) {
				d = number(&tk->toks[i - 1], 1, 31);
				e.t0 = i - 1;
			}
			if (!y && !pub.y)
				continue;
			/* A bare capitalised "May" needs a day or a year. */
			if (!d && !y && !q &&
			    !(i > t0 &&
			      (nkg_streq(tk->toks[i - 1].key, "in") ||
			       nkg_streq(tk->toks[i - 1].key, "since") ||
			       nkg_streq(tk->toks[i - 1].key, "until") ||
			       nkg_streq(tk->toks[i - 1].key, "early") ||
			       nkg_streq(tk->toks[i - 1].key, "late"))))
				continue;
			e.explicit_year = y != 0;
			e.v.y = y ? y : infer_year(pub, m, d);
			e.v.m = m;
			e.v.d = d;
			e.t1 = j;
		} else if (t->flags & NKG_TOK_NUM && strlen(t->key) == 10 &&
		           t->key[4] == '-' && !nkg_ymd_parse(t->key, &e.v)) {
			e.explicit_year = 1;
		} else if (pub.y && slot_value(lx, ts, LX_WEEKDAY)) {
			int wd =
			        slot_value(lx, ts, LX_WEEKDAY); /* 1 = Monday */
			long pd = to_days(pub);
			int pw = (int)(((pd % 7) + 7 + 3) % 7) +
			         1; /* 1970-01-01 was a Thursday */
			int back = (pw - wd + 7) % 7;
			e.v = from_days(pd - back);
		} else if (pub.y && nkg_streq(t->key, "yesterday")) {
			e.v = from_days(to_days(pub) - 1);
		} else if (pub.y && nkg_streq(t->key, "today")) {
			e.v = pub;
		} else if (pub.y && nkg_streq(t->key, "last") && j < t1 &&
		           nkg_streq(tk->toks[j].key, "week")) {
			/* the calendar week before the report's: its month
			 * when it lies in one, else its year */
			long pd = to_days(pub);
			int pw = (int)(((pd % 7) + 7 + 3) % 7) + 1;
			long mon = pd - (pw - 1) - 7;
			NkgYmd a = from_days(mon), b = from_days(mon + 6);
			if (a.y != b.y)
				continue;
			e.v.y = a.y;
			e.v.m = a.m == b.m ? a.m : 0;
			e.t1 = j + 1;
		} else if (pub.y && nkg_streq(t->key, "last") && j < t1 &&
		           (nkg_streq(tk->toks[j].key, "month") ||
		            nkg_streq(tk->toks[j].key, "year"))) {
			if (nkg_streq(tk->toks[j].key, "month")) {
				e.v.y = pub.m == 1 ? pub.y - 1 : pub.y;
				e.v.m = pub.m == 1 ? 12 : pub.m - 1;
			} else {
				e.v.y = pub.y - 1;
			}
			e.t1 = j + 1;
		} else if (t->flags & NKG_TOK_NUM && number(t, 1900, 2100) &&
		           i > t0 &&
		           (nkg_streq(tk->toks[i - 1].key, "in") ||
		            nkg_streq(tk->toks[i - 1].key, "since"))) {
			e.v.y = number(t, 1900, 2100);
			e.explicit_year = 1;
		} else {
			continue;
		}
		if (!e.v.y)
			continue;
		for (size_t k = e.t0; k > t0 && k + 3 > e.t0; k--) {
			const char *pk = tk->toks[k - 1].key;
			if (nkg_streq(pk, "since") ||
			    nkg_streq(pk, "starting")) {
				e.since = 1;
				break;
			}
		}
		out[n++] = e;
		i = e.t1 - 1;
	}
	return n;
}
