/*
 * Events stage, reduce phase: merge the event mentions of all records into
 * real-world events (docs/events.md describes the method).
 *
 *  1. Units: within a document, the mentions with the same local id (or the
 *     same --events key) are one unit; they share place, date and type.
 *  2. Keys: units with the same --events key are one event.
 *  3. Exact: units with the same place, type and date (both missing counts
 *     as the same) are one event.
 *  4. Vague: two groups are compatible when their types are compatible
 *     (equal, or same class with one generic: attack ~ bombing), their
 *     dates are (equal, or one missing or coarser) and their places are
 *     (equal, or one the country of the other); a group without a place is
 *     compatible with a placed one only on the same full date or a shared
 *     distinctive name.  Two compatible groups merge when neither is
 *     ambiguous: a group is ambiguous when two of the groups it is
 *     compatible with are incompatible with each other (an undated bombing
 *     in Kerman next to Kerman bombings on two dates stays apart).
 *  Everything is computed on a canonical order of the units (document id,
 *  then local id), decisions in step 4 on a snapshot of step 3, so the
 *  result does not depend on the order of the records.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "events/events-priv.h"
#include "reconcile/reconcile-int.h"

enum { MAX_DEGREE = 64, MAX_EVENT_NAMES = 8 };

typedef struct unit {
	const rc_record *rec;
	size_t rank;           /* of its record in canonical order */
	const char *eid;       /* key or local id */
	const char *key;
	const char *type, *place, *date;
	const rc_mention *first;
	bool linked;           /* some claim links to it */
	size_t parent;         /* union-find */
	int type_i, place_i;
} unit;

typedef struct mctx {
	const ev_tables *tb;
	rc_arena *a;
	unit *u;
	size_t n_u;
	const rc_record **recs;   /* canonical order */
	size_t n_recs;
	size_t **unit_of;         /* per canonical record: unit of each mention */
	const rc_event_defs *defs;
} mctx;

