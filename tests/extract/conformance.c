/*
 * Conformance with a peer: Microsoft Recognizers-Text's English number and
 * number-range cases ($RC_SHARED/peers/recognizers-text, MIT), read as data.
 *
 * For each file it decides which cases are in scope for a recognizer of
 * figures in news (docs/quantities.md lists every category left out, and
 * why), runs the recognizer on each in-scope case and compares:
 *  - NumberModel.json and NumberModelExperimentalMode.json: every number
 *    the peer finds (its span and value)
 *    against recount's numeric figures (counts, ranges, years, money,
 *    measures, percentages, ages; not dates, times, ordinals or ids), by
 *    the span of the number itself and its value;
 *  - NumberRangeModelExperimentalMode.json: every interval the peer finds
 *    against recount's qualified figures and ranges, by span and interval
 *    (open and closed ends included).
 * A case passes when the two lists are equal (a case with no results
 * passes when recount finds none either).  The pass rate per file is
 * printed; the test fails below the thresholds, which are raised as the
 * recognizer improves.  Without ../shared the test is skipped.
 * RC_CONFORMANCE_VERBOSE=1 prints every failing and out-of-scope case.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <recount/quantity.h>
#include "support.h"

#define NUMBER_THRESHOLD 0.985
#define RANGE_THRESHOLD 1.0

static rc_recognizer *rec;
static bool verbose;

/* Code points in s[0..n): the peer counts characters, recount bytes. */
static size_t chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

static bool contains_any(const char *s, const char *const *words)
{
	for (size_t i = 0; words[i]; i++)
		if (strstr(s, words[i]))
			return true;
	return false;
}

/*
 * Why a case is out of scope, or NULL.  Each rule is a category of
 * docs/quantities.md ("Conformance").
 */
static const char *out_of_scope(const json_t *c, bool range_file)
{
	const char *in = json_string_value(json_object_get(c, "Input"));
	const json_t *res = json_object_get(c, "Results");
	size_t i;
	const json_t *r;
	json_array_foreach(res, i, r) {
		const json_t *rs = json_object_get(r, "Resolution");
		const char *sub = json_string_value(json_object_get(rs, "subtype"));
		const char *text = json_string_value(json_object_get(r, "Text"));
		/* "five and a half million", "a quarter million": a fraction of a
		 * scale that makes a whole number is a count news reports */
		static const char *const scales[] = {"dozen", "hundred", "thousand", "million",
		                                     "billion", "trillion", NULL};
		const char *v = json_string_value(json_object_get(rs, "value"));
		double fv = v ? strtod(v, NULL) : 0.5;
		static const char *const halves[] = {"half", "quarter", NULL};
		bool whole_of_scale = sub && !strcmp(sub, "fraction") && text &&
		                      contains_any(text, scales) && contains_any(text, halves) &&
		                      fv == floor(fv);
		if (sub && (!strcmp(sub, "fraction") || !strcmp(sub, "power")) && !whole_of_scale)
			return "fractions and powers (news counts are whole numbers)";
		/* decimal commas: "1,3", "5,00", "1.111,11", "12,34,567"; a comma
		 * after words ("one hundred, lower than ...") is punctuation */
		if (text) {
			const char *cm = strchr(text, ',');
			while (cm) {
				size_t d = strspn(cm + 1, "0123456789");
				bool after_digit = cm > text && cm[-1] >= '0' && cm[-1] <= '9';
				if (after_digit && (d != 3 || (cm[1 + d] >= '0' && cm[1 + d] <= '9')))
					return "decimal commas and lakh grouping (12,34,567)";
				cm = strchr(cm + 1, ',');
			}
		}
	}
	static const char *const fractions[] = {"half", "quarter", "third", "fifth", "1/2",
	                                        "tenth", "fifteenth", NULL};
	if (range_file && contains_any(in, fractions))
		return "fractions and ordinal ranks as bounds";
	static const char *const suffixes[] = {"10G", "1,674.5 G", "1,674,200.5 M", "2.33 k",
	                                       "10  k", "lakh crore", NULL};
	if (contains_any(in, suffixes))
		return "SI prefixes (G), spaced scale letters (\"2.33 k\") and rare abbreviations";
	/* numbers inside identifiers, dates, addresses and phone numbers */
	static const char *const ids[] = {"192.168", "SCP-", "5/17/2018", "+1-222", "nrs.", "nr. ",
	                                  NULL};
	if (!range_file && contains_any(in, ids))
		return "digits inside identifiers, dates and phone numbers (recount reads them whole)";
	static const char *const divisions[] = {" over ", " in ", " out of ", NULL};
	if (!range_file && contains_any(in, divisions)) {
		/* the peer reads "2000 over 3", "8 in 5" as divisions or pairs */
		json_array_foreach(res, i, r) {
			const char *text = json_string_value(json_object_get(r, "Text"));
			if (text && (strstr(text, " over ") || strstr(text, " in ") || strstr(text, " out of ")))
				return "divisions and ratios (\"2000 over 3\", \"1 in 21\")";
		}
	}
	return NULL;
}

