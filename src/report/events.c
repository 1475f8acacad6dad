/*
 * The output of `recount events`: the events merged across documents, each
 * with its id, label, type, date, place, names, documents and the claims
 * linked to it, then the claims linked to none.  Text for a terminal, or
 * JSON (schema "recount.events/1", docs/events.md).
 */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <recount/report.h>
#include "core/core.h"
#include "report/report-priv.h"

/* Whether claim x of records[r] is linked to event ev of set. */
static bool on_event(const rc_event_set *set, size_t r, size_t x, const rc_event *ev)
{
	size_t n;
	const rc_event *const *sums = rc_event_set_claim_events(set, r, x, &n);
	for (size_t i = 0; i < n; i++)
		if (sums[i] == ev)
			return true;
	return !sums && rc_event_set_claim_event(set, r, x) == ev;
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

static void text_claim(FILE *fp, const rc_event_set *set, rc_record *const *recs, size_t r, size_t x,
                       const rc_event *self)
{
	const rc_record *rec = recs[r];
	const rc_claim *c = &rec->claims[x];
	fputs("    ", fp);
	put_col(fp, c->metric, 16);
	put_col(fp, c->text, 20);
	put(fp, rec->doc);
	fprintf(fp, ":%zu", c->file_line);
	if (c->status != RC_CLAIM_CURRENT)
		fprintf(fp, "  (%s)", rc_claim_status_str(c->status));
	bool first = true;
	size_t n;
	const rc_event *const *sums = rc_event_set_claim_events(set, r, x, &n);
	for (size_t i = 0; i < n; i++)
		if (sums[i] != self) {
			fputs(first ? "  also: " : ", ", fp);
			put(fp, sums[i]->id);
			first = false;
		}
	fputc('\n', fp);
}

static void write_text(FILE *fp, const rc_event_set *set, rc_record *const *recs, size_t n)
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
				nc += on_event(set, r, i, ev);
		fprintf(fp, "  claims (%zu):\n", nc);
		for (size_t r = 0; r < n; r++)
			for (size_t i = 0; i < recs[r]->n_claims; i++)
				if (on_event(set, r, i, ev))
					text_claim(fp, set, recs, r, i, ev);
		fputc('\n', fp);
	}
	size_t nu = 0;
	for (size_t r = 0; r < n; r++)
		for (size_t i = 0; i < recs[r]->n_claims; i++)
			nu += rc_event_set_claim_event(set, r, i) == NULL;
	fprintf(fp, "unlinked claims (%zu):\n", nu);
	for (size_t r = 0; r < n; r++)
		for (size_t i = 0; i < recs[r]->n_claims; i++)
			if (!rc_event_set_claim_event(set, r, i))
				text_claim(fp, set, recs, r, i, NULL);
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

static json_t *json_claim(const rc_event_set *set, rc_record *const *recs, size_t r, size_t x)
{
	const rc_record *rec = recs[r];
	const rc_claim *c = &rec->claims[x];
	size_t n;
	const rc_event *const *sums = rc_event_set_claim_events(set, r, x, &n);
	json_t *o = json_object();
	json_object_set_new(o, "doc", jstr(rec->doc));
	json_object_set_new(o, "line", json_integer((json_int_t)c->file_line));
	json_object_set_new(o, "column", json_integer((json_int_t)c->pos.column));
	json_object_set_new(o, "metric", jstr(c->metric));
	json_object_set_new(o, "figure", jstr(c->text));
	json_object_set_new(o, "status", jstr(rc_claim_status_str(c->status)));
	if (n) {
		json_t *a = json_array();
		for (size_t i = 0; a && i < n; i++)
			json_array_append_new(a, jstr(sums[i]->id));
		json_object_set_new(o, "events", a);
	}
	return o;
}

static int write_json(FILE *fp, const rc_event_set *set, rc_record *const *recs, size_t n)
{
	json_t *root = json_object(), *evs = json_array(), *un = json_array();
	if (!root || !evs || !un) {
		json_decref(root);
		json_decref(evs);
		json_decref(un);
		return -1;
	}
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
				if (on_event(set, r, i, ev))
					json_array_append_new(cl, json_claim(set, recs, r, i));
		json_object_set_new(o, "claims", cl);
		json_array_append_new(evs, o);
	}
	for (size_t r = 0; r < n; r++)
		for (size_t i = 0; i < recs[r]->n_claims; i++)
			if (!rc_event_set_claim_event(set, r, i))
				json_array_append_new(un, json_claim(set, recs, r, i));
	json_object_set_new(root, "events", evs);
	json_object_set_new(root, "unlinked", un);
	int rc = json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', fp);
	json_decref(root);
	return rc;
}

rc_status rc_events_write(FILE *fp, const rc_event_set *set, rc_record *const *records, size_t n,
                          rc_format fmt, const rc_report_options *opts, rc_error *err)
{
	if (rc__report_options_check(opts, err) != RC_OK)
		return RC_ERR_INVALID;
	if (fmt == RC_FORMAT_TEXT)
		write_text(fp, set, records, n);
	else if (fmt == RC_FORMAT_JSON) {
		if (write_json(fp, set, records, n) != 0 && !ferror(fp))
			return rc__error_set(err, RC_ERR_NOMEM, "out of memory writing the events");
	} else
		return rc__error_set(err, RC_ERR_INVALID,
		                     "format '%s' is not available for events (text, json)",
		                     rc_format_str(fmt));
	return rc__io_check(fp, err);
}
