/*
 * The reconciler end to end through the public API: records extracted from
 * the seed articles and from fixtures/reconcile/articles.jsonl (a revision
 * chain, a rising toll, a contradiction, two syndicated copies, an
 * aggregate that does not add up) are reconciled and the per-event, per-
 * metric results checked; then the properties: the result (as JSON bytes)
 * does not depend on record order or on how the records were sharded, the
 * core lies inside the range, and the range holds every current figure.
 * The MinHash signatures are tested on near-identical and different texts.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "support.h"
#include <recount/recount.h>
#include "record/signature.h"

typedef struct corpus {
	rc_document **docs;
	size_t n;
} corpus;

static void load(corpus *c, const char *rel)
{
	rc_reader *r;
	rc_error err;
	const char *in[] = {rc_test_fixture(rel)};
	rc_ingest_options io = RC_INGEST_OPTIONS_INIT;
	ck_assert_int_eq(rc_reader_new(&r, &io, in, 1, &err), RC_OK);
	rc_document *doc;
	while (rc_reader_next(r, &doc, &err) == RC_OK && doc) {
		c->docs = realloc(c->docs, (c->n + 1) * sizeof(*c->docs));
		c->docs[c->n++] = doc;
	}
	rc_reader_free(r);
	ck_assert_uint_gt(c->n, 0);
}

static void dispose(corpus *c)
{
	for (size_t i = 0; i < c->n; i++)
		rc_document_free(c->docs[i]);
	free(c->docs);
	memset(c, 0, sizeof *c);
}

/* Extract the documents in the order perm gives (identity when NULL) and
 * reconcile them. */
static rc_result *reconcile(const corpus *c, const size_t *perm, const rc_reconcile_options *o)
{
	rc_extractor *ex;
	rc_error err;
	ck_assert_int_eq(rc_extractor_new(&ex, NULL, &err), RC_OK);
	rc_record **recs = calloc(c->n, sizeof *recs);
	for (size_t i = 0; i < c->n; i++)
		ck_assert_int_eq(rc_record_extract(&recs[i], ex, c->docs[perm ? perm[i] : i], &err), RC_OK);
	rc_extractor_free(ex);
	rc_result *res;
	rc_reconcile_options def = RC_RECONCILE_OPTIONS_INIT;
	ck_assert_int_eq(rc_reconcile(&res, recs, c->n, o ? o : &def, &err), RC_OK);
	free(recs);
	return res;
}

static char *to_json(const rc_result *res)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	rc_error err;
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(rc_report_write_json(fp, res, NULL, &err), RC_OK);
	fclose(fp);
	return buf;
}

/* The event whose id starts with prefix. */
static const rc_event *event(const rc_result *res, const char *prefix)
{
	for (size_t i = 0; i < res->n_events; i++)
		if (strncmp(res->events[i].id, prefix, strlen(prefix)) == 0)
			return &res->events[i];
	ck_abort_msg("no event %s", prefix);
	return NULL;
}

static const rc_metric_result *metric(const rc_event *ev, const char *name)
{
	for (size_t i = 0; i < ev->n_metrics; i++)
		if (strcmp(ev->metrics[i].metric, name) == 0)
			return &ev->metrics[i];
	ck_abort_msg("event %s has no metric %s", ev->id, name);
	return NULL;
}

/* The conflict of m between figures x and y (either order), or NULL. */
static const rc_conflict *conflict(const rc_metric_result *m, const char *x, const char *y)
{
	for (size_t i = 0; i < m->n_conflicts; i++) {
		const rc_conflict *c = &m->conflicts[i];
		bool hx = false, hy = false;
		for (size_t k = 0; k < c->n_claims; k++) {
			hx |= strcmp(c->claims[k]->claim->text, x) == 0;
			hy |= strcmp(c->claims[k]->claim->text, y) == 0;
		}
		if (hx && hy)
			return c;
	}
	return NULL;
}

static const rc_claim_ref *claim(const rc_metric_result *m, const char *text)
{
	for (size_t i = 0; i < m->n_claims; i++)
		if (strcmp(m->claims[i]->claim->text, text) == 0)
			return m->claims[i];
	return NULL;
}

