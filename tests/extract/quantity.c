/*
 * The quantity recognizer against fixtures/cases/quantities.txt (several
 * hundred hand-written cases: every quantity of the seed articles, each
 * qualifier, vague term and non-count, and negative cases), plus the
 * API around it: tolerance, vague overrides, interval notation.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <recount/quantity.h>
#include "core/core.h"
#include "extract/quantity-int.h"
#include "support.h"

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

/* "84", "[84,103]", "(90,inf)", "(-inf,100)", "-" */
static bool parse_iv(const char *s, rc_interval *iv)
{
	memset(iv, 0, sizeof *iv);
	if (strcmp(s, "-") == 0) {
		iv->lo_inf = iv->hi_inf = true;
		return true;
	}
	if (*s != '[' && *s != '(') {
		char *end;
		iv->lo = iv->hi = strtod(s, &end);
		iv->lo_incl = iv->hi_incl = true;
		return *end == 0;
	}
	iv->lo_incl = *s == '[';
	const char *comma = strchr(s, ',');
	size_t n = strlen(s);
	if (!comma || n < 4)
		return false;
	iv->hi_incl = s[n - 1] == ']';
	char lo[64], hi[64];
	snprintf(lo, sizeof lo, "%.*s", (int)(comma - s - 1), s + 1);
	snprintf(hi, sizeof hi, "%.*s", (int)(s + n - 1 - comma - 1), comma + 1);
	if (strcmp(lo, "-inf") == 0)
		iv->lo_inf = true, iv->lo_incl = false;
	else
		iv->lo = strtod(lo, NULL);
	if (strcmp(hi, "inf") == 0)
		iv->hi_inf = true, iv->hi_incl = false;
	else
		iv->hi = strtod(hi, NULL);
	return true;
}

static bool same_iv(const rc_interval *a, const rc_interval *b)
{
	if (a->lo_inf != b->lo_inf || a->hi_inf != b->hi_inf)
		return false;
	if (!a->lo_inf && (fabs(a->lo - b->lo) > 1e-9 * fmax(1, fabs(a->lo)) || a->lo_incl != b->lo_incl))
		return false;
	if (!a->hi_inf && (fabs(a->hi - b->hi) > 1e-9 * fmax(1, fabs(a->hi)) || a->hi_incl != b->hi_incl))
		return false;
	return true;
}

/* Check one expectation against q; on mismatch, describe it in why. */
static bool check_one(const char *input, const char *exp, const rc_quantity *q, char *why, size_t wn)
{
	char kind[16], span[512], rest[512] = "";
	int used = 0;
	if (sscanf(exp, "%15s \"%511[^\"]\"%n", kind, span, &used) < 2) {
		snprintf(why, wn, "bad expectation '%s'", exp);
		return false;
	}
	snprintf(rest, sizeof rest, "%s", exp + used);
	char *save, *ivs = strtok_r(rest, " ", &save);
	rc_interval iv;
	if (!ivs || !parse_iv(ivs, &iv)) {
		snprintf(why, wn, "bad interval in '%s'", exp);
		return false;
	}
	bool approx = false, vague = false;
	const char *qual = NULL;
	char qbuf[64] = "";
	const char *qpos = strstr(exp + used, "q=\"");
	if (qpos) {
		sscanf(qpos + 3, "%63[^\"]", qbuf);
		qual = qbuf;
	}
	approx = strstr(exp + used, " approx") != NULL;
	vague = strstr(exp + used, " vague") != NULL;
	char got_span[512];
	snprintf(got_span, sizeof got_span, "%.*s", (int)(q->end - q->start), input + q->start);
	const char *gk = rc_quantity_kind_str(q->kind);
	bool ok = strcmp(gk, kind) == 0 && strcmp(got_span, span) == 0 && approx == q->approx &&
	          vague == q->vague;
	if (q->kind == RC_QK_DATE || q->kind == RC_QK_TIME || q->kind == RC_QK_ID || q->kind == RC_QK_PHRASE)
		ok = ok && iv.lo_inf && iv.hi_inf;
	else
		ok = ok && same_iv(&iv, &q->iv);
	if (qual && !vague)
		ok = ok && q->qualifier && strcmp(q->qualifier, qual) == 0;
	else if (!vague)
		ok = ok && !q->qualifier;
	if (!ok) {
		char giv[96];
		rc_interval_str(&q->iv, giv, sizeof giv);
		snprintf(why, wn, "expected %s, got %s \"%s\" %s%s%s q=%s", exp, gk, got_span, giv,
		         q->approx ? " approx" : "", q->vague ? " vague" : "",
		         q->qualifier ? q->qualifier : "(none)");
	}
	return ok;
}

