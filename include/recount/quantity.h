/*
 * recount: the quantity recognizer.
 *
 * Finds every figure in a text and reads it as an interval that keeps its
 * qualifier: "84" is [84,84], "over 90" is (90,+inf), "nearly 100" is an
 * approximate figure just under 100.  It also recognises numbers that are
 * not counts (years, dates, times, ages, ordinals, percentages, money,
 * measurements, identifiers) so that later stages can skip them.
 */
#ifndef RECOUNT_QUANTITY_H
#define RECOUNT_QUANTITY_H

#include <recount/export.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <recount/status.h>
#include <recount/interval.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What a recognised figure is.  Append only. */
typedef enum rc_quantity_kind {
	RC_QK_COUNT = 0,  /**< a number of things: "84", "over 90", "nearly 100" */
	RC_QK_RANGE,      /**< "between 84 and 103", "84-103" */
	RC_QK_VAGUE,      /**< "dozens", "several", "many" */
	RC_QK_ORDINAL,    /**< "fourth", "1st" */
	RC_QK_YEAR,       /**< "2024", "post-1979" */
	RC_QK_DATE,       /**< "January 3", "01/19/2024", "2024-04-02" */
	RC_QK_TIME,       /**< "15:00", "3 p.m." */
	RC_QK_AGE,        /**< "22-year-old" */
	RC_QK_PERCENT,    /**< "20%", "20 percent" */
	RC_QK_MONEY,      /**< "$5 million", "200 euros" */
	RC_QK_MEASURE,    /**< "700 meters", "20 minutes" */
	RC_QK_ID,         /**< identifiers, phone numbers, "No. 1" */
	RC_QK_PHRASE,     /**< idioms that are not figures: "one of the" */
	RC_QK_COUNT_      /**< number of kinds */
} rc_quantity_kind;

/** Lower-case name of a kind as used in JSON: "count", "range", ... */
RC_API const char *rc_quantity_kind_str(rc_quantity_kind kind);

/** One recognised figure.  Offsets are bytes into the scanned text. */
/** The largest byte offset, line or column a figure or claim can have,
 *  4 GiB - 2: offsets are 32-bit (UINT32_MAX is no offset), and a longer
 *  text is refused (RC_ERR_LIMIT; docs/limits.md). */
#define RC_OFFSET_MAX ((size_t)UINT32_MAX - 1)

typedef struct rc_quantity {
	rc_interval iv;          /**< what the figure asserts */
	double value;            /**< the number as written ("nearly 100" -> 100) */
	const char *qualifier;   /**< canonical qualifier word(s) ("over", "at least"), static; or NULL */
	uint32_t start, end;     /**< span of the whole figure including its qualifier */
	uint32_t num_start, num_end; /**< span of the number itself (or the first number of a range) */
	/* the small fields last, together: 64 bytes (32-bit spans: a text
	 * is at most RC_OFFSET_MAX bytes) */
	rc_quantity_kind kind;
	bool approx;             /**< approximate ("about", "nearly", ...) */
	bool vague;              /**< a vague term with a default interval */
} rc_quantity;

/** The recognizer: immutable once built, shareable between threads. */
typedef struct rc_recognizer rc_recognizer;

/** The version of rc_recognizer_options this header describes. */
#define RC_RECOGNIZER_OPTIONS_VERSION 1

/** Options of the recognizer.  Start from RC_RECOGNIZER_OPTIONS_INIT (or
 *  rc_recognizer_options_init()); a 0 field takes its default.  Fields are
 *  only ever appended. */
typedef struct rc_recognizer_options {
	unsigned version;        /**< RC_RECOGNIZER_OPTIONS_VERSION */
	/** Relative tolerance applied to approximate figures when they are
	 *  compared (see rc_interval_widen()); 0 means the default, 0.10. */
	double approx_tolerance;
} rc_recognizer_options;

#define RC_RECOGNIZER_OPTIONS_INIT {.version = RC_RECOGNIZER_OPTIONS_VERSION}

/** Set o to RC_RECOGNIZER_OPTIONS_INIT with the given version:
 *  RC_ERR_INVALID for a version this library does not know. */
RC_API rc_status rc_recognizer_options_init(rc_recognizer_options *o, unsigned version, rc_error *err);

/** Build a recognizer from the built-in tables. */
RC_API rc_status rc_recognizer_new(rc_recognizer **out, const rc_recognizer_options *opts,
                                   rc_error *err);

/**
 * Override the default interval of a vague term ("dozens" -> [24, 99]).
 * Must be called before the recognizer is shared between threads.
 */
RC_API rc_status rc_recognizer_set_vague(rc_recognizer *rec, const char *term,
                                         const rc_interval *iv, rc_error *err);

/** Release a recognizer.  rc_recognizer_free(NULL) does nothing. */
RC_API void rc_recognizer_free(rc_recognizer *rec);

/** A growable list of quantities, owned by the caller. */
typedef struct rc_quantity_list {
	rc_quantity *items;
	size_t len, cap;
} rc_quantity_list;

/** Release the items of a list and zero it. */
RC_API void rc_quantity_list_dispose(rc_quantity_list *list);

/**
 * Recognise every figure in text[0..len) and append them to out in text
 * order.  Spans never overlap.  Typographic dashes, quotes and no-break
 * spaces are read as their plain forms.  Thread-safe for a shared rec.
 */
RC_API rc_status rc_quantities_scan(rc_quantity_list *out, const rc_recognizer *rec,
                                    const char *text, size_t len, rc_error *err);

/**
 * The interval an approximate quantity stands for once the recognizer's
 * tolerance is applied: "about 100" -> [90,110], "nearly 100" -> [90,100).
 * Exact quantities come back unchanged.  This is the one place where the
 * tolerance is applied; every comparison goes through it.
 */
RC_API rc_interval rc_quantity_effective(const rc_recognizer *rec, const rc_quantity *q);

/** The tolerance a recognizer applies (its option, or the default). */
RC_API double rc_recognizer_tolerance(const rc_recognizer *rec);

/**
 * Parse a vague-term override "TERM=LO,HI" (HI may be empty for no upper
 * bound: "many=3,") and apply it with rc_recognizer_set_vague().
 */
RC_API rc_status rc_recognizer_set_vague_spec(rc_recognizer *rec, const char *spec, rc_error *err);

#ifdef __cplusplus
}
#endif
#endif
