/*
 * recount: claims, and the rules that say which figures are claims.
 *
 * A claim is a figure about how many people (or things) an event killed,
 * injured, got arrested, and so on: the quantity, the metric and the noun it
 * counts, who is cited for it, whether it still stands, and where it is.
 */
#ifndef RECOUNT_CLAIM_H
#define RECOUNT_CLAIM_H

#include <recount/export.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <recount/status.h>
#include <recount/quantity.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Whether a claim still stands.  Append only. */
typedef enum rc_claim_status {
	RC_CLAIM_CURRENT = 0,  /**< asserted now */
	RC_CLAIM_SUPERSEDED,   /**< the text itself revises it ("revised down to 84 from 103": 103) */
	RC_CLAIM_HYPOTHETICAL, /**< hypothetical or negated ("could have killed hundreds") */
	RC_CLAIM_AGGREGATE     /**< one figure over several events ("collectively claimed over 230 lives") */
} rc_claim_status;

/** "current", "superseded", "hypothetical" or "aggregate". */
RC_API const char *rc_claim_status_str(rc_claim_status st);
/** Parse a status name; returns false when unknown. */
RC_API bool rc_claim_status_parse(const char *name, rc_claim_status *out);

/**
 * A byte span with its 1-based line and column (in characters).  32-bit:
 * a document whose text and title (with the two bytes between them) pass
 * RC_OFFSET_MAX bytes is refused, never numbered modulo 2^32
 * (docs/limits.md).
 */
typedef struct rc_pos {
	uint32_t start, end;   /**< byte offsets into the document text, end exclusive */
	uint32_t line, column; /**< of start */
} rc_pos;

/**
 * One claim.  Strings are owned by the record holding the claim
 * (rc_record); metric and subject names are canonical names from the rules.
 */
typedef struct rc_claim {
	const char *metric;       /**< "killed", "injured", "arrested", ... */
	const char *subject;      /**< the noun counted: "people", "members", ... or NULL */
	const char *trigger;      /**< the words that name the metric ("claimed ... lives") */
	rc_quantity q;            /**< the figure; q.start/q.end are document offsets */
	const char *text;         /**< the figure's span as written */
	const char *attribution;  /**< who is cited ("Iran's Intelligence Ministry"), or NULL */
	const char *quote;        /**< the sentence, as written */
	rc_pos pos;               /**< of the figure */
	rc_pos sentence;          /**< of the sentence */
	size_t file_line;         /**< line to cite in the input file (see rc_document_file_line) */
	long *mentions;           /**< for aggregates: every mention it sums */
	/** The document's event id after linking (a mention's local id, or its
	 *  key from an events file), or NULL (unlinked).  The reduce phase
	 *  does not change it: the merged event is the result's
	 *  (rc_result_claim_event(), rc_event_set_claim_event()). */
	const char *event;
	const char **events;      /**< for aggregates: every local event id it sums */
	/**
	 * What part of its metric's total the figure counts, or NULL for a
	 * total: a group ("children", "US troops", "its citizens"), a site
	 * ("site"), the injured still in hospital ("in hospital"), an
	 * increment ("additional").  A part never stands in for the event's
	 * total; parent points at the total it is part of when the document
	 * gives one.  The labels are the rules' (docs/claims.md).
	 */
	const char *part;
	/* the small fields last, together: 200 bytes (LP64), not 296.
	 * Indices and counts are within one record: at most
	 * max_claims_per_doc claims (rc_limits) and 1,000 mentions, so the
	 * mentions' index and the two counts are 16-bit (a claims line with
	 * more is rejected). */
	int32_t parent;           /**< index of the parent claim of a sub-count in the same record, or -1 */
	int16_t mention;          /**< index of the event mention it is linked to, or -1 */
	uint16_t n_mentions;      /**< of mentions */
	uint16_t n_events;        /**< of events */
	uint8_t status;           /**< an rc_claim_status: whether it still stands */
	/**
	 * In the title of a JSON Lines record rather than its text.  Such a
	 * claim has line 0 (pos.line, sentence.line), its column in the title,
	 * file_line the record's line, and offsets numbered after the text:
	 * text_len + 2 + its byte offset in the title (the title read as if
	 * it followed the text after a blank line), so that no title claim
	 * has the offsets of a text claim.
	 */
	bool in_title;
	/**
	 * The figure is about an earlier event the text compares with or
	 * recalls ("the deadliest since 1960, when a tsunami killed 61"), not
	 * the news the document reports; year is the calendar year its clause
	 * names (1960), or 0.  The events stage links such claims to that
	 * event.
	 */
	bool background;
	int16_t year;             /**< 0 or 1 to 9999 */
} rc_claim;

/**
 * The linguistic rules of claim extraction: metrics with their trigger
 * words, subject nouns, status cues and attribution cues.  The built-in
 * rules ship as JSON in the same format that --rules FILE reads.
 */
typedef struct rc_rules rc_rules;

/** The built-in rules. */
RC_API rc_status rc_rules_new_default(rc_rules **out, rc_error *err);

/**
 * Add to or override rules from a JSON file (see docs/rules.md).  Errors
 * name the file, line and reason; on error rules is unchanged.
 */
RC_API rc_status rc_rules_load_file(rc_rules *rules, const char *path, rc_error *err);

/** Same, from a buffer; name is used in errors. */
RC_API rc_status rc_rules_load_buffer(rc_rules *rules, const char *json, size_t len,
                                      const char *name, rc_error *err);

/** Release rules.  rc_rules_free(NULL) does nothing. */
RC_API void rc_rules_free(rc_rules *rules);

#ifdef __cplusplus
}
#endif
#endif
