/* SPDX-License-Identifier: MIT */
/* timeline.c: the corpus timeline, an SVG document written directly.
 *
 * Takes a finished NkgCorpus and NkgCorpusDiagramOptions (max_pairs,
 * min_confidence as in the diagram); gives time on the horizontal axis,
 * with ticks of days, weeks, months or years chosen from the span of the
 * first dates, and one row per actor pair among the max_pairs with the
 * most dated events, in the order of their first event.  Each corpus
 * event is one mark at its first date, with a bar to its last date when
 * they differ, coloured by class group as in the corpus diagram, and a
 * <title> tooltip (class, actors, dates, the member headlines).  Events
 * without a date are counted in a note.  No graphviz: coordinates are
 * whole pixels, text widths are estimated from code points.
 */
#include "corpus/corpus.h"
#include "emit/corpus-pairs.h"
#include "emit/diagram-style.h"
#include "emit/diagram-text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_MAX_PAIRS 25
#define DEFAULT_MIN_CONFIDENCE 0.5
#define ROW_H 24
#define PLOT_W 800 /* pixels for the whole time range, about */
#define LABEL_MAX 44
#define CHAR_W 7 /* estimated pixels per code point at 12 px */
#define TOOLTIP_LINES 10
#define HEADLINE_MAX 120

/* Days since 1970-01-01 of YYYY-MM-DD (a prefix of an xsd:date), or -1
 * for anything else. */
