/* SPDX-License-Identifier: MIT */
/* newskg.h: public API of libnewskg, news articles in, knowledge graph out.
 *
 * The library reads one document at a time, finds actors, posts and events
 * with the lexicon loaded from the ontology directory, and writes the graph
 * as RDF (Turtle, N-Triples, N-Quads, RDF/XML) or as a diagram (DOT, SVG,
 * PNG, PDF).  No librdf, cgraph or libxml2 type appears here.
 *
 *     NkgError err = {0};
 *     NkgLexicon *lex = NULL;
 *     if (nkg_lexicon_load("ontology", &lex, &err)) { report(&err); }
 *     NkgDocument *doc = nkg_document_new(text, len, &err);
 *     NkgGraph *g = NULL;
 *     nkg_extract(lex, doc, NULL, &g, &err);
 *     nkg_graph_write(g, NKG_FORMAT_TURTLE, stdout, NULL, &err);
 *     nkg_graph_free(g); nkg_document_free(doc); nkg_lexicon_free(lex);
 *
 * Every _free() accepts NULL.  Functions that return a new object say who
 * frees it.
 */
#ifndef NEWSKG_H
#define NEWSKG_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NKG_VERSION "0.1.0"

/* Only the functions declared here are exported by libnewskg.so; the
 * library is built with -fvisibility=hidden. */
#if defined(__GNUC__) && __GNUC__ >= 4
#define NKG_API __attribute__((visibility("default")))
#else
#define NKG_API
#endif
#define NKG_NS "https://w3id.org/newskg/ns#"
#define NKG_DEFAULT_BASE "https://w3id.org/newskg/doc/"

/** Status of every fallible call; 0 is success. */
typedef enum {
	NKG_SUCCESS = 0,
	NKG_ERR_USAGE,    /**< bad argument or option */
	NKG_ERR_INPUT,    /**< unreadable or invalid input */
	NKG_ERR_OUTPUT,   /**< cannot write output */
	NKG_ERR_LEXICON,  /**< the ontology/lexicon could not be loaded */
	NKG_ERR_INTERNAL, /**< a library failed or memory ran out */
} NkgStatus;

/** Where and what went wrong; filled by fallible calls. */
typedef struct {
	NkgStatus status;
	char file[256]; /**< file or record name, may be empty */
	long line;      /**< 1-based line or record number, 0 if unknown */
	long offset;    /**< byte offset, -1 if unknown */
	char message[512];
} NkgError;

/** Output formats. */
typedef enum {
	NKG_FORMAT_TURTLE = 0,
	NKG_FORMAT_NTRIPLES,
	NKG_FORMAT_NQUADS,
	NKG_FORMAT_RDFXML,
	NKG_FORMAT_DOT,
	NKG_FORMAT_SVG,
	NKG_FORMAT_PNG,
	NKG_FORMAT_PDF,
} NkgFormat;

/** Input formats. */
typedef enum {
	NKG_INPUT_AUTO = 0,
	NKG_INPUT_TEXT,
	NKG_INPUT_HTML,
	NKG_INPUT_NITF,
	NKG_INPUT_NEWSML,
	NKG_INPUT_JSONL,
} NkgInputFormat;

typedef struct NkgLexiconImpl NkgLexicon;
typedef struct NkgDocumentImpl NkgDocument;
typedef struct NkgGraphImpl NkgGraph;
typedef struct NkgLangImpl NkgLang;

/** Returns a static description of a status. */
NKG_API const char *nkg_strerror(NkgStatus st);

/** Parses a format name ("turtle", "nt", ...); returns -1 if unknown. */
NKG_API int nkg_format_from_name(const char *name);

/** Parses an input format name; returns -1 if unknown. */
NKG_API int nkg_input_format_from_name(const char *name);

/** Loads every lexicon file in directory DIR; DIR NULL means
 * $NKG_ONTOLOGY, else the ontology installed with the library
 * (PREFIX/share/newskg/ontology).  On success *out is a new
 * lexicon the caller frees with nkg_lexicon_free().  The compiled tables
 * are kept in a cache named after a hash of the files ($NKG_CACHE_DIR,
 * else $XDG_CACHE_HOME/newskg or ~/.cache/newskg; NKG_CACHE_DIR=off
 * disables it), so that later loads skip parsing the Turtle. */
NKG_API NkgStatus nkg_lexicon_load(const char *dir, NkgLexicon **out,
                                   NkgError *err);
