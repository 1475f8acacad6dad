/*
 * The quantity recognizer: every figure in a text as an interval that
 * keeps its qualifier.
 *
 * Two passes over a bounded chunk of text (a paragraph, or a few thousand
 * words at most):
 *  1. a tokenizer splits the bytes into numbers (digits with their thousands
 *     separators and decimals, parsed on the spot), words (each looked up
 *     once in the lexicon hash built from quantity_tables.c) and single
 *     punctuation marks, typographic forms read as plain ones;
 *  2. a parser walks the tokens and at each one tries, longest first: a
 *     qualifier phrase and the number it qualifies, a vague term, a number
 *     (in digits, words or both) with what follows it (a unit, a range, a
 *     postfix qualifier) and what precedes it (a currency sign, a year or
 *     identifier cue).  The kind is decided from that context.
 * Neither pass allocates: the token array is reused from chunk to chunk and
 * results are appended to the caller's list.  Work per byte is bounded:
 * phrases are at most RC__MAX_PHRASE words and every loop advances.
 *
 * The recognizer never decides what a figure counts; the claim extractor
 * does that from the words around it.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/core.h"
#include "extract/quantity-priv.h"

#define RC__MAX_PHRASE 6       /* words in the longest table phrase */
#define RC__KEY_MAX 24         /* bytes of the longest lexicon key */
#define RC__CHUNK_TOKENS 4096  /* a chunk ends at a sentence end after this */
#define RC__CHUNK_HARD 8192    /* ... and anywhere after this */
#define RC__MAX_DIGITS 40      /* longer digit runs are identifiers */

/* ---- lexicon ------------------------------------------------------------- */

enum {
	F_NUM = 1u << 0, F_SCALE = 1u << 1, F_ORD = 1u << 2, F_MONTH = 1u << 3,
	F_YEARCUE = 1u << 4, F_IDCUE = 1u << 5, F_AGECUE = 1u << 6, F_ONEPRON = 1u << 7,
	F_CHANGE = 1u << 8, F_SIGN = 1u << 9, F_MERIDIEM = 1u << 10, F_CURRENCY = 1u << 11,
	F_QPRE = 1u << 12, F_QPOST = 1u << 13, F_VAGUE = 1u << 14, F_UNIT = 1u << 15,
	F_PHRASE = 1u << 16, F_LINK = 1u << 17, F_COUNTNOUN = 1u << 18, F_POSSESSIVE = 1u << 19,
	F_NOTQUAL = 1u << 20
};

typedef struct lexent {
	char key[RC__KEY_MAX];
	uint32_t flags;
	double num, scale, ord, month;
} lexent;

/* A table phrase compiled to lexicon ids. */
typedef struct phrase {
	int32_t w[RC__MAX_PHRASE];
	uint8_t n;
	uint16_t idx;      /* index into its table */
} phrase;

struct rc_recognizer {
	double tolerance;
	lexent *ents;
	size_t n_ents, cap_ents;
	int32_t *slots;        /* open addressing: index into ents or -1 */
	size_t n_slots;        /* a power of two */
	phrase *pre, *post, *vague, *units, *phr;
	size_t n_pre, n_post, n_vague, n_units, n_phr;
	rc_interval *vague_iv; /* per rc__q_vague entry, overridable */
	int32_t id_and, id_a, id_an, id_half, id_quarter, id_point, id_of, id_s,
	        id_st, id_nd, id_rd, id_th, id_to, id_between, id_from, id_comma,
	        id_but, id_colon, id_slash, id_dash, id_dot, id_plus, id_one, id_than,
	        id_hundred, id_the, id_lt, id_gt, id_eq, id_magnitude, id_or;
};

static uint64_t key_hash(const char *k, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)k[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static int32_t lex_find(const rc_recognizer *r, const char *k, size_t n)
{
	if (n == 0 || n >= RC__KEY_MAX)
		return -1;
	size_t mask = r->n_slots - 1;
	for (size_t s = key_hash(k, n) & mask;; s = (s + 1) & mask) {
		int32_t e = r->slots[s];
		if (e < 0)
			return -1;
		if (memcmp(r->ents[e].key, k, n) == 0 && r->ents[e].key[n] == 0)
			return e;
	}
}

static rc_status lex_rehash(rc_recognizer *r, size_t n_slots)
{
	int32_t *slots = malloc(n_slots * sizeof *slots);
	if (!slots)
		return RC_ERR_NOMEM;
	for (size_t i = 0; i < n_slots; i++)
		slots[i] = -1;
	for (size_t e = 0; e < r->n_ents; e++) {
		size_t s = key_hash(r->ents[e].key, strlen(r->ents[e].key)) & (n_slots - 1);
		while (slots[s] >= 0)
			s = (s + 1) & (n_slots - 1);
		slots[s] = (int32_t)e;
	}
	free(r->slots);
	r->slots = slots;
	r->n_slots = n_slots;
	return RC_OK;
}

/* The entry of a lower-case key, created when missing. */
static int32_t lex_intern(rc_recognizer *r, const char *k, size_t n, rc_error *err)
{
	if (n == 0 || n >= RC__KEY_MAX) {
		rc__error_set(err, RC_ERR_INVALID, "quantity lexicon: bad word '%.*s'", (int)n, k);
		return -1;
	}
	int32_t e = lex_find(r, k, n);
	if (e >= 0)
		return e;
	if (RC_GROW(r->ents, r->cap_ents, r->n_ents + 1) != RC_OK ||
	    ((r->n_ents + 1) * 2 > r->n_slots && lex_rehash(r, r->n_slots * 2) != RC_OK)) {
		rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		return -1;
	}
	lexent *x = &r->ents[r->n_ents];
	memset(x, 0, sizeof *x);
	memcpy(x->key, k, n);
	x->num = x->scale = x->ord = x->month = -1;
	e = (int32_t)r->n_ents++;
	size_t mask = r->n_slots - 1, s = key_hash(k, n) & mask;
	while (r->slots[s] >= 0)
		s = (s + 1) & mask;
	r->slots[s] = e;
	return e;
}

static int32_t lex_word(rc_recognizer *r, const char *w, uint32_t flag, rc_error *err)
{
	int32_t e = lex_intern(r, w, strlen(w), err);
	if (e >= 0)
		r->ents[e].flags |= flag;
	return e;
}

/* Split a table phrase on spaces into lexicon ids; the first word gets flag. */
static rc_status compile_phrase(rc_recognizer *r, const char *text, uint32_t flag,
                                phrase *out, size_t idx, rc_error *err)
{
	memset(out, 0, sizeof *out);
	out->idx = (uint16_t)idx;
	const char *p = text;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *b = p;
		while (*p && *p != ' ')
			p++;
		if (p == b)
			break;
		if (out->n == RC__MAX_PHRASE)
			return rc__error_set(err, RC_ERR_INVALID, "quantity lexicon: phrase too long: '%s'", text);
		int32_t e = lex_intern(r, b, (size_t)(p - b), err);
		if (e < 0)
			return err ? err->status : RC_ERR_NOMEM;
		if (out->n == 0)
			r->ents[e].flags |= flag;
		out->w[out->n++] = e;
	}
	return RC_OK;
}

static rc_status compile_table(rc_recognizer *r, phrase **out, size_t *n_out, size_t n,
                               const char *(*get)(size_t), uint32_t flag, rc_error *err)
{
	*out = calloc(n ? n : 1, sizeof **out);
	if (!*out)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		rc_status st = compile_phrase(r, get(i), flag, &(*out)[i], i, err);
		if (st != RC_OK)
			return st;
	}
	*n_out = n;
	return RC_OK;
}

static const char *get_pre(size_t i) { return rc__q_prefix[i].phrase; }
static const char *get_post(size_t i) { return rc__q_postfix[i].phrase; }
static const char *get_vague(size_t i) { return rc__q_vague[i].phrase; }
static const char *get_unit(size_t i) { return rc__q_units[i].word; }
static const char *get_phr(size_t i) { return rc__q_phrases[i]; }

static size_t count_strs(const char *const *t) { size_t n = 0; while (t[n]) n++; return n; }

static rc_status add_words(rc_recognizer *r, const char *const *t, uint32_t flag, rc_error *err)
{
	for (size_t i = 0; t[i]; i++)
		if (lex_word(r, t[i], flag, err) < 0)
			return err ? err->status : RC_ERR_NOMEM;
	return RC_OK;
}

static rc_status add_values(rc_recognizer *r, const rc__word_value *t, uint32_t flag, rc_error *err)
{
	for (size_t i = 0; t[i].word; i++) {
		int32_t e = lex_word(r, t[i].word, flag, err);
		if (e < 0)
			return err ? err->status : RC_ERR_NOMEM;
		lexent *x = &r->ents[e];
		if (flag == F_NUM) x->num = t[i].value;
		else if (flag == F_SCALE) x->scale = t[i].value;
		else if (flag == F_ORD) x->ord = t[i].value;
		else if (flag == F_MONTH) x->month = t[i].value;
	}
	return RC_OK;
}

static int32_t id_of(rc_recognizer *r, const char *w, rc_error *err)
{
	return lex_intern(r, w, strlen(w), err);
}

