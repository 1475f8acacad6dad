/*
 * The quantity recognizer's cascade: an ordered table of named recognizers.
 *
 * rc_quantities_scan() cuts the text into chunks (quantity_tokens.c) and
 * walks each chunk's tokens.  At each token the recognizers of rc__qrules
 * are tried in table order; the first that reads something emits it and the
 * walk goes on after what it read.  A token that no recognizer takes is
 * passed over.  A recognizer is tried only at a token with one of its
 * anchors (a lexicon class, or digits), so most words cost one test.
 *
 * To add a recognizer: write a function that reads at token i and returns
 * the index after what it emitted (0: not here), give it a row in
 * rc__qrules with its anchors, and put the row where the order is right:
 * before every recognizer that would otherwise take its tokens for
 * something else, after every one whose reading must win over it.  Add its
 * cases to fixtures/cases/quantities.txt; the test there checks that every
 * row of the table reads at least one case.  Words it needs go into the
 * tables of data/quantity.json, never into the function.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/core.h"
#include "extract/quantity-int.h"

/* ---- emitting --------------------------------------------------------------- */

void rc__qemit(rc__qscan *x, const rc_quantity *q)
{
	rc_quantity_list *l = x->out;
	if (x->st != RC_OK)
		return;
	if (RC_GROW(l->items, l->cap, l->len + 1) != RC_OK) {
		x->st = RC_ERR_NOMEM;
		return;
	}
	l->items[l->len++] = *q;
}

/* Emit a figure of tokens [i0, i1) and return i1. */
static size_t emit_simple(rc__qscan *x, rc_quantity_kind kind, size_t i0, size_t i1,
                          rc_interval iv, double v)
{
	rc_quantity q = {.kind = kind, .iv = iv, .value = v, .start = x->t[i0].s,
	                 .end = x->t[i1 - 1].e, .num_start = x->t[i0].s, .num_end = x->t[i1 - 1].e};
	rc__qemit(x, &q);
	return i1;
}

static size_t emit_found(rc__qscan *x, const rc__qfound *f)
{
	rc__qemit(x, &f->q);
	return f->next;
}

/* ---- the recognizers, in table order ------------------------------------------ */

static size_t rule_phrase(rc__qscan *x, size_t i)
{
	size_t end;
	if (!rc__qlongest(x, i, QTAB_PHRASE, &end))
		return 0;
	return emit_simple(x, RC_QK_PHRASE, i, end, rc__qunbounded(), 0);
}

static size_t rule_date(rc__qscan *x, size_t i)
{
	size_t e = rc__qdate_at(x, i);
	return e ? emit_simple(x, RC_QK_DATE, i, e, rc__qunbounded(), 0) : 0;
}

static size_t rule_time(rc__qscan *x, size_t i)
{
	size_t e = rc__qtime_at(x, i);
	return e ? emit_simple(x, RC_QK_TIME, i, e, rc__qunbounded(), 0) : 0;
}

static size_t rule_id_cue(rc__qscan *x, size_t i)
{
	const rc_recognizer *r = x->r;
	if (!rc__qis_num(x, i + 1) && !(rc__qis(x, i + 1, r->id_dot) && rc__qis_num(x, i + 2)))
		return 0;
	size_t k = rc__qis_num(x, i + 1) ? i + 1 : i + 2;
	/* "No." must be written so ("no 1" is a word); a bare cue only before digits */
	if (x->t[i].e - x->t[i].s == 0)
		return 0;
	size_t m = k + 1;
	while (m + 1 < x->n &&
	       (rc__qis(x, m, r->id_dash) || rc__qis(x, m, r->id_slash) || rc__qis(x, m, r->id_dot)) &&
	       rc__qglued(x, m - 1) && rc__qglued(x, m) && rc__qis_num(x, m + 1))
		m += 2;
	return emit_simple(x, RC_QK_ID, k, m, rc__qunbounded(), 0);
}

