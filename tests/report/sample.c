/*
 * A hand-built rc_result for the renderer tests (see sample.h): Kerman
 * with a contradiction (84 vs over 90), nearly 100 compatible with over
 * 90, the current figure and an aggregate; Moscow; a ferry fire with a
 * revision chain; an event whose every string is hostile; and an
 * unlinked claim.  Every claim of a metric is a figure of its own.
 */
#include <stdlib.h>
#include <string.h>
#include "sample.h"
#include "reconcile/why-priv.h"   /* the explanations' forms */

#define MAXC 16

struct sample {
	rc_result res;
	rc_record rec[6];
	rc_claim claim[MAXC];
	rc_claim_ref ref[MAXC];
	rc_interval eff[MAXC];
	const rc_claim_ref *refp[MAXC];
	rc_event ev[4];
	rc_metric_result met[4];
	rc_conflict conf[3];
	const rc_claim_ref *conf_claims[3][3];
	rc_figure fig[MAXC];
	const rc_claim_ref *fig_claims[MAXC][1];
	const rc_figure *conf_figs[3][3];
	const rc_claim_ref *tl[3][3];
	rc_aggregate agg;
	const char *agg_events[2];
	const char *docs[4][3];
	const rc_claim_ref *unlinked[1];
};

static rc_interval iv(double lo, double hi, bool lo_incl, bool hi_incl, bool lo_inf, bool hi_inf)
{
	return (rc_interval){.lo = lo, .hi = hi, .lo_incl = lo_incl, .hi_incl = hi_incl,
	                     .lo_inf = lo_inf, .hi_inf = hi_inf};
}

static void record(rc_record *r, const char *doc, const char *path, const char *source,
                   const char *published)
{
	memset(r, 0, sizeof *r);
	r->doc = doc;
	r->path = path;
	r->source = source;
	r->published = published;
	r->status = RC_DOC_OK;
}

static size_t claim(sample *s, size_t i, rc_record *r, const char *metric, const char *text,
                    rc_interval q, rc_interval eff, const char *quote, size_t line, const char *attr)
{
	rc_claim *c = &s->claim[i];
	memset(c, 0, sizeof *c);
	c->metric = metric;
	c->text = text;
	c->q.iv = q;
	c->q.kind = RC_QK_COUNT;
	c->quote = quote;
	c->pos.line = line;
	c->pos.column = 5;
	c->file_line = line;
	c->attribution = attr;
	c->parent = c->mention = -1;
	s->eff[i] = eff;
	s->ref[i] = (rc_claim_ref){.rec = r, .claim = c, .origin = i, .effective = &s->eff[i]};
	s->refp[i] = &s->ref[i];
	s->fig_claims[i][0] = &s->ref[i];
	s->fig[i] = (rc_figure){.status = RC_CLAIM_CURRENT, .date = r->published,
	                        .claims = s->fig_claims[i], .n_claims = 1, .documents = 1, .origins = 1,
	                        .lead = &s->ref[i], .leads = true};
	return i;
}