rc_status rc_recognizer_new(rc_recognizer **out, const rc_recognizer_options *opts, rc_error *err)
{
	*out = NULL;
	rc_recognizer *r = calloc(1, sizeof *r);
	if (!r)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	r->tolerance = opts && opts->approx_tolerance > 0 ? opts->approx_tolerance
	                                                  : RC_APPROX_TOLERANCE_DEFAULT;
	if (opts && (opts->approx_tolerance < 0 || opts->approx_tolerance >= 1)) {
		free(r);
		return rc__error_set(err, RC_ERR_INVALID,
		                     "approximation tolerance must be in [0, 1): %g", opts->approx_tolerance);
	}
	rc_status st;
	if ((st = lex_rehash(r, 1024)) != RC_OK) {
		free(r);
		return rc__error_set(err, st, "out of memory");
	}
	size_t nv = 0;
	while (rc__q_vague[nv].phrase)
		nv++;
	size_t np = 0, npo = 0, nu = 0;
	while (rc__q_prefix[np].phrase)
		np++;
	while (rc__q_postfix[npo].phrase)
		npo++;
	while (rc__q_units[nu].word)
		nu++;
	if ((st = add_values(r, rc__q_numbers, F_NUM, err)) ||
	    (st = add_values(r, rc__q_scales, F_SCALE, err)) ||
	    (st = add_values(r, rc__q_ordinals, F_ORD, err)) ||
	    (st = add_values(r, rc__q_months, F_MONTH, err)) ||
	    (st = add_words(r, rc__q_year_cues, F_YEARCUE, err)) ||
	    (st = add_words(r, rc__q_id_cues, F_IDCUE, err)) ||
	    (st = add_words(r, rc__q_age_cues, F_AGECUE, err)) ||
	    (st = add_words(r, rc__q_one_pronoun, F_ONEPRON, err)) ||
	    (st = add_words(r, rc__q_change_verbs, F_CHANGE, err)) ||
	    (st = add_words(r, rc__q_sign_words, F_SIGN, err)) ||
	    (st = add_words(r, rc__q_meridiem, F_MERIDIEM, err)) ||
	    (st = add_words(r, rc__q_currency_before, F_CURRENCY, err)) ||
	    (st = add_words(r, rc__q_range_links, F_LINK, err)) ||
	    (st = add_words(r, rc__q_count_nouns, F_COUNTNOUN, err)) ||
	    (st = add_words(r, rc__q_possessives, F_POSSESSIVE, err)) ||
	    (st = add_words(r, rc__q_not_qualifier, F_NOTQUAL, err)) ||
	    (st = compile_table(r, &r->pre, &r->n_pre, np, get_pre, F_QPRE, err)) ||
	    (st = compile_table(r, &r->post, &r->n_post, npo, get_post, F_QPOST, err)) ||
	    (st = compile_table(r, &r->vague, &r->n_vague, nv, get_vague, F_VAGUE, err)) ||
	    (st = compile_table(r, &r->units, &r->n_units, nu, get_unit, F_UNIT, err)) ||
	    (st = compile_table(r, &r->phr, &r->n_phr, count_strs(rc__q_phrases), get_phr, F_PHRASE, err))) {
		rc_recognizer_free(r);
		return st;
	}
	r->vague_iv = calloc(nv ? nv : 1, sizeof *r->vague_iv);
	if (!r->vague_iv) {
		rc_recognizer_free(r);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < nv; i++) {
		const rc__vague *v = &rc__q_vague[i];
		r->vague_iv[i] = (rc_interval){.lo = v->lo, .hi = v->hi < 0 ? 0 : v->hi,
		                               .lo_incl = true, .hi_incl = v->hi >= 0,
		                               .hi_inf = v->hi < 0};
	}
	struct { int32_t *slot; const char *w; } ids[] = {
		{&r->id_and, "and"}, {&r->id_a, "a"}, {&r->id_an, "an"}, {&r->id_half, "half"},
		{&r->id_quarter, "quarter"}, {&r->id_point, "point"}, {&r->id_of, "of"},
		{&r->id_s, "s"}, {&r->id_st, "st"}, {&r->id_nd, "nd"}, {&r->id_rd, "rd"},
		{&r->id_th, "th"}, {&r->id_to, "to"}, {&r->id_between, "between"},
		{&r->id_from, "from"}, {&r->id_comma, ","}, {&r->id_but, "but"},
		{&r->id_colon, ":"}, {&r->id_slash, "/"}, {&r->id_dash, "-"}, {&r->id_dot, "."},
		{&r->id_plus, "+"}, {&r->id_one, "one"}, {&r->id_than, "than"},
		{&r->id_hundred, "hundred"}, {&r->id_the, "the"}, {&r->id_lt, "<"},
		{&r->id_gt, ">"}, {&r->id_eq, "="}, {&r->id_magnitude, "magnitude"},
		{&r->id_or, "or"},
	};
	for (size_t i = 0; i < RC_ARRAY_LEN(ids); i++)
		if ((*ids[i].slot = id_of(r, ids[i].w, err)) < 0) {
			rc_recognizer_free(r);
			return err ? err->status : RC_ERR_NOMEM;
		}
	*out = r;
	return RC_OK;
}

static const char *vague_term(const char *term);

rc_status rc_recognizer_set_vague(rc_recognizer *rec, const char *term,
                                  const rc_interval *iv, rc_error *err)
{
	if (!rec || !term || !iv)
		return rc__error_set(err, RC_ERR_INVALID, "rc_recognizer_set_vague: null argument");
	if (!iv->lo_inf && !iv->hi_inf && iv->lo > iv->hi)
		return rc__error_set(err, RC_ERR_INVALID, "vague term '%s': lower bound %g above upper bound %g",
		                     term, iv->lo, iv->hi);
	bool found = false;
	for (size_t i = 0; i < rec->n_vague; i++) {
		const char *p = rc__q_vague[i].phrase;
		/* "dozens" also sets "dozens of" */
		size_t n = strlen(term);
		if (strcmp(p, term) == 0 || (strncmp(p, term, n) == 0 && strcmp(p + n, " of") == 0)) {
			rec->vague_iv[i] = *iv;
			found = true;
		}
	}
	if (!found) {
		rc_buf b;
		rc__buf_init(&b, 4096);
		/* each term once: "dozens of" is listed as "dozens" */
		for (size_t i = 0; i < rec->n_vague; i++)
			if (vague_term(rc__q_vague[i].phrase) == rc__q_vague[i].phrase)
				rc__buf_printf(&b, "%s%s", b.len ? ", " : "", rc__q_vague[i].phrase);
		rc__error_set(err, RC_ERR_INVALID, "unknown vague term '%s' (known: %s)", term,
		              b.data ? b.data : "");
		rc__buf_dispose(&b);
		return RC_ERR_INVALID;
	}
	return RC_OK;
}

void rc_recognizer_free(rc_recognizer *r)
{
	if (!r)
		return;
	free(r->ents);
	free(r->slots);
	free(r->pre);
	free(r->post);
	free(r->vague);
	free(r->units);
	free(r->phr);
	free(r->vague_iv);
	free(r);
}

void rc_quantity_list_dispose(rc_quantity_list *list)
{
	if (!list)
		return;
	free(list->items);
	memset(list, 0, sizeof *list);
}

static const char *const kind_names[RC_QK_COUNT_] = {
	"count", "range", "vague", "ordinal", "year", "date", "time", "age",
	"percent", "money", "measure", "id", "phrase",
};

const char *rc_quantity_kind_str(rc_quantity_kind kind)
{
	return (unsigned)kind < RC_QK_COUNT_ ? kind_names[kind] : "unknown";
}

double rc_recognizer_tolerance(const rc_recognizer *rec)
{
	return rec ? rec->tolerance : RC_APPROX_TOLERANCE_DEFAULT;
}


rc_status rc_recognizer_set_vague_spec(rc_recognizer *rec, const char *spec, rc_error *err)
{
	const char *eq = strrchr(spec, '=');
	const char *comma = eq ? strchr(eq, ',') : NULL;
	if (!eq || eq == spec || !comma)
		return rc__error_set(err, RC_ERR_INVALID,
		                     "vague override '%s': expected TERM=LO,HI (e.g. dozens=24,99)", spec);
	char term[64];
	size_t tn = (size_t)(eq - spec);
	if (tn >= sizeof term)
		return rc__error_set(err, RC_ERR_INVALID, "vague override '%s': term too long", spec);
	memcpy(term, spec, tn);
	term[tn] = 0;
	char *end;
	rc_interval iv = {.lo_incl = true, .hi_incl = true};
	iv.lo = strtod(eq + 1, &end);
	if (end == eq + 1 || end != comma || !isfinite(iv.lo))
		return rc__error_set(err, RC_ERR_INVALID, "vague override '%s': bad lower bound", spec);
	if (comma[1] == 0) {
		iv.hi_inf = true;
		iv.hi_incl = false;
	} else {
		iv.hi = strtod(comma + 1, &end);
		if (*end || !isfinite(iv.hi))
			return rc__error_set(err, RC_ERR_INVALID, "vague override '%s': bad upper bound", spec);
	}
	return rc_recognizer_set_vague(rec, term, &iv, err);
}

rc_interval rc_quantity_effective(const rc_recognizer *rec, const rc_quantity *q)
{
	return rc_interval_widen(&q->iv, q->value, q->approx, q->qualifier,
	                         rec ? rec->tolerance : RC_APPROX_TOLERANCE_DEFAULT);
}

/* ---- tokenizer ------------------------------------------------------------ */

enum { T_NUM = 0, T_WORD, T_PUNCT };

typedef struct tok {
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
	uint8_t nfrac;      /* digits after the point */
} tok;

