/*
 * Events map phase on hand-built text: event nouns with their type, place,
 * date and names (rc__mentions_find), and claims linked to them
 * (rc__claims_link).  The text is split into sentences here, by hand, so
 * that these tests do not depend on the segmenter.
 */
#include <stdlib.h>
#include <string.h>
#include "support.h"
#include "events/events-priv.h"
#include "record/record-priv.h"

typedef struct fx {
	rc_document *doc;
	rc_text t;
	rc_segments seg;
	rc_arena *a;
	rc_mention *ms;
	size_t n;
} fx;

/* body: sentences end with ". " and paragraphs with "\n\n". */
static void setup(fx *f, const char *published, const char *body)
{
	char *text = malloc(strlen(body) + 32);
	ck_assert_ptr_nonnull(text);
	if (published)
		sprintf(text, " date %s %s", published, body);
	else
		strcpy(text, body);
	rc_error err;
	ck_assert_int_eq(rc_document_from_memory(&f->doc, text, strlen(text), NULL, "t", &err), RC_OK);
	free(text);
	f->a = rc__arena_new(4096);
	f->t = (rc_text){.orig = f->doc->text, .orig_len = f->doc->text_len,
	                 .base = f->doc->body_start, .norm = f->doc->text + f->doc->body_start,
	                 .len = f->doc->text_len - f->doc->body_start};
	f->seg = (rc_segments){0};
	f->seg.sent = rc__arena_calloc(f->a, 64, sizeof(rc_sentence));
	size_t start = 0, para = 0;
	const char *s = f->t.norm;
	for (size_t i = 0; i <= f->t.len; i++) {
		bool end = i == f->t.len || (s[i] == '.' && (i + 1 == f->t.len || s[i + 1] == ' ' ||
		                                             s[i + 1] == '\n'));
		if (!end)
			continue;
		size_t e = i < f->t.len ? i + 1 : i;
		while (start < e && (s[start] == ' ' || s[start] == '\n'))
			start++;
		if (e > start)
			f->seg.sent[f->seg.n++] = (rc_sentence){start, e, para};
		if (i + 2 < f->t.len && s[i + 1] == '\n' && s[i + 2] == '\n')
			para++;
		start = e;
	}
	f->seg.n_paras = para + 1;
	ck_assert_int_eq(rc__mentions_find(&f->ms, &f->n, f->a, f->doc, &f->t, &f->seg, NULL, &err),
	                 RC_OK);
}

static void teardown(fx *f)
{
	rc__arena_free(f->a);
	rc_document_free(f->doc);
}

static const rc_mention *find_noun(const fx *f, const char *noun)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->ms[i].noun, noun) == 0)
			return &f->ms[i];
	ck_abort_msg("no mention '%s'", noun);
	return NULL;
}

START_TEST(noun_place_date)
{
	fx f;
	setup(&f, "2024-01-06", "Twin bombings in Kerman on January 3 killed 84 people near the tomb "
	                         "of Qassem Soleimani.");
	ck_assert_uint_eq(f.n, 1);
	const rc_mention *m = &f.ms[0];
	ck_assert_str_eq(m->type, "bombing");
	ck_assert_str_eq(m->noun, "Twin bombings");
	ck_assert_str_eq(m->place, "Kerman");
	ck_assert_str_eq(m->date, "2024-01-03");
	ck_assert_str_eq(m->local_id, "kerman-2024-01-03-bombing");
	ck_assert_uint_eq(m->n_names, 1);
	ck_assert_str_eq(m->names[0], "Qassem Soleimani");
	ck_assert_uint_eq(m->line, 1);
	ck_assert_str_eq(f.doc->text + m->start, f.doc->text + m->start); /* offsets in range */
	ck_assert(strncmp(f.doc->text + m->start, "Twin bombings", 13) == 0);
	teardown(&f);
}
END_TEST

START_TEST(places)
{
	fx f;
	setup(&f, NULL, "The group also orchestrated a tragic shooting at a concert hall near Moscow, "
	                "killing at least 144 people. Security forces arrested two members of the "
	                "group in the holy city of Qom. Iran busts ten cells after the Kerman attack. "
	                "Police raided a house in the southeastern Sistan city.");
	ck_assert_str_eq(find_noun(&f, "tragic shooting")->place, "Moscow");
	ck_assert_str_eq(find_noun(&f, "tragic shooting")->local_id, "moscow-shooting");
	ck_assert_str_eq(find_noun(&f, "arrested")->type, "arrest");
	ck_assert_str_eq(find_noun(&f, "arrested")->place, "Qom");
	/* a place used as a modifier; "Iran busts" is the subject, not a place */
	ck_assert_str_eq(find_noun(&f, "attack")->place, "Kerman");
	/* not in the gazetteer: the capitalised words after the preposition */
	ck_assert_str_eq(find_noun(&f, "raided")->place, "Sistan");
	teardown(&f);
}
END_TEST

