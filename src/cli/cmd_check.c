/*
 * recount check: the CI gate.  Reconciles a batch, applies --fail-on
 * policies (default: conflict), compares with a --baseline report, and
 * exits 0 when every policy passes, 1 when one fails, 2 on error.
 */
#include <stdio.h>
#include <string.h>
#include "cli.h"

enum { OPT_BASELINE = CLI_OPT_LOCAL, OPT_FAIL_ON };

static const cli_opt opts[] = {
	CLI_O_OUTPUT,
	{"format", 'f', "FMT", CLI_OPT_FORMAT, "text (default), github, junit or sarif"},
	{"baseline", 0, "FILE", OPT_BASELINE, "a report written by recount report --format json to compare with"},
	{"fail-on", 0, "POLICY", OPT_FAIL_ON, "conflict (default), new-conflict, spread=PCT, unlinked; repeatable"},
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

static int run(int argc, char **argv);

const cli_command cli_cmd_check = {
	.name = "check",
	.args = "[INPUT...]",
	.summary = "gate a batch in CI: exit 1 when a policy finds conflicts",
	.description = "Reconciles the articles and applies the --fail-on policies: conflict (any\n"
	               "contradiction), new-conflict (one the --baseline report lacks), spread=PCT\n"
	               "(a metric whose figures spread wider than PCT% of the low end), unlinked\n"
	               "(a claim with no event). Exit status 0: passed, 1: a policy failed, 2:\n"
	               "error. --format github writes workflow annotations at the claims' files\n"
	               "and lines, junit and sarif write files for CI dashboards.",
	.opts = opts,
	.run = run,
};

#define MAX_POLICIES 16

typedef struct state {
	const char *baseline;
	rc_policy pol[MAX_POLICIES];
	size_t n_pol;
} state;

static int local_option(cli_ctx *ctx, void *user, int id, const char *arg)
{
	state *s = user;
	if (id == OPT_BASELINE) {
		s->baseline = arg;
		return 0;
	}
	if (id == OPT_FAIL_ON) {
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
	return -1;
}

static rc_status write_check(FILE *fp, const rc_result *res, rc_format fmt, bool color,
                             void *data, rc_error *err)
{
	(void)color;
	return rc_check_write(fp, data, res, fmt, NULL, err);
}

static int run(int argc, char **argv)
{
	cli_ctx ctx;
	state s = {0};
	int ret = cli_parse(&ctx, &cli_cmd_check, argc, argv, local_option, &s);
	if (ret >= 0)
		return ret;
	static const rc_format allowed[] = {RC_FORMAT_TEXT, RC_FORMAT_GITHUB, RC_FORMAT_JUNIT, RC_FORMAT_SARIF};
	rc_format fmt = RC_FORMAT_TEXT;
	if ((ret = cli_format(&ctx, allowed, RC_ARRAY_LEN_CLI(allowed), "text, github, junit or sarif", &fmt)))
		return ret;
	if (!s.n_pol)
		s.pol[s.n_pol++] = (rc_policy){.kind = RC_POLICY_CONFLICT};
	for (size_t i = 0; i < s.n_pol; i++)
		if (s.pol[i].kind == RC_POLICY_NEW_CONFLICT && !s.baseline) {
			cli_errorf(&ctx, "--fail-on new-conflict needs --baseline FILE");
			return CLI_EXIT_ERROR;
		}
	rc_result *res = NULL;
	if ((ret = cli_reconcile_inputs(&ctx, NULL, &res)) != 0)
		return ret;
	rc_error err;
	rc_check_result *c = NULL;
	if (rc_check(&c, res, s.pol, s.n_pol, s.baseline, &err) != RC_OK) {
		cli_error(&ctx, &err);
		rc_result_free(res);
		return CLI_EXIT_ERROR;
	}
	bool failed = c->failed;
	ret = cli_write_result(&ctx, res, fmt, write_check, c);
	rc_check_result_free(c);
	if (ret)
		return CLI_EXIT_ERROR;
	return failed ? CLI_EXIT_FOUND : 0;
}
