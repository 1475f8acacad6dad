/*
 * recount: renderers.  Every output format is written by the library; the
 * CLI only picks one.  Writers take a FILE * and report write errors
 * (a full disk) as RC_ERR_IO.
 */
#ifndef RECOUNT_REPORT_H
#define RECOUNT_REPORT_H

#include <recount/export.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <recount/status.h>
#include <recount/version.h>
#include <recount/document.h>
#include <recount/reconcile.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Output formats.  Append only. */
typedef enum rc_format {
	RC_FORMAT_TEXT = 0,
	RC_FORMAT_JSON,
	RC_FORMAT_JSONL,
	RC_FORMAT_MD,
	RC_FORMAT_HTML,
	RC_FORMAT_CSV,
	RC_FORMAT_TSV,
	RC_FORMAT_GITHUB,
	RC_FORMAT_JUNIT,
	RC_FORMAT_SARIF,
	RC_FORMAT_CLAIMREVIEW
} rc_format;

/** Parse a format name ("text", "json", ...); false when unknown. */
RC_API bool rc_format_parse(const char *name, rc_format *out);
/** The name of a format. */
RC_API const char *rc_format_str(rc_format f);

/**
 * Who publishes a fact-check and where, for RC_FORMAT_CLAIMREVIEW
 * (rc_verification_write).  Strings are borrowed; NULL leaves the
 * property out.
 */
typedef struct rc_review_meta {
	const char *url;         /**< the published fact-check's address (Google requires it) */
	const char *date;        /**< its publication date, "YYYY-MM-DD" (datePublished) */
	const char *author;      /**< the reviewing organisation (author.name) */
	const char *author_url;  /**< the organisation's site (author.url) */
	const char *claim_url;   /**< where the claim itself appeared (itemReviewed.appearance) */
} rc_review_meta;

/** The version of rc_report_options this header describes. */
#define RC_REPORT_OPTIONS_VERSION 1

/**
 * Options shared by the renderers.  Start from RC_REPORT_OPTIONS_INIT (or
 * rc_report_options_init()); a 0 or NULL field takes its default.  Every
 * renderer takes opts NULL for the defaults and refuses an unknown
 * opts->version with RC_ERR_INVALID.  Fields are only ever appended.
 */
typedef struct rc_report_options {
	unsigned version;    /**< RC_REPORT_OPTIONS_VERSION */
	bool color;          /**< ANSI colour (terminal only) */
	/** Text report: wrap quotes and explanations at spaces so that lines
	 *  fit this many columns (display width); 0: no wrapping. */
	unsigned width;
	/** Reports for people (text, md, html): also list the events that have
	 *  no figures (no metric, no aggregate), which are left out by default
	 *  and counted in a line under the summary. */
	bool all_events;
	/** ClaimReview: the publisher's side of the review, or NULL. */
	const rc_review_meta *review;
} rc_report_options;

#define RC_REPORT_OPTIONS_INIT {.version = RC_REPORT_OPTIONS_VERSION}

/** Set o to RC_REPORT_OPTIONS_INIT with the given version: RC_ERR_INVALID
 *  for a version this library does not know. */
RC_API rc_status rc_report_options_init(rc_report_options *o, unsigned version, rc_error *err);

/* ---- reports for people (recount report) ---- */

/**
 * Write a reconciled result as a report (docs/report.md):
 *  - RC_FORMAT_TEXT: for a terminal; per event its label, date and place,
 *    per metric one line (range, best estimate, independent origins, a
 *    range bar), then conflicts with quotes, sources and file:line.  ANSI
 *    colour only with opts->color; quotes and explanations wrapped to
 *    opts->width; columns aligned by display width.
 *  - RC_FORMAT_MD: Markdown with tables, readable as a published note.
 *  - RC_FORMAT_HTML: one self-contained page (inline CSS and SVG, no
 *    network): a summary, per metric a number line of every source's
 *    interval and a timeline, tables of claims with quotes.
 * Every string from an article is escaped for the format.  The JSON form
 * is written by rc_report_write_json().  Returns RC_ERR_INVALID for other
 * formats, RC_ERR_IO on a write error.  Thread-safe for distinct streams.
 */
