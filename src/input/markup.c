/* SPDX-License-Identifier: MIT */
/* markup.c: HTML, NITF and NewsML-G2 readers; the only file that uses
 * libxml2.
 *
 * Each reader parses the file into a libxml2 tree, picks the element that
 * holds the story and walks it into paragraphs.  Web pages carry much that
 * is not the story (menus, share buttons, "most read" boxes, cookie
 * banners, captions), so the HTML walker drops such elements by name, by
 * ARIA role and by words in their class or id; the NITF walker drops media
 * and captions.  The walk is iterative, so deep trees cannot overflow the C
 * stack.
 *
 * Hostile XML: parses never load a DTD or an external entity (no
 * XML_PARSE_NOENT, DTDLOAD or DTDATTR, and a refusing entity loader is
 * installed for the duration of the parse), XML_PARSE_HUGE is never set so
 * libxml2 keeps its depth and entity-loop limits, and the walker expands
 * internal entities itself under a byte and reference budget.  libxml2
 * reports go to a collector for the one parse, never to stderr.
 */
#include "input/input.h"

#include "input/libxml.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Entity expansion budget of one parse: bytes of text produced from
 * entities beyond the size of the file, references followed, and nesting
 * of entities inside entities. */
#define ENT_EXTRA_BYTES (1u << 20)
#define ENT_MAX_REFS 100000u
#define ENT_MAX_DEPTH 16

/* What the parse's libxml2 reports left behind. */
typedef struct {
	int have;        /* an error was recorded */
	int fatal;       /* it stopped the parser */
	int code;        /* libxml2 error code */
	int line;        /* its line */
	char msg[256];   /* its message, without the newline */
	int ext_refused; /* the parser asked for an external resource */
	int oom;         /* no parser context could be made */
} Report;

/* State of one nkg_read_markup() call. */
typedef struct {
	const char *name;
	size_t len;
	NkgError *err;
	size_t ent_bytes, ent_refs; /* entity expansion so far */
	int ent_failed;
	int oom;
	const Report *rep; /* what libxml2 reported while parsing */
} Ctx;

/* The parts of a record as they are found. */
typedef struct {
	char *title, *date, *id, *url;
	NkgBuf body;
} Parts;

typedef enum { RULES_HTML, RULES_NITF } Rules;

typedef struct {
	Ctx *x;
	Rules rules;
	int classes; /* also drop by class and id words (HTML) */
	int flat;    /* blocks become spaces: headlines, metadata */
	int space, para;
	int ent_depth;
	NkgBuf out;
} Walker;

/* ---- libxml2 parse with a private error report ---- */

static void record_error(Report *r, const xmlError *e)
{
	/* keep the first error, or the first fatal one after errors */
	if (!r || !e || e->level < XML_ERR_ERROR || r->fatal ||
	    (r->have && e->level != XML_ERR_FATAL))
		return;
	r->have = 1;
	r->fatal = e->level == XML_ERR_FATAL;
	r->code = e->code;
	r->line = e->line;
	snprintf(r->msg, sizeof r->msg, "%s",
	         e->message ? e->message : "unknown libxml2 error");
	char *huge = strstr(r->msg, " use XML_PARSE_HUGE");
	if (huge)
		*huge = '\0'; /* a hint for programmers, not for users */
	size_t n = strlen(r->msg);
	while (n && (r->msg[n - 1] == '\n' || r->msg[n - 1] == ' '))
		r->msg[--n] = '\0';
}

/* Receives the reports of the parser context; DATA is the context. */
static void on_ctxt_error(void *data, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = data;
	record_error(ctxt ? ctxt->_private : NULL, e);
}

/* Receives reports raised outside the context. */
static void on_global_error(void *data, xmlErrorPtr e)
{
	record_error(data, e);
}

static void on_generic_error(void *data, const char *msg, ...)
{
	(void)data;
	(void)msg;
}

static xmlParserInputPtr refuse_entity(const char *url, const char *id,
                                       xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	if (ctxt && ctxt->_private)
		((Report *)ctxt->_private)->ext_refused = 1;
	return NULL;
}

/* Does the page name its character set? */
static int names_charset(const char *buf, size_t len)
{
	static const char key[] = "charset";
	for (size_t i = 0; i + sizeof key - 1 <= len; i++) {
		size_t k = 0;
		while (k < sizeof key - 1 && (buf[i + k] | 0x20) == key[k])
			k++;
		if (k == sizeof key - 1)
			return 1;
	}
	return 0;
}

/* Web pages often omit their character set, and libxml2 then reads them
 * as ISO-8859-1.  A page that is valid UTF-8 is read as UTF-8 (a <meta
 * charset> still overrides this), one that is not and says nothing is
 * read as windows-1252, which is what browsers do. */
static void html_encoding(xmlParserCtxtPtr ctxt, const char *buf, size_t len)
{
	if (nkg_input_utf8_valid(buf, len) == len) {
		xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	} else if (!names_charset(buf, len)) {
		xmlCharEncodingHandlerPtr h =
		        xmlFindCharEncodingHandler("windows-1252");
		if (h)
			xmlSwitchToEncoding(ctxt, h);
	}
}

/* Parses BUF as HTML or XML.  Returns a new tree the caller frees with
 * xmlFreeDoc(), or NULL with REP filled (REP->have is 0 when memory ran
 * out).  HTML is parsed in recovery mode, so it fails only when empty. */
