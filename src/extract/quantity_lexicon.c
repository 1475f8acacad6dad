/*
 * The quantity recognizer's lexicon: the tables of data/quantity.json
 * (quantity-priv.h) compiled into one open-addressing hash of lower-case words, each with the
 * flags of the tables it is in (QF_*) and its values; table phrases become
 * arrays of word ids.  Also the recognizer object itself: building it,
 * its options (tolerance, vague-term overrides) and freeing it.
 *
 * The lexicon is built once and read by every scan, from any thread.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/core.h"
#include "extract/quantity-int.h"

/* The one string hash of the library (core). */
static inline uint64_t key_hash(const char *k, size_t n)
{
	return rc__hash64(k, n, 0);
}

int32_t rc__qlex_find(const rc_recognizer *r, const char *k, size_t n)
{
	if (n == 0 || n >= RC__KEY_MAX)
		return -1;
	return rc__qlex_find_hashed(r, k, n, key_hash(k, n));
}

int32_t rc__qlex_find_hashed(const rc_recognizer *r, const char *k, size_t n, uint64_t h)
{
	if (n == 0 || n >= RC__KEY_MAX)
		return -1;
	size_t mask = r->n_slots - 1;
	for (size_t s = h & mask;; s = (s + 1) & mask) {
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
	int32_t e = rc__qlex_find(r, k, n);
	if (e >= 0)
		return e;
	if (RC_GROW(r->ents, r->cap_ents, r->n_ents + 1) != RC_OK ||
	    ((r->n_ents + 1) * 2 > r->n_slots && lex_rehash(r, r->n_slots * 2) != RC_OK)) {
		rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		return -1;
	}
	rc__qlexent *x = &r->ents[r->n_ents];
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
                                rc__qphrase *out, size_t idx, rc_error *err)
{
	memset(out, 0, sizeof *out);
	out->idx = (uint16_t)idx;
	const char *p = text, *b;
	size_t len;
	while ((b = rc__next_word(&p, &len))) {
		if (out->n == RC__MAX_PHRASE)
			return rc__error_set(err, RC_ERR_INVALID, "quantity lexicon: phrase too long: '%s'", text);
		int32_t e = lex_intern(r, b, len, err);
		if (e < 0)
			return err ? err->status : RC_ERR_NOMEM;
		if (out->n == 0)
			r->ents[e].flags |= flag;
		out->w[out->n++] = e;
	}
	return RC_OK;
}

/* Phrases by first word, then table row: the order rc__qlongest() reads. */
static int by_first_word(const void *a, const void *b)
{
	const rc__qphrase *p = a, *q = b;
	if (p->w[0] != q->w[0])
		return p->w[0] < q->w[0] ? -1 : 1;
	return (p->idx > q->idx) - (p->idx < q->idx);
}

static rc_status compile_table(rc_recognizer *r, int t, size_t n, const char *(*get)(size_t),
                               uint32_t flag, rc_error *err)
{
	if (n > UINT16_MAX)
		return rc__error_set(err, RC_ERR_INVALID, "quantity lexicon: table of %zu phrases", n);
	rc__qphrase *tab = calloc(n ? n : 1, sizeof *tab);
	if (!tab)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	r->tab[t] = tab;
	for (size_t i = 0; i < n; i++) {
		rc_status st = compile_phrase(r, get(i), flag, &tab[i], i, err);
		if (st != RC_OK)
			return st;
		if (tab[i].n == 0)
			return rc__error_set(err, RC_ERR_INVALID, "quantity lexicon: empty phrase");
	}
	qsort(tab, n, sizeof *tab, by_first_word);
	r->n_tab[t] = n;
	return RC_OK;
}

/* The tokenizer's shortcuts: the entry of every one-byte key, and the bit
 * of every key made of letters a-z (once every word is interned). */
static void index_keys(rc_recognizer *r)
{
	for (int c = 0; c < 128; c++) {
		char k = (char)c;
		r->punct[c] = c ? rc__qlex_find(r, &k, 1) : -1;
	}
	/* the prefilter finds anchors as runs of ASCII letters: a table entry
	 * that made an anchor of anything else would turn it off */
	r->prefilter = RC__PREFILTER_PACED;
	for (size_t e = 0; e < r->n_ents; e++) {
		const char *k = r->ents[e].key;
		size_t n = strlen(k);
		if (n == 0 || n >= RC__KEY_MAX || strspn(k, "abcdefghijklmnopqrstuvwxyz") != n) {
			if (r->ents[e].flags & QF_ANCHOR)
				r->prefilter = RC__PREFILTER_OFF;
			continue;
		}
		size_t b = rc__qword_bit(k, n);
		r->word_bits[b >> 3] |= (uint8_t)(1u << (b & 7));
		if (r->ents[e].flags & QF_ANCHOR)
			r->anchor_bits[b >> 3] |= (uint8_t)(1u << (b & 7));
	}
}

/*
 * The words the prefilter looks for (QF_ANCHOR): every recognizer emits a
 * figure only with digits or one of these among its tokens.  Number, scale
 * and ordinal words, the first word of each idiom, and the words of each
 * vague term but "a", "an" and "of" (all its words when it has no other).
 */
static void mark_anchors(rc_recognizer *r)
{
	for (size_t e = 0; e < r->n_ents; e++)
		if (r->ents[e].flags & (QF_NUM | QF_SCALE | QF_ORD | QF_PHRASE))
			r->ents[e].flags |= QF_ANCHOR;
	const rc__qphrase *v = r->tab[QTAB_VAGUE];
	for (size_t i = 0; i < r->n_tab[QTAB_VAGUE]; i++) {
		size_t marked = 0;
		for (int pass = 0; pass < 2 && !marked; pass++)
			for (size_t k = 0; k < v[i].n; k++) {
				int32_t w = v[i].w[k];
				if (pass == 0 && (w == r->id_a || w == r->id_an || w == r->id_of))
					continue;
				r->ents[w].flags |= QF_ANCHOR;
				marked++;
			}
	}
}

/* Each word's run of phrases in each table (once every word is interned). */
static void index_tables(rc_recognizer *r)
{
	for (int t = 0; t < QTAB_COUNT_; t++)
		for (size_t i = 0; i < r->n_tab[t]; i++) {
			rc__qlexent *e = &r->ents[r->tab[t][i].w[0]];
			if (e->nfirst[t] == 0)
				e->first[t] = (uint16_t)i;
			e->nfirst[t]++;
		}
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
		rc__qlexent *x = &r->ents[e];
		if (flag == QF_NUM) x->num = t[i].value;
		else if (flag == QF_SCALE) x->scale = t[i].value;
		else if (flag == QF_ORD) x->ord = t[i].value;
		else if (flag == QF_MONTH) x->month = t[i].value;
	}
	return RC_OK;
}

