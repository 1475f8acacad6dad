/*
 * Events stage, map phase: find the event mentions of one document.
 *
 * A mention is an event noun from data/events.json ("twin blasts",
 * "shooting", "arrested") with the place, date and names around it:
 *   - place: after a preposition in the words that follow the noun ("in
 *     Kerman", "near Moscow", "in the holy city of Qom"), or a gazetteer
 *     place just before it ("the Kerman attack");
 *   - date: a date expression right after the noun ("on January 3") or
 *     just before it ("the January 3 bombings"), resolved against the
 *     publication date;
 *   - names: capitalised multiword names in the stretch of the sentence
 *     that belongs to this mention ("Qassem Soleimani", "Crocus City Hall").
 * Mentions that name no place borrow one from the document (the nearest
 * earlier mention of a compatible type, the event the sentence goes on to
 * name, or a later one), and a generic noun ("the attack") takes the
 * specific type of the one event it can refer to in the same place.
 * Mentions matching an alias of a --events file get that event's id as key.
 *
 * Work is linear in the text: every window is a bounded number of words.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "events/events-int.h"
#include "events/events-priv.h"

/* Upper bounds that keep hostile input cheap. */
enum {
	MAX_MENTIONS = 1000,   /* per document; further nouns are ignored */
	FWD_WINDOW = 18,       /* words after the noun searched for place and date */
	BACK_WINDOW = 5,       /* words before the noun searched for a place */
	MOD_WINDOW = 3,        /* modifiers taken into the noun phrase */
	MAX_NAMES = 6,         /* names kept per mention */
	INHERIT_REACH = 200    /* mentions looked back or ahead for a place */
};

typedef struct tok {
	size_t start, end;     /* norm offsets */
	bool cap, allcaps, poss, digits;
	unsigned char pre;     /* punctuation before: 0 none, 1 comma, 2 stronger */
} tok;

typedef struct cand {
	size_t t0, t1, noun0;  /* phrase [t0, t1), noun from noun0 */
	int type;
} cand;

typedef struct ment {
	int type;
	size_t start, end;     /* norm offsets of the phrase */
	size_t zs, ze;         /* norm span of the mention's stretch of sentence */
	size_t sent;
	const char *place;
	bool own_place;
	const char *date;
	bool own_date;
	bool weak_date;        /* from a weekday or "yesterday", not a calendar date */
	const char **names;
	size_t n_names;
	const char *key;
	const char *noun;      /* for mentions made from an alias: the match */
} ment;

typedef struct ctx {
	const ev_tables *tb;
	rc_arena *a;
	const char *text;      /* t->norm */
	int pub[3];            /* y, m, d; pub[0] == 0 when unknown */
	tok *toks;
	size_t n_toks, cap_toks;
	cand *cands;
	size_t n_cands, cap_cands;
	ment *ms;
	size_t n_ms, cap_ms;
	const char *dateline;  /* "KERMAN, Iran - ...": the document's place */
	bool weak;             /* the last date parsed was relative */
	bool nomem;
} ctx;

/* ---- calendar --------------------------------------------------------- */

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dm[m - 1];
}

static bool parse_iso(const char *s, int out[3])
{
	if (!s || strlen(s) < 10)
		return false;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !rc__is_digit((unsigned char)s[i]))
			return false;
	out[0] = atoi(s);
	out[1] = atoi(s + 5);
	out[2] = atoi(s + 8);
	return out[1] >= 1 && out[1] <= 12 && out[2] >= 1 && out[2] <= days_in_month(out[0], out[1]);
}

/* ---- tokens ---------------------------------------------------------- */

static bool wordc(unsigned char c)
{
	return rc__is_alnum(c) || c >= 0x80;
}

static bool tok_is(const ctx *c, const tok *t, const ev_words *set)
{
	return rc__ev_in(set, c->text + t->start, t->end - t->start);
}

static bool push_tok(ctx *c, const tok *t)
{
	if (RC_GROW(c->toks, c->cap_toks, c->n_toks + 1) != RC_OK)
		return false;
	c->toks[c->n_toks++] = *t;
	return true;
}

/* Split norm[s, e) into words.  Hyphens, dots, slashes and commas between
 * word characters stay inside ("Daesh-claimed", "U.S.", "1,000"); "'s"
 * marks a possessive and is dropped. */
