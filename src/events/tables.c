/*
 * Events stage: the vocabulary.  data/events.json (event nouns with their
 * canonical types, modifiers, place and date words) and data/places.json
 * (a small gazetteer) are embedded in the library and parsed once per
 * process into sorted tables; lookups are binary searches, so the map
 * phase does no allocation or compilation per document for them.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>
#include "events/events-int.h"

extern const char rc__data_events[];
extern const size_t rc__data_events_len;
extern const char rc__data_places[];
extern const size_t rc__data_places_len;

static ev_tables g_tables;
static rc_error g_err;
static bool g_ok;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

/* Compare the lowercase of s[0..n) with the lowercase word w. */
static int cmp_lower(const char *s, size_t n, const char *w)
{
	size_t i = 0;
	for (; i < n && w[i]; i++) {
		int a = rc__lower((unsigned char)s[i]), b = (unsigned char)w[i];
		if (a != b)
			return a - b;
	}
	if (i < n)
		return 1;
	return w[i] ? -1 : 0;
}

bool rc__ev_in(const ev_words *set, const char *s, size_t n)
{
	size_t lo = 0, hi = set->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = cmp_lower(s, n, set->w[mid]);
		if (c == 0)
			return true;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return false;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted by first word, then longest first, then the rest of the words. */
static int cmp_phrase(const void *pa, const void *pb)
{
	const ev_phrase *a = pa, *b = pb;
	int c = strcmp(a->words[0], b->words[0]);
	if (c)
		return c;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	for (size_t i = 1; i < a->n; i++)
		if ((c = strcmp(a->words[i], b->words[i])) != 0)
			return c;
	return 0;
}

size_t rc__ev_phrase_match(const ev_phrase *list, size_t n_list, const char *text,
                           const ev_span *toks, size_t n_toks, const ev_phrase **hit)
{
	if (!n_toks)
		return 0;
	const char *s = text + toks[0].start;
	size_t n = toks[0].end - toks[0].start;
	size_t lo = 0, hi = n_list;
	/* lower bound of the first word */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cmp_lower(s, n, list[mid].words[0]) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < n_list && cmp_lower(s, n, list[i].words[0]) == 0; i++) {
		const ev_phrase *p = &list[i];
		if (p->n > n_toks)
			continue;
		size_t k = 1;
		for (; k < p->n; k++)
			if (cmp_lower(text + toks[k].start, toks[k].end - toks[k].start, p->words[k]))
				break;
		if (k == p->n) {
			*hit = p;
			return p->n;
		}
	}
	return 0;
}

static char *lower_dup(rc_arena *a, const char *s, size_t n)
{
	char *d = rc__arena_strndup(a, s, n);
	if (d)
		for (char *p = d; *p; p++)
			*p = (char)rc__lower((unsigned char)*p);
	return d;
}

/* Split a phrase into lowercase words on spaces. */
static bool make_phrase(rc_arena *a, ev_phrase *p, const char *s, int value)
{
	size_t cap = 1;
	for (const char *q = s; *q; q++)
		cap += *q == ' ';
	p->words = rc__arena_calloc(a, cap, sizeof(char *));
	p->n = 0;
	p->value = value;
	p->precision = 10;
	if (!p->words)
		return false;
	while (*s) {
		while (*s == ' ')
			s++;
		size_t n = strcspn(s, " ");
		if (!n)
			break;
		if (!(p->words[p->n++] = lower_dup(a, s, n)))
			return false;
		s += n;
	}
	return p->n > 0;
}

static bool load_words(rc_arena *a, ev_words *set, const json_t *arr)
{
	size_t n = json_array_size(arr);
	set->w = rc__arena_calloc(a, n ? n : 1, sizeof(char *));
	set->n = 0;
	if (!set->w)
		return false;
	for (size_t i = 0; i < n; i++) {
		const char *s = json_string_value(json_array_get(arr, i));
		if (!s)
			return false;
		if (!(set->w[set->n++] = lower_dup(a, s, strlen(s))))
			return false;
	}
	rc__qsort(set->w, set->n, sizeof(char *), cmp_str);
	return true;
}

