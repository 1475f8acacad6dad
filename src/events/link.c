/*
 * Events stage, map phase: link each claim to the event mention it speaks
 * of.
 *
 * Reach widens step by step: the claim's own sentence (the nearest mention
 * before the figure, or a closer one after it at a small penalty, since
 * "twin bombings in Kerman that claimed over 90 lives" names the event
 * first while "90 were killed in the bombing" names it after), then the
 * earlier sentences of the same paragraph, nearest first (a figure of the
 * news passes over an event of the past that a sentence of the news
 * recalls).  With nothing in reach, the claim is about the document's
 * primary event, unless its
 * sentence is about the past: then it is about the background event its
 * paragraph last named, or none.  Claims of metrics listed in metric_types
 * (arrested, detained) prefer mentions of those types (arrests,
 * operations, raids); other metrics avoid the types of
 * other_metrics_avoid (arrests), judged by the noun as written.
 * An aggregate ("collectively claimed over 230 lives") links to every
 * distinct event its sentence names before the figure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "events/events-int.h"
#include "events/events-priv.h"

/* A mention after the figure costs this many times its distance, plus
 * FOLLOW_BIAS bytes. */
enum { FOLLOW_FACTOR = 2, FOLLOW_BIAS = 20, MAX_AGG = 16 };

typedef struct lctx {
	const ev_tables *tb;
	const rc_mention *ms;
	size_t n_ms;
	size_t *m_sent;        /* sentence of each mention */
	size_t *s_orig;        /* document offset of each sentence start */
	const rc_segments *seg;
	const rc__ev_doc *ds;
	const rc_claim *done;  /* the claims linked so far */
	size_t n_done;
} lctx;

