/*
 * recount numbers: every quantity the recognizer finds in raw text, as
 * JSON Lines or a table.  Reads files as they are (no document parsing),
 * so that it shows exactly what the recognizer sees; offsets are bytes
 * within the line where the figure starts.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

enum { OPT_LINES = CLI_OPT_LOCAL, OPT_VAGUE };

static const cli_opt opts[] = {
	CLI_O_OUTPUT,
	{"format", 'f', "FMT", CLI_OPT_FORMAT, "jsonl (default) or text"},
	{"lines", 0, NULL, OPT_LINES, "read each line as a phrase of its own (no figure spans two lines)"},
	{"vague", 0, "TERM=LO,HI", OPT_VAGUE, "interval of a vague term (\"dozens=24,99\"; \"many=3,\" for no upper bound); repeatable"},
	CLI_O_QUIET,
	CLI_O_TOLERANCE,
	CLI_O_MAXDOC,
	CLI_O_END,
};

static int run(int argc, char **argv);

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
};

#define MAX_VAGUE 64

typedef struct state {
	bool lines;
	const char *vague[MAX_VAGUE];
	size_t n_vague;
} state;

static int local_option(cli_ctx *ctx, void *user, int id, const char *arg)
{
	state *s = user;
	if (id == OPT_LINES) {
		s->lines = true;
		return 0;
	}
	if (id == OPT_VAGUE) {
		if (s->n_vague == MAX_VAGUE) {
			cli_errorf(ctx, "at most %d --vague options", MAX_VAGUE);
			return CLI_EXIT_ERROR;
		}
		s->vague[s->n_vague++] = arg;
		return 0;
	}
	return -1;
}

/* Read all of fp, up to max bytes. */
static int slurp(const cli_ctx *ctx, FILE *fp, const char *name, size_t max, char **out, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	if (!buf) {
		cli_errorf(ctx, "%s: out of memory", name);
		return CLI_EXIT_ERROR;
	}
	for (;;) {
		if (n == cap) {
			if (cap >= max + 1) {
				free(buf);
				cli_errorf(ctx, "%s: larger than %zu bytes (--max-document-bytes): skipped", name, max);
				return CLI_EXIT_ERROR;
			}
			size_t nc = cap * 2 > max + 1 ? max + 1 : cap * 2;
			char *nb = realloc(buf, nc);
			if (!nb) {
				free(buf);
				cli_errorf(ctx, "%s: out of memory", name);
				return CLI_EXIT_ERROR;
			}
			buf = nb;
			cap = nc;
		}
		size_t got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		free(buf);
		cli_errorf(ctx, "%s: read error: %s", name, strerror(errno ? errno : EIO));
		return CLI_EXIT_ERROR;
	}
	if (n > max) {
		free(buf);
		cli_errorf(ctx, "%s: larger than %zu bytes (--max-document-bytes): skipped", name, max);
		return CLI_EXIT_ERROR;
	}
	*out = buf;
	*len = n;
	return 0;
}

/* Scan one input and write its quantities. */
static int numbers_of(const cli_ctx *ctx, const state *s, const rc_recognizer *rec,
                      rc_quantity_writer *w, const char *file, const char *text, size_t len)
{
	rc_error err;
	rc_quantity_list ql = {0};
	int ret = 0;
	size_t line = 1, ls = 0; /* current line and its first byte */
	size_t pos = 0;           /* the scan position (--lines: start of the line) */
	while (pos < len || (pos == 0 && len == 0)) {
		size_t end = len;
		if (s->lines) {
			const char *nl = memchr(text + pos, '\n', len - pos);
			end = nl ? (size_t)(nl - text) : len;
		}
		ql.len = 0;
		if (rc_quantities_scan(&ql, rec, text + pos, end - pos, &err) != RC_OK) {
			cli_error(ctx, &err);
			ret = CLI_EXIT_ERROR;
			break;
		}
		for (size_t i = 0; i < ql.len && ret == 0; i++) {
			rc_quantity q = ql.items[i];
			size_t qs = pos + q.start;
			/* advance to the line of the figure's first byte */
			for (;;) {
				const char *nl = memchr(text + ls, '\n', len - ls);
				if (!nl || (size_t)(nl - text) >= qs)
					break;
				ls = (size_t)(nl - text) + 1;
				line++;
			}
			q.start = qs - ls;
			q.end = pos + q.end - ls;
			q.num_start = pos + q.num_start - ls;
			q.num_end = pos + q.num_end - ls;
			if (rc_quantity_writer_add(w, file, line, text + ls, len - ls, &q, &err) != RC_OK) {
				cli_error(ctx, &err);
				ret = CLI_EXIT_ERROR;
			}
		}
		if (ret || !s->lines || end >= len)
			break;
		pos = end + 1;
	}
	rc_quantity_list_dispose(&ql);
	return ret;
}

