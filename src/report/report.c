/*
 * Reports for people: `recount report` as terminal text, Markdown and one
 * self-contained HTML page.  All three say the same things in the same
 * order (docs/report.md): a summary; per event its label, date, place and
 * documents; per metric the range, core, best estimate with low and high,
 * documents and independent origins; the conflicts with both sides'
 * quotes, sources, dates and file:line; aggregates checked against their
 * parts; and the claims that no event took.  Every string from an article
 * goes through the escapers of util.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "reconcile/why-priv.h"
#include "report/report-priv.h"

/* ---- shared ----------------------------------------------------------------- */

/* ANSI styles, used only with opts->color. */
#define C_BOLD "\x1b[1m"
#define C_DIM "\x1b[2m"
#define C_RED "\x1b[31m"
#define C_YELLOW "\x1b[33m"
#define C_CYAN "\x1b[36m"
#define C_OFF "\x1b[0m"

typedef struct ctx {
	rc__out o;
	const rc_result *res;
	bool color;
	bool all_events;       /* list events with no figures too */
	unsigned width;        /* text: wrap to this many columns; 0: never */
	/* Terminal columns of a string: every alignment of the text report goes
	 * through it (display width, not bytes). */
	size_t (*text_width)(const char *s);
	/* text: widths of the metric, range and best columns, wide enough for
	 * the longest of each in the report, so that columns line up */
	size_t metric_w, range_w, best_w;
} ctx;

static void style(ctx *c, const char *code)
{
	if (c->color)
		rc__outs(&c->o, code);
}

/* The figure of a claim as the report shows it: its text, with the status
 * when it is not current. */
static void figure(rc_buf *b, const rc_claim_ref *r)
{
	rc__clean_append(b, r->claim->text, true);
	if (r->claim->status != RC_CLAIM_CURRENT) {
		rc__buf_puts(b, " (");
		rc__buf_puts(b, rc_claim_status_str(r->claim->status));
		rc__buf_puts(b, ")");
	}
}

/* "kerman-... (Kerman, 2024-01-03)" pieces as one line of plain text. */
static void event_where(rc_buf *b, const rc_event *ev)
{
	bool any = false;
	if (ev->place) {
		rc__clean_append(b, ev->place, true);
		any = true;
	}
	if (ev->date) {
		if (any)
			rc__buf_puts(b, ", ");
		rc__clean_append(b, ev->date, true);
		any = true;
	}
	if (!any)
		rc__buf_puts(b, "place and date unknown");
}

/* The figure to show as current.  When best is the current figure (the
 * default rule) and that figure is not exact ("more than 150", "nearly
 * 100", "dozens"), it is shown as its report wrote it, first letter in
 * lower case: best as a bare number would claim a precision nobody
 * reported.  Otherwise best, as a number. */
static void current_str(char *buf, size_t n, const rc_metric_result *m)
{
	const rc_quantity *q = m->current ? &m->current->claim->q : NULL;
	bool exact = q && !q->approx && !q->vague && q->iv.lo == q->iv.hi && !q->iv.lo_inf &&
	             !q->iv.hi_inf;
	if (!q || exact || m->best != m->current_value) {
		rc__num_str(buf, n, m->best);
		return;
	}
	rc_buf b;
	rc__buf_init(&b, 0);
	rc__clean_append(&b, m->current->claim->text, true);
	if (b.data && b.data[0] >= 'A' && b.data[0] <= 'Z')
		b.data[0] = (char)(b.data[0] - 'A' + 'a');
	snprintf(buf, n, "%s", b.data ? b.data : "");
	rc__buf_dispose(&b);
}

static void estimates(char *buf, size_t n, const rc_metric_result *m)
{
	if (!m->has_estimates) {
		snprintf(buf, n, "-");
		return;
	}
	char lo[48], best[64], hi[48];
	rc__num_str(lo, sizeof lo, m->low);
	current_str(best, sizeof best, m);
	rc__num_str(hi, sizeof hi, m->high);
	if (m->low == m->best && m->best == m->high)
		snprintf(buf, n, "%s", best);
	else
		snprintf(buf, n, "%s (%s-%s)", best, lo, hi);
}

/* A metric's range, core ("nothing" when empty) and estimates as text. */
typedef struct metric_strs {
	char range[96], core[96], best[192];
} metric_strs;

static void metric_strings(metric_strs *ms, const rc_metric_result *m)
{
	rc__interval_report(&m->range, ms->range, sizeof ms->range);
	if (m->has_core)
		rc__interval_report(&m->core, ms->core, sizeof ms->core);
	else
		snprintf(ms->core, sizeof ms->core, "nothing");
	estimates(ms->best, sizeof ms->best, m);
}

/* The largest finite bound among a metric's claims, for scales. */
static double metric_scale(const rc_metric_result *m)
{
	double top = 0;
	for (size_t i = 0; i < m->n_claims; i++) {
		const rc_interval *iv = m->claims[i]->effective;
		if (!iv->hi_inf && iv->hi > top)
			top = iv->hi;
		if (!iv->lo_inf && iv->lo > top)
			top = iv->lo;
	}
	return top > 0 ? top * 1.15 : 1;
}

/* ---- terminal text ------------------------------------------------------------ */

/* A bar of w cells over [0, scale]: the range as ─, the core as █. */
static void range_bar(ctx *c, const rc_metric_result *m, unsigned w)
{
	double scale = metric_scale(m);
	double lo = m->range.lo_inf ? 0 : m->range.lo, hi = m->range.hi_inf ? scale : m->range.hi;
	double clo = m->has_core ? (m->core.lo_inf ? 0 : m->core.lo) : -1;
	double chi = m->has_core ? (m->core.hi_inf ? scale : m->core.hi) : -2;
	rc__outs(&c->o, "\xe2\x96\x95"); /* ▕ */
	for (unsigned i = 0; i < w; i++) {
		double a = scale * i / w, b = scale * (i + 1) / w;
		bool in_range = b > lo && a <= hi;
		bool in_core = m->has_core && b > clo && a <= chi;
		if (in_core) {
			style(c, C_CYAN);
			rc__outs(&c->o, "\xe2\x96\x88"); /* █ */
			style(c, C_OFF);
		} else if (in_range) {
			rc__outs(&c->o, "\xe2\x94\x80"); /* ─ */
		} else {
			rc__outc(&c->o, ' ');
		}
	}
	rc__outs(&c->o, m->range.hi_inf ? "\xe2\x96\xb6" : "\xe2\x96\x8f"); /* ▶ or ▏ */
}

/* Whether an event is listed: one with no figures (no metric, no
 * aggregate) is left out of the reports for people unless all_events. */
static bool shown(const ctx *c, const rc_event *ev)
{
	return c->all_events || ev->n_metrics || ev->n_aggregates;
}

/* The first event listed from index e on (shown()), or n_events: the
 * events listed are for (e = shown_from(c, 0); e < n; e = shown_from(c, e + 1)). */
static size_t shown_from(const ctx *c, size_t e)
{
	while (e < c->res->n_events && !shown(c, &c->res->events[e]))
		e++;
	return e;
}

static size_t hidden_events(const ctx *c)
{
	size_t n = 0;
	for (size_t e = 0; e < c->res->n_events; e++)
		n += !shown(c, &c->res->events[e]);
	return n;
}

/* Print s (cleaned) padded to width display columns (at least one space after). */
static void padded(ctx *c, const char *s, size_t width)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	rc__clean_append(&b, s, true);
	const char *t = b.data ? b.data : "";
	rc__outs(&c->o, t);
	size_t w = c->text_width(t);
	do
		rc__outc(&c->o, ' ');
	while (++w < width);
	rc__buf_dispose(&b);
}

/* In text handed to wrap(), a space that must not be broken ("nearly
 * 100 (2024-01-19)" stays on one line); written as a space. */
#define GLUE '\x01'

/*
 * Clean text s (see wrapped()) from column col on, wrapped at spaces so
 * that no line passes c->width columns; continuation lines start with
 * indent spaces.  A word longer than a line is not cut.  Returns the
 * column after the last character.  With width 0 the text stays on one
 * line.
 */
static size_t wrap(ctx *c, const char *p, size_t col, size_t indent)
{
	/* a narrow terminal: continuation lines start further left rather
	 * than leaving a column a word wide */
	if (c->width && indent + 30 > c->width)
		indent = c->width > 36 ? 6 : 0;
	rc_buf word;
	rc__buf_init(&word, 0);
	bool first = true;
	while (*p) {
		size_t len = strcspn(p, " ");
		rc__buf_reset(&word);
		rc__buf_append(&word, p, len);
		for (size_t i = 0; i < word.len; i++)
			if (word.data[i] == GLUE)
				word.data[i] = ' ';
		size_t w = c->text_width(word.data ? word.data : "");
		if (c->width && col + !first + w > c->width && col > indent) {
			rc__outc(&c->o, '\n');
			for (size_t i = 0; i < indent; i++)
				rc__outc(&c->o, ' ');
			col = indent;
		} else if (!first) {
			rc__outc(&c->o, ' ');
			col++;
		}
		rc__outn(&c->o, word.data ? word.data : "", word.len);
		col += w;
		first = false;
		p += len;
		p += strspn(p, " ");
	}
	rc__buf_dispose(&word);
	return col;
}

/* s cleaned for a terminal (white space collapsed), then wrap()ped. */
static size_t wrapped(ctx *c, const char *s, size_t col, size_t indent)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	rc__clean_append(&b, s, true);
	col = wrap(c, b.data ? b.data : "", col, indent);
	rc__buf_dispose(&b);
	return col;
}

/* Append cleaned s with its spaces glued (never broken). */
static void append_glued(rc_buf *b, const char *s)
{
	size_t from = b->len;
	rc__clean_append(b, s, true);
	for (size_t i = from; i < b->len; i++)
		if (b->data[i] == ' ')
			b->data[i] = GLUE;
}

/* A claim: figure, outlet, date, whom it cites, file:line, and with
 * reports > 1 how many reports give the figure; then its quote. */
