/*
 * The explanations of a result: why a conflict was classified so
 * (rc_conflict_why()) and why the current figure is the one
 * (rc_metric_result_current_why()).  The figure pass records which sentence
 * and what it names; the sentence is written when asked for, so a result
 * does not hold one per conflict and metric (docs/performance.md, Issue 20,
 * eighth round).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <recount/reconcile.h>
#include "core/core.h"
#include "reconcile/why-priv.h"

/* Who a claim cites, else its outlet, else its document. */
static const char *who(const rc_claim_ref *c)
{
	if (c->claim->attribution)
		return c->claim->attribution;
	if (c->rec->source && *c->rec->source)
		return c->rec->source;
	return c->rec->doc ? c->rec->doc : "?";
}

static const char *text(const rc_claim_ref *c)
{
	return c->claim->text ? c->claim->text : "?";
}

static const char *when(const rc_claim_ref *c)
{
	return c->rec->published && *c->rec->published ? c->rec->published : "undated";
}

/* snprintf that returns a size_t (0 on an encoding error, which the
 * formats below cannot make). */
static size_t out(char *buf, size_t size, const char *fmt, ...) RC_PRINTF(3, 4);
static size_t out(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (n < 0) {
		if (size)
			buf[0] = 0;
		return 0;
	}
	return (size_t)n;
}

size_t rc_conflict_why(const rc_conflict *c, char *buf, size_t size)
{
	if (!c || !c->n_claims || !c->claims) {
		if (size)
			buf[0] = 0;
		return 0;
	}
	const rc_claim_ref *a = c->claims[0], *b = c->claims[c->n_claims - 1];
	size_t n = c->n_claims, reports = c->why_form == RC__WHY_CONTRA_UNDATED ? c->reports : 0;
	long days = (long)c->why_arg.days;
	const char *ds = days == 1 ? "" : "s";
	size_t steps = c->why_steps;
	switch (c->why_form) {
	case RC__WHY_CONTRA_WINDOW:
	case RC__WHY_CONTRA_UNDATED:
		if (c->date && n == 2)
			return out(buf, size, "%s (%s) and %s (%s) cannot both be true, and were reported the same "
			                      "day by different sources", text(a), who(a), text(b), who(b));
		if (c->date)
			return out(buf, size, "%zu figures reported the same day by different sources cannot all be "
			                      "true, from %s (%s) to %s (%s)", n, text(a), who(a), text(b), who(b));
		if (n == 2)
			return out(buf, size, "%s (%s) and %s (%s) cannot both be true, and stand in the same undated "
			                      "report%s", text(a), who(a), text(b), who(b),
			           reports > 1 ? "; other reports repeat the disagreement" : "");
		return out(buf, size, "%zu figures in the same undated report cannot all be true, from %s (%s) to "
		                      "%s (%s)%s", n, text(a), who(a), text(b), who(b),
		           reports > 1 ? "; other reports repeat the disagreement" : "");
	case RC__WHY_DISPUTE: {
		/* told from the reference source's claim; the first other side
		 * follows the current figure's */
		const rc_claim_ref *r = c->why_arg.ref ? c->why_arg.ref : a, *o = c->claims[n > 1 ? 1 : 0];
		if (n - 1 == 1)
			return out(buf, size, "%s (latest %s, %s) and %s (latest %s, %s) keep giving incompatible figures",
			           who(r), text(r), when(r), who(o), text(o), when(o));
		return out(buf, size, "%s (latest %s, %s) and %zu other named sources, among them %s (latest %s, %s), "
		                      "keep giving incompatible figures", who(r), text(r), when(r), n - 1, who(o), text(o),
		           when(o));
	}
	case RC__WHY_TEXT_REVISION:
		if (c->reports > 1)
			return out(buf, size, "the text revises %s to %s (in %zu reports)", text(a), text(b),
			           (size_t)c->reports);
		return out(buf, size, "the text revises %s to %s", text(a), text(b));
	case RC__WHY_CHANGE_RISE:
	case RC__WHY_CHANGE_FOUND:
	case RC__WHY_CHANGE_MORE_MISSING: {
		/* a change over days: "a rose to b over 3 days in 2 steps, as ..." */
		char in[48] = "";
		if (steps > 1)
			snprintf(in, sizeof in, " in %zu steps", steps);
		bool fell = c->why_form == RC__WHY_CHANGE_FOUND;
		return out(buf, size, "%s %s to %s over %ld day%s%s, %s", text(a), fell ? "fell" : "rose", text(b), days,
		           ds, in,
		           fell ? "as the missing are found or accounted for"
		           : c->why_form == RC__WHY_CHANGE_RISE ? "as tolls do when the injured die or bodies are found"
		                                                : "as more people are reported missing");
	}
	case RC__WHY_CHANGE_TEXT:
		return out(buf, size, "the later report revises %s to %s", text(a), text(b));
	case RC__WHY_CHANGE_AUTHORITY:
		return out(buf, size, "the same authority (%s) put it at %s, then at %s %ld day%s later", who(a), text(a),
		           text(b), days, ds);
	case RC__WHY_CHANGE_LOWER:
		return out(buf, size, "%s (%s) was followed %ld day%s later by a lower %s (%s), the latest figure",
		           text(a), who(a), days, ds, text(b), who(b));
	default:
		if (size)
			buf[0] = 0;
		return 0;
	}
}

