/*
 * Publication dates and times as news crawlers write them (docs/input.md,
 * "Dates"): ISO 8601 in its extended and basic forms with a time and a
 * time zone, RFC 2822, epoch seconds and milliseconds, 20240106,
 * 06.01.2024 (day first), 01/06/2024 (month first unless the first number
 * is over 12), and written forms ("January 6, 2024 10:00 AM EST",
 * "6 January 2024").  The date is kept as written (the outlet's own
 * calendar day); a time, when given, also becomes the instant in UTC.
 */
#include <stdio.h>
#include <string.h>
#include "ingest/ingest-priv.h"

static const char *const month_names[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
};

/* A month name or an abbreviation of at least 3 letters ("Sept" too). */
static int month_of(const char *s, size_t n)
{
	if (n < 3)
		return 0;
	for (int m = 0; m < 12; m++) {
		size_t ml = strlen(month_names[m]);
		if (n > ml)
			continue;
		bool ok = true;
		for (size_t i = 0; i < n && ok; i++)
			ok = rc__lower((unsigned char)s[i]) == month_names[m][i];
		if (ok)
			return m + 1;
	}
	return 0;
}

static bool valid_ymd(int y, int m, int d)
{
	static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return false;
	return true;
}

typedef struct scan {
	const char *s;
	size_t n, i;
} scan;

static bool at_end(const scan *c)
{
	return c->i >= c->n;
}

static int peek(const scan *c)
{
	return c->i < c->n ? (unsigned char)c->s[c->i] : -1;
}

/* Up to max digits; -1 when there are none.  *k gets how many. */
static long digits(scan *c, int max, int *k)
{
	long v = 0;
	int got = 0;
	while (c->i < c->n && got < max && rc__is_digit((unsigned char)c->s[c->i])) {
		v = v * 10 + (c->s[c->i] - '0');
		c->i++;
		got++;
	}
	if (k)
		*k = got;
	return got ? v : -1;
}

static void spaces(scan *c)
{
	while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t'))
		c->i++;
}

/* White space, commas and periods between the parts of a written date. */
static void seps(scan *c)
{
	while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == ',' || c->s[c->i] == '.' ||
	                       c->s[c->i] == '\t'))
		c->i++;
}

static size_t word_len(const scan *c)
{
	size_t k = c->i;
	while (k < c->n && rc__is_alpha((unsigned char)c->s[k]))
		k++;
	return k - c->i;
}

static bool word_is(const scan *c, size_t len, const char *w)
{
	return len == strlen(w) && rc__eq_nocase(c->s + c->i, len, w);
}

/* Time zones by name: RFC 2822's, and the common European ones.  Others
 * ("IST" is India, Ireland and Israel) are not guessed. */