static void text_claim_line_n(ctx *c, const rc_claim_ref *r, const char *indent, size_t reports)
{
	char loc[1024];
	rc_buf b;
	rc__buf_init(&b, 0);
	figure(&b, r);
	rc__outs(&c->o, indent);
	style(c, C_BOLD);
	padded(c, b.data ? b.data : "", 14);
	style(c, C_OFF);
	rc__outc(&c->o, ' ');
	rc__ref_location(loc, sizeof loc, r);
	if (c->width) {
		/* wrapped to the terminal: outlet, date, source, then the location
		 * (unbroken) and the reports, without styles inside */
		size_t col = strlen(indent) + 15, w = c->text_width(b.data ? b.data : "");
		if (w > 14)
			col += w - 14;
		rc_buf h;
		rc__buf_init(&h, 0);
		rc__clean_append(&h, rc__ref_source(r), true);
		if (rc__ref_date(r))
			rc__buf_printf(&h, ", %s", rc__ref_date(r));
		if (r->claim->attribution) {
			rc__buf_puts(&h, ", citing ");
			rc__clean_append(&h, r->claim->attribution, true);
		}
		rc__buf_puts(&h, "  ");
		append_glued(&h, loc);
		if (reports > 1)
			rc__buf_printf(&h, "  [%zu%creports]", reports, GLUE);
		wrap(c, h.data ? h.data : "", col, strlen(indent) + 4);
		rc__buf_dispose(&h);
		rc__outc(&c->o, '\n');
	} else {
		rc__out_clean(&c->o, rc__ref_source(r));
		const char *date = rc__ref_date(r);
		if (date) {
			rc__outs(&c->o, ", ");
			rc__outs(&c->o, date);
		}
		if (r->claim->attribution) {
			rc__outs(&c->o, ", citing ");
			rc__out_clean(&c->o, r->claim->attribution);
		}
		rc__outs(&c->o, "  ");
		style(c, C_DIM);
		rc__out_clean(&c->o, loc);
		if (reports > 1)
			rc__outf(&c->o, "  [%zu reports]", reports);
		style(c, C_OFF);
		rc__outc(&c->o, '\n');
	}
	/* the quote, wrapped under its opening mark */
	rc__outs(&c->o, indent);
	rc__outs(&c->o, "    \xe2\x80\x9c");
	size_t in = strlen(indent) + 5;
	rc_buf q;
	rc__buf_init(&q, 0);
	rc__clean_append(&q, r->claim->quote, true);
	rc__buf_puts(&q, "\xe2\x80\x9d");
	wrapped(c, q.data, in, in);
	rc__outc(&c->o, '\n');
	rc__buf_dispose(&q);
	rc__buf_dispose(&b);
}

static void text_claim_line(ctx *c, const rc_claim_ref *r, const char *indent)
{
	text_claim_line_n(c, r, indent, 0);
}

/* Lines under a metric start in its range column. */
static void sub_indent(ctx *c)
{
	for (size_t i = 0; i < 2 + c->metric_w; i++)
		rc__outc(&c->o, ' ');
}

/* The metric, range and best columns as wide as the widest of each. */
static void column_widths(ctx *c)
{
	c->metric_w = 12;
	c->range_w = 16;
	c->best_w = 16;
	for (size_t e = shown_from(c, 0); e < c->res->n_events; e = shown_from(c, e + 1)) {
		const rc_event *ev = &c->res->events[e];
		for (size_t m = 0; m < ev->n_metrics; m++) {
			metric_strs ms;
			metric_strings(&ms, &ev->metrics[m]);
			size_t w = c->text_width(ev->metrics[m].metric) + 1;
			if (w > c->metric_w)
				c->metric_w = w;
			if ((w = c->text_width(ms.range) + 1) > c->range_w)
				c->range_w = w;
			if ((w = c->text_width(ms.best) + 1) > c->best_w)
				c->best_w = w;
		}
	}
}

/* The time windows of a metric's figures: figures [start[i], start[i+1])
 * share one (figures are sorted by window, undated last).  Returns how many;
 * start has room for n_figures + 1. */
static size_t windows_of(const rc_metric_result *m, size_t *start)
{
	size_t k = 0;
	for (size_t g = 0; g < m->n_figures; g++) {
		const char *d = m->figures[g].date, *p = g ? m->figures[g - 1].date : NULL;
		if (g == 0 || (d == NULL) != (p == NULL) || (d && strcmp(d, p) != 0))
			start[k++] = g;
	}
	start[k] = m->n_figures;
	return k;
}

/* The figure a timeline shows for the window [a, b): the one that leads it,
 * else its first current one, else its first; *reports and *others count
 * the window's reports and its other figures. */
static const rc_figure *window_figure(const rc_metric_result *m, size_t a, size_t b, size_t *reports,
                                      size_t *others)
{
	const rc_figure *f = NULL;
	*reports = 0;
	*others = b - a - 1;
	for (size_t g = a; g < b; g++) {
		const rc_figure *x = &m->figures[g];
		*reports += x->n_claims;
		if (x->leads || (!f && x->status == RC_CLAIM_CURRENT && !x->revised))
			f = x->leads || !f ? x : f;
	}
	return f ? f : &m->figures[a];
}

/* Which windows a timeline prints: all when they are few, else the first
 * ones and the latest ones. */
static bool window_shown(size_t i, size_t n, size_t *skipped_at)
{
	if (n <= RC__REPORT_MAX_WINDOWS)
		return true;
	size_t head = RC__REPORT_MAX_WINDOWS / 3, tail = RC__REPORT_MAX_WINDOWS - head;
	*skipped_at = head;
	return i < head || i >= n - tail;
}

/* " [revised later]" for a figure a later report revised, " [superseded]"
 * for one its own report replaced, else "". */
static const char *figure_mark(const rc_figure *f)
{
	return f->revised ? " [revised later]" : f->status == RC_CLAIM_SUPERSEDED ? " [superseded]" : "";
}

/* "Outlet, citing X" of the claim a figure is quoted by. */
static void figure_who(rc_buf *b, const rc_figure *f)
{
	rc__clean_append(b, rc__ref_source(f->lead), true);
	if (f->lead->claim->attribution) {
		rc__buf_puts(b, ", citing ");
		rc__clean_append(b, f->lead->claim->attribution, true);
	}
}

/* The timeline in one string of glued entries, for wrap(): per time window
 * its date, its figure, outlet and source, reports and other figures;
 * undated reports last. */
static bool timeline_text(const rc_metric_result *m, rc_buf *b)
{
	size_t *start = malloc((m->n_figures + 1) * sizeof *start);
	if (!start)
		return false;
	size_t n = windows_of(m, start), skipped_at = SIZE_MAX;
	bool any = n > 1 || (n == 1 && start[1] - start[0] > 1);
	for (size_t i = 0; any && i < n; i++) {
		if (!window_shown(i, n, &skipped_at)) {
			if (i == skipped_at)
				rc__buf_printf(b, " \xe2\x86\x92 \xe2\x80\xa6%c%zu%cmore%c\xe2\x80\xa6", GLUE,
				               n - RC__REPORT_MAX_WINDOWS, GLUE, GLUE);
			continue;
		}
		size_t reports, others;
		const rc_figure *f = window_figure(m, start[i], start[i + 1], &reports, &others);
		if (i)
			rc__buf_puts(b, f->date ? " \xe2\x86\x92 " : "; undated: ");
		if (f->date) {
			if (f->estimated) /* estimated from the text: no earlier than */
				rc__buf_puts(b, "\xe2\x89\xa5");
			rc__buf_puts(b, f->date);
			rc__buf_putc(b, GLUE);
		}
		append_glued(b, f->lead->claim->text);
		append_glued(b, figure_mark(f));
		rc__buf_putc(b, ' ');
		rc_buf who;
		rc__buf_init(&who, 0);
		figure_who(&who, f);
		if (reports > 1)
			rc__buf_printf(&who, "; %zu reports", reports);
		if (others)
			rc__buf_printf(&who, "; %zu other figure%s", others, others == 1 ? "" : "s");
		/* the date and figure stay together; what follows may wrap */
		rc__buf_putc(b, '(');
		rc__buf_puts(b, who.data ? who.data : "");
		rc__buf_putc(b, ')');
		rc__buf_dispose(&who);
	}
	free(start);
	return any;
}

/* The claims that stand for a conflict's figures, the first ones and the
 * last one when there are many. */
static void text_conflict_claims(ctx *c, const rc_conflict *cf)
{
	size_t n = cf->n_claims, head = n > RC__REPORT_MAX_SIDES ? RC__REPORT_MAX_SIDES - 1 : n;
	for (size_t i = 0; i < n; i++) {
		if (i >= head && i + 1 < n) {
			if (i == head)
				rc__outf(&c->o, "      \xe2\x80\xa6 %zu more figure%s\n", n - head - 1, n - head - 1 == 1 ? "" : "s");
			continue;
		}
		text_claim_line_n(c, cf->claims[i], "      ", cf->figures[i]->n_claims);
	}
}

/* "… 12 more conflicts (3 contradictions, 9 revisions)" */
static void more_conflicts(rc__out *o, const rc_metric_result *m, size_t shown)
{
	if (m->n_conflicts <= shown)
		return;
	size_t k[4] = {0};
	for (size_t i = shown; i < m->n_conflicts; i++)
		if ((unsigned)m->conflicts[i].kind < 4)
			k[m->conflicts[i].kind]++;
	static const char *const names[4][2] = {{"contradiction", "contradictions"}, {"revision", "revisions"},
	                                        {"progression", "progressions"}, {"dispute", "disputes"}};
	size_t more = m->n_conflicts - shown;
	rc__outf(o, "\xe2\x80\xa6 %zu more conflict%s (", more, more == 1 ? "" : "s");
	bool first = true;
	for (int x = 0; x < 4; x++)
		if (k[x]) {
			rc__outf(o, "%s%zu %s", first ? "" : ", ", k[x], names[x][k[x] != 1]);
			first = false;
		}
	rc__outs(o, "): recount report --format json lists every one");
}

