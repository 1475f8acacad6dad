/* Locale-independent character classes, string copies and hashing. */
#include <stdlib.h>
#include <string.h>
#include "core.h"

bool rc__is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool rc__is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool rc__is_digit(int c)
{
	return c >= '0' && c <= '9';
}

bool rc__is_alnum(int c)
{
	return rc__is_alpha(c) || rc__is_digit(c);
}

int rc__lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

bool rc__eq_nocase(const char *a, size_t n, const char *b)
{
	for (size_t i = 0; i < n; i++) {
		if (!b[i] || rc__lower((unsigned char)a[i]) != rc__lower((unsigned char)b[i]))
			return false;
	}
	return b[n] == '\0';
}

char *rc__strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *rc__strdup(const char *s)
{
	return s ? rc__strndup(s, strlen(s)) : NULL;
}

uint64_t rc__hash64(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ull ^ seed;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ull;
	}
	return rc__mix64(h);
}

uint64_t rc__mix64(uint64_t x)
{
	/* splitmix64 finaliser */
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	x ^= x >> 31;
	return x;
}
