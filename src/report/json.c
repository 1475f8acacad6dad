/*
 * The full structured result as one JSON document, "recount.report/1"
 * (docs/schema-report.md): written by `recount report --format json` and
 * `recount reconcile`, read back as the baseline of `recount check`.
 * Claims are the same objects `recount extract` writes, plus their origin,
 * effective interval and support, so a claim looks the same everywhere.
 *
 * Written with the streaming writer in pretty mode (the bytes jansson's
 * JSON_INDENT(2) dump gives) and sent out in 64 KiB pieces, so the report
 * of a large batch is never held in memory twice.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <recount/report.h>
#include "core/jw.h"
#include "record/record-json.h"
#include "reconcile/why-priv.h"
#include "report/report-priv.h"

#define REPORT_SCHEMA "recount.report/1"

/* A claim with what the reconciler found about it. */
static void ref_write(rc_jw *w, const rc_result *res, const rc_claim_ref *r, const size_t *support)
{
	rc__jw_obj(w);
	rc__claim_ids ids = rc__ref_ids(res, r);
	rc__claim_write_fields(w, r->rec, r->claim, &ids);
	/* the article, for a reader to click through to */
	rc__jw_kstr(w, "url", r->rec->url);
	rc__jw_kstr(w, "title", r->rec->title);
	rc__jw_kint(w, "origin", (long long)r->origin);
	rc__jw_key(w, "effective");
	rc__jw_interval(w, r->effective);
	rc__jw_kbool(w, "revised", r->revised);
	rc__jw_kstr(w, "authority", rc_authority_str(r->authority));
	if (support) {
		rc__jw_kobj(w, "support");
		rc__jw_kint(w, "documents", (long long)support[0]);
		rc__jw_kint(w, "origins", (long long)support[1]);
		rc__jw_end_obj(w);
	}
	rc__jw_end_obj(w);
}

/* The line to cite: of the input file when known, else of the text. */
static long long claim_line(const rc_claim *c)
{
	return (long long)(c->file_line ? c->file_line : c->pos.line);
}

/* A claim named inside a conflict: enough to find it. */
static void ref_short(rc_jw *w, const rc_claim_ref *r, size_t index)
{
	rc__jw_obj(w);
	rc__jw_kint(w, "index", (long long)index);
	rc__jw_kstr(w, "doc", r->rec->doc);
	rc__jw_kstr(w, "text", r->claim->text);
	rc__jw_kstr(w, "source", r->rec->source);
	rc__jw_kstr(w, "published", r->rec->published);
	rc__jw_kstr(w, "url", r->rec->url);
	rc__jw_kstr(w, "attribution", r->claim->attribution);
	rc__jw_kint(w, "line", claim_line(r->claim));
	rc__jw_end_obj(w);
}

/* The ends of an interval as the flat keys lo, hi, lo_incl, hi_incl. */
static void interval_keys(rc_jw *w, const rc_interval *iv)
{
	rc__jw_knum_or_null(w, "lo", !iv->lo_inf, iv->lo);
	rc__jw_knum_or_null(w, "hi", !iv->hi_inf, iv->hi);
	rc__jw_kbool(w, "lo_incl", !iv->lo_inf && iv->lo_incl);
	rc__jw_kbool(w, "hi_incl", !iv->hi_inf && iv->hi_incl);
}

static bool hypo(const rc_claim_ref *r)
{
	return r->claim->status == RC_CLAIM_HYPOTHETICAL;
}

/* ---- support: documents and origins behind each figure -------------------- */

typedef struct fig {
	const rc_claim_ref *ref;
	size_t i;              /* index in the metric */
} fig;

/* The figure of a claim: its effective interval (the fields
 * rc_interval_equal compares) and whether it is hypothetical. */
static int cmp_fig(const void *pa, const void *pb)
{
	const rc_claim_ref *a = ((const fig *)pa)->ref, *b = ((const fig *)pb)->ref;
	const rc_interval *x = a->effective, *y = b->effective;
	if (hypo(a) != hypo(b))
		return hypo(a) ? 1 : -1;
	if (x->lo_inf != y->lo_inf)
		return x->lo_inf ? -1 : 1;
	int c;
	if (!x->lo_inf && (c = rc__cmp_double(x->lo, y->lo)))
		return c;
	if (!x->lo_inf && x->lo_incl != y->lo_incl)
		return x->lo_incl ? -1 : 1;
	if (x->hi_inf != y->hi_inf)
		return x->hi_inf ? 1 : -1;
	if (!x->hi_inf && (c = rc__cmp_double(x->hi, y->hi)))
		return c;
	if (!x->hi_inf && x->hi_incl != y->hi_incl)
		return x->hi_incl ? 1 : -1;
	return (((const fig *)pa)->i > ((const fig *)pb)->i) - (((const fig *)pa)->i < ((const fig *)pb)->i);
}

