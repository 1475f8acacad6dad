/*
 * The figure pass of one metric: its claims grouped into figures (the same
 * effective interval, status and time window), the kinds of change between
 * figures (contradiction, progression, revision, dispute), and the figure a
 * careful reader would quote now.  docs/reconcile.md ("Time", "Figures",
 * "Kinds of change", "The current figure") states every rule implemented
 * here.
 *
 * Cost: every step sorts or walks the claims of the metric a fixed number
 * of times, so a metric of n claims costs n log n.  Nothing looks at pairs
 * of claims: a time window is tested for disagreement through its lowest
 * upper end and highest lower end, revisers are found by sorting, and what
 * is reported (figures, conflicts) grows with the number of distinct
 * figures, not with the claims.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "reconcile/reconcile-int.h"

/* The time window of undated reports: after every dated one. */
#define NO_WINDOW LONG_MAX

/* ---- time ------------------------------------------------------------------------ */

static bool digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		unsigned char c = (unsigned char)(*p)[i];
		if (c < '0' || c > '9')
			return false;
		v = v * 10 + (c - '0');
	}
	*p += n;
	*out = v;
	return true;
}

bool rc__report_time(const char *s, long *day, long long *t)
{
	int y, mo, d;
	*day = RC__UNDATED;
	*t = LLONG_MAX;
	if (!s || !digits(&s, 4, &y) || *s != '-')
		return false;
	s++;
	if (!digits(&s, 2, &mo) || *s != '-')
		return false;
	s++;
	if (!digits(&s, 2, &d) || mo < 1 || mo > 12 || d < 1 || d > 31)
		return false;
	long dn = rc__days_from_civil(y, mo, d);
	long long minutes = 24 * 60 - 1; /* no time: the end of the day */
	long long offset = 0;
	int hh, mm;
	const char *p = s + 1;
	if ((*s == 'T' || *s == ' ') && digits(&p, 2, &hh) && *p == ':' && (++p, digits(&p, 2, &mm)) &&
	    hh < 24 && mm < 60) {
		minutes = hh * 60 + mm;
		while (*p == ':' || *p == '.' || (*p >= '0' && *p <= '9'))
			p++; /* seconds and fractions: minutes are enough */
		if (*p == ' ' && (p[1] == '+' || p[1] == '-'))
			p++;
		int oh, om = 0;
		if ((*p == '+' || *p == '-') && p[1]) {
			int sign = *p == '-' ? -1 : 1;
			p++;
			if (digits(&p, 2, &oh) && oh < 24) {
				if (*p == ':')
					p++;
				if (!digits(&p, 2, &om) || om >= 60)
					om = 0;
				offset = sign * (oh * 60 + om);
			}
		}
	}
	*day = dn;
	*t = (long long)dn * 1440 + minutes - offset;
	return true;
}

/*
 * A record's report time: the day as its source wrote it (published), and
 * the instant from published_at (UTC) when the source gave a time, else
 * from a time written after published's day (older claims files).
 */
void rc__record_time(const rc_record *rec, long *day, long long *t)
{
	rc__report_time(rec->published, day, t);
	long d2;
	long long t2;
	if (*day != RC__UNDATED && rec->published_at && rc__report_time(rec->published_at, &d2, &t2))
		*t = t2;
}

/* The first day of "YYYY", "YYYY-MM" or "YYYY-MM-DD" (s[0..len)). */
static bool first_day(const char *s, size_t len, long *day)
{
	char buf[16];
	long long t;
	if (len != 4 && len != 7 && len != 10)
		return false;
	snprintf(buf, sizeof buf, "%.*s%s", (int)len, s, len == 4 ? "-01-01" : len == 7 ? "-01" : "");
	return rc__report_time(buf, day, &t);
}

/* How many days after its news event's first day a month and day without a
 * year may date a report (docs/reconcile.md, "Estimated times"). */
#define MONTH_DAY_WINDOW 62

/* The day a month and day without a year ("--06-19") names, read against
 * the news event's first day ev in year y: that year's, or the next year's
 * when that is more than half a year before the event ("January 3" of a
 * December event); RC__UNDATED for a day that does not exist. */
static long month_day(const char *p, size_t len, int y, long ev)
{
	int m, d;
	const char *q = p + 2;
	if (len != 7 || p[0] != '-' || p[1] != '-' || !digits(&q, 2, &m) || *q++ != '-' || !digits(&q, 2, &d) ||
	    m < 1 || m > 12 || d < 1 || d > rc__days_in_month(y, m))
		return RC__UNDATED;
	long dn = rc__days_from_civil(y, m, d);
	if (ev - dn > 183 && d <= rc__days_in_month(y + 1, m))
		dn = rc__days_from_civil(y + 1, m, d);
	return dn;
}

void rc__estimated_time(const char *hint, const char *event_date, long *day, long long *t)
{
	*day = RC__UNDATED;
	*t = 0;
	long ev;
	size_t ev_len = event_date ? strcspn(event_date, "T ") : 0;
	if (!hint || !event_date || !first_day(event_date, ev_len, &ev))
		return;
	long best = RC__UNDATED;
	for (const char *p = hint; *p;) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		if (!len)
			break;
		long d = RC__UNDATED;
		if (p[0] == 'P') {
			long days = strtol(p + 1, NULL, 10);
			if (days > 0 && days < 3650000)
				d = ev + days;
		} else if (p[0] == '-') {
			/* only near an event dated to the month or day: further off, a
			 * month and day without a year is more likely another event's
			 * ("the November 13 attacks" in a story of March) */
			d = ev_len >= 7 ? month_day(p, len, atoi(event_date), ev) : RC__UNDATED;
			if (d != RC__UNDATED && d - ev > MONTH_DAY_WINDOW)
				d = RC__UNDATED;
		} else if (p[0] == 'W') {
			/* a weekday: its first day on or after the event's day (only
			 * an event dated to the day; 1970-01-01, day 0, was a Thursday) */
			for (size_t k = 1; ev_len == 10 && k < len; k++) {
				int wd = p[k] - '0';
				if (wd < 0 || wd > 6)
					continue;
				long wev = ((ev + 3) % 7 + 7) % 7;
				long dw = ev + ((wd - wev) % 7 + 7) % 7;
				if (d == RC__UNDATED || dw > d)
					d = dw;
			}
		} else if (!first_day(p, len, &d)) { /* a stated year or month: its first day */
			d = RC__UNDATED;
		}
		if (d != RC__UNDATED && d > ev && (best == RC__UNDATED || d > best))
			best = d;
		p += len;
	}
	if (best == RC__UNDATED)
		return;
	*day = best;
	*t = (long long)best * 1440 + 1439;
}

static size_t day_slot(const rc__reduce *r, long z)
{
	size_t h = (size_t)((unsigned long)z * 0x9E3779B97F4A7C15u >> 16) & (r->cap_days - 1);
	while (r->day_strs[h] && r->day_keys[h] != z)
		h = (h + 1) & (r->cap_days - 1);
	return h;
}

/* "YYYY-MM-DD" of a day number: one copy per day, which the figures of
 * every metric share (16 bytes a figure when each had its own). */
static const char *day_str(rc__reduce *r, long z)
{
	if (2 * (r->n_days + 1) > r->cap_days) {
		rc__reduce old = *r;
		r->cap_days = old.cap_days ? 2 * old.cap_days : 256;
		r->day_keys = malloc(r->cap_days * sizeof *r->day_keys);
		r->day_strs = calloc(r->cap_days, sizeof *r->day_strs);
		if (!r->day_keys || !r->day_strs) {
			free(r->day_keys);
			free(r->day_strs);
			r->day_keys = old.day_keys;
			r->day_strs = old.day_strs;
			r->cap_days = old.cap_days;
			r->nomem = true;
			return NULL;
		}
		for (size_t i = 0; i < old.cap_days; i++)
			if (old.day_strs[i]) {
				size_t h = day_slot(r, old.day_keys[i]);
				r->day_keys[h] = old.day_keys[i];
				r->day_strs[h] = old.day_strs[i];
			}
		free(old.day_keys);
		free(old.day_strs);
	}
	size_t h = day_slot(r, z);
	if (r->day_strs[h])
		return r->day_strs[h];
	int y, m, d;
	rc__civil_from_days(z, &y, &m, &d);
	char *s = rc__arena_printf(r->a, "%04d-%02d-%02d", y, m, d);
	if (!s) {
		r->nomem = true;
		return NULL;
	}
	r->day_keys[h] = z;
	r->day_strs[h] = s;
	r->n_days++;
	return s;
}

/* The number to quote for a claim: a vague figure ("dozens", "hundreds")
 * by its lower end, the least it says; an approximate one ("about 253",
 * "nearly 2,630") by the number as written; any other by rc__point_of
 * (the middle of a range, the finite end of "more than 300"). */
