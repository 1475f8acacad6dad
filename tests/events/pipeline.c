/*
 * Events end to end through the public API: extract records from the seed
 * articles and from fixtures/events, merge them with rc_events_collect and
 * check which claims sit on which event; then shuffle the records and get
 * the same events and links every time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "support.h"
#include <recount/recount.h>

typedef struct corpus {
	rc_record **recs;
	size_t n;
	const rc_event_set *set; /* the merge of recs, in their order */
} corpus;

static void load(corpus *c, const char *dir)
{
	rc_extractor *ex;
	rc_reader *r;
	rc_error err;
	ck_assert_int_eq(rc_extractor_new(&ex, NULL, &err), RC_OK);
	const char *in[] = {rc_test_fixture(dir)};
	rc_ingest_options io = RC_INGEST_OPTIONS_INIT;
	ck_assert_int_eq(rc_reader_new(&r, &io, in, 1, &err), RC_OK);
	rc_document *doc;
	while (rc_reader_next(r, &doc, &err) == RC_OK && doc) {
		rc_record *rec;
		ck_assert_int_eq(rc_record_extract(&rec, ex, doc, &err), RC_OK);
		rc_document_free(doc);
		c->recs = realloc(c->recs, (c->n + 1) * sizeof(*c->recs));
		c->recs[c->n++] = rec;
	}
	rc_reader_free(r);
	rc_extractor_free(ex);
}

static void dispose(corpus *c)
{
	for (size_t i = 0; i < c->n; i++)
		rc_record_free(c->recs[i]);
	free(c->recs);
}

/* The event of the claim of document doc (id prefix) on line whose figure
 * is figure; "+" joins the events of an aggregate. */
static const char *event_of(const corpus *c, const char *doc, size_t line, const char *figure)
{
	static char buf[256];
	for (size_t i = 0; i < c->n; i++) {
		if (strncmp(c->recs[i]->doc, doc, strlen(doc)) != 0)
			continue;
		for (size_t k = 0; k < c->recs[i]->n_claims; k++) {
			const rc_claim *cl = &c->recs[i]->claims[k];
			if (cl->file_line != line || strcmp(cl->text, figure) != 0)
				continue;
			size_t n;
			const rc_event *const *sums = rc_event_set_claim_events(c->set, i, k, &n);
			const rc_event *ev = rc_event_set_claim_event(c->set, i, k);
			if (!n)
				return ev ? ev->id : "-";
			ck_assert_ptr_eq(ev, sums[0]);
			buf[0] = 0;
			for (size_t e = 0; e < n; e++)
				snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", e ? "+" : "",
				         sums[e]->id);
			return buf;
		}
	}
	ck_abort_msg("no claim %s:%zu %s", doc, line, figure);
	return NULL;
}

static bool has_event(const rc_event_set *s, const char *id)
{
	for (size_t i = 0; i < s->n_events; i++)
		if (strcmp(s->events[i].id, id) == 0)
			return true;
	return false;
}

START_TEST(seeds)
{
	corpus c = {0};
	load(&c, "seeds");
	rc_event_set *set;
	rc_error err;
	ck_assert_int_eq(rc_events_collect(&set, c.recs, c.n, NULL, &err), RC_OK);
	c.set = set;
	const char *kerman = "kerman-2024-01-03-bombing", *moscow = "moscow-shooting",
	           *qom = "qom-arrest";
	ck_assert(has_event(set, kerman));
	ck_assert(has_event(set, moscow));
	ck_assert(has_event(set, qom));
	/* the Kerman bombing */
	ck_assert_str_eq(event_of(&c, "001", 9, "over 90"), kerman);
	ck_assert_str_eq(event_of(&c, "002", 11, "84"), kerman);
	ck_assert_str_eq(event_of(&c, "002", 11, "284"), kerman);
	ck_assert_str_eq(event_of(&c, "003", 5, "Many"), kerman);
	ck_assert_str_eq(event_of(&c, "004", 7, "nearly 100"), kerman);
	/* the Moscow concert-hall attack */
	ck_assert_str_eq(event_of(&c, "001", 9, "at least 144"), moscow);
	/* the Qom arrests */
	ck_assert_str_eq(event_of(&c, "000", 1, "two"), qom);
	ck_assert_str_eq(event_of(&c, "000", 5, "two"), qom);
	ck_assert_str_eq(event_of(&c, "001", 1, "two"), qom);
	/* the arrests over the bombing belong to it */
	ck_assert_str_eq(event_of(&c, "002", 7, "11"), kerman);
	/* "collectively claimed over 230 lives": both */
	ck_assert_str_eq(event_of(&c, "000", 9, "over 230"), "moscow-shooting+kerman-2024-01-03-bombing");
	for (size_t i = 0; i < set->n_events; i++)
		if (strcmp(set->events[i].id, kerman) == 0)
			ck_assert_uint_eq(set->events[i].n_documents, 5);
	rc_event_set_free(set);
	dispose(&c);
}
END_TEST