/* A sorted list of phrases. */
static bool load_phrases(rc_arena *a, ev_phrase **out, size_t *n, const json_t *arr)
{
	*out = rc__arena_calloc(a, json_array_size(arr) + 1, sizeof(**out));
	*n = 0;
	if (!*out)
		return false;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		const char *w = json_string_value(json_array_get(arr, i));
		if (!w || !make_phrase(a, &(*out)[(*n)++], w, 0))
			return false;
	}
	rc__qsort(*out, *n, sizeof(**out), cmp_phrase);
	return true;
}

static bool load_list(rc_arena *a, char **out, size_t want, const json_t *arr)
{
	if (json_array_size(arr) != want)
		return false;
	for (size_t i = 0; i < want; i++) {
		const char *s = json_string_value(json_array_get(arr, i));
		if (!s || !(out[i] = lower_dup(a, s, strlen(s))))
			return false;
	}
	return true;
}

static const char *load_events(ev_tables *tb, const json_t *root)
{
	rc_arena *a = tb->arena;
	const json_t *types = json_object_get(root, "types");
	size_t nt = json_array_size(types), nn = 0;
	if (!nt)
		return "events.json: no types";
	tb->types = rc__arena_calloc(a, nt, sizeof(*tb->types));
	for (size_t i = 0; i < nt; i++)
		nn += json_array_size(json_object_get(json_array_get(types, i), "nouns"));
	tb->nouns = rc__arena_calloc(a, nn ? nn : 1, sizeof(*tb->nouns));
	if (!tb->types || !tb->nouns)
		return "out of memory";
	for (size_t i = 0; i < nt; i++) {
		const json_t *t = json_array_get(types, i);
		const char *name = json_string_value(json_object_get(t, "type"));
		const char *klass = json_string_value(json_object_get(t, "class"));
		if (!name || !klass)
			return "events.json: a type without type or class";
		tb->types[i].name = rc__arena_strdup(a, name);
		tb->types[i].klass = rc__arena_strdup(a, klass);
		tb->types[i].generic = json_is_true(json_object_get(t, "generic"));
		const json_t *nouns = json_object_get(t, "nouns");
		for (size_t k = 0; k < json_array_size(nouns); k++) {
			const char *s = json_string_value(json_array_get(nouns, k));
			if (!s || !make_phrase(a, &tb->nouns[tb->n_nouns++], s, (int)i))
				return "events.json: bad noun";
		}
	}
	tb->n_types = nt;
	rc__qsort(tb->nouns, tb->n_nouns, sizeof(*tb->nouns), cmp_phrase);

	const json_t *mt = json_object_get(root, "metric_types");
	const char *key;
	const json_t *val;
	tb->prefs = rc__arena_calloc(a, json_object_size(mt) + 1, sizeof(*tb->prefs));
	if (!tb->prefs)
		return "out of memory";
	json_object_foreach((json_t *)mt, key, val) {
		if (!json_is_array(val))
			continue;
		ev_metric_pref *p = &tb->prefs[tb->n_prefs++];
		p->metric = rc__arena_strdup(a, key);
		p->types = rc__arena_calloc(a, json_array_size(val) + 1, sizeof(int));
		if (!p->metric || !p->types)
			return "out of memory";
		for (size_t k = 0; k < json_array_size(val); k++) {
			int ti = rc__ev_type_index(tb, json_string_value(json_array_get(val, k)));
			if (ti < 0)
				return "events.json: metric_types names an unknown type";
			p->types[p->n++] = ti;
		}
	}

	if (!load_words(a, &tb->modifiers, json_object_get(root, "modifiers")) ||
	    !load_words(a, &tb->preps, json_object_get(root, "place_prepositions")) ||
	    !load_words(a, &tb->not_event_before, json_object_get(root, "not_event_before")) ||
	    !load_words(a, &tb->not_date_before, json_object_get(root, "not_date_before")) ||
	    !load_words(a, &tb->clause_openers, json_object_get(root, "clause_openers")) ||
	    !load_words(a, &tb->place_lead, json_object_get(root, "place_lead")) ||
	    !load_words(a, &tb->place_skip, json_object_get(root, "place_skip")) ||
	    !load_words(a, &tb->verb_markers, json_object_get(root, "verb_markers")) ||
	    !load_words(a, &tb->report_verbs, json_object_get(root, "report_verbs")) ||
	    !load_words(a, &tb->not_names, json_object_get(root, "not_names")) ||
	    !load_words(a, &tb->weak_names, json_object_get(root, "weak_name_words")))
		return "events.json: bad word list";
	if (!load_list(a, tb->months, 12, json_object_get(root, "months")) ||
	    !load_list(a, tb->month_abbrevs, 12, json_object_get(root, "month_abbrevs")) ||
	    !load_list(a, tb->weekdays, 7, json_object_get(root, "weekdays")))
		return "events.json: months, month_abbrevs or weekdays incomplete";

	if (!load_phrases(a, &tb->categories, &tb->n_categories, json_object_get(root, "category_cues")) ||
	    !load_phrases(a, &tb->not_events, &tb->n_not_events, json_object_get(root, "not_events")))
		return "events.json: bad category_cues or not_events";

	const json_t *rel = json_object_get(root, "relative_dates");
	tb->relative = rc__arena_calloc(a, json_array_size(rel) + 1, sizeof(*tb->relative));
	if (!tb->relative)
		return "out of memory";
	for (size_t i = 0; i < json_array_size(rel); i++) {
		const json_t *r = json_array_get(rel, i);
		const char *w = json_string_value(json_object_get(r, "words"));
		const char *prec = json_string_value(json_object_get(r, "precision"));
		ev_phrase *p = &tb->relative[tb->n_relative++];
		if (!w || !json_is_integer(json_object_get(r, "days")) ||
		    !make_phrase(a, p, w, (int)json_integer_value(json_object_get(r, "days"))))
			return "events.json: bad relative date";
		p->precision = prec && strcmp(prec, "month") == 0 ? 7 : 10;
	}
	rc__qsort(tb->relative, tb->n_relative, sizeof(*tb->relative), cmp_phrase);
	return NULL;
}