static double value_of(const rc_claim_ref *c)
{
	const rc_quantity *q = &c->claim->q;
	if (q->vague && !c->effective->lo_inf)
		return c->effective->lo;
	if (q->approx && isfinite(q->value) && (q->iv.lo_inf || q->iv.hi_inf || q->iv.lo == q->iv.hi))
		return q->value;
	return rc__point_of(c->effective);
}

double rc__point_of(const rc_interval *iv)
{
	if (!iv->lo_inf && !iv->hi_inf)
		return (iv->lo + iv->hi) / 2;
	if (!iv->lo_inf)
		return iv->lo;
	if (!iv->hi_inf)
		return iv->hi;
	return NAN;
}

/* ---- small helpers ----------------------------------------------------------------- */

static const rc__fact *fact(const rc__reduce *r, const rc_claim_ref *c)
{
	return &r->facts[rc__fact_index(r, (size_t)(c - r->res->refs))];
}

/* Who gives the figure of c (rc__reduce.source). */
static uint32_t source(const rc__reduce *r, const rc_claim_ref *c)
{
	return r->source[c - r->res->refs];
}

/* Status classes of figures: current, current but revised by a later
 * report, superseded; hypothetical and aggregate claims have none. */
enum { CLS_CURRENT = 0, CLS_REVISED, CLS_SUPERSEDED, CLS_NONE };

static int cls(const rc_claim_ref *c)
{
	switch (c->claim->status) {
	case RC_CLAIM_CURRENT: return c->revised ? CLS_REVISED : CLS_CURRENT;
	case RC_CLAIM_SUPERSEDED: return CLS_SUPERSEDED;
	default: return CLS_NONE;
	}
}

/* How precise a figure is as written: an exact count 3, a bounded
 * approximation or range 2, an open end ("over 90") 1, a vague word 0. */
static int precision(const rc_claim_ref *c)
{
	const rc_interval *iv = &c->claim->q.iv;
	if (c->claim->q.vague)
		return 0;
	if (iv->lo_inf || iv->hi_inf)
		return 1;
	return c->claim->q.approx || iv->lo != iv->hi ? 2 : 3;
}

/* Lower ends: -inf first; at equal numbers an open end is the higher. */
static int cmp_lo(const rc_interval *x, const rc_interval *y)
{
	if (x->lo_inf != y->lo_inf)
		return x->lo_inf ? -1 : 1;
	if (x->lo_inf)
		return 0;
	int c = rc__cmp_double(x->lo, y->lo);
	return c ? c : (int)y->lo_incl - (int)x->lo_incl;
}

/* Upper ends: +inf last; at equal numbers an open end is the lower. */
static int cmp_hi(const rc_interval *x, const rc_interval *y)
{
	if (x->hi_inf != y->hi_inf)
		return x->hi_inf ? 1 : -1;
	if (x->hi_inf)
		return 0;
	int c = rc__cmp_double(x->hi, y->hi);
	return c ? c : (int)x->hi_incl - (int)y->hi_incl;
}

static int cmp_iv(const rc_interval *x, const rc_interval *y)
{
	int c = cmp_lo(x, y);
	return c ? c : cmp_hi(x, y);
}

/* Is b wholly above a? */
static bool above(const rc_interval *a, const rc_interval *b)
{
	return !rc_interval_meets(a, b) && cmp_lo(b, a) > 0;
}

static void *scratch(rc__reduce *r, size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);
	if (!p)
		r->nomem = true;
	return p;
}

/* ---- revised figures: found by sorting ------------------------------------------------- */

/* A superseded claim's figure, report day and document, for the search. */
typedef struct sup_key {
	const rc_interval *iv; /* literal interval */
	long day;              /* LONG_MAX when undated: it may be the latest */
	const rc_record *rec;
} sup_key;

static int cmp_lit(const rc_interval *x, const rc_interval *y)
{
	int c = rc__cmp_double(x->lo, y->lo);
	return c ? c : rc__cmp_double(x->hi, y->hi);
}

static int cmp_sup(const void *pa, const void *pb)
{
	const sup_key *a = pa, *b = pb;
	int c = cmp_lit(a->iv, b->iv);
	if (c)
		return c;
	if (a->day != b->day)
		return a->day > b->day ? -1 : 1; /* latest first */
	return a->rec < b->rec ? -1 : a->rec > b->rec;
}

static bool bounded(const rc_interval *iv)
{
	return !iv->lo_inf && !iv->hi_inf;
}

void rc__mark_revised(rc__reduce *r, const rc_claim_ref **refs, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += refs[i]->claim->status == RC_CLAIM_SUPERSEDED && bounded(&refs[i]->claim->q.iv);
	if (!k)
		return;
	sup_key *s = scratch(r, k, sizeof *s);
	if (!s)
		return;
	k = 0;
	for (size_t i = 0; i < n; i++) {
		const rc_claim_ref *c = refs[i];
		if (c->claim->status == RC_CLAIM_SUPERSEDED && bounded(&c->claim->q.iv)) {
			long d = rc__fact_day(fact(r, c));
			s[k++] = (sup_key){&c->claim->q.iv, d == RC__UNDATED ? LONG_MAX : d, c->rec};
		}
	}
	qsort(s, k, sizeof *s, cmp_sup);
	/* A current claim is revised when a superseded claim of another
	 * document with the same figure was reported the same day or later
	 * (or either is undated).  In each run of equal figures, the latest
	 * entry (the first), and the latest from another document than it
	 * (other[] at the run's start), answer that for any claim. */
	size_t *other = scratch(r, k, sizeof *other);
	if (!other) {
		free(s);
		return;
	}
	for (size_t a = 0; a < k;) {
		size_t b = a + 1;
		other[a] = SIZE_MAX;
		for (; b < k && cmp_lit(s[b].iv, s[a].iv) == 0; b++)
			if (other[a] == SIZE_MAX && s[b].rec != s[a].rec)
				other[a] = b;
		a = b;
	}
	for (size_t i = 0; i < n; i++) {
		rc_claim_ref *c = (rc_claim_ref *)refs[i]; /* refs point into res->refs */
		if (c->claim->status != RC_CLAIM_CURRENT || !bounded(&c->claim->q.iv))
			continue;
		size_t lo = 0, hi = k;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (cmp_lit(s[mid].iv, &c->claim->q.iv) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == k || cmp_lit(s[lo].iv, &c->claim->q.iv) != 0)
			continue;
		const sup_key *best = s[lo].rec != c->rec ? &s[lo] : other[lo] != SIZE_MAX ? &s[other[lo]] : NULL;
		long dc = rc__fact_day(fact(r, c));
		if (best && (dc == RC__UNDATED || best->day >= dc))
			c->revised = true;
	}
	free(other);
	free(s);
}

/* ---- figures ---------------------------------------------------------------------------- */

typedef struct item {
	long win;
	int cls;
	const rc_interval *iv;
	size_t i;     /* index in refs: report order */
} item;

static int cmp_item_figure(const item *a, const item *b)
{
	if (a->win != b->win)
		return a->win < b->win ? -1 : 1;
	if (a->cls != b->cls)
		return a->cls - b->cls;
	return cmp_iv(a->iv, b->iv);
}

static int cmp_item(const void *pa, const void *pb)
{
	const item *a = pa, *b = pb;
	int c = cmp_item_figure(a, b);
	return c ? c : (a->i > b->i) - (a->i < b->i);
}

/* A change of the standing figure between two time windows. */
typedef struct change {
	size_t from, to;      /* claims (indexes in refs) */
	rc_conflict_kind kind;
	int reason;           /* enum below */
} change;

enum { WHY_TEXT, WHY_AUTHORITY, WHY_LOWER, WHY_RISE, WHY_FOUND, WHY_MORE_MISSING };

/* The working state of one metric. */
typedef struct mstate {
	rc__reduce *r;
	rc_metric_result *m;
	bool falling;         /* the metric falls as people are found (rc__falling_metric) */
	const rc_claim_ref **refs;
	size_t n;
	long *win;            /* per claim: its time window, NO_WINDOW for undated reports; an
	                         estimated report's window is its own (window * wm + 1 + the
	                         index of its first claim), after the dated ones of its days */
	long wm;
	size_t *fig;          /* per claim: its figure, SIZE_MAX for none */
	long *fwin;           /* per figure: its time window */
	rc_conflict *out;     /* conflicts found */
	int *rank;            /* per conflict: disputes 0, contradictions 1, changes 2 (for the output order) */
	size_t n_out, cap_out, cap_rank;
	change *changes;      /* the chain of the standing figure */
	size_t n_changes, cap_changes;
	size_t current;       /* index in refs of the current figure, SIZE_MAX when none */
	size_t *sides;        /* claims of the other sides of a dispute */
	size_t n_sides;
	bool *wst;            /* per figure: it stood in its time window (window_stands) */
	size_t confirmed;     /* the undated lead a more precise current figure confirms, or SIZE_MAX */
} mstate;

