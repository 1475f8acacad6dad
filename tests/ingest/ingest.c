/* Tests of src/ingest: every input path, repairs, skips and limits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <recount/document.h>
#include "ingest/ingest-priv.h"
#include "support.h"

static char tmpdir[256];

static void setup(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/rc-ingest-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

static const char *write_file(const char *name, const void *data, size_t len)
{
	static char path[8][512];
	static int next;
	char *p = path[next++ % 8];
	snprintf(p, sizeof(path[0]), "%s/%s", tmpdir, name);
	char *slash = strrchr(p, '/');
	*slash = '\0';
	mkdir(p, 0755);
	*slash = '/';
	FILE *fp = fopen(p, "wb");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(data, 1, len, fp), len);
	fclose(fp);
	return p;
}

/* Read every document of inputs into docs[]; returns the count. */
static size_t read_all(const char *const *inputs, size_t n, const rc_ingest_options *o,
                       rc_document **docs, size_t max)
{
	rc_reader *r;
	rc_error err;
	ck_assert_int_eq(rc_reader_new(&r, o, inputs, n, &err), RC_OK);
	size_t k = 0;
	for (;;) {
		rc_document *d;
		ck_assert_int_eq(rc_reader_next(r, &d, &err), RC_OK);
		if (!d)
			break;
		ck_assert_uint_lt(k, max);
		docs[k++] = d;
	}
	rc_reader_free(r);
	return k;
}

static void free_all(rc_document **docs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rc_document_free(docs[i]);
}

START_TEST(seeds_directory)
{
	const char *in[] = {rc_test_fixture("seeds")};
	rc_document *d[8];
	size_t n = read_all(in, 1, NULL, d, 8);
	ck_assert_uint_eq(n, 5);
	ck_assert_str_eq(d[0]->id, "000_392cb625efecd469");
	ck_assert_str_eq(d[0]->published, "2024-04-02");
	ck_assert(strncmp(d[0]->text + d[0]->body_start, "Iran's security forces", 22) == 0);
	ck_assert_ptr_null(d[1]->published);
	ck_assert_uint_eq(d[1]->body_start, 0);
	ck_assert_str_eq(d[2]->published, "2024-01-06");
	/* no date of their own: the date stated in the text, with a note */
	ck_assert_str_eq(d[3]->published, "2024-01-22"); /* "last modified on January 22, 2024" */
	ck_assert_str_eq(d[4]->published, "2024-01-19"); /* dateline "Friday, 01/19/2024" */
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(d[i]->status, RC_DOC_OK);
		ck_assert_uint_eq(d[i]->seq, i);
		ck_assert_uint_eq(d[i]->n_diags, i >= 3 ? 1 : 0);
		if (d[i]->n_diags)
			ck_assert_int_eq(d[i]->diags[0].severity, RC_SEV_NOTE);
	}
	/* line numbers are file line numbers: seed 002's "84 deaths" is on line 11 */
	const char *p = strstr(d[2]->text, "84 deaths");
	ck_assert_ptr_nonnull(p);
	size_t line, col;
	rc_document_position(d[2], (size_t)(p - d[2]->text), &line, &col);
	ck_assert_uint_eq(line, 11);
	ck_assert_uint_eq(rc_document_file_line(d[2], (size_t)(p - d[2]->text)), 11);
	free_all(d, n);
}
END_TEST

START_TEST(seeds_jsonl_matches_files)
{
	const char *in[] = {rc_test_fixture("seeds.jsonl")};
	const char *dir[] = {rc_test_fixture("seeds")};
	rc_document *j[8], *t[8];
	size_t nj = read_all(in, 1, NULL, j, 8), nt = read_all(dir, 1, NULL, t, 8);
	ck_assert_uint_eq(nj, 5);
	ck_assert_uint_eq(nt, 5);
	for (size_t i = 0; i < 5; i++) {
		ck_assert_str_eq(j[i]->id, t[i]->id);
		ck_assert_uint_eq(j[i]->record_line, i + 1);
		/* The JSONL text is the file body, byte for byte. */
		ck_assert_str_eq(j[i]->text, t[i]->text + t[i]->body_start);
		if (t[i]->published)
			ck_assert_str_eq(j[i]->published, t[i]->published);
		ck_assert_uint_eq(rc_document_file_line(j[i], 100), i + 1);
	}
	ck_assert_str_eq(j[3]->source, "siasat.com");
	free_all(j, 5);
	free_all(t, 5);
}
END_TEST

