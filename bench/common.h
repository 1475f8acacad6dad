/* Shared by the C benchmarks: a monotonic clock and reading a whole file. */
#ifndef RC_BENCH_COMMON_H
#define RC_BENCH_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The whole of path, NUL-terminated, its length in *n; NULL (with a
 * message on stderr) when it cannot be read. */
static inline char *bench_read(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		return NULL;
	}
	char *text = NULL;
	long len = fseek(fp, 0, SEEK_END) == 0 ? ftell(fp) : -1;
	if (len >= 0 && fseek(fp, 0, SEEK_SET) == 0 && (text = malloc((size_t)len + 1)) &&
	    fread(text, 1, (size_t)len, fp) == (size_t)len) {
		text[len] = '\0';
		*n = (size_t)len;
	} else {
		fprintf(stderr, "%s: read error\n", path);
		free(text);
		text = NULL;
	}
	fclose(fp);
	return text;
}

#endif
