/*
 * recount: checking one claim against a batch.  "nearly 100 people died in
 * the Kerman bombing" is read with the same extractor as the articles,
 * linked to the same events, and compared with what the sources say.
 */
#ifndef RECOUNT_VERIFY_H
#define RECOUNT_VERIFY_H

#include <recount/export.h>

#include <stdio.h>
#include <recount/status.h>
#include <recount/record.h>
#include <recount/reconcile.h>
#include <recount/pipeline.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Verdicts.  Append only. */
typedef enum rc_verdict {
	RC_VERDICT_SUPPORTED = 0,  /**< fits what every current source says */
	RC_VERDICT_CONTRADICTED,   /**< no current source's figure fits it */
	RC_VERDICT_DISPUTED,       /**< the sources disagree: some fit it, some do not */
	RC_VERDICT_NOT_COVERED,    /**< no source gives this figure for this event */
	RC_VERDICT_UNREADABLE      /**< no claim could be read from the sentence */
} rc_verdict;

/** "supported", "contradicted", "disputed", "not covered", "unreadable". */
RC_API const char *rc_verdict_str(rc_verdict v);

typedef struct rc_verification {
	rc_verdict verdict;
	const char *sentence;          /**< the claim as given */
	const rc_claim *claim;         /**< as read from it, or NULL */
	const rc_event *event;         /**< the event it is about, or NULL */
	const char *metric;            /**< or NULL */
	const rc_claim_ref **fit;      /**< current claims whose figures fit it */
	size_t n_fit;
	const rc_claim_ref **unfit;    /**< current claims whose figures do not */
	size_t n_unfit;
	/** Current figures a later, higher report of another document overtook
	 *  (reported more than window_days later: the toll rose).  They are
	 *  shown, but neither fit nor unfit: the verdict is on the latest. */
	const rc_claim_ref **overtaken;
	size_t n_overtaken;
	const char *why;               /**< one sentence */
	const rc_result *result;       /**< the reconciled batch it was checked against */
	const rc_record *own;          /**< the sentence's own record (where claim lives) */
	struct rc_verification_priv *priv;
} rc_verification;

/**
 * Verify sentence against records[0..n) (ownership passes, as with
 * rc_reconcile()).  ex reads the sentence; opts as for rc_reconcile().
 */
RC_API rc_status rc_verify(rc_verification **out, const char *sentence, rc_record **records, size_t n,
                           const rc_extractor *ex, const rc_reconcile_options *opts, rc_error *err);

RC_API void rc_verification_free(rc_verification *v);

#ifdef __cplusplus
}
#endif
#endif
