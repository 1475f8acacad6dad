/*
 * Private to src/reconcile: the cross-document event merge (merge.c) as
 * rc_reconcile() and rc_events_collect() call it, and the per-metric
 * figure pass (figures.c) as the reduce (reduce.c) calls it.
 */
#ifndef RC_RECONCILE_INT_H
#define RC_RECONCILE_INT_H

#include <recount/record.h>
#include <recount/reconcile.h>
#include <limits.h>
#include <stdint.h>
#include "core/core.h"
#include "reconcile/why-priv.h"

/*
 * Which merged events the claims of a batch are linked to: the side table
 * of the reduce phase.  Records stay as the map step wrote them (a claim's
 * event and events are its document's local ids); the merged links live
 * here, owned by the result or event set.  Claims are numbered in the
 * order of the records given to the merge (NULL records have none):
 * claim x of records[r] is number base[r] + x.
 */
#define RC__LINK_MULTI 0x80000000u

typedef struct rc__links {
	size_t n_recs;
	size_t *base;          /* n_recs + 1 */
	/* per claim: 0 when unlinked; else, without RC__LINK_MULTI, the index
	 * of its event + 1; with it, the start in multi of the events an
	 * aggregate sums (at least one, then NULL) */
	uint32_t *link;
	const rc_event **multi;
	const char **multi_ids; /* their ids, parallel to multi */
	const rc_event *events; /* the merged events, sorted by id */
} rc__links;

/* The event claim number k is linked to (an aggregate's first), or NULL. */
static inline const rc_event *rc__link_event(const rc__links *l, size_t k)
{
	uint32_t v = l->link[k];
	if (!v)
		return NULL;
	return v & RC__LINK_MULTI ? l->multi[v & ~RC__LINK_MULTI] : &l->events[v - 1];
}

/* The events an aggregate claim number k sums (*n of them, NULL-ended), or
 * NULL and 0 for any other claim. */
static inline const rc_event *const *rc__link_events(const rc__links *l, size_t k, size_t *n)
{
	uint32_t v = l->link[k];
	*n = 0;
	if (!(v & RC__LINK_MULTI))
		return NULL;
	const rc_event *const *e = l->multi + (v & ~RC__LINK_MULTI);
	while (e[*n])
		(*n)++;
	return e;
}

/* Their ids (the same runs, NULL-ended). */
static inline const char *const *rc__link_event_ids(const rc__links *l, size_t k, size_t *n)
{
	const rc_event *const *e = rc__link_events(l, k, n);
	return e ? l->multi_ids + (e - l->multi) : NULL;
}

/* The claim number of claim x of records[r], or SIZE_MAX when out of range. */
static inline size_t rc__link_index(const rc__links *l, size_t r, size_t x)
{
	if (!l || r >= l->n_recs || x >= l->base[r + 1] - l->base[r])
		return SIZE_MAX;
	return l->base[r] + x;
}

/*
 * Merge the mentions of all records into events.  Fills *out (sorted by
 * id, metrics left empty for the reconciler) and *links with the merged
 * events of every claim (and of every event an aggregate sums); the
 * records are not changed.  The result does not depend on the order of
 * records.  Memory comes from a.  The candidate pairs of the scored
 * merge are searched on `threads` threads (0 or 1: this one); the result
 * is the same for any number.
 */
rc_status rc__events_merge(rc_event **out, size_t *n_out, rc__links *links, rc_arena *a,
                           rc_record *const *records, size_t n_records,
                           const rc_event_vocab *vocab, const rc_event_defs *defs,
                           unsigned threads, rc_error *err);

/* The day of an undated report (days before 1970 are negative). */
#define RC__UNDATED LONG_MIN

/* The day of an undated report as a fact keeps it (days of the years 0 to
 * 9999 and the estimates after them all fit 32 bits). */
#define RC__UNDATED32 INT32_MIN

/* What the figure pass knows of each record's claims (the same for every
 * claim of a record, so kept once a record: 24 bytes a record, not a
 * claim; rc__fact_index() finds a claim reference's). */
typedef struct rc__fact {
	long long t;     /* report instant in minutes since 1970 (UTC when the time has a
	                    zone; the end of the day when there is no time), for ordering */
	int32_t day;     /* day number of the report date as written, RC__UNDATED32 when
	                    undated (read it with rc__fact_day()) */
	uint32_t group;  /* its document's near-duplicate group (a record index;
	                    rc_reconcile() refuses 2^32 records) */
	bool estimated;  /* day is estimated from what the undated text says of its
	                    time (rc_record.time_hint): a time window of its own */
} rc__fact;

