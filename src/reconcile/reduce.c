/*
 * The reduce phase: from the records of every document to events with,
 * per metric, the range, the core, low/best/high estimates, the timeline,
 * independent origins and the conflicts between sources, plus aggregate
 * checks and the claims no event took.  docs/reconcile.md gives every rule.
 *
 * Determinism: records are sorted canonically first (document id, path,
 * record line) and everything after works in that order, so the result is
 * the same whatever order the records came in, and whatever shards they
 * were extracted in.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <recount/reconcile.h>
#include "core/core.h"
#include "events/events-priv.h"
#include "reconcile/reconcile-int.h"
#include "record/signature.h"

struct rc_result_priv {
	rc_arena *arena;
};

const char *rc_conflict_kind_str(rc_conflict_kind k)
{
	switch (k) {
	case RC_CONFLICT_CONTRADICTION: return "contradiction";
	case RC_CONFLICT_REVISION: return "revision";
	case RC_CONFLICT_PROGRESSION: return "progression";
	}
	return "unknown";
}

const char *rc_aggregate_verdict_str(rc_aggregate_verdict v)
{
	switch (v) {
	case RC_AGG_CONSISTENT: return "consistent";
	case RC_AGG_INCONSISTENT: return "inconsistent";
	case RC_AGG_UNDETERMINED: return "undetermined";
	}
	return "unknown";
}

/* ---- helpers ------------------------------------------------------------------ */

