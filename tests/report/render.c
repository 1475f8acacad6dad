/*
 * The renderers of src/report on a hand-built result (sample.c): every
 * report, export and check format says what it should, escapes every
 * hostile string for its medium, is deterministic, handles an empty
 * result, and reports a write error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>
#include <recount/recount.h>
#include "support.h"
#include "sample.c"

static char *render(int what, rc_format fmt, const rc_result *res, rc_status *st_out)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	rc_error err;
	rc_status st;
	if (what == 0) {
		st = rc_report_write(fp, res, fmt, NULL, &err);
	} else if (what == 1) {
		st = rc_conflicts_write(fp, res, fmt, NULL, &err);
	} else {
		static const rc_policy pols[] = {{.kind = RC_POLICY_CONFLICT}, {.kind = RC_POLICY_SPREAD, .pct = 10},
		                                 {.kind = RC_POLICY_UNLINKED}};
		rc_check_result *c = NULL;
		st = rc_check(&c, res, pols, 3, NULL, &err);
		if (st == RC_OK)
			st = rc_check_write(fp, c, res, fmt, NULL, &err);
		rc_check_result_free(c);
	}
	fclose(fp);
	if (st_out)
		*st_out = st;
	else
		ck_assert_msg(st == RC_OK, "%s", err.message);
	return buf;
}

/* Nothing that reaches a terminal or a log may carry control characters
 * (ESC, BEL, CR) or bidirectional overrides from an article. */
static void assert_clean(const char *out)
{
	ck_assert_ptr_null(strchr(out, '\x1b'));
	ck_assert_ptr_null(strchr(out, '\x07'));
	ck_assert_ptr_null(strstr(out, "\xE2\x80\xAE"));
	ck_assert_ptr_null(strchr(out, '\r'));
}

START_TEST(text_report)
{
	rc_result *res;
	sample *s = sample_new(&res);
	char *out = render(0, RC_FORMAT_TEXT, res, NULL);
	ck_assert_ptr_nonnull(strstr(out, "Bombing in Kerman, 2024-01-03"));
	ck_assert_ptr_nonnull(strstr(out, "contradiction: 84 vs over 90"));
	ck_assert_ptr_nonnull(strstr(out, "fixtures/seeds/002_a244501457de1e22.txt:11"));
	ck_assert(strstr(out, "revision: 103 \xe2\x86\x92 84") != NULL);
	ck_assert_ptr_nonnull(strstr(out, "aggregate over 230"));
	ck_assert_ptr_nonnull(strstr(out, "Claims with no event (1)"));
	ck_assert_ptr_nonnull(strstr(out, "timeline: 2024-01-06 84 (siasat.com)"));
	/* the current figure first, as its report wrote it ("nearly 100", not
	 * the 95 it stands for), with the credible low and high, its source,
	 * date and reason */
	ck_assert_ptr_nonnull(strstr(out, "current nearly 100 (84-100)"));
	ck_assert_ptr_nonnull(strstr(out, "why: the latest report (2024-01-19, Intelligence Ministry)"));
	ck_assert(strstr(out, "current nearly 100 (84-100)") < strstr(out, "timeline: 2024-01-06"));
	ck_assert(strstr(out, "timeline: 2024-01-06") < strstr(out, "contradiction: 84 vs over 90"));
	assert_clean(out);
	char *again = render(0, RC_FORMAT_TEXT, res, NULL);
	ck_assert_str_eq(out, again);
	free(out);
	free(again);
	sample_free(s);
}
END_TEST

