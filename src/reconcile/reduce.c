/*
 * The reduce phase: from the records of every document to events with,
 * per metric, the range, the core, the timeline, independent origins and
 * (figures.c) the figures by time window, the kinds of change between them
 * and the current figure, plus aggregate checks and the claims no event
 * took.  docs/reconcile.md gives every rule.
 *
 * Determinism: records are sorted canonically first (document id, path,
 * record line) and everything after works in that order, so the result is
 * the same whatever order the records came in, and whatever shards they
 * were extracted in.
 */
#include <math.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <recount/reconcile.h>
#include "core/core.h"
#include "events/events-priv.h"
#include "reconcile/reconcile-int.h"
#include "record/record-priv.h"
#include "record/signature.h"

struct rc_result_priv {
	rc_arena *arena;
	rc__links links; /* the merged event of every claim, numbered as res->refs */
};

const char *rc_conflict_kind_str(rc_conflict_kind k)
{
	static const char *const names[] = {
		[RC_CONFLICT_CONTRADICTION] = "contradiction", [RC_CONFLICT_REVISION] = "revision",
		[RC_CONFLICT_PROGRESSION] = "progression", [RC_CONFLICT_DISPUTE] = "dispute",
	};
	return rc__name_of(names, RC_ARRAY_LEN(names), (size_t)k, "unknown");
}

const char *rc_authority_str(rc_authority a)
{
	static const char *const names[] = {
		[RC_AUTHORITY_NONE] = "unattributed", [RC_AUTHORITY_NAMED] = "named",
		[RC_AUTHORITY_OFFICIAL] = "official",
	};
	return rc__name_of(names, RC_ARRAY_LEN(names), (size_t)a, "unknown");
}

const char *rc_aggregate_verdict_str(rc_aggregate_verdict v)
{
	static const char *const names[] = {
		[RC_AGG_CONSISTENT] = "consistent", [RC_AGG_INCONSISTENT] = "inconsistent",
		[RC_AGG_UNDETERMINED] = "undetermined",
	};
	return rc__name_of(names, RC_ARRAY_LEN(names), (size_t)v, "unknown");
}

/* ---- helpers ------------------------------------------------------------------ */

static int cmp_record(const void *pa, const void *pb)
{
	const rc_record *a = *(rc_record *const *)pa, *b = *(rc_record *const *)pb;
	int c;
	if ((c = rc__record_cmp_identity(a, b)) || (c = rc__strcmp0(a->source, b->source)) ||
	    (c = rc__strcmp0(a->published, b->published)) || (c = RC_CMP(a->bytes, b->bytes)))
		return c;
	return RC_CMP(a->n_claims, b->n_claims);
}



static rc_interval intersect(const rc_interval *a, const rc_interval *b)
{
	rc_interval r = *a;
	if (r.lo_inf || (!b->lo_inf && (b->lo > r.lo || (b->lo == r.lo && !b->lo_incl)))) {
		r.lo = b->lo;
		r.lo_inf = b->lo_inf;
		r.lo_incl = b->lo_incl;
	}
	if (r.hi_inf || (!b->hi_inf && (b->hi < r.hi || (b->hi == r.hi && !b->hi_incl)))) {
		r.hi = b->hi;
		r.hi_inf = b->hi_inf;
		r.hi_incl = b->hi_incl;
	}
	return r;
}

static bool interval_empty(const rc_interval *r)
{
	return !r->lo_inf && !r->hi_inf && (r->lo > r->hi || (r->lo == r->hi && !(r->lo_incl && r->hi_incl)));
}

static rc_interval hull(const rc_interval *a, const rc_interval *b)
{
	rc_interval r = *a;
	if (!r.lo_inf && (b->lo_inf || b->lo < r.lo || (b->lo == r.lo && b->lo_incl))) {
		r.lo = b->lo;
		r.lo_inf = b->lo_inf;
		r.lo_incl = b->lo_incl;
	}
	if (!r.hi_inf && (b->hi_inf || b->hi > r.hi || (b->hi == r.hi && b->hi_incl))) {
		r.hi = b->hi;
		r.hi_inf = b->hi_inf;
		r.hi_incl = b->hi_incl;
	}
	return r;
}

/* ---- origins: near-duplicates and shared authorities -------------------------------- */

typedef struct band_key {
	uint64_t h;
	size_t rec;
} band_key;

RC_CMP_FN2(cmp_band, band_key, h, rec)

#define BANDS 16
#define ROWS (RC_MINHASH_K / BANDS)

/* The bands first, first + step, ... of the near-duplicate search: each
 * candidate pair of a band whose records are at least threshold similar
 * is united in parent.  keys has room for n. */
static void dup_bands(size_t *parent, band_key *keys, rc_record *const *recs, size_t n, double threshold,
                      unsigned first, unsigned step)
{
	for (size_t b = first; b < BANDS; b += step) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++) {
			if (!recs[i]->has_signature || recs[i]->status != RC_DOC_OK)
				continue;
			keys[m++] = (band_key){.h = rc__hash64(recs[i]->minhash + b * ROWS, ROWS * sizeof(uint32_t), b),
			                       .rec = i};
		}
		qsort(keys, m, sizeof *keys, cmp_band);
		for (size_t i = 0; i < m;) {
			size_t j = i + 1;
			while (j < m && keys[j].h == keys[i].h)
				j++;
			/* bounded work per bucket: a huge bucket is a degenerate
			 * text; a pair already in one group needs no comparing */
			for (size_t x = i; x < j && x < i + 64; x++)
				for (size_t y = x + 1; y < j && y < i + 64; y++)
					if (rc__uf_find(parent, keys[x].rec) != rc__uf_find(parent, keys[y].rec) &&
					    rc__minhash_similarity(recs[keys[x].rec]->minhash, recs[keys[y].rec]->minhash) >= threshold)
						rc__uf_union(parent, keys[x].rec, keys[y].rec);
			i = j;
		}
	}
}

/* A thread of the search: its own bands, keys and unions. */
typedef struct dup_worker {
	rc_record *const *recs;
	size_t n;
	double threshold;
	unsigned first, step;
	size_t *parent;
	band_key *keys;
	pthread_t tid;
} dup_worker;

static void *dup_thread(void *arg)
{
	dup_worker *w = arg;
	dup_bands(w->parent, w->keys, w->recs, w->n, w->threshold, w->first, w->step);
	return NULL;
}

/*
 * Group records whose signatures are at least `threshold` similar.  Locality
 * sensitive hashing finds the candidates (16 bands of 4 slots: pairs at 0.8
 * similarity share a band with probability 1-(1-0.8^4)^16 > 0.999), and
 * each candidate pair is confirmed on the whole signature.  The groups are
 * the connected components of the confirmed pairs, each represented by its
 * smallest index (rc__uf_union), whatever the order the pairs are found in:
 * on `threads` threads, each searches its share of the bands into unions
 * of its own (24 bytes a record), which are joined at the end.
 */