START_TEST(dates)
{
	fx f;
	/* 2024-01-06 is a Saturday */
	setup(&f, "2024-01-06", "A blast in Quetta on Wednesday wounded 12. Floods in Sylhet last week "
	                        "killed 9. A fire in Dhaka yesterday killed 3. The quake in Herat on "
	                        "12 December 2023 killed 40. Police arrested 5 on 2024-01-05 in Kabul. "
	                        "An attack in Mosul in December killed 2.");
	ck_assert_str_eq(find_noun(&f, "blast")->date, "2024-01-03");
	ck_assert_str_eq(find_noun(&f, "Floods")->date, "2023-12");
	ck_assert_str_eq(find_noun(&f, "fire")->date, "2024-01-05");
	ck_assert_str_eq(find_noun(&f, "quake")->date, "2023-12-12");
	ck_assert_str_eq(find_noun(&f, "arrested")->date, "2024-01-05");
	ck_assert_str_eq(find_noun(&f, "attack")->date, "2023-12");
	teardown(&f);
}
END_TEST

START_TEST(dates_need_a_reference)
{
	fx f;
	/* no publication date and no full date in the text: nothing to resolve against */
	setup(&f, NULL, "A blast in Quetta on Wednesday wounded 12. The attack in Kabul on March 3 "
	                "killed 4.");
	ck_assert_ptr_null(find_noun(&f, "blast")->date);
	ck_assert_ptr_null(find_noun(&f, "attack")->date);
	teardown(&f);
	/* a full date in the text stands in for the publication date */
	setup(&f, NULL, "Friday, 01/19/2024. The attack in Kabul on January 3 killed 4.");
	ck_assert_str_eq(find_noun(&f, "attack")->date, "2024-01-03");
	teardown(&f);
}
END_TEST

START_TEST(not_events)
{
	fx f;
	setup(&f, "2024-04-02", "They planned to attack the shrine. Police prevented a possible shrine "
	                        "attack in Qom. Daesh carried out several attacks, including twin "
	                        "bombings in Kerman.");
	ck_assert_uint_eq(f.n, 1);
	ck_assert_str_eq(f.ms[0].noun, "twin bombings");
	teardown(&f);
}
END_TEST

START_TEST(inheritance)
{
	fx f;
	setup(&f, "2024-02-20", "QUETTA, Pakistan - Police arrested six suspects on Tuesday. The "
	                        "bombing at the market on February 12 killed 11. The blast had been "
	                        "planned for weeks. In Peshawar, gunmen opened fire on worshippers.");
	/* the dateline, as its country */
	ck_assert_str_eq(find_noun(&f, "arrested")->place, "Pakistan");
	ck_assert_str_eq(find_noun(&f, "arrested")->date, "2024-02-20");
	ck_assert_str_eq(find_noun(&f, "bombing")->local_id, "pakistan-2024-02-12-bombing");
	/* the nearest earlier mention of the same type */
	ck_assert_str_eq(find_noun(&f, "blast")->local_id, "pakistan-2024-02-12-bombing");
	/* the sentence opens with the place */
	ck_assert_str_eq(find_noun(&f, "opened fire")->place, "Peshawar");
	teardown(&f);
	/* the event the sentence goes on to name, when no earlier arrest has a place */
	setup(&f, "2024-01-06", "Police announced the arrest of 11 people suspected of involvement in "
	                        "the bomb blasts in Kerman.");
	ck_assert_str_eq(find_noun(&f, "arrest")->place, "Kerman");
	ck_assert_str_eq(find_noun(&f, "arrest")->local_id, "kerman-arrest");
	teardown(&f);
}
END_TEST

START_TEST(generic_takes_specific_type)
{
	fx f;
	setup(&f, "2024-01-06", "Twin bombings in Kerman on January 3 killed 84. The attack in Kerman "
	                        "was claimed by Daesh.");
	ck_assert_str_eq(find_noun(&f, "attack")->type, "bombing");
	ck_assert_str_eq(find_noun(&f, "attack")->local_id, "kerman-2024-01-03-bombing");
	teardown(&f);
}
END_TEST

