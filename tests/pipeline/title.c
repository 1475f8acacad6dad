/*
 * The title of a JSON Lines record is read as the file form reads it
 * (title, blank line, text): the same claims in both forms, the title's
 * claims marked in_title with line 0 and offsets after the text, the
 * text's claims at their offsets in the text field, and no title claim
 * with the offsets of a text claim.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <recount/recount.h>
#include "support.h"

static const char *const title = "Flood toll climbs to 41; 12 still missing";
static const char *const text =
	"At least 12 people were missing on Friday after floods swept through the valley, "
	"police said.\n\n"
	"The flood killed 41 people, up from 29 on Thursday, the district office said.\n";

/* A file named a.SUFFIX in a fresh directory, holding content. */
static char *write_tmp(const char *suffix, const char *content)
{
	static char paths[2][96];
	static int k;
	char dir[] = "/tmp/rc-title-test-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char *p = paths[k++ % 2];
	snprintf(p, 96, "%s/a%s", dir, suffix);
	FILE *fp = fopen(p, "w");
	ck_assert_ptr_nonnull(fp);
	fputs(content, fp);
	fclose(fp);
	return p;
}

static void remove_tmp(char *path)
{
	unlink(path);
	*strrchr(path, '/') = '\0';
	rmdir(path);
}

/* An extractor, and a reader with the first document of the input. */
static void open_one(const char *path, rc_extractor **ex, rc_reader **r, rc_document **doc)
{
	rc_error err;
	rc_ingest_options io = RC_INGEST_OPTIONS_INIT;
	ck_assert_int_eq(rc_extractor_new(ex, NULL, &err), RC_OK);
	ck_assert_int_eq(rc_reader_new(r, &io, &path, 1, &err), RC_OK);
	ck_assert_int_eq(rc_reader_next(*r, doc, &err), RC_OK);
	ck_assert_ptr_nonnull(*doc);
}

/* The one record of a one-document input. */
static rc_record *extract(const char *path)
{
	rc_error err;
	rc_extractor *ex;
	rc_reader *r;
	rc_document *doc;
	rc_record *rec;
	open_one(path, &ex, &r, &doc);
	ck_assert_int_eq(rc_record_extract(&rec, ex, doc, &err), RC_OK);
	rc_document_free(doc);
	rc_reader_free(r);
	rc_extractor_free(ex);
	return rec;
}

static char *jsonl(const char *t)
{
	static char buf[2048];
	/* the text has no characters that need escaping but newlines */
	char body[1024];
	size_t o = 0;
	for (const char *p = text; *p; p++) {
		if (*p == '\n') {
			body[o++] = '\\';
			body[o++] = 'n';
		} else {
			body[o++] = *p;
		}
	}
	body[o] = '\0';
	if (t)
		snprintf(buf, sizeof buf, "{\"id\":\"a\",\"title\":\"%s\",\"text\":\"%s\"}\n", t, body);
	else
		snprintf(buf, sizeof buf, "{\"id\":\"a\",\"text\":\"%s\"}\n", body);
	return buf;
}

START_TEST(title_read_as_in_the_file)
{
	char file[2048];
	snprintf(file, sizeof file, "%s\n\n%s", title, text);
	char *ptxt = write_tmp(".txt", file);
	rc_record *f = extract(ptxt);
	remove_tmp(ptxt);
	char *pj = write_tmp(".jsonl", jsonl(title));
	rc_record *b = extract(pj);
	remove_tmp(pj);

	size_t tlen = strlen(title), blen = strlen(text), p = tlen + 2;
	ck_assert_uint_eq(f->n_claims, b->n_claims);
	ck_assert_uint_ge(b->n_claims, 5);
	size_t in_title = 0;
	for (size_t i = 0; i < b->n_claims; i++) {
		const rc_claim *x = &f->claims[i], *y = &b->claims[i];
		ck_assert_str_eq(x->metric, y->metric);
		ck_assert_str_eq(x->text, y->text);
		ck_assert_int_eq(x->status, y->status);
		ck_assert_int_eq(x->parent, y->parent);
		ck_assert_str_eq(x->quote, y->quote);
		ck_assert(!x->in_title);
		if (x->pos.start < tlen) {
			/* in the title: line 0, offsets after the text, the column
			 * of the file's first line */
			in_title++;
			ck_assert(y->in_title);
			ck_assert_uint_eq(y->pos.line, 0);
			ck_assert_uint_eq(y->sentence.line, 0);
			ck_assert_uint_eq(y->pos.column, x->pos.column);
			ck_assert_uint_eq(y->pos.start, blen + 2 + x->pos.start);
			ck_assert_uint_eq(y->pos.end, blen + 2 + x->pos.end);
			ck_assert_uint_eq(y->q.num_start, blen + 2 + x->q.num_start);
			ck_assert_uint_eq(y->sentence.start, blen + 2 + x->sentence.start);
			ck_assert_uint_eq(y->file_line, 1);   /* the record's line */
			ck_assert_int_eq(memcmp(title + (y->pos.start - blen - 2), y->text,
			                        strlen(y->text)), 0);
		} else {
			/* in the text: offsets into the text field, as before */
			ck_assert(!y->in_title);
			ck_assert_uint_eq(y->pos.start, x->pos.start - p);
			ck_assert_uint_eq(y->pos.end, x->pos.end - p);
			ck_assert_uint_eq(y->sentence.start, x->sentence.start - p);
			ck_assert_uint_eq(y->pos.line, x->pos.line - 2);
			ck_assert_int_eq(memcmp(text + y->pos.start, y->text, strlen(y->text)), 0);
		}
		/* (start, end) names one claim: the title's "12" is not the text's */
		for (size_t k = 0; k < i; k++)
			ck_assert(b->claims[k].pos.start != y->pos.start ||
			          strcmp(b->claims[k].metric, y->metric) != 0);
	}
	ck_assert_uint_eq(in_title, 2);
	/* mentions: the same, the title's on line 0 */
	ck_assert_uint_eq(f->n_mentions, b->n_mentions);
	for (size_t i = 0; i < b->n_mentions; i++) {
		ck_assert_str_eq(f->mentions[i].local_id, b->mentions[i].local_id);
		if (f->mentions[i].start < tlen)
			ck_assert_uint_eq(b->mentions[i].line, 0);
		else
			ck_assert_uint_eq(b->mentions[i].start, f->mentions[i].start - p);
	}
	rc_record_free(f);
	rc_record_free(b);
}
END_TEST

