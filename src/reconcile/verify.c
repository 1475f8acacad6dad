/*
 * `recount verify`: one claim sentence against a batch.  The sentence is a
 * document of its own, read by the same extractor and reconciled with the
 * batch, so it is linked to events exactly as an article would be; its
 * figure is then compared, through the same effective intervals, with the
 * current claims of its event and metric from the other documents.
 */
#include <stdlib.h>
#include <string.h>
#include <recount/verify.h>
#include "core/core.h"
#include "record/record-priv.h"

/* The id of the sentence's own document: no article id looks like it. */
#define VERIFY_DOC "(claim to verify)"

struct rc_verification_priv {
	rc_result *res;
	const rc_claim_ref **fit, **unfit, **overtaken;
	char *why;              /* when it is composed */
};

const char *rc_verdict_str(rc_verdict v)
{
	static const char *const names[] = {"supported", "contradicted", "disputed", "not covered",
	                                    "unreadable"};
	return (unsigned)v < RC_ARRAY_LEN(names) ? names[v] : "unknown";
}


/* A current, precise figure of another document: what a verdict rests on. */
static bool counts(const rc_claim_ref *r, const rc_record *own)
{
	return r->rec != own && r->claim->status == RC_CLAIM_CURRENT && !r->claim->q.vague && !r->revised;
}

/*
 * Was r overtaken: did another document report, more than window days
 * later, a figure wholly above it (the reconciler's progression: "84
 * deaths" on 6 January, "nearly 100" on 19 January)?  A claim is then
 * checked against the later figure, not against a toll that has since risen.
 */
static bool overtaken(const rc_metric_result *m, const rc_claim_ref *r, const rc_record *own,
                      long window)
{
	long dr = rc__day_number(r->rec->published);
	if (dr < 0 || r->effective->hi_inf)
		return false;
	for (size_t k = 0; k < m->n_claims; k++) {
		const rc_claim_ref *s = m->claims[k];
		if (s->rec == r->rec || !counts(s, own) || s->effective->lo_inf)
			continue;
		long ds = rc__day_number(s->rec->published);
		if (ds >= 0 && ds - dr > window && s->effective->lo >= r->effective->hi)
			return true;
	}
	return false;
}

static bool contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; n && *p; p++)
		if (rc__eq_nocase(p, n, needle) && strlen(p) >= n)
			return true;
	return false;
}

static const rc_metric_result *metric_of(const rc_event *ev, const char *metric)
{
	for (size_t m = 0; ev && m < ev->n_metrics; m++)
		if (strcmp(ev->metrics[m].metric, metric) == 0)
			return &ev->metrics[m];
	return NULL;
}

/* Does another document than the sentence's give ev figures for metric? */
static bool others_have(const rc_event *ev, const char *metric, const rc_record *own)
{
	const rc_metric_result *m = metric_of(ev, metric);
	for (size_t k = 0; m && k < m->n_claims; k++)
		if (m->claims[k]->rec != own)
			return true;
	return false;
}

