/* recount docs: list the documents read, with status and diagnostics. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static const cli_opt opts[] = {
	CLI_O_OUTPUT,
	CLI_O_FORMAT("text (default) or json"),
	CLI_O_QUIET,
	CLI_O_INFMT,
	CLI_O_FIELD,
	CLI_O_LIMITS,
	CLI_O_END,
};

/* --format: the first is the default */
static const rc_format formats[] = {RC_FORMAT_TEXT, RC_FORMAT_JSON};

static int run(cli_ctx *ctx, rc_format fmt, void *user)
{
	rc_reader *r = NULL;
	int ret = cli_make_reader(ctx, &r);
	if (ret != 0)
		return ret;
	cli_output out;
	if ((ret = cli_output_open(&out, ctx)) == 0) {
		rc_error err;
		rc_doc_writer *w = NULL;
		rc_report_options ro = {.version = RC_REPORT_OPTIONS_VERSION, .color = cli_use_color(ctx, out.fp)};
		bool ok = rc_doc_writer_new(&w, out.fp, fmt, &ro, &err) == RC_OK;
		while (ok) {
			rc_document *doc = NULL;
			if (rc_reader_next(r, &doc, &err) != RC_OK) {
				ok = false;
				break;
			}
			if (!doc)
				break;
			if (!ctx->quiet)
				for (size_t i = 0; i < doc->n_diags; i++)
					cli_diag(ctx, &doc->diags[i]);
			ok = rc_doc_writer_add(w, doc, &err) == RC_OK;
			rc_document_free(doc);
		}
		if (ok)
			ok = rc_doc_writer_finish(w, &err) == RC_OK;
		if (!ok)
			cli_error(ctx, &err);
		rc_doc_writer_free(w);
		ret = cli_output_close(&out, ctx, ok);
	}
	rc_reader_free(r);
	return ret;
}

const cli_command cli_cmd_docs = {
	.name = "docs",
	.args = "[INPUT...]",
	.summary = "list the documents read, with status and diagnostics",
	.description = "Shows ingest at work: every document (id, source, published date, bytes,\n"
	               "status) and every problem found reading it. Skipped documents are listed\n"
	               "with their reason; the totals add up to every input read.",
	.opts = opts,
	.run = run,
	CLI_FORMATS(formats, "text or json"),
};
