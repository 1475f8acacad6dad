/*
 * Internal: records as JSON (docs/schema-claim.md).  record_io.c writes
 * and reads the JSON Lines of `recount extract`; the report writer reuses
 * the claim object so that a claim looks the same everywhere.
 */
#ifndef RC_RECORD_JSON_H
#define RC_RECORD_JSON_H

#include <jansson.h>
#include <recount/record.h>
#include "core/jw.h"

#define RC_CLAIM_SCHEMA "recount.claim/1"
#define RC_DOCUMENT_SCHEMA "recount.document/1"

/* The "recount.claim/1" object of claim c of rec (a new reference, or
 * NULL when out of memory). */
json_t *rc__claim_to_json(const rc_record *rec, const rc_claim *c);

/* The "recount.document/1" object of rec (a new reference, or NULL). */
json_t *rc__document_to_json(const rc_record *rec);

/* The same objects written straight into a streaming writer: the same bytes
 * as the trees above dumped by rc__json_write_line(), much faster. */
void rc__claim_write(rc_jw *w, const rc_record *rec, const rc_claim *c);
/* The members of the claim object alone, for writers that add their own
 * (the JSON report adds origin, effective and support). */
void rc__claim_write_fields(rc_jw *w, const rc_record *rec, const rc_claim *c);
/* An interval as rc__json_interval() gives it: {lo, hi, lo_incl, hi_incl}. */
void rc__jw_interval(rc_jw *w, const rc_interval *iv);
void rc__document_write(rc_jw *w, const rc_record *rec);

/* Stable lower-case names of statuses for JSON ("limit", "parse", ...). */
const char *rc__status_name(rc_status st);
bool rc__status_from_name(const char *name, rc_status *out);

#endif