START_TEST(own_fixtures)
{
	corpus c = {0};
	load(&c, "events/articles");
	rc_event_set *set;
	rc_error err;
	ck_assert_int_eq(rc_events_collect(&set, c.recs, c.n, NULL, &err), RC_OK);
	c.set = set;
	ck_assert_uint_eq(set->n_events, 5);
	/* the bombing, and the arrests made over it a week later */
	ck_assert_str_eq(event_of(&c, "quetta-market-bombing", 3, "at least nine"),
	                 "quetta-2024-02-12-bombing");
	ck_assert_str_eq(event_of(&c, "quetta-arrests", 5, "11"), "quetta-2024-02-12-bombing");
	ck_assert_str_eq(event_of(&c, "quetta-arrests", 3, "six"), "quetta-2024-02-12-bombing");
	/* one article, three events; its total over them belongs to none */
	ck_assert_str_eq(event_of(&c, "regional-roundup", 5, "seven"), "peshawar-2024-03-01-shooting");
	ck_assert_str_eq(event_of(&c, "regional-roundup", 7, "23"), "dhaka-2024-03-02-fire");
	ck_assert_str_eq(event_of(&c, "regional-roundup", 9, "14"), "kabul-2024-03-03-bombing");
	ck_assert_str_eq(event_of(&c, "regional-roundup", 3, "dozens"), "-");
	/* one event, named differently by three outlets */
	ck_assert_str_eq(event_of(&c, "southeast-twin-blasts", 3, "at least 84"),
	                 "kerman-2024-01-03-bombing");
	ck_assert_str_eq(event_of(&c, "soleimani-memorial", 3, "89"), "kerman-2024-01-03-bombing");
	ck_assert_str_eq(event_of(&c, "kerman-wire", 3, "at least 103"), "kerman-2024-01-03-bombing");
	rc_event_set_free(set);

	/* an events file takes over the mentions that match it */
	rc_event_defs *defs;
	ck_assert_int_eq(rc_event_defs_load_file(&defs,
	                 rc_test_fixture("events/defs/override.json"), &err), RC_OK);
	rc_extractor *ex;
	rc_extractor_options eo = {.version = RC_EXTRACTOR_OPTIONS_VERSION, .events = defs};
	ck_assert_int_eq(rc_extractor_new(&ex, &eo, &err), RC_OK);
	dispose(&c);
	memset(&c, 0, sizeof c);
	rc_reader *r;
	const char *in[] = {rc_test_fixture("events/articles")};
	rc_ingest_options io = RC_INGEST_OPTIONS_INIT;
	ck_assert_int_eq(rc_reader_new(&r, &io, in, 1, &err), RC_OK);
	rc_document *doc;
	while (rc_reader_next(r, &doc, &err) == RC_OK && doc) {
		rc_record *rec;
		ck_assert_int_eq(rc_record_extract(&rec, ex, doc, &err), RC_OK);
		rc_document_free(doc);
		c.recs = realloc(c.recs, (c.n + 1) * sizeof(*c.recs));
		c.recs[c.n++] = rec;
	}
	rc_reader_free(r);
	ck_assert_int_eq(rc_events_collect(&set, c.recs, c.n, defs, &err), RC_OK);
	c.set = set;
	ck_assert_str_eq(event_of(&c, "soleimani-memorial", 3, "89"), "kerman-memorial-attack");
	ck_assert_str_eq(event_of(&c, "southeast-twin-blasts", 3, "at least 84"),
	                 "kerman-memorial-attack");
	ck_assert_str_eq(event_of(&c, "quetta-market-bombing", 3, "at least nine"),
	                 "quetta-market-bombing");
	ck_assert(!has_event(set, "kerman-2024-01-03-bombing"));
	for (size_t i = 0; i < set->n_events; i++)
		if (strcmp(set->events[i].id, "kerman-memorial-attack") == 0)
			ck_assert_str_eq(set->events[i].label,
			                 "Attack at Soleimani's memorial, Kerman, 2024-01-03");
	rc_event_set_free(set);
	rc_extractor_free(ex);
	rc_event_defs_free(defs);
	dispose(&c);
}
END_TEST

