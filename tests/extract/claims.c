/*
 * Claim extraction on hand-built quantities (tests/extract/claims_fake.h),
 * so these tests exercise the claim matcher alone: every form of the issue,
 * statuses, attribution, sub-counts, zero, and figures that are not claims.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "support.h"
#include "extract/claims-priv.h"
#include "claims_fake.h"

static rc_rules *rules;
static rc_recognizer *recognizer;   /* the real one, for read_with() */

/* Claims of text, one line each: "metric|text|status|subject|attribution|trigger|parent". */
static char *run(const char *text)
{
	static char out[16384];
	rc_arena *a = rc__arena_new(0);
	size_t n = 0, dropped = 0;
	rc_claim *c = fake_extract(a, rules, text, strlen(text), 10000, &n, &dropped);
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s|%s|%s|%s|%s|%s|%ld; ", c[i].metric,
		                      c[i].text, rc_claim_status_str(c[i].status),
		                      c[i].subject ? c[i].subject : "-",
		                      c[i].attribution ? c[i].attribution : "-",
		                      c[i].trigger ? c[i].trigger : "-", (long)c[i].parent);
		/* Offsets point at the figure as written. */
		ck_assert_int_eq(memcmp(text + c[i].pos.start, c[i].text, strlen(c[i].text)), 0);
		ck_assert_uint_le(c[i].sentence.start, c[i].pos.start);
		ck_assert_uint_ge(c[i].sentence.end, c[i].pos.end);
		ck_assert_int_eq(memcmp(text + c[i].sentence.start, c[i].quote, strlen(c[i].quote)), 0);
	}
	ck_assert_uint_lt(o, sizeof(out));
	free(c);
	rc__arena_free(a);
	return out;
}

/* The claims must be exactly want (lines as run() prints them). */
#define CLAIMS(text, want) ck_assert_str_eq(run(text), want)

static void setup(void)
{
	rc_error err;
	ck_assert_msg(rc_rules_new_default(&rules, &err) == RC_OK, "%s", err.message);
}

static void teardown(void)
{
	rc_rules_free(rules);
	rules = NULL;
	rc_recognizer_free(recognizer);
	recognizer = NULL;
}

START_TEST(verb_forms)
{
	CLAIMS("Gunmen killed 5 people.", "killed|5|current|people|-|killed|-1; ");
	CLAIMS("The shooting killed at least 144 people.",
	       "killed|at least 144|current|people|-|killed|-1; ");
	CLAIMS("Police arrested two alleged members of the group.",
	       "arrested|two|current|members|-|arrested|-1; ");
	CLAIMS("They captured two individuals linked to Daesh.",
	       "arrested|two|current|individuals|-|captured|-1; ");
	CLAIMS("The blast killed an estimated 300 people.",
	       "killed|300|current|people|-|killed|-1; ");
	CLAIMS("Eleven suspects were arrested.", "arrested|Eleven|current|suspects|-|arrested|-1; ");
	CLAIMS("84 people were killed.", "killed|84|current|people|-|killed|-1; ");
	CLAIMS("two members of the Daesh group were arrested in Qom.",
	       "arrested|two|current|members|-|arrested|-1; ");
	CLAIMS("At least 20 died.", "killed|At least 20|current|-|-|died|-1; ");
	CLAIMS("84 worshippers were killed.", "killed|84|current|pilgrims|-|killed|-1; ");
	CLAIMS("12 remain missing.", "missing|12|current|-|-|remain missing|-1; ");
	CLAIMS("11 people are in custody.", "arrested|11|current|people|-|in custody|-1; ");
	CLAIMS("Two of the attackers were killed.",
	       "killed|Two|current|attackers|-|killed|-1; ");
}
END_TEST

START_TEST(noun_and_toll_forms)
{
	CLAIMS("The attacks caused 84 deaths and 284 injuries.",
	       "killed|84|current|-|-|deaths|-1; injured|284|current|-|-|injuries|-1; ");
	CLAIMS("The death toll rose to 95.", "killed|95|current|-|-|death toll|-1; ");
	CLAIMS("A death toll of 84 was announced.", "killed|84|current|-|-|death toll|-1; ");
	CLAIMS("The report described the arrest of 11 individuals.",
	       "arrested|11|current|individuals|-|arrest|-1; ");
	CLAIMS("At least 90 dead.", "killed|At least 90|current|-|-|dead|-1; ");
	CLAIMS("IS said two suicide bombers carried out the blasts.",
	       "perpetrators|two|current|bombers|IS|carried out the blasts|-1; ");
	CLAIMS("Iran dismantled more than 10 terrorist cells.",
	       "units_dismantled|more than 10|current|cells|-|dismantled|-1; ");
	CLAIMS("Iran busts over 10 terrorist cells.",
	       "units_dismantled|over 10|current|cells|-|busts|-1; ");
}
END_TEST

START_TEST(patterns_and_lists)
{
	CLAIMS("Twin bombings in Kerman claimed over 90 lives.",
	       "killed|over 90|current|people|-|claimed ... lives|-1; ");
	CLAIMS("The blast killed 84 and wounded 284.",
	       "killed|84|current|-|-|killed|-1; injured|284|current|-|-|wounded|-1; ");
	CLAIMS("Gunmen killed 84 in Kerman and 60 in Zahedan.",
	       "killed|84|current|-|-|killed|-1; killed|60|current|-|-|killed|-1; ");
	CLAIMS("Many were killed and injured in the attack.",
	       "killed|Many|current|-|-|killed|-1; injured|Many|current|-|-|injured|-1; ");
	CLAIMS("The flood left 300 people homeless.",
	       "displaced|300|current|people|-|left ... people homeless|-1; ");
}
END_TEST

START_TEST(sub_counts)
{
	CLAIMS("The attack killed 84 people, 20 of them children.",
	       "killed|84|current|people|-|killed|-1; killed|20|current|children|-|killed|0; ");
	CLAIMS("Police arrested 11 people, including three women.",
	       "arrested|11|current|people|-|arrested|-1; arrested|three|current|women|-|arrested|0; ");
	CLAIMS("At least 84 people died. Among them were 12 children.",
	       "killed|At least 84|current|people|-|died|-1; ");
	CLAIMS("At least 84 people died. 12 of them were children.",
	       "killed|At least 84|current|people|-|died|-1; killed|12|current|children|-|died|0; ");
}
END_TEST

/* The claims of text with the real recognizer and a publication year,
 * one line each: "metric|text|status|part|parent|background year". */
static char *read_with(const char *text, int pub_year)
{
	static char out[16384];
	rc_error err;
	if (!recognizer)
		ck_assert_int_eq(rc_recognizer_new(&recognizer, NULL, &err), RC_OK);
	rc_recognizer *rec = recognizer;
	rc_arena *a = rc__arena_new(0);
	rc_text t;
	rc_segments seg;
	size_t len = strlen(text);
	ck_assert_int_eq(rc__text_normalize(&t, a, text, len, 0, len, &err), RC_OK);
	ck_assert_int_eq(rc__segment(&seg, a, &t, &err), RC_OK);
	rc_quantity_list ql = {0};
	ck_assert_int_eq(rc_quantities_scan(&ql, rec, t.norm, t.len, &err), RC_OK);
	rc_claim *c = NULL;
	size_t n = 0;
	ck_assert_int_eq(rc__claims_extract(&c, &n, a, rules, &t, &seg, ql.items, ql.len, pub_year,
	                                    1000, NULL, &err), RC_OK);
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char iv[64];
		const rc_interval *v = &c[i].q.iv;
		snprintf(iv, sizeof iv, "%s%g,%g%s", v->lo_inf ? "(" : v->lo_incl ? "[" : "(",
		         v->lo_inf ? -1.0 : v->lo, v->hi_inf ? -1.0 : v->hi,
		         v->hi_inf ? ")" : v->hi_incl ? "]" : ")");
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s|%s|%s|%s|%s|%ld|%s%d; ",
		                      c[i].metric, c[i].text, iv, rc_claim_status_str(c[i].status),
		                      c[i].part ? c[i].part : "-", (long)c[i].parent,
		                      c[i].background ? "bg" : "-", c[i].year);
	}
	ck_assert_uint_lt(o, sizeof(out));
	free(c);
	rc_quantity_list_dispose(&ql);
	rc__arena_free(a);
	return out;
}

#define READS(year, text, want) ck_assert_str_eq(read_with(text, year), want)

/* "text|attribution; " of each claim, real recognizer. */
static char *sources_of(const char *text, int pub_year)
{
	static char out[4096];
	rc_error err;
	if (!recognizer)
		ck_assert_int_eq(rc_recognizer_new(&recognizer, NULL, &err), RC_OK);
	rc_arena *a = rc__arena_new(0);
	rc_text t;
	rc_segments seg;
	size_t len = strlen(text);
	ck_assert_int_eq(rc__text_normalize(&t, a, text, len, 0, len, &err), RC_OK);
	ck_assert_int_eq(rc__segment(&seg, a, &t, &err), RC_OK);
	rc_quantity_list ql = {0};
	ck_assert_int_eq(rc_quantities_scan(&ql, recognizer, t.norm, t.len, &err), RC_OK);
	rc_claim *c = NULL;
	size_t n = 0, o = 0;
	ck_assert_int_eq(rc__claims_extract(&c, &n, a, rules, &t, &seg, ql.items, ql.len, pub_year,
	                                    1000, NULL, &err), RC_OK);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s|%s; ", c[i].text,
		                      c[i].attribution ? c[i].attribution : "-");
	ck_assert_uint_lt(o, sizeof(out));
	free(c);
	rc_quantity_list_dispose(&ql);
	rc__arena_free(a);
	return out;
}

#define SOURCES(text, want) ck_assert_str_eq(sources_of(text, 2024), want)

/* Parts of a total: a group narrower than the victims, a site, the
 * injured still in hospital or in a serious condition, an increment;
 * they point at the total, and a group with no total is the total. */
/* A pattern is tried at a figure only when its key word is within the
 * tokens a match could reach: "{N} ... among the dead" matches with six
 * words of gap (the most gap_window allows) and not with seven; the word
 * before the slot ("another {N}") is its key. */
START_TEST(pattern_keys_within_reach)
{
	READS(0, "The blast killed 40 people. Eleven nurses from the nearby town were among the dead.",
	      "killed|40|[40,40]|current|-|-1|-0; "
	      "killed|Eleven|[11,11]|current|among the victims|0|-0; ");
	READS(0, "The blast killed 40 people. Nine guards from the small nearby town were among the dead.",
	      "killed|40|[40,40]|current|-|-1|-0; killed|Nine|[9,9]|current|-|-1|-0; ");
	READS(0, "The quake killed 12 people and another 3 died overnight.",
	      "killed|12|[12,12]|current|-|-1|-0; killed|3|[3,3]|current|additional|0|-0; ");
}
END_TEST

