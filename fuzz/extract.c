/*
 * Fuzz harness: claim extraction on a document built from arbitrary bytes
 * (rc_document_from_memory, then rc_record_extract with the built-in rules
 * and a low claims limit so that the cut is exercised).  Each record is
 * also written as claims JSON Lines and read back with rc_record_reader:
 * the map/reduce split promises that the copy equals the original.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"

/* Low enough that fuzzed inputs reach it, so the cut path is covered. */
#define FUZZ_MAX_CLAIMS 16

static rc_extractor *extractor(void)
{
	static rc_extractor *ex;
	static int tried;
	if (!tried) {
		tried = 1;
		rc_error err;
		rc_extractor_options opts = {.version = RC_EXTRACTOR_OPTIONS_VERSION, .limits = {.max_claims_per_doc = FUZZ_MAX_CLAIMS}};
		rc_status st = rc_extractor_new(&ex, &opts, &err);
		if (!rc_fuzz_unbuilt(st))
			FUZZ_CHECK(st == RC_OK && ex != NULL);
	}
	return ex;
}

static int same_str(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static void same_end(double a, double b, int a_inf, int b_inf, int a_incl, int b_incl)
{
	FUZZ_CHECK(a_inf == b_inf);
	if (!a_inf) {
		FUZZ_CHECK(a == b);
		FUZZ_CHECK(a_incl == b_incl);
	}
}

/* The fields of the claims JSONL schema (docs/) survive a round trip. */
static void check_same(const rc_record *a, const rc_record *b)
{
	FUZZ_CHECK(same_str(a->doc, b->doc));
	FUZZ_CHECK(same_str(a->source, b->source));
	FUZZ_CHECK(same_str(a->published, b->published));
	FUZZ_CHECK(a->status == b->status);
	FUZZ_CHECK(a->n_claims == b->n_claims);
	for (size_t i = 0; i < a->n_claims && i < b->n_claims; i++) {
		const rc_claim *x = &a->claims[i], *y = &b->claims[i];
		FUZZ_CHECK(same_str(x->metric, y->metric));
		FUZZ_CHECK(same_str(x->subject, y->subject));
		FUZZ_CHECK(same_str(x->text, y->text));
		FUZZ_CHECK(same_str(x->attribution, y->attribution));
		FUZZ_CHECK(same_str(x->quote, y->quote));
		FUZZ_CHECK(same_str(x->event, y->event));
		FUZZ_CHECK(same_str(x->q.qualifier, y->q.qualifier));
		FUZZ_CHECK(x->status == y->status);
		FUZZ_CHECK(x->q.approx == y->q.approx && x->q.vague == y->q.vague);
		same_end(x->q.iv.lo, y->q.iv.lo, x->q.iv.lo_inf, y->q.iv.lo_inf,
		         x->q.iv.lo_incl, y->q.iv.lo_incl);
		same_end(x->q.iv.hi, y->q.iv.hi, x->q.iv.hi_inf, y->q.iv.hi_inf,
		         x->q.iv.hi_incl, y->q.iv.hi_incl);
		FUZZ_CHECK(x->pos.start == y->pos.start && x->pos.end == y->pos.end);
		FUZZ_CHECK(x->n_events == y->n_events);
	}
}

static void round_trip(const rc_record *rec)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	FUZZ_CHECK(fp != NULL);
	rc_error err;
	rc_status st = rc_record_write_jsonl(fp, rec, true, &err);
	if (st == RC_OK)
		st = rc_record_write_end(fp, 1, rec->n_claims, &err);
	FUZZ_CHECK(fclose(fp) == 0);
	if (rc_fuzz_unbuilt(st)) {
		free(buf);
		return;
	}
	FUZZ_CHECK(st == RC_OK);
	const char *path = rc_fuzz_memfile((const uint8_t *)buf, len);
	free(buf);
	FUZZ_CHECK(path != NULL);

	rc_record_reader *rr = NULL;
	st = rc_record_reader_new(&rr, &path, 1, &err);
	if (rc_fuzz_unbuilt(st))
		return;
	FUZZ_CHECK(st == RC_OK);
	rc_record *back = NULL;
	FUZZ_CHECK(rc_record_reader_next(rr, &back, &err) == RC_OK);
	FUZZ_CHECK(back != NULL);
	size_t n_diags = 0;
	rc_record_reader_diags(rr, &n_diags);
	/* What recount wrote, recount reads without complaint. */
	FUZZ_CHECK(n_diags == 0);
	rc_fuzz_check_record(back, (size_t)-1);
	check_same(rec, back);
	rc_record_free(back);
	back = NULL;
	FUZZ_CHECK(rc_record_reader_next(rr, &back, &err) == RC_OK);
	FUZZ_CHECK(back == NULL);
	/* and the file is whole: its end line agrees */
	rc_record_reader_diags(rr, &n_diags);
	FUZZ_CHECK(n_diags == 0);
	FUZZ_CHECK(rc_record_stats_complete(rc_record_reader_stats(rr)));
	rc_record_reader_free(rr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rc_document *doc = NULL;
	rc_error err;
	rc_status st = rc_document_from_memory(&doc, (const char *)data, size, "fuzz.txt",
	                                       "fuzz", &err);
	if (rc_fuzz_unbuilt(st))
		return 0;
	FUZZ_CHECK(st == RC_OK && doc != NULL);
	rc_fuzz_check_document(doc);

	const rc_extractor *ex = extractor();
	if (ex) {
		rc_record *rec = NULL;
		st = rc_record_extract(&rec, ex, doc, &err);
		FUZZ_CHECK(st == RC_OK && rec != NULL);
		rc_fuzz_check_record(rec, doc->text_len);
		FUZZ_CHECK(rec->n_claims <= FUZZ_MAX_CLAIMS);
		for (size_t i = 0; i < rec->n_claims; i++) {
			const rc_claim *c = &rec->claims[i];
			/* An extracted figure lies inside its sentence. */
			FUZZ_CHECK(c->sentence.start <= c->pos.start && c->pos.end <= c->sentence.end);
			FUZZ_CHECK(c->pos.line >= 1 && c->pos.column >= 1);
		}
		round_trip(rec);
		rc_record_free(rec);
	}
	rc_document_free(doc);
	return 0;
}