static int strcmp0(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_record(const void *pa, const void *pb)
{
	const rc_record *a = *(rc_record *const *)pa, *b = *(rc_record *const *)pb;
	int c;
	if ((c = strcmp0(a->doc, b->doc)) || (c = strcmp0(a->path, b->path)))
		return c;
	if (a->record_line != b->record_line)
		return a->record_line < b->record_line ? -1 : 1;
	if ((c = strcmp0(a->source, b->source)) || (c = strcmp0(a->published, b->published)))
		return c;
	if (a->bytes != b->bytes)
		return a->bytes < b->bytes ? -1 : 1;
	if (a->n_claims != b->n_claims)
		return a->n_claims < b->n_claims ? -1 : 1;
	return 0;
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

/* One number for a claim, for estimates and timelines: the middle of a
 * bounded interval, else its one finite end. */
static double point_of(const rc_interval *iv)
{
	if (!iv->lo_inf && !iv->hi_inf)
		return (iv->lo + iv->hi) / 2;
	if (!iv->lo_inf)
		return iv->lo;
	if (!iv->hi_inf)
		return iv->hi;
	return NAN;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* ---- origins: near-duplicates and shared authorities -------------------------------- */

static size_t uf_find(size_t *p, size_t i)
{
	while (p[i] != i) {
		p[i] = p[p[i]];
		i = p[i];
	}
	return i;
}

static void uf_union(size_t *p, size_t a, size_t b)
{
	a = uf_find(p, a);
	b = uf_find(p, b);
	/* the smaller index (earlier in canonical order) represents the group */
	if (a < b)
		p[b] = a;
	else if (b < a)
		p[a] = b;
}

typedef struct band_key {
	uint64_t h;
	size_t rec;
} band_key;

static int cmp_band(const void *pa, const void *pb)
{
	const band_key *a = pa, *b = pb;
	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	return (a->rec > b->rec) - (a->rec < b->rec);
}

#define BANDS 16
#define ROWS (RC_MINHASH_K / BANDS)

/*
 * Group records whose signatures are at least `threshold` similar.  Locality
 * sensitive hashing finds the candidates (16 bands of 4 slots: pairs at 0.8
 * similarity share a band with probability 1-(1-0.8^4)^16 > 0.999), and
 * each candidate pair is confirmed on the whole signature.
 */
static rc_status group_duplicates(size_t *parent, rc_record **recs, size_t n, double threshold)
{
	for (size_t i = 0; i < n; i++)
		parent[i] = i;
	band_key *keys = malloc((n ? n : 1) * sizeof *keys);
	if (!keys)
		return RC_ERR_NOMEM;
	for (size_t b = 0; b < BANDS; b++) {
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
			/* bounded work per bucket: a huge bucket is a degenerate text */
			for (size_t x = i; x < j && x < i + 64; x++)
				for (size_t y = x + 1; y < j && y < i + 64; y++)
					if (rc__minhash_similarity(recs[keys[x].rec]->minhash, recs[keys[y].rec]->minhash) >= threshold)
						uf_union(parent, keys[x].rec, keys[y].rec);
			i = j;
		}
	}
	free(keys);
	return RC_OK;
}

/* ---- the reduce ---------------------------------------------------------------------- */

typedef struct red {
	rc_result *res;
	rc_arena *a;
	const rc_reconcile_options *o;
	double tol;
	long window;
	bool nomem;
	size_t *docgroup;  /* per claim ref: its document's near-duplicate group */
} red;

static void *alloc(red *r, size_t n, size_t size)
{
	void *p = rc__arena_calloc(r->a, n ? n : 1, size);
	if (!p)
		r->nomem = true;
	return p;
}

/* Report order of claims: by date (undated last), document, position (title first). */
static int cmp_ref(const void *pa, const void *pb)
{
	const rc_claim_ref *a = *(const rc_claim_ref *const *)pa, *b = *(const rc_claim_ref *const *)pb;
	long da = rc__day_number(a->rec->published), db = rc__day_number(b->rec->published);
	if ((da < 0) != (db < 0))
		return da < 0 ? 1 : -1;
	if (da != db)
		return da < db ? -1 : 1;
	int c = strcmp0(a->rec->doc, b->rec->doc);
	if (c)
		return c;
	/* reading order: a record's title (numbered after its text) first */
	if (a->claim->in_title != b->claim->in_title)
		return a->claim->in_title ? -1 : 1;
	if (a->claim->pos.start != b->claim->pos.start)
		return a->claim->pos.start < b->claim->pos.start ? -1 : 1;
	return strcmp0(a->claim->metric, b->claim->metric);
}

static bool same_authority(const rc_claim_ref *a, const rc_claim_ref *b)
{
	if (a->claim->attribution && b->claim->attribution)
		return rc__eq_nocase(a->claim->attribution, strlen(a->claim->attribution), b->claim->attribution);
	return a->origin == b->origin;
}

/* Does b's document revise a's figure: does it hold a superseded claim of
 * the same metric and figure? ("revised down to 29 from 31" against an
 * earlier report of 31) */
static bool revises_in_text(const rc_claim_ref *b, const rc_claim_ref *a)
{
	for (size_t i = 0; i < b->rec->n_claims; i++) {
		const rc_claim *o = &b->rec->claims[i];
		if (o->status == RC_CLAIM_SUPERSEDED && strcmp0(o->metric, a->claim->metric) == 0 &&
		    !o->q.iv.lo_inf && !o->q.iv.hi_inf && !a->claim->q.iv.lo_inf && !a->claim->q.iv.hi_inf &&
		    o->q.iv.lo == a->claim->q.iv.lo && o->q.iv.hi == a->claim->q.iv.hi)
			return true;
	}
	return false;
}

/* Does a current claim of another document, reported later, revise c in
 * its text?  revisers: one current claim of each document of the metric
 * that holds a superseded claim (the only ones that can). */
static bool revised_later(const rc_claim_ref *const *revisers, size_t n, const rc_claim_ref *c)
{
	long dc = rc__day_number(c->rec->published);
	for (size_t i = 0; i < n; i++) {
		const rc_claim_ref *b = revisers[i];
		if (b->rec == c->rec)
			continue;
		long db = rc__day_number(b->rec->published);
		if ((dc < 0 || db < 0 || db >= dc) && revises_in_text(b, c))
			return true;
	}
	return false;
}

static bool has_superseded(const rc_record *rec)
{
	for (size_t i = 0; i < rec->n_claims; i++)
		if (rec->claims[i].status == RC_CLAIM_SUPERSEDED)
			return true;
	return false;
}

static int cmp_ref_rec(const void *pa, const void *pb)
{
	const rc_claim_ref *a = *(const rc_claim_ref *const *)pa, *b = *(const rc_claim_ref *const *)pb;
	return a->rec < b->rec ? -1 : a->rec > b->rec;
}

/* The revisers of revised_later among refs, one per document, into out
 * (room for n); returns how many. */
static size_t find_revisers(const rc_claim_ref **out, const rc_claim_ref *const *refs, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (refs[i]->claim->status == RC_CLAIM_CURRENT && has_superseded(refs[i]->rec))
			out[k++] = refs[i];
	rc__qsort(out, k, sizeof *out, cmp_ref_rec);
	size_t u = 0;
	for (size_t i = 0; i < k; i++)
		if (!u || out[u - 1]->rec != out[i]->rec)
			out[u++] = out[i];
	return u;
}


/* Classify a pair of current claims that cannot both hold (a reported
 * first); with why_too, also say why (in the arena: only for the pairs
 * kept, so that memory follows the conflicts reported, not the pairs met). */
static void classify(red *r, rc_conflict *c, const rc_claim_ref *a, const rc_claim_ref *b, bool why_too)
{
	long da = rc__day_number(a->rec->published), db = rc__day_number(b->rec->published);
	long days = da >= 0 && db >= 0 ? db - da : -1;
	bool higher = !a->effective.hi_inf && !b->effective.lo_inf && b->effective.lo >= a->effective.hi;
	enum { TEXT, AUTHORITY, RISE, UNDATED, SAME_TIME, LOWER } why;
	if (revises_in_text(b, a))
		why = TEXT;
	else if (days > 0 && same_authority(a, b))
		why = AUTHORITY;
	else if (days > r->window && higher)
		why = RISE;
	else if (days < 0)
		why = UNDATED;
	else if (days <= r->window)
		why = SAME_TIME;
	else
		why = LOWER;
	c->kind = why == TEXT || why == AUTHORITY ? RC_CONFLICT_REVISION
	          : why == RISE                   ? RC_CONFLICT_PROGRESSION
	                                          : RC_CONFLICT_CONTRADICTION;
	c->why = NULL;
	if (!why_too)
		return;
	const char *x = a->claim->text ? a->claim->text : "?", *y = b->claim->text ? b->claim->text : "?";
	const char *s = days == 1 ? "" : "s";
	rc_arena *ar = r->a;
	switch (why) {
	case TEXT:
		c->why = rc__arena_printf(ar, "the later report revises %s to %s", x, y);
		break;
	case AUTHORITY:
		c->why = rc__arena_printf(ar, "the same authority put it at %s, then at %s %ld day%s later", x, y,
		                          days, s);
		break;
	case RISE:
		c->why = rc__arena_printf(ar, "%s rose to %s over %ld days, as tolls do when the injured die "
		                              "or bodies are found", x, y, days);
		break;
	case UNDATED:
		c->why = rc__arena_printf(ar, "%s and %s cannot both be true, and a report is undated", x, y);
		break;
	case SAME_TIME:
		c->why = rc__arena_printf(ar, "%s and %s cannot both be true, and were reported %ld day%s apart",
		                          x, y, days, s);
		break;
	case LOWER:
		c->why = rc__arena_printf(ar, "%s and %s cannot both be true: the later report, %ld days on, "
		                              "is lower", x, y, days);
		break;
	}
	if (!c->why)
		r->nomem = true;
}

/*
 * The distinct disagreements of a metric seen so far: a pair is the same
 * as an earlier one when kind, both effective intervals and both
 * publication dates are.  Open addressing over copies of those fields.
 */
typedef struct pair_key {
	rc_conflict_kind kind;
	const rc_claim_ref *claims[2];
} pair_key;

typedef struct pair_set {
	pair_key *slots;       /* claims[0] NULL: empty */
	size_t cap, n;
} pair_set;

static uint64_t hash_iv(uint64_t h, const rc_interval *iv)
{
	/* the fields rc_interval_equal compares; -0.0 and 0.0 hash alike */
	double lo = iv->lo_inf ? 0 : iv->lo + 0.0, hi = iv->hi_inf ? 0 : iv->hi + 0.0;
	unsigned char flags = (unsigned char)(iv->lo_inf | iv->hi_inf << 1 |
	                                      (!iv->lo_inf && iv->lo_incl) << 2 |
	                                      (!iv->hi_inf && iv->hi_incl) << 3);
	h = rc__hash64(&lo, sizeof lo, h);
	h = rc__hash64(&hi, sizeof hi, h);
	return rc__hash64(&flags, 1, h);
}

static uint64_t hash_pair(rc_conflict_kind kind, const rc_claim_ref *const *p)
{
	uint64_t h = rc__mix64((uint64_t)kind + 1);
	for (int i = 0; i < 2; i++) {
		const char *d = p[i]->rec->published;
		h = hash_iv(h, &p[i]->effective);
		h = d ? rc__hash64(d, strlen(d), h) : rc__mix64(h ^ 1);
	}
	return h;
}

static bool same_pair(rc_conflict_kind kind, const rc_claim_ref *const *p, const pair_key *o)
{
	return o->kind == kind && rc_interval_equal(&o->claims[0]->effective, &p[0]->effective) &&
	       rc_interval_equal(&o->claims[1]->effective, &p[1]->effective) &&
	       strcmp0(o->claims[0]->rec->published, p[0]->rec->published) == 0 &&
	       strcmp0(o->claims[1]->rec->published, p[1]->rec->published) == 0;
}

static size_t pair_slot(const pair_set *s, rc_conflict_kind kind, const rc_claim_ref *const *p)
{
	size_t mask = s->cap - 1, i = (size_t)hash_pair(kind, p) & mask;
	while (s->slots[i].claims[0] && !same_pair(kind, p, &s->slots[i]))
		i = (i + 1) & mask;
	return i;
}

/* 1 when the pair is new (and now in the set), 0 when an equal one was
 * seen, -1 out of memory. */
static int pair_set_add(pair_set *s, rc_conflict_kind kind, const rc_claim_ref *const *p)
{
	if (s->cap && s->slots[pair_slot(s, kind, p)].claims[0])
		return 0;
	if (2 * (s->n + 1) > s->cap) {
		pair_set g = {.cap = s->cap ? 2 * s->cap : 16};
		if (!(g.slots = calloc(g.cap, sizeof *g.slots)))
			return -1;
		for (size_t i = 0; i < s->cap; i++)
			if (s->slots[i].claims[0])
				g.slots[pair_slot(&g, s->slots[i].kind, s->slots[i].claims)] = s->slots[i];
		g.n = s->n;
		free(s->slots);
		*s = g;
	}
	s->slots[pair_slot(s, kind, p)] = (pair_key){kind, {p[0], p[1]}};
	s->n++;
	return 1;
}

typedef struct conflict_list {
	rc_conflict *items;
	size_t n, cap;
} conflict_list;

static void add_conflict(red *r, conflict_list *l, rc_conflict_kind kind, const rc_claim_ref **claims,
                         size_t n, const char *why)
{
	if (RC_GROW(l->items, l->cap, l->n + 1) != RC_OK) {
		r->nomem = true;
		return;
	}
	const rc_claim_ref **cl = alloc(r, n, sizeof *cl);
	if (!cl)
		return;
	memcpy(cl, claims, n * sizeof *cl);
	l->items[l->n++] = (rc_conflict){.kind = kind, .claims = cl, .n_claims = n, .why = why};
}

/* Revision chains the text states: superseded claims of a document with
 * the current claim of the same metric in the same sentence. */
static void text_revisions(red *r, conflict_list *l, const rc_claim_ref *const *refs, size_t n)
{
	/* the superseded claims, in report order */
	const rc_claim_ref **sup = alloc(r, n, sizeof *sup);
	size_t n_sup = 0;
	if (!sup)
		return;
	for (size_t j = 0; j < n; j++)
		if (refs[j]->claim->status == RC_CLAIM_SUPERSEDED)
			sup[n_sup++] = refs[j];
	for (size_t i = 0; i < n && n_sup; i++) {
		const rc_claim_ref *cur = refs[i];
		if (cur->claim->status != RC_CLAIM_CURRENT)
			continue;
		const rc_claim_ref *chain[16];
		size_t k = 0;
		for (size_t j = 0; j < n_sup && k < 15; j++) {
			const rc_claim_ref *old = sup[j];
			if (old->rec == cur->rec && old->claim->sentence.start == cur->claim->sentence.start)
				chain[k++] = old;
		}
		if (!k)
			continue;
		chain[k++] = cur;
		const char *why = rc__arena_printf(r->a, "the text revises %s to %s", chain[0]->claim->text,
		                                   cur->claim->text);
		if (!why)
			r->nomem = true;
		add_conflict(r, l, RC_CONFLICT_REVISION, chain, k, why);
	}
}

/* Sort key for the source counts: one value per claim of a metric. */
typedef struct src_key {
	size_t v;
	const char *s;
	size_t i;
} src_key;

static int cmp_src(const void *pa, const void *pb)
{
	const src_key *a = pa, *b = pb;
	if (a->v != b->v)
		return a->v < b->v ? -1 : 1;
	int c = strcmp0(a->s, b->s);
	return c ? c : (a->i > b->i) - (a->i < b->i);
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
	src_key *k = malloc((n ? n : 1) * sizeof *k);
	if (!parent || !k) {
		free(parent);
		free(k);
		r->nomem = true;
		return;
	}
	for (size_t i = 0; i < n; i++)
		parent[i] = i;
	/* documents: distinct ids; the same document also links its claims */
	for (size_t i = 0; i < n; i++)
		k[i] = (src_key){.s = refs[i]->rec->doc, .i = i};
	qsort(k, n, sizeof *k, cmp_src);
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp0(k[i].s, k[i - 1].s) != 0)
			m->documents++;
		else
			uf_union(parent, k[i].i, k[i - 1].i);
	/* near-duplicate documents */
	for (size_t i = 0; i < n; i++)
		k[i] = (src_key){.v = r->docgroup[refs[i] - r->res->refs], .i = i};
	qsort(k, n, sizeof *k, cmp_src);
	for (size_t i = 1; i < n; i++)
		if (k[i].v == k[i - 1].v)
			uf_union(parent, k[i].i, k[i - 1].i);
	/* the same cited authority (its origin key before renumbering) */
	for (size_t i = 0; i < n; i++)
		k[i] = (src_key){.v = refs[i]->claim->attribution ? refs[i]->origin : SIZE_MAX, .i = i};
	qsort(k, n, sizeof *k, cmp_src);
	for (size_t i = 1; i < n; i++)
		if (k[i].v != SIZE_MAX && k[i].v == k[i - 1].v)
			uf_union(parent, k[i].i, k[i - 1].i);
	/* number the components in report order */
	free(k);
	size_t *num = malloc((n ? n : 1) * sizeof *num), next = 0;
	if (!num) {
		free(parent);
		r->nomem = true;
		return;
	}
	for (size_t i = 0; i < n; i++)
		num[i] = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		size_t root = uf_find(parent, i);
		if (num[root] == SIZE_MAX)
			num[root] = next++;
		((rc_claim_ref *)refs[i])->origin = num[root]; /* refs point into res->refs */
	}
	free(num);
	free(parent);
}