static bool tokenize(ctx *c, size_t s, size_t e)
{
	const char *x = c->text;
	unsigned char pre = 0;
	c->n_toks = 0;
	size_t i = s;
	while (i < e) {
		unsigned char ch = (unsigned char)x[i];
		if (!wordc(ch)) {
			if (ch == ',')
				pre = pre > 1 ? pre : 1;
			else if (strchr(";:()[]\"!?", ch) && ch)
				pre = 2;
			else if (ch == '-' && i > s && x[i - 1] == ' ')
				pre = 2;
			i++;
			continue;
		}
		tok t = {.start = i, .pre = pre};
		pre = 0;
		while (i < e) {
			unsigned char d = (unsigned char)x[i];
			if (wordc(d)) {
				i++;
				continue;
			}
			if ((d == '-' || d == '.' || d == '/' || d == ',' || d == '\'') && i + 1 < e &&
			    wordc((unsigned char)x[i + 1])) {
				if (d == '\'' && (x[i + 1] == 's' || x[i + 1] == 'S') &&
				    (i + 2 >= e || !wordc((unsigned char)x[i + 2]))) {
					t.poss = true;
					break;
				}
				if (d == ',' && !(rc__is_digit((unsigned char)x[i - 1]) &&
				                  rc__is_digit((unsigned char)x[i + 1])))
					break;
				i++;
				continue;
			}
			break;
		}
		t.end = i;
		if (t.poss)
			i += 2;
		else if (t.end > t.start && x[t.end - 1] == '.')
			t.end--;
		unsigned char f = (unsigned char)x[t.start];
		t.cap = f >= 'A' && f <= 'Z';
		size_t letters = 0, upper = 0;
		t.digits = true;
		for (size_t k = t.start; k < t.end; k++) {
			unsigned char d = (unsigned char)x[k];
			if (rc__is_alpha(d)) {
				letters++;
				upper += d >= 'A' && d <= 'Z';
			}
			if (!rc__is_digit(d))
				t.digits = false;
		}
		t.allcaps = letters >= 2 && upper == letters;
		if (!push_tok(c, &t))
			return false;
	}
	return true;
}

/* ---- dates ------------------------------------------------------------ */

static int month_of(const ctx *c, const tok *t)
{
	if (!t->cap)
		return 0;
	const char *s = c->text + t->start;
	size_t n = t->end - t->start;
	for (int m = 0; m < 12; m++)
		if (rc__eq_nocase(s, n, c->tb->months[m]) || rc__eq_nocase(s, n, c->tb->month_abbrevs[m]))
			return m + 1;
	return 0;
}

static int weekday_of(const ctx *c, const tok *t)
{
	if (!t->cap)
		return -1;
	for (int w = 0; w < 7; w++)
		if (rc__eq_nocase(c->text + t->start, t->end - t->start, c->tb->weekdays[w]))
			return w; /* 0 = Monday */
	return -1;
}

static int num_of(const ctx *c, const tok *t, size_t maxlen)
{
	size_t n = t->end - t->start;
	if (!t->digits || n == 0 || n > maxlen)
		return -1;
	return atoi(c->text + t->start);
}

/* The year of a month/day without one: the publication year, or the one
 * before when that would put the date after publication. */
static int infer_year(const ctx *c, int m, int d)
{
	if (!c->pub[0])
		return 0;
	if (m > c->pub[1] || (m == c->pub[1] && d > c->pub[2]))
		return c->pub[0] - 1;
	return c->pub[0];
}

static const char *fmt_date(ctx *c, int y, int m, int d)
{
	if (y < 1900 || y > 2100 || m < 1 || m > 12)
		return NULL;
	if (d == 0)
		return rc__arena_printf(c->a, "%04d-%02d", y, m);
	if (d < 1 || d > days_in_month(y, m))
		return NULL;
	return rc__arena_printf(c->a, "%04d-%02d-%02d", y, m, d);
}

/* A date expression starting at token k, ending before hi: its value in
 * *out and its length in words, or 0.  Dates within four words after a
 * report verb ("reported on Wednesday", "rose to 31 on Monday") date the
 * report, and "since August 2021" a period: both are skipped, looking back
 * no further than lo. */
static size_t parse_date_at(ctx *c, size_t k, size_t hi, const char **out);

static size_t parse_date(ctx *c, size_t lo, size_t k, size_t hi, const char **out)
{
	const tok *T = c->toks;
	const ev_tables *tb = c->tb;
	/* the words before are looked at only when there is a date: most
	 * tokens are none */
	size_t n = parse_date_at(c, k, hi, out);
	if (!n)
		return 0;
	bool barred = k > 0 && tok_is(c, &T[k - 1], &tb->not_date_before);
	for (size_t i = k; !barred && i-- > lo && i + 4 >= k;)
		barred = tok_is(c, &T[i], &tb->report_verbs);
	if (!barred)
		return n;
	*out = NULL;
	c->weak = false;
	return 0;
}