static int32_t id_of(rc_recognizer *r, const char *w, rc_error *err)
{
	return lex_intern(r, w, strlen(w), err);
}

rc_status rc_recognizer_options_init(rc_recognizer_options *o, unsigned version, rc_error *err)
{
	static const rc_recognizer_options init = RC_RECOGNIZER_OPTIONS_INIT;
	return rc__options_init(o, sizeof *o, &init, "rc_recognizer_options", version, RC_RECOGNIZER_OPTIONS_VERSION, err);
}

rc_status rc_recognizer_new(rc_recognizer **out, const rc_recognizer_options *opts, rc_error *err)
{
	*out = NULL;
	if (opts && rc__options_check("rc_recognizer_options", opts->version, RC_RECOGNIZER_OPTIONS_VERSION,
	                              err) != RC_OK)
		return RC_ERR_INVALID;
	if (opts && (opts->approx_tolerance < 0 || opts->approx_tolerance >= 1))
		return rc__error_set(err, RC_ERR_INVALID,
		                     "approximation tolerance must be in [0, 1): %g", opts->approx_tolerance);
	rc_recognizer *r = calloc(1, sizeof *r);
	if (!r)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	r->tolerance = rc__tolerance_resolve(opts ? opts->approx_tolerance : 0);
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
	if ((st = add_values(r, rc__q_numbers, QF_NUM, err)) ||
	    (st = add_values(r, rc__q_scales, QF_SCALE, err)) ||
	    (st = add_values(r, rc__q_ordinals, QF_ORD, err)) ||
	    (st = add_values(r, rc__q_months, QF_MONTH, err)) ||
	    (st = add_words(r, rc__q_year_cues, QF_YEARCUE, err)) ||
	    (st = add_words(r, rc__q_id_cues, QF_IDCUE, err)) ||
	    (st = add_words(r, rc__q_age_cues, QF_AGECUE, err)) ||
	    (st = add_words(r, rc__q_one_pronoun, QF_ONEPRON, err)) ||
	    (st = add_words(r, rc__q_change_verbs, QF_CHANGE, err)) ||
	    (st = add_words(r, rc__q_sign_words, QF_SIGN, err)) ||
	    (st = add_words(r, rc__q_meridiem, QF_MERIDIEM, err)) ||
	    (st = add_words(r, rc__q_currency_before, QF_CURRENCY, err)) ||
	    (st = add_words(r, rc__q_range_links, QF_LINK, err)) ||
	    (st = add_words(r, rc__q_count_nouns, QF_COUNTNOUN, err)) ||
	    (st = add_words(r, rc__q_possessives, QF_POSSESSIVE, err)) ||
	    (st = add_words(r, rc__q_not_qualifier, QF_NOTQUAL, err)) ||
	    (st = add_words(r, rc__q_people_after, QF_PEOPLEAFTER, err)) ||
	    (st = add_words(r, rc__q_people_before, QF_PEOPLECUE, err)) ||
	    (st = compile_table(r, QTAB_PRE, np, get_pre, QF_QPRE, err)) ||
	    (st = compile_table(r, QTAB_POST, npo, get_post, QF_QPOST, err)) ||
	    (st = compile_table(r, QTAB_VAGUE, nv, get_vague, QF_VAGUE, err)) ||
	    (st = compile_table(r, QTAB_UNIT, nu, get_unit, QF_UNIT, err)) ||
	    (st = compile_table(r, QTAB_PHRASE, count_strs(rc__q_phrases), get_phr, QF_PHRASE, err))) {
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
		{&r->id_or, "or"}, {&r->id_quarters, "quarters"},
	};
	for (size_t i = 0; i < RC_ARRAY_LEN(ids); i++)
		if ((*ids[i].slot = id_of(r, ids[i].w, err)) < 0) {
			rc_recognizer_free(r);
			return err ? err->status : RC_ERR_NOMEM;
		}
	r->ents[r->id_a].flags |= QF_NUMSTART;
	r->ents[r->id_an].flags |= QF_NUMSTART;
	r->ents[r->id_half].flags |= QF_NUMSTART;
	r->ents[r->id_quarter].flags |= QF_NUMSTART;
	r->ents[r->id_dash].flags |= QF_NUMSTART;
	index_tables(r);
	mark_anchors(r);
	index_keys(r);
	*out = r;
	return RC_OK;
}

