/*
 * Status strings and error helpers.  Every message a caller sees is filled
 * in here, so the wording stays consistent.
 */
#include <stdio.h>
#include <string.h>
#include "core.h"

const char *rc_status_str(rc_status st)
{
	switch (st) {
	case RC_OK: return "success";
	case RC_ERR_NOMEM: return "out of memory";
	case RC_ERR_IO: return "input/output error";
	case RC_ERR_PARSE: return "malformed input";
	case RC_ERR_INVALID: return "invalid argument";
	case RC_ERR_LIMIT: return "limit exceeded";
	case RC_ERR_ENCODING: return "invalid UTF-8";
	case RC_ERR_UNSUPPORTED: return "unsupported input";
	}
	return "unknown status";
}

const char *rc_severity_str(rc_severity sev)
{
	switch (sev) {
	case RC_SEV_ERROR: return "error";
	case RC_SEV_WARNING: return "warning";
	case RC_SEV_NOTE: return "note";
	}
	return "unknown";
}

void rc__error_clear(rc_error *err)
{
	if (!err)
		return;
	memset(err, 0, sizeof(*err));
	err->offset = (size_t)-1;
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
		snprintf(err->path, sizeof(err->path), "%s", path);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
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
