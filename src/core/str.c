/* Locale-independent character classes, string copies and hashing. */
#include <stdlib.h>
#include <string.h>
#include "core.h"

bool rc__eq_nocase(const char *a, size_t n, const char *b)
{
	for (size_t i = 0; i < n; i++) {
		if (!b[i] || rc__lower((unsigned char)a[i]) != rc__lower((unsigned char)b[i]))
			return false;
	}
	return b[n] == '\0';
}

const char *rc__next_word(const char **s, size_t *n)
{
	const char *p = *s;
	while (*p == ' ')
		p++;
	const char *b = p;
	while (*p && *p != ' ')
		p++;
	*s = p;
	*n = (size_t)(p - b);
	return p == b ? NULL : b;
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
	uint64_t h = RC_FNV_OFFSET ^ seed;
	for (size_t i = 0; i < n; i++)
		h = rc__fnv_step(h, s[i]);
	return rc__mix64(h);
}

uint64_t rc__hash64_nocase(const char *p, size_t n)
{
	uint64_t h = RC_FNV_OFFSET;
	for (size_t i = 0; i < n; i++)
		h = rc__fnv_step(h, rc__lower_byte((unsigned char)p[i]));
	return rc__mix64(h);
}

/* ---- open addressing ----------------------------------------------------- */

static bool slot_used(const char *slot)
{
	const void *first;
	memcpy(&first, slot, sizeof first);
	return first != NULL;
}

size_t rc__probe_free(const void *slots, size_t cap, size_t size, uint64_t h)
{
	size_t k = (size_t)h & (cap - 1);
	while (slot_used((const char *)slots + k * size))
		k = (k + 1) & (cap - 1);
	return k;
}

void *rc__probe_grow(void *slots, size_t cap, size_t new_cap, size_t size,
                     uint64_t (*hash)(const void *slot))
{
	char *ns = calloc(new_cap, size);
	if (!ns)
		return NULL;
	for (size_t i = 0; i < cap; i++) {
		const char *slot = (const char *)slots + i * size;
		if (slot_used(slot))
			memcpy(ns + rc__probe_free(ns, new_cap, size, hash(slot)) * size, slot, size);
	}
	free(slots);
	return ns;
}

/* ---- rc_strset ------------------------------------------------------------ */

static uint64_t strset_hash(const void *slot)
{
	const char *s = *(const char *const *)slot;
	return rc__hash64(s, strlen(s), 0);
}

static size_t strset_slot(const rc_strset *set, const char *s)
{
	size_t mask = set->cap - 1, i = (size_t)strset_hash(&s) & mask;
	while (set->slots[i] && strcmp(set->slots[i], s) != 0)
		i = (i + 1) & mask;
	return i;
}

const char *rc__strset_get(const rc_strset *set, const char *s)
{
	return set->cap ? set->slots[strset_slot(set, s)] : NULL;
}

bool rc__strset_has(const rc_strset *set, const char *s)
{
	return rc__strset_get(set, s) != NULL;
}

int rc__strset_add(rc_strset *set, const char *s)
{
	if (set->cap && set->slots[strset_slot(set, s)])
		return 0;
	if (2 * (set->n + 1) > set->cap) {
		/* grow to keep the load at most one half */
		size_t cap = set->cap ? 2 * set->cap : 16;
		const char **slots = rc__probe_grow(set->slots, set->cap, cap, sizeof *slots, strset_hash);
		if (!slots)
			return -1;
		set->slots = slots;
		set->cap = cap;
	}
	set->slots[strset_slot(set, s)] = s;
	set->n++;
	return 1;
}

void rc__strset_free(rc_strset *set)
{
	free(set->slots);
	*set = (rc_strset){0};
}

/* ---- dates ---------------------------------------------------------------- */

/* Up to max digits at *p into *out; false when there is none. */
static bool read_digits(const char **p, int max, int *out)
{
	int v = 0, n = 0;
	for (; n < max && **p >= '0' && **p <= '9'; n++, (*p)++)
		v = v * 10 + (**p - '0');
	if (n)
		*out = v;
	return n > 0;
}

/* Days since 1970-01-01 of "YYYY-MM-DD" (or "YYYY-MM", taken as its
 * 15th), or -1.  (Called for every pair of figures compared: no sscanf.) */
long rc__day_number(const char *d)
{
	int y, m, dd = 15;
	if (!d || !read_digits(&d, 4, &y) || *d++ != '-' || !read_digits(&d, 2, &m) || m < 1 || m > 12)
		return -1;
	if (*d == '-') {
		d++;
		if (read_digits(&d, 2, &dd) && (dd < 1 || dd > 31))
			return -1;
	}
	return rc__days_from_civil(y, m, dd);
}

