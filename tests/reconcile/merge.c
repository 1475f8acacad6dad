/*
 * Event merge (src/reconcile/merge.c) on hand-built records (rc__events_merge): which
 * mentions become one event, the ids and labels, the claims' merged ids,
 * and independence from the order of the records.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "support.h"
#include "events/events-priv.h"
#include "reconcile/reconcile-int.h"
#include "record/record-priv.h"

/* Cut *s at the first sep; returns the piece and moves *s past it. */
static char *cut(char **s, char sep)
{
	char *p = *s;
	if (!p)
		return NULL;
	char *e = strchr(p, sep);
	if (e) {
		*e = 0;
		*s = e + 1;
	} else {
		*s = NULL;
	}
	return p;
}

/* A record with one mention per spec "type|place|date|name;name", and one
 * claim linked to each mention. */
static rc_record *rec_new(const char *doc, int n, ...)
{
	rc_record *r = rc__record_new();
	ck_assert_ptr_nonnull(r);
	rc_arena *a = rc__record_arena(r);
	r->doc = rc__arena_strdup(a, doc);
	r->mentions = rc__arena_calloc(a, (size_t)n, sizeof(rc_mention));
	r->claims = rc__arena_calloc(a, (size_t)n, sizeof(rc_claim));
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		char *spec = rc__arena_strdup(a, va_arg(ap, const char *));
		char *f[4] = {0};
		for (int k = 0; k < 4; k++) {
			f[k] = cut(&spec, '|');
			if (f[k] && !*f[k])
				f[k] = NULL;
		}
		rc_mention *m = &r->mentions[i];
		m->type = f[0];
		m->place = f[1];
		m->date = f[2];
		m->noun = f[0];
		m->names = rc__arena_calloc(a, 4, sizeof(char *));
		for (char *nm = f[3]; nm && m->n_names < 4;)
			m->names[m->n_names++] = cut(&nm, ';');
		m->local_id = rc__arena_printf(a, "%s%s%s%s%s", f[1] ? f[1] : "", f[1] ? "-" : "",
		                               f[2] ? f[2] : "", f[2] ? "-" : "", f[0]);
		for (char *p = (char *)m->local_id; *p; p++)
			*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		m->start = (size_t)i * 10;
		rc_claim *c = &r->claims[i];
		c->metric = "killed";
		c->mention = i;
		c->parent = -1;
		c->event = m->local_id;
	}
	va_end(ap);
	r->n_mentions = r->n_claims = (size_t)n;
	return r;
}

typedef struct run {
	rc_arena *a;
	rc_event *ev;
	size_t n;
	rc__links links;
} run;

/* The merged id of claim k of recs[i] (the side table), or NULL. */
static const char *ev_id(const run *r, size_t i, size_t k)
{
	const rc_event *e = rc__link_event(&r->links, rc__link_index(&r->links, i, k));
	return e ? e->id : NULL;
}

/* The built-in vocabulary, built once for the whole test program. */
static const rc_event_vocab *test_vocab(void)
{
	static rc_event_vocab *v;
	if (!v)
		ck_assert_int_eq(rc_event_vocab_new(&v, NULL), RC_OK);
	return v;
}

/* The merge on one thread; on three, it gives the same events and links. */
static run merge(rc_record **recs, size_t n, const rc_event_defs *defs)
{
	run r = {.a = rc__arena_new(4096)}, t = {.a = rc__arena_new(4096)};
	rc_error err;
	ck_assert_int_eq(rc__events_merge(&r.ev, &r.n, &r.links, r.a, recs, n, test_vocab(), defs, 1, &err), RC_OK);
	ck_assert_int_eq(rc__events_merge(&t.ev, &t.n, &t.links, t.a, recs, n, test_vocab(), defs, 3, &err), RC_OK);
	ck_assert_uint_eq(t.n, r.n);
	for (size_t i = 0; i < r.n; i++)
		ck_assert_str_eq(t.ev[i].id, r.ev[i].id);
	ck_assert_uint_eq(t.links.n_recs, r.links.n_recs);
	size_t claims = r.links.base[r.links.n_recs];
	for (size_t k = 0; k < claims; k++)
		ck_assert_uint_eq(t.links.link[k], r.links.link[k]);
	rc__arena_free(t.a);
	return r;
}

static const rc_event *ev_find(const run *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->ev[i].id, id) == 0)
			return &r->ev[i];
	ck_abort_msg("no event %s", id);
	return NULL;
}

