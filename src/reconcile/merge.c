/*
 * Events stage, reduce phase: merge the document events of all records
 * into real-world events (docs/events.md, "Merging across documents").
 *
 *  1. Units: within a record, the mentions with the same event id (the
 *     document event the map phase made, or an --events key) are one unit;
 *     they share type, place and date, and bring their names, the figures
 *     of the claims linked to them and, for the document's main unit, the
 *     record's near-duplicate signature.
 *  2. Keys: units with the same --events key are one event; units with the
 *     same type, place and date (with a place or a date to go on) too.
 *  3. Scored merge: candidate pairs of groups come from blocks (a place
 *     and the places around it, a date, a rare name word, a figure, a band
 *     of the signature; a large block is walked as a sorted window), so
 *     the search stays near-linear.  A pair that conflicts hard (different
 *     keys, incompatible type families, places in different countries,
 *     dates outside the window) is never merged; the others get a score
 *     from type, place, date, rare shared names (weighted by how rare they
 *     are in the batch), shared figures and near-duplicate text.  Pairs at
 *     or above the threshold are merged best first, and a merge happens
 *     only when the two whole groups do not conflict hard, so no weak
 *     signal vetoes a whole group and no chain of merges joins two events
 *     that conflict.
 *  4. Events: each merged group with a linked claim (or a key) becomes an
 *     event, with an id from its place, date and type.
 *
 *  Everything works on a canonical order of the units (records sorted by
 *  document id, path, line; units by id within a record) and the pairs are
 *  taken in (score, index) order, so the result does not depend on the
 *  order or the sharding of the records.
 */
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "events/events-priv.h"
#include "record/record-priv.h"
#include "record/signature.h"
#include "reconcile/reconcile-int.h"

/*
 * The scored merge, documented in docs/events.md.  Weights are in points;
 * a pair merges at MERGE_AT points or more.
 */
#define W_SAME_TYPE 1.0      /* the same type, or a generic one of its family */
#define W_FAMILY 0.5         /* two specific types of one family ("shooting", "bombing") */
#define W_PLACE_CITY 3.0     /* the same city (or an unknown name twice) */
#define W_PLACE_REGION 2.0   /* the same region */
#define W_PLACE_COUNTRY 1.0  /* the same country, or a city and its country or region */
#define W_PLACE_SIBLING -2.0 /* two different places of one country */
#define W_DATE_SAME 2.5      /* the same day */
#define W_DATE_NEAR 2.0      /* a day apart */
#define W_DATE_WINDOW 1.0    /* within the window, or a month that holds the day */
#define W_DATE_YEAR 0.5      /* a year that holds the date */
#define W_PUBLISHED 0.5      /* no dates, but published within a week of each other */
#define W_NAMES_MAX 6.0      /* shared rare names: the sum of their idf, at most this */
#define W_FIGURE 1.0         /* a shared figure (metric and value, 10 or more), up to two */
#define W_DUPLICATE 4.0      /* near-duplicate text (main events of the two documents) */
#define MERGE_AT 4.0
#define DUPLICATE_SIMILARITY 0.5

enum {
	DATE_WINDOW = 3,       /* days: one incident's dates lie within this */
	UNDATED_SPAN = 400,    /* days: what a story without a date is about happened this
	                        * long before it at most (a year on, with some slack) */
	MAX_EVENT_NAMES = 8,
	MAX_TOKENS = 24,       /* name words kept per group */
	MAX_FIGURES = 8,       /* figures kept per group */
	MAX_TOKEN_GROUPS = 256, /* a word of more groups is not distinctive */
	BLOCK_WINDOW = 48,     /* in a large block, each group is compared with this many after it */
	BANDS = 16,
	ROWS = RC_MINHASH_K / BANDS
};

/* 32 bytes: indices are 32-bit (rc__events_merge refuses 2^32 mentions);
 * the id, key, type, place and date are its first mention's (u_key() and
 * the others), the record is M->recs[r] */
typedef struct unit {
	const rc_mention *first;
	uint32_t r;            /* its record in canonical order */
	uint32_t linked;       /* claims linked to it */
	uint32_t parent;       /* union-find */
	int type_i;
	bool main;             /* the unit of its record with most linked claims */
} unit;

typedef struct figure {
	const char *metric;
	double value;
} figure;

/* A group after step 2: the attributes of its root, the words and figures
 * of all its units. */
typedef struct group {
	size_t root;
	const char *type, *place, *date, *key;
	int type_i;
	uint32_t fam;
	ev_pref pl;
	int country;
	long dlo, dhi;         /* the date's period, days; dprec 0 without a date */
	int dprec;             /* 10 day, 7 month, 4 year, 0 none */
	long pub;              /* earliest publication of its documents, -1 */
	long pub_hi;           /* latest */
	const char **tokens;   /* distinctive name words, lowercase, sorted, unique */
	size_t n_tokens;
	figure figs[MAX_FIGURES];
	size_t n_figs;
	const uint32_t *sig;   /* near-duplicate signature, when it holds a main unit */
	bool main;             /* holds the main unit of a document */
} group;

/* What a merged cluster holds, for the hard checks of step 3. */
typedef struct clus {
	int country;           /* -1 none yet */
	uint32_t fam;          /* families all share (0: none yet) */
	long dlo, dhi;         /* span of day dates (LONG_MAX, LONG_MIN: none) */
	long plo, phi;         /* intersection of month and year periods */
	const char *key;
} clus;

typedef struct pair {
	double score;
	size_t a, b;           /* group indices, a < b */
} pair;

typedef struct mctx {
	const ev_tables *tb;
	rc_arena *a;
	unit *u;
	size_t n_u;
	const rc_record **recs;   /* canonical order */
	size_t n_recs;
	uint32_t *unit_of;        /* the unit of each mention, record after record (canonical order) */
	size_t *mention_at;       /* per canonical record: where its mentions start in unit_of */
	const rc_event_defs *defs;
	group *g;
	size_t ng;
	size_t *gparent;          /* union-find over groups */
	clus *cl;
	pair *pairs;
	size_t n_pairs, cap_pairs;
	const char **all_tokens;  /* every distinct token, sorted, with its group count */
	size_t *token_df;
	size_t n_all_tokens;
	unsigned threads;         /* of the candidate pairs' search */
	bool nomem;
} mctx;

/* The units of the mentions of canonical record r. */
static inline uint32_t *units_of(const mctx *M, size_t r)
{
	return M->unit_of + M->mention_at[r];
}

static int cmp_opt_nocase(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcasecmp(a, b);
}

