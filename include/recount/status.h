/*
 * recount: status codes, caller-owned errors and per-document diagnostics.
 *
 * Every fallible library call returns an rc_status and, when the caller
 * passes a non-NULL rc_error, fills it in.  The library never prints, never
 * exits and never aborts; out of memory is reported as RC_ERR_NOMEM.
 */
#ifndef RECOUNT_STATUS_H
#define RECOUNT_STATUS_H

#include <recount/export.h>

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes.  Append only: never renumber (they are part of the ABI). */
typedef enum rc_status {
	RC_OK = 0,        /**< success */
	RC_ERR_NOMEM,     /**< an allocation failed */
	RC_ERR_IO,        /**< reading or writing a file failed */
	RC_ERR_PARSE,     /**< malformed input (JSON, rules, events file, ...) */
	RC_ERR_INVALID,   /**< an invalid argument or option value */
	RC_ERR_LIMIT,     /**< a configured limit was hit */
	RC_ERR_ENCODING,  /**< input is not valid UTF-8 (repaired, see diagnostics) */
	RC_ERR_UNSUPPORTED /**< input of a kind recount does not read (binary) */
} rc_status;

/**
 * A caller-owned error.  Functions fill every field they know and zero the
 * rest, so the structure needs no initialisation and no release.  Safe to
 * use from worker threads as long as each thread has its own.
 */
typedef struct rc_error {
	rc_status status;
	/** One line, no trailing newline.  Messages put the reason first and
	 *  cap what they quote from the input, so they fit; one that would not
	 *  is cut at a character boundary and ends in "..." (U+2026). */
	char message[1024];
	/** Input file the error is about, or "".  Room for PATH_MAX (4096)
	 *  bytes, so any path the system can open is kept whole. */
	char path[4096];
	size_t line;        /**< 1-based line, 0 if unknown */
	size_t column;      /**< 1-based column in characters, 0 if unknown */
	size_t offset;      /**< byte offset in the file, (size_t)-1 if unknown */
} rc_error;

/** A fixed, static, human-readable string for a status code. */
RC_API const char *rc_status_str(rc_status st);

/** Diagnostic severity. */
typedef enum rc_severity {
	RC_SEV_ERROR = 0,   /**< the document (or record) was skipped */
	RC_SEV_WARNING,     /**< the document was processed, but something was repaired or cut */
	RC_SEV_NOTE
} rc_severity;

/** A per-document problem.  Strings are owned by the structure holding it. */
typedef struct rc_diag {
	rc_severity severity;
	rc_status status;
	const char *path;   /**< input file, or NULL */
	size_t line;        /**< 1-based line in the input file, 0 if unknown */
	size_t column;      /**< 1-based column, 0 if unknown */
	size_t offset;      /**< byte offset in the input file, (size_t)-1 if unknown */
	const char *message;
} rc_diag;

/** Name of a severity: "error", "warning" or "note". */
RC_API const char *rc_severity_str(rc_severity sev);

#ifdef __cplusplus
}
#endif
#endif