START_TEST(parts_of_a_total)
{
	/* "among those killed" and "among those who died" are two cues (a
	 * pattern's "killed|who" is one word or the other, not a phrase) */
	READS(0, "The blast killed 40 people. Six foreigners were among those killed.",
	      "killed|40|[40,40]|current|-|-1|-0; "
	      "killed|Six|[6,6]|current|among the victims|0|-0; ");
	READS(0, "The blast killed 40 people. Six guards were among those who died.",
	      "killed|40|[40,40]|current|-|-1|-0; "
	      "killed|Six|[6,6]|current|among the victims|0|-0; ");
	READS(0, "A car bomb killed 31 people. Eleven Filipino nurses were among the dead.",
	      "killed|31|[31,31]|current|-|-1|-0; "
	      "killed|Eleven|[11,11]|current|among the victims|0|-0; ");
	/* "among" the total itself: "N were among M killed", "among the M
	 * dead were N" */
	READS(0, "Two firefighters were among 11 people killed in the blaze.",
	      "killed|Two|[2,2]|current|among the victims|1|-0; killed|11|[11,11]|current|-|-1|-0; ");
	READS(0, "Three pupils are among the 40 people injured in the crash.",
	      "injured|Three|[3,3]|current|among the victims|1|-0; injured|40|[40,40]|current|-|-1|-0; ");
	/* a sub-count's condition after "of whom" or "of them" */
	READS(0, "The quake injured 410 people, 37 of whom remain in intensive care.",
	      "injured|410|[410,410]|current|-|-1|-0; injured|37|[37,37]|current|serious condition|0|-0; ");
	READS(0, "The blast injured 40 people, 12 of them seriously.",
	      "injured|40|[40,40]|current|-|-1|-0; injured|12|[12,12]|current|serious condition|0|-0; ");
	READS(0, "The quake injured 410 people, 37 of whom remain in hospital.",
	      "injured|410|[410,410]|current|-|-1|-0; injured|37|[37,37]|current|in hospital|0|-0; ");
	/* a modal of the source's act of counting is no possibility: "could
	 * confirm only three deaths" stands; "could not confirm" does not */
	READS(0, "Police could confirm only three deaths.", "killed|three|[3,3]|current|-|-1|-0; ");
	READS(0, "Police could not confirm the toll of 40.", "killed|40|[40,40]|hypothetical|-|-1|-0; ");
	/* "the {M} dead included {N}": a part of the total it names */
	READS(0, "The 33 dead included seven children.",
	      "killed|33|[33,33]|current|-|-1|-0; killed|seven|[7,7]|current|children|0|-0; ");
	READS(0, "Among the 12 people killed were two paramedics.",
	      "killed|12|[12,12]|current|-|-1|-0; killed|two|[2,2]|current|rescuers|0|-0; ");
	/* the figures a running total adds up are increments of it; a figure
	 * of another clause is not, nor a year's total of other events */
	READS(0, "Police held 30 people on Friday and on Saturday 14 were arrested, bringing the number "
	         "held since the riots began to 44.",
	      "arrested|30|[30,30]|current|additional|2|-0; arrested|14|[14,14]|current|additional|2|-0; "
	      "arrested|44|[44,44]|current|-|-1|-0; ");
	/* the increment the running total's sentence leaves out, stated in
	 * another sentence, is one too when the sum says so (20 + 14 + 10 =
	 * 44), and not when it does not */
	READS(0, "Police detained 20 people overnight. Police held 14 on Friday and on Saturday 10 were "
	         "arrested, bringing the number held since the riots began to 44.",
	      "arrested|20|[20,20]|current|additional|3|-0; arrested|14|[14,14]|current|additional|3|-0; "
	      "arrested|10|[10,10]|current|additional|3|-0; arrested|44|[44,44]|current|-|-1|-0; ");
	READS(0, "Police detained 25 people overnight. Police held 14 on Friday and on Saturday 10 were "
	         "arrested, bringing the number held since the riots began to 44.",
	      "arrested|25|[25,25]|current|-|-1|-0; arrested|14|[14,14]|current|additional|3|-0; "
	      "arrested|10|[10,10]|current|additional|3|-0; arrested|44|[44,44]|current|-|-1|-0; ");
	READS(0, "The coast guard put the toll at 61, while the navy said 5 more bodies had been found, "
	         "bringing its count to 66.",
	      "killed|61|[61,61]|current|-|-1|-0; killed|66|[66,66]|current|-|-1|-0; ");
	READS(0, "The storm killed 40 people, bringing the total for the year to 300.",
	      "killed|40|[40,40]|current|-|-1|-0; killed|300|[300,300]|current|-|-1|-0; ");
	/* the injured who died are more of the dead, not injured */
	READS(0, "The toll rose to 31 after four of the wounded died overnight.",
	      "killed|31|[31,31]|current|-|-1|-0; killed|four|[4,4]|current|additional|0|-0; ");
	READS(0, "The toll rose to 31 after 4 injured passengers succumbed.",
	      "killed|31|[31,31]|current|-|-1|-0; killed|4|[4,4]|current|additional|0|-0; ");
	/* deaths in hospital are a part beside a total, the toll without one */
	READS(0, "The toll of the explosion rose to 35 after four patients died in hospital.",
	      "killed|35|[35,35]|current|-|-1|-0; killed|four|[4,4]|current|died in hospital|0|-0; ");
	READS(0, "Twelve people died in hospital after eating tainted food.",
	      "killed|Twelve|[12,12]|current|-|-1|-0; ");
	READS(0, "A landslide buried 60 villagers. Rescuers said 14 Nepali porters were killed.",
	      "killed|14|[14,14]|current|-|-1|-0; ");
	READS(0, "The storm killed 60 people. Rescuers said 14 Nepali porters were killed.",
	      "killed|60|[60,60]|current|-|-1|-0; killed|14|[14,14]|current|Nepali|0|-0; ");
	/* a group with no total beside it is the total */
	READS(0, "A bombing killed 7 soldiers at a checkpoint.",
	      "killed|7|[7,7]|current|-|-1|-0; ");
	READS(0, "The attack killed 25 people. Three soldiers died later.",
	      "killed|25|[25,25]|current|-|-1|-0; killed|Three|[3,3]|current|soldiers|0|-0; ");
	/* one group of a breakdown is never the total, whether or not the
	 * text states one ("10 men and one woman": the woman's "one" is no
	 * figure of its own, but she makes the men a group) */
	READS(0, "A rocket killed 6 farmers and three students in the valley.",
	      "killed|6|[6,6]|current|farmers|-1|-0; killed|three|[3,3]|current|students|-1|-0; ");
	READS(0, "Eight people died. Police said 7 men and one woman were found in the house.",
	      "killed|Eight|[8,8]|current|-|-1|-0; ");
	READS(0, "Eight people died in the fire. Police said 7 men and one woman died there.",
	      "killed|Eight|[8,8]|current|-|-1|-0; killed|7|[7,7]|current|men|0|-0; ");
	READS(0, "A landslide killed 4 miners, two guards and a cook at the camp.",
	      "killed|4|[4,4]|current|miners|-1|-0; killed|two|[2,2]|current|security personnel|-1|-0; ");
	/* in the subject too, the second group as much as the first */
	READS(0, "Five nurses and two doctors died when the clinic was shelled.",
	      "killed|Five|[5,5]|current|nurses|-1|-0; killed|two|[2,2]|current|doctors|-1|-0; ");
	READS(0, "Six farmers and three students died in the valley.",
	      "killed|Six|[6,6]|current|farmers|-1|-0; killed|three|[3,3]|current|students|-1|-0; ");
	/* people beside a group are the others ("nine people and two guards":
	 * eleven died, not nine); the total, when given, is the parent */
	READS(0, "A blast kills 11 at a market\n\nThe bomb killed nine people and two guards.",
	      "killed|11|[11,11]|current|-|-1|-0; killed|nine|[9,9]|current|others|0|-0; "
	      "killed|two|[2,2]|current|security personnel|0|-0; ");
	READS(0, "Twenty people and two soldiers died in the clashes.",
	      "killed|Twenty|[20,20]|current|others|-1|-0; killed|two|[2,2]|current|soldiers|-1|-0; ");
	/* but not a count of another metric, nor people beside people */
	READS(0, "The blast killed 12 people and three attackers.",
	      "killed|12|[12,12]|current|-|-1|-0; perpetrators|three|[3,3]|current|-|-1|-0; ");
	READS(0, "The blast killed 12 people and 3 individuals.",
	      "killed|12|[12,12]|current|-|-1|-0; killed|3|[3,3]|current|-|-1|-0; ");
	/* a member with a predicate of another metric breaks nothing down */
	READS(0, "A bombing killed 7 soldiers and two civilians were hurt.",
	      "killed|7|[7,7]|current|-|-1|-0; injured|two|[2,2]|current|-|-1|-0; ");
	/* "of the {M} dead , {N}": the group a part is taken from, with its figure */
	READS(0, "The quake killed 640 people. Of the 640 dead, 410 were in Ghor province.",
	      "killed|640|[640,640]|current|-|-1|-0; killed|640|[640,640]|current|-|-1|-0; "
	      "killed|410|[410,410]|current|part|1|-0; ");
	/* in a headline before the text that gives the total */
	READS(0, "Nine Kenyan workers among dead\n\nThe blast killed 40 people.",
	      "killed|Nine|[9,9]|current|Kenyan workers|1|-0; killed|40|[40,40]|current|-|-1|-0; ");
	READS(0, "The explosion injured 80 people. Twelve were still in hospital on Monday.",
	      "injured|80|[80,80]|current|-|-1|-0; injured|Twelve|[12,12]|current|in hospital|0|-0; ");
	READS(0, "The crash injured 40 people; six are in critical condition.",
	      "injured|40|[40,40]|current|-|-1|-0; "
	      "injured|six|[6,6]|current|serious condition|0|-0; ");
	READS(0, "The toll rose to 52 after 4 more people died in hospital.",
	      "killed|52|[52,52]|current|-|-1|-0; killed|4|[4,4]|current|additional|0|-0; ");
	/* after a figure of another metric, "another" means others */
	READS(0, "The gunman killed 9 people. Another 20 were injured.",
	      "killed|9|[9,9]|current|-|-1|-0; injured|20|[20,20]|current|-|-1|-0; ");
	/* in the next paragraph too, as wire copy sets its sentences */
	READS(0, "Floods killed 83 people, officials said.\n\nAnother 111 people are missing.",
	      "killed|83|[83,83]|current|-|-1|-0; missing|111|[111,111]|current|-|-1|-0; ");
	/* unless a figure of its own metric stands there too: then it is
	 * more of that one, and a group named later is part of the total,
	 * not of the increment */
	READS(0, "By noon the ferry toll had reached 61, with 120 people hurt. Divers are searching "
	         "for three more bodies in the hull.\n\nAmong the dead were 9 children.",
	      "killed|61|[61,61]|current|-|-1|-0; injured|120|[120,120]|current|-|-1|-0; "
	      "killed|three|[3,3]|current|additional|0|-0; killed|9|[9,9]|current|children|0|-0; ");
	/* a bare "of them" after a count that is no claim speaks of that
	 * count, not of the claim before it */
	READS(0, "The blast killed 30 people. Rescuers freed 52 survivors, 9 of them children.",
	      "killed|30|[30,30]|current|-|-1|-0; ");
	READS(0, "Firefighters said 43 people had been taken to hospital, 11 of them with burns.",
	      "injured|43|[43,43]|current|-|-1|-0; injured|11|[11,11]|current|part|0|-0; ");
	READS(0, "Police sealed off the market, where 20 people were killed.",
	      "killed|20|[20,20]|current|site|-1|-0; ");
	READS(0, "At the Grand Hotel, 14 guests were killed. The attacks killed 60 people.",
	      "killed|14|[14,14]|current|site|1|-0; killed|60|[60,60]|current|-|-1|-0; ");
	READS(0, "Nine people, four of them children, were killed.",
	      "killed|Nine|[9,9]|current|-|-1|-0; killed|four|[4,4]|current|children|0|-0; ");
	READS(0, "The quake killed 200 people; 35 of its citizens died, Chile said.",
	      "killed|200|[200,200]|current|-|-1|-0; "
	      "killed|35|[35,35]|current|its nationals|0|-0; ");
	/* a list after a colon or a dash breaks the figure before it down */
	READS(0, "At least 30 people died: 18 in the market and 12 at the station.",
	      "killed|At least 30|[30,-1)|current|-|-1|-0; killed|18|[18,18]|current|breakdown|0|-0; "
	      "killed|12|[12,12]|current|breakdown|0|-0; ");
	/* a running total after an increment is a total */
	READS(0, "Police said 16 more suspects had been arrested, bringing the number in custody "
	         "to 70.",
	      "arrested|16|[16,16]|current|additional|1|-0; arrested|70|[70,70]|current|-|-1|-0; ");
	/* a figure listed after a part is one too */
	READS(0, "The raid killed 40 people, among them 6 Saudi guards and 9 Yemeni workers.",
	      "killed|40|[40,40]|current|-|-1|-0; killed|6|[6,6]|current|security personnel|0|-0; "
	      "killed|9|[9,9]|current|workers|0|-0; ");
	/* a list member whose verb is left out, an adverb in its place,
	 * counts what its head counts; with a verb of its own it does not */
	READS(0, "The blast killed 30 people: 26 died there and four later in hospital.",
	      "killed|30|[30,30]|current|-|-1|-0; killed|26|[26,26]|current|breakdown|0|-0; "
	      "killed|four|[4,4]|current|breakdown|0|-0; ");
	READS(0, "The fire injured 40 people; 12 died at the scene and 28 later survived surgery.",
	      "injured|40|[40,40]|current|-|-1|-0; killed|12|[12,12]|current|-|-1|-0; ");
	/* the others of a part are of its group; the others after a total
	 * are the rest of the victims */
	READS(0, "The ferry sank with 300 people aboard and 85 died. The embassy said three Filipino "
	         "crew had drowned and that four others were still missing.",
	      "killed|85|[85,85]|current|-|-1|-0; "
	      "killed|three|[3,3]|current|Filipino crew|0|-0; missing|four|[4,4]|current|Filipino crew|-1|-0; ");
	READS(0, "The gunmen killed 12 guards and wounded 30 others.",
	      "killed|12|[12,12]|current|-|-1|-0; injured|30|[30,30]|current|-|-1|-0; ");
	/* beside a total of their own metric they are more of it, not the toll */
	READS(0, "The collision killed 50 passengers, and 12 others are feared dead.",
	      "killed|50|[50,50]|current|-|-1|-0; killed|12|[12,12]|current|additional|0|-0; ");
	/* a group with no total is the total, and so are its others */
	READS(0, "Two Kenyan tourists died in the avalanche and three others are missing.",
	      "killed|Two|[2,2]|current|-|-1|-0; missing|three|[3,3]|current|-|-1|-0; ");
	/* a bare figure opening its clause right after a sentence that counted
	 * a group speaks of that group, and so does the figure listed after it
	 * (here the total of the hurt, as no other is given); the consul's 5,
	 * in a sentence that opens on an earlier state after a change stated
	 * without its old figure ("rose to 6"), is the figure replaced */
	READS(0, "The storm killed 40 people on the island. Canadian deaths rose to 6 on Monday, the "
	         "embassy said. Before that, a consul had told reporters that 5 had been killed and 9 "
	         "hurt.",
	      "killed|40|[40,40]|current|-|-1|-0; killed|6|[6,6]|current|Canadian|0|-0; "
	      "killed|5|[5,5]|superseded|Canadian|0|-0; injured|9|[9,9]|current|-|-1|-0; ");
	/* and a sentence that opens on an earlier state before the change */
	READS(0, "Earlier in the day, the mayor said the fire had killed 14 people. By nightfall the "
	         "toll had risen to 20.",
	      "killed|14|[14,14]|superseded|-|-1|-0; killed|20|[20,20]|current|-|-1|-0; ");
	/* an earlier estimate beside a count that did not change is no
	 * replaced figure */
	READS(0, "Officials confirmed 22 deaths in the evening. Earlier, the mayor had told reporters "
	         "that about 30 people had been killed.",
	      "killed|22|[22,22]|current|-|-1|-0; killed|about 30|[30,30]|current|-|-1|-0; ");
	/* with a noun of its own, or after another paragraph, it does not */
	READS(0, "Canadian deaths rose to 6, the embassy said.\n\nPolice said 5 had been killed in "
	         "the north.",
	      "killed|6|[6,6]|current|Canadian|1|-0; killed|5|[5,5]|current|-|-1|-0; ");
}
END_TEST

