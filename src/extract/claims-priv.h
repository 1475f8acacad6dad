/*
 * Internal: the compiled extraction rules and the claim matcher.
 *
 * rules.c loads the JSON rule tables (data/rules.json and --rules files)
 * and compiles them into a phrase lexicon (word classes such as metric
 * verbs, subject nouns, auxiliaries) and token patterns ("claimed {N}
 * lives", "according to {X}").  claims.c tokenises each sentence, with
 * every recognised quantity as one token, and decides which figures are
 * claims.  Both read the same tokens, so rule phrases are tokenised by the
 * same function as the text.
 */
#ifndef RC_CLAIMS_PRIV_H
#define RC_CLAIMS_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include <recount/claim.h>
#include <recount/document.h>
#include "core/core.h"
#include "segment/segment.h"

/* ---- tokens ------------------------------------------------------------ */

typedef enum rc__tok_type {
	RC_TK_WORD = 0,  /* letters, digits, inner ' - . */
	RC_TK_PUNCT,     /* one punctuation byte (quotes are dropped: transparent) */
	RC_TK_FIG,       /* a figure that may be a claim: count, range, vague, zero word */
	RC_TK_QTY        /* any other recognised quantity: year, date, age, ... */
} rc__tok_type;

typedef struct rc__tok {
	size_t start, end;   /* offsets in the scanned text */
	uint64_t h;          /* hash of the lower-cased bytes (words and punctuation) */
	uint8_t type;
	int32_t q;           /* index of the quantity (FIG, QTY), or -1 */
} rc__tok;

/* Hash of the ASCII-lower-cased bytes, as tokens store it. */
uint64_t rc__tok_hash(const char *s, size_t n);

/*
 * Tokenise s[start..end).  qs[0..nq) are quantities in the same offsets,
 * sorted by start and not overlapping; each becomes one token (FIG when
 * is_fig(kind), else QTY).  *next_q is the first quantity to look at and
 * is advanced past the ones consumed.  Tokens are appended to *toks
 * (malloc'd, RC_GROW) unless *n reaches max, in which case the scan stops
 * and *resume receives the offset where it stopped (else end).
 */
rc_status rc__tokenize(rc__tok **toks, size_t *n, size_t *cap, size_t max,
                       const char *s, size_t start, size_t end,
                       const rc_quantity *qs, size_t nq, size_t *next_q, size_t *resume);

/* Is a quantity of this kind a candidate figure? */
bool rc__kind_is_figure(rc_quantity_kind kind);

/* ---- compiled rules ------------------------------------------------------ */

