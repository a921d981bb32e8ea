/* SPDX-License-Identifier: MIT */
/* diagram-style.c: colours, shapes, widths, default attributes and
 * legends of the diagrams.
 *
 * Takes kinds, class labels and counts; gives attribute values, and sets
 * them on cgraph objects for the builders.  The document diagram's look
 * is fixed by its tests and by users' files: change it here knowingly.
 */
#include "emit/diagram-style.h"
#include "emit/diagram-render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name, *shape, *style, *fill, *border;
} kinds[] = {
        [NKG_KIND_COUNTRY] = {"Country", "box", "rounded,filled", "#cfe2f3",
                              "#3d85c6"},
        [NKG_KIND_PERSON] = {"Person", "ellipse", "filled", "#fff2cc",
                             "#bf9000"},
        [NKG_KIND_ORGANIZATION] = {"Organization", "box", "filled", "#d9ead3",
                                   "#6aa84f"},
        [NKG_KIND_GROUP] = {"Group", "hexagon", "filled", "#fce5cd", "#e69138"},
};

/* KIND, or Organization for a value out of range. */
static NkgActorKind kind_of(NkgActorKind kind)
{
	return (unsigned)kind > NKG_KIND_GROUP ? NKG_KIND_ORGANIZATION : kind;
}

const char *nkg_style_kind_name(NkgActorKind kind)
{
	return kinds[kind_of(kind)].name;
}

const char *nkg_style_kind_shape(NkgActorKind kind)
{
	return kinds[kind_of(kind)].shape;
}

const char *nkg_style_kind_fill(NkgActorKind kind)
{
	return kinds[kind_of(kind)].fill;
}

const char *nkg_style_kind_border(NkgActorKind kind)
{
	return kinds[kind_of(kind)].border;
}

static const char *const fam_color[] = {"#2e7d32", "#e67e22", "#c62828",
                                        "#616161"};
static const char *const fam_name[] = {"cooperation", "verbal conflict",
                                       "material conflict", "other"};

/* The PLOVER top classes in PLOVER order, each with its family and a
 * colour of that family's hues (greens and blues, oranges and purples,
 * reds and browns), chosen to stay apart from their neighbours. */
static const struct {
	const char *name;
	NkgFamily fam;
	const char *color;
} groups[NKG_GROUP_COUNT] = {
        {"Agree", NKG_FAM_COOP, "#1b9e77"},
        {"Consult", NKG_FAM_COOP, "#1f78b4"},
        {"Support", NKG_FAM_COOP, "#33a02c"},
        {"Concede", NKG_FAM_COOP, "#7a9a01"},
        {"Cooperate", NKG_FAM_COOP, "#00695c"},
        {"Aid", NKG_FAM_COOP, "#0097a7"},
        {"Retreat", NKG_FAM_COOP, "#5c6bc0"},
        {"Request", NKG_FAM_VERBAL, "#d4a000"},
        {"Accuse", NKG_FAM_VERBAL, "#e66101"},
        {"Reject", NKG_FAM_VERBAL, "#a6611a"},
        {"Threaten", NKG_FAM_VERBAL, "#8e44ad"},
        {"Protest", NKG_FAM_VERBAL, "#c51b7d"},
        {"Sanction", NKG_FAM_MATERIAL, "#6d4c41"},
        {"Mobilize", NKG_FAM_MATERIAL, "#f4511e"},
        {"Coerce", NKG_FAM_MATERIAL, "#d32f2f"},
        {"Assault", NKG_FAM_MATERIAL, "#7f0000"},
        {"Other", NKG_FAM_OTHER, "#616161"},
};

size_t nkg_style_group(const char *top)
{
	for (size_t i = 0; top && i + 1 < NKG_GROUP_COUNT; i++)
		if (!nkg_ascii_casecmp(top, groups[i].name))
			return i;
	return NKG_GROUP_COUNT - 1;
}

const char *nkg_style_group_name(size_t group)
{
	return groups[group < NKG_GROUP_COUNT ? group : NKG_GROUP_COUNT - 1]
	        .name;
}

const char *nkg_style_group_color(size_t group)
{
	return groups[group < NKG_GROUP_COUNT ? group : NKG_GROUP_COUNT - 1]
	        .color;
}

NkgFamily nkg_style_family(const char *top)
{
	return top ? groups[nkg_style_group(top)].fam : NKG_FAM_OTHER;
}

const char *nkg_style_family_color(NkgFamily f)
{
	return fam_color[(unsigned)f > NKG_FAM_OTHER ? NKG_FAM_OTHER : f];
}

void nkg_style_count_width(size_t count, char out[16])
{
	size_t w = count > 7 ? 40 : 10 + 5 * (count ? count - 1 : 0);
	snprintf(out, 16, "%zu.%zu", w / 10, w % 10);
}

