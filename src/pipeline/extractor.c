/*
 * The map phase for one document (rc_record_extract): normalise the body,
 * split sentences, recognise quantities, extract claims, find event
 * mentions and link claims to them, and sign the text for near-duplicate
 * detection.  Everything the record keeps is copied into its own arena, so
 * the document can be freed as soon as this returns.
 */
#include <stdlib.h>
#include <string.h>
#include <recount/pipeline.h>
#include "extract/claims-priv.h"
#include "record/record-priv.h"
#include "events/events-priv.h"
#include "record/signature.h"

#define DEFAULT_MAX_CLAIMS 10000u

struct rc_extractor {
	rc_recognizer *own_rec;
	const rc_recognizer *rec;
	rc_rules *own_rules;
	const rc_rules *rules;
	const rc_event_defs *events;
	rc_limits limits;
};

rc_status rc_extractor_new(rc_extractor **out, const rc_extractor_options *opts,
                           rc_error *err)
{
	*out = NULL;
	rc_extractor *ex = calloc(1, sizeof(*ex));
	if (!ex)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	rc_status st = RC_OK;
	if (opts && opts->recognizer) {
		ex->rec = opts->recognizer;
	} else {
		if ((st = rc_recognizer_new(&ex->own_rec, NULL, err)) != RC_OK)
			goto fail;
		ex->rec = ex->own_rec;
	}
	if (opts && opts->rules) {
		ex->rules = opts->rules;
	} else {
		if ((st = rc_rules_new_default(&ex->own_rules, err)) != RC_OK)
			goto fail;
		ex->rules = ex->own_rules;
	}
	if (opts) {
		ex->events = opts->events;
		ex->limits = opts->limits;
	}
	if (!ex->limits.max_claims_per_doc)
		ex->limits.max_claims_per_doc = DEFAULT_MAX_CLAIMS;
	*out = ex;
	return RC_OK;
fail:
	rc_extractor_free(ex);
	return st;
}

void rc_extractor_free(rc_extractor *ex)
{
	if (!ex)
		return;
	rc_recognizer_free(ex->own_rec);
	rc_rules_free(ex->own_rules);
	free(ex);
}

const rc_recognizer *rc_extractor_recognizer(const rc_extractor *ex)
{
	return ex ? ex->rec : NULL;
}

/* ---- copying the document's metadata ---------------------------------------- */

static rc_status copy_diag(rc_arena *a, rc_diag *dst, const rc_diag *src)
{
	*dst = *src;
	dst->path = rc__arena_strdup(a, src->path);
	dst->message = rc__arena_strdup(a, src->message ? src->message : "");
	return (src->path && !dst->path) || !dst->message ? RC_ERR_NOMEM : RC_OK;
}

/* Append a diagnostic to the record (the array lives in its arena). */
static rc_status add_diag(rc_record *rec, const rc_diag *d)
{
	rc_arena *a = rc__record_arena(rec);
	rc_diag *n = rc__arena_alloc(a, (rec->n_diags + 1) * sizeof(*n));
	if (!n)
		return RC_ERR_NOMEM;
	if (rec->n_diags)
		memcpy(n, rec->diags, rec->n_diags * sizeof(*n));
	if (copy_diag(a, &n[rec->n_diags], d) != RC_OK)
		return RC_ERR_NOMEM;
	rec->diags = n;
	rec->n_diags++;
	return RC_OK;
}

