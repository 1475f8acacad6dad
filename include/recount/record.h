/*
 * recount: the per-document record, the output of the map phase.
 *
 * rc_record_extract() (pipeline.h) runs everything that needs a
 * document's text and keeps only what later stages need.  The text itself is not
 * kept, so memory after the map phase grows with claims, not with text.
 *
 * A record serialises to JSON Lines (one "recount.document/1" line, then one
 * "recount.claim/1" line per claim) and reads back to an equal record, so
 * `recount extract` on shards followed by `recount reconcile` gives the same
 * result as `recount report` on everything.
 */
#ifndef RECOUNT_RECORD_H
#define RECOUNT_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <recount/status.h>
#include <recount/document.h>
#include <recount/quantity.h>
#include <recount/claim.h>
#include <recount/event.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Number of MinHash values in a document signature. */
#define RC_MINHASH_K 64

/** What survives of a document after the map phase.  Owns all its strings. */
typedef struct rc_record {
	const char *doc;        /**< document id */
	const char *path;       /**< or NULL */
	size_t record_line;     /**< JSONL record line, 0 for plain files */
	size_t seq;             /**< position in the reader's output */
	const char *source;     /**< outlet, or NULL */
	const char *url;        /**< or NULL */
	const char *published;  /**< "YYYY-MM-DD", possibly followed by a time and zone ("T10:30Z"; read by the reconciler, docs/reconcile.md "Time"), or NULL */
	const char *title;      /**< or NULL */
	size_t bytes;           /**< input bytes */
	rc_doc_status status;
	const char *reason;     /**< skip reason, or NULL */
	rc_diag *diags;
	size_t n_diags;
	bool has_signature;     /**< false for skipped or empty documents */
	uint32_t minhash[RC_MINHASH_K]; /**< near-duplicate signature of the normalised body */
	rc_mention *mentions;
	size_t n_mentions;
	rc_claim *claims;
	size_t n_claims;
	struct rc_record_priv *priv; /**< internal: the arena that owns it all */
	/** Output rendered for this record by rc_map_options.prepare on a worker
	 *  thread (malloc'd, freed by rc_record_free()), or NULL. */
	char *rendered;
	size_t rendered_len;
} rc_record;

/** Release a record.  rc_record_free(NULL) does nothing. */
void rc_record_free(rc_record *rec);

/** Write a record as JSON Lines (document line, then claim lines). */
rc_status rc_record_write_jsonl(FILE *fp, const rc_record *rec, bool with_document_line,
                                rc_error *err);

/**
 * A reader of records from JSON Lines written by rc_record_write_jsonl()
 * (`recount extract`).  Malformed lines become diagnostics, not failures.
 */
typedef struct rc_record_reader rc_record_reader;

rc_status rc_record_reader_new(rc_record_reader **out, const char *const *paths,
                               size_t n, rc_error *err);
/** The next record, or *out = NULL at the end. */
rc_status rc_record_reader_next(rc_record_reader *r, rc_record **out, rc_error *err);
/** Diagnostics for lines that could not be read (owned by the reader). */
const rc_diag *rc_record_reader_diags(const rc_record_reader *r, size_t *n);
/** Bytes read so far over all inputs, newlines included (for progress). */
size_t rc_record_reader_bytes(const rc_record_reader *r);
void rc_record_reader_free(rc_record_reader *r);

#ifdef __cplusplus
}
#endif
#endif