static int cmp_rec(const void *pa, const void *pb)
{
	const rc_record *a = *(const rc_record *const *)pa, *b = *(const rc_record *const *)pb;
	int c;
	if ((c = rc__record_cmp_identity(a, b)) || (c = RC_CMP(a->seq, b->seq)))
		return c;
	return RC_CMP(a->n_mentions, b->n_mentions);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char *eid_of(const rc_mention *m)
{
	return m->key ? m->key : m->local_id ? m->local_id : "";
}

/* A unit's attributes: its first mention's (all its mentions share them). */
static inline const char *u_eid(const unit *U)
{
	return eid_of(U->first);
}

static inline const char *u_key(const unit *U)
{
	return U->first->key;
}

static inline const char *u_type(const unit *U)
{
	return U->first->type ? U->first->type : "event";
}

static inline const char *u_place(const unit *U)
{
	return U->first->place;
}

static inline const char *u_date(const unit *U)
{
	return U->first->date;
}

static size_t ufind(unit *u, size_t i)
{
	while (u[i].parent != i) {
		u[i].parent = u[u[i].parent].parent;
		i = u[i].parent;
	}
	return i;
}

static void uunite(unit *u, size_t a, size_t b)
{
	a = ufind(u, a);
	b = ufind(u, b);
	if (a == b)
		return;
	if (a < b)
		u[b].parent = (uint32_t)a;   /* unit indices are 32-bit */
	else
		u[a].parent = (uint32_t)b;
}

/* ---- step 2: keys and equal attributes ---------------------------------- */

/* The order of step 2: keyed units by key, then the others by type, date
 * and place, so that the units step 2 unites are neighbours. */
static int cmp_exact(const void *pa, const void *pb)
{
	const unit *a = *(const unit *const *)pa, *b = *(const unit *const *)pb;
	const char *ka = u_key(a), *kb = u_key(b);
	int c;
	if ((ka != NULL) != (kb != NULL))
		return ka ? -1 : 1;
	if (ka) {
		if ((c = strcmp(ka, kb)))
			return c;
	} else {
		if ((c = strcmp(u_type(a), u_type(b))) || (c = rc__strcmp0(u_date(a), u_date(b))) ||
		    (c = cmp_opt_nocase(u_place(a), u_place(b))))
			return c;
	}
	return a < b ? -1 : a > b;
}

/* The same key, or the same type, date and place with a place and a date
 * to go on.  An equivalence, so uniting the neighbours of the cmp_exact
 * order unites every pair it holds for. */
static bool same_exact(const unit *a, const unit *b)
{
	const char *ka = u_key(a), *kb = u_key(b);
	if (ka || kb)
		return ka && kb && strcmp(ka, kb) == 0;
	return strcmp(u_type(a), u_type(b)) == 0 && rc__strcmp0(u_date(a), u_date(b)) == 0 &&
	       cmp_opt_nocase(u_place(a), u_place(b)) == 0 && u_place(a) && u_date(a);
}

/* ---- groups ------------------------------------------------------------- */

static bool distinctive(const mctx *M, const char *w, size_t n)
{
	if (n < 4 || rc__ev_in(&M->tb->weak_names, w, n) || rc__ev_in(&M->tb->not_names, w, n))
		return false;
	for (size_t i = 0; i < n; i++)
		if (rc__is_digit((unsigned char)w[i]))
			return false;
	return true;
}

/* Add the distinctive words of a name ("Qassem Soleimani": both; "Rana
 * Plaza": "Rana"). */
static void add_tokens(mctx *M, group *G, const char *name, size_t *cap)
{
	for (const char *s = name; *s;) {
		size_t w = strcspn(s, " -");
		if (distinctive(M, s, w) && G->n_tokens < MAX_TOKENS) {
			char *t = rc__arena_strndup(M->a, s, w);
			if (!t || RC_GROW(G->tokens, *cap, G->n_tokens + 1) != RC_OK) {
				M->nomem = true;
				return;
			}
			for (char *p = t; *p; p++)
				*p = (char)rc__lower((unsigned char)*p);
			bool dup = false;
			for (size_t i = 0; i < G->n_tokens && !dup; i++)
				dup = strcmp(G->tokens[i], t) == 0;
			if (!dup)
				G->tokens[G->n_tokens++] = t;
		}
		s += w;
		s += strspn(s, " -");
	}
}

static void add_figure(group *G, const rc_claim *c)
{
	double v = c->q.value;
	if (!c->metric || c->q.vague || !(v >= 10) || G->n_figs >= MAX_FIGURES)
		return;
	for (size_t i = 0; i < G->n_figs; i++)
		if (G->figs[i].value == v && strcmp(G->figs[i].metric, c->metric) == 0)
			return;
	G->figs[G->n_figs++] = (figure){c->metric, v};
}

static void set_date(group *G, const char *d)
{
	long lo, hi;
	G->dprec = 0;
	if (d && rc__ev_date_span(d, &lo, &hi)) {
		G->dlo = lo;
		G->dhi = hi;
		size_t n = strlen(d);
		G->dprec = n == 10 ? 10 : n == 7 ? 7 : 4;
	}
}

/* The groups of step 3, one per root of step 2. */
static bool make_groups(mctx *M)
{
	unit *u = M->u;
	size_t n = M->n_u;
	size_t *gi = malloc((n ? n : 1) * sizeof(size_t));
	size_t *tcap = NULL;
	if (!gi)
		return false;
	M->ng = 0;
	for (size_t i = 0; i < n; i++)
		gi[i] = ufind(u, i) == i ? M->ng++ : (size_t)-1;
	M->g = calloc(M->ng ? M->ng : 1, sizeof(group));
	tcap = calloc(M->ng ? M->ng : 1, sizeof(size_t));
	if (!M->g || !tcap) {
		free(gi);
		free(tcap);
		return false;
	}
	for (size_t i = 0; i < M->ng; i++)
		M->g[i].pub = M->g[i].pub_hi = -1;
	for (size_t i = 0; i < n && !M->nomem; i++) {
		size_t r = ufind(u, i);
		group *G = &M->g[gi[r]];
		if (i == r) {
			G->root = r;
			G->type = u_type(&u[r]);
			G->type_i = u[r].type_i;
			G->place = u_place(&u[r]);
			G->date = u_date(&u[r]);
			G->key = u_key(&u[r]);
			if (G->key) {
				/* a user-defined event has the attributes its file gives it */
				const ev_def *d = rc__ev_def_find(M->defs, G->key);
				if (d && d->type) {
					G->type = d->type;
					G->type_i = rc__ev_type_index(M->tb, d->type);
				}
				if (d && d->place)
					G->place = d->place;
				if (d && d->date)
					G->date = d->date;
			}
			G->fam = G->type_i >= 0 ? M->tb->types[G->type_i].families : 0;
			if (G->fam & M->tb->neutral_families)
				G->fam = 0;
			G->pl = rc__ev_place_ref(M->tb, G->place);
			G->country = rc__ev_pref_country(M->tb, &G->pl);
			set_date(G, G->date);
		}
		const rc_record *rec = M->recs[u[i].r];
		long pub = rc__day_number(rec->published);
		if (pub >= 0 && (G->pub < 0 || pub < G->pub))
			G->pub = pub;
		if (pub > G->pub_hi)
			G->pub_hi = pub;
		if (u[i].main && rec->has_signature && !G->sig)
			G->sig = rec->minhash;
		G->main |= u[i].main;
		const char *eid = u_eid(&u[i]);
		for (size_t x = 0; x < rec->n_mentions; x++) {
			const rc_mention *m = &rec->mentions[x];
			if (strcmp(eid_of(m), eid) != 0)
				continue;
			for (size_t k = 0; k < m->n_names; k++)
				add_tokens(M, G, m->names[k], &tcap[gi[r]]);
		}
		/* by mention, not by event id: a second merge of the same
		 * records finds ids of the first one's (freed) set there */
		for (size_t k = 0; k < rec->n_claims; k++) {
			const rc_claim *c = &rec->claims[k];
			if (c->mention >= 0 && (size_t)c->mention < rec->n_mentions &&
			    units_of(M, u[i].r)[c->mention] == i && c->status != RC_CLAIM_AGGREGATE)
				add_figure(G, c);
		}
	}
	for (size_t i = 0; i < M->ng; i++)
		rc__qsort(M->g[i].tokens, M->g[i].n_tokens, sizeof(char *), cmp_str);
	free(gi);
	free(tcap);
	return !M->nomem;
}

/* How many groups hold each token: the distinct tokens sorted, with
 * counts, for the idf of the names score. */
static bool token_counts(mctx *M)
{
	size_t total = 0;
	for (size_t i = 0; i < M->ng; i++)
		total += M->g[i].n_tokens;
	const char **all = malloc((total ? total : 1) * sizeof(char *));
	size_t *df = malloc((total ? total : 1) * sizeof(size_t));
	if (!all || !df) {
		free(all);
		free(df);
		return false;
	}
	size_t k = 0;
	for (size_t i = 0; i < M->ng; i++)
		for (size_t t = 0; t < M->g[i].n_tokens; t++)
			all[k++] = M->g[i].tokens[t];
	rc__qsort(all, k, sizeof(char *), cmp_str);
	size_t n = 0;
	for (size_t i = 0; i < k;) {
		size_t j = i + 1;
		while (j < k && strcmp(all[j], all[i]) == 0)
			j++;
		all[n] = all[i];
		df[n++] = j - i;
		i = j;
	}
	M->all_tokens = all;
	M->token_df = df;
	M->n_all_tokens = n;
	return true;
}

static size_t df_of(const mctx *M, const char *t)
{
	size_t lo = 0, hi = M->n_all_tokens;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(t, M->all_tokens[mid]);
		if (!c)
			return M->token_df[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* ---- step 3: the score ---------------------------------------------------- */

/* Two groups that can never be one event. */
static bool hard_conflict(const mctx *M, const group *a, const group *b)
{
	if (a->key && b->key && strcmp(a->key, b->key) != 0)
		return true;
	if (a->fam && b->fam && !rc__ev_families_compatible(M->tb, a->fam, b->fam))
		return true;
	if (a->country >= 0 && b->country >= 0 && a->country != b->country)
		return true;
	/* periods further apart than the window (arrests come after their
	 * incident: a date of arrests conflicts only with another one's) */
	if (a->dprec && b->dprec && !a->fam == !b->fam) {
		if (a->dlo > b->dhi + DATE_WINDOW || b->dlo > a->dhi + DATE_WINDOW)
			return true;
	}
	/* the main event of an undated story happened before it was published
	 * and at most UNDATED_SPAN days before: not an incident after those
	 * reports, nor one long before them */
	for (int k = 0; k < 2; k++) {
		const group *d = k ? a : b, *u = k ? b : a;
		if (!d->dprec || u->dprec || u->pub < 0 || !u->main)
			continue;
		if (d->dlo > u->pub + 1 || d->dhi < u->pub_hi - UNDATED_SPAN)
			return true;
	}
	return false;
}

/* Do both groups have a type that spans a region (floods, storms)? */
static bool regional(const mctx *M, const group *a, const group *b)
{
	return a->type_i >= 0 && b->type_i >= 0 && M->tb->types[a->type_i].regional &&
	       M->tb->types[b->type_i].regional;
}

static double place_score(const mctx *M, const group *a, const group *b)
{
	int finer, coarser;
	switch (rc__ev_place_relation(M->tb, &a->pl, &b->pl, &finer, &coarser)) {
	case EV_PLACE_SAME:
		/* a flood in one region is as local as a shooting in one city,
		 * and floods reported by their country's name ("floods in
		 * Kenya") as local as one region */
		return finer == EV_CITY || finer < 0 ? W_PLACE_CITY
		       : finer == EV_REGION ? (regional(M, a, b) ? W_PLACE_CITY : W_PLACE_REGION)
		       : regional(M, a, b) ? W_PLACE_REGION : W_PLACE_COUNTRY;
	case EV_PLACE_WITHIN:
		return W_PLACE_COUNTRY;
	case EV_PLACE_SIBLING:
		return W_PLACE_SIBLING;
	default:
		return 0;
	}
}

static double date_score(const group *a, const group *b)
{
	if (a->dprec && b->dprec) {
		if (a->dprec == 10 && b->dprec == 10) {
			long d = a->dlo > b->dlo ? a->dlo - b->dlo : b->dlo - a->dlo;
			return d == 0 ? W_DATE_SAME : d == 1 ? W_DATE_NEAR : W_DATE_WINDOW;
		}
		int p = a->dprec < b->dprec ? a->dprec : b->dprec;
		return p == 7 ? W_DATE_WINDOW : W_DATE_YEAR;
	}
	if (!a->dprec && !b->dprec && a->pub >= 0 && b->pub >= 0) {
		long d = a->pub > b->pub ? a->pub - b->pub : b->pub - a->pub;
		return d <= 7 ? W_PUBLISHED : 0;
	}
	/* one date: the other's reports came out within a week after it */
	const group *d = a->dprec ? a : b, *u = a->dprec ? b : a;
	if (d->dprec == 10 && u->pub >= 0 && u->pub >= d->dlo && u->pub <= d->dhi + 7)
		return W_PUBLISHED;
	return 0;
}

static double names_score(const mctx *M, const group *a, const group *b)
{
	double s = 0, n = (double)(M->ng > 1 ? M->ng : 2);
	for (size_t i = 0, k = 0; i < a->n_tokens && k < b->n_tokens;) {
		int c = strcmp(a->tokens[i], b->tokens[k]);
		if (c == 0) {
			size_t df = df_of(M, a->tokens[i]);
			if (df && df <= MAX_TOKEN_GROUPS)
				s += log(n / (double)df);
			i++;
			k++;
		} else if (c < 0) {
			i++;
		} else {
			k++;
		}
	}
	return s > W_NAMES_MAX ? W_NAMES_MAX : s;
}

static double figures_score(const group *a, const group *b)
{
	size_t n = 0;
	for (size_t i = 0; i < a->n_figs; i++)
		for (size_t k = 0; k < b->n_figs; k++)
			n += a->figs[i].value == b->figs[k].value &&
			     strcmp(a->figs[i].metric, b->figs[k].metric) == 0;
	return W_FIGURE * (double)(n > 2 ? 2 : n);
}

/* The score of a pair (docs/events.md has the table), or -1 for a hard
 * conflict. */
static double score(const mctx *M, const group *a, const group *b)
{
	if (hard_conflict(M, a, b))
		return -1;
	double s = 0;
	/* the same type, or a generic one of its family ("attack" and
	 * "shooting"); two different specific types of one family
	 * ("shootings" and "bombings" of one night) count less */
	bool generic = (a->type_i >= 0 && M->tb->types[a->type_i].generic) ||
	               (b->type_i >= 0 && M->tb->types[b->type_i].generic);
	if (a->type_i >= 0 && a->type_i == b->type_i)
		s += W_SAME_TYPE;
	else if (a->fam && b->fam && (a->fam & b->fam))
		s += generic ? W_SAME_TYPE : W_FAMILY;
	double ds = date_score(a, b);
	/* a flood or a storm goes on for days: its undated reports of one
	 * week are of one event more often than a bombing's */
	if (ds == W_PUBLISHED && !a->dprec && !b->dprec && regional(M, a, b))
		ds += W_PUBLISHED;
	s += place_score(M, a, b) + ds + names_score(M, a, b) + figures_score(a, b);
	if (a->sig && b->sig && rc__minhash_similarity(a->sig, b->sig) >= DUPLICATE_SIMILARITY)
		s += W_DUPLICATE;
	return s;
}

/* ---- step 3: candidate pairs by blocking ----------------------------------- */

/* 16 bytes: a batch holds about 30 keys a group (on 100 MB of news,
 * 750,000), sorted in place (rc__sort_inplace): the peak of the merge */
typedef struct block {
	uint64_t h;            /* the key, hashed */
	int32_t order;         /* position inside the block (a date: a day number) */
	uint32_t g;            /* under the groups, which are under the mentions */
} block;

RC_CMP_FN3(cmp_block, block, h, order, g)

static bool add_block(block **b, size_t *n, size_t *cap, uint64_t h, long order, size_t g)
{
	if (RC_GROW(*b, *cap, *n + 1) != RC_OK)
		return false;
	/* days of the years 0 to 9999 */
	int32_t o = order < INT32_MIN ? INT32_MIN : order > INT32_MAX ? INT32_MAX : (int32_t)order;
	(*b)[(*n)++] = (block){h, o, (uint32_t)g};
	return true;
}

static uint64_t hash_str(const char *s, uint64_t seed)
{
	char buf[256];
	size_t n = strlen(s);
	if (n > sizeof buf)
		n = sizeof buf;
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)rc__lower((unsigned char)s[i]);
	return rc__hash64(buf, n, seed);
}

/* The kinds of block, made and walked one after the other (BLOCK_BAND + b:
 * band b of the signature) so that one kind's keys are held at a time;
 * each kind hashes with its own seeds, so no bucket holds two kinds. */
enum { BLOCK_PLACE, BLOCK_DATE, BLOCK_TOKEN, BLOCK_FIGURE, BLOCK_BAND, BLOCK_KINDS = BLOCK_BAND + BANDS };

/* The blocking keys of group i of one kind: its place and every place
 * around it, its date (two offset grids of eight days, so that dates within
 * the window share a cell), each name word, each figure, or one band of its
 * signature. */
static bool blocks_of_group(const mctx *M, size_t i, int kind, block **b, size_t *n, size_t *cap)
{
	const group *G = &M->g[i];
	long order = G->dprec ? G->dlo : G->pub;
	if (kind >= BLOCK_BAND) {
		size_t band = (size_t)(kind - BLOCK_BAND);
		return !G->sig || add_block(b, n, cap, rc__hash64(G->sig + band * ROWS, ROWS * sizeof(uint32_t),
		                                                  7 + band), order, i);
	}
	if (kind == BLOCK_PLACE && G->pl.idx >= 0) {
		for (int p = G->pl.idx; p >= 0; p = M->tb->place[p].parent)
			if (!add_block(b, n, cap, rc__hash64(&p, sizeof p, 1), order, i))
				return false;
	} else if (kind == BLOCK_PLACE && G->pl.leaf) {
		char buf[256];
		size_t k = G->pl.leaf_n < sizeof buf - 1 ? G->pl.leaf_n : sizeof buf - 1;
		memcpy(buf, G->pl.leaf, k);
		buf[k] = 0;
		if (!add_block(b, n, cap, hash_str(buf, 2), order, i))
			return false;
		for (int p = G->pl.within; p >= 0; p = M->tb->place[p].parent)
			if (!add_block(b, n, cap, rc__hash64(&p, sizeof p, 1), order, i))
				return false;
	}
	if (kind == BLOCK_DATE && G->dprec == 10) {
		long c1 = G->dlo >= 0 ? G->dlo / 8 : -1 - (-1 - G->dlo) / 8;
		long c2 = (G->dlo + 4) >= 0 ? (G->dlo + 4) / 8 : -1 - (-1 - (G->dlo + 4)) / 8;
		if (!add_block(b, n, cap, rc__hash64(&c1, sizeof c1, 3), order, i) ||
		    !add_block(b, n, cap, rc__hash64(&c2, sizeof c2, 4), order, i))
			return false;
	}
	for (size_t t = 0; kind == BLOCK_TOKEN && t < G->n_tokens; t++) {
		size_t df = df_of(M, G->tokens[t]);
		if (df > 1 && df <= MAX_TOKEN_GROUPS &&
		    !add_block(b, n, cap, hash_str(G->tokens[t], 5), order, i))
			return false;
	}
	for (size_t f = 0; kind == BLOCK_FIGURE && f < G->n_figs; f++) {
		uint64_t h = hash_str(G->figs[f].metric, 6) ^ rc__mix64((uint64_t)G->figs[f].value);
		if (!add_block(b, n, cap, h, order, i))
			return false;
	}
	return true;
}

typedef struct pair_set {
	pair *p;
	size_t n, cap;
} pair_set;

static bool add_pair(const mctx *M, pair_set *ps, size_t i, size_t j)
{
	if (i == j)
		return true;
	size_t a = i < j ? i : j, b = i < j ? j : i;
	double s = score(M, &M->g[a], &M->g[b]);
	if (s < MERGE_AT)
		return true;
	if (RC_GROW(ps->p, ps->cap, ps->n + 1) != RC_OK)
		return false;
	ps->p[ps->n++] = (pair){s, a, b};
	return true;
}

static int cmp_pair(const void *pa, const void *pb)
{
	const pair *a = pa, *b = pb;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return (a->b > b->b) - (a->b < b->b);
}

/* The scored pairs of the kinds of block first, first + step, ...: every
 * pair of a block, or in a block of more than BLOCK_WINDOW groups each
 * group with the BLOCK_WINDOW after it in date order.  Reads M only. */
static bool kind_pairs(const mctx *M, pair_set *ps, int first, int step)
{
	block *b = NULL;
	size_t cap = 0;
	/* one kind of block at a time: the pairs are the same (they are sorted
	 * and made unique below), the keys held a fraction */
	bool ok = true;
	for (int kind = first; kind < BLOCK_KINDS && ok; kind += step) {
		size_t nb = 0;
		for (size_t i = 0; i < M->ng && ok; i++)
			ok = blocks_of_group(M, i, kind, &b, &nb, &cap);
		if (!ok)
			break;
		rc__sort_inplace(b, nb, sizeof *b, cmp_block);
		for (size_t x = 0; x < nb && ok;) {
			size_t y = x + 1;
			while (y < nb && b[y].h == b[x].h)
				y++;
			for (size_t i = x; i < y && ok; i++)
				for (size_t j = i + 1; j < y && j <= i + BLOCK_WINDOW && ok; j++)
					ok = add_pair(M, ps, b[i].g, b[j].g);
			x = y;
		}
	}
	free(b);
	return ok;
}

/* A thread of the search: its share of the kinds, its own keys and pairs. */
typedef struct pair_worker {
	const mctx *M;
	pair_set ps;
	int first, step;
	bool ok;
	pthread_t tid;
} pair_worker;

static void *pair_thread(void *arg)
{
	pair_worker *w = arg;
	w->ok = kind_pairs(w->M, &w->ps, w->first, w->step);
	return NULL;
}

/*
 * Candidate pairs of every kind of block, scored, those at the threshold
 * kept, duplicates dropped.  On M->threads threads each takes its share
 * of the kinds (the groups, tokens and tables are read-only by now) into
 * pairs of its own, appended at the end: sorted by (score, a, b), a total
 * order in which equal pairs are the same bytes, they are the same
 * whatever thread found which.
 */
static bool candidate_pairs(mctx *M)
{
	if (M->ng > UINT32_MAX)   /* block.g; never: a record has at most 1,000 mentions */
		return false;
	unsigned threads = M->threads < 1 ? 1 : M->threads > BLOCK_KINDS ? BLOCK_KINDS : M->threads;
	pair_worker *w = calloc(threads, sizeof *w);
	if (!w)
		return false;
	unsigned started = 1;  /* worker 0 is this thread */
	for (; started < threads; started++) {
		w[started] = (pair_worker){.M = M, .first = (int)started, .step = (int)threads};
		if (pthread_create(&w[started].tid, NULL, pair_thread, &w[started]) != 0)
			break;
	}
	pair_set ps = {M->pairs, M->n_pairs, M->cap_pairs};
	bool ok = true;
	/* the kinds no thread took are this thread's */
	for (unsigned t = 0; t < threads && ok; t++)
		if (t == 0 || t >= started)
			ok = kind_pairs(M, &ps, (int)t, (int)threads);
	for (unsigned t = 1; t < started; t++) {
		pthread_join(w[t].tid, NULL);
		ok = ok && w[t].ok;
		if (ok && w[t].ps.n) {
			ok = RC_GROW(ps.p, ps.cap, ps.n + w[t].ps.n) == RC_OK;
			if (ok) {
				memcpy(ps.p + ps.n, w[t].ps.p, w[t].ps.n * sizeof *ps.p);
				ps.n += w[t].ps.n;
			}
		}
		free(w[t].ps.p);
	}
	free(w);
	M->pairs = ps.p;
	M->n_pairs = ps.n;
	M->cap_pairs = ps.cap;
	if (!ok)
		return false;
	rc__qsort(M->pairs, M->n_pairs, sizeof *M->pairs, cmp_pair);
	size_t k = 0;
	for (size_t i = 0; i < M->n_pairs; i++)
		if (!k || M->pairs[i].a != M->pairs[k - 1].a || M->pairs[i].b != M->pairs[k - 1].b)
			M->pairs[k++] = M->pairs[i];
	M->n_pairs = k;
	return true;
}

/* ---- step 3: merging best first -------------------------------------------- */

static void clus_init(clus *c, const group *G)
{
	*c = (clus){.country = G->country, .fam = G->fam, .dlo = LONG_MAX, .dhi = LONG_MIN,
	            .plo = LONG_MIN, .phi = LONG_MAX, .key = G->key};
	/* the dates of arrests are not the incident's */
	if (!G->fam && G->type_i >= 0)
		return;
	if (G->dprec == 10) {
		c->dlo = G->dlo;
		c->dhi = G->dhi;
	} else if (G->dprec) {
		c->plo = G->dlo;
		c->phi = G->dhi;
	}
}

/* Can the clusters be one event?  No two keys, one country, a family in
 * common, all day dates within the window and inside every coarser date. */
static bool clus_join(const mctx *M, const clus *a, const clus *b, clus *out)
{
	if (a->key && b->key && strcmp(a->key, b->key) != 0)
		return false;
	if (a->country >= 0 && b->country >= 0 && a->country != b->country)
		return false;
	if (a->fam && b->fam && !rc__ev_families_compatible(M->tb, a->fam, b->fam))
		return false;
	clus c = *a;
	c.key = a->key ? a->key : b->key;
	c.country = a->country >= 0 ? a->country : b->country;
	c.fam = a->fam && b->fam ? (a->fam & b->fam ? a->fam & b->fam : a->fam) : a->fam | b->fam;
	c.dlo = a->dlo < b->dlo ? a->dlo : b->dlo;
	c.dhi = a->dhi > b->dhi ? a->dhi : b->dhi;
	c.plo = a->plo > b->plo ? a->plo : b->plo;
	c.phi = a->phi < b->phi ? a->phi : b->phi;
	if (c.dlo != LONG_MAX && c.dhi - c.dlo > DATE_WINDOW)
		return false;
	if (c.plo > c.phi)
		return false;
	if (c.dlo != LONG_MAX && c.plo != LONG_MIN &&
	    (c.dlo > c.phi + DATE_WINDOW || c.dhi < c.plo - DATE_WINDOW))
		return false;
	*out = c;
	return true;
}

static bool merge_scored(mctx *M)
{
	M->gparent = malloc((M->ng ? M->ng : 1) * sizeof(size_t));
	M->cl = malloc((M->ng ? M->ng : 1) * sizeof(clus));
	if (!M->gparent || !M->cl)
		return false;
	for (size_t i = 0; i < M->ng; i++) {
		M->gparent[i] = i;
		clus_init(&M->cl[i], &M->g[i]);
	}
	if (!token_counts(M) || !candidate_pairs(M))
		return false;
	for (size_t p = 0; p < M->n_pairs; p++) {
		size_t ra = rc__uf_find(M->gparent, M->pairs[p].a), rb = rc__uf_find(M->gparent, M->pairs[p].b);
		clus joined;
		if (ra == rb || !clus_join(M, &M->cl[ra], &M->cl[rb], &joined))
			continue;
		size_t r = rc__uf_union(M->gparent, ra, rb);
		M->cl[r] = joined;
	}
	for (size_t i = 0; i < M->ng; i++) {
		size_t r = rc__uf_find(M->gparent, i);
		if (r != i)
			uunite(M->u, M->g[r].root, M->g[i].root);
	}
	return true;
}

/* ---- events ------------------------------------------------------------ */

typedef struct tally {
	const char *s;
	double count;
} tally;

static void count(tally *t, size_t *n, const char *s, double w)
{
	for (size_t i = 0; i < *n; i++)
		if (strcasecmp(t[i].s, s) == 0) {
			t[i].count += w;
			return;
		}
	t[(*n)++] = (tally){s, w};
}

/* The heaviest, ties to the smallest string. */
static const char *top(const tally *t, size_t n)
{
	const char *best = NULL;
	double bc = 0;
	for (size_t i = 0; i < n; i++)
		if (t[i].count > bc || (t[i].count == bc && strcmp(t[i].s, best) < 0)) {
			best = t[i].s;
			bc = t[i].count;
		}
	return best;
}

static int cmp_tally(const void *pa, const void *pb)
{
	const tally *a = pa, *b = pb;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->s, b->s);
}

/* Depth of a place reference: country 0, region 1, city 2, a name the
 * gazetteer lacks 3. */
/*
 * The place of an event from its units' places: the finest place that
 * holds at least half of the votes ("Colombo" 3, "Negombo" 1 and "Sri
 * Lanka" 4 make Sri Lanka; "Paris" 10, "Saint-Denis" 2 and "France" 1 make
 * Paris); ties to more votes, then the smaller name.
 */
/* pv: room for n votes. */
static const char *place_of(const ev_tables *tb, const tally *t, size_t n, ev_place_vote *pv)
{
	for (size_t i = 0; i < n; i++)
		pv[i] = (ev_place_vote){rc__ev_place_ref(tb, t[i].s), t[i].count, t[i].s};
	long k = rc__ev_finest_place(tb, pv, n, NULL);
	return k >= 0 ? t[k].s : top(t, n);
}

typedef struct evb {
	rc_event ev;
	const char *base;       /* id before disambiguation */
	size_t root;
	bool keep;
	bool keyed;             /* its id comes from the --events file */
} evb;

static const char *make_label(rc_arena *a, const char *type, const char *place, const char *date)
{
	char t[64];
	snprintf(t, sizeof t, "%s", type ? type : "event");
	t[0] = (char)(t[0] >= 'a' && t[0] <= 'z' ? t[0] - 32 : t[0]);
	return rc__arena_printf(a, "%s%s%s%s%s", t, place ? " in " : "", place ? place : "",
	                        date ? ", " : "", date ? date : "");
}

/*
 * Attributes of the event rooted at r from its units: the most frequent
 * specific type (generic ones only when there is none), the place with
 * most votes where a vote for a place counts half for each place around
 * it (so "Colombo" and "Negombo" make "Sri Lanka" unless one of them
 * dominates), the most frequent most precise date.
 */
static rc_status build_event(mctx *M, evb *E, size_t r, const size_t *members, size_t n_members,
                             const rc_event_defs *defs, tally *scratch, rc_error *err)
{
	const ev_tables *tb = M->tb;
	unit *u = M->u;
	size_t nt = 0, np = 0, nd = 0, nn = 0, ndoc = 0;
	tally *types = scratch, *places = scratch + M->n_u, *dates = scratch + 2 * M->n_u;
	const char *key = NULL;
	size_t name_cap = 0, doc_cap = 0, place_cap = 0;
	tally *names = NULL;
	const char **docs = NULL;
	rc_status st = RC_OK;
	int best_date_len = 0, rank_best = -1;
	tally *ptally = NULL;
	ev_place_vote *pvotes = NULL;
	for (size_t mi = 0; mi < n_members; mi++) {
		size_t i = members[mi];
		const rc_record *rec = M->recs[u[i].r];
		const char *ukey = u_key(&u[i]), *uplace = u_place(&u[i]), *udate = u_date(&u[i]);
		E->keep |= ukey || u[i].linked;
		if (ukey && (!key || strcmp(ukey, key) < 0))
			key = ukey;
		int ti = u[i].type_i;
		int rank = ti < 0 ? 1 : tb->types[ti].follow_up ? 0 : tb->types[ti].generic ? 1 : 2;
		if (rank > rank_best) {
			rank_best = rank;
			nt = 0;
		}
		double w = 1.0 + (double)u[i].linked;
		if (rank == rank_best)
			count(types, &nt, u_type(&u[i]), w);
		if (uplace) {
			if (RC_GROW(ptally, place_cap, np + 1) != RC_OK) {
				st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
				goto out;
			}
			count(ptally, &np, uplace, w);
		}
		if (udate) {
			int len = (int)strlen(udate);
			if (len > best_date_len) {
				best_date_len = len;
				nd = 0;
			}
			if (len == best_date_len)
				count(dates, &nd, udate, w);
		}
		const char *eid = u_eid(&u[i]);
		for (size_t x = 0; x < rec->n_mentions; x++) {
			const rc_mention *m = &rec->mentions[x];
			if (strcmp(eid_of(m), eid) != 0)
				continue;
			for (size_t k = 0; k < m->n_names; k++) {
				if (RC_GROW(names, name_cap, nn + 1) != RC_OK) {
					st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
					goto out;
				}
				count(names, &nn, m->names[k], 1);
			}
		}
		if (RC_GROW(docs, doc_cap, ndoc + 1) != RC_OK) {
			st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
			goto out;
		}
		docs[ndoc++] = rec->doc ? rec->doc : "";
	}
	(void)places;
	rc_event *ev = &E->ev;
	rc_arena *a = M->a;
	ev->type = rc__arena_strdup(a, top(types, nt));
	ev->place = NULL;
	if (np) {
		if (!(pvotes = malloc(np * sizeof *pvotes))) {
			st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
			goto out;
		}
		ev->place = rc__arena_strdup(a, place_of(tb, ptally, np, pvotes));
	}
	ev->date = rc__arena_strdup(a, top(dates, nd));
	const ev_def *def = key ? rc__ev_def_find(defs, key) : NULL;
	if (key) {
		if (def && def->type)
			ev->type = def->type;
		if (def && def->place)
			ev->place = def->place;
		if (def && def->date)
			ev->date = def->date;
		E->base = rc__arena_strdup(a, key);
		E->keyed = true;
		ev->label = def && def->label ? rc__arena_strdup(a, def->label)
		                              : make_label(a, ev->type, ev->place, ev->date);
	} else {
		const char *ps = ev->place ? rc__ev_slug(a, ev->place) : NULL;
		E->base = rc__arena_printf(a, "%s%s%s%s%s", ps ? ps : "", ps && *ps ? "-" : "",
		                           ev->date ? ev->date : "", ev->date ? "-" : "", ev->type);
		ev->label = make_label(a, ev->type, ev->place, ev->date);
	}
	rc__qsort(names, nn, sizeof(*names), cmp_tally);
	if (nn > MAX_EVENT_NAMES)
		nn = MAX_EVENT_NAMES;
	ev->names = rc__arena_calloc(a, nn + 1, sizeof(char *));
	rc__qsort(docs, ndoc, sizeof(*docs), cmp_str);
	ev->documents = rc__arena_calloc(a, ndoc + 1, sizeof(char *));
	if (!ev->type || !E->base || !ev->label || !ev->names || !ev->documents) {
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < nn; i++)
		if (!(ev->names[ev->n_names++] = rc__arena_strdup(a, names[i].s)))
			st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < ndoc; i++)
		if (!ev->n_documents || strcmp(ev->documents[ev->n_documents - 1], docs[i]) != 0)
			if (!(ev->documents[ev->n_documents++] = rc__arena_strdup(a, docs[i])))
				st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	E->root = r;
out:
	free(ptally);
	free(pvotes);
	free(names);
	free(docs);
	return st;
}

