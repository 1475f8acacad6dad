/*
 * The extraction rules: JSON tables of metrics, trigger words, subject
 * nouns, status and attribution cues (data/rules.json, compiled in, and
 * --rules files in the same format; see docs/rules.md).
 *
 * Loading validates a file against the schema below (unknown keys are
 * errors, so typos do not pass silently), merges it into a copy of the
 * current rules and compiles the copy; only when everything succeeded does
 * the copy replace the rules, so a bad file changes nothing.  Errors name
 * the file, line and column of the offending key or value.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract/claims-priv.h"

extern const char rc__data_rules[];
extern const size_t rc__data_rules_len;

#define RULES_SCHEMA "recount.rules/1"
#define MAX_RULES_FILE (16u << 20)
#define MAX_PHRASE_BYTES 200
#define MAX_PATTERN_TOKENS 16
#define MAX_PATTERN_GAPS 3
#define MAX_ALTS 32

/* ---- schema ------------------------------------------------------------ */

typedef enum vkind {
	V_STRING,    /* a string ("schema", "demonym_owner") */
	V_BOOL,
	V_INT,
	V_WORDS,     /* list of phrases */
	V_PATTERNS,  /* list of patterns */
	V_OBJECT,    /* fixed keys */
	V_MAP        /* free keys (names), each value of the sub schema */
} vkind;

/* What a pattern list requires of its slots. */
enum { SLOT_NONE = 0, SLOT_N_REQUIRED, SLOT_N_OPTIONAL, SLOT_X_REQUIRED };

typedef struct field {
	const char *key;
	vkind kind;
	const struct field *sub;   /* V_OBJECT: its fields; V_MAP: the value's schema (one entry) */
	int slot;                  /* V_PATTERNS */
	int min, max;              /* V_INT */
	int lex;                   /* V_WORDS: 1 + the lexicon class it compiles to; 0: none */
	size_t set;                /* V_PATTERNS: 1 + offsetof(struct rc_rules, its set); 0: none */
} field;

/* The schema is also the map of what each list compiles to: a list of
 * words with a lexicon class (LEX), a pattern list with a set of its own
 * (PATTERNS; metrics' patterns and parts.cues, which carry an index, are
 * compiled by compile() itself). */
#define F_END {0}
#define INT(k, lo, hi) {.key = k, .kind = V_INT, .min = lo, .max = hi}
#define BOOL(k) {.key = k, .kind = V_BOOL}
#define WORDS(k) {.key = k, .kind = V_WORDS}
#define LEX(k, cls) {.key = k, .kind = V_WORDS, .lex = (cls) + 1}
#define PATTERNS(k, slots, s) \
	{.key = k, .kind = V_PATTERNS, .slot = slots, .set = offsetof(struct rc_rules, s) + 1}
#define OBJECT(k, fields) {.key = k, .kind = V_OBJECT, .sub = fields}
#define MAP(k, value) {.key = k, .kind = V_MAP, .sub = value}

static const field matcher_fields[] = {
	INT("subject_window", 1, 10),
	INT("gap_window", 0, 12),
	INT("toll_window", 0, 20),
	INT("attribution_window", 1, 30),
	INT("attribution_carry", 0, 5),
	LEX("clause_words", RC_LX_CLAUSE),
	LEX("aux", RC_LX_AUX),
	LEX("be", RC_LX_BE),
	LEX("prepositions", RC_LX_PREP),
	LEX("connectors", RC_LX_CONNECTOR),
	LEX("fillers", RC_LX_FILLER),
	LEX("chain", RC_LX_CHAIN),
	LEX("coordinators", RC_LX_COORD),
	LEX("back_references", RC_LX_BACK_REF),
	F_END,
};

static const field metric_fields[] = {
	WORDS("verbs"),
	WORDS("states"),
	WORDS("nouns"),
	WORDS("tolls"),
	{.key = "patterns", .kind = V_PATTERNS, .slot = SLOT_N_REQUIRED},
	{.key = "carried", .kind = V_PATTERNS, .slot = SLOT_N_REQUIRED},
	{.key = "all_carried", .kind = V_PATTERNS, .slot = SLOT_NONE},
	WORDS("objects"),
	BOOL("replace"),
	BOOL("disabled"),
	F_END,
};

static const field metric_value[] = {OBJECT("metric", metric_fields), F_END};
static const field subject_value[] = {WORDS("subject"), F_END};

static const field status_fields[] = {
	PATTERNS("superseded", SLOT_N_OPTIONAL, superseded),
	PATTERNS("past_perfect", SLOT_NONE, past_perfect),
	PATTERNS("time_anchors", SLOT_NONE, time_anchors),
	PATTERNS("rejected", SLOT_NONE, rejected),
	LEX("reported_speech", RC_LX_REPORTED),
	LEX("revision_words", RC_LX_REVISION),
	PATTERNS("revision", SLOT_N_REQUIRED, revision),
	PATTERNS("hypothetical", SLOT_N_OPTIONAL, hypothetical),
	PATTERNS("computed", SLOT_N_OPTIONAL, computed),
	PATTERNS("dated_level", SLOT_N_REQUIRED, dated_level),
	PATTERNS("earlier_openers", SLOT_NONE, earlier_openers),
	PATTERNS("aggregate", SLOT_NONE, aggregate),
	F_END,
};

static const field attribution_fields[] = {
	PATTERNS("primary", SLOT_X_REQUIRED, attr_primary),
	PATTERNS("secondary", SLOT_X_REQUIRED, attr_secondary),
	PATTERNS("tertiary", SLOT_X_REQUIRED, attr_tertiary),
	LEX("pronouns", RC_LX_PRONOUN),
	LEX("skip", RC_LX_SKIP),
	LEX("name_links", RC_LX_NAME_LINK),
	LEX("drop_words", RC_LX_DROP_WORD),
	LEX("drop_before_names", RC_LX_DROP_NAME),
	WORDS("drop_suffixes"),
	LEX("not_names", RC_LX_NOT_NAME),
	LEX("headline_roles", RC_LX_ROLE),
	LEX("appositive_roles", RC_LX_APPOSITIVE_ROLE),
	LEX("np_openers", RC_LX_NP_OPENER),
	LEX("count_nouns", RC_LX_COUNT_NOUN),
	LEX("relative_subjects", RC_LX_REL_SUBJECT),
	LEX("time_prepositions", RC_LX_TIME_PREP),
	LEX("place_links", RC_LX_PLACE_LINK),
	LEX("relay_participles", RC_LX_RELAY),
	PATTERNS("count_anaphors", SLOT_NONE, count_anaphors),
	LEX("np_compounds", RC_LX_NP_COMPOUND),
	LEX("vouch", RC_LX_VOUCH),
	LEX("owned_counts", RC_LX_OWNED_COUNT),
	LEX("owner_modifiers", RC_LX_OWNER_MOD),
	LEX("owner_nouns", RC_LX_OWNER_NOUN),
	LEX("not_owners", RC_LX_NOT_OWNER),
	{.key = "demonym_owner", .kind = V_STRING},
	F_END,
};

static const field cue_value[] = {
	{.key = "cue", .kind = V_PATTERNS, .slot = SLOT_N_REQUIRED}, F_END,
};

