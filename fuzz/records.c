/*
 * Fuzz harness: the claims reader of `recount reconcile` (rc_record_reader
 * over an in-memory file), then the reduce phase (rc_reconcile) on
 * whatever records it accepted, since reconcile trusts the reader.  Checks
 * that bad lines become diagnostics with a line number, that the counts
 * add up, that accepted records keep their indices inside the record, that
 * what was accepted writes and reads back to equal records (the writer and
 * the reader agree on every value the reader lets through), that no
 * document is kept twice, and that the result's totals add up.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"
#include "record/record-priv.h"

/* Enough to merge and compare; more only slows the fuzzer down. */
#define FUZZ_MAX_RECORDS 256

static size_t count_lines(const uint8_t *data, size_t size)
{
	size_t n = size > 0 && data[size - 1] != '\n';
	for (size_t i = 0; i < size; i++)
		n += data[i] == '\n';
	return n;
}

static void check_result(const rc_result *res, size_t n_records)
{
	FUZZ_CHECK(res->documents_read == res->documents_processed + res->documents_skipped);
	FUZZ_CHECK(res->n_records == n_records);
	size_t claims = 0;
	for (size_t i = 0; i < res->n_records; i++)
		claims += res->records[i]->n_claims;
	FUZZ_CHECK(res->claims == claims);
	for (size_t i = 0; i < res->n_events; i++) {
		const rc_event *ev = &res->events[i];
		FUZZ_CHECK(ev->id != NULL && ev->id[0] != '\0');
		if (i > 0)
			FUZZ_CHECK(strcmp(res->events[i - 1].id, ev->id) < 0);
		for (size_t m = 0; m < ev->n_metrics; m++) {
			const rc_metric_result *mr = &ev->metrics[m];
			FUZZ_CHECK(mr->metric != NULL);
			FUZZ_CHECK(mr->origins <= mr->documents);
			if (mr->has_estimates) {
				FUZZ_CHECK(!isnan(mr->low) && !isnan(mr->best) && !isnan(mr->high));
				FUZZ_CHECK(mr->low <= mr->best && mr->best <= mr->high);
			}
			for (size_t c = 0; c < mr->n_claims; c++)
				FUZZ_CHECK(mr->claims[c] && mr->claims[c]->claim && mr->claims[c]->rec);
			for (size_t c = 0; c < mr->n_conflicts; c++)
				FUZZ_CHECK(mr->conflicts[c].n_claims >= 2);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = rc_fuzz_memfile(data, size);
	FUZZ_CHECK(path != NULL);
	rc_record_reader *rr = NULL;
	rc_error err;
	rc_status st = rc_record_reader_new(&rr, &path, 1, &err);
	if (rc_fuzz_unbuilt(st))
		return 0;
	FUZZ_CHECK(st == RC_OK && rr != NULL);

	rc_record *records[FUZZ_MAX_RECORDS];
	size_t n = 0;
	for (;;) {
		rc_record *rec = NULL;
		st = rc_record_reader_next(rr, &rec, &err);
		FUZZ_CHECK(st == RC_OK);
		if (!rec)
			break;
		rc_fuzz_check_record(rec, (size_t)-1);
		if (n < FUZZ_MAX_RECORDS)
			records[n++] = rec;
		else
			rc_record_free(rec);
	}
	size_t n_diags = 0;
	const rc_diag *d = rc_record_reader_diags(rr, &n_diags);
	size_t lines = count_lines(data, size);
	FUZZ_CHECK(n_diags == 0 || d != NULL);
	for (size_t i = 0; i < n_diags; i++) {
		FUZZ_CHECK(d[i].message != NULL && d[i].message[0] != '\0');
		/* Bad lines are named by line, and the line exists; line 0 is the
		 * input as a whole (its end line is missing or disagrees). */
		FUZZ_CHECK(d[i].line <= lines);
	}
	const rc_record_stats *stats = rc_record_reader_stats(rr);
	FUZZ_CHECK(stats->lines_rejected <= lines);
	FUZZ_CHECK(stats->inputs == 1 && stats->inputs_incomplete + stats->inputs_unchecked <= 1);
	FUZZ_CHECK(stats->records >= n);
	FUZZ_CHECK(rc_record_stats_complete(stats) == (stats->lines_rejected == 0 &&
	                                               stats->inputs_incomplete == 0));

	/* What was accepted writes and reads back to the same records. */
	size_t claims = 0;
	for (size_t i = 0; i < n; i++)
		claims += records[i]->n_claims;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	FUZZ_CHECK(mem != NULL);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(rc_record_write_jsonl(mem, records[i], true, &err) == RC_OK);
	FUZZ_CHECK(rc_record_write_end(mem, n, claims, &err) == RC_OK);
	FUZZ_CHECK(fclose(mem) == 0);
	const char *path2 = rc_fuzz_memfile2((const uint8_t *)buf, len);
	FUZZ_CHECK(path2 != NULL);
	rc_record_reader *back = NULL;
	FUZZ_CHECK(rc_record_reader_new(&back, &path2, 1, &err) == RC_OK);
	for (size_t i = 0; i < n; i++) {
		rc_record *rec = NULL;
		FUZZ_CHECK(rc_record_reader_next(back, &rec, &err) == RC_OK && rec != NULL);
		FUZZ_CHECK(rc__record_cmp(rec, records[i]) == 0);
		rc_record_free(rec);
	}
	rc_record *extra = NULL;
	FUZZ_CHECK(rc_record_reader_next(back, &extra, &err) == RC_OK && extra == NULL);
	FUZZ_CHECK(rc_record_stats_complete(rc_record_reader_stats(back)));
	rc_record_reader_free(back);
	free(buf);

	/* Documents read twice are kept once. */
	size_t before = n;
	FUZZ_CHECK(rc_record_reader_dedup(rr, records, &n, &err) == RC_OK);
	FUZZ_CHECK(n <= before);
	FUZZ_CHECK(before - n == stats->documents_duplicate + stats->documents_conflicting ||
	           before == FUZZ_MAX_RECORDS);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < i; k++)
			FUZZ_CHECK(strcmp(records[i]->doc, records[k]->doc) != 0 ||
			           records[i]->record_line != records[k]->record_line ||
			           (records[i]->path && records[k]->path
			            ? strcmp(records[i]->path, records[k]->path) != 0
			            : records[i]->path != records[k]->path));
	rc_record_reader_free(rr);

	rc_result *res = NULL;
	rc_reconcile_options opts = RC_RECONCILE_OPTIONS_INIT;
	st = rc_reconcile(&res, records, n, &opts, &err);
	if (rc_fuzz_unbuilt(st)) {
		/* A placeholder reconcile still owns (and frees) nothing. */
		for (size_t i = 0; i < n; i++)
			rc_record_free(records[i]);
		return 0;
	}
	FUZZ_CHECK(st == RC_OK && res != NULL);
	check_result(res, n);
	rc_result_free(res);
	return 0;
}
