/*
 * The rules loader: the built-in tables load, --rules files add to and
 * override them, and bad files are refused with file, line, column and a
 * reason, leaving the rules as they were.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "support.h"
#include "extract/claims-priv.h"
#include "claims_fake.h"

/* Metrics of the claims found in text, joined by spaces. */
static const char *metrics_of(const rc_rules *rules, const char *text)
{
	static char out[1024];
	rc_arena *a = rc__arena_new(0);
	size_t n = 0;
	rc_claim *c = fake_extract(a, rules, text, strlen(text), 100, &n, NULL);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, " ");
		strncat(out, c[i].metric, sizeof(out) - strlen(out) - 2);
	}
	free(c);
	rc__arena_free(a);
	return out;
}

static rc_rules *fresh(void)
{
	rc_rules *r = NULL;
	rc_error err;
	ck_assert_msg(rc_rules_new_default(&r, &err) == RC_OK, "%s", err.message);
	return r;
}

/* Load json; expect failure at line:column with a message containing want. */
static void refused(const char *json, size_t line, size_t column, const char *want)
{
	rc_rules *r = fresh();
	rc_error err;
	rc_status st = rc_rules_load_buffer(r, json, strlen(json), "my-rules.json", &err);
	ck_assert_int_eq(st, RC_ERR_PARSE);
	ck_assert_str_eq(err.path, "my-rules.json");
	ck_assert_msg(err.line == line && err.column == column, "at %zu:%zu, expected %zu:%zu (%s)",
	              err.line, err.column, line, column, err.message);
	ck_assert_msg(strstr(err.message, want), "message '%s' lacks '%s'", err.message, want);
	/* All or nothing: the rules still work as before. */
	ck_assert_str_eq(metrics_of(r, "Gunmen killed 5 people."), "killed");
	rc_rules_free(r);
}

START_TEST(builtin_rules)
{
	rc_rules *r = fresh();
	static const char *metrics[] = {"killed", "injured", "arrested", "missing", "kidnapped",
	                                "displaced", "perpetrators", "units_dismantled"};
	ck_assert_uint_eq(r->n_metrics, sizeof(metrics) / sizeof(metrics[0]));
	for (size_t i = 0; i < r->n_metrics; i++)
		ck_assert_str_eq(r->metrics[i].name, metrics[i]);
	ck_assert_uint_gt(r->n_subjects, 20);
	ck_assert_uint_gt(r->n_lex, 500);
	rc_rules_free(r);
	rc_rules_free(NULL);
}
END_TEST

START_TEST(builtin_file_matches_the_embedded_copy)
{
	/* data/rules.json is the format --rules reads: loading it over an
	 * empty rule set gives the same claims as the built-in rules. */
	const char *empty = "{\"replace\": true}";
	rc_rules *r = fresh();
	rc_error err;
	ck_assert_int_eq(rc_rules_load_buffer(r, empty, strlen(empty), "empty", &err), RC_OK);
	ck_assert_uint_eq(r->n_metrics, 0);
	ck_assert_str_eq(metrics_of(r, "Gunmen killed 5 people."), "");
	char path[4096];
	snprintf(path, sizeof(path), "%s/data/rules.json", getenv("RC_SOURCE_ROOT"));
	ck_assert_msg(rc_rules_load_file(r, path, &err) == RC_OK, "%s", err.message);
	ck_assert_str_eq(metrics_of(r, "Gunmen killed 5 people and wounded 7 others."),
	                 "killed injured");
	rc_rules_free(r);
}
END_TEST

START_TEST(syntax_errors_name_the_line)
{
	refused("{\n  \"things\": [\"days\",]\n}", 2, 21, "");
	refused("", 1, 0, "");
	refused("{\"things\": [\"a\"], \"things\": [\"b\"]}", 1, 26, "duplicate");
}
END_TEST

START_TEST(unknown_keys_are_errors)
{
	refused("{\n  \"metrics\": {\n    \"killed\": {\n      \"verb\": [\"slew\"]\n    }\n  }\n}",
	        4, 7, "metrics.killed: unknown key 'verb'");
	refused("{\"matcher\": {\"subject_windows\": 3}}", 1, 14, "expected one of: subject_window");
	refused("{\"metric\": {}}", 1, 2, "unknown key 'metric'");
}
END_TEST

