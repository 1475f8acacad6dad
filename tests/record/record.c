/*
 * Records as JSON Lines: what rc_record_write_jsonl writes reads back into
 * an equal record, field by field; malformed lines become diagnostics with
 * path:line; a claim line without its document line still makes a record;
 * files cut short, lost lines and shards given twice are found and counted.
 * When the quantity recognizer is built, whole extracted seed articles make
 * the round trip as well.
 */
#include <math.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "support.h"
#include "record/record-json.h"
#include "record/record-priv.h"
#include <recount/pipeline.h>
#include <recount/reconcile.h>

static const char *str_or(const char *s)
{
	return s ? s : "(null)";
}

#define STR_EQ(a, b) ck_assert_msg(((a) == NULL) == ((b) == NULL) && \
                                   (!(a) || strcmp((a), (b)) == 0), \
                                   "%s: '%s' != '%s'", #a, str_or(a), str_or(b))

static void interval_eq(const rc_interval *a, const rc_interval *b)
{
	ck_assert_int_eq(a->lo_inf, b->lo_inf);
	ck_assert_int_eq(a->hi_inf, b->hi_inf);
	if (!a->lo_inf) {
		ck_assert(a->lo == b->lo);
		ck_assert_int_eq(a->lo_incl, b->lo_incl);
	}
	if (!a->hi_inf) {
		ck_assert(a->hi == b->hi);
		ck_assert_int_eq(a->hi_incl, b->hi_incl);
	}
}

static void pos_eq(const rc_pos *a, const rc_pos *b)
{
	ck_assert_uint_eq(a->start, b->start);
	ck_assert_uint_eq(a->end, b->end);
	ck_assert_uint_eq(a->line, b->line);
	ck_assert_uint_eq(a->column, b->column);
}

/* Every field of two records, claims and mentions included. */
static void record_eq(const rc_record *a, const rc_record *b)
{
	STR_EQ(a->doc, b->doc);
	STR_EQ(a->path, b->path);
	ck_assert_uint_eq(a->record_line, b->record_line);
	ck_assert_uint_eq(a->seq, b->seq);
	STR_EQ(a->source, b->source);
	STR_EQ(a->url, b->url);
	STR_EQ(a->published, b->published);
	STR_EQ(a->title, b->title);
	ck_assert_uint_eq(a->bytes, b->bytes);
	ck_assert_int_eq(a->status, b->status);
	STR_EQ(a->reason, b->reason);
	ck_assert_uint_eq(a->n_diags, b->n_diags);
	for (size_t i = 0; i < a->n_diags; i++) {
		const rc_diag *x = &a->diags[i], *y = &b->diags[i];
		ck_assert_int_eq(x->severity, y->severity);
		ck_assert_int_eq(x->status, y->status);
		STR_EQ(x->path, y->path);
		ck_assert_uint_eq(x->line, y->line);
		ck_assert_uint_eq(x->column, y->column);
		ck_assert_uint_eq(x->offset, y->offset);
		STR_EQ(x->message, y->message);
	}
	ck_assert_int_eq(a->has_signature, b->has_signature);
	if (a->has_signature)
		ck_assert_int_eq(memcmp(a->minhash, b->minhash, RC_MINHASH_K * sizeof *a->minhash), 0);
	ck_assert_uint_eq(a->n_mentions, b->n_mentions);
	for (size_t i = 0; i < a->n_mentions; i++) {
		const rc_mention *x = &a->mentions[i], *y = &b->mentions[i];
		STR_EQ(x->type, y->type);
		STR_EQ(x->noun, y->noun);
		STR_EQ(x->place, y->place);
		STR_EQ(x->date, y->date);
		ck_assert_uint_eq(x->n_names, y->n_names);
		for (size_t k = 0; k < x->n_names; k++)
			STR_EQ(x->names[k], y->names[k]);
		STR_EQ(x->key, y->key);
		STR_EQ(x->local_id, y->local_id);
		ck_assert_uint_eq(x->start, y->start);
		ck_assert_uint_eq(x->end, y->end);
		ck_assert_uint_eq(x->line, y->line);
	}
	ck_assert_uint_eq(a->n_claims, b->n_claims);
	for (size_t i = 0; i < a->n_claims; i++) {
		const rc_claim *x = &a->claims[i], *y = &b->claims[i];
		STR_EQ(x->metric, y->metric);
		STR_EQ(x->subject, y->subject);
		STR_EQ(x->trigger, y->trigger);
		ck_assert_int_eq(x->q.kind, y->q.kind);
		interval_eq(&x->q.iv, &y->q.iv);
		ck_assert(x->q.value == y->q.value);
		ck_assert_int_eq(x->q.approx, y->q.approx);
		ck_assert_int_eq(x->q.vague, y->q.vague);
		STR_EQ(x->q.qualifier, y->q.qualifier);
		ck_assert_uint_eq(x->q.start, y->q.start);
		ck_assert_uint_eq(x->q.end, y->q.end);
		ck_assert_uint_eq(x->q.num_start, y->q.num_start);
		ck_assert_uint_eq(x->q.num_end, y->q.num_end);
		STR_EQ(x->text, y->text);
		ck_assert_int_eq(x->status, y->status);
		STR_EQ(x->attribution, y->attribution);
		STR_EQ(x->quote, y->quote);
		pos_eq(&x->pos, &y->pos);
		pos_eq(&x->sentence, &y->sentence);
		ck_assert_uint_eq(x->file_line, y->file_line);
		ck_assert_int_eq(x->in_title, y->in_title);
		STR_EQ(x->part, y->part);
		ck_assert_int_eq(x->background, y->background);
		ck_assert_int_eq(x->year, y->year);
		ck_assert_int_eq(x->parent, y->parent);
		ck_assert_int_eq(x->mention, y->mention);
		ck_assert_uint_eq(x->n_mentions, y->n_mentions);
		for (size_t k = 0; k < x->n_mentions; k++)
			ck_assert_int_eq(x->mentions[k], y->mentions[k]);
		STR_EQ(x->event, y->event);
		ck_assert_uint_eq(x->n_events, y->n_events);
		for (size_t k = 0; k < x->n_events; k++)
			STR_EQ(x->events[k], y->events[k]);
	}
}

