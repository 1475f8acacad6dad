/*
 * Every public options struct is versioned (docs/architecture.md,
 * "Versions"): its _INIT macro sets the version and nothing else, its
 * _init() function gives the same struct and refuses a version the
 * library does not know, and every function that takes the struct refuses
 * one too (a zeroed struct, or one from a newer header) with
 * RC_ERR_INVALID, while a struct from _INIT gives the defaults, as NULL
 * does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <recount/recount.h>
#include "support.h"

/* INIT == _init(VERSION); _init refuses 0 and VERSION + 1, naming the struct. */
#define CHECK_INIT(type, INIT, VERSION, init_fn)                                         \
	do {                                                                             \
		static const type want = INIT;                                           \
		ck_assert_uint_eq(want.version, VERSION);                                \
		type got;                                                                \
		rc_error err;                                                            \
		memset(&got, 0xa5, sizeof got);                                          \
		ck_assert_int_eq(init_fn(&got, VERSION, &err), RC_OK);                   \
		ck_assert_int_eq(memcmp(&want, &got, sizeof got), 0);                    \
		ck_assert_int_eq(init_fn(&got, VERSION + 1, &err), RC_ERR_INVALID);      \
		ck_assert_ptr_nonnull(strstr(err.message, #type));                       \
		ck_assert_int_eq(init_fn(&got, 0, &err), RC_ERR_INVALID);                \
		ck_assert_int_eq(err.status, RC_ERR_INVALID);                            \
	} while (0)

START_TEST(init_functions)
{
	CHECK_INIT(rc_ingest_options, RC_INGEST_OPTIONS_INIT, RC_INGEST_OPTIONS_VERSION, rc_ingest_options_init);
	CHECK_INIT(rc_recognizer_options, RC_RECOGNIZER_OPTIONS_INIT, RC_RECOGNIZER_OPTIONS_VERSION,
	           rc_recognizer_options_init);
	CHECK_INIT(rc_extractor_options, RC_EXTRACTOR_OPTIONS_INIT, RC_EXTRACTOR_OPTIONS_VERSION,
	           rc_extractor_options_init);
	CHECK_INIT(rc_map_options, RC_MAP_OPTIONS_INIT, RC_MAP_OPTIONS_VERSION, rc_map_options_init);
	CHECK_INIT(rc_engine_options, RC_ENGINE_OPTIONS_INIT, RC_ENGINE_OPTIONS_VERSION, rc_engine_options_init);
	CHECK_INIT(rc_run_options, RC_RUN_OPTIONS_INIT, RC_RUN_OPTIONS_VERSION, rc_run_options_init);
	CHECK_INIT(rc_reconcile_options, RC_RECONCILE_OPTIONS_INIT, RC_RECONCILE_OPTIONS_VERSION,
	           rc_reconcile_options_init);
	CHECK_INIT(rc_report_options, RC_REPORT_OPTIONS_INIT, RC_REPORT_OPTIONS_VERSION, rc_report_options_init);
	CHECK_INIT(rc_quantity_scan_options, RC_QUANTITY_SCAN_OPTIONS_INIT, RC_QUANTITY_SCAN_OPTIONS_VERSION,
	           rc_quantity_scan_options_init);
	/* the engine's ingest options are versioned inside it */
	rc_engine_options e = RC_ENGINE_OPTIONS_INIT;
	ck_assert_uint_eq(e.ingest.version, RC_INGEST_OPTIONS_VERSION);
}
END_TEST

static const char *const no_inputs[] = {"/nonexistent-recount-input"};

START_TEST(ingest_and_engine)
{
	rc_error err;
	rc_reader *r = NULL;
	rc_ingest_options io = RC_INGEST_OPTIONS_INIT;
	io.version = 0;
	ck_assert_int_eq(rc_reader_new(&r, &io, no_inputs, 1, &err), RC_ERR_INVALID);
	ck_assert_ptr_null(r);
	ck_assert_ptr_nonnull(strstr(err.message, "rc_ingest_options version 0"));
	io.version = RC_INGEST_OPTIONS_VERSION + 1;
	ck_assert_int_eq(rc_reader_new(&r, &io, no_inputs, 1, &err), RC_ERR_INVALID);
	io.version = RC_INGEST_OPTIONS_VERSION;
	ck_assert_int_eq(rc_reader_new(&r, &io, no_inputs, 1, &err), RC_OK);
	rc_reader_free(r);

	/* an engine whose ingest options were zeroed is refused */
	rc_engine *e = NULL;
	rc_engine_options o = RC_ENGINE_OPTIONS_INIT;
	o.ingest = (rc_ingest_options){.any_language = true};
	ck_assert_int_eq(rc_engine_new(&e, &o, &err), RC_ERR_INVALID);
	ck_assert_ptr_null(e);
	ck_assert_ptr_nonnull(strstr(err.message, "rc_engine_options.ingest"));
	o.ingest.version = RC_INGEST_OPTIONS_VERSION;
	ck_assert_int_eq(rc_engine_new(&e, &o, &err), RC_OK);
	ck_assert(rc_engine_get_options(e)->ingest.any_language);
	ck_assert_uint_eq(rc_engine_get_options(e)->ingest.version, RC_INGEST_OPTIONS_VERSION);
	rc_engine_free(e);
}
END_TEST

START_TEST(recognizer_extractor_map)
{
	rc_error err;
	rc_recognizer *rec = NULL;
	rc_recognizer_options ro = RC_RECOGNIZER_OPTIONS_INIT;
	ro.version = 0;
	ro.approx_tolerance = 0.3;
	ck_assert_int_eq(rc_recognizer_new(&rec, &ro, &err), RC_ERR_INVALID);
	ck_assert_ptr_null(rec);
	ro = (rc_recognizer_options)RC_RECOGNIZER_OPTIONS_INIT;
	ck_assert_int_eq(rc_recognizer_new(&rec, &ro, &err), RC_OK);
	ck_assert(rc_recognizer_tolerance(rec) == RC_APPROX_TOLERANCE_DEFAULT);
	rc_recognizer_free(rec);
	ro.approx_tolerance = 0.3;
	ck_assert_int_eq(rc_recognizer_new(&rec, &ro, &err), RC_OK);
	ck_assert(rc_recognizer_tolerance(rec) == 0.3);
	rc_recognizer_free(rec);

	rc_extractor *ex = NULL;
	rc_extractor_options eo = RC_EXTRACTOR_OPTIONS_INIT;
	eo.version = RC_EXTRACTOR_OPTIONS_VERSION + 1;
	ck_assert_int_eq(rc_extractor_new(&ex, &eo, &err), RC_ERR_INVALID);
	ck_assert_ptr_null(ex);
	eo.version = RC_EXTRACTOR_OPTIONS_VERSION;
	ck_assert_int_eq(rc_extractor_new(&ex, &eo, &err), RC_OK);
	ck_assert(rc_recognizer_tolerance(rc_extractor_recognizer(ex)) == RC_APPROX_TOLERANCE_DEFAULT);

	rc_reader *r = NULL;
	rc_map_options mo = RC_MAP_OPTIONS_INIT;
	mo.version = 0;
	ck_assert_int_eq(rc_reader_new(&r, NULL, no_inputs, 1, &err), RC_OK);
	ck_assert_int_eq(rc_map_run(r, ex, &mo, NULL, NULL, &err), RC_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err.message, "rc_map_options"));
	rc_reader_free(r);
	rc_extractor_free(ex);
}
END_TEST

START_TEST(reconcile_defaults)
{
	rc_error err;
	rc_result *res = NULL;
	rc_reconcile_options o = RC_RECONCILE_OPTIONS_INIT;
	o.version = RC_RECONCILE_OPTIONS_VERSION + 1;
	ck_assert_int_eq(rc_reconcile(&res, NULL, 0, &o, &err), RC_ERR_INVALID);
	ck_assert_ptr_null(res);
	/* the records are the callee's even when the options are refused */
	rc_record **recs = malloc(sizeof *recs);
	ck_assert_ptr_nonnull(recs);
	rc_document *doc = NULL;
	rc_engine *e = NULL;
	ck_assert_int_eq(rc_engine_new(&e, NULL, &err), RC_OK);
	ck_assert_int_eq(rc_document_from_memory(&doc, "Two people died.", 16, NULL, "d", &err), RC_OK);
	ck_assert_int_eq(rc_record_extract(&recs[0], rc_engine_extractor(e), doc, &err), RC_OK);
	rc_document_free(doc);
	o.version = 0;
	ck_assert_int_eq(rc_reconcile(&res, recs, 1, &o, &err), RC_ERR_INVALID);   /* frees recs[0] */
	free(recs);
	/* INIT gives the defaults, as NULL does, and the result says its version */
	o = (rc_reconcile_options)RC_RECONCILE_OPTIONS_INIT;
	ck_assert_int_eq(rc_reconcile(&res, NULL, 0, &o, &err), RC_OK);
	ck_assert_uint_eq(res->options.version, RC_RECONCILE_OPTIONS_VERSION);
	ck_assert(res->options.approx_tolerance == RC_APPROX_TOLERANCE_DEFAULT);
	ck_assert_uint_eq(res->options.window_days, RC_WINDOW_DAYS_DEFAULT);
	ck_assert(res->options.duplicate_threshold == RC_DUPLICATE_THRESHOLD_DEFAULT);
	ck_assert_int_eq(res->options.best, RC_BEST_CURRENT);
	rc_result_free(res);
	ck_assert_int_eq(rc_reconcile(&res, NULL, 0, NULL, &err), RC_OK);
	ck_assert_uint_eq(res->options.version, RC_RECONCILE_OPTIONS_VERSION);
	ck_assert(res->options.duplicate_threshold == RC_DUPLICATE_THRESHOLD_DEFAULT);
	rc_result_free(res);
	/* an engine's reduce-phase options carry the version */
	ck_assert_uint_eq(rc_engine_reconcile_options(e).version, RC_RECONCILE_OPTIONS_VERSION);
	rc_engine_free(e);
}
END_TEST

/* What fn writes with opts into a memory stream, and its status. */
static char *written(rc_status (*fn)(FILE *, const rc_result *, rc_format, const rc_report_options *,
                                     rc_error *),
                     const rc_result *res, rc_format fmt, const rc_report_options *opts, rc_status *st)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	rc_error err;
	*st = fn(fp, res, fmt, opts, &err);
	fclose(fp);
	return buf;
}

