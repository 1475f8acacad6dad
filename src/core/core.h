/*
 * Shared internals: arena, growable buffers with a size cap, UTF-8 helpers,
 * error helpers.  Not installed; every stage may include it.
 */
#ifndef RC_CORE_H
#define RC_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <recount/status.h>
#include <recount/interval.h>
#include <recount/text.h>

#if defined(__GNUC__)
#define RC_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define RC_UNUSED __attribute__((unused))
#else
#define RC_PRINTF(a, b)
#define RC_UNUSED
#endif

#define RC_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
/* -1, 0 or 1 as x is below, equal to or above y: one key of a qsort
 * comparator, for integers and pointers (not doubles: a NaN would compare
 * equal).  Evaluates its arguments twice. */
#define RC_CMP(x, y) (((x) > (y)) - ((x) < (y)))
/* A qsort comparator `static int name(const void *, const void *)` over
 * type, by its member k1, then k2 (then k3), each compared with RC_CMP. */
#define RC_CMP_FN2(name, type, k1, k2)                                    \
	static int name(const void *pa, const void *pb)                   \
	{                                                                 \
		const type *a = pa, *b = pb;                              \
		int c = RC_CMP(a->k1, b->k1);                             \
		return c ? c : RC_CMP(a->k2, b->k2);                      \
	}
#define RC_CMP_FN3(name, type, k1, k2, k3)                                \
	static int name(const void *pa, const void *pb)                   \
	{                                                                 \
		const type *a = pa, *b = pb;                              \
		int c = RC_CMP(a->k1, b->k1);                             \
		if (!c)                                                   \
			c = RC_CMP(a->k2, b->k2);                         \
		return c ? c : RC_CMP(a->k3, b->k3);                      \
	}

/* ---- errors ---------------------------------------------------------- */

/* Fill err (when non-NULL) and return st. */
rc_status rc__error_set(rc_error *err, rc_status st, const char *fmt, ...) RC_PRINTF(3, 4);
/* Same, with a path, 1-based line (0 unknown), column, byte offset ((size_t)-1 unknown). */
rc_status rc__error_at(rc_error *err, rc_status st, const char *path, size_t line,
                       size_t column, size_t offset, const char *fmt, ...) RC_PRINTF(7, 8);
void rc__error_clear(rc_error *err);
/* names[v], or unknown when v is outside names[0..n) or names[v] is NULL:
 * the body of every rc_<enum>_str(), over a table indexed by the enum. */
const char *rc__name_of(const char *const *names, size_t n, size_t v, const char *unknown);
/* Copy s[0..n) into dst[size] whole, or cut at a character boundary and
 * ending in U+2026 when it does not fit; returns the length written. */
size_t rc__fit(char *dst, size_t size, const char *s, size_t n);

/* ---- versioned option structs ------------------------------------------ */

/*
 * Every public options struct begins with `unsigned version` and has an
 * RC_<NAME>_OPTIONS_INIT macro and an rc_<name>_options_init() function
 * (libgit2's pattern; docs/architecture.md, "Versions").
 *
 * rc__options_check: RC_ERR_INVALID naming the struct (name) when version
 * is not one this library knows, 1 to max (0: a struct zeroed rather than
 * started from its INIT).
 * rc__options_init: the body of every rc_<name>_options_init(): checks
 * version, copies init (the INIT value, size bytes) into o and sets o's
 * version member (its first) to version.
 */
rc_status rc__options_check(const char *name, unsigned version, unsigned max, rc_error *err);
rc_status rc__options_init(void *o, size_t size, const void *init, const char *name, unsigned version,
                           unsigned max, rc_error *err);

/* The tolerance of approximate figures a caller's value stands for: t
 * itself in (0, 1), else RC_APPROX_TOLERANCE_DEFAULT.  Every default of
 * the tolerance is taken here. */
double rc__tolerance_resolve(double t);

/* ---- numbers, whatever the locale ------------------------------------ */

/*
 * vsnprintf, snprintf and strtod in the "C" locale for this call only
 * (cnum.c): "2.5", never "2,5", whatever setlocale() the program made.
 * Use them for every number that reaches output or is read from input.
 */
int rc__vsnprintf(char *buf, size_t n, const char *fmt, va_list ap) RC_PRINTF(3, 0);
int rc__snprintf(char *buf, size_t n, const char *fmt, ...) RC_PRINTF(3, 4);
double rc__strtod(const char *s, char **end);
/* The shortest "%.*g" (1 to 17 digits) that reads back as v. */
void rc__shortest_real(double v, char *buf, size_t n);

/* ---- arena ------------------------------------------------------------ */

