/*
 * Fuzz harness: the quantity recognizer (rc_quantities_scan) on arbitrary
 * bytes.  Beyond memory safety it checks the promises of quantity.h:
 * spans in text order, inside the text and never overlapping; intervals
 * never NaN and never reversed, before and after the tolerance.
 */
#include <math.h>
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
	FUZZ_CHECK(list.len <= list.cap);
	size_t prev_end = 0;
	for (size_t i = 0; i < list.len; i++) {
		const rc_quantity *q = &list.items[i];
		FUZZ_CHECK(q->kind < RC_QK_COUNT_);
		FUZZ_CHECK(rc_quantity_kind_str(q->kind) != NULL);
		FUZZ_CHECK(q->start < q->end && q->end <= size);
		FUZZ_CHECK(q->start >= prev_end);
		FUZZ_CHECK(q->start <= q->num_start && q->num_start <= q->num_end &&
		           q->num_end <= q->end);
		prev_end = q->end;
		FUZZ_CHECK(!isnan(q->value));
		rc_fuzz_check_interval(&q->iv);
		rc_interval eff = rc_quantity_effective(rec, q);
		rc_fuzz_check_interval(&eff);
		if (q->qualifier)
			FUZZ_CHECK(q->qualifier[0] != '\0');
	}
	rc_quantity_list_dispose(&list);
	FUZZ_CHECK(list.items == NULL && list.len == 0);
	return 0;
}
