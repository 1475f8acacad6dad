/*
 * The map phase: documents from a reader through rc_record_extract() to a
 * callback, in the reader's order.  (Serial for now; the parallel version
 * keeps the same contract.)
 */
#include <time.h>
#include <unistd.h>
#include <recount/pipeline.h>
#include "core/core.h"

unsigned rc_cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1u;
}

rc_status rc_map_run(rc_reader *r, const rc_extractor *ex, const rc_map_options *opts,
                     rc_record_fn fn, void *user, rc_error *err)
{
	(void)opts;
	for (;;) {
		rc_document *doc = NULL;
		rc_status st = rc_reader_next(r, &doc, err);
		if (st != RC_OK)
			return st;
		if (!doc)
			return RC_OK;
		rc_record *rec = NULL;
		st = rc_record_extract(&rec, ex, doc, err);
		rc_document_free(doc);
		if (st != RC_OK)
			return st;
		st = fn(user, rec, err);
		if (st != RC_OK)
			return st;
	}
}