static void free_all(run *r, rc_record **recs, size_t n)
{
	rc__arena_free(r->a);
	for (size_t i = 0; i < n; i++)
		rc_record_free(recs[i]);
}

START_TEST(same_place_different_types)
{
	rc_record *recs[] = {
		rec_new("a", 1, "bombing|Kerman|2024-01-03|"),
		rec_new("b", 1, "arrest|Kerman||"),
	};
	run r = merge(recs, 2, NULL);
	ck_assert_uint_eq(r.n, 2);
	ck_assert_str_eq(r.ev[0].id, "kerman-2024-01-03-bombing");
	ck_assert_str_eq(r.ev[0].label, "Bombing in Kerman, 2024-01-03");
	ck_assert_str_eq(r.ev[1].id, "kerman-arrest");
	ck_assert_str_eq(r.ev[1].label, "Arrest in Kerman");
	ck_assert_str_eq(ev_id(&r, 1, 0), "kerman-arrest");
	free_all(&r, recs, 2);
}
END_TEST

/* The scored merge: a place and a type, a date and rare names, a date
 * alone is not enough. */
START_TEST(vague_joins_specific)
{
	rc_record *recs[] = {
		rec_new("c", 1, "attack|Kerman|2024-01-03|"),
		rec_new("a", 1, "bombing|Kerman||"),
		rec_new("b", 2, "bombing|Kerman|2024-01-03|Qassem Soleimani", "bombing|Kerman|2024-01|"),
		rec_new("d", 1, "attack||2024-01-03|Qassem Soleimani"),
		rec_new("e", 1, "bombing||2024-01-03|"),
	};
	run r = merge(recs, 5, NULL);
	ck_assert_uint_eq(r.n, 2);
	const rc_event *e = ev_find(&r, "kerman-2024-01-03-bombing");
	ck_assert_str_eq(e->type, "bombing");
	ck_assert_uint_eq(e->n_documents, 4);
	ck_assert_str_eq(e->documents[0], "a");
	ck_assert_str_eq(e->documents[3], "d");
	ck_assert_uint_eq(e->n_names, 1);
	for (size_t i = 0; i < 4; i++)
		for (size_t k = 0; k < recs[i]->n_claims; k++)
			ck_assert_str_eq(ev_id(&r, i, k), "kerman-2024-01-03-bombing");
	/* a bombing on the same day, with nothing else to go on, stays apart */
	ck_assert_str_eq(ev_id(&r, 4, 0), "2024-01-03-bombing");
	free_all(&r, recs, 5);
}
END_TEST

/* A flood or a storm spans a region: two reports of one in the same region
 * are as close as two of a shooting in one city; two shootings in one
 * region are not. */
START_TEST(regional_types_merge_by_region)
{
	rc_record *recs[] = {
		rec_new("a", 1, "flood|Rio Grande do Sul||"),
		rec_new("b", 1, "flood|Rio Grande do Sul||"),
		rec_new("c", 1, "shooting|Texas||"),
		rec_new("d", 1, "shooting|Texas||"),
	};
	run r = merge(recs, 4, NULL);
	ck_assert_uint_eq(r.n, 3);
	ck_assert_str_eq(ev_id(&r, 0, 0), ev_id(&r, 1, 0));
	ck_assert_str_ne(ev_id(&r, 2, 0), ev_id(&r, 3, 0));
	free_all(&r, recs, 4);
}
END_TEST

/* Floods reported by their country's name, undated, in one week are one
 * flood; two shootings so reported are not one shooting. */
START_TEST(regional_types_merge_by_country_in_a_week)
{
	/* two reports of each kind: (type, first day, second day, one event?);
	 * two weeks apart they stay two floods */
	static const struct {
		const char *type, *d1, *d2;
		bool one;
	} cases[] = {{"flood", "2026-11-20", "2026-11-22", true},
	             {"shooting", "2026-11-20", "2026-11-22", false},
	             {"flood", "2026-11-01", "2026-11-15", false}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char spec[64];
		snprintf(spec, sizeof spec, "%s|Kenya||", cases[i].type);
		rc_record *pair[] = {rec_new("a", 1, spec), rec_new("b", 1, spec)};
		pair[0]->published = cases[i].d1;
		pair[1]->published = cases[i].d2;
		run r = merge(pair, 2, NULL);
		ck_assert_int_eq(strcmp(ev_id(&r, 0, 0), ev_id(&r, 1, 0)) == 0, cases[i].one);
		free_all(&r, pair, 2);
	}
}
END_TEST