static size_t rule_glued_id(rc__qscan *x, size_t i)
{
	const rc_recognizer *r = x->r;
	const rc__qtok *t = &x->t[i];
	if (!(i > 0 && (x->t[i - 1].type == QT_WORD ||
	                (rc__qis(x, i - 1, r->id_dash) && i > 1 && x->t[i - 1].s == x->t[i - 2].e &&
	                 x->t[i - 2].type == QT_WORD)) &&
	      !t->gap && !(rc__qflags(x, i - 1) & QF_CURRENCY)))
		return 0;
	size_t w = x->t[i - 1].type == QT_WORD ? i - 1 : i - 2;
	/* "post-1979", "mid-2024": a year after its cue */
	if ((rc__qflags(x, w) & QF_YEARCUE) && rc__qyear_number(x, i))
		return 0;
	size_t m = i + 1;
	while (m < x->n && !x->t[m].gap && (x->t[m].type != QT_PUNCT || rc__qis(x, m, r->id_dash)) &&
	       (rc__qis_num(x, m) || x->t[m].type == QT_WORD || rc__qis(x, m, r->id_dash)))
		m++;
	while (m > i + 1 && rc__qis(x, m - 1, r->id_dash))
		m--;
	return emit_simple(x, RC_QK_ID, i, m, rc__qunbounded(), 0);
}

static size_t rule_phone(rc__qscan *x, size_t i)
{
	if (!(i > 0 && rc__qis(x, i - 1, x->r->id_plus) && rc__qglued(x, i - 1) &&
	      (i < 2 || x->t[i - 1].gap || x->t[i - 2].type == QT_PUNCT)))
		return 0;
	/* groups apart by marks ("+1-222-2222"), or after a country code by
	 * single spaces ("+32 2 555 0147"); one kind of separator per number */
	const rc__qtok *cc = &x->t[i];
	bool marks = false, spaces = false;
	size_t m = i + 1;
	for (;;) {
		if (!spaces && m + 1 < x->n && !x->t[m + 1].gap && x->t[m].type == QT_PUNCT &&
		    rc__qis_num(x, m + 1) && x->s[x->t[m].s] != ',') {
			m += 2;
			marks = true;
		} else if (!marks && cc->ndig <= 3 && !cc->dec && !cc->sep && rc__qis_num(x, m) &&
		           !x->t[m].dec && !x->t[m].sep && x->t[m].s == x->t[m - 1].e + 1 &&
		           x->s[x->t[m - 1].e] == ' ') {
			m++;
			spaces = true;
		} else {
			break;
		}
	}
	return emit_simple(x, RC_QK_ID, i - 1, m, rc__qunbounded(), 0);
}

static size_t rule_dotted_id(rc__qscan *x, size_t i)
{
	const rc_recognizer *r = x->r;
	if (!(x->t[i].dec && rc__qis(x, i + 1, r->id_dot) && rc__qglued(x, i) &&
	      rc__qis_num(x, i + 2) && rc__qglued(x, i + 1)))
		return 0;
	size_t m = i + 1;
	while (m + 1 < x->n && !x->t[m].gap && !x->t[m + 1].gap && rc__qis(x, m, r->id_dot) &&
	       rc__qis_num(x, m + 1))
		m += 2;
	return emit_simple(x, RC_QK_ID, i, m, rc__qunbounded(), 0);
}

static size_t rule_age(rc__qscan *x, size_t i)
{
	if (i + 1 >= x->n)
		return 0;
	const rc__qualifier *pq = NULL;
	size_t k = i + 1, pe = 0;
	if (rc__qflags(x, k) & QF_QPRE) {
		const rc__qphrase *p = rc__qlongest(x, k, QTAB_PRE, &pe);
		if (p) {
			pq = &rc__q_prefix[p->idx];
			k = pe;
		}
	}
	rc__qfound f;
	if (!(pq ? rc__qfigure_at(x, pe, pq, i + 1, &f) : rc__qfigure_at(x, k, NULL, k, &f)) ||
	    f.q.kind == RC_QK_ID)
		return 0; /* an identifier is no age */
	f.q.start = x->t[i].s; /* "aged 22": the cue is part of the figure */
	f.q.kind = RC_QK_AGE;
	return emit_found(x, &f);
}