/* A level the text dates to a day is an older figure when the document
 * leads with another total; alone, or leading, it is the figure. */
/* A separate incident after the news is another event; the news going
 * on is not. */
START_TEST(later_incident_is_background)
{
	READS(2024, "A bomb at the market killed 25 people. Days later, an air strike on the village "
	            "killed 8 people, five of them children.",
	      "killed|25|[25,25]|current|-|-1|-0; killed|8|[8,8]|current|-|-1|bg0; "
	      "killed|five|[5,5]|current|children|1|bg0; ");
	READS(2024, "A bomb at the market killed 25 people. Days later, the toll rose to 31.",
	      "killed|25|[25,25]|current|-|-1|-0; killed|31|[31,31]|current|-|-1|-0; ");
	/* the others beside an earlier event's victims are of that event;
	 * after another paragraph, or beside the news's victims, they are not */
	READS(2024, "In March 2011, a fire at a garment factory killed 40 people. More than 100 "
	            "others were injured.",
	      "killed|40|[40,40]|current|-|-1|bg2011; injured|More than 100|(100,-1)|current|-|-1|bg2011; ");
	READS(2024, "In March 2011, a fire at a garment factory killed 40 people.\n\nMore than 100 "
	            "others were injured.",
	      "killed|40|[40,40]|current|-|-1|bg2011; injured|More than 100|(100,-1)|current|-|-1|-0; ");
	READS(2024, "A fire at a garment factory killed 40 people. More than 100 others were injured.",
	      "killed|40|[40,40]|current|-|-1|-0; injured|More than 100|(100,-1)|current|-|-1|-0; ");
	/* "last year" at the clause's end names the year before the
	 * document's: a year's total, of the year 2023 (not the news) */
	READS(2024, "A bus crash killed 12 people on Monday. Road accidents killed 1,900 people in the "
	            "province last year.",
	      "killed|12|[12,12]|current|-|-1|-0; killed|1,900|[1900,1900]|current|-|-1|bg2023; ");
	/* nothing of the kind in an undated document, nor past the clause */
	READS(0, "A bus crash killed 12 people on Monday. Road accidents killed 1,900 people in the "
	         "province last year.",
	      "killed|12|[12,12]|current|-|-1|-0; killed|1,900|[1900,1900]|current|-|-1|-0; ");
	READS(2024, "A bus crash killed 12 people, the worst since the bridge opened last year.",
	      "killed|12|[12,12]|current|-|-1|-0; ");
}
END_TEST

/* The participle clause of a clause that tells of a new incident (an
 * indefinite or counted subject, a verb in the past) is in the reach of a
 * cue before it; not the news's own clause. */
START_TEST(incident_clause_after_since)
{
	READS(2023, "It was the country's worst rail disaster since 2004, when two express trains "
	            "collided outside the capital, killing 129 people.",
	      "killed|129|[129,129]|current|-|-1|bg2004; ");
	READS(2023, "It was the worst rail disaster in the region since 2004, when an express train "
	            "left the tracks at speed, killing 60.",
	      "killed|60|[60,60]|current|-|-1|bg2004; ");
	READS(2023, "Two express trains collided outside the capital on Monday, killing 129 people.",
	      "killed|129|[129,129]|current|-|-1|-0; ");
}
END_TEST

/* "the strongest ... since 1939, when ..." recalls an earlier event even
 * where nothing dates the document. */
START_TEST(superlative_since_recalls)
{
	READS(0, "It was the strongest quake since 1939, when 33,000 people died in the east.",
	      "killed|33,000|[33000,33000]|current|-|-1|bg1939; ");
	READS(0, "It was the most destructive storm since 2005, when 1,800 people died.",
	      "killed|1,800|[1800,1800]|current|-|-1|bg2005; ");
	/* a toll that rises since a time is the news */
	READS(0, "The toll has risen to 40 since Monday.", "killed|40|[40,40]|current|-|-1|-0; ");
}
END_TEST

START_TEST(dated_levels_before_the_lead)
{
	READS(0, "Quarry collapse toll rises to 23\n\nRescuers found more bodies overnight. The toll, "
	         "which stood at 14 on Monday evening, is the worst in the region.",
	      "killed|23|[23,23]|current|-|-1|-0; killed|14|[14,14]|superseded|-|-1|-0; ");
	READS(0, "The death toll stood at 310 on Tuesday and at 402 on Friday. The "
	         "agency now puts the toll at 455.",
	      "killed|310|[310,310]|superseded|-|-1|-0; killed|402|[402,402]|superseded|-|-1|-0; "
	      "killed|455|[455,455]|current|-|-1|-0; ");
	READS(0, "The death toll stood at 41 on Tuesday evening.", "killed|41|[41,41]|current|-|-1|-0; ");
	/* a toll reached on a day is no level the text sets aside */
	READS(0, "Landslide toll at 12\n\nVolunteers said the death toll reached 20 on Sunday.",
	      "killed|12|[12,12]|current|-|-1|-0; killed|20|[20,20]|current|-|-1|-0; ");
}
END_TEST