long rc__days_from_civil(int y, int m, int d)
{
	/* Howard Hinnant's algorithm */
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int rc__days_in_month(int y, int m)
{
	static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : n[m - 1];
}

void rc__civil_from_days(long z, int *y, int *m, int *d)
{
	/* Howard Hinnant's algorithm, the inverse of the one above */
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

int rc__day_format(char *buf, size_t size, long z)
{
	int y, m, d;
	rc__civil_from_days(z, &y, &m, &d);
	return snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

static int cmp_size(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	return (a > b) - (a < b);
}

/* ---- an in-place sort ---------------------------------------------------------- */

static void swap_elems(unsigned char *a, unsigned char *b, size_t size)
{
	unsigned char t[64];
	memcpy(t, a, size);
	memcpy(a, b, size);
	memcpy(b, t, size);
}

#define AT(i) (base + (i) * size)

static void sift_down(unsigned char *base, size_t size, size_t root, size_t n,
                      int (*cmp)(const void *, const void *))
{
	for (;;) {
		size_t c = 2 * root + 1;
		if (c >= n)
			return;
		if (c + 1 < n && cmp(AT(c), AT(c + 1)) < 0)
			c++;
		if (cmp(AT(root), AT(c)) >= 0)
			return;
		swap_elems(AT(root), AT(c), size);
		root = c;
	}
}

static void heap_sort(unsigned char *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	for (size_t i = n / 2; i-- > 0;)
		sift_down(base, size, i, n, cmp);
	for (size_t end = n; end-- > 1;) {
		swap_elems(base, AT(end), size);
		sift_down(base, size, 0, end, cmp);
	}
}

static void intro_sort(unsigned char *base, size_t n, size_t size, int (*cmp)(const void *, const void *),
                       int depth)
{
	while (n > 16) {
		if (depth-- == 0) {
			heap_sort(base, n, size, cmp);
			return;
		}
		/* the median of the first, middle and last as the pivot, kept at 0 */
		size_t mid = n / 2, last = n - 1;
		if (cmp(AT(mid), AT(0)) < 0)
			swap_elems(AT(mid), AT(0), size);
		if (cmp(AT(last), AT(mid)) < 0) {
			swap_elems(AT(last), AT(mid), size);
			if (cmp(AT(mid), AT(0)) < 0)
				swap_elems(AT(mid), AT(0), size);
		}
		swap_elems(AT(0), AT(mid), size);
		/* Hoare partition around base[0] */
		size_t i = 0, j = n;
		for (;;) {
			do
				i++;
			while (i < n && cmp(AT(i), base) < 0);
			do
				j--;
			while (cmp(AT(j), base) > 0);
			if (i >= j)
				break;
			swap_elems(AT(i), AT(j), size);
		}
		swap_elems(base, AT(j), size);
		/* [0, j) and (j, n): recurse into the smaller, loop on the larger */
		size_t nl = j, nr = n - j - 1;
		if (nl < nr) {
			intro_sort(base, nl, size, cmp, depth);
			base = AT(j + 1);
			n = nr;
		} else {
			intro_sort(AT(j + 1), nr, size, cmp, depth);
			n = nl;
		}
	}
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0 && cmp(AT(k), AT(k - 1)) < 0; k--)
			swap_elems(AT(k), AT(k - 1), size);
}

#undef AT

void rc__sort_inplace(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n < 2)
		return;
	if (size > 64) {
		qsort(base, n, size, cmp);
		return;
	}
	int depth = 0;
	for (size_t m = n; m; m >>= 1)
		depth += 2;
	intro_sort(base, n, size, cmp, depth);
}

typedef struct index_item {
	size_t v;
	int (*cmp)(const void *ctx, size_t i, size_t j);
	const void *ctx;
} index_item;

static int cmp_index_item(const void *pa, const void *pb)
{
	const index_item *a = pa, *b = pb;
	int c = a->cmp(a->ctx, a->v, b->v);
	return c ? c : RC_CMP(a->v, b->v);
}

bool rc__sort_indices(size_t *v, size_t n, int (*cmp)(const void *ctx, size_t i, size_t j),
                      const void *ctx)
{
	if (n < 2)
		return true;
	index_item *it = malloc(n * sizeof *it);
	if (!it)
		return false;
	for (size_t i = 0; i < n; i++)
		it[i] = (index_item){v[i], cmp, ctx};
	qsort(it, n, sizeof *it, cmp_index_item);
	for (size_t i = 0; i < n; i++)
		v[i] = it[i].v;
	free(it);
	return true;
}

size_t rc__distinct_sizes(size_t *v, size_t n)
{
	rc__qsort(v, n, sizeof *v, cmp_size);
	size_t d = 0;
	for (size_t i = 0; i < n; i++)
		d += i == 0 || v[i] != v[i - 1];
	return d;
}

/* rc__byte_class: the classes of each byte (core.h). */
#define BC(c) ((((c) | 32) >= 'a' && ((c) | 32) <= 'z' ? RC_CB_ALPHA : 0) | \
               ((c) >= '0' && (c) <= '9' ? RC_CB_DIGIT : 0) | \
               ((c) >= 0x80 ? RC_CB_HIGH : 0) | ((c) >= 'a' && (c) <= 'z' ? RC_CB_LOWER : 0) | \
               ((c) >= 'A' && (c) <= 'Z' ? RC_CB_UPPER : 0))
#define BC4(c) BC(c), BC((c) + 1), BC((c) + 2), BC((c) + 3)
#define BC16(c) BC4(c), BC4((c) + 4), BC4((c) + 8), BC4((c) + 12)
#define BC64(c) BC16(c), BC16((c) + 16), BC16((c) + 32), BC16((c) + 48)
const uint8_t rc__byte_class[256] = {BC64(0), BC64(64), BC64(128), BC64(192)};
#undef BC64
#undef BC16
#undef BC4
#undef BC