START_TEST(seeds_kerman)
{
	corpus c = {0};
	load(&c, "seeds");
	rc_result *res = reconcile(&c, NULL, NULL);
	const rc_metric_result *m = metric(event(res, "kerman-2024-01-03"), "killed");
	/* every figure, with its source and date */
	const rc_claim_ref *a = claim(m, "84"), *b = claim(m, "over 90"), *n = claim(m, "nearly 100");
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_nonnull(n);
	ck_assert_str_eq(a->rec->published, "2024-01-06");
	ck_assert_str_eq(n->rec->published, "2024-01-19");
	ck_assert_str_eq(n->claim->attribution, "Intelligence Ministry");
	ck_assert_str_eq(b->rec->doc, "001_827336abbb4de479");
	/* 84 on 6 January and nearly 100 on 19 January: a rising toll, not a
	 * contradiction; "over 90" comes from an undated report and is kept
	 * apart */
	const rc_conflict *k = conflict(m, "84", "nearly 100");
	ck_assert_ptr_nonnull(k);
	ck_assert_str_eq(rc_conflict_kind_str(k->kind), "progression");
	char why[256];
	ck_assert_uint_gt(rc_conflict_why(k, why, sizeof why), 0);
	ck_assert_ptr_null(conflict(m, "84", "over 90"));
	ck_assert_ptr_null(conflict(m, "over 90", "nearly 100"));
	/* the current figure: the latest report's */
	ck_assert_ptr_eq(m->current, n);
	ck_assert(m->best == 100);
	/* the range: 84 up, "over 90" is open above */
	ck_assert(!m->range.lo_inf && m->range.lo == 84 && m->range.lo_incl);
	ck_assert(m->range.hi_inf);
	ck_assert(!m->has_core);
	ck_assert_uint_ge(m->documents, 3);
	ck_assert_uint_ge(m->n_timeline, 3);
	/* the timeline: by report date, undated last */
	for (size_t i = 1; i < m->n_timeline; i++) {
		const char *p = m->timeline[i - 1]->rec->published, *q = m->timeline[i]->rec->published;
		ck_assert(q == NULL || (p != NULL && strcmp(p, q) <= 0));
	}
	rc_result_free(res);
	dispose(&c);
}
END_TEST

START_TEST(seeds_moscow_qom_aggregate)
{
	corpus c = {0};
	load(&c, "seeds");
	rc_result *res = reconcile(&c, NULL, NULL);
	const rc_metric_result *m = metric(event(res, "moscow"), "killed");
	ck_assert(!m->range.lo_inf && m->range.lo == 144 && m->range.lo_incl && m->range.hi_inf);
	m = metric(event(res, "qom"), "arrested");
	ck_assert(!m->range.lo_inf && !m->range.hi_inf && m->range.lo == 2 && m->range.hi == 2);
	ck_assert(m->has_estimates && m->best == 2);
	/* "over 230" over Moscow and Kerman */
	const rc_aggregate *ag = NULL;
	for (size_t e = 0; e < res->n_events; e++)
		for (size_t i = 0; i < res->events[e].n_aggregates; i++)
			if (strcmp(res->events[e].aggregates[i].ref->claim->text, "over 230") == 0)
				ag = &res->events[e].aggregates[i];
	ck_assert_ptr_nonnull(ag);
	ck_assert_uint_eq(ag->n_events, 2);
	/* Kerman from 84 plus Moscow from 144: at least 228, open above */
	ck_assert(ag->parts.lo == 228 && ag->parts.hi_inf);
	ck_assert_str_eq(rc_aggregate_verdict_str(ag->verdict), "consistent");
	rc_result_free(res);
	dispose(&c);
}
END_TEST

