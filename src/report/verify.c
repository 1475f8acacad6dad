/*
 * `recount verify`'s output: a verification (src/reconcile/verify.c) as
 * text, as JSON ("recount.verify/1") or as schema.org ClaimReview.
 */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <recount/verify.h>
#include "core/core.h"
#include "core/json.h"
#include "core/jw.h"
#include "record/record-json.h"
#include "report/report-priv.h"

/* ---- output ------------------------------------------------------------------- */

static void text_refs(rc__out *o, const char *title, const rc_claim_ref *const *refs, size_t n)
{
	if (!n)
		return;
	rc__outf(o, "%s (%zu):\n", title, n);
	for (size_t i = 0; i < n; i++) {
		const rc_claim_ref *r = refs[i];
		char loc[1024];
		rc__ref_location(loc, sizeof loc, r);
		rc__outs(o, "  ");
		rc__out_clean(o, r->claim->text);
		rc__outs(o, "  ");
		rc__out_clean(o, rc__ref_source(r));
		if (rc__ref_date(r))
			rc__outf(o, ", %s", rc__ref_date(r));
		rc__outs(o, "  ");
		rc__out_clean(o, loc);
		rc__outs(o, "\n    \xe2\x80\x9c");
		rc__out_clean(o, r->claim->quote);
		rc__outs(o, "\xe2\x80\x9d\n");
	}
}

/* Claims as "recount.claim/1" objects with their effective interval. */
static void refs_write(rc_jw *w, const rc_result *res, const char *key, const rc_claim_ref *const *refs,
                       size_t n)
{
	rc__jw_key(w, key);
	rc__jw_arr(w);
	for (size_t i = 0; i < n; i++) {
		rc__jw_obj(w);
		rc__claim_ids ids = rc__ref_ids(res, refs[i]);
		rc__claim_write_fields(w, refs[i]->rec, refs[i]->claim, &ids);
		rc__jw_key(w, "effective");
		rc__jw_interval(w, refs[i]->effective);
		rc__jw_end_obj(w);
	}
	rc__jw_end_arr(w);
}

/* "recount.verify/1" (docs/verify.md), by the streaming writer that writes
 * every claim object. */
static rc_status verify_json(FILE *fp, const rc_verification *v, rc_error *err)
{
	rc__out o;
	rc__out_init(&o, fp);
	rc_jw w;
	rc__jw_init_pretty(&w, &o.b);
	rc__jw_obj(&w);
	rc__jw_kstr(&w, "schema", "recount.verify/1");
	rc__jw_kstr(&w, "claim", v->sentence);
	rc__jw_kstr(&w, "verdict", rc_verdict_str(v->verdict));
	rc__jw_kstr(&w, "why", v->why);
	rc__jw_key(&w, "read");
	if (v->claim && v->own) {
		/* with the event ids the result merged for it */
		const rc_claim_ref *ref = NULL;
		for (size_t i = 0; v->result && i < v->result->n_refs && !ref; i++)
			if (v->result->refs[i].claim == v->claim)
				ref = &v->result->refs[i];
		rc__claim_ids ids = rc__ref_ids(v->result, ref);
		rc__claim_write(&w, v->own, v->claim, &ids);
	} else
		rc__jw_null(&w);
	rc__jw_kstr(&w, "event", v->event ? v->event->id : NULL);
	rc__jw_kstr(&w, "metric", v->metric);
	refs_write(&w, v->result, "fit", v->fit, v->n_fit);
	refs_write(&w, v->result, "unfit", v->unfit, v->n_unfit);
	refs_write(&w, v->result, "overtaken", v->overtaken, v->n_overtaken);
	rc__jw_end_obj(&w);
	rc__outc(&o, '\n');
	rc__out_poll(&o, w.failed);
	rc_status st = rc__out_finish(&o, err);
	rc__out_dispose(&o);
	return st;
}

/* schema.org's ClaimReview rating: 1 false .. 5 true, with the verdict as its name. */
static int rating(rc_verdict v)
{
	switch (v) {
	case RC_VERDICT_SUPPORTED: return 5;
	case RC_VERDICT_DISPUTED: return 3;
	case RC_VERDICT_CONTRADICTED: return 1;
	default: return 0;
	}
}

/* An article as a schema.org NewsArticle: headline, address, date, outlet. */
static json_t *article(const rc_record *rec)
{
	bool titled = rec->title && *rec->title;
	/* with no headline known, the document's id names it (not as a headline) */
	json_t *a = json_pack("{s:s, s:o}", "@type", "NewsArticle", titled ? "headline" : "name",
	                      rc__json_str(titled ? rec->title : rec->doc));
	if (!a)
		return NULL;
	/* JSON-LD leaves out what is unknown rather than writing null */
	if (rec->url && *rec->url)
		json_object_set_new(a, "url", rc__json_str(rec->url));
	if (rec->published && *rec->published)
		json_object_set_new(a, "datePublished", rc__json_str(rec->published));
	if (rec->source && *rec->source)
		json_object_set_new(a, "publisher", json_pack("{s:s, s:o}", "@type", "Organization",
		                                              "name", rc__json_str(rec->source)));
	return a;
}

