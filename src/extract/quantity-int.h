/*
 * Internal, private to src/extract: the quantity recognizer's engine.
 *
 * The recognizer reads a text in three steps, one file each:
 *
 *   quantity_lexicon.c   words -> lexicon entries.  The tables of
 *                        data/quantity.json (declared in quantity-priv.h)
 *                        compiled into one hash of words, each with its
 *                        flags (number word, scale, qualifier, unit ...)
 *                        and values; the recognizer object and its options.
 *   quantity_tokens.c    bytes -> tokens, a sentence at a time.  Numbers
 *                        (digits with their groups and decimals, parsed on
 *                        the spot), words (looked up once in the lexicon)
 *                        and punctuation, typographic forms read as plain
 *                        ones; digit groups settled by the words around
 *                        them ("1 234", "5.000 people"); and the prefilter,
 *                        which passes over sentences with no digit and no
 *                        number word before they are tokenized.
 *   quantity_cascade.c   tokens -> quantities.  An ordered table of named
 *                        recognizers tried at each token; the first that
 *                        matches emits its figure and the walk goes on after
 *                        it.  The table is the place for a new recognizer.
 *
 * and two files of readers the recognizers share:
 *
 *   quantity_numbers.c   one number: digits, words, scales and their mixes
 *                        ("4 thousand 3 hundred and 21", "half a million").
 *   quantity_figures.c   one figure in its context: ranges, qualifiers
 *                        before and after, units, currencies; dates, times
 *                        and vague terms.
 *
 * Nothing here allocates per token: the token array is reused from chunk to
 * chunk and results are appended to the caller's list.
 */
#ifndef RC_QUANTITY_INT_H
#define RC_QUANTITY_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <recount/quantity.h>
#include "extract/quantity-priv.h"

#define RC__MAX_PHRASE 6       /* words in the longest table phrase */
#define RC__KEY_MAX 24         /* bytes of the longest lexicon key */
#define RC__CHUNK_TOKENS 4096  /* a chunk ends at a ".!?;" after this */
#define RC__CHUNK_HARD 8192    /* ... and anywhere after this */
#define RC__MAX_DIGITS 40      /* digits kept exactly; more only scale the value */

/* ---- the lexicon ---------------------------------------------------------- */

/* What a word is to the recognizer: one flag per table it appears in. */
enum {
	QF_NUM = 1u << 0,        /* rc__q_numbers: "two", "ninety" */
	QF_SCALE = 1u << 1,      /* rc__q_scales: "hundred", "million" */
	QF_ORD = 1u << 2,        /* rc__q_ordinals: "fourth" */
	QF_MONTH = 1u << 3,      /* rc__q_months */
	QF_YEARCUE = 1u << 4,    /* rc__q_year_cues: "in", "since" */
	QF_IDCUE = 1u << 5,      /* rc__q_id_cues: "No.", "flight" */
	QF_AGECUE = 1u << 6,     /* rc__q_age_cues: "aged" */
	QF_ONEPRON = 1u << 7,    /* rc__q_one_pronoun: "the" (one) */
	QF_CHANGE = 1u << 8,     /* rc__q_change_verbs: "rose" */
	QF_SIGN = 1u << 9,       /* rc__q_sign_words: "minus" */
	QF_MERIDIEM = 1u << 10,  /* rc__q_meridiem: "a.m." */
	QF_CURRENCY = 1u << 11,  /* rc__q_currency_before: "$" */
	QF_QPRE = 1u << 12,      /* first word of an rc__q_prefix phrase */
	QF_QPOST = 1u << 13,     /* first word of an rc__q_postfix phrase */
	QF_VAGUE = 1u << 14,     /* first word of an rc__q_vague phrase */
	QF_UNIT = 1u << 15,      /* first word of an rc__q_units phrase */
	QF_PHRASE = 1u << 16,    /* first word of an rc__q_phrases idiom */
	QF_LINK = 1u << 17,      /* rc__q_range_links: "to", "or" */
	QF_COUNTNOUN = 1u << 18, /* rc__q_count_nouns: "people" */
	QF_POSSESSIVE = 1u << 19,/* rc__q_possessives: "their" */
	QF_NOTQUAL = 1u << 20,   /* rc__q_not_qualifier: "how" (about 2) */
	QF_PEOPLEAFTER = 1u << 21, /* rc__q_people_after: "were" (5.000 were injured) */
	QF_PEOPLECUE = 1u << 22, /* rc__q_people_before: "killed" (about 5.000) */
	QF_NUMSTART = 1u << 23,  /* not a table: "a", "an", "half", "quarter", "-",
	                          * which can open a number ("a hundred", "-5") */
	QF_ANCHOR = 1u << 24,    /* not a table: a word without which no figure is
	                          * emitted (number, scale, ordinal words, idioms'
	                          * first words, the words of vague terms but
	                          * "a", "an", "of"); the prefilter looks for these
	                          * and digits */
	/* Not tables: the cascade gives every word or mark of the lexicon
	 * QF_LEX and every number token QF_DIGITS, so that a recognizer's
	 * anchors (rc__qrule.anchors) can name them beside word classes. */
	QF_LEX = 1u << 29,
	QF_DIGITS = 1u << 30
};

