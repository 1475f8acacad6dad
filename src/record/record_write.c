/*
 * The one writer of records: the JSON Lines of `recount extract`
 * (docs/schema-claim.md), streamed into a buffer by the JSON writer of
 * core (jw.c).  A record is one "recount.document/2" line that carries the
 * document's fields once, its sentence table (each quoted sentence once)
 * and its claims, which point into that table; `--claims-only` writes the
 * self-contained "recount.claim/1" line per claim instead; a run ends with
 * one "recount.end/1" line that counts what it wrote.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/core.h"
#include "core/jw.h"
#include "record/record-json.h"

/* ---- names ----------------------------------------------------------------- */

/* The helpers below take their key quoted, with its colon, at compile
 * time (RC_JW_KEY): the names need no escaping and no measuring. */
#define QK(k) "\"" k "\":", sizeof(k) + 2
#define key_int(w, k, v) key_int_q(w, QK(k), v)
#define key_size(w, k, v) key_size_q(w, QK(k), v)
#define key_str(w, k, s) key_str_q(w, QK(k), s)
#define key_bool(w, k, v) key_bool_q(w, QK(k), v)
#define interval_end(w, k, iv, lo) interval_end_q(w, QK(k), iv, lo)

static const char *const status_names[] = {
	[RC_OK] = "ok", [RC_ERR_NOMEM] = "nomem", [RC_ERR_IO] = "io",
	[RC_ERR_PARSE] = "parse", [RC_ERR_INVALID] = "invalid", [RC_ERR_LIMIT] = "limit",
	[RC_ERR_ENCODING] = "encoding", [RC_ERR_UNSUPPORTED] = "unsupported",
};

const char *rc__status_name(rc_status st)
{
	return (size_t)st < RC_ARRAY_LEN(status_names) ? status_names[st] : "unknown";
}

bool rc__status_from_name(const char *name, size_t len, rc_status *out)
{
	for (size_t i = 0; name && i < RC_ARRAY_LEN(status_names); i++)
		if (strlen(status_names[i]) == len && memcmp(name, status_names[i], len) == 0) {
			*out = (rc_status)i;
			return true;
		}
	return false;
}

bool rc__severity_from_name(const char *name, size_t len, rc_severity *out)
{
	static const rc_severity all[] = {RC_SEV_ERROR, RC_SEV_WARNING, RC_SEV_NOTE};
	for (size_t i = 0; name && i < RC_ARRAY_LEN(all); i++) {
		const char *s = rc_severity_str(all[i]);
		if (strlen(s) == len && memcmp(name, s, len) == 0) {
			*out = all[i];
			return true;
		}
	}
	return false;
}

/* ---- pieces ------------------------------------------------------------------ */

/* The two hex digits of each byte value, as a constant table. */
#define HEX_DIGIT(x) ((x) < 10 ? '0' + (x) : 'a' + (x) - 10)
#define HEX_P1(b) {HEX_DIGIT((b) >> 4), HEX_DIGIT((b) & 15)}
#define HEX_P4(b) HEX_P1(b), HEX_P1((b) + 1), HEX_P1((b) + 2), HEX_P1((b) + 3)
#define HEX_P16(b) HEX_P4(b), HEX_P4((b) + 4), HEX_P4((b) + 8), HEX_P4((b) + 12)
#define HEX_P64(b) HEX_P16(b), HEX_P16((b) + 16), HEX_P16((b) + 32), HEX_P16((b) + 48)
static const char hex_pairs[256][2] = {HEX_P64(0), HEX_P64(64), HEX_P64(128), HEX_P64(192)};

/* The signature as 512 lower-case hex digits ("%08x" per word). */
static void signature_hex(char out[RC_MINHASH_K * 8 + 1], const uint32_t *sig)
{
	for (size_t i = 0; i < RC_MINHASH_K; i++)
		for (int k = 0; k < 4; k++)
			memcpy(out + 8 * i + 2 * (size_t)k, hex_pairs[(sig[i] >> (24 - 8 * k)) & 255], 2);
	out[RC_MINHASH_K * 8] = '\0';
}

static void key_int_q(rc_jw *w, const char *qkey, size_t qn, long long v)
{
	rc__jw_keyq(w, qkey, qn);
	rc__jw_int(w, v);
}

/* A size; (size_t)-1, which a reader makes of null, is written as null so
 * that whatever is read back writes the same. */
