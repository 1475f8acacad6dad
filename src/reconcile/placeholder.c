/*
 * PLACEHOLDER: the reconcile stage's entry points until the stage is built.
 * Each returns RC_ERR_UNSUPPORTED.  Delete this file (and its line in
 * meson.build) when the real implementation lands.
 */
#include <recount/reconcile.h>
#include "core/core.h"

#define NB(err) rc__error_set((err), RC_ERR_UNSUPPORTED, "%s: not built yet", __func__)

const char *rc_conflict_kind_str(rc_conflict_kind k) { (void)k; return "contradiction"; }
const char *rc_aggregate_verdict_str(rc_aggregate_verdict v) { (void)v; return "undetermined"; }
rc_status rc_reconcile(rc_result **out, rc_record **records, size_t n, const rc_reconcile_options *opts, rc_error *err) { (void)records; (void)n; (void)opts; *out = NULL; return NB(err); }
void rc_result_free(rc_result *res) { (void)res; }
#include <string.h>
#include "reconcile/dedup.h"
void rc__minhash(uint32_t out[RC_MINHASH_K], const char *text, size_t len) { (void)text; (void)len; memset(out, 0, RC_MINHASH_K * sizeof(uint32_t)); }
double rc__minhash_similarity(const uint32_t a[RC_MINHASH_K], const uint32_t b[RC_MINHASH_K]) { (void)a; (void)b; return 0.0; }
