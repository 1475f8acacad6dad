/*
 * A JSON pull reader (see jr.h): one pass over a line, strings decoded in
 * place, no allocation but for reals written with over 100 characters.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/core.h"
#include "core/jr.h"

void rc__jr_init(rc_jr *r, char *text, size_t len)
{
	r->p = text;
	r->end = text + len;
	r->base = text;
	r->err = NULL;
	r->err_at = 0;
	r->depth = 0;
}

bool rc__jr_fail(rc_jr *r, const char *why)
{
	if (!r->err) {
		r->err = why;
		r->err_at = (size_t)(r->p - r->base);
		/* stop here: every later call sees the end */
		r->end = r->p;
	}
	return false;
}

static inline void ws(rc_jr *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

rc_jr_type rc__jr_peek(rc_jr *r)
{
	ws(r);
	if (r->err || r->p == r->end)
		return RC_JR_NONE;
	switch (*r->p) {
	case 'n': return RC_JR_NULL;
	case 't': case 'f': return RC_JR_BOOL;
	case '"': return RC_JR_STRING;
	case '[': return RC_JR_ARRAY;
	case '{': return RC_JR_OBJECT;
	case '-': return RC_JR_NUMBER;
	default: return rc__is_digit((unsigned char)*r->p) ? RC_JR_NUMBER : RC_JR_NONE;
	}
}

/* The value the caller wanted is not what comes next. */
static bool wrong(rc_jr *r, const char *want)
{
	if (r->p == r->end)
		return rc__jr_fail(r, "unexpected end of line: the line is cut short");
	return rc__jr_fail(r, want);
}

static bool open_c(rc_jr *r, char c)
{
	ws(r);
	if (r->p == r->end || *r->p != c)
		return wrong(r, c == '{' ? "expected an object" : "expected an array");
	if (r->depth >= RC_JR_DEPTH)
		return rc__jr_fail(r, "nested too deeply");
	r->p++;
	r->more[r->depth++] = false;
	return true;
}

bool rc__jr_obj(rc_jr *r) { return open_c(r, '{'); }
bool rc__jr_arr(rc_jr *r) { return open_c(r, '['); }

/* Before the next member of the innermost container: its comma, or the
 * closing bracket (then false, and the container is closed). */
static bool next_member(rc_jr *r, char close)
{
	ws(r);
	if (r->err || r->depth == 0)
		return rc__jr_fail(r, "not in a container");
	if (r->p == r->end)
		return rc__jr_fail(r, "unexpected end of line: the line is cut short");
	bool *more = &r->more[r->depth - 1];
	if (*r->p == close) {
		r->p++;
		r->depth--;
		return false;
	}
	if (*more) {
		if (*r->p != ',')
			return rc__jr_fail(r, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
		r->p++;
		ws(r);
	}
	*more = true;
	return true;
}

bool rc__jr_key(rc_jr *r, const char **key, size_t *len)
{
	if (!next_member(r, '}'))
		return false;
	if (r->p == r->end || *r->p != '"')
		return wrong(r, "expected a key (a string)");
	char *k;
	if (!rc__jr_str(r, &k, len))
		return false;
	ws(r);
	if (r->p == r->end || *r->p != ':')
		return wrong(r, "expected ':' after a key");
	r->p++;
	*key = k;
	return true;
}

bool rc__jr_item(rc_jr *r)
{
	return next_member(r, ']');
}

static bool literal(rc_jr *r, const char *word, size_t n)
{
	if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
		return false;
	r->p += n;
	return true;
}

bool rc__jr_null(rc_jr *r)
{
	ws(r);
	return !r->err && literal(r, "null", 4);
}

bool rc__jr_bool(rc_jr *r, bool *out)
{
	ws(r);
	if (r->err)
		return false;
	if (literal(r, "true", 4))
		*out = true;
	else if (literal(r, "false", 5))
		*out = false;
	else
		return wrong(r, "expected true or false");
	return true;
}

static int hex4(const char *p)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		int c = (unsigned char)p[i], d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if ((c | 32) >= 'a' && (c | 32) <= 'f')
			d = (c | 32) - 'a' + 10;
		else
			return -1;
		v = v << 4 | d;
	}
	return v;
}