static bool same_fig(const rc_claim_ref *a, const rc_claim_ref *b)
{
	return hypo(a) == hypo(b) && rc_interval_equal(a->effective, b->effective);
}

/* The claims of m as (claim, index) pairs sorted by cmp: malloc'd, NULL
 * when out of memory. */
static fig *claims_sorted(const rc_metric_result *m, int (*cmp)(const void *, const void *))
{
	size_t n = m->n_claims;
	fig *f = malloc((n ? n : 1) * sizeof *f);
	if (!f)
		return NULL;
	for (size_t i = 0; i < n; i++)
		f[i] = (fig){m->claims[i], i};
	rc__qsort(f, n, sizeof *f, cmp);
	return f;
}

/*
 * How many documents and independent origins report the same figure (the
 * same effective interval; hypothetical figures are counted only among
 * hypothetical ones) for this metric: out[2 i] and out[2 i + 1] for claim
 * i.  Sorted by figure, so n log n for a metric of n claims.
 */
static bool figure_support(const rc_metric_result *m, size_t *out)
{
	size_t n = m->n_claims;
	fig *f = claims_sorted(m, cmp_fig);
	/* one block: the documents of a run of one figure, then their origins */
	size_t *docs = malloc(2 * (n ? n : 1) * sizeof *docs), *orig = docs ? docs + (n ? n : 1) : NULL;
	if (!f || !docs) {
		free(f);
		free(docs);
		return false;
	}
	for (size_t x = 0; x < n;) {
		size_t y = x + 1;
		while (y < n && same_fig(f[x].ref, f[y].ref))
			y++;
		for (size_t k = x; k < y; k++) {
			docs[k - x] = (size_t)(uintptr_t)f[k].ref->rec;
			orig[k - x] = f[k].ref->origin;
		}
		size_t nd = rc__distinct_sizes(docs, y - x), no = rc__distinct_sizes(orig, y - x);
		for (size_t k = x; k < y; k++) {
			out[2 * f[k].i] = nd;
			out[2 * f[k].i + 1] = no;
		}
		x = y;
	}
	free(f);
	free(docs);
	return true;
}

/* ---- the document ---------------------------------------------------------- */

static int cmp_fig_ptr(const void *pa, const void *pb)
{
	const fig *a = pa, *b = pb;
	return a->ref < b->ref ? -1 : a->ref > b->ref;
}

/* The index in the metric of a claim a conflict names. */
static size_t index_of(const fig *by_ptr, size_t n, const rc_claim_ref *r)
{
	fig key = {r, 0};
	const fig *hit = n ? bsearch(&key, by_ptr, n, sizeof *by_ptr, cmp_fig_ptr) : NULL;
	return hit ? hit->i : 0;
}

