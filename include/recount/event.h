/*
 * recount: events.
 *
 * Inside one document, an event mention is an event noun ("bombing",
 * "shooting", "arrests") with its place, date and the names around it.
 * Across documents, mentions of the same real-world event are merged into
 * one rc_event with a stable, readable id such as kerman-2024-01-03-bombing.
 */
#ifndef RECOUNT_EVENT_H
#define RECOUNT_EVENT_H

#include <recount/export.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <recount/status.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * One mention of an event in a document.  It carries everything the
 * cross-document merge needs, so that it can be written to claims JSONL by
 * `recount extract` and read back by `recount reconcile`.  Strings are
 * owned by the record holding the mention.
 */
typedef struct rc_mention {
	const char *type;      /**< canonical event type: "bombing", "shooting", "arrest", ... */
	const char *noun;      /**< the noun as written: "twin blasts" */
	const char *place;     /**< canonical place name, or NULL: "Kerman" */
	const char *date;      /**< "YYYY-MM-DD", "YYYY-MM" or NULL, resolved against publication */
	const char **names;    /**< names around it: "Qassem Soleimani", "Crocus City Hall" */
	size_t n_names;
	const char *key;       /**< event id from a --events file that matched, or NULL */
	const char *local_id;  /**< provisional id within the document: place-date-type */
	/* 80 bytes (LP64), not 88: offsets and lines are 32-bit, as rc_pos's
	 * (a longer document is refused, RC_OFFSET_MAX; a claims line with a
	 * larger one is rejected) */
	uint32_t start, end;   /**< span of the noun phrase (document byte offsets) */
	uint32_t line;         /**< 1-based line of start; 0 in the title of a JSON Lines record */
} rc_mention;

/**
 * User-defined events (--events FILE): id, label, date, place and aliases
 * (words, or PCRE2 patterns written as "/.../").  Mentions and sentences
 * that match an alias are linked to that event.
 */
typedef struct rc_event_defs rc_event_defs;

/**
 * The built-in event vocabulary (data/events.json: event nouns, types and
 * families, date and place words; data/places.json: the gazetteer),
 * parsed into sorted tables.  Immutable once built and shareable between
 * threads; an engine (engine.h) builds one and hands it to the map step and
 * the reduce phase.
 */
typedef struct rc_event_vocab rc_event_vocab;

RC_API rc_status rc_event_vocab_new(rc_event_vocab **out, rc_error *err);
/** rc_event_vocab_free(NULL) does nothing. */
RC_API void rc_event_vocab_free(rc_event_vocab *v);

/** Load a JSON events file; errors name the file, line and reason. */
RC_API rc_status rc_event_defs_load_file(rc_event_defs **out, const char *path, rc_error *err);
/** Same, from a buffer; name is used in errors. */
RC_API rc_status rc_event_defs_load_buffer(rc_event_defs **out, const char *json, size_t len,
                                           const char *name, rc_error *err);
/** Release event definitions.  rc_event_defs_free(NULL) does nothing. */
RC_API void rc_event_defs_free(rc_event_defs *defs);

#ifdef __cplusplus
}
#endif
#endif