static long day_number(const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return -1;
	long y = strtol(s, NULL, 10), m = (s[5] - '0') * 10 + (s[6] - '0'),
	     d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	/* Howard Hinnant's days_from_civil. */
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil(long z, long *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

typedef struct {
	size_t link0, n; /* links of the pair, one per event */
	size_t dated;    /* = n: only dated events are linked */
	long first;      /* earliest first date */
	size_t row;      /* NKG_NONE when not shown */
} Pair;

typedef struct {
	const NkgCorpus *c;
	double min_conf;
	NkgPairs pr;
	Pair *pairs;
	size_t n_pairs;
	size_t *rows; /* pair of each shown row */
	size_t n_rows;
	size_t undated, single; /* events left out: no date, < 2 actors */
	long d0, d1;            /* the days shown */
	long span;              /* of the first dates shown */
	int px_day10;           /* tenths of a pixel per day */
	int left, top;
} Plan;

static int dated(const NkgCorpusEvent *e, void *ctx)
{
	const Plan *p = ctx;
	return e->confidence >= p->min_conf && day_number(e->first_date) >= 0;
}

static long last_day(const NkgCorpusEvent *e)
{
	long f = day_number(e->first_date), l = day_number(e->last_date);
	return l > f ? l : f;
}

static const Pair *sort_pairs;

/* The most dated events first, then pair order. */
static int freq_cmp(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	if (sort_pairs[a].n != sort_pairs[b].n)
		return sort_pairs[a].n > sort_pairs[b].n ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* Rows in the order of their first event, then by frequency. */
static int row_cmp(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	if (sort_pairs[a].first != sort_pairs[b].first)
		return sort_pairs[a].first < sort_pairs[b].first ? -1 : 1;
	return freq_cmp(x, y);
}

/* Counts what is left out, groups the links into pairs and picks the
 * rows; 0 on success, -1 out of memory. */
static int plan_rows(Plan *p, size_t max)
{
	const NkgCorpus *c = p->c;
	if (nkg_pairs_build(&p->pr, c, dated, p))
		return -1;
	char *linked = calloc(c->n_events ? c->n_events : 1, 1);
	p->pairs =
	        malloc((p->pr.n_links ? p->pr.n_links : 1) * sizeof *p->pairs);
	p->rows = malloc((p->pr.n_links ? p->pr.n_links : 1) * sizeof *p->rows);
	if (!linked || !p->pairs || !p->rows) {
		free(linked);
		return -1;
	}
	for (size_t i = 0; i < p->pr.n_links; i++) {
		const NkgPairLink *l = &p->pr.links[i];
		long f = day_number(c->events[l->ev].first_date);
		linked[l->ev] = 1;
		if (p->n_pairs && nkg_pairs_same(&p->pr.links[i - 1], l)) {
			Pair *q = &p->pairs[p->n_pairs - 1];
			q->n++;
			if (f < q->first)
				q->first = f;
			continue;
		}
		p->pairs[p->n_pairs++] = (Pair){i, 1, 1, f, NKG_NONE};
	}
	for (size_t ev = 0; ev < c->n_events; ev++) {
		const NkgCorpusEvent *e = &c->events[ev];
		if (e->confidence < p->min_conf)
			continue;
		if (day_number(e->first_date) < 0)
			p->undated++;
		else if (!linked[ev])
			p->single++;
	}
	free(linked);
	for (size_t i = 0; i < p->n_pairs; i++)
		p->rows[i] = i;
	sort_pairs = p->pairs;
	qsort(p->rows, p->n_pairs, sizeof *p->rows, freq_cmp);
	p->n_rows = p->n_pairs < max ? p->n_pairs : max;
	qsort(p->rows, p->n_rows, sizeof *p->rows, row_cmp);
	for (size_t r = 0; r < p->n_rows; r++)
		p->pairs[p->rows[r]].row = r;
	return 0;
}

/* The days shown and the pixels per day. */
static void plan_axis(Plan *p)
{
	long fmin = -1, fmax = -1, lmax = -1;
	for (size_t r = 0; r < p->n_rows; r++) {
		const Pair *q = &p->pairs[p->rows[r]];
		for (size_t i = q->link0; i < q->link0 + q->n; i++) {
			const NkgCorpusEvent *e =
			        &p->c->events[p->pr.links[i].ev];
			long f = day_number(e->first_date), l = last_day(e);
			if (fmin < 0 || f < fmin)
				fmin = f;
			if (f > fmax)
				fmax = f;
			if (l > lmax)
				lmax = l;
		}
	}
	if (fmin < 0)
		fmin = fmax = lmax = 0;
	p->span = fmax - fmin;
	p->d0 = fmin - 1;
	p->d1 = lmax + 1;
	long days = p->d1 - p->d0;
	long px10 = PLOT_W * 10 / days;
	p->px_day10 = (int)(px10 > 600 ? 600 : px10 < 5 ? 5 : px10);
}

static int x_of(const Plan *p, long day)
{
	return p->left + (int)((day - p->d0) * p->px_day10 / 10);
}

static size_t code_points(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* "Agent → Target" or "A – B". */
static void pair_label(NkgStr *b, const Plan *p, const Pair *q, size_t max)
{
	const NkgPairLink *l = &p->pr.links[q->link0];
	NkgStr raw = {0};
	nkg_str_cat(&raw, nkg_corpus_actor_label(p->c, p->pr.by_rank[l->src]));
	nkg_str_cat(&raw, l->sym ? " \xE2\x80\x93 " : " \xE2\x86\x92 ");
	nkg_str_cat(&raw, nkg_corpus_actor_label(p->c, p->pr.by_rank[l->dst]));
	if (raw.oom)
		b->oom = 1;
	else
		nkg_str_xml(b, raw.s, max);
	free(raw.s);
}

typedef enum { UNIT_DAY, UNIT_WEEK, UNIT_MONTH, UNIT_YEAR } Unit;

static const char *const unit_names[] = {"day", "week", "month", "year"};

static Unit unit_for(long span)
{
	return span <= 31     ? UNIT_DAY
	       : span <= 190  ? UNIT_WEEK
	       : span <= 1100 ? UNIT_MONTH
	                      : UNIT_YEAR;
}

/* Whether DAY starts a tick of UNIT. */
static int is_tick(long day, Unit u)
{
	long y;
	int m, d;
	if (u == UNIT_DAY)
		return 1;
	if (u == UNIT_WEEK)
		return (day % 7 + 7 + 3) % 7 == 0; /* Mondays */
	civil(day, &y, &m, &d);
	return d == 1 && (u == UNIT_MONTH || m == 1);
}

static void tick_label(NkgStr *b, long day, Unit u, int first)
{
	long y;
	int m, d;
	civil(day, &y, &m, &d);
	if (u == UNIT_YEAR)
		nkg_str_fmt(b, "%ld", y);
	else if (u == UNIT_MONTH)
		nkg_str_fmt(b, first || m == 1 ? "%s %ld" : "%s", months[m - 1],
		            y);
	else if (first || (m == 1 && d <= (u == UNIT_WEEK ? 7 : 1)))
		nkg_str_fmt(b, "%s %d, %ld", months[m - 1], d, y);
	else
		nkg_str_fmt(b, "%s %d", months[m - 1], d);
}

/* Grid lines and labelled ticks below the rows; labels closer than
 * their width to the previous one are left out. */
static void write_axis(NkgStr *b, const Plan *p, int bottom)
{
	Unit u = unit_for(p->span);
	nkg_str_fmt(b, "<g class=\"ticks\" data-unit=\"%s\">\n", unit_names[u]);
	nkg_str_fmt(b,
	            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	            "stroke=\"#555\"/>\n",
	            x_of(p, p->d0), bottom, x_of(p, p->d1), bottom);
	int last_end = -1000, first = 1;
	for (long day = p->d0; day <= p->d1; day++) {
		if (!is_tick(day, u))
			continue;
		int x = x_of(p, day);
		nkg_str_fmt(
		        b,
		        "<line class=\"tick\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
		        "y2=\"%d\" stroke=\"#e0e0e0\"/>\n",
		        x, p->top, x, bottom + 4);
		NkgStr t = {0};
		tick_label(&t, day, u, first);
		int w = (int)code_points(t.s) * 6;
		if (!t.oom && x - w / 2 > last_end + 8) {
			nkg_str_fmt(b,
			            "<text x=\"%d\" y=\"%d\" font-size=\"11\" "
			            "text-anchor=\"middle\" fill=\"#333\">%s"
			            "</text>\n",
			            x, bottom + 17, t.s);
			last_end = x + w / 2;
			first = 0;
		}
		b->oom |= t.oom;
		free(t.s);
	}
	nkg_str_cat(b, "</g>\n");
}

/* The tooltip of event E on pair Q: class, actors, dates, headlines. */
static void write_tooltip(NkgStr *b, const Plan *p, const Pair *q,
                          const NkgCorpusEvent *e)
{
	const NkgCorpus *c = p->c;
	nkg_str_cat(b, "<title>");
	nkg_str_xml(b, nkg_corpus_event_type(e), 0);
	nkg_str_cat(b, " (");
	nkg_str_xml(b, nkg_style_group_name(nkg_style_group(e->top_label)), 0);
	nkg_str_cat(b, ")\n");
	pair_label(b, p, q, 0);
	nkg_str_cat(b, "\n");
	nkg_str_xml(b, e->first_date, 0);
	if (e->last_date && strcmp(e->last_date, e->first_date)) {
		nkg_str_cat(b, " \xE2\x80\x93 ");
		nkg_str_xml(b, e->last_date, 0);
	}
	nkg_str_fmt(b, "; %zu document%s, %zu source%s", e->n_docs,
	            e->n_docs == 1 ? "" : "s", e->n_sources,
	            e->n_sources == 1 ? "" : "s");
	NkgPairLink one = {.ev = (size_t)(e - c->events)};
	NkgEvidence *v;
	size_t n = nkg_corpus_evidence(c, &one, 1, &v, NULL);
	if (n == (size_t)-1) {
		free(v);
		b->oom = 1;
		return;
	}
	for (size_t i = 0; i < n && i < TOOLTIP_LINES; i++) {
		nkg_str_cat(b, "\n");
		nkg_str_xml(b, v[i].date ? v[i].date : "(no date)", 0);
		nkg_str_cat(b, "  ");
		nkg_str_xml(b, v[i].title, HEADLINE_MAX);
	}
	if (n > TOOLTIP_LINES)
		nkg_str_fmt(b, "\nand %zu more", n - TOOLTIP_LINES);
	free(v);
	nkg_str_cat(b, "</title>");
}

/* Events of row Q before link I on the same first day (*BEFORE) and in
 * all (*ALL). */
static void same_day(const Plan *p, const Pair *q, size_t i, long f,
                     size_t *before, size_t *all)
{
	*before = *all = 0;
	for (size_t k = q->link0; k < q->link0 + q->n; k++) {
		const NkgCorpusEvent *e = &p->c->events[p->pr.links[k].ev];
		if (day_number(e->first_date) != f)
			continue;
		*before += k < i;
		(*all)++;
	}
}

/* One mark per event of each row; marks of one day in one row are
 * spread vertically around the row's middle so that each stays
 * visible (closer together when there are many). */
static void write_marks(NkgStr *b, const Plan *p)
{
	for (size_t r = 0; r < p->n_rows; r++) {
		const Pair *q = &p->pairs[p->rows[r]];
		int y = p->top + (int)r * ROW_H + ROW_H / 2;
		for (size_t i = q->link0; i < q->link0 + q->n; i++) {
			const NkgPairLink *l = &p->pr.links[i];
			const NkgCorpusEvent *e = &p->c->events[l->ev];
			long f = day_number(e->first_date), la = last_day(e);
			size_t k, n;
			same_day(p, q, i, f, &k, &n);
			int step = n > 1 ? (int)((ROW_H - 10) / (n - 1)) : 0;
			step = step > 9 ? 9 : step;
			int dy = (int)(2 * k - (n - 1)) * step / 2;
			const char *col = nkg_style_group_color(l->group);
			nkg_str_cat(b, "<g class=\"event\">");
			write_tooltip(b, p, q, e);
			if (la > f)
				nkg_str_fmt(
				        b,
				        "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
				        "height=\"6\" rx=\"3\" fill=\"%s\" "
				        "fill-opacity=\"0.45\"/>",
				        x_of(p, f), y + dy - 3,
				        x_of(p, la) - x_of(p, f), col);
			nkg_str_fmt(b,
			            "<circle cx=\"%d\" cy=\"%d\" r=\"5\" "
			            "fill=\"%s\" stroke=\"#fff\" "
			            "stroke-width=\"1\"/></g>\n",
			            x_of(p, f), y + dy, col);
		}
	}
}

/* Row stripes and labels; the label is cut to fit the margin. */
static void write_rows(NkgStr *b, const Plan *p, int right)
{
	for (size_t r = 0; r < p->n_rows; r++) {
		const Pair *q = &p->pairs[p->rows[r]];
		int y = p->top + (int)r * ROW_H;
		nkg_str_fmt(b,
		            "<g class=\"row\"><rect x=\"0\" y=\"%d\" "
		            "width=\"%d\" height=\"%d\" fill=\"%s\"/>",
		            y, right, ROW_H, r % 2 ? "#ffffff" : "#f5f7fa");
		nkg_str_fmt(b,
		            "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" "
		            "fill=\"#222\"><title>",
		            p->left - 10, y + ROW_H / 2 + 4);
		pair_label(b, p, q, 0);
		nkg_str_fmt(b, ": %zu event%s</title>", q->n,
		            q->n == 1 ? "" : "s");
		pair_label(b, p, q, LABEL_MAX);
		nkg_str_cat(b, "</text></g>\n");
	}
}

/* The class groups drawn, in PLOVER order, wrapped to WIDTH; returns the
 * height used. */
static int write_legend(NkgStr *b, const Plan *p, int y, int width)
{
	int groups[NKG_GROUP_COUNT] = {0};
	for (size_t r = 0; r < p->n_rows; r++) {
		const Pair *q = &p->pairs[p->rows[r]];
		for (size_t i = q->link0; i < q->link0 + q->n; i++)
			groups[p->pr.links[i].group] = 1;
	}
	int x = 16, h = 18;
	nkg_str_cat(b, "<g class=\"legend\">\n");
	for (size_t g = 0; g < NKG_GROUP_COUNT; g++) {
		if (!groups[g])
			continue;
		const char *name = nkg_style_group_name(g);
		int w = 14 + (int)code_points(name) * CHAR_W + 18;
		if (x + w > width && x > 16) {
			x = 16;
			y += 18;
			h += 18;
		}
		nkg_str_fmt(b,
		            "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/>"
		            "<text x=\"%d\" y=\"%d\" fill=\"#333\">%s</text>\n",
		            x + 5, y - 4, nkg_style_group_color(g), x + 14, y,
		            name);
		x += w;
	}
	nkg_str_cat(b, "</g>\n");
	if (x + 240 > width) {
		x = 16;
		y += 18;
		h += 18;
	}
	nkg_str_fmt(
	        b,
	        "<g class=\"key\"><rect x=\"%d\" y=\"%d\" width=\"24\" "
	        "height=\"6\" rx=\"3\" fill=\"#888\" fill-opacity=\"0.45\"/>"
	        "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"#888\"/>"
	        "<text x=\"%d\" y=\"%d\" fill=\"#555\">first to last "
	        "date</text></g>\n",
	        x, y - 7, x, y - 4, x + 32, y);
	return h;
}

static void write_notes(NkgStr *b, const Plan *p, int y)
{
	nkg_str_fmt(b, "<g class=\"notes\" font-size=\"11\" fill=\"#555\">\n");
	if (p->n_rows < p->n_pairs) {
		nkg_str_fmt(b,
		            "<text x=\"16\" y=\"%d\">showing %zu of %zu actor "
		            "pairs (those with the most events)</text>\n",
		            y, p->n_rows, p->n_pairs);
		y += 16;
	}
	if (p->undated) {
		nkg_str_fmt(b,
		            "<text class=\"undated\" x=\"16\" y=\"%d\">%zu "
		            "event%s without a date not shown</text>\n",
		            y, p->undated, p->undated == 1 ? "" : "s");
		y += 16;
	}
	if (p->single)
		nkg_str_fmt(b,
		            "<text x=\"16\" y=\"%d\">%zu dated event%s with "
		            "fewer than two actors not shown</text>\n",
		            y, p->single, p->single == 1 ? "" : "s");
	nkg_str_cat(b, "</g>\n");
}

static size_t notes_count(const Plan *p)
{
	return (p->n_rows < p->n_pairs) + !!p->undated + !!p->single;
}

static void write_svg(NkgStr *b, Plan *p)
{
	size_t widest = 0;
	for (size_t r = 0; r < p->n_rows; r++) {
		NkgStr t = {0};
		pair_label(&t, p, &p->pairs[p->rows[r]], LABEL_MAX);
		size_t w = code_points(t.s);
		widest = w > widest ? w : widest;
		free(t.s);
	}
	p->left = 24 + (int)widest * CHAR_W;
	int right = x_of(p, p->d1) + 48; /* room for the last tick label */
	int width = right > 640 ? right : 640;
	/* The legend's height is known once written: write it apart. */
	NkgStr lg = {0};
	int lh = write_legend(&lg, p, 52, width);
	p->top = 52 + lh;
	int bottom = p->top + (int)p->n_rows * ROW_H;
	int height = bottom + 36 + 16 * (int)notes_count(p) + 8;
	nkg_str_fmt(b,
	            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	            "height=\"%d\" viewBox=\"0 0 %d %d\" "
	            "font-family=\"Helvetica, Arial, sans-serif\" "
	            "font-size=\"12\">\n"
	            "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n",
	            width, height, width, height);
	nkg_str_fmt(b,
	            "<text x=\"16\" y=\"26\" font-size=\"16\" fill=\"#111\">"
	            "Timeline: %zu documents, %zu actor pairs</text>\n",
	            p->c->n_docs, p->n_rows);
	nkg_str_add(b, lg.s ? lg.s : "", lg.n);
	b->oom |= lg.oom;
	free(lg.s);
	write_rows(b, p, width);
	write_axis(b, p, bottom);
	write_marks(b, p);
	write_notes(b, p, bottom + 36 + 12);
	nkg_str_cat(b, "</svg>\n");
}

NkgStatus nkg_corpus_write_timeline(const NkgCorpus *c, FILE *out,
                                    const NkgCorpusDiagramOptions *opt,
                                    NkgError *err)
{
	static const NkgCorpusDiagramOptions defaults = {0};
	const NkgCorpusDiagramOptions *o = opt ? opt : &defaults;
	if (!c || !out)
		return nkg_diagram_fail(
		        err, NKG_ERR_USAGE, "%s",
		        "timeline: no corpus or no output stream");
	if (o->max_pairs < 0)
		return nkg_diagram_fail(err, NKG_ERR_USAGE, "%s",
		                        "timeline: max_pairs must not be "
		                        "negative");
	Plan p = {.c = c};
	p.min_conf = o->min_confidence > 0   ? o->min_confidence
	             : o->min_confidence < 0 ? -1
	                                     : DEFAULT_MIN_CONFIDENCE;
	size_t max = o->max_pairs ? (size_t)o->max_pairs : DEFAULT_MAX_PAIRS;
	NkgStr b = {0};
	NkgStatus st = NKG_SUCCESS;
	if (plan_rows(&p, max)) {
		st = nkg_diagram_fail(err, NKG_ERR_INTERNAL, "%s",
		                      "timeline: out of memory");
		goto done;
	}
	plan_axis(&p);
	write_svg(&b, &p);
	if (b.oom)
		st = nkg_diagram_fail(err, NKG_ERR_INTERNAL, "%s",
		                      "timeline: out of memory");
	else if (fwrite(b.s, 1, b.n, out) != b.n || fflush(out) != 0 ||
	         ferror(out))
		st = nkg_diagram_fail(
		        err, NKG_ERR_OUTPUT, "%s",
		        "cannot write the timeline; check the disk "
		        "and the output path");
done:
	free(b.s);
	free(p.pairs);
	free(p.rows);
	nkg_pairs_free(&p.pr);
	return st;
}
