/*
 * Conflict exports (`recount conflicts`): one row per pair of figures in
 * conflict, for spreadsheets and databases.  The columns are stable and
 * documented in docs/report.md ("recount conflicts"); a conflict of n figures gives
 * n-1 rows tied together by the "conflict" column: consecutive figures (a
 * revision chain 103 -> 95 -> 84 reads as two steps, a contradiction from
 * its lowest figure up), or for a dispute the current figure's side
 * against each other side.  Each side is the claim that stands for its
 * figure, with the number of reports that give the figure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "reconcile/why-priv.h"
#include "report/report-priv.h"

/* The columns, in order.  Append only: consumers index them by name. */
static const char *const columns[] = {
	"event", "event_label", "metric", "conflict", "kind",
	"figure_a", "lo_a", "hi_a", "status_a", "source_a", "date_a", "attribution_a", "location_a", "quote_a",
	"figure_b", "lo_b", "hi_b", "status_b", "source_b", "date_b", "attribution_b", "location_b", "quote_b",
	"why",
	"url_a", "title_a", "url_b", "title_b",
	"window", "reports_a", "reports_b",
};
#define N_COLUMNS (sizeof columns / sizeof columns[0])

typedef struct row {
	char *cell[N_COLUMNS];
} row;

static char *dup_clean(const char *s)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	if (rc__clean_append(&b, s ? s : "", true) != RC_OK || rc__buf_putc(&b, 0) != RC_OK) {
		rc__buf_dispose(&b);
		return NULL;
	}
	return b.data;
}

static char *dup_num(double v, bool inf)
{
	if (inf)
		return rc__strdup("");
	char buf[48];
	rc__snprintf(buf, sizeof buf, "%.15g", v);
	return rc__strdup(buf);
}

static bool fill_side(row *r, size_t base, const rc_claim_ref *c)
{
	char loc[1024];
	rc__ref_location(loc, sizeof loc, c);
	r->cell[base + 0] = dup_clean(c->claim->text);
	r->cell[base + 1] = dup_num(c->effective->lo, c->effective->lo_inf);
	r->cell[base + 2] = dup_num(c->effective->hi, c->effective->hi_inf);
	r->cell[base + 3] = rc__strdup(rc_claim_status_str(c->claim->status));
	r->cell[base + 4] = dup_clean(rc__ref_source(c));
	r->cell[base + 5] = rc__strdup(rc__ref_date(c) ? rc__ref_date(c) : "");
	r->cell[base + 6] = dup_clean(c->claim->attribution);
	r->cell[base + 7] = dup_clean(loc);
	r->cell[base + 8] = dup_clean(c->claim->quote);
	for (size_t i = 0; i < 9; i++)
		if (!r->cell[base + i])
			return false;
	return true;
}

static void row_free(row *r)
{
	for (size_t i = 0; i < N_COLUMNS; i++)
		free(r->cell[i]);
}

/* A cell a spreadsheet would run as a formula gets a leading quote (OWASP). */
static bool formula_like(const char *s)
{
	return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r';
}

static bool is_numeric_column(size_t col)
{
	return col == 3 || col == 6 || col == 7 || col == 15 || col == 16 || col == 29 || col == 30;
}

static void csv_cell(rc__out *o, const char *s, size_t col)
{
	bool guard = !is_numeric_column(col) && formula_like(s);
	bool quote = guard || strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		rc__outc(o, '"');
	if (guard)
		rc__outc(o, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			rc__outc(o, '"');
		rc__outc(o, *p);
	}
	if (quote)
		rc__outc(o, '"');
}

static void tsv_cell(rc__out *o, const char *s, size_t col)
{
	if (!is_numeric_column(col) && formula_like(s))
		rc__outc(o, '\'');
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '\t': rc__outs(o, "\\t"); break;
		case '\n': rc__outs(o, "\\n"); break;
		case '\r': rc__outs(o, "\\r"); break;
		case '\\': rc__outs(o, "\\\\"); break;
		default: rc__outc(o, *p);
		}
	}
}

static void json_cell(rc__out *o, const char *s, size_t col)
{
	if (is_numeric_column(col) && col != 3 && col != 29 && col != 30) {
		rc__outs(o, *s ? s : "null");
		return;
	}
	if (col == 3 || col == 29 || col == 30) {
		rc__outs(o, s);
		return;
	}
	rc__outc(o, '"');
	for (const char *p = s; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '"' || ch == '\\') {
			rc__outc(o, '\\');
			rc__outc(o, (char)ch);
		} else if (ch < 0x20) {
			rc__outf(o, "\\u%04X", ch);
		} else {
			rc__outc(o, (char)ch);
		}
	}
	rc__outc(o, '"');
}

static void write_row(rc__out *o, rc_format fmt, const row *r, bool first)
{
	if (fmt == RC_FORMAT_JSON) {
		rc__outs(o, first ? "\n{" : ",\n{");
		for (size_t i = 0; i < N_COLUMNS; i++) {
			rc__outf(o, "%s\"%s\":", i ? "," : "", columns[i]);
			json_cell(o, r->cell[i], i);
		}
		rc__outc(o, '}');
		return;
	}
	if (fmt == RC_FORMAT_MD)
		rc__outs(o, "| ");
	for (size_t i = 0; i < N_COLUMNS; i++) {
		if (i)
			rc__outs(o, fmt == RC_FORMAT_CSV ? "," : fmt == RC_FORMAT_TSV ? "\t" : " | ");
		if (fmt == RC_FORMAT_CSV)
			csv_cell(o, r->cell[i], i);
		else if (fmt == RC_FORMAT_TSV)
			tsv_cell(o, r->cell[i], i);
		else
			rc__out_md(o, r->cell[i]);
	}
	rc__outs(o, fmt == RC_FORMAT_CSV ? "\r\n" : fmt == RC_FORMAT_MD ? " |\n" : "\n");
}