START_TEST(table)
{
	size_t len;
	char *text = rc_test_slurp(rc_test_fixture("cases/quantities.txt"), &len);
	size_t cases = 0, failed = 0, lineno = 0;
	unsigned fired[64] = {0};
	ck_assert_uint_le(rc__qrules_len, 64);
	char *save_line;
	for (char *line = strtok_r(text, "\n", &save_line); line; line = strtok_r(NULL, "\n", &save_line)) {
		lineno++;
		if (line[0] == '#' || !line[0])
			continue;
		char *arrow = strstr(line, " => ");
		ck_assert_msg(arrow, "quantities.txt: a case without ' => ': %s", line);
		*arrow = 0;
		const char *input = line, *exps = arrow + 4;
		rc_quantity_list l = {0};
		rc_error err;
		ck_assert_int_eq(rc__quantities_scan_traced(&l, rec, input, strlen(input), fired, &err),
		                 RC_OK);
		cases++;
		/* split the expectations on " ; " */
		char buf[2048];
		snprintf(buf, sizeof buf, "%s", exps);
		const char *want[16];
		size_t nw = 0;
		if (strcmp(buf, "none") != 0) {
			char *p = buf;
			for (;;) {
				char *sep = strstr(p, " ; ");
				if (nw < 16)
					want[nw++] = p;
				if (!sep)
					break;
				*sep = 0;
				p = sep + 3;
			}
		}
		bool ok = nw == l.len;
		char why[1400] = "";
		if (!ok)
			snprintf(why, sizeof why, "expected %zu quantities, got %zu", nw, l.len);
		for (size_t k = 0; ok && k < nw; k++)
			ok = check_one(input, want[k], &l.items[k], why, sizeof why);
		if (!ok) {
			failed++;
			fprintf(stderr, "quantities.txt: '%s': %s\n", input, why);
		}
		rc_quantity_list_dispose(&l);
	}
	printf("# quantities.txt: %zu cases, %zu failed\n", cases, failed);
	ck_assert_uint_ge(cases, 300);
	ck_assert_uint_eq(failed, 0);
	/* every recognizer of the cascade reads at least one case */
	for (size_t k = 0; k < rc__qrules_len; k++)
		ck_assert_msg(fired[k] > 0, "quantities.txt: no case for the recognizer '%s' (%s)",
		              rc__qrules[k].name, rc__qrules[k].reads);
	free(text);
}
END_TEST

/* The tolerance is applied in one place, and its three shapes are right. */
START_TEST(tolerance)
{
	rc_interval about = {.lo = 100, .hi = 100, .lo_incl = true, .hi_incl = true};
	rc_interval w = rc_interval_widen(&about, 100, true, "about", 0.10);
	ck_assert(w.lo == 90 && w.hi == 110 && w.lo_incl && w.hi_incl);
	rc_interval nearly = {.hi = 100, .lo_inf = true};
	w = rc_interval_widen(&nearly, 100, true, "nearly", 0.10);
	ck_assert(!w.lo_inf && w.lo == 90 && w.lo_incl && w.hi == 100 && !w.hi_incl);
	rc_interval just_over = {.lo = 90, .hi_inf = true};
	w = rc_interval_widen(&just_over, 90, true, "just over", 0.10);
	ck_assert(!w.hi_inf && w.hi == 99 && w.hi_incl && w.lo == 90 && !w.lo_incl);
	/* exact figures never move */
	rc_interval over = {.lo = 90, .hi_inf = true};
	w = rc_interval_widen(&over, 90, false, "over", 0.10);
	ck_assert(w.hi_inf && w.lo == 90 && !w.lo_incl);
	/* a recognizer's tolerance reaches rc_quantity_effective */
	rc_recognizer *r2;
	rc_error err;
	rc_recognizer_options o = {.version = RC_RECOGNIZER_OPTIONS_VERSION, .approx_tolerance = 0.2};
	ck_assert_int_eq(rc_recognizer_new(&r2, &o, &err), RC_OK);
	ck_assert(rc_recognizer_tolerance(r2) == 0.2);
	rc_quantity_list l = {0};
	const char *t = "nearly 100 people";
	ck_assert_int_eq(rc_quantities_scan(&l, r2, t, strlen(t), &err), RC_OK);
	ck_assert_uint_eq(l.len, 1);
	w = rc_quantity_effective(r2, &l.items[0]);
	ck_assert(w.lo == 80 && w.hi == 100 && !w.hi_incl);
	rc_quantity_list_dispose(&l);
	rc_recognizer_free(r2);
	o.approx_tolerance = 1.5;
	ck_assert_int_eq(rc_recognizer_new(&r2, &o, &err), RC_ERR_INVALID);
}
END_TEST