typedef struct scan {
	const rc_recognizer *r;
	const char *s;
	size_t len;
	tok *t;
	size_t n, cap;
	rc_quantity_list *out;
} scan;

static inline bool is_space_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
	return rc__utf8_plain(cp) == ' ';
}

/* ASCII classes inline: the tokenizer asks them of every byte. */
static inline bool ascii_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline bool ascii_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* A thousands separator inside digits: comma, no-break or thin space. */
static size_t sep_len(const char *s, size_t i, size_t len)
{
	if (i < len && s[i] == ',')
		return 1;
	uint32_t cp;
	size_t l = i < len ? rc__utf8_decode((const unsigned char *)s + i, len - i, &cp) : 0;
	if (l && (cp == 0x00A0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007))
		return l;
	return 0;
}

static size_t digits_at(const char *s, size_t i, size_t len)
{
	size_t j = i;
	while (j < len && ascii_digit((unsigned char)s[j]))
		j++;
	return j - i;
}

/* Read a number at s[i] (a digit, or '.' before a digit).  Fills t. */
static size_t lex_number(const char *s, size_t i, size_t len, tok *t)
{
	char buf[RC__MAX_DIGITS + 24];
	size_t nb = 0, j = i, nd = 0;
	bool huge = false;
	size_t d = digits_at(s, j, len);
	t->lead0 = d > 1 && s[j] == '0';
	for (size_t k = 0; k < d; k++) {
		if (nb < RC__MAX_DIGITS)
			buf[nb++] = s[j + k];
		else
			huge = true;
	}
	nd = d;
	j += d;
	/* thousands groups: exactly three digits after each separator */
	size_t j0 = j, nb0 = nb;
	if (d >= 1 && d <= 3) {
		for (;;) {
			size_t sl = sep_len(s, j, len);
			if (!sl || digits_at(s, j + sl, len) != 3)
				break;
			for (size_t k = 0; k < 3; k++)
				if (nb < RC__MAX_DIGITS)
					buf[nb++] = s[j + sl + k];
				else
					huge = true;
			nd += 3;
			j += sl + 3;
			t->sep = true;
		}
		/* "100,101,1000": a list, not one number; read its first item */
		if (t->sep && j < len && s[j] == ',' && j + 1 < len && ascii_digit((unsigned char)s[j + 1])) {
			j = j0;
			nb = nb0;
			nd = d;
			huge = false;
			t->sep = false;
		}
	}
	size_t nf = 0;
	if (!huge && j + 1 < len && s[j] == '.' && ascii_digit((unsigned char)s[j + 1])) {
		buf[nb++] = '.';
		size_t f = digits_at(s, j + 1, len);
		for (size_t k = 0; k < f && k < 17; k++)
			buf[nb++] = s[j + 1 + k];
		nf = f;
		j += 1 + f;
		t->dec = true;
	}
	/* digits past the first RC__MAX_DIGITS only scale the value */
	if (huge) {
		int w = snprintf(buf + nb, sizeof buf - nb, "e%zu", nd - RC__MAX_DIGITS);
		nb += w > 0 ? (size_t)w : 0;
	}
	buf[nb < sizeof buf ? nb : sizeof buf - 1] = 0;
	t->huge = huge;
	t->ndig = (uint8_t)(nd > 255 ? 255 : nd);
	t->nfrac = (uint8_t)(nf > 255 ? 255 : nf);
	t->val = strtod(buf, NULL);
	if (t->val > DBL_MAX)
		t->val = DBL_MAX; /* finite, so that intervals stay ordered and round-trip */
	return j;
}

static bool word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return ascii_alpha((int)cp);
	/* letters of other scripts; typographic marks are punctuation */
	return rc__utf8_plain(cp) == 0 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
	       !(cp >= 0x00A1 && cp <= 0x00BF) && cp != 0x00D7 && cp != 0x00F7 &&
	       !(cp >= 0x20A0 && cp <= 0x20CF);
}

/* Lower-cased key of s[b..e) with curly apostrophes as ' ; false if too long. */
static bool make_key(const char *s, size_t b, size_t e, char *key, size_t *kn)
{
	size_t n = 0;
	for (size_t i = b; i < e;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (n + 1 >= RC__KEY_MAX)
				return false;
			key[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
			continue;
		}
		uint32_t cp;
		size_t l = rc__utf8_decode((const unsigned char *)s + i, e - i, &cp);
		if (!l)
			l = 1;
		char p = l > 1 ? rc__utf8_plain(cp) : 0;
		if (p && p != ' ') {
			if (n + 1 >= RC__KEY_MAX)
				return false;
			key[n++] = p;
		} else {
			if (n + l >= RC__KEY_MAX)
				return false;
			memcpy(key + n, s + i, l);
			n += l;
		}
		i += l;
	}
	key[n] = 0;
	*kn = n;
	return true;
}

static rc_status push_tok(scan *x, const tok *t)
{
	if (RC_GROW(x->t, x->cap, x->n + 1) != RC_OK)
		return RC_ERR_NOMEM;
	x->t[x->n++] = *t;
	return RC_OK;
}

/*
 * Tokenize from *pos to the end of the chunk: a blank line, or a sentence
 * end once RC__CHUNK_TOKENS tokens are read, or RC__CHUNK_HARD tokens.
 */
static rc_status tokenize(scan *x, size_t *pos)
{
	const char *s = x->s;
	size_t len = x->len, i = *pos;
	bool gap = true;
	int newlines = 0;
	x->n = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp = c;
		size_t l = 1;
		if (c >= 0x80) {
			l = rc__utf8_decode((const unsigned char *)s + i, len - i, &cp);
			if (!l) {
				cp = 0xFFFD;
				l = 1;
			}
		}
		if (is_space_cp(cp)) {
			if (cp == '\n' && ++newlines >= 2 && x->n > 0) {
				*pos = i + 1;
				return RC_OK;
			}
			gap = true;
			i += l;
			continue;
		}
		newlines = 0;
		if (x->n >= RC__CHUNK_HARD) {
			*pos = i;
			return RC_OK;
		}
		tok t = {.s = i, .lex = -1, .gap = gap};
		gap = false;
		if (ascii_digit(c) || (c == '.' && i + 1 < len && ascii_digit((unsigned char)s[i + 1]) &&
		                        (i == 0 || !rc__is_alnum((unsigned char)s[i - 1])))) {
			t.type = T_NUM;
			t.e = lex_number(s, i, len, &t);
		} else if (word_cp(cp)) {
			size_t j = i + l;
			for (;;) {
				if (j >= len)
					break;
				unsigned char d = (unsigned char)s[j];
				uint32_t dc = d;
				size_t dl = 1;
				if (d >= 0x80 && !(dl = rc__utf8_decode((const unsigned char *)s + j, len - j, &dc)))
					break;
				if (word_cp(dc)) {
					j += dl;
					continue;
				}
				/* inner apostrophe (o'clock, Iran's) and a.m / U.S */
				if ((dc == '\'' || dc == 0x2019) && j + dl < len && ascii_alpha((unsigned char)s[j + dl])) {
					j += dl;
					continue;
				}
				if (d == '.' && j + 2 <= len && j + 1 < len && ascii_alpha((unsigned char)s[j + 1]) &&
				    j - i == 1 && (j + 2 == len || !ascii_alpha((unsigned char)s[j + 2]))) {
					j += 2;
					continue;
				}
				break;
			}
			t.type = T_WORD;
			t.e = j;
			t.cap = c >= 'A' && c <= 'Z';
			t.upper = true;
			for (size_t k = i; k < j; k++)
				if (s[k] >= 'a' && s[k] <= 'z')
					t.upper = false;
			char key[RC__KEY_MAX];
			size_t kn;
			if (make_key(s, i, j, key, &kn)) {
				/* an abbreviation with its full stop: "No.", "Rs.", "Jan." */
				if (j < len && s[j] == '.' && kn + 1 < RC__KEY_MAX) {
					key[kn] = '.';
					int32_t e = lex_find(x->r, key, kn + 1);
					if (e >= 0) {
						t.lex = e;
						t.e = j + 1;
					}
				}
				if (t.lex < 0)
					t.lex = lex_find(x->r, key, kn);
			}
		} else {
			t.type = T_PUNCT;
			t.e = i + l;
			char key[8];
			char p = l > 1 ? rc__utf8_plain(cp) : (char)c;
			if (p) {
				key[0] = p;
				t.lex = lex_find(x->r, key, 1);
			} else {
				memcpy(key, s + i, l);
				t.lex = lex_find(x->r, key, l);
			}
		}
		i = t.e;
		if (push_tok(x, &t) != RC_OK)
			return RC_ERR_NOMEM;
		if (x->n >= RC__CHUNK_TOKENS && t.type == T_PUNCT &&
		    (s[t.s] == '.' || s[t.s] == '!' || s[t.s] == '?' || s[t.s] == ';')) {
			*pos = i;
			return RC_OK;
		}
	}
	*pos = len;
	return RC_OK;
}

/* ---- parser helpers -------------------------------------------------------- */

static uint32_t flags(const scan *x, size_t i)
{
	return i < x->n && x->t[i].lex >= 0 ? x->r->ents[x->t[i].lex].flags : 0;
}

static const lexent *ent(const scan *x, size_t i)
{
	return i < x->n && x->t[i].lex >= 0 ? &x->r->ents[x->t[i].lex] : NULL;
}

static bool is(const scan *x, size_t i, int32_t id)
{
	return i < x->n && x->t[i].lex == id;
}

