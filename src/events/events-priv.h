/*
 * Internal: the events stage as the stages above it call it.
 *   map phase (per document, called from rc_record_extract):
 *     rc__mentions_find() then rc__claims_link();
 *   reduce phase (src/reconcile/merge.c): the vocabulary tables and their
 *     queries below, and the fields of --events definitions.
 */
#ifndef RC_EVENTS_PRIV_H
#define RC_EVENTS_PRIV_H

#include <recount/document.h>
#include <recount/claim.h>
#include <recount/event.h>
#include "core/core.h"
#include "segment/segment.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/*
 * Find the event mentions in a document body.  The mentions (and their
 * strings) are allocated from a; dates are resolved against
 * doc->published when it is set.
 */
rc_status rc__mentions_find(rc_mention **out, size_t *n_out, rc_arena *a,
                            const rc_document *doc, const rc_text *t,
                            const rc_segments *seg, const rc_event_defs *defs,
                            rc_error *err);

/*
 * Link each claim to the mention its clause, sentence or paragraph speaks
 * of (claim->mention, or claim->mentions for aggregates) and set
 * claim->event to the mention's local_id (or its key from an events file).
 * Claims with no mention in reach keep mention = -1 and event = NULL.
 */
rc_status rc__claims_link(rc_claim *claims, size_t n_claims,
                          const rc_mention *mentions, size_t n_mentions,
                          const rc_text *t, const rc_segments *seg, rc_arena *a,
                          rc_error *err);

/* ---- the vocabulary: data/events.json and data/places.json ----------- */

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

/* ---- the --events file, as the merge reads it ------------------------ */

typedef struct ev_def {
	char *id, *label, *date, *place, *type;
	pcre2_code **pats;
	size_t n_pats;
} ev_def;

/* The definition with this id, or NULL. */
const ev_def *rc__ev_def_find(const rc_event_defs *defs, const char *id);

#endif
