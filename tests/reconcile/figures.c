/*
 * The reconciler's rules on time, kinds of change and the current figure
 * (docs/reconcile.md), on records built by hand so that each scenario is
 * exactly the reporting it describes, whatever the extractor does: a toll
 * rising over five days, a toll the same ministry revises down, two outlets
 * the same day with 26 and 34, an official figure against a monitor's tally
 * over weeks, a part against the total, an undated report; the gate's
 * kinds; publication times; and a batch of thousands of reports of a few
 * figures, whose conflicts and figures stay few.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "support.h"
#include <recount/recount.h>
#include "reconcile/reconcile-int.h"
#include "record/record-priv.h"

/* One claim of a hand-made report. */
typedef struct spec {
	const char *metric;
	const char *text;        /* the figure as written: "26", "at least 30" */
	double lo, hi;           /* hi < 0: unbounded above */
	const char *attribution; /* or NULL */
	rc_claim_status status;
	long parent;             /* index of the total of a sub-count, or -1 */
	const char *subject;
} spec;

#define EVENT "testville-2024-03-01-bombing"

/* A report of the Testville bombing: document doc, published on date (NULL:
 * undated) by outlet, with the claims of specs. */
static rc_record *report(const char *doc, const char *date, const char *outlet, const spec *specs, size_t n)
{
	rc_record *rec = rc__record_new();
	ck_assert_ptr_nonnull(rec);
	rc_arena *a = rc__record_arena(rec);
	rec->doc = rc__arena_strdup(a, doc);
	rec->source = rc__arena_strdup(a, outlet);
	rec->published = rc__arena_strdup(a, date);
	rec->status = RC_DOC_OK;
	rec->bytes = 100;
	rc_mention *mn = rc__arena_calloc(a, 1, sizeof *mn);
	mn->type = "bombing";
	mn->noun = "bombing";
	mn->place = "Testville";
	mn->date = "2024-03-01";
	mn->local_id = EVENT;
	rec->mentions = mn;
	rec->n_mentions = 1;
	rc_claim *cl = rc__arena_calloc(a, n ? n : 1, sizeof *cl);
	for (size_t i = 0; i < n; i++) {
		const spec *s = &specs[i];
		rc_claim *c = &cl[i];
		c->metric = s->metric ? s->metric : "killed";
		c->subject = s->subject;
		c->text = rc__arena_strdup(a, s->text);
		c->q.kind = RC_QK_COUNT;
		c->q.iv = (rc_interval){.lo = s->lo, .hi = s->hi < 0 ? 0 : s->hi, .lo_incl = true,
		                        .hi_incl = s->hi >= 0, .hi_inf = s->hi < 0};
		c->q.value = s->lo;
		c->status = s->status;
		c->attribution = rc__arena_strdup(a, s->attribution);
		c->quote = rc__arena_printf(a, "The toll stood at %s, a report said.", s->text);
		c->pos = (rc_pos){.start = 20 + 40 * i, .end = 22 + 40 * i, .line = 1 + i, .column = 1};
		c->sentence = (rc_pos){.start = 40 * i, .end = 40 * i + 39, .line = 1 + i, .column = 1};
		c->file_line = 1 + i;
		c->parent = s->parent;
		c->mention = 0;
		c->event = EVENT;
	}
	rec->claims = cl;
	rec->n_claims = n;
	return rec;
}

/* Make claim i of rec a part with this label ("additional", "children"). */
static rc_record *with_part(rc_record *rec, size_t i, const char *part)
{
	((rc_claim *)rec->claims)[i].part = rc__arena_strdup(rc__record_arena(rec), part);
	return rec;
}

#define ONE(metric, text, lo, hi, attr) \
	(spec[]){{metric, text, lo, hi, attr, RC_CLAIM_CURRENT, -1, NULL}}, 1

/* The explanations, as the writers ask for them (in a buffer of each call's own). */
static char why_buf[4][1024];
static int why_at;

static const char *cwhy(const rc_conflict *c)
{
	char *b = why_buf[why_at++ % 4];
	ck_assert_uint_lt(rc_conflict_why(c, b, sizeof why_buf[0]), sizeof why_buf[0]);
	return b;
}

static const char *mwhy(const rc_metric_result *m)
{
	char *b = why_buf[why_at++ % 4];
	return rc_metric_result_current_why(m, b, sizeof why_buf[0]) ? b : NULL;
}

static rc_result *reconcile(rc_record **recs, size_t n, const rc_reconcile_options *o)
{
	rc_result *res;
	rc_error err;
	rc_reconcile_options def = RC_RECONCILE_OPTIONS_INIT;
	ck_assert_int_eq(rc_reconcile(&res, recs, n, o ? o : &def, &err), RC_OK);
	return res;
}

static const rc_metric_result *metric(const rc_result *res, const char *name)
{
	ck_assert_uint_ge(res->n_events, 1);
	for (size_t e = 0; e < res->n_events; e++)
		for (size_t i = 0; i < res->events[e].n_metrics; i++)
			if (strcmp(res->events[e].metrics[i].metric, name) == 0)
				return &res->events[e].metrics[i];
	ck_abort_msg("no metric %s", name);
	return NULL;
}

static size_t count_kind(const rc_metric_result *m, rc_conflict_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < m->n_conflicts; i++)
		n += m->conflicts[i].kind == k;
	return n;
}

static const rc_conflict *first_kind(const rc_metric_result *m, rc_conflict_kind k)
{
	for (size_t i = 0; i < m->n_conflicts; i++)
		if (m->conflicts[i].kind == k)
			return &m->conflicts[i];
	return NULL;
}

/* Findings of `check --fail-on contradiction` on res. */
static size_t gate_findings(const rc_result *res)
{
	rc_policy p;
	rc_error err;
	ck_assert_int_eq(rc_policy_parse("contradiction", &p, &err), RC_OK);
	rc_check_result *c;
	ck_assert_int_eq(rc_check(&c, res, &p, 1, NULL, &err), RC_OK);
	size_t n = c->n_findings;
	rc_check_result_free(c);
	return n;
}