rc_status rc_conflicts_write(FILE *fp, const rc_result *res, rc_format fmt,
                             const rc_report_options *opts, rc_error *err)
{
	rc_status st = rc__write_args_check(opts, fp, res, "rc_conflicts_write", "no stream or result", err);
	if (st != RC_OK)
		return st;
	if (fmt != RC_FORMAT_CSV && fmt != RC_FORMAT_TSV && fmt != RC_FORMAT_JSON && fmt != RC_FORMAT_MD)
		return rc__error_set(err, RC_ERR_INVALID,
		                     "format '%s' is not available for conflicts (csv, tsv, json, md)",
		                     rc_format_str(fmt));
	rc__out o;
	rc__out_init(&o, fp);
	/* header */
	if (fmt == RC_FORMAT_JSON) {
		rc__outs(&o, "{\"schema\":\"recount.conflicts/1\",\"conflicts\":[");
	} else {
		if (fmt == RC_FORMAT_MD)
			rc__outs(&o, "| ");
		for (size_t i = 0; i < N_COLUMNS; i++) {
			if (i)
				rc__outs(&o, fmt == RC_FORMAT_CSV ? "," : fmt == RC_FORMAT_TSV ? "\t" : " | ");
			rc__outs(&o, columns[i]);
		}
		rc__outs(&o, fmt == RC_FORMAT_CSV ? "\r\n" : fmt == RC_FORMAT_MD ? " |\n" : "\n");
		if (fmt == RC_FORMAT_MD) {
			rc__outs(&o, "|");
			for (size_t i = 0; i < N_COLUMNS; i++)
				rc__outs(&o, "---|");
			rc__outc(&o, '\n');
		}
	}
	size_t id = 0;
	bool first = true, nomem = false;
	for (size_t e = 0; e < res->n_events && !nomem; e++) {
		const rc_event *ev = &res->events[e];
		for (size_t m = 0; m < ev->n_metrics && !nomem; m++) {
			const rc_metric_result *mr = &ev->metrics[m];
			for (size_t k = 0; k < mr->n_conflicts && !nomem; k++) {
				const rc_conflict *cf = &mr->conflicts[k];
				id++;
				for (size_t p = 0; p + 1 < cf->n_claims; p++) {
					/* a dispute: the current figure's side against each other side */
					size_t x = cf->kind == RC_CONFLICT_DISPUTE ? 0 : p, y = p + 1;
					row r = {{0}};
					char idbuf[32], ra[32], rb[32];
					snprintf(idbuf, sizeof idbuf, "%zu", id);
					snprintf(ra, sizeof ra, "%zu", (size_t)cf->figures[x]->n_claims);
					snprintf(rb, sizeof rb, "%zu", (size_t)cf->figures[y]->n_claims);
					r.cell[0] = dup_clean(ev->id);
					r.cell[1] = dup_clean(ev->label);
					r.cell[2] = dup_clean(mr->metric);
					r.cell[3] = rc__strdup(idbuf);
					r.cell[4] = rc__strdup(rc_conflict_kind_str(cf->kind));
					rc_buf wb;
					rc__buf_init(&wb, 0);
					r.cell[23] = dup_clean(rc__conflict_why(&wb, cf));
					rc__buf_dispose(&wb);
					/* the articles, to click through to (added after the
					 * first columns: columns are only ever appended) */
					r.cell[24] = dup_clean(cf->claims[x]->rec->url);
					r.cell[25] = dup_clean(cf->claims[x]->rec->title);
					r.cell[26] = dup_clean(cf->claims[y]->rec->url);
					r.cell[27] = dup_clean(cf->claims[y]->rec->title);
					/* the figures: a contradiction's day, reports behind each */
					r.cell[28] = rc__strdup(cf->date ? cf->date : "");
					r.cell[29] = rc__strdup(ra);
					r.cell[30] = rc__strdup(rb);
					bool ok = r.cell[0] && r.cell[1] && r.cell[2] && r.cell[3] && r.cell[4] &&
					          r.cell[23] && r.cell[24] && r.cell[25] && r.cell[26] && r.cell[27] &&
					          r.cell[28] && r.cell[29] && r.cell[30] && fill_side(&r, 5, cf->claims[x]) &&
					          fill_side(&r, 14, cf->claims[y]);
					if (ok)
						write_row(&o, fmt, &r, first);
					else
						nomem = true;
					first = false;
					row_free(&r);
				}
			}
		}
	}
	if (fmt == RC_FORMAT_JSON)
		rc__outs(&o, first ? "]}\n" : "\n]}\n");
	if (nomem) {
		rc__out_finish(&o, err);
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	} else {
		st = rc__out_finish(&o, err);
	}
	rc__out_dispose(&o);
	return st;
}