void nkg_style_corpus_width(size_t count, char out[16])
{
	/* Logarithmic: one more event matters less the more there are. */
	size_t tenths = 10;
	if (count > 1)
		tenths += (size_t)(16.0 * log2((double)count) + 0.5);
	if (tenths > 70)
		tenths = 70;
	snprintf(out, 16, "%zu.%zu", tenths / 10, tenths % 10);
}

void nkg_style_defaults(NkgDraw *d)
{
	Agraph_t *g = d->g;
	agattr(g, AGRAPH, "fontname", "Helvetica");
	agattr(g, AGRAPH, "fontsize", "12");
	agattr(g, AGRAPH, "label", "");
	agattr(g, AGRAPH, "style", "");
	agattr(g, AGRAPH, "color", "");
	agattr(g, AGRAPH, "fillcolor", "");
	agattr(g, AGNODE, "fontname", "Helvetica");
	agattr(g, AGNODE, "fontsize", "11");
	agattr(g, AGNODE, "shape", "ellipse");
	agattr(g, AGNODE, "style", "filled");
	agattr(g, AGEDGE, "fontname", "Helvetica");
	agattr(g, AGEDGE, "fontsize", "9");
	agattr(g, AGEDGE, "arrowsize", "0.7");
}

void nkg_style_node(NkgDraw *d, void *n, NkgActorKind kind)
{
	kind = kind_of(kind);
	nkg_draw_set(d, n, "shape", kinds[kind].shape);
	nkg_draw_set(d, n, "style", kinds[kind].style);
	nkg_draw_set(d, n, "fillcolor", kinds[kind].fill);
	nkg_draw_set(d, n, "color", kinds[kind].border);
}

void nkg_style_cluster(NkgDraw *d, void *sub)
{
	nkg_draw_set(d, sub, "style", "rounded,filled");
	nkg_draw_set(d, sub, "color", kinds[NKG_KIND_COUNTRY].border);
	nkg_draw_set(d, sub, "fillcolor", "#f3f8fc");
}

#define LEGEND_TEXT                                                            \
	"Legend\\n"                                                            \
	"blue rounded box: Country\\l"                                         \
	"yellow ellipse: Person\\l"                                            \
	"green box: Organization\\l"                                           \
	"orange hexagon: Group\\l"                                             \
	"green edge: cooperation\\l"                                           \
	"orange edge: verbal conflict\\l"                                      \
	"red edge: material conflict\\l"                                       \
	"dashed: negated / uncertain\\l"

/* One legend edge between two invisible points; LEFT, when not NULL, is
 * tied to the first point so that the sample sits on its row. */
static void legend_edge(NkgDraw *d, Agraph_t *lg, int i, Agnode_t *left,
                        const char *label, const char *color, const char *style)
{
	char a[32], z[32];
	snprintf(a, sizeof a, "_legend_e%d_a", i);
	snprintf(z, sizeof z, "_legend_e%d_b", i);
	Agnode_t *na = agnode(lg, a, 1), *nz = agnode(lg, z, 1);
	Agedge_t *x = na && nz ? agedge(lg, na, nz, NULL, 1) : NULL;
	Agedge_t *tie = x && left ? agedge(lg, left, na, NULL, 1) : NULL;
	if (!x || (left && !tie)) {
		d->failed = 1;
		return;
	}
	for (int k = 0; k < 2; k++) {
		Agnode_t *n = k ? nz : na;
		nkg_draw_set(d, n, "shape", "point");
		nkg_draw_set(d, n, "style", "invis");
		nkg_draw_set(d, n, "width", "0.05");
		nkg_draw_set(d, n, "label", "");
	}
	if (tie)
		nkg_draw_set(d, tie, "style", "invis");
	nkg_draw_set(d, x, "label", label);
	nkg_draw_set(d, x, "tooltip", label);
	nkg_draw_set(d, x, "fontsize", "8");
	nkg_draw_set(d, x, "color", color);
	nkg_draw_set(d, x, "fontcolor", color);
	if (style)
		nkg_draw_set(d, x, "style", style);
}

/* The legend: the four kinds in a column, each followed on its row by a
 * sample edge of a colour family or style. */
