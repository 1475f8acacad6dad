/*
 * Records: allocation (one arena per record of the map step, a piece of a
 * shared block per record read back or compacted), a total order over
 * their contents, and the string pool that records read back share.
 */
/* MAP_ANONYMOUS (blocks are mapped, below) */
#define _DEFAULT_SOURCE
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/mman.h>
#include <stdlib.h>
#include <string.h>
#include "record/record-json.h"
#include "record/record-priv.h"

rc_record *rc__record_new(void)
{
	rc_record *rec = calloc(1, sizeof(*rec));
	struct rc_record_priv *priv = calloc(1, sizeof(*priv));
	rc_arena *a = rc__arena_new(4096);
	if (!rec || !priv || !a) {
		free(rec);
		free(priv);
		rc__arena_free(a);
		return NULL;
	}
	priv->arena = a;
	rec->priv = priv;
	return rec;
}

void rc_record_free(rc_record *rec)
{
	if (!rec)
		return;
	free(rec->rendered);
	if (rec->priv && rec->priv->side)
		rc__block_unref(rec->priv->side);
	if (rec->priv && rec->priv->pool) {
		/* read back: the record, its private part and everything it
		 * owns are one piece of its block */
		rc__strpool_unref(rec->priv->pool);
		rc__block_unref(rec->priv->home);
		return;
	}
	if (rec->priv) {
		rc__arena_free(rec->priv->arena);
		free(rec->priv);
	}
	free(rec);
}

void rc_record_drop_merge_data(rc_record *rec)
{
	if (!rec)
		return;
	if (rec->priv && rec->priv->side) {
		rc__block_unref(rec->priv->side);
		rec->priv->side = NULL;
	}
	/* a record of the map step: they are in its arena, freed with it */
	rec->minhash = NULL;
	rec->has_signature = false;
	rec->mentions = NULL;
	rec->n_mentions = 0;
}

/* ---- blocks ----------------------------------------------------------------- */

struct rc__block {
	atomic_size_t refs;     /* records holding data here, + 1 while filled */
	size_t used, size;      /* bytes of data */
	bool mapped;            /* else malloc'd (RC_ARENA_MALLOC) */
	_Alignas(16) unsigned char data[];
};

/* A block is mapped on its own, not taken from malloc's heap.  A side
 * block there would leave, once freed, holes between the records that
 * only small allocations reuse (the reduce's large arrays and arena blocks
 * would come from new memory all the same); records there would keep
 * alive, to the end, the holes between them that a map step run on the
 * same thread leaves (report -j 1: about 10 MB at 100 MB of articles).
 * Unmapped, a block's pages go back to the system at once; pages of its
 * unused end are never touched and cost nothing. */
static rc__block *block_new(size_t size, bool mapped)
{
	size_t bytes = sizeof(rc__block) + size;
	rc__block *b;
	if (mapped) {
		void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		b = p == MAP_FAILED ? NULL : p;
	} else {
		b = malloc(bytes);
	}
	if (!b)
		return NULL;
	atomic_init(&b->refs, 1);
	b->used = 0;
	b->size = size;
	b->mapped = mapped;
	return b;
}

void *rc__block_alloc(rc__blockalloc *a, size_t size, rc__block **block)
{
	*block = NULL;
	size = (size + 7) & ~(size_t)7;
	if (!a->each)
		a->each = getenv("RC_ARENA_MALLOC") ? 1 : -1;
	if (size > RC__BLOCK / 4 || a->each > 0) {
		/* a record's own block: the current one stays for the next (with
		 * RC_ARENA_MALLOC, every record's is malloc'd alone, so that
		 * sanitizers see its bounds) */
		rc__block *b = block_new(size, a->each < 0);
		if (!b)
			return NULL;
		b->used = size;
		*block = b;
		return b->data;
	}
	if (!a->cur || a->cur->size - a->cur->used < size) {
		rc__block *b = block_new(RC__BLOCK, true);
		if (!b)
			return NULL;
		rc__blockalloc_dispose(a);
		a->cur = b;
	}
	rc__block *b = a->cur;
	void *out = b->data + b->used;
	b->used += size;
	atomic_fetch_add_explicit(&b->refs, 1, memory_order_relaxed);
	*block = b;
	return out;
}

