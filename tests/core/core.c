/* Tests of src/core: arena, buffers, UTF-8 helpers, errors. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "core/core.h"
#include "support.h"

START_TEST(arena_many_allocations)
{
	rc_arena *a = rc__arena_new(64);
	ck_assert_ptr_nonnull(a);
	char *prev = NULL;
	for (int i = 0; i < 10000; i++) {
		char *s = rc__arena_printf(a, "string %d", i);
		ck_assert_ptr_nonnull(s);
		/* strings are packed; other allocations stay 16-byte aligned */
		if (prev)
			ck_assert_ptr_ne(s, prev);
		ck_assert_str_eq(s, prev ? s : "string 0");
		void *p = rc__arena_alloc(a, (size_t)i % 40 + 1);
		ck_assert_ptr_nonnull(p);
		ck_assert_uint_eq((uintptr_t)p % 16, 0);
		prev = s;
	}
	ck_assert_str_eq(prev, "string 9999");
	ck_assert_ptr_null(rc__arena_strdup(a, NULL));
	char *big = rc__arena_calloc(a, 1, 1 << 20);
	ck_assert_ptr_nonnull(big);
	ck_assert_int_eq(big[12345], 0);
	rc__arena_free(a);
	rc__arena_free(NULL);
}
END_TEST

/* An arena adopted by another keeps its allocations alive until the other
 * is freed, and the adopter goes on allocating; blocks stop at the cap. */
START_TEST(arena_adopt_and_cap)
{
	rc_arena *a = rc__arena_new(64), *b = rc__arena_new(64);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	rc__arena_cap_blocks(b, 4096);
	char *sa = rc__arena_strdup(a, "in a"), *sb = NULL;
	for (int i = 0; i < 2000; i++)
		sb = rc__arena_printf(b, "in b %d", i);
	ck_assert_ptr_nonnull(sb);
	size_t used = rc__arena_used(a) + rc__arena_used(b);
	ck_assert(rc__arena_adopt(a, b));   /* frees b */
	ck_assert_uint_eq(rc__arena_used(a), used);
	char *more = rc__arena_strdup(a, "after");
	ck_assert_str_eq(sa, "in a");
	ck_assert_str_eq(sb, "in b 1999");
	ck_assert_str_eq(more, "after");
	/* into an empty arena, and a NULL one is nothing */
	rc_arena *c = rc__arena_new(64);
	ck_assert(rc__arena_adopt(c, a));
	ck_assert(rc__arena_adopt(c, NULL));
	ck_assert_str_eq(sb, "in b 1999");
	ck_assert_uint_eq(rc__arena_used(c), used + 6);
	rc__arena_free(c);
}
END_TEST

typedef struct sort_item {
	uint64_t key;
	uint32_t tie, at;
} sort_item;

static int cmp_sort_item(const void *pa, const void *pb)
{
	const sort_item *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return (a->tie > b->tie) - (a->tie < b->tie);
}

/* rc__sort_inplace against qsort on a total order: sorted runs, reversed
 * runs, many equal keys, random keys, every small size. */
START_TEST(sort_inplace_matches_qsort)
{
	enum { N = 5000 };
	sort_item *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	uint64_t x = 88172645463325252u;
	for (int shape = 0; shape < 4; shape++)
		for (size_t n = 0; n <= N; n = n < 40 ? n + 1 : n * 3) {
			for (size_t i = 0; i < n; i++) {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				uint64_t k = shape == 0 ? i : shape == 1 ? n - i : shape == 2 ? x % 3 : x;
				a[i] = (sort_item){k, (uint32_t)(x >> 40), (uint32_t)i};
			}
			memcpy(b, a, n * sizeof *a);
			rc__sort_inplace(a, n, sizeof *a, cmp_sort_item);
			rc__qsort(b, n, sizeof *b, cmp_sort_item);
			for (size_t i = 0; i < n; i++) {
				ck_assert_uint_eq(a[i].key, b[i].key);
				ck_assert_uint_eq(a[i].tie, b[i].tie);
			}
		}
	free(a);
	free(b);
}
END_TEST