static int cmp_evb(const void *pa, const void *pb)
{
	const evb *a = pa, *b = pb;
	int c = strcmp(a->base, b->base);
	if (c)
		return c;
	return a->root < b->root ? -1 : a->root > b->root;
}

static int cmp_event(const void *pa, const void *pb)
{
	return strcmp(((const rc_event *)pa)->id, ((const rc_event *)pb)->id);
}

/* Stable ids: the base id, then -2, -3, ... in canonical order; ids from
 * the --events file are never taken by others. */
static rc_status assign_ids(mctx *M, evb *E, size_t ne, const rc_event_defs *defs,
                            rc_error *err)
{
	rc__qsort(E, ne, sizeof(*E), cmp_evb);
	rc_strset used = {0};
	unsigned last = 1; /* the suffix the one before took (1: none) */
	for (size_t i = 0; i < ne; i++) {
		/* after one of the same base, its id and every one below it are
		 * taken for this one too (unless only the other one was barred
		 * from the ids of the --events file), so go on from there */
		unsigned k = 1;
		if (i && strcmp(E[i].base, E[i - 1].base) == 0 && (!E[i].keyed || E[i - 1].keyed))
			k = last + 1;
		const char *id = E[i].base;
		for (;; k++) {
			if (k > 1)
				id = rc__arena_printf(M->a, "%s-%u", E[i].base, k);
			if (!id || ((E[i].keyed || !rc__ev_def_find(defs, id)) && !rc__strset_has(&used, id)))
				break;
		}
		if (!id || rc__strset_add(&used, id) < 0) {
			rc__strset_free(&used);
			return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		}
		E[i].ev.id = id;
		last = k;
	}
	rc__strset_free(&used);
	return RC_OK;
}