static const field parts_fields[] = {
	WORDS("metrics"),
	WORDS("by_noun"),
	WORDS("by_role"),
	LEX("role_nouns", RC_LX_ROLE_NOUN),
	WORDS("subjects"),
	WORDS("unspecific_subjects"),
	{.key = "unspecific_part", .kind = V_STRING},
	LEX("demonyms", RC_LX_DEMONYM),
	LEX("site_openers", RC_LX_SITE_OPENER),
	MAP("cues", cue_value),
	WORDS("relative"),
	WORDS("needs_total"),
	WORDS("after_part"),
	LEX("sites", RC_LX_SITE),
	LEX("site_adverbs", RC_LX_SITE_ADVERB),
	LEX("operations", RC_LX_OPERATION),
	LEX("reflexives", RC_LX_REFLEXIVE),
	LEX("accompanying", RC_LX_ACCOMPANYING),
	PATTERNS("running_total", SLOT_NONE, running_total),
	LEX("running_total_periods", RC_LX_PERIOD),
	F_END,
};

static const field background_fields[] = {
	PATTERNS("cues", SLOT_N_OPTIONAL, background),
	LEX("year_words", RC_LX_YEAR_WORD),
	LEX("long_ago", RC_LX_LONG_AGO),
	LEX("indefinites", RC_LX_INDEFINITE),
	PATTERNS("later_openers", SLOT_NONE, later_openers),
	PATTERNS("last_year", SLOT_NONE, last_year),
	PATTERNS("others", SLOT_N_REQUIRED, background_others),
	F_END,
};

static const field top_fields[] = {
	{.key = "schema", .kind = V_STRING},
	BOOL("replace"),
	OBJECT("matcher", matcher_fields),
	MAP("subjects", subject_value),
	LEX("things", RC_LX_THING),
	LEX("generic_tolls", RC_LX_GENERIC_TOLL),
	MAP("metrics", metric_value),
	OBJECT("status", status_fields),
	PATTERNS("vetoes", SLOT_N_REQUIRED, vetoes),
	PATTERNS("subcounts", SLOT_N_REQUIRED, subcounts),
	LEX("zero", RC_LX_ZERO),
	LEX("zero_determiners", RC_LX_ZERO_DET),
	OBJECT("attribution", attribution_fields),
	OBJECT("parts", parts_fields),
	OBJECT("background", background_fields),
	LEX("not_figures", RC_LX_NOT_FIGURE),
	LEX("other_verbs", RC_LX_OTHER_VERB),
	LEX("gap_adverbs", RC_LX_GAP_ADVERB),
	LEX("time_adverbs", RC_LX_TIME_ADVERB),
	LEX("hedges", RC_LX_HEDGE),
	F_END,
};

/* ---- locating a JSON path in the source text, for error messages ------ */

typedef struct jpath {
	const char *key[16];   /* key, or NULL for an array index */
	size_t index[16];
	size_t depth;
} jpath;

typedef struct jscan {
	const char *s;
	size_t n, i;
} jscan;

static void js_ws(jscan *j)
{
	while (j->i < j->n && rc__is_space((unsigned char)j->s[j->i]))
		j->i++;
}

/* Skip a string starting at '"'; returns its raw content span. */
static void js_string(jscan *j, size_t *b, size_t *e)
{
	j->i++;
	*b = j->i;
	while (j->i < j->n && j->s[j->i] != '"') {
		if (j->s[j->i] == '\\')
			j->i++;
		j->i++;
	}
	*e = j->i < j->n ? j->i : j->n;
	if (j->i < j->n)
		j->i++;
}

static void js_skip_value(jscan *j, int depth);

/* Skip a key at '"' and its colon; returns the key's raw content span. */
static void js_key(jscan *j, size_t *b, size_t *e)
{
	js_string(j, b, e);
	js_ws(j);
	if (j->i < j->n && j->s[j->i] == ':')
		j->i++;
}

/* Skip a member's value and the comma after it; false when there is no
 * comma (the end of the object or array, or bad JSON). */
static bool js_skip_member(jscan *j, int depth)
{
	js_skip_value(j, depth);
	js_ws(j);
	if (j->i < j->n && j->s[j->i] == ',') {
		j->i++;
		return true;
	}
	return false;
}

/*
 * Walk the value at j->i following path from level; returns the offset of
 * the deepest element of the path that was found.
 */
static size_t js_find(jscan *j, const jpath *p, size_t level, int depth, bool want_key)
{
	js_ws(j);
	size_t here = j->i;
	if (level >= p->depth || j->i >= j->n || depth > 64)
		return here;
	char c = j->s[j->i];
	if (c == '{' && p->key[level]) {
		j->i++;
		for (;;) {
			js_ws(j);
			if (j->i >= j->n || j->s[j->i] != '"')
				return here;
			size_t kpos = j->i, kb, ke;
			js_key(j, &kb, &ke);
			const char *want = p->key[level];
			if (strlen(want) == ke - kb && memcmp(j->s + kb, want, ke - kb) == 0) {
				if (level + 1 == p->depth && want_key)
					return kpos;
				return js_find(j, p, level + 1, depth + 1, want_key);
			}
			if (!js_skip_member(j, depth + 1))
				return here;
		}
	}
	if (c == '[' && !p->key[level]) {
		j->i++;
		for (size_t k = 0;; k++) {
			js_ws(j);
			if (j->i >= j->n || j->s[j->i] == ']')
				return here;
			if (k == p->index[level])
				return js_find(j, p, level + 1, depth + 1, want_key);
			if (!js_skip_member(j, depth + 1))
				return here;
		}
	}
	return here;
}

static void js_skip_value(jscan *j, int depth)
{
	js_ws(j);
	if (j->i >= j->n)
		return;
	char c = j->s[j->i];
	if (c == '"') {
		size_t b, e;
		js_string(j, &b, &e);
		return;
	}
	if ((c == '{' || c == '[') && depth < 64) {
		char close = c == '{' ? '}' : ']';
		j->i++;
		for (;;) {
			js_ws(j);
			if (j->i >= j->n)
				return;
			if (j->s[j->i] == close) {
				j->i++;
				return;
			}
			if (c == '{') {
				size_t b, e;
				if (j->s[j->i] != '"')
					return;
				js_key(j, &b, &e);
			}
			js_skip_member(j, depth + 1);
		}
	}
	while (j->i < j->n && !strchr(",]} \t\r\n", j->s[j->i]))
		j->i++;
}

/* Format a path as "metrics.killed.verbs[3]". */
static void path_str(const jpath *p, char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	for (size_t k = 0; k < p->depth && o < size; k++) {
		int w;
		if (p->key[k])
			w = snprintf(out + o, size - o, "%s%s", k ? "." : "", p->key[k]);
		else
			w = snprintf(out + o, size - o, "[%zu]", p->index[k]);
		if (w < 0)
			break;
		o += (size_t)w;
	}
	if (!p->depth)
		snprintf(out, size, "(top level)");
}

typedef struct loadctx {
	bool at_key;          /* the error is about the last key itself, not its value */
	const char *name;     /* file name for errors */
	const char *src;      /* its text */
	size_t len;
	const json_t *file;   /* its rules, as read (before merging) */
	jpath path;
	rc_error *err;
} loadctx;

static rc_status fail(loadctx *c, const char *fmt, ...) RC_PRINTF(2, 3);