void rc__block_unref(rc__block *b)
{
	if (!b || atomic_fetch_sub_explicit(&b->refs, 1, memory_order_acq_rel) != 1)
		return;
	if (b->mapped)
		munmap(b, sizeof *b + b->size);
	else
		free(b);
}

void rc__blockalloc_dispose(rc__blockalloc *a)
{
	rc__block_unref(a->cur);
	a->cur = NULL;
}

/* ---- side data kept once ------------------------------------------------------- */

/* 16 bytes (a table at most half full: 32 to 64 bytes a record named).
 * The data is at off in block (under RC__BLOCK, 20 bits), words
 * 8-byte words long (12 bits). */
struct rc__side_entry {
	rc__block *block;   /* NULL: free */
	uint32_t at;            /* off | words << 20 */
	uint32_t hash;
};

#define SIDE_OFF_BITS 20
/* Larger side data is copied, not named: a record's is far smaller (about
 * 600 bytes on news; at most 1,000 mentions) */
#define SIDE_WORDS_MAX ((1u << (32 - SIDE_OFF_BITS)) - 1)

_Static_assert(RC__BLOCK <= (size_t)1 << SIDE_OFF_BITS, "side offsets take 20 bits");

static void side_put(rc__side_entry *slots, size_t cap, rc__side_entry e)
{
	size_t h = e.hash & (cap - 1);
	while (slots[h].block)
		h = (h + 1) & (cap - 1);
	slots[h] = e;
}

/* Room for one more at a load of at most a half; false when out of memory
 * (the table then names no more, and nothing is lost but sharing). */
static bool side_room(rc__sidetable *t)
{
	if (2 * (t->n + 1) <= t->cap)
		return true;
	size_t cap = t->cap ? 2 * t->cap : 1024;
	rc__side_entry *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return false;
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].block)
			side_put(slots, cap, t->slots[i]);
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
	return true;
}

const void *rc__side_intern(rc__sidetable *t, rc__blockalloc *a, const void *data, size_t size,
                            uint64_t hash, const rc__side_kind *kind, const void *ctx,
                            rc__block **block)
{
	uint32_t h32 = (uint32_t)(hash ^ (hash >> 32));
	size_t words = size / 8;
	bool named = size % 8 == 0 && words <= SIDE_WORDS_MAX && !t->off;
	if (t->shared)
		pthread_mutex_lock(&t->lock);
	for (size_t i = t->cap ? h32 & (t->cap - 1) : 0; named && t->cap && t->slots[i].block;
	     i = (i + 1) & (t->cap - 1)) {
		const rc__side_entry *e = &t->slots[i];
		if (e->hash != h32 || e->at >> SIDE_OFF_BITS != words)
			continue;
		const void *kept = e->block->data + (e->at & ((1u << SIDE_OFF_BITS) - 1));
		if (kind->equal(kept, data, size, ctx)) {
			atomic_fetch_add_explicit(&e->block->refs, 1, memory_order_relaxed);
			*block = e->block;
			if (t->shared)
				pthread_mutex_unlock(&t->lock);
			return kept;
		}
	}
	unsigned char *copy = rc__block_alloc(a, size, block);
	if (copy) {
		memcpy(copy, data, size);
		kind->rebase(copy, data, size, ctx);
		size_t off = (size_t)(copy - (*block)->data);
		if (named && off < (size_t)1 << SIDE_OFF_BITS && side_room(t)) {
			atomic_fetch_add_explicit(&(*block)->refs, 1, memory_order_relaxed);
			side_put(t->slots, t->cap,
			         (rc__side_entry){*block, (uint32_t)(off | words << SIDE_OFF_BITS), h32});
			t->n++;
		}
	}
	if (t->shared)
		pthread_mutex_unlock(&t->lock);
	return copy;
}

void rc__sidetable_share(rc__sidetable *t)
{
	if (t->shared || t->off)
		return;
	if (pthread_mutex_init(&t->lock, NULL) == 0)
		t->shared = true;
	else
		t->off = true;
}

void rc__sidetable_dispose(rc__sidetable *t)
{
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].block)
			rc__block_unref(t->slots[i].block);
	free(t->slots);
	if (t->shared)
		pthread_mutex_destroy(&t->lock);
	memset(t, 0, sizeof *t);
}