START_TEST(rising_toll_is_a_progression)
{
	/* the same toll, higher every day for five days, from several outlets */
	rc_record *r[] = {
		report("rise-1", "2024-03-01", "Valley Post", ONE("killed", "10", 10, 10, "the health ministry")),
		report("rise-2", "2024-03-02", "Hill Courier", ONE("killed", "25", 25, 25, "the health ministry")),
		report("rise-3", "2024-03-03", "Valley Post", ONE("killed", "at least 40", 40, -1, NULL)),
		report("rise-4", "2024-03-04", "River Times", ONE("killed", "52", 52, 52, "police")),
		report("rise-5", "2024-03-05", "Hill Courier", ONE("killed", "60", 60, 60, "the health ministry")),
	};
	rc_result *res = reconcile(r, 5, NULL);
	const rc_metric_result *m = metric(res, "killed");
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_CONTRADICTION), 0);
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_REVISION), 0);
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_PROGRESSION), 1);
	/* one progression through all five figures, in time order */
	const rc_conflict *p = first_kind(m, RC_CONFLICT_PROGRESSION);
	ck_assert_uint_eq(p->n_claims, 5);
	ck_assert_uint_eq(p->n_figures, 5);
	ck_assert_str_eq(p->claims[0]->claim->text, "10");
	ck_assert_str_eq(p->claims[4]->claim->text, "60");
	ck_assert_ptr_nonnull(strstr(cwhy(p), "rose"));
	/* the current figure is the last one, with its source and date */
	ck_assert_ptr_nonnull(m->current);
	ck_assert_str_eq(m->current->claim->text, "60");
	ck_assert_str_eq(m->current->rec->published, "2024-03-05");
	ck_assert(m->has_estimates && m->best == 60 && m->current_value == 60);
	ck_assert(m->low == 60 && m->high == 60);
	ck_assert_ptr_nonnull(mwhy(m));
	/* five figures, one per day, each leading its day */
	ck_assert_uint_eq(m->n_figures, 5);
	for (size_t i = 0; i < 5; i++)
		ck_assert(m->figures[i].leads && m->figures[i].date);
	ck_assert_str_eq(m->figures[0].date, "2024-03-01");
	/* a progression never fails the gate */
	ck_assert_uint_eq(gate_findings(res), 0);
	rc_result_free(res);
}
END_TEST

START_TEST(same_ministry_revises_down)
{
	rc_record *r[] = {
		report("rev-1", "2024-03-02", "Valley Post", ONE("killed", "48", 48, 48, "the Health Ministry")),
		report("rev-2", "2024-03-04", "Hill Courier", ONE("killed", "41", 41, 41, "the health ministry")),
	};
	rc_result *res = reconcile(r, 2, NULL);
	const rc_metric_result *m = metric(res, "killed");
	ck_assert_uint_eq(m->n_conflicts, 1);
	const rc_conflict *c = &m->conflicts[0];
	ck_assert_int_eq(c->kind, RC_CONFLICT_REVISION);
	ck_assert_str_eq(c->claims[0]->claim->text, "48");
	ck_assert_str_eq(c->claims[1]->claim->text, "41");
	ck_assert_ptr_nonnull(strstr(cwhy(c), "same authority"));
	ck_assert_str_eq(m->current->claim->text, "41");
	ck_assert(m->best == 41 && m->low == 41 && m->high == 41);
	ck_assert_int_eq(m->current->authority, RC_AUTHORITY_OFFICIAL);
	ck_assert_uint_eq(gate_findings(res), 0);
	rc_result_free(res);
}
END_TEST

START_TEST(text_revision_to_its_own_source)
{
	/* "Police said earlier that 14 had died; the Red Cross put the toll at
	 * 15 before revising it to 21": one sentence, two current figures;
	 * the Red Cross revised 15 to its own 21, not to the police's 14 */
	spec one[] = {
		{"killed", "21", 21, 21, "the President", RC_CLAIM_CURRENT, -1, NULL},
		{"killed", "14", 14, 14, "Police", RC_CLAIM_CURRENT, -1, NULL},
		{"killed", "15", 15, 15, "the Red Cross", RC_CLAIM_SUPERSEDED, -1, NULL},
		{"killed", "21", 21, 21, "the Red Cross", RC_CLAIM_CURRENT, -1, NULL},
	};
	rc_record *r[] = {report("own-1", "2024-03-02", "Valley Post", one, 4)};
	rc_claim *cl = (rc_claim *)r[0]->claims;
	cl[2].sentence = cl[3].sentence = cl[1].sentence;
	rc_result *res = reconcile(r, 1, NULL);
	const rc_metric_result *m = metric(res, "killed");
	size_t revisions = 0;
	for (size_t i = 0; i < m->n_conflicts; i++) {
		const rc_conflict *c = &m->conflicts[i];
		if (c->kind != RC_CONFLICT_REVISION)
			continue;
		revisions++;
		ck_assert_str_eq(c->claims[0]->claim->text, "15");
		ck_assert_str_eq(c->claims[c->n_claims - 1]->claim->text, "21");
	}
	ck_assert_uint_eq(revisions, 1);
	rc_result_free(res);
}
END_TEST

START_TEST(text_revision_is_never_current)
{
	/* a report says the ministry revised 103 down to 84: the earlier 103 of
	 * another outlet is revised, and 84 is current */
	spec later[] = {
		{"killed", "84", 84, 84, "the ministry", RC_CLAIM_CURRENT, -1, NULL},
		{"killed", "103", 103, 103, "the ministry", RC_CLAIM_SUPERSEDED, -1, NULL},
	};
	later[1].parent = -1;
	rc_record *r[] = {
		report("txt-1", "2024-03-02", "Valley Post", ONE("killed", "103", 103, 103, NULL)),
		report("txt-2", "2024-03-03", "Hill Courier", later, 2),
	};
	/* the superseded figure is in the same sentence as its replacement */
	((rc_claim *)r[1]->claims)[1].sentence = r[1]->claims[0].sentence;
	rc_result *res = reconcile(r, 2, NULL);
	const rc_metric_result *m = metric(res, "killed");
	ck_assert_str_eq(m->current->claim->text, "84");
	const rc_claim_ref *old = NULL;
	for (size_t i = 0; i < m->n_claims; i++)
		if (strcmp(m->claims[i]->rec->doc, "txt-1") == 0)
			old = m->claims[i];
	ck_assert(old && old->revised);
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_CONTRADICTION), 0);
	ck_assert_uint_ge(count_kind(m, RC_CONFLICT_REVISION), 1);
	ck_assert(m->has_core && m->core.lo == 84);
	rc_result_free(res);
}
END_TEST