/* Hard conflicts block: places in two countries, dates outside the window,
 * two families of incident; and two dated events of one city stay apart
 * while an undated one joins one of them, not both. */
START_TEST(hard_conflicts_block)
{
	rc_record *recs[] = {
		rec_new("a", 1, "bombing|Kerman|2024-01-03|"),
		rec_new("b", 1, "bombing|Kerman|2024-02-10|"),
		rec_new("c", 1, "bombing|Kerman||"),
		rec_new("d", 1, "bombing|Moscow|2024-01-03|"),
		rec_new("e", 1, "earthquake|Kerman|2024-01-03|"),
		rec_new("f", 1, "bombing|Iran|2024-01-07|"),
	};
	run r = merge(recs, 6, NULL);
	ck_assert_uint_eq(r.n, 5);
	ck_assert_str_eq(ev_id(&r, 0, 0), "kerman-2024-01-03-bombing");
	ck_assert_str_eq(ev_id(&r, 1, 0), "kerman-2024-02-10-bombing");
	/* undated: joins the first of two equally good candidates */
	ck_assert_str_eq(ev_id(&r, 2, 0), "kerman-2024-01-03-bombing");
	ck_assert_str_eq(ev_id(&r, 3, 0), "moscow-2024-01-03-bombing");
	ck_assert_str_eq(ev_id(&r, 4, 0), "kerman-2024-01-03-earthquake");
	/* four days after: outside the window */
	ck_assert_str_eq(ev_id(&r, 5, 0), "iran-2024-01-07-bombing");
	free_all(&r, recs, 6);

	/* a country next to one of its cities needs more: a date (or name) */
	rc_record *two[] = {rec_new("d", 1, "arrest|Qom||"), rec_new("f", 1, "arrest|Iran||")};
	r = merge(two, 2, NULL);
	ck_assert_uint_eq(r.n, 2);
	free_all(&r, two, 2);
	rc_record *dated[] = {rec_new("d", 1, "bombing|Qom|2024-04-01|"),
	                      rec_new("f", 1, "bombing|Iran|2024-04-01|")};
	r = merge(dated, 2, NULL);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(r.ev[0].id, "qom-2024-04-01-bombing");
	ck_assert_str_eq(ev_id(&r, 1, 0), "qom-2024-04-01-bombing");
	free_all(&r, dated, 2);
	/* two cities of one country do not match */
	rc_record *cities[] = {rec_new("d", 1, "bombing|Qom|2024-04-01|"),
	                       rec_new("f", 1, "bombing|Kerman|2024-04-01|")};
	r = merge(cities, 2, NULL);
	ck_assert_uint_eq(r.n, 2);
	free_all(&r, cities, 2);
}
END_TEST

/* Rare names weigh by how rare they are in the batch; a venue and its
 * city; near-duplicate text. */
START_TEST(names_venues_and_duplicates)
{
	/* a batch of other events, so that the names below are rare in it */
	rc_record *recs[] = {
		rec_new("a", 1, "fire|Grenfell Tower||Grenfell Tower;Commander Stuart Cundy"),
		rec_new("b", 1, "fire|||Commander Stuart Cundy"),
		rec_new("c", 1, "fire|Grenfell Tower, London||"),
		rec_new("d", 1, "fire|Camberwell||Lakanal House"),
		rec_new("e", 1, "flood|Dhaka|2024-07-01|Abdul Karim"),
		rec_new("f", 1, "flood|Sylhet|2024-06-20|Rahim Uddin"),
		rec_new("g", 1, "earthquake|Herat|2023-10-07|Gul Ahmad"),
		rec_new("h", 1, "bombing|Quetta|2024-02-12|Ali Raza"),
		rec_new("i", 1, "shooting|Peshawar|2024-03-01|Imran Khan"),
		rec_new("j", 1, "landslide|Rangamati|2024-06-12|Mong Chak"),
		rec_new("k", 1, "collapse|Lagos|2024-05-03|Tunde Bello"),
		rec_new("l", 1, "storm|Manila|2024-07-24|Maria Santos"),
	};
	size_t n = RC_ARRAY_LEN(recs);
	run r = merge(recs, n, NULL);
	ck_assert_str_eq(ev_id(&r, 1, 0), ev_id(&r, 0, 0));
	ck_assert_str_eq(ev_id(&r, 2, 0), ev_id(&r, 0, 0));
	ck_assert_str_ne(ev_id(&r, 3, 0), ev_id(&r, 0, 0));
	/* the venue, the finest place that holds most of its reports */
	ck_assert_str_eq(ev_id(&r, 0, 0), "grenfell-tower-fire");
	free_all(&r, recs, n);

	/* copies of one wire story: the same text, nothing else in common */
	rc_record *dup[] = {rec_new("x", 1, "flood|||"), rec_new("y", 1, "flood|||")};
	static uint32_t sig[RC_MINHASH_K];
	for (size_t k = 0; k < RC_MINHASH_K; k++)
		sig[k] = (uint32_t)(k * 2654435761u);
	for (int i = 0; i < 2; i++) {
		dup[i]->minhash = sig;
		dup[i]->has_signature = true;
	}
	r = merge(dup, 2, NULL);
	ck_assert_uint_eq(r.n, 1);
	free_all(&r, dup, 2);
	rc_record *other[] = {rec_new("x", 1, "flood|||"), rec_new("y", 1, "flood|||")};
	r = merge(other, 2, NULL);
	ck_assert_uint_eq(r.n, 2);
	free_all(&r, other, 2);
}
END_TEST