static size_t rule_qualified(rc__qscan *x, size_t i)
{
	size_t e;
	const rc__qphrase *p = rc__qlongest(x, i, QTAB_PRE, &e);
	if (!p)
		return 0;
	const rc__qualifier *pq = &rc__q_prefix[p->idx];
	/* "<" after "<" or "=": "<>30", "=>30" are no qualifiers */
	if (x->t[i].type == QT_PUNCT && i > 0 && rc__qglued(x, i - 1) &&
	    x->t[i - 1].type == QT_PUNCT && strchr("<>=", x->s[x->t[i - 1].s]))
		return 0;
	/* "how about 2", "what about 5": no qualifier */
	if (i > 0 && (rc__qflags(x, i - 1) & QF_NOTQUAL))
		return 0;
	rc__qfound f;
	if (!rc__qfigure_at(x, e, pq, i, &f) || f.q.kind == RC_QK_ID)
		return 0;
	/* "about January 3", "around 3 p.m.": the date or time recognizers' */
	if (rc__qdate_at(x, e) || rc__qtime_at(x, e))
		return 0;
	/* "from 2019 to 2021", "around 2010": years */
	rc__qnum yn;
	if ((pq->bound == RC_B_RANGE || pq->bound == RC_B_APPROX) &&
	    (f.q.kind == RC_QK_COUNT || f.q.kind == RC_QK_RANGE) &&
	    rc__qnumber(x, e, false, &yn) && yn.plain_int && rc__qyear_number(x, e) &&
	    yn.v >= 1900 && yn.v <= 2099 && !(rc__qflags(x, f.next) & QF_COUNTNOUN))
		f.q.kind = RC_QK_YEAR;
	return emit_found(x, &f);
}

static size_t rule_vague(rc__qscan *x, size_t i)
{
	rc__qfound f;
	if (!rc__qvague_at(x, i, &f))
		return 0;
	f.q.qualifier = rc__qvague_term(f.q.qualifier);
	return emit_found(x, &f);
}

static size_t rule_ordinal_word(rc__qscan *x, size_t i)
{
	if (x->t[i].type != QT_WORD)
		return 0;
	double v = rc__qent(x, i)->ord;
	/* "one second" is a duration (the figure recognizer's unit) */
	if (v == 2 && i > 0 && (rc__qis_num(x, i - 1) || (rc__qflags(x, i - 1) & QF_NUM)))
		return 0;
	return emit_simple(x, RC_QK_ORDINAL, i, i + 1, rc__qpoint(v), v);
}

static size_t rule_compound_ordinal(rc__qscan *x, size_t i)
{
	const rc_recognizer *r = x->r;
	if (x->t[i].type != QT_WORD)
		return 0;
	if (!((i + 2 < x->n && rc__qis(x, i + 1, r->id_dash) && (rc__qflags(x, i + 2) & QF_ORD)) ||
	      (i + 1 < x->n && (rc__qflags(x, i + 1) & QF_ORD) && rc__qent(x, i)->num >= 20 &&
	       fmod(rc__qent(x, i)->num, 10) == 0 && rc__qent(x, i + 1)->ord < 10)))
		return 0;
	size_t k = rc__qis(x, i + 1, r->id_dash) ? i + 2 : i + 1;
	double v = rc__qent(x, i)->num + rc__qent(x, k)->ord;
	if (!(rc__qent(x, i)->num >= 20 && rc__qent(x, k)->ord < 10))
		return 0;
	return emit_simple(x, RC_QK_ORDINAL, i, k + 1, rc__qpoint(v), v);
}

static size_t rule_ordinal_digits(rc__qscan *x, size_t i)
{
	const rc__qtok *t = &x->t[i];
	if (!rc__qordinal_suffix(x, i) || t->dec)
		return 0;
	return emit_simple(x, RC_QK_ORDINAL, i, i + 2, rc__qpoint(t->val), t->val);
}

static size_t rule_slash(rc__qscan *x, size_t i)
{
	if (!(rc__qis(x, i + 1, x->r->id_slash) && rc__qglued(x, i) && rc__qglued(x, i + 1) &&
	      rc__qis_num(x, i + 2)))
		return 0;
	return emit_simple(x, RC_QK_ID, i, i + 3, rc__qunbounded(), 0);
}

static size_t rule_one_pronoun(rc__qscan *x, size_t i)
{
	if (!rc__qis(x, i, x->r->id_one))
		return 0;
	if (i > 0 && (rc__qflags(x, i - 1) & QF_ONEPRON) && x->t[i - 1].type == QT_WORD)
		return i + 1; /* consumed: no figure */
	return 0;
}