START_TEST(same_day_26_and_34_contradict)
{
	rc_record *r[] = {
		report("day-a", "2024-03-02", "Valley Post", ONE("killed", "26", 26, 26, "police")),
		report("day-b", "2024-03-02", "Hill Courier", ONE("killed", "34", 34, 34, "hospital staff")),
	};
	rc_result *res = reconcile(r, 2, NULL);
	const rc_metric_result *m = metric(res, "killed");
	ck_assert_uint_eq(m->n_conflicts, 1);
	const rc_conflict *c = &m->conflicts[0];
	ck_assert_int_eq(c->kind, RC_CONFLICT_CONTRADICTION);
	ck_assert_str_eq(c->date, "2024-03-02");
	ck_assert_uint_eq(c->n_figures, 2);
	ck_assert_str_eq(c->claims[0]->claim->text, "26");
	ck_assert_str_eq(c->claims[1]->claim->text, "34");
	/* the current figure: the official one; low and high: both */
	ck_assert_str_eq(m->current->claim->text, "26");
	ck_assert(m->low == 26 && m->high == 34);
	ck_assert_uint_eq(gate_findings(res), 1);
	rc_result_free(res);
	/* the same two figures two days apart: a progression, not a
	 * contradiction, and the gate passes */
	rc_record *s[] = {
		report("apart-a", "2024-03-02", "Valley Post", ONE("killed", "26", 26, 26, "police")),
		report("apart-b", "2024-03-04", "Hill Courier", ONE("killed", "34", 34, 34, "hospital staff")),
	};
	res = reconcile(s, 2, NULL);
	m = metric(res, "killed");
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_CONTRADICTION), 0);
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_PROGRESSION), 1);
	ck_assert_uint_eq(gate_findings(res), 0);
	rc_result_free(res);
	/* a window of three days makes them the same time again */
	rc_record *t[] = {
		report("apart-a", "2024-03-02", "Valley Post", ONE("killed", "26", 26, 26, "police")),
		report("apart-b", "2024-03-04", "Hill Courier", ONE("killed", "34", 34, 34, "hospital staff")),
	};
	rc_reconcile_options o = {.version = RC_RECONCILE_OPTIONS_VERSION, .window_days = 3};
	res = reconcile(t, 2, &o);
	ck_assert_uint_eq(count_kind(metric(res, "killed"), RC_CONFLICT_CONTRADICTION), 1);
	rc_result_free(res);
}
END_TEST

START_TEST(one_source_twice_is_no_contradiction)
{
	/* the same ministry gives 26 and 34 the same day: an update, not two
	 * sources that disagree; and syndicated copies count as one source */
	rc_record *r[] = {
		report("upd-a", "2024-03-02", "Valley Post", ONE("killed", "26", 26, 26, "the ministry")),
		report("upd-b", "2024-03-02", "Hill Courier", ONE("killed", "34", 34, 34, "The Ministry")),
	};
	rc_result *res = reconcile(r, 2, NULL);
	ck_assert_uint_eq(count_kind(metric(res, "killed"), RC_CONFLICT_CONTRADICTION), 0);
	rc_result_free(res);
	rc_record *s[] = {
		report("wire-a", "2024-03-02", "Valley Post", ONE("killed", "26", 26, 26, NULL)),
		report("wire-b", "2024-03-02", "Hill Courier", ONE("killed", "34", 34, 34, NULL)),
	};
	/* identical signatures: near-duplicates, one origin */
	static uint32_t sig[RC_MINHASH_K];
	for (int k = 0; k < RC_MINHASH_K; k++)
		sig[k] = (uint32_t)(k * 2654435761u);
	for (int i = 0; i < 2; i++) {
		s[i]->has_signature = true;
		s[i]->minhash = sig;
	}
	res = reconcile(s, 2, NULL);
	ck_assert_uint_eq(count_kind(metric(res, "killed"), RC_CONFLICT_CONTRADICTION), 0);
	ck_assert_uint_eq(metric(res, "killed")->origins, 1);
	rc_result_free(res);
}
END_TEST

START_TEST(official_against_monitor_is_a_dispute)
{
	/* a government keeps its toll of 769 for weeks while an independent
	 * monitor's tally grows to three times as much, and reports last */
	rc_record *r[] = {
		report("d-01", "2024-03-02", "Valley Post", ONE("killed", "769", 769, 769, "the interior ministry")),
		report("d-08", "2024-03-09", "Hill Courier", ONE("killed", "769", 769, 769, "the interior ministry")),
		report("d-09", "2024-03-09", "River Times", ONE("killed", "1,450", 1450, 1450, "the Lakeside Monitor")),
		report("d-15", "2024-03-16", "Valley Post", ONE("killed", "769", 769, 769, "the government")),
		report("d-16", "2024-03-16", "Hill Courier", ONE("killed", "at least 2,100", 2100, -1, "the Lakeside Monitor")),
		report("d-30", "2024-03-30", "River Times", ONE("killed", "2,411", 2411, 2411, "the Lakeside Monitor")),
	};
	rc_result *res = reconcile(r, 6, NULL);
	const rc_metric_result *m = metric(res, "killed");
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_DISPUTE), 1);
	const rc_conflict *d = first_kind(m, RC_CONFLICT_DISPUTE);
	/* the disputes come first, each side with its latest figure */
	ck_assert_ptr_eq(d, &m->conflicts[0]);
	ck_assert_uint_eq(d->n_claims, 2);
	ck_assert_str_eq(d->claims[0]->claim->text, "769");
	ck_assert_str_eq(d->claims[1]->claim->text, "2,411");
	ck_assert_str_eq(d->claims[1]->claim->attribution, "the Lakeside Monitor");
	/* the current figure: the official side's, though the monitor reported
	 * last; low and high span both sides */
	ck_assert_str_eq(m->current->claim->text, "769");
	ck_assert_int_eq(m->current->authority, RC_AUTHORITY_OFFICIAL);
	ck_assert_ptr_nonnull(strstr(mwhy(m), "dispute"));
	ck_assert(m->best == 769 && m->low == 769 && m->high == 2411);
	/* contradictions on the days both spoke; a dispute fails the gate */
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_CONTRADICTION), 2);
	ck_assert_uint_eq(gate_findings(res), 3);
	rc_result_free(res);
	/* a source that said something else once is no dispute */
	rc_record *s[] = {
		report("o-01", "2024-03-02", "Valley Post", ONE("killed", "769", 769, 769, "the interior ministry")),
		report("o-09", "2024-03-09", "River Times", ONE("killed", "1,450", 1450, 1450, "the Lakeside Monitor")),
		report("o-15", "2024-03-16", "Valley Post", ONE("killed", "769", 769, 769, "the interior ministry")),
	};
	res = reconcile(s, 3, NULL);
	ck_assert_uint_eq(count_kind(metric(res, "killed"), RC_CONFLICT_DISPUTE), 0);
	rc_result_free(res);
	/* nor one whose figure the official side gave once, beside the
	 * other's first and never again: a rising toll, the latest quoted */
	rc_record *t[] = {
		report("k-20a", "2024-03-02", "Valley Post", ONE("killed", "32", 32, 32, "the government")),
		report("k-20b", "2024-03-02", "Valley Post", ONE("killed", "38", 38, 38, "the Red Crescent")),
		report("k-22", "2024-03-04", "Hill Courier", ONE("killed", "44", 44, 44, "the Red Crescent")),
	};
	res = reconcile(t, 3, NULL);
	m = metric(res, "killed");
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_DISPUTE), 0);
	ck_assert_str_eq(m->current->claim->text, "44");
	rc_result_free(res);
}
END_TEST