static void build_figures(mstate *s)
{
	rc__reduce *r = s->r;
	rc_metric_result *m = s->m;
	size_t n = s->n;
	long d0 = LONG_MAX;
	for (size_t i = 0; i < n; i++) {
		long d = rc__fact_day(fact(r, s->refs[i]));
		if (d != RC__UNDATED && d < d0)
			d0 = d;
	}
	item *it = scratch(r, n, sizeof *it);
	if (!it)
		return;
	size_t k = 0;
	s->wm = (long)n + 1;
	size_t doc0 = 0;
	for (size_t i = 0; i < n; i++) {
		const rc__fact *fa = fact(r, s->refs[i]);
		long d = rc__fact_day(fa);
		if (!i || s->refs[i]->rec != s->refs[i - 1]->rec)
			doc0 = i; /* a document's claims are together in report order */
		s->win[i] = d == RC__UNDATED ? NO_WINDOW
		                             : ((d - d0) / r->window) * s->wm + (fa->estimated ? 1 + (long)doc0 : 0);
		s->fig[i] = SIZE_MAX;
		int c = cls(s->refs[i]);
		if (c != CLS_NONE)
			it[k++] = (item){s->win[i], c, s->refs[i]->effective, i};
	}
	qsort(it, k, sizeof *it, cmp_item);
	size_t groups = 0;
	for (size_t i = 0; i < k; i++)
		groups += i == 0 || cmp_item_figure(&it[i - 1], &it[i]) != 0;
	m->figures = rc__reduce_alloc(r, groups, sizeof *m->figures);
	const rc_claim_ref **pool = rc__reduce_alloc(r, k, sizeof *pool);
	size_t *tmp = scratch(r, k, sizeof *tmp);
	s->fwin = scratch(r, groups, sizeof *s->fwin);
	if (!m->figures || !pool || !tmp || !s->fwin) {
		free(it);
		free(tmp);
		return;
	}
	for (size_t i = 0; i < k;) {
		size_t j = i + 1;
		while (j < k && cmp_item_figure(&it[i], &it[j]) == 0)
			j++;
		size_t g = m->n_figures++;
		rc_figure *f = &m->figures[g];
		f->status = (uint8_t)(it[i].cls == CLS_SUPERSEDED ? RC_CLAIM_SUPERSEDED : RC_CLAIM_CURRENT);
		f->revised = it[i].cls == CLS_REVISED;
		f->date = it[i].win == NO_WINDOW ? NULL : day_str(r, d0 + (it[i].win / s->wm) * r->window);
		f->estimated = it[i].win != NO_WINDOW && it[i].win % s->wm != 0;
		f->claims = pool + i;
		f->n_claims = j - i;
		s->fwin[g] = it[i].win;
		const rc_claim_ref *lead = NULL;
		for (size_t x = i; x < j; x++) {
			const rc_claim_ref *c = s->refs[it[x].i];
			pool[x] = c;
			s->fig[it[x].i] = g;
			tmp[x - i] = (size_t)(uintptr_t)c->rec;
			/* the most authoritative, then the earliest */
			if (!lead || c->authority > lead->authority)
				lead = c;
		}
		f->lead = lead;
		f->documents = rc__distinct_sizes(tmp, j - i);
		for (size_t x = i; x < j; x++)
			tmp[x - i] = pool[x]->origin;
		f->origins = rc__distinct_sizes(tmp, j - i);
		i = j;
	}
	free(it);
	free(tmp);
}

/* ---- the output list --------------------------------------------------------------------- */

static rc_conflict *add_conflict(mstate *s, rc_conflict_kind kind, const size_t *figs, const size_t *claims,
                                 size_t n, const char *date, int why)
{
	rc__reduce *r = s->r;
	if (n < 2)
		return NULL;
	if (RC_GROW(s->out, s->cap_out, s->n_out + 1) != RC_OK ||
	    RC_GROW(s->rank, s->cap_rank, s->n_out + 1) != RC_OK) {
		r->nomem = true;
		return NULL;
	}
	const rc_figure **f = rc__reduce_alloc(r, n, sizeof *f);
	const rc_claim_ref **c = rc__reduce_alloc(r, n, sizeof *c);
	if (!f || !c)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		f[i] = &s->m->figures[figs[i]];
		c[i] = claims ? s->refs[claims[i]] : f[i]->lead;
	}
	s->rank[s->n_out] = kind == RC_CONFLICT_DISPUTE ? 0 : kind == RC_CONFLICT_CONTRADICTION ? 1 : 2;
	size_t docs = 0;
	for (size_t i = 0; i < n; i++)
		docs += f[i]->documents;
	rc_conflict *k = &s->out[s->n_out++];
	*k = (rc_conflict){.kind = kind, .claims = c, .n_claims = n, .figures = f, .n_figures = n, .date = date,
	                   .why_form = (uint8_t)why, .reports = docs};
	return k;
}

/* add_conflict with the claims that stand for the figures given as
 * pointers. */
static rc_conflict *add_conflict_q(mstate *s, rc_conflict_kind kind, const size_t *figs,
                                   const rc_claim_ref *const *quotes, size_t n, const char *date, int why)
{
	rc_conflict *c = add_conflict(s, kind, figs, NULL, n, date, why);
	if (c)
		for (size_t i = 0; i < n; i++)
			((const rc_claim_ref **)c->claims)[i] = quotes[i];
	return c;
}

/* ---- contradictions ------------------------------------------------------------------------ */

/* Of the intervals at[0..n) (NULL entries skipped), the one with the highest
 * lower end and the one with the lowest upper end.  The intervals pairwise
 * meet exactly when those two meet (on a line, intervals that pairwise meet
 * share a point), and an interval misses some other exactly when it misses
 * one of those two.  So a window is tested in one pass, not pair by pair. */
typedef struct extremes {
	const rc_interval *maxlo, *minhi;
} extremes;

static void extremes_add(extremes *e, const rc_interval *iv)
{
	if (!e->maxlo || cmp_lo(iv, e->maxlo) > 0)
		e->maxlo = iv;
	if (!e->minhi || cmp_hi(iv, e->minhi) < 0)
		e->minhi = iv;
}

static bool extremes_disagree(const extremes *e)
{
	return e->maxlo && !rc_interval_meets(e->maxlo, e->minhi);
}

static bool misses(const extremes *e, const rc_interval *iv)
{
	return !rc_interval_meets(iv, e->maxlo) || !rc_interval_meets(iv, e->minhi);
}

/* Figures that take part in contradictions, disputes and the current
 * figure: current ones that no later report revised. */
static bool standing(const rc_figure *f)
{
	return f->status == RC_CLAIM_CURRENT && !f->revised;
}

/* Does some claim of these figures (of one document, when rec is set) come
 * from another source than the others?  If the figures that miss another
 * figure come from at least two sources, two figures that miss each other
 * come from different sources: figures that miss each other only within
 * one source cannot be crossed by a figure of another source without it
 * meeting both. */
static bool two_sources(const mstate *s, const size_t *figs, size_t n, const rc_record *rec)
{
	size_t first = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		const rc_figure *f = &s->m->figures[figs[i]];
		for (size_t x = 0; x < f->n_claims; x++) {
			if (rec && f->claims[x]->rec != rec)
				continue;
			size_t src = source(s->r, f->claims[x]);
			if (first == SIZE_MAX)
				first = src;
			else if (src != first)
				return true;
		}
	}
	return false;
}

static int cmp_lit_p(const void *pa, const void *pb)
{
	return cmp_lit(*(const rc_interval *const *)pa, *(const rc_interval *const *)pb);
}

/*
 * The figures a time window's contradiction test takes: its current ones,
 * those a later report revised included (at the time, they were what their
 * sources said: 250 in the morning and 352 from the prosecutor the same day
 * disagreed, whatever 352 later became), but not a figure that a report of
 * the same window says was replaced (its own document's "up from the six",
 * or another's "revised down to 84 from 103" the same day): the window then
 * holds a revision, not a disagreement.  sup[0..n_sup): the literal
 * intervals of the window's superseded claims, sorted.
 */
/* Is the headline claim c its body's figure said short: its document's
 * body gives the same number for the same metric and part, but not the
 * same interval ("Floods ... displace 60,000" over "forced more than
 * 60,000 from their homes"), or c is a vague word where the body gives a
 * figure ("Mine blast kills 16, several trapped" over "17 others
 * trapped")? */
static bool headline_shorthand(const rc_record *rec, const rc_claim *c)
{
	if (!c->in_title || !c->metric)
		return false;
	for (size_t i = 0; i < rec->n_claims; i++) {
		const rc_claim *b = &rec->claims[i];
		if (b->in_title || !b->metric || strcmp(b->metric, c->metric) != 0 ||
		    (b->part ? !c->part || strcmp(b->part, c->part) != 0 : c->part != NULL) ||
		    b->status != RC_CLAIM_CURRENT)
			continue;
		if (c->q.vague ? !b->q.vague
		               : b->q.value == c->q.value && !rc_interval_equal(&b->q.iv, &c->q.iv))
			return true;
	}
	return false;
}

