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
#include "pipeline/engine-priv.h"

struct rc_extractor {
	rc__map_tables own;          /* what the options did not lend */
	const rc_recognizer *rec;
	const rc_rules *rules;
	const rc_event_defs *events;
	const rc_event_vocab *vocab;
	rc_limits limits;
};

/*
 * The record owns every string it holds: a mention's type, place, date,
 * key and provisional id may be strings of the event vocabulary or of the
 * --events definitions, which belong to the extractor (or its engine) and
 * may be freed before the record.  They are copied into the record's
 * arena, and the claims' event ids, which are the same pointers, follow.
 */
static rc_status own_mention_strings(rc_record *rec, rc_arena *a, rc_error *err)
{
	bool nomem = false;
	for (size_t i = 0; i < rec->n_mentions && !nomem; i++) {
		rc_mention *m = &rec->mentions[i];
		const char *old_key = m->key, *old_id = m->local_id;
		rc__mention_strdup(m, a, &nomem);
		if (m->n_names) {
			const char **names = rc__arena_alloc(a, m->n_names * sizeof *names);
			if (!names) {
				nomem = true;
				break;
			}
			for (size_t k = 0; k < m->n_names; k++)
				names[k] = rc__arena_strdup_nomem(a, m->names[k], &nomem);
			m->names = names;
		}
		/* event ids linked to this mention: its key, else its id (link.c) */
		for (size_t c = 0; c < rec->n_claims; c++) {
			rc_claim *cl = &rec->claims[c];
			if (cl->event && (cl->event == old_key || cl->event == old_id))
				cl->event = cl->event == old_key ? m->key : m->local_id;
			for (size_t k = 0; k < cl->n_events; k++)
				if (cl->events[k] == old_key || cl->events[k] == old_id)
					cl->events[k] = cl->events[k] == old_key ? m->key : m->local_id;
		}
	}
	return nomem ? rc__error_set(err, RC_ERR_NOMEM, "out of memory") : RC_OK;
}

rc_status rc_extractor_options_init(rc_extractor_options *o, unsigned version, rc_error *err)
{
	static const rc_extractor_options init = RC_EXTRACTOR_OPTIONS_INIT;
	return rc__options_init(o, sizeof *o, &init, "rc_extractor_options", version, RC_EXTRACTOR_OPTIONS_VERSION, err);
}

rc_status rc_extractor_new(rc_extractor **out, const rc_extractor_options *opts,
                           rc_error *err)
{
	*out = NULL;
	if (opts && rc__options_check("rc_extractor_options", opts->version, RC_EXTRACTOR_OPTIONS_VERSION,
	                              err) != RC_OK)
		return RC_ERR_INVALID;
	rc_extractor *ex = calloc(1, sizeof(*ex));
	if (!ex)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	rc_extractor_options o = RC_EXTRACTOR_OPTIONS_INIT;
	if (opts)
		o = *opts;
	rc_status st = rc__map_tables_build(&ex->own, &o, NULL, err);
	if (st != RC_OK) {
		rc_extractor_free(ex);
		return st;
	}
	ex->rec = o.recognizer ? o.recognizer : ex->own.rec;
	ex->rules = o.rules ? o.rules : ex->own.rules;
	ex->vocab = o.vocab ? o.vocab : ex->own.vocab;
	ex->events = o.events;
	ex->limits = o.limits;
	rc_limits_resolve(&ex->limits);
	*out = ex;
	return RC_OK;
}

void rc_extractor_free(rc_extractor *ex)
{
	if (ex)
		rc__map_tables_dispose(&ex->own);
	free(ex);
}

rc_status rc__map_tables_build(rc__map_tables *own, const rc_extractor_options *lent,
                               const rc_recognizer_options *ro, rc_error *err)
{
	rc_status st = RC_OK;
	if ((!(lent && lent->recognizer) && (st = rc_recognizer_new(&own->rec, ro, err)) != RC_OK) ||
	    (!(lent && lent->rules) && (st = rc_rules_new_default(&own->rules, err)) != RC_OK) ||
	    (!(lent && lent->vocab) && (st = rc_event_vocab_new(&own->vocab, err)) != RC_OK))
		return st;
	return RC_OK;
}

