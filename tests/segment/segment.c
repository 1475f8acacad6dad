/*
 * Normalisation and sentence splitting: offsets map back to the original
 * bytes, and news abbreviations, initials, decimals, quotes and headlines
 * split where a reader would.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "support.h"
#include "segment/segment.h"
#include "segment/segment-int.h"

/* Sentences of s joined by " | ", paragraphs by " || ". */
static char *split(const char *s)
{
	static char out[8192];
	rc_arena *a = rc__arena_new(0);
	rc_text t;
	rc_segments seg;
	rc_error err;
	ck_assert_int_eq(rc__text_normalize(&t, a, s, strlen(s), 0, strlen(s), &err), RC_OK);
	ck_assert_int_eq(rc__segment(&seg, a, &t, &err), RC_OK);
	out[0] = '\0';
	size_t o = 0;
	for (size_t i = 0; i < seg.n; i++) {
		const char *sep = i == 0 ? "" : seg.sent[i].para != seg.sent[i - 1].para ? " || " : " | ";
		size_t so = rc__text_orig(&t, seg.sent[i].start);
		size_t eo = rc__text_orig(&t, seg.sent[i].end);
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%.*s", sep, (int)(eo - so), s + so);
		ck_assert_uint_lt(o, sizeof(out));
	}
	rc__arena_free(a);
	return out;
}

#define SPLITS(in, want) ck_assert_str_eq(split(in), want)

START_TEST(plain_sentences)
{
	SPLITS("Two people died. Three were hurt! Why? Nobody knows.",
	       "Two people died. | Three were hurt! | Why? | Nobody knows.");
	SPLITS("  Leading and trailing space.  ", "Leading and trailing space.");
	SPLITS("No final punctuation", "No final punctuation");
	SPLITS("", "");
	SPLITS("   \n\n  \n", "");
}
END_TEST

START_TEST(abbreviations)
{
	SPLITS("Gen. Qassem Soleimani was killed in 2020. He was 62.",
	       "Gen. Qassem Soleimani was killed in 2020. | He was 62.");
	SPLITS("Dr. Smith and Mr. Jones met Lt. Col. Reza at St. Mary's.",
	       "Dr. Smith and Mr. Jones met Lt. Col. Reza at St. Mary's.");
	SPLITS("The attack on Jan. 3 killed 84. On Feb. 1 the toll rose.",
	       "The attack on Jan. 3 killed 84. | On Feb. 1 the toll rose.");
	SPLITS("Resolution No. 2231 was cited. It expired.",
	       "Resolution No. 2231 was cited. | It expired.");
	SPLITS("He said no. Then he left.", "He said no. | Then he left.");
	SPLITS("U.S. intelligence sources confirmed it. U.K. officials agreed.",
	       "U.S. intelligence sources confirmed it. | U.K. officials agreed.");
	SPLITS("The U.S. Treasury imposed sanctions.", "The U.S. Treasury imposed sanctions.");
	SPLITS("Sanctions came from the U.S. The next day Iran responded.",
	       "Sanctions came from the U.S. | The next day Iran responded.");
	SPLITS("The blast struck at 3 p.m. Police closed the road at 4 p.m. on Friday.",
	       "The blast struck at 3 p.m. | Police closed the road at 4 p.m. on Friday.");
	SPLITS("The vigil began at 6 p.m. Tuesday near the shrine.",
	       "The vigil began at 6 p.m. Tuesday near the shrine.");
	SPLITS("It began at 9 a.m. The crowd had gathered by then.",
	       "It began at 9 a.m. | The crowd had gathered by then.");
	SPLITS("Fruit, nuts, etc. were sold. Prices rose.",
	       "Fruit, nuts, etc. were sold. | Prices rose.");
}
END_TEST

START_TEST(initials_and_decimals)
{
	SPLITS("George W. Bush spoke. J. K. Rowling wrote.",
	       "George W. Bush spoke. | J. K. Rowling wrote.");
	SPLITS("The quake measured 5.9 on the scale. Aftershocks of 4.2 followed.",
	       "The quake measured 5.9 on the scale. | Aftershocks of 4.2 followed.");
	SPLITS("Version 2.0.1 shipped. It was fine.", "Version 2.0.1 shipped. | It was fine.");
	SPLITS("The toll was 84. 20 of them were children.",
	       "The toll was 84. | 20 of them were children.");
	SPLITS("Wait... It happened again.", "Wait... | It happened again.");
}
END_TEST