static rc_status group_duplicates(size_t *parent, rc_record **recs, size_t n, double threshold,
                                  unsigned threads)
{
	for (size_t i = 0; i < n; i++)
		parent[i] = i;
	if (threads > BANDS)
		threads = BANDS;
	if (threads < 1)
		threads = 1;
	band_key *keys = malloc((n ? n : 1) * sizeof *keys);
	dup_worker *w = calloc(threads, sizeof *w);
	if (!keys || !w) {
		free(keys);
		free(w);
		return RC_ERR_NOMEM;
	}
	unsigned started = 1;  /* worker 0 is this thread */
	for (; started < threads; started++) {
		dup_worker *x = &w[started];
		*x = (dup_worker){.recs = recs, .n = n, .threshold = threshold, .first = started, .step = threads,
		                  .parent = malloc((n ? n : 1) * sizeof *x->parent),
		                  .keys = malloc((n ? n : 1) * sizeof *x->keys)};
		if (x->parent && x->keys)
			for (size_t i = 0; i < n; i++)
				x->parent[i] = i;
		if (!x->parent || !x->keys || pthread_create(&x->tid, NULL, dup_thread, x) != 0) {
			free(x->parent);
			free(x->keys);
			break;
		}
	}
	/* the bands no thread took are this thread's */
	for (unsigned b = 0; b < threads; b++)
		if (b == 0 || b >= started)
			dup_bands(parent, keys, recs, n, threshold, b, threads);
	for (unsigned t = 1; t < started; t++) {
		pthread_join(w[t].tid, NULL);
		for (size_t i = 0; i < n; i++)
			rc__uf_union(parent, i, rc__uf_find(w[t].parent, i));
		free(w[t].parent);
		free(w[t].keys);
	}
	free(w);
	free(keys);
	return RC_OK;
}

/* ---- the reduce ---------------------------------------------------------------------- */

typedef rc__reduce red;

void *rc__reduce_alloc(rc__reduce *r, size_t n, size_t size)
{
	void *p = rc__arena_calloc(r->a, n ? n : 1, size);
	if (!p)
		r->nomem = true;
	return p;
}

/* Sort key for the source counts: one value per claim of a metric. */
typedef struct src_key {
	size_t v;
	const char *s;
} src_key;

static int cmp_src(const void *keys, size_t i, size_t j)
{
	const src_key *a = (const src_key *)keys + i, *b = (const src_key *)keys + j;
	int c = RC_CMP(a->v, b->v);
	return c ? c : rc__strcmp0(a->s, b->s);
}

/* order[0..n): the claims by their keys k, ties in report order. */
static bool src_order(size_t *order, const src_key *k, size_t n)
{
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	return rc__sort_indices(order, n, cmp_src, k);
}

/*
 * Documents and independent origins of a metric (hypothetical claims
 * included: they are shown, and a source that states one still reports on
 * the event).  Two claims share an origin when their documents are near-
 * duplicates, or when they cite the same authority ("the health ministry"
 * in two outlets is one source).  Origins are the connected components of
 * that relation over the metric's claims, so there are never more origins
 * than documents; an authority links claims only within one event and
 * metric, so "police" in Kabul and "police" in Baghdad stay apart.  Each
 * claim's origin is renumbered to its component, in report order.
 */
static void count_sources(red *r, rc_metric_result *m, const rc_claim_ref **refs, size_t n)
{
	size_t *parent = malloc((n ? n : 1) * sizeof *parent);
	size_t *o = malloc((n ? n : 1) * sizeof *o);
	src_key *k = calloc(n ? n : 1, sizeof *k);
	bool ok = parent && o && k;
	if (ok) {
		for (size_t i = 0; i < n; i++)
			parent[i] = i;
		/* documents: distinct ids; the same document also links its claims */
		for (size_t i = 0; i < n; i++)
			k[i] = (src_key){.s = refs[i]->rec->doc};
		ok = src_order(o, k, n);
	}
	for (size_t i = 0; ok && i < n; i++)
		if (i == 0 || rc__strcmp0(k[o[i]].s, k[o[i - 1]].s) != 0)
			m->documents++;
		else
			rc__uf_union(parent, o[i], o[i - 1]);
	/* near-duplicate documents */
	for (size_t i = 0; ok && i < n; i++)
		k[i] = (src_key){.v = r->facts[rc__fact_index(r, (size_t)(refs[i] - r->res->refs))].group};
	ok = ok && src_order(o, k, n);
	for (size_t i = 1; ok && i < n; i++)
		if (k[o[i]].v == k[o[i - 1]].v)
			rc__uf_union(parent, o[i], o[i - 1]);
	/* the same cited authority (its origin key before renumbering) */
	for (size_t i = 0; ok && i < n; i++)
		k[i] = (src_key){.v = refs[i]->claim->attribution ? refs[i]->origin : SIZE_MAX};
	ok = ok && src_order(o, k, n);
	for (size_t i = 1; ok && i < n; i++)
		if (k[o[i]].v != SIZE_MAX && k[o[i]].v == k[o[i - 1]].v)
			rc__uf_union(parent, o[i], o[i - 1]);
	free(k);
	free(o);
	if (!ok) {
		free(parent);
		r->nomem = true;
		return;
	}
	/* number the components in report order */
	size_t *num = malloc((n ? n : 1) * sizeof *num), next = 0;
	if (!num) {
		free(parent);
		r->nomem = true;
		return;
	}
	for (size_t i = 0; i < n; i++)
		num[i] = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		size_t root = rc__uf_find(parent, i);
		if (num[root] == SIZE_MAX)
			num[root] = next++;
		((rc_claim_ref *)refs[i])->origin = num[root]; /* refs point into res->refs */
	}
	free(num);
	free(parent);
}

/* refs: the claims of one event and metric, in report order. */
/* A claim the timeline leaves out: hypothetical, or an aggregate. */
static bool timeline_skips(const rc_claim_ref *c)
{
	return c->claim->status == RC_CLAIM_HYPOTHETICAL || c->claim->status == RC_CLAIM_AGGREGATE;
}

static void metric_result(red *r, rc_metric_result *m, const rc_claim_ref **refs, size_t n)
{
	m->claims = refs;
	m->n_claims = n;
	/* range: every reported figure that is not hypothetical; vague figures
	 * ("many", "dozens") widen it only when nothing more precise was
	 * reported */
	bool any = false, any_core = false, precise = false;
	for (size_t i = 0; i < n; i++)
		precise |= refs[i]->claim->status != RC_CLAIM_HYPOTHETICAL && !refs[i]->claim->q.vague;
	for (size_t i = 0; i < n; i++) {
		const rc_claim_ref *c = refs[i];
		if (c->claim->status == RC_CLAIM_HYPOTHETICAL)
			continue;
		if (!precise || !c->claim->q.vague) {
			m->range = any ? hull(&m->range, c->effective) : *c->effective;
			any = true;
		}
	}
	count_sources(r, m, refs, n);
	/* the metric's origins: count_sources numbered them 0, 1, ... in
	 * report order */
	size_t n_orig = 0;
	for (size_t i = 0; i < n; i++)
		if (refs[i]->origin >= n_orig)
			n_orig = refs[i]->origin + 1;
	m->origins = n_orig;
	/* figures a later report explicitly revises ("down to 29 from 31") are
	 * superseded even though their own document still states them */
	rc__mark_revised(r, refs, n);
	/* core: current figures, vague and revised ones left out; increments
	 * have none (each counts other people) */
	m->increments = rc__increment_metric(r, m->metric);
	for (size_t i = 0; i < n && !m->increments; i++) {
		const rc_claim_ref *c = refs[i];
		if (c->claim->status != RC_CLAIM_CURRENT || c->claim->q.vague || c->revised)
			continue;
		if (!any_core) {
			m->core = *c->effective;
			any_core = true;
		} else {
			m->core = intersect(&m->core, c->effective);
		}
	}
	m->has_core = any_core && !interval_empty(&m->core);
	/* timeline: reported figures in report order; the claims themselves
	 * when none is left out */
	size_t reported = 0;
	for (size_t i = 0; i < n; i++)
		reported += !timeline_skips(refs[i]);
	if (reported == n) {
		m->timeline = refs;
	} else {
		const rc_claim_ref **tl = rc__reduce_alloc(r, reported, sizeof *tl);
		if (!tl)
			return;
		for (size_t i = 0, k = 0; i < n; i++)
			if (!timeline_skips(refs[i]))
				tl[k++] = refs[i];
		m->timeline = tl;
	}
	m->n_timeline = reported;
	/* figures, conflicts, the current figure */
	rc__metric_figures(r, m, refs, n);
}

