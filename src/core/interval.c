/*
 * Intervals: the algebra every stage compares figures with
 * (include/recount/interval.h).  Approximate figures are widened here, in
 * rc_interval_widen, and nowhere else.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include "core/core.h"

/* ---- approximation: the one place the tolerance is applied --------------- */

double rc__tolerance_resolve(double t)
{
	return t > 0 && t < 1 ? t : RC_APPROX_TOLERANCE_DEFAULT;
}

bool rc_interval_meets(const rc_interval *a, const rc_interval *b)
{
	/* a entirely below b, or b entirely below a? */
	if (!a->hi_inf && !b->lo_inf && (a->hi < b->lo || (a->hi == b->lo && !(a->hi_incl && b->lo_incl))))
		return false;
	if (!b->hi_inf && !a->lo_inf && (b->hi < a->lo || (b->hi == a->lo && !(b->hi_incl && a->lo_incl))))
		return false;
	return true;
}

bool rc_interval_equal(const rc_interval *a, const rc_interval *b)
{
	return a->lo_inf == b->lo_inf && a->hi_inf == b->hi_inf &&
	       (a->lo_inf || (a->lo == b->lo && a->lo_incl == b->lo_incl)) &&
	       (a->hi_inf || (a->hi == b->hi && a->hi_incl == b->hi_incl));
}

rc_interval rc_interval_widen(const rc_interval *iv, double value, bool approx,
                              const char *qualifier, double tolerance)
{
	(void)qualifier;
	rc_interval w = *iv;
	if (!approx)
		return w;
	tolerance = rc__tolerance_resolve(tolerance);
	if (w.lo_inf && !w.hi_inf) {
		/* "nearly 100" = below 100: reaches down to 100 - t*100 */
		w.lo = w.hi - tolerance * fabs(w.hi);
		w.lo_inf = false;
		w.lo_incl = true;
	} else if (w.hi_inf && !w.lo_inf) {
		/* "just over 90", "40-odd": reaches up to n + t*n */
		w.hi = w.lo + tolerance * fabs(w.lo);
		w.hi_inf = false;
		w.hi_incl = true;
	} else if (!w.lo_inf && !w.hi_inf) {
		/* "about 100", "some 20 to 30": both ends move out */
		double lo = w.lo, hi = w.hi;
		if (lo == hi && lo == 0 && value == 0)
			return w;
		w.lo = lo - tolerance * fabs(lo);
		w.hi = hi + tolerance * fabs(hi);
		w.lo_incl = w.hi_incl = true;
	}
	/* figures near the double range stay finite */
	w.lo = fmax(fmin(w.lo, DBL_MAX), -DBL_MAX);
	w.hi = fmax(fmin(w.hi, DBL_MAX), -DBL_MAX);
	return w;
}

/* ---- writing ------------------------------------------------------------ */

size_t rc__interval_format(const rc_interval *iv, char *buf, size_t size,
                           void (*num)(char *, size_t, double))
{
	char lo[48], hi[48];
	int n;
	if (!iv->lo_inf && !iv->hi_inf && iv->lo == iv->hi && iv->lo_incl && iv->hi_incl) {
		num(lo, sizeof lo, iv->lo);
		n = snprintf(buf, size, "%s", lo);
	} else {
		if (!iv->lo_inf)
			num(lo, sizeof lo, iv->lo);
		if (!iv->hi_inf)
			num(hi, sizeof hi, iv->hi);
		n = snprintf(buf, size, "%c%s, %s%c", iv->lo_incl && !iv->lo_inf ? '[' : '(',
		             iv->lo_inf ? "-\xe2\x88\x9e" : lo, iv->hi_inf ? "\xe2\x88\x9e" : hi,
		             iv->hi_incl && !iv->hi_inf ? ']' : ')');
	}
	return n < 0 ? 0 : (size_t)n;
}

static void num_15(char *buf, size_t size, double v)
{
	rc__snprintf(buf, size, "%.15g", v);
}

size_t rc_interval_str(const rc_interval *iv, char *buf, size_t size)
{
	return rc__interval_format(iv, buf, size, num_15);
}