rc_status rc_recognizer_set_vague(rc_recognizer *rec, const char *term,
                                  const rc_interval *iv, rc_error *err)
{
	if (!rec || !term || !iv)
		return rc__error_set(err, RC_ERR_INVALID, "rc_recognizer_set_vague: null argument");
	if (!iv->lo_inf && !iv->hi_inf && iv->lo > iv->hi)
		return rc__error_set(err, RC_ERR_INVALID, "vague term '%s': lower bound %g above upper bound %g",
		                     term, iv->lo, iv->hi);
	bool found = false;
	for (size_t i = 0; i < rec->n_tab[QTAB_VAGUE]; i++) {
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
		for (size_t i = 0; i < rec->n_tab[QTAB_VAGUE]; i++)
			if (rc__qvague_term(rc__q_vague[i].phrase) == rc__q_vague[i].phrase)
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
	for (int t = 0; t < QTAB_COUNT_; t++)
		free(r->tab[t]);
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
	return rec ? rec->tolerance : rc__tolerance_resolve(0);
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
	iv.lo = rc__strtod(eq + 1, &end);
	if (end == eq + 1 || end != comma || !isfinite(iv.lo))
		return rc__error_set(err, RC_ERR_INVALID, "vague override '%s': bad lower bound", spec);
	if (comma[1] == 0) {
		iv.hi_inf = true;
		iv.hi_incl = false;
	} else {
		iv.hi = rc__strtod(comma + 1, &end);
		if (*end || !isfinite(iv.hi))
			return rc__error_set(err, RC_ERR_INVALID, "vague override '%s': bad upper bound", spec);
	}
	return rc_recognizer_set_vague(rec, term, &iv, err);
}

rc_interval rc_quantity_effective(const rc_recognizer *rec, const rc_quantity *q)
{
	return rc_interval_widen(&q->iv, q->value, q->approx, q->qualifier, rec ? rec->tolerance : 0);
}


/* Canonical vague term without its trailing "of" (static strings). */
const char *rc__qvague_term(const char *term)
{
	for (size_t i = 0; rc__q_vague[i].phrase; i++) {
		const char *p = rc__q_vague[i].phrase;
		size_t n = strlen(p);
		if (strlen(term) == n + 3 && strncmp(term, p, n) == 0 && strcmp(term + n, " of") == 0)
			return p;
	}
	return term;
}