/* An escape at r->p (the backslash) decoded into *w; advances both. */
static bool escape(rc_jr *r, char **w)
{
	char *p = r->p;
	if (r->end - p < 2)
		return rc__jr_fail(r, "unexpected end of line: the line is cut short");
	char c;
	switch (p[1]) {
	case '"': c = '"'; break;
	case '\\': c = '\\'; break;
	case '/': c = '/'; break;
	case 'b': c = '\b'; break;
	case 'f': c = '\f'; break;
	case 'n': c = '\n'; break;
	case 'r': c = '\r'; break;
	case 't': c = '\t'; break;
	case 'u': {
		int hi = r->end - p >= 6 ? hex4(p + 2) : -1;
		if (hi < 0)
			return rc__jr_fail(r, "invalid \\u escape");
		uint32_t cp = (uint32_t)hi;
		size_t used = 6;
		if (cp >= 0xDC00 && cp <= 0xDFFF)
			return rc__jr_fail(r, "invalid \\u escape: a lone surrogate");
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			int lo = r->end - p >= 12 && p[6] == '\\' && p[7] == 'u' ? hex4(p + 8) : -1;
			if (lo < 0xDC00 || lo > 0xDFFF)
				return rc__jr_fail(r, "invalid \\u escape: a lone surrogate");
			cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
			used = 12;
		}
		if (cp == 0)
			return rc__jr_fail(r, "\\u0000 is not allowed in a string");
		*w += rc__utf8_encode(cp, *w);
		r->p += used;
		return true;
	}
	default:
		return rc__jr_fail(r, "invalid escape in a string");
	}
	*(*w)++ = c;
	r->p += 2;
	return true;
}

bool rc__jr_str(rc_jr *r, char **out, size_t *len)
{
	ws(r);
	if (r->err || r->p == r->end || *r->p != '"')
		return wrong(r, "expected a string");
	char *s = ++r->p;
	char *w = NULL;         /* write position once an escape shifted the text */
	for (;;) {
		/* the common case: a run of plain ASCII */
		char *p = r->p;
		while (r->end - p >= 8 && rc__json_plain8((const unsigned char *)p))
			p += 8;
		while (p < r->end && (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x80 &&
		       *p != '"' && *p != '\\')
			p++;
		if (w) {
			memmove(w, r->p, (size_t)(p - r->p));
			w += p - r->p;
		}
		r->p = p;
		if (p == r->end)
			return rc__jr_fail(r, "unexpected end of line: a string is not closed");
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			break;
		if (c == '\\') {
			if (!w)
				w = p;
			if (!escape(r, &w))
				return false;
		} else if (c < 0x20) {
			return rc__jr_fail(r, "control character in a string (escape it)");
		} else {
			uint32_t cp;
			size_t n = rc__utf8_decode((const unsigned char *)p, (size_t)(r->end - p), &cp);
			if (!n)
				return rc__jr_fail(r, "invalid UTF-8 in a string");
			if (w) {
				memmove(w, p, n);
				w += n;
			}
			r->p += n;
		}
	}
	char *stop = w ? w : r->p;
	*stop = '\0';
	r->p++;
	*out = s;
	if (len)
		*len = (size_t)(stop - s);
	return true;
}

/* The digits of a fraction or an exponent at *p, at least one (else the
 * error what, at the character that is not one); *p moves past them. */
static bool fraction_digits(rc_jr *r, char **p, const char *what)
{
	if (*p == r->end || !rc__is_digit((unsigned char)**p)) {
		r->p = *p;
		return rc__jr_fail(r, what);
	}
	while (*p < r->end && rc__is_digit((unsigned char)**p))
		(*p)++;
	return true;
}

/* The extent of a number at r->p, checked against the JSON grammar. */
static bool scan_number(rc_jr *r, char **end, bool *integral)
{
	char *p = r->p;
	if (p < r->end && *p == '-')
		p++;
	if (p == r->end || !rc__is_digit((unsigned char)*p))
		return wrong(r, "expected a number");
	if (*p == '0')
		p++;
	else
		while (p < r->end && rc__is_digit((unsigned char)*p))
			p++;
	*integral = true;
	if (p < r->end && *p == '.') {
		p++;
		if (!fraction_digits(r, &p, "invalid number: a digit must follow '.'"))
			return false;
		*integral = false;
	}
	if (p < r->end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < r->end && (*p == '+' || *p == '-'))
			p++;
		if (!fraction_digits(r, &p, "invalid number: a digit must follow the exponent"))
			return false;
		*integral = false;
	}
	*end = p;
	return true;
}