static rc_status fail(loadctx *c, const char *fmt, ...)
{
	char reason[200], where[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	/* "metrics.killed: unknown key 'verb'" names the object, not the key. */
	jpath shown = c->path;
	if (c->at_key && shown.depth)
		shown.depth--;
	path_str(&shown, where, sizeof(where));
	size_t line = 0, col = 0, off = (size_t)-1;
	if (c->src) {
		jscan j = {c->src, c->len, 0};
		off = js_find(&j, &c->path, 0, 0, c->at_key);
		line = 1;
		size_t ls = 0;
		for (size_t i = 0; i < off && i < c->len; i++)
			if (c->src[i] == '\n') {
				line++;
				ls = i + 1;
			}
		col = rc__utf8_count(c->src + ls, off - ls) + 1;
	}
	return rc__error_at(c->err, RC_ERR_PARSE, c->name, line, col, off, "%s: %s", where, reason);
}

static void path_push_key(loadctx *c, const char *key)
{
	if (c->path.depth < RC_ARRAY_LEN(c->path.key)) {
		c->path.key[c->path.depth] = key;
		c->path.index[c->path.depth] = 0;
	}
	c->path.depth++;
}

static void path_push_index(loadctx *c, size_t i)
{
	if (c->path.depth < RC_ARRAY_LEN(c->path.key)) {
		c->path.key[c->path.depth] = NULL;
		c->path.index[c->path.depth] = i;
	}
	c->path.depth++;
}

static void path_pop(loadctx *c)
{
	c->path.depth--;
}

/* ---- phrases and patterns ---------------------------------------------- */

/* Tokenise a rule phrase into lower-case words (arena strings). */
static rc_status phrase_make(rc__phrase *out, rc_arena *a, const char *s, size_t len)
{
	rc__tok stack[MAX_PATTERN_TOKENS * 2];
	rc__tok *toks = NULL;
	size_t n = 0, cap = 0, nq = 0, resume;
	memset(out, 0, sizeof(*out));
	if (rc__tokenize(&toks, &n, &cap, MAX_PATTERN_TOKENS * 2, s, 0, len, NULL, 0, &nq,
	                 &resume) != RC_OK) {
		free(toks);
		return RC_ERR_NOMEM;
	}
	if (n > RC_ARRAY_LEN(stack) || resume < len) {
		free(toks);
		return RC_ERR_LIMIT;
	}
	memcpy(stack, toks, n * sizeof(*toks));
	free(toks);
	if (!a) {
		out->n = (uint32_t)n;
		return RC_OK;
	}
	out->h = rc__arena_alloc(a, (n ? n : 1) * sizeof(*out->h));
	out->w = rc__arena_alloc(a, (n ? n : 1) * sizeof(*out->w));
	if (!out->h || !out->w)
		return RC_ERR_NOMEM;
	for (size_t k = 0; k < n; k++) {
		size_t l = stack[k].end - stack[k].start;
		char *w = rc__arena_strndup(a, s + stack[k].start, l);
		if (!w)
			return RC_ERR_NOMEM;
		for (size_t m = 0; m < l; m++)
			w[m] = (char)rc__lower((unsigned char)w[m]);
		out->w[k] = w;
		out->h[k] = stack[k].h;
	}
	out->n = (uint32_t)n;
	return RC_OK;
}

/* Basic checks on a rule string. */
static const char *string_problem(const char *s)
{
	size_t n = strlen(s);
	if (n == 0)
		return "empty string";
	if (n > MAX_PHRASE_BYTES)
		return "longer than 200 bytes";
	if (!rc__utf8_valid(s, n))
		return "not valid UTF-8";
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			return "contains a control character";
	return NULL;
}

/*
 * Parse a pattern: space-separated items, each "{N}", "{X}", "..." or
 * words; "a|b|c" gives alternatives for one token.  With a == NULL it only
 * validates and returns a reason on error.
 */
static const char *pattern_make(rc__pattern *out, rc_arena *a, const char *s, int slot_rule)
{
	rc__pat_tok toks[MAX_PATTERN_TOKENS];
	size_t n = 0, gaps = 0;
	int n_slots = 0, slot = -1, anchor = -1;
	bool has_n = false, has_x = false;
	const char *p = s;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *b = p;
		while (*p && *p != ' ')
			p++;
		size_t len = (size_t)(p - b);
		if (n >= MAX_PATTERN_TOKENS)
			return "more than 16 tokens";
		rc__pat_tok *t = &toks[n];
		memset(t, 0, sizeof(*t));
		if (len == 3 && (memcmp(b, "{N}", 3) == 0 || memcmp(b, "{X}", 3) == 0)) {
			t->kind = b[1] == 'N' ? RC_PT_N : RC_PT_X;
			has_n |= t->kind == RC_PT_N;
			has_x |= t->kind == RC_PT_X;
			slot = (int)n;
			n_slots++;
			n++;
			continue;
		}
		/* another figure than the claim's, where the words need one:
		 * "of the {M} dead , {N}" */
		if (len == 3 && memcmp(b, "{M}", 3) == 0) {
			t->kind = RC_PT_N;
			n++;
			continue;
		}
		if (len == 3 && memcmp(b, "...", 3) == 0) {
			if (n == 0 || toks[n - 1].kind == RC_PT_GAP)
				return "'...' must follow a word";
			t->kind = RC_PT_GAP;
			gaps++;
			n++;
			continue;
		}
		if (memchr(b, '{', len) || memchr(b, '}', len))
			return "unknown slot (use {N} for the figure, {X} for the source, {M} for another figure)";
		/* Alternatives: each must be exactly one token. */
		size_t n_alts = 1;
		for (size_t k = 0; k < len; k++)
			n_alts += b[k] == '|';
		if (n_alts > MAX_ALTS)
			return "more than 32 alternatives in one place";
		if (n_alts > 1) {
			t->kind = RC_PT_LIT;
			t->n_alts = (uint16_t)n_alts;
			if (a) {
				t->h = rc__arena_alloc(a, n_alts * sizeof(*t->h));
				t->w = rc__arena_alloc(a, n_alts * sizeof(*t->w));
				if (!t->h || !t->w)
					return "out of memory";
			}
			const char *q = b;
			for (size_t k = 0; k < n_alts; k++) {
				const char *qe = memchr(q, '|', (size_t)(b + len - q));
				if (!qe)
					qe = b + len;
				rc__phrase ph;
				if ((size_t)(qe - q) == 0)
					return "empty alternative";
				rc_status st = phrase_make(&ph, a, q, (size_t)(qe - q));
				if (st == RC_ERR_NOMEM)
					return "out of memory";
				if (st != RC_OK || ph.n != 1)
					return "each alternative of a|b must be a single word";
				if (a) {
					t->h[k] = ph.h[0];
					t->w[k] = ph.w[0];
				}
				q = qe + 1;
			}
			if (anchor < 0)
				anchor = (int)n;
			n++;
			continue;
		}
		/* A plain item may hold several tokens ("all," is "all" ","). */
		rc__phrase ph;
		rc_status st = phrase_make(&ph, a, b, len);
		if (st == RC_ERR_NOMEM)
			return "out of memory";
		if (st != RC_OK || ph.n == 0)
			return st == RC_OK ? "an item has no words" : "too many tokens";
		for (size_t k = 0; k < ph.n; k++) {
			if (n >= MAX_PATTERN_TOKENS)
				return "more than 16 tokens";
			memset(&toks[n], 0, sizeof(toks[n]));
			toks[n].kind = RC_PT_LIT;
			toks[n].n_alts = 1;
			if (a) {
				toks[n].h = ph.h + k;
				toks[n].w = ph.w + k;
			}
			if (anchor < 0)
				anchor = (int)n;
			n++;
		}
	}
	if (n == 0)
		return "empty pattern";
	if (toks[n - 1].kind == RC_PT_GAP)
		return "'...' cannot end a pattern";
	if (gaps > MAX_PATTERN_GAPS)
		return "more than 3 '...' gaps";
	if (n_slots > 1)
		return "more than one slot ({N} or {X})";
	if (anchor < 0)
		return "a pattern needs at least one word";
	switch (slot_rule) {
	case SLOT_NONE:
		if (n_slots)
			return "this list takes no {N} or {X}";
		break;
	case SLOT_N_REQUIRED:
		if (!has_n)
			return "missing {N} (the figure)";
		break;
	case SLOT_N_OPTIONAL:
		if (has_x)
			return "{X} is for attribution patterns";
		break;
	case SLOT_X_REQUIRED:
		if (!has_x)
			return "missing {X} (the source)";
		if (slot != 0 && slot != (int)n - 1)
			return "{X} must start or end the pattern";
		break;
	}
	/* A gap beside {X} would make the name's extent ambiguous ({N} is
	 * one token: "{N} ... there" reads "42 died there"). */
	if (slot >= 0 && toks[slot].kind == RC_PT_X &&
	    ((slot > 0 && toks[slot - 1].kind == RC_PT_GAP) ||
	     (slot + 1 < (int)n && toks[slot + 1].kind == RC_PT_GAP)))
		return "'...' cannot touch {X}";
	if (!a)
		return NULL;
	out->t = rc__arena_alloc(a, n * sizeof(*out->t));
	if (!out->t)
		return "out of memory";
	memcpy(out->t, toks, n * sizeof(*toks));
	out->n = (uint16_t)n;
	out->slot = (int16_t)slot;
	out->anchor = (int16_t)anchor;
	out->metric = -1;
	out->text = rc__arena_strdup(a, s);
	return out->text ? NULL : "out of memory";
}

