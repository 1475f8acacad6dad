/*
 * Events stage, map phase: the event mentions of one document, and the
 * document's events.
 *
 * A mention is an event noun from data/events.json ("twin blasts",
 * "shooting", "arrested") with what the text says next to it:
 *   - its own place: after a preposition in the words that follow the noun
 *     ("in Kerman", "near Moscow", "in the holy city of Qom"), or a
 *     gazetteer place just before it ("the Kerman attack");
 *   - its own date: a date expression right after the noun ("on January
 *     3") or just before it ("the January 3 bombings", "the 1990 tunnel
 *     stampede"), resolved against the publication date; dates of reports
 *     and updates ("said on Monday", "rose to 31 on Monday") are not taken;
 *   - names: capitalised multiword names in the stretch of the sentence
 *     that belongs to this mention ("Qassem Soleimani", "Crocus City Hall").
 *
 * Then the document's structure (docs/events.md, "Document structure"):
 * the primary event is what the title, headline and lede are about; every
 * other mention joins it unless it conflicts with it (another family of
 * incident, a place in another country, a date outside the window), in
 * which case it is a background event of its own; follow-ups (arrests,
 * raids) join the incident their sentence names, or the primary event.
 * Each of these document events takes its type, place and date from all
 * of its mentions, and every mention carries them.
 *
 * Work is linear in the text: every window is a bounded number of words,
 * and the document-level passes are bounded by the number of mentions
 * (at most MAX_MENTIONS) times the number of events.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "events/events-int.h"
#include "events/events-priv.h"

/* Upper bounds that keep hostile input cheap, and the windows of the
 * document structure. */
enum {
	MAX_MENTIONS = 1000,   /* per document; further nouns are ignored */
	MAX_UNITS = 64,        /* events per document; further ones join the nearest */
	FWD_WINDOW = 18,       /* words after the noun searched for place and date */
	BACK_WINDOW = 5,       /* words before the noun searched for a place */
	MOD_WINDOW = 3,        /* modifiers taken into the noun phrase */
	YEAR_GAP = 3,          /* words between a year and its noun: "the 1990 tunnel stampede" */
	RELATIVE_GAP = 6,      /* words from "when" to its noun: "since 1995, when two trains collided" */
	MAX_NAMES = 6,         /* names kept per mention */
	MAX_CANDS = 4,         /* namesakes kept per place */
	LEDE_SENTENCES = 3,    /* sentences of the lede */
	LEDE_MIN_WORDS = 8,    /* shorter lines (bylines, "Share") are not the lede */
	DATE_WINDOW = 3,       /* days: dates this close can be one incident */
	WEEK_DAYS = 7,         /* a weekday names one of the seven days before publication */
	HISTORY_DAYS = RC__EV_HISTORY_DAYS /* this long before the story is history */
};

typedef struct tok {
	size_t start, end;     /* norm offsets */
	int32_t w;             /* its word in the vocabulary's dictionary (ev_span_t.w) */
	bool cap, allcaps, poss, digits;
	unsigned char pre;     /* punctuation before: 0 none, 1 comma, 2 stronger */
} tok;

typedef struct cand {
	size_t t0, t1, noun0;  /* phrase [t0, t1), noun from noun0 */
	int type;
	bool actor;
} cand;

/* A place as the text gives it. */
typedef struct place {
	int idx;               /* gazetteer place, or -1 */
	int cand[MAX_CANDS];   /* namesakes, until the document decides */
	int n_cand;
	const char *name;      /* a name the gazetteer lacks ("Mina"), or NULL */
	int within;            /* "Mina, Saudi Arabia": the known place after it, or -1 */
} place;

static const place NO_PLACE = {.idx = -1, .within = -1};

typedef struct ment {
	int type;              /* of the noun as written */
	size_t start, end;     /* norm offsets of the phrase (title offsets for title mentions) */
	size_t zs, ze;         /* norm span of the mention's stretch of sentence */
	size_t sent, para;
	place pl;              /* its own place */
	const char *date;      /* its own date */
	bool weak_date;        /* from a weekday or "yesterday", not a calendar date */
	const char **names;
	size_t n_names;
	const char *key;
	const char *noun;      /* for mentions made from an alias or a title: the words */
	bool head;             /* in the title, headline or lede */
	bool displaced;        /* "five months after a fire": another time than the story's */
	bool group_ref;        /* "these attacks": several events at once */
	bool definite;         /* "the fire": after a definite article */
	bool superlative;      /* "the deadliest attack in the capital": a comparison */
	bool opened;           /* dated by its sentence's opening, apart from the story (opening_date) */
	bool title;            /* in a title kept apart from the text: not a mention of the record */
	int unit;              /* its document event, -1 before assignment */
} ment;

/* One event of the document. */
typedef struct dunit {
	uint32_t fam;          /* families all its incident mentions share */
	int type;
	place pl;
	place soft;            /* without a place: the dateline's, or its follow-ups' in the lede */
	const char *date;
	bool weak_date;
	const char *key;
	bool primary;
	bool seeded_by_follow_up; /* a story about arrests: their place is its place */
	bool contested;        /* the headline and lede name other events too: no fallback */
	size_t para;           /* paragraph of its first mention */
	const char *place_s, *id;
	long first;            /* its first mention in the record, -1 */
	int mem_type[16];      /* its first members that say where they happened */
	place mem_pl[16];
	size_t n_mem;
} dunit;

typedef struct ctx {
	const ev_tables *tb;
	rc_arena *a;           /* the record's */
	rc_arena *s;           /* scratch */
	const char *text;      /* t->norm, or the title while it is read */
	int pub[3];            /* y, m, d; pub[0] == 0 when unknown */
	bool pub_given;        /* pub is the document's publication date, not read from its text */
	long pub_day;          /* pub as days from 1970-01-01 (rc__days_from_civil) when known */
	tok *toks;
	size_t n_toks, cap_toks;
	cand *cands;
	size_t n_cands, cap_cands;
	ment *ms;
	size_t n_ms, cap_ms;
	dunit *us;             /* MAX_UNITS, each set when it is made (not zeroed per document) */
	size_t n_us;
	const char **s_date;   /* per sentence: its earliest explicit date, or NULL */
	const char **s_open;   /* per sentence: the calendar date it opens on ("On October 15,"), or NULL */
	unsigned char *s_flag; /* per sentence: S_* */
	size_t n_sent;
	place dateline;        /* "COLOMBO - ...", or none */
	place head_place;      /* the first place the title or headline names for sure, or none */
	const char *head_names[12]; /* names of the title, headline and lede */
	size_t n_head_names;
	int year_ctx;          /* the year the paragraph last wrote, before publication; 0 */
	int latest_year;       /* the latest year any date of the text names; 0 */
	size_t last_para;
	int *votes;            /* the country of every place the text names without a namesake */
	int *vote_place;       /* and the place */
	int cv_country[64];    /* the distinct countries of the votes, with their counts */
	size_t cv_count[64], n_cv;
	size_t n_votes, cap_votes, cap_vote_place;
	bool weak;             /* the last date parsed was relative */
	bool head;             /* the sentence being read is a headline */
	bool nomem;
} ctx;

enum { S_HEAD = 1, S_LEDE = 2, S_CAPTION = 4, S_HIST = 8, S_OPENS_DATED = 16 };

/* ---- calendar --------------------------------------------------------- */

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
	return out[1] >= 1 && out[1] <= 12 && out[2] >= 1 && out[2] <= rc__days_in_month(out[0], out[1]);
}

/* Are two dates more than DATE_WINDOW days apart (each taken as the
 * period it names)?  False when either is missing. */
static bool dates_apart(const char *a, const char *b)
{
	long alo, ahi, blo, bhi;
	if (!rc__ev_date_span(a, &alo, &ahi) || !rc__ev_date_span(b, &blo, &bhi))
		return false;
	return alo > bhi + DATE_WINDOW || blo > ahi + DATE_WINDOW;
}

/* Does date a end more than gap days before date b starts? */
static bool ends_before(const char *a, const char *b, long gap)
{
	long alo, ahi, blo, bhi;
	if (!rc__ev_date_span(a, &alo, &ahi) || !rc__ev_date_span(b, &blo, &bhi))
		return false;
	return ahi + gap < blo;
}

/* Is date a over before date b begins (by more than the window)? */
static bool date_before(const char *a, const char *b)
{
	return ends_before(a, b, DATE_WINDOW);
}


/* ---- tokens ---------------------------------------------------------- */

static bool wordc(unsigned char c)
{
	return rc__byte_class[c] & RC_CB_WORD;
}

/* Punctuation that separates more than a comma: ; : ( ) [ ] " ! ? | */
static bool strong_punct(unsigned char ch)
{
	switch (ch) {
	case ';': case ':': case '(': case ')': case '[': case ']': case '"': case '!': case '?':
	case '|':
		return true;
	default:
		return false;
	}
}

static bool tok_is(const ctx *c, const tok *t, const ev_words *set)
{
	return rc__ev_word_in(c->tb, t->w, set);
}

/* One byte of rc__hash64_nocase's loop, before its final mix. */
static inline uint64_t nocase_step(uint64_t h, unsigned char c)
{
	return rc__fnv_step(h, rc__lower_byte(c));
}

/* Split text[s, e) into words.  Hyphens, dots, slashes and commas between
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
			else if (strong_punct(ch))
				pre = 2;
			else if (ch == '-' && i > s && x[i - 1] == ' ')
				pre = 2;
			i++;
			continue;
		}
		/* the token is read in place, in the next slot of the array */
		if (RC_GROW_FIRST(c->toks, c->cap_toks, c->n_toks + 1) != RC_OK)
			return false;
		tok *t = &c->toks[c->n_toks];
		*t = (tok){.start = i, .pre = pre};
		pre = 0;
		/* the word's hash for the dictionary, as it is read: every byte
		 * the loop below passes over is the word's */
		uint64_t h = RC_FNV_OFFSET;
		/* the classes of the word's bytes (rc__byte_class) together;
		 * other: a mark inside it */
		unsigned seen = 0;
		bool other = false;
		while (i < e) {
			unsigned char d = (unsigned char)x[i];
			unsigned k = rc__byte_class[d];
			if (k & RC_CB_WORD) {
				seen |= k;
				h = nocase_step(h, d);
				i++;
				continue;
			}
			if ((d == '-' || d == '.' || d == '/' || d == ',' || d == '\'') && i + 1 < e &&
			    wordc((unsigned char)x[i + 1])) {
				if (d == '\'' && (x[i + 1] == 's' || x[i + 1] == 'S') &&
				    (i + 2 >= e || !wordc((unsigned char)x[i + 2]))) {
					t->poss = true;
					break;
				}
				if (d == ',' && !(rc__is_digit((unsigned char)x[i - 1]) &&
				                  rc__is_digit((unsigned char)x[i + 1])))
					break;
				other = true;
				h = nocase_step(h, d);
				i++;
				continue;
			}
			break;
		}
		/* the word read ends in a word byte; what is added after it below
		 * is a full stop, which is no letter and no digit */
		size_t read_end = i;
		/* "U.S.", "D.C.": an abbreviation keeps its last full stop */
		if (i < e && x[i] == '.' && i - t->start <= 4 && memchr(x + t->start, '.', i - t->start))
			i++;
		t->end = i;
		if (t->poss)
			i += 2;
		else if (t->end > t->start && x[t->end - 1] == '.' && t->end - t->start > 1 &&
		         !(t->end - t->start >= 3 && x[t->end - 3] == '.'))
			t->end--; /* a full stop, but "U.S." and "D.C." keep theirs */
		unsigned char f = (unsigned char)x[t->start];
		t->cap = f >= 'A' && f <= 'Z';
		t->digits = !other && !(seen & (RC_CB_ALPHA | RC_CB_HIGH)) && t->end <= read_end;
		/* capitals only: two letters or more and none in lower case
		 * (the letters are counted only then: most words have one) */
		if ((seen & (RC_CB_ALPHA | RC_CB_LOWER)) == RC_CB_ALPHA) {
			size_t letters = 0;
			for (size_t k = t->start; k < read_end && letters < 2; k++)
				letters += rc__byte_class[(unsigned char)x[k]] & RC_CB_ALPHA;
			t->allcaps = letters >= 2;
		}
		/* the word is what was read, or that and an abbreviation's
		 * full stop */
		if (t->end > read_end)
			h = nocase_step(h, '.');
		t->w = rc__ev_word_hashed(c->tb, x + t->start, t->end - t->start, rc__mix64(h));
		c->n_toks++;
	}
	return true;
}

