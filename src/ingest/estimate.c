/*
 * What the text of a document with no date of its own says about when it
 * was written (docs/reconcile.md, "Estimated times"): the latest date it
 * states, and how long after its news event its headline and opening
 * paragraphs say it was written.  The words are in data/dates.json
 * (embedded), read once per process.  The result is the document's
 * time_hint: "YYYY[-MM[-DD]]", "P<days>D", "--MM-DD" (a month and day
 * without a year) and "W<weekdays>" (the weekdays it names, 0 = Monday),
 * space-separated, which the reconciler turns into an estimated report
 * time once it knows the event's date.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "ingest/ingest-priv.h"

extern const char rc__data_dates[];
extern const size_t rc__data_dates_len;

enum { MAX_WORDS = 64, MAX_CUE_WORDS = 4 };

typedef struct phrase {
	char *w[MAX_CUE_WORDS];
	size_t n;
	double value;
} phrase;

static struct {
	char *months[12], *weekdays[7];
	phrase year_leads[MAX_WORDS], numbers[MAX_WORDS], units[MAX_WORDS], cues[MAX_WORDS];
	phrase month_abbrs[MAX_WORDS], future[MAX_WORDS];
	size_t n_year_leads, n_numbers, n_units, n_cues, n_month_abbrs, n_future;
	char *marks[MAX_WORDS];
	size_t n_marks;
	size_t lead_paragraphs;
	bool ok;
} T;

static pthread_once_t once = PTHREAD_ONCE_INIT;

/* "after the" -> {"after", "the"} */
static bool phrase_set(phrase *p, const char *s, double value)
{
	p->n = 0;
	p->value = value;
	const char *w;
	size_t len;
	while ((w = rc__next_word(&s, &len))) {
		if (p->n == MAX_CUE_WORDS || !(p->w[p->n] = strndup(w, len)))
			return false;
		p->n++;
	}
	return p->n > 0;
}

static bool load_list(json_t *arr, phrase *out, size_t *n)
{
	size_t i;
	json_t *v;
	if (!json_is_array(arr) || json_array_size(arr) > MAX_WORDS)
		return false;
	json_array_foreach(arr, i, v) {
		if (!json_is_string(v) || !phrase_set(&out[(*n)++], json_string_value(v), 0))
			return false;
	}
	return true;
}

static bool load_map(json_t *obj, phrase *out, size_t *n)
{
	const char *k;
	json_t *v;
	if (!json_is_object(obj) || json_object_size(obj) > MAX_WORDS)
		return false;
	json_object_foreach(obj, k, v) {
		if (!json_is_number(v) || !phrase_set(&out[(*n)++], k, json_number_value(v)))
			return false;
	}
	return true;
}

/* A list of exactly n words ("months", "weekdays") into out[0..n). */
static bool load_names(json_t *arr, char **out, size_t n)
{
	bool ok = json_is_array(arr) && json_array_size(arr) == n;
	for (size_t i = 0; ok && i < n; i++) {
		const char *s = json_string_value(json_array_get(arr, i));
		ok = s && (out[i] = strdup(s)) != NULL;
	}
	return ok;
}

static void load_once(void)
{
	json_error_t je;
	json_t *root = json_loadb(rc__data_dates, rc__data_dates_len, 0, &je);
	bool ok = load_names(json_object_get(root, "months"), T.months, 12) &&
	          load_names(json_object_get(root, "weekdays"), T.weekdays, 7) &&
	          load_map(json_object_get(root, "month_abbreviations"), T.month_abbrs, &T.n_month_abbrs) &&
	          load_list(json_object_get(root, "date_future_cues"), T.future, &T.n_future);
	for (size_t k = 0; ok && k < T.n_month_abbrs; k++)
		ok = T.month_abbrs[k].value >= 1 && T.month_abbrs[k].value <= 12;
	ok = ok && load_list(json_object_get(root, "year_leads"), T.year_leads, &T.n_year_leads) &&
	     load_map(json_object_get(root, "number_words"), T.numbers, &T.n_numbers) &&
	     load_map(json_object_get(root, "units"), T.units, &T.n_units) &&
	     load_list(json_object_get(root, "elapsed_cues"), T.cues, &T.n_cues);
	json_t *marks = json_object_get(root, "copyright_marks");
	size_t mi;
	json_t *mv;
	ok = ok && json_is_array(marks) && json_array_size(marks) <= MAX_WORDS;
	json_array_foreach(marks, mi, mv) {
		const char *s = json_string_value(mv);
		ok = ok && s && (T.marks[T.n_marks++] = strdup(s)) != NULL;
	}
	json_int_t lp = json_integer_value(json_object_get(root, "lead_paragraphs"));
	T.lead_paragraphs = lp > 0 ? (size_t)lp : 1;
	T.ok = ok;
	json_decref(root);
}

