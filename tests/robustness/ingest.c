/*
 * Hostile inputs to ingest: invalid and overlong UTF-8, NUL bytes, a 50 MB
 * single line, a million tiny documents, deeply nested and wrongly typed
 * JSON Lines, unreadable files, files that vanish or shrink mid-run, the
 * ingest limits, a streamed .json array, hostile HTML and a named FIFO.  The rule under test: nothing crashes or hangs, and
 * every input unit comes back as a document, processed or skipped with a
 * reason that names the file and line.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util.h"

/* Every kind of malformed UTF-8, between ASCII words that must survive. */
static const char bad_utf8[] =
	"ok \xC0\xAF over \xE0\x80\xAF long \xF0\x80\x80\xAF sur \xED\xA0\x80 "
	"big \xF4\x90\x80\x80 trunc \xE2\x82 cont \x80\x80 lone \xFE\xFF end";

/* Ordinary text before the bad bytes, so that a file reads as text (a file
 * with 30% invalid bytes is skipped as binary, docs/input.md). */
static const char prose[] =
	"Twin bombings in Kerman killed 84 people and injured 284 on January 3, "
	"the Interior Ministry said. Officials said the toll could still rise as "
	"rescue teams searched the area near the cemetery for more victims.\n";

static void check_repaired(const rc_document *doc, size_t base)
{
	ck_assert_int_eq(doc->status, RC_DOC_OK);
	/* No overlong form may decode to '/' (the classic path trick). */
	ck_assert_ptr_null(strchr(doc->text, '/'));
	ck_assert_ptr_nonnull(strstr(doc->text, "\xEF\xBF\xBD"));
	const char *words[] = {"ok ", " over ", " long ", " sur ", " big ", " trunc ", " cont ",
	                       " lone ", " end"};
	const char *at = doc->text;
	for (size_t i = 0; i < RC_ARRAY_LEN(words); i++) {
		at = strstr(at, words[i]);
		ck_assert_msg(at != NULL, "lost '%s' in '%s'", words[i], doc->text);
	}
	const rc_diag *d = rb_diag(doc, RC_SEV_WARNING);
	ck_assert_msg(d != NULL, "repaired UTF-8 without a warning");
	ck_assert_int_eq(d->status, RC_ERR_ENCODING);
	/* The first bad byte is at offset 3 of the bad part. */
	ck_assert_uint_eq(d->offset, base + 3);
}

START_TEST(invalid_utf8_from_memory)
{
	rc_document *doc = NULL;
	rc_error err;
	ck_assert_int_eq(rc_document_from_memory(&doc, bad_utf8, sizeof(bad_utf8) - 1, "m.txt",
	                                         "m", &err), RC_OK);
	rb_check_doc(doc);
	check_repaired(doc, 0);
	rc_document_free(doc);
}
END_TEST

START_TEST(invalid_utf8_file_and_jsonl)
{
	char *dir = rb_tmpdir();
	char *body = NULL;
	ck_assert_int_ge(asprintf(&body, "%s%s", prose, bad_utf8), 0);
	char *txt = rb_write_str(dir, "bad.txt", body);
	free(body);
	rb_docs d;
	rb_read_all(&d, NULL, (const char *const *)&txt, 1);
	ck_assert_uint_eq(d.n, 1);
	check_repaired(d.docs[0], sizeof(prose) - 1);
	const rc_diag *w = rb_diag(d.docs[0], RC_SEV_WARNING);
	ck_assert_ptr_nonnull(w->path);
	ck_assert_str_eq(w->path, txt);
	rb_docs_dispose(&d);

	/* In JSON Lines, raw invalid bytes inside a string: the record is
	 * either repaired or skipped with a reason on its line, never lost,
	 * and the next record is read. */
	char *line = NULL;
	ck_assert_int_ge(asprintf(&line, "{\"id\": \"u\", \"text\": \"%s\"}\n"
	                          "{\"id\": \"next\", \"text\": \"fine\"}\n", bad_utf8), 0);
	char *jl = rb_write_str(dir, "bad.jsonl", line);
	rb_read_all(&d, NULL, (const char *const *)&jl, 1);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_uint_eq(d.docs[0]->record_line, 1);
	if (d.docs[0]->status == RC_DOC_SKIPPED)
		ck_assert_uint_eq(rb_diag(d.docs[0], RC_SEV_ERROR)->line, 1);
	ck_assert_int_eq(d.docs[1]->status, RC_DOC_OK);
	ck_assert_str_eq(d.docs[1]->id, "next");
	ck_assert_uint_eq(d.docs[1]->record_line, 2);
	rb_docs_dispose(&d);
	free(line);
	free(txt);
	free(jl);
	rb_rmtree(dir);
}
END_TEST

