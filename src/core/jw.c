/*
 * A streaming JSON writer (see jw.h): the same bytes as jansson's compact
 * dump, several times faster for the claims JSON Lines.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
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

/* What each byte needs in a JSON string: 0 copied as it is, 1 a two-byte
 * escape (its letter in esc_letter), 2 "\u00XX", 3 the first byte of a
 * UTF-8 sequence to check (jansson refuses invalid UTF-8). */
static const unsigned char esc_class[256] = {
	2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 1, 1, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	['"'] = 1, ['\\'] = 1,
	[0x80] = 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};

static const char esc_letter[128] = {
	['"'] = '"', ['\\'] = '\\', ['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r',
	['\t'] = 't',
};

/* Is there room for n more bytes and the NUL, with no cap to check? */
static inline bool room(const rc_buf *b, size_t n)
{
	return !b->max && b->data && n < b->cap - b->len;
}

/*
 * The string s (n bytes) quoted and escaped into the buffer in one pass:
 * room for the worst case is made once, the bytes are written in place.
 * Returns false, having written nothing, when check is set and s is not
 * valid UTF-8.
 */
static bool quoted(rc_jw *w, const char *s, size_t n, bool check)
{
	rc_buf *b = w->b;
	if (n > (SIZE_MAX - 3) / 6 || (!room(b, 6 * n + 2) && rc__buf_reserve(b, 6 * n + 2) != RC_OK)) {
		w->failed = true;
		return true;
	}
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s;
	char *o = b->data + b->len;
	*o++ = '"';
	size_t i = 0;
	while (i < n) {
		if (i + 8 <= n && rc__json_plain8(p + i)) {
			memcpy(o, p + i, 8);
			o += 8;
			i += 8;
			continue;
		}
		unsigned char c = p[i];
		switch (esc_class[c]) {
		case 0:
			*o++ = (char)c;
			i++;
			break;
		case 1:
			*o++ = '\\';
			*o++ = esc_letter[c];
			i++;
			break;
		case 2:
			memcpy(o, "\\u00", 4);
			o[4] = hex[c >> 4];
			o[5] = hex[c & 15];
			o += 6;
			i++;
			break;
		default: {
			uint32_t cp;
			size_t l = check ? rc__utf8_decode(p + i, n - i, &cp) : 1;
			if (!l) {
				b->data[b->len] = '\0';
				return false;
			}
			memcpy(o, p + i, l);
			o += l;
			i += l;
		}
		}
	}
	*o++ = '"';
	*o = '\0';
	b->len = (size_t)(o - b->data);
	return true;
}

/* A string of valid UTF-8 or one repaired as rc__json_str() repairs it. */
static void raw_str(rc_jw *w, const char *s)
{
	size_t n = strlen(s);
	if (quoted(w, s, n, true))
		return;
	rc_buf fixed;
	rc__buf_init(&fixed, 0);
	if (rc__utf8_repair_append(&fixed, s, n) != RC_OK)
		w->failed = true;
	const char *r = fixed.data ? fixed.data : "\xEF\xBF\xBD";
	if (!quoted(w, r, strlen(r), true))
		w->failed = true;
	rc__buf_dispose(&fixed);
}

void rc__jw_key(rc_jw *w, const char *k)
{
	/* keys are the program's own names: no escapes needed unless they say so */
	size_t n = 0;
	while (n < 64 && k[n] && (unsigned char)k[n] >= 0x20 && k[n] != '"' && k[n] != '\\')
		n++;
	if (!k[n] && !w->pretty && w->depth > 0) {
		/* the comma, the quoted key and the colon in one write */
		char b[72], *o = b;
		if (w->need_comma[w->depth - 1])
			*o++ = ',';
		w->need_comma[w->depth - 1] = true;
		*o++ = '"';
		memcpy(o, k, n);
		o += n;
		*o++ = '"';
		*o++ = ':';
		put(w, b, (size_t)(o - b));
	} else if (!k[n]) {
		sep(w);
		char b[70];
		b[0] = '"';
		memcpy(b + 1, k, n);
		memcpy(b + 1 + n, "\": ", 3);
		put(w, b, n + (w->pretty ? 4 : 3));
	} else {
		sep(w);
		quoted(w, k, strlen(k), false);   /* a key is written as it is */
		put(w, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
	}
	w->after_key = true;
}

void rc__jw_keyq(rc_jw *w, const char *quoted, size_t n)
{
	if (w->pretty || w->depth <= 0) {
		sep(w);
		put(w, quoted, n);
		if (w->pretty)
			put(w, " ", 1);
	} else if (w->need_comma[w->depth - 1]) {
		if (!room(w->b, n + 1) && rc__buf_reserve(w->b, n + 1) != RC_OK) {
			w->failed = true;
		} else {
			char *o = w->b->data + w->b->len;
			*o = ',';
			memcpy(o + 1, quoted, n);
			o[n + 1] = '\0';
			w->b->len += n + 1;
		}
	} else {
		w->need_comma[w->depth - 1] = true;
		put(w, quoted, n);
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
	raw_str(w, s);
}

void rc__jw_strs(rc_jw *w, const char *const *s, size_t n)
{
	rc__jw_arr(w);
	for (size_t i = 0; i < n; i++)
		rc__jw_str(w, s[i]);
	rc__jw_end_arr(w);
}

void rc__jw_longs(rc_jw *w, const long *v, size_t n)
{
	rc__jw_arr(w);
	for (size_t i = 0; i < n; i++)
		rc__jw_int(w, v[i]);
	rc__jw_end_arr(w);
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