/* ---- order ------------------------------------------------------------------ */

static int cmp_pos(const rc_pos *a, const rc_pos *b)
{
	int c;
	if ((c = RC_CMP(a->start, b->start)) || (c = RC_CMP(a->end, b->end)) ||
	    (c = RC_CMP(a->line, b->line)) || (c = RC_CMP(a->column, b->column)))
		return c;
	return 0;
}

static int cmp_interval(const rc_interval *a, const rc_interval *b)
{
	int c;
	if ((c = RC_CMP(a->lo_inf, b->lo_inf)) || (c = RC_CMP(a->hi_inf, b->hi_inf)))
		return c;
	if (!a->lo_inf && ((c = rc__cmp_double(a->lo, b->lo)) || (c = RC_CMP(a->lo_incl, b->lo_incl))))
		return c;
	if (!a->hi_inf && ((c = rc__cmp_double(a->hi, b->hi)) || (c = RC_CMP(a->hi_incl, b->hi_incl))))
		return c;
	return 0;
}

/* Two arrays of n strings, element by element. */
static int cmp_strs(const char *const *a, const char *const *b, size_t n)
{
	int c;
	for (size_t i = 0; i < n; i++)
		if ((c = rc__strcmp0(a[i], b[i])))
			return c;
	return 0;
}

uint64_t rc__field_num(const void *obj, const rc__field *f)
{
	const char *at = (const char *)obj + f->off;
	switch (f->kind) {
	case RC_FIELD_U32:
		return *(const uint32_t *)at;
	case RC_FIELD_SEVERITY:
		return (uint64_t)*(const rc_severity *)at;
	case RC_FIELD_STATUS:
		return (uint64_t)*(const rc_status *)at;
	default:
		return *(const size_t *)at;
	}
}

int rc__fields_cmp(const void *a, const void *b, const rc__field *fields, size_t n)
{
	const char *x = a, *y = b;
	int c = 0;
	for (const rc__field *f = fields; f < fields + n && !c; f++) {
#define AT(o, type) (*(const type *)((o) + f->off))
		switch (f->kind) {
		case RC_FIELD_STR:
			c = rc__strcmp0(AT(x, char *), AT(y, char *));
			break;
		case RC_FIELD_STRS: {
			size_t nx = *(const size_t *)(x + f->count), ny = *(const size_t *)(y + f->count);
			if (!(c = RC_CMP(nx, ny)))
				c = cmp_strs(AT(x, char **), AT(y, char **), nx);
			break;
		}
		default:
			c = RC_CMP(rc__field_num(x, f), rc__field_num(y, f));
			break;
		}
#undef AT
	}
	return c;
}

static int cmp_claim(const rc_claim *a, const rc_claim *b)
{
	int c;
	const rc_quantity *x = &a->q, *y = &b->q;
	if ((c = rc__strcmp0(a->metric, b->metric)) || (c = rc__strcmp0(a->subject, b->subject)) ||
	    (c = rc__strcmp0(a->trigger, b->trigger)) || (c = rc__strcmp0(a->text, b->text)) ||
	    (c = RC_CMP(x->kind, y->kind)) || (c = cmp_interval(&x->iv, &y->iv)) ||
	    (c = rc__cmp_double(x->value, y->value)) || (c = RC_CMP(x->approx, y->approx)) ||
	    (c = RC_CMP(x->vague, y->vague)) || (c = rc__strcmp0(x->qualifier, y->qualifier)) ||
	    (c = RC_CMP(x->start, y->start)) || (c = RC_CMP(x->end, y->end)) ||
	    (c = RC_CMP(x->num_start, y->num_start)) || (c = RC_CMP(x->num_end, y->num_end)) ||
	    (c = RC_CMP(a->status, b->status)) || (c = rc__strcmp0(a->attribution, b->attribution)) ||
	    (c = rc__strcmp0(a->quote, b->quote)) || (c = cmp_pos(&a->pos, &b->pos)) ||
	    (c = cmp_pos(&a->sentence, &b->sentence)) || (c = RC_CMP(a->file_line, b->file_line)) ||
	    (c = RC_CMP(a->parent, b->parent)) || (c = RC_CMP(a->mention, b->mention)) ||
	    (c = RC_CMP(a->n_mentions, b->n_mentions)) || (c = rc__strcmp0(a->event, b->event)) ||
	    (c = RC_CMP(a->n_events, b->n_events)) || (c = RC_CMP(a->in_title, b->in_title)) ||
	    (c = rc__strcmp0(a->part, b->part)) || (c = RC_CMP(a->background, b->background)) ||
	    (c = RC_CMP(a->year, b->year)))
		return c;
	for (size_t i = 0; i < a->n_mentions; i++)
		if ((c = RC_CMP(a->mentions[i], b->mentions[i])))
			return c;
	return cmp_strs(a->events, b->events, a->n_events);
}