/* A past perfect with a time of its own ("By Thursday ... had risen to 25")
 * tells the level at that time: the figure, unless the document leads with
 * another total, when it is a dated level like "stood at 14 on Monday". */
START_TEST(past_perfect_with_its_own_time)
{
	READS(0, "Ferry fire\n\nThe coast guard said 22 people were injured on Wednesday. By "
	         "Thursday the tally had risen to 25.",
	      "injured|22|[22,22]|current|-|-1|-0; injured|25|[25,25]|current|-|-1|-0; ");
	READS(0, "The toll had reached 61 by nightfall.", "killed|61|[61,61]|current|-|-1|-0; ");
	/* with no time of its own it is a figure since replaced */
	READS(0, "The toll had reached 61 before the rain.", "killed|61|[61,61]|superseded|-|-1|-0; ");
	/* a dated level below the figure the headline leads with */
	READS(0, "Ferry fire toll rises to 70\n\nBy Monday evening the toll had risen to 61.",
	      "killed|70|[70,70]|current|-|-1|-0; killed|61|[61,61]|superseded|-|-1|-0; ");
}
END_TEST

/* A sum the text works out from its figures is a claim, however it puts
 * it; a condition makes it a possibility again. */
START_TEST(computed_sums_are_claims)
{
	READS(0, "The army reported 21 soldiers and 9 police officers dead, which would put the total "
	         "number of dead at 30.",
	      "killed|21|[21,21]|current|soldiers|2|-0; killed|9|[9,9]|current|police officers|2|-0; "
	      "killed|30|[30,30]|current|-|-1|-0; ");
	READS(0, "If the missing are confirmed dead, that would bring the toll to 45.",
	      "killed|45|[45,45]|hypothetical|-|-1|-0; ");
}
END_TEST

/* The noun another metric counts takes the figure: attackers who died are
 * counted as perpetrators. */
/* Parts named by a site, an operation, a ranking, a list of names, a
 * charge or a toll that covers them; a part equal to its total. */
START_TEST(parts_by_site_operation_and_ranking)
{
	/* a site noun before the toll or the counted noun; "there" after a
	 * site noun, not after the event's own place */
	READS(0, "Gunmen attacked two hotels and a church, killing 40 people. The hotel toll stood at 25.",
	      "killed|40|[40,40]|current|-|-1|-0; killed|25|[25,25]|current|site|0|-0; ");
	READS(0, "Police said four attackers took part. The two station attackers were shot dead.",
	      "perpetrators|four|[4,4]|current|-|-1|-0; perpetrators|two|[2,2]|current|site|0|-0; ");
	/* arrests of a role beside a total of the arrests are parts; alone,
	 * or of people or suspects, they are the total */
	READS(0, "On Monday police detained two bus drivers. Their arrest brings to seven the number "
	         "of people detained over the crash.",
	      "arrested|two|[2,2]|current|bus drivers|1|-0; arrested|seven|[7,7]|current|-|-1|-0; ");
	READS(0, "Police have detained two bus drivers over the crash.",
	      "arrested|two|[2,2]|current|-|-1|-0; ");
	/* attackers beside someone are some of them, not their number */
	READS(0, "A guard was filmed standing next to two gunmen before the raid.",
	      "perpetrators|two|[2,2]|current|accompanying|-1|-0; ");
	READS(0, "Police said two gunmen stormed the hall.",
	      "perpetrators|two|[2,2]|current|-|-1|-0; ");
	/* attackers a relative clause places at one site */
	READS(0, "Police said five gunmen took part. The three gunmen who opened fire outside the "
	         "stadium were shot dead.",
	      "perpetrators|five|[5,5]|current|-|-1|-0; perpetrators|three|[3,3]|current|site|0|-0; ");
	READS(0, "Police said the four gunmen who planned the attack were caught.",
	      "perpetrators|four|[4,4]|current|-|-1|-0; ");
	READS(0, "The attacks killed 70 people. The attack on the concert venue was the deadliest. "
	         "About 45 people died there.",
	      "killed|70|[70,70]|current|-|-1|-0; killed|About 45|[45,45]|current|site|0|-0; ");
	READS(0, "The ferry capsized on the river near the capital. Thirty people died there.",
	      "killed|Thirty|[30,30]|current|-|-1|-0; ");
	/* an operation against the attackers; alone, it is the event */
	READS(0, "The bombing killed 31 people. A police raid on Thursday left four people dead.",
	      "killed|31|[31,31]|current|-|-1|-0; killed|four|[4,4]|current|in an operation|0|-0; ");
	READS(0, "A police raid in the capital left four people dead.",
	      "killed|four|[4,4]|current|-|-1|-0; ");
	READS(0, "Two dead, five held in dawn raid\n\nThe bombing killed 31 people.",
	      "killed|Two|[2,2]|current|in an operation|2|-0; arrested|five|[5,5]|current|-|-1|-0; "
	      "killed|31|[31,31]|current|-|-1|-0; ");
	/* the dead by their own hand */
	READS(0, "The attacks killed 90 people. Weeks later, six of the suspected plotters killed "
	         "themselves with explosives.",
	      "killed|90|[90,90]|current|-|-1|-0; killed|six|[6,6]|current|by their own hand|0|-0; ");
	/* one country of a list, a ranking */
	READS(0, "The storm killed 200 people across the region. Haiti has reported 120 dead, Cuba 50 "
	         "and Jamaica 30.",
	      "killed|200|[200,200]|current|-|-1|-0; killed|120|[120,120]|current|breakdown|0|-0; ");
	READS(0, "The crush killed 700 people. Egypt was the worst affected, with 180 deaths. Nigeria "
	         "lost the most, with 90 dead, followed by Chad.",
	      "killed|700|[700,700]|current|-|-1|-0; killed|180|[180,180]|current|ranking|0|-0; "
	      "killed|90|[90,90]|current|ranking|0|-0; ");
	/* what a toll covers */
	READS(0, "The toll stood at 52. That figure includes 3 people who died in hospital.",
	      "killed|52|[52,52]|current|-|-1|-0; killed|3|[3,3]|current|included|0|-0; ");
	/* arrests by charge, a part only beside a total */
	READS(0, "Police arrested 120 people during the riots, and prosecutors said 30 people had been "
	         "arrested for looting.",
	      "arrested|120|[120,120]|current|-|-1|-0; arrested|30|[30,30]|current|by charge|0|-0; ");
	READS(0, "Police arrested 30 people for looting.", "arrested|30|[30,30]|current|-|-1|-0; ");
	/* a part equal to its total: the total is the part said again ... */
	READS(0, "Chile raises its toll to 35\n\nChile said 35 of its citizens died in the earthquake. "
	         "The quake killed 200 people across the region.",
	      "killed|35|[35,35]|current|its nationals|2|-0; "
	      "killed|35|[35,35]|current|its nationals|2|-0; killed|200|[200,200]|current|-|-1|-0; ");
	/* ... unless the part is a part by its group alone */
	READS(0, "The attack killed 25 people. Officials said 25 soldiers died.",
	      "killed|25|[25,25]|current|-|-1|-0; killed|25|[25,25]|current|-|-1|-0; ");
	/* a sentence that splits the total of the sentence before */
	READS(0, "Police put the number of dead gunmen at five. Four blew themselves up and one was "
	         "shot by police.",
	      "perpetrators|five|[5,5]|current|-|-1|-0; "
	      "perpetrators|Four|[4,4]|current|breakdown|0|-0; ");
	READS(0, "The blasts killed 5 people. Three died at the market and two at the station.",
	      "killed|5|[5,5]|current|-|-1|-0; killed|Three|[3,3]|current|breakdown|0|-0; "
	      "killed|two|[2,2]|current|breakdown|0|-0; ");
	/* ... not one whose figures add up to something else */
	READS(0, "The blasts killed 5 people. Three died at the market and one at the station.",
	      "killed|5|[5,5]|current|-|-1|-0; killed|Three|[3,3]|current|-|-1|-0; ");
	/* "among those wounded", "still treating N" */
	READS(0, "The blast killed 12 people and injured 40. Five Kenyan nationals were among those "
	         "wounded.",
	      "killed|12|[12,12]|current|-|-1|-0; injured|40|[40,40]|current|-|-1|-0; "
	      "injured|Five|[5,5]|current|among the victims|1|-0; ");
	READS(0, "The fire injured 60 people. Hospitals were still treating 22 people on Friday.",
	      "injured|60|[60,60]|current|-|-1|-0; injured|22|[22,22]|current|in hospital|0|-0; ");
}
END_TEST

START_TEST(perpetrators_by_their_noun)
{
	READS(0, "Five attackers died in the shootout.",
	      "perpetrators|Five|[5,5]|current|-|-1|-0; ");
	READS(0, "Police put the number of dead gunmen at four.",
	      "perpetrators|four|[4,4]|current|-|-1|-0; ");
	/* a part of them stays a count of the dead */
	READS(0, "Two of the attackers were killed.", "killed|Two|[2,2]|current|-|-1|-0; ");
}
END_TEST

/* Earlier events the text compares with: a year before the document's,
 * or a cue of the rules. */
START_TEST(earlier_events)
{
	READS(2024, "It was the worst fire since 1998, when a blaze killed 70 people.",
	      "killed|70|[70,70]|current|-|-1|bg1998; ");
	READS(2024, "Six years ago, floods killed 200 people in the same valley.",
	      "killed|200|[200,200]|current|-|-1|bg0; ");
	/* a participle clause tells what the clause it hangs on did */
	READS(2024, "The fire came three weeks after a bus plunged into the river, killing 40 people.",
	      "killed|40|[40,40]|current|-|-1|bg0; ");
	READS(2024, "A bus plunged into the river, killing 40 people.",
	      "killed|40|[40,40]|current|-|-1|-0; ");
	/* ... only when that clause tells of a new incident */
	READS(2024, "The bombing came a day after the ceasefire, killing 40 people.",
	      "killed|40|[40,40]|current|-|-1|-0; ");
	/* a time relative to the news names the news: no earlier event */
	READS(2024, "Last week's floods killed 200 people.", "killed|200|[200,200]|current|-|-1|-0; ");
	READS(2024, "The fire a year ago killed 72 people.", "killed|72|[72,72]|current|-|-1|-0; ");
	READS(2024, "That surpasses the 426 people who died in 2002.",
	      "killed|426|[426,426]|current|-|-1|bg2002; ");
	READS(2024, "In March 2011, 18 miners died in a pit nearby.",
	      "killed|18|[18,18]|current|-|-1|bg2011; ");
	/* no publication date: the latest year named stands in */
	READS(0, "The 2024 fire killed 12. The worst was in 1998, when a blaze killed 70 people.",
	      "killed|12|[12,12]|current|-|-1|-0; killed|70|[70,70]|current|-|-1|bg1998; ");
	/* this year's event is not an earlier one */
	READS(2024, "The March 2024 fire killed 12 people.", "killed|12|[12,12]|current|-|-1|-0; ");
}
END_TEST

