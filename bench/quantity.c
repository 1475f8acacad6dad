/*
 * bench-quantity FILE [REPEAT]: throughput of the quantity recognizer alone.
 * Scans FILE (read once into memory) REPEAT times (default 5) with one
 * recognizer and one reused result list, and prints MB/s of the best run
 * and the number of quantities found.  Build with --buildtype=release.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <recount/quantity.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench-quantity FILE [REPEAT]\n");
		return 2;
	}
	int repeat = argc > 2 ? atoi(argv[2]) : 5;
	FILE *fp = fopen(argv[1], "rb");
	if (!fp) {
		perror(argv[1]);
		return 2;
	}
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	rewind(fp);
	char *text = malloc((size_t)n + 1);
	if (!text || fread(text, 1, (size_t)n, fp) != (size_t)n) {
		fprintf(stderr, "%s: read error\n", argv[1]);
		return 2;
	}
	fclose(fp);
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
		double t0 = now();
		if (rc_quantities_scan(&l, rec, text, (size_t)n, &err) != RC_OK) {
			fprintf(stderr, "%s\n", err.message);
			return 2;
		}
		double dt = now() - t0;
		if (dt < best)
			best = dt;
	}
	printf("quantity recognizer: %.1f MB in %.3f s (best of %d): %.1f MB/s, %zu quantities\n",
	       (double)n / 1e6, best, repeat, (double)n / 1e6 / best, l.len);
	rc_quantity_list_dispose(&l);
	rc_recognizer_free(rec);
	free(text);
	return 0;
}
