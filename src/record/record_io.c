/*
 * Records as JSON Lines: the output of `recount extract` and the input of
 * `recount reconcile`.  A record is one "recount.document/1" line and one
 * "recount.claim/1" line per claim (docs/schema-claim.md); the reader turns
 * those lines back into records equal to the ones written.  Lines it cannot
 * use become diagnostics with path:line, never failures, and a claim whose
 * document line is missing still becomes a record built from the claim's
 * own document fields.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/json.h"
#include "core/jw.h"
#include "record/record-json.h"
#include "record/record-priv.h"

#define MAX_RECORD_LINE ((size_t)64 << 20)

/* The signature as 512 lower-case hex digits ("%08x" per word). */
static void signature_hex(char out[RC_MINHASH_K * 8 + 1], const uint32_t *sig)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < RC_MINHASH_K; i++)
		for (int k = 0; k < 8; k++)
			out[8 * i + (size_t)k] = digits[(sig[i] >> (28 - 4 * k)) & 15];
	out[RC_MINHASH_K * 8] = '\0';
}

/* ---- names ----------------------------------------------------------------- */

static const char *const status_names[] = {
	[RC_OK] = "ok", [RC_ERR_NOMEM] = "nomem", [RC_ERR_IO] = "io",
	[RC_ERR_PARSE] = "parse", [RC_ERR_INVALID] = "invalid", [RC_ERR_LIMIT] = "limit",
	[RC_ERR_ENCODING] = "encoding", [RC_ERR_UNSUPPORTED] = "unsupported",
};

const char *rc__status_name(rc_status st)
{
	return (size_t)st < RC_ARRAY_LEN(status_names) ? status_names[st] : "unknown";
}

bool rc__status_from_name(const char *name, rc_status *out)
{
	for (size_t i = 0; name && i < RC_ARRAY_LEN(status_names); i++)
		if (strcmp(name, status_names[i]) == 0) {
			*out = (rc_status)i;
			return true;
		}
	return false;
}

static const char *const severity_names[] = {
	[RC_SEV_ERROR] = "error", [RC_SEV_WARNING] = "warning", [RC_SEV_NOTE] = "note",
};

/* ---- writing ----------------------------------------------------------------- */

/* A size, or null for the "unknown" value (size_t)-1. */
static json_t *size_or_null(size_t v)
{
	return v == (size_t)-1 ? json_null() : json_integer((json_int_t)v);
}

