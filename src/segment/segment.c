/*
 * Sentence and paragraph splitting of a normalised body (rc_text).
 *
 * A sentence ends at '.', '!' or '?' (with any closing quotes and brackets)
 * followed by white space and a likely sentence start, unless the word
 * before the period is a known abbreviation (table below), an initial or a
 * dotted acronym.  A line without final punctuation that looks like a
 * headline, dateline or caption is a sentence of its own.  Blank lines end
 * paragraphs.  Everything is one linear pass; no input can make it slower.
 */
#include <string.h>
#include "segment/segment.h"

/*
 * How an abbreviation behaves before a period that is followed by white
 * space and a capital letter (lower case never starts a sentence anyway).
 */
typedef enum abbr_kind {
	ABBR_TITLE,     /* precedes a name: never ends a sentence (Gen. Soleimani) */
	ABBR_NUMBERED,  /* precedes a number: no break before a digit (No. 5) */
	ABBR_MONTH,     /* precedes a day: no break before a digit (Jan. 3) */
	ABBR_AMBIGUOUS  /* may end a sentence: break only before a sentence starter */
} abbr_kind;

/* News abbreviations, written as they appear without the final period. */
static const struct {
	const char *word;
	abbr_kind kind;
} abbreviations[] = {
	/* titles and ranks */
	{"Mr", ABBR_TITLE}, {"Mrs", ABBR_TITLE}, {"Ms", ABBR_TITLE}, {"Dr", ABBR_TITLE},
	{"Prof", ABBR_TITLE}, {"Gen", ABBR_TITLE}, {"Lt", ABBR_TITLE}, {"Col", ABBR_TITLE},
	{"Maj", ABBR_TITLE}, {"Capt", ABBR_TITLE}, {"Cpt", ABBR_TITLE}, {"Sgt", ABBR_TITLE},
	{"Cpl", ABBR_TITLE}, {"Pvt", ABBR_TITLE}, {"Adm", ABBR_TITLE}, {"Brig", ABBR_TITLE},
	{"Cmdr", ABBR_TITLE}, {"Gov", ABBR_TITLE}, {"Sen", ABBR_TITLE}, {"Rep", ABBR_TITLE},
	{"Rev", ABBR_TITLE}, {"Hon", ABBR_TITLE}, {"Pres", ABBR_TITLE}, {"Supt", ABBR_TITLE},
	{"Insp", ABBR_TITLE}, {"Det", ABBR_TITLE}, {"Fr", ABBR_TITLE}, {"Sr", ABBR_TITLE},
	{"St", ABBR_TITLE}, {"Mt", ABBR_TITLE}, {"Ft", ABBR_TITLE}, {"vs", ABBR_TITLE},
	{"v", ABBR_TITLE}, {"approx", ABBR_TITLE}, {"est", ABBR_TITLE},
	/* before numbers */
	{"No", ABBR_NUMBERED}, {"Nos", ABBR_NUMBERED}, {"no", ABBR_NUMBERED},
	{"Art", ABBR_NUMBERED}, {"Vol", ABBR_NUMBERED}, {"Fig", ABBR_NUMBERED},
	{"p", ABBR_NUMBERED}, {"pp", ABBR_NUMBERED}, {"Ch", ABBR_NUMBERED},
	{"Rte", ABBR_NUMBERED}, {"Hwy", ABBR_NUMBERED},
	/* months */
	{"Jan", ABBR_MONTH}, {"Feb", ABBR_MONTH}, {"Mar", ABBR_MONTH}, {"Apr", ABBR_MONTH},
	{"Jun", ABBR_MONTH}, {"Jul", ABBR_MONTH}, {"Aug", ABBR_MONTH}, {"Sep", ABBR_MONTH},
	{"Sept", ABBR_MONTH}, {"Oct", ABBR_MONTH}, {"Nov", ABBR_MONTH}, {"Dec", ABBR_MONTH},
	/* may end a sentence */
	{"etc", ABBR_AMBIGUOUS}, {"Inc", ABBR_AMBIGUOUS}, {"Ltd", ABBR_AMBIGUOUS},
	{"Co", ABBR_AMBIGUOUS}, {"Corp", ABBR_AMBIGUOUS}, {"Jr", ABBR_AMBIGUOUS},
	{"Bros", ABBR_AMBIGUOUS}, {"Ave", ABBR_AMBIGUOUS}, {"Blvd", ABBR_AMBIGUOUS},
	{"Rd", ABBR_AMBIGUOUS}, {"Dept", ABBR_AMBIGUOUS}, {"Govt", ABBR_AMBIGUOUS},
	{"e.g", ABBR_TITLE}, {"i.e", ABBR_TITLE}, {"cf", ABBR_TITLE},
	{"a.m", ABBR_AMBIGUOUS}, {"p.m", ABBR_AMBIGUOUS},
	{"U.S", ABBR_AMBIGUOUS}, {"U.K", ABBR_AMBIGUOUS}, {"U.N", ABBR_AMBIGUOUS},
	{"E.U", ABBR_AMBIGUOUS}, {"U.A.E", ABBR_AMBIGUOUS}, {"D.C", ABBR_AMBIGUOUS},
};

