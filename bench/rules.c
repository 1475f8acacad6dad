/*
 * bench-rules [N] [REPEAT]: the cost of loading a --rules file with N new
 * verbs for one metric (default 40,000), best of REPEAT.  The merge
 * appends each list entry once; it used to compare every new word with
 * every earlier one (N^2 string comparisons: 16 s at 40,000), and now
 * uses a hash set, so loading grows linearly with the file.  Prints the
 * seconds to load (merge and compile) and per verb.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <recount/claim.h>
#include "common.h"

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 40000;
	int repeat = argc > 2 ? atoi(argv[2]) : 3;
	size_t cap = n * 24 + 64, o = 0;
	char *json = malloc(cap);
	if (!json)
		return 2;
	o += (size_t)snprintf(json + o, cap - o, "{\"metrics\": {\"killed\": {\"verbs\": [");
	for (size_t i = 0; i < n; i++)
		o += (size_t)snprintf(json + o, cap - o, "%s\"felled%zu\"", i ? ", " : "", i);
	o += (size_t)snprintf(json + o, cap - o, "]}}}");
	double best = 1e30;
	for (int r = 0; r < repeat; r++) {
		rc_rules *rules = NULL;
		rc_error err;
		if (rc_rules_new_default(&rules, &err) != RC_OK) {
			fprintf(stderr, "bench-rules: %s\n", err.message);
			return 2;
		}
		double t0 = bench_now();
		rc_status st = rc_rules_load_buffer(rules, json, o, "bench", &err);
		double dt = bench_now() - t0;
		rc_rules_free(rules);
		if (st != RC_OK) {
			fprintf(stderr, "bench-rules: %s\n", err.message);
			return 2;
		}
		if (dt < best)
			best = dt;
	}
	printf("bench-rules: %zu verbs (%zu bytes) loaded in %.3f s (%.2f us per verb)\n", n, o,
	       best, n ? best * 1e6 / (double)n : 0.0);
	free(json);
	return 0;
}
