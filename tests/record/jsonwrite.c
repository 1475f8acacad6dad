/*
 * The streaming writer of claims JSON Lines (rc__claim_write and
 * rc__document_write) writes the same bytes as the jansson trees
 * (rc__claim_to_json, rc__document_to_json) dumped by rc__json_write_line,
 * on every fixture article and on hostile strings; and in pretty mode the
 * same bytes as rc__json_write_pretty (the JSON report).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <recount/recount.h>
#include "core/json.h"
#include "core/jw.h"
#include "record/record-json.h"
#include "support.h"

/* What jansson writes for o (compact, or indented by two), o released. */
static char *dump_jansson(json_t *o, bool pretty)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	rc_error err;
	ck_assert_ptr_nonnull(o);
	ck_assert_int_eq(pretty ? rc__json_write_pretty(fp, o, &err) : rc__json_write_line(fp, o, &err), RC_OK);
	fclose(fp);
	json_decref(o);
	return buf;
}

static char *via_jansson(json_t *o)
{
	return dump_jansson(o, false);
}

static char *via_jw(const rc_record *rec, const rc_claim *c)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	rc_jw w;
	rc__jw_init(&w, &b);
	if (c)
		rc__claim_write(&w, rec, c);
	else
		rc__document_write(&w, rec);
	rc__buf_putc(&b, '\n');
	ck_assert(!w.failed);
	return rc__buf_steal(&b, NULL);
}

static size_t compare_record(rc_record *rec)
{
	size_t n = 0;
	char *a = via_jansson(rc__document_to_json(rec)), *b = via_jw(rec, NULL);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	for (size_t i = 0; i < rec->n_claims; i++, n++) {
		a = via_jansson(rc__claim_to_json(rec, &rec->claims[i]));
		b = via_jw(rec, &rec->claims[i]);
		ck_assert_str_eq(a, b);
		free(a);
		free(b);
	}
	return n;
}

START_TEST(fixtures)
{
	rc_error err;
	rc_extractor *ex;
	ck_assert_int_eq(rc_extractor_new(&ex, NULL, &err), RC_OK);
	char a[4096], b[4096];
	snprintf(a, sizeof a, "%s", rc_test_fixture("articles"));
	snprintf(b, sizeof b, "%s", rc_test_fixture("seeds"));
	const char *in[] = {a, b};
	rc_reader *r;
	rc_ingest_options io = {0};
	ck_assert_int_eq(rc_reader_new(&r, &io, in, 2, &err), RC_OK);
	size_t claims = 0;
	for (;;) {
		rc_document *doc;
		ck_assert_int_eq(rc_reader_next(r, &doc, &err), RC_OK);
		if (!doc)
			break;
		rc_record *rec;
		ck_assert_int_eq(rc_record_extract(&rec, ex, doc, &err), RC_OK);
		claims += compare_record(rec);
		rc_record_free(rec);
		rc_document_free(doc);
	}
	ck_assert_uint_gt(claims, 50);
	rc_reader_free(r);
	rc_extractor_free(ex);
}
END_TEST

START_TEST(hostile_strings)
{
	static const char *const texts[] = {
		"Police said \"12\" were killed\\injured\ttoday.\r\n\x01\x1f\x7f",
		"Invalid \xff\xfe UTF-8: 12 people were killed.",
		"Line\xe2\x80\xa8separator: 3 people died. \xf0\x9f\x98\x80 emoji: 4 were hurt.",
	};
	rc_error err;
	rc_extractor *ex;
	ck_assert_int_eq(rc_extractor_new(&ex, NULL, &err), RC_OK);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		rc_document *doc;
		ck_assert_int_eq(rc_document_from_memory(&doc, texts[i], strlen(texts[i]),
		                                         "we\"ird\\path\x01.txt", NULL, &err), RC_OK);
		rc_record *rec;
		ck_assert_int_eq(rc_record_extract(&rec, ex, doc, &err), RC_OK);
		compare_record(rec);
		rc_record_free(rec);
		rc_document_free(doc);
	}
	rc_extractor_free(ex);
	/* numbers: integers, reals, huge, tiny, negative zero */
	static const double nums[] = {0, -0.0, 1, -1, 0.08, 12.5, 1e300, 1.7976931348623157e308,
	                              9007199254740993.0, 1e-7, -3.2, 1.0 / 3};
	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		json_t *arr = json_array();
		json_array_append_new(arr, rc__json_number(nums[i]));
		char *a = via_jansson(arr);
		rc_buf b;
		rc__buf_init(&b, 0);
		rc_jw w;
		rc__jw_init(&w, &b);
		rc__jw_arr(&w);
		rc__jw_num(&w, nums[i]);
		rc__jw_end_arr(&w);
		rc__buf_putc(&b, '\n');
		ck_assert_str_eq(a, b.data);
		free(a);
		rc__buf_dispose(&b);
	}
}
END_TEST

