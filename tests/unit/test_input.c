/* SPDX-License-Identifier: MIT */
/* test_input.c: format detection, HTML/NITF/NewsML-G2/JSON Lines readers,
 * hostile XML and bad JSON.  Sample files are in tests/data/input (or the
 * directory named by the first argument). */
#include "check.h"

#include "input/input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define CHECK_STR(got, want)                                                   \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		if (!g_ || !w_ || strcmp(g_, w_)) {                            \
			fprintf(stderr,                                        \
			        "%s:%d: %s is \"%s\", expected \"%s\"\n",      \
			        __FILE__, __LINE__, #got, g_ ? g_ : "(null)",  \
			        w_ ? w_ : "(null)");                           \
			failures++;                                            \
		}                                                              \
	} while (0)

static const char *data_dir = "tests/data/input";

static char *slurp(const char *file, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", data_dir, file);
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "cannot open %s\n", path);
		failures++;
		*len = 0;
		return NULL;
	}
	char *buf = NULL;
	size_t cap = 0, n = 0, k;
	do {
		if (n + 4096 > cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap + 1);
			if (!buf)
				abort();
		}
		k = fread(buf + n, 1, cap - n, f);
		n += k;
	} while (k > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static NkgStatus read_str(NkgInputFormat fmt, const char *s, NkgRecord *r,
                          NkgError *err)
{
	memset(err, 0, sizeof *err);
	return nkg_read_markup(fmt, s, strlen(s), "t.xml", r, err);
}

/* The expected text of every sample: article.txt without its newline. */
static char *expected_text;

static void check_sample(const char *file, NkgInputFormat fmt, const char *id,
                         const char *url)
{
	size_t len;
	char *buf = slurp(file, &len);
	if (!buf)
		return;
	CHECK(nkg_input_detect(buf, len, file) == fmt);
	CHECK(nkg_input_detect(buf, len, NULL) == fmt);
	NkgRecord r = {0};
	NkgError err = {0};
	NkgStatus st = nkg_read_markup(fmt, buf, len, file, &r, &err);
	if (st)
		fprintf(stderr, "%s: %s\n", file, err.message);
	CHECK(st == NKG_SUCCESS);
	CHECK_STR(r.text, expected_text);
	CHECK(r.text && r.len == strlen(r.text));
	CHECK(r.text && !strstr(r.text, "LEAK"));
	CHECK_STR(r.title,
	          "Kenya and Ethiopia open talks on Moyale border trade");
	CHECK_STR(r.date, "2026-02-21");
	if (id)
		CHECK_STR(r.id, id);
	else
		CHECK(r.id == NULL);
	if (url)
		CHECK_STR(r.url, url);
	else
		CHECK(r.url == NULL);
	nkg_record_clear(&r);
	CHECK(r.text == NULL && r.len == 0 && r.title == NULL);
	free(buf);
}

static void test_samples(void)
{
	size_t len;
	expected_text = slurp("article.txt", &len);
	if (!expected_text)
		return;
	while (len && expected_text[len - 1] == '\n')
		expected_text[--len] = '\0';
	CHECK(nkg_input_detect(expected_text, len, "article.txt") ==
	      NKG_INPUT_TEXT);
	CHECK(nkg_input_detect(expected_text, len, NULL) == NKG_INPUT_TEXT);

	check_sample("article.html", NKG_INPUT_HTML, NULL,
	             "https://news.example.org/africa/kenya-ethiopia-talks");
	check_sample("article.nitf", NKG_INPUT_NITF, "rvw-2026-02-21-0042",
	             NULL);
	check_sample("article.newsml.xml", NKG_INPUT_NEWSML,
	             "urn:newsml:news.example.org:20260221:rvw-0042", NULL);
	check_sample("article-xhtml.newsml.xml", NKG_INPUT_NEWSML,
	             "urn:newsml:news.example.org:20260221:rvw-0042-web", NULL);

	/* the JSON Lines sample gives the same record */
	char path[512];
	snprintf(path, sizeof path, "%s/article.jsonl", data_dir);
	FILE *f = fopen(path, "rb");
	CHECK(f != NULL);
	if (f) {
		NkgJsonlReader *jr = nkg_jsonl_open(f, "article.jsonl");
		NkgRecord r = {0};
		NkgError err = {0};
		int eof = 0;
		CHECK(nkg_jsonl_next(jr, &r, &eof, &err) == NKG_SUCCESS &&
		      !eof);
		CHECK_STR(r.text, expected_text);
		CHECK_STR(
		        r.title,
		        "Kenya and Ethiopia open talks on Moyale border trade");
		CHECK_STR(r.date, "2026-02-21");
		CHECK_STR(r.id, "rvw-2026-02-21-0042");
		CHECK_STR(
		        r.url,
		        "https://news.example.org/africa/kenya-ethiopia-talks");
		nkg_record_clear(&r);
		CHECK(nkg_jsonl_next(jr, &r, &eof, &err) == NKG_SUCCESS && eof);
		nkg_jsonl_close(jr);
		fclose(f);
	}
}

static void test_html(void)
{
	NkgRecord r = {0};
	NkgError err;

	/* JSON-LD (array form) gives title, date and URL; <title> loses */
	const char *ld =
	        "<html><head><title>Page title | Wire</title>"
	        "<script type=\"application/ld+json\">[{\"@type\": "
	        "\"Organization\","
	        " \"name\": \"Wire\"}, {\"@type\": [\"ReportageNewsArticle\"],"
	        " \"headline\": \"Talks \\u201copen\\u201d\","
	        " \"datePublished\": \"2025-12-31T23:30:00-05:00\","
	        " \"mainEntityOfPage\": {\"@id\": \"https://x.example/a\"}}]"
	        "</script></head><body><div itemprop=\"articleBody\">"
	        "<p>One.</p><p>Two<br>three.</p></div></body></html>";
	CHECK(read_str(NKG_INPUT_HTML, ld, &r, &err) == NKG_SUCCESS);
	CHECK_STR(r.title, "Talks \xe2\x80\x9copen\xe2\x80\x9d");
	CHECK_STR(r.date, "2025-12-31");
	CHECK_STR(r.url, "https://x.example/a");
	CHECK_STR(
	        r.text,
	        "Talks \xe2\x80\x9copen\xe2\x80\x9d\n\nOne.\n\nTwo\n\nthree.");
	nkg_record_clear(&r);

	/* <title> without the site name; <time> inside the article; a broken
	 * JSON-LD block is ignored; the body already starts with the title */
	const char *t =
	        "<html><head><title>Abiy visits Nairobi - Wire</title>"
	        "<meta name=\"application-name\" content=\"Wire\">"
	        "<script type=\"application/ld+json\">{\"@type\": </script>"
	        "</head><body><article><h1>Abiy visits  Nairobi</h1>"
	        "<p>By <time datetime=\"2026-01-05\">Monday</time>.</p>"
	        "<p>Text <i>in</i>line&nbsp;here.</p></article></body></html>";
	CHECK(read_str(NKG_INPUT_HTML, t, &r, &err) == NKG_SUCCESS);
	CHECK_STR(r.title, "Abiy visits Nairobi");
	CHECK_STR(r.date, "2026-01-05");
	CHECK(r.url == NULL);
	CHECK_STR(r.text,
	          "Abiy visits Nairobi\n\nBy Monday.\n\nText inline here.");
	nkg_record_clear(&r);

	/* <main>, else <body>; table cells spaced; a fragment */
	CHECK(read_str(NKG_INPUT_HTML,
	               "<body><div "
	               "class=\"top-menu\">Menu</div><main><table><tr>"
	               "<td>a</td><td>b</td></tr></table></main></body>",
	               &r, &err) == NKG_SUCCESS);
	CHECK_STR(r.text, "a b");
	CHECK(r.title == NULL);
	nkg_record_clear(&r);
	CHECK(read_str(NKG_INPUT_HTML, "<p>Just a fragment.</p>", &r, &err) ==
	      NKG_SUCCESS);
	CHECK_STR(r.text, "Just a fragment.");
	nkg_record_clear(&r);

	/* a page whose wrapper has a furniture word still gives its text;
	 * "lead-in" and "commentary" are not furniture */
	CHECK(read_str(
	              NKG_INPUT_HTML,
	              "<body><div class=\"page has-sidebar\"><p>Kept.</p></div>"
	              "</body>",
	              &r, &err) == NKG_SUCCESS);
	CHECK_STR(r.text, "Kept.");
	nkg_record_clear(&r);
	CHECK(read_str(NKG_INPUT_HTML,
	               "<article><p class=\"lead-in\">Lead.</p><div "
	               "class=\"commentary-body\">Opinion.</div><div "
	               "class=\"ad-wrapper\">Ad.</div><div hidden>H.</div>"
	               "<div style=\"display: none\">S.</div>"
	               "<div role=\"navigation\">R.</div></article>",
	               &r, &err) == NKG_SUCCESS);
	CHECK_STR(r.text, "Lead.\n\nOpinion.");
	nkg_record_clear(&r);

	/* text after a stray </html> is kept */
	CHECK(read_str(NKG_INPUT_HTML,
	               "<html><head><title>T</title></head><body><p>A.</p>"
	               "</body></html>\n<p>B.</p>",
	               &r, &err) == NKG_SUCCESS);
	CHECK_STR(r.text, "T\n\nA.\n\nB.");
	nkg_record_clear(&r);

	/* HTML without any text */
	CHECK(read_str(NKG_INPUT_HTML, "<html><body><nav>x</nav></body></html>",
	               &r, &err) == NKG_ERR_INPUT);
	CHECK(strstr(err.message, "t.xml: no article text") != NULL);
	CHECK(r.text == NULL);
	/* nothing in, an empty record out */
	CHECK(read_str(NKG_INPUT_HTML, "", &r, &err) == NKG_SUCCESS);
	CHECK(r.text && r.len == 0 && !r.text[0] && !r.title);
	nkg_record_clear(&r);
	CHECK(read_str(NKG_INPUT_NITF, " \r\n\t", &r, &err) == NKG_SUCCESS);
	CHECK(r.text && r.len == 0);
	nkg_record_clear(&r);
	CHECK(read_str(NKG_INPUT_TEXT, "x", &r, &err) == NKG_ERR_USAGE);

	/* character sets: UTF-8 without a declaration, windows-1252 with
	 * and without one */
	CHECK(read_str(NKG_INPUT_HTML, "<p>Kenya\xe2\x80\x99s caf\xc3\xa9</p>",
	               &r, &err) == NKG_SUCCESS);
	CHECK_STR(r.text, "Kenya\xe2\x80\x99s caf\xc3\xa9");
	nkg_record_clear(&r);
	CHECK(read_str(NKG_INPUT_HTML, "<p>Kenya\x92s caf\xe9</p>", &r, &err) ==
	      NKG_SUCCESS);
	CHECK_STR(r.text, "Kenya\xe2\x80\x99s caf\xc3\xa9");
	nkg_record_clear(&r);
	CHECK(read_str(NKG_INPUT_HTML,
	               "<meta http-equiv=\"Content-Type\" content=\"text/html; "
	               "charset=windows-1252\"><p>Kenya\x92s caf\xe9</p>",
	               &r, &err) == NKG_SUCCESS);
	CHECK_STR(r.text, "Kenya\xe2\x80\x99s caf\xc3\xa9");
	nkg_record_clear(&r);

	/* HTML entities are not XML entities: no DTD is read */
	CHECK(read_str(NKG_INPUT_HTML,
	               "<!DOCTYPE html SYSTEM \"file:///etc/passwd\">"
	               "<p>caf&eacute; &amp; tea</p>",
	               &r, &err) == NKG_SUCCESS);
	CHECK_STR(r.text, "caf\xc3\xa9 & tea");
	nkg_record_clear(&r);
}

static const char *nitf_doc =
        "<?xml version=\"1.0\"?>\n"
        "<nitf><head><title>Head title</title><docdata>"
        "<doc-id id-string=\"d1\"/></docdata>"
        "<pubdata date.publication=\"20251103T000000Z\"/></head>\n"
        "<body><body.content><p>Alpha  beta.</p><p>Gamma.</p>"
        "<table><tr><td>c1</td><td>c2</td></tr></table>"
        "</body.content></body></nitf>";

static void test_nitf(void)
{
	NkgRecord r = {0};
	NkgError err;
	CHECK(read_str(NKG_INPUT_NITF, nitf_doc, &r, &err) == NKG_SUCCESS);
	CHECK_STR(r.title, "Head title");
	CHECK_STR(r.id, "d1");
	CHECK_STR(r.date, "2025-11-03");
	CHECK_STR(r.text, "Head title\n\nAlpha beta.\n\nGamma.\n\nc1 c2");
	nkg_record_clear(&r);

	/* the DTD is never read; its HTML entities are still understood */
	CHECK(read_str(NKG_INPUT_NITF,
	               "<!DOCTYPE nitf SYSTEM \"http://127.0.0.1:9/nitf.dtd\">"
	               "<nitf><body><body.content><p>a&nbsp;b&mdash;c&unknown;d"
	               "</p></body.content></body></nitf>",
	               &r, &err) == NKG_SUCCESS);
	CHECK_STR(r.text, "a b\xe2\x80\x94"
	                  "cd");
	nkg_record_clear(&r);

	/* malformed XML names the file and line */
	CHECK(read_str(NKG_INPUT_NITF,
	               "<?xml "
	               "version=\"1.0\"?>\n<nitf>\n<body>\n<p>x</b>\n</nitf>",
	               &r, &err) == NKG_ERR_INPUT);
	CHECK(strncmp(err.message, "t.xml: line 4: ", 15) == 0);
	CHECK(strstr(err.message, "mismatch") != NULL);
	CHECK(err.line == 4);
	CHECK_STR(err.file, "t.xml");
	CHECK(r.text == NULL);

	/* not NITF */
	CHECK(read_str(NKG_INPUT_NITF, "<rss><channel/></rss>", &r, &err) ==
	      NKG_ERR_INPUT);
	CHECK(strstr(err.message, "not <nitf>") != NULL);
	CHECK(read_str(NKG_INPUT_NITF, "<nitf><body/></nitf>", &r, &err) ==
	      NKG_ERR_INPUT);
	CHECK(strstr(err.message, "no article text") != NULL);
}

static void test_newsml(void)
{
	NkgRecord r = {0};
	NkgError err;
	/* a message with a package and a text item holding plain text */
	const char *msg =
	        "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
	        "<itemSet><packageItem guid=\"p\"/>"
	        "<newsItem guid=\"n2\"><contentMeta>"
	        "<contentCreated>2026-03-01T09:00:00Z</contentCreated>"
	        "<headline>Plain headline</headline></contentMeta>"
	        "<contentSet><remoteContent href=\"http://example.org/x\"/>"
	        "<inlineData contenttype=\"text/plain\">\n"
	        "   First  line\r\n   same paragraph\n\n\n  Second.  \n"
	        "</inlineData></contentSet></newsItem></itemSet></newsMessage>";
	CHECK(read_str(NKG_INPUT_NEWSML, msg, &r, &err) == NKG_SUCCESS);
	CHECK_STR(r.id, "n2");
	CHECK_STR(r.date, "2026-03-01");
	CHECK_STR(r.title, "Plain headline");
	CHECK_STR(r.text,
	          "Plain headline\n\nFirst line\nsame paragraph\n\nSecond.");
	nkg_record_clear(&r);

	/* inline body.content without an nitf element */
	CHECK(read_str(NKG_INPUT_NEWSML,
	               "<newsItem guid=\"g\"><contentSet><inlineXML>"
	               "<body.content><p>Only body.</p></body.content>"
	               "</inlineXML></contentSet></newsItem>",
	               &r, &err) == NKG_SUCCESS);
	CHECK_STR(r.text, "Only body.");
	CHECK(r.date == NULL && r.title == NULL);
	nkg_record_clear(&r);

	CHECK(read_str(NKG_INPUT_NEWSML, "<nitf/>", &r, &err) == NKG_ERR_INPUT);
	CHECK(strstr(err.message, "not a NewsML-G2") != NULL);
	CHECK(read_str(NKG_INPUT_NEWSML,
	               "<newsItem><contentSet><remoteContent href=\"x\"/>"
	               "</contentSet></newsItem>",
	               &r, &err) == NKG_ERR_INPUT);
}

static const char *laughs =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE nitf [\n"
        " <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol1 "
        "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol2 "
        "\"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
        " <!ENTITY lol3 "
        "\"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        " <!ENTITY lol4 "
        "\"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
        " <!ENTITY lol5 "
        "\"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
        " <!ENTITY lol6 "
        "\"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
        " <!ENTITY lol7 "
        "\"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
        " <!ENTITY lol8 "
        "\"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
        " <!ENTITY lol9 "
        "\"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
        "]>\n"
        "<nitf><body><body.content><p>&lol9;</p></body.content></body></"
        "nitf>\n";

static long max_rss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static void test_hostile(void)
{
	NkgRecord r = {0};
	NkgError err;

	/* an external entity is never loaded; internal ones are expanded */
	const char *xxe =
	        "<?xml version=\"1.0\"?>\n"
	        "<!DOCTYPE nitf [\n"
	        " <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
	        " <!ENTITY agency \"Rift <em>Valley</em> Wire\">\n"
	        "]>\n"
	        "<nitf><body><body.content><p>Start &xxe; end, by &agency;"
	        " and &agency;.</p></body.content></body></nitf>";
	NkgStatus st = read_str(NKG_INPUT_NITF, xxe, &r, &err);
	CHECK(st == NKG_SUCCESS || st == NKG_ERR_INPUT);
	CHECK(!r.text || !strstr(r.text, "root:"));
	if (st == NKG_SUCCESS)
		CHECK_STR(
		        r.text,
		        "Start end, by Rift Valley Wire and Rift Valley Wire.");
	nkg_record_clear(&r);

	/* the same inside NewsML-G2, in an attribute and a parameter entity */
	const char *xxe2 =
	        "<?xml version=\"1.0\"?>\n"
	        "<!DOCTYPE newsItem SYSTEM \"file:///etc/passwd\" [\n"
	        " <!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;\n"
	        " <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
	        "]>\n"
	        "<newsItem guid=\"&xxe;\"><contentSet><inlineData>A &xxe; B"
	        "</inlineData></contentSet></newsItem>";
	st = read_str(NKG_INPUT_NEWSML, xxe2, &r, &err);
	CHECK(st == NKG_SUCCESS || st == NKG_ERR_INPUT);
	CHECK(!r.text || !strstr(r.text, "root:"));
	CHECK(!r.id || !strstr(r.id, "root:"));
	CHECK(st != NKG_SUCCESS || strstr(err.message, "root:") == NULL);
	nkg_record_clear(&r);

	/* billion laughs: refused quickly in little memory */
	long rss0 = max_rss_kb();
	clock_t t0 = clock();
	CHECK(read_str(NKG_INPUT_NITF, laughs, &r, &err) == NKG_ERR_INPUT);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK(secs < 2.0);
	CHECK(max_rss_kb() - rss0 < 100 * 1024);
	CHECK(strstr(err.message, "entity expansion") != NULL);
	CHECK(strncmp(err.message, "t.xml: ", 7) == 0);
	CHECK(r.text == NULL);

	/* quadratic blow-up: one large entity used many times */
	size_t big = 50000, refs = 20000;
	char *q = malloc(big + refs * 4 + 200);
	size_t n = (size_t)sprintf(q, "<!DOCTYPE nitf [<!ENTITY a \"");
	memset(q + n, 'x', big);
	n += big;
	n += (size_t)sprintf(q + n, "\">]><nitf><body><body.content><p>");
	for (size_t i = 0; i < refs; i++, n += 3)
		memcpy(q + n, "&a;", 3);
	n += (size_t)sprintf(q + n, "</p></body.content></body></nitf>");
	t0 = clock();
	memset(&err, 0, sizeof err);
	CHECK(nkg_read_markup(NKG_INPUT_NITF, q, n, "q.xml", &r, &err) ==
	      NKG_ERR_INPUT);
	CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);
	CHECK(strstr(err.message, "entity expansion") != NULL);
	CHECK(max_rss_kb() - rss0 < 100 * 1024);
	free(q);

	/* 100,000 nested elements: no crash */
	size_t depth = 100000;
	char *d = malloc(depth * 9 + 200);
	n = (size_t)sprintf(d, "<nitf><body><body.content>");
	for (size_t i = 0; i < depth; i++, n += 3)
		memcpy(d + n, "<p>", 3);
	n += (size_t)sprintf(d + n, "deep");
	for (size_t i = 0; i < depth; i++, n += 4)
		memcpy(d + n, "</p>", 4);
	n += (size_t)sprintf(d + n, "</body.content></body></nitf>");
	memset(&err, 0, sizeof err);
	CHECK(nkg_read_markup(NKG_INPUT_NITF, d, n, "deep.xml", &r, &err) ==
	      NKG_ERR_INPUT);
	CHECK(strstr(err.message, "deep.xml: line 1: ") == err.message);
	nkg_record_clear(&r);
	memset(&err, 0, sizeof err);
	st = nkg_read_markup(NKG_INPUT_NEWSML, d, n, "deep.xml", &r, &err);
	CHECK(st == NKG_ERR_INPUT);
	nkg_record_clear(&r);
	n = 0;
	for (size_t i = 0; i < depth; i++, n += 5)
		memcpy(d + n, "<div>", 5);
	n += (size_t)sprintf(d + n, "deep");
	st = nkg_read_markup(NKG_INPUT_HTML, d, n, "deep.html", &r, &err);
	CHECK(st == NKG_SUCCESS || st == NKG_ERR_INPUT);
	nkg_record_clear(&r);
	free(d);
}

/* Writes S to a temporary stream. */
static FILE *stream_of(const char *s, size_t len)
{
	FILE *f = tmpfile();
	if (!f)
		abort();
	fwrite(s, 1, len, f);
	rewind(f);
	return f;
}

static void test_jsonl(void)
{
	static const char lines[] =
	        "\xef\xbb\xbf{\"text\": \"caf\\u00e9 \\ud83d\\ude00 "
	        "\\\"q\\\" \\/\\t.\", "
	        "\"id\": 7, \"date\": \"2026-02-21T14:11:00+03:00\", "
	        "\"extra\": {\"a\": [1, {\"b\": null}], \"c\": "
	        "\"\\\\\"}}\n"                         /* 1 */
	        "\n"                                   /* 2 */
	        "   \t \r\n"                           /* 3 */
	        "{\"text\": \"bad \\x escape\"}\n"     /* 4 */
	        "{\"text\": \"lone \\ud83d high\"}\n"  /* 5 */
	        "{\"text\": \"lone \\ude00 low\"}\n"   /* 6 */
	        "{\"text\": \"bad \xff byte\"}\n"      /* 7 */
	        "{\"text\": \"tab\there\"}\n"          /* 8 */
	        "{\"text\": \"x\"} trailing\n"         /* 9 */
	        "{\"title\": \"no text\"}\n"           /* 10 */
	        "[\"not an object\"]\n"                /* 11 */
	        "{\"text\": 5}\n"                      /* 12 */
	        "{\"text\": \"nul \\u0000 inside\"}\n" /* 13 */
	        "{\"text\": \"unterminated}\n"         /* 14 */
	        "{\"text\": \"ok\", \"date\": \"soon\", \"url\": "
	        "null}\r\n"                               /* 15 */
	        "{\"text\": \"x\", \"n\": 01}\n"          /* 16 */
	        "{\"text\": \"x\", \"n\": [1,]}\n"        /* 17 */
	        "{\"text\": \"last\", \"title\": \"T\"}"; /* 18 */
	FILE *f = stream_of(lines, sizeof lines - 1);
	NkgJsonlReader *jr = nkg_jsonl_open(f, "in.jsonl");
	CHECK(jr != NULL);
	NkgRecord r = {0};
	NkgError err = {0};
	int eof = 0;

	CHECK(nkg_jsonl_next(jr, &r, &eof, &err) == NKG_SUCCESS && !eof);
	CHECK_STR(r.text, "caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\" /\t.");
	CHECK(r.len == strlen("caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\" /\t."));
	CHECK_STR(r.id, "7");
	CHECK_STR(r.date, "2026-02-21");
	CHECK(r.title == NULL && r.url == NULL);
	nkg_record_clear(&r);

	static const struct {
		long line;
		const char *what;
	} bad[] = {
	        {4, "line 4, column 15: invalid escape"},
	        {5, "line 5, column 16: lone high surrogate"},
	        {6, "line 6, column 16: lone low surrogate"},
	        {7, "line 7, column 15: invalid UTF-8"},
	        {8, "line 8, column 14: control character"},
	        {9, "line 9, column 15: unexpected 't'"},
	        {10, "line 10: \"text\" is missing"},
	        {11, "line 11: a record must be a JSON object"},
	        {12, "line 12: \"text\" must be a string"},
	        {13, "line 13: \"text\" contains \\u0000"},
	        {14, "line 14, column 10: string not closed"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&err, 0, sizeof err);
		NkgStatus st = nkg_jsonl_next(jr, &r, &eof, &err);
		CHECK(st == NKG_ERR_INPUT && !eof);
		CHECK(err.line == bad[i].line);
		CHECK(strncmp(err.message, "in.jsonl: ", 10) == 0);
		if (!strstr(err.message, bad[i].what)) {
			fprintf(stderr, "message \"%s\" lacks \"%s\"\n",
			        err.message, bad[i].what);
			failures++;
		}
		CHECK(strchr(err.message, '\n') == NULL);
		CHECK(r.text == NULL);
		nkg_record_clear(&r);
	}
	CHECK(strstr(err.message, "fix or remove") != NULL);

	CHECK(nkg_jsonl_next(jr, &r, &eof, &err) == NKG_SUCCESS && !eof);
	CHECK_STR(r.text, "ok");
	CHECK(r.date == NULL && r.url == NULL); /* "soon" is not a date */
	nkg_record_clear(&r);
	CHECK(nkg_jsonl_next(jr, &r, &eof, &err) == NKG_ERR_INPUT);
	CHECK(err.line == 16);
	CHECK(nkg_jsonl_next(jr, &r, &eof, &err) == NKG_ERR_INPUT);
	CHECK(err.line == 17);
	CHECK(nkg_jsonl_next(jr, &r, &eof, &err) == NKG_SUCCESS && !eof);
	CHECK_STR(r.text, "last");
	CHECK_STR(r.title, "T");
	nkg_record_clear(&r);
	CHECK(nkg_jsonl_next(jr, &r, &eof, &err) == NKG_SUCCESS && eof);
	CHECK(nkg_jsonl_next(jr, &r, &eof, &err) == NKG_SUCCESS && eof);
	nkg_jsonl_close(jr);
	fclose(f);

	/* a 12 MB line, then a normal one */
	size_t big = 12u << 20;
	char *line = malloc(big + 100);
	size_t n =
	        (size_t)sprintf(line, "{\"meta\": \"%s\", \"text\": \"", "m");
	memset(line + n, 'a', big);
	n += big;
	n += (size_t)sprintf(line + n, "\"}\n{\"text\": \"next\"}\n");
	f = stream_of(line, n);
	free(line);
	jr = nkg_jsonl_open(f, "big.jsonl");
	CHECK(nkg_jsonl_next(jr, &r, &eof, &err) == NKG_SUCCESS && !eof);
	CHECK(r.len == big && r.text && r.text[0] == 'a' &&
	      r.text[big - 1] == 'a');
	nkg_record_clear(&r);
	CHECK(nkg_jsonl_next(jr, &r, &eof, &err) == NKG_SUCCESS && !eof);
	CHECK_STR(r.text, "next");
	nkg_record_clear(&r);
	nkg_jsonl_close(jr);
	fclose(f);

	/* a missing reader is reported, not a crash */
	CHECK(nkg_jsonl_next(NULL, &r, &eof, &err) != NKG_SUCCESS && eof);
}

/* Writes "[ITEM,ITEM,...]" (COUNT items) into BUF; returns its length. */
static size_t repeat_array(char *buf, const char *item, size_t count)
{
	size_t n = 0, k = strlen(item);
	buf[n++] = '[';
	for (size_t i = 0; i < count; i++) {
		memcpy(buf + n, item, k);
		n += k;
		buf[n++] = ',';
	}
	buf[count ? n - 1 : n++] = ']';
	return n;
}

static void test_json(void)
{
	static const char *const good[] = {
	        "{}",
	        "[]",
	        " 0 ",
	        "-0.5e+10",
	        "\"\"",
	        "true",
	        "null",
	        "[1, [2, [3]], {\"a\": {\"b\": false}}]",
	        "\"\\u00e9\\uD83D\\uDE00\"",
	        "{\"a\":1,\"a\":2}",
	        "\t\r\n[\n]\n"};
	static const char *const bad[] = {"",
	                                  "{",
	                                  "[1,]",
	                                  "{\"a\" 1}",
	                                  "{'a': 1}",
	                                  "01",
	                                  "1.",
	                                  ".5",
	                                  "-",
	                                  "1e",
	                                  "+1",
	                                  "tru",
	                                  "nul",
	                                  "[1] 2",
	                                  "\"\\u12\"",
	                                  "\"\\uZZZZ\"",
	                                  "\"a\nb\"",
	                                  "NaN",
	                                  "{\"a\":}",
	                                  "\"\\ud800\\u0041\"",
	                                  "\"\xc0\xaf\"",
	                                  "\"\xed\xa0\x80\"",
	                                  "\"\xf4\x90\x80\x80\"",
	                                  "\"\xe2\x82\""};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		NkgJson *v = NULL;
		size_t at = 0;
		char msg[200];
		NkgStatus st = nkg_json_parse(good[i], strlen(good[i]), &v, &at,
		                              msg, sizeof msg);
		if (st)
			fprintf(stderr, "good JSON %s: %s\n", good[i], msg);
		CHECK(st == NKG_SUCCESS && v);
		nkg_json_free(v);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		NkgJson *v = NULL;
		size_t at = 99;
		char msg[200] = "";
		NkgStatus st = nkg_json_parse(bad[i], strlen(bad[i]), &v, &at,
		                              msg, sizeof msg);
		if (st != NKG_ERR_INPUT)
			fprintf(stderr, "bad JSON accepted: %s\n", bad[i]);
		CHECK(st == NKG_ERR_INPUT && !v && msg[0]);
		CHECK(at <= strlen(bad[i]));
	}
	/* duplicates: the last wins */
	NkgJson *v = NULL;
	CHECK(nkg_json_parse("{\"a\":1,\"b\":[2],\"a\":\"x\"}", 23, &v, NULL,
	                     NULL, 0) == NKG_SUCCESS);
	CHECK(v && nkg_json_size(nkg_json_get(v, "b")) == 1);
	CHECK(v && nkg_json_get(v, "a") &&
	      nkg_json_type(nkg_json_get(v, "a")) == NKG_JSON_STRING);
	nkg_json_free(v);
	/* deep nesting is refused, not a stack overflow */
	size_t depth = 100000;
	char *deep = malloc(depth * 2);
	memset(deep, '[', depth);
	memset(deep + depth, ']', depth);
	v = NULL;
	char msg[200];
	size_t at = 0;
	CHECK(nkg_json_parse(deep, depth * 2, &v, &at, msg, sizeof msg) ==
	      NKG_ERR_INPUT);
	CHECK(strstr(msg, "nesting") != NULL && at < depth);
	/* a thousand levels are read */
	memmove(deep + 1000, deep + depth, 1000);
	CHECK(nkg_json_parse(deep, 2000, &v, NULL, msg, sizeof msg) ==
	      NKG_SUCCESS);
	nkg_json_free(v);
	free(deep);

	/* a NUL byte, wherever it is (jansson alone drops one after a
	 * number or a word), and the offset of each fault */
	static const struct {
		const char *s;
		size_t len, at;
		const char *what;
	} faults[] = {
	        {"[1\0]", 4, 2, "NUL byte"},
	        {"[true\0]", 7, 5, "NUL byte"},
	        {"[1]\0", 4, 3, "NUL byte"},
	        {"[\"a\0\"]", 6, 3, "NUL byte"},
	        {"\0", 1, 0, "NUL byte"},
	        {"[1] x\0", 6, 4, "unexpected 'x' after the JSON value"},
	        {"[\"\\x\"]", 6, 2, "invalid escape \\ followed by 'x'"},
	        {"[\"\\u12\"]", 8, 2, "\\u escape needs four hex digits"},
	        {"[\"ab\\\"\\ud800\"]", 14, 6, "lone high surrogate \\uD800"},
	        {"[\"\\ud83d\\ude00\\udc00\"]", 22, 14,
	         "lone low surrogate \\uDC00"},
	        {"[\"a\tb\"]", 7, 3, "control character 0x09"},
	        {"[\"\xc3\xa9\xc0\xaf\"]", 8, 4, "invalid UTF-8"},
	        {"[\"abc", 5, 1, "string not closed"},
	        {"[1e400]", 7, 1, "number 1e400 out of range"},
	        {"[-123456789012345678901]", 24, 1, "out of range"},
	        {"{\"a\\u0000\":1}", 14, 1, "member name contains"},
	        {"[1,]", 4, 3, "unexpected token near ']'"},
	        {"{\"a\":1", 6, 6, "at the end of the line"},
	        {"[\x01]", 3, 1, "\\x01"},
	};
	for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
		v = NULL;
		at = 99;
		msg[0] = '\0';
		NkgStatus st = nkg_json_parse(faults[i].s, faults[i].len, &v,
		                              &at, msg, sizeof msg);
		CHECK(st == NKG_ERR_INPUT && !v);
		if (at != faults[i].at || !strstr(msg, faults[i].what)) {
			fprintf(stderr,
			        "fault %zu: at %zu \"%s\", want %zu \"%s\"\n",
			        i, at, msg, faults[i].at, faults[i].what);
			failures++;
		}
	}

	/* a tree of tiny values may not take much more than its text */
	size_t many = 1u << 20;
	char *tiny = malloc(3 * many + 2);
	size_t n = repeat_array(tiny, "{}", many);
	CHECK(nkg_json_parse(tiny, n, &v, NULL, msg, sizeof msg) ==
	      NKG_ERR_INPUT);
	CHECK(strstr(msg, "memory") != NULL);
	/* one-digit numbers and 1,000 small objects are not */
	n = repeat_array(tiny, "1", many);
	CHECK(nkg_json_parse(tiny, n, &v, NULL, msg, sizeof msg) ==
	      NKG_SUCCESS);
	CHECK(nkg_json_size(v) == many);
	nkg_json_free(v);
	n = 0;
	tiny[n++] = '[';
	for (size_t i = 0; i < 1000; i++)
		n += (size_t)sprintf(tiny + n, "{\"name\":\"N%zu\",\"n\":%zu},",
		                     i, i);
	tiny[n - 1] = ']';
	CHECK(nkg_json_parse(tiny, n, &v, NULL, msg, sizeof msg) ==
	      NKG_SUCCESS);
	nkg_json_free(v);
	free(tiny);

	/* reading the tree */
	const char doc[] = "{\"s\":\"a\\u0000b\",\"i\":-0,\"r\":1.50,"
	                   "\"e\":1e5,\"t\":0.1,\"big\":-9223372036854775808,"
	                   "\"a\":[true,false,null],\"o\":{}}";
	CHECK(nkg_json_parse(doc, sizeof doc - 1, &v, NULL, msg, sizeof msg) ==
	      NKG_SUCCESS);
	size_t len = 0;
	const char *s = nkg_json_string(nkg_json_get(v, "s"), &len);
	CHECK(s && len == 3 && !memcmp(s, "a\0b", 4));
	static const char *const nums[][2] = {{"i", "0"},
	                                      {"r", "1.5"},
	                                      {"e", "100000"},
	                                      {"t", "0.1"},
	                                      {"big", "-9223372036854775808"}};
	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		const NkgJson *m = nkg_json_get(v, nums[i][0]);
		char *t = m ? nkg_json_text(m, &len) : NULL;
		CHECK(m && nkg_json_type(m) == NKG_JSON_NUMBER &&
		      !nkg_json_string(m, NULL));
		CHECK_STR(t, nums[i][1]);
		CHECK(t && len == strlen(nums[i][1]));
		free(t);
	}
	const NkgJson *arr = nkg_json_get(v, "a");
	CHECK(nkg_json_size(arr) == 3 && !nkg_json_at(arr, 3));
	CHECK(nkg_json_type(nkg_json_at(arr, 0)) == NKG_JSON_TRUE);
	CHECK(nkg_json_type(nkg_json_at(arr, 1)) == NKG_JSON_FALSE);
	CHECK(nkg_json_type(nkg_json_at(arr, 2)) == NKG_JSON_NULL);
	CHECK(!nkg_json_text(nkg_json_at(arr, 0), NULL));
	CHECK(nkg_json_type(nkg_json_get(v, "o")) == NKG_JSON_OBJECT);
	CHECK(!nkg_json_get(arr, "a") && !nkg_json_get(NULL, "a"));
	CHECK(nkg_json_size(v) == 0 && !nkg_json_at(v, 0));
	nkg_json_free(v);
}

