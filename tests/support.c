/* Helpers shared by the Check tests. */
#include <stdio.h>
#include <stdlib.h>
#include "support.h"

const char *rc_test_fixture(const char *rel)
{
	static char buf[8][4096];
	static int next;
	const char *root = getenv("RC_FIXTURES");
	char *b = buf[next++ % 8];
	snprintf(b, sizeof(buf[0]), "%s/%s", root ? root : "fixtures", rel);
	return b;
}

char *rc_test_slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "cannot open %s", path);
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *p = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(p);
	size_t got = fread(p, 1, (size_t)n, fp);
	fclose(fp);
	ck_assert_uint_eq(got, (size_t)n);
	p[n] = '\0';
	if (len)
		*len = (size_t)n;
	return p;
}

int rc_test_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
