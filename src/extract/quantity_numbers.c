/*
 * One number, as the quantity recognizer reads it from tokens: digits (with
 * a glued suffix or a scale word after them: "10k", "1.5 million"), words
 * ("one hundred and three", "two dozen", "a hundred", "half a million"),
 * or both ("12 thousand", "4 thousand 3 hundred and 21").  Chains of scales
 * must fall ("thousand three hundred"), as in English.  What the number is
 * (a count, a year, money) is the figure readers' and the cascade's work.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/core.h"
#include "extract/quantity-int.h"

/* Small number word (0..99) at i, compounds "ninety-six", "fifty two". */
static bool small_words(const rc__qscan *x, size_t i, size_t *end, double *v)
{
	const rc__qlexent *e = rc__qent(x, i);
	if (!e || !(e->flags & QF_NUM))
		return false;
	double n = e->num;
	size_t j = i + 1;
	if (n >= 20 && fmod(n, 10) == 0) {
		size_t k = j;
		if (rc__qis(x, k, x->r->id_dash))
			k++;
		const rc__qlexent *u = rc__qent(x, k);
		if (u && (u->flags & QF_NUM) && u->num >= 1 && u->num <= 9 && x->t[k].type == QT_WORD) {
			n += u->num;
			j = k + 1;
		}
	}
	*end = j;
	*v = n;
	return true;
}

/* Scale entry at i ("hundred", "million", "bn"), singular or plural. */
double rc__qscale_at(const rc__qscan *x, size_t i)
{
	const rc__qlexent *e = rc__qent(x, i);
	return e && (e->flags & QF_SCALE) && x->t[i].type == QT_WORD ? e->scale : -1;
}

static bool plural_scale(const rc__qscan *x, size_t i)
{
	size_t n = x->t[i].e - x->t[i].s;
	return n > 2 && (x->s[x->t[i].e - 1] == 's' || x->s[x->t[i].e - 1] == 'S') &&
	       !rc__qis(x, i, x->r->id_s);
}

/* A glued scale suffix after digits: "10k", "2.3m", "1.2bn". */
static double suffix_scale(const rc__qscan *x, size_t i, bool money)
{
	if (i + 1 >= x->n || !rc__qglued(x, i) || x->t[i + 1].type != QT_WORD)
		return -1;
	const rc__qtok *w = &x->t[i + 1];
	size_t n = w->e - w->s;
	/* the suffix must end the word: "10km" is not 10 thousand m */
	for (size_t k = 0; rc__q_suffixes[k].word; k++) {
		const char *sfx = rc__q_suffixes[k].word;
		if (strlen(sfx) != n || memcmp(sfx, x->s + w->s, n) != 0)
			continue;
		bool lower_mb = (strcmp(sfx, "m") == 0 || strcmp(sfx, "b") == 0 || strcmp(sfx, "mm") == 0);
		/* "1m people" is a million; "a 10m wall" ten metres */
		if (lower_mb && !x->t[i].dec && !money && !(rc__qflags(x, i + 2) & QF_COUNTNOUN))
			return -1;
		if (strcmp(sfx, "mm") == 0 && !money)
			return -1;
		if (i + 2 < x->n && rc__qglued(x, i + 1) && x->t[i + 2].type != QT_PUNCT)
			return -1;
		return rc__q_suffixes[k].value;
	}
	return -1;
}

/* Does a line or a sentence start before token j? */
static bool starts_line(const rc__qscan *x, size_t j)
{
	if (j == 0)
		return true;
	const rc__qtok *p = &x->t[j - 1];
	if (memchr(x->s + p->e, '\n', x->t[j].s - p->e))
		return true;
	char c = x->s[p->s];
	return p->type == QT_PUNCT && x->t[j].gap && (c == '.' || c == '!' || c == '?');
}

/*
 * Is the hyphen or dash at token j, glued to the digits after it, a mark
 * rather than a minus sign?  A count of people is never negative: before
 * a counted noun or a verb of people ("-5 were injured", "killed -12
 * people") it is a dash.  At the start of a line or a sentence, before a
 * figure that words follow on its line, it is a bullet or a dash ("-12
 * killed in the north").  A unit keeps the sign ("-5 degrees", "-3.2%"),
 * and so does a figure alone ("-1").  U+2212 MINUS SIGN is always a minus.
 */
static bool dash_is_mark(const rc__qscan *x, size_t j)
{
	const unsigned char *d = (const unsigned char *)x->s + x->t[j].s;
	if (x->t[j].e - x->t[j].s == 3 && d[0] == 0xE2 && d[1] == 0x88 && d[2] == 0x92)
		return false;
	size_t k = j + 2;
	if (rc__qscale_at(x, k) > 0)
		k++; /* "-2 million people" */
	uint32_t after = rc__qflags(x, k);
	if (after & (QF_COUNTNOUN | QF_PEOPLEAFTER))
		return true;
	if (k >= x->n || !starts_line(x, j) || x->t[k].type != QT_WORD || (after & QF_UNIT))
		return false;
	return !memchr(x->s + x->t[k - 1].e, '\n', x->t[k].s - x->t[k - 1].e);
}

