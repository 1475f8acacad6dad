/*
 * recount: the parallel map phase.
 *
 * rc_map_run() reads documents from a reader, runs rc_record_extract() on
 * them with N worker threads and hands the records to a callback in the
 * reader's order, so the output is byte-identical whatever the thread count.
 */
#ifndef RECOUNT_PIPELINE_H
#define RECOUNT_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <recount/status.h>
#include <recount/document.h>
#include <recount/record.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Progress, reported from the calling thread. */
typedef struct rc_progress {
	size_t documents;     /**< documents finished */
	size_t bytes;         /**< input bytes finished */
	double seconds;       /**< since the run started */
	bool done;            /**< the last call */
} rc_progress;

/** Receives each record in order and takes ownership of it. */
typedef rc_status (*rc_record_fn)(void *user, rc_record *rec, rc_error *err);

typedef struct rc_map_options {
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

/**
 * Run the map phase over everything r yields.  Stops at the first error the
 * callback returns (and returns it); per-document problems are in the
 * records, not errors.
 */
rc_status rc_map_run(rc_reader *r, const rc_extractor *ex, const rc_map_options *opts,
                     rc_record_fn fn, void *user, rc_error *err);

/** Number of online CPUs (at least 1). */
unsigned rc_cpu_count(void);

#ifdef __cplusplus
}
#endif
#endif