START_TEST(bad_values_are_errors)
{
	refused("{\"things\": \"days\"}", 1, 12, "expected a list of strings");
	refused("{\"things\": [\"days\", 3]}", 1, 21, "things[1]: expected a string");
	refused("{\"things\": [\"\"]}", 1, 13, "empty string");
	refused("{\"matcher\": {\"gap_window\": 99}}", 1, 28, "from 0 to 12");
	refused("{\"metrics\": {\"killed\": {\"patterns\": [\"claimed lives\"]}}}", 1, 38,
	        "missing {N}");
	refused("{\"metrics\": {\"killed\": {\"patterns\": [\"{N} {Q}\"]}}}", 1, 38, "unknown slot");
	refused("{\"attribution\": {\"primary\": [\"said {X} today\"]}}", 1, 30,
	        "{X} must start or end");
	refused("{\"status\": {\"aggregate\": [\"in all {N}\"]}}", 1, 27, "takes no {N}");
	refused("{\"metrics\": {\"razed\": {\"verbs\": [\"razed\"], \"objects\": [\"homes\"]}}}",
	        1, 56, "metrics.razed.objects[0]: 'homes' is not a subject name");
	/* every list of part labels names labels of parts.cues (a typo would
	 * silently switch a part rule off) */
	refused("{\"parts\": {\"relative\": [\"additional\", \"no such cue\"]}}", 1, 39,
	        "parts.relative[1]: 'no such cue' is not a label of \"cues\"");
	refused("{\"parts\": {\"needs_total\": [\"by charge\", \"no such cue\"]}}", 1, 41,
	        "is not a label of \"cues\"");
	refused("{\"parts\": {\"after_part\": [\"others of a part\", \"no such cue\"]}}", 1, 47,
	        "is not a label of \"cues\"");
}
END_TEST

START_TEST(bad_elements_are_named_by_their_place_in_the_file)
{
	/* The lists are merged into the built-in ones before their names are
	 * checked; the error still points at the file's own element, whether
	 * or not the file repeats the built-in elements first. */
	refused("{\"parts\": {\"relative\": [\"no such cue\"]}}", 1, 25,
	        "parts.relative[0]: 'no such cue' is not a label");
	refused("{\"parts\": {\"after_part\": [\"no such cue\"]}}", 1, 27,
	        "parts.after_part[0]: 'no such cue' is not a label");
	/* a label the file adds itself, then a bad one: [1] of the file, [2]
	 * of the merged list */
	refused("{\"parts\": {\"cues\": {\"mine\": [\"{N} of mine\"]},"
	        " \"relative\": [\"mine\", \"no such cue\"]}}", 1, 68,
	        "parts.relative[1]: 'no such cue' is not a label");
	refused("{\"parts\": {\"by_role\": [\"no such metric\"]}}", 1, 24,
	        "parts.by_role[0]: 'no such metric' is not a metric name");
	refused("{\"parts\": {\"subjects\": [\"no such subjects\"]}}", 1, 25,
	        "parts.subjects[0]: 'no such subjects' is not a subject name");
	refused("{\"metrics\": {\"units_dismantled\": {\"objects\": [\"homes\"]}}}", 1, 47,
	        "metrics.units_dismantled.objects[0]: 'homes' is not a subject name");
	refused("{\"schema\": \"recount.rules/9\"}", 1, 12, "unsupported schema");
	refused("[1, 2]", 1, 1, "must be a JSON object");
}
END_TEST

START_TEST(files_add_and_override)
{
	rc_rules *r = fresh();
	rc_error err;
	/* A new trigger for an existing metric, and a new metric. */
	const char *add = "{\"metrics\": {\"killed\": {\"verbs\": [\"felled\"]},"
	                  " \"evacuated\": {\"verbs\": [\"airlifted\"]}}}";
	ck_assert_int_eq(rc_rules_load_buffer(r, add, strlen(add), "add", &err), RC_OK);
	ck_assert_str_eq(metrics_of(r, "The storm felled 3 people."), "killed");
	ck_assert_str_eq(metrics_of(r, "Helicopters airlifted 40 people."), "evacuated");
	/* Replace a metric: only the new triggers count. */
	const char *repl = "{\"metrics\": {\"killed\": {\"replace\": true, \"verbs\": [\"slain\"]}}}";
	ck_assert_int_eq(rc_rules_load_buffer(r, repl, strlen(repl), "repl", &err), RC_OK);
	ck_assert_str_eq(metrics_of(r, "Gunmen killed 5 people."), "");
	ck_assert_str_eq(metrics_of(r, "Gunmen slain 5 people."), "killed");
	/* Disable one. */
	const char *off = "{\"metrics\": {\"injured\": {\"disabled\": true}}}";
	ck_assert_int_eq(rc_rules_load_buffer(r, off, strlen(off), "off", &err), RC_OK);
	ck_assert_str_eq(metrics_of(r, "The blast wounded 7 people."), "");
	/* Knobs: with a subject window of 1 the noun after "alleged" is out
	 * of reach, so the figure has no subject before its verb. */
	const char *s = "Police said 5 alleged members were arrested.";
	ck_assert_str_eq(metrics_of(r, s), "arrested");
	const char *knob = "{\"matcher\": {\"subject_window\": 1}}";
	ck_assert_int_eq(rc_rules_load_buffer(r, knob, strlen(knob), "knob", &err), RC_OK);
	ck_assert_str_eq(metrics_of(r, s), "");
	rc_rules_free(r);
}
END_TEST

