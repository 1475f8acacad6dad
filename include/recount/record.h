/*
 * recount: the per-document record, the output of the map phase.
 *
 * rc_record_extract() (pipeline.h) runs everything that needs a
 * document's text and keeps only what later stages need.  The text itself is not
 * kept, so memory after the map phase grows with claims, not with text.
 *
 * A record serialises to one JSON Lines line ("recount.document/2": the
 * document's fields, its quoted sentences once each, its claims) and reads
 * back to an equal record, so `recount extract` on shards followed by
 * `recount reconcile` gives the same result as `recount report` on
 * everything (docs/schema-claim.md).
 */
#ifndef RECOUNT_RECORD_H
#define RECOUNT_RECORD_H

#include <recount/export.h>

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
	const char *published;  /**< "YYYY-MM-DD" or NULL (a claims file of an older version may add a time and zone: "T10:30Z"; docs/reconcile.md "Time") */
	const char *published_at; /**< "YYYY-MM-DDTHH:MM:SSZ" (UTC) or NULL: see rc_document */
	const char *time_hint;  /**< with no published date, what the text says of its time, or NULL: see rc_document */
	const char *title;      /**< or NULL */
	size_t bytes;           /**< input bytes */
	rc_doc_status status;
	const char *reason;     /**< skip reason, or NULL */
	rc_diag *diags;
	size_t n_diags;
	bool has_signature;     /**< false for skipped or empty documents, and once dropped */
	/** The near-duplicate signature of the normalised body: RC_MINHASH_K
	 *  MinHash values, or NULL when has_signature is false.  Only the
	 *  near-duplicate groups and the event merge read it; rc_reconcile()
	 *  drops it (rc_record_drop_merge_data()) once they are made. */
	const uint32_t *minhash;
	rc_mention *mentions;   /**< read by the event merge; dropped by rc_reconcile() after it */
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
RC_API void rc_record_free(rc_record *rec);

/**
 * Forget what only the event merge and the near-duplicate groups read of a
 * record: its signature (minhash NULL, has_signature false) and its
 * mentions (mentions NULL, n_mentions 0; its claims' mention indices then
 * refer to nothing), and give their memory back once nothing else in
 * their block is held (records read back or compacted; a record of the
 * map step keeps them in its arena until it is freed).  rc_reconcile()
 * does this to the records it owns once it has merged their events and
 * made its groups; the mentions' strings stay.  NULL does nothing.
 */
RC_API void rc_record_drop_merge_data(rc_record *rec);

/**
 * A store for records kept a long time (the reduce phase holds every record
 * of a batch).  A record compacted into it is one piece of exactly its
 * size, packed with the next records' in blocks mapped apart from malloc's
 * heap, with its repeated strings (paths, outlets, dates, metrics,
 * triggers, figures, event ids, places) shared with the store's other
 * records and each quoted sentence kept once: less than half the memory of
 * a record fresh from the map step.  Records read by rc_record_reader are
 * compact already.
 */
typedef struct rc_record_store rc_record_store;

RC_API rc_status rc_record_store_new(rc_record_store **out, rc_error *err);
/**
 * Replace *rec by a compact copy, equal field by field, and free the
 * original (its rendered output moves to the copy).  The copy is freed with
 * rc_record_free(), from any thread, before or after the store.  One thread
 * at a time per store.
 */
RC_API rc_status rc_record_store_compact(rc_record_store *s, rc_record **rec, rc_error *err);
/** Release a store; records compacted into it stay valid.  Records with
 *  equal mentions and signature (copies of a document) share them; the
 *  store holds what its records share until it is freed, and
 *  rc_record_drop_merge_data() gives that memory back only after. */
RC_API void rc_record_store_free(rc_record_store *s);

/**
 * Write a record as JSON Lines: its "recount.document/2" line (the
 * document, its sentence table and its claims), or with
 * with_document_line false one self-contained "recount.claim/1" line per
 * claim (`recount extract --claims-only`).  RC_ERR_IO on a write error.
 */
RC_API rc_status rc_record_write_jsonl(FILE *fp, const rc_record *rec, bool with_document_line,
                                       rc_error *err);

/**
 * The bytes rc_record_write_jsonl() would write, in a buffer of their own
 * (malloc'd, NUL-terminated, *len bytes before the NUL; the caller frees
 * it): for rendering on a worker thread (rc_map_options.prepare) without
 * a FILE.
 */
RC_API rc_status rc_record_render_jsonl(const rc_record *rec, bool with_document_line, char **out,
                                        size_t *len, rc_error *err);