static int run(int argc, char **argv)
{
	cli_ctx ctx;
	state s = {0};
	int ret = cli_parse(&ctx, &cli_cmd_numbers, argc, argv, local_option, &s);
	if (ret >= 0)
		return ret;
	rc_format fmt = RC_FORMAT_JSONL;
	if (ctx.format && (!rc_format_parse(ctx.format, &fmt) ||
	                   (fmt != RC_FORMAT_TEXT && fmt != RC_FORMAT_JSONL && fmt != RC_FORMAT_JSON))) {
		cli_errorf(&ctx, "--format wants jsonl or text, got '%s'", ctx.format);
		return CLI_EXIT_ERROR;
	}
	rc_error err;
	rc_recognizer *rec = NULL;
	rc_recognizer_options ro = {.approx_tolerance = ctx.tolerance};
	if (rc_recognizer_new(&rec, &ro, &err) != RC_OK) {
		cli_error(&ctx, &err);
		return CLI_EXIT_ERROR;
	}
	for (size_t i = 0; i < s.n_vague; i++)
		if (rc_recognizer_set_vague_spec(rec, s.vague[i], &err) != RC_OK) {
			cli_error(&ctx, &err);
			rc_recognizer_free(rec);
			return CLI_EXIT_ERROR;
		}
	cli_output out;
	if ((ret = cli_output_open(&out, &ctx)) != 0) {
		rc_recognizer_free(rec);
		return ret;
	}
	rc_quantity_writer *w = NULL;
	rc_report_options rop = {0};
	bool ok = rc_quantity_writer_new(&w, out.fp, fmt, &rop, &err) == RC_OK;
	if (!ok)
		cli_error(&ctx, &err);
	bool failed = false;
	size_t max = ctx.ingest.limits.max_document_bytes ? ctx.ingest.limits.max_document_bytes
	                                                  : (size_t)64 << 20;
	int n = ctx.n_inputs ? ctx.n_inputs : 1;
	for (int k = 0; ok && k < n; k++) {
		const char *path = ctx.n_inputs ? ctx.inputs[k] : "-";
		bool std = strcmp(path, "-") == 0;
		FILE *fp = std ? stdin : fopen(path, "rb");
		if (!fp) {
			cli_errorf(&ctx, "%s: %s: skipped", path, strerror(errno));
			failed = true;
			continue;
		}
		char *text = NULL;
		size_t len = 0;
		int r = slurp(&ctx, fp, std ? "standard input" : path, max, &text, &len);
		if (!std)
			fclose(fp);
		if (r) {
			failed = true;
			continue;
		}
		/* name the file only when there are several */
		if (numbers_of(&ctx, &s, rec, w, ctx.n_inputs > 1 ? path : NULL, text, len))
			ok = false;
		free(text);
	}
	if (ok && rc_quantity_writer_finish(w, &err) != RC_OK) {
		cli_error(&ctx, &err);
		ok = false;
	}
	rc_quantity_writer_free(w);
	rc_recognizer_free(rec);
	ret = cli_output_close(&out, &ctx, ok);
	if (!ok || failed)
		return CLI_EXIT_ERROR;
	return ret;
}
