/*
 * Extraction against the hand-written expectations in
 * fixtures/expected/claims/<document id>.claims, over the seeds and
 * fixtures/articles: prints precision, recall, agreement on status,
 * subject and attribution, and every miss; fails below the floors.
 *
 * With the quantity recognizer built, this is the real pipeline up to the
 * claims.  While it is a placeholder the test falls back to the toy
 * recognizer of claims_fake.h (and says so), with lower floors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "support.h"
#include "extract/claims-priv.h"
#include "claims_fake.h"

typedef struct expect {
	char metric[64], text[64], status[32], subject[64], attribution[160];
	bool used;
} expect;

typedef struct totals {
	size_t expected, extracted, matched;
	size_t status_ok, subject_ok, attribution_ok;
} totals;

static void trim(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	size_t b = 0;
	while (s[b] == ' ')
		b++;
	memmove(s, s + b, n - b + 1);
}

/* Split "a | b | c | d | e" into its five fields. */
static void parse_line(char *line, expect *e)
{
	char *f[5] = {0};
	char *p = line;
	for (int i = 0; i < 5; i++) {
		f[i] = p;
		char *bar = strchr(p, '|');
		if (i < 4) {
			ck_assert_msg(bar != NULL, "expectation line needs 5 fields: %s", line);
			*bar = '\0';
			p = bar + 1;
		}
	}
	char *dst[5] = {e->metric, e->text, e->status, e->subject, e->attribution};
	size_t sz[5] = {sizeof(e->metric), sizeof(e->text), sizeof(e->status),
	                sizeof(e->subject), sizeof(e->attribution)};
	for (int i = 0; i < 5; i++) {
		trim(f[i]);
		snprintf(dst[i], sz[i], "%s", f[i]);
	}
}

static expect *load_expectations(const char *id, size_t *n)
{
	char rel[512];
	snprintf(rel, sizeof(rel), "expected/claims/%s.claims", id);
	FILE *fp = fopen(rc_test_fixture(rel), "r");
	ck_assert_msg(fp != NULL, "no expectation file %s for document %s", rel, id);
	expect *e = NULL;
	size_t cap = 0;
	*n = 0;
	char line[1024];
	while (fgets(line, sizeof(line), fp)) {
		trim(line);
		if (!line[0] || line[0] == '#')
			continue;
		if (RC_GROW(e, cap, *n + 1) != RC_OK)
			abort();
		memset(&e[*n], 0, sizeof(e[*n]));
		parse_line(line, &e[(*n)++]);
	}
	fclose(fp);
	return e;
}

