/*
 * Helpers shared by the fuzz harnesses (see common.h).  The structure
 * checks touch every string and index a stage hands out, so that
 * AddressSanitizer sees a dangling or unterminated one even when the
 * harness itself would not have read it.
 */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "common.h"
#include "core/core.h"

int rc_fuzz_unavailable;

void rc_fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
	abort();
}

int rc_fuzz_unbuilt(rc_status st)
{
	if (st != RC_ERR_UNSUPPORTED)
		return 0;
	/* fuzz/run looks for this line to report the harness as skipped. */
	if (!rc_fuzz_unavailable)
		fputs("fuzz: stage not built yet (RC_ERR_UNSUPPORTED)\n", stderr);
	rc_fuzz_unavailable = 1;
	return 1;
}

static const char *memfile(int *fd, char *path, size_t path_size, const char *name,
                           const uint8_t *data, size_t size)
{
	if (*fd < 0) {
		*fd = memfd_create(name, MFD_CLOEXEC);
		if (*fd < 0)
			return NULL;
		snprintf(path, path_size, "/proc/self/fd/%d", *fd);
	}
	if (ftruncate(*fd, 0) != 0)
		return NULL;
	size_t done = 0;
	while (done < size) {
		ssize_t n = pwrite(*fd, data + done, size - done, (off_t)done);
		if (n <= 0)
			return NULL;
		done += (size_t)n;
	}
	return path;
}

const char *rc_fuzz_memfile(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	return memfile(&fd, path, sizeof(path), "rc-fuzz", data, size);
}

const char *rc_fuzz_memfile2(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	return memfile(&fd, path, sizeof(path), "rc-fuzz-2", data, size);
}

/* Reading every byte of a string makes ASan check the whole of it. */
static size_t touch(const char *s)
{
	return s ? strlen(s) : 0;
}

static void check_diags(const rc_diag *d, size_t n)
{
	FUZZ_CHECK(n == 0 || d != NULL);
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(d[i].severity <= RC_SEV_NOTE);
		FUZZ_CHECK(d[i].message != NULL && d[i].message[0] != '\0');
		FUZZ_CHECK(rc_status_str(d[i].status) != NULL);
		touch(d[i].path);
	}
}

void rc_fuzz_check_interval(const rc_interval *iv)
{
	FUZZ_CHECK(iv->lo_inf || !isnan(iv->lo));
	FUZZ_CHECK(iv->hi_inf || !isnan(iv->hi));
	if (!iv->lo_inf && !iv->hi_inf)
		FUZZ_CHECK(iv->lo <= iv->hi);
}

void rc_fuzz_check_quantities(const rc_recognizer *rec, const rc_quantity_list *list,
                              size_t len)
{
	FUZZ_CHECK(list->len <= list->cap);
	size_t prev_end = 0;
	for (size_t i = 0; i < list->len; i++) {
		const rc_quantity *q = &list->items[i];
		FUZZ_CHECK(q->kind < RC_QK_COUNT_);
		FUZZ_CHECK(rc_quantity_kind_str(q->kind) != NULL);
		FUZZ_CHECK(q->start < q->end && q->end <= len);
		FUZZ_CHECK(q->start >= prev_end);
		FUZZ_CHECK(q->start <= q->num_start && q->num_start <= q->num_end &&
		           q->num_end <= q->end);
		prev_end = q->end;
		FUZZ_CHECK(!isnan(q->value));
		rc_fuzz_check_interval(&q->iv);
		rc_interval eff = rc_quantity_effective(rec, q);
		rc_fuzz_check_interval(&eff);
		if (q->qualifier)
			FUZZ_CHECK(q->qualifier[0] != '\0');
	}
}

void rc_fuzz_check_document(const rc_document *doc)
{
	FUZZ_CHECK(doc->id != NULL);
	touch(doc->id);
	touch(doc->path);
	touch(doc->source);
	touch(doc->url);
	touch(doc->published);
	touch(doc->title);
	if (doc->published)
		FUZZ_CHECK(strlen(doc->published) == 10);
	check_diags(doc->diags, doc->n_diags);
	if (doc->status == RC_DOC_SKIPPED) {
		/* Every skip says why, and the error that caused it is among
		 * the diagnostics so that the CLI can print where it was. */
		FUZZ_CHECK(doc->reason != NULL && doc->reason[0] != '\0');
		int has_error = 0;
		for (size_t i = 0; i < doc->n_diags; i++)
			has_error |= doc->diags[i].severity == RC_SEV_ERROR;
		FUZZ_CHECK(has_error);
		return;
	}
	FUZZ_CHECK(doc->status == RC_DOC_OK);
	FUZZ_CHECK(doc->text != NULL);
	/* NUL bytes become spaces and invalid bytes U+FFFD: the text is a
	 * valid, NUL-free C string of exactly text_len bytes. */
	FUZZ_CHECK(strlen(doc->text) == doc->text_len);
	FUZZ_CHECK(rc__utf8_valid(doc->text, doc->text_len));
	FUZZ_CHECK(doc->body_start <= doc->text_len);
	size_t line = 0, column = 0, prev_line = 0;
	for (size_t off = 0; off <= doc->text_len; off += 1 + doc->text_len / 7) {
		rc_document_position(doc, off, &line, &column);
		FUZZ_CHECK(line >= 1 && column >= 1);
		FUZZ_CHECK(line >= prev_line);
		prev_line = line;
	}
	rc_document_position(doc, doc->text_len, NULL, NULL);
	(void)rc_document_file_line(doc, doc->text_len);
}

