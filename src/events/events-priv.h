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

/* A word as a span of text, with its entry in the vocabulary's word
 * dictionary when the caller looked it up (rc__ev_word): 0 not looked up,
 * EV_NO_WORD in none of the tables, else the entry's index + 1. */
typedef struct ev_span_t {
	size_t start, end;
	int32_t w;
} ev_span_t;

enum { EV_NO_WORD = -1 };

/*
 * What the map phase learned about a document's events, for the linker:
 * the document's primary event, the event of each mention, and which
 * sentences are historical (about a past event).  Allocated from the
 * scratch arena given to rc__mentions_find; valid while it lives.
 */
typedef struct rc__ev_doc rc__ev_doc;

/* A warning of the map phase about this document (an --events pattern
 * that hit a PCRE2 limit or the document's pattern budget): its message
 * (in the scratch arena) and the 1-based line of the text it concerns, or
 * 0 for the whole document. */
typedef struct rc__ev_warning {
	const char *message;
	size_t line;
} rc__ev_warning;

/*
 * Find the event mentions in a document body and group them into the
 * document's events (its primary event and background events).  The
 * mentions (and their strings) are allocated from a, everything else from
 * scratch (which may be a); dates are resolved against doc->published when
 * it is set.  *ds receives the document structure for rc__claims_link().
 */
rc_status rc__mentions_find(rc_mention **out, size_t *n_out, rc_arena *a, rc_arena *scratch,
                            const rc_event_vocab *vocab, const rc_document *doc,
                            const rc_text *t, const rc_segments *seg,
                            const rc_event_defs *defs, rc__ev_doc **ds, rc_error *err);

/* The warnings of a document (NULL, 0 when there are none). */
const rc__ev_warning *rc__ev_doc_warnings(const rc__ev_doc *ds, size_t *n);

/*
 * Link each claim to the mention its clause, sentence or paragraph speaks
 * of (claim->mention, or claim->mentions for aggregates) and set
 * claim->event to the mention's local_id (or its key from an events file).
 * A claim with no mention in reach links to the document's primary event
 * (its first mention) unless its sentence is historical.  Claims with no
 * event keep mention = -1 and event = NULL.  ds may be NULL (no primary
 * event, no historical sentences).
 */
rc_status rc__claims_link(rc_claim *claims, size_t n_claims,
                          const rc_mention *mentions, size_t n_mentions,
                          const rc__ev_doc *ds, const rc_text *t, const rc_segments *seg,
                          rc_arena *a, rc_error *err);

/* ---- the vocabulary: data/events.json and data/places.json ----------- */

/* A phrase of lowercase words ("bomb blasts"), with what it stands for. */
typedef struct ev_phrase {
	char **words;
	size_t n;
	int value;          /* type index, place index, or days */
	int precision;      /* relative dates: 10 = day, 7 = month, 4 = year */
	int years;          /* relative dates: whole years back ("a year ago today") */
} ev_phrase;

enum { EV_MAX_FAMILIES = 32 };

typedef struct ev_type {
	char *name;
	uint32_t families;  /* bit i: families[i] of data/events.json */
	bool generic;       /* gives way to a specific type in labels */
	bool follow_up;     /* role "follow-up": arrests, raids, operations */
	bool regional;      /* extent "region": one event spans a region (floods, storms) */
} ev_type;

/* A sorted set of lowercase words; bit: its bit in the word dictionary's
 * set masks (ev_word.sets), -1 when it has none. */
typedef struct ev_words {
	char **w;
	size_t n;
	int bit;
} ev_words;

/* The phrase lists of the vocabulary, as the word dictionary indexes them. */
typedef enum {
	EV_PL_NOUNS, EV_PL_NOT_EVENTS, EV_PL_CATEGORIES, EV_PL_ACTORS, EV_PL_CAPTIONS,
	EV_PL_RELATIVE, EV_PL_COUNT_
} ev_plist;

/*
 * One word of the vocabulary's word dictionary: every word the map phase
 * looks a token up for (the members of the word sets, the first words of
 * the phrase lists and of the gazetteer's names, months and weekdays),
 * with all it is there, so that a token is looked up once (one hash probe)
 * instead of once per table by binary search.
 */
typedef struct ev_word {
	const char *w;      /* the word as the tables hold it (lowercase), n bytes */
	uint32_t n;
	uint32_t gaz;       /* first gazetteer phrase with this first word, + 1; 0: none */
	uint32_t gaz_n;     /* gazetteer phrases from that one on with this first word */
	uint64_t sets;      /* bit b: a member of the word set whose bit is b */
	int16_t first[EV_PL_COUNT_]; /* first phrase of each list with this first word, -1 */
	int8_t month;       /* 1-12 (months, abbreviations, extra abbreviations), 0 */
	int8_t weekday;     /* 0 = Monday .. 6, -1 */
} ev_word;

typedef enum { EV_COUNTRY, EV_REGION, EV_CITY } ev_place_kind;

/*
 * The gazetteer is compiled at build time (src/events/gazetteer.py over
 * data/places.json) into read-only tables without pointers: strings are
 * offsets into one pool.  Nothing of it is parsed or allocated at run time.
 */