/*
 * A fraction at i: "half", "a half", "one half", "a quarter", "three
 * quarters", "three-quarters", "a half-" before a scale ("a half-dozen").
 * Its value, or 0; *end gets the index after it.  "half-brother" is no
 * fraction.
 */
static double fraction_at(const rc__qscan *x, size_t i, size_t *end)
{
	const rc_recognizer *r = x->r;
	size_t k = i;
	double n = 0;
	if (i >= x->n || x->t[i].type != QT_WORD)
		return 0;
	const rc__qlexent *e = rc__qent(x, k);
	if (rc__qis(x, k, r->id_a) || rc__qis(x, k, r->id_an)) {
		k++;
	} else if (e && (e->flags & QF_NUM) && x->t[k].type == QT_WORD && e->num >= 1 && e->num <= 3) {
		n = e->num;
		k++;
		if (rc__qis(x, k, r->id_dash) && rc__qglued(x, k - 1) && rc__qglued(x, k))
			k++;
	}
	if (k >= x->n)
		return 0;
	*end = k + 1;
	if (rc__qis(x, k + 1, r->id_dash) && rc__qglued(x, k)) {
		/* "a half-dozen", "a quarter-million"; but "half-brother" */
		if (!rc__qglued(x, k + 1) || rc__qscale_at(x, k + 2) < 0)
			return 0;
		*end = k + 2;
	}
	if (n <= 1 && rc__qis(x, k, r->id_half))
		return 0.5;
	if (n <= 1 && rc__qis(x, k, r->id_quarter))
		return 0.25;
	if (n >= 2 && rc__qis(x, k, r->id_quarters))
		return 0.25 * n;
	return 0;
}

/* Fill the rest of nx for a number of value v ending before token j. */
static bool finish(const rc__qscan *x, rc__qnum *nx, double v, size_t j, bool neg)
{
	(void)x;
	nx->i1 = j;
	if (!(v <= DBL_MAX)) {
		v = DBL_MAX;
		nx->ovf = true;
	}
	nx->v = neg ? -v : v;
	nx->neg = neg;
	nx->plain_int = nx->first && !nx->words && !nx->scaled && !nx->first->dec && !nx->first->sep;
	return true;
}

/*
 * A number at i: digits (with a glued suffix or a scale word after them),
 * words ("one hundred and three", "two dozen", "a hundred", "half a
 * million"), or both ("12 thousand", "4 thousand 3 hundred and 21").
 * Chains of scales must fall ("thousand three hundred"), as in English.
 */
