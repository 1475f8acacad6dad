/*
 * Shared by the libFuzzer harnesses and their replay driver: invariant
 * checks that abort (so that libFuzzer and the replay test both see a
 * broken promise as a crash), an in-memory file for the readers that only
 * take paths, and checks of the public structures every stage hands out.
 */
#ifndef RC_FUZZ_COMMON_H
#define RC_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <recount/recount.h>

/* The libFuzzer entry points each harness defines. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Set by a harness when the stage it drives answers RC_ERR_UNSUPPORTED
 * (still a placeholder): the replay test then reports "skipped" instead of
 * passing without having tested anything.
 */
extern int rc_fuzz_unavailable;

/* Abort with a message naming the broken invariant. */
#define FUZZ_CHECK(cond) \
	((cond) ? (void)0 : rc_fuzz_fail(__FILE__, __LINE__, #cond))
void rc_fuzz_fail(const char *file, int line, const char *what)
#if defined(__GNUC__)
	__attribute__((noreturn))
#endif
	;

/*
 * An anonymous in-memory file holding data[0..size), and a path that
 * opens it ("/proc/self/fd/N").  The file is reused between calls so that
 * a fuzzing run does not leak descriptors.  Returns NULL on failure.
 */
const char *rc_fuzz_memfile(const uint8_t *data, size_t size);

/* A second, independent one (for round trips that need two files). */
const char *rc_fuzz_memfile2(const uint8_t *data, size_t size);

/* The promises of document.h about a document the reader handed out. */
void rc_fuzz_check_document(const rc_document *doc);

/* The promises of record.h about a record; text_len bounds its offsets
 * ((size_t)-1 when the text is unknown, as for records read back). */
void rc_fuzz_check_record(const rc_record *rec, size_t text_len);

/* An interval is never NaN, and a closed one is never reversed. */
void rc_fuzz_check_interval(const rc_interval *iv);

/* The promises of quantity.h about a scan of text[0..len): kinds known,
 * spans in order, inside the text and never overlapping, numbers inside
 * their spans, intervals sane before and after the tolerance. */
void rc_fuzz_check_quantities(const rc_recognizer *rec, const rc_quantity_list *list,
                              size_t len);

/* True when st says the stage is still a placeholder (and notes it). */
int rc_fuzz_unbuilt(rc_status st);

#endif