static bool metric_write(rc_jw *w, rc__out *o, const rc_result *res, const rc_metric_result *m)
{
	size_t n = m->n_claims;
	size_t *support = malloc((2 * n + 1) * sizeof *support);
	fig *by_ptr = claims_sorted(m, cmp_fig_ptr);
	if (!support || !by_ptr || !figure_support(m, support)) {
		free(support);
		free(by_ptr);
		return false;
	}
	rc__jw_obj(w);
	rc__jw_key(w, "range");
	rc__jw_interval(w, &m->range);
	rc__jw_key(w, "core");
	if (m->has_core)
		rc__jw_interval(w, &m->core);
	else
		rc__jw_null(w);
	rc__jw_kbool(w, "increments", m->increments);
	rc__jw_knum_or_null(w, "low", m->has_estimates, m->low);
	rc__jw_knum_or_null(w, "best", m->has_estimates, m->best);
	rc__jw_knum_or_null(w, "high", m->has_estimates, m->high);
	rc__jw_key(w, "current");
	if (m->current) {
		const rc_claim_ref *c = m->current;
		rc__jw_obj(w);
		rc__jw_knum_or_null(w, "value", !isnan(m->current_value), m->current_value);
		interval_keys(w, c->effective);
		rc__jw_kstr(w, "text", c->claim->text);
		rc__jw_kint(w, "index", (long long)index_of(by_ptr, n, c));
		rc__jw_kstr(w, "doc", c->rec->doc);
		rc__jw_kstr(w, "source", c->rec->source);
		rc__jw_kstr(w, "published", c->rec->published);
		rc__jw_kstr(w, "attribution", c->claim->attribution);
		rc__jw_kstr(w, "authority", rc_authority_str(c->authority));
		rc__jw_kint(w, "line", claim_line(c->claim));
		rc__jw_kstr(w, "quote", c->claim->quote);
		rc_buf why;
		rc__buf_init(&why, 0);
		rc__jw_kstr(w, "why", rc__current_why(&why, m));
		rc__buf_dispose(&why);
		rc__jw_end_obj(w);
	} else {
		rc__jw_null(w);
	}
	rc__jw_kint(w, "documents", (long long)m->documents);
	rc__jw_kint(w, "origins", (long long)m->origins);
	rc__jw_karr(w, "claims");
	for (size_t i = 0; i < n; i++) {
		ref_write(w, res, m->claims[i], &support[2 * i]);
		rc__out_poll(o, w->failed);
	}
	rc__jw_end_arr(w);
	rc__jw_karr(w, "figures");
	for (size_t i = 0; i < m->n_figures; i++) {
		const rc_figure *f = &m->figures[i];
		rc__jw_obj(w);
		rc__jw_kstr(w, "date", f->date);
		if (f->estimated) { /* only then: an undated report's estimated time */
			rc__jw_kbool(w, "date_estimated", true);
		}
		interval_keys(w, rc_figure_effective(f));
		rc__jw_kstr(w, "status", rc_claim_status_str(f->status));
		rc__jw_kbool(w, "revised", f->revised);
		rc__jw_kbool(w, "leads", f->leads);
		rc__jw_kstr(w, "text", f->lead->claim->text);
		rc__jw_kint(w, "reports", (long long)f->n_claims);
		rc__jw_kint(w, "documents", (long long)f->documents);
		rc__jw_kint(w, "origins", (long long)f->origins);
		rc__jw_kint(w, "lead", (long long)index_of(by_ptr, n, f->lead));
		rc__jw_end_obj(w);
		rc__out_poll(o, w->failed);
	}
	rc__jw_end_arr(w);
	rc__jw_karr(w, "timeline");
	for (size_t i = 0; i < m->n_timeline; i++) {
		const rc_claim_ref *p = m->timeline[i];
		const rc_interval *iv = p->effective;
		rc__jw_obj(w);
		rc__jw_kstr(w, "date", p->rec->published);
		rc__jw_knum_or_null(w, "lo", !iv->lo_inf, iv->lo);
		rc__jw_knum_or_null(w, "hi", !iv->hi_inf, iv->hi);
		rc__jw_kstr(w, "text", p->claim->text);
		rc__jw_kstr(w, "source", rc__ref_source(p));
		rc__jw_kstr(w, "status", rc_claim_status_str(p->claim->status));
		rc__jw_end_obj(w);
	}
	rc__jw_end_arr(w);
	rc__jw_karr(w, "conflicts");
	for (size_t i = 0; i < m->n_conflicts; i++) {
		const rc_conflict *c = &m->conflicts[i];
		rc__jw_obj(w);
		rc__jw_kstr(w, "kind", rc_conflict_kind_str(c->kind));
		rc_buf why;
		rc__buf_init(&why, 0);
		rc__jw_kstr(w, "why", rc__conflict_why(&why, c));
		rc__buf_dispose(&why);
		rc__jw_kstr(w, "date", c->date);
		rc__jw_kint(w, "reports", (long long)c->reports);
		rc__jw_karr(w, "figures");
		for (size_t k = 0; k < c->n_figures; k++)
			rc__jw_int(w, (long long)(c->figures[k] - m->figures));
		rc__jw_end_arr(w);
		rc__jw_karr(w, "claims");
		for (size_t k = 0; k < c->n_claims; k++)
			ref_short(w, c->claims[k], index_of(by_ptr, n, c->claims[k]));
		rc__jw_end_arr(w);
		rc__jw_end_obj(w);
		rc__out_poll(o, w->failed);
	}
	rc__jw_end_arr(w);
	rc__jw_end_obj(w);
	free(support);
	free(by_ptr);
	return true;
}

