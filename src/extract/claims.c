/*
 * Claim extraction: which recognised figures count what.
 *
 * Each sentence is tokenised with every quantity as one token.  For each
 * candidate figure (a count, range or vague amount, or a zero word such as
 * "no one") a small set of clause-local forms is tried, in this order:
 *   patterns     rule patterns anchored at the figure ("claimed {N} lives");
 *   sub-count    "{N} of them", "including {N}" after a claim (parent link);
 *   verb before  "killed [an estimated] N [people]";
 *   toll before  "death toll [rose] to N", "the arrest of N individuals";
 *   after        "N [people] [of ...] were killed", "N died", "N dead";
 *   noun after   "N deaths", "N suicide bombers", "N terrorist cells";
 *   chain        "... to 84 from 103", "84 in Kerman and 144 in Moscow".
 * Every window is bounded by the rules' knobs and stops at clause
 * boundaries, so the matcher is linear in the text and each decision can
 * be explained by the words it saw.  Status cues (superseded, hypothetical,
 * aggregate) and attribution cues come from the same rules.
 */
#include <stdlib.h>
#include <string.h>
#include "extract/claims-priv.h"

/* Tokens per matching window: longer sentences are matched in pieces so
 * memory stays bounded whatever the input. */
#define CHUNK_TOKENS 4096
/* Pending sentences whose tokens and lexicon classes are kept for
 * search_pending (attribution_carry is at most 5; a "he said" chain may
 * reach further back, and such a sentence is tokenised again). */
#define PENDING_KEPT 8
/* How far back a clause-scoped cue may be. */
#define CLAUSE_MAX 40
/* Words between a verb of reported speech and the "had" of the clause it
 * reports: "told Reuters on Wednesday they had counted". */
#define REPORTED_GAP 6
/* Words of a relative clause between a source and its cue: "officials
 * who asked not to be named put". */
#define REL_CLAUSE_MAX 8
/* The largest count that opens a source's name: "two local sources". */
#define SOURCE_COUNT_MAX 12
/* Quotes longer than this are cut around the figure. */
#define QUOTE_MAX 2048
#define QUOTE_SIDE 900

enum form {
	FORM_PATTERN, FORM_SUBCOUNT, FORM_VERB, FORM_TOLL, FORM_AFTER, FORM_NOUN, FORM_CHAIN,
	FORM_BACKREF
};

/* A claim while the sentence is being matched (token indices). */
typedef struct work {
	int metric, subject;
	size_t fig;
	size_t ta, tb;          /* trigger tokens [ta, tb) */
	size_t ta2, tb2;        /* second part of a split trigger ("claimed ... lives") */
	size_t tail;            /* last token of the figure's phrase, for lists */
	long parent;            /* global index */
	const char *inherit;    /* trigger text taken over from the parent or list head */
	int form;
	const char *part;       /* part label or text (scratch), NULL for a total */
	bool group_part;        /* part by its group only: a total if the text has none */
	bool others;            /* the others of the part before it ("six others") */
	bool sibling;           /* one group of a breakdown ("10 soldiers and two civilians") */
	bool background;        /* about an earlier event */
	int year;               /* year its clause names, or 0 */
} work;

/* What later claims need to know of an emitted one. */
typedef struct meta {
	size_t sent;
	int metric;
	bool group_part;    /* a part by its group only ("7 officers"): needs a total */
	bool said_again;    /* a total found to repeat a part of it (attach_parts) */
	bool others;        /* the others of the part before it in its sentence */
	bool sibling;       /* one group of a breakdown: never the total */
	bool dated;         /* a level the text dates to a day ("stood at 12 on Wednesday") */
	bool risen;         /* the new figure of a change that names no old one ("rise to 13") */
	bool earlier;       /* in a sentence that opens on an earlier state ("Earlier, ...") */
	bool counted;       /* its source compiled a count its sentence names ("according to
	                     * a count compiled by ...", "an AFP tally"): "the count" later */
	bool adds_up;       /* a running total follows it in its sentence ("..., bringing the toll") */
	bool running;       /* the running total itself: the first figure after that cue */
} meta;

typedef struct attr_hit {
	int tier;               /* 0 primary, 1 secondary, 2 tertiary */
	bool ends_sentence;     /* nothing but the end of the sentence follows the cue */
	size_t anchor;          /* token of the cue */
	size_t a, b;            /* the source's tokens [a, b) after trimming */
	bool pronoun;
	bool closing;           /* the cue closes its sentence or clause: ", police said." */
	long bound;             /* the figure right before the name ("the 1,127 the army
	                         * announced"): the cue is that figure's alone; or -1 */
} attr_hit;

/*
 * A sentence's source, for the sentences after it ("he said", a sentence
 * that cites no one).  A sentence without a figure that fits one window is
 * not searched for attribution cues when it is read: only when a later
 * figure's sentence may take its source (earlier_source, carried_source),
 * and most never are.
 */
enum { SA_DONE, SA_PENDING, SA_FOUND };

typedef struct sent_attr {
	const char *text;       /* best non-pronoun source in the sentence (scratch), or NULL;
	                         * once SA_DONE, what the sentences after it read */
	int state;              /* SA_DONE; SA_PENDING: not searched yet; SA_FOUND: searched,
	                         * text is its own named source (or NULL) */
	bool pronoun;           /* SA_FOUND: a pronoun cue and no name ("he said") */
	size_t start, end;      /* SA_PENDING: its span in the normalised text */
	size_t next_q;          /* SA_PENDING: the first quantity not before it */
} sent_attr;

/* The tokens and classes of a pending sentence as do_chunk read them: a
 * later figure that asks for its source takes them instead of tokenising
 * the sentence and looking its words up again.  The buffers are swapped,
 * not copied, with the window's. */
typedef struct kept_sent {
	size_t sent;            /* its sentence index, or SIZE_MAX: none */
	rc__tok *tok;
	size_t n, cap;
	uint64_t *mask;
	size_t cap_mask;
} kept_sent;

typedef struct ex {
	const rc_rules *r;
	int ref_year;           /* the document's year (publication, else the latest named), or 0 */
	int pub_year;           /* its publication's year, or 0 */
	const rc_text *t;
	const char *s;          /* t->norm */
	const rc_segments *seg;
	rc_arena *out;          /* record arena */
	rc_arena *scratch;
	const rc_quantity *qs;
	size_t nq;

	/* current chunk */
	rc__tok *tok;
	size_t n, cap;
	size_t sent;            /* sentence index */
	rc_quantity *zq;        /* zero figures of the chunk */
	size_t n_zq, cap_zq;
	work *w;                /* claims of the chunk */
	size_t n_w, cap_w;
	attr_hit *hits;
	size_t n_hits, cap_hits;
	uint32_t *semis, *clauses;   /* prefix counts over the chunk's tokens */
	size_t cap_pref;
	uint64_t *mask;              /* lexicon classes starting at each token, or NULL */
	uint64_t *mask_buf;
	size_t cap_mask;
	bool has_revision, has_aggregate;
	size_t running_cue;     /* the window's first running-total cue, or n */
	bool site_cur, site_prev;   /* a site noun in this sentence, in the one before it
	                             * in its paragraph */
	bool opens_sentence;        /* the window starts at its sentence's start */
	bool opens_earlier;         /* its sentence opens on an earlier state ("Earlier, ...") */
	int split_state;            /* 0 until split_scan() ran for this window */
	size_t split_first, split_last;   /* the list that opens the sentence */
	uint64_t split_metrics;     /* metrics whose total of the sentence before it adds up to */

	sent_attr *sattr;       /* per sentence */
	size_t n_pending;       /* sentences in state SA_PENDING */
	struct ex *lazy;        /* the buffers a pending sentence is searched with */
	kept_sent *kept;        /* PENDING_KEPT, by sentence index modulo */
	bool whole_sentence;    /* the window is its sentence, whole */
	size_t window_q;        /* the first quantity not before the window */
	const struct meta *metas;    /* sentence and metric of each claim so far */

	/* output */
	rc_claim *claims;
	size_t n_claims, cap_claims;
	size_t max_claims, dropped;
	const char **metric_names;   /* record-arena copies, by metric index */
	const char **subject_names;
	const char *quote;           /* of the current sentence, record arena */
	size_t quote_sent;
} ex;

/* ---- token helpers -------------------------------------------------------- */

/* Classes of the lexicon entries that start at each token of the chunk
 * (bit cls of mask[i]), computed once per chunk: most lookups are misses,
 * and a mask answers them without a table walk. */
static bool has_class(const ex *x, size_t i, int cls)
{
	return !x->mask || (i < x->n && (x->mask[i] >> cls & 1));
}

static const rc__lex_entry *lex(const ex *x, size_t i, int cls)
{
	if (!has_class(x, i, cls))
		return NULL;
	return rc__lex_find(x->r, x->tok, x->n, i, x->s, cls, 0);
}

/* Is there an entry of class cls at token i?  With the chunk's masks, the
 * bit answers alone: rc__lex_classes set it for every class of which
 * rc__lex_find finds an entry there, and for no other. */
static bool is_lex(const ex *x, size_t i, int cls)
{
	if (x->mask)
		return i < x->n && (x->mask[i] >> cls & 1);
	return rc__lex_find(x->r, x->tok, x->n, i, x->s, cls, 0) != NULL;
}

/* An entry of class cls that ends exactly at token j (inclusive). */
static const rc__lex_entry *lex_ending(const ex *x, size_t j, int cls)
{
	for (size_t len = x->r->max_phrase; len >= 1; len--) {
		if (len > j + 1 || !has_class(x, j + 1 - len, cls))
			continue;
		const rc__lex_entry *e = rc__lex_find(x->r, x->tok, x->n, j + 1 - len, x->s, cls,
		                                      (uint32_t)len);
		if (e)
			return e;
	}
	return NULL;
}

static bool is_word(const ex *x, size_t i)
{
	return i < x->n && x->tok[i].type == RC_TK_WORD;
}

/* Does word i end in "ed" (a past tense or participle)? */
static bool ends_ed(const ex *x, size_t i)
{
	const rc__tok *t = &x->tok[i];
	return is_word(x, i) && t->end - t->start > 3 && memcmp(x->s + t->end - 2, "ed", 2) == 0;
}

/* Does word i end in "ing" (a present participle)? */
static bool ends_ing(const ex *x, size_t i)
{
	const rc__tok *t = &x->tok[i];
	return is_word(x, i) && t->end - t->start > 4 && memcmp(x->s + t->end - 3, "ing", 3) == 0;
}

static bool is_punct(const ex *x, size_t i, char c)
{
	return i < x->n && x->tok[i].type == RC_TK_PUNCT && x->s[x->tok[i].start] == c;
}