START_TEST(markdown_report)
{
	rc_result *res;
	sample *s = sample_new(&res);
	char *out = render(0, RC_FORMAT_MD, res, NULL);
	ck_assert_ptr_nonnull(strstr(out, "# recount report"));
	ck_assert_ptr_nonnull(strstr(out, "## Bombing in Kerman, 2024-01-03"));
	ck_assert_ptr_nonnull(strstr(out, "| Metric | Current |"));
	/* the summary's current figure as written when it is not exact (not the
	 * 95 that "nearly 100" stands for), an exact one as a number */
	ck_assert_ptr_nonnull(strstr(out, "| killed | nearly 100 | 84-100 |"));
	ck_assert_ptr_nonnull(strstr(out, "| killed | 84 | 84 |"));
	ck_assert_ptr_nonnull(strstr(out, "**Current: nearly 100**"));
	ck_assert_ptr_nonnull(strstr(out, "distinct figures by time window"));
	ck_assert_ptr_nonnull(strstr(out, "**Contradiction**: 84 vs over 90"));
	/* table cells cannot be broken by a pipe or markup in an article */
	ck_assert_ptr_nonnull(strstr(out, "Attack in \\<b\\>Springfield\\</b\\>"));
	/* the article as a link whose destination cannot end the link or the cell */
	ck_assert_ptr_nonnull(strstr(out, "[Iran arrests suspects (\"ISIS\") \\| \\<update\\>]"
	                                  "(https://iranintl.example/en/2024/01/19/arrests?"
	                                  "a=1&b=%282%29%7C%22x%22%20y)"));
	ck_assert_ptr_null(strstr(out, "](javascript"));
	assert_clean(out);
	free(out);
	sample_free(s);
}
END_TEST

START_TEST(html_report)
{
	rc_result *res;
	sample *s = sample_new(&res);
	char *out = render(0, RC_FORMAT_HTML, res, NULL);
	ck_assert_ptr_nonnull(strstr(out, "<!DOCTYPE html>"));
	ck_assert_ptr_nonnull(strstr(out, "</html>\n"));
	ck_assert_ptr_nonnull(strstr(out, "<svg class=\"numberline\""));
	ck_assert_ptr_nonnull(strstr(out, "<svg class=\"timeline\""));
	ck_assert_ptr_nonnull(strstr(out, "id=\"ev-kerman-2024-01-03-bombing\""));
	/* no network, no injected markup */
	ck_assert_ptr_null(strstr(out, "<script>alert"));
	ck_assert_ptr_null(strstr(out, "<b>Springfield"));
	ck_assert_ptr_nonnull(strstr(out, "&lt;script&gt;alert"));
	ck_assert_ptr_null(strstr(out, "src=\"http"));
	/* the article is a link, escaped, opened without a referrer; a
	 * javascript: URL never becomes one */
	ck_assert_ptr_nonnull(strstr(out, "<a href=\"https://iranintl.example/en/2024/01/19/arrests?"
	                                  "a=1&amp;b=(2)|%22x%22%20y\" rel=\"noopener noreferrer\">"));
	ck_assert_ptr_null(strstr(out, "href=\"javascript"));
	/* a conflicts index before the events, linking to the metric */
	const char *index = strstr(out, "<section id=\"conflicts\"><h2>Conflicts (3)</h2>");
	ck_assert_ptr_nonnull(index);
	ck_assert(index < strstr(out, "<section class=\"event\""));
	ck_assert_ptr_nonnull(strstr(index, "<a href=\"#ev-kerman-2024-01-03-bombing-m0\">"));
	ck_assert_ptr_nonnull(strstr(out, "<article class=\"metric\" id=\"ev-kerman-2024-01-03-bombing-m0\">"));
	/* the timeline: on a date axis, undated nothing; a print stylesheet */
	ck_assert_ptr_nonnull(strstr(out, "data-date=\"2024-01-19\""));
	ck_assert_ptr_nonnull(strstr(out, "@media print{"));
	ck_assert_ptr_nonnull(strstr(out, "@media (prefers-color-scheme: dark)"));
	assert_clean(out);
	free(out);
	sample_free(s);
}
END_TEST