static xmlDocPtr parse(const char *buf, size_t len, int html, Report *rep)
{
	xmlInitParser();
	xmlGenericErrorFunc old_generic = xmlGenericError;
	void *old_generic_ctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc old_structured = xmlStructuredError;
	void *old_structured_ctx = xmlStructuredErrorContext;
	xmlExternalEntityLoader old_loader = xmlGetExternalEntityLoader();
	xmlSetGenericErrorFunc(NULL, on_generic_error);
	xmlSetStructuredErrorFunc(rep, on_global_error);
	xmlSetExternalEntityLoader(refuse_entity);

	xmlDocPtr doc = NULL;
	xmlParserCtxtPtr ctxt = html ? htmlCreateMemoryParserCtxt(buf, (int)len)
	                             : xmlCreateMemoryParserCtxt(buf, (int)len);
	if (ctxt) {
		ctxt->_private = rep;
		if (ctxt->sax)
			ctxt->sax->serror = on_ctxt_error;
		if (html)
			htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET |
			                                 HTML_PARSE_NOERROR |
			                                 HTML_PARSE_NOWARNING |
			                                 HTML_PARSE_RECOVER);
		else
			xmlCtxtUseOptions(ctxt, XML_PARSE_NONET |
			                                XML_PARSE_NOERROR |
			                                XML_PARSE_NOWARNING);
		if (html)
			html_encoding(ctxt, buf, len);
		/* whatever process-wide defaults another library set */
		ctxt->replaceEntities = 0;
		ctxt->loadsubset = 0;
		ctxt->validate = 0;
		if (html)
			htmlParseDocument(ctxt);
		else
			xmlParseDocument(ctxt);
		doc = ctxt->myDoc;
		ctxt->myDoc = NULL;
		if (!html && (!ctxt->wellFormed || rep->ext_refused)) {
			xmlFreeDoc(doc);
			doc = NULL;
			if (!rep->have) {
				rep->have = 1;
				rep->line = ctxt->input ? ctxt->input->line : 0;
				snprintf(rep->msg, sizeof rep->msg, "%s",
				         rep->ext_refused ? "refers to an "
				                            "external resource"
				                          : "not well-formed");
			}
		}
		if (html)
			htmlFreeParserCtxt(ctxt);
		else
			xmlFreeParserCtxt(ctxt);
	} else {
		rep->oom = 1;
	}

	xmlSetExternalEntityLoader(old_loader);
	xmlSetStructuredErrorFunc(old_structured_ctx, old_structured);
	xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
	return doc;
}

/* Fills X->err from a failed parse. */
static NkgStatus parse_failed(Ctx *x, const Report *rep, const char *kind)
{
	if (rep->oom || !rep->have)
		return nkg_input_fail(x->err, NKG_ERR_INTERNAL, x->name, 0, -1,
		                      "%s: out of memory while parsing %s",
		                      x->name, kind);
	if (rep->code == XML_ERR_ENTITY_LOOP ||
	    strstr(rep->msg, "mplification"))
		return nkg_input_fail(
		        x->err, NKG_ERR_INPUT, x->name, rep->line, -1,
		        "%s: line %d: entity expansion refused (%s); the file "
		        "defines entities that expand without bound, remove "
		        "its DOCTYPE entity declarations",
		        x->name, rep->line, rep->msg);
	return nkg_input_fail(x->err, NKG_ERR_INPUT, x->name, rep->line, -1,
	                      "%s: line %d: %s; the file is not well-formed "
	                      "%s, fix it or choose another --input-format",
	                      x->name, rep->line, rep->msg, kind);
}

/* ---- tree helpers ---- */

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int eq_ci(const char *a, const char *b)
{
	while (*a && lower(*a) == lower(*b))
		a++, b++;
	return lower(*a) == lower(*b);
}

/* Is N an element with local name NAME (ASCII case ignored)? */
static int is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->name &&
	       eq_ci((const char *)n->name, name);
}

static int is_one_of(const xmlNode *n, const char *const *names)
{
	if (!n || n->type != XML_ELEMENT_NODE || !n->name)
		return 0;
	for (; *names; names++)
		if (eq_ci((const char *)n->name, *names))
			return 1;
	return 0;
}