static bool capitalised(const ex *x, size_t i)
{
	if (i >= x->n || x->tok[i].type != RC_TK_WORD)
		return false;
	unsigned char c = (unsigned char)x->s[x->tok[i].start];
	return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Punctuation that ends a clause for matching purposes. */
static bool boundary_punct(const ex *x, size_t i)
{
	if (i >= x->n || x->tok[i].type != RC_TK_PUNCT)
		return false;
	return strchr(",;:()[]-.!?", x->s[x->tok[i].start]) != NULL;
}

static bool clause_break(const ex *x, size_t i)
{
	return boundary_punct(x, i) || (is_word(x, i) && is_lex(x, i, RC_LX_CLAUSE));
}

/* The quantity of a figure token. */
static const rc_quantity *fig_q(const ex *x, size_t i)
{
	int32_t q = x->tok[i].q;
	return q >= 0 ? &x->qs[q] : &x->zq[-q - 2];
}

static bool is_fig(const ex *x, size_t i)
{
	return i < x->n && x->tok[i].type == RC_TK_FIG;
}

/* Words that tell what a figure is not: function words, verbs, nouns of
 * metrics.  A figure's modifiers ("two alleged members") are none of these. */
static bool structural(const ex *x, size_t i)
{
	static const int classes[] = {
		RC_LX_AUX, RC_LX_BE, RC_LX_CLAUSE, RC_LX_PREP, RC_LX_CHAIN, RC_LX_VERB,
		RC_LX_STATE, RC_LX_NOUN, RC_LX_TOLL, RC_LX_CONNECTOR, RC_LX_THING,
	};
	if (x->mask) {   /* one test of the mask for all of them (is_lex) */
		uint64_t m = 0;
		for (size_t k = 0; k < RC_ARRAY_LEN(classes); k++)
			m |= (uint64_t)1 << classes[k];
		return i < x->n && (x->mask[i] & m);
	}
	for (size_t k = 0; k < RC_ARRAY_LEN(classes); k++)
		if (is_lex(x, i, classes[k]))
			return true;
	return false;
}

/* ---- patterns ------------------------------------------------------------------ */

static bool lit_eq(const ex *x, const rc__pat_tok *pt, size_t i)
{
	if (i >= x->n || (x->tok[i].type != RC_TK_WORD && x->tok[i].type != RC_TK_PUNCT))
		return false;
	uint64_t h = x->tok[i].h;
	for (uint16_t k = 0; k < pt->n_alts; k++)
		if (pt->h[k] == h && rc__tok_is(&x->tok[i], x->s, pt->h[k], pt->w[k]))
			return true;
	return false;
}

/* A gap may skip words and non-figure quantities, never punctuation. */
static bool gap_ok(const ex *x, size_t i)
{
	return i < x->n && (x->tok[i].type == RC_TK_WORD || x->tok[i].type == RC_TK_QTY);
}

static const rc__lex_entry *lex(const ex *x, size_t i, int cls);

/* A pattern's "..." stays in its clause: no clause word ("which",
 * "while") and no coordinator ("and"): "killed 28 workers and seriously
 * injured 36" does not read "28 ... seriously injured". */
static bool pattern_gap_ok(const ex *x, size_t i)
{
	return gap_ok(x, i) && !is_lex(x, i, RC_LX_CLAUSE) && !is_lex(x, i, RC_LX_COORD);
}

/* Match p->t[pi..] forward from token ti (< lim); returns the end or -1.
 * A slot ends the forward match (its extent is decided by the caller). */
static long match_fwd(const ex *x, const rc__pattern *p, int pi, size_t ti, size_t lim)
{
	if (pi >= p->n)
		return (long)ti;
	const rc__pat_tok *pt = &p->t[pi];
	switch (pt->kind) {
	case RC_PT_LIT:
		if (ti < lim && lit_eq(x, pt, ti))
			return match_fwd(x, p, pi + 1, ti + 1, lim);
		return -1;
	case RC_PT_N:
		if (ti < lim && is_fig(x, ti))
			return match_fwd(x, p, pi + 1, ti + 1, lim);
		return -1;
	case RC_PT_X:
		return (long)ti;
	case RC_PT_GAP:
		for (unsigned g = 0; g <= x->r->gap_window; g++) {
			if (g > 0 && !pattern_gap_ok(x, ti + g - 1))
				break;
			long e = match_fwd(x, p, pi + 1, ti + g, lim);
			if (e >= 0)
				return e;
		}
		return -1;
	}
	return -1;
}

/* Match p->t[..pi] backward ending at token ti; returns the start or -1. */
static long match_bwd(const ex *x, const rc__pattern *p, int pi, long ti, size_t lo)
{
	if (pi < 0)
		return ti + 1;
	const rc__pat_tok *pt = &p->t[pi];
	switch (pt->kind) {
	case RC_PT_LIT:
		if (ti >= (long)lo && lit_eq(x, pt, (size_t)ti))
			return match_bwd(x, p, pi - 1, ti - 1, lo);
		return -1;
	case RC_PT_N:
		if (ti >= (long)lo && is_fig(x, (size_t)ti))
			return match_bwd(x, p, pi - 1, ti - 1, lo);
		return -1;
	case RC_PT_X:
		return ti + 1;
	case RC_PT_GAP:
		for (unsigned g = 0; g <= x->r->gap_window; g++) {
			if (g > 0 && (ti - (long)g + 1 < (long)lo ||
			              !pattern_gap_ok(x, (size_t)(ti - g + 1))))
				break;
			long b = match_bwd(x, p, pi - 1, ti - (long)g, lo);
			if (b >= 0)
				return b;
		}
		return -1;
	}
	return -1;
}

static bool structural(const ex *x, size_t i);

/*
 * Match a {N} pattern with its slot on figure f; [*a, *b) is the match.
 * The words after {N} may follow the figure's noun: "forced {N} from their
 * homes" reads "forced 12,000 people from their homes".
 */
static bool match_at_figure(const ex *x, const rc__pattern *p, size_t f, size_t *a, size_t *b)
{
	if (p->slot < 0 || p->t[p->slot].kind != RC_PT_N)
		return false;
	/* the word right before the figure first: most patterns fail there */
	if (p->slot > 0 && p->t[p->slot - 1].kind == RC_PT_LIT &&
	    (f == 0 || !lit_eq(x, &p->t[p->slot - 1], f - 1)))
		return false;
	/* then the first literal after it: within the tokens the match could
	 * reach it at (the figure's noun, gaps and figures before it), or no
	 * match; most patterns fail here without walking their gaps */
	if (p->slot + 1 < p->n) {
		size_t lo = f + 1, hi = f + 1;
		if (p->t[p->slot + 1].kind != RC_PT_GAP)
			hi += x->r->subject_window;
		for (int pi = p->slot + 1; pi < p->n; pi++) {
			const rc__pat_tok *pt = &p->t[pi];
			if (pt->kind == RC_PT_X)
				break;
			if (pt->kind == RC_PT_GAP) {
				hi += x->r->gap_window;
				continue;
			}
			if (pt->kind == RC_PT_N) {
				lo++;
				hi++;
				continue;
			}
			bool seen = false;
			for (size_t k = lo; !seen && k < x->n && k <= hi; k++)
				seen = lit_eq(x, pt, k);
			if (!seen)
				return false;
			break;
		}
	}
	long e = match_fwd(x, p, p->slot + 1, f + 1, x->n);
	/* the figure's own noun may come first, unless a gap follows the
	 * figure (it skips those words already) */
	if (p->slot + 1 < p->n && p->t[p->slot + 1].kind != RC_PT_GAP) {
		size_t k = f + 1;
		for (unsigned w = 0; e < 0 && w < x->r->subject_window && is_word(x, k) &&
		                     !structural(x, k); w++) {
			k++;
			e = match_fwd(x, p, p->slot + 1, k, x->n);
		}
	}
	if (e < 0)
		return false;
	long s = match_bwd(x, p, p->slot - 1, (long)f - 1, 0);
	if (s < 0)
		return false;
	*a = (size_t)s;
	*b = (size_t)e;
	return true;
}

/*
 * The patterns of set that can match at figure f, as bits of cand (words
 * of 64): those whose figure key (rc__fkey) is among the words around f,
 * and those without one.  A necessary condition only: match_at_figure
 * decides.  False when the set is too large for cand (try them all).
 */
enum { FIG_CAND_WORDS = 16 };

static bool fig_cands(const ex *x, const rc__pattern_set *set, size_t f,
                      uint64_t cand[FIG_CAND_WORDS])
{
	if (set->n > 64 * FIG_CAND_WORDS)
		return false;
	memset(cand, 0, ((set->n + 63) / 64) * sizeof *cand);
	for (size_t k = 0; k < set->n_fany; k++)
		cand[set->fany[k] / 64] |= (uint64_t)1 << (set->fany[k] % 64);
	long lo = (long)f + set->fkey_lo, hi = (long)f + set->fkey_hi;
	for (long i = lo < 0 ? 0 : lo; i <= hi && i < (long)x->n; i++) {
		const rc__tok *t = &x->tok[i];
		if ((t->type != RC_TK_WORD && t->type != RC_TK_PUNCT) ||
		    !(set->fbloom[t->h / 64 % 16] >> (t->h % 64) & 1))
			continue;
		size_t a = 0, b = set->n_fkeys;
		while (a < b) {
			size_t mid = a + (b - a) / 2;
			if (set->fkeys[mid].h < t->h)
				a = mid + 1;
			else
				b = mid;
		}
		long off = i - (long)f;
		for (; a < set->n_fkeys && set->fkeys[a].h == t->h; a++) {
			const rc__fkey *k = &set->fkeys[a];
			if (off >= k->lo && off <= k->hi)
				cand[k->pattern / 64] |= (uint64_t)1 << (k->pattern % 64);
		}
	}
	return true;
}

/* The first pattern at or after k of a set of n that fig_cands left a
 * candidate (every one when all), or n: a loop over the set visits the
 * candidates alone, in the set's order. */
static size_t next_cand(const uint64_t *cand, bool all, size_t n, size_t k)
{
	if (all || k >= n)
		return k;
	size_t w = k / 64;
	uint64_t bits = cand[w] & (~(uint64_t)0 << (k % 64));
	while (!bits) {
		if (++w >= (n + 63) / 64)
			return n;
		bits = cand[w];
	}
	return w * 64 + (size_t)__builtin_ctzll(bits);
}

/* The run of set's anchors whose hash is h: [*first, return). */
static size_t anchored(const rc__pattern_set *set, uint64_t h, size_t *first)
{
	if (!(set->abloom[h / 64 % 16] >> (h % 64) & 1)) {
		*first = 0;
		return 0;
	}
	size_t lo = 0, hi = set->n_anchors;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (set->anchors[mid].h < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (hi < set->n_anchors && set->anchors[hi].h == h)
		hi++;
	return hi;
}

/* The first token of a cue of set (one without {N}) that lies in
 * [lo, hi), or hi; only cues of that metric when metric >= 0. */
static size_t cue_find_of(const ex *x, const rc__pattern_set *set, size_t lo, size_t hi, int metric)
{
	for (size_t i = lo; i < hi; i++) {
		if (x->tok[i].type != RC_TK_WORD && x->tok[i].type != RC_TK_PUNCT)
			continue;
		size_t k, end = anchored(set, x->tok[i].h, &k);
		for (; k < end; k++) {
			const rc__pattern *p = &set->p[set->anchors[k].pattern];
			if (p->slot >= 0 || p->anchor != 0 || (metric >= 0 && p->metric != metric) ||
			    !lit_eq(x, &p->t[0], i))
				continue;
			if (match_fwd(x, p, 0, i, hi) >= 0)
				return i;
		}
	}
	return hi;
}

static size_t cue_find(const ex *x, const rc__pattern_set *set, size_t lo, size_t hi)
{
	return cue_find_of(x, set, lo, hi, -1);
}

static bool cue_in(const ex *x, const rc__pattern_set *set, size_t lo, size_t hi)
{
	return cue_find(x, set, lo, hi) < hi;
}

/* Does a {N} cue of set match on figure f? */
static bool cue_at(const ex *x, const rc__pattern_set *set, size_t f)
{
	size_t a, b;
	uint64_t cand[FIG_CAND_WORDS];
	bool all = !fig_cands(x, set, f, cand);
	for (size_t k = next_cand(cand, all, set->n, 0); k < set->n;
	     k = next_cand(cand, all, set->n, k + 1))
		if (set->p[k].slot >= 0 && match_at_figure(x, &set->p[k], f, &a, &b))
			return true;
	return false;
}

/* ---- subjects -------------------------------------------------------------------- */

typedef struct subj {
	int idx;        /* subject index or -1 */
	size_t end;     /* token after the subject phrase, or after the figure */
	size_t scan;    /* token after the modifiers scanned */
	bool thing;     /* a counted thing came first: not a claim */
} subj;

/* The noun a figure counts, within subject_window words after token i. */
static subj subject_after(const ex *x, size_t i)
{
	subj s = {.idx = -1, .end = i + 1, .scan = i + 1};
	size_t k = i + 1;
	for (unsigned w = 0; w < x->r->subject_window && is_word(x, k); w++) {
		const rc__lex_entry *e = lex(x, k, RC_LX_SUBJECT);
		if (e) {
			s.idx = e->idx;
			s.end = s.scan = k + e->p.n;
			return s;
		}
		const rc__lex_entry *t = lex(x, k, RC_LX_THING);
		if (t) {
			/* "up from 180 a day earlier", "than 40 the week before": a
			 * determiner, a unit and a time adverb are a time phrase
			 * after the figure, not what it counts */
			size_t after = k + t->p.n;
			bool det = k > i + 1 && (lex_ending(x, k - 1, RC_LX_INDEFINITE) ||
			                         lex_ending(x, k - 1, RC_LX_DROP_WORD));
			if (det && after < x->n && is_word(x, after) && is_lex(x, after, RC_LX_TIME_ADVERB))
				break;
			s.thing = true;
			return s;
		}
		/* a determiner starts another noun phrase: "the 49 announced
		 * the day before" counts no days */
		if (structural(x, k) || (k > i + 1 && is_lex(x, k, RC_LX_DROP_WORD)))
			break;
		k++;
		s.scan = k;
	}
	return s;
}

static bool object_ok(const ex *x, int metric, int subject)
{
	const rc__metric *m = &x->r->metrics[metric];
	if (!m->n_objects)
		return true;
	for (size_t k = 0; k < m->n_objects; k++)
		if (m->objects[k] == subject)
			return true;
	return false;
}

/* ---- the forms ----------------------------------------------------------------- */

static work new_work(size_t f, int form)
{
	return (work){.metric = -1, .subject = -1, .fig = f, .tail = f, .parent = -1,
	              .form = form};
}

/* A claim of figure f: its metric, noun, trigger tokens [ta, tb) and the
 * last token of its phrase. */
static work make_work(size_t f, int form, int metric, int subject, size_t ta, size_t tb,
                      size_t tail)
{
	work w = new_work(f, form);
	w.metric = metric;
	w.subject = subject;
	w.ta = ta;
	w.tb = tb;
	w.tail = tail;
	return w;
}

static bool try_patterns(const ex *x, size_t f, work *out)
{
	const rc__pattern_set *set = &x->r->metric_patterns;
	uint64_t cand[FIG_CAND_WORDS];
	bool all = !fig_cands(x, set, f, cand);
	for (size_t k = next_cand(cand, all, set->n, 0); k < set->n;
	     k = next_cand(cand, all, set->n, k + 1)) {
		const rc__pattern *p = &set->p[k];
		size_t a, b;
		if (!match_at_figure(x, p, f, &a, &b))
			continue;
		work w = new_work(f, FORM_PATTERN);
		w.metric = p->metric;
		/* The literal words on each side of the figure are the trigger. */
		if (a < f) {
			w.ta = a;
			w.tb = f;
			if (b > f + 1) {
				w.ta2 = f + 1;
				w.tb2 = b;
			}
		} else {
			w.ta = f + 1;
			w.tb = b;
		}
		subj s = subject_after(x, f);
		w.subject = s.idx;
		w.tail = (b > f + 1 ? b : f + 1) - 1;
		if (!object_ok(x, w.metric, w.subject))
			continue;
		*out = w;
		return true;
	}
	return false;
}

/* Skip fillers ("an estimated", "another") that end at token j. */
static long skip_fillers_back(const ex *x, long j)
{
	for (int k = 0; k < 2 && j >= 0; k++) {
		const rc__lex_entry *e = lex_ending(x, (size_t)j, RC_LX_FILLER);
		if (!e)
			break;
		j -= (long)e->p.n;
	}
	return j;
}

static bool claim_like(const ex *x, size_t f, const struct work *head, bool inherit_subject,
                       struct work *out);

/* The claim of figure f whose trigger e ends at token j, before it. */
static bool claim_before(const ex *x, size_t f, const rc__lex_entry *e, size_t j, int form,
                         work *out)
{
	subj s = subject_after(x, f);
	if (s.thing || !object_ok(x, e->idx, s.idx))
		return false;
	*out = make_work(f, form, e->idx, s.idx, j + 1 - e->p.n, j + 1, s.end - 1);
	return true;
}

/*
 * Those a vehicle carried, all of whom the sentence says died: "A plane
 * carrying 72 people crashed ..., killing everyone on board", "No survivors
 * as jet crashes, 72 on board".  A figure of a metric's carried pattern
 * is that metric's when one of its all_carried cues stands in the
 * sentence, no other figure nor a semicolon between them; the cue is the
 * trigger.
 */
static bool try_carried(const ex *x, size_t f, work *out)
{
	const rc__pattern_set *set = &x->r->carried;
	uint64_t cand[FIG_CAND_WORDS];
	bool all = !fig_cands(x, set, f, cand);
	for (size_t k = next_cand(cand, all, set->n, 0); k < set->n; k = next_cand(cand, all, set->n, k + 1)) {
		const rc__pattern *p = &set->p[k];
		size_t a, b;
		if (!match_at_figure(x, p, f, &a, &b))
			continue;
		size_t c = cue_find_of(x, &x->r->all_carried, 0, x->n, p->metric);
		subj s = subject_after(x, f);
		if (c >= x->n || s.thing || !object_ok(x, p->metric, s.idx))
			continue;
		/* the cue tells of these people, not of a figure between them
		 * ("A ferry carrying 300 passengers sank; 40 people are missing") */
		bool apart = false;
		for (size_t m = (c < f ? c : f + 1); m < (c < f ? f : c) && !apart; m++)
			apart = is_fig(x, m) || is_punct(x, m, ';');
		if (apart)
			continue;
		*out = make_work(f, FORM_PATTERN, p->metric, s.idx, c, c + 1, (b > f + 1 ? b : f + 1) - 1);
		return true;
	}
	return false;
}

static bool try_verb_before(const ex *x, size_t f, work *out)
{
	long j = skip_fillers_back(x, (long)f - 1);
	if (j < 0)
		return false;
	const rc__lex_entry *e = lex_ending(x, (size_t)j, RC_LX_VERB);
	return e && claim_before(x, f, e, (size_t)j, FORM_VERB, out);
}

/* "who" or "that", opening a relative clause on a subject. */
static bool relative_word(const ex *x, size_t i)
{
	static const char *const rel[] = {"who", "that"};
	for (size_t k = 0; k < RC_ARRAY_LEN(rel); k++)
		if (rc__tok_is(&x->tok[i], x->s, rc__tok_hash(rel[k], strlen(rel[k])), rel[k]))
			return true;
	return false;
}

/* Does token i hold a word that names a metric (a verb, state, noun or
 * toll)?  Its metric, or -1. */
static int metric_word(const ex *x, size_t i)
{
	static const int classes[] = {RC_LX_STATE, RC_LX_NOUN, RC_LX_VERB, RC_LX_TOLL};
	if (!is_word(x, i))
		return -1;
	for (size_t k = 0; k < RC_ARRAY_LEN(classes); k++) {
		const rc__lex_entry *e = lex(x, i, classes[k]);
		if (e && e->idx >= 0)
			return e->idx;
	}
	return -1;
}

/*
 * The metric a generic toll noun ("number", "count", "figure") spanning
 * tokens [a, b) names with its neighbours: a metric word just before it
 * ("the injured count") or after "of" within a few words ("the number of
 * people killed", "the number of dead attackers"); the subject counted
 * there in *subject.  -1 when none.
 */
static int toll_np_metric(const ex *x, size_t a, size_t b, size_t stop, int *subject)
{
	*subject = -1;
	int m = a > 0 ? metric_word(x, a - 1) : -1;
	if (m >= 0)
		return m;
	if (!is_word(x, b) || !is_lex(x, b, RC_LX_PREP) || !rc__tok_is(&x->tok[b], x->s,
	                                                         rc__tok_hash("of", 2), "of"))
		return -1;
	for (size_t k = b + 1; k < stop && k < b + 7 && is_word(x, k); k++) {
		if (clause_break(x, k) && !relative_word(x, k))
			break;
		const rc__lex_entry *se = lex(x, k, RC_LX_SUBJECT);
		if (se && *subject < 0)
			*subject = se->idx;
		int mk = metric_word(x, k);
		if (mk >= 0 && m < 0)
			m = mk;
	}
	return m;
}

/* The claim counted like the last claim of the previous sentence of the
 * paragraph ("... has risen steadily.  In mid-October it stood at 2,121"). */
static bool like_previous_sentence(const ex *x, size_t f, size_t ta, size_t tb, work *out)
{
	if (!x->sent || !x->metas)
		return false;
	/* the first claim of the sentence before: a sentence's lead figure */
	long first = -1;
	for (long c = (long)x->n_claims - 1; c >= 0; c--) {
		const struct meta *m = &x->metas[c];
		if (m->sent == x->sent)
			continue;
		if (m->sent + 1 != x->sent)
			break;
		first = c;
	}
	for (long c = first; c >= 0; c = -1) {
		const struct meta *m = &x->metas[c];
		if (x->seg->sent[m->sent].para != x->seg->sent[x->sent].para)
			return false;
		subj s = subject_after(x, f);
		if (s.thing || !object_ok(x, m->metric, s.idx))
			return false;
		*out = make_work(f, FORM_TOLL, m->metric, s.idx, ta, tb, s.end - 1);
		return true;
	}
	return false;
}

/* Is the figure's qualifier a connector by itself ("tops 350", "topped
 * 1,000", "above 320"), so that a toll noun may come right before it? */
static bool qualifier_connects(const ex *x, size_t f)
{
	if (x->tok[f].q < 0)
		return false;
	const rc_quantity *q = fig_q(x, f);
	size_t a = q->start, b = q->num_start;
	while (b > a && rc__is_space((unsigned char)x->s[b - 1]))
		b--;
	if (b <= a)
		return false;
	for (size_t i = a; i < b; i++)
		if (!rc__is_alpha((unsigned char)x->s[i]))
			return false;   /* one word only */
	rc__tok t = {.start = a, .end = b, .type = RC_TK_WORD, .q = -1,
	             .h = rc__tok_hash(x->s + a, b - a)};
	return rc__lex_find(x->r, &t, 1, 0, x->s, RC_LX_CONNECTOR, 0) != NULL;
}

/* Has token j a claim of this chunk (a figure that was read)? */
static bool is_claim_fig(const ex *x, size_t j)
{
	for (size_t k = 0; k < x->n_w; k++)
		if (x->w[k].fig == j)
			return true;
	return false;
}

/*
 * A toll noun before the figure, then a connector: "the death toll rose
 * to 95", "a death toll of 84", "the toll, which stood at 12", "toll tops
 * 350" (a verb that is the figure's qualifier connects by itself).  The
 * noun may be far ("The death toll in Sunday's coordinated attacks on
 * churches and hotels across the country has risen to 290"): up to
 * toll_window words, across figures that are no claims.  A generic toll
 * ("the number of people killed", "the injured count") takes the metric
 * its own words name, else the claim before it in the sentence, else
 * (for "it stood at 2,121") the last claim of the sentence before.
 */
static bool try_toll_before(const ex *x, size_t f, work *out)
{
	if (f == 0)
		return false;
	const rc__lex_entry *c = lex_ending(x, f - 1, RC_LX_CONNECTOR);
	long j;
	if (c)
		j = (long)f - 1 - (long)c->p.n;
	else if (qualifier_connects(x, f))
		j = (long)f - 1;
	else
		return false;
	size_t conn = (size_t)(j + 1);
	/* A preposition after a counted noun starts a phrase of the toll's own
	 * noun phrase, not its figure: "the death toll from the twin blasts
	 * at two markets ... has risen to 47" (two counts markets). */
	if (c && conn > 0 && is_lex(x, conn, RC_LX_PREP) && lex_ending(x, conn - 1, RC_LX_THING))
		return false;
	for (unsigned g = 0; g <= x->r->toll_window && j >= 0; g++) {
		const rc__lex_entry *e = lex_ending(x, (size_t)j, RC_LX_TOLL);
		if (e)
			return claim_before(x, f, e, (size_t)j, FORM_TOLL, out);
		const rc__lex_entry *ge = lex_ending(x, (size_t)j, RC_LX_GENERIC_TOLL);
		if (ge) {
			size_t a = (size_t)j + 1 - ge->p.n, b = (size_t)j + 1;
			int subject;
			int m = toll_np_metric(x, a, b, conn, &subject);
			if (m >= 0) {
				subj s = subject_after(x, f);
				if (s.thing)
					return false;
				if (s.idx >= 0)
					subject = s.idx;
				if (!object_ok(x, m, subject))
					return false;
				*out = make_work(f, FORM_TOLL, m, subject, a, b, s.end - 1);
				return true;
			}
			/* "later raised the figure to 23": a toll of no metric counts
			 * what the claim before it in the sentence counts, but is no
			 * part of it ("18 more suspects ..., bringing the number in
			 * custody to 58") */
			if (x->n_w) {
				if (!claim_like(x, f, &x->w[x->n_w - 1], false, out))
					return false;
				out->part = NULL;
				out->group_part = false;
				return true;
			}
			if (like_previous_sentence(x, f, a, b, out))
				return true;
			/* "... as governments identified their dead; in mid-October
			 * it stood at 2,121": the nearest noun of the dead or hurt
			 * earlier in the sentence names the metric */
			for (size_t k = a; k-- > 0;) {
				const rc__lex_entry *me = NULL;
				if (is_word(x, k) && !(me = lex(x, k, RC_LX_NOUN)))
					me = lex(x, k, RC_LX_STATE);
				if (me && me->idx >= 0) {
					subj s = subject_after(x, f);
					if (s.thing || !object_ok(x, me->idx, s.idx))
						return false;
					*out = make_work(f, FORM_TOLL, me->idx, s.idx, a, b, s.end - 1);
					return true;
				}
			}
			return false;
		}
		/* "The toll, which stood at 12": a relative clause on the noun */
		if (is_word(x, (size_t)j) && is_lex(x, (size_t)j, RC_LX_CLAUSE) && j >= 2 &&
		    is_punct(x, (size_t)j - 1, ',') &&
		    (lex_ending(x, (size_t)j - 2, RC_LX_TOLL) ||
		     lex_ending(x, (size_t)j - 2, RC_LX_GENERIC_TOLL))) {
			j -= 2;
			continue;
		}
		/* "The previous tally, given on Monday, was 290": a phrase set
		 * off by commas after the noun */
		if (is_punct(x, (size_t)j, ',')) {
			long k = j - 1;
			while (k > 0 && j - k < 10 && !boundary_punct(x, (size_t)k) && !is_fig(x, (size_t)k))
				k--;
			if (k > 0 && is_punct(x, (size_t)k, ',') &&
			    (lex_ending(x, (size_t)k - 1, RC_LX_TOLL) ||
			     lex_ending(x, (size_t)k - 1, RC_LX_GENERIC_TOLL))) {
				j = k - 1;
				continue;
			}
			return false;
		}
		/* "the number of people who died in the riot to five", "the
		 * death toll from the fire that gutted the tower has reached
		 * 17": a relative clause inside the noun phrase */
		if (is_word(x, (size_t)j) && relative_word(x, (size_t)j) && j > 0 &&
		    is_word(x, (size_t)j - 1)) {
			j--;
			continue;
		}
		/* "the number of people killed when a ferry sank near Goma has
		 * risen to 78": a clause on the participle of the dead or hurt
		 * inside the noun phrase */
		if (is_word(x, (size_t)j) && is_lex(x, (size_t)j, RC_LX_CLAUSE) && j > 0 &&
		    metric_word(x, (size_t)j - 1) >= 0) {
			j--;
			continue;
		}
		if (!(gap_ok(x, (size_t)j) || (is_fig(x, (size_t)j) && !is_claim_fig(x, (size_t)j))) ||
		    clause_break(x, (size_t)j))
			return false;
		j--;
	}
	return false;
}

/* After a participle used actively ("held Tajik citizenship", "killed 5"),
 * the next token starts an object. */
static bool looks_like_object(const ex *x, size_t i)
{
	if (i >= x->n)
		return false;
	if (x->tok[i].type == RC_TK_FIG || capitalised(x, i))
		return true;
	return is_word(x, i) && (is_lex(x, i, RC_LX_SUBJECT) || is_lex(x, i, RC_LX_DROP_WORD) ||
	                          is_lex(x, i, RC_LX_FILLER));
}

/* The longest verb or state at token i; *is_state tells which. */
static const rc__lex_entry *trigger_at(const ex *x, size_t i, bool *is_state)
{
	const rc__lex_entry *v = lex(x, i, RC_LX_VERB);
	const rc__lex_entry *st = lex(x, i, RC_LX_STATE);
	if (st && (!v || st->p.n >= v->p.n)) {
		*is_state = true;
		return st;
	}
	*is_state = false;
	return v;
}

static bool try_after(const ex *x, size_t f, work *out, work *second)
{
	subj s = subject_after(x, f);
	if (s.thing)
		return false;
	size_t i = s.idx >= 0 ? s.end : s.scan;
	bool unknown_head = s.idx < 0 && s.scan > f + 1;
	int subject = s.idx;
	/* "Three soldiers and a civilian were killed": the figure keeps its
	 * own noun; the second part has no figure of its own here. */
	const rc__lex_entry *conj = s.idx >= 0 && is_word(x, i) ? lex(x, i, RC_LX_CHAIN) : NULL;
	if (conj && (is_lex(x, i + conj->p.n, RC_LX_DROP_WORD) || is_fig(x, i + conj->p.n))) {
		subj s2 = subject_after(x, i + conj->p.n);
		if (s2.idx >= 0)
			i = s2.end;
	}
	/* An appositive between the subject and its verb: "six people, three
	 * of them children, died", "13 people, children among them, were
	 * killed". */
	if (s.idx >= 0 && (is_punct(x, i, ',') || is_punct(x, i, '-'))) {
		char open = x->s[x->tok[i].start];
		size_t k = i + 1;
		while (k < x->n && k < i + 8 && !boundary_punct(x, k) && !is_lex(x, k, RC_LX_CLAUSE))
			k++;
		bool st;
		if (k > i + 1 && is_punct(x, k, open) && is_word(x, k + 1) &&
		    (is_lex(x, k + 1, RC_LX_AUX) || is_lex(x, k + 1, RC_LX_BE) || trigger_at(x, k + 1, &st)))
			i = k + 1;
	}
	/* A relative clause on the subject: "the 1,426 people who died" */
	if ((s.idx >= 0 || i == f + 1) && is_word(x, i) && relative_word(x, i))
		i++;
	/* A participle phrase on the subject: "About 400 people living in
	 * apartment blocks beneath the viaduct were moved out of their homes" */
	if (s.idx >= 0 && is_word(x, i) && !structural(x, i) && !capitalised(x, i) &&
	    is_word(x, i + 1) && is_lex(x, i + 1, RC_LX_PREP))
		i++;
	/* A phrase after the subject: "members of the Daesh group were arrested". */
	const rc__lex_entry *pp = is_word(x, i) ? lex(x, i, RC_LX_PREP) : NULL;
	if (pp && (s.idx >= 0 || i == f + 1)) {
		size_t k = i + pp->p.n;
		/* each preposition of a chain of phrases opens a window of its
		 * own ("in apartment blocks beneath the surviving section of
		 * the viaduct"), up to three windows in all */
		unsigned budget = 3 * x->r->gap_window;
		for (unsigned g = 0; g < x->r->gap_window && budget && gap_ok(x, k); g++, budget--) {
			const rc__lex_entry *pk = lex(x, k, RC_LX_PREP);
			if (pk && g > 0) {
				g = 0;
				k += pk->p.n;
				continue;
			}
			/* "several of the wounded died": a part of a group already
			 * counted, not a figure of its own. */
			if (k > 0 && is_lex(x, k - 1, RC_LX_DROP_WORD) &&
			    (is_lex(x, k, RC_LX_VERB) || is_lex(x, k, RC_LX_STATE)))
				return false;
			if (is_lex(x, k, RC_LX_AUX) || is_lex(x, k, RC_LX_BE) || is_lex(x, k, RC_LX_VERB) ||
			    is_lex(x, k, RC_LX_STATE) || is_lex(x, k, RC_LX_CLAUSE))
				break;
			const rc__lex_entry *se = subject < 0 ? lex(x, k, RC_LX_SUBJECT) : NULL;
			if (se) {
				subject = se->idx;
				k += se->p.n;
				continue;
			}
			k++;
		}
		i = k;
	}
	bool had_aux = false, had_be = false;
	for (int k = 0; k < 6 && is_word(x, i); k++) {
		const rc__lex_entry *b = lex(x, i, RC_LX_BE);
		const rc__lex_entry *a = lex(x, i, RC_LX_AUX);
		const rc__lex_entry *e = b && (!a || b->p.n >= a->p.n) ? b : a;
		/* a hedge after "be" is no verb of its own: "150 people are
		 * believed to have been killed", "Dozens are feared dead" */
		const rc__lex_entry *h = had_be ? lex(x, i, RC_LX_HEDGE) : NULL;
		if (h && (!e || h->p.n > e->p.n))
			e = h;
		if (!e)
			break;
		/* An auxiliary that is also a state ("remain missing") is left
		 * for the trigger when a trigger starts here. */
		bool st;
		const rc__lex_entry *tr = trigger_at(x, i, &st);
		if (tr && tr->p.n > e->p.n)
			break;
		had_aux = true;
		had_be |= b != NULL;
		i += e->p.n;
	}
	/* Unknown words before the verb need an auxiliary ("84 worshippers
	 * were killed"); without one they may be the subject of an active verb. */
	if (unknown_head && !had_aux)
		return false;
	bool is_state;
	const rc__lex_entry *tr = is_word(x, i) ? trigger_at(x, i, &is_state) : NULL;
	/* "were identified and detained": the trigger after a coordination. */
	if (!tr && is_word(x, i) && !structural(x, i) && is_word(x, i + 1)) {
		const rc__lex_entry *cj = lex(x, i + 1, RC_LX_CHAIN);
		if (cj && (tr = trigger_at(x, i + 1 + cj->p.n, &is_state)) != NULL)
			i += 1 + cj->p.n;
	}
	if (!tr)
		return false;
	size_t te = i + tr->p.n;
	if (!is_state && !had_be && looks_like_object(x, te))
		return false;
	if (!object_ok(x, tr->idx, subject))
		return false;
	work w = make_work(f, FORM_AFTER, tr->idx, subject, i, te, te - 1);
	*out = w;
	second->metric = -1;
	/* "Many were killed and injured": one figure, two metrics. */
	const rc__lex_entry *cj = is_word(x, te) ? lex(x, te, RC_LX_CHAIN) : NULL;
	if (cj && is_word(x, te + cj->p.n)) {
		bool st2;
		const rc__lex_entry *t2 = trigger_at(x, te + cj->p.n, &st2);
		if (t2 && t2->idx != tr->idx && object_ok(x, t2->idx, subject)) {
			*second = w;
			second->metric = t2->idx;
			second->ta = te + cj->p.n;
			second->tb = second->ta + t2->p.n;
			second->tail = second->tb - 1;
		}
	}
	return true;
}

static bool try_noun_after(const ex *x, size_t f, work *out)
{
	size_t i = f + 1;
	for (unsigned k = 0; k <= x->r->subject_window && is_word(x, i); k++) {
		const rc__lex_entry *e = lex(x, i, RC_LX_NOUN);
		if (e) {
			const rc__lex_entry *se = lex(x, i, RC_LX_SUBJECT);
			/* "two suicide bombers": the noun is also what is counted. */
			int subject = se && se->p.n == e->p.n ? se->idx : -1;
			if (!object_ok(x, e->idx, subject))
				return false;
			*out = make_work(f, FORM_NOUN, e->idx, subject, i, i + e->p.n, i + e->p.n - 1);
			return true;
		}
		if (structural(x, i) || is_lex(x, i, RC_LX_SUBJECT))
			return false;
		i++;
	}
	return false;
}

/* Figure f counted like the claim head (same metric and trigger); its
 * own noun, else (when inherit_subject) the head's. */
static bool claim_like(const ex *x, size_t f, const work *head, bool inherit_subject, work *out)
{
	subj s = subject_after(x, f);
	if (s.thing || !object_ok(x, head->metric, s.idx))
		return false;
	work w = *head;
	w.fig = f;
	w.form = FORM_CHAIN;
	w.subject = s.idx >= 0 || !inherit_subject ? s.idx : head->subject;
	w.tail = s.end - 1;
	*out = w;
	return true;
}

/* The claim of this chunk whose phrase ends at token j, latest first. */
static const work *claim_ending_at(const ex *x, long j, size_t before)
{
	for (size_t k = x->n_w; k-- > 0;)
		if (x->w[k].fig < before && (long)x->w[k].tail == j)
			return &x->w[k];
	return NULL;
}

/* Does figure f have a predicate of its own that names no metric ("1,127
 * dead and 2,438 rescued", "more than 535 arrested and hundreds still
 * sought")?  Then it is no member of the list before it. */
static bool other_predicate(const ex *x, size_t f)
{
	for (size_t i = f + 1; i < x->n && i < f + 7 && is_word(x, i); i++) {
		if (is_lex(x, i, RC_LX_OTHER_VERB))
			return true;
		bool st;
		if (clause_break(x, i) || trigger_at(x, i, &st) || is_lex(x, i, RC_LX_PREP) ||
		    is_lex(x, i, RC_LX_CHAIN))
			return false;
		if (is_lex(x, i, RC_LX_AUX))
			continue;
		/* A passive participle no table knows, with no metric word after it:
		 * "30 were missing and about 400 had been moved to schools". */
		if (ends_ed(x, i) && lex_ending(x, i - 1, RC_LX_BE)) {
			for (size_t j = i + 1; j < x->n && j < i + 4 && is_word(x, j) && !clause_break(x, j); j++)
				if (trigger_at(x, j, &st))
					return false;
			return true;
		}
	}
	return false;
}

/* "84 in Kerman and 144 in Moscow", "to 84 from 103": a figure listed
 * after a claim takes over its metric and trigger. */
static bool try_chain(const ex *x, size_t f, work *out, size_t *head_index)
{
	long j = (long)f - 1;
	int links = 0;
	while (j >= 0 && links < 3) {
		const rc__lex_entry *e = lex_ending(x, (size_t)j, RC_LX_CHAIN);
		if (!e)
			break;
		j -= (long)e->p.n;
		links++;
	}
	if (!links || j < 0)
		return false;
	const work *head = claim_ending_at(x, j, f);
	/* ... or a site adverb: "20 died there and two later in hospital" */
	if (!head && j > 0 && is_word(x, (size_t)j) && is_lex(x, (size_t)j, RC_LX_SITE_ADVERB))
		head = claim_ending_at(x, (size_t)j - 1, f);
	/* A short place phrase may follow the head: "84 in Kerman and ...". */
	for (long k = j; !head && k > 0 && j - k < 4 && is_word(x, (size_t)k); k--) {
		const rc__lex_entry *pp = lex(x, (size_t)k, RC_LX_PREP);
		if (pp && k + (long)pp->p.n <= j)
			head = claim_ending_at(x, k - 1, f);
	}
	if (!head || other_predicate(x, f) || !claim_like(x, f, head, true, out))
		return false;
	*head_index = (size_t)(head - x->w);
	return true;
}

/*
 * "At least 52 were injured, he said, revising an earlier count of 40": a
 * figure that the text marks as replaced counts what the claim before it
 * in the sentence counts.
 */
static bool try_revision_partner(const ex *x, size_t f, work *out)
{
	if (!x->n_w)
		return false;
	if (!cue_at(x, &x->r->superseded, f) &&
	    !(x->has_revision && cue_at(x, &x->r->revision, f)))
		return false;
	return claim_like(x, f, &x->w[x->n_w - 1], false, out);
}



/* The words of tokens [a, b) from the plain text, white space collapsed. */
static char *words_text(const ex *x, rc_arena *ar, size_t a, size_t b)
{
	if (b <= a)
		return NULL;
	size_t from = x->tok[a].start, to = x->tok[b - 1].end;
	char *out = rc__arena_alloc(ar, to - from + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = from; i < to; i++) {
		char c = x->s[i];
		if (rc__is_space((unsigned char)c)) {
			if (o && out[o - 1] != ' ')
				out[o++] = ' ';
		} else {
			out[o++] = c;
		}
	}
	out[o] = '\0';
	return out;
}

/* ---- parts of a total ------------------------------------------------------------ */

/*
 * What part of a total figure w counts, or NULL when it is a total: a
 * sub-count's group, a labelled cue of the rules ("{N} more": additional,
 * "where {N}": site, "{N} ... still in hospital": in hospital), and for
 * metrics of victims a group narrower than the victims: a nationality
 * word before or as the counted noun ("13 US troops", "60 Afghans") or a
 * subject the rules list as a part ("children").  *nomem on failure.
 */
/* Does the sentence open with a site ("At the Bataclan, ...", "Outside
 * the Stade de France, ...") before figure f? */
static bool site_opening(const ex *x, size_t f)
{
	if (!is_word(x, 0) || !is_lex(x, 0, RC_LX_SITE_OPENER))
		return false;
	size_t k = 1;
	if (is_word(x, k) && is_lex(x, k, RC_LX_DROP_WORD))
		k++;
	if (!capitalised(x, k))
		return false;
	for (; k < f && k < 16; k++) {
		if (is_punct(x, k, ','))
			return true;
		if (is_fig(x, k) || boundary_punct(x, k))
			return false;
	}
	return false;
}

/* An exact count of figure token i, or -1. */
static double exact_count(const ex *x, size_t i)
{
	if (i >= x->n || !is_fig(x, i) || x->tok[i].q < 0)
		return -1;
	const rc_quantity *q = fig_q(x, i);
	if (q->kind != RC_QK_COUNT || q->approx || q->vague || q->qualifier || q->iv.lo != q->iv.hi)
		return -1;
	return q->iv.lo;
}

/*
 * Does the sentence of w split the total of its metric that the sentence
 * before gives into the figures it lists ("Molins put the number of dead
 * attackers at seven.  Six blew themselves up and one was shot dead")?
 * The list opens the sentence, its members have no noun of their own and
 * follow "and" or a comma, and they add up to that total exactly.  The
 * list and the metrics it splits are found once per window.
 */
static void split_scan(ex *x)
{
	x->split_state = 1;
	x->split_metrics = 0;
	if (!x->opens_sentence || !x->n_claims || !x->metas || x->sent == 0)
		return;
	size_t first = 0;
	if (first < x->n && is_word(x, first) && is_lex(x, first, RC_LX_DROP_WORD))
		first++;
	if (first >= x->n || !is_fig(x, first))
		return;
	double sum = exact_count(x, first);
	size_t members = 1, last = first;
	for (size_t k = first + 1; sum >= 0 && k < x->n; k++) {
		if (is_punct(x, k, ';') || (is_word(x, k) && is_lex(x, k, RC_LX_CLAUSE)))
			break;
		if (!is_fig(x, k))
			continue;
		if (!(is_punct(x, k - 1, ',') || (is_word(x, k - 1) && is_lex(x, k - 1, RC_LX_COORD))))
			break;
		double v = exact_count(x, k);
		sum = v < 0 ? -1 : sum + v;
		members++;
		last = k;
	}
	if (sum <= 0 || members < 2)
		return;
	x->split_first = first;
	x->split_last = last;
	for (size_t m = x->n_claims; m-- > 0;) {
		const meta *pm = &x->metas[m];
		if (pm->sent + 1 < x->sent)
			break;
		const rc_claim *c = &x->claims[m];
		if (pm->sent + 1 == x->sent && pm->metric >= 0 && pm->metric < 64 && !c->part &&
		    c->status == RC_CLAIM_CURRENT && c->q.kind == RC_QK_COUNT && !c->q.approx &&
		    c->q.iv.lo == c->q.iv.hi && c->q.iv.lo == sum)
			x->split_metrics |= UINT64_C(1) << pm->metric;
	}
}

static bool splits_previous(ex *x, const work *w)
{
	if (w->subject >= 0 || w->metric < 0 || w->metric >= 64)
		return false;
	if (!x->split_state)
		split_scan(x);
	if (!(x->split_metrics & (UINT64_C(1) << w->metric)) || w->fig < x->split_first ||
	    w->fig > x->split_last)
		return false;
	return w->fig == x->split_first || is_punct(x, w->fig - 1, ',') ||
	       (is_word(x, w->fig - 1) && is_lex(x, w->fig - 1, RC_LX_COORD));
}

/* Does a list of names and figures follow the phrase of w: ", Nigeria
 * 274 and Egypt 190"?  (One to three capitalised words right before each
 * figure, after a comma.) */
static bool name_list_follows(const ex *x, const work *w)
{
	size_t k = w->tail + 1;
	if (k >= x->n || !is_punct(x, k, ','))
		return false;
	k++;
	size_t names = 0;
	while (k < x->n && names < 3 && is_word(x, k) && capitalised(x, k) &&
	       !is_lex(x, k, RC_LX_CLAUSE)) {
		k++;
		names++;
	}
	return names > 0 && k < x->n && is_fig(x, k) && x->tok[k].q >= 0 &&
	       fig_q(x, k)->kind == RC_QK_COUNT;
}

/* Does w name one site of several: a site noun right before its toll
 * ("the metro toll", "the airport death toll") or before its counted
 * noun ("the two airport bombers"), or "there" right after its
 * predicate ("80 people died there")? */
/* Does a relative clause after the counted noun of figure f ("two bombers
 * who blew themselves up at the airport") end at a site: a site opener
 * ("at", "outside", "inside"), an optional dropped word ("the") and a site
 * noun, before the clause ends? */
static bool site_in_relative(const ex *x, size_t f)
{
	size_t i = f + 1;
	for (unsigned k = 0; k < x->r->subject_window && is_word(x, i) && !is_lex(x, i, RC_LX_CLAUSE); k++)
		i++;
	if (!is_word(x, i) || !is_lex(x, i, RC_LX_CLAUSE))
		return false;
	for (int k = 0; ++i < x->n && k < CLAUSE_MAX && !clause_break(x, i); k++) {
		if (!is_word(x, i) || !is_lex(x, i, RC_LX_SITE_OPENER))
			continue;
		size_t j = i + 1;
		if (is_word(x, j) && is_lex(x, j, RC_LX_DROP_WORD))
			j++;
		return is_word(x, j) && is_lex(x, j, RC_LX_SITE);
	}
	return false;
}

static bool site_named(const ex *x, const work *w)
{
	if (w->form == FORM_TOLL && w->tb > w->ta && w->ta > 0 && w->ta < w->fig &&
	    lex_ending(x, w->ta - 1, RC_LX_SITE))
		return true;
	size_t i = w->fig + 1;
	for (unsigned k = 0; k < x->r->subject_window && is_word(x, i); k++) {
		const rc__lex_entry *e = lex(x, i, RC_LX_SITE);
		if (e) {
			size_t after = i + e->p.n;
			return is_word(x, after) &&
			       (is_lex(x, after, RC_LX_SUBJECT) || is_lex(x, after, RC_LX_NOUN));
		}
		if (structural(x, i))
			break;
		i++;
	}
	/* attackers placed at one site by a relative clause: "the two bombers
	 * who blew themselves up at the airport" */
	if (w->metric >= 0 && x->r->metrics[w->metric].by_noun && site_in_relative(x, w->fig))
		return true;
	/* "there" names a site only after a site noun, in its sentence or
	 * the one before ("The deadliest attack was at the Bataclan, a
	 * 1,500-seat venue ...  About 80 people died there"); after the
	 * event's own place it is the event ("the crush at Mina ...  769
	 * pilgrims died there") */
	if (w->tb > w->ta && w->ta > w->fig && (x->site_cur || x->site_prev)) {
		size_t j = w->tb;
		if (j < x->n && is_word(x, j) && is_lex(x, j, RC_LX_SITE_ADVERB))
			return true;
	}
	return false;
}

/* Does the clause of w name an operation against the attackers ("a
 * police raid left three people dead", "Two dead, eight arrested in
 * Saint-Denis raid")?  The clause runs on over a list of figures. */
static bool in_operation(const ex *x, const work *w)
{
	size_t lo = w->fig, hi = w->tail + 1;
	if (w->tb > w->ta && w->ta < lo)
		lo = w->ta;
	if (w->tb > hi)
		hi = w->tb;
	for (int k = 0; lo > 0 && k < CLAUSE_MAX && !clause_break(x, lo - 1); k++)
		lo--;
	for (int k = 0; hi < x->n && k < CLAUSE_MAX; k++, hi++) {
		if (clause_break(x, hi) &&
		    !(is_punct(x, hi, ',') && hi + 1 < x->n && is_fig(x, hi + 1)))
			break;
	}
	for (size_t k = lo; k < hi; k++)
		if (is_word(x, k) && is_lex(x, k, RC_LX_OPERATION))
			return true;
	return false;
}

/* Is the part label of the document's last claim a group of people (a
 * nationality, "children"), not a label of the text's structure? */
static bool group_label(const rc_rules *r, const char *label)
{
	static const char *const structural_labels[] = {"breakdown", "site", "part", "in an operation",
	                                                "by their own hand"};
	if (!label)
		return false;
	for (size_t k = 0; k < sizeof structural_labels / sizeof *structural_labels; k++)
		if (strcmp(label, structural_labels[k]) == 0)
			return false;
	for (size_t k = 0; k < r->n_part_labels; k++)
		if (r->part_labels[k] && strcmp(label, r->part_labels[k]) == 0)
			return false;
	return true;
}

/* The first label of a part that counts on an earlier figure (additional),
 * or NULL. */
static const char *first_relative_label(const rc_rules *r)
{
	for (size_t l = 0; l < r->n_part_labels; l++)
		if (r->part_relative[l])
			return r->part_labels[l];
	return NULL;
}

/* Is label a part that counts on an earlier figure ("additional")? */
static bool relative_label(const rc_rules *r, const char *label)
{
	for (size_t k = 0; label && k < r->n_part_labels; k++)
		if (r->part_relative[k] && r->part_labels[k] && strcmp(label, r->part_labels[k]) == 0)
			return true;
	return false;
}

/* Does figure w open its clause bare ("12 had been killed": an auxiliary
 * or a participle of its metric right after it, a clause start before
 * it), with the document's last claim, of the same metric and a group's
 * part, in the sentence before in the same paragraph? */
static bool group_before(const ex *x, const work *w)
{
	if (!x->n_claims || !x->metas || w->metric < 0 || x->sent == 0)
		return false;
	const meta *pm = &x->metas[x->n_claims - 1];
	const rc_claim *pc = &x->claims[x->n_claims - 1];
	if (pm->sent + 1 != x->sent || pm->metric != w->metric ||
	    x->seg->sent[pm->sent].para != x->seg->sent[x->sent].para || !group_label(x->r, pc->part))
		return false;
	size_t f = w->fig;
	if (f + 1 >= x->n || !is_word(x, f + 1) ||
	    !(is_lex(x, f + 1, RC_LX_AUX) || is_lex(x, f + 1, RC_LX_BE)))
		return false;
	return f == 0 || !is_word(x, f - 1) || is_lex(x, f - 1, RC_LX_CLAUSE);
}

/* The words of demonym d at word i, with a subject word after it when
 * there is one ("Afghan soldiers"); NULL and *nomem when out of memory. */
static char *demonym_text(ex *x, size_t i, const rc__lex_entry *d, bool *nomem)
{
	size_t end = i + d->p.n;
	const rc__lex_entry *se = is_word(x, end) ? lex(x, end, RC_LX_SUBJECT) : NULL;
	if (se)
		end += se->p.n;
	char *t = words_text(x, x->scratch, i, end);
	if (!t)
		*nomem = true;
	return t;
}

/* Do subjects a and b, a's count coordinated before b's, name two groups
 * apart?  A subject that names no group ("people") before one that does is
 * the others ("killed nine people and two guards"), when the rules label
 * them (unspecific_part); after it, "others" are more of the group or the
 * rest of the victims ("killed 50 passengers, and 12 others"): the part
 * cues' business. */
static bool other_group(const rc_rules *r, int a, int b)
{
	if (a < 0 || b < 0 || a == b || r->subject_unspecific[b])
		return false;
	return !r->subject_unspecific[a] || r->unspecific_part;
}

/*
 * Is w one group of a breakdown: a count of one group coordinated with a
 * count of another, both of its metric ("killed 10 soldiers and two
 * civilians", "10 men and one woman died")?  Then neither is the other's
 * total, nor the event's: each is a part.  head is the list head w was
 * chained to, or NULL; the member after w is looked for right after its
 * noun, where no predicate of another metric follows it ("10 soldiers and
 * two civilians were wounded" is no breakdown of the soldiers' metric).
 */
static int by_noun_metric(const ex *x, size_t from, size_t to, bool toll);

/* The count coordinated right after the noun of w's figure ("10 soldiers
 * and two civilians": two), its token, or SIZE_MAX; *m its subject. */
static size_t member_after(const ex *x, const work *w, subj *m)
{
	subj s = subject_after(x, w->fig);
	if (s.idx < 0 || s.idx != w->subject)
		return SIZE_MAX;
	size_t i = s.end;
	/* ", and", "and", "," */
	if (i < x->n && is_punct(x, i, ','))
		i++;
	if (i < x->n && is_word(x, i) && is_lex(x, i, RC_LX_COORD))
		i++;
	if (i == s.end || i >= x->n || !is_fig(x, i) || x->tok[i].q < 0 ||
	    fig_q(x, i)->kind != RC_QK_COUNT)
		return SIZE_MAX;
	*m = subject_after(x, i);
	return i;
}

static bool breakdown_member(const ex *x, const work *w, const work *head)
{
	const rc_rules *r = x->r;
	if (w->metric < 0 || w->subject < 0)
		return false;
	if (head && head->metric == w->metric && head->parent < 0 && other_group(r, head->subject, w->subject))
		return true;
	/* the second of two groups the figure before began: "Six farmers and
	 * three students died" */
	const work *prev = x->n_w ? &x->w[x->n_w - 1] : NULL;
	subj m;
	if (prev && prev->sibling && prev->metric == w->metric && member_after(x, prev, &m) == w->fig)
		return true;
	size_t i = member_after(x, w, &m);
	if (i == SIZE_MAX || m.thing || !other_group(r, w->subject, m.idx))
		return false;
	/* a count another metric counts is no group of this one: "killed 12
	 * people and three attackers" (perpetrators) */
	int nm = by_noun_metric(x, i + 1, i + 1 + r->subject_window, false);
	if (nm >= 0 && nm != w->metric)
		return false;
	for (size_t k = m.end; k < x->n && k < m.end + 3 && is_word(x, k) && !clause_break(x, k); k++) {
		bool st;
		const rc__lex_entry *t = trigger_at(x, k, &st);
		if (t)
			return t->idx == w->metric;
	}
	return true;
}

static const char *part_of(ex *x, work *w, bool *nomem)
{
	w->group_part = false;
	w->others = false;
	const rc_rules *r = x->r;
	const work *prev = x->n_w ? &x->w[x->n_w - 1] : NULL;
	/* Cues.  A part relative to an earlier figure ("Four more people
	 * died") needs that the figure before it be of its metric: after one
	 * of another metric, in its sentence or the one before (in wire copy
	 * often the paragraph before), it means others ("killed 23 people.
	 * Another 36 were wounded", "killed 51 and wounded dozens more"),
	 * unless a figure of its own metric stands there too (from that
	 * figure's sentence on): then it is more of that one ("had climbed to
	 * 233, with about 900 injured.  Authorities are investigating four
	 * more deaths"). */
	bool contrast = false;
	if (x->n_claims && x->metas) {
		const meta *pm = &x->metas[x->n_claims - 1];
		/* others of the victims: the dead against the wounded */
		contrast = pm->metric != w->metric && pm->metric >= 0 && w->metric >= 0 &&
		           r->metrics[pm->metric].victims && r->metrics[w->metric].victims &&
		           (pm->sent == x->sent || pm->sent + 1 == x->sent);
		for (size_t k = x->n_claims; contrast && k-- > 0 && x->metas[k].sent >= pm->sent;)
			if (x->metas[k].metric == w->metric)
				contrast = false;
	}
	size_t a, b;
	uint64_t cand[FIG_CAND_WORDS];
	bool all = !fig_cands(x, &r->part_cues, w->fig, cand);
	for (size_t k = next_cand(cand, all, r->part_cues.n, 0); k < r->part_cues.n;
	     k = next_cand(cand, all, r->part_cues.n, k + 1)) {
		const rc__pattern *p = &r->part_cues.p[k];
		if ((contrast && r->part_relative[p->metric]) ||
		    !match_at_figure(x, p, w->fig, &a, &b))
			continue;
		/* others of an earlier part of the sentence are of its group:
		 * "two Turkish pilgrims died and six others are missing";
		 * after a total they are the rest of the victims ("killed 51
		 * and wounded 49 others") */
		if (r->part_after_part[p->metric]) {
			/* beside a total of its own metric they are more of
			 * it: "killed 50 passengers, and 12 others are feared
			 * dead" (a relative label: "additional") */
			if (prev && !prev->part && prev->metric >= 0 && prev->metric == w->metric &&
			    r->metrics[prev->metric].victims && first_relative_label(r))
				return first_relative_label(r);
			if (!prev || !prev->part || prev->metric < 0 ||
			    !r->metrics[prev->metric].victims)
				continue;
			w->group_part = prev->group_part;
			w->others = true;
			return prev->part;
		}
		w->group_part = r->part_needs_total[p->metric];
		return r->part_labels[p->metric];
	}
	/* A list set off by a colon or a dash after another figure breaks it
	 * down: "at least 34 dead: 14 at the airport and 20 at Maelbeek",
	 * "Forty-four of the dead were shot at Al Noor - 42 died there ..." */
	if (w->fig >= 2 && (is_punct(x, w->fig - 1, ':') || is_punct(x, w->fig - 1, '-'))) {
		for (size_t k = 0; k + 1 < w->fig; k++)
			if (is_fig(x, k) && x->tok[k].q >= 0)
				return "breakdown";
	}
	if (w->parent >= 0)
		return w->subject >= 0 ? r->subjects[w->subject] : "part";
	if (w->metric >= 0 && !w->background && splits_previous(x, w))
		return "breakdown";
	if (w->metric >= 0 && !w->background && site_opening(x, w->fig))
		return "site";
	/* one name of a list of names and figures: "Mali has reported 305
	 * dead, Nigeria 274 and Egypt 190" */
	if (w->metric >= 0 && !w->background && name_list_follows(x, w))
		return "breakdown";
	if (w->metric < 0 || w->background ||
	    !(r->metrics[w->metric].victims || r->metrics[w->metric].by_noun ||
	      r->metrics[w->metric].by_role))
		return NULL;
	/* The rest are parts by their group alone: they need a total in the
	 * text ("a bombing killed 7 officers" is a total; attach_parts
	 * decides). */
	w->group_part = true;
	/* one site of several: "the metro toll", "the two airport bombers",
	 * "80 people died there" */
	if (site_named(x, w))
		return "site";
	/* attackers with someone are some of them, never their number: "the
	 * man seen walking beside two suicide bombers", "arrived with three
	 * accomplices" */
	if (r->metrics[w->metric].by_noun && w->fig > 0 && lex_ending(x, w->fig - 1, RC_LX_ACCOMPANYING)) {
		w->group_part = false;
		return "accompanying";
	}
	/* arrests of a role, beside a total of the arrests: "detained two
	 * factory owners ... and two engineers", of "five people arrested" */
	if (r->metrics[w->metric].by_role) {
		for (size_t i = w->fig + 1; i <= w->fig + 2 && is_word(x, i); i++) {
			const rc__lex_entry *e = lex(x, i, RC_LX_ROLE_NOUN);
			if (e) {
				char *t = words_text(x, x->scratch, w->fig + 1, i + e->p.n);
				if (!t)
					*nomem = true;
				return t;
			}
			if (structural(x, i))
				break;
		}
	}
	if (!r->metrics[w->metric].victims) {
		w->group_part = false;
		return NULL;
	}
	/* the dead of an operation against the attackers, not of the event:
	 * "a police raid left three people dead"; the dead by their own
	 * hand: "seven of them killed themselves" */
	if (in_operation(x, w))
		return "in an operation";
	if (w->tb > w->ta && w->tb < x->n && is_word(x, w->tb) && is_lex(x, w->tb, RC_LX_REFLEXIVE))
		return "by their own hand";
	/* a nationality before or as the counted noun ("13 US troops", "60
	 * Afghans", "18 wounded Americans"), or before a noun of deaths
	 * ("American deaths rise to 13") */
	size_t i = w->fig + 1;
	for (unsigned k = 0; k <= r->subject_window && is_word(x, i); k++) {
		const rc__lex_entry *d = lex(x, i, RC_LX_DEMONYM);
		if (d)
			return demonym_text(x, i, d, nomem);
		if (is_lex(x, i, RC_LX_SUBJECT) || (structural(x, i) && metric_word(x, i) < 0))
			break;
		i++;
	}
	/* ... or before a toll that names the dead or hurt ("the Afghan death
	 * toll", "the Afghan dead"), not before a toll alone ("the Saudi toll"
	 * is the Saudi authorities') */
	if (w->form == FORM_TOLL && w->ta > 0 && w->tb > w->ta &&
	    (is_lex(x, w->ta, RC_LX_NOUN) || is_lex(x, w->ta, RC_LX_STATE) || w->tb - w->ta > 1) &&
	    lex_ending(x, w->ta - 1, RC_LX_DEMONYM)) {
		const rc__lex_entry *d = lex_ending(x, w->ta - 1, RC_LX_DEMONYM);
		char *t = words_text(x, x->scratch, w->ta - d->p.n, w->ta);
		if (!t)
			*nomem = true;
		return t;
	}
	if (w->subject >= 0 && r->part_subject[w->subject])
		return r->subjects[w->subject];
	/* a predicate that names the group: "nine were children" */
	size_t k = w->fig + 1;
	for (int g = 0; g < 3 && is_word(x, k) && (is_lex(x, k, RC_LX_BE) || is_lex(x, k, RC_LX_AUX)); g++)
		k++;
	if (k > w->fig + 1 && is_word(x, k)) {
		const rc__lex_entry *se = lex(x, k, RC_LX_SUBJECT);
		if (se && r->part_subject[se->idx])
			return r->subjects[se->idx];
		const rc__lex_entry *d = lex(x, k, RC_LX_DEMONYM);
		if (d)
			return demonym_text(x, k, d, nomem);
	}
	/* a bare figure that opens its clause with no noun of its own ("12
	 * had been killed") right after a sentence of its paragraph whose
	 * last figure counted a group of the same metric speaks of that
	 * group: "American deaths rise to 13.  Earlier, the general had said
	 * that 12 had been killed and 15 wounded" */
	if (w->subject < 0 && w->form != FORM_TOLL && group_before(x, w)) {
		const rc_claim *pc = &x->claims[x->n_claims - 1];
		w->group_part = true;
		return pc->part;
	}
	/* a figure listed after a part, with no noun of its own, is one too:
	 * "13 US troops and at least 60 Afghans", "60 Afghans were killed
	 * and 140 wounded" */
	size_t reach = w->form == FORM_TOLL && prev && prev->form == FORM_TOLL ? 6 : 3;
	if (w->subject < 0 && prev && prev->part && prev->group_part && prev->metric >= 0 &&
	    r->metrics[prev->metric].victims && prev->tail + reach >= w->fig &&
	    prev->fig < w->fig) {
		w->group_part = prev->group_part;
		return prev->part;
	}
	w->group_part = false;
	return NULL;
}

/* A count of victims whose noun another metric counts ("Eight attackers
 * died", "the number of dead attackers at seven") belongs to that metric:
 * the perpetrators, whatever befell them.  Its metric, or -1. */
static int counted_by_other_metric(const ex *x, const work *w)
{
	const rc_rules *r = x->r;
	if (w->metric < 0 || !r->metrics[w->metric].victims)
		return -1;
	size_t from = w->fig + 1, to = w->fig + 1 + r->subject_window;
	if (w->form == FORM_TOLL && w->tb > w->ta) {
		from = w->tb;
		to = w->fig;
	}
	return by_noun_metric(x, from, to, w->form == FORM_TOLL);
}

/* The metric whose noun (one it counts by_noun: "attackers") stands in
 * tokens [from, to) before a preposition (in a toll's words, across one)
 * or another structural word, or -1. */
static int by_noun_metric(const ex *x, size_t from, size_t to, bool toll)
{
	const rc_rules *r = x->r;
	for (size_t i = from; i < to && i < x->n && is_word(x, i); i++) {
		const rc__lex_entry *e = lex(x, i, RC_LX_NOUN);
		if (e && e->idx >= 0 && r->metrics[e->idx].by_noun)
			return e->idx;
		if (is_lex(x, i, RC_LX_PREP) && !toll)
			break;
		if (structural(x, i) && metric_word(x, i) < 0 && !is_lex(x, i, RC_LX_PREP))
			break;
	}
	return -1;
}

/* ---- earlier events ---------------------------------------------------------------- */

/* The year a year or date quantity names ("2024", "July 2009", "March
 * 15, 2019": its last run of four digits), or 0. */
static int qty_year(const char *s, const rc_quantity *q)
{
	if (q->kind == RC_QK_YEAR)
		return q->value >= 1000 && q->value < 3000 ? (int)q->value : 0;
	if (q->kind != RC_QK_DATE)
		return 0;
	int year = 0;
	for (size_t k = q->start; k + 4 <= q->end; k++) {
		const char *c = s + k;
		if (rc__is_digit((unsigned char)c[0]) && rc__is_digit((unsigned char)c[1]) &&
		    rc__is_digit((unsigned char)c[2]) && rc__is_digit((unsigned char)c[3]) &&
		    (k == q->start || !rc__is_digit((unsigned char)c[-1])) &&
		    (k + 4 == q->end || !rc__is_digit((unsigned char)c[4])))
			year = (c[0] - '0') * 1000 + (c[1] - '0') * 100 + (c[2] - '0') * 10 + (c[3] - '0');
	}
	return year >= 1000 && year < 3000 ? year : 0;
}

static int tok_year(const ex *x, size_t i)
{
	if (i >= x->n || x->tok[i].type != RC_TK_QTY)
		return 0;
	return qty_year(x->s, fig_q(x, i));
}

static bool is_semicolon(const ex *x, size_t i)
{
	return is_punct(x, i, ';');
}

/* "Eight years ago" in [lo, hi): a long time ago ("a year ago", "days
 * ago" name the news itself). */
static bool long_ago(const ex *x, size_t lo, size_t hi)
{
	for (size_t k = lo + 1; k < hi; k++) {
		if (!rc__tok_is(&x->tok[k], x->s, rc__tok_hash("ago", 3), "ago"))
			continue;
		/* the unit is the last word of the duration before "ago" */
		const rc__tok *u = &x->tok[k - 1];
		size_t e = u->end, b = e;
		while (b > u->start && rc__is_alpha((unsigned char)x->s[b - 1]))
			b--;
		rc__tok t = {.start = b, .end = e, .type = RC_TK_WORD, .q = -1,
		             .h = rc__tok_hash(x->s + b, e - b)};
		if (e > b && rc__lex_find(x->r, &t, 1, 0, x->s, RC_LX_LONG_AGO, 0))
			return true;
	}
	return false;
}

/* Does [a, b) open on an indefinite subject followed by an active verb in
 * the past ("a crane toppled into the mosque", "two trains collided"), a
 * new incident? */
static bool new_incident(const ex *x, size_t a, size_t b)
{
	if (a >= b || !((is_word(x, a) && is_lex(x, a, RC_LX_INDEFINITE)) || is_fig(x, a)))
		return false;
	for (size_t k = a + 2; k < b; k++)
		if (ends_ed(x, k) && !(is_lex(x, k - 1, RC_LX_BE) || is_lex(x, k - 1, RC_LX_AUX)))
			return true;
	return false;
}

/*
 * Is the figure of w about an earlier event the text compares with or
 * recalls?  Its reach: its own clause through the end of its trigger's
 * clause, the antecedent of the relative clause it stands in ("the 1990
 * tunnel disaster, which killed 1,426"), and the opening adverbial of its
 * sentence ("In July 2009, six people ... died"), never across a
 * semicolon.  Background when a cue of the rules is there ("ago", "last
 * month's", "came ... after", "surpasses the") or a year before the
 * document's year; *year is the year named there.
 */
static bool background_of(const ex *x, const work *w, int *year)
{
	size_t lo = w->fig, hi = w->fig + 1;
	if (w->form != FORM_CHAIN && w->form != FORM_SUBCOUNT && w->form != FORM_BACKREF) {
		if (w->tb > w->ta && w->ta < lo)
			lo = w->ta;
		if (w->tb > hi)
			hi = w->tb;
	}
	if (w->tail + 1 > hi)
		hi = w->tail + 1;
	size_t cs = lo;
	for (int k = 0; cs > 0 && k < CLAUSE_MAX && !clause_break(x, cs - 1); k++)
		cs--;
	/* a participle clause of a metric verb set off by a comma tells what
	 * the clause before it did when that clause tells of a new incident,
	 * an indefinite subject and a verb in the past of its own: "... two
	 * weeks after a crane toppled into the mosque, killing 111 people";
	 * not "The bombing came a day after the ceasefire, killing 40" (the
	 * bombing killed them) */
	if (cs > 1 && is_punct(x, cs - 1, ',') && cs == lo && w->tb > w->ta && w->ta == cs &&
	    ends_ing(x, cs) && is_lex(x, cs, RC_LX_VERB)) {
		size_t k = cs - 1;
		for (int g = 0; k > 0 && g < CLAUSE_MAX && !clause_break(x, k - 1); g++)
			k--;
		if (new_incident(x, k, cs - 1))
			cs = k;
	}
	/* a relative clause: its antecedent too */
	if (cs > 0 && is_word(x, cs - 1) && is_lex(x, cs - 1, RC_LX_CLAUSE)) {
		size_t k = cs - 1;
		if (k > 0 && is_lex(x, k - 1, RC_LX_PREP))   /* "in which" */
			k--;
		if (k > 0 && is_punct(x, k - 1, ','))
			k--;
		/* the antecedent may be a time phrase: "the deadliest day ...
		 * since August 2011, when 30 died" */
		for (int g = 0; k > 0 && g < CLAUSE_MAX; g++) {
			if (clause_break(x, k - 1) && !(is_word(x, k - 1) && is_lex(x, k - 1, RC_LX_YEAR_WORD)))
				break;
			k--;
		}
		cs = k;
	}
	size_t ce = hi;
	for (int k = 0; ce < x->n && k < CLAUSE_MAX && !clause_break(x, ce) &&
	                !is_fig(x, ce); k++)
		ce++;
	/* the sentence's opening adverbials, up to the last comma before the
	 * clause ("Further back, in 1974, an explosion ... killed 28") */
	size_t open_end = 0;
	for (size_t k = 0; k < cs && k < 24; k++) {
		if (is_fig(x, k) || is_semicolon(x, k) || (is_word(x, k) && is_lex(x, k, RC_LX_CLAUSE)))
			break;
		if (is_punct(x, k, ','))
			open_end = k;
	}
	for (size_t k = open_end; k < cs; k++)
		if (is_semicolon(x, k))
			open_end = 0;
	/* a new incident after the news: "Days later, a drone strike killed
	 * 10" (an opening of later time, then an indefinite subject) */
	bool later = open_end && cue_in(x, &x->r->later_openers, 0, open_end) && cs < x->n &&
	             is_word(x, cs) && is_lex(x, cs, RC_LX_INDEFINITE);
	bool cue = later || long_ago(x, cs, ce) || (open_end && long_ago(x, 0, open_end)) ||
	           cue_in(x, &x->r->background, cs, ce) ||
	           (open_end && cue_in(x, &x->r->background, 0, open_end)) ||
	           cue_at(x, &x->r->background, w->fig);
	int y = 0;
	for (size_t k = cs; k < ce && !y; k++)
		y = tok_year(x, k);
	for (size_t k = 0; k < open_end && !y; k++)
		y = tok_year(x, k);
	/* the year before the document's, said so at the clause's end: "More
	 * than 2,500 migrants died or went missing in the central Mediterranean
	 * last year" (a year's total) is a year named, up to the next
	 * punctuation, figure or clause word; only when the document is dated
	 * (a year the text names may be any law's or report's) */
	if (!y && x->pub_year > 1 && x->r->last_year.n) {
		size_t e = ce;
		bool period = false;   /* every such phrase holds a period word ("year") */
		for (size_t k = cs; k < ce && !period; k++)
			period = is_word(x, k) && is_lex(x, k, RC_LX_PERIOD);
		for (; e < x->n && e < ce + CLAUSE_MAX && is_word(x, e) && !is_lex(x, e, RC_LX_CLAUSE); e++)
			period = period || is_lex(x, e, RC_LX_PERIOD);
		if (period && cue_in(x, &x->r->last_year, cs, e))
			y = x->pub_year - 1;
	}
	*year = 0;
	if (cue || (y && x->ref_year && y < x->ref_year)) {
		*year = y;
		return true;
	}
	return false;
}

/* Does figure w count others beside the victims of the claim just before
 * it (in its sentence or the one before it in its paragraph), a claim of
 * an earlier event?  Both count victims; rules: background.others. */
static bool others_of_background(const ex *x, const work *w)
{
	if (!x->n_claims || !x->metas || w->metric < 0 || !x->r->metrics[w->metric].victims)
		return false;
	const meta *pm = &x->metas[x->n_claims - 1];
	const rc_claim *pc = &x->claims[x->n_claims - 1];
	if (!pc->background || pm->metric < 0 || !x->r->metrics[pm->metric].victims)
		return false;
	if (pm->sent != x->sent &&
	    (pm->sent + 1 != x->sent || x->seg->sent[pm->sent].para != x->seg->sent[x->sent].para))
		return false;
	return cue_at(x, &x->r->background_others, w->fig);
}

/* Is figure token f a number that is never a figure alone ("one")? */
static bool not_figure(const ex *x, size_t f)
{
	if (f >= x->n || x->tok[f].q < 0)
		return false;
	const rc_quantity *q = fig_q(x, f);
	rc__tok t = {.start = q->num_start, .end = q->num_end, .type = RC_TK_WORD, .q = -1};
	if (t.end <= t.start)
		return false;
	t.h = rc__tok_hash(x->s + t.start, t.end - t.start);
	return rc__lex_find(x->r, &t, 1, 0, x->s, RC_LX_NOT_FIGURE, 0) != NULL;
}



/* ---- status -------------------------------------------------------------------- */

/*
 * The tokens status cues are read in: [*cs, *hi), the figure's clause up
 * to its trigger; a complement clause ("denied that 100 people had been
 * taken", "had said that 270 were injured") with the clause governing it.
 */
static void status_range(const ex *x, const work *w, size_t *cs_out, size_t *hi_out)
{
	size_t lo = w->fig, hi = w->fig + 1;
	if (w->form != FORM_CHAIN && w->form != FORM_SUBCOUNT && w->form != FORM_BACKREF) {
		if (w->ta < lo)
			lo = w->ta;
		if (w->tb > hi)
			hi = w->tb;
	}
	size_t cs = lo;
	for (int k = 0; cs > 0 && k < CLAUSE_MAX && !clause_break(x, cs - 1); k++)
		cs--;
	if (cs > 0 && rc__tok_is(&x->tok[cs - 1], x->s, rc__tok_hash("that", 4), "that") &&
	    !(cs > 1 && boundary_punct(x, cs - 2))) {
		size_t k = cs - 1;
		for (int g = 0; k > 0 && g < CLAUSE_MAX && !clause_break(x, k - 1); g++)
			k--;
		cs = k;
	}
	*cs_out = cs;
	*hi_out = hi;
}

/* A figure its clause rejects ("rejected the idea that this meant 1,090
 * deaths") is quoted only to be rejected: no claim. */
/* Does a cue of set stand in [lo, hi) outside the stretch from a source's
 * name to its cue ("Two officials who asked not to be named said 40 had
 * died": the "not" is about the officials, not the figure)? */
static bool cue_outside_sources(const ex *x, const rc__pattern_set *set, size_t lo, size_t hi)
{
	for (size_t j = cue_find(x, set, lo, hi); j < hi; j = cue_find(x, set, j + 1, hi)) {
		bool inside = false;
		for (size_t k = 0; k < x->n_hits && !inside; k++)
			inside = x->hits[k].anchor >= x->hits[k].b && j >= x->hits[k].a &&
			         j < x->hits[k].anchor;
		if (!inside)
			return true;
	}
	return false;
}

/* Is figure token f inside the name of a source of the sentence ("Up to
 * 40 villagers were killed, three local sources said")? */
static bool in_source(const ex *x, size_t f)
{
	for (size_t k = 0; k < x->n_hits; k++)
		if (f >= x->hits[k].a && f < x->hits[k].b)
			return true;
	return false;
}

static bool rejected(const ex *x, const work *w)
{
	size_t cs, hi;
	status_range(x, w, &cs, &hi);
	return cue_in(x, &x->r->rejected, cs, hi);
}

/* Does the figure's clause, [cs, hi) through the next clause break, give a
 * time of its own ("By Thursday ...", "... by nightfall")? */
static bool own_time(const ex *x, size_t cs, size_t hi)
{
	for (int k = 0; hi < x->n && k < CLAUSE_MAX && !clause_break(x, hi); k++)
		hi++;
	return cue_in(x, &x->r->time_anchors, cs, hi);
}

/* "By Thursday the tally had risen to 25", "the toll had reached 50 by
 * nightfall": a past perfect with a time of its own tells the level at that
 * time, a dated level (dated_levels), not a figure since replaced. */
static bool anchored_past_perfect(const ex *x, const work *w)
{
	size_t cs, hi;
	status_range(x, w, &cs, &hi);
	return cue_in(x, &x->r->past_perfect, cs, hi) && own_time(x, cs, hi);
}

static bool is_had(const ex *x, size_t i)
{
	return i < x->n && rc__tok_is(&x->tok[i], x->s, rc__tok_hash("had", 3), "had");
}

/* Does a verb of reported speech stand before word i ("said", "told")? */
static bool reported_before(const ex *x, size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (is_word(x, k) && is_lex(x, k, RC_LX_REPORTED))
			return true;
	return false;
}

/* Is the clause of "had" at word i what a verb of reported speech just
 * before it reports ("told Reuters they had counted")?  Not a clause of its
 * own after a comma ("said 31 had died, a day after it had cut ..."). */
static bool reports_clause(const ex *x, size_t i)
{
	for (size_t k = i; k-- > 0 && i - k <= REPORTED_GAP;) {
		if (boundary_punct(x, k) || is_fig(x, k))
			return false;
		if (is_word(x, k) && is_lex(x, k, RC_LX_REPORTED))
			return true;
	}
	return false;
}

/*
 * Does the source that closes the figure's clause say it said so before
 * ("The quake killed 120 people, officials said earlier in the day", "...,
 * the ministry had previously said")?  The closing clause after the
 * figure's [.., hi), no other figure between: its words up to the next
 * break hold a slot-less superseded cue.
 */
static bool closing_source_earlier(const ex *x, size_t hi)
{
	for (size_t k = 0; k < x->n_hits; k++) {
		const attr_hit *h = &x->hits[k];
		size_t from = h->a < h->anchor ? h->a : h->anchor;
		if (!h->closing || from < hi || from >= x->n)
			continue;
		bool between = false;
		for (size_t i = hi; i < from && !between; i++)
			between = is_fig(x, i);
		size_t end = (h->b > h->anchor ? h->b : h->anchor) + 1;
		if (end > x->n)
			end = x->n;
		while (end < x->n && !clause_break(x, end))
			end++;
		if (!between && cue_in(x, &x->r->superseded, from, end))
			return true;
	}
	return false;
}

static rc_claim_status status_of(const ex *x, const work *w)
{
	size_t cs, hi;
	status_range(x, w, &cs, &hi);
	const rc_rules *r = x->r;
	/* A cue on the figure itself says what it is replaced by, whatever
	 * the clause says: "253 died, not 359", "368 rather than 352". */
	if (cue_at(x, &r->superseded, w->fig) || (x->has_revision && cue_at(x, &r->revision, w->fig)))
		return RC_CLAIM_SUPERSEDED;
	if (cue_outside_sources(x, &r->hypothetical, cs, hi) || cue_at(x, &r->hypothetical, w->fig)) {
		/* "..., which would put the total at 183" works out a sum from
		 * the figures before it: its modal is arithmetic, not a
		 * possibility, unless another cue of the sentence makes it one
		 * ("If confirmed, that would bring the toll to 50") */
		size_t j = cue_find(x, &r->computed, cs, hi);
		if (j == hi || cue_at(x, &r->hypothetical, w->fig) || cue_in(x, &r->hypothetical, 0, j) ||
		    cue_in(x, &r->hypothetical, j + 1, hi))
			return RC_CLAIM_HYPOTHETICAL;
	}
	/* "The ministry had counted 80 dead" tells of a figure since
	 * replaced; "Residents told Reuters they had counted 25 bodies" is
	 * reported speech in the past: the figure stands */
	size_t j = cue_find(x, &r->superseded, cs, hi);
	if (j < hi && !(is_had(x, j) && reports_clause(x, j) && !cue_in(x, &r->superseded, j + 1, hi)))
		return RC_CLAIM_SUPERSEDED;
	if (closing_source_earlier(x, hi))
		return RC_CLAIM_SUPERSEDED;
	/* "The toll had stood at 35 overnight" likewise; "the ministry said
	 * the toll had reached 89" stands. */
	if (cue_in(x, &r->past_perfect, cs, hi)) {
		size_t had = cs;
		while (had < hi && !is_had(x, had))
			had++;
		if (!reported_before(x, had) && !own_time(x, cs, hi))
			return RC_CLAIM_SUPERSEDED;
	}
	/* "the toll had topped 1,000": the verb is the figure's qualifier */
	if (w->fig > 0 && qualifier_connects(x, w->fig) &&
	    rc__tok_is(&x->tok[w->fig - 1], x->s, rc__tok_hash("had", 3), "had"))
		return RC_CLAIM_SUPERSEDED;
	if (x->has_aggregate)
		return RC_CLAIM_AGGREGATE;
	return RC_CLAIM_CURRENT;
}

/* ---- attribution ------------------------------------------------------------- */

/* An acronym ("IS", "IRNA") is a name even when it spells a function word. */
static bool acronym(const ex *x, size_t i)
{
	const rc__tok *t = &x->tok[i];
	if (t->type != RC_TK_WORD || t->end - t->start < 2)
		return false;
	for (size_t k = t->start; k < t->end; k++)
		if (!(x->s[k] >= 'A' && x->s[k] <= 'Z'))
			return false;
	return true;
}

/* A name's words: acronyms ("IS"), and capitalised words after another
 * ("United Nations") even when they spell a function word or a thing. */
static bool np_stop(const ex *x, size_t i)
{
	if (acronym(x, i) || (i > 0 && capitalised(x, i) && capitalised(x, i - 1)))
		return false;
	return structural(x, i) || is_lex(x, i, RC_LX_SKIP);
}

/* The period of a title, an initial or dotted capitals inside a name:
 * "Gen. Kenneth McKenzie", "George W. Bush", "the U.S. Embassy" (written
 * against the word before it, a capitalised word after it; the splitter
 * has already decided that no sentence ends there). */
static bool dotted_word(const ex *x, size_t i)
{
	return is_word(x, i) && memchr(x->s + x->tok[i].start, '.', x->tok[i].end - x->tok[i].start);
}

/* Is token i the period of an abbreviation written against the word
 * before it? */
static bool abbreviation_dot(const ex *x, size_t i)
{
	return i > 0 && is_punct(x, i, '.') && x->tok[i - 1].end == x->tok[i].start &&
	       rc__segment_title_dot(x->s, x->tok[i - 1].start, x->tok[i].start);
}

static bool title_dot(const ex *x, size_t i)
{
	return abbreviation_dot(x, i) && capitalised(x, i - 1) &&
	       (capitalised(x, i + 1) || (dotted_word(x, i - 1) && is_word(x, i + 1)));
}

static bool name_link(const ex *x, size_t i)
{
	return i > 0 && is_lex(x, i, RC_LX_NAME_LINK) && capitalised(x, i - 1) &&
	       capitalised(x, i + 1);
}

/* Trim the source [a, b): articles, "official" before a name, "news
 * agency" after one.  Returns false when nothing is left. */
static bool np_trim(const ex *x, size_t a, size_t b, attr_hit *h)
{
	/* a time after a preposition is no part of the name: "On Saturday
	 * AFAD had put the toll at 31", "By Tuesday officials had counted"
	 * (but "the Sunday Times") */
	const rc__lex_entry *tp = a < b && is_word(x, a) ? lex(x, a, RC_LX_TIME_PREP) : NULL;
	size_t at = tp ? a + tp->p.n : a;
	if (tp || (a > 0 && lex_ending(x, a - 1, RC_LX_TIME_PREP))) {
		const rc__lex_entry *t;
		while (at < b && (t = lex(x, at, RC_LX_SKIP)) && at + t->p.n < b)
			at += t->p.n;
		if (at > a + (tp ? tp->p.n : 0))
			a = at;
	}
	for (int guard = 0; guard < 8 && a < b; guard++) {
		const rc__lex_entry *e = lex(x, a, RC_LX_DROP_WORD);
		if (e && a + e->p.n <= b) {
			a += e->p.n;
			continue;
		}
		e = lex(x, a, RC_LX_DROP_NAME);
		if (e && a + e->p.n < b && capitalised(x, a + e->p.n)) {
			a += e->p.n;
			continue;
		}
		break;
	}
	for (size_t k = 0; k < x->r->n_drop_suffixes; k++) {
		const rc__phrase *p = &x->r->drop_suffixes[k];
		/* after a name only: "the Xinhua news agency" is Xinhua, "the
		 * national search and rescue agency" stays whole */
		if (b - a <= p->n || !(capitalised(x, b - p->n - 1) || acronym(x, b - p->n - 1)))
			continue;
		bool eq = true;
		for (uint32_t m = 0; m < p->n && eq; m++)
			eq = rc__tok_is(&x->tok[b - p->n + m], x->s, p->h[m], p->w[m]);
		if (eq) {
			b -= p->n;
			break;
		}
	}
	while (a < b && is_lex(x, a, RC_LX_NAME_LINK))
		a++;
	while (b > a && lex_ending(x, b - 1, RC_LX_NAME_LINK))
		b--;
	/* no name ends in an article: "bringing the confirmed toll to 85"
	 * has an adjective where a cue's verb would be */
	if (a >= b || is_lex(x, b - 1, RC_LX_NP_OPENER))
		return false;
	const rc__lex_entry *pr = lex(x, a, RC_LX_PRONOUN);
	h->a = a;
	h->b = b;
	h->pronoun = pr && a + pr->p.n == b;
	return true;
}

/* Does the word i join a source's name to the words before it, walking
 * back?  A link between capitals ("Ministry of Intelligence", "police and
 * residents" right before the cue: right_end), a role's "of" or "for" ("the
 * head of the agency", "a spokesman for the navy") and "of the" inside a
 * name ("Minister of the Interior"). */
static bool np_link(const ex *x, size_t i, bool right_end)
{
	if (!is_word(x, i) || i == 0)
		return false;
	/* a place after a common noun: "civil society groups in Goma",
	 * "Doctors in Gaza" */
	if (is_lex(x, i, RC_LX_PLACE_LINK))
		return capitalised(x, i + 1) && is_word(x, i - 1) && !np_stop(x, i - 1) &&
		       (!capitalised(x, i - 1) || i == 1 || !is_word(x, i - 2));
	if (!is_lex(x, i, RC_LX_NAME_LINK))
		return false;
	if (name_link(x, i) || lex_ending(x, i - 1, RC_LX_APPOSITIVE_ROLE))
		return true;
	if (is_lex(x, i + 1, RC_LX_NP_OPENER) && capitalised(x, i - 1) && capitalised(x, i + 2))
		return true;
	return right_end && is_word(x, i - 1) && !np_stop(x, i - 1);
}

/* The source named before a cue ending at token j: "Iran's Intelligence
 * Ministry [on Friday] said". */
static bool np_back(const ex *x, long j, attr_hit *h)
{
	long role_end = -1;
	for (int k = 0; k < 6 && j >= 0; k++) {
		if (x->tok[j].type == RC_TK_QTY) {
			j--;
			continue;
		}
		const rc__lex_entry *e = acronym(x, (size_t)j) ? NULL
		                         : lex_ending(x, (size_t)j, RC_LX_SKIP);
		if (e) {
			j -= (long)e->p.n;
			continue;
		}
		/* "Islamic State (IS) claimed": skip a short parenthesis. */
		if (is_punct(x, (size_t)j, ')')) {
			long o = j - 1;
			while (o >= 0 && j - o < 6 && !is_punct(x, (size_t)o, '('))
				o--;
			if (o >= 0 && is_punct(x, (size_t)o, '(')) {
				j = o - 1;
				continue;
			}
		}
		break;
	}
	if (j < 0)
		return false;
	/* "Two Afghan officials who asked not to be named put": step over a
	 * relative clause set off by no comma to the noun it tells of */
	for (long r = j; r > 0 && j - r < REL_CLAUSE_MAX && is_word(x, (size_t)r); r--) {
		if (is_lex(x, (size_t)r, RC_LX_REL_SUBJECT)) {
			if (is_word(x, (size_t)r - 1))
				j = r - 1;
			break;
		}
	}
	/* "Iran Human Rights, which tallies deaths ..., says", "Angelo
	 * Borrelli, head of Italy's Civil Protection Department, told",
	 * "Gunasekera, speaking at the same briefing, put": step over an
	 * appositive or relative clause set off by commas; but when the
	 * words between the commas are themselves a name ("the ministry's
	 * communications director, Faisal Alzahrani, told"), they are the
	 * source. */
	if (is_punct(x, (size_t)j, ',')) {
		long k = j - 1;
		while (k >= 0 && j - k < 24 && !is_punct(x, (size_t)k, ',') &&
		       !is_punct(x, (size_t)k, '.') && !is_punct(x, (size_t)k, ';') &&
		       !is_fig(x, (size_t)k))
			k--;
		if (k < 1 || !is_punct(x, (size_t)k, ','))
			return false;
		bool name = j - k >= 2 && j - k <= 5;
		for (long m = k + 1; m < j && name; m++)
			name = capitalised(x, (size_t)m) || acronym(x, (size_t)m) || name_link(x, (size_t)m);
		if (name)
			return np_trim(x, (size_t)k + 1, (size_t)j, h);
		/* an appositive that names the source's role ("head of Italy's
		 * Civil Protection Department", "a spokesman for the army") is
		 * part of who speaks: it tells the source's authority */
		long r = k + 1;
		while (r < j && is_word(x, (size_t)r) && is_lex(x, (size_t)r, RC_LX_DROP_WORD))
			r++;
		if (r < j && is_word(x, (size_t)r) && is_lex(x, (size_t)r, RC_LX_APPOSITIVE_ROLE))
			role_end = j;
		j = k - 1;
	}
	long i = j;
	for (unsigned count = 0; i >= 0 && count < x->r->attribution_window; count++) {
		if (title_dot(x, (size_t)i) && i > 0 && !np_stop(x, (size_t)i - 1)) {
			i--;
			continue;
		}
		/* "the national search and rescue agency" */
		const rc__lex_entry *cp = lex_ending(x, (size_t)i, RC_LX_NP_COMPOUND);
		if (cp && (size_t)i + 1 >= cp->p.n) {
			i -= (long)cp->p.n;
			continue;
		}
		if (!is_word(x, (size_t)i) ||
		    (np_stop(x, (size_t)i) && !np_link(x, (size_t)i, i == j - 1)))
			break;
		/* an article after a noun opens the name: "a figure the
		 * interior ministry revised" is the ministry's; the name goes on
		 * over a role's "of" ("the head of the agency") and a participle
		 * ("a senior army officer overseeing the rescue") */
		if (is_lex(x, (size_t)i, RC_LX_NP_OPENER) && i > 0 && is_word(x, (size_t)i - 1) &&
		    !np_stop(x, (size_t)i - 1) && !np_link(x, (size_t)i - 1, false) &&
		    !ends_ing(x, (size_t)i - 1)) {
			i--;
			break;
		}
		/* a pronoun after a noun is a reduced relative clause's subject
		 * ("the figure it had given"): about that noun, no source */
		if (i == j && is_lex(x, (size_t)i, RC_LX_PRONOUN) && i > 0 && is_word(x, (size_t)i - 1) &&
		    !np_stop(x, (size_t)i - 1) && !is_lex(x, (size_t)i - 1, RC_LX_NAME_LINK))
			return false;
		i--;
	}
	/* a small count opens the name: "two local sources said"; not a
	 * pronoun's ("the six he announced") nor one before another noun
	 * phrase ("the four the mayor gave") */
	double n = i >= 0 && i < j ? exact_count(x, (size_t)i) : -1;
	if (n >= 2 && n <= SOURCE_COUNT_MAX && !is_lex(x, (size_t)i + 1, RC_LX_PRONOUN) &&
	    !is_lex(x, (size_t)i + 1, RC_LX_DROP_WORD))
		i--;
	if (!np_trim(x, (size_t)(i + 1), (size_t)j + 1, h))
		return false;
	if (role_end > 0 && h->b == (size_t)j + 1)
		h->b = (size_t)role_end;
	return true;
}

/* The source named after a cue: "according to [the Intelligence Ministry]". */
static bool np_fwd(const ex *x, size_t i, attr_hit *h)
{
	size_t k = i;
	bool content = false;
	for (unsigned count = 0; k < x->n && count < x->r->attribution_window; count++) {
		if (content && title_dot(x, k)) {
			k++;
			continue;
		}
		if (!is_word(x, k) || (np_stop(x, k) && !name_link(x, k)))
			break;
		/* a determiner starts another noun phrase ("civil protection
		 * officials the day before"), unless a preposition leads to it
		 * ("a list kept by the district administration") */
		if (content && is_lex(x, k, RC_LX_DROP_WORD) && !capitalised(x, k) &&
		    !rc__tok_is(&x->tok[k], x->s, rc__tok_hash("by", 2), "by") &&
		    !(is_lex(x, k - 1, RC_LX_PREP) || is_lex(x, k - 1, RC_LX_NAME_LINK) ||
		      rc__tok_is(&x->tok[k - 1], x->s, rc__tok_hash("by", 2), "by")))
			break;
		/* a participle after the name opens a phrase of its own ("an AFP
		 * tally based on official sources"), unless its agent follows
		 * ("figures released by the ministry") */
		if (content && !capitalised(x, k) && ends_ed(x, k) &&
		    !(k + 1 < x->n && rc__tok_is(&x->tok[k + 1], x->s, rc__tok_hash("by", 2), "by")))
			break;
		content |= !is_lex(x, k, RC_LX_DROP_WORD);
		k++;
	}
	/* a name that ends in dotted capitals keeps its last period: "the U.N." */
	if (k > i && dotted_word(x, k - 1) && abbreviation_dot(x, k))
		k++;
	/* "according to a count compiled by The Associated Press", "figures
	 * released by the ministry": the agent after "by" is the source; not
	 * after a relay ("a health official quoted by the BBC") */
	for (size_t m = k; m-- > i + 1;)
		if (m + 1 < k && rc__tok_is(&x->tok[m], x->s, rc__tok_hash("by", 2), "by")) {
			if (!is_lex(x, m - 1, RC_LX_RELAY))
				i = m + 1;
			break;
		}
	return np_trim(x, i, k, h);
}

/* Has [a, b) a capitalised word or an acronym? */
static bool has_capital(const ex *x, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (capitalised(x, k) || acronym(x, k))
			return true;
	return false;
}

/* A source is an agent, not a counted noun or a toll ("the number of
 * people confirmed", "22 people were confirmed dead"): names whose last
 * word the rules list as no name, and names that are a figure's noun. */
static bool source_ok(const ex *x, const attr_hit *h)
{
	if (h->b <= h->a)
		return false;
	/* a lone lower-case participle is a verb, not a name: "police had
	 * received reports" does not make "received" a source */
	if (h->b == h->a + 1 && !capitalised(x, h->a) && !acronym(x, h->a)) {
		const rc__tok *t = &x->tok[h->a];
		if (t->end - t->start > 3 && x->s[t->end - 2] == 'e' && x->s[t->end - 1] == 'd')
			return false;
	}
	if (lex_ending(x, h->b - 1, RC_LX_NOT_NAME) && !has_capital(x, h->a, h->b))
		return false;
	size_t k = h->a;
	while (k > 0 && is_word(x, k - 1) && is_lex(x, k - 1, RC_LX_DROP_WORD))
		k--;
	return !(k > 0 && is_fig(x, k - 1) && !has_capital(x, h->a, h->b));
}

static rc_status find_attributions(ex *x)
{
	x->n_hits = 0;
	const rc__pattern_set *sets[3] = {&x->r->attr_primary, &x->r->attr_secondary,
	                                  &x->r->attr_tertiary};
	for (int tier = 0; tier < 3; tier++) {
		const rc__pattern_set *set = sets[tier];
		for (size_t i = 0; i < x->n; i++) {
			if (x->tok[i].type != RC_TK_WORD && x->tok[i].type != RC_TK_PUNCT)
				continue;
			size_t k, end = anchored(set, x->tok[i].h, &k);
			for (; k < end; k++) {
				const rc__pattern *p = &set->p[set->anchors[k].pattern];
				if (!lit_eq(x, &p->t[p->anchor], i))
					continue;
				long e = match_fwd(x, p, p->anchor, i, x->n);
				if (e < 0)
					continue;
				attr_hit h = {.tier = tier, .anchor = i, .bound = -1};
				bool ok = p->slot == 0 ? np_back(x, (long)i - 1, &h)
				                       : np_fwd(x, (size_t)e, &h);
				if (!ok || !source_ok(x, &h))
					continue;
				/* Does the cue close its sentence or clause ("..., police
				 * said in the evening.", "..., Molins told a news
				 * conference on Saturday, warning ...")?  Up to the next
				 * punctuation there may be adjuncts and an indirect
				 * object, not a complement of its own: no figure, no
				 * clause word, no auxiliary ("diplomats say identification
				 * has been slowed", "reports 934 injured"). */
				size_t after = p->slot == 0 ? (size_t)e : h.b;
				h.closing = false;
				for (int g = 0; g < 14; g++, after++) {
					if (after >= x->n || boundary_punct(x, after)) {
						h.closing = true;
						break;
					}
					/* a complement about the figure itself vouches for
					 * it: "..., told reporters it remained accurate" */
					if (is_word(x, after) && is_lex(x, after, RC_LX_VOUCH)) {
						h.closing = true;
						break;
					}
					/* a subordinate clause after the adjuncts ("said on
					 * Monday after four patients died") closes too; "that"
					 * opens the cue's own complement */
					if (is_word(x, after) && is_lex(x, after, RC_LX_CLAUSE) &&
					    !rc__tok_is(&x->tok[after], x->s, rc__tok_hash("that", 4), "that")) {
						h.closing = true;
						break;
					}
					if (is_fig(x, after) || (is_word(x, after) &&
					    (is_lex(x, after, RC_LX_CLAUSE) || is_lex(x, after, RC_LX_AUX) ||
					     is_lex(x, after, RC_LX_BE))))
						break;
				}
				h.ends_sentence = h.closing && (after >= x->n || is_punct(x, after, '.') ||
				                                is_punct(x, after, '!') ||
				                                is_punct(x, after, '?'));
				/* ", said {X}" names the source only when it closes:
				 * "said examination of the remains showed ..." does not */
				if (p->slot != 0 && p->anchor == 0 && x->tok[i].type == RC_TK_PUNCT &&
				    !h.closing && tier > 0)
					continue;
				/* "{X} :" opens a headline with a source: "Paris
				 * prosecutor: 129 killed" (a role the rules list), not
				 * "Genoa bridge: ..." */
				if (p->slot == 0 && x->tok[h.anchor].type == RC_TK_PUNCT &&
				    (h.a != 0 || !lex_ending(x, h.b - 1, RC_LX_ROLE)))
					continue;
				if (p->slot == 0) {
					size_t k2 = h.a;
					while (k2 > 0 && is_word(x, k2 - 1) && is_lex(x, k2 - 1, RC_LX_DROP_WORD))
						k2--;
					/* not a number inside a name: "Rescue 1122
					 * spokeswoman Farukh Ahmed told" */
					if (k2 > 0 && is_fig(x, k2 - 1) &&
					    !(k2 > 1 && capitalised(x, k2 - 2) && !is_lex(x, k2 - 2, RC_LX_DROP_WORD)))
						h.bound = (long)k2 - 1;
				} else if (p->anchor == 0 && i > 0) {
					/* "the 39 announced by civil protection officials":
					 * a participle on a figure (and its noun) is that
					 * figure's */
					size_t k2 = i - 1;
					const rc__lex_entry *se = lex_ending(x, k2, RC_LX_SUBJECT);
					if (!se)
						se = lex_ending(x, k2, RC_LX_NOUN);
					if (se && k2 + 1 >= se->p.n)
						k2 -= se->p.n;
					if (is_fig(x, k2))
						h.bound = (long)k2;
				}
				if (RC_GROW(x->hits, x->cap_hits, x->n_hits + 1) != RC_OK)
					return RC_ERR_NOMEM;
				x->hits[x->n_hits++] = h;
				break;
			}
		}
	}
	return RC_OK;
}

/* The source's words from the plain text, white space collapsed. */
static char *hit_text(const ex *x, rc_arena *a, const attr_hit *h)
{
	return words_text(x, a, h->a, h->b);
}

/* The source the sentences before sentence si named, for "he said" (up to
 * three back). */
static const char *earlier_source_at(const ex *x, size_t si)
{
	for (size_t k = 1; k <= 3 && k <= si; k++)
		if (x->sattr[si - k].text)
			return x->sattr[si - k].text;
	return NULL;
}

static const char *earlier_source(const ex *x)
{
	return earlier_source_at(x, x->sent);
}

/* Is the word s[0, n) a one-word entry of lexicon class cls?  (For the
 * word inside a possessive, "ministry" of "ministry's": rare enough for a
 * scan.) */
static bool word_in_class(const ex *x, const char *s, size_t n, int cls)
{
	for (size_t e = 0; e < x->r->n_lex; e++) {
		const rc__lex_entry *le = &x->r->lex[e];
		if (le->cls == cls && le->p.n == 1 && rc__eq_nocase(s, n, le->p.w[0]))
			return true;
	}
	return false;
}

/*
 * The owner of the count a figure is given as, when no cue names a source:
 * "the kingdom's own toll of 769", "Iran's count of 464", "the official
 * Saudi toll of 769" (the Saudi authorities', rules: demonym_owner).  A
 * possessive owns a count only when it is a name or an authority
 * (rules: owner_nouns), never a time (rules: not_owners): "the storm's
 * toll of 40" and "Monday's toll of 40" have no source.  Sets [*a, *b) to
 * the owner's words ("'s" included) and *demonym when it is a nationality.
 */
static bool owner_at(const ex *x, size_t f, int depth, size_t *a, size_t *b, bool *demonym)
{
	/* the next figure of a list owned as a whole: "the official Saudi
	 * toll of 769 killed and 934 injured" */
	if (depth < 3 && f >= 2 && is_word(x, f - 1) && is_lex(x, f - 1, RC_LX_CHAIN)) {
		for (size_t p = f - 1; p-- > 0 && f - p <= 4;) {
			if (is_fig(x, p))
				return owner_at(x, p, depth + 1, a, b, demonym);
			if (!is_word(x, p))
				break;
		}
		return false;
	}
	if (f < 3 || !rc__tok_is(&x->tok[f - 1], x->s, rc__tok_hash("of", 2), "of"))
		return false;
	const rc__lex_entry *c = lex_ending(x, f - 2, RC_LX_OWNED_COUNT);
	if (!c || f - 1 < c->p.n + 1)
		return false;
	size_t k = f - 1 - c->p.n - 1;       /* the word before the count */
	for (int g = 0; g < 3; g++) {
		const rc__lex_entry *m = is_word(x, k) ? lex_ending(x, k, RC_LX_OWNER_MOD) : NULL;
		if (!m || k < m->p.n)
			break;
		k -= m->p.n;
	}
	if (!is_word(x, k))
		return false;
	const rc__tok *t = &x->tok[k];
	size_t n = t->end - t->start;
	const char *s = x->s + t->start;
	if (n > 2 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S')) {
		attr_hit h = {0};
		if (!np_back(x, (long)k, &h) || h.b != k + 1 ||
		    word_in_class(x, s, n - 2, RC_LX_NOT_OWNER) ||
		    (!capitalised(x, h.a) && !acronym(x, h.a) &&
		     !word_in_class(x, s, n - 2, RC_LX_OWNER_NOUN)))
			return false;
		*a = h.a;
		*b = h.b;
		*demonym = false;
		return true;
	}
	const rc__lex_entry *d = x->r->demonym_owner ? lex_ending(x, k, RC_LX_DEMONYM) : NULL;
	if (!d || k + 1 < d->p.n)
		return false;
	*a = k + 1 - d->p.n;
	*b = k + 1;
	*demonym = true;
	return true;
}

/* The source owner_at() found, in the record arena: the possessive
 * without its "'s", a nationality with the rules' demonym_owner. */
static char *owner_text(ex *x, size_t a, size_t b, bool demonym)
{
	if (demonym) {
		const char *dem = words_text(x, x->scratch, a, b);
		return dem ? rc__arena_printf(x->out, "%s %s", dem, x->r->demonym_owner) : NULL;
	}
	char *name = words_text(x, x->out, a, b);
	if (name)
		name[strlen(name) - 2] = '\0';
	return name;
}

/* The source of the figure that replaced a superseded one its sentence
 * gives with no cue: the current figure of its metric in the sentence
 * right before it in its paragraph ("The toll has risen to 50, police
 * said.  The previous toll was 49."). */
static const char *replacing_source(const ex *x, const work *w)
{
	if (x->sent == 0 || x->seg->sent[x->sent - 1].para != x->seg->sent[x->sent].para)
		return NULL;
	for (size_t k = x->n_claims; k-- > 0;) {
		if (x->metas[k].sent < x->sent - 1)
			break;
		const rc_claim *c = &x->claims[k];
		if (x->metas[k].sent == x->sent - 1 && x->metas[k].metric == w->metric &&
		    c->status == RC_CLAIM_CURRENT && !c->part && !c->background)
			return c->attribution;
	}
	return NULL;
}

/* Does the sentence name a count ("the tally", "counts") among its words? */
static bool names_count(const ex *x)
{
	for (size_t k = 0; k < x->n; k++)
		if (is_word(x, k) && is_lex(x, k, RC_LX_COUNT_NOUN))
			return true;
	return false;
}

/* The source a sentence that cites no one points back to with "the count"
 * or "the same tally": the latest earlier claim of the document whose
 * source compiled a count ("... according to a count compiled by The
 * Associated Press. The count stood at 1,112 on Monday."). */
static const char *counted_source(const ex *x)
{
	if (!cue_in(x, &x->r->count_anaphors, 0, x->n))
		return NULL;
	for (size_t k = x->n_claims; k-- > 0;)
		if (x->metas[k].counted && x->metas[k].sent < x->sent)
			return x->claims[k].attribution;
	return NULL;
}

/* The source a sentence that cites no one carries on from: the nearest
 * of the attribution_carry sentences before it in its paragraph that
 * names one ("Police Commissioner Mike Bush said ... 50.  The previous
 * toll was 49."). */
static const char *carried_source(const ex *x)
{
	size_t para = x->seg->sent[x->sent].para;
	for (size_t k = 1; k <= x->r->attribution_carry && k <= x->sent; k++) {
		if (x->seg->sent[x->sent - k].para != para)
			break;
		if (x->sattr[x->sent - k].text)
			return x->sattr[x->sent - k].text;
	}
	return NULL;
}

static bool other_clause(const ex *x, const attr_hit *h, size_t f);

/* Can the cue of h speak for figure f at all?  Not when it is bound to
 * another figure, lies in another clause, or follows the figure without
 * closing its sentence or clause ("diplomats say identification ..."). */
static bool eligible(const ex *x, const attr_hit *h, size_t f)
{
	return !((h->bound >= 0 && (size_t)h->bound != f) || other_clause(x, h, f) ||
	         (h->tier > 0 && h->bound < 0 && h->anchor > f && h->a > f && !h->closing));
}

/* Is there another cue that could speak for f strictly between hit h and
 * token f?  ("... when the embankment gave way, officials said": "gave"
 * cannot, so it hides nothing.) */
static bool shadowed(const ex *x, const attr_hit *h, size_t f)
{
	size_t lo = h->anchor < f ? h->anchor : f, hi = h->anchor < f ? f : h->anchor;
	for (size_t k = 0; k < x->n_hits; k++)
		if (&x->hits[k] != h && x->hits[k].anchor > lo && x->hits[k].anchor < hi &&
		    eligible(x, &x->hits[k], f))
			return true;
	return false;
}

/*
 * The source of figure f.  Primary cues ("according to", "citing") name
 * the original authority and win wherever they are.  Otherwise a cue
 * counts only when no other cue stands between it and the figure ("X said
 * 45 ..., while Y put the toll at 31": 31 is Y's), and the stronger tier,
 * then the nearest, wins.
 */
/* Is there a semicolon, or (after the figure) a clause word, between
 * figure f and the cue of h?  Then the cue speaks of another clause:
 * "toll rises to 290; police say 24 arrested", "toll rises to 769 as
 * Saudi minister reports 934 injured". */
static bool other_clause(const ex *x, const attr_hit *h, size_t f)
{
	size_t lo = h->a < f ? h->b : f + 1, hi = h->a < f ? f : h->a;
	if (hi <= lo)
		return false;
	if (x->semis[hi] != x->semis[lo])
		return true;
	/* a closing ", officials said." speaks for the whole sentence, and
	 * so does one set off by a comma: "Seventy-one people died as a
	 * result of the fire, the Metropolitan Police announced, ..." */
	if (h->a <= f || h->ends_sentence)
		return false;
	size_t k = h->a;
	while (k > 0 && is_word(x, k - 1) && is_lex(x, k - 1, RC_LX_DROP_WORD))
		k--;
	if (k > 0 && is_punct(x, k - 1, ','))
		return false;
	return x->clauses[hi] != x->clauses[lo];
}

/* Prefix counts of semicolons and clause words over the chunk, so that
 * other_clause() is constant time however long the sentence. */
static rc_status count_clauses(ex *x)
{
	size_t had = x->cap_pref;
	if (RC_GROW(x->semis, x->cap_pref, x->n + 1) != RC_OK)
		return RC_ERR_NOMEM;
	/* the two arrays have one capacity: clauses follows when it grew */
	if (!x->clauses || x->cap_pref != had) {
		uint32_t *c = realloc(x->clauses, x->cap_pref * sizeof(*c));
		if (!c)
			return RC_ERR_NOMEM;
		x->clauses = c;
	}
	x->semis[0] = x->clauses[0] = 0;
	for (size_t k = 0; k < x->n; k++) {
		x->semis[k + 1] = x->semis[k] + is_punct(x, k, ';');
		x->clauses[k + 1] = x->clauses[k] + (is_word(x, k) && is_lex(x, k, RC_LX_CLAUSE));
	}
	return RC_OK;
}

static const attr_hit *best_hit(const ex *x, size_t f, bool any_pronoun)
{
	for (int tier = 0; tier < 3; tier++) {
		const attr_hit *best = NULL;
		size_t bd = (size_t)-1;
		for (size_t k = 0; k < x->n_hits; k++) {
			const attr_hit *h = &x->hits[k];
			if (h->tier != tier || (!any_pronoun && h->pronoun))
				continue;
			if ((f > 0 || any_pronoun) && !eligible(x, h, f))
				continue;
			if (tier > 0 && shadowed(x, h, f))
				continue;
			size_t d = h->anchor > f ? h->anchor - f : f - h->anchor;
			if (d < bd) {
				bd = d;
				best = h;
			}
		}
		if (best)
			return best;
	}
	return NULL;
}

static rc_status sentence_source(ex *x)
{
	const attr_hit *h = best_hit(x, 0, false);
	if (h) {
		if (!(x->sattr[x->sent].text = hit_text(x, x->scratch, h)))
			return RC_ERR_NOMEM;
	} else if (best_hit(x, 0, true) && !x->sattr[x->sent].text) {
		x->sattr[x->sent].text = earlier_source(x);
	}
	return RC_OK;
}

/* The cues of pending sentence si, searched as do_chunk would have when it
 * read the sentence: its named source, or whether a pronoun points back. */
static rc_status class_masks(ex *x);

/* Trade a window's tokens and classes for a kept sentence's. */
static void swap_kept(kept_sent *k, ex *x)
{
	kept_sent t = *k;
	k->tok = x->tok;
	k->n = x->n;
	k->cap = x->cap;
	k->mask = x->mask_buf;
	k->cap_mask = x->cap_mask;
	x->tok = t.tok;
	x->n = t.n;
	x->cap = t.cap;
	x->mask_buf = t.mask;
	x->cap_mask = t.cap_mask;
	x->mask = NULL;
}

static rc_status search_pending(ex *x, size_t si)
{
	ex *y = x->lazy;
	sent_attr *sa = &x->sattr[si];
	size_t q = sa->next_q;
	kept_sent *k = &x->kept[si % PENDING_KEPT];
	rc_status st;
	if (k->sent == si) {
		swap_kept(k, y);
		y->mask = y->mask_buf;
		k->sent = SIZE_MAX;
	} else {
		y->n = 0;
		st = rc__tokenize(&y->tok, &y->n, &y->cap, CHUNK_TOKENS, y->s, sa->start, sa->end,
		                  y->qs, y->nq, &q, NULL);
		if (st != RC_OK)
			return st;
		if ((st = class_masks(y)) != RC_OK)
			return st;
	}
	if ((st = count_clauses(y)) != RC_OK || (st = find_attributions(y)) != RC_OK)
		return st;
	const attr_hit *h = best_hit(y, 0, false);
	sa->text = NULL;
	sa->pronoun = false;
	if (h) {
		if (!(sa->text = hit_text(y, x->scratch, h)))
			return RC_ERR_NOMEM;
	} else {
		sa->pronoun = best_hit(y, 0, true) != NULL;
	}
	sa->state = SA_FOUND;
	x->n_pending--;
	return RC_OK;
}

/*
 * Before a window with a figure: the pending sentences whose source it may
 * read (earlier_source, carried_source), and the ones a "he said" among
 * them reads in turn, searched and settled in text order, so each gets
 * what sentence_source() would have given it.
 */
static rc_status settle_sources(ex *x)
{
	if (!x->n_pending)
		return RC_OK;
	size_t back = x->r->attribution_carry > 3 ? x->r->attribution_carry : 3;
	size_t lo = x->sent > back ? x->sent - back : 0;
	rc_status st;
	for (size_t j = x->sent; j-- > lo;) {
		if (x->sattr[j].state == SA_PENDING && (st = search_pending(x, j)) != RC_OK)
			return st;
		/* "he said" reads the three sentences before it */
		if (x->sattr[j].state == SA_FOUND && x->sattr[j].pronoun && !x->sattr[j].text &&
		    (j < 3 ? 0 : j - 3) < lo)
			lo = j < 3 ? 0 : j - 3;
	}
	for (size_t j = lo; j < x->sent; j++) {
		sent_attr *sa = &x->sattr[j];
		if (sa->state != SA_FOUND)
			continue;
		if (!sa->text && sa->pronoun)
			sa->text = earlier_source_at(x, j);
		sa->state = SA_DONE;
	}
	return RC_OK;
}

/* ---- output ------------------------------------------------------------------- */

static const char *cached_name(ex *x, const char **cache, const char *name, int idx)
{
	if (idx < 0)
		return NULL;
	if (!cache[idx])
		cache[idx] = rc__arena_strdup(x->out, name);
	return cache[idx];
}

/* Original bytes of norm span [b, e). */
static char *orig_span(ex *x, size_t b, size_t e)
{
	size_t ob = rc__text_orig(x->t, b), oe = rc__text_orig(x->t, e);
	return rc__arena_strndup(x->out, x->t->orig + ob, oe > ob ? oe - ob : 0);
}

static const char *trigger_text(ex *x, const work *w)
{
	if (w->inherit)
		return w->inherit;
	if (w->tb <= w->ta)
		return NULL;
	char *first = orig_span(x, x->tok[w->ta].start, x->tok[w->tb - 1].end);
	if (!first || w->tb2 <= w->ta2)
		return first;
	char *second = orig_span(x, x->tok[w->ta2].start, x->tok[w->tb2 - 1].end);
	return second ? rc__arena_printf(x->out, "%s ... %s", first, second) : NULL;
}

/* Step back to the start of a UTF-8 sequence. */
static size_t utf8_floor(const char *s, size_t i, size_t lo)
{
	while (i > lo && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static const char *quote_for(ex *x, const rc_quantity *q_norm)
{
	const rc_sentence *st = &x->seg->sent[x->sent];
	size_t b = rc__text_orig(x->t, st->start), e = rc__text_orig(x->t, st->end);
	if (e - b <= QUOTE_MAX) {
		if (!x->quote || x->quote_sent != x->sent) {
			x->quote = rc__arena_strndup(x->out, x->t->orig + b, e - b);
			x->quote_sent = x->sent;
		}
		return x->quote;
	}
	/* A run-on sentence (or hostile input): quote the words around the
	 * figure, cut on character boundaries. */
	size_t qb = rc__text_orig(x->t, q_norm->start), qe = rc__text_orig(x->t, q_norm->end);
	size_t cb = qb > b + QUOTE_SIDE ? qb - QUOTE_SIDE : b;
	size_t ce = qe + QUOTE_SIDE < e ? qe + QUOTE_SIDE : e;
	cb = utf8_floor(x->t->orig, cb, b);
	ce = utf8_floor(x->t->orig, ce, cb);
	return rc__arena_strndup(x->out, x->t->orig + cb, ce - cb);
}

/* Is figure w the new figure of a change its sentence states without
 * the old one ("American deaths rise to 13")?  A revision word in the
 * sentence, "to" right before the figure, no "from" figure. */
static bool risen_to(const ex *x, const work *w)
{
	if (!x->has_revision || w->fig == 0 ||
	    !rc__tok_is(&x->tok[w->fig - 1], x->s, rc__tok_hash("to", 2), "to"))
		return false;
	for (size_t k = 0; k < x->n; k++)
		if (is_fig(x, k) && cue_at(x, &x->r->revision, k))
			return false;
	return true;
}

/* Does a running total's cue close figure f's clause ("... 12 were
 * arrested, bringing the number ... to 87"), no break before the comma
 * that opens it ("Police put the toll at 501, while the army said 29 more
 * bodies had been recovered, bringing its count to 507": 501 adds up to
 * nothing)? */
static bool adds_up_to_running_total(const ex *x, size_t f)
{
	if (x->running_cue >= x->n)
		return false;
	size_t j = x->running_cue > f ? x->running_cue : cue_find(x, &x->r->running_total, f + 1, x->n);
	if (j >= x->n)
		return false;
	for (size_t k = f + 1; k + 1 < j; k++)
		if (clause_break(x, k))
			return false;
	return true;
}

/* Is figure f the running total a cue before it names ("..., bringing the
 * number of people held since the protests began to 87"): the first figure
 * after the cue, with no period between ("the total for the year": a sum
 * of other events too)? */
static bool running_total_at(const ex *x, size_t f)
{
	size_t cue = f;
	if (x->running_cue >= f)
		return false;
	for (size_t j = x->running_cue; j < f;
	     j = cue_find(x, &x->r->running_total, j + 1, f))
		cue = j;
	if (cue == f)
		return false;
	for (size_t k = cue + 1; k < f; k++)
		if (is_fig(x, k) || (is_word(x, k) && is_lex(x, k, RC_LX_PERIOD)))
			return false;
	return true;
}

static rc_status emit(ex *x, work *w, meta **metas, size_t *cap_meta, long *global)
{
	*global = -1;
	if (x->n_claims >= x->max_claims) {
		x->dropped++;
		return RC_OK;
	}
	if (RC_GROW(x->claims, x->cap_claims, x->n_claims + 1) != RC_OK ||
	    RC_GROW(*metas, *cap_meta, x->n_claims + 1) != RC_OK)
		return RC_ERR_NOMEM;
	x->metas = *metas;          /* the growth may have moved them */
	const rc_quantity *qn = fig_q(x, w->fig);
	rc_claim *c = &x->claims[x->n_claims];
	memset(c, 0, sizeof(*c));
	c->metric = cached_name(x, x->metric_names, x->r->metrics[w->metric].name, w->metric);
	c->subject = cached_name(x, x->subject_names,
	                         w->subject >= 0 ? x->r->subjects[w->subject] : NULL, w->subject);
	c->trigger = trigger_text(x, w);
	c->q = *qn;
	c->q.start = rc__text_orig(x->t, qn->start);
	c->q.end = rc__text_orig(x->t, qn->end);
	c->q.num_start = rc__text_orig(x->t, qn->num_start);
	c->q.num_end = rc__text_orig(x->t, qn->num_end);
	c->text = rc__arena_strndup(x->out, x->t->orig + c->q.start, c->q.end - c->q.start);
	c->status = status_of(x, w);
	if (w->parent >= 0 && c->status == RC_CLAIM_CURRENT)
		c->status = x->claims[w->parent].status;
	const attr_hit *h = w->background ? NULL : best_hit(x, w->fig, true);
	size_t oa, ob;
	bool odem;
	if (h && h->pronoun) {
		/* "Cundy says ... up from the six he announced": the name the
		 * sentence gave before the pronoun, else the sentences before */
		const attr_hit *named = best_hit(x, w->fig, false);
		const char *prev = named && named->anchor < h->anchor ? hit_text(x, x->scratch, named)
		                                                       : earlier_source(x);
		c->attribution = prev ? rc__arena_strdup(x->out, prev) : NULL;
	} else if (h) {
		c->attribution = hit_text(x, x->out, h);
		if (!c->attribution)
			return RC_ERR_NOMEM;
	} else if (!w->background && owner_at(x, w->fig, 0, &oa, &ob, &odem)) {
		/* "the kingdom's own toll of 769" */
		if (!(c->attribution = owner_text(x, oa, ob, odem)))
			return RC_ERR_NOMEM;
	} else if (!w->background && !x->n_hits) {
		const char *prev = counted_source(x);
		if (!prev && c->status == RC_CLAIM_SUPERSEDED)
			prev = replacing_source(x, w);
		if (!prev)
			prev = carried_source(x);
		if (prev && !(c->attribution = rc__arena_strdup(x->out, prev)))
			return RC_ERR_NOMEM;
	}
	c->quote = quote_for(x, qn);
	c->pos.start = c->q.start;
	c->pos.end = c->q.end;
	const rc_sentence *st = &x->seg->sent[x->sent];
	c->sentence.start = rc__text_orig(x->t, st->start);
	c->sentence.end = rc__text_orig(x->t, st->end);
	c->parent = w->parent;
	c->mention = -1;
	c->part = w->part ? rc__arena_strdup(x->out, w->part) : NULL;
	c->background = w->background;
	c->year = w->year;
	if (w->part && !c->part)
		return RC_ERR_NOMEM;
	if (!c->metric || !c->text || !c->quote || (w->subject >= 0 && !c->subject) ||
	    (w->tb > w->ta && !c->trigger && !w->inherit))
		return RC_ERR_NOMEM;
	(*metas)[x->n_claims] = (meta){.sent = x->sent, .metric = w->metric,
	                               .group_part = w->group_part, .others = w->others,
	                               .sibling = w->sibling,
	                               .dated = c->status == RC_CLAIM_CURRENT &&
	                                        (cue_at(x, &x->r->dated_level, w->fig) ||
	                                         anchored_past_perfect(x, w)),
	                               .risen = c->status == RC_CLAIM_CURRENT && risen_to(x, w),
	                               .earlier = x->opens_earlier,
	                               .counted = c->attribution && !c->background && names_count(x),
	                               .adds_up = adds_up_to_running_total(x, w->fig),
	                               .running = running_total_at(x, w->fig)};
	x->metas = *metas;
	*global = (long)x->n_claims++;
	return RC_OK;
}

/* ---- sub-counts ------------------------------------------------------------ */


/* Is there a count that is no claim before word a of the sentence, after
 * its last claim's figure? */
static bool count_between(const ex *x, size_t a)
{
	size_t from = 0;
	for (size_t k = 0; k < x->n_w; k++)
		if (x->w[k].fig < a && x->w[k].fig + 1 > from)
			from = x->w[k].fig + 1;
	for (size_t k = from; k < a; k++) {
		if (!is_fig(x, k) || x->tok[k].q < 0)
			continue;
		rc_quantity_kind kind = fig_q(x, k)->kind;
		if (kind == RC_QK_COUNT || kind == RC_QK_RANGE || kind == RC_QK_VAGUE)
			return true;
	}
	return false;
}

static bool try_subcount(const ex *x, size_t f, const meta *metas, work *out)
{
	const rc__pattern_set *set = &x->r->subcounts;
	/* "none of the detainees ...": a part of nothing is no sub-count. */
	if (x->tok[f].q < 0)
		return false;
	uint64_t cand[FIG_CAND_WORDS];
	bool all = !fig_cands(x, set, f, cand);
	for (size_t k = next_cand(cand, all, set->n, 0); k < set->n;
	     k = next_cand(cand, all, set->n, k + 1)) {
		size_t a, b;
		if (!match_at_figure(x, &set->p[k], f, &a, &b))
			continue;
		/* The parent.  A metric word in the match ("8 of the dead")
		 * picks the latest claim of that metric up to four sentences
		 * back; a bare "of them" or "including" needs the claim just
		 * before, in this sentence or the one before in its paragraph. */
		int want = -1;
		for (size_t i = a; i < b && want < 0; i++) {
			static const int metric_classes[] = {RC_LX_STATE, RC_LX_NOUN, RC_LX_VERB,
			                                     RC_LX_TOLL};
			for (size_t m = 0; i != f && m < RC_ARRAY_LEN(metric_classes) && want < 0; m++) {
				const rc__lex_entry *e = lex(x, i, metric_classes[m]);
				if (e)
					want = e->idx;
			}
		}
		long parent = -1;
		for (size_t m = x->n_claims; m-- > 0;) {
			const meta *pm = &metas[m];
			size_t back = x->sent - pm->sent;
			if (want >= 0) {
				if (back > 4)
					break;
				/* the total standing now: not one the text replaced,
				 * nor an increment on it ("four more deaths") */
				if (pm->metric == want && x->claims[m].status != RC_CLAIM_SUPERSEDED &&
				    !relative_label(x->r, x->claims[m].part)) {
					parent = (long)m;
					break;
				}
				continue;
			}
			/* the sentence before, in the paragraph or (when this
			 * sentence opens one) across its break */
			bool opens = x->sent > 0 && x->seg->sent[x->sent - 1].para !=
			                             x->seg->sent[x->sent].para;
			if (back == 0 || (back == 1 && (opens || x->seg->sent[pm->sent].para ==
			                                              x->seg->sent[x->sent].para)))
				parent = (long)m;
			break;
		}
		/* a bare "of them" speaks of the figure right before it: after
		 * a count that is no claim ("43 people were flown out, 11 of
		 * them ..."), of that one, not of an earlier claim */
		if (parent >= 0 && want < 0 && count_between(x, a))
			parent = -1;
		if (parent < 0)
			continue;
		subj s = subject_after(x, f);
		if (s.thing)
			return false;
		int subject = s.idx;
		if (subject < 0) {
			size_t i = b;
			for (int q = 0; q < 4 && is_word(x, i); q++) {
				const rc__lex_entry *e = lex(x, i, RC_LX_AUX);
				if (!e)
					e = lex(x, i, RC_LX_BE);
				if (!e)
					break;
				i += e->p.n;
			}
			const rc__lex_entry *se = is_word(x, i) ? lex(x, i, RC_LX_SUBJECT) : NULL;
			if (se)
				subject = se->idx;
		}
		work w = new_work(f, FORM_SUBCOUNT);
		w.metric = metas[parent].metric;
		w.subject = subject;
		w.parent = parent;
		/* A sub-count of a sub-count belongs to the same parent. */
		if (x->claims[parent].parent >= 0)
			w.parent = x->claims[parent].parent;
		w.inherit = x->claims[parent].trigger;
		w.tail = (b > f + 1 ? b : f + 1) - 1;
		if (s.idx >= 0 && s.end - 1 > w.tail)
			w.tail = s.end - 1;
		*out = w;
		return true;
	}
	return false;
}

/* ---- one window of tokens ----------------------------------------------------- */

/* Zero words ("no one", "nobody") and zero determiners before a counted
 * noun ("no deaths") become figures of zero. */
static rc_status zero_figures(ex *x)
{
	x->n_zq = 0;
	size_t o = 0;
	for (size_t i = 0; i < x->n;) {
		const rc__lex_entry *e = is_word(x, i) ? lex(x, i, RC_LX_ZERO) : NULL;
		if (!e && is_word(x, i) && (e = lex(x, i, RC_LX_ZERO_DET))) {
			bool noun = false;
			size_t k = i + e->p.n;
			for (unsigned w = 0; w <= x->r->subject_window && is_word(x, k); w++, k++) {
				if (is_lex(x, k, RC_LX_SUBJECT) || is_lex(x, k, RC_LX_NOUN)) {
					noun = true;
					break;
				}
				if (structural(x, k))
					break;
			}
			if (!noun)
				e = NULL;
		}
		/* "none of them in danger": a part of nothing is no figure */
		if (e && i + e->p.n < x->n &&
		    rc__tok_is(&x->tok[i + e->p.n], x->s, rc__tok_hash("of", 2), "of"))
			e = NULL;
		if (!e) {
			x->tok[o++] = x->tok[i++];
			continue;
		}
		if (RC_GROW(x->zq, x->cap_zq, x->n_zq + 1) != RC_OK)
			return RC_ERR_NOMEM;
		size_t b = x->tok[i].start, end = x->tok[i + e->p.n - 1].end;
		x->zq[x->n_zq] = (rc_quantity){
			.kind = RC_QK_COUNT,
			.iv = {.lo = 0, .hi = 0, .lo_incl = true, .hi_incl = true},
			.value = 0, .start = b, .end = end, .num_start = b, .num_end = end,
		};
		rc__tok t = {.start = b, .end = end, .type = RC_TK_FIG,
		             .q = -(int32_t)x->n_zq - 2, .h = rc__tok_hash(x->s + b, end - b)};
		x->n_zq++;
		i += e->p.n;
		x->tok[o++] = t;
	}
	x->n = o;
	return RC_OK;
}

/*
 * A full window ends at the last clause boundary in its second half, so a
 * figure and its trigger are not cut apart; the rest is read again with
 * the next window.
 */
static void cut_chunk(ex *x, size_t *next_q, size_t *resume)
{
	for (size_t k = x->n; k-- > x->n / 2 + 1;) {
		if (!clause_break(x, k) && !(is_word(x, k) && is_lex(x, k, RC_LX_CHAIN)))
			continue;
		if (k + 1 >= x->n)
			return;   /* the window already ends at a boundary */
		for (size_t m = k + 1; m < x->n; m++) {
			if (x->tok[m].q >= 0) {
				*next_q = (size_t)x->tok[m].q;
				break;
			}
		}
		*resume = x->tok[k + 1].start;
		x->n = k + 1;
		return;
	}
}

static rc_status add_work(ex *x, const work *w)
{
	if (RC_GROW(x->w, x->cap_w, x->n_w + 1) != RC_OK)
		return RC_ERR_NOMEM;
	x->w[x->n_w++] = *w;
	return RC_OK;
}

/*
 * "Of the 43, the prefecture's list includes ...", "higher than the 1,127
 * the army announced": a figure after a back-reference word ("the") that
 * repeats the value of a claim of the last sentences names that claim
 * again: its metric and part, its trigger.
 */
static bool try_back_reference(const ex *x, size_t f, work *out)
{
	if (f == 0 || !is_word(x, f - 1) || !is_lex(x, f - 1, RC_LX_BACK_REF) || x->tok[f].q < 0)
		return false;
	/* "28 of the 35": the group a part is taken from, not a claim again */
	if (f >= 3 && is_word(x, f - 2) && is_lex(x, f - 2, RC_LX_PREP) && is_fig(x, f - 3))
		return false;
	const rc_quantity *q = fig_q(x, f);
	if (q->kind != RC_QK_COUNT || q->qualifier || q->approx)
		return false;
	for (size_t c = x->n_claims; c-- > 0;) {
		const meta *m = &x->metas[c];
		if (x->sent - m->sent > 12)
			break;
		const rc_claim *e = &x->claims[c];
		if (e->q.kind != RC_QK_COUNT || e->q.value != q->value || e->background)
			continue;
		subj s = subject_after(x, f);
		if (s.thing || !object_ok(x, m->metric, s.idx))
			return false;
		work w = new_work(f, FORM_BACKREF);
		w.metric = m->metric;
		w.subject = s.idx;
		w.inherit = e->trigger;
		w.tail = s.end - 1;
		w.part = e->part;
		*out = w;
		return true;
	}
	return false;
}

static rc_status class_masks(ex *x)
{
	x->mask = NULL;
	if (RC_GROW_FIRST(x->mask_buf, x->cap_mask, x->n + 1) != RC_OK)
		return RC_ERR_NOMEM;
	for (size_t i = 0; i < x->n; i++)
		x->mask_buf[i] = rc__lex_classes(x->r, x->tok, x->n, i, x->s);
	x->mask = x->mask_buf;
	return RC_OK;
}

static rc_status do_chunk(ex *x, meta **metas, size_t *cap_meta)
{
	rc_status st;
	/* the classes answer zero_figures' lookups as the lexicon would: its
	 * tokens change only where a zero figure starts, then they are
	 * computed again */
	if ((st = class_masks(x)) != RC_OK)
		return st;
	const uint64_t zero = (uint64_t)1 << RC_LX_ZERO | (uint64_t)1 << RC_LX_ZERO_DET;
	bool figures = false;
	for (size_t i = 0; i < x->n && !figures; i++)
		figures = is_fig(x, i) || (x->mask[i] & zero);
	if (figures) {
		if ((st = zero_figures(x)) != RC_OK)
			return st;
		if (x->n_zq && (st = class_masks(x)) != RC_OK)
			return st;
		figures = false;
		for (size_t i = 0; i < x->n && !figures; i++)
			figures = is_fig(x, i);
	} else {
		x->n_zq = 0;
	}
	x->n_w = 0;
	/* a window without a figure holds no claim: what it still gives the
	 * windows after it is its site noun and its source (below), and a
	 * whole sentence's source is looked for only when a later figure asks
	 * for it */
	if (!figures && x->whole_sentence) {
		for (size_t i = 0; i < x->n && !x->site_cur; i++)
			x->site_cur = is_word(x, i) && is_lex(x, i, RC_LX_SITE);
		sent_attr *sa = &x->sattr[x->sent];
		*sa = (sent_attr){.state = SA_PENDING, .start = x->seg->sent[x->sent].start,
		                  .end = x->seg->sent[x->sent].end, .next_q = x->window_q};
		x->n_pending++;
		/* the window is its sentence, whole, and no zero figure changed
		 * its tokens: they and their classes are what search_pending
		 * would compute */
		kept_sent *k = &x->kept[x->sent % PENDING_KEPT];
		swap_kept(k, x);
		k->sent = x->sent;
		return RC_OK;
	}
	if ((st = settle_sources(x)) != RC_OK)
		return st;
	x->has_revision = false;
	for (size_t i = 0; figures && i < x->n && !x->has_revision; i++)
		x->has_revision = is_word(x, i) && is_lex(x, i, RC_LX_REVISION);
	x->has_aggregate = figures && cue_in(x, &x->r->aggregate, 0, x->n);
	x->running_cue = figures ? cue_find(x, &x->r->running_total, 0, x->n) : x->n;
	if (x->opens_sentence)
		x->opens_earlier = figures && x->n && cue_find(x, &x->r->earlier_openers, 0, x->n) == 0;
	x->split_state = 0;
	for (size_t i = 0; i < x->n && !x->site_cur; i++)
		x->site_cur = is_word(x, i) && is_lex(x, i, RC_LX_SITE);
	if ((st = count_clauses(x)) != RC_OK || (st = find_attributions(x)) != RC_OK ||
	    (st = sentence_source(x)) != RC_OK)
		return st;
	for (size_t f = 0; f < x->n; f++) {
		if (x->tok[f].type != RC_TK_FIG)
			continue;
		if (not_figure(x, f) || cue_at(x, &x->r->vetoes, f))
			continue;
		work w, second = {.metric = -1};
		size_t head = SIZE_MAX; /* the list head, when try_chain made w */
		/* a list member whose verb the text leaves out, an adverb in
		 * its place ("20 died there and two later in hospital"), counts
		 * what its head counts, whatever the phrase after the adverb */
		bool gapped = f > 0 && f + 1 < x->n && is_word(x, f + 1) &&
		              is_lex(x, f + 1, RC_LX_GAP_ADVERB) && lex_ending(x, f - 1, RC_LX_CHAIN) &&
		              (f + 2 >= x->n || !is_word(x, f + 2) || is_lex(x, f + 2, RC_LX_PREP));
		bool ok = (gapped && try_chain(x, f, &w, &head)) ||
		          try_patterns(x, f, &w) || try_subcount(x, f, *metas, &w) ||
		          try_verb_before(x, f, &w) || try_toll_before(x, f, &w) ||
		          try_after(x, f, &w, &second) || try_noun_after(x, f, &w) ||
		          try_chain(x, f, &w, &head) || try_revision_partner(x, f, &w) ||
		          try_back_reference(x, f, &w) || try_carried(x, f, &w);
		if (!ok || rejected(x, &w) || in_source(x, f))
			continue;
		bool nomem = false;
		int other = counted_by_other_metric(x, &w);
		if (other >= 0) {
			w.metric = other;
			second.metric = -1;
		}
		w.background = background_of(x, &w, &w.year);
		/* a sub-count of another event's figure is of that event too:
		 * "a drone strike killed 10 civilians, seven of them children" */
		if (!w.background && w.parent >= 0 && x->claims[w.parent].background) {
			w.background = true;
			w.year = x->claims[w.parent].year;
		}
		/* and so are the others beside its victims: "... was squeezed
		 * until 21 people died.  More than 500 others were hurt." */
		if (!w.background && others_of_background(x, &w)) {
			w.background = true;
			w.year = x->claims[x->n_claims - 1].year;
		}
		const char *inherited = w.part;
		bool inherited_group = w.group_part;
		w.part = part_of(x, &w, &nomem);
		/* one group of a breakdown counts its own group, whatever its
		 * head counted: "killed 10 soldiers and two civilians" */
		w.sibling = breakdown_member(x, &w, head < x->n_w ? &x->w[head] : NULL);
		if (w.sibling) {
			if (!w.part)
				w.part = x->r->subject_unspecific[w.subject] ? x->r->unspecific_part
				                                              : x->r->subjects[w.subject];
			w.group_part = true;
		} else if (!w.part && inherited && (w.form == FORM_BACKREF || w.form == FORM_CHAIN)) {
			/* a list member and a back-reference count what their
			 * head counts: "15 who died at the airport and 13 at the
			 * metro" */
			w.part = inherited;
			w.group_part = inherited_group;
		}
		if (second.metric >= 0) {
			second.background = w.background;
			second.year = w.year;
			second.part = part_of(x, &second, &nomem);
		}
		if (nomem)
			return RC_ERR_NOMEM;
		long g;
		if ((st = emit(x, &w, metas, cap_meta, &g)) != RC_OK || (st = add_work(x, &w)) != RC_OK)
			return st;
		if (second.metric >= 0) {
			if ((st = emit(x, &second, metas, cap_meta, &g)) != RC_OK ||
			    (st = add_work(x, &second)) != RC_OK)
				return st;
		}
	}
	return RC_OK;
}

/* Can claim c stand as the total of a part? */
static bool is_total(const rc_claim *c)
{
	return !c->part && c->parent < 0 && !c->background &&
	       (c->status == RC_CLAIM_CURRENT || c->status == RC_CLAIM_SUPERSEDED);
}

/* Is the claim an exact count ("87", not "about 87" or "dozens")? */
static bool is_exact(const rc_claim *c)
{
	return c->q.kind == RC_QK_COUNT && !c->q.approx && !c->q.vague && c->q.iv.lo == c->q.iv.hi;
}

/* Do two claims state the same exact count? */
static bool same_count(const rc_claim *a, const rc_claim *b)
{
	return is_exact(a) && is_exact(b) && a->q.iv.lo == b->q.iv.lo;
}

/*
 * A part without a parent takes the total of its metric nearest before it
 * in the document, else the nearest after it ("13 US troops and at least
 * 60 Afghans killed" in a headline, the toll in the text below).  A part
 * of a document with no such total keeps parent -1 and its part label,
 * unless it is a part by its group alone: then it is the total.
 */
static void attach_once(rc_claim *c, size_t n, const meta *metas)
{
	for (size_t i = 0; i < n; i++) {
		if (!c[i].part || c[i].parent >= 0)
			continue;
		long best = -1;
		for (size_t k = i; k-- > 0 && best < 0;)
			if (is_total(&c[k]) && strcmp(c[k].metric, c[i].metric) == 0)
				best = (long)k;
		for (size_t k = i + 1; k < n && best < 0; k++)
			if (is_total(&c[k]) && strcmp(c[k].metric, c[i].metric) == 0)
				best = (long)k;
		c[i].parent = best;
		/* the others of a group that is a part of its total are a part
		 * of theirs, stated or not: "two of its pilgrims died [of 700]
		 * and six others are missing" */
		bool of_part = false;
		if (best < 0 && metas[i].others)
			for (size_t k = i; k-- > 0 && metas[k].sent == metas[i].sent && !of_part;)
				of_part = c[k].part && c[k].parent >= 0;
		/* a group with no total beside it is the total: "a bombing
		 * killed 7 officers", but not one group of several ("killed
		 * 10 soldiers and two civilians": the total is unstated) */
		if (best < 0 && metas[i].group_part && !of_part && !metas[i].sibling)
			c[i].part = NULL;
	}
}


/* ... and parts equal to their total. */
static void attach_parts(rc_claim *c, size_t n, meta *metas)
{
	/* A part equal to its total is that total said again.  A part by a
	 * cue makes the total a part too ("Iran nearly doubles its toll to
	 * 464" over "464 of its pilgrims died"): it takes the label and looks
	 * for a total of its own; a part by its group alone is the total
	 * ("25 people died ... 25 soldiers"). */
	for (int round = 0; round < 4; round++) {
		attach_once(c, n, metas);
		bool again = false;
		for (size_t i = 0; i < n; i++) {
			long p = c[i].parent;
			if (!c[i].part || p < 0 || metas[p].said_again || !same_count(&c[i], &c[p]))
				continue;
			if (metas[i].group_part) {
				c[i].part = NULL;
				c[i].parent = -1;
				continue;
			}
			c[p].part = c[i].part;
			metas[p].group_part = false;
			metas[p].said_again = true;
			again = true;
		}
		if (!again)
			break;
		/* the parts of a total said again look for another */
		for (size_t k = 0; k < n; k++)
			if (c[k].parent >= 0 && metas[c[k].parent].said_again)
				c[k].parent = -1;
		for (size_t k = 0; k < n; k++)
			metas[k].said_again = false;
	}
}

/*
 * A figure the document says was replaced ("risen to 12, up from the six")
 * is the replaced figure wherever the document states it as a total: a
 * live blog's earlier entry further down ("Police confirm six deaths") is
 * the figure the later entry refers back to.  Exact counts only, of the same
 * metric; one pass per replaced figure (they are few).  Not when the
 * document leads with that figure (its headline, else its first total of
 * the metric): the toll came back to it ("Toll back at 31", after "the
 * previous figure of 31" was cut to 28).
 */
enum { MAX_REPLACED = 64 };

static bool leads_with(const rc_claim *c, size_t n, const rc_claim *fig)
{
	const rc_claim *lead = NULL;
	for (size_t j = 0; j < n; j++)
		if (is_total(&c[j]) && c[j].metric && strcmp(c[j].metric, fig->metric) == 0 &&
		    (!lead || (c[j].in_title && !lead->in_title) ||
		     (c[j].in_title == lead->in_title && c[j].pos.start < lead->pos.start)))
			lead = &c[j];
	return lead && same_count(lead, fig);
}

static void replaced_everywhere(rc_claim *c, size_t n)
{
	size_t seen = 0;
	for (size_t i = 0; i < n && seen < MAX_REPLACED; i++) {
		if (c[i].status != RC_CLAIM_SUPERSEDED || !is_total(&c[i]) || !c[i].metric)
			continue;
		seen++;
		if (leads_with(c, n, &c[i]))
			continue;
		for (size_t j = 0; j < n; j++)
			if (c[j].status == RC_CLAIM_CURRENT && is_total(&c[j]) && c[j].metric &&
			    strcmp(c[j].metric, c[i].metric) == 0 && same_count(&c[i], &c[j]))
				c[j].status = RC_CLAIM_SUPERSEDED;
	}
}

/*
 * A level the text dates to a day ("The toll, which stood at 12 on
 * Wednesday afternoon, ...") is an older figure when the document leads
 * with another total of its metric that it does not date: its headline's
 * ("toll rises to 17"), else its first such total when that is higher (a
 * toll the text gives beside an earlier level has risen since; a lower one
 * may count something else).  Alone, or when the document leads with it,
 * it is the figure ("The death toll stood at 41 on Tuesday evening").
 */
/*
 * A change the text states without its old figure ("American deaths rise
 * to 13 ...") finds it in the sentence next to it when that opens on an
 * earlier state: the one after ("Earlier, the general had told reporters
 * that 12 had been killed") or the one before ("Earlier in the day,
 * officials said 120 had died.  By evening the toll had risen to 150"): a
 * figure of the same metric and part, other than the new one, is the one
 * replaced.
 */
static bool replaces(const rc_claim *c, const meta *metas, size_t nw, size_t old)
{
	size_t sn = metas[nw].sent, so = metas[old].sent;
	bool next_to = sn + 1 == so || so + 1 == sn;
	return metas[nw].risen && next_to && c[nw].metric && strcmp(c[nw].metric, c[old].metric) == 0 &&
	       (c[nw].part ? c[old].part && strcmp(c[nw].part, c[old].part) == 0 : c[old].part == NULL) &&
	       !same_count(&c[nw], &c[old]);
}

/*
 * The increment a running total's sentence leaves out, stated elsewhere in
 * the document ("Police arrested 45 people overnight ..." before "On Friday
 * night officers detained 30 protesters and on Thursday 12 were arrested,
 * bringing the number held since the protests began to 87"): a current
 * exact count of the total's metric, no part, that is exactly what the
 * increments of its sentence leave of the total (87 - 30 - 12 = 45), is an
 * increment too, wherever the document states it (its headline's "Police
 * arrest 45" as well).  Only when the total and every increment are exact
 * counts: the sum is the reader's evidence, not the figure's words.
 */
static void missing_increments(rc_claim *c, size_t n, const meta *metas, const char *own)
{
	for (size_t j = 0; j < n; j++) {
		if (!metas[j].running || c[j].part || c[j].status != RC_CLAIM_CURRENT || !is_exact(&c[j]))
			continue;
		double left = c[j].q.iv.lo;
		size_t parts = 0;
		bool exact = true;
		for (size_t i = 0; i < n && exact; i++) {
			if (c[i].parent != (int32_t)j || c[i].part != own)
				continue;
			exact = is_exact(&c[i]);
			left -= c[i].q.iv.lo;
			parts++;
		}
		if (!parts || !exact || left < 1)
			continue;
		for (size_t k = 0; k < n; k++)
			if (k != j && !c[k].part && c[k].parent < 0 && c[k].status == RC_CLAIM_CURRENT &&
			    metas[k].metric == metas[j].metric && !metas[k].running && is_exact(&c[k]) &&
			    c[k].q.iv.lo == left) {
				c[k].part = own;
				c[k].parent = (int32_t)j;
			}
	}
}

/*
 * The figures a running total adds up ("On Friday night officers detained
 * 30 protesters and on Thursday 12 were arrested, bringing the number held
 * since the protests began to 87") are increments of it: current figures
 * of its metric before it in its sentence, no part yet, are parts with
 * the rules' first relative label (additional) and the total as parent.
 * The label is copied into the claims' arena a (the rules may go first);
 * false when out of memory.
 */
static bool running_totals(rc_claim *c, size_t n, const meta *metas, const char *label, rc_arena *a)
{
	const char *own = NULL;
	for (size_t i = 0; label && i < n; i++) {
		if (!metas[i].adds_up || c[i].part || c[i].status != RC_CLAIM_CURRENT || !c[i].metric)
			continue;
		for (size_t j = i + 1; j < n && metas[j].sent == metas[i].sent; j++) {
			if (!metas[j].running || metas[j].metric != metas[i].metric || c[j].part ||
			    c[j].status != RC_CLAIM_CURRENT)
				continue;
			if (!own && !(own = rc__arena_strdup(a, label)))
				return false;
			c[i].part = own;
			c[i].parent = (int32_t)j;
			break;
		}
	}
	if (own)
		missing_increments(c, n, metas, own);
	return true;
}

static void implicit_from(rc_claim *c, size_t n, const meta *metas)
{
	for (size_t i = 0; i < n; i++) {
		if (!metas[i].earlier || c[i].status != RC_CLAIM_CURRENT || !c[i].metric)
			continue;
		bool replaced = false;
		for (size_t j = i; !replaced && j-- > 0 && metas[j].sent + 1 >= metas[i].sent;)
			replaced = replaces(c, metas, j, i);
		for (size_t j = i + 1; !replaced && j < n && metas[j].sent <= metas[i].sent + 1; j++)
			replaced = replaces(c, metas, j, i);
		if (replaced)
			c[i].status = RC_CLAIM_SUPERSEDED;
	}
}

/* Does the source s hold word w (of length n) as a whole word, among other
 * words? */
static bool names_word(const char *s, const char *w, size_t n)
{
	if (!strchr(s, ' '))
		return false;
	for (const char *p = strstr(s, w); p; p = strstr(p + 1, w)) {
		bool start = p == s || !rc__is_alnum((unsigned char)p[-1]);
		bool end = !rc__is_alnum((unsigned char)p[n]) && p[n] != '\'';
		if (start && end)
			return true;
	}
	return false;
}

/* Does the source s end in the word w (of length n), after other words,
 * compared without case ("Health Ministry" and "ministry"), as its head:
 * not the last of two joined ("police and residents" is no source of
 * "residents")? */
static bool ends_in_word(const char *s, const char *w, size_t n)
{
	size_t l = strlen(s);
	if (l <= n + 1 || s[l - n - 1] != ' ' || strstr(s, " and "))
		return false;
	for (size_t k = 0; k < n; k++)
		if (rc__lower((unsigned char)s[l - n + k]) != rc__lower((unsigned char)w[k]))
			return false;
	return true;
}

/*
 * A source named by one word ("Borrelli said 15 people had been injured")
 * is the person the document named in full before ("Angelo Borrelli, head
 * of Italy's Civil Protection Department, told ..."): the claim takes
 * that source, and with it the role that tells its authority.  A noun
 * alone ("the ministry said") is the latest source named before it with
 * that noun as its head ("the Health Ministry").
 */
static void full_names(rc_claim *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *a = c[i].attribution;
		if (!a || strchr(a, ' ') || strlen(a) < 3)
			continue;
		size_t al = strlen(a);
		bool name = a[0] >= 'A' && a[0] <= 'Z';
		for (size_t j = 0; name && j < i; j++)
			if (c[j].attribution && names_word(c[j].attribution, a, al)) {
				c[i].attribution = c[j].attribution;
				break;
			}
		for (size_t j = i; !name && j-- > 0;)
			if (c[j].attribution && ends_in_word(c[j].attribution, a, al)) {
				c[i].attribution = c[j].attribution;
				break;
			}
	}
}

static void dated_levels(rc_claim *c, size_t n, const meta *metas)
{
	for (size_t i = 0; i < n; i++) {
		if (!metas[i].dated || c[i].status != RC_CLAIM_CURRENT || !is_total(&c[i]) || !c[i].metric)
			continue;
		const rc_claim *lead = NULL;
		for (size_t j = 0; j < n; j++)
			if (!metas[j].dated && c[j].status == RC_CLAIM_CURRENT && is_total(&c[j]) && c[j].metric &&
			    strcmp(c[j].metric, c[i].metric) == 0 &&
			    (!lead || (c[j].in_title && !lead->in_title) ||
			     (c[j].in_title == lead->in_title && c[j].pos.start < lead->pos.start)))
				lead = &c[j];
		if (lead && !same_count(lead, &c[i]) &&
		    (lead->in_title || lead->q.iv.lo > c[i].q.iv.hi))
			c[i].status = RC_CLAIM_SUPERSEDED;
	}
}

rc_status rc__claims_extract(rc_claim **out, size_t *n_out, rc_arena *out_arena,
                             const rc_rules *rules, const rc_text *t, const rc_segments *seg,
                             const rc_quantity *qs, size_t nq, int pub_year,
                             size_t max_claims, size_t *dropped, rc_error *err)
{
	*out = NULL;
	*n_out = 0;
	if (dropped)
		*dropped = 0;
	ex x = {.r = rules, .t = t, .s = t->norm, .seg = seg, .out = out_arena, .qs = qs,
	        .nq = nq, .max_claims = max_claims, .ref_year = pub_year, .pub_year = pub_year};
	meta *metas = NULL;
	size_t cap_meta = 0;
	rc_status st = RC_ERR_NOMEM;
	ex lazy = x;
	x.lazy = &lazy;
	x.scratch = rc__arena_new(4096);
	x.sattr = calloc(seg->n ? seg->n : 1, sizeof(*x.sattr));
	x.metric_names = calloc(rules->n_metrics + 1, sizeof(*x.metric_names));
	x.subject_names = calloc(rules->n_subjects + 1, sizeof(*x.subject_names));
	x.kept = calloc(PENDING_KEPT, sizeof(*x.kept));
	if (!x.scratch || !x.sattr || !x.metric_names || !x.subject_names || !x.kept)
		goto done;
	for (size_t k = 0; k < PENDING_KEPT; k++)
		x.kept[k].sent = SIZE_MAX;
	for (size_t i = 0; !pub_year && i < nq; i++) {
		int y = qty_year(t->norm, &qs[i]);
		if (y > x.ref_year && y <= 2100)
			x.ref_year = y;
	}
	size_t next_q = 0;
	for (size_t si = 0; si < seg->n; si++) {
		x.sent = si;
		x.site_prev = si > 0 && x.site_cur && seg->sent[si - 1].para == seg->sent[si].para;
		x.site_cur = false;
		size_t start = seg->sent[si].start, end = seg->sent[si].end;
		while (start < end) {
			size_t resume = end;
			x.n = 0;
			x.window_q = next_q;
			if ((st = rc__tokenize(&x.tok, &x.n, &x.cap, CHUNK_TOKENS, x.s, start, end, qs, nq,
			                       &next_q, &resume)) != RC_OK)
				goto done;
			x.opens_sentence = start == seg->sent[si].start;
			x.whole_sentence = x.opens_sentence && resume >= end;
			/* the class masks are the previous chunk's until do_chunk
			 * computes this one's: cutting looks the words up itself */
			x.mask = NULL;
			if (resume < end)
				cut_chunk(&x, &next_q, &resume);
			if ((st = do_chunk(&x, &metas, &cap_meta)) != RC_OK)
				goto done;
			if (resume <= start)
				break;
			start = resume;
		}
	}
	attach_parts(x.claims, x.n_claims, metas);
	replaced_everywhere(x.claims, x.n_claims);
	dated_levels(x.claims, x.n_claims, metas);
	implicit_from(x.claims, x.n_claims, metas);
	if (!running_totals(x.claims, x.n_claims, metas, first_relative_label(rules), out_arena)) {
		st = RC_ERR_NOMEM;
		goto done;
	}
	full_names(x.claims, x.n_claims);
	*out = x.claims;
	*n_out = x.n_claims;
	x.claims = NULL;
	if (dropped)
		*dropped = x.dropped;
	st = RC_OK;
done:
	if (st == RC_ERR_NOMEM)
		rc__error_set(err, st, "out of memory extracting claims");
	free(x.claims);
	free(metas);
	free(x.tok);
	free(x.zq);
	free(x.w);
	free(x.hits);
	free(x.semis);
	free(x.clauses);
	free(x.mask_buf);
	free(x.sattr);
	free(x.metric_names);
	free(x.subject_names);
	for (size_t k = 0; x.kept && k < PENDING_KEPT; k++) {
		free(x.kept[k].tok);
		free(x.kept[k].mask);
	}
	free(x.kept);
	free(lazy.tok);
	free(lazy.mask_buf);
	free(lazy.hits);
	free(lazy.semis);
	free(lazy.clauses);
	rc__arena_free(x.scratch);
	return st;
}

/* ---- status names ---------------------------------------------------------------- */

static const char *const status_names[] = {
	[RC_CLAIM_CURRENT] = "current",
	[RC_CLAIM_SUPERSEDED] = "superseded",
	[RC_CLAIM_HYPOTHETICAL] = "hypothetical",
	[RC_CLAIM_AGGREGATE] = "aggregate",
};

const char *rc_claim_status_str(rc_claim_status st)
{
	return (size_t)st < RC_ARRAY_LEN(status_names) ? status_names[st] : "current";
}

bool rc_claim_status_parse(const char *name, rc_claim_status *out)
{
	for (size_t i = 0; name && i < RC_ARRAY_LEN(status_names); i++) {
		if (strcmp(name, status_names[i]) == 0) {
			if (out)
				*out = (rc_claim_status)i;
			return true;
		}
	}
	return false;
}