START_TEST(headline_said_short_is_no_contradiction)
{
	/* "Floods displace 60" over "more than 60 were displaced, the Red
	 * Cross said": the headline gives its body's figure short */
	spec sp[] = {{"displaced", "60", 60, 60, NULL, RC_CLAIM_CURRENT, -1, NULL},
	             {"displaced", "more than 60", 60, -1, "the Red Cross", RC_CLAIM_CURRENT, -1, NULL}};
	rc_record *r[] = {report("h-1", "2024-03-02", "Valley Post", sp, 2)};
	rc_claim *cl = (rc_claim *)r[0]->claims;
	cl[0].in_title = true;
	cl[1].q.iv.lo_incl = false;
	rc_result *res = reconcile(r, 1, NULL);
	ck_assert_uint_eq(count_kind(metric(res, "displaced"), RC_CONFLICT_CONTRADICTION), 0);
	rc_result_free(res);
	/* a headline whose number the body does not give still counts */
	spec sq[] = {{"displaced", "50", 50, 50, NULL, RC_CLAIM_CURRENT, -1, NULL},
	             {"displaced", "more than 60", 60, -1, "the Red Cross", RC_CLAIM_CURRENT, -1, NULL}};
	rc_record *q[] = {report("h-2", "2024-03-02", "Valley Post", sq, 2)};
	cl = (rc_claim *)q[0]->claims;
	cl[0].in_title = true;
	cl[1].q.iv.lo_incl = false;
	res = reconcile(q, 1, NULL);
	ck_assert_uint_eq(count_kind(metric(res, "displaced"), RC_CONFLICT_CONTRADICTION), 1);
	rc_result_free(res);
	/* "Mine blast kills 16, several trapped" over "17 others trapped": a
	 * vague headline word where the body gives a figure; the same vague
	 * word in the body of another report still counts */
	spec sv[] = {{"missing", "several", 3, 9, NULL, RC_CLAIM_CURRENT, -1, NULL},
	             {"missing", "17", 17, 17, "an official", RC_CLAIM_CURRENT, -1, NULL}};
	rc_record *w[] = {report("h-5", "2024-03-02", "Valley Post", sv, 2)};
	cl = (rc_claim *)w[0]->claims;
	cl[0].q.vague = true;
	cl[0].in_title = true;
	res = reconcile(w, 1, NULL);
	ck_assert_uint_eq(count_kind(metric(res, "missing"), RC_CONFLICT_CONTRADICTION), 0);
	rc_result_free(res);
	rc_record *v[] = {report("h-3", "2024-03-02", "Valley Post", sv, 1),
	                  report("h-4", "2024-03-02", "Hill Courier", sv + 1, 1)};
	((rc_claim *)v[0]->claims)[0].q.vague = true;
	res = reconcile(v, 2, NULL);
	ck_assert_uint_eq(count_kind(metric(res, "missing"), RC_CONFLICT_CONTRADICTION), 1);
	rc_result_free(res);
}
END_TEST

START_TEST(part_is_not_compared_with_total)
{
	spec both[] = {
		{"killed", "at least 30", 30, -1, "police", RC_CLAIM_CURRENT, -1, "people"},
		{"killed", "12", 12, 12, "police", RC_CLAIM_CURRENT, 0, "children"},
	};
	rc_record *r[] = {report("part", "2024-03-02", "Valley Post", both, 2)};
	rc_result *res = reconcile(r, 1, NULL);
	const rc_metric_result *total = metric(res, "killed"), *part = metric(res, "killed (children)");
	ck_assert_uint_eq(total->n_conflicts, 0);
	ck_assert_uint_eq(part->n_conflicts, 0);
	ck_assert_uint_eq(total->n_claims, 1);
	ck_assert_str_eq(total->current->claim->text, "at least 30");
	ck_assert(total->best == 30);
	ck_assert_str_eq(part->current->claim->text, "12");
	ck_assert_uint_eq(gate_findings(res), 0);
	rc_result_free(res);
}
END_TEST

/* Increments ("12 more bodies were found", the next day "five more") each
 * add to the total: no two are compared, and the latest is current.  The
 * same figures of a group are compared (a control). */
START_TEST(increments_are_never_rivals)
{
	spec day1[] = {
		{"killed", "40", 40, 40, "police", RC_CLAIM_CURRENT, -1, NULL},
		{"killed", "12 more", 12, 12, "police", RC_CLAIM_CURRENT, 0, NULL},
	};
	spec day2a[] = {
		{"killed", "45", 45, 45, "police", RC_CLAIM_CURRENT, -1, NULL},
		{"killed", "five more", 5, 5, "police", RC_CLAIM_CURRENT, 0, NULL},
	};
	spec day2b[] = {
		{"killed", "48", 48, 48, "Red Cross", RC_CLAIM_CURRENT, -1, NULL},
		{"killed", "eight more", 8, 8, "Red Cross", RC_CLAIM_CURRENT, 0, NULL},
	};
	rc_record *r[] = {with_part(report("d1", "2024-03-02", "Valley Post", day1, 2), 1, "additional"),
	                  with_part(report("d2", "2024-03-03", "Valley Post", day2a, 2), 1, "additional"),
	                  with_part(report("d3", "2024-03-03", "City Herald", day2b, 2), 1, "additional")};
	rc_result *res = reconcile(r, 3, NULL);
	const rc_metric_result *inc = metric(res, "killed (additional)");
	ck_assert(inc->increments);
	ck_assert(!inc->has_core);
	ck_assert_uint_eq(inc->n_conflicts, 0);
	ck_assert_uint_eq(inc->n_claims, 3);
	ck_assert_str_eq(inc->current->claim->text, "five more");
	ck_assert(inc->best == 5 && inc->low == 5 && inc->high == 5);
	ck_assert_str_eq(mwhy(inc), "the latest increment reported (2024-03-03, police); each adds to the total, "
	                            "none replaces another");
	ck_assert(!metric(res, "killed")->increments);
	rc_result_free(res);

	rc_record *g[] = {with_part(report("d1", "2024-03-02", "Valley Post", day1, 2), 1, "children"),
	                  with_part(report("d2", "2024-03-03", "Valley Post", day2a, 2), 1, "children"),
	                  with_part(report("d3", "2024-03-03", "City Herald", day2b, 2), 1, "children")};
	res = reconcile(g, 3, NULL);
	const rc_metric_result *grp = metric(res, "killed (children)");
	ck_assert(!grp->increments);
	ck_assert_uint_gt(grp->n_conflicts, 0);
	rc_result_free(res);
}
END_TEST

