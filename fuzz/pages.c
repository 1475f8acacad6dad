/*
 * Fuzz harness: the HTML and .json readers of ingest (rc_reader_new with
 * RC_INPUT_HTML, then RC_INPUT_JSON, over an in-memory file), each
 * document then run through the map phase.  Beyond memory safety it
 * checks the promises of document.h (valid UTF-8 text without NUL, every
 * document processed or skipped with a reason), that an HTML page never
 * yields more than one document and a .json file one per top-level
 * record, and that every claim cites a line inside the file.
 */
#include <stdlib.h>
#include <string.h>
#include "common.h"

static rc_extractor *extractor(void)
{
	static rc_extractor *ex;
	static int tried;
	if (!tried) {
		tried = 1;
		rc_error err;
		rc_extractor_options opts = {.version = RC_EXTRACTOR_OPTIONS_VERSION, .limits = {.max_claims_per_doc = 16}};
		rc_status st = rc_extractor_new(&ex, &opts, &err);
		if (!rc_fuzz_unbuilt(st))
			FUZZ_CHECK(st == RC_OK && ex != NULL);
	}
	return ex;
}

static size_t lines_of(const uint8_t *data, size_t size)
{
	size_t n = 1;
	for (size_t i = 0; i < size; i++)
		n += data[i] == '\n';
	return n;
}

static void read_as(const char *path, rc_input_format f, size_t max_line)
{
	rc_ingest_options opts = {.version = RC_INGEST_OPTIONS_VERSION, .format = f, .limits = {.max_line_bytes = 4096}};
	rc_reader *r = NULL;
	rc_error err;
	rc_status st = rc_reader_new(&r, &opts, &path, 1, &err);
	if (rc_fuzz_unbuilt(st))
		return;
	FUZZ_CHECK(st == RC_OK && r != NULL);
	size_t n = 0;
	for (;;) {
		rc_document *doc = NULL;
		FUZZ_CHECK(rc_reader_next(r, &doc, &err) == RC_OK);
		if (!doc)
			break;
		rc_fuzz_check_document(doc);
		FUZZ_CHECK(doc->seq == n);
		if (f == RC_INPUT_HTML)
			FUZZ_CHECK(n == 0);
		rc_extractor *ex = extractor();
		if (ex && doc->status == RC_DOC_OK) {
			rc_record *rec = NULL;
			FUZZ_CHECK(rc_record_extract(&rec, ex, doc, &err) == RC_OK && rec != NULL);
			rc_fuzz_check_record(rec, doc->text_len);
			for (size_t i = 0; i < rec->n_claims; i++)
				FUZZ_CHECK(rec->claims[i].file_line >= 1 &&
				           rec->claims[i].file_line <= max_line);
			rc_record_free(rec);
		}
		rc_document_free(doc);
		n++;
	}
	FUZZ_CHECK(n >= 1); /* an empty or broken file is still one skipped document */
	rc_reader_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = rc_fuzz_memfile(data, size);
	FUZZ_CHECK(path != NULL);
	/* UTF-16 and UTF-32 are decoded first, which can only lower the count */
	size_t max_line = lines_of(data, size);
	read_as(path, RC_INPUT_HTML, max_line);
	read_as(path, RC_INPUT_JSON, max_line);
	return 0;
}