typedef struct ev_place {
	uint32_t name;      /* display name, unique ("Saint-Denis, France"): offset in the pool */
	int32_t parent;     /* enclosing place, -1 for a country */
	int32_t country;    /* its country (itself for a country) */
	uint32_t pop;
	uint8_t kind;       /* ev_place_kind */
	uint8_t common;     /* its name is an English word: matched only as "Name, Parent" */
} ev_place;

/* A name or alias as the matcher compares it: lowercase ASCII words joined
 * by one space ("saint-denis, france"), with the place it names. */
typedef struct ev_gphrase {
	uint32_t text;      /* offset in the pool */
	uint32_t n;         /* words */
	int32_t place;
} ev_gphrase;

typedef struct ev_gazetteer {
	const char *pool;
	size_t pool_len;
	const ev_place *place;  /* parents before their children; countries first */
	size_t n_places, n_countries;
	const ev_gphrase *phrase; /* by first word, longest first, the other words, place */
	size_t n_phrases;
	const int32_t *by_name; /* place indices by display name, ASCII case ignored */
} ev_gazetteer;

/* The compiled gazetteer (generated gazetteer.c). */
extern const ev_gazetteer rc__gazetteer;

typedef struct ev_metric_pref {
	char *metric;
	int *types;
	size_t n;
} ev_metric_pref;

typedef struct rc_event_vocab {
	ev_type *types;
	size_t n_types;
	char *families[EV_MAX_FAMILIES];
	size_t n_families;
	uint32_t neutral_families; /* compatible with every family, evidence for none */
	uint32_t coordinated;   /* families whose events span places and types (attacks) */
	ev_phrase *nouns;   /* sorted by first word, longest first */
	size_t n_nouns;
	const ev_place *place;  /* the gazetteer's places (rc__gazetteer) */
	size_t n_places, n_countries;
	ev_phrase *not_events;  /* "fire service": no event */
	size_t n_not_events;
	ev_phrase *categories;  /* "including", "such as": a list follows */
	size_t n_categories;
	ev_phrase *actors;      /* "gunmen": the type, but no date or place of their own */
	size_t n_actors;
	ev_phrase *captions;    /* "Photo:": a caption, not reporting */
	size_t n_captions;
	ev_phrase *relative;
	size_t n_relative;
	ev_metric_pref *prefs;
	size_t n_prefs;
	int *avoid;             /* types other metrics do not link to */
	size_t n_avoid;
	ev_words modifiers, not_event_before, not_date_before, clause_openers, preps, gaz_preps,
	    place_lead, place_skip, verb_markers, report_verbs, not_names, weak_names, offset_units,
	    offset_words, toll_preps, venue_words, definite, venue_preps, group_refs, thing_verbs, month_leads, past_month_leads, year_leads,
	    place_links, within_preps, date_relatives, date_openers, verb_homographs, verb_subjects,
	    superlatives;
	char **demonym_endings;  /* longest first */
	size_t n_demonym_endings;
	int default_type;        /* of a sentence an --events alias names without a noun */
	int unnamed_type;        /* of the event of a story that names none, or -1 */
	char *months[12], *month_abbrevs[12], *weekdays[7];
	char *month_extra[8];
	int month_extra_value[8];
	size_t n_month_extra;
	ev_word *dict;          /* the word dictionary (tables.c) */
	size_t n_dict;
	uint64_t *dict_slot;    /* open addressing: hash << 32 | (index + 1), 0 empty */
	size_t dict_mask;
	rc_arena *arena;
} ev_tables;

/* The built-in tables are an rc_event_vocab (event.h): rc_event_vocab_new()
 * parses them; an engine or an extractor owns one and passes it down. */

/* Whether the lowercase of s[0..n) is in the set. */
bool rc__ev_in(const ev_words *set, const char *s, size_t n);

/* The dictionary entry of the lowercase of s[0..n) as an ev_span_t.w:
 * its index + 1, or EV_NO_WORD. */
int32_t rc__ev_word(const ev_tables *tb, const char *s, size_t n);

/* rc__ev_word for a caller that hashed the word as it read it: h is
 * rc__hash64_nocase(s, n). */
int32_t rc__ev_word_hashed(const ev_tables *tb, const char *s, size_t n, uint64_t h);

/* The longest phrase of one of the vocabulary's lists that starts at word
 * toks[0]: its length in words (0: none) and the phrase in *hit.  With
 * toks[0].w set, the list is entered through the word dictionary without
 * a search. */
size_t rc__ev_list_match(const ev_tables *tb, ev_plist list, const char *text,
                         const ev_span_t *toks, size_t n_toks, const ev_phrase **hit);

/* rc__ev_in for a word looked up with rc__ev_word (w != 0). */
static inline bool rc__ev_word_in(const ev_tables *tb, int32_t w, const ev_words *set)
{
	return w > 0 && set->bit >= 0 && (tb->dict[w - 1].sets >> set->bit & 1);
}

