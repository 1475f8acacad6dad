/*
 * recount events: which events the articles speak of.  Runs the map phase
 * on the inputs, merges the event mentions of all documents into events
 * (rc_events_collect) and lists each event with its id, label, date, place,
 * documents and the claims linked to it, then the claims linked to none.
 * Text (default) or --format json (schema recount.events/1, docs/events.md),
 * both written by rc_events_write() (src/report/events.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const cli_opt opts[] = {
	CLI_O_OUTPUT,
	CLI_O_FORMAT("text (default) or json"),
	CLI_O_QUIET,
	CLI_O_JOBS,
	CLI_O_INFMT,
	CLI_O_FIELD,
	CLI_O_RULES,
	CLI_O_EVENTS,
	CLI_O_END,
};

/* --format: the first is the default */
static const rc_format formats[] = {RC_FORMAT_TEXT, RC_FORMAT_JSON};

typedef struct state {
	cli_ctx *ctx;
	rc_record **recs;
	size_t n;
	size_t skipped;
} state;

/* A skipped document is counted, with its problems. */
static void watch(void *user, const rc_record *rec)
{
	state *s = user;
	if (rec->status == RC_DOC_OK)
		return;
	s->skipped++;
	if (!s->ctx->quiet)
		for (size_t i = 0; i < rec->n_diags; i++)
			cli_diag(s->ctx, &rec->diags[i]);
}

static int cmp_rec(const void *pa, const void *pb)
{
	const rc_record *a = *(rc_record *const *)pa, *b = *(rc_record *const *)pb;
	int c = strcmp(a->doc ? a->doc : "", b->doc ? b->doc : "");
	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int run(cli_ctx *ctx, rc_format fmt, void *user)
{
	state *s = user;
	int ret;
	s->ctx = ctx;
	rc_engine *eng;
	if ((ret = cli_engine_open(ctx, &eng)) != 0)
		return ret;
	rc_error err;
	cli_progress prog;
	ret = cli_collect_records(ctx, eng, &s->recs, &s->n, &prog, watch, s);
	bool ok = ret == 0;
	rc_event_set *set = NULL;
	if (ok) {
		qsort(s->recs, s->n, sizeof(*s->recs), cmp_rec);
		ok = rc_engine_events_collect(&set, eng, s->recs, s->n, &err) == RC_OK;
		if (!ok)
			cli_error(ctx, &err);
	}
	cli_output out;
	if (ok && (ret = cli_output_open(&out, ctx)) == 0) {
		rc_report_options ro = cli_report_options(ctx, out.fp, fmt);
		bool wrote = rc_events_write(out.fp, set, s->recs, s->n, fmt, &ro, &err) == RC_OK;
		if (!wrote)
			cli_error(ctx, &err);
		ret = cli_output_close(&out, ctx, wrote);
		ok = wrote;
	}
	size_t claims = 0, linked = 0;
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; k < s->recs[i]->n_claims; k++) {
			claims++;
			linked += rc_event_set_claim_event(set, i, k) != NULL;
		}
	if (!ctx->quiet && set)
		fprintf(stderr, "%s: %zu document%s read, %zu skipped, %zu event%s, %zu of %zu claim%s linked\n",
		        ctx->prog, s->n, s->n == 1 ? "" : "s", s->skipped, set->n_events,
		        set->n_events == 1 ? "" : "s", linked, claims, claims == 1 ? "" : "s");
	rc_event_set_free(set);
	for (size_t i = 0; i < s->n; i++)
		rc_record_free(s->recs[i]);
	free(s->recs);
	rc_engine_free(eng);
	if (!ok)
		return ret ? ret : CLI_EXIT_ERROR;
	return ret;
}

const cli_command cli_cmd_events = {
	.name = "events",
	.args = "[INPUT...]",
	.summary = "list the events the articles speak of, with their claims",
	.description = "Finds the event mentions of every document (\"twin blasts in Kerman\",\n"
	               "\"a shooting at a concert hall near Moscow\"), links each claim to the event\n"
	               "it speaks of and merges the mentions of all documents into events with\n"
	               "stable ids such as kerman-2024-01-03-bombing. Prints each event with its\n"
	               "documents and linked claims, then the claims linked to no event.\n"
	               "--events FILE adds user-defined events (docs/events.md).",
	.opts = opts,
	.run = run,
	.state_size = sizeof(state),
	CLI_FORMATS(formats, "text or json"),
};
