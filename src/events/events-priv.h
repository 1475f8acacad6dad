/*
 * Internal: the events stage as the other stages call it.
 *   map phase (per document, called from rc_record_extract):
 *     rc__mentions_find() then rc__claims_link();
 *   reduce phase (called from rc_reconcile):
 *     rc__events_merge().
 */
#ifndef RC_EVENTS_PRIV_H
#define RC_EVENTS_PRIV_H

#include <recount/document.h>
#include <recount/claim.h>
#include <recount/event.h>
#include <recount/record.h>
#include <recount/reconcile.h>
#include "core/core.h"
#include "segment/segment.h"

/*
 * Find the event mentions in a document body.  The mentions (and their
 * strings) are allocated from a; dates are resolved against
 * doc->published when it is set.
 */
rc_status rc__mentions_find(rc_mention **out, size_t *n_out, rc_arena *a,
                            const rc_document *doc, const rc_text *t,
                            const rc_segments *seg, const rc_event_defs *defs,
                            rc_error *err);

/*
 * Link each claim to the mention its clause, sentence or paragraph speaks
 * of (claim->mention, or claim->mentions for aggregates) and set
 * claim->event to the mention's local_id (or its key from an events file).
 * Claims with no mention in reach keep mention = -1 and event = NULL.
 */
rc_status rc__claims_link(rc_claim *claims, size_t n_claims,
                          const rc_mention *mentions, size_t n_mentions,
                          const rc_text *t, const rc_segments *seg, rc_arena *a,
                          rc_error *err);

/*
 * Merge the mentions of all records into events.  Fills *out (sorted by
 * id, metrics left empty for the reconciler) and sets every claim's event
 * (and events, for aggregates) to the merged event ids.  The result does
 * not depend on the order of records.  Memory comes from a.
 */
rc_status rc__events_merge(rc_event **out, size_t *n_out, rc_arena *a,
                           rc_record *const *records, size_t n_records,
                           const rc_event_defs *defs, rc_error *err);

#endif