START_TEST(buf_cap_is_enforced)
{
	rc_buf b;
	rc__buf_init(&b, 10);
	ck_assert_int_eq(rc__buf_puts(&b, "0123456789"), RC_OK);
	ck_assert_int_eq(rc__buf_putc(&b, 'x'), RC_ERR_LIMIT);
	ck_assert_str_eq(b.data, "0123456789");
	rc__buf_reset(&b);
	ck_assert_int_eq(rc__buf_printf(&b, "%d-%s", 42, "ab"), RC_OK);
	ck_assert_str_eq(b.data, "42-ab");
	size_t len;
	char *p = rc__buf_steal(&b, &len);
	ck_assert_uint_eq(len, 5);
	free(p);
	rc__buf_dispose(&b);
}
END_TEST

START_TEST(buf_long_printf)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	char big[1000];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	ck_assert_int_eq(rc__buf_printf(&b, "<%s>", big), RC_OK);
	ck_assert_uint_eq(b.len, 1001);
	rc__buf_dispose(&b);
}
END_TEST

START_TEST(utf8_decode_rejects_bad_sequences)
{
	uint32_t cp;
	ck_assert_uint_eq(rc__utf8_decode((const unsigned char *)"\xE2\x80\x93", 3, &cp), 3);
	ck_assert_uint_eq(cp, 0x2013);
	ck_assert_uint_eq(rc__utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp), 0);   /* overlong */
	ck_assert_uint_eq(rc__utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), 0); /* surrogate */
	ck_assert_uint_eq(rc__utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp), 0);
	ck_assert_uint_eq(rc__utf8_decode((const unsigned char *)"\xE2\x80", 2, &cp), 0);    /* truncated */
	ck_assert(rc__utf8_valid("caf\xC3\xA9", 5));
	ck_assert(!rc__utf8_valid("caf\xC3", 4));
	ck_assert_uint_eq(rc__utf8_count("a\xE2\x80\x93" "b\xFF", 6), 4);
	char out[4];
	ck_assert_uint_eq(rc__utf8_encode(0xFFFD, out), 3);
	ck_assert_int_eq(memcmp(out, "\xEF\xBF\xBD", 3), 0);
}
END_TEST

START_TEST(utf8_plain_forms)
{
	ck_assert_int_eq(rc__utf8_plain(0x2019), '\'');
	ck_assert_int_eq(rc__utf8_plain(0x201C), '"');
	ck_assert_int_eq(rc__utf8_plain(0x2013), '-');
	ck_assert_int_eq(rc__utf8_plain(0x00A0), ' ');
	ck_assert_int_eq(rc__utf8_plain(0x202F), ' ');
	ck_assert_int_eq(rc__utf8_plain('a'), 0);
	ck_assert_int_eq(rc__utf8_plain(0x00E9), 0);
}
END_TEST

START_TEST(error_fields)
{
	rc_error err;
	ck_assert_int_eq(rc__error_at(&err, RC_ERR_PARSE, "a.jsonl", 3, 7, 40, "bad %s", "json"),
	                 RC_ERR_PARSE);
	ck_assert_str_eq(err.message, "bad json");
	ck_assert_str_eq(err.path, "a.jsonl");
	ck_assert_uint_eq(err.line, 3);
	ck_assert_uint_eq(err.offset, 40);
	ck_assert_int_eq(rc__error_set(NULL, RC_ERR_IO, "x"), RC_ERR_IO);
	ck_assert_str_eq(rc_status_str(RC_ERR_NOMEM), "out of memory");
	ck_assert_str_eq(rc_status_str((rc_status)999), "unknown status");
}
END_TEST

START_TEST(hash_is_seeded)
{
	ck_assert_uint_ne(rc__hash64("abc", 3, 1), rc__hash64("abc", 3, 2));
	ck_assert_uint_eq(rc__hash64("abc", 3, 1), rc__hash64("abc", 3, 1));
	ck_assert(rc__eq_nocase("KERMAN", 6, "kerman"));
	ck_assert(!rc__eq_nocase("Kerma", 5, "kerman"));
}
END_TEST