/* Is a plain 4-digit number at i a year? */
static bool is_year(const rc__qscan *x, size_t i, const rc__qnum *a)
{
	if (!a->plain_int || a->words || a->neg || a->first->ndig != 4 || a->first->lead0)
		return false;
	double v = a->v;
	if (v < 1000 || v > 2199)
		return false;
	size_t j = a->i1;
	/* "1980s" */
	if (rc__qglued(x, j - 1) && rc__qis(x, j, x->r->id_s))
		return true;
	bool cue = i > 0 && (rc__qflags(x, i - 1) & QF_YEARCUE);
	if (i > 0 && rc__qmonth_at(x, i - 1))
		cue = true;
	if (cue)
		return true;
	/* News style writes counts from 1,000 with a comma: a bare 1900-2099 is a
	 * year unless a counted noun follows ("2000 people"). */
	if (v >= 1900 && v <= 2099)
		return !(rc__qflags(x, j) & QF_COUNTNOUN);
	return false;
}

static size_t rule_figure(rc__qscan *x, size_t i)
{
	const rc_recognizer *r = x->r;
	rc__qfound f;
	if (!rc__qfigure_at(x, i, NULL, i, &f))
		return 0;
	rc__qnum a;
	size_t ni = (rc__qflags(x, i) & QF_CURRENCY) ? i + 1 : i;
	bool have = rc__qnumber(x, ni, false, &a);
	if (have && f.q.kind == RC_QK_COUNT && is_year(x, ni, &a) && f.next == a.i1) {
		f.q.kind = RC_QK_YEAR;
		if (rc__qglued(x, a.i1 - 1) && rc__qis(x, a.i1, r->id_s)) {
			/* "the 1980s": a decade */
			f.q.iv = (rc_interval){.lo = a.v, .hi = a.v + 9, .lo_incl = true, .hi_incl = true};
			f.next = a.i1 + 1;
			f.q.end = x->t[a.i1].e;
		}
	} else if (have && f.q.kind == RC_QK_COUNT && a.plain_int && a.first->ndig == 4 &&
	           rc__qglued(x, a.i1 - 1) && rc__qis(x, a.i1, r->id_s)) {
		f.q.kind = RC_QK_YEAR;
		f.next = a.i1 + 1;
		f.q.end = x->t[a.i1].e;
	} else if (have && f.q.kind == RC_QK_RANGE && a.plain_int && is_year(x, ni, &a)) {
		f.q.kind = RC_QK_YEAR; /* "2019-20", "1914-1918" */
	} else if (have && f.q.kind == RC_QK_COUNT && a.plain_int && a.first->lead0) {
		f.q.kind = RC_QK_ID; /* "007", "0800" without GMT */
	}
	/* "in their 20s" is an age, "the '90s" a decade */
	if (have && f.q.kind == RC_QK_COUNT && a.plain_int && a.first->ndig == 2 &&
	    fmod(a.v, 10) == 0 && rc__qis(x, a.i1, r->id_s) && rc__qglued(x, a.i1 - 1)) {
		f.q.kind = ni > 0 && (rc__qflags(x, ni - 1) & QF_POSSESSIVE) ? RC_QK_AGE : RC_QK_YEAR;
		f.q.iv = (rc_interval){.lo = a.v, .hi = a.v + 9, .lo_incl = true, .hi_incl = true};
		f.next = a.i1 + 1;
		f.q.end = x->t[a.i1].e;
	}
	if (f.q.kind == RC_QK_ID || f.q.kind == RC_QK_PHRASE) {
		f.q.iv = rc__qunbounded();
		f.q.value = 0;
	}
	return emit_found(x, &f);
}

/* ---- the table ------------------------------------------------------------------ */

/*
 * Tried in this order at every token that has one of a row's anchors; the
 * first row that reads something wins.  QF_DIGITS anchors a row at a number
 * token, QF_LEX at any word or mark of the lexicon.  The anchors must hold
 * every token the row's function can read something at: they are how the
 * walk passes over the rest without calling it.
 */