/* ---- linking ---------------------------------------------------------- */

static rc_claim claim_at(const fx *f, const char *figure, const char *metric, rc_claim_status st)
{
	const char *p = strstr(f->t.norm, figure);
	ck_assert_ptr_nonnull(p);
	size_t off = rc__text_orig(&f->t, (size_t)(p - f->t.norm));
	rc_claim c = {.metric = metric, .status = st, .mention = -1, .parent = -1};
	c.pos.start = off;
	c.pos.end = off + strlen(figure);
	return c;
}

START_TEST(link_sentence_and_aggregate)
{
	fx f;
	setup(&f, NULL, "Daesh Khorasan has been responsible for several high-profile attacks, "
	                "including twin bombings in Kerman, Iran, that claimed over 90 lives. The group "
	                "also orchestrated a tragic shooting at a concert hall near Moscow, killing at "
	                "least 144 people. Iranian forces arrested two members of the group in Qom, "
	                "after the attacks killed 230.\n\nThe incident follows a devastating assault in "
	                "Moscow and bombings in Kerman, which collectively claimed over 230 lives. "
	                "Nobody counted the 17 others.\n\nAnother 40 were hurt.");
	rc_claim c[6] = {
		claim_at(&f, "over 90", "killed", RC_CLAIM_CURRENT),
		claim_at(&f, "at least 144", "killed", RC_CLAIM_CURRENT),
		claim_at(&f, "two", "arrested", RC_CLAIM_CURRENT),
		claim_at(&f, "over 230", "killed", RC_CLAIM_AGGREGATE),
		claim_at(&f, "17", "killed", RC_CLAIM_CURRENT),
		claim_at(&f, "40", "injured", RC_CLAIM_CURRENT),
	};
	rc_error err;
	ck_assert_int_eq(rc__claims_link(c, 6, f.ms, f.n, &f.t, &f.seg, f.a, &err), RC_OK);
	ck_assert_str_eq(c[0].event, "kerman-bombing");
	ck_assert_str_eq(c[1].event, "moscow-shooting");
	ck_assert_str_eq(c[2].event, "qom-arrest");
	ck_assert_uint_eq(c[3].n_events, 2);
	/* "assault" takes the type of the one event in Moscow: the shooting */
	ck_assert_str_eq(c[3].events[0], "moscow-shooting");
	ck_assert_str_eq(c[3].events[1], "kerman-bombing");
	ck_assert_int_eq(c[3].n_mentions, 2);
	/* the previous sentence of the paragraph */
	ck_assert_str_eq(c[4].event, "kerman-bombing");
	/* a paragraph of its own, with no event: unlinked */
	ck_assert_ptr_null(c[5].event);
	ck_assert_int_eq(c[5].mention, -1);
	teardown(&f);
}
END_TEST

START_TEST(link_arrests_prefer_arrest_events)
{
	fx f;
	setup(&f, NULL, "After the bombing in Kerman, police in Qom arrested 11 suspects and the "
	                "blast toll rose to 95.");
	rc_claim c[2] = {
		claim_at(&f, "11", "arrested", RC_CLAIM_CURRENT),
		claim_at(&f, "95", "killed", RC_CLAIM_CURRENT),
	};
	rc_error err;
	ck_assert_int_eq(rc__claims_link(c, 2, f.ms, f.n, &f.t, &f.seg, f.a, &err), RC_OK);
	ck_assert_str_eq(f.ms[c[0].mention].type, "arrest");
	ck_assert_str_eq(f.ms[c[1].mention].type, "bombing");
	teardown(&f);
}
END_TEST

START_TEST(hostile_text)
{
	/* long runs of nouns, capitals and prepositions stay bounded and sane */
	size_t n = 200000;
	char *body = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		body[i] = "attack in Kerman Moscow of the "[i % 31];
	body[n] = 0;
	fx f;
	setup(&f, "2024-01-06", body);
	ck_assert_uint_le(f.n, 1000);
	teardown(&f);
	free(body);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("events-mentions");
	TCase *tc = tcase_create("mentions");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, noun_place_date);
	tcase_add_test(tc, places);
	tcase_add_test(tc, dates);
	tcase_add_test(tc, dates_need_a_reference);
	tcase_add_test(tc, not_events);
	tcase_add_test(tc, inheritance);
	tcase_add_test(tc, generic_takes_specific_type);
	tcase_add_test(tc, link_sentence_and_aggregate);
	tcase_add_test(tc, link_arrests_prefer_arrest_events);
	tcase_add_test(tc, hostile_text);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
