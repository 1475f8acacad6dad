/*
 * The document listing of `recount docs`: what was ingested, what was
 * skipped and why.  Streams one row per document.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <recount/report.h>
#include "core/core.h"
#include "core/json.h"
#include "report/report-priv.h"

struct rc_doc_writer {
	FILE *fp;
	rc_format fmt;
	size_t read, processed, skipped, bytes;
	bool any;
};


rc_status rc_doc_writer_new(rc_doc_writer **out, FILE *fp, rc_format fmt,
                            const rc_report_options *opts, rc_error *err)
{
	*out = NULL;
	if (rc__report_options_check(opts, err) != RC_OK)
		return RC_ERR_INVALID;
	if (fmt != RC_FORMAT_TEXT && fmt != RC_FORMAT_JSON)
		return rc__error_set(err, RC_ERR_INVALID,
		                     "format '%s' is not available for the document listing "
		                     "(text, json)", rc_format_str(fmt));
	rc_doc_writer *w = calloc(1, sizeof(*w));
	if (!w)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	w->fp = fp;
	w->fmt = fmt;
	if (fmt == RC_FORMAT_JSON)
		fputs("{\"schema\":\"recount.documents/1\",\"documents\":[\n", fp);
	else
		fprintf(fp, "%-28s %-16s %-10s %9s  %-7s %s\n", "DOCUMENT", "SOURCE", "PUBLISHED",
		        "BYTES", "STATUS", "NOTES");
	*out = w;
	return rc__io_check(fp, err);
}

/* s cleaned for a terminal, in a column of width characters, then a space
 * (a longer s pushes the rest of the row right rather than being cut). */
static void cell(FILE *fp, const char *s, size_t width, bool right)
{
	char *clean = rc_text_clean(s ? s : "-", s ? strlen(s) : 1, RC_TEXT_COLLAPSE);
	const char *t = clean ? clean : "?";
	size_t w = rc_text_width(t);
	if (right)
		for (; w < width; w++)
			fputc(' ', fp);
	fputs(t, fp);
	if (!right)
		for (; w < width; w++)
			fputc(' ', fp);
	free(clean);
}

static json_t *doc_json(const rc_document *doc)
{
	json_t *o = json_object();
	json_t *diags = json_array();
	if (!o || !diags)
		goto fail;
	if (rc__json_set(o, "id", rc__json_str(doc->id)) ||
	    rc__json_set(o, "path", rc__json_str(doc->path)) ||
	    rc__json_set(o, "record_line", doc->record_line ? json_integer((json_int_t)doc->record_line)
	                                                    : json_null()) ||
	    rc__json_set(o, "source", rc__json_str(doc->source)) ||
	    rc__json_set(o, "url", rc__json_str(doc->url)) ||
	    rc__json_set(o, "published", rc__json_str(doc->published)) ||
	    rc__json_set(o, "published_at", rc__json_str(doc->published_at)) ||
	    rc__json_set(o, "language", rc__json_str(doc->language)) ||
	    rc__json_set(o, "title", rc__json_str(doc->title)) ||
	    rc__json_set(o, "bytes", json_integer((json_int_t)doc->input_bytes)) ||
	    rc__json_set(o, "body_start", json_integer((json_int_t)doc->body_start)) ||
	    rc__json_set(o, "status", json_string(doc->status == RC_DOC_OK ? "processed" : "skipped")) ||
	    rc__json_set(o, "reason", rc__json_str(doc->reason)))
		goto fail;
	for (size_t i = 0; i < doc->n_diags; i++) {
		const rc_diag *d = &doc->diags[i];
		json_t *j = json_object();
		if (!j || json_array_append_new(diags, j) ||
		    rc__json_set(j, "severity", json_string(rc_severity_str(d->severity))) ||
		    rc__json_set(j, "path", rc__json_str(d->path)) ||
		    rc__json_set(j, "line", d->line ? json_integer((json_int_t)d->line) : json_null()) ||
		    rc__json_set(j, "column", d->column ? json_integer((json_int_t)d->column) : json_null()) ||
		    rc__json_set(j, "offset", d->offset != (size_t)-1 ? json_integer((json_int_t)d->offset)
		                                                      : json_null()) ||
		    rc__json_set(j, "message", rc__json_str(d->message)))
			goto fail;
	}
	if (rc__json_set(o, "diagnostics", diags))
		goto fail_o;
	return o;
fail:
	json_decref(diags);
fail_o:
	json_decref(o);
	return NULL;
}

rc_status rc_doc_writer_add(rc_doc_writer *w, const rc_document *doc, rc_error *err)
{
	w->read++;
	w->bytes += doc->input_bytes;
	if (doc->status == RC_DOC_OK)
		w->processed++;
	else
		w->skipped++;
	if (w->fmt == RC_FORMAT_JSON) {
		json_t *o = doc_json(doc);
		if (!o)
			return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		char *s = json_dumps(o, JSON_COMPACT);
		json_decref(o);
		if (!s)
			return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		fprintf(w->fp, "%s%s", w->any ? ",\n" : "", s);
		free(s);
	} else {
		char notes[160];
		size_t warnings = 0;
		for (size_t i = 0; i < doc->n_diags; i++)
			warnings += doc->diags[i].severity == RC_SEV_WARNING;
		if (doc->status != RC_DOC_OK)
			snprintf(notes, sizeof(notes), "%s", doc->reason ? doc->reason : "");
		else if (warnings)
			snprintf(notes, sizeof(notes), "%zu warning%s", warnings, warnings == 1 ? "" : "s");
		else
			notes[0] = '\0';
		char bytes[32];
		snprintf(bytes, sizeof bytes, "%zu", doc->input_bytes);
		cell(w->fp, doc->id, 28, false);
		fputc(' ', w->fp);
		cell(w->fp, doc->source, 16, false);
		fputc(' ', w->fp);
		cell(w->fp, doc->published, 10, false);
		fputc(' ', w->fp);
		cell(w->fp, bytes, 9, true);
		fputs("  ", w->fp);
		fputs(doc->status != RC_DOC_OK ? "skipped" : notes[0] ? "ok     " : "ok", w->fp);
		if (notes[0]) {
			fputc(' ', w->fp);
			rc_text_fputs(notes, w->fp, RC_TEXT_COLLAPSE);
		}
		fputc('\n', w->fp);
	}
	w->any = true;
	return rc__io_check(w->fp, err);
}

rc_status rc_doc_writer_finish(rc_doc_writer *w, rc_error *err)
{
	if (w->fmt == RC_FORMAT_JSON)
		fprintf(w->fp, "%s],\n\"totals\":{\"read\":%zu,\"processed\":%zu,\"skipped\":%zu,"
		        "\"bytes\":%zu}}\n", w->any ? "\n" : "", w->read, w->processed, w->skipped,
		        w->bytes);
	else
		fprintf(w->fp, "\n%zu document%s read, %zu processed, %zu skipped, %zu bytes\n",
		        w->read, w->read == 1 ? "" : "s", w->processed, w->skipped, w->bytes);
	fflush(w->fp);
	return rc__io_check(w->fp, err);
}

void rc_doc_writer_free(rc_doc_writer *w)
{
	free(w);
}