bool rc__qnumber(const rc__qscan *x, size_t i, bool money, rc__qnum *nx)
{
	const rc_recognizer *r = x->r;
	memset(nx, 0, sizeof *nx);
	nx->i0 = i;
	size_t j = i;
	bool neg = false;
	/* sign: "minus five", "-5" glued after a space or a comparison */
	if (rc__qflags(x, j) & QF_SIGN && (rc__qis_num(x, j + 1) || (rc__qflags(x, j + 1) & QF_NUM))) {
		neg = true;
		j++;
	} else if (rc__qis(x, j, r->id_dash) && rc__qis_num(x, j + 1) && rc__qglued(x, j) &&
	           (j == 0 || x->t[j].gap || rc__qis(x, j - 1, r->id_lt) || rc__qis(x, j - 1, r->id_gt) ||
	            rc__qis(x, j - 1, r->id_eq) ||
	            (x->t[j - 1].type == QT_PUNCT && x->s[x->t[j - 1].s] == '(')) &&
	           !dash_is_mark(x, j)) {
		/* "-5" but not "1995-01" or "word-5" */
		neg = true;
		j++;
	}
	double total = 0, group = 0, last_scale = INFINITY;
	bool any = false, after_small = false, after_hundred = false;
	double small = 0; /* the last small number, for "two dozen" */
	bool had_hundred = false;   /* the current group was multiplied by 100 */
	size_t save_j = j;          /* before the last small part, to give it back */
	double save_group = 0;
	double f;
	size_t fe;
	/* "half a million", "a quarter million", "three quarters of a million" */
	if ((f = fraction_at(x, j, &fe)) > 0) {
		size_t m = fe;
		if (rc__qis(x, m, r->id_of))
			m++;
		if (rc__qis(x, m, r->id_a))
			m++;
		double sc = rc__qscale_at(x, m);
		if (sc >= 12 && !plural_scale(x, m)) {
			nx->words = nx->scaled = true;
			return finish(x, nx, f * sc, m + 1, neg);
		}
	}
	for (;;) {
		size_t k = j;
		if (after_hundred || group == 0) {
			save_j = j;
			save_group = group;
		}
		/* "five and a half million", "2 and a quarter": a fraction after a
		 * whole number, of the scale after it if one follows */
		if (any && after_small && total == 0 && rc__qis(x, k, r->id_and) &&
		    (f = fraction_at(x, k + 1, &fe)) > 0) {
			double sc = rc__qscale_at(x, fe);
			nx->words = true;
			if (sc >= 12) {
				nx->scaled = true;
				return finish(x, nx, (group + f) * sc, fe + 1, neg);
			}
			return finish(x, nx, group + f, fe, neg);
		}
		/* "a million and a half", "one billion and a half million": a
		 * fraction of the last scale, or of a smaller one after it */
		if (any && total > 0 && group == 0 && last_scale >= 1000 && rc__qis(x, k, r->id_and) &&
		    (f = fraction_at(x, k + 1, &fe)) > 0) {
			double sc = rc__qscale_at(x, fe);
			if (sc > 0 && !plural_scale(x, fe) && sc < last_scale)
				return finish(x, nx, total + f * sc, fe + 1, neg);
			if (sc < 0)
				return finish(x, nx, total + f * last_scale, fe, neg);
		}
		/* "and" between parts: only after hundred or a scale, before a number */
		if (any && rc__qis(x, k, r->id_and) && (after_hundred || group == 0) &&
		    ((rc__qflags(x, k + 1) & QF_NUM) || (rc__qis_num(x, k + 1) && x->t[k + 1].val >= 1)))
			k++;
		if (rc__qis_num(x, k) && (!any || (!after_small && (group == 0 || after_hundred)))) {
			const rc__qtok *t = &x->t[k];
			if (any && (t->dec || t->sep || t->val >= (after_hundred ? 100 : 1000)))
				break;
			/* a digit number stands alone unless a scale word follows */
			double v = t->val;
			if (t->ovf)
				nx->ovf = true;
			double sfx = suffix_scale(x, k, money);
			size_t nk = k + 1;
			if (sfx > 0) {
				v *= sfx;
				nk = k + 2;
				nx->scaled = true;
				if (!any) {
					nx->first = t;
					total = v;
					any = true;
					j = nk;
					break;
				}
			}
			if (any && !(after_hundred && v < 100) && rc__qscale_at(x, nk) < 0)
				break; /* "4000 3 hundred": two numbers */
			if (!any)
				nx->first = t;
			group += v;
			small = v;
			any = true;
			after_small = true;
			after_hundred = false;
			j = nk;
			continue;
		}
		double sv;
		size_t e;
		if (k >= x->n)
			break;
		if (x->t[k].type == QT_WORD && !after_small && small_words(x, k, &e, &sv)) {
			if (any && group != 0 && !after_hundred)
				break;
			group += sv;
			small = sv;
			any = true;
			after_small = true;
			after_hundred = false;
			nx->words = true;
			j = e;
			continue;
		}
		/* "a hundred", "a dozen", "an estimated" is not this */
		if (!any && (rc__qis(x, k, r->id_a) || rc__qis(x, k, r->id_an)) && rc__qscale_at(x, k + 1) > 0 &&
		    !plural_scale(x, k + 1)) {
			group = 1;
			small = 1;
			any = true;
			after_small = true;
			nx->words = true;
			j = k + 1;
			continue;
		}
		if (k != j)
			break; /* an "and" not followed by a part */
		double sc = rc__qscale_at(x, k);
		if (sc > 0 && (any || !plural_scale(x, k))) {
			if (plural_scale(x, k) && !(any && group > 1))
				break; /* "dozens", "hundreds" alone are vague */
			if (sc == 12) {
				double base = group - small;
				group = base + (small ? small : 1) * 12;
				after_small = false;
				after_hundred = false;
			} else if (sc == 100) {
				if (had_hundred) {
					/* "3 hundred and 2 hundred": the second is a number of its own */
					j = save_j;
					group = save_group;
					break;
				}
				group = (group ? group : 1) * 100;
				had_hundred = true;
				after_hundred = true;
				after_small = false;
			} else {
				if (sc >= last_scale)
					break;
				total += (group ? group : 1) * sc;
				group = 0;
				had_hundred = false;
				last_scale = sc;
				after_small = false;
				after_hundred = false;
			}
			any = true;
			nx->scaled = true;
			nx->words = true;
			j = k + 1;
			if (plural_scale(x, k))
				break;
			continue;
		}
		break;
	}
	if (!any)
		return false;
	/* "a" alone or a bare sign was consumed without a number */
	double v = total + group;
	/* decimals in words: "two hundred point zero three" */
	if (nx->words && !nx->first && rc__qis(x, j, r->id_point)) {
		char digits[32];
		size_t nd = 0, k = j + 1;
		double sv;
		size_t e;
		while (nd < 30 && k < x->n && x->t[k].type == QT_WORD && small_words(x, k, &e, &sv)) {
			nd += (size_t)snprintf(digits + nd, sizeof digits - nd, "%d", (int)sv);
			k = e;
			if (k >= x->n)
				break;
		}
		if (nd) {
			char buf[64];
			snprintf(buf, sizeof buf, "0.%s", digits);
			v += rc__strtod(buf, NULL);
			j = k;
		}
	}
	return finish(x, nx, v, j, neg);
}