/*
 * schema.org ClaimReview, as Google's fact-check markup reads it: the
 * review's own url, datePublished and author come from the publisher
 * (meta); the claim's appearance is where the claim was made (meta's
 * claim_url), never the articles recount read; those are the evidence,
 * listed once each as citations.
 */
static json_t *claimreview(const rc_verification *v, const rc_review_meta *meta)
{
	json_t *cites = json_array();
	const rc_record **seen = calloc(v->n_fit + v->n_unfit + v->n_overtaken + 1, sizeof *seen);
	size_t n_seen = 0;
	if (!cites || !seen) {
		json_decref(cites);
		free(seen);
		return NULL;
	}
	for (size_t i = 0; i < v->n_fit + v->n_unfit + v->n_overtaken; i++) {
		const rc_claim_ref *r = i < v->n_fit ? v->fit[i]
		                      : i < v->n_fit + v->n_unfit ? v->unfit[i - v->n_fit]
		                                                  : v->overtaken[i - v->n_fit - v->n_unfit];
		bool dup = false;
		for (size_t k = 0; k < n_seen && !dup; k++)
			dup = seen[k] == r->rec;
		if (dup)
			continue;
		seen[n_seen++] = r->rec;
		json_array_append_new(cites, article(r->rec));
	}
	free(seen);
	json_t *rate = json_pack("{s:s, s:s}", "@type", "Rating", "alternateName", rc_verdict_str(v->verdict));
	if (rate && rating(v->verdict)) {
		json_object_set_new(rate, "ratingValue", json_integer(rating(v->verdict)));
		json_object_set_new(rate, "bestRating", json_integer(5));
		json_object_set_new(rate, "worstRating", json_integer(1));
	}
	if (rate && v->why)
		json_object_set_new(rate, "ratingExplanation", json_string(v->why));
	json_t *item = json_pack("{s:s}", "@type", "Claim");
	if (item && meta && meta->claim_url)
		json_object_set_new(item, "appearance",
		                    json_pack("[{s:s, s:o}]", "@type", "CreativeWork", "url",
		                              rc__json_str(meta->claim_url)));
	json_t *root = json_pack("{s:s, s:s}", "@context", "https://schema.org", "@type", "ClaimReview");
	if (!root || !rate || !item) {
		json_decref(root);
		json_decref(rate);
		json_decref(item);
		json_decref(cites);
		return NULL;
	}
	if (meta && meta->url)
		json_object_set_new(root, "url", rc__json_str(meta->url));
	if (meta && meta->date)
		json_object_set_new(root, "datePublished", rc__json_str(meta->date));
	json_object_set_new(root, "claimReviewed", rc__json_str(v->sentence));
	if (meta && meta->author) {
		json_t *org = json_pack("{s:s, s:o}", "@type", "Organization", "name",
		                        rc__json_str(meta->author));
		if (org && meta->author_url)
			json_object_set_new(org, "url", rc__json_str(meta->author_url));
		json_object_set_new(root, "author", org);
	}
	json_object_set_new(root, "reviewRating", rate);
	json_object_set_new(root, "itemReviewed", item);
	json_object_set_new(root, "citation", cites);
	return root;
}

rc_status rc_verification_write(FILE *fp, const rc_verification *v, rc_format fmt,
                                const rc_report_options *opts, rc_error *err)
{
	rc_status st = rc__write_args_check(opts, fp, v, "rc_verification_write", "missing argument", err);
	if (st != RC_OK)
		return st;
	if (fmt == RC_FORMAT_JSON)
		return verify_json(fp, v, err);
	if (fmt == RC_FORMAT_CLAIMREVIEW) {
		json_t *root = claimreview(v, opts ? opts->review : NULL);
		if (!root)
			return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		st = rc__json_write_pretty(fp, root, err);
		json_decref(root);
		return st == RC_OK ? rc__io_check(fp, err) : st;
	}
	if (fmt != RC_FORMAT_TEXT)
		return rc__error_set(err, RC_ERR_INVALID,
		                     "format '%s' is not available for verify (text, json, claimreview)",
		                     rc_format_str(fmt));
	rc__out o;
	rc__out_init(&o, fp);
	rc__outs(&o, "claim: ");
	rc__out_clean(&o, v->sentence);
	rc__outc(&o, '\n');
	if (v->claim) {
		char iv[96];
		rc__interval_report(&v->claim->q.iv, iv, sizeof iv);
		rc__outf(&o, "read as: %s %s", v->claim->metric, iv);
		if (v->claim->q.approx)
			rc__outs(&o, " (approximate)");
		if (v->event) {
			rc__outs(&o, ", ");
			rc__out_clean(&o, v->event->label);
			rc__outs(&o, " (");
			rc__out_clean(&o, v->event->id);
			rc__outs(&o, ")");
		}
		rc__outc(&o, '\n');
	}
	rc__outf(&o, "verdict: %s", rc_verdict_str(v->verdict));
	if (v->why) {
		rc__outs(&o, ": ");
		rc__out_clean(&o, v->why);
	}
	rc__outc(&o, '\n');
	text_refs(&o, "figures that fit", v->fit, v->n_fit);
	text_refs(&o, "figures that do not", v->unfit, v->n_unfit);
	text_refs(&o, "earlier figures, overtaken since", v->overtaken, v->n_overtaken);
	st = rc__out_finish(&o, err);
	rc__out_dispose(&o);
	return st;
}