/* Up to n spans of the tokens from k on, stopping at punctuation. */
static size_t spans(const ctx *c, size_t k, size_t hi, ev_span *sp, size_t n)
{
	size_t ns = 0;
	for (size_t i = k; i < hi && ns < n && (i == k || !c->toks[i].pre); i++)
		sp[ns++] = (ev_span){c->toks[i].start, c->toks[i].end, c->toks[i].w};
	return ns;
}

/* ---- dates ------------------------------------------------------------ */

static int month_of(const ctx *c, const tok *t)
{
	if (!t->cap)
		return 0;
	return t->w > 0 ? c->tb->dict[t->w - 1].month : 0;
}

static int weekday_of(const ctx *c, const tok *t)
{
	if (!t->cap)
		return -1;
	return t->w > 0 ? c->tb->dict[t->w - 1].weekday : -1; /* 0 = Monday */
}

static int num_of(const ctx *c, const tok *t, size_t maxlen)
{
	size_t n = t->end - t->start;
	if (!t->digits || n == 0 || n > maxlen)
		return -1;
	/* the token is digits only (at most four): atoi's value */
	int v = 0;
	for (size_t i = t->start; i < t->end; i++)
		v = v * 10 + (c->text[i] - '0');
	return v;
}

/* A year written alone: four digits, 1900 to the publication year. */
static int year_of(const ctx *c, const tok *t)
{
	if (t->end - t->start != 4)
		return 0;
	int y = num_of(c, t, 4);
	return y >= 1900 && y <= (c->pub[0] ? c->pub[0] : 2100) ? y : 0;
}

/* The year of a month/day without one: the year the paragraph last wrote
 * ("That changed in 2015.  In January, ..."), else the publication year,
 * or the one before when that would put the date after publication. */
static int infer_year(const ctx *c, int m, int d)
{
	if (c->year_ctx)
		return c->year_ctx;
	if (!c->pub[0])
		return 0;
	if (m > c->pub[1] || (m == c->pub[1] && d > c->pub[2]))
		return c->pub[0] - 1;
	return c->pub[0];
}

/* "YYYY-MM-DD", "YYYY-MM" (d = 0) or "YYYY" (m = 0); NULL for an invalid
 * date or one after publication. */
static const char *fmt_date(ctx *c, int y, int m, int d)
{
	if (y < 1900 || y > 2100 || m < 0 || m > 12)
		return NULL;
	if (c->pub[0] && (y > c->pub[0] || (y == c->pub[0] && m > c->pub[1]) ||
	                  (y == c->pub[0] && m == c->pub[1] && d > c->pub[2])))
		return NULL;
	if (m != 0 && d != 0 && (d < 1 || d > rc__days_in_month(y, m)))
		return NULL;
	/* "%04d-%02d-%02d" by hand: every part is in range, and this runs for
	 * every date a sentence names */
	char buf[10];
	size_t n = 0;
	buf[n++] = (char)('0' + y / 1000);
	buf[n++] = (char)('0' + y / 100 % 10);
	buf[n++] = (char)('0' + y / 10 % 10);
	buf[n++] = (char)('0' + y % 10);
	const int part[2] = {m, d};
	for (size_t k = 0; k < 2 && part[k]; k++) {
		buf[n++] = '-';
		buf[n++] = (char)('0' + part[k] / 10);
		buf[n++] = (char)('0' + part[k] % 10);
	}
	return rc__arena_strndup(c->a, buf, n);
}

static size_t parse_date_at(ctx *c, size_t k, size_t hi, const char **out);

/* A date expression starting at token k, ending before hi: its value in
 * *out and its length in words, or 0.  Dates within four words after a
 * report verb ("reported on Wednesday", "rose to 31 on Monday") date the
 * report, and "since August 2021" a period: both are skipped, looking back
 * no further than lo. */
static size_t parse_date(ctx *c, size_t lo, size_t k, size_t hi, const char **out)
{
	const tok *T = c->toks;
	const ev_tables *tb = c->tb;
	/* the words before are looked at only when there is a date: most
	 * tokens are none */
	size_t n = parse_date_at(c, k, hi, out);
	if (!n)
		return 0;
	/* "since August 2021" is a period; "built in 1998" dates a thing */
	bool barred = k > 0 && tok_is(c, &T[k - 1], &tb->not_date_before);
	for (size_t i = k; !barred && i-- > lo && i + 3 >= k;)
		barred = tok_is(c, &T[i], &tb->thing_verbs);
	for (size_t i = k; !barred && i-- > lo && i + 4 >= k;)
		barred = tok_is(c, &T[i], &tb->report_verbs);
	if (!barred)
		return n;
	*out = NULL;
	c->weak = false;
	return 0;
}

/*
 * Can a date start at token t?  Every date parse_date_at() reads opens
 * with a capitalised word (a month, a weekday), digits, a token of ten
 * bytes (ISO and US forms) or the first word of a relative phrase ("last
 * week", "yesterday"): the dates are looked for at every token of a
 * mention's window, and most tokens are none of these.
 */
static bool date_start(const ctx *c, const tok *t)
{
	return t->cap || rc__is_digit((unsigned char)c->text[t->start]) || t->end - t->start == 10 ||
	       (t->w > 0 && c->tb->dict[t->w - 1].first[EV_PL_RELATIVE] >= 0);
}

