/*
 * Hostile claims JSON Lines for the reader of `recount reconcile`
 * (rc_record_reader): wrongly typed and deeply nested lines, numbers
 * beyond int64 and double, indices that point outside the record, a
 * directory or an unreadable file given as the claims file.  Bad lines
 * become diagnostics with their line; accepted records keep every index
 * inside the record, so reconcile can follow them blindly.  Also: extreme
 * figures written by rc_record_write_jsonl are valid JSON and read back;
 * a claims file cut at any byte, or missing any one line, is never taken
 * for a whole one (issue 18); a shard read twice is counted once; the
 * reader on threads reads exactly what it reads on one.
 */
#define _GNU_SOURCE
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util.h"
#include "../../fuzz/common.h"
#include "record/record-priv.h"

typedef struct read_result {
	rc_record **recs;
	size_t n, cap;
	rc_diag *diags;   /* copies; messages not kept */
	size_t n_diags;
	rc_status st_new;
	rc_error err;
} read_result;

static void read_records(read_result *out, const char *path)
{
	memset(out, 0, sizeof(*out));
	rc_record_reader *rr = NULL;
	out->st_new = rc_record_reader_new(&rr, &path, 1, &out->err);
	if (out->st_new != RC_OK)
		return;
	for (;;) {
		rc_record *rec = NULL;
		rc_error err;
		rc_status st = rc_record_reader_next(rr, &rec, &err);
		ck_assert_msg(st == RC_OK, "rc_record_reader_next: %s", err.message);
		if (!rec)
			break;
		rc_fuzz_check_record(rec, (size_t)-1);
		ck_assert_int_eq(RC_GROW(out->recs, out->cap, out->n + 1), RC_OK);
		out->recs[out->n++] = rec;
	}
	size_t n = 0;
	const rc_diag *d = rc_record_reader_diags(rr, &n);
	out->diags = calloc(n + 1, sizeof(*out->diags));
	ck_assert_ptr_nonnull(out->diags);
	for (size_t i = 0; i < n; i++) {
		ck_assert_ptr_nonnull(d[i].message);
		ck_assert_ptr_nonnull(d[i].path);
		ck_assert_str_eq(d[i].path, path);
		out->diags[i] = d[i];
		out->diags[i].message = NULL;
		out->diags[i].path = NULL;
	}
	out->n_diags = n;
	rc_record_reader_free(rr);
}

static void read_result_dispose(read_result *r)
{
	for (size_t i = 0; i < r->n; i++)
		rc_record_free(r->recs[i]);
	free(r->recs);
	free(r->diags);
}

static bool has_diag_on(const read_result *r, size_t line)
{
	for (size_t i = 0; i < r->n_diags; i++)
		if (r->diags[i].line == line)
			return true;
	return false;
}

#define DOC(id) "{\"schema\": \"recount.document/1\", \"doc\": \"" id "\"}\n"
#define CLAIM(rest) "{\"schema\": \"recount.claim/1\", \"doc\": \"d\", \"metric\": \"killed\", " rest "}\n"

/*
 * A record made by hand, as the map phase would make it: one claim with
 * the figure, interval and positions given.  Everything hangs off the
 * record's arena.
 */
static rc_record *make_record(const char *doc, double lo, double hi, bool hi_inf, double value)
{
	rc_record *rec = rc__record_new();
	ck_assert_ptr_nonnull(rec);
	rc_arena *a = rc__record_arena(rec);
	rec->doc = rc__arena_strdup(a, doc);
	rec->path = "hand.txt";
	rec->bytes = 40;
	rec->claims = rc__arena_calloc(a, 1, sizeof(rc_claim));
	rec->n_claims = 1;
	rc_claim *c = &rec->claims[0];
	c->metric = "killed";
	c->subject = "people";
	c->text = "5";
	c->quote = "Gunmen killed 5 people.";
	c->q.kind = RC_QK_COUNT;
	c->q.iv = (rc_interval){.lo = lo, .hi = hi, .lo_incl = true, .hi_incl = !hi_inf,
	                        .hi_inf = hi_inf};
	c->q.value = value;
	c->q.start = c->q.num_start = 14;
	c->q.end = c->q.num_end = 15;
	c->pos = (rc_pos){.start = 14, .end = 15, .line = 1, .column = 15};
	c->sentence = (rc_pos){.start = 0, .end = 23, .line = 1, .column = 1};
	c->file_line = 1;
	c->parent = -1;
	c->mention = -1;
	return rec;
}

