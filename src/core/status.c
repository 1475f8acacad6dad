/*
 * Status strings and error helpers.  Every message a caller sees is filled
 * in here, so the wording stays consistent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core.h"

const char *rc__name_of(const char *const *names, size_t n, size_t v, const char *unknown)
{
	return v < n && names[v] ? names[v] : unknown;
}

const char *rc_status_str(rc_status st)
{
	static const char *const names[] = {
		[RC_OK] = "success", [RC_ERR_NOMEM] = "out of memory",
		[RC_ERR_IO] = "input/output error", [RC_ERR_PARSE] = "malformed input",
		[RC_ERR_INVALID] = "invalid argument", [RC_ERR_LIMIT] = "limit exceeded",
		[RC_ERR_ENCODING] = "invalid UTF-8", [RC_ERR_UNSUPPORTED] = "unsupported input",
	};
	return rc__name_of(names, RC_ARRAY_LEN(names), (size_t)st, "unknown status");
}

const char *rc_severity_str(rc_severity sev)
{
	static const char *const names[] = {
		[RC_SEV_ERROR] = "error", [RC_SEV_WARNING] = "warning", [RC_SEV_NOTE] = "note",
	};
	return rc__name_of(names, RC_ARRAY_LEN(names), (size_t)sev, "unknown");
}

void rc__error_clear(rc_error *err)
{
	if (!err)
		return;
	memset(err, 0, sizeof(*err));
	err->offset = (size_t)-1;
}

rc_status rc__options_check(const char *name, unsigned version, unsigned max, rc_error *err)
{
	if (version >= 1 && version <= max)
		return RC_OK;
	return rc__error_set(err, RC_ERR_INVALID,
	                     "%s version %u is not known to this library (it knows 1 to %u; "
	                     "start from the struct's _INIT macro or its _init function)",
	                     name, version, max);
}

rc_status rc__options_init(void *o, size_t size, const void *init, const char *name, unsigned version,
                           unsigned max, rc_error *err)
{
	rc_status st = rc__options_check(name, version, max, err);
	if (st != RC_OK)
		return st;
	memcpy(o, init, size);
	*(unsigned *)o = version;   /* the first member of every options struct */
	return RC_OK;
}

size_t rc__fit(char *dst, size_t size, const char *s, size_t n)
{
	if (!size)
		return 0;
	if (n < size) {
		memcpy(dst, s, n);
		dst[n] = '\0';
		return n;
	}
	/* Keep room for U+2026 (3 bytes) and the NUL; never split a
	 * character: back up over continuation bytes. */
	size_t keep = size >= 4 ? size - 4 : 0;
	while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80)
		keep--;
	memcpy(dst, s, keep);
	if (size >= 4) {
		memcpy(dst + keep, "\xE2\x80\xA6", 3);
		keep += 3;
	}
	dst[keep] = '\0';
	return keep;
}

static rc_status vset(rc_error *err, rc_status st, const char *path, size_t line,
                      size_t column, size_t offset, const char *fmt, va_list ap)
{
	if (!err)
		return st;
	rc__error_clear(err);
	err->status = st;
	err->line = line;
	err->column = column;
	err->offset = offset;
	if (path)
		rc__fit(err->path, sizeof(err->path), path, strlen(path));
	char small[sizeof(err->message)];
	va_list ap2;
	va_copy(ap2, ap);
	int n = rc__vsnprintf(small, sizeof(small), fmt, ap);
	if (n >= 0 && (size_t)n < sizeof(small)) {
		memcpy(err->message, small, (size_t)n + 1);
	} else if (n >= 0) {
		/* Too long: format it whole, then cut it visibly. */
		char *big = malloc((size_t)n + 1);
		if (big) {
			rc__vsnprintf(big, (size_t)n + 1, fmt, ap2);
			rc__fit(err->message, sizeof(err->message), big, (size_t)n);
			free(big);
		} else {
			rc__fit(err->message, sizeof(err->message), small, strlen(small));
		}
	}
	va_end(ap2);
	return st;
}

rc_status rc__error_set(rc_error *err, rc_status st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vset(err, st, NULL, 0, 0, (size_t)-1, fmt, ap);
	va_end(ap);
	return st;
}

rc_status rc__error_at(rc_error *err, rc_status st, const char *path, size_t line,
                       size_t column, size_t offset, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vset(err, st, path, line, column, offset, fmt, ap);
	va_end(ap);
	return st;
}
