/*
 * The one reader of records: the JSON Lines of `recount extract`, read back
 * by `recount reconcile` (docs/schema-claim.md).  Its input is the reduce
 * phase's largest cost, so it is built for that:
 *
 * - files are read in 1 MiB blocks and cut into lines with memchr;
 * - each line is parsed in place by the pull reader of core (jr.c): no
 *   tree, strings decoded where they stand;
 * - a record is built in one block of exactly its size, its repeated
 *   strings (outlets, dates, metrics, triggers, event ids, places, figures
 *   as written, quoted sentences) interned in a pool shared by every
 *   record of the reader.
 *
 * A "recount.document/2" line is a whole record.  Older files
 * ("recount.document/1" then one "recount.claim/1" line per claim) are read
 * too: claim lines join the document line before them when doc, path and
 * record_line agree, and a claim line with no document line starts a
 * record of its own.
 *
 * Nothing is lost silently: a line that cannot be used is an error
 * diagnostic with path:line:column and counted; each input is checked
 * against its "recount.end/1" lines, which count the documents and claims
 * written before them, so a file cut short or a lost line is an error too.
 */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/jr.h"
#include "record/record-json.h"
#include "record/record-priv.h"

#define MAX_RECORD_LINE ((size_t)256 << 20)
#define READ_BLOCK ((size_t)1 << 20)
#define MAX_LINE_DIAGS 20
/* Under threads, lines are read ahead in batches of about this many bytes
 * (or lines), parsed at once and handed on in their order. */
#define BATCH_BYTES ((size_t)4 << 20)
#define BATCH_LINES 4096
/* The seq of a document/2 line parsed ahead of its turn, until it has one
 * (get_size never gives it: at most 2^53 - 1, or SIZE_MAX for null). */
#define SEQ_UNSET ((size_t)-2)

/* ---- a record being read ----------------------------------------------------- */

/* What a claim's line says that its rc_claim cannot hold yet: offsets into
 * the draft's arrays, which may move while they grow. */
typedef struct claim_extra {
	long sentence;           /* index into the sentence table, or -1 */
	size_t events_at, mentions_at;
} claim_extra;

typedef struct sentence {
	rc_pos pos;
	const char *text;
	const char *copy;        /* while building: where the text went */
	bool copied;
} sentence;

/*
 * A record as parsed, before it gets its own block: the record's scalar
 * fields, and growable arrays reused from line to line.  Strings point
 * into the line being parsed, or (for a record of older lines that spans
 * several lines) into its arena.
 */
typedef struct draft {
	rc_record rec;
	rc_claim *claims;
	claim_extra *cx;
	size_t n_claims, cap_claims, cap_cx;
	sentence *sent;
	size_t n_sent, cap_sent;
	rc_mention *mentions;
	size_t *names_at;
	size_t n_mentions, cap_mentions, cap_names_at;
	const char **names;
	size_t n_names, cap_names;
	const char **events;
	size_t n_events, cap_events;
	long *cmentions;
	size_t n_cmentions, cap_cmentions;
	rc_diag *diags;
	size_t n_diags, cap_diags;
	uint64_t *side;          /* the side data being made (build) */
	size_t cap_side;
	bool has_n_claims;
	size_t n_claims_said;
	rc_arena *arena;         /* strings of a record of older lines */
	size_t first_line;       /* its first line */
	uint32_t sig[RC_MINHASH_K]; /* the signature read (rec.minhash points here) */
	/* the object being read (the tables of read_fields() point here),
	 * appended to its array when whole */
	struct object_in {
		rc_claim c;
		claim_extra x;
		const char *kind, *status;             /* the claim's, as names */
		uint32_t num_start, num_end;
		bool has_num_start, has_num_end;
		bool lo_null, hi_null, v_null;
		bool v2;                               /* a claim of a document line */
		size_t file_line;
		rc_mention m;
		rc_diag g;
		const char *severity, *diag_status;    /* the diagnostic's, as names */
		const char *doc_status;
	} in;
} draft;

static void draft_reset(draft *d)
{
	rc_arena *a = d->arena;
	d->rec = (rc_record){0};
	d->n_claims = d->n_sent = d->n_mentions = d->n_names = 0;
	d->n_events = d->n_cmentions = d->n_diags = 0;
	d->has_n_claims = false;
	d->n_claims_said = 0;
	d->first_line = 0;
	d->arena = a;
}

static void draft_dispose(draft *d)
{
	free(d->claims);
	free(d->cx);
	free(d->sent);
	free(d->mentions);
	free(d->names_at);
	free(d->names);
	free(d->events);
	free(d->cmentions);
	free(d->diags);
	free(d->side);
	rc__arena_free(d->arena);
	memset(d, 0, sizeof *d);
}

/* ---- the reader ------------------------------------------------------------------ */

/*
 * Lines read ahead (under threads): copies of the lines of one input, in
 * order, each NUL-terminated in buf.  A document/2 line whose schema is
 * where the writer puts it is parsed and built by any thread; every other
 * line (older versions, end lines, anything odd) is read in turn when the
 * batch is joined, as are all counts and diagnostics: what comes out does
 * not depend on the threads.
 */
enum slot_kind { S_PARALLEL, S_LINE, S_LONG };

/* The state of one line's parse.  A value of the wrong type rejects the
 * line: the first problem is kept as "key: why" (static texts). */
typedef struct parse {
	rc_jr j;
	const char *bad;
	const char *bad_key;
} parse;

typedef struct slot {
	enum slot_kind kind;
	size_t at, len;          /* the line in buf */
	size_t line_no;
	/* S_PARALLEL, once parsed: */
	bool ok;                 /* else p says why the line is rejected */
	parse p;
	rc_status st;            /* building it */
	rc_record *rec;
} slot;

typedef struct batch {
	char *buf;
	size_t used, cap;
	slot *slots;
	size_t n, cap_slots;
	atomic_size_t next;      /* the next slot to parse */
} batch;

/* A thread's own (the first thread's are the reader's line and blocks). */
typedef struct parser {
	struct rc_record_reader *r;
	draft d;
	rc__blockalloc homes, sides;
	pthread_t tid;
} parser;

/* What one input held, for its completeness check. */
typedef struct tally {
	size_t lines;            /* non-blank */
	size_t rejected;
	size_t v1_lines, v2_lines;
	size_t documents, claims;               /* read */
	size_t ends, end_documents, end_claims; /* announced by end lines */
	size_t last_line;
} tally;

struct rc_record_reader {
	char **paths;
	size_t n_paths, next_path;
	FILE *fp;
	bool fp_is_stdin;
	const char *cur_path;
	size_t cur_input;
	size_t line_no;
	size_t bytes;            /* read so far, all inputs */
	/* the block buffer: buf[start..fill) is unread, '\n' searched from scan */
	char *buf;
	size_t cap, start, fill, scan;
	bool eof, skipping;
	tally t;
	draft line;              /* the line being parsed */
	draft pend;              /* a record of older lines being assembled */
	bool has_pend;
	rc_record **q;           /* finished, handed out by the next calls */
	size_t q_at, q_n, q_cap;
	unsigned threads;        /* parsing document lines; 1: in turn */
	batch b;
	parser *parsers;         /* threads - 1 */
	rc__strpool *pool;
	rc__blockalloc homes;    /* the records read */
	rc__blockalloc sides;    /* their side data */
	rc__sidetable kept;      /* and where each is kept, for copies */
	rc_record_stats stats;
	rc_arena *arena;         /* diagnostics */
	rc_diag *diags;
	size_t n_diags, cap_diags;
};

static rc_status reader_diag(rc_record_reader *r, rc_severity sev, rc_status st, size_t line,
                             size_t column, const char *fmt, ...) RC_PRINTF(6, 7);

static rc_status reader_diag(rc_record_reader *r, rc_severity sev, rc_status st, size_t line,
                             size_t column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || RC_GROW(r->diags, r->cap_diags, r->n_diags + 1) != RC_OK)
		return RC_ERR_NOMEM;
	char *msg = rc__arena_alloc(r->arena, (size_t)n + 1);
	if (!msg)
		return RC_ERR_NOMEM;
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	rc_diag *d = &r->diags[r->n_diags];
	*d = (rc_diag){.severity = sev, .status = st, .line = line, .column = column,
	               .offset = (size_t)-1, .message = msg};
	d->path = rc__arena_strdup(r->arena, r->cur_path);
	if (r->cur_path && !d->path)
		return RC_ERR_NOMEM;
	r->n_diags++;
	return RC_OK;
}

rc_status rc_record_reader_new(rc_record_reader **out, const char *const *paths, size_t n,
                               rc_error *err)
{
	*out = NULL;
	rc_record_reader *r = calloc(1, sizeof(*r));
	if (!r || !(r->arena = rc__arena_new(4096)) || !(r->pool = rc__strpool_new()))
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
	free(r->buf);
	draft_dispose(&r->line);
	draft_dispose(&r->pend);
	for (size_t i = r->q_at; i < r->q_n; i++)
		rc_record_free(r->q[i]);
	free(r->q);
	free(r->b.buf);
	free(r->b.slots);
	for (unsigned i = 0; r->parsers && i + 1 < r->threads; i++) {
		draft_dispose(&r->parsers[i].d);
		rc__blockalloc_dispose(&r->parsers[i].homes);
		rc__blockalloc_dispose(&r->parsers[i].sides);
	}
	free(r->parsers);
	rc__strpool_seal(r->pool);   /* its records keep the strings, not the table */
	rc__strpool_unref(r->pool);
	rc__blockalloc_dispose(&r->homes);
	rc__blockalloc_dispose(&r->sides);
	rc__sidetable_dispose(&r->kept);
	free(r->diags);
	rc__arena_free(r->arena);
	free(r);
}

const rc_diag *rc_record_reader_diags(const rc_record_reader *r, size_t *n)
{
	*n = r ? r->n_diags : 0;
	return r ? r->diags : NULL;
}

const rc_record_stats *rc_record_reader_stats(const rc_record_reader *r)
{
	return r ? &r->stats : NULL;
}

bool rc_record_stats_complete(const rc_record_stats *s)
{
	return s && !s->lines_rejected && !s->inputs_unreadable && !s->inputs_incomplete &&
	       !s->documents_missing && !s->claims_missing && !s->documents_conflicting;
}

size_t rc_record_stats_str(const rc_record_stats *s, char *buf, size_t size)
{
	static const struct {
		size_t offset;
		const char *one, *many;
	} items[] = {
		{offsetof(rc_record_stats, lines_rejected), "line rejected", "lines rejected"},
		{offsetof(rc_record_stats, inputs_unreadable), "input unreadable", "inputs unreadable"},
		{offsetof(rc_record_stats, inputs_incomplete), "input incomplete", "inputs incomplete"},
		{offsetof(rc_record_stats, documents_missing), "document missing", "documents missing"},
		{offsetof(rc_record_stats, claims_missing), "claim missing", "claims missing"},
		{offsetof(rc_record_stats, documents_duplicate), "document read twice (counted once)",
		 "documents read twice (counted once)"},
		{offsetof(rc_record_stats, documents_conflicting),
		 "document read twice with different content", "documents read twice with different content"},
	};
	size_t len = 0;
	if (size)
		buf[0] = '\0';
	for (size_t i = 0; s && i < RC_ARRAY_LEN(items); i++) {
		size_t v = *(const size_t *)(const void *)((const char *)s + items[i].offset);
		if (!v)
			continue;
		int n = snprintf(len < size ? buf + len : NULL, len < size ? size - len : 0, "%s%zu %s",
		                 len ? ", " : "", v, v == 1 ? items[i].one : items[i].many);
		if (n > 0)
			len += (size_t)n;
	}
	return len;
}

