/*
 * recount conflicts: the conflict table of a batch of articles, for
 * spreadsheets and databases (CSV, TSV, JSON, Markdown; columns in
 * docs/report.md, "recount conflicts").
 */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static const cli_opt opts[] = {
	CLI_O_OUTPUT,
	CLI_O_FORMAT("csv (default), tsv, json or md"),
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
static const rc_format formats[] = {RC_FORMAT_CSV, RC_FORMAT_TSV, RC_FORMAT_JSON, RC_FORMAT_MD};

static rc_status write_conflicts(FILE *fp, const rc_result *res, rc_format fmt,
                                 const rc_report_options *ro, void *data, rc_error *err)
{
	(void)data;
	return rc_conflicts_write(fp, res, fmt, ro, err);
}

const cli_command cli_cmd_conflicts = {
	.name = "conflicts",
	.args = "[INPUT...]",
	.summary = "export every conflict between sources as a table",
	.description = "One row per pair of conflicting claims: event, metric, kind\n"
	               "(contradiction, revision, progression), both figures with their intervals,\n"
	               "sources, dates, quotes and file:line. CSV follows RFC 4180 and neutralises\n"
	               "cells a spreadsheet would run as formulas.",
	.opts = opts,
	.run = cli_run_reconciling,
	.write = write_conflicts,
	CLI_FORMATS(formats, "csv, tsv, json or md"),
};