/* The example: 84 and "over 90" conflict, "over 90" and "nearly
 * 100" do not, once the tolerance is applied. */
START_TEST(kerman_compatibility)
{
	rc_quantity_list l = {0};
	rc_error err;
	const char *t = "84 deaths; claimed over 90 lives; killed nearly 100 people";
	ck_assert_int_eq(rc_quantities_scan(&l, rec, t, strlen(t), &err), RC_OK);
	ck_assert_uint_eq(l.len, 3);
	rc_interval a = rc_quantity_effective(rec, &l.items[0]);
	rc_interval b = rc_quantity_effective(rec, &l.items[1]);
	rc_interval c = rc_quantity_effective(rec, &l.items[2]);
	ck_assert(a.hi < b.lo || (a.hi == b.lo && !(a.hi_incl && b.lo_incl)));  /* disjoint */
	ck_assert(b.lo < c.hi && c.lo <= b.lo + 10);                               /* overlap */
	ck_assert(!rc_interval_meets(&a, &b) && !rc_interval_meets(&b, &a));
	ck_assert(rc_interval_meets(&b, &c) && rc_interval_meets(&c, &b));
	ck_assert(rc_interval_meets(&a, &a) && rc_interval_equal(&c, &c) && !rc_interval_equal(&b, &c));
	rc_quantity_list_dispose(&l);
}
END_TEST

/* Touching ends meet only when both are included; infinite ends compare
 * by their flags alone. */
START_TEST(interval_relations)
{
	rc_interval lo = {.lo = 10, .hi = 20, .lo_incl = true, .hi_incl = true};
	rc_interval hi_closed = {.lo = 20, .hi = 30, .lo_incl = true, .hi_incl = true};
	rc_interval hi_open = {.lo = 20, .hi = 30, .lo_incl = false, .hi_incl = true};
	rc_interval up = {.lo = 25, .hi_inf = true, .lo_incl = true};
	rc_interval up2 = {.lo = 25, .hi = 999, .hi_inf = true, .lo_incl = true, .hi_incl = true};
	ck_assert(rc_interval_meets(&lo, &hi_closed));
	ck_assert(!rc_interval_meets(&lo, &hi_open) && !rc_interval_meets(&hi_open, &lo));
	ck_assert(!rc_interval_meets(&lo, &up) && rc_interval_meets(&hi_open, &up));
	ck_assert(rc_interval_equal(&up, &up2));
	ck_assert(!rc_interval_equal(&hi_closed, &hi_open));
}
END_TEST

START_TEST(vague_override)
{
	rc_error err;
	ck_assert_int_eq(rc_recognizer_set_vague_spec(rec, "dozens=13,99", &err), RC_OK);
	ck_assert_int_eq(rc_recognizer_set_vague_spec(rec, "many=10,", &err), RC_OK);
	rc_quantity_list l = {0};
	const char *t = "dozens of people and many others";
	ck_assert_int_eq(rc_quantities_scan(&l, rec, t, strlen(t), &err), RC_OK);
	ck_assert_uint_eq(l.len, 2);
	ck_assert(l.items[0].iv.lo == 13 && l.items[0].iv.hi == 99 && l.items[0].vague);
	ck_assert(l.items[1].iv.lo == 10 && l.items[1].iv.hi_inf);
	rc_quantity_list_dispose(&l);
	ck_assert_int_eq(rc_recognizer_set_vague_spec(rec, "bazillions=1,2", &err), RC_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err.message, "unknown vague term 'bazillions'"));
	ck_assert_int_eq(rc_recognizer_set_vague_spec(rec, "dozens=99,13", &err), RC_ERR_INVALID);
	ck_assert_int_eq(rc_recognizer_set_vague_spec(rec, "dozens", &err), RC_ERR_INVALID);
	ck_assert_int_eq(rc_recognizer_set_vague_spec(rec, "dozens=x,3", &err), RC_ERR_INVALID);
}
END_TEST