size_t rc_record_reader_bytes(const rc_record_reader *r)
{
	return r ? r->bytes : 0;
}

/* ---- completeness of one input ------------------------------------------------- */

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* At the end of an input: does what was read match its end lines? */
static rc_status check_input(rc_record_reader *r)
{
	const tally *t = &r->t;
	rc_record_stats *s = &r->stats;
	size_t line = t->last_line;
	if (t->rejected > MAX_LINE_DIAGS &&
	    reader_diag(r, RC_SEV_ERROR, RC_ERR_PARSE, 0, 0, "%zu more lines rejected",
	                t->rejected - MAX_LINE_DIAGS) != RC_OK)
		return RC_ERR_NOMEM;
	if (!t->ends) {
		/* files of version 1 had no end line: they cannot be checked */
		if (t->v1_lines && !t->v2_lines) {
			s->inputs_unchecked++;
			return RC_OK;
		}
		s->inputs_incomplete++;
		if (t->lines == 0)
			return reader_diag(r, RC_SEV_ERROR, RC_ERR_PARSE, 0, 0,
			                   "empty: no recount.end/1 line (recount extract always "
			                   "writes one; was the file cut short?)");
		if (!t->v2_lines)
			return reader_diag(r, RC_SEV_ERROR, RC_ERR_PARSE, 0, 0,
			                   "no line could be read and there is no recount.end/1 line: "
			                   "is this a claims file written by recount extract?");
		return reader_diag(r, RC_SEV_ERROR, RC_ERR_PARSE, line, 0,
		                   "no recount.end/1 line after %zu document%s: the file was cut "
		                   "short, or the run that wrote it did not finish",
		                   t->documents, plural(t->documents));
	}
	if (t->documents == t->end_documents && t->claims == t->end_claims)
		return RC_OK;
	s->inputs_incomplete++;
	if (t->end_documents > t->documents)
		s->documents_missing += t->end_documents - t->documents;
	if (t->end_claims > t->claims)
		s->claims_missing += t->end_claims - t->claims;
	if (t->documents <= t->end_documents && t->claims <= t->end_claims)
		return reader_diag(r, RC_SEV_ERROR, RC_ERR_PARSE, line, 0,
		                   "incomplete: the end line%s announce%s %zu document%s and %zu claim%s; "
		                   "%zu and %zu were read%s", plural(t->ends), t->ends == 1 ? "s" : "",
		                   t->end_documents, plural(t->end_documents), t->end_claims,
		                   plural(t->end_claims), t->documents, t->claims,
		                   t->rejected ? " (lines were rejected)" : ": lines are missing");
	return reader_diag(r, RC_SEV_ERROR, RC_ERR_PARSE, line, 0,
	                   "incomplete: %zu document%s and %zu claim%s were read but the end line%s "
	                   "announce%s %zu and %zu: lines after the last end line are a part cut short",
	                   t->documents, plural(t->documents), t->claims, plural(t->claims),
	                   plural(t->ends), t->ends == 1 ? "s" : "", t->end_documents, t->end_claims);
}

/* ---- lines ------------------------------------------------------------------------ */

static rc_status close_input(rc_record_reader *r)
{
	bool bad = ferror(r->fp);
	if (!r->fp_is_stdin)
		fclose(r->fp);
	r->fp = NULL;
	r->start = r->fill = r->scan = 0;
	if (bad) {
		r->stats.inputs_unreadable++;
		return reader_diag(r, RC_SEV_ERROR, RC_ERR_IO, r->line_no, 0, "read error: %s",
		                   strerror(errno ? errno : EIO));
	}
	return check_input(r);
}

static rc_status open_input(rc_record_reader *r, bool *opened)
{
	*opened = false;
	r->cur_input = r->next_path;
	r->cur_path = r->paths[r->next_path++];
	r->line_no = 0;
	r->eof = r->skipping = false;
	r->t = (tally){0};
	r->start = r->fill = r->scan = 0;
	if (strcmp(r->cur_path, "-") == 0) {
		r->fp = stdin;
		r->fp_is_stdin = true;
	} else {
		r->fp = fopen(r->cur_path, "rb");
		r->fp_is_stdin = false;
		if (!r->fp) {
			r->stats.inputs_unreadable++;
			return reader_diag(r, RC_SEV_ERROR, RC_ERR_IO, 0, 0, "cannot open: %s",
			                   strerror(errno));
		}
	}
	r->stats.inputs++;
	*opened = true;
	return RC_OK;
}

/* An over-long line (its number in r->line_no): rejected, and skipped. */
static rc_status reject_long(rc_record_reader *r)
{
	r->t.lines++;
	r->t.rejected++;
	r->t.last_line = r->line_no;
	r->stats.lines_rejected++;
	return reader_diag(r, RC_SEV_ERROR, RC_ERR_LIMIT, r->line_no, 0,
	                   "line longer than %zu bytes skipped", MAX_RECORD_LINE);
}

/*
 * The next line of the current input into *line (without its line end,
 * NUL-terminated, writable until the next call), or *got false at the end
 * of the input.  An over-long line is skipped: *line is NULL for it (the
 * caller rejects it, reject_long, in its turn).
 */
static rc_status next_line(rc_record_reader *r, char **line, size_t *len, bool *got)
{
	*got = false;
	for (;;) {
		char *nl = r->scan < r->fill ? memchr(r->buf + r->scan, '\n', r->fill - r->scan) : NULL;
		if (nl) {
			size_t at = r->start, end = (size_t)(nl - r->buf);
			r->start = r->scan = end + 1;
			if (r->skipping) {
				r->skipping = false;
				continue;
			}
			r->line_no++;
			if (end > at && r->buf[end - 1] == '\r')
				end--;
			r->buf[end] = '\0';
			*line = r->buf + at;
			*len = end - at;
			*got = true;
			return RC_OK;
		}
		r->scan = r->fill;
		if (!r->skipping && r->fill - r->start > MAX_RECORD_LINE) {
			r->line_no++;
			r->skipping = true;
			r->start = r->scan = r->fill = 0;
			*line = NULL;
			*len = 0;
			*got = true;
			return RC_OK;
		}
		if (r->skipping)
			r->start = r->scan = r->fill = 0;
		if (r->eof) {
			if (r->fill > r->start) {
				/* a last line without its newline */
				size_t at = r->start, end = r->fill;
				r->start = r->scan = r->fill;
				r->line_no++;
				if (end > at && r->buf[end - 1] == '\r')
					end--;
				r->buf[end] = '\0';
				*line = r->buf + at;
				*len = end - at;
				*got = true;
				return RC_OK;
			}
			return RC_OK;
		}
		if (r->start) {
			memmove(r->buf, r->buf + r->start, r->fill - r->start);
			r->fill -= r->start;
			r->scan -= r->start;
			r->start = 0;
		}
		if (r->cap - r->fill < READ_BLOCK / 4) {
			/* never more than a longest line and a block */
			size_t cap = r->cap ? r->cap * 2 : READ_BLOCK;
			if (cap > MAX_RECORD_LINE + READ_BLOCK)
				cap = MAX_RECORD_LINE + READ_BLOCK;
			char *nb = realloc(r->buf, cap + 1);
			if (!nb)
				return RC_ERR_NOMEM;
			r->buf = nb;
			r->cap = cap;
		}
		/* one stdio lock per block; the buffer always keeps a byte for a NUL */
		size_t n = fread(r->buf + r->fill, 1, r->cap - r->fill, r->fp);
		r->fill += n;
		r->bytes += n;
		if (n == 0)
			r->eof = true;
	}
}

/* ---- field parsing ------------------------------------------------------------ */

static bool bad(parse *p, const char *key, const char *why)
{
	if (!p->bad && !p->j.err) {
		p->bad = why;
		p->bad_key = key;
	}
	return false;
}

static bool failed(const parse *p)
{
	return p->bad || p->j.err;
}

/*
 * Where every getter starts: true when the value is of type want and the
 * caller reads it; false when the getter is done, *ret what it returns:
 * a null read (*is_null), an absent value skipped, or another type
 * refused as why.
 */
static bool value_is(parse *p, const char *key, rc_jr_type want, const char *why,
                     bool *is_null, bool *ret)
{
	rc_jr_type t = rc__jr_peek(&p->j);
	*is_null = t == RC_JR_NULL;
	if (*is_null)
		*ret = rc__jr_null(&p->j) || rc__jr_fail(&p->j, "invalid literal");
	else if (t != want)
		*ret = t == RC_JR_NONE ? rc__jr_skip(&p->j) : bad(p, key, why);
	return !*is_null && t == want;
}

/* A string or null. */
static bool get_str(parse *p, const char *key, const char **out)
{
	bool is_null, ret;
	if (!value_is(p, key, RC_JR_STRING, "expected a string or null", &is_null, &ret)) {
		if (is_null)
			*out = NULL;
		return ret;
	}
	char *s;
	size_t n;
	if (!rc__jr_str(&p->j, &s, &n))
		return false;
	*out = s;
	return true;
}

/* A whole number from min to max (else refused as why), or null (*d is
 * null_value then).  A refused value rejects the whole line, so what *d
 * holds after false does not matter. */
static bool get_whole(parse *p, const char *key, double min, double max, double null_value,
                      const char *why, double *d)
{
	bool is_null, ret, integral;
	if (!value_is(p, key, RC_JR_NUMBER, why, &is_null, &ret)) {
		if (is_null)
			*d = null_value;
		return ret;
	}
	if (!rc__jr_num(&p->j, d, &integral))
		return false;
	return (integral && *d >= min && *d <= max) || bad(p, key, why);
}

/* A whole number >= 0 and below 2^53; null is (size_t)-1. */
static bool get_size(parse *p, const char *key, size_t *out)
{
	double d;
	if (!get_whole(p, key, 0, 9007199254740991.0, -1, "expected a whole number", &d))
		return false;
	*out = d < 0 ? (size_t)-1 : (size_t)d;
	return true;
}

/* A byte offset, line or column: 32-bit (RC_OFFSET_MAX); null is
 * UINT32_MAX, which no offset is. */
static bool get_off(parse *p, const char *key, uint32_t *out)
{
	size_t v;
	if (!get_size(p, key, &v))
		return false;
	if (v == (size_t)-1)
		v = UINT32_MAX;
	else if (v > RC_OFFSET_MAX)
		return bad(p, key, "over 4294967294 (offsets, lines and columns are 32-bit)");
	*out = (uint32_t)v;
	return true;
}

/* An index into the record, or -1 (null too). */
static bool get_index(parse *p, const char *key, long *out)
{
	double d;
	if (!get_whole(p, key, -1, (double)(SIZE_MAX / 4), -1, "expected an index (or -1)", &d))
		return false;
	*out = (long)d;
	return true;
}

/* An index within a record (rc_claim.parent, .mention: 32-bit), or -1. */
static bool get_index32(parse *p, const char *key, int32_t *out)
{
	double d;
	if (!get_whole(p, key, -1, INT32_MAX, -1, "expected an index (or -1)", &d))
		return false;
	*out = (int32_t)d;
	return true;
}

static bool get_bool(parse *p, const char *key, bool *out)
{
	bool is_null, ret;
	if (!value_is(p, key, RC_JR_BOOL, "expected true or false", &is_null, &ret)) {
		if (is_null)
			*out = false;
		return ret;
	}
	return rc__jr_bool(&p->j, out);
}