/* Units of the records, in canonical order: per record, the mentions with
 * the same event id, in id order. */
static rc_status make_units(mctx *M, rc_error *err)
{
	const ev_tables *tb = M->tb;
	for (size_t r = 0; r < M->n_recs; r++) {
		const rc_record *rec = M->recs[r];
		uint32_t *unit_of = units_of(M, r);
		const char **ids = malloc((rec->n_mentions ? rec->n_mentions : 1) * sizeof(char *));
		if (!ids) {
			free(ids);
			return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		}
		for (size_t k = 0; k < rec->n_mentions; k++)
			ids[k] = eid_of(&rec->mentions[k]);
		rc__qsort(ids, rec->n_mentions, sizeof(char *), cmp_str);
		size_t first = M->n_u, nid = 0;
		for (size_t k = 0; k < rec->n_mentions; k++)
			if (!nid || strcmp(ids[nid - 1], ids[k]) != 0)
				ids[nid++] = ids[k];
		for (size_t k = 0; k < nid; k++)
			M->u[M->n_u++] = (unit){.r = (uint32_t)r};
		for (size_t k = 0; k < rec->n_mentions; k++) {
			const rc_mention *m = &rec->mentions[k];
			const char *eid = eid_of(m);
			const char **hit = bsearch(&eid, ids, nid, sizeof(char *), cmp_str);
			unit *U = &M->u[first + (size_t)(hit - ids)];
			unit_of[k] = (uint32_t)(U - M->u);
			if (U->first)
				continue;
			U->first = m;
			U->type_i = rc__ev_type_index(tb, u_type(U));
		}
		free(ids);
		for (size_t k = 0; k < rec->n_claims; k++) {
			const rc_claim *c = &rec->claims[k];
			if (c->mention >= 0 && (size_t)c->mention < rec->n_mentions)
				M->u[unit_of[c->mention]].linked++;
			for (size_t x = 0; x < c->n_mentions; x++)
				if (c->mentions[x] >= 0 && (size_t)c->mentions[x] < rec->n_mentions)
					M->u[unit_of[c->mentions[x]]].linked++;
		}
		/* the record's main unit: most linked claims, the first on a tie */
		size_t best = (size_t)-1;
		for (size_t k = first; k < M->n_u; k++)
			if (M->u[k].linked && (best == (size_t)-1 || M->u[k].linked > M->u[best].linked))
				best = k;
		if (best != (size_t)-1)
			M->u[best].main = true;
	}
	return RC_OK;
}