/* ---- validation and merging ---------------------------------------------- */

static const field *find_field(const field *fs, const char *key)
{
	for (; fs->key; fs++)
		if (strcmp(fs->key, key) == 0)
			return fs;
	return NULL;
}

static void expected_keys(const field *fs, char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	for (; fs->key && o < size; fs++) {
		int w = snprintf(out + o, size - o, "%s%s", o ? ", " : "", fs->key);
		if (w < 0)
			break;
		o += (size_t)w;
	}
}

static rc_status validate(loadctx *c, const json_t *v, const field *f);

static rc_status validate_object(loadctx *c, const json_t *v, const field *fs)
{
	const char *key;
	const json_t *sub;
	json_object_foreach((json_t *)v, key, sub) {
		const field *f = find_field(fs, key);
		path_push_key(c, key);
		if (!f) {
			char exp[400];
			expected_keys(fs, exp, sizeof(exp));
			c->at_key = true;
			rc_status st = fail(c, "unknown key '%s' (expected one of: %s)", key, exp);
			c->at_key = false;
			path_pop(c);
			return st;
		}
		rc_status st = validate(c, sub, f);
		path_pop(c);
		if (st != RC_OK)
			return st;
	}
	return RC_OK;
}

static rc_status validate(loadctx *c, const json_t *v, const field *f)
{
	switch (f->kind) {
	case V_STRING:
		if (!json_is_string(v))
			return fail(c, "expected a string");
		if (strcmp(f->key, "schema") == 0 && strcmp(json_string_value(v), RULES_SCHEMA) != 0)
			return fail(c, "unsupported schema '%s' (expected \"%s\")",
			            json_string_value(v), RULES_SCHEMA);
		return RC_OK;
	case V_BOOL:
		return json_is_boolean(v) ? RC_OK : fail(c, "expected true or false");
	case V_INT:
		if (!json_is_integer(v))
			return fail(c, "expected a whole number");
		if (json_integer_value(v) < f->min || json_integer_value(v) > f->max)
			return fail(c, "must be from %d to %d", f->min, f->max);
		return RC_OK;
	case V_WORDS:
	case V_PATTERNS: {
		if (!json_is_array(v))
			return fail(c, "expected a list of strings");
		for (size_t i = 0; i < json_array_size(v); i++) {
			const json_t *e = json_array_get(v, i);
			path_push_index(c, i);
			rc_status st = RC_OK;
			if (!json_is_string(e)) {
				st = fail(c, "expected a string");
			} else {
				const char *s = json_string_value(e);
				const char *why = string_problem(s);
				if (why) {
					st = fail(c, "%s", why);
				} else if (f->kind == V_PATTERNS) {
					why = pattern_make(NULL, NULL, s, f->slot);
					if (why)
						st = fail(c, "bad pattern \"%s\": %s", s, why);
				} else {
					rc__phrase ph;
					rc_status ps = phrase_make(&ph, NULL, s, strlen(s));
					if (ps == RC_ERR_NOMEM)
						st = rc__error_set(c->err, RC_ERR_NOMEM, "out of memory");
					else if (ps != RC_OK || ph.n == 0)
						st = fail(c, "\"%s\" has no words or too many", s);
				}
			}
			path_pop(c);
			if (st != RC_OK)
				return st;
		}
		return RC_OK;
	}
	case V_OBJECT:
		if (!json_is_object(v))
			return fail(c, "expected an object");
		return validate_object(c, v, f->sub);
	case V_MAP: {
		if (!json_is_object(v))
			return fail(c, "expected an object");
		const char *key;
		const json_t *sub;
		json_object_foreach((json_t *)v, key, sub) {
			path_push_key(c, key);
			rc_status st = RC_OK;
			const char *why = string_problem(key);
			if (why)
				st = fail(c, "bad name: %s", why);
			else
				st = validate(c, sub, f->sub);
			path_pop(c);
			if (st != RC_OK)
				return st;
		}
		return RC_OK;
	}
	}
	return RC_OK;
}

/*
 * Append the strings of src not yet in dst, in order.  A set of the
 * strings already there (rc_strset: they stay alive in dst) keeps this
 * linear: a rules file of 40,000 verbs merges in milliseconds, not in the
 * 40,000^2 comparisons of a scan.
 */
static rc_status merge_list(json_t *dst, const json_t *src)
{
	size_t n_dst = json_array_size(dst), n_src = json_array_size(src);
	if (!n_src)
		return RC_OK;
	rc_strset seen = {0};
	rc_status st = RC_OK;
	for (size_t i = 0; i < n_dst + n_src && st == RC_OK; i++) {
		bool from_src = i >= n_dst;
		json_t *e = json_array_get(from_src ? src : dst, from_src ? i - n_dst : i);
		if (!json_string_value(e))
			continue;
		if (from_src) {
			/* The set borrows strings of dst only: test first, then
			 * add the copy that dst owns. */
			if (rc__strset_has(&seen, json_string_value(e)))
				continue;
			json_t *copy = json_string(json_string_value(e));
			if (!copy || json_array_append_new(dst, copy) != 0) {
				st = RC_ERR_NOMEM;
				break;
			}
			e = copy;
		}
		if (rc__strset_add(&seen, json_string_value(e)) < 0)
			st = RC_ERR_NOMEM;
	}
	rc__strset_free(&seen);
	return st;
}

static rc_status merge(json_t *dst, const json_t *src, const field *fs);

static rc_status merge_value(json_t *parent, const char *key, const json_t *v, const field *f)
{
	json_t *cur = json_object_get(parent, key);
	switch (f->kind) {
	case V_STRING:
	case V_BOOL:
	case V_INT:
		return json_object_set_new(parent, key, json_deep_copy(v)) == 0 ? RC_OK : RC_ERR_NOMEM;
	case V_WORDS:
	case V_PATTERNS:
		if (!json_is_array(cur)) {
			cur = json_array();
			if (!cur || json_object_set_new(parent, key, cur) != 0)
				return RC_ERR_NOMEM;
		}
		return merge_list(cur, v);
	case V_OBJECT:
		if (!json_is_object(cur)) {
			cur = json_object();
			if (!cur || json_object_set_new(parent, key, cur) != 0)
				return RC_ERR_NOMEM;
		}
		return merge(cur, v, f->sub);
	case V_MAP: {
		if (!json_is_object(cur)) {
			cur = json_object();
			if (!cur || json_object_set_new(parent, key, cur) != 0)
				return RC_ERR_NOMEM;
		}
		const char *name;
		const json_t *sub;
		json_object_foreach((json_t *)v, name, sub) {
			const field *vf = f->sub;
			if (vf->kind == V_OBJECT) {
				/* A metric: "disabled" removes it, "replace" starts it afresh. */
				if (json_is_true(json_object_get(sub, "disabled"))) {
					json_object_del(cur, name);
					continue;
				}
				if (json_is_true(json_object_get(sub, "replace")))
					json_object_del(cur, name);
			}
			rc_status st = merge_value(cur, name, sub, vf);
			if (st != RC_OK)
				return st;
		}
		return RC_OK;
	}
	}
	return RC_OK;
}

