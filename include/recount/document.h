/*
 * recount: documents and the streaming reader that ingests them.
 *
 * A reader walks a list of inputs (plain-text files, directories, JSON Lines
 * batches, or "-" for standard input) and hands out one rc_document at a
 * time, so memory stays bounded however large the batch.  Every input unit is
 * accounted for: a document that cannot be read is still handed out, with
 * status RC_DOC_SKIPPED and the reason.
 */
#ifndef RECOUNT_DOCUMENT_H
#define RECOUNT_DOCUMENT_H

#include <recount/export.h>

#include <stdbool.h>
#include <stddef.h>
#include <recount/status.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Whether a document went through the pipeline. */
typedef enum rc_doc_status {
	RC_DOC_OK = 0,     /**< read; may carry warnings */
	RC_DOC_SKIPPED     /**< not processed; reason says why */
} rc_doc_status;

/** How inputs are read. */
typedef enum rc_input_format {
	RC_INPUT_AUTO = 0, /**< by extension: .jsonl/.ndjson JSON Lines, .json JSON,
	                        .html/.htm/.xhtml HTML, the rest plain text */
	RC_INPUT_TEXT,
	RC_INPUT_JSONL,
	RC_INPUT_JSON,     /**< one article object, or an array of them, per file */
	RC_INPUT_HTML      /**< a web page: its text content, title and meta dates */
} rc_input_format;

/** The format named "auto", "text", "jsonl" (or "ndjson"), "json" or "html". */
RC_API bool rc_input_format_parse(const char *name, rc_input_format *out);

/** Document fields a JSON record (JSON Lines or .json) can fill. */
typedef enum rc_field {
	RC_FIELD_ID = 0,
	RC_FIELD_URL,
	RC_FIELD_TITLE,
	RC_FIELD_TEXT,
	RC_FIELD_SOURCE,
	RC_FIELD_PUBLISHED,
	RC_FIELD_LANGUAGE,
	RC_FIELD_COUNT_
} rc_field;

/** The name of a field ("id", "url", "title", "text", "source", "published",
 *  "language"), or NULL. */
RC_API const char *rc_field_name(rc_field f);
/** The field named name[0..len), as rc_field_name() spells it. */
RC_API bool rc_field_parse(const char *name, size_t len, rc_field *out);

/** Limits that protect the process from hostile input.  0 means the default. */
typedef struct rc_limits {
	size_t max_document_bytes;  /**< default 64 MiB: larger documents are skipped */
	size_t max_line_bytes;      /**< default 64 MiB: longer JSONL records are skipped */
	size_t max_claims_per_doc;  /**< default 10000: further claims are dropped with a warning */
	size_t max_documents;       /**< default unlimited (0): further documents are skipped */
} rc_limits;

/** The defaults of rc_limits, in one place (docs/limits.md). */
#define RC_LIMIT_DOCUMENT_BYTES_DEFAULT ((size_t)64 << 20)
#define RC_LIMIT_LINE_BYTES_DEFAULT ((size_t)64 << 20)
#define RC_LIMIT_CLAIMS_PER_DOC_DEFAULT ((size_t)10000)

/** Replace every 0 of *l that has a default by that default (max_documents
 *  stays 0: no limit).  Every reader of limits calls this. */
RC_API void rc_limits_resolve(rc_limits *l);

/** The version of rc_ingest_options this header describes. */
#define RC_INGEST_OPTIONS_VERSION 1

/**
 * Options for rc_reader_new().  Start from RC_INGEST_OPTIONS_INIT (or
 * rc_ingest_options_init()), then set what you need: a 0 field takes its
 * default.  Fields are only ever appended; the version member tells the
 * library which ones the caller knows.  (The limits are a struct of their
 * own inside: a field added to rc_limits is a new version of every options
 * struct that holds it.)
 */
typedef struct rc_ingest_options {
	unsigned version;           /**< RC_INGEST_OPTIONS_VERSION */
	rc_input_format format;
	/** Extra JSON keys per field, tried before the built-in names; a
	 *  dotted key ("source.name") reaches into nested objects.
	 *  NULL-terminated arrays, borrowed (must outlive the reader). */
	const char *const *field_keys[RC_FIELD_COUNT_];
	rc_limits limits;
	/** Read documents whatever their language.  By default a document in
	 *  a language other than English (its language field or <html lang>,
	 *  else a stop-word test) is skipped: "language xx is not supported". */
	bool any_language;
} rc_ingest_options;

#define RC_INGEST_OPTIONS_INIT {.version = RC_INGEST_OPTIONS_VERSION}

/** Set o to RC_INGEST_OPTIONS_INIT with the given version: RC_ERR_INVALID
 *  for a version this library does not know. */