START_TEST(fixture_scenarios)
{
	corpus c = {0};
	load(&c, "reconcile/articles.jsonl");
	rc_result *res = reconcile(&c, NULL, NULL);
	ck_assert_uint_eq(res->documents_read, 9);
	/* a revision chain: 31 then "down to 29 from 31"; the superseded 31
	 * leaves the core and only revisions are reported */
	const rc_metric_result *m = metric(event(res, "peshawar-2024-05-01"), "killed");
	ck_assert_uint_ge(m->n_conflicts, 1);
	for (size_t i = 0; i < m->n_conflicts; i++)
		ck_assert_int_eq(m->conflicts[i].kind, RC_CONFLICT_REVISION);
	ck_assert(m->has_core && m->core.lo == 29 && m->core.hi == 29);
	ck_assert(m->range.lo == 29 && m->range.hi == 31);
	ck_assert(m->best == 29);
	ck_assert_str_eq(m->current->claim->text, "29");
	/* a rising toll: 12, then 40 a week later */
	m = metric(event(res, "baghdad-2024-06-01"), "killed");
	const rc_conflict *k = conflict(m, "12", "40");
	ck_assert_ptr_nonnull(k);
	ck_assert_int_eq(k->kind, RC_CONFLICT_PROGRESSION);
	ck_assert_str_eq(k->claims[0]->claim->text, "12");
	/* a real contradiction: 20 and 55 the same day */
	m = metric(event(res, "kabul-2024-07-08"), "killed");
	k = conflict(m, "20", "55");
	ck_assert_ptr_nonnull(k);
	ck_assert_int_eq(k->kind, RC_CONFLICT_CONTRADICTION);
	ck_assert(!m->has_core);
	ck_assert_str_eq(k->date, "2024-07-08");
	/* both sources are officials: the current figure is one of them, and
	 * low and high span the two */
	ck_assert(m->has_estimates && m->low == 20 && m->high == 55 && (m->best == 20 || m->best == 55));
	/* two syndicated copies: two documents, one origin */
	m = metric(event(res, "zahedan-2024-08-12"), "killed");
	ck_assert_uint_eq(m->documents, 2);
	ck_assert_uint_eq(m->origins, 1);
	ck_assert_uint_eq(m->n_conflicts, 0);
	/* over 500 against Peshawar (29-31) plus Baghdad (12-40) */
	const rc_aggregate *ag = NULL;
	for (size_t e = 0; e < res->n_events; e++)
		for (size_t i = 0; i < res->events[e].n_aggregates; i++)
			ag = &res->events[e].aggregates[i];
	ck_assert_ptr_nonnull(ag);
	ck_assert_int_eq(ag->verdict, RC_AGG_INCONSISTENT);
	ck_assert(ag->parts.lo == 41 && ag->parts.hi == 71);
	rc_result_free(res);
	dispose(&c);
}
END_TEST

START_TEST(options_change_results)
{
	corpus c = {0};
	load(&c, "reconcile/articles.jsonl");
	/* conservative: the lowest credible figure; median: their middle;
	 * current (the default): the current figure */
	rc_reconcile_options o = {.version = RC_RECONCILE_OPTIONS_VERSION, .best = RC_BEST_CONSERVATIVE};
	rc_result *res = reconcile(&c, NULL, &o);
	ck_assert(metric(event(res, "kabul-2024-07-08"), "killed")->best == 20);
	rc_result_free(res);
	o.best = RC_BEST_MEDIAN;
	res = reconcile(&c, NULL, &o);
	ck_assert(metric(event(res, "kabul-2024-07-08"), "killed")->best == 37.5);
	rc_result_free(res);
	o.best = RC_BEST_CURRENT;
	res = reconcile(&c, NULL, &o);
	ck_assert(metric(event(res, "baghdad-2024-06-01"), "killed")->best == 40);
	rc_result_free(res);
	/* windows of eight days make the rising toll of 1 and 8 June "the same
	 * time" */
	o = (rc_reconcile_options){.version = RC_RECONCILE_OPTIONS_VERSION, .window_days = 8};
	res = reconcile(&c, NULL, &o);
	const rc_conflict *k = conflict(metric(event(res, "baghdad-2024-06-01"), "killed"), "12", "40");
	ck_assert_ptr_nonnull(k);
	ck_assert_int_eq(k->kind, RC_CONFLICT_CONTRADICTION);
	rc_result_free(res);
	/* a threshold above 1 keeps the syndicated copies apart */
	o = (rc_reconcile_options){.version = RC_RECONCILE_OPTIONS_VERSION, .duplicate_threshold = 1.01};
	res = reconcile(&c, NULL, &o);
	ck_assert_uint_eq(metric(event(res, "zahedan-2024-08-12"), "killed")->origins, 2);
	rc_result_free(res);
	dispose(&c);
}
END_TEST