/* parse_date without the look back. */
static size_t parse_date_at(ctx *c, size_t k, size_t hi, const char **out)
{
	const tok *T = c->toks;
	const ev_tables *tb = c->tb;
	*out = NULL;
	c->weak = false;
	if (k >= hi)
		return 0;
	int m = month_of(c, &T[k]);
	if (m) {
		int d = k + 1 < hi && T[k + 1].pre == 0 ? num_of(c, &T[k + 1], 2) : -1;
		if (d >= 1 && d <= 31) {
			int y = k + 2 < hi && T[k + 2].pre <= 1 ? num_of(c, &T[k + 2], 4) : -1;
			if (y >= 1900) {
				*out = fmt_date(c, y, m, d);
				return *out ? 3 : 0;
			}
			*out = fmt_date(c, infer_year(c, m, d), m, d);
			return *out ? 2 : 0;
		}
		int y = k + 1 < hi && T[k + 1].pre <= 1 ? num_of(c, &T[k + 1], 4) : -1;
		if (y >= 1900) {
			*out = fmt_date(c, y, m, 0);
			return *out ? 2 : 0;
		}
		/* A bare month only after words that make it a time ("in December"). */
		static const char *const lead[] = {"in", "early", "late", "mid", "last", "this"};
		bool ok = false;
		for (size_t i = 0; k > 0 && i < RC_ARRAY_LEN(lead); i++)
			ok |= rc__eq_nocase(c->text + T[k - 1].start, T[k - 1].end - T[k - 1].start, lead[i]);
		if (ok && c->pub[0]) {
			int yy = m > c->pub[1] ? c->pub[0] - 1 : c->pub[0];
			*out = fmt_date(c, yy, m, 0);
			return *out ? 1 : 0;
		}
		return 0;
	}
	int d = num_of(c, &T[k], 2);
	if (d >= 1 && d <= 31 && k + 1 < hi && T[k + 1].pre == 0 && (m = month_of(c, &T[k + 1]))) {
		int y = k + 2 < hi && T[k + 2].pre <= 1 ? num_of(c, &T[k + 2], 4) : -1;
		if (y >= 1900) {
			*out = fmt_date(c, y, m, d);
			return *out ? 3 : 0;
		}
		*out = fmt_date(c, infer_year(c, m, d), m, d);
		return *out ? 2 : 0;
	}
	/* ISO 2024-01-03 and US 01/19/2024 */
	const char *s = c->text + T[k].start;
	size_t n = T[k].end - T[k].start;
	if (n == 10) {
		char buf[11];
		memcpy(buf, s, 10);
		buf[10] = 0;
		int v[3];
		if (parse_iso(buf, v)) {
			*out = fmt_date(c, v[0], v[1], v[2]);
			return *out ? 1 : 0;
		}
		if (buf[2] == '/' && buf[5] == '/') {
			int mm = atoi(buf), dd = atoi(buf + 3), yy = atoi(buf + 6);
			*out = fmt_date(c, yy, mm, dd);
			return *out ? 1 : 0;
		}
	}
	if (!c->pub[0])
		return 0;
	long today = rc__days_from_civil(c->pub[0], c->pub[1], c->pub[2]);
	c->weak = true;
	int wd = weekday_of(c, &T[k]);
	if (wd >= 0) {
		/* 1970-01-01 was a Thursday (index 3 with Monday = 0). */
		int pub_wd = (int)(((today % 7) + 7 + 3) % 7);
		long day = today - ((pub_wd - wd + 7) % 7);
		int y, mo, dd;
		civil_from_days(day, &y, &mo, &dd);
		*out = fmt_date(c, y, mo, dd);
		return *out ? 1 : 0;
	}
	const ev_phrase *hit = NULL;
	ev_span sp[4];
	size_t ns = 0;
	for (size_t i = k; i < hi && ns < 4; i++)
		sp[ns++] = (ev_span){T[i].start, T[i].end};
	size_t len = rc__ev_phrase_match(tb->relative, tb->n_relative, c->text, sp, ns, &hit);
	if (len) {
		int y, mo, dd;
		civil_from_days(today + hit->value, &y, &mo, &dd);
		*out = fmt_date(c, y, mo, hit->precision == 7 ? 0 : dd);
		return *out ? len : 0;
	}
	return 0;
}

/* ---- places and names ------------------------------------------------- */

/* Build "A B C" from tokens [a, b). */
static const char *join(ctx *c, size_t a, size_t b, bool title)
{
	rc_buf buf;
	rc__buf_init(&buf, 0);
	bool ok = true;
	for (size_t i = a; i < b && ok; i++) {
		if (i > a)
			ok = rc__buf_putc(&buf, ' ') == RC_OK;
		for (size_t k = c->toks[i].start; k < c->toks[i].end && ok; k++) {
			char ch = c->text[k];
			if (title && c->toks[i].allcaps && k > c->toks[i].start)
				ch = (char)rc__lower((unsigned char)ch);
			ok = rc__buf_putc(&buf, ch) == RC_OK;
		}
	}
	const char *s = ok && buf.data ? rc__arena_strdup(c->a, buf.data) : NULL;
	rc__buf_dispose(&buf);
	if (!s)
		c->nomem = true;
	return s;
}

/* "Shiite-dominated": a hyphenated word with a lowercase part of three
 * letters or more ("Dasht-e-Barchi" is a name). */
static bool lower_compound(const ctx *c, const tok *t)
{
	for (size_t k = t->start; k + 1 < t->end; k++) {
		if (c->text[k] != '-')
			continue;
		size_t n = 0;
		while (k + 1 + n < t->end && c->text[k + 1 + n] >= 'a' && c->text[k + 1 + n] <= 'z')
			n++;
		if (n >= 3)
			return true;
	}
	return false;
}

/* Up to n spans of the tokens from k on, stopping at punctuation. */
static size_t spans(const ctx *c, size_t k, size_t hi, ev_span *sp, size_t n)
{
	size_t ns = 0;
	for (size_t i = k; i < hi && ns < n && (i == k || !c->toks[i].pre); i++)
		sp[ns++] = (ev_span){c->toks[i].start, c->toks[i].end};
	return ns;
}

