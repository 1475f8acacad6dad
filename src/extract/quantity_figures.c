/*
 * One figure in its context, for the quantity recognizer's cascade: a
 * number with what follows it (a range, a postfix qualifier, a unit) and
 * what precedes it (a qualifier, a currency), with the kind decided from
 * that context; and the readers that know numbers are not counts (dates,
 * clock times) or are vague ("dozens").  Readers look at tokens and return
 * what they read; only the cascade emits.
 */
#include <math.h>
#include <string.h>
#include "core/core.h"
#include "extract/quantity-int.h"

/* Does phrase p match at token i?  Returns the index after it, or 0. */
static size_t match_phrase(const rc__qscan *x, size_t i, const rc__qphrase *p)
{
	for (size_t k = 0; k < p->n; k++)
		if (!rc__qis(x, i + k, p->w[k]))
			return 0;
	return i + p->n;
}

const rc__qphrase *rc__qlongest(const rc__qscan *x, size_t i, int t, size_t *end)
{
	const rc__qphrase *best = NULL;
	size_t be = 0;
	*end = 0;
	/* every word of a table phrase is in the lexicon */
	if (i >= x->n || x->t[i].lex < 0)
		return NULL;
	const rc__qlexent *e = &x->r->ents[x->t[i].lex];
	const rc__qphrase *p = x->r->tab[t] + e->first[t];
	for (size_t k = 0; k < e->nfirst[t]; k++) {
		size_t m = match_phrase(x, i, &p[k]);
		if (m > be) {
			be = m;
			best = &p[k];
		}
	}
	*end = be;
	return best;
}

/* Apply a bound to a figure (a point or a range [lo, hi]). */
static void apply_bound(rc_quantity *q, rc__bound b)
{
	rc_interval iv = q->iv;
	switch (b) {
	case RC_B_GT:
	case RC_B_APPROX_GT:
		q->iv = (rc_interval){.lo = iv.lo, .lo_incl = false, .hi_inf = true};
		break;
	case RC_B_GE:
	case RC_B_APPROX_GE:
		q->iv = (rc_interval){.lo = iv.lo, .lo_incl = true, .hi_inf = true};
		break;
	case RC_B_LT:
	case RC_B_APPROX_LT:
		q->iv = (rc_interval){.hi = iv.hi, .hi_incl = false, .lo_inf = true};
		break;
	case RC_B_LE:
		q->iv = (rc_interval){.hi = iv.hi, .hi_incl = true, .lo_inf = true};
		break;
	case RC_B_EXACT:
	case RC_B_APPROX:
	case RC_B_RANGE:
	case RC_B_OR_EQUAL:
		break;
	}
	if (b == RC_B_APPROX || b == RC_B_APPROX_LT || b == RC_B_APPROX_GT || b == RC_B_APPROX_GE)
		q->approx = true;
}

static const char *canon(const rc__qualifier *q)
{
	return q->canon ? q->canon : q->phrase;
}

static bool day_number(const rc__qscan *x, size_t i)
{
	return rc__qis_num(x, i) && !x->t[i].dec && !x->t[i].sep && x->t[i].ndig <= 2 &&
	       x->t[i].val >= 1 && x->t[i].val <= 31;
}

/* A day and month ending before token j, with the year after them if one
 * follows, with or without a comma ("January 3, 2024"): the end. */
static size_t with_year(const rc__qscan *x, size_t j)
{
	size_t k = rc__qis(x, j, x->r->id_comma) ? j + 1 : j;
	return rc__qyear_number(x, k) ? k + 1 : j;
}

/*
 * Dates at i: "January 3", "Jan. 3, 2024", "3 January 2024", "3rd of
 * January", "January 2024", "01/19/2024", "2024-04-02", "1995-01".
 * Returns the index after the date, or 0.
 */