START_TEST(conflict_exports)
{
	rc_result *res;
	sample *s = sample_new(&res);
	char *csv = render(1, RC_FORMAT_CSV, res, NULL);
	ck_assert(strncmp(csv, "event,event_label,metric,conflict,kind,figure_a,", 48) == 0);
	/* the articles' addresses and titles, in columns appended at the end */
	ck_assert_ptr_nonnull(strstr(csv, ",why,url_a,title_a,url_b,title_b,window,reports_a,reports_b\r\n"));
	ck_assert_ptr_nonnull(strstr(csv, ",javascript:alert(document.cookie),"));
	/* 3 conflicts, 2 claims each: a header and 3 rows, CRLF line ends */
	size_t rows = 0;
	for (const char *p = csv; (p = strstr(p, "\r\n")); p += 2)
		rows++;
	ck_assert_uint_eq(rows, 4);
	/* formulas neutralised, quotes doubled */
	ck_assert_ptr_nonnull(strstr(csv, "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\""));
	ck_assert_ptr_nonnull(strstr(csv, "\"'+cmd|' /C calc'!A0\""));
	ck_assert_ptr_null(strstr(csv, ",=HYPERLINK"));
	char *tsv = render(1, RC_FORMAT_TSV, res, NULL);
	ck_assert_ptr_null(strchr(tsv, '\r'));
	ck_assert_ptr_nonnull(strstr(tsv, "'=40"));
	char *json = render(1, RC_FORMAT_JSON, res, NULL);
	json_error_t je;
	json_t *j = json_loads(json, 0, &je);
	ck_assert_msg(j != NULL, "conflicts JSON: %s", je.text);
	ck_assert_str_eq(json_string_value(json_object_get(j, "schema")), "recount.conflicts/1");
	json_t *arr = json_object_get(j, "conflicts");
	ck_assert_uint_eq(json_array_size(arr), 3);
	json_t *first = json_array_get(arr, 0);
	ck_assert(json_is_integer(json_object_get(first, "conflict")));
	ck_assert(json_is_string(json_object_get(first, "quote_a")));
	json_decref(j);
	char *md = render(1, RC_FORMAT_MD, res, NULL);
	ck_assert(strncmp(md, "| event | event_label |", 23) == 0);
	free(csv);
	free(tsv);
	free(json);
	free(md);
	sample_free(s);
}
END_TEST

START_TEST(check_outputs)
{
	rc_result *res;
	sample *s = sample_new(&res);
	char *text = render(2, RC_FORMAT_TEXT, res, NULL);
	ck_assert(strncmp(text, "recount check: FAILED", 21) == 0);
	ck_assert_ptr_nonnull(strstr(text, "fixtures/seeds/001_827336abbb4de479.txt:9: contradiction: "
	                                   "contradiction of killed in Bombing in Kerman"));
	/* a revision never fails the gate */
	ck_assert_ptr_null(strstr(text, "revision of killed"));
	ck_assert_ptr_nonnull(strstr(text, ": unlinked: arrested claim two is linked to no event"));
	ck_assert_ptr_nonnull(strstr(text, ": spread: killed in Bombing in Kerman, 2024-01-03 ranges from 84 to 100"));
	char *gh = render(2, RC_FORMAT_GITHUB, res, NULL);
	/* every workflow command is ours: article text cannot start one */
	for (const char *line = gh; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (strncmp(line, "::", 2) == 0)
			ck_assert(strncmp(line, "::error file=", 13) == 0 || strncmp(line, "::notice", 8) == 0);
	ck_assert_ptr_nonnull(strstr(gh, "::error file=fixtures/check/odd%2C \"name\" #1.txt,line=3,col=5,"
	                                 "title=recount contradiction::"));
	assert_clean(gh);
	char *junit = render(2, RC_FORMAT_JUNIT, res, NULL);
	ck_assert_ptr_nonnull(strstr(junit, "<testsuites name=\"recount check\""));
	ck_assert_ptr_nonnull(strstr(junit, "<failure type=\"contradiction\""));
	ck_assert_ptr_null(strstr(junit, "<script>"));
	char *sarif = render(2, RC_FORMAT_SARIF, res, NULL);
	json_error_t je;
	json_t *j = json_loads(sarif, 0, &je);
	ck_assert_msg(j != NULL, "SARIF: %s", je.text);
	ck_assert_str_eq(json_string_value(json_object_get(j, "version")), "2.1.0");
	json_t *run = json_array_get(json_object_get(j, "runs"), 0);
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(json_object_get(run, "tool"),
	                                                                   "driver"), "name")), "recount");
	json_t *results = json_object_get(run, "results");
	ck_assert_uint_ge(json_array_size(results), 3);
	size_t i;
	json_t *r;
	json_array_foreach(results, i, r) {
		ck_assert(json_is_string(json_object_get(r, "ruleId")));
		ck_assert(json_is_string(json_object_get(json_object_get(r, "message"), "text")));
		json_t *pl = json_object_get(json_array_get(json_object_get(r, "locations"), 0), "physicalLocation");
		ck_assert(json_is_string(json_object_get(json_object_get(pl, "artifactLocation"), "uri")));
		ck_assert(json_integer_value(json_object_get(json_object_get(pl, "region"), "startLine")) >= 1);
	}
	json_decref(j);
	free(text);
	free(gh);
	free(junit);
	free(sarif);
	sample_free(s);
}
END_TEST

