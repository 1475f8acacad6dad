/*
 * The output of `recount numbers`: every recognised quantity, as JSON Lines
 * (one object per quantity, docs/quantities.md) or as a readable table.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <recount/report.h>
#include "core/core.h"
#include "core/json.h"
#include "report/report-priv.h"
#include "core/jw.h"

struct rc_quantity_writer {
	FILE *fp;
	bool text;
	rc_buf line;   /* reused for every JSON line */
};


rc_status rc_quantity_writer_new(rc_quantity_writer **out, FILE *fp, rc_format fmt,
                                 const rc_report_options *opts, rc_error *err)
{
	*out = NULL;
	if (rc__report_options_check(opts, err) != RC_OK)
		return RC_ERR_INVALID;
	if (fmt != RC_FORMAT_TEXT && fmt != RC_FORMAT_JSONL && fmt != RC_FORMAT_JSON)
		return rc__error_set(err, RC_ERR_INVALID,
		                     "format '%s' is not available for quantities (jsonl, text)",
		                     rc_format_str(fmt));
	rc_quantity_writer *w = calloc(1, sizeof *w);
	if (!w)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	w->fp = fp;
	w->text = fmt == RC_FORMAT_TEXT;
	rc__buf_init(&w->line, 0);
	if (w->text)
		fprintf(fp, "%-6s %-11s %-8s %-22s %-7s %-14s %s\n", "LINE", "BYTES", "KIND",
		        "INTERVAL", "FLAGS", "QUALIFIER", "TEXT");
	*out = w;
	return rc__io_check(fp, err);
}

/* s in a column of width characters (code points, not bytes: "∞"). */
static void pad(FILE *fp, const char *s, size_t width)
{
	size_t chars = rc_text_width(s);
	rc_text_fputs(s, fp, 0);
	for (; chars < width; chars++)
		fputc(' ', fp);
	fputc(' ', fp);
}

/* The span as one line of text: control characters become spaces (the
 * text table cleans it further for the terminal). */
static char *span_text(const char *base, size_t start, size_t end)
{
	char *s = rc__strndup(base + start, end - start);
	if (s)
		for (char *p = s; *p; p++)
			if ((unsigned char)*p < 0x20)
				*p = ' ';
	return s;
}

rc_status rc_quantity_writer_add(rc_quantity_writer *w, const char *file, size_t line,
                                 const char *base, size_t len, const rc_quantity *q,
                                 rc_error *err)
{
	if (q->start > q->end || q->end > len)
		return rc__error_set(err, RC_ERR_INVALID, "quantity span %" PRIu32 "-%" PRIu32 " outside its text (%zu bytes)",
		                     q->start, q->end, len);
	char *text = span_text(base, q->start, q->end);
	if (!text)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	if (w->text) {
		char iv[96], bytes[32];
		rc_interval_str(&q->iv, iv, sizeof iv);
		if (q->iv.lo_inf && q->iv.hi_inf)
			strcpy(iv, "-");
		snprintf(bytes, sizeof bytes, "%" PRIu32 "-%" PRIu32, q->start, q->end);
		const char *flags = q->vague ? "vague" : q->approx ? "approx" : "-";
		fprintf(w->fp, "%-6zu %-11s %-8s ", line, bytes, rc_quantity_kind_str(q->kind));
		pad(w->fp, iv, 22);
		pad(w->fp, flags, 7);
		pad(w->fp, q->qualifier ? q->qualifier : "-", 14);
		rc_text_fputs(text, w->fp, 0);
		fputc('\n', w->fp);
		free(text);
		return rc__io_check(w->fp, err);
	}
	/* streamed: a tree per quantity cost more than finding it */
	bool lo = !q->iv.lo_inf, hi = !q->iv.hi_inf;
	rc__buf_reset(&w->line);
	rc_jw j;
	rc__jw_init(&j, &w->line);
	rc__jw_obj(&j);
	if (file) {
		rc__jw_kstr(&j, "file", file);
	}
	rc__jw_kint(&j, "line", (long long)line);
	rc__jw_kstr(&j, "text", text);
	rc__jw_kint(&j, "start", (long long)q->start);
	rc__jw_kint(&j, "end", (long long)q->end);
	rc__jw_kstr(&j, "kind", rc_quantity_kind_str(q->kind));
	rc__jw_key(&j, "lo");
	if (lo)
		rc__jw_num(&j, q->iv.lo);
	else
		rc__jw_null(&j);
	rc__jw_key(&j, "hi");
	if (hi)
		rc__jw_num(&j, q->iv.hi);
	else
		rc__jw_null(&j);
	rc__jw_kbool(&j, "lo_incl", lo && q->iv.lo_incl);
	rc__jw_kbool(&j, "hi_incl", hi && q->iv.hi_incl);
	rc__jw_kbool(&j, "approx", q->approx);
	rc__jw_kbool(&j, "vague", q->vague);
	rc__jw_kstr(&j, "qualifier", q->qualifier);
	rc__jw_key(&j, "value");
	if (lo || hi)
		rc__jw_num(&j, q->value);
	else
		rc__jw_null(&j);
	rc__jw_end_obj(&j);
	free(text);
	if (j.failed || rc__buf_putc(&w->line, '\n') != RC_OK)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	if (fwrite(w->line.data, 1, w->line.len, w->fp) != w->line.len)
		return rc__error_set(err, RC_ERR_IO, "write error: %s", strerror(errno ? errno : EIO));
	return RC_OK;
}

rc_status rc_quantity_writer_finish(rc_quantity_writer *w, rc_error *err)
{
	if (fflush(w->fp) != 0)
		return rc__error_set(err, RC_ERR_IO, "write error: %s", strerror(errno ? errno : EIO));
	return rc__io_check(w->fp, err);
}

