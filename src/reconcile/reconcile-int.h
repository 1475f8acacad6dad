/*
 * Private to src/reconcile: the cross-document event merge (merge.c) as
 * rc_reconcile() and rc_events_collect() call it.
 */
#ifndef RC_RECONCILE_INT_H
#define RC_RECONCILE_INT_H

#include <recount/record.h>
#include <recount/reconcile.h>
#include "core/core.h"

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