/* The tables of phrases, compiled to word ids. */
enum { QTAB_PRE = 0, QTAB_POST, QTAB_VAGUE, QTAB_UNIT, QTAB_PHRASE, QTAB_COUNT_ };

typedef struct rc__qlexent {
	char key[RC__KEY_MAX];
	uint32_t flags;
	double num, scale, ord, month;
	/* the phrases of table t that start with this word:
	 * tab[t][first[t] .. first[t] + nfirst[t]) */
	uint16_t first[QTAB_COUNT_], nfirst[QTAB_COUNT_];
} rc__qlexent;

/* A table phrase compiled to lexicon ids. */
typedef struct rc__qphrase {
	int32_t w[RC__MAX_PHRASE];
	uint8_t n;
	uint16_t idx;      /* index into its table */
} rc__qphrase;

enum { RC__PREFILTER_OFF = 0, RC__PREFILTER_PACED, RC__PREFILTER_ALWAYS };

struct rc_recognizer {
	double tolerance;
	rc__qlexent *ents;
	size_t n_ents, cap_ents;
	int32_t *slots;        /* open addressing: index into ents or -1 */
	size_t n_slots;        /* a power of two */
	/* rc__q_prefix, rc__q_postfix, rc__q_vague, rc__q_units, rc__q_phrases
	 * compiled, ordered by first word (then table order) */
	rc__qphrase *tab[QTAB_COUNT_];
	size_t n_tab[QTAB_COUNT_];
	rc_interval *vague_iv; /* per rc__q_vague entry, overridable */
	int32_t punct[128];    /* the entry of each one-byte key, or -1 */
	/* A bit per (first letter, last letter, length) of every lexicon key
	 * made of a-z only: a word whose bit is clear is in no table; and the
	 * same for the keys with QF_ANCHOR, for the prefilter. */
	uint8_t word_bits[26 * 26 * RC__KEY_MAX / 8];
	uint8_t anchor_bits[26 * 26 * RC__KEY_MAX / 8];
	/* the prefilter: RC__PREFILTER_OFF when a QF_ANCHOR key is not made of
	 * a-z only, else RC__PREFILTER_PACED (tests set RC__PREFILTER_ALWAYS) */
	int prefilter;
	int32_t id_and, id_a, id_an, id_half, id_quarter, id_point, id_of, id_s,
	        id_st, id_nd, id_rd, id_th, id_to, id_between, id_from, id_comma,
	        id_but, id_colon, id_slash, id_dash, id_dot, id_plus, id_one, id_than,
	        id_hundred, id_the, id_lt, id_gt, id_eq, id_magnitude, id_or, id_quarters;
};

/* The entry of the lower-case key k[0..n), or -1. */
int32_t rc__qlex_find(const rc_recognizer *r, const char *k, size_t n);
/* The same, given the key's hash rc__hash64(k, n, 0), as a tokenizer
 * computes it while it reads the word (rc__fnv_step from RC_FNV_OFFSET
 * over the lower-case bytes, then rc__mix64). */
int32_t rc__qlex_find_hashed(const rc_recognizer *r, const char *k, size_t n, uint64_t h);

