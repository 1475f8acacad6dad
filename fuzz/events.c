/*
 * Fuzz harness: the events-file reader (rc_event_defs_load_buffer).  When
 * a fuzzed file loads, its aliases (words, or PCRE2 patterns written as
 * "/.../") are run over two fixed documents: a news paragraph, and text
 * made to send a backtracking pattern such as /(a+)+$/ into exponential
 * time, which the pcre2 match and depth limits must stop.  libFuzzer's
 * -timeout turns a hang into a finding.
 */
#include <stdlib.h>
#include <string.h>
#include "common.h"

static const char *const texts[] = {
	" date 2024-01-06 Twin bombings in Kerman, Iran, killed 84 people and "
	"injured 284 on January 3, 2024, the Interior Ministry said. An earlier "
	"toll of 103 was revised down. Separately, gunmen killed at least 144 "
	"people at Crocus City Hall near Moscow on March 22; 11 were arrested.\n\n"
	"Police said dozens were hurt in the Kerman blasts.\n",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! "
	"Kerman Kerman Kerman Kerman Kerman Kerman Kerman Kerman Kerman Kerman "
	"x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x "
	"1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 "
	"killed killed killed killed killed killed killed killed killed killed?\n",
};

static void extract_with(const rc_event_defs *defs)
{
	static rc_recognizer *rec;
	static rc_rules *rules;
	static int tried;
	rc_error err;
	if (!tried) {
		tried = 1;
		rc_status st = rc_recognizer_new(&rec, NULL, &err);
		if (!rc_fuzz_unbuilt(st))
			FUZZ_CHECK(st == RC_OK);
		st = rc_rules_new_default(&rules, &err);
		if (!rc_fuzz_unbuilt(st))
			FUZZ_CHECK(st == RC_OK);
	}
	if (!rec || !rules)
		return;
	rc_extractor_options opts = {.version = RC_EXTRACTOR_OPTIONS_VERSION, .recognizer = rec, .rules = rules, .events = defs};
	rc_extractor *ex = NULL;
	rc_status st = rc_extractor_new(&ex, &opts, &err);
	if (rc_fuzz_unbuilt(st))
		return;
	FUZZ_CHECK(st == RC_OK);
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		rc_document *doc = NULL;
		st = rc_document_from_memory(&doc, texts[i], strlen(texts[i]), "fixed.txt",
		                             NULL, &err);
		if (rc_fuzz_unbuilt(st))
			break;
		FUZZ_CHECK(st == RC_OK);
		rc_record *r = NULL;
		st = rc_record_extract(&r, ex, doc, &err);
		FUZZ_CHECK(st == RC_OK && r != NULL);
		rc_fuzz_check_record(r, doc->text_len);
		rc_record_free(r);
		rc_document_free(doc);
	}
	rc_extractor_free(ex);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rc_event_defs *defs = NULL;
	rc_error err;
	memset(&err, 0x55, sizeof(err));
	rc_status st = rc_event_defs_load_buffer(&defs, (const char *)data, size, "fuzz.json",
	                                         &err);
	if (rc_fuzz_unbuilt(st))
		return 0;
	if (st != RC_OK) {
		/* A refused file says why and where, in a terminated message. */
		FUZZ_CHECK(defs == NULL);
		FUZZ_CHECK(err.status == st);
		FUZZ_CHECK(memchr(err.message, '\0', sizeof(err.message)) != NULL);
		FUZZ_CHECK(err.message[0] != '\0');
		FUZZ_CHECK(memchr(err.path, '\0', sizeof(err.path)) != NULL);
		if (st == RC_ERR_PARSE || st == RC_ERR_INVALID)
			FUZZ_CHECK(strcmp(err.path, "fuzz.json") == 0);
		if (st == RC_ERR_PARSE)
			FUZZ_CHECK(err.line >= 1);
		return 0;
	}
	FUZZ_CHECK(defs != NULL);
	extract_with(defs);
	rc_event_defs_free(defs);
	return 0;
}
