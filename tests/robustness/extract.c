/*
 * Hostile documents through the whole map phase (rc_record_extract):
 * bait for the sentence splitter, the attribution and claim patterns,
 * invalid bytes and NUL bytes everywhere, a document with more claims than
 * the limit, and figures beyond int64 and double.  Every record must honour
 * record.h (fuzz/common.c checks it) and every cut must be a diagnostic.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"
#include "../../fuzz/common.h"

static rc_record *extract(const rc_extractor *ex, const char *text, size_t len)
{
	rc_document *doc = NULL;
	rc_error err;
	ck_assert_int_eq(rc_document_from_memory(&doc, text, len, "hostile.txt", "hostile", &err),
	                 RC_OK);
	rb_check_doc(doc);
	rc_record *rec = NULL;
	rc_status st = rc_record_extract(&rec, ex, doc, &err);
	ck_assert_msg(st == RC_OK, "rc_record_extract: %s", err.message);
	rc_fuzz_check_record(rec, doc->text_len);
	rc_document_free(doc);
	return rec;
}

static size_t count_claims(const rc_extractor *ex, const char *text)
{
	rc_record *rec = extract(ex, text, strlen(text));
	size_t n = rec->n_claims;
	rc_record_free(rec);
	return n;
}

START_TEST(claims_over_the_limit_are_cut_with_a_warning)
{
	/* Default limit first: 10000 claims per document. */
	size_t sentences = rb_big(12000, 10100);
	char *text = rb_repeat("Gunmen killed 5 people. ", 24 * sentences);
	rc_extractor *ex = rb_extractor(NULL);
	rc_record *rec = extract(ex, text, strlen(text));
	ck_assert_uint_eq(rec->n_claims, 10000);
	const rc_diag *w = rb_record_diag(rec, RC_SEV_WARNING);
	ck_assert_msg(w != NULL, "claims were cut without a warning");
	ck_assert_int_eq(w->status, RC_ERR_LIMIT);
	ck_assert_int_eq(rec->status, RC_DOC_OK);
	rc_record_free(rec);

	/* A configured limit, and the claims under it untouched. */
	char *small = rb_repeat("Gunmen killed 5 people. ", 24 * 200);
	size_t all = count_claims(ex, small);
	ck_assert_uint_ge(all, 200);
	rc_extractor_free(ex);
	rc_limits lim = {.max_claims_per_doc = 50};
	ex = rb_extractor(&lim);
	rec = extract(ex, small, strlen(small));
	ck_assert_uint_eq(rec->n_claims, 50);
	ck_assert_int_eq(rb_record_diag(rec, RC_SEV_WARNING)->status, RC_ERR_LIMIT);
	/* The kept claims are the first ones, in text order. */
	for (size_t i = 1; i < rec->n_claims; i++)
		ck_assert_uint_le(rec->claims[i - 1].pos.start, rec->claims[i].pos.start);
	rc_record_free(rec);
	rc_extractor_free(ex);
	free(small);
	free(text);
}
END_TEST

/* Runs of what the splitter and the claim patterns look for. */
static const char *const bait[] = {
	"U.S. ", "Gen. ", "No. ", "\"", "\xE2\x80\x9C", "'", "(", ")", "according to ", "said ",
	"told ", "citing ", ". ", ".", "?!", "\n", "\n\n", "\r\n", " ", "killed ", "were killed ",
	"killing ", "people ", "of them ", "at least ", "more than ", "dozens ", "revised ",
	"from ", "an earlier toll of ", "could have ", "collectively ", "in total ", "and ",
	"5 ", "5, ", "five ", "bombing ", "in Kerman ", "on January 3 ", "2024 ", "Kerman, Iran, ",
	"\xFF", "\xC0\xAF", "a", "x-", "-",
};

START_TEST(bait_for_the_splitter_and_the_patterns)
{
	size_t size = rb_big(200000, 6000);
	rc_extractor *ex = rb_extractor(NULL);
	for (size_t i = 0; i < RC_ARRAY_LEN(bait); i++) {
		char *s = rb_repeat(bait[i], size);
		double t0 = rb_now();
		rc_record_free(extract(ex, s, size));
		double dt = rb_now() - t0;
		if (!rb_small())
			ck_assert_msg(dt < 30.0, "'%s' x %zu bytes took %.1f s", bait[i], size, dt);
		free(s);
	}
	/* NUL bytes everywhere, and a sentence of a million bytes. */
	char *nuls = calloc(1, size);
	rc_record_free(extract(ex, nuls, size));
	free(nuls);
	char *word = rb_repeat("Officials said that the people who were killed ", rb_big(1 << 20, 20000));
	rc_record_free(extract(ex, word, strlen(word)));
	free(word);
	rc_extractor_free(ex);
}
END_TEST

START_TEST(figures_beyond_range_in_claims)
{
	static const char text[] =
		"Officials said 18446744073709551616 people were killed and 1e309 were injured. "
		"Nearly 1e309 people were arrested, police said. A toll of "
		"99999999999999999999999999999999999999999999999999 was reported. "
		"Between 1e308 and 1e309 people were displaced.";
	rc_extractor *ex = rb_extractor(NULL);
	rc_record *rec = extract(ex, text, sizeof(text) - 1);
	for (size_t i = 0; i < rec->n_claims; i++) {
		const rc_claim *c = &rec->claims[i];
		ck_assert(!isnan(c->q.value) && c->q.value >= 0);
		rc_interval eff = rc_quantity_effective(rc_extractor_recognizer(ex), &c->q);
		rc_fuzz_check_interval(&eff);
	}
	rc_record_free(rec);
	rc_extractor_free(ex);
}
END_TEST

START_TEST(date_headers)
{
	static const char *const texts[] = {
		" date 9999-99-99 Five people were killed.",
		" date 2024-02-30 Five people were killed.",
		" date 2024-04-02",
		" date ",
		" date 2024-04-02 \xFF\xFE",
		" date 00000000000000000000002024-04-02 Two hurt.",
	};
	rc_extractor *ex = rb_extractor(NULL);
	for (size_t i = 0; i < RC_ARRAY_LEN(texts); i++) {
		rc_document *doc = rb_doc(texts[i]);
		/* A published date, when there is one, is a real YYYY-MM-DD. */
		if (doc->published) {
			int y, m, d;
			ck_assert_uint_eq(strlen(doc->published), 10);
			ck_assert_int_eq(sscanf(doc->published, "%4d-%2d-%2d", &y, &m, &d), 3);
			ck_assert(m >= 1 && m <= 12 && d >= 1 && d <= 31);
		}
		rc_document_free(doc);
		rc_record_free(extract(ex, texts[i], strlen(texts[i])));
	}
	rc_extractor_free(ex);
}
END_TEST

int main(void)
{
	if (rb_skip_unless(RB_NEED_INGEST | RB_NEED_EXTRACT))
		return 0;
	Suite *s = suite_create("robustness-extract");
	TCase *tc = tcase_create("hostile");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, claims_over_the_limit_are_cut_with_a_warning);
	tcase_add_test(tc, bait_for_the_splitter_and_the_patterns);
	tcase_add_test(tc, figures_beyond_range_in_claims);
	tcase_add_test(tc, date_headers);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
