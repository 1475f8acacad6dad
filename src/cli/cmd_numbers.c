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

/* Where a block may end: after the last blank line (figures never span
 * one), else after the last newline; with --lines after any newline. */
static size_t cut_point(const char *buf, size_t n, bool lines)
{
	for (size_t i = n; i > 0; i--) {
		if (buf[i - 1] != '\n')
			continue;
		if (lines || (i >= 2 && buf[i - 2] == '\n'))
			return i;
	}
	if (!lines)
		for (size_t i = n; i > 0; i--)
			if (buf[i - 1] == '\n')
				return i;
	return 0;
}

typedef struct pos {
	size_t line;   /* line of byte `ls` */
	size_t ls;     /* first byte of that line, in the block */
} pos;

/* Scan text[0..len) (whole lines) and write its quantities. */
static int scan_block(const cli_ctx *ctx, const state *s, const rc_recognizer *rec,
                      rc_quantity_writer *w, const char *file, const char *text, size_t len,
                      pos *p, rc_quantity_list *ql)
{
	rc_error err;
	size_t at = 0;  /* the scan position (--lines: start of the line) */
	while (at < len) {
		size_t end = len;
		if (s->lines) {
			const char *nl = memchr(text + at, '\n', len - at);
			end = nl ? (size_t)(nl - text) : len;
		}
		ql->len = 0;
		if (rc_quantities_scan(ql, rec, text + at, end - at, &err) != RC_OK) {
			cli_error(ctx, &err);
			return CLI_EXIT_ERROR;
		}
		for (size_t i = 0; i < ql->len; i++) {
			rc_quantity q = ql->items[i];
			size_t qs = at + q.start;
			/* advance to the line of the figure's first byte */
			for (;;) {
				const char *nl = memchr(text + p->ls, '\n', len - p->ls);
				if (!nl || (size_t)(nl - text) >= qs)
					break;
				p->ls = (size_t)(nl - text) + 1;
				p->line++;
			}
			q.start = qs - p->ls;
			q.end = at + q.end - p->ls;
			q.num_start = at + q.num_start - p->ls;
			q.num_end = at + q.num_end - p->ls;
			if (rc_quantity_writer_add(w, file, p->line, text + p->ls, len - p->ls, &q, &err) != RC_OK) {
				cli_error(ctx, &err);
				return CLI_EXIT_ERROR;
			}
		}
		if (!s->lines)
			break;
		at = end + 1;
	}
	/* count the rest of the block's lines */
	for (const char *nl; p->ls < len && (nl = memchr(text + p->ls, '\n', len - p->ls));) {
		p->ls = (size_t)(nl - text) + 1;
		p->line++;
	}
	p->ls -= len; /* relative to the next block (0 when the block ends a line) */
	return 0;
}

/*
 * Stream one input: blocks of whole lines, cut where no figure can span
 * (a blank line; a newline with --lines), so memory stays bounded by the
 * longest run of lines without a break, capped by --max-document-bytes.
 */
static int numbers_of(const cli_ctx *ctx, const state *s, const rc_recognizer *rec,
                      rc_quantity_writer *w, const char *file, const char *name, FILE *fp,
                      size_t max)
{
	enum { BLOCK = 1 << 20 };
	size_t cap = BLOCK, n = 0;
	char *buf = malloc(cap);
	rc_quantity_list ql = {0};
	pos p = {.line = 1};
	int ret = 0;
	bool eof = false;
	if (!buf) {
		cli_errorf(ctx, "%s: out of memory", name);
		return CLI_EXIT_ERROR;
	}
	while (!ret && !eof) {
		if (n == cap) {
			if (cap > max) {
				cli_errorf(ctx, "%s:%zu: more than %zu bytes without a line break "
				           "(--max-document-bytes): the rest is skipped", name, p.line, max);
				ret = CLI_EXIT_ERROR;
				break;
			}
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				cli_errorf(ctx, "%s: out of memory", name);
				ret = CLI_EXIT_ERROR;
				break;
			}
			buf = nb;
			cap *= 2;
		}
		size_t got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (got == 0) {
			if (ferror(fp)) {
				cli_errorf(ctx, "%s: read error: %s", name, strerror(errno ? errno : EIO));
				ret = CLI_EXIT_ERROR;
				break;
			}
			eof = true;
		}
		size_t cut = eof ? n : cut_point(buf, n, s->lines);
		if (cut == 0)
			continue;
		ret = scan_block(ctx, s, rec, w, file, buf, cut, &p, &ql);
		memmove(buf, buf + cut, n - cut);
		n -= cut;
	}
	rc_quantity_list_dispose(&ql);
	free(buf);
	return ret;
}

static int run(int argc, char **argv)
{
	cli_ctx ctx;
	state s = {0};
	int ret = cli_parse(&ctx, &cli_cmd_numbers, argc, argv, local_option, &s);
	if (ret >= 0)
		return ret;
	static const rc_format allowed[] = {RC_FORMAT_JSONL, RC_FORMAT_TEXT, RC_FORMAT_JSON};
	rc_format fmt = RC_FORMAT_JSONL;
	if ((ret = cli_format(&ctx, allowed, RC_ARRAY_LEN_CLI(allowed), "jsonl or text", &fmt)))
		return ret;
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
		/* name the file only when there are several */
		int r = numbers_of(&ctx, &s, rec, w, ctx.n_inputs > 1 ? path : NULL,
		                   std ? "standard input" : path, fp, max);
		if (!std)
			fclose(fp);
		if (r)
			failed = true;
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