START_TEST(input_order_does_not_matter)
{
	write_file("b/2.txt", "two\n", 4);
	write_file("b/1.txt", "one\n", 4);
	write_file("b/.hidden.txt", "hidden\n", 7);
	write_file("b/.git/config", "x\n", 2);
	write_file("b/sub/0.txt", "zero\n", 5);
	const char *a = write_file("a.txt", "a\n", 2);
	char b[512];
	snprintf(b, sizeof(b), "%s/b", tmpdir);
	const char *in1[] = {a, b}, *in2[] = {b, a};
	rc_document *d1[8], *d2[8];
	size_t n1 = read_all(in1, 2, NULL, d1, 8), n2 = read_all(in2, 2, NULL, d2, 8);
	ck_assert_uint_eq(n1, 4);
	ck_assert_uint_eq(n2, 4);
	const char *want[] = {"a", "1", "2", "sub/0"}; /* ids are relative to the input */
	for (size_t i = 0; i < 4; i++) {
		ck_assert_str_eq(d1[i]->id, want[i]);
		ck_assert_str_eq(d2[i]->id, want[i]);
	}
	free_all(d1, 4);
	free_all(d2, 4);
}
END_TEST

START_TEST(stdin_is_read)
{
	const char *p = write_file("in.txt", " date 2024-01-06 Two people died.\n", 34);
	ck_assert_ptr_nonnull(freopen(p, "rb", stdin));
	const char *in[] = {"-"};
	rc_document *d[2];
	ck_assert_uint_eq(read_all(in, 1, NULL, d, 2), 1);
	ck_assert_str_eq(d[0]->id, "stdin");
	ck_assert_str_eq(d[0]->path, "-");
	ck_assert_str_eq(d[0]->published, "2024-01-06");
	ck_assert_str_eq(d[0]->text + d[0]->body_start, "Two people died.\n");
	free_all(d, 1);
}
END_TEST

START_TEST(date_header_forms)
{
	rc_document *d;
	rc_error err;
	ck_assert_int_eq(rc_document_from_memory(&d, "Date: 2024-02-29\nBody.", 22, NULL, "x", &err), RC_OK);
	ck_assert_str_eq(d->published, "2024-02-29");
	ck_assert_str_eq(d->text + d->body_start, "Body.");
	rc_document_free(d);
	/* not a header: an invalid date, or a date inside a word */
	ck_assert_int_eq(rc_document_from_memory(&d, "date 2023-02-29 Body.", 21, NULL, "x", &err), RC_OK);
	ck_assert_ptr_null(d->published);
	ck_assert_uint_eq(d->body_start, 0);
	rc_document_free(d);
	ck_assert_int_eq(rc_document_from_memory(&d, "dated 2024-01-01 x", 18, NULL, "x", &err), RC_OK);
	ck_assert_ptr_null(d->published);
	rc_document_free(d);
}
END_TEST

START_TEST(date_parsing)
{
	char out[11];
	static const struct { const char *in, *want; } ok[] = {
		{"2024-01-06", "2024-01-06"}, {"2024-01-06T10:00:00Z", "2024-01-06"},
		{"2024-01-06 10:00:00", "2024-01-06"}, {"2024/1/6", "2024-01-06"},
		{"Sat, 06 Jan 2024 10:00:00 GMT", "2024-01-06"}, {"January 6, 2024", "2024-01-06"},
		{"6 January 2024", "2024-01-06"}, {"Sept 3, 2023", "2023-09-03"},
		{"  2000-02-29", "2000-02-29"},
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		ck_assert_msg(rc__parse_date(ok[i].in, strlen(ok[i].in), out), "%s", ok[i].in);
		ck_assert_str_eq(out, ok[i].want);
	}
	static const char *bad[] = {"yesterday", "2024-13-01", "1900-02-29", "2024-01-32",
	                            "January 2024", "", "12345-01-01", "Foo 3, 2024"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!rc__parse_date(bad[i], strlen(bad[i]), out), "%s", bad[i]);
}
END_TEST