/* The record as JSON Lines, with its end line (malloc'd). */
static char *to_jsonl(const rc_record *rec, size_t *len)
{
	char *buf = NULL;
	size_t n = 0;
	rc_error err;
	FILE *fp = open_memstream(&buf, &n);
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(rc_record_write_jsonl(fp, rec, true, &err), RC_OK);
	ck_assert_int_eq(rc_record_write_end(fp, 1, rec->n_claims, &err), RC_OK);
	ck_assert_int_eq(fclose(fp), 0);
	if (len)
		*len = n;
	return buf;
}

static char *real_record(void)
{
	rc_record *rec = make_record("hand", 5, 5, false, 5);
	char *buf = to_jsonl(rec, NULL);
	rc_record_free(rec);
	return buf;
}

START_TEST(hostile_claim_lines)
{
	char *good = real_record();
	char *digits = rb_repeat("9", 10000);
	char *deep = rb_repeat("[", 50000);
	char *text = NULL;
	ck_assert_int_ge(asprintf(&text,
		"%s"                                                       /* 1, 2: real */
		DOC("d")                                                   /* 3 */
		CLAIM("\"lo\": %s, \"hi\": %s")                            /* 4: 10000 digits */
		CLAIM("\"lo\": 1e400, \"hi\": 1e400")                      /* 5: beyond double */
		CLAIM("\"lo\": NaN, \"hi\": Infinity")                     /* 6: not JSON */
		CLAIM("\"lo\": \"five\", \"hi\": [5]")                     /* 7: wrong types */
		"{\"schema\": \"recount.claim/1\", \"doc\": 7, \"metric\": {}}\n" /* 8 */
		"%s\n"                                                     /* 9: nested */
		CLAIM("\"lo\": 9, \"hi\": 2, \"start\": 90, \"end\": 3")   /* 10: reversed */
		CLAIM("\"lo\": 1, \"hi\": 1, \"parent\": 999, \"mention\": -7") /* 11 */
		"{\"schema\": \"recount.claim/999\"}\n"                    /* 12 */
		"[1, 2, 3]\n"                                              /* 13 */
		CLAIM("\"lo\": 1, \"hi\": 1, \"status\": \"nonsense\"")    /* 14 */
		"{\"schema\": \"recount.claim/1\", \"doc\": \"d\", \"lo\": 1\n" /* 15: cut */
		DOC("e")                                                   /* 16 */
		CLAIM("\"lo\": 18446744073709551616, \"hi\": 1.7976931348623157e308"), /* 17 */
		good, digits, digits, deep), 0);
	char *dir = rb_tmpdir();
	char *p = rb_write_str(dir, "claims.jsonl", text);
	read_result r;
	read_records(&r, p);
	ck_assert_int_eq(r.st_new, RC_OK);
	/* Lines that cannot be claims at all are diagnostics, on their line. */
	static const size_t bad[] = {4, 5, 6, 7, 9, 13, 15};
	for (size_t i = 0; i < RC_ARRAY_LEN(bad); i++)
		ck_assert_msg(has_diag_on(&r, bad[i]), "no diagnostic for line %zu", bad[i]);
	ck_assert_msg(!has_diag_on(&r, 1) && !has_diag_on(&r, 2), "a line recount wrote was refused");
	ck_assert_uint_ge(r.n, 1);
	ck_assert_str_eq(r.recs[0]->doc, "hand");
	ck_assert_uint_eq(r.recs[0]->n_claims, 1);
	read_result_dispose(&r);
	free(p);
	rb_rmtree(dir);
	free(text);
	free(deep);
	free(digits);
	free(good);
}
END_TEST