static bool is_num(const scan *x, size_t i)
{
	return i < x->n && x->t[i].type == T_NUM;
}

/* Tokens i and i+1 touch (no space between). */
static bool glued(const scan *x, size_t i)
{
	return i + 1 < x->n && !x->t[i + 1].gap;
}

/* Does phrase p match at token i?  Returns the index after it, or 0. */
static size_t match_phrase(const scan *x, size_t i, const phrase *p)
{
	for (size_t k = 0; k < p->n; k++)
		if (!is(x, i + k, p->w[k]))
			return 0;
	return i + p->n;
}

/* The longest phrase of a table at token i; *end gets the index after it. */
static const phrase *longest(const scan *x, size_t i, const phrase *tab, size_t n, size_t *end)
{
	const phrase *best = NULL;
	size_t be = 0;
	for (size_t k = 0; k < n; k++) {
		size_t e = match_phrase(x, i, &tab[k]);
		if (e > be) {
			be = e;
			best = &tab[k];
		}
	}
	*end = be;
	return best;
}

/* A parsed number: tokens [i0, i1), its value and what it was written with. */
typedef struct numx {
	size_t i0, i1;
	double v;
	bool words;     /* spelled out, at least partly */
	bool scaled;    /* multiplied by a scale word or suffix */
	bool plain_int; /* digits only, no separators, no decimals */
	bool neg;
	const tok *first; /* the first digit token (NULL for words only) */
} numx;

/* Small number word (0..99) at i, compounds "ninety-six", "fifty two". */
static bool small_words(const scan *x, size_t i, size_t *end, double *v)
{
	const lexent *e = ent(x, i);
	if (!e || !(e->flags & F_NUM))
		return false;
	double n = e->num;
	size_t j = i + 1;
	if (n >= 20 && fmod(n, 10) == 0) {
		size_t k = j;
		if (is(x, k, x->r->id_dash))
			k++;
		const lexent *u = ent(x, k);
		if (u && (u->flags & F_NUM) && u->num >= 1 && u->num <= 9 && x->t[k].type == T_WORD) {
			n += u->num;
			j = k + 1;
		}
	}
	*end = j;
	*v = n;
	return true;
}

/* Scale entry at i ("hundred", "million", "bn"), singular or plural. */
static double scale_at(const scan *x, size_t i)
{
	const lexent *e = ent(x, i);
	return e && (e->flags & F_SCALE) && x->t[i].type == T_WORD ? e->scale : -1;
}

static bool plural_scale(const scan *x, size_t i)
{
	size_t n = x->t[i].e - x->t[i].s;
	return n > 2 && (x->s[x->t[i].e - 1] == 's' || x->s[x->t[i].e - 1] == 'S') &&
	       !is(x, i, x->r->id_s);
}

/* A glued scale suffix after digits: "10k", "2.3m", "1.2bn". */
static double suffix_scale(const scan *x, size_t i, bool money)
{
	if (i + 1 >= x->n || !glued(x, i) || x->t[i + 1].type != T_WORD)
		return -1;
	const tok *w = &x->t[i + 1];
	size_t n = w->e - w->s;
	/* the suffix must end the word: "10km" is not 10 thousand m */
	for (size_t k = 0; rc__q_suffixes[k].word; k++) {
		const char *sfx = rc__q_suffixes[k].word;
		if (strlen(sfx) != n || memcmp(sfx, x->s + w->s, n) != 0)
			continue;
		bool lower_mb = (strcmp(sfx, "m") == 0 || strcmp(sfx, "b") == 0 || strcmp(sfx, "mm") == 0);
		/* "1m people" is a million; "a 10m wall" ten metres */
		if (lower_mb && !x->t[i].dec && !money && !(flags(x, i + 2) & F_COUNTNOUN))
			return -1;
		if (strcmp(sfx, "mm") == 0 && !money)
			return -1;
		if (i + 2 < x->n && glued(x, i + 1) && x->t[i + 2].type != T_PUNCT)
			return -1;
		return rc__q_suffixes[k].value;
	}
	return -1;
}

/*
 * A number at i: digits (with a glued suffix or a scale word after them),
 * words ("one hundred and three", "two dozen", "a hundred", "half a
 * million"), or both ("12 thousand", "4 thousand 3 hundred and 21").
 * Chains of scales must fall ("thousand three hundred"), as in English.
 */
static bool parse_number(const scan *x, size_t i, bool money, numx *nx)
{
	const rc_recognizer *r = x->r;
	memset(nx, 0, sizeof *nx);
	nx->i0 = i;
	size_t j = i;
	bool neg = false;
	/* sign: "minus five", "-5" glued after a space or a comparison */
	if (flags(x, j) & F_SIGN && (is_num(x, j + 1) || (flags(x, j + 1) & F_NUM))) {
		neg = true;
		j++;
	} else if (is(x, j, r->id_dash) && is_num(x, j + 1) && glued(x, j) &&
	           (j == 0 || x->t[j].gap || is(x, j - 1, r->id_lt) || is(x, j - 1, r->id_gt) ||
	            is(x, j - 1, r->id_eq) || (x->t[j - 1].type == T_PUNCT && x->s[x->t[j - 1].s] == '('))) {
		/* "-5" but not "1995-01" or "word-5" */
		neg = true;
		j++;
	}
	double total = 0, group = 0, last_scale = INFINITY;
	bool any = false, after_small = false, after_hundred = false;
	double small = 0; /* the last small number, for "two dozen" */
	bool had_hundred = false;   /* the current group was multiplied by 100 */
	size_t save_j = j;          /* before the last small part, to give it back */
	double save_group = 0;
	for (;;) {
		size_t k = j;
		if (after_hundred || group == 0) {
			save_j = j;
			save_group = group;
		}
		/* "and" between parts: only after hundred or a scale, before a number */
		if (any && is(x, k, r->id_and) && (after_hundred || group == 0) &&
		    ((flags(x, k + 1) & F_NUM) || (is_num(x, k + 1) && x->t[k + 1].val >= 1)))
			k++;
		if (is_num(x, k) && (!any || (!after_small && (group == 0 || after_hundred)))) {
			const tok *t = &x->t[k];
			if (any && (t->dec || t->sep || t->val >= (after_hundred ? 100 : 1000)))
				break;
			/* a digit number stands alone unless a scale word follows */
			double v = t->val;
			double sfx = suffix_scale(x, k, money);
			size_t nk = k + 1;
			if (sfx > 0) {
				v *= sfx;
				nk = k + 2;
				nx->scaled = true;
				if (!any) {
					nx->first = t;
					total = v;
					any = true;
					j = nk;
					break;
				}
			}
			if (any && !(after_hundred && v < 100) && scale_at(x, nk) < 0)
				break; /* "4000 3 hundred": two numbers */
			if (!any)
				nx->first = t;
			group += v;
			small = v;
			any = true;
			after_small = true;
			after_hundred = false;
			j = nk;
			continue;
		}
		double sv;
		size_t e;
		if (k >= x->n)
			break;
		if (x->t[k].type == T_WORD && !after_small && small_words(x, k, &e, &sv)) {
			if (any && group != 0 && !after_hundred)
				break;
			group += sv;
			small = sv;
			any = true;
			after_small = true;
			after_hundred = false;
			nx->words = true;
			j = e;
			continue;
		}
		/* "a hundred", "a dozen", "an estimated" is not this */
		if (!any && (is(x, k, r->id_a) || is(x, k, r->id_an)) && scale_at(x, k + 1) > 0 &&
		    !plural_scale(x, k + 1)) {
			group = 1;
			small = 1;
			any = true;
			after_small = true;
			nx->words = true;
			j = k + 1;
			continue;
		}
		/* "half a million", "a quarter million" */
		if (!any && (is(x, k, r->id_a) || is(x, k, r->id_an)) &&
		    (is(x, k + 1, r->id_half) || is(x, k + 1, r->id_quarter)))
			k++;
		if (!any && (is(x, k, r->id_half) || is(x, k, r->id_quarter))) {
			size_t m = k + 1;
			if (is(x, m, r->id_a))
				m++;
			double sc = scale_at(x, m);
			if (sc > 0 && !plural_scale(x, m) && sc >= 12) {
				total = (is(x, k, r->id_half) ? 0.5 : 0.25) * sc;
				any = true;
				nx->words = nx->scaled = true;
				j = m + 1;
				last_scale = sc;
				group = 0;
				break;
			}
		}
		if (k != j)
			break; /* an "and" not followed by a part */
		double sc = scale_at(x, k);
		if (sc > 0 && (any || !plural_scale(x, k))) {
			if (plural_scale(x, k) && !(any && group > 1))
				break; /* "dozens", "hundreds" alone are vague */
			if (sc == 12) {
				double base = group - small;
				group = base + (small ? small : 1) * 12;
				after_small = false;
				after_hundred = false;
			} else if (sc == 100) {
				if (had_hundred) {
					/* "3 hundred and 2 hundred": the second is a number of its own */
					j = save_j;
					group = save_group;
					break;
				}
				group = (group ? group : 1) * 100;
				had_hundred = true;
				after_hundred = true;
				after_small = false;
			} else {
				if (sc >= last_scale)
					break;
				total += (group ? group : 1) * sc;
				group = 0;
				had_hundred = false;
				last_scale = sc;
				after_small = false;
				after_hundred = false;
			}
			any = true;
			nx->scaled = true;
			nx->words = true;
			j = k + 1;
			if (plural_scale(x, k))
				break;
			continue;
		}
		break;
	}
	if (!any)
		return false;
	/* "a" alone or a bare sign was consumed without a number */
	double v = total + group;
	/* decimals in words: "two hundred point zero three" */
	if (nx->words && !nx->first && is(x, j, r->id_point)) {
		char digits[32];
		size_t nd = 0, k = j + 1;
		double sv;
		size_t e;
		while (nd < 30 && k < x->n && x->t[k].type == T_WORD && small_words(x, k, &e, &sv)) {
			nd += (size_t)snprintf(digits + nd, sizeof digits - nd, "%d", (int)sv);
			k = e;
			if (k >= x->n)
				break;
		}
		if (nd) {
			char buf[64];
			snprintf(buf, sizeof buf, "0.%s", digits);
			v += strtod(buf, NULL);
			j = k;
		}
	}
	nx->i1 = j;
	if (!(v <= DBL_MAX))
		v = DBL_MAX;
	nx->v = neg ? -v : v;
	nx->neg = neg;
	nx->plain_int = nx->first && !nx->words && !nx->scaled && !nx->first->dec && !nx->first->sep;
	return true;
}

