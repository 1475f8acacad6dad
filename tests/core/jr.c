/*
 * The JSON pull reader (src/core/jr.c): values, escapes and numbers read
 * right; every kind of malformed text refused with an offset; and, over a
 * list of tricky texts, the same verdict as jansson (the reader it replaces
 * on the hot path), so neither accepts what the other refuses.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/core.h"
#include "core/jr.h"
#include "support.h"

/* A writable copy of a literal (the reader decodes in place). */
static char *dup(const char *s)
{
	char *d = strdup(s);
	ck_assert_ptr_nonnull(d);
	return d;
}

START_TEST(reads_an_object)
{
	char *t = dup(" {\"a\": [1, -2.5e1, true, null, \"x\\ty\"], \"b\": {\"c\": {}}, \"d\": []} ");
	rc_jr r;
	rc__jr_init(&r, t, strlen(t));
	ck_assert_int_eq(rc__jr_peek(&r), RC_JR_OBJECT);
	ck_assert(rc__jr_obj(&r));
	const char *k;
	size_t kl;
	ck_assert(rc__jr_key(&r, &k, &kl));
	ck_assert_str_eq(k, "a");
	ck_assert_uint_eq(kl, 1);
	ck_assert(rc__jr_arr(&r));
	ck_assert(rc__jr_item(&r));
	int64_t i;
	ck_assert(rc__jr_int(&r, &i));
	ck_assert_int_eq(i, 1);
	ck_assert(rc__jr_item(&r));
	double d;
	bool integral = true;
	ck_assert(rc__jr_num(&r, &d, &integral));
	ck_assert(d == -25.0);
	ck_assert(!integral);
	ck_assert(rc__jr_item(&r));
	bool b = false;
	ck_assert(rc__jr_bool(&r, &b));
	ck_assert(b);
	ck_assert(rc__jr_item(&r));
	ck_assert(rc__jr_null(&r));
	ck_assert(rc__jr_item(&r));
	char *s;
	size_t sl;
	ck_assert(rc__jr_str(&r, &s, &sl));
	ck_assert_str_eq(s, "x\ty");
	ck_assert_uint_eq(sl, 3);
	ck_assert(!rc__jr_item(&r));
	ck_assert_ptr_null(r.err);
	ck_assert(rc__jr_key(&r, &k, &kl));
	ck_assert_str_eq(k, "b");
	ck_assert(rc__jr_skip(&r));
	ck_assert(rc__jr_key(&r, &k, &kl));
	ck_assert_str_eq(k, "d");
	ck_assert(rc__jr_arr(&r));
	ck_assert(!rc__jr_item(&r));
	ck_assert(!rc__jr_key(&r, &k, &kl));
	ck_assert_ptr_null(r.err);
	ck_assert(rc__jr_end(&r));
	free(t);
}
END_TEST

START_TEST(decodes_escapes_in_place)
{
	/* every escape, a surrogate pair, raw UTF-8 kept as it is */
	char *t = dup("\"q\\\"b\\\\s\\/\\b\\f\\n\\r\\t \\u00e9\\u20AC \\ud83d\\ude00 caf\xc3\xa9\"");
	rc_jr r;
	rc__jr_init(&r, t, strlen(t));
	char *s;
	size_t n;
	ck_assert(rc__jr_str(&r, &s, &n));
	const char *want = "q\"b\\s/\b\f\n\r\t \xc3\xa9\xe2\x82\xac \xf0\x9f\x98\x80 caf\xc3\xa9";
	ck_assert_str_eq(s, want);
	ck_assert_uint_eq(n, strlen(want));
	ck_assert(rc__jr_end(&r));
	free(t);
}
END_TEST

START_TEST(numbers)
{
	static const struct {
		const char *text;
		double value;
		bool integral;
	} ok[] = {
		{"0", 0, true}, {"-0", 0, true}, {"42", 42, true}, {"-7", -7, true},
		{"9007199254740993", 9007199254740992.0, true},
		{"9223372036854775807", 9223372036854775807.0, true},
		{"-9223372036854775808", -9223372036854775808.0, true},
		{"0.5", 0.5, false}, {"1e2", 100, false}, {"1E+2", 100, false}, {"25e-1", 2.5, false},
		{"0.08", 0.08, false}, {"1.7976931348623157e308", 1.7976931348623157e308, false},
		{"4.9e-324", 4.9e-324, false}, {"1e-400", 0, false},
	};
	for (size_t i = 0; i < RC_ARRAY_LEN(ok); i++) {
		char *t = dup(ok[i].text);
		rc_jr r;
		rc__jr_init(&r, t, strlen(t));
		double d;
		bool integral;
		ck_assert_msg(rc__jr_num(&r, &d, &integral), "%s: %s", ok[i].text, r.err);
		ck_assert_msg(d == ok[i].value, "%s read as %.17g", ok[i].text, d);
		ck_assert_int_eq(integral, ok[i].integral);
		ck_assert(rc__jr_end(&r));
		free(t);
	}
	static const char *const bad[] = {
		"01", "-", "+1", ".5", "1.", "1e", "1e+", "0x10", "NaN", "Infinity", "-Infinity",
		"1e400", "-1e400", "9223372036854775808", "-9223372036854775809",
		"99999999999999999999999999",
	};
	for (size_t i = 0; i < RC_ARRAY_LEN(bad); i++) {
		char *t = dup(bad[i]);
		rc_jr r;
		rc__jr_init(&r, t, strlen(t));
		double d;
		bool ok_ = rc__jr_num(&r, &d, NULL) && rc__jr_end(&r);
		ck_assert_msg(!ok_, "%s was read as a number", bad[i]);
		ck_assert_ptr_nonnull(r.err);
		free(t);
	}
	/* an integer field refuses a real, and a real that is integral */
	char *t = dup("1.0");
	rc_jr r;
	rc__jr_init(&r, t, strlen(t));
	int64_t v;
	ck_assert(!rc__jr_int(&r, &v));
	ck_assert_str_eq(r.err, "expected a whole number");
	free(t);
}
END_TEST