START_TEST(not_a_claims_file)
{
	char *dir = rb_tmpdir();
	char *loop = rb_path(dir, "loop.jsonl");
	ck_assert_int_eq(symlink("loop.jsonl", loop), 0);
	char *gone = rb_path(dir, "gone.jsonl");
	char *binary = rb_write(dir, "bin.jsonl", "\x7f" "ELF\0\0\0\x01\xff\xfe", 10);
	const char *paths[] = {dir, loop, gone, binary, "/proc/self/mem"};
	for (size_t i = 0; i < RC_ARRAY_LEN(paths); i++) {
		read_result r;
		read_records(&r, paths[i]);
		if (r.st_new != RC_OK) {
			/* Refused up front: the error names the file. */
			ck_assert(strstr(r.err.path, paths[i]) || strstr(r.err.message, paths[i]));
		} else {
			/* Or read: then the trouble is a diagnostic, not a record. */
			ck_assert_uint_eq(r.n, 0);
			ck_assert_uint_ge(r.n_diags, 1);
		}
		read_result_dispose(&r);
	}
	free(loop);
	free(gone);
	free(binary);
	rb_rmtree(dir);
}
END_TEST

/* Figures at and past the ends of double: what is written is strict
 * JSON (no NaN or Infinity token) and reads back. */
START_TEST(extreme_figures_round_trip)
{
	static const struct {
		double lo, hi, value;
		bool hi_inf;
	} cases[] = {
		{1.7976931348623157e308, 1.7976931348623157e308, 1.7976931348623157e308, false},
		{1.8446744073709552e19, 1.8446744073709552e19, 1.8446744073709552e19, false},
		{9007199254740993.0, 9007199254740993.0, 9007199254740993.0, false},
		{1e300, 0, INFINITY, true},
		{4.9e-324, 1e-300, 4.9e-324, false},
		{0, 0, NAN, false},
	};
	char *dir = rb_tmpdir();
	for (size_t i = 0; i < RC_ARRAY_LEN(cases); i++) {
		rc_record *rec = make_record("extreme", cases[i].lo, cases[i].hi, cases[i].hi_inf,
		                             cases[i].value);
		size_t len;
		char *buf = to_jsonl(rec, &len);
		size_t lines = 0;
		for (char *line = buf, *nl; *line; line = nl + 1) {
			nl = strchr(line, '\n');
			ck_assert_ptr_nonnull(nl);
			json_error_t je;
			json_t *v = json_loadb(line, (size_t)(nl - line), 0, &je);
			ck_assert_msg(v != NULL, "case %zu line %zu is not JSON: %s", i, lines + 1,
			              je.text);
			json_decref(v);
			lines++;
		}
		ck_assert_uint_eq(lines, 2);   /* the document line and the end line */
		char *p = rb_write(dir, "claims.jsonl", buf, len);
		read_result r;
		read_records(&r, p);
		ck_assert_uint_eq(r.n_diags, 0);
		ck_assert_uint_eq(r.n, 1);
		ck_assert_uint_eq(r.recs[0]->n_claims, 1);
		const rc_interval *iv = &r.recs[0]->claims[0].q.iv;
		ck_assert(iv->lo == cases[i].lo);
		ck_assert(iv->hi_inf == cases[i].hi_inf);
		if (!cases[i].hi_inf)
			ck_assert(iv->hi == cases[i].hi);
		read_result_dispose(&r);
		free(p);
		free(buf);
		rc_record_free(rec);
	}
	rb_rmtree(dir);
}
END_TEST


/* A claims file as recount extract writes it: documents of several claims,
 * then the end line (malloc'd, *len bytes). */
