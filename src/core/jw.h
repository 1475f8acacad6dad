/*
 * Internal: a streaming JSON writer into an rc_buf, for hot paths (claims
 * JSON Lines, the JSON report).  It writes exactly what jansson's compact
 * dump through rc__json_write_line() writes for the same values (same
 * escapes, integers for integral numbers, shortest round-trip reals), or
 * in pretty mode what rc__json_write_pretty() writes (two-space indent),
 * without building a tree; tests/extract/jsonwrite.c holds both to the
 * same bytes as jansson.
 *
 * The caller may take the bytes out of the buffer at any time (write them
 * and set len to 0): the writer never looks back at what it wrote.
 */
#ifndef RC_JW_H
#define RC_JW_H

#include <stdbool.h>
#include <stddef.h>
#include "core/core.h"

#define RC_JW_DEPTH 16

typedef struct rc_jw {
	rc_buf *b;
	int depth;
	bool need_comma[RC_JW_DEPTH];
	bool after_key;         /* a key was written, its value comes next */
	bool pretty;
	bool failed;
} rc_jw;

void rc__jw_init(rc_jw *w, rc_buf *b);
void rc__jw_init_pretty(rc_jw *w, rc_buf *b);   /* as JSON_INDENT(2) */
void rc__jw_obj(rc_jw *w);          /* { */
void rc__jw_arr(rc_jw *w);          /* [ */
void rc__jw_end_obj(rc_jw *w);      /* } */
void rc__jw_end_arr(rc_jw *w);      /* ] */
void rc__jw_key(rc_jw *w, const char *k);
/* A key given already quoted with its colon, n bytes ("\"name\":"): for
 * names the program writes, through RC_JW_KEY(w, "name"). */
void rc__jw_keyq(rc_jw *w, const char *quoted, size_t n);
#define RC_JW_KEY(w, lit) rc__jw_keyq((w), "\"" lit "\":", sizeof(lit) + 2)
/* The same key, opening the array that is its value. */
#define RC_JW_KARR(w, lit) do { RC_JW_KEY(w, lit); rc__jw_arr(w); } while (0)
void rc__jw_str(rc_jw *w, const char *s);        /* NULL -> null */
void rc__jw_int(rc_jw *w, long long v);
void rc__jw_num(rc_jw *w, double v);             /* as rc__json_number() */
void rc__jw_bool(rc_jw *w, bool v);
void rc__jw_null(rc_jw *w);
/* Arrays of plain values: s[0..n) as strings (NULL -> null), v[0..n) as
 * integers. */
void rc__jw_strs(rc_jw *w, const char *const *s, size_t n);
void rc__jw_longs(rc_jw *w, const long *v, size_t n);
/* A member: the key and its value in one call. */
static inline void rc__jw_kstr(rc_jw *w, const char *k, const char *s)
{
	rc__jw_key(w, k);
	rc__jw_str(w, s);
}
static inline void rc__jw_kint(rc_jw *w, const char *k, long long v)
{
	rc__jw_key(w, k);
	rc__jw_int(w, v);
}
static inline void rc__jw_knum(rc_jw *w, const char *k, double v)
{
	rc__jw_key(w, k);
	rc__jw_num(w, v);
}
static inline void rc__jw_kbool(rc_jw *w, const char *k, bool v)
{
	rc__jw_key(w, k);
	rc__jw_bool(w, v);
}
/* A member whose value is an array or an object, opened here and closed
 * by the caller with rc__jw_end_arr() or rc__jw_end_obj(). */
static inline void rc__jw_karr(rc_jw *w, const char *k)
{
	rc__jw_key(w, k);
	rc__jw_arr(w);
}
static inline void rc__jw_kobj(rc_jw *w, const char *k)
{
	rc__jw_key(w, k);
	rc__jw_obj(w);
}
/* v when has, else null (an unbounded end, a figure not known). */
static inline void rc__jw_knum_or_null(rc_jw *w, const char *k, bool has, double v)
{
	rc__jw_key(w, k);
	if (has)
		rc__jw_num(w, v);
	else
		rc__jw_null(w);
}

/* The shortest "%.*g" that reads back as v, with ".0" when it would look
 * like an integer; writes into buf (32 bytes). */
void rc__jw_real_str(double v, char *buf, size_t n);

#endif
