/*
 * PLACEHOLDER: the report stage's entry points until the stage is built.
 * Each returns RC_ERR_UNSUPPORTED.  Delete this file (and its line in
 * meson.build) when the real implementation lands.
 */
#include <recount/report.h>
#include "core/core.h"

#define NB(err) rc__error_set((err), RC_ERR_UNSUPPORTED, "%s: not built yet", __func__)

bool rc_format_parse(const char *name, rc_format *out) { (void)name; (void)out; return false; }
const char *rc_format_str(rc_format f) { (void)f; return "text"; }