/* Sentence containing document offset off (or the nearest before it). */
static size_t sent_of(const lctx *L, size_t off)
{
	size_t lo = 0, hi = L->seg->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (L->s_orig[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? lo - 1 : 0;
}

static const ev_metric_pref *pref_of(const ev_tables *tb, const char *metric)
{
	for (size_t i = 0; metric && i < tb->n_prefs; i++)
		if (strcmp(tb->prefs[i].metric, metric) == 0)
			return &tb->prefs[i];
	return NULL;
}

/* The type of the noun as written (a mention carries the type of its
 * event: "arrested" in a bombing's event is a bombing mention), or -1 for
 * a mention made from an alias or a title. */
static int noun_type(const lctx *L, const rc_mention *m)
{
	if (!m->noun)
		return -1;
	ev_span sp[8];
	size_t n = 0;
	for (size_t i = 0; m->noun[i] && n < 8;) {
		while (m->noun[i] == ' ')
			i++;
		size_t e = i;
		while (m->noun[e] && m->noun[e] != ' ')
			e++;
		if (e > i)
			sp[n++] = (ev_span){i, e, 0};
		i = e;
	}
	for (size_t k = 0; k < n; k++) {
		const ev_phrase *hit;
		if (rc__ev_phrase_match(L->tb->nouns, L->tb->n_nouns, m->noun, sp + k, n - k, &hit) ==
		    n - k)
			return hit->value;
	}
	return -1;
}

/* Metrics with preferred types link to those; the others avoid the types
 * of other_metrics_avoid. */
static bool allowed(const lctx *L, const ev_metric_pref *p, const rc_mention *m)
{
	int ti = noun_type(L, m);
	if (p) {
		for (size_t i = 0; i < p->n; i++)
			if (p->types[i] == ti)
				return true;
		return false;
	}
	for (size_t i = 0; i < L->tb->n_avoid; i++)
		if (L->tb->avoid[i] == ti)
			return false;
	return true;
}

static const char *event_of(const rc_mention *m)
{
	return m->key ? m->key : m->local_id;
}

/* Is sentence si about the past? */
static bool hist(const lctx *L, size_t si)
{
	return L->ds && si < L->ds->n_sent && L->ds->hist[si];
}

/* Is m of an event the text recalls from the past: not the primary one,
 * and a figure before was found to be about it ("surpasses the 1,426 who
 * died in 1990, when a stampede ...") or it is dated a year or more before
 * the primary event (without a date of its own, before the story's time)? */
static bool recalled(const lctx *L, const rc_mention *m)
{
	if (!L->ds || L->ds->primary < 0 || (size_t)L->ds->primary >= L->n_ms)
		return false;
	const rc_mention *p = &L->ms[L->ds->primary];
	const char *ev = event_of(m);
	if (strcmp(ev, event_of(p)) == 0)
		return false;
	for (size_t k = 0; k < L->n_done; k++)
		if (L->done[k].background && L->done[k].event && strcmp(L->done[k].event, ev) == 0)
			return true;
	long mlo, mhi, plo, phi;
	if (!m->date || !rc__ev_date_span(m->date, &mlo, &mhi))
		return false;
	if (!p->date || !rc__ev_date_span(p->date, &plo, &phi))
		plo = L->ds->now;
	return plo && mhi + RC__EV_HISTORY_DAYS < plo;
}

/* Is m of a time after the year a background claim names ("since December
 * 2019, when 71 soldiers were killed at Inates")?  The mention's own date,
 * or for the primary event without one the story's time, begins after
 * that year ends: the claim recalls another incident, not this one. */
static bool after_year(const lctx *L, const rc_claim *c, const rc_mention *m)
{
	if (!c || !c->background || c->year <= 0 || !L->ds)
		return false;
	char y[8];
	long ylo, yhi, mlo, mhi;
	snprintf(y, sizeof y, "%04d", (int)c->year);
	if (!rc__ev_date_span(y, &ylo, &yhi))
		return false;
	if (m->date && rc__ev_date_span(m->date, &mlo, &mhi))
		return mlo > yhi;
	const rc_mention *p = L->ds->primary >= 0 && (size_t)L->ds->primary < L->n_ms
	                              ? &L->ms[L->ds->primary]
	                              : NULL;
	return p && strcmp(event_of(m), event_of(p)) == 0 && L->ds->now > yhi;
}

/* Best mention in sentence si for a figure at [fs, fe) of claim c (NULL:
 * any claim), or -1. */
static long best_in_sentence(const lctx *L, const ev_metric_pref *p, size_t si, size_t fs,
                             size_t fe, bool before_only, const rc_claim *c)
{
	long best = -1;
	size_t best_score = (size_t)-1;
	for (size_t i = 0; i < L->n_ms; i++) {
		const rc_mention *m = &L->ms[i];
		if (L->m_sent[i] != si || !allowed(L, p, m) || after_year(L, c, m))
			continue;
		size_t score;
		if (m->end <= fs)
			score = fs - m->end;
		else if (m->start >= fe && !before_only)
			score = (m->start - fe) * FOLLOW_FACTOR + FOLLOW_BIAS;
		else if (m->start < fe && m->end > fs)
			score = 0; /* the figure sits inside the phrase */
		else
			continue;
		if (score < best_score) {
			best_score = score;
			best = (long)i;
		}
	}
	return best;
}

static long link_one(const lctx *L, const rc_claim *c, size_t si)
{
	const ev_metric_pref *p = pref_of(L->tb, c->metric);
	long m = best_in_sentence(L, p, si, c->pos.start, c->pos.end, false, c);
	if (m >= 0)
		return m;
	/* earlier sentences of the paragraph: the last mention there; a
	 * figure of the news passes over an event of the past that a sentence
	 * of the news recalls ("That total surpasses the 1,426 people who died
	 * in 1990, when a stampede ...  It is also nearly twice the official
	 * toll of 769"), not over a sentence that opens on the past ("In
	 * 1954, a stampede ... killed 800 people.  Another 2,000 were hurt") */
	size_t para = L->seg->sent[si].para;
	bool news = !c->background && !hist(L, si);
	for (size_t s = si; s-- > 0 && L->seg->sent[s].para == para;) {
		m = best_in_sentence(L, p, s, (size_t)-1, (size_t)-1, true, c);
		if (m >= 0 && !(news && !L->ds->opens_dated[s] && recalled(L, &L->ms[m])))
			return m;
	}
	/* a preference, not a rule: "destroyed 10 cells ... following the
	 * attacks in Kerman" still speaks of the Kerman attacks */
	if (p && (m = best_in_sentence(L, NULL, si, c->pos.start, c->pos.end, false, c)) >= 0)
		return m;
	/* nothing in reach: the article's own event, unless the sentence is
	 * about the past */
	if (!L->ds)
		return -1;
	long last = hist(L, si) ? L->ds->bg[si] : L->ds->primary;
	return last >= 0 && (size_t)last < L->n_ms && after_year(L, c, &L->ms[last]) ? -1 : last;
}

/* Distinct events named in the sentence before the figure, then after it,
 * then in the previous sentence of the paragraph ("Floods in Sylhet killed
 * 18, landslides in Rangamati nine.  Together the two disasters have claimed
 * more than 60 lives"), until two are found; returns how many were stored. */
static size_t aggregate_parts(const lctx *L, const rc_claim *c, size_t si, long *idx)
{
	const ev_metric_pref *p = pref_of(L->tb, c->metric);
	size_t n = 0;
	bool prev = si > 0 && L->seg->sent[si - 1].para == L->seg->sent[si].para;
	for (int pass = 0; pass < 3 && n < 2; pass++) {
		if (pass == 2 && !prev)
			break;
		for (size_t i = 0; i < L->n_ms && n < MAX_AGG; i++) {
			const rc_mention *m = &L->ms[i];
			if (L->m_sent[i] != (pass == 2 ? si - 1 : si) || !allowed(L, p, m) ||
			    !(m->place || m->date || m->key))
				continue;
			if (pass == 0 ? m->end > c->pos.start : pass == 1 && m->end <= c->pos.start)
				continue;
			bool dup = false;
			for (size_t k = 0; k < n && !dup; k++)
				dup = strcmp(event_of(&L->ms[idx[k]]), event_of(m)) == 0;
			if (!dup)
				idx[n++] = (long)i;
		}
	}
	return n;
}

rc_status rc__claims_link(rc_claim *claims, size_t n_claims, const rc_mention *mentions,
                          size_t n_mentions, const rc__ev_doc *ds, const rc_text *t,
                          const rc_segments *seg, rc_arena *a, rc_error *err)
{
	for (size_t i = 0; i < n_claims; i++) {
		claims[i].mention = -1;
		claims[i].event = NULL;
		claims[i].mentions = NULL;
		claims[i].n_mentions = 0;
		claims[i].events = NULL;
		claims[i].n_events = 0;
	}
	if (!n_claims || !n_mentions || !seg->n)
		return RC_OK;
	const ev_tables *tb = ds ? ds->tb : NULL;
	if (!tb)
		return rc__error_set(err, RC_ERR_INVALID,
		                     "claims linked without the document structure of rc__mentions_find");
	lctx L = {.tb = tb, .ms = mentions, .n_ms = n_mentions, .seg = seg,
	          .ds = ds};
	L.m_sent = malloc(n_mentions * sizeof(size_t));
	L.s_orig = malloc(seg->n * sizeof(size_t));
	if (!L.m_sent || !L.s_orig) {
		free(L.m_sent);
		free(L.s_orig);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	for (size_t s = 0; s < seg->n; s++)
		L.s_orig[s] = rc__text_orig(t, seg->sent[s].start);
	for (size_t i = 0; i < n_mentions; i++)
		L.m_sent[i] = sent_of(&L, mentions[i].start);
	rc_status st = RC_OK;
	for (size_t i = 0; i < n_claims && st == RC_OK; i++) {
		rc_claim *c = &claims[i];
		size_t si = sent_of(&L, c->pos.start);
		L.done = claims;
		L.n_done = i;
		if (c->status == RC_CLAIM_AGGREGATE) {
			long idx[MAX_AGG];
			size_t n = aggregate_parts(&L, c, si, idx);
			if (n >= 2) {
				c->mentions = rc__arena_alloc(a, n * sizeof(long));
				c->events = rc__arena_alloc(a, n * sizeof(char *));
				if (!c->mentions || !c->events) {
					st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
					break;
				}
				for (size_t k = 0; k < n; k++) {
					c->mentions[k] = idx[k];
					c->events[k] = event_of(&mentions[idx[k]]);
				}
				c->n_mentions = c->n_events = n;
				c->mention = idx[0];
				c->event = c->events[0];
				continue;
			}
		}
		long m = link_one(&L, c, si);
		if (m >= 0) {
			c->mention = m;
			c->event = event_of(&mentions[m]);
		}
	}
	free(L.m_sent);
	free(L.s_orig);
	return st;
}