static bool window_stands(const rc_figure *f, const rc_interval *const *sup, size_t n_sup)
{
	if (f->status != RC_CLAIM_CURRENT)
		return false;
	/* a figure only headlines say short takes no part in the test */
	size_t x = 0;
	while (x < f->n_claims && headline_shorthand(f->claims[x]->rec, f->claims[x]->claim))
		x++;
	if (x == f->n_claims)
		return false;
	const rc_interval *iv = &f->lead->claim->q.iv;
	return !n_sup || !bsearch(&iv, sup, n_sup, sizeof *sup, cmp_lit_p);
}

/* The end of the time window figure gs opens: the figures [gs, end) are
 * of one window (s->fwin, figures sorted by window). */
static size_t window_end(const mstate *s, size_t gs)
{
	size_t ge = gs + 1;
	while (ge < s->m->n_figures && s->fwin[ge] == s->fwin[gs])
		ge++;
	return ge;
}

/* Mark the figures that stood in their time windows (window_stands). */
static void mark_window_standing(mstate *s)
{
	rc_metric_result *m = s->m;
	const rc_interval **sup = scratch(s->r, s->n, sizeof *sup);
	s->wst = scratch(s->r, m->n_figures, sizeof *s->wst);
	if (!sup || !s->wst) {
		free(sup);
		return;
	}
	for (size_t gs = 0, ge; gs < m->n_figures; gs = ge) {
		ge = window_end(s, gs);
		size_t n_sup = 0;
		for (size_t g = gs; g < ge; g++)
			for (size_t x = 0; m->figures[g].status == RC_CLAIM_SUPERSEDED && x < m->figures[g].n_claims; x++)
				sup[n_sup++] = &m->figures[g].claims[x]->claim->q.iv;
		qsort(sup, n_sup, sizeof *sup, cmp_lit_p);
		for (size_t g = gs; g < ge; g++)
			s->wst[g] = window_stands(&m->figures[g], sup, n_sup);
	}
	free(sup);
}

/* Dated reports: one test per time window, over the figures that stood in
 * it (window_stands). */
static void window_contradictions(mstate *s)
{
	rc_metric_result *m = s->m;
	size_t *figs = scratch(s->r, m->n_figures, sizeof *figs);
	const rc_claim_ref **quotes = scratch(s->r, m->n_figures, sizeof *quotes);
	if (!figs || !quotes || !s->wst) {
		free(figs);
		free(quotes);
		return;
	}
	for (size_t gs = 0, ge; gs < m->n_figures; gs = ge) {
		ge = window_end(s, gs);
		extremes e = {0};
		for (size_t g = gs; g < ge && s->fwin[gs] != NO_WINDOW; g++)
			if (s->wst[g])
				extremes_add(&e, rc_figure_effective(&m->figures[g]));
		if (extremes_disagree(&e)) {
			size_t k = 0;
			for (size_t g = gs; g < ge; g++)
				if (s->wst[g] && misses(&e, rc_figure_effective(&m->figures[g])))
					figs[k++] = g;
			if (k >= 2 && two_sources(s, figs, k, NULL)) {
				const char *date = m->figures[gs].date;
				/* each figure is quoted by its lead, unless the lead has
				 * the first figure's source and another claim does not:
				 * the quotes then show two sources that disagree */
				size_t src0 = source(s->r, m->figures[figs[0]].lead);
				for (size_t x = 0; x < k; x++) {
					const rc_figure *f = &m->figures[figs[x]];
					quotes[x] = f->lead;
					for (size_t y = 0; x && y < f->n_claims && source(s->r, quotes[x]) == src0; y++)
						quotes[x] = f->claims[y];
				}
				/* the sentence (why.c) names quotes[0] and quotes[k - 1] */
				add_conflict_q(s, RC_CONFLICT_CONTRADICTION, figs, quotes, k, date, RC__WHY_CONTRA_WINDOW);
			}
		}
	}
	free(figs);
	free(quotes);
}

/* A sequence of figures (with the claims that stand for them) found in
 * one document, kept to be deduplicated across documents. */
typedef struct sig {
	const size_t *figs, *claims;
	size_t len;
	const rc_record *rec;
} sig;

typedef struct sigs {
	size_t *pool;          /* figs then claims of each entry, back to back */
	size_t n_pool, cap_pool;
	size_t *off, *len;     /* per entry */
	const rc_record **rec;
	size_t n, cap_off, cap_len, cap_rec;
} sigs;

static bool sigs_add(sigs *g, const size_t *figs, const size_t *claims, size_t len, const rc_record *rec)
{
	if (RC_GROW(g->pool, g->cap_pool, g->n_pool + 2 * len) != RC_OK || RC_GROW(g->off, g->cap_off, g->n + 1) != RC_OK ||
	    RC_GROW(g->len, g->cap_len, g->n + 1) != RC_OK || RC_GROW(g->rec, g->cap_rec, g->n + 1) != RC_OK)
		return false;
	g->off[g->n] = g->n_pool;
	g->len[g->n] = len;
	g->rec[g->n] = rec;
	memcpy(g->pool + g->n_pool, figs, len * sizeof *figs);
	memcpy(g->pool + g->n_pool + len, claims, len * sizeof *claims);
	g->n_pool += 2 * len;
	g->n++;
	return true;
}

static void sigs_free(sigs *g)
{
	free(g->pool);
	free(g->off);
	free(g->len);
	free(g->rec);
}

static int cmp_sig(const void *pa, const void *pb)
{
	const sig *a = pa, *b = pb;
	for (size_t i = 0; i < a->len && i < b->len; i++)
		if (a->figs[i] != b->figs[i])
			return a->figs[i] < b->figs[i] ? -1 : 1;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	/* the first report (its first claim) quotes it */
	return (a->claims[0] > b->claims[0]) - (a->claims[0] < b->claims[0]);
}

static bool same_sig(const sig *a, const sig *b)
{
	return a->len == b->len && memcmp(a->figs, b->figs, a->len * sizeof *a->figs) == 0;
}

/* The entries of g sorted, equal ones next to each other; *out is malloc'd. */
static sig *sigs_sorted(mstate *s, const sigs *g)
{
	sig *v = scratch(s->r, g->n, sizeof *v);
	if (!v)
		return NULL;
	for (size_t i = 0; i < g->n; i++)
		v[i] = (sig){g->pool + g->off[i], g->pool + g->off[i] + g->len[i], g->len[i], g->rec[i]};
	rc__qsort(v, g->n, sizeof *v, cmp_sig);
	return v;
}

/* Pairs of size_t, by the first then the second: every sort of (key,
 * index) pairs in this file. */
static int cmp_size_pair(const void *pa, const void *pb)
{
	const size_t *a = pa, *b = pb;
	int c = RC_CMP(a[0], b[0]);
	return c ? c : RC_CMP(a[1], b[1]);
}

/* Undated reports: their time is not known, but the claims of one report
 * are of one time.  Each undated document is tested on its own; the same
 * disagreement in several documents is reported once. */
static void undated_contradictions(mstate *s)
{
	size_t n = s->n, first = n;
	for (size_t i = 0; i < n; i++)
		if (s->win[i] == NO_WINDOW) {
			first = i;
			break;
		}
	if (first == n)
		return;
	sigs g = {0};
	size_t *pairs = scratch(s->r, 2 * (n - first), sizeof *pairs);
	size_t *figs = scratch(s->r, n - first, sizeof *figs), *claims = scratch(s->r, n - first, sizeof *claims);
	const rc_interval **sup = scratch(s->r, n - first, sizeof *sup);
	bool *in = scratch(s->r, n - first, sizeof *in);
	if (!pairs || !figs || !claims || !sup || !in)
		goto done;
	/* undated claims come last in report order, one document after another */
	for (size_t a = first; a < n;) {
		size_t b = a + 1;
		while (b < n && s->refs[b]->rec == s->refs[a]->rec)
			b++;
		/* as in a time window (window_stands): the report's current
		 * figures, those another report revises included, but not one the
		 * report itself says was replaced */
		size_t n_sup = 0;
		for (size_t i = a; i < b; i++)
			if (s->fig[i] != SIZE_MAX && s->m->figures[s->fig[i]].status == RC_CLAIM_SUPERSEDED)
				sup[n_sup++] = &s->refs[i]->claim->q.iv;
		qsort(sup, n_sup, sizeof *sup, cmp_lit_p);
		extremes e = {0};
		for (size_t i = a; i < b; i++) {
			const rc_interval *iv = &s->refs[i]->claim->q.iv;
			in[i - first] = s->fig[i] != SIZE_MAX && s->m->figures[s->fig[i]].status == RC_CLAIM_CURRENT &&
			                !(n_sup && bsearch(&iv, sup, n_sup, sizeof *sup, cmp_lit_p));
			if (in[i - first])
				extremes_add(&e, s->refs[i]->effective);
		}
		if (extremes_disagree(&e)) {
			size_t k = 0;
			for (size_t i = a; i < b; i++)
				if (in[i - first] && misses(&e, s->refs[i]->effective)) {
					pairs[2 * k] = s->fig[i];
					pairs[2 * k + 1] = i;
					k++;
				}
			/* one claim per figure: the first of the report */
			qsort(pairs, k, 2 * sizeof *pairs, cmp_size_pair);
			size_t u = 0;
			for (size_t x = 0; x < k; x++)
				if (!u || figs[u - 1] != pairs[2 * x]) {
					figs[u] = pairs[2 * x];
					claims[u++] = pairs[2 * x + 1];
				}
			if (u >= 2 && two_sources(s, figs, u, s->refs[a]->rec) &&
			    !sigs_add(&g, figs, claims, u, s->refs[a]->rec))
				s->r->nomem = true;
		}
		a = b;
	}
	sig *v = sigs_sorted(s, &g);
	for (size_t i = 0; v && i < g.n;) {
		size_t j = i + 1;
		while (j < g.n && same_sig(&v[i], &v[j]))
			j++;
		rc_conflict *c = add_conflict(s, RC_CONFLICT_CONTRADICTION, v[i].figs, v[i].claims, v[i].len, NULL,
		                              RC__WHY_CONTRA_UNDATED);
		if (c)
			c->reports = j - i;
		i = j;
	}
	free(v);
done:
	sigs_free(&g);
	free(sup);
	free(in);
	free(pairs);
	free(figs);
	free(claims);
}

