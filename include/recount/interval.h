/*
 * recount: intervals, the algebra every stage compares figures with.
 *
 * A figure is an interval that keeps its qualifier: "84" is [84, 84],
 * "over 90" is (90, +inf), "nearly 100" is an approximate figure just under
 * 100.  An approximate figure is widened by one tolerance, in one function
 * (rc_interval_widen), before any comparison.
 */
#ifndef RECOUNT_INTERVAL_H
#define RECOUNT_INTERVAL_H

#include <recount/export.h>

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * An interval with open, closed or unbounded ends.  An unbounded end has
 * lo_inf (or hi_inf) set and its number is meaningless.
 */
typedef struct rc_interval {
	double lo, hi;
	bool lo_incl, hi_incl;
	bool lo_inf, hi_inf;
} rc_interval;

/** The default tolerance of approximate figures, 0.10. */
#define RC_APPROX_TOLERANCE_DEFAULT 0.10

/**
 * The interval an approximate figure stands for once a tolerance is
 * applied: "about 100" -> [90, 110], "nearly 100" -> [90, 100).  Exact
 * figures (approx false) come back unchanged.  value is the number as
 * written; a tolerance outside (0, 1) means the default.  This is the one
 * place where the tolerance is applied; every comparison goes through it.
 */
RC_API rc_interval rc_interval_widen(const rc_interval *iv, double value, bool approx,
                                     const char *qualifier, double tolerance);

/** Whether two intervals share a point (the test of every conflict and
 *  of verify: [84, 84] and (90, ∞) do not, [90, 100) and (90, ∞) do). */
RC_API bool rc_interval_meets(const rc_interval *a, const rc_interval *b);

/** Whether two intervals are the same set: ends and their inclusion
 *  (an infinite end's value and inclusion flag are ignored). */
RC_API bool rc_interval_equal(const rc_interval *a, const rc_interval *b);

/**
 * Write an interval in mathematical notation into buf (always
 * NUL-terminated): "84" for a point, "[84, 103]", "(90, ∞)",
 * "(-∞, 100)".  Numbers print with up to 15 significant digits.
 * Returns the length it needed, as snprintf() does.
 */
RC_API size_t rc_interval_str(const rc_interval *iv, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
