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
typedef struct ev_span {
	size_t start, end;
} ev_span;
size_t rc__ev_phrase_match(const ev_phrase *list, size_t n_list, const char *text,
                           const ev_span *toks, size_t n_toks, const ev_phrase **hit);

/* ---- the --events file ---------------------------------------------- */

struct rc_event_defs {
	ev_def *defs;      /* in file order */
	size_t n;
	pcre2_match_context *mctx;
	rc_arena *arena;
};

/* The first alias match of def in subject[start..end): returns true and
 * the match span.  md is the caller's match data (one per thread). */
bool rc__ev_def_match(const rc_event_defs *defs, const ev_def *def, const char *subject,
                      size_t start, size_t end, pcre2_match_data *md, size_t *ms,
                      size_t *me);

#endif
