/*
 * recount verify "CLAIM" INPUT...: says whether the articles support,
 * contradict or do not cover one claim sentence, with the evidence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"

enum { OPT_REVIEW_URL = CLI_OPT_LOCAL, OPT_REVIEW_DATE, OPT_REVIEWER, OPT_REVIEWER_URL, OPT_CLAIM_URL };

typedef struct state {
	rc_review_meta meta;
	char date[16];
} state;

/* "YYYY-MM-DD" naming a real day. */
static bool valid_date(const char *s)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d;
	char end;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
		return false;
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

static int parse_date(cli_ctx *ctx, void *user, const char *arg)
{
	state *s = user;
	if (!valid_date(arg)) {
		cli_errorf(ctx, "--review-date wants a date as YYYY-MM-DD, got '%s'", arg);
		return CLI_EXIT_ERROR;
	}
	s->meta.date = arg;
	return 0;
}

static const cli_opt opts[] = {
	CLI_O_OUTPUT,
	CLI_O_FORMAT("text (default), json or claimreview (schema.org JSON-LD)"),
	{"review-url", 0, "URL", OPT_REVIEW_URL, "claimreview: where the fact-check is published (its url)",
	 CLI_TO_STATE(CLI_SET_STR, state, meta.url)},
	{"review-date", 0, "DATE", OPT_REVIEW_DATE, "claimreview: its datePublished, YYYY-MM-DD (default: today, UTC; SOURCE_DATE_EPOCH if set)",
	 .set = CLI_SET_PARSE, .parse = parse_date},
	{"reviewer", 0, "NAME", OPT_REVIEWER, "claimreview: the organisation publishing it (author)",
	 CLI_TO_STATE(CLI_SET_STR, state, meta.author)},
	{"reviewer-url", 0, "URL", OPT_REVIEWER_URL, "claimreview: that organisation's site",
	 CLI_TO_STATE(CLI_SET_STR, state, meta.author_url)},
	{"claim-url", 0, "URL", OPT_CLAIM_URL, "claimreview: where the claim was made (itemReviewed.appearance)",
	 CLI_TO_STATE(CLI_SET_STR, state, meta.claim_url)},
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
static const rc_format formats[] = {RC_FORMAT_TEXT, RC_FORMAT_JSON, RC_FORMAT_CLAIMREVIEW};

/* The review's date when none is given: SOURCE_DATE_EPOCH (reproducible
 * builds' convention) when set, else today, in UTC. */
static void default_date(state *s)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end = NULL;
	long long e = epoch ? strtoll(epoch, &end, 10) : 0;
	time_t t = epoch && end != epoch && !*end && e >= 0 ? (time_t)e : time(NULL);
	struct tm tm;
	if (gmtime_r(&t, &tm) && strftime(s->date, sizeof s->date, "%Y-%m-%d", &tm))
		s->meta.date = s->date;
}

/* The claim is the first argument: named before anything else is read. */
static int check_claim(cli_ctx *ctx, void *user)
{
	if (ctx->n_inputs < 1 || !ctx->inputs[0][0]) {
		cli_errorf(ctx, "usage: recount verify \"CLAIM\" [INPUT...]");
		return CLI_EXIT_ERROR;
	}
	return 0;
}

static int run(cli_ctx *ctx, rc_format fmt, void *user)
{
	state *s = user;
	int ret;
	if (fmt == RC_FORMAT_CLAIMREVIEW) {
		if (!s->meta.date)
			default_date(s);
		if (!s->meta.url || !s->meta.author)
			cli_errorf(ctx, "warning: ClaimReview without %s%s%s: Google's fact-check markup "
			           "needs the review's url and its author", !s->meta.url ? "--review-url" : "",
			           !s->meta.url && !s->meta.author ? " and " : "",
			           !s->meta.author ? "--reviewer" : "");
	}
	const char *claim = ctx->inputs[0];
	ctx->inputs++;
	ctx->n_inputs--;
	rc_engine *eng;
	if ((ret = cli_engine_open(ctx, &eng)) != 0)
		return ret;
	rc_record **recs;
	size_t n;
	cli_progress prog;
	if ((ret = cli_collect_records(ctx, eng, &recs, &n, &prog, NULL, NULL)) != 0) {
		rc_engine_free(eng);
		return ret;
	}
	rc_reconcile_options ro = rc_engine_reconcile_options(eng);
	rc_error err;
	rc_verification *v = NULL;
	rc_status st = rc_verify(&v, claim, recs, n, rc_engine_extractor(eng), &ro, &err);
	free(recs);
	if (st != RC_OK) {
		cli_error(ctx, &err);
		rc_engine_free(eng);
		return CLI_EXIT_ERROR;
	}
	cli_output out;
	if ((ret = cli_output_open(&out, ctx)) == 0) {
		rc_report_options rop = {.version = RC_REPORT_OPTIONS_VERSION, .review = &s->meta};
		st = rc_verification_write(out.fp, v, fmt, &rop, &err);
		if (st != RC_OK)
			cli_error(ctx, &err);
		ret = cli_output_close(&out, ctx, st == RC_OK);
	}
	rc_verification_free(v);
	rc_engine_free(eng);
	return ret;
}

const cli_command cli_cmd_verify = {
	.name = "verify",
	.args = "CLAIM [INPUT...]",
	.summary = "check one claim sentence against a batch of articles",
	.description = "Reads the claim (\"nearly 100 people died in the Kerman bombing\") with the\n"
	               "same extractor as the articles, links it to their events and says whether\n"
	               "the sources support it, contradict it, disagree about it, or do not\n"
	               "cover it, with every figure that fits and every one that does not.\n"
	               "--format claimreview writes schema.org ClaimReview JSON-LD for publishing\n"
	               "a fact-check: give --review-url, --reviewer and --claim-url; the\n"
	               "articles read are listed as citations (docs/verify.md).",
	.opts = opts,
	.run = run,
	.state_size = sizeof(state),
	.check = check_claim,
	CLI_FORMATS(formats, "text, json or claimreview"),
};