/* What only step 3 reads: the groups, their pairs and words, freed once
 * step 3 is done (the units hold what it decided). */
static void free_groups(mctx *M)
{
	for (size_t i = 0; M->g && i < M->ng; i++)
		free(M->g[i].tokens);
	free(M->g);
	M->g = NULL;
	M->ng = 0;
	free(M->gparent);
	M->gparent = NULL;
	free(M->cl);
	M->cl = NULL;
	free(M->pairs);
	M->pairs = NULL;
	free(M->all_tokens);
	M->all_tokens = NULL;
	free(M->token_df);
	M->token_df = NULL;
}

/* The work tables of steps 1 to 3 (all but the records and their units'
 * numbers), freed before the claims are linked: they are the larger part
 * of the merge's memory. */
static void free_work(mctx *M)
{
	free(M->u);
	M->u = NULL;
	free_groups(M);
}

static void free_ctx(mctx *M)
{
	free(M->unit_of);
	free(M->mention_at);
	free(M->recs);
	free_work(M);
}

/* The merged event index of mention m of M.recs[r], or (size_t)-1. */
static size_t event_of_mention(const mctx *M, size_t r, long m, const uint32_t *ev_of_unit)
{
	if (m < 0 || (size_t)m >= M->recs[r]->n_mentions)
		return (size_t)-1;
	uint32_t e = ev_of_unit[units_of(M, r)[m]];
	return e == UINT32_MAX ? (size_t)-1 : e;
}