static xmlNode *child(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

/* Returns a new copy of attribute NAME of N, or NULL.  Only its text is
 * taken: entity references in attribute values are not expanded. */
static char *attr(Ctx *x, const xmlNode *n, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (xmlAttr *a = n->properties; a; a = a->next) {
		if (!a->name || !eq_ci((const char *)a->name, name))
			continue;
		NkgBuf b = {0};
		nkg_buf_add(&b, "", 0);
		for (xmlNode *t = a->children; t; t = t->next)
			if (t->type == XML_TEXT_NODE && t->content)
				nkg_buf_add(&b, (const char *)t->content,
				            strlen((const char *)t->content));
		if (b.oom)
			x->oom = 1;
		return b.s;
	}
	return NULL;
}

/* Does attribute NAME of N hold the white-space separated token TOKEN? */
static int attr_has_token(Ctx *x, const xmlNode *n, const char *name,
                          const char *token)
{
	char *v = attr(x, n, name);
	int found = 0;
	size_t tl = strlen(token);
	for (char *p = v; p && *p && !found;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		char *q = p;
		while (*q && *q != ' ' && *q != '\t' && *q != '\n' &&
		       *q != '\r')
			q++;
		if ((size_t)(q - p) == tl) {
			found = 1;
			for (size_t i = 0; i < tl; i++)
				if (lower(p[i]) != lower(token[i]))
					found = 0;
		}
		p = q;
	}
	free(v);
	return found;
}

/* The node after N in document order below TOP, entering N's children
 * when DOWN; NULL at the end.  Entity content is never entered. */
static xmlNode *next_node(xmlNode *n, const xmlNode *top, int down)
{
	if (down && n->children &&
	    (n->type == XML_ELEMENT_NODE || n->type == XML_DOCUMENT_NODE ||
	     n->type == XML_HTML_DOCUMENT_NODE))
		return n->children;
	while (n && n != top) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* The first element below TOP (not TOP itself) named NAME. */
static xmlNode *find(xmlNode *top, const char *name)
{
	for (xmlNode *n = next_node(top, top, 1); n; n = next_node(n, top, 1))
		if (is(n, name))
			return n;
	return NULL;
}

/* ---- the text walker ---- */

static const char *const block_names[] = {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "br",
        "blockquote", "tr", "section", "article", "dd", "dt", "pre", "ul", "ol",
        "dl", "table", "thead", "tbody", "tfoot", "hr", "main", "address",
        "center", "details", "summary", "fieldset", "hgroup", "caption", "body",
        "html",
        /* NITF */
        "hl1", "hl2", "block", "bq", "note", "fn", "body.content", "nitf-table",
        NULL};

static const char *const cell_names[] = {"td", "th", "img", NULL};

static const char *const html_drop[] = {
        "script", "style",    "noscript",   "nav",      "header", "footer",
        "aside",  "figure",   "figcaption", "form",     "button", "iframe",
        "svg",    "template", "select",     "textarea", "object", "embed",
        "canvas", "audio",    "video",      "dialog",   "menu",   "head",
        "title",  "math",     NULL};

static const char *const nitf_drop[] = {"media",
                                        "media-caption",
                                        "media-reference",
                                        "media-object",
                                        "media-metadata",
                                        "media-producer",
                                        "caption",
                                        "body.head",
                                        "body.end",
                                        "head",
                                        NULL};

static const char *const drop_roles[] = {
        "navigation", "banner",  "contentinfo", "complementary", "search",
        "menu",       "menubar", "dialog",      "alert",         NULL};

/* Words that mark page furniture in a class or id.  AT_START words match
 * only at the start of a word ("ad-slot", "top-nav"), not inside one
 * ("lead-in", "unavailable"). */
static const struct {
	const char *word;
	int at_start;
} furniture[] = {
        {"nav", 1},       {"menu", 0},     {"footer", 0},  {"header", 0},
        {"sidebar", 0},   {"share", 0},    {"social", 0},  {"related", 0},
        {"most-read", 0}, {"mostread", 0}, {"popular", 0}, {"newsletter", 0},
        {"subscribe", 0}, {"advert", 0},   {"ad-", 1},     {"promo", 0},
        {"cookie", 0},    {"caption", 0},  {"comment", 0}, {"breadcrumb", 0},
};

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static int furniture_words(const char *v)
{
	if (!v)
		return 0;
	for (size_t f = 0; f < sizeof furniture / sizeof furniture[0]; f++) {
		const char *w = furniture[f].word;
		size_t wl = strlen(w);
		for (const char *p = v; *p; p++) {
			size_t k = 0;
			while (k < wl && lower(p[k]) == w[k])
				k++;
			if (k < wl)
				continue;
			if (furniture[f].at_start && p > v && is_alnum(p[-1]))
				continue;
			if (!strcmp(w, "comment") && !strncmp(p + wl, "ary", 3))
				continue; /* "commentary" is an article kind */
			return 1;
		}
	}
	return 0;
}

/* Should the walker skip element N and everything in it? */
static int dropped(Walker *w, const xmlNode *n)
{
	Ctx *x = w->x;
	if (w->rules == RULES_NITF)
		return is_one_of(n, nitf_drop);
	if (is_one_of(n, html_drop))
		return 1;
	if (!n->properties)
		return 0;
	int drop = 0;
	char *v = attr(x, n, "hidden");
	drop = v != NULL;
	free(v);
	if (!drop && (v = attr(x, n, "aria-hidden"))) {
		drop = eq_ci(v, "true");
		free(v);
	}
	if (!drop && (v = attr(x, n, "role"))) {
		for (const char *const *r = drop_roles; *r && !drop; r++)
			drop = eq_ci(v, *r);
		free(v);
	}
	if (!drop && (v = attr(x, n, "style"))) {
		size_t k = 0;
		for (char *p = v; *p; p++)
			if (*p != ' ')
				v[k++] = lower(*p);
		v[k] = '\0';
		drop = strstr(v, "display:none") != NULL ||
		       strstr(v, "visibility:hidden") != NULL;
		free(v);
	}
	if (!drop && w->classes) {
		v = attr(x, n, "class");
		drop = furniture_words(v);
		free(v);
		if (!drop) {
			v = attr(x, n, "id");
			drop = furniture_words(v);
			free(v);
		}
	}
	return drop;
}

static int is_ws(const unsigned char *p)
{
	return *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
	       *p == '\f' || *p == '\v' || (p[0] == 0xc2 && p[1] == 0xa0);
}

/* Appends text S: white space collapses into the pending separator. */
static void add_text(Walker *w, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (p && *p) {
		if (is_ws(p)) {
			w->space = 1;
			p += *p == 0xc2 ? 2 : 1;
			continue;
		}
		const unsigned char *q = p;
		while (*q && !is_ws(q))
			q++;
		if (w->out.len && w->para && !w->flat)
			nkg_buf_add(&w->out, "\n\n", 2);
		else if (w->out.len && (w->para || w->space))
			nkg_buf_add(&w->out, " ", 1);
		w->para = w->space = 0;
		nkg_buf_add(&w->out, (const char *)p, (size_t)(q - p));
		if (w->ent_depth) {
			w->x->ent_bytes += (size_t)(q - p);
			if (w->x->ent_bytes > w->x->len + ENT_EXTRA_BYTES)
				w->x->ent_failed = 1;
		}
		p = q;
	}
}

static void boundary(Walker *w, const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE)
		return;
	if (is_one_of(n, block_names))
		w->para = 1;
	else if (is_one_of(n, cell_names))
		w->space = 1;
}

static void walk(Walker *w, xmlNode *top);

/* Walks the content of the internal entity that REF refers to; external
 * entities are never read.  A reference to an undeclared entity (the DTD
 * that declares it is never loaded) is read as the HTML entity of that
 * name, if there is one: "&nbsp;", "&mdash;". */
static void expand(Walker *w, xmlNode *ref)
{
	xmlEntityPtr ent = (xmlEntityPtr)ref->children;
	if (!ent || ent->type != XML_ENTITY_DECL) {
		const htmlEntityDesc *h =
		        ref->name ? htmlEntityLookup(ref->name) : NULL;
		if (h) {
			char u[5] = {0};
			unsigned v = h->value;
			if (v < 0x80) {
				u[0] = (char)v;
			} else if (v < 0x800) {
				u[0] = (char)(0xc0 | v >> 6);
				u[1] = (char)(0x80 | (v & 0x3f));
			} else {
				u[0] = (char)(0xe0 | v >> 12);
				u[1] = (char)(0x80 | (v >> 6 & 0x3f));
				u[2] = (char)(0x80 | (v & 0x3f));
			}
			add_text(w, u);
		}
		return;
	}
	if (ent->etype != XML_INTERNAL_GENERAL_ENTITY)
		return;
	if (++w->x->ent_refs > ENT_MAX_REFS || w->ent_depth >= ENT_MAX_DEPTH) {
		w->x->ent_failed = 1;
		return;
	}
	w->ent_depth++;
	walk(w, (xmlNode *)ent);
	w->ent_depth--;
}

/* Appends the text below TOP (not TOP itself) to W. */
static void walk(Walker *w, xmlNode *top)
{
	xmlNode *n = top ? top->children : NULL;
	while (n) {
		int down = 0;
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			add_text(w, (const char *)n->content);
			break;
		case XML_ELEMENT_NODE:
			if (dropped(w, n)) {
				w->space = 1;
				break;
			}
			boundary(w, n);
			down = n->children != NULL;
			break;
		case XML_ENTITY_REF_NODE:
			expand(w, n);
			break;
		default:
			break;
		}
		if (w->x->ent_failed || w->out.oom)
			return;
		if (down) {
			n = n->children;
			continue;
		}
		for (;;) {
			boundary(w, n);
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (!n || n == top)
				return;
		}
	}
}

