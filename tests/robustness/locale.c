/*
 * Numbers do not follow the locale.  A program that embeds the library
 * and calls setlocale(LC_ALL, "") under a decimal-comma locale (de_DE,
 * fr_FR, ru_RU...) must get the very bytes it gets in the "C" locale from
 * every writer (claims JSON Lines, the JSON, text, Markdown and HTML
 * reports, the conflicts CSV, the document listing), valid JSON, and read
 * "2.5 million" as 2,500,000.
 *
 * The test needs such a locale installed: it uses $RC_TEST_LOCALE, or the
 * first of a few common ones that exists, and skips itself (TAP "1..0 #
 * SKIP") when there is none; .ci/run generates de_DE.UTF-8.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "util.h"
#include "core/jw.h"
#include "core/json.h"

static const char *comma_locale;

/* Switch to a decimal-comma locale, as a host program would. */
static void enter_comma_locale(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, comma_locale));
	ck_assert_str_eq(localeconv()->decimal_point, ",");
	char probe[16];
	snprintf(probe, sizeof probe, "%g", 2.5);
	ck_assert_str_eq(probe, "2,5"); /* the locale is really in force */
}

static const char *find_comma_locale(void)
{
	static const char *const names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8",
	                                    "nl_NL.UTF-8", "ru_RU.UTF-8", "es_ES.UTF-8",
	                                    "it_IT.UTF-8", "pt_BR.UTF-8", "da_DK.UTF-8"};
	const char *env = getenv("RC_TEST_LOCALE");
	const char *found = NULL;
	for (size_t i = 0; !found && i <= RC_ARRAY_LEN(names); i++) {
		const char *name = i == 0 ? env : names[i - 1];
		if (name && *name && setlocale(LC_ALL, name) &&
		    strcmp(localeconv()->decimal_point, ",") == 0)
			found = name;
	}
	setlocale(LC_ALL, "C");
	return found;
}

/* ---- every writer, on the fixtures ------------------------------------------ */

typedef struct outputs {
	char *data[8];
	size_t len[8];
} outputs;

enum { O_CLAIMS, O_JSON, O_TEXT, O_MD, O_HTML, O_CSV, O_DOCS, O_COUNT };

typedef struct collected {
	rc_record **recs;
	size_t n, cap;
	FILE *claims;
} collected;

static rc_status collect(void *user, rc_record *rec, rc_error *err)
{
	collected *c = user;
	rc_status st = rc_record_write_jsonl(c->claims, rec, true, err);
	if (st != RC_OK || RC_GROW(c->recs, c->cap, c->n + 1) != RC_OK) {
		rc_record_free(rec);
		return st != RC_OK ? st : RC_ERR_NOMEM;
	}
	c->recs[c->n++] = rec;
	return RC_OK;
}

static void run_everything(outputs *o)
{
	memset(o, 0, sizeof *o);
	FILE *f[O_COUNT];
	for (int i = 0; i < O_COUNT; i++)
		ck_assert_ptr_nonnull(f[i] = open_memstream(&o->data[i], &o->len[i]));
	char seeds[4096], articles[4096];
	snprintf(seeds, sizeof seeds, "%s", rc_test_fixture("seeds"));
	snprintf(articles, sizeof articles, "%s", rc_test_fixture("articles"));
	char *inputs[] = {seeds, articles};
	rc_error err;

	/* the document listing */
	rc_reader *r = rb_reader(NULL, inputs, 2);
	rc_doc_writer *dw = NULL;
	ck_assert_int_eq(rc_doc_writer_new(&dw, f[O_DOCS], RC_FORMAT_JSON, NULL, &err), RC_OK);
	for (;;) {
		rc_document *doc = NULL;
		ck_assert_int_eq(rc_reader_next(r, &doc, &err), RC_OK);
		if (!doc)
			break;
		ck_assert_int_eq(rc_doc_writer_add(dw, doc, &err), RC_OK);
		rc_document_free(doc);
	}
	ck_assert_int_eq(rc_doc_writer_finish(dw, &err), RC_OK);
	rc_doc_writer_free(dw);
	rc_reader_free(r);

	/* map, reduce, reports */
	r = rb_reader(NULL, inputs, 2);
	rc_extractor *ex = rb_extractor(NULL);
	collected c = {.claims = f[O_CLAIMS]};
	rc_map_options mo = {.version = RC_MAP_OPTIONS_VERSION, .threads = 2};
	ck_assert_msg(rc_map_run(r, ex, &mo, collect, &c, &err) == RC_OK, "%s", err.message);
	rc_extractor_free(ex);
	rc_reader_free(r);
	rc_result *res = NULL;
	ck_assert_msg(rc_reconcile(&res, c.recs, c.n, NULL, &err) == RC_OK, "%s", err.message);
	free(c.recs);
	rc_report_options ro = RC_REPORT_OPTIONS_INIT;
	ck_assert_int_eq(rc_report_write_json(f[O_JSON], res, &ro, &err), RC_OK);
	ck_assert_int_eq(rc_report_write(f[O_TEXT], res, RC_FORMAT_TEXT, &ro, &err), RC_OK);
	ck_assert_int_eq(rc_report_write(f[O_MD], res, RC_FORMAT_MD, &ro, &err), RC_OK);
	ck_assert_int_eq(rc_report_write(f[O_HTML], res, RC_FORMAT_HTML, &ro, &err), RC_OK);
	ck_assert_int_eq(rc_conflicts_write(f[O_CSV], res, RC_FORMAT_CSV, &ro, &err), RC_OK);
	rc_result_free(res);
	for (int i = 0; i < O_COUNT; i++)
		fclose(f[i]);
}