START_TEST(empty_and_errors)
{
	rc_result *res = NULL;
	sample *s = sample_empty(&res);
	static const rc_format fmts[] = {RC_FORMAT_TEXT, RC_FORMAT_MD, RC_FORMAT_HTML};
	for (size_t i = 0; i < 3; i++)
		free(render(0, fmts[i], res, NULL));
	char *csv = render(1, RC_FORMAT_CSV, res, NULL);
	ck_assert_str_eq(strchr(csv, '\n') + 1, "");
	free(csv);
	char *text = render(2, RC_FORMAT_TEXT, res, NULL);
	ck_assert(strncmp(text, "recount check: passed: 0 findings", 33) == 0);
	free(text);
	sample_free(s);
	/* a full disk is an error, not a silent truncation */
	s = sample_new(&res);
	FILE *full = fopen("/dev/full", "w");
	if (full) {
		rc_error err;
		ck_assert_int_eq(rc_report_write(full, res, RC_FORMAT_HTML, NULL, &err), RC_ERR_IO);
		ck_assert_int_eq(rc_conflicts_write(full, res, RC_FORMAT_CSV, NULL, &err), RC_ERR_IO);
		fclose(full);
	}
	rc_status st;
	free(render(0, RC_FORMAT_CSV, res, &st));
	ck_assert_int_eq(st, RC_ERR_INVALID);
	free(render(1, RC_FORMAT_HTML, res, &st));
	ck_assert_int_eq(st, RC_ERR_INVALID);
	sample_free(s);
}
END_TEST