START_TEST(bad_utf8_is_repaired_with_offsets)
{
	const char bytes[] = "ok\nCaf\xe9 and \xff\xfe twice\n";
	const char *p = write_file("bad.txt", bytes, sizeof(bytes) - 1);
	const char *in[] = {p};
	rc_document *d[2];
	ck_assert_uint_eq(read_all(in, 1, NULL, d, 2), 1);
	ck_assert_int_eq(d[0]->status, RC_DOC_OK);
	ck_assert_str_eq(d[0]->text, "ok\nCaf\xEF\xBF\xBD and \xEF\xBF\xBD\xEF\xBF\xBD twice\n");
	ck_assert_uint_eq(d[0]->n_diags, 2);
	ck_assert_uint_eq(d[0]->diags[0].offset, 6);
	ck_assert_uint_eq(d[0]->diags[0].line, 2);
	ck_assert_int_eq(d[0]->diags[0].severity, RC_SEV_WARNING);
	ck_assert_uint_eq(d[0]->diags[1].offset, 12);
	ck_assert_ptr_nonnull(strstr(d[0]->diags[1].message, "2 invalid UTF-8"));
	/* columns count characters, not bytes */
	size_t line, col;
	rc_document_position(d[0], (size_t)(strstr(d[0]->text, "and") - d[0]->text), &line, &col);
	ck_assert_uint_eq(line, 2);
	ck_assert_uint_eq(col, 6);
	free_all(d, 1);
}
END_TEST

START_TEST(many_bad_bytes_are_summed_up)
{
	char bytes[400];
	for (size_t i = 0; i < sizeof(bytes); i++)
		bytes[i] = (i % 2) ? 'a' : (char)0xFF;
	/* Just under the binary threshold?  No: half the bytes are bad, so
	 * this is binary; use the memory path, which does not classify. */
	rc_document *d;
	rc_error err;
	ck_assert_int_eq(rc_document_from_memory(&d, bytes, sizeof(bytes), "m", "m", &err), RC_OK);
	ck_assert_uint_eq(d->n_diags, RC_MAX_DIAGS_PER_DOC + 1);
	ck_assert_ptr_nonnull(strstr(d->diags[RC_MAX_DIAGS_PER_DOC].message, "180 more"));
	rc_document_free(d);
}
END_TEST

START_TEST(nul_bytes_become_spaces)
{
	const char bytes[] = "Police said 3\0\0 people were arrested.";
	rc_document *d;
	rc_error err;
	ck_assert_int_eq(rc_document_from_memory(&d, bytes, sizeof(bytes) - 1, "n", "n", &err), RC_OK);
	ck_assert_str_eq(d->text, "Police said 3   people were arrested.");
	ck_assert_uint_eq(d->n_diags, 1);
	ck_assert_uint_eq(d->diags[0].offset, 13);
	rc_document_free(d);
}
END_TEST

START_TEST(crlf_and_bom)
{
	const char bytes[] = "\xEF\xBB\xBFline one\r\nline two\r\nthird 84\r\n";
	rc_document *d;
	rc_error err;
	ck_assert_int_eq(rc_document_from_memory(&d, bytes, sizeof(bytes) - 1, "c", "c", &err), RC_OK);
	ck_assert(strncmp(d->text, "line one\r\n", 10) == 0);
	size_t line, col;
	rc_document_position(d, (size_t)(strstr(d->text, "84") - d->text), &line, &col);
	ck_assert_uint_eq(line, 3);
	ck_assert_uint_eq(col, 7);
	rc_document_free(d);
}
END_TEST

