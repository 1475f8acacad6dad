/*
 * Numbers in and out, whatever the locale.  printf("%g") and strtod()
 * follow LC_NUMERIC: a program that calls setlocale(LC_ALL, "") under a
 * decimal-comma locale (de_DE, fr_FR, ru_RU...) would get "2,5" in JSON
 * and read "2.5" as 2.  Every number that reaches JSON, CSV, a report or
 * a message, and every number read back, goes through these functions,
 * which switch the calling thread to the "C" locale for the call
 * (uselocale(), POSIX 2008: per thread, so other threads and the
 * program's own locale are untouched).
 *
 * The "C" locale object is made once per process and never changes; if
 * newlocale() fails (it cannot for "C" in glibc), the functions fall back
 * to the current locale rather than fail.
 */
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include "core.h"

static locale_t c_locale = (locale_t)0;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void c_locale_init(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

/* Switch this thread to "C"; returns the locale to restore, or 0. */
static locale_t enter_c(void)
{
	pthread_once(&c_locale_once, c_locale_init);
	return c_locale ? uselocale(c_locale) : (locale_t)0;
}

static void leave_c(locale_t old)
{
	if (old)
		uselocale(old);
}

int rc__vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
	locale_t old = enter_c();
	int r = vsnprintf(buf, n, fmt, ap);
	leave_c(old);
	return r;
}

int rc__snprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = rc__vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

double rc__strtod(const char *s, char **end)
{
	locale_t old = enter_c();
	double v = strtod(s, end);
	leave_c(old);
	return v;
}

void rc__shortest_real(double v, char *buf, size_t n)
{
	locale_t old = enter_c();
	for (int p = 1; p <= 17; p++) {
		snprintf(buf, n, "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	leave_c(old);
}