/* A gazetteer place starting at token k (all words before hi). */
static const char *gazetteer_at(ctx *c, size_t k, size_t hi, size_t *len)
{
	if (k >= hi || !c->toks[k].cap)
		return NULL;
	ev_span sp[4];
	size_t ns = spans(c, k, hi, sp, 4);
	const ev_phrase *hit = NULL;
	size_t n = rc__ev_phrase_match(c->tb->places, c->tb->n_place_phrases, c->text, sp, ns, &hit);
	if (!n)
		return NULL;
	if (len)
		*len = n;
	return c->tb->place[hit->value].name;
}

static bool plain_word(const ctx *c, const tok *t)
{
	return tok_is(c, t, &c->tb->not_names) || month_of(c, t) || weekday_of(c, t) >= 0 ||
	       t->digits;
}

/* A place after a preposition in tokens [lo, hi); lead: the sentence
 * opens with the preposition ("In Peshawar, gunmen ..."). */
static const char *place_after(ctx *c, size_t lo, size_t hi, bool lead)
{
	const ev_tables *tb = c->tb;
	for (size_t j = lo; j + 1 < hi; j++) {
		/* the place is in the noun's own clause: stop at strong
		 * punctuation and at a comma that opens an apposition or a clause
		 * ("Daesh Khorasan, a faction active in Afghanistan") */
		if (j > lo && (c->toks[j].pre == 2 ||
		               (c->toks[j].pre == 1 && tok_is(c, &c->toks[j], &tb->clause_openers))))
			break;
		if ((c->toks[j].cap && !lead) || !tok_is(c, &c->toks[j], &tb->preps))
			continue;
		size_t k = j + 1, skipped = 0;
		while (k < hi && skipped < 6 && !c->toks[k].cap && !c->toks[k].pre) {
			if (tok_is(c, &c->toks[k], &tb->place_skip)) {
				k++;
				skipped++;
				continue;
			}
			/* "in the hill district of Rangamati": other words only
			 * when an "of" follows within three */
			size_t of = k + 1;
			while (of < hi && of < k + 3 && !c->toks[of].cap && !c->toks[of].pre &&
			       !rc__eq_nocase(c->text + c->toks[of].start,
			                      c->toks[of].end - c->toks[of].start, "of"))
				of++;
			if (of >= hi || c->toks[of].cap || c->toks[of].pre ||
			    !rc__eq_nocase(c->text + c->toks[of].start, c->toks[of].end - c->toks[of].start,
			                   "of"))
				break;
			skipped += of + 1 - k;
			k = of + 1;
		}
		if (k >= hi || !c->toks[k].cap || c->toks[k].pre)
			continue;
		const char *g = gazetteer_at(c, k, hi, NULL);
		if (g)
			return g;
		/* "Daesh in Khorasan", "State in Iraq": part of a name;
		 * "at Soleimani's memorial": a person's */
		if ((j > 0 && c->toks[j - 1].cap && !c->toks[j].pre) || c->toks[k].poss)
			continue;
		size_t r = k;
		while (r < hi && r < k + 3 && c->toks[r].cap && (r == k || !c->toks[r].pre) &&
		       !plain_word(c, &c->toks[r])) {
			/* "Shiite-dominated Iran": the place is the known name */
			if (r > k && (g = gazetteer_at(c, r, hi, NULL)))
				return g;
			r++;
		}
		if (r > k && !lower_compound(c, &c->toks[k]))
			return join(c, k, r, true);
	}
	return NULL;
}

/* A gazetteer place right before the noun phrase, used as a modifier
 * ("the Kerman attack", "after Kerman twin blasts"); a place that opens the
 * sentence is more likely the subject ("Iran busts ... cells"). */
static const char *place_before(ctx *c, size_t lo, size_t t0)
{
	for (size_t j = t0; j-- > lo;) {
		size_t len = 0;
		const char *g = gazetteer_at(c, j, t0, &len);
		if (!g || j + len != t0 || c->toks[t0].pre)
			continue;
		if (j > 0 && !c->toks[j].pre && (tok_is(c, &c->toks[j - 1], &c->tb->place_lead) ||
		                                 c->toks[j - 1].poss))
			return g;
	}
	return NULL;
}

static void add_name(ctx *c, ment *m, const char *s)
{
	if (!s || m->n_names >= MAX_NAMES)
		return;
	for (size_t i = 0; i < m->n_names; i++)
		if (strcmp(m->names[i], s) == 0)
			return;
	m->names[m->n_names++] = s;
}

/* Capitalised multiword names (and possessive single names) in [lo, hi);
 * s0 is the sentence's first token. */
static void find_names(ctx *c, ment *m, size_t lo, size_t hi, size_t s0)
{
	m->names = rc__arena_calloc(c->a, MAX_NAMES, sizeof(char *));
	if (!m->names) {
		c->nomem = true;
		return;
	}
	size_t j = lo;
	while (j < hi) {
		if (!c->toks[j].cap) {
			j++;
			continue;
		}
		size_t r = j + 1;
		while (r < hi && c->toks[r].cap && !c->toks[r].pre && !c->toks[r - 1].poss)
			r++;
		size_t a = j;
		while (a < r && (plain_word(c, &c->toks[a]) || lower_compound(c, &c->toks[a])))
			a++;
		size_t b = a;
		while (b < r && !plain_word(c, &c->toks[b]))
			b++;
		size_t glen = 0;
		bool place = b > a && gazetteer_at(c, a, b, &glen) && glen == b - a;
		for (size_t x = a; x < b && !place; x++) {
			ev_span sp = {c->toks[x].start, c->toks[x].end};
			const ev_phrase *hit;
			place = rc__ev_phrase_match(c->tb->nouns, c->tb->n_nouns, c->text, &sp, 1, &hit);
		}
		if (!place && b - a >= 2)
			add_name(c, m, join(c, a, b, false));
		else if (!place && b - a == 1 && c->toks[a].poss && a != s0 && !c->toks[a].allcaps)
			add_name(c, m, join(c, a, b, false));
		j = r;
	}
}

