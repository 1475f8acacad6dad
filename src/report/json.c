/*
 * The full structured result as one JSON document, "recount.report/1"
 * (docs/schema-report.md): written by `recount report --format json` and
 * `recount reconcile`, read back as the baseline of `recount check`.
 * Claims are the same objects `recount extract` writes, plus their origin
 * and effective interval, so a claim looks the same everywhere.
 */
#include <string.h>
#include <recount/report.h>
#include "core/json.h"
#include "extract/record-json.h"
#include "report/report-priv.h"

#define REPORT_SCHEMA "recount.report/1"

static json_t *ref_json(const rc_claim_ref *r)
{
	json_t *o = rc__claim_to_json(r->rec, r->claim);
	if (!o || rc__json_set(o, "origin", json_integer((json_int_t)r->origin)) ||
	    rc__json_set(o, "effective", rc__json_interval(&r->effective))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* A claim named inside a conflict or timeline: enough to find it. */
static json_t *ref_short(const rc_claim_ref *r, size_t index)
{
	return json_pack("{s:I, s:o, s:o, s:o, s:o, s:I}", "index", (json_int_t)index,
	                 "doc", rc__json_str(r->rec->doc), "text", rc__json_str(r->claim->text),
	                 "source", rc__json_str(r->rec->source), "published", rc__json_str(r->rec->published),
	                 "line", (json_int_t)(r->claim->file_line ? r->claim->file_line : r->claim->pos.line));
}

static size_t index_of(const rc_metric_result *m, const rc_claim_ref *r)
{
	for (size_t i = 0; i < m->n_claims; i++)
		if (m->claims[i] == r)
			return i;
	return 0;
}

static json_t *strings(const char *const *s, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		if (json_array_append_new(a, rc__json_str(s[i]))) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static bool same_iv(const rc_interval *a, const rc_interval *b)
{
	return a->lo_inf == b->lo_inf && a->hi_inf == b->hi_inf &&
	       (a->lo_inf || (a->lo == b->lo && a->lo_incl == b->lo_incl)) &&
	       (a->hi_inf || (a->hi == b->hi && a->hi_incl == b->hi_incl));
}

static bool hypo(const rc_claim_ref *r)
{
	return r->claim->status == RC_CLAIM_HYPOTHETICAL;
}

/* How many documents and independent origins report the same figure
 * (hypothetical figures are counted only among hypothetical ones)
 * (the same effective interval) for this metric. */
static json_t *figure_support(const rc_metric_result *m, const rc_claim_ref *r)
{
	size_t docs = 0, origins = 0;
	for (size_t i = 0; i < m->n_claims; i++) {
		const rc_claim_ref *x = m->claims[i];
		if (!same_iv(&x->effective, &r->effective) || hypo(x) != hypo(r))
			continue;
		bool new_doc = true, new_origin = true;
		for (size_t j = 0; j < i; j++) {
			const rc_claim_ref *y = m->claims[j];
			if (!same_iv(&y->effective, &r->effective) || hypo(y) != hypo(r))
				continue;
			new_doc &= y->rec != x->rec;
			new_origin &= y->origin != x->origin;
		}
		docs += new_doc;
		origins += new_origin;
	}
	return json_pack("{s:I, s:I}", "documents", (json_int_t)docs, "origins", (json_int_t)origins);
}

static json_t *metric_json(const rc_metric_result *m)
{
	json_t *o = json_object(), *claims = json_array(), *tl = json_array(), *cf = json_array();
	bool ok = o && claims && tl && cf;
	for (size_t i = 0; ok && i < m->n_claims; i++) {
		json_t *c = ref_json(m->claims[i]);
		ok = c && !rc__json_set(c, "support", figure_support(m, m->claims[i])) &&
		     json_array_append_new(claims, c) == 0;
		if (!ok && c)
			json_decref(c);
	}
	for (size_t i = 0; ok && i < m->n_timeline; i++) {
		const rc_timeline_point *p = &m->timeline[i];
		const rc_interval *iv = &p->ref->effective;
		json_t *pt = json_object();
		ok = pt && !rc__json_set(pt, "date", rc__json_str(p->date)) &&
		     !rc__json_set(pt, "lo", iv->lo_inf ? json_null() : rc__json_number(iv->lo)) &&
		     !rc__json_set(pt, "hi", iv->hi_inf ? json_null() : rc__json_number(iv->hi)) &&
		     !rc__json_set(pt, "text", rc__json_str(p->ref->claim->text)) &&
		     !rc__json_set(pt, "source", rc__json_str(rc__ref_source(p->ref))) &&
		     !rc__json_set(pt, "status", json_string(rc_claim_status_str(p->ref->claim->status))) &&
		     json_array_append_new(tl, pt) == 0;
	}
	for (size_t i = 0; ok && i < m->n_conflicts; i++) {
		const rc_conflict *c = &m->conflicts[i];
		json_t *refs = json_array();
		for (size_t k = 0; refs && k < c->n_claims; k++)
			if (json_array_append_new(refs, ref_short(c->claims[k], index_of(m, c->claims[k])))) {
				json_decref(refs);
				refs = NULL;
			}
		json_t *co = refs ? json_pack("{s:s, s:o, s:o}", "kind", rc_conflict_kind_str(c->kind),
		                              "why", rc__json_str(c->why), "claims", refs)
		                  : NULL;
		ok = co && json_array_append_new(cf, co) == 0;
	}
	if (ok &&
	    !rc__json_set(o, "range", rc__json_interval(&m->range)) &&
	    !rc__json_set(o, "core", m->has_core ? rc__json_interval(&m->core) : json_null()) &&
	    !rc__json_set(o, "low", m->has_estimates ? rc__json_number(m->low) : json_null()) &&
	    !rc__json_set(o, "best", m->has_estimates ? rc__json_number(m->best) : json_null()) &&
	    !rc__json_set(o, "high", m->has_estimates ? rc__json_number(m->high) : json_null()) &&
	    !rc__json_set(o, "documents", json_integer((json_int_t)m->documents)) &&
	    !rc__json_set(o, "origins", json_integer((json_int_t)m->origins)) &&
	    !rc__json_set(o, "claims", claims) && !rc__json_set(o, "timeline", tl) &&
	    !rc__json_set(o, "conflicts", cf))
		return o;
	json_decref(o);
	return NULL;
}

static json_t *event_json(const rc_event *ev)
{
	json_t *o = json_object(), *metrics = json_object(), *aggs = json_array();
	bool ok = o && metrics && aggs;
	for (size_t m = 0; ok && m < ev->n_metrics; m++)
		ok = json_object_set_new(metrics, ev->metrics[m].metric, metric_json(&ev->metrics[m])) == 0;
	for (size_t a = 0; ok && a < ev->n_aggregates; a++) {
		const rc_aggregate *ag = &ev->aggregates[a];
		json_t *ao = json_pack("{s:o, s:o, s:o, s:s, s:o}", "claim", ref_json(ag->ref),
		                       "events", strings(ag->events, ag->n_events),
		                       "parts", rc__json_interval(&ag->parts),
		                       "verdict", rc_aggregate_verdict_str(ag->verdict), "why", rc__json_str(ag->why));
		ok = ao && json_array_append_new(aggs, ao) == 0;
	}
	if (ok && !rc__json_set(o, "id", rc__json_str(ev->id)) &&
	    !rc__json_set(o, "label", rc__json_str(ev->label)) &&
	    !rc__json_set(o, "type", rc__json_str(ev->type)) &&
	    !rc__json_set(o, "date", rc__json_str(ev->date)) &&
	    !rc__json_set(o, "place", rc__json_str(ev->place)) &&
	    !rc__json_set(o, "names", strings(ev->names, ev->n_names)) &&
	    !rc__json_set(o, "documents", strings(ev->documents, ev->n_documents)) &&
	    !rc__json_set(o, "metrics", metrics) && !rc__json_set(o, "aggregates", aggs))
		return o;
	json_decref(o);
	return NULL;
}

static const char *const best_names[] = {"median", "conservative", "latest"};

rc_status rc_report_write_json(FILE *fp, const rc_result *res, const rc_report_options *opts,
                               rc_error *err)
{
	(void)opts;
	if (!fp || !res)
		return rc__error_set(err, RC_ERR_INVALID, "rc_report_write_json: no stream or result");
	json_t *root = json_object(), *events = json_array(), *unlinked = json_array();
	bool ok = root && events && unlinked;
	for (size_t e = 0; ok && e < res->n_events; e++)
		ok = json_array_append_new(events, event_json(&res->events[e])) == 0;
	for (size_t i = 0; ok && i < res->n_unlinked; i++)
		ok = json_array_append_new(unlinked, ref_json(res->unlinked[i])) == 0;
	const rc_reconcile_options *o = &res->options;
	json_t *opt = ok ? json_pack("{s:o, s:s, s:I, s:o}", "tolerance", rc__json_number(o->approx_tolerance),
	                             "best", (unsigned)o->best < 3 ? best_names[o->best] : "median",
	                             "window_days", (json_int_t)o->window_days,
	                             "duplicate_threshold", rc__json_number(o->duplicate_threshold))
	                 : NULL;
	json_t *docs = ok ? json_pack("{s:I, s:I, s:I}", "read", (json_int_t)res->documents_read,
	                              "processed", (json_int_t)res->documents_processed,
	                              "skipped", (json_int_t)res->documents_skipped)
	                  : NULL;
	if (!ok || !opt || !docs || rc__json_set(root, "schema", json_string(REPORT_SCHEMA)) ||
	    rc__json_set(root, "version", json_string(rc_version())) || rc__json_set(root, "documents", docs) ||
	    rc__json_set(root, "claims", json_integer((json_int_t)res->claims)) ||
	    rc__json_set(root, "events", events) || rc__json_set(root, "unlinked", unlinked) ||
	    rc__json_set(root, "options", opt)) {
		json_decref(root);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory writing the report");
	}
	rc_status st = rc__json_write_pretty(fp, root, err);
	json_decref(root);
	if (st == RC_OK && fflush(fp) != 0)
		return rc__io_check(fp, err);
	return st;
}
