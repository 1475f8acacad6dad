/*
 * The one writer of records (record_write.c) and the JSON writer under it
 * (core/jw.c).  A "recount.document/2" line is a lossless factoring of the
 * self-contained "recount.claim/1" lines (--claims-only, and the claim
 * objects of the JSON report and of verify): put each claim's document
 * fields and its sentence back, and it is the claim/1 object, on every
 * fixture article and on hostile strings.  Keys come in the documented
 * order.  The JSON writer itself writes what jansson writes: numbers, and
 * in pretty mode the indentation of rc__json_write_pretty.
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

/* rc_record_render_jsonl gives the bytes rc_record_write_jsonl writes. */
static void render_equals_write(const rc_record *rec, bool document_line)
{
	char *buf = NULL, *out = NULL;
	size_t len = 0, out_len = 0;
	FILE *fp = open_memstream(&buf, &len);
	rc_error err;
	ck_assert_int_eq(rc_record_write_jsonl(fp, rec, document_line, &err), RC_OK);
	fclose(fp);
	ck_assert_int_eq(rc_record_render_jsonl(rec, document_line, &out, &out_len, &err), RC_OK);
	ck_assert_ptr_nonnull(out);
	ck_assert_uint_eq(out_len, len);
	ck_assert_int_eq(memcmp(out, buf, len), 0);
	ck_assert_int_eq(out[out_len], '\0');
	free(out);
	free(buf);
}

/* The lines rc_record_write_jsonl writes, each parsed by jansson. */
static json_t *written(const rc_record *rec, bool document_line)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	rc_error err;
	ck_assert_int_eq(rc_record_write_jsonl(fp, rec, document_line, &err), RC_OK);
	fclose(fp);
	json_t *lines = json_array();
	for (char *line = buf, *nl; line < buf + len; line = nl + 1) {
		nl = strchr(line, '\n');
		ck_assert_ptr_nonnull(nl);
		json_error_t je;
		json_t *v = json_loadb(line, (size_t)(nl - line), JSON_REJECT_DUPLICATES, &je);
		ck_assert_msg(v != NULL, "not JSON: %s", je.text);
		json_array_append_new(lines, v);
	}
	free(buf);
	return lines;
}

static void keys_are(const json_t *o, const char *const *keys, size_t n)
{
	size_t i = 0;
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)o, key, v) {
		ck_assert_uint_lt(i, n);
		ck_assert_str_eq(key, keys[i]);
		i++;
	}
	ck_assert_uint_eq(i, n);
}

static const char *const doc2_keys[] = {
	"schema", "doc", "path", "record_line", "seq", "source", "url", "published", "title",
	"bytes", "status", "reason", "diags", "signature", "mentions", "n_claims", "sentences",
	"claims",
};
static const char *const claim2_keys[] = {
	"metric", "subject", "text", "lo", "hi", "lo_incl", "hi_incl", "approx", "vague",
	"qualifier", "status", "attribution", "event", "events", "sentence", "line", "column",
	"start", "end", "trigger", "kind", "value", "num_start", "num_end", "parent", "mention",
	"mentions", "file_line", "in_title", "part", "background", "year",
};
static const char *const claim1_keys[] = {
	"schema", "doc", "path", "source", "published", "metric", "subject", "text", "lo", "hi",
	"lo_incl", "hi_incl", "approx", "vague", "qualifier", "status", "attribution", "event",
	"events", "quote", "line", "column", "start", "end", "trigger", "kind", "value",
	"num_start", "num_end", "parent", "mention", "mentions", "file_line", "record_line",
	"sentence", "in_title", "part", "background", "year",
};

/* The document line against the claim lines of the same record; returns
 * the number of claims. */