void rc__records_free(rc_record *const *recs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rc_record_free(recs[i]);
}

void rc__mention_strdup(rc_mention *m, rc_arena *a, bool *nomem)
{
	m->type = rc__arena_strdup_nomem(a, m->type, nomem);
	m->noun = rc__arena_strdup_nomem(a, m->noun, nomem);
	m->place = rc__arena_strdup_nomem(a, m->place, nomem);
	m->date = rc__arena_strdup_nomem(a, m->date, nomem);
	m->key = rc__arena_strdup_nomem(a, m->key, nomem);
	m->local_id = rc__arena_strdup_nomem(a, m->local_id, nomem);
}

int rc__record_cmp_identity(const rc_record *a, const rc_record *b)
{
	int c;
	if ((c = rc__strcmp0(a->doc, b->doc)) || (c = rc__strcmp0(a->path, b->path)))
		return c;
	return RC_CMP(a->record_line, b->record_line);
}

int rc__record_cmp(const rc_record *a, const rc_record *b)
{
	int c;
	if ((c = rc__strcmp0(a->doc, b->doc)) || (c = rc__strcmp0(a->path, b->path)) ||
	    (c = RC_CMP(a->record_line, b->record_line)) || (c = rc__strcmp0(a->source, b->source)) ||
	    (c = rc__strcmp0(a->url, b->url)) || (c = rc__strcmp0(a->published, b->published)) ||
	    (c = rc__strcmp0(a->title, b->title)) || (c = RC_CMP(a->bytes, b->bytes)) ||
	    (c = RC_CMP(a->status, b->status)) || (c = rc__strcmp0(a->reason, b->reason)) ||
	    (c = RC_CMP(a->n_diags, b->n_diags)) || (c = RC_CMP(a->has_signature, b->has_signature)) ||
	    (c = RC_CMP(a->n_mentions, b->n_mentions)) || (c = RC_CMP(a->n_claims, b->n_claims)))
		return c;
	for (size_t i = 0; i < a->n_diags; i++)
		if ((c = rc__fields_cmp(&a->diags[i], &b->diags[i], rc__diag_fields,
		                        rc__n_diag_fields)))
			return c;
	if (a->has_signature && (c = memcmp(a->minhash, b->minhash, RC_MINHASH_K * sizeof *a->minhash)))
		return c;
	for (size_t i = 0; i < a->n_mentions; i++)
		if ((c = rc__fields_cmp(&a->mentions[i], &b->mentions[i], rc__mention_fields,
		                        rc__n_mention_fields)))
			return c;
	for (size_t i = 0; i < a->n_claims; i++)
		if ((c = cmp_claim(&a->claims[i], &b->claims[i])))
			return c;
	return 0;
}

/* ---- the string pool ---------------------------------------------------------- */

/*
 * Open addressing over (hash, string) with the characters in an arena.
 * The table doubles at three quarters full (at half full, the tables of
 * the 100 MB bench batch's 182,376 strings took 8.4 MB at the read's peak,
 * now 4.2); a string is never removed, so the pool
 * only grows with distinct strings: outlets, dates, metrics, event ids,
 * figures as written.
 *
 * The pool is POOL_SHARDS such tables, a string's chosen by the top bits of
 * its hash, each with its own lock, taken only once the pool is shared
 * (rc__strpool_share: the reader's threads intern at once).  A string is
 * still in one table only, so it is pooled once whichever thread comes
 * first; the tables also grow one sixteenth at a time.
 */
#define POOL_SHARDS 16
#define POOL_SHARD_BITS 4

