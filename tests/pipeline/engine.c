/*
 * The engine and the one-call API: defaults applied in one place, option
 * versions checked, a broken --rules file named, and rc_run_documents()
 * giving the same result as the map step and rc_reconcile() by hand.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <recount/recount.h>
#include "support.h"

START_TEST(defaults_resolved_once)
{
	rc_engine_options o = RC_ENGINE_OPTIONS_INIT;
	ck_assert_uint_eq(o.version, RC_ENGINE_OPTIONS_VERSION);
	rc_engine_options_resolve(&o);
	ck_assert(o.approx_tolerance == RC_APPROX_TOLERANCE_DEFAULT);
	ck_assert_uint_eq(o.window_days, RC_WINDOW_DAYS_DEFAULT);
	ck_assert(o.duplicate_threshold == RC_DUPLICATE_THRESHOLD_DEFAULT);
	ck_assert_uint_eq(o.ingest.limits.max_document_bytes, RC_LIMIT_DOCUMENT_BYTES_DEFAULT);
	ck_assert_uint_eq(o.ingest.limits.max_claims_per_doc, RC_LIMIT_CLAIMS_PER_DOC_DEFAULT);
	ck_assert_uint_eq(o.ingest.limits.max_documents, 0);
	ck_assert_uint_ge(o.threads, 1);
	/* what is set stays */
	rc_engine_options p = RC_ENGINE_OPTIONS_INIT;
	p.approx_tolerance = 0.25;
	p.window_days = 3;
	rc_engine_options_resolve(&p);
	ck_assert(p.approx_tolerance == 0.25);
	ck_assert_uint_eq(p.window_days, 3);
	/* the engine and rc_reconcile() agree with it */
	rc_error err;
	rc_engine *e = NULL;
	ck_assert_int_eq(rc_engine_new(&e, NULL, &err), RC_OK);
	ck_assert(rc_engine_get_options(e)->duplicate_threshold == RC_DUPLICATE_THRESHOLD_DEFAULT);
	rc_result *res = NULL;
	rc_reconcile_options ro = RC_RECONCILE_OPTIONS_INIT;
	ck_assert_int_eq(rc_reconcile(&res, NULL, 0, &ro, &err), RC_OK);
	ck_assert_uint_eq(res->options.window_days, RC_WINDOW_DAYS_DEFAULT);
	ck_assert(res->options.duplicate_threshold == RC_DUPLICATE_THRESHOLD_DEFAULT);
	ck_assert(res->options.approx_tolerance == RC_APPROX_TOLERANCE_DEFAULT);
	rc_result_free(res);
	rc_engine_free(e);
}
END_TEST

START_TEST(versions_checked)
{
	rc_error err;
	rc_engine *e = NULL;
	rc_engine_options o = RC_ENGINE_OPTIONS_INIT;
	o.version = 0;     /* zero-initialised: not an options struct we know */
	ck_assert_int_eq(rc_engine_new(&e, &o, &err), RC_ERR_INVALID);
	ck_assert_ptr_null(e);
	o.version = RC_ENGINE_OPTIONS_VERSION + 1;
	ck_assert_int_eq(rc_engine_new(&e, &o, &err), RC_ERR_INVALID);
	ck_assert_int_eq(rc_engine_options_init(&o, RC_ENGINE_OPTIONS_VERSION + 1, &err), RC_ERR_INVALID);
	ck_assert_int_eq(rc_engine_options_init(&o, RC_ENGINE_OPTIONS_VERSION, &err), RC_OK);
	ck_assert_int_eq(rc_engine_new(&e, &o, &err), RC_OK);
	rc_run_options ro = RC_RUN_OPTIONS_INIT;
	ro.version = 7;
	rc_result *res = NULL;
	ck_assert_int_eq(rc_run_documents(&res, e, NULL, 0, &ro, &err), RC_ERR_INVALID);
	ck_assert_ptr_null(res);
	ck_assert_int_eq(rc_run_options_init(&ro, RC_RUN_OPTIONS_VERSION, &err), RC_OK);
	ck_assert_int_eq(rc_run_documents(&res, e, NULL, 0, &ro, &err), RC_OK);
	ck_assert_uint_eq(res->n_events, 0);
	rc_result_free(res);
	rc_engine_free(e);
	ck_assert_str_eq(rc_version(), RC_VERSION_STRING);
}
END_TEST

START_TEST(broken_rules_named)
{
	char path[] = "/tmp/rc-engine-rules-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "{\"metrics\": [\n", 14), 14);
	close(fd);
	rc_engine_options o = RC_ENGINE_OPTIONS_INIT;
	o.rules_path = path;
	rc_error err;
	rc_engine *e = NULL;
	ck_assert_int_ne(rc_engine_new(&e, &o, &err), RC_OK);
	ck_assert_ptr_null(e);
	ck_assert_msg(strstr(err.path, path) || strstr(err.message, path),
	              "the error names the file: %s / %s", err.path, err.message);
	unlink(path);
}
END_TEST

static size_t seen;

static void count_record(void *user, const rc_record *rec)
{
	(void)user;
	(void)rec;
	seen++;
}

