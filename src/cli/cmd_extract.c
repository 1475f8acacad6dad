/*
 * recount extract: the map phase on the command line.  Reads documents,
 * extracts their claims and prints them as JSON Lines (one line per
 * document with its claims, then an end line that counts them;
 * docs/schema-claim.md) or as a readable table (rc_claim_table_write).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

enum { OPT_CLAIMS_ONLY = CLI_OPT_LOCAL };

typedef struct state {
	cli_ctx *ctx;
	FILE *fp;
	bool text;
	bool claims_only;
	size_t read, processed, skipped, claims;
} state;

static const cli_opt opts[] = {
	CLI_O_OUTPUT,
	CLI_O_FORMAT("jsonl (default) or text"),
	{"claims-only", 0, NULL, OPT_CLAIMS_ONLY, "JSON Lines: one self-contained recount.claim/1 line per claim",
	 CLI_TO_STATE(CLI_SET_TRUE, state, claims_only)},
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
static const rc_format formats[] = {RC_FORMAT_JSONL, RC_FORMAT_TEXT};

/* On a worker thread: the JSON Lines of a record, so that rendering runs
 * in parallel; on_record only writes the bytes. */
static rc_status render(void *user, rc_record *rec, rc_error *err)
{
	const state *s = user;
	return rc_record_render_jsonl(rec, !s->claims_only, &rec->rendered, &rec->rendered_len, err);
}

static rc_status on_record(void *user, rc_record *rec, rc_error *err)
{
	state *s = user;
	s->read++;
	if (rec->status == RC_DOC_OK)
		s->processed++;
	else
		s->skipped++;
	s->claims += rec->n_claims;
	/* Problems of skipped documents, and cuts such as the claim limit. */
	if (!s->ctx->quiet)
		for (size_t i = 0; i < rec->n_diags; i++)
			if (rec->status != RC_DOC_OK || rec->diags[i].status == RC_ERR_LIMIT)
				cli_diag(s->ctx, &rec->diags[i]);
	rc_status st = RC_OK;
	if (s->text) {
		st = rc_claim_table_write(s->fp, rec, err);
	} else if (rec->rendered) {
		if (fwrite(rec->rendered, 1, rec->rendered_len, s->fp) != rec->rendered_len) {
			st = cli_set_error(err, RC_ERR_IO, "write error: %s", strerror(errno));
		}
	} else {
		st = rc_record_write_jsonl(s->fp, rec, !s->claims_only, err);
	}
	rc_record_free(rec);
	return st;
}

static int run(cli_ctx *ctx, rc_format fmt, void *user)
{
	state *s = user;
	int ret;
	s->ctx = ctx;
	s->text = fmt == RC_FORMAT_TEXT;
	rc_engine *eng;
	if ((ret = cli_engine_open(ctx, &eng)) != 0)
		return ret;
	cli_output out;
	bool ok = (ret = cli_output_open(&out, ctx)) == 0;
	s->fp = out.fp;
	rc_error err;
	if (ok && s->text && rc_claim_table_header(s->fp, &err) != RC_OK) {
		cli_error(ctx, &err);
		ok = false;
	}
	cli_progress prog;
	if (ok)
		ok = cli_map_inputs(ctx, eng, &prog, on_record, s, s->text ? NULL : render, s) == 0;
	rc_engine_free(eng);
	if (ret != 0)
		return ret; /* the output could not be opened: nothing read, nothing said */
	/* JSON Lines end with a line that counts them: `recount reconcile`
	 * checks it, so output cut short is never taken for a whole run */
	if (ok && !s->text && rc_record_write_end(s->fp, s->claims_only ? 0 : s->read, s->claims, &err) != RC_OK) {
		cli_error(ctx, &err);
		ok = false;
	}
	ret = cli_output_close(&out, ctx, ok);
	if (!ctx->quiet)
		fprintf(stderr, "%s: %zu document%s read, %zu processed, %zu skipped, %zu claim%s\n",
		        ctx->prog, s->read, s->read == 1 ? "" : "s", s->processed, s->skipped, s->claims,
		        s->claims == 1 ? "" : "s");
	return ret;
}

const cli_command cli_cmd_extract = {
	.name = "extract",
	.args = "[INPUT...]",
	.summary = "extract the claims of each document as JSON Lines",
	.description = "Finds every figure about how many people an event killed, injured, got\n"
	               "arrested, and so on, with its metric, subject, status, attribution, event\n"
	               "and position. JSON Lines output (one recount.document/2 line per document\n"
	               "with its claims, then a recount.end/1 line) feeds `recount reconcile`;\n"
	               "--format text prints a table. Reads standard input when no INPUT is given.",
	.opts = opts,
	.run = run,
	.state_size = sizeof(state),
	CLI_FORMATS(formats, "jsonl or text"),
};