const rc__qrule rc__qrules[] = {
	{"phrase", rule_phrase, QF_PHRASE,
	 "idioms with a number word that are no figure: \"one of the\", \"one by one\" "
	 "(rc__q_phrases)",
	 "first: their number word must never become a count"},
	{"date", rule_date, QF_MONTH | QF_DIGITS,
	 "\"January 3\", \"3rd of January\", \"Jan. 3, 2024\", \"January 2024\", \"01/19/2024\", "
	 "\"2024-04-02\", \"1995-01\"",
	 "before every number: a day or year inside a date is no count"},
	{"time", rule_time, QF_DIGITS,
	 "clock times: \"15:00\", \"3:30 pm\", \"3 p.m.\", \"0800 GMT\"",
	 "before figures, which would read \"3 p.m.\" as a number with a unit"},
	{"id-cue", rule_id_cue, QF_IDCUE,
	 "a number named by a cue word: \"No. 1\", \"Flight 752\", \"Resolution 2231\" "
	 "(rc__q_id_cues)",
	 "before figures: the cue, not the digits, says what the number is"},
	{"glued-id", rule_glued_id, QF_DIGITS,
	 "digits glued after letters: \"G7\", \"A320\", \"COVID-19\" (but \"post-1979\" is a year)",
	 "before figures: the digits are part of a name"},
	{"phone", rule_phone, QF_DIGITS,
	 "phone numbers: \"+1-222-2222-2222\", \"+32 2 555 0147\"",
	 "before figures, which would read \"+\" and the groups as numbers"},
	{"dotted-id", rule_dotted_id, QF_DIGITS,
	 "dotted digit chains: \"192.168.1.2\", \"2.0.1\"",
	 "before figures, which would read \"192.168\" as a decimal"},
	{"age", rule_age, QF_AGECUE,
	 "an age after its cue: \"aged 22\", \"aged between 18 and 25\" (rc__q_age_cues)",
	 "before qualified figures: the cue comes before the qualifier"},
	{"qualified", rule_qualified, QF_QPRE,
	 "a qualifier and its figure: \"more than 10\", \"at least 144\", \"nearly 100\", "
	 "\"between 84 and 103\", \"from 2019 to 2021\" (rc__q_prefix, longest first)",
	 "before vague terms and plain figures, which would drop the qualifier; it leaves "
	 "a qualified date or time (\"around 3 p.m.\") to the later rows"},
	{"vague", rule_vague, QF_VAGUE,
	 "vague amounts: \"dozens\", \"a few\", \"several hundred\", \"tens of thousands\" "
	 "(rc__q_vague)",
	 "before figures: \"a few\" and \"hundreds\" are no numbers"},
	{"ordinal-word", rule_ordinal_word, QF_ORD,
	 "\"fourth\", \"hundredth\" (\"one second\" is left to figures: a duration)",
	 "before figures: an ordinal ranks, it does not count"},
	{"compound-ordinal", rule_compound_ordinal, QF_NUM,
	 "\"twenty-first\", \"thirty second\"",
	 "before figures, which would read \"twenty\" as a count"},
	{"ordinal-digits", rule_ordinal_digits, QF_DIGITS,
	 "\"1st\", \"22nd\", \"3rd\", \"4th\"",
	 "before figures, which would read the suffix as letters glued to a number"},
	{"slash", rule_slash, QF_DIGITS,
	 "fractions, ratios and codes: \"3/4\", \"24/7\", \"9/11\" (never counts)",
	 "before figures; after dates, which take \"01/19/2024\""},
	{"one-pronoun", rule_one_pronoun, QF_NUM,
	 "\"one\" as a pronoun after \"the\", \"which\", \"no\" ... (rc__q_one_pronoun): "
	 "consumed, nothing emitted",
	 "just before figures, which would count it"},
	{"figure", rule_figure,
	 QF_DIGITS | QF_NUM | QF_SCALE | QF_SIGN | QF_CURRENCY | QF_NUMSTART,
	 "every other figure: counts, ranges, money, percentages, measures, and years and "
	 "decades by context (\"in 2024\", \"the 1980s\", \"2000 people\" is a count)",
	 "last: whatever no row above claimed"},
};

const size_t rc__qrules_len = sizeof rc__qrules / sizeof rc__qrules[0];

/* ---- the walk ------------------------------------------------------------------------ */

/* The classes of token i that the rows' anchors are tested against. */
static inline uint32_t anchors_of(const rc__qscan *x, size_t i)
{
	const rc__qtok *t = &x->t[i];
	if (t->type == QT_NUM)
		return QF_DIGITS;
	return t->lex >= 0 ? x->r->ents[t->lex].flags | QF_LEX : 0;
}