/* Level verbs and long toll phrases. */
START_TEST(level_verbs_and_tolls)
{
	READS(0, "The toll tops 300.", "killed|tops 300|(300,-1)|current|-|-1|-0; ");
	READS(0, "The death toll passed 120 overnight.",
	      "killed|passed 120|(120,-1)|current|-|-1|-0; ");
	READS(0, "The toll climbed above 90 on Sunday.",
	      "killed|above 90|(90,-1)|current|-|-1|-0; ");
	READS(0, "The number of people killed rose past 500 on Friday.",
	      "killed|past 500|(500,-1)|current|-|-1|-0; ");
	/* a clause on the participle inside the noun phrase */
	READS(0, "The number of people injured when the stand gave way near the north gate has "
	         "climbed to 64, up from 40 on Monday.",
	      "injured|64|[64,64]|current|-|-1|-0; injured|40|[40,40]|superseded|-|-1|-0; ");
	READS(0, "The death toll from Saturday's twin explosions at two crowded markets in the "
	         "northern city has risen to 47.",
	      "killed|47|[47,47]|current|-|-1|-0; ");
	READS(0, "The number of people injured in the stampede stood at 130.",
	      "injured|130|[130,130]|current|-|-1|-0; ");
	READS(0, "The injured count was put at 85.", "injured|85|[85,85]|current|-|-1|-0; ");
	READS(0, "The toll, which stood at 12 on Monday, is the highest in years.",
	      "killed|12|[12,12]|current|-|-1|-0; ");
	READS(0, "Officials said 20 people had died. By evening it stood at 26.",
	      "killed|20|[20,20]|current|-|-1|-0; killed|26|[26,26]|current|-|-1|-0; ");
	READS(0, "Mourners remembered the 30 people who died in the crash.",
	      "killed|30|[30,30]|current|-|-1|-0; ");
	/* "it" with no claim before: the noun of the dead earlier in the
	 * sentence names the metric */
	READS(0, "The tally grew as families identified their dead; by Friday it stood at 412.",
	      "killed|412|[412,412]|current|-|-1|-0; ");
}
END_TEST

/* Figures that are not claims, or not members of the list before them. */
START_TEST(not_figures_and_other_predicates)
{
	READS(0, "One person was killed and one injured.", "");
	READS(0, "The collapse left 40 dead and 120 rescued.", "killed|40|[40,40]|current|-|-1|-0; ");
	READS(0, "Police arrested 50 people, and hundreds are still sought.",
	      "arrested|50|[50,50]|current|-|-1|-0; ");
	READS(0, "The stadium, which held 40,000, was empty.", "");
	/* the trapped are unaccounted for; once reached or freed they are
	 * counted by another predicate */
	READS(0, "A tunnel caved in, killing 5 workers and leaving 9 others trapped.",
	      "killed|5|[5,5]|current|-|-1|-0; missing|9|[9,9]|current|-|-1|-0; ");
	READS(0, "Firefighters freed 7 residents who had been trapped for hours.", "");
	READS(0, "Divers reach 13 stranded cavers", "");
	READS(0, "Six trapped climbers were rescued on Monday.", "");
	/* the buried are missing while they are feared or still buried; the
	 * buried dead (a funeral) are no count of anything */
	READS(0, "Rescuers dug for 30 villagers believed to be buried under the mud.",
	      "missing|30|[30,30]|current|-|-1|-0; ");
	READS(0, "Eleven miners are still buried, the company said.",
	      "missing|Eleven|[11,11]|current|-|-1|-0; ");
	READS(0, "The 19 victims were buried on Sunday.", "");
	/* those a vehicle carried, all of whom died: the figure carried is
	 * the toll when the sentence says all died, and nothing otherwise */
	READS(0, "A bus carrying 31 pilgrims fell into a ravine near the pass, killing everyone on board.",
	      "killed|31|[31,31]|current|-|-1|-0; ");
	READS(0, "All aboard perished when the ferry, carrying 57 people, capsized.",
	      "killed|57|[57,57]|current|-|-1|-0; ");
	READS(0, "No survivors as airliner crashes, 112 on board", "killed|112|[112,112]|current|-|-1|-0; ");
	READS(0, "A bus carrying 31 pilgrims fell into a ravine near the pass, killing all but three.", "");
	READS(0, "A ferry carrying 57 people capsized; everyone on board was rescued.", "");
	/* ... or all of whom are missing; a cue that tells of another figure
	 * is not theirs */
	READS(0, "A trawler with 14 crew on board went missing off the cape.",
	      "missing|14|[14,14]|current|-|-1|-0; ");
	READS(0, "A ferry carrying 300 passengers sank and 40 people are missing.",
	      "missing|40|[40,40]|current|-|-1|-0; ");
	/* the remaining searched for are missing; suspects are sought, not missing */
	READS(0, "Divers searched for the remaining 9 fishermen.", "missing|9|[9,9]|current|-|-1|-0; ");
	READS(0, "Police searched for the remaining 2 suspects.", "");
	/* "all" before the figure of a verb: everyone the figure counts */
	READS(0, "The crash killed all 44 people on board.", "killed|44|[44,44]|current|-|-1|-0; ");
	READS(0, "The fire killed all of the 7 residents.", "killed|7|[7,7]|current|-|-1|-0; ");
	READS(0, "Diplomats were shown photographs of 900 bodies.", "");
	READS(0, "Nobody knows how many died.", "");
}
END_TEST

/* Revision narratives: every figure of the sentence is a claim of the
 * toll's metric; the ones the text replaces are superseded, whatever the
 * position of the cue. */
/* A figure the document says was replaced is that figure wherever the
 * document states it as a total (a live blog's older entry lower down),
 * unless the document leads with it: the toll came back to it. */
START_TEST(replaced_figure_everywhere)
{
	READS(0, "The toll has risen to 9, up from the four the mayor gave at dawn. "
	         "Earlier: the mayor confirms four deaths.",
	      "killed|9|[9,9]|current|-|-1|-0; killed|four|[4,4]|superseded|-|-1|-0; "
	      "killed|four|[4,4]|superseded|-|-1|-0; ");
	READS(0, "The toll is back at 9. The agency had cut it to 7, saying the previous figure of 9 "
	         "counted two drivers.",
	      "killed|9|[9,9]|current|-|-1|-0; killed|7|[7,7]|superseded|-|-1|-0; "
	      "killed|9|[9,9]|superseded|-|-1|-0; ");
}
END_TEST

START_TEST(revision_narratives)
{
	READS(0, "The agency lowered the toll to 61 from 74.",
	      "killed|61|[61,61]|current|-|-1|-0; killed|74|[74,74]|superseded|-|-1|-0; ");
	/* a figure given "before revising it" is the one revised */
	READS(0, "The coast guard put the toll at 9 before raising it to 13 at noon.",
	      "killed|9|[9,9]|superseded|-|-1|-0; killed|13|[13,13]|current|-|-1|-0; ");
	READS(0, "The mayor said 6 people drowned before the levee broke.",
	      "killed|6|[6,6]|current|-|-1|-0; ");
	/* "said earlier" as "earlier said", and in the source's clause after
	 * the figure; a time of its own is no earlier statement */
	READS(0, "The governor said earlier that 19 people had drowned.",
	      "killed|19|[19,19]|superseded|-|-1|-0; ");
	READS(0, "The floods drowned 19 people, the governor said earlier in the day.",
	      "killed|19|[19,19]|superseded|-|-1|-0; ");
	READS(0, "The floods drowned 19 people, the governor had previously said.",
	      "killed|19|[19,19]|superseded|-|-1|-0; ");
	READS(0, "The floods drowned 19 people, the governor said on Friday.",
	      "killed|19|[19,19]|current|-|-1|-0; ");
	READS(0, "The floods drowned 19 people, the governor said, up from 12 earlier.",
	      "killed|19|[19,19]|current|-|-1|-0; killed|12|[12,12]|superseded|-|-1|-0; ");
	READS(0, "The toll now stands at 52 rather than 49, the mayor said.",
	      "killed|52|[52,52]|current|-|-1|-0; killed|49|[49,49]|superseded|-|-1|-0; ");
	READS(0, "Officials now say 36 died, not 41.",
	      "killed|36|[36,36]|current|-|-1|-0; killed|41|[41,41]|superseded|-|-1|-0; ");
	READS(0, "The toll rose to 31. The previous tally, given on Tuesday, was 27.",
	      "killed|31|[31,31]|current|-|-1|-0; killed|27|[27,27]|superseded|-|-1|-0; ");
	/* a generic toll with no metric in reach is no claim */
	READS(0, "The previous tally, given on Tuesday, was 27.", "");
	READS(0, "The earlier death toll was 12.", "killed|12|[12,12]|superseded|-|-1|-0; ");
	READS(0, "The toll rose to 19. It was 14 until Sunday.",
	      "killed|19|[19,19]|current|-|-1|-0; killed|14|[14,14]|superseded|-|-1|-0; ");
	READS(0, "The toll rose to 30, up from the 22 announced at noon.",
	      "killed|30|[30,30]|current|-|-1|-0; killed|22|[22,22]|superseded|-|-1|-0; ");
	READS(0, "The figure of 64 dead given earlier was revised.",
	      "killed|64|[64,64]|superseded|-|-1|-0; ");
	READS(0, "Police put the toll at 48, one fewer than the 49 announced the day before.",
	      "killed|48|[48,48]|current|-|-1|-0; killed|49|[49,49]|superseded|-|-1|-0; ");
	/* a back-reference names the claim again */
	READS(0, "Rescuers raised the toll to 43. Of the 43, nine were children.",
	      "killed|43|[43,43]|current|-|-1|-0; killed|43|[43,43]|current|-|-1|-0; "
	      "killed|nine|[9,9]|current|children|1|-0; ");
	/* ... but not the group a part is taken from */
	READS(0, "The blast killed 35 people; 28 of the 35 have been identified.",
	      "killed|35|[35,35]|current|-|-1|-0; ");
}
END_TEST

