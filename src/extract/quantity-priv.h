/*
 * Internal: the quantity recognizer's lexicon.
 *
 * Everything the recognizer knows about English figures is in the tables
 * of data/quantity.json, which src/extract/quantity_tables.py compiles at
 * build time into the read-only arrays below (quantity_tables.c in the
 * build tree), in the file's order: number words, scale
 * words and suffixes, ordinal words, qualifier phrases with their interval
 * meaning, vague terms with their default intervals, unit and currency
 * words, month names, and the cue words that make a number a year, an
 * identifier or an age.  quantity_lexicon.c compiles them into one hash
 * table of words when a recognizer is built; the recognizers
 * (quantity-int.h) never mention a word themselves.
 */
#ifndef RC_QUANTITY_PRIV_H
#define RC_QUANTITY_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <recount/quantity.h>

/* What a qualifier asserts about the number n it qualifies. */
typedef enum rc__bound {
	RC_B_GT = 0,     /* (n, inf)                                  "over"         */
	RC_B_GE,         /* [n, inf)                                  "at least"     */
	RC_B_LT,         /* (-inf, n)                                 "fewer than"   */
	RC_B_LE,         /* (-inf, n]                                 "up to"        */
	RC_B_EXACT,      /* [n, n]                                    "exactly"      */
	RC_B_APPROX,     /* [n, n], approximate                       "about"        */
	RC_B_APPROX_LT,  /* (-inf, n), approximate: just under n      "nearly"       */
	RC_B_APPROX_GT,  /* (n, inf), approximate: just over n        "just over"    */
	RC_B_APPROX_GE,  /* [n, inf), approximate: n and a little     "40-odd"       */
	RC_B_RANGE,      /* opens a range: "between X and Y", "from X to Y" */
	RC_B_OR_EQUAL    /* postfix "or equal (to)": turns > into >= and < into <= */
} rc__bound;

/* A qualifier phrase, in words as the tokenizer splits them. */
typedef struct rc__qualifier {
	const char *phrase;     /* "more than", "at least", ">=" */
	rc__bound bound;
	const char *canon;      /* the qualifier reported: usually the phrase itself */
} rc__qualifier;

/* A vague term and its default interval (hi < 0: unbounded above). */
typedef struct rc__vague {
	const char *phrase;
	double lo, hi;
} rc__vague;

/* A word with a number: number words, ordinals, scales, months. */
typedef struct rc__word_value {
	const char *word;
	double value;
} rc__word_value;

/* A unit or currency word and what it makes the number before it. */
typedef struct rc__unit {
	const char *word;
	rc_quantity_kind kind;   /* MEASURE, MONEY, PERCENT, TIME, AGE */
} rc__unit;

extern const rc__word_value rc__q_numbers[];     /* zero .. ninety */
extern const rc__word_value rc__q_scales[];      /* hundred, thousand, ..., dozen */
extern const rc__word_value rc__q_suffixes[];    /* 10k, 2.3m, 1.2bn (glued to digits) */
extern const rc__word_value rc__q_ordinals[];    /* first .. millionth */
extern const rc__word_value rc__q_months[];      /* January .. December, Jan. .. Dec. */
extern const rc__qualifier rc__q_prefix[];       /* before the number */
extern const rc__qualifier rc__q_postfix[];      /* after the number */
extern const rc__vague rc__q_vague[];
extern const rc__unit rc__q_units[];             /* after the number */
extern const char *const rc__q_currency_before[];/* $, US$, Rs ... */
extern const char *const rc__q_year_cues[];      /* in, since, until ... before a year */
extern const char *const rc__q_id_cues[];        /* No., flight, route ... before an identifier */
extern const char *const rc__q_age_cues[];       /* aged, age ... before an age */
extern const char *const rc__q_one_pronoun[];    /* the, which, this ... + "one" is no number */
extern const char *const rc__q_change_verbs[];   /* rose, fell ... "from X to Y" is a change */
extern const char *const rc__q_sign_words[];     /* minus, negative */
extern const char *const rc__q_range_links[];    /* to, through, or ... between two numbers */
extern const char *const rc__q_meridiem[];       /* a.m., pm, GMT ... after a clock time */
extern const char *const rc__q_phrases[];       /* idioms with a number word that are no figure */
extern const char *const rc__q_count_nouns[];   /* "2000 people" is a count */
extern const char *const rc__q_possessives[];   /* "their 20s" is an age */
extern const char *const rc__q_not_qualifier[]; /* "how about 2" */
extern const char *const rc__q_people_after[];  /* "5.000 were injured": a count of people */
extern const char *const rc__q_people_before[]; /* "killed about 5.000": a count of people */

/* The entries of each table are counted by a NULL word at the end. */

#endif