/* A record with every field set, including awkward values. */
static rc_record *sample(void)
{
	rc_record *r = rc__record_new();
	ck_assert_ptr_nonnull(r);
	rc_arena *a = rc__record_arena(r);
	r->doc = "wire-1";
	r->path = "fixtures/articles/wire.jsonl";
	r->record_line = 7;
	r->seq = 3;
	r->source = "Tehran Times";
	r->url = "https://example.org/a?b=1&c=\"2\"";
	r->published = "2024-01-06";
	r->title = "Toll revised: \xE2\x80\x9C" "84\xE2\x80\x9D dead";
	r->bytes = 4321;
	r->n_diags = 2;
	r->diags = rc__arena_calloc(a, 2, sizeof(*r->diags));
	r->diags[0] = (rc_diag){RC_SEV_WARNING, RC_ERR_ENCODING, "fixtures/articles/wire.jsonl", 7,
	                        12, 99, "invalid UTF-8 replaced"};
	r->diags[1] = (rc_diag){RC_SEV_NOTE, RC_ERR_LIMIT, NULL, 0, 0, (size_t)-1, "a note"};
	r->has_signature = true;
	uint32_t *sig = rc__arena_alloc(a, RC_MINHASH_K * sizeof *sig);
	for (size_t i = 0; i < RC_MINHASH_K; i++)
		sig[i] = (uint32_t)(i * 2654435761u);
	r->minhash = sig;
	r->n_mentions = 2;
	r->mentions = rc__arena_calloc(a, 2, sizeof(*r->mentions));
	static const char *names[] = {"Qassem Soleimani", "Kerman"};
	r->mentions[0] = (rc_mention){"bombing", "twin blasts", "Kerman", "2024-01-03", names, 2,
	                              NULL, "kerman-2024-01-03-bombing", 10, 21, 1};
	r->mentions[1] = (rc_mention){"arrest", "arrests", NULL, NULL, NULL, 0, "qom-arrests",
	                              "unknown-arrest", 300, 307, 4};
	r->n_claims = 3;
	r->claims = rc__arena_calloc(a, 3, sizeof(*r->claims));
	rc_claim *c = r->claims;
	c[0].metric = "killed";
	c[0].subject = "people";
	c[0].trigger = "death toll";
	c[0].q = (rc_quantity){.kind = RC_QK_COUNT, .iv = {84, 84, true, true, false, false},
	                       .value = 84, .start = 40, .end = 42, .num_start = 40, .num_end = 42};
	c[0].text = "84";
	c[0].status = RC_CLAIM_CURRENT;
	c[0].attribution = "Iran's Intelligence Ministry";
	c[0].quote = "The toll was revised down to 84 from 103, the ministry said.";
	c[0].pos = (rc_pos){40, 42, 2, 31};
	c[0].sentence = (rc_pos){10, 70, 2, 1};
	c[0].file_line = 7;
	c[0].parent = -1;
	c[0].mention = 0;
	c[0].event = "kerman-2024-01-03-bombing";
	c[1] = c[0];
	c[1].q = (rc_quantity){.kind = RC_QK_COUNT, .iv = {90, 0, false, false, false, true},
	                       .value = 90, .approx = false, .qualifier = "over",
	                       .start = 50, .end = 57, .num_start = 55, .num_end = 57};
	c[1].text = "over 90";
	c[1].status = RC_CLAIM_SUPERSEDED;
	c[1].subject = NULL;
	c[1].attribution = NULL;
	c[1].parent = 0;
	c[1].part = "US troops";
	c[1].background = true;
	c[1].year = 2011;
	c[1].pos = (rc_pos){50, 57, 2, 41};
	c[2] = c[0];
	c[2].q = (rc_quantity){.kind = RC_QK_COUNT, .iv = {0, 100, true, false, false, false},
	                       .value = 100, .approx = true, .qualifier = "nearly",
	                       .start = 80, .end = 91, .num_start = 87, .num_end = 91};
	c[2].q.iv.lo = 90.5;   /* a real, to check number round trips */
	c[2].text = "nearly 100";
	c[2].pos = (rc_pos){80, 91, 2, 71};
	/* a part of an earlier event's total, read back whole */
	c[1].part = "children";
	c[1].background = true;
	c[1].year = 1986;
	/* in the title: line 0, offsets after the text */
	c[2].in_title = true;
	c[2].pos = (rc_pos){4400, 4411, 0, 5};
	c[2].sentence = (rc_pos){4396, 4420, 0, 1};
	c[2].q.start = 4400;
	c[2].q.end = 4411;
	c[2].q.num_start = 4407;
	c[2].q.num_end = 4411;
	c[2].status = RC_CLAIM_AGGREGATE;
	c[2].mention = -1;
	c[2].n_mentions = 2;
	c[2].mentions = rc__arena_calloc(a, 2, sizeof(long));
	c[2].mentions[0] = 0;
	c[2].mentions[1] = 1;
	c[2].n_events = 2;
	c[2].events = rc__arena_calloc(a, 2, sizeof(char *));
	c[2].events[0] = "kerman-2024-01-03-bombing";
	c[2].events[1] = "moscow-2024-03-22-shooting";
	c[2].event = NULL;
	return r;
}