/* The peer's interval "(20,35]" "[30,)" "(,100]". */
static bool peer_interval(const char *v, rc_interval *iv)
{
	memset(iv, 0, sizeof *iv);
	size_t n = strlen(v);
	if (n < 3)
		return false;
	iv->lo_incl = v[0] == '[';
	iv->hi_incl = v[n - 1] == ']';
	const char *comma = strchr(v, ',');
	if (!comma)
		return false;
	if (comma == v + 1)
		iv->lo_inf = true, iv->lo_incl = false;
	else
		iv->lo = strtod(v + 1, NULL);
	if (comma + 1 == v + n - 1)
		iv->hi_inf = true, iv->hi_incl = false;
	else
		iv->hi = strtod(comma + 1, NULL);
	return true;
}

static bool near(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(1, fabs(b));
}

/* A figure the peer would call a number: not dates, times, ordinals or
 * identifiers, and not a measure glued to its unit ("180ml", "29km"),
 * which the peer does not report (recount reads it as a measure, no count
 * either). */
static bool numeric(const char *in, const rc_quantity *q)
{
	rc_quantity_kind k = q->kind;
	if (k == RC_QK_MEASURE && q->num_end < q->end && in[q->num_end] != ' ')
		return false;
	return k == RC_QK_COUNT || k == RC_QK_RANGE || k == RC_QK_YEAR || k == RC_QK_MONEY ||
	       k == RC_QK_MEASURE || k == RC_QK_PERCENT || k == RC_QK_AGE;
}

/* Does the case pass?  number: NumberModel rules, else range rules. */
static bool run_case(const json_t *c, bool number)
{
	const char *in = json_string_value(json_object_get(c, "Input"));
	const json_t *res = json_object_get(c, "Results");
	rc_quantity_list l = {0};
	rc_error err;
	if (rc_quantities_scan(&l, rec, in, strlen(in), &err) != RC_OK)
		return false;
	/* recount's results in the peer's terms */
	size_t n = 0;
	bool ok = true;
	for (size_t k = 0; k < l.len; k++) {
		const rc_quantity *q = &l.items[k];
		bool counted = number ? numeric(in, q)
		                      : (q->kind != RC_QK_VAGUE && q->kind != RC_QK_ID &&
		                         q->kind != RC_QK_DATE && q->kind != RC_QK_TIME &&
		                         (q->qualifier || q->kind == RC_QK_RANGE));
		if (!counted)
			continue;
		const json_t *r = json_array_get(res, n++);
		if (!r) {
			ok = false;
			break;
		}
		size_t start = (size_t)json_integer_value(json_object_get(r, "Start"));
		size_t end = (size_t)json_integer_value(json_object_get(r, "End")) + 1;
		const char *v = json_string_value(json_object_get(json_object_get(r, "Resolution"), "value"));
		if (!v) {
			ok = false;
			break;
		}
		if (number) {
			size_t s = chars(in, q->num_start), e = chars(in, q->num_end);
			/* a sign word or symbol is part of the peer's number */
			if (q->value < 0 && q->start < q->num_start && start == chars(in, q->start))
				s = start;
			ok = s == start && e == end && near(q->value, strtod(v, NULL));
		} else {
			rc_interval want;
			size_t s = chars(in, q->start), e = chars(in, q->end), ne = chars(in, q->num_end);
			/* The peer has no approximations: "about 20~100" is its [20,100]
			 * from "20", recount's approximate [20,100] from "about". */
			if (q->approx && q->kind == RC_QK_RANGE && q->num_start > q->start)
				s = chars(in, q->num_start);
			/* recount's span may run on over a unit ("thirty years old") */
			ok = peer_interval(v, &want) && s == start && end >= ne && end <= e &&
			     want.lo_inf == q->iv.lo_inf && want.hi_inf == q->iv.hi_inf &&
			     (want.lo_inf || (near(q->iv.lo, want.lo) && want.lo_incl == q->iv.lo_incl)) &&
			     (want.hi_inf || (near(q->iv.hi, want.hi) && want.hi_incl == q->iv.hi_incl));
		}
		if (!ok)
			break;
	}
	if (ok && n != json_array_size(res))
		ok = false;
	if (!ok && verbose) {
		printf("# FAIL %s: got", in);
		for (size_t k = 0; k < l.len; k++) {
			char b[96];
			rc_interval_str(&l.items[k].iv, b, sizeof b);
			printf(" [%s '%.*s' %s]", rc_quantity_kind_str(l.items[k].kind),
			       (int)(l.items[k].end - l.items[k].start), in + l.items[k].start, b);
		}
		printf("\n");
	}
	rc_quantity_list_dispose(&l);
	return ok;
}