/*
 * Words that start sentences after an ambiguous abbreviation ("in the U.S.
 * The next day ...").  A capitalised word not listed here is read as a name
 * continuing the sentence ("the U.S. Treasury").
 */
static const char *const starters[] = {
	"A", "About", "According", "After", "Also", "An", "And", "As", "At", "Authorities",
	"But", "By", "Earlier", "Following", "For", "He", "Her", "His", "However", "I",
	"If", "In", "It", "Its", "Last", "Later", "Many", "Meanwhile", "More", "Most",
	"No", "Officials", "On", "One", "Only", "Police", "Several", "She", "Since",
	"So", "Some", "The", "Their", "There", "These", "They", "This", "Those", "Two",
	"Under", "We", "When", "While", "Witnesses", "Yet",
};

/* Words a wrapped prose line may end with but a headline never does. */
static const char *const continuation_words[] = {
	"a", "an", "and", "as", "at", "but", "by", "for", "from", "had", "has", "have",
	"her", "his", "in", "is", "its", "of", "on", "or", "that", "the", "their",
	"to", "was", "were", "which", "who", "with",
};

static bool in_list(const char *s, size_t n, const char *const *list, size_t len, bool nocase)
{
	for (size_t i = 0; i < len; i++) {
		if (nocase ? rc__eq_nocase(s, n, list[i])
		           : (strlen(list[i]) == n && memcmp(s, list[i], n) == 0))
			return true;
	}
	return false;
}

static bool is_hspace(int c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';
}

static bool is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_closer(int c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']';
}

static bool is_terminal(int c)
{
	return c == '.' || c == '!' || c == '?';
}

/* Line [ls, le) has nothing but white space. */
static bool blank(const char *s, size_t ls, size_t le)
{
	for (size_t i = ls; i < le; i++)
		if (!is_hspace((unsigned char)s[i]))
			return false;
	return true;
}

/*
 * The next non-space byte at or after i, crossing single line breaks;
 * returns len at the end of the text or when a blank line comes first
 * (a paragraph break is always a sentence break).
 */
static size_t next_visible(const char *s, size_t len, size_t i)
{
	int newlines = 0;
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n') {
			if (++newlines > 1)
				return len;
		} else if (!is_hspace(c)) {
			return i;
		}
	}
	return len;
}