size_t rc__qdate_at(const rc__qscan *x, size_t i)
{
	const rc_recognizer *r = x->r;
	size_t j;
	if (rc__qmonth_at(x, i)) {
		j = i + 1;
		if (rc__qis(x, j, r->id_dot) && rc__qglued(x, i))
			j++;
		if (day_number(x, j)) {
			j++;
			if (rc__qordinal_suffix(x, j - 1))
				j++;
			/* "January 3-5" */
			if (rc__qis(x, j, r->id_dash) && day_number(x, j + 1) && rc__qglued(x, j - 1) && rc__qglued(x, j))
				j += 2;
			return with_year(x, j);
		}
		if (rc__qyear_number(x, j))
			return j + 1;
		return 0;
	}
	if (day_number(x, i)) {
		j = i + 1;
		if (rc__qordinal_suffix(x, i))
			j++;
		if (rc__qis(x, j, r->id_of) && rc__qmonth_at(x, j + 1))
			j++;
		if (rc__qmonth_at(x, j)) {
			j++;
			if (rc__qis(x, j, r->id_dot) && rc__qglued(x, j - 1))
				j++;
			return with_year(x, j);
		}
	}
	/* numeric dates, all parts glued */
	if (rc__qis_num(x, i) && !x->t[i].dec && !x->t[i].sep) {
		const rc__qtok *a = &x->t[i];
		if ((rc__qis(x, i + 1, r->id_slash) || rc__qis(x, i + 1, r->id_dash)) &&
		    rc__qglued(x, i) && rc__qglued(x, i + 1) &&
		    rc__qis_num(x, i + 2) && !x->t[i + 2].dec) {
			int32_t sepid = x->t[i + 1].lex;
			const rc__qtok *b = &x->t[i + 2];
			if (rc__qis(x, i + 3, sepid) && rc__qglued(x, i + 2) && rc__qglued(x, i + 3) &&
			    rc__qis_num(x, i + 4) &&
			    !x->t[i + 4].dec) {
				const rc__qtok *c = &x->t[i + 4];
				bool ymd = a->ndig == 4 && b->val >= 1 && b->val <= 12 && c->val >= 1 && c->val <= 31;
				bool dmy = a->ndig <= 2 && b->ndig <= 2 && (c->ndig == 4 || c->ndig == 2) &&
				           a->val >= 1 && b->val >= 1 && ((a->val <= 12 && b->val <= 31) ||
				                                          (a->val <= 31 && b->val <= 12));
				if (ymd || dmy)
					return i + 5;
			}
			/* "1995-01", "2024/04" */
			if (a->ndig == 4 && b->ndig == 2 && b->lead0 && b->val >= 1 && b->val <= 12)
				return i + 3;
		}
	}
	return 0;
}

/* A clock time at i: "15:00", "3:30 pm", "3 p.m.", "0800 GMT". */
size_t rc__qtime_at(const rc__qscan *x, size_t i)
{
	const rc_recognizer *r = x->r;
	if (!rc__qis_num(x, i) || x->t[i].dec || x->t[i].sep)
		return 0;
	const rc__qtok *h = &x->t[i];
	size_t j = 0;
	if (rc__qis(x, i + 1, r->id_colon) && rc__qglued(x, i) && rc__qglued(x, i + 1) &&
	    rc__qis_num(x, i + 2) &&
	    x->t[i + 2].ndig == 2 && !x->t[i + 2].dec && h->ndig <= 2 && h->val <= 24 &&
	    x->t[i + 2].val <= 59) {
		j = i + 3;
		if (rc__qis(x, j, r->id_colon) && rc__qglued(x, j - 1) && rc__qis_num(x, j + 1) &&
		    x->t[j + 1].ndig == 2)
			j += 2;
	}
	size_t k = j ? j : i + 1;
	size_t end;
	const rc__qphrase *u = rc__qlongest(x, k, QTAB_UNIT, &end);
	if (u && rc__q_units[u->idx].kind == RC_QK_TIME) {
		bool mer = rc__qflags(x, k) & QF_MERIDIEM;
		if (j || (mer && h->ndig <= 2 && h->val >= 1 && h->val <= 12) ||
		    (!mer && h->ndig == 4 && fmod(h->val, 100) <= 59 && h->val <= 2400)) {
			/* "a.m." keeps its full stop */
			if (end < x->n && rc__qis(x, end, r->id_dot) && rc__qglued(x, end - 1) && mer &&
			    memchr(x->s + x->t[end - 1].s, '.', x->t[end - 1].e - x->t[end - 1].s))
				end++;
			return end;
		}
	}
	return j;
}

/* A unit after the number ending at j ("700 meters", "20%", "22-year-old",
 * "700-metre"); *kind gets its kind.  Clock words are rc__qtime_at()'s. */
