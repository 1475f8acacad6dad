/*
 * Fuzz harness: the quantity recognizer (rc_quantities_scan) on arbitrary
 * bytes.  Beyond memory safety it checks the promises of quantity.h:
 * spans in text order, inside the text and never overlapping; intervals
 * never NaN and never reversed, before and after the tolerance.
 */
#include <stdlib.h>
#include "common.h"

static rc_recognizer *recognizer(void)
{
	static rc_recognizer *rec;
	static int tried;
	if (!tried) {
		tried = 1;
		rc_error err;
		rc_status st = rc_recognizer_new(&rec, NULL, &err);
		if (!rc_fuzz_unbuilt(st))
			FUZZ_CHECK(st == RC_OK && rec != NULL);
	}
	return rec;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const rc_recognizer *rec = recognizer();
	if (!rec)
		return 0;
	rc_quantity_list list = {0};
	rc_error err;
	rc_status st = rc_quantities_scan(&list, rec, (const char *)data, size, &err);
	/* Any text is scannable; only resource limits may stop a scan. */
	FUZZ_CHECK(st == RC_OK || st == RC_ERR_LIMIT || st == RC_ERR_NOMEM);
	rc_fuzz_check_quantities(rec, &list, size);
	rc_quantity_list_dispose(&list);
	FUZZ_CHECK(list.items == NULL && list.len == 0);
	return 0;
}