/* The abbreviation ending just before the period at dot, if any. */
static int abbreviation_before(const char *s, size_t sent_start, size_t dot, abbr_kind *kind)
{
	size_t b = dot;
	while (b > sent_start && (rc__is_alpha((unsigned char)s[b - 1]) || s[b - 1] == '.'))
		b--;
	/* Strip leading periods ("...etc"). */
	while (b < dot && s[b] == '.')
		b++;
	size_t n = dot - b;
	if (n == 0)
		return 0;
	for (size_t i = 0; i < RC_ARRAY_LEN(abbreviations); i++) {
		if (strlen(abbreviations[i].word) == n && memcmp(abbreviations[i].word, s + b, n) == 0) {
			*kind = abbreviations[i].kind;
			return 1;
		}
	}
	/* A single capital is an initial ("George W. Bush"); dotted capitals
	 * are an acronym ("U.S.A.", "D.C."), which may end a sentence. */
	if (n == 1 && is_upper((unsigned char)s[b])) {
		*kind = ABBR_TITLE;
		return 1;
	}
	bool dotted = n >= 3;
	for (size_t i = b; i < dot && dotted; i++)
		dotted = ((i - b) % 2 == 0) ? rc__is_alpha((unsigned char)s[i]) : s[i] == '.';
	if (dotted) {
		*kind = ABBR_AMBIGUOUS;
		return 1;
	}
	return 0;
}

/* Is the word at i a sentence starter? */
static bool starter_at(const char *s, size_t len, size_t i)
{
	size_t e = i;
	while (e < len && rc__is_alpha((unsigned char)s[e]))
		e++;
	return e > i && in_list(s + i, e - i, starters, RC_ARRAY_LEN(starters), false);
}

/*
 * Does the terminal punctuation run [p, e) end a sentence?  e is the first
 * byte after the run and its closers; nx the next visible byte.
 */
static bool ends_sentence(const char *s, size_t len, size_t sent_start, size_t p, size_t e,
                          size_t nx)
{
	if (e < len && !rc__is_space((unsigned char)s[e]))
		return false;                 /* "U.S.A", "3.5", "e.g.," */
	if (nx >= len)
		return true;
	unsigned char n = (unsigned char)s[nx];
	if (is_lower(n) || n == ',' || n == ';' || n == ':' || n == ')' || n == ']')
		return false;                 /* "\"Why?\" he asked" */
	/* Only a single period can close an abbreviation ("..." cannot). */
	if (s[p] != '.' || (p + 1 < e && s[p + 1] == '.'))
		return true;
	abbr_kind kind;
	if (!abbreviation_before(s, sent_start, p, &kind))
		return true;
	switch (kind) {
	case ABBR_TITLE:
		return false;
	case ABBR_NUMBERED:
	case ABBR_MONTH:
		return !rc__is_digit(n);
	case ABBR_AMBIGUOUS:
		return starter_at(s, len, nx);
	}
	return true;
}

/*
 * A line without final punctuation ends its sentence when it reads as a
 * headline, dateline or caption rather than as wrapped prose: it does not
 * end with a function word, and it is short or mostly capitalised.
 */
static bool headline_like(const char *s, size_t ls, size_t le)
{
	size_t e = le;
	while (e > ls && is_hspace((unsigned char)s[e - 1]))
		e--;
	size_t t = e;
	while (t > ls && is_closer((unsigned char)s[t - 1]))
		t--;
	if (t > ls && is_terminal((unsigned char)s[t - 1]))
		return false;                 /* an ordinary sentence end */
	size_t words = 0, caps = 0, last = ls, last_len = 0;
	for (size_t i = ls; i < e;) {
		while (i < e && is_hspace((unsigned char)s[i]))
			i++;
		if (i >= e)
			break;
		size_t w = i;
		while (i < e && !is_hspace((unsigned char)s[i]))
			i++;
		size_t k = w;
		while (k < i && !rc__is_alnum((unsigned char)s[k]) && !((unsigned char)s[k] & 0x80))
			k++;
		words++;
		if (k < i && (is_upper((unsigned char)s[k]) || rc__is_digit((unsigned char)s[k]) ||
		              ((unsigned char)s[k] & 0x80)))
			caps++;
		last = w;
		last_len = i - w;
	}
	if (!words)
		return false;
	if (in_list(s + last, last_len, continuation_words, RC_ARRAY_LEN(continuation_words), true))
		return false;
	return words <= 8 || caps * 10 >= words * 6;
}