START_TEST(nul_bytes)
{
	static const char text[] = "Five\0people were\0\0killed.\0";
	rc_document *doc = NULL;
	rc_error err;
	ck_assert_int_eq(rc_document_from_memory(&doc, text, sizeof(text) - 1, NULL, NULL, &err),
	                 RC_OK);
	rb_check_doc(doc);
	/* NUL bytes become spaces: same length, nothing cut at the first one. */
	ck_assert_uint_eq(doc->text_len, sizeof(text) - 1);
	ck_assert_ptr_nonnull(strstr(doc->text, "killed."));
	ck_assert_ptr_nonnull(rb_diag(doc, RC_SEV_WARNING));
	rc_document_free(doc);

	/* A JSON "\u0000" escape and a raw NUL byte on a JSONL line. */
	char *dir = rb_tmpdir();
	static const char jl[] = "{\"id\": \"esc\", \"text\": \"a\\u0000b\"}\n"
	                         "{\"id\": \"raw\", \"text\": \"a\0b\"}\n"
	                         "{\"id\": \"after\", \"text\": \"c\"}\n";
	char *p = rb_write(dir, "nul.jsonl", jl, sizeof(jl) - 1);
	rb_docs d;
	rb_read_all(&d, NULL, (const char *const *)&p, 1);
	ck_assert_uint_eq(d.n, 3);
	ck_assert_int_eq(d.docs[2]->status, RC_DOC_OK);
	ck_assert_str_eq(d.docs[2]->id, "after");
	ck_assert_uint_eq(d.docs[2]->record_line, 3);
	rb_docs_dispose(&d);
	free(p);
	rb_rmtree(dir);
}
END_TEST

static long max_rss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