/* ---- words ------------------------------------------------------------------------------ */

typedef struct word {
	const char *s;
	size_t n;
	bool digits, upper;
	size_t para;     /* paragraph number (blank lines separate paragraphs) */
	size_t sent;     /* sentence number (a full stop, '!' or '?' ends one) */
	bool mark;       /* on a line with a copyright mark ("© Example Review 2024") */
	bool sep_before; /* a comma or other punctuation right before it */
} word;

typedef struct words {
	word *v;
	size_t n, cap;
} words;

static bool is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* The words of s[0..len): runs of letters or of digits (a digit run joined
 * to a comma or point and more digits is a number, never a year). */
/* Does the line of s[0..len) that starts at ls hold a copyright mark? */
static bool line_marked(const char *s, size_t len, size_t ls)
{
	const char *nl = memchr(s + ls, '\n', len - ls);
	size_t le = nl ? (size_t)(nl - s) : len;
	for (size_t k = 0; k < T.n_marks; k++) {
		size_t ml = strlen(T.marks[k]);
		for (size_t i = ls; i + ml <= le; i++)
			if (rc__eq_nocase(s + i, ml, T.marks[k]))
				return true;
	}
	return false;
}

static bool split(words *ws, const char *s, size_t len, size_t para0)
{
	size_t para = para0, sent = ws->n ? ws->v[ws->n - 1].sent + 1 : 0;
	bool sep = false, mark = line_marked(s, len, 0);
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n') {
			mark = line_marked(s, len, i + 1);
			size_t j = i + 1;
			while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
				j++;
			if (j < len && s[j] == '\n') {
				para++;
				sent++;
			}
			i++;
			continue;
		}
		if (!is_alnum(c)) {
			if (c != ' ' && c != '\t' && c != '\r')
				sep = true;
			if (c == '.' || c == '!' || c == '?')
				sent++;
			i++;
			continue;
		}
		size_t j = i;
		bool dig = c >= '0' && c <= '9';
		if (dig) {
			while (j < len && ((s[j] >= '0' && s[j] <= '9') ||
			                   ((s[j] == ',' || s[j] == '.') && j + 1 < len && s[j + 1] >= '0' && s[j + 1] <= '9')))
				j++;
		} else {
			while (j < len && is_alnum((unsigned char)s[j]) && !(s[j] >= '0' && s[j] <= '9'))
				j++;
		}
		if (RC_GROW(ws->v, ws->cap, ws->n + 1) != RC_OK)
			return false;
		ws->v[ws->n++] = (word){s + i, j - i, dig, c >= 'A' && c <= 'Z', para, sent, mark, sep};
		sep = false;
		i = j;
	}
	return true;
}