/* Can the key k[0..n) (n < RC__KEY_MAX, letters a-z only) be in the
 * lexicon?  False means rc__qlex_find() would return -1. */
static inline size_t rc__qword_bit(const char *k, size_t n)
{
	return ((size_t)(k[0] - 'a') * 26 + (size_t)(k[n - 1] - 'a')) * RC__KEY_MAX + n;
}

static inline bool rc__qbit(const uint8_t *bits, const char *k, size_t n)
{
	size_t b = rc__qword_bit(k, n);
	return bits[b >> 3] & (1u << (b & 7));
}

/* The canonical vague term without its trailing "of" (static strings). */
const char *rc__qvague_term(const char *term);

/* ---- tokens ---------------------------------------------------------------- */

enum { QT_NUM = 0, QT_WORD, QT_PUNCT };

typedef struct rc__qtok {
	size_t s, e;        /* bytes of the token */
	int32_t lex;        /* lexicon entry or -1 */
	uint8_t type;
	bool gap;           /* whitespace before it */
	bool cap;           /* a word with a capital first letter */
	bool upper;         /* a word in capitals only */
	/* numbers */
	double val;
	uint8_t ndig;       /* digits before the decimal point (capped) */
	bool dec, sep, lead0, huge;
	bool ovf;           /* past the range of a double (val is DBL_MAX) */
	uint8_t nfrac;      /* digits after the point */
} rc__qtok;

/* One scan of a text: the chunk of tokens being read and the output. */
typedef struct rc__qscan {
	const rc_recognizer *r;
	const char *s;
	size_t len;
	rc__qtok *t;
	size_t n, cap;
	rc_quantity_list *out;
	rc_status st;       /* the first failure of an emit, or RC_OK */
	unsigned probe_wait, probe_backoff; /* the prefilter's pacing (tokens.c) */
} rc__qscan;

/*
 * Tokenize from *pos to the end of the chunk (a sentence: it ends at a
 * blank line, at a full stop, exclamation or question mark before white
 * space, or after RC__CHUNK_TOKENS / RC__CHUNK_HARD tokens) into
 * x->t[0..x->n), and move *pos past it.  Chunks with no digits and no
 * QF_ANCHOR word are passed over first (x->n is 0 when the text ends).
 */
rc_status rc__qtokenize(rc__qscan *x, size_t *pos);

/* Token helpers: each is false / 0 / NULL past the end of the chunk. */
static inline uint32_t rc__qflags(const rc__qscan *x, size_t i)
{
	return i < x->n && x->t[i].lex >= 0 ? x->r->ents[x->t[i].lex].flags : 0;
}

static inline const rc__qlexent *rc__qent(const rc__qscan *x, size_t i)
{
	return i < x->n && x->t[i].lex >= 0 ? &x->r->ents[x->t[i].lex] : NULL;
}

static inline bool rc__qis(const rc__qscan *x, size_t i, int32_t id)
{
	return i < x->n && x->t[i].lex == id;
}

static inline bool rc__qis_num(const rc__qscan *x, size_t i)
{
	return i < x->n && x->t[i].type == QT_NUM;
}

/* Tokens i and i+1 touch (no space between). */
static inline bool rc__qglued(const rc__qscan *x, size_t i)
{
	return i + 1 < x->n && !x->t[i + 1].gap;
}

/* The longest phrase of table t (QTAB_*) at token i, the first in table
 * order among equals; *end gets the index after it (0 and NULL when none
 * matches).  The phrase's idx is its row in the table. */
const rc__qphrase *rc__qlongest(const rc__qscan *x, size_t i, int t, size_t *end);

/* ---- numbers ---------------------------------------------------------------- */

/* A parsed number: tokens [i0, i1), its value and what it was written with. */
typedef struct rc__qnum {
	size_t i0, i1;
	double v;
	bool words;     /* spelled out, at least partly */
	bool scaled;    /* multiplied by a scale word or suffix */
	bool plain_int; /* digits only, no separators, no decimals */
	bool neg;
	bool ovf;       /* past the range of a double: no figure (v is DBL_MAX) */
	const rc__qtok *first; /* the first digit token (NULL for words only) */
} rc__qnum;

/*
 * A number at token i: digits (with a glued suffix or a scale word after
 * them), words, or both.  money: a currency came before it (so "$5m" is
 * five million).  False when there is none.
 */