RC_API rc_status rc_report_write(FILE *fp, const rc_result *res, rc_format fmt,
                                 const rc_report_options *opts, rc_error *err);

/* ---- conflict exports (recount conflicts) ---- */

/**
 * Write every conflict of a result as a table, one row per pair of claims
 * (a conflict of n claims, earliest first, gives n-1 rows of consecutive
 * claims; the "conflict" column ties them together).  Columns are stable
 * and documented in docs/report.md ("recount conflicts").  Formats:
 *  - RC_FORMAT_CSV: RFC 4180 (CRLF line ends, fields with a comma, quote,
 *    CR or LF quoted, quotes doubled), UTF-8, a header row;
 *  - RC_FORMAT_TSV: tab-separated, LF line ends, a header row; tab, CR, LF
 *    and backslash inside a field are written \t, \r, \n and \\;
 *  - RC_FORMAT_JSON: {"schema": "recount.conflicts/1", "conflicts": [...]}
 *    with one object per row, keyed by the column names;
 *  - RC_FORMAT_MD: a Markdown table.
 * In CSV and TSV a cell that begins with = + - @, a tab or a CR is
 * prefixed with a single quote, so spreadsheets show it instead of running
 * it as a formula (OWASP's advice on CSV injection).
 */
RC_API rc_status rc_conflicts_write(FILE *fp, const rc_result *res, rc_format fmt,
                                    const rc_report_options *opts, rc_error *err);

/* ---- document listing (recount docs) ---- */

/**
 * A streaming writer of the document listing: one row per document as it
 * is read, then totals.  Formats: RC_FORMAT_TEXT (an aligned table) and
 * RC_FORMAT_JSON (schema "recount.documents/1", docs/input.md).
 */
typedef struct rc_doc_writer rc_doc_writer;

RC_API rc_status rc_doc_writer_new(rc_doc_writer **out, FILE *fp, rc_format fmt,
                                   const rc_report_options *opts, rc_error *err);
/** Add one document (read, not kept). */
RC_API rc_status rc_doc_writer_add(rc_doc_writer *w, const rc_document *doc, rc_error *err);
/** Write the totals and flush; RC_ERR_IO on a write error. */
RC_API rc_status rc_doc_writer_finish(rc_doc_writer *w, rc_error *err);
/** Release the writer.  rc_doc_writer_free(NULL) does nothing. */
RC_API void rc_doc_writer_free(rc_doc_writer *w);

/* ---- quantities (recount numbers) ---- */

/**
 * Streams recognised quantities (docs/quantities.md):
 *  - RC_FORMAT_JSONL (or RC_FORMAT_JSON): one object per quantity,
 *    {"file"?, "line", "text", "start", "end", "kind", "lo", "hi",
 *    "lo_incl", "hi_incl", "approx", "vague", "qualifier", "value"};
 *  - RC_FORMAT_TEXT: a table, one row per quantity.
 */
typedef struct rc_quantity_writer rc_quantity_writer;

RC_API rc_status rc_quantity_writer_new(rc_quantity_writer **out, FILE *fp, rc_format fmt,
                                        const rc_report_options *opts, rc_error *err);
/**
 * Write q, whose offsets are bytes into base[0..len) (the line it is on);
 * line is 1-based; file may be NULL (then no "file" key).
 */
RC_API rc_status rc_quantity_writer_add(rc_quantity_writer *w, const char *file, size_t line,
                                        const char *base, size_t len, const rc_quantity *q,
                                        rc_error *err);
RC_API rc_status rc_quantity_writer_finish(rc_quantity_writer *w, rc_error *err);
RC_API void rc_quantity_writer_free(rc_quantity_writer *w);

/** The version of rc_quantity_scan_options this header describes. */
#define RC_QUANTITY_SCAN_OPTIONS_VERSION 1