START_TEST(quotes)
{
	SPLITS("\"Eleven people were arrested,\" the ministry said. It gave no names.",
	       "\"Eleven people were arrested,\" the ministry said. | It gave no names.");
	SPLITS("\"Were they killed?\" he asked. Nobody answered.",
	       "\"Were they killed?\" he asked. | Nobody answered.");
	SPLITS("He said: \"We arrested two men.\" The men were charged.",
	       "He said: \"We arrested two men.\" | The men were charged.");
	SPLITS("Officials said \"terrorists\" were behind it. Others disagreed.",
	       "Officials said \"terrorists\" were behind it. | Others disagreed.");
	/* Curly quotes are read as straight ones. */
	SPLITS("\xE2\x80\x9CWe arrested two men.\xE2\x80\x9D The men were charged.",
	       "\xE2\x80\x9CWe arrested two men.\xE2\x80\x9D | The men were charged.");
	SPLITS("(The figure was revised.) It is now 84.",
	       "(The figure was revised.) | It is now 84.");
}
END_TEST

START_TEST(headlines_and_paragraphs)
{
	SPLITS("Iran busts over 10 terrorist cells: Official\n\nMany were killed.",
	       "Iran busts over 10 terrorist cells: Official || Many were killed.");
	SPLITS("Middle East\nIran busts cells\nThe ministry said so.",
	       "Middle East || Iran busts cells || The ministry said so.");
	SPLITS("Friday, 01/19/2024\nSeveral men were arrested.",
	       "Friday, 01/19/2024 || Several men were arrested.");
	SPLITS("First paragraph here. Still first.\n\nSecond paragraph.",
	       "First paragraph here. | Still first. || Second paragraph.");
	/* Wrapped prose continues across single line breaks. */
	SPLITS("The twin bombings in Kerman killed at least 84 people and wounded\n"
	       "284 others, the ministry said.",
	       "The twin bombings in Kerman killed at least 84 people and wounded\n"
	       "284 others, the ministry said.");
	SPLITS("The attack near the memorial of the former commander took place as\n"
	       "crowds gathered on the anniversary of his death in Baghdad.",
	       "The attack near the memorial of the former commander took place as\n"
	       "crowds gathered on the anniversary of his death in Baghdad.");
	SPLITS("Windows line ends.\r\nSecond line.\r\n\r\nNew paragraph.",
	       "Windows line ends. | Second line. || New paragraph.");
}
END_TEST

START_TEST(paragraph_indices)
{
	const char *s = "Headline\n\nOne. Two.\n\n\n\nThree.";
	rc_arena *a = rc__arena_new(0);
	rc_text t;
	rc_segments seg;
	ck_assert_int_eq(rc__text_normalize(&t, a, s, strlen(s), 0, strlen(s), NULL), RC_OK);
	ck_assert_int_eq(rc__segment(&seg, a, &t, NULL), RC_OK);
	ck_assert_uint_eq(seg.n, 4);
	ck_assert_uint_eq(seg.n_paras, 3);
	ck_assert_uint_eq(seg.sent[0].para, 0);
	ck_assert_uint_eq(seg.sent[1].para, 1);
	ck_assert_uint_eq(seg.sent[2].para, 1);
	ck_assert_uint_eq(seg.sent[3].para, 2);
	/* find: the sentence containing an offset, or the nearest before. */
	ck_assert_uint_eq(rc__segment_find(&seg, 0), 0);
	ck_assert_uint_eq(rc__segment_find(&seg, seg.sent[2].start), 2);
	ck_assert_uint_eq(rc__segment_find(&seg, seg.sent[2].start - 1), 1);
	ck_assert_uint_eq(rc__segment_find(&seg, t.len), 3);
	rc__arena_free(a);
}
END_TEST

START_TEST(normalize_identity)
{
	const char *s = "Plain ASCII text, nothing to change.";
	rc_arena *a = rc__arena_new(0);
	rc_text t;
	ck_assert_int_eq(rc__text_normalize(&t, a, s, strlen(s), 0, strlen(s), NULL), RC_OK);
	ck_assert_ptr_null(t.map);
	ck_assert_ptr_eq(t.norm, s);
	ck_assert_uint_eq(t.len, strlen(s));
	ck_assert_uint_eq(rc__text_orig(&t, 6), 6);
	/* A span that does not reach the end is copied (norm must be a C string). */
	ck_assert_int_eq(rc__text_normalize(&t, a, s, strlen(s), 6, 11, NULL), RC_OK);
	ck_assert_ptr_null(t.map);
	ck_assert_str_eq(t.norm, "ASCII");
	ck_assert_uint_eq(rc__text_orig(&t, 0), 6);
	ck_assert_uint_eq(rc__text_orig(&t, 5), 11);
	/* Out-of-range spans are clamped, not trusted. */
	ck_assert_int_eq(rc__text_normalize(&t, a, s, strlen(s), 100, 200, NULL), RC_OK);
	ck_assert_uint_eq(t.len, 0);
	rc__arena_free(a);
}
END_TEST