START_TEST(one_call_equals_by_hand)
{
	static const char *const texts[] = {
		"Flooding in the river valley killed at least 12 people on Monday, officials said.\n",
		"The death toll from the valley floods rose to 15, the regional governor said on Tuesday.\n",
	};
	rc_error err;
	rc_engine *e = NULL;
	ck_assert_int_eq(rc_engine_new(&e, NULL, &err), RC_OK);
	rc_document *docs[2];
	for (size_t i = 0; i < 2; i++) {
		char id[8];
		snprintf(id, sizeof id, "d%zu", i);
		ck_assert_int_eq(rc_document_from_memory(&docs[i], texts[i], strlen(texts[i]), NULL, id, &err),
		                 RC_OK);
	}
	rc_run_options ro = RC_RUN_OPTIONS_INIT;
	ro.record = count_record;
	seen = 0;
	rc_result *a = NULL, *b = NULL;
	ck_assert_int_eq(rc_run_documents(&a, e, (const rc_document *const *)docs, 2, &ro, &err), RC_OK);
	ck_assert_uint_eq(seen, 2);
	rc_record *recs[2];
	for (size_t i = 0; i < 2; i++)
		ck_assert_int_eq(rc_record_extract(&recs[i], rc_engine_extractor(e), docs[i], &err), RC_OK);
	rc_reconcile_options opts = rc_engine_reconcile_options(e);
	ck_assert_int_eq(rc_reconcile(&b, recs, 2, &opts, &err), RC_OK);
	ck_assert_uint_gt(a->claims, 0);
	ck_assert_uint_eq(a->claims, b->claims);
	ck_assert_uint_eq(a->n_events, b->n_events);
	char *ja = NULL, *jb = NULL;
	size_t la = 0, lb = 0;
	FILE *fa = open_memstream(&ja, &la), *fb = open_memstream(&jb, &lb);
	ck_assert_int_eq(rc_report_write_json(fa, a, NULL, &err), RC_OK);
	ck_assert_int_eq(rc_report_write_json(fb, b, NULL, &err), RC_OK);
	fclose(fa);
	fclose(fb);
	ck_assert_str_eq(ja, jb);
	free(ja);
	free(jb);
	rc_result_free(a);
	rc_result_free(b);
	for (size_t i = 0; i < 2; i++)
		rc_document_free(docs[i]);
	rc_engine_free(e);
}
END_TEST

/* A record owns its strings: it outlives the engine that made it (the event
 * vocabulary is the engine's; ASan sees a read of freed tables). */
START_TEST(records_outlive_the_engine)
{
	static const char text[] =
		"A car bombing in the northern city of Mosul killed 14 people on Sunday, police said.\n"
		"Police arrested 4 men on Monday, bringing the number held to 9.\n";
	rc_error err;
	rc_engine *e = NULL;
	ck_assert_int_eq(rc_engine_new(&e, NULL, &err), RC_OK);
	rc_document *doc = NULL;
	ck_assert_int_eq(rc_document_from_memory(&doc, text, strlen(text), NULL, "d", &err), RC_OK);
	rc_record *rec = NULL;
	ck_assert_int_eq(rc_record_extract(&rec, rc_engine_extractor(e), doc, &err), RC_OK);
	rc_document_free(doc);
	rc_engine_free(e);
	ck_assert_uint_ge(rec->n_mentions, 1);
	ck_assert_uint_ge(rec->n_claims, 1);
	size_t len = 0;
	for (size_t i = 0; i < rec->n_mentions; i++) {
		ck_assert_ptr_nonnull(rec->mentions[i].type);
		len += strlen(rec->mentions[i].type);
		len += rec->mentions[i].place ? strlen(rec->mentions[i].place) : 0;
		len += rec->mentions[i].local_id ? strlen(rec->mentions[i].local_id) : 0;
	}
	ck_assert_str_eq(rec->mentions[0].type, "bombing");
	ck_assert_ptr_nonnull(rec->claims[0].event);
	ck_assert_str_eq(rec->claims[0].event, rec->mentions[0].local_id);
	ck_assert_uint_gt(len, 0);
	/* a part label set after the claims were made (a running total's
	 * increment) is the record's too */
	bool increment = false;
	for (size_t i = 0; i < rec->n_claims; i++)
		increment |= rec->claims[i].part && strcmp(rec->claims[i].part, "additional") == 0;
	ck_assert(increment);
	const char *local_id = rec->mentions[0].local_id;
	rc_result *res = NULL;
	ck_assert_int_eq(rc_reconcile(&res, &rec, 1, NULL, &err), RC_OK);
	ck_assert_uint_eq(res->n_events, 1);
	ck_assert_str_eq(res->events[0].type, "bombing");
	/* the record is read-only after the map step: its claim keeps the
	 * local id, and the merged event is the result's; only what the event
	 * merge alone reads (the mentions, the signature) is dropped */
	const rc_record *kept = res->records[0];
	ck_assert_str_eq(kept->claims[0].event, local_id);
	ck_assert_uint_eq(kept->n_mentions, 0);
	ck_assert_ptr_null(kept->minhash);
	ck_assert_ptr_eq(rc_result_claim_event(res, 0, 0), &res->events[0]);
	ck_assert_ptr_eq(rc_result_ref_event(res, &res->refs[0]), &res->events[0]);
	ck_assert_ptr_eq(res->refs[0].claim, &kept->claims[0]);
	ck_assert_ptr_null(rc_result_claim_event(res, 1, 0));
	ck_assert_ptr_null(rc_result_claim_event(res, 0, kept->n_claims));
	ck_assert_ptr_null(rc_result_ref_event(res, NULL));
	size_t n = 7;
	ck_assert_ptr_null(rc_result_claim_events(res, 0, 0, &n));
	ck_assert_uint_eq(n, 0);
	rc_result_free(res);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("engine");
	TCase *tc = tcase_create("engine");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, defaults_resolved_once);
	tcase_add_test(tc, versions_checked);
	tcase_add_test(tc, broken_rules_named);
	tcase_add_test(tc, one_call_equals_by_hand);
	tcase_add_test(tc, records_outlive_the_engine);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
