/*
 * recount: the engine.  Everything a run needs that does not depend on the
 * documents, built once from one set of options with every default applied
 * in one place (rc_engine_options_resolve): the quantity recognizer, the
 * claim rules (built-in, plus --rules), the user event definitions
 * (--events), the event vocabulary (rc_event_vocab), the limits, how
 * documents are read, and the options of the reduce phase.  An engine is immutable once built and may be shared by
 * any number of threads; it owns no global state.
 *
 *     rc_engine_options o = RC_ENGINE_OPTIONS_INIT;
 *     o.events_path = "my-events.json";
 *     rc_engine *e;
 *     rc_result *res;
 *     if (rc_engine_new(&e, &o, &err) == RC_OK &&
 *         rc_run(&res, e, paths, n, NULL, &err) == RC_OK)   (reconcile.h)
 *             ...
 *
 * The map step takes it (rc_engine_map, rc_engine_extractor); the reduce
 * phase too (rc_engine_reconcile and rc_run in reconcile.h).
 */
#ifndef RECOUNT_ENGINE_H
#define RECOUNT_ENGINE_H

#include <recount/export.h>

#include <stdbool.h>
#include <stddef.h>
#include <recount/status.h>
#include <recount/document.h>
#include <recount/quantity.h>
#include <recount/claim.h>
#include <recount/event.h>
#include <recount/pipeline.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Rules for `best`.  RC_BEST_CURRENT (0) is the default. */
typedef enum rc_best_rule {
	RC_BEST_CURRENT = 0,     /**< the current figure (docs/reconcile.md) */
	RC_BEST_MEDIAN,          /**< the median of the credible current figures */
	RC_BEST_CONSERVATIVE     /**< the least credible current figure (ACLED style) */
} rc_best_rule;

/** Length in days of a time window of the reduce phase, by default. */
#define RC_WINDOW_DAYS_DEFAULT 1u
/** MinHash Jaccard estimate from which two documents are one origin. */
#define RC_DUPLICATE_THRESHOLD_DEFAULT 0.8

/** The version of rc_engine_options this header describes. */
#define RC_ENGINE_OPTIONS_VERSION 1

/**
 * Options of an engine.  Start from RC_ENGINE_OPTIONS_INIT (or
 * rc_engine_options_init()), then set what you need: a 0 or NULL field
 * takes its default.  Fields are only ever appended; the version member
 * tells the library which ones the caller knows.
 */
typedef struct rc_engine_options {
	unsigned version;            /**< RC_ENGINE_OPTIONS_VERSION */
	/** Relative tolerance of approximate figures ("about 100"), in
	 *  (0, 1); 0: RC_APPROX_TOLERANCE_DEFAULT. */
	double approx_tolerance;
	const char *rules_path;      /**< rules to add to the built-in ones (docs/rules.md), or NULL */
	const char *events_path;     /**< user-defined events (docs/events.md), or NULL */
	/** How documents are read and the limits (rc_limits_resolve fills
	 *  the limits); field_keys are borrowed and must outlive the engine. */
	rc_ingest_options ingest;
	unsigned threads;            /**< workers of the map phase and of the reduce (rc_reconcile_options.threads); 0: the online CPUs */
	rc_best_rule best;           /**< the rule for `best` */
	unsigned window_days;        /**< time windows of the reduce phase; 0: RC_WINDOW_DAYS_DEFAULT */
	double duplicate_threshold;  /**< near-duplicate documents; 0: RC_DUPLICATE_THRESHOLD_DEFAULT */
} rc_engine_options;

#define RC_ENGINE_OPTIONS_INIT {.version = RC_ENGINE_OPTIONS_VERSION, .ingest = RC_INGEST_OPTIONS_INIT}

/** Set o to RC_ENGINE_OPTIONS_INIT with the given version: RC_ERR_INVALID
 *  for a version this library does not know. */
RC_API rc_status rc_engine_options_init(rc_engine_options *o, unsigned version, rc_error *err);

/** Apply every default to o, in place: the one place where the defaults
 *  of the pipeline are decided. */
RC_API void rc_engine_options_resolve(rc_engine_options *o);

typedef struct rc_engine rc_engine;

/**
 * Build an engine: load the rules and events files (a broken file is an
 * RC_ERR_PARSE naming it and the line), build the recognizer.  opts NULL
 * gives every default; an unknown opts->version (or opts->ingest.version)
 * is RC_ERR_INVALID.
 */
RC_API rc_status rc_engine_new(rc_engine **out, const rc_engine_options *opts, rc_error *err);
/** Release an engine.  rc_engine_free(NULL) does nothing. */
RC_API void rc_engine_free(rc_engine *e);

/** The options the engine runs with, every default applied. */
RC_API const rc_engine_options *rc_engine_get_options(const rc_engine *e);
/** Its parts, owned by the engine. */
RC_API const rc_recognizer *rc_engine_recognizer(const rc_engine *e);
RC_API const rc_rules *rc_engine_rules(const rc_engine *e);
RC_API const rc_event_defs *rc_engine_event_defs(const rc_engine *e); /**< NULL without events_path */
RC_API const rc_event_vocab *rc_engine_vocab(const rc_engine *e);
RC_API const rc_extractor *rc_engine_extractor(const rc_engine *e);

/** A reader over inputs[0..n) (paths, directories, "-") with the engine's
 *  ingest options. */
RC_API rc_status rc_engine_reader(const rc_engine *e, const char *const *inputs, size_t n,
                                  rc_reader **out, rc_error *err);

/**
 * The map phase over r with the engine: rc_map_run() with its extractor;
 * opts->threads 0 takes the engine's.  opts may be NULL.
 */
RC_API rc_status rc_engine_map(const rc_engine *e, rc_reader *r, const rc_map_options *opts,
                               rc_record_fn fn, void *user, rc_error *err);

/** The version of rc_run_options this header describes. */
#define RC_RUN_OPTIONS_VERSION 1

/** What a caller of rc_engine_collect() and rc_run() (reconcile.h) may watch.  Start from RC_RUN_OPTIONS_INIT;
 *  NULL callbacks are not called.  Fields are only ever appended. */
typedef struct rc_run_options {
	unsigned version;   /**< RC_RUN_OPTIONS_VERSION */
	/** Progress of the map phase, about every 100 ms, from the calling thread. */
	void (*progress)(void *user, const rc_progress *p);
	/** Each record as the map step finishes it, in input order, from the
	 *  calling thread (to print the diagnostics of skipped documents). */
	void (*record)(void *user, const rc_record *rec);
	/** Once, after the map phase, before the reduce phase starts. */
	void (*reconciling)(void *user, rc_record *const *records, size_t n);
	void *user;         /**< passed to each callback */
} rc_run_options;

#define RC_RUN_OPTIONS_INIT {.version = RC_RUN_OPTIONS_VERSION}

/** Set o to RC_RUN_OPTIONS_INIT with the given version: RC_ERR_INVALID
 *  for a version this library does not know. */
RC_API rc_status rc_run_options_init(rc_run_options *o, unsigned version, rc_error *err);

/**
 * The map phase over inputs[0..n) (files, directories, "-"; none: standard
 * input) with the engine, on its threads: *records gets every record in
 * input order, compacted (rc_record_store_compact) because they are kept;
 * the caller frees each and the array.  opts may be NULL.
 */
RC_API rc_status rc_engine_collect(const rc_engine *e, const char *const *inputs, size_t n,
                                   const rc_run_options *opts, rc_record ***records, size_t *n_records,
                                   rc_error *err);

#ifdef __cplusplus
}
#endif
#endif