START_TEST(normalize_map)
{
	/* "“84” – dead\r\n" with U+FFFD kept and a no-break space. */
	const char *s = "\xE2\x80\x9C" "84\xE2\x80\x9D \xE2\x80\x93 dead\xC2\xA0\xEF\xBF\xBD\r\n";
	rc_arena *a = rc__arena_new(0);
	rc_text t;
	ck_assert_int_eq(rc__text_normalize(&t, a, s, strlen(s), 0, strlen(s), NULL), RC_OK);
	ck_assert_ptr_nonnull(t.map);
	ck_assert_str_eq(t.norm, "\"84\" - dead \xEF\xBF\xBD \n");
	ck_assert_uint_eq(t.len, strlen(t.norm));
	/* "84" is at norm 1..3 and orig 3..5. */
	ck_assert_uint_eq(rc__text_orig(&t, 1), 3);
	ck_assert_uint_eq(rc__text_orig(&t, 3), 5);
	/* "dead" starts after the en dash (3 bytes) and its space. */
	size_t d = (size_t)(strstr(t.norm, "dead") - t.norm);
	ck_assert_int_eq(memcmp(s + rc__text_orig(&t, d), "dead", 4), 0);
	ck_assert_uint_eq(rc__text_orig(&t, t.len), strlen(s));
	/* With a base offset, orig offsets are absolute. */
	ck_assert_int_eq(rc__text_normalize(&t, a, s, strlen(s), 3, strlen(s), NULL), RC_OK);
	ck_assert_uint_eq(rc__text_orig(&t, 0), 3);
	ck_assert_int_eq(memcmp(t.norm, "84\"", 3), 0);
	rc__arena_free(a);
}
END_TEST

START_TEST(normalize_raw_invalid_bytes)
{
	/* Callers outside ingest may pass raw bytes: the result stays valid. */
	const char s[] = "a\xFF" "b\0c";
	rc_arena *a = rc__arena_new(0);
	rc_text t;
	ck_assert_int_eq(rc__text_normalize(&t, a, s, sizeof(s) - 1, 0, sizeof(s) - 1, NULL), RC_OK);
	ck_assert(rc__utf8_valid(t.norm, t.len));
	ck_assert_uint_eq(strlen(t.norm), t.len);
	ck_assert_str_eq(t.norm, "a\xEF\xBF\xBD" "b c");
	rc__arena_free(a);
}
END_TEST

/* HTML character references left in plain text read as their characters;
 * anything else that starts with '&' stays as written. */
START_TEST(normalize_character_references)
{
	const char *s = "Police said 41&nbsp;people died at Hale &amp; Sons&#8217; mill &#x2014; "
	                "R&D, AT&T, &bogus; &#0; &#xD800; &; & done";
	rc_arena *a = rc__arena_new(0);
	rc_text t;
	ck_assert_int_eq(rc__text_normalize(&t, a, s, strlen(s), 0, strlen(s), NULL), RC_OK);
	ck_assert_str_eq(t.norm, "Police said 41 people died at Hale & Sons' mill - "
	                         "R&D, AT&T, &bogus; &#0; &#xD800; &; & done");
	/* "people" maps back past the reference it follows */
	size_t d = (size_t)(strstr(t.norm, "people") - t.norm);
	ck_assert_int_eq(memcmp(s + rc__text_orig(&t, d), "people", 6), 0);
	size_t m = (size_t)(strstr(t.norm, "mill") - t.norm);
	ck_assert_int_eq(memcmp(s + rc__text_orig(&t, m), "mill", 4), 0);
	ck_assert_uint_eq(rc__text_orig(&t, t.len), strlen(s));
	rc__arena_free(a);
}
END_TEST