/* An integer literal [s, e) in int64; false when out of range. */
static bool to_int64(const char *s, const char *e, int64_t *out)
{
	bool neg = *s == '-';
	if (neg)
		s++;
	uint64_t v = 0, limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; s < e; s++) {
		unsigned d = (unsigned)(*s - '0');
		if (v > (limit - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*out = neg ? (int64_t)(0 - v) : (int64_t)v;
	return true;
}

bool rc__jr_int(rc_jr *r, int64_t *out)
{
	ws(r);
	char *e;
	bool integral;
	if (r->err || !scan_number(r, &e, &integral))
		return r->err ? false : wrong(r, "expected a number");
	if (!integral)
		return rc__jr_fail(r, "expected a whole number");
	if (!to_int64(r->p, e, out))
		return rc__jr_fail(r, "integer out of range");
	r->p = e;
	return true;
}

bool rc__jr_num(rc_jr *r, double *out, bool *integral)
{
	ws(r);
	char *e;
	bool in;
	if (r->err || !scan_number(r, &e, &in))
		return r->err ? false : wrong(r, "expected a number");
	if (integral)
		*integral = in;
	if (in) {
		/* as jansson: an integer literal must fit in 64 bits */
		int64_t v;
		if (!to_int64(r->p, e, &v))
			return rc__jr_fail(r, "integer out of range");
		*out = (double)v;
		r->p = e;
		return true;
	}
	/* strtod on a NUL-terminated copy: the text goes on after the number,
	 * and strtod would read hexadecimal or "infinity" where JSON stops */
	size_t n = (size_t)(e - r->p);
	char small[128], *buf = n < sizeof small ? small : malloc(n + 1);
	if (!buf)
		return rc__jr_fail(r, "out of memory");
	memcpy(buf, r->p, n);
	buf[n] = '\0';
	errno = 0;
	double v = rc__strtod(buf, NULL); /* "C" locale: a point, whatever the host set */
	bool overflow = errno == ERANGE && isinf(v);
	if (buf != small)
		free(buf);
	if (overflow)
		return rc__jr_fail(r, "number out of range");
	*out = v;
	r->p = e;
	return true;
}

bool rc__jr_skip(rc_jr *r)
{
	switch (rc__jr_peek(r)) {
	case RC_JR_NULL:
		return rc__jr_null(r) || wrong(r, "invalid literal");
	case RC_JR_BOOL: {
		bool b;
		return rc__jr_bool(r, &b);
	}
	case RC_JR_NUMBER: {
		double d;
		return rc__jr_num(r, &d, NULL);
	}
	case RC_JR_STRING: {
		char *s;
		return rc__jr_str(r, &s, NULL);
	}
	case RC_JR_ARRAY:
		if (!rc__jr_arr(r))
			return false;
		while (rc__jr_item(r))
			if (!rc__jr_skip(r))
				return false;
		return !r->err;
	case RC_JR_OBJECT: {
		if (!rc__jr_obj(r))
			return false;
		const char *k;
		size_t n;
		while (rc__jr_key(r, &k, &n))
			if (!rc__jr_skip(r))
				return false;
		return !r->err;
	}
	default:
		return r->err ? false : wrong(r, "expected a value");
	}
}

bool rc__jr_end(rc_jr *r)
{
	ws(r);
	if (r->err)
		return false;
	if (r->p != r->end)
		return rc__jr_fail(r, "unexpected text after the value");
	return true;
}