/* A number or null (*is_null). */
static bool get_num(parse *p, const char *key, double *out, bool *is_null)
{
	bool ret;
	if (!value_is(p, key, RC_JR_NUMBER, "expected a number or null", is_null, &ret)) {
		if (*is_null)
			*out = 0;
		return ret;
	}
	return rc__jr_num(&p->j, out, NULL);
}

/* An array (true: its elements follow), or null (*is_null; false). */
static bool open_list(parse *p, const char *key, bool *is_null, const char *want)
{
	bool ret;
	if (!value_is(p, key, RC_JR_ARRAY, want, is_null, &ret))
		return *is_null ? false : ret;
	return rc__jr_arr(&p->j);
}

/* The next element of a list open_list opened, which must be of type t
 * (else the list is refused as want): false at its end or on a problem. */
static bool list_next(parse *p, const char *key, rc_jr_type t, const char *want)
{
	if (!rc__jr_item(&p->j))
		return false;
	return rc__jr_peek(&p->j) == t || bad(p, key, want);
}

/* A list of strings (or null), appended to *v (*n of *cap) and counted in
 * *count as well. */
static void get_strings(parse *p, const char *key, const char *want, const char ***v,
                        size_t *n, size_t *cap, size_t *count)
{
	bool is_null;
	if (!open_list(p, key, &is_null, want))
		return;
	while (list_next(p, key, RC_JR_STRING, want)) {
		const char *s;
		if (!get_str(p, key, &s))
			break;
		if (RC_GROW(*v, *cap, *n + 1) != RC_OK) {
			bad(p, key, "out of memory");
			break;
		}
		(*v)[(*n)++] = s;
		(*count)++;
	}
}

/*
 * The fields of an object, as a table walked by read_fields(): each row
 * names a key, how its value is read and where it goes (an offset into the
 * object the table describes).  A key the reader does not know is skipped
 * (later versions may add fields at the end).
 */
typedef struct rfield rfield;

enum rkind {
	R_STR,        /* get_str: a string or null */
	R_OFF,        /* get_off: a 32-bit offset, line or column */
	R_OFF_SEEN,   /* R_OFF, and the bool at .aux says it was read */
	R_SIZE,       /* get_size: a whole number or null */
	R_BOOL,       /* get_bool */
	R_NUM,        /* get_num: a number, its null flag the bool at .aux */
	R_INDEX32,    /* get_index32: an index within a record, or -1 */
	R_SKIP,       /* read and dropped */
	R_LIST,       /* a list of objects, each read as .list says */
	R_FN,         /* .fn reads it (into the draft) */
};

struct rfield {
	const char *name;     /* the key */
	size_t len;
	const char *key;      /* the key as messages name it */
	uint8_t kind;         /* enum rkind */
	bool v1;              /* a field of version 1 claim lines only: skipped in version 2 */
	size_t off, aux;      /* offsetof the value (and of the bool beside it) */
	bool (*fn)(parse *p, const char *key, struct draft *d);   /* R_FN */
	const struct list_of *list;                         /* R_LIST */
};

#define RF_AT(key, msg, kind, v1, type, member, aux, fn) \
	{key, sizeof(key) - 1, msg, kind, v1, offsetof(type, member), aux, fn, NULL}

/* A list of objects: what a value that is not one is refused as, and the
 * function that reads each (false: stop). */
typedef struct list_of {
	const char *want;
	bool (*each)(parse *p, struct draft *d);
} list_of;

/* The index of key in tab[0..n), trying *hint (the index after the last
 * match) first: writers keep the order.  -1 for an unknown key. */
static int lookup(const rfield *tab, int n, const char *key, size_t len, int *hint)
{
	for (int k = 0; k < n; k++) {
		int i = (*hint + k) % n;
		if (tab[i].len == len && memcmp(tab[i].name, key, len) == 0) {
			*hint = i + 1;
			return i;
		}
	}
	return -1;
}

/* The next key of the object being read: its index, -1 for an unknown
 * key (already skipped), -2 at the end of the object or on an error. */
static int next_key(parse *p, const rfield *tab, int n, int *hint, uint64_t *seen)
{
	for (;;) {
		const char *key;
		size_t len;
		if (failed(p) || !rc__jr_key(&p->j, &key, &len))
			return -2;
		int i = lookup(tab, n, key, len, hint);
		if (i < 0) {
			if (!rc__jr_skip(&p->j))
				return -2;
			continue;
		}
		if (*seen & (1ull << i)) {
			bad(p, tab[i].name, "duplicate key");
			return -2;
		}
		*seen |= 1ull << i;
		return i;
	}
}

/* A list of objects (or null), each read by list->each into d. */
static void read_objects(parse *p, const char *key, const list_of *list, struct draft *d)
{
	bool is_null;
	if (open_list(p, key, &is_null, list->want))
		while (rc__jr_item(&p->j) && list->each(p, d))
			;
}

/*
 * The fields of the object being read (its '{' already read) into obj, as
 * tab[0..n) says, to its end or the first problem.  as: the key every
 * message names (a span's, whose fields are its parts), NULL for each
 * field's own; v2: a version 2 claim, whose version 1 fields are skipped.
 */
static void read_fields(parse *p, const rfield *tab, int n, void *obj, const char *as, bool v2)
{
	char *o = obj;
	int hint = 0, k;
	uint64_t seen = 0;
	while ((k = next_key(p, tab, n, &hint, &seen)) != -2) {
		const rfield *f = &tab[k];
		const char *key = as ? as : f->key;
		void *at = o + f->off;
		switch (f->v1 && v2 ? R_SKIP : f->kind) {
		case R_STR: get_str(p, key, at); break;
		case R_OFF: get_off(p, key, at); break;
		case R_OFF_SEEN: *(bool *)(o + f->aux) = get_off(p, key, at); break;
		case R_SIZE: get_size(p, key, at); break;
		case R_BOOL: get_bool(p, key, at); break;
		case R_NUM: get_num(p, key, at, (bool *)(o + f->aux)); break;
		case R_INDEX32: get_index32(p, key, at); break;
		case R_SKIP: rc__jr_skip(&p->j); break;
		case R_LIST: read_objects(p, key, f->list, obj); break;
		default: f->fn(p, key, obj); break;
		}
	}
}

/* ---- the pieces of a record ---------------------------------------------------- */

#define POS(key, member) RF_AT(key, key, R_OFF, false, sentence, pos.member, 0, NULL)
static const rfield pos_fields[] = {
	POS("start", start), POS("end", end), POS("line", line), POS("column", column),
	RF_AT("text", "text", R_STR, false, sentence, text, 0, NULL),
};
#undef POS

/* A span object {start, end, line, column} into s->pos (and text, for a
 * sentence, into s->text). */
