/*
 * User-defined events (--events FILE): loading, the errors for bad files
 * (file, line, reason), alias matching, and that no pattern can hang.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "support.h"
#include <recount/recount.h>
#include "events/events-int.h"
#include "events/events-priv.h"

static rc_error load_bad(const char *json)
{
	rc_event_defs *defs = (rc_event_defs *)1;
	rc_error err;
	memset(&err, 0, sizeof err);
	ck_assert_int_ne(rc_event_defs_load_buffer(&defs, json, strlen(json), "ev.json", &err), RC_OK);
	ck_assert_ptr_null(defs);
	ck_assert_str_eq(err.path, "ev.json");
	return err;
}

START_TEST(bad_json)
{
	rc_error e = load_bad("{\"events\": [\n  {\"id\": \"a\",}\n]}");
	ck_assert_int_eq(e.status, RC_ERR_PARSE);
	ck_assert_uint_eq(e.line, 2);
	ck_assert_uint_eq(e.column, 14);
	ck_assert_str_eq(e.message, "invalid JSON: string or '}' expected near '}'");
}
END_TEST

START_TEST(bad_regex)
{
	rc_error e = load_bad("{\"events\": [\n  {\"id\": \"k\",\n   \"aliases\": [\"Kerman\",\n"
	                      "     \"/twin (blasts/i\"]}\n]}");
	ck_assert_uint_eq(e.line, 4);
	ck_assert_str_eq(e.message,
	                 "alias /twin (blasts/i: bad pattern: missing closing parenthesis at offset 12");
	e = load_bad("[{\"id\": \"k\", \"aliases\": [\"/x/q\"]}]");
	ck_assert_uint_eq(e.line, 1);
	ck_assert_str_eq(e.message, "alias /x/q: unknown pattern flag 'q'");
}
END_TEST

START_TEST(missing_id)
{
	rc_error e = load_bad("[\n {\"id\": \"k\"},\n {\"label\": \"x\"}\n]");
	ck_assert_uint_eq(e.line, 3);
	ck_assert_str_eq(e.message, "event 2: missing \"id\" (a non-empty string)");
	e = load_bad("[\n {\"id\": 7}\n]");
	ck_assert_uint_eq(e.line, 2);
	ck_assert_str_eq(e.message, "event 1: missing \"id\" (a non-empty string)");
}
END_TEST

START_TEST(duplicate_id)
{
	rc_error e = load_bad("[\n {\"id\": \"k\"},\n {\"id\": \"m\"},\n\n {\"id\": \"k\"}\n]");
	ck_assert_uint_eq(e.line, 5);
	ck_assert_str_eq(e.message, "duplicate event id \"k\" (first defined on line 2)");
}
END_TEST

START_TEST(other_errors)
{
	rc_error e = load_bad("{\"evnts\": []}");
	ck_assert_str_eq(e.message, "expected a list of events, or an object with \"events\": [...]");
	e = load_bad("[{\"id\": \"k\", \"date\": \"Jan 3\"}]");
	ck_assert_str_eq(e.message, "event \"k\": date \"Jan 3\" is not YYYY-MM-DD or YYYY-MM");
	e = load_bad("[{\"id\": \"k\", \"aliases\": \"Kerman\"}]");
	ck_assert_str_eq(e.message, "event \"k\": \"aliases\" must be a list");
	e = load_bad("[{\"id\": \"k\", \"label\": 3}]");
	ck_assert_str_eq(e.message, "event \"k\": \"label\" must be a string");
	rc_event_defs *defs;
	rc_error err;
	ck_assert_int_eq(rc_event_defs_load_file(&defs, "/nonexistent/ev.json", &err), RC_ERR_IO);
	ck_assert_str_eq(err.path, "/nonexistent/ev.json");
	rc_event_defs_free(NULL);
}
END_TEST

START_TEST(file_and_matching)
{
	rc_event_defs *defs;
	rc_error err;
	ck_assert_int_eq(rc_event_defs_load_file(&defs, rc_test_fixture("events/defs/override.json"),
	                                         &err), RC_OK);
	ck_assert_uint_eq(defs->n, 2);
	const ev_def *d = rc__ev_def_find(defs, "kerman-memorial-attack");
	ck_assert_ptr_nonnull(d);
	ck_assert_str_eq(d->place, "Kerman");
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	const char *s = "Mourners at soleimani's memorial; TWIN  BLASTS in the southeast.";
	size_t ms, me;
	/* a plain alias: whole words, any case */
	ck_assert(rc__ev_def_match(defs, d, s, 0, 33, md, &ms, &me));
	ck_assert_uint_eq(ms, 12);
	ck_assert_uint_eq(me, 32);
	/* a pattern with the i flag */
	ck_assert(rc__ev_def_match(defs, d, s, 33, strlen(s), md, &ms, &me));
	ck_assert_uint_eq(ms, 34);
	const ev_def *q = rc__ev_def_find(defs, "quetta-market-bombing");
	ck_assert(!rc__ev_def_match(defs, q, "the vegetable marketplace", 0, 25, md, &ms, &me));
	ck_assert(rc__ev_def_match(defs, q, "the Vegetable Market.", 0, 21, md, &ms, &me));
	pcre2_match_data_free(md);
	rc_event_defs_free(defs);
}
END_TEST