static void parse_chunk(rc__qscan *x, uint32_t any_anchor, unsigned *fired)
{
	size_t i = 0;
	while (i < x->n && x->st == RC_OK) {
		/* most words are in no table, or in none a row starts at */
		uint32_t a = anchors_of(x, i) & any_anchor;
		size_t next = 0;
		for (size_t k = 0; a && k < rc__qrules_len; k++) {
			if (!(a & rc__qrules[k].anchors))
				continue;
			if ((next = rc__qrules[k].fn(x, i)) != 0) {
				if (fired)
					fired[k]++;
				break;
			}
		}
		i = next ? next : i + 1;
	}
}

/*
 * "more than 10 and fewer than 20", "at most 100 and at least 20": a lower
 * and an upper bound joined by "and", "but" or a comma are one interval.
 */
static void merge_bounds(rc__qscan *x, size_t from)
{
	rc_quantity_list *l = x->out;
	size_t o = from;
	for (size_t k = from; k < l->len; k++) {
		rc_quantity *a = &l->items[o > from ? o - 1 : o];
		rc_quantity *b = &l->items[k];
		if (o > from && a->kind == RC_QK_COUNT && b->kind == RC_QK_COUNT && a->qualifier &&
		    b->qualifier && !a->approx && !b->approx && (a->iv.lo_inf != b->iv.lo_inf) &&
		    (a->iv.hi_inf != b->iv.hi_inf) && a->iv.lo_inf != a->iv.hi_inf &&
		    b->iv.lo_inf != b->iv.hi_inf) {
			/* the bytes between must be only a joiner */
			const char *s = x->s + a->end;
			size_t n = b->start - a->end;
			size_t p = 0;
			while (p < n && (s[p] == ' ' || s[p] == ','))
				p++;
			size_t w0 = p;
			while (p < n && rc__is_alpha((unsigned char)s[p]))
				p++;
			size_t wl = p - w0;
			while (p < n && s[p] == ' ')
				p++;
			bool joiner = p == n && (wl == 0 ? memchr(s, ',', n) != NULL
			                                 : (rc__eq_nocase(s + w0, wl, "and") ||
			                                    rc__eq_nocase(s + w0, wl, "but")));
			const rc_quantity *lo = a->iv.hi_inf ? a : b, *hi = a->iv.hi_inf ? b : a;
			if (joiner && lo->iv.lo <= hi->iv.hi) {
				rc_quantity m = *a;
				m.iv = (rc_interval){.lo = lo->iv.lo, .lo_incl = lo->iv.lo_incl,
				                     .hi = hi->iv.hi, .hi_incl = hi->iv.hi_incl};
				m.kind = RC_QK_RANGE;
				m.end = b->end;
				m.value = m.iv.lo;
				*a = m;
				continue;
			}
		}
		l->items[o++] = *b;
	}
	l->len = o;
}

rc_status rc__quantities_scan_traced(rc_quantity_list *out, const rc_recognizer *rec,
                                     const char *text, size_t len, unsigned *fired,
                                     rc_error *err)
{
	if (!out || !rec || (!text && len))
		return rc__error_set(err, RC_ERR_INVALID, "rc_quantities_scan: null argument");
	if (len > RC_OFFSET_MAX)   /* rc_quantity's spans are 32-bit */
		return rc__error_set(err, RC_ERR_LIMIT, "text is %zu bytes, over the %zu that 32-bit offsets number",
		                     len, RC_OFFSET_MAX);
	rc__qscan x = {.r = rec, .s = text, .len = len, .out = out};
	uint32_t any_anchor = 0;
	for (size_t k = 0; k < rc__qrules_len; k++)
		any_anchor |= rc__qrules[k].anchors;
	size_t pos = 0;
	rc_status st = RC_OK;
	while (pos < len) {
		size_t first = out->len;
		if ((st = rc__qtokenize(&x, &pos)) != RC_OK)
			break;
		parse_chunk(&x, any_anchor, fired);
		if ((st = x.st) != RC_OK)
			break;
		merge_bounds(&x, first);
	}
	free(x.t);
	if (st != RC_OK)
		return rc__error_set(err, st, "out of memory while recognising quantities");
	return RC_OK;
}

rc_status rc_quantities_scan(rc_quantity_list *out, const rc_recognizer *rec,
                             const char *text, size_t len, rc_error *err)
{
	return rc__quantities_scan_traced(out, rec, text, len, NULL, err);
}
