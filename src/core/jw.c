/*
 * A streaming JSON writer (see jw.h): the same bytes as jansson's compact
 * dump, several times faster for the claims JSON Lines.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/jw.h"

void rc__jw_init(rc_jw *w, rc_buf *b)
{
	memset(w, 0, sizeof *w);
	w->b = b;
}

void rc__jw_init_pretty(rc_jw *w, rc_buf *b)
{
	rc__jw_init(w, b);
	w->pretty = true;
}

static void put(rc_jw *w, const char *s, size_t n)
{
	if (rc__buf_append(w->b, s, n) != RC_OK)
		w->failed = true;
}

/* Pretty mode: a new line indented to depth levels of two spaces. */
static void newline(rc_jw *w, int depth)
{
	static const char spaces[] = "                                ";
	put(w, "\n", 1);
	for (int n = 2 * depth; n > 0; n -= 32)
		put(w, spaces, (size_t)(n < 32 ? n : 32));
}

/* A comma before every value but the first of its container (and in
 * pretty mode a new line); a key takes the comma, the value after it does
 * not. */
static void sep(rc_jw *w)
{
	if (w->depth <= 0)
		return;
	if (w->need_comma[w->depth - 1])
		put(w, ",", 1);
	w->need_comma[w->depth - 1] = true;
	if (w->pretty)
		newline(w, w->depth);
}

static void value_start(rc_jw *w)
{
	if (w->after_key)
		w->after_key = false;
	else
		sep(w);
}

static void open_c(rc_jw *w, char c)
{
	value_start(w);
	put(w, &c, 1);
	if (w->depth < RC_JW_DEPTH)
		w->need_comma[w->depth] = false;
	else
		w->failed = true;
	w->depth++;
}

static void close_c(rc_jw *w, char c)
{
	if (w->depth > 0) {
		w->depth--;
		/* jansson writes an empty container as {} or [] */
		if (w->pretty && w->depth < RC_JW_DEPTH && w->need_comma[w->depth])
			newline(w, w->depth);
	}
	put(w, &c, 1);
}

void rc__jw_obj(rc_jw *w) { open_c(w, '{'); }
void rc__jw_arr(rc_jw *w) { open_c(w, '['); }
void rc__jw_end_obj(rc_jw *w) { close_c(w, '}'); }
void rc__jw_end_arr(rc_jw *w) { close_c(w, ']'); }

static void raw_str(rc_jw *w, const char *s)
{
	put(w, "\"", 1);
	const char *run = s;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		put(w, run, (size_t)(p - run));
		char esc[8];
		switch (c) {
		case '"': put(w, "\\\"", 2); break;
		case '\\': put(w, "\\\\", 2); break;
		case '\b': put(w, "\\b", 2); break;
		case '\f': put(w, "\\f", 2); break;
		case '\n': put(w, "\\n", 2); break;
		case '\r': put(w, "\\r", 2); break;
		case '\t': put(w, "\\t", 2); break;
		default:
			snprintf(esc, sizeof esc, "\\u%04X", c);
			put(w, esc, 6);
		}
		run = p + 1;
	}
	put(w, run, strlen(run));
	put(w, "\"", 1);
}

void rc__jw_key(rc_jw *w, const char *k)
{
	sep(w);
	/* keys are the program's own names: no escapes needed unless they say so */
	size_t n = 0;
	while (n < 64 && k[n] && (unsigned char)k[n] >= 0x20 && k[n] != '"' && k[n] != '\\')
		n++;
	if (!k[n]) {
		char b[70];
		b[0] = '"';
		memcpy(b + 1, k, n);
		memcpy(b + 1 + n, "\": ", 3);
		put(w, b, n + (w->pretty ? 4 : 3));
	} else {
		raw_str(w, k);
		put(w, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
	}
	w->after_key = true;
}

void rc__jw_str(rc_jw *w, const char *s)
{
	value_start(w);
	if (!s) {
		put(w, "null", 4);
		return;
	}
	/* jansson refuses invalid UTF-8; rc__json_str() repairs it: do the same */
	if (!rc__utf8_valid(s, strlen(s))) {
		rc_buf fixed;
		rc__buf_init(&fixed, 0);
		if (rc__utf8_repair_append(&fixed, s, strlen(s)) != RC_OK)
			w->failed = true;
		raw_str(w, fixed.data ? fixed.data : "\xEF\xBF\xBD");
		rc__buf_dispose(&fixed);
		return;
	}
	raw_str(w, s);
}

void rc__jw_int(rc_jw *w, long long v)
{
	value_start(w);
	char b[24], *p = b + sizeof b;
	/* digits from the end, on the magnitude as unsigned (LLONG_MIN too) */
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	put(w, p, (size_t)(b + sizeof b - p));
}

void rc__jw_real_str(double v, char *buf, size_t n)
{
	rc__shortest_real(v, buf, n);
	if (!strpbrk(buf, ".eEni")) {
		size_t l = strlen(buf);
		if (l + 3 <= n)
			memcpy(buf + l, ".0", 3);
	}
}

void rc__jw_num(rc_jw *w, double v)
{
	if (isnan(v) || isinf(v)) {
		rc__jw_null(w);
		return;
	}
	if (v == floor(v) && fabs(v) < 9007199254740992.0) {
		rc__jw_int(w, (long long)v);
		return;
	}
	value_start(w);
	char b[40];
	rc__jw_real_str(v, b, sizeof b);
	put(w, b, strlen(b));
}

void rc__jw_bool(rc_jw *w, bool v)
{
	value_start(w);
	put(w, v ? "true" : "false", v ? 4 : 5);
}

void rc__jw_null(rc_jw *w)
{
	value_start(w);
	put(w, "null", 4);
}
