/*
 * Internal: helpers shared by the renderers of src/report (reports,
 * conflict exports, check outputs).  Figures, intervals, sources and
 * locations are spelled the same way in every format, and every string
 * that comes from an article goes through one of the escapers here.
 */
#ifndef RC_REPORT_PRIV_H
#define RC_REPORT_PRIV_H

#include <stdio.h>
#include <recount/report.h>
#include <recount/reconcile.h>
#include "core/core.h"
#include "record/record-json.h"

/*
 * Where the tool's documentation lives, for SARIF's informationUri.  The
 * project has no public address yet; a build can set the real one with
 * -DRC_HOMEPAGE='"https://..."'.
 */
#ifndef RC_HOMEPAGE
#define RC_HOMEPAGE "https://recount.invalid/"
#endif

/* ---- numbers and intervals --------------------------------------------- */

/* A figure: "84", "1200", "2.5"; "∞" / "-∞" for infinities. */
void rc__num_str(char *buf, size_t n, double v);
/* "84" for a point, else "[84, 103]", "(90, ∞)", "[90, 100)". */
void rc__interval_report(const rc_interval *iv, char *buf, size_t n);
/* True when iv is one closed, finite point. */
bool rc__interval_is_point(const rc_interval *iv);

/* ---- claims in context ----------------------------------------------------- */

/* The outlet, else the document id. */
const char *rc__ref_source(const rc_claim_ref *r);
/* The publication date, or NULL. */
const char *rc__ref_date(const rc_claim_ref *r);
/* The file to cite: the input path, else the document id. */
const char *rc__ref_path(const rc_claim_ref *r);
/* The line to cite in that file (1-based). */
size_t rc__ref_line(const rc_claim_ref *r);
/* The column to cite, or 0 when it does not apply to the file (a JSON
 * Lines record, whose text is a decoded string). */
size_t rc__ref_column(const rc_claim_ref *r);
/* "path:line" into buf. */
void rc__ref_location(char *buf, size_t n, const rc_claim_ref *r);
/* A stable identity of a claim across runs: document id and figure text,
 * joined by U+001F.  Offsets are left out on purpose: an edit elsewhere in
 * an article must not make its old conflicts look new. */
void rc__ref_key(rc_buf *b, const rc_claim_ref *r);

/* Counts of conflicts per kind over the whole result. */
typedef struct rc__tally {
	size_t metrics, conflicts, contradictions, revisions, progressions, disputes, aggregates,
	       inconsistent;
} rc__tally;
void rc__tally_result(rc__tally *t, const rc_result *res);

/* "contradiction" -> "Contradiction" into buf. */
void rc__capitalise(char *buf, size_t n, const char *s);

/* ---- escaping ------------------------------------------------------------ */

/*
 * Append s as display text: invalid UTF-8 becomes U+FFFD, control
 * characters (C0, DEL, C1) and bidirectional overrides are dropped or
 * turned into spaces, and with collapse runs of white space become one
 * space (quotes are single sentences).  Terminal escapes in a hostile
 * article can then never reach a terminal, and reversed text cannot hide
 * what a line says.
 */
rc_status rc__clean_append(rc_buf *b, const char *s, bool collapse);
/* Same, for HTML and XML text and attribute values: & < > " ' escaped. */
rc_status rc__xml_append(rc_buf *b, const char *s);

/* ---- links to articles ------------------------------------------------------ */

/* True for an http or https URL, the only ones reports turn into links (a
 * javascript: or data: URL from a crawler stays text). */
bool rc__url_is_web(const char *url);
/* Append url with every byte that could end or break a link in the
 * output percent-encoded: controls, space, non-ASCII, and the bytes of
 * `unsafe` (e.g. "()<>|[]" for Markdown, "\"<>" for HTML). */
rc_status rc__url_append(rc_buf *b, const char *url, const char *unsafe);
/* What a chart or table calls a document: its outlet, else its title,
 * else its id. */
const char *rc__ref_label(const rc_claim_ref *r);