rc_status rc_verify(rc_verification **out, const char *sentence, rc_record **records, size_t n,
                    const rc_extractor *ex, const rc_reconcile_options *opts, rc_error *err)
{
	*out = NULL;
	rc_verification *v = calloc(1, sizeof *v);
	struct rc_verification_priv *p = calloc(1, sizeof *p);
	rc_record **all = malloc((n + 1) * sizeof *all);
	rc_document *doc = NULL;
	rc_record *mine = NULL;
	rc_status st = RC_OK;
	if (!v || !p || !all) {
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	v->priv = p;
	v->sentence = sentence;
	if ((st = rc_document_from_memory(&doc, sentence, strlen(sentence), NULL, VERIFY_DOC, err)) != RC_OK ||
	    (st = rc_record_extract(&mine, ex, doc, err)) != RC_OK)
		goto fail;
	rc_document_free(doc);
	doc = NULL;
	if (n)
		memcpy(all, records, n * sizeof *all);
	all[n] = mine;
	mine = NULL;
	st = rc_reconcile(&p->res, all, n + 1, opts, err);
	free(all);
	all = NULL;
	n = 0;
	if (st != RC_OK)
		goto fail;
	v->result = p->res;
	/* the sentence's record and its first claim */
	const rc_record *own = NULL;
	size_t own_at = 0;
	for (size_t i = 0; i < p->res->n_records && !own; i++)
		if (p->res->records[i]->doc && strcmp(p->res->records[i]->doc, VERIFY_DOC) == 0) {
			own = p->res->records[i];
			own_at = i;
		}
	if (!own || !own->n_claims) {
		v->verdict = RC_VERDICT_UNREADABLE;
		v->why = "no figure about people killed, injured, arrested, missing, kidnapped or displaced "
		         "could be read from the claim";
		*out = v;
		return RC_OK;
	}
	const rc_claim *c = &own->claims[0];
	v->own = own;
	v->claim = c;
	v->metric = c->metric;
	/* its event: the one it was linked to, else the only event with its metric */
	const rc_event *ev = rc_result_claim_event(p->res, own_at, 0);
	if (!others_have(ev, c->metric, own)) {
		/* the only event with figures for the metric, or the only one of
		 * those whose place the sentence names; when the sentence's own
		 * event has a place, only events of that place ("the Quetta
		 * bombing" is not covered by figures about Zahedan) */
		const char *own_place = ev ? ev->place : NULL;
		const rc_event *only = NULL, *named = NULL;
		size_t with = 0, n_named = 0;
		for (size_t e = 0; e < p->res->n_events; e++) {
			const rc_event *x = &p->res->events[e];
			if (!others_have(x, c->metric, own) ||
			    (own_place && !(x->place && rc__eq_nocase(x->place, strlen(x->place), own_place))))
				continue;
			only = x;
			with++;
			if (x->place && contains_nocase(sentence, x->place)) {
				named = x;
				n_named++;
			}
		}
		ev = with == 1 ? only : n_named == 1 ? named : ev;
	}
	v->event = ev;
	const rc_metric_result *m = metric_of(ev, c->metric);
	rc_interval mine_iv = rc_interval_widen(&c->q.iv, c->q.value, c->q.approx, c->q.qualifier,
	                                        p->res->options.approx_tolerance);
	size_t n_claims = m ? m->n_claims : 0;
	p->fit = calloc(n_claims ? n_claims : 1, sizeof *p->fit);
	p->unfit = calloc(n_claims ? n_claims : 1, sizeof *p->unfit);
	p->overtaken = calloc(n_claims ? n_claims : 1, sizeof *p->overtaken);
	if (!p->fit || !p->unfit || !p->overtaken) {
		rc_verification_free(v);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	v->fit = p->fit;
	v->unfit = p->unfit;
	v->overtaken = p->overtaken;
	long window = (long)p->res->options.window_days; /* resolved by rc_reconcile */
	/* A source that gives only a bound ("over 90") does not support a claim
	 * of 300, it just does not rule it out: figures with both ends decide,
	 * bounds decide only when there is nothing else. */
	size_t fit_b = 0, unfit_b = 0;
	for (size_t k = 0; k < n_claims; k++) {
		const rc_claim_ref *r = m->claims[k];
		if (!counts(r, own))
			continue;
		if (overtaken(m, r, own, window)) {
			p->overtaken[v->n_overtaken++] = r;
			continue;
		}
		bool bounded = !r->effective->lo_inf && !r->effective->hi_inf;
		if (rc_interval_meets(&mine_iv, r->effective)) {
			p->fit[v->n_fit++] = r;
			fit_b += bounded;
		} else {
			p->unfit[v->n_unfit++] = r;
			unfit_b += bounded;
		}
	}
	size_t fit = fit_b || unfit_b ? fit_b : v->n_fit, unfit = fit_b || unfit_b ? unfit_b : v->n_unfit;
	if (!ev)
		v->why = "no event in the batch matches the claim";
	if (!v->n_fit && !v->n_unfit) {
		v->verdict = RC_VERDICT_NOT_COVERED;
		if (ev)
			v->why = "no source in the batch gives a figure for this event and metric";
	} else if (!unfit && !(fit_b && v->n_unfit)) {
		v->verdict = RC_VERDICT_SUPPORTED;
		v->why = "the sources' current figures fit the claim";
	} else if (!fit) {
		v->verdict = RC_VERDICT_CONTRADICTED;
		v->why = fit_b || unfit_b ? "no source's current figure fits the claim (bounds such as "
		                            "\"over 90\" only fail to rule it out)"
		                          : "no source's current figure fits the claim";
	} else {
		v->verdict = RC_VERDICT_DISPUTED;
		v->why = "the sources disagree: some current figures fit the claim, others do not";
	}
	if (v->n_overtaken && v->verdict != RC_VERDICT_NOT_COVERED) {
		/* say so: the claim was checked against the latest figures */
		size_t old_fit = 0;
		for (size_t k = 0; k < v->n_overtaken; k++)
			old_fit += rc_interval_meets(&mine_iv, v->overtaken[k]->effective);
		const char *head = v->verdict == RC_VERDICT_SUPPORTED ? "the latest figures fit the claim"
		                   : v->verdict == RC_VERDICT_CONTRADICTED && old_fit
		                       ? "the claim fits only figures that later reports overtook: it is out of date"
		                       : v->why;
		size_t len = strlen(head) + 96;
		if ((p->why = malloc(len)))
			snprintf(p->why, len, "%s; %zu earlier figure%s, overtaken as the toll rose, %s not counted",
			         head, v->n_overtaken, v->n_overtaken == 1 ? "" : "s", v->n_overtaken == 1 ? "is" : "are");
		if (p->why)
			v->why = p->why;
	}
	*out = v;
	return RC_OK;
fail:
	rc__records_free(records, n);
	rc_document_free(doc);
	rc_record_free(mine);
	free(all);
	rc_verification_free(v);
	if (!v)
		free(p);
	return st;
}

void rc_verification_free(rc_verification *v)
{
	if (!v)
		return;
	if (v->priv) {
		rc_result_free(v->priv->res);
		free(v->priv->fit);
		free(v->priv->unfit);
		free(v->priv->overtaken);
		free(v->priv->why);
		free(v->priv);
	}
	free(v);
}
