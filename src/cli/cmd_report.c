/*
 * recount report: the main job.  Reads articles, extracts and reconciles
 * their claims, and writes a report for people (text on a terminal,
 * Markdown, one self-contained HTML page) or the full structured result
 * (JSON, docs/schema-report.md).
 */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static const cli_opt opts[] = {
	CLI_O_OUTPUT,
	CLI_O_FORMAT("text (default), md, html or json"),
	CLI_O_QUIET,
	CLI_O_COLOR,
	CLI_O_WIDTH,
	CLI_O_ALL_EVENTS,
	CLI_O_JOBS,
	CLI_O_INFMT,
	CLI_O_FIELD,
	CLI_O_RULES,
	CLI_O_EVENTS,
	CLI_O_TOLERANCE,
	CLI_O_BEST,
	CLI_O_LIMITS,
	CLI_O_END,
};

/* --format: the first is the default */
static const rc_format formats[] = {RC_FORMAT_TEXT, RC_FORMAT_MD, RC_FORMAT_HTML, RC_FORMAT_JSON};

const cli_command cli_cmd_report = {
	.name = "report",
	.args = "[INPUT...]",
	.summary = "reconcile the figures of a batch of articles and report them",
	.description = "Extracts every claim from the articles, links claims to events, and\n"
	               "reports per event and metric the range of figures, the best estimate, the\n"
	               "independent sources, the conflicts (contradictions, revisions,\n"
	               "progressions) with their quotes and file:line, and aggregate checks.\n"
	               "--format md and html write a note and a self-contained page; json writes\n"
	               "the full result (docs/schema-report.md). Events with no figures are left\n"
	               "out of text, md and html unless --all-events. Without --format, -o FILE\n"
	               "takes the format from its extension (.md, .html, .json). Reads standard\n"
	               "input when no INPUT is given.",
	.opts = opts,
	.run = cli_run_reconciling,
	.write = cli_write_report,
	CLI_FORMATS(formats, "text, md, html or json"),
};