START_TEST(notation)
{
	char b[64];
	rc_interval p = {.lo = 84, .hi = 84, .lo_incl = true, .hi_incl = true};
	rc_interval_str(&p, b, sizeof b);
	ck_assert_str_eq(b, "84");
	rc_interval o = {.lo = 90, .hi_inf = true};
	rc_interval_str(&o, b, sizeof b);
	ck_assert_str_eq(b, "(90, \xe2\x88\x9e)");
	rc_interval r = {.lo = 1.5, .hi = 103, .lo_incl = true, .hi_incl = false};
	rc_interval_str(&r, b, sizeof b);
	ck_assert_str_eq(b, "[1.5, 103)");
	/* truncated output stays a string */
	ck_assert_uint_gt(rc_interval_str(&r, b, 4), 3);
	ck_assert_uint_eq(strlen(b), 3);
}
END_TEST

/* Offsets are bytes into the text, typographic spaces and dashes included. */
START_TEST(byte_offsets)
{
	rc_quantity_list l = {0};
	rc_error err;
	const char *t = "\xe2\x80\x9c" "84\xe2\x80\x93" "103\xe2\x80\x9d and 1\xe2\x80\xaf" "200";
	ck_assert_int_eq(rc_quantities_scan(&l, rec, t, strlen(t), &err), RC_OK);
	ck_assert_uint_eq(l.len, 2);
	ck_assert_uint_eq(l.items[0].start, 3);
	ck_assert_uint_eq(l.items[0].end, 3 + 2 + 3 + 3);
	ck_assert(l.items[0].kind == RC_QK_RANGE && l.items[0].iv.hi == 103);
	ck_assert(l.items[1].value == 1200);
	ck_assert_uint_eq(l.items[1].end, strlen(t));
	rc_quantity_list_dispose(&l);
}
END_TEST

static bool same_end(double a, double b, bool ia, bool ib, bool fa, bool fb)
{
	return fa == fb && (fa || (ia == ib && (a == b || (isnan(a) && isnan(b)))));
}

/* Equal field by field (a struct has padding bytes memcmp would read). */
static bool same_quantity(const rc_quantity *a, const rc_quantity *b)
{
	return a->kind == b->kind && a->start == b->start && a->end == b->end &&
	       a->num_start == b->num_start && a->num_end == b->num_end &&
	       a->approx == b->approx && a->vague == b->vague && a->qualifier == b->qualifier &&
	       (a->value == b->value || (isnan(a->value) && isnan(b->value))) &&
	       same_end(a->iv.lo, b->iv.lo, a->iv.lo_incl, b->iv.lo_incl, a->iv.lo_inf, b->iv.lo_inf) &&
	       same_end(a->iv.hi, b->iv.hi, a->iv.hi_incl, b->iv.hi_incl, a->iv.hi_inf, b->iv.hi_inf);
}

/* Scan text with the prefilter on and off: the lists must be equal. */
static void same_with_and_without_prefilter(const char *text, size_t len)
{
	rc_error err;
	ck_assert_int_eq(rec->prefilter, RC__PREFILTER_PACED);
	rc_quantity_list off = {0};
	rec->prefilter = RC__PREFILTER_OFF;
	ck_assert_int_eq(rc_quantities_scan(&off, rec, text, len, &err), RC_OK);
	for (int mode = RC__PREFILTER_PACED; mode <= RC__PREFILTER_ALWAYS; mode++) {
		rc_quantity_list on = {0};
		rec->prefilter = mode;
		ck_assert_int_eq(rc_quantities_scan(&on, rec, text, len, &err), RC_OK);
		ck_assert_uint_eq(on.len, off.len);
		for (size_t k = 0; k < on.len; k++)
			ck_assert_msg(same_quantity(&on.items[k], &off.items[k]),
			              "prefilter changed quantity %zu: '%.*s' (%s) for '%.*s' (%s) in '%.*s'", k,
			              (int)(on.items[k].end - on.items[k].start), text + on.items[k].start,
			              rc_quantity_kind_str(on.items[k].kind),
			              (int)(off.items[k].end - off.items[k].start), text + off.items[k].start,
			              rc_quantity_kind_str(off.items[k].kind),
			              80, text + (off.items[k].start > 40 ? off.items[k].start - 40 : 0));
		rc_quantity_list_dispose(&on);
	}
	rec->prefilter = RC__PREFILTER_PACED;
	rc_quantity_list_dispose(&off);
}