/* ---- finding ---------------------------------------------------------- */

static bool push_ment(ctx *c, const ment *m)
{
	if (RC_GROW(c->ms, c->cap_ms, c->n_ms + 1) != RC_OK)
		return false;
	c->ms[c->n_ms++] = *m;
	return true;
}

/* A category cue within the next few words ("attacks by Daesh, including"). */
static bool category_follows(const ctx *c, size_t k)
{
	ev_span sp[3];
	for (size_t i = k; i < c->n_toks && i < k + 4; i++) {
		size_t ns = 0;
		for (size_t j = i; j < c->n_toks && ns < 3; j++)
			sp[ns++] = (ev_span){c->toks[j].start, c->toks[j].end};
		const ev_phrase *hit;
		if (rc__ev_phrase_match(c->tb->categories, c->tb->n_categories, c->text, sp, ns, &hit))
			return true;
	}
	return false;
}

/* Event nouns of the current sentence's tokens. */
static bool find_cands(ctx *c)
{
	const ev_tables *tb = c->tb;
	c->n_cands = 0;
	ev_span sp[6];
	for (size_t i = 0; i < c->n_toks; i++) {
		size_t ns = spans(c, i, c->n_toks, sp, 6);
		const ev_phrase *hit = NULL;
		size_t len = rc__ev_phrase_match(tb->not_events, tb->n_not_events, c->text, sp, ns, &hit);
		if (len) {
			i += len - 1;
			continue;
		}
		len = rc__ev_phrase_match(tb->nouns, tb->n_nouns, c->text, sp, ns, &hit);
		if (!len)
			continue;
		/* "plans to attack": a verb; "a potential attack": no event. */
		if (i > 0 && c->toks[i].pre == 0 &&
		    (tok_is(c, &c->toks[i - 1], &tb->verb_markers) ||
		     tok_is(c, &c->toks[i - 1], &tb->not_event_before) ||
		     (i > 1 && c->toks[i - 1].pre == 0 && !c->toks[i - 1].cap &&
		      tok_is(c, &c->toks[i - 2], &tb->not_event_before)))) {
			i += len - 1;
			continue;
		}
		/* "several attacks, including ...": a category, the list names
		 * the events. */
		if (tb->types[hit->value].generic && category_follows(c, i + len)) {
			i += len - 1;
			continue;
		}
		size_t t0 = i;
		while (t0 > 0 && i - t0 < MOD_WINDOW && c->toks[t0].pre == 0 &&
		       (c->n_cands == 0 || t0 > c->cands[c->n_cands - 1].t1) &&
		       tok_is(c, &c->toks[t0 - 1], &tb->modifiers))
			t0--;
		if (RC_GROW(c->cands, c->cap_cands, c->n_cands + 1) != RC_OK)
			return false;
		c->cands[c->n_cands++] = (cand){.t0 = t0, .t1 = i + len, .noun0 = i, .type = hit->value};
		i += len - 1;
	}
	return true;
}

/* A headline ("Tajik Nationals Linked to Kerman Attacks"): most longer
 * words capitalised.  Its capitals say nothing about names. */
static bool headline(const ctx *c)
{
	size_t words = 0, caps = 0;
	for (size_t i = 0; i < c->n_toks; i++)
		if (c->toks[i].end - c->toks[i].start >= 4 && !c->toks[i].digits) {
			words++;
			caps += c->toks[i].cap;
		}
	return caps >= 3 && caps * 10 >= words * 6;
}

