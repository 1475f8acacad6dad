/*
 * Internal: building records.  A record owns one arena; everything hanging
 * off it (strings, claims, mentions, diagnostics) comes from that arena, so
 * rc_record_free() is one call.
 */
#ifndef RC_RECORD_PRIV_H
#define RC_RECORD_PRIV_H

#include <recount/record.h>
#include "core/core.h"

struct rc_record_priv {
	rc_arena *arena;
};

/* A zeroed record with its own arena, or NULL when out of memory. */
rc_record *rc__record_new(void);

/* The arena of a record. */
static inline rc_arena *rc__record_arena(rc_record *rec)
{
	return rec->priv->arena;
}

#endif