static void text_metric(ctx *c, const rc_metric_result *m)
{
	char range[96], best[192], core[96];
	rc__interval_report(&m->range, range, sizeof range);
	estimates(best, sizeof best, m);
	rc__outs(&c->o, "  ");
	style(c, C_BOLD);
	padded(c, m->metric, c->metric_w);
	style(c, C_OFF);
	/* the current figure first (best: the current figure by default, with
	 * the credible low and high), then the range */
	rc__outs(&c->o, "current ");
	style(c, C_BOLD);
	padded(c, best, c->best_w);
	style(c, C_OFF);
	rc__outs(&c->o, "range ");
	padded(c, range, c->range_w);
	rc__outf(&c->o, " %zu doc%s, %zu origin%s  ", m->documents, m->documents == 1 ? "" : "s",
	         m->origins, m->origins == 1 ? "" : "s");
	range_bar(c, m, 20);
	rc__outc(&c->o, '\n');
	/* the claim quoted for the current figure, and why it is the one */
	if (m->current) {
		text_claim_line(c, m->current, "      ");
		rc_buf wb;
		rc__buf_init(&wb, 0);
		const char *why = rc__current_why(&wb, m);
		if (why) {
			rc__outs(&c->o, "      why: ");
			wrapped(c, why, 11, 11);
			rc__outc(&c->o, '\n');
		}
		rc__buf_dispose(&wb);
	}
	if (m->has_core && !rc_interval_equal(&m->core, &m->range)) {
		rc__interval_report(&m->core, core, sizeof core);
		sub_indent(c);
		char line[160];
		snprintf(line, sizeof line, "all current figures agree on %s", core);
		wrapped(c, line, 2 + c->metric_w, 2 + c->metric_w);
		rc__outc(&c->o, '\n');
	} else if (!m->has_core && m->n_claims > 1) {
		sub_indent(c);
		wrapped(c, m->increments ? "increments: each adds to the total, none is compared with another"
		                         : "the current figures have no value in common",
		        2 + c->metric_w, 2 + c->metric_w);
		rc__outc(&c->o, '\n');
	}
	rc_buf tl;
	rc__buf_init(&tl, 0);
	if (timeline_text(m, &tl)) {
		sub_indent(c);
		rc__outs(&c->o, "timeline: ");
		wrap(c, tl.data ? tl.data : "", 2 + c->metric_w + 10, 2 + c->metric_w + 10);
		rc__outc(&c->o, '\n');
	}
	rc__buf_dispose(&tl);
	size_t shown_n = m->n_conflicts < RC__REPORT_MAX_CONFLICTS ? m->n_conflicts : RC__REPORT_MAX_CONFLICTS;
	for (size_t k = 0; k < shown_n; k++) {
		const rc_conflict *cf = &m->conflicts[k];
		bool alarm = cf->kind == RC_CONFLICT_CONTRADICTION || cf->kind == RC_CONFLICT_DISPUTE;
		rc__outs(&c->o, "    ");
		style(c, alarm ? C_RED : C_YELLOW);
		rc__outs(&c->o, alarm ? "\xe2\x9c\x97 " : "\xe2\x80\xa2 ");
		rc__outs(&c->o, rc_conflict_kind_str(cf->kind));
		style(c, C_OFF);
		size_t col = 6 + strlen(rc_conflict_kind_str(cf->kind));
		if (cf->date) {
			rc__outf(&c->o, " on %s", cf->date);
			col += 4 + strlen(cf->date);
		}
		rc__outs(&c->o, ": ");
		rc_buf b;
		rc__buf_init(&b, 0);
		rc__conflict_summary(&b, cf);
		rc_buf wb;
		rc__buf_init(&wb, 0);
		const char *why = rc__conflict_why(&wb, cf);
		if (why) {
			rc__buf_puts(&b, ". ");
			rc__clean_append(&b, why, true);
		}
		rc__buf_dispose(&wb);
		wrapped(c, b.data ? b.data : "", col + 2, 6);
		rc__buf_dispose(&b);
		rc__outc(&c->o, '\n');
		text_conflict_claims(c, cf);
	}
	if (m->n_conflicts > shown_n) {
		rc__out tmp;
		rc__out_init(&tmp, NULL);
		more_conflicts(&tmp, m, shown_n);
		rc__outs(&c->o, "    ");
		wrapped(c, tmp.b.data ? tmp.b.data : "", 4, 6);
		rc__out_dispose(&tmp);
		rc__outc(&c->o, '\n');
	}
}

static void text_aggregate(ctx *c, const rc_aggregate *a)
{
	char parts[96];
	rc__interval_report(&a->parts, parts, sizeof parts);
	rc__outs(&c->o, "  aggregate ");
	rc__out_clean(&c->o, a->ref->claim->text);
	rc__outs(&c->o, " over ");
	for (size_t i = 0; i < a->n_events; i++) {
		if (i)
			rc__outs(&c->o, " + ");
		rc__out_clean(&c->o, a->events[i]);
	}
	rc__outs(&c->o, ": ");
	style(c, a->verdict == RC_AGG_INCONSISTENT ? C_RED : a->verdict == RC_AGG_CONSISTENT ? C_CYAN : C_DIM);
	rc__outs(&c->o, rc_aggregate_verdict_str(a->verdict));
	style(c, C_OFF);
	rc__outf(&c->o, " (parts sum to %s)", parts);
	if (a->why) {
		rc__outs(&c->o, "; ");
		rc__out_clean(&c->o, a->why);
	}
	rc__outc(&c->o, '\n');
	text_claim_line(c, a->ref, "    ");
}

static void summary_line(rc__out *o, const rc_result *res, const rc__tally *t)
{
	rc__outf(o, "%zu document%s read (%zu processed, %zu skipped), %zu claim%s, %zu event%s, "
	         "%zu dispute%s, %zu contradiction%s, %zu revision%s, %zu progression%s",
	         res->documents_read, res->documents_read == 1 ? "" : "s", res->documents_processed,
	         res->documents_skipped, res->claims, res->claims == 1 ? "" : "s", res->n_events,
	         res->n_events == 1 ? "" : "s", t->disputes, t->disputes == 1 ? "" : "s", t->contradictions,
	         t->contradictions == 1 ? "" : "s", t->revisions, t->revisions == 1 ? "" : "s", t->progressions,
	         t->progressions == 1 ? "" : "s");
	/* what the input of `recount reconcile` lost, when it lost anything */
	char lost[512];
	if (rc_record_stats_str(&res->input, lost, sizeof lost)) {
		rc__outs(o, rc_record_stats_complete(&res->input) ? "; input: " : "; INCOMPLETE INPUT: ");
		rc__outs(o, lost);
	}
}

static void write_text(ctx *c)
{
	const rc_result *res = c->res;
	rc__tally t;
	rc__tally_result(&t, res);
	style(c, C_BOLD);
	rc__outs(&c->o, "recount report");
	style(c, C_OFF);
	rc__outs(&c->o, ": ");
	summary_line(&c->o, res, &t);
	rc__outs(&c->o, "\n");
	size_t hidden = hidden_events(c);
	if (hidden)
		rc__outf(&c->o, "%zu event%s with no figures not shown (--all-events shows them)\n",
		         hidden, hidden == 1 ? "" : "s");
	column_widths(c);
	for (size_t e = shown_from(c, 0); e < res->n_events; e = shown_from(c, e + 1)) {
		const rc_event *ev = &res->events[e];
		rc__outc(&c->o, '\n');
		style(c, C_BOLD);
		rc__out_clean(&c->o, ev->label);
		style(c, C_OFF);
		rc__outs(&c->o, "  ");
		style(c, C_DIM);
		rc__out_clean(&c->o, ev->id);
		style(c, C_OFF);
		rc__outc(&c->o, '\n');
		rc_buf b;
		rc__buf_init(&b, 0);
		event_where(&b, ev);
		rc__buf_printf(&b, "; %zu document%s:", ev->n_documents, ev->n_documents == 1 ? "" : "s");
		for (size_t d = 0; d < ev->n_documents && d < RC__REPORT_MAX_DOCUMENTS; d++) {
			rc__buf_putc(&b, ' ');
			append_glued(&b, ev->documents[d]);
		}
		if (ev->n_documents > RC__REPORT_MAX_DOCUMENTS)
			rc__buf_printf(&b, " \xe2\x80\xa6 and %zu more", ev->n_documents - RC__REPORT_MAX_DOCUMENTS);
		rc__outs(&c->o, "  ");
		wrap(c, b.data ? b.data : "", 2, 4);
		rc__buf_dispose(&b);
		rc__outc(&c->o, '\n');
		for (size_t m = 0; m < ev->n_metrics; m++)
			text_metric(c, &ev->metrics[m]);
		for (size_t a = 0; a < ev->n_aggregates; a++)
			text_aggregate(c, &ev->aggregates[a]);
	}
	if (res->n_unlinked) {
		rc__outf(&c->o, "\nClaims with no event (%zu)\n", res->n_unlinked);
		for (size_t i = 0; i < res->n_unlinked; i++) {
			const rc_claim_ref *r = res->unlinked[i];
			rc__outs(&c->o, "  ");
			rc__out_clean(&c->o, r->claim->metric);
			rc__outs(&c->o, ": ");
			text_claim_line(c, r, "");
		}
	}
}

/* ---- sentences the Markdown and HTML reports share ----------------------------- */

/*
 * The current figure (which figure to quote now, who says so and why) and
 * an aggregate (a total over several events and whether its parts agree)
 * are worded alike in the Markdown and the HTML report, which differ only
 * in markup and escaping: this table holds them.
 */
/* ". " and why a conflict is one, escaped for the medium by text; nothing
 * when there is no reason. */
static void conflict_why(rc__out *o, const rc_conflict *cf, void (*text)(rc__out *o, const char *s))
{
	rc_buf wb;
	rc__buf_init(&wb, 0);
	const char *why = rc__conflict_why(&wb, cf);
	if (why) {
		rc__outs(o, ". ");
		text(o, why);
	}
	rc__buf_dispose(&wb);
}

typedef struct prose_markup {
	void (*text)(rc__out *o, const char *s);   /* a string from an article */
	void (*plain)(rc__out *o, const char *s);  /* our own: a date, an interval */
	void (*loc)(rc__out *o, const char *s);    /* file:line */
	void (*event)(rc__out *o, const char *id); /* an event id, markup and all */
	void (*verdict)(rc__out *o, rc_aggregate_verdict v);
	/* the current figure */
	const char *open, *after_text, *before_loc, *after_loc, *after_quote, *why, *close;
	/* an aggregate */
	const char *agg_open, *agg_close;
} prose_markup;

static void current_figure(rc__out *o, const rc_metric_result *mr, const prose_markup *mk)
{
	const rc_claim_ref *r = mr->current;
	char loc[1024];
	rc__ref_location(loc, sizeof loc, r);
	rc__outs(o, mk->open);
	mk->text(o, r->claim->text);
	rc__outs(o, mk->after_text);
	mk->text(o, rc__ref_source(r));
	if (rc__ref_date(r)) {
		rc__outs(o, ", ");
		mk->plain(o, rc__ref_date(r));
	}
	if (r->claim->attribution) {
		rc__outs(o, ", citing ");
		mk->text(o, r->claim->attribution);
	}
	rc__outs(o, mk->before_loc);
	mk->loc(o, loc);
	rc__outs(o, mk->after_loc);
	mk->text(o, r->claim->quote);
	rc__outs(o, mk->after_quote);
	rc_buf wb;
	rc__buf_init(&wb, 0);
	const char *why = rc__current_why(&wb, mr);
	if (why) {
		rc__outs(o, mk->why);
		mk->text(o, why);
		rc__outs(o, ".");
	}
	rc__buf_dispose(&wb);
	rc__outs(o, mk->close);
}

