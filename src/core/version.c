/* The version of the library linked: meson passes the project version as RC_VERSION. */
#include <recount/version.h>

#ifndef RC_VERSION
#define RC_VERSION "unknown"
#endif

const char *rc_version(void)
{
	return RC_VERSION;
}
