/*
 * bench-pcre2 FILE [REPEAT]: what the quantity recognizer would cost as
 * regular expressions.  One PCRE2 pattern (UTF, caseless, JIT-compiled)
 * finds a subset of what rc_quantities_scan() reads (digits with
 * separators and decimals, number words and their compounds, an optional
 * scale word and a leading qualifier), without any of its parsing into
 * intervals; it is scanned over FILE like bench-quantity, best of REPEAT.
 * docs/performance.md compares the two: if even this subset is slower as
 * a regex, the hand-written scanner is the faster design.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "common.h"

#define WORD "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|" \
             "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|" \
             "seventy|eighty|ninety|hundred|thousand|million|billion|dozens?|scores|hundreds|" \
             "thousands|millions)"
#define QUAL "(?:at least|at most|more than|less than|fewer than|over|under|nearly|almost|about|" \
             "around|approximately|some|up to|as many as|roughly|close to|no fewer than|" \
             "an estimated|as few as|upwards of|in excess of)"

static const char pattern[] =
	"\\b(?:" QUAL "\\s+)?"
	"(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s+(?:hundred|thousand|million|billion))?"
	"|" WORD "(?:[\\s-]+(?:and\\s+)?" WORD ")*)\\b";

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench-pcre2 FILE [REPEAT]\n");
		return 2;
	}
	int repeat = argc > 2 ? atoi(argv[2]) : 5;
	size_t len;
	char *text = bench_read(argv[1], &len);
	if (!text)
		return 2;
	long n = (long)len;
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	                               PCRE2_UTF | PCRE2_CASELESS | PCRE2_NO_UTF_CHECK, &ec, &eo, NULL);
	if (!re) {
		fprintf(stderr, "pattern error %d at %zu\n", ec, (size_t)eo);
		return 2;
	}
	int jit = pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	double best = 1e30;
	size_t found = 0;
	for (int r = 0; r < repeat; r++) {
		found = 0;
		double t0 = bench_now();
		PCRE2_SIZE off = 0;
		while (off < (PCRE2_SIZE)n) {
			int rc = pcre2_match(re, (PCRE2_SPTR)text, (PCRE2_SIZE)n, off, PCRE2_NO_UTF_CHECK, md, NULL);
			if (rc < 0)
				break;
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			found++;
			off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		}
		double dt = bench_now() - t0;
		if (dt < best)
			best = dt;
	}
	printf("pcre2 %s (a subset of the recognizer, no parsing): %.1f MB in %.3f s (best of %d): "
	       "%.1f MB/s, %zu matches\n",
	       jit ? "JIT" : "interpreter", (double)n / 1e6, best, repeat, (double)n / 1e6 / best, found);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	free(text);
	return 0;
}