static rc_status json_writer(FILE *fp, const rc_result *res, rc_format fmt, const rc_report_options *o,
                             rc_error *err)
{
	(void)fmt;
	return rc_report_write_json(fp, res, o, err);
}

START_TEST(report_options)
{
	rc_error err;
	rc_result *res = NULL;
	ck_assert_int_eq(rc_reconcile(&res, NULL, 0, NULL, &err), RC_OK);
	rc_report_options bad = RC_REPORT_OPTIONS_INIT, init = RC_REPORT_OPTIONS_INIT;
	bad.version = 0;
	static const struct {
		rc_status (*fn)(FILE *, const rc_result *, rc_format, const rc_report_options *, rc_error *);
		rc_format fmt;
	} writers[] = {
		{rc_report_write, RC_FORMAT_TEXT}, {rc_report_write, RC_FORMAT_HTML},
		{rc_conflicts_write, RC_FORMAT_CSV}, {json_writer, RC_FORMAT_JSON},
	};
	for (size_t i = 0; i < sizeof writers / sizeof writers[0]; i++) {
		rc_status st;
		char *out = written(writers[i].fn, res, writers[i].fmt, &bad, &st);
		ck_assert_int_eq(st, RC_ERR_INVALID);
		ck_assert_str_eq(out, "");   /* refused before writing anything */
		free(out);
		char *with_init = written(writers[i].fn, res, writers[i].fmt, &init, &st);
		ck_assert_int_eq(st, RC_OK);
		char *with_null = written(writers[i].fn, res, writers[i].fmt, NULL, &st);
		ck_assert_int_eq(st, RC_OK);
		ck_assert_str_eq(with_init, with_null);
		free(with_init);
		free(with_null);
	}
	rc_check_result *c = NULL;
	rc_policy p = {.kind = RC_POLICY_CONFLICT};
	ck_assert_int_eq(rc_check(&c, res, &p, 1, NULL, &err), RC_OK);
	FILE *devnull = fopen("/dev/null", "w");
	ck_assert_int_eq(rc_check_write(devnull, c, res, RC_FORMAT_TEXT, &bad, &err), RC_ERR_INVALID);
	ck_assert_int_eq(rc_check_write(devnull, c, res, RC_FORMAT_TEXT, &init, &err), RC_OK);
	rc_check_result_free(c);
	rc_doc_writer *dw = NULL;
	ck_assert_int_eq(rc_doc_writer_new(&dw, devnull, RC_FORMAT_TEXT, &bad, &err), RC_ERR_INVALID);
	ck_assert_ptr_null(dw);
	rc_quantity_writer *qw = NULL;
	ck_assert_int_eq(rc_quantity_writer_new(&qw, devnull, RC_FORMAT_TEXT, &bad, &err), RC_ERR_INVALID);
	ck_assert_ptr_null(qw);
	ck_assert_int_eq(rc_quantity_writer_new(&qw, devnull, RC_FORMAT_TEXT, &init, &err), RC_OK);
	rc_quantity_scan_options so = RC_QUANTITY_SCAN_OPTIONS_INIT;
	so.version = RC_QUANTITY_SCAN_OPTIONS_VERSION + 1;
	FILE *in = fmemopen((void *)"about 40 people\n", 16, "r");
	rc_recognizer *rec = NULL;
	ck_assert_int_eq(rc_recognizer_new(&rec, NULL, &err), RC_OK);
	ck_assert_int_eq(rc_quantity_writer_scan(qw, rec, in, NULL, NULL, &so, &err), RC_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err.message, "rc_quantity_scan_options"));
	so.version = RC_QUANTITY_SCAN_OPTIONS_VERSION;
	ck_assert_int_eq(rc_quantity_writer_scan(qw, rec, in, NULL, NULL, &so, &err), RC_OK);
	fclose(in);
	rc_recognizer_free(rec);
	ck_assert_int_eq(rc_quantity_writer_finish(qw, &err), RC_OK);
	rc_quantity_writer_free(qw);
	fclose(devnull);
	rc_result_free(res);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("options");
	TCase *tc = tcase_create("options");
	tcase_add_test(tc, init_functions);
	tcase_add_test(tc, ingest_and_engine);
	tcase_add_test(tc, recognizer_extractor_map);
	tcase_add_test(tc, reconcile_defaults);
	tcase_add_test(tc, report_options);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