static void metric_result(red *r, rc_metric_result *m, const rc_claim_ref **refs, size_t n)
{
	qsort(refs, n, sizeof *refs, cmp_ref);
	m->claims = refs;
	m->n_claims = n;
	/* range: every reported figure that is not hypothetical */
	bool any = false, any_core = false;
	double *points = alloc(r, n, sizeof *points);
	const rc_claim_ref **revisers = alloc(r, n, sizeof *revisers);
	const rc_claim_ref **latest = alloc(r, n, sizeof *latest);
	size_t n_orig = 0, n_points = 0;
	if (!points || !revisers || !latest)
		return;
	/* vague figures ("many", "dozens") widen the range only when nothing
	 * more precise was reported */
	bool precise = false;
	for (size_t i = 0; i < n; i++)
		precise |= refs[i]->claim->status != RC_CLAIM_HYPOTHETICAL && !refs[i]->claim->q.vague;
	for (size_t i = 0; i < n; i++) {
		const rc_claim_ref *c = refs[i];
		if (c->claim->status == RC_CLAIM_HYPOTHETICAL)
			continue;
		if (!precise || !c->claim->q.vague) {
			m->range = any ? hull(&m->range, &c->effective) : c->effective;
			any = true;
		}
	}
	count_sources(r, m, refs, n);
	/* the metric's origins: count_sources numbered them 0, 1, ... in
	 * report order */
	for (size_t i = 0; i < n; i++)
		if (refs[i]->origin >= n_orig)
			n_orig = refs[i]->origin + 1;
	m->origins = n_orig;
	/* core and estimates: current figures, vague ones left out, and so are
	 * figures a later report explicitly revises ("down to 29 from 31"): they
	 * are superseded even though their own document still states them */
	size_t n_revisers = find_revisers(revisers, refs, n);
	for (size_t i = 0; i < n && n_revisers; i++)
		if (refs[i]->claim->status == RC_CLAIM_CURRENT && revised_later(revisers, n_revisers, refs[i]))
			((rc_claim_ref *)refs[i])->revised = true; /* refs point into res->refs */
	for (size_t i = 0; i < n; i++) {
		const rc_claim_ref *c = refs[i];
		if (c->claim->status != RC_CLAIM_CURRENT || c->claim->q.vague || c->revised)
			continue;
		if (!any_core) {
			m->core = c->effective;
			any_core = true;
		} else {
			m->core = intersect(&m->core, &c->effective);
		}
	}
	m->has_core = any_core && !interval_empty(&m->core);
	/* one point per independent origin: its latest current figure */
	for (size_t i = 0; i < n; i++) {
		const rc_claim_ref *c = refs[i];
		if (c->claim->status == RC_CLAIM_CURRENT && !c->claim->q.vague && !c->revised &&
		    c->origin < n)
			latest[c->origin] = c; /* refs are in report order */
	}
	for (size_t o = 0; o < n_orig && o < n; o++)
		if (latest[o] && !isnan(point_of(&latest[o]->effective)))
			points[n_points++] = point_of(&latest[o]->effective);
	if (n_points) {
		double *sorted = alloc(r, n_points, sizeof *sorted);
		if (!sorted)
			return;
		memcpy(sorted, points, n_points * sizeof *sorted);
		qsort(sorted, n_points, sizeof *sorted, cmp_double);
		m->has_estimates = true;
		m->low = sorted[0];
		m->high = sorted[n_points - 1];
		switch (r->o->best) {
		case RC_BEST_CONSERVATIVE:
			m->best = sorted[0];
			break;
		case RC_BEST_LATEST: {
			const rc_claim_ref *pick = NULL;
			for (size_t i = 0; i < n; i++) {
				const rc_claim_ref *c = refs[i];
				if (c->claim->status == RC_CLAIM_CURRENT && !c->claim->q.vague && !c->revised &&
				    !isnan(point_of(&c->effective)) && (c->claim->attribution || !pick || !pick->claim->attribution))
					pick = c;
			}
			m->best = pick ? point_of(&pick->effective) : sorted[n_points / 2];
			break;
		}
		default:
			m->best = n_points % 2 ? sorted[n_points / 2]
			                       : (sorted[n_points / 2 - 1] + sorted[n_points / 2]) / 2;
		}
	}
	/* timeline: reported figures in report order */
	m->timeline = alloc(r, n, sizeof *m->timeline);
	if (!m->timeline)
		return;
	for (size_t i = 0; i < n; i++) {
		const rc_claim_ref *c = refs[i];
		if (c->claim->status == RC_CLAIM_HYPOTHETICAL || c->claim->status == RC_CLAIM_AGGREGATE)
			continue;
		m->timeline[m->n_timeline++] = (rc_timeline_point){.date = c->rec->published, .ref = c};
	}
	/* conflicts */
	conflict_list l = {0};
	pair_set seen = {0};
	text_revisions(r, &l, refs, n);
	for (size_t i = 0; i < n; i++) {
		const rc_claim_ref *a = refs[i];
		if (a->claim->status != RC_CLAIM_CURRENT || a->claim->q.vague)
			continue;
		for (size_t j = i + 1; j < n; j++) {
			const rc_claim_ref *b = refs[j];
			if (b->claim->status != RC_CLAIM_CURRENT || b->claim->q.vague)
				continue;
			if (rc_interval_meets(&a->effective, &b->effective))
				continue;
			rc_conflict c = {0};
			classify(r, &c, a, b, false);
			/* each distinct disagreement once: syndicated copies and
			 * repeated figures do not multiply it */
			const rc_claim_ref *pair[2] = {a, b};
			int added = pair_set_add(&seen, c.kind, pair);
			if (added < 0)
				r->nomem = true;
			if (added <= 0)
				continue;
			classify(r, &c, a, b, true);
			add_conflict(r, &l, c.kind, pair, 2, c.why);
		}
	}
	if (l.n) {
		m->conflicts = alloc(r, l.n, sizeof *m->conflicts);
		if (m->conflicts) {
			memcpy(m->conflicts, l.items, l.n * sizeof *l.items);
			m->n_conflicts = l.n;
		}
	}
	free(l.items);
	free(seen.slots);
}

