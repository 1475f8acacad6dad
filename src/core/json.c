/*
 * JSON helpers on top of jansson.  jansson keeps object keys in insertion
 * order, so writers that insert in a fixed order produce stable output.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include "core/core.h"
#include "core/json.h"

json_t *rc__json_number(double v)
{
	if (isnan(v) || isinf(v))
		return json_null();
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
}

json_t *rc__json_str(const char *s)
{
	if (!s)
		return json_null();
	json_t *j = json_string(s);
	if (j)
		return j;
	/* jansson rejects invalid UTF-8.  Texts are repaired at ingest, but
	 * file names are arbitrary bytes ("bad-\xff.txt"): replace each invalid
	 * byte by U+FFFD, as ingest does, so that two such names stay apart
	 * and the field is never dropped. */
	rc_buf b;
	rc__buf_init(&b, 0);
	j = rc__utf8_repair_append(&b, s, strlen(s)) == RC_OK && b.data ? json_string(b.data) : NULL;
	rc__buf_dispose(&b);
	return j ? j : json_string("\xEF\xBF\xBD");
}

json_t *rc__json_interval(const rc_interval *iv)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	if (rc__json_set(o, "lo", iv->lo_inf ? json_null() : rc__json_number(iv->lo)) ||
	    rc__json_set(o, "hi", iv->hi_inf ? json_null() : rc__json_number(iv->hi)) ||
	    rc__json_set(o, "lo_incl", json_boolean(!iv->lo_inf && iv->lo_incl)) ||
	    rc__json_set(o, "hi_incl", json_boolean(!iv->hi_inf && iv->hi_incl))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

rc_status rc__json_set(json_t *obj, const char *key, json_t *value)
{
	if (!value)
		return RC_ERR_NOMEM;
	return json_object_set_new(obj, key, value) == 0 ? RC_OK : RC_ERR_NOMEM;
}

/*
 * jansson prints reals with 17 significant digits, so 0.08 comes out as
 * 0.080000000000000002.  Rewrite each real of the dumped text in the
 * shortest form that reads back as the same double (what Python and
 * JavaScript print): exact round trips, readable numbers.
 */
static bool shortest_reals(rc_buf *out, const char *s)
{
	bool in_str = false, bad = false;
	size_t copied = 0; /* s[copied..i) is still to be appended */
	for (size_t i = 0; s[i];) {
		char c = s[i];
		if (in_str) {
			if (c == '\\' && s[i + 1])
				i += 2;
			else {
				in_str = c != '"';
				i++;
			}
			continue;
		}
		if (c == '"') {
			in_str = true;
			i++;
			continue;
		}
		if (c != '-' && (c < '0' || c > '9')) {
			i++;
			continue;
		}
		size_t j = i;
		bool real = false;
		while (s[j] && strchr("+-0123456789.eE", s[j])) {
			if (s[j] == '.' || s[j] == 'e' || s[j] == 'E')
				real = true;
			j++;
		}
		if (real && j - i < 64) {
			char num[64], best[40];
			memcpy(num, s + i, j - i);
			num[j - i] = 0;
			/* jansson writes reals with '.' whatever the locale */
			rc__shortest_real(rc__strtod(num, NULL), best, sizeof best);
			bad |= rc__buf_append(out, s + copied, i - copied) != RC_OK;
			/* keep it a real: "2.5", "1e+300", never a bare integer */
			bad |= rc__buf_puts(out, best) != RC_OK;
			if (!strpbrk(best, ".eEni"))
				bad |= rc__buf_puts(out, ".0") != RC_OK;
			copied = j;
		}
		i = j;
	}
	bad |= rc__buf_puts(out, s + copied) != RC_OK;
	return !bad;
}

static rc_status write_with(FILE *fp, const json_t *v, size_t flags, rc_error *err)
{
	char *s = json_dumps(v, flags | JSON_ENCODE_ANY | JSON_REAL_PRECISION(17));
	if (!s)
		return rc__error_set(err, RC_ERR_NOMEM, "cannot encode JSON");
	rc_buf b;
	rc__buf_init(&b, 0);
	bool ok = shortest_reals(&b, s);
	free(s);
	if (!ok || !b.data) {
		rc__buf_dispose(&b);
		return rc__error_set(err, RC_ERR_NOMEM, "cannot encode JSON");
	}
	int bad = fwrite(b.data, 1, b.len, fp) != b.len || fputc('\n', fp) == EOF;
	rc__buf_dispose(&b);
	if (bad)
		return rc__error_set(err, RC_ERR_IO, "write error: %s", strerror(errno ? errno : EIO));
	return RC_OK;
}

rc_status rc__json_write_line(FILE *fp, const json_t *v, rc_error *err)
{
	return write_with(fp, v, JSON_COMPACT, err);
}

rc_status rc__json_write_pretty(FILE *fp, const json_t *v, rc_error *err)
{
	return write_with(fp, v, JSON_INDENT(2), err);
}

bool rc__json_get_number(const json_t *v, double *out)
{
	if (json_is_integer(v)) {
		*out = (double)json_integer_value(v);
		return true;
	}
	if (json_is_real(v)) {
		*out = json_real_value(v);
		return true;
	}
	return false;
}
