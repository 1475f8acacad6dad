/*
 * UTF-8 decoding and the typographic-to-plain table used when matching.
 * Spans always point into the original bytes; only comparisons see the
 * plain forms.
 */
#include <utf8proc.h>
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

/* The first byte from p[i] on that is not ASCII (the only bytes that need
 * decoding), or n. */
static size_t skip_ascii(const unsigned char *p, size_t n, size_t i)
{
	while (i < n && p[i] < 0x80)
		i++;
	return i;
}

bool rc__utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; (i = skip_ascii(p, n, i)) < n;) {
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

/* ---- normalisation, case folding, display width (utf8proc) ------------------ */

/*
 * A code point after which NFC might change something: a combining mark
 * (canonical class not 0, or category Mn/Mc/Me: composition's second
 * characters are all such, but for the Hangul jamo), a Hangul jamo, a
 * character excluded from composition, or one with a canonical
 * decomposition (a precomposed letter, or a singleton such as U+212B
 * ANGSTROM SIGN).  Every other character is a starter that NFC keeps as
 * it is and that never combines with what comes before it, so text can be
 * normalised run by run between such characters.  tests/core/core.c
 * checks the rule against utf8proc_NFC over every code point.
 */
bool rc__utf8_nfc_unstable(uint32_t cp)
{
	if (cp < 0x300)
		return false; /* Latin-1 and Latin Extended: NFC as they are, no marks */
	const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
	if (p->combining_class || p->comp_exclusion || p->category == UTF8PROC_CATEGORY_MN ||
	    p->category == UTF8PROC_CATEGORY_MC || p->category == UTF8PROC_CATEGORY_ME)
		return true;
	if (cp >= 0x1100 && cp <= 0x11FF)
		return true; /* Hangul jamo compose algorithmically */
	return p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0;
}

/* A starter that NFC leaves alone whatever surrounds it: a safe place to cut. */
static bool nfc_boundary(const unsigned char *s, size_t n, size_t i)
{
	if (s[i] < 0x80)
		return true;
	uint32_t cp;
	size_t l = rc__utf8_decode(s + i, n - i, &cp);
	return l && !rc__utf8_nfc_unstable(cp);
}

rc_status rc__utf8_nfc(const char *s, size_t n, rc_buf *out, bool *changed)
{
	const unsigned char *u = (const unsigned char *)s;
	*changed = false;
	size_t copied = 0; /* s[copied..) is still to be written */
	for (size_t i = 0; (i = skip_ascii(u, n, i)) < n;) {
		uint32_t cp;
		size_t l = rc__utf8_decode(u + i, n - i, &cp);
		if (!l) {
			i++; /* not UTF-8: left for the caller's repair */
			continue;
		}
		if (!rc__utf8_nfc_unstable(cp)) {
			i += l;
			continue;
		}
		/* The run to normalise: from the starter before this character
		 * (a combining mark belongs to it) to the next safe starter. */
		size_t start = i;
		if (start > copied) {
			size_t k = start - 1;
			while (k > copied && (u[k] & 0xC0) == 0x80)
				k--;
			start = k;
		}
		size_t end = i + l;
		while (end < n && !nfc_boundary(u, n, end)) {
			size_t m = rc__utf8_decode(u + end, n - end, &cp);
			end += m ? m : 1;
		}
		utf8proc_uint8_t *dst = NULL;
		utf8proc_ssize_t got = utf8proc_map(u + start, (utf8proc_ssize_t)(end - start), &dst,
		                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		rc_status st = RC_OK;
		if (got < 0) {
			/* invalid UTF-8 inside: keep the run as it is */
			free(dst);
			i = end;
			continue;
		}
		if ((size_t)got != end - start || memcmp(dst, u + start, (size_t)got) != 0) {
			if (!*changed)
				rc__buf_reset(out);
			*changed = true;
			if ((st = rc__buf_append(out, s + copied, start - copied)) == RC_OK)
				st = rc__buf_append(out, dst, (size_t)got);
			copied = end;
		}
		free(dst);
		if (st != RC_OK)
			return st;
		i = end;
	}
	if (*changed)
		return rc__buf_append(out, s + copied, n - copied);
	return RC_OK;
}

char *rc__utf8_casefold(rc_arena *a, const char *s, size_t n)
{
	bool ascii = true;
	for (size_t i = 0; i < n && ascii; i++)
		ascii = (unsigned char)s[i] < 0x80;
	if (!ascii && rc__utf8_valid(s, n)) {
		utf8proc_uint8_t *dst = NULL;
		utf8proc_ssize_t got = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
		                                    &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
		                                                  UTF8PROC_CASEFOLD);
		if (got >= 0) {
			char *r = rc__arena_strndup(a, (const char *)dst, (size_t)got);
			free(dst);
			return r;
		}
		free(dst);
	}
	/* ASCII, or not UTF-8: lower the ASCII letters only */
	char *r = rc__arena_strndup(a, s, n);
	for (size_t i = 0; r && i < n; i++)
		r[i] = (char)rc__lower((unsigned char)r[i]);
	return r;
}

/* Columns of one code point: 0 for controls and combining marks, 2 for
 * wide and fullwidth characters (East Asian Width W/F, most emoji), else 1
 * (ambiguous-width characters too, as terminals outside East Asia show
 * them).  Every alignment goes through it (rc_text_width too). */
size_t rc__cp_width(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 0x20 && cp != 0x7F;
	int w = utf8proc_charwidth((utf8proc_int32_t)cp);
	return w > 0 ? (size_t)w : 0;
}

size_t rc__utf8_width(const char *s, size_t n)
{
	return rc__utf8_width_fit(s, n, SIZE_MAX, NULL);
}

size_t rc__utf8_width_fit(const char *s, size_t n, size_t max_cols, size_t *bytes)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t cols = 0, i = 0;
	while (i < n) {
		uint32_t cp;
		size_t l = rc__utf8_decode(u + i, n - i, &cp);
		size_t w = l ? rc__cp_width(cp) : 1; /* an invalid byte shows as U+FFFD */
		if (cols + w > max_cols)
			break;
		cols += w;
		i += l ? l : 1;
		/* combining marks that follow stay with their character */
		while (i < n && (l = rc__utf8_decode(u + i, n - i, &cp)) != 0 && cp >= 0x300 &&
		       rc__cp_width(cp) == 0)
			i += l;
	}
	if (bytes)
		*bytes = i;
	return cols;
}

int rc__utf8_casecmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	/* ASCII prefix: compare as strcasecmp() in the C locale */
	for (;; x++, y++) {
		if (*x >= 0x80 || *y >= 0x80)
			break;
		int d = rc__lower(*x) - rc__lower(*y);
		if (d || !*x)
			return d;
	}
	utf8proc_uint8_t *fx = NULL, *fy = NULL;
	utf8proc_option_t o = UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                      UTF8PROC_CASEFOLD;
	int r;
	if (utf8proc_map(x, 0, &fx, o) >= 0 && utf8proc_map(y, 0, &fy, o) >= 0)
		r = strcmp((const char *)fx, (const char *)fy);
	else
		r = strcmp((const char *)x, (const char *)y); /* not UTF-8: bytes */
	free(fx);
	free(fy);
	return r;
}