static void walker_init(Walker *w, Ctx *x, Rules rules, int classes, int flat)
{
	memset(w, 0, sizeof *w);
	w->x = x;
	w->rules = rules;
	w->classes = classes;
	w->flat = flat;
}

/* Returns the text below N on one line, as a new string, or NULL when
 * there is none. */
static char *node_text(Ctx *x, xmlNode *n, Rules rules)
{
	Walker w;
	walker_init(&w, x, rules, 0, 1);
	walk(&w, n);
	if (w.out.oom)
		x->oom = 1;
	if (!w.out.len) {
		nkg_buf_free(&w.out);
		return NULL;
	}
	return w.out.s;
}

/* Returns S with white space collapsed, as a new string, or NULL when S
 * is NULL or blank. */
static char *collapse(Ctx *x, const char *s)
{
	Walker w;
	walker_init(&w, x, RULES_HTML, 0, 1);
	add_text(&w, s);
	if (w.out.oom)
		x->oom = 1;
	if (!w.out.len) {
		nkg_buf_free(&w.out);
		return NULL;
	}
	return w.out.s;
}

/* Sets *SLOT to VALUE (taken) unless it is already set. */
static void take(char **slot, char *value)
{
	if (!*slot)
		*slot = value;
	else
		free(value);
}

/* Sets *SLOT to the date in S unless it is already set; frees S. */
static void take_date(char **slot, char *s)
{
	if (!*slot && s)
		*slot = nkg_input_date(s, strlen(s));
	free(s);
}

/* ---- JSON-LD (schema.org) metadata of web pages ---- */

typedef struct {
	int score;
	char *headline, *date, *url;
} LinkedData;

static const char *local_type(const char *t)
{
	const char *p = strrchr(t, '/');
	const char *q = strrchr(t, ':');
	const char *r = p > q ? p : q;
	return r ? r + 1 : t;
}

static int type_score(const char *t)
{
	static const char *const articles[] = {"Article",
	                                       "BlogPosting",
	                                       "LiveBlogPosting",
	                                       "Report",
	                                       "ScholarlyArticle",
	                                       "TechArticle",
	                                       "SocialMediaPosting",
	                                       NULL};
	t = local_type(t);
	size_t n = strlen(t);
	if (n >= 11 && !strcmp(t + n - 11, "NewsArticle"))
		return 3;
	for (const char *const *a = articles; *a; a++)
		if (!strcmp(t, *a))
			return 2;
	return 0;
}