static bool parse_pos(parse *p, const char *key, sentence *s, bool with_text)
{
	*s = (sentence){0};
	if (rc__jr_null(&p->j))
		return true;
	if (rc__jr_peek(&p->j) != RC_JR_OBJECT)
		return bad(p, key, "expected an object");
	if (!rc__jr_obj(&p->j))
		return false;
	read_fields(p, pos_fields, with_text ? 5 : 4, s, key, false);
	if (failed(p))
		return false;
	const rc_pos *pos = &s->pos;
	if (pos->start == UINT32_MAX || pos->end == UINT32_MAX || pos->end < pos->start)
		return bad(p, key, "not a span (start <= end)");
	return true;
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

static bool grow_claims(draft *d)
{
	return RC_GROW(d->claims, d->cap_claims, d->n_claims + 1) == RC_OK &&
	       RC_GROW(d->cx, d->cap_cx, d->n_claims + 1) == RC_OK;
}

/* ---- fields read by functions of their own (obj: the draft) ---- */

static bool claim_events(parse *p, const char *key, draft *d)
{
	/* a line is under 256 MiB: fewer than 2^32 ids */
	size_t n_events = 0;
	get_strings(p, key, "expected a list of ids", &d->events, &d->n_events, &d->cap_events,
	            &n_events);
	if (n_events > UINT16_MAX)   /* rc_claim.n_events is 16-bit */
		return bad(p, key, "over 65535 ids");
	d->in.c.n_events = (uint16_t)n_events;
	return true;
}

/* Version 2: an index into the line's sentence table; version 1: the
 * sentence's span. */
static bool claim_sentence(parse *p, const char *key, draft *d)
{
	if (d->in.v2) {
		if (get_index(p, key, &d->in.x.sentence) && d->in.x.sentence < -1)
			return bad(p, key, "expected an index into sentences");
		return true;
	}
	sentence s;
	bool ok = parse_pos(p, key, &s, false);
	d->in.c.sentence = s.pos;
	return ok;
}

static bool claim_mention(parse *p, const char *key, draft *d)
{
	int32_t m = -1;
	if (!get_index32(p, key, &m))
		return false;
	if (m > INT16_MAX)   /* rc_claim.mention is 16-bit: a record has at most 1,000 mentions */
		return bad(p, key, "expected an index (or -1)");
	d->in.c.mention = (int16_t)m;
	return true;
}

static bool claim_mentions(parse *p, const char *key, draft *d)
{
	rc_claim *c = &d->in.c;
	const char *want = "expected a list of indices";
	bool is_null;
	if (!open_list(p, key, &is_null, want))
		return true;
	while (list_next(p, key, RC_JR_NUMBER, want)) {
		long m;
		if (!get_index(p, key, &m))
			return false;
		if (m < 0)
			return bad(p, key, want);
		if (c->n_mentions == UINT16_MAX)   /* rc_claim.n_mentions is 16-bit */
			return bad(p, key, "over 65535 indices");
		if (RC_GROW(d->cmentions, d->cap_cmentions, d->n_cmentions + 1) != RC_OK)
			return bad(p, key, "out of memory");
		d->cmentions[d->n_cmentions++] = m;
		c->n_mentions++;
	}
	return true;
}

static bool claim_year(parse *p, const char *key, draft *d)
{
	size_t v;
	if (!get_size(p, key, &v) || v == (size_t)-1)
		return true;
	if (v > 9999)
		return bad(p, key, "not a year");
	d->in.c.year = (int16_t)v;
	return true;
}

/* The document's line in its input (null is 0). */
static bool record_line(parse *p, const char *key, draft *d)
{
	size_t v;
	if (get_size(p, key, &v))
		d->rec.record_line = v == (size_t)-1 ? 0 : v;
	return true;
}

#define CLAIM(key, kind, member) RF_AT(key, key, kind, false, draft, in.c.member, 0, NULL)
#define CLAIM_IN(key, kind, member, aux) \
	RF_AT(key, key, kind, false, draft, in.member, offsetof(draft, in.aux), NULL)
#define CLAIM_FN(key, fn) {key, sizeof(key) - 1, key, R_FN, false, 0, 0, fn, NULL}
/* version 1: the document's own fields, repeated on each claim line */
#define CLAIM_V1(key, kind, member) RF_AT(key, key, kind, true, draft, member, 0, NULL)

/* A claim object's fields; obj is the draft, the claim d->in.c. */
static const rfield claim_fields[] = {
	/* the figure */
	CLAIM("metric", R_STR, metric), CLAIM("subject", R_STR, subject),
	CLAIM("text", R_STR, text),
	CLAIM_IN("lo", R_NUM, c.q.iv.lo, lo_null), CLAIM_IN("hi", R_NUM, c.q.iv.hi, hi_null),
	CLAIM("lo_incl", R_BOOL, q.iv.lo_incl), CLAIM("hi_incl", R_BOOL, q.iv.hi_incl),
	CLAIM("approx", R_BOOL, q.approx), CLAIM("vague", R_BOOL, q.vague),
	CLAIM("qualifier", R_STR, q.qualifier), CLAIM_IN("status", R_STR, status, status),
	CLAIM("attribution", R_STR, attribution), CLAIM("event", R_STR, event),
	CLAIM_FN("events", claim_events),
	/* version 2: an index into the sentence table; version 1: the quote and its span
	 * (version 2 quotes come from the sentence table) */
	CLAIM_FN("sentence", claim_sentence), CLAIM_V1("quote", R_STR, in.c.quote),
	/* where it is */
	CLAIM("line", R_OFF, pos.line), CLAIM("column", R_OFF, pos.column),
	CLAIM("start", R_OFF, pos.start), CLAIM("end", R_OFF, pos.end),
	CLAIM("trigger", R_STR, trigger), CLAIM_IN("kind", R_STR, kind, kind),
	CLAIM_IN("value", R_NUM, c.q.value, v_null),
	CLAIM_IN("num_start", R_OFF_SEEN, num_start, has_num_start),
	CLAIM_IN("num_end", R_OFF_SEEN, num_end, has_num_end),
	CLAIM("parent", R_INDEX32, parent), CLAIM_FN("mention", claim_mention),
	CLAIM_FN("mentions", claim_mentions), CLAIM_IN("file_line", R_SIZE, file_line, file_line),
	/* what the figure counts of its event (the claims stage) */
	CLAIM("in_title", R_BOOL, in_title), CLAIM("part", R_STR, part),
	CLAIM("background", R_BOOL, background), CLAIM_FN("year", claim_year),
	{"schema", 6, "schema", R_SKIP, false, 0, 0, NULL, NULL},
	CLAIM_V1("doc", R_STR, rec.doc), CLAIM_V1("path", R_STR, rec.path),
	CLAIM_V1("source", R_STR, rec.source), CLAIM_V1("published", R_STR, rec.published),
	CLAIM_V1("published_at", R_STR, rec.published_at),
	{"record_line", 11, "record_line", R_FN, true, 0, 0, record_line, NULL},
};
#undef CLAIM
#undef CLAIM_IN
#undef CLAIM_FN
#undef CLAIM_V1

/*
 * One claim object into d (appended).  v2: "sentence" is an index into the
 * line's sentence table; otherwise (a "recount.claim/1" line) the quote and
 * the sentence's span are the claim's own, and its document's fields go
 * into d->rec.
 */
static bool parse_claim(parse *p, draft *d, bool v2)
{
	if (rc__jr_peek(&p->j) != RC_JR_OBJECT)
		return bad(p, "claims", "expected a list of claim objects");
	if (!grow_claims(d))
		return bad(p, "claims", "out of memory");
	struct object_in *in = &d->in;
	rc_claim *c = &in->c;
	*c = (rc_claim){.parent = -1, .mention = -1};
	in->x = (claim_extra){.sentence = -1, .events_at = d->n_events, .mentions_at = d->n_cmentions};
	in->num_start = in->num_end = 0;
	in->has_num_start = in->has_num_end = false;
	in->file_line = (size_t)-2;
	in->lo_null = in->hi_null = true;
	in->kind = in->status = NULL;
	in->v2 = v2;
	if (!rc__jr_obj(&p->j))
		return false;
	read_fields(p, claim_fields, (int)RC_ARRAY_LEN(claim_fields), d, NULL, v2);
	if (failed(p))
		return false;
	if (!c->metric || !*c->metric)
		return bad(p, "metric", "missing");
	c->q.iv.lo_inf = in->lo_null;
	c->q.iv.hi_inf = in->hi_null;
	if (in->lo_null)
		c->q.iv.lo = 0;
	if (in->hi_null)
		c->q.iv.hi = 0;
	if (!in->lo_null && !in->hi_null && c->q.iv.lo > c->q.iv.hi)
		return bad(p, "lo", "greater than hi");
	if (in->kind && !kind_from_name(in->kind, &c->q.kind))
		return bad(p, "kind", "unknown quantity kind");
	rc_claim_status cst = RC_CLAIM_CURRENT;
	if (in->status && !rc_claim_status_parse(in->status, &cst))
		return bad(p, "status", "unknown status");
	c->status = (uint8_t)cst;
	if (c->pos.start == UINT32_MAX || c->pos.end == UINT32_MAX || c->pos.end < c->pos.start)
		return bad(p, "end", "not a span (start <= end)");
	c->q.start = c->pos.start;
	c->q.end = c->pos.end;
	c->q.num_start = in->has_num_start ? in->num_start : c->pos.start;
	c->q.num_end = in->has_num_end ? in->num_end : c->pos.end;
	c->file_line = in->file_line == (size_t)-2 ? c->pos.line : in->file_line;
	d->claims[d->n_claims] = *c;
	d->cx[d->n_claims] = in->x;
	d->n_claims++;
	return true;
}

static bool mention_names(parse *p, const char *key, draft *d)
{
	get_strings(p, key, "expected a list of strings", &d->names, &d->n_names, &d->cap_names,
	            &d->in.m.n_names);
	return true;
}

#define MENTION(key, kind, member) \
	RF_AT(key, "mentions: " key, kind, false, draft, in.m.member, 0, NULL)
/* A mention object's fields (the writer's rc__mention_fields); obj is the
 * draft, the mention d->in.m. */
static const rfield mention_fields[] = {
	MENTION("type", R_STR, type), MENTION("noun", R_STR, noun),
	MENTION("place", R_STR, place), MENTION("date", R_STR, date),
	{"names", 5, "mentions: names", R_FN, false, 0, 0, mention_names, NULL},
	MENTION("key", R_STR, key), MENTION("local_id", R_STR, local_id),
	MENTION("start", R_OFF, start), MENTION("end", R_OFF, end), MENTION("line", R_OFF, line),
};
#undef MENTION

static bool parse_mention(parse *p, draft *d)
{
	if (rc__jr_peek(&p->j) != RC_JR_OBJECT)
		return bad(p, "mentions", "expected a list of objects");
	if (RC_GROW(d->mentions, d->cap_mentions, d->n_mentions + 1) != RC_OK ||
	    RC_GROW(d->names_at, d->cap_names_at, d->n_mentions + 1) != RC_OK)
		return bad(p, "mentions", "out of memory");
	rc_mention *m = &d->in.m;
	*m = (rc_mention){0};
	d->names_at[d->n_mentions] = d->n_names;
	if (!rc__jr_obj(&p->j))
		return false;
	read_fields(p, mention_fields, (int)RC_ARRAY_LEN(mention_fields), d, NULL, false);
	if (failed(p))
		return false;
	if (!m->type)
		return bad(p, "mentions: type", "missing");
	if (m->start == UINT32_MAX || m->end == UINT32_MAX || m->end < m->start)
		return bad(p, "mentions: end", "not a span (start <= end)");
	d->mentions[d->n_mentions++] = *m;
	return true;
}

#define DIAG(key, kind, member) RF_AT(key, "diags: " key, kind, false, draft, member, 0, NULL)
/* A diagnostic object's fields (the writer's rc__diag_fields); obj is the
 * draft, the diagnostic d->in.g, its severity and status as names. */
static const rfield diag_fields[] = {
	DIAG("severity", R_STR, in.severity), DIAG("status", R_STR, in.diag_status),
	DIAG("path", R_STR, in.g.path), DIAG("line", R_SIZE, in.g.line),
	DIAG("column", R_SIZE, in.g.column), DIAG("offset", R_SIZE, in.g.offset),
	DIAG("message", R_STR, in.g.message),
};
#undef DIAG

static bool parse_diag(parse *p, draft *d)
{
	if (rc__jr_peek(&p->j) != RC_JR_OBJECT)
		return bad(p, "diags", "expected a list of objects");
	if (RC_GROW(d->diags, d->cap_diags, d->n_diags + 1) != RC_OK)
		return bad(p, "diags", "out of memory");
	rc_diag *g = &d->in.g;
	*g = (rc_diag){.severity = RC_SEV_WARNING, .offset = (size_t)-1};
	const char **sev = &d->in.severity, **st = &d->in.diag_status;
	*sev = *st = NULL;
	if (!rc__jr_obj(&p->j))
		return false;
	read_fields(p, diag_fields, (int)RC_ARRAY_LEN(diag_fields), d, NULL, false);
	if (failed(p))
		return false;
	/* an unknown severity reads as a warning: a later version may add one */
	if (*sev)
		rc__severity_from_name(*sev, strlen(*sev), &g->severity);
	if (*st && !rc__status_from_name(*st, strlen(*st), &g->status))
		return bad(p, "diags: status", "unknown status");
	if (!g->message || !*g->message)
		return bad(p, "diags: message", "missing");
	d->diags[d->n_diags++] = *g;
	return true;
}

static bool parse_signature(parse *p, const char *key, draft *d)
{
	(void)key;
	if (rc__jr_null(&p->j))
		return true;
	const char *s = NULL;
	if (rc__jr_peek(&p->j) != RC_JR_STRING || !get_str(p, "signature", &s) ||
	    strlen(s) != RC_MINHASH_K * 8)
		return bad(p, "signature", "expected 512 hex digits or null");
	for (size_t i = 0; i < RC_MINHASH_K; i++) {
		uint32_t w = 0;
		for (size_t k = 0; k < 8; k++) {
			char c = s[8 * i + k];
			int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
			      : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
			if (v < 0)
				return bad(p, "signature", "expected 512 hex digits or null");
			w = (w << 4) | (uint32_t)v;
		}
		d->sig[i] = w;
	}
	d->rec.minhash = d->sig;
	d->rec.has_signature = true;
	return true;
}

static bool parse_v2_claim(parse *p, draft *d)
{
	return parse_claim(p, d, true);
}

static const list_of diag_list = {"expected a list of objects", parse_diag};
static const list_of mention_list = {"expected a list of objects", parse_mention};
static const list_of claim_list = {"expected a list of claim objects", parse_v2_claim};

static bool doc_n_claims(parse *p, const char *key, draft *d)
{
	if (get_size(p, key, &d->n_claims_said) && d->n_claims_said != (size_t)-1)
		d->has_n_claims = true;
	return true;
}

static bool doc_sentences(parse *p, const char *key, draft *d)
{
	bool is_null;
	if (!open_list(p, key, &is_null, "expected a list of objects"))
		return true;
	while (rc__jr_item(&p->j)) {
		if (RC_GROW(d->sent, d->cap_sent, d->n_sent + 1) != RC_OK)
			return bad(p, key, "out of memory");
		if (!parse_pos(p, key, &d->sent[d->n_sent], true))
			return false;
		d->n_sent++;
	}
	return true;
}

#define DOC(key, kind, member) RF_AT(key, key, kind, false, draft, member, 0, NULL)
#define DOC_FN(key, fn) {key, sizeof(key) - 1, key, R_FN, false, 0, 0, fn, NULL}
#define DOC_LIST(key, list) {key, sizeof(key) - 1, key, R_LIST, false, 0, 0, NULL, &list}
/* A document line's fields; obj is the draft. */
static const rfield doc_fields[] = {
	DOC("schema", R_SKIP, rec), DOC("doc", R_STR, rec.doc), DOC("path", R_STR, rec.path),
	DOC_FN("record_line", record_line), DOC("seq", R_SIZE, rec.seq),
	DOC("source", R_STR, rec.source), DOC("url", R_STR, rec.url),
	DOC("published", R_STR, rec.published), DOC("published_at", R_STR, rec.published_at),
	DOC("title", R_STR, rec.title), DOC("bytes", R_SIZE, rec.bytes),
	DOC("status", R_STR, in.doc_status), DOC("reason", R_STR, rec.reason),
	DOC_LIST("diags", diag_list), DOC_FN("signature", parse_signature),
	DOC_LIST("mentions", mention_list), DOC_FN("n_claims", doc_n_claims),
	DOC_FN("sentences", doc_sentences), DOC_LIST("claims", claim_list),
	DOC("time_hint", R_STR, rec.time_hint),
};
#undef DOC
#undef DOC_FN
#undef DOC_LIST

/* A document line, of either version, into d.  Version 1 lines carry no
 * n_claims, sentences or claims (their claims follow on lines of their
 * own); such keys are read all the same. */
static bool parse_document(parse *p, draft *d, size_t seq)
{
	rc_record *rec = &d->rec;
	rec->seq = seq;
	const char *const *status = &d->in.doc_status;
	d->in.doc_status = NULL;
	read_fields(p, doc_fields, (int)RC_ARRAY_LEN(doc_fields), d, NULL, false);
	if (failed(p))
		return false;
	if (!rec->doc || !*rec->doc)
		return bad(p, "doc", "missing");
	if (*status && strcmp(*status, "skipped") == 0)
		rec->status = RC_DOC_SKIPPED;
	else if (*status && strcmp(*status, "ok") != 0)
		return bad(p, "status", "expected \"ok\" or \"skipped\"");
	/* a skipped document says why, and has no claims */
	if (rec->status == RC_DOC_SKIPPED && !rec->reason)
		return bad(p, "reason", "missing for a skipped document");
	if (rec->status == RC_DOC_SKIPPED && d->n_claims)
		return bad(p, "claims", "a skipped document has none");
	/* the claims' sentences, from the table */
	for (size_t i = 0; i < d->n_claims; i++) {
		long s = d->cx[i].sentence;
		if (s < 0)
			continue;
		if ((size_t)s >= d->n_sent)
			return bad(p, "claims: sentence", "not an index into sentences");
		d->claims[i].quote = d->sent[s].text;
		d->claims[i].sentence = d->sent[s].pos;
	}
	return true;
}

/* What an end line counts. */
typedef struct end_counts {
	size_t documents, claims;
} end_counts;

static const rfield end_fields[] = {
	{"schema", 6, "schema", R_SKIP, false, 0, 0, NULL, NULL},
	RF_AT("documents", "documents", R_SIZE, false, end_counts, documents, 0, NULL),
	RF_AT("claims", "claims", R_SIZE, false, end_counts, claims, 0, NULL),
};

static bool parse_end(parse *p, size_t *documents, size_t *claims)
{
	end_counts e = {(size_t)-1, (size_t)-1};
	read_fields(p, end_fields, (int)RC_ARRAY_LEN(end_fields), &e, NULL, false);
	*documents = e.documents;
	*claims = e.claims;
	if (failed(p))
		return false;
	if (*documents == (size_t)-1)
		return bad(p, "documents", "missing");
	if (*claims == (size_t)-1)
		return bad(p, "claims", "missing");
	return true;
}

/* ---- building a record ------------------------------------------------------------- */

static size_t align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

typedef struct builder {
	rc__strpool *pool;
	char *chars;             /* where the next copied string goes */
	bool nomem;
} builder;

static const char *intern(builder *b, const char *s)
{
	if (!s)
		return NULL;
	const char *t = rc__strpool_intern(b->pool, s, strlen(s));
	if (!t)
		b->nomem = true;
	return t;
}

static const char *own(builder *b, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *t = memcpy(b->chars, s, n);
	b->chars += n;
	return t;
}

/* The string members of the pieces of a record: those a record owns
 * (copied into its block) and those interned in the reader's pool. */
static const size_t rec_owned[] = {
	offsetof(rc_record, doc), offsetof(rc_record, url), offsetof(rc_record, title),
	offsetof(rc_record, reason), offsetof(rc_record, published_at), offsetof(rc_record, time_hint),
};
static const size_t rec_pooled[] = {
	offsetof(rc_record, path), offsetof(rc_record, source), offsetof(rc_record, published),
};
static const size_t diag_owned[] = {offsetof(rc_diag, message)};
static const size_t claim_pooled[] = {
	offsetof(rc_claim, metric), offsetof(rc_claim, subject), offsetof(rc_claim, trigger),
	offsetof(rc_claim, text), offsetof(rc_claim, q.qualifier), offsetof(rc_claim, attribution),
	offsetof(rc_claim, part), offsetof(rc_claim, event),
};
static const size_t mention_pooled[] = {
	offsetof(rc_mention, type), offsetof(rc_mention, noun), offsetof(rc_mention, place),
	offsetof(rc_mention, date), offsetof(rc_mention, key), offsetof(rc_mention, local_id),
};

/* The bytes own() takes for the strings of obj at offs[0..n). */
static size_t own_size(const void *obj, const size_t *offs, size_t n)
{
	size_t size = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = *(const char *const *)(const void *)((const char *)obj + offs[i]);
		size += s ? strlen(s) + 1 : 0;
	}
	return size;
}

