/*
 * The engine (include/recount/engine.h): the options of a run with their
 * defaults, and what is built from them once (recognizer, rules, user
 * events, the extractor of the map step).  The defaults of the pipeline
 * are decided here, in rc_engine_options_resolve(), and nowhere else:
 * rc_reconcile() resolves its options through it too.
 */
#include <stdlib.h>
#include <string.h>
#include <recount/engine.h>
#include "core/core.h"
#include "pipeline/engine-priv.h"
#include "record/record-priv.h"

struct rc_engine {
	rc_engine_options opts;      /* resolved */
	rc__map_tables t;            /* lent to the extractor */
	rc_event_defs *defs;
	rc_extractor *ex;
};

rc_status rc_engine_options_init(rc_engine_options *o, unsigned version, rc_error *err)
{
	static const rc_engine_options init = RC_ENGINE_OPTIONS_INIT;
	return rc__options_init(o, sizeof *o, &init, "rc_engine_options", version, RC_ENGINE_OPTIONS_VERSION, err);
}


void rc_engine_options_resolve(rc_engine_options *o)
{
	o->approx_tolerance = rc__tolerance_resolve(o->approx_tolerance);
	if (!o->window_days)
		o->window_days = RC_WINDOW_DAYS_DEFAULT;
	if (!(o->duplicate_threshold > 0))
		o->duplicate_threshold = RC_DUPLICATE_THRESHOLD_DEFAULT;
	if (!o->threads)
		o->threads = rc_cpu_count();
	rc_limits_resolve(&o->ingest.limits);
}

rc_status rc_engine_new(rc_engine **out, const rc_engine_options *opts, rc_error *err)
{
	*out = NULL;
	if (opts && (rc__options_check("rc_engine_options", opts->version, RC_ENGINE_OPTIONS_VERSION, err) != RC_OK ||
	             rc__options_check("rc_engine_options.ingest", opts->ingest.version, RC_INGEST_OPTIONS_VERSION,
	                               err) != RC_OK))
		return RC_ERR_INVALID;
	rc_engine *e = calloc(1, sizeof *e);
	if (!e)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	if (opts)
		e->opts = *opts;
	e->opts.version = RC_ENGINE_OPTIONS_VERSION;
	e->opts.ingest.version = RC_INGEST_OPTIONS_VERSION;
	rc_engine_options_resolve(&e->opts);
	rc_recognizer_options ro = RC_RECOGNIZER_OPTIONS_INIT;
	ro.approx_tolerance = e->opts.approx_tolerance;
	rc_status st = rc__map_tables_build(&e->t, NULL, &ro, err);
	if (st == RC_OK && e->opts.rules_path)
		st = rc_rules_load_file(e->t.rules, e->opts.rules_path, err);
	if (st == RC_OK && e->opts.events_path)
		st = rc_event_defs_load_file(&e->defs, e->opts.events_path, err);
	if (st == RC_OK) {
		rc_extractor_options eo = RC_EXTRACTOR_OPTIONS_INIT;
		eo.recognizer = e->t.rec;
		eo.rules = e->t.rules;
		eo.events = e->defs;
		eo.vocab = e->t.vocab;
		eo.limits = e->opts.ingest.limits;
		st = rc_extractor_new(&e->ex, &eo, err);
	}
	if (st != RC_OK) {
		rc_engine_free(e);
		return st;
	}
	/* the paths are the caller's: the engine keeps what it built from them */
	e->opts.rules_path = e->opts.events_path = NULL;
	*out = e;
	return RC_OK;
}

void rc_engine_free(rc_engine *e)
{
	if (e) {
		rc_extractor_free(e->ex);
		rc_event_defs_free(e->defs);
		rc__map_tables_dispose(&e->t);
	}
	free(e);
}

const rc_engine_options *rc_engine_get_options(const rc_engine *e)
{
	return &e->opts;
}

const rc_recognizer *rc_engine_recognizer(const rc_engine *e)
{
	return e->t.rec;
}