sample *sample_new(rc_result **res)
{
	sample *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	record(&s->rec[0], "002_a244501457de1e22", "fixtures/seeds/002_a244501457de1e22.txt",
	       "siasat.com", "2024-01-06");
	record(&s->rec[1], "001_827336abbb4de479", "fixtures/seeds/001_827336abbb4de479.txt", NULL,
	       "2024-03-27");
	record(&s->rec[2], "004_848c392ec85acc8f", "fixtures/seeds/004_848c392ec85acc8f.txt",
	       "iranintl.com", "2024-01-19");
	record(&s->rec[3], "ferry-day2", "fixtures/articles/ferry-day2.txt", "Coastal Gazette", "2024-05-02");
	record(&s->rec[4], "hostile", SAMPLE_HOSTILE_PATH, SAMPLE_HOSTILE_SOURCE, "2024-02-01");
	record(&s->rec[5], "000_392cb625efecd469", "fixtures/seeds/000_392cb625efecd469.txt", NULL,
	       "2024-04-02");
	s->rec[2].record_line = 4; /* from JSON Lines: no column */
	/* articles to click through to: one real, one hostile */
	s->rec[2].url = SAMPLE_URL;
	s->rec[2].title = "Iran arrests suspects (\"ISIS\") | <update>";
	s->rec[4].url = SAMPLE_HOSTILE_URL;
	s->rec[4].title = SAMPLE_HOSTILE_LABEL;
	/* Kerman killed: 84, over 90, nearly 100 */
	claim(s, 0, &s->rec[0], "killed", "84", iv(84, 84, 1, 1, 0, 0), iv(84, 84, 1, 1, 0, 0),
	      "The attacks took place as people were heading to the burial site, causing 84 deaths and 284 injuries.",
	      11, NULL);
	claim(s, 1, &s->rec[1], "killed", "over 90", iv(90, 0, 0, 0, 0, 1), iv(90, 0, 0, 0, 0, 1),
	      "twin bombings in Kerman, Iran, that claimed over 90 lives.", 9, NULL);
	claim(s, 2, &s->rec[2], "killed", "nearly 100", iv(0, 100, 0, 0, 1, 0), iv(90, 100, 1, 0, 0, 0),
	      "a recent twin bombing that killed nearly 100 people.", 7, "Intelligence Ministry");
	/* Moscow killed */
	claim(s, 3, &s->rec[1], "killed", "at least 144", iv(144, 0, 1, 0, 0, 1), iv(144, 0, 1, 0, 0, 1),
	      "a tragic shooting at a concert hall near Moscow, killing at least 144 people.", 9, NULL);
	/* ferry: 103 -> 95 -> 84 revision chain */
	claim(s, 4, &s->rec[3], "killed", "103", iv(103, 103, 1, 1, 0, 0), iv(103, 103, 1, 1, 0, 0),
	      "The toll was revised down to 84 from 103.", 3, "the coast guard");
	s->claim[4].status = RC_CLAIM_SUPERSEDED;
	s->fig[4].status = RC_CLAIM_SUPERSEDED;
	s->fig[4].leads = false;
	claim(s, 5, &s->rec[3], "killed", "84", iv(84, 84, 1, 1, 0, 0), iv(84, 84, 1, 1, 0, 0),
	      "The toll was revised down to 84 from 103.", 3, "the coast guard");
	/* hostile */
	claim(s, 6, &s->rec[4], "killed", "12", iv(12, 12, 1, 1, 0, 0), iv(12, 12, 1, 1, 0, 0),
	      SAMPLE_HOSTILE_QUOTE, 2, SAMPLE_HOSTILE_ATTRIB);
	claim(s, 7, &s->rec[4], "killed", "=40", iv(40, 40, 1, 1, 0, 0), iv(40, 40, 1, 1, 0, 0),
	      SAMPLE_HOSTILE_QUOTE, 3, SAMPLE_HOSTILE_ATTRIB);
	/* aggregate over 230 */
	claim(s, 8, &s->rec[5], "killed", "over 230", iv(230, 0, 0, 0, 0, 1), iv(230, 0, 0, 0, 0, 1),
	      "bombings in Kerman, which collectively claimed over 230 lives.", 9, NULL);
	s->claim[8].status = RC_CLAIM_AGGREGATE;
	/* unlinked */
	claim(s, 9, &s->rec[5], "arrested", "two", iv(2, 2, 1, 1, 0, 0), iv(2, 2, 1, 1, 0, 0),
	      "Iran's security forces arrested two alleged members of the Daesh group.", 1, "local media");

	/* events */
	rc_event *k = &s->ev[0], *f = &s->ev[1], *h = &s->ev[2], *m = &s->ev[3];
	s->docs[0][0] = "001_827336abbb4de479";
	s->docs[0][1] = "002_a244501457de1e22";
	s->docs[0][2] = "004_848c392ec85acc8f";
	*f = (rc_event){.id = "ferry-2024-05-01-sinking", .label = "Sinking off Cebu, 2024-05-01",
	                .type = "sinking", .date = "2024-05-01", .place = "Cebu", .documents = s->docs[1],
	                .n_documents = 1, .metrics = &s->met[1], .n_metrics = 1};
	s->docs[1][0] = "ferry-day2";
	*h = (rc_event){.id = "hostile-event", .label = SAMPLE_HOSTILE_LABEL, .type = "attack",
	                .documents = s->docs[2], .n_documents = 1, .metrics = &s->met[2], .n_metrics = 1};
	s->docs[2][0] = "hostile";
	*k = (rc_event){.id = "kerman-2024-01-03-bombing", .label = "Bombing in Kerman, 2024-01-03",
	                .type = "bombing", .date = "2024-01-03", .place = "Kerman",
	                .documents = s->docs[0], .n_documents = 3, .metrics = &s->met[0], .n_metrics = 1,
	                .aggregates = &s->agg, .n_aggregates = 1};
	*m = (rc_event){.id = "moscow-2024-03-22-shooting", .label = "Shooting near Moscow, 2024-03-22",
	                .type = "shooting", .date = "2024-03-22", .place = "Moscow",
	                .documents = s->docs[3], .n_documents = 1, .metrics = &s->met[3], .n_metrics = 1};
	s->docs[3][0] = "001_827336abbb4de479";

	/* Kerman killed */
	s->conf_claims[0][0] = &s->ref[0];
	s->conf_claims[0][1] = &s->ref[1];
	s->conf_figs[0][0] = &s->fig[0];
	s->conf_figs[0][1] = &s->fig[1];
	s->conf[0] = (rc_conflict){.kind = RC_CONFLICT_CONTRADICTION, .claims = s->conf_claims[0],
	                           .n_claims = 2, .why_form = RC__WHY_CONTRA_UNDATED,
	                           .figures = s->conf_figs[0], .n_figures = 2};
	/* by report date: 2024-01-06, 2024-01-19, 2024-03-27 */
	s->tl[0][0] = &s->ref[0];
	s->tl[0][1] = &s->ref[2];
	s->tl[0][2] = &s->ref[1];
	/* figures in time order: 84, nearly 100, over 90 */
	rc_figure kf[3] = {s->fig[0], s->fig[2], s->fig[1]};
	memcpy(s->fig, kf, sizeof kf);
	s->conf_figs[0][0] = &s->fig[0];
	s->conf_figs[0][1] = &s->fig[2];
	s->met[0] = (rc_metric_result){.metric = "killed", .range = iv(84, 0, 1, 0, 0, 1),
	                               .current = &s->ref[2], .current_value = 95,
	                               .why_form = RC__CWHY_LATEST,
	                               .figures = &s->fig[0], .n_figures = 3,
	                               .has_estimates = true, .low = 84, .best = 95, .high = 100,
	                               .claims = &s->refp[0], .n_claims = 3, .documents = 3, .origins = 3,
	                               .timeline = s->tl[0], .n_timeline = 3, .conflicts = &s->conf[0],
	                               .n_conflicts = 1};
	/* ferry */
	s->conf_claims[1][0] = &s->ref[4];
	s->conf_claims[1][1] = &s->ref[5];
	s->conf_figs[1][0] = &s->fig[4];
	s->conf_figs[1][1] = &s->fig[5];
	s->conf[1] = (rc_conflict){.kind = RC_CONFLICT_REVISION, .claims = s->conf_claims[1],
	                           .n_claims = 2, .why_form = RC__WHY_TEXT_REVISION, .figures = s->conf_figs[1],
	                           .n_figures = 2, .reports = 1};
	s->met[1] = (rc_metric_result){.metric = "killed", .range = iv(84, 103, 1, 1, 0, 0),
	                               .has_core = true, .core = iv(84, 84, 1, 1, 0, 0),
	                               .has_estimates = true, .low = 84, .best = 84, .high = 84,
	                               .current = &s->ref[5], .current_value = 84, .figures = &s->fig[4], .n_figures = 2,
	                               .claims = &s->refp[4], .n_claims = 2, .documents = 1, .origins = 1,
	                               .conflicts = &s->conf[1], .n_conflicts = 1};
	/* hostile */
	s->conf_claims[2][0] = &s->ref[6];
	s->conf_claims[2][1] = &s->ref[7];
	s->conf_figs[2][0] = &s->fig[6];
	s->conf_figs[2][1] = &s->fig[7];
	s->conf[2] = (rc_conflict){.kind = RC_CONFLICT_CONTRADICTION, .claims = s->conf_claims[2],
	                           .n_claims = 2, .why_form = RC__WHY_CONTRA_WINDOW, .figures = s->conf_figs[2],
	                           .n_figures = 2, .date = "2024-02-01"};
	s->met[2] = (rc_metric_result){.metric = "killed", .range = iv(12, 40, 1, 1, 0, 0),
	                               .figures = &s->fig[6], .n_figures = 2,
	                               .claims = &s->refp[6], .n_claims = 2, .documents = 1, .origins = 1,
	                               .conflicts = &s->conf[2], .n_conflicts = 1};
	/* Moscow */
	s->met[3] = (rc_metric_result){.metric = "killed", .range = iv(144, 0, 1, 0, 0, 1),
	                               .has_core = true, .core = iv(144, 0, 1, 0, 0, 1),
	                               .has_estimates = true, .low = 144, .best = 144, .high = 144,
	                               .current = &s->ref[3], .current_value = 144, .figures = &s->fig[3], .n_figures = 1,
	                               .claims = &s->refp[3], .n_claims = 1, .documents = 1, .origins = 1};
	s->agg_events[0] = "kerman-2024-01-03-bombing";
	s->agg_events[1] = "moscow-2024-03-22-shooting";
	s->agg = (rc_aggregate){.ref = &s->ref[8], .events = s->agg_events, .n_events = 2,
	                        .parts = iv(228, 0, 0, 0, 0, 1), .verdict = RC_AGG_CONSISTENT,
	                        .why = "the parts sum to more than 228, which over 230 fits"};
	s->unlinked[0] = &s->ref[9];
	/* events sorted by id */
	rc_event sorted[4] = {s->ev[1], s->ev[2], s->ev[0], s->ev[3]};
	memcpy(s->ev, sorted, sizeof sorted);
	s->res = (rc_result){.documents_read = 6, .documents_processed = 6, .claims = 10,
	                     .events = s->ev, .n_events = 4, .unlinked = s->unlinked, .n_unlinked = 1};
	*res = &s->res;
	return s;
}

sample *sample_empty(rc_result **res)
{
	sample *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	*res = &s->res;
	return s;
}

void sample_free(sample *s)
{
	free(s);
}