/* Word classes of the lexicon. */
typedef enum rc__lex_class {
	RC_LX_VERB = 0,     /* transitive metric verb: "killed 84", "84 were killed" */
	RC_LX_STATE,        /* intransitive / adjectival: "84 died", "84 dead", "in custody" */
	RC_LX_NOUN,         /* metric noun after the figure: "84 deaths" */
	RC_LX_TOLL,         /* noun before the figure: "death toll of 84", "arrest of 11" */
	RC_LX_GENERIC_TOLL, /* a toll noun of no metric: "raised the figure to 23" */
	RC_LX_SUBJECT,      /* what a figure counts: people, members, ... */
	RC_LX_THING,        /* counted things that make a figure not a claim: days, explosions */
	RC_LX_AUX,          /* between a subject and its participle: were, have been, reportedly */
	RC_LX_BE,           /* the auxiliaries that make a participle passive */
	RC_LX_CLAUSE,       /* words that open a new clause: that, which, while */
	RC_LX_PREP,         /* prepositions of a phrase after a subject: "members of ..." */
	RC_LX_CONNECTOR,    /* between a toll noun and its figure: of, to, at, reached */
	RC_LX_FILLER,       /* between a verb and its figure: "an estimated", "another" */
	RC_LX_CHAIN,        /* between two figures of one list: and, or, from */
	RC_LX_ZERO,         /* words that are a figure of zero: "no one", "nobody" */
	RC_LX_ZERO_DET,     /* zero before a counted noun: "no deaths", "not a single person" */
	RC_LX_NAME_LINK,    /* words inside a cited name: "Ministry of Intelligence" */
	RC_LX_PRONOUN,      /* attributions that point back: he, she, the ministry */
	RC_LX_SKIP,         /* skipped between an attribution and its verb: on Friday */
	RC_LX_REVISION,     /* words that make "from N" a superseded figure */
	RC_LX_DROP_WORD,    /* dropped at the start of an attribution: the, a */
	RC_LX_DROP_NAME,    /* dropped before a capitalised name: official, state-run */
	RC_LX_DEMONYM,      /* nationality words: a part of the victims ("13 US troops") */
	RC_LX_YEAR_WORD,    /* before a year, sets the clause in it: in, since, of */
	RC_LX_NOT_FIGURE,   /* numbers that are never figures alone: "one" */
	RC_LX_COORD,        /* coordinators a pattern gap does not cross: and, or */
	RC_LX_OTHER_VERB,   /* predicates of no metric: rescued, charged, sought */
	RC_LX_SITE_OPENER,  /* "At the Bataclan, ...": an opening that names a site */
	RC_LX_BACK_REF,     /* "Of the 43": before a figure that names an earlier claim again */
	RC_LX_REPORTED,     /* reporting verbs: a past perfect after them is backshifted */
	RC_LX_NOT_NAME,     /* words that end no source's name: people, number, toll */
	RC_LX_ROLE,         /* sources a headline may open with: "Paris prosecutor: ..." */
	RC_LX_APPOSITIVE_ROLE, /* "X, head of the civil protection, said": a role the source keeps */
	RC_LX_ROLE_NOUN,    /* "two factory owners" of five arrests: a part by role */
	RC_LX_ACCOMPANYING, /* "walking beside two suicide bombers": those with someone */
	RC_LX_LONG_AGO,     /* "eight years ago": a time unit that sets an earlier event */
	RC_LX_VOUCH,        /* "told reporters it remained accurate": the cue is about the figure */
	RC_LX_SITE,         /* "the metro toll", "the two airport bombers": one site of several */
	RC_LX_SITE_ADVERB,  /* "80 people died there": at a site the text named before */
	RC_LX_OPERATION,    /* "a police raid left three people dead": an operation, not the event */
	RC_LX_REFLEXIVE,    /* "seven killed themselves": no victims of the event */
	RC_LX_GAP_ADVERB,   /* "20 died there and two later in hospital": the verb left out */
	RC_LX_OWNED_COUNT,  /* "the army's figure of 1,127": a count an owner gives */
	RC_LX_OWNER_MOD,    /* "the kingdom's own toll": between an owner and its count */
	RC_LX_OWNER_NOUN,   /* "the ministry's count": an authority that may own a count */
	RC_LX_NOT_OWNER,    /* "Monday's toll": a time, not an owner */
	RC_LX_NP_OPENER,    /* "the", "a": a source's name opens with them, none goes on before */
	RC_LX_COUNT_NOUN,   /* "count", "tally": a compiled count a later "the count" points back to */
	RC_LX_RELAY,        /* "quoted", "cited": "an official quoted by the BBC" is the official's */
	RC_LX_NP_COMPOUND,  /* "search and rescue": one word inside a source's name */
	RC_LX_INDEFINITE,   /* "a", "an": a subject so opened tells of a new incident */
	RC_LX_REL_SUBJECT,  /* "who": "officials who asked not to be named put ..." */
	RC_LX_TIME_ADVERB,  /* "earlier": "up from 180 a day earlier" is a time, not 180 days */
	RC_LX_TIME_PREP,    /* "on", "by": "On Saturday AFAD said" opens on a time, not a name */
	RC_LX_PLACE_LINK,   /* "in": "civil society groups in Goma said" is the groups' */
	RC_LX_HEDGE,        /* "believed to have been": "150 are believed to have been killed" */
	RC_LX_PERIOD,       /* "year": "bringing the total for the year to 300" sums other events */
	RC_LX_COUNT_        /* at most 64: classes are bits of a uint64_t */
} rc__lex_class;

/* A phrase: tokens of a rule string, lower-cased. */
typedef struct rc__phrase {
	uint32_t n;
	uint64_t *h;
	char **w;
} rc__phrase;