static rc_status copy_meta(rc_record *rec, const rc_document *doc)
{
	rc_arena *a = rc__record_arena(rec);
#define DUP(f) \
	do { \
		rec->f = rc__arena_strdup(a, doc->f); \
		if (doc->f && !rec->f) \
			return RC_ERR_NOMEM; \
	} while (0)
	DUP(path);
	DUP(source);
	DUP(url);
	DUP(published);
	DUP(published_at);
	DUP(title);
#undef DUP
	rec->doc = rc__arena_strdup(a, doc->id ? doc->id : (doc->path ? doc->path : "unknown"));
	if (!rec->doc)
		return RC_ERR_NOMEM;
	rec->record_line = doc->record_line;
	rec->seq = doc->seq;
	rec->bytes = doc->input_bytes;
	rec->status = doc->status;
	if (doc->reason && !(rec->reason = rc__arena_strdup(a, doc->reason)))
		return RC_ERR_NOMEM;
	if (doc->n_diags) {
		rec->diags = rc__arena_alloc(a, doc->n_diags * sizeof(*rec->diags));
		if (!rec->diags)
			return RC_ERR_NOMEM;
		for (size_t i = 0; i < doc->n_diags; i++)
			if (copy_diag(a, &rec->diags[i], &doc->diags[i]) != RC_OK)
				return RC_ERR_NOMEM;
		rec->n_diags = doc->n_diags;
	}
	return RC_OK;
}

/* ---- positions -------------------------------------------------------------------- */

/*
 * Line and column of increasing offsets.  rc_document_position() counts
 * from the start of the line, which on a one-line megabyte document would
 * make every claim cost the whole line; a cursor that moves forward keeps
 * the total linear.  It agrees with rc_document_position() by
 * construction: lines end at '\n', columns count code points.
 */
typedef struct cursor {
	size_t off, line, col;
	bool valid;
} cursor;

static void position(const rc_document *doc, cursor *c, size_t off, size_t *line, size_t *col)
{
	if (off > doc->text_len)
		off = doc->text_len;
	if (!c->valid || off < c->off) {
		rc_document_position(doc, off, &c->line, &c->col);
		c->off = off;
		c->valid = true;
	}
	for (size_t i = c->off; i < off; i++) {
		unsigned char b = (unsigned char)doc->text[i];
		if (b == '\n') {
			c->line++;
			c->col = 1;
		} else if ((b & 0xC0) != 0x80) {
			c->col++;
		}
	}
	c->off = off;
	*line = c->line;
	*col = c->col;
}

/* ---- the map phase ------------------------------------------------------------------ */

static bool has_text(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!rc__is_space((unsigned char)s[i]))
			return true;
	return false;
}

/* A failure other than memory makes the document skipped, with the reason. */
static rc_status skip_record(rc_record *rec, const rc_document *doc, const rc_error *e)
{
	rc_arena *a = rc__record_arena(rec);
	rec->status = RC_DOC_SKIPPED;
	rec->reason = rc__arena_strdup(a, e->message[0] ? e->message : rc_status_str(e->status));
	rec->n_claims = 0;
	rec->claims = NULL;
	rec->has_signature = false;
	rec->n_mentions = 0;
	rec->mentions = NULL;
	rc_diag d = {.severity = RC_SEV_ERROR, .status = e->status, .path = doc->path,
	             .line = doc->record_line, .offset = (size_t)-1, .message = rec->reason};
	if (!rec->reason)
		return RC_ERR_NOMEM;
	return add_diag(rec, &d);
}