void nkg_style_legend(NkgDraw *d, int affiliations)
{
	Agraph_t *lg = agsubg(d->g, "cluster_legend", 1);
	if (!lg) {
		d->failed = 1;
		return;
	}
	nkg_draw_set(d, lg, "label", "Legend");
	nkg_draw_set(d, lg, "style", "rounded,dashed");
	nkg_draw_set(d, lg, "color", "#9e9e9e");
	nkg_draw_set(d, lg, "fontsize", "10");
	static const struct {
		const char *label;
		NkgFamily fam;
		const char *style;
	} samples[] = {
	        {NULL, NKG_FAM_COOP, NULL},
	        {NULL, NKG_FAM_VERBAL, NULL},
	        {NULL, NKG_FAM_MATERIAL, NULL},
	        {"negated / uncertain", NKG_FAM_OTHER, "dashed"},
	};
	Agnode_t *n = NULL;
	for (int k = NKG_KIND_COUNTRY; k <= NKG_KIND_GROUP && !d->failed; k++) {
		char name[40];
		snprintf(name, sizeof name, "_legend_%s", kinds[k].name);
		n = agnode(lg, name, 1);
		if (!n) {
			d->failed = 1;
			return;
		}
		nkg_draw_set(d, n, "label", kinds[k].name);
		nkg_draw_set(d, n, "tooltip", kinds[k].name);
		nkg_draw_set(d, n, "fontsize", "8");
		nkg_draw_set(d, n, "height", "0.3");
		nkg_draw_set(d, n, "margin", "0.05,0.02");
		nkg_style_node(d, n, (NkgActorKind)k);
		const char *label = samples[k].label ? samples[k].label
		                                     : fam_name[samples[k].fam];
		legend_edge(d, lg, k, n, label, fam_color[samples[k].fam],
		            samples[k].style);
	}
	if (affiliations && !d->failed)
		legend_edge(d, lg, NKG_KIND_GROUP + 1, n, "affiliated with",
		            "#9e9e9e", "dotted");
}

/* neato, sfdp and circo know no clusters: the legend is one note whose
 * text names the styles. */
void nkg_style_legend_note(NkgDraw *d, int affiliations)
{
	Agnode_t *n = agnode(d->g, "_legend", 1);
	if (!n) {
		d->failed = 1;
		return;
	}
	nkg_draw_set(d, n, "label",
	             affiliations ? LEGEND_TEXT
	                     "grey dotted: affiliated with\\l"
	                          : LEGEND_TEXT);
	nkg_draw_set(d, n, "tooltip", "Legend");
	nkg_draw_set(d, n, "shape", "note");
	nkg_draw_set(d, n, "fillcolor", "#fafafa");
	nkg_draw_set(d, n, "color", "#9e9e9e");
	nkg_draw_set(d, n, "fontsize", "9");
}

/* An HTML-like label: a table lays the rows out the same in every
 * layout, where a cluster of sample edges works in dot and fdp only. */
void nkg_style_group_legend(NkgDraw *d, const int *drawn_kinds,
                            const int *drawn_groups)
{
	NkgStr h = {0};
	nkg_str_cat(&h,
	            "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" "
	            "CELLPADDING=\"2\"><TR><TD COLSPAN=\"2\"><B>Legend</B>"
	            "</TD></TR>");
	for (int k = NKG_KIND_COUNTRY; k <= NKG_KIND_GROUP; k++)
		if (drawn_kinds[k])
			nkg_str_fmt(&h,
			            "<TR><TD COLSPAN=\"2\" BORDER=\"1\" "
			            "COLOR=\"%s\" BGCOLOR=\"%s\">%s</TD></TR>",
			            kinds[k].border, kinds[k].fill,
			            kinds[k].name);
	for (size_t g = 0; g < NKG_GROUP_COUNT; g++)
		if (drawn_groups[g])
			nkg_str_fmt(&h,
			            "<TR><TD WIDTH=\"28\" HEIGHT=\"6\" "
			            "FIXEDSIZE=\"TRUE\" BGCOLOR=\"%s\"></TD>"
			            "<TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">%s"
			            "</FONT></TD></TR>",
			            groups[g].color, groups[g].color,
			            groups[g].name);
	nkg_str_cat(&h, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT "
	                "POINT-SIZE=\"8\">width: number of events<BR "
	                "ALIGN=\"LEFT\"/>no arrow: parties of one event"
	                "</FONT></TD></TR></TABLE>");
	Agnode_t *n = agnode(d->g, "_legend", 1);
	Agsym_t *sym = agattr(d->g, AGNODE, "label", NULL);
	if (!sym)
		sym = agattr(d->g, AGNODE, "label", "\\N");
	char *html = h.oom || !n || !sym ? NULL : agstrdup_html(d->g, h.s);
	if (!html || agxset(n, sym, html) != 0)
		d->failed = 1;
	if (html)
		agstrfree(d->g, html);
	free(h.s);
	nkg_draw_set(d, n, "shape", "plain");
	nkg_draw_set(d, n, "style", "");
	nkg_draw_set(d, n, "fontsize", "10");
	nkg_draw_set(d, n, "tooltip", "Legend");
}