/* ---- aggregates ----------------------------------------------------------------------- */

static const rc_metric_result *find_metric(const rc_event *ev, const char *metric)
{
	for (size_t m = 0; m < ev->n_metrics; m++)
		if (rc__strcmp0(ev->metrics[m].metric, metric) == 0)
			return &ev->metrics[m];
	return NULL;
}

static int cmp_event_id(const void *key, const void *ev)
{
	return rc__strcmp0(key, ((const rc_event *)ev)->id);
}

/* Events are in id order (rc__events_merge sorts them). */
static const rc_event *find_event(const rc_result *res, const char *id)
{
	if (!id || !res->n_events)
		return NULL;
	return bsearch(id, res->events, res->n_events, sizeof *res->events, cmp_event_id);
}

/* An aggregate claim linked to some event: reconciled as an aggregate of
 * its events, never as a figure of one of them. */
static bool is_aggregate(const rc__links *L, const rc_claim *cl, size_t k)
{
	return cl->status == RC_CLAIM_AGGREGATE && rc__link_event(L, k);
}

/* The event claim k (of res->refs) is reconciled under as a figure, or
 * NULL: an aggregate (reconciled apart), or a claim with no event or no
 * metric (*unlinked, when unlinked is not NULL). */
static const rc_event *figure_event(const rc__links *L, const rc_result *res, size_t k,
                                    bool *unlinked)
{
	const rc_claim *cl = res->refs[k].claim;
	if (unlinked)
		*unlinked = false;
	if (is_aggregate(L, cl, k))
		return NULL;
	const rc_event *ev = rc__link_event(L, k);
	if (ev && cl->metric)
		return ev;
	if (unlinked)
		*unlinked = true;
	return NULL;
}

/* The sum of the parts' ranges against the aggregate's own interval. */
static void check_aggregate(red *r, rc_aggregate *ag)
{
	const rc_claim_ref *ref = ag->ref;
	rc_interval sum = {.lo = 0, .hi = 0, .lo_incl = true, .hi_incl = true};
	const char *missing = NULL;
	for (size_t i = 0; i < ag->n_events; i++) {
		const rc_event *ev = find_event(r->res, ag->events[i]);
		const rc_metric_result *m = ev ? find_metric(ev, ref->claim->metric) : NULL;
		if (!m || !m->n_claims) {
			missing = ag->events[i];
			continue;
		}
		const rc_interval *p = &m->range;
		sum.lo_inf |= p->lo_inf;
		sum.hi_inf |= p->hi_inf;
		if (!p->lo_inf) {
			sum.lo += p->lo;
			sum.lo_incl &= p->lo_incl;
		}
		if (!p->hi_inf) {
			sum.hi += p->hi;
			sum.hi_incl &= p->hi_incl;
		}
	}
	if (sum.lo_inf)
		sum.lo_incl = false;
	if (sum.hi_inf)
		sum.hi_incl = false;
	ag->parts = sum;
	if (ag->n_events < 2) {
		ag->verdict = RC_AGG_UNDETERMINED;
		ag->why = "it is linked to fewer than two events";
	} else if (missing) {
		ag->verdict = RC_AGG_UNDETERMINED;
		ag->why = rc__arena_printf(r->a, "no source gives %s figures for %s", ref->claim->metric, missing);
	} else if (rc_interval_meets(ref->effective, &sum)) {
		ag->verdict = RC_AGG_CONSISTENT;
		ag->why = "the aggregate fits the sum of the parts' ranges";
	} else {
		ag->verdict = RC_AGG_INCONSISTENT;
		ag->why = "the aggregate lies outside the sum of the parts' ranges";
	}
	if (!ag->why)
		r->nomem = true;
}

/* ---- the run ----------------------------------------------------------------------------- */

/*
 * An origin key: a claim's cited authority compared without case, else its
 * document's near-duplicate group.  Keys order as the strings "a:<authority
 * in lower case>" and "d:<group in decimal>" would, without printing a
 * string per claim: authorities first, groups by their decimal digits.
 */
typedef struct okey {
	const char *attr;  /* cited authority, or NULL */
	size_t root;       /* near-duplicate group when attr is NULL */
	size_t idx;
} okey;

static int cmp_nocase(const char *a, const char *b)
{
	for (;; a++, b++) {
		int x = rc__lower((unsigned char)*a), y = rc__lower((unsigned char)*b);
		if (x != y || !x)
			return x - y;
	}
}

/* The decimal digits of v, NUL-terminated, at the end of buf[24]. */
static const char *decimal(size_t v, char buf[24])
{
	char *p = buf + 23;
	*p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	return p;
}

static int cmp_okey(const void *pa, const void *pb)
{
	const okey *a = pa, *b = pb;
	if (a->attr && b->attr)
		return cmp_nocase(a->attr, b->attr);
	if (a->attr || b->attr)
		return a->attr ? -1 : 1;
	if (a->root == b->root)
		return 0;
	char x[24], y[24];
	return strcmp(decimal(a->root, x), decimal(b->root, y));
}

/*
 * Metric keys that are not a claim's own metric ("killed (children)",
 * "killed (perpetrators)"): one copy of each, in the result's arena,
 * however many claims share it.
 */
static const char *mkey_intern(red *r, rc_strset *t, const char *s)
{
	const char *k = rc__strset_get(t, s);
	if (!k && (!(k = rc__arena_strdup(r->a, s)) || rc__strset_add(t, k) < 0))
		return NULL;
	return k;
}

/* ---- data/reconcile.json ------------------------------------------------------------- */

extern const char rc__data_reconcile[];
extern const size_t rc__data_reconcile_len;

/* The words of data/reconcile.json, lower case (docs/reconcile.md). */
struct rc__tables {
	const char **official;   /* attribution words of official sources */
	size_t n_official;
	const char **perpetrators; /* subjects that count an attack's perpetrators */
	size_t n_perpetrators;
	const char **victims;    /* metrics of the victims' toll */
	size_t n_victims;
	const char **falling;    /* metrics whose counts fall as people are found */
	size_t n_falling;
	const char **increments; /* part labels of increments: each adds to the total */
	size_t n_increments;
};

static bool load_list(red *r, const json_t *root, const char *name, const char ***out, size_t *n)
{
	const json_t *arr = json_object_get(root, name);
	if (!json_is_array(arr))
		return false;
	*out = rc__reduce_alloc(r, json_array_size(arr), sizeof **out);
	if (!*out)
		return false;
	size_t i;
	const json_t *v;
	json_array_foreach(arr, i, v) {
		if (!json_is_string(v))
			return false;
		char *w = rc__arena_strdup(r->a, json_string_value(v));
		if (!w) {
			r->nomem = true;
			return false;
		}
		for (char *p = w; *p; p++)
			*p = (char)rc__lower((unsigned char)*p);
		(*out)[(*n)++] = w;
	}
	return true;
}