START_TEST(jsonl_bad_line_among_good)
{
	const char *jl =
	        "{\"id\":\"a\",\"text\":\"One.\"}\n"
	        "{\"id\":\"b\",\"text\":\"Two.\"\n"
	        "\n"
	        "{\"id\":\"c\",\"maintext\":\"Three.\",\"source\":\"https://www.Example.com/x\","
	        "\"date_publish\":\"2024-01-06 10:00:00\"}\n"
	        "[1]\n"
	        "{\"id\":\"e\",\"text\":7,\"body\":\"Five.\",\"hostname\":\"news.example.org\"}\n"
	        "{\"title\":\"no text\"}\n";
	const char *p = write_file("batch.jsonl", jl, strlen(jl));
	const char *in[] = {p};
	rc_document *d[8];
	size_t n = read_all(in, 1, NULL, d, 8);
	ck_assert_uint_eq(n, 6);
	ck_assert_str_eq(d[0]->id, "a");
	ck_assert_int_eq(d[0]->status, RC_DOC_OK);
	ck_assert_str_eq(d[1]->id, "batch:2");
	ck_assert_int_eq(d[1]->status, RC_DOC_SKIPPED);
	ck_assert_uint_eq(d[1]->record_line, 2);
	ck_assert_uint_eq(d[1]->diags[0].line, 2);
	ck_assert_uint_gt(d[1]->diags[0].column, 0);
	ck_assert_ptr_nonnull(strstr(d[1]->reason, "malformed JSON"));
	ck_assert_str_eq(d[2]->id, "c");
	ck_assert_uint_eq(d[2]->record_line, 4);
	ck_assert_str_eq(d[2]->source, "example.com");  /* a URL kept out of the outlet */
	ck_assert_str_eq(d[2]->url, "https://www.Example.com/x");
	ck_assert_str_eq(d[2]->published, "2024-01-06");
	ck_assert_str_eq(d[2]->text, "Three.");
	ck_assert_int_eq(d[3]->status, RC_DOC_SKIPPED);
	ck_assert_str_eq(d[3]->reason, "not a JSON object");
	ck_assert_int_eq(d[4]->status, RC_DOC_OK);    /* wrongly typed text: falls back to body */
	ck_assert_str_eq(d[4]->text, "Five.");
	ck_assert_str_eq(d[4]->source, "news.example.org");
	ck_assert_uint_eq(d[4]->n_diags, 1);
	ck_assert_ptr_nonnull(strstr(d[4]->diags[0].message, "is an integer"));
	ck_assert_int_eq(d[5]->status, RC_DOC_SKIPPED);
	ck_assert_ptr_nonnull(strstr(d[5]->reason, "no text field"));
	free_all(d, n);
}
END_TEST

START_TEST(jsonl_user_fields)
{
	const char *jl = "{\"uid\":\"u1\",\"story\":\"Six.\",\"paper\":\"Daily\"}\n";
	const char *p = write_file("f.ndjson", jl, strlen(jl));
	static const char *const text_keys[] = {"story", NULL};
	static const char *const id_keys[] = {"uid", NULL};
	static const char *const src_keys[] = {"paper", NULL};
	rc_ingest_options o = {0};
	o.field_keys[RC_FIELD_TEXT] = text_keys;
	o.field_keys[RC_FIELD_ID] = id_keys;
	o.field_keys[RC_FIELD_SOURCE] = src_keys;
	const char *in[] = {p};
	rc_document *d[2];
	ck_assert_uint_eq(read_all(in, 1, &o, d, 2), 1);
	ck_assert_str_eq(d[0]->id, "u1");
	ck_assert_str_eq(d[0]->text, "Six.");
	ck_assert_str_eq(d[0]->source, "Daily");
	free_all(d, 1);
}
END_TEST

START_TEST(empty_binary_missing)
{
	const char *e = write_file("empty.txt", "", 0);
	char bin[4096];
	for (size_t i = 0; i < sizeof(bin); i++)
		bin[i] = (char)(i * 7);
	const char *b = write_file("img.png", bin, sizeof(bin));
	char missing[512];
	snprintf(missing, sizeof(missing), "%s/nope.txt", tmpdir);
	const char *in[] = {e, b, missing};
	rc_document *d[4];
	size_t n = read_all(in, 3, NULL, d, 4);
	ck_assert_uint_eq(n, 3);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(d[i]->status, RC_DOC_SKIPPED);
	ck_assert_str_eq(d[0]->reason, "empty file");
	ck_assert_ptr_nonnull(strstr(d[1]->reason, "binary file"));
	ck_assert_ptr_nonnull(strstr(d[2]->reason, "No such file"));
	free_all(d, n);
}
END_TEST