static void aggregate_line(rc__out *o, const rc_aggregate *ag, const prose_markup *mk)
{
	char parts[96];
	rc__interval_report(&ag->parts, parts, sizeof parts);
	rc__outs(o, mk->agg_open);
	mk->text(o, ag->ref->claim->text);
	rc__outs(o, " over ");
	for (size_t i = 0; i < ag->n_events; i++) {
		if (i)
			rc__outs(o, " + ");
		mk->event(o, ag->events[i]);
	}
	rc__outs(o, ": ");
	mk->verdict(o, ag->verdict);
	rc__outs(o, " (parts sum to ");
	mk->plain(o, parts);
	rc__outs(o, ")");
	if (ag->why) {
		rc__outs(o, "; ");
		mk->text(o, ag->why);
	}
	rc__outs(o, mk->agg_close);
}

/* ---- Markdown ------------------------------------------------------------------- */

/* The article as a Markdown link: its title (or "article") to its URL;
 * the title alone when there is no web URL; "-" when neither. */
static void md_article(rc__out *o, const rc_record *rec)
{
	bool link = rc__url_is_web(rec->url);
	const char *title = rec->title && *rec->title ? rec->title : NULL;
	if (!link) {
		rc__out_md(o, title ? title : "-");
		return;
	}
	rc__outc(o, '[');
	rc__out_md(o, title ? title : "article");
	rc__outs(o, "](");
	rc_buf u;
	rc__buf_init(&u, 0);
	/* nothing in the destination may end the link or the table cell */
	rc__url_append(&u, rec->url, "()<>[]|\\`\"'");
	rc__outs(o, u.data ? u.data : "");
	rc__buf_dispose(&u);
	rc__outc(o, ')');
}

/*
 * The cells source, date, article and cites of a claim's row, the same in
 * every table format: sep between them, text escaped by esc, the article
 * (a link where it has a web address) written by article.
 */
static void claim_origin_cells(rc__out *o, const rc_claim_ref *r, const char *sep,
                               void (*esc)(rc__out *, const char *),
                               void (*article)(rc__out *, const rc_record *))
{
	esc(o, rc__ref_source(r));
	rc__outs(o, sep);
	esc(o, rc__ref_date(r) ? rc__ref_date(r) : "-");
	rc__outs(o, sep);
	article(o, r->rec);
	rc__outs(o, sep);
	esc(o, r->claim->attribution ? r->claim->attribution : "-");
}

/* One claim as a table row: figure, the given second cell (written as
 * is), source, date, article, cites, location, quote. */
static void md_claim_row(rc__out *o, const rc_claim_ref *r, const char *second)
{
	char loc[1024];
	rc__ref_location(loc, sizeof loc, r);
	rc__outs(o, "| ");
	rc__out_md(o, r->claim->text);
	rc__outs(o, " | ");
	rc__outs(o, second);
	rc__outs(o, " | ");
	claim_origin_cells(o, r, " | ", rc__out_md, md_article);
	rc__outs(o, " | `");
	rc__out_clean(o, loc);
	rc__outs(o, "` | ");
	rc__out_md(o, r->claim->quote);
	rc__outs(o, " |\n");
}

static void md_claims_table(rc__out *o, const rc_claim_ref *const *refs, size_t n)
{
	rc__outs(o, "| Figure | Status | Source | Date | Article | Cites | Location | Quote |\n");
	rc__outs(o, "|---|---|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < n; i++) {
		md_claim_row(o, refs[i], rc_claim_status_str(refs[i]->claim->status));
	}
}

/* One row per figure of a conflict (the first ones and the last). */
static void md_conflict_rows(rc__out *o, const rc_conflict *cf)
{
	rc__outs(o, "| Figure | Reports | Source | Date | Article | Cites | Location | Quote |\n");
	rc__outs(o, "|---|---:|---|---|---|---|---|---|\n");
	size_t n = cf->n_claims, head = n > RC__REPORT_MAX_SIDES ? RC__REPORT_MAX_SIDES - 1 : n;
	for (size_t i = 0; i < n; i++) {
		if (i >= head && i + 1 < n) {
			if (i == head)
				rc__outf(o, "| \xe2\x80\xa6 %zu more | | | | | | | |\n", n - head - 1);
			continue;
		}
		char reports[32];
		snprintf(reports, sizeof reports, "%zu", (size_t)cf->figures[i]->n_claims);
		md_claim_row(o, cf->claims[i], reports);
	}
}

/* The distinct figures of a metric by time window, each with the claim
 * that stands for it; at most RC__REPORT_MAX_FIGURES (the latest ones). */
static void md_figures_table(rc__out *o, const rc_metric_result *m)
{
	rc__outf(o, "%zu distinct figure%s by time window:\n\n", m->n_figures, m->n_figures == 1 ? "" : "s");
	rc__outs(o, "| Window | Figure | Status | Reports | Documents | Origins | Source | Article | Cites | Location | Quote |\n");
	rc__outs(o, "|---|---|---|---:|---:|---:|---|---|---|---|---|\n");
	/* dated figures are in time order, undated last: keep the latest dated
	 * ones and the undated ones */
	size_t dated = 0;
	while (dated < m->n_figures && m->figures[dated].date)
		dated++;
	size_t undated = m->n_figures - dated, room = RC__REPORT_MAX_FIGURES;
	size_t show_undated = undated < room / 2 ? undated : room / 2;
	size_t show_dated = dated < room - show_undated ? dated : room - show_undated;
	if (show_dated < dated)
		rc__outf(o, "| \xe2\x80\xa6 | %zu earlier figures | | | | | | | | | |\n", dated - show_dated);
	for (size_t g = 0; g < m->n_figures; g++) {
		if (g < dated - show_dated || g >= dated + show_undated)
			continue;
		const rc_figure *f = &m->figures[g];
		const rc_claim_ref *r = f->lead;
		char loc[1024];
		rc__ref_location(loc, sizeof loc, r);
		rc__outf(o, "| %s%s | ", f->estimated ? "\xe2\x89\xa5" : "", f->date ? f->date : "undated");
		rc__out_md(o, r->claim->text);
		rc__outf(o, "%s | %s | %zu | %zu | %zu | ", f->leads ? " \xe2\x97\x80" : "",
		         f->revised ? "revised" : rc_claim_status_str(f->status), (size_t)f->n_claims,
		         (size_t)f->documents, (size_t)f->origins);
		rc__out_md(o, rc__ref_source(r));
		rc__outs(o, " | ");
		md_article(o, r->rec);
		rc__outs(o, " | ");
		rc__out_md(o, r->claim->attribution ? r->claim->attribution : "-");
		rc__outs(o, " | `");
		rc__out_clean(o, loc);
		rc__outs(o, "` | ");
		rc__out_md(o, r->claim->quote);
		rc__outs(o, " |\n");
	}
	if (show_undated < undated)
		rc__outf(o, "| undated | \xe2\x80\xa6 %zu more | | | | | | | | | |\n", undated - show_undated);
}

static void md_event(rc__out *o, const char *id)
{
	rc__outs(o, "`");
	rc__out_clean(o, id);
	rc__outs(o, "`");
}

static void md_verdict(rc__out *o, rc_aggregate_verdict v)
{
	rc__outs(o, rc_aggregate_verdict_str(v));
}

static const prose_markup md_prose = {
	.text = rc__out_md, .plain = rc__outs, .loc = rc__out_clean, .event = md_event, .verdict = md_verdict,
	.open = "**Current: ", .after_text = "** (", .before_loc = ", `",
	.after_loc = "`): \xe2\x80\x9c", .after_quote = "\xe2\x80\x9d", .why = " *Why:* ", .close = "\n\n",
	.agg_open = "\n**Aggregate** ", .agg_close = ".\n\n",
};

static void md_metric(rc__out *o, const rc_metric_result *mr)
{
	rc__outs(o, "\n### ");
	rc__out_md(o, mr->metric);
	rc__outs(o, "\n\n");
	if (mr->current)
		current_figure(o, mr, &md_prose);
	size_t *start = malloc((mr->n_figures + 1) * sizeof *start);
	if (!start) {
		o->st = RC_ERR_NOMEM;
		return;
	}
	size_t nw = windows_of(mr, start), skipped_at = SIZE_MAX;
	if (nw > 1) {
		rc__outs(o, "**Timeline:** ");
		for (size_t i = 0; i < nw; i++) {
			if (!window_shown(i, nw, &skipped_at)) {
				if (i == skipped_at)
					rc__outf(o, " \xe2\x86\x92 \xe2\x80\xa6 %zu more \xe2\x80\xa6", nw - RC__REPORT_MAX_WINDOWS);
				continue;
			}
			size_t reports, others;
			const rc_figure *f = window_figure(mr, start[i], start[i + 1], &reports, &others);
			if (i)
				rc__outs(o, f->date ? " \xe2\x86\x92 " : "; undated: ");
			if (f->date)
				rc__outf(o, "%s%s ", f->estimated ? "\xe2\x89\xa5" : "", f->date);
			rc__out_md(o, f->lead->claim->text);
			rc__outs(o, figure_mark(f));
			rc_buf b;
			rc__buf_init(&b, 0);
			figure_who(&b, f);
			rc__outs(o, " (");
			rc__out_md(o, b.data ? b.data : "");
			rc__buf_dispose(&b);
			if (reports > 1)
				rc__outf(o, "; %zu reports", reports);
			if (others)
				rc__outf(o, "; %zu other figure%s", others, others == 1 ? "" : "s");
			rc__outc(o, ')');
		}
		rc__outs(o, "\n\n");
	}
	free(start);
	size_t shown = mr->n_conflicts < RC__REPORT_MAX_CONFLICTS ? mr->n_conflicts : RC__REPORT_MAX_CONFLICTS;
	for (size_t k = 0; k < shown; k++) {
		const rc_conflict *cf = &mr->conflicts[k];
		rc_buf b2;
		rc__buf_init(&b2, 0);
		rc__conflict_summary(&b2, cf);
		char cap[32];
		rc__capitalise(cap, sizeof cap, rc_conflict_kind_str(cf->kind));
		rc__outf(o, "**%s**", cap);
		if (cf->date)
			rc__outf(o, " on %s", cf->date);
		rc__outs(o, ": ");
		rc__out_md(o, b2.data);
		rc__buf_dispose(&b2);
		conflict_why(o, cf, rc__out_md);
		rc__outs(o, ".\n\n");
		md_conflict_rows(o, cf);
		rc__outs(o, "\n");
	}
	if (mr->n_conflicts > shown) {
		more_conflicts(o, mr, shown);
		rc__outs(o, ".\n\n");
	}
	md_figures_table(o, mr);
}