/*
 * A span of the text, or (in_title) of the title, whose offsets are
 * numbered after the text and a blank line (docs/schema-claim.md, "Titles").
 */
static void check_span(size_t start, size_t end, bool in_title, const rc_record *rec,
                       size_t text_len)
{
	FUZZ_CHECK(start <= end);
	if (text_len == (size_t)-1)
		return;
	if (!in_title) {
		FUZZ_CHECK(end <= text_len);
		return;
	}
	FUZZ_CHECK(rec->title != NULL);
	FUZZ_CHECK(start >= text_len + 2);
	FUZZ_CHECK(end <= text_len + 2 + strlen(rec->title));
}

static void check_pos(const rc_pos *p, bool in_title, const rc_record *rec, size_t text_len)
{
	check_span(p->start, p->end, in_title, rec, text_len);
	if (in_title)
		FUZZ_CHECK(p->line == 0);
}

void rc_fuzz_check_record(const rc_record *rec, size_t text_len)
{
	FUZZ_CHECK(rec->doc != NULL);
	touch(rec->doc);
	touch(rec->path);
	touch(rec->source);
	touch(rec->url);
	touch(rec->published);
	touch(rec->title);
	check_diags(rec->diags, rec->n_diags);
	if (rec->status == RC_DOC_SKIPPED) {
		FUZZ_CHECK(rec->reason != NULL);
		FUZZ_CHECK(rec->n_claims == 0);
	}
	FUZZ_CHECK(rec->n_mentions == 0 || rec->mentions != NULL);
	for (size_t i = 0; i < rec->n_mentions; i++) {
		const rc_mention *m = &rec->mentions[i];
		FUZZ_CHECK(m->type != NULL);
		touch(m->type);
		touch(m->noun);
		touch(m->place);
		touch(m->date);
		touch(m->key);
		touch(m->local_id);
		FUZZ_CHECK(m->n_names == 0 || m->names != NULL);
		for (size_t k = 0; k < m->n_names; k++)
			FUZZ_CHECK(m->names[k] != NULL && touch(m->names[k]) < (size_t)-1);
		/* a mention in the title has line 0 */
		check_span(m->start, m->end, m->line == 0, rec, text_len);
	}
	FUZZ_CHECK(rec->n_claims == 0 || rec->claims != NULL);
	for (size_t i = 0; i < rec->n_claims; i++) {
		const rc_claim *c = &rec->claims[i];
		FUZZ_CHECK(c->metric != NULL && c->metric[0] != '\0');
		touch(c->subject);
		touch(c->trigger);
		touch(c->text);
		touch(c->attribution);
		touch(c->quote);
		touch(c->event);
		FUZZ_CHECK(c->status <= RC_CLAIM_AGGREGATE);
		FUZZ_CHECK(c->q.kind < RC_QK_COUNT_);
		FUZZ_CHECK(!isnan(c->q.value));
		rc_fuzz_check_interval(&c->q.iv);
		check_pos(&c->pos, c->in_title, rec, text_len);
		check_pos(&c->sentence, c->in_title, rec, text_len);
		/* Indices point inside the record: consumers follow them
		 * without checking. */
		FUZZ_CHECK(c->parent >= -1 && c->parent < (long)rec->n_claims);
		FUZZ_CHECK(c->parent != (long)i);
		FUZZ_CHECK(c->mention >= -1 && c->mention < (long)rec->n_mentions);
		FUZZ_CHECK(c->n_mentions == 0 || c->mentions != NULL);
		for (size_t k = 0; k < c->n_mentions; k++)
			FUZZ_CHECK(c->mentions[k] >= 0 && c->mentions[k] < (long)rec->n_mentions);
		FUZZ_CHECK(c->n_events == 0 || c->events != NULL);
		for (size_t k = 0; k < c->n_events; k++)
			FUZZ_CHECK(c->events[k] != NULL && touch(c->events[k]) < (size_t)-1);
	}
}