/* The one sanitiser of display text: terminal controls never get through. */
START_TEST(text_is_cleaned_for_display)
{
	/* ESC [31m, OSC 0;title BEL, C1 CSI (U+009B), RLO (U+202E), a tab */
	const char *in = "a\x1b[31mb\x1b]0;t\x07" "c\xc2\x9b" "2Jd\xe2\x80\xae" "e\tf";
	char *s = rc_text_clean(in, strlen(in), 0);
	ck_assert_str_eq(s, "a[31mb]0;tc2Jde f");
	free(s);
	s = rc_text_clean(in, strlen(in), RC_TEXT_MARK);
	ck_assert_str_eq(s, "a\xef\xbf\xbd[31mb\xef\xbf\xbd]0;t\xef\xbf\xbd" "c\xef\xbf\xbd"
	                    "2Jd\xef\xbf\xbd" "e f");
	free(s);
	/* collapsing trims and joins white space; invalid UTF-8 is repaired */
	s = rc_text_clean("  one\n\n two \xff ", 14, RC_TEXT_COLLAPSE);
	ck_assert_str_eq(s, "one two \xef\xbf\xbd");
	free(s);
	s = rc_text_clean(NULL, 0, 0);
	ck_assert_str_eq(s, "");
	free(s);
	/* width counts what is shown: characters, not bytes or hidden controls */
	ck_assert_uint_eq(rc_text_width("Bogot\xc3\xa1"), 6);
	ck_assert_uint_eq(rc_text_width("a\x1b[0m"), 4);
	ck_assert_uint_eq(rc_text_width(NULL), 0);
	/* wide and combining characters: through utf8proc */
	ck_assert_uint_eq(rc_text_width("Bogota\xcc\x81"), 6);
	ck_assert_uint_eq(rc_text_width("\xe6\x9d\xb1\xe4\xba\xac"), 4);
}
END_TEST

START_TEST(error_messages_are_cut_visibly)
{
	rc_error err;
	char longpath[3000];
	memset(longpath, 'd', sizeof longpath - 1);
	longpath[sizeof longpath - 1] = 0;
	rc__error_at(&err, RC_ERR_IO, longpath, 0, 0, (size_t)-1, "cannot open: %s", "No such file");
	ck_assert_str_eq(err.path, longpath); /* a 2999-byte path is kept whole */
	ck_assert_str_eq(err.message, "cannot open: No such file");
	/* 2000 bytes of "é" cannot fit in 1024: cut between characters, then … */
	char big[2001];
	for (size_t i = 0; i < 1000; i++)
		memcpy(big + 2 * i, "\xC3\xA9", 2);
	big[2000] = 0;
	rc__error_set(&err, RC_ERR_PARSE, "bad: %s", big);
	size_t n = strlen(err.message);
	ck_assert_uint_lt(n, sizeof err.message);
	ck_assert(rc__utf8_valid(err.message, n));
	ck_assert_str_eq(err.message + n - 3, "\xE2\x80\xA6");
	char small[6];
	ck_assert_uint_eq(rc__fit(small, sizeof small, "abcdefgh", 8), 5);
	ck_assert_str_eq(small, "ab\xE2\x80\xA6");
}
END_TEST

START_TEST(numbers_have_a_point)
{
	char b[40];
	rc__snprintf(b, sizeof b, "%.2f %g", 1.5, 0.25);
	ck_assert_str_eq(b, "1.50 0.25");
	rc__shortest_real(0.1, b, sizeof b);
	ck_assert_str_eq(b, "0.1");
	char *end;
	ck_assert(rc__strtod("2.75x", &end) == 2.75);
	ck_assert_str_eq(end, "x");
}
END_TEST

/* The quick test of rc__utf8_nfc must be sound: a character it calls
 * stable is NFC on its own, and no stable character is ever the second
 * part of a canonical composition (so it never joins what precedes it). */
