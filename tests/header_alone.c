/* Compiles recount.h on its own with -std=c11 -pedantic -Werror. */
#include <recount/recount.h>
#include <string.h>

int main(void)
{
	return strcmp(rc_status_str(RC_OK), "success") != 0;
}