/**
 * Write the "recount.end/1" line that ends the output of one run: the
 * number of documents and claims written before it.  A reader checks its
 * input against it, so a file cut short, or a line lost, is detected.
 */
RC_API rc_status rc_record_write_end(FILE *fp, size_t documents, size_t claims, rc_error *err);

/**
 * A reader of records from the JSON Lines of `recount extract`, current
 * ("recount.document/2", "recount.end/1") or older ("recount.document/1"
 * and "recount.claim/1" lines).  Lines it cannot use become diagnostics
 * with path:line, never failures, and are counted (rc_record_stats).
 *
 * Records read share one table of interned strings (sources, dates,
 * metrics, event ids, ...) and keep each quoted sentence once; the table
 * lives as long as the reader or any record read from it.  A record read
 * here is still freed with rc_record_free(), from any thread.
 */
typedef struct rc_record_reader rc_record_reader;

/** What a reader read and what its input lost. */
typedef struct rc_record_stats {
	size_t inputs;              /**< inputs read (files, or standard input) */
	size_t records;             /**< records handed out (and kept by rc_record_reader_dedup) */
	size_t claims;              /**< claims in them */
	size_t lines_rejected;      /**< non-blank lines that could not be read (each has an error) */
	size_t inputs_unreadable;   /**< inputs that could not be opened or read */
	size_t inputs_incomplete;   /**< inputs whose end lines are missing or disagree with what was read */
	size_t inputs_unchecked;    /**< older inputs (version 1 lines, no end line): not checked */
	size_t documents_missing;   /**< announced by end lines but not read */
	size_t claims_missing;      /**< announced by end lines but not read */
	size_t documents_duplicate; /**< read again with the same content (the same shard twice): counted once */
	size_t documents_conflicting; /**< read again with different content: one kept (an error) */
} rc_record_stats;

RC_API rc_status rc_record_reader_new(rc_record_reader **out, const char *const *paths,
                                      size_t n, rc_error *err);
/**
 * Parse document lines on n threads (the caller's and n - 1 others; 0 or 1:
 * the caller's alone, the default).  Lines are read ahead in batches and
 * the records, counts and diagnostics come out in the input's order,
 * exactly as on one thread.  Call before the first rc_record_reader_next();
 * later calls are ignored once threads have run.
 */
RC_API void rc_record_reader_set_threads(rc_record_reader *r, unsigned n);
/** The next record, or *out = NULL at the end. */
RC_API rc_status rc_record_reader_next(rc_record_reader *r, rc_record **out, rc_error *err);
/**
 * Drop from recs[0..*n) (records read by r) every record read twice: the
 * same document id, path and record line.  When the copies are equal
 * (seq aside) one is kept and the rest counted as duplicates, with one
 * warning per pair of inputs ("the same shard given twice?"); when they
 * differ, the one that sorts first is kept and the others are errors
 * (documents_conflicting).  Either way the choice does not depend on the
 * order of the inputs.  Dropped records are freed; the order of the rest
 * is kept and *n updated.
 */
RC_API rc_status rc_record_reader_dedup(rc_record_reader *r, rc_record **recs, size_t *n,
                                        rc_error *err);
/** Diagnostics for lines that could not be read (owned by the reader). */
RC_API const rc_diag *rc_record_reader_diags(const rc_record_reader *r, size_t *n);
/** Counts of what was read and lost so far (complete after the last record). */
RC_API const rc_record_stats *rc_record_reader_stats(const rc_record_reader *r);
/** True when stats show no loss: nothing rejected, missing, unreadable or
 *  conflicting (duplicates counted once and unchecked older inputs are no
 *  loss). */
RC_API bool rc_record_stats_complete(const rc_record_stats *s);
/**
 * What stats say was lost or read twice, as a phrase for people ("1 line
 * rejected, 1 input incomplete, 3 claims missing"), or "" when nothing
 * was.  Writes at most size bytes with a NUL; returns the length it needs.
 */
RC_API size_t rc_record_stats_str(const rc_record_stats *s, char *buf, size_t size);
/** Bytes read so far over all inputs, newlines included (for progress). */
RC_API size_t rc_record_reader_bytes(const rc_record_reader *r);
/** Release a reader; records read stay valid.  As a store does, it holds
 *  the mentions and signatures its records share (copies of a document)
 *  until it is freed. */
RC_API void rc_record_reader_free(rc_record_reader *r);

#ifdef __cplusplus
}
#endif
#endif
