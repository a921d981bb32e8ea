/* SPDX-License-Identifier: MIT */
/* input.h: readers that turn news files (HTML, NITF, NewsML-G2, JSON Lines)
 * into plain article text with its metadata.
 *
 * A reader fills an NkgRecord: the article text as UTF-8 paragraphs
 * separated by blank lines, headline first, and the id, title, date and
 * URL when the file gives them.  Markup files hold one article and are read
 * from memory; JSON Lines files hold one article a line and are read one
 * line at a time, so memory is bounded by the longest line:
 *
 *     NkgJsonlReader *r = nkg_jsonl_open(stdin, "<stdin>");
 *     for (int eof = 0;;) {
 *             NkgRecord rec = {0};
 *             NkgStatus st = nkg_jsonl_next(r, &rec, &eof, &err);
 *             if (eof) break;
 *             if (!st) use(&rec);  else report(&err);  // next line follows
 *             nkg_record_clear(&rec);
 *     }
 *     nkg_jsonl_close(r);
 *
 * Only markup.c sees libxml2.  Hostile XML is refused: external entities
 * and DTDs are never loaded, internal entity expansion is bounded, and
 * libxml2's depth limit stays on.
 */
#ifndef NKG_INPUT_H
#define NKG_INPUT_H

#include "newskg.h"

#include <stddef.h>
#include <stdio.h>

/* One article.  Every member is owned by the record. */
typedef struct {
	char *text; /* article text, UTF-8, NUL-terminated, NULL if none */
	size_t len; /* bytes in text */
	char *id;   /* metadata, or NULL */
	char *title;
	char *date; /* YYYY-MM-DD, or NULL when absent or not understood */
	char *url;
	char *source; /* publisher's name, or NULL */
} NkgRecord;

/* Makes the document of record R (its text and metadata); NULL with ERR
 * filled when the text is not valid UTF-8. */
NkgDocument *nkg_record_document(const NkgRecord *rec, NkgError *err);

/* Frees the members of R and zeroes it.  R may be NULL. */
void nkg_record_clear(NkgRecord *r);

/* Guesses the format of BUF (LEN bytes) read from FILENAME (may be NULL):
 * by extension first (.html .htm .xhtml .nitf .xml .jsonl .ndjson .txt),
 * then by content.  Never returns NKG_INPUT_AUTO. */
NkgInputFormat nkg_input_detect(const char *buf, size_t len,
                                const char *filename);

/* Reads one article from BUF in FMT (NKG_INPUT_HTML, _NITF or _NEWSML).
 * NAME names the input in messages.  On success fills *OUT (which must be
 * empty), the caller clears it with nkg_record_clear().  An empty or
 * blank BUF gives a record with empty text.  Fails with NKG_ERR_INPUT for
 * malformed or hostile markup or a document in which no article text is
 * found, NKG_ERR_USAGE for another FMT, NKG_ERR_INTERNAL when memory runs
 * out. */
NkgStatus nkg_read_markup(NkgInputFormat fmt, const char *buf, size_t len,
                          const char *name, NkgRecord *out, NkgError *err);

/* JSON Lines: one object a line with "text" (required) and optional "id",
 * "date", "url" and "title" strings, and "source" (the publisher: a string,
 * or an object whose "name" is one); other members are checked and
 * ignored. */
typedef struct NkgJsonlReaderImpl NkgJsonlReader;

/* Returns a new reader of IN (not closed by the reader), which the caller
 * frees with nkg_jsonl_close(), or NULL when memory runs out.  NAME names
 * the input in messages. */
NkgJsonlReader *nkg_jsonl_open(FILE *in, const char *name);

/* Reads the next record into *OUT (overwritten; the caller clears it).
 * Blank lines are skipped.  Returns NKG_SUCCESS, or NKG_ERR_INPUT for a bad
 * line ("NAME: line N, column C: ...") after which the next call goes on
 * with the following line.  At the end of the input sets *EOF to 1 and
 * returns NKG_SUCCESS (or NKG_ERR_INPUT when reading failed). */
NkgStatus nkg_jsonl_next(NkgJsonlReader *r, NkgRecord *out, int *eof,
                         NkgError *err);
void nkg_jsonl_close(NkgJsonlReader *r);

/* Shares the input among JOBS readers (-j): the records (non-blank lines)
 * are numbered from FIRST, and only those whose number modulo JOBS is JOB
 * are parsed and returned; the others are passed over unread, so that
 * each line is parsed, and reported when bad, by one reader alone. */
void nkg_jsonl_share(NkgJsonlReader *r, long first, int jobs, int job);
/* The number of the record last returned (from FIRST, or 0), and how many
 * records (non-blank lines) were read or passed over so far. */