START_TEST(undated_report_kept_apart)
{
	rc_record *r[] = {
		report("u-1", "2024-03-01", "Valley Post", ONE("killed", "20", 20, 20, "police")),
		report("u-2", NULL, "Hill Courier", ONE("killed", "95", 95, 95, "police")),
		report("u-3", "2024-03-03", "River Times", ONE("killed", "31", 31, 31, "police")),
	};
	rc_result *res = reconcile(r, 3, NULL);
	const rc_metric_result *m = metric(res, "killed");
	/* the timeline: dated reports by date, the undated one last */
	ck_assert_uint_eq(m->n_timeline, 3);
	ck_assert_str_eq(m->timeline[0]->rec->published, "2024-03-01");
	ck_assert_str_eq(m->timeline[1]->rec->published, "2024-03-03");
	ck_assert_ptr_null(m->timeline[2]->rec->published);
	ck_assert_uint_eq(m->n_figures, 3);
	ck_assert_ptr_null(m->figures[2].date);
	ck_assert_str_eq(m->figures[2].lead->claim->text, "95");
	/* it neither changes the current figure nor contradicts anything */
	ck_assert_str_eq(m->current->claim->text, "31");
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_CONTRADICTION), 0);
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_PROGRESSION), 1);
	const rc_conflict *p = first_kind(m, RC_CONFLICT_PROGRESSION);
	ck_assert_uint_eq(p->n_claims, 2);
	rc_result_free(res);
	/* with no dated report, the most authoritative figure is current, and
	 * two sources that disagree within one undated report contradict */
	spec both[] = {
		{"killed", "20", 20, 20, "police", RC_CLAIM_CURRENT, -1, NULL},
		{"killed", "35", 35, 35, "a local doctor", RC_CLAIM_CURRENT, -1, NULL},
	};
	rc_record *s[] = {
		report("v-1", NULL, "Valley Post", both, 2),
		report("v-2", NULL, "Hill Courier", ONE("killed", "27", 27, 27, NULL)),
	};
	res = reconcile(s, 2, NULL);
	m = metric(res, "killed");
	ck_assert_str_eq(m->current->claim->text, "20");
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_CONTRADICTION), 1);
	const rc_conflict *c = first_kind(m, RC_CONFLICT_CONTRADICTION);
	ck_assert_ptr_null(c->date);
	ck_assert_uint_eq(c->n_figures, 2);
	ck_assert_str_eq(c->claims[0]->rec->doc, "v-1");
	ck_assert_str_eq(c->claims[1]->rec->doc, "v-1");
	rc_result_free(res);
}
END_TEST

START_TEST(figure_revised_later_still_disagreed_that_day)
{
	/* the morning's "around 120" from the city and the prosecutor's 160 the
	 * same evening disagree that day, though 160 is revised up to 171 two
	 * days later ("171 rather than 160"): a contradiction on the first day,
	 * then a revision, and 171 is current */
	spec later[] = {
		{"injured", "171", 171, 171, "the justice minister", RC_CLAIM_CURRENT, -1, NULL},
		{"injured", "160", 160, 160, "the justice minister", RC_CLAIM_SUPERSEDED, -1, NULL},
	};
	rc_record *r[] = {
		report("inj-am", "2024-03-01", "Valley Post", ONE("injured", "around 120", 120, 120, "city authorities")),
		report("inj-pm", "2024-03-01", "Hill Courier", ONE("injured", "160", 160, 160, "the prosecutor")),
		report("inj-3", "2024-03-03", "River Times", later, 2),
	};
	((rc_claim *)r[0]->claims)[0].q.approx = true;
	((rc_claim *)r[2]->claims)[1].sentence = r[2]->claims[0].sentence;
	rc_result *res = reconcile(r, 3, NULL);
	const rc_metric_result *m = metric(res, "injured");
	const rc_conflict *c = first_kind(m, RC_CONFLICT_CONTRADICTION);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->date, "2024-03-01");
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_CONTRADICTION), 1);
	ck_assert_uint_ge(count_kind(m, RC_CONFLICT_REVISION), 1);
	ck_assert_str_eq(m->current->claim->text, "171");
	ck_assert(!m->current->revised);
	rc_result_free(res);
}
END_TEST

START_TEST(figure_replaced_in_its_own_report_is_no_contradiction)
{
	/* a live page gives "four dead" at noon and later "risen to nine, up
	 * from the four": the four it says was replaced does not contradict
	 * the nine of another outlet the same day */
	spec live[] = {
		{"killed", "four", 4, 4, "the fire chief", RC_CLAIM_CURRENT, -1, NULL},
		{"killed", "nine", 9, 9, "the fire chief", RC_CLAIM_CURRENT, -1, NULL},
		{"killed", "four", 4, 4, "the fire chief", RC_CLAIM_SUPERSEDED, -1, NULL},
	};
	rc_record *r[] = {
		report("live-1", "2024-03-01", "Valley Post", live, 3),
		report("other-1", "2024-03-01", "Hill Courier", ONE("killed", "nine", 9, 9, "police")),
	};
	rc_result *res = reconcile(r, 2, NULL);
	const rc_metric_result *m = metric(res, "killed");
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_CONTRADICTION), 0);
	ck_assert_str_eq(m->current->claim->text, "nine");
	/* the same page undated: still no contradiction within it */
	rc_record *u[] = {report("live-u", NULL, "Valley Post", live, 3)};
	rc_result *res2 = reconcile(u, 1, NULL);
	ck_assert_uint_eq(count_kind(metric(res2, "killed"), RC_CONFLICT_CONTRADICTION), 0);
	rc_result_free(res2);
	rc_result_free(res);
}
END_TEST

START_TEST(unexplained_drop_does_not_lead)
{
	/* months later a retrospective gives "at least 95" and, for another
	 * strike it recalls, an exact 6: the exact figure does not replace a
	 * standing "at least 88" by dropping without a word of revision */
	spec retro[] = {
		{"killed", "at least 95", 95, -1, NULL, RC_CLAIM_CURRENT, -1, NULL},
		{"killed", "6", 6, 6, NULL, RC_CLAIM_CURRENT, -1, NULL},
	};
	rc_record *r[] = {
		report("d-1", "2024-03-01", "Valley Post", ONE("killed", "at least 88", 88, -1, "health officials")),
		report("d-2", "2024-09-01", "Hill Courier", retro, 2),
	};
	rc_result *res = reconcile(r, 2, NULL);
	const rc_metric_result *m = metric(res, "killed");
	ck_assert_str_eq(m->current->claim->text, "at least 95");
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_REVISION), 0);
	/* a lower figure that says it revises the standing one still leads */
	spec fix[] = {
		{"killed", "81", 81, 81, NULL, RC_CLAIM_CURRENT, -1, NULL},
		{"killed", "88", 88, 88, NULL, RC_CLAIM_SUPERSEDED, -1, NULL},
		{"killed", "at least 95", 95, -1, NULL, RC_CLAIM_CURRENT, -1, NULL},
	};
	rc_record *r2[] = {
		report("e-1", "2024-03-01", "Valley Post", ONE("killed", "88", 88, 88, "health officials")),
		report("e-2", "2024-09-01", "Hill Courier", fix, 3),
	};
	rc_result *res2 = reconcile(r2, 2, NULL);
	ck_assert_str_eq(metric(res2, "killed")->current->claim->text, "81");
	rc_result_free(res2);
	rc_result_free(res);
}
END_TEST