static bool do_sentence(ctx *c, size_t si, size_t s, size_t e)
{
	if (!tokenize(c, s, e) || !find_cands(c))
		return false;
	bool head = headline(c);
	/* "In Peshawar, gunmen opened fire": the opening place holds for the
	 * sentence */
	const char *front = NULL;
	if (c->n_toks > 3 && c->toks[0].cap) {
		size_t hi = 1;
		while (hi < c->n_toks && hi < 6 && !c->toks[hi].pre)
			hi++;
		if (hi < c->n_toks && c->toks[hi].pre == 1)
			front = place_after(c, 0, hi, true);
	}
	for (size_t j = 0; j < c->n_cands && c->n_ms < MAX_MENTIONS; j++) {
		const cand *k = &c->cands[j];
		size_t prev_end = j ? c->cands[j - 1].t1 : 0;
		size_t next_start = j + 1 < c->n_cands ? c->cands[j + 1].t0 : c->n_toks;
		size_t fwd_hi = next_start < k->t1 + FWD_WINDOW ? next_start : k->t1 + FWD_WINDOW;
		size_t back_lo = k->t0 > prev_end + BACK_WINDOW ? k->t0 - BACK_WINDOW : prev_end;
		ment m = {.type = k->type, .sent = si, .start = c->toks[k->t0].start,
		          .end = c->toks[k->t1 - 1].end,
		          .zs = c->toks[prev_end < k->t0 ? prev_end : k->t0].start,
		          .ze = c->toks[next_start - 1].end};
		const char *pa = place_after(c, k->t1, fwd_hi, false);
		const char *pb = place_before(c, back_lo, k->t0);
		m.place = pa;
		/* "the Kerman attack in Iran": the finer of the two. */
		if (!pa || (pb && rc__ev_places_compatible(c->tb, pa, pb, true) &&
		            c->tb->place[rc__ev_place_index(c->tb, pb)].country >= 0))
			m.place = pb ? pb : pa;
		if (!m.place)
			m.place = front;
		m.own_place = m.place != NULL;
		/* a date right before the next noun is that noun's ("arrested two
		 * who came after the January 3 bombing") */
		/* a date just before the phrase is bound to it ("the January 3
		 * bombings", "Sunday's ferry fire"): it comes first */
		bool weak = false;
		for (size_t end = k->t0; !m.date && end + 1 >= k->t0 && end > back_lo; end--) {
			if (end < k->t0 && (c->toks[end].cap || c->toks[end].pre || c->toks[k->t0].pre ||
			                    tok_is(c, &c->toks[end], &c->tb->preps)))
				break;
			for (size_t i = end; !m.date && i-- > back_lo;) {
				const char *d = NULL;
				if (parse_date(c, back_lo, i, end, &d) == end - i) {
					m.date = d;
					weak = c->weak;
				}
			}
		}
		for (size_t i = k->t1; i < fwd_hi && !m.date; i++) {
			size_t len = parse_date(c, k->t1, i, fwd_hi, &m.date);
			if (len && i + len == fwd_hi && fwd_hi == next_start && j + 1 < c->n_cands)
				m.date = NULL;
			weak = c->weak;
		}
		c->weak = weak;
		m.own_date = m.date != NULL;
		m.weak_date = m.date && c->weak;
		find_names(c, &m, prev_end, head ? prev_end : next_start, 0);
		if (c->nomem || !push_ment(c, &m))
			return false;
	}
	return true;
}

/* ---- document-level resolution --------------------------------------- */

static const char *type_name(const ctx *c, int t)
{
	return c->tb->types[t].name;
}

static bool compatible(const ctx *c, const ment *a, const ment *b)
{
	return rc__ev_types_compatible(c->tb, type_name(c, a->type), type_name(c, b->type));
}

/* The nearest mention before (dir < 0) or after i with a place (want_place)
 * or a date, of the same type (same) or a compatible one. */
static const ment *nearest(const ctx *c, size_t i, int dir, bool same, bool want_place)
{
	const ment *m = &c->ms[i];
	for (size_t reach = 0, j = i; reach < INHERIT_REACH; reach++) {
		if (dir < 0 ? j == 0 : j + 1 >= c->n_ms)
			break;
		j = dir < 0 ? j - 1 : j + 1;
		const ment *o = &c->ms[j];
		if ((want_place ? o->place != NULL : o->date != NULL) &&
		    (same ? o->type == m->type : compatible(c, m, o)))
			return o;
	}
	return NULL;
}

static void take(ment *m, const ment *o)
{
	if (!m->place)
		m->place = o->place;
	if (!m->date)
		m->date = o->date;
}

/*
 * A mention without a place takes one (and its date, if it has none) from,
 * in order: the nearest earlier mention of the same type with a place, then
 * of a compatible type; a later mention of its own sentence with a place of
 * its own ("the arrest of 11 suspects in the bomb blasts in Kerman"); then,
 * once those are settled, the nearest later mention of the same type, then
 * of a compatible type; last, the dateline (its country).  A mention left
 * with neither place nor date takes the date of the nearest mention of its
 * type.
 */
static void inherit_places(ctx *c)
{
	for (size_t i = 0; i < c->n_ms; i++) {
		ment *m = &c->ms[i];
		if (m->place)
			continue;
		const ment *o = nearest(c, i, -1, true, true);
		if (!o)
			o = nearest(c, i, -1, false, true);
		for (size_t j = i + 1; !o && j < c->n_ms && c->ms[j].sent == m->sent; j++)
			if (c->ms[j].own_place)
				o = &c->ms[j];
		if (o)
			take(m, o);
	}
	for (size_t i = c->n_ms; i-- > 0;) {
		ment *m = &c->ms[i];
		if (m->place)
			continue;
		const ment *o = nearest(c, i, 1, true, true);
		if (!o)
			o = nearest(c, i, 1, false, true);
		if (o)
			take(m, o);
		else if (c->dateline)
			m->place = c->dateline;
	}
	for (size_t i = 0; i < c->n_ms; i++) {
		ment *m = &c->ms[i];
		if (m->place || m->date)
			continue;
		const ment *o = nearest(c, i, -1, true, false);
		if (!o)
			o = nearest(c, i, 1, true, false);
		if (o)
			m->date = o->date;
	}
}

