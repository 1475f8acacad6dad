/*
 * Internal: JSON helpers shared by every writer and reader, so numbers,
 * intervals and nulls look the same in every output.
 */
#ifndef RC_JSON_H
#define RC_JSON_H

#include <stdio.h>
#include <jansson.h>
#include <recount/status.h>
#include <recount/interval.h>

/* A number: an integer when v is integral and fits, else a real.  NaN and
 * infinities become null. */
json_t *rc__json_number(double v);
/* A string, or null for NULL. */
json_t *rc__json_str(const char *s);
/* {"lo","hi","lo_incl","hi_incl"}: unbounded ends are null. */
json_t *rc__json_interval(const rc_interval *iv);
/* Set key to value (stealing the reference); returns RC_ERR_NOMEM when
 * value is NULL or the set fails. */
rc_status rc__json_set(json_t *obj, const char *key, json_t *value);
/* Write one compact line (JSON Lines) and a newline; RC_ERR_IO on write error. */
rc_status rc__json_write_line(FILE *fp, const json_t *v, rc_error *err);
/* Write indented (2 spaces) with a final newline; RC_ERR_IO on write error. */
rc_status rc__json_write_pretty(FILE *fp, const json_t *v, rc_error *err);
/* Read a number or null back into a double (null -> inf with *is_null). */
bool rc__json_get_number(const json_t *v, double *out);

#endif
