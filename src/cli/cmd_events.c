/*
 * recount events: which events the articles speak of.  Runs the map phase
 * on the inputs, merges the event mentions of all documents into events
 * (rc_events_collect) and lists each event with its id, label, date, place,
 * documents and the claims linked to it, then the claims linked to none.
 * Text (default) or --format json (schema recount.events/1, docs/events.md).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "cli.h"

static const cli_opt opts[] = {
	CLI_O_OUTPUT,
	{"format", 'f', "FMT", CLI_OPT_FORMAT, "text (default) or json"},
	CLI_O_QUIET,
	CLI_O_JOBS,
	CLI_O_INFMT,
	CLI_O_FIELD,
	CLI_O_RULES,
	CLI_O_EVENTS,
	CLI_O_END,
};

static int run(int argc, char **argv);

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
};

typedef struct state {
	cli_ctx *ctx;
	rc_record **recs;
	size_t n, cap;
	size_t skipped;
} state;

static rc_status keep(void *user, rc_record *rec, rc_error *err)
{
	state *s = user;
	if (rec->status != RC_DOC_OK) {
		s->skipped++;
		if (!s->ctx->quiet)
			for (size_t i = 0; i < rec->n_diags; i++)
				cli_diag(s->ctx, &rec->diags[i]);
	}
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 64;
		rc_record **p = realloc(s->recs, cap * sizeof(*p));
		if (!p) {
			rc_record_free(rec);
			err->status = RC_ERR_NOMEM;
			snprintf(err->message, sizeof err->message, "out of memory");
			err->path[0] = 0;
			err->line = err->column = 0;
			err->offset = (size_t)-1;
			return RC_ERR_NOMEM;
		}
		s->recs = p;
		s->cap = cap;
	}
	s->recs[s->n++] = rec;
	return RC_OK;
}

static int cmp_rec(const void *pa, const void *pb)
{
	const rc_record *a = *(rc_record *const *)pa, *b = *(rc_record *const *)pb;
	int c = strcmp(a->doc ? a->doc : "", b->doc ? b->doc : "");
	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Whether claim c is linked to event id. */
static bool on_event(const rc_claim *c, const char *id)
{
	if (c->n_events) {
		for (size_t i = 0; i < c->n_events; i++)
			if (strcmp(c->events[i], id) == 0)
				return true;
		return false;
	}
	return c->event && strcmp(c->event, id) == 0;
}

/* Strings from articles and file names reach the terminal cleaned. */
static void put(FILE *fp, const char *s)
{
	rc_text_fputs(s ? s : "-", fp, RC_TEXT_COLLAPSE);
}

/* s cleaned, then spaces up to width columns and one more. */
static void put_col(FILE *fp, const char *s, size_t width)
{
	put(fp, s);
	for (size_t w = rc_text_width(s ? s : "-"); w < width; w++)
		fputc(' ', fp);
	fputc(' ', fp);
}

static void text_claim(FILE *fp, const rc_record *rec, const rc_claim *c, const char *self)
{
	fputs("    ", fp);
	put_col(fp, c->metric, 16);
	put_col(fp, c->text, 20);
	put(fp, rec->doc);
	fprintf(fp, ":%zu", c->file_line);
	if (c->status != RC_CLAIM_CURRENT)
		fprintf(fp, "  (%s)", rc_claim_status_str(c->status));
	bool first = true;
	for (size_t i = 0; i < c->n_events; i++)
		if (!self || strcmp(c->events[i], self) != 0) {
			fputs(first ? "  also: " : ", ", fp);
			put(fp, c->events[i]);
			first = false;
		}
	fputc('\n', fp);
}

static void write_text(FILE *fp, const rc_event_set *set, rc_record **recs, size_t n)
{
	for (size_t e = 0; e < set->n_events; e++) {
		const rc_event *ev = &set->events[e];
		put(fp, ev->id);
		fputs("\n  label: ", fp);
		put(fp, ev->label);
		fputs("\n  type: ", fp);
		put(fp, ev->type);
		fputs("\n  date: ", fp);
		put(fp, ev->date);
		fputs("\n  place: ", fp);
		put(fp, ev->place);
		fputc('\n', fp);
		if (ev->n_names) {
			fputs("  names:", fp);
			for (size_t i = 0; i < ev->n_names; i++) {
				fputs(i ? ", " : " ", fp);
				put(fp, ev->names[i]);
			}
			fputc('\n', fp);
		}
		fprintf(fp, "  documents (%zu):", ev->n_documents);
		for (size_t i = 0; i < ev->n_documents; i++) {
			fputc(' ', fp);
			put(fp, ev->documents[i]);
		}
		fputc('\n', fp);
		size_t nc = 0;
		for (size_t r = 0; r < n; r++)
			for (size_t i = 0; i < recs[r]->n_claims; i++)
				nc += on_event(&recs[r]->claims[i], ev->id);
		fprintf(fp, "  claims (%zu):\n", nc);
		for (size_t r = 0; r < n; r++)
			for (size_t i = 0; i < recs[r]->n_claims; i++)
				if (on_event(&recs[r]->claims[i], ev->id))
					text_claim(fp, recs[r], &recs[r]->claims[i], ev->id);
		fputc('\n', fp);
	}
	size_t nu = 0;
	for (size_t r = 0; r < n; r++)
		for (size_t i = 0; i < recs[r]->n_claims; i++)
			nu += recs[r]->claims[i].event == NULL;
	fprintf(fp, "unlinked claims (%zu):\n", nu);
	for (size_t r = 0; r < n; r++)
		for (size_t i = 0; i < recs[r]->n_claims; i++)
			if (!recs[r]->claims[i].event)
				text_claim(fp, recs[r], &recs[r]->claims[i], NULL);
}

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *jstrs(const char *const *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		json_array_append_new(a, jstr(v[i]));
	return a;
}