START_TEST(nfc_stability_rule_holds_for_every_code_point)
{
	size_t unstable = 0;
	/* under valgrind (RC_TEST_SMALL) the Basic Multilingual Plane only */
	uint32_t top = getenv("RC_TEST_SMALL") ? 0x10000 : 0x110000;
	for (uint32_t cp = 0x80; cp < top; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		if (rc__utf8_nfc_unstable(cp)) {
			unstable++;
		} else if (utf8proc_category((utf8proc_int32_t)cp) != UTF8PROC_CATEGORY_CN) {
			char one[8];
			size_t l = rc__utf8_encode(cp, one);
			one[l] = 0;
			utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)one);
			ck_assert_msg(nfc && strcmp((char *)nfc, one) == 0, "U+%04X changes under NFC",
			              (unsigned)cp);
			free(nfc);
		}
		utf8proc_int32_t d[32];
		int last = 0;
		utf8proc_ssize_t k = utf8proc_decompose_char((utf8proc_int32_t)cp, d, 32,
		                                             UTF8PROC_DECOMPOSE, &last);
		for (utf8proc_ssize_t i = 1; i < k; i++)
			ck_assert_msg(rc__utf8_nfc_unstable((uint32_t)d[i]),
			              "U+%04X, part of U+%04X, is called stable", (unsigned)d[i],
			              (unsigned)cp);
	}
	ck_assert_uint_gt(unstable, 1000);
	ck_assert(!rc__utf8_nfc_unstable(0x2019)); /* ’ costs nothing */
	ck_assert(rc__utf8_nfc_unstable(0x0301));
	ck_assert(rc__utf8_nfc_unstable(0x212B));  /* ANGSTROM SIGN -> Å */
}
END_TEST

static void nfc_is(const char *in, const char *want, bool changed)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	bool ch = !changed;
	ck_assert_int_eq(rc__utf8_nfc(in, strlen(in), &b, &ch), RC_OK);
	ck_assert_msg(ch == changed, "'%s': changed is %d", in, ch);
	ck_assert_str_eq(changed ? b.data : in, want);
	rc__buf_dispose(&b);
}

START_TEST(nfc_composes_only_what_it_must)
{
	nfc_is("Bogota\xCC\x81 and Bogot\xC3\xA1", "Bogot\xC3\xA1 and Bogot\xC3\xA1", true);
	nfc_is("plain \xE2\x80\x9Cquotes\xE2\x80\x9D and caf\xC3\xA9", "plain \xE2\x80\x9Cquotes\xE2\x80\x9D and caf\xC3\xA9", false);
	nfc_is("\xE2\x84\xAB", "\xC3\x85", true);                 /* U+212B -> U+00C5 */
	nfc_is("a\xCC\xA3\xCC\x81", "\xE1\xBA\xA1\xCC\x81", true); /* marks reordered, composed */
	nfc_is("x\xCC\x81y", "x\xCC\x81y", false);               /* no precomposed form: as is */
	nfc_is("\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80", true); /* Hangul jamo -> syllable */
	nfc_is("bad \xFF e\xCC\x81", "bad \xFF \xC3\xA9", true);   /* invalid bytes left alone */
}
END_TEST

START_TEST(case_folding_and_comparison)
{
	rc_arena *a = rc__arena_new(256);
	ck_assert_str_eq(rc__utf8_casefold(a, "BOGOT\xC3\x81", 7), "bogot\xC3\xA1");
	ck_assert_str_eq(rc__utf8_casefold(a, "Stra\xC3\x9F" "e", 7), "strasse");
	ck_assert_str_eq(rc__utf8_casefold(a, "Kerman", 6), "kerman");
	ck_assert_str_eq(rc__utf8_casefold(a, "A\xFF", 2), "a\xFF");
	rc__arena_free(a);
	ck_assert_int_eq(rc__utf8_casecmp("Bogot\xC3\xA1", "BOGOT\xC3\x81"), 0);
	ck_assert_int_eq(rc__utf8_casecmp("Kerman", "KERMAN"), 0);
	ck_assert_int_lt(rc__utf8_casecmp("abc", "abd"), 0);
	ck_assert_int_ne(rc__utf8_casecmp("Bogot\xC3\xA1", "Bogota"), 0);
}
END_TEST