static char *dump(const rc_event_set *set, const corpus *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	for (size_t i = 0; i < set->n_events; i++) {
		const rc_event *e = &set->events[i];
		fprintf(fp, "%s|%s|%s|%s|", e->id, e->label, e->date ? e->date : "-",
		        e->place ? e->place : "-");
		for (size_t k = 0; k < e->n_documents; k++)
			fprintf(fp, "%s,", e->documents[k]);
		for (size_t k = 0; k < e->n_names; k++)
			fprintf(fp, "%s;", e->names[k]);
		fputc('\n', fp);
	}
	/* claims in document order, whatever the order of the array */
	size_t *by = malloc(c->n * sizeof(*by));
	for (size_t i = 0; i < c->n; i++)
		by[i] = i;
	for (size_t i = 0; i < c->n; i++)
		for (size_t j = i + 1; j < c->n; j++)
			if (strcmp(c->recs[by[j]]->doc, c->recs[by[i]]->doc) < 0) {
				size_t t = by[i];
				by[i] = by[j];
				by[j] = t;
			}
	for (size_t i = 0; i < c->n; i++) {
		const rc_record *rec = c->recs[by[i]];
		for (size_t k = 0; k < rec->n_claims; k++) {
			const rc_event *ev = rc_event_set_claim_event(set, by[i], k);
			fprintf(fp, "%s:%zu=%s", rec->doc, k, ev ? ev->id : "-");
			size_t n;
			const rc_event *const *sums = rc_event_set_claim_events(set, by[i], k, &n);
			for (size_t e = 0; e < n; e++)
				fprintf(fp, "+%s", sums[e]->id);
			fputc('\n', fp);
		}
	}
	free(by);
	fclose(fp);
	return buf;
}

START_TEST(shuffled_records_same_events)
{
	corpus c = {0};
	load(&c, "seeds");
	load(&c, "events/articles");
	load(&c, "articles");
	rc_event_set *set;
	rc_error err;
	ck_assert_int_eq(rc_events_collect(&set, c.recs, c.n, NULL, &err), RC_OK);
	c.set = set;
	char *want = dump(set, &c);
	rc_event_set_free(set);
	unsigned seed = 2024;
	for (int round = 0; round < 20; round++) {
		for (size_t i = c.n - 1; i > 0; i--) {
			seed = seed * 1103515245u + 12345u;
			size_t j = (seed >> 8) % (i + 1);
			rc_record *t = c.recs[i];
			c.recs[i] = c.recs[j];
			c.recs[j] = t;
		}
		ck_assert_int_eq(rc_events_collect(&set, c.recs, c.n, NULL, &err), RC_OK);
		c.set = set;
		char *got = dump(set, &c);
		ck_assert_str_eq(got, want);
		free(got);
		rc_event_set_free(set);
	}
	free(want);
	dispose(&c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("events-pipeline");
	TCase *tc = tcase_create("pipeline");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, seeds);
	tcase_add_test(tc, own_fixtures);
	tcase_add_test(tc, shuffled_records_same_events);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