static bool word_eq(const word *w, const char *lit)
{
	size_t n = strlen(lit);
	if (w->n != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (rc__lower((unsigned char)w->s[i]) != (unsigned char)lit[i])
			return false;
	return true;
}

/* Does phrase p stand at ws[i]? */
static bool phrase_at(const words *ws, size_t i, const phrase *p)
{
	if (i + p->n > ws->n)
		return false;
	for (size_t k = 0; k < p->n; k++)
		if (!word_eq(&ws->v[i + k], p->w[k]) || (k && ws->v[i + k].sep_before))
			return false;
	return true;
}

static long num(const word *w, int max_digits)
{
	if (!w->digits || w->n > (size_t)max_digits)
		return -1;
	long v = 0;
	for (size_t i = 0; i < w->n; i++) {
		if (w->s[i] < '0' || w->s[i] > '9')
			return -1;
		v = v * 10 + (w->s[i] - '0');
	}
	return v;
}

static int month_at(const word *w)
{
	if (!w->upper) /* "may" the verb */
		return 0;
	for (int m = 0; m < 12; m++)
		if (word_eq(w, T.months[m]))
			return m + 1;
	return 0;
}

static long year_of(const word *w)
{
	long y = num(w, 4);
	return w->n == 4 && y >= 1000 && y <= 2999 ? y : -1;
}

/* y*10000 + m*100 + d, with m or d 0 when not stated */
static long stamp(long y, int m, int d)
{
	return y * 10000 + m * 100 + d;
}

/* The latest date the words state: "21 June 2018", "June 21, 2018",
 * "June 2018", or a year after a year lead ("in 2018"). */
static long latest_stated(const words *ws)
{
	long best = 0;
	for (size_t i = 0; i < ws->n; i++) {
		const word *w = &ws->v[i];
		int m = month_at(w);
		long y = -1, d = 0;
		if (m) {
			const word *a = i + 1 < ws->n ? &ws->v[i + 1] : NULL;
			const word *b = i + 2 < ws->n ? &ws->v[i + 2] : NULL;
			long da = a ? num(a, 2) : -1, dp = i > 0 ? num(&ws->v[i - 1], 2) : -1;
			if (a && year_of(a) > 0) {
				y = year_of(a); /* June 2018, 21 June 2018 */
				if (dp >= 1 && dp <= 31 && !w->sep_before)
					d = dp;
			} else if (da >= 1 && da <= 31 && b && year_of(b) > 0) {
				y = year_of(b); /* June 21, 2018 */
				d = da;
			}
		} else if (year_of(w) > 0 && w->mark) {
			y = year_of(w); /* © Example Review 2024 */
		} else if (year_of(w) > 0 && i > 0 && !w->sep_before) {
			/* a bare year after a lead, not part of a month date */
			bool lead = false;
			for (size_t k = 0; k < T.n_year_leads && !lead; k++)
				lead = word_eq(&ws->v[i - 1], T.year_leads[k].w[0]);
			if (lead && !month_at(&ws->v[i - 1]))
				y = year_of(w);
		}
		if (y > 0 && stamp(y, m, (int)d) > best)
			best = stamp(y, m, (int)d);
	}
	return best;
}

/* The month of a short month name ("Aug", "Sept"), or 0. */
static int month_abbr_at(const word *w)
{
	if (!w->upper)
		return 0;
	for (size_t k = 0; k < T.n_month_abbrs; k++)
		if (word_eq(w, T.month_abbrs[k].w[0]))
			return (int)T.month_abbrs[k].value;
	return 0;
}

enum { MAX_MONTH_DAYS = 16 };

typedef struct undated {
	int md[MAX_MONTH_DAYS]; /* month * 100 + day, sorted, distinct */
	size_t n_md;
	unsigned weekdays;      /* bit k: weekday k (0 = Monday) is named */
} undated;

static void add_month_day(undated *u, int m, long d)
{
	int v = m * 100 + (int)d;
	size_t i = 0;
	while (i < u->n_md && u->md[i] < v)
		i++;
	if ((i < u->n_md && u->md[i] == v) || u->n_md == MAX_MONTH_DAYS)
		return;
	memmove(&u->md[i + 1], &u->md[i], (u->n_md - i) * sizeof u->md[0]);
	u->md[i] = v;
	u->n_md++;
}

/* Is a date at ws[i] about the future ("will be buried on Friday", "next
 * Monday", "until the August 31 deadline")?  A future cue up to four words
 * before it in its sentence. */
static bool future_before(const words *ws, size_t i)
{
	for (size_t back = 1; back <= 4 && back <= i; back++) {
		const word *w = &ws->v[i - back];
		if (w->sent != ws->v[i].sent)
			break;
		for (size_t k = 0; k < T.n_future; k++)
			if (phrase_at(ws, i - back, &T.future[k]))
				return true;
	}
	return false;
}

/* The dates the words state without a year, in the past or present: a
 * month and day ("June 19", "19 June", "Aug. 19", but not "June 19, 2017",
 * which latest_stated reads) and the weekdays named. */
static void undated_stated(const words *ws, undated *u)
{
	for (size_t i = 0; i < ws->n; i++) {
		const word *w = &ws->v[i];
		const word *a = i + 1 < ws->n ? &ws->v[i + 1] : NULL;
		const word *b = i + 2 < ws->n ? &ws->v[i + 2] : NULL;
		int m = month_at(w);
		bool abbr = false;
		if (!m && a && (m = month_abbr_at(w)) != 0)
			abbr = true;
		if (m) {
			if (future_before(ws, i)) /* "until the August 31 deadline" */
				continue;
			long da = a ? num(a, 2) : -1, dp = i > 0 ? num(&ws->v[i - 1], 2) : -1;
			if (da >= 1 && da <= 31 && (abbr || !a->sep_before) && !(b && year_of(b) > 0))
				add_month_day(u, m, da); /* June 19; Aug. 19 */
			else if (!abbr && dp >= 1 && dp <= 31 && !w->sep_before && !(a && year_of(a) > 0))
				add_month_day(u, m, dp); /* 19 June */
			continue;
		}
		if (!w->upper)
			continue;
		for (int k = 0; k < 7; k++)
			if (word_eq(w, T.weekdays[k]) && !future_before(ws, i))
				u->weekdays |= 1u << k;
	}
}

/* The longest time after the news that the lead says it was written
 * ("A year on", "six months after the riot"), in days, or 0. */
static double lead_elapsed(const words *ws)
{
	double best = 0;
	for (size_t i = 0; i < ws->n; i++) {
		if (ws->v[i].para >= T.lead_paragraphs)
			break;
		double n = -1;
		size_t j = i;
		long d = num(&ws->v[i], 3);
		if (d > 0) {
			n = (double)d;
			j = i + 1;
		}
		for (size_t k = 0; n < 0 && k < T.n_numbers; k++)
			if (phrase_at(ws, i, &T.numbers[k])) {
				n = T.numbers[k].value;
				j = i + T.numbers[k].n;
			}
		if (n < 0 || j >= ws->n || ws->v[j].sep_before)
			continue;
		double unit = 0;
		for (size_t k = 0; !unit && k < T.n_units; k++)
			if (phrase_at(ws, j, &T.units[k])) {
				unit = T.units[k].value;
				j += T.units[k].n;
			}
		if (!unit || j >= ws->n || ws->v[j].sep_before)
			continue;
		for (size_t k = 0; k < T.n_cues; k++)
			if (phrase_at(ws, j, &T.cues[k])) {
				if (n * unit > best)
					best = n * unit;
				i = j; /* "Half a year on" is not also "a year on" */
				break;
			}
	}
	return best;
}

rc_status rc__time_hint(rc_document *doc)
{
	pthread_once(&once, load_once);
	if (!T.ok || doc->published || !doc->text)
		return RC_OK;
	words ws = {0};
	/* the headline is the first paragraph */
	bool ok = (!doc->title || split(&ws, doc->title, strlen(doc->title), 0)) &&
	          split(&ws, doc->text + doc->body_start, doc->text_len - doc->body_start, doc->title ? 1 : 0);
	if (!ok) {
		free(ws.v);
		return RC_ERR_NOMEM;
	}
	long stated = latest_stated(&ws);
	double days = lead_elapsed(&ws);
	undated u = {0};
	undated_stated(&ws, &u);
	free(ws.v);
	char buf[64 + MAX_MONTH_DAYS * 8 + 16] = "";
	size_t k = 0;
	if (stated) {
		long y = stated / 10000, m = stated / 100 % 100, d = stated % 100;
		k += (size_t)(m && d ? snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d)
		                : m  ? snprintf(buf, sizeof buf, "%04ld-%02ld", y, m)
		                     : snprintf(buf, sizeof buf, "%04ld", y));
	}
	if (days >= 1)
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%sP%.0fD", k ? " " : "", floor(days));
	for (size_t i = 0; i < u.n_md; i++)
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%s--%02d-%02d", k ? " " : "", u.md[i] / 100,
		                      u.md[i] % 100);
	if (u.weekdays) {
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%sW", k ? " " : "");
		for (int d = 0; d < 7; d++)
			if (u.weekdays & (1u << d))
				buf[k++] = (char)('0' + d);
		buf[k] = '\0';
	}
	if (!buf[0])
		return RC_OK;
	return (doc->time_hint = rc__arena_strdup(doc->priv->arena, buf)) ? RC_OK : RC_ERR_NOMEM;
}