static char *json_string(const NkgJson *v)
{
	size_t n;
	const char *s = v ? nkg_json_string(v, &n) : NULL;
	if (!s || memchr(s, '\0', n))
		return NULL;
	return nkg_input_strndup(s, n);
}

static void ld_visit(Ctx *x, LinkedData *ld, const NkgJson *v, int depth)
{
	if (!v || depth > 8)
		return;
	if (nkg_json_type(v) == NKG_JSON_ARRAY) {
		for (size_t i = 0; i < nkg_json_size(v); i++)
			ld_visit(x, ld, nkg_json_at(v, i), depth + 1);
		return;
	}
	if (nkg_json_type(v) != NKG_JSON_OBJECT)
		return;
	const NkgJson *t = nkg_json_get(v, "@type");
	const char *s = t ? nkg_json_string(t, NULL) : NULL;
	int score = s ? type_score(s) : 0;
	for (size_t i = 0; t && i < nkg_json_size(t); i++)
		if ((s = nkg_json_string(nkg_json_at(t, i), NULL)) &&
		    type_score(s) > score)
			score = type_score(s);
	if (score > ld->score) {
		char *h = json_string(nkg_json_get(v, "headline"));
		if (!h)
			h = json_string(nkg_json_get(v, "name"));
		char *d = json_string(nkg_json_get(v, "datePublished"));
		if (!d)
			d = json_string(nkg_json_get(v, "dateCreated"));
		char *u = json_string(nkg_json_get(v, "url"));
		const NkgJson *m = nkg_json_get(v, "mainEntityOfPage");
		if (!u && m && nkg_json_type(m) == NKG_JSON_OBJECT)
			u = json_string(nkg_json_get(m, "@id"));
		if (!u)
			u = json_string(m);
		free(ld->headline);
		free(ld->date);
		free(ld->url);
		ld->score = score;
		ld->headline = h;
		ld->date = d;
		ld->url = u;
	}
	ld_visit(x, ld, nkg_json_get(v, "@graph"), depth + 1);
}

static void ld_script(Ctx *x, LinkedData *ld, xmlNode *script)
{
	NkgBuf b = {0};
	for (xmlNode *t = script->children; t; t = t->next)
		if ((t->type == XML_TEXT_NODE ||
		     t->type == XML_CDATA_SECTION_NODE) &&
		    t->content)
			nkg_buf_add(&b, (const char *)t->content,
			            strlen((const char *)t->content));
	if (b.oom)
		x->oom = 1;
	NkgJson *v = NULL;
	size_t at;
	/* a broken block only loses its metadata */
	if (b.len && !nkg_json_parse(b.s, b.len, &v, &at, NULL, 0))
		ld_visit(x, ld, v, 0);
	nkg_json_free(v);
	nkg_buf_free(&b);
}

/* ---- web pages (HTML, and XHTML inside NewsML-G2) ---- */

typedef struct {
	char *og_title, *og_url, *site_name, *published, *meta_date;
	char *canonical, *title, *item_date;
	LinkedData ld;
} PageMeta;

static void page_meta_free(PageMeta *m)
{
	free(m->og_title);
	free(m->og_url);
	free(m->site_name);
	free(m->published);
	free(m->meta_date);
	free(m->canonical);
	free(m->title);
	free(m->item_date);
	free(m->ld.headline);
	free(m->ld.date);
	free(m->ld.url);
}

static void page_meta(Ctx *x, xmlNode *top, PageMeta *m)
{
	static const char *const date_names[] = {"date",
	                                         "pubdate",
	                                         "publishdate",
	                                         "dc.date",
	                                         "dc.date.issued",
	                                         "dcterms.created",
	                                         "dcterms.date",
	                                         "parsely-pub-date",
	                                         "sailthru.date",
	                                         "article.published",
	                                         NULL};
	for (xmlNode *n = next_node(top, top, 1); n && !x->oom;
	     n = next_node(n, top, 1)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is(n, "meta")) {
			char *key = attr(x, n, "property");
			if (!key)
				key = attr(x, n, "name");
			if (!key) {
				take_date(&m->item_date,
				          attr_has_token(x, n, "itemprop",
				                         "datePublished")
				                  ? attr(x, n, "content")
				                  : NULL);
				continue;
			}
			if (eq_ci(key, "og:title"))
				take(&m->og_title, attr(x, n, "content"));
			else if (eq_ci(key, "og:url"))
				take(&m->og_url, attr(x, n, "content"));
			else if (eq_ci(key, "og:site_name") ||
			         eq_ci(key, "application-name"))
				take(&m->site_name, attr(x, n, "content"));
			else if (eq_ci(key, "article:published_time"))
				take_date(&m->published, attr(x, n, "content"));
			else
				for (const char *const *d = date_names; *d; d++)
					if (eq_ci(key, *d))
						take_date(
						        &m->meta_date,
						        attr(x, n, "content"));
			free(key);
		} else if (is(n, "link") &&
		           attr_has_token(x, n, "rel", "canonical")) {
			take(&m->canonical, attr(x, n, "href"));
		} else if (is(n, "title") && !m->title) {
			m->title = node_text(x, n, RULES_HTML);
		} else if (is(n, "script")) {
			char *type = attr(x, n, "type");
			if (type && strstr(type, "ld+json"))
				ld_script(x, &m->ld, n);
			free(type);
		}
	}
}