static char *claims_file(size_t docs, size_t *len, size_t *claims)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&buf, &n);
	ck_assert_ptr_nonnull(fp);
	rc_error err;
	*claims = 0;
	for (size_t i = 0; i < docs; i++) {
		char id[32];
		snprintf(id, sizeof id, "doc-%zu", i);
		rc_record *rec = make_record(id, (double)i, (double)i + 3, false, (double)i);
		ck_assert_int_eq(rc_record_write_jsonl(fp, rec, true, &err), RC_OK);
		*claims += rec->n_claims;
		rc_record_free(rec);
	}
	ck_assert_int_eq(rc_record_write_end(fp, docs, *claims, &err), RC_OK);
	ck_assert_int_eq(fclose(fp), 0);
	*len = n;
	return buf;
}

/* What a reader on n threads gave: records, stats, and diagnostics with
 * their messages. */
typedef struct threaded_read {
	rc_record **recs;
	size_t n, cap;
	rc_record_stats stats;
	rc_diag *diags;
	char **messages;
	size_t n_diags;
} threaded_read;

static void read_on(threaded_read *out, const char *path, unsigned threads)
{
	memset(out, 0, sizeof *out);
	rc_record_reader *rr = NULL;
	rc_error err;
	ck_assert_int_eq(rc_record_reader_new(&rr, &path, 1, &err), RC_OK);
	rc_record_reader_set_threads(rr, threads);
	for (;;) {
		rc_record *rec = NULL;
		ck_assert_int_eq(rc_record_reader_next(rr, &rec, &err), RC_OK);
		if (!rec)
			break;
		rc_fuzz_check_record(rec, (size_t)-1);
		ck_assert_int_eq(RC_GROW(out->recs, out->cap, out->n + 1), RC_OK);
		out->recs[out->n++] = rec;
	}
	out->stats = *rc_record_reader_stats(rr);
	const rc_diag *d = rc_record_reader_diags(rr, &out->n_diags);
	out->diags = calloc(out->n_diags + 1, sizeof *out->diags);
	out->messages = calloc(out->n_diags + 1, sizeof *out->messages);
	ck_assert(out->diags && out->messages);
	for (size_t i = 0; i < out->n_diags; i++) {
		out->diags[i] = d[i];
		out->messages[i] = strdup(d[i].message);
	}
	rc_record_reader_free(rr);
}

static void threaded_read_dispose(threaded_read *r)
{
	for (size_t i = 0; i < r->n; i++)
		rc_record_free(r->recs[i]);
	for (size_t i = 0; i < r->n_diags; i++)
		free(r->messages[i]);
	free(r->recs);
	free(r->diags);
	free(r->messages);
}

/* Read path; the stats, and the number of records handed out. */
static rc_record_stats read_stats(const char *path, size_t *records)
{
	threaded_read r;
	read_on(&r, path, 1);
	*records = r.n;
	rc_record_stats st = r.stats;
	threaded_read_dispose(&r);
	return st;
}

/* Cut at every byte: only the whole file (with or without its last
 * newline) reads as complete; every shorter one is incomplete, and what
 * is read is never more than what was written. */
START_TEST(cut_at_every_byte)
{
	size_t len, claims, records;
	char *buf = claims_file(2, &len, &claims);
	char *dir = rb_tmpdir();
	for (size_t cut = 0; cut <= len; cut++) {
		char *p = rb_write(dir, "cut.jsonl", buf, cut);
		rc_record_stats st = read_stats(p, &records);
		bool whole = cut >= len - 1;
		ck_assert_msg(rc_record_stats_complete(&st) == whole,
		              "cut at byte %zu of %zu read as %s", cut, len,
		              whole ? "incomplete" : "complete");
		ck_assert_uint_le(records, 2);
		ck_assert_uint_eq(st.records, records);
		if (!whole)
			ck_assert_uint_eq(st.inputs_incomplete, 1);
		free(p);
	}
	rb_rmtree(dir);
	free(buf);
}
END_TEST