/* ---- the standing figure over time: progressions and revisions --------------------------- */

/* Does b's document revise a's figure in its own words: does it hold a
 * superseded claim of the same metric and figure?  ("revised down to 29
 * from 31" against an earlier 31) */
static bool revises_in_text(const rc_claim_ref *b, const rc_claim_ref *a)
{
	const rc_interval *x = &a->claim->q.iv;
	if (!bounded(x))
		return false;
	for (size_t i = 0; i < b->rec->n_claims; i++) {
		const rc_claim *o = &b->rec->claims[i];
		if (o->status == RC_CLAIM_SUPERSEDED && o->metric && a->claim->metric &&
		    strcmp(o->metric, a->claim->metric) == 0 && bounded(&o->q.iv) && o->q.iv.lo == x->lo &&
		    o->q.iv.hi == x->hi)
			return true;
	}
	return false;
}

/* Does claim i fall below the standing figure st without a word of
 * revision: wholly below it, st not revised, and i's document not saying
 * that it revises st?  Tolls rise; a lower figure needs a text that says
 * so, or a more authoritative source. */
static bool unexplained_drop(const mstate *s, size_t i, size_t st)
{
	if (st == SIZE_MAX)
		return false;
	const rc_claim_ref *x = s->refs[i], *o = s->refs[st];
	/* the missing fall as people are found: a drop needs no word */
	return !s->falling && above(x->effective, o->effective) && !o->revised && !revises_in_text(x, o);
}

/* The tie-breaks after authority that every choice of a lead claim
 * shares: the more precise claim, then the figure more origins report.
 * 1 when a wins, 0 when b does, -1 when they tie. */
static int precise_widely(const mstate *s, size_t a, size_t b)
{
	int pa = precision(s->refs[a]), pb = precision(s->refs[b]);
	if (pa != pb)
		return pa > pb;
	size_t sa = s->m->figures[s->fig[a]].origins, sb = s->m->figures[s->fig[b]].origins;
	if (sa != sb)
		return sa > sb;
	return -1;
}

/* Does claim a lead its time window before claim b?  st: the standing
 * figure before the window, or SIZE_MAX. */
static bool window_leads_after(const mstate *s, size_t a, size_t b, size_t st)
{
	const rc_claim_ref *x = s->refs[a], *y = s->refs[b];
	if (x->authority != y->authority)
		return x->authority > y->authority;
	bool da = unexplained_drop(s, a, st), db = unexplained_drop(s, b, st);
	if (da != db)
		return db;
	int w = precise_widely(s, a, b);
	if (w >= 0)
		return w;
	long long ta = fact(s->r, x)->t, tb = fact(s->r, y)->t;
	if (ta != tb)
		return ta > tb;
	/* then the highest: a part the extraction did not mark as one is never
	 * above its total, and tolls rise */
	int c = rc__cmp_double(value_of(x), value_of(y));
	if (c)
		return c > 0;
	return a > b;
}

static bool window_leads(const mstate *s, size_t a, size_t b)
{
	return window_leads_after(s, a, b, SIZE_MAX);
}

static void add_change(mstate *s, size_t from, size_t to)
{
	const rc_claim_ref *a = s->refs[from], *b = s->refs[to];
	change c = {.from = from, .to = to};
	if (a->revised || revises_in_text(b, a)) {
		c.kind = RC_CONFLICT_REVISION;
		c.reason = WHY_TEXT;
	} else if (above(a->effective, b->effective)) {
		c.kind = RC_CONFLICT_PROGRESSION;
		c.reason = s->falling ? WHY_MORE_MISSING : WHY_RISE;
	} else if (s->falling) {
		/* the missing fall as people are found: no revision */
		c.kind = RC_CONFLICT_PROGRESSION;
		c.reason = WHY_FOUND;
	} else {
		c.kind = RC_CONFLICT_REVISION;
		c.reason = source(s->r, a) == source(s->r, b) ? WHY_AUTHORITY : WHY_LOWER;
	}
	if (RC_GROW(s->changes, s->cap_changes, s->n_changes + 1) != RC_OK) {
		s->r->nomem = true;
		return;
	}
	s->changes[s->n_changes++] = c;
}

/*
 * Walk the dated time windows in order.  Each window is led by its most
 * authoritative standing claim (then the most precise, the most widely
 * reported, the latest).  A window's lead that misses the standing figure
 * replaces it: a change, a progression when it is higher, a revision
 * otherwise.  A lead that meets the standing figure replaces it when it is
 * at least as precise ("about 253", then "253") and confirms it otherwise
 * ("more than 300" after 340 keeps 340).  The standing figure after the
 * last window is the current figure.
 */
static size_t standing_chain(mstate *s, size_t *latest_lead, size_t *latest_ok)
{
	size_t st = SIZE_MAX;
	*latest_lead = SIZE_MAX;
	*latest_ok = SIZE_MAX;
	for (size_t a = 0; a < s->n && s->win[a] != NO_WINDOW;) {
		size_t b = a + 1, lead = SIZE_MAX, vague = SIZE_MAX;
		while (b < s->n && s->win[b] == s->win[a])
			b++;
		for (size_t i = a; i < b; i++) {
			if (s->fig[i] == SIZE_MAX || !s->wst || !s->wst[s->fig[i]])
				continue;
			if (precision(s->refs[i]) == 0)
				vague = i;
			else if (lead == SIZE_MAX || window_leads_after(s, i, lead, st))
				lead = i;
		}
		/* the latest report, vague figures too, for the reason given */
		if (lead != SIZE_MAX || vague != SIZE_MAX)
			*latest_lead = lead != SIZE_MAX ? lead : vague;
		/* a count that falls as people are found (the missing) is the
		 * later report's, however vague: "nearly 600 missing" in October
		 * is stale beside "hundreds still missing" in December */
		bool falls = lead == SIZE_MAX && vague != SIZE_MAX && st != SIZE_MAX && s->falling;
		if (falls)
			lead = vague;
		a = b;
		if (lead == SIZE_MAX)
			continue;
		s->m->figures[s->fig[lead]].leads = true;
		if (st == SIZE_MAX) {
			st = lead;
		} else if (!rc_interval_meets(s->refs[st]->effective, s->refs[lead]->effective)) {
			add_change(s, st, lead);
			st = lead;
		} else if (falls || precision(s->refs[lead]) >= precision(s->refs[st])) {
			st = lead;
		}
		if (!s->refs[st]->revised)
			*latest_ok = st;
	}
	return st;
}

/* What the sentence of a chain of changes names (why.c): its first claim,
 * its last, the days between their reports, the steps and the reason. */
static void change_why(mstate *s, rc_conflict *c, const change *first, const change *last, size_t steps)
{
	if (!c)
		return;
	const rc_claim_ref *a = s->refs[first->from], *b = s->refs[last->to];
	c->why_arg.days = rc__fact_day(fact(s->r, b)) - rc__fact_day(fact(s->r, a));
	c->why_steps = (uint32_t)steps;   /* under the claims */
	c->why_form = first->reason == WHY_RISE           ? RC__WHY_CHANGE_RISE
	              : first->reason == WHY_FOUND        ? RC__WHY_CHANGE_FOUND
	              : first->reason == WHY_MORE_MISSING ? RC__WHY_CHANGE_MORE_MISSING
	              : first->reason == WHY_TEXT         ? RC__WHY_CHANGE_TEXT
	              : first->reason == WHY_AUTHORITY    ? RC__WHY_CHANGE_AUTHORITY
	                                                  : RC__WHY_CHANGE_LOWER;
}

