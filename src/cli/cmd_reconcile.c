/*
 * recount reconcile: the reduce phase on its own, over claims JSON Lines
 * written by `recount extract` (from one run or many shards).  The result
 * is the same as `recount report --format json` over the same articles,
 * whatever the shards and their order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"

enum { OPT_WINDOW = CLI_OPT_LOCAL, OPT_DUP, OPT_PARTIAL };

typedef struct state {
	bool allow_partial;
} state;

static int parse_window(cli_ctx *ctx, void *user, const char *arg)
{
	(void)user;
	char *end;
	long v = strtol(arg, &end, 10);
	/* 0 in the options means the default, so the smallest window is 1 */
	if (*end || end == arg || v < 1 || v > 3650) {
		cli_errorf(ctx, "--window-days wants a number of days (1-3650), got '%s'", arg);
		return CLI_EXIT_ERROR;
	}
	ctx->window_days = (unsigned)v;
	return 0;
}

static int parse_dup(cli_ctx *ctx, void *user, const char *arg)
{
	(void)user;
	char *end;
	double v = strtod(arg, &end);
	if (*end || end == arg || !(v > 0 && v <= 1)) {
		cli_errorf(ctx, "--duplicate-threshold wants a number in (0, 1], got '%s'", arg);
		return CLI_EXIT_ERROR;
	}
	ctx->duplicate_threshold = v;
	return 0;
}

static const cli_opt opts[] = {
	CLI_O_OUTPUT,
	CLI_O_FORMAT("json (default), text, md or html"),
	CLI_O_JOBS,
	CLI_O_QUIET,
	CLI_O_COLOR,
	CLI_O_EVENTS,
	CLI_O_TOLERANCE,
	CLI_O_BEST,
	{"window-days", 0, "N", OPT_WINDOW, "days per time window: reports in one window are \"the same time\" (default 1, the day)",
	 .set = CLI_SET_PARSE, .parse = parse_window},
	{"duplicate-threshold", 0, "X", OPT_DUP, "MinHash similarity from which two documents are one origin (default 0.8)",
	 .set = CLI_SET_PARSE, .parse = parse_dup},
	{"allow-partial", 0, NULL, OPT_PARTIAL, "reconcile what could be read from damaged input (exit status 1) instead of failing",
	 CLI_TO_STATE(CLI_SET_TRUE, state, allow_partial)},
	CLI_O_END,
};

/* --format: the first is the default */
static const rc_format formats[] = {RC_FORMAT_JSON, RC_FORMAT_TEXT, RC_FORMAT_MD, RC_FORMAT_HTML};

