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
const char *rc_claim_status_str(rc_claim_status st) { (void)st; return "current"; }
bool rc_claim_status_parse(const char *name, rc_claim_status *out) { (void)name; (void)out; return false; }
rc_status rc_rules_new_default(rc_rules **out, rc_error *err) { *out = NULL; return NB(err); }
rc_status rc_rules_load_file(rc_rules *rules, const char *path, rc_error *err) { (void)rules; (void)path; return NB(err); }
rc_status rc_rules_load_buffer(rc_rules *rules, const char *json, size_t len, const char *name, rc_error *err) { (void)rules; (void)json; (void)len; (void)name; return NB(err); }
void rc_rules_free(rc_rules *rules) { (void)rules; }
rc_status rc_extractor_new(rc_extractor **out, const rc_extractor_options *opts, rc_error *err) { (void)opts; *out = NULL; return NB(err); }
void rc_extractor_free(rc_extractor *ex) { (void)ex; }
const rc_recognizer *rc_extractor_recognizer(const rc_extractor *ex) { (void)ex; return NULL; }
rc_status rc_record_extract(rc_record **out, const rc_extractor *ex, const rc_document *doc, rc_error *err) { (void)ex; (void)doc; *out = NULL; return NB(err); }
rc_status rc_record_write_jsonl(FILE *fp, const rc_record *rec, bool with_document_line, rc_error *err) { (void)fp; (void)rec; (void)with_document_line; return NB(err); }
rc_status rc_record_reader_new(rc_record_reader **out, const char *const *paths, size_t n, rc_error *err) { (void)paths; (void)n; *out = NULL; return NB(err); }
rc_status rc_record_reader_next(rc_record_reader *r, rc_record **out, rc_error *err) { (void)r; *out = NULL; return NB(err); }
const rc_diag *rc_record_reader_diags(const rc_record_reader *r, size_t *n) { (void)r; *n = 0; return NULL; }
void rc_record_reader_free(rc_record_reader *r) { (void)r; }
