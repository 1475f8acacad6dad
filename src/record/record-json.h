/*
 * Internal: records as JSON (docs/schema-claim.md), written by one
 * streaming writer (record_write.c).  The record format is the JSON Lines
 * of `recount extract`; the claim object of "recount.claim/1" is also the
 * claim of the JSON report, of verify's JSON and of `extract
 * --claims-only`, so that a claim looks the same everywhere.
 */
#ifndef RC_RECORD_JSON_H
#define RC_RECORD_JSON_H

#include <recount/record.h>
#include "core/jw.h"

#define RC_CLAIM_SCHEMA "recount.claim/1"
#define RC_DOCUMENT_SCHEMA_V1 "recount.document/1"
#define RC_DOCUMENT_SCHEMA "recount.document/2"
#define RC_END_SCHEMA "recount.end/1"

/* A claim's event ids as the reduce phase merged them: the result keeps
 * them beside the record (rc_result_ref_event), which stays as the map
 * step wrote it, with its document's local ids. */
typedef struct rc__claim_ids {
	const char *event;          /* or NULL: unlinked */
	const char *const *events;  /* an aggregate's, n_events of them */
	size_t n_events;
} rc__claim_ids;

/* The "recount.claim/1" object of claim c of rec: self-contained, with its
 * document's fields and its quote; its "event" and "events" from ids, or
 * the claim's own when ids is NULL (the map step's output). */
void rc__claim_write(rc_jw *w, const rc_record *rec, const rc_claim *c, const rc__claim_ids *ids);
/* The members of that object alone, for writers that add their own (the
 * JSON report adds origin, effective and support; verify adds effective). */
void rc__claim_write_fields(rc_jw *w, const rc_record *rec, const rc_claim *c,
                            const rc__claim_ids *ids);
/* An interval object: {lo, hi, lo_incl, hi_incl}, open ends null. */
void rc__jw_interval(rc_jw *w, const rc_interval *iv);
/* The "recount.document/2" line of rec (without its newline): the
 * document's fields, its mentions, its sentence table and its claims.
 * Returns RC_ERR_NOMEM when a scratch table cannot be allocated (the
 * writer's own failures are in w->failed). */
rc_status rc__document_write(rc_jw *w, const rc_record *rec);

/*
 * The fields of a mention and of a diagnostic, one table each, in the
 * order a document line writes them (record_write.c) and the record
 * comparison compares them (record.c), so that the two cannot drift apart.
 * The reader (record_read.c) keeps its own key tables: it checks each
 * value on its own terms.
 */
typedef enum rc__field_kind {
	RC_FIELD_STR,       /* const char *; NULL is null */
	RC_FIELD_STRS,      /* const char **, its count a size_t at .count */
	RC_FIELD_SIZE,      /* size_t; (size_t)-1 is null */
	RC_FIELD_U32,       /* uint32_t */
	RC_FIELD_SEVERITY,  /* rc_severity, by rc_severity_str() */
	RC_FIELD_STATUS,    /* rc_status, by rc__status_name() */
} rc__field_kind;

typedef struct rc__field {
	const char *qkey;   /* the key quoted, with its colon (RC_JW_KEY) */
	size_t qn;
	rc__field_kind kind;
	size_t off, count;  /* offsetof the field (and of its count) */
} rc__field;

extern const rc__field rc__mention_fields[];
extern const size_t rc__n_mention_fields;
extern const rc__field rc__diag_fields[];
extern const size_t rc__n_diag_fields;

/* Compares objects a and b field by field as fields[0..n) lists them. */
/* The number a field of kind SIZE, U32, SEVERITY or STATUS holds in obj
 * (the enums' values are not negative). */
uint64_t rc__field_num(const void *obj, const rc__field *f);
int rc__fields_cmp(const void *a, const void *b, const rc__field *fields, size_t n);

/* Stable lower-case names of statuses for JSON ("limit", "parse", ...). */
const char *rc__status_name(rc_status st);
bool rc__status_from_name(const char *name, size_t len, rc_status *out);
/* Severity names as in rc_severity_str(). */
bool rc__severity_from_name(const char *name, size_t len, rc_severity *out);

#endif