static void size_value(rc_jw *w, size_t v)
{
	if (v == (size_t)-1)
		rc__jw_null(w);
	else
		rc__jw_int(w, (long long)v);
}

static void key_size_q(rc_jw *w, const char *qkey, size_t qn, size_t v)
{
	rc__jw_keyq(w, qkey, qn);
	size_value(w, v);
}

/* A 32-bit offset, line or column; UINT32_MAX, which a reader makes of
 * null, is written as null too. */
static size_t off_size(uint32_t v)
{
	return v == UINT32_MAX ? (size_t)-1 : v;
}

#define key_off(w, k, v) key_size_q(w, QK(k), off_size(v))

static void key_str_q(rc_jw *w, const char *qkey, size_t qn, const char *s)
{
	rc__jw_keyq(w, qkey, qn);
	rc__jw_str(w, s);
}

static void key_bool_q(rc_jw *w, const char *qkey, size_t qn, bool v)
{
	rc__jw_keyq(w, qkey, qn);
	rc__jw_bool(w, v);
}

static void pos_fields(rc_jw *w, const rc_pos *p)
{
	key_off(w, "start", p->start);
	key_off(w, "end", p->end);
	key_off(w, "line", p->line);
	key_off(w, "column", p->column);
}

static void interval_end_q(rc_jw *w, const char *qkey, size_t qn, const rc_interval *iv, bool lo)
{
	rc__jw_keyq(w, qkey, qn);
	if (lo ? iv->lo_inf : iv->hi_inf)
		rc__jw_null(w);
	else
		rc__jw_num(w, lo ? iv->lo : iv->hi);
}

/* lo, hi, lo_incl, hi_incl: in a claim and in an interval object alike */
static void interval_fields(rc_jw *w, const rc_interval *iv)
{
	interval_end(w, "lo", iv, true);
	interval_end(w, "hi", iv, false);
	key_bool(w, "lo_incl", !iv->lo_inf && iv->lo_incl);
	key_bool(w, "hi_incl", !iv->hi_inf && iv->hi_incl);
}

void rc__jw_interval(rc_jw *w, const rc_interval *iv)
{
	rc__jw_obj(w);
	interval_fields(w, iv);
	rc__jw_end_obj(w);
}

/* The figure's own fields, the same in both claim objects: from "metric"
 * to "events". */
static void claim_figure(rc_jw *w, const rc_claim *c, const rc__claim_ids *ids)
{
	rc__claim_ids own = {c->event, c->events, c->n_events};
	if (!ids)
		ids = &own;
	key_str(w, "metric", c->metric);
	key_str(w, "subject", c->subject);
	key_str(w, "text", c->text);
	interval_fields(w, &c->q.iv);
	key_bool(w, "approx", c->q.approx);
	key_bool(w, "vague", c->q.vague);
	key_str(w, "qualifier", c->q.qualifier);
	key_str(w, "status", rc_claim_status_str(c->status));
	key_str(w, "attribution", c->attribution);
	key_str(w, "event", ids->event);
	RC_JW_KEY(w, "events");
	rc__jw_strs(w, ids->events, ids->n_events);
}

/* From "line" to "mentions", after the quote (or the sentence index). */
static void claim_place(rc_jw *w, const rc_claim *c)
{
	key_off(w, "line", c->pos.line);
	key_off(w, "column", c->pos.column);
	key_off(w, "start", c->pos.start);
	key_off(w, "end", c->pos.end);
	key_str(w, "trigger", c->trigger);
	key_str(w, "kind", rc_quantity_kind_str(c->q.kind));
	RC_JW_KEY(w, "value");
	rc__jw_num(w, c->q.value);
	key_off(w, "num_start", c->q.num_start);
	key_off(w, "num_end", c->q.num_end);
	key_int(w, "parent", c->parent);
	key_int(w, "mention", c->mention);
	RC_JW_KEY(w, "mentions");
	rc__jw_longs(w, c->mentions, c->n_mentions);
	key_size(w, "file_line", c->file_line);
}

/* What the claims stage read of the figure: the fields added last. */
static void claim_reading(rc_jw *w, const rc_claim *c)
{
	key_bool(w, "in_title", c->in_title);
	key_str(w, "part", c->part);
	key_bool(w, "background", c->background);
	RC_JW_KEY(w, "year");
	if (c->year)
		rc__jw_int(w, c->year);
	else
		rc__jw_null(w);
}

/* ---- recount.claim/1 ------------------------------------------------------------ */