START_TEST(twenty_megabyte_line)
{
	size_t n = 20u << 20;
	char *big = malloc(n + 1);
	ck_assert_ptr_nonnull(big);
	for (size_t i = 0; i < n; i++)
		big[i] = "word "[i % 5];
	const char *p = write_file("big.txt", big, n);
	/* the same as a JSONL record */
	char *rec = malloc(n + 64);
	int k = snprintf(rec, 64, "{\"id\":\"big\",\"text\":\"");
	memcpy(rec + k, big, n);
	memcpy(rec + k + n, "\"}\n", 3);
	const char *pj = write_file("big.jsonl", rec, (size_t)k + n + 3);
	const char *in[] = {p, pj};
	rc_document *d[3];
	ck_assert_uint_eq(read_all(in, 2, NULL, d, 3), 2);
	ck_assert_int_eq(d[0]->status, RC_DOC_OK);
	ck_assert_uint_eq(d[0]->text_len, n);
	ck_assert_int_eq(d[1]->status, RC_DOC_OK);
	ck_assert_uint_eq(d[1]->text_len, n);
	free_all(d, 2);
	free(big);
	free(rec);
}
END_TEST

START_TEST(limits_are_reported)
{
	const char *p = write_file("doc.txt", "Ten people died in the fire.\n", 29);
	const char *jl = "{\"text\":\"a long enough line\"}\n{\"text\":\"ok\"}\n";
	const char *pj = write_file("l.jsonl", jl, strlen(jl));
	rc_ingest_options o = {0};
	o.limits.max_document_bytes = 10;
	o.limits.max_line_bytes = 20;
	const char *in[] = {p, pj};
	rc_document *d[4];
	size_t n = read_all(in, 2, &o, d, 4);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(d[0]->status, RC_DOC_SKIPPED);
	ck_assert_ptr_nonnull(strstr(d[0]->reason, "--max-document-bytes"));
	ck_assert_int_eq(d[1]->status, RC_DOC_SKIPPED);
	ck_assert_ptr_nonnull(strstr(d[1]->reason, "--max-line-bytes"));
	ck_assert_int_eq(d[2]->status, RC_DOC_OK);
	ck_assert_str_eq(d[2]->text, "ok");
	free_all(d, n);

	rc_ingest_options o2 = {0};
	o2.limits.max_documents = 1;
	const char *in2[] = {pj};
	n = read_all(in2, 1, &o2, d, 4);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(d[0]->status, RC_DOC_OK);
	ck_assert_int_eq(d[1]->status, RC_DOC_SKIPPED);
	ck_assert_ptr_nonnull(strstr(d[1]->reason, "--max-documents"));
	free_all(d, n);
}
END_TEST