static int run(cli_ctx *ctx, rc_format fmt, void *user)
{
	state *s = user;
	int ret;
	rc_error err;
	rc_engine *eng = NULL;
	if ((ret = cli_engine_open(ctx, &eng)) != 0)
		return ret;
	const char *std_in[] = {"-"};
	const char *const *paths = ctx->n_inputs ? (const char *const *)ctx->inputs : std_in;
	size_t n_paths = ctx->n_inputs ? (size_t)ctx->n_inputs : 1;
	rc_record_reader *rr = NULL;
	if (rc_record_reader_new(&rr, paths, n_paths, &err) != RC_OK) {
		cli_error(ctx, &err);
		rc_engine_free(eng);
		return CLI_EXIT_ERROR;
	}
	/* -j: the claims are parsed on the threads of the reduce */
	rc_record_reader_set_threads(rr, ctx->jobs ? (unsigned)ctx->jobs : rc_cpu_count());
	rc_record **recs = NULL;
	size_t n = 0, cap = 0;
	rc_status st = RC_OK;
	cli_progress prog;
	cli_progress_init(&prog, ctx);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		rc_record *rec = NULL;
		if ((st = rc_record_reader_next(rr, &rec, &err)) != RC_OK || !rec)
			break;
		if (prog.on && n % 1024 == 0) {
			struct timespec t;
			clock_gettime(CLOCK_MONOTONIC, &t);
			rc_progress p = {.documents = n, .bytes = rc_record_reader_bytes(rr),
			                 .seconds = (double)(t.tv_sec - t0.tv_sec) + (t.tv_nsec - t0.tv_nsec) / 1e9};
			cli_progress_fn(&prog, &p);
		}
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 256;
			rc_record **nr = realloc(recs, nc * sizeof *nr);
			if (!nr) {
				rc_record_free(rec);
				st = RC_ERR_NOMEM;
				snprintf(err.message, sizeof err.message, "out of memory");
				break;
			}
			recs = nr;
			cap = nc;
		}
		recs[n++] = rec;
	}
	cli_progress_fn(&prog, &(rc_progress){.done = true});
	/* Documents read twice (a shard given twice) are counted once. */
	if (st == RC_OK)
		st = rc_record_reader_dedup(rr, recs, &n, &err);
	/* Every line that could not be read, every input cut short, is an
	 * error with path:line, printed even with -q: it explains the exit
	 * status.  Warnings (duplicates, reset indices) are quiet with -q. */
	size_t nd = 0;
	const rc_diag *d = rc_record_reader_diags(rr, &nd);
	for (size_t i = 0; i < nd; i++)
		if (!ctx->quiet || d[i].severity == RC_SEV_ERROR)
			cli_diag(ctx, &d[i]);
	rc_record_stats in = *rc_record_reader_stats(rr);
	rc_record_reader_free(rr);
	bool complete = rc_record_stats_complete(&in);
	char lost[512];
	rc_record_stats_str(&in, lost, sizeof lost);
	int fail = 0;
	if (st != RC_OK) {
		cli_error(ctx, &err);
		fail = CLI_EXIT_ERROR;
	} else if (in.inputs_unreadable) {
		/* a shard that cannot be opened is never "partial": name it */
		fail = CLI_EXIT_ERROR;
	} else if (n == 0 && nd > 0 && !in.documents_duplicate) {
		cli_errorf(ctx, "no record could be read: the inputs must be claims JSON Lines "
		                 "written by recount extract");
		fail = CLI_EXIT_ERROR;
	} else if (!complete && !s->allow_partial) {
		cli_errorf(ctx, "incomplete input (%s): nothing written; --allow-partial reconciles "
		                 "what could be read, with exit status 1", lost);
		fail = CLI_EXIT_ERROR;
	}
	if (fail) {
		for (size_t i = 0; i < n; i++)
			rc_record_free(recs[i]);
		free(recs);
		rc_engine_free(eng);
		return fail;
	}
	rc_result *res = NULL;
	cli_progress_reconciling(&prog, recs, n);
	st = rc_engine_reconcile(&res, eng, recs, n, &err);
	cli_progress_clear(&prog);
	free(recs);
	if (st != RC_OK) {
		cli_error(ctx, &err);
		rc_engine_free(eng);
		return CLI_EXIT_ERROR;
	}
	res->input = in;
	rc_engine_free(eng);
	if (!ctx->quiet)
		fprintf(stderr, "%s: %zu document%s, %zu claim%s, %zu event%s%s%s\n", ctx->prog,
		        res->documents_read, res->documents_read == 1 ? "" : "s", res->claims,
		        res->claims == 1 ? "" : "s", res->n_events, res->n_events == 1 ? "" : "s",
		        *lost ? "; " : "", lost);
	if (!complete)
		cli_errorf(ctx, "incomplete input (%s): the result covers only what could be read",
		           lost);
	ret = cli_write_result(ctx, res, fmt, cli_write_report, NULL);
	return ret == 0 && !complete ? CLI_EXIT_FOUND : ret;
}

const cli_command cli_cmd_reconcile = {
	.name = "reconcile",
	.args = "CLAIMS.jsonl...",
	.summary = "reconcile claims written by recount extract (the reduce phase)",
	.description = "Reads the JSON Lines of one or more `recount extract` runs (shards of a\n"
	               "batch, in any order) and writes the reconciled result: the same as\n"
	               "`recount report --format json` over the same articles. Reads standard\n"
	               "input when no file is given. Damaged input (a line that cannot be read,\n"
	               "a shard cut short, a document read twice with different content) is an\n"
	               "error, exit status 2, unless --allow-partial; a shard given twice is\n"
	               "counted once, with a warning.",
	.opts = opts,
	.run = run,
	.state_size = sizeof(state),
	CLI_FORMATS(formats, "json, text, md or html"),
};