static size_t unit_after(const rc__qscan *x, size_t j, rc_quantity_kind *kind)
{
	size_t end = 0, k = j;
	const rc__qphrase *u = NULL;
	if (j == 0 || j >= x->n)
		return 0;
	if (rc__qflags(x, j) & QF_UNIT)
		u = rc__qlongest(x, j, QTAB_UNIT, &end);
	if (!u && rc__qis(x, j, x->r->id_dash) && rc__qglued(x, j - 1) && rc__qglued(x, j) &&
	    (rc__qflags(x, j + 1) & QF_UNIT)) {
		k = j + 1;
		u = rc__qlongest(x, k, QTAB_UNIT, &end);
	}
	if (!u)
		return 0;
	/* a one-letter unit ("m", "g") only glued to its number: "5 m" is not read */
	if (x->t[k].type == QT_WORD && x->t[k].e - x->t[k].s == 1 && x->t[k].gap)
		return 0;
	*kind = rc__q_units[u->idx].kind;
	if (*kind == RC_QK_TIME)
		return 0;
	return end;
}

/* A postfix qualifier at j: "or more", "-plus", "+", "or so". */
static const rc__qualifier *postfix_at(const rc__qscan *x, size_t j, size_t *end)
{
	const rc_recognizer *r = x->r;
	if (!(rc__qflags(x, j) & QF_QPOST))
		return NULL;
	const rc__qphrase *p = rc__qlongest(x, j, QTAB_POST, end);
	if (!p)
		return NULL;
	const rc__qualifier *q = &rc__q_postfix[p->idx];
	/* "+" and "-plus", "-odd" must touch the number */
	if ((rc__qis(x, j, r->id_plus) || rc__qis(x, j, r->id_dash)) && x->t[j].gap)
		return NULL;
	/* "200 or greater than 190": the qualifier belongs to the next number */
	size_t k = *end;
	if (rc__qis(x, k, r->id_than) || rc__qis(x, k, r->id_to))
		k++;
	if (rc__qis_num(x, k) || (rc__qflags(x, k) & QF_NUM))
		return NULL;
	return q;
}

/* Does token i follow a word of change ("rose from 84 to 95", "up by 10 to
 * 95")?  Then two numbers are a before and an after, not a range. */
static bool after_change(const rc__qscan *x, size_t i)
{
	if (i > 0 && (rc__qflags(x, i - 1) & QF_CHANGE))
		return true;
	return i > 1 && rc__qis(x, i - 1, x->r->id_from) && (rc__qflags(x, i - 2) & QF_CHANGE);
}

/* The range partner of a after link token k, if a and it form a range. */
static bool range_partner(const rc__qscan *x, const rc__qnum *a, size_t k, bool money, rc__qnum *b,
                          double *lo, double *hi)
{
	if (k + 1 >= x->n || !rc__qnumber(x, k + 1, money, b) || b->neg)
		return false;
	*lo = a->v;
	*hi = b->v;
	/* a scale after the second number scales the first: "1 to 2 million",
	 * "two to three million", "1.5-2bn" */
	if (b->scaled && !a->scaled && b->v >= 1000) {
		double base = b->v, sc = 1;
		while (base >= 1000 && fmod(base, 1000) == 0) {
			base /= 1000;
			sc *= 1000;
		}
		if (b->first && b->first->val > 0 && !b->words)
			sc = b->v / b->first->val, base = b->first->val;
		if (a->v <= base)
			*lo = a->v * sc;
	}
	return true;
}

/*
 * A number with everything after it: a range ("84 to 103", "84-103",
 * "two or three"), a postfix qualifier, a unit.  The kind comes from the
 * context.  pre is the qualifier before it (or NULL) and qi0 the first
 * token of the whole figure.
 */