START_TEST(no_pattern_hangs)
{
	static const char json[] = "[{\"id\": \"evil\", \"aliases\": [\"/(a+)+$/\", \"/(a|aa)+b/\"]}]";
	rc_event_defs *defs;
	rc_error err;
	ck_assert_int_eq(rc_event_defs_load_buffer(&defs, json, strlen(json), "e", &err), RC_OK);
	size_t n = 100000;
	char *s = malloc(n + 2);
	memset(s, 'a', n);
	s[n] = '!';
	s[n + 1] = 0;
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	/* the match limits end each call (a hang would meet Check's timeout) */
	size_t ms, me;
	for (int i = 0; i < 5; i++)
		ck_assert(!rc__ev_def_match(defs, &defs->defs[0], s, 0, n + 1, md, &ms, &me));
	pcre2_match_data_free(md);
	free(s);
	rc_event_defs_free(defs);
}
END_TEST

/*
 * Issue 18: a plain alias that alternates a character needing a backslash
 * with a space ("( ( ( ...") grows 2.5 times in its pattern; the old
 * 2n+32-byte buffer overflowed (ASan: heap-buffer-overflow in defs.c).
 * The alias must load and match itself, whatever its length.
 */
START_TEST(escaped_alias_of_any_length)
{
	static const size_t pairs[] = {1, 15, 16, 100, 5000};
	for (size_t t = 0; t < sizeof pairs / sizeof pairs[0]; t++) {
		size_t n = pairs[t];
		char *alias = malloc(2 * n + 2);
		for (size_t i = 0; i < n; i++) {
			static const char esc[] = "(.*+?[{\\|^$#-/";
			alias[2 * i] = esc[i % (sizeof esc - 1)];
			alias[2 * i + 1] = ' ';
		}
		alias[2 * n] = 'x';
		alias[2 * n + 1] = 0;
		/* the JSON string escapes backslashes */
		char *json = malloc(4 * n + 64);
		size_t k = (size_t)sprintf(json, "[{\"id\": \"e\", \"aliases\": [\"");
		for (size_t i = 0; alias[i]; i++) {
			if (alias[i] == '\\')
				json[k++] = '\\';
			json[k++] = alias[i];
		}
		k += (size_t)sprintf(json + k, "\"]}]");
		rc_event_defs *defs;
		rc_error err;
		ck_assert_msg(rc_event_defs_load_buffer(&defs, json, k, "e", &err) == RC_OK, "%s",
		              err.message);
		pcre2_match_data *md = pcre2_match_data_create(4, NULL);
		size_t ms, me;
		/* the alias matches itself, spaces matching any whitespace */
		for (size_t i = 1; i < 2 * n; i += 2)
			alias[i] = i % 4 == 1 ? '\t' : ' ';
		ck_assert(rc__ev_def_match(defs, &defs->defs[0], alias, 0, 2 * n + 1, md, &ms, &me));
		ck_assert_uint_eq(ms, 0);
		ck_assert_uint_eq(me, 2 * n + 1);
		pcre2_match_data_free(md);
		rc_event_defs_free(defs);
		free(json);
		free(alias);
	}
}
END_TEST