START_TEST(undated_precise_figure_confirms)
{
	/* no report is dated: the ministry's "more than 210" and a hospital
	 * network's 236 agree, and 236 says more; a lower 190 of an outlet's
	 * own text does not */
	rc_record *r[] = {
		report("u-1", NULL, "Valley Post", ONE("injured", "more than 210", 211, -1, "the interior ministry")),
		report("u-2", NULL, "Hill Courier", ONE("injured", "236", 236, 236, "a hospital network")),
		report("u-3", NULL, "River Times", ONE("injured", "190", 190, 190, NULL)),
	};
	rc_result *res = reconcile(r, 3, NULL);
	const rc_metric_result *m = metric(res, "injured");
	ck_assert_str_eq(m->current->claim->text, "236");
	ck_assert_double_eq(m->current_value, 236);
	rc_result_free(res);
}
END_TEST

START_TEST(later_less_precise_report_confirms)
{
	/* "more than 300" after 340 keeps 340 current; "about 253" after 253 of
	 * the day before is no change */
	rc_record *r[] = {
		report("c-1", "2024-03-02", "Valley Post", ONE("injured", "340", 340, 340, "the crisis centre")),
		report("c-2", "2024-03-09", "Hill Courier", ONE("injured", "more than 300", 301, -1, NULL)),
	};
	rc_result *res = reconcile(r, 2, NULL);
	const rc_metric_result *m = metric(res, "injured");
	ck_assert_str_eq(m->current->claim->text, "340");
	ck_assert_uint_eq(m->n_conflicts, 0);
	ck_assert_ptr_nonnull(strstr(mwhy(m), "agree"));
	rc_result_free(res);
}
END_TEST

START_TEST(report_times)
{
	long day;
	long long t;
	ck_assert(rc__report_time("2024-03-02", &day, &t));
	ck_assert_int_eq(day, rc__days_from_civil(2024, 3, 2));
	ck_assert(t == (long long)day * 1440 + 1439);
	ck_assert(rc__report_time("2024-03-02T10:30:00Z", &day, &t));
	ck_assert(t == (long long)day * 1440 + 630);
	/* 10:30 at UTC+02:00 is 08:30 UTC; the day is the date as written */
	ck_assert(rc__report_time("2024-03-02T10:30+02:00", &day, &t));
	ck_assert(t == (long long)day * 1440 + 510);
	ck_assert(rc__report_time("2024-03-02 23:15 -0130", &day, &t));
	ck_assert(t == (long long)day * 1440 + 23 * 60 + 15 + 90);
	ck_assert_int_eq(day, rc__days_from_civil(2024, 3, 2));
	/* no full date: undated */
	ck_assert(!rc__report_time("2024-03", &day, &t));
	ck_assert(day == RC__UNDATED);
	/* a report before 1970 is dated all the same */
	ck_assert(rc__report_time("1969-07-20", &day, &t));
	ck_assert(day < 0 && day != RC__UNDATED);
	ck_assert(!rc__report_time(NULL, &day, &t));
	ck_assert(!rc__report_time("March 2, 2024", &day, &t));
	/* a record's instant is its published_at (UTC) when the source gave a
	 * time; its day stays the date as the source wrote it */
	rc_record rec = {.published = "2024-03-02", .published_at = "2024-03-01T23:30:00Z"};
	rc__record_time(&rec, &day, &t);
	ck_assert_int_eq(day, rc__days_from_civil(2024, 3, 2));
	ck_assert(t == (long long)rc__days_from_civil(2024, 3, 1) * 1440 + 23 * 60 + 30);
	rec.published_at = NULL;
	rc__record_time(&rec, &day, &t);
	ck_assert(t == (long long)day * 1440 + 1439);
	rec.published = NULL;
	rec.published_at = "2024-03-01T23:30:00Z";
	rc__record_time(&rec, &day, &t);   /* no day as written: undated */
	ck_assert(day == RC__UNDATED);
	/* a report published later the same day is later in the timeline */
	rc_record *r[] = {
		report("t-late", "2024-03-02T18:00Z", "Valley Post", ONE("killed", "40", 40, 40, "police")),
		report("t-early", "2024-03-02T06:00Z", "Hill Courier", ONE("killed", "40", 40, 40, "police")),
	};
	rc_result *res = reconcile(r, 2, NULL);
	const rc_metric_result *m = metric(res, "killed");
	ck_assert_str_eq(m->timeline[0]->rec->doc, "t-early");
	ck_assert_str_eq(m->timeline[1]->rec->doc, "t-late");
	ck_assert_uint_eq(m->n_figures, 1);
	ck_assert_str_eq(m->figures[0].date, "2024-03-02");
	rc_result_free(res);
}
END_TEST

START_TEST(many_reports_few_figures)
{
	/* 3,000 reports over three days, four sources with a figure each per
	 * day: 12 figures, and a handful of conflicts, not millions of pairs */
	enum { N = 3000 };
	static const char *const who[] = {"police", "the ministry", "a hospital", NULL};
	rc_record **r = malloc(N * sizeof *r);
	for (int i = 0; i < N; i++) {
		int day = i % 3, src = (i / 3) % 4;
		double v = 100 + 20 * day + 7 * src;
		char doc[32], date[16], text[16];
		snprintf(doc, sizeof doc, "many-%05d", i);
		snprintf(date, sizeof date, "2024-03-%02d", 2 + day);
		snprintf(text, sizeof text, "%.0f", v);
		r[i] = report(doc, date, "Valley Post", ONE("killed", text, v, v, who[src]));
	}
	rc_result *res = reconcile(r, N, NULL);
	free(r);
	const rc_metric_result *m = metric(res, "killed");
	ck_assert_uint_eq(m->n_claims, N);
	ck_assert_uint_eq(m->n_figures, 12);
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_CONTRADICTION), 3);
	ck_assert_uint_le(m->n_conflicts, 6);
	for (size_t i = 0; i < m->n_figures; i++)
		ck_assert_uint_eq(m->figures[i].n_claims, N / 12);
	const rc_conflict *c = first_kind(m, RC_CONFLICT_CONTRADICTION);
	ck_assert_uint_eq(c->n_figures, 4);
	ck_assert_str_eq(m->current->rec->published, "2024-03-04");
	rc_result_free(res);
}
END_TEST