RC_API rc_status rc_ingest_options_init(rc_ingest_options *o, unsigned version, rc_error *err);

/**
 * One article.  All strings are NUL-terminated UTF-8, owned by the document
 * and freed by rc_document_free().  Text offsets are byte offsets into text.
 */
typedef struct rc_document {
	/** Unique in the reader's run: a file's path relative to its input
	 *  without extension, a record's "id" (or "<file>:<line>"); a later
	 *  document whose id is taken gets "~2", "~3"... (docs/input.md). */
	const char *id;
	const char *path;       /**< input file as named, "-" for standard input */
	/** 1-based line of the record in a JSONL file (of its text field in a
	 *  .json file); 0 for a plain or HTML file */
	size_t record_line;
	size_t seq;             /**< 0-based position in the reader's output */
	const char *source;     /**< outlet (never a URL), or NULL */
	const char *url;        /**< or NULL */
	const char *published;  /**< "YYYY-MM-DD", the day as the source wrote it, or NULL */
	/** "YYYY-MM-DDTHH:MM:SSZ": the instant of publication in UTC, when the
	 *  source gave a time (a time without a zone is taken as UTC); or NULL */
	const char *published_at;
	/** With no published date: what the text says of when it was written,
	 *  "YYYY[-MM[-DD]]" (the latest date it states) and/or "P<n>D" (its
	 *  headline or lead says it was written n days after its news event:
	 *  "A year on"), space-separated; or NULL (docs/reconcile.md,
	 *  "Estimated times") */
	const char *time_hint;
	const char *title;      /**< or NULL */
	/** the language the document declares (language field, <html lang>)
	 *  or that was detected, as an ISO 639-1 code; NULL when unknown */
	const char *language;

	/** Whole text after UTF-8 repair (invalid bytes become U+FFFD and NUL
	 *  bytes become spaces).  For a plain file this is the whole file, so
	 *  line numbers are file line numbers; body_start skips a date header. */
	const char *text;
	size_t text_len;
	size_t body_start;      /**< first byte of the article body */
	size_t input_bytes;     /**< bytes read from the input for this document */

	rc_doc_status status;
	const char *reason;     /**< why it was skipped, or NULL */
	const rc_diag *diags;   /**< warnings (and the error when skipped) */
	size_t n_diags;

	struct rc_document_priv *priv; /**< internal: arena, line index */
} rc_document;

/** Release a document.  rc_document_free(NULL) does nothing. */
RC_API void rc_document_free(rc_document *doc);

/**
 * Map a byte offset in doc->text to a 1-based line and a 1-based column
 * counted in characters (code points).  Either out-pointer may be NULL.
 */
RC_API void rc_document_position(const rc_document *doc, size_t offset,
                                 size_t *line, size_t *column);

/**
 * The line to report for a text offset in an annotation that points into
 * the input file: the text line for a plain file, the record's line for a
 * JSON record, and for an HTML page the line of the .html file where that
 * text is.
 */
RC_API size_t rc_document_file_line(const rc_document *doc, size_t offset);

/**
 * The line to report for a figure in doc->title: the record's line for a
 * JSON record, the line of the HTML element the title was taken from
 * (<title>, a meta tag or JSON-LD), else 1.
 */
RC_API size_t rc_document_title_line(const rc_document *doc);

/** A streaming reader over a list of inputs. */
typedef struct rc_reader rc_reader;

/**
 * Create a reader over inputs[0..n).  Inputs are processed in sorted order
 * of their names ("-" first), and directories are walked recursively in
 * sorted order, skipping hidden entries; so the order in which the caller
 * lists inputs does not change the output.  The strings are copied.
 */
RC_API rc_status rc_reader_new(rc_reader **out, const rc_ingest_options *opts,
                               const char *const *inputs, size_t n, rc_error *err);

/**
 * The next document, or *out = NULL at the end.  A document that could not
 * be read comes back with status RC_DOC_SKIPPED; the call itself fails only
 * when it cannot go on at all (out of memory).  The caller owns *out.
 */
RC_API rc_status rc_reader_next(rc_reader *r, rc_document **out, rc_error *err);

/** Release a reader.  rc_reader_free(NULL) does nothing. */
RC_API void rc_reader_free(rc_reader *r);

/**
 * Build a document from memory (tests, fuzzers, `recount verify`).  The
 * bytes are copied and repaired as a plain-text file would be, including the
 * date header.  path and id may be NULL (the id is then "memory").
 */
RC_API rc_status rc_document_from_memory(rc_document **out, const char *bytes, size_t len,
                                         const char *path, const char *id, rc_error *err);

#ifdef __cplusplus
}
#endif
#endif