/* parse_date without the look back. */
static size_t parse_date_at(ctx *c, size_t k, size_t hi, const char **out)
{
	const tok *T = c->toks;
	const ev_tables *tb = c->tb;
	*out = NULL;
	c->weak = false;
	if (k >= hi || !date_start(c, &T[k]))
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
			/* "March 15 last year" */
			if (c->pub[0] && k + 2 < hi && !T[k + 2].pre) {
				/* a phrase of years back after it */
				ev_span sp[4];
				size_t ns = 0;
				for (size_t i = k + 2; i < hi && ns < 4; i++)
					sp[ns++] = (ev_span){T[i].start, T[i].end, T[i].w};
				const ev_phrase *rel = NULL;
				size_t rl = rc__ev_list_match(tb, EV_PL_RELATIVE, c->text, sp, ns, &rel);
				if (rl && rel->years && rel->precision == 4) {
					*out = fmt_date(c, c->pub[0] + rel->years, m, d);
					return *out ? 2 + rl : 0;
				}
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
		bool ok = k > 0 && tok_is(c, &T[k - 1], &tb->month_leads);
		/* "the March shootings": a month bound to the noun after it */
		ok |= k > 0 && k + 1 == hi && tok_is(c, &T[k - 1], &tb->definite);
		if (ok && c->pub[0]) {
			/* "last March" in March is a year ago */
			bool last = tok_is(c, &T[k - 1], &tb->past_month_leads);
			int yy = m > c->pub[1] || (last && m == c->pub[1]) ? c->pub[0] - 1 : c->pub[0];
			if (c->year_ctx && !last)
				yy = c->year_ctx;
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
	/* "in 2004", "of 1990": a year alone */
	int y = year_of(c, &T[k]);
	if (y && k > 0 && !T[k].pre && tok_is(c, &T[k - 1], &tb->year_leads)) {
		*out = fmt_date(c, y, 0, 0);
		return *out ? 1 : 0;
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
	long today = c->pub_day;
	c->weak = true;
	int wd = weekday_of(c, &T[k]);
	if (wd >= 0) {
		/* 1970-01-01 was a Thursday (index 3 with Monday = 0). */
		int pub_wd = (int)(((today % 7) + 7 + 3) % 7);
		long day = today - ((pub_wd - wd + 7) % 7);
		int yy, mo, dd;
		rc__civil_from_days(day, &yy, &mo, &dd);
		*out = fmt_date(c, yy, mo, dd);
		return *out ? 1 : 0;
	}
	const ev_phrase *hit = NULL;
	ev_span sp[4];
	size_t ns = 0;
	for (size_t i = k; i < hi && ns < 4; i++)
		sp[ns++] = (ev_span){T[i].start, T[i].end, T[i].w};
	size_t len = rc__ev_list_match(tb, EV_PL_RELATIVE, c->text, sp, ns, &hit);
	if (len) {
		int yy, mo, dd;
		rc__civil_from_days(today + hit->value, &yy, &mo, &dd);
		if (hit->years) { /* "a year ago today": the same day, a year before */
			yy = c->pub[0] + hit->years;
			mo = c->pub[1];
			dd = c->pub[2] > rc__days_in_month(yy, mo) ? rc__days_in_month(yy, mo) : c->pub[2];
		}
		*out = fmt_date(c, yy, hit->precision == 4 ? 0 : mo, hit->precision == 10 ? dd : 0);
		return *out ? len : 0;
	}
	c->weak = false;
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

static bool has_place(const place *p)
{
	return p->idx >= 0 || p->name;
}

/* The gazetteer places of the longest place phrase at token k (before hi),
 * without looking at what follows. */
static size_t gaz_raw(const ctx *c, size_t k, size_t hi, size_t *len, int *out)
{
	if (k >= hi || !c->toks[k].cap)
		return 0;
	/* a word that opens no gazetteer name: rc__ev_place_match's own test,
	 * before the spans are built */
	int32_t w = c->toks[k].w;
	if (w < 0 || (w > 0 && !c->tb->dict[w - 1].gaz)) {
		*len = 0;
		return 0;
	}
	ev_span sp[4];
	size_t ns = spans(c, k, hi, sp, 4);
	return rc__ev_place_match(c->tb, c->text, sp, ns, len, out, MAX_CANDS);
}

/*
 * A gazetteer place starting at token k (all words before hi).  "Name,
 * Parent" ("Saint-Denis, France", "Split, Croatia") keeps the namesakes
 * that lie in Parent; a place whose name is an English word ("Split",
 * "Reading") is taken only in that form.
 */
static bool gazetteer_at(const ctx *c, size_t k, size_t hi, size_t *len, place *out)
{
	int cs[MAX_CANDS];
	size_t n = 0, nc = gaz_raw(c, k, hi, &n, cs);
	if (!nc)
		return false;
	int parent[MAX_CANDS];
	size_t n2 = 0, np = k + n < hi && c->toks[k + n].pre == 1
	                        ? gaz_raw(c, k + n, hi, &n2, parent) : 0;
	size_t kept = 0;
	bool in_parent = false;
	for (size_t i = 0; i < nc; i++) {
		bool inside = false;
		for (size_t p = 0; p < np && !inside; p++)
			inside = parent[p] != cs[i] && rc__ev_place_encloses(c->tb, parent[p], cs[i]);
		if (inside && !in_parent) {
			in_parent = true;
			kept = 0;
		}
		if (in_parent ? inside : !c->tb->place[cs[i]].common)
			cs[kept++] = cs[i];
	}
	if (!kept)
		return false;
	*out = NO_PLACE;
	memcpy(out->cand, cs, kept * sizeof(int));
	out->n_cand = (int)kept;
	out->idx = cs[0];
	if (len)
		*len = n + (in_parent ? n2 : 0);
	return true;
}

static bool plain_word(const ctx *c, const tok *t)
{
	return tok_is(c, t, &c->tb->not_names) || month_of(c, t) || weekday_of(c, t) >= 0 ||
	       t->digits;
}

/* A country's adjective ("Sri Lankan", "Iranian", "Belgian", "Afghan"):
 * tokens [k, r) less an adjective ending begin a country's name (four
 * letters or more of it); the country, or -1. */
static int demonym(const ctx *c, size_t k, size_t r)
{
	char buf[64];
	size_t n = 0;
	for (size_t i = k; i < r; i++) {
		size_t w = c->toks[i].end - c->toks[i].start;
		if (n + w + 2 > sizeof buf)
			return -1;
		if (i > k)
			buf[n++] = ' ';
		memcpy(buf + n, c->text + c->toks[i].start, w);
		n += w;
	}
	buf[n] = 0;
	for (size_t e = 0; e < c->tb->n_demonym_endings; e++) {
		const char *end = c->tb->demonym_endings[e];
		size_t el = strlen(end);
		if (n < el + 4 || strcasecmp(buf + n - el, end) != 0)
			continue;
		size_t stem = n - el;
		for (size_t p = 0; p < c->tb->n_countries; p++) {
			const char *name = rc__ev_place_name(c->tb, (int)p);
			size_t pl = strlen(name);
			/* "Belgi" of "Belgium", "Sri Lanka" of "Sri Lanka" (but not
			 * "Americ" of "American Samoa") */
			if (pl >= stem && pl <= stem + 3 && strncasecmp(name, buf, stem) == 0)
				return (int)p;
		}
	}
	return -1;
}

static bool is_of(const ctx *c, size_t i)
{
	return tok_is(c, &c->toks[i], &c->tb->place_links);
}

/* A place after a preposition in tokens [lo, hi); lead: the sentence
 * opens with the preposition ("In Peshawar, gunmen ..."). */
static place place_after(ctx *c, size_t lo, size_t hi, bool lead)
{
	const ev_tables *tb = c->tb;
	for (size_t j = lo; j + 1 < hi; j++) {
		/* the place is in the noun's own clause: stop at strong
		 * punctuation and at a comma that opens an apposition or a clause
		 * ("Daesh Khorasan, a faction active in Afghanistan") */
		if (j > lo && (c->toks[j].pre == 2 ||
		               (c->toks[j].pre == 1 && tok_is(c, &c->toks[j], &tb->clause_openers))))
			break;
		bool venue_only = tok_is(c, &c->toks[j], &tb->venue_preps);
		if ((c->toks[j].cap && !lead) || (!venue_only && !tok_is(c, &c->toks[j], &tb->preps)))
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
			while (of < hi && of < k + 3 && !c->toks[of].cap && !c->toks[of].pre && !is_of(c, of))
				of++;
			if (of >= hi || c->toks[of].cap || c->toks[of].pre || !is_of(c, of))
				break;
			skipped += of + 1 - k;
			k = of + 1;
		}
		if (k >= hi || !c->toks[k].cap || c->toks[k].pre)
			continue;
		place g;
		if (gazetteer_at(c, k, hi, NULL, &g))
			return g;
		/* "the collapse in Split": a known place named like an English
		 * word, without its country, is no place */
		size_t glen;
		int gc[MAX_CANDS];
		if (gaz_raw(c, k, hi, &glen, gc))
			continue;
		/* "on Twitter": some prepositions lead only to known places; in a
		 * headline every word is capitalised */
		if (tok_is(c, &c->toks[j], &tb->gaz_preps) || c->head)
			continue;
		/* "the collapse of the Rana Plaza factory building": after "of",
		 * only a name that ends in a kind of place, or is followed by one */
		if (venue_only) {
			size_t r = k;
			while (r < hi && r < k + 4 && c->toks[r].cap && (r == k || !c->toks[r].pre) &&
			       !plain_word(c, &c->toks[r]))
				r++;
			bool venue = r > k && (tok_is(c, &c->toks[r - 1], &tb->venue_words) ||
			                       (r < hi && !c->toks[r].pre && !c->toks[r].cap &&
			                        tok_is(c, &c->toks[r], &tb->venue_words)));
			if (!venue || c->toks[k].poss)
				continue;
			place p = NO_PLACE;
			p.name = join(c, k, r, true);
			return p;
		}
		/* "Daesh in Khorasan", "State in Iraq": part of a name;
		 * "at Soleimani's memorial": a person's */
		if ((j > lo && c->toks[j - 1].cap && !c->toks[j].pre) || c->toks[k].poss)
			continue;
		size_t r = k;
		while (r < hi && r < k + 3 && c->toks[r].cap && (r == k || !c->toks[r].pre) &&
		       !plain_word(c, &c->toks[r])) {
			/* "Shiite-dominated Iran": the place is the known name */
			if (r > k && gazetteer_at(c, r, hi, NULL, &g))
				return g;
			r++;
		}
		if (r > k && !lower_compound(c, &c->toks[k])) {
			/* "at Sri Lankan churches": a country's adjective is the country */
			int dc = demonym(c, k, r);
			if (dc >= 0) {
				place p = NO_PLACE;
				p.idx = p.cand[0] = dc;
				p.n_cand = 1;
				return p;
			}
			place p = NO_PLACE;
			p.name = join(c, k, r, true);
			/* "Mina, Saudi Arabia", "Lakanal House in Camberwell": the known
			 * place the text puts it in */
			size_t n2;
			int w[MAX_CANDS];
			if (r < hi && c->toks[r].pre == 1 && gaz_raw(c, r, hi, &n2, w))
				p.within = w[0];
			else if (r + 1 < hi && !c->toks[r + 1].pre && tok_is(c, &c->toks[r], &c->tb->within_preps) &&
			         gaz_raw(c, r + 1, hi, &n2, w) == 1)
				p.within = w[0];
			return p;
		}
	}
	return NO_PLACE;
}

/* A gazetteer place right before the noun phrase, or one word before it,
 * used as a modifier ("the Kerman attack", "after Kerman twin blasts",
 * "Madrid's train bombings", "the 2004 Madrid bombings", "the Genoa bridge
 * collapse"); a place that opens a sentence is more likely the subject
 * ("Iran busts ... cells"), except in a headline ("Brussels attacks live"). */
static place place_before(ctx *c, size_t lo, size_t t0, bool headline)
{
	for (size_t j = t0; j-- > lo;) {
		size_t len = 0;
		place g;
		if (!gazetteer_at(c, j, t0, &len, &g) || c->toks[t0].pre)
			continue;
		size_t gap = t0 - (j + len);
		if (gap > 1 || (gap == 1 && (c->toks[t0 - 1].cap || c->toks[t0 - 1].pre ||
		                             c->toks[t0 - 1].digits || c->toks[t0 - 1].poss ||
		                             tok_is(c, &c->toks[t0 - 1], &c->tb->preps))))
			continue;
		if (j == 0 ? headline
		           : !c->toks[j].pre &&
		                 (tok_is(c, &c->toks[j - 1], &c->tb->place_lead) || c->toks[j - 1].poss ||
		                  year_of(c, &c->toks[j - 1])))
			return g;
	}
	return NO_PLACE;
}

static void add_name(ment *m, const char *s)
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
		place g;
		bool is_place = b > a && gazetteer_at(c, a, b, &glen, &g) && glen == b - a;
		for (size_t x = a; x < b && !is_place; x++) {
			ev_span sp = {c->toks[x].start, c->toks[x].end, c->toks[x].w};
			const ev_phrase *hit;
			is_place = rc__ev_list_match(c->tb, EV_PL_NOUNS, c->text, &sp, 1, &hit);
		}
		/* "the Morandi viaduct": a name and the kind of place it names */
		bool venue = b == r && b < hi && !c->toks[b].cap && !c->toks[b].pre &&
		             tok_is(c, &c->toks[b], &c->tb->venue_words);
		if (!is_place && (b - a >= 2 || (b - a == 1 && venue && a != s0)))
			add_name(m, join(c, a, venue ? b + 1 : b, false));
		else if (!is_place && b - a == 1 && c->toks[a].poss && a != s0 && !c->toks[a].allcaps)
			add_name(m, join(c, a, b, false));
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
			sp[ns++] = (ev_span){c->toks[j].start, c->toks[j].end, c->toks[j].w};
		const ev_phrase *hit;
		if (rc__ev_list_match(c->tb, EV_PL_CATEGORIES, c->text, sp, ns, &hit))
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
		/* most words open no phrase of either list: the dictionary says
		 * so before any span is built (rc__ev_list_match's own test) */
		int32_t w = c->toks[i].w;
		if (w < 0 || (w > 0 && tb->dict[w - 1].first[EV_PL_NOT_EVENTS] < 0 &&
		              tb->dict[w - 1].first[EV_PL_NOUNS] < 0))
			continue;
		size_t ns = spans(c, i, c->n_toks, sp, 6);
		const ev_phrase *hit = NULL;
		size_t len = rc__ev_list_match(tb, EV_PL_NOT_EVENTS, c->text, sp, ns, &hit);
		if (len) {
			i += len - 1;
			continue;
		}
		len = rc__ev_list_match(tb, EV_PL_NOUNS, c->text, sp, ns, &hit);
		if (!len)
			continue;
		/* "plans to attack": a verb; "a potential attack": no event;
		 * "Militants storm army post", "Protesters flood the streets": a
		 * noun that is also a verb, right after a plural subject, is the
		 * verb (a storm of the weather would be "a storm"). */
		if (i > 0 && c->toks[i].pre == 0 &&
		    (tok_is(c, &c->toks[i - 1], &tb->verb_markers) ||
		     (tok_is(c, &c->toks[i], &tb->verb_homographs) &&
		      tok_is(c, &c->toks[i - 1], &tb->verb_subjects)) ||
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
		const ev_phrase *ah;
		bool actor = rc__ev_list_match(tb, EV_PL_ACTORS, c->text, sp, ns, &ah) == len;
		size_t t0 = i;
		while (t0 > 0 && i - t0 < MOD_WINDOW && c->toks[t0].pre == 0 &&
		       (c->n_cands == 0 || t0 > c->cands[c->n_cands - 1].t1) &&
		       tok_is(c, &c->toks[t0 - 1], &tb->modifiers))
			t0--;
		if (RC_GROW(c->cands, c->cap_cands, c->n_cands + 1) != RC_OK)
			return false;
		c->cands[c->n_cands++] = (cand){.t0 = t0, .t1 = i + len, .noun0 = i, .type = hit->value,
		                                .actor = actor};
		i += len - 1;
	}
	return true;
}

/* A headline ("Tajik Nationals Linked to Kerman Attacks"): most longer
 * words capitalised.  Its capitals say nothing about names. */
static bool title_case(const ctx *c)
{
	size_t words = 0, caps = 0;
	for (size_t i = 0; i < c->n_toks; i++)
		if (c->toks[i].end - c->toks[i].start >= 4 && !c->toks[i].digits) {
			words++;
			caps += c->toks[i].cap;
		}
	return caps >= 3 && caps * 10 >= words * 8;
}

/* "Photo: Soldiers secure the area ...": a caption, not reporting. */
static bool caption(const ctx *c)
{
	ev_span sp[3];
	size_t ns = spans(c, 0, c->n_toks, sp, 3);
	const ev_phrase *hit;
	size_t len = rc__ev_list_match(c->tb, EV_PL_CAPTIONS, c->text, sp, ns, &hit);
	return len && len < c->n_toks && c->toks[len].pre == 2;
}

/* The earliest explicit (not relative) date written anywhere in the
 * current tokens, for telling sentences about the past. */
static const char *earliest_date(ctx *c)
{
	const char *best = NULL;
	long best_lo = 0;
	for (size_t i = 0; i < c->n_toks; i++) {
		if (!c->toks[i].digits && !c->toks[i].cap)
			continue;
		const char *d = NULL;
		size_t n = parse_date(c, 0, i, c->n_toks, &d);
		/* a year written out sets the year of the dates that follow */
		if (n && d && !c->weak && (!c->pub[0] || atoi(d) < c->pub[0])) {
			bool explicit_year = false;
			for (size_t x = i; x < i + n && !explicit_year; x++)
				explicit_year = year_of(c, &c->toks[x]) != 0;
			if (explicit_year)
				c->year_ctx = atoi(d);
		}
		long lo, hi;
		if (n && d && !c->weak && atoi(d) > c->latest_year)
			c->latest_year = atoi(d);
		if (n && d && !c->weak && rc__ev_date_span(d, &lo, &hi) && (!best || lo < best_lo)) {
			best = d;
			best_lo = lo;
		}
		if (n)
			i += n - 1;
	}
	c->weak = false;
	return best;
}

/* A year a few words before the phrase: "the 1990 tunnel stampede". */
static const char *year_before(ctx *c, size_t lo, size_t t0)
{
	for (size_t j = t0; j > lo && t0 - j <= YEAR_GAP;) {
		if (c->toks[j].pre)
			break;
		j--;
		int y = year_of(c, &c->toks[j]);
		if (y)
			return j == 0 || !tok_is(c, &c->toks[j - 1], &c->tb->not_date_before)
			           ? fmt_date(c, y, 0, 0) : NULL;
		if (c->toks[j].digits)
			break;
	}
	return NULL;
}

/* The date a relative clause the phrase stands in refers to: "the
 * deadliest since 1995, when two trains collided": a date, a comma, a
 * date_relatives word, then no other punctuation up to the noun.  The
 * date counts even after "since": the clause tells what happened then. */
static const char *relative_date(ctx *c, size_t lo, size_t t0)
{
	for (size_t r = t0; r-- > lo && t0 - r <= RELATIVE_GAP;) {
		if (c->toks[r].pre != 1 || !tok_is(c, &c->toks[r], &c->tb->date_relatives)) {
			if (c->toks[r].pre)
				return NULL;
			continue;
		}
		for (size_t i = r; i-- > lo && r - i <= 4;) {
			const char *d = NULL;
			if (parse_date_at(c, i, r, &d) == r - i && d) {
				c->weak = false;
				return d;
			}
			if (c->toks[i].pre)
				break;
		}
		c->weak = false;
		/* a year alone, which parse_date_at takes only after a lead
		 * ("in 1995") */
		int y = r > lo ? year_of(c, &c->toks[r - 1]) : 0;
		return y ? fmt_date(c, y, 0, 0) : NULL;
	}
	return NULL;
}

/* "came five months after a fire": a span of weeks or more before the
 * noun phrase puts it at another time than the story's. */
static bool displaced(const ctx *c, size_t lo, size_t t0)
{
	/* "five months after a fire", "ten months after gunmen killed": but
	 * "seven months after the fire" is the story's own fire */
	for (size_t j = t0; j-- > lo + 1 && t0 - j <= 3;) {
		if (c->toks[j + 1 < t0 ? j + 1 : t0].pre && j + 1 < t0)
			return false;
		if (tok_is(c, &c->toks[j], &c->tb->definite))
			return false;
		if (tok_is(c, &c->toks[j], &c->tb->offset_words) &&
		    tok_is(c, &c->toks[j - 1], &c->tb->offset_units) && !c->toks[j].pre)
			return true;
	}
	return false;
}

/* "the Grenfell Tower fire", "the Rana Plaza collapse", "the Morandi
 * bridge collapse": a name that ends in a kind of place, right before the
 * noun phrase, is where it happened (an unknown name to the gazetteer; in
 * a known place when it begins with one: "Brussels Airport"). */
static place venue_before(ctx *c, size_t lo, size_t t0)
{
	size_t b = t0;
	if (b > lo && !c->toks[b - 1].cap && !c->toks[b - 1].pre &&
	    tok_is(c, &c->toks[b - 1], &c->tb->venue_words) && !c->toks[t0].pre)
		b--;
	size_t a = b;
	while (a > lo && a + 4 > b && c->toks[a - 1].cap && !c->toks[a].pre && !c->toks[a - 1].poss &&
	       !plain_word(c, &c->toks[a - 1]))
		a--;
	if (a == b || a == 0 || c->toks[a].pre || (b == t0 ? false : c->toks[b].pre))
		return NO_PLACE;
	size_t last = b == t0 ? b - 1 : b;
	if (!tok_is(c, &c->toks[last], &c->tb->venue_words) || (b == t0 && last == a))
		return NO_PLACE;
	size_t glen;
	place g;
	if (gazetteer_at(c, a, last + 1, &glen, &g) && a + glen == last + 1)
		return NO_PLACE; /* a known place: place_before's */
	place p = NO_PLACE;
	p.name = join(c, a, last + 1, false);
	size_t n2;
	int w[MAX_CANDS];
	if (gaz_raw(c, a, last, &n2, w) == 1)
		p.within = w[0];
	return p;
}

/* "the Morandi bridge collapse", "the Easter Sunday bombings", "the Rana
 * Plaza collapse": capitalised words right before the noun phrase (one
 * lowercase word may come between) name the event. */
static void name_before(ctx *c, ment *m, size_t lo, size_t t0)
{
	if (c->head || !m->names)
		return;
	size_t b = t0;
	if (b > lo && !c->toks[b - 1].cap && !c->toks[b - 1].pre && !c->toks[b - 1].digits &&
	    !tok_is(c, &c->toks[b - 1], &c->tb->preps) && !c->toks[t0].pre)
		b--;
	size_t a = b;
	/* "Easter Sunday": a weekday or month ends a name, but opens none */
	while (a > lo && a + 3 > b && c->toks[a - 1].cap && !c->toks[a].pre && !c->toks[a - 1].poss &&
	       (!plain_word(c, &c->toks[a - 1]) ||
	        (a - 1 > lo && weekday_of(c, &c->toks[a - 1]) >= 0 && c->toks[a - 2].cap &&
	         !plain_word(c, &c->toks[a - 2]))))
		a--;
	if (a == b || a == 0 || c->toks[a].pre || c->toks[b < t0 ? b : t0].pre ||
	    lower_compound(c, &c->toks[b - 1]))
		return;
	size_t glen;
	place g;
	if (gazetteer_at(c, a, b, &glen, &g) && a + glen == b)
		return;
	if (demonym(c, a, b) >= 0)
		return;
	add_name(m, join(c, a, b, false));
}

static bool do_sentence(ctx *c, size_t si, size_t para, size_t s, size_t e, bool title)
{
	if (!tokenize(c, s, e) || !find_cands(c))
		return false;
	c->head = title_case(c);
	bool headline = title || (si < c->n_sent && (c->s_flag[si] & S_HEAD));
	/* "COLOMBO - ", "LONDON, June 19 (CPA) -": where the reporter files from */
	place dl;
	size_t dlen = 0;
	if (!title && si < 4 && !has_place(&c->dateline) && c->n_toks > 1 && c->toks[0].allcaps &&
	    gazetteer_at(c, 0, c->n_toks, &dlen, &dl) && dlen < c->n_toks && c->toks[dlen].pre) {
		c->dateline = dl;
		/* its name is the story's too ("SAVAR", "GENOA") */
		const char *dn = join(c, 0, 1, true);
		if (dn && c->n_head_names < RC_ARRAY_LEN(c->head_names))
			c->head_names[c->n_head_names++] = dn;
	}
	if (!title && si < c->n_sent) {
		if (si == 0 || c->last_para != para)
			c->year_ctx = 0;
		c->last_para = para;
		if (caption(c)) {
			c->s_flag[si] |= S_CAPTION;
			return true;
		}
		c->s_date[si] = earliest_date(c);
		/* "In 2009, six people died ...": it opens with a date that
		 * writes its year */
		size_t k = c->n_toks && tok_is(c, &c->toks[0], &c->tb->year_leads) ? 1 : 0;
		const char *d = NULL;
		size_t n = parse_date(c, 0, k, c->n_toks, &d);
		bool year = false;
		for (size_t x = k; x < k + n && !year; x++)
			year = year_of(c, &c->toks[x]) != 0;
		if (n && d && !c->weak && year)
			c->s_flag[si] |= S_OPENS_DATED;
		/* "On October 15, ...", "In October, ...": any calendar date */
		size_t k2 = c->n_toks && tok_is(c, &c->toks[0], &c->tb->date_openers) ? 1 : 0;
		if (k2 != k)
			n = parse_date(c, 0, k2, c->n_toks, &d);
		/* a relative opening ("Last year, ...", "On Sunday, ...") is a
		 * date against a publication date the document gives */
		if (n && d && (!c->weak || c->pub_given))
			c->s_open[si] = d;
		c->weak = false;
	}
	/* the first place the title or headline names without a namesake
	 * ("Genoa bridge toll raised to 43"): where a story that names no
	 * event happened, without a dateline */
	for (size_t i = 0; headline && !has_place(&c->head_place) && i < c->n_toks; i++) {
		size_t len = 0;
		place hp;
		if (gazetteer_at(c, i, c->n_toks, &len, &hp) && hp.n_cand == 1)
			c->head_place = hp;
	}
	/* every known place the sentence names, for the document's countries */
	for (size_t i = 0; !title && i < c->n_toks; i++) {
		size_t len = 0;
		int cs[MAX_CANDS];
		/* not a word inside a name ("Commander Stuart Cundy") */
		if (i > 0 && c->toks[i - 1].cap && !c->toks[i].pre)
			continue;
		if (gaz_raw(c, i, c->n_toks, &len, cs) == 1 && !c->tb->place[cs[0]].common &&
		    (c->toks[i].allcaps ? i == 0 : true)) {
			if (RC_GROW(c->votes, c->cap_votes, c->n_votes + 1) != RC_OK ||
			    RC_GROW(c->vote_place, c->cap_vote_place, c->n_votes + 1) != RC_OK)
				return false;
			c->vote_place[c->n_votes] = cs[0];
			c->votes[c->n_votes++] = c->tb->place[cs[0]].country;
			i += len - 1;
		}
	}
	/* the names of the title, headline and lede are the primary event's */
	if (!c->head && (title || (si < c->n_sent && (c->s_flag[si] & (S_HEAD | S_LEDE))))) {
		ment tmp = {.n_names = 0};
		find_names(c, &tmp, 0, c->n_toks, 0);
		for (size_t i = 0; i < tmp.n_names; i++) {
			bool dup = false;
			for (size_t k = 0; k < c->n_head_names && !dup; k++)
				dup = strcmp(c->head_names[k], tmp.names[i]) == 0;
			if (!dup && c->n_head_names < RC_ARRAY_LEN(c->head_names))
				c->head_names[c->n_head_names++] = tmp.names[i];
		}
	}
	/* "In Peshawar, gunmen opened fire": the opening place holds for the
	 * sentence */
	place front = NO_PLACE;
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
		ment m = {.type = k->type, .sent = si, .para = para, .start = c->toks[k->t0].start,
		          .end = c->toks[k->t1 - 1].end,
		          .zs = c->toks[prev_end < k->t0 ? prev_end : k->t0].start,
		          .ze = c->toks[next_start - 1].end, .pl = NO_PLACE, .unit = -1,
		          .title = title};
		{
			place pa = place_after(c, k->t1, fwd_hi, false);
			place pb = place_before(c, back_lo, k->t0, headline);
			m.pl = pa;
			/* "the Kerman attack in Iran": the finer of the two. */
			if (!has_place(&pa) ||
			    (pb.idx >= 0 && pa.idx >= 0 && rc__ev_place_encloses(c->tb, pa.idx, pb.idx)))
				m.pl = has_place(&pb) ? pb : pa;
			if (!has_place(&m.pl))
				m.pl = venue_before(c, back_lo > prev_end ? back_lo : prev_end, k->t0);
			if (!has_place(&m.pl) && j == 0)
				m.pl = front;
		}
		/* "the gunman pleaded guilty on Thursday": a known actor's dates
		 * are not the incident's; "a suicide bomber struck ... on Sunday",
		 * "gunmen killed ... on Friday" introduce it */
		if (!k->actor || k->t0 == 0 || !tok_is(c, &c->toks[k->t0 - 1], &c->tb->definite)) {
			/* a date just before the phrase is bound to it ("the January
			 * 3 bombings", "Sunday's ferry fire"): it comes first */
			bool weak = false;
			for (size_t end = k->t0; !m.date && !c->toks[k->t0].pre && end + 1 >= k->t0 &&
			                         end > back_lo; end--) {
				if (end < k->t0 && (c->toks[end].cap || c->toks[end].pre || c->toks[k->t0].pre ||
				                    tok_is(c, &c->toks[end], &c->tb->preps)))
					break;
				/* the longest date that ends there ("a year ago today",
				 * not "today") */
				for (size_t i = back_lo; !m.date && i < end; i++) {
					const char *d = NULL;
					if (parse_date(c, back_lo, i, end, &d) == end - i) {
						m.date = d;
						/* bound to the noun ("Sunday's attack", "last
						 * month's shootings"): the incident's own date */
						weak = false;
					}
				}
			}
			if (!m.date)
				m.date = year_before(c, back_lo, k->t0);
			if (!m.date)
				m.date = relative_date(c, prev_end, k->t0);
			/* a date right before the next noun is that noun's ("arrested
			 * two who came after the January 3 bombing") */
			for (size_t i = k->t1; i < fwd_hi && !m.date; i++) {
				/* "put the toll at 38 on Thursday": the date of a figure */
				if (i > k->t1 && tok_is(c, &c->toks[i - 1], &c->tb->toll_preps) &&
				    rc__is_digit((unsigned char)c->text[c->toks[i].start]))
					break;
				size_t len = parse_date(c, k->t1, i, fwd_hi, &m.date);
				if (len && i + len == fwd_hi && fwd_hi == next_start && j + 1 < c->n_cands)
					m.date = NULL;
				weak = c->weak;
			}
			m.weak_date = m.date && weak;
		}
		m.displaced = displaced(c, prev_end, k->t0);
		m.group_ref = k->t0 > 0 && tok_is(c, &c->toks[k->t0 - 1], &c->tb->group_refs);
		m.definite = k->t0 > 0 && tok_is(c, &c->toks[k->t0 - 1], &c->tb->definite);
		m.superlative = tok_is(c, &c->toks[k->t0], &c->tb->superlatives);
		if (title)
			m.noun = join(c, k->t0, k->t1, false);
		find_names(c, &m, prev_end, c->head ? prev_end : next_start, 0);
		name_before(c, &m, prev_end, k->t0);
		if (c->nomem || !push_ment(c, &m))
			return false;
	}
	return true;
}

/* ---- user-defined events --------------------------------------------- */

/* Keys from an events file: a mention whose stretch of sentence holds a
 * match gets the nearest one's event; a sentence with no mention that
 * holds one gets a mention of its own (type, place and date from the
 * file), so "Crocus City Hall: 144 dead" links too. */
static void apply_defs(ctx *c, const rc_event_defs *defs, const rc_segments *seg,
                       const ev_defscan *sc)
{
	if (!defs || !sc->n_hits)
		return;
	for (size_t i = 0; i < c->n_ms; i++) {
		ment *m = &c->ms[i];
		if (m->title)
			continue;
		size_t best = (size_t)-1, best_def = (size_t)-1;
		for (size_t h = 0; h < sc->n_hits; h++) {
			const ev_defhit *x = &sc->hits[h];
			if (x->start < m->zs || x->end > m->ze)
				continue;
			size_t dist = x->start > m->start ? x->start - m->start : m->start - x->start;
			if (dist < best || (dist == best && x->def < best_def)) {
				best = dist;
				best_def = x->def;
			}
		}
		if (best_def != (size_t)-1)
			m->key = defs->defs[best_def].id;
	}
	size_t mi = 0, n_before = c->n_ms;
	for (size_t si = 0; si < seg->n && c->n_ms < MAX_MENTIONS && !c->nomem; si++) {
		while (mi < n_before && (c->ms[mi].title || c->ms[mi].sent < si))
			mi++;
		if ((mi < n_before && c->ms[mi].sent == si) || (c->s_flag[si] & S_CAPTION))
			continue;
		const ev_defhit *hit = NULL;
		for (size_t h = 0; h < sc->n_hits; h++) {
			const ev_defhit *x = &sc->hits[h];
			if (x->start >= seg->sent[si].start && x->end <= seg->sent[si].end &&
			    (!hit || x->def < hit->def || (x->def == hit->def && x->start < hit->start)))
				hit = x;
		}
		if (!hit)
			continue;
		const ev_def *def = &defs->defs[hit->def];
		int ti = rc__ev_type_index(c->tb, def->type);
		ment m = {.type = ti >= 0 ? ti : c->tb->default_type, .sent = si,
		          .para = seg->sent[si].para, .start = hit->start, .end = hit->end,
		          .zs = seg->sent[si].start, .ze = seg->sent[si].end, .pl = NO_PLACE,
		          .date = def->date, .key = def->id, .unit = -1,
		          .noun = rc__arena_strndup(c->a, c->text + hit->start, hit->end - hit->start)};
		if (def->place) {
			int pi = rc__ev_place_index(c->tb, def->place);
			if (pi >= 0)
				m.pl.idx = pi;
			else
				m.pl.name = def->place;
		}
		if (m.type < 0 || !m.noun || !push_ment(c, &m))
			c->nomem = true;
	}
}

/* ---- document structure ----------------------------------------------- */

static uint32_t fam_of(const ctx *c, const ment *m)
{
	return c->tb->types[m->type].families;
}

static bool follow_up(const ctx *c, const ment *m)
{
	return c->tb->types[m->type].follow_up;
}

static ev_pref pref_of(const ctx *c, const place *p)
{
	ev_pref r = {.idx = p->idx, .within = p->within};
	if (p->idx < 0 && p->name) {
		r.leaf = p->name;
		r.leaf_n = strlen(p->name);
	}
	(void)c;
	return r;
}

static ev_place_rel place_rel(const ctx *c, const place *a, const place *b)
{
	ev_pref pa = pref_of(c, a), pb = pref_of(c, b);
	int f, k;
	return rc__ev_place_relation(c->tb, &pa, &pb, &f, &k);
}

/* Votes of country k among the places the document names. */
static size_t votes_for(const ctx *c, int k)
{
	for (size_t i = 0; i < c->n_cv; i++)
		if (c->cv_country[i] == k)
			return c->cv_count[i];
	return 0;
}

/* The table of votes per country (the first 64 countries named). */
static void count_votes(ctx *c)
{
	c->n_cv = 0;
	for (size_t x = 0; x < c->n_votes; x++) {
		size_t i = 0;
		while (i < c->n_cv && c->cv_country[i] != c->votes[x])
			i++;
		if (i == c->n_cv) {
			if (c->n_cv == RC_ARRAY_LEN(c->cv_country))
				continue;
			c->cv_country[c->n_cv] = c->votes[x];
			c->cv_count[c->n_cv++] = 0;
		}
		c->cv_count[i]++;
	}
}

/* Votes of country k from places other than place p. */
static size_t votes_besides(const ctx *c, int k, int p)
{
	size_t v = 0;
	for (size_t x = 0; x < c->n_votes; x++)
		v += c->votes[x] == k && c->vote_place[x] != p && c->vote_place[x] != k;
	return v;
}

/*
 * Namesakes ("Colombo" in Sri Lanka and in Brazil): the one whose country
 * the document names most through places without namesakes; else the
 * largest.  And a town of under SMALL_TOWN people in a country the
 * document names nowhere else, while it names another one at least twice
 * ("north Kensington" in a London story is not Kensington, New York), is
 * a name the gazetteer lacks.
 */
enum { SMALL_TOWN = 100000 };

static void resolve_places(ctx *c)
{
	const ev_tables *tb = c->tb;
	count_votes(c);

	for (size_t i = 0; i <= c->n_ms; i++) {
		place *p = i < c->n_ms ? &c->ms[i].pl : &c->dateline;
		if (p->n_cand >= 2) {
			int best = p->cand[0];
			size_t best_v = 0;
			for (int k = 0; k < p->n_cand; k++) {
				size_t v = votes_for(c, tb->place[p->cand[k]].country);
				if (v > best_v || (v == best_v && tb->place[p->cand[k]].pop > tb->place[best].pop)) {
					best = p->cand[k];
					best_v = v;
				}
			}
			p->idx = best;
			p->n_cand = 1;
		}
		int pc = p->idx >= 0 ? tb->place[p->idx].country : -1;
		size_t other = 0;
		int other_country = -1;
		for (size_t x = 0; pc >= 0 && x < c->n_cv; x++) {
			size_t v = c->cv_count[x];
			if (c->cv_country[x] != pc &&
			    (v > other || (v == other && c->cv_country[x] < other_country))) {
				other = v;
				other_country = c->cv_country[x];
			}
		}
		if (p->idx >= 0 && tb->place[p->idx].kind == EV_CITY && tb->place[p->idx].pop < SMALL_TOWN &&
		    other >= 2 && votes_besides(c, pc, p->idx) == 0) {
			/* in the country the story names most ("Kensington, United
			 * Kingdom"), so that it is not read as the gazetteer's again */
			const char *name = rc__ev_place_name(tb, p->idx);
			const char *comma = strchr(name, ',');
			p->name = comma ? rc__arena_strndup(c->a, name, (size_t)(comma - name)) : name;
			p->idx = -1;
			p->n_cand = 0;
			p->within = other_country;
			if (!p->name)
				c->nomem = true;
		}
	}
}

static int new_unit(ctx *c, const ment *m)
{
	if (c->n_us >= MAX_UNITS)
		return -1;
	dunit *u = &c->us[c->n_us];
	*u = (dunit){.fam = fam_of(c, m), .type = m->type, .pl = NO_PLACE, .soft = NO_PLACE,
	             .key = m->key,
	             .para = m->para, .first = -1};
	return (int)c->n_us++;
}

/* Add mention i to unit ui, with its own place and date when the unit has
 * none yet (the votes at the end decide; these serve the conflict tests
 * on the way). */
static void join_unit(ctx *c, size_t i, int ui)
{
	ment *m = &c->ms[i];
	dunit *u = &c->us[ui];
	m->unit = ui;
	if (follow_up(c, m))
		return;
	if (has_place(&m->pl) && u->n_mem < RC_ARRAY_LEN(u->mem_type)) {
		u->mem_type[u->n_mem] = m->type;
		u->mem_pl[u->n_mem++] = m->pl;
	}
	uint32_t f = fam_of(c, m);
	if (c->tb->types[u->type].follow_up) {
		u->fam = f;
		u->type = m->type;
	} else if (u->fam & f) {
		u->fam &= f;
	}
	if (!has_place(&u->pl) && has_place(&m->pl))
		u->pl = m->pl;
	if (m->date && (!u->date || (u->weak_date && !m->weak_date))) {
		u->date = m->date;
		u->weak_date = m->weak_date;
	}
}

/*
 * Floods in Sylhet, landslides in Rangamati: two specific kinds of
 * incident that share no coordinated family are two events when they
 * happen in two places (bombings in Negombo and blasts in Colombo, the
 * shootings in Paris and the bombing in Saint-Denis, are one attack).
 */
static bool two_kinds(const ctx *c, int a, int b)
{
	const ev_type *ta = &c->tb->types[a], *tb_ = &c->tb->types[b];
	return a != b && !ta->generic && !tb_->generic && !ta->follow_up && !tb_->follow_up &&
	       !(ta->families & tb_->families & c->tb->coordinated);
}

/* Two places of one country that are not one another: two known cities
 * ("Sylhet" and "Rajshahi"), or a known place and a name the gazetteer
 * lacks in the country the story is set in ("Rangamati"), unless that
 * name is of a building or the like, which may lie anywhere. */
static bool apart_in_country(const ctx *c, const place *a, const place *b)
{
	ev_place_rel rel = place_rel(c, a, b);
	if (rel == EV_PLACE_SIBLING)
		return true;
	if (rel != EV_PLACE_NONE || (a->idx >= 0) == (b->idx >= 0))
		return false;
	const place *u = a->idx >= 0 ? b : a, *k = a->idx >= 0 ? a : b;
	if (!u->name || u->within >= 0 || c->tb->place[k->idx].kind == EV_COUNTRY)
		return false;
	const char *last = strrchr(u->name, ' ');
	last = last ? last + 1 : u->name;
	if (rc__ev_in(&c->tb->venue_words, last, strlen(last)))
		return false;
	/* the story's country: the one it names most */
	int kc = c->tb->place[k->idx].country;
	size_t kv = votes_for(c, kc);
	for (size_t x = 0; x < c->n_cv; x++)
		if (c->cv_count[x] > kv)
			return false;
	return kv >= 2;
}

/* Can mention m be about unit u?  Not when it is another family of
 * incident, in another country, or on a date outside the window (a
 * weekday date outside it dates something else: the burial, the update). */
static bool conflicts(const ctx *c, const ment *m, const dunit *u)
{
	if (!c->tb->types[u->type].follow_up &&
	    !rc__ev_families_compatible(c->tb, fam_of(c, m), u->fam))
		return true;
	const place *up = has_place(&u->pl) ? &u->pl : &u->soft;
	if (has_place(&m->pl) && has_place(up)) {
		ev_place_rel rel = place_rel(c, &m->pl, up);
		/* arrests in Qom are not about a bombing in Kerman */
		if (rel == EV_PLACE_FOREIGN || (rel == EV_PLACE_SIBLING && u->seeded_by_follow_up))
			return true;
		if (two_kinds(c, m->type, u->type) && apart_in_country(c, &m->pl, up))
			return true;
	}
	if (m->date && !m->weak_date && u->date && !u->weak_date && dates_apart(m->date, u->date))
		return true;
	/* the same against each member that says where it happened */
	for (size_t j = 0; has_place(&m->pl) && j < u->n_mem; j++)
		if (two_kinds(c, m->type, u->mem_type[j]) && apart_in_country(c, &m->pl, &u->mem_pl[j]))
			return true;
	return false;
}

/* Days since 1970 of the story's time: its publication, else the end of
 * the latest year its text names; 0 when neither is known. */
static long story_now(const ctx *c)
{
	if (c->pub[0])
		return c->pub_day;
	if (c->latest_year)
		return rc__days_from_civil(c->latest_year, 12, 31);
	return 0;
}

/* Is date d apart from the story's time: from the calendar date of its
 * primary event u0, or without one (or with a weekday), over a week before
 * the publication date the document gives (not one read from its text)? */
static bool apart_from_story(const ctx *c, const char *d, const dunit *u0)
{
	if (u0->date && !u0->weak_date)
		return dates_apart(d, u0->date);
	/* a weekday is one of the seven days before publication */
	long lo, hi;
	return c->pub_given && rc__ev_date_span(d, &lo, &hi) &&
	       hi + WEEK_DAYS + DATE_WINDOW < c->pub_day;
}

/* The date the sentence of m opens on, when it is apart from the story's
 * and m is an incident it brings in (not "the fire", named before); else
 * NULL. */
static const char *opening_date(const ctx *c, const ment *m, const dunit *u0)
{
	if (m->definite || m->sent >= c->n_sent || !c->s_open[m->sent] ||
	    !apart_from_story(c, c->s_open[m->sent], u0))
		return NULL;
	return c->s_open[m->sent];
}

/* Is sentence si about the past?  It names a date before the primary
 * event's (or, without one, a year or more before publication). */
static bool historical(const ctx *c, size_t si, const dunit *u0)
{
	const char *d = si < c->n_sent ? c->s_date[si] : NULL;
	if (!d)
		return false;
	if (u0 && u0->date && !u0->weak_date)
		return date_before(d, u0->date);
	/* nothing dates the story (no publication date, no full date in its
	 * text) nor its event: a sentence after the lede that opens with a
	 * year of its own ("In 2009, six people died at ...") looks back */
	if (u0 && !c->pub[0] && (c->s_flag[si] & S_OPENS_DATED) &&
	    !(c->s_flag[si] & (S_HEAD | S_LEDE)))
		return true;
	long lo, hi, now = story_now(c);
	return now && rc__ev_date_span(d, &lo, &hi) && hi + HISTORY_DAYS < now;
}

/* A mention dated long before the story, when the primary event has no
 * date of its own to compare with: a year before publication, or, for a
 * story about arrests, before the arrests. */
static bool older_than_story(const ctx *c, const ment *m, const dunit *u0)
{
	if (!m->date || m->weak_date || (u0->date && !u0->weak_date))
		return false;
	/* "the attacks on March 15 last year": the story's own event, named
	 * again; a past event has a specific type or a place */
	if (!has_place(&m->pl) && c->tb->types[m->type].generic)
		return false;
	/* "the previous worst mass shooting, at Aramoana ... in 1990": a date
	 * and a place the story's event does not have */
	const place *up = has_place(&u0->pl) ? &u0->pl : &u0->soft;
	if (has_place(&m->pl) && has_place(up)) {
		ev_place_rel rel = place_rel(c, &m->pl, up);
		if (rel != EV_PLACE_SAME && rel != EV_PLACE_WITHIN)
			return true;
	}
	long lo, hi, now;
	if (!rc__ev_date_span(m->date, &lo, &hi))
		return false;
	if (c->pub[0])
		now = c->pub_day;
	else if (c->latest_year)
		now = rc__days_from_civil(c->latest_year, 12, 31); /* the story is no older */
	else
		return false;
	long gap = c->tb->types[u0->type].follow_up ? DATE_WINDOW : HISTORY_DAYS;
	return hi + gap < now;
}

/* Is the primary event of the week of publication? */
static bool story_is_recent(const ctx *c)
{
	const dunit *u0 = NULL;
	for (size_t u = 0; u < c->n_us && !u0; u++)
		if (c->us[u].primary)
			u0 = &c->us[u];
	long lo, hi;
	if (!u0 || !u0->date || !c->pub[0] || !rc__ev_date_span(u0->date, &lo, &hi))
		return false;
	return hi + 7 >= c->pub_day;
}

/* A background event m can join: the latest one it does not conflict
 * with and that shares its place or its date; else a new one (or, when
 * there are too many, the latest of any kind). */
static int background_for(ctx *c, size_t i)
{
	ment *m = &c->ms[i];
	/* a weekday or "yesterday" is reckoned from the day of publication: in
	 * a story whose own event is not of that week (a hearing a year on) it
	 * dates the news, not another event */
	if (m->weak_date && !story_is_recent(c)) {
		m->date = NULL;
		m->weak_date = false;
	}
	for (size_t u = c->n_us; u-- > 0;) {
		const dunit *U = &c->us[u];
		if (U->primary || U->key || conflicts(c, m, U))
			continue;
		ev_place_rel rel = has_place(&m->pl) && has_place(&U->pl)
		                       ? place_rel(c, &m->pl, &U->pl) : EV_PLACE_NONE;
		bool same_date = m->date && U->date && !dates_apart(m->date, U->date);
		if (rel == EV_PLACE_SAME || rel == EV_PLACE_WITHIN || (same_date && rel != EV_PLACE_SIBLING))
			return (int)u;
	}
	int u = new_unit(c, m);
	return u >= 0 ? u : (int)c->n_us - 1;
}

/* The latest background event of a mention before mention i in its
 * paragraph (or, by_sentence, its sentence), or -1. */
static int background_before(const ctx *c, size_t i, bool by_sentence)
{
	for (size_t j = i; j-- > 0;) {
		const ment *o = &c->ms[j];
		if (o->title || (by_sentence ? o->sent != c->ms[i].sent : o->para != c->ms[i].para))
			break;
		if (o->unit >= 0 && !c->us[o->unit].primary)
			return o->unit;
	}
	return -1;
}

/* The event of the incident mention before mention i in its paragraph, or -1. */
static int previous_in_paragraph(const ctx *c, size_t i)
{
	for (size_t j = i; j-- > 0;) {
		const ment *o = &c->ms[j];
		if (o->title || o->para != c->ms[i].para)
			break;
		if (o->unit >= 0 && !follow_up(c, o))
			return o->unit;
	}
	return -1;
}

/* The incident mention of follow-up i's sentence nearest to it, or -1. */
static long incident_of(const ctx *c, size_t i)
{
	const ment *f = &c->ms[i];
	long best = -1;
	size_t bd = (size_t)-1;
	for (size_t j = 0; j < c->n_ms; j++) {
		const ment *o = &c->ms[j];
		if (j == i || o->title || o->sent != f->sent || follow_up(c, o) || o->unit < 0)
			continue;
		size_t d = o->start > f->start ? o->start - f->start : f->start - o->start;
		if (d < bd) {
			bd = d;
			best = (long)j;
		}
	}
	return best;
}

/* The primary event: the first incident the title, headline or lede
 * names; else the first follow-up there; else the first incident of the
 * text. */
static long choose_primary(const ctx *c)
{
	long p = -1;
	for (int pass = 0; pass < 3 && p < 0; pass++)
		for (size_t i = 0; i < c->n_ms && p < 0; i++) {
			const ment *m = &c->ms[i];
			bool fu = follow_up(c, m);
			if (pass == 0 ? m->head && !fu : pass == 1 ? m->head && fu : !fu)
				p = (long)i;
		}
	if (p < 0)
		return c->n_ms ? 0 : -1;
	/* a story that opens with arrests somewhere else than the incidents it
	 * goes on to name ("arrested two ... in Qom ... in the wake of an
	 * attack in Moscow") is about the arrests */
	for (size_t i = 0; i < (size_t)p; i++) {
		const ment *f = &c->ms[i];
		if (!f->head || !follow_up(c, f) || f->pl.idx < 0 || !has_place(&c->ms[p].pl) ||
		    f->sent == c->ms[p].sent)
			continue;
		ev_place_rel rel = place_rel(c, &f->pl, &c->ms[p].pl);
		if (rel == EV_PLACE_FOREIGN || rel == EV_PLACE_SIBLING)
			return (long)i;
		break;
	}
	return p;
}

/* The most votes a tally of a unit's types, places or dates keeps. */
enum { MAXV = 64 };

typedef struct vote {
	const void *key;       /* place (index + 1 or name) or date */
	int idx;
	double w;
	size_t first;
} vote;

static void tally(vote *v, size_t *n, size_t max, const void *key, int idx, double w, size_t at,
                  bool by_string)
{
	for (size_t i = 0; i < *n; i++)
		if (v[i].idx == idx && (idx >= 0 || (by_string ? strcasecmp(v[i].key, key) == 0
		                                               : v[i].key == key))) {
			v[i].w += w;
			return;
		}
	if (*n < max)
		v[(*n)++] = (vote){key, idx, w, at};
}

static const vote *winner(const vote *v, size_t n)
{
	const vote *b = NULL;
	for (size_t i = 0; i < n; i++)
		if (!b || v[i].w > b->w || (v[i].w == b->w && v[i].first < b->first))
			b = &v[i];
	return b;
}

/*
 * The place of a document event from its mentions' votes: the place most
 * of them name, or a finer place inside it that holds at least half of
 * them ("Brazil flood toll rises" in the headline and "floods in Rio Grande
 * do Sul" in the lede make Rio Grande do Sul); ties to more votes, then the
 * earlier mention (the tally's order).
 */
static const vote *place_winner(const ctx *c, const vote *v, size_t n)
{
	const vote *top = winner(v, n);
	if (!top)
		return NULL;
	ev_pref tp = pref_of(c, &c->ms[top->first].pl);
	ev_place_vote pv[MAXV];
	for (size_t i = 0; i < n && i < MAXV; i++)
		pv[i] = (ev_place_vote){pref_of(c, &c->ms[v[i].first].pl), v[i].w, NULL};
	long k = rc__ev_finest_place(c->tb, pv, n < MAXV ? n : MAXV, &tp);
	return k >= 0 ? &v[k] : top;
}

/*
 * A document event's type, place and date, from all of its mentions: the
 * most frequent specific type (generic only when there is none, a
 * follow-up only when there is nothing else), the finest own place that
 * holds half of the votes (place_winner) and the most frequent most
 * precise own date of its incident mentions;
 * the title, headline and lede count twice, weekday and relative dates
 * half.
 */
static void unit_attrs(ctx *c, int ui)
{
	const ev_tables *tb = c->tb;
	dunit *u = &c->us[ui];
	vote types[MAXV], places[MAXV], dates[3][MAXV];
	size_t nt = 0, np = 0, nd[3] = {0, 0, 0};
	int rank_best = -1;
	bool only_follow_ups = true;
	for (size_t i = 0; i < c->n_ms && only_follow_ups; i++)
		only_follow_ups = c->ms[i].unit != ui || follow_up(c, &c->ms[i]);
	for (size_t i = 0; i < c->n_ms; i++) {
		const ment *m = &c->ms[i];
		if (m->unit != ui)
			continue;
		double w = m->head ? 2.0 : 1.0;
		const ev_type *t = &tb->types[m->type];
		/* a story about arrests stays one unless a specific incident joins */
		int rank = t->follow_up ? (u->seeded_by_follow_up ? 2 : 0) : t->generic ? 1 : 3;
		if (rank > rank_best) {
			rank_best = rank;
			nt = 0;
		}
		if (rank == rank_best)
			tally(types, &nt, MAXV, NULL, m->type, w, i, false);
		if (t->follow_up && !only_follow_ups)
			continue;
		if (has_place(&m->pl))
			tally(places, &np, MAXV, m->pl.idx >= 0 ? NULL : m->pl.name, m->pl.idx, w, i, true);
		if (m->date && (!t->follow_up || only_follow_ups)) {
			size_t len = strlen(m->date);
			int p = len == 10 ? 0 : len == 7 ? 1 : 2;
			tally(dates[p], &nd[p], MAXV, m->date, -1, m->weak_date ? w / 2 : w, i, true);
		}
	}
	const vote *v = winner(types, nt);
	if (v)
		u->type = v->idx;
	/* a story about arrests without a place of its incident: theirs */
	if (!np && u->seeded_by_follow_up && has_place(&u->soft))
		u->pl = u->soft;
	if ((v = place_winner(c, places, np)) != NULL) {
		const ment *m = &c->ms[v->first];
		u->pl = m->pl;
	}
	for (int p = 0; p < 3; p++)
		if ((v = winner(dates[p], nd[p])) != NULL) {
			u->date = v->key;
			u->weak_date = false;
			break;
		}
}

/*
 * Group the mentions into the document's events (docs/events.md): keyed
 * mentions by key; the primary event from the title, headline and lede;
 * incident mentions join it unless they conflict with it (then they are
 * background events, grouped among themselves); a mention that says
 * neither where nor when joins the background event of its sentence or,
 * in a historical sentence, of its paragraph; follow-ups join the incident
 * their sentence names, else the primary event.
 */
/*
 * A story that names no event ("Genoa bridge toll raised to 43 as last
 * missing family is found") is still about one: its primary event has
 * the type `unnamed_type` (generic, in every incident family) and the
 * place of its dateline, else the first place its title or headline names
 * without a namesake.  Without either nothing says which event it is, and
 * it has none.
 */
static void unnamed_event(ctx *c)
{
	const place *pl = has_place(&c->dateline) ? &c->dateline : &c->head_place;
	if (c->tb->unnamed_type < 0 || !has_place(pl) || c->n_us >= MAX_UNITS)
		return;
	dunit *u = &c->us[c->n_us++];
	*u = (dunit){.fam = c->tb->types[c->tb->unnamed_type].families, .type = c->tb->unnamed_type,
	             .pl = *pl, .soft = NO_PLACE, .primary = true, .first = -1};
}

static void build_units(ctx *c)
{
	const ev_tables *tb = c->tb;
	/* keyed mentions: one event per key */
	for (size_t i = 0; i < c->n_ms; i++) {
		ment *m = &c->ms[i];
		if (!m->key || m->title)
			continue;
		int u = -1;
		for (size_t k = 0; k < c->n_us && u < 0; k++)
			if (c->us[k].key && strcmp(c->us[k].key, m->key) == 0)
				u = (int)k;
		if (u < 0 && (u = new_unit(c, m)) < 0)
			u = 0;
		join_unit(c, i, u);
	}
	long p = choose_primary(c);
	if (p < 0) {
		unnamed_event(c);
		return;
	}
	int u0 = c->ms[p].unit;
	if (u0 < 0) {
		if ((u0 = new_unit(c, &c->ms[p])) < 0)
			return;
		join_unit(c, (size_t)p, u0);
	}
	c->us[u0].primary = true;
	/* a story about arrests is where they were made */
	if (follow_up(c, &c->ms[p])) {
		c->us[u0].seeded_by_follow_up = true;
		if (c->ms[p].pl.idx >= 0)
			c->us[u0].soft = c->ms[p].pl;
	}
	/* the rest of the title, headline and lede, where it fits; a lede
	 * that names an event in another country or on another day too ("In
	 * Peshawar, gunmen ...  A fire in Dhaka ...") is a roundup: no claim
	 * falls back to its first event */
	for (size_t i = 0; i < c->n_ms; i++) {
		ment *m = &c->ms[i];
		if (m->unit >= 0 || !m->head || follow_up(c, m))
			continue;
		/* "Last year, a similar attack on Solhan killed 132": another
		 * incident the lede recalls; the body pass places it */
		if (!m->date && !m->title && (m->date = opening_date(c, m, &c->us[u0])) != NULL) {
			m->opened = true;
			continue;
		}
		/* "In 1954, a stampede in Allahabad killed 800" in the lede */
		if (!m->date && !m->title && has_place(&m->pl) && historical(c, m->sent, NULL))
			m->date = c->s_date[m->sent];
		/* a past event the lede recalls ("surpasses the 1,426 people who
		 * died in 1990, when a stampede ..."): the body pass places it */
		const dunit *P = &c->us[u0];
		if (m->displaced || older_than_story(c, m, P) ||
		    (m->date && !m->weak_date && P->date && !P->weak_date &&
		     ends_before(m->date, P->date, HISTORY_DAYS)))
			continue;
		/* "..., the deadliest attack in the Somali capital since 2017": a
		 * comparison the lede makes of its event, whose place is the
		 * comparison's scope, not another event's */
		if (m->superlative && !m->date &&
		    (c->tb->types[c->us[u0].type].follow_up ||
		     rc__ev_families_compatible(c->tb, fam_of(c, m), c->us[u0].fam))) {
			m->pl = NO_PLACE;
			join_unit(c, i, u0);
			continue;
		}
		if (!conflicts(c, m, &c->us[u0]))
			join_unit(c, i, u0);
		else if (!m->title)
			c->us[u0].contested = true;
	}
	/* without a place of its own, the primary event is taken to be where
	 * the reporter files from, or where its lede's arrests were made, for
	 * telling apart what happened in another country ("the Paris attacks"
	 * in a story from Brussels) */
	dunit *U0 = &c->us[u0];
	if (!has_place(&U0->pl)) {
		if (follow_up(c, &c->ms[p]) && c->ms[p].pl.idx >= 0)
			U0->soft = c->ms[p].pl;
		for (size_t i = 0; i < c->n_ms && !has_place(&U0->soft); i++)
			if (c->ms[i].head && follow_up(c, &c->ms[i]) && c->ms[i].pl.idx >= 0)
				U0->soft = c->ms[i].pl;
		if (!has_place(&U0->soft))
			U0->soft = c->dateline;
	}
	for (size_t si = 0; si < c->n_sent; si++)
		if (historical(c, si, &c->us[u0]))
			c->s_flag[si] |= S_HIST;
	/* incident mentions, in order */
	for (size_t i = 0; i < c->n_ms; i++) {
		ment *m = &c->ms[i];
		if (m->unit >= 0 || follow_up(c, m) || m->title)
			continue;
		/* "Further back, in 1974, an explosion at the Nypro works": a
		 * place without a date, in a sentence about the past, has the
		 * sentence's date */
		/* "On October 15, a fire in Kano killed 150", "Last year, a
		 * similar attack on Solhan killed 132": a sentence that opens
		 * on a date apart from the story's brings in another incident
		 * (not "the fire", named before), dated by its opening rather
		 * than by a later date of the sentence ("since ... 2015") */
		if (!m->date && (m->date = opening_date(c, m, &c->us[u0])) != NULL)
			m->opened = true;
		if (!m->date && has_place(&m->pl) && m->sent < c->n_sent &&
		    (c->s_flag[m->sent] & S_HIST))
			m->date = c->s_date[m->sent];
		int u;
		if (m->opened || conflicts(c, m, &c->us[u0]) || m->displaced ||
		    older_than_story(c, m, &c->us[u0])) {
			u = background_for(c, i);
		} else if (!has_place(&m->pl) && !m->date) {
			bool hist = m->sent < c->n_sent && (c->s_flag[m->sent] & S_HIST);
			int bs = background_before(c, i, true), bg = hist ? background_before(c, i, false) : -1;
			/* "A fire in Dhaka killed 23.  The blaze ...": what the
			 * paragraph named last */
			int prev = m->group_ref ? -1 : previous_in_paragraph(c, i);
			if (bs < 0 && bg < 0 && prev >= 0 && !c->us[prev].primary &&
			    !conflicts(c, m, &c->us[prev]))
				bg = prev;
			u = bs >= 0 ? bs : bg >= 0 ? bg : u0;
			if (hist) {
				/* "In 2009, six people died ... in a fire": the sentence's
				 * date is the event's */
				m->date = c->s_date[m->sent];
				if (u == u0 || (c->us[u].date && dates_apart(m->date, c->us[u].date)))
					u = background_for(c, i);
			}
		} else {
			u = u0;
		}
		join_unit(c, i, u);
	}
	/* follow-ups */
	for (size_t i = 0; i < c->n_ms; i++) {
		ment *m = &c->ms[i];
		if (m->unit >= 0 || m->title)
			continue;
		long inc = incident_of(c, i);
		int u = u0;
		if (inc >= 0) {
			u = c->ms[inc].unit;
		} else if (m->sent < c->n_sent && (c->s_flag[m->sent] & S_HIST)) {
			int bg = background_before(c, i, false);
			u = bg >= 0 ? bg : u0;
		}
		join_unit(c, i, u);
	}
	/* title mentions lend the primary event their words, where they fit */
	for (size_t i = 0; i < c->n_ms; i++)
		if (c->ms[i].title && c->ms[i].unit < 0 && !conflicts(c, &c->ms[i], &c->us[u0]))
			c->ms[i].unit = u0;
	for (size_t u = 0; u < c->n_us; u++)
		unit_attrs(c, (int)u);
	/* a primary event that says nowhere where it happened is where the
	 * reporter files from, when that is the country the story names most
	 * ("DHAKA - ... the collapsed building") */
	dunit *P = &c->us[u0];
	ev_pref dp = pref_of(c, &c->dateline);
	int dc = rc__ev_pref_country(tb, &dp);
	if (!has_place(&P->pl) && dc >= 0) {
		size_t dv = votes_for(c, dc);
		bool top = dv > 0;
		for (size_t x = 0; x < c->n_cv && top; x++)
			top = c->cv_country[x] == dc || c->cv_count[x] < dv;
		if (top)
			P->pl = c->dateline;
	}
	(void)tb;
}

static const char *place_string(ctx *c, const place *p)
{
	if (p->idx >= 0)
		return rc__ev_place_name(c->tb, p->idx);
	if (!p->name)
		return NULL;
	if (p->within >= 0) {
		const char *s = rc__arena_printf(c->a, "%s, %s", p->name, rc__ev_place_name(c->tb, p->within));
		if (!s)
			c->nomem = true;
		return s;
	}
	return p->name;
}

/* place-date-type in the arena, as "%s%s%s%s%s" would write it: the
 * place and its dash when there is a place, the date and its dash when
 * there is a date (by hand: one id a document, and printf is most of it). */
static const char *unit_base(ctx *c, const char *ps, const char *date, const char *type)
{
	const char *part[5] = {ps ? ps : "", ps && *ps ? "-" : "", date ? date : "", date ? "-" : "",
	                       type};
	size_t len[5], n = 0;
	for (size_t i = 0; i < 5; i++)
		n += len[i] = strlen(part[i]);
	char *b = rc__arena_alloc(c->a, n + 1);
	if (!b)
		return NULL;
	for (size_t i = 0, o = 0; i < 5; o += len[i], i++)
		memcpy(b + o, part[i], len[i]);
	b[n] = '\0';
	return b;
}

/* Ids of the document's events: place-date-type, unique in the document. */
static void unit_ids(ctx *c)
{
	for (size_t u = 0; u < c->n_us; u++) {
		dunit *U = &c->us[u];
		U->place_s = place_string(c, &U->pl);
		if (U->key) {
			U->id = U->key;
			continue;
		}
		const char *type = c->tb->types[U->type].name;
		const char *ps = U->place_s ? rc__ev_slug(c->a, U->place_s) : NULL;
		const char *base = unit_base(c, ps, U->date, type);
		if (!base || (U->place_s && !ps)) {
			c->nomem = true;
			return;
		}
		const char *id = base;
		for (unsigned k = 2;; k++) {
			bool taken = false;
			for (size_t v = 0; v < u && !taken; v++)
				taken = strcmp(c->us[v].id, id) == 0;
			if (!taken)
				break;
			if (!(id = rc__arena_printf(c->a, "%s-%u", base, k))) {
				c->nomem = true;
				return;
			}
		}
		U->id = id;
	}
}

/* ---- the document ----------------------------------------------------- */

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

/* Words of s[a, b), counted up to max (for the headline's maximum and
 * the lede's minimum, which need no more). */
static size_t words_in(const char *s, size_t a, size_t b, size_t max)
{
	size_t n = 0;
	bool in = false;
	for (size_t i = a; i < b && n < max; i++) {
		bool w = wordc((unsigned char)s[i]);
		n += w && !in;
		in = w;
	}
	return n;
}

/*
 * The headline and the lede.  A first paragraph of one line without a
 * final full stop is the headline (plain-text articles open with it); the
 * lede is the first LEDE_SENTENCES sentences of LEDE_MIN_WORDS words or
 * more after it (bylines, datelines alone and "Share" are shorter).
 */
static void mark_head(ctx *c, const rc_segments *seg, bool title_apart)
{
	size_t si = 0;
	if (!title_apart && seg->n) {
		const rc_sentence *s0 = &seg->sent[0];
		bool one = seg->n == 1 || seg->sent[1].para != s0->para;
		bool stop = s0->end > s0->start && c->text[s0->end - 1] == '.';
		bool nl = memchr(c->text + s0->start, '\n', s0->end - s0->start) != NULL;
		if (one && !stop && !nl && words_in(c->text, s0->start, s0->end, 31) <= 30) {
			c->s_flag[0] |= S_HEAD;
			si = 1;
		}
	}
	for (size_t n = 0; si < seg->n && n < LEDE_SENTENCES; si++)
		if (words_in(c->text, seg->sent[si].start, seg->sent[si].end, LEDE_MIN_WORDS) >=
		    LEDE_MIN_WORDS) {
			c->s_flag[si] |= S_LEDE;
			n++;
		}
}

/* Whether the text opens with the title (plain files; and JSON Lines
 * records once titles are read as part of the text). */
static bool title_in_text(const char *title, const char *text, size_t len)
{
	while (*title == ' ')
		title++;
	size_t i = 0;
	while (i < len && rc__is_space((unsigned char)text[i]))
		i++;
	size_t n = strlen(title);
	if (n > 40)
		n = 40;
	return n && i + n <= len && strncasecmp(text + i, title, n) == 0;
}

/* The primary event's first mention carries the names of the title,
 * headline and lede too. */
static void add_head_names(ctx *c, rc_mention *o)
{
	size_t cap = o->n_names + c->n_head_names;
	const char **names = rc__arena_calloc(c->a, cap, sizeof(char *));
	if (!names) {
		c->nomem = true;
		return;
	}
	size_t n = 0;
	for (size_t i = 0; i < o->n_names; i++)
		names[n++] = o->names[i];
	for (size_t i = 0; i < c->n_head_names; i++) {
		bool dup = false;
		for (size_t k = 0; k < n && !dup; k++)
			dup = strcmp(names[k], c->head_names[i]) == 0;
		if (!dup)
			names[n++] = c->head_names[i];
	}
	o->names = names;
	o->n_names = n;
}

static int cmp_ment(const void *pa, const void *pb)
{
	const ment *a = pa, *b = pb;
	if (a->title != b->title)
		return a->title ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

/* The line of a mention at offset off of doc (rc_mention.line is 32-bit:
 * a document's offsets are at most RC_OFFSET_MAX, so are its lines). */
static uint32_t mention_line(const rc_document *doc, size_t off)
{
	size_t line = 0;
	rc_document_position(doc, off, &line, NULL);
	return (uint32_t)line;
}

rc_status rc__mentions_find(rc_mention **out, size_t *n_out, rc_arena *a, rc_arena *scratch,
                            const rc_event_vocab *tb, const rc_document *doc,
                            const rc_text *t, const rc_segments *seg,
                            const rc_event_defs *defs, rc__ev_doc **ds_out, rc_error *err)
{
	*out = NULL;
	*n_out = 0;
	if (ds_out)
		*ds_out = NULL;
	dunit units[MAX_UNITS];
	ctx c = {.tb = tb, .a = a, .s = scratch ? scratch : a, .text = t->norm, .n_sent = seg->n,
	         .dateline = NO_PLACE, .head_place = NO_PLACE, .us = units};
	rc__ev_doc *ds = rc__arena_calloc(c.s, 1, sizeof *ds);
	ev_defscan sc = {0};
	c.s_date = rc__arena_calloc(c.s, seg->n + 1, sizeof(char *));
	c.s_open = rc__arena_calloc(c.s, seg->n + 1, sizeof(char *));
	c.s_flag = rc__arena_calloc(c.s, seg->n + 1, 1);
	if (!ds || !c.s_date || !c.s_open || !c.s_flag)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory finding event mentions");
	ds->primary = -1;
	ds->tb = tb;
	if (doc && doc->published && !parse_iso(doc->published, c.pub))
		c.pub[0] = 0;
	c.pub_given = c.pub[0] != 0;
	if (!c.pub[0] && !reference_date(&c, seg))
		c.nomem = true;
	if (c.pub[0])
		c.pub_day = rc__days_from_civil(c.pub[0], c.pub[1], c.pub[2]);
	/* a title the text does not open with is read on its own first */
	bool apart = doc && doc->title && *doc->title && !title_in_text(doc->title, t->norm, t->len);
	if (apart && !c.nomem) {
		rc_text tt;
		rc_error e2;
		if (rc__text_normalize(&tt, c.s, doc->title, strlen(doc->title), 0, strlen(doc->title),
		                       &e2) != RC_OK) {
			c.nomem = true;
		} else {
			c.text = tt.norm;
			if (!do_sentence(&c, (size_t)-1, (size_t)-1, 0, tt.len, true))
				c.nomem = true;
			for (size_t i = 0; i < c.n_ms; i++)
				c.ms[i].head = true;
			c.text = t->norm;
		}
	}
	mark_head(&c, seg, apart);
	for (size_t si = 0; si < seg->n && c.n_ms < MAX_MENTIONS && !c.nomem; si++) {
		size_t before = c.n_ms;
		if (!do_sentence(&c, si, seg->sent[si].para, seg->sent[si].start, seg->sent[si].end,
		                 false)) {
			c.nomem = true;
			break;
		}
		for (size_t i = before; i < c.n_ms; i++)
			c.ms[i].head = (c.s_flag[si] & (S_HEAD | S_LEDE)) != 0;
	}
	if (!c.nomem && defs && defs->n) {
		if (rc__ev_defs_scan(defs, t->norm, t->len, c.s, &sc) != RC_OK ||
		    (sc.n_warn && !(ds->warn = rc__arena_calloc(c.s, sc.n_warn, sizeof *ds->warn))))
			c.nomem = true;
		for (size_t w = 0; w < sc.n_warn && !c.nomem; w++) {
			size_t line = 0;
			if (sc.warn[w].off != (size_t)-1 && doc)
				rc_document_position(doc, rc__text_orig(t, sc.warn[w].off < t->len
				                                               ? sc.warn[w].off : t->len),
				                     &line, NULL);
			ds->warn[ds->n_warn++] = (rc__ev_warning){sc.warn[w].msg, line};
		}
	}
	if (!c.nomem) {
		resolve_places(&c);
		apply_defs(&c, defs, seg, &sc);
		if (c.n_ms) /* rc__qsort(NULL, 0, ...) is undefined */
			rc__qsort(c.ms, c.n_ms, sizeof(*c.ms), cmp_ment);
		build_units(&c);
		unit_ids(&c);
	}
	free(sc.hits);
	free(sc.warn);
	/* the mentions of the record: title mentions stay out, except that a
	 * primary event named only in the title gets one mention of its own,
	 * empty, at the start of the body */
	size_t n_title = 0;
	while (n_title < c.n_ms && c.ms[n_title].title)
		n_title++;
	int only_title = -1;
	for (size_t u = 0; u < c.n_us && !c.nomem; u++) {
		bool in_text = false;
		for (size_t i = n_title; i < c.n_ms && !in_text; i++)
			in_text = c.ms[i].unit == (int)u;
		if (!in_text && c.us[u].primary)
			only_title = (int)u;
	}
	size_t n = c.n_ms - n_title + (only_title >= 0);
	rc_mention *ms = NULL;
	if (!c.nomem && n && !(ms = rc__arena_calloc(a, n, sizeof(*ms))))
		c.nomem = true;
	size_t k = 0;
	if (!c.nomem && only_title >= 0) {
		const dunit *U = &c.us[only_title];
		const ment *m = NULL;
		for (size_t i = 0; i < n_title && !m; i++)
			if (c.ms[i].unit == only_title)
				m = &c.ms[i];
		rc_mention *o = &ms[k++];
		o->type = tb->types[U->type].name;
		o->noun = m && m->noun ? m->noun : o->type;
		o->place = U->place_s;
		o->date = U->date;
		o->names = m ? m->names : NULL;
		o->n_names = m ? m->n_names : 0;
		add_head_names(&c, o);
		o->key = U->key;
		o->local_id = U->id;
		o->start = o->end = rc__text_orig(t, 0);
		o->line = 0;
		if (doc)
			o->line = mention_line(doc, o->start);
		c.us[only_title].first = 0;
	}
	for (size_t i = n_title; i < c.n_ms && !c.nomem; i++) {
		const ment *m = &c.ms[i];
		const dunit *U = m->unit >= 0 ? &c.us[m->unit] : NULL;
		rc_mention *o = &ms[k];
		o->type = tb->types[U ? U->type : m->type].name;
		o->noun = m->noun ? m->noun : rc__arena_strndup(a, t->norm + m->start, m->end - m->start);
		o->place = U ? U->place_s : place_string(&c, &m->pl);
		o->date = U ? U->date : m->date;
		o->names = m->names;
		o->n_names = m->n_names;
		o->key = U ? U->key : m->key;
		o->local_id = U ? U->id : o->type;
		o->start = rc__text_orig(t, m->start);
		o->end = rc__text_orig(t, m->end);
		o->line = 0;
		if (doc)
			o->line = mention_line(doc, o->start);
		if (!o->noun)
			c.nomem = true;
		if (U && c.us[m->unit].first < 0) {
			c.us[m->unit].first = (long)k;
			if (U->primary && c.n_head_names)
				add_head_names(&c, o);
		}
		k++;
	}
	/* what the linker needs: the primary event's first mention, and per
	 * sentence whether it is about the past and the background event its
	 * paragraph last named */
	if (!c.nomem) {
		ds->n_sent = seg->n;
		ds->now = story_now(&c);
		ds->hist = rc__arena_calloc(c.s, seg->n + 1, sizeof(bool));
		ds->bg = rc__arena_calloc(c.s, seg->n + 1, sizeof(long));
		ds->opens_dated = rc__arena_calloc(c.s, seg->n + 1, sizeof(bool));
		if (!ds->hist || !ds->bg || !ds->opens_dated)
			c.nomem = true;
		for (size_t u = 0; u < c.n_us && !c.nomem; u++)
			if (c.us[u].primary && !c.us[u].contested)
				ds->primary = c.us[u].first;
		long last = -1;
		size_t last_para = (size_t)-1, mi = n_title;
		for (size_t si = 0; si < seg->n && !c.nomem; si++) {
			ds->hist[si] = (c.s_flag[si] & S_HIST) != 0;
			ds->opens_dated[si] = (c.s_flag[si] & S_OPENS_DATED) != 0;
			if (seg->sent[si].para != last_para) {
				last = -1;
				last_para = seg->sent[si].para;
			}
			for (; mi < c.n_ms && c.ms[mi].sent <= si; mi++)
				if (c.ms[mi].unit >= 0 && !c.us[c.ms[mi].unit].primary)
					last = (long)(mi - n_title + (only_title >= 0));
			ds->bg[si] = last;
		}
	}
	free(c.toks);
	free(c.cands);
	free(c.ms);
	free(c.votes);
	free(c.vote_place);
	if (c.nomem)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory finding event mentions");
	*out = ms;
	*n_out = n;
	if (ds_out)
		*ds_out = ds;
	return RC_OK;
}

const rc__ev_warning *rc__ev_doc_warnings(const rc__ev_doc *ds, size_t *n)
{
	*n = ds ? ds->n_warn : 0;
	return ds ? ds->warn : NULL;
}