void rc_quantity_writer_free(rc_quantity_writer *w)
{
	if (w)
		rc__buf_dispose(&w->line);
	free(w);
}

/* ---- reading a stream (recount numbers) ---- */

/* Where a block may end: after the last blank line (figures never span
 * one), else after the last newline; with lines after any newline. */
static size_t cut_point(const char *buf, size_t n, bool lines)
{
	for (size_t i = n; i > 0; i--) {
		if (buf[i - 1] != '\n')
			continue;
		if (lines || (i >= 2 && buf[i - 2] == '\n'))
			return i;
	}
	if (!lines)
		for (size_t i = n; i > 0; i--)
			if (buf[i - 1] == '\n')
				return i;
	return 0;
}

typedef struct scan_pos {
	size_t line;   /* line of byte `ls` */
	size_t ls;     /* first byte of that line, in the block */
} scan_pos;

/* Scan text[0..len) (whole lines) and write its quantities. */
static rc_status scan_block(rc_quantity_writer *w, const rc_recognizer *rec, const char *file,
                            bool lines, const char *text, size_t len, scan_pos *p,
                            rc_quantity_list *ql, rc_error *err)
{
	size_t at = 0;  /* the scan position (lines: start of the line) */
	while (at < len) {
		size_t end = len;
		if (lines) {
			const char *nl = memchr(text + at, '\n', len - at);
			end = nl ? (size_t)(nl - text) : len;
		}
		ql->len = 0;
		rc_status st = rc_quantities_scan(ql, rec, text + at, end - at, err);
		if (st != RC_OK)
			return st;
		for (size_t i = 0; i < ql->len; i++) {
			rc_quantity q = ql->items[i];
			size_t qs = at + q.start;
			/* advance to the line of the figure's first byte */
			for (;;) {
				const char *nl = memchr(text + p->ls, '\n', len - p->ls);
				if (!nl || (size_t)(nl - text) >= qs)
					break;
				p->ls = (size_t)(nl - text) + 1;
				p->line++;
			}
			q.start = qs - p->ls;
			q.end = at + q.end - p->ls;
			q.num_start = at + q.num_start - p->ls;
			q.num_end = at + q.num_end - p->ls;
			st = rc_quantity_writer_add(w, file, p->line, text + p->ls, len - p->ls, &q, err);
			if (st != RC_OK)
				return st;
		}
		if (!lines)
			break;
		at = end + 1;
	}
	/* count the rest of the block's lines */
	for (const char *nl; p->ls < len && (nl = memchr(text + p->ls, '\n', len - p->ls));) {
		p->ls = (size_t)(nl - text) + 1;
		p->line++;
	}
	p->ls -= len; /* relative to the next block (0 when the block ends a line) */
	return RC_OK;
}

/*
 * Blocks of whole lines, cut where no figure can span (a blank line; a
 * newline with o->lines), so memory stays bounded by the longest run of
 * lines without a break, capped by o->max_bytes.
 */
rc_status rc_quantity_writer_scan(rc_quantity_writer *w, const rc_recognizer *rec, FILE *in,
                                  const char *file, const char *name,
                                  const rc_quantity_scan_options *o, rc_error *err)
{
	enum { BLOCK = 1 << 20 };
	if (o && rc__options_check("rc_quantity_scan_options", o->version, RC_QUANTITY_SCAN_OPTIONS_VERSION,
	                           err) != RC_OK)
		return RC_ERR_INVALID;
	bool lines = o && o->lines;
	size_t max = o && o->max_bytes ? o->max_bytes : RC_LIMIT_DOCUMENT_BYTES_DEFAULT;
	if (!name)
		name = file ? file : "standard input";
	size_t cap = BLOCK, n = 0;
	char *buf = malloc(cap);
	rc_quantity_list ql = {0};
	scan_pos p = {.line = 1};
	rc_status st = RC_OK;
	bool eof = false;
	if (!buf)
		return rc__error_at(err, RC_ERR_NOMEM, name, 0, 0, (size_t)-1, "out of memory");
	while (st == RC_OK && !eof) {
		if (n == cap) {
			if (cap > max) {
				st = rc__error_at(err, RC_ERR_LIMIT, name, p.line, 0, (size_t)-1,
				                  "more than %zu bytes without a line break "
				                  "(--max-document-bytes): the rest is skipped", max);
				break;
			}
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				st = rc__error_at(err, RC_ERR_NOMEM, name, 0, 0, (size_t)-1, "out of memory");
				break;
			}
			buf = nb;
			cap *= 2;
		}
		size_t got = fread(buf + n, 1, cap - n, in);
		n += got;
		if (got == 0) {
			if (ferror(in)) {
				st = rc__error_at(err, RC_ERR_IO, name, 0, 0, (size_t)-1, "read error: %s",
				                  strerror(errno ? errno : EIO));
				break;
			}
			eof = true;
		}
		size_t cut = eof ? n : cut_point(buf, n, lines);
		if (cut == 0)
			continue;
		st = scan_block(w, rec, file, lines, buf, cut, &p, &ql, err);
		memmove(buf, buf + cut, n - cut);
		n -= cut;
	}
	rc_quantity_list_dispose(&ql);
	free(buf);
	return st;
}

rc_status rc_quantity_scan_options_init(rc_quantity_scan_options *o, unsigned version, rc_error *err)
{
	static const rc_quantity_scan_options init = RC_QUANTITY_SCAN_OPTIONS_INIT;
	return rc__options_init(o, sizeof *o, &init, "rc_quantity_scan_options", version,
	                        RC_QUANTITY_SCAN_OPTIONS_VERSION, err);
}