/* Number of characters (code points) of s. */
size_t rc__display_width(const char *s);

/* RC_ERR_IO when fp has an error. */
rc_status rc__io_check(FILE *fp, rc_error *err);

/* RC_ERR_INVALID for report options (NULL is fine: the defaults) of a
 * version this library does not know; every renderer checks its opts. */
rc_status rc__report_options_check(const rc_report_options *opts, rc_error *err);
/* The start of the rc_*_write() functions: opts checked as above, then
 * RC_ERR_INVALID "fn: missing" when fp or what is written (obj) is NULL. */
rc_status rc__write_args_check(const rc_report_options *opts, const FILE *fp, const void *obj,
                               const char *fn, const char *missing, rc_error *err);

/*
 * An output with a sticky status, so renderers can write without checking
 * every call: the first failure (out of memory, a write error) is kept and
 * later writes do nothing.  With a stream, text is buffered and flushed in
 * 64 KiB pieces; without one (fp NULL) it all stays in b, up to
 * RC__REPORT_MAX_BYTES.
 */
typedef struct rc__out {
	FILE *fp;
	rc_buf b;
	rc_status st;
	int io_errno;
} rc__out;

void rc__out_init(rc__out *o, FILE *fp);
void rc__out_dispose(rc__out *o);
void rc__outs(rc__out *o, const char *s);
void rc__outn(rc__out *o, const char *s, size_t n);
void rc__outc(rc__out *o, char c);
void rc__outf(rc__out *o, const char *fmt, ...) RC_PRINTF(2, 3);
/* s as display text (rc__clean_append, white space collapsed). */
void rc__out_clean(rc__out *o, const char *s);
/* s escaped for HTML/XML (rc__xml_append). */
void rc__out_xml(rc__out *o, const char *s);
/* Text for Markdown (a table cell or prose): clean, with | and backslashes
 * escaped and the characters that start Markdown markup neutralised. */
void rc__out_md(rc__out *o, const char *s);
/* For writers that append to o->b themselves (the streaming JSON writer):
 * note a failure of theirs and write the buffer out when it is large. */
void rc__out_poll(rc__out *o, bool failed);
/* Flush to the stream and report the sticky status as an error. */
rc_status rc__out_finish(rc__out *o, rc_error *err);

/* The largest output a renderer keeps in memory (1 GiB). */
#define RC__REPORT_MAX_BYTES ((size_t)1 << 30)

/* ---- limits of the reports for people (docs/report.md) -------------------- */

/* At most this many conflicts per metric in the text and Markdown reports
 * (disputes and contradictions first), then an "N more" line; the JSON
 * report and `recount conflicts` list every one. */
#define RC__REPORT_MAX_CONFLICTS 8
/* At most this many figures per conflict (the first ones and the last). */
#define RC__REPORT_MAX_SIDES 6
/* At most this many time windows in a timeline (the first ones and the
 * latest ones). */
#define RC__REPORT_MAX_WINDOWS 12
/* At most this many distinct figures in a Markdown figures table. */
#define RC__REPORT_MAX_FIGURES 20
/* At most this many document ids listed per event. */
#define RC__REPORT_MAX_DOCUMENTS 20

/* ---- conflict rows (recount conflicts, check) ---------------------------- */

/*
 * The claims of a conflict as pairs: a conflict of n claims (earliest
 * first) gives n-1 pairs of consecutive claims, so a revision chain
 * 103 -> 95 -> 84 reads as two steps.
 */
size_t rc__conflict_pairs(const rc_conflict *c);

/* "84 vs over 90" for a contradiction or a dispute, "103 → 95 → 84"
 * otherwise; at most RC__REPORT_MAX_SIDES figures ("… 3 more …"). */
rc_status rc__conflict_summary(rc_buf *b, const rc_conflict *c);

/* The event ids the result merged for ref (records keep their own local
 * ids), for the claim writer of src/record. */
rc__claim_ids rc__ref_ids(const rc_result *res, const rc_claim_ref *ref);

#endif
