/*
 * bench-stages FILE...: where the map phase's CPU time goes, by stage, on
 * one thread.  Reads every document of FILE... (rc_reader: JSON Lines,
 * files or directories, as `recount extract` would), runs the map step on
 * each (rc_record_extract: normalise, segment, figures, claims, event
 * mentions, signature) and writes its claims line (rc_record_write_jsonl)
 * to /dev/null, timing each of the three with the thread's CPU clock, so
 * that load on the other core does not blur the split.  Prints CPU seconds,
 * the share of each stage and MB/s per core of the input.  Build with
 * --buildtype=release.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <recount/document.h>
#include <recount/pipeline.h>
#include <recount/record.h>

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench-stages FILE...\n");
		return 2;
	}
	rc_error err;
	rc_reader *rd;
	rc_ingest_options io = RC_INGEST_OPTIONS_INIT;
	if (rc_reader_new(&rd, &io, (const char *const *)(argv + 1), (size_t)(argc - 1), &err) != RC_OK) {
		fprintf(stderr, "bench-stages: %s\n", err.message);
		return 2;
	}
	rc_extractor *ex;
	double t0 = cpu_now();
	if (rc_extractor_new(&ex, NULL, &err) != RC_OK) {
		fprintf(stderr, "bench-stages: %s\n", err.message);
		return 2;
	}
	/* the tables the stages load on first use (gazetteer, rules) count
	 * as set-up, not as the first document's cost */
	rc_document *warm;
	rc_record *rec;
	if (rc_document_from_memory(&warm, "Police said 3 people were killed in Paris.", 42, NULL,
	                            NULL, &err) != RC_OK ||
	    rc_record_extract(&rec, ex, warm, &err) != RC_OK) {
		fprintf(stderr, "bench-stages: %s\n", err.message);
		return 2;
	}
	rc_record_free(rec);
	rc_document_free(warm);
	double setup = cpu_now() - t0;
	FILE *null = fopen("/dev/null", "w");
	if (!null) {
		perror("/dev/null");
		return 2;
	}
	double t_read = 0, t_extract = 0, t_write = 0;
	size_t docs = 0, claims = 0, bytes = 0;
	for (;;) {
		rc_document *doc;
		double a = cpu_now();
		if (rc_reader_next(rd, &doc, &err) != RC_OK) {
			fprintf(stderr, "bench-stages: %s\n", err.message);
			return 2;
		}
		double b = cpu_now();
		t_read += b - a;
		if (!doc)
			break;
		if (rc_record_extract(&rec, ex, doc, &err) != RC_OK) {
			fprintf(stderr, "bench-stages: %s\n", err.message);
			return 2;
		}
		double c = cpu_now();
		t_extract += c - b;
		if (rc_record_write_jsonl(null, rec, true, &err) != RC_OK) {
			fprintf(stderr, "bench-stages: %s\n", err.message);
			return 2;
		}
		t_write += cpu_now() - c;
		docs++;
		claims += rec->n_claims;
		bytes += rec->bytes;
		rc_record_free(rec);
		rc_document_free(doc);
	}
	fclose(null);
	double total = t_read + t_extract + t_write;
	double mb = (double)bytes / 1e6;
	printf("input: %.1f MB, %zu documents, %zu claims; set-up %.2f CPU s\n", mb, docs, claims, setup);
	printf("%-34s %8s %7s %9s\n", "stage", "CPU s", "share", "MB/s");
	printf("%-34s %8.2f %6.1f%% %9.1f\n", "read (rc_reader_next)", t_read,
	       100 * t_read / total, mb / t_read);
	printf("%-34s %8.2f %6.1f%% %9.1f\n", "map step (rc_record_extract)", t_extract,
	       100 * t_extract / total, mb / t_extract);
	printf("%-34s %8.2f %6.1f%% %9.1f\n", "write (rc_record_write_jsonl)", t_write,
	       100 * t_write / total, mb / t_write);
	printf("%-34s %8.2f %6.1f%% %9.1f\n", "all", total, 100.0, mb / total);
	rc_extractor_free(ex);
	rc_reader_free(rd);
	return 0;
}