/* Any one line taken out: incomplete, with what is missing counted. */
START_TEST(any_line_lost)
{
	size_t len, claims, records;
	char *buf = claims_file(5, &len, &claims);
	char *dir = rb_tmpdir();
	const char *lines[8];
	size_t n = 0;
	for (const char *l = buf; l < buf + len && n < 8; l = strchr(l, '\n') + 1)
		lines[n++] = l;
	ck_assert_uint_eq(n, 6);   /* five documents and the end line */
	for (size_t lost = 0; lost < n; lost++) {
		size_t cut_at = (size_t)(lines[lost] - buf);
		size_t cut_len = (lost + 1 < n ? (size_t)(lines[lost + 1] - buf) : len) - cut_at;
		char *text = malloc(len);
		memcpy(text, buf, cut_at);
		memcpy(text + cut_at, buf + cut_at + cut_len, len - cut_at - cut_len);
		char *p = rb_write(dir, "lost.jsonl", text, len - cut_len);
		rc_record_stats st = read_stats(p, &records);
		ck_assert_msg(!rc_record_stats_complete(&st), "line %zu lost, read as complete", lost + 1);
		if (lost < 5) {
			ck_assert_uint_eq(records, 4);
			ck_assert_uint_eq(st.documents_missing, 1);
			ck_assert_uint_eq(st.claims_missing, 1);
		}
		free(p);
		free(text);
	}
	rb_rmtree(dir);
	free(buf);
}
END_TEST

/* The same shard twice, and a shard overlapping it with one document
 * changed: duplicates counted once, the changed copy an error, and the
 * same records kept whatever the order of the inputs. */
START_TEST(shards_read_twice)
{
	size_t len, claims;
	char *buf = claims_file(3, &len, &claims);
	char *dir = rb_tmpdir();
	char *a = rb_write(dir, "a.jsonl", buf, len);
	char *b = rb_write(dir, "b.jsonl", buf, len);
	/* c: doc-1 again with another figure */
	rc_record *rec = make_record("doc-1", 50, 50, false, 50);
	char *one = to_jsonl(rec, NULL);
	rc_record_free(rec);
	char *c = rb_write_str(dir, "c.jsonl", one);
	const char *orders[2][3] = {{a, b, c}, {c, b, a}};
	double lo_kept[2];
	for (int o = 0; o < 2; o++) {
		rc_record_reader *rr = NULL;
		rc_error err;
		ck_assert_int_eq(rc_record_reader_new(&rr, orders[o], 3, &err), RC_OK);
		rc_record *recs[16];
		size_t n = 0;
		for (;;) {
			rc_record *r = NULL;
			ck_assert_int_eq(rc_record_reader_next(rr, &r, &err), RC_OK);
			if (!r)
				break;
			ck_assert_uint_lt(n, 16);
			recs[n++] = r;
		}
		ck_assert_uint_eq(n, 7);
		ck_assert_int_eq(rc_record_reader_dedup(rr, recs, &n, &err), RC_OK);
		ck_assert_uint_eq(n, 3);
		const rc_record_stats *st = rc_record_reader_stats(rr);
		ck_assert_uint_eq(st->documents_duplicate, 3);
		ck_assert_uint_eq(st->documents_conflicting, 1);
		ck_assert_uint_eq(st->records, 3);
		ck_assert(!rc_record_stats_complete(st));
		for (size_t i = 0; i < n; i++)
			if (strcmp(recs[i]->doc, "doc-1") == 0)
				lo_kept[o] = recs[i]->claims[0].q.iv.lo;
		for (size_t i = 0; i < n; i++)
			rc_record_free(recs[i]);
		rc_record_reader_free(rr);
	}
	ck_assert(lo_kept[0] == lo_kept[1]);
	free(a);
	free(b);
	free(c);
	free(one);
	rb_rmtree(dir);
	free(buf);
}
END_TEST

/* Document lines by the thousand (more than one batch read ahead), among
 * them lines rejected for every reason (more than are named one by one),
 * lines of version 1, blank lines, a document line with no seq and an end
 * line that disagrees: on 1 thread and on 3 the same records in the same
 * order, the same counts and the same diagnostics, each on its line. */