void rc__claim_write_fields(rc_jw *w, const rc_record *rec, const rc_claim *c,
                            const rc__claim_ids *ids)
{
	key_str(w, "schema", RC_CLAIM_SCHEMA);
	key_str(w, "doc", rec->doc);
	key_str(w, "path", rec->path);
	key_str(w, "source", rec->source);
	key_str(w, "published", rec->published);
	if (rec->published_at)
		key_str(w, "published_at", rec->published_at);
	claim_figure(w, c, ids);
	key_str(w, "quote", c->quote);
	claim_place(w, c);
	key_size(w, "record_line", rec->record_line);
	RC_JW_KEY(w, "sentence");
	rc__jw_obj(w);
	pos_fields(w, &c->sentence);
	rc__jw_end_obj(w);
	claim_reading(w, c);
}

void rc__claim_write(rc_jw *w, const rc_record *rec, const rc_claim *c, const rc__claim_ids *ids)
{
	rc__jw_obj(w);
	rc__claim_write_fields(w, rec, c, ids);
	rc__jw_end_obj(w);
}

/* ---- recount.document/2 ------------------------------------------------------- */

/*
 * The sentence table: claims that quote the same sentence (the same span
 * and the same text: a long sentence is cut around each figure, so two
 * claims in it may quote different parts) share one entry, numbered in
 * the order of first use.  Open addressing over the claims' indices.
 */
typedef struct sentences {
	size_t *of_claim;     /* claim -> table index */
	size_t *first;        /* table index -> first claim quoting it */
	size_t n;
} sentences;

static bool same_sentence(const rc_claim *a, const rc_claim *b)
{
	return a->sentence.start == b->sentence.start && a->sentence.end == b->sentence.end &&
	       a->sentence.line == b->sentence.line && a->sentence.column == b->sentence.column &&
	       (a->quote == b->quote || (a->quote && b->quote && strcmp(a->quote, b->quote) == 0));
}

static uint64_t sentence_hash(const rc_claim *c)
{
	uint64_t h = c->quote ? rc__hash64(c->quote, strlen(c->quote), 0x5e17e7ce) : 0;
	return rc__mix64(h ^ (uint64_t)c->sentence.start * 0x9e3779b97f4a7c15ull ^
	                 (uint64_t)c->sentence.end);
}

static rc_status sentences_build(sentences *t, const rc_record *rec)
{
	size_t n = rec->n_claims;
	memset(t, 0, sizeof *t);
	if (!n)
		return RC_OK;
	size_t cap = 8;
	while (cap < 2 * n)
		cap *= 2;
	size_t *slots = malloc(cap * sizeof *slots);
	t->of_claim = malloc(n * sizeof *t->of_claim);
	t->first = malloc(n * sizeof *t->first);
	if (!slots || !t->of_claim || !t->first) {
		free(slots);
		free(t->of_claim);
		free(t->first);
		return RC_ERR_NOMEM;
	}
	for (size_t i = 0; i < cap; i++)
		slots[i] = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		const rc_claim *c = &rec->claims[i];
		size_t s = (size_t)sentence_hash(c) & (cap - 1);
		while (slots[s] != SIZE_MAX && !same_sentence(&rec->claims[t->first[slots[s]]], c))
			s = (s + 1) & (cap - 1);
		if (slots[s] == SIZE_MAX) {
			slots[s] = t->n;
			t->first[t->n++] = i;
		}
		t->of_claim[i] = slots[s];
	}
	free(slots);
	return RC_OK;
}

/* A row of a field table.  The member must have the C type of its kind
 * (the _Generic has no other branch), so that a field narrowed in its
 * struct cannot be read through the wrong width. */
#define FIELD(type, k, kind, ctype, member) \
	{QK(k), kind, offsetof(type, member) + _Generic(((type *)0)->member, ctype: 0), 0}
#define FIELD_STRS(type, k, member, n)                                                        \
	{QK(k), RC_FIELD_STRS,                                                                 \
	 offsetof(type, member) + _Generic(((type *)0)->member, const char **: 0),              \
	 offsetof(type, n) + _Generic(((type *)0)->n, size_t: 0)}