typedef struct builder {
	rc_arena *a;
	rc_sentence *items;
	size_t n, cap;
	size_t para;
	bool para_used;
} builder;

static rc_status emit(builder *b, const char *s, size_t start, size_t end)
{
	while (end > start && rc__is_space((unsigned char)s[end - 1]))
		end--;
	while (start < end && rc__is_space((unsigned char)s[start]))
		start++;
	if (start >= end)
		return RC_OK;
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		rc_sentence *items = rc__arena_alloc(b->a, cap * sizeof(*items));
		if (!items)
			return RC_ERR_NOMEM;
		if (b->n)
			memcpy(items, b->items, b->n * sizeof(*items));
		b->items = items;
		b->cap = cap;
	}
	b->items[b->n++] = (rc_sentence){.start = start, .end = end, .para = b->para};
	b->para_used = true;
	return RC_OK;
}

static void end_paragraph(builder *b)
{
	if (b->para_used) {
		b->para++;
		b->para_used = false;
	}
}

rc_status rc__segment(rc_segments *out, rc_arena *a, const rc_text *t, rc_error *err)
{
	memset(out, 0, sizeof(*out));
	const char *s = t->norm;
	size_t len = t->len;
	builder b = {.a = a};
	size_t cur = (size_t)-1;          /* start of the open sentence */

	for (size_t ls = 0; ls < len;) {
		const char *nl = memchr(s + ls, '\n', len - ls);
		size_t le = nl ? (size_t)(nl - s) : len;
		if (blank(s, ls, le)) {
			if (cur != (size_t)-1 && emit(&b, s, cur, ls) != RC_OK)
				goto nomem;
			cur = (size_t)-1;
			end_paragraph(&b);
			ls = le + 1;
			continue;
		}
		for (size_t j = ls; j < le;) {
			unsigned char c = (unsigned char)s[j];
			if (cur == (size_t)-1 && !is_hspace(c))
				cur = j;
			if (!is_terminal(c) || cur == (size_t)-1) {
				j++;
				continue;
			}
			size_t e = j;
			while (e < le && is_terminal((unsigned char)s[e]))
				e++;
			while (e < le && is_closer((unsigned char)s[e]))
				e++;
			size_t nx = next_visible(s, len, e);
			if (ends_sentence(s, len, cur, j, e, nx)) {
				if (emit(&b, s, cur, e) != RC_OK)
					goto nomem;
				cur = (size_t)-1;
			}
			j = e;
		}
		size_t next = le + 1;
		/* Only a sentence that began this line can be a headline: one
		 * carried over from the line before is wrapped prose. */
		size_t first = ls;
		while (first < le && is_hspace((unsigned char)s[first]))
			first++;
		if (cur == first && headline_like(s, ls, le)) {
			if (emit(&b, s, cur, le) != RC_OK)
				goto nomem;
			cur = (size_t)-1;
			/* A headline is a paragraph of its own. */
			end_paragraph(&b);
		}
		ls = next;
	}
	if (cur != (size_t)-1 && emit(&b, s, cur, len) != RC_OK)
		goto nomem;
	out->sent = b.items;
	out->n = b.n;
	out->n_paras = b.para_used ? b.para + 1 : b.para;
	return RC_OK;
nomem:
	return rc__error_set(err, RC_ERR_NOMEM, "out of memory splitting sentences");
}

size_t rc__segment_find(const rc_segments *s, size_t off)
{
	size_t lo = 0, hi = s->n;
	/* The last sentence starting at or before off. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->sent[mid].start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? lo - 1 : 0;
}