/* ---- aggregates ----------------------------------------------------------------------- */

static const rc_metric_result *find_metric(const rc_event *ev, const char *metric)
{
	for (size_t m = 0; m < ev->n_metrics; m++)
		if (strcmp0(ev->metrics[m].metric, metric) == 0)
			return &ev->metrics[m];
	return NULL;
}

static int cmp_event_id(const void *key, const void *ev)
{
	return strcmp0(key, ((const rc_event *)ev)->id);
}

/* Events are in id order (rc__events_merge sorts them). */
static const rc_event *find_event(const rc_result *res, const char *id)
{
	if (!id || !res->n_events)
		return NULL;
	return bsearch(id, res->events, res->n_events, sizeof *res->events, cmp_event_id);
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
	} else if (rc_interval_meets(&ref->effective, &sum)) {
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

typedef struct okey {
	const char *key;   /* origin key */
	size_t idx;
} okey;

static int cmp_okey(const void *pa, const void *pb)
{
	return strcmp(((const okey *)pa)->key, ((const okey *)pb)->key);
}

/*
 * Subjects that are the perpetrators of an attack.  "Killed two terrorists"
 * does not count the attack's victims, so such claims of killed, injured
 * or missing are reconciled as a metric of their own, "killed
 * (perpetrators)", instead of conflicting with the victims' toll.
 * Subject names are the canonical ones of data/rules.json.
 */
static const char *const perpetrator_subjects[] = {
	"terrorists", "militants", "operatives", "ringleaders", "attackers", "gunmen", "bombers",
};

static const char *const victim_metrics[] = {"killed", "injured", "missing"};

/* The metric a claim is reconciled under. */
static const char *metric_key(red *r, const rc_claim *c)
{
	if (!c->metric)
		return c->metric;
	/* a part ("including 43 children", "13 US troops", "195 remain in
	 * hospital") is reconciled as its own metric, not a rival figure */
	if (c->parent >= 0 || c->part) {
		char *k = rc__arena_printf(r->a, "%s (%s)", c->metric,
		                           c->part ? c->part : c->subject ? c->subject : "part");
		if (!k)
			r->nomem = true;
		return k ? k : c->metric;
	}
	if (!c->subject)
		return c->metric;
	bool perp = false, victim = false;
	for (size_t i = 0; i < RC_ARRAY_LEN(perpetrator_subjects); i++)
		perp |= strcmp(c->subject, perpetrator_subjects[i]) == 0;
	for (size_t i = 0; i < RC_ARRAY_LEN(victim_metrics); i++)
		victim |= strcmp(c->metric, victim_metrics[i]) == 0;
	if (!perp || !victim)
		return c->metric;
	char *k = rc__arena_printf(r->a, "%s (perpetrators)", c->metric);
	if (!k)
		r->nomem = true;
	return k ? k : c->metric;
}

typedef struct keyed {
	const rc_claim_ref *ref;
	const char *metric;
} keyed;

static int cmp_keyed(const void *pa, const void *pb)
{
	const keyed *a = pa, *b = pb;
	int c = strcmp0(a->ref->claim->event, b->ref->claim->event);
	if (c)
		return c;
	c = strcmp0(a->metric, b->metric);
	if (c)
		return c;
	return cmp_ref(&a->ref, &b->ref);
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
	/* events */
	if ((st = rc__events_merge(&res->events, &res->n_events, r->a, recs, n, r->o->events, err)) != RC_OK)
		return st;
	/* origins: near-duplicate documents share one */
	size_t *parent = malloc((n ? n : 1) * sizeof *parent);
	if (!parent)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	double thr = r->o->duplicate_threshold > 0 ? r->o->duplicate_threshold : 0.8;
	if (group_duplicates(parent, recs, n, thr) != RC_OK) {
		free(parent);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	/* claim refs; a claim's origin is its cited authority if any, else its
	 * document's near-duplicate group */
	res->refs = alloc(r, res->claims, sizeof *res->refs);
	okey *keys = calloc(res->claims ? res->claims : 1, sizeof *keys);
	r->docgroup = calloc(res->claims ? res->claims : 1, sizeof *r->docgroup);
	if (!res->refs || !keys || !r->docgroup) {
		free(parent);
		free(keys);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		size_t root = uf_find(parent, i);
		for (size_t c = 0; c < recs[i]->n_claims; c++) {
			const rc_claim *cl = &recs[i]->claims[c];
			rc_claim_ref *ref = &res->refs[k];
			ref->rec = recs[i];
			ref->claim = cl;
			ref->effective = rc_interval_widen(&cl->q.iv, cl->q.value, cl->q.approx, cl->q.qualifier, r->tol);
			char *key;
			if (cl->attribution) {
				key = rc__arena_printf(r->a, "a:%s", cl->attribution);
				for (char *p = key; p && *p; p++)
					*p = (char)rc__lower((unsigned char)*p);
			} else {
				key = rc__arena_printf(r->a, "d:%zu", root);
			}
			if (!key)
				r->nomem = true;
			keys[k] = (okey){.key = key ? key : "", .idx = k};
			r->docgroup[k] = root;
			k++;
		}
	}
	res->n_refs = k;
	free(parent);
	/* number the origins in canonical order of their keys */
	qsort(keys, k, sizeof *keys, cmp_okey);
	size_t origin = 0;
	for (size_t i = 0; i < k; i++) {
		if (i && strcmp(keys[i].key, keys[i - 1].key) != 0)
			origin++;
		res->refs[keys[i].idx].origin = origin;
	}
	free(keys);
	/* group by event and metric */
	keyed *by = calloc(k ? k : 1, sizeof *by);
	size_t nb = 0, n_unlinked = 0;
	if (!by)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < k; i++) {
		const rc_claim *cl = res->refs[i].claim;
		if (cl->status == RC_CLAIM_AGGREGATE && cl->n_events)
			continue;
		if (!cl->event || !cl->metric)
			n_unlinked++;
		else
			by[nb++] = (keyed){.ref = &res->refs[i], .metric = metric_key(r, cl)};
	}
	qsort(by, nb, sizeof *by, cmp_keyed);
	/* by and the events are both in id order: walk them together */
	size_t cursor = 0;
	for (size_t e = 0; e < res->n_events && !r->nomem; e++) {
		rc_event *ev = &res->events[e];
		while (cursor < nb && strcmp0(by[cursor].ref->claim->event, ev->id) < 0)
			cursor++;
		size_t first = cursor;
		while (cursor < nb && strcmp0(by[cursor].ref->claim->event, ev->id) == 0)
			cursor++;
		size_t last = cursor;
		size_t metrics = 0;
		for (size_t i = first; i < last; i++)
			metrics += i == first || strcmp0(by[i].metric, by[i - 1].metric) != 0;
		ev->metrics = alloc(r, metrics, sizeof *ev->metrics);
		if (!ev->metrics)
			break;
		for (size_t i = first; i < last;) {
			size_t j = i + 1;
			while (j < last && strcmp0(by[j].metric, by[i].metric) == 0)
				j++;
			rc_metric_result *m = &ev->metrics[ev->n_metrics++];
			m->metric = by[i].metric;
			const rc_claim_ref **refs = alloc(r, j - i, sizeof *refs);
			if (!refs)
				break;
			for (size_t x = i; x < j; x++)
				refs[x - i] = by[x].ref;
			metric_result(r, m, refs, j - i);
			i = j;
		}
	}
	free(by);
	/* aggregates, on the first event they sum */
	for (size_t i = 0; i < k && !r->nomem; i++) {
		const rc_claim *cl = res->refs[i].claim;
		if (cl->status != RC_CLAIM_AGGREGATE || !cl->n_events)
			continue;
		rc_event *ev = (rc_event *)find_event(res, cl->events[0]);
		if (!ev) {
			n_unlinked++;
			continue;
		}
		rc_aggregate *grown = alloc(r, ev->n_aggregates + 1, sizeof *grown);
		if (!grown)
			break;
		if (ev->n_aggregates)
			memcpy(grown, ev->aggregates, ev->n_aggregates * sizeof *grown);
		ev->aggregates = grown;
		rc_aggregate *ag = &ev->aggregates[ev->n_aggregates++];
		ag->ref = &res->refs[i];
		ag->events = cl->events;
		ag->n_events = cl->n_events;
		check_aggregate(r, ag);
	}
	/* claims no event took, in report order */
	res->unlinked = alloc(r, n_unlinked, sizeof *res->unlinked);
	if (!res->unlinked)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < k; i++) {
		const rc_claim *cl = res->refs[i].claim;
		bool agg = cl->status == RC_CLAIM_AGGREGATE && cl->n_events;
		if ((!agg && (!cl->event || !cl->metric)) || (agg && !find_event(res, cl->events[0])))
			res->unlinked[res->n_unlinked++] = &res->refs[i];
	}
	qsort(res->unlinked, res->n_unlinked, sizeof *res->unlinked, cmp_ref);
	if (r->nomem)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	return RC_OK;
}