START_TEST(day_numbers_round_trip)
{
	/* rc__civil_from_days inverts rc__days_from_civil on every day from
	 * 1600 to 2400 (leap centuries, the epoch, before it). */
	long first = rc__days_from_civil(1600, 1, 1), last = rc__days_from_civil(2400, 12, 31);
	ck_assert_int_eq(rc__days_from_civil(1970, 1, 1), 0);
	for (long z = first; z <= last; z++) {
		int y, m, d;
		rc__civil_from_days(z, &y, &m, &d);
		ck_assert(m >= 1 && m <= 12 && d >= 1 && d <= 31);
		ck_assert_int_eq(rc__days_from_civil(y, m, d), z);
	}
	char buf[16];
	ck_assert_int_eq(rc__day_format(buf, sizeof buf, rc__days_from_civil(2000, 2, 29)), 10);
	ck_assert_str_eq(buf, "2000-02-29");
	rc__day_format(buf, sizeof buf, -1);
	ck_assert_str_eq(buf, "1969-12-31");
	rc__day_format(buf, sizeof buf, rc__days_from_civil(2100, 3, 1) - 1);
	ck_assert_str_eq(buf, "2100-02-28");
}
END_TEST

START_TEST(nocase_hash_is_the_hash_of_the_lower_case)
{
	ck_assert(rc__hash64_nocase("KiLLed", 6) == rc__hash64("killed", 6, 0));
	ck_assert(rc__hash64_nocase("Gaza", 4) == rc__hash64_nocase("GAZA", 4));
	ck_assert(rc__hash64_nocase("Gaza", 4) != rc__hash64_nocase("Gazb", 4));
	ck_assert(rc__hash64_nocase("", 0) == rc__hash64("", 0, 0));
}
END_TEST

START_TEST(display_width)
{
	ck_assert_uint_eq(rc__utf8_width("Kerman", 6), 6);
	ck_assert_uint_eq(rc__utf8_width("Bogota\xCC\x81", 8), 6);     /* combining accent: 0 */
	ck_assert_uint_eq(rc__utf8_width("\xE6\x9D\xB1\xE4\xBA\xAC", 6), 4); /* 東京 */
	ck_assert_uint_eq(rc__utf8_width("a\x1B[31m", 6), 5);           /* ESC: 0 */
	ck_assert_uint_eq(rc__utf8_width("\xFF", 1), 1);
	size_t bytes;
	/* 東京 in 3 columns: only 東 fits */
	ck_assert_uint_eq(rc__utf8_width_fit("\xE6\x9D\xB1\xE4\xBA\xAC", 6, 3, &bytes), 2);
	ck_assert_uint_eq(bytes, 3);
	/* the accent stays with its e */
	ck_assert_uint_eq(rc__utf8_width_fit("e\xCC\x81x", 4, 1, &bytes), 1);
	ck_assert_uint_eq(bytes, 3);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("core");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, arena_many_allocations);
	tcase_add_test(tc, arena_adopt_and_cap);
	tcase_add_test(tc, sort_inplace_matches_qsort);
	tcase_add_test(tc, buf_cap_is_enforced);
	tcase_add_test(tc, buf_long_printf);
	tcase_add_test(tc, utf8_decode_rejects_bad_sequences);
	tcase_add_test(tc, utf8_plain_forms);
	tcase_add_test(tc, error_fields);
	tcase_add_test(tc, hash_is_seeded);
	tcase_add_test(tc, text_is_cleaned_for_display);
	tcase_add_test(tc, error_messages_are_cut_visibly);
	tcase_add_test(tc, numbers_have_a_point);
	tcase_add_test(tc, nfc_stability_rule_holds_for_every_code_point);
	tcase_add_test(tc, nfc_composes_only_what_it_must);
	tcase_add_test(tc, case_folding_and_comparison);
	tcase_add_test(tc, display_width);
	tcase_add_test(tc, day_numbers_round_trip);
	tcase_add_test(tc, nocase_hash_is_the_hash_of_the_lower_case);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