static const char *const by_text[] = {
	[RC__CWHY_BY_ONLY] = "the only precise one",
	[RC__CWHY_BY_ORDER] = "the later in report order",
	[RC__CWHY_BY_AUTHORITY] = "the most authoritative source",
	[RC__CWHY_BY_PRECISE] = "the most precise",
	[RC__CWHY_BY_REPORTED] = "the most widely reported",
	[RC__CWHY_BY_LATEST] = "the latest",
	[RC__CWHY_BY_HIGHEST] = "equally authoritative, precise and reported: the highest",
};

size_t rc_metric_result_current_why(const rc_metric_result *m, char *buf, size_t size)
{
	const rc_claim_ref *c = m ? m->current : NULL, *l = m ? m->why_ref : NULL;
	if (!c || (!l && (m->why_form == RC__CWHY_CONFIRMED || m->why_form == RC__CWHY_LATER_VAGUE ||
	                  m->why_form == RC__CWHY_LATER_AGREE || m->why_form == RC__CWHY_REVISED ||
	                  m->why_form == RC__CWHY_ESTIMATED))) {
		if (size)
			buf[0] = 0;
		return 0;
	}
	size_t n = m->why_count;
	switch (m->why_form) {
	case RC__CWHY_DISPUTE:
		return out(buf, size, "%s side of a dispute with %zu other named source%s: %s, latest on %s",
		           m->why_by ? "the most authoritative" : "the latest report's", n, n == 1 ? "" : "s", who(c),
		           when(c));
	case RC__CWHY_CONFIRMED:
		return out(buf, size, "no report is dated: %s (%s) agrees with the most authoritative figure, %s (%s), "
		                      "and is more precise", text(c), who(c), text(l), who(l));
	case RC__CWHY_UNDATED:
		return out(buf, size, "no report is dated: the most authoritative figure, then the most widely reported, "
		                      "then the highest (%s)", who(c));
	case RC__CWHY_VAGUE:
		return out(buf, size, "only vague figures were reported");
	case RC__CWHY_LATEST:
		return out(buf, size, "the latest report (%s, %s)", when(c), who(c));
	case RC__CWHY_INCREMENT:
		return out(buf, size, "the latest increment reported (%s, %s); each adds to the total, none replaces "
		                      "another", when(c), who(c));
	case RC__CWHY_WINDOW:
		return out(buf, size, "the latest report (%s); of that %s's %zu figures, %s (%s)", when(c),
		           m->why_window ? "day" : "time window", n,
		           m->why_by < sizeof by_text / sizeof *by_text ? by_text[m->why_by] : "?", who(c));
	case RC__CWHY_LATER_VAGUE:
		return out(buf, size, "the latest precise figure (%s, %s); later reports give only vague figures (%s on %s)",
		           when(c), who(c), text(l), when(l));
	case RC__CWHY_LATER_AGREE:
		return out(buf, size, "the latest precise figure (%s, %s); the later reports agree with it (%s on %s)",
		           when(c), who(c), text(l), when(l));
	case RC__CWHY_REVISED:
		return out(buf, size, "the latest dated figure (%s, %s) is revised by an undated report, which is the "
		                      "later; of the undated reports' figures, the most authoritative (%s)", text(l),
		           when(l), who(c));
	case RC__CWHY_ESTIMATED: {
		int y, mo, d;
		rc__civil_from_days(m->why_day, &y, &mo, &d);
		return out(buf, size, "the latest report (%s, %s) is dated only by its text (no earlier than "
		                      "%04d-%02d-%02d); an undated report's more precise figure agrees with it (%s)",
		           text(l), who(l), y, mo, d, who(c));
	}
	default:
		if (size)
			buf[0] = 0;
		return 0;
	}
}

/* One of the two above into b, reset first. */
static const char *into(rc_buf *b, const void *x, size_t (*write)(const void *, char *, size_t))
{
	char stack[512];
	size_t n = write(x, stack, sizeof stack);
	rc__buf_reset(b);
	if (!n)
		return NULL;
	if (rc__buf_reserve(b, n + 1) != RC_OK)
		return NULL;
	if (n < sizeof stack)
		memcpy(b->data, stack, n + 1);
	else
		write(x, b->data, n + 1);
	b->len = n;
	return b->data;
}

static size_t conflict_write(const void *x, char *buf, size_t size)
{
	return rc_conflict_why(x, buf, size);
}

static size_t current_write(const void *x, char *buf, size_t size)
{
	return rc_metric_result_current_why(x, buf, size);
}

const char *rc__conflict_why(rc_buf *b, const rc_conflict *c)
{
	return into(b, c, conflict_write);
}

const char *rc__current_why(rc_buf *b, const rc_metric_result *m)
{
	return into(b, m, current_write);
}
