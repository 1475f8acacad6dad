/*
 * recount numbers: every quantity the recognizer finds in raw text, as
 * JSON Lines or a table.  Reads files as they are (no document parsing),
 * so that it shows exactly what the recognizer sees; offsets are bytes
 * within the line where the figure starts.  The reading and the writing
 * are the library's (rc_quantity_writer_scan, src/report/quantities.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

enum { OPT_LINES = CLI_OPT_LOCAL, OPT_VAGUE };

#define MAX_VAGUE 64

typedef struct state {
	bool lines;
	const char *vague[MAX_VAGUE];
	size_t n_vague;
} state;

/* --vague: one more term */
static int add_vague(cli_ctx *ctx, void *user, const char *arg)
{
	state *s = user;
	if (s->n_vague == MAX_VAGUE) {
		cli_errorf(ctx, "at most %d --vague options", MAX_VAGUE);
		return CLI_EXIT_ERROR;
	}
	s->vague[s->n_vague++] = arg;
	return 0;
}

static const cli_opt opts[] = {
	CLI_O_OUTPUT,
	CLI_O_FORMAT("jsonl (default) or text"),
	{"lines", 0, NULL, OPT_LINES, "read each line as a phrase of its own (no figure spans two lines)",
	 CLI_TO_STATE(CLI_SET_TRUE, state, lines)},
	{"vague", 0, "TERM=LO,HI", OPT_VAGUE, "interval of a vague term (\"dozens=24,99\"; \"many=3,\" for no upper bound); repeatable",
	 .set = CLI_SET_PARSE, .parse = add_vague},
	CLI_O_QUIET,
	CLI_O_TOLERANCE,
	CLI_O_MAXDOC,
	CLI_O_END,
};

/* --format: the first is the default */
static const rc_format formats[] = {RC_FORMAT_JSONL, RC_FORMAT_TEXT, RC_FORMAT_JSON};

static int run(cli_ctx *ctx, rc_format fmt, void *user)
{
	state *s = user;
	int ret;
	rc_error err;
	rc_recognizer *rec = NULL;
	rc_recognizer_options ro = {.version = RC_RECOGNIZER_OPTIONS_VERSION, .approx_tolerance = ctx->tolerance};
	if (rc_recognizer_new(&rec, &ro, &err) != RC_OK) {
		cli_error(ctx, &err);
		return CLI_EXIT_ERROR;
	}
	for (size_t i = 0; i < s->n_vague; i++)
		if (rc_recognizer_set_vague_spec(rec, s->vague[i], &err) != RC_OK) {
			cli_error(ctx, &err);
			rc_recognizer_free(rec);
			return CLI_EXIT_ERROR;
		}
	cli_output out;
	if ((ret = cli_output_open(&out, ctx)) != 0) {
		rc_recognizer_free(rec);
		return ret;
	}
	rc_quantity_writer *w = NULL;
	rc_report_options rop = RC_REPORT_OPTIONS_INIT;
	bool ok = rc_quantity_writer_new(&w, out.fp, fmt, &rop, &err) == RC_OK;
	if (!ok)
		cli_error(ctx, &err);
	bool failed = false;
	rc_limits lim = ctx->ingest.limits;
	rc_limits_resolve(&lim);
	size_t max = lim.max_document_bytes;
	int n = ctx->n_inputs ? ctx->n_inputs : 1;
	for (int k = 0; ok && k < n; k++) {
		const char *path = ctx->n_inputs ? ctx->inputs[k] : "-";
		bool std = strcmp(path, "-") == 0;
		FILE *fp = std ? stdin : fopen(path, "rb");
		if (!fp) {
			cli_errorf(ctx, "%s: %s: skipped", path, strerror(errno));
			failed = true;
			continue;
		}
		/* name the file only when there are several */
		rc_quantity_scan_options so = {.version = RC_QUANTITY_SCAN_OPTIONS_VERSION, .lines = s->lines,
		                               .max_bytes = max};
		if (rc_quantity_writer_scan(w, rec, fp, ctx->n_inputs > 1 ? path : NULL,
		                            std ? "standard input" : path, &so, &err) != RC_OK) {
			cli_error(ctx, &err);
			failed = true;
		}
		if (!std)
			fclose(fp);
	}
	if (ok && rc_quantity_writer_finish(w, &err) != RC_OK) {
		cli_error(ctx, &err);
		ok = false;
	}
	rc_quantity_writer_free(w);
	rc_recognizer_free(rec);
	ret = cli_output_close(&out, ctx, ok);
	return failed ? CLI_EXIT_ERROR : ret;
}

const cli_command cli_cmd_numbers = {
	.name = "numbers",
	.args = "[FILE...]",
	.summary = "list every figure in a text, with its interval, qualifier and kind",
	.description = "Runs the quantity recognizer over raw text (standard input when no FILE is\n"
	               "given) and prints one JSON object per figure: its line, byte offsets within\n"
	               "the line, kind (count, range, vague, year, date, time, age, ordinal, percent,\n"
	               "money, measure, id, phrase), interval (null for an unbounded end), whether it\n"
	               "is approximate or vague, and its qualifier. docs/quantities.md has the rules.",
	.opts = opts,
	.run = run,
	.state_size = sizeof(state),
	CLI_FORMATS(formats, "jsonl or text"),
};