/* Whether full date a is at most a week before full date b. */
static bool days_before(const char *a, const char *b)
{
	int x[3], y[3];
	if (!parse_iso(a, x) || !parse_iso(b, y))
		return false;
	long d = rc__days_from_civil(y[0], y[1], y[2]) - rc__days_from_civil(x[0], x[1], x[2]);
	return d > 0 && d <= 7;
}

/* A weekday date that disagrees with a calendar date given for the same
 * event elsewhere in the article ("burying the victims of the attack on
 * Friday" vs "the attack on January 3") belongs to something else. */
static void prefer_calendar_dates(ctx *c)
{
	for (size_t i = 0; i < c->n_ms; i++) {
		ment *m = &c->ms[i];
		if (!m->weak_date)
			continue;
		for (size_t j = 0; j < c->n_ms; j++) {
			const ment *o = &c->ms[j];
			if (o->own_date && !o->weak_date && compatible(c, m, o) &&
			    !rc__ev_dates_compatible(m->date, o->date) && days_before(o->date, m->date) &&
			    ((!m->place && !o->place) ||
			     (m->place && o->place && strcasecmp(m->place, o->place) == 0))) {
				m->date = o->date;
				m->weak_date = false;
				break;
			}
		}
	}
}

/* A mention with a place but no date takes the date of the nearest
 * mention, earlier first, of a compatible type in the same place ("Fire
 * sweeps through ferry near Chandpur" in a headline, then "a fire broke out
 * ... on Sunday"). */
static void inherit_dates(ctx *c)
{
	for (size_t i = 0; i < c->n_ms; i++) {
		ment *m = &c->ms[i];
		if (m->date || !m->place)
			continue;
		for (int dir = -1; dir <= 1 && !m->date; dir += 2)
			for (size_t j = i, reach = 0; reach < INHERIT_REACH; reach++) {
				if (dir < 0 ? j == 0 : j + 1 >= c->n_ms)
					break;
				j = dir < 0 ? j - 1 : j + 1;
				const ment *o = &c->ms[j];
				if (o->own_date && o->place && strcasecmp(o->place, m->place) == 0 &&
				    compatible(c, m, o)) {
					m->date = o->date;
					break;
				}
			}
	}
}

/* "the attack" in Kerman where the only specific event there is a
 * bombing: a bombing. */
static void refine_types(ctx *c)
{
	const ev_tables *tb = c->tb;
	for (size_t i = 0; i < c->n_ms; i++) {
		ment *m = &c->ms[i];
		if (!tb->types[m->type].generic || !m->place)
			continue;
		int found = -1;
		bool many = false;
		for (size_t j = 0; j < c->n_ms && !many; j++) {
			const ment *o = &c->ms[j];
			if (tb->types[o->type].generic || !o->place || strcasecmp(o->place, m->place) ||
			    !compatible(c, m, o) || !rc__ev_dates_compatible(m->date, o->date))
				continue;
			if (found < 0)
				found = o->type;
			else if (found != o->type)
				many = true;
		}
		if (found >= 0 && !many)
			m->type = found;
	}
}

static const char *local_id(ctx *c, const char *place, const char *date, const char *type)
{
	const char *ps = place ? rc__ev_slug(c->a, place) : NULL;
	const char *s = rc__arena_printf(c->a, "%s%s%s%s%s", ps ? ps : "", ps && *ps ? "-" : "",
	                                 date ? date : "", date ? "-" : "", type);
	if (!s || (place && !ps))
		c->nomem = true;
	return s;
}

/* ---- user-defined events --------------------------------------------- */

static void apply_defs(ctx *c, const rc_event_defs *defs, const rc_segments *seg)
{
	if (!defs || !defs->n)
		return;
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	if (!md) {
		c->nomem = true;
		return;
	}
	for (size_t i = 0; i < c->n_ms; i++) {
		ment *m = &c->ms[i];
		size_t best = (size_t)-1;
		for (size_t d = 0; d < defs->n; d++) {
			size_t ms, me;
			if (!rc__ev_def_match(defs, &defs->defs[d], c->text, m->zs, m->ze, md, &ms, &me))
				continue;
			size_t dist = ms > m->start ? ms - m->start : m->start - ms;
			if (dist < best) {
				best = dist;
				m->key = defs->defs[d].id;
			}
		}
	}
	/* A sentence with no event noun that names a defined event still
	 * speaks of it ("Crocus City Hall: 144 dead"). */
	size_t mi = 0, n_before = c->n_ms;
	for (size_t si = 0; si < seg->n && c->n_ms < MAX_MENTIONS && !c->nomem; si++) {
		while (mi < n_before && c->ms[mi].sent < si)
			mi++;
		if (mi < n_before && c->ms[mi].sent == si)
			continue;
		for (size_t d = 0; d < defs->n; d++) {
			size_t ms, me;
			const ev_def *def = &defs->defs[d];
			if (!rc__ev_def_match(defs, def, c->text, seg->sent[si].start, seg->sent[si].end,
			                      md, &ms, &me))
				continue;
			int ti = rc__ev_type_index(c->tb, def->type);
			ment m = {.type = ti >= 0 ? ti : rc__ev_type_index(c->tb, "attack"), .sent = si,
			          .start = ms, .end = me, .zs = seg->sent[si].start,
			          .ze = seg->sent[si].end, .place = def->place, .own_place = true,
			          .date = def->date, .own_date = true, .key = def->id,
			          .noun = rc__arena_strndup(c->a, c->text + ms, me - ms)};
			if (m.type < 0 || !m.noun || !push_ment(c, &m))
				c->nomem = true;
			break;
		}
	}
	pcre2_match_data_free(md);
}