NKG_API void nkg_lexicon_free(NkgLexicon *lex);

/** Creates a document from UTF-8 text (copied).  Returns NULL and fills
 * ERR when the text is not valid UTF-8 or contains NUL bytes. */
NKG_API NkgDocument *nkg_document_new(const char *text, size_t len,
                                      NkgError *err);
NKG_API void nkg_document_free(NkgDocument *doc);

/** Creates a document from one JSON Lines record of LEN bytes (an object
 * with "text" and optionally "id", "date", "url", "title", "source"),
 * read exactly as `newskg extract --input-format jsonl` reads each line.  NAME
 * names the record in messages (NULL for "<record>").  Returns NULL and fills
 * ERR when the record is not valid JSON or has no text. */
NKG_API NkgDocument *nkg_document_from_json(const char *json, size_t len,
                                            const char *name, NkgError *err);

/** Metadata setters; each copies its string.  NULL clears. */
NKG_API void nkg_document_set_id(NkgDocument *doc, const char *id);
NKG_API void nkg_document_set_date(NkgDocument *doc, const char *yyyy_mm_dd);
NKG_API void nkg_document_set_title(NkgDocument *doc, const char *title);
NKG_API void nkg_document_set_url(NkgDocument *doc, const char *url);
NKG_API void nkg_document_set_source_name(NkgDocument *doc, const char *name);
NKG_API const char *nkg_document_text(const NkgDocument *doc, size_t *len);
/** The document's id, or the name made from a hash of its text (written
 * into BUF) when it has none. */
NKG_API const char *nkg_document_id(const NkgDocument *doc, char buf[32]);

/** Extraction options; zero-initialise for defaults. */
typedef struct {
	const char
	        *base; /**< base IRI for documents, NULL for NKG_DEFAULT_BASE */
	const char *date; /**< publication date override (YYYY-MM-DD) or NULL */
} NkgExtractOptions;

/** Extracts the graph of DOC.  *out is a new graph the caller frees. */
NKG_API NkgStatus nkg_extract(const NkgLexicon *lex, const NkgDocument *doc,
                              const NkgExtractOptions *opt, NkgGraph **out,
                              NkgError *err);
NKG_API void nkg_graph_free(NkgGraph *g);

/** Counts, for reports and tests. */
NKG_API size_t nkg_graph_actor_count(const NkgGraph *g);
NKG_API size_t nkg_graph_event_count(const NkgGraph *g);

/** How much provenance the RDF output keeps (--provenance). */
typedef enum {
	/** each event's first mention (its sentence) and rule, one mention
	 * per actor per document: the default */
	NKG_PROVENANCE_EVENTS = 0,
	NKG_PROVENANCE_FULL, /**< every mention of every node */
	NKG_PROVENANCE_NONE, /**< actors and events, no mentions */
} NkgProvenance;

/** Parses "full", "events" or "none"; returns -1 if unknown. */
NKG_API int nkg_provenance_from_name(const char *name);

/** Output options; zero-initialise for defaults.  with_text and
 * provenance concern RDF, the others the diagrams (DOT/SVG/PNG/PDF). */
typedef struct {
	int with_text; /**< RDF: the text as the Document's nif:isString */
	NkgProvenance provenance; /**< RDF: mentions kept (default events) */
	const char *layout;       /**< dot (default), neato, fdp, sfdp, circo */
	const char *focus; /**< keep the neighbourhood of this actor label */
	int depth;         /**< with focus: hops kept (default 1) */
	const char *event_class; /**< keep events of this class (local name) */
	int cluster;             /**< group actors inside their country */
	int show_affiliations;   /**< draw affiliation edges */
	int max_nodes;         /**< keep the most connected actors (0 = 150) */
	double min_confidence; /**< draw events at least this confident (0 =
	                          0.5; <0 = all) */
} NkgWriteOptions;
typedef NkgWriteOptions NkgDiagramOptions;

/** Writes G to STREAM in FORMAT.  DIAGRAM (the output options) may be
 * NULL. */
NKG_API NkgStatus nkg_graph_write(const NkgGraph *g, NkgFormat format,
                                  FILE *stream,
                                  const NkgDiagramOptions *diagram,
                                  NkgError *err);

/** Writes G in FORMAT (an RDF format, DOT or SVG) into a new buffer:
 * *out holds *len bytes and a final NUL, and the caller frees it with
 * nkg_free().  For bindings that cannot hand over a FILE *. */