static rc_status merge(json_t *dst, const json_t *src, const field *fs)
{
	const char *key;
	const json_t *v;
	json_object_foreach((json_t *)src, key, v) {
		const field *f = find_field(fs, key);
		if (!f || strcmp(key, "replace") == 0 || strcmp(key, "disabled") == 0)
			continue;
		rc_status st = merge_value(dst, key, v, f);
		if (st != RC_OK)
			return st;
	}
	return RC_OK;
}

/* ---- compiling ----------------------------------------------------------- */

typedef struct compiler {
	struct rc_rules *r;
	rc__lex_entry *lex;
	size_t n_lex, cap_lex;
	uint32_t order;
	loadctx *c;
} compiler;

static rc_status add_lex(compiler *cp, const char *s, int cls, int32_t idx)
{
	rc__phrase ph;
	rc_status st = phrase_make(&ph, cp->r->arena, s, strlen(s));
	if (st != RC_OK)
		return st == RC_ERR_NOMEM ? st : RC_OK;   /* validated already */
	if (ph.n == 0)
		return RC_OK;
	if (RC_GROW(cp->lex, cp->cap_lex, cp->n_lex + 1) != RC_OK)
		return RC_ERR_NOMEM;
	cp->lex[cp->n_lex++] = (rc__lex_entry){.p = ph, .cls = (uint8_t)cls, .idx = idx,
	                                       .order = cp->order++};
	if (ph.n > cp->r->max_phrase)
		cp->r->max_phrase = ph.n;
	return RC_OK;
}

static rc_status add_lex_list(compiler *cp, const json_t *list, int cls, int32_t idx)
{
	for (size_t i = 0; i < json_array_size(list); i++) {
		rc_status st = add_lex(cp, json_string_value(json_array_get(list, i)), cls, idx);
		if (st != RC_OK)
			return st;
	}
	return RC_OK;
}

static rc_status add_patterns(compiler *cp, rc__pattern_set *set, const json_t *list,
                              int slot_rule, int32_t metric)
{
	size_t n = json_array_size(list);
	if (!n)
		return RC_OK;
	rc__pattern *p = rc__arena_alloc(cp->r->arena, (set->n + n) * sizeof(*p));
	if (!p)
		return RC_ERR_NOMEM;
	if (set->n)
		memcpy(p, set->p, set->n * sizeof(*p));
	for (size_t i = 0; i < n; i++) {
		const char *why = pattern_make(&p[set->n], cp->r->arena,
		                               json_string_value(json_array_get(list, i)), slot_rule);
		if (why)
			return RC_ERR_NOMEM;   /* validated already: only memory can fail */
		p[set->n].metric = metric;
		set->n++;
	}
	set->p = p;
	return RC_OK;
}