/* Superseded from narrative tense: the past perfect of a reporting or
 * level verb, cues after the figure. */
START_TEST(superseded_from_tense)
{
	READS(0, "On Monday the army had given a toll of 210.",
	      "killed|210|[210,210]|superseded|-|-1|-0; ");
	READS(0, "The toll had topped 500 by Friday.",
	      "killed|topped 500|(500,-1)|superseded|-|-1|-0; ");
	READS(0, "An estimated 80 dead had been announced on Monday.",
	      "killed|An estimated 80|[80,80]|superseded|-|-1|-0; ");
	READS(0, "The agency had listed 150 dead and 400 hurt.",
	      "killed|150|[150,150]|superseded|-|-1|-0; injured|400|[400,400]|superseded|-|-1|-0; ");
	READS(0, "Police had earlier spoken of seven arrests.",
	      "arrested|seven|[7,7]|superseded|-|-1|-0; ");
	READS(0, "The toll had stood at 35 overnight.", "killed|35|[35,35]|superseded|-|-1|-0; ");
	/* ... but reported speech in the past is backshifted: the figure stands */
	READS(0, "The ministry said the toll had reached 89.", "killed|89|[89,89]|current|-|-1|-0; ");
	/* the past perfect of the event itself is no revision */
	READS(0, "Police said 24 people had been arrested.",
	      "arrested|24|[24,24]|current|-|-1|-0; ");
	/* a rejected figure is none */
	READS(0, "Reports of 500 deaths were false.", "");
	READS(0, "The minister rejected the idea that this meant 900 deaths.", "");
	/* a denied one is hypothetical */
	READS(0, "He denied that 100 people had died.", "killed|100|[100,100]|hypothetical|-|-1|-0; ");
}
END_TEST

/* Vocabulary of the metrics, in data/rules.json. */
START_TEST(vocabulary)
{
	READS(0, "Hospitals were treating 61 people for burns.",
	      "injured|61|[61,61]|current|-|-1|-0; ");
	/* a hedge between "be" and the verb or state */
	READS(0, "As many as 70 miners are believed to have been killed.",
	      "killed|As many as 70|(-1,70]|current|-|-1|-0; ");
	READS(0, "Scores of villagers were feared dead.", "killed|Scores|[40,-1)|current|-|-1|-0; ");
	READS(0, "Nine hikers are thought to have died on the ridge.",
	      "killed|Nine|[9,9]|current|-|-1|-0; ");
	READS(0, "The 12 men are believed to be members of the cell.", "");
	READS(0, "About 120 were admitted with injuries.", "injured|About 120|[120,120]|current|-|-1|-0; ");
	READS(0, "The floods left 3,000 people without homes.",
	      "displaced|3,000|[3000,3000]|current|-|-1|-0; ");
	READS(0, "Some 900 residents were moved out of their homes.",
	      "displaced|Some 900|[900,900]|current|-|-1|-0; ");
	READS(0, "About 600 people living near the dam were evacuated.",
	      "displaced|About 600|[600,600]|current|-|-1|-0; ");
	/* a chain of phrases on the subject, each preposition a window */
	READS(0, "About 300 people living in houses beneath the damaged section of the dam were "
	         "moved out of their homes.",
	      "displaced|About 300|[300,300]|current|-|-1|-0; ");
	READS(0, "Police placed 20 people under house arrest.", "");
	/* a list of levels: "it stood at 1,200 on Monday and at 1,450 on Friday" */
	READS(0, "The count of the dead rose all week: it stood at 1,200 on Monday and at 1,450 on "
	         "Friday.",
	      "killed|1,200|[1200,1200]|current|-|-1|-0; killed|1,450|[1450,1450]|current|-|-1|-0; ");
	READS(0, "Twenty people were missing and presumed dead.",
	      "killed|Twenty|[20,20]|current|-|-1|-0; ");
	READS(0, "In 1988, 80 miners suffocated underground.",
	      "killed|80|[80,80]|current|-|-1|-0; ");
	READS(0, "The injured were put at 315.", "injured|315|[315,315]|current|-|-1|-0; ");
	READS(0, "Officials put the injured at 315.", "injured|315|[315,315]|current|-|-1|-0; ");
	READS(0, "Four men are being held.", "arrested|Four|[4,4]|current|-|-1|-0; ");
	READS(0, "The tower held 120 flats.", "");
}
END_TEST

/* The cited authority: the cue that governs the figure's clause, never
 * across a semicolon or into a clause of its own; not a noun phrase. */
START_TEST(cited_authority)
{
	SOURCES("The toll rose to 40; police said 12 people were arrested.",
	        "40|-; 12|police; ");
	SOURCES("The toll rose to 40 as the governor announced 12 arrests.",
	        "40|-; 12|governor; ");
	SOURCES("Officials put the toll at 70, while the army said 80 people died.",
	        "70|Officials; 80|army; ");
	SOURCES("Seventy people died in the flood, the Red Crescent said on Tuesday.",
	        "Seventy|Red Crescent; ");
	SOURCES("The toll was revised to 30 on Monday, the ministry's spokesman, Ali Reza, told "
	        "reporters.", "30|Ali Reza; ");
	/* an appositive that names the role is part of the source; one that
	 * does not is stepped over */
	SOURCES("Hassan Ali, head of the regional health office, told a news conference that 25 "
	        "people had died.", "25|Hassan Ali, head of the regional health office; ");
	SOURCES("Hassan Ali, speaking in the capital, told reporters that 25 people had died.",
	        "25|Hassan Ali; ");
	/* a source named by one word is the person named in full before */
	SOURCES("Maria Costa, a spokeswoman for the fire service, said 12 people died. Costa said "
	        "30 were hurt.",
	        "12|Maria Costa, a spokeswoman for the fire service; "
	        "30|Maria Costa, a spokeswoman for the fire service; ");
	/* a noun alone is the latest source named before with that head; a
	 * head no earlier source has stays as it is */
	SOURCES("The Health Ministry said 12 people died. Later the ministry said 30 were hurt.",
	        "12|Health Ministry; 30|Health Ministry; ");
	SOURCES("The Kenya Red Cross said 12 people died. The agency said 30 were hurt.",
	        "12|Kenya Red Cross; 30|agency; ");
	SOURCES("The 70 deaths announced by the ministry were later revised to 64, the governor said.",
	        "70|ministry; 64|governor; ");
	SOURCES("Rescuers say 40 people are missing, and officials say the search goes on.",
	        "40|Rescuers; ");
	/* a cue that cannot speak for the figure hides no other */
	SOURCES("About 50 were hurt when the roof gave way, officials said.", "About 50|officials; ");
	/* a complement about the figure vouches for it */
	SOURCES("The ministry's figure of 80 dead has not changed, and its spokesman, Omar Haddad, "
	        "told reporters it remained accurate.", "80|Omar Haddad; ");
	SOURCES("Police had received reports of 30 missing people.", "30|Police; ");
	SOURCES("Paris prosecutor: 29 killed in shooting", "29|Paris prosecutor; ");
	SOURCES("22 people were confirmed dead, the governor said.", "22|governor; ");
	/* the text's own background is nobody's figure */
	SOURCES("In 2009, 12 people died in a similar fire, the mayor said.", "12|-; ");
	/* the period of a title, an initial or dotted capitals does not end
	 * a name */
	SOURCES("According to Col. Maria Diaz, commander of the district, 33 soldiers died.",
	        "33|Col. Maria Diaz; ");
	SOURCES("Fourteen people drowned, Harry S. Truman Hospital said.",
	        "Fourteen|Harry S. Truman Hospital; ");
	SOURCES("The storm killed 16 people, U.S. officials said.", "16|U.S. officials; ");
	SOURCES("The storm killed 16 people, according to the U.N.", "16|U.N.; ");
	/* with no cue, the owner of the count the figure is given as: a
	 * name, an authority or a nationality, never a time or a thing */
	SOURCES("The figure is twice the official Peruvian toll of 310 dead and 520 injured.",
	        "310|Peruvian authorities; 520|Peruvian authorities; ");
	SOURCES("It is far above the ministry's own count of 58 deaths.", "58|ministry; ");
	SOURCES("Kenya's latest tally of 90 dead was published at noon.", "90|Kenya; ");
	SOURCES("The quake's toll of 300 dead makes it the worst in decades.", "300|-; ");
	SOURCES("Friday's toll of 26 dead was revised.", "26|-; ");
	/* a superseded figure given with no cue is the source's that replaced
	 * it in the sentence before; a current one stays nobody's */
	SOURCES("The toll has risen to 64, the regional governor said. The previous toll was 58.",
	        "64|regional governor; 58|regional governor; ");
	SOURCES("The toll has risen to 64, the regional governor said. About 200 were hurt.",
	        "64|regional governor; About 200|-; ");
	/* a pronoun takes the name its sentence gave before it */
	SOURCES("The mayor says the toll has risen to 14, up from the 9 he announced at noon.",
	        "14|mayor; 9|mayor; ");
}
END_TEST

/* "The count", "the same tally" point back to the count the document
 * named with its compiler; "the toll" does not. */
START_TEST(count_anaphors)
{
	SOURCES("At least 210 people died, according to an AFP tally based on official sources. "
	        "The tally stood at 150 on Monday. About 90 are missing, according to the same "
	        "count.",
	        "At least 210|AFP tally; 150|AFP tally; About 90|AFP tally; ");
	SOURCES("At least 210 people died, according to an AFP tally. The toll stood at 150 on "
	        "Monday.", "At least 210|AFP tally; 150|-; ");
	/* no count named with a source before: nothing to point back to */
	SOURCES("At least 210 people died, police said. The count stood at 150 on Monday.",
	        "At least 210|police; 150|-; ");
}
END_TEST

/* Where a source's name begins, walking back from its verb: a role keeps
 * its "of" and "for", a compound noun its "and", an article after a noun
 * opens the name, a pronoun after a noun is no source at all. */