bool rc__qfigure_at(const rc__qscan *x, size_t i, const rc__qualifier *pre, size_t qi0, rc__qfound *f)
{
	const rc_recognizer *r = x->r;
	bool money = false;
	size_t ci = i;
	/* currency before: "$5", "US$ 1MM", "Rs. 500", "€200" */
	if ((rc__qflags(x, i) & QF_CURRENCY) && i + 1 < x->n &&
	    (rc__qis_num(x, i + 1) || (rc__qflags(x, i + 1) & QF_NUM))) {
		money = true;
		i++;
	}
	rc__qnum a, b;
	if (!rc__qnumber(x, i, money, &a))
		return false;
	rc_quantity q = {.kind = RC_QK_COUNT, .value = a.v, .iv = rc__qpoint(a.v),
	                 .num_start = x->t[a.i0].s, .num_end = x->t[a.i1 - 1].e};
	size_t j = a.i1;
	bool is_range = false;
	const char *range_q = NULL;
	double lo, hi;
	if (pre && pre->bound == RC_B_RANGE) {
		/* between X and Y / from X to Y */
		bool between = rc__qis(x, qi0, r->id_between);
		if (!between && after_change(x, qi0 + 1))
			return false;
		size_t k = j;
		bool link = between ? rc__qis(x, k, r->id_and)
		                    : (rc__qis(x, k, r->id_to) || rc__qis(x, k, r->id_dash) ||
		                       (rc__qflags(x, k) & QF_LINK));
		if (!link || !range_partner(x, &a, k, money, &b, &lo, &hi))
			return false;
		q.iv = (rc_interval){.lo = fmin(lo, hi), .hi = fmax(lo, hi), .lo_incl = true, .hi_incl = true};
		q.value = q.iv.lo;
		is_range = true;
		range_q = canon(pre);
		j = b.i1;
	} else if (j < x->n && (rc__qflags(x, j) & QF_LINK) && !after_change(x, qi0)) {
		size_t k = j;
		const rc__qtok *lt = &x->t[k];
		bool tight = lt->type == QT_PUNCT; /* "-", "~": digits only, spaced evenly */
		bool link = !tight || (a.first && !a.words && rc__qglued(x, k - 1) == rc__qglued(x, k));
		/* "555-1234-22", "3-1": identifiers and scores */
		if (link && rc__qis(x, k, r->id_dash) && rc__qglued(x, k - 1) && rc__qglued(x, k) &&
		    rc__qis_num(x, k + 1) &&
		    a.first && !a.words) {
			size_t m = k + 2;
			size_t groups = 2;
			while (rc__qis(x, m, r->id_dash) && rc__qglued(x, m - 1) && rc__qglued(x, m) &&
			       rc__qis_num(x, m + 1)) {
				m += 2;
				groups++;
			}
			const rc__qtok *bt = &x->t[k + 1];
			bool year_pair = rc__qyear_number(x, a.i0) && bt->ndig == 2 && !bt->dec &&
			                 bt->val > fmod(a.v, 100);
			if (groups >= 3 || year_pair || bt->val <= a.v) {
				q.kind = year_pair ? RC_QK_YEAR : RC_QK_ID;
				q.iv = year_pair ? (rc_interval){.lo = a.v, .hi = a.v - fmod(a.v, 100) + bt->val,
				                                 .lo_incl = true, .hi_incl = true}
				                 : rc__qunbounded();
				q.value = year_pair ? a.v : 0;
				q.start = x->t[ci].s;
				q.end = x->t[m - 1].e;
				q.num_end = q.end;
				f->q = q;
				f->next = m;
				return true;
			}
		}
		if (link && range_partner(x, &a, k, money, &b, &lo, &hi) && (!tight || b.first)) {
			/* "two or three", "5 or 6" are ranges; "2 or 1", "one or 2" and
			 * "10 bln or 10 tln" (alternatives far apart) are not */
			bool is_or = rc__qis(x, k, r->id_or);
			if (lo < hi && !(is_or && (a.words != b.words || hi > 2 * lo + 10))) {
				q.iv = (rc_interval){.lo = lo, .hi = hi, .lo_incl = true, .hi_incl = true};
				q.value = lo;
				is_range = true;
				j = b.i1;
			}
		}
	}
	/* postfix qualifier: "100 or more", "40-odd", "100+" */
	const rc__qualifier *post = NULL;
	size_t pend = 0;
	if (!is_range || !pre)
		post = postfix_at(x, j, &pend);
	bool post_used = false;
	if (pre && pre->bound != RC_B_RANGE) {
		apply_bound(&q, pre->bound);
		q.qualifier = canon(pre);
		if (post && post->bound == RC_B_OR_EQUAL && (pre->bound == RC_B_GT || pre->bound == RC_B_LT)) {
			/* "more than 5000 or equal to" */
			if (pre->bound == RC_B_GT)
				q.iv.lo_incl = true;
			else
				q.iv.hi_incl = true;
			post_used = true;
		} else if (post && pre->bound == RC_B_EXACT &&
		           (post->bound == RC_B_GE || post->bound == RC_B_LE)) {
			/* "equal to 5000 or less" */
			apply_bound(&q, post->bound);
			q.qualifier = canon(post);
			post_used = true;
		} else if (post && post->bound == RC_B_APPROX) {
			q.approx = true; /* "up to 50 or so" */
			post_used = true;
		} else if (post && pre->bound == RC_B_APPROX &&
		           (post->bound == RC_B_GE || post->bound == RC_B_LE)) {
			/* "about 500 or more": the bound is what is asserted */
			q.iv = rc__qpoint(q.iv.lo_inf ? q.iv.hi : q.iv.lo);
			q.approx = false;
			apply_bound(&q, post->bound);
			q.qualifier = canon(post);
			post_used = true;
			pre = NULL;
			ci = a.i0;
		}
	} else {
		if (range_q)
			q.qualifier = range_q;
		if (post && post->bound != RC_B_OR_EQUAL) {
			apply_bound(&q, post->bound);
			if (!range_q)
				q.qualifier = canon(post);
			post_used = true;
		}
	}
	size_t end = post_used ? pend : j;
	/* unit: "700 meters", "20%", "5 million dollars", "22-year-old" */
	rc_quantity_kind uk = RC_QK_COUNT;
	size_t uend = unit_after(x, end, &uk);
	if (money)
		q.kind = RC_QK_MONEY;
	if (uend) {
		q.kind = uk;
		end = uend;
	} else if (a.first && a.i1 == j && !post_used && !a.scaled && j < x->n && rc__qglued(x, j - 1) &&
	           x->t[j].type == QT_WORD && !rc__qis(x, j, r->id_s)) {
		/* unknown letters glued to digits: "10x", "3D" */
		q.kind = RC_QK_ID;
	}
	/* "magnitude 7.8" */
	if (!money && a.i0 > 0 && q.kind == RC_QK_COUNT && rc__qis(x, a.i0 - 1, r->id_magnitude))
		q.kind = RC_QK_MEASURE;
	/* a number past the range of a double (a 10,000-digit run) states no
	 * value anyone reports or a double could hold: an identifier */
	if (a.ovf || (is_range && b.ovf))
		q.kind = RC_QK_ID;
	if (is_range && q.kind == RC_QK_COUNT)
		q.kind = RC_QK_RANGE;
	if (q.kind == RC_QK_ID) {
		q.iv = rc__qunbounded();
		q.value = 0;
		q.qualifier = NULL;
		q.approx = false;
	}
	q.start = x->t[pre ? qi0 : ci].s;
	q.end = x->t[end - 1].e;
	f->q = q;
	f->next = end;
	return true;
}

