/*
 * Internal: the normalised view of a document body and its segmentation
 * into paragraphs and sentences.  Later stages match against the plain
 * form (typographic quotes, dashes and spaces as ASCII, CR as space) and
 * map every offset back to the original bytes with rc__text_orig().
 */
#ifndef RC_SEGMENT_H
#define RC_SEGMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <recount/status.h>
#include "core/core.h"

typedef struct rc_text {
	const char *orig;     /* the document text (not owned) */
	size_t orig_len;
	size_t base;          /* offset in orig where the normalised span begins */
	const char *norm;     /* plain form, NUL-terminated; may alias orig + base */
	size_t len;
	const uint32_t *map;  /* norm offset -> orig offset, len + 1 entries; NULL when identity */
} rc_text;

/* Normalise orig[start..end).  Memory comes from a. */
rc_status rc__text_normalize(rc_text *out, rc_arena *a, const char *orig, size_t orig_len,
                             size_t start, size_t end, rc_error *err);

/* Map an offset in t->norm to an offset in t->orig. */
static inline size_t rc__text_orig(const rc_text *t, size_t norm_off)
{
	return t->map ? t->map[norm_off] : t->base + norm_off;
}

typedef struct rc_sentence {
	size_t start, end;    /* offsets in norm, end exclusive, trimmed */
	size_t para;          /* 0-based paragraph index */
} rc_sentence;

typedef struct rc_segments {
	rc_sentence *sent;
	size_t n;
	size_t n_paras;
} rc_segments;

/*
 * Split t into sentences (news abbreviations such as U.S., Gen., Jan., No.,
 * St., Dr. do not end one; closing quotes stay with their sentence) and
 * paragraphs (blank lines, or a line break after a headline-like line).
 */
rc_status rc__segment(rc_segments *out, rc_arena *a, const rc_text *t, rc_error *err);

/*
 * Does the period at s[dot] close a title, an initial or dotted capitals,
 * which a name may go on after ("Gen. Kenneth McKenzie", "George W. Bush",
 * "the U.S. Embassy")?  The word before it is read back no further than
 * start.  Uses the splitter's abbreviation table
 * (data/segment.json), so that a name reader steps over the same periods
 * the splitter does.
 */
bool rc__segment_title_dot(const char *s, size_t start, size_t dot);

/* Index of the sentence containing norm offset off (or the nearest before it). */
size_t rc__segment_find(const rc_segments *s, size_t off);

#endif
