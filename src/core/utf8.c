/*
 * UTF-8 decoding and the typographic-to-plain table used when matching.
 * Spans always point into the original bytes; only comparisons see the
 * plain forms.
 */
#include "core.h"

size_t rc__utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (n == 0)
		return 0;
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2; v = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3; v = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4; v = c & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

size_t rc__utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t rc__utf8_count(const char *s, size_t n)
{
	size_t count = 0;
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n; count++) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t l = rc__utf8_decode(p + i, n - i, &cp);
		i += l ? l : 1;
	}
	return count;
}

bool rc__utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t l = rc__utf8_decode(p + i, n - i, &cp);
		if (!l)
			return false;
		i += l;
	}
	return true;
}

/* Typographic characters and their plain forms, in code point order. */
static const struct {
	uint32_t cp;
	char plain;
} plain_table[] = {
	{0x00A0, ' '},  /* no-break space */
	{0x00AD, '-'},  /* soft hyphen */
	{0x2002, ' '}, {0x2003, ' '}, {0x2004, ' '}, {0x2005, ' '},
	{0x2006, ' '}, {0x2007, ' '}, {0x2008, ' '}, {0x2009, ' '},
	{0x200A, ' '},  /* en/em/thin/hair spaces */
	{0x2010, '-'}, {0x2011, '-'}, {0x2012, '-'}, {0x2013, '-'},
	{0x2014, '-'}, {0x2015, '-'},  /* hyphens and dashes */
	{0x2018, '\''}, {0x2019, '\''}, {0x201A, '\''}, {0x201B, '\''},
	{0x201C, '"'}, {0x201D, '"'}, {0x201E, '"'}, {0x201F, '"'},
	{0x2026, '.'},  /* ellipsis */
	{0x202F, ' '},  /* narrow no-break space */
	{0x2032, '\''}, {0x2033, '"'},  /* primes */
	{0x2044, '/'},  /* fraction slash */
	{0x205F, ' '},  /* medium mathematical space */
	{0x2212, '-'},  /* minus sign */
	{0x3000, ' '},  /* ideographic space */
	{0xFF0C, ','},  /* fullwidth comma */
};

char rc__utf8_plain(uint32_t cp)
{
	size_t lo = 0, hi = RC_ARRAY_LEN(plain_table);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (plain_table[mid].cp == cp)
			return plain_table[mid].plain;
		if (plain_table[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

rc_status rc__utf8_repair_append(rc_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = rc__utf8_decode((const unsigned char *)s + i, n - i, &cp);
		rc_status st = rc__buf_append(b, k ? s + i : "\xEF\xBF\xBD", k ? k : 3);
		if (st != RC_OK)
			return st;
		i += k ? k : 1;
	}
	return RC_OK;
}