static char *tmp_path(void)
{
	static char path[64];
	snprintf(path, sizeof(path), "/tmp/rc-record-test-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	return path;
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	fclose(fp);
}

START_TEST(round_trip_every_field)
{
	rc_record *a = sample();
	rc_record *skipped = rc__record_new();
	skipped->doc = "bad";
	skipped->path = "in.jsonl";
	skipped->record_line = 9;
	skipped->seq = 4;
	skipped->status = RC_DOC_SKIPPED;
	skipped->reason = "not JSON";
	const char *path = tmp_path();
	FILE *fp = fopen(path, "w");
	rc_error err;
	ck_assert_int_eq(rc_record_write_jsonl(fp, a, true, &err), RC_OK);
	ck_assert_int_eq(rc_record_write_jsonl(fp, skipped, true, &err), RC_OK);
	ck_assert_int_eq(rc_record_write_end(fp, 2, a->n_claims, &err), RC_OK);
	fclose(fp);

	rc_record_reader *r;
	ck_assert_int_eq(rc_record_reader_new(&r, &path, 1, &err), RC_OK);
	rc_record *b = NULL, *c = NULL, *d = NULL;
	ck_assert_int_eq(rc_record_reader_next(r, &b, &err), RC_OK);
	ck_assert_int_eq(rc_record_reader_next(r, &c, &err), RC_OK);
	ck_assert_int_eq(rc_record_reader_next(r, &d, &err), RC_OK);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_null(d);
	record_eq(a, b);
	record_eq(skipped, c);
	size_t nd;
	rc_record_reader_diags(r, &nd);
	ck_assert_uint_eq(nd, 0);
	/* every byte of the file was read, newlines included */
	struct stat sb;
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_uint_eq(rc_record_reader_bytes(r), (size_t)sb.st_size);
	rc_record_reader_free(r);
	rc_record_free(a);
	rc_record_free(b);
	rc_record_free(c);
	rc_record_free(skipped);
	unlink(path);
}
END_TEST

START_TEST(claims_without_document_line)
{
	/* --claims-only output: each document's claims still make a record. */
	rc_record *a = sample();
	const char *path = tmp_path();
	FILE *fp = fopen(path, "w");
	ck_assert_int_eq(rc_record_write_jsonl(fp, a, false, NULL), RC_OK);
	fclose(fp);
	rc_record_reader *r;
	ck_assert_int_eq(rc_record_reader_new(&r, &path, 1, NULL), RC_OK);
	rc_record *b = NULL, *end = NULL;
	ck_assert_int_eq(rc_record_reader_next(r, &b, NULL), RC_OK);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(rc_record_reader_next(r, &end, NULL), RC_OK);
	ck_assert_ptr_null(end);
	ck_assert_str_eq(b->doc, "wire-1");
	ck_assert_str_eq(b->source, "Tehran Times");
	ck_assert_str_eq(b->published, "2024-01-06");
	ck_assert_uint_eq(b->record_line, 7);
	ck_assert_uint_eq(b->n_claims, 3);
	ck_assert_int_eq(b->status, RC_DOC_OK);
	ck_assert(!b->has_signature);
	/* Mentions were on the document line: indices into them are reset. */
	ck_assert_int_eq(b->claims[0].mention, -1);
	ck_assert_uint_eq(b->claims[2].n_mentions, 0);
	ck_assert_str_eq(b->claims[0].event, "kerman-2024-01-03-bombing");
	ck_assert_int_eq(b->claims[1].parent, 0);
	rc_record_reader_free(r);
	rc_record_free(a);
	rc_record_free(b);
	unlink(path);
}
END_TEST

START_TEST(malformed_lines_are_diagnostics)
{
	const char *path = tmp_path();
	write_file(path,
	           "{\"schema\": \"recount.document/1\", \"doc\": \"a\", \"status\": \"ok\"}\n"
	           "not json\n"
	           "[1, 2]\n"
	           "\n"
	           "{\"schema\": \"recount.claim/1\", \"doc\": \"a\", \"metric\": \"killed\", "
	           "\"start\": 3, \"end\": 5, \"lo\": 5, \"hi\": 5, \"text\": \"5\"}\n"
	           "{\"schema\": \"recount.claim/1\", \"doc\": \"a\", \"metric\": 7}\n"
	           "{\"schema\": \"recount.claim/1\", \"doc\": \"a\", \"metric\": \"killed\", "
	           "\"lo\": 9, \"hi\": 2}\n"
	           "{\"schema\": \"other/1\"}\n"
	           "{\"doc\": \"a\"}\n"
	           "{\"schema\": \"recount.claim/1\", \"doc\": \"a\", \"metric\": \"killed\", "
	           "\"parent\": 40, \"status\": \"current\"}\r\n"
	           "{\"schema\": \"recount.document/1\", \"doc\": \"b\", \"signature\": \"xyz\"}\n"
	           "{\"schema\": \"recount.claim/1\", \"doc\": \"c\", \"metric\": \"injured\"}\n");
	rc_record_reader *r;
	ck_assert_int_eq(rc_record_reader_new(&r, &path, 1, NULL), RC_OK);
	rc_record *a = NULL, *c = NULL, *end = NULL;
	ck_assert_int_eq(rc_record_reader_next(r, &a, NULL), RC_OK);
	ck_assert_int_eq(rc_record_reader_next(r, &c, NULL), RC_OK);
	ck_assert_int_eq(rc_record_reader_next(r, &end, NULL), RC_OK);
	ck_assert_ptr_null(end);
	ck_assert_str_eq(a->doc, "a");
	ck_assert_uint_eq(a->n_claims, 2);
	ck_assert_int_eq(a->claims[1].parent, -1);   /* out of range: reset */
	ck_assert_str_eq(c->doc, "c");
	ck_assert_uint_eq(c->n_claims, 1);
	size_t n;
	const rc_diag *d = rc_record_reader_diags(r, &n);
	/* Lines 2, 3, 6, 7, 8, 9 and 11 are bad; the parent reset is a warning
	 * about the record starting on line 1, given when the record is done. */
	size_t want[] = {2, 3, 6, 7, 8, 9, 11, 1};
	ck_assert_uint_eq(n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < n; i++) {
		ck_assert_str_eq(d[i].path, path);
		ck_assert_uint_eq(d[i].line, want[i]);
		ck_assert(d[i].message && *d[i].message);
	}
	ck_assert_ptr_nonnull(strstr(d[2].message, "metric"));
	rc_record_reader_free(r);
	rc_record_free(a);
	rc_record_free(c);
	unlink(path);
}
END_TEST

/* The claim's mention index and the mention's offsets are narrow
 * (rc_claim.mention 16-bit, rc_mention.start 32-bit): a line with a larger
 * one is rejected, never stored modulo 2^16 or 2^32. */
START_TEST(narrow_fields_are_checked)
{
	const char *path = tmp_path();
	write_file(path,
	           "{\"schema\": \"recount.document/1\", \"doc\": \"a\", \"status\": \"ok\"}\n"
	           "{\"schema\": \"recount.claim/1\", \"doc\": \"a\", \"metric\": \"killed\", "
	           "\"mention\": 40000}\n"
	           "{\"schema\": \"recount.document/2\", \"doc\": \"b\", \"status\": \"ok\", "
	           "\"mentions\": [{\"type\": \"bombing\", \"start\": 5000000000, \"end\": 5000000001, "
	           "\"line\": 1}], \"n_claims\": 0, \"sentences\": [], \"claims\": []}\n"
	           "{\"schema\": \"recount.document/2\", \"doc\": \"c\", \"status\": \"ok\", "
	           "\"mentions\": [{\"type\": \"bombing\", \"start\": 5, \"end\": 9, \"line\": 2}], "
	           "\"n_claims\": 0, \"sentences\": [], \"claims\": []}\n");
	rc_record_reader *r;
	ck_assert_int_eq(rc_record_reader_new(&r, &path, 1, NULL), RC_OK);
	rc_record *a = NULL, *c = NULL, *end = NULL;
	ck_assert_int_eq(rc_record_reader_next(r, &a, NULL), RC_OK);
	ck_assert_int_eq(rc_record_reader_next(r, &c, NULL), RC_OK);
	ck_assert_int_eq(rc_record_reader_next(r, &end, NULL), RC_OK);
	ck_assert_ptr_null(end);
	ck_assert_str_eq(a->doc, "a");
	ck_assert_uint_eq(a->n_claims, 0);
	ck_assert_str_eq(c->doc, "c");
	ck_assert_uint_eq(c->n_mentions, 1);
	ck_assert_uint_eq(c->mentions[0].start, 5);
	ck_assert_uint_eq(c->mentions[0].end, 9);
	ck_assert_uint_eq(c->mentions[0].line, 2);
	size_t n;
	const rc_diag *d = rc_record_reader_diags(r, &n);
	ck_assert_uint_ge(n, 2);
	ck_assert_uint_eq(d[0].line, 2);
	ck_assert_ptr_nonnull(strstr(d[0].message, "mention"));
	ck_assert_uint_eq(d[1].line, 3);
	ck_assert_ptr_nonnull(strstr(d[1].message, "32-bit"));
	rc_record_reader_free(r);
	rc_record_free(a);
	rc_record_free(c);
	unlink(path);
}
END_TEST

START_TEST(missing_files_are_diagnostics)
{
	const char *paths[] = {"/nonexistent/claims.jsonl"};
	rc_record_reader *r;
	ck_assert_int_eq(rc_record_reader_new(&r, paths, 1, NULL), RC_OK);
	rc_record *rec = NULL;
	ck_assert_int_eq(rc_record_reader_next(r, &rec, NULL), RC_OK);
	ck_assert_ptr_null(rec);
	size_t n;
	const rc_diag *d = rc_record_reader_diags(r, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(d[0].status, RC_ERR_IO);
	rc_record_reader_free(r);
}
END_TEST

/* Extract every seed, write, read back: equal records.  Needs the
 * quantity recognizer; skipped while it is a placeholder. */
START_TEST(round_trip_extracted_seeds)
{
	rc_extractor *ex = NULL;
	rc_error err;
	if (rc_extractor_new(&ex, NULL, &err) == RC_ERR_UNSUPPORTED)
		return;
	ck_assert_msg(ex != NULL, "%s", err.message);
	const char *inputs[] = {rc_test_fixture("seeds"), rc_test_fixture("articles")};
	rc_reader *rd;
	rc_ingest_options io = RC_INGEST_OPTIONS_INIT;
	ck_assert_int_eq(rc_reader_new(&rd, &io, inputs, 2, &err), RC_OK);
	rc_record *recs[64];
	size_t n = 0;
	const char *path = tmp_path();
	FILE *fp = fopen(path, "w");
	for (;;) {
		rc_document *doc = NULL;
		ck_assert_int_eq(rc_reader_next(rd, &doc, &err), RC_OK);
		if (!doc)
			break;
		ck_assert_uint_lt(n, 64);
		ck_assert_int_eq(rc_record_extract(&recs[n], ex, doc, &err), RC_OK);
		rc_document_free(doc);
		ck_assert_int_eq(rc_record_write_jsonl(fp, recs[n], true, &err), RC_OK);
		n++;
	}
	size_t claims = 0;
	for (size_t i = 0; i < n; i++)
		claims += recs[i]->n_claims;
	ck_assert_int_eq(rc_record_write_end(fp, n, claims, &err), RC_OK);
	fclose(fp);
	rc_reader_free(rd);
	ck_assert_uint_ge(n, 5);
	rc_record_reader *r;
	ck_assert_int_eq(rc_record_reader_new(&r, &path, 1, &err), RC_OK);
	size_t total = 0;
	for (size_t i = 0; i < n; i++) {
		rc_record *b = NULL;
		ck_assert_int_eq(rc_record_reader_next(r, &b, &err), RC_OK);
		ck_assert_ptr_nonnull(b);
		record_eq(recs[i], b);
		total += b->n_claims;
		rc_record_free(b);
		rc_record_free(recs[i]);
	}
	ck_assert_uint_gt(total, 10);
	rc_record *end = NULL;
	ck_assert_int_eq(rc_record_reader_next(r, &end, &err), RC_OK);
	ck_assert_ptr_null(end);
	size_t nd;
	rc_record_reader_diags(r, &nd);
	ck_assert_uint_eq(nd, 0);
	ck_assert(rc_record_stats_complete(rc_record_reader_stats(r)));
	rc_record_reader_free(r);
	rc_extractor_free(ex);
	unlink(path);
}
END_TEST


/* A record compacted into a store is equal to the original, field by
 * field; repeated strings are shared between records; the records outlive
 * the store. */
START_TEST(compacted_records_are_equal)
{
	rc_error err;
	rc_record_store *store;
	ck_assert_int_eq(rc_record_store_new(&store, &err), RC_OK);
	rc_record *a = sample(), *b = sample(), *c = sample();
	b->rendered = strdup("rendered bytes");
	b->rendered_len = 14;
	ck_assert_int_eq(rc_record_store_compact(store, &b, &err), RC_OK);
	ck_assert_int_eq(rc_record_store_compact(store, &c, &err), RC_OK);
	record_eq(a, b);
	record_eq(a, c);
	ck_assert_ptr_null(rc__record_arena(b));
	ck_assert_str_eq(b->rendered, "rendered bytes");
	/* interned: one copy of each repeated string for both records */
	ck_assert_ptr_eq(b->source, c->source);
	ck_assert_ptr_eq(b->claims[0].event, c->claims[2].events[0]);
	ck_assert_ptr_eq(b->claims[0].metric, c->claims[1].metric);
	/* claims of one sentence share its quote */
	ck_assert_ptr_eq(b->claims[0].quote, b->claims[1].quote);
	rc_record_store_free(store);
	record_eq(a, b);
	rc_record_free(a);
	rc_record_free(b);
	rc_record_free(c);

	/* whole extracted articles */
	rc_extractor *ex = NULL;
	if (rc_extractor_new(&ex, NULL, &err) == RC_ERR_UNSUPPORTED)
		return;
	ck_assert_int_eq(rc_record_store_new(&store, &err), RC_OK);
	const char *inputs[] = {rc_test_fixture("seeds")};
	rc_reader *rd;
	rc_ingest_options io = RC_INGEST_OPTIONS_INIT;
	ck_assert_int_eq(rc_reader_new(&rd, &io, inputs, 1, &err), RC_OK);
	size_t claims = 0;
	for (;;) {
		rc_document *doc = NULL;
		ck_assert_int_eq(rc_reader_next(rd, &doc, &err), RC_OK);
		if (!doc)
			break;
		rc_record *x, *y;
		ck_assert_int_eq(rc_record_extract(&x, ex, doc, &err), RC_OK);
		ck_assert_int_eq(rc_record_extract(&y, ex, doc, &err), RC_OK);
		ck_assert_int_eq(rc_record_store_compact(store, &y, &err), RC_OK);
		record_eq(x, y);
		claims += y->n_claims;
		rc_record_free(x);
		rc_record_free(y);
		rc_document_free(doc);
	}
	ck_assert_uint_gt(claims, 10);
	rc_reader_free(rd);
	rc_record_store_free(store);
	rc_extractor_free(ex);
}
END_TEST

/* What only the event merge reads of compacted records (signatures,
 * mentions) is packed in shared side blocks apart from the records;
 * dropping one record's frees nothing another record still reads, a block
 * outlives its store while a record holds data in it, and rc_reconcile()
 * drops them from the records it owns. */
START_TEST(merge_data_is_dropped)
{
	rc_error err;
	rc_record_store *store;
	ck_assert_int_eq(rc_record_store_new(&store, &err), RC_OK);
	/* more than one block's worth (about 440 bytes each) */
	size_t n = RC__BLOCK / 256 + 3;
	rc_record **recs = calloc(n, sizeof *recs);
	uint32_t want[RC_MINHASH_K];
	for (size_t i = 0; i < n; i++) {
		recs[i] = sample();
		uint32_t *sig = rc__arena_alloc(rc__record_arena(recs[i]), sizeof want);
		for (size_t k = 0; k < RC_MINHASH_K; k++)
			sig[k] = (uint32_t)(i * 31 + k);
		recs[i]->minhash = sig;
		ck_assert_int_eq(rc_record_store_compact(store, &recs[i], &err), RC_OK);
		ck_assert_ptr_null(rc__record_arena(recs[i]));
	}
	/* consecutive records share a block, and their side data another
	 * (with RC_ARENA_MALLOC each has its own, for the sanitizers) */
	if (getenv("RC_ARENA_MALLOC")) {
		ck_assert_ptr_ne(recs[0]->priv->side, recs[1]->priv->side);
		ck_assert_ptr_ne(recs[0]->priv->home, recs[1]->priv->home);
	} else {
		ck_assert_ptr_eq(recs[0]->priv->side, recs[1]->priv->side);
		ck_assert_ptr_eq(recs[0]->priv->home, recs[1]->priv->home);
	}
	ck_assert_ptr_ne(recs[0]->priv->side, recs[n - 1]->priv->side);
	ck_assert_ptr_ne(recs[0]->priv->home, recs[0]->priv->side);
	/* drop every other record's, then free the store */
	rc_record *ref = sample();
	for (size_t i = 0; i < n; i += 2) {
		rc_record_drop_merge_data(recs[i]);
		ck_assert(!recs[i]->has_signature);
		ck_assert_ptr_null(recs[i]->minhash);
		ck_assert_ptr_null(recs[i]->mentions);
		ck_assert_uint_eq(recs[i]->n_mentions, 0);
		ck_assert_uint_eq(recs[i]->n_claims, ref->n_claims);
		ck_assert_str_eq(recs[i]->claims[1].quote, ref->claims[1].quote);
		rc_record_drop_merge_data(recs[i]); /* twice: nothing more */
	}
	rc_record_store_free(store);
	for (size_t i = 1; i < n; i += 2) {
		for (size_t k = 0; k < RC_MINHASH_K; k++)
			want[k] = (uint32_t)(i * 31 + k);
		ck_assert(recs[i]->has_signature);
		ck_assert_int_eq(memcmp(recs[i]->minhash, want, sizeof want), 0);
		ck_assert_uint_eq(recs[i]->n_mentions, ref->n_mentions);
		ck_assert_str_eq(recs[i]->mentions[1].type, ref->mentions[1].type);
		ck_assert_str_eq(recs[i]->mentions[0].names[1], ref->mentions[0].names[1]);
	}
	/* a block goes with the last record holding data in it, dropped or freed */
	for (size_t i = 1; i < n - 3; i += 2)
		rc_record_drop_merge_data(recs[i]);
	for (size_t i = 0; i < n - 3; i++)
		rc_record_free(recs[i]);
	rc_record_drop_merge_data(NULL);

	/* the reduce drops what it has used; everything else stays */
	rc_result *res = NULL;
	ck_assert_int_eq(rc_reconcile(&res, recs + n - 3, 3, NULL, &err), RC_OK);
	ck_assert_uint_eq(res->n_records, 3);
	for (size_t i = 0; i < 3; i++) {
		ck_assert(!res->records[i]->has_signature);
		ck_assert_ptr_null(res->records[i]->minhash);
		ck_assert_uint_eq(res->records[i]->n_mentions, 0);
		ck_assert_uint_eq(res->records[i]->n_claims, 3);
	}
	ck_assert_uint_gt(res->n_events, 0);
	rc_result_free(res);
	free(recs);

	/* a record of the map step keeps them in its arena */
	rc_record_drop_merge_data(ref);
	ck_assert(!ref->has_signature);
	ck_assert_ptr_null(ref->minhash);
	ck_assert_ptr_null(ref->mentions);
	rc_record_free(ref);
}
END_TEST

/* Records hold every claim of a batch through the reduce: the claim and
 * quantity structs keep 32-bit offsets, lines and indices and their small
 * fields together, with no padding to spare (LP64). */
START_TEST(claim_structs_are_packed)
{
	if (sizeof(void *) != 8)
		return;
	ck_assert_uint_eq(sizeof(rc_quantity), 64);
	ck_assert_uint_eq(sizeof(rc_claim), 200);
	ck_assert_uint_eq(sizeof(rc_mention), 80);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("record");
	TCase *tc = tcase_create("record");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, round_trip_every_field);
	tcase_add_test(tc, claims_without_document_line);
	tcase_add_test(tc, malformed_lines_are_diagnostics);
	tcase_add_test(tc, narrow_fields_are_checked);
	tcase_add_test(tc, missing_files_are_diagnostics);
	tcase_add_test(tc, round_trip_extracted_seeds);
	tcase_add_test(tc, compacted_records_are_equal);
	tcase_add_test(tc, merge_data_is_dropped);
	tcase_add_test(tc, claim_structs_are_packed);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