static rc_status extract_body(rc_record *rec, const rc_extractor *ex, const rc_document *doc,
                              rc_arena *scratch, rc_error *err)
{
	rc_arena *a = rc__record_arena(rec);
	rc_text t;
	rc_segments seg;
	rc_status st;
	if ((st = rc__text_normalize(&t, scratch, doc->text, doc->text_len, doc->body_start,
	                             doc->text_len, err)) != RC_OK ||
	    (st = rc__segment(&seg, scratch, &t, err)) != RC_OK)
		return st;

	rc_quantity_list ql = {0};
	if ((st = rc_quantities_scan(&ql, ex->rec, t.norm, t.len, err)) != RC_OK) {
		rc_quantity_list_dispose(&ql);
		return st;
	}
	rc_claim *claims = NULL;
	size_t n = 0, dropped = 0;
	st = rc__claims_extract(&claims, &n, a, ex->rules, &t, &seg, ql.items, ql.len,
	                        ex->limits.max_claims_per_doc, &dropped, err);
	rc_quantity_list_dispose(&ql);
	if (st != RC_OK)
		return st;

	/* Claims move into the record arena; positions come from the document. */
	if (n) {
		rec->claims = rc__arena_alloc(a, n * sizeof(*rec->claims));
		if (!rec->claims) {
			free(claims);
			return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		}
		memcpy(rec->claims, claims, n * sizeof(*claims));
	}
	free(claims);
	rec->n_claims = n;
	cursor at_fig = {0}, at_sent = {0};
	for (size_t i = 0; i < n; i++) {
		rc_claim *c = &rec->claims[i];
		position(doc, &at_fig, c->pos.start, &c->pos.line, &c->pos.column);
		position(doc, &at_sent, c->sentence.start, &c->sentence.line, &c->sentence.column);
		c->file_line = rc_document_file_line(doc, c->pos.start);
	}
	if (dropped) {
		const rc_claim *last = n ? &rec->claims[n - 1] : NULL;
		char *msg = rc__arena_printf(a, "more than %zu claims; %zu further claims were dropped",
		                             ex->limits.max_claims_per_doc, dropped);
		rc_diag d = {.severity = RC_SEV_WARNING, .status = RC_ERR_LIMIT, .path = doc->path,
		             .line = last ? last->file_line : doc->record_line,
		             .offset = (size_t)-1, .message = msg};
		if (!msg || add_diag(rec, &d) != RC_OK)
			return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}

	rc__ev_doc *ds = NULL;
	if ((st = rc__mentions_find(&rec->mentions, &rec->n_mentions, a, scratch, doc, &t, &seg,
	                            ex->events, &ds, err)) != RC_OK ||
	    (st = rc__claims_link(rec->claims, rec->n_claims, rec->mentions, rec->n_mentions, ds,
	                          &t, &seg, a, err)) != RC_OK)
		return st;
	/* warnings of the events stage: --events patterns that hit a limit */
	size_t n_warn;
	const rc__ev_warning *w = rc__ev_doc_warnings(ds, &n_warn);
	for (size_t i = 0; i < n_warn; i++) {
		char *msg = rc__arena_strdup(a, w[i].message);
		size_t line = w[i].line ? (doc->record_line ? doc->record_line : w[i].line)
		                        : doc->record_line;
		rc_diag d = {.severity = RC_SEV_WARNING, .status = RC_ERR_LIMIT, .path = doc->path,
		             .line = line, .offset = (size_t)-1, .message = msg};
		if (!msg || add_diag(rec, &d) != RC_OK)
			return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}

	if (has_text(t.norm, t.len)) {
		rc__minhash(rec->minhash, t.norm, t.len);
		rec->has_signature = true;
	}
	return RC_OK;
}

rc_status rc_record_extract(rc_record **out, const rc_extractor *ex, const rc_document *doc,
                            rc_error *err)
{
	*out = NULL;
	if (!ex || !doc)
		return rc__error_set(err, RC_ERR_INVALID, "rc_record_extract: no extractor or document");
	rc_record *rec = rc__record_new();
	if (!rec)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	rc_status st = copy_meta(rec, doc);
	if (st != RC_OK) {
		rc_record_free(rec);
		return rc__error_set(err, st, "out of memory");
	}
	if (doc->status != RC_DOC_OK || !doc->text) {
		if (!rec->reason && doc->status != RC_DOC_OK)
			rec->reason = "skipped";
		*out = rec;
		return RC_OK;
	}
	rc_arena *scratch = rc__arena_new(65536);
	if (!scratch) {
		rc_record_free(rec);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	rc_error local;
	st = extract_body(rec, ex, doc, scratch, &local);
	rc__arena_free(scratch);
	if (st == RC_ERR_NOMEM) {
		rc_record_free(rec);
		if (err)
			*err = local;
		return st;
	}
	if (st != RC_OK && (st = skip_record(rec, doc, &local)) != RC_OK) {
		rc_record_free(rec);
		return rc__error_set(err, st, "out of memory");
	}
	*out = rec;
	return RC_OK;
}
