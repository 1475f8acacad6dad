/*
 * Sentence and paragraph splitting of a normalised body (rc_text).
 *
 * A sentence ends at '.', '!' or '?' (with any closing quotes and brackets)
 * followed by white space and a likely sentence start, unless the word
 * before the period is a known abbreviation, an initial or a
 * dotted acronym.  A line without final punctuation that looks like a
 * headline, dateline or caption is a sentence of its own.  Blank lines end
 * paragraphs.  Everything is one linear pass; no input can make it slower.
 * The words it knows (abbreviations, sentence starters, the words wrapped
 * prose ends with) are data: data/segment.json, compiled in at build time
 * (segment-int.h).
 */
#include <string.h>
#include "segment/segment.h"
#include "segment/segment-int.h"

static bool in_list(const char *s, size_t n, const rc_seg_word *list, size_t len, bool nocase)
{
	for (size_t i = 0; i < len; i++) {
		if (list[i].len == n && (nocase ? rc__eq_nocase(s, n, list[i].word)
		                                : memcmp(s, list[i].word, n) == 0))
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

/* The first '.', '!' or '?' in s[j, le), or le: eight bytes a time while
 * none is among them (rc__bytes_eq8), then a byte at a time. */
static size_t next_terminal(const char *s, size_t j, size_t le)
{
	for (; j + 8 <= le; j += 8) {
		uint64_t v;
		memcpy(&v, s + j, 8);
		if (rc__bytes_eq8(v, '.') | rc__bytes_eq8(v, '!') | rc__bytes_eq8(v, '?'))
			break;
	}
	while (j < le && !is_terminal((unsigned char)s[j]))
		j++;
	return j;
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
static int abbreviation_before(const char *s, size_t sent_start, size_t dot, rc_seg_abbr_kind *kind)
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
	for (size_t i = 0; i < rc__seg_n_abbreviations; i++) {
		const rc_seg_abbr *ab = &rc__seg_abbreviations[i];
		if (ab->len == n && memcmp(ab->word, s + b, n) == 0) {
			*kind = ab->kind;
			return 1;
		}
	}
	/* A single capital is an initial ("George W. Bush"); dotted capitals
	 * are an acronym ("U.S.A.", "D.C."), which may end a sentence. */
	if (n == 1 && is_upper((unsigned char)s[b])) {
		*kind = SEG_ABBR_TITLE;
		return 1;
	}
	bool dotted = n >= 3;
	for (size_t i = b; i < dot && dotted; i++)
		dotted = ((i - b) % 2 == 0) ? rc__is_alpha((unsigned char)s[i]) : s[i] == '.';
	if (dotted) {
		*kind = SEG_ABBR_AMBIGUOUS;
		return 1;
	}
	return 0;
}

bool rc__segment_title_dot(const char *s, size_t start, size_t dot)
{
	rc_seg_abbr_kind kind;
	return s[dot] == '.' && abbreviation_before(s, start, dot, &kind) &&
	       (kind == SEG_ABBR_TITLE || kind == SEG_ABBR_AMBIGUOUS);
}

/* Is the word at i a sentence starter? */
static bool starter_at(const char *s, size_t len, size_t i)
{
	size_t e = i;
	while (e < len && rc__is_alpha((unsigned char)s[e]))
		e++;
	return e > i && in_list(s + i, e - i, rc__seg_starters, rc__seg_n_starters, false);
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
	rc_seg_abbr_kind kind;
	if (!abbreviation_before(s, sent_start, p, &kind))
		return true;
	switch (kind) {
	case SEG_ABBR_TITLE:
		return false;
	case SEG_ABBR_NUMBERED:
	case SEG_ABBR_MONTH:
		return !rc__is_digit(n);
	case SEG_ABBR_AMBIGUOUS:
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
	if (in_list(s + last, last_len, rc__seg_continuation_words, rc__seg_n_continuation_words, true))
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
				/* in a sentence, only its next terminal mark matters */
				if (cur != (size_t)-1)
					j = next_terminal(s, j, le);
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
