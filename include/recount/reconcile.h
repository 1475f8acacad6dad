/*
 * recount: the reduce phase.  Merges event mentions across documents into
 * events, then per event and metric works out the range, the consistent
 * core, the current figure with the credible low and high, the distinct
 * figures by time window, the kinds of change between them (progression,
 * revision, contradiction, dispute), source dependence and aggregate
 * checks.  The result does not depend on the order of the
 * records it is given.
 */
#ifndef RECOUNT_RECONCILE_H
#define RECOUNT_RECONCILE_H

#include <recount/export.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <recount/status.h>
#include <recount/quantity.h>
#include <recount/claim.h>
#include <recount/event.h>
#include <recount/record.h>
#include <recount/engine.h>

#ifdef __cplusplus
extern "C" {
#endif

/** How authoritative a claim's source is, for the current figure
 *  (docs/reconcile.md, "The current figure").  Append only. */
typedef enum rc_authority {
	RC_AUTHORITY_NONE = 0,  /**< unattributed: the outlet's own text */
	RC_AUTHORITY_NAMED,     /**< a named source that is not an official (a wire count, a monitor, a witness) */
	RC_AUTHORITY_OFFICIAL   /**< an official body or office holder (data/reconcile.json, "official_words") */
} rc_authority;

/** "unattributed", "named" or "official". */
RC_API const char *rc_authority_str(rc_authority a);

/** A claim in context: the record it came from and its origin group.
 *  32 bytes (LP64): one per claim of a result. */
typedef struct rc_claim_ref {
	const rc_record *rec;
	const rc_claim *claim;
	/** Its interval after the approximation tolerance, kept once per
	 *  distinct interval in the result (claims give far fewer intervals
	 *  than there are claims; the copy held here took 24 bytes a claim):
	 *  equal intervals are the same pointer.  Valid while the result is. */
	const rc_interval *effective;
	uint32_t origin;        /**< index of its independent origin (near-duplicate group) */
	/** A current claim that a later report of another document revises in
	 *  its text ("down to 29 from 31"): kept in the range, the timeline and
	 *  a revision conflict, left out of the core, the estimates and verify. */
	bool revised;
	uint8_t authority;      /**< an rc_authority: how authoritative its cited source is */
} rc_claim_ref;

/** Kinds of change between the figures of one event and metric
 *  (docs/reconcile.md, "Kinds of change").  Append only. */
typedef enum rc_conflict_kind {
	RC_CONFLICT_CONTRADICTION = 0, /**< same time window, disjoint figures, different sources */
	RC_CONFLICT_REVISION,          /**< a later figure replaces an earlier one (the text says so, or the same authority) */
	RC_CONFLICT_PROGRESSION,       /**< a later, higher toll: expected, not an alarm */
	RC_CONFLICT_DISPUTE            /**< named sources that keep giving incompatible figures over time */
} rc_conflict_kind;

/** "contradiction", "revision", "progression" or "dispute". */
RC_API const char *rc_conflict_kind_str(rc_conflict_kind k);

/**
 * A distinct figure of a metric: the claims that give the same effective
 * interval with the same status in the same time window.  Conflicts and
 * timelines are told in figures, so their size grows with the number of
 * distinct figures, never with the square of the claims.
 */
typedef struct rc_figure {
	/* the figure itself, after the approximation tolerance, is its
	 * claims' effective interval (rc_figure_effective()): not kept here */
	const char *date;            /**< first day of its time window ("YYYY-MM-DD"), or NULL: undated */
	const rc_claim_ref **claims; /**< every claim that gives it (at least one), in report order */
	const rc_claim_ref *lead;    /**< the claim to quote: the most authoritative, then the earliest */
	/* counts are 32-bit (a result holds fewer than 2^32 claims) and the
	 * status one byte: 40 bytes (LP64), not 88 */
	uint32_t n_claims;
	uint32_t documents;          /**< documents among them */
	uint32_t origins;            /**< independent origins among them */
	uint8_t status;              /**< an rc_claim_status: RC_CLAIM_CURRENT or RC_CLAIM_SUPERSEDED */
	bool revised;                /**< current figures a later report revises in its text */
	bool leads;                  /**< it leads its time window (the figure a timeline shows for it) */
	/** date is estimated: an undated report whose text says when it was
	 *  written, a time window of its own (docs/reconcile.md, "Estimated times") */
	bool estimated;
} rc_figure;

/**
 * The figure, after the approximation tolerance: the effective interval
 * of its first claim (all its claims give it; the field effective that
 * held a copy took 24 bytes a figure).
 */
static inline const rc_interval *rc_figure_effective(const rc_figure *f)
{
	return f->claims[0]->effective;
}

/**
 * A change or a disagreement between figures.  figures[i] is quoted by
 * claims[i] (for a dispute, each side's latest claim); n_claims equals
 * n_figures and is at least 2.  Order: a contradiction's figures from low
 * to high; a revision or progression's in time order; a dispute's the
 * current figure's side first.
 */
typedef struct rc_conflict {
	rc_conflict_kind kind;
	/* counts are 32-bit (a result holds fewer than 2^32 claims): 56 bytes
	 * (LP64) */
	uint32_t n_claims;
	const rc_claim_ref **claims; /**< one claim to quote per figure */
	/** Private: what rc_conflict_why() writes its sentence from (the
	 *  sentence is not held: the field why it replaces took about 100
	 *  bytes a conflict).  A dispute's: the claim of the source it is told
	 *  from; a change's: the days from its first report to its last. */
	union {
		const rc_claim_ref *ref;
		int64_t days;
	} why_arg;
	const rc_figure **figures;   /**< the figures, parallel to claims */
	const char *date;            /**< a contradiction's time window ("YYYY-MM-DD"), NULL when undated or another kind */
	uint32_t n_figures;
	uint32_t reports;            /**< documents behind its figures; for an undated contradiction or a revision a text states: the documents that state it */
	uint32_t why_steps;          /**< private (rc_conflict_why()): a change's steps */
	uint8_t why_form;            /**< private (rc_conflict_why()): which sentence */
} rc_conflict;

/**
 * One sentence explaining why the conflict was classified so.  It replaces
 * the field why, which held the sentence: the result keeps what the
 * sentence is made from and writes it when asked.  Written into buf as
 * snprintf() does: at most size bytes, NUL-terminated when size > 0;
 * returns the length of the whole sentence, so a return of size or more
 * means it was cut short.
 */
RC_API size_t rc_conflict_why(const rc_conflict *c, char *buf, size_t size);

/* rc_best_rule: recount/engine.h */

/** What the sources say about one metric of one event. */
typedef struct rc_metric_result {
	const char *metric;
	rc_interval range;           /**< lowest lower bound to highest upper bound */
	bool has_core;
	/* private, in has_core's padding: what rc_metric_result_current_why()
	 * writes its sentence from */
	uint8_t why_form, why_by, why_window;
	uint32_t why_count;
	rc_interval core;            /**< intersection of the current claims, if not empty */
	/** The figure to quote now (docs/reconcile.md, "The current figure"):
	 *  the latest current report, the most authoritative first within its
	 *  time window and in a dispute; never superseded or revised.  NULL
	 *  when the metric has no current figure. */
	const rc_claim_ref *current;
	double current_value;        /**< its figure as one number */
	/** Private: the other claim rc_metric_result_current_why() tells of,
	 *  or NULL (the field current_why it replaces held the sentence). */
	const rc_claim_ref *why_ref;
	bool has_estimates;          /**< current != NULL */
	/** The metric counts increments ("killed (additional)": "12 more
	 *  bodies", then "five more"): each figure adds to the total, so no
	 *  two are compared (no conflicts, no core); current is the latest. */
	bool increments;
	int32_t why_day;             /**< private (rc_metric_result_current_why()): a day it names */
	/** low and high: the lowest and highest credible current figures (the
	 *  current one, the others of its time window and of the latest one,
	 *  each side of a dispute); best: by the rule of the options, the
	 *  current figure by default. */
	double low, best, high;
	const rc_claim_ref **claims; /**< every claim, in report order */
	size_t n_claims;
	size_t documents;            /**< documents supporting any figure */
	size_t origins;              /**< independent origins among them */
	/** Every reported figure (current and superseded claims), by report
	 *  time, undated last: the claims, hypothetical and aggregate ones left
	 *  out.  A point's date is its record's (ref->rec->published: the
	 *  report date, or NULL if undated).  The same array as claims when
	 *  no claim is left out (8 bytes a point, or none: the points of
	 *  rc_timeline_point, which this replaces, took 16 bytes a claim). */
	const rc_claim_ref *const *timeline;
	size_t n_timeline;
	rc_figure *figures;          /**< distinct figures by time window, undated last; within a window from low to high */
	size_t n_figures;
	rc_conflict *conflicts;      /**< disputes, contradictions, then changes in time order */
	size_t n_conflicts;
} rc_metric_result;

/**
 * Why current is the figure to quote now, one sentence (it replaces the
 * field current_why, which held it), written into buf as
 * rc_conflict_why() does; 0 (and an empty buf) when the metric has no
 * current figure.
 */
RC_API size_t rc_metric_result_current_why(const rc_metric_result *m, char *buf, size_t size);

/** Verdicts on an aggregate claim.  Append only. */
typedef enum rc_aggregate_verdict {
	RC_AGG_CONSISTENT = 0,
	RC_AGG_INCONSISTENT,
	RC_AGG_UNDETERMINED
} rc_aggregate_verdict;

RC_API const char *rc_aggregate_verdict_str(rc_aggregate_verdict v);

/** An aggregate claim checked against the sum of its parts. */
typedef struct rc_aggregate {
	const rc_claim_ref *ref;
	const char **events;         /**< the events it sums */
	size_t n_events;
	rc_interval parts;           /**< sum of the parts' ranges */
	rc_aggregate_verdict verdict;
	const char *why;
} rc_aggregate;

/** A real-world event, merged across documents. */
typedef struct rc_event {
	const char *id;              /**< stable and readable: kerman-2024-01-03-bombing */
	const char *label;           /**< "Bombing in Kerman, 2024-01-03" */
	const char *type;
	const char *date;            /**< or NULL */
	const char *place;           /**< or NULL */
	const char **names;
	size_t n_names;
	const char **documents;      /**< ids of the documents that mention it, sorted */
	size_t n_documents;
	rc_metric_result *metrics;   /**< sorted by metric name */
	size_t n_metrics;
	rc_aggregate *aggregates;
	size_t n_aggregates;
} rc_event;

/** The version of rc_reconcile_options this header describes. */
#define RC_RECONCILE_OPTIONS_VERSION 2

/** Options of the reduce phase.  Start from RC_RECONCILE_OPTIONS_INIT (or
 *  rc_reconcile_options_init()); a 0 or NULL field takes its default, from
 *  rc_engine_options_resolve().  Fields are only ever appended. */
typedef struct rc_reconcile_options {
	unsigned version;            /**< RC_RECONCILE_OPTIONS_VERSION */
	double approx_tolerance;     /**< 0: RC_APPROX_TOLERANCE_DEFAULT (defaults: rc_engine_options_resolve) */
	rc_best_rule best;
	/** Length in days of a time window (windows start at the metric's
	 *  first report day); 0: RC_WINDOW_DAYS_DEFAULT (1, the calendar day
	 *  of the report). */
	unsigned window_days;
	double duplicate_threshold;  /**< MinHash Jaccard estimate for near-duplicates; 0: RC_DUPLICATE_THRESHOLD_DEFAULT (0.8) */
	const rc_event_defs *events; /**< borrowed; user-defined events, or NULL */
	/** borrowed: the event vocabulary (an engine's); NULL: rc_reconcile()
	 *  builds one for the call */
	const rc_event_vocab *vocab;
	/** Version 2.  Threads of the reduce's independent work (the event
	 *  merge's candidate pairs, the near-duplicate search, each event's
	 *  metrics); 0 or 1: the calling thread alone.  The result is the
	 *  same, byte for byte, for any number. */
	unsigned threads;
} rc_reconcile_options;

#define RC_RECONCILE_OPTIONS_INIT {.version = RC_RECONCILE_OPTIONS_VERSION}

/** Set o to RC_RECONCILE_OPTIONS_INIT with the given version:
 *  RC_ERR_INVALID for a version this library does not know. */
RC_API rc_status rc_reconcile_options_init(rc_reconcile_options *o, unsigned version, rc_error *err);

/** The result of a run. */
typedef struct rc_result {
	size_t documents_read, documents_processed, documents_skipped;
	size_t claims;
	rc_record **records;         /**< sorted by document id; owned by the result */
	size_t n_records;
	rc_event *events;            /**< sorted by id */
	size_t n_events;
	const rc_claim_ref **unlinked; /**< claims with no event */
	size_t n_unlinked;
	rc_claim_ref *refs;          /**< one per claim, in the order of records and their claims */
	size_t n_refs;
	/** The options of the run, every default applied; events and vocab
	 *  are NULL (borrowed for the call only). */
	rc_reconcile_options options;
	/** What the input of `recount reconcile` lost or held twice, as its
	 *  record reader counted it (rc_record_reader_stats); all zero when the
	 *  records came from the map step.  rc_reconcile() leaves it zero; the
	 *  caller fills it, and the reports show it when anything is not. */
	rc_record_stats input;
	struct rc_result_priv *priv;
} rc_result;

/**
 * Reconcile records.  Takes ownership of records[0..n) (and frees them
 * with the result, even on failure); the array itself stays the caller's.
 * Once the events are merged and the near-duplicate groups made, their
 * signatures and mentions are dropped (rc_record_drop_merge_data()): the
 * records of res->records have none.
 * opts NULL gives every default; an unknown opts->version is
 * RC_ERR_INVALID.
 */
RC_API rc_status rc_reconcile(rc_result **out, rc_record **records, size_t n,
                              const rc_reconcile_options *opts, rc_error *err);

/**
 * The event claim number claim of res->records[rec] is linked to, or NULL
 * (unlinked, or out of range); for an aggregate, the first event it sums.
 * Records are read-only after the map step (but for their signatures and
 * mentions, which rc_reconcile() drops once it has merged events and made
 * its near-duplicate groups): a claim's own event and events
 * fields keep its document's local ids, and the merged links are the
 * result's.
 */
RC_API const rc_event *rc_result_claim_event(const rc_result *res, size_t rec, size_t claim);
/** The events an aggregate claim sums, each once, in its order (*n of
 *  them, NULL-terminated, owned by the result); NULL and *n = 0 for any
 *  other claim. */
RC_API const rc_event *const *rc_result_claim_events(const rc_result *res, size_t rec, size_t claim,
                                                     size_t *n);
/** rc_result_claim_event() for a claim reference of res (one of
 *  res->refs); NULL for any other pointer. */
RC_API const rc_event *rc_result_ref_event(const rc_result *res, const rc_claim_ref *ref);
/** The ids of the events an aggregate claim reference sums (*n of them,
 *  NULL-terminated, owned by the result), as in rc_aggregate.events; NULL
 *  and *n = 0 for any other claim. */
RC_API const char *const *rc_result_ref_event_ids(const rc_result *res, const rc_claim_ref *ref, size_t *n);

/** Release a result.  rc_result_free(NULL) does nothing. */
RC_API void rc_result_free(rc_result *res);

/* ---- with an engine (engine.h): the whole pipeline in one call ---- */

/** The reduce-phase options of an engine (its events borrowed from it). */
RC_API rc_reconcile_options rc_engine_reconcile_options(const rc_engine *e);

/** rc_reconcile() with the engine's options. */
RC_API rc_status rc_engine_reconcile(rc_result **out, const rc_engine *e, rc_record **records, size_t n,
                                     rc_error *err);

/* rc_run_options: recount/engine.h */

/**
 * The whole pipeline: read inputs[0..n) (files, directories, "-"; none:
 * standard input) with the engine, run the map phase on its threads and
 * reconcile the records.  Per-document problems are diagnostics on the
 * records of *out, not errors.  opts may be NULL.  Free *out with
 * rc_result_free(); it does not borrow from the engine.
 */
RC_API rc_status rc_run(rc_result **out, const rc_engine *e, const char *const *inputs, size_t n,
                        const rc_run_options *opts, rc_error *err);

/** The same over documents already in memory (borrowed: they may be freed
 *  after the call). */
RC_API rc_status rc_run_documents(rc_result **out, const rc_engine *e, const rc_document *const *docs,
                                  size_t n, const rc_run_options *opts, rc_error *err);

/**
 * Events merged across records without the rest of the reduce phase (for
 * `recount events`; rc_reconcile() does the same merge and more).
 */
typedef struct rc_event_set {
	rc_event *events;   /**< sorted by id; metrics and aggregates left empty */
	size_t n_events;
	struct rc_event_set_priv *priv;
} rc_event_set;

/**
 * Merge the event mentions of records[0..n) into events.  The records are
 * not changed (a claim's event and events stay its document's local ids):
 * which merged event each claim is linked to is kept by the set, read with
 * rc_event_set_claim_event() and rc_event_set_claim_events().  The result
 * does not depend on the order of the records.
 */
RC_API rc_status rc_events_collect(rc_event_set **out, rc_record *const *records, size_t n,
                                   const rc_event_defs *defs, rc_error *err);
/**
 * The merged event claim number claim of records[rec] (the array given to
 * rc_events_collect()) is linked to, or NULL when it is linked to none (or
 * rec or claim is out of range).  For an aggregate, the first event it
 * sums.  The event belongs to the set.
 */
RC_API const rc_event *rc_event_set_claim_event(const rc_event_set *set, size_t rec, size_t claim);
/**
 * The events an aggregate claim sums, each once, in its order: *n of them
 * (a NULL-terminated array owned by the set); NULL and *n = 0 for a claim
 * that sums none.
 */
RC_API const rc_event *const *rc_event_set_claim_events(const rc_event_set *set, size_t rec,
                                                        size_t claim, size_t *n);
/** rc_events_collect() with the engine's vocabulary and user events. */
RC_API rc_status rc_engine_events_collect(rc_event_set **out, const rc_engine *e,
                                          rc_record *const *records, size_t n, rc_error *err);
/** Release an event set.  rc_event_set_free(NULL) does nothing. */
RC_API void rc_event_set_free(rc_event_set *set);

#ifdef __cplusplus
}
#endif
#endif