/* Bad texts: each refused, with the offset of the problem. */
START_TEST(errors_have_offsets)
{
	static const struct {
		const char *text;
		size_t at;
	} cases[] = {
		{"{\"a\" 1}", 5},            /* missing colon */
		{"{\"a\": 1,}", 8},          /* trailing comma */
		{"[1 2]", 3},
		{"{\"a\": tru}", 6},
		{"\"abc", 4},                /* not closed */
		{"\"a\x01\"", 2},            /* raw control character */
		{"\"a\xff\"", 2},            /* invalid UTF-8 */
		{"\"a\xc0\xaf\"", 2},        /* overlong */
		{"\"\\x\"", 1},
		{"\"\\u12\"", 1},
		{"\"\\u0000\"", 1},
		{"\"\\udc00\"", 1},          /* lone low surrogate */
		{"\"\\ud800x\"", 1},         /* lone high surrogate */
		{"{} x", 3},                 /* text after the value */
		{"{", 1},
	};
	for (size_t i = 0; i < RC_ARRAY_LEN(cases); i++) {
		char *t = dup(cases[i].text);
		rc_jr r;
		rc__jr_init(&r, t, strlen(t));
		bool ok = rc__jr_skip(&r) && rc__jr_end(&r);
		ck_assert_msg(!ok, "case %zu (%s) accepted", i, cases[i].text);
		ck_assert_ptr_nonnull(r.err);
		ck_assert_msg(r.err_at == cases[i].at, "case %zu: error '%s' at %zu, not %zu", i,
		              r.err, r.err_at, cases[i].at);
		/* after an error, nothing more is read */
		ck_assert_int_eq(rc__jr_peek(&r), RC_JR_NONE);
		free(t);
	}
}
END_TEST

START_TEST(depth_is_limited)
{
	size_t n = RC_JR_DEPTH + 1;
	char *t = malloc(2 * n + 1);
	ck_assert_ptr_nonnull(t);
	memset(t, '[', n);
	memset(t + n, ']', n);
	t[2 * n] = '\0';
	rc_jr r;
	rc__jr_init(&r, t, 2 * n);
	ck_assert(!rc__jr_skip(&r));
	ck_assert_str_eq(r.err, "nested too deeply");
	/* one level less is fine */
	t[n - 1] = ' ';
	t[n] = ' ';
	rc__jr_init(&r, t, 2 * n);
	ck_assert_msg(rc__jr_skip(&r) && rc__jr_end(&r), "%s", r.err);
	free(t);
}
END_TEST

/* The same verdict as jansson (with the flags the old reader used) on
 * texts chosen to sit at the edges of the grammar. */
START_TEST(agrees_with_jansson)
{
	static const char *const texts[] = {
		"{}", "[]", "{\"a\":{\"b\":[[],{}]}}", " [ 1 , 2 ] ", "[\"\\u00e9\"]",
		"[\"\\ud83d\\ude00\"]", "[\"\xf0\x9f\x98\x80\"]", "[\"\xed\xa0\x80\"]",
		"[\"\xf4\x90\x80\x80\"]", "[\"\\u0000\"]", "[\"\\ud800\"]", "[\"\\udfff\\ud800\"]",
		"[1e999]", "[-1e999]", "[1e-999]", "[123456789012345678901]", "[-0.0]", "[0e0]",
		"[00]", "[1.e1]", "[.1]", "[+1]", "[\"a\"b]", "[\"\t\"]", "[\"\x7f\"]", "[true,false,null]",
		"[truex]", "[nul]", "{\"a\":1,\"a\":2}", "{\"a\"}", "{1:2}", "[1,]", "[,1]", "",
		"   ", "\"x\"", "42", "{\"a\":1}{}", "[\"\\/\"]", "[\"\\U0041\"]",
	};
	for (size_t i = 0; i < RC_ARRAY_LEN(texts); i++) {
		json_error_t je;
		json_t *v = json_loadb(texts[i], strlen(texts[i]), JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &je);
		char *t = dup(texts[i]);
		rc_jr r;
		rc__jr_init(&r, t, strlen(t));
		bool ok = rc__jr_skip(&r) && rc__jr_end(&r);
		/* jansson refuses duplicate keys while parsing; the pull reader
		 * leaves that to the field reader above it (a test of its own) */
		bool dup_keys = strcmp(texts[i], "{\"a\":1,\"a\":2}") == 0;
		ck_assert_msg(ok == (v != NULL) || dup_keys, "'%s': jansson %s, jr %s (%s)", texts[i],
		              v ? "accepts" : je.text, ok ? "accepts" : "refuses", r.err ? r.err : "");
		json_decref(v);
		free(t);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("jr");
	TCase *tc = tcase_create("jr");
	tcase_add_test(tc, reads_an_object);
	tcase_add_test(tc, decodes_escapes_in_place);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, errors_have_offsets);
	tcase_add_test(tc, depth_is_limited);
	tcase_add_test(tc, agrees_with_jansson);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