/* Lists are appended to in order, each string once: duplicates of a
 * built-in word, of a word of an earlier file and inside the file itself
 * are ignored (the merge uses a hash set; this pins down its result). */
START_TEST(lists_merge_once_in_order)
{
	rc_rules *r = fresh();
	rc_error err;
	const json_t *zero = json_object_get(r->doc, "zero");
	size_t before = json_array_size(zero);
	ck_assert_uint_ge(before, 2);
	const char *first = json_string_value(json_array_get(zero, 0));
	char add[256];
	ck_assert_int_lt(snprintf(add, sizeof(add), "{\"zero\": [\"zilch\", \"%s\", \"nada\","
	                          " \"zilch\", \"Nada\"]}", first), (int)sizeof(add));
	ck_assert_int_eq(rc_rules_load_buffer(r, add, strlen(add), "add", &err), RC_OK);
	zero = json_object_get(r->doc, "zero");
	ck_assert_uint_eq(json_array_size(zero), before + 3);
	ck_assert_str_eq(json_string_value(json_array_get(zero, before)), "zilch");
	ck_assert_str_eq(json_string_value(json_array_get(zero, before + 1)), "nada");
	/* Strings are compared as written; matching ignores case later. */
	ck_assert_str_eq(json_string_value(json_array_get(zero, before + 2)), "Nada");
	const char *again = "{\"zero\": [\"nada\", \"zip\"]}";
	ck_assert_int_eq(rc_rules_load_buffer(r, again, strlen(again), "again", &err), RC_OK);
	zero = json_object_get(r->doc, "zero");
	ck_assert_uint_eq(json_array_size(zero), before + 4);
	ck_assert_str_eq(json_string_value(json_array_get(zero, before + 3)), "zip");
	/* A long list with every word twice keeps each once. */
	size_t n = 3000, cap = n * 32 + 64, o = 0;
	char *big = malloc(cap);
	ck_assert_ptr_nonnull(big);
	o += (size_t)snprintf(big + o, cap - o, "{\"metrics\": {\"killed\": {\"verbs\": [");
	for (size_t i = 0; i < 2 * n; i++)
		o += (size_t)snprintf(big + o, cap - o, "%s\"felled%zu\"", i ? ", " : "", i % n);
	o += (size_t)snprintf(big + o, cap - o, "]}}}");
	ck_assert_uint_lt(o, cap);
	const json_t *verbs = json_object_get(json_object_get(json_object_get(r->doc, "metrics"),
	                                                      "killed"), "verbs");
	size_t v0 = json_array_size(verbs);
	ck_assert_int_eq(rc_rules_load_buffer(r, big, o, "big", &err), RC_OK);
	free(big);
	verbs = json_object_get(json_object_get(json_object_get(r->doc, "metrics"), "killed"),
	                        "verbs");
	ck_assert_uint_eq(json_array_size(verbs), v0 + n);
	ck_assert_str_eq(json_string_value(json_array_get(verbs, v0 + n - 1)), "felled2999");
	ck_assert_str_eq(metrics_of(r, "The storm felled1234 3 people."), "killed");
	rc_rules_free(r);
}
END_TEST

START_TEST(load_file_errors)
{
	rc_rules *r = fresh();
	rc_error err;
	ck_assert_int_eq(rc_rules_load_file(r, "/nonexistent/rules.json", &err), RC_ERR_IO);
	ck_assert_str_eq(err.path, "/nonexistent/rules.json");
	char path[] = "/tmp/rc-rules-test-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	const char *bad = "{\n\"zero\": [\"nobody\"],\n\"zero\": []\n}\n";
	ck_assert_int_eq(write(fd, bad, strlen(bad)), (ssize_t)strlen(bad));
	close(fd);
	ck_assert_int_eq(rc_rules_load_file(r, path, &err), RC_ERR_PARSE);
	ck_assert_str_eq(err.path, path);
	ck_assert_uint_eq(err.line, 3);
	unlink(path);
	rc_rules_free(r);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, builtin_rules);
	tcase_add_test(tc, builtin_file_matches_the_embedded_copy);
	tcase_add_test(tc, syntax_errors_name_the_line);
	tcase_add_test(tc, unknown_keys_are_errors);
	tcase_add_test(tc, bad_values_are_errors);
	tcase_add_test(tc, bad_elements_are_named_by_their_place_in_the_file);
	tcase_add_test(tc, files_add_and_override);
	tcase_add_test(tc, lists_merge_once_in_order);
	tcase_add_test(tc, load_file_errors);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
