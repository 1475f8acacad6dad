/*
 * PLACEHOLDER: the ingest stage's entry points until the stage is built.
 * Each returns RC_ERR_UNSUPPORTED.  Delete this file (and its line in
 * meson.build) when the real implementation lands.
 */
#include <recount/document.h>
#include "core/core.h"

#define NB(err) rc__error_set((err), RC_ERR_UNSUPPORTED, "%s: not built yet", __func__)

rc_status rc_reader_new(rc_reader **out, const rc_ingest_options *opts, const char *const *inputs, size_t n, rc_error *err) { (void)opts; (void)inputs; (void)n; *out = NULL; return NB(err); }
rc_status rc_reader_next(rc_reader *r, rc_document **out, rc_error *err) { (void)r; *out = NULL; return NB(err); }
void rc_reader_free(rc_reader *r) { (void)r; }
void rc_document_free(rc_document *doc) { (void)doc; }
void rc_document_position(const rc_document *doc, size_t offset, size_t *line, size_t *column) { (void)doc; (void)offset; if (line) *line = 0; if (column) *column = 0; }
size_t rc_document_file_line(const rc_document *doc, size_t offset) { (void)doc; (void)offset; return 0; }
rc_status rc_document_from_memory(rc_document **out, const char *bytes, size_t len, const char *path, const char *id, rc_error *err) { (void)bytes; (void)len; (void)path; (void)id; *out = NULL; return NB(err); }