static json_t *json_claim(const rc_record *rec, const rc_claim *c)
{
	json_t *o = json_object();
	json_object_set_new(o, "doc", jstr(rec->doc));
	json_object_set_new(o, "line", json_integer((json_int_t)c->file_line));
	json_object_set_new(o, "column", json_integer((json_int_t)c->pos.column));
	json_object_set_new(o, "metric", jstr(c->metric));
	json_object_set_new(o, "figure", jstr(c->text));
	json_object_set_new(o, "status", jstr(rc_claim_status_str(c->status)));
	if (c->n_events)
		json_object_set_new(o, "events", jstrs(c->events, c->n_events));
	return o;
}

static int write_json(FILE *fp, const rc_event_set *set, rc_record **recs, size_t n)
{
	json_t *root = json_object(), *evs = json_array(), *un = json_array();
	json_object_set_new(root, "schema", json_string("recount.events/1"));
	for (size_t e = 0; e < set->n_events; e++) {
		const rc_event *ev = &set->events[e];
		json_t *o = json_object(), *cl = json_array();
		json_object_set_new(o, "id", jstr(ev->id));
		json_object_set_new(o, "label", jstr(ev->label));
		json_object_set_new(o, "type", jstr(ev->type));
		json_object_set_new(o, "date", jstr(ev->date));
		json_object_set_new(o, "place", jstr(ev->place));
		json_object_set_new(o, "names", jstrs(ev->names, ev->n_names));
		json_object_set_new(o, "documents", jstrs(ev->documents, ev->n_documents));
		for (size_t r = 0; r < n; r++)
			for (size_t i = 0; i < recs[r]->n_claims; i++)
				if (on_event(&recs[r]->claims[i], ev->id))
					json_array_append_new(cl, json_claim(recs[r], &recs[r]->claims[i]));
		json_object_set_new(o, "claims", cl);
		json_array_append_new(evs, o);
	}
	for (size_t r = 0; r < n; r++)
		for (size_t i = 0; i < recs[r]->n_claims; i++)
			if (!recs[r]->claims[i].event)
				json_array_append_new(un, json_claim(recs[r], &recs[r]->claims[i]));
	json_object_set_new(root, "events", evs);
	json_object_set_new(root, "unlinked", un);
	int rc = json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', fp);
	json_decref(root);
	return rc;
}

static int run(int argc, char **argv)
{
	cli_ctx ctx;
	state s = {0};
	int ret = cli_parse(&ctx, &cli_cmd_events, argc, argv, NULL, NULL);
	if (ret >= 0)
		return ret;
	s.ctx = &ctx;
	static const rc_format allowed[] = {RC_FORMAT_TEXT, RC_FORMAT_JSON};
	rc_format fmt = RC_FORMAT_TEXT;
	if ((ret = cli_format(&ctx, allowed, RC_ARRAY_LEN_CLI(allowed), "text or json", &fmt)))
		return ret;
	bool json = fmt == RC_FORMAT_JSON;
	cli_engine eng;
	if ((ret = cli_engine_open(&ctx, &eng)) != 0)
		return ret;
	rc_error err;
	cli_progress prog;
	ret = cli_map_inputs(&ctx, &eng, &prog, keep, &s, NULL, NULL);
	bool ok = ret == 0;
	rc_event_set *set = NULL;
	if (ok) {
		qsort(s.recs, s.n, sizeof(*s.recs), cmp_rec);
		ok = rc_events_collect(&set, s.recs, s.n, eng.defs, &err) == RC_OK;
		if (!ok)
			cli_error(&ctx, &err);
	}
	cli_output out;
	if (ok && (ret = cli_output_open(&out, &ctx)) == 0) {
		bool wrote = json ? write_json(out.fp, set, s.recs, s.n) == 0
		                  : (write_text(out.fp, set, s.recs, s.n), true);
		if (!wrote)
			cli_errorf(&ctx, "write error: %s", strerror(errno));
		ret = cli_output_close(&out, &ctx, wrote);
		ok = wrote;
	}
	size_t claims = 0, linked = 0;
	for (size_t i = 0; i < s.n; i++)
		for (size_t k = 0; k < s.recs[i]->n_claims; k++) {
			claims++;
			linked += s.recs[i]->claims[k].event != NULL;
		}
	if (!ctx.quiet && set)
		fprintf(stderr, "%s: %zu document%s read, %zu skipped, %zu event%s, %zu of %zu claim%s linked\n",
		        ctx.prog, s.n, s.n == 1 ? "" : "s", s.skipped, set->n_events,
		        set->n_events == 1 ? "" : "s", linked, claims, claims == 1 ? "" : "s");
	rc_event_set_free(set);
	for (size_t i = 0; i < s.n; i++)
		rc_record_free(s.recs[i]);
	free(s.recs);
	cli_engine_close(&eng);
	if (!ok)
		return ret ? ret : CLI_EXIT_ERROR;
	return ret;
}
