/*
 * Fuzz harness: the JSON Lines reader of ingest (rc_reader_new with
 * RC_INPUT_JSONL over an in-memory file).  Each input is read twice: with
 * the default limits, and with tight ones so that the "record too long",
 * "document too large" and "too many documents" paths run too.  Beyond
 * memory safety it checks that no record is lost: every line with content
 * comes back as one document, processed or skipped with a reason.
 */
#include <stdlib.h>
#include <string.h>
#include "common.h"

/* Lines that hold something other than JSON whitespace. */
static size_t content_lines(const uint8_t *data, size_t size, size_t *blankish)
{
	size_t n = 0, odd = 0;
	int content = 0, other_space = 0;
	/* a UTF-8 byte-order mark opens the file, it is no content of line 1 */
	size_t start = size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
	for (size_t i = start; i <= size; i++) {
		if (i == size || data[i] == '\n') {
			n += content;
			odd += !content && other_space;
			content = other_space = 0;
		} else if (data[i] == '\f' || data[i] == '\v') {
			other_space = 1;
		} else if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r') {
			content = 1;
		}
	}
	*blankish = odd;
	return n;
}

static void read_all(const char *path, const rc_limits *limits, size_t want, size_t slack)
{
	rc_ingest_options opts = {.version = RC_INGEST_OPTIONS_VERSION, .format = RC_INPUT_JSONL};
	if (limits)
		opts.limits = *limits;
	rc_reader *r = NULL;
	rc_error err;
	rc_status st = rc_reader_new(&r, &opts, &path, 1, &err);
	if (rc_fuzz_unbuilt(st))
		return;
	FUZZ_CHECK(st == RC_OK && r != NULL);
	size_t n = 0, prev_line = 0;
	for (;;) {
		rc_document *doc = NULL;
		st = rc_reader_next(r, &doc, &err);
		FUZZ_CHECK(st == RC_OK);
		if (!doc)
			break;
		rc_fuzz_check_document(doc);
		FUZZ_CHECK(doc->seq == n);
		/* One document per line, in file order. */
		FUZZ_CHECK(doc->record_line > prev_line);
		prev_line = doc->record_line;
		/* Documents past the limit are skipped, never dropped. */
		if (limits && doc->status == RC_DOC_OK)
			FUZZ_CHECK(n < limits->max_documents);
		rc_document_free(doc);
		n++;
	}
	FUZZ_CHECK(n >= want && n <= want + slack);
	rc_reader_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = rc_fuzz_memfile(data, size);
	FUZZ_CHECK(path != NULL);
	size_t blankish;
	size_t want = content_lines(data, size, &blankish);
	/* A UTF-16 or UTF-32 byte-order mark: the lines are those of the
	 * decoded text, which this count does not see. */
	if ((size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF))) ||
	    (size >= 4 && data[0] == 0 && data[1] == 0 && data[2] == 0xFE && data[3] == 0xFF)) {
		want = 0;
		blankish = SIZE_MAX;
	}
	read_all(path, NULL, want, blankish);
	const rc_limits tight = {
		.max_document_bytes = 64,
		.max_line_bytes = 256,
		.max_claims_per_doc = 4,
		.max_documents = 3,
	};
	read_all(path, &tight, want, blankish);
	return 0;
}
