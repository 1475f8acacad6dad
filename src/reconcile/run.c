/*
 * The whole pipeline in one call (rc_run, rc_run_documents) and the reduce
 * phase with an engine's options (rc_engine_reconcile): what the CLI's
 * reporting commands and any library user run, so nobody rebuilds the
 * pipeline by hand.
 */
#include <stdlib.h>
#include <string.h>
#include <recount/reconcile.h>
#include "core/core.h"
#include "pipeline/engine-priv.h"
#include "reconcile/reconcile-int.h"
#include "record/record-priv.h"

rc_reconcile_options rc_engine_reconcile_options(const rc_engine *e)
{
	const rc_engine_options *o = rc_engine_get_options(e);
	return (rc_reconcile_options){
		.version = RC_RECONCILE_OPTIONS_VERSION,
		.approx_tolerance = o->approx_tolerance,
		.best = o->best,
		.window_days = o->window_days,
		.duplicate_threshold = o->duplicate_threshold,
		.events = rc_engine_event_defs(e),
		.vocab = rc_engine_vocab(e),
		.threads = o->threads,   /* resolved: the online CPUs when it was 0 */
	};
}

rc_status rc_engine_reconcile(rc_result **out, const rc_engine *e, rc_record **records, size_t n,
                              rc_error *err)
{
	rc_reconcile_options o = rc_engine_reconcile_options(e);
	return rc_reconcile(out, records, n, &o, err);
}

/* The reduce phase over recs[0..n), which it owns from here; frees recs. */
static rc_status reduce(rc_result **out, const rc_engine *e, rc_record **recs, size_t n,
                        const rc_run_options *o, rc_error *err)
{
	if (o && o->reconciling)
		o->reconciling(o->user, recs, n);
	rc_status st = rc_engine_reconcile(out, e, recs, n, err);
	free(recs);
	return st;
}

rc_status rc_run(rc_result **out, const rc_engine *e, const char *const *inputs, size_t n,
                 const rc_run_options *opts, rc_error *err)
{
	*out = NULL;
	rc_record **recs = NULL;
	size_t nr = 0;
	rc_status st = rc_engine_collect(e, inputs, n, opts, &recs, &nr, err);
	if (st != RC_OK)
		return st;
	return reduce(out, e, recs, nr, opts, err);
}

rc_status rc_run_documents(rc_result **out, const rc_engine *e, const rc_document *const *docs,
                           size_t n, const rc_run_options *opts, rc_error *err)
{
	*out = NULL;
	rc_status st = rc__run_options_check(opts, err);
	if (st != RC_OK)
		return st;
	rc_record **recs = calloc(n ? n : 1, sizeof *recs);
	if (!recs)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	size_t k = 0;
	for (; k < n; k++) {
		if ((st = rc_record_extract(&recs[k], rc_engine_extractor(e), docs[k], err)) != RC_OK)
			break;
		if (opts && opts->record)
			opts->record(opts->user, recs[k]);
	}
	if (st != RC_OK) {
		rc__records_free(recs, k);
		free(recs);
		return st;
	}
	return reduce(out, e, recs, n, opts, err);
}

rc_status rc_engine_events_collect(rc_event_set **out, const rc_engine *e,
                                   rc_record *const *records, size_t n, rc_error *err)
{
	return rc__events_collect(out, records, n, rc_engine_vocab(e), rc_engine_event_defs(e), err);
}
