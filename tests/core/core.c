/* Tests of src/core: arena, buffers, UTF-8 helpers, errors. */
#include <stdlib.h>
#include <string.h>
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
		ck_assert_uint_eq((uintptr_t)s % 16, 0);
		if (prev)
			ck_assert_ptr_ne(s, prev);
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
}
END_TEST

int main(void)
{
	Suite *s = suite_create("core");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, arena_many_allocations);
	tcase_add_test(tc, buf_cap_is_enforced);
	tcase_add_test(tc, buf_long_printf);
	tcase_add_test(tc, utf8_decode_rejects_bad_sequences);
	tcase_add_test(tc, utf8_plain_forms);
	tcase_add_test(tc, error_fields);
	tcase_add_test(tc, hash_is_seeded);
	tcase_add_test(tc, text_is_cleaned_for_display);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