static int cmp_opt(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_rec(const void *pa, const void *pb)
{
	const rc_record *a = *(const rc_record *const *)pa, *b = *(const rc_record *const *)pb;
	int c;
	if ((c = cmp_opt(a->doc, b->doc)) || (c = cmp_opt(a->path, b->path)))
		return c;
	if (a->record_line != b->record_line)
		return a->record_line < b->record_line ? -1 : 1;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return a->n_mentions < b->n_mentions ? -1 : a->n_mentions > b->n_mentions;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char *eid_of(const rc_mention *m)
{
	return m->key ? m->key : m->local_id ? m->local_id : "";
}

static size_t find(unit *u, size_t i)
{
	while (u[i].parent != i) {
		u[i].parent = u[u[i].parent].parent;
		i = u[i].parent;
	}
	return i;
}

/* Union keeping the smaller index as root, so roots are canonical. */
static void unite(unit *u, size_t a, size_t b)
{
	a = find(u, a);
	b = find(u, b);
	if (a == b)
		return;
	if (a < b)
		u[b].parent = a;
	else
		u[a].parent = b;
}

/* ---- groups after the exact pass ------------------------------------ */

typedef struct group {
	size_t root;
	const char *type, *place, *date;
	int type_i, place_i;
	char **tokens;         /* distinctive name words, lowercase */
	size_t n_tokens;
	bool has_key;
	size_t *nb;            /* compatible groups */
	size_t n_nb, cap_nb;
	bool overflow, ambiguous;
} group;

static bool add_token(mctx *M, group *g, const char *w, size_t n, size_t *cap)
{
	if (n < 4 || rc__ev_in(&M->tb->weak_names, w, n) || rc__ev_in(&M->tb->not_names, w, n))
		return true;
	for (size_t i = 0; i < g->n_tokens; i++)
		if (strlen(g->tokens[i]) == n && strncasecmp(g->tokens[i], w, n) == 0)
			return true;
	if (RC_GROW(g->tokens, *cap, g->n_tokens + 1) != RC_OK)
		return false;
	char *t = rc__arena_strndup(M->a, w, n);
	if (!t)
		return false;
	for (char *p = t; *p; p++)
		*p = (char)rc__lower((unsigned char)*p);
	g->tokens[g->n_tokens++] = t;
	return true;
}

static bool share_token(const group *a, const group *b)
{
	for (size_t i = 0; i < a->n_tokens; i++)
		for (size_t k = 0; k < b->n_tokens; k++)
			if (strcmp(a->tokens[i], b->tokens[k]) == 0)
				return true;
	return false;
}

static bool full_date(const char *d)
{
	return d && strlen(d) == 10;
}

/* rc__ev_types_compatible and rc__ev_places_compatible (coarse) on the
 * table indices the groups keep, without looking names up again. */
static bool types_compatible(const ev_tables *tb, const group *a, const group *b)
{
	return strcmp(a->type, b->type) == 0 || rc__ev_type_indices_compatible(tb, a->type_i, b->type_i);
}

static bool places_compatible(const ev_tables *tb, const group *a, const group *b)
{
	return !a->place || !b->place || strcasecmp(a->place, b->place) == 0 ||
	       rc__ev_place_indices_within(tb, a->place_i, b->place_i);
}

static bool is_country(const ev_tables *tb, const group *g)
{
	return rc__ev_place_index_is_country(tb, g->place_i);
}

/* Two groups that cannot be one event: incompatible types or dates, or
 * places that are neither equal nor one within the other. */
static bool conflict(const mctx *M, const group *a, const group *b)
{
	return (a->has_key && b->has_key) || !types_compatible(M->tb, a, b) ||
	       !rc__ev_dates_compatible(a->date, b->date) || !places_compatible(M->tb, a, b);
}

/* The same city (the blocking key of kind 0). */
static bool same_city(const mctx *M, const group *a, const group *b)
{
	return a->place && b->place && strcasecmp(a->place, b->place) == 0 && !is_country(M->tb, a);
}

/* No conflict, and evidence: the same place (a city, not a country); or,
 * when a place is missing or is a country, the same full date or a shared
 * distinctive name ("arrests in Iran" are not the arrests in Mahabad just
 * because Mahabad is in Iran). */
static bool groups_compatible(const mctx *M, const group *a, const group *b)
{
	if (conflict(M, a, b))
		return false;
	if (same_city(M, a, b))
		return true;
	/* without conflict, two full dates are equal */
	return (full_date(a->date) && full_date(b->date)) || share_token(a, b);
}

/* Case-insensitive cmp_opt, for places. */
static int cmp_opt_nocase(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcasecmp(a, b);
}

/* The order of step 3: keyed units by key, then the others by type, date
 * and place, so that the units step 3 unites are neighbours. */
static int cmp_exact(const void *pa, const void *pb)
{
	const unit *a = *(const unit *const *)pa, *b = *(const unit *const *)pb;
	int c;
	if ((a->key != NULL) != (b->key != NULL))
		return a->key ? -1 : 1;
	if (a->key) {
		if ((c = strcmp(a->key, b->key)))
			return c;
	} else {
		if (a->type_i != b->type_i)
			return a->type_i < b->type_i ? -1 : 1;
		if ((c = strcmp(a->type, b->type)) || (c = cmp_opt(a->date, b->date)) ||
		    (c = cmp_opt_nocase(a->place, b->place)))
			return c;
	}
	return a < b ? -1 : a > b;
}

/* Step 3's relation: the same key, or the same type, date and place with
 * a city or a date to go on.  An equivalence, so uniting the neighbours
 * of the cmp_exact order unites every pair it holds for. */
static bool same_exact(const mctx *M, const unit *a, const unit *b)
{
	if (a->key || b->key)
		return a->key && b->key && strcmp(a->key, b->key) == 0;
	return a->type_i == b->type_i && strcmp(a->type, b->type) == 0 &&
	       cmp_opt(a->date, b->date) == 0 && cmp_opt_nocase(a->place, b->place) == 0 &&
	       ((a->place && !rc__ev_place_index_is_country(M->tb, a->place_i)) || a->date);
}

/* A blocking key of a group in step 4: every compatible pair of groups
 * shares one (see groups_compatible), so only groups that share a key are
 * compared. */
typedef struct block {
	int kind;              /* 0 a city, 1 a full date, 2 a name token */
	const char *s;
	size_t g;
} block;

static int cmp_block_key(const block *a, const block *b)
{
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->kind == 0 ? strcasecmp(a->s, b->s) : strcmp(a->s, b->s);
}

static int cmp_block(const void *pa, const void *pb)
{
	const block *a = pa, *b = pb;
	int c = cmp_block_key(a, b);
	return c ? c : (a->g > b->g) - (a->g < b->g);
}

/* The blocking keys of all groups, sorted so that each key's groups are
 * one run, in ascending group order. */
static block *blocks_of(const mctx *M, const group *g, size_t ng, size_t *n_out)
{
	block *b = NULL;
	size_t nb = 0, cap = 0;
	for (size_t i = 0; i < ng; i++) {
		if (RC_GROW(b, cap, nb + 2 + g[i].n_tokens) != RC_OK) {
			free(b);
			return NULL;
		}
		if (g[i].place && !is_country(M->tb, &g[i]))
			b[nb++] = (block){0, g[i].place, i};
		if (full_date(g[i].date))
			b[nb++] = (block){1, g[i].date, i};
		for (size_t t = 0; t < g[i].n_tokens; t++)
			b[nb++] = (block){2, g[i].tokens[t], i};
	}
	rc__qsort(b, nb, sizeof *b, cmp_block);
	*n_out = nb;
	return b ? b : calloc(1, sizeof *b);
}

/*
 * Is the key of kind `kind` (a token: `tok`) the first key the two groups
 * share, in the order of cmp_block_key?  Each pair is then looked at once,
 * in the run of its first shared key, without a list of pairs.
 */
static bool first_shared(const mctx *M, const group *a, const group *b, int kind, const char *tok)
{
	if (kind > 0 && same_city(M, a, b))
		return false;
	if (kind > 1 && full_date(a->date) && full_date(b->date) && strcmp(a->date, b->date) == 0)
		return false;
	if (kind > 1)
		for (size_t i = 0; i < a->n_tokens; i++)
			if (strcmp(a->tokens[i], tok) < 0)
				for (size_t k = 0; k < b->n_tokens; k++)
					if (strcmp(a->tokens[i], b->tokens[k]) == 0)
						return false;
	return true;
}

/*
 * A name word that many events share is not distinctive ("Crescent" of
 * every "Red Crescent" source): drop the tokens of more than
 * MAX_TOKEN_GROUPS groups, from the blocks and from share_token alike.
 */
enum { MAX_TOKEN_GROUPS = 256 };

static void drop_common_tokens(group *g, block *b, size_t *nb)
{
	size_t k = 0;
	for (size_t x = 0; x < *nb;) {
		size_t y = x + 1;
		while (y < *nb && cmp_block_key(&b[x], &b[y]) == 0)
			y++;
		bool common = b[x].kind == 2 && y - x > MAX_TOKEN_GROUPS;
		for (size_t i = x; i < y; i++) {
			if (!common) {
				b[k++] = b[i];
				continue;
			}
			group *G = &g[b[i].g];
			size_t n = 0;
			for (size_t t = 0; t < G->n_tokens; t++)
				if (G->tokens[t] != b[i].s)
					G->tokens[n++] = G->tokens[t];
			G->n_tokens = n;
		}
		x = y;
	}
	*nb = k;
}

/* Steps 3 and 4 (see the top of the file). */
static rc_status merge_units(mctx *M, rc_error *err)
{
	unit *u = M->u;
	size_t n = M->n_u;
	block *blocks = NULL;
	size_t *ord = malloc((n ? n : 1) * sizeof(size_t));
	unit **by = malloc((n ? n : 1) * sizeof(unit *));
	if (!ord || !by) {
		free(ord);
		free(by);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	/* keys and exact matches: sorted, so that equal units are neighbours */
	for (size_t i = 0; i < n; i++)
		by[i] = &u[i];
	rc__qsort(by, n, sizeof *by, cmp_exact);
	for (size_t i = 1; i < n; i++)
		if (same_exact(M, by[i - 1], by[i]))
			unite(u, (size_t)(by[i - 1] - u), (size_t)(by[i] - u));
	free(by);
	/* groups: one per root, attributes of the root (exact groups are pure) */
	size_t ng = 0;
	for (size_t i = 0; i < n; i++)
		ord[i] = find(u, i) == i ? ng++ : (size_t)-1;
	group *g = calloc(ng ? ng : 1, sizeof(*g));
	size_t *tcap = calloc(ng ? ng : 1, sizeof(size_t));
	rc_status st = RC_OK;
	if (!g || !tcap) {
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		size_t r = find(u, i), gi = ord[r];
		group *G = &g[gi];
		G->root = r;
		G->type = u[r].type;
		G->place = u[r].place;
		G->date = u[r].date;
		G->type_i = u[r].type_i;
		G->place_i = u[r].place_i;
		if (u[i].key) {
			/* a user-defined event has the attributes its file gives it */
			const ev_def *d = rc__ev_def_find(M->defs, u[i].key);
			G->has_key = true;
			if (d && d->type) {
				G->type = d->type;
				G->type_i = rc__ev_type_index(M->tb, d->type);
			}
			if (d && d->place) {
				G->place = d->place;
				G->place_i = rc__ev_place_index(M->tb, d->place);
			}
			if (d && d->date)
				G->date = d->date;
		}
		/* the last distinctive word of each name: "Soleimani" of "Qassem
		 * Soleimani", but not "Hassan" of "Hassan Asgari" */
		const rc_mention *m = u[i].first;
		for (size_t k = 0; k < m->n_names; k++) {
			const char *s = m->names[k], *last = NULL;
			size_t last_n = 0;
			while (*s) {
				size_t w = strcspn(s, " ");
				if (w >= 4 && !rc__ev_in(&M->tb->weak_names, s, w) &&
				    !rc__ev_in(&M->tb->not_names, s, w)) {
					last = s;
					last_n = w;
				}
				s += w;
				s += strspn(s, " ");
			}
			if (last && !add_token(M, G, last, last_n, &tcap[gi])) {
				st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
				goto out;
			}
		}
	}
	/*
	 * Compatible pairs: only groups that share a blocking key can be.  The
	 * order pairs are found in does not matter: a group's neighbours are a
	 * set, and one with more than MAX_DEGREE of them is ambiguous whichever
	 * they are.
	 */
	size_t nb = 0;
	if (!(blocks = blocks_of(M, g, ng, &nb))) {
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		goto out;
	}
	drop_common_tokens(g, blocks, &nb);
	for (size_t x = 0; x < nb;) {
		size_t y = x + 1;
		while (y < nb && cmp_block_key(&blocks[x], &blocks[y]) == 0)
			y++;
		for (size_t bi = x; bi < y; bi++)
			for (size_t bj = bi + 1; bj < y; bj++) {
				size_t i = blocks[bi].g, j = blocks[bj].g;
				if (!first_shared(M, &g[i], &g[j], blocks[x].kind, blocks[x].s) ||
				    !groups_compatible(M, &g[i], &g[j]))
					continue;
				group *p[2] = {&g[i], &g[j]};
				size_t other[2] = {j, i};
				for (int s = 0; s < 2; s++) {
					if (p[s]->n_nb >= MAX_DEGREE) {
						p[s]->overflow = true;
						continue;
					}
					if (RC_GROW(p[s]->nb, p[s]->cap_nb, p[s]->n_nb + 1) != RC_OK) {
						st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
						goto out;
					}
					p[s]->nb[p[s]->n_nb++] = other[s];
				}
			}
		x = y;
	}
	/* ambiguous: two neighbours that cannot be one event */
	for (size_t i = 0; i < ng; i++) {
		group *G = &g[i];
		G->ambiguous = G->overflow;
		for (size_t x = 0; x < G->n_nb && !G->ambiguous; x++)
			for (size_t y = x + 1; y < G->n_nb && !G->ambiguous; y++)
				if (conflict(M, &g[G->nb[x]], &g[G->nb[y]]))
					G->ambiguous = true;
	}
	for (size_t i = 0; i < ng; i++)
		for (size_t x = 0; x < g[i].n_nb; x++) {
			size_t j = g[i].nb[x];
			if (!g[i].ambiguous && !g[j].ambiguous)
				unite(u, g[i].root, g[j].root);
		}
out:
	for (size_t i = 0; g && i < ng; i++) {
		free(g[i].tokens);
		free(g[i].nb);
	}
	free(g);
	free(tcap);
	free(ord);
	free(blocks);
	return st;
}

/* ---- events ------------------------------------------------------------ */

typedef struct tally {
	const char *s;
	size_t count;
} tally;

static void count(tally *t, size_t *n, const char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (strcasecmp(t[i].s, s) == 0) {
			t[i].count++;
			return;
		}
	t[(*n)++] = (tally){s, 1};
}

/* The most frequent, ties to the smallest string. */
static const char *top(const tally *t, size_t n)
{
	const char *best = NULL;
	size_t bc = 0;
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

/* Attributes of the event rooted at r from its units. */
static rc_status build_event(mctx *M, evb *E, size_t r, const size_t *members, size_t n_members,
                             const rc_event_defs *defs, tally *scratch, rc_error *err)
{
	const ev_tables *tb = M->tb;
	unit *u = M->u;
	size_t nt = 0, np = 0, nd = 0, nn = 0, ndoc = 0;
	tally *types = scratch, *places = scratch + M->n_u, *dates = scratch + 2 * M->n_u;
	const char *key = NULL;
	size_t name_cap = 0, doc_cap = 0;
	tally *names = NULL;
	const char **docs = NULL;
	rc_status st = RC_OK;
	int best_date_len = 0;
	bool fine_place = false, specific = false;
	for (size_t mi = 0; mi < n_members; mi++) {
		size_t i = members[mi];
		E->keep |= u[i].place || u[i].date || u[i].key || u[i].linked;
		if (u[i].key && (!key || strcmp(u[i].key, key) < 0))
			key = u[i].key;
		bool gen = rc__ev_type_generic(tb, u[i].type);
		if (!gen && !specific) {
			specific = true;
			nt = 0;
		}
		if (!gen || !specific)
			count(types, &nt, u[i].type);
		if (u[i].place) {
			int pi = u[i].place_i;
			bool fine = pi < 0 || tb->place[pi].country >= 0;
			if (fine && !fine_place) {
				fine_place = true;
				np = 0;
			}
			if (fine || !fine_place)
				count(places, &np, u[i].place);
		}
		if (u[i].date) {
			int len = (int)strlen(u[i].date);
			if (len > best_date_len) {
				best_date_len = len;
				nd = 0;
			}
			if (len == best_date_len)
				count(dates, &nd, u[i].date);
		}
		for (size_t x = 0; x < u[i].rec->n_mentions; x++) {
			const rc_mention *m = &u[i].rec->mentions[x];
			if (strcmp(eid_of(m), u[i].eid) != 0)
				continue;
			for (size_t k = 0; k < m->n_names; k++) {
				if (RC_GROW(names, name_cap, nn + 1) != RC_OK) {
					st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
					goto out;
				}
				count(names, &nn, m->names[k]);
			}
		}
		if (RC_GROW(docs, doc_cap, ndoc + 1) != RC_OK) {
			st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
			goto out;
		}
		docs[ndoc++] = u[i].rec->doc ? u[i].rec->doc : "";
	}
	rc_event *ev = &E->ev;
	rc_arena *a = M->a;
	ev->type = rc__arena_strdup(a, top(types, nt));
	ev->place = rc__arena_strdup(a, top(places, np));
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

rc_status rc__events_merge(rc_event **out, size_t *n_out, rc_arena *a,
                           rc_record *const *records, size_t n_records,
                           const rc_event_defs *defs, rc_error *err)
{
	*out = NULL;
	*n_out = 0;
	const ev_tables *tb = rc__ev_tables(err);
	if (!tb)
		return err ? err->status : RC_ERR_INVALID;
	mctx M = {.tb = tb, .a = a, .defs = defs};
	rc_status st = RC_OK;
	size_t total = 0;
	M.recs = malloc((n_records ? n_records : 1) * sizeof(*M.recs));
	M.unit_of = calloc(n_records ? n_records : 1, sizeof(*M.unit_of));
	if (!M.recs || !M.unit_of) {
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n_records; i++)
		if (records[i]) {
			M.recs[M.n_recs++] = records[i];
			total += records[i]->n_mentions;
		}
	rc__qsort(M.recs, M.n_recs, sizeof(*M.recs), cmp_rec);
	M.u = calloc(total ? total : 1, sizeof(*M.u));
	if (!M.u) {
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		goto out;
	}
	/* units: per record, mentions with the same event id, in id order */
	for (size_t r = 0; r < M.n_recs; r++) {
		const rc_record *rec = M.recs[r];
		M.unit_of[r] = malloc((rec->n_mentions ? rec->n_mentions : 1) * sizeof(size_t));
		if (!M.unit_of[r]) {
			st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
			goto out;
		}
		/* units in canonical order inside the record: by event id */
		const char **ids = malloc((rec->n_mentions ? rec->n_mentions : 1) * sizeof(char *));
		if (!ids) {
			st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
			goto out;
		}
		for (size_t k = 0; k < rec->n_mentions; k++)
			ids[k] = eid_of(&rec->mentions[k]);
		rc__qsort(ids, rec->n_mentions, sizeof(char *), cmp_str);
		size_t first = M.n_u, nid = 0;
		for (size_t k = 0; k < rec->n_mentions; k++)
			if (!nid || strcmp(ids[nid - 1], ids[k]) != 0)
				ids[nid++] = ids[k];
		for (size_t k = 0; k < nid; k++)
			M.u[M.n_u++] = (unit){.rec = rec, .rank = r, .eid = ids[k]};
		for (size_t k = 0; k < rec->n_mentions; k++) {
			const rc_mention *m = &rec->mentions[k];
			const char *eid = eid_of(m);
			const char **hit = bsearch(&eid, ids, nid, sizeof(char *), cmp_str);
			unit *U = &M.u[first + (size_t)(hit - ids)];
			M.unit_of[r][k] = (size_t)(U - M.u);
			if (U->first)
				continue;
			U->first = m;
			U->key = m->key;
			U->type = m->type ? m->type : "event";
			U->place = m->place;
			U->date = m->date;
			U->type_i = rc__ev_type_index(tb, U->type);
			U->place_i = rc__ev_place_index(tb, m->place);
		}
		free(ids);
		for (size_t k = 0; k < rec->n_claims; k++) {
			const rc_claim *c = &rec->claims[k];
			if (c->mention >= 0 && (size_t)c->mention < rec->n_mentions)
				M.u[M.unit_of[r][c->mention]].linked = true;
			for (size_t x = 0; x < c->n_mentions; x++)
				if (c->mentions[x] >= 0 && (size_t)c->mentions[x] < rec->n_mentions)
					M.u[M.unit_of[r][c->mentions[x]]].linked = true;
		}
	}
	for (size_t i = 0; i < M.n_u; i++)
		M.u[i].parent = i;
	if ((st = merge_units(&M, err)) != RC_OK)
		goto out;

	size_t ne = 0;
	for (size_t i = 0; i < M.n_u; i++)
		ne += find(M.u, i) == i;
	evb *E = rc__arena_calloc(a, ne + 1, sizeof(*E));
	tally *scratch = malloc((3 * M.n_u + 1) * sizeof(*scratch));
	size_t *ev_of_root = malloc((M.n_u + 1) * sizeof(size_t));
	/* the units of each root, ascending (a counting sort by root) */
	size_t *start = calloc(M.n_u + 1, sizeof(size_t));
	size_t *members = malloc((M.n_u + 1) * sizeof(size_t));
	if (!E || !scratch || !ev_of_root || !start || !members) {
		free(scratch);
		free(ev_of_root);
		free(start);
		free(members);
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < M.n_u; i++)
		start[find(M.u, i)]++;
	for (size_t i = 0, sum = 0; i <= M.n_u; i++) {
		size_t c = i < M.n_u ? start[i] : 0;
		start[i] = sum;
		sum += c;
	}
	for (size_t i = 0; i < M.n_u; i++)
		members[start[find(M.u, i)]++] = i;
	/* start[r] is now the end of r's run in members */
	size_t k = 0;
	for (size_t i = 0, from = 0; i < M.n_u && st == RC_OK; i++) {
		if (find(M.u, i) != i)
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
	if (st == RC_OK && !evs)
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	if (st != RC_OK) {
		free(ev_of_root);
		goto out;
	}
	for (size_t i = 0; i < M.n_u; i++)
		ev_of_root[i] = (size_t)-1;
	for (size_t i = 0; i < ne; i++)
		ev_of_root[E[i].root] = i;
	/* the claims take the merged ids */
	for (size_t r = 0; r < M.n_recs; r++) {
		rc_record *rec = (rc_record *)M.recs[r];
		for (size_t x = 0; x < rec->n_claims; x++) {
			rc_claim *c = &rec->claims[x];
			c->event = NULL;
			if (c->mention >= 0 && (size_t)c->mention < rec->n_mentions) {
				size_t e = ev_of_root[find(M.u, M.unit_of[r][c->mention])];
				c->event = e == (size_t)-1 ? NULL : E[e].ev.id;
			}
			size_t n = 0;
			for (size_t y = 0; y < c->n_mentions; y++) {
				if (c->mentions[y] < 0 || (size_t)c->mentions[y] >= rec->n_mentions)
					continue;
				size_t e = ev_of_root[find(M.u, M.unit_of[r][c->mentions[y]])];
				if (e == (size_t)-1)
					continue;
				bool dup = false;
				for (size_t z = 0; z < n && !dup; z++)
					dup = c->events[z] == E[e].ev.id;
				if (dup)
					continue;
				if (n == 0 && !(c->events = rc__arena_calloc(a, c->n_mentions, sizeof(char *)))) {
					free(ev_of_root);
					st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
					goto out;
				}
				c->events[n++] = E[e].ev.id;
			}
			c->n_events = n;
			if (n)
				c->event = c->events[0];
			else if (c->n_mentions)
				c->events = NULL;
		}
	}
	free(ev_of_root);
	for (size_t i = 0; i < ne; i++)
		evs[i] = E[i].ev;
	rc__qsort(evs, ne, sizeof(*evs), cmp_event);
	*out = evs;
	*n_out = ne;
out:
	for (size_t r = 0; M.unit_of && r < M.n_recs; r++)
		free(M.unit_of[r]);
	free(M.unit_of);
	free(M.recs);
	free(M.u);
	return st;
}

/* ---- public: rc_events_collect ----------------------------------------- */

struct rc_event_set_priv {
	rc_arena *arena;
};

rc_status rc_events_collect(rc_event_set **out, rc_record *const *records, size_t n,
                            const rc_event_defs *defs, rc_error *err)
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
	rc_status st = rc__events_merge(&set->events, &set->n_events, priv->arena, records, n,
	                                defs, err);
	if (st != RC_OK) {
		rc_event_set_free(set);
		return st;
	}
	*out = set;
	return RC_OK;
}

void rc_event_set_free(rc_event_set *set)
{
	if (!set)
		return;
	rc__arena_free(set->priv->arena);
	free(set->priv);
	free(set);
}