static void test_detect(void)
{
	static const struct {
		const char *content, *name;
		NkgInputFormat want;
	} cases[] = {
	        {"<!DOCTYPE html><p>x", NULL, NKG_INPUT_HTML},
	        {"  <!doctype HTML>", NULL, NKG_INPUT_HTML},
	        {"<HTML lang=en>", NULL, NKG_INPUT_HTML},
	        {"<?xml version=\"1.0\"?>\n<!-- c -->\n<nitf>", NULL,
	         NKG_INPUT_NITF},
	        {"<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY a "
	         "\"<b>\">]><nitf>",
	         NULL, NKG_INPUT_NITF},
	        {"<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">",
	         NULL, NKG_INPUT_NEWSML},
	        {"<g2:newsMessage xmlns:g2=\"x\"><html>", NULL,
	         NKG_INPUT_NEWSML},
	        {"<root xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>", NULL,
	         NKG_INPUT_NEWSML},
	        {"<div><nitf>", NULL, NKG_INPUT_NITF},
	        {"<div>text</div>", NULL, NKG_INPUT_HTML},
	        {"\xef\xbb\xbf {\"text\": 1}", NULL, NKG_INPUT_JSONL},
	        {"Kenya and Ethiopia", NULL, NKG_INPUT_TEXT},
	        {"", NULL, NKG_INPUT_TEXT},
	        {"< 3 is less", NULL, NKG_INPUT_TEXT},
	        /* the extension comes first */
	        {"{\"text\": 1}", "a/b.HTML", NKG_INPUT_HTML},
	        {"<html>", "story.txt", NKG_INPUT_TEXT},
	        {"<html>", "x.jsonl", NKG_INPUT_JSONL},
	        {"<html>", "x.ndjson", NKG_INPUT_JSONL},
	        {"<html>", "x.nitf", NKG_INPUT_NITF},
	        {"text", "x.htm", NKG_INPUT_HTML},
	        {"<newsItem>", "x.xml", NKG_INPUT_NEWSML},
	        {"<nitf>", "x.xml", NKG_INPUT_NITF},
	        {"<other/>", "x.xml", NKG_INPUT_NITF},
	        {"<html>", "dir.v2/noext", NKG_INPUT_HTML},
	        {"{}", "<stdin>", NKG_INPUT_JSONL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		NkgInputFormat got = nkg_input_detect(cases[i].content,
		                                      strlen(cases[i].content),
		                                      cases[i].name);
		if (got != cases[i].want) {
			fprintf(stderr,
			        "detect(\"%s\", %s) = %d, expected %d\n",
			        cases[i].content,
			        cases[i].name ? cases[i].name : "NULL",
			        (int)got, (int)cases[i].want);
			failures++;
		}
	}
	CHECK(nkg_input_detect(NULL, 0, NULL) == NKG_INPUT_TEXT);
}

static void test_dates(void)
{
	static const char *const cases[][2] = {
	        {"2026-02-21", "2026-02-21"},
	        {"2026-02-21T14:11:00+03:00", "2026-02-21"},
	        {" 2026-02-21 14:11", "2026-02-21"},
	        {"20260221T141100+0300", "2026-02-21"},
	        {"20260221T1411+0300", "2026-02-21"},
	        {"20260221", "2026-02-21"},
	        {"2026/02/21", "2026-02-21"},
	        {"Sat, 21 Feb 2026 14:11:00 +0300", "2026-02-21"},
	        {"21 February 2026", "2026-02-21"},
	        {"February 21, 2026", "2026-02-21"},
	        {"Sept. 3, 2025", "2025-09-03"},
	        {"2024-02-29", "2024-02-29"},
	        {"2025-02-29", NULL},
	        {"2026-13-01", NULL},
	        {"2026-1-5", NULL},
	        {"202602211", NULL},
	        {"soon", NULL},
	        {"", NULL},
	        {"Feb 2026", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *d = nkg_input_date(cases[i][0], strlen(cases[i][0]));
		if (cases[i][1])
			CHECK_STR(d, cases[i][1]);
		else if (d) {
			fprintf(stderr, "date \"%s\" gave %s, expected none\n",
			        cases[i][0], d);
			failures++;
		}
		free(d);
	}
	CHECK(nkg_input_date(NULL, 0) == NULL);
}

static void test_null_safety(void)
{
	nkg_record_clear(NULL);
	nkg_jsonl_close(NULL);
	nkg_json_free(NULL);
	nkg_buf_free(NULL);
	NkgRecord r = {0};
	nkg_record_clear(&r);
	CHECK(nkg_read_markup(NKG_INPUT_HTML, "<p>x</p>", 8, NULL, &r, NULL) ==
	      NKG_SUCCESS);
	nkg_record_clear(&r);
	CHECK(nkg_read_markup(NKG_INPUT_NITF, "<x", 2, NULL, &r, NULL) ==
	      NKG_ERR_INPUT);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		data_dir = argv[1];

	/* libxml2 must print nothing: catch standard error in a file */
	fflush(stderr);
	int saved = dup(2);
	FILE *cap = tmpfile();
	if (saved < 0 || !cap || dup2(fileno(cap), 2) < 0)
		abort();
	test_samples();
	test_html();
	test_nitf();
	test_newsml();
	test_hostile();
	test_null_safety();
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fseek(cap, 0, SEEK_END);
	long printed = ftell(cap);
	if (printed > 0) {
		/* show what was printed: our own failure reports, or libxml2 */
		char buf[4096];
		rewind(cap);
		size_t k = fread(buf, 1, sizeof buf - 1, cap);
		buf[k] = '\0';
		fprintf(stderr, "%s", buf);
		if (!failures) {
			fprintf(stderr,
			        "a library printed to standard error\n");
			failures++;
		}
	}
	fclose(cap);

	test_jsonl();
	test_json();
	test_detect();
	test_dates();

	free(expected_text);
	printf("test_input: %d failed\n", failures);
	return failures ? 1 : 0;
}