START_TEST(source_name_bounds)
{
	SOURCES("The head of the provincial disaster agency said 18 people died.",
	        "18|head of the provincial disaster agency; ");
	SOURCES("The governor of Tana province told reporters 5 people were arrested.",
	        "5|governor of Tana province; ");
	SOURCES("The Minister of the Interior said 7 people were missing.",
	        "7|Minister of the Interior; ");
	SOURCES("The regional search and rescue office said 12 people were missing.",
	        "12|regional search and rescue office; ");
	/* a place after a common noun is part of the name */
	SOURCES("Rights groups in Mashhad put the toll at 30.", "30|Rights groups in Mashhad; ");
	SOURCES("Nurses in Aleppo said 14 people had died.", "14|Nurses in Aleppo; ");
	/* a time after a preposition opens no name */
	SOURCES("On Friday KDMA had put the toll at 17.", "17|KDMA; ");
	SOURCES("By Thursday night rescuers had counted 30 dead.", "30|rescuers; ");
	SOURCES("The Sunday Courier reported 12 dead.", "12|Sunday Courier; ");
	/* "agency" goes only after a name */
	SOURCES("The state news agency said 9 people died.", "9|state news agency; ");
	SOURCES("The Xinhua news agency said 9 people died.", "9|Xinhua; ");
	/* a reduced relative clause on a figure: its subject is the source */
	SOURCES("Officials confirmed 14 injured, a figure the health ministry revised to 18.",
	        "14|Officials; 18|health ministry; ");
	SOURCES("A senior officer overseeing the rescue said at least 70 people were hurt.",
	        "at least 70|senior officer overseeing the rescue; ");
	SOURCES("The toll rose to 60, ten more than the figure it had given, the mayor said.",
	        "60|mayor; ten|mayor; ");
	/* read forwards, the agent after "by" is the source, unless it only
	 * relays another's words */
	SOURCES("According to figures released by the interior ministry, 31 people died.",
	        "31|interior ministry; ");
	SOURCES("31 people died, according to a doctor quoted by Radio Tana.",
	        "31|doctor quoted by Radio Tana; ");
	/* a number inside a name binds no cue to itself */
	SOURCES("Rescue 1122 spokeswoman Sara Malik told reporters that 9 people were missing.",
	        "9|spokeswoman Sara Malik; ");
	/* an adjective where a cue's verb would be names no one */
	SOURCES("The governor said 19 bodies were found overnight, bringing the confirmed toll to 85.",
	        "85|governor; ");
	/* a small count opens a name; a relative clause without commas is
	 * stepped over to the noun it tells of; a pronoun after a count is
	 * no name of the count */
	SOURCES("Up to 40 villagers were killed, three local sources said.",
	        "Up to 40|three local sources; ");
	SOURCES("Two police officers who asked not to be named put the toll at 61.",
	        "61|Two police officers; ");
	SOURCES("A nurse who treated the wounded said 14 people had died.", "14|nurse; ");
	/* a title's name linked by "of" across capitals */
	SOURCES("Commander Ana Ruiz of the Coast Guard said 30 were rescued and 4 died.",
	        "4|Commander Ana Ruiz of the Coast Guard; ");
}
END_TEST

START_TEST(zero)
{
	CLAIMS("No one was hurt.", "injured|No one|current|-|-|hurt|-1; ");
	CLAIMS("There were no deaths.", "killed|no|current|-|-|deaths|-1; ");
	CLAIMS("Nobody was killed in the blast.", "killed|Nobody|current|-|-|killed|-1; ");
	CLAIMS("He said no to the plan.", "");
}
END_TEST

START_TEST(statuses)
{
	CLAIMS("The ministry revised the death toll down to 84 from 103.",
	       "killed|84|current|-|ministry|death toll|-1; "
	       "killed|103|superseded|-|ministry|death toll|-1; ");
	CLAIMS("That was up from an earlier toll of 95.",
	       "killed|95|superseded|-|-|toll|-1; ");
	CLAIMS("The toll rose to 95, up from 80.",
	       "killed|95|current|-|-|toll|-1; killed|80|superseded|-|-|toll|-1; ");
	CLAIMS("The bombers could have killed hundreds.",
	       "killed|hundreds|hypothetical|-|-|killed|-1; ");
	CLAIMS("They planned to kill 200 pilgrims.",
	       "killed|200|hypothetical|pilgrims|-|kill|-1; ");
	CLAIMS("The two attacks collectively claimed over 230 lives.",
	       "killed|over 230|aggregate|people|-|claimed ... lives|-1; ");
	CLAIMS("In all, 230 people were killed.", "killed|230|aggregate|people|-|killed|-1; ");
	/* a tally over a period of many incidents */
	CLAIMS("Since April, raids on villages have killed 310 people.",
	       "killed|310|aggregate|people|-|killed|-1; ");
	CLAIMS("Landslides have killed 95 people so far this year.",
	       "killed|95|aggregate|people|-|killed|-1; ");
	/* but not a toll that stood since a day */
	CLAIMS("The toll had stood at 50 since March 17.", "killed|50|superseded|-|-|toll|-1; ");
	/* a negation in the relative clause of the source is about the
	 * source, not the figure */
	CLAIMS("Two officials who asked not to be named said 40 people had died.",
	       "killed|40|current|people|Two officials|died|-1; ");
	/* a past perfect that a verb of reported speech reports stands; one
	 * in a clause of its own after a comma is the figure replaced */
	CLAIMS("Villagers told reporters they had counted 40 bodies.",
	       "killed|40|current|-|Villagers|bodies|-1; ");
	CLAIMS("The agency said 61 people had died, two days after it had put the toll at 45.",
	       "killed|61|current|people|agency|died|-1; killed|45|superseded|-|-|toll|-1; ");
	CLAIMS("Officials had previously put the toll at 103.",
	       "killed|103|superseded|-|Officials|toll|-1; ");
	CLAIMS("They arrested two people who entered the country, intending to stage attacks.",
	       "arrested|two|current|people|-|arrested|-1; ");
}
END_TEST

START_TEST(attribution)
{
	CLAIMS("At least 84 people died, according to the Intelligence Ministry.",
	       "killed|At least 84|current|people|Intelligence Ministry|died|-1; ");
	CLAIMS("Iran's Intelligence Ministry said on Friday that its forces had killed two terrorists.",
	       "killed|two|current|terrorists|Iran's Intelligence Ministry|killed|-1; ");
	CLAIMS("Many were killed near the tomb, Xinhua news agency reported.",
	       "killed|Many|current|-|Xinhua|killed|-1; ");
	CLAIMS("Iran destroyed over 10 cells, the media reported, citing Deputy Interior Minister "
	       "for Security Affairs Majid Mir-Ahmadi.",
	       "units_dismantled|over 10|current|cells|Deputy Interior Minister for Security "
	       "Affairs Majid Mir-Ahmadi|destroyed|-1; ");
	CLAIMS("State media said 84 people were killed.",
	       "killed|84|current|people|State media|killed|-1; ");
	/* ", saying" after a clause of dispute is its subject's */
	CLAIMS("Village elders disputed the toll, saying 60 people had died.",
	       "killed|60|current|people|Village elders|died|-1; ");
	/* ... and after an accusation's "of" or "for" clause, each gap up to
	 * the gap window */
	CLAIMS("Union leaders accused the mine owners of covering up the scale, saying 60 people had died.",
	       "killed|60|current|people|Union leaders|died|-1; ");
	/* people named by their relation keep their "of"/"for": the relatives
	 * are the source, not the victims */
	CLAIMS("Relatives of the victims said 60 people had died.",
	       "killed|60|current|people|Relatives of the victims|died|-1; ");
	CLAIMS("Lawyers for the families said 60 people had died.",
	       "killed|60|current|people|Lawyers for the families|died|-1; ");
	CLAIMS("The official IRNA news agency said 84 people were killed.",
	       "killed|84|current|people|IRNA|killed|-1; ");
	CLAIMS("Mir-Ahmadi spoke on Sunday. He said 11 people were arrested.",
	       "arrested|11|current|people|-|arrested|-1; ");
	CLAIMS("Mir-Ahmadi told IRNA that the toll was 84. He said 11 people were arrested.",
	       "killed|84|current|-|Mir-Ahmadi|toll|-1; arrested|11|current|people|Mir-Ahmadi|arrested|-1; ");
	CLAIMS("\"We arrested 11 people,\" said Mir-Ahmadi.",
	       "arrested|11|current|people|Mir-Ahmadi|arrested|-1; ");
	CLAIMS("Islamic State (IS) on January 4 claimed responsibility, saying two suicide attackers "
	       "carried out the blasts.",
	       "perpetrators|two|current|attackers|Islamic State|carried out the blasts|-1; ");
}
END_TEST

/* A sentence without a figure is searched for its source only when a
 * later figure may take it ("she said" up to three sentences back, and
 * each of those back again; attribution_carry within the paragraph): the
 * sources are those of a search of every sentence. */
START_TEST(sources_of_sentences_without_figures)
{
	SOURCES("Fire chief Maria Olsen said the blaze began at dawn. Crews worked through the "
	        "night. She said 14 people died.",
	        "14|Fire chief Maria Olsen; ");
	SOURCES("Fire chief Maria Olsen said the blaze began at dawn. She said crews worked through "
	        "the night. She said the school was empty. She said the roof fell in. She said the "
	        "wind was strong. She said the road was closed. She said 9 people were hurt.",
	        "9|Fire chief Maria Olsen; ");
	SOURCES("Fire chief Maria Olsen said the blaze began at dawn. Crews worked through the "
	        "night. The school was empty. The roof fell in. She said 9 people were hurt.",
	        "9|-; ");
	const char *carry = "{\"matcher\": {\"attribution_carry\": 3}}";
	rc_error err;
	ck_assert_msg(rc_rules_load_buffer(rules, carry, strlen(carry), "carry.json", &err) == RC_OK,
	              "%s", err.message);
	SOURCES("Police Commissioner Tom Reyes said the gunman acted alone. Roads were shut. The "
	        "toll was 49.",
	        "49|Police Commissioner Tom Reyes; ");
	SOURCES("Police Commissioner Tom Reyes said the gunman acted alone. Roads were shut. Schools "
	        "closed early. Shops closed. The toll was 49.",
	        "49|-; ");
	SOURCES("Police Commissioner Tom Reyes said the gunman acted alone.\n\nThe toll was 49.",
	        "49|-; ");
}
END_TEST

START_TEST(not_claims)
{
	CLAIMS("The attack came on January 3, 2024, the fourth anniversary of his death.", "");
	CLAIMS("The agency was founded in 1986.", "");
	CLAIMS("Two explosions were heard 11 days ago.", "");
	CLAIMS("Two explosions killed 84 people.", "killed|84|current|people|-|killed|-1; ");
	CLAIMS("Thousands of people gathered at the shrine.", "");
	CLAIMS("One of the suicide bombers held Tajik citizenship.", "");
	CLAIMS("Two bombers held Tajik passports.", "perpetrators|Two|current|bombers|-|bombers|-1; ");
	CLAIMS("Officials have made several claims of arrests.", "");
	CLAIMS("Police arrested the men two days after the attack.", "");
	CLAIMS("Iran destroyed 40 homes.", "");
}
END_TEST

