/*
 * Internal: a JSON pull reader over one line held in a mutable buffer, the
 * reading half of jw.h, for the hot reading path (claims JSON Lines in
 * `recount reconcile`).  It walks the text once, builds no tree and
 * allocates nothing: strings are decoded in place and NUL-terminated
 * where they stand, so the buffer is changed as it is read.
 *
 * It accepts exactly RFC 8259 JSON, as strictly as jansson does: strings
 * must be valid UTF-8 with no raw control characters, \u0000 and lone
 * surrogates are refused (a C string cannot hold them faithfully), an
 * integer must fit in 64 bits and a real in a double, and nesting deeper
 * than RC_JR_DEPTH is refused.  The first problem stops the reader and is
 * kept with its byte offset; every later call then fails too, so a caller
 * may check r->err once at the end.
 *
 *   rc_jr r;
 *   rc__jr_init(&r, line, len);
 *   if (rc__jr_obj(&r))
 *       for (const char *k; rc__jr_key(&r, &k, &klen); )
 *           ... read or skip the value of k ...
 *   if (!rc__jr_end(&r)) ... r.err, r.err_at ...
 */
#ifndef RC_JR_H
#define RC_JR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RC_JR_DEPTH 64

typedef enum rc_jr_type {
	RC_JR_NONE = 0,    /* an error, or the end of the text */
	RC_JR_NULL,
	RC_JR_BOOL,
	RC_JR_NUMBER,
	RC_JR_STRING,
	RC_JR_ARRAY,
	RC_JR_OBJECT
} rc_jr_type;

typedef struct rc_jr {
	char *p, *end;          /* what is left to read */
	char *base;             /* start of the text, for offsets */
	const char *err;        /* the first problem (static text), or NULL */
	size_t err_at;          /* its byte offset from base */
	int depth;
	bool more[RC_JR_DEPTH]; /* per open container: a member was read */
} rc_jr;

/* Read text[0..len); text[len] must be writable (it becomes a NUL when a
 * string ends there, which a complete JSON text never does). */
void rc__jr_init(rc_jr *r, char *text, size_t len);

/* Record a problem at the current position (the first one wins); returns
 * false so that callers can `return rc__jr_fail(...)`. */
bool rc__jr_fail(rc_jr *r, const char *why);

/* The type of the next value, without reading it (RC_JR_NONE after an
 * error or when only white space is left). */
rc_jr_type rc__jr_peek(rc_jr *r);

/* Containers.  rc__jr_obj() and rc__jr_arr() read the opening bracket;
 * rc__jr_key() reads the next key and its colon (the key is decoded in
 * place; *len is its length) and returns false after the closing brace;
 * rc__jr_item() returns true when another element follows and false after
 * the closing bracket.  After a false return, r->err tells an error from
 * the end of the container. */
bool rc__jr_obj(rc_jr *r);
bool rc__jr_key(rc_jr *r, const char **key, size_t *len);
bool rc__jr_arr(rc_jr *r);
bool rc__jr_item(rc_jr *r);

/* Scalars: each reads one value of its type and fails (leaving the error
 * in r) on any other.  rc__jr_null() reads a null if one comes next and
 * returns whether it did, without failing. */
bool rc__jr_null(rc_jr *r);
bool rc__jr_bool(rc_jr *r, bool *out);
/* A string decoded in place, NUL-terminated; *len may be NULL. */
bool rc__jr_str(rc_jr *r, char **out, size_t *len);
/* Any number as a double; *integral says it was written without a
 * fraction or exponent (may be NULL). */
bool rc__jr_num(rc_jr *r, double *out, bool *integral);
/* A number written as an integer (no fraction or exponent) in int64. */
bool rc__jr_int(rc_jr *r, int64_t *out);

/* Read and discard any one value. */
bool rc__jr_skip(rc_jr *r);

/* True when nothing but white space is left and no error occurred. */
bool rc__jr_end(rc_jr *r);

#endif