START_TEST(hostile_inputs_are_linear)
{
	/* Many periods, many abbreviations, no spaces, a huge line. */
	size_t n = 1 << 20;
	char *s = malloc(n + 1);
	ck_assert_ptr_nonnull(s);
	const char *pieces[] = {"U.S. ", "a. ", "...", "Gen. ", "\n", "x", "?\" ", "\n\n"};
	for (size_t i = 0; i < n; i++)
		s[i] = pieces[(i * 7 + i / 13) % RC_ARRAY_LEN(pieces)][0];
	s[n] = '\0';
	rc_arena *a = rc__arena_new(0);
	rc_text t;
	rc_segments seg;
	ck_assert_int_eq(rc__text_normalize(&t, a, s, n, 0, n, NULL), RC_OK);
	ck_assert_int_eq(rc__segment(&seg, a, &t, NULL), RC_OK);
	for (size_t i = 0; i < seg.n; i++) {
		ck_assert_uint_lt(seg.sent[i].start, seg.sent[i].end);
		ck_assert_uint_le(seg.sent[i].end, t.len);
		if (i)
			ck_assert_uint_le(seg.sent[i - 1].end, seg.sent[i].start);
	}
	rc__arena_free(a);
	free(s);
}
END_TEST

/*
 * Every word of data/segment.json does what its list says, in sentences
 * built around it: the tables the build compiled are the ones the splitter
 * reads, and an entry added to the file is tested with the rest.
 */
START_TEST(data_tables)
{
	ck_assert_uint_gt(rc__seg_n_abbreviations, 0);
	ck_assert_uint_gt(rc__seg_n_starters, 0);
	ck_assert_uint_gt(rc__seg_n_continuation_words, 0);
	char in[256], want[256];
	for (size_t i = 0; i < rc__seg_n_abbreviations; i++) {
		const char *w = rc__seg_abbreviations[i].word;
		switch (rc__seg_abbreviations[i].kind) {
		case SEG_ABBR_TITLE:
			snprintf(in, sizeof in, "We met %s. Kowalski there.", w);
			SPLITS(in, in);
			break;
		case SEG_ABBR_NUMBERED:
		case SEG_ABBR_MONTH:
			snprintf(in, sizeof in, "It was %s. 12 in all.", w);
			SPLITS(in, in);
			snprintf(in, sizeof in, "It was %s. Kowalski left.", w);
			snprintf(want, sizeof want, "It was %s. | Kowalski left.", w);
			SPLITS(in, want);
			break;
		case SEG_ABBR_AMBIGUOUS:
			snprintf(in, sizeof in, "It was %s. Kowalski left.", w);
			SPLITS(in, in);
			snprintf(in, sizeof in, "It was %s. The rain came.", w);
			snprintf(want, sizeof want, "It was %s. | The rain came.", w);
			SPLITS(in, want);
			break;
		}
	}
	/* "Q.Z" is no listed abbreviation: dotted letters, which may end a sentence */
	for (size_t i = 0; i < rc__seg_n_starters; i++) {
		snprintf(in, sizeof in, "Aid came from Q.Z. %s rain fell.", rc__seg_starters[i].word);
		snprintf(want, sizeof want, "Aid came from Q.Z. | %s rain fell.", rc__seg_starters[i].word);
		SPLITS(in, want);
	}
	SPLITS("Aid came from Q.Z. Kowalski Street.", "Aid came from Q.Z. Kowalski Street.");
	/* a short line is a headline unless it ends with a continuation word
	 * (in any case) */
	SPLITS("Rescuers reached the hills\nat dawn.", "Rescuers reached the hills || at dawn.");
	for (size_t i = 0; i < rc__seg_n_continuation_words; i++) {
		char up[64];
		snprintf(up, sizeof up, "%s", rc__seg_continuation_words[i].word);
		for (char *c = up; *c; c++)
			*c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
		snprintf(in, sizeof in, "Rescuers reached %s\nhills at dawn.", rc__seg_continuation_words[i].word);
		SPLITS(in, in);
		snprintf(in, sizeof in, "Rescuers reached %s\nhills at dawn.", up);
		SPLITS(in, in);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("segment");
	TCase *tc = tcase_create("segment");
	tcase_add_test(tc, plain_sentences);
	tcase_add_test(tc, abbreviations);
	tcase_add_test(tc, initials_and_decimals);
	tcase_add_test(tc, quotes);
	tcase_add_test(tc, headlines_and_paragraphs);
	tcase_add_test(tc, paragraph_indices);
	tcase_add_test(tc, normalize_identity);
	tcase_add_test(tc, normalize_map);
	tcase_add_test(tc, normalize_raw_invalid_bytes);
	tcase_add_test(tc, normalize_character_references);
	tcase_add_test(tc, hostile_inputs_are_linear);
	tcase_add_test(tc, data_tables);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
