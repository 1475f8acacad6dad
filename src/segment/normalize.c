/*
 * Normalisation: the plain view of a document body that every matcher
 * reads.  Typographic quotes, dashes and spaces become their ASCII forms
 * (rc__utf8_plain), CR and NUL become spaces, an HTML character reference
 * left in plain text ("270&nbsp;people", "Smith &amp; Sons", "&#8217;")
 * becomes its character (libxml2 knows the names), and a byte map leads
 * every normalised offset back to the original text so that positions,
 * quotes and spans always point at the bytes the user wrote.
 */
#include <string.h>
#include <libxml/HTMLparser.h>
#include "segment/segment.h"

/* How one input unit (a byte or a UTF-8 sequence) comes out. */
typedef struct unit {
	size_t in_len;     /* bytes consumed */
	size_t out_len;    /* bytes produced */
	char out[4];
	bool changed;
} unit;

/* The code point of a character reference at p[0] == '&' ("&nbsp;",
 * "&#39;", "&#x2019;": the ';' is required), and its length in *len; 0
 * when there is none. */
static uint32_t char_ref(const unsigned char *p, size_t n, size_t *len)
{
	enum { NAME_MAX_LEN = 31 };
	char name[NAME_MAX_LEN + 1];
	size_t k = 1;
	while (k < n && k <= NAME_MAX_LEN && ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z') ||
	                                      (p[k] >= '0' && p[k] <= '9') || (k == 1 && p[k] == '#')))
		k++;
	if (k == 1 || k >= n || p[k] != ';')
		return 0;
	memcpy(name, p + 1, k - 1);
	name[k - 1] = '\0';
	*len = k + 1;
	uint32_t cp = 0;
	if (name[0] == '#') {
		bool hex = name[1] == 'x' || name[1] == 'X';
		const char *d = name + 1 + hex;
		if (!*d)
			return 0;
		for (; *d; d++) {
			int v = *d >= '0' && *d <= '9' ? *d - '0'
			        : hex && *d >= 'a' && *d <= 'f' ? *d - 'a' + 10
			        : hex && *d >= 'A' && *d <= 'F' ? *d - 'A' + 10 : -1;
			if (v < 0 || cp > 0x10FFFF)
				return 0;
			cp = cp * (hex ? 16 : 10) + (uint32_t)v;
		}
	} else {
		const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
		if (!e)
			return 0;
		cp = e->value;
	}
	/* no controls, surrogates or code points past Unicode */
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0xD800 && cp < 0xE000) || cp > 0x10FFFF)
		return 0;
	return cp;
}

static void next_unit(unit *u, const unsigned char *p, size_t n)
{
	size_t ref_len;
	uint32_t ref;
	if (p[0] == '&' && (ref = char_ref(p, n, &ref_len)) != 0) {
		u->in_len = ref_len;
		char plain = rc__utf8_plain(ref);
		if (plain) {
			u->out_len = 1;
			u->out[0] = plain;
		} else {
			u->out_len = rc__utf8_encode(ref, u->out);
		}
		u->changed = true;
		return;
	}
	if (p[0] < 0x80) {
		u->in_len = u->out_len = 1;
		u->changed = p[0] == '\r' || p[0] == '\0';
		u->out[0] = u->changed ? ' ' : (char)p[0];
		return;
	}
	uint32_t cp;
	size_t l = rc__utf8_decode(p, n, &cp);
	if (!l) {
		/* Ingest repairs invalid bytes, but a caller may hand us raw
		 * text: keep the output valid UTF-8 with U+FFFD per bad byte. */
		u->in_len = 1;
		u->out_len = rc__utf8_encode(0xFFFD, u->out);
		u->changed = true;
		return;
	}
	u->in_len = l;
	char plain = rc__utf8_plain(cp);
	if (plain) {
		u->out_len = 1;
		u->out[0] = plain;
		u->changed = true;
	} else {
		u->out_len = l;
		memcpy(u->out, p, l);
		u->changed = false;
	}
}

/* Is c a unit of its own that comes out as it is: ASCII but for a
 * character reference's '&', CR and NUL (next_unit's first cases)? */
static inline bool plain_byte(unsigned char c)
{
	return c >= 0x20 ? c < 0x80 && c != '&' : c != '\r' && c != '\0';
}

/* The end of the run of plain bytes from p[i], at most end: eight bytes
 * at a time while none of them is high, '&', CR or NUL (rc__bytes_eq8),
 * then a byte at a time. */
static size_t plain_run(const unsigned char *p, size_t i, size_t end)
{
	for (; i + 8 <= end; i += 8) {
		uint64_t v;
		memcpy(&v, p + i, 8);
		if ((v & 0x8080808080808080ull) | rc__bytes_eq8(v, '&') | rc__bytes_eq8(v, '\r') |
		    rc__bytes_eq8(v, '\0'))
			break;
	}
	while (i < end && plain_byte(p[i]))
		i++;
	return i;
}

rc_status rc__text_normalize(rc_text *out, rc_arena *a, const char *orig, size_t orig_len,
                             size_t start, size_t end, rc_error *err)
{
	memset(out, 0, sizeof(*out));
	if (end > orig_len)
		end = orig_len;
	if (start > end)
		start = end;
	/* The map stores 32-bit offsets; documents are capped far below. */
	if (orig_len > UINT32_MAX - 1)
		return rc__error_set(err, RC_ERR_LIMIT, "text of %zu bytes is too large to normalise",
		                     orig_len);
	out->orig = orig;
	out->orig_len = orig_len;
	out->base = start;

	const unsigned char *p = (const unsigned char *)orig;
	size_t out_len = 0;
	bool changed = false;
	unit u;
	for (size_t i = start; i < end; i += u.in_len) {
		size_t run = plain_run(p, i, end);
		out_len += run - i;
		if ((i = run) >= end)
			break;
		next_unit(&u, p + i, end - i);
		changed |= u.changed;
		out_len += u.out_len;
	}

	if (!changed) {
		/* Identity: alias the original when it is NUL-terminated at the
		 * end of the span, else copy the span; no map either way. */
		out->len = end - start;
		if (end == orig_len) {
			out->norm = orig + start;
		} else {
			char *copy = rc__arena_strndup(a, orig + start, end - start);
			if (!copy)
				return rc__error_set(err, RC_ERR_NOMEM, "out of memory normalising text");
			out->norm = copy;
		}
		return RC_OK;
	}

	char *norm = rc__arena_alloc(a, out_len + 1);
	uint32_t *map = rc__arena_alloc(a, (out_len + 1) * sizeof(*map));
	if (!norm || !map)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory normalising text");
	size_t o = 0;
	for (size_t i = start; i < end; i += u.in_len) {
		size_t run = plain_run(p, i, end);
		memcpy(norm + o, p + i, run - i);
		for (; i < run; i++)
			map[o++] = (uint32_t)i;
		if (i >= end)
			break;
		next_unit(&u, p + i, end - i);
		for (size_t k = 0; k < u.out_len; k++) {
			norm[o] = u.out[k];
			map[o++] = (uint32_t)i;
		}
	}
	norm[o] = '\0';
	map[o] = (uint32_t)end;
	out->norm = norm;
	out->len = o;
	out->map = map;
	return RC_OK;
}