START_TEST(rules_file_extends)
{
	/* A fact-checker adds a metric without recompiling. */
	const char *extra = "{\"metrics\": {\"homes_destroyed\": {\"verbs\": [\"destroyed\", "
	                    "\"razed\"], \"objects\": [\"homes\"]}},\n"
	                    " \"subjects\": {\"homes\": [\"homes\", \"houses\"]}}";
	rc_error err;
	ck_assert_msg(rc_rules_load_buffer(rules, extra, strlen(extra), "extra.json", &err) == RC_OK,
	              "%s", err.message);
	CLAIMS("The quake razed 40 houses.", "homes_destroyed|40|current|homes|-|razed|-1; ");
	CLAIMS("Gunmen killed 5 people.", "killed|5|current|people|-|killed|-1; ");
}
END_TEST

START_TEST(long_sentences_are_bounded)
{
	/* A run-on sentence over many token windows still finds its claims,
	 * and its quote is cut around the figure. */
	size_t reps = 3000;
	const char *unit = "and then gunmen killed 5 people ";
	size_t ul = strlen(unit);
	char *text = malloc(reps * ul + 1);
	ck_assert_ptr_nonnull(text);
	for (size_t i = 0; i < reps; i++)
		memcpy(text + i * ul, unit, ul);
	text[reps * ul] = '\0';
	rc_arena *a = rc__arena_new(0);
	size_t n = 0, dropped = 0;
	rc_claim *c = fake_extract(a, rules, text, strlen(text), 2500, &n, &dropped);
	ck_assert_uint_eq(n, 2500);
	ck_assert_uint_eq(dropped, 500);
	ck_assert_uint_le(strlen(c[100].quote), 2 * 900 + 8);
	ck_assert_ptr_nonnull(strstr(c[100].quote, "killed 5"));
	free(c);
	rc__arena_free(a);
	free(text);

	/* Windows that end exactly on a boundary (every fourth token is a
	 * comma) lose nothing either. */
	static const char *const units[] = {"gunmen killed 5, ", "police said 7 died, ",
	                                    "a, b, c, d, "};
	for (size_t u = 0; u < RC_ARRAY_LEN(units); u++) {
		ul = strlen(units[u]);
		text = malloc(reps * ul + 1);
		ck_assert_ptr_nonnull(text);
		for (size_t i = 0; i < reps; i++)
			memcpy(text + i * ul, units[u], ul);
		text[reps * ul] = '\0';
		a = rc__arena_new(0);
		c = fake_extract(a, rules, text, strlen(text), 10000, &n, &dropped);
		ck_assert_uint_eq(n, u < 2 ? reps : 0);
		free(c);
		rc__arena_free(a);
		free(text);
	}
}
END_TEST


START_TEST(more_news_sentences)
{
	/* Sentences written after the rules, to check they generalise. */
	CLAIMS("At least 27 people were killed and dozens wounded when a suicide bomber struck a "
	       "market, officials said.",
	       "killed|At least 27|current|people|officials|killed|-1; "
	       "injured|dozens|current|-|officials|wounded|-1; ");
	CLAIMS("The Health Ministry said the death toll had climbed to 1200, with more than 5000 "
	       "injured.",
	       "killed|1200|current|-|Health Ministry|death toll|-1; "
	       "injured|more than 5000|current|-|Health Ministry|injured|-1; ");
	CLAIMS("Police said they had detained 15 people, six of whom have since been released.",
	       "arrested|15|current|people|Police|detained|-1; "
	       "arrested|six|current|-|Police|detained|0; ");
	CLAIMS("The militants took 42 people hostage, including seven foreigners.",
	       "kidnapped|42|current|people|-|took ... people hostage|-1; "
	       "kidnapped|seven|current|nationals|-|took ... people hostage|0; ");
	CLAIMS("About 1500 people have been displaced, according to the United Nations.",
	       "displaced|About 1500|current|people|United Nations|displaced|-1; ");
	CLAIMS("Officials initially reported 15 deaths, but later raised the figure to 23.",
	       "killed|15|superseded|-|Officials|deaths|-1; killed|23|current|-|Officials|deaths|-1; ");
	CLAIMS("Three soldiers and a civilian were killed.",
	       "killed|Three|current|soldiers|-|killed|-1; ");
	CLAIMS("The attack left 12 dead and 30 injured.",
	       "killed|12|current|-|-|left ... dead|-1; injured|30|current|-|-|injured|-1; ");
	CLAIMS("Gunmen shot dead 5 villagers.", "killed|5|current|residents|-|shot dead|-1; ");
	CLAIMS("A spokesman for the regional government told AFP that 18 people had died.",
	       "killed|18|current|people|spokesman for the regional government|died|-1; ");
	CLAIMS("The UN said more than 300 civilians had been killed, while the government put the "
	       "figure at 150.",
	       "killed|more than 300|current|civilians|UN|killed|-1; "
	       "killed|150|current|-|government|killed|-1; ");
	CLAIMS("Five of the injured were in critical condition.", "");
	CLAIMS("Rescuers have so far pulled 63 survivors from the rubble.", "");
	CLAIMS("The blast wounded 8 police officers, two of them seriously.",
	       "injured|8|current|police officers|-|wounded|-1; injured|two|current|-|-|wounded|0; ");
	CLAIMS("The death toll stood at 41 on Tuesday evening.",
	       "killed|41|current|-|-|death toll|-1; ");
}
END_TEST

START_TEST(predicates_and_time_phrases)
{
	/* A figure after "and" with a passive predicate of its own that names no
	 * metric is no member of the list before it. */
	CLAIMS("At least 30 people were missing and about 400 had been moved to schools on higher "
	       "ground, the service said.",
	       "missing|At least 30|current|people|service|missing|-1; ");
	CLAIMS("Nine people were killed and 60 were taken to hospital.",
	       "killed|Nine|current|people|-|killed|-1; injured|60|current|-|-|taken to hospital|-1; ");
	CLAIMS("Four people died and 20 were reported missing.",
	       "killed|Four|current|people|-|died|-1; missing|20|current|-|-|reported missing|-1; ");
	/* "a day earlier" is a time, not what the figure counts; "a day" alone
	 * is a rate */
	CLAIMS("The toll stood at 212 on Thursday, up from 180 a day earlier.",
	       "killed|212|current|-|-|toll|-1; killed|180|superseded|-|-|toll|-1; ");
	CLAIMS("The toll reached 75, up from 60 the week before.",
	       "killed|75|current|-|-|toll|-1; killed|60|superseded|-|-|toll|-1; ");
	CLAIMS("Cholera was killing 30 a day in the camps.", "");
}
END_TEST

START_TEST(random_word_soup)
{
	/* Rule words, figures, punctuation and junk in random order: the
	 * matcher must keep every invariant whatever it is fed. */
	static const char *const words[] = {
		"killed", "were", "no one", "84", "over 90", "people", "of them", "including",
		"according to", "said", "he", ",", ".", "\"", "(", ")", "-", "death toll", "of",
		"to", "from", "revised", "could have", "collectively", "Many", "two", "the", "and",
		"U.S.", "Gen.", "\xE2\x80\x9C", "\xEF\xBF\xBD", "\n", "\n\n", "citing", "IS",
		"in all", "claimed", "lives", "none", "bodies", "recovered", "arrested", "cells",
	};
	unsigned seed = 12345;
	for (int iter = 0; iter < 300; iter++) {
		char text[4096];
		size_t o = 0;
		int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 120;
		for (int k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *w = words[(seed >> 16) % (sizeof(words) / sizeof(words[0]))];
			o += (size_t)snprintf(text + o, sizeof(text) - o, "%s ", w);
			if (o > sizeof(text) - 64)
				break;
		}
		rc_arena *a = rc__arena_new(0);
		size_t nc = 0;
		rc_claim *c = fake_extract(a, rules, text, o, 50, &nc, NULL);
		for (size_t i = 0; i < nc; i++) {
			ck_assert_ptr_nonnull(c[i].metric);
			ck_assert_ptr_nonnull(c[i].quote);
			ck_assert_uint_le(c[i].pos.start, c[i].pos.end);
			ck_assert_uint_le(c[i].pos.end, o);
			ck_assert_uint_le(c[i].sentence.start, c[i].pos.start);
			ck_assert_uint_le(c[i].sentence.end, o);
			/* a part may point forward (a total after it), never at
			 * itself nor at another part of a total */
			ck_assert(c[i].parent >= -1 && c[i].parent < (long)nc && c[i].parent != (long)i);
			if (c[i].parent >= 0)
				ck_assert_int_eq(c[c[i].parent].parent, -1);
			ck_assert(c[i].status <= RC_CLAIM_AGGREGATE);
		}
		free(c);
		rc__arena_free(a);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("claims");
	TCase *tc = tcase_create("claims");
	/* long inputs and the sanitizers on a loaded machine: wall time is
	 * no measure here (bench/ measures speed) */
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, verb_forms);
	tcase_add_test(tc, noun_and_toll_forms);
	tcase_add_test(tc, patterns_and_lists);
	tcase_add_test(tc, sub_counts);
	tcase_add_test(tc, zero);
	tcase_add_test(tc, parts_of_a_total);
	tcase_add_test(tc, parts_by_site_operation_and_ranking);
	tcase_add_test(tc, perpetrators_by_their_noun);
	tcase_add_test(tc, earlier_events);
	tcase_add_test(tc, level_verbs_and_tolls);
	tcase_add_test(tc, not_figures_and_other_predicates);
	tcase_add_test(tc, revision_narratives);
	tcase_add_test(tc, superseded_from_tense);
	tcase_add_test(tc, vocabulary);
	tcase_add_test(tc, cited_authority);
	tcase_add_test(tc, source_name_bounds);
	tcase_add_test(tc, count_anaphors);
	tcase_add_test(tc, statuses);
	tcase_add_test(tc, attribution);
	tcase_add_test(tc, sources_of_sentences_without_figures);
	tcase_add_test(tc, not_claims);
	tcase_add_test(tc, rules_file_extends);
	tcase_add_test(tc, long_sentences_are_bounded);
	tcase_add_test(tc, random_word_soup);
	tcase_add_test(tc, more_news_sentences);
	tcase_add_test(tc, predicates_and_time_phrases);
	tcase_add_test(tc, computed_sums_are_claims);
	tcase_add_test(tc, dated_levels_before_the_lead);
	tcase_add_test(tc, past_perfect_with_its_own_time);
	tcase_add_test(tc, later_incident_is_background);
	tcase_add_test(tc, superlative_since_recalls);
	tcase_add_test(tc, incident_clause_after_since);
	tcase_add_test(tc, pattern_keys_within_reach);
	tcase_add_test(tc, replaced_figure_everywhere);
	suite_add_tcase(s, tc);
	return rc_test_run(s);
}