static void write_md(ctx *c)
{
	rc__out *o = &c->o;
	const rc_result *res = c->res;
	rc__tally t;
	rc__tally_result(&t, res);
	rc__outs(o, "# recount report\n\n");
	summary_line(o, res, &t);
	rc__outs(o, ".\n");
	size_t hidden = hidden_events(c);
	if (hidden)
		rc__outf(o, "%zu event%s with no figures %s not listed (`--all-events` lists them).\n",
		         hidden, hidden == 1 ? "" : "s", hidden == 1 ? "is" : "are");
	for (size_t e = shown_from(c, 0); e < res->n_events; e = shown_from(c, e + 1)) {
		const rc_event *ev = &res->events[e];
		rc__outs(o, "\n## ");
		rc__out_md(o, ev->label);
		rc__outs(o, "\n\n");
		rc_buf b;
		rc__buf_init(&b, 0);
		event_where(&b, ev);
		rc__outs(o, "`");
		rc__out_clean(o, ev->id);
		rc__outs(o, "`: ");
		rc__out_md(o, b.data);
		rc__buf_dispose(&b);
		rc__outf(o, "; %zu document%s (", ev->n_documents, ev->n_documents == 1 ? "" : "s");
		for (size_t d = 0; d < ev->n_documents && d < RC__REPORT_MAX_DOCUMENTS; d++) {
			if (d)
				rc__outs(o, ", ");
			rc__out_md(o, ev->documents[d]);
		}
		if (ev->n_documents > RC__REPORT_MAX_DOCUMENTS)
			rc__outf(o, " \xe2\x80\xa6 and %zu more", ev->n_documents - RC__REPORT_MAX_DOCUMENTS);
		rc__outs(o, ").\n\n");
		if (ev->n_metrics) {
			rc__outs(o, "| Metric | Current | Credible (low-high) | Range | All agree on | Documents | Origins | Conflicts |\n");
			rc__outs(o, "|---|---|---|---|---|---:|---:|---|\n");
			for (size_t m = 0; m < ev->n_metrics; m++) {
				const rc_metric_result *mr = &ev->metrics[m];
				metric_strs ms;
				metric_strings(&ms, mr);
				char cur[96] = "-", lo[48] = "-", hi[48] = "-";
				if (mr->has_estimates) {
					current_str(cur, sizeof cur, mr);
					rc__num_str(lo, sizeof lo, mr->low);
					rc__num_str(hi, sizeof hi, mr->high);
				}
				rc__outs(o, "| ");
				rc__out_md(o, mr->metric);
				rc__outf(o, " | %s | %s%s%s | %s | %s | %zu | %zu | ", cur, lo, strcmp(lo, hi) ? "-" : "",
				         strcmp(lo, hi) ? hi : "", ms.range, ms.core, mr->documents, mr->origins);
				size_t k[4] = {0};
				for (size_t x = 0; x < mr->n_conflicts; x++)
					if ((unsigned)mr->conflicts[x].kind < 4)
						k[mr->conflicts[x].kind]++;
				static const rc_conflict_kind order[4] = {RC_CONFLICT_DISPUTE, RC_CONFLICT_CONTRADICTION,
				                                          RC_CONFLICT_REVISION, RC_CONFLICT_PROGRESSION};
				bool any = false;
				for (int x = 0; x < 4; x++)
					if (k[order[x]]) {
						rc__outf(o, "%s%zu %s", any ? ", " : "", k[order[x]], rc_conflict_kind_str(order[x]));
						any = true;
					}
				if (!any)
					rc__outs(o, "-");
				rc__outs(o, " |\n");
			}
		}
		for (size_t m = 0; m < ev->n_metrics; m++)
			md_metric(o, &ev->metrics[m]);
		for (size_t a = 0; a < ev->n_aggregates; a++) {
			const rc_aggregate *ag = &ev->aggregates[a];
			aggregate_line(o, ag, &md_prose);
			md_claims_table(o, &ag->ref, 1);
		}
	}
	if (res->n_unlinked) {
		rc__outf(o, "\n## Claims with no event (%zu)\n\n", res->n_unlinked);
		md_claims_table(o, res->unlinked, res->n_unlinked);
	}
}

/* ---- HTML ------------------------------------------------------------------------ */

static void html_verdict(rc__out *o, rc_aggregate_verdict v)
{
	rc__outf(o, "<span class=\"%s\">%s</span>", v == RC_AGG_INCONSISTENT ? "contradiction" : "progression",
	         rc_aggregate_verdict_str(v));
}

static const prose_markup html_prose = {
	.text = rc__out_xml, .plain = rc__out_xml, .loc = rc__out_xml, .event = rc__out_xml,
	.verdict = html_verdict, .agg_open = "<p class=\"aggregate\"><b>Aggregate</b> ", .agg_close = ".</p>\n",
	.open = "<p class=\"current\">Current figure <b>", .after_text = "</b> (",
	.before_loc = ", <span class=\"loc\">", .after_loc = "</span>): <span class=\"quote\">\xe2\x80\x9c",
	.after_quote = "\xe2\x80\x9d</span>", .why = " <i>Why:</i> ", .close = "</p>\n",
};

/*
 * One self-contained page.  Colours are CSS variables with a dark set for
 * prefers-color-scheme: dark (every text colour at least 4.5:1 against its
 * background, WCAG AA, in both) and a print set; the SVG charts use
 * classes, so they follow both.  The script only adds sorting (header
 * buttons, reachable by keyboard) and the event filter; the page reads
 * without it.
 */
static const char html_head[] =
	"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	"<meta name=\"generator\" content=\"recount\">\n"
	"<meta name=\"color-scheme\" content=\"light dark\">\n"
	"<title>recount report</title>\n<style>\n"
	":root{--fg:#1b1f24;--bg:#fff;--panel:#f6f8fa;--border:#d0d7de;--meta:#57606a;--link:#0969da;"
	"--red:#cf222e;--amber:#9a6700;--blue:#0969da;--axis:#8c959f;--band:#2da44e}\n"
	"@media (prefers-color-scheme: dark){:root{--fg:#e6edf3;--bg:#0d1117;--panel:#161b22;"
	"--border:#30363d;--meta:#9ea7b3;--link:#58a6ff;--red:#ff7b72;--amber:#d29922;--blue:#58a6ff;"
	"--axis:#6e7681;--band:#3fb950}}\n"
	"body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;max-width:1100px;"
	"padding:1.5em;color:var(--fg);background:var(--bg)}\n"
	"a{color:var(--link)}\n"
	"h1{font-size:1.6em;margin:.2em 0}h2{margin-top:2em;border-bottom:2px solid var(--border);"
	"padding-bottom:.2em}h3{margin:1.2em 0 .4em}\n"
	".summary{background:var(--panel);border:1px solid var(--border);border-radius:6px;"
	"padding:.8em 1em}\n"
	".meta,.id,.loc,.notplotted,.count{color:var(--meta)}"
	".id{font-family:ui-monospace,monospace;font-size:.9em}\n"
	"table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:.92em}"
	"th,td{border:1px solid var(--border);padding:.3em .5em;vertical-align:top;text-align:left}"
	"th{background:var(--panel)}td.num{text-align:right}\n"
	"th button{font:inherit;font-weight:bold;color:inherit;background:none;border:0;padding:0;"
	"margin:0;cursor:pointer;text-align:left;width:100%}"
	"th button:focus-visible{outline:2px solid var(--link);outline-offset:2px}"
	"th[aria-sort=ascending] button::after{content:\" \\25B2\"}"
	"th[aria-sort=descending] button::after{content:\" \\25BC\"}\n"
	".contradiction{color:var(--red);font-weight:600}.revision{color:var(--amber);font-weight:600}"
	".progression{color:var(--blue);font-weight:600}.dispute{color:var(--red);font-weight:600}"
	".current{font-size:1.05em}\n"
	".loc{font-family:ui-monospace,monospace;font-size:.85em}\n"
	"svg{display:block;margin:.4em 0;max-width:100%;height:auto}"
	"svg text{font:11px system-ui,sans-serif;fill:var(--fg)}svg .tick{fill:var(--meta)}"
	"svg .axis{stroke:var(--axis)}svg .grid{stroke:var(--border)}"
	"svg .line{stroke:var(--axis);fill:none}svg .band{fill:var(--band);opacity:.15}\n"
	"svg .fig{stroke:var(--blue);fill:var(--blue)}svg .fig.contra{stroke:var(--red);fill:var(--red)}"
	"svg .fig.old{stroke:var(--axis);fill:var(--axis)}\n"
	".filter{margin:.5em 0}nav ul{columns:2;padding-left:1.2em}\n"
	"@media print{:root{--fg:#000;--bg:#fff;--panel:#fff;--border:#888;--meta:#333;--link:#000;"
	"--red:#000;--amber:#000;--blue:#000;--axis:#555;--band:#888}"
	"body{max-width:none;padding:0;font-size:10pt}.filter,nav{display:none}"
	"a[href^=\"http\"]::after{content:\" <\" attr(href) \">\";font-size:.85em;word-break:break-all}"
	"h2,h3{break-after:avoid}tr,svg,.conflict{break-inside:avoid}"
	"section.event{break-before:page}th button::after{content:none!important}}\n"
	"</style>\n</head>\n<body>\n";

/* Sorting by column (a button in each header, so Tab and Enter reach it;
 * aria-sort says the order) and the event filter. */
static const char html_tail[] =
	"<script>\n"
	"document.querySelectorAll('table').forEach(function(t){var b=t.tBodies[0];if(!b)return;"
	"var ths=t.querySelectorAll('thead th');ths.forEach(function(th,i){"
	"var btn=document.createElement('button');btn.type='button';"
	"while(th.firstChild)btn.appendChild(th.firstChild);th.appendChild(btn);"
	"th.setAttribute('aria-sort','none');"
	"btn.addEventListener('click',function(){var asc=th.getAttribute('aria-sort')!=='ascending';"
	"ths.forEach(function(o){o.setAttribute('aria-sort','none');});"
	"th.setAttribute('aria-sort',asc?'ascending':'descending');"
	"var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){"
	"var a=x.cells[i].textContent,c=y.cells[i].textContent;var na=parseFloat(a),nc=parseFloat(c);"
	"var r=(!isNaN(na)&&!isNaN(nc))?na-nc:a.localeCompare(c);return asc?r:-r;});"
	"rows.forEach(function(r){b.appendChild(r);});});});});\n"
	"var f=document.getElementById('filter');if(f)f.addEventListener('input',function(){"
	"var q=f.value.toLowerCase();document.querySelectorAll('section.event').forEach(function(s){"
	"s.style.display=s.textContent.toLowerCase().indexOf(q)>=0?'':'none';});});\n"
	"</script>\n</body>\n</html>\n";

