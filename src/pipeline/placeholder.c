/*
 * PLACEHOLDER: the pipeline stage's entry points until the stage is built.
 * Each returns RC_ERR_UNSUPPORTED.  Delete this file (and its line in
 * meson.build) when the real implementation lands.
 */
#include <recount/pipeline.h>
#include "core/core.h"

#define NB(err) rc__error_set((err), RC_ERR_UNSUPPORTED, "%s: not built yet", __func__)

rc_status rc_map_run(rc_reader *r, const rc_extractor *ex, const rc_map_options *opts, rc_record_fn fn, void *user, rc_error *err) { (void)r; (void)ex; (void)opts; (void)fn; (void)user; return NB(err); }
unsigned rc_cpu_count(void) { return 1; }