/* The document's publication year, as the extractor reads it (0: unknown). */
static int pub_year(const rc_document *doc)
{
	return doc->published && strlen(doc->published) >= 4 ? atoi(doc->published) : 0;
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

static void compare(const char *id, const rc_claim *c, size_t nc, totals *t)
{
	size_t ne;
	expect *e = load_expectations(id, &ne);
	t->expected += ne;
	t->extracted += nc;
	bool *hit = calloc(nc + 1, sizeof(bool));
	/* Two passes: exact agreement first, so that a figure written twice
	 * (two "Many" claims) pairs with the right expectation. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < nc; i++) {
			if (hit[i])
				continue;
			for (size_t k = 0; k < ne; k++) {
				if (e[k].used || strcmp(e[k].metric, c[i].metric) != 0 ||
				    strcmp(e[k].text, c[i].text) != 0)
					continue;
				bool st = strcmp(e[k].status, rc_claim_status_str(c[i].status)) == 0;
				bool su = strcmp(e[k].subject, or_dash(c[i].subject)) == 0;
				bool at = strcmp(e[k].attribution, or_dash(c[i].attribution)) == 0;
				if (pass == 0 && !(st && su && at))
					continue;
				e[k].used = hit[i] = true;
				t->matched++;
				t->status_ok += st;
				t->subject_ok += su;
				t->attribution_ok += at;
				if (!(st && su && at))
					printf("# %s: %s \"%s\": got %s | %s | %s, expected %s | %s | %s\n", id,
					       c[i].metric, c[i].text, rc_claim_status_str(c[i].status),
					       or_dash(c[i].subject), or_dash(c[i].attribution), e[k].status,
					       e[k].subject, e[k].attribution);
				break;
			}
		}
	}
	for (size_t i = 0; i < nc; i++)
		if (!hit[i])
			printf("# %s: EXTRA %s | %s | %s | %s | %s  (\"%.90s\")\n", id, c[i].metric,
			       c[i].text, rc_claim_status_str(c[i].status), or_dash(c[i].subject),
			       or_dash(c[i].attribution), c[i].quote);
	for (size_t k = 0; k < ne; k++)
		if (!e[k].used)
			printf("# %s: MISSED %s | %s | %s | %s | %s\n", id, e[k].metric, e[k].text,
			       e[k].status, e[k].subject, e[k].attribution);
	free(hit);
	free(e);
}

START_TEST(fixtures_precision_recall)
{
	rc_error err;
	rc_recognizer *rec = NULL;
	bool fake = rc_recognizer_new(&rec, NULL, &err) == RC_ERR_UNSUPPORTED;
	ck_assert_msg(fake || rec, "%s", err.message);
	rc_rules *rules = NULL;
	ck_assert_int_eq(rc_rules_new_default(&rules, &err), RC_OK);
	const char *inputs[] = {rc_test_fixture("seeds"), rc_test_fixture("articles")};
	rc_reader *rd;
	rc_ingest_options io = RC_INGEST_OPTIONS_INIT;
	ck_assert_int_eq(rc_reader_new(&rd, &io, inputs, 2, &err), RC_OK);
	totals t = {0};
	size_t docs = 0;
	for (;;) {
		rc_document *doc = NULL;
		ck_assert_int_eq(rc_reader_next(rd, &doc, &err), RC_OK);
		if (!doc)
			break;
		ck_assert_int_eq(doc->status, RC_DOC_OK);
		rc_arena *a = rc__arena_new(0);
		rc_text tx;
		rc_segments seg;
		ck_assert_int_eq(rc__text_normalize(&tx, a, doc->text, doc->text_len, doc->body_start,
		                                    doc->text_len, &err), RC_OK);
		ck_assert_int_eq(rc__segment(&seg, a, &tx, &err), RC_OK);
		rc_quantity_list ql = {0};
		if (fake)
			fake_scan(&ql, tx.norm, tx.len);
		else
			ck_assert_int_eq(rc_quantities_scan(&ql, rec, tx.norm, tx.len, &err), RC_OK);
		rc_claim *c = NULL;
		size_t n = 0;
		ck_assert_int_eq(rc__claims_extract(&c, &n, a, rules, &tx, &seg, ql.items, ql.len,
		                                    pub_year(doc), 10000, NULL, &err), RC_OK);
		compare(doc->id, c, n, &t);
		docs++;
		free(c);
		if (fake)
			free(ql.items);
		else
			rc_quantity_list_dispose(&ql);
		rc__arena_free(a);
		rc_document_free(doc);
	}
	rc_reader_free(rd);
	double p = t.extracted ? (double)t.matched / (double)t.extracted : 0;
	double r = t.expected ? (double)t.matched / (double)t.expected : 0;
	printf("# %s recognizer: %zu documents, %zu expected claims, %zu extracted, %zu matched\n",
	       fake ? "toy (claims_fake.h)" : "real", docs, t.expected, t.extracted, t.matched);
	printf("# precision %.3f, recall %.3f; of the matched: status %zu, subject %zu, "
	       "attribution %zu agree\n", p, r, t.status_ok, t.subject_ok, t.attribution_ok);
	ck_assert_uint_ge(docs, 18);
	/* floors a point under what the real recognizer reaches (1.000 and
	 * 0.990 of 102 claims, issue 15) */
	double floor_p = fake ? 0.80 : 0.98, floor_r = fake ? 0.75 : 0.98;
	ck_assert_msg(p >= floor_p, "precision %.3f below %.2f", p, floor_p);
	ck_assert_msg(r >= floor_r, "recall %.3f below %.2f", r, floor_r);
	ck_assert_msg((double)t.status_ok >= 0.9 * (double)t.matched, "statuses disagree too often");
	if (!fake)
		ck_assert_msg((double)t.attribution_ok >= 0.97 * (double)t.matched,
		              "attributions disagree too often");
	rc_rules_free(rules);
	rc_recognizer_free(rec);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("claims_fixtures");
	TCase *tc = tcase_create("claims_fixtures");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, fixtures_precision_recall);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