/** How rc_quantity_writer_scan() reads.  Start from
 *  RC_QUANTITY_SCAN_OPTIONS_INIT (or rc_quantity_scan_options_init()); a 0
 *  field takes its default.  Fields are only ever appended. */
typedef struct rc_quantity_scan_options {
	unsigned version;   /**< RC_QUANTITY_SCAN_OPTIONS_VERSION */
	/** Read each line as a phrase of its own (no figure spans two lines). */
	bool lines;
	/** Most bytes held without a break where no figure can span (a blank
	 *  line; a newline with lines); 0: 64 MiB.  Over it: RC_ERR_LIMIT. */
	size_t max_bytes;
} rc_quantity_scan_options;

#define RC_QUANTITY_SCAN_OPTIONS_INIT {.version = RC_QUANTITY_SCAN_OPTIONS_VERSION}

/** Set o to RC_QUANTITY_SCAN_OPTIONS_INIT with the given version:
 *  RC_ERR_INVALID for a version this library does not know. */
RC_API rc_status rc_quantity_scan_options_init(rc_quantity_scan_options *o, unsigned version,
                                               rc_error *err);

/**
 * Read raw text from `in` as it is (no document parsing) and write every
 * quantity rec finds, with its 1-based line and byte offsets within that
 * line.  Streams: the text is read in blocks of whole lines cut where no
 * figure can span.  file is the "file" key (NULL: none); name is what
 * errors call the input (NULL: file, else "standard input").
 */
RC_API rc_status rc_quantity_writer_scan(rc_quantity_writer *w, const rc_recognizer *rec, FILE *in,
                                         const char *file, const char *name,
                                         const rc_quantity_scan_options *opts, rc_error *err);

/* ---- claims (recount extract --format text) ---- */

/**
 * A table of claims for a terminal: rc_claim_table_header() once, then
 * rc_claim_table_write() per record (one row per claim: document,
 * line:column, metric, figure, status, subject, attribution, event;
 * strings cleaned, cut to their column by display width).  The JSON Lines
 * form of the same records is rc_record_write_jsonl() (record.h).
 */
RC_API rc_status rc_claim_table_header(FILE *fp, rc_error *err);
RC_API rc_status rc_claim_table_write(FILE *fp, const rc_record *rec, rc_error *err);

/* ---- events (recount events) ---- */

/**
 * Write the events of set and the claims of records[0..n) linked to each
 * (the records, in the same order, and the set of one rc_events_collect()
 * call), then the claims linked to none: RC_FORMAT_TEXT (an indented listing for a terminal,
 * strings cleaned) or RC_FORMAT_JSON (schema "recount.events/1",
 * docs/events.md).
 */
RC_API rc_status rc_events_write(FILE *fp, const rc_event_set *set, rc_record *const *records, size_t n,
                                 rc_format fmt, const rc_report_options *opts, rc_error *err);

/* ---- JSON report ---- */

/**
 * The whole result as one JSON document, "recount.report/1"
 * (docs/schema-report.md), indented by two spaces.  Deterministic: the
 * same result gives the same bytes.
 */
RC_API rc_status rc_report_write_json(FILE *fp, const rc_result *res, const rc_report_options *opts,
                                      rc_error *err);

/* ---- recount verify ---- */

struct rc_verification;

/**
 * Write a verification: RC_FORMAT_TEXT (verdict, reason, the evidence with
 * quotes and file:line), RC_FORMAT_JSON ("recount.verify/1") or
 * RC_FORMAT_CLAIMREVIEW (schema.org ClaimReview JSON-LD for fact-check
 * publishing: url, datePublished and author from opts->review; the
 * articles behind the evidence as citations, once each; docs/verify.md).
 */
RC_API rc_status rc_verification_write(FILE *fp, const struct rc_verification *v, rc_format fmt,
                                       const rc_report_options *opts, rc_error *err);

#ifdef __cplusplus
}
#endif
#endif