rc_status rc_reconcile(rc_result **out, rc_record **records, size_t n,
                       const rc_reconcile_options *opts, rc_error *err)
{
	*out = NULL;
	rc_result *res = calloc(1, sizeof *res);
	rc_record **recs = malloc((n ? n : 1) * sizeof *recs);
	struct rc_result_priv *priv = calloc(1, sizeof *priv);
	rc_arena *a = rc__arena_new(1 << 16);
	if (!res || !recs || !priv || !a) {
		for (size_t i = 0; i < n; i++)
			rc_record_free(records[i]);
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
	res->options = opts ? *opts : (rc_reconcile_options){0};
	if (!res->options.approx_tolerance)
		res->options.approx_tolerance = RC_APPROX_TOLERANCE_DEFAULT;
	if (!res->options.window_days)
		res->options.window_days = 2;
	if (!res->options.duplicate_threshold)
		res->options.duplicate_threshold = 0.8;
	red r = {.res = res, .a = a, .o = &res->options, .tol = res->options.approx_tolerance,
	         .window = (long)res->options.window_days};
	rc_status st = run(&r, recs, n, err);
	free(r.docgroup);
	if (st != RC_OK) {
		rc_result_free(res);
		return st;
	}
	*out = res;
	return RC_OK;
}

void rc_result_free(rc_result *res)
{
	if (!res)
		return;
	for (size_t i = 0; i < res->n_records; i++)
		rc_record_free(res->records[i]);
	free(res->records);
	if (res->priv) {
		rc__arena_free(res->priv->arena);
		free(res->priv);
	}
	free(res);
}