static void outputs_free(outputs *o)
{
	for (int i = 0; i < O_COUNT; i++)
		free(o->data[i]);
}

START_TEST(every_writer_gives_the_same_bytes_under_a_decimal_comma_locale)
{
	static const char *const names[O_COUNT] = {"claims JSON Lines", "JSON report", "text report",
	                                           "Markdown report", "HTML report", "conflicts CSV",
	                                           "document listing"};
	outputs c_out, comma_out;
	run_everything(&c_out);
	/* The JSON report holds reals (the tolerance 0.1, ...), so a
	 * locale-following writer would show here. */
	ck_assert_ptr_nonnull(strstr(c_out.data[O_JSON], "0.1"));
	enter_comma_locale();
	run_everything(&comma_out);
	for (int i = 0; i < O_COUNT; i++) {
		ck_assert_msg(c_out.len[i] > 0, "%s is empty", names[i]);
		size_t k = 0;
		while (k < c_out.len[i] && k < comma_out.len[i] && c_out.data[i][k] == comma_out.data[i][k])
			k++;
		ck_assert_msg(c_out.len[i] == comma_out.len[i] && k == c_out.len[i],
		              "%s differs under %s at byte %zu: '%.40s' against '%.40s'", names[i],
		              comma_locale, k, c_out.data[i] + (k > 20 ? k - 20 : 0),
		              comma_out.data[i] + (k > 20 ? k - 20 : 0));
	}
	json_error_t je;
	json_t *j = json_loadb(comma_out.data[O_JSON], comma_out.len[O_JSON], 0, &je);
	ck_assert_msg(j != NULL, "invalid JSON report: %s at line %d", je.text, je.line);
	json_t *tol = json_object_get(json_object_get(j, "options"), "tolerance");
	ck_assert_msg(json_is_real(tol) && json_real_value(tol) == 0.1, "tolerance is not 0.1");
	json_decref(j);
	outputs_free(&c_out);
	outputs_free(&comma_out);
}
END_TEST

START_TEST(numbers_are_written_and_read_with_a_point)
{
	enter_comma_locale();
	rc_buf b;
	rc__buf_init(&b, 0);
	rc_jw w;
	rc__jw_init(&w, &b);
	rc__jw_arr(&w);
	rc__jw_num(&w, 0.08);
	rc__jw_num(&w, 2.5e-7);
	rc__jw_num(&w, 1e300);
	rc__jw_end_arr(&w);
	ck_assert_str_eq(b.data, "[0.08,2.5e-07,1e+300]");
	rc__buf_reset(&b);
	ck_assert_int_eq(rc__buf_printf(&b, "%.2f|%g", 1.25, 0.5), RC_OK);
	ck_assert_str_eq(b.data, "1.25|0.5");
	rc__buf_dispose(&b);

	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);
	json_t *v = json_pack("{s:f,s:f}", "a", 0.08, "b", 12.5);
	ck_assert_int_eq(rc__json_write_line(fp, v, NULL), RC_OK);
	json_decref(v);
	fclose(fp);
	ck_assert_str_eq(s, "{\"a\":0.08,\"b\":12.5}\n");
	free(s);

	rc_interval iv = {.lo = 2.5, .hi = 3.75, .lo_incl = true, .hi_incl = true};
	char buf[64];
	rc_interval_str(&iv, buf, sizeof buf);
	ck_assert_str_eq(buf, "[2.5, 3.75]");
	ck_assert(rc__strtod("2.5", NULL) == 2.5);
}
END_TEST

START_TEST(decimal_figures_in_text_are_read_with_a_point)
{
	enter_comma_locale();
	rc_document *doc = rb_doc("The floods displaced 2.5 million people, officials said.\n");
	rc_extractor *ex = rb_extractor(NULL);
	rc_record *rec = NULL;
	rc_error err;
	ck_assert_int_eq(rc_record_extract(&rec, ex, doc, &err), RC_OK);
	ck_assert_uint_ge(rec->n_claims, 1);
	ck_assert(rec->claims[0].q.iv.lo == 2500000.0);
	rc_record_free(rec);
	rc_extractor_free(ex);
	rc_document_free(doc);
}
END_TEST

int main(void)
{
	comma_locale = find_comma_locale();
	if (!comma_locale) {
		printf("1..0 # SKIP no decimal-comma locale is installed "
		       "(generate one: locale-gen de_DE.UTF-8, or set RC_TEST_LOCALE)\n");
		return 0;
	}
	Suite *s = suite_create("robustness-locale");
	TCase *tc = tcase_create("locale");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, every_writer_gives_the_same_bytes_under_a_decimal_comma_locale);
	tcase_add_test(tc, numbers_are_written_and_read_with_a_point);
	tcase_add_test(tc, decimal_figures_in_text_are_read_with_a_point);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