/* Consecutive changes of one kind and reason become one conflict: a toll
 * rising over five days is one progression of five figures. */
static void chain_conflicts(mstate *s)
{
	size_t *figs = scratch(s->r, 2 * s->n_changes + 1, sizeof *figs);
	size_t *claims = scratch(s->r, 2 * s->n_changes + 1, sizeof *claims);
	for (size_t i = 0; figs && claims && i < s->n_changes;) {
		size_t j = i + 1;
		while (j < s->n_changes && s->changes[j].kind == s->changes[i].kind &&
		       s->changes[j].reason == s->changes[i].reason)
			j++;
		size_t k = 0;
		claims[k] = s->changes[i].from;
		figs[k++] = s->fig[s->changes[i].from];
		for (size_t x = i; x < j; x++) {
			/* the standing figure was updated in between ("at least 40",
			 * then 52): the update is a step of the chain too */
			if (x > i && s->changes[x].from != s->changes[x - 1].to) {
				claims[k] = s->changes[x].from;
				figs[k++] = s->fig[s->changes[x].from];
			}
			claims[k] = s->changes[x].to;
			figs[k++] = s->fig[s->changes[x].to];
		}
		change_why(s, add_conflict(s, s->changes[i].kind, figs, claims, k, NULL, RC__WHY_CHANGE_LOWER),
		           &s->changes[i], &s->changes[j - 1], j - i);
		i = j;
	}
	free(figs);
	free(claims);
}

/* ---- disputes ----------------------------------------------------------------------------- */

typedef struct said {
	size_t source;
	long long t;
	size_t i;
} said;

RC_CMP_FN3(cmp_said, said, source, t, i)

typedef struct restated {
	long win;
	size_t source;
} restated;

RC_CMP_FN2(cmp_restated, restated, win, source)

/*
 * A named source B disputes the reference figure R (the latest standing
 * figure of the most authoritative named sources) when B keeps giving
 * figures incompatible with it over time: B's latest report is a standing
 * figure that misses R; B gave figures missing R in at least two time
 * windows; and after the first of those, up to the last, another named
 * source restated a figure that meets R (a figure given once, beside B's
 * first, was not kept against it).  Found per source, sorted: no pair of
 * claims is compared.
 */
static void find_disputes(mstate *s, size_t c)
{
	size_t n = s->n;
	if (c == SIZE_MAX || s->win[c] == NO_WINDOW)
		return;
	const rc_interval *civ = s->refs[c]->effective;
	size_t csrc = source(s->r, s->refs[c]);
	said *v = scratch(s->r, n, sizeof *v);
	restated *rs = scratch(s->r, n, sizeof *rs);
	s->sides = scratch(s->r, n, sizeof *s->sides);
	if (!v || !rs || !s->sides) {
		free(v);
		free(rs);
		return;
	}
	size_t k = 0, nr = 0;
	for (size_t i = 0; i < n; i++) {
		const rc_claim_ref *x = s->refs[i];
		if (s->win[i] == NO_WINDOW || s->fig[i] == SIZE_MAX || x->authority < RC_AUTHORITY_NAMED)
			continue;
		v[k++] = (said){source(s->r, x), fact(s->r, x)->t, i};
		if (standing(&s->m->figures[s->fig[i]]) && rc_interval_meets(x->effective, civ))
			rs[nr++] = (restated){s->win[i], source(s->r, x)};
	}
	qsort(v, k, sizeof *v, cmp_said);
	qsort(rs, nr, sizeof *rs, cmp_restated);
	for (size_t a = 0; a < k;) {
		size_t b = a + 1;
		while (b < k && v[b].source == v[a].source)
			b++;
		size_t last = v[b - 1].i;
		const rc_claim_ref *lx = s->refs[last];
		if (v[a].source == csrc || !standing(&s->m->figures[s->fig[last]]) || rc_interval_meets(lx->effective, civ)) {
			a = b;
			continue;
		}
		long first_w = LONG_MAX, last_w = LONG_MIN;
		size_t windows = 0;
		for (size_t x = a; x < b; x++) {
			size_t i = v[x].i;
			if (!standing(&s->m->figures[s->fig[i]]) || rc_interval_meets(s->refs[i]->effective, civ))
				continue;
			if (windows == 0 || s->win[i] != last_w)
				windows++;
			if (s->win[i] < first_w)
				first_w = s->win[i];
			last_w = s->win[i];
		}
		bool restate = false;
		if (windows >= 2) {
			size_t lo = 0, hi = nr;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (rs[mid].win <= first_w)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (size_t x = lo; x < nr && rs[x].win <= last_w && !restate; x++)
				restate = rs[x].source != v[a].source;
		}
		if (restate)
			s->sides[s->n_sides++] = last;
		a = b;
	}
	free(v);
	free(rs);
}

/* Sides (indices into s->refs): the highest authority, then the latest,
 * first. */
static int cmp_side(const void *ms, size_t i, size_t j)
{
	const mstate *s = ms;
	const rc_claim_ref *a = s->refs[i], *b = s->refs[j];
	int c;
	if ((c = RC_CMP(b->authority, a->authority)) ||
	    (c = RC_CMP(fact(s->r, b)->t, fact(s->r, a)->t)))
		return c;
	return cmp_iv(a->effective, b->effective);
}

/* Sides sorted: the most authoritative first, then the latest. */
static void sort_sides(mstate *s)
{
	if (!rc__sort_indices(s->sides, s->n_sides, cmp_side, s))
		s->r->nomem = true;
}

/* The reference of the disputes: of the most authoritative named sources'
 * standing precise claims, the lead (window_leads) of the latest window
 * that has one. */
static size_t dispute_reference(const mstate *s)
{
	rc_authority top = RC_AUTHORITY_NONE;
	for (size_t i = 0; i < s->n && s->win[i] != NO_WINDOW; i++)
		if (s->fig[i] != SIZE_MAX && standing(&s->m->figures[s->fig[i]]) && precision(s->refs[i]) > 0 &&
		    s->refs[i]->authority > top)
			top = s->refs[i]->authority;
	if (top < RC_AUTHORITY_NAMED)
		return SIZE_MAX;
	size_t ref = SIZE_MAX;
	for (size_t i = 0; i < s->n && s->win[i] != NO_WINDOW; i++) {
		if (s->fig[i] == SIZE_MAX || !standing(&s->m->figures[s->fig[i]]) || precision(s->refs[i]) == 0 ||
		    s->refs[i]->authority != top)
			continue;
		if (ref == SIZE_MAX || s->win[i] > s->win[ref] || window_leads(s, i, ref))
			ref = i;
	}
	return ref;
}

/* The disputes of the reference R, as one conflict: the current figure's
 * side first, then each other side's latest figure.  When the current
 * figure misses R, R becomes current: in a dispute a careful reader quotes
 * the most authoritative side, and says it is disputed. */
static void dispute_conflict(mstate *s, size_t ref)
{
	if (!s->n_sides)
		return;
	sort_sides(s);
	if (!rc_interval_meets(s->refs[s->current]->effective, s->refs[ref]->effective))
		s->current = ref;
	size_t c = s->current;
	size_t k = s->n_sides + 1;
	size_t *figs = scratch(s->r, k, sizeof *figs), *claims = scratch(s->r, k, sizeof *claims);
	if (figs && claims) {
		figs[0] = s->fig[c];
		claims[0] = c;
		for (size_t i = 0; i < s->n_sides; i++) {
			figs[i + 1] = s->fig[s->sides[i]];
			claims[i + 1] = s->sides[i];
		}
		/* the sentence (why.c) is told from the reference's claim */
		rc_conflict *cf = add_conflict(s, RC_CONFLICT_DISPUTE, figs, claims, k, NULL, RC__WHY_DISPUTE);
		if (cf)
			cf->why_arg.ref = s->refs[ref];
	}
	free(figs);
	free(claims);
}

/* ---- the current figure when no dated report gives one ------------------------------------ */

/* Which of two claims to quote when time cannot tell: the most
 * authoritative, the most precise, the most widely reported, the highest
 * (tolls rise, and figures a later report revised are out already), then
 * the later in report order. */
static bool undated_leads(const mstate *s, size_t a, size_t b)
{
	const rc_claim_ref *x = s->refs[a], *y = s->refs[b];
	if (x->authority != y->authority)
		return x->authority > y->authority;
	int w = precise_widely(s, a, b);
	if (w >= 0)
		return w;
	int c = rc__cmp_double(rc__point_of(x->effective), rc__point_of(y->effective));
	if (c)
		return c > 0;
	return a > b;
}

static bool undated_standing(const mstate *s, size_t i)
{
	return s->win[i] == NO_WINDOW && s->fig[i] != SIZE_MAX && standing(&s->m->figures[s->fig[i]]) &&
	       precision(s->refs[i]) > 0;
}