static bool inside(const rc_interval *in, const rc_interval *out)
{
	if (!out->lo_inf && (in->lo_inf || in->lo < out->lo || (in->lo == out->lo && in->lo_incl && !out->lo_incl)))
		return false;
	if (!out->hi_inf && (in->hi_inf || in->hi > out->hi || (in->hi == out->hi && in->hi_incl && !out->hi_incl)))
		return false;
	return true;
}

static void check_invariants(const rc_result *res)
{
	for (size_t e = 0; e < res->n_events; e++)
		for (size_t i = 0; i < res->events[e].n_metrics; i++) {
			const rc_metric_result *m = &res->events[e].metrics[i];
			if (m->has_core)
				ck_assert_msg(inside(&m->core, &m->range), "%s %s: core outside range",
				              res->events[e].id, m->metric);
			for (size_t k = 0; k < m->n_claims; k++) {
				const rc_claim *cl = m->claims[k]->claim;
				if (cl->status == RC_CLAIM_CURRENT && !cl->q.vague)
					ck_assert_msg(inside(m->claims[k]->effective, &m->range),
					              "%s %s: %s outside range", res->events[e].id, m->metric, cl->text);
			}
			if (m->has_estimates) {
				ck_assert(m->low <= m->best && m->best <= m->high);
				/* the current figure is never superseded or revised */
				ck_assert(m->current && m->current->claim->status == RC_CLAIM_CURRENT && !m->current->revised);
			}
			for (size_t k = 0; k < m->n_conflicts; k++) {
				ck_assert_uint_ge(m->conflicts[k].n_claims, 2);
				ck_assert_uint_eq(m->conflicts[k].n_claims, m->conflicts[k].n_figures);
				/* a contradiction is of one time window */
				if (m->conflicts[k].kind == RC_CONFLICT_CONTRADICTION)
					for (size_t x = 0; x < m->conflicts[k].n_figures; x++)
						ck_assert((m->conflicts[k].date == NULL) == (m->conflicts[k].figures[x]->date == NULL));
			}
			/* every current and superseded claim in exactly one figure */
			size_t in_figures = 0, figured = 0;
			for (size_t g = 0; g < m->n_figures; g++)
				in_figures += m->figures[g].n_claims;
			for (size_t x = 0; x < m->n_claims; x++)
				figured += m->claims[x]->claim->status == RC_CLAIM_CURRENT ||
				           m->claims[x]->claim->status == RC_CLAIM_SUPERSEDED;
			ck_assert_uint_eq(in_figures, figured);
		}
}

/* A fixed-seed shuffle: the test is repeatable. */
static void shuffle(size_t *p, size_t n, unsigned long long *state)
{
	for (size_t i = n; i > 1; i--) {
		*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
		size_t j = (size_t)((*state >> 33) % i);
		size_t t = p[i - 1];
		p[i - 1] = p[j];
		p[j] = t;
	}
}

static void order_independent(const char *rel)
{
	corpus c = {0};
	load(&c, rel);
	rc_result *res = reconcile(&c, NULL, NULL);
	check_invariants(res);
	char *want = to_json(res);
	rc_result_free(res);
	size_t *perm = malloc(c.n * sizeof *perm);
	unsigned long long state = 42;
	for (int trial = 0; trial < 8; trial++) {
		for (size_t i = 0; i < c.n; i++)
			perm[i] = i;
		shuffle(perm, c.n, &state);
		res = reconcile(&c, perm, NULL);
		check_invariants(res);
		char *got = to_json(res);
		ck_assert_msg(strcmp(got, want) == 0, "%s: trial %d differs", rel, trial);
		free(got);
		rc_result_free(res);
	}
	free(perm);
	free(want);
	dispose(&c);
}

START_TEST(order_independent_seeds)
{
	order_independent("seeds");
}
END_TEST

START_TEST(order_independent_fixtures)
{
	order_independent("reconcile/articles.jsonl");
}
END_TEST

/* Records written as claims JSONL in three shards and read back in reverse
 * shard order reconcile to the same bytes as one run over the documents. */