/* Strips a " | Site" or " - Site" suffix naming SITE from TITLE. */
static void strip_site(char *title, const char *site)
{
	static const char *const seps[] = {
	        "|", "-", ":", "\xc2\xb7", "\xe2\x80\x93", "\xe2\x80\x94",
	        NULL};
	if (!title || !site || !*site)
		return;
	size_t tl = strlen(title), sl = strlen(site);
	if (tl <= sl + 3 || !eq_ci(title + tl - sl, site))
		return;
	size_t end = tl - sl;
	while (end > 0 && title[end - 1] == ' ')
		end--;
	for (const char *const *sep = seps; *sep; sep++) {
		size_t n = strlen(*sep);
		if (end > n && !memcmp(title + end - n, *sep, n)) {
			end -= n;
			while (end > 0 && title[end - 1] == ' ')
				end--;
			if (end > 0)
				title[end] = '\0';
			return;
		}
	}
}

/* Is N inside an element that the strict rules drop (up to TOP)? */
static int in_furniture(Walker *w, const xmlNode *n, const xmlNode *top)
{
	for (; n && n != top; n = n->parent)
		if (n->type == XML_ELEMENT_NODE && !is(n, "body") &&
		    !is(n, "html") && dropped(w, n))
			return 1;
	return 0;
}

/* The element that holds the story below TOP: the <article> with the
 * most text, else [itemprop=articleBody], else <main>, else the page. */
static xmlNode *story_root(Ctx *x, xmlNode *top, int classes)
{
	Walker w;
	walker_init(&w, x, RULES_HTML, classes, 0);
	xmlNode *best = NULL, *body_prop = NULL, *main_el = NULL, *body = NULL;
	size_t best_len = 0;
	for (xmlNode *n = next_node(top, top, 1); n && !x->oom;
	     n = next_node(n, top, 1)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is(n, "body") && !body)
			body = n;
		if (is(n, "article") && !in_furniture(&w, n, top)) {
			Walker t;
			walker_init(&t, x, RULES_HTML, classes, 0);
			walk(&t, n);
			if (!best || t.out.len > best_len) {
				best = n;
				best_len = t.out.len;
			}
			nkg_buf_free(&t.out);
		} else if (!body_prop && n->properties &&
		           attr_has_token(x, n, "itemprop", "articleBody") &&
		           !in_furniture(&w, n, top)) {
			body_prop = n;
		} else if (!main_el &&
		           (is(n, "main") ||
		            attr_has_token(x, n, "role", "main")) &&
		           !in_furniture(&w, n, top)) {
			main_el = n;
		}
	}
	if (best || body_prop || main_el)
		return best ? best : body_prop ? body_prop : main_el;
	/* libxml2 puts what follows a stray </body> or </html> beside the
	 * body, so the whole page is read; its <head> is dropped */
	if (body && is(body->parent, "html"))
		return body->parent;
	return body ? body : top;
}

/* The publication time given inside the story: <time datetime> or
 * itemprop=datePublished. */
static char *story_time(Ctx *x, xmlNode *root)
{
	for (xmlNode *n = next_node(root, root, 1); n;
	     n = next_node(n, root, 1)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		char *v = NULL;
		if (is(n, "time") ||
		    attr_has_token(x, n, "itemprop", "datePublished"))
			v = attr(x, n, "datetime");
		if (!v && attr_has_token(x, n, "itemprop", "datePublished"))
			v = attr(x, n, "content");
		char *d = v ? nkg_input_date(v, strlen(v)) : NULL;
		free(v);
		if (d)
			return d;
	}
	return NULL;
}

static void html_article(Ctx *x, xmlNode *top, Parts *p)
{
	PageMeta m = {0};
	page_meta(x, top, &m);
	strip_site(m.title, m.site_name);

	xmlNode *root = NULL;
	for (int classes = 1; classes >= 0 && !p->body.len; classes--) {
		root = story_root(x, top, classes);
		Walker w;
		walker_init(&w, x, RULES_HTML, classes, 0);
		walk(&w, root);
		nkg_buf_free(&p->body);
		p->body = w.out;
		if (x->ent_failed)
			break;
	}

	char *t = collapse(x, m.og_title);
	if (!t)
		t = collapse(x, m.ld.headline);
	if (!t)
		t = collapse(x, m.title);
	if (!t && root) {
		xmlNode *h1 = find(root, "h1");
		t = h1 ? node_text(x, h1, RULES_HTML) : NULL;
	}
	take(&p->title, t);

	take(&p->date, m.published);
	m.published = NULL;
	take_date(&p->date, m.ld.date);
	m.ld.date = NULL;
	if (!p->date && root)
		p->date = story_time(x, root);
	take(&p->date, m.meta_date);
	m.meta_date = NULL;
	take(&p->date, m.item_date);
	m.item_date = NULL;

	take(&p->url, collapse(x, m.canonical));
	take(&p->url, collapse(x, m.og_url));
	take(&p->url, collapse(x, m.ld.url));
	page_meta_free(&m);
}

/* ---- NITF ---- */

static char *norm_attr(Ctx *x, xmlNode *n, const char *name)
{
	char *v = attr(x, n, name);
	char *d = v ? nkg_input_date(v, strlen(v)) : NULL;
	free(v);
	return d;
}

static void nitf_body(Ctx *x, xmlNode *content, Parts *p)
{
	Walker w;
	walker_init(&w, x, RULES_NITF, 0, 0);
	walk(&w, content);
	nkg_buf_free(&p->body);
	p->body = w.out;
}

