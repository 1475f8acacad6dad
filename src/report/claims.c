/*
 * The claims table of `recount extract --format text`: one row per claim,
 * columns cut to their width by display width, every string cleaned for a
 * terminal.  (The JSON Lines form is the record format, src/record.)
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <recount/report.h>
#include "core/core.h"
#include "report/report-priv.h"

/* Print s, cleaned for a terminal, in a column of width characters, cut
 * (with "...") if longer; the last column is printed whole. */
static void column(FILE *fp, const char *s, size_t width, bool last)
{
	if (!s || !*s)
		s = "-";
	char *clean = rc_text_clean(s, strlen(s), RC_TEXT_COLLAPSE);
	const char *t = clean ? clean : "?";
	size_t chars = rc_text_width(t);
	if (chars > width && !last) {
		/* cut after width - 3 characters, at a character boundary */
		size_t cut = 0, seen = 0, len = strlen(t);
		while (cut < len && seen < width - 3) {
			cut++;
			while (cut < len && ((unsigned char)t[cut] & 0xC0) == 0x80)
				cut++;
			seen++;
		}
		fprintf(fp, "%.*s...", (int)cut, t);
		chars = width;
	} else {
		fputs(t, fp);
	}
	free(clean);
	if (!last)
		for (size_t i = chars; i <= width; i++)
			fputc(' ', fp);
}

rc_status rc_claim_table_header(FILE *fp, rc_error *err)
{
	static const struct { const char *name; size_t width; } cols[] = {
		{"DOCUMENT", 18}, {"LINE:COL", 9}, {"METRIC", 16}, {"FIGURE", 20},
		{"STATUS", 12}, {"SUBJECT", 14}, {"ATTRIBUTION", 28}, {"EVENT", 0},
	};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		column(fp, cols[i].name, cols[i].width, cols[i].width == 0);
	fputc('\n', fp);
	return rc__io_check(fp, err);
}

rc_status rc_claim_table_write(FILE *fp, const rc_record *rec, rc_error *err)
{
	for (size_t i = 0; i < rec->n_claims; i++) {
		const rc_claim *c = &rec->claims[i];
		char pos[48];
		snprintf(pos, sizeof(pos), "%zu:%" PRIu32, c->file_line, c->pos.column);
		column(fp, rec->doc, 18, false);
		column(fp, pos, 9, false);
		column(fp, c->metric, 16, false);
		column(fp, c->text, 20, false);
		column(fp, rc_claim_status_str(c->status), 12, false);
		column(fp, c->subject, 14, false);
		column(fp, c->attribution, 28, false);
		column(fp, c->event, 0, true);
		fputc('\n', fp);
	}
	return rc__io_check(fp, err);
}