/* ---- emitting ---------------------------------------------------------------- */

static rc_status emit(scan *x, const rc_quantity *q)
{
	rc_quantity_list *l = x->out;
	if (RC_GROW(l->items, l->cap, l->len + 1) != RC_OK)
		return RC_ERR_NOMEM;
	l->items[l->len++] = *q;
	return RC_OK;
}

static rc_interval point(double v)
{
	return (rc_interval){.lo = v, .hi = v, .lo_incl = true, .hi_incl = true};
}

static rc_interval unbounded(void)
{
	return (rc_interval){.lo_inf = true, .hi_inf = true};
}

/* Apply a bound to a figure (a point or a range [lo, hi]). */
static void apply_bound(rc_quantity *q, rc__bound b)
{
	rc_interval iv = q->iv;
	switch (b) {
	case RC_B_GT:
	case RC_B_APPROX_GT:
		q->iv = (rc_interval){.lo = iv.lo, .lo_incl = false, .hi_inf = true};
		break;
	case RC_B_GE:
	case RC_B_APPROX_GE:
		q->iv = (rc_interval){.lo = iv.lo, .lo_incl = true, .hi_inf = true};
		break;
	case RC_B_LT:
	case RC_B_APPROX_LT:
		q->iv = (rc_interval){.hi = iv.hi, .hi_incl = false, .lo_inf = true};
		break;
	case RC_B_LE:
		q->iv = (rc_interval){.hi = iv.hi, .hi_incl = true, .lo_inf = true};
		break;
	case RC_B_EXACT:
	case RC_B_APPROX:
	case RC_B_RANGE:
	case RC_B_OR_EQUAL:
		break;
	}
	if (b == RC_B_APPROX || b == RC_B_APPROX_LT || b == RC_B_APPROX_GT || b == RC_B_APPROX_GE)
		q->approx = true;
}

static const char *canon(const rc__qualifier *q)
{
	return q->canon ? q->canon : q->phrase;
}

/* Is token i a word starting with a capital (a month must be)? */
static int month_at(const scan *x, size_t i)
{
	const lexent *e = ent(x, i);
	if (!e || !(e->flags & F_MONTH) || !x->t[i].cap)
		return 0;
	return (int)e->month;
}

/* Ordinal suffix glued to digits: 1st, 22nd, 3rd, 4th. */
static bool ordinal_suffix(const scan *x, size_t i)
{
	return glued(x, i) && (is(x, i + 1, x->r->id_st) || is(x, i + 1, x->r->id_nd) ||
	                       is(x, i + 1, x->r->id_rd) || is(x, i + 1, x->r->id_th));
}

static bool day_number(const scan *x, size_t i)
{
	return is_num(x, i) && !x->t[i].dec && !x->t[i].sep && x->t[i].ndig <= 2 &&
	       x->t[i].val >= 1 && x->t[i].val <= 31;
}

static bool year_number(const scan *x, size_t i)
{
	return is_num(x, i) && !x->t[i].dec && !x->t[i].sep && x->t[i].ndig == 4 &&
	       x->t[i].val >= 1000 && x->t[i].val <= 2199;
}

static rc_status emit_simple(scan *x, rc_quantity_kind kind, size_t i0, size_t i1,
                             rc_interval iv, double v)
{
	rc_quantity q = {.kind = kind, .iv = iv, .value = v, .start = x->t[i0].s,
	                 .end = x->t[i1 - 1].e, .num_start = x->t[i0].s, .num_end = x->t[i1 - 1].e};
	return emit(x, &q);
}

/*
 * Dates at i: "January 3", "Jan. 3, 2024", "3 January 2024", "3rd of
 * January", "January 2024", "01/19/2024", "2024-04-02", "1995-01".
 * Returns the index after the date, or 0.
 */
static size_t date_at(const scan *x, size_t i)
{
	const rc_recognizer *r = x->r;
	size_t j;
	if (month_at(x, i)) {
		j = i + 1;
		if (is(x, j, r->id_dot) && glued(x, i))
			j++;
		if (day_number(x, j)) {
			j++;
			if (ordinal_suffix(x, j - 1))
				j++;
			/* "January 3-5" */
			if (is(x, j, r->id_dash) && day_number(x, j + 1) && glued(x, j - 1) && glued(x, j))
				j += 2;
			size_t k = j;
			if (is(x, k, r->id_comma))
				k++;
			if (year_number(x, k))
				j = k + 1;
			return j;
		}
		if (year_number(x, j))
			return j + 1;
		return 0;
	}
	if (day_number(x, i)) {
		j = i + 1;
		if (ordinal_suffix(x, i))
			j++;
		if (is(x, j, r->id_of) && month_at(x, j + 1))
			j++;
		if (month_at(x, j)) {
			j++;
			if (is(x, j, r->id_dot) && glued(x, j - 1))
				j++;
			size_t k = j;
			if (is(x, k, r->id_comma))
				k++;
			if (year_number(x, k))
				j = k + 1;
			return j;
		}
	}
	/* numeric dates, all parts glued */
	if (is_num(x, i) && !x->t[i].dec && !x->t[i].sep) {
		const tok *a = &x->t[i];
		if ((is(x, i + 1, r->id_slash) || is(x, i + 1, r->id_dash)) && glued(x, i) && glued(x, i + 1) &&
		    is_num(x, i + 2) && !x->t[i + 2].dec) {
			int32_t sepid = x->t[i + 1].lex;
			const tok *b = &x->t[i + 2];
			if (is(x, i + 3, sepid) && glued(x, i + 2) && glued(x, i + 3) && is_num(x, i + 4) &&
			    !x->t[i + 4].dec) {
				const tok *c = &x->t[i + 4];
				bool ymd = a->ndig == 4 && b->val >= 1 && b->val <= 12 && c->val >= 1 && c->val <= 31;
				bool dmy = a->ndig <= 2 && b->ndig <= 2 && (c->ndig == 4 || c->ndig == 2) &&
				           a->val >= 1 && b->val >= 1 && ((a->val <= 12 && b->val <= 31) ||
				                                          (a->val <= 31 && b->val <= 12));
				if (ymd || dmy)
					return i + 5;
			}
			/* "1995-01", "2024/04" */
			if (a->ndig == 4 && b->ndig == 2 && b->lead0 && b->val >= 1 && b->val <= 12)
				return i + 3;
		}
	}
	return 0;
}

/* A clock time at i: "15:00", "3:30 pm", "3 p.m.", "0800 GMT". */
static size_t time_at(const scan *x, size_t i)
{
	const rc_recognizer *r = x->r;
	if (!is_num(x, i) || x->t[i].dec || x->t[i].sep)
		return 0;
	const tok *h = &x->t[i];
	size_t j = 0;
	if (is(x, i + 1, r->id_colon) && glued(x, i) && glued(x, i + 1) && is_num(x, i + 2) &&
	    x->t[i + 2].ndig == 2 && !x->t[i + 2].dec && h->ndig <= 2 && h->val <= 24 &&
	    x->t[i + 2].val <= 59) {
		j = i + 3;
		if (is(x, j, r->id_colon) && glued(x, j - 1) && is_num(x, j + 1) && x->t[j + 1].ndig == 2)
			j += 2;
	}
	size_t k = j ? j : i + 1;
	size_t end;
	const phrase *u = longest(x, k, r->units, r->n_units, &end);
	if (u && rc__q_units[u->idx].kind == RC_QK_TIME) {
		bool mer = flags(x, k) & F_MERIDIEM;
		if (j || (mer && h->ndig <= 2 && h->val >= 1 && h->val <= 12) ||
		    (!mer && h->ndig == 4 && fmod(h->val, 100) <= 59 && h->val <= 2400)) {
			/* "a.m." keeps its full stop */
			if (end < x->n && is(x, end, r->id_dot) && glued(x, end - 1) && mer &&
			    memchr(x->s + x->t[end - 1].s, '.', x->t[end - 1].e - x->t[end - 1].s))
				end++;
			return end;
		}
	}
	return j;
}

/* Words that stand for a number but are no figure: "one of the". */
static size_t phrase_at(const scan *x, size_t i)
{
	if (!(flags(x, i) & F_PHRASE))
		return 0;
	size_t end;
	return longest(x, i, x->r->phr, x->r->n_phr, &end) ? end : 0;
}