/*
 * The prefilter passes over sentences with no digits and no number word;
 * it must never change what is found.  Every case of quantities.txt, and
 * a deterministic shuffle of their words with sentence ends, blank lines,
 * abbreviations ("Jan.", "No."), apostrophes and typographic spaces and
 * quotes between them, are scanned both ways.
 */
START_TEST(prefilter_changes_nothing)
{
	/* quiet words up to an abbreviation whose number follows it */
	static const char *const quiet[] = {
		"The vote was held on Jan. 6 and counted later. Officials met on Feb. 3.",
		"The plane was flight No. 5 to the coast. Nothing else was said!",
		"They spoke to the U.S. envoy. Iran's officials said 12 people died.",
		"Nobody spoke.\n\nThe ministry said on Oct. 12, late, that 7 had died. Done? Yes.",
		"Rescuers worked through the night. They found dozens of survivors.",
	};
	for (size_t k = 0; k < RC_ARRAY_LEN(quiet); k++)
		same_with_and_without_prefilter(quiet[k], strlen(quiet[k]));
	size_t len;
	char *cases = rc_test_slurp(rc_test_fixture("cases/quantities.txt"), &len);
	same_with_and_without_prefilter(cases, len);
	static const char *const seps[] = {
		" ", " ", " ", " ", ". ", ".\n", "! ", "? ", "\n\n", ", ", " Jan. ", " No. ",
		" Iran's ", " U.S. ", "\xc2\xa0", "\xe2\x80\x89", " \xe2\x80\x9c", "\xe2\x80\x9d ",
		" \xe2\x80\x94 ", ". The ", " the people. ", " - ", " one ", "\n- ", "... ",
	};
	/* the words of the cases, without the expectations */
	const char *words[4096];
	size_t nw = 0;
	char *save;
	for (char *w = strtok_r(cases, " \n", &save); w && nw < 4096; w = strtok_r(NULL, " \n", &save))
		if (w[0] != '#' && strcmp(w, "=>") != 0)
			words[nw++] = w;
	uint32_t seed = 12345;
	for (int round = 0; round < 40; round++) {
		rc_buf b;
		rc__buf_init(&b, 0);
		for (int k = 0; k < 3000; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *w = words[(seed >> 8) % nw];
			seed = seed * 1103515245u + 12345u;
			/* most words stay, so that quiet sentences are made too */
			if ((seed >> 8) % 4 == 0 && strpbrk(w, "0123456789"))
				w = "words";
			seed = seed * 1103515245u + 12345u;
			rc__buf_printf(&b, "%s%s", w, seps[(seed >> 8) % RC_ARRAY_LEN(seps)]);
		}
		same_with_and_without_prefilter(b.data, b.len);
		rc__buf_dispose(&b);
	}
	free(cases);
}
END_TEST

/* docs/quantities.md lists every recognizer of the cascade, as a table row. */
START_TEST(docs_list_every_recognizer)
{
	const char *root = getenv("RC_SOURCE_ROOT");
	char path[4096];
	snprintf(path, sizeof path, "%s/docs/quantities.md", root ? root : ".");
	char *doc = rc_test_slurp(path, NULL);
	for (size_t k = 0; k < rc__qrules_len; k++) {
		char row[96];
		snprintf(row, sizeof row, "\n| `%s` |", rc__qrules[k].name);
		ck_assert_msg(strstr(doc, row), "docs/quantities.md has no row for the recognizer '%s'",
		              rc__qrules[k].name);
	}
	free(doc);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("quantity");
	TCase *tc = tcase_create("quantity");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, table);
	tcase_add_test(tc, tolerance);
	tcase_add_test(tc, kerman_compatibility);
	tcase_add_test(tc, interval_relations);
	tcase_add_test(tc, vague_override);
	tcase_add_test(tc, notation);
	tcase_add_test(tc, byte_offsets);
	tcase_add_test(tc, docs_list_every_recognizer);
	tcase_add_test(tc, prefilter_changes_nothing);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
