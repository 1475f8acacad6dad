/* The version, from meson's project() via the build's config header. */
#include <recount/report.h>

#ifndef RC_VERSION
#define RC_VERSION "unknown"
#endif

const char *rc_version(void)
{
	return RC_VERSION;
}
