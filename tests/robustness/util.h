/* Helpers of the hostile-input tests: temporary files, big generated
 * inputs, reading whole batches, and skipping until a stage is built. */
#ifndef RC_ROBUSTNESS_UTIL_H
#define RC_ROBUSTNESS_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <recount/recount.h>
#include "core/core.h"
#include "support.h"

/*
 * Sizes of the big inputs.  The issue asks for a 50 MB line and a million
 * documents; under valgrind (RC_TEST_SMALL set by the valgrind test setup)
 * they shrink so that memcheck still walks the same code paths in minutes.
 */
size_t rb_big(size_t full, size_t small);
bool rb_small(void);

/* A fresh temporary directory (malloc'd path), removed by rb_rmtree(). */
char *rb_tmpdir(void);
void rb_rmtree(char *dir);          /* also frees dir */
/* dir/name (malloc'd). */
char *rb_path(const char *dir, const char *name);
/* Write data[0..len) to dir/name; returns the path (malloc'd). */
char *rb_write(const char *dir, const char *name, const void *data, size_t len);
char *rb_write_str(const char *dir, const char *name, const char *s);
/* A file of n bytes: unit repeated (the last copy cut), then tail. */
char *rb_write_repeat(const char *dir, const char *name, const char *unit, size_t n,
                      const char *tail);
/*
 * dir/name holding n JSON Lines records {"id":"dI","text":"K people were
 * hurt."} (K = 2 + I % 50).  When every is not 0, each line I with
 * I % every == every - 1 is "{broken" instead.  Returns the path; *size
 * (may be NULL) gets the file's size.
 */
char *rb_write_batch(const char *dir, const char *name, size_t n, size_t every, long *size);
/* A malloc'd string: unit repeated until n bytes, NUL-terminated. */
char *rb_repeat(const char *unit, size_t n);

/* A reader over inputs[0..n) with opts (NULL: defaults); asserts success. */
rc_reader *rb_reader(const rc_ingest_options *opts, char *const *inputs, size_t n);

/* Every document of a reader, in order. */
typedef struct rb_docs {
	rc_document **docs;
	size_t n, cap;
	size_t ok, skipped;
} rb_docs;

/* Read inputs[0..n) with opts (NULL for the defaults) into out; asserts
 * that reading never fails as a call, and the accounting of each doc. */
void rb_read_all(rb_docs *out, const rc_ingest_options *opts, const char *const *inputs,
                 size_t n);
void rb_docs_dispose(rb_docs *d);
/* The first diagnostic of doc with this severity, or NULL. */
const rc_diag *rb_diag(const rc_document *doc, rc_severity sev);
/* Same, for a record. */
const rc_diag *rb_record_diag(const rc_record *rec, rc_severity sev);

/* A document from a C string (asserts success). */
rc_document *rb_doc(const char *text);
/* An extractor with default tables and the given limits (NULL: defaults). */
rc_extractor *rb_extractor(const rc_limits *limits);

/* Check that a document honours document.h: valid, NUL-free text, a
 * reason and an error diagnostic when skipped. */
void rb_check_doc(const rc_document *doc);

/*
 * Stage probes for main(): when a stage the file needs is still a
 * placeholder (RC_ERR_UNSUPPORTED), print a TAP plan that skips the whole
 * file with the reason, and return true.
 */
enum {
	RB_NEED_INGEST = 1 << 0,    /* rc_reader_*, rc_document_from_memory */
	RB_NEED_QUANTITY = 1 << 1,  /* rc_recognizer_new, rc_quantities_scan */
	RB_NEED_EXTRACT = 1 << 2,   /* rc_extractor_new, rc_record_extract */
	RB_NEED_EVENTS = 1 << 3,    /* rc_event_defs_load_buffer */
	RB_NEED_RECORDS = 1 << 4,   /* rc_record_write_jsonl, rc_record_reader_* */
	RB_NEED_RECONCILE = 1 << 5  /* rc_reconcile */
};
bool rb_skip_unless(unsigned needs);

/* CPU seconds of this process, for coarse "did not hang" bounds (not
 * speed measurements: those are in bench/). */
double rb_now(void);

#endif