/* A unit after the number ending at j ("700 meters", "20%", "22-year-old",
 * "700-metre"); *kind gets its kind.  Clock words are time_at()'s. */
static size_t unit_after(const scan *x, size_t j, rc_quantity_kind *kind)
{
	size_t end = 0, k = j;
	const phrase *u = NULL;
	if (j == 0 || j >= x->n)
		return 0;
	if (flags(x, j) & F_UNIT)
		u = longest(x, j, x->r->units, x->r->n_units, &end);
	if (!u && is(x, j, x->r->id_dash) && glued(x, j - 1) && glued(x, j) && (flags(x, j + 1) & F_UNIT)) {
		k = j + 1;
		u = longest(x, k, x->r->units, x->r->n_units, &end);
	}
	if (!u)
		return 0;
	/* a one-letter unit ("m", "g") only glued to its number: "5 m" is not read */
	if (x->t[k].type == T_WORD && x->t[k].e - x->t[k].s == 1 && x->t[k].gap)
		return 0;
	*kind = rc__q_units[u->idx].kind;
	if (*kind == RC_QK_TIME)
		return 0;
	return end;
}

/* A postfix qualifier at j: "or more", "-plus", "+", "or so". */
static const rc__qualifier *postfix_at(const scan *x, size_t j, size_t *end)
{
	const rc_recognizer *r = x->r;
	if (!(flags(x, j) & F_QPOST))
		return NULL;
	const phrase *p = longest(x, j, r->post, r->n_post, end);
	if (!p)
		return NULL;
	const rc__qualifier *q = &rc__q_postfix[p->idx];
	/* "+" and "-plus", "-odd" must touch the number */
	if ((is(x, j, r->id_plus) || is(x, j, r->id_dash)) && x->t[j].gap)
		return NULL;
	/* "200 or greater than 190": the qualifier belongs to the next number */
	size_t k = *end;
	if (is(x, k, r->id_than) || is(x, k, r->id_to))
		k++;
	if (is_num(x, k) || (flags(x, k) & F_NUM))
		return NULL;
	return q;
}

/* ---- the parser ---------------------------------------------------------------- */

/* Is the token before i a word that makes "one" a pronoun? */
static bool one_is_pronoun(const scan *x, size_t i)
{
	if (!is(x, i, x->r->id_one))
		return false;
	if (i > 0 && (flags(x, i - 1) & F_ONEPRON) && x->t[i - 1].type == T_WORD)
		return true;
	return false;
}

typedef struct found {
	rc_quantity q;
	size_t next;
} found;

/* Does token i follow a word of change ("rose from 84 to 95", "up by 10 to
 * 95")?  Then two numbers are a before and an after, not a range. */
static bool after_change(const scan *x, size_t i)
{
	if (i > 0 && (flags(x, i - 1) & F_CHANGE))
		return true;
	return i > 1 && is(x, i - 1, x->r->id_from) && (flags(x, i - 2) & F_CHANGE);
}

/* The range partner of a after link token k, if a and it form a range. */
static bool range_partner(const scan *x, const numx *a, size_t k, bool money, numx *b,
                          double *lo, double *hi)
{
	if (k + 1 >= x->n || !parse_number(x, k + 1, money, b) || b->neg)
		return false;
	*lo = a->v;
	*hi = b->v;
	/* a scale after the second number scales the first: "1 to 2 million",
	 * "two to three million", "1.5-2bn" */
	if (b->scaled && !a->scaled && b->v >= 1000) {
		double base = b->v, sc = 1;
		while (base >= 1000 && fmod(base, 1000) == 0) {
			base /= 1000;
			sc *= 1000;
		}
		if (b->first && b->first->val > 0 && !b->words)
			sc = b->v / b->first->val, base = b->first->val;
		if (a->v <= base)
			*lo = a->v * sc;
	}
	return true;
}

/*
 * A number with everything after it: a range ("84 to 103", "84-103",
 * "two or three"), a postfix qualifier, a unit.  The kind comes from the
 * context.  pre is the qualifier before it (or NULL) and qi0 the first
 * token of the whole figure.
 */
static bool figure_at(const scan *x, size_t i, const rc__qualifier *pre, size_t qi0, found *f)
{
	const rc_recognizer *r = x->r;
	bool money = false;
	size_t ci = i;
	/* currency before: "$5", "US$ 1MM", "Rs. 500", "€200" */
	if ((flags(x, i) & F_CURRENCY) && i + 1 < x->n && (is_num(x, i + 1) || (flags(x, i + 1) & F_NUM))) {
		money = true;
		i++;
	}
	numx a, b;
	if (!parse_number(x, i, money, &a))
		return false;
	rc_quantity q = {.kind = RC_QK_COUNT, .value = a.v, .iv = point(a.v),
	                 .num_start = x->t[a.i0].s, .num_end = x->t[a.i1 - 1].e};
	size_t j = a.i1;
	bool is_range = false;
	const char *range_q = NULL;
	double lo, hi;
	if (pre && pre->bound == RC_B_RANGE) {
		/* between X and Y / from X to Y */
		bool between = is(x, qi0, r->id_between);
		if (!between && after_change(x, qi0 + 1))
			return false;
		size_t k = j;
		bool link = between ? is(x, k, r->id_and)
		                    : (is(x, k, r->id_to) || is(x, k, r->id_dash) || (flags(x, k) & F_LINK));
		if (!link || !range_partner(x, &a, k, money, &b, &lo, &hi))
			return false;
		q.iv = (rc_interval){.lo = fmin(lo, hi), .hi = fmax(lo, hi), .lo_incl = true, .hi_incl = true};
		q.value = q.iv.lo;
		is_range = true;
		range_q = canon(pre);
		j = b.i1;
	} else if (j < x->n && (flags(x, j) & F_LINK) && !after_change(x, qi0)) {
		size_t k = j;
		const tok *lt = &x->t[k];
		bool tight = lt->type == T_PUNCT; /* "-", "~": digits only, spaced evenly */
		bool link = !tight || (a.first && !a.words && glued(x, k - 1) == glued(x, k));
		/* "555-1234-22", "3-1": identifiers and scores */
		if (link && is(x, k, r->id_dash) && glued(x, k - 1) && glued(x, k) && is_num(x, k + 1) &&
		    a.first && !a.words) {
			size_t m = k + 2;
			size_t groups = 2;
			while (is(x, m, r->id_dash) && glued(x, m - 1) && glued(x, m) && is_num(x, m + 1)) {
				m += 2;
				groups++;
			}
			const tok *bt = &x->t[k + 1];
			bool year_pair = year_number(x, a.i0) && bt->ndig == 2 && !bt->dec &&
			                 bt->val > fmod(a.v, 100);
			if (groups >= 3 || year_pair || bt->val <= a.v) {
				q.kind = year_pair ? RC_QK_YEAR : RC_QK_ID;
				q.iv = year_pair ? (rc_interval){.lo = a.v, .hi = a.v - fmod(a.v, 100) + bt->val,
				                                 .lo_incl = true, .hi_incl = true}
				                 : unbounded();
				q.value = year_pair ? a.v : 0;
				q.start = x->t[ci].s;
				q.end = x->t[m - 1].e;
				q.num_end = q.end;
				f->q = q;
				f->next = m;
				return true;
			}
		}
		if (link && range_partner(x, &a, k, money, &b, &lo, &hi) && (!tight || b.first)) {
			/* "two or three", "5 or 6" are ranges; "2 or 1", "one or 2" and
			 * "10 bln or 10 tln" (alternatives far apart) are not */
			bool is_or = is(x, k, r->id_or);
			if (lo < hi && !(is_or && (a.words != b.words || hi > 2 * lo + 10))) {
				q.iv = (rc_interval){.lo = lo, .hi = hi, .lo_incl = true, .hi_incl = true};
				q.value = lo;
				is_range = true;
				j = b.i1;
			}
		}
	}
	/* postfix qualifier: "100 or more", "40-odd", "100+" */
	const rc__qualifier *post = NULL;
	size_t pend = 0;
	if (!is_range || !pre)
		post = postfix_at(x, j, &pend);
	bool post_used = false;
	if (pre && pre->bound != RC_B_RANGE) {
		apply_bound(&q, pre->bound);
		q.qualifier = canon(pre);
		if (post && post->bound == RC_B_OR_EQUAL && (pre->bound == RC_B_GT || pre->bound == RC_B_LT)) {
			/* "more than 5000 or equal to" */
			if (pre->bound == RC_B_GT)
				q.iv.lo_incl = true;
			else
				q.iv.hi_incl = true;
			post_used = true;
		} else if (post && pre->bound == RC_B_EXACT &&
		           (post->bound == RC_B_GE || post->bound == RC_B_LE)) {
			/* "equal to 5000 or less" */
			apply_bound(&q, post->bound);
			q.qualifier = canon(post);
			post_used = true;
		} else if (post && post->bound == RC_B_APPROX) {
			q.approx = true; /* "up to 50 or so" */
			post_used = true;
		} else if (post && pre->bound == RC_B_APPROX &&
		           (post->bound == RC_B_GE || post->bound == RC_B_LE)) {
			/* "about 500 or more": the bound is what is asserted */
			q.iv = point(q.iv.lo_inf ? q.iv.hi : q.iv.lo);
			q.approx = false;
			apply_bound(&q, post->bound);
			q.qualifier = canon(post);
			post_used = true;
			pre = NULL;
			ci = a.i0;
		}
	} else {
		if (range_q)
			q.qualifier = range_q;
		if (post && post->bound != RC_B_OR_EQUAL) {
			apply_bound(&q, post->bound);
			if (!range_q)
				q.qualifier = canon(post);
			post_used = true;
		}
	}
	size_t end = post_used ? pend : j;
	/* unit: "700 meters", "20%", "5 million dollars", "22-year-old" */
	rc_quantity_kind uk = RC_QK_COUNT;
	size_t uend = unit_after(x, end, &uk);
	if (money)
		q.kind = RC_QK_MONEY;
	if (uend) {
		q.kind = uk;
		end = uend;
	} else if (a.first && a.i1 == j && !post_used && !a.scaled && j < x->n && glued(x, j - 1) &&
	           x->t[j].type == T_WORD && !is(x, j, r->id_s)) {
		/* unknown letters glued to digits: "10x", "3D" */
		q.kind = RC_QK_ID;
	}
	/* "magnitude 7.8" */
	if (!money && a.i0 > 0 && q.kind == RC_QK_COUNT && is(x, a.i0 - 1, r->id_magnitude))
		q.kind = RC_QK_MEASURE;
	if (is_range && q.kind == RC_QK_COUNT)
		q.kind = RC_QK_RANGE;
	if (q.kind == RC_QK_ID) {
		q.iv = unbounded();
		q.value = 0;
		q.qualifier = NULL;
		q.approx = false;
	}
	q.start = x->t[pre ? qi0 : ci].s;
	q.end = x->t[end - 1].e;
	f->q = q;
	f->next = end;
	return true;
}