START_TEST(line_of_50_mb)
{
	size_t size = rb_big(50u << 20, 2u << 20);
	char *dir = rb_tmpdir();
	/* A plain file that is one line, no newline at all. */
	char *p = rb_write_repeat(dir, "line.txt", "and 12 people were hurt, ", size, NULL);
	rb_docs d;
	rb_read_all(&d, NULL, (const char *const *)&p, 1);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_int_eq(d.docs[0]->status, RC_DOC_OK);
	ck_assert_uint_eq(d.docs[0]->text_len, size);
	rb_docs_dispose(&d);

	/* The same as one JSONL record, with a record after it. */
	char *jp = rb_path(dir, "line.jsonl");
	FILE *fp = fopen(jp, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("{\"id\": \"big\", \"text\": \"", fp);
	char *chunk = rb_repeat("and 12 people were hurt, ", 1 << 20);
	for (size_t done = 0; done < size; done += 1 << 20)
		fwrite(chunk, 1, size - done < (1u << 20) ? size - done : 1u << 20, fp);
	free(chunk);
	fputs("\"}\n{\"id\": \"small\", \"text\": \"3 killed\"}\n", fp);
	ck_assert_int_eq(fclose(fp), 0);
	rb_read_all(&d, NULL, (const char *const *)&jp, 1);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_int_eq(d.docs[0]->status, RC_DOC_OK);
	ck_assert_uint_eq(d.docs[0]->text_len, size);
	ck_assert_str_eq(d.docs[1]->id, "small");
	ck_assert_uint_eq(d.docs[1]->record_line, 2);
	rb_docs_dispose(&d);
	free(p);
	free(jp);
	rb_rmtree(dir);
}
END_TEST

START_TEST(line_limit_does_not_buffer_the_line)
{
	size_t size = rb_big(50u << 20, 4u << 20);
	char *dir = rb_tmpdir();
	char *jp = rb_path(dir, "long.jsonl");
	FILE *fp = fopen(jp, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("{\"id\": \"first\", \"text\": \"ok\"}\n{\"id\": \"long\", \"text\": \"", fp);
	char *chunk = rb_repeat("x", 1 << 20);
	for (size_t done = 0; done < size; done += 1 << 20)
		fwrite(chunk, 1, 1 << 20, fp);
	free(chunk);
	fputs("\"}\n{\"id\": \"last\", \"text\": \"ok\"}\n", fp);
	ck_assert_int_eq(fclose(fp), 0);

	long before = max_rss_kb();
	rc_ingest_options opts = {.version = RC_INGEST_OPTIONS_VERSION, .limits = {.max_line_bytes = 1 << 20}};
	rb_docs d;
	rb_read_all(&d, &opts, (const char *const *)&jp, 1);
	long grown = max_rss_kb() - before;
	ck_assert_uint_eq(d.n, 3);
	ck_assert_int_eq(d.docs[0]->status, RC_DOC_OK);
	ck_assert_int_eq(d.docs[1]->status, RC_DOC_SKIPPED);
	const rc_diag *e = rb_diag(d.docs[1], RC_SEV_ERROR);
	ck_assert_int_eq(e->status, RC_ERR_LIMIT);
	ck_assert_uint_eq(e->line, 2);
	ck_assert_str_eq(e->path, jp);
	/* Line numbers stay right after the skipped line. */
	ck_assert_str_eq(d.docs[2]->id, "last");
	ck_assert_uint_eq(d.docs[2]->record_line, 3);
	/* A line over the limit is skipped while it is read, not after
	 * holding all of it in memory.  (ASan's quarantine keeps freed
	 * buffers resident, so the bound means nothing there.) */
#if !defined(__SANITIZE_ADDRESS__)
	if (!rb_small())
		ck_assert_msg(grown < 32 * 1024, "reading grew the RSS by %ld KiB", grown);
#else
	(void)grown;
#endif
	rb_docs_dispose(&d);
	free(jp);
	rb_rmtree(dir);
}
END_TEST

START_TEST(a_million_tiny_documents)
{
	size_t n = rb_big(1000000, 20000);
	char *dir = rb_tmpdir();
	char *p = rb_write_batch(dir, "million.jsonl", n, 0, NULL);

	/* Stream them: never more than one document alive. */
	rc_reader *r = rb_reader(NULL, &p, 1);
	rc_error err;
	size_t seen = 0;
	char want[32];
	for (;;) {
		rc_document *doc = NULL;
		ck_assert_int_eq(rc_reader_next(r, &doc, &err), RC_OK);
		if (!doc)
			break;
		snprintf(want, sizeof(want), "d%zu", seen);
		ck_assert_int_eq(doc->status, RC_DOC_OK);
		ck_assert_uint_eq(doc->seq, seen);
		ck_assert_uint_eq(doc->record_line, seen + 1);
		if (strcmp(doc->id, want) != 0)
			ck_abort_msg("document %zu has id %s", seen, doc->id);
		rc_document_free(doc);
		seen++;
	}
	ck_assert_uint_eq(seen, n);
	rc_reader_free(r);
	free(p);
	rb_rmtree(dir);
}
END_TEST

/* One line per hostile shape; every one must come back as a document. */
START_TEST(nested_and_wrongly_typed_jsonl)
{
	size_t depth = 100000;
	char *deep_array = malloc(2 * depth + 2);
	ck_assert_ptr_nonnull(deep_array);
	memset(deep_array, '[', depth);
	memset(deep_array + depth, ']', depth);
	strcpy(deep_array + 2 * depth, "\n");
	/* Deep but valid, with a usable text. */
	rc_buf b;
	rc__buf_init(&b, 0);
	rc__buf_puts(&b, "{\"text\": \"deep but valid\", \"x\": ");
	for (int i = 0; i < 1000; i++)
		rc__buf_puts(&b, "{\"a\": ");
	rc__buf_puts(&b, "1");
	for (int i = 0; i < 1000; i++)
		rc__buf_putc(&b, '}');
	rc__buf_puts(&b, "}\n");

	char *dir = rb_tmpdir();
	char *p = rb_path(dir, "shapes.jsonl");
	FILE *fp = fopen(p, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("{\"id\": \"good1\", \"text\": \"Five people were killed.\"}\n", fp); /* 1 */
	fputs(deep_array, fp);                                                    /* 2 */
	fputs("{\"text\": 5}\n", fp);                                             /* 3 */
	fputs("{\"text\": [\"a\"]}\n", fp);                                       /* 4 */
	fputs("{\"text\": null}\n", fp);                                          /* 5 */
	fputs("{\"id\": {\"x\": 1}, \"text\": \"id is an object\"}\n", fp);       /* 6 */
	fputs("\"just a string\"\n", fp);                                         /* 7 */
	fputs("42\n", fp);                                                        /* 8 */
	fputs("{\"text\": \"ok\", \"published\": 20240101, \"source\": [\"x\"], "
	      "\"url\": 7, \"title\": {}}\n", fp);                                 /* 9 */
	fputs(b.data, fp);                                                        /* 10 */
	fputs("{\"id\": \"good2\", \"text\": \"Two were hurt.\"}\n", fp);         /* 11 */
	fputs("{\"text\": \"cut off\n", fp);                                      /* 12 */
	fputs("{}\n", fp);                                                        /* 13 */
	fputs("\n   \n", fp);                                  /* 14, 15: blank lines */
	fputs("{\"id\": \"last\", \"text\": \"no newline at the end\"}", fp);     /* 16 */
	ck_assert_int_eq(fclose(fp), 0);

	rb_docs d;
	rb_read_all(&d, NULL, (const char *const *)&p, 1);
	ck_assert_uint_eq(d.n, 14);
	ck_assert_uint_eq(d.ok + d.skipped, d.n);
	static const size_t lines[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16};
	for (size_t i = 0; i < d.n; i++) {
		const rc_document *doc = d.docs[i];
		ck_assert_uint_eq(doc->record_line, lines[i]);
		ck_assert_str_eq(doc->path, p);
		if (doc->status == RC_DOC_SKIPPED) {
			const rc_diag *e = rb_diag(doc, RC_SEV_ERROR);
			ck_assert_uint_eq(e->line, lines[i]);
			ck_assert_str_eq(e->path, p);
		}
	}
	/* Not an object, or not JSON: skipped. */
	ck_assert_int_eq(d.docs[1]->status, RC_DOC_SKIPPED);
	ck_assert_int_eq(d.docs[6]->status, RC_DOC_SKIPPED);
	ck_assert_int_eq(d.docs[7]->status, RC_DOC_SKIPPED);
	ck_assert_int_eq(d.docs[11]->status, RC_DOC_SKIPPED);
	/* No text to read: skipped, or an empty document. */
	for (size_t i = 2; i <= 4; i++)
		ck_assert(d.docs[i]->status == RC_DOC_SKIPPED || d.docs[i]->text_len == 0);
	ck_assert(d.docs[12]->status == RC_DOC_SKIPPED || d.docs[12]->text_len == 0);
	ck_assert_str_eq(d.docs[0]->id, "good1");
	ck_assert_str_eq(d.docs[10]->id, "good2");
	ck_assert_int_eq(d.docs[10]->status, RC_DOC_OK);
	ck_assert_str_eq(d.docs[13]->id, "last");
	ck_assert_int_eq(d.docs[13]->status, RC_DOC_OK);
	/* Wrongly typed optional fields lose the field, not the article. */
	if (d.docs[8]->status == RC_DOC_OK) {
		ck_assert_str_eq(d.docs[8]->text, "ok");
		ck_assert_ptr_null(d.docs[8]->url);
	}
	rb_docs_dispose(&d);
	rc__buf_dispose(&b);
	free(deep_array);
	free(p);
	rb_rmtree(dir);
}
END_TEST

/*
 * A file the process cannot read.  chmod 000 does not stop root, so as
 * root a symbolic link to itself (ELOOP) stands in.
 */
static char *make_unreadable(const char *dir, const char *name)
{
	char *p = rb_path(dir, name);
	if (geteuid() != 0) {
		free(rb_write_str(dir, name, "Five people were killed.\n"));
		ck_assert_int_eq(chmod(p, 0), 0);
		int fd = open(p, O_RDONLY);
		if (fd < 0)
			return p;
		/* CAP_DAC_OVERRIDE without being root: fall back. */
		close(fd);
		unlink(p);
	}
	ck_assert_int_eq(symlink(name, p), 0);
	return p;
}

START_TEST(unreadable_file_is_skipped_with_reason)
{
	char *dir = rb_tmpdir();
	char *in[3] = {
		rb_write_str(dir, "a.txt", "Five people were killed.\n"),
		make_unreadable(dir, "b.txt"),
		rb_write_str(dir, "c.txt", "Two were hurt.\n"),
	};
	rb_docs d;
	rb_read_all(&d, NULL, (const char *const *)in, 3);
	ck_assert_uint_eq(d.n, 3);
	ck_assert_int_eq(d.docs[0]->status, RC_DOC_OK);
	ck_assert_int_eq(d.docs[1]->status, RC_DOC_SKIPPED);
	ck_assert_int_eq(d.docs[2]->status, RC_DOC_OK);
	const rc_diag *e = rb_diag(d.docs[1], RC_SEV_ERROR);
	ck_assert_int_eq(e->status, RC_ERR_IO);
	ck_assert_str_eq(e->path, in[1]);
	rb_docs_dispose(&d);

	/* The same file met while walking a directory.  As root the stand-in
	 * is a symbolic link, which a walk may leave out; a file it cannot
	 * read it must report. */
	rb_read_all(&d, NULL, (const char *const *)&dir, 1);
	ck_assert_uint_eq(d.ok, 2);
	if (geteuid() != 0 || d.n == 3) {
		ck_assert_uint_eq(d.n, 3);
		ck_assert_uint_eq(d.skipped, 1);
		ck_assert_int_eq(d.docs[1]->status, RC_DOC_SKIPPED);
	}
	rb_docs_dispose(&d);
	for (int i = 0; i < 3; i++)
		free(in[i]);
	rb_rmtree(dir);
}
END_TEST

START_TEST(file_with_read_error_is_skipped)
{
	/* /proc/self/mem opens, but reading at offset 0 fails with EIO, even
	 * for root; its size says 0 like every /proc file. */
	if (access("/proc/self/mem", R_OK) != 0)
		return;
	const char *in = "/proc/self/mem";
	rc_ingest_options opts = {.version = RC_INGEST_OPTIONS_VERSION, .format = RC_INPUT_TEXT};
	rb_docs d;
	rb_read_all(&d, &opts, &in, 1);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_int_eq(d.docs[0]->status, RC_DOC_SKIPPED);
	ck_assert_int_eq(rb_diag(d.docs[0], RC_SEV_ERROR)->status, RC_ERR_IO);
	rb_docs_dispose(&d);
}
END_TEST

START_TEST(missing_input_is_reported)
{
	char *dir = rb_tmpdir();
	char *in[2] = {rb_path(dir, "nope.txt"), rb_write_str(dir, "yes.txt", "3 killed\n")};
	rc_reader *r = NULL;
	rc_error err;
	rc_ingest_options opts = RC_INGEST_OPTIONS_INIT;
	rc_status st = rc_reader_new(&r, &opts, (const char *const *)in, 2, &err);
	if (st != RC_OK) {
		/* Refusing the whole run is allowed, if the error names the file. */
		ck_assert_int_eq(st, RC_ERR_IO);
		ck_assert(strstr(err.path, "nope.txt") || strstr(err.message, "nope.txt"));
	} else {
		rc_reader_free(r);
		rb_docs d;
		rb_read_all(&d, NULL, (const char *const *)in, 2);
		ck_assert_uint_eq(d.n, 2);
		ck_assert_uint_eq(d.skipped, 1);
		rb_docs_dispose(&d);
	}
	free(in[0]);
	free(in[1]);
	rb_rmtree(dir);
}
END_TEST

START_TEST(file_vanishes_mid_run)
{
	char *dir = rb_tmpdir();
	char *in[3] = {
		rb_write_str(dir, "a.txt", "Five people were killed.\n"),
		rb_write_str(dir, "b.txt", "Two were hurt.\n"),
		rb_write_str(dir, "c.txt", "Nine were arrested.\n"),
	};
	rc_reader *r = rb_reader(NULL, in, 3);
	rc_error err;
	rc_document *doc = NULL;
	ck_assert_int_eq(rc_reader_next(r, &doc, &err), RC_OK);
	ck_assert_str_eq(doc->id, "a");
	rc_document_free(doc);
	/* b disappears after the reader was built, and before it is read. */
	ck_assert_int_eq(unlink(in[1]), 0);
	ck_assert_int_eq(rc_reader_next(r, &doc, &err), RC_OK);
	ck_assert_ptr_nonnull(doc);
	rb_check_doc(doc);
	ck_assert_int_eq(doc->status, RC_DOC_SKIPPED);
	const rc_diag *e = rb_diag(doc, RC_SEV_ERROR);
	ck_assert_int_eq(e->status, RC_ERR_IO);
	ck_assert_str_eq(e->path, in[1]);
	rc_document_free(doc);
	ck_assert_int_eq(rc_reader_next(r, &doc, &err), RC_OK);
	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(doc->id, "c");
	ck_assert_int_eq(doc->status, RC_DOC_OK);
	rc_document_free(doc);
	ck_assert_int_eq(rc_reader_next(r, &doc, &err), RC_OK);
	ck_assert_ptr_null(doc);
	rc_reader_free(r);
	for (int i = 0; i < 3; i++)
		free(in[i]);
	rb_rmtree(dir);
}
END_TEST

START_TEST(directory_shrinks_mid_walk)
{
	char *dir = rb_tmpdir();
	char name[32];
	for (int i = 0; i < 20; i++) {
		snprintf(name, sizeof(name), "f%02d.txt", i);
		free(rb_write_str(dir, name, "Three people were injured.\n"));
	}
	rc_reader *r = rb_reader(NULL, &dir, 1);
	rc_error err;
	size_t n = 0, ok = 0, skipped = 0;
	for (;;) {
		rc_document *doc = NULL;
		ck_assert_int_eq(rc_reader_next(r, &doc, &err), RC_OK);
		if (!doc)
			break;
		rb_check_doc(doc);
		ok += doc->status == RC_DOC_OK;
		skipped += doc->status == RC_DOC_SKIPPED;
		rc_document_free(doc);
		if (n++ == 2) {
			/* Remove every later file, and add one the walk may or may
			 * not see: either way nothing crashes and every document
			 * handed out is accounted for. */
			for (int i = 3; i < 20; i++) {
				char *p;
				snprintf(name, sizeof(name), "f%02d.txt", i);
				p = rb_path(dir, name);
				unlink(p);
				free(p);
			}
			free(rb_write_str(dir, "f99.txt", "late\n"));
		}
	}
	ck_assert_uint_eq(ok + skipped, n);
	ck_assert_uint_ge(n, 3);
	ck_assert_uint_le(n, 21);
	rc_reader_free(r);
	rb_rmtree(dir);
}
END_TEST

START_TEST(jsonl_truncated_mid_run)
{
	size_t n = rb_big(200000, 5000);
	char *dir = rb_tmpdir();
	long size;
	char *p = rb_write_batch(dir, "shrink.jsonl", n, 0, &size);
	rc_reader *r = rb_reader(NULL, &p, 1);
	rc_error err;
	size_t seen = 0;
	for (;;) {
		rc_document *doc = NULL;
		ck_assert_int_eq(rc_reader_next(r, &doc, &err), RC_OK);
		if (!doc)
			break;
		rb_check_doc(doc);
		ck_assert_uint_eq(doc->seq, seen);
		rc_document_free(doc);
		/* Cut the file in the middle of a record while it is read. */
		if (seen++ == 0)
			ck_assert_int_eq(truncate(p, size / 2 + 7), 0);
	}
	ck_assert_uint_ge(seen, 1);
	ck_assert_uint_le(seen, n);
	rc_reader_free(r);
	free(p);
	rb_rmtree(dir);
}
END_TEST

/*
 * A named pipe met while walking a directory has no writer: opening it the
 * usual way waits forever.  Found by this suite (the reader hung); the
 * tcase timeout turns a hang into a failure.
 */
START_TEST(fifo_in_a_directory_does_not_hang)
{
	char *dir = rb_tmpdir();
	free(rb_write_str(dir, "a.txt", "Five people were killed.\n"));
	char *fifo = rb_path(dir, "b.txt"), *fifo_jl = rb_path(dir, "c.jsonl");
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(mkfifo(fifo_jl, 0600), 0);
	rb_docs d;
	rb_read_all(&d, NULL, (const char *const *)&dir, 1);
	/* a.txt, and the text FIFO as an empty (skipped) document; the JSONL
	 * FIFO is an empty batch. */
	ck_assert_uint_ge(d.n, 2);
	ck_assert_int_eq(d.docs[0]->status, RC_DOC_OK);
	ck_assert_int_eq(d.docs[1]->status, RC_DOC_SKIPPED);
	rb_docs_dispose(&d);
	free(fifo);
	free(fifo_jl);
	rb_rmtree(dir);
}
END_TEST

START_TEST(limit_document_bytes)
{
	char *dir = rb_tmpdir();
	char *in[3] = {
		rb_write_repeat(dir, "a-exact.txt", "x", 1000, NULL),
		rb_write_repeat(dir, "b-over.txt", "x", 1001, NULL),
		rb_write_str(dir, "c.jsonl", "{\"id\": \"j1\", \"text\": \"short\"}\n"),
	};
	/* One JSONL record whose text is over the limit. */
	char *big = rb_repeat("y", 1500);
	FILE *fp = fopen(in[2], "a");
	fprintf(fp, "{\"id\": \"j2\", \"text\": \"%s\"}\n{\"id\": \"j3\", \"text\": \"ok\"}\n", big);
	fclose(fp);
	free(big);
	rc_ingest_options opts = {.version = RC_INGEST_OPTIONS_VERSION, .limits = {.max_document_bytes = 1000}};
	rb_docs d;
	rb_read_all(&d, &opts, (const char *const *)in, 3);
	ck_assert_uint_eq(d.n, 5);
	ck_assert_int_eq(d.docs[0]->status, RC_DOC_OK);
	ck_assert_int_eq(d.docs[1]->status, RC_DOC_SKIPPED);
	ck_assert_int_eq(rb_diag(d.docs[1], RC_SEV_ERROR)->status, RC_ERR_LIMIT);
	ck_assert_str_eq(rb_diag(d.docs[1], RC_SEV_ERROR)->path, in[1]);
	ck_assert_int_eq(d.docs[2]->status, RC_DOC_OK);
	ck_assert_int_eq(d.docs[3]->status, RC_DOC_SKIPPED);
	ck_assert_int_eq(rb_diag(d.docs[3], RC_SEV_ERROR)->status, RC_ERR_LIMIT);
	ck_assert_uint_eq(rb_diag(d.docs[3], RC_SEV_ERROR)->line, 2);
	ck_assert_int_eq(d.docs[4]->status, RC_DOC_OK);
	ck_assert_str_eq(d.docs[4]->id, "j3");
	rb_docs_dispose(&d);
	for (int i = 0; i < 3; i++)
		free(in[i]);
	rb_rmtree(dir);
}
END_TEST

START_TEST(limit_documents)
{
	char *dir = rb_tmpdir();
	char *in[2] = {
		rb_write_str(dir, "a.txt", "Five people were killed.\n"),
		rb_write_str(dir, "b.jsonl", "{\"text\": \"1\"}\n{\"text\": \"2\"}\n{\"text\": \"3\"}\n"),
	};
	rc_ingest_options opts = {.version = RC_INGEST_OPTIONS_VERSION, .limits = {.max_documents = 2}};
	rb_docs d;
	rb_read_all(&d, &opts, (const char *const *)in, 2);
	/* Documents past the limit are skipped with a reason, not dropped. */
	ck_assert_uint_eq(d.n, 4);
	ck_assert_uint_eq(d.ok, 2);
	ck_assert_uint_eq(d.skipped, 2);
	for (size_t i = 2; i < 4; i++) {
		ck_assert_int_eq(d.docs[i]->status, RC_DOC_SKIPPED);
		ck_assert_int_eq(rb_diag(d.docs[i], RC_SEV_ERROR)->status, RC_ERR_LIMIT);
	}
	rb_docs_dispose(&d);
	free(in[0]);
	free(in[1]);
	rb_rmtree(dir);
}
END_TEST

/* A .json array of many records streams: one record alive at a time, and
 * one too large is skipped while it is read. */
START_TEST(json_array_streams)
{
	size_t n = rb_big(200000, 5000);
	char *dir = rb_tmpdir();
	char *jp = rb_path(dir, "export.json");
	FILE *fp = fopen(jp, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("[\n", fp);
	for (size_t i = 0; i < n; i++)
		fprintf(fp, "%s  {\"id\": \"a%zu\", \"nested\": {\"x\": [1, {\"y\": \"]}\"}]},\n"
		            "   \"text\": \"%zu people were hurt.\"}",
		        i ? ",\n" : "", i, 2 + i % 50);
	fputs(",\n  {\"id\": \"huge\", \"text\": \"", fp);
	char *chunk = rb_repeat("y", 1 << 20);
	for (int k = 0; k < 8; k++)
		fwrite(chunk, 1, 1 << 20, fp);
	free(chunk);
	fputs("\"},\n  {\"id\": \"last\", \"text\": \"Ten people died.\"}\n]\n", fp);
	ck_assert_int_eq(fclose(fp), 0);

	rc_ingest_options opts = {.version = RC_INGEST_OPTIONS_VERSION, .limits = {.max_line_bytes = 1 << 20}};
	rc_reader *r = rb_reader(&opts, &jp, 1);
	rc_error err;
	size_t seen = 0;
	for (;;) {
		rc_document *doc = NULL;
		ck_assert_int_eq(rc_reader_next(r, &doc, &err), RC_OK);
		if (!doc)
			break;
		rb_check_doc(doc);
		if (seen < n) {
			ck_assert_int_eq(doc->status, RC_DOC_OK);
			ck_assert_uint_eq(doc->record_line, 3 + 2 * seen); /* the text's line */
		} else if (seen == n) {
			char want[40];
			snprintf(want, sizeof want, "export:%zu", 2 * n + 2);
			ck_assert_str_eq(doc->id, want);
			ck_assert_int_eq(doc->status, RC_DOC_SKIPPED);
			ck_assert_int_eq(rb_diag(doc, RC_SEV_ERROR)->status, RC_ERR_LIMIT);
		} else {
			ck_assert_str_eq(doc->id, "last");
		}
		rc_document_free(doc);
		seen++;
	}
	ck_assert_uint_eq(seen, n + 2);
	rc_reader_free(r);
	free(jp);
	rb_rmtree(dir);
}
END_TEST

/* Hostile HTML: markup nested far deeper than any page, a megabyte of
 * script, entities of every kind, and unclosed everything.  No crash, no
 * hang, and none of the script as text. */
START_TEST(hostile_html)
{
	size_t depth = rb_big(100000, 5000);
	char *dir = rb_tmpdir();
	char *hp = rb_path(dir, "deep.html");
	FILE *fp = fopen(hp, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("<html><head><script>", fp);
	for (int i = 0; i < 20000; i++)
		fputs("var s = '40 people were killed'; ", fp);
	fputs("</script></head><body><p>Twelve people were hurt.</p>", fp);
	for (size_t i = 0; i < depth; i++)
		fputs(i % 2 ? "<div>" : "<b><i>", fp);
	fputs("&#0; &#x110000; &#xD800; &amp &lt;p&gt; &unknown; &#99999999999; Nine died.", fp);
	fputs("<p>Unclosed <table><tr><td>84<td>103", fp);
	ck_assert_int_eq(fclose(fp), 0);
	rb_docs d;
	rb_read_all(&d, NULL, (const char *const *)&hp, 1);
	ck_assert_uint_eq(d.n, 1);
	rb_check_doc(d.docs[0]);
	ck_assert_int_eq(d.docs[0]->status, RC_DOC_OK);
	ck_assert_ptr_nonnull(strstr(d.docs[0]->text, "Twelve people were hurt."));
	ck_assert_ptr_null(strstr(d.docs[0]->text, "40 people"));
	rb_docs_dispose(&d);
	free(hp);
	rb_rmtree(dir);
}
END_TEST

/* A FIFO named on the command line waits for its writer (a thread here). */
static void *late_writer(void *path)
{
	usleep(300000);
	int fd = open(path, O_WRONLY);
	if (fd >= 0) {
		static const char text[] = "Seven people were hurt in the blast.\n";
		ssize_t w = write(fd, text, sizeof text - 1);
		(void)w;
		close(fd);
	}
	return NULL;
}

START_TEST(named_fifo_waits_for_its_writer)
{
	char *dir = rb_tmpdir();
	char *fifo = rb_path(dir, "late.txt");
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	pthread_t t;
	ck_assert_int_eq(pthread_create(&t, NULL, late_writer, fifo), 0);
	rb_docs d;
	rb_read_all(&d, NULL, (const char *const *)&fifo, 1);
	pthread_join(t, NULL);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_int_eq(d.docs[0]->status, RC_DOC_OK);
	ck_assert_str_eq(d.docs[0]->text, "Seven people were hurt in the blast.\n");
	rb_docs_dispose(&d);
	free(fifo);
	rb_rmtree(dir);
}
END_TEST

int main(void)
{
	if (rb_skip_unless(RB_NEED_INGEST))
		return 0;
	Suite *s = suite_create("robustness-ingest");
	TCase *tc = tcase_create("hostile");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, invalid_utf8_from_memory);
	tcase_add_test(tc, invalid_utf8_file_and_jsonl);
	tcase_add_test(tc, nul_bytes);
	tcase_add_test(tc, line_of_50_mb);
	tcase_add_test(tc, line_limit_does_not_buffer_the_line);
	tcase_add_test(tc, a_million_tiny_documents);
	tcase_add_test(tc, nested_and_wrongly_typed_jsonl);
	tcase_add_test(tc, unreadable_file_is_skipped_with_reason);
	tcase_add_test(tc, file_with_read_error_is_skipped);
	tcase_add_test(tc, missing_input_is_reported);
	tcase_add_test(tc, file_vanishes_mid_run);
	tcase_add_test(tc, directory_shrinks_mid_walk);
	tcase_add_test(tc, jsonl_truncated_mid_run);
	tcase_add_test(tc, limit_document_bytes);
	tcase_add_test(tc, limit_documents);
	tcase_add_test(tc, json_array_streams);
	tcase_add_test(tc, hostile_html);
	suite_add_tcase(s, tc);
	tc = tcase_create("hangs");
	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, fifo_in_a_directory_does_not_hang);
	tcase_add_test(tc, named_fifo_waits_for_its_writer);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
