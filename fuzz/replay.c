/*
 * Replay driver: runs a harness's LLVMFuzzerTestOneInput over files and
 * directories (seed corpora, kept findings) without libFuzzer, so that the
 * regular test suite (gcc, the sanitizer build, valgrind) re-checks every
 * input the fuzzers ever found interesting.
 *
 *   replay-NAME PATH...    exit 0: all passed; 77: the stage is not built
 *                          yet; a crash or abort: an invariant broke.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "common.h"

static size_t n_inputs;

static int run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		return 1;
	}
	size_t cap = 1 << 16, len = 0;
	unsigned char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + len, 1, cap - len, fp)) > 0) {
		len += got;
		if (len == cap) {
			unsigned char *nb = realloc(buf, cap *= 2);
			if (!nb)
				free(buf);
			buf = nb;
		}
	}
	int bad = ferror(fp) || !buf;
	fclose(fp);
	if (bad) {
		fprintf(stderr, "%s: cannot read\n", path);
		free(buf);
		return 1;
	}
	/* An exact-size copy, so that ASan and valgrind catch a read past the
	 * end as libFuzzer would. */
	unsigned char *exact = malloc(len ? len : 1);
	if (!exact) {
		free(buf);
		return 1;
	}
	memcpy(exact, buf, len);
	free(buf);
	LLVMFuzzerTestOneInput(exact, len);
	free(exact);
	n_inputs++;
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return run_file(path);
	DIR *d = opendir(path);
	if (!d) {
		perror(path);
		return 1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	int bad = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **nn = realloc(names, (cap = cap ? 2 * cap : 64) * sizeof(*names));
			if (!nn) {
				bad = 1;
				break;
			}
			names = nn;
		}
		size_t len = strlen(path) + strlen(e->d_name) + 2;
		if (!(names[n] = malloc(len))) {
			bad = 1;
			break;
		}
		snprintf(names[n++], len, "%s/%s", path, e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	for (size_t i = 0; i < n; i++) {
		if (!bad)
			bad |= run_path(names[i]);
		free(names[i]);
	}
	free(names);
	return bad;
}

int main(int argc, char **argv)
{
	int bad = 0;
	for (int i = 1; i < argc; i++) {
		/* A corpus that does not exist yet (no fixture of that kind) is
		 * not an error: the other inputs still run. */
		struct stat st;
		if (stat(argv[i], &st) != 0)
			continue;
		bad |= run_path(argv[i]);
	}
	if (rc_fuzz_unavailable) {
		printf("SKIP: the stage under this harness is not built yet\n");
		return 77;
	}
	printf("replayed %zu inputs\n", n_inputs);
	return bad;
}