typedef struct rate {
	size_t cases, in_scope, passed;
} rate;

static rate run_file(const char *path, bool number)
{
	rate r = {0};
	json_error_t je;
	json_t *cases = json_load_file(path, 0, &je);
	ck_assert_msg(cases && json_is_array(cases), "%s:%d:%d: %s", path, je.line, je.column, je.text);
	size_t i;
	json_t *c;
	json_array_foreach(cases, i, c) {
		r.cases++;
		const char *why = out_of_scope(c, !number);
		if (why) {
			if (verbose)
				printf("# out of scope (%s): %s\n", why,
				       json_string_value(json_object_get(c, "Input")));
			continue;
		}
		r.in_scope++;
		if (run_case(c, number))
			r.passed++;
	}
	json_decref(cases);
	return r;
}

static const char *peer_path(const char *file)
{
	static char buf[4096];
	const char *shared = getenv("RC_SHARED");
	snprintf(buf, sizeof buf, "%s/peers/recognizers-text/%s", shared ? shared : "", file);
	return buf;
}

START_TEST(number_model)
{
	rate r = run_file(peer_path("NumberModel.json"), true);
	double p = r.in_scope ? (double)r.passed / (double)r.in_scope : 0;
	printf("# NumberModel.json: %zu cases, %zu in scope, %zu passed: %.1f%%\n", r.cases,
	       r.in_scope, r.passed, 100 * p);
	ck_assert_msg(p >= NUMBER_THRESHOLD, "NumberModel.json pass rate %.3f below %.3f", p,
	              NUMBER_THRESHOLD);
}
END_TEST

START_TEST(number_model_experimental)
{
	rate r = run_file(peer_path("NumberModelExperimentalMode.json"), true);
	double p = r.in_scope ? (double)r.passed / (double)r.in_scope : 0;
	printf("# NumberModelExperimentalMode.json: %zu cases, %zu in scope, %zu passed: %.1f%%\n",
	       r.cases, r.in_scope, r.passed, 100 * p);
	ck_assert_msg(p >= NUMBER_THRESHOLD,
	              "NumberModelExperimentalMode.json pass rate %.3f below %.3f", p, NUMBER_THRESHOLD);
}
END_TEST

START_TEST(range_model)
{
	rate r = run_file(peer_path("NumberRangeModelExperimentalMode.json"), false);
	double p = r.in_scope ? (double)r.passed / (double)r.in_scope : 0;
	printf("# NumberRangeModelExperimentalMode.json: %zu cases, %zu in scope, %zu passed: %.1f%%\n",
	       r.cases, r.in_scope, r.passed, 100 * p);
	ck_assert_msg(p >= RANGE_THRESHOLD, "range pass rate %.3f below %.3f", p, RANGE_THRESHOLD);
}
END_TEST

static void setup(void)
{
	rc_error err;
	ck_assert_int_eq(rc_recognizer_new(&rec, NULL, &err), RC_OK);
	verbose = getenv("RC_CONFORMANCE_VERBOSE") != NULL;
}

static void teardown(void)
{
	rc_recognizer_free(rec);
}

int main(void)
{
	FILE *probe = fopen(peer_path("NumberModel.json"), "r");
	if (!probe) {
		printf("1..0 # SKIP peer cases not found under $RC_SHARED/peers/recognizers-text\n");
		return 0;
	}
	fclose(probe);
	Suite *s = suite_create("conformance");
	TCase *tc = tcase_create("recognizers-text");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, number_model);
	tcase_add_test(tc, number_model_experimental);
	tcase_add_test(tc, range_model);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
