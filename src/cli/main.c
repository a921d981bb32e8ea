/* SPDX-License-Identifier: MIT */
/* main.c: the newskg command line; options in, library calls, exit code. */
#include "corpus/corpus.h"
#include "corpus/nquads.h"
#include "emit/rdf.h"
#include "input/input.h"
#include "newskg.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

/* Exit statuses (see the man page). */
enum {
	EXIT_OK = 0,
	EXIT_USAGE = 1,
	EXIT_INPUT = 2,
	EXIT_FAILURE_OUT = 3,
};

#ifndef NKG_DATADIR
#define NKG_DATADIR "/usr/local/share/newskg/ontology"
#endif

static const char usage_text[] =
        "usage: newskg extract [options] [FILE ...]\n"
        "       newskg analyze [options] [FILE ...]\n"
        "       newskg corpus [options] [FILE ...]\n"
        "       newskg --help | --version\n"
        "\n"
        "extract reads news articles (FILE absent or \"-\": standard input) "
        "and\n"
        "writes the knowledge graph of their actors, posts and events; "
        "analyze\n"
        "writes the sentences of the same inputs with their words, tags, "
        "lemmas,\n"
        "chunks and dependency relations; corpus reads the inputs of extract "
        "(or\n"
        "its N-Quads) and writes one graph for all of them, one corpus event "
        "per\n"
        "happening however many documents report it.\n"
        "\n"
        "extract options:\n"
        "  -f, --format FMT        turtle (default), ntriples, nquads, "
        "rdfxml,\n"
        "                          dot, svg, png, pdf\n"
        "  -o, --output PATH       write to PATH (atomically) instead of "
        "stdout\n"
        "      --date YYYY-MM-DD   publication date (anchor for \"Jan. 3\")\n"
        "      --input-format F    auto (default), text, html, nitf, newsml, "
        "jsonl\n"
        "      --base IRI          base for document IRIs\n"
        "      --ontology DIR      lexicon directory (default: $NKG_ONTOLOGY,\n"
        "                          ./ontology beside the program, or the\n"
        "                          installed one)\n"
        "      --with-text         add the document text (nif:isString)\n"
        "      --provenance LEVEL  mentions kept in RDF: events (default: "
        "each\n"
        "                          event's sentence, one per actor), full\n"
        "                          (every mention) or none\n"
        "  -j, --jobs N            extract with N worker processes\n"
        "  -q, --quiet             no progress report on standard error\n"
        "diagram options (dot, svg, png, pdf):\n"
        "      --layout L          dot (default), neato, fdp, sfdp, circo\n"
        "      --focus NAME        keep the neighbourhood of this actor\n"
        "      --depth N           hops kept around --focus (default 1)\n"
        "      --event-class C     keep events of class C (e.g. Blockade)\n"
        "      --cluster           draw people and bodies inside their "
        "country\n"
        "      --show-affiliations draw affiliation edges\n"
        "      --max-nodes N       keep the N most connected actors (150)\n"
        "      --min-confidence C  draw events of confidence >= C (0.5)\n"
        "corpus options (and those of extract but --with-text for the "
        "corpus):\n"
        "  -f, --format FMT        turtle (default), ntriples, nquads, dot, "
        "svg,\n"
        "                          png, pdf, timeline (SVG), csv\n"
        "      --input-format F    as extract, or nquads (the N-Quads of\n"
        "                          extract; files named *.nq are read so)\n"
        "      --window DAYS       days either side that one happening spans\n"
        "                          (default 1)\n"
        "      --no-documents      write the corpus graph only, not the\n"
        "                          document graphs\n"
        "      --max-edges N       diagram: the N links with the most events\n"
        "                          among the actors drawn (60; --max-nodes:\n"
        "                          the actors, 40)\n"
        "analyze options:\n"
        "  -f, --format FMT        text (default, for people) or conllu\n"
        "  -o, --output PATH       write to PATH (atomically) instead of "
        "stdout\n"
        "      --input-format F    auto (default), text, html, nitf, newsml, "
        "jsonl\n"
        "      --ontology DIR      lexicon directory (for abbreviations)\n"
        "  -q, --quiet             no progress report on standard error\n"
        "  -h, --help              show this help\n"
        "  -V, --version           show the version\n"
        "\n"
        "environment: NKG_TAGGER_DIR (liblingua-en-tagger-perl) and\n"
        "NKG_WORDNET_DIR (wordnet-base) locate the language data.\n"
        "\n"
        "exit status: 0 success, 1 bad usage, 2 unreadable or invalid input,\n"
        "3 output or internal failure.\n";

typedef struct {
	NkgFormat format;
	const char *output;
	const char *date;
	int input_format;
	const char *base;
	const char *ontology;
	int jobs;
	int quiet;
	NkgWriteOptions
	        diagram; /* output options, the diagram's and --with-text */
	NkgAnalysisFormat analysis; /* analyze's -f */
	int corpus;                 /* the command is corpus */
	int corpus_format;          /* corpus -f timeline or csv, else 0 */
	int window;                 /* corpus --window */
	int no_documents;           /* corpus --no-documents */
	int max_edges;              /* corpus diagram --max-edges */
} Options;

/* corpus's formats beyond NkgFormat, and its input format N-Quads */
enum { CF_TIMELINE = 1, CF_CSV = 2 };
#define INPUT_NQUADS 100

static const char *prog = "newskg";

static void say(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "; see 'newskg --help'\n");
	va_end(ap);
	return EXIT_USAGE;
}

static int exists_dir_with(const char *dir, const char *file)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, file);
	return access(path, R_OK) == 0;
}

static const char *find_ontology(const char *opt, const char *argv0, char *buf,
                                 size_t n)
{
	if (opt)
		return opt;
	const char *env = getenv("NKG_ONTOLOGY");
	if (env && *env)
		return env;
	/* build/newskg -> ./ontology */
	const char *slash = strrchr(argv0, '/');
	if (slash) {
		int l = snprintf(buf, n, "%.*s/../ontology",
		                 (int)(slash - argv0), argv0);
		if (l < 0 || (size_t)l >= n)
			buf[0] = '\0';
		if (exists_dir_with(buf, "newskg.ttl"))
			return buf;
	}
	if (exists_dir_with("ontology", "newskg.ttl"))
		return "ontology";
	return NKG_DATADIR;
}

/* The lexicon of --ontology (or the one found beside the program, or the
 * installed one); NULL, said, when it cannot be loaded. */
static NkgLexicon *open_lexicon(const Options *opt, const char *argv0)
{
	char ontbuf[4096];
	const char *ont =
	        find_ontology(opt->ontology, argv0, ontbuf, sizeof ontbuf);
	NkgLexicon *lex = NULL;
	NkgError err = {0};
	NkgStatus st = nkg_lexicon_load(ont, &lex, &err);
	if (st) {
		say("%s", err.message[0] ? err.message : nkg_strerror(st));
		nkg_lexicon_free(lex);
		return NULL;
	}
	return lex;
}

