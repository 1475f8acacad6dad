/*
 * Tokens for claim matching: words, punctuation and recognised quantities
 * (one token each).  Rule phrases go through the same tokenizer, so "in
 * all," in a rules file and in an article split the same way.  Quotation
 * marks are dropped: "two “terrorists”" reads as "two terrorists".
 */
#include "extract/claims-priv.h"

/* FNV-1a of the lower case: a token's hash as it is read. */
static inline uint64_t hash_step(uint64_t h, unsigned char c)
{
	return rc__fnv_step(h, rc__lower_byte(c));
}

uint64_t rc__tok_hash(const char *s, size_t n)
{
	uint64_t h = RC_FNV_OFFSET;
	for (size_t i = 0; i < n; i++)
		h = hash_step(h, (unsigned char)s[i]);
	return h;
}

bool rc__kind_is_figure(rc_quantity_kind kind)
{
	return kind == RC_QK_COUNT || kind == RC_QK_RANGE || kind == RC_QK_VAGUE;
}

static bool word_byte(unsigned char c)
{
	return rc__byte_class[c] & RC_CB_WORD;
}

/* Inner punctuation that keeps a word whole: Iran's, Mir-Ahmadi, U.S, didn't. */
static bool inner_byte(unsigned char c)
{
	return c == '\'' || c == '-' || c == '.' || c == '&';
}

static bool dropped_byte(unsigned char c)
{
	return c == '"' || c == '\'' || c == '`';
}

static rc_status push(rc__tok **toks, size_t *n, size_t *cap, rc__tok t)
{
	if (RC_GROW_FIRST(*toks, *cap, *n + 1) != RC_OK)
		return RC_ERR_NOMEM;
	(*toks)[(*n)++] = t;
	return RC_OK;
}

rc_status rc__tokenize(rc__tok **toks, size_t *n, size_t *cap, size_t max,
                       const char *s, size_t start, size_t end,
                       const rc_quantity *qs, size_t nq, size_t *next_q, size_t *resume)
{
	size_t qi = *next_q;
	size_t i = start;
	/* Quantities that began before the span (cut by a sentence break)
	 * are skipped over: they belong to the sentence before. */
	while (qi < nq && qs[qi].start < start) {
		if (qs[qi].end > i)
			i = qs[qi].end;
		qi++;
	}
	while (i < end) {
		if (*n >= max)
			break;
		unsigned char c = (unsigned char)s[i];
		if (qi < nq && qs[qi].start <= i) {
			size_t qe = qs[qi].end < end ? qs[qi].end : end;
			if (qe <= i)
				qe = i + 1;
			rc__tok t = {.start = i, .end = qe, .q = (int32_t)qi,
			             .type = rc__kind_is_figure(qs[qi].kind) ? RC_TK_FIG : RC_TK_QTY};
			t.h = rc__tok_hash(s + i, qe - i);
			if (push(toks, n, cap, t) != RC_OK)
				return RC_ERR_NOMEM;
			i = qe;
			qi++;
			continue;
		}
		size_t stop = (qi < nq && qs[qi].start < end) ? qs[qi].start : end;
		if (rc__is_space(c) || dropped_byte(c)) {
			i++;
			continue;
		}
		/* the token's rc__tok_hash() as it is read */
		size_t b = i;
		uint64_t h = hash_step(RC_FNV_OFFSET, c);
		i++;
		if (word_byte(c)) {
			while (i < stop) {
				unsigned char d = (unsigned char)s[i];
				if (word_byte(d)) {
					h = hash_step(h, d);
					i++;
				} else if (inner_byte(d) && i + 1 < stop &&
				           word_byte((unsigned char)s[i + 1])) {
					h = hash_step(hash_step(h, d), (unsigned char)s[i + 1]);
					i += 2;
				} else {
					break;
				}
			}
		}
		rc__tok t = {.start = b, .end = i, .q = -1, .h = h,
		             .type = word_byte(c) ? RC_TK_WORD : RC_TK_PUNCT};
		if (push(toks, n, cap, t) != RC_OK)
			return RC_ERR_NOMEM;
	}
	*next_q = qi;
	if (resume)
		*resume = i < end ? i : end;
	return RC_OK;
}
