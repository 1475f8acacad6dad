/*
 * A tiny stand-in for the quantity recognizer, for claim tests that must
 * not depend on it: digits, number words, qualifiers, vague words, years,
 * "Month D" dates, ordinals and "one of the".  Good enough to feed the
 * claim matcher hand-checked quantities; not a recognizer.
 */
#ifndef RC_TEST_CLAIMS_FAKE_H
#define RC_TEST_CLAIMS_FAKE_H

#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <recount/quantity.h>
#include "core/core.h"
#include "extract/claims-priv.h"

static const struct { const char *w; double v; } fake_numbers[] = {
	{"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
	{"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11},
	{"twelve", 12}, {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
	{"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
	{"twenty-two", 22}, {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50},
	{"hundred", 100}, {"a dozen", 12}, {"dozen", 12},
};
static const char *const fake_vague[] = {"many", "several", "dozens", "hundreds",
                                         "thousands", "numerous", "scores"};
static const char *const fake_ordinals[] = {"first", "second", "third", "fourth"};
static const char *const fake_months[] = {"January", "February", "March", "April", "May",
                                          "June", "July", "August", "September",
                                          "October", "November", "December"};
static const struct { const char *w; bool lo, incl, approx; } fake_quals[] = {
	{"more than ", true, false, false}, {"over ", true, false, false},
	{"at least ", true, true, false}, {"nearly ", false, false, true},
	{"about ", false, true, true}, {"around ", false, true, true},
	{"some ", false, true, true}, {"up to ", false, true, false},
};
static size_t fake_word(const char *s, size_t len, size_t i, const char *w)
{
	size_t n = strlen(w);
	if (i + n > len || !rc__eq_nocase(s + i, n, w))
		return 0;
	if (i + n < len && rc__is_alpha((unsigned char)s[i + n]))
		return 0;
	return n;
}

static void fake_push(rc_quantity_list *l, rc_quantity q)
{
	if (RC_GROW(l->items, l->cap, l->len + 1) != RC_OK)
		abort();
	l->items[l->len++] = q;
}

/* Recognise the toy forms in s[0..len). */
static void fake_scan(rc_quantity_list *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		if (i > 0 && rc__is_alnum((unsigned char)s[i - 1])) {
			i++;
			continue;
		}
		size_t b = i, n;
		rc_quantity q = {.kind = RC_QK_COUNT};
		q.iv.lo_incl = q.iv.hi_incl = true;
		int qual = -1;
		for (size_t k = 0; k < RC_ARRAY_LEN(fake_quals); k++) {
			n = strlen(fake_quals[k].w);
			if (len - i >= n && rc__eq_nocase(s + i, n, fake_quals[k].w)) {
				qual = (int)k;
				i += n;
				break;
			}
		}
		size_t ns = i;
		double v = -1;
		if (i < len && rc__is_digit((unsigned char)s[i])) {
			v = 0;
			while (i < len && (rc__is_digit((unsigned char)s[i]) ||
			                   (s[i] == ',' && i + 1 < len && rc__is_digit((unsigned char)s[i + 1])))) {
				if (s[i] != ',')
					v = v * 10 + (s[i] - '0');
				i++;
			}
		} else {
			for (size_t k = 0; k < RC_ARRAY_LEN(fake_numbers); k++)
				if ((n = fake_word(s, len, i, fake_numbers[k].w))) {
					v = fake_numbers[k].v;
					i += n;
					break;
				}
		}
		if (v < 0) {
			i = b;
			if ((n = fake_word(s, len, i, "one of the"))) {
				fake_push(out, (rc_quantity){.kind = RC_QK_PHRASE, .start = i, .end = i + n,
				                             .num_start = i, .num_end = i + 3, .value = 1});
				i += n;
				continue;
			}
			for (size_t k = 0; k < RC_ARRAY_LEN(fake_vague); k++)
				if ((n = fake_word(s, len, i, fake_vague[k]))) {
					q.kind = RC_QK_VAGUE;
					q.vague = true;
					q.iv = (rc_interval){.lo = 3, .hi = 99, .lo_incl = true, .hi_incl = true};
					q.start = q.num_start = i;
					q.end = q.num_end = i + n;
					fake_push(out, q);
					i += n;
					goto next;
				}
			for (size_t k = 0; k < RC_ARRAY_LEN(fake_ordinals); k++)
				if ((n = fake_word(s, len, i, fake_ordinals[k]))) {
					fake_push(out, (rc_quantity){.kind = RC_QK_ORDINAL, .start = i,
					                             .end = i + n, .num_start = i,
					                             .num_end = i + n, .value = (double)k + 1});
					i += n;
					goto next;
				}
			for (size_t k = 0; k < RC_ARRAY_LEN(fake_months); k++)
				if ((n = fake_word(s, len, i, fake_months[k])) && i + n + 1 < len &&
				    rc__is_digit((unsigned char)s[i + n + 1])) {
					size_t e = i + n + 1;
					while (e < len && rc__is_digit((unsigned char)s[e]))
						e++;
					fake_push(out, (rc_quantity){.kind = RC_QK_DATE, .start = i, .end = e,
					                             .num_start = i + n + 1, .num_end = e});
					i = e;
					goto next;
				}
			i++;
			continue;
		}
		/* Not counts: "22-year-old", "70 percent", "3 a.m.", "300 metres". */
		static const char *const units[] = {"-year-old", " percent", " a.m.", " p.m.",
		                                    " metres", " meters", " kilometres", " minutes",
		                                    " millimetres", " hours", " tonnes", " taka",
		                                    " naira", "-hour", "-deck", "-member"};
		for (size_t k = 0; k < RC_ARRAY_LEN(units); k++) {
			size_t ul = strlen(units[k]);
			if (len - i >= ul && rc__eq_nocase(s + i, ul, units[k])) {
				q.kind = units[k][0] == '-' && units[k][1] == 'y' ? RC_QK_AGE
				       : RC_QK_MEASURE;
				i += ul;
				break;
			}
		}
		q.value = v;
		q.start = b;
		q.end = i;
		q.num_start = ns;
		q.num_end = i;
		q.iv.lo = q.iv.hi = v;
		if (ns - b == 0 && i - ns == 4 && v >= 1900 && v <= 2100)
			q.kind = RC_QK_YEAR;
		if (qual >= 0) {
			q.qualifier = fake_quals[qual].w;
			q.approx = fake_quals[qual].approx;
			if (fake_quals[qual].lo) {
				q.iv.hi_inf = true;
				q.iv.lo_incl = fake_quals[qual].incl;
			} else if (!fake_quals[qual].approx || !fake_quals[qual].incl) {
				q.iv.lo = 0;
				q.iv.hi_incl = fake_quals[qual].incl;
			}
		}
		fake_push(out, q);
	next:;
	}
}

/*
 * Normalise, split, recognise (toy) and extract text[0..len): the claims
 * are malloc'd (free them), their strings come from a.
 */
static RC_UNUSED rc_claim *fake_extract(rc_arena *a, const rc_rules *rules, const char *text,
                                        size_t len, size_t max, size_t *n, size_t *dropped)
{
	rc_text t;
	rc_segments seg;
	rc_error err;
	ck_assert_int_eq(rc__text_normalize(&t, a, text, len, 0, len, &err), RC_OK);
	ck_assert_int_eq(rc__segment(&seg, a, &t, &err), RC_OK);
	rc_quantity_list ql = {0};
	fake_scan(&ql, t.norm, t.len);
	rc_claim *c = NULL;
	rc_status st = rc__claims_extract(&c, n, a, rules, &t, &seg, ql.items, ql.len, 0, max,
	                                  dropped, &err);
	ck_assert_msg(st == RC_OK, "%s", err.message);
	free(ql.items);
	return c;
}

#endif