static bool in_contradiction(const rc_metric_result *m, const rc_claim_ref *r)
{
	for (size_t k = 0; k < m->n_conflicts; k++)
		if (m->conflicts[k].kind == RC_CONFLICT_CONTRADICTION)
			for (size_t i = 0; i < m->conflicts[k].n_claims; i++)
				if (m->conflicts[k].claims[i] == r)
					return true;
	return false;
}

/* Chart labels are sized by estimate (no font metrics here): at 11px an
 * average character of system-ui is under 6.2 pixels; 6.6 leaves room. */
#define CHAR_PX 6.6

/* s cleaned and cut to at most max characters (an ellipsis at the cut). */
static void cut_label(rc_buf *b, const char *s, size_t max)
{
	rc__buf_reset(b);
	rc__clean_append(b, s, true);
	if (!b->data || rc__display_width(b->data) <= max)
		return;
	size_t chars = 0, i = 0;
	for (; i < b->len && chars < max - 1; i++)
		if (((unsigned char)b->data[i] & 0xC0) != 0x80)
			chars++;
	while (i < b->len && ((unsigned char)b->data[i] & 0xC0) == 0x80)
		i++;
	b->len = i;
	b->data[i] = 0;
	rc__buf_puts(b, "\xe2\x80\xa6");
}

/* "Outlet, 2024-01-06" (or "Outlet"): how a chart names a claim's report. */
static void report_label(rc_buf *b, const rc_claim_ref *r, size_t max)
{
	rc_buf t;
	rc__buf_init(&t, 0);
	rc__clean_append(&t, rc__ref_label(r), true);
	const char *date = rc__ref_date(r);
	size_t room = date && max > 16 ? max - 12 : max;
	cut_label(b, t.data ? t.data : "", room);
	if (date)
		rc__buf_printf(b, ", %s", date);
	rc__buf_dispose(&t);
}

/* Ticks of an axis over [0, top] at 1, 2 or 5 times a power of ten, never
 * below 1: there are no half people. */
static double count_step(double top)
{
	double raw = top / 5, mag = pow(10, floor(log10(raw > 0 ? raw : 1))), step = mag;
	if (raw / mag > 5)
		step = 10 * mag;
	else if (raw / mag > 2)
		step = 5 * mag;
	else if (raw / mag > 1)
		step = 2 * mag;
	return step < 1 ? 1 : step;
}

/* The SVG class of a claim's marks: red in a contradiction, grey when no
 * longer current. */
static const char *fig_class(const rc_metric_result *m, const rc_claim_ref *r)
{
	if (in_contradiction(m, r))
		return "fig contra";
	return r->claim->status != RC_CLAIM_CURRENT ? "fig old" : "fig";
}

/* A claim's tooltip: "nearly 100 — Outlet, 2024-01-19". */
static void svg_title(rc__out *o, const rc_claim_ref *r)
{
	rc__outs(o, "<title>");
	rc__out_xml(o, r->claim->text);
	rc__outs(o, " \xe2\x80\x94 ");
	rc__out_xml(o, rc__ref_label(r));
	if (rc__ref_date(r)) {
		rc__outs(o, ", ");
		rc__out_xml(o, rc__ref_date(r));
	}
	rc__outs(o, "</title>");
}

/* One row per claim: its report (outlet and date) on the left, its
 * effective interval on a shared number line, the figure as written at
 * the end of its mark. */
static void svg_number_line(rc__out *o, const rc_metric_result *m)
{
	const double w = 760, row = 22, right = 96;
	double scale = metric_scale(m);
	double h = 30 + row * (double)m->n_claims;
	rc_buf lb;
	rc__buf_init(&lb, 0);
	/* the left margin fits the longest label */
	size_t widest = 0;
	for (size_t i = 0; i < m->n_claims; i++) {
		report_label(&lb, m->claims[i], 40);
		size_t cw = rc__display_width(lb.data ? lb.data : "");
		if (cw > widest)
			widest = cw;
	}
	double left = 14 + CHAR_PX * (double)widest;
	if (left < 120)
		left = 120;
	double span = w - left - right;
	rc__outf(o, "<svg class=\"numberline\" role=\"img\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
	         "height=\"%.0f\"><title>", w, h, w, h);
	rc__out_xml(o, m->metric);
	rc__outs(o, ": each report's figure on one number line</title>\n");
#define NX(v) (left + span * ((v) < 0 ? 0 : (v) > scale ? 1 : (v) / scale))
	rc__outf(o, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\"/>\n",
	         left, h - 18, left + span, h - 18);
	double step = count_step(scale);
	for (double v = 0; v <= scale + step / 1000; v += step) {
		char num[48];
		rc__num_str(num, sizeof num, v);
		rc__outf(o, "<text class=\"tick\" x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%s</text>\n",
		         NX(v), h - 4, num);
	}
	if (m->has_core) {
		double a = NX(m->core.lo_inf ? 0 : m->core.lo), b = NX(m->core.hi_inf ? scale : m->core.hi);
		rc__outf(o, "<rect class=\"band\" x=\"%.1f\" y=\"4\" width=\"%.1f\" height=\"%.0f\">"
		         "<title>all current figures agree here</title></rect>\n", a, b - a > 2 ? b - a : 2,
		         h - 26);
	}
	for (size_t i = 0; i < m->n_claims; i++) {
		const rc_claim_ref *r = m->claims[i];
		const rc_interval *iv = r->effective;
		double y = 14 + row * (double)i;
		const char *cls = fig_class(m, r);
		bool faded = r->claim->status != RC_CLAIM_CURRENT;
		rc__outs(o, "<g>");
		svg_title(o, r);
		report_label(&lb, r, 40);
		rc__outf(o, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"end\">", left - 8, y + 4);
		rc__out_xml(o, lb.data ? lb.data : "");
		rc__outs(o, "</text>");
		double a = NX(iv->lo_inf ? 0 : iv->lo), b = NX(iv->hi_inf ? scale : iv->hi);
		if (b - a < 1) {
			rc__outf(o, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.0f\" r=\"4\"/>", cls, a, y);
		} else {
			rc__outf(o, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" "
			         "stroke-width=\"4\"%s/>", cls, a, y, b, y, faded ? " stroke-dasharray=\"4 3\"" : "");
			/* open ends as arrows, closed ends as bars */
			if (iv->hi_inf)
				rc__outf(o, "<path class=\"%s\" d=\"M%.1f %.0f l-8 -5 v10 z\"/>", cls, b + 6, y);
			else
				rc__outf(o, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" "
				         "stroke-width=\"2\"%s/>", cls, b, y - 6, b, y + 6,
				         iv->hi_incl ? "" : " stroke-dasharray=\"2 2\"");
			if (iv->lo_inf)
				rc__outf(o, "<path class=\"%s\" d=\"M%.1f %.0f l8 -5 v10 z\"/>", cls, a - 6, y);
			else
				rc__outf(o, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" "
				         "stroke-width=\"2\"%s/>", cls, a, y - 6, a, y + 6,
				         iv->lo_incl ? "" : " stroke-dasharray=\"2 2\"");
		}
		/* the figure as written, after the mark (within the right margin) */
		cut_label(&lb, r->claim->text, (size_t)((right - 14) / CHAR_PX));
		rc__outf(o, "<text x=\"%.1f\" y=\"%.0f\">", (b > a ? b : a) + (iv->hi_inf ? 10 : 7), y + 4);
		rc__out_xml(o, lb.data ? lb.data : "");
		rc__outs(o, "</text></g>\n");
	}
#undef NX
	rc__outs(o, "</svg>\n");
	rc__buf_dispose(&lb);
}

typedef struct tl_point {
	const rc_claim_ref *ref;
	long day;
	double lo, hi;       /* drawn extent (hi may be the top for an open end) */
	double at;           /* where its label and the line go */
} tl_point;

/* By day, then highest first (top of the chart first), then as written. */
static int cmp_tl(const void *pa, const void *pb)
{
	const tl_point *a = pa, *b = pb;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->at != b->at)
		return a->at > b->at ? -1 : 1;
	if (a->hi != b->hi)
		return a->hi > b->hi ? -1 : 1;
	return strcmp(a->ref->claim->text, b->ref->claim->text);
}

/* The same figure reported twice on one day is drawn once ("84 ×2"). */
static bool same_tl(const tl_point *a, const tl_point *b)
{
	return a->day == b->day && rc_interval_equal(a->ref->effective, b->ref->effective) &&
	       strcmp(a->ref->claim->text, b->ref->claim->text) == 0 &&
	       (a->ref->claim->status == RC_CLAIM_CURRENT) == (b->ref->claim->status == RC_CLAIM_CURRENT);
}

/* Append "text (label, date)" entries of refs to b. */
static void list_refs(rc__out *o, const char *what, const rc_claim_ref **refs, size_t n)
{
	if (!n)
		return;
	rc__outs(o, what);
	for (size_t i = 0; i < n; i++) {
		rc__outs(o, i ? "; " : " ");
		rc__out_xml(o, refs[i]->claim->text);
		rc__outs(o, " (");
		rc__out_xml(o, rc__ref_label(refs[i]));
		if (rc__ref_date(refs[i])) {
			rc__outs(o, ", ");
			rc__out_xml(o, rc__ref_date(refs[i]));
		}
		rc__outs(o, ")");
	}
	rc__outs(o, ". ");
}

/*
 * The figures on a date axis: reports of one day at one x, each figure
 * drawn as its interval (a dot, a bar, an arrow up for an open end) with
 * its text beside it, on a count axis with whole-number ticks.  Undated
 * and vague figures ("many") have no place on these axes: they are listed
 * under the chart instead of being drawn last or at the bottom of their
 * interval.
 */