long nkg_jsonl_ordinal(const NkgJsonlReader *r);
long nkg_jsonl_count(const NkgJsonlReader *r);

/* ---- Shared by the readers in src/input; not for other modules. ---- */

/* Reads the JSON Lines record S (N bytes) into *OUT (zeroed) as
 * nkg_jsonl_next() does, when it is an object of string members that
 * jansson would read without fault (flat.c).  Returns 1 when done, or 0
 * with *OUT still empty when the line must be parsed by jansson: not such
 * an object, not sure to be valid, or memory ran out. */
int nkg_jsonl_flat(const char *s, size_t n, NkgRecord *out);

/* JSON, parsed by jansson (only json.c sees it). */
typedef enum {
	NKG_JSON_NULL,
	NKG_JSON_FALSE,
	NKG_JSON_TRUE,
	NKG_JSON_NUMBER,
	NKG_JSON_STRING,
	NKG_JSON_ARRAY,
	NKG_JSON_OBJECT,
} NkgJsonType;

/* A JSON value inside a tree returned by nkg_json_parse(), read with the
 * functions below; owned by the tree. */
typedef struct NkgJsonImpl NkgJson;

/* Parses BUF (LEN bytes) as one JSON value (RFC 8259, strictly: UTF-8
 * only, no lone surrogates, no NUL byte outside a \u0000 escape) with
 * nothing but white space after it.  On success *OUT is a new tree the
 * caller frees with nkg_json_free().  On NKG_ERR_INPUT, *ERR_AT (may be
 * NULL) is the byte offset of the fault and MSG (SIZE bytes, may be NULL)
 * says what it is; NKG_ERR_INTERNAL means memory ran out.  Numbers must
 * fit in a 64-bit integer or a double, member names may not hold \u0000,
 * nesting is limited (jansson's limit, 2,048), and so is the memory a
 * parse may take (a fixed multiple of LEN). */
NkgStatus nkg_json_parse(const char *buf, size_t len, NkgJson **out,
                         size_t *err_at, char *msg, size_t size);
void nkg_json_free(NkgJson *v);

/* The type of V, which must not be NULL. */
NkgJsonType nkg_json_type(const NkgJson *v);

/* Returns the UTF-8 of string V (NUL-terminated, but it may hold \u0000)
 * and its length in *LEN (may be NULL), or NULL when V is not a string. */
const char *nkg_json_string(const NkgJson *v, size_t *len);

/* Returns a new copy of string V, or the text of number V (integers in
 * decimal, other numbers in the shortest form that reads back the same),
 * which the caller frees, with its length in *LEN (may be NULL); NULL
 * when V is of another type or memory runs out. */
char *nkg_json_text(const NkgJson *v, size_t *len);

/* Returns the member of object OBJ named KEY (the last one when the name
 * is repeated), or NULL; NULL too when OBJ is NULL or not an object. */
const NkgJson *nkg_json_get(const NkgJson *obj, const char *key);

/* The number of elements of array V (0 for other values or NULL), and its
 * element I (NULL past the end). */
size_t nkg_json_size(const NkgJson *v);
const NkgJson *nkg_json_at(const NkgJson *v, size_t i);

/* Growing byte string; always NUL-terminated once anything was added.
 * After a failed allocation OOM is set and further adds do nothing. */
typedef struct {
	char *s;
	size_t len, cap;
	int oom;
} NkgBuf;

int nkg_buf_add(NkgBuf *b, const char *s, size_t n);
void nkg_buf_free(NkgBuf *b);

/* Returns a new "YYYY-MM-DD" string for a date at the start of S (LEN
 * bytes): ISO 8601 dates and date-times (2026-02-21, 2026-02-21T14:11Z),
 * basic forms (20260221, 20260221T141100+0300), "21 Feb 2026",
 * "Sat, 21 Feb 2026 ..." and "February 21, 2026".  The time and zone are
 * ignored: the date is the one written.  NULL when S is not a valid date
 * or memory ran out. */
char *nkg_input_date(const char *s, size_t len);

/* Returns a new copy of S (LEN bytes), or NULL. */
char *nkg_input_strndup(const char *s, size_t len);

/* Returns the number of leading bytes of S that are valid UTF-8 (no
 * overlong forms, surrogates or values above U+10FFFF). */
size_t nkg_input_utf8_valid(const char *s, size_t len);

/* Fills ERR (may be NULL) with ST, NAME, LINE, OFFSET and the formatted
 * message, and returns ST. */
NkgStatus nkg_input_fail(NkgError *err, NkgStatus st, const char *name,
                         long line, long offset, const char *fmt, ...)
#if defined(__GNUC__)
        __attribute__((format(printf, 6, 7)))
#endif
        ;

#endif /* NKG_INPUT_H */
