/*
 * Hostile text for the quantity recognizer: a 10,000-digit number, numbers
 * beyond int64 and double, "1,2,3,4,..." runs, inputs built to make
 * pattern matching backtrack, and a text with no terminating NUL.  Every
 * scan must finish, keep its spans ordered and inside the text, and never
 * produce NaN or a wrapped-around (negative) value.
 */
#define _GNU_SOURCE
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"
#include "../../fuzz/common.h"

static rc_recognizer *rec;

static void setup(void)
{
	rc_error err;
	ck_assert_int_eq(rc_recognizer_new(&rec, NULL, &err), RC_OK);
}

static void teardown(void)
{
	rc_recognizer_free(rec);
	rec = NULL;
}

/* Scan text[0..len) and check the list; returns it for more checks. */
static rc_quantity_list scan(const char *text, size_t len)
{
	rc_quantity_list l = {0};
	rc_error err;
	rc_status st = rc_quantities_scan(&l, rec, text, len, &err);
	ck_assert_msg(st == RC_OK, "scan failed: %s", err.message);
	rc_fuzz_check_quantities(rec, &l, len);
	return l;
}

static void scan_str(const char *text)
{
	rc_quantity_list l = scan(text, strlen(text));
	rc_quantity_list_dispose(&l);
}

/* The quantity whose number starts at off, or NULL. */
static const rc_quantity *at(const rc_quantity_list *l, size_t off)
{
	for (size_t i = 0; i < l->len; i++)
		if (l->items[i].num_start == off)
			return &l->items[i];
	return NULL;
}

START_TEST(ten_thousand_digits)
{
	static const char *const shapes[][2] = {{"", ""}, {"", ",000"}, {"0.", ""}, {"about ", ""}};
	char *digits = rb_repeat("9876543210", 10000);
	for (size_t k = 0; k < RC_ARRAY_LEN(shapes); k++) {
		char *text = NULL;
		ck_assert_int_ge(asprintf(&text, "Officials said %s%s%s people were killed.",
		                          shapes[k][0], digits, shapes[k][1]), 0);
		rc_quantity_list l = scan(text, strlen(text));
		const rc_quantity *q = at(&l, strlen("Officials said ") + (k == 3 ? 6 : 0));
		/* Past the range of a double: an identifier with no value, never
		 * the largest double, infinity or a wrapped value (docs/limits.md). */
		ck_assert_ptr_nonnull(q);
		if (k != 2)
			ck_assert_msg(q->kind == RC_QK_ID && q->iv.lo_inf && q->iv.hi_inf && q->value == 0,
			              "read as %s %g", rc_quantity_kind_str(q->kind), q->value);
		else
			ck_assert_msg(q->value >= 0 && q->value < 1, "read as %g", q->value);
		rc_quantity_list_dispose(&l);
		free(text);
	}
	/* Ten thousand digits in thousands groups. */
	char *grouped = rb_repeat("123,", 4 * 3333);
	grouped[4 * 3333 - 1] = '\0';
	scan_str(grouped);
	free(grouped);
	free(digits);
}
END_TEST

START_TEST(beyond_int64_and_double)
{
	static const struct {
		const char *text;
		double at_least;  /* the value must be at least this; -1: an identifier */
	} cases[] = {
		{"9223372036854775807 people were killed", 9.2e18},
		{"9223372036854775808 people were killed", 9.2e18},
		{"18446744073709551616 people were killed", 1.8e19},
		{"99999999999999999999999 people were killed", 9.9e22},
		{"1e308 people were killed", 0},
		{"1e309 people were killed", 0},
		{"1.7976931348623157e308 people were killed", 0},
		{"179769313486231570000000000000000000000000000000000000000000000000000000000000"
		 "000000000000000000000000000000000000000000000000000000000000000000000000000000"
		 "000000000000000000000000000000000000000000000000000000000000000000000000000000"
		 "000000000000000000000000000000000000000000000000000000000000000000000000000000"
		 "0000 people were killed", -1},
		/* the largest double itself (309 digits) is still a figure; one more
		 * digit is not */
		{"179769313486231570000000000000000000000000000000000000000000000000000000000000"
		 "000000000000000000000000000000000000000000000000000000000000000000000000000000"
		 "000000000000000000000000000000000000000000000000000000000000000000000000000000"
		 "000000000000000000000000000000000000000000000000000000000000000000000000000"
		 " people were killed", 1.7976931348623157e308},
		{"999999999999999999999999999999999999999999999999999999999999999999999999999999"
		 "999999999999999999999999999999999999999999999999999999999999999999999999999999"
		 "999999999999999999999999999999999999999999999999999999999999999999999999999999"
		 "999999999999999999999999999999999999999999999999999999999999999999999999999"
		 " people were killed", -1},
		{"99999999999999999999 million people were killed", 9.9e19},
		{"1.5 billion billion people were killed", 0},
		{"nearly 1e309 people were killed", 0},
		{"more than 18446744073709551616 were hurt", 1.8e19},
		{"between 1e308 and 1e309 were hurt", 0},
		{"0.0000000000000000000000000000000000000000000000000000000000000000000001 dead", 0},
		{"1e-400 dead", 0},
		{"-9223372036854775809 dead", 0},
	};
	for (size_t i = 0; i < RC_ARRAY_LEN(cases); i++) {
		const char *t = cases[i].text;
		rc_quantity_list l = scan(t, strlen(t));
		for (size_t k = 0; k < l.len; k++) {
			const rc_quantity *q = &l.items[k];
			/* Text without a minus sign is never read as negative. */
			if (t[0] != '-')
				ck_assert_msg(q->value >= 0, "'%s' read as %g", t, q->value);
		}
		const rc_quantity *q = at(&l, strcspn(t, "0123456789"));
		if (cases[i].at_least < 0)
			ck_assert_msg(q && q->kind == RC_QK_ID && q->iv.lo_inf && q->iv.hi_inf,
			              "'%.40s...' is no identifier", t);
		else if (q && cases[i].at_least > 0)
			ck_assert_msg(q->value >= cases[i].at_least && isfinite(q->value),
			              "'%s' read as %.17g", t, q->value);
		rc_quantity_list_dispose(&l);
	}
}
END_TEST

