/*
 * No lost documents: a batch with bad records mixed in (malformed and
 * wrongly typed JSON lines, a line over the limit, a binary file, an empty
 * file, an unreadable file, a file over the size limit) goes through the
 * map phase and the reduce phase.  Every input unit must come out as one
 * record, read = processed + skipped at every stage, each skip must carry
 * its reason and place, and the good documents must give exactly the
 * claims they give in a batch without the bad ones.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util.h"

typedef struct tally {
	rc_record **recs;
	size_t n, cap;
	size_t processed, skipped, claims;
} tally;

static rc_status collect(void *user, rc_record *rec, rc_error *err)
{
	(void)err;
	tally *t = user;
	if (RC_GROW(t->recs, t->cap, t->n + 1) != RC_OK) {
		rc_record_free(rec);
		return RC_ERR_NOMEM;
	}
	t->recs[t->n++] = rec;
	if (rec->status == RC_DOC_OK)
		t->processed++;
	else
		t->skipped++;
	t->claims += rec->n_claims;
	return RC_OK;
}

static const rc_limits limits = {.max_line_bytes = 4096, .max_document_bytes = 8192};

static void run_map(tally *t, char *const *inputs, size_t n, unsigned threads)
{
	memset(t, 0, sizeof(*t));
	rc_ingest_options io = {.version = RC_INGEST_OPTIONS_VERSION, .limits = limits};
	rc_reader *r = rb_reader(&io, inputs, n);
	rc_error err;
	rc_extractor *ex = rb_extractor(&limits);
	rc_map_options mo = {.version = RC_MAP_OPTIONS_VERSION, .threads = threads};
	rc_status st = rc_map_run(r, ex, &mo, collect, t, &err);
	ck_assert_msg(st == RC_OK, "rc_map_run: %s", err.message);
	rc_extractor_free(ex);
	rc_reader_free(r);
}

static void tally_dispose(tally *t)
{
	for (size_t i = 0; i < t->n; i++)
		rc_record_free(t->recs[i]);
	free(t->recs);
}

static const rc_record *find(const tally *t, const char *id)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->recs[i]->doc, id) == 0)
			return t->recs[i];
	return NULL;
}

/* Sentences the claims stage reads as claims (the count does not matter:
 * the clean batch is the reference). */
static void good_line(FILE *fp, int i)
{
	fprintf(fp, "{\"id\": \"g%02d\", \"source\": \"Outlet %d\", \"published\": \"2024-01-%02d\", "
	        "\"text\": \"Gunmen killed %d people in Kerman on Monday, police said. "
	        "At least %d others were injured.\"}\n", i, i % 4, 1 + i % 28, 3 + i, 10 + i);
}