bool rc__qnumber(const rc__qscan *x, size_t i, bool money, rc__qnum *nx);

/* The scale of token i ("hundred", "million", "bn"), or -1. */
double rc__qscale_at(const rc__qscan *x, size_t i);

/* ---- figures ------------------------------------------------------------------ */

/* A figure read at a token, and the token after it. */
typedef struct rc__qfound {
	rc_quantity q;
	size_t next;
} rc__qfound;

static inline rc_interval rc__qpoint(double v)
{
	return (rc_interval){.lo = v, .hi = v, .lo_incl = true, .hi_incl = true};
}

static inline rc_interval rc__qunbounded(void)
{
	return (rc_interval){.lo_inf = true, .hi_inf = true};
}

/* The month (1-12) of a capitalised month name at token i, or 0. */
static inline int rc__qmonth_at(const rc__qscan *x, size_t i)
{
	const rc__qlexent *e = rc__qent(x, i);
	if (!e || !(e->flags & QF_MONTH) || !x->t[i].cap)
		return 0;
	return (int)e->month;
}

/* Ordinal suffix glued to the digits at i: 1st, 22nd, 3rd, 4th. */
static inline bool rc__qordinal_suffix(const rc__qscan *x, size_t i)
{
	const rc_recognizer *r = x->r;
	return rc__qglued(x, i) && (rc__qis(x, i + 1, r->id_st) || rc__qis(x, i + 1, r->id_nd) ||
	                            rc__qis(x, i + 1, r->id_rd) || rc__qis(x, i + 1, r->id_th));
}

/* Four plain digits 1000-2199 at i. */
static inline bool rc__qyear_number(const rc__qscan *x, size_t i)
{
	return rc__qis_num(x, i) && !x->t[i].dec && !x->t[i].sep && x->t[i].ndig == 4 &&
	       x->t[i].val >= 1000 && x->t[i].val <= 2199;
}

/* A date at i ("January 3", "3rd of January", "2024-04-02"): the index
 * after it, or 0. */
size_t rc__qdate_at(const rc__qscan *x, size_t i);

/* A clock time at i ("15:00", "3 p.m.", "0800 GMT"): the index after it,
 * or 0. */
size_t rc__qtime_at(const rc__qscan *x, size_t i);

/*
 * A number at i with everything after it: a range, a postfix qualifier, a
 * unit; the kind comes from the context.  pre is the qualifier before it
 * (or NULL) and qi0 the first token of the whole figure.
 */
bool rc__qfigure_at(const rc__qscan *x, size_t i, const rc__qualifier *pre, size_t qi0,
                    rc__qfound *f);

/* A vague term at i: "dozens", "a few", "several hundred". */
bool rc__qvague_at(const rc__qscan *x, size_t i, rc__qfound *f);

/* ---- the cascade ---------------------------------------------------------------- */

/*
 * A recognizer: tried at token i, it either emits the figure it reads (with
 * rc__qemit) and returns the index of the token after it, or returns 0 and
 * leaves the output alone.  It may also return an index past i without
 * emitting, to consume words that must not be read by a later recognizer
 * ("the one").
 */
typedef size_t (*rc__qrule_fn)(rc__qscan *x, size_t i);

typedef struct rc__qrule {
	const char *name;      /* short, unique: "date", "qualified" */
	rc__qrule_fn fn;
	uint32_t anchors;      /* the token must have one of these QF_ flags */
	const char *reads;     /* what it recognizes, with examples */
	const char *why_here;  /* why it comes where it does in the order */
} rc__qrule;

/* The ordered table (quantity_cascade.c) and its length. */
extern const rc__qrule rc__qrules[];
extern const size_t rc__qrules_len;

/* Append q to the output; a failure is kept in x->st. */
void rc__qemit(rc__qscan *x, const rc_quantity *q);

/* rc_quantities_scan(), counting in fired[k] (when not NULL) the figures
 * that row k of rc__qrules read; for tests. */
rc_status rc__quantities_scan_traced(rc_quantity_list *out, const rc_recognizer *rec,
                                     const char *text, size_t len, unsigned *fired,
                                     rc_error *err);

#endif