static bool event_write(rc_jw *w, rc__out *o, const rc_result *res, const rc_event *ev)
{
	rc__jw_obj(w);
	rc__jw_kstr(w, "id", ev->id);
	rc__jw_kstr(w, "label", ev->label);
	rc__jw_kstr(w, "type", ev->type);
	rc__jw_kstr(w, "date", ev->date);
	rc__jw_kstr(w, "place", ev->place);
	rc__jw_key(w, "names");
	rc__jw_strs(w, ev->names, ev->n_names);
	rc__jw_key(w, "documents");
	rc__jw_strs(w, ev->documents, ev->n_documents);
	rc__jw_kobj(w, "metrics");
	for (size_t m = 0; m < ev->n_metrics; m++) {
		rc__jw_key(w, ev->metrics[m].metric ? ev->metrics[m].metric : "");
		if (!metric_write(w, o, res, &ev->metrics[m]))
			return false;
	}
	rc__jw_end_obj(w);
	rc__jw_karr(w, "aggregates");
	for (size_t a = 0; a < ev->n_aggregates; a++) {
		const rc_aggregate *ag = &ev->aggregates[a];
		rc__jw_obj(w);
		rc__jw_key(w, "claim");
		ref_write(w, res, ag->ref, NULL);
		rc__jw_key(w, "events");
		rc__jw_strs(w, ag->events, ag->n_events);
		rc__jw_key(w, "parts");
		rc__jw_interval(w, &ag->parts);
		rc__jw_kstr(w, "verdict", rc_aggregate_verdict_str(ag->verdict));
		rc__jw_kstr(w, "why", ag->why);
		rc__jw_end_obj(w);
	}
	rc__jw_end_arr(w);
	rc__jw_end_obj(w);
	return true;
}

/* What the input of `recount reconcile` lost or held twice: only when
 * something was (docs/schema-report.md). */
static void input_write(rc_jw *w, const rc_record_stats *in)
{
	if (rc_record_stats_complete(in) && !in->documents_duplicate)
		return;
	static const struct {
		const char *key;
		size_t offset;
	} fields[] = {
		{"lines_rejected", offsetof(rc_record_stats, lines_rejected)},
		{"inputs_unreadable", offsetof(rc_record_stats, inputs_unreadable)},
		{"inputs_incomplete", offsetof(rc_record_stats, inputs_incomplete)},
		{"documents_missing", offsetof(rc_record_stats, documents_missing)},
		{"claims_missing", offsetof(rc_record_stats, claims_missing)},
		{"documents_duplicate", offsetof(rc_record_stats, documents_duplicate)},
		{"documents_conflicting", offsetof(rc_record_stats, documents_conflicting)},
	};
	rc__jw_kobj(w, "input");
	rc__jw_kbool(w, "complete", rc_record_stats_complete(in));
	for (size_t i = 0; i < RC_ARRAY_LEN(fields); i++) {
		rc__jw_key(w, fields[i].key);
		rc__jw_int(w, (long long)*(const size_t *)(const void *)((const char *)in + fields[i].offset));
	}
	rc__jw_end_obj(w);
}

static const char *const best_names[] = {"current", "median", "conservative"};

rc_status rc_report_write_json(FILE *fp, const rc_result *res, const rc_report_options *opts,
                               rc_error *err)
{
	rc_status st = rc__write_args_check(opts, fp, res, "rc_report_write_json", "no stream or result", err);
	if (st != RC_OK)
		return st;
	rc__out o;
	rc__out_init(&o, fp);
	rc_jw w;
	rc__jw_init_pretty(&w, &o.b);
	bool ok = true;
	rc__jw_obj(&w);
	rc__jw_kstr(&w, "schema", REPORT_SCHEMA);
	rc__jw_kstr(&w, "version", rc_version());
	rc__jw_kobj(&w, "documents");
	rc__jw_kint(&w, "read", (long long)res->documents_read);
	rc__jw_kint(&w, "processed", (long long)res->documents_processed);
	rc__jw_kint(&w, "skipped", (long long)res->documents_skipped);
	rc__jw_end_obj(&w);
	rc__jw_kint(&w, "claims", (long long)res->claims);
	input_write(&w, &res->input);
	rc__jw_karr(&w, "events");
	for (size_t e = 0; ok && e < res->n_events && !o.st; e++) {
		ok = event_write(&w, &o, res, &res->events[e]);
		rc__out_poll(&o, w.failed);
	}
	rc__jw_end_arr(&w);
	rc__jw_karr(&w, "unlinked");
	for (size_t i = 0; ok && i < res->n_unlinked && !o.st; i++) {
		ref_write(&w, res, res->unlinked[i], NULL);
		rc__out_poll(&o, w.failed);
	}
	rc__jw_end_arr(&w);
	const rc_reconcile_options *op = &res->options;
	rc__jw_kobj(&w, "options");
	rc__jw_knum(&w, "tolerance", op->approx_tolerance);
	rc__jw_kstr(&w, "best", (unsigned)op->best < 3 ? best_names[op->best] : "current");
	rc__jw_kint(&w, "window_days", (long long)op->window_days);
	rc__jw_knum(&w, "duplicate_threshold", op->duplicate_threshold);
	rc__jw_end_obj(&w);
	rc__jw_end_obj(&w);
	rc__outc(&o, '\n');
	rc__out_poll(&o, w.failed || !ok);
	st = rc__out_finish(&o, err);
	rc__out_dispose(&o);
	return st;
}