START_TEST(id_collisions_and_unlinked_vague)
{
	rc_record *recs[] = {
		rec_new("b", 1, "bombing|||Beta Gamma"),
		rec_new("a", 1, "bombing|||Alpha Delta"),
		rec_new("c", 1, "shooting|||"),
	};
	recs[2]->claims[0].mention = -1; /* a vague mention no claim speaks of: no event */
	run r = merge(recs, 3, NULL);
	ck_assert_uint_eq(r.n, 2);
	ck_assert_str_eq(ev_id(&r, 1, 0), "bombing");
	ck_assert_str_eq(ev_id(&r, 0, 0), "bombing-2");
	ck_assert_ptr_null(ev_id(&r, 2, 0));
	free_all(&r, recs, 3);
}
END_TEST

START_TEST(aggregates_get_merged_ids)
{
	rc_record *recs[] = {
		rec_new("a", 3, "attack|Moscow||", "bombing|Kerman||", "attack|Moscow||"),
		rec_new("b", 1, "shooting|Moscow|2024-03-22|Crocus City Hall"),
		rec_new("c", 1, "bombing|Kerman|2024-01-03|"),
	};
	rc_claim *agg = &recs[0]->claims[0];
	agg->status = RC_CLAIM_AGGREGATE;
	agg->mentions = rc__arena_calloc(rc__record_arena(recs[0]), 3, sizeof(long));
	agg->mentions[0] = 0;
	agg->mentions[1] = 1;
	agg->mentions[2] = 2;
	agg->n_mentions = 3;
	run r = merge(recs, 3, NULL);
	ck_assert_uint_eq(r.n, 2);
	size_t n;
	const rc_event *const *sums = rc__link_events(&r.links, rc__link_index(&r.links, 0, 0), &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(sums[0]->id, "moscow-2024-03-22-shooting");
	ck_assert_str_eq(sums[1]->id, "kerman-2024-01-03-bombing");
	ck_assert_ptr_null(sums[2]);
	ck_assert_str_eq(ev_id(&r, 0, 0), "moscow-2024-03-22-shooting");
	/* the records are as the map step wrote them: local ids, no events */
	ck_assert_str_eq(agg->event, recs[0]->mentions[0].local_id);
	ck_assert_uint_eq(agg->n_events, 0);
	ck_assert_ptr_null(rc__link_events(&r.links, rc__link_index(&r.links, 1, 0), &n));
	ck_assert_uint_eq(n, 0);
	ck_assert_str_eq(ev_find(&r, "moscow-2024-03-22-shooting")->names[0], "Crocus City Hall");
	free_all(&r, recs, 3);
}
END_TEST

START_TEST(keys_from_an_events_file)
{
	static const char json[] =
		"{\"events\": [{\"id\": \"crocus\", \"label\": \"Crocus City Hall attack\","
		" \"place\": \"Moscow\", \"date\": \"2024-03-22\", \"type\": \"shooting\","
		" \"aliases\": [\"Crocus\"]}]}";
	rc_event_defs *defs;
	rc_error err;
	ck_assert_int_eq(rc_event_defs_load_buffer(&defs, json, strlen(json), "e.json", &err), RC_OK);
	rc_record *recs[] = {
		rec_new("a", 1, "fire|Krasnogorsk||"),
		rec_new("b", 1, "shooting|Moscow||"),
		rec_new("c", 1, "bombing|Kerman||"),
	};
	recs[0]->mentions[0].key = "crocus";
	recs[0]->claims[0].event = "crocus";
	run r = merge(recs, 3, defs);
	ck_assert_uint_eq(r.n, 2);
	const rc_event *e = ev_find(&r, "crocus");
	ck_assert_str_eq(e->label, "Crocus City Hall attack");
	ck_assert_str_eq(e->type, "shooting");
	ck_assert_str_eq(e->date, "2024-03-22");
	ck_assert_uint_eq(e->n_documents, 2); /* the undated Moscow shooting joins it */
	ck_assert_str_eq(ev_id(&r, 1, 0), "crocus");
	free_all(&r, recs, 3);
	rc_event_defs_free(defs);
}
END_TEST

/* ---- order independence ------------------------------------------------ */

static char *dump(const run *r, rc_record **recs, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	for (size_t i = 0; i < r->n; i++) {
		const rc_event *e = &r->ev[i];
		fprintf(fp, "%s|%s|%s|%s|%s|", e->id, e->label, e->type, e->date ? e->date : "-",
		        e->place ? e->place : "-");
		for (size_t k = 0; k < e->n_documents; k++)
			fprintf(fp, "%s,", e->documents[k]);
		for (size_t k = 0; k < e->n_names; k++)
			fprintf(fp, "%s;", e->names[k]);
		fputc('\n', fp);
	}
	/* claims by document id, whatever the order of recs */
	for (char d = 'a'; d <= 'z'; d++)
		for (size_t i = 0; i < n; i++)
			if (recs[i]->doc[0] == d)
				for (size_t k = 0; k < recs[i]->n_claims; k++)
					fprintf(fp, "%s:%zu=%s\n", recs[i]->doc, k,
					        ev_id(r, i, k) ? ev_id(r, i, k) : "-");
	fclose(fp);
	return buf;
}

START_TEST(order_does_not_matter)
{
	rc_record *recs[] = {
		rec_new("a", 2, "bombing|Kerman|2024-01-03|Qassem Soleimani", "arrest|Qom||"),
		rec_new("b", 2, "attack|Moscow||", "bombing|Kerman||"),
		rec_new("c", 1, "shooting|Moscow||Crocus City Hall"),
		rec_new("d", 2, "arrest|Kerman||", "arrest|Iran||"),
		rec_new("e", 1, "bombing|||Beta Gamma"),
		rec_new("f", 1, "bombing|||Alpha Delta"),
		rec_new("g", 2, "bombing|Kerman|2024-02-10|", "fire|Dhaka|2024-03-02|"),
		rec_new("h", 1, "attack|||Soleimani"),
	};
	size_t n = RC_ARRAY_LEN(recs);
	run r = merge(recs, n, NULL);
	char *want = dump(&r, recs, n);
	rc__arena_free(r.a);
	unsigned seed = 12345;
	for (int round = 0; round < 50; round++) {
		for (size_t i = n - 1; i > 0; i--) {
			seed = seed * 1103515245u + 12345u;
			size_t j = (seed >> 8) % (i + 1);
			rc_record *t = recs[i];
			recs[i] = recs[j];
			recs[j] = t;
		}
		run q = merge(recs, n, NULL);
		char *got = dump(&q, recs, n);
		ck_assert_str_eq(got, want);
		free(got);
		rc__arena_free(q.a);
	}
	free(want);
	r.a = rc__arena_new(16);
	free_all(&r, recs, n);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("events-merge");
	TCase *tc = tcase_create("merge");
	tcase_add_test(tc, same_place_different_types);
	tcase_add_test(tc, vague_joins_specific);
	tcase_add_test(tc, regional_types_merge_by_region);
	tcase_add_test(tc, regional_types_merge_by_country_in_a_week);
	tcase_add_test(tc, hard_conflicts_block);
	tcase_add_test(tc, names_venues_and_duplicates);
	tcase_add_test(tc, id_collisions_and_unlinked_vague);
	tcase_add_test(tc, aggregates_get_merged_ids);
	tcase_add_test(tc, keys_from_an_events_file);
	tcase_add_test(tc, order_does_not_matter);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
