/*
 * Internal to src/events: the vocabulary tables (data/events.json and
 * data/places.json, parsed once per process), the compiled --events file,
 * and small helpers shared by the map phase (mentions.c, link.c) and the
 * reduce phase (merge.c).
 */
#ifndef RC_EVENTS_INT_H
#define RC_EVENTS_INT_H

#include <stdbool.h>
#include <stddef.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <recount/event.h>
#include "core/core.h"

/* A phrase of lowercase words ("bomb blasts"), with what it stands for. */
typedef struct ev_phrase {
	char **words;
	size_t n;
	int value;          /* type index, place index, or days */
	int precision;      /* relative dates: 10 = day, 7 = month */
} ev_phrase;

typedef struct ev_type {
	char *name;
	char *klass;
	bool generic;
} ev_type;

/* A sorted set of lowercase words. */
typedef struct ev_words {
	char **w;
	size_t n;
} ev_words;

typedef struct ev_place {
	char *name;
	int country;        /* index of its country, or -1 */
} ev_place;

typedef struct ev_metric_pref {
	char *metric;
	int *types;
	size_t n;
} ev_metric_pref;

typedef struct ev_tables {
	ev_type *types;
	size_t n_types;
	ev_phrase *nouns;   /* sorted by first word, longest first */
	size_t n_nouns;
	ev_phrase *places;  /* names and aliases, sorted likewise */
	size_t n_place_phrases;
	ev_place *place;
	size_t n_places;
	ev_phrase *not_events;  /* "fire service": no event */
	size_t n_not_events;
	ev_phrase *categories;  /* "including", "such as": a list follows */
	size_t n_categories;
	ev_phrase *relative;
	size_t n_relative;
	ev_metric_pref *prefs;
	size_t n_prefs;
	ev_words modifiers, not_event_before, not_date_before, clause_openers, preps, place_lead, place_skip, verb_markers, report_verbs, not_names, weak_names;
	char *months[12], *month_abbrevs[12], *weekdays[7];
	rc_arena *arena;
} ev_tables;

/* The built-in tables, parsed on first use (thread-safe); NULL if the
 * embedded data is broken, with the reason in err. */
const ev_tables *rc__ev_tables(rc_error *err);

/* Whether the lowercase of s[0..n) is in the set. */
bool rc__ev_in(const ev_words *set, const char *s, size_t n);

/* Longest phrase of list starting at word toks[0] (words as spans of text);
 * returns its length in words (0: none) and the phrase in *hit. */
typedef struct ev_span {
	size_t start, end;
} ev_span;
size_t rc__ev_phrase_match(const ev_phrase *list, size_t n_list, const char *text,
                           const ev_span *toks, size_t n_toks, const ev_phrase **hit);

/* Index of a type name, or -1. */
int rc__ev_type_index(const ev_tables *tb, const char *name);
/* Same type, or same class with at least one generic. Unknown types are
 * compatible only with themselves. */
bool rc__ev_types_compatible(const ev_tables *tb, const char *a, const char *b);
/* The same for two known types by table index (-1, unknown: false). */
bool rc__ev_type_indices_compatible(const ev_tables *tb, int ia, int ib);
bool rc__ev_type_generic(const ev_tables *tb, const char *name);
/* Whether a place is a country (a gazetteer place with no country). */
bool rc__ev_place_is_country(const ev_tables *tb, const char *name);
bool rc__ev_place_index_is_country(const ev_tables *tb, int i);
/* Index of a canonical place name, or -1. */
int rc__ev_place_index(const ev_tables *tb, const char *name);
/* Equal (case-insensitively), or one is the country of the other when
 * coarse is true.  NULL is compatible with anything. */
bool rc__ev_places_compatible(const ev_tables *tb, const char *a, const char *b, bool coarse);
/* Is one of two gazetteer places (by index; -1: false) the country of the other? */
bool rc__ev_place_indices_within(const ev_tables *tb, int ia, int ib);
/* Dates "YYYY-MM-DD" / "YYYY-MM": equal, or one is a prefix of the other,
 * or one is missing. */
bool rc__ev_dates_compatible(const char *a, const char *b);
/* Lowercase ASCII slug: "Crocus City Hall" -> "crocus-city-hall". */
char *rc__ev_slug(rc_arena *a, const char *s);

/* ---- the --events file ---------------------------------------------- */

typedef struct ev_def {
	char *id, *label, *date, *place, *type;
	pcre2_code **pats;
	size_t n_pats;
} ev_def;

struct rc_event_defs {
	ev_def *defs;      /* in file order */
	size_t n;
	pcre2_match_context *mctx;
	rc_arena *arena;
};

/* The definition with this id, or NULL. */
const ev_def *rc__ev_def_find(const rc_event_defs *defs, const char *id);

/* The first alias match of def in subject[start..end): returns true and
 * the match span.  md is the caller's match data (one per thread). */
bool rc__ev_def_match(const rc_event_defs *defs, const ev_def *def, const char *subject,
                      size_t start, size_t end, pcre2_match_data *md, size_t *ms,
                      size_t *me);

#endif