const rc__field rc__mention_fields[] = {
	FIELD(rc_mention, "type", RC_FIELD_STR, const char *, type),
	FIELD(rc_mention, "noun", RC_FIELD_STR, const char *, noun),
	FIELD(rc_mention, "place", RC_FIELD_STR, const char *, place),
	FIELD(rc_mention, "date", RC_FIELD_STR, const char *, date),
	FIELD_STRS(rc_mention, "names", names, n_names),
	FIELD(rc_mention, "key", RC_FIELD_STR, const char *, key),
	FIELD(rc_mention, "local_id", RC_FIELD_STR, const char *, local_id),
	FIELD(rc_mention, "start", RC_FIELD_U32, uint32_t, start),
	FIELD(rc_mention, "end", RC_FIELD_U32, uint32_t, end),
	FIELD(rc_mention, "line", RC_FIELD_U32, uint32_t, line),
};
const size_t rc__n_mention_fields = RC_ARRAY_LEN(rc__mention_fields);

const rc__field rc__diag_fields[] = {
	FIELD(rc_diag, "severity", RC_FIELD_SEVERITY, rc_severity, severity),
	FIELD(rc_diag, "status", RC_FIELD_STATUS, rc_status, status),
	FIELD(rc_diag, "path", RC_FIELD_STR, const char *, path),
	FIELD(rc_diag, "line", RC_FIELD_SIZE, size_t, line),
	FIELD(rc_diag, "column", RC_FIELD_SIZE, size_t, column),
	FIELD(rc_diag, "offset", RC_FIELD_SIZE, size_t, offset),
	FIELD(rc_diag, "message", RC_FIELD_STR, const char *, message),
};
const size_t rc__n_diag_fields = RC_ARRAY_LEN(rc__diag_fields);

/* An object with the fields of obj that fields[0..n) lists. */
static void fields_write(rc_jw *w, const void *obj, const rc__field *fields, size_t n)
{
	const char *o = obj;
	rc__jw_obj(w);
	for (const rc__field *f = fields; f < fields + n; f++) {
		rc__jw_keyq(w, f->qkey, f->qn);
		switch (f->kind) {
		case RC_FIELD_STR:
			rc__jw_str(w, *(const char *const *)(o + f->off));
			break;
		case RC_FIELD_STRS:
			rc__jw_strs(w, *(const char *const *const *)(o + f->off),
			            *(const size_t *)(o + f->count));
			break;
		case RC_FIELD_SIZE:
			size_value(w, (size_t)rc__field_num(o, f));
			break;
		case RC_FIELD_U32:
			size_value(w, off_size((uint32_t)rc__field_num(o, f)));
			break;
		case RC_FIELD_SEVERITY:
			rc__jw_str(w, rc_severity_str(*(const rc_severity *)(o + f->off)));
			break;
		case RC_FIELD_STATUS:
			rc__jw_str(w, rc__status_name(*(const rc_status *)(o + f->off)));
			break;
		}
	}
	rc__jw_end_obj(w);
}

/* The sentence of claim c, in a document line's "sentences". */
static void sentence_write(rc_jw *w, const rc_claim *c)
{
	rc__jw_obj(w);
	key_str(w, "text", c->quote);
	pos_fields(w, &c->sentence);
	rc__jw_end_obj(w);
}

/* Claim c in a document line's "claims": its sentence is the index of one
 * in "sentences" instead of its text. */
static void document_claim_write(rc_jw *w, const rc_claim *c, size_t sentence)
{
	rc__jw_obj(w);
	claim_figure(w, c, NULL);
	key_size(w, "sentence", sentence);
	claim_place(w, c);
	claim_reading(w, c);
	rc__jw_end_obj(w);
}

