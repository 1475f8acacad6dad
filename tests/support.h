/* Helpers shared by the Check tests. */
#ifndef RC_TEST_SUPPORT_H
#define RC_TEST_SUPPORT_H

#include <check.h>
#include <stddef.h>

/* Path of a fixture: $RC_FIXTURES/rel (static buffer per call site is fine). */
const char *rc_test_fixture(const char *rel);
/* Read a whole file into a malloc'd NUL-terminated buffer; aborts the test on failure. */
char *rc_test_slurp(const char *path, size_t *len);
/* Run a suite with CK_ENV (TAP through CK_TAP_LOG_FILE_NAME); returns the exit status. */
int rc_test_run(Suite *s);

#endif
