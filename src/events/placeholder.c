/*
 * PLACEHOLDER: the events stage's entry points until the stage is built.
 * Each returns RC_ERR_UNSUPPORTED.  Delete this file (and its line in
 * meson.build) when the real implementation lands.
 */
#include <recount/event.h>
#include "core/core.h"

#define NB(err) rc__error_set((err), RC_ERR_UNSUPPORTED, "%s: not built yet", __func__)

rc_status rc_event_defs_load_file(rc_event_defs **out, const char *path, rc_error *err) { (void)path; *out = NULL; return NB(err); }
rc_status rc_event_defs_load_buffer(rc_event_defs **out, const char *json, size_t len, const char *name, rc_error *err) { (void)json; (void)len; (void)name; *out = NULL; return NB(err); }
void rc_event_defs_free(rc_event_defs *defs) { (void)defs; }
#include "events/events-priv.h"
rc_status rc__mentions_find(rc_mention **out, size_t *n_out, rc_arena *a, const rc_document *doc, const rc_text *t, const rc_segments *seg, const rc_event_defs *defs, rc_error *err) { (void)a; (void)doc; (void)t; (void)seg; (void)defs; (void)err; *out = NULL; *n_out = 0; return RC_OK; }
rc_status rc__claims_link(rc_claim *claims, size_t n_claims, const rc_mention *mentions, size_t n_mentions, const rc_text *t, const rc_segments *seg, rc_arena *a, rc_error *err) { (void)claims; (void)n_claims; (void)mentions; (void)n_mentions; (void)t; (void)seg; (void)a; (void)err; return RC_OK; }
rc_status rc__events_merge(rc_event **out, size_t *n_out, rc_arena *a, rc_record *const *records, size_t n_records, const rc_event_defs *defs, rc_error *err) { (void)a; (void)records; (void)n_records; (void)defs; *out = NULL; *n_out = 0; return NB(err); }