NKG_API NkgStatus nkg_graph_write_buffer(const NkgGraph *g, NkgFormat format,
                                         const NkgWriteOptions *opt, char **out,
                                         size_t *len, NkgError *err);

/** Frees memory the library returned (nkg_graph_write_buffer()). */
NKG_API void nkg_free(void *p);

/** Writes several graphs (one per document) as one stream: N-Quads gives
 * one named graph per document; other RDF formats merge them.  Below the
 * full provenance level, the line formats describe an actor that the
 * documents share once, as nkg_graph_writer_new() does. */
NKG_API NkgStatus nkg_graphs_write(NkgGraph *const *gs, size_t n,
                                   NkgFormat format, FILE *stream,
                                   const NkgDiagramOptions *diagram,
                                   NkgError *err);

/** Writes G as one graph of a stream of many to STREAM, FIRST being
 * nonzero for the first: memory stays flat however many follow.  Turtle
 * is then written graph by graph (the prefixes with the first, each
 * graph's statements grouped by subject, a known actor described again in
 * every graph that names it) instead of merged; N-Triples and N-Quads as
 * by nkg_graph_write().  Not for RDF/XML or the diagrams, which need the
 * whole batch (nkg_graphs_write()). */
NKG_API NkgStatus nkg_graph_write_part(const NkgGraph *g, NkgFormat format,
                                       FILE *stream, const NkgWriteOptions *opt,
                                       int first, NkgError *err);

/** A stream of document graphs written one after another (Turtle,
 * N-Triples or N-Quads), as nkg_graph_write_part() writes them but for
 * one thing: below the full provenance level, an actor that graphs share
 * (its IRI is not under its document's, as a country, a leader or an
 * agency of the lexicon) has its class, names, country code, sector and
 * affiliations written in the first graph of the stream that names it
 * only.  Later graphs give its evidence and what it does; the union of
 * the graphs holds the same statements.  Memory stays flat. */
typedef struct NkgGraphWriterImpl NkgGraphWriter;

/** *out is a new writer to STREAM in FORMAT with the options OPT (may be
 * NULL); NKG_ERR_USAGE for a format written by batch only. */
NKG_API NkgStatus nkg_graph_writer_new(NkgGraphWriter **out, NkgFormat format,
                                       FILE *stream, const NkgWriteOptions *opt,
                                       NkgError *err);
/** Writes G, the next graph of the stream. */
NKG_API NkgStatus nkg_graph_writer_add(NkgGraphWriter *w, const NkgGraph *g,
                                       NkgError *err);
/** Frees W; what was written stays in the stream, which W does not close.
 */
NKG_API void nkg_graph_writer_free(NkgGraphWriter *w);

/** Formats of the linguistic layer's output (newskg analyze). */
typedef enum {
	NKG_ANALYSIS_TEXT = 0, /**< for people: tags, chunks, relations */
	NKG_ANALYSIS_CONLLU,   /**< Universal Dependencies CoNLL-U */
} NkgAnalysisFormat;

/** Loads the linguistic layer's data: tagging statistics from Debian's
 * liblingua-en-tagger-perl ($NKG_TAGGER_DIR) and WordNet from wordnet-base
 * ($NKG_WORDNET_DIR), compiled once into the lexicon cache directory.
 * *out is new; the caller frees it with nkg_lang_free().  A missing file
 * gives NKG_ERR_LEXICON with a message naming it and its package. */
NKG_API NkgStatus nkg_lang_load(NkgLang **out, NkgError *err);
NKG_API void nkg_lang_free(NkgLang *lang);
/** The linguistic data that nkg_lexicon_load() loaded with LEX (the
 * extractor reads sentences through it); owned by LEX. */
NKG_API const NkgLang *nkg_lexicon_lang(const NkgLexicon *lex);

/** Writes the sentences of DOC with their words, tags, lemmas, chunks and
 * relations to STREAM in FORMAT.  LEX supplies abbreviations for sentence
 * splitting.  CoNLL-U starts with "# newdoc id = ID" (the document id, or
 * the hash name of its text). */
NKG_API NkgStatus nkg_analyze_write(const NkgLang *lang, const NkgLexicon *lex,
                                    const NkgDocument *doc,
                                    NkgAnalysisFormat format, FILE *stream,
                                    NkgError *err);

#ifdef __cplusplus
}
#endif

#endif /* NEWSKG_H */