/* Index of a type name, or -1. */
int rc__ev_type_index(const ev_tables *tb, const char *name);
/* The families of a type name (0 when unknown). */
uint32_t rc__ev_type_families(const ev_tables *tb, const char *name);
/* Two sets of families that can describe one event: they share a family,
 * or one is neutral (arrests go with anything).  0 (unknown) matches only
 * 0. */
bool rc__ev_families_compatible(const ev_tables *tb, uint32_t a, uint32_t b);
/* The same for type names: equal, or compatible families.  NULL is
 * compatible with anything. */
bool rc__ev_types_compatible(const ev_tables *tb, const char *a, const char *b);
bool rc__ev_type_generic(const ev_tables *tb, const char *name);

/* The display name of place i ("Colombo, Sri Lanka"). */
static inline const char *rc__ev_place_name(const ev_tables *tb, int i)
{
	return rc__gazetteer.pool + tb->place[i].name;
}
/* Index of a place by its display name (case-insensitive), or -1. */
int rc__ev_place_index(const ev_tables *tb, const char *name);
/* Whether place `outer` is place `inner` or encloses it (indices; -1: false). */
bool rc__ev_place_encloses(const ev_tables *tb, int outer, int inner);
/* Every place of the longest gazetteer phrase starting at toks[0]: up to
 * max indices in out (namesakes: "Saint-Denis" is in France and in
 * Reunion); returns how many, with the phrase length in words in *len. */
size_t rc__ev_place_match(const ev_tables *tb, const char *text, const ev_span_t *toks,
                          size_t n_toks, size_t *len, int *out, size_t max);

/*
 * A place as records write it: a gazetteer name ("Colombo, Sri Lanka"),
 * a name the gazetteer lacks ("Mina"), or such a name with the known place
 * the text put after it ("Mina, Saudi Arabia").
 */
typedef struct ev_pref {
	int idx;            /* gazetteer place, or -1 */
	int within;         /* for an unknown name: the known place it lies in, or -1 */
	const char *leaf;   /* the unknown name (not terminated: leaf_n bytes), or NULL */
	size_t leaf_n;
} ev_pref;
ev_pref rc__ev_place_ref(const ev_tables *tb, const char *s);
/* The country of a place reference, or -1. */
int rc__ev_pref_country(const ev_tables *tb, const ev_pref *p);

typedef enum {
	EV_PLACE_NONE,      /* one is missing, or nothing is known of how they relate */
	EV_PLACE_SAME,      /* the same place */
	EV_PLACE_WITHIN,    /* one encloses the other */
	EV_PLACE_SIBLING,   /* different places of one country */
	EV_PLACE_FOREIGN    /* places in different countries */
} ev_place_rel;
/* How two place references relate; *finer gets the kind (ev_place_kind)
 * of the finer of two places in EV_PLACE_WITHIN and the coarser's in
 * *coarser. */
ev_place_rel rc__ev_place_relation(const ev_tables *tb, const ev_pref *a, const ev_pref *b,
                                   int *finer, int *coarser);
/* How fine a place reference is: its ev_place_kind, a name the gazetteer
 * lacks finest of all. */
int rc__ev_place_depth(const ev_tables *tb, const ev_pref *p);
/* Does place p hold place q: the same, or q inside it? */
bool rc__ev_place_holds(const ev_tables *tb, const ev_pref *p, const ev_pref *q);
/* A place of a tally for rc__ev_finest_place: its reference, its votes,
 * and its name for ties (the smaller first; NULL: the earlier place wins). */
typedef struct ev_place_vote {
	ev_pref place;
	double votes;
	const char *name;
} ev_place_vote;
/* Of the tally's places v[0..n), the index of the finest that holds at least half
 * of all the votes and lies in *inside (NULL: anywhere), more support
 * first; -1 when none does.  A document event's place and a merged event's
 * are both chosen so (docs/events.md). */
long rc__ev_finest_place(const ev_tables *tb, const ev_place_vote *v, size_t n, const ev_pref *inside);

/* Days since 1970-01-01 of a date "YYYY-MM-DD", "YYYY-MM" or "YYYY" and
 * its precision (10 day, 7 month, 4 year): the first day of the period in
 * *lo and the last in *hi.  False when it is none of them. */
bool rc__ev_date_span(const char *d, long *lo, long *hi);

/* How long before the story an event is history: a year. */
enum { RC__EV_HISTORY_DAYS = 365 };
/* Dates "YYYY-MM-DD" / "YYYY-MM" / "YYYY": equal, or one is a prefix of
 * the other, or one is missing. */
bool rc__ev_dates_compatible(const char *a, const char *b);
/* Lowercase ASCII slug: "Crocus City Hall" -> "crocus-city-hall". */
char *rc__ev_slug(rc_arena *a, const char *s);

/* ---- the --events file, as the merge reads it ------------------------ */

typedef struct ev_def {
	char *id, *label, *date, *place, *type;
	pcre2_code **pats;
	const char **pat_src;  /* each alias as written in the file */
	size_t *pat_line;      /* and its line */
	size_t n_pats;
} ev_def;

/* The definition with this id, or NULL. */
const ev_def *rc__ev_def_find(const rc_event_defs *defs, const char *id);

#endif