/*
 * Many small allocations, one free.  Blocks grow geometrically.  When the
 * environment variable RC_ARENA_MALLOC is set, every allocation goes to
 * malloc() separately so that sanitizers and valgrind see each one.
 */
typedef struct rc_arena rc_arena;

rc_arena *rc__arena_new(size_t first_block);
void rc__arena_free(rc_arena *a);
void *rc__arena_alloc(rc_arena *a, size_t size);          /* 16-byte aligned, uninitialised */
void *rc__arena_calloc(rc_arena *a, size_t n, size_t size);
/* Strings (strdup, strndup, printf) are packed, not aligned. */
char *rc__arena_strdup(rc_arena *a, const char *s);        /* NULL stays NULL */
/* The same, setting *nomem when out of memory (and leaving it alone
 * otherwise), for a run of copies checked once at its end. */
char *rc__arena_strdup_nomem(rc_arena *a, const char *s, bool *nomem);
char *rc__arena_strndup(rc_arena *a, const char *s, size_t n);
char *rc__arena_printf(rc_arena *a, const char *fmt, ...) RC_PRINTF(2, 3);
size_t rc__arena_used(const rc_arena *a);
/* Blocks of a grow up to max bytes (default 16 MiB): an arena that ends
 * its work with a block partly empty then wastes at most that much. */
void rc__arena_cap_blocks(rc_arena *a, size_t max);
/* Move everything src holds into dst, which frees it with its own, and
 * free src: true.  False (out of memory in RC_ARENA_MALLOC mode) leaves
 * both as they were.  dst goes on allocating where it was. */
bool rc__arena_adopt(rc_arena *dst, rc_arena *src);

/* ---- growable byte buffer -------------------------------------------- */

typedef struct rc_buf {
	char *data;      /* always NUL-terminated when non-NULL */
	size_t len, cap;
	size_t max;      /* 0 = no cap; appends past it fail with RC_ERR_LIMIT */
} rc_buf;

void rc__buf_init(rc_buf *b, size_t max);
void rc__buf_dispose(rc_buf *b);
/*
 * The one file loader: the whole of path into b (initialised here; data is
 * NUL-terminated, or NULL for an empty file; dispose it whatever the
 * result), at most max bytes.  Errors
 * name the file and what it is ("rules", "events file"): RC_ERR_IO when
 * it cannot be opened or read, RC_ERR_LIMIT over max, RC_ERR_NOMEM.
 */
rc_status rc__file_load(rc_buf *b, const char *path, size_t max, const char *what,
                        rc_error *err);
/* A parser of a whole text (len bytes, NUL-terminated, "" for an empty
 * file) read from path, into user. */
typedef rc_status (*rc__text_fn)(void *user, const char *text, size_t len, const char *path,
                                 rc_error *err);
/* rc__file_load() then, when it succeeded, parse over the text: every
 * *_load_file() of a table the user gives in a file. */
rc_status rc__file_parse(const char *path, size_t max, const char *what, rc__text_fn parse,
                         void *user, rc_error *err);
void rc__buf_reset(rc_buf *b);
rc_status rc__buf_reserve(rc_buf *b, size_t extra);
/* Appends; the common case (room left, under the cap) inline, for writers
 * that append a few bytes at a time. */
rc_status rc__buf_append_slow(rc_buf *b, const void *p, size_t n);
static inline rc_status rc__buf_append(rc_buf *b, const void *p, size_t n)
{
	if (n < b->cap - b->len && (!b->max || n <= b->max - b->len)) {
		if (n)
			memcpy(b->data + b->len, p, n);
		b->len += n;
		b->data[b->len] = '\0';
		return RC_OK;
	}
	return rc__buf_append_slow(b, p, n);
}
static inline rc_status rc__buf_putc(rc_buf *b, char c)
{
	if (1 < b->cap - b->len && (!b->max || b->len < b->max)) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return RC_OK;
	}
	return rc__buf_append_slow(b, &c, 1);
}
rc_status rc__buf_puts(rc_buf *b, const char *s);
rc_status rc__buf_printf(rc_buf *b, const char *fmt, ...) RC_PRINTF(2, 3);
/* Hand the data to the caller (free() it) and reset the buffer. */
char *rc__buf_steal(rc_buf *b, size_t *len);

/* ---- growable arrays --------------------------------------------------- */

/* Ensure *items has room for need elements of size sz; doubles capacity.
 * RC_GROW tests the room inline (it is there nearly always) and evaluates
 * need twice. */
rc_status rc__grow(void **items, size_t *cap, size_t need, size_t sz);
#define RC_GROW(arr, cap, need) \
	((size_t)(need) <= (cap) ? RC_OK : rc__grow((void **)&(arr), &(cap), (need), sizeof(*(arr))))