/* A vague term at i: "dozens", "a few", "hundreds of thousands". */
static bool vague_at(const scan *x, size_t i, found *f)
{
	const rc_recognizer *r = x->r;
	if (!(flags(x, i) & F_VAGUE))
		return false;
	size_t end;
	const phrase *p = longest(x, i, r->vague, r->n_vague, &end);
	if (!p)
		return false;
	/* "many" in "how many", "as many as" is handled elsewhere */
	rc_quantity q = {.kind = RC_QK_VAGUE, .vague = true, .iv = r->vague_iv[p->idx],
	                 .start = x->t[i].s, .end = x->t[end - 1].e,
	                 .num_start = x->t[i].s, .num_end = x->t[end - 1].e};
	/* "dozens of" keeps "of" out of the span: the noun is what is counted */
	if (end - 1 > i && is(x, end - 1, r->id_of)) {
		q.end = q.num_end = x->t[end - 2].e;
		end--;
	}
	/* "several hundred", "a few thousand", "many thousands" */
	double sc = scale_at(x, end);
	if (sc >= 12 && !is(x, end - 1, r->id_of)) {
		q.iv.lo *= sc;
		if (!q.iv.hi_inf)
			q.iv.hi *= sc;
		q.end = q.num_end = x->t[end].e;
		end++;
	}
	q.value = q.iv.lo;
	q.qualifier = rc__q_vague[p->idx].phrase;
	f->q = q;
	f->next = end;
	return true;
}

/* Canonical vague term without its trailing "of" (static strings). */
static const char *vague_term(const char *term)
{
	for (size_t i = 0; rc__q_vague[i].phrase; i++) {
		const char *p = rc__q_vague[i].phrase;
		size_t n = strlen(p);
		if (strlen(term) == n + 3 && strncmp(term, p, n) == 0 && strcmp(term + n, " of") == 0)
			return p;
	}
	return term;
}

/* Is a plain 4-digit number at i a year? */
static bool is_year(const scan *x, size_t i, const numx *a, const rc__qualifier *pre)
{
	if (!a->plain_int || a->words || a->neg || a->first->ndig != 4 || a->first->lead0)
		return false;
	double v = a->v;
	if (v < 1000 || v > 2199)
		return false;
	if (pre)
		return false;
	size_t j = a->i1;
	/* "1980s" */
	if (glued(x, j - 1) && is(x, j, x->r->id_s))
		return true;
	bool cue = i > 0 && (flags(x, i - 1) & F_YEARCUE);
	if (i > 0 && month_at(x, i - 1))
		cue = true;
	if (cue)
		return true;
	/* News style writes counts from 1,000 with a comma: a bare 1900-2099 is a
	 * year unless a counted noun follows ("2000 people"). */
	if (v >= 1900 && v <= 2099)
		return !(flags(x, j) & F_COUNTNOUN);
	return false;
}

