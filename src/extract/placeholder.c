/*
 * PLACEHOLDER: the extract stage's entry points until the stage is built.
 * Each returns RC_ERR_UNSUPPORTED.  Delete this file (and its line in
 * meson.build) when the real implementation lands.
 */
#include <recount/quantity.h>
#include <recount/claim.h>
#include <recount/record.h>
#include "core/core.h"

#define NB(err) rc__error_set((err), RC_ERR_UNSUPPORTED, "%s: not built yet", __func__)

const char *rc_quantity_kind_str(rc_quantity_kind kind) { (void)kind; return "count"; }
rc_status rc_recognizer_new(rc_recognizer **out, const rc_recognizer_options *opts, rc_error *err) { (void)opts; *out = NULL; return NB(err); }
rc_status rc_recognizer_set_vague(rc_recognizer *rec, const char *term, const rc_interval *iv, rc_error *err) { (void)rec; (void)term; (void)iv; return NB(err); }
void rc_recognizer_free(rc_recognizer *rec) { (void)rec; }
void rc_quantity_list_dispose(rc_quantity_list *list) { (void)list; }
rc_status rc_quantities_scan(rc_quantity_list *out, const rc_recognizer *rec, const char *text, size_t len, rc_error *err) { (void)out; (void)rec; (void)text; (void)len; return NB(err); }
rc_interval rc_quantity_effective(const rc_recognizer *rec, const rc_quantity *q) { (void)rec; return q->iv; }
rc_interval rc_interval_widen(const rc_interval *iv, double value, bool approx, const char *qualifier, double tolerance) { (void)value; (void)approx; (void)qualifier; (void)tolerance; return *iv; }