static rc_status load_tables(red *r, struct rc__tables *t, rc_error *err)
{
	json_error_t je;
	json_t *root = json_loadb(rc__data_reconcile, rc__data_reconcile_len, 0, &je);
	bool ok = root && load_list(r, root, "official_words", &t->official, &t->n_official) &&
	          load_list(r, root, "perpetrator_subjects", &t->perpetrators, &t->n_perpetrators) &&
	          load_list(r, root, "victim_metrics", &t->victims, &t->n_victims) &&
	          load_list(r, root, "falling_metrics", &t->falling, &t->n_falling) &&
	          load_list(r, root, "increment_parts", &t->increments, &t->n_increments);
	json_decref(root);
	if (r->nomem)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	if (!ok)
		return rc__error_set(err, RC_ERR_PARSE, "data/reconcile.json: bad built-in table");
	r->tables = t;
	return RC_OK;
}

static bool in_list(const char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

bool rc__falling_metric(const rc__reduce *r, const char *metric)
{
	size_t len = strcspn(metric, " ");
	for (size_t i = 0; r->tables && i < r->tables->n_falling; i++)
		if (strlen(r->tables->falling[i]) == len && memcmp(r->tables->falling[i], metric, len) == 0)
			return true;
	return false;
}

bool rc__increment_metric(const rc__reduce *r, const char *metric)
{
	const char *open = strstr(metric, " (");
	size_t len = open ? strlen(open + 2) : 0;
	if (!len || open[1 + len] != ')')
		return false;
	for (size_t i = 0; r->tables && i < r->tables->n_increments; i++)
		if (strlen(r->tables->increments[i]) == len - 1 &&
		    memcmp(r->tables->increments[i], open + 2, len - 1) == 0)
			return true;
	return false;
}

static bool word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* How authoritative an attribution (lower case) is: official when it holds
 * one of the official words as whole words, else named. */
static rc_authority authority_of(const struct rc__tables *t, const char *attr)
{
	for (size_t i = 0; i < t->n_official; i++) {
		const char *w = t->official[i];
		size_t wl = strlen(w);
		for (const char *p = strstr(attr, w); p; p = strstr(p + 1, w))
			if ((p == attr || !word_char((unsigned char)p[-1])) && !word_char((unsigned char)p[wl]))
				return RC_AUTHORITY_OFFICIAL;
	}
	return RC_AUTHORITY_NAMED;
}

/* The metric a claim is reconciled under: a sub-count ("including 43
 * children") is a part, not a rival figure; the killed, injured or missing
 * among an attack's perpetrators ("killed two terrorists") are not the
 * victims' toll. */
/* The interned "<metric> (<what>)". */
static const char *metric_of(red *r, rc_strset *t, const char *metric, const char *what)
{
	char stack[256];
	size_t ml = strlen(metric), wl = strlen(what), need = ml + wl + 4;
	char *buf = need <= sizeof stack ? stack : malloc(need);
	if (!buf)
		return NULL;
	memcpy(buf, metric, ml);
	memcpy(buf + ml, " (", 2);
	memcpy(buf + ml + 2, what, wl);
	memcpy(buf + ml + 2 + wl, ")", 2);
	const char *k = mkey_intern(r, t, buf);
	if (buf != stack)
		free(buf);
	return k;
}

static const char *metric_key(red *r, rc_strset *t, const rc_claim *c)
{
	if (!c->metric)
		return c->metric;
	const char *k;
	/* a part ("including 43 children", "13 US troops", "195 remain in
	 * hospital") is reconciled as its own metric, not a rival figure */
	if (c->parent >= 0 || c->part) {
		k = metric_of(r, t, c->metric, c->part ? c->part : c->subject ? c->subject : "part");
	} else {
		const struct rc__tables *tb = r->tables;
		if (!c->subject || !in_list(tb->perpetrators, tb->n_perpetrators, c->subject) ||
		    !in_list(tb->victims, tb->n_victims, c->metric))
			return c->metric;
		k = metric_of(r, t, c->metric, "perpetrators");
	}
	if (!k)
		r->nomem = true;
	return k ? k : c->metric;
}

/* A figure of another event the text recalls or reports, linked to the
 * event its document reports (by place or kind): "killed (other event)", never a
 * rival of the event's own figures. */
static const char *recalled_key(red *r, rc_strset *t, const rc_claim *c)
{
	const char *k = metric_of(r, t, c->metric, "other event");
	if (!k)
		r->nomem = true;
	return k ? k : c->metric;
}

typedef struct keyed {
	const rc_claim_ref *ref;
	const char *metric;
	const rc__fact *f;
} keyed;

/* Report order: by report time (undated last), then document and
 * position (title first). */
static int cmp_report(const keyed *a, const keyed *b)
{
	if ((a->f->day == RC__UNDATED32) != (b->f->day == RC__UNDATED32))
		return a->f->day == RC__UNDATED32 ? 1 : -1;
	if (a->f->day != b->f->day)
		return a->f->day < b->f->day ? -1 : 1;
	if (a->f->t != b->f->t)
		return a->f->t < b->f->t ? -1 : 1;
	int c = rc__strcmp0(a->ref->rec->doc, b->ref->rec->doc);
	if (c)
		return c;
	/* reading order: a record's title (numbered after its text) first */
	if (a->ref->claim->in_title != b->ref->claim->in_title)
		return a->ref->claim->in_title ? -1 : 1;
	if (a->ref->claim->pos.start != b->ref->claim->pos.start)
		return a->ref->claim->pos.start < b->ref->claim->pos.start ? -1 : 1;
	return rc__strcmp0(a->ref->claim->metric, b->ref->claim->metric);
}

static int cmp_report_q(const void *pa, const void *pb)
{
	return cmp_report(pa, pb);
}

static int cmp_keyed(const void *pa, const void *pb)
{
	const keyed *a = pa, *b = pb;
	int c = rc__strcmp0(a->metric, b->metric);
	if (c)
		return c;
	return cmp_report(a, b);
}

/* The event a record's news is about: the one most of its claims are
 * linked to (not background figures of earlier events, not aggregates; the
 * first of its first NEWS_CLAIMS claims on a tie), or NULL. */
enum { NEWS_CLAIMS = 256 };

/* The merged event of claim number k when it is news, else NULL. */
static const rc_event *news_claim(const rc__links *L, const rc_record *rec, size_t base, size_t x)
{
	const rc_claim *c = &rec->claims[x];
	return c->background || c->status == RC_CLAIM_AGGREGATE ? NULL : rc__link_event(L, base + x);
}

typedef struct news_at {
	const rc_event *ev;
	size_t i;
} news_at;

static int cmp_news_at(const void *pa, const void *pb)
{
	const news_at *a = pa, *b = pb;
	uintptr_t x = (uintptr_t)a->ev, y = (uintptr_t)b->ev;
	if (x != y)
		return x < y ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

/* rec's claims are numbered from base in L.  Sorting the news claims by
 * event counts each event's claims in one pass; on a tie the event whose
 * first claim comes first wins. */
static const rc_event *news_event(const rc__links *L, const rc_record *rec, size_t base)
{
	news_at at[NEWS_CLAIMS];
	size_t n = rec->n_claims < NEWS_CLAIMS ? rec->n_claims : NEWS_CLAIMS, m = 0;
	for (size_t i = 0; i < n; i++) {
		const rc_event *ev = news_claim(L, rec, base, i);
		if (ev)
			at[m++] = (news_at){ev, i};
	}
	rc__qsort(at, m, sizeof *at, cmp_news_at);
	const rc_event *best = NULL;
	size_t best_n = 0, best_i = SIZE_MAX;
	for (size_t x = 0, y; x < m; x = y) {
		for (y = x + 1; y < m && at[y].ev == at[x].ev; y++)
			;
		if (y - x > best_n || (y - x == best_n && at[x].i < best_i)) {
			best_n = y - x;
			best_i = at[x].i;
			best = at[x].ev;
		}
	}
	return best;
}

/*
 * The day an event happened, as its reports state it, when its own date
 * is missing or names only its month or year: the month and day its
 * undated reports give without a year ("70 people who died inside the
 * tower on June 14", "--06-14" in their time hints), in the year of its
 * earliest dated report, on that report's day or up to a week before it
 * (news is reported within days), within the event's own month or year;
 * the one most reports give, the earliest on a tie.  Only to date its
 * undated reports (docs/reconcile.md, "Estimated times"): anchors[e] for
 * event e, or NULL where the event's date serves.  news[i] is record i's
 * news event.
 */
enum { ANCHOR_DAYS = 7 };

typedef struct anchor_vote {
	size_t ev;
	long day;
} anchor_vote;

RC_CMP_FN2(cmp_anchor_vote, anchor_vote, ev, day)

static const char **event_anchors(red *r, rc_record **recs, size_t n, const rc_event *const *news)
{
	rc_result *res = r->res;
	long *first = malloc((res->n_events ? res->n_events : 1) * sizeof *first);
	const char **anchors = rc__arena_calloc(r->a, res->n_events ? res->n_events : 1, sizeof *anchors);
	anchor_vote *votes = NULL;
	size_t n_votes = 0, cap_votes = 0;
	if (!first || !anchors) {
		free(first);
		r->nomem = true;
		return NULL;
	}
	for (size_t e = 0; e < res->n_events; e++)
		first[e] = RC__UNDATED;
	for (size_t i = 0; i < n; i++) {
		long day;
		long long t;
		rc__record_time(recs[i], &day, &t);
		if (news[i] && day != RC__UNDATED) {
			size_t e = (size_t)(news[i] - res->events);
			if (first[e] == RC__UNDATED || day < first[e])
				first[e] = day;
		}
	}
	for (size_t i = 0; i < n; i++) {
		const char *h = recs[i]->time_hint;
		if (!news[i] || !h || recs[i]->published)
			continue;
		size_t e = (size_t)(news[i] - res->events);
		const char *date = news[i]->date;
		size_t dl = date ? strcspn(date, "T ") : 0;
		if (first[e] == RC__UNDATED || dl >= 10)
			continue;
		int fy, fm, fd;
		rc__civil_from_days(first[e], &fy, &fm, &fd);
		for (const char *p = strstr(h, "--"); p; p = strstr(p + 2, "--")) {
			int m = atoi(p + 2), d = atoi(p + 5);
			if (m < 1 || m > 12 || d < 1 || d > 31)
				continue;
			long c = rc__days_from_civil(fy, m, d);
			int cy, cm, cd;
			rc__civil_from_days(c, &cy, &cm, &cd);
			if (cm != m || c > first[e] || first[e] - c > ANCHOR_DAYS ||
			    (dl >= 4 && atoi(date) != cy) || (dl >= 7 && atoi(date + 5) != cm))
				continue;
			if (RC_GROW(votes, cap_votes, n_votes + 1) != RC_OK) {
				r->nomem = true;
				break;
			}
			votes[n_votes++] = (anchor_vote){e, c};
		}
	}
	rc__qsort(votes, n_votes, sizeof *votes, cmp_anchor_vote);
	for (size_t x = 0, y; x < n_votes; x = y) {
		size_t best_n = 0;
		long best = RC__UNDATED;
		for (y = x; y < n_votes && votes[y].ev == votes[x].ev;) {
			size_t z = y;
			while (z < n_votes && votes[z].ev == votes[y].ev && votes[z].day == votes[y].day)
				z++;
			if (z - y > best_n) {
				best_n = z - y;
				best = votes[y].day;
			}
			y = z;
		}
		int by, bm, bd;
		rc__civil_from_days(best, &by, &bm, &bd);
		if (!(anchors[votes[x].ev] = rc__arena_printf(r->a, "%04d-%02d-%02d", by, bm, bd)))
			r->nomem = true;
	}
	free(votes);
	free(first);
	return anchors;
}

/* A background figure (an earlier event the text recalls) linked to its
 * document's news event is not about it, unless the year it names is the
 * event's: a trial report recalling "the November 2015 attacks, in which
 * 130 died" speaks of its own news event. */
static bool recalled(const rc_claim *c, const rc_event *ev, const rc_event *news, int news_year)
{
	return c->background && ev && ev == news && !(c->year && c->year == news_year);
}

/* ---- the figure pass on several threads ----------------------------------------------- */

/*
 * Each metric's figure pass reads the claims, facts and tables, which
 * nobody writes any more, and writes only its own metric result and its
 * own claims' references (their origin and revised flag): metrics are
 * independent.  A worker has a reduce state of its own (an arena, the
 * day strings, the out-of-memory flag), so nothing is shared but the
 * counter of the next metric to take.  Which worker takes a metric
 * depends on the scheduling; what the metric's result says does not, and
 * each lands in its own slot of the events, so the output is the same
 * for any number of threads.  The workers' arenas are adopted by the
 * result's at the end, in worker order.
 */

/* A worker's arena grows to blocks of 1 MiB at most: what it wastes at
 * the end (its last block's free part) stays small. */
enum { WORKER_BLOCK_MAX = 1 << 20 };

typedef struct fig_pass {
	rc_metric_result **todo; /* every metric, the largest first */
	size_t n;
	atomic_size_t next;      /* the first one no worker has taken */
} fig_pass;

typedef struct fig_worker {
	red r;
	fig_pass *p;
	pthread_t tid;
} fig_worker;

static void fig_work(red *r, fig_pass *p)
{
	for (size_t i; !r->nomem && (i = atomic_fetch_add(&p->next, 1)) < p->n;)
		metric_result(r, p->todo[i], p->todo[i]->claims, p->todo[i]->n_claims);
}

static void *fig_thread(void *arg)
{
	fig_worker *w = arg;
	fig_work(&w->r, w->p);
	return NULL;
}

/* Larger metrics first, so that no worker starts a long one last (the
 * order they are worked in changes nothing in their results). */
static int cmp_todo(const void *pa, const void *pb)
{
	const rc_metric_result *a = *(rc_metric_result *const *)pa, *b = *(rc_metric_result *const *)pb;
	if (a->n_claims != b->n_claims)
		return a->n_claims > b->n_claims ? -1 : 1;
	return RC_CMP((uintptr_t)a, (uintptr_t)b);
}

/* The figure pass of every metric on `threads` threads (this one among
 * them).  Fewer when threads cannot be started: the result is the same. */
static void figure_pass_threads(red *r, unsigned threads)
{
	rc_result *res = r->res;
	fig_pass p = {.n = 0};
	for (size_t e = 0; e < res->n_events; e++)
		p.n += res->events[e].n_metrics;
	if (threads > p.n)
		threads = p.n ? (unsigned)p.n : 1;
	p.todo = malloc((p.n ? p.n : 1) * sizeof *p.todo);
	fig_worker *w = calloc(threads, sizeof *w);
	if (!p.todo || !w) {
		free(p.todo);
		free(w);
		r->nomem = true;
		return;
	}
	for (size_t e = 0, k = 0; e < res->n_events; e++)
		for (size_t x = 0; x < res->events[e].n_metrics; x++)
			p.todo[k++] = &res->events[e].metrics[x];
	qsort(p.todo, p.n, sizeof *p.todo, cmp_todo);
	atomic_init(&p.next, 0);
	unsigned started = 1;  /* worker 0 is this thread, with r itself */
	for (; started < threads; started++) {
		fig_worker *x = &w[started];
		x->r = (red){.res = res, .o = r->o, .tol = r->tol, .window = r->window,
		             .facts = r->facts, .base = r->base, .n_recs = r->n_recs, .source = r->source,
		             .tables = r->tables,
		             .a = rc__arena_new(1 << 16)};
		x->p = &p;
		if (!x->r.a)
			break;
		rc__arena_cap_blocks(x->r.a, WORKER_BLOCK_MAX);
		if (pthread_create(&x->tid, NULL, fig_thread, x) != 0) {
			rc__arena_free(x->r.a);
			break;
		}
	}
	fig_work(r, &p);
	for (unsigned i = 1; i < started; i++) {
		pthread_join(w[i].tid, NULL);
		r->nomem |= w[i].r.nomem;
		/* the strings of the metrics it did live in its arena */
		if (!rc__arena_adopt(r->a, w[i].r.a)) {
			r->nomem = true;
			rc__arena_free(w[i].r.a);
		}
		free(w[i].r.day_keys);
		free(w[i].r.day_strs);
	}
	free(w);
	free(p.todo);
}

/*
 * The claims' effective intervals, one copy each in the result's arena: a
 * claim reference points at its interval (8 bytes, not 24), and a batch's
 * claims give few distinct intervals (tolls repeat across reports and
 * documents).  Open addressing on the interval's bits, so that only
 * intervals equal bit for bit are shared.
 */
typedef struct iv_table {
	const rc_interval **slots;   /* NULL: free */
	size_t cap, n;
} iv_table;

static uint64_t iv_bits(double d)
{
	uint64_t u;
	memcpy(&u, &d, sizeof u);
	return u;
}

static uint64_t iv_hash(const rc_interval *v)
{
	uint64_t flags = (uint64_t)v->lo_incl | (uint64_t)v->hi_incl << 1 | (uint64_t)v->lo_inf << 2 |
	                 (uint64_t)v->hi_inf << 3;
	return rc__mix64(iv_bits(v->lo) ^ rc__mix64(iv_bits(v->hi) ^ rc__mix64(flags)));
}

static bool iv_same(const rc_interval *a, const rc_interval *b)
{
	return iv_bits(a->lo) == iv_bits(b->lo) && iv_bits(a->hi) == iv_bits(b->hi) &&
	       a->lo_incl == b->lo_incl && a->hi_incl == b->hi_incl && a->lo_inf == b->lo_inf &&
	       a->hi_inf == b->hi_inf;
}

static void iv_put(const rc_interval **slots, size_t cap, const rc_interval *v)
{
	size_t h = iv_hash(v) & (cap - 1);
	while (slots[h])
		h = (h + 1) & (cap - 1);
	slots[h] = v;
}

/* The kept copy of v (a zero interval, with r->nomem set, when out of
 * memory: the figure pass is then skipped). */
static const rc_interval *iv_intern(red *r, iv_table *t, const rc_interval *v)
{
	static const rc_interval none;
	if (4 * (t->n + 1) > 3 * t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 1024;
		const rc_interval **slots = calloc(cap, sizeof *slots);
		if (!slots) {
			r->nomem = true;
			return &none;
		}
		for (size_t i = 0; i < t->cap; i++)
			if (t->slots[i])
				iv_put(slots, cap, t->slots[i]);
		free(t->slots);
		t->slots = slots;
		t->cap = cap;
	}
	size_t h = iv_hash(v) & (t->cap - 1);
	for (; t->slots[h]; h = (h + 1) & (t->cap - 1))
		if (iv_same(t->slots[h], v))
			return t->slots[h];
	rc_interval *copy = rc__arena_alloc(r->a, sizeof *copy);
	if (!copy) {
		r->nomem = true;
		return &none;
	}
	*copy = *v;
	t->slots[h] = copy;
	t->n++;
	return copy;
}

static rc_status run(red *r, rc_record **recs, size_t n, rc_error *err)
{
	rc_result *res = r->res;
	rc_status st;
	/* counts */
	for (size_t i = 0; i < n; i++) {
		if (recs[i]->status == RC_DOC_OK)
			res->documents_processed++;
		else
			res->documents_skipped++;
		res->claims += recs[i]->n_claims;
	}
	res->documents_read = n;
	if (res->claims > UINT32_MAX)   /* rc__reduce.source is 32-bit */
		return rc__error_set(err, RC_ERR_LIMIT, "%zu claims, over the %" PRIu32 " one reduce takes",
		                     res->claims, UINT32_MAX);
	if (n > UINT32_MAX)             /* and rc__fact.group */
		return rc__error_set(err, RC_ERR_LIMIT, "%zu records, over the %" PRIu32 " one reduce takes",
		                     n, UINT32_MAX);
	/* events */
	rc_event_vocab *own = NULL;
	const rc_event_vocab *vocab = r->o->vocab;
	if (!vocab && (st = rc_event_vocab_new(&own, err)) != RC_OK)
		return st;
	rc__links *L = &res->priv->links;
	st = rc__events_merge(&res->events, &res->n_events, L, r->a, recs, n, own ? own : vocab,
	                      r->o->events, r->o->threads, err);
	rc_event_vocab_free(own);
	if (st != RC_OK)
		return st;
	/* origins: near-duplicate documents share one */
	size_t *parent = malloc((n ? n : 1) * sizeof *parent);
	if (!parent)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	if (group_duplicates(parent, recs, n, r->o->duplicate_threshold, r->o->threads) != RC_OK) {
		free(parent);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	/* the signatures and mentions have done their work (the event merge and
	 * the groups): their memory goes back to what follows */
	for (size_t i = 0; i < n; i++)
		rc_record_drop_merge_data(recs[i]);
	/* claim refs; a claim's origin is its cited authority if any, else its
	 * document's near-duplicate group */
	res->refs = rc__reduce_alloc(r, res->claims, sizeof *res->refs);
	okey *keys = calloc(res->claims ? res->claims : 1, sizeof *keys);
	r->facts = calloc(n ? n : 1, sizeof *r->facts);
	r->source = calloc(res->claims ? res->claims : 1, sizeof *r->source);
	/* a background figure linked to its own document's news event:
	 * reconciled as "<metric> (other event)" (docs/reconcile.md); read
	 * by the sort below only */
	bool *recalled_at = calloc(res->claims ? res->claims : 1, sizeof *recalled_at);
	r->base = L->base;
	r->n_recs = n;
	if (!res->refs || !keys || !r->facts || !r->source || !recalled_at) {
		free(parent);
		free(keys);
		free(recalled_at);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	/* the news event of every record, and the days events happened as
	 * their reports state them, when some undated report names a month
	 * and day without a year */
	const rc_event **news = NULL;
	const char **anchors = NULL;
	bool month_days = false;
	for (size_t i = 0; i < n && !month_days; i++)
		month_days = !recs[i]->published && recs[i]->time_hint && strstr(recs[i]->time_hint, "--");
	if (month_days) {
		news = calloc(n ? n : 1, sizeof *news);
		if (!news) {
			free(parent);
			free(keys);
			free(recalled_at);
			return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		}
		for (size_t i = 0, b = 0; i < n; b += recs[i]->n_claims, i++)
			news[i] = news_event(L, recs[i], b);
		anchors = event_anchors(r, recs, n, news);
	}
	size_t k = 0;
	iv_table ivs = {0};
	for (size_t i = 0; i < n; i++) {
		size_t root = rc__uf_find(parent, i);
		long day;
		long long t;
		rc__record_time(recs[i], &day, &t);
		bool estimated = false;
		bool recalls = false; /* it holds background figures */
		for (size_t c = 0; c < recs[i]->n_claims && !recalls; c++)
			recalls = recs[i]->claims[c].background;
		const rc_event *news_ev = news ? news[i]
		                          : recalls || (day == RC__UNDATED && recs[i]->time_hint)
		                          ? news_event(L, recs[i], k) : NULL;
		int news_year = news_ev && news_ev->date ? atoi(news_ev->date) : 0;
		if (day == RC__UNDATED && recs[i]->time_hint) {
			const rc_event *ev = news_ev;
			const char *anchor = ev && anchors ? anchors[ev - res->events] : NULL;
			rc__estimated_time(recs[i]->time_hint, anchor ? anchor : ev ? ev->date : NULL, &day, &t);
			estimated = day != RC__UNDATED;
		}
		/* days of years 0 to 9999 (and the estimates past them) */
		r->facts[i].day = day == RC__UNDATED || day <= INT32_MIN || day > INT32_MAX ? RC__UNDATED32
		                                                                             : (int32_t)day;
		r->facts[i].t = t;
		r->facts[i].estimated = estimated;
		r->facts[i].group = (uint32_t)root;   /* under n */
		for (size_t c = 0; c < recs[i]->n_claims; c++) {
			/* a figure the text recalls from an earlier event is never one
			 * of the event the document reports ("Eight years ago, a
			 * collapse in the same town killed 64", linked to the town) */
			recalled_at[k] = news_ev && recalled(&recs[i]->claims[c], rc__link_event(L, k), news_ev, news_year);
			const rc_claim *cl = &recs[i]->claims[c];
			rc_claim_ref *ref = &res->refs[k];
			ref->rec = recs[i];
			ref->claim = cl;
			rc_interval eff = rc_interval_widen(&cl->q.iv, cl->q.value, cl->q.approx, cl->q.qualifier, r->tol);
			ref->effective = iv_intern(r, &ivs, &eff);
			keys[k] = (okey){.attr = cl->attribution, .root = root, .idx = k};
			k++;
		}
	}
	res->n_refs = k;
	free(ivs.slots);
	free(parent);
	free(news);
	/* number the origins in canonical order of their keys; they are the
	 * sources of the figure pass, and an authority's rank is worked out
	 * once per key */
	qsort(keys, k, sizeof *keys, cmp_okey);
	size_t origin = 0;
	rc_authority rank = RC_AUTHORITY_NONE;
	char *lower = NULL;
	size_t lower_cap = 0;
	for (size_t i = 0; i < k; i++) {
		bool first = i == 0 || cmp_okey(&keys[i], &keys[i - 1]) != 0;
		if (i && first)
			origin++;
		if (first && keys[i].attr) {
			/* the authority's rank, from its name in lower case */
			size_t len = strlen(keys[i].attr);
			if (len + 1 > lower_cap) {
				char *grown = realloc(lower, len + 1);
				if (!grown) {
					r->nomem = true;
					break;
				}
				lower = grown;
				lower_cap = len + 1;
			}
			for (size_t j = 0; j <= len; j++)
				lower[j] = (char)rc__lower((unsigned char)keys[i].attr[j]);
			rank = authority_of(r->tables, lower);
		} else if (first) {
			rank = RC_AUTHORITY_NONE;
		}
		res->refs[keys[i].idx].origin = origin;
		res->refs[keys[i].idx].authority = rank;
		r->source[keys[i].idx] = (uint32_t)origin;   /* under res->claims */
	}
	free(lower);
	free(keys);
	/* group by event (a counting sort on the event's index: the side
	 * table has it, so the sort key needs no field for it), then by
	 * metric and report order within each event */
	size_t *at = calloc(res->n_events + 1, sizeof *at);
	size_t nb = 0, n_unlinked = 0;
	if (!at) {
		free(recalled_at);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < k; i++) {
		bool unlinked;
		const rc_event *ev = figure_event(L, res, i, &unlinked);
		n_unlinked += unlinked;
		if (ev) {
			at[ev - res->events + 1]++;
			nb++;
		}
	}
	for (size_t e = 0; e < res->n_events; e++)
		at[e + 1] += at[e];
	/* at[e] is where event e's claims start; filling moves it to where they end */
	rc_strset mk = {0};
	keyed *by = calloc(nb ? nb : 1, sizeof *by);
	if (!by) {
		free(at);
		free(recalled_at);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < k; i++) {
		const rc_claim *cl = res->refs[i].claim;
		const rc_event *ev = figure_event(L, res, i, NULL);
		if (ev)
			by[at[ev - res->events]++] =
				(keyed){.ref = &res->refs[i],
			                .metric = recalled_at[i] ? recalled_key(r, &mk, cl) : metric_key(r, &mk, cl),
			                .f = &r->facts[rc__fact_index(r, i)]};
	}
	rc__strset_free(&mk);
	free(recalled_at);
	for (size_t e = 0; e < res->n_events; e++) {
		size_t first = e ? at[e - 1] : 0;
		rc__qsort(by + first, at[e] - first, sizeof *by, cmp_keyed);
	}
	for (size_t e = 0; e < res->n_events && !r->nomem; e++) {
		rc_event *ev = &res->events[e];
		size_t first = e ? at[e - 1] : 0, last = at[e];
		size_t metrics = 0;
		for (size_t i = first; i < last; i++)
			metrics += i == first || rc__strcmp0(by[i].metric, by[i - 1].metric) != 0;
		ev->metrics = rc__reduce_alloc(r, metrics, sizeof *ev->metrics);
		if (!ev->metrics)
			break;
		for (size_t i = first; i < last;) {
			size_t j = i + 1;
			while (j < last && rc__strcmp0(by[j].metric, by[i].metric) == 0)
				j++;
			rc_metric_result *m = &ev->metrics[ev->n_metrics++];
			m->metric = by[i].metric;
			const rc_claim_ref **refs = rc__reduce_alloc(r, j - i, sizeof *refs);
			if (!refs)
				break;
			for (size_t x = i; x < j; x++)
				refs[x - i] = by[x].ref;
			m->claims = refs;
			m->n_claims = j - i;
			i = j;
		}
	}
	free(at);
	free(by);
	/* the figure pass, once the sort keys are given back (24 bytes a claim) */
	if (r->o->threads > 1 && !r->nomem)
		figure_pass_threads(r, r->o->threads);
	else
		for (size_t e = 0; e < res->n_events && !r->nomem; e++)
			for (size_t x = 0; x < res->events[e].n_metrics; x++) {
				rc_metric_result *m = &res->events[e].metrics[x];
				metric_result(r, m, m->claims, m->n_claims);
			}
	/* aggregates, on the first event they sum */
	for (size_t i = 0; i < k && !r->nomem; i++) {
		const rc_claim *cl = res->refs[i].claim;
		if (!is_aggregate(L, cl, i))
			continue;
		rc_event *ev = &res->events[rc__link_event(L, i) - res->events];
		rc_aggregate *grown = rc__reduce_alloc(r, ev->n_aggregates + 1, sizeof *grown);
		if (!grown)
			break;
		if (ev->n_aggregates)
			memcpy(grown, ev->aggregates, ev->n_aggregates * sizeof *grown);
		ev->aggregates = grown;
		rc_aggregate *ag = &ev->aggregates[ev->n_aggregates++];
		ag->ref = &res->refs[i];
		/* an aggregate whose other events the linker did not find ("the
		 * Paris and Brussels attacks" read as one mention) sums one event:
		 * it is still no figure of that event, and stays undetermined */
		size_t n_sums;
		const char *const *sums = rc__link_event_ids(L, i, &n_sums);
		ag->events = (const char **)sums;
		ag->n_events = n_sums;
		if (!n_sums) {
			const char **one = rc__reduce_alloc(r, 1, sizeof *one);
			if (!one)
				break;
			one[0] = ev->id;
			ag->events = one;
			ag->n_events = 1;
		}
		check_aggregate(r, ag);
	}
	/* claims no event took, in report order */
	res->unlinked = rc__reduce_alloc(r, n_unlinked, sizeof *res->unlinked);
	if (!res->unlinked)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	keyed *ul = calloc(n_unlinked ? n_unlinked : 1, sizeof *ul);
	if (!ul)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < k; i++) {
		bool unlinked;
		figure_event(L, res, i, &unlinked);
		if (unlinked)
			ul[res->n_unlinked++] = (keyed){.ref = &res->refs[i], .f = &r->facts[rc__fact_index(r, i)]};
	}
	rc__qsort(ul, res->n_unlinked, sizeof *ul, cmp_report_q);
	for (size_t i = 0; i < res->n_unlinked; i++)
		res->unlinked[i] = ul[i].ref;
	free(ul);
	if (r->nomem)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	return RC_OK;
}

/* The size of the struct a caller of this version has: version 1 ended
 * before threads. */
static size_t options_size(unsigned version)
{
	return version < 2 ? offsetof(rc_reconcile_options, threads) : sizeof(rc_reconcile_options);
}

rc_status rc_reconcile_options_init(rc_reconcile_options *o, unsigned version, rc_error *err)
{
	static const rc_reconcile_options init = RC_RECONCILE_OPTIONS_INIT;
	return rc__options_init(o, options_size(version), &init, "rc_reconcile_options", version,
	                        RC_RECONCILE_OPTIONS_VERSION, err);
}

/* The defaults, from the one place that decides them (src/pipeline/engine.c). */
static void resolve_options(rc_reconcile_options *o)
{
	rc_engine_options e = RC_ENGINE_OPTIONS_INIT;
	e.approx_tolerance = o->approx_tolerance;
	e.window_days = o->window_days;
	e.duplicate_threshold = o->duplicate_threshold;
	e.threads = 1; /* not used here: spares the CPU count */
	rc_engine_options_resolve(&e);
	o->approx_tolerance = e.approx_tolerance;
	o->window_days = e.window_days;
	o->duplicate_threshold = e.duplicate_threshold;
}

rc_status rc_reconcile(rc_result **out, rc_record **records, size_t n,
                       const rc_reconcile_options *opts, rc_error *err)
{
	*out = NULL;
	if (opts && rc__options_check("rc_reconcile_options", opts->version, RC_RECONCILE_OPTIONS_VERSION, err) !=
	            RC_OK) {
		rc__records_free(records, n);
		return RC_ERR_INVALID;
	}
	rc_result *res = calloc(1, sizeof *res);
	rc_record **recs = malloc((n ? n : 1) * sizeof *recs);
	struct rc_result_priv *priv = calloc(1, sizeof *priv);
	rc_arena *a = rc__arena_new(1 << 16);
	if (!res || !recs || !priv || !a) {
		rc__records_free(records, n);
		free(res);
		free(recs);
		free(priv);
		rc__arena_free(a);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	if (n)
		memcpy(recs, records, n * sizeof *recs);
	qsort(recs, n, sizeof *recs, cmp_record);
	priv->arena = a;
	res->priv = priv;
	res->records = recs;
	res->n_records = n;
	/* a caller of an older version has a shorter struct: what it lacks is 0 */
	res->options = (rc_reconcile_options)RC_RECONCILE_OPTIONS_INIT;
	if (opts)
		memcpy(&res->options, opts, options_size(opts->version));
	res->options.version = RC_RECONCILE_OPTIONS_VERSION;
	resolve_options(&res->options);
	red r = {.res = res, .a = a, .o = &res->options, .tol = res->options.approx_tolerance,
	         .window = (long)res->options.window_days};
	struct rc__tables tables = {0};
	rc_status st = load_tables(&r, &tables, err);
	if (st == RC_OK)
		st = run(&r, recs, n, err);
	free(r.facts);
	free(r.source);
	free(r.day_keys);
	free(r.day_strs);
	if (st != RC_OK) {
		rc_result_free(res);
		return st;
	}
	res->options.events = NULL; /* borrowed for the call only */
	res->options.vocab = NULL;
	*out = res;
	return RC_OK;
}

const rc_event *rc_result_claim_event(const rc_result *res, size_t rec, size_t claim)
{
	size_t k = res && res->priv ? rc__link_index(&res->priv->links, rec, claim) : SIZE_MAX;
	return k == SIZE_MAX ? NULL : rc__link_event(&res->priv->links, k);
}

const rc_event *const *rc_result_claim_events(const rc_result *res, size_t rec, size_t claim, size_t *n)
{
	size_t k = res && res->priv ? rc__link_index(&res->priv->links, rec, claim) : SIZE_MAX;
	*n = 0;
	return k == SIZE_MAX ? NULL : rc__link_events(&res->priv->links, k, n);
}

/* The claim number of ref, or SIZE_MAX when it is not one of res->refs. */
static size_t ref_index(const rc_result *res, const rc_claim_ref *ref)
{
	if (!res || !res->priv || !res->priv->links.link || !ref || !res->n_refs || ref < res->refs ||
	    ref >= res->refs + res->n_refs)
		return SIZE_MAX;
	return (size_t)(ref - res->refs);
}

const rc_event *rc_result_ref_event(const rc_result *res, const rc_claim_ref *ref)
{
	size_t k = ref_index(res, ref);
	return k == SIZE_MAX ? NULL : rc__link_event(&res->priv->links, k);
}

const char *const *rc_result_ref_event_ids(const rc_result *res, const rc_claim_ref *ref, size_t *n)
{
	size_t k = ref_index(res, ref);
	*n = 0;
	return k == SIZE_MAX ? NULL : rc__link_event_ids(&res->priv->links, k, n);
}

void rc_result_free(rc_result *res)
{
	if (!res)
		return;
	rc__records_free(res->records, res->n_records);
	free(res->records);
	if (res->priv) {
		rc__arena_free(res->priv->arena);
		free(res->priv);
	}
	free(res);
}
