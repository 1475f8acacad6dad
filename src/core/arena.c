/*
 * A bump allocator: each document (and each record) owns one, so freeing a
 * document is one call however many strings and claims it made.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core.h"

#define ALIGN 16u

typedef struct block {
	struct block *next;
	size_t size, used;
	/* data follows, aligned */
} block;

struct rc_arena {
	block *head;
	size_t next_size;
	size_t max_size;       /* blocks grow up to this */
	size_t used;
	bool malloc_each;      /* RC_ARENA_MALLOC: one malloc per allocation */
	void **singles;        /* allocations made in malloc_each mode */
	size_t n_singles, cap_singles;
};

#define HDR ((sizeof(block) + ALIGN - 1) & ~(size_t)(ALIGN - 1))

rc_arena *rc__arena_new(size_t first_block)
{
	rc_arena *a = calloc(1, sizeof(*a));
	if (!a)
		return NULL;
	a->next_size = first_block ? first_block : 4096;
	a->max_size = (size_t)1 << 24;
	a->malloc_each = getenv("RC_ARENA_MALLOC") != NULL;
	return a;
}

void rc__arena_free(rc_arena *a)
{
	if (!a)
		return;
	for (block *b = a->head, *n; b; b = n) {
		n = b->next;
		free(b);
	}
	for (size_t i = 0; i < a->n_singles; i++)
		free(a->singles[i]);
	free(a->singles);
	free(a);
}

static void *alloc_single(rc_arena *a, size_t size)
{
	if (RC_GROW(a->singles, a->cap_singles, a->n_singles + 1) != RC_OK)
		return NULL;
	void *p = malloc(size ? size : 1);
	if (p)
		a->singles[a->n_singles++] = p;
	return p;
}

/* size bytes at an offset aligned to align (16, or 1 for characters). */
static void *arena_get(rc_arena *a, size_t size, size_t align)
{
	if (size > SIZE_MAX / 2)
		return NULL;
	a->used += size;
	if (a->malloc_each)
		return alloc_single(a, size);
	size_t need = (size + align - 1) & ~(align - 1);
	block *b = a->head;
	size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
	if (b && (at > b->size || b->size - at < need) && need >= a->next_size / 4) {
		/* A large allocation gets a block of its own, kept behind the
		 * current one: the free end of the current block stays in use
		 * for small allocations, and the next block does not double
		 * for it (a reduce's arrays of claims would leave blocks of
		 * megabytes mostly empty). */
		block *own = malloc(HDR + need);
		if (!own)
			return NULL;
		own->size = own->used = need;
		own->next = b->next;
		b->next = own;
		return (char *)own + HDR;
	}
	if (!b || at > b->size || b->size - at < need) {
		size_t bs = a->next_size;
		while (bs < need)
			bs *= 2;
		b = malloc(HDR + bs);
		if (!b)
			return NULL;
		b->size = bs;
		b->used = 0;
		at = 0;
		/* Keep the fuller block out of the way: new small allocations
		 * go to the newest block, which is the largest. */
		b->next = a->head;
		a->head = b;
		if (a->next_size < a->max_size)
			a->next_size *= 2;
	}
	void *p = (char *)b + HDR + at;
	b->used = at + need;
	return p;
}

void *rc__arena_alloc(rc_arena *a, size_t size)
{
	return arena_get(a, size, ALIGN);
}

/* Characters need no alignment: strings are packed (a string padded to 16
 * bytes wasted 7.5 of them on average). */
static char *arena_chars(rc_arena *a, size_t size)
{
	return arena_get(a, size, 1);
}

void *rc__arena_calloc(rc_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	void *p = rc__arena_alloc(a, n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

char *rc__arena_strndup(rc_arena *a, const char *s, size_t n)
{
	if (!s)
		return NULL;
	char *p = arena_chars(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *rc__arena_strdup(rc_arena *a, const char *s)
{
	return s ? rc__arena_strndup(a, s, strlen(s)) : NULL;
}

char *rc__arena_strdup_nomem(rc_arena *a, const char *s, bool *nomem)
{
	char *t = rc__arena_strdup(a, s);
	if (s && !t)
		*nomem = true;
	return t;
}

char *rc__arena_printf(rc_arena *a, const char *fmt, ...)
{
	/* most results are short: one formatting pass into a buffer on the
	 * stack, copied; a longer one is formatted again into its room */
	char small[256];
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = rc__vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	char *p = NULL;
	if (n >= 0 && (size_t)n < sizeof small)
		p = rc__arena_strndup(a, small, (size_t)n);
	else if (n >= 0 && (p = arena_chars(a, (size_t)n + 1)) != NULL)
		rc__vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}

size_t rc__arena_used(const rc_arena *a)
{
	return a ? a->used : 0;
}

void rc__arena_cap_blocks(rc_arena *a, size_t max)
{
	a->max_size = max;
	if (a->next_size > max)
		a->next_size = max;
}

bool rc__arena_adopt(rc_arena *dst, rc_arena *src)
{
	if (!src)
		return true;
	if (src->n_singles) {
		if (RC_GROW(dst->singles, dst->cap_singles, dst->n_singles + src->n_singles) != RC_OK)
			return false;
		memcpy(dst->singles + dst->n_singles, src->singles, src->n_singles * sizeof *src->singles);
		dst->n_singles += src->n_singles;
	}
	/* src's blocks go behind dst's current one, which stays current */
	if (src->head) {
		block *tail = src->head;
		while (tail->next)
			tail = tail->next;
		if (dst->head) {
			tail->next = dst->head->next;
			dst->head->next = src->head;
		} else {
			dst->head = src->head;
		}
	}
	dst->used += src->used;
	free(src->singles);
	free(src);
	return true;
}