typedef struct pool_slot {
	const char *s;     /* NULL: empty */
	uint32_t len;
	uint32_t hash;
} pool_slot;

typedef struct pool_shard {
	pthread_mutex_t lock;
	rc_arena *chars;
	pool_slot *slots;
	size_t cap, n;
} pool_shard;

struct rc__strpool {
	atomic_size_t refs;
	bool shared;
	pool_shard shard[POOL_SHARDS];
};

static void pool_free(rc__strpool *p)
{
	for (size_t i = 0; i < POOL_SHARDS; i++) {
		pthread_mutex_destroy(&p->shard[i].lock);
		rc__arena_free(p->shard[i].chars);
		free(p->shard[i].slots);
	}
	free(p);
}

rc__strpool *rc__strpool_new(void)
{
	rc__strpool *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	bool ok = true;
	for (size_t i = 0; i < POOL_SHARDS; i++) {
		pool_shard *h = &p->shard[i];
		pthread_mutex_init(&h->lock, NULL);
		h->chars = rc__arena_new(4096);
		h->cap = 64;
		h->slots = calloc(h->cap, sizeof *h->slots);
		ok &= h->chars && h->slots;
	}
	if (!ok) {
		pool_free(p);
		return NULL;
	}
	atomic_init(&p->refs, 1);
	return p;
}

void rc__strpool_share(rc__strpool *p)
{
	p->shared = true;
}

void rc__strpool_ref(rc__strpool *p)
{
	atomic_fetch_add_explicit(&p->refs, 1, memory_order_relaxed);
}

void rc__strpool_unref(rc__strpool *p)
{
	if (!p || atomic_fetch_sub_explicit(&p->refs, 1, memory_order_acq_rel) != 1)
		return;
	pool_free(p);
}

void rc__strpool_seal(rc__strpool *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < POOL_SHARDS; i++) {
		free(p->shard[i].slots);
		p->shard[i].slots = NULL;
		p->shard[i].cap = p->shard[i].n = 0;
	}
}

size_t rc__strpool_bytes(const rc__strpool *p)
{
	size_t n = 0;
	for (size_t i = 0; p && i < POOL_SHARDS; i++)
		n += rc__arena_used(p->shard[i].chars) + p->shard[i].cap * sizeof(pool_slot);
	return n;
}

static uint64_t pool_slot_hash(const void *slot)
{
	return ((const pool_slot *)slot)->hash;
}

static bool pool_grow(pool_shard *h)
{
	size_t cap = h->cap * 2;
	pool_slot *slots = rc__probe_grow(h->slots, h->cap, cap, sizeof *slots, pool_slot_hash);
	if (!slots)
		return false;
	h->slots = slots;
	h->cap = cap;
	return true;
}

/* The pooled copy of s[0..n) with hash h in one table (its lock held when shared). */
static const char *shard_intern(pool_shard *t, const char *s, size_t n, uint32_t h)
{
	if (!t->cap)
		return rc__arena_strndup(t->chars, s, n);   /* sealed: kept apart */
	size_t k = h & (t->cap - 1);
	for (; t->slots[k].s; k = (k + 1) & (t->cap - 1))
		if (t->slots[k].hash == h && t->slots[k].len == n && memcmp(t->slots[k].s, s, n) == 0)
			return t->slots[k].s;
	char *copy = rc__arena_strndup(t->chars, s, n);
	if (!copy)
		return NULL;
	t->slots[k] = (pool_slot){copy, (uint32_t)n, h};
	if (++t->n * 4 > t->cap * 3 && !pool_grow(t))
		return NULL;
	return copy;
}

const char *rc__strpool_intern(rc__strpool *p, const char *s, size_t n)
{
	/* too long to pool: kept apart (in the first table's characters) */
	uint32_t h = n > UINT32_MAX ? 0 : (uint32_t)rc__hash64(s, n, 0);
	pool_shard *t = &p->shard[h >> (32 - POOL_SHARD_BITS)];
	if (p->shared)
		pthread_mutex_lock(&t->lock);
	const char *out = n > UINT32_MAX ? rc__arena_strndup(t->chars, s, n)
	                                 : shard_intern(t, s, n, h);
	if (p->shared)
		pthread_mutex_unlock(&t->lock);
	return out;
}
