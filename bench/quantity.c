/*
 * bench-quantity FILE [REPEAT]: throughput of the quantity recognizer alone.
 * Scans FILE (read once into memory) REPEAT times (default 5) with one
 * recognizer and one reused result list, and prints the CPU seconds of the
 * best run (the process's CPU clock, so that load on other cores does not
 * blur it), MB/s per core and the number of quantities found.  Build with
 * --buildtype=release.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "common.h"

/* CPU seconds of this process. */
static double bench_cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
#include <recount/quantity.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench-quantity FILE [REPEAT]\n");
		return 2;
	}
	int repeat = argc > 2 ? atoi(argv[2]) : 5;
	size_t len;
	char *text = bench_read(argv[1], &len);
	if (!text)
		return 2;
	long n = (long)len;
	rc_recognizer *rec;
	rc_error err;
	if (rc_recognizer_new(&rec, NULL, &err) != RC_OK) {
		fprintf(stderr, "%s\n", err.message);
		return 2;
	}
	rc_quantity_list l = {0};
	double best = 1e30;
	for (int r = 0; r < repeat; r++) {
		l.len = 0;
		double t0 = bench_cpu_now();
		if (rc_quantities_scan(&l, rec, text, (size_t)n, &err) != RC_OK) {
			fprintf(stderr, "%s\n", err.message);
			return 2;
		}
		double dt = bench_cpu_now() - t0;
		if (dt < best)
			best = dt;
	}
	printf("quantity recognizer: %.1f MB in %.3f s CPU (best of %d): %.1f MB/s per core, "
	       "%zu quantities\n",
	       (double)n / 1e6, best, repeat, (double)n / 1e6 / best, l.len);
	rc_quantity_list_dispose(&l);
	rc_recognizer_free(rec);
	free(text);
	return 0;
}