START_TEST(comma_runs)
{
	size_t n = rb_big(100000, 3000);
	rc_buf b;
	rc__buf_init(&b, 0);
	for (size_t i = 1; i <= n; i++)
		rc__buf_printf(&b, "%zu%s", i, i < n ? "," : " people were counted.");
	rc_quantity_list l = scan(b.data, b.len);
	/* "1,2,3" is three numbers, and "999,1000" is not 999,100. */
	for (size_t i = 0; i < l.len; i++)
		ck_assert_msg(l.items[i].value <= (double)n, "read %g in 1..%zu", l.items[i].value, n);
	rc_quantity_list_dispose(&l);

	static const char *const units[] = {"1, ", "1,000,", "12.", "1-", "1 to ", "1 and ",
	                                    "between 1 and ", "1/", "1:", "1st, "};
	for (size_t u = 0; u < RC_ARRAY_LEN(units); u++) {
		char *s = rb_repeat(units[u], rb_big(200000, 5000));
		scan_str(s);
		free(s);
	}
	rc__buf_dispose(&b);
}
END_TEST

/*
 * Long runs of what the patterns look for, each without the end a pattern
 * wants: the shapes that make backtracking matchers go exponential or
 * quadratic.  The Check timeout catches a scan that does not finish.
 */
static const char *const bait[] = {
	"1", "1 ", "1,", "1.", "- ", "-", "\xE2\x80\x93", "between ", "at least more than nearly about ",
	"a", "a ", "one two three four five six seven eight nine ten ", "twenty-",
	"hundred ", "thousand and ", "dozens of ", "\xC2\xA0", "\xE2\x80\x89", "(", "\"", "$",
	"%", "1e", "1e1", "No. ", "2024-", "12:", "p.m. ", "killed ", "\xEF\xBF\xBD", "\xFF",
};

START_TEST(backtracking_bait)
{
	size_t size = rb_big(300000, 10000);
	for (size_t i = 0; i < RC_ARRAY_LEN(bait); i++) {
		char *s = rb_repeat(bait[i], size);
		double t0 = rb_now();
		scan_str(s);
		double dt = rb_now() - t0;
		/* Linear scanners do this in milliseconds; a generous bound
		 * still tells quadratic from linear at this size. */
		if (!rb_small())
			ck_assert_msg(dt < 20.0, "'%s' x %zu bytes took %.1f s", bait[i], size, dt);
		free(s);
	}
}
END_TEST

START_TEST(unterminated_and_empty_text)
{
	static const char *const texts[] = {"killed 12", "12", "over 1,000", "nearly",
	                                    "between 3 and", "\xE2\x80"};
	for (size_t i = 0; i < RC_ARRAY_LEN(texts); i++) {
		/* An exact-size copy: a read past the end is caught by ASan and
		 * valgrind. */
		size_t len = strlen(texts[i]);
		char *exact = malloc(len);
		memcpy(exact, texts[i], len);
		rc_quantity_list l = scan(exact, len);
		rc_quantity_list_dispose(&l);
		free(exact);
	}
	rc_quantity_list l = scan("", 0);
	ck_assert_uint_eq(l.len, 0);
	rc_quantity_list_dispose(&l);
}
END_TEST

int main(void)
{
	if (rb_skip_unless(RB_NEED_QUANTITY))
		return 0;
	Suite *s = suite_create("robustness-quantity");
	TCase *tc = tcase_create("hostile");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, ten_thousand_digits);
	tcase_add_test(tc, beyond_int64_and_double);
	tcase_add_test(tc, comma_runs);
	tcase_add_test(tc, backtracking_bait);
	tcase_add_test(tc, unterminated_and_empty_text);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
