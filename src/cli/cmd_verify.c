/*
 * recount verify "CLAIM" INPUT...: says whether the articles support,
 * contradict or do not cover one claim sentence, with the evidence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const cli_opt opts[] = {
	CLI_O_OUTPUT,
	{"format", 'f', "FMT", CLI_OPT_FORMAT, "text (default), json or claimreview (schema.org JSON-LD)"},
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

const cli_command cli_cmd_verify = {
	.name = "verify",
	.args = "CLAIM [INPUT...]",
	.summary = "check one claim sentence against a batch of articles",
	.description = "Reads the claim (\"nearly 100 people died in the Kerman bombing\") with the\n"
	               "same extractor as the articles, links it to their events and says whether\n"
	               "the sources support it, contradict it, disagree about it, or do not\n"
	               "cover it, with every figure that fits and every one that does not.\n"
	               "--format claimreview writes schema.org ClaimReview JSON-LD.",
	.opts = opts,
	.run = run,
};

static int run(int argc, char **argv)
{
	cli_ctx ctx;
	int ret = cli_parse(&ctx, &cli_cmd_verify, argc, argv, NULL, NULL);
	if (ret >= 0)
		return ret;
	if (ctx.n_inputs < 1 || !ctx.inputs[0][0]) {
		cli_errorf(&ctx, "usage: recount verify \"CLAIM\" [INPUT...]");
		return CLI_EXIT_ERROR;
	}
	static const rc_format allowed[] = {RC_FORMAT_TEXT, RC_FORMAT_JSON, RC_FORMAT_CLAIMREVIEW};
	rc_format fmt = RC_FORMAT_TEXT;
	if ((ret = cli_format(&ctx, allowed, RC_ARRAY_LEN_CLI(allowed), "text, json or claimreview", &fmt)))
		return ret;
	const char *claim = ctx.inputs[0];
	ctx.inputs++;
	ctx.n_inputs--;
	cli_engine eng;
	if ((ret = cli_engine_open(&ctx, &eng)) != 0)
		return ret;
	rc_record **recs;
	size_t n;
	cli_progress prog;
	if ((ret = cli_collect_records(&ctx, &eng, &recs, &n, &prog)) != 0) {
		cli_engine_close(&eng);
		return ret;
	}
	rc_reconcile_options ro = {.approx_tolerance = ctx.tolerance, .events = eng.defs};
	rc_error err;
	rc_verification *v = NULL;
	rc_status st = rc_verify(&v, claim, recs, n, eng.ex, &ro, &err);
	free(recs);
	if (st != RC_OK) {
		cli_error(&ctx, &err);
		cli_engine_close(&eng);
		return CLI_EXIT_ERROR;
	}
	cli_output out;
	if ((ret = cli_output_open(&out, &ctx)) == 0) {
		st = rc_verification_write(out.fp, v, fmt, NULL, &err);
		if (st != RC_OK)
			cli_error(&ctx, &err);
		ret = cli_output_close(&out, &ctx, st == RC_OK);
	}
	rc_verification_free(v);
	cli_engine_close(&eng);
	return st == RC_OK ? ret : CLI_EXIT_ERROR;
}