START_TEST(binary_rule)
{
	ck_assert(!rc__looks_binary("plain text\n", 11));
	ck_assert(!rc__looks_binary("a stray \0 NUL in a long enough line of text", 43));
	ck_assert(rc__looks_binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
	ck_assert(!rc__looks_binary("", 0));
}
END_TEST

START_TEST(jsonl_outlet_and_ids)
{
	const char *jl =
	        "{\"id\":\"\",\"source\":\"https://www.wire.example/a/1\",\"sitename\":\"Example Wire\","
	        "\"text\":\"One.\"}\n"
	        "{\"id\":\"b\",\"source_domain\":\"www.Example.org\",\"url\":\"https://example.org/x\","
	        "\"text\":\"Two.\"}\n"
	        "{\"id\":\"c\",\"link\":\"http://user@news.example.net:8080/p?q=1\",\"text\":\"Three.\"}\n"
	        "{\"id\":\"d\",\"outlet\":\"Reuters\",\"source\":7,\"text\":\"Four.\"}\n";
	const char *p = write_file("o.jsonl", jl, strlen(jl));
	const char *in[] = {p};
	rc_document *d[5];
	size_t n = read_all(in, 1, NULL, d, 5);
	ck_assert_uint_eq(n, 4);
	/* An empty id is no id: the default "<stem>:<line>" is used. */
	ck_assert_str_eq(d[0]->id, "o:1");
	/* A plain name wins over a URL; the URL still goes to url. */
	ck_assert_str_eq(d[0]->source, "Example Wire");
	ck_assert_str_eq(d[0]->url, "https://www.wire.example/a/1");
	/* "www." makes a URL too; url keeps its own value. */
	ck_assert_str_eq(d[1]->source, "example.org");
	ck_assert_str_eq(d[1]->url, "https://example.org/x");
	/* No source at all: the host of url, without user or port. */
	ck_assert_str_eq(d[2]->source, "news.example.net");
	/* A number in source is a warning, the next key is tried. */
	ck_assert_str_eq(d[3]->source, "Reuters");
	ck_assert_uint_eq(d[3]->n_diags, 1);
	ck_assert_ptr_nonnull(strstr(d[3]->diags[0].message, "'source'"));
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(d[i]->status, RC_DOC_OK);
	free_all(d, n);
}
END_TEST

START_TEST(jsonl_repairs_bom_crlf)
{
	/* A BOM on line 1, CRLF line ends, a Latin-1 byte, a raw NUL, an
	 * escaped NUL, and a malformed line after a repaired byte. */
	const char jl[] = "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"Caf\xE9 fire.\"}\r\n"
	                  "{\"id\":\"b\",\"text\":\"raw\0nul\"}\r\n"
	                  "{\"id\":\"c\",\"text\":\"esc\\u0000nul\"}\r\n"
	                  "\r\n"
	                  "{\"id\":\"d\",\"text\":\"\xE9\" oops}\r\n"
	                  "{\"id\":\"d\",\"text\":\"e\" oops}\r\n";
	const char *p = write_file("r.jsonl", jl, sizeof(jl) - 1);
	const char *in[] = {p};
	rc_document *d[6];
	size_t n = read_all(in, 1, NULL, d, 6);
	ck_assert_uint_eq(n, 5);
	ck_assert_str_eq(d[0]->id, "a");
	ck_assert_str_eq(d[0]->text, "Caf\xEF\xBF\xBD fire.");
	ck_assert_uint_eq(d[0]->n_diags, 1);
	ck_assert_uint_eq(d[0]->diags[0].line, 1);
	ck_assert_uint_eq(d[0]->diags[0].offset, 24); /* in the file, BOM counted */
	ck_assert_uint_eq((unsigned char)jl[24], 0xE9);
	ck_assert_str_eq(d[1]->text, "raw nul");
	ck_assert_uint_eq(d[1]->diags[0].line, 2);
	ck_assert_uint_eq(d[1]->diags[0].offset, (size_t)(strchr(jl + 3, '\0') - jl));
	ck_assert_str_eq(d[2]->text, "esc nul");
	ck_assert_uint_eq(d[2]->diags[0].line, 3);
	/* An escaped NUL has no file offset; the message gives the text offset. */
	ck_assert_uint_eq(d[2]->diags[0].offset, (size_t)-1);
	ck_assert_ptr_nonnull(strstr(d[2]->diags[0].message, "byte 3 of the text"));
	/* Line 4 is blank (CRLF).  Lines 5 and 6 are malformed the same way,
	 * 5 after a repaired byte: the error is at the same place in both
	 * lines, in file offsets and in columns. */
	ck_assert_str_eq(d[3]->id, "r:5");
	ck_assert_str_eq(d[4]->id, "r:6");
	const rc_diag *e[2];
	size_t start[2];
	for (size_t i = 0; i < 2; i++) {
		ck_assert_int_eq(d[3 + i]->status, RC_DOC_SKIPPED);
		ck_assert_uint_eq(d[3 + i]->record_line, 5 + i);
		e[i] = &d[3 + i]->diags[d[3 + i]->n_diags - 1];
		ck_assert_int_eq(e[i]->severity, RC_SEV_ERROR);
		ck_assert_uint_eq(e[i]->line, 5 + i);
	}
	start[1] = sizeof(jl) - 1 - d[4]->input_bytes; /* the last line */
	start[0] = start[1] - d[3]->input_bytes;
	ck_assert_uint_eq(d[3]->input_bytes, d[4]->input_bytes);
	ck_assert_uint_gt(e[0]->offset, start[0]);
	ck_assert_uint_eq(e[0]->offset - start[0], e[1]->offset - start[1]);
	ck_assert_uint_gt(e[0]->column, 0);
	ck_assert_uint_eq(e[0]->column, e[1]->column);
	free_all(d, n);
}
END_TEST

START_TEST(directory_links_not_followed)
{
	write_file("d/a.txt", "Two died.\n", 10);
	char dir[512], link[600];
	snprintf(dir, sizeof(dir), "%s/d", tmpdir);
	/* Two links back to the directory: followed, they would make 2^64
	 * paths; not followed, each is one skipped entry. */
	snprintf(link, sizeof(link), "%s/loop1", dir);
	ck_assert_int_eq(symlink(".", link), 0);
	snprintf(link, sizeof(link), "%s/loop2", dir);
	ck_assert_int_eq(symlink("..", link), 0);
	/* A link to a file is read. */
	snprintf(link, sizeof(link), "%s/b.txt", dir);
	ck_assert_int_eq(symlink("a.txt", link), 0);
	const char *in[] = {dir};
	rc_document *d[6];
	size_t n = read_all(in, 1, NULL, d, 6);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(d[0]->id, "a");
	ck_assert_str_eq(d[1]->id, "b");
	ck_assert_str_eq(d[1]->text, "Two died.\n");
	for (size_t i = 2; i < 4; i++) {
		ck_assert_int_eq(d[i]->status, RC_DOC_SKIPPED);
		ck_assert_ptr_nonnull(strstr(d[i]->reason, "symbolic link to a directory"));
	}
	free_all(d, n);
	/* Named on the command line, a link to a directory is walked. */
	snprintf(link, sizeof(link), "%s/d/loop1", tmpdir);
	const char *in2[] = {link};
	n = read_all(in2, 1, NULL, d, 6);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(d[0]->id, "a");
	free_all(d, n);
}
END_TEST

START_TEST(deep_directories_end)
{
	char path[1024];
	int k = snprintf(path, sizeof(path), "%s", tmpdir);
	for (int i = 0; i < 70; i++) {
		k += snprintf(path + k, sizeof(path) - (size_t)k, "/d");
		ck_assert_int_eq(mkdir(path, 0755), 0);
	}
	snprintf(path + k, sizeof(path) - (size_t)k, "/x.txt");
	FILE *fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("deep\n", fp);
	fclose(fp);
	const char *in[] = {tmpdir};
	rc_document *d[2];
	ck_assert_uint_eq(read_all(in, 1, NULL, d, 2), 1);
	ck_assert_int_eq(d[0]->status, RC_DOC_SKIPPED);
	ck_assert_ptr_nonnull(strstr(d[0]->reason, "too deep"));
	free_all(d, 1);
}
END_TEST

START_TEST(big_repaired_document)
{
	/* Repairs size the text exactly: 1 MB of which every 100th byte is
	 * Latin-1 grows by exactly 2 bytes per bad byte. */
	size_t n = 1u << 20, bad = 0;
	char *b = malloc(n);
	ck_assert_ptr_nonnull(b);
	for (size_t i = 0; i < n; i++) {
		b[i] = i % 100 == 99 ? (char)0xE9 : "text "[i % 5];
		bad += i % 100 == 99;
	}
	rc_document *d;
	rc_error err;
	ck_assert_int_eq(rc_document_from_memory(&d, b, n, "big", "big", &err), RC_OK);
	ck_assert_uint_eq(d->text_len, n + 2 * bad);
	ck_assert_uint_eq(strlen(d->text), d->text_len);
	ck_assert_uint_eq(d->n_diags, RC_MAX_DIAGS_PER_DOC + 1);
	free(b);
	rc_document_free(d);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ingest");
	TCase *tc = tcase_create("ingest");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, seeds_directory);
	tcase_add_test(tc, seeds_jsonl_matches_files);
	tcase_add_test(tc, input_order_does_not_matter);
	tcase_add_test(tc, stdin_is_read);
	tcase_add_test(tc, date_header_forms);
	tcase_add_test(tc, date_parsing);
	tcase_add_test(tc, bad_utf8_is_repaired_with_offsets);
	tcase_add_test(tc, many_bad_bytes_are_summed_up);
	tcase_add_test(tc, nul_bytes_become_spaces);
	tcase_add_test(tc, crlf_and_bom);
	tcase_add_test(tc, jsonl_bad_line_among_good);
	tcase_add_test(tc, jsonl_user_fields);
	tcase_add_test(tc, empty_binary_missing);
	tcase_add_test(tc, twenty_megabyte_line);
	tcase_add_test(tc, limits_are_reported);
	tcase_add_test(tc, binary_rule);
	tcase_add_test(tc, jsonl_outlet_and_ids);
	tcase_add_test(tc, jsonl_repairs_bom_crlf);
	tcase_add_test(tc, directory_links_not_followed);
	tcase_add_test(tc, deep_directories_end);
	tcase_add_test(tc, big_repaired_document);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