static int anchor_cmp(const void *a, const void *b)
{
	const rc__anchor *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

static int fkey_cmp(const void *a, const void *b)
{
	const rc__fkey *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

/* The key of a {N} pattern for matching at a figure (rc__fkey): the
 * literal right before the slot, else the first literal after it with the
 * tokens it can stand at (the figure's noun, gaps and figures before it
 * move it; claims.c's match_at_figure reads the pattern the same way).
 * Returns its index in p->t, or -1 when there is none. */
static int figure_key(const struct rc_rules *r, const rc__pattern *p, int *lo, int *hi)
{
	if (p->slot > 0 && p->t[p->slot - 1].kind == RC_PT_LIT) {
		*lo = *hi = -1;
		return p->slot - 1;
	}
	if (p->slot + 1 >= p->n)
		return -1;
	*lo = *hi = 1;
	if (p->t[p->slot + 1].kind != RC_PT_GAP)
		*hi += (int)r->subject_window;
	for (int pi = p->slot + 1; pi < p->n; pi++) {
		switch (p->t[pi].kind) {
		case RC_PT_LIT: return pi;
		case RC_PT_GAP: *hi += (int)r->gap_window; break;
		case RC_PT_N: ++*lo; ++*hi; break;
		default: return -1;
		}
	}
	return -1;
}

/* Index a set's {N} patterns by their figure keys, so that a figure tries
 * only the patterns whose key is among the words around it. */
static rc_status index_figure_keys(compiler *cp, rc__pattern_set *set)
{
	size_t n = 0, n_any = 0;
	for (size_t i = 0; i < set->n; i++) {
		const rc__pattern *p = &set->p[i];
		int lo, hi, k;
		if (p->slot < 0 || p->t[p->slot].kind != RC_PT_N)
			continue;
		if ((k = figure_key(cp->r, p, &lo, &hi)) >= 0)
			n += p->t[k].n_alts;
		else
			n_any++;
	}
	set->fkeys = rc__arena_alloc(cp->r->arena, (n ? n : 1) * sizeof(*set->fkeys));
	set->fany = rc__arena_alloc(cp->r->arena, (n_any ? n_any : 1) * sizeof(*set->fany));
	if (!set->fkeys || !set->fany)
		return RC_ERR_NOMEM;
	set->n_fkeys = set->n_fany = 0;
	set->fkey_lo = set->fkey_hi = 0;
	for (size_t i = 0; i < set->n; i++) {
		const rc__pattern *p = &set->p[i];
		int lo, hi, k;
		if (p->slot < 0 || p->t[p->slot].kind != RC_PT_N)
			continue;
		if ((k = figure_key(cp->r, p, &lo, &hi)) < 0) {
			set->fany[set->n_fany++] = (uint32_t)i;
			continue;
		}
		if (lo < set->fkey_lo)
			set->fkey_lo = (int16_t)lo;
		if (hi > set->fkey_hi)
			set->fkey_hi = (int16_t)hi;
		for (uint16_t a = 0; a < p->t[k].n_alts; a++) {
			uint64_t h = p->t[k].h[a];
			set->fkeys[set->n_fkeys++] = (rc__fkey){.h = h, .pattern = (uint32_t)i,
			                                        .lo = (int16_t)lo, .hi = (int16_t)hi};
			set->fbloom[h / 64 % 16] |= (uint64_t)1 << (h % 64);
		}
	}
	qsort(set->fkeys, set->n_fkeys, sizeof(*set->fkeys), fkey_cmp);
	return RC_OK;
}

/* Index a set by its anchor words, so a scan looks patterns up by hash
 * instead of trying each one at every token. */
static rc_status index_anchors(compiler *cp, rc__pattern_set *set)
{
	size_t n = 0;
	for (size_t i = 0; i < set->n; i++)
		n += set->p[i].anchor >= 0 ? set->p[i].t[set->p[i].anchor].n_alts : 0;
	set->anchors = rc__arena_alloc(cp->r->arena, (n ? n : 1) * sizeof(*set->anchors));
	if (!set->anchors)
		return RC_ERR_NOMEM;
	size_t k = 0;
	for (size_t i = 0; i < set->n; i++) {
		if (set->p[i].anchor < 0)
			continue;
		const rc__pat_tok *t = &set->p[i].t[set->p[i].anchor];
		for (uint16_t a = 0; a < t->n_alts; a++) {
			set->anchors[k++] = (rc__anchor){.h = t->h[a], .pattern = (uint32_t)i};
			set->abloom[t->h[a] / 64 % 16] |= (uint64_t)1 << (t->h[a] % 64);
		}
	}
	qsort(set->anchors, k, sizeof(*set->anchors), anchor_cmp);
	set->n_anchors = k;
	return index_figure_keys(cp, set);
}

static int lex_cmp(const void *a, const void *b)
{
	const rc__lex_entry *x = a, *y = b;
	if (x->p.h[0] != y->p.h[0])
		return x->p.h[0] < y->p.h[0] ? -1 : 1;
	if (x->p.n != y->p.n)
		return x->p.n > y->p.n ? -1 : 1;   /* longest first */
	return x->order < y->order ? -1 : x->order > y->order;
}

static rc_status build_index(compiler *cp)
{
	struct rc_rules *r = cp->r;
	if (cp->n_lex)   /* qsort(NULL, 0, ...) is undefined */
		qsort(cp->lex, cp->n_lex, sizeof(*cp->lex), lex_cmp);
	r->lex = rc__arena_alloc(r->arena, (cp->n_lex ? cp->n_lex : 1) * sizeof(*r->lex));
	if (!r->lex)
		return RC_ERR_NOMEM;
	if (cp->n_lex)
		memcpy(r->lex, cp->lex, cp->n_lex * sizeof(*r->lex));
	r->n_lex = cp->n_lex;
	size_t slots = 16;
	while (slots < r->n_lex * 2)
		slots *= 2;
	r->slots = rc__arena_calloc(r->arena, slots, sizeof(*r->slots));
	if (!r->slots)
		return RC_ERR_NOMEM;
	r->n_slots = slots;
	for (size_t i = 0; i < r->n_lex;) {
		size_t j = i;
		while (j < r->n_lex && r->lex[j].p.h[0] == r->lex[i].p.h[0]) {
			r->lex[j].same_first = strcmp(r->lex[j].p.w[0], r->lex[i].p.w[0]) == 0;
			j++;
		}
		uint64_t h = r->lex[i].p.h[0];
		size_t s = (size_t)(h & (slots - 1));
		while (r->slots[s].count)
			s = (s + 1) & (slots - 1);
		struct rc__lex_slot *sl = &r->slots[s];
		*sl = (struct rc__lex_slot){.h = h, .first = (uint32_t)i, .count = (uint32_t)(j - i),
		                            .one_all = true};
		size_t k = i;
		while (k < j && r->lex[k].p.n > 1)
			k++;
		sl->n_multi = (uint32_t)(k - i);
		for (; k < j; k++) {
			if (r->lex[k].p.n != 1 || !r->lex[k].same_first)
				sl->one_all = false;
			sl->one |= (uint64_t)1 << r->lex[k].cls;
		}
		i = j;
	}
	return RC_OK;
}

static unsigned knob(const json_t *matcher, const char *key, unsigned dflt)
{
	const json_t *v = json_object_get(matcher, key);
	return json_is_integer(v) ? (unsigned)json_integer_value(v) : dflt;
}

static int subject_index(const struct rc_rules *r, const char *name)
{
	for (size_t i = 0; i < r->n_subjects; i++)
		if (strcmp(r->subjects[i], name) == 0)
			return (int)i;
	return -1;
}

/* Is name one of the strings of the array words (NULL: none)? */
static bool in_words(const json_t *words, const char *name)
{
	for (size_t k = 0; k < json_array_size(words); k++)
		if (strcmp(json_string_value(json_array_get(words, k)), name) == 0)
			return true;
	return false;
}

/*
 * Point the error path at the element value of the list keys[0].keys[1]...
 * of the merged rules, which is element merged_k there.  Errors are about
 * the file being loaded, so the index given is the element's index in the
 * file's own list (a file need not repeat the built-in elements before its
 * own); a value the file does not hold keeps merged_k.
 */
static void point_at_element(compiler *cp, const char *const *keys, size_t n_keys,
                             const char *value, size_t merged_k)
{
	loadctx *c = cp->c;
	const json_t *list = c->file;
	c->path.depth = 0;
	for (size_t i = 0; i < n_keys; i++) {
		path_push_key(c, keys[i]);
		list = json_object_get(list, keys[i]);
	}
	size_t at = merged_k;
	for (size_t i = 0; i < json_array_size(list); i++)
		if (strcmp(json_string_value(json_array_get(list, i)), value) == 0) {
			at = i;
			break;
		}
	path_push_index(c, at);
}

/* Every label that parts.KEY lists must be a label of parts.cues. */
static rc_status cue_labels(compiler *cp, const json_t *cues, const json_t *list, const char *key)
{
	for (size_t k = 0; k < json_array_size(list); k++) {
		const char *ln = json_string_value(json_array_get(list, k));
		if (!json_object_get(cues, ln)) {
			point_at_element(cp, (const char *const[]){"parts", key}, 2, ln, k);
			return fail(cp->c, "'%s' is not a label of \"cues\"", ln);
		}
	}
	return RC_OK;
}

/*
 * Compile the lists of fields fs (the values of obj) that the schema maps
 * to a lexicon class or a pattern set, and those of the objects among
 * them.  Each class and each set is filled from one list, so the order of
 * the lists does not matter: lexicon entries tie only within a class.
 */
static rc_status compile_lists(compiler *cp, const json_t *obj, const field *fs)
{
	rc_status st = RC_OK;
	for (; fs->key && st == RC_OK; fs++) {
		const json_t *v = json_object_get(obj, fs->key);
		if (fs->kind == V_OBJECT)
			st = compile_lists(cp, v, fs->sub);
		else if (fs->lex)
			st = add_lex_list(cp, v, fs->lex - 1, -1);
		else if (fs->set)
			st = add_patterns(cp, (rc__pattern_set *)((char *)cp->r + fs->set - 1), v,
			                  fs->slot, -1);
	}
	return st;
}

/* Mark each metric that names lists with the flag at offset flag of
 * rc__metric (a bool); returns the index in names of the first name that
 * is no metric, or -1. */
/* parts.<key>: a list of subject names, marked by subject index in *out. */
static rc_status mark_subjects(compiler *cp, const json_t *parts, const char *key, bool **out)
{
	rc_rules *r = cp->r;
	if (!(*out = rc__arena_calloc(r->arena, r->n_subjects + 1, sizeof(**out))))
		return RC_ERR_NOMEM;
	const json_t *ps = json_object_get(parts, key);
	for (size_t k = 0; k < json_array_size(ps); k++) {
		const char *sn = json_string_value(json_array_get(ps, k));
		int idx = subject_index(r, sn);
		if (idx < 0) {
			point_at_element(cp, (const char *const[]){"parts", key}, 2, sn, k);
			return fail(cp->c, "'%s' is not a subject name (see \"subjects\")", sn);
		}
		(*out)[idx] = true;
	}
	return RC_OK;
}

static long mark_metrics(struct rc_rules *r, const json_t *names, size_t flag)
{
	long unknown = -1;
	for (size_t k = 0; k < json_array_size(names); k++) {
		const char *mn = json_string_value(json_array_get(names, k));
		bool found = false;
		for (size_t i = 0; i < r->n_metrics; i++)
			if (strcmp(r->metrics[i].name, mn) == 0)
				found = *(bool *)((char *)&r->metrics[i] + flag) = true;
		if (!found && unknown < 0)
			unknown = (long)k;
	}
	return unknown;
}

static rc_status compile(compiler *cp, const json_t *doc)
{
	struct rc_rules *r = cp->r;
	rc_status st;
	const json_t *m = json_object_get(doc, "matcher");
	r->subject_window = knob(m, "subject_window", 3);
	r->gap_window = knob(m, "gap_window", 6);
	r->toll_window = knob(m, "toll_window", 12);
	r->attribution_window = knob(m, "attribution_window", 12);
	r->attribution_carry = knob(m, "attribution_carry", 0);
	if ((st = compile_lists(cp, doc, top_fields)) != RC_OK)
		return st;

	/* Subjects: canonical names, then every form. */
	const json_t *subjects = json_object_get(doc, "subjects");
	r->n_subjects = json_object_size(subjects);
	r->subjects = rc__arena_alloc(r->arena, (r->n_subjects + 1) * sizeof(*r->subjects));
	if (!r->subjects)
		return RC_ERR_NOMEM;
	size_t si = 0;
	const char *name;
	const json_t *v;
	json_object_foreach((json_t *)subjects, name, v) {
		if (!(r->subjects[si] = rc__arena_strdup(r->arena, name)))
			return RC_ERR_NOMEM;
		if ((st = add_lex(cp, name, RC_LX_SUBJECT, (int32_t)si)) != RC_OK ||
		    (st = add_lex_list(cp, v, RC_LX_SUBJECT, (int32_t)si)) != RC_OK)
			return st;
		si++;
	}

	const json_t *metrics = json_object_get(doc, "metrics");
	r->n_metrics = json_object_size(metrics);
	r->metrics = rc__arena_calloc(r->arena, r->n_metrics + 1, sizeof(*r->metrics));
	if (!r->metrics)
		return RC_ERR_NOMEM;
	size_t mi = 0;
	json_object_foreach((json_t *)metrics, name, v) {
		rc__metric *met = &r->metrics[mi];
		if (!(met->name = rc__arena_strdup(r->arena, name)))
			return RC_ERR_NOMEM;
		static const struct { const char *key; int cls; } metric_lists[] = {
			{"verbs", RC_LX_VERB}, {"states", RC_LX_STATE},
			{"nouns", RC_LX_NOUN}, {"tolls", RC_LX_TOLL},
		};
		for (size_t k = 0; k < RC_ARRAY_LEN(metric_lists); k++)
			if ((st = add_lex_list(cp, json_object_get(v, metric_lists[k].key),
			                       metric_lists[k].cls, (int32_t)mi)) != RC_OK)
				return st;
		if ((st = add_patterns(cp, &r->metric_patterns, json_object_get(v, "patterns"),
		                       SLOT_N_REQUIRED, (int32_t)mi)) != RC_OK ||
		    (st = add_patterns(cp, &r->carried, json_object_get(v, "carried"), SLOT_N_REQUIRED,
		                       (int32_t)mi)) != RC_OK ||
		    (st = add_patterns(cp, &r->all_carried, json_object_get(v, "all_carried"), SLOT_NONE,
		                       (int32_t)mi)) != RC_OK)
			return st;
		const json_t *objects = json_object_get(v, "objects");
		size_t no = json_array_size(objects);
		if (no) {
			met->objects = rc__arena_alloc(r->arena, no * sizeof(*met->objects));
			if (!met->objects)
				return RC_ERR_NOMEM;
			for (size_t k = 0; k < no; k++) {
				const char *obj = json_string_value(json_array_get(objects, k));
				int idx = subject_index(r, obj);
				if (idx < 0) {
					point_at_element(cp, (const char *const[]){"metrics", name,
					                                            "objects"}, 3, obj, k);
					return fail(cp->c, "'%s' is not a subject name (see \"subjects\")",
					            obj);
				}
				met->objects[k] = idx;
			}
			met->n_objects = no;
		}
		mi++;
	}

	/* Parts of a total: victim metrics, subjects that are a part of the
	 * victims, and cue patterns by label. */
	const json_t *parts = json_object_get(doc, "parts");
	mark_metrics(r, json_object_get(parts, "metrics"), offsetof(rc__metric, victims));
	mark_metrics(r, json_object_get(parts, "by_noun"), offsetof(rc__metric, by_noun));
	const json_t *br = json_object_get(parts, "by_role");
	long bad_role = mark_metrics(r, br, offsetof(rc__metric, by_role));
	if (bad_role >= 0) {
		const char *mn = json_string_value(json_array_get(br, (size_t)bad_role));
		point_at_element(cp, (const char *const[]){"parts", "by_role"}, 2, mn,
		                 (size_t)bad_role);
		return fail(cp->c, "'%s' is not a metric name (see \"metrics\")", mn);
	}
	if ((st = mark_subjects(cp, parts, "subjects", &r->part_subject)) != RC_OK ||
	    (st = mark_subjects(cp, parts, "unspecific_subjects", &r->subject_unspecific)) != RC_OK)
		return st;
	/* The lists of labels that give a cue's label a property. */
	const struct { const char *key; bool **by_label; } label_lists[] = {
		{"relative", &r->part_relative},
		{"needs_total", &r->part_needs_total},
		{"after_part", &r->part_after_part},
	};
	const json_t *cues = json_object_get(parts, "cues");
	r->n_part_labels = json_object_size(cues);
	r->part_labels = rc__arena_alloc(r->arena, (r->n_part_labels + 1) * sizeof(*r->part_labels));
	if (!r->part_labels)
		return RC_ERR_NOMEM;
	for (size_t k = 0; k < RC_ARRAY_LEN(label_lists); k++) {
		if (!(*label_lists[k].by_label = rc__arena_calloc(r->arena, r->n_part_labels + 1,
		                                                  sizeof(bool))))
			return RC_ERR_NOMEM;
		if ((st = cue_labels(cp, cues, json_object_get(parts, label_lists[k].key),
		                     label_lists[k].key)) != RC_OK)
			return st;
	}
	size_t li = 0;
	json_object_foreach((json_t *)cues, name, v) {
		if (!(r->part_labels[li] = rc__arena_strdup(r->arena, name)))
			return RC_ERR_NOMEM;
		for (size_t k = 0; k < RC_ARRAY_LEN(label_lists); k++)
			(*label_lists[k].by_label)[li] =
				in_words(json_object_get(parts, label_lists[k].key), name);
		if ((st = add_patterns(cp, &r->part_cues, v, SLOT_N_REQUIRED, (int32_t)li)) != RC_OK)
			return st;
		li++;
	}

	const char *unspec = json_string_value(json_object_get(parts, "unspecific_part"));
	if (unspec && !(r->unspecific_part = rc__arena_strdup(r->arena, unspec)))
		return RC_ERR_NOMEM;
	const char *downer = json_string_value(json_object_get(json_object_get(doc, "attribution"),
	                                                      "demonym_owner"));
	if (downer && !(r->demonym_owner = rc__arena_strdup(r->arena, downer)))
		return RC_ERR_NOMEM;
	const json_t *suffixes = json_object_get(json_object_get(doc, "attribution"),
	                                         "drop_suffixes");
	r->n_drop_suffixes = json_array_size(suffixes);
	r->drop_suffixes = rc__arena_alloc(r->arena,
	                                   (r->n_drop_suffixes + 1) * sizeof(*r->drop_suffixes));
	if (!r->drop_suffixes)
		return RC_ERR_NOMEM;
	for (size_t k = 0; k < r->n_drop_suffixes; k++) {
		const char *s = json_string_value(json_array_get(suffixes, k));
		if ((st = phrase_make(&r->drop_suffixes[k], r->arena, s, strlen(s))) != RC_OK)
			return st == RC_ERR_NOMEM ? st : RC_OK;
	}
	rc__pattern_set *sets[] = {&r->metric_patterns, &r->superseded, &r->revision,
	                           &r->hypothetical, &r->aggregate, &r->subcounts, &r->vetoes,
	                           &r->attr_primary, &r->attr_secondary, &r->attr_tertiary,
	                           &r->part_cues, &r->background, &r->past_perfect, &r->time_anchors, &r->count_anaphors,
	                           &r->rejected, &r->computed, &r->dated_level,
	                           &r->earlier_openers, &r->later_openers,
	                           &r->background_others, &r->running_total, &r->carried,
	                           &r->all_carried, &r->last_year};
	for (size_t k = 0; k < RC_ARRAY_LEN(sets); k++)
		if ((st = index_anchors(cp, sets[k])) != RC_OK)
			return st;
	return build_index(cp);
}

/* ---- public API -------------------------------------------------------------- */

static void rules_dispose(struct rc_rules *r)
{
	json_decref(r->doc);
	rc__arena_free(r->arena);
	memset(r, 0, sizeof(*r));
}

/* Compile doc into a fresh rules structure; c supplies error context. */
static rc_status rules_build(struct rc_rules *out, json_t *doc, loadctx *c)
{
	memset(out, 0, sizeof(*out));
	out->arena = rc__arena_new(16384);
	if (!out->arena)
		return rc__error_set(c->err, RC_ERR_NOMEM, "out of memory compiling rules");
	out->doc = doc;
	compiler cp = {.r = out, .c = c};
	rc_status st = compile(&cp, doc);
	free(cp.lex);
	if (st == RC_ERR_NOMEM)
		rc__error_set(c->err, st, "out of memory compiling rules");
	if (st != RC_OK) {
		out->doc = NULL;
		rules_dispose(out);
	}
	return st;
}

rc_status rc_rules_load_buffer(rc_rules *rules, const char *json, size_t len,
                               const char *name, rc_error *err)
{
	if (!rules || (!json && len))
		return rc__error_set(err, RC_ERR_INVALID, "rc_rules_load_buffer: no rules or no text");
	if (!name)
		name = "rules";
	loadctx c = {.name = name, .src = json, .len = len, .err = err};
	json_error_t jerr;
	json_t *in = json_loadb(json ? json : "", len, JSON_REJECT_DUPLICATES, &jerr);
	if (!in)
		return rc__error_at(err, RC_ERR_PARSE, name, (size_t)(jerr.line > 0 ? jerr.line : 0),
		                    (size_t)(jerr.column > 0 ? jerr.column : 0),
		                    jerr.position >= 0 ? (size_t)jerr.position : (size_t)-1,
		                    "%s", jerr.text);
	rc_status st;
	json_t *merged = NULL;
	if (!json_is_object(in)) {
		st = fail(&c, "the rules must be a JSON object");
		goto done;
	}
	if ((st = validate_object(&c, in, top_fields)) != RC_OK)
		goto done;
	merged = json_is_true(json_object_get(in, "replace")) || !rules->doc
	         ? json_object() : json_deep_copy(rules->doc);
	if (!merged || merge(merged, in, top_fields) != RC_OK) {
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory merging rules");
		goto done;
	}
	struct rc_rules fresh;
	c.path.depth = 0;
	c.file = in;
	if ((st = rules_build(&fresh, merged, &c)) != RC_OK)
		goto done;
	merged = NULL;          /* owned by fresh */
	rules_dispose(rules);
	*rules = fresh;
done:
	json_decref(merged);
	json_decref(in);
	return st;
}

static rc_status parse_rules(void *rules, const char *text, size_t len, const char *path,
                             rc_error *err)
{
	return rc_rules_load_buffer(rules, text, len, path, err);
}

rc_status rc_rules_load_file(rc_rules *rules, const char *path, rc_error *err)
{
	if (!path)
		return rc__error_set(err, RC_ERR_INVALID, "rc_rules_load_file: no path");
	return rc__file_parse(path, MAX_RULES_FILE, "rules", parse_rules, rules, err);
}

rc_status rc_rules_new_default(rc_rules **out, rc_error *err)
{
	*out = NULL;
	rc_rules *r = calloc(1, sizeof(*r));
	if (!r)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	rc_status st = rc_rules_load_buffer(r, rc__data_rules, rc__data_rules_len,
	                                    "data/rules.json (built in)", err);
	if (st != RC_OK) {
		rc_rules_free(r);
		return st;
	}
	*out = r;
	return RC_OK;
}

void rc_rules_free(rc_rules *rules)
{
	if (!rules)
		return;
	rules_dispose(rules);
	free(rules);
}

/* ---- lookups ------------------------------------------------------------------ */

/* The entries of the slot of toks[i]'s hash (a word or punctuation), longest
 * first, *count of them; NULL when there are none. */
static const struct rc__lex_slot *slot_of(const rc_rules *r, const rc__tok *toks, size_t n,
                                          size_t i)
{
	if (i >= n || !r->n_slots)
		return NULL;
	const rc__tok *t = &toks[i];
	if (t->type != RC_TK_WORD && t->type != RC_TK_PUNCT)
		return NULL;
	size_t s = (size_t)(t->h & (r->n_slots - 1));
	while (r->slots[s].count && r->slots[s].h != t->h)
		s = (s + 1) & (r->n_slots - 1);
	return r->slots[s].count ? &r->slots[s] : NULL;
}

static const rc__lex_entry *lex_slot(const rc_rules *r, const rc__tok *toks, size_t n, size_t i,
                                     uint32_t *count)
{
	const struct rc__lex_slot *sl = slot_of(r, toks, n, i);
	*count = sl ? sl->count : 0;
	return sl ? r->lex + sl->first : NULL;
}

/* Whether entry e stands at toks[i] (the caller checked it fits in n).
 * *first is the test of the run's first word, shared by the entries that
 * begin with the same word: -1 unknown, 0 no, 1 yes. */
static inline bool lex_match(const rc__lex_entry *e, const rc__tok *toks, size_t i,
                             const char *text, int *first)
{
	const rc__tok *t = &toks[i];
	if (e->same_first && *first < 0)
		*first = rc__tok_is(t, text, e->p.h[0], e->p.w[0]);
	bool ok = e->same_first ? *first : rc__tok_is(t, text, e->p.h[0], e->p.w[0]);
	for (uint32_t w = 1; w < e->p.n && ok; w++)
		ok = rc__tok_is(&toks[i + w], text, e->p.h[w], e->p.w[w]);
	return ok;
}

const rc__lex_entry *rc__lex_find(const rc_rules *r, const rc__tok *toks, size_t n, size_t i,
                                  const char *text, int cls, uint32_t len)
{
	uint32_t count;
	const rc__lex_entry *e = lex_slot(r, toks, n, i, &count);
	int first = -1;
	for (uint32_t k = 0; k < count; k++, e++)
		if (e->cls == cls && i + e->p.n <= n && (!len || e->p.n == len) &&
		    lex_match(e, toks, i, text, &first))
			return e;   /* longest first */
	return NULL;
}

_Static_assert(RC_LX_COUNT_ <= 64, "lexicon classes are bits of a uint64_t");

uint64_t rc__lex_classes(const rc_rules *r, const rc__tok *toks, size_t n, size_t i,
                         const char *text)
{
	const struct rc__lex_slot *sl = slot_of(r, toks, n, i);
	if (!sl)
		return 0;
	const rc__tok *t = &toks[i];
	uint64_t m = 0;
	const rc__lex_entry *e = r->lex + sl->first;
	int first = -1;    /* as in rc__lex_find */
	uint32_t walk = sl->one_all ? sl->n_multi : sl->count;
	if (sl->one_all) {
		/* the one-word entries all have the run's first word, which
		 * lex[first] has (its same_first is set) */
		first = rc__tok_is(t, text, e->p.h[0], e->p.w[0]);
		if (first)
			m = sl->one;
	}
	for (uint32_t k = 0; k < walk; k++, e++)
		if (!(m >> e->cls & 1) && i + e->p.n <= n && lex_match(e, toks, i, text, &first))
			m |= (uint64_t)1 << e->cls;
	return m;
}