rc_status rc__document_write(rc_jw *w, const rc_record *rec)
{
	sentences t;
	if (sentences_build(&t, rec) != RC_OK)
		return RC_ERR_NOMEM;
	rc__jw_obj(w);
	key_str(w, "schema", RC_DOCUMENT_SCHEMA);
	key_str(w, "doc", rec->doc);
	key_str(w, "path", rec->path);
	key_size(w, "record_line", rec->record_line);
	key_size(w, "seq", rec->seq);
	key_str(w, "source", rec->source);
	key_str(w, "url", rec->url);
	key_str(w, "published", rec->published);
	if (rec->published_at) /* only when the source gave a time */
		key_str(w, "published_at", rec->published_at);
	if (rec->time_hint) /* only with no published date and a text that says when */
		key_str(w, "time_hint", rec->time_hint);
	key_str(w, "title", rec->title);
	key_size(w, "bytes", rec->bytes);
	key_str(w, "status", rec->status == RC_DOC_OK ? "ok" : "skipped");
	key_str(w, "reason", rec->reason);
	RC_JW_KARR(w, "diags");
	for (size_t i = 0; i < rec->n_diags; i++)
		fields_write(w, &rec->diags[i], rc__diag_fields, rc__n_diag_fields);
	rc__jw_end_arr(w);
	RC_JW_KEY(w, "signature");
	if (rec->has_signature) {
		char hex[RC_MINHASH_K * 8 + 1];
		signature_hex(hex, rec->minhash);
		rc__jw_str(w, hex);
	} else {
		rc__jw_null(w);
	}
	RC_JW_KARR(w, "mentions");
	for (size_t i = 0; i < rec->n_mentions; i++)
		fields_write(w, &rec->mentions[i], rc__mention_fields, rc__n_mention_fields);
	rc__jw_end_arr(w);
	key_size(w, "n_claims", rec->n_claims);
	RC_JW_KARR(w, "sentences");
	for (size_t i = 0; i < t.n; i++)
		sentence_write(w, &rec->claims[t.first[i]]);
	rc__jw_end_arr(w);
	RC_JW_KARR(w, "claims");
	for (size_t i = 0; i < rec->n_claims; i++)
		document_claim_write(w, &rec->claims[i], t.of_claim[i]);
	rc__jw_end_arr(w);
	rc__jw_end_obj(w);
	free(t.of_claim);
	free(t.first);
	return RC_OK;
}

/* ---- lines ---------------------------------------------------------------------- */

static rc_status flush(FILE *fp, rc_buf *b, bool failed, rc_error *err)
{
	if (failed) {
		rc__buf_dispose(b);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory writing a record");
	}
	bool bad = b->len && fwrite(b->data, 1, b->len, fp) != b->len;
	rc__buf_dispose(b);
	if (bad)
		return rc__error_set(err, RC_ERR_IO, "write error: %s", strerror(errno ? errno : EIO));
	return RC_OK;
}

/* The JSON Lines of rec into b; false when out of memory. */
static bool render(rc_buf *b, const rc_record *rec, bool with_document_line)
{
	rc_jw w;
	rc__jw_init(&w, b);
	if (with_document_line) {
		if (rc__document_write(&w, rec) != RC_OK || rc__buf_putc(b, '\n') != RC_OK)
			w.failed = true;
	} else {
		for (size_t i = 0; i < rec->n_claims; i++) {
			rc__jw_init(&w, b);
			rc__claim_write(&w, rec, &rec->claims[i], NULL);
			if (rc__buf_putc(b, '\n') != RC_OK)
				w.failed = true;
		}
	}
	return !w.failed;
}

rc_status rc_record_write_jsonl(FILE *fp, const rc_record *rec, bool with_document_line,
                                rc_error *err)
{
	if (!fp || !rec)
		return rc__error_set(err, RC_ERR_INVALID, "rc_record_write_jsonl: no file or record");
	rc_buf b;
	rc__buf_init(&b, 0);
	bool ok = render(&b, rec, with_document_line);
	return flush(fp, &b, !ok, err);
}

rc_status rc_record_render_jsonl(const rc_record *rec, bool with_document_line, char **out,
                                 size_t *len, rc_error *err)
{
	if (!out || !len || !rec)
		return rc__error_set(err, RC_ERR_INVALID, "rc_record_render_jsonl: no record or output");
	*out = NULL;
	*len = 0;
	rc_buf b;
	rc__buf_init(&b, 0);
	/* an empty rendering is still a buffer: "" */
	if (!render(&b, rec, with_document_line) || (!b.data && !(b.data = calloc(1, 1)))) {
		rc__buf_dispose(&b);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory writing a record");
	}
	*out = b.data;
	*len = b.len;
	return RC_OK;
}

rc_status rc_record_write_end(FILE *fp, size_t documents, size_t claims, rc_error *err)
{
	if (!fp)
		return rc__error_set(err, RC_ERR_INVALID, "rc_record_write_end: no file");
	rc_buf b;
	rc__buf_init(&b, 0);
	rc_jw w;
	rc__jw_init(&w, &b);
	rc__jw_obj(&w);
	key_str(&w, "schema", RC_END_SCHEMA);
	key_size(&w, "documents", documents);
	key_size(&w, "claims", claims);
	rc__jw_end_obj(&w);
	if (rc__buf_putc(&b, '\n') != RC_OK)
		w.failed = true;
	return flush(fp, &b, w.failed, err);
}