/* Each string of obj at offs[0..n) replaced by its copy (own or intern). */
static void copy_strings(builder *b, void *obj, const size_t *offs, size_t n,
                         const char *(*copy)(builder *b, const char *s))
{
	for (size_t i = 0; i < n; i++) {
		const char **s = (const char **)(void *)((char *)obj + offs[i]);
		*s = copy(b, *s);
	}
}

/* ---- side data kept once ---------------------------------------------------------- */

/* A record's side data: its mentions, their names, then its signature if it
 * has one (names point into the same data). */
typedef struct side_shape {
	size_t n_mentions, n_names;
	bool sig;
} side_shape;

static uint64_t side_mix(uint64_t h, uint64_t v)
{
	return rc__mix64(h ^ v) + 0x9e3779b97f4a7c15ull;
}

/* Names' place in data, as an index (SIZE_MAX: none); the same for equal data. */
static size_t names_at(const rc_mention *m, const void *data, size_t n_mentions)
{
	if (!m->names)
		return SIZE_MAX;
	uintptr_t base = (uintptr_t)data + n_mentions * sizeof(rc_mention);
	return (size_t)((uintptr_t)m->names - base) / sizeof(char *);
}

/* Its hash, from what side_equal() compares (its strings are interned:
 * equal strings are the same pointer). */
static uint64_t side_hash(const void *data, const side_shape *sh)
{
	const rc_mention *ms = data;
	uint64_t h = side_mix(sh->n_mentions, sh->n_names * 2 + sh->sig);
	for (size_t i = 0; i < sh->n_mentions; i++) {
		const rc_mention *m = &ms[i];
		h = side_mix(h, (uintptr_t)m->type);
		h = side_mix(h, (uintptr_t)m->noun);
		h = side_mix(h, (uintptr_t)m->place);
		h = side_mix(h, (uintptr_t)m->date);
		h = side_mix(h, (uintptr_t)m->key);
		h = side_mix(h, (uintptr_t)m->local_id);
		h = side_mix(h, m->n_names);
		h = side_mix(h, names_at(m, data, sh->n_mentions));
		h = side_mix(h, ((uint64_t)m->start << 32) | m->end);
		h = side_mix(h, m->line);
	}
	const char *const *names = (const char *const *)(const void *)(ms + sh->n_mentions);
	for (size_t i = 0; i < sh->n_names; i++)
		h = side_mix(h, (uintptr_t)names[i]);
	if (sh->sig) {
		const uint32_t *sig = (const uint32_t *)(const void *)(names + sh->n_names);
		for (size_t i = 0; i < RC_MINHASH_K; i += 2)
			h = side_mix(h, ((uint64_t)sig[i] << 32) | sig[i + 1]);
	}
	return h;
}

/* kept (as long as data) read in data's shape equals data, field by
 * field (padding aside). */
static bool side_equal(const void *kept, const void *data, size_t size, const void *ctx)
{
	(void)size;
	const side_shape *sh = ctx;
	const rc_mention *a = kept, *b = data;
	for (size_t i = 0; i < sh->n_mentions; i++)
		if (a[i].type != b[i].type || a[i].noun != b[i].noun || a[i].place != b[i].place ||
		    a[i].date != b[i].date || a[i].key != b[i].key || a[i].local_id != b[i].local_id ||
		    a[i].n_names != b[i].n_names || a[i].start != b[i].start || a[i].end != b[i].end ||
		    a[i].line != b[i].line ||
		    names_at(&a[i], kept, sh->n_mentions) != names_at(&b[i], data, sh->n_mentions))
			return false;
	size_t off = sh->n_mentions * sizeof(rc_mention);
	size_t rest = sh->n_names * sizeof(char *) + (sh->sig ? RC_MINHASH_K * sizeof(uint32_t) : 0);
	return memcmp((const char *)kept + off, (const char *)data + off, rest) == 0;
}

/* The mentions' names of a copy point into the copy. */
static void side_rebase(void *copy, const void *data, size_t size, const void *ctx)
{
	(void)size;
	const side_shape *sh = ctx;
	rc_mention *ms = copy;
	for (size_t i = 0; i < sh->n_mentions; i++)
		if (ms[i].names)
			ms[i].names = (const char **)(void *)((char *)copy + ((const char *)ms[i].names - (const char *)data));
}

static const rc__side_kind side_kind = {side_equal, side_rebase};

/*
 * The record of draft d in one piece of a block of homes: the record, its
 * private part, its arrays, then the strings it owns (document id, url,
 * title, reason, diagnostics' messages).  The rest, quoted sentences
 * included, is interned in the reader's pool; its side data goes to a
 * block of sides.
 */
