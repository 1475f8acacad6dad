/*
 * The explanations of a result (why.c), for the figure pass that records
 * them and the report writers that write them.
 */
#ifndef RC_WHY_PRIV_H
#define RC_WHY_PRIV_H

#include <recount/reconcile.h>
#include "core/core.h"

/*
 * The explanations (why.c): the figure pass records which sentence and
 * what it names (rc_conflict.why_form and why_arg, rc_metric_result.why_*),
 * rc_conflict_why() and rc_metric_result_current_why() write it.
 */
enum {
	RC__WHY_CONTRA_WINDOW = 1, /* a contradiction of one time window */
	RC__WHY_CONTRA_UNDATED,    /* of one undated report (reports: how many repeat it) */
	RC__WHY_DISPUTE,           /* why_arg.ref: the source it is told from */
	RC__WHY_TEXT_REVISION,     /* a revision the text states (reports: in how many) */
	/* a change across time windows: why_arg.days, why_steps */
	RC__WHY_CHANGE_TEXT,
	RC__WHY_CHANGE_AUTHORITY,
	RC__WHY_CHANGE_LOWER,
	RC__WHY_CHANGE_RISE,
	RC__WHY_CHANGE_FOUND,       /* a falling metric's fall (the missing found) */
	RC__WHY_CHANGE_MORE_MISSING /* a falling metric's rise */
};

/* rc_metric_result.why_form */
enum {
	RC__CWHY_NONE = 0,
	RC__CWHY_DISPUTE,          /* why_count: other sides; why_by: 1 when the most authoritative side */
	RC__CWHY_CONFIRMED,        /* why_ref: the most authoritative figure it agrees with */
	RC__CWHY_UNDATED,
	RC__CWHY_VAGUE,
	RC__CWHY_LATEST,
	RC__CWHY_WINDOW,           /* why_count: its window's figures; why_by: what decided (rc__cwhy_by) */
	RC__CWHY_LATER_VAGUE,      /* why_ref: the latest report's lead */
	RC__CWHY_LATER_AGREE,      /* the same */
	RC__CWHY_REVISED,          /* why_ref: the revised latest dated figure */
	RC__CWHY_ESTIMATED,        /* why_ref: the figure dated by its text; why_day: its day */
	RC__CWHY_INCREMENT         /* the latest of a metric's increments */
};

/* rc_metric_result.why_by of RC__CWHY_WINDOW */
enum {
	RC__CWHY_BY_ONLY = 0,      /* the only precise one */
	RC__CWHY_BY_ORDER,
	RC__CWHY_BY_AUTHORITY,
	RC__CWHY_BY_PRECISE,
	RC__CWHY_BY_REPORTED,
	RC__CWHY_BY_LATEST,
	RC__CWHY_BY_HIGHEST
};

/* rc_conflict_why() and rc_metric_result_current_why() into b (reset
 * first): NULL without a sentence or without memory. */
const char *rc__conflict_why(rc_buf *b, const rc_conflict *c);
const char *rc__current_why(rc_buf *b, const rc_metric_result *m);

#endif