static const char *load_places(ev_tables *tb, const json_t *root)
{
	rc_arena *a = tb->arena;
	const json_t *places = json_object_get(root, "places");
	size_t n = json_array_size(places), nph = 0;
	tb->place = rc__arena_calloc(a, n + 1, sizeof(*tb->place));
	for (size_t i = 0; i < n; i++)
		nph += 1 + json_array_size(json_object_get(json_array_get(places, i), "aliases"));
	tb->places = rc__arena_calloc(a, nph + 1, sizeof(*tb->places));
	if (!tb->place || !tb->places)
		return "out of memory";
	for (size_t i = 0; i < n; i++) {
		const json_t *p = json_array_get(places, i);
		const char *name = json_string_value(json_object_get(p, "name"));
		if (!name)
			return "places.json: a place without name";
		tb->place[i].name = rc__arena_strdup(a, name);
		tb->place[i].country = -1;
		if (!make_phrase(a, &tb->places[tb->n_place_phrases++], name, (int)i))
			return "places.json: bad name";
		const json_t *al = json_object_get(p, "aliases");
		for (size_t k = 0; k < json_array_size(al); k++) {
			const char *s = json_string_value(json_array_get(al, k));
			if (!s || !make_phrase(a, &tb->places[tb->n_place_phrases++], s, (int)i))
				return "places.json: bad alias";
		}
	}
	tb->n_places = n;
	for (size_t i = 0; i < n; i++) {
		const char *c = json_string_value(json_object_get(json_array_get(places, i), "country"));
		if (c && (tb->place[i].country = rc__ev_place_index(tb, c)) < 0)
			return "places.json: unknown country";
	}
	rc__qsort(tb->places, tb->n_place_phrases, sizeof(*tb->places), cmp_phrase);
	return NULL;
}

