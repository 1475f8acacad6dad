/*
 * recount: the CI gate.  Checks a reconciled result against policies
 * ("no contradiction", "no new conflict since the baseline", "no range
 * wider than 50% of its low end", "no unlinked claim") and reports the
 * findings for people and for CI systems (GitHub Actions annotations,
 * JUnit XML, SARIF 2.1.0).
 */
#ifndef RECOUNT_CHECK_H
#define RECOUNT_CHECK_H

#include <recount/export.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <recount/status.h>
#include <recount/reconcile.h>
#include <recount/report.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Policies.  Append only. */
typedef enum rc_policy_kind {
	RC_POLICY_CONFLICT = 0,   /**< "contradiction": any contradiction or dispute */
	RC_POLICY_NEW_CONFLICT,   /**< "new-contradiction": a contradiction or dispute the baseline does not have */
	RC_POLICY_SPREAD,         /**< a range wider than pct% of its low end */
	RC_POLICY_UNLINKED,       /**< a claim no event took */
	/** documents skipped (more than pct% of those read), or a run that
	 *  processed no document at all: a gate must not pass what it could
	 *  not read */
	RC_POLICY_SKIPPED
} rc_policy_kind;

typedef struct rc_policy {
	rc_policy_kind kind;
	double pct;               /**< for RC_POLICY_SPREAD and RC_POLICY_SKIPPED */
} rc_policy;

/** Parse "contradiction", "new-contradiction", "spread=50", "spread=50%",
 *  "unlinked", "skipped", "skipped=5" or "skipped=5%"; "conflict" and
 *  "new-conflict" are the old names of the first two.  Progressions and
 *  revisions never fail a policy. */
RC_API rc_status rc_policy_parse(const char *text, rc_policy *out, rc_error *err);
/** "contradiction", "new-contradiction", "spread", "unlinked", "skipped". */
RC_API const char *rc_policy_kind_str(rc_policy_kind k);

/** One thing a policy found. */
typedef struct rc_finding {
	rc_policy_kind policy;
	const char *event;            /**< event id, or NULL (unlinked claims) */
	const char *metric;           /**< or NULL */
	const rc_conflict *conflict;  /**< for conflict policies, else NULL */
	const rc_claim_ref *at;       /**< the claim whose file and line the finding points at, or NULL */
	char *message;                /**< one line */
	/** For RC_POLICY_SKIPPED: the skipped document, whose file, line and
	 *  reason the finding gives; NULL for "no document was processed". */
	const rc_record *doc;
	/** A stable identity: "POLICY/" and 16 hex digits hashed from what the
	 *  finding is about (a conflict's event, metric, kind and claims, each
	 *  claim its document id and figure text; a skipped document's id),
	 *  never from positions, so an edit elsewhere in an article keeps it.
	 *  Unique within a result. */
	char *id;
} rc_finding;

/** What changed since the baseline (empty without one). */
typedef struct rc_baseline_diff {
	bool has_baseline;
	char **new_events;            /**< event ids not in the baseline */
	size_t n_new_events;
	char **gone_events;           /**< baseline events no longer found */
	size_t n_gone_events;
	char **changed_ranges;        /**< "event metric: [84, 100) -> [84, 110)" */
	size_t n_changed_ranges;
	size_t new_conflicts;         /**< conflicts not in the baseline */
} rc_baseline_diff;

typedef struct rc_check_result {
	rc_finding *findings;
	size_t n_findings;
	bool failed;                  /**< some policy found something */
	rc_baseline_diff diff;
	const rc_policy *policies;    /**< borrowed from the caller */
	size_t n_policies;
} rc_check_result;

/**
 * Check res against policies.  baseline_path is a report written by
 * `recount report --format json` (or NULL); new-conflict needs one.
 * Errors in the baseline name the file, line and column, or the member
 * whose type is wrong ("events[2].metrics.killed.range.lo is a string").
 */
RC_API rc_status rc_check(rc_check_result **out, const rc_result *res, const rc_policy *policies,
                          size_t n_policies, const char *baseline_path, rc_error *err);
RC_API void rc_check_result_free(rc_check_result *c);

/**
 * Write the findings: RC_FORMAT_TEXT (a summary, the baseline diff and one
 * line per finding), RC_FORMAT_GITHUB (workflow commands "::error
 * file=...,line=...::...", at most 10 errors and 10 warnings per step as
 * GitHub shows, then a notice of how many were left out; escaped as the
 * runner requires), RC_FORMAT_JUNIT (a failing test case per finding, a
 * passing one per policy that found nothing; every case's classname and
 * name unique and stable across runs) or RC_FORMAT_SARIF (2.1.0, one
 * result per finding with its physical location, percent-encoded artifact
 * URI and partialFingerprints from rc_finding.id; docs/report.md).
 */
RC_API rc_status rc_check_write(FILE *fp, const rc_check_result *c, const rc_result *res,
                                rc_format fmt, const rc_report_options *opts, rc_error *err);

#ifdef __cplusplus
}
#endif
#endif