static void svg_timeline(rc__out *o, const rc_metric_result *m)
{
	if (m->n_timeline < 2)
		return;
	tl_point *pts = calloc(m->n_timeline, sizeof *pts);
	const rc_claim_ref **undated = calloc(m->n_timeline, sizeof *undated);
	const rc_claim_ref **vague = calloc(m->n_timeline, sizeof *vague);
	if (!pts || !undated || !vague) {
		free(pts);
		free(undated);
		free(vague);
		o->st = o->st ? o->st : RC_ERR_NOMEM;
		return;
	}
	size_t np = 0, nu = 0, nv = 0;
	double top = 0;
	for (size_t i = 0; i < m->n_timeline; i++) {
		const rc_claim_ref *p = m->timeline[i];
		const rc_interval *iv = p->effective;
		long day = p->rec->published ? rc__day_number(p->rec->published) : -1;
		if (p->claim->q.vague || (iv->lo_inf && iv->hi_inf)) {
			vague[nv++] = p;
			continue;
		}
		if (day < 0) {
			undated[nu++] = p;
			continue;
		}
		tl_point *t = &pts[np++];
		t->ref = p;
		t->day = day;
		t->lo = iv->lo_inf ? 0 : iv->lo;
		t->hi = iv->hi_inf ? -1 : iv->hi;   /* -1: open, to the top */
		t->at = iv->lo_inf ? iv->hi : iv->hi_inf ? iv->lo : (iv->lo + iv->hi) / 2;
		double reach = iv->hi_inf ? iv->lo : iv->hi;
		if (reach > top)
			top = reach;
	}
	if (np >= 2) {
		rc__qsort(pts, np, sizeof *pts, cmp_tl);
		top = top > 0 ? top * 1.2 : 1;
		double step = count_step(top);
		top = ceil(top / step) * step;
		long d0 = pts[0].day, d1 = pts[np - 1].day;
		if (d1 - d0 < 2) {
			d0--;
			d1++;
		}
		const double w = 760, h = 200, left = 54, right = 110, ptop = 26, pbot = 160;
		double span = w - left - right;
#define TX(d) (left + span * (double)((d) - d0) / (double)(d1 - d0))
#define TY(v) (pbot - (pbot - ptop) * ((v) > top ? 1 : (v) < 0 ? 0 : (v) / top))
		rc__outf(o, "<svg class=\"timeline\" role=\"img\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
		         "height=\"%.0f\"><title>", w, h, w, h);
		rc__out_xml(o, m->metric);
		rc__outs(o, ": figures by report date</title>\n");
		/* count axis: whole numbers only */
		for (double v = 0; v <= top + step / 1000; v += step) {
			char num[48];
			rc__num_str(num, sizeof num, v);
			rc__outf(o, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
			         "<text class=\"tick ytick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
			         left, TY(v), left + span, TY(v), left - 6, TY(v) + 4, num);
		}
		/* date axis: ticks a whole number of days apart, at most 7 */
		static const long steps[] = {1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826, 3652};
		long dstep = steps[RC_ARRAY_LEN(steps) - 1];
		for (size_t i = 0; i < RC_ARRAY_LEN(steps); i++)
			if ((d1 - d0) / steps[i] <= 6) {
				dstep = steps[i];
				break;
			}
		rc__outf(o, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
		         left, pbot, left + span, pbot);
		for (long d = d0; d <= d1; d += dstep) {
			char date[64];
			rc__day_format(date, sizeof date, d);
			rc__outf(o, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
			         "<text class=\"tick xtick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
			         TX(d), pbot, TX(d), pbot + 4, TX(d), pbot + 17, date);
		}
		/* the toll as reported day by day: a line through each day's
		 * highest current figure */
		rc__outs(o, "<polyline class=\"line\" points=\"");
		bool any = false;
		for (size_t i = 0; i < np; i++) {
			if (pts[i].ref->claim->status != RC_CLAIM_CURRENT)
				continue;
			bool first_of_day = true;
			for (size_t j = i; j-- > 0 && pts[j].day == pts[i].day;)
				first_of_day &= pts[j].ref->claim->status != RC_CLAIM_CURRENT;
			if (!first_of_day)
				continue;
			rc__outf(o, "%s%.1f,%.1f", any ? " " : "", TX(pts[i].day), TY(pts[i].at));
			any = true;
		}
		rc__outs(o, "\"/>\n");
		rc_buf lb;
		rc__buf_init(&lb, 0);
		/*
		 * Day by day: each distinct figure drawn once ("84 ×2" when two
		 * reports gave it), its label beside it, a day's labels stacked
		 * highest first so none overlaps the one above.  The stack goes
		 * to the right of the day when it fits before the next day, else
		 * to the left when it fits after the previous day's labels, else
		 * above the day's highest mark.
		 */
		double prev_end = left;   /* right end of what the previous day drew */
		for (size_t i = 0; i < np;) {
			size_t end = i;
			while (end < np && pts[end].day == pts[i].day)
				end++;
			double x = TX(pts[i].day);
			double next_x = end < np ? TX(pts[end].day) : w;
			/* the day's widest label */
			double lw = 0;
			for (size_t k = i; k < end; k++) {
				cut_label(&lb, pts[k].ref->claim->text, 16);
				double cw = CHAR_PX * (double)(rc__display_width(lb.data ? lb.data : "") + 3);
				if (cw > lw)
					lw = cw;
			}
			int side; /* 1 right, -1 left, 0 above */
			if (x + 8 + lw <= next_x - 6 && x + 8 + lw <= w - 2)
				side = 1;
			else if (x - 8 - lw >= prev_end + 4 && x - 8 - lw >= 2)
				side = -1;
			else
				side = 0;
			char date[64];
			rc__day_format(date, sizeof date, pts[i].day);
			double last_y = -1e9, top_y = 1e9;
			for (size_t k = i; k < end; k++) {
				double yb = pts[k].hi < 0 ? ptop : TY(pts[k].hi);
				if (yb < top_y)
					top_y = yb;
			}
			for (size_t k = i; k < end;) {
				const tl_point *t = &pts[k];
				size_t times = 1;
				bool contra = in_contradiction(m, t->ref);
				while (k + times < end && same_tl(&pts[k + times], t)) {
					contra |= in_contradiction(m, pts[k + times].ref);
					times++;
				}
				const char *cls = contra ? "fig contra" : fig_class(m, t->ref);
				rc__outf(o, "<g class=\"point\" data-date=\"%s\">", date);
				svg_title(o, t->ref);
				double ya = TY(t->lo), yb = t->hi < 0 ? ptop : TY(t->hi);
				if (ya - yb < 1) {
					rc__outf(o, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>", cls, x, ya);
				} else {
					rc__outf(o, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
					         "stroke-width=\"3\"/>", cls, x, ya, x, yb);
					if (t->hi < 0)
						rc__outf(o, "<path class=\"%s\" d=\"M%.1f %.1f l-5 8 h10 z\"/>", cls, x,
						         yb - 4);
				}
				cut_label(&lb, t->ref->claim->text, 16);
				if (times > 1)
					rc__buf_printf(&lb, " \xc3\x97%zu", times);
				if (side) {
					double ly = TY(t->at) + 4;
					if (ly - last_y < 13)
						ly = last_y + 13;
					last_y = ly;
					rc__outf(o, "<text x=\"%.1f\" y=\"%.1f\"%s>", x + 8 * side, ly,
					         side < 0 ? " text-anchor=\"end\"" : "");
				} else {
					/* above the day, the highest figure on top */
					size_t n_above = 0;
					for (size_t q = k + times; q < end;) {
						size_t r = 1;
						while (q + r < end && same_tl(&pts[q + r], &pts[q]))
							r++;
						n_above++;
						q += r;
					}
					double ly = top_y - 10 - 12 * (double)n_above;
					rc__outf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x,
					         ly < 10 ? 10 : ly);
				}
				rc__out_xml(o, lb.data ? lb.data : "");
				rc__outs(o, "</text></g>\n");
				k += times;
			}
			prev_end = side > 0 ? x + 8 + lw : side < 0 ? x : x + lw / 2;
			i = end;
		}
		rc__buf_dispose(&lb);
		rc__outs(o, "</svg>\n");
#undef TX
#undef TY
	}
	if (nu || nv || (np < 2 && np)) {
		rc__outs(o, "<p class=\"notplotted\">");
		if (np < 2) {
			const rc_claim_ref *one[1] = {np ? pts[0].ref : NULL};
			list_refs(o, "Dated:", one, np);
		}
		list_refs(o, "Undated, not on the time axis:", undated, nu);
		list_refs(o, "Vague, not plotted:", vague, nv);
		rc__outs(o, "</p>\n");
	}
	free(pts);
	free(undated);
	free(vague);
}

/* The article a claim comes from, as a link when it has a web URL. */
static void html_article(rc__out *o, const rc_record *rec)
{
	const char *title = rec->title && *rec->title ? rec->title : NULL;
	if (!rc__url_is_web(rec->url)) {
		rc__out_xml(o, title ? title : "-");
		return;
	}
	rc_buf u;
	rc__buf_init(&u, 0);
	rc__url_append(&u, rec->url, "\"<>'`");
	rc__outs(o, "<a href=\"");
	rc__out_xml(o, u.data ? u.data : "");
	rc__outs(o, "\" rel=\"noopener noreferrer\">");
	rc__out_xml(o, title ? title : "article");
	rc__outs(o, "</a>");
	rc__buf_dispose(&u);
}

static void html_claims_table(rc__out *o, const rc_claim_ref *const *refs, size_t n,
                              const rc_metric_result *m)
{
	rc__outs(o, "<table class=\"claims\"><thead><tr><th>Figure</th><th>Interval</th><th>Status</th>"
	            "<th>Source</th><th>Date</th><th>Article</th><th>Cites</th><th>Quote</th>"
	            "<th>Location</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const rc_claim_ref *r = refs[i];
		char iv[96], loc[1024];
		rc__interval_report(r->effective, iv, sizeof iv);
		rc__ref_location(loc, sizeof loc, r);
		rc__outs(o, "<tr><td");
		if (m && in_contradiction(m, r))
			rc__outs(o, " class=\"contradiction\"");
		rc__outs(o, ">");
		rc__out_xml(o, r->claim->text);
		rc__outs(o, "</td><td class=\"num\">");
		rc__out_xml(o, iv);
		rc__outs(o, "</td><td>");
		rc__outs(o, rc_claim_status_str(r->claim->status));
		rc__outs(o, "</td><td>");
		claim_origin_cells(o, r, "</td><td>", rc__out_xml, html_article);
		rc__outs(o, "</td><td class=\"quote\">");
		rc__out_xml(o, r->claim->quote);
		rc__outs(o, "</td><td class=\"loc\">");
		rc__out_xml(o, loc);
		rc__outs(o, "</td></tr>\n");
	}
	rc__outs(o, "</tbody></table>\n");
}