static rc_status build(rc__strpool *pool, rc__blockalloc *homes, rc__blockalloc *sides,
                       rc__sidetable *kept, size_t input, draft *d, bool quotes_by_table,
                       rc_record **out)
{
	*out = NULL;
	const rc_record *src = &d->rec;
	size_t chars = own_size(src, rec_owned, RC_ARRAY_LEN(rec_owned));
	for (size_t i = 0; i < d->n_diags; i++)
		chars += own_size(&d->diags[i], diag_owned, 1);
	/* quotes are interned: syndicated copies and follow-ups repeat
	 * sentences (on the 10 MB batch 4.1 MB of sentences, 1.9 MB distinct) */
	for (size_t i = 0; i < d->n_sent; i++)
		d->sent[i].copied = false;
	size_t off_priv = align8(sizeof(rc_record));
	size_t off_claims = align8(off_priv + sizeof(struct rc_record_priv));
	size_t off_diags = align8(off_claims + d->n_claims * sizeof(rc_claim));
	size_t off_events = align8(off_diags + d->n_diags * sizeof(rc_diag));
	size_t off_cment = off_events + d->n_events * sizeof(char *);
	size_t off_chars = off_cment + d->n_cmentions * sizeof(long);
	/* what only the event merge and the near-duplicate groups read goes to
	 * a side block: the mentions, their names, the signature */
	bool sig = src->has_signature && src->minhash;
	size_t side_names = d->n_mentions * sizeof(rc_mention);
	size_t side_sig = side_names + d->n_names * sizeof(char *);
	size_t side_size = side_sig + (sig ? RC_MINHASH_K * sizeof(uint32_t) : 0);
	size_t side_words = (side_size + 7) / 8;
	if (side_words && RC_GROW(d->side, d->cap_side, side_words) != RC_OK)
		return RC_ERR_NOMEM;
	rc__block *home;
	char *block = rc__block_alloc(homes, off_chars + chars, &home);
	if (!block)
		return RC_ERR_NOMEM;
	rc_record *rec = (rc_record *)(void *)block;
	struct rc_record_priv *priv = (struct rc_record_priv *)(void *)(block + off_priv);
	*rec = *src;
	rec->rendered = NULL;
	rec->rendered_len = 0;
	*priv = (struct rc_record_priv){.home = home, .pool = pool, .input = input, .line = d->first_line};
	rec->priv = priv;
	rec->has_signature = sig;
	builder b = {.pool = pool, .chars = block + off_chars};
	copy_strings(&b, rec, rec_owned, RC_ARRAY_LEN(rec_owned), own);
	copy_strings(&b, rec, rec_pooled, RC_ARRAY_LEN(rec_pooled), intern);

	rec->diags = d->n_diags ? (rc_diag *)(void *)(block + off_diags) : NULL;
	rec->n_diags = d->n_diags;
	for (size_t i = 0; i < d->n_diags; i++) {
		rc_diag *g = &rec->diags[i];
		*g = d->diags[i];
		g->path = intern(&b, g->path);
		g->message = own(&b, g->message);
	}

	/* the side data is made in the draft, then kept once: shared with an
	 * earlier record's when equal (a copy of the same document) */
	char *made = (char *)(void *)d->side;   /* NULL while no record had side data */
	const char **names = made ? (const char **)(void *)(made + side_names) : NULL;
	for (size_t i = 0; i < d->n_names; i++)
		names[i] = intern(&b, d->names[i]);
	rc_mention *ms = (rc_mention *)(void *)made;
	for (size_t i = 0; i < d->n_mentions; i++) {
		rc_mention *m = &ms[i];
		*m = d->mentions[i];
		copy_strings(&b, m, mention_pooled, RC_ARRAY_LEN(mention_pooled), intern);
		m->names = m->n_names ? names + d->names_at[i] : NULL;
	}
	if (sig)
		memcpy(made + side_sig, src->minhash, RC_MINHASH_K * sizeof(uint32_t));
	/* no side block without mentions or a signature: no pointer into it */
	const char *side = NULL;
	if (side_size && !b.nomem) {
		side_shape shape = {d->n_mentions, d->n_names, sig};
		side = rc__side_intern(kept, sides, made, side_words * 8, side_hash(made, &shape), &side_kind,
		                       &shape, &priv->side);
		b.nomem |= !side;
	}
	rec->mentions = d->n_mentions && side ? (rc_mention *)(void *)side : NULL;
	rec->n_mentions = d->n_mentions;
	rec->minhash = sig && side ? (const uint32_t *)(const void *)(side + side_sig) : NULL;

	const char **events = (const char **)(void *)(block + off_events);
	for (size_t i = 0; i < d->n_events; i++)
		events[i] = intern(&b, d->events[i]);
	long *cment = (long *)(void *)(block + off_cment);
	if (d->n_cmentions)
		memcpy(cment, d->cmentions, d->n_cmentions * sizeof(long));
	rec->claims = d->n_claims ? (rc_claim *)(void *)(block + off_claims) : NULL;
	rec->n_claims = d->n_claims;
	for (size_t i = 0; i < d->n_claims; i++) {
		rc_claim *c = &rec->claims[i];
		const rc_claim *sc = &d->claims[i];
		*c = *sc;
		copy_strings(&b, c, claim_pooled, RC_ARRAY_LEN(claim_pooled), intern);
		c->events = c->n_events ? events + d->cx[i].events_at : NULL;
		c->mentions = c->n_mentions ? cment + d->cx[i].mentions_at : NULL;
		long s = d->cx[i].sentence;
		if (quotes_by_table) {
			if (s >= 0) {
				sentence *t = &d->sent[s];
				if (!t->copied) {
					t->copy = intern(&b, t->text);
					t->copied = true;
				}
				c->quote = t->copy;
			}
		} else {
			c->quote = intern(&b, sc->quote);
		}
	}
	if (b.nomem) {
		rc__block_unref(priv->side);
		rc__block_unref(home);
		return RC_ERR_NOMEM;
	}
	rc__strpool_ref(pool);
	*out = rec;
	return RC_OK;
}

/*
 * Indices must point inside the record: consumers follow them.  Out of
 * range ones are reset (or dropped) with a warning about the record.
 */
static rc_status check_indices(rc_record_reader *r, rc_record *rec, size_t line)
{
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
		if (!keep)
			c->mentions = NULL;
	}
	if (fixed)
		return reader_diag(r, RC_SEV_WARNING, RC_ERR_PARSE, line, 0,
		                   "document '%s': claim indices out of range were reset", rec->doc);
	return RC_OK;
}

/* ---- records of older lines -------------------------------------------------------- */

/* Start the pending record from the version 1 line in r->line (a document
 * line, or a claim line with no document line before it). */
static rc_status pend_start(rc_record_reader *r, bool doc_line)
{
	draft *p = &r->pend, *l = &r->line;
	if (!p->arena && !(p->arena = rc__arena_new(4096)))
		return RC_ERR_NOMEM;
	draft_reset(p);
	bool nomem = false;
	rc_arena *a = p->arena;
	p->rec = l->rec;
	if (p->rec.minhash) {
		memcpy(p->sig, p->rec.minhash, sizeof p->sig);
		p->rec.minhash = p->sig;
	}
	if (!doc_line)
		p->rec.seq = r->stats.records;
	p->first_line = r->line_no;
	rc_record *rec = &p->rec;
	rec->doc = rc__arena_strdup_nomem(a, rec->doc, &nomem);
	rec->path = rc__arena_strdup_nomem(a, rec->path, &nomem);
	rec->source = rc__arena_strdup_nomem(a, rec->source, &nomem);
	rec->published = rc__arena_strdup_nomem(a, rec->published, &nomem);
	rec->published_at = rc__arena_strdup_nomem(a, rec->published_at, &nomem);
	rec->time_hint = rc__arena_strdup_nomem(a, rec->time_hint, &nomem);
	rec->url = rc__arena_strdup_nomem(a, rec->url, &nomem);
	rec->title = rc__arena_strdup_nomem(a, rec->title, &nomem);
	rec->reason = rc__arena_strdup_nomem(a, rec->reason, &nomem);
	if (doc_line) {
		if (RC_GROW(p->diags, p->cap_diags, l->n_diags) != RC_OK ||
		    RC_GROW(p->mentions, p->cap_mentions, l->n_mentions) != RC_OK ||
		    RC_GROW(p->names_at, p->cap_names_at, l->n_mentions) != RC_OK ||
		    RC_GROW(p->names, p->cap_names, l->n_names) != RC_OK)
			return RC_ERR_NOMEM;
		for (size_t i = 0; i < l->n_diags; i++) {
			rc_diag g = l->diags[i];
			g.path = rc__arena_strdup_nomem(a, g.path, &nomem);
			g.message = rc__arena_strdup_nomem(a, g.message, &nomem);
			p->diags[p->n_diags++] = g;
		}
		for (size_t i = 0; i < l->n_names; i++)
			p->names[p->n_names++] = rc__arena_strdup_nomem(a, l->names[i], &nomem);
		for (size_t i = 0; i < l->n_mentions; i++) {
			rc_mention m = l->mentions[i];
			rc__mention_strdup(&m, a, &nomem);
			p->names_at[p->n_mentions] = l->names_at[i];
			p->mentions[p->n_mentions++] = m;
		}
	}
	r->has_pend = true;
	return nomem ? RC_ERR_NOMEM : RC_OK;
}

/* Add the claim of the version 1 claim line in r->line to the pending record. */
static rc_status pend_add_claim(rc_record_reader *r)
{
	draft *p = &r->pend, *l = &r->line;
	if (!grow_claims(p) || RC_GROW(p->events, p->cap_events, p->n_events + l->n_events) != RC_OK ||
	    RC_GROW(p->cmentions, p->cap_cmentions, p->n_cmentions + l->n_cmentions) != RC_OK)
		return RC_ERR_NOMEM;
	bool nomem = false;
	rc_arena *a = p->arena;
	rc_claim c = l->claims[0];
	c.metric = rc__arena_strdup_nomem(a, c.metric, &nomem);
	c.subject = rc__arena_strdup_nomem(a, c.subject, &nomem);
	c.trigger = rc__arena_strdup_nomem(a, c.trigger, &nomem);
	c.text = rc__arena_strdup_nomem(a, c.text, &nomem);
	c.q.qualifier = rc__arena_strdup_nomem(a, c.q.qualifier, &nomem);
	c.attribution = rc__arena_strdup_nomem(a, c.attribution, &nomem);
	c.part = rc__arena_strdup_nomem(a, c.part, &nomem);
	c.quote = rc__arena_strdup_nomem(a, c.quote, &nomem);
	c.event = rc__arena_strdup_nomem(a, c.event, &nomem);
	claim_extra x = {.sentence = -1, .events_at = p->n_events, .mentions_at = p->n_cmentions};
	for (size_t i = 0; i < l->n_events; i++)
		p->events[p->n_events++] = rc__arena_strdup_nomem(a, l->events[i], &nomem);
	if (l->n_cmentions)
		memcpy(p->cmentions + p->n_cmentions, l->cmentions, l->n_cmentions * sizeof(long));
	p->n_cmentions += l->n_cmentions;
	p->claims[p->n_claims] = c;
	p->cx[p->n_claims++] = x;
	return nomem ? RC_ERR_NOMEM : RC_OK;
}

/* Does the claim line in r->line belong to the pending record? */
static bool pend_owns(const rc_record_reader *r)
{
	const rc_record *a = &r->pend.rec, *b = &r->line.rec;
	if (!r->has_pend || !b->doc || strcmp(a->doc, b->doc) != 0)
		return false;
	if ((a->path == NULL) != (b->path == NULL) || (a->path && strcmp(a->path, b->path) != 0))
		return false;
	return a->record_line == b->record_line;
}

/* ---- records ------------------------------------------------------------------------ */

/* Hand rec out after the records before it (it is the queue's, or freed). */
static rc_status push(rc_record_reader *r, rc_record *rec)
{
	if (RC_GROW(r->q, r->q_cap, r->q_n + 1) != RC_OK) {
		rc_record_free(rec);
		return RC_ERR_NOMEM;
	}
	r->q[r->q_n++] = rec;
	return RC_OK;
}

/* A record built from the lines from line on: its indices checked, counted
 * and handed out. */
static rc_status adopt(rc_record_reader *r, rc_record *rec, size_t line)
{
	rc_status st = check_indices(r, rec, line);
	if (st != RC_OK) {
		rc_record_free(rec);
		return st;
	}
	r->stats.records++;
	r->stats.claims += rec->n_claims;
	return push(r, rec);
}

static rc_status finish(rc_record_reader *r, draft *d, bool by_table)
{
	rc_record *rec;
	rc_status st = build(r->pool, &r->homes, &r->sides, &r->kept, r->cur_input, d, by_table, &rec);
	return st != RC_OK ? st : adopt(r, rec, d->first_line);
}

static rc_status finish_pend(rc_record_reader *r)
{
	if (!r->has_pend)
		return RC_OK;
	r->has_pend = false;
	return finish(r, &r->pend, false);
}

/* The schema of the object at the start of the line (jansson's leniency
 * about key order kept: "schema" need not come first). */
static const char *find_schema(char *line, size_t len, size_t *slen)
{
	/* the writer puts it first: look there without parsing the rest */
	static const char head[] = "{\"schema\":\"";
	if (len > sizeof head && memcmp(line, head, sizeof head - 1) == 0) {
		char *s = line + sizeof head - 1, *q = memchr(s, '"', len - (sizeof head - 1));
		if (q && !memchr(s, '\\', (size_t)(q - s))) {
			*slen = (size_t)(q - s);
			return s;
		}
	}
	return NULL;
}

/* Reject the line being read: one error diagnostic, counted.  Past
 * MAX_LINE_DIAGS in one input the rest are only counted, and summed up at
 * its end (an article given for a claims file would name every line). */