void rc__map_tables_dispose(rc__map_tables *own)
{
	rc_recognizer_free(own->rec);
	rc_rules_free(own->rules);
	rc_event_vocab_free(own->vocab);
	memset(own, 0, sizeof *own);
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
	DUP(time_hint);
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

static void position(const rc_document *doc, cursor *c, size_t off, uint32_t *line, uint32_t *col)
{
	if (off > doc->text_len)
		off = doc->text_len;
	if (!c->valid || off < c->off) {
		rc_document_position(doc, off, &c->line, &c->col);
		c->off = off;
		c->valid = true;
	}
	/* eight bytes at a time where they hold no newline: each byte but a
	 * UTF-8 continuation (10xxxxxx) is a column */
	const uint64_t high = 0x8080808080808080ull;
	for (size_t i = c->off; i < off;) {
		if (off - i >= 8) {
			uint64_t v;
			memcpy(&v, doc->text + i, 8);
			if (!rc__bytes_eq8(v, '\n')) {
				uint64_t cont = v & ~(v << 1) & high;
				c->col += 8 - (cont ? (size_t)__builtin_popcountll(cont) : 0);
				i += 8;
				continue;
			}
		}
		unsigned char b = (unsigned char)doc->text[i++];
		if (b == '\n') {
			c->line++;
			c->col = 1;
		} else if ((b & 0xC0) != 0x80) {
			c->col++;
		}
	}
	c->off = off;
	/* under RC_OFFSET_MAX: extract_body refuses a longer document */
	*line = (uint32_t)c->line;
	*col = (uint32_t)c->col;
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
	rec->minhash = NULL;
	rec->n_mentions = 0;
	rec->mentions = NULL;
	rc_diag d = {.severity = RC_SEV_ERROR, .status = e->status, .path = doc->path,
	             .line = doc->record_line, .offset = (size_t)-1, .message = rec->reason};
	if (!rec->reason)
		return RC_ERR_NOMEM;
	return add_diag(rec, &d);
}

/*
 * The text the map phase reads.  A JSON Lines record's title is read as
 * its file form reads it: the title, a blank line, then the body, so the
 * headline is segmented, scanned and linked exactly as the first line of
 * the .txt is.  Offsets found in that text are then placed in the
 * document: a body offset at the same byte of doc->text as before (so
 * body claims keep the offsets they always had), a title offset numbered
 * after the text, at text_len + 2 + its offset in the title, so that
 * (doc, start, end) still names one claim.  A claim or mention in the
 * title has line 0 and in_title set.
 */
typedef struct reading {
	const char *buf;     /* what is read: title "\n\n" body, or the document text */
	size_t len;
	size_t tlen;         /* bytes of title, 0 when there is none */
	size_t body;         /* offset in buf where the body starts */
	size_t body_start;   /* ... and in doc->text */
	size_t title_base;   /* document offset of title byte 0: text_len + 2 */
} reading;

static rc_status reading_make(reading *rd, const rc_document *doc, rc_arena *scratch)
{
	*rd = (reading){.buf = doc->text, .len = doc->text_len, .body_start = doc->body_start,
	                .title_base = doc->text_len + 2};
	size_t tlen = doc->title ? strlen(doc->title) : 0;
	if (!tlen || !has_text(doc->title, tlen))
		return RC_OK;
	size_t blen = doc->text_len - doc->body_start;
	if (tlen > SIZE_MAX / 2 - blen)
		return RC_ERR_LIMIT;
	char *b = rc__arena_alloc(scratch, tlen + 2 + blen + 1);
	if (!b)
		return RC_ERR_NOMEM;
	memcpy(b, doc->title, tlen);
	/* A NUL in a title (JSON allows \u0000) reads as a space, as in a text. */
	for (size_t i = 0; i < tlen; i++)
		if (b[i] == '\0')
			b[i] = ' ';
	b[tlen] = '\n';
	b[tlen + 1] = '\n';
	memcpy(b + tlen + 2, doc->text + doc->body_start, blen);
	b[tlen + 2 + blen] = '\0';
	rd->buf = b;
	rd->len = tlen + 2 + blen;
	rd->tlen = tlen;
	rd->body = tlen + 2;
	return RC_OK;
}

static bool in_title(const reading *rd, size_t off)
{
	return off < rd->tlen;
}

/* A read offset as a document offset, on the side (title or body) of
 * the item it belongs to. */
static size_t doc_offset(const reading *rd, size_t off, bool title)
{
	if (!rd->tlen)
		return off;
	if (title)
		return rd->title_base + (off < rd->tlen ? off : rd->tlen);
	return rd->body_start + (off > rd->body ? off - rd->body : 0);
}

/* Line 0, and the column in characters, of a title offset. */
static void title_position(const rc_document *doc, const reading *rd, size_t doc_off,
                           uint32_t *line, uint32_t *col)
{
	size_t o = doc_off - rd->title_base;
	*line = 0;
	*col = (uint32_t)(rc__utf8_count(doc->title, o < rd->tlen ? o : rd->tlen) + 1);
}

/* A document offset fits 32 bits: extract_body refuses a document whose
 * offsets would pass RC_OFFSET_MAX. */
static uint32_t doc_offset32(const reading *rd, size_t off, bool title)
{
	return (uint32_t)doc_offset(rd, off, title);
}

static void place_claim(rc_claim *c, const reading *rd)
{
	bool t = in_title(rd, c->pos.start);
	c->in_title = t;
	c->pos.start = doc_offset32(rd, c->pos.start, t);
	c->pos.end = doc_offset32(rd, c->pos.end, t);
	c->q.start = doc_offset32(rd, c->q.start, t);
	c->q.end = doc_offset32(rd, c->q.end, t);
	c->q.num_start = doc_offset32(rd, c->q.num_start, t);
	c->q.num_end = doc_offset32(rd, c->q.num_end, t);
	c->sentence.start = doc_offset32(rd, c->sentence.start, t);
	c->sentence.end = doc_offset32(rd, c->sentence.end, t);
}

static rc_status extract_body(rc_record *rec, const rc_extractor *ex, const rc_document *doc,
                              rc_arena *scratch, rc_error *err)
{
	rc_arena *a = rc__record_arena(rec);
	rc_text t;
	rc_segments seg;
	reading rd;
	rc_status st;
	/* claims' offsets, lines and columns are 32-bit (rc_pos): a document
	 * whose last offset (its title's, numbered after the text) would pass
	 * RC_OFFSET_MAX is refused, never numbered modulo 2^32 */
	size_t title_len = doc->title ? strlen(doc->title) : 0;
	if (doc->text_len > RC_OFFSET_MAX || title_len > RC_OFFSET_MAX - doc->text_len ||
	    (title_len && title_len + 2 > RC_OFFSET_MAX - doc->text_len))
		return rc__error_set(err, RC_ERR_LIMIT,
		                     "document is %zu bytes with its title, over the %zu that 32-bit offsets number",
		                     doc->text_len + (title_len ? title_len + 2 : 0), RC_OFFSET_MAX);
	if ((st = reading_make(&rd, doc, scratch)) != RC_OK)
		return rc__error_set(err, st, st == RC_ERR_NOMEM ? "out of memory"
		                                                 : "title and text are too large");
	if ((st = rc__text_normalize(&t, scratch, rd.buf, rd.len, rd.tlen ? 0 : rd.body_start,
	                             rd.len, err)) != RC_OK ||
	    (st = rc__segment(&seg, scratch, &t, err)) != RC_OK)
		return st;

	rc_quantity_list ql = {0};
	if ((st = rc_quantities_scan(&ql, ex->rec, t.norm, t.len, err)) != RC_OK) {
		rc_quantity_list_dispose(&ql);
		return st;
	}
	rc_claim *claims = NULL;
	size_t n = 0, dropped = 0;
	int pub_year = 0;
	if (doc->published && strlen(doc->published) >= 4)
		pub_year = atoi(doc->published);
	st = rc__claims_extract(&claims, &n, a, ex->rules, &t, &seg, ql.items, ql.len, pub_year,
	                        ex->limits.max_claims_per_doc, &dropped, err);
	rc_quantity_list_dispose(&ql);
	if (st != RC_OK)
		return st;

	/* Claims move into the record arena. */
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

	/* Events are found and linked on what was read, title included; only
	 * then are offsets placed in the document. */
	rc__ev_doc *ds = NULL;
	if ((st = rc__mentions_find(&rec->mentions, &rec->n_mentions, a, scratch, ex->vocab, doc, &t,
	                            &seg, ex->events, &ds, err)) != RC_OK ||
	    (st = rc__claims_link(rec->claims, rec->n_claims, rec->mentions, rec->n_mentions, ds,
	                          &t, &seg, a, err)) != RC_OK ||
	    (st = own_mention_strings(rec, a, err)) != RC_OK)
		return st;
	for (size_t i = 0; rd.tlen && i < rec->n_mentions; i++) {
		rc_mention *m = &rec->mentions[i];
		bool title = in_title(&rd, m->start);
		m->start = doc_offset(&rd, m->start, title);
		m->end = doc_offset(&rd, m->end, title);
		if (title)
			m->line = 0;
		else {
			size_t line;   /* at most RC_OFFSET_MAX: the document's offsets are */
			rc_document_position(doc, m->start, &line, NULL);
			m->line = (uint32_t)line;
		}
	}

	cursor at_fig = {0}, at_sent = {0};
	for (size_t i = 0; i < n; i++) {
		rc_claim *c = &rec->claims[i];
		place_claim(c, &rd);
		if (c->in_title) {
			title_position(doc, &rd, c->pos.start, &c->pos.line, &c->pos.column);
			title_position(doc, &rd, c->sentence.start, &c->sentence.line,
			               &c->sentence.column);
			c->file_line = rc_document_title_line(doc);
			continue;
		}
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

	/* The near-duplicate signature reads the body alone, as before: two
	 * copies of a wire story under different headlines stay copies.  The
	 * normalised title is the title, normalised, then the blank line. */
	size_t nb = 0;
	if (rd.tlen) {
		size_t lo = 0, hi = t.len;
		while (lo < hi) {   /* first norm offset at or after the body */
			size_t mid = lo + (hi - lo) / 2;
			if (rc__text_orig(&t, mid) < rd.body)
				lo = mid + 1;
			else
				hi = mid;
		}
		nb = lo;
	}
	if (has_text(t.norm + nb, t.len - nb)) {
		uint32_t *sig = rc__arena_alloc(rc__record_arena(rec), RC_MINHASH_K * sizeof *sig);
		if (!sig)
			return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		rc__minhash(sig, t.norm + nb, t.len - nb);
		rec->minhash = sig;
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
