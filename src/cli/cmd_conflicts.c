/*
 * recount conflicts: the conflict table of a batch of articles, for
 * spreadsheets and databases (CSV, TSV, JSON, Markdown; columns in
 * docs/schema-conflicts.md).
 */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static const cli_opt opts[] = {
	CLI_O_OUTPUT,
	{"format", 'f', "FMT", CLI_OPT_FORMAT, "csv (default), tsv, json or md"},
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

const cli_command cli_cmd_conflicts = {
	.name = "conflicts",
	.args = "[INPUT...]",
	.summary = "export every conflict between sources as a table",
	.description = "One row per pair of conflicting claims: event, metric, kind\n"
	               "(contradiction, revision, progression), both figures with their intervals,\n"
	               "sources, dates, quotes and file:line. CSV follows RFC 4180 and neutralises\n"
	               "cells a spreadsheet would run as formulas.",
	.opts = opts,
	.run = run,
};

static int run(int argc, char **argv)
{
	cli_ctx ctx;
	int ret = cli_parse(&ctx, &cli_cmd_conflicts, argc, argv, NULL, NULL);
	if (ret >= 0)
		return ret;
	rc_format fmt = RC_FORMAT_CSV;
	if (ctx.format && (!rc_format_parse(ctx.format, &fmt) ||
	                   (fmt != RC_FORMAT_CSV && fmt != RC_FORMAT_TSV && fmt != RC_FORMAT_JSON &&
	                    fmt != RC_FORMAT_MD))) {
		cli_errorf(&ctx, "--format wants csv, tsv, json or md, got '%s'", ctx.format);
		return CLI_EXIT_ERROR;
	}
	rc_result *res = NULL;
	if ((ret = cli_reconcile_inputs(&ctx, NULL, &res)) != 0)
		return ret;
	cli_output out;
	if ((ret = cli_output_open(&out, &ctx)) != 0) {
		rc_result_free(res);
		return ret;
	}
	rc_error err;
	rc_status st = rc_conflicts_write(out.fp, res, fmt, NULL, &err);
	if (st != RC_OK)
		cli_error(&ctx, &err);
	rc_result_free(res);
	ret = cli_output_close(&out, &ctx, st == RC_OK);
	return st == RC_OK ? ret : CLI_EXIT_ERROR;
}
