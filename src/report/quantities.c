/*
 * The output of `recount numbers`: every recognised quantity, as JSON Lines
 * (one object per quantity, docs/quantities.md) or as a readable table.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <recount/report.h>
#include "core/core.h"
#include "core/json.h"

struct rc_quantity_writer {
	FILE *fp;
	bool text;
};

static rc_status io_check(FILE *fp, rc_error *err)
{
	if (ferror(fp))
		return rc__error_set(err, RC_ERR_IO, "write error: %s", strerror(errno ? errno : EIO));
	return RC_OK;
}

rc_status rc_quantity_writer_new(rc_quantity_writer **out, FILE *fp, rc_format fmt,
                                 const rc_report_options *opts, rc_error *err)
{
	(void)opts;
	*out = NULL;
	if (fmt != RC_FORMAT_TEXT && fmt != RC_FORMAT_JSONL && fmt != RC_FORMAT_JSON)
		return rc__error_set(err, RC_ERR_INVALID,
		                     "format '%s' is not available for quantities (jsonl, text)",
		                     rc_format_str(fmt));
	rc_quantity_writer *w = calloc(1, sizeof *w);
	if (!w)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	w->fp = fp;
	w->text = fmt == RC_FORMAT_TEXT;
	if (w->text)
		fprintf(fp, "%-6s %-11s %-8s %-22s %-7s %-14s %s\n", "LINE", "BYTES", "KIND",
		        "INTERVAL", "FLAGS", "QUALIFIER", "TEXT");
	*out = w;
	return io_check(fp, err);
}

/* s in a column of width characters (code points, not bytes: "∞"). */
static void pad(FILE *fp, const char *s, size_t width)
{
	size_t chars = 0;
	for (const char *p = s; *p; p++)
		if (((unsigned char)*p & 0xC0) != 0x80)
			chars++;
	fputs(s, fp);
	for (; chars < width; chars++)
		fputc(' ', fp);
	fputc(' ', fp);
}

/* The span as one line of text: control characters become spaces. */
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
		return rc__error_set(err, RC_ERR_INVALID, "quantity span %zu-%zu outside its text (%zu bytes)",
		                     q->start, q->end, len);
	char *text = span_text(base, q->start, q->end);
	if (!text)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	rc_status st = RC_OK;
	if (w->text) {
		char iv[96], bytes[32];
		rc_interval_str(&q->iv, iv, sizeof iv);
		if (q->iv.lo_inf && q->iv.hi_inf)
			strcpy(iv, "-");
		snprintf(bytes, sizeof bytes, "%zu-%zu", q->start, q->end);
		const char *flags = q->vague ? "vague" : q->approx ? "approx" : "-";
		fprintf(w->fp, "%-6zu %-11s %-8s ", line, bytes, rc_quantity_kind_str(q->kind));
		pad(w->fp, iv, 22);
		pad(w->fp, flags, 7);
		pad(w->fp, q->qualifier ? q->qualifier : "-", 14);
		fprintf(w->fp, "%s\n", text);
		free(text);
		return io_check(w->fp, err);
	}
	json_t *o = json_object();
	bool lo = !q->iv.lo_inf, hi = !q->iv.hi_inf;
	if (!o ||
	    (file && rc__json_set(o, "file", rc__json_str(file))) ||
	    rc__json_set(o, "line", json_integer((json_int_t)line)) ||
	    rc__json_set(o, "text", rc__json_str(text)) ||
	    rc__json_set(o, "start", json_integer((json_int_t)q->start)) ||
	    rc__json_set(o, "end", json_integer((json_int_t)q->end)) ||
	    rc__json_set(o, "kind", json_string(rc_quantity_kind_str(q->kind))) ||
	    rc__json_set(o, "lo", lo ? rc__json_number(q->iv.lo) : json_null()) ||
	    rc__json_set(o, "hi", hi ? rc__json_number(q->iv.hi) : json_null()) ||
	    rc__json_set(o, "lo_incl", json_boolean(lo && q->iv.lo_incl)) ||
	    rc__json_set(o, "hi_incl", json_boolean(hi && q->iv.hi_incl)) ||
	    rc__json_set(o, "approx", json_boolean(q->approx)) ||
	    rc__json_set(o, "vague", json_boolean(q->vague)) ||
	    rc__json_set(o, "qualifier", rc__json_str(q->qualifier)) ||
	    rc__json_set(o, "value", lo || hi ? rc__json_number(q->value) : json_null()))
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	else
		st = rc__json_write_line(w->fp, o, err);
	json_decref(o);
	free(text);
	return st;
}

rc_status rc_quantity_writer_finish(rc_quantity_writer *w, rc_error *err)
{
	if (fflush(w->fp) != 0)
		return rc__error_set(err, RC_ERR_IO, "write error: %s", strerror(errno ? errno : EIO));
	return io_check(w->fp, err);
}

void rc_quantity_writer_free(rc_quantity_writer *w)
{
	free(w);
}
