/*
 * Internal: building records.  A record made by the map step owns one
 * arena; everything hanging off it (strings, claims, mentions,
 * diagnostics) comes from that arena, so rc_record_free() is one call.
 *
 * A record read back by rc_record_reader (or compacted by a store) is one
 * piece of exactly the size it needs, packed with the next records' in
 * shared blocks (below), and its repeated strings (sources, dates,
 * metrics, event ids, ...) live in a string pool shared by every record of
 * the reader and freed with the last of them.
 */
#ifndef RC_RECORD_PRIV_H
#define RC_RECORD_PRIV_H

#include <pthread.h>
#include <recount/record.h>
#include "core/core.h"

typedef struct rc__strpool rc__strpool;
typedef struct rc__block rc__block;

struct rc_record_priv {
	union {
		rc_arena *arena;    /* a record of the map step (pool NULL) */
		rc__block *home;    /* read back: the block the record is in */
	};
	rc__strpool *pool;      /* a record read back: its interned strings */
	rc__block *side;        /* read back: the block of its signature and mentions, or NULL */
	size_t input;           /* read back: index of its input, and its line */
	size_t line;
};

/* A zeroed record with its own arena, or NULL when out of memory. */
rc_record *rc__record_new(void);

/* rc_record_free() of recs[0..n); the array itself stays the caller's. */
void rc__records_free(rc_record *const *recs, size_t n);

/* The arena of a record made by rc__record_new() (NULL for one read back:
 * those are complete and read-only). */
static inline rc_arena *rc__record_arena(rc_record *rec)
{
	return rec->priv->pool ? NULL : rec->priv->arena;
}

/*
 * Order two records by every field but seq (the position in the run that
 * wrote them): 0 when they hold the same document, the same claims and the
 * same mentions.  A total order, so that a choice between copies does not
 * depend on the order they came in.
 */
int rc__record_cmp(const rc_record *a, const rc_record *b);

/* Order two records by the identity of their document: id, path, record
 * line (NULL first); the first keys of every order of records. */
int rc__record_cmp_identity(const rc_record *a, const rc_record *b);

/* Copy the strings of a mention (type, noun, place, date, key, local_id;
 * not its names) into a, setting *nomem when out of memory (and leaving it
 * alone otherwise), as rc__arena_strdup_nomem() does. */
void rc__mention_strdup(rc_mention *m, rc_arena *a, bool *nomem);

/* ---- the string pool -------------------------------------------------------- */

/* A pool with one reference, or NULL when out of memory. */
rc__strpool *rc__strpool_new(void);
/* The pooled copy of s[0..n) (NUL-terminated), or NULL when out of memory.
 * One thread interns (the reader's or the store's) until the pool is
 * shared; from then on any thread may. */
const char *rc__strpool_intern(rc__strpool *p, const char *s, size_t n);
/* Lock the pool's tables from now on: threads will intern at once (the
 * reader's, under rc_record_reader_set_threads).  Call before they start. */
void rc__strpool_share(rc__strpool *p);
/* Take and drop references; the last drop frees the pool.  Safe from any
 * thread. */
void rc__strpool_ref(rc__strpool *p);
void rc__strpool_unref(rc__strpool *p);
/* The interning thread is done (its reader or store is being freed): the
 * table goes, the strings stay for the records that hold the pool.  A
 * later intern copies without pooling. */
void rc__strpool_seal(rc__strpool *p);
/* Bytes held (for tests and benchmarks). */
size_t rc__strpool_bytes(const rc__strpool *p);

/* ---- blocks ------------------------------------------------------------------ */

/*
 * Records read back or compacted are packed in blocks mapped on their own,
 * each record after the one before, and so is what only the event merge
 * and the near-duplicate groups read of them (their signature, their
 * mentions and the mentions' names: the side data), in blocks apart from
 * the records' (two allocators), so that dropping it
 * (rc_record_drop_merge_data(), once the reduce has merged its events and
 * made its groups) gives the memory back in large pieces.  Out of malloc's
 * heap, the records do not keep alive the holes a map step run on the same
 * thread leaves between them.  A block is freed when no record holds
 * anything in it and its allocator has moved on.
 */
#define RC__BLOCK ((size_t)1 << 20)

typedef struct rc__blockalloc {
	rc__block *cur;     /* the block being filled, or NULL */
	int each;               /* 1: a block per record (RC_ARENA_MALLOC), -1: shared; 0: not looked up */
} rc__blockalloc;

/* size bytes (8-aligned, uninitialised) in a block of a; *block is that
 * block, with a reference taken for the record (it must hold at most one
 * reference per allocator: the record itself comes from one call, all of
 * its side data from one call of another).  NULL when out of memory.  One
 * thread at a time per allocator. */
void *rc__block_alloc(rc__blockalloc *a, size_t size, rc__block **block);
/* Drop a reference to a block (from any thread); NULL does nothing. */
void rc__block_unref(rc__block *b);
/* Release the allocator's block (records keep theirs). */
void rc__blockalloc_dispose(rc__blockalloc *a);

/*
 * Side data kept once: the copies of a document (a syndicated wire copy, a
 * document given twice) have the same mentions and signature, and a
 * record whose side data equals an earlier record's shares it (about a
 * fifth of the side data of bench/gen.py's batches).  The table names
 * every block it has seen data in, with a reference to it, until it is
 * disposed; it is only ever read while records are being made.
 */
typedef struct rc__side_entry rc__side_entry;

typedef struct rc__sidetable {
	rc__side_entry *slots;  /* open addressing */
	size_t cap, n;
	pthread_mutex_t lock;
	bool shared;            /* threads intern at once: lock */
	bool off;               /* they would, and the lock could not be made: copy all */
} rc__sidetable;

/* How a table compares the side data it holds with a record's. */
typedef struct rc__side_kind {
	/* kept (an earlier record's, size bytes) equals data (size bytes)? */
	bool (*equal)(const void *kept, const void *data, size_t size, const void *ctx);
	/* copy was just made of data: rebase the pointers into itself */
	void (*rebase)(void *copy, const void *data, size_t size, const void *ctx);
} rc__side_kind;

/*
 * data[0..size) (8-aligned size, hash its hash) as side data of a record:
 * an earlier record's equal data when the table has it (*block its block,
 * with a reference taken), else a copy made in a (rc__block_alloc), which
 * the table then names.  NULL when out of memory.  Any thread, once
 * rc__sidetable_share() was called; each with its own a.
 */
const void *rc__side_intern(rc__sidetable *t, rc__blockalloc *a, const void *data, size_t size,
                            uint64_t hash, const rc__side_kind *kind, const void *ctx,
                            rc__block **block);
/* Threads will intern at once from now on.  Call before they start. */
void rc__sidetable_share(rc__sidetable *t);
/* Release the table and its references (records keep theirs). */
void rc__sidetable_dispose(rc__sidetable *t);

#endif
