/*
 * recount: the map phase.
 *
 * rc_record_extract() runs the map step on one document (normalise,
 * segment, recognise quantities, extract claims, find event mentions and
 * link claims to them, sign the text).  rc_map_run() reads documents from a reader, runs rc_record_extract() on
 * them with N worker threads and hands the records to a callback in the
 * reader's order, so the output is byte-identical whatever the thread count.
 */
#ifndef RECOUNT_PIPELINE_H
#define RECOUNT_PIPELINE_H

#include <recount/export.h>

#include <stdbool.h>
#include <stddef.h>
#include <recount/status.h>
#include <recount/document.h>
#include <recount/record.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the map step on one document ---- */

/** Everything the map phase needs, compiled once; shareable between threads. */
typedef struct rc_extractor rc_extractor;

/** The version of rc_extractor_options this header describes. */
#define RC_EXTRACTOR_OPTIONS_VERSION 1

/** Options for rc_extractor_new().  Start from RC_EXTRACTOR_OPTIONS_INIT
 *  (or rc_extractor_options_init()); a 0 or NULL field takes its default.
 *  Fields are only ever appended. */
typedef struct rc_extractor_options {
	unsigned version;                /**< RC_EXTRACTOR_OPTIONS_VERSION */
	const rc_recognizer *recognizer; /**< borrowed; NULL builds a default one */
	const rc_rules *rules;           /**< borrowed; NULL uses the built-in rules */
	const rc_event_defs *events;     /**< borrowed; NULL for none */
	const rc_event_vocab *vocab;     /**< borrowed; NULL builds the built-in one */
	rc_limits limits;
} rc_extractor_options;

#define RC_EXTRACTOR_OPTIONS_INIT {.version = RC_EXTRACTOR_OPTIONS_VERSION}

/** Set o to RC_EXTRACTOR_OPTIONS_INIT with the given version:
 *  RC_ERR_INVALID for a version this library does not know. */
RC_API rc_status rc_extractor_options_init(rc_extractor_options *o, unsigned version, rc_error *err);

/** Build an extractor; opts NULL gives every default, an unknown
 *  opts->version is RC_ERR_INVALID. */
RC_API rc_status rc_extractor_new(rc_extractor **out, const rc_extractor_options *opts,
                                  rc_error *err);
RC_API void rc_extractor_free(rc_extractor *ex);
/** The recognizer the extractor uses (for its tolerance). */
RC_API const rc_recognizer *rc_extractor_recognizer(const rc_extractor *ex);

/**
 * Run the map phase on one document.  A skipped document gives a record
 * with its status and reason and no claims.  Thread-safe for a shared ex.
 * The caller owns *out; doc may be freed afterwards.
 */
RC_API rc_status rc_record_extract(rc_record **out, const rc_extractor *ex,
                                   const rc_document *doc, rc_error *err);

/* ---- the parallel map over a reader ---- */

/** Progress, reported from the calling thread. */
typedef struct rc_progress {
	size_t documents;     /**< documents finished */
	size_t bytes;         /**< input bytes finished */
	double seconds;       /**< since the run started */
	bool done;            /**< the last call */
} rc_progress;

/** Receives each record in order and takes ownership of it. */
typedef rc_status (*rc_record_fn)(void *user, rc_record *rec, rc_error *err);

/** The version of rc_map_options this header describes. */
#define RC_MAP_OPTIONS_VERSION 1

/** Options of rc_map_run().  Start from RC_MAP_OPTIONS_INIT (or
 *  rc_map_options_init()); a 0 or NULL field takes its default.  Fields
 *  are only ever appended. */
typedef struct rc_map_options {
	unsigned version;     /**< RC_MAP_OPTIONS_VERSION */
	unsigned threads;     /**< worker threads; 0 means the number of online CPUs */
	/** Called about every 100 ms from the calling thread, and once at the end; may be NULL. */
	void (*progress)(void *user, const rc_progress *p);
	void *progress_user;
	/** Optional: called on the worker thread right after a record is
	 *  extracted, so per-record work such as rendering output (into
	 *  rec->rendered) runs in parallel too.  Must be thread-safe. */
	rc_record_fn prepare;
	void *prepare_user;
} rc_map_options;

#define RC_MAP_OPTIONS_INIT {.version = RC_MAP_OPTIONS_VERSION}

/** Set o to RC_MAP_OPTIONS_INIT with the given version: RC_ERR_INVALID
 *  for a version this library does not know. */
RC_API rc_status rc_map_options_init(rc_map_options *o, unsigned version, rc_error *err);

/**
 * Run the map phase over everything r yields.  Stops at the first error the
 * callback returns (and returns it); per-document problems are in the
 * records, not errors.  opts NULL gives every default; an unknown
 * opts->version is RC_ERR_INVALID.
 */
RC_API rc_status rc_map_run(rc_reader *r, const rc_extractor *ex, const rc_map_options *opts,
                            rc_record_fn fn, void *user, rc_error *err);

/** Number of online CPUs (at least 1). */
RC_API unsigned rc_cpu_count(void);

#ifdef __cplusplus
}
#endif
#endif