START_TEST(totals_add_up_with_bad_records_mixed_in)
{
	char *dir = rb_tmpdir();
	char *clean_dir = rb_tmpdir();
	char *mixed = rb_path(dir, "batch.jsonl");
	char *clean = rb_path(clean_dir, "batch.jsonl");
	FILE *fm = fopen(mixed, "w"), *fc = fopen(clean, "w");
	ck_assert(fm && fc);
	size_t units = 0, good = 0;
	char *long_text = rb_repeat("x", 6000);
	for (int i = 0; i < 40; i++) {
		good_line(fm, i);
		good_line(fc, i);
		units++;
		good++;
		switch (i % 8) {
		case 1: fputs("{\"id\": \"bad-json\", \"text\": \n", fm); units++; break;
		case 2: fputs("{\"id\": \"wrong-type\", \"text\": 42}\n", fm); units++; break;
		case 3: fputs("[\"not\", \"an\", \"object\"]\n", fm); units++; break;
		case 4: fprintf(fm, "{\"id\": \"too-long\", \"text\": \"%s\"}\n", long_text); units++; break;
		case 5: fputs("\n  \n", fm); break;  /* blank lines are not records */
		case 6: fputs("{\"id\": \"nul\", \"text\": \"3 people \\u0000 died\"}\n", fm); units++; break;
		default: break;
		}
	}
	ck_assert_int_eq(fclose(fm), 0);
	ck_assert_int_eq(fclose(fc), 0);
	free(long_text);

	/* Plain files, good and bad, beside the batch. */
	static const char binary[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0";
	free(rb_write(dir, "binary.txt", binary, sizeof(binary) - 1));
	free(rb_write_str(dir, "empty.txt", ""));
	free(rb_write_repeat(dir, "huge.txt", "Five people were killed. ", 9000, NULL));
	char *loop = rb_path(dir, "unreadable.txt");
	ck_assert_int_eq(symlink("unreadable.txt", loop), 0);
	free(loop);
	free(rb_write_str(dir, "zz-good.txt", "Twelve people were killed in the blast, officials said.\n"));
	free(rb_write_str(clean_dir, "zz-good.txt", "Twelve people were killed in the blast, officials said.\n"));
	units += 5;

	tally t, c;
	run_map(&t, &dir, 1, 1);
	run_map(&c, &clean_dir, 1, 1);
	/* Every input unit is one record (the symbolic link loop may be left
	 * out of a directory walk, but then nothing else may be). */
	ck_assert_msg(t.n == units || t.n == units - 1, "%zu records for %zu inputs", t.n, units);
	ck_assert_uint_eq(t.processed + t.skipped, t.n);
	ck_assert_uint_eq(c.n, good + 1);
	ck_assert_uint_eq(c.skipped, 0);
	ck_assert_uint_gt(c.claims, 0);
	/* Each skip has its reason and place. */
	for (size_t i = 0; i < t.n; i++) {
		const rc_record *rec = t.recs[i];
		if (rec->status != RC_DOC_SKIPPED)
			continue;
		ck_assert_ptr_nonnull(rec->reason);
		const rc_diag *e = rb_record_diag(rec, RC_SEV_ERROR);
		ck_assert_ptr_nonnull(e);
		ck_assert_ptr_nonnull(e->path);
		if (strstr(e->path, ".jsonl"))
			ck_assert_uint_ge(e->line, 1);
		ck_assert_uint_eq(rec->n_claims, 0);
	}
	/* The bad records are skipped: at least the malformed, non-object
	 * and over-long lines, the binary file and the huge one... */
	ck_assert_uint_ge(t.skipped, 3 * 5 + 2);
	/* ...and the good documents give the same claims as without them. */
	size_t claims_of_good = 0;
	for (size_t i = 0; i < c.n; i++) {
		const rc_record *in_mixed = find(&t, c.recs[i]->doc);
		ck_assert_msg(in_mixed != NULL, "%s lost", c.recs[i]->doc);
		ck_assert_int_eq(in_mixed->status, RC_DOC_OK);
		ck_assert_uint_eq(in_mixed->n_claims, c.recs[i]->n_claims);
		claims_of_good += in_mixed->n_claims;
	}
	ck_assert_uint_eq(claims_of_good, c.claims);
	ck_assert_uint_ge(t.claims, c.claims);

	/* Two threads: the same records in the same order. */
	tally t2;
	run_map(&t2, &dir, 1, 2);
	ck_assert_uint_eq(t2.n, t.n);
	for (size_t i = 0; i < t.n; i++) {
		ck_assert_str_eq(t2.recs[i]->doc, t.recs[i]->doc);
		ck_assert_uint_eq(t2.recs[i]->n_claims, t.recs[i]->n_claims);
	}
	tally_dispose(&t2);

	/* The reduce phase keeps the same totals. */
	size_t n = t.n, processed = t.processed, skipped = t.skipped, claims = t.claims;
	rc_result *res = NULL;
	rc_error err;
	rc_reconcile_options ro = RC_RECONCILE_OPTIONS_INIT;
	ck_assert_int_eq(rc_reconcile(&res, t.recs, t.n, &ro, &err), RC_OK);
	t.n = 0;  /* owned by res now */
	ck_assert_uint_eq(res->documents_read, n);
	ck_assert_uint_eq(res->documents_processed, processed);
	ck_assert_uint_eq(res->documents_skipped, skipped);
	ck_assert_uint_eq(res->claims, claims);
	ck_assert_uint_eq(res->n_records, n);
	rc_result_free(res);
	tally_dispose(&t);
	tally_dispose(&c);
	free(mixed);
	free(clean);
	rb_rmtree(dir);
	rb_rmtree(clean_dir);
}
END_TEST

START_TEST(a_million_documents_through_the_map_phase)
{
	size_t n = rb_big(1000000, 2000);
	char *dir = rb_tmpdir();
	char *p = rb_write_batch(dir, "million.jsonl", n, 1000, NULL);
	/* Count without keeping: the records are freed as they come. */
	rc_reader *r = rb_reader(NULL, &p, 1);
	rc_error err;
	rc_extractor *ex = rb_extractor(NULL);
	size_t seen = 0, ok = 0, skipped = 0, claims = 0;
	for (;;) {
		rc_document *doc = NULL;
		ck_assert_int_eq(rc_reader_next(r, &doc, &err), RC_OK);
		if (!doc)
			break;
		rc_record *rec = NULL;
		ck_assert_int_eq(rc_record_extract(&rec, ex, doc, &err), RC_OK);
		seen++;
		ok += rec->status == RC_DOC_OK;
		skipped += rec->status == RC_DOC_SKIPPED;
		claims += rec->n_claims;
		rc_record_free(rec);
		rc_document_free(doc);
	}
	ck_assert_uint_eq(seen, n);
	ck_assert_uint_eq(skipped, n / 1000);
	ck_assert_uint_eq(ok + skipped, seen);
	ck_assert_uint_le(claims, 2 * ok);
	rc_extractor_free(ex);
	rc_reader_free(r);
	free(p);
	rb_rmtree(dir);
}
END_TEST

int main(void)
{
	if (rb_skip_unless(RB_NEED_INGEST | RB_NEED_EXTRACT | RB_NEED_RECONCILE))
		return 0;
	Suite *s = suite_create("robustness-accounting");
	TCase *tc = tcase_create("accounting");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, totals_add_up_with_bad_records_mixed_in);
	tcase_add_test(tc, a_million_documents_through_the_map_phase);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