static const struct {
	const char *name;
	int minutes;
} zone_names[] = {
	{"z", 0}, {"ut", 0}, {"utc", 0}, {"gmt", 0},
	{"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
	{"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
	{"wet", 0}, {"west", 60}, {"cet", 60}, {"cest", 120}, {"eet", 120}, {"eest", 180},
};

enum { ZONE_NONE = 0, ZONE_KNOWN, ZONE_UNKNOWN };

/* A zone after a time: Z, +03:30, +0330, +03, UTC, EST...  Returns
 * ZONE_NONE when there is none, ZONE_UNKNOWN for a name not in the table
 * (the time is then not used: it would be guessed). */
static int zone(scan *c, int *minutes)
{
	size_t save = c->i;
	spaces(c);
	int ch = peek(c);
	if (ch == '+' || ch == '-') {
		int sign = ch == '-' ? -1 : 1;
		c->i++;
		int k;
		long hh = digits(c, 2, &k);
		if (k < 1 || hh > 14) {
			c->i = save;
			return ZONE_NONE;
		}
		long mm = 0;
		if (peek(c) == ':')
			c->i++;
		size_t before = c->i;
		long v = digits(c, 2, &k);
		if (k == 2 && v < 60)
			mm = v;
		else
			c->i = before;
		*minutes = sign * (int)(hh * 60 + mm);
		return ZONE_KNOWN;
	}
	size_t w = word_len(c);
	if (w >= 1 && w <= 5) {
		for (size_t z = 0; z < RC_ARRAY_LEN(zone_names); z++)
			if (word_is(c, w, zone_names[z].name)) {
				c->i += w;
				*minutes = zone_names[z].minutes;
				/* "GMT+3", "UTC-05:00" */
				int extra;
				if ((peek(c) == '+' || peek(c) == '-') && zone(c, &extra) == ZONE_KNOWN)
					*minutes += extra;
				return ZONE_KNOWN;
			}
		bool upper = w >= 2;
		for (size_t k = 0; k < w && upper; k++)
			upper = c->s[c->i + k] >= 'A' && c->s[c->i + k] <= 'Z';
		if (upper)
			return ZONE_UNKNOWN;
	}
	c->i = save;
	return ZONE_NONE;
}

/* "a.m.", "am", "AM", "p.m."...: 1 for am, 2 for pm, 0 for none. */
static int meridiem(scan *c)
{
	size_t save = c->i;
	spaces(c);
	int ch = rc__lower(peek(c));
	if (ch == 'a' || ch == 'p') {
		size_t k = c->i + 1;
		if (k < c->n && c->s[k] == '.')
			k++;
		if (k < c->n && rc__lower((unsigned char)c->s[k]) == 'm') {
			k++;
			if (k < c->n && c->s[k] == '.')
				k++;
			if (k >= c->n || !rc__is_alpha((unsigned char)c->s[k])) {
				c->i = k;
				return ch == 'a' ? 1 : 2;
			}
		}
	}
	c->i = save;
	return 0;
}

/*
 * An optional time after a date: a 'T' or white space (or ", " or " at ")
 * then HH:MM[:SS[.fraction]], an optional am/pm and an optional zone.
 * Sets *secs (seconds into the day) and *offset (minutes east of UTC);
 * returns false when there is no usable time.
 */
static bool time_of_day(scan *c, bool basic, long *secs, int *offset, bool *unknown_zone)
{
	size_t save = c->i;
	if (peek(c) == 'T' || peek(c) == 't') {
		c->i++;
	} else {
		seps(c);
		size_t w = word_len(c);
		if (word_is(c, w, "at")) {
			c->i += w;
			spaces(c);
		}
	}
	int k;
	long hh = digits(c, 2, &k), mm = -1, ss = 0;
	if (k < 1) {
		c->i = save;
		return false;
	}
	if (basic && k == 2) {
		/* 20240106T100000Z */
		mm = digits(c, 2, &k);
		if (k != 2) {
			mm = -1;
		} else {
			long v = digits(c, 2, &k);
			if (k == 2)
				ss = v;
		}
	} else if (peek(c) == ':' || peek(c) == '.') {
		c->i++;
		mm = digits(c, 2, &k);
		if (k != 2)
			mm = -1;
		if (mm >= 0 && peek(c) == ':') {
			c->i++;
			ss = digits(c, 2, &k);
			if (k != 2)
				ss = -1;
		}
	}
	if (mm < 0 || mm > 59 || ss < 0 || ss > 60) {
		c->i = save;
		return false;
	}
	if (peek(c) == '.' || peek(c) == ',') {
		/* a fraction of a second: read, not kept */
		size_t f = c->i + 1;
		if (f < c->n && rc__is_digit((unsigned char)c->s[f])) {
			c->i = f;
			while (!at_end(c) && rc__is_digit(peek(c)))
				c->i++;
		}
	}
	int ap = meridiem(c);
	if (ap) {
		if (hh < 1 || hh > 12) {
			c->i = save;
			return false;
		}
		hh = hh % 12 + (ap == 2 ? 12 : 0);
	}
	if (hh > 23) {
		c->i = save;
		return false;
	}
	int off = 0;
	int z = zone(c, &off);
	if (z == ZONE_UNKNOWN) {
		if (unknown_zone)
			*unknown_zone = true;
		c->i = save;
		return false;
	}
	if (ss == 60)
		ss = 59; /* a leap second: the instant is kept to the second before */
	*secs = hh * 3600 + mm * 60 + ss;
	*offset = off;
	return true;
}

/* The UTC instant of seconds since 1970 as "YYYY-MM-DDTHH:MM:SSZ". */
static bool format_instant(long long t, char out[21])
{
	long long days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	long secs = (long)(t - days * 86400);
	int y, m, d;
	rc__civil_from_days((long)days, &y, &m, &d);
	if (y < 1000 || y > 9999)
		return false;
	char tmp[48];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02ld:%02ld:%02ldZ", y, m, d, secs / 3600,
	         secs / 60 % 60, secs % 60);
	memcpy(out, tmp, 21);
	return true;
}

static void set_date(rc__datetime *out, int y, int m, int d)
{
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(out->date, tmp, 11);
}

/* A date; then the time that may follow it. */
static bool finish(rc__datetime *out, scan *c, int y, int m, int d, bool basic, unsigned flags)
{
	if (!valid_ymd(y, m, d))
		return false;
	set_date(out, y, m, d);
	long secs;
	int offset;
	if (!(flags & RC_DATE_NO_TIME) && time_of_day(c, basic, &secs, &offset, &out->zone_unknown)) {
		long long t = (long long)rc__days_from_civil(y, m, d) * 86400 + secs -
		              (long long)offset * 60;
		if (!format_instant(t, out->at))
			out->at[0] = '\0';
	}
	return true;
}

/* Seconds (9-10 digits) or milliseconds (12-13) since 1970, an optional
 * fraction, nothing else. */
static bool epoch(const char *s, size_t n, rc__datetime *out)
{
	size_t k = 0;
	long long v = 0;
	while (k < n && rc__is_digit((unsigned char)s[k]) && k < 14)
		v = v * 10 + (s[k++] - '0');
	size_t nd = k;
	if (k < n && s[k] == '.') {
		k++;
		while (k < n && rc__is_digit((unsigned char)s[k]))
			k++;
	}
	while (k < n && rc__is_space((unsigned char)s[k]))
		k++;
	if (k != n)
		return false;
	if (nd == 12 || nd == 13)
		v /= 1000;
	else if (nd != 9 && nd != 10)
		return false;
	if (!format_instant(v, out->at))
		return false;
	memcpy(out->date, out->at, 10);
	out->date[10] = '\0';
	return true;
}

bool rc__parse_datetime(const char *s, size_t n, unsigned flags, rc__datetime *out)
{
	memset(out, 0, sizeof *out);
	scan c = {s, n, 0};
	while (!at_end(&c) && rc__is_space(peek(&c)))
		c.i++;
	while (n > c.i && rc__is_space((unsigned char)s[n - 1]))
		n--;
	c.n = n;
	size_t start = c.i;
	int k;
	long first = digits(&c, 14, &k);

	if (first >= 0 && !(flags & RC_DATE_TEXT) && (k == 9 || k == 10 || k == 12 || k == 13) &&
	    epoch(s + start, n - start, out))
		return true;
	if (first >= 0 && k == 8) {
		/* 20240106, 20240106T100000Z */
		int y = (int)(first / 10000), m = (int)(first / 100 % 100), d = (int)(first % 100);
		if (flags & RC_DATE_TEXT)
			return false;
		return finish(out, &c, y, m, d, true, flags);
	}
	if (first >= 0 && k == 4 && (peek(&c) == '-' || peek(&c) == '/')) {
		/* 2024-01-06, 2024/1/6, 2024-01-06T10:00:00+03:30 */
		int sep = peek(&c);
		c.i++;
		long m = digits(&c, 2, NULL), d = -1;
		if (peek(&c) == sep) {
			c.i++;
			d = digits(&c, 2, NULL);
		}
		if (!at_end(&c) && rc__is_digit(peek(&c)))
			return false;
		return finish(out, &c, (int)first, (int)m, (int)d, false, flags);
	}
	if (first >= 0 && k <= 2 && (peek(&c) == '.' || peek(&c) == '/' || peek(&c) == '-')) {
		/* 06.01.2024 (day first); 01/06/2024, 01-06-2024 (month first
		 * unless the first number is over 12) */
		int sep = peek(&c);
		c.i++;
		int k2, k3;
		long second = digits(&c, 2, &k2);
		if (second < 0 || peek(&c) != sep)
			goto written;
		c.i++;
		long year = digits(&c, 4, &k3);
		if (k3 != 4 || (!at_end(&c) && rc__is_digit(peek(&c))))
			goto written;
		bool day_first = sep == '.' || first > 12;
		if (!day_first && second <= 12 && first != second)
			out->month_first_guess = true;
		long d = day_first ? first : second, m = day_first ? second : first;
		return finish(out, &c, (int)year, (int)m, (int)d, false, flags);
	}
written:
	/* Written forms, with an optional weekday: "Sat, 06 Jan 2024 10:00:00
	 * GMT", "January 6, 2024", "6 January 2024", "Jan 6 10:00:00 2024". */
	c.i = start;
	size_t w = word_len(&c);
	if (w && !month_of(s + c.i, w)) {
		c.i += w;
		seps(&c);
		w = word_len(&c);
	}
	int y = -1, m = -1, d = -1;
	if (w) {
		m = month_of(s + c.i, w);
		c.i += w;
		seps(&c);
		d = (int)digits(&c, 2, NULL);
		/* "6th", "1st", "2nd", "3rd" */
		size_t sfx = word_len(&c);
		if (sfx == 2 && (word_is(&c, 2, "st") || word_is(&c, 2, "nd") || word_is(&c, 2, "rd") ||
		                 word_is(&c, 2, "th")))
			c.i += 2;
		seps(&c);
		size_t before = c.i;
		int ky;
		y = (int)digits(&c, 4, &ky);
		if (ky != 4) {
			/* asctime: "Jan  6 10:00:00 2024" */
			c.i = before;
			long secs;
			int offset;
			scan t = c;
			if (!time_of_day(&t, false, &secs, &offset, &out->zone_unknown))
				return false;
			spaces(&t);
			y = (int)digits(&t, 4, &ky);
			if (ky != 4 || !valid_ymd(y, m, d))
				return false;
			set_date(out, y, m, d);
			if (!(flags & RC_DATE_NO_TIME) &&
			    !format_instant((long long)rc__days_from_civil(y, m, d) * 86400 + secs -
			                            (long long)offset * 60,
			                    out->at))
				out->at[0] = '\0';
			return true;
		}
	} else {
		d = (int)digits(&c, 2, NULL);
		if (peek(&c) == '-') /* RFC 850: 09-Mar-2024 */
			c.i++;
		size_t sfx = word_len(&c);
		if (sfx == 2 && (word_is(&c, 2, "st") || word_is(&c, 2, "nd") || word_is(&c, 2, "rd") ||
		                 word_is(&c, 2, "th")))
			c.i += 2;
		seps(&c);
		w = word_len(&c);
		m = month_of(s + c.i, w);
		c.i += w;
		seps(&c);
		if (peek(&c) == '-') /* RFC 850: 06-Jan-2024 */
			c.i++;
		int ky;
		y = (int)digits(&c, 4, &ky);
		if (ky != 4)
			return false;
	}
	return finish(out, &c, y, m, d, false, flags);
}

bool rc__parse_date(const char *s, size_t n, char out[11])
{
	rc__datetime dt;
	if (!rc__parse_datetime(s, n, RC_DATE_TEXT | RC_DATE_NO_TIME, &dt))
		return false;
	memcpy(out, dt.date, 11);
	return true;
}
