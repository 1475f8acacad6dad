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