/* ---- output: a temporary file renamed into place on success ---- */

typedef struct {
	FILE *f;
	char *tmp;
	const char *path;
	int direct;
} Output;

static int output_open(Output *o, const char *path)
{
	memset(o, 0, sizeof *o);
	o->path = path;
	if (!path || !strcmp(path, "-")) {
		o->f = stdout;
		o->direct = 1;
		return 0;
	}
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* a pipe, a terminal, /dev/stdout: written directly */
		o->f = fopen(path, "w");
		o->direct = 1;
		if (!o->f) {
			say("%s: cannot open for writing: %s", path,
			    strerror(errno));
			return -1;
		}
		return 0;
	}
	size_t n = strlen(path) + 16;
	o->tmp = malloc(n);
	snprintf(o->tmp, n, "%s.tmpXXXXXX", path);
	int fd = mkstemp(o->tmp);
	if (fd < 0) {
		say("%s: cannot create a temporary file beside it: %s", path,
		    strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	fchmod(fd, 0644 & ~(mode_t)0);
	o->f = fdopen(fd, "w");
	if (!o->f) {
		close(fd);
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	return 0;
}

/* Finishes the output; OK says whether to keep it.  Returns 0 when the
 * output was written completely. */
static int output_close(Output *o, int ok)
{
	int rc = 0;
	if (!o->f)
		return -1;
	if (fflush(o->f) || ferror(o->f))
		rc = -1;
	if (o->f == stdout) {
		if (rc)
			say("standard output: write failed: %s",
			    strerror(errno ? errno : EIO));
		return rc;
	}
	if (!o->direct && fsync(fileno(o->f)) && errno != EINVAL)
		rc = -1;
	if (fclose(o->f))
		rc = -1;
	o->f = NULL;
	if (rc)
		say("%s: write failed: %s; the previous file (if any) is "
		    "unchanged",
		    o->path, strerror(errno ? errno : EIO));
	if (o->tmp) {
		if (ok && !rc) {
			if (rename(o->tmp, o->path)) {
				say("%s: cannot rename the temporary file into "
				    "place: %s",
				    o->path, strerror(errno));
				rc = -1;
				unlink(o->tmp);
			}
		} else {
			unlink(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
	}
	return rc;
}

static Output *active_output;

static void on_signal(int sig)
{
	if (active_output && active_output->tmp)
		unlink(active_output->tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Opens the output and removes its temporary file if a signal stops the
 * run. */
static int output_start(Output *o, const char *path)
{
	if (output_open(o, path))
		return -1;
	/* a file takes the output in large writes: at the 4 KB its block
	 * size asks for, stdio split each part the emitter hands over into
	 * several; a pipe or terminal keeps the usual buffering */
	static char big[1 << 20];
	struct stat st;
	if (fstat(fileno(o->f), &st) == 0 && S_ISREG(st.st_mode))
		setvbuf(o->f, big, _IOFBF, sizeof big);
	active_output = o;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGXFSZ, SIG_IGN); /* a file-size limit is a write error */
	return 0;
}

/* ---- progress ---- */

typedef struct {
	int on;
	double start, last;
	size_t docs, bytes;
} Progress;

static double now(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (double)tv.tv_sec + tv.tv_usec / 1e6;
}

static void progress(Progress *p, int final)
{
	if (!p->on)
		return;
	double t = now();
	if (!final && t - p->last < 0.5)
		return;
	p->last = t;
	double el = t - p->start > 1e-6 ? t - p->start : 1e-6;
	fprintf(stderr,
	        "\r%s: %zu documents, %.1f MB, %.0f docs/s, %.1f MB/s%s", prog,
	        p->docs, p->bytes / 1e6, p->docs / el, p->bytes / 1e6 / el,
	        final ? "\n" : "");
}

/* ---- the work ---- */

typedef struct Run Run;

/* What is done with each document read: extract its graph or write its
 * analysis.  NAME and WHERE locate the document in messages. */
typedef void (*DocFn)(Run *r, const NkgDocument *doc, const char *name,
                      const char *where);

struct Run {
	const Options *opt;
	NkgLexicon *lex;
	const NkgLang *lang; /* analyze only */
	DocFn on_doc;
	NkgGraph **graphs;
	size_t n_graphs, cap_graphs;
	FILE *stream; /* streaming formats write here per document */
	int streaming;
	NkgGraphWriter *writer; /* extract's stream of document graphs */
	NkgRdfSeen *seen;       /* corpus: the same, for its document graphs */
	long written;           /* graphs written by this process */
	int bad_inputs, good_docs;
	int fatal;
	Progress prog;
	long job, jobs; /* this worker's share of the documents */
	long seq;
	int mute; /* a worker but the first: file problems go unsaid */
	/* corpus */
	NkgCorpus *corpus;
	int docs_out;   /* the document graphs are written */
	int frames;     /* a worker of corpus -j: frames to the parent */
	int file_index; /* of the file being read, for frames */
	size_t dup_docs;
	int dup_warned; /* the file being read has had a repeated document */
	const char *file_name;
};

static int corpus_keep(Run *r, NkgGraph *g);
static int frame_graph(Run *r, NkgGraph *g);
static void read_nquads(Run *r, FILE *f, const char *name);

/* A problem of a whole input file: in -j, every worker reads every file,
 * and only the first reports it. */
#define say_file(r, ...)                                                       \
	do {                                                                   \
		if (!(r)->mute)                                                \
			say(__VA_ARGS__);                                      \
	} while (0)

static int keep_graph(Run *r, NkgGraph *g)
{
	if (r->frames)
		return frame_graph(r, g);
	if (r->corpus)
		return corpus_keep(r, g);
	if (r->streaming) {
		NkgError err = {0};
		NkgStatus st = NKG_SUCCESS;
		if (!r->writer)
			st = nkg_graph_writer_new(&r->writer, r->opt->format,
			                          r->stream, &r->opt->diagram,
			                          &err);
		if (!st)
			st = nkg_graph_writer_add(r->writer, g, &err);
		r->written++;
		nkg_graph_free(g);
		if (st) {
			/* a write error is reported once, when the output
			 * closes */
			if (st != NKG_ERR_OUTPUT)
				say("%s", err.message[0] ? err.message
				                         : nkg_strerror(st));
			r->fatal = EXIT_FAILURE_OUT;
			return -1;
		}
		return 0;
	}
	if (r->n_graphs == r->cap_graphs) {
		size_t n = r->cap_graphs ? r->cap_graphs * 2 : 8;
		NkgGraph **p = realloc(r->graphs, n * sizeof *p);
		if (!p) {
			nkg_graph_free(g);
			r->fatal = EXIT_FAILURE_OUT;
			return -1;
		}
		r->graphs = p;
		r->cap_graphs = n;
	}
	r->graphs[r->n_graphs++] = g;
	return 0;
}

static void extract_doc(Run *r, const NkgDocument *doc, const char *name,
                        const char *where)
{
	NkgError err = {0};
	NkgExtractOptions eo = {r->opt->base, r->opt->date};
	NkgGraph *g = NULL;
	NkgStatus st = nkg_extract(r->lex, doc, &eo, &g, &err);
	if (st) {
		say("%s%s: %s", name, where,
		    err.message[0] ? err.message : nkg_strerror(st));
		if (st == NKG_ERR_USAGE)
			r->fatal = EXIT_USAGE;
		else
			r->bad_inputs++;
		return;
	}
	r->good_docs++;
	keep_graph(r, g);
}

static void analyze_doc(Run *r, const NkgDocument *doc, const char *name,
                        const char *where)
{
	NkgError err = {0};
	NkgStatus st = nkg_analyze_write(r->lang, r->lex, doc, r->opt->analysis,
	                                 r->stream, &err);
	if (st) {
		/* a write error is reported once, when the output closes */
		if (st != NKG_ERR_OUTPUT)
			say("%s%s: %s", name, where,
			    err.message[0] ? err.message : nkg_strerror(st));
		r->fatal = EXIT_FAILURE_OUT;
		return;
	}
	r->good_docs++;
}

/* Makes the document of one record and hands it to R's on_doc. */
static void do_record(Run *r, NkgRecord *rec, const char *name,
                      const char *where)
{
	long seq = r->seq++;
	if (r->jobs > 1 && seq % r->jobs != r->job)
		return;
	NkgError err = {0};
	NkgDocument *doc = nkg_record_document(rec, &err);
	if (!doc) {
		say("%s%s: %s", name, where, err.message);
		r->bad_inputs++;
		return;
	}
	r->on_doc(r, doc, name, where);
	nkg_document_free(doc);
	r->prog.docs++;
	r->prog.bytes += rec->len;
	progress(&r->prog, 0);
}

static char *read_all(FILE *f, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	if (!buf)
		return NULL;
	for (;;) {
		if (n == cap) {
			cap *= 2;
			char *p = realloc(buf, cap);
			if (!p) {
				free(buf);
				return NULL;
			}
			buf = p;
		}
		size_t k = fread(buf + n, 1, cap - n, f);
		n += k;
		if (k == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* Reads the JSON Lines records of F, one document each; a bad line is
 * reported and the next one read. */
static void read_jsonl(Run *r, FILE *f, const char *name)
{
	NkgJsonlReader *jr = nkg_jsonl_open(f, name);
	if (!jr) {
		say("%s: out of memory", name);
		r->fatal = EXIT_FAILURE_OUT;
		return;
	}
	/* records are numbered line by line, good or bad, across the inputs;
	 * with -j each worker parses only its own */
	long base = r->seq;
	nkg_jsonl_share(jr, base, r->jobs > 1 ? r->jobs : 1, r->job);
	for (;;) {
		NkgRecord rec = {0};
		NkgError err = {0};
		int eof = 0;
		NkgStatus s = nkg_jsonl_next(jr, &rec, &eof, &err);
		if (eof) {
			nkg_record_clear(&rec);
			break;
		}
		r->seq = nkg_jsonl_ordinal(jr);
		if (s) {
			say("%s", err.message);
			r->bad_inputs++;
		} else {
			char where[48];
			snprintf(where, sizeof where, ": record %ld",
			         r->seq + 1);
			do_record(r, &rec, name, where);
		}
		nkg_record_clear(&rec);
		if (r->fatal)
			break;
	}
	r->seq = base + nkg_jsonl_count(jr);
	nkg_jsonl_close(jr);
}

/* Reads one input file (PATH "-" is standard input) in the input format
 * of the options, or the one its name or content shows. */
static void do_file(Run *r, const char *path)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		say_file(r, "%s: cannot open: %s", name, strerror(errno));
		r->bad_inputs++;
		return;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		say_file(r, "%s: is a directory; name the files in it", name);
		r->bad_inputs++;
		if (f != stdin)
			fclose(f);
		return;
	}
	int fmt = r->opt->input_format;
	if (fmt == NKG_INPUT_AUTO &&
	    (strstr(name, ".jsonl") || strstr(name, ".ndjson")))
		fmt = NKG_INPUT_JSONL;
	size_t nl = strlen(name);
	if (r->opt->corpus && fmt == NKG_INPUT_AUTO && nl > 3 &&
	    !strcmp(name + nl - 3, ".nq"))
		fmt = INPUT_NQUADS;
	if (fmt == INPUT_NQUADS) {
		read_nquads(r, f, name);
		if (f != stdin)
			fclose(f);
		return;
	}
	if (fmt == NKG_INPUT_JSONL) {
		/* read line by line: memory is bounded by the longest record */
		read_jsonl(r, f, name);
		if (f != stdin)
			fclose(f);
		return;
	}
	size_t len = 0;
	char *buf = read_all(f, &len);
	if (f != stdin)
		fclose(f);
	if (!buf) {
		say_file(r, "%s: cannot read: %s", name,
		         strerror(errno ? errno : EIO));
		r->bad_inputs++;
		return;
	}
	if (fmt == NKG_INPUT_AUTO)
		fmt = nkg_input_detect(buf, len, name);
	if (fmt == NKG_INPUT_JSONL) {
		/* detected by content: reread from memory */
		FILE *mf = fmemopen(buf, len ? len : 1, "r");
		if (mf) {
			read_jsonl(r, mf, name);
			fclose(mf);
		} else {
			say_file(r, "%s: cannot read: %s", name,
			         strerror(errno));
			r->bad_inputs++;
		}
		free(buf);
		return;
	}
	NkgRecord rec = {0};
	if (fmt == NKG_INPUT_HTML || fmt == NKG_INPUT_NITF ||
	    fmt == NKG_INPUT_NEWSML) {
		NkgError err = {0};
		NkgStatus s = nkg_read_markup((NkgInputFormat)fmt, buf, len,
		                              name, &rec, &err);
		free(buf);
		if (s) {
			say_file(r, "%s",
			         err.message[0] ? err.message
			                        : nkg_strerror(s));
			r->bad_inputs++;
			nkg_record_clear(&rec);
			return;
		}
	} else {
		rec.text = buf;
		rec.len = len;
	}
	do_record(r, &rec, name, "");
	nkg_record_clear(&rec);
}

static int parse_int(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < 0 || v > 100000)
		return -1;
	*out = (int)v;
	return 0;
}

static int run_extract(const Options *opt, char **files, int nfiles,
                       const char *argv0);
static int run_analyze(const Options *opt, char **files, int nfiles,
                       const char *argv0);
static int run_corpus(const Options *opt, char **files, int nfiles,
                      const char *argv0);

enum {
	O_DATE = 256,
	O_INFMT,
	O_BASE,
	O_ONT,
	O_TEXT,
	O_LAYOUT,
	O_FOCUS,
	O_DEPTH,
	O_CLASS,
	O_CLUSTER,
	O_AFFIL,
	O_MAXN,
	O_MINCONF,
	O_PROV,
	O_WINDOW,
	O_NODOCS,
	O_MAXE
};

/* The options both commands take; returns -1 when CH is not one of them,
 * else an exit status (EXIT_OK: go on). */
static int common_option(int ch, char **argv, Options *opt, int *done)
{
	switch (ch) {
	case 'o':
		opt->output = optarg;
		return EXIT_OK;
	case O_INFMT:
		if (opt->corpus && !strcmp(optarg, "nquads")) {
			opt->input_format = INPUT_NQUADS;
			return EXIT_OK;
		}
		opt->input_format = nkg_input_format_from_name(optarg);
		if (opt->input_format < 0)
			return usage_error("unknown input format '%s'", optarg);
		return EXIT_OK;
	case O_ONT:
		opt->ontology = optarg;
		return EXIT_OK;
	case 'q':
		opt->quiet = 1;
		return EXIT_OK;
	case 'h':
		*done = 1;
		fputs(usage_text, stdout);
		return fflush(stdout) ? EXIT_FAILURE_OUT : EXIT_OK;
	case 'V':
		*done = 1;
		printf("newskg %s\n", NKG_VERSION);
		return fflush(stdout) ? EXIT_FAILURE_OUT : EXIT_OK;
	case ':':
		return usage_error("option '%s' needs a value",
		                   argv[optind - 1]);
	case '?':
		return usage_error("unknown option '%s'", argv[optind - 1]);
	}
	return -1;
}

/* The options of extract that analyze does not take; -1 when CH is not
 * one of them, else an exit status. */
static int extract_option(int ch, Options *opt)
{
	switch (ch) {
	case 'f': {
		int f = nkg_format_from_name(optarg);
		opt->corpus_format = 0;
		if (opt->corpus && f < 0 && !strcmp(optarg, "timeline")) {
			opt->corpus_format = CF_TIMELINE;
			f = NKG_FORMAT_SVG;
		} else if (opt->corpus && f < 0 && !strcmp(optarg, "csv")) {
			opt->corpus_format = CF_CSV;
			f = NKG_FORMAT_TURTLE;
		}
		if (f < 0 || (opt->corpus && f == NKG_FORMAT_RDFXML))
			return usage_error(
			        opt->corpus
			                ? "unknown format '%s' (corpus writes "
			                  "turtle, ntriples, nquads, dot, "
			                  "svg, png, pdf, timeline or csv)"
			                : "unknown format '%s'",
			        optarg);
		opt->format = (NkgFormat)f;
		return EXIT_OK;
	}
	case O_WINDOW:
		if (!opt->corpus)
			return -1;
		if (parse_int(optarg, &opt->window) || opt->window > 3650)
			return usage_error(
			        "--window wants a number of days from "
			        "0 to 3650, not '%s'",
			        optarg);
		return EXIT_OK;
	case O_NODOCS:
		if (!opt->corpus)
			return -1;
		opt->no_documents = 1;
		return EXIT_OK;
	case O_MAXE:
		if (!opt->corpus)
			return -1;
		if (parse_int(optarg, &opt->max_edges) || opt->max_edges < 1)
			return usage_error("--max-edges wants a number from 1 "
			                   "up, not '%s'",
			                   optarg);
		return EXIT_OK;
	case O_DATE: {
		int y, m, d;
		char extra;
		if (sscanf(optarg, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 ||
		    m < 1 || m > 12 || d < 1 || d > 31 || strlen(optarg) != 10)
			return usage_error("--date '%s' is not YYYY-MM-DD",
			                   optarg);
		opt->date = optarg;
		return EXIT_OK;
	}
	case O_BASE:
		opt->base = optarg;
		return EXIT_OK;
	case O_TEXT:
		opt->diagram.with_text = 1;
		return EXIT_OK;
	case O_PROV: {
		int l = nkg_provenance_from_name(optarg);
		if (l < 0)
			return usage_error("--provenance wants full, events or "
			                   "none, not '%s'",
			                   optarg);
		opt->diagram.provenance = (NkgProvenance)l;
		return EXIT_OK;
	}
	case 'j':
		if (parse_int(optarg, &opt->jobs) || opt->jobs < 1 ||
		    opt->jobs > 256)
			return usage_error(
			        "--jobs wants a number from 1 to 256");
		return EXIT_OK;
	case O_LAYOUT:
		opt->diagram.layout = optarg;
		return EXIT_OK;
	case O_FOCUS:
		opt->diagram.focus = optarg;
		return EXIT_OK;
	case O_DEPTH:
		if (parse_int(optarg, &opt->diagram.depth))
			return usage_error("--depth wants a number");
		return EXIT_OK;
	case O_CLASS:
		opt->diagram.event_class = optarg;
		return EXIT_OK;
	case O_CLUSTER:
		opt->diagram.cluster = 1;
		return EXIT_OK;
	case O_AFFIL:
		opt->diagram.show_affiliations = 1;
		return EXIT_OK;
	case O_MAXN:
		if (parse_int(optarg, &opt->diagram.max_nodes))
			return usage_error("--max-nodes wants a number");
		return EXIT_OK;
	case O_MINCONF: {
		char *end;
		double c = strtod(optarg, &end);
		if (!*optarg || *end || !(c >= 0 && c <= 1))
			return usage_error(
			        "--min-confidence wants a number from 0 to 1");
		opt->diagram.min_confidence = c > 0 ? c : -1;
		return EXIT_OK;
	}
	}
	return -1;
}

static int analyze_option(int ch, Options *opt)
{
	if (ch != 'f')
		return -1;
	if (!strcmp(optarg, "text"))
		opt->analysis = NKG_ANALYSIS_TEXT;
	else if (!strcmp(optarg, "conllu"))
		opt->analysis = NKG_ANALYSIS_CONLLU;
	else
		return usage_error(
		        "unknown format '%s' (analyze writes text or conllu)",
		        optarg);
	return EXIT_OK;
}

/* Parses the options of command argv[1] into OPT; returns -1 to go on
 * with the command, else the exit status. */
static int parse_options(int argc, char **argv, int analyze, int corpus,
                         Options *opt)
{
	static const struct option extract_opts[] = {
	        {"format", required_argument, NULL, 'f'},
	        {"output", required_argument, NULL, 'o'},
	        {"date", required_argument, NULL, O_DATE},
	        {"input-format", required_argument, NULL, O_INFMT},
	        {"base", required_argument, NULL, O_BASE},
	        {"ontology", required_argument, NULL, O_ONT},
	        {"with-text", no_argument, NULL, O_TEXT},
	        {"provenance", required_argument, NULL, O_PROV},
	        {"jobs", required_argument, NULL, 'j'},
	        {"quiet", no_argument, NULL, 'q'},
	        {"layout", required_argument, NULL, O_LAYOUT},
	        {"focus", required_argument, NULL, O_FOCUS},
	        {"depth", required_argument, NULL, O_DEPTH},
	        {"event-class", required_argument, NULL, O_CLASS},
	        {"cluster", no_argument, NULL, O_CLUSTER},
	        {"show-affiliations", no_argument, NULL, O_AFFIL},
	        {"max-nodes", required_argument, NULL, O_MAXN},
	        {"min-confidence", required_argument, NULL, O_MINCONF},
	        {"help", no_argument, NULL, 'h'},
	        {"version", no_argument, NULL, 'V'},
	        {"window", required_argument, NULL, O_WINDOW},
	        {"no-documents", no_argument, NULL, O_NODOCS},
	        {"max-edges", required_argument, NULL, O_MAXE},
	        {NULL, 0, NULL, 0}};
	static const struct option analyze_opts[] = {
	        {"format", required_argument, NULL, 'f'},
	        {"output", required_argument, NULL, 'o'},
	        {"input-format", required_argument, NULL, O_INFMT},
	        {"ontology", required_argument, NULL, O_ONT},
	        {"quiet", no_argument, NULL, 'q'},
	        {"help", no_argument, NULL, 'h'},
	        {"version", no_argument, NULL, 'V'},
	        {NULL, 0, NULL, 0}};
	memset(opt, 0, sizeof *opt);
	opt->format = NKG_FORMAT_TURTLE;
	opt->analysis = NKG_ANALYSIS_TEXT;
	opt->jobs = 1;
	opt->corpus = corpus;
	opt->window = 1;
	optind = 2;
	opterr = 0;
	int ch, done = 0;
	while ((ch = getopt_long(
	                argc, argv, analyze ? ":f:o:qhV" : ":f:o:j:qhV",
	                analyze ? analyze_opts : extract_opts, NULL)) != -1) {
		int rc = analyze ? analyze_option(ch, opt)
		                 : extract_option(ch, opt);
		if (rc < 0)
			rc = common_option(ch, argv, opt, &done);
		if (rc < 0)
			rc = usage_error("unknown option '%s'",
			                 argv[optind - 1]);
		if (rc != EXIT_OK || done)
			return rc;
	}
	if (opt->diagram.layout) {
		static const char *const layouts[] = {"dot", "neato", "fdp",
		                                      "sfdp", "circo"};
		int ok = 0;
		for (int i = 0; i < 5; i++)
			ok |= !strcmp(layouts[i], opt->diagram.layout);
		if (!ok)
			return usage_error("unknown layout '%s'",
			                   opt->diagram.layout);
	}
	return -1;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("no command given");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(usage_text, stdout);
		return fflush(stdout) ? EXIT_FAILURE_OUT : EXIT_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("newskg %s\n", NKG_VERSION);
		return fflush(stdout) ? EXIT_FAILURE_OUT : EXIT_OK;
	}
	int analyze = !strcmp(argv[1], "analyze");
	int corpus = !strcmp(argv[1], "corpus");
	if (!analyze && !corpus && strcmp(argv[1], "extract"))
		return usage_error("unknown command '%s'", argv[1]);
	Options opt;
	int rc = parse_options(argc, argv, analyze, corpus, &opt);
	if (rc >= 0)
		return rc;
	char *stdin_only[] = {"-"};
	char **files = optind < argc ? argv + optind : stdin_only;
	int nfiles = optind < argc ? argc - optind : 1;
	if (corpus)
		return run_corpus(&opt, files, nfiles, argv[0]);
	return analyze ? run_analyze(&opt, files, nfiles, argv[0])
	               : run_extract(&opt, files, nfiles, argv[0]);
}

/* Formats written document by document (memory stays flat): N-Quads
 * always, N-Triples and Turtle for more than one file or JSON Lines. */
static int is_streaming(const Options *opt, char **files, int nfiles)
{
	if (opt->format == NKG_FORMAT_NQUADS)
		return 1;
	if (opt->format != NKG_FORMAT_NTRIPLES &&
	    opt->format != NKG_FORMAT_TURTLE)
		return 0;
	int many = nfiles > 1 || opt->input_format == NKG_INPUT_JSONL;
	for (int i = 0; i < nfiles && !many && !opt->input_format; i++)
		many = strstr(files[i], ".jsonl") ||
		       strstr(files[i], ".ndjson");
	return many;
}

/* One worker of -j N: writes its share of the documents to FD. */
static int worker(const Options *opt, char **files, int nfiles, NkgLexicon *lex,
                  long job, FILE *out)
{
	Run r;
	memset(&r, 0, sizeof r);
	r.opt = opt;
	r.lex = lex;
	r.on_doc = extract_doc;
	r.stream = out;
	r.streaming = 1;
	r.job = job;
	r.jobs = opt->jobs;
	r.mute = job > 0;
	for (int i = 0; i < nfiles && !r.fatal; i++)
		do_file(&r, files[i]);
	nkg_graph_writer_free(r.writer);
	if (fflush(out))
		r.fatal = EXIT_FAILURE_OUT;
	return r.fatal ? r.fatal : r.bad_inputs ? EXIT_INPUT : EXIT_OK;
}

/* Appends the whole of temporary file F to OUT: in the kernel where it
 * can (sendfile), else through a buffer.  0 on success. */
static int append_part(FILE *f, FILE *out)
{
	if (fflush(out) || fflush(f))
		return -1;
	struct stat st;
	int in = fileno(f), fd = fileno(out);
	if (fstat(in, &st) == 0) {
		off_t at = 0;
		while (at < st.st_size) {
			ssize_t k = sendfile(fd, in, &at,
			                     (size_t)(st.st_size - at));
			if (k <= 0)
				break;
		}
		if (at == st.st_size)
			return 0;
		if (fseeko(f, at, SEEK_SET))
			return -1;
	} else {
		rewind(f);
	}
	char buf[1 << 16];
	size_t k;
	while ((k = fread(buf, 1, sizeof buf, f)) > 0)
		if (fwrite(buf, 1, k, out) != k)
			return -1;
	return ferror(f) ? -1 : 0;
}

/* -j N: workers take every N-th document; the first writes to OUT itself,
 * the others to their own temporary files, appended to OUT in worker
 * order.  Returns the worst exit status. */
static int run_jobs(const Options *opt, char **files, int nfiles,
                    NkgLexicon *lex, FILE *out)
{
	int status = EXIT_OK;
	FILE **parts = calloc((size_t)opt->jobs, sizeof *parts);
	pid_t *pids = calloc((size_t)opt->jobs, sizeof *pids);
	if (!parts || !pids) {
		free(parts);
		free(pids);
		say("out of memory");
		return EXIT_FAILURE_OUT;
	}
	for (int j = 0; j < opt->jobs; j++) {
		parts[j] = j ? tmpfile() : NULL;
		if (j && !parts[j]) {
			status = EXIT_FAILURE_OUT;
			break;
		}
		fflush(NULL);
		pids[j] = fork();
		if (pids[j] == 0) {
			Options o2 = *opt;
			o2.quiet = 1;
			int rc = worker(&o2, files, nfiles, lex, j,
			                j ? parts[j] : out);
			fflush(NULL);
			_exit(rc);
		}
	}
	for (int j = 0; j < opt->jobs; j++) {
		int ws = 0;
		if (pids[j] > 0 && waitpid(pids[j], &ws, 0) > 0) {
			int rc = WIFEXITED(ws) ? WEXITSTATUS(ws)
			                       : EXIT_FAILURE_OUT;
			if (rc > status)
				status = rc;
		}
	}
	for (int j = 1; j < opt->jobs && status != EXIT_FAILURE_OUT; j++)
		if (parts[j] && append_part(parts[j], out))
			status = EXIT_FAILURE_OUT;
	for (int j = 0; j < opt->jobs; j++)
		if (parts[j])
			fclose(parts[j]);
	free(parts);
	free(pids);
	return status;
}

static int run_extract(const Options *opt, char **files, int nfiles,
                       const char *argv0)
{
	NkgLexicon *lex = open_lexicon(opt, argv0);
	if (!lex)
		return EXIT_FAILURE_OUT;
	NkgError err = {0};

	Output out;
	if (output_start(&out, opt->output)) {
		nkg_lexicon_free(lex);
		return EXIT_FAILURE_OUT;
	}

	int status = EXIT_OK;
	if (opt->jobs > 1 && is_streaming(opt, files, nfiles)) {
		status = run_jobs(opt, files, nfiles, lex, out.f);
	} else {
		Run r;
		memset(&r, 0, sizeof r);
		r.opt = opt;
		r.lex = lex;
		r.on_doc = extract_doc;
		r.stream = out.f;
		r.streaming = is_streaming(opt, files, nfiles);
		r.prog.on = !opt->quiet && isatty(STDERR_FILENO);
		r.prog.start = r.prog.last = now();
		for (int i = 0; i < nfiles && !r.fatal; i++)
			do_file(&r, files[i]);
		if (r.prog.docs > 1)
			progress(&r.prog, 1);
		if (!r.streaming && !r.fatal && r.good_docs) {
			NkgStatus ws = nkg_graphs_write(r.graphs, r.n_graphs,
			                                opt->format, out.f,
			                                &opt->diagram, &err);
			if (ws) {
				if (ws != NKG_ERR_OUTPUT)
					say("%s: %s",
					    opt->output ? opt->output
					                : "output",
					    err.message[0] ? err.message
					                   : nkg_strerror(ws));
				r.fatal = ws == NKG_ERR_USAGE
				                  ? EXIT_USAGE
				                  : EXIT_FAILURE_OUT;
			}
		} else if (!r.streaming && !r.fatal && !r.bad_inputs &&
		           !r.good_docs) {
			/* no documents at all: a valid empty graph */
			nkg_graphs_write(r.graphs, 0, opt->format, out.f,
			                 &opt->diagram, &err);
		}
		for (size_t i = 0; i < r.n_graphs; i++)
			nkg_graph_free(r.graphs[i]);
		free(r.graphs);
		nkg_graph_writer_free(r.writer);
		status = r.fatal        ? r.fatal
		         : r.bad_inputs ? EXIT_INPUT
		                        : EXIT_OK;
		/* A run where every input failed writes nothing. */
		if (r.bad_inputs && !r.good_docs && status == EXIT_INPUT)
			status = EXIT_INPUT;
		if (status == EXIT_INPUT && !r.good_docs) {
			output_close(&out, 0);
			active_output = NULL;
			nkg_lexicon_free(lex);
			return status;
		}
	}
	int keep = status == EXIT_OK || status == EXIT_INPUT;
	if (output_close(&out, keep))
		status = EXIT_FAILURE_OUT;
	active_output = NULL;
	nkg_lexicon_free(lex);
	return status;
}

/* analyze: each document's sentences are written as soon as it is read,
 * so memory does not grow with the input. */
static int run_analyze(const Options *opt, char **files, int nfiles,
                       const char *argv0)
{
	NkgLexicon *lex = open_lexicon(opt, argv0);
	if (!lex)
		return EXIT_FAILURE_OUT;
	Output out;
	if (output_start(&out, opt->output)) {
		nkg_lexicon_free(lex);
		return EXIT_FAILURE_OUT;
	}

	Run r;
	memset(&r, 0, sizeof r);
	r.opt = opt;
	r.lex = lex;
	r.lang = nkg_lexicon_lang(lex);
	r.on_doc = analyze_doc;
	r.stream = out.f;
	r.streaming = 1;
	r.prog.on = !opt->quiet && isatty(STDERR_FILENO);
	r.prog.start = r.prog.last = now();
	for (int i = 0; i < nfiles && !r.fatal; i++)
		do_file(&r, files[i]);
	if (r.prog.docs > 1)
		progress(&r.prog, 1);
	int status = r.fatal ? r.fatal : r.bad_inputs ? EXIT_INPUT : EXIT_OK;
	/* as with extract, a run where every input failed writes nothing */
	int keep = status == EXIT_OK || (status == EXIT_INPUT && r.good_docs);
	if (output_close(&out, keep) && (keep || status == EXIT_FAILURE_OUT))
		status = EXIT_FAILURE_OUT;
	active_output = NULL;
	nkg_lexicon_free(lex);
	return status;
}

/* ---- corpus ---- */

/* Writes the statements of one document graph (read back from N-Quads)
 * to the output as extract would have written the graph. */
static int write_quads(Run *r, const char *graph, const NkgQuad *q, size_t n)
{
	NkgRdfOut *o =
	        nkg_rdf_out_open(r->opt->format, r->stream, r->written++ == 0);
	if (!o) {
		say("out of memory");
		r->fatal = EXIT_FAILURE_OUT;
		return -1;
	}
	nkg_rdf_out_graph(o, graph);
	nkg_rdf_out_seen(o, r->seen, graph);
	for (size_t i = 0; i < n; i++) {
		nkg_rdf_out_default(o, q[i].dflt);
		if (q[i].literal)
			nkg_rdf_out_lit(o, q[i].s, q[i].p, q[i].o, q[i].lang,
			                q[i].lang ? NULL : q[i].dtype);
		else
			nkg_rdf_out_res(o, q[i].s, q[i].p, q[i].o);
	}
	NkgError err = {0};
	if (nkg_rdf_out_close(o, &err)) {
		r->fatal = EXIT_FAILURE_OUT;
		return -1;
	}
	return 0;
}

/* A document already in the corpus is left out: the same text given
 * twice, or an overlapping shard. */
static int corpus_repeat(Run *r, const NkgGraph *g)
{
	if (!nkg_corpus_has_doc(r->corpus, g->doc_iri))
		return 0;
	r->dup_docs++;
	return 1;
}

static int corpus_add(Run *r, NkgGraph *g)
{
	NkgStatus st = nkg_corpus_add_graph(r->corpus, g);
	nkg_graph_free(g);
	if (st) {
		say("%s", nkg_strerror(st));
		r->fatal = EXIT_FAILURE_OUT;
		return -1;
	}
	return 0;
}

/* An extracted document graph: written (unless --no-documents), added to
 * the corpus, freed. */
static int corpus_keep(Run *r, NkgGraph *g)
{
	if (corpus_repeat(r, g)) {
		nkg_graph_free(g);
		return 0;
	}
	if (r->docs_out) {
		NkgError err = {0};
		const NkgWriteOptions *wo = &r->opt->diagram;
		NkgStatus st = nkg_emit_rdf_part(
		        g, r->opt->format, r->stream, wo->with_text,
		        wo->provenance, r->written++ == 0, r->seen, &err);
		if (st) {
			if (st != NKG_ERR_OUTPUT)
				say("%s", err.message[0] ? err.message
				                         : nkg_strerror(st));
			nkg_graph_free(g);
			r->fatal = EXIT_FAILURE_OUT;
			return -1;
		}
	}
	return corpus_add(r, g);
}

/* A document graph rebuilt from N-Quads. */
static NkgStatus corpus_quads(void *ctx, NkgGraph *g, const NkgQuad *q,
                              size_t n)
{
	Run *r = ctx;
	if (corpus_repeat(r, g)) {
		if (!r->dup_warned && r->file_name)
			say("%s: document <%s> comes again; it is counted "
			    "once (keep each document's statements together, "
			    "as extract writes them)",
			    r->file_name, g->doc_iri);
		r->dup_warned = 1;
		nkg_graph_free(g);
		return NKG_SUCCESS;
	}
	if (r->docs_out && write_quads(r, g->doc_iri, q, n)) {
		nkg_graph_free(g);
		return NKG_ERR_OUTPUT;
	}
	r->prog.docs++;
	return corpus_add(r, g) ? NKG_ERR_INTERNAL : NKG_SUCCESS;
}

/* Feeds LEN bytes of N-Quads (the whole input when END) to the corpus;
 * -1 on failure, reported. */
static int feed_nquads(Run *r, NkgQuadReader **qr, const char *name,
                       const char *buf, size_t len, int end)
{
	NkgError err = {0};
	if (!*qr) {
		*qr = nkg_nquads_open(name, corpus_quads, r, &err);
		if (!*qr) {
			say("%s", err.message);
			r->fatal = EXIT_FAILURE_OUT;
			return -1;
		}
	}
	NkgStatus st = nkg_nquads_feed(*qr, buf, len, end, &err);
	if (st == NKG_ERR_INPUT) {
		say("%s", err.message);
		r->bad_inputs++;
		return -1;
	}
	if (st) {
		if (!r->fatal) {
			say("%s", err.message);
			r->fatal = EXIT_FAILURE_OUT;
		}
		return -1;
	}
	return 0;
}

/* An N-Quads input: in a worker, a frame that tells the parent to read
 * it at this place of the input order. */
static void read_nquads(Run *r, FILE *f, const char *name)
{
	if (!r->opt->corpus) {
		say("%s: N-Quads are read by corpus only", name);
		r->bad_inputs++;
		return;
	}
	if (r->frames) {
		long seq = r->seq++;
		if (seq % r->jobs == r->job)
			fprintf(r->stream, "N %ld %d\n", seq, r->file_index);
		return;
	}
	NkgQuadReader *qr = NULL;
	r->file_name = name;
	r->dup_warned = 0;
	char buf[1 << 16];
	size_t k;
	int bad = 0;
	while (!bad && (k = fread(buf, 1, sizeof buf, f)) > 0)
		bad = feed_nquads(r, &qr, name, buf, k, 0);
	if (!bad && ferror(f)) {
		say("%s: cannot read: %s", name, strerror(errno ? errno : EIO));
		r->bad_inputs++;
		bad = 1;
	}
	if (!bad)
		feed_nquads(r, &qr, name, NULL, 0, 1);
	nkg_nquads_close(qr);
	r->file_name = NULL;
}

/* A worker of corpus -j: the document as N-Quads, in a frame with its
 * place in the input order. */
static int frame_graph(Run *r, NkgGraph *g)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	NkgWriteOptions wo = r->opt->diagram;
	if (!r->docs_out) {
		/* the corpus needs no mentions */
		wo.provenance = NKG_PROVENANCE_NONE;
		wo.with_text = 0;
	}
	NkgError err = {0};
	NkgStatus st =
	        m ? nkg_graph_write_part(g, NKG_FORMAT_NQUADS, m, &wo, 1, &err)
	          : NKG_ERR_INTERNAL;
	if (m && fclose(m) && !st)
		st = NKG_ERR_INTERNAL;
	nkg_graph_free(g);
	if (!st && (fprintf(r->stream, "D %ld %zu\n", r->seq - 1, len) < 0 ||
	            fwrite(buf, 1, len, r->stream) != len))
		st = NKG_ERR_OUTPUT;
	free(buf);
	if (st) {
		say("%s", err.message[0] ? err.message : nkg_strerror(st));
		r->fatal = EXIT_FAILURE_OUT;
		return -1;
	}
	return 0;
}

/* One frame header of a worker's output. */
typedef struct {
	FILE *f;
	int has;
	char kind; /* 'D' a document, 'N' an N-Quads file */
	long seq;
	size_t arg; /* bytes, or the file's index */
} Part;

static void next_frame(Part *p)
{
	char line[96];
	p->has = 0;
	if (!fgets(line, sizeof line, p->f))
		return;
	char kind;
	long seq;
	size_t arg;
	if (sscanf(line, "%c %ld %zu", &kind, &seq, &arg) == 3 &&
	    (kind == 'D' || kind == 'N')) {
		p->kind = kind;
		p->seq = seq;
		p->arg = arg;
		p->has = 1;
	}
}

/* corpus -j N: workers extract every N-th document and send it back as
 * N-Quads; the corpus takes them in input order, as one process would,
 * so that -j changes nothing in the output. */
static int corpus_jobs(Run *r, char **files, int nfiles)
{
	const Options *opt = r->opt;
	int status = EXIT_OK;
	Part *parts = calloc((size_t)opt->jobs, sizeof *parts);
	pid_t *pids = calloc((size_t)opt->jobs, sizeof *pids);
	if (!parts || !pids) {
		free(parts);
		free(pids);
		say("out of memory");
		return EXIT_FAILURE_OUT;
	}
	for (int j = 0; j < opt->jobs && status == EXIT_OK; j++) {
		parts[j].f = tmpfile();
		if (!parts[j].f) {
			say("cannot create a temporary file: %s",
			    strerror(errno));
			status = EXIT_FAILURE_OUT;
			break;
		}
		fflush(NULL);
		pids[j] = fork();
		if (pids[j] == 0) {
			Run w;
			memset(&w, 0, sizeof w);
			w.opt = opt;
			w.lex = r->lex;
			w.on_doc = extract_doc;
			w.stream = parts[j].f;
			w.frames = 1;
			w.docs_out = r->docs_out;
			w.job = j;
			w.jobs = opt->jobs;
			w.mute = j > 0;
			for (int i = 0; i < nfiles && !w.fatal; i++) {
				w.file_index = i;
				do_file(&w, files[i]);
			}
			if (fflush(w.stream))
				w.fatal = EXIT_FAILURE_OUT;
			fflush(NULL);
			_exit(w.fatal        ? w.fatal
			      : w.bad_inputs ? EXIT_INPUT
			                     : EXIT_OK);
		}
		if (pids[j] < 0) {
			say("cannot start a worker: %s", strerror(errno));
			status = EXIT_FAILURE_OUT;
		}
	}
	for (int j = 0; j < opt->jobs; j++) {
		int ws = 0;
		if (pids[j] > 0 && waitpid(pids[j], &ws, 0) > 0) {
			int rc = WIFEXITED(ws) ? WEXITSTATUS(ws)
			                       : EXIT_FAILURE_OUT;
			if (rc > status)
				status = rc;
		}
	}
	for (int j = 0; j < opt->jobs && status == EXIT_OK; j++) {
		rewind(parts[j].f);
		next_frame(&parts[j]);
	}
	/* one reader parses the documents of the workers (a reader for each
	 * would cost more than the document) */
	NkgQuadReader *qr = NULL;
	while (status == EXIT_OK && !r->fatal && !r->bad_inputs) {
		int best = -1;
		for (int j = 0; j < opt->jobs; j++)
			if (parts[j].has &&
			    (best < 0 || parts[j].seq < parts[best].seq))
				best = j;
		if (best < 0)
			break;
		Part *p = &parts[best];
		if (p->kind == 'N') {
			/* the documents so far go first */
			if (qr)
				feed_nquads(r, &qr, "<worker output>", NULL, 0,
				            1);
			if (r->fatal || r->bad_inputs)
				break;
			const char *path = files[p->arg];
			FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
			if (!f) {
				say("%s: cannot open: %s", path,
				    strerror(errno));
				r->bad_inputs++;
				break;
			}
			read_nquads(r, f, strcmp(path, "-") ? path : "<stdin>");
			if (f != stdin)
				fclose(f);
		} else {
			char *buf = malloc(p->arg + 1);
			if (!buf || fread(buf, 1, p->arg, p->f) != p->arg) {
				free(buf);
				say("a worker's output is cut short");
				status = EXIT_FAILURE_OUT;
				break;
			}
			feed_nquads(r, &qr, "<worker output>", buf, p->arg, 0);
			free(buf);
		}
		next_frame(p);
	}
	if (qr && status == EXIT_OK && !r->fatal && !r->bad_inputs)
		feed_nquads(r, &qr, "<worker output>", NULL, 0, 1);
	nkg_nquads_close(qr);
	for (int j = 0; j < opt->jobs; j++)
		if (parts[j].f)
			fclose(parts[j].f);
	free(parts);
	free(pids);
	return status;
}

static int run_corpus(const Options *opt, char **files, int nfiles,
                      const char *argv0)
{
	NkgLexicon *lex = open_lexicon(opt, argv0);
	if (!lex)
		return EXIT_FAILURE_OUT;
	NkgError err = {0};
	NkgCorpus *c = nkg_corpus_new(opt->window);
	if (!c || nkg_corpus_set_base(c, opt->base)) {
		say("out of memory");
		nkg_corpus_free(c);
		nkg_lexicon_free(lex);
		return EXIT_FAILURE_OUT;
	}
	Output out;
	if (output_start(&out, opt->output)) {
		nkg_corpus_free(c);
		nkg_lexicon_free(lex);
		return EXIT_FAILURE_OUT;
	}
	int rdf = !opt->corpus_format && (opt->format == NKG_FORMAT_TURTLE ||
	                                  opt->format == NKG_FORMAT_NTRIPLES ||
	                                  opt->format == NKG_FORMAT_NQUADS);
	Run r;
	memset(&r, 0, sizeof r);
	r.opt = opt;
	r.lex = lex;
	r.on_doc = extract_doc;
	r.stream = out.f;
	r.corpus = c;
	r.docs_out = rdf && !opt->no_documents;
	/* below full, a shared actor is described in the first document
	 * graph that names it, as extract writes them (without memory for
	 * the set, in each: the same union) */
	if (r.docs_out && opt->diagram.provenance != NKG_PROVENANCE_FULL)
		r.seen = nkg_rdf_seen_new();
	r.prog.on = !opt->quiet && isatty(STDERR_FILENO);
	r.prog.start = r.prog.last = now();
	int status = EXIT_OK;
	if (opt->jobs > 1) {
		status = corpus_jobs(&r, files, nfiles);
	} else {
		for (int i = 0; i < nfiles && !r.fatal; i++)
			do_file(&r, files[i]);
	}
	if (r.prog.docs > 1)
		progress(&r.prog, 1);
	if (status == EXIT_OK)
		status = r.fatal        ? r.fatal
		         : r.bad_inputs ? EXIT_INPUT
		                        : EXIT_OK;
	if (status == EXIT_OK) {
		nkg_corpus_finish(c);
		nkg_corpus_label_classes(c, lex);
		NkgCorpusDiagramOptions dopt = {0};
		dopt.max_actors = opt->diagram.max_nodes;
		dopt.max_edges = opt->max_edges;
		dopt.min_confidence = opt->diagram.min_confidence;
		dopt.layout = opt->diagram.layout;
		NkgStatus ws;
		if (opt->corpus_format == CF_CSV)
			ws = nkg_corpus_write_csv(c, out.f, &err);
		else if (opt->corpus_format == CF_TIMELINE)
			ws = nkg_corpus_write_timeline(c, out.f, &dopt, &err);
		else if (rdf)
			ws = nkg_corpus_emit_rdf(c, opt->format, out.f,
			                         r.written == 0, &err);
		else
			ws = nkg_corpus_write_diagram(c, opt->format, out.f,
			                              &dopt, &err);
		if (ws) {
			if (ws != NKG_ERR_OUTPUT)
				say("%s: %s",
				    opt->output ? opt->output : "output",
				    err.message[0] ? err.message
				                   : nkg_strerror(ws));
			status = ws == NKG_ERR_USAGE ? EXIT_USAGE
			                             : EXIT_FAILURE_OUT;
		}
	}
	if (status == EXIT_OK && !opt->quiet) {
		size_t members = 0;
		for (size_t i = 0; i < c->n_events; i++)
			members += c->events[i].n_members;
		say("corpus: %zu documents, %zu document events, %zu corpus "
		    "events%s",
		    c->n_docs, members, c->n_events,
		    r.dup_docs ? " (documents given twice counted once)" : "");
	}
	/* a corpus is all of its inputs or nothing: no output is kept when
	 * one of them failed */
	if (output_close(&out, status == EXIT_OK) && status == EXIT_OK)
		status = EXIT_FAILURE_OUT;
	active_output = NULL;
	nkg_rdf_seen_free(r.seen);
	nkg_corpus_free(c);
	nkg_lexicon_free(lex);
	return status;
}
