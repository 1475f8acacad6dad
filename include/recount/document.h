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
	RC_INPUT_AUTO = 0, /**< by extension: .jsonl/.ndjson are JSON Lines, the rest plain text */
	RC_INPUT_TEXT,
	RC_INPUT_JSONL
} rc_input_format;

/** Document fields a JSON Lines record can fill. */
typedef enum rc_field {
	RC_FIELD_ID = 0,
	RC_FIELD_URL,
	RC_FIELD_TITLE,
	RC_FIELD_TEXT,
	RC_FIELD_SOURCE,
	RC_FIELD_PUBLISHED,
	RC_FIELD_COUNT_
} rc_field;

/** Limits that protect the process from hostile input.  0 means the default. */
typedef struct rc_limits {
	size_t max_document_bytes;  /**< default 64 MiB: larger documents are skipped */
	size_t max_line_bytes;      /**< default 64 MiB: longer JSONL records are skipped */
	size_t max_claims_per_doc;  /**< default 10000: further claims are dropped with a warning */
	size_t max_documents;       /**< default unlimited (0): further documents are skipped */
} rc_limits;

/** Options for rc_reader_new().  Zero-initialise, then set what you need. */
typedef struct rc_ingest_options {
	rc_input_format format;
	/** Extra JSONL keys per field, tried before the built-in names;
	 *  NULL-terminated arrays, borrowed (must outlive the reader). */
	const char *const *field_keys[RC_FIELD_COUNT_];
	rc_limits limits;
} rc_ingest_options;

/**
 * One article.  All strings are NUL-terminated UTF-8, owned by the document
 * and freed by rc_document_free().  Text offsets are byte offsets into text.
 */
typedef struct rc_document {
	const char *id;         /**< file name without extension, the JSONL "id", or "path:line" */
	const char *path;       /**< input file as named, "-" for standard input */
	size_t record_line;     /**< 1-based line of the record in a JSONL file; 0 for a plain file */
	size_t seq;             /**< 0-based position in the reader's output */
	const char *source;     /**< outlet (never a URL), or NULL */
	const char *url;        /**< or NULL */
	const char *published;  /**< "YYYY-MM-DD", or NULL */
	const char *title;      /**< or NULL */

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
void rc_document_free(rc_document *doc);

/**
 * Map a byte offset in doc->text to a 1-based line and a 1-based column
 * counted in characters (code points).  Either out-pointer may be NULL.
 */
void rc_document_position(const rc_document *doc, size_t offset,
                          size_t *line, size_t *column);

/**
 * The line to report for a text offset in an annotation that points into
 * the input file: the text line for a plain file, the record's line for a
 * JSON Lines record.
 */
size_t rc_document_file_line(const rc_document *doc, size_t offset);

/** A streaming reader over a list of inputs. */
typedef struct rc_reader rc_reader;

/**
 * Create a reader over inputs[0..n).  Inputs are processed in sorted order
 * of their names ("-" first), and directories are walked recursively in
 * sorted order, skipping hidden entries; so the order in which the caller
 * lists inputs does not change the output.  The strings are copied.
 */
rc_status rc_reader_new(rc_reader **out, const rc_ingest_options *opts,
                        const char *const *inputs, size_t n, rc_error *err);

/**
 * The next document, or *out = NULL at the end.  A document that could not
 * be read comes back with status RC_DOC_SKIPPED; the call itself fails only
 * when it cannot go on at all (out of memory).  The caller owns *out.
 */
rc_status rc_reader_next(rc_reader *r, rc_document **out, rc_error *err);

/** Release a reader.  rc_reader_free(NULL) does nothing. */
void rc_reader_free(rc_reader *r);

/**
 * Build a document from memory (tests, fuzzers, `recount verify`).  The
 * bytes are copied and repaired as a plain-text file would be, including the
 * date header.  path and id may be NULL (the id is then "memory").
 */
rc_status rc_document_from_memory(rc_document **out, const char *bytes, size_t len,
                                  const char *path, const char *id, rc_error *err);

#ifdef __cplusplus
}
#endif
#endif
