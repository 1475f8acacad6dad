/*
 * The parallel map phase: the same records in the same order for every
 * thread count, progress reported, and a callback error stops the run
 * cleanly (no leak, no hang: ASan and the Check timeout watch).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <recount/recount.h>
#include "support.h"

typedef struct sink {
	FILE *fp;
	size_t records;
	size_t fail_at;      /* 0: never */
	size_t progress_calls, progress_done, progress_docs;
} sink;

static rc_status on_record(void *user, rc_record *rec, rc_error *err)
{
	sink *s = user;
	s->records++;
	rc_status st = RC_OK;
	if (s->fail_at && s->records == s->fail_at) {
		err->status = RC_ERR_IO;
		snprintf(err->message, sizeof err->message, "stop here");
		st = RC_ERR_IO;
	} else {
		st = rc_record_write_jsonl(s->fp, rec, true, err);
	}
	rc_record_free(rec);
	return st;
}

static rc_status prepare(void *user, rc_record *rec, rc_error *err)
{
	(void)user;
	(void)err;
	/* runs on workers: a marker that on_record must see intact */
	rec->rendered = strdup("x");
	rec->rendered_len = 1;
	return rec->rendered ? RC_OK : RC_ERR_NOMEM;
}

static void on_progress(void *user, const rc_progress *p)
{
	sink *s = user;
	s->progress_calls++;
	if (p->done) {
		s->progress_done++;
		s->progress_docs = p->documents;
	}
}

/* Run the map phase over the fixture articles and seeds; returns the output. */
static char *run(unsigned threads, size_t fail_at, rc_status *st_out, sink *s, bool with_prepare)
{
	rc_error err;
	rc_extractor *ex;
	ck_assert_int_eq(rc_extractor_new(&ex, NULL, &err), RC_OK);
	const char *inputs[] = {rc_test_fixture("articles"), rc_test_fixture("seeds")};
	char a[4096], b[4096];
	snprintf(a, sizeof a, "%s", inputs[0]);
	snprintf(b, sizeof b, "%s", inputs[1]);
	const char *in[] = {a, b};
	rc_reader *r;
	rc_ingest_options io = RC_INGEST_OPTIONS_INIT;
	ck_assert_int_eq(rc_reader_new(&r, &io, in, 2, &err), RC_OK);
	char *buf = NULL;
	size_t len = 0;
	memset(s, 0, sizeof *s);
	s->fp = open_memstream(&buf, &len);
	s->fail_at = fail_at;
	rc_map_options mo = {.version = RC_MAP_OPTIONS_VERSION, .threads = threads, .progress = on_progress, .progress_user = s,
	                     .prepare = with_prepare ? prepare : NULL};
	*st_out = rc_map_run(r, ex, &mo, on_record, s, &err);
	fclose(s->fp);
	rc_reader_free(r);
	rc_extractor_free(ex);
	return buf;
}

START_TEST(same_for_every_thread_count)
{
	rc_status st;
	sink s1, sn;
	char *one = run(1, 0, &st, &s1, false);
	ck_assert_int_eq(st, RC_OK);
	ck_assert_uint_gt(s1.records, 15);
	ck_assert_uint_eq(s1.progress_done, 1);
	ck_assert_uint_eq(s1.progress_docs, s1.records);
	static const unsigned counts[] = {2, 3, 8, 33};
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		char *many = run(counts[i], 0, &st, &sn, i % 2 == 1);
		ck_assert_int_eq(st, RC_OK);
		ck_assert_uint_eq(sn.records, s1.records);
		ck_assert_uint_eq(sn.progress_done, 1);
		ck_assert_msg(strcmp(one, many) == 0, "output with %u threads differs", counts[i]);
		free(many);
	}
	free(one);
}
END_TEST

START_TEST(callback_error_stops)
{
	static const unsigned counts[] = {1, 2, 8};
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		rc_status st;
		sink s;
		char *out = run(counts[i], 5, &st, &s, true);
		ck_assert_int_eq(st, RC_ERR_IO);
		ck_assert_uint_eq(s.records, 5);
		ck_assert_uint_eq(s.progress_done, 0);
		free(out);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("map");
	TCase *tc = tcase_create("map");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, same_for_every_thread_count);
	tcase_add_test(tc, callback_error_stops);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