static size_t compare_record(rc_record *rec)
{
	json_t *v2 = written(rec, true), *v1 = written(rec, false);
	ck_assert_uint_eq(json_array_size(v2), 1);
	ck_assert_uint_eq(json_array_size(v1), rec->n_claims);
	json_t *doc = json_array_get(v2, 0);
	keys_are(doc, doc2_keys, RC_ARRAY_LEN(doc2_keys));
	ck_assert_str_eq(json_string_value(json_object_get(doc, "schema")), "recount.document/2");
	ck_assert_int_eq(json_integer_value(json_object_get(doc, "n_claims")), (json_int_t)rec->n_claims);
	json_t *sentences = json_object_get(doc, "sentences"), *claims = json_object_get(doc, "claims");
	ck_assert_uint_eq(json_array_size(claims), rec->n_claims);
	ck_assert_uint_le(json_array_size(sentences), rec->n_claims);
	/* each sentence is in the table once, and quoted by some claim */
	bool *used = calloc(json_array_size(sentences) + 1, 1);
	for (size_t i = 0; i < json_array_size(sentences); i++)
		for (size_t k = 0; k < i; k++)
			ck_assert(!json_equal(json_array_get(sentences, i), json_array_get(sentences, k)));
	for (size_t i = 0; i < rec->n_claims; i++) {
		json_t *c2 = json_array_get(claims, i), *c1 = json_array_get(v1, i);
		keys_are(c2, claim2_keys, RC_ARRAY_LEN(claim2_keys));
		keys_are(c1, claim1_keys, RC_ARRAY_LEN(claim1_keys));
		/* claim/2 + document fields + its sentence == claim/1 */
		json_t *want = json_deep_copy(c2);
		size_t si = (size_t)json_integer_value(json_object_get(c2, "sentence"));
		ck_assert_uint_lt(si, json_array_size(sentences));
		used[si] = true;
		json_t *sent = json_deep_copy(json_array_get(sentences, si));
		json_object_set(want, "quote", json_object_get(sent, "text"));
		json_object_del(sent, "text");
		json_object_set_new(want, "sentence", sent);
		static const char *const from_doc[] = {"doc", "path", "source", "published", "record_line"};
		for (size_t k = 0; k < RC_ARRAY_LEN(from_doc); k++)
			json_object_set(want, from_doc[k], json_object_get(doc, from_doc[k]));
		json_object_set_new(want, "schema", json_string("recount.claim/1"));
		char *a = json_dumps(want, JSON_SORT_KEYS), *b = json_dumps(c1, JSON_SORT_KEYS);
		ck_assert_str_eq(a, b);
		free(a);
		free(b);
		json_decref(want);
	}
	for (size_t i = 0; i < json_array_size(sentences); i++)
		ck_assert_msg(used[i], "sentence %zu is quoted by no claim", i);
	free(used);
	json_decref(v1);
	json_decref(v2);
	return rec->n_claims;
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
	rc_ingest_options io = RC_INGEST_OPTIONS_INIT;
	ck_assert_int_eq(rc_reader_new(&r, &io, in, 2, &err), RC_OK);
	size_t claims = 0, shared = 0;
	for (;;) {
		rc_document *doc;
		ck_assert_int_eq(rc_reader_next(r, &doc, &err), RC_OK);
		if (!doc)
			break;
		rc_record *rec;
		ck_assert_int_eq(rc_record_extract(&rec, ex, doc, &err), RC_OK);
		claims += compare_record(rec);
		render_equals_write(rec, true);
		render_equals_write(rec, false);
		for (size_t i = 1; i < rec->n_claims; i++)
			shared += rec->claims[i].sentence.start == rec->claims[i - 1].sentence.start;
		rc_record_free(rec);
		rc_document_free(doc);
	}
	ck_assert_uint_gt(claims, 50);
	/* the fixtures have sentences with several figures: the table is used */
	ck_assert_uint_gt(shared, 5);
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

/* One string through the writer and through jansson (rc__json_str repairs
 * invalid UTF-8 as the writer does): the same bytes. */
static void same_string(const char *s)
{
	json_t *arr = json_array();
	json_array_append_new(arr, rc__json_str(s));
	char *a = via_jansson(arr);
	rc_buf b;
	rc__buf_init(&b, 0);
	rc_jw w;
	rc__jw_init(&w, &b);
	rc__jw_arr(&w);
	rc__jw_str(&w, s);
	rc__jw_end_arr(&w);
	rc__buf_putc(&b, '\n');
	ck_assert_msg(strcmp(a, b.data) == 0, "jansson %s, writer %s", a, b.data);
	free(a);
	rc__buf_dispose(&b);
}

/* The writer escapes eight plain bytes at a time and checks UTF-8 as it
 * copies: every byte value at every place of a word, sequences cut at the
 * end, overlong forms, surrogates, code points past U+10FFFF. */
START_TEST(every_byte)
{
	char s[40];
	for (int c = 1; c < 256; c++) {
		for (size_t at = 0; at < 18; at++) {
			memset(s, 'a', sizeof s);
			s[at] = (char)c;
			s[at + 1 + (size_t)c % 7] = '\0';
			same_string(s);
		}
	}
	static const char *const seqs[] = {
		"\xc3\xa9", "\xc3", "abcdefg\xc3", "\xe2\x80\x94 dash", "\xe2\x80", "\xc0\xaf",
		"\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf0\x9f\x98\x80",
		"\xf0\x9f\x98", "twelve \"killed\" \\ here\x01\x1f\x7f and \xc3\xa9t\xc3\xa9 \xff",
	};
	for (size_t i = 0; i < sizeof seqs / sizeof seqs[0]; i++)
		same_string(seqs[i]);
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
	tcase_add_test(tc, every_byte);
	tcase_add_test(tc, pretty);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