typedef struct rc__lex_entry {
	rc__phrase p;
	uint8_t cls;
	int32_t idx;         /* metric or subject index, or -1 */
	uint32_t order;      /* definition order, for stable tie-breaks */
	bool same_first;     /* its first word is its index run's first entry's
	                      * (a run shares the first word's hash, and but for
	                      * a collision the word): compared once per run */
} rc__lex_entry;

/* Pattern tokens. */
typedef enum rc__pat_kind {
	RC_PT_LIT = 0,       /* one of alternative words */
	RC_PT_N,             /* the figure */
	RC_PT_X,             /* the attributed source (a noun phrase) */
	RC_PT_GAP            /* "...": up to gap_window tokens inside the clause */
} rc__pat_kind;

typedef struct rc__pat_tok {
	uint8_t kind;
	uint16_t n_alts;
	uint64_t *h;
	char **w;
} rc__pat_tok;

typedef struct rc__pattern {
	rc__pat_tok *t;
	uint16_t n;
	int16_t slot;        /* index of {N} or {X}, or -1 */
	int16_t anchor;      /* index of the first literal token, or -1 */
	int32_t metric;      /* for metric patterns, else -1 */
	const char *text;    /* as written in the rules */
} rc__pattern;

/* Patterns by the hash of their anchor token's alternatives, sorted. */
typedef struct rc__anchor {
	uint64_t h;
	uint32_t pattern;
} rc__anchor;

/* A {N} pattern's key for matching at a figure: a literal that any match
 * at figure f has at a token f + lo .. f + hi (one alternative each,
 * sorted by hash).  Patterns with no such literal are in fany. */
typedef struct rc__fkey {
	uint64_t h;
	uint32_t pattern;
	int16_t lo, hi;
} rc__fkey;

typedef struct rc__pattern_set {
	rc__pattern *p;
	size_t n;
	rc__anchor *anchors;
	size_t n_anchors;
	uint64_t abloom[16];        /* bit h % 1024 of every anchor hash h: most words miss */
	rc__fkey *fkeys;
	size_t n_fkeys;
	uint64_t fbloom[16];        /* the same filter of the figure keys' hashes */
	uint32_t *fany;
	size_t n_fany;
	int16_t fkey_lo, fkey_hi;   /* the union of the keys' ranges */
} rc__pattern_set;

typedef struct rc__metric {
	const char *name;
	bool victims;        /* counts victims (killed, injured, missing): has parts */
	bool by_noun;        /* takes a victims' figure of its noun: "Eight attackers died" */
	bool by_role;        /* has parts by role: "detained two factory owners" of five arrests */
	int32_t *objects;    /* subject indices the metric requires, or NULL for any */
	size_t n_objects;
} rc__metric;

struct rc_rules {
	json_t *doc;         /* the merged rules, as loaded; compiled from scratch */
	rc_arena *arena;     /* owns everything below */

	rc__metric *metrics;
	size_t n_metrics;
	const char **subjects; /* canonical subject names */
	size_t n_subjects;

	rc__lex_entry *lex;  /* sorted by first-word hash, then longest first */
	size_t n_lex;
	uint32_t max_phrase; /* tokens in the longest entry */
	/* open-addressing index: first-word hash -> run of lex entries.
	 * A run is longest first; when every one-word entry of it has the
	 * run's first word (one_all), rc__lex_classes walks only the n_multi
	 * longer ones and adds the one-word entries' classes (one) at once */
	struct rc__lex_slot {
		uint64_t h;
		uint32_t first, count, n_multi;
		bool one_all;
		uint64_t one;
	} *slots;
	size_t n_slots;      /* power of two */

	rc__pattern_set metric_patterns;
	rc__pattern_set carried;        /* "carrying {N}": those a vehicle carried (pattern.metric) */
	rc__pattern_set all_carried;    /* "killing everyone on board": all of them (pattern.metric) */
	rc__pattern_set superseded;     /* {N}-anchored or clause cues */
	rc__pattern_set revision;       /* {N}-anchored, need a revision word */
	rc__pattern_set hypothetical;
	rc__pattern_set aggregate;
	rc__pattern_set subcounts;
	rc__pattern_set vetoes;         /* figures that are never claims */
	rc__pattern_set attr_primary;
	rc__pattern_set attr_secondary;
	rc__pattern_set attr_tertiary;
	rc__phrase *drop_suffixes;
	size_t n_drop_suffixes;
	const char *demonym_owner;      /* "the Saudi toll": the Saudi <demonym_owner> */