START_TEST(policies)
{
	rc_policy p;
	rc_error err;
	ck_assert_int_eq(rc_policy_parse("spread=50%", &p, &err), RC_OK);
	ck_assert(p.kind == RC_POLICY_SPREAD && p.pct == 50);
	ck_assert_int_eq(rc_policy_parse("new-conflict", &p, &err), RC_OK);
	ck_assert_int_eq(p.kind, RC_POLICY_NEW_CONFLICT);
	ck_assert_int_eq(rc_policy_parse("new-contradiction", &p, &err), RC_OK);
	ck_assert_int_eq(p.kind, RC_POLICY_NEW_CONFLICT);
	ck_assert_int_eq(rc_policy_parse("contradiction", &p, &err), RC_OK);
	ck_assert_int_eq(p.kind, RC_POLICY_CONFLICT);
	ck_assert_str_eq(rc_policy_kind_str(p.kind), "contradiction");
	ck_assert_int_eq(rc_policy_parse("conflict", &p, &err), RC_OK);
	ck_assert_int_eq(p.kind, RC_POLICY_CONFLICT);
	ck_assert_int_eq(rc_policy_parse("spread=lots", &p, &err), RC_ERR_INVALID);
	ck_assert_int_eq(rc_policy_parse("conflicts", &p, &err), RC_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err.message, "unknown policy 'conflicts'"));
	rc_result *res;
	sample *s = sample_new(&res);
	rc_check_result *c;
	rc_policy nc = {.kind = RC_POLICY_NEW_CONFLICT};
	ck_assert_int_eq(rc_check(&c, res, &nc, 1, NULL, &err), RC_ERR_INVALID);
	ck_assert_int_eq(rc_check(&c, res, &nc, 1, "/nonexistent/baseline.json", &err), RC_ERR_PARSE);
	ck_assert_str_eq(err.path, "/nonexistent/baseline.json");
	sample_free(s);
}
END_TEST

/* A batch of two documents, one read and one skipped at line 3. */
typedef struct skipped_batch {
	rc_result res;
	rc_record rec[2];
	rc_record *recs[2];
	rc_diag diag;
} skipped_batch;

static void skipped_batch_init(skipped_batch *b)
{
	memset(b, 0, sizeof *b);
	b->rec[0] = (rc_record){.doc = "batch:1", .path = "in/batch.jsonl", .record_line = 1,
	                        .status = RC_DOC_OK};
	b->diag = (rc_diag){.severity = RC_SEV_ERROR, .status = RC_ERR_PARSE, .path = "in/batch.jsonl",
	                    .line = 3, .column = 7, .offset = (size_t)-1, .message = "malformed JSON"};
	b->rec[1] = (rc_record){.doc = "batch:3", .path = "in/batch.jsonl", .record_line = 3, .seq = 1,
	                        .status = RC_DOC_SKIPPED, .reason = "malformed JSON",
	                        .diags = &b->diag, .n_diags = 1};
	b->recs[0] = &b->rec[0];
	b->recs[1] = &b->rec[1];
	b->res = (rc_result){.documents_read = 2, .documents_processed = 1, .documents_skipped = 1,
	                     .records = b->recs, .n_records = 2};
}

static char *check_render(const rc_result *res, const rc_policy *pol, size_t n, rc_format fmt,
                          rc_check_result **keep)
{
	rc_error err;
	rc_check_result *c = NULL;
	ck_assert_int_eq(rc_check(&c, res, pol, n, NULL, &err), RC_OK);
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	ck_assert_int_eq(rc_check_write(fp, c, res, fmt, NULL, &err), RC_OK);
	fclose(fp);
	if (keep)
		*keep = c;
	else
		rc_check_result_free(c);
	return buf;
}