/* RC_GROW for the token arrays the map step fills again for every
 * sentence of every document: the first allocation is 1 KiB (the largest
 * block glibc's per-thread cache keeps) rather than eight elements, so
 * that a sentence of ordinary length needs no second one. */
#define RC_GROW_FIRST_BYTES 1024
#define RC_GROW_FIRST(arr, cap, need)                                                        \
	((size_t)(need) <= (cap)                                                               \
	         ? RC_OK                                                                       \
	         : rc__grow((void **)&(arr), &(cap),                                           \
	                    (size_t)(need) > RC_GROW_FIRST_BYTES / sizeof(*(arr))              \
	                            ? (size_t)(need)                                           \
	                            : RC_GROW_FIRST_BYTES / sizeof(*(arr)),                    \
	                    sizeof(*(arr))))

/* ---- ordering --------------------------------------------------------- */

/* strcmp() with NULL first, for comparators: chained with RC_CMP as
 * (c = RC_CMP(..)) || (c = rc__strcmp0(..)), a comparison by several keys
 * reads as the list of its keys. */
static inline int rc__strcmp0(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* A total order of doubles: NaN first, then by value (-0 and 0 equal), so
 * that sorting is well defined whatever a figure holds. */
static inline int rc__cmp_double(double a, double b)
{
	if (isnan(a) || isnan(b))
		return isnan(b) - isnan(a);
	return (a > b) - (a < b);
}

/* ---- union-find over indices ------------------------------------------ */

/* The root of i's set (paths halved on the way).  parent[i] == i for a
 * root; start every index as its own root. */
static inline size_t rc__uf_find(size_t *parent, size_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

/* Join the sets of a and b; the smaller root index represents the union
 * (so roots follow the indices' canonical order, whatever the order of
 * the unions).  Returns that root. */
static inline size_t rc__uf_union(size_t *parent, size_t a, size_t b)
{
	a = rc__uf_find(parent, a);
	b = rc__uf_find(parent, b);
	if (a < b)
		parent[b] = a;
	else if (b < a)
		parent[a] = b;
	return a < b ? a : b;
}

/* ---- UTF-8 ------------------------------------------------------------ */

/*
 * Decode one code point at s[0..n).  Returns its length (1..4) and stores
 * the code point, or returns 0 for an invalid or truncated sequence
 * (overlongs, surrogates and values past U+10FFFF are invalid).
 */
size_t rc__utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Encode cp into out (4 bytes room); returns its length. */
size_t rc__utf8_encode(uint32_t cp, char *out);
/* Number of code points in s[0..n), counting each invalid byte as one. */
size_t rc__utf8_count(const char *s, size_t n);
/* True when s[0..n) is valid UTF-8. */
bool rc__utf8_valid(const char *s, size_t n);

/*
 * The plain ASCII form of a typographic character used when matching:
 * curly quotes -> ' or ", dashes -> -, no-break and other spaces -> ' ',
 * ellipsis -> '.', fraction slash -> '/'.  Returns 0 when cp has none.
 */
char rc__utf8_plain(uint32_t cp);

/*
 * Unicode, through utf8proc (the rules of Unicode 15, not hand-made):
 * rc__utf8_nfc writes the NFC form of s[0..n) to out (reset first) and sets
 * *changed, or leaves out alone and *changed false when s is already NFC,
 * which is the common case and costs one pass; only the runs around
 * combining marks and precomposed letters go through utf8proc.
 * rc__utf8_nfc_unstable is its per-character test (exposed for tests).
 */
rc_status rc__utf8_nfc(const char *s, size_t n, rc_buf *out, bool *changed);
bool rc__utf8_nfc_unstable(uint32_t cp);
/* Unicode case folding (full, with NFC): "BOGOTÁ" -> "bogotá", "Straße" ->
 * "strasse", into the arena.  Not UTF-8: ASCII letters are lowered only. */
char *rc__utf8_casefold(rc_arena *a, const char *s, size_t n);
/* Compare two NUL-terminated strings by their case-folded forms, as
 * strcasecmp() does for ASCII: "Bogotá" equals "BOGOTÁ". */
int rc__utf8_casecmp(const char *a, const char *b);
/*
 * Terminal columns of s[0..n) as it is (rc__cp_width per code point, 1 for
 * each invalid byte; rc_text_width measures text after cleaning).
 * rc__utf8_width_fit counts up to max_cols and stores in *bytes (may be
 * NULL) how many bytes fit, never splitting a character from its
 * combining marks: for cutting and wrapping to a width.
 */
size_t rc__utf8_width(const char *s, size_t n);
size_t rc__utf8_width_fit(const char *s, size_t n, size_t max_cols, size_t *bytes);

/* qsort() that accepts an empty array with a NULL base (qsort itself may
 * not be passed NULL, even with no elements). */
static inline void rc__qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

/* An in-place sort (introsort) for the reduce's large arrays: glibc's
 * qsort() is a merge sort that mallocs a copy of the array, which doubles
 * the array at the peak.  Not stable: only for comparators that are total
 * orders, or whose ties are interchangeable.  Elements of at most 64
 * bytes. */
void rc__sort_inplace(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* Sort the indices v[0..n) by cmp(ctx, i, j) of the items they index
 * (items the caller keeps: parallel arrays, records reached through ctx),
 * ties to the smaller index, so that the order is total whatever cmp
 * says.  False (v unchanged) when out of memory. */
bool rc__sort_indices(size_t *v, size_t n, int (*cmp)(const void *ctx, size_t i, size_t j),
                      const void *ctx);

/* Sort v[0..n) and count its distinct values. */
size_t rc__distinct_sizes(size_t *v, size_t n);

/* Append s[0..n) to b with each invalid UTF-8 byte replaced by U+FFFD (as
 * ingest repairs texts); for strings that never went through ingest,
 * such as file names. */
rc_status rc__utf8_repair_append(rc_buf *b, const char *s, size_t n);

/* ---- display text (text.c; public side in <recount/text.h>) ----------- */

/* Called per code point of the cleaned text: cp and its UTF-8 bytes. */
typedef rc_status (*rc__text_put)(void *user, uint32_t cp, const char *raw, size_t len);
/* Walk s[0..n) as display text (RC_TEXT_* flags: invalid bytes repaired,
 * hidden characters dropped or marked, white space turned into spaces or
 * collapsed), handing each code point to put; stops at put's first error. */
rc_status rc__text_walk(void *user, const char *s, size_t n, unsigned flags, rc__text_put put);
/* Append the cleaned s[0..n) to b. */
rc_status rc__text_clean_append(rc_buf *b, const char *s, size_t n, unsigned flags);
/* Terminal columns of one code point (utf8proc: 0 for controls and
 * combining marks, 2 for wide characters, else 1).  Every alignment goes
 * through it. */
size_t rc__cp_width(uint32_t cp);

/* ---- strings ------------------------------------------------------------ */

/* The next word of *s, words being separated by spaces: its start, with
 * *n its length and *s moved past it; NULL when no word is left.  How a
 * table's phrase ("after the") is split. */
const char *rc__next_word(const char **s, size_t *n);

/* Locale-independent ASCII classes, inline: they sit in every scanner's
 * inner loop. */
static inline bool rc__is_space(int c) /* ASCII whitespace incl. \r \f \v */
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}
static inline bool rc__is_alpha(int c)
{
	return (unsigned)((c | 32) - 'a') < 26u;
}
static inline bool rc__is_digit(int c)
{
	return (unsigned)(c - '0') < 10u;
}
static inline bool rc__is_alnum(int c)
{
	return rc__is_alpha(c) || rc__is_digit(c);
}
static inline int rc__lower(int c)
{
	return (unsigned)(c - 'A') < 26u ? c + 32 : c;
}
/*
 * The same classes of a byte by one table look-up, for the tokenizers'
 * loops over every byte of a text (the stop-word test, the claims' and
 * the event mentions' tokenizers): RC_CB_WORD is a letter, a digit or a
 * byte of a multi-byte character (a word byte to all three), and
 * c | (rc__byte_class[c] & RC_CB_UPPER) is rc__lower(c).
 */
enum {
	RC_CB_ALPHA = 0x01,   /* rc__is_alpha */
	RC_CB_DIGIT = 0x02,   /* rc__is_digit */
	RC_CB_HIGH = 0x04,    /* 0x80 and over */
	RC_CB_WORD = RC_CB_ALPHA | RC_CB_DIGIT | RC_CB_HIGH,
	RC_CB_LOWER = 0x10,   /* a-z */
	RC_CB_UPPER = 0x20,   /* A-Z: the bit rc__lower sets */
};
extern const uint8_t rc__byte_class[256];
static inline unsigned char rc__lower_byte(unsigned char c)
{
	return (unsigned char)(c | (rc__byte_class[c] & RC_CB_UPPER));
}
/* The high bit of every byte of v that is c, and perhaps of bytes after
 * one (a borrow), never of any when none is: the scans that go eight bytes
 * at a time (sentences, normalisation) stop at a word where it is not 0,
 * then read it a byte at a time. */
static inline uint64_t rc__bytes_eq8(uint64_t v, unsigned char c)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t x = v ^ (ones * c);
	return (x - ones) & ~x & high;
}
/* Are the eight bytes at p all plain in a JSON string (printable ASCII,
 * no quote, no backslash)?  A test on the word instead of eight: the JSON
 * writer and reader skip runs of text with it. */
static inline bool rc__json_plain8(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t ctl = (v - ones * 0x20) & ~v;                      /* bytes < 0x20 */
	uint64_t q = v ^ (ones * '"'), bs = v ^ (ones * '\\');
	uint64_t quote = (q - ones) & ~q, back = (bs - ones) & ~bs;  /* zero bytes */
	return !((ctl | quote | back | v) & high);
}
/* Case-insensitive ASCII comparison of a[0..n) with the NUL-terminated b. */
bool rc__eq_nocase(const char *a, size_t n, const char *b);
/* Duplicate with malloc; NULL on failure. */
char *rc__strdup(const char *s);
char *rc__strndup(const char *s, size_t n);

/* FNV-1a 64-bit and a 64-bit mixer, for hashing and seeded signatures. */
uint64_t rc__hash64(const void *p, size_t n, uint64_t seed);
/* FNV-1a a byte at a time, for code that hashes a word as it reads it:
 * rc__hash64(p, n, seed) is rc__mix64 of RC_FNV_OFFSET ^ seed stepped
 * with each byte; rc__hash64_nocase steps with rc__lower of each. */
#define RC_FNV_OFFSET 0xcbf29ce484222325ull
static inline uint64_t rc__fnv_step(uint64_t h, unsigned char c)
{
	return (h ^ c) * 0x100000001b3ull;
}
/* The splitmix64 finaliser; inline: the map step calls it for every
 * word and every shingle. */
static inline uint64_t rc__mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	x ^= x >> 31;
	return x;
}
/* rc__hash64 of the ASCII lower case of p[0..n), seed 0, without copying
 * it: for tables of words looked up whatever their case. */