	bool *part_subject;             /* by subject index: a part of the victims */
	bool *subject_unspecific;       /* by subject index: names no group ("people") */
	const char *unspecific_part;    /* their label beside a group: "others"; NULL: none */
	rc__pattern_set part_cues;      /* pattern.metric is the label index */
	const char **part_labels;
	bool *part_relative;            /* by label: counts on an earlier figure ("more") */
	bool *part_needs_total;         /* by label: a part only beside a total ("by charge") */
	bool *part_after_part;          /* by label: a part only after one ("six others") */
	size_t n_part_labels;
	rc__pattern_set background;     /* cues of an earlier event */
	rc__pattern_set later_openers;  /* "Days later, a ...": a new incident after the news */
	rc__pattern_set last_year;      /* "... died ... last year": the year before the document's */
	rc__pattern_set background_others; /* "{N} others": beside an earlier event's victims */
	rc__pattern_set running_total;  /* ", bringing the toll": the figures before it add up to the one after */
	rc__pattern_set past_perfect;   /* "had reached": superseded unless reported */
	rc__pattern_set time_anchors;   /* "By Thursday": the past perfect's own time */
	rc__pattern_set count_anaphors; /* "the same count": the source of the count named before */
	rc__pattern_set rejected;       /* a figure the clause rejects is no claim */
	rc__pattern_set computed;       /* a sum the text works out: not hypothetical */
	rc__pattern_set dated_level;    /* "stood at {N} on Wednesday": a level of a past day */
	rc__pattern_set earlier_openers; /* "Earlier, ...": a sentence of an earlier state */

	unsigned subject_window, gap_window, toll_window, attribution_window, attribution_carry;
};

/*
 * The lexicon entry of class cls starting at toks[i] (only WORD and PUNCT
 * tokens match): the longest when len is 0, else one of exactly len
 * tokens.  NULL when none.  text is what the tokens index.
 */
const rc__lex_entry *rc__lex_find(const rc_rules *r, const rc__tok *toks, size_t n, size_t i,
                                  const char *text, int cls, uint32_t len);

/* The classes (bit cls) of every lexicon entry that matches at toks[i]. */
uint64_t rc__lex_classes(const rc_rules *r, const rc__tok *toks, size_t n, size_t i,
                         const char *text);

/* Does token t (of text) equal the lower-case word w (h its rc__tok_hash)?
 * Any token type: "no one" matches even when "one" was read as a figure.
 * Inline: the cue and lexicon matchers ask it half a million times a
 * megabyte, nearly always after the hashes agreed (rc__eq_nocase's test). */
static inline bool rc__tok_is(const rc__tok *t, const char *text, uint64_t h, const char *w)
{
	if (t->h != h)
		return false;
	const char *a = text + t->start;
	size_t n = t->end - t->start;
	for (size_t i = 0; i < n; i++)
		if (!w[i] || rc__lower((unsigned char)a[i]) != rc__lower((unsigned char)w[i]))
			return false;
	return w[n] == '\0';
}

/* ---- claim extraction ---------------------------------------------------- */

/*
 * Extract the claims of one body.  t is the normalised body, seg its
 * sentences, qs[0..nq) the recognizer's quantities in t->norm offsets,
 * pub_year the year the document was published (0: unknown; then the
 * latest year the text names stands in for it).
 * Claims come back with document offsets (q, pos.start/end, sentence
 * start/end) and strings allocated from out_arena; positions in lines and
 * columns are left for the caller, which knows the document.  At most
 * max_claims are kept; *dropped counts the rest.  *out is malloc'd.
 */
rc_status rc__claims_extract(rc_claim **out, size_t *n_out, rc_arena *out_arena,
                             const rc_rules *rules, const rc_text *t, const rc_segments *seg,
                             const rc_quantity *qs, size_t nq, int pub_year,
                             size_t max_claims, size_t *dropped, rc_error *err);

#endif