START_TEST(skipped_policy)
{
	rc_policy p;
	rc_error err;
	ck_assert_int_eq(rc_policy_parse("skipped", &p, &err), RC_OK);
	ck_assert(p.kind == RC_POLICY_SKIPPED && p.pct == 0);
	ck_assert_int_eq(rc_policy_parse("skipped=5%", &p, &err), RC_OK);
	ck_assert(p.kind == RC_POLICY_SKIPPED && p.pct == 5);
	ck_assert_int_eq(rc_policy_parse("skipped=150", &p, &err), RC_ERR_INVALID);
	ck_assert_str_eq(rc_policy_kind_str(RC_POLICY_SKIPPED), "skipped");

	/* a run that processed nothing fails, in every format, with no place */
	rc_result *res = NULL;
	sample *s = sample_empty(&res);
	rc_policy sk = {.kind = RC_POLICY_SKIPPED};
	rc_check_result *c;
	char *text = check_render(res, &sk, 1, RC_FORMAT_TEXT, &c);
	ck_assert(c->failed);
	ck_assert_uint_eq(c->n_findings, 1);
	ck_assert_ptr_null(c->findings[0].at);
	ck_assert_ptr_null(c->findings[0].doc);
	ck_assert_ptr_nonnull(strstr(text, "\nskipped: no document was processed (0 read, 0 skipped)\n"));
	rc_check_result_free(c);
	free(text);
	char *gh = check_render(res, &sk, 1, RC_FORMAT_GITHUB, NULL);
	ck_assert(strncmp(gh, "::error title=recount skipped::no document was processed", 56) == 0);
	free(gh);
	char *sarif = check_render(res, &sk, 1, RC_FORMAT_SARIF, NULL);
	ck_assert_ptr_null(strstr(sarif, "\"locations\""));
	free(sarif);
	sample_free(s);

	/* one document of two skipped: a finding at its file and line */
	skipped_batch b;
	skipped_batch_init(&b);
	text = check_render(&b.res, &sk, 1, RC_FORMAT_TEXT, &c);
	ck_assert_uint_eq(c->n_findings, 1);
	ck_assert_ptr_eq(c->findings[0].doc, &b.rec[1]);
	ck_assert_ptr_nonnull(strstr(text, "\nin/batch.jsonl:3: skipped: document batch:3 not processed: "
	                                   "malformed JSON\n"));
	rc_check_result_free(c);
	free(text);
	gh = check_render(&b.res, &sk, 1, RC_FORMAT_GITHUB, NULL);
	ck_assert(strncmp(gh, "::error file=in/batch.jsonl,line=3,col=7,title=recount skipped::", 64) == 0);
	free(gh);
	/* 50% skipped is within skipped=50, not within skipped=49 */
	rc_policy half = {.kind = RC_POLICY_SKIPPED, .pct = 50}, less = {.kind = RC_POLICY_SKIPPED, .pct = 49};
	text = check_render(&b.res, &half, 1, RC_FORMAT_TEXT, &c);
	ck_assert(!c->failed);
	rc_check_result_free(c);
	free(text);
	text = check_render(&b.res, &less, 1, RC_FORMAT_TEXT, &c);
	ck_assert(c->failed);
	ck_assert_ptr_nonnull(strstr(text, "(1 of 2 documents skipped, over the 49% allowed)"));
	rc_check_result_free(c);
	free(text);
}
END_TEST

/* Findings carry ids that are unique, and the same from run to run; JUnit
 * cases are unique by classname and name; SARIF locations are URIs. */
START_TEST(finding_identity)
{
	rc_result *res;
	sample *s = sample_new(&res);
	static const rc_policy pols[] = {{.kind = RC_POLICY_CONFLICT}, {.kind = RC_POLICY_SPREAD, .pct = 10},
	                                 {.kind = RC_POLICY_UNLINKED}, {.kind = RC_POLICY_CONFLICT}};
	rc_check_result *a, *b;
	free(check_render(res, pols, 4, RC_FORMAT_TEXT, &a));
	free(check_render(res, pols, 4, RC_FORMAT_TEXT, &b));
	/* the conflict policy given twice: every conflict found twice, ids still unique */
	ck_assert_uint_ge(a->n_findings, 6);
	for (size_t i = 0; i < a->n_findings; i++) {
		ck_assert_ptr_nonnull(a->findings[i].id);
		ck_assert_str_eq(a->findings[i].id, b->findings[i].id);
		for (size_t j = 0; j < i; j++)
			ck_assert_str_ne(a->findings[i].id, a->findings[j].id);
	}
	ck_assert(strncmp(a->findings[0].id, "contradiction/", 14) == 0);
	rc_check_result_free(a);
	rc_check_result_free(b);
	char *junit = check_render(res, pols, 4, RC_FORMAT_JUNIT, NULL);
	/* every <testcase classname name> pair once, every case timed */
	size_t cases = 0;
	const char *names[64];
	size_t lens[64];
	for (const char *p = junit; (p = strstr(p, "<testcase classname=\"")); p++) {
		const char *end = strstr(p, "\" file=");
		const char *end2 = strstr(p, "\" time=");
		if (!end || (end2 && end2 < end))
			end = end2;
		ck_assert_ptr_nonnull(end);
		ck_assert_uint_lt(cases, 64);
		names[cases] = p;
		lens[cases] = (size_t)(end - p);
		for (size_t j = 0; j < cases; j++)
			ck_assert(lens[j] != lens[cases] || memcmp(names[j], p, lens[j]) != 0);
		ck_assert_ptr_nonnull(strstr(p, " time=\"0\""));
		cases++;
	}
	ck_assert_uint_ge(cases, 5);
	free(junit);
	/* SARIF: "odd, \"name\" #1.txt" as a URI, columns in code points, fingerprints */
	char *sarif = check_render(res, pols, 4, RC_FORMAT_SARIF, NULL);
	ck_assert_ptr_nonnull(strstr(sarif, "\"uri\": \"fixtures/check/odd%2C%20%22name%22%20%231.txt\""));
	ck_assert_ptr_nonnull(strstr(sarif, "\"columnKind\": \"unicodeCodePoints\""));
	ck_assert_ptr_nonnull(strstr(sarif, "\"recountFindingId/v1\": \"contradiction/"));
	free(sarif);
	sample_free(s);
}
END_TEST

