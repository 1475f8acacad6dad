/*
 * Private to src/segment: the words the sentence splitter reads, compiled
 * at build time from data/segment.json by src/segment/tables.py (what each
 * list does is in that file's "comment" and in docs/claims.md, "Split").
 * Each table is in the file's order, each word with its length.
 */
#ifndef RC_SEGMENT_INT_H
#define RC_SEGMENT_INT_H

#include <stddef.h>

/*
 * How an abbreviation behaves before a period that is followed by white
 * space and a capital letter (lower case never starts a sentence anyway).
 */
typedef enum rc_seg_abbr_kind {
	SEG_ABBR_TITLE,     /* precedes a name: never ends a sentence (Gen. Soleimani) */
	SEG_ABBR_NUMBERED,  /* precedes a number: no break before a digit (No. 5) */
	SEG_ABBR_MONTH,     /* precedes a day: no break before a digit (Jan. 3) */
	SEG_ABBR_AMBIGUOUS  /* may end a sentence: break only before a sentence starter */
} rc_seg_abbr_kind;

typedef struct rc_seg_abbr {
	const char *word;   /* as written, without the final period ("U.S", "Gen") */
	size_t len;
	rc_seg_abbr_kind kind;
} rc_seg_abbr;

typedef struct rc_seg_word {
	const char *word;
	size_t len;
} rc_seg_word;

/* Abbreviations, compared with case. */
extern const rc_seg_abbr rc__seg_abbreviations[];
extern const size_t rc__seg_n_abbreviations;
/* Words that start a sentence after an ambiguous abbreviation, compared with case. */
extern const rc_seg_word rc__seg_starters[];
extern const size_t rc__seg_n_starters;
/* Words a wrapped prose line may end with but a headline never does,
 * compared without case. */
extern const rc_seg_word rc__seg_continuation_words[];
extern const size_t rc__seg_n_continuation_words;

#endif