static void nitf_article(Ctx *x, xmlNode *nitf, Parts *p)
{
	xmlNode *head = child(nitf, "head");
	xmlNode *body = child(nitf, "body");
	xmlNode *bhead = child(body, "body.head");
	xmlNode *docdata = child(head, "docdata");

	xmlNode *hl1 = child(child(bhead, "hedline"), "hl1");
	take(&p->title, hl1 ? node_text(x, hl1, RULES_NITF) : NULL);
	xmlNode *title = child(head, "title");
	take(&p->title, title ? node_text(x, title, RULES_NITF) : NULL);

	take(&p->id, attr(x, child(docdata, "doc-id"), "id-string"));
	take(&p->date, norm_attr(x, child(docdata, "date.issue"), "norm"));
	take(&p->date,
	     norm_attr(x, child(head, "pubdata"), "date.publication"));
	take(&p->date,
	     norm_attr(x, child(child(bhead, "dateline"), "story.date"),
	               "norm"));
	take(&p->date, norm_attr(x, child(docdata, "date.release"), "norm"));
	for (xmlNode *m = head ? head->children : NULL; m; m = m->next) {
		if (!is(m, "meta"))
			continue;
		char *name = attr(x, m, "name");
		if (name && (eq_ci(name, "url") || eq_ci(name, "canonical")))
			take(&p->url, attr(x, m, "content"));
		free(name);
	}

	xmlNode *content = child(body, "body.content");
	if (content)
		nitf_body(x, content, p);
}

/* ---- NewsML-G2 ---- */

/* Appends plain text S keeping its line structure: lines are trimmed,
 * runs of blank lines become one. */
static void plain_text(Ctx *x, const char *s, NkgBuf *out)
{
	int blank_lines = 0;
	while (s && *s) {
		const char *e = s;
		while (*e && *e != '\n')
			e++;
		char *line = nkg_input_strndup(s, (size_t)(e - s));
		char *c = line ? collapse(x, line) : NULL;
		if (!line)
			x->oom = 1;
		if (c) {
			if (out->len)
				nkg_buf_add(out, "\n\n", blank_lines ? 2 : 1);
			nkg_buf_add(out, c, strlen(c));
			blank_lines = 0;
		} else if (out->len) {
			blank_lines = 1;
		}
		free(c);
		free(line);
		s = *e ? e + 1 : e;
	}
}

static xmlNode *first_element(xmlNode *n)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

static void newsml_content(Ctx *x, xmlNode *set, Parts *p)
{
	for (xmlNode *c = set ? set->children : NULL; c && !p->body.len;
	     c = c->next) {
		if (is(c, "inlineXML")) {
			xmlNode *e = first_element(c);
			if (is(e, "nitf"))
				nitf_article(x, e, p);
			else if (is(e, "body.content"))
				nitf_body(x, e, p);
			else if (e)
				html_article(x, c, p);
		} else if (is(c, "inlineData")) {
			NkgBuf raw = {0};
			for (xmlNode *t = c->children; t; t = t->next)
				if ((t->type == XML_TEXT_NODE ||
				     t->type == XML_CDATA_SECTION_NODE) &&
				    t->content)
					nkg_buf_add(&raw,
					            (const char *)t->content,
					            strlen((const char *)
					                           t->content));
			if (raw.oom)
				x->oom = 1;
			nkg_buf_free(&p->body);
			plain_text(x, raw.s, &p->body);
			nkg_buf_free(&raw);
		}
		if (x->ent_failed || x->oom)
			return;
	}
}

static xmlNode *news_item(xmlNode *root)
{
	if (is(root, "newsItem"))
		return root;
	if (!is(root, "newsMessage"))
		return NULL;
	xmlNode *first = NULL;
	for (xmlNode *n = next_node(root, root, 1); n;
	     n = next_node(n, root, 1))
		if (is(n, "newsItem")) {
			if (child(n, "contentSet"))
				return n;
			if (!first)
				first = n;
		}
	return first;
}

static void newsml_article(Ctx *x, xmlNode *item, Parts *p)
{
	xmlNode *cmeta = child(item, "contentMeta");
	xmlNode *imeta = child(item, "itemMeta");
	xmlNode *h = child(cmeta, "headline");
	take(&p->title, h ? node_text(x, h, RULES_NITF) : NULL);
	take(&p->id, attr(x, item, "guid"));
	static const struct {
		int content;
		const char *name;
	} dates[] = {{0, "versionCreated"},
	             {1, "contentCreated"},
	             {0, "firstCreated"}};
	for (size_t i = 0; i < sizeof dates / sizeof dates[0] && !p->date;
	     i++) {
		xmlNode *d =
		        child(dates[i].content ? cmeta : imeta, dates[i].name);
		take_date(&p->date, d ? node_text(x, d, RULES_NITF) : NULL);
	}
	newsml_content(x, child(item, "contentSet"), p);
}

/* ---- the record ---- */

static void parts_free(Parts *p)
{
	free(p->title);
	free(p->date);
	free(p->id);
	free(p->url);
	nkg_buf_free(&p->body);
}

/* Moves P into OUT: the text is the headline, a blank line and the body,
 * unless the body already starts with the headline. */
