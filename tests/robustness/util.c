/* Helpers of the hostile-input tests (see util.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "util.h"
#include "record/record-priv.h"

bool rb_small(void)
{
	const char *s = getenv("RC_TEST_SMALL");
	return s && *s && strcmp(s, "0") != 0;
}

size_t rb_big(size_t full, size_t small)
{
	return rb_small() ? small : full;
}

double rb_now(void)
{
	struct timespec ts;
	/* CPU time of this process: a bound on work done, which a loaded
	 * machine (CI runners, shared hosts) does not stretch as it does the
	 * wall clock */
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

char *rb_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *dir = NULL;
	ck_assert_int_ge(asprintf(&dir, "%s/rc-robust-XXXXXX", base && *base ? base : "/tmp"), 0);
	ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp: %s", strerror(errno));
	return dir;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	/* Best effort: a test's leftovers must not fail the next test. */
	remove(path);
	return 0;
}

void rb_rmtree(char *dir)
{
	if (!dir)
		return;
	/* Undo a chmod 000 first, or the walk could not enter. */
	chmod(dir, 0700);
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

char *rb_path(const char *dir, const char *name)
{
	char *p = NULL;
	ck_assert_int_ge(asprintf(&p, "%s/%s", dir, name), 0);
	return p;
}

char *rb_write(const char *dir, const char *name, const void *data, size_t len)
{
	char *p = rb_path(dir, name);
	FILE *fp = fopen(p, "wb");
	ck_assert_msg(fp != NULL, "%s: %s", p, strerror(errno));
	ck_assert_uint_eq(fwrite(data, 1, len, fp), len);
	ck_assert_int_eq(fclose(fp), 0);
	return p;
}

char *rb_write_str(const char *dir, const char *name, const char *s)
{
	return rb_write(dir, name, s, strlen(s));
}

char *rb_write_repeat(const char *dir, const char *name, const char *unit, size_t n,
                      const char *tail)
{
	char *p = rb_path(dir, name);
	FILE *fp = fopen(p, "wb");
	ck_assert_msg(fp != NULL, "%s: %s", p, strerror(errno));
	/* Write in large blocks: a 50 MB file is made in a few calls. */
	size_t ulen = strlen(unit), block = 1 << 20;
	char *buf = rb_repeat(unit, block - block % ulen);
	size_t blen = block - block % ulen;
	while (n > 0) {
		size_t k = n < blen ? n : blen;
		ck_assert_uint_eq(fwrite(buf, 1, k, fp), k);
		n -= k;
	}
	free(buf);
	if (tail)
		ck_assert_int_ge(fputs(tail, fp), 0);
	ck_assert_int_eq(fclose(fp), 0);
	return p;
}

char *rb_write_batch(const char *dir, const char *name, size_t n, size_t every, long *size)
{
	char *p = rb_path(dir, name);
	FILE *fp = fopen(p, "w");
	ck_assert_msg(fp != NULL, "%s: %s", p, strerror(errno));
	for (size_t i = 0; i < n; i++) {
		if (every && i % every == every - 1)
			fputs("{broken\n", fp);
		else
			fprintf(fp, "{\"id\":\"d%zu\",\"text\":\"%zu people were hurt.\"}\n", i, 2 + i % 50);
	}
	if (size)
		*size = ftell(fp);
	ck_assert_int_eq(fclose(fp), 0);
	return p;
}

char *rb_repeat(const char *unit, size_t n)
{
	size_t ulen = strlen(unit);
	char *s = malloc(n + 1);
	ck_assert_ptr_nonnull(s);
	for (size_t i = 0; i < n; i++)
		s[i] = unit[i % ulen];
	s[n] = '\0';
	return s;
}

const rc_diag *rb_diag(const rc_document *doc, rc_severity sev)
{
	for (size_t i = 0; i < doc->n_diags; i++)
		if (doc->diags[i].severity == sev)
			return &doc->diags[i];
	return NULL;
}

const rc_diag *rb_record_diag(const rc_record *rec, rc_severity sev)
{
	for (size_t i = 0; i < rec->n_diags; i++)
		if (rec->diags[i].severity == sev)
			return &rec->diags[i];
	return NULL;
}

void rb_check_doc(const rc_document *doc)
{
	ck_assert_ptr_nonnull(doc->id);
	if (doc->status == RC_DOC_SKIPPED) {
		ck_assert_msg(doc->reason && *doc->reason, "skipped %s without a reason", doc->id);
		const rc_diag *d = rb_diag(doc, RC_SEV_ERROR);
		ck_assert_msg(d != NULL, "skipped %s without an error diagnostic", doc->id);
		ck_assert_ptr_nonnull(d->message);
		return;
	}
	ck_assert_int_eq(doc->status, RC_DOC_OK);
	ck_assert_ptr_nonnull(doc->text);
	ck_assert_uint_eq(strlen(doc->text), doc->text_len);
	ck_assert_msg(rc__utf8_valid(doc->text, doc->text_len), "%s: text is not UTF-8", doc->id);
	ck_assert_uint_le(doc->body_start, doc->text_len);
}

rc_reader *rb_reader(const rc_ingest_options *opts, char *const *inputs, size_t n)
{
	rc_reader *r = NULL;
	rc_error err;
	rc_ingest_options defaults = RC_INGEST_OPTIONS_INIT;
	rc_status st = rc_reader_new(&r, opts ? opts : &defaults, (const char *const *)inputs, n,
	                             &err);
	ck_assert_msg(st == RC_OK, "rc_reader_new: %s", err.message);
	return r;
}

void rb_read_all(rb_docs *out, const rc_ingest_options *opts, const char *const *inputs,
                 size_t n)
{
	memset(out, 0, sizeof(*out));
	rc_reader *r = rb_reader(opts, (char *const *)inputs, n);
	rc_error err;
	for (;;) {
		rc_document *doc = NULL;
		rc_status st = rc_reader_next(r, &doc, &err);
		ck_assert_msg(st == RC_OK, "rc_reader_next: %s", err.message);
		if (!doc)
			break;
		ck_assert_uint_eq(doc->seq, out->n);
		rb_check_doc(doc);
		if (doc->status == RC_DOC_OK)
			out->ok++;
		else
			out->skipped++;
		ck_assert_int_eq(RC_GROW(out->docs, out->cap, out->n + 1), RC_OK);
		out->docs[out->n++] = doc;
	}
	rc_reader_free(r);
}

void rb_docs_dispose(rb_docs *d)
{
	for (size_t i = 0; i < d->n; i++)
		rc_document_free(d->docs[i]);
	free(d->docs);
	memset(d, 0, sizeof(*d));
}

rc_document *rb_doc(const char *text)
{
	rc_document *doc = NULL;
	rc_error err;
	rc_status st = rc_document_from_memory(&doc, text, strlen(text), "mem.txt", "mem", &err);
	ck_assert_msg(st == RC_OK, "rc_document_from_memory: %s", err.message);
	rb_check_doc(doc);
	return doc;
}

rc_extractor *rb_extractor(const rc_limits *limits)
{
	rc_extractor_options opts = RC_EXTRACTOR_OPTIONS_INIT;
	if (limits)
		opts.limits = *limits;
	rc_extractor *ex = NULL;
	rc_error err;
	rc_status st = rc_extractor_new(&ex, &opts, &err);
	ck_assert_msg(st == RC_OK, "rc_extractor_new: %s", err.message);
	return ex;
}

static bool unbuilt(rc_status st, const char *what, char *why, size_t why_size)
{
	if (st != RC_ERR_UNSUPPORTED)
		return false;
	size_t len = strlen(why);
	snprintf(why + len, why_size - len, "%s%s", len ? ", " : "", what);
	return true;
}

bool rb_skip_unless(unsigned needs)
{
	char why[256] = "";
	rc_error err;
	if (needs & RB_NEED_INGEST) {
		rc_document *doc = NULL;
		unbuilt(rc_document_from_memory(&doc, "x", 1, NULL, NULL, &err), "ingest", why,
		        sizeof(why));
		rc_document_free(doc);
	}
	if (needs & RB_NEED_QUANTITY) {
		rc_recognizer *rec = NULL;
		unbuilt(rc_recognizer_new(&rec, NULL, &err), "quantity recognizer", why, sizeof(why));
		rc_recognizer_free(rec);
	}
	if (needs & RB_NEED_EXTRACT) {
		rc_extractor *ex = NULL;
		unbuilt(rc_extractor_new(&ex, NULL, &err), "claim extraction", why, sizeof(why));
		rc_extractor_free(ex);
	}
	if (needs & RB_NEED_EVENTS) {
		rc_event_defs *defs = NULL;
		unbuilt(rc_event_defs_load_buffer(&defs, "[]", 2, "probe", &err), "events", why,
		        sizeof(why));
		rc_event_defs_free(defs);
	}
	if (needs & RB_NEED_RECORDS) {
		rc_record_reader *rr = NULL;
		const char *path = "/dev/null";
		unbuilt(rc_record_reader_new(&rr, &path, 1, &err), "claims reader", why, sizeof(why));
		rc_record_reader_free(rr);
		rc_record *rec = rc__record_new();
		FILE *fp = fopen("/dev/null", "w");
		if (rec && fp) {
			rec->doc = "probe";
			unbuilt(rc_record_write_jsonl(fp, rec, true, &err), "claims writer", why,
			        sizeof(why));
		}
		if (fp)
			fclose(fp);
		rc_record_free(rec);
	}
	if (needs & RB_NEED_RECONCILE) {
		rc_result *res = NULL;
		unbuilt(rc_reconcile(&res, NULL, 0, NULL, &err), "reconcile", why, sizeof(why));
		rc_result_free(res);
	}
	if (!why[0])
		return false;
	printf("1..0 # SKIP not built yet: %s\n", why);
	return true;
}