/* "Together the two storms killed 140" read with only one of its events
 * found: an aggregate all the same, never a figure of that event. */
START_TEST(aggregate_with_one_event_is_no_figure_of_it)
{
	spec both[] = {
		{"killed", "at least 30", 30, -1, "police", RC_CLAIM_CURRENT, -1, NULL},
		{"killed", "140", 140, 140, NULL, RC_CLAIM_AGGREGATE, -1, NULL},
	};
	rc_record *r[] = {report("agg", "2024-03-02", "Valley Post", both, 2)};
	rc_result *res = reconcile(r, 1, NULL);
	const rc_metric_result *m = metric(res, "killed");
	ck_assert_uint_eq(m->n_claims, 1);
	ck_assert_str_eq(m->claims[0]->claim->text, "at least 30");
	ck_assert(!m->range.hi_incl && m->range.hi_inf);
	ck_assert_uint_eq(res->events[0].n_aggregates, 1);
	const rc_aggregate *ag = &res->events[0].aggregates[0];
	ck_assert_str_eq(ag->ref->claim->text, "140");
	ck_assert_uint_eq(ag->n_events, 1);
	ck_assert_str_eq(ag->events[0], EVENT);
	ck_assert_int_eq(ag->verdict, RC_AGG_UNDETERMINED);
	ck_assert_uint_eq(res->n_unlinked, 0);
	rc_result_free(res);
}
END_TEST

/* Undated reports whose texts say when they were written: a retrospective
 * "a year on" is later than the first days' reports, and its figure is
 * current; an estimated open figure that a more precise undated one meets
 * gives way to it. */
START_TEST(estimated_time_orders_undated_reports)
{
	rc_record *r[] = {
		report("e-1", "2024-03-01", "Valley Post", ONE("killed", "20", 20, 20, "police")),
		report("e-2", NULL, "Hill Courier", ONE("killed", "31", 31, 31, "police")),
		report("e-3", NULL, "River Times", ONE("killed", "27", 27, 27, "police")),
	};
	r[2]->time_hint = "P365D"; /* "A year on" */
	rc_result *res = reconcile(r, 3, NULL);
	const rc_metric_result *m = metric(res, "killed");
	ck_assert_str_eq(m->current->claim->text, "27");
	ck_assert_uint_eq(m->n_figures, 3);
	ck_assert_str_eq(m->figures[1].date, "2025-03-01");
	ck_assert(m->figures[1].estimated);
	ck_assert(!m->figures[0].estimated);
	ck_assert_ptr_null(m->figures[2].date);
	ck_assert_uint_eq(count_kind(m, RC_CONFLICT_CONTRADICTION), 0);
	rc_result_free(res);
	/* a stated year no later than the event dates nothing */
	rc_record *s[] = {
		report("f-1", "2024-03-01", "Valley Post", ONE("killed", "12", 12, 12, "police")),
		report("f-2", NULL, "Hill Courier", ONE("killed", "more than 20", 21, -1, "police")),
		report("f-3", NULL, "River Times", ONE("killed", "26", 26, 26, "police")),
	};
	s[1]->time_hint = "1990 2024-06";
	res = reconcile(s, 3, NULL);
	m = metric(res, "killed");
	ck_assert(m->figures[1].estimated);
	ck_assert_str_eq(m->figures[1].date, "2024-06-01");
	/* "more than 20" is the latest, dated only by its text: the undated,
	 * more precise 26 that meets it is quoted */
	ck_assert_str_eq(m->current->claim->text, "26");
	ck_assert_ptr_nonnull(strstr(mwhy(m), "dated only by its text"));
	rc_result_free(res);
	long day;
	long long t;
	rc__estimated_time("1990", "2024-03-01", &day, &t);
	ck_assert(day == RC__UNDATED);
	rc__estimated_time("P49D", "2024-03", &day, &t);
	ck_assert(day != RC__UNDATED);
}
END_TEST

/* The missing fall as people are found: a later vague report ("hundreds
 * still missing") is current over an earlier precise one ("nearly 600"),
 * while a toll's later summary ("more than 300") keeps the precise 340. */
START_TEST(missing_fall_tolls_rise)
{
	rc_record *r[] = {
		report("m-1", "2024-03-05", "Valley Post", ONE("missing", "nearly 600", 540, 600, NULL)),
		report("m-2", "2024-04-20", "Hill Courier", ONE("missing", "hundreds", 200, -1, NULL)),
	};
	((rc_claim *)r[1]->claims)[0].q.vague = true;
	rc_result *res = reconcile(r, 2, NULL);
	const rc_metric_result *m = metric(res, "missing");
	ck_assert_str_eq(m->current->claim->text, "hundreds");
	rc_result_free(res);
	rc_record *s[] = {
		report("k-1", "2024-03-05", "Valley Post", ONE("injured", "340", 340, 340, NULL)),
		report("k-2", "2024-04-20", "Hill Courier", ONE("injured", "hundreds", 200, -1, NULL)),
	};
	((rc_claim *)s[1]->claims)[0].q.vague = true;
	res = reconcile(s, 2, NULL);
	m = metric(res, "injured");
	ck_assert_str_eq(m->current->claim->text, "340");
	rc_result_free(res);
	/* the missing falling from 17 to 8 is a progression (people found),
	 * not a revision; the injured falling so is a revision */
	const char *metrics[] = {"missing", "injured"};
	for (size_t i = 0; i < 2; i++) {
		rc_record *f[] = {
			report("f-1", "2024-03-05", "Valley Post", ONE(metrics[i], "17", 17, 17, "police")),
			report("f-2", "2024-03-07", "Hill Courier", ONE(metrics[i], "eight", 8, 8, "police")),
		};
		res = reconcile(f, 2, NULL);
		m = metric(res, metrics[i]);
		ck_assert_str_eq(m->current->claim->text, "eight");
		ck_assert_uint_eq(m->n_conflicts, 1);
		ck_assert_int_eq(m->conflicts[0].kind, i ? RC_CONFLICT_REVISION : RC_CONFLICT_PROGRESSION);
		if (!i)
			ck_assert_str_eq(cwhy(&m->conflicts[0]),
			                 "17 fell to eight over 2 days, as the missing are found or accounted for");
		rc_result_free(res);
	}
}
END_TEST

/* An event its merge dates only to its month takes its day from the month
 * and day its undated reports give, in the year of its first dated report
 * and at most a week before it: "Thursday" then dates a report. */
