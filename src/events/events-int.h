/*
 * Private to src/events: the compiled --events file and the phrase matcher
 * shared by mentions.c and link.c.  The vocabulary tables and their
 * queries, which the reduce phase's merge uses too, are in events-priv.h.
 */
#ifndef RC_EVENTS_INT_H
#define RC_EVENTS_INT_H

#include <stdbool.h>
#include <stddef.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <recount/event.h>
#include "core/core.h"
#include "events/events-priv.h"

/* Longest phrase of list starting at word toks[0] (words as spans of text);
 * returns its length in words (0: none) and the phrase in *hit. */
typedef ev_span_t ev_span;
size_t rc__ev_phrase_match(const ev_phrase *list, size_t n_list, const char *text,
                           const ev_span *toks, size_t n_toks, const ev_phrase **hit);

/* What rc__mentions_find() tells rc__claims_link() (events-priv.h). */
struct rc__ev_doc {
	const ev_tables *tb;   /* the vocabulary rc__mentions_find() was given */
	long primary;          /* first mention of the primary event, -1 */
	bool *hist;            /* per sentence: about the past (linked to no primary) */
	bool *opens_dated;     /* per sentence: opens on a date with its year ("In 1954, ...") */
	long *bg;              /* per sentence: latest background mention of its paragraph, -1 */
	size_t n_sent;
	long now;              /* days since 1970 of the story's time (publication, else the
	                        * end of the latest year the text names), 0 unknown */
	rc__ev_warning *warn;
	size_t n_warn;
};

/* ---- the --events file ---------------------------------------------- */

struct rc_event_defs {
	ev_def *defs;      /* in file order */
	size_t n;
	pcre2_match_context *mctx;
	const char *name;  /* the file, for warnings */
	rc_arena *arena;
};

/* An alias match: text span and definition index. */
typedef struct ev_defhit {
	size_t start, end, def;
} ev_defhit;

/* A warning of the scan: message and text offset ((size_t)-1: none). */
typedef struct ev_defwarn {
	const char *msg;
	size_t off;
} ev_defwarn;

typedef struct ev_defscan {
	ev_defhit *hits;   /* by definition, then alias, then position; malloc'ed */
	size_t n_hits;
	ev_defwarn *warn;  /* malloc'ed; messages in the arena */
	size_t n_warn;
} ev_defscan;

/* Every match of every alias in text[0..len), under the document's match
 * budget (defs.c); free out->hits and out->warn. */
rc_status rc__ev_defs_scan(const rc_event_defs *defs, const char *text, size_t len,
                           rc_arena *a, ev_defscan *out);

/* The first alias match of def in subject[start..end): returns true and
 * the match span.  md is the caller's match data (one per thread). */
bool rc__ev_def_match(const rc_event_defs *defs, const ev_def *def, const char *subject,
                      size_t start, size_t end, pcre2_match_data *md, size_t *ms,
                      size_t *me);

#endif
