/*
 * Internal: document construction shared by the plain-text and JSON Lines
 * readers.  A document owns one arena; its diagnostics, line index and
 * strings all come from it.
 */
#ifndef RC_INGEST_PRIV_H
#define RC_INGEST_PRIV_H

#include <recount/document.h>
#include "core/core.h"

/* Per document: further repairs are summed up in one last diagnostic. */
#define RC_MAX_DIAGS_PER_DOC 20u

/* HTML: from this text offset on, the text comes from this line of the
 * .html file (and its bytes are the file's, one for one, up to the next). */
typedef struct rc__src_span {
	size_t text_off;
	size_t line;
} rc__src_span;

struct rc_document_priv {
	rc_arena *arena;
	size_t *line_starts;    /* offsets of line starts in text, from the arena */
	size_t n_lines;
	rc__src_span *src;      /* HTML: text offsets to file lines, in order; or NULL */
	size_t n_src;
	size_t title_line;      /* HTML: the file line the title came from, or 0 */
	rc_diag *diags;         /* malloc'd array */
	size_t n_diags, cap_diags;
	size_t dropped_diags;   /* repairs past RC_MAX_DIAGS_PER_DOC */
};

/* A new, empty document with an arena. */
rc_document *rc__document_new(const char *path, size_t record_line);

/* Add a diagnostic (message copied).  line 0 / offset (size_t)-1 if unknown. */
rc_status rc__document_diag(rc_document *doc, rc_severity sev, rc_status st, size_t line,
                            size_t column, size_t offset, const char *fmt, ...) RC_PRINTF(7, 8);

/* Mark the document skipped, with a reason that is also an error diagnostic. */
rc_status rc__document_skip(rc_document *doc, rc_status st, size_t line, size_t offset,
                            const char *fmt, ...) RC_PRINTF(5, 6);

/* base_offset for text that is not a span of the input (a decoded JSON
 * string): repairs are then reported by text offset, without a file offset. */
#define RC_TEXT_OFFSETS ((size_t)-1)

/*
 * Set the text from raw bytes: drop a UTF-8 BOM, replace invalid UTF-8 by
 * U+FFFD and NUL bytes by spaces (each run reported with its offset in the
 * input, plus base_offset), build the line index.  When detect_header is
 * set, a leading "date YYYY-MM-DD" header sets published and body_start.
 */
rc_status rc__document_set_text(rc_document *doc, const char *bytes, size_t len,
                                size_t base_offset, bool detect_header);

/*
 * Walk bytes[0..len) as rc__repair() would, to the end or until the output
 * reaches stop bytes: returns the output length; *in_pos (may be NULL) is
 * the number of input bytes walked, *n_bad (may be NULL) the NUL and
 * invalid bytes met, so 0 means the input can be used as it is.
 */
size_t rc__repair_measure(const char *bytes, size_t len, size_t stop, size_t *in_pos,
                          size_t *n_bad);

/* Write the repaired bytes to out (rc__repair_measure bytes, not terminated),
 * with a warning per run of bad bytes on doc (offsets plus base, or text
 * offsets when base is RC_TEXT_OFFSETS), up to RC_MAX_DIAGS_PER_DOC. */
rc_status rc__repair(rc_document *doc, const char *bytes, size_t len, size_t base, char *out,
                     size_t *out_len);

/* The one warning that sums up the repairs past RC_MAX_DIAGS_PER_DOC. */
rc_status rc__repair_summary(rc_document *doc);

/* s[0..n) in Unicode NFC, into the arena (NULL when out of memory). */
char *rc__nfc_strndup(rc_arena *a, const char *s, size_t n);

/* Read an HTML page (html.c) into doc: its text, title, dates, outlet,
 * URL and language, and the map from text to file lines.  base_offset as
 * for rc__document_set_text; decoded: bytes were UTF-16/32 turned into
 * UTF-8, so a <meta charset> is not obeyed. */
rc_status rc__html_read(rc_document *doc, const char *bytes, size_t len, size_t base_offset,
                        bool decoded);

/* Set published (and published_at) from a date as a source wrote it; a
 * warning when unreadable.  override: replace a date already set. */
rc_status rc__set_published(rc_document *doc, const char *s, size_t len, size_t line,
                            bool override);

/* A plain text's header block ("Title: ...", "Source: ...", "Date: ...",
 * "URL: ..." lines from offset from, the start of line number line;
 * reader.c): fills the fields the document has not set and sets *body to
 * the offset after it, or 0 when there is none.  A date that cannot be
 * read is a warning on its line. */
rc_status rc__header_block(rc_document *doc, const char *t, size_t len, size_t from,
                           size_t line, size_t *body);

/* Host of a URL without "www.", lower case, into the arena; NULL if none. */
const char *rc__url_host(rc_arena *a, const char *url);

/*
 * The language check (lang.c): declared (a language field, <html lang>)
 * when given, else a stop-word test of the text.  A document in another
 * language than English is skipped, "language xx is not supported",
 * unless any is set.  Sets doc->language when known.
 */
rc_status rc__language_check(rc_document *doc, const char *declared, bool any);

/* True when the first 8 KiB look like a binary file (see docs/input.md). */
bool rc__looks_binary(const char *bytes, size_t len);

/* A publication date and time (date.c; docs/input.md, "Dates"). */
typedef struct rc__datetime {
	char date[11];          /* "YYYY-MM-DD", the calendar day as written */
	char at[21];            /* "YYYY-MM-DDTHH:MM:SSZ", the instant in UTC, or "" */
	bool month_first_guess; /* 01/06/2024: both could be the month; read month first */
	bool zone_unknown;      /* a time with a zone name not known: the time is not used */
} rc__datetime;

enum {
	RC_DATE_TEXT = 1 << 0,    /* in prose: no epoch numbers, no 20240106 */
	RC_DATE_NO_TIME = 1 << 1, /* the date only */
};

/* Read a date (and a time, with its zone, when given) in any form of
 * docs/input.md; false when it cannot be read. */
bool rc__parse_datetime(const char *s, size_t n, unsigned flags, rc__datetime *out);
/* The date of a form written in prose, as YYYY-MM-DD in out[11]. */
bool rc__parse_date(const char *s, size_t n, char out[11]);

/* Set doc->time_hint from its title and text when it has no published date
 * (src/ingest/estimate.c, words in data/dates.json). */
rc_status rc__time_hint(rc_document *doc);

#endif
