/*
 * Display text: the one sanitiser every human-readable output goes through
 * (reports, listings, and the command line's diagnostics on standard
 * error), so that no byte from an article or a file name can drive a
 * terminal, and the width of what is shown, for alignment.
 */
#include <stdio.h>
#include <recount/text.h>
#include "core.h"

/*
 * Characters that must never reach output as they are: C0 and C1 controls
 * and DEL (terminal escapes: ESC, CSI, OSC, BEL), and the bidirectional
 * embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069),
 * which can make a line display something other than what it says; and a
 * stray byte-order mark.
 */
static bool is_hidden(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

static bool is_white(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
	       cp == 0xA0 || cp == 0x2028 || cp == 0x2029;
}

rc_status rc__text_walk(void *user, const char *s, size_t n, unsigned flags, rc__text_put put)
{
	if (!s)
		return RC_OK;
	bool collapse = flags & RC_TEXT_COLLAPSE, mark = flags & RC_TEXT_MARK;
	bool pending_space = false, any = false;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = rc__utf8_decode((const unsigned char *)s + i, n - i, &cp);
		const char *raw = s + i;
		if (!k) {
			cp = 0xFFFD;
			raw = "\xEF\xBF\xBD";
			i += 1;
			k = 3;
		} else {
			i += k;
		}
		if (is_white(cp)) {
			if (collapse) {
				pending_space = any;
				continue;
			}
			cp = ' ';
			raw = " ";
			k = 1;
		} else if (is_hidden(cp)) {
			if (!mark)
				continue;
			cp = 0xFFFD;
			raw = "\xEF\xBF\xBD";
			k = 3;
		}
		if (pending_space) {
			rc_status st = put(user, ' ', " ", 1);
			if (st)
				return st;
			pending_space = false;
		}
		rc_status st = put(user, cp, raw, k);
		if (st)
			return st;
		any = true;
	}
	return RC_OK;
}

static rc_status put_plain(void *b, uint32_t cp, const char *raw, size_t len)
{
	(void)cp;
	return rc__buf_append(b, raw, len);
}

rc_status rc__text_clean_append(rc_buf *b, const char *s, size_t n, unsigned flags)
{
	return rc__text_walk(b, s, n, flags, put_plain);
}

char *rc_text_clean(const char *s, size_t n, unsigned flags)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	if (rc__text_clean_append(&b, s ? s : "", s ? n : 0, flags) != RC_OK ||
	    rc__buf_reserve(&b, 1) != RC_OK) {
		rc__buf_dispose(&b);
		return NULL;
	}
	b.data[b.len] = '\0';
	return rc__buf_steal(&b, NULL);
}

int rc_text_fputs(const char *s, FILE *fp, unsigned flags)
{
	if (!s)
		return 0;
	char *clean = rc_text_clean(s, strlen(s), flags);
	if (!clean)
		return EOF;
	int r = fputs(clean, fp) == EOF ? EOF : 0;
	free(clean);
	return r;
}

static rc_status put_width(void *user, uint32_t cp, const char *raw, size_t len)
{
	(void)raw;
	(void)len;
	*(size_t *)user += rc__cp_width(cp);
	return RC_OK;
}

size_t rc_text_width(const char *s)
{
	size_t w = 0;
	if (s)
		rc__text_walk(&w, s, strlen(s), 0, put_width);
	return w;
}