const rc_rules *rc_engine_rules(const rc_engine *e)
{
	return e->t.rules;
}

const rc_event_defs *rc_engine_event_defs(const rc_engine *e)
{
	return e->defs;
}

const rc_event_vocab *rc_engine_vocab(const rc_engine *e)
{
	return e->t.vocab;
}

const rc_extractor *rc_engine_extractor(const rc_engine *e)
{
	return e->ex;
}

rc_status rc_engine_reader(const rc_engine *e, const char *const *inputs, size_t n,
                           rc_reader **out, rc_error *err)
{
	return rc_reader_new(out, &e->opts.ingest, inputs, n, err);
}

rc_status rc_engine_map(const rc_engine *e, rc_reader *r, const rc_map_options *opts,
                        rc_record_fn fn, void *user, rc_error *err)
{
	rc_map_options mo = RC_MAP_OPTIONS_INIT;
	if (opts)
		mo = *opts;   /* rc_map_run checks its version */
	if (!mo.threads)
		mo.threads = e->opts.threads;
	return rc_map_run(r, e->ex, &mo, fn, user, err);
}

rc_status rc_run_options_init(rc_run_options *o, unsigned version, rc_error *err)
{
	static const rc_run_options init = RC_RUN_OPTIONS_INIT;
	return rc__options_init(o, sizeof *o, &init, "rc_run_options", version, RC_RUN_OPTIONS_VERSION, err);
}

typedef struct collect {
	const rc_run_options *o;
	rc_record **recs;
	size_t n, cap;
	rc_record_store *store;   /* the records are kept to the end: compact them */
} collect;

static rc_status keep(collect *c, rc_record *rec, rc_error *err)
{
	if (c->n == c->cap) {
		size_t nc = c->cap ? c->cap * 2 : 256;
		rc_record **nr = realloc(c->recs, nc * sizeof *nr);
		if (!nr) {
			rc_record_free(rec);
			return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		}
		c->recs = nr;
		c->cap = nc;
	}
	c->recs[c->n++] = rec;
	return RC_OK;
}

static rc_status collect_record(void *user, rc_record *rec, rc_error *err)
{
	collect *c = user;
	if (c->o && c->o->record)
		c->o->record(c->o->user, rec);
	if (rc_record_store_compact(c->store, &rec, err) != RC_OK) {
		rc_record_free(rec);
		return err->status;
	}
	return keep(c, rec, err);
}

static void drop(collect *c)
{
	rc__records_free(c->recs, c->n);
	free(c->recs);
	c->recs = NULL;
}

rc_status rc__run_options_check(const rc_run_options *o, rc_error *err)
{
	return o ? rc__options_check("rc_run_options", o->version, RC_RUN_OPTIONS_VERSION, err) : RC_OK;
}

rc_status rc_engine_collect(const rc_engine *e, const char *const *inputs, size_t n,
                            const rc_run_options *opts, rc_record ***records, size_t *n_records,
                            rc_error *err)
{
	*records = NULL;
	*n_records = 0;
	rc_status st = rc__run_options_check(opts, err);
	if (st != RC_OK)
		return st;
	static const char *const stdin_only[] = {"-"};
	rc_reader *r = NULL;
	if ((st = rc_engine_reader(e, n ? inputs : stdin_only, n ? n : 1, &r, err)) != RC_OK)
		return st;
	collect c = {.o = opts};
	if ((st = rc_record_store_new(&c.store, err)) != RC_OK) {
		rc_reader_free(r);
		return st;
	}
	rc_map_options mo = RC_MAP_OPTIONS_INIT;
	if (opts) {
		mo.progress = opts->progress;
		mo.progress_user = opts->user;
	}
	st = rc_engine_map(e, r, &mo, collect_record, &c, err);
	rc_reader_free(r);
	/* the compacted records keep what they need of the store */
	rc_record_store_free(c.store);
	if (st != RC_OK) {
		drop(&c);
		return st;
	}
	*records = c.recs;
	*n_records = c.n;
	return RC_OK;
}