START_TEST(shards_equal_one_run)
{
	corpus c = {0};
	load(&c, "reconcile/articles.jsonl");
	rc_result *res = reconcile(&c, NULL, NULL);
	char *want = to_json(res);
	rc_result_free(res);
	rc_extractor *ex;
	rc_error err;
	ck_assert_int_eq(rc_extractor_new(&ex, NULL, &err), RC_OK);
	char paths[3][64];
	FILE *fp[3];
	for (int s = 0; s < 3; s++) {
		snprintf(paths[s], sizeof paths[s], "reconcile-shard-%d-%ld.jsonl", s, (long)getpid());
		fp[s] = fopen(paths[s], "w");
		ck_assert_ptr_nonnull(fp[s]);
	}
	size_t docs[3] = {0}, claims[3] = {0};
	for (size_t i = 0; i < c.n; i++) {
		rc_record *rec;
		ck_assert_int_eq(rc_record_extract(&rec, ex, c.docs[i], &err), RC_OK);
		ck_assert_int_eq(rc_record_write_jsonl(fp[(i * 7) % 3], rec, true, &err), RC_OK);
		docs[(i * 7) % 3]++;
		claims[(i * 7) % 3] += rec->n_claims;
		rc_record_free(rec);
	}
	rc_extractor_free(ex);
	for (int s = 0; s < 3; s++) {
		ck_assert_int_eq(rc_record_write_end(fp[s], docs[s], claims[s], &err), RC_OK);
		fclose(fp[s]);
	}
	const char *in[] = {paths[2], paths[1], paths[0]};
	rc_record_reader *rr;
	ck_assert_int_eq(rc_record_reader_new(&rr, in, 3, &err), RC_OK);
	rc_record **recs = NULL;
	size_t n = 0;
	rc_record *rec;
	while (rc_record_reader_next(rr, &rec, &err) == RC_OK && rec) {
		recs = realloc(recs, (n + 1) * sizeof *recs);
		recs[n++] = rec;
	}
	size_t nd;
	rc_record_reader_diags(rr, &nd);
	ck_assert_uint_eq(nd, 0);
	rc_record_reader_free(rr);
	ck_assert_uint_eq(n, c.n);
	rc_reconcile_options o = RC_RECONCILE_OPTIONS_INIT;
	ck_assert_int_eq(rc_reconcile(&res, recs, n, &o, &err), RC_OK);
	free(recs);
	char *got = to_json(res);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	rc_result_free(res);
	for (int s = 0; s < 3; s++)
		remove(paths[s]);
	dispose(&c);
}
END_TEST

/* The figure pass on several threads gives the same bytes as on one, and
 * a version 1 options struct (which has no threads) is read as one. */
static void threads_equal_one(const char *rel)
{
	corpus c = {0};
	load(&c, rel);
	rc_result *res = reconcile(&c, NULL, NULL);
	char *want = to_json(res);
	rc_result_free(res);
	static const unsigned threads[] = {1, 2, 3, 4, 8};
	for (size_t t = 0; t < sizeof threads / sizeof *threads; t++) {
		rc_reconcile_options o = RC_RECONCILE_OPTIONS_INIT;
		o.threads = threads[t];
		res = reconcile(&c, NULL, &o);
		ck_assert_uint_eq(res->options.threads, threads[t]);
		char *got = to_json(res);
		ck_assert_msg(strcmp(got, want) == 0, "%s: %u threads differ", rel, threads[t]);
		free(got);
		rc_result_free(res);
	}
	rc_reconcile_options v1 = RC_RECONCILE_OPTIONS_INIT;
	v1.version = 1;
	v1.threads = 0xdeadbeefu;   /* past a version 1 caller's struct: never read */
	res = reconcile(&c, NULL, &v1);
	ck_assert_uint_eq(res->options.version, RC_RECONCILE_OPTIONS_VERSION);
	ck_assert_uint_eq(res->options.threads, 0);
	char *got = to_json(res);
	ck_assert_str_eq(got, want);
	free(got);
	rc_result_free(res);
	rc_error err;
	memset(&v1, 0xa5, sizeof v1);
	ck_assert_int_eq(rc_reconcile_options_init(&v1, 1, &err), RC_OK);
	ck_assert_uint_eq(v1.version, 1);
	ck_assert_uint_eq(v1.threads, 0xa5a5a5a5u);   /* a version 1 struct ends before it */
	free(want);
	dispose(&c);
}