/*
 * Issue 18: a document's aliases share a budget of match steps (the PCRE2
 * match limit is per call), and a pattern that hits a limit, or the
 * budget, says so in a warning that names it instead of failing to match
 * in silence.
 */
START_TEST(pattern_budget_and_warnings)
{
	size_t n = 400;
	char *json = malloc(n * 16 + 64);
	size_t k = (size_t)sprintf(json, "[{\"id\": \"evil\", \"aliases\": [\"Kerman\"");
	for (size_t i = 0; i < n; i++)
		k += (size_t)sprintf(json + k, ", \"/(a+)+$/\"");
	k += (size_t)sprintf(json + k, "]}]");
	rc_event_defs *defs;
	rc_error err;
	ck_assert_int_eq(rc_event_defs_load_buffer(&defs, json, k, "evil.json", &err), RC_OK);
	rc_extractor *ex;
	rc_extractor_options eo = {.version = RC_EXTRACTOR_OPTIONS_VERSION, .events = defs};
	ck_assert_int_eq(rc_extractor_new(&ex, &eo, &err), RC_OK);
	static const char text[] = "Twin bombings in Kerman killed 84 people. "
	                           "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n";
	rc_document *doc;
	ck_assert_int_eq(rc_document_from_memory(&doc, text, strlen(text), "doc.txt", NULL, &err),
	                 RC_OK);
	/* Without the budget, 400 aliases of (a+)+$ on 48 letters would
	 * backtrack for ever; with it the call returns (Check's timeout
	 * catches a hang) and the warnings below say which patterns were cut.
	 * No clock here: CPU seconds under valgrind and load are no test. */
	rc_record *rec;
	ck_assert_int_eq(rc_record_extract(&rec, ex, doc, &err), RC_OK);
	/* the plain alias before them still matched */
	ck_assert_uint_ge(rec->n_mentions, 1);
	ck_assert_str_eq(rec->mentions[0].key, "evil");
	size_t limit = 0, budget = 0, more = 0;
	for (size_t i = 0; i < rec->n_diags; i++) {
		const char *m = rec->diags[i].message;
		ck_assert_int_eq(rec->diags[i].severity, RC_SEV_WARNING);
		if (strstr(m, "hit the PCRE2 match limit")) {
			ck_assert_ptr_nonnull(strstr(m, "alias /(a+)+"));
			ck_assert_ptr_nonnull(strstr(m, "evil.json:1"));
			limit++;
		}
		if (strstr(m, "pattern budget"))
			budget++;
		if (strstr(m, "more aliases hit a PCRE2 limit"))
			more++;
	}
	/* a few by name, then a count; the budget stopped them */
	ck_assert_uint_eq(limit, 8);
	ck_assert_uint_eq(more, 1);
	ck_assert_uint_eq(budget, 1);
	rc_record_free(rec);
	rc_document_free(doc);
	rc_extractor_free(ex);
	rc_event_defs_free(defs);
	free(json);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("events-defs");
	TCase *tc = tcase_create("defs");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, bad_json);
	tcase_add_test(tc, bad_regex);
	tcase_add_test(tc, missing_id);
	tcase_add_test(tc, duplicate_id);
	tcase_add_test(tc, other_errors);
	tcase_add_test(tc, file_and_matching);
	tcase_add_test(tc, no_pattern_hangs);
	tcase_add_test(tc, escaped_alias_of_any_length);
	tcase_add_test(tc, pattern_budget_and_warnings);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