START_TEST(text_claims_keep_their_offsets)
{
	char *pj = write_tmp(".jsonl", jsonl(title));
	rc_record *with = extract(pj);
	remove_tmp(pj);
	pj = write_tmp(".jsonl", jsonl(NULL));
	rc_record *without = extract(pj);
	remove_tmp(pj);
	size_t k = 0;
	for (size_t i = 0; i < with->n_claims; i++) {
		if (with->claims[i].in_title)
			continue;
		ck_assert_uint_lt(k, without->n_claims);
		const rc_claim *x = &with->claims[i], *y = &without->claims[k++];
		ck_assert_str_eq(x->text, y->text);
		ck_assert_uint_eq(x->pos.start, y->pos.start);
		ck_assert_uint_eq(x->pos.end, y->pos.end);
		ck_assert_uint_eq(x->pos.line, y->pos.line);
		ck_assert_uint_eq(x->pos.column, y->pos.column);
		ck_assert_uint_eq(x->sentence.start, y->sentence.start);
	}
	ck_assert_uint_eq(k, without->n_claims);
	/* the near-duplicate signature reads the text alone */
	ck_assert(with->has_signature && without->has_signature);
	ck_assert_int_eq(memcmp(with->minhash, without->minhash, RC_MINHASH_K * sizeof *with->minhash), 0);
	rc_record_free(with);
	rc_record_free(without);
}
END_TEST

/* Offsets are 32-bit: a document whose title offsets (after the text)
 * would pass RC_OFFSET_MAX is skipped with a reason, never numbered
 * modulo 2^32; so is a text given to rc_quantities_scan.  (The length is
 * faked: both refuse before reading the text.) */
START_TEST(offsets_past_32_bits_are_refused)
{
	char *pj = write_tmp(".jsonl", jsonl(title));
	rc_error err;
	rc_extractor *ex;
	rc_reader *r;
	rc_document *doc;
	rc_record *rec;
	open_one(pj, &ex, &r, &doc);
	size_t len = doc->text_len;
	doc->text_len = RC_OFFSET_MAX - 2 - strlen(title) + 1;
	ck_assert_int_eq(rc_record_extract(&rec, ex, doc, &err), RC_OK);
	ck_assert_int_eq(rec->status, RC_DOC_SKIPPED);
	ck_assert_uint_eq(rec->n_claims, 0);
	ck_assert_ptr_nonnull(strstr(rec->reason, "32-bit offsets"));
	rc_record_free(rec);
	doc->text_len = len;
	rc_quantity_list ql = {0};
	rc_recognizer *rq;
	ck_assert_int_eq(rc_recognizer_new(&rq, NULL, &err), RC_OK);
	ck_assert_int_eq(rc_quantities_scan(&ql, rq, text, RC_OFFSET_MAX + 1, &err), RC_ERR_LIMIT);
	ck_assert_uint_eq(ql.len, 0);
	rc_quantity_list_dispose(&ql);
	rc_recognizer_free(rq);
	rc_document_free(doc);
	rc_reader_free(r);
	rc_extractor_free(ex);
	remove_tmp(pj);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("title");
	TCase *tc = tcase_create("title");
	tcase_add_test(tc, title_read_as_in_the_file);
	tcase_add_test(tc, text_claims_keep_their_offsets);
	tcase_add_test(tc, offsets_past_32_bits_are_refused);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