/* A fact's day as a long, RC__UNDATED when undated. */
static inline long rc__fact_day(const rc__fact *f)
{
	return f->day == RC__UNDATED32 ? RC__UNDATED : (long)f->day;
}

/* The state of one reduce. */
typedef struct rc__reduce {
	rc_result *res;
	rc_arena *a;
	const rc_reconcile_options *o;
	double tol;
	long window;     /* days per time window, >= 1 */
	bool nomem;
	rc__fact *facts;  /* per record, in the order of rc_result.records */
	/* where each record's claims start among the claim references (the
	 * links' bases: n_recs + 1 of them) */
	const size_t *base;
	size_t n_recs;
	/* per claim ref: who gives the figure: its cited authority (compared
	 * without case), else its document's near-duplicate group; an index
	 * under the number of claims (rc_reconcile() refuses 2^32 claims) */
	uint32_t *source;
	/* "YYYY-MM-DD" of the days the figure pass names, one copy each
	 * (figures.c, day_str): open addressing on the day number */
	long *day_keys;
	const char **day_strs; /* NULL: a free slot */
	size_t n_days, cap_days;
	struct rc__tables *tables; /* data/reconcile.json (reduce.c) */
} rc__reduce;

/* The index of the record (and fact) of claim reference number k: the last
 * record whose claims start at or before it (one without claims starts
 * where the next does).  Found by halving, not kept a claim (4 bytes). */
static inline size_t rc__fact_index(const rc__reduce *r, size_t k)
{
	size_t lo = 0, hi = r->n_recs;   /* base[lo] <= k < base[hi] */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->base[mid] <= k)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* n zeroed elements of size bytes (at least one) from the result's arena;
 * NULL and r->nomem set when out of memory. */
void *rc__reduce_alloc(rc__reduce *r, size_t n, size_t size);

/*
 * The report time of a publication date "YYYY-MM-DD", optionally followed
 * by a time "THH:MM[:SS[.fff]]" (or a space instead of T) and a zone "Z" or
 * "+HH:MM"/"-HHMM": *day is the date as written, *t the instant (see
 * rc__fact).  False (and *day = RC__UNDATED) when there is no full date.
 */
bool rc__report_time(const char *published, long *day, long long *t);
void rc__record_time(const rc_record *rec, long *day, long long *t);

/* The estimated day of an undated record from its time_hint and the date of
 * its news event ("YYYY-MM-DD", or NULL): the latest date its text states,
 * or the event's date plus the time its lead says has passed, whichever is
 * later, when that is after the event's date; else RC__UNDATED.  *t is the
 * end of that day. */
void rc__estimated_time(const char *hint, const char *event_date, long *day, long long *t);

/* Mark the current claims of refs[0..n) (one metric) that a later report
 * of another document revises in its text: it holds a superseded claim
 * with the same figure.  Found by sorting the superseded claims. */
/* Does metric ("missing", "missing (Turkish pilgrims)") count what falls
 * as people are found (data/reconcile.json falling_metrics)? */
bool rc__falling_metric(const rc__reduce *r, const char *metric);

/* Does metric ("killed (additional)") count increments: the part label is
 * one of data/reconcile.json increment_parts, so that each figure adds to
 * the total ("12 more bodies", then "five more") and none is a rival,
 * revision or progression of another? */
bool rc__increment_metric(const rc__reduce *r, const char *metric);

void rc__mark_revised(rc__reduce *r, const rc_claim_ref **refs, size_t n);

/* One number for a figure: the middle of a bounded interval, else its
 * finite end ("over 90" is 90), else NaN. */
double rc__point_of(const rc_interval *iv);

/*
 * The figure pass of one metric (figures.c): refs (n claims in report
 * order, their origins, revised flags and core already worked out) are
 * grouped into figures by time window; then the contradictions of each
 * window, the chain of changes across windows, the disputes, the current
 * figure with low, best and high, and the revisions the texts state.
 * Sets m->figures, m->conflicts, m->current and the estimates.  n log n
 * in the claims; no pass over pairs of claims.
 */
void rc__metric_figures(rc__reduce *r, rc_metric_result *m, const rc_claim_ref **refs, size_t n);

/* rc_events_collect() with a vocabulary (NULL: one built for the call). */
rc_status rc__events_collect(rc_event_set **out, rc_record *const *records, size_t n,
                             const rc_event_vocab *vocab, const rc_event_defs *defs,
                             rc_error *err);

#endif