/* The anchor of a metric: "ev-<event id>-m<index>". */
static void metric_anchor(rc__out *o, const rc_event *ev, size_t m)
{
	rc__outs(o, "ev-");
	rc__out_xml(o, ev->id);
	rc__outf(o, "-m%zu", m);
}

/* The reports behind a conflict: "Outlet A, 2024-01-06; Outlet B". */
static void conflict_outlets(rc__out *o, const rc_conflict *cf)
{
	for (size_t i = 0; i < cf->n_claims; i++) {
		const rc_claim_ref *r = cf->claims[i];
		if (i)
			rc__outs(o, "; ");
		if (rc__url_is_web(r->rec->url)) {
			rc_buf u;
			rc__buf_init(&u, 0);
			rc__url_append(&u, r->rec->url, "\"<>'`");
			rc__outs(o, "<a href=\"");
			rc__out_xml(o, u.data ? u.data : "");
			rc__outs(o, "\" rel=\"noopener noreferrer\">");
			rc__out_xml(o, rc__ref_label(r));
			rc__outs(o, "</a>");
			rc__buf_dispose(&u);
		} else {
			rc__out_xml(o, rc__ref_label(r));
		}
		if (rc__ref_date(r)) {
			rc__outs(o, ", ");
			rc__out_xml(o, rc__ref_date(r));
		}
	}
}

/* The index a fact-checker starts from: every conflict, contradictions
 * first, each linking to its metric. */
static void html_conflict_index(ctx *c, const rc__tally *t)
{
	rc__out *o = &c->o;
	const rc_result *res = c->res;
	if (!t->conflicts)
		return;
	rc__outf(o, "<section id=\"conflicts\"><h2>Conflicts (%zu)</h2>\n", t->conflicts);
	rc__outs(o, "<table class=\"index\"><thead><tr><th>Event</th><th>Metric</th><th>Kind</th>"
	            "<th>Figures</th><th>Outlets</th></tr></thead><tbody>\n");
	static const rc_conflict_kind order[] = {RC_CONFLICT_DISPUTE, RC_CONFLICT_CONTRADICTION,
	                                         RC_CONFLICT_REVISION, RC_CONFLICT_PROGRESSION};
	for (size_t k = 0; k < RC_ARRAY_LEN(order); k++)
		for (size_t e = 0; e < res->n_events; e++) {
			const rc_event *ev = &res->events[e];
			for (size_t m = 0; m < ev->n_metrics; m++)
				for (size_t i = 0; i < ev->metrics[m].n_conflicts; i++) {
					const rc_conflict *cf = &ev->metrics[m].conflicts[i];
					if (cf->kind != order[k])
						continue;
					rc__outs(o, "<tr><td><a href=\"#");
					metric_anchor(o, ev, m);
					rc__outs(o, "\">");
					rc__out_xml(o, ev->label);
					rc__outs(o, "</a></td><td>");
					rc__out_xml(o, ev->metrics[m].metric);
					rc__outf(o, "</td><td class=\"%s\">%s</td><td>", rc_conflict_kind_str(cf->kind),
					         rc_conflict_kind_str(cf->kind));
					rc_buf s;
					rc__buf_init(&s, 0);
					rc__conflict_summary(&s, cf);
					rc__out_xml(o, s.data ? s.data : "");
					rc__buf_dispose(&s);
					rc__outs(o, "</td><td>");
					conflict_outlets(o, cf);
					rc__outs(o, "</td></tr>\n");
				}
		}
	rc__outs(o, "</tbody></table>\n</section>\n");
}

static void write_html(ctx *c)
{
	rc__out *o = &c->o;
	const rc_result *res = c->res;
	rc__tally t;
	rc__tally_result(&t, res);
	rc__outs(o, html_head);
	rc__outs(o, "<header><h1>recount report</h1>\n<p class=\"summary\">");
	rc_buf b;
	rc__buf_init(&b, 0);
	rc__out sum;
	rc__out_init(&sum, NULL);
	summary_line(&sum, res, &t);
	rc__out_xml(o, sum.b.data ? sum.b.data : "");
	rc__out_dispose(&sum);
	rc__outs(o, ".</p>\n");
	size_t hidden = hidden_events(c);
	if (hidden)
		rc__outf(o, "<p class=\"meta\">%zu event%s with no figures %s not listed "
		         "(<code>--all-events</code> lists them).</p>\n", hidden, hidden == 1 ? "" : "s",
		         hidden == 1 ? "is" : "are");
	rc__outs(o, "</header>\n<main>\n");
	html_conflict_index(c, &t);
	if (res->n_events > hidden) {
		rc__outs(o, "<nav aria-label=\"Events\"><h2>Events</h2><ul>\n");
		for (size_t e = shown_from(c, 0); e < res->n_events; e = shown_from(c, e + 1)) {
			const rc_event *ev = &res->events[e];
			size_t contra = 0;
			for (size_t m = 0; m < ev->n_metrics; m++)
				for (size_t k = 0; k < ev->metrics[m].n_conflicts; k++)
					contra += ev->metrics[m].conflicts[k].kind == RC_CONFLICT_CONTRADICTION;
			rc__outs(o, "<li><a href=\"#ev-");
			rc__out_xml(o, ev->id);
			rc__outs(o, "\">");
			rc__out_xml(o, ev->label);
			rc__outs(o, "</a>");
			if (contra)
				rc__outf(o, " <span class=\"contradiction\">%zu contradiction%s</span>", contra,
				         contra == 1 ? "" : "s");
			rc__outs(o, "</li>\n");
		}
		rc__outs(o, "</ul></nav>\n<p class=\"filter\"><label>Filter events: <input id=\"filter\" "
		            "type=\"search\"></label></p>\n");
	}
	for (size_t e = shown_from(c, 0); e < res->n_events; e = shown_from(c, e + 1)) {
		const rc_event *ev = &res->events[e];
		rc__outs(o, "<section class=\"event\" id=\"ev-");
		rc__out_xml(o, ev->id);
		rc__outs(o, "\">\n<h2>");
		rc__out_xml(o, ev->label);
		rc__outs(o, "</h2>\n<p class=\"meta\"><span class=\"id\">");
		rc__out_xml(o, ev->id);
		rc__outs(o, "</span> \xc2\xb7 ");
		rc__buf_reset(&b);
		event_where(&b, ev);
		rc__out_xml(o, b.data ? b.data : "");
		rc__outf(o, " \xc2\xb7 %zu document%s:", ev->n_documents, ev->n_documents == 1 ? "" : "s");
		for (size_t d = 0; d < ev->n_documents; d++) {
			rc__outs(o, " ");
			rc__out_xml(o, ev->documents[d]);
		}
		rc__outs(o, "</p>\n");
		for (size_t m = 0; m < ev->n_metrics; m++) {
			const rc_metric_result *mr = &ev->metrics[m];
			metric_strs ms;
			metric_strings(&ms, mr);
			rc__outs(o, "<article class=\"metric\" id=\"");
			metric_anchor(o, ev, m);
			rc__outs(o, "\">\n<h3>");
			rc__out_xml(o, mr->metric);
			rc__outs(o, "</h3>\n");
			if (mr->current)
				current_figure(o, mr, &html_prose);
			rc__outs(o, "<p>Credible <b>");
			rc__out_xml(o, ms.best);
			rc__outs(o, "</b>; range <b>");
			rc__out_xml(o, ms.range);
			rc__outs(o, "</b>; all current figures agree on <b>");
			rc__out_xml(o, ms.core);
			rc__outf(o, "</b>; %zu document%s, %zu independent origin%s.</p>\n", mr->documents,
			         mr->documents == 1 ? "" : "s", mr->origins, mr->origins == 1 ? "" : "s");
			svg_number_line(o, mr);
			svg_timeline(o, mr);
			for (size_t k = 0; k < mr->n_conflicts; k++) {
				const rc_conflict *cf = &mr->conflicts[k];
				rc_buf s;
				rc__buf_init(&s, 0);
				rc__conflict_summary(&s, cf);
				rc__outf(o, "<p class=\"conflict\"><span class=\"%s\">%s</span>",
				         rc_conflict_kind_str(cf->kind), rc_conflict_kind_str(cf->kind));
				if (cf->date)
					rc__outf(o, " on %s", cf->date);
				rc__outs(o, ": ");
				rc__out_xml(o, s.data ? s.data : "");
				rc__buf_dispose(&s);
				conflict_why(o, cf, rc__out_xml);
				rc__outs(o, "</p>\n");
			}
			html_claims_table(o, mr->claims, mr->n_claims, mr);
			rc__outs(o, "</article>\n");
		}
		for (size_t a = 0; a < ev->n_aggregates; a++) {
			const rc_aggregate *ag = &ev->aggregates[a];
			aggregate_line(o, ag, &html_prose);
			html_claims_table(o, &ag->ref, 1, NULL);
		}
		rc__outs(o, "</section>\n");
	}
	if (res->n_unlinked) {
		rc__outf(o, "<section id=\"unlinked\"><h2>Claims with no event (%zu)</h2>\n", res->n_unlinked);
		html_claims_table(o, res->unlinked, res->n_unlinked, NULL);
		rc__outs(o, "</section>\n");
	}
	rc__buf_dispose(&b);
	rc__outs(o, "</main>\n");
	rc__outs(o, html_tail);
}

rc_status rc_report_write(FILE *fp, const rc_result *res, rc_format fmt,
                          const rc_report_options *opts, rc_error *err)
{
	rc_status st = rc__write_args_check(opts, fp, res, "rc_report_write", "no stream or result", err);
	if (st != RC_OK)
		return st;
	if (fmt != RC_FORMAT_TEXT && fmt != RC_FORMAT_MD && fmt != RC_FORMAT_HTML)
		return rc__error_set(err, RC_ERR_INVALID, "format '%s' is not a report format (text, md, html, json)",
		                     rc_format_str(fmt));
	ctx c = {.res = res, .color = opts && opts->color && fmt == RC_FORMAT_TEXT,
	         .all_events = opts && opts->all_events, .width = opts ? opts->width : 0,
	         .text_width = rc__display_width};
	rc__out_init(&c.o, fp);
	if (fmt == RC_FORMAT_TEXT)
		write_text(&c);
	else if (fmt == RC_FORMAT_MD)
		write_md(&c);
	else
		write_html(&c);
	st = rc__out_finish(&c.o, err);
	rc__out_dispose(&c.o);
	return st;
}