START_TEST(threads_read_alike)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	ck_assert_ptr_nonnull(fp);
	for (int i = 0; i < 9000; i++) {
		char doc[32];
		snprintf(doc, sizeof doc, "doc-%d", i);
		rc_record *rec = make_record(doc, i % 50, i % 50 + (i % 3), false, i % 50);
		rec->seq = (size_t)i;
		char *line = to_jsonl(rec, NULL);
		rc_record_free(rec);
		*strchr(line, '\n') = '\0';   /* the record's line, not its end line */
		char *seq = strstr(line, "\"seq\":");
		if (i % 1000 == 500 && seq)
			memmove(seq, strchr(seq, ',') + 1, strlen(strchr(seq, ',') + 1) + 1);
		fprintf(fp, "%s\n", line);
		free(line);
		if (i % 211 == 7)
			fputs("{\"schema\":\"recount.document/2\",\"doc\":\"bad\",\"seq\":\"x\"}\n", fp);
		if (i % 307 == 11)
			fputs("{\"schema\":\"recount.document/2\",\"doc\":\"cut\",\"claims\":[\n", fp);
		if (i % 401 == 13)
			fputs("[1, 2, 3]\n\n   \n", fp);
		if (i % 503 == 17)
			fputs(DOC("v1") CLAIM("\"lo\": 1, \"hi\": 1") CLAIM("\"lo\": \"one\""), fp);
		if (i % 997 == 19)
			fputs("{\"doc\":\"later\",\"schema\":\"recount.document/2\",\"claims\":[]}\n", fp);
	}
	fputs("{\"schema\":\"recount.end/1\",\"documents\":9001,\"claims\":9000}\n", fp);
	ck_assert_int_eq(fclose(fp), 0);
	char *dir = rb_tmpdir();
	char *p = rb_write(dir, "many.jsonl", text, len);
	threaded_read one, three;
	read_on(&one, p, 1);
	read_on(&three, p, 3);
	ck_assert_uint_ge(one.n, 9000);
	ck_assert_uint_gt(one.stats.lines_rejected, 20);
	ck_assert_uint_eq(one.n, three.n);
	for (size_t i = 0; i < one.n; i++) {
		const rc_record *a = one.recs[i], *b = three.recs[i];
		ck_assert_int_eq(rc__record_cmp(a, b), 0);
		ck_assert_uint_eq(a->seq, b->seq);
		ck_assert_uint_eq(a->priv->line, b->priv->line);
		ck_assert_uint_eq(a->priv->input, b->priv->input);
	}
	ck_assert_int_eq(memcmp(&one.stats, &three.stats, sizeof one.stats), 0);
	ck_assert_uint_eq(one.n_diags, three.n_diags);
	for (size_t i = 0; i < one.n_diags; i++) {
		ck_assert_uint_eq(one.diags[i].line, three.diags[i].line);
		ck_assert_uint_eq(one.diags[i].column, three.diags[i].column);
		ck_assert_int_eq(one.diags[i].severity, three.diags[i].severity);
		ck_assert_int_eq(one.diags[i].status, three.diags[i].status);
		ck_assert_str_eq(one.messages[i], three.messages[i]);
	}
	threaded_read_dispose(&one);
	threaded_read_dispose(&three);
	free(p);
	rb_rmtree(dir);
	free(text);
}
END_TEST

int main(void)
{
	if (rb_skip_unless(RB_NEED_RECORDS))
		return 0;
	Suite *s = suite_create("robustness-records");
	TCase *tc = tcase_create("hostile");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, hostile_claim_lines);
	tcase_add_test(tc, not_a_claims_file);
	tcase_add_test(tc, extreme_figures_round_trip);
	tcase_add_test(tc, cut_at_every_byte);
	tcase_add_test(tc, any_line_lost);
	tcase_add_test(tc, shards_read_twice);
	tcase_add_test(tc, threads_read_alike);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