START_TEST(event_day_from_its_reports)
{
	rc_record *r[] = {
		report("g-1", "2024-03-04", "Valley Post", ONE("killed", "20", 20, 20, "police")),
		report("g-2", NULL, "Hill Courier", ONE("killed", "31", 31, 31, "police")),
		report("g-3", NULL, "River Times", ONE("killed", "about 25", 25, 25, "police")),
	};
	for (size_t i = 0; i < 3; i++)
		r[i]->mentions[0].date = "2024-03";
	r[1]->time_hint = "--03-02 W3"; /* "on March 2", "on Thursday" */
	r[2]->time_hint = "--03-02 --02-20";
	rc_result *res = reconcile(r, 3, NULL);
	const rc_metric_result *m = metric(res, "killed");
	/* the event happened on Saturday 2 March by its reports; g-2 is no
	 * earlier than Thursday 7 March, after g-1 */
	ck_assert_str_eq(m->current->claim->text, "31");
	ck_assert_str_eq(m->figures[m->n_figures - 2].date, "2024-03-07");
	rc_result_free(res);
	/* without a dated report nothing anchors the day: g-2 stays undated */
	rc_record *s[] = {
		report("h-1", NULL, "Valley Post", ONE("killed", "20", 20, 20, "police")),
		report("h-2", NULL, "Hill Courier", ONE("killed", "31", 31, 31, "police")),
	};
	for (size_t i = 0; i < 2; i++)
		s[i]->mentions[0].date = "2024-03";
	s[1]->time_hint = "--03-02 W3";
	res = reconcile(s, 2, NULL);
	m = metric(res, "killed");
	for (size_t i = 0; i < m->n_figures; i++)
		ck_assert(!m->figures[i].date || strcmp(m->figures[i].date, "2024-03-07") != 0);
	rc_result_free(res);
}
END_TEST

/* A month and day without a year and a weekday date a report against its
 * event's day: "June 19" of an event on Wednesday 2023-06-14 is
 * 2023-06-19, "Thursday" is the day after it, "January 3" of a December
 * event is in the next year; a month and day far from the event (another
 * event's anniversary) or before it, and a weekday of an event dated only
 * to its month, date nothing. */
START_TEST(month_day_and_weekday_date_a_report)
{
	long day, want;
	long long t;
	rc__estimated_time("--06-19", "2023-06-14", &day, &t);
	rc__report_time("2023-06-19", &want, &t);
	ck_assert_int_eq(day, want);
	rc__estimated_time("W3", "2023-06-14", &day, &t); /* 2023-06-14 was a Wednesday */
	rc__report_time("2023-06-15", &want, &t);
	ck_assert_int_eq(day, want);
	rc__estimated_time("W2", "2023-06-14", &day, &t); /* the event's own day */
	ck_assert(day == RC__UNDATED);
	rc__estimated_time("W06 --06-16", "2023-06-14", &day, &t); /* Monday 19th, Sunday 18th, 16th */
	rc__report_time("2023-06-19", &want, &t);
	ck_assert_int_eq(day, want);
	rc__estimated_time("--01-03", "2023-12-28", &day, &t);
	rc__report_time("2024-01-03", &want, &t);
	ck_assert_int_eq(day, want);
	rc__estimated_time("--11-13", "2023-03-22", &day, &t); /* eight months on: another event's */
	ck_assert(day == RC__UNDATED);
	rc__estimated_time("--03-01", "2023-03-22", &day, &t); /* before the event */
	ck_assert(day == RC__UNDATED);
	rc__estimated_time("W4", "2023-03", &day, &t);
	ck_assert(day == RC__UNDATED);
	rc__estimated_time("--02-30", "2023-02-10", &day, &t);
	ck_assert(day == RC__UNDATED);
	rc__estimated_time("--03-24", "2023-03", &day, &t); /* an event dated to its month */
	rc__report_time("2023-03-24", &want, &t);
	ck_assert_int_eq(day, want);
}
END_TEST

/* "Eight years ago, a fire in the same town killed 64": a figure the text
 * recalls from an earlier event, linked to the event the document reports
 * (by the town), is reconciled apart, never in that event's range; one
 * that names the event's own year stays ("the March 2024 bombing, in which
 * 30 died", in a later report). */
START_TEST(recalled_figure_is_not_the_news_event)
{
	spec three[] = {
		{"killed", "at least 30", 30, -1, "police", RC_CLAIM_CURRENT, -1, NULL},
		{"killed", "64", 64, 64, NULL, RC_CLAIM_CURRENT, -1, NULL},
		{"killed", "30", 30, 30, NULL, RC_CLAIM_CURRENT, -1, NULL},
	};
	rc_record *r[] = {report("bg", "2024-03-02", "Valley Post", three, 3)};
	r[0]->claims[1].background = true;
	r[0]->claims[2].background = true;
	r[0]->claims[2].year = 2024;
	rc_result *res = reconcile(r, 1, NULL);
	const rc_metric_result *m = metric(res, "killed");
	ck_assert_uint_eq(m->n_claims, 2);
	ck_assert(m->range.lo == 30 && m->range.hi_inf);
	const rc_metric_result *e = metric(res, "killed (other event)");
	ck_assert_uint_eq(e->n_claims, 1);
	ck_assert_str_eq(e->claims[0]->claim->text, "64");
	ck_assert_uint_eq(gate_findings(res), 0);
	rc_result_free(res);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("reconcile");
	TCase *t = tcase_create("figures");
	tcase_set_timeout(t, 120);
	tcase_add_test(t, rising_toll_is_a_progression);
	tcase_add_test(t, same_ministry_revises_down);
	tcase_add_test(t, text_revision_is_never_current);
	tcase_add_test(t, text_revision_to_its_own_source);
	tcase_add_test(t, same_day_26_and_34_contradict);
	tcase_add_test(t, one_source_twice_is_no_contradiction);
	tcase_add_test(t, official_against_monitor_is_a_dispute);
	tcase_add_test(t, headline_said_short_is_no_contradiction);
	tcase_add_test(t, part_is_not_compared_with_total);
	tcase_add_test(t, increments_are_never_rivals);
	tcase_add_test(t, undated_report_kept_apart);
	tcase_add_test(t, later_less_precise_report_confirms);
	tcase_add_test(t, figure_revised_later_still_disagreed_that_day);
	tcase_add_test(t, figure_replaced_in_its_own_report_is_no_contradiction);
	tcase_add_test(t, unexplained_drop_does_not_lead);
	tcase_add_test(t, undated_precise_figure_confirms);
	tcase_add_test(t, report_times);
	tcase_add_test(t, many_reports_few_figures);
	tcase_add_test(t, aggregate_with_one_event_is_no_figure_of_it);
	tcase_add_test(t, estimated_time_orders_undated_reports);
	tcase_add_test(t, month_day_and_weekday_date_a_report);
	tcase_add_test(t, event_day_from_its_reports);
	tcase_add_test(t, missing_fall_tolls_rise);
	tcase_add_test(t, recalled_figure_is_not_the_news_event);
	suite_add_tcase(s, t);
	return rc_test_run(s);
}