/* A vague term at i: "dozens", "a few", "hundreds of thousands". */
bool rc__qvague_at(const rc__qscan *x, size_t i, rc__qfound *f)
{
	const rc_recognizer *r = x->r;
	if (!(rc__qflags(x, i) & QF_VAGUE))
		return false;
	size_t end;
	const rc__qphrase *p = rc__qlongest(x, i, QTAB_VAGUE, &end);
	if (!p)
		return false;
	/* "many" in "how many", "as many as" is handled elsewhere */
	rc_quantity q = {.kind = RC_QK_VAGUE, .vague = true, .iv = r->vague_iv[p->idx],
	                 .start = x->t[i].s, .end = x->t[end - 1].e,
	                 .num_start = x->t[i].s, .num_end = x->t[end - 1].e};
	/* "dozens of" keeps "of" out of the span: the noun is what is counted */
	if (end - 1 > i && rc__qis(x, end - 1, r->id_of)) {
		q.end = q.num_end = x->t[end - 2].e;
		end--;
	}
	/* "several hundred", "a few thousand", "many thousands" */
	double sc = rc__qscale_at(x, end);
	if (sc >= 12 && !rc__qis(x, end - 1, r->id_of)) {
		q.iv.lo *= sc;
		if (!q.iv.hi_inf)
			q.iv.hi *= sc;
		q.end = q.num_end = x->t[end].e;
		end++;
	}
	q.value = q.iv.lo;
	q.qualifier = rc__q_vague[p->idx].phrase;
	f->q = q;
	f->next = end;
	return true;
}