static rc_status reject(rc_record_reader *r, const parse *p, const char *why)
{
	r->stats.lines_rejected++;
	if (++r->t.rejected > MAX_LINE_DIAGS)
		return RC_OK;
	if (why)
		return reader_diag(r, RC_SEV_ERROR, RC_ERR_PARSE, r->line_no, 0, "%s", why);
	if (p->j.err)
		return reader_diag(r, RC_SEV_ERROR, RC_ERR_PARSE, r->line_no, p->j.err_at + 1,
		                   "malformed JSON: %s", p->j.err);
	return reader_diag(r, RC_SEV_ERROR, RC_ERR_PARSE, r->line_no, 0, "%s: %s",
	                   p->bad_key ? p->bad_key : "line", p->bad);
}

enum line_kind { L_DOC2, L_DOC1, L_CLAIM1, L_END, L_OTHER };

static enum line_kind kind_of(const char *s, size_t n)
{
#define IS(lit) (n == sizeof(lit) - 1 && memcmp(s, lit, n) == 0)
	if (IS(RC_DOCUMENT_SCHEMA))
		return L_DOC2;
	if (IS(RC_DOCUMENT_SCHEMA_V1))
		return L_DOC1;
	if (IS(RC_CLAIM_SCHEMA))
		return L_CLAIM1;
	if (IS(RC_END_SCHEMA))
		return L_END;
#undef IS
	return L_OTHER;
}

/*
 * The schema of a line whose first key is not "schema" where the writer
 * puts it (a hand-edited or re-serialised file): the top-level keys of a
 * copy are walked (parsing changes the text), the whole line checked.
 * *why (or p's error) says why the line is no record line.
 */
static rc_status schema_anywhere(const char *line, size_t len, enum line_kind *kind, parse *p,
                                 const char **why)
{
	*kind = L_OTHER;
	*why = NULL;
	char *copy = malloc(len + 1);
	if (!copy)
		return RC_ERR_NOMEM;
	memcpy(copy, line, len);
	copy[len] = '\0';
	rc_jr *j = &p->j;
	rc__jr_init(j, copy, len);
	bool found = false, object = rc__jr_peek(j) == RC_JR_OBJECT;
	if (object && rc__jr_obj(j)) {
		const char *key;
		size_t kl;
		while (rc__jr_key(j, &key, &kl)) {
			char *s;
			size_t sl;
			if (!found && kl == 6 && memcmp(key, "schema", 6) == 0 &&
			    rc__jr_peek(j) == RC_JR_STRING) {
				if (!rc__jr_str(j, &s, &sl))
					break;
				*kind = kind_of(s, sl);
				found = true;
			} else if (!rc__jr_skip(j)) {
				break;
			}
		}
	} else {
		rc__jr_skip(j);
	}
	rc__jr_end(j);
	free(copy);
	if (!j->err)
		*why = !object ? "not a JSON object" : !found ? "no \"schema\": not a recount record line"
		     : NULL;
	return RC_OK;
}

/*
 * Parse a line of kind (not L_OTHER) into d, or false when it is rejected
 * (p says why).  seq is a document line's seq when it has none.
 */
static bool parse_line(parse *p, draft *d, enum line_kind kind, char *line, size_t len,
                       size_t seq, size_t *end_docs, size_t *end_claims)
{
	rc__jr_init(&p->j, line, len);
	if (kind != L_CLAIM1 && !rc__jr_obj(&p->j))
		return false;
	bool ok;
	switch (kind) {
	case L_DOC2:
	case L_DOC1:
		ok = parse_document(p, d, seq);
		if (ok && kind == L_DOC2 && d->has_n_claims && d->n_claims_said != d->n_claims)
			ok = bad(p, "n_claims", "differs from the number of claims on the line");
		break;
	case L_CLAIM1:
		ok = parse_claim(p, d, false);
		if (ok && (!d->rec.doc || !*d->rec.doc))
			ok = bad(p, "doc", "missing");
		break;
	default:
		ok = parse_end(p, end_docs, end_claims);
		break;
	}
	return ok && rc__jr_end(&p->j);
}

/* A document/2 line read, with n claims: a whole record, which ends a
 * pending one (that goes out first). */
static rc_status start_doc2(rc_record_reader *r, size_t n)
{
	r->t.v2_lines++;
	r->t.documents++;
	r->t.claims += n;
	return finish_pend(r);
}

/* One non-blank line, in its turn: the records it completes are handed
 * out (a document/2 line, or a version 1 line that ends the pending
 * record). */
static rc_status read_line(rc_record_reader *r, char *line, size_t len)
{
	tally *t = &r->t;
	t->lines++;
	t->last_line = r->line_no;
	size_t slen = 0;
	const char *s = find_schema(line, len, &slen);
	enum line_kind kind;
	parse p = {0};
	if (s) {
		kind = kind_of(s, slen);
	} else {
		const char *why;
		if (schema_anywhere(line, len, &kind, &p, &why) != RC_OK)
			return RC_ERR_NOMEM;
		if (why || p.j.err)
			return reject(r, &p, why);
		p = (parse){0};
	}
	if (kind == L_OTHER)
		return reject(r, &p, "unknown schema (expected recount.document/2, recount.end/1, "
		                     "recount.document/1 or recount.claim/1)");
	draft *d = &r->line;
	draft_reset(d);
	d->first_line = r->line_no;
	size_t end_docs = 0, end_claims = 0;
	if (!parse_line(&p, d, kind, line, len, r->stats.records + r->has_pend, &end_docs,
	                &end_claims))
		return reject(r, &p, NULL);

	rc_status st = RC_OK;
	switch (kind) {
	case L_END:
		t->ends++;
		t->end_documents += end_docs;
		t->end_claims += end_claims;
		return RC_OK;
	case L_DOC2:
		if ((st = start_doc2(r, d->n_claims)) != RC_OK)
			return st;
		return finish(r, d, true);
	case L_DOC1:
		t->v1_lines++;
		t->documents++;
		if ((st = finish_pend(r)) != RC_OK)
			return st;
		return pend_start(r, true);
	default: /* L_CLAIM1 */
		if (pend_owns(r) && r->pend.rec.status == RC_DOC_SKIPPED)
			return reject(r, &p, "a claim of a skipped document");
		t->v1_lines++;
		t->claims++;
		if (!pend_owns(r)) {
			if ((st = finish_pend(r)) != RC_OK || (st = pend_start(r, false)) != RC_OK)
				return st;
		}
		return pend_add_claim(r);
	}
}

static bool blank(const char *line, size_t len)
{
	size_t k = 0;
	while (k < len && rc__is_space((unsigned char)line[k]))
		k++;
	return k == len;   /* blank lines are allowed */
}

/* The next non-blank line of the current input, as next_line gives it
 * (*line NULL for an over-long one), or *more false at its end. */
static rc_status next_nonblank(rc_record_reader *r, char **line, size_t *len, bool *more)
{
	for (;;) {
		rc_status st = next_line(r, line, len, more);
		if (st != RC_OK || !*more || !*line || !blank(*line, *len))
			return st;
	}
}

/* Lines of the current input one at a time, until one hands a record out
 * or the input ends (*more false). */
static rc_status read_in_turn(rc_record_reader *r, bool *more)
{
	*more = true;
	while (r->q_n == 0) {
		char *line;
		size_t len;
		rc_status st = next_nonblank(r, &line, &len, more);
		if (st != RC_OK || !*more)
			return st;
		if ((st = line ? read_line(r, line, len) : reject_long(r)) != RC_OK)
			return st;
	}
	return RC_OK;
}

/* ---- reading on threads ------------------------------------------------------------ */

/* The next lines of the current input into r->b (*more false when it
 * ends), each marked for a thread or for its turn. */
static rc_status fill_batch(rc_record_reader *r, bool *more)
{
	batch *b = &r->b;
	b->n = b->used = 0;
	*more = true;
	while (b->used < BATCH_BYTES && b->n < BATCH_LINES) {
		char *line;
		size_t len;
		rc_status st = next_nonblank(r, &line, &len, more);
		if (st != RC_OK || !*more)
			return st;
		if (RC_GROW(b->slots, b->cap_slots, b->n + 1) != RC_OK ||
		    RC_GROW(b->buf, b->cap, b->used + len + 1) != RC_OK)
			return RC_ERR_NOMEM;
		slot *sl = &b->slots[b->n++];
		*sl = (slot){.kind = S_LONG, .at = b->used, .len = len, .line_no = r->line_no};
		if (!line)
			continue;
		char *copy = memcpy(b->buf + b->used, line, len + 1);
		b->used += len + 1;
		size_t slen = 0;
		const char *s = find_schema(copy, len, &slen);
		sl->kind = s && kind_of(s, slen) == L_DOC2 ? S_PARALLEL : S_LINE;
	}
	return RC_OK;
}

/* Parse and build the batch's document/2 lines, taking the next from the
 * shared counter, with the draft and blocks of this thread. */
static void parse_slots(rc_record_reader *r, draft *d, rc__blockalloc *homes, rc__blockalloc *sides)
{
	batch *b = &r->b;
	for (;;) {
		size_t i = atomic_fetch_add_explicit(&b->next, 1, memory_order_relaxed);
		if (i >= b->n)
			return;
		slot *sl = &b->slots[i];
		if (sl->kind != S_PARALLEL)
			continue;
		draft_reset(d);
		d->first_line = sl->line_no;
		size_t end_docs, end_claims;
		sl->ok = parse_line(&sl->p, d, L_DOC2, b->buf + sl->at, sl->len, SEQ_UNSET, &end_docs,
		                    &end_claims);
		if (sl->ok)
			sl->st = build(r->pool, homes, sides, &r->kept, r->cur_input, d, true, &sl->rec);
	}
}

static void *parser_main(void *arg)
{
	parser *w = arg;
	parse_slots(w->r, &w->d, &w->homes, &w->sides);
	return NULL;
}

/* Parse the batch on this thread and threads - 1 others (fewer when they
 * cannot be started: this one takes what is left). */
static rc_status parse_batch(rc_record_reader *r)
{
	if (!r->parsers && !(r->parsers = calloc(r->threads - 1, sizeof *r->parsers)))
		return RC_ERR_NOMEM;
	atomic_store(&r->b.next, 0);
	unsigned started = 0;
	for (; started + 1 < r->threads; started++) {
		parser *w = &r->parsers[started];
		w->r = r;
		if (pthread_create(&w->tid, NULL, parser_main, w) != 0)
			break;
	}
	parse_slots(r, &r->line, &r->homes, &r->sides);
	for (unsigned i = 0; i < started; i++)
		pthread_join(r->parsers[i].tid, NULL);
	return RC_OK;
}

/* A document/2 line parsed ahead, in its turn. */
static rc_status take_parsed(rc_record_reader *r, slot *sl)
{
	r->t.lines++;
	r->t.last_line = r->line_no;
	rc_record *rec = sl->rec;
	sl->rec = NULL;
	if (!sl->ok)
		return reject(r, &sl->p, NULL);
	if (sl->st != RC_OK)
		return sl->st;
	rc_status st = start_doc2(r, rec->n_claims);
	if (st != RC_OK) {
		rc_record_free(rec);
		return st;
	}
	if (rec->seq == SEQ_UNSET)
		rec->seq = r->stats.records;
	return adopt(r, rec, sl->line_no);
}

/* The batch's lines in their order: counts, diagnostics and records as
 * read_in_turn would give them. */