/* The lead of the undated reports' standing precise figures (undated_leads),
 * or SIZE_MAX; when a more precise one meets it, the most precise of those,
 * as a later report confirms a standing figure it meets: "more than 300"
 * from officials and 340 from the crisis centre agree, and 340 says more. */
static size_t undated_current(mstate *s)
{
	size_t best = SIZE_MAX;
	for (size_t i = 0; i < s->n; i++)
		if (undated_standing(s, i) && (best == SIZE_MAX || undated_leads(s, i, best)))
			best = i;
	if (best == SIZE_MAX)
		return best;
	size_t conf = best;
	for (size_t i = 0; i < s->n; i++) {
		if (!undated_standing(s, i) || precision(s->refs[i]) <= precision(s->refs[best]) ||
		    !rc_interval_meets(s->refs[i]->effective, s->refs[best]->effective))
			continue;
		if (conf == best || precision(s->refs[i]) > precision(s->refs[conf]) ||
		    (precision(s->refs[i]) == precision(s->refs[conf]) && undated_leads(s, i, conf)))
			conf = i;
	}
	s->confirmed = conf != best ? best : SIZE_MAX;
	return conf;
}

/* The current figure from undated reports, or from vague figures when
 * nothing precise was reported (the latest window's, else an undated one);
 * *how says which. */
static size_t fallback_current(mstate *s, int *how)
{
	size_t best = undated_current(s);
	if (best != SIZE_MAX) {
		*how = 1;
		return best;
	}
	for (size_t i = 0; i < s->n; i++) {
		if (s->fig[i] == SIZE_MAX || !standing(&s->m->figures[s->fig[i]]))
			continue;
		bool better = best == SIZE_MAX ||
		              (s->win[i] != s->win[best] ? s->win[i] != NO_WINDOW && (s->win[best] == NO_WINDOW || s->win[i] > s->win[best])
		                                         : window_leads(s, i, best));
		if (better)
			best = i;
	}
	*how = 2;
	return best;
}

/* ---- revisions the texts state ---------------------------------------------------------- */

typedef struct sup_at {
	const rc_record *rec;
	size_t sentence;
	size_t i;
} sup_at;

RC_CMP_FN3(cmp_sup_at, sup_at, rec, sentence, i)

/* Is the revision from figures old[0..n) to figure to already a change of
 * the standing figure?  by_to: the changes as (figure changed to, change)
 * pairs, sorted. */
static bool in_chain(const mstate *s, const size_t *by_to, const size_t *old, size_t n, size_t to)
{
	size_t lo = 0, hi = s->n_changes;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (by_to[2 * mid] < to)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t c = lo; c < s->n_changes && by_to[2 * c] == to; c++)
		for (size_t i = 0; i < n; i++)
			if (rc_interval_equal(rc_figure_effective(&s->m->figures[old[i]]),
			                      s->refs[s->changes[by_to[2 * c + 1]].from]->effective))
				return true;
	return false;
}