START_TEST(threads_equal_one_seeds)
{
	threads_equal_one("seeds");
}
END_TEST

START_TEST(threads_equal_one_fixtures)
{
	threads_equal_one("reconcile/articles.jsonl");
}
END_TEST

START_TEST(empty_input)
{
	rc_result *res;
	rc_error err;
	rc_reconcile_options o = RC_RECONCILE_OPTIONS_INIT;
	ck_assert_int_eq(rc_reconcile(&res, NULL, 0, &o, &err), RC_OK);
	ck_assert_uint_eq(res->n_events, 0);
	ck_assert_uint_eq(res->n_unlinked, 0);
	char *js = to_json(res);
	ck_assert_ptr_nonnull(strstr(js, "\"recount.report/1\""));
	free(js);
	rc_result_free(res);
	rc_result_free(NULL);
}
END_TEST

static const char WIRE[] =
	"Gunmen attacked a police station in the southeastern city on Monday, killing seven officers "
	"and wounding fifteen others, local officials said. The attackers fled on motorcycles and a "
	"manhunt was under way across the province. Security in the area has been tightened since a "
	"string of similar incidents last year, and the border crossings were closed for the night "
	"while troops searched nearby villages and questioned dozens of residents about the raid, "
	"according to a statement released by the provincial governor on Tuesday morning.";

START_TEST(minhash_near_duplicates)
{
	uint32_t a[RC_MINHASH_K], b[RC_MINHASH_K], d[RC_MINHASH_K], e[RC_MINHASH_K];
	rc__minhash(a, WIRE, strlen(WIRE));
	/* case, punctuation and spacing do not count */
	char *copy = strdup(WIRE);
	for (char *p = copy; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
		else if (*p == ',')
			*p = ' ';
	rc__minhash(b, copy, strlen(copy));
	ck_assert(rc__minhash_similarity(a, b) == 1.0);
	/* one word changed in a 80-word story: still a near-duplicate */
	char *edit = strdup(WIRE);
	memcpy(strstr(edit, "Monday"), "Sunday", 6);
	rc__minhash(b, edit, strlen(edit));
	double s = rc__minhash_similarity(a, b);
	ck_assert_msg(s >= 0.8 && s < 1.0, "one word changed: %f", s);
	/* a different story: far apart */
	static const char OTHER[] = "The central bank raised interest rates by half a point on Thursday, "
	                            "citing inflation that has stayed above its target for a year.";
	rc__minhash(d, OTHER, strlen(OTHER));
	ck_assert_msg(rc__minhash_similarity(a, d) < 0.2, "different: %f", rc__minhash_similarity(a, d));
	/* the same story with its second half rewritten: below the threshold */
	char half[sizeof WIRE];
	memcpy(half, WIRE, sizeof WIRE);
	char *mid = strstr(half, "Security");
	strcpy(mid, "Officials gave no further details and a curfew was declared in the old quarter of town.");
	rc__minhash(e, half, strlen(half));
	ck_assert_msg(rc__minhash_similarity(a, e) < 0.8, "half rewritten: %f", rc__minhash_similarity(a, e));
	/* an empty text matches nothing, not even another empty text */
	rc__minhash(d, "", 0);
	rc__minhash(e, "  ,, ", 5);
	ck_assert(rc__minhash_similarity(d, e) == 0.0);
	/* deterministic */
	rc__minhash(b, WIRE, strlen(WIRE));
	ck_assert_int_eq(memcmp(a, b, sizeof a), 0);
	free(copy);
	free(edit);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("reconcile");
	TCase *t = tcase_create("reduce");
	tcase_set_timeout(t, 120);
	tcase_add_test(t, seeds_kerman);
	tcase_add_test(t, seeds_moscow_qom_aggregate);
	tcase_add_test(t, fixture_scenarios);
	tcase_add_test(t, options_change_results);
	tcase_add_test(t, order_independent_seeds);
	tcase_add_test(t, order_independent_fixtures);
	tcase_add_test(t, shards_equal_one_run);
	tcase_add_test(t, threads_equal_one_seeds);
	tcase_add_test(t, threads_equal_one_fixtures);
	tcase_add_test(t, empty_input);
	tcase_add_test(t, minhash_near_duplicates);
	suite_add_tcase(s, t);
	return rc_test_run(s);
}