static NkgStatus finish(Ctx *x, Parts *p, NkgRecord *out, const char *kind)
{
	if (x->ent_failed)
		return nkg_input_fail(
		        x->err, NKG_ERR_INPUT, x->name, 0, -1,
		        "%s: entity expansion stopped after %zu bytes and %zu "
		        "references; the file defines entities that expand "
		        "too much, remove its DOCTYPE entity declarations",
		        x->name, x->ent_bytes, x->ent_refs);
	if (x->oom || p->body.oom)
		return nkg_input_fail(x->err, NKG_ERR_INTERNAL, x->name, 0, -1,
		                      "%s: out of memory", x->name);
	if (!p->body.len && x->rep && x->rep->fatal)
		return nkg_input_fail(x->err, NKG_ERR_INPUT, x->name,
		                      x->rep->line, -1,
		                      "%s: line %d: %s; no article text could "
		                      "be read from the %s",
		                      x->name, x->rep->line, x->rep->msg, kind);
	if (!p->body.len)
		return nkg_input_fail(x->err, NKG_ERR_INPUT, x->name, 0, -1,
		                      "%s: no article text found in the %s; "
		                      "check that it is a news article and the "
		                      "--input-format",
		                      x->name, kind);
	NkgBuf text = {0};
	size_t tl = p->title ? strlen(p->title) : 0;
	const char *b = p->body.s;
	if (tl && !(strncmp(b, p->title, tl) == 0 &&
	            (b[tl] == '\0' || b[tl] == '\n'))) {
		nkg_buf_add(&text, p->title, tl);
		nkg_buf_add(&text, "\n\n", 2);
	}
	nkg_buf_add(&text, b, p->body.len);
	if (text.oom) {
		nkg_buf_free(&text);
		return nkg_input_fail(x->err, NKG_ERR_INTERNAL, x->name, 0, -1,
		                      "%s: out of memory", x->name);
	}
	memset(out, 0, sizeof *out);
	out->text = text.s;
	out->len = text.len;
	out->title = p->title;
	out->date = p->date;
	out->id = p->id;
	out->url = p->url;
	p->title = p->date = p->id = p->url = NULL;
	return NKG_SUCCESS;
}

NkgStatus nkg_read_markup(NkgInputFormat fmt, const char *buf, size_t len,
                          const char *name, NkgRecord *out, NkgError *err)
{
	static const char *const kinds[] = {[NKG_INPUT_HTML] = "HTML",
	                                    [NKG_INPUT_NITF] = "NITF XML",
	                                    [NKG_INPUT_NEWSML] =
	                                            "NewsML-G2 XML"};
	Ctx x = {name ? name : "<input>", len, err, 0, 0, 0, 0, NULL};
	if (out)
		memset(out, 0, sizeof *out);
	if (!out || (fmt != NKG_INPUT_HTML && fmt != NKG_INPUT_NITF &&
	             fmt != NKG_INPUT_NEWSML))
		return nkg_input_fail(err, NKG_ERR_USAGE, x.name, 0, -1,
		                      "%s: not a markup format (use html, "
		                      "nitf or newsml)",
		                      x.name);
	const char *kind = kinds[fmt];
	size_t lead = 0;
	while (buf && lead < len &&
	       (buf[lead] == ' ' || buf[lead] == '\t' || buf[lead] == '\n' ||
	        buf[lead] == '\r'))
		lead++;
	if (!buf || lead == len) {
		/* nothing in, nothing out: an empty record, like an empty
		 * text file */
		if (!(out->text = calloc(1, 1)))
			return nkg_input_fail(err, NKG_ERR_INTERNAL, x.name, 0,
			                      -1, "%s: out of memory", x.name);
		return NKG_SUCCESS;
	}
	if (len > INT_MAX)
		return nkg_input_fail(err, NKG_ERR_INPUT, x.name, 0, -1,
		                      "%s: %zu bytes is too large for one "
		                      "article; split the file",
		                      x.name, len);

	char why[256];
	if (nkg_libxml_load(why, sizeof why))
		return nkg_input_fail(err, NKG_ERR_INTERNAL, x.name, 0, -1,
		                      "%s: %s", x.name, why);
	Report rep = {0};
	xmlDocPtr doc = parse(buf, len, fmt == NKG_INPUT_HTML, &rep);
	if (!doc)
		return fmt == NKG_INPUT_HTML && !rep.oom
		               ? nkg_input_fail(err, NKG_ERR_INPUT, x.name, 0,
		                                -1,
		                                "%s: no HTML document found; "
		                                "check the --input-format",
		                                x.name)
		               : parse_failed(&x, &rep, kind);

	x.rep = &rep;
	Parts p = {0};
	xmlNode *root = xmlDocGetRootElement(doc);
	NkgStatus st = NKG_SUCCESS;
	if (fmt == NKG_INPUT_HTML) {
		html_article(&x, (xmlNode *)doc, &p);
	} else if (fmt == NKG_INPUT_NITF) {
		if (is(root, "nitf"))
			nitf_article(&x, root, &p);
		else
			st = nkg_input_fail(
			        err, NKG_ERR_INPUT, x.name,
			        root ? root->line : 0, -1,
			        "%s: line %d: the root element is <%s>, not "
			        "<nitf>; check the --input-format",
			        x.name, root ? root->line : 0,
			        root ? (const char *)root->name : "(none)");
	} else {
		xmlNode *item = news_item(root);
		if (item)
			newsml_article(&x, item, &p);
		else
			st = nkg_input_fail(
			        err, NKG_ERR_INPUT, x.name,
			        root ? root->line : 0, -1,
			        "%s: line %d: the root element is <%s>, not a "
			        "NewsML-G2 <newsItem> or <newsMessage>; check "
			        "the "
			        "--input-format",
			        x.name, root ? root->line : 0,
			        root ? (const char *)root->name : "(none)");
	}
	if (!st)
		st = finish(&x, &p, out, kind);
	parts_free(&p);
	xmlFreeDoc(doc);
	return st;
}