static json_t *pos_json(const rc_pos *p)
{
	json_t *o = json_object();
	if (!o || rc__json_set(o, "start", json_integer((json_int_t)p->start)) ||
	    rc__json_set(o, "end", json_integer((json_int_t)p->end)) ||
	    rc__json_set(o, "line", json_integer((json_int_t)p->line)) ||
	    rc__json_set(o, "column", json_integer((json_int_t)p->column))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

json_t *rc__claim_to_json(const rc_record *rec, const rc_claim *c)
{
	json_t *o = json_object();
	json_t *events = json_array(), *mentions = json_array();
	if (!o || !events || !mentions)
		goto fail;
	for (size_t i = 0; i < c->n_events; i++)
		if (json_array_append_new(events, rc__json_str(c->events[i])))
			goto fail;
	for (size_t i = 0; i < c->n_mentions; i++)
		if (json_array_append_new(mentions, json_integer(c->mentions[i])))
			goto fail;
	const rc_interval *iv = &c->q.iv;
	if (rc__json_set(o, "schema", json_string(RC_CLAIM_SCHEMA)) ||
	    rc__json_set(o, "doc", rc__json_str(rec->doc)) ||
	    rc__json_set(o, "path", rc__json_str(rec->path)) ||
	    rc__json_set(o, "source", rc__json_str(rec->source)) ||
	    rc__json_set(o, "published", rc__json_str(rec->published)) ||
	    rc__json_set(o, "metric", rc__json_str(c->metric)) ||
	    rc__json_set(o, "subject", rc__json_str(c->subject)) ||
	    rc__json_set(o, "text", rc__json_str(c->text)) ||
	    rc__json_set(o, "lo", iv->lo_inf ? json_null() : rc__json_number(iv->lo)) ||
	    rc__json_set(o, "hi", iv->hi_inf ? json_null() : rc__json_number(iv->hi)) ||
	    rc__json_set(o, "lo_incl", json_boolean(!iv->lo_inf && iv->lo_incl)) ||
	    rc__json_set(o, "hi_incl", json_boolean(!iv->hi_inf && iv->hi_incl)) ||
	    rc__json_set(o, "approx", json_boolean(c->q.approx)) ||
	    rc__json_set(o, "vague", json_boolean(c->q.vague)) ||
	    rc__json_set(o, "qualifier", rc__json_str(c->q.qualifier)) ||
	    rc__json_set(o, "status", json_string(rc_claim_status_str(c->status))) ||
	    rc__json_set(o, "attribution", rc__json_str(c->attribution)) ||
	    rc__json_set(o, "event", rc__json_str(c->event)) ||
	    rc__json_set(o, "events", events) ||
	    rc__json_set(o, "quote", rc__json_str(c->quote)) ||
	    rc__json_set(o, "line", json_integer((json_int_t)c->pos.line)) ||
	    rc__json_set(o, "column", json_integer((json_int_t)c->pos.column)) ||
	    rc__json_set(o, "start", json_integer((json_int_t)c->pos.start)) ||
	    rc__json_set(o, "end", json_integer((json_int_t)c->pos.end)) ||
	    rc__json_set(o, "trigger", rc__json_str(c->trigger)) ||
	    rc__json_set(o, "kind", json_string(rc_quantity_kind_str(c->q.kind))) ||
	    rc__json_set(o, "value", rc__json_number(c->q.value)) ||
	    rc__json_set(o, "num_start", json_integer((json_int_t)c->q.num_start)) ||
	    rc__json_set(o, "num_end", json_integer((json_int_t)c->q.num_end)) ||
	    rc__json_set(o, "parent", json_integer(c->parent)) ||
	    rc__json_set(o, "mention", json_integer(c->mention)) ||
	    rc__json_set(o, "mentions", mentions) ||
	    rc__json_set(o, "file_line", json_integer((json_int_t)c->file_line)) ||
	    rc__json_set(o, "record_line", json_integer((json_int_t)rec->record_line)) ||
	    rc__json_set(o, "sentence", pos_json(&c->sentence)) ||
	    rc__json_set(o, "in_title", json_boolean(c->in_title)) ||
	    rc__json_set(o, "part", rc__json_str(c->part)) ||
	    rc__json_set(o, "background", json_boolean(c->background)) ||
	    rc__json_set(o, "year", c->year ? json_integer(c->year) : json_null())) {
		json_decref(o);
		return NULL;
	}
	return o;
fail:
	json_decref(o);
	json_decref(events);
	json_decref(mentions);
	return NULL;
}

static json_t *mention_json(const rc_mention *m)
{
	json_t *o = json_object(), *names = json_array();
	if (!o || !names) {
		json_decref(o);
		json_decref(names);
		return NULL;
	}
	for (size_t i = 0; i < m->n_names; i++)
		if (json_array_append_new(names, rc__json_str(m->names[i]))) {
			json_decref(o);
			json_decref(names);
			return NULL;
		}
	if (rc__json_set(o, "type", rc__json_str(m->type)) ||
	    rc__json_set(o, "noun", rc__json_str(m->noun)) ||
	    rc__json_set(o, "place", rc__json_str(m->place)) ||
	    rc__json_set(o, "date", rc__json_str(m->date)) ||
	    rc__json_set(o, "names", names) ||
	    rc__json_set(o, "key", rc__json_str(m->key)) ||
	    rc__json_set(o, "local_id", rc__json_str(m->local_id)) ||
	    rc__json_set(o, "start", json_integer((json_int_t)m->start)) ||
	    rc__json_set(o, "end", json_integer((json_int_t)m->end)) ||
	    rc__json_set(o, "line", json_integer((json_int_t)m->line))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *diag_json(const rc_diag *d)
{
	json_t *o = json_object();
	if (!o || rc__json_set(o, "severity", json_string(rc_severity_str(d->severity))) ||
	    rc__json_set(o, "status", json_string(rc__status_name(d->status))) ||
	    rc__json_set(o, "path", rc__json_str(d->path)) ||
	    rc__json_set(o, "line", json_integer((json_int_t)d->line)) ||
	    rc__json_set(o, "column", json_integer((json_int_t)d->column)) ||
	    rc__json_set(o, "offset", size_or_null(d->offset)) ||
	    rc__json_set(o, "message", rc__json_str(d->message))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

json_t *rc__document_to_json(const rc_record *rec)
{
	json_t *o = json_object(), *diags = json_array(), *mentions = json_array();
	json_t *sig = NULL;
	if (!o || !diags || !mentions)
		goto fail;
	for (size_t i = 0; i < rec->n_diags; i++)
		if (json_array_append_new(diags, diag_json(&rec->diags[i])))
			goto fail;
	for (size_t i = 0; i < rec->n_mentions; i++)
		if (json_array_append_new(mentions, mention_json(&rec->mentions[i])))
			goto fail;
	if (rec->has_signature) {
		char hex[RC_MINHASH_K * 8 + 1];
		signature_hex(hex, rec->minhash);
		sig = json_string(hex);
	} else {
		sig = json_null();
	}
	if (rc__json_set(o, "schema", json_string(RC_DOCUMENT_SCHEMA)) ||
	    rc__json_set(o, "doc", rc__json_str(rec->doc)) ||
	    rc__json_set(o, "path", rc__json_str(rec->path)) ||
	    rc__json_set(o, "record_line", json_integer((json_int_t)rec->record_line)) ||
	    rc__json_set(o, "seq", json_integer((json_int_t)rec->seq)) ||
	    rc__json_set(o, "source", rc__json_str(rec->source)) ||
	    rc__json_set(o, "url", rc__json_str(rec->url)) ||
	    rc__json_set(o, "published", rc__json_str(rec->published)) ||
	    rc__json_set(o, "title", rc__json_str(rec->title)) ||
	    rc__json_set(o, "bytes", json_integer((json_int_t)rec->bytes)) ||
	    rc__json_set(o, "status", json_string(rec->status == RC_DOC_OK ? "ok" : "skipped")) ||
	    rc__json_set(o, "reason", rc__json_str(rec->reason)) ||
	    rc__json_set(o, "diags", diags) ||
	    rc__json_set(o, "signature", sig) ||
	    rc__json_set(o, "mentions", mentions)) {
		json_decref(o);
		return NULL;
	}
	return o;
fail:
	json_decref(o);
	json_decref(diags);
	json_decref(mentions);
	return NULL;
}

/*
 * The same lines as rc__document_to_json() and rc__claim_to_json() dumped
 * by rc__json_write_line(), written straight into a buffer: extraction
 * writes every claim, and building a jansson tree per claim cost more than
 * extracting it.  tests/extract/record.c holds both paths to the same bytes.
 */
static void jw_pos(rc_jw *w, const rc_pos *p)
{
	rc__jw_obj(w);
	rc__jw_key(w, "start");
	rc__jw_int(w, (long long)p->start);
	rc__jw_key(w, "end");
	rc__jw_int(w, (long long)p->end);
	rc__jw_key(w, "line");
	rc__jw_int(w, (long long)p->line);
	rc__jw_key(w, "column");
	rc__jw_int(w, (long long)p->column);
	rc__jw_end_obj(w);
}

static void jw_end(rc_jw *w, const char *key, const rc_interval *iv, bool lo)
{
	rc__jw_key(w, key);
	if (lo ? iv->lo_inf : iv->hi_inf)
		rc__jw_null(w);
	else
		rc__jw_num(w, lo ? iv->lo : iv->hi);
}

/* lo, hi, lo_incl, hi_incl: in a claim and in an interval object alike */
static void jw_interval_fields(rc_jw *w, const rc_interval *iv)
{
	jw_end(w, "lo", iv, true);
	jw_end(w, "hi", iv, false);
	rc__jw_key(w, "lo_incl");
	rc__jw_bool(w, !iv->lo_inf && iv->lo_incl);
	rc__jw_key(w, "hi_incl");
	rc__jw_bool(w, !iv->hi_inf && iv->hi_incl);
}

void rc__claim_write(rc_jw *w, const rc_record *rec, const rc_claim *c)
{
	rc__jw_obj(w);
	rc__claim_write_fields(w, rec, c);
	rc__jw_end_obj(w);
}

void rc__claim_write_fields(rc_jw *w, const rc_record *rec, const rc_claim *c)
{
	const rc_interval *iv = &c->q.iv;
	rc__jw_key(w, "schema");
	rc__jw_str(w, RC_CLAIM_SCHEMA);
	rc__jw_key(w, "doc");
	rc__jw_str(w, rec->doc);
	rc__jw_key(w, "path");
	rc__jw_str(w, rec->path);
	rc__jw_key(w, "source");
	rc__jw_str(w, rec->source);
	rc__jw_key(w, "published");
	rc__jw_str(w, rec->published);
	rc__jw_key(w, "metric");
	rc__jw_str(w, c->metric);
	rc__jw_key(w, "subject");
	rc__jw_str(w, c->subject);
	rc__jw_key(w, "text");
	rc__jw_str(w, c->text);
	jw_interval_fields(w, iv);
	rc__jw_key(w, "approx");
	rc__jw_bool(w, c->q.approx);
	rc__jw_key(w, "vague");
	rc__jw_bool(w, c->q.vague);
	rc__jw_key(w, "qualifier");
	rc__jw_str(w, c->q.qualifier);
	rc__jw_key(w, "status");
	rc__jw_str(w, rc_claim_status_str(c->status));
	rc__jw_key(w, "attribution");
	rc__jw_str(w, c->attribution);
	rc__jw_key(w, "event");
	rc__jw_str(w, c->event);
	rc__jw_key(w, "events");
	rc__jw_arr(w);
	for (size_t i = 0; i < c->n_events; i++)
		rc__jw_str(w, c->events[i]);
	rc__jw_end_arr(w);
	rc__jw_key(w, "quote");
	rc__jw_str(w, c->quote);
	rc__jw_key(w, "line");
	rc__jw_int(w, (long long)c->pos.line);
	rc__jw_key(w, "column");
	rc__jw_int(w, (long long)c->pos.column);
	rc__jw_key(w, "start");
	rc__jw_int(w, (long long)c->pos.start);
	rc__jw_key(w, "end");
	rc__jw_int(w, (long long)c->pos.end);
	rc__jw_key(w, "trigger");
	rc__jw_str(w, c->trigger);
	rc__jw_key(w, "kind");
	rc__jw_str(w, rc_quantity_kind_str(c->q.kind));
	rc__jw_key(w, "value");
	rc__jw_num(w, c->q.value);
	rc__jw_key(w, "num_start");
	rc__jw_int(w, (long long)c->q.num_start);
	rc__jw_key(w, "num_end");
	rc__jw_int(w, (long long)c->q.num_end);
	rc__jw_key(w, "parent");
	rc__jw_int(w, c->parent);
	rc__jw_key(w, "mention");
	rc__jw_int(w, c->mention);
	rc__jw_key(w, "mentions");
	rc__jw_arr(w);
	for (size_t i = 0; i < c->n_mentions; i++)
		rc__jw_int(w, c->mentions[i]);
	rc__jw_end_arr(w);
	rc__jw_key(w, "file_line");
	rc__jw_int(w, (long long)c->file_line);
	rc__jw_key(w, "record_line");
	rc__jw_int(w, (long long)rec->record_line);
	rc__jw_key(w, "sentence");
	jw_pos(w, &c->sentence);
	rc__jw_key(w, "in_title");
	rc__jw_bool(w, c->in_title);
	rc__jw_key(w, "part");
	rc__jw_str(w, c->part);
	rc__jw_key(w, "background");
	rc__jw_bool(w, c->background);
	rc__jw_key(w, "year");
	if (c->year)
		rc__jw_int(w, c->year);
	else
		rc__jw_null(w);
}

void rc__jw_interval(rc_jw *w, const rc_interval *iv)
{
	rc__jw_obj(w);
	jw_interval_fields(w, iv);
	rc__jw_end_obj(w);
}

static void jw_mention(rc_jw *w, const rc_mention *m)
{
	rc__jw_obj(w);
	rc__jw_key(w, "type");
	rc__jw_str(w, m->type);
	rc__jw_key(w, "noun");
	rc__jw_str(w, m->noun);
	rc__jw_key(w, "place");
	rc__jw_str(w, m->place);
	rc__jw_key(w, "date");
	rc__jw_str(w, m->date);
	rc__jw_key(w, "names");
	rc__jw_arr(w);
	for (size_t i = 0; i < m->n_names; i++)
		rc__jw_str(w, m->names[i]);
	rc__jw_end_arr(w);
	rc__jw_key(w, "key");
	rc__jw_str(w, m->key);
	rc__jw_key(w, "local_id");
	rc__jw_str(w, m->local_id);
	rc__jw_key(w, "start");
	rc__jw_int(w, (long long)m->start);
	rc__jw_key(w, "end");
	rc__jw_int(w, (long long)m->end);
	rc__jw_key(w, "line");
	rc__jw_int(w, (long long)m->line);
	rc__jw_end_obj(w);
}

void rc__document_write(rc_jw *w, const rc_record *rec)
{
	rc__jw_obj(w);
	rc__jw_key(w, "schema");
	rc__jw_str(w, RC_DOCUMENT_SCHEMA);
	rc__jw_key(w, "doc");
	rc__jw_str(w, rec->doc);
	rc__jw_key(w, "path");
	rc__jw_str(w, rec->path);
	rc__jw_key(w, "record_line");
	rc__jw_int(w, (long long)rec->record_line);
	rc__jw_key(w, "seq");
	rc__jw_int(w, (long long)rec->seq);
	rc__jw_key(w, "source");
	rc__jw_str(w, rec->source);
	rc__jw_key(w, "url");
	rc__jw_str(w, rec->url);
	rc__jw_key(w, "published");
	rc__jw_str(w, rec->published);
	rc__jw_key(w, "title");
	rc__jw_str(w, rec->title);
	rc__jw_key(w, "bytes");
	rc__jw_int(w, (long long)rec->bytes);
	rc__jw_key(w, "status");
	rc__jw_str(w, rec->status == RC_DOC_OK ? "ok" : "skipped");
	rc__jw_key(w, "reason");
	rc__jw_str(w, rec->reason);
	rc__jw_key(w, "diags");
	rc__jw_arr(w);
	for (size_t i = 0; i < rec->n_diags; i++) {
		const rc_diag *d = &rec->diags[i];
		rc__jw_obj(w);
		rc__jw_key(w, "severity");
		rc__jw_str(w, rc_severity_str(d->severity));
		rc__jw_key(w, "status");
		rc__jw_str(w, rc__status_name(d->status));
		rc__jw_key(w, "path");
		rc__jw_str(w, d->path);
		rc__jw_key(w, "line");
		rc__jw_int(w, (long long)d->line);
		rc__jw_key(w, "column");
		rc__jw_int(w, (long long)d->column);
		rc__jw_key(w, "offset");
		if (d->offset == (size_t)-1)
			rc__jw_null(w);
		else
			rc__jw_int(w, (long long)d->offset);
		rc__jw_key(w, "message");
		rc__jw_str(w, d->message);
		rc__jw_end_obj(w);
	}
	rc__jw_end_arr(w);
	rc__jw_key(w, "signature");
	if (rec->has_signature) {
		char hex[RC_MINHASH_K * 8 + 1];
		signature_hex(hex, rec->minhash);
		rc__jw_str(w, hex);
	} else {
		rc__jw_null(w);
	}
	rc__jw_key(w, "mentions");
	rc__jw_arr(w);
	for (size_t i = 0; i < rec->n_mentions; i++)
		jw_mention(w, &rec->mentions[i]);
	rc__jw_end_arr(w);
	rc__jw_end_obj(w);
}

rc_status rc_record_write_jsonl(FILE *fp, const rc_record *rec, bool with_document_line,
                                rc_error *err)
{
	if (!fp || !rec)
		return rc__error_set(err, RC_ERR_INVALID, "rc_record_write_jsonl: no file or record");
	rc_buf b;
	rc__buf_init(&b, 0);
	rc_jw w;
	rc__jw_init(&w, &b);
	if (with_document_line) {
		rc__document_write(&w, rec);
		if (rc__buf_putc(&b, '\n') != RC_OK)
			w.failed = true;
	}
	for (size_t i = 0; i < rec->n_claims; i++) {
		rc__jw_init(&w, &b);
		rc__claim_write(&w, rec, &rec->claims[i]);
		if (rc__buf_putc(&b, '\n') != RC_OK)
			w.failed = true;
	}
	if (w.failed) {
		rc__buf_dispose(&b);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory writing a record");
	}
	bool bad = b.len && fwrite(b.data, 1, b.len, fp) != b.len;
	rc__buf_dispose(&b);
	if (bad)
		return rc__error_set(err, RC_ERR_IO, "write error: %s", strerror(errno ? errno : EIO));
	return RC_OK;
}

/* ---- reading ------------------------------------------------------------------ */

/* A record being assembled from its lines. */
typedef struct pending {
	rc_record *rec;
	rc_claim *claims;        /* malloc'd until the record is complete */
	size_t n, cap;
	size_t first_line;       /* file line of its first line */
	bool has_doc_line;
} pending;

struct rc_record_reader {
	char **paths;
	size_t n_paths, next_path;
	FILE *fp;
	bool fp_is_stdin;
	const char *cur_path;
	size_t line_no;
	size_t bytes;            /* read so far, all inputs */
	rc_buf line;
	pending cur;
	size_t n_records;
	rc_arena *arena;         /* diagnostics */
	rc_diag *diags;
	size_t n_diags, cap_diags;
};

static void pending_drop(pending *p)
{
	rc_record_free(p->rec);
	free(p->claims);
	memset(p, 0, sizeof(*p));
}

static rc_status reader_diag(rc_record_reader *r, rc_severity sev, rc_status st, size_t line,
                             const char *fmt, ...) RC_PRINTF(5, 6);

static rc_status reader_diag(rc_record_reader *r, rc_severity sev, rc_status st, size_t line,
                             const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (RC_GROW(r->diags, r->cap_diags, r->n_diags + 1) != RC_OK)
		return RC_ERR_NOMEM;
	rc_diag *d = &r->diags[r->n_diags];
	*d = (rc_diag){.severity = sev, .status = st, .line = line, .offset = (size_t)-1};
	d->path = rc__arena_strdup(r->arena, r->cur_path);
	d->message = rc__arena_strdup(r->arena, msg);
	if (!d->message || (r->cur_path && !d->path))
		return RC_ERR_NOMEM;
	r->n_diags++;
	return RC_OK;
}

rc_status rc_record_reader_new(rc_record_reader **out, const char *const *paths, size_t n,
                               rc_error *err)
{
	*out = NULL;
	rc_record_reader *r = calloc(1, sizeof(*r));
	if (!r || !(r->arena = rc__arena_new(4096)))
		goto nomem;
	r->paths = calloc(n ? n : 1, sizeof(*r->paths));
	if (!r->paths)
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		if (!paths[i]) {
			rc_record_reader_free(r);
			return rc__error_set(err, RC_ERR_INVALID, "rc_record_reader_new: NULL path");
		}
		if (!(r->paths[i] = rc__strdup(paths[i])))
			goto nomem;
		r->n_paths++;
	}
	rc__buf_init(&r->line, MAX_RECORD_LINE);
	*out = r;
	return RC_OK;
nomem:
	rc_record_reader_free(r);
	return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
}

void rc_record_reader_free(rc_record_reader *r)
{
	if (!r)
		return;
	if (r->fp && !r->fp_is_stdin)
		fclose(r->fp);
	for (size_t i = 0; i < r->n_paths; i++)
		free(r->paths[i]);
	free(r->paths);
	rc__buf_dispose(&r->line);
	pending_drop(&r->cur);
	free(r->diags);
	rc__arena_free(r->arena);
	free(r);
}

const rc_diag *rc_record_reader_diags(const rc_record_reader *r, size_t *n)
{
	*n = r ? r->n_diags : 0;
	return r ? r->diags : NULL;
}

/*
 * The next line into r->line (without its line end).  Returns RC_OK with
 * *got false at the end of all inputs.  Unreadable files and over-long
 * lines are diagnostics.
 */
static rc_status next_line(rc_record_reader *r, bool *got)
{
	*got = false;
	for (;;) {
		if (!r->fp) {
			if (r->next_path >= r->n_paths)
				return RC_OK;
			r->cur_path = r->paths[r->next_path++];
			r->line_no = 0;
			if (strcmp(r->cur_path, "-") == 0) {
				r->fp = stdin;
				r->fp_is_stdin = true;
			} else {
				r->fp = fopen(r->cur_path, "rb");
				r->fp_is_stdin = false;
				if (!r->fp) {
					if (reader_diag(r, RC_SEV_ERROR, RC_ERR_IO, 0, "cannot open: %s",
					                strerror(errno)) != RC_OK)
						return RC_ERR_NOMEM;
					continue;
				}
			}
		}
		rc__buf_reset(&r->line);
		bool too_long = false, any = false;
		int c;
		/* A reader is used by one thread: skip stdio's lock per byte. */
		while ((c = getc_unlocked(r->fp)) != EOF) {
			any = true;
			r->bytes++;
			if (c == '\n')
				break;
			if (!too_long) {
				rc_status st = rc__buf_putc(&r->line, (char)c);
				if (st == RC_ERR_LIMIT)
					too_long = true;
				else if (st != RC_OK)
					return RC_ERR_NOMEM;
			}
		}
		if (!any) {
			bool bad = ferror(r->fp);
			if (!r->fp_is_stdin)
				fclose(r->fp);
			r->fp = NULL;
			if (bad && reader_diag(r, RC_SEV_ERROR, RC_ERR_IO, r->line_no, "read error") != RC_OK)
				return RC_ERR_NOMEM;
			continue;
		}
		r->line_no++;
		if (too_long) {
			if (reader_diag(r, RC_SEV_ERROR, RC_ERR_LIMIT, r->line_no,
			                "line longer than %zu bytes skipped", MAX_RECORD_LINE) != RC_OK)
				return RC_ERR_NOMEM;
			continue;
		}
		if (r->line.len && r->line.data[r->line.len - 1] == '\r')
			r->line.data[--r->line.len] = '\0';
		*got = true;
		return RC_OK;
	}
}

/* ---- field parsing: a type mismatch rejects the line with a reason ---- */

typedef struct fields {
	const json_t *o;
	rc_arena *a;
	const char *bad;         /* first problem, static text */
	const char *bad_key;
} fields;

static void bad(fields *f, const char *key, const char *why)
{
	if (!f->bad) {
		f->bad = why;
		f->bad_key = key;
	}
}

/* A string or null (absent is null); copied into the arena. */
static const char *get_str(fields *f, const char *key)
{
	const json_t *v = json_object_get(f->o, key);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		bad(f, key, "expected a string or null");
		return NULL;
	}
	const char *s = rc__arena_strndup(f->a, json_string_value(v), json_string_length(v));
	if (!s)
		bad(f, key, "out of memory");
	return s;
}

static size_t get_size(fields *f, const char *key, size_t dflt)
{
	const json_t *v = json_object_get(f->o, key);
	if (!v)
		return dflt;
	if (json_is_null(v))
		return (size_t)-1;
	if (!json_is_integer(v) || json_integer_value(v) < 0) {
		bad(f, key, "expected a whole number");
		return dflt;
	}
	return (size_t)json_integer_value(v);
}

static long get_index(fields *f, const char *key)
{
	const json_t *v = json_object_get(f->o, key);
	if (!v || json_is_null(v))
		return -1;
	if (!json_is_integer(v) || json_integer_value(v) < -1 ||
	    json_integer_value(v) > (json_int_t)(SIZE_MAX / 4)) {
		bad(f, key, "expected an index (or -1)");
		return -1;
	}
	return (long)json_integer_value(v);
}

static bool get_bool(fields *f, const char *key)
{
	const json_t *v = json_object_get(f->o, key);
	if (!v || json_is_null(v))
		return false;
	if (!json_is_boolean(v)) {
		bad(f, key, "expected true or false");
		return false;
	}
	return json_is_true(v);
}

/* A finite number, or null (*is_null). */
static double get_num(fields *f, const char *key, bool *is_null)
{
	const json_t *v = json_object_get(f->o, key);
	double d = 0;
	*is_null = false;
	if (!v || json_is_null(v)) {
		*is_null = true;
		return 0;
	}
	if (!rc__json_get_number(v, &d) || !isfinite(d)) {
		bad(f, key, "expected a number or null");
		return 0;
	}
	return d;
}

static rc_pos get_pos(fields *f, const char *key)
{
	rc_pos p = {0};
	const json_t *v = json_object_get(f->o, key);
	if (!v || json_is_null(v))
		return p;
	if (!json_is_object(v)) {
		bad(f, key, "expected an object");
		return p;
	}
	fields sub = {.o = v, .a = f->a};
	p.start = get_size(&sub, "start", 0);
	p.end = get_size(&sub, "end", 0);
	p.line = get_size(&sub, "line", 0);
	p.column = get_size(&sub, "column", 0);
	if (!sub.bad && (p.start == (size_t)-1 || p.end == (size_t)-1 || p.end < p.start))
		sub.bad = "not a span (start <= end)";
	if (sub.bad)
		bad(f, key, sub.bad);
	return p;
}

static bool kind_from_name(const char *name, rc_quantity_kind *out)
{
	for (int k = 0; k < RC_QK_COUNT_; k++)
		if (strcmp(rc_quantity_kind_str((rc_quantity_kind)k), name) == 0) {
			*out = (rc_quantity_kind)k;
			return true;
		}
	return false;
}

static void parse_claim(fields *f, rc_claim *c)
{
	memset(c, 0, sizeof(*c));
	c->metric = get_str(f, "metric");
	if (!f->bad && (!c->metric || !*c->metric))
		bad(f, "metric", "missing");
	c->subject = get_str(f, "subject");
	c->trigger = get_str(f, "trigger");
	c->text = get_str(f, "text");
	bool lo_null, hi_null, v_null;
	c->q.iv.lo = get_num(f, "lo", &lo_null);
	c->q.iv.hi = get_num(f, "hi", &hi_null);
	c->q.iv.lo_inf = lo_null;
	c->q.iv.hi_inf = hi_null;
	c->q.iv.lo_incl = get_bool(f, "lo_incl");
	c->q.iv.hi_incl = get_bool(f, "hi_incl");
	if (!lo_null && !hi_null && c->q.iv.lo > c->q.iv.hi)
		bad(f, "lo", "greater than hi");
	c->q.approx = get_bool(f, "approx");
	c->q.vague = get_bool(f, "vague");
	c->q.qualifier = get_str(f, "qualifier");
	c->q.value = get_num(f, "value", &v_null);
	const char *kind = get_str(f, "kind");
	if (kind && !kind_from_name(kind, &c->q.kind))
		bad(f, "kind", "unknown quantity kind");
	const char *status = get_str(f, "status");
	if (status && !rc_claim_status_parse(status, &c->status))
		bad(f, "status", "unknown status");
	c->attribution = get_str(f, "attribution");
	c->event = get_str(f, "event");
	c->quote = get_str(f, "quote");
	c->pos.line = get_size(f, "line", 0);
	c->pos.column = get_size(f, "column", 0);
	c->pos.start = get_size(f, "start", 0);
	c->pos.end = get_size(f, "end", 0);
	if (c->pos.start == (size_t)-1 || c->pos.end == (size_t)-1 || c->pos.end < c->pos.start)
		bad(f, "end", "not a span (start <= end)");
	c->q.start = c->pos.start;
	c->q.end = c->pos.end;
	c->q.num_start = get_size(f, "num_start", c->pos.start);
	c->q.num_end = get_size(f, "num_end", c->pos.end);
	c->parent = get_index(f, "parent");
	c->mention = get_index(f, "mention");
	c->file_line = get_size(f, "file_line", c->pos.line);
	c->sentence = get_pos(f, "sentence");
	c->in_title = get_bool(f, "in_title");
	c->part = get_str(f, "part");
	c->background = get_bool(f, "background");
	size_t year = get_size(f, "year", 0);
	if (year != (size_t)-1 && year > 9999)
		bad(f, "year", "not a year");
	c->year = year == (size_t)-1 || year > 9999 ? 0 : (int)year;

	const json_t *ev = json_object_get(f->o, "events");
	if (ev && !json_is_null(ev)) {
		if (!json_is_array(ev)) {
			bad(f, "events", "expected a list of ids");
		} else if (json_array_size(ev)) {
			size_t n = json_array_size(ev);
			c->events = rc__arena_alloc(f->a, n * sizeof(*c->events));
			if (!c->events)
				bad(f, "events", "out of memory");
			for (size_t i = 0; c->events && i < n; i++) {
				const json_t *e = json_array_get(ev, i);
				if (!json_is_string(e)) {
					bad(f, "events", "expected a list of ids");
					break;
				}
				c->events[c->n_events++] = rc__arena_strdup(f->a, json_string_value(e));
			}
		}
	}
	const json_t *mv = json_object_get(f->o, "mentions");
	if (mv && !json_is_null(mv)) {
		if (!json_is_array(mv)) {
			bad(f, "mentions", "expected a list of indices");
		} else if (json_array_size(mv)) {
			size_t n = json_array_size(mv);
			c->mentions = rc__arena_alloc(f->a, n * sizeof(*c->mentions));
			if (!c->mentions)
				bad(f, "mentions", "out of memory");
			for (size_t i = 0; c->mentions && i < n; i++) {
				const json_t *e = json_array_get(mv, i);
				if (!json_is_integer(e) || json_integer_value(e) < 0 ||
				    json_integer_value(e) > (json_int_t)(SIZE_MAX / 4)) {
					bad(f, "mentions", "expected a list of indices");
					break;
				}
				c->mentions[c->n_mentions++] = (long)json_integer_value(e);
			}
		}
	}
}

static void parse_mentions(fields *f, rc_record *rec)
{
	const json_t *mv = json_object_get(f->o, "mentions");
	if (!mv || json_is_null(mv))
		return;
	if (!json_is_array(mv)) {
		bad(f, "mentions", "expected a list of objects");
		return;
	}
	size_t n = json_array_size(mv);
	if (!n)
		return;
	rec->mentions = rc__arena_calloc(f->a, n, sizeof(*rec->mentions));
	if (!rec->mentions) {
		bad(f, "mentions", "out of memory");
		return;
	}
	for (size_t i = 0; i < n && !f->bad; i++) {
		const json_t *mo = json_array_get(mv, i);
		if (!json_is_object(mo)) {
			bad(f, "mentions", "expected a list of objects");
			return;
		}
		fields sub = {.o = mo, .a = f->a};
		rc_mention *m = &rec->mentions[i];
		m->type = get_str(&sub, "type");
		if (!sub.bad && !m->type)
			bad(&sub, "type", "missing");
		m->noun = get_str(&sub, "noun");
		m->place = get_str(&sub, "place");
		m->date = get_str(&sub, "date");
		m->key = get_str(&sub, "key");
		m->local_id = get_str(&sub, "local_id");
		m->start = get_size(&sub, "start", 0);
		m->end = get_size(&sub, "end", 0);
		m->line = get_size(&sub, "line", 0);
		if (m->start == (size_t)-1 || m->end == (size_t)-1 || m->end < m->start)
			bad(&sub, "end", "not a span (start <= end)");
		const json_t *names = json_object_get(mo, "names");
		if (names && !json_is_null(names)) {
			if (!json_is_array(names)) {
				bad(&sub, "names", "expected a list of strings");
			} else if (json_array_size(names)) {
				size_t nn = json_array_size(names);
				m->names = rc__arena_alloc(f->a, nn * sizeof(*m->names));
				for (size_t k = 0; m->names && k < nn; k++) {
					const json_t *s = json_array_get(names, k);
					if (!json_is_string(s)) {
						bad(&sub, "names", "expected a list of strings");
						break;
					}
					if (!(m->names[m->n_names++] = rc__arena_strdup(f->a, json_string_value(s))))
						bad(&sub, "names", "out of memory");
				}
				if (!m->names)
					bad(&sub, "names", "out of memory");
			}
		}
		if (sub.bad)
			bad(f, "mentions", sub.bad);
		rec->n_mentions = i + 1;
	}
}

static void parse_diags(fields *f, rc_record *rec)
{
	const json_t *dv = json_object_get(f->o, "diags");
	if (!dv || json_is_null(dv))
		return;
	if (!json_is_array(dv)) {
		bad(f, "diags", "expected a list of objects");
		return;
	}
	size_t n = json_array_size(dv);
	if (!n)
		return;
	rec->diags = rc__arena_calloc(f->a, n, sizeof(*rec->diags));
	if (!rec->diags) {
		bad(f, "diags", "out of memory");
		return;
	}
	for (size_t i = 0; i < n && !f->bad; i++) {
		const json_t *o = json_array_get(dv, i);
		if (!json_is_object(o)) {
			bad(f, "diags", "expected a list of objects");
			return;
		}
		fields sub = {.o = o, .a = f->a};
		rc_diag *d = &rec->diags[i];
		const char *sev = get_str(&sub, "severity");
		const char *st = get_str(&sub, "status");
		d->severity = RC_SEV_WARNING;
		for (size_t k = 0; sev && k < RC_ARRAY_LEN(severity_names); k++)
			if (strcmp(sev, severity_names[k]) == 0)
				d->severity = (rc_severity)k;
		if (st && !rc__status_from_name(st, &d->status))
			bad(&sub, "status", "unknown status");
		d->path = get_str(&sub, "path");
		d->line = get_size(&sub, "line", 0);
		d->column = get_size(&sub, "column", 0);
		d->offset = get_size(&sub, "offset", (size_t)-1);
		d->message = get_str(&sub, "message");
		if (!sub.bad && (!d->message || !*d->message))
			bad(&sub, "message", "missing");
		if (sub.bad)
			bad(f, "diags", sub.bad);
		rec->n_diags = i + 1;
	}
}

static void parse_signature(fields *f, rc_record *rec)
{
	const json_t *v = json_object_get(f->o, "signature");
	if (!v || json_is_null(v))
		return;
	const char *s = json_is_string(v) ? json_string_value(v) : NULL;
	if (!s || strlen(s) != RC_MINHASH_K * 8) {
		bad(f, "signature", "expected 512 hex digits or null");
		return;
	}
	for (size_t i = 0; i < RC_MINHASH_K; i++) {
		uint32_t w = 0;
		for (size_t k = 0; k < 8; k++) {
			char c = s[8 * i + k];
			int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
			      : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
			if (d < 0) {
				bad(f, "signature", "expected 512 hex digits or null");
				return;
			}
			w = (w << 4) | (uint32_t)d;
		}
		rec->minhash[i] = w;
	}
	rec->has_signature = true;
}

/* Document fields shared by both line kinds. */
static void parse_doc_fields(fields *f, rc_record *rec)
{
	rec->doc = get_str(f, "doc");
	if (!f->bad && (!rec->doc || !*rec->doc))
		bad(f, "doc", "missing");
	rec->path = get_str(f, "path");
	rec->source = get_str(f, "source");
	rec->published = get_str(f, "published");
	rec->record_line = get_size(f, "record_line", 0);
	if (rec->record_line == (size_t)-1)
		rec->record_line = 0;
}

static void parse_document(fields *f, rc_record *rec)
{
	parse_doc_fields(f, rec);
	rec->url = get_str(f, "url");
	rec->title = get_str(f, "title");
	rec->seq = get_size(f, "seq", rec->seq);
	rec->bytes = get_size(f, "bytes", 0);
	const char *status = get_str(f, "status");
	if (status && strcmp(status, "skipped") == 0)
		rec->status = RC_DOC_SKIPPED;
	else if (status && strcmp(status, "ok") != 0)
		bad(f, "status", "expected \"ok\" or \"skipped\"");
	rec->reason = get_str(f, "reason");
	parse_diags(f, rec);
	parse_signature(f, rec);
	parse_mentions(f, rec);
}

/* Is the claim (fields of its line) about the pending record? */
static bool same_document(const pending *p, const json_t *o)
{
	if (!p->rec)
		return false;
	const json_t *doc = json_object_get(o, "doc");
	const json_t *path = json_object_get(o, "path");
	const json_t *rl = json_object_get(o, "record_line");
	if (!json_is_string(doc) || strcmp(json_string_value(doc), p->rec->doc) != 0)
		return false;
	const char *ps = json_is_string(path) ? json_string_value(path) : NULL;
	if ((ps == NULL) != (p->rec->path == NULL) || (ps && strcmp(ps, p->rec->path) != 0))
		return false;
	size_t line = json_is_integer(rl) ? (size_t)json_integer_value(rl) : 0;
	return line == p->rec->record_line;
}

/* Move the pending record's claims into its arena and check its indices. */
static rc_status finish(rc_record_reader *r, pending *p, rc_record **out)
{
	rc_record *rec = p->rec;
	if (p->n) {
		rec->claims = rc__arena_alloc(rc__record_arena(rec), p->n * sizeof(*rec->claims));
		if (!rec->claims)
			return RC_ERR_NOMEM;
		memcpy(rec->claims, p->claims, p->n * sizeof(*p->claims));
		rec->n_claims = p->n;
	}
	/* Indices must point inside the record: consumers follow them. */
	bool fixed = false;
	for (size_t i = 0; i < rec->n_claims; i++) {
		rc_claim *c = &rec->claims[i];
		if (c->parent >= (long)rec->n_claims || c->parent == (long)i) {
			c->parent = -1;
			fixed = true;
		}
		if (c->mention >= (long)rec->n_mentions) {
			c->mention = -1;
			fixed = true;
		}
		size_t keep = 0;
		for (size_t k = 0; k < c->n_mentions; k++)
			if (c->mentions[k] < (long)rec->n_mentions)
				c->mentions[keep++] = c->mentions[k];
		fixed |= keep != c->n_mentions;
		c->n_mentions = keep;
	}
	if (fixed && reader_diag(r, RC_SEV_WARNING, RC_ERR_PARSE, p->first_line,
	                         "document '%s': claim indices out of range were reset",
	                         rec->doc) != RC_OK)
		return RC_ERR_NOMEM;
	free(p->claims);
	memset(p, 0, sizeof(*p));
	*out = rec;
	r->n_records++;
	return RC_OK;
}

/* Start a pending record from a document line or a lone claim line. */
static rc_status start_record(rc_record_reader *r, pending *p, const json_t *o, bool doc_line,
                              const char **why, const char **why_key)
{
	memset(p, 0, sizeof(*p));
	p->rec = rc__record_new();
	if (!p->rec)
		return RC_ERR_NOMEM;
	p->rec->seq = r->n_records;
	fields f = {.o = o, .a = rc__record_arena(p->rec)};
	if (doc_line)
		parse_document(&f, p->rec);
	else
		parse_doc_fields(&f, p->rec);
	if (f.bad) {
		*why = f.bad;
		*why_key = f.bad_key;
		pending_drop(p);
		return RC_OK;
	}
	p->first_line = r->line_no;
	p->has_doc_line = doc_line;
	return RC_OK;
}

static rc_status add_claim(pending *p, const json_t *o, const char **why, const char **why_key)
{
	fields f = {.o = o, .a = rc__record_arena(p->rec)};
	rc_claim c;
	parse_claim(&f, &c);
	if (f.bad) {
		*why = f.bad;
		*why_key = f.bad_key;
		return RC_OK;
	}
	if (RC_GROW(p->claims, p->cap, p->n + 1) != RC_OK)
		return RC_ERR_NOMEM;
	p->claims[p->n++] = c;
	return RC_OK;
}

rc_status rc_record_reader_next(rc_record_reader *r, rc_record **out, rc_error *err)
{
	*out = NULL;
	if (!r)
		return rc__error_set(err, RC_ERR_INVALID, "rc_record_reader_next: no reader");
	for (;;) {
		bool got;
		rc_status st = next_line(r, &got);
		if (st != RC_OK)
			goto nomem;
		if (!got) {
			if (r->cur.rec && (st = finish(r, &r->cur, out)) != RC_OK)
				goto nomem;
			return RC_OK;
		}
		const char *line = r->line.data ? r->line.data : "";
		size_t k = 0;
		while (k < r->line.len && rc__is_space((unsigned char)line[k]))
			k++;
		if (k == r->line.len)
			continue;   /* blank lines are allowed */
		json_error_t jerr;
		json_t *o = json_loadb(line, r->line.len, JSON_REJECT_DUPLICATES, &jerr);
		const char *schema = o ? json_string_value(json_object_get(o, "schema")) : NULL;
		if (!o || !json_is_object(o) || !schema ||
		    (strcmp(schema, RC_CLAIM_SCHEMA) != 0 && strcmp(schema, RC_DOCUMENT_SCHEMA) != 0)) {
			st = reader_diag(r, RC_SEV_ERROR, RC_ERR_PARSE, r->line_no, "%s",
			                 !o ? jerr.text : !json_is_object(o) ? "not a JSON object"
			                 : !schema ? "no \"schema\": not a recount record line"
			                 : "unknown schema (expected recount.document/1 or recount.claim/1)");
			json_decref(o);
			if (st != RC_OK)
				goto nomem;
			continue;
		}
		bool doc_line = strcmp(schema, RC_DOCUMENT_SCHEMA) == 0;
		const char *why = NULL, *why_key = NULL;
		rc_record *done = NULL;
		if (!doc_line && same_document(&r->cur, o)) {
			st = add_claim(&r->cur, o, &why, &why_key);
		} else {
			pending next;
			st = start_record(r, &next, o, doc_line, &why, &why_key);
			if (st == RC_OK && next.rec) {
				if (!doc_line)
					st = add_claim(&next, o, &why, &why_key);
				if (st == RC_OK && why) {
					pending_drop(&next);
				} else if (st == RC_OK) {
					if (r->cur.rec)
						st = finish(r, &r->cur, &done);
					r->cur = next;
				} else {
					pending_drop(&next);
				}
			}
		}
		json_decref(o);
		if (st != RC_OK)
			goto nomem;
		if (why && reader_diag(r, RC_SEV_ERROR, RC_ERR_PARSE, r->line_no, "%s: %s",
		                       why_key ? why_key : "line", why) != RC_OK)
			goto nomem;
		if (done) {
			*out = done;
			return RC_OK;
		}
	}
nomem:
	return rc__error_set(err, RC_ERR_NOMEM, "out of memory reading records");
}

size_t rc_record_reader_bytes(const rc_record_reader *r)
{
	return r ? r->bytes : 0;
}