/* "KERMAN, Iran - The number of ...": a capitalised place opening one of
 * the first sentences, followed by punctuation. */
static bool find_dateline(ctx *c, const rc_segments *seg)
{
	for (size_t si = 0; si < seg->n && si < 3 && !c->dateline; si++) {
		if (!tokenize(c, seg->sent[si].start, seg->sent[si].end))
			return false;
		size_t len = 0;
		const char *g = c->n_toks > 1 && c->toks[0].allcaps ? gazetteer_at(c, 0, c->n_toks, &len)
		                                                     : NULL;
		if (g && len < c->n_toks && c->toks[len].pre) {
			/* where the reporter files from, not always where it happened
			 * ("DHAKA - ... the Meghna river ferry fire"): only its country
			 * is taken, which the merge refines to a city when it can */
			int pi = rc__ev_place_index(c->tb, g);
			c->dateline = pi >= 0 && c->tb->place[pi].country >= 0
			                      ? c->tb->place[c->tb->place[pi].country].name : g;
		}
	}
	return true;
}

/* Without a publication date, the latest full date the text states
 * ("January 3, 2024", "01/19/2024") stands in for it, so that "January 3"
 * and "on Friday" still resolve. */
static bool reference_date(ctx *c, const rc_segments *seg)
{
	for (size_t si = 0; si < seg->n; si++) {
		if (!tokenize(c, seg->sent[si].start, seg->sent[si].end))
			return false;
		for (size_t i = 0; i < c->n_toks; i++) {
			const char *d = NULL;
			int v[3];
			if (parse_date(c, 0, i, c->n_toks, &d) && d && parse_iso(d, v) &&
			    (v[0] > c->pub[0] || (v[0] == c->pub[0] && (v[1] > c->pub[1] ||
			                          (v[1] == c->pub[1] && v[2] > c->pub[2])))))
				memcpy(c->pub, v, sizeof v);
		}
	}
	return true;
}

static int cmp_ment(const void *pa, const void *pb)
{
	const ment *a = pa, *b = pb;
	return a->start < b->start ? -1 : a->start > b->start;
}

rc_status rc__mentions_find(rc_mention **out, size_t *n_out, rc_arena *a,
                            const rc_document *doc, const rc_text *t,
                            const rc_segments *seg, const rc_event_defs *defs,
                            rc_error *err)
{
	*out = NULL;
	*n_out = 0;
	const ev_tables *tb = rc__ev_tables(err);
	if (!tb)
		return err ? err->status : RC_ERR_INVALID;
	ctx c = {.tb = tb, .a = a, .text = t->norm};
	if (doc && doc->published && !parse_iso(doc->published, c.pub))
		c.pub[0] = 0;
	if (!c.pub[0] && !reference_date(&c, seg))
		c.nomem = true;
	if (!c.nomem && !find_dateline(&c, seg))
		c.nomem = true;
	for (size_t si = 0; si < seg->n && c.n_ms < MAX_MENTIONS; si++)
		if (!do_sentence(&c, si, seg->sent[si].start, seg->sent[si].end)) {
			c.nomem = true;
			break;
		}
	if (!c.nomem) {
		prefer_calendar_dates(&c);
		inherit_places(&c);
		inherit_dates(&c);
		refine_types(&c);
		apply_defs(&c, defs, seg);
		if (c.n_ms) /* rc__qsort(NULL, 0, ...) is undefined */
			rc__qsort(c.ms, c.n_ms, sizeof(*c.ms), cmp_ment);
	}
	rc_mention *ms = NULL;
	if (!c.nomem && c.n_ms && !(ms = rc__arena_calloc(a, c.n_ms, sizeof(*ms))))
		c.nomem = true;
	for (size_t i = 0; i < c.n_ms && !c.nomem; i++) {
		const ment *m = &c.ms[i];
		rc_mention *o = &ms[i];
		o->type = type_name(&c, m->type);
		o->noun = m->noun ? m->noun : rc__arena_strndup(a, t->norm + m->start, m->end - m->start);
		o->place = m->place;
		o->date = m->date;
		o->names = m->names;
		o->n_names = m->n_names;
		o->key = m->key;
		o->local_id = local_id(&c, m->place, m->date, o->type);
		o->start = rc__text_orig(t, m->start);
		o->end = rc__text_orig(t, m->end);
		o->line = 0;
		if (doc)
			rc_document_position(doc, o->start, &o->line, NULL);
		if (!o->noun)
			c.nomem = true;
	}
	free(c.toks);
	free(c.cands);
	free(c.ms);
	if (c.nomem)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory finding event mentions");
	*out = ms;
	*n_out = c.n_ms;
	return RC_OK;
}