/* A baseline with wrongly typed members is an error naming the member. */
START_TEST(baseline_types)
{
	static const struct { const char *json, *member; } bad[] = {
		{"{\"schema\":\"recount.report/1\",\"events\":{}}", "events should be an array"},
		{"{\"schema\":\"recount.report/1\",\"events\":[{\"id\":1}]}", "events[0].id should be a string"},
		{"{\"schema\":\"recount.report/1\",\"events\":[{\"id\":\"a\",\"metrics\":[]}]}",
		 "events[0].metrics should be an object"},
		{"{\"schema\":\"recount.report/1\",\"events\":[{\"id\":\"a\",\"metrics\":{\"killed\":"
		 "{\"range\":{\"lo\":1,\"hi\":2,\"lo_incl\":\"yes\"}}}}]}",
		 "events[0].metrics.killed.range.lo_incl should be true or false"},
		{"{\"schema\":\"recount.report/1\",\"events\":[{\"id\":\"a\",\"metrics\":{\"killed\":"
		 "{\"figures\":[],\"conflicts\":[{\"kind\":\"contradiction\",\"figures\":[3]}]}}}]}",
		 "events[0].metrics.killed.conflicts[0].figures[0] should be the index of one of the metric's figures"},
		{"{\"schema\":\"recount.report/1\",\"events\":[{\"id\":\"a\",\"metrics\":{\"killed\":"
		 "{\"figures\":[{\"lo\":\"x\"}],\"conflicts\":[{\"kind\":\"contradiction\",\"figures\":[0]}]}}}]}",
		 "events[0].metrics.killed.conflicts[0].figures[0] (a figure).lo should be a number or null"},
		{"{\"schema\":\"recount.report/1\",\"events\":[{\"id\":\"a\",\"metrics\":{\"killed\":"
		 "{\"conflicts\":[{\"kind\":\"dispute\",\"claims\":[{\"source\":4}]}]}}}]}",
		 "events[0].metrics.killed.conflicts[0].claims[0].source should be a string or null"},
		{"{\"schema\":\"recount.report/1\",\"events\":[{\"id\":\"a\",\"metrics\":{\"killed\":"
		 "{\"conflicts\":[{\"claims\":[]}]}}}]}",
		 "events[0].metrics.killed.conflicts[0].kind should be a string, not missing"},
	};
	rc_result *res;
	sample *s = sample_new(&res);
	rc_policy nc = {.kind = RC_POLICY_NEW_CONFLICT};
	char path[] = "/tmp/rc-baseline-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		FILE *fp = fopen(path, "w");
		fputs(bad[i].json, fp);
		fclose(fp);
		rc_error err;
		rc_check_result *c = NULL;
		ck_assert_int_eq(rc_check(&c, res, &nc, 1, path, &err), RC_ERR_PARSE);
		ck_assert_str_eq(err.path, path);
		ck_assert_msg(strstr(err.message, bad[i].member) != NULL, "%s", err.message);
	}
	unlink(path);
	sample_free(s);
}
END_TEST