uint64_t rc__hash64_nocase(const char *p, size_t n);

/* Days since 1970-01-01 of "YYYY-MM-DD" (or "YYYY-MM", taken as its
 * 15th), or -1 when it is neither. */
long rc__day_number(const char *d);
/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
long rc__days_from_civil(int y, int m, int d);
void rc__civil_from_days(long z, int *y, int *m, int *d);
/* The days of month m (1-12) of year y, proleptic Gregorian. */
int rc__days_in_month(int y, int m);
/* A day number as "YYYY-MM-DD" into buf (11 bytes will do for years 0 to
 * 9999); returns what snprintf returns. */
int rc__day_format(char *buf, size_t size, long z);

/* ---- a set of strings ----------------------------------------------- */

/*
 * Open addressing over borrowed strings (the caller keeps them alive), for
 * "have I seen this id" in loops that would otherwise compare each string
 * with every earlier one.  Zero-initialise, add, then free.
 */
/*
 * Open addressing, for the tables of strings by hash (rc_strset, the
 * record's string pool, the reader's ids): each an array of cap slots of
 * its own shape (size bytes), cap a power of two, linear probing, the
 * slot's first member a pointer that is NULL in an empty slot.
 * rc__probe_free is the first empty slot from hash h.  rc__probe_grow
 * moves the used slots into a new zeroed array of new_cap, each at the
 * first empty slot from hash(slot), in the order of the old array, and
 * frees the old one; NULL (the old array kept) when out of memory.
 */
size_t rc__probe_free(const void *slots, size_t cap, size_t size, uint64_t h);
void *rc__probe_grow(void *slots, size_t cap, size_t new_cap, size_t size,
                     uint64_t (*hash)(const void *slot));

typedef struct rc_strset {
	const char **slots;
	size_t cap, n;       /* cap is 0 or a power of two */
} rc_strset;

/* 1 when s was added, 0 when it was already there, -1 out of memory. */
int rc__strset_add(rc_strset *set, const char *s);
bool rc__strset_has(const rc_strset *set, const char *s);
/* The string of the set equal to s (the one added), or NULL. */
const char *rc__strset_get(const rc_strset *set, const char *s);
void rc__strset_free(rc_strset *set);

/* An interval as "84", "[84, 103]", "(90, ∞)", its ends written by num
 * (rc_interval_str: 15 significant digits; reports: two decimals).  Same
 * argument order and return as rc_interval_str. */
size_t rc__interval_format(const rc_interval *iv, char *buf, size_t size,
                           void (*num)(char *, size_t, double));

#endif
