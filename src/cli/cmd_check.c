/*
 * recount check: the CI gate.  Reconciles a batch, applies --fail-on
 * policies (default: conflict), compares with a --baseline report, and
 * exits 0 when every policy passes, 1 when one fails, 2 on error.
 */
#include <stdio.h>
#include <string.h>
#include "cli.h"

enum { OPT_BASELINE = CLI_OPT_LOCAL, OPT_FAIL_ON, OPT_ALLOW_SKIPPED };

#define MAX_POLICIES 16

typedef struct state {
	const char *baseline;
	rc_policy pol[MAX_POLICIES + 2];
	size_t n_pol;
	bool allow_skipped;
} state;

/* --fail-on: one more policy */
static int add_policy(cli_ctx *ctx, void *user, const char *arg)
{
	state *s = user;
	rc_error err;
	if (s->n_pol == MAX_POLICIES) {
		cli_errorf(ctx, "at most %d --fail-on policies", MAX_POLICIES);
		return CLI_EXIT_ERROR;
	}
	if (rc_policy_parse(arg, &s->pol[s->n_pol], &err) != RC_OK) {
		cli_error(ctx, &err);
		return CLI_EXIT_ERROR;
	}
	s->n_pol++;
	return 0;
}

static const cli_opt opts[] = {
	CLI_O_OUTPUT,
	CLI_O_FORMAT("text (default), github, junit or sarif"),
	{"baseline", 0, "FILE", OPT_BASELINE, "a report written by recount report --format json to compare with",
	 CLI_TO_STATE(CLI_SET_STR, state, baseline)},
	{"fail-on", 0, "POLICY", OPT_FAIL_ON, "contradiction (default), new-contradiction, spread=PCT, unlinked, skipped[=PCT]; repeatable",
	 .set = CLI_SET_PARSE, .parse = add_policy},
	{"allow-skipped", 0, NULL, OPT_ALLOW_SKIPPED, "pass even when documents were skipped or none was processed",
	 CLI_TO_STATE(CLI_SET_TRUE, state, allow_skipped)},
	CLI_O_QUIET,
	CLI_O_JOBS,
	CLI_O_INFMT,
	CLI_O_FIELD,
	CLI_O_RULES,
	CLI_O_EVENTS,
	CLI_O_TOLERANCE,
	CLI_O_LIMITS,
	CLI_O_END,
};

/* --format: the first is the default */
static const rc_format formats[] = {RC_FORMAT_TEXT, RC_FORMAT_GITHUB, RC_FORMAT_JUNIT, RC_FORMAT_SARIF};

static rc_status write_check(FILE *fp, const rc_result *res, rc_format fmt,
                             const rc_report_options *ro, void *data, rc_error *err)
{
	return rc_check_write(fp, data, res, fmt, ro, err);
}

static int run(cli_ctx *ctx, rc_format fmt, void *user)
{
	state *s = user;
	int ret;
	bool has_skipped = false;
	for (size_t i = 0; i < s->n_pol; i++)
		has_skipped |= s->pol[i].kind == RC_POLICY_SKIPPED;
	if (has_skipped && s->allow_skipped) {
		cli_errorf(ctx, "--allow-skipped contradicts --fail-on skipped");
		return CLI_EXIT_ERROR;
	}
	if (!s->n_pol)
		s->pol[s->n_pol++] = (rc_policy){.kind = RC_POLICY_CONFLICT};
	/* A gate must not pass what it could not read: skipped is on unless
	 * relaxed with --fail-on skipped=PCT or turned off with --allow-skipped. */
	if (!has_skipped && !s->allow_skipped)
		s->pol[s->n_pol++] = (rc_policy){.kind = RC_POLICY_SKIPPED};
	for (size_t i = 0; i < s->n_pol; i++)
		if (s->pol[i].kind == RC_POLICY_NEW_CONFLICT && !s->baseline) {
			cli_errorf(ctx, "--fail-on new-conflict needs --baseline FILE");
			return CLI_EXIT_ERROR;
		}
	rc_result *res = NULL;
	if ((ret = cli_reconcile_inputs(ctx, &res)) != 0)
		return ret;
	rc_error err;
	rc_check_result *c = NULL;
	if (rc_check(&c, res, s->pol, s->n_pol, s->baseline, &err) != RC_OK) {
		cli_error(ctx, &err);
		rc_result_free(res);
		return CLI_EXIT_ERROR;
	}
	bool failed = c->failed;
	/* An input that exists but could not be read (no permission, a read
	 * error) is an error, not a finding: the gate did not see the batch. */
	size_t unreadable = 0;
	for (size_t i = 0; i < res->n_records; i++) {
		const rc_record *rec = res->records[i];
		for (size_t k = 0; rec->status != RC_DOC_OK && k < rec->n_diags; k++)
			if (rec->diags[k].severity == RC_SEV_ERROR && rec->diags[k].status == RC_ERR_IO) {
				unreadable++;
				break;
			}
	}
	ret = cli_write_result(ctx, res, fmt, write_check, c);
	rc_check_result_free(c);
	if (ret)
		return CLI_EXIT_ERROR;
	if (unreadable) {
		cli_errorf(ctx, "%zu input%s could not be read", unreadable, unreadable == 1 ? "" : "s");
		return CLI_EXIT_ERROR;
	}
	return failed ? CLI_EXIT_FOUND : 0;
}

const cli_command cli_cmd_check = {
	.name = "check",
	.args = "[INPUT...]",
	.summary = "gate a batch in CI: exit 1 when a policy finds contradictions",
	.description = "Reconciles the articles and applies the --fail-on policies: contradiction\n"
	               "(any contradiction or dispute; progressions and revisions never fail),\n"
	               "new-contradiction (one the --baseline report lacks), spread=PCT (a metric\n"
	               "whose figures spread wider than PCT% of the low end), unlinked (a claim\n"
	               "with no event), skipped[=PCT] (documents that could not be read, more\n"
	               "than PCT% of them; or none processed at all); conflict and new-conflict\n"
	               "are the old names of the first two. skipped is always on unless\n"
	               "--allow-skipped is given. Exit status 0: passed, 1: a policy failed, 2:\n"
	               "error (a missing or unreadable input included). --format github writes\n"
	               "workflow annotations at the claims' files and lines, junit and sarif\n"
	               "write files for CI dashboards.",
	.opts = opts,
	.run = run,
	.state_size = sizeof(state),
	CLI_FORMATS(formats, "text, github, junit or sarif"),
};