typedef struct rec_at {
	const rc_record *rec;
	size_t r;
} rec_at;

static int cmp_rec_at(const void *pa, const void *pb)
{
	const rc_record *a = ((const rec_at *)pa)->rec, *b = ((const rec_at *)pb)->rec;
	return a < b ? -1 : a > b;
}

/*
 * The side table of the merged links, in the order of the caller's
 * records: a claim takes the event of its mention; an aggregate the
 * events of the mentions it sums, each once, in its order (its event is
 * the first of them, else its own mention's).
 */
static rc_status link_claims(mctx *M, rc__links *L, rc_record *const *records, size_t n_records,
                             const rc_event *evs, const uint32_t *ev_of_unit, rc_error *err)
{
	rc_arena *a = M->a;
	*L = (rc__links){.n_recs = n_records, .events = evs};
	rec_at *at = malloc((M->n_recs + 1) * sizeof(*at));
	L->base = rc__arena_alloc(a, (n_records + 1) * sizeof(*L->base));
	if (!at || !L->base) {
		free(at);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	for (size_t r = 0; r < M->n_recs; r++)
		at[r] = (rec_at){M->recs[r], r};
	rc__qsort(at, M->n_recs, sizeof(*at), cmp_rec_at);
	size_t total = 0, n_multi = 0;
	for (size_t i = 0; i < n_records; i++) {
		L->base[i] = total;
		if (!records[i])
			continue;
		total += records[i]->n_claims;
		for (size_t x = 0; x < records[i]->n_claims; x++)
			if (records[i]->claims[x].n_mentions)
				n_multi += records[i]->claims[x].n_mentions + 1;
	}
	L->base[n_records] = total;
	if (n_multi >= RC__LINK_MULTI) {
		free(at);
		return rc__error_set(err, RC_ERR_LIMIT, "%zu aggregate links: more than the reduce phase can number",
		                     n_multi);
	}
	L->link = rc__arena_calloc(a, total + 1, sizeof(*L->link));
	L->multi = rc__arena_calloc(a, n_multi + 1, sizeof(*L->multi));
	L->multi_ids = rc__arena_calloc(a, n_multi + 1, sizeof(*L->multi_ids));
	if (!L->link || !L->multi || !L->multi_ids) {
		free(at);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	size_t used = 0;
	for (size_t i = 0; i < n_records; i++) {
		const rc_record *rec = records[i];
		if (!rec || !rec->n_claims)
			continue;
		rec_at key = {rec, 0};
		const rec_at *found = bsearch(&key, at, M->n_recs, sizeof(*at), cmp_rec_at);
		size_t r = found ? found->r : 0;
		for (size_t x = 0; x < rec->n_claims; x++) {
			const rc_claim *c = &rec->claims[x];
			uint32_t *link = &L->link[L->base[i] + x];
			size_t e = event_of_mention(M, r, c->mention, ev_of_unit);
			*link = e == (size_t)-1 ? 0 : (uint32_t)(e + 1);
			size_t n = 0;
			for (size_t y = 0; y < c->n_mentions; y++) {
				e = event_of_mention(M, r, c->mentions[y], ev_of_unit);
				if (e == (size_t)-1)
					continue;
				bool dup = false;
				for (size_t z = 0; z < n && !dup; z++)
					dup = L->multi[used + z] == &evs[e];
				if (!dup) {
					L->multi_ids[used + n] = evs[e].id;
					L->multi[used + n++] = &evs[e];
				}
			}
			if (n) {
				*link = RC__LINK_MULTI | (uint32_t)used;
				L->multi[used + n] = NULL;
				L->multi_ids[used + n] = NULL;
				used += n + 1;
			}
		}
	}
	free(at);
	return RC_OK;
}

rc_status rc__events_merge(rc_event **out, size_t *n_out, rc__links *links, rc_arena *a,
                           rc_record *const *records, size_t n_records,
                           const rc_event_vocab *tb, const rc_event_defs *defs, unsigned threads,
                           rc_error *err)
{
	*out = NULL;
	*n_out = 0;
	mctx M = {.tb = tb, .a = a, .defs = defs, .threads = threads};
	rc_status st = RC_OK;
	size_t total = 0;
	M.recs = malloc((n_records ? n_records : 1) * sizeof(*M.recs));
	M.mention_at = malloc((n_records + 1) * sizeof(*M.mention_at));
	if (!M.recs || !M.mention_at) {
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n_records; i++)
		if (records[i]) {
			M.recs[M.n_recs++] = records[i];
			total += records[i]->n_mentions;
		}
	if (total >= UINT32_MAX) {   /* unit and mention indices are 32-bit */
		st = rc__error_set(err, RC_ERR_LIMIT, "%zu event mentions, over the %" PRIu32 " one merge takes",
		                   total, UINT32_MAX - 1);
		goto out;
	}
	rc__qsort(M.recs, M.n_recs, sizeof(*M.recs), cmp_rec);
	for (size_t r = 0, at = 0; r <= M.n_recs; r++) {
		M.mention_at[r] = at;
		if (r < M.n_recs)
			at += M.recs[r]->n_mentions;
	}
	M.u = calloc(total ? total : 1, sizeof(*M.u));
	M.unit_of = malloc((total ? total : 1) * sizeof(*M.unit_of));
	if (!M.u || !M.unit_of) {
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		goto out;
	}
	if ((st = make_units(&M, err)) != RC_OK)
		goto out;
	for (size_t i = 0; i < M.n_u; i++)
		M.u[i].parent = (uint32_t)i;
	/* step 2: keys and equal attributes, sorted so that equal units are
	 * neighbours */
	{
		unit **by = malloc((M.n_u ? M.n_u : 1) * sizeof(unit *));
		if (!by) {
			st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
			goto out;
		}
		for (size_t i = 0; i < M.n_u; i++)
			by[i] = &M.u[i];
		rc__qsort(by, M.n_u, sizeof *by, cmp_exact);
		for (size_t i = 1; i < M.n_u; i++)
			if (same_exact(by[i - 1], by[i]))
				uunite(M.u, (size_t)(by[i - 1] - M.u), (size_t)(by[i] - M.u));
		free(by);
	}
	/* step 3 */
	if (!make_groups(&M) || !merge_scored(&M)) {
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		goto out;
	}

	/* the units hold what step 3 decided: its tables go before the events
	 * are built */
	free_groups(&M);
	size_t ne = 0;
	for (size_t i = 0; i < M.n_u; i++)
		ne += ufind(M.u, i) == i;
	/* malloc'd, not the result's: only the events (evs) outlive the merge */
	evb *E = calloc(ne + 1, sizeof(*E));
	tally *scratch = malloc((3 * M.n_u + 1) * sizeof(*scratch));
	size_t *ev_of_root = malloc((M.n_u + 1) * sizeof(size_t));
	/* the units of each root, ascending (a counting sort by root) */
	size_t *start = calloc(M.n_u + 1, sizeof(size_t));
	size_t *members = malloc((M.n_u + 1) * sizeof(size_t));
	if (!E || !scratch || !ev_of_root || !start || !members) {
		free(E);
		free(scratch);
		free(ev_of_root);
		free(start);
		free(members);
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < M.n_u; i++)
		start[ufind(M.u, i)]++;
	for (size_t i = 0, sum = 0; i <= M.n_u; i++) {
		size_t c = i < M.n_u ? start[i] : 0;
		start[i] = sum;
		sum += c;
	}
	for (size_t i = 0; i < M.n_u; i++)
		members[start[ufind(M.u, i)]++] = i;
	/* start[r] is now the end of r's run in members */
	size_t k = 0;
	for (size_t i = 0, from = 0; i < M.n_u && st == RC_OK; i++) {
		if (ufind(M.u, i) != i)
			continue;
		/* roots are the smallest index of their units, so in ascending
		 * order of roots the member runs follow one another */
		st = build_event(&M, &E[k], i, members + from, start[i] - from, defs, scratch, err);
		from = start[i];
		if (E[k].keep)
			k++;
		else
			memset(&E[k], 0, sizeof(E[k]));
	}
	free(scratch);
	free(start);
	free(members);
	ne = k;
	if (st == RC_OK)
		st = assign_ids(&M, E, ne, defs, err);
	rc_event *evs = st == RC_OK ? rc__arena_calloc(a, ne + 1, sizeof(*evs)) : NULL;
	size_t *pos = st == RC_OK ? malloc((ne + 1) * sizeof(*pos)) : NULL;
	if (st == RC_OK && (!evs || !pos))
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	if (st == RC_OK && ne >= RC__LINK_MULTI)
		st = rc__error_set(err, RC_ERR_LIMIT, "%zu events: more than the reduce phase can number", ne);
	if (st != RC_OK) {
		free(E);
		free(ev_of_root);
		free(pos);
		goto out;
	}
	for (size_t i = 0; i < M.n_u; i++)
		ev_of_root[i] = (size_t)-1;
	/* the events in id order; pos[i]: where E[i] went */
	for (size_t i = 0; i < ne; i++) {
		evs[i] = E[i].ev;
		ev_of_root[E[i].root] = i;
	}
	rc__qsort(evs, ne, sizeof(*evs), cmp_event);
	for (size_t i = 0; i < ne; i++) {
		/* ids are unique: find E[i] by its id */
		const rc_event *at = bsearch(&E[i].ev, evs, ne, sizeof(*evs), cmp_event);
		pos[i] = (size_t)(at - evs);
	}
	free(E);
	/* each unit's event, then the work tables go before the claims are linked */
	uint32_t *ev_of_unit = malloc((M.n_u + 1) * sizeof(*ev_of_unit));
	for (size_t i = 0; ev_of_unit && i < M.n_u; i++) {
		size_t e = ev_of_root[ufind(M.u, i)];
		ev_of_unit[i] = e == (size_t)-1 ? UINT32_MAX : (uint32_t)pos[e];
	}
	free(ev_of_root);
	free(pos);
	free_work(&M);
	st = ev_of_unit ? link_claims(&M, links, records, n_records, evs, ev_of_unit, err)
	                : rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	free(ev_of_unit);
	if (st != RC_OK)
		goto out;
	*out = evs;
	*n_out = ne;
out:
	free_ctx(&M);
	return st;
}

/* ---- public: rc_events_collect ----------------------------------------- */

struct rc_event_set_priv {
	rc_arena *arena;
	rc__links links;
};

rc_status rc_events_collect(rc_event_set **out, rc_record *const *records, size_t n,
                            const rc_event_defs *defs, rc_error *err)
{
	return rc__events_collect(out, records, n, NULL, defs, err);
}

rc_status rc__events_collect(rc_event_set **out, rc_record *const *records, size_t n,
                             const rc_event_vocab *vocab, const rc_event_defs *defs,
                             rc_error *err)
{
	*out = NULL;
	rc_event_set *set = calloc(1, sizeof(*set));
	struct rc_event_set_priv *priv = calloc(1, sizeof(*priv));
	if (!set || !priv || !(priv->arena = rc__arena_new(16384))) {
		free(set);
		free(priv);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	set->priv = priv;
	rc_event_vocab *own = NULL;
	rc_status st = vocab ? RC_OK : rc_event_vocab_new(&own, err);
	if (st == RC_OK)
		st = rc__events_merge(&set->events, &set->n_events, &priv->links, priv->arena, records, n,
		                      own ? own : vocab, defs, 1, err);
	rc_event_vocab_free(own);
	if (st != RC_OK) {
		rc_event_set_free(set);
		return st;
	}
	*out = set;
	return RC_OK;
}

const rc_event *rc_event_set_claim_event(const rc_event_set *set, size_t rec, size_t claim)
{
	size_t k = set ? rc__link_index(&set->priv->links, rec, claim) : SIZE_MAX;
	return k == SIZE_MAX ? NULL : rc__link_event(&set->priv->links, k);
}

const rc_event *const *rc_event_set_claim_events(const rc_event_set *set, size_t rec, size_t claim,
                                                 size_t *n)
{
	size_t k = set ? rc__link_index(&set->priv->links, rec, claim) : SIZE_MAX;
	*n = 0;
	return k == SIZE_MAX ? NULL : rc__link_events(&set->priv->links, k, n);
}

void rc_event_set_free(rc_event_set *set)
{
	if (!set)
		return;
	rc__arena_free(set->priv->arena);
	free(set->priv);
	free(set);
}