/* Pretty mode against jansson's JSON_INDENT(2) dump: nesting, empty and
 * one-element containers, every scalar, and the buffer taken out midway
 * (as the report writer does). */
START_TEST(pretty)
{
	json_t *root = json_pack("{s:s, s:{}, s:[], s:[i], s:{s:[{s:n, s:b}, {}], s:f}, s:[[], [s], {s:i}]}",
	                         "schema", "x\"y", "empty_obj", "empty_arr", "one", 1, "nested", "list",
	                         "a", "t", 1, "r", 0.5, "deep", "z", "k", -3);
	char *want = dump_jansson(root, true);

	rc_buf b, all;
	rc__buf_init(&b, 0);
	rc__buf_init(&all, 0);
	rc_jw w;
	rc__jw_init_pretty(&w, &b);
	rc__jw_obj(&w);
	rc__jw_key(&w, "schema");
	rc__jw_str(&w, "x\"y");
	rc__jw_key(&w, "empty_obj");
	rc__jw_obj(&w);
	rc__jw_end_obj(&w);
	rc__jw_key(&w, "empty_arr");
	rc__jw_arr(&w);
	rc__jw_end_arr(&w);
	/* take the bytes out, as a streaming caller does */
	rc__buf_append(&all, b.data, b.len);
	b.len = 0;
	rc__jw_key(&w, "one");
	rc__jw_arr(&w);
	rc__jw_int(&w, 1);
	rc__jw_end_arr(&w);
	rc__jw_key(&w, "nested");
	rc__jw_obj(&w);
	rc__jw_key(&w, "list");
	rc__jw_arr(&w);
	rc__jw_obj(&w);
	rc__jw_key(&w, "a");
	rc__jw_null(&w);
	rc__jw_key(&w, "t");
	rc__jw_bool(&w, true);
	rc__jw_end_obj(&w);
	rc__jw_obj(&w);
	rc__jw_end_obj(&w);
	rc__jw_end_arr(&w);
	rc__jw_key(&w, "r");
	rc__jw_num(&w, 0.5);
	rc__jw_end_obj(&w);
	rc__jw_key(&w, "deep");
	rc__jw_arr(&w);
	rc__jw_arr(&w);
	rc__jw_end_arr(&w);
	rc__jw_arr(&w);
	rc__jw_str(&w, "z");
	rc__jw_end_arr(&w);
	rc__jw_obj(&w);
	rc__jw_key(&w, "k");
	rc__jw_int(&w, -3);
	rc__jw_end_obj(&w);
	rc__jw_end_arr(&w);
	rc__jw_end_obj(&w);
	rc__buf_putc(&b, '\n');
	ck_assert(!w.failed);
	rc__buf_append(&all, b.data, b.len);
	ck_assert_str_eq(all.data, want);
	free(want);
	rc__buf_dispose(&b);
	rc__buf_dispose(&all);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("jsonwrite");
	TCase *tc = tcase_create("jsonwrite");
	tcase_add_test(tc, fixtures);
	tcase_add_test(tc, hostile_strings);
	tcase_add_test(tc, pretty);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
