/* Tests of src/ingest: every input path, repairs, skips and limits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <recount/document.h>
#include <recount/recount.h>
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
	/* every folder on the way */
	for (char *slash = p + strlen(tmpdir) + 1; (slash = strchr(slash, '/')) != NULL; slash++) {
		*slash = '\0';
		mkdir(p, 0755);
		*slash = '/';
	}
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

/* A document with no date says when it was written: the latest date it
 * states, and how long after its news its headline or lead says it is. */
START_TEST(time_hint_from_the_text)
{
	static const char a[] = "Dam inquiry reports\n\nThe dam gave way on 3 May 2011, and the inquiry sat "
	                        "until June 2012. Engineers had warned in 2009.\n";
	static const char b[] = "Two years on, the valley rebuilds\n\nBy A. Writer\n\nFarmers are back.\n\n"
	                        "Four days after the flood, the army arrived. Plans run to 2040.\n";
	static const char c[] = "Quarry blast: 9 hurt\n\nNine workers were hurt on Monday, police said.\n\n"
	                        "(c) Hill Courier 2019\n";
	static const char d[] = " date 2020-01-02 \nA year on, the town remembers.\n";
	static const char e[] = "Ferry toll rises\n\nHARBOUR CITY, Aug. 19 (Wire) - Divers found two more bodies on "
	                        "Sunday, 19 June and July 4 are named in the log, and the funeral will be held "
	                        "on Friday. The inquiry reports on June 3, 2031.\n";
	const char *in[] = {write_file("h1.txt", a, sizeof a - 1), write_file("h2.txt", b, sizeof b - 1),
	                    write_file("h3.txt", c, sizeof c - 1), write_file("h4.txt", d, sizeof d - 1),
	                    write_file("h5.txt", e, sizeof e - 1)};
	rc_document *doc[5];
	ck_assert_uint_eq(read_all(in, 5, NULL, doc, 5), 5);
	ck_assert_str_eq(doc[0]->time_hint, "2012-06");   /* the latest stated; "in 2009" is earlier */
	ck_assert_str_eq(doc[1]->time_hint, "P730D");     /* "Two years on"; days narrate, 2040 has no lead */
	ck_assert_str_eq(doc[2]->time_hint, "2019 W0");   /* a copyright line; "on Monday" */
	ck_assert_ptr_null(doc[3]->time_hint);            /* it has a date of its own */
	/* months and days without a year and weekdays, sorted; "will be held
	 * on Friday" is ahead; "June 3, 2031" is a full date */
	ck_assert_str_eq(doc[4]->time_hint, "2031-06-03 --06-19 --07-04 --08-19 W6");
	free_all(doc, 5);
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

/* A header block of "Key: value" lines (docs/input.md, "Plain-text files"). */
static rc_document *from_text(const char *text)
{
	rc_document *d;
	rc_error err;
	ck_assert_int_eq(rc_document_from_memory(&d, text, strlen(text), NULL, "x", &err), RC_OK);
	return d;
}

START_TEST(header_block_forms)
{
	rc_document *d = from_text("Title: Floods kill 12 in the valley\nSOURCE: Valley Wire\n"
	                           "Author: A. Writer\nDate: March 3, 2025\n"
	                           "URL: https://www.valley.example/floods\n\nTwelve people died.");
	ck_assert_str_eq(d->title, "Floods kill 12 in the valley");
	ck_assert_str_eq(d->source, "Valley Wire");
	ck_assert_str_eq(d->published, "2025-03-03");
	ck_assert_str_eq(d->url, "https://www.valley.example/floods");
	ck_assert_str_eq(d->text + d->body_start, "Twelve people died.");
	ck_assert_uint_eq(rc_document_title_line(d), 1);
	rc_document_free(d);
	/* the block ends at the first line that is no header line; a URL as the
	 * source gives the url and the outlet is its host */
	d = from_text("Headline: Ferry sinks\nSource: https://www.harbour.example/a/1\n"
	              "Published: 2024-05-02T08:00:00Z\nThe ferry sank on Tuesday.");
	ck_assert_str_eq(d->title, "Ferry sinks");
	ck_assert_uint_eq(rc_document_title_line(d), 1);
	ck_assert_str_eq(d->source, "harbour.example");
	ck_assert_str_eq(d->url, "https://www.harbour.example/a/1");
	ck_assert_str_eq(d->published, "2024-05-02");
	ck_assert_str_eq(d->text + d->body_start, "The ferry sank on Tuesday.");
	rc_document_free(d);
	/* a date header on its own line may open the block */
	d = from_text("Date: 2025-03-03\nTitle: Floods kill 12\nSource: Valley Wire\n\nBody.");
	ck_assert_str_eq(d->published, "2025-03-03");
	ck_assert_str_eq(d->title, "Floods kill 12");
	ck_assert_uint_eq(rc_document_title_line(d), 2);
	ck_assert_str_eq(d->source, "Valley Wire");
	ck_assert_str_eq(d->text + d->body_start, "Body.");
	rc_document_free(d);
	d = from_text("date 2025-03-03 Title: not a header\nBody.");
	ck_assert_str_eq(d->published, "2025-03-03");
	ck_assert_ptr_null(d->title);
	ck_assert_str_eq(d->text + d->body_start, "Title: not a header\nBody.");
	rc_document_free(d);
	/* a date that cannot be read is a warning on its line, and no date */
	d = from_text("Source: Hill Times\nDate: the day after the storm\n\nBody.");
	ck_assert_ptr_null(d->published);
	ck_assert_str_eq(d->source, "Hill Times");
	ck_assert_uint_eq(d->n_diags, 1);
	ck_assert_int_eq(d->diags[0].severity, RC_SEV_WARNING);
	ck_assert_uint_eq(d->diags[0].line, 2);
	ck_assert_str_eq(d->text + d->body_start, "Body.");
	rc_document_free(d);
	/* no header: a headline with a colon, a key that is not one, a key
	 * not on the first line */
	static const char *const plain[] = {
		"LIVE: Blasts kill 20\n\nBody.",
		"Update: the toll rose to 20.\n",
		"Floods kill 12\nSource: Valley Wire\n\nBody.",
	};
	for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
		d = from_text(plain[i]);
		ck_assert_uint_eq(d->body_start, 0);
		ck_assert_ptr_null(d->title);
		ck_assert_ptr_null(d->source);
		rc_document_free(d);
	}
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

/* The flat records read without a tree and the records jansson reads
 * (numbers, nested values, a key twice, escapes the pull reader refuses)
 * give the same documents and the same warnings. */
START_TEST(jsonl_flat_and_tree_records)
{
	const char *jl =
	        /* flat: strings, a boolean, a null, escapes */
	        "{\"id\":\"f1\",\"paywall\":true,\"url\":null,\"title\":\"Caf\\u00e9 fire\","
	        "\"text\":\"Line one.\\nLine \\\"two\\\" \\ud83d\\ude00.\",\"source\":\"Daily\"}\n"
	        /* a boolean where a string is wanted: a warning, the next key wins */
	        "{\"id\":\"f2\",\"text\":false,\"body\":\"Body text.\"}\n"
	        /* numbers: an integer id as jansson prints it, a real elsewhere */
	        "{\"id\":-42,\"score\":1.5e3,\"text\":\"Numbered.\",\"published\":\"2024-03-01\"}\n"
	        /* nested: read by jansson, the dotted key reaches into it */
	        "{\"id\":\"n1\",\"source\":{\"name\":\"Nested Times\"},\"text\":\"Nested.\"}\n"
	        /* a key twice: jansson's error */
	        "{\"id\":\"d1\",\"text\":\"One.\",\"text\":\"Two.\"}\n"
	        /* an escaped NUL: jansson allows it, and it becomes a space */
	        "{\"id\":\"z1\",\"text\":\"A\\u0000B.\"}\n"
	        /* cut short */
	        "{\"id\":\"c1\",\"text\":\"Cut\n"
	        /* an integer over 64 bits: jansson's error */
	        "{\"id\":99999999999999999999,\"text\":\"Big.\"}\n"
	        /* a real where a string is wanted: a warning naming its type */
	        "{\"id\":\"r1\",\"title\":2.5,\"text\":\"Real title.\"}\n";
	const char *p = write_file("flat.jsonl", jl, strlen(jl));
	const char *in[] = {p};
	rc_document *d[10];
	size_t n = read_all(in, 1, NULL, d, 10);
	ck_assert_uint_eq(n, 9);
	ck_assert_str_eq(d[0]->id, "f1");
	ck_assert_int_eq(d[0]->status, RC_DOC_OK);
	ck_assert_str_eq(d[0]->title, "Caf\xC3\xA9 fire");
	ck_assert_str_eq(d[0]->text, "Line one.\nLine \"two\" \xF0\x9F\x98\x80.");
	ck_assert_str_eq(d[0]->source, "Daily");
	ck_assert_ptr_null(d[0]->url);
	ck_assert_uint_eq(d[0]->n_diags, 0);
	ck_assert_str_eq(d[1]->text, "Body text.");
	ck_assert_uint_eq(d[1]->n_diags, 1);
	ck_assert_ptr_nonnull(strstr(d[1]->diags[0].message, "is false, not a string"));
	ck_assert_str_eq(d[2]->id, "-42");
	ck_assert_uint_eq(d[2]->n_diags, 0);
	ck_assert_str_eq(d[2]->published, "2024-03-01");
	ck_assert_str_eq(d[3]->source, "Nested Times");
	ck_assert_str_eq(d[3]->text, "Nested.");
	ck_assert_int_eq(d[4]->status, RC_DOC_SKIPPED);
	ck_assert_ptr_nonnull(strstr(d[4]->reason, "malformed JSON"));
	ck_assert_ptr_nonnull(strstr(d[4]->reason, "duplicate"));
	ck_assert_int_eq(d[5]->status, RC_DOC_OK);
	ck_assert_str_eq(d[5]->text, "A B.");
	ck_assert_int_eq(d[6]->status, RC_DOC_SKIPPED);
	ck_assert_ptr_nonnull(strstr(d[6]->reason, "malformed JSON"));
	ck_assert_int_eq(d[7]->status, RC_DOC_SKIPPED);
	ck_assert_ptr_nonnull(strstr(d[7]->reason, "too big integer"));
	ck_assert_int_eq(d[8]->status, RC_DOC_OK);
	ck_assert_ptr_null(d[8]->title);
	ck_assert_uint_eq(d[8]->n_diags, 1);
	ck_assert_ptr_nonnull(strstr(d[8]->diags[0].message, "is a real, not a string"));
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
	rc_ingest_options o = RC_INGEST_OPTIONS_INIT;
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
	rc_ingest_options o = RC_INGEST_OPTIONS_INIT;
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

	rc_ingest_options o2 = RC_INGEST_OPTIONS_INIT;
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

/* ---- dates and times ------------------------------------------------------------ */

START_TEST(datetime_forms)
{
	static const struct {
		const char *in, *date, *at;
	} ok[] = {
		{"2024-03-09", "2024-03-09", ""},
		{"2024-03-09T23:15:00Z", "2024-03-09", "2024-03-09T23:15:00Z"},
		{"2024-03-09T23:15:00+02:00", "2024-03-09", "2024-03-09T21:15:00Z"},
		{"2024-03-10T01:00:00+05:30", "2024-03-10", "2024-03-09T19:30:00Z"},
		{"2024-03-09T20:00:00-0630", "2024-03-09", "2024-03-10T02:30:00Z"},
		{"2024-03-09T20:00:00.5+01", "2024-03-09", "2024-03-09T19:00:00Z"},
		{"2024-03-09 08:05", "2024-03-09", "2024-03-09T08:05:00Z"},
		{"20240309", "2024-03-09", ""},
		{"20240309T081500Z", "2024-03-09", "2024-03-09T08:15:00Z"},
		{"1710000000", "2024-03-09", "2024-03-09T16:00:00Z"},
		{"1710000000123", "2024-03-09", "2024-03-09T16:00:00Z"},
		{"1710000000.75", "2024-03-09", "2024-03-09T16:00:00Z"},
		{"09.03.2024", "2024-03-09", ""},
		{"9.3.2024 18:30", "2024-03-09", "2024-03-09T18:30:00Z"},
		{"25/12/2023", "2023-12-25", ""},
		{"12/25/2023", "2023-12-25", ""},
		{"Sat, 09 Mar 2024 16:00:00 GMT", "2024-03-09", "2024-03-09T16:00:00Z"},
		{"Sat, 09 Mar 2024 16:00:00 EST", "2024-03-09", "2024-03-09T21:00:00Z"},
		{"March 9, 2024, 4:00 p.m. CET", "2024-03-09", "2024-03-09T15:00:00Z"},
		{"March 9th, 2024 at 12:30 AM", "2024-03-09", "2024-03-09T00:30:00Z"},
		{"9 March 2024", "2024-03-09", ""},
		{"Saturday, 9-Mar-2024 16:00:00 UTC+1", "2024-03-09", "2024-03-09T15:00:00Z"},
		{"Sat Mar  9 16:00:00 2024", "2024-03-09", "2024-03-09T16:00:00Z"},
		{"2024-03-09 16:00 ZZT", "2024-03-09", ""},          /* unknown zone: date only */
	};
	for (size_t i = 0; i < RC_ARRAY_LEN(ok); i++) {
		rc__datetime dt;
		ck_assert_msg(rc__parse_datetime(ok[i].in, strlen(ok[i].in), 0, &dt), "%s", ok[i].in);
		ck_assert_msg(strcmp(dt.date, ok[i].date) == 0, "%s: date %s", ok[i].in, dt.date);
		ck_assert_msg(strcmp(dt.at, ok[i].at) == 0, "%s: at '%s'", ok[i].in, dt.at);
	}
	rc__datetime dt;
	ck_assert(rc__parse_datetime("03/04/2024", 10, 0, &dt) && dt.month_first_guess);
	ck_assert_str_eq(dt.date, "2024-03-04");
	ck_assert(rc__parse_datetime("13/04/2024", 10, 0, &dt) && !dt.month_first_guess);
	ck_assert(rc__parse_datetime("2024-03-09 10:00 QQT", 20, 0, &dt) && dt.zone_unknown);
	static const char *bad[] = {"123", "99999999", "2024-03-09T", "31.02.2024", "1e9",
	                            "00/00/2024", "0.0.2024"};
	for (size_t i = 0; i < RC_ARRAY_LEN(bad); i++) {
		bool got = rc__parse_datetime(bad[i], strlen(bad[i]), 0, &dt);
		/* "2024-03-09T" is a date with a broken time: the date stands */
		if (strcmp(bad[i], "2024-03-09T") == 0)
			ck_assert(got && !dt.at[0]);
		else
			ck_assert_msg(!got, "%s read as %s", bad[i], dt.date);
	}
	/* in prose, bare numbers are not dates */
	char out[11];
	ck_assert(!rc__parse_date("1710000000", 10, out));
	ck_assert(!rc__parse_date("20240309", 8, out));
	ck_assert(rc__parse_date("09.03.2024", 10, out));
	ck_assert_str_eq(out, "2024-03-09");
}
END_TEST

/* ---- ids ------------------------------------------------------------------------ */

START_TEST(ids_are_unique_in_a_run)
{
	const char *a = write_file("run/outlets/a/story.txt", "Two died.\n", 10);
	write_file("run/outlets/b/story.txt", "Three died.\n", 12);
	write_file("run/outlets/b/story.html", "<p>Four died.</p>\n", 18);
	const char *j = write_file("run/story.jsonl",
	                           "{\"id\":\"x\",\"text\":\"One.\"}\n{\"id\":\"x\",\"text\":\"Two.\"}\n"
	                           "{\"text\":\"Three.\"}\n",
	                           68);
	char dir[600];
	snprintf(dir, sizeof dir, "%s/run/outlets", tmpdir);
	const char *in[] = {dir, a, j};
	rc_document *d[8];
	size_t n = read_all(in, 3, NULL, d, 8);
	ck_assert_uint_eq(n, 7);
	/* read in sorted order: the directory, then the file named again, then the batch */
	const char *want[] = {"a/story", "b/story", "b/story~2", "story", "x", "x~2", "story:3"};
	for (size_t i = 0; i < n; i++) {
		ck_assert_str_eq(d[i]->id, want[i]);
		for (size_t k = 0; k < i; k++)
			ck_assert_str_ne(d[i]->id, d[k]->id);
	}
	/* the later one says which document had the id first */
	ck_assert_uint_eq(d[2]->n_diags, 1);
	ck_assert_ptr_nonnull(strstr(d[2]->diags[0].message, "run/outlets/b/story.html"));
	ck_assert_ptr_nonnull(strstr(d[5]->diags[0].message, "story.jsonl:1"));
	ck_assert_int_eq(d[5]->diags[0].severity, RC_SEV_WARNING);
	free_all(d, n);
}
END_TEST

/* ---- byte-order marks ------------------------------------------------------------- */

START_TEST(utf16_and_utf32_are_decoded)
{
	/* "Caf\u00e9 \U0001F4F0\n12 died.\n" in UTF-16BE, with a lone high surrogate */
	const unsigned char be[] = {0xFE, 0xFF, 0, 'C', 0, 'a', 0, 'f', 0, 0xE9, 0, ' ', 0xD8, 0x3D,
	                            0xDC, 0xF0, 0, '\n', 0, '1', 0, '2', 0xD8, 0x00, 0, ' ',
	                            0, 'd', 0, 'i', 0, 'e', 0, 'd', 0, '.', 0, '\n'};
	const char *p = write_file("be.txt", be, sizeof be);
	const unsigned char le32[] = {0xFF, 0xFE, 0, 0, 'O', 0, 0, 0, 'k', 0, 0, 0, 0x00, 0xD8, 0, 0,
	                              '\n', 0, 0, 0, 0x00, 0x00, 0x11, 0x00};
	const char *q = write_file("le32.txt", le32, sizeof le32);
	const char *in[] = {p, q};
	rc_document *d[2];
	ck_assert_uint_eq(read_all(in, 2, NULL, d, 2), 2);
	ck_assert_int_eq(d[0]->status, RC_DOC_OK);
	ck_assert_str_eq(d[0]->text, "Caf\xC3\xA9 \xF0\x9F\x93\xB0\n12\xEF\xBF\xBD died.\n");
	ck_assert_uint_eq(d[0]->input_bytes, sizeof be);
	size_t line;
	rc_document_position(d[0], (size_t)(strstr(d[0]->text, "died") - d[0]->text), &line, NULL);
	ck_assert_uint_eq(line, 2);
	ck_assert_int_eq(d[0]->diags[0].severity, RC_SEV_NOTE);
	ck_assert_ptr_nonnull(strstr(d[0]->diags[0].message, "UTF-16BE"));
	ck_assert_ptr_nonnull(strstr(d[0]->diags[1].message, "1 invalid UTF-16BE"));
	/* UTF-32: a surrogate and a value past U+10FFFF become U+FFFD */
	ck_assert_str_eq(d[1]->text, "Ok\xEF\xBF\xBD\n\xEF\xBF\xBD");
	free_all(d, 2);
}
END_TEST

/* ---- .json files -------------------------------------------------------------------- */

START_TEST(json_files_one_object_or_an_array)
{
	const char one[] = "{\n  \"title\": \"T\",\n  \"source\": {\"name\": \"Wire\", \"id\": 7},\n"
	                   "  \"maintext\": \"Nine \\\"quoted\\\" people died.\\nOn a new line.\",\n"
	                   "  \"publishedAt\": 1710000000\n}\n";
	const char arr[] = "[ {\"text\": \"A [bracket] in text } and more.\"},\n"
	                   "  {\"text\": \"B.\", \"nested\": {\"deep\": {\"date\": \"2024-03-09\"}}},\n"
	                   "  7 ,\n  {\"text\": \"C.\"} ]\n  \n";
	const char *p1 = write_file("one.json", one, sizeof one - 1);
	const char *p2 = write_file("arr.json", arr, sizeof arr - 1);
	const char *const pub[] = {"nested.deep.date", NULL};
	rc_ingest_options o = RC_INGEST_OPTIONS_INIT;
	o.field_keys[RC_FIELD_PUBLISHED] = pub;
	const char *in[] = {p1, p2};
	rc_document *d[8];
	size_t n = read_all(in, 2, &o, d, 8);
	ck_assert_uint_eq(n, 5);
	/* sorted: arr.json first */
	ck_assert_str_eq(d[0]->id, "arr:1");
	ck_assert_str_eq(d[0]->text, "A [bracket] in text } and more.");
	ck_assert_str_eq(d[1]->id, "arr:2");
	ck_assert_str_eq(d[1]->published, "2024-03-09");
	ck_assert_int_eq(d[2]->status, RC_DOC_SKIPPED);
	ck_assert_uint_eq(d[2]->record_line, 3);
	ck_assert_ptr_nonnull(strstr(d[2]->reason, "not a JSON object"));
	ck_assert_str_eq(d[3]->id, "arr:4");
	/* one object: the file's id, the outlet from source.name, an epoch date,
	 * JSON escapes decoded, and the line of its text field to cite */
	ck_assert_str_eq(d[4]->id, "one");
	ck_assert_str_eq(d[4]->source, "Wire");
	ck_assert_str_eq(d[4]->title, "T");
	ck_assert_str_eq(d[4]->text, "Nine \"quoted\" people died.\nOn a new line.");
	ck_assert_str_eq(d[4]->published, "2024-03-09");
	ck_assert_str_eq(d[4]->published_at, "2024-03-09T16:00:00Z");
	ck_assert_uint_eq(d[4]->record_line, 4);
	ck_assert_uint_eq(rc_document_file_line(d[4], 30), 4);
	for (size_t i = 0; i < n; i++)
		ck_assert_uint_eq(d[i]->n_diags, d[i]->status == RC_DOC_OK ? 0 : 1);
	free_all(d, n);
}
END_TEST

START_TEST(broken_json_files)
{
	static const struct {
		const char *name, *data, *reason;
		size_t docs;
	} cases[] = {
		{"empty.json", "  \n", "empty file", 1},
		{"cut.json", "[{\"text\": \"ok.\"}, {\"text\": \"cut", "ends inside", 2},
		{"extra.json", "{\"text\": \"ok.\"} {\"text\": \"two\"}", "more after", 2},
		{"nocomma.json", "[{\"text\": \"a.\"} {\"text\": \"b.\"}]", "',' or ']'", 2},
		{"bad.json", "{\"text\": \"a\", }", "malformed JSON", 1},
		{"emptyarr.json", "[ ]", NULL, 0},
	};
	for (size_t c = 0; c < RC_ARRAY_LEN(cases); c++) {
		const char *p = write_file(cases[c].name, cases[c].data, strlen(cases[c].data));
		const char *in[] = {p};
		rc_document *d[4];
		size_t n = read_all(in, 1, NULL, d, 4);
		ck_assert_msg(n == cases[c].docs, "%s: %zu documents", cases[c].name, n);
		if (cases[c].reason) {
			ck_assert_int_eq(d[n - 1]->status, RC_DOC_SKIPPED);
			ck_assert_msg(strstr(d[n - 1]->reason, cases[c].reason), "%s: %s", cases[c].name,
			              d[n - 1]->reason);
		}
		free_all(d, n);
	}
}
END_TEST

/* ---- HTML ------------------------------------------------------------------------- */

START_TEST(html_text_is_what_a_reader_sees)
{
	const char page[] =
	        "<!doctype html><html><head><title>Old &amp; new</title>\n"        /* 1 */
	        "<meta name=\"twitter:title\" content=\"Tw\">\n"                     /* 2 */
	        "<script>document.write('40 people were killed');</script>\n"      /* 3 */
	        "</head><body><p>Fire killed&nbsp;<em>seven</em>\n"                /* 4 */
	        "   people&#x2C; officials said.</p><ul><li>One</li><li>Two</li></ul>\n" /* 5 */
	        "<p>Caf&eacute; <br>owner</p><noscript>9 dead</noscript>"         /* 6 */
	        "<textarea>8 dead</textarea><!-- 6 dead --></body></html>\n";
	const char *p = write_file("page.html", page, sizeof page - 1);
	const char *in[] = {p};
	rc_document *d[1];
	ck_assert_uint_eq(read_all(in, 1, NULL, d, 1), 1);
	ck_assert_int_eq(d[0]->status, RC_DOC_OK);
	ck_assert_str_eq(d[0]->text, "Fire killed\xC2\xA0seven people, officials said.\n\nOne\n\nTwo"
	                             "\n\nCaf\xC3\xA9\nowner");
	ck_assert_str_eq(d[0]->title, "Tw"); /* twitter:title outranks <title> */
	ck_assert_uint_eq(d[0]->record_line, 0);
	/* the text of each line of the file maps back to that line */
	const char *t = d[0]->text;
	ck_assert_uint_eq(rc_document_file_line(d[0], (size_t)(strstr(t, "Fire") - t)), 4);
	ck_assert_uint_eq(rc_document_file_line(d[0], (size_t)(strstr(t, "officials") - t)), 5);
	ck_assert_uint_eq(rc_document_file_line(d[0], (size_t)(strstr(t, "Two") - t)), 5);
	ck_assert_uint_eq(rc_document_file_line(d[0], (size_t)(strstr(t, "owner") - t)), 6);
	free_all(d, 1);
}
END_TEST

START_TEST(title_line_is_where_the_title_is)
{
	/* a figure in an HTML title is cited at the line of the element the
	 * title was taken from; a page without a title cites line 1 */
	const char page[] = "<html>\n<head>\n\n<title>Bus overturns: 12 hurt</title>\n</head>\n"
	                    "<body><p>Twelve people were hurt when a bus overturned on the highway "
	                    "near the city on Saturday morning, the police said.</p></body></html>\n";
	const char *p = write_file("titled.html", page, sizeof page - 1);
	const char *in[] = {p};
	rc_document *d[1];
	ck_assert_uint_eq(read_all(in, 1, NULL, d, 1), 1);
	ck_assert_str_eq(d[0]->title, "Bus overturns: 12 hurt");
	ck_assert_uint_eq(rc_document_title_line(d[0]), 4);
	free_all(d, 1);
	const char jsonl[] = "{\"id\":\"a\",\"text\":\"x\"}\n"
	                     "{\"id\":\"b\",\"title\":\"12 hurt\",\"text\":\"Twelve were hurt.\"}\n";
	p = write_file("titled.jsonl", jsonl, sizeof jsonl - 1);
	in[0] = p;
	rc_document *j[2];
	ck_assert_uint_eq(read_all(in, 1, NULL, j, 2), 2);
	ck_assert_uint_eq(rc_document_title_line(j[1]), 2);   /* the record's line */
	free_all(j, 2);
}
END_TEST

START_TEST(html_metadata)
{
	const char page[] =
	        "<html lang=\"en-US\"><head>"
	        "<meta name=\"date\" content=\"2020-01-01\">"
	        "<meta property=\"article:published_time\" content=\"2024-03-09T10:00:00+01:00\">"
	        "<meta property=\"og:url\" content=\"https://www.Example.test/a\">"
	        "<script type=\"application/ld+json\">{\"@graph\": [{\"datePublished\": \"2019-01-01\","
	        "\"publisher\": {\"name\": \"Example Daily\"}}]}</script>"
	        "</head><body><article><p>Twelve people were hurt when a bus overturned on the "
	        "highway near the city on Saturday morning, the police said in a statement.</p>"
	        "</article></body></html>";
	const char *p = write_file("meta.html", page, sizeof page - 1);
	const char *in[] = {p};
	rc_document *d[1];
	ck_assert_uint_eq(read_all(in, 1, NULL, d, 1), 1);
	ck_assert_str_eq(d[0]->published, "2024-03-09"); /* article:published_time first */
	ck_assert_str_eq(d[0]->published_at, "2024-03-09T09:00:00Z");
	ck_assert_str_eq(d[0]->source, "Example Daily"); /* JSON-LD publisher */
	ck_assert_str_eq(d[0]->url, "https://www.Example.test/a");
	ck_assert_str_eq(d[0]->language, "en");
	free_all(d, 1);
	/* an outlet from the URL when nothing names it; no text is a skip */
	const char bare[] = "<html><head><link rel=canonical href=\"https://www.wire.test/x\">"
	                    "<style>p{}</style></head><body><script>x</script></body></html>";
	p = write_file("bare.html", bare, sizeof bare - 1);
	in[0] = p;
	ck_assert_uint_eq(read_all(in, 1, NULL, d, 1), 1);
	ck_assert_int_eq(d[0]->status, RC_DOC_SKIPPED);
	ck_assert_str_eq(d[0]->source, "wire.test");
	ck_assert_ptr_nonnull(strstr(d[0]->reason, "no text"));
	free_all(d, 1);
}
END_TEST

/* ---- languages ---------------------------------------------------------------------- */

START_TEST(languages_are_told_apart)
{
	const char *const texts[][2] = {
		{"en.txt", "The council said that the bridge, which had been closed for repairs since "
		           "the spring, would open again on Monday after engineers found it was safe, "
		           "and that the work had cost less than was planned."},
		{"fr.txt", "Le conseil a annoncé que le pont, fermé pour travaux depuis le printemps, "
		           "serait rouvert lundi après que les ingénieurs ont jugé qu'il était sûr, et "
		           "que les travaux avaient coûté moins cher que prévu par la ville."},
		{"tr.txt", "Belediye meclisi, bahardan beri onarım için kapalı olan köprünün mühendisler "
		           "güvenli olduğunu tespit ettikten sonra pazartesi günü yeniden açılacağını ve "
		           "çalışmaların planlanandan daha az maliyetli olduğunu bu hafta açıkladı, "
		           "ama bir karar için de daha çok zaman gerektiğini söyledi."},
		{"short.txt", "Le pont est fermé."},
	};
	const char *in[4];
	for (size_t i = 0; i < 4; i++)
		in[i] = write_file(texts[i][0], texts[i][1], strlen(texts[i][1]));
	rc_document *d[4];
	ck_assert_uint_eq(read_all(in, 4, NULL, d, 4), 4);
	ck_assert_int_eq(d[0]->status, RC_DOC_OK);
	ck_assert_str_eq(d[0]->language, "en");
	ck_assert_int_eq(d[1]->status, RC_DOC_SKIPPED);
	ck_assert_str_eq(d[1]->language, "fr");
	ck_assert(strncmp(d[1]->reason, "language fr is not supported", 28) == 0);
	ck_assert_int_eq(d[2]->status, RC_DOC_OK); /* too short to tell: read */
	ck_assert_ptr_null(d[2]->language);
	ck_assert_int_eq(d[3]->status, RC_DOC_SKIPPED);
	ck_assert_str_eq(d[3]->language, "tr");
	free_all(d, 4);
	rc_ingest_options any = {.version = RC_INGEST_OPTIONS_VERSION, .any_language = true};
	ck_assert_uint_eq(read_all(in, 4, &any, d, 4), 4);
	for (size_t i = 0; i < 4; i++)
		ck_assert_int_eq(d[i]->status, RC_DOC_OK);
	ck_assert_str_eq(d[1]->language, "fr");
	free_all(d, 4);
	/* a declaration wins over the text, in any spelling */
	const char jl[] = "{\"text\": \"Short.\", \"language\": \"de-AT\"}\n"
	                  "{\"text\": \"Short.\", \"lang\": \"English\"}\n"
	                  "{\"text\": \"Short.\", \"language\": \"klingon\"}\n";
	in[0] = write_file("langs.jsonl", jl, sizeof jl - 1);
	ck_assert_uint_eq(read_all(in, 1, NULL, d, 4), 3);
	ck_assert_int_eq(d[0]->status, RC_DOC_SKIPPED);
	ck_assert_str_eq(d[0]->language, "de");
	ck_assert_str_eq(d[1]->language, "en");
	ck_assert_int_eq(d[2]->status, RC_DOC_OK);
	ck_assert_ptr_nonnull(strstr(d[2]->diags[0].message, "unknown language 'klingon'"));
	free_all(d, 3);
}
END_TEST

START_TEST(fields_and_formats_by_name)
{
	rc_field f;
	ck_assert(rc_field_parse("language", 8, &f) && f == RC_FIELD_LANGUAGE);
	ck_assert(rc_field_parse("published=x", 9, &f) && f == RC_FIELD_PUBLISHED);
	ck_assert(!rc_field_parse("colour", 6, &f));
	ck_assert_str_eq(rc_field_name(RC_FIELD_SOURCE), "source");
	ck_assert_ptr_null(rc_field_name(RC_FIELD_COUNT_));
	rc_input_format fmt;
	ck_assert(rc_input_format_parse("html", &fmt) && fmt == RC_INPUT_HTML);
	ck_assert(rc_input_format_parse("ndjson", &fmt) && fmt == RC_INPUT_JSONL);
	ck_assert(!rc_input_format_parse("xml", &fmt));
}
END_TEST

/* published_at is kept from the document to the record, through the claims
 * format (written, read back) and through a compacted record. */
START_TEST(published_at_survives_the_claims_format)
{
	const char jl[] = "{\"id\": \"t\", \"published\": \"2024-03-09T23:30:00-05:00\","
	                  " \"text\": \"Twelve people were killed in the blast, police said.\"}\n";
	const char *p = write_file("t.jsonl", jl, sizeof jl - 1);
	const char *in[] = {p};
	rc_document *d[1];
	ck_assert_uint_eq(read_all(in, 1, NULL, d, 1), 1);
	ck_assert_str_eq(d[0]->published, "2024-03-09");
	ck_assert_str_eq(d[0]->published_at, "2024-03-10T04:30:00Z");
	rc_extractor *ex = NULL;
	rc_error err;
	ck_assert_int_eq(rc_extractor_new(&ex, NULL, &err), RC_OK);
	rc_record *rec = NULL;
	ck_assert_int_eq(rc_record_extract(&rec, ex, d[0], &err), RC_OK);
	rc_document_free(d[0]);
	ck_assert_str_eq(rec->published_at, "2024-03-10T04:30:00Z");
	rc_record_store *store = NULL;
	ck_assert_int_eq(rc_record_store_new(&store, &err), RC_OK);
	ck_assert_int_eq(rc_record_store_compact(store, &rec, &err), RC_OK);
	ck_assert_str_eq(rec->published_at, "2024-03-10T04:30:00Z");
	char claims[600];
	snprintf(claims, sizeof claims, "%s/t.claims.jsonl", tmpdir);
	FILE *fp = fopen(claims, "w");
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(rc_record_write_jsonl(fp, rec, true, &err), RC_OK);
	fclose(fp);
	rc_record_free(rec);
	rc_record_store_free(store);
	rc_extractor_free(ex);
	const char *cp = claims;
	rc_record_reader *rr = NULL;
	ck_assert_int_eq(rc_record_reader_new(&rr, &cp, 1, &err), RC_OK);
	rc_record *back = NULL;
	ck_assert_int_eq(rc_record_reader_next(rr, &back, &err), RC_OK);
	ck_assert_ptr_nonnull(back);
	ck_assert_str_eq(back->published, "2024-03-09");
	ck_assert_str_eq(back->published_at, "2024-03-10T04:30:00Z");
	ck_assert_uint_ge(back->n_claims, 1);
	rc_record_free(back);
	rc_record_reader_free(rr);
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
	tcase_add_test(tc, time_hint_from_the_text);
	tcase_add_test(tc, input_order_does_not_matter);
	tcase_add_test(tc, stdin_is_read);
	tcase_add_test(tc, date_header_forms);
	tcase_add_test(tc, header_block_forms);
	tcase_add_test(tc, date_parsing);
	tcase_add_test(tc, bad_utf8_is_repaired_with_offsets);
	tcase_add_test(tc, many_bad_bytes_are_summed_up);
	tcase_add_test(tc, nul_bytes_become_spaces);
	tcase_add_test(tc, crlf_and_bom);
	tcase_add_test(tc, jsonl_bad_line_among_good);
	tcase_add_test(tc, jsonl_user_fields);
	tcase_add_test(tc, jsonl_flat_and_tree_records);
	tcase_add_test(tc, empty_binary_missing);
	tcase_add_test(tc, twenty_megabyte_line);
	tcase_add_test(tc, limits_are_reported);
	tcase_add_test(tc, binary_rule);
	tcase_add_test(tc, jsonl_outlet_and_ids);
	tcase_add_test(tc, jsonl_repairs_bom_crlf);
	tcase_add_test(tc, directory_links_not_followed);
	tcase_add_test(tc, deep_directories_end);
	tcase_add_test(tc, big_repaired_document);
	tcase_add_test(tc, datetime_forms);
	tcase_add_test(tc, ids_are_unique_in_a_run);
	tcase_add_test(tc, utf16_and_utf32_are_decoded);
	tcase_add_test(tc, json_files_one_object_or_an_array);
	tcase_add_test(tc, broken_json_files);
	tcase_add_test(tc, html_text_is_what_a_reader_sees);
	tcase_add_test(tc, html_metadata);
	tcase_add_test(tc, title_line_is_where_the_title_is);
	tcase_add_test(tc, languages_are_told_apart);
	tcase_add_test(tc, fields_and_formats_by_name);
	tcase_add_test(tc, published_at_survives_the_claims_format);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