#define MAX_CHAIN 16

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* The current figure of its document a superseded claim was revised to:
 * of the current claims of its metric, part and sentence, one of its
 * source before one of another, then the nearest ("Police said earlier
 * that 14 had died; the Red Cross put the toll at 15 before revising it
 * to 21": 15 to 21, not to 14). */
static const rc_claim *revised_to(const rc_record *rec, const rc_claim *sup)
{
	const rc_claim *best = NULL;
	size_t best_d = 0;
	bool best_same = false;
	for (size_t i = 0; i < rec->n_claims; i++) {
		const rc_claim *o = &rec->claims[i];
		if (o->status != RC_CLAIM_CURRENT || o->sentence.start != sup->sentence.start ||
		    !same_str(o->metric, sup->metric) || !same_str(o->part, sup->part) ||
		    (o->parent < 0) != (sup->parent < 0))
			continue;
		bool same = same_str(o->attribution, sup->attribution);
		size_t d = o->pos.start > sup->pos.start ? o->pos.start - sup->pos.start
		                                         : sup->pos.start - o->pos.start;
		if (!best || (same && !best_same) || (same == best_same && d < best_d)) {
			best = o;
			best_d = d;
			best_same = same;
		}
	}
	return best;
}

/* A document that revises its own figure ("revised down to 84 from 103"):
 * its superseded figures and the current one of the same sentence.  The
 * same revision in several documents is reported once, with their count. */
static void text_revisions(mstate *s)
{
	size_t n = s->n, k = 0;
	for (size_t i = 0; i < n; i++)
		k += s->fig[i] != SIZE_MAX && s->refs[i]->claim->status == RC_CLAIM_SUPERSEDED;
	if (!k)
		return;
	sup_at *v = scratch(s->r, k, sizeof *v);
	if (!v)
		return;
	k = 0;
	for (size_t i = 0; i < n; i++)
		if (s->fig[i] != SIZE_MAX && s->refs[i]->claim->status == RC_CLAIM_SUPERSEDED)
			v[k++] = (sup_at){s->refs[i]->rec, s->refs[i]->claim->sentence.start, i};
	qsort(v, k, sizeof *v, cmp_sup_at);
	sigs g = {0};
	for (size_t i = 0; i < n; i++) {
		const rc_claim_ref *c = s->refs[i];
		if (s->fig[i] == SIZE_MAX || c->claim->status != RC_CLAIM_CURRENT)
			continue;
		sup_at key = {c->rec, c->claim->sentence.start, 0};
		size_t lo = 0, hi = k;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (cmp_sup_at(&v[mid], &key) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		size_t figs[MAX_CHAIN], claims[MAX_CHAIN], m = 0;
		for (size_t x = lo; x < k && v[x].rec == c->rec && v[x].sentence == key.sentence && m < MAX_CHAIN - 1; x++) {
			if (revised_to(c->rec, s->refs[v[x].i]->claim) != c->claim)
				continue;
			bool dup = false;
			for (size_t y = 0; y < m; y++)
				dup |= figs[y] == s->fig[v[x].i];
			if (!dup) {
				figs[m] = s->fig[v[x].i];
				claims[m++] = v[x].i;
			}
		}
		if (!m)
			continue;
		figs[m] = s->fig[i];
		claims[m++] = i;
		if (!sigs_add(&g, figs, claims, m, c->rec))
			s->r->nomem = true;
	}
	free(v);
	size_t *by_to = scratch(s->r, 2 * s->n_changes, sizeof *by_to);
	for (size_t c = 0; by_to && c < s->n_changes; c++) {
		by_to[2 * c] = s->fig[s->changes[c].to];
		by_to[2 * c + 1] = c;
	}
	if (by_to)
		rc__qsort(by_to, s->n_changes, 2 * sizeof *by_to, cmp_size_pair);
	sig *w = by_to ? sigs_sorted(s, &g) : NULL;
	for (size_t i = 0; w && i < g.n;) {
		size_t j = i + 1, docs = 1;
		while (j < g.n && same_sig(&w[i], &w[j])) {
			docs += w[j].rec != w[j - 1].rec;
			j++;
		}
		size_t len = w[i].len;
		if (!in_chain(s, by_to, w[i].figs, len - 1, w[i].figs[len - 1])) {
			rc_conflict *c = add_conflict(s, RC_CONFLICT_REVISION, w[i].figs, w[i].claims, len, NULL,
			                              RC__WHY_TEXT_REVISION);
			if (c)
				c->reports = docs;
		}
		i = j;
	}
	free(w);
	free(by_to);
	sigs_free(&g);
}

/* ---- low, best and high ------------------------------------------------------------------- */

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

/* The credible current figures: the current one; the standing figures of
 * its time window and of the latest window that miss it (a same-day
 * disagreement), of its own report when it is undated; each other side of
 * a dispute.  low and high are the least and greatest of them. */
static void estimates(mstate *s, long latest_win)
{
	rc_metric_result *m = s->m;
	size_t c = s->current;
	if (c == SIZE_MAX)
		return;
	const rc_claim_ref *cur = s->refs[c];
	double *pts = scratch(s->r, m->n_figures + s->n_sides + s->n + 1, sizeof *pts);
	if (!pts)
		return;
	size_t k = 0;
	pts[k++] = value_of(cur);
	if (s->win[c] != NO_WINDOW) {
		for (size_t g = 0; g < m->n_figures; g++)
			if ((s->fwin[g] == s->win[c] || s->fwin[g] == latest_win) && standing(&m->figures[g]) &&
			    precision(m->figures[g].lead) > 0 && !rc_interval_meets(rc_figure_effective(&m->figures[g]), cur->effective))
				pts[k++] = value_of(m->figures[g].lead);
	} else {
		for (size_t i = 0; i < s->n; i++)
			if (s->refs[i]->rec == cur->rec && s->fig[i] != SIZE_MAX && standing(&m->figures[s->fig[i]]) &&
			    precision(s->refs[i]) > 0 && !rc_interval_meets(s->refs[i]->effective, cur->effective))
				pts[k++] = value_of(s->refs[i]);
	}
	for (size_t i = 0; i < s->n_sides; i++)
		pts[k++] = value_of(s->refs[s->sides[i]]);
	size_t u = 0;
	for (size_t i = 0; i < k; i++)
		if (!isnan(pts[i]))
			pts[u++] = pts[i];
	qsort(pts, u, sizeof *pts, cmp_double);
	m->current = cur;
	m->current_value = value_of(cur);
	if (u && !isnan(m->current_value)) {
		m->has_estimates = true;
		m->low = pts[0];
		m->high = pts[u - 1];
		switch (s->r->o->best) {
		case RC_BEST_MEDIAN:
			m->best = u % 2 ? pts[u / 2] : (pts[u / 2 - 1] + pts[u / 2]) / 2;
			break;
		case RC_BEST_CONSERVATIVE:
			m->best = pts[0];
			break;
		default:
			m->best = m->current_value;
		}
	}
	free(pts);
}

/* Which sentence tells why the current figure is the one, and what it
 * names besides the current claim (why.c writes it). */
static void current_why(mstate *s, int how, size_t latest_lead, bool switched)
{
	rc_metric_result *m = s->m;
	if (s->n_sides) {
		m->why_form = RC__CWHY_DISPUTE;
		m->why_by = switched;
		m->why_count = (uint32_t)s->n_sides;
		return;
	}
	if (how == 1 && s->confirmed != SIZE_MAX) {
		m->why_form = RC__CWHY_CONFIRMED;
		m->why_ref = s->refs[s->confirmed];
		return;
	}
	if (how == 1 || how == 2) {
		m->why_form = how == 1 ? RC__CWHY_UNDATED : RC__CWHY_VAGUE;
		return;
	}
	if (latest_lead == SIZE_MAX || s->win[latest_lead] == s->win[s->current]) {
		size_t others = 0;
		for (size_t g = 0; g < s->m->n_figures; g++)
			others += s->fwin[g] == s->win[s->current] && standing(&s->m->figures[g]) && g != s->fig[s->current];
		if (!others) {
			m->why_form = RC__CWHY_LATEST;
			return;
		}
		/* what decided it against the runner-up of its window */
		size_t cur = s->current, second = SIZE_MAX;
		for (size_t i = 0; i < s->n; i++)
			if (s->win[i] == s->win[cur] && s->fig[i] != SIZE_MAX && s->fig[i] != s->fig[cur] &&
			    standing(&s->m->figures[s->fig[i]]) && precision(s->refs[i]) > 0 &&
			    (second == SIZE_MAX || window_leads(s, i, second)))
				second = i;
		int by = RC__CWHY_BY_ONLY;
		if (second != SIZE_MAX) {
			by = RC__CWHY_BY_ORDER;
			const rc_claim_ref *x = s->refs[cur], *y = s->refs[second];
			if (x->authority != y->authority)
				by = RC__CWHY_BY_AUTHORITY;
			else if (precision(x) != precision(y))
				by = RC__CWHY_BY_PRECISE;
			else if (s->m->figures[s->fig[cur]].origins != s->m->figures[s->fig[second]].origins)
				by = RC__CWHY_BY_REPORTED;
			else if (fact(s->r, x)->t != fact(s->r, y)->t)
				by = RC__CWHY_BY_LATEST;
			else if (rc__cmp_double(value_of(x), value_of(y)))
				by = RC__CWHY_BY_HIGHEST;
		}
		m->why_form = RC__CWHY_WINDOW;
		m->why_by = (uint8_t)by;
		m->why_window = s->r->window == 1;
		m->why_count = (uint32_t)(others + 1);   /* under the figures */
		return;
	}
	m->why_ref = s->refs[latest_lead];
	m->why_form = precision(m->why_ref) == 0 ? RC__CWHY_LATER_VAGUE : RC__CWHY_LATER_AGREE;
}

/* ---- the pass ------------------------------------------------------------------------------- */

void rc__metric_figures(rc__reduce *r, rc_metric_result *m, const rc_claim_ref **refs, size_t n)
{
	mstate s = {.r = r, .m = m, .refs = refs, .n = n, .current = SIZE_MAX, .confirmed = SIZE_MAX,
	            .falling = rc__falling_metric(r, m->metric)};
	s.win = scratch(r, n, sizeof *s.win);
	s.fig = scratch(r, n, sizeof *s.fig);
	if (s.win && s.fig)
		build_figures(&s);
	if (r->nomem)
		goto done;
	mark_window_standing(&s);
	size_t latest_lead, latest_ok;
	if (m->increments) {
		/* each figure adds to the total: none is compared with another */
		s.current = standing_chain(&s, &latest_lead, &latest_ok);
		if (s.current == SIZE_MAX)
			s.current = fallback_current(&s, &(int){0});
		if (s.current != SIZE_MAX) {
			/* the latest increment; no range of credible figures */
			m->current = s.refs[s.current];
			m->current_value = value_of(m->current);
			m->has_estimates = !isnan(m->current_value);
			m->low = m->best = m->high = m->current_value;
			m->why_form = RC__CWHY_INCREMENT;
		}
		goto done;
	}
	window_contradictions(&s);
	undated_contradictions(&s);
	s.current = standing_chain(&s, &latest_lead, &latest_ok);
	chain_conflicts(&s);
	/* the undated reports are led as if they were one time window */
	size_t ul = SIZE_MAX;
	for (size_t i = 0; i < n; i++)
		if (s.win[i] == NO_WINDOW && s.fig[i] != SIZE_MAX && standing(&m->figures[s.fig[i]]) &&
		    (ul == SIZE_MAX || undated_leads(&s, i, ul)))
			ul = i;
	if (ul != SIZE_MAX)
		m->figures[s.fig[ul]].leads = true;
	int how = 0;
	size_t revised_last = SIZE_MAX;
	if (s.current != SIZE_MAX && s.refs[s.current]->revised) {
		/* the latest dated figure was revised by a report of no later
		 * window: an undated one, which is then the later report */
		revised_last = s.current;
		s.current = undated_current(&s);
		how = 3;
		if (s.current == SIZE_MAX) {
			s.current = latest_ok;
			how = 0;
		}
	}
	if (s.current == SIZE_MAX)
		s.current = fallback_current(&s, &how);
	size_t estimated_from = SIZE_MAX;
	if (how == 0 && s.current != SIZE_MAX && s.win[s.current] != NO_WINDOW && s.win[s.current] % s.wm) {
		/* the latest figure's time is only estimated, a lower bound: an
		 * undated report may be as late.  A more precise undated standing
		 * figure that meets it is quoted, as a later report confirms a
		 * standing figure it meets ("more than 500" and 934) */
		size_t c = s.current, pick = SIZE_MAX;
		for (size_t i = 0; i < n; i++)
			if (s.win[i] == NO_WINDOW && s.fig[i] != SIZE_MAX && standing(&m->figures[s.fig[i]]) &&
			    precision(s.refs[i]) > precision(s.refs[c]) &&
			    rc_interval_meets(s.refs[i]->effective, s.refs[c]->effective) &&
			    (pick == SIZE_MAX || undated_leads(&s, i, pick)))
				pick = i;
		if (pick != SIZE_MAX) {
			estimated_from = c;
			s.current = pick;
		}
	}
	size_t before = s.current, ref = dispute_reference(&s);
	find_disputes(&s, ref);
	dispute_conflict(&s, ref);
	text_revisions(&s);
	if (s.current != SIZE_MAX) {
		estimates(&s, latest_lead == SIZE_MAX ? NO_WINDOW : s.win[latest_lead]);
		/* the sentence is written when asked for (why.c) */
		if (how == 3) {
			m->why_form = RC__CWHY_REVISED;
			m->why_ref = s.refs[revised_last];
		} else if (estimated_from != SIZE_MAX && s.current == before) {
			m->why_form = RC__CWHY_ESTIMATED;
			m->why_ref = s.refs[estimated_from];
			m->why_day = fact(r, m->why_ref)->day;   /* dated: its window is */
		} else {
			current_why(&s, how, latest_lead, s.current != before);
		}
	}
	/* disputes, then contradictions, then the changes, each in the order found */
	if (s.n_out) {
		size_t *ord = scratch(r, 2 * s.n_out, sizeof *ord);
		m->conflicts = rc__reduce_alloc(r, s.n_out, sizeof *m->conflicts);
		if (ord && m->conflicts) {
			for (size_t i = 0; i < s.n_out; i++) {
				ord[2 * i] = (size_t)s.rank[i];
				ord[2 * i + 1] = i;
			}
			qsort(ord, s.n_out, 2 * sizeof *ord, cmp_size_pair);
			for (size_t i = 0; i < s.n_out; i++)
				m->conflicts[i] = s.out[ord[2 * i + 1]];
			m->n_conflicts = s.n_out;
		}
		free(ord);
	}
done:
	free(s.win);
	free(s.fig);
	free(s.fwin);
	free(s.out);
	free(s.rank);
	free(s.changes);
	free(s.sides);
	free(s.wst);
}