static rc_status parse_chunk(scan *x)
{
	const rc_recognizer *r = x->r;
	size_t i = 0;
	while (i < x->n) {
		uint32_t fl = flags(x, i);
		const tok *t = &x->t[i];
		/* most words are in no table and start nothing */
		if (t->lex < 0 && t->type != T_NUM) {
			i++;
			continue;
		}
		found f;
		size_t e;
		rc_status st;
		/* idioms: "one of the" */
		if ((e = phrase_at(x, i))) {
			if ((st = emit_simple(x, RC_QK_PHRASE, i, e, unbounded(), 0)) != RC_OK)
				return st;
			i = e;
			continue;
		}
		/* dates and times come first: their numbers are no counts */
		if ((e = date_at(x, i))) {
			if ((st = emit_simple(x, RC_QK_DATE, i, e, unbounded(), 0)) != RC_OK)
				return st;
			i = e;
			continue;
		}
		if ((e = time_at(x, i))) {
			if ((st = emit_simple(x, RC_QK_TIME, i, e, unbounded(), 0)) != RC_OK)
				return st;
			i = e;
			continue;
		}
		/* "No. 1", "Flight 752", "Resolution 2231" */
		if ((fl & F_IDCUE) && (is_num(x, i + 1) || (is(x, i + 1, r->id_dot) && is_num(x, i + 2)))) {
			size_t k = is_num(x, i + 1) ? i + 1 : i + 2;
			/* "No." must be written so ("no 1" is a word); a bare cue only before digits */
			bool ok = x->t[i].e - x->t[i].s > 0;
			if (ok) {
				size_t m = k + 1;
				while (m + 1 < x->n && (is(x, m, r->id_dash) || is(x, m, r->id_slash) || is(x, m, r->id_dot)) &&
				       glued(x, m - 1) && glued(x, m) && is_num(x, m + 1))
					m += 2;
				if ((st = emit_simple(x, RC_QK_ID, k, m, unbounded(), 0)) != RC_OK)
					return st;
				i = m;
				continue;
			}
		}
		/* digits glued after letters: "G7", "A320", "COVID-19", but "post-1979" */
		if (t->type == T_NUM && i > 0 && (x->t[i - 1].type == T_WORD ||
		                                  (is(x, i - 1, r->id_dash) && i > 1 && x->t[i - 1].s == x->t[i - 2].e &&
		                                   x->t[i - 2].type == T_WORD)) && !t->gap &&
		    !(flags(x, i - 1) & F_CURRENCY)) {
			size_t w = x->t[i - 1].type == T_WORD ? i - 1 : i - 2;
			bool yearcue = (flags(x, w) & F_YEARCUE) && year_number(x, i);
			if (!yearcue) {
				size_t m = i + 1;
				while (m < x->n && !x->t[m].gap && (x->t[m].type != T_PUNCT || is(x, m, r->id_dash)) &&
				       (is_num(x, m) || x->t[m].type == T_WORD || is(x, m, r->id_dash)))
					m++;
				while (m > i + 1 && is(x, m - 1, r->id_dash))
					m--;
				if ((st = emit_simple(x, RC_QK_ID, i, m, unbounded(), 0)) != RC_OK)
					return st;
				i = m;
				continue;
			}
		}
		/* phone numbers, IP addresses and the like */
		if (t->type == T_NUM && i > 0 && is(x, i - 1, r->id_plus) && glued(x, i - 1) &&
		    (i < 2 || x->t[i - 1].gap || x->t[i - 2].type == T_PUNCT)) {
			size_t m = i + 1;
			while (m + 1 < x->n && !x->t[m + 1].gap && x->t[m].type == T_PUNCT && is_num(x, m + 1) &&
			       x->s[x->t[m].s] != ',')
				m += 2;
			if ((st = emit_simple(x, RC_QK_ID, i - 1, m, unbounded(), 0)) != RC_OK)
				return st;
			i = m;
			continue;
		}
		if (t->type == T_NUM && t->dec && is(x, i + 1, r->id_dot) && glued(x, i) &&
		    is_num(x, i + 2) && glued(x, i + 1)) {
			size_t m = i + 1;
			while (m + 1 < x->n && !x->t[m].gap && !x->t[m + 1].gap && is(x, m, r->id_dot) && is_num(x, m + 1))
				m += 2;
			if ((st = emit_simple(x, RC_QK_ID, i, m, unbounded(), 0)) != RC_OK)
				return st;
			i = m;
			continue;
		}
		/* ages: "aged 22", "aged between 18 and 25" */
		if ((fl & F_AGECUE) && i + 1 < x->n) {
			const rc__qualifier *pq = NULL;
			size_t k = i + 1, pe;
			if (flags(x, k) & F_QPRE) {
				const phrase *p = longest(x, k, r->pre, r->n_pre, &pe);
				if (p) {
					pq = &rc__q_prefix[p->idx];
					k = pe;
				}
			}
			if (pq ? figure_at(x, pe, pq, i + 1, &f) : figure_at(x, k, NULL, k, &f)) {
				f.q.start = x->t[i].s; /* "aged 22": the cue is part of the figure */
				f.q.kind = RC_QK_AGE;
				if ((st = emit(x, &f.q)) != RC_OK)
					return st;
				i = f.next;
				continue;
			}
		}
		/* qualifier + figure, longest qualifier first */
		if (fl & F_QPRE) {
			const phrase *p = longest(x, i, r->pre, r->n_pre, &e);
			if (p) {
				const rc__qualifier *pq = &rc__q_prefix[p->idx];
				/* "<" after "<" or "=": "<>30", "=>30" are no qualifiers */
				bool bad = x->t[i].type == T_PUNCT && i > 0 && glued(x, i - 1) &&
				           x->t[i - 1].type == T_PUNCT && strchr("<>=", x->s[x->t[i - 1].s]);
				/* "how about 2", "what about 5": no qualifier */
				if (i > 0 && (flags(x, i - 1) & F_NOTQUAL))
					bad = true;
				if (!bad && figure_at(x, e, pq, i, &f) && f.q.kind != RC_QK_ID) {
					size_t da = date_at(x, e), ta = time_at(x, e);
					/* "from 2019 to 2021", "around 2010": years */
					numx yn;
					if ((pq->bound == RC_B_RANGE || pq->bound == RC_B_APPROX) &&
					    (f.q.kind == RC_QK_COUNT || f.q.kind == RC_QK_RANGE) &&
					    parse_number(x, e, false, &yn) && yn.plain_int && year_number(x, e) &&
					    yn.v >= 1900 && yn.v <= 2099 && !(flags(x, f.next) & F_COUNTNOUN))
						f.q.kind = RC_QK_YEAR;
					if (!da && !ta) {
						if ((st = emit(x, &f.q)) != RC_OK)
							return st;
						i = f.next;
						continue;
					}
				}
			}
		}
		if (vague_at(x, i, &f)) {
			f.q.qualifier = vague_term(f.q.qualifier);
			if ((st = emit(x, &f.q)) != RC_OK)
				return st;
			i = f.next;
			continue;
		}
		/* ordinals: "fourth", "twenty-first", "1st" */
		if ((fl & F_ORD) && t->type == T_WORD) {
			double v = ent(x, i)->ord;
			if (v == 2 && i > 0 && (is_num(x, i - 1) || (flags(x, i - 1) & F_NUM))) {
				/* "one second" is a duration (the unit path takes it) */
			} else {
				if ((st = emit_simple(x, RC_QK_ORDINAL, i, i + 1, point(v), v)) != RC_OK)
					return st;
				i++;
				continue;
			}
		}
		if ((fl & F_NUM) && t->type == T_WORD && ((i + 2 < x->n && is(x, i + 1, r->id_dash) &&
		                                           (flags(x, i + 2) & F_ORD)) ||
		                                          (i + 1 < x->n && (flags(x, i + 1) & F_ORD) &&
		                                           ent(x, i)->num >= 20 && fmod(ent(x, i)->num, 10) == 0 &&
		                                           ent(x, i + 1)->ord < 10))) {
			size_t k = is(x, i + 1, r->id_dash) ? i + 2 : i + 1;
			double v = ent(x, i)->num + ent(x, k)->ord;
			if (ent(x, i)->num >= 20 && ent(x, k)->ord < 10) {
				if ((st = emit_simple(x, RC_QK_ORDINAL, i, k + 1, point(v), v)) != RC_OK)
					return st;
				i = k + 1;
				continue;
			}
		}
		if (t->type == T_NUM && ordinal_suffix(x, i) && !t->dec) {
			if ((st = emit_simple(x, RC_QK_ORDINAL, i, i + 2, point(t->val), t->val)) != RC_OK)
				return st;
			i += 2;
			continue;
		}
		/* "3/4", "24/7", "9/11": fractions, ratios and codes, never counts */
		if (t->type == T_NUM && is(x, i + 1, r->id_slash) && glued(x, i) && glued(x, i + 1) &&
		    is_num(x, i + 2)) {
			if ((st = emit_simple(x, RC_QK_ID, i, i + 3, unbounded(), 0)) != RC_OK)
				return st;
			i += 3;
			continue;
		}
		if (one_is_pronoun(x, i)) {
			i++;
			continue;
		}
		if (figure_at(x, i, NULL, i, &f)) {
			numx a;
			size_t ni = (flags(x, i) & F_CURRENCY) ? i + 1 : i;
			bool have = parse_number(x, ni, false, &a);
			if (have && f.q.kind == RC_QK_COUNT && is_year(x, ni, &a, NULL) && f.next == a.i1) {
				f.q.kind = RC_QK_YEAR;
				if (glued(x, a.i1 - 1) && is(x, a.i1, r->id_s)) {
					/* "the 1980s": a decade */
					f.q.iv = (rc_interval){.lo = a.v, .hi = a.v + 9, .lo_incl = true, .hi_incl = true};
					f.next = a.i1 + 1;
					f.q.end = x->t[a.i1].e;
				}
			} else if (have && f.q.kind == RC_QK_COUNT && a.plain_int && a.first->ndig == 4 &&
			           glued(x, a.i1 - 1) && is(x, a.i1, r->id_s)) {
				f.q.kind = RC_QK_YEAR;
				f.next = a.i1 + 1;
				f.q.end = x->t[a.i1].e;
			} else if (have && f.q.kind == RC_QK_RANGE && a.plain_int && is_year(x, ni, &a, NULL)) {
				f.q.kind = RC_QK_YEAR; /* "2019-20", "1914-1918" */
			} else if (have && f.q.kind == RC_QK_COUNT && a.plain_int && a.first->lead0) {
				f.q.kind = RC_QK_ID; /* "007", "0800" without GMT */
			}
			/* "in their 20s" is an age, "the '90s" a decade */
			if (have && f.q.kind == RC_QK_COUNT && a.plain_int && a.first->ndig == 2 &&
			    fmod(a.v, 10) == 0 && is(x, a.i1, r->id_s) && glued(x, a.i1 - 1)) {
				f.q.kind = ni > 0 && (flags(x, ni - 1) & F_POSSESSIVE) ? RC_QK_AGE : RC_QK_YEAR;
				f.q.iv = (rc_interval){.lo = a.v, .hi = a.v + 9, .lo_incl = true, .hi_incl = true};
				f.next = a.i1 + 1;
				f.q.end = x->t[a.i1].e;
			}
			if (f.q.kind == RC_QK_ID || f.q.kind == RC_QK_PHRASE) {
				f.q.iv = unbounded();
				f.q.value = 0;
			}
			if ((st = emit(x, &f.q)) != RC_OK)
				return st;
			i = f.next;
			continue;
		}
		i++;
	}
	return RC_OK;
}

/*
 * "more than 10 and fewer than 20", "at most 100 and at least 20": a lower
 * and an upper bound joined by "and", "but" or a comma are one interval.
 */
static void merge_bounds(scan *x, size_t from)
{
	rc_quantity_list *l = x->out;
	size_t o = from;
	for (size_t k = from; k < l->len; k++) {
		rc_quantity *a = &l->items[o > from ? o - 1 : o];
		rc_quantity *b = &l->items[k];
		if (o > from && a->kind == RC_QK_COUNT && b->kind == RC_QK_COUNT && a->qualifier &&
		    b->qualifier && !a->approx && !b->approx && (a->iv.lo_inf != b->iv.lo_inf) &&
		    (a->iv.hi_inf != b->iv.hi_inf) && a->iv.lo_inf != a->iv.hi_inf &&
		    b->iv.lo_inf != b->iv.hi_inf) {
			/* the bytes between must be only a joiner */
			const char *s = x->s + a->end;
			size_t n = b->start - a->end;
			size_t p = 0;
			while (p < n && (s[p] == ' ' || s[p] == ','))
				p++;
			size_t w0 = p;
			while (p < n && rc__is_alpha((unsigned char)s[p]))
				p++;
			size_t wl = p - w0;
			while (p < n && s[p] == ' ')
				p++;
			bool joiner = p == n && (wl == 0 ? memchr(s, ',', n) != NULL
			                         : (rc__eq_nocase(s + w0, wl, "and") || rc__eq_nocase(s + w0, wl, "but")));
			const rc_quantity *lo = a->iv.hi_inf ? a : b, *hi = a->iv.hi_inf ? b : a;
			if (joiner && lo->iv.lo <= hi->iv.hi) {
				rc_quantity m = *a;
				m.iv = (rc_interval){.lo = lo->iv.lo, .lo_incl = lo->iv.lo_incl,
				                     .hi = hi->iv.hi, .hi_incl = hi->iv.hi_incl};
				m.kind = RC_QK_RANGE;
				m.end = b->end;
				m.value = m.iv.lo;
				*a = m;
				continue;
			}
		}
		l->items[o++] = *b;
	}
	l->len = o;
}

rc_status rc_quantities_scan(rc_quantity_list *out, const rc_recognizer *rec,
                             const char *text, size_t len, rc_error *err)
{
	if (!out || !rec || (!text && len))
		return rc__error_set(err, RC_ERR_INVALID, "rc_quantities_scan: null argument");
	scan x = {.r = rec, .s = text, .len = len, .out = out};
	size_t pos = 0;
	rc_status st = RC_OK;
	while (pos < len) {
		size_t first = out->len;
		if ((st = tokenize(&x, &pos)) != RC_OK)
			break;
		if ((st = parse_chunk(&x)) != RC_OK)
			break;
		merge_bounds(&x, first);
	}
	free(x.t);
	if (st != RC_OK)
		return rc__error_set(err, st, "out of memory while recognising quantities");
	return RC_OK;
}