/* The baseline diff: events gone in the order of their ids, each once
 * however often the baseline names it; events new in the result's order. */
START_TEST(baseline_diff)
{
	rc_result *res;
	sample *s = sample_new(&res);
	char path[] = "/tmp/rc-baseline-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *fp = fdopen(fd, "w");
	fputs("{\"schema\":\"recount.report/1\",\"events\":[{\"id\":\"zz-gone\"},"
	      "{\"id\":\"kerman-2024-01-03-bombing\"},{\"id\":\"aa-gone\"},{\"id\":\"zz-gone\"}]}",
	      fp);
	fclose(fp);
	rc_policy nc = {.kind = RC_POLICY_NEW_CONFLICT};
	rc_check_result *c = NULL;
	rc_error err;
	ck_assert_int_eq(rc_check(&c, res, &nc, 1, path, &err), RC_OK);
	unlink(path);
	ck_assert(c->diff.has_baseline);
	ck_assert_uint_eq(c->diff.n_gone_events, 2);
	ck_assert_str_eq(c->diff.gone_events[0], "aa-gone");
	ck_assert_str_eq(c->diff.gone_events[1], "zz-gone");
	ck_assert_uint_eq(c->diff.n_new_events, res->n_events - 1);
	for (size_t i = 0, j = 0; i < res->n_events; i++)
		if (strcmp(res->events[i].id, "kerman-2024-01-03-bombing") != 0)
			ck_assert_str_eq(c->diff.new_events[j++], res->events[i].id);
	rc_check_result_free(c);
	sample_free(s);
}
END_TEST

/* RC_RENDER_DUMP=DIR writes every output of the sample there, to look at. */
static void dump(const char *dir)
{
	static const struct { int what; rc_format fmt; const char *name; } outs[] = {
		{0, RC_FORMAT_TEXT, "report.txt"}, {0, RC_FORMAT_MD, "report.md"},
		{0, RC_FORMAT_HTML, "report.html"}, {1, RC_FORMAT_CSV, "conflicts.csv"},
		{2, RC_FORMAT_TEXT, "check.txt"}, {2, RC_FORMAT_GITHUB, "check.github"},
		{2, RC_FORMAT_JUNIT, "check.xml"}, {2, RC_FORMAT_SARIF, "check.sarif"},
	};
	rc_result *res;
	sample *s = sample_new(&res);
	for (size_t i = 0; i < sizeof outs / sizeof outs[0]; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, outs[i].name);
		rc_status st;
		char *out = render(outs[i].what, outs[i].fmt, res, &st);
		FILE *fp = fopen(path, "w");
		if (fp) {
			fputs(out, fp);
			fclose(fp);
		}
		free(out);
	}
	sample_free(s);
}

int main(void)
{
	if (getenv("RC_RENDER_DUMP")) {
		dump(getenv("RC_RENDER_DUMP"));
		return 0;
	}
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("render");
	tcase_add_test(tc, text_report);
	tcase_add_test(tc, markdown_report);
	tcase_add_test(tc, html_report);
	tcase_add_test(tc, conflict_exports);
	tcase_add_test(tc, check_outputs);
	tcase_add_test(tc, empty_and_errors);
	tcase_add_test(tc, policies);
	tcase_add_test(tc, skipped_policy);
	tcase_add_test(tc, finding_identity);
	tcase_add_test(tc, baseline_types);
	tcase_add_test(tc, baseline_diff);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