static void load_once(void)
{
	ev_tables *tb = &g_tables;
	const char *why = NULL;
	json_error_t je;
	json_t *ev = NULL, *pl = NULL;
	if (!(tb->arena = rc__arena_new(32768))) {
		why = "out of memory";
		goto out;
	}
	ev = json_loadb(rc__data_events, rc__data_events_len, 0, &je);
	pl = json_loadb(rc__data_places, rc__data_places_len, 0, &je);
	if (!ev || !pl) {
		why = "embedded events.json or places.json is not valid JSON";
		goto out;
	}
	if ((why = load_places(tb, pl)) == NULL)
		why = load_events(tb, ev);
out:
	json_decref(ev);
	json_decref(pl);
	if (why)
		rc__error_set(&g_err, RC_ERR_INVALID, "%s", why);
	g_ok = why == NULL;
}

const ev_tables *rc__ev_tables(rc_error *err)
{
	pthread_once(&g_once, load_once);
	if (!g_ok) {
		if (err)
			*err = g_err;
		return NULL;
	}
	return &g_tables;
}

int rc__ev_type_index(const ev_tables *tb, const char *name)
{
	if (name)
		for (size_t i = 0; i < tb->n_types; i++)
			if (strcmp(tb->types[i].name, name) == 0)
				return (int)i;
	return -1;
}

bool rc__ev_type_generic(const ev_tables *tb, const char *name)
{
	int i = rc__ev_type_index(tb, name);
	return i >= 0 && tb->types[i].generic;
}

bool rc__ev_types_compatible(const ev_tables *tb, const char *a, const char *b)
{
	if (!a || !b)
		return true;
	if (strcmp(a, b) == 0)
		return true;
	return rc__ev_type_indices_compatible(tb, rc__ev_type_index(tb, a), rc__ev_type_index(tb, b));
}

bool rc__ev_type_indices_compatible(const ev_tables *tb, int ia, int ib)
{
	if (ia < 0 || ib < 0)
		return false;
	return ia == ib || (strcmp(tb->types[ia].klass, tb->types[ib].klass) == 0 &&
	                    (tb->types[ia].generic || tb->types[ib].generic));
}

int rc__ev_place_index(const ev_tables *tb, const char *name)
{
	if (name)
		for (size_t i = 0; i < tb->n_places; i++)
			if (strcasecmp(tb->place[i].name, name) == 0)
				return (int)i;
	return -1;
}

bool rc__ev_place_is_country(const ev_tables *tb, const char *name)
{
	return rc__ev_place_index_is_country(tb, rc__ev_place_index(tb, name));
}

bool rc__ev_place_index_is_country(const ev_tables *tb, int i)
{
	return i >= 0 && tb->place[i].country < 0;
}

bool rc__ev_places_compatible(const ev_tables *tb, const char *a, const char *b, bool coarse)
{
	if (!a || !b || strcasecmp(a, b) == 0)
		return true;
	if (!coarse)
		return false;
	return rc__ev_place_indices_within(tb, rc__ev_place_index(tb, a), rc__ev_place_index(tb, b));
}

bool rc__ev_place_indices_within(const ev_tables *tb, int ia, int ib)
{
	if (ia < 0 || ib < 0)
		return false;
	return tb->place[ia].country == ib || tb->place[ib].country == ia;
}

bool rc__ev_dates_compatible(const char *a, const char *b)
{
	if (!a || !b)
		return true;
	size_t na = strlen(a), nb = strlen(b);
	return strncmp(a, b, na < nb ? na : nb) == 0;
}

char *rc__ev_slug(rc_arena *a, const char *s)
{
	size_t n = strlen(s);
	/* Non-ASCII letters are case-folded by Unicode's rules ("BOGOTÁ" ->
	 * "bogotá"); the loop below lowers ASCII. */
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80) {
			if (!(s = rc__utf8_casefold(a, s, n)))
				return NULL;
			n = strlen(s);
			break;
		}
	char *d = rc__arena_alloc(a, n + 1);
	if (!d)
		return NULL;
	size_t k = 0;
	bool dash = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (rc__is_alnum(c) || c >= 0x80) {
			if (dash && k)
				d[k++] = '-';
			d[k++] = (char)rc__lower(c);
			dash = false;
		} else if (c != '\'') {
			dash = true;
		}
	}
	d[k] = 0;
	return d;
}