static rc_status join_batch(rc_record_reader *r)
{
	batch *b = &r->b;
	size_t line_no = r->line_no;
	rc_status st = RC_OK;
	for (size_t i = 0; i < b->n; i++) {
		slot *sl = &b->slots[i];
		r->line_no = sl->line_no;
		if (st != RC_OK)
			rc_record_free(sl->rec);
		else if (sl->kind == S_LONG)
			st = reject_long(r);
		else if (sl->kind == S_LINE)
			st = read_line(r, b->buf + sl->at, sl->len);
		else
			st = take_parsed(r, sl);
	}
	r->line_no = line_no;
	return st;
}

static rc_status read_batch(rc_record_reader *r, bool *more)
{
	rc_status st = fill_batch(r, more);
	if (st == RC_OK)
		st = parse_batch(r);
	if (st == RC_OK)
		st = join_batch(r);
	return st;
}

void rc_record_reader_set_threads(rc_record_reader *r, unsigned n)
{
	if (!r || r->parsers)
		return;
	r->threads = n > 1 ? n : 1;
	if (r->threads > 1) {
		rc__strpool_share(r->pool);
		rc__sidetable_share(&r->kept);
	}
}

rc_status rc_record_reader_next(rc_record_reader *r, rc_record **out, rc_error *err)
{
	*out = NULL;
	if (!r)
		return rc__error_set(err, RC_ERR_INVALID, "rc_record_reader_next: no reader");
	rc_status st = RC_OK;
	for (;;) {
		if (r->q_at < r->q_n) {
			*out = r->q[r->q_at++];
			return RC_OK;
		}
		r->q_at = r->q_n = 0;
		if (!r->fp) {
			if (r->next_path >= r->n_paths)
				return RC_OK;
			bool opened;
			if ((st = open_input(r, &opened)) != RC_OK)
				goto nomem;
			continue;
		}
		bool more;
		if ((st = r->threads > 1 ? read_batch(r, &more) : read_in_turn(r, &more)) != RC_OK)
			goto nomem;
		/* the end of an input: its pending record, then its check */
		if (!more && ((st = finish_pend(r)) != RC_OK || (st = close_input(r)) != RC_OK))
			goto nomem;
	}
nomem:
	return rc__error_set(err, RC_ERR_NOMEM, "out of memory reading records");
}

/* ---- documents read twice ------------------------------------------------------- */

typedef struct copy_of {
	rc_record *rec;
	size_t at;               /* index in the caller's array */
} copy_of;

/* Identity, then content, then where it was read: the first of a run of
 * equal identities is the copy kept, whatever the order of the inputs
 * (position only breaks ties between equal copies). */
static int cmp_copy(const void *pa, const void *pb)
{
	const copy_of *x = pa, *y = pb;
	const rc_record *a = x->rec, *b = y->rec;
	int c;
	if ((c = rc__record_cmp_identity(a, b)) || (c = rc__record_cmp(a, b)) ||
	    (c = RC_CMP(a->seq, b->seq)) || (c = RC_CMP(a->priv->input, b->priv->input)))
		return c;
	return RC_CMP(a->priv->line, b->priv->line);
}

typedef struct dup_pair {
	size_t dropped_from, kept_from;
} dup_pair;

RC_CMP_FN2(cmp_pair, dup_pair, dropped_from, kept_from)

#define MAX_CONFLICT_DIAGS 20

rc_status rc_record_reader_dedup(rc_record_reader *r, rc_record **recs, size_t *n, rc_error *err)
{
	if (!r || !n || (!recs && *n))
		return rc__error_set(err, RC_ERR_INVALID, "rc_record_reader_dedup: missing argument");
	size_t m = *n;
	for (size_t i = 0; i < m; i++)
		if (!recs[i] || !recs[i]->priv || recs[i]->priv->pool != r->pool)
			return rc__error_set(err, RC_ERR_INVALID,
			                     "rc_record_reader_dedup: a record not read by this reader");
	if (m < 2)
		return RC_OK;
	copy_of *c = malloc(m * sizeof *c);
	bool *drop = calloc(m, sizeof *drop);
	dup_pair *pairs = NULL;
	size_t n_pairs = 0, cap_pairs = 0, conflicts = 0;
	const char *saved_path = r->cur_path;
	rc_status st = RC_OK;
	if (!c || !drop)
		goto nomem;
	for (size_t i = 0; i < m; i++)
		c[i] = (copy_of){recs[i], i};
	qsort(c, m, sizeof *c, cmp_copy);
	for (size_t i = 0; i < m;) {
		size_t j = i + 1;
		for (; j < m && rc__record_cmp_identity(c[i].rec, c[j].rec) == 0; j++) {
			const rc_record *kept = c[i].rec, *copy = c[j].rec;
			drop[c[j].at] = true;
			r->stats.records--;
			r->stats.claims -= copy->n_claims;
			if (rc__record_cmp(kept, copy) == 0) {
				r->stats.documents_duplicate++;
				if (RC_GROW(pairs, cap_pairs, n_pairs + 1) != RC_OK)
					goto nomem;
				pairs[n_pairs++] = (dup_pair){copy->priv->input, kept->priv->input};
				continue;
			}
			r->stats.documents_conflicting++;
			if (++conflicts > MAX_CONFLICT_DIAGS)
				continue;
			r->cur_path = r->paths[copy->priv->input];
			if ((st = reader_diag(r, RC_SEV_ERROR, RC_ERR_INVALID, copy->priv->line, 0,
			                      "document '%s' (record line %zu) was also read from %s:%zu "
			                      "with different claims or fields: only one is kept",
			                      copy->doc, copy->record_line, r->paths[kept->priv->input],
			                      kept->priv->line)) != RC_OK)
				goto nomem;
		}
		i = j;
	}
	if (conflicts > MAX_CONFLICT_DIAGS) {
		r->cur_path = NULL;
		if ((st = reader_diag(r, RC_SEV_ERROR, RC_ERR_INVALID, 0, 0,
		                      "%zu more documents read twice with different content",
		                      conflicts - MAX_CONFLICT_DIAGS)) != RC_OK)
			goto nomem;
	}
	/* one warning per pair of inputs, not per document */
	rc__qsort(pairs, n_pairs, sizeof *pairs, cmp_pair);
	for (size_t i = 0; i < n_pairs;) {
		size_t j = i;
		while (j < n_pairs && cmp_pair(&pairs[i], &pairs[j]) == 0)
			j++;
		size_t count = j - i;
		r->cur_path = r->paths[pairs[i].dropped_from];
		if (pairs[i].dropped_from == pairs[i].kept_from)
			st = reader_diag(r, RC_SEV_WARNING, RC_ERR_INVALID, 0, 0,
			                 "%zu document%s appear%s more than once in this input: each "
			                 "counted once", count, plural(count), count == 1 ? "s" : "");
		else if (strcmp(r->paths[pairs[i].dropped_from], r->paths[pairs[i].kept_from]) == 0)
			st = reader_diag(r, RC_SEV_WARNING, RC_ERR_INVALID, 0, 0,
			                 "given more than once: its %zu document%s counted once", count,
			                 count == 1 ? " is" : "s are");
		else
			st = reader_diag(r, RC_SEV_WARNING, RC_ERR_INVALID, 0, 0,
			                 "%zu document%s already read from %s (the same shard given "
			                 "twice?): each counted once", count, plural(count),
			                 r->paths[pairs[i].kept_from]);
		if (st != RC_OK)
			goto nomem;
		i = j;
	}
	size_t keep = 0;
	for (size_t i = 0; i < m; i++) {
		if (drop[i])
			rc_record_free(recs[i]);
		else
			recs[keep++] = recs[i];
	}
	*n = keep;
	r->cur_path = saved_path;
	free(c);
	free(drop);
	free(pairs);
	return RC_OK;
nomem:
	r->cur_path = saved_path;
	free(c);
	free(drop);
	free(pairs);
	return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
}

/* ---- compacting records of the map step ---------------------------------------- */

struct rc_record_store {
	rc__strpool *pool;
	rc__blockalloc homes, sides;
	rc__sidetable kept;
	draft d;
};

rc_status rc_record_store_new(rc_record_store **out, rc_error *err)
{
	*out = calloc(1, sizeof **out);
	if (!*out || !((*out)->pool = rc__strpool_new())) {
		free(*out);
		*out = NULL;
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	return RC_OK;
}

void rc_record_store_free(rc_record_store *s)
{
	if (!s)
		return;
	draft_dispose(&s->d);
	rc__strpool_seal(s->pool);   /* its records keep the strings, not the table */
	rc__strpool_unref(s->pool);
	rc__blockalloc_dispose(&s->homes);
	rc__blockalloc_dispose(&s->sides);
	rc__sidetable_dispose(&s->kept);
	free(s);
}

/* The draft of a record: its arrays gathered, its strings borrowed. */
static bool draft_of(draft *d, const rc_record *rec)
{
	draft_reset(d);
	d->rec = *rec;
	size_t n_names = 0, n_events = 0, n_cment = 0;
	for (size_t i = 0; i < rec->n_mentions; i++)
		n_names += rec->mentions[i].n_names;
	for (size_t i = 0; i < rec->n_claims; i++) {
		n_events += rec->claims[i].n_events;
		n_cment += rec->claims[i].n_mentions;
	}
	if ((rec->n_claims && (RC_GROW(d->claims, d->cap_claims, rec->n_claims) != RC_OK ||
	                       RC_GROW(d->cx, d->cap_cx, rec->n_claims) != RC_OK)) ||
	    (rec->n_mentions && (RC_GROW(d->mentions, d->cap_mentions, rec->n_mentions) != RC_OK ||
	                         RC_GROW(d->names_at, d->cap_names_at, rec->n_mentions) != RC_OK)) ||
	    (n_names && RC_GROW(d->names, d->cap_names, n_names) != RC_OK) ||
	    (n_events && RC_GROW(d->events, d->cap_events, n_events) != RC_OK) ||
	    (n_cment && RC_GROW(d->cmentions, d->cap_cmentions, n_cment) != RC_OK) ||
	    (rec->n_diags && RC_GROW(d->diags, d->cap_diags, rec->n_diags) != RC_OK))
		return false;
	for (size_t i = 0; i < rec->n_diags; i++)
		d->diags[d->n_diags++] = rec->diags[i];
	for (size_t i = 0; i < rec->n_mentions; i++) {
		const rc_mention *m = &rec->mentions[i];
		d->names_at[d->n_mentions] = d->n_names;
		for (size_t k = 0; k < m->n_names; k++)
			d->names[d->n_names++] = m->names[k];
		d->mentions[d->n_mentions++] = *m;
	}
	for (size_t i = 0; i < rec->n_claims; i++) {
		const rc_claim *c = &rec->claims[i];
		d->cx[i] = (claim_extra){.sentence = -1, .events_at = d->n_events,
		                         .mentions_at = d->n_cmentions};
		for (size_t k = 0; k < c->n_events; k++)
			d->events[d->n_events++] = c->events[k];
		for (size_t k = 0; k < c->n_mentions; k++)
			d->cmentions[d->n_cmentions++] = c->mentions[k];
		d->claims[d->n_claims++] = *c;
	}
	return true;
}

rc_status rc_record_store_compact(rc_record_store *s, rc_record **rec, rc_error *err)
{
	if (!s || !rec || !*rec)
		return rc__error_set(err, RC_ERR_INVALID, "rc_record_store_compact: missing argument");
	rc_record *old = *rec, *fresh = NULL;
	if (!draft_of(&s->d, old) || build(s->pool, &s->homes, &s->sides, &s->kept, 0, &s->d, false, &fresh) != RC_OK)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory compacting a record");
	fresh->rendered = old->rendered;
	fresh->rendered_len = old->rendered_len;
	old->rendered = NULL;
	rc_record_free(old);
	*rec = fresh;
	return RC_OK;
}
