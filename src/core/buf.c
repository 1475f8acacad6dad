/*
 * Growable byte buffers and arrays.  A buffer may carry a size cap so that
 * hostile input cannot make it grow without bound (curl's dynbuf).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core.h"

void rc__buf_init(rc_buf *b, size_t max)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->max = max;
}

void rc__buf_dispose(rc_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void rc__buf_reset(rc_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

rc_status rc__buf_reserve(rc_buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		return RC_ERR_LIMIT;
	size_t need = b->len + extra + 1;
	if (b->max && need - 1 > b->max)
		return RC_ERR_LIMIT;
	if (need <= b->cap)
		return RC_OK;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *p = realloc(b->data, cap);
	if (!p)
		return RC_ERR_NOMEM;
	b->data = p;
	b->cap = cap;
	return RC_OK;
}

rc_status rc__buf_append_slow(rc_buf *b, const void *p, size_t n)
{
	rc_status st = rc__buf_reserve(b, n);
	if (st != RC_OK)
		return st;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return RC_OK;
}

rc_status rc__buf_puts(rc_buf *b, const char *s)
{
	return rc__buf_append(b, s, strlen(s));
}

rc_status rc__buf_printf(rc_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[256];
	va_list ap2;
	va_copy(ap2, ap);
	int n = rc__vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	rc_status st;
	if (n < 0) {
		st = RC_ERR_INVALID;
	} else if ((size_t)n < sizeof(tmp)) {
		st = rc__buf_append(b, tmp, (size_t)n);
	} else if ((st = rc__buf_reserve(b, (size_t)n)) == RC_OK) {
		rc__vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
		b->len += (size_t)n;
	}
	va_end(ap2);
	return st;
}

char *rc__buf_steal(rc_buf *b, size_t *len)
{
	char *p = b->data;
	if (len)
		*len = b->len;
	if (!p)
		p = calloc(1, 1);
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

rc_status rc__grow(void **items, size_t *cap, size_t need, size_t sz)
{
	if (need <= *cap)
		return RC_OK;
	size_t nc = *cap ? *cap : 8;
	while (nc < need) {
		if (nc > SIZE_MAX / 2 / sz)
			return RC_ERR_NOMEM;
		nc *= 2;
	}
	void *p = realloc(*items, nc * sz);
	if (!p)
		return RC_ERR_NOMEM;
	*items = p;
	*cap = nc;
	return RC_OK;
}

rc_status rc__file_load(rc_buf *b, const char *path, size_t max, const char *what,
                        rc_error *err)
{
	rc__buf_init(b, max);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return rc__error_at(err, RC_ERR_IO, path, 0, 0, (size_t)-1, "cannot open %s: %s", what,
		                    strerror(errno));
	char chunk[65536];
	size_t got;
	rc_status st = RC_OK;
	while (st == RC_OK && (got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		st = rc__buf_append(b, chunk, got);
	int bad = ferror(fp) ? (errno ? errno : EIO) : 0;
	fclose(fp);
	if (st == RC_ERR_LIMIT)
		return rc__error_at(err, st, path, 0, 0, (size_t)-1, "%s larger than %zu bytes", what, max);
	if (st != RC_OK)
		return rc__error_at(err, st, path, 0, 0, (size_t)-1, "out of memory reading %s", what);
	if (bad)
		return rc__error_at(err, RC_ERR_IO, path, 0, 0, (size_t)-1, "cannot read %s: %s", what,
		                    strerror(bad));
	return RC_OK;
}

rc_status rc__file_parse(const char *path, size_t max, const char *what, rc__text_fn parse,
                         void *user, rc_error *err)
{
	rc_buf b;
	rc_status st = rc__file_load(&b, path, max, what, err);
	if (st == RC_OK)
		st = parse(user, b.data ? b.data : "", b.len, path, err);
	rc__buf_dispose(&b);
	return st;
}
