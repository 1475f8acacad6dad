/*
 * The quantity recognizer's tokenizer: bytes to tokens, one chunk at a time.
 *
 * A chunk is a paragraph (it ends at a blank line), or a few thousand words
 * at most, so memory stays bounded whatever the input.  Tokens are numbers
 * (digits with their thousands groups and decimals, parsed on the spot),
 * words (each looked up once in the lexicon) and single punctuation marks;
 * typographic dashes, quotes and spaces are read as their plain forms
 * without copying the text.  Offsets stay bytes of the text as given.
 */
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/core.h"
#include "extract/quantity-int.h"

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

/*
 * The value of the decimal digits buf[0..nb) (with at most one '.'), as
 * strtod() reads it.  Up to 15 digits the integer they make and the power
 * of ten under it are exact doubles, and one IEEE division of two exact
 * values is the correctly rounded quotient, which is what strtod returns;
 * longer numbers go to strtod.  Most figures are short.
 */
static double exact_value(const char *buf, size_t nb)
{
	static const double pow10[16] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
	                                 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
	uint64_t m = 0;
	size_t digits = 0, frac = 0;
	bool point = false;
	for (size_t k = 0; k < nb; k++) {
		if (buf[k] == '.') {
			point = true;
			continue;
		}
		if (!ascii_digit((unsigned char)buf[k]) || ++digits > 15)
			return rc__strtod(buf, NULL);
		m = m * 10 + (uint64_t)(buf[k] - '0');
		frac += point;
	}
	return (double)m / pow10[frac];
}

/* Read a number at s[i] (a digit, or '.' before a digit).  Fills t. */
static size_t lex_number(const char *s, size_t i, size_t len, rc__qtok *t)
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
	t->val = exact_value(buf, nb);
	if (t->val > DBL_MAX) {
		t->val = DBL_MAX; /* finite, so that intervals stay ordered */
		t->ovf = true;    /* and no figure is made of it (quantity_figures.c) */
	}
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

/*
 * A word of ASCII letters only, ending at a byte that cannot extend it
 * (the common case): its end, and its lower-case key when short enough
 * to be a lexicon key.  0 when the word needs the general reader below.
 */
static inline size_t ascii_word(const char *s, size_t i, size_t len, char *key, size_t *kn,
                                bool *upper, uint64_t *hash)
{
	size_t j = i, n = 0;
	bool up = true;
	uint64_t h = RC_FNV_OFFSET;
	while (j < len && ascii_alpha((unsigned char)s[j])) {
		unsigned char c = (unsigned char)s[j++];
		up &= !(c >= 'a' && c <= 'z');
		h = rc__fnv_step(h, c | 0x20);
		if (n < RC__KEY_MAX)
			key[n++] = (char)(c | 0x20);
	}
	/* an apostrophe, a full stop (abbreviations, "a.m") or a letter of
	 * another script may continue it */
	if (j < len && ((unsigned char)s[j] >= 0x80 || s[j] == '\'' || s[j] == '.'))
		return 0;
	*kn = n;
	*upper = up;
	*hash = rc__mix64(h);   /* the key's rc__hash64(key, n, 0) when n < RC__KEY_MAX */
	return j;
}

/*
 * Does the mark s[b..e) end a chunk?  A full stop, an exclamation or a
 * question mark before white space ends a sentence, and no recognizer
 * reads across one; past RC__CHUNK_TOKENS tokens any of them, or a
 * semicolon, will do.
 */
static bool sentence_end(const char *s, size_t b, size_t e, size_t len, bool long_chunk)
{
	char c = s[b];
	if (long_chunk)
		return c == '.' || c == '!' || c == '?' || c == ';';
	if ((c != '.' && c != '!' && c != '?') || e >= len)
		return e >= len;
	uint32_t cp = (unsigned char)s[e];
	if (cp >= 0x80 && !rc__utf8_decode((const unsigned char *)s + e, len - e, &cp))
		return false;
	return is_space_cp(cp);
}

/* Is the mark dot a full stop glued to prev, a month or an identifier cue,
 * which the date and identifier readers take across ("Jan. 6", "No. 5")? */
static bool abbreviation_dot(const rc__qscan *x, const rc__qtok *prev, const rc__qtok *dot)
{
	if (!prev || dot->gap || x->s[dot->s] != '.' || prev->lex < 0)
		return false;
	return x->r->ents[prev->lex].flags & (QF_MONTH | QF_IDCUE);
}

/*
 * Read the word at s[i] (its first code point l bytes long) into tp: its
 * end, case and lexicon entry.  Words of ASCII letters are looked up only
 * when their bit is set in bits (a filter of the keys worth finding); any
 * other word is looked up in full, with its abbreviation full stop when
 * the lexicon has it ("No.", "Rs.").
 */
static void read_other_word(const rc__qscan *x, size_t i, size_t l, rc__qtok *tp);

static inline void read_word(const rc__qscan *x, size_t i, size_t l, const uint8_t *bits,
                             rc__qtok *tp)
{
	size_t kn;
	char key[RC__KEY_MAX];
	unsigned char c = (unsigned char)x->s[i];
	tp->type = QT_WORD;
	tp->cap = c >= 'A' && c <= 'Z';
	uint64_t h;
	if (c < 0x80 && (tp->e = ascii_word(x->s, i, x->len, key, &kn, &tp->upper, &h)) != 0) {
		if (kn < RC__KEY_MAX && rc__qbit(bits, key, kn))
			tp->lex = rc__qlex_find_hashed(x->r, key, kn, h);
		return;
	}
	read_other_word(x, i, l, tp);
}

/* The general case of read_word: letters of other scripts, apostrophes,
 * full stops. */
static void read_other_word(const rc__qscan *x, size_t i, size_t l, rc__qtok *tp)
{
	const char *s = x->s;
	size_t len = x->len, kn;
	char key[RC__KEY_MAX];
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
	tp->e = j;
	tp->upper = true;
	for (size_t k = i; k < j; k++)
		if (s[k] >= 'a' && s[k] <= 'z')
			tp->upper = false;
	if (make_key(s, i, j, key, &kn)) {
		/* an abbreviation with its full stop: "No.", "Rs.", "Jan." */
		if (j < len && s[j] == '.' && kn + 1 < RC__KEY_MAX) {
			key[kn] = '.';
			int32_t e = rc__qlex_find(x->r, key, kn + 1);
			if (e >= 0) {
				tp->lex = e;
				tp->e = j + 1;
			}
		}
		if (tp->lex < 0)
			tp->lex = rc__qlex_find(x->r, key, kn);
	}
}

/* Read the mark at s[i] (code point cp, l bytes) into tp. */
static inline void read_mark(const rc__qscan *x, size_t i, size_t l, uint32_t cp, rc__qtok *tp)
{
	tp->type = QT_PUNCT;
	tp->e = i + l;
	char p = l > 1 ? rc__utf8_plain(cp) : x->s[i];
	if (p && (unsigned char)p < 0x80) {
		tp->lex = x->r->punct[(unsigned char)p];
	} else {
		char key[8];
		memcpy(key, x->s + i, l);
		tp->lex = rc__qlex_find(x->r, key, l);
	}
}

/*
 * Tokenize one chunk from *pos into x->t[0..x->n) and move *pos past it: a
 * blank line, a sentence end (sentence_end, but not an abbreviation_dot),
 * or RC__CHUNK_HARD tokens end it.
 */
static rc_status read_chunk(rc__qscan *x, size_t *pos)
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
		/* the token is read in place, in the next slot of the array */
		if (x->n == x->cap && RC_GROW_FIRST(x->t, x->cap, x->n + 1) != RC_OK)
			return RC_ERR_NOMEM;
		rc__qtok *tp = &x->t[x->n];
		*tp = (rc__qtok){.s = i, .lex = -1, .gap = gap};
		char key[RC__KEY_MAX];
		size_t kn;
		uint64_t h;
		gap = false;
		if (ascii_digit(c) || (c == '.' && i + 1 < len && ascii_digit((unsigned char)s[i + 1]) &&
		                        (i == 0 || !rc__is_alnum((unsigned char)s[i - 1])))) {
			tp->type = QT_NUM;
			tp->e = lex_number(s, i, len, tp);
		} else if (c < 0x80 && ascii_alpha(c) &&
		           (tp->e = ascii_word(s, i, len, key, &kn, &tp->upper, &h)) != 0) {
			/* read_word's common case, here for speed */
			tp->type = QT_WORD;
			tp->cap = c >= 'A' && c <= 'Z';
			if (kn < RC__KEY_MAX && rc__qbit(x->r->word_bits, key, kn))
				tp->lex = rc__qlex_find_hashed(x->r, key, kn, h);
		} else if ((c < 0x80 && ascii_alpha(c)) || word_cp(cp)) {
			tp->type = QT_WORD;
			tp->cap = c >= 'A' && c <= 'Z';
			read_other_word(x, i, l, tp);
		} else {
			read_mark(x, i, l, cp, tp);
		}
		i = tp->e;
		x->n++;
		if (tp->type == QT_PUNCT && sentence_end(s, tp->s, i, len, x->n >= RC__CHUNK_TOKENS) &&
		    !abbreviation_dot(x, x->n >= 2 ? &x->t[x->n - 2] : NULL, tp)) {
			*pos = i;
			return RC_OK;
		}
	}
	*pos = len;
	return RC_OK;
}

/* ---- the prefilter ------------------------------------------------------------ */

/*
 * Does the full stop at s[d] (white space after it) end a chunk for the
 * tokenizer?  1 or 0; -1 when this reader cannot tell.  Only the word
 * before it decides (an abbreviation the lexicon has with its full stop,
 * or a month or an identifier cue): the tokens from the white space before
 * it are read again as read_chunk reads them.
 */
static int full_stop_ends(const rc__qscan *x, size_t from, size_t d)
{
	const char *s = x->s;
	size_t b = d;
	while (b > from && !is_space_cp((unsigned char)s[b - 1]) && (unsigned char)s[b - 1] < 0x80)
		b--;
	if (b > from && (unsigned char)s[b - 1] >= 0x80) {
		/* white space or a letter of another script: read from the chunk
		 * start, which is a token start */
		b = from;
	}
	rc__qtok t[2];
	size_t n = 0, i = b;
	bool gap = true;
	while (i <= d) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp = c;
		size_t l = 1;
		if (c >= 0x80 && !(l = rc__utf8_decode((const unsigned char *)s + i, x->len - i, &cp))) {
			cp = 0xFFFD;
			l = 1;
		}
		if (is_space_cp(cp)) {
			gap = true;
			i += l;
			continue;
		}
		rc__qtok *tp = &t[n++ & 1];
		*tp = (rc__qtok){.s = i, .lex = -1, .gap = gap};
		gap = false;
		if (ascii_digit(c))
			return -1; /* not in a chunk the prefilter reads */
		if ((c < 0x80 && ascii_alpha(c)) || word_cp(cp))
			read_word(x, i, l, x->r->word_bits, tp);
		else
			read_mark(x, i, l, cp, tp);
		if (tp->s == d)
			return !abbreviation_dot(x, n >= 2 ? &t[(n - 2) & 1] : NULL, tp);
		if (tp->e > d)
			return 0; /* the full stop is part of a word */
		i = tp->e;
	}
	return -1;
}

/*
 * The prefilter: if the chunk at pos has no token a recognizer could make a
 * figure of (digits, or a word with QF_ANCHOR: number, scale and ordinal
 * words, the first words of idioms, the words of vague terms), the end of
 * the chunk as read_chunk would find it; else 0.  No recognizer emits
 * anything from such a chunk, so it is passed over without tokenizing it.
 *
 * One pass over the bytes: runs of ASCII letters are checked against a
 * bit per (first letter, last letter, length) of the anchor words and
 * looked up only when their bit is set, and only a full stop before white
 * space needs the words before it read again.  A letter run next to a
 * letter of another script is checked on its own: that can only take a
 * word for an anchor wrongly, never miss one.  Chunks of 4,096 bytes or
 * more, where the tokenizer's token limits could cut, are left to it.
 */
static size_t quiet_end(const rc__qscan *x, size_t pos)
{
	const char *s = x->s;
	size_t len = x->len, i = pos, lim = len - pos > 4095 ? pos + 4095 : len;
	bool any = false;
	int newlines = 0;
	if (!x->r->prefilter)
		return 0;
	while (i < lim) {
		unsigned char c = (unsigned char)s[i];
		if (ascii_alpha(c)) {
			size_t j = i + 1;
			while (j < len && ascii_alpha((unsigned char)s[j]))
				j++;
			size_t n = j - i;
			if (n < RC__KEY_MAX) {
				char k[2] = {(char)(c | 0x20), (char)(s[j - 1] | 0x20)};
				size_t b = ((size_t)(k[0] - 'a') * 26 + (size_t)(k[1] - 'a')) * RC__KEY_MAX + n;
				if (x->r->anchor_bits[b >> 3] & (1u << (b & 7))) {
					char key[RC__KEY_MAX];
					for (size_t m = 0; m < n; m++)
						key[m] = (char)(s[i + m] | 0x20);
					int32_t e = rc__qlex_find(x->r, key, n);
					if (e >= 0 && (x->r->ents[e].flags & QF_ANCHOR))
						return 0;
				}
			}
			any = true;
			newlines = 0;
			i = j;
			continue;
		}
		if (ascii_digit(c))
			return 0;
		uint32_t cp = c;
		size_t l = 1;
		if (c >= 0x80 && !(l = rc__utf8_decode((const unsigned char *)s + i, len - i, &cp))) {
			cp = 0xFFFD;
			l = 1;
		}
		if (is_space_cp(cp)) {
			if (cp == '\n' && ++newlines >= 2 && any)
				return i + 1;
			i += l;
			continue;
		}
		newlines = 0;
		any = true;
		i += l;
		/* ".", "!", "?" before white space (or the end) end a sentence */
		if ((c == '.' || c == '!' || c == '?') && sentence_end(s, i - 1, i, len, false)) {
			int end = c == '.' ? full_stop_ends(x, pos, i - 1) : 1;
			if (end < 0)
				return 0;
			if (end)
				return i;
		}
	}
	return i >= len ? len : 0;
}

/* ---- digit groups settled by context ---------------------------------------- */

/* The value of the digits and decimal part of s[b..e), skipping group
 * separators (spaces, dots before three digits): at most RC__MAX_DIGITS
 * integer digits and 17 decimals, as lex_number reads them. */
static double group_value(const char *s, size_t b, size_t e, size_t frac_at)
{
	char buf[RC__MAX_DIGITS + 24];
	size_t nb = 0;
	for (size_t i = b; i < e && i < frac_at; i++)
		if (ascii_digit((unsigned char)s[i]) && nb < RC__MAX_DIGITS)
			buf[nb++] = s[i];
	if (frac_at < e) {
		buf[nb++] = '.';
		for (size_t i = frac_at + 1, k = 0; i < e && k < 17; i++, k++)
			buf[nb++] = s[i];
	}
	buf[nb] = 0;
	return rc__strtod(buf, NULL);
}

/* Replace tokens [k, m) by one number token spanning them. */
static void merge_number(rc__qscan *x, size_t k, size_t m, size_t ndig, bool dec, size_t nfrac)
{
	rc__qtok *t = &x->t[k];
	size_t e = x->t[m - 1].e;
	size_t frac_at = e;
	if (dec)
		for (size_t i = e; i > t->s; i--)
			if (x->s[i - 1] == '.') {
				frac_at = i - 1;
				break;
			}
	t->val = group_value(x->s, t->s, e, frac_at);
	t->e = e;
	t->ndig = (uint8_t)ndig;
	t->dec = dec;
	t->nfrac = (uint8_t)(nfrac > 255 ? 255 : nfrac);
	t->sep = true;
	t->lead0 = false;
	memmove(&x->t[k + 1], &x->t[m], (x->n - m) * sizeof *x->t);
	x->n -= m - k - 1;
}

static bool punct_is(const rc__qscan *x, size_t i, char c)
{
	return i < x->n && x->t[i].type == QT_PUNCT && x->s[x->t[i].s] == c;
}

/* A number token that can open a group: 1-3 integer digits, no leading
 * zero, no separator of its own. */
static bool group_head(const rc__qscan *x, size_t k)
{
	const rc__qtok *t = &x->t[k];
	unsigned char c = (unsigned char)x->s[t->s];
	return t->type == QT_NUM && !t->sep && !t->huge && t->ndig >= 1 && t->ndig <= 3 &&
	       c >= '1' && c <= '9';
}

/*
 * "1 234", "12 500 000": digit groups joined by one plain space.  The
 * head must stand free: not glued to letters or digits before it ("MH370
 * 239 passengers", "COVID-19 100"), not after a month ("March 5 200
 * people"), an identifier cue ("Flight 370 239") or a time or date mark
 * ("10:30 100"); each group is exactly three digits, the last may carry
 * decimals, and none is glued to letters after it ("5 100m").  Digits
 * spaced out beyond the run on either side make it a code, not a number
 * ("+32 2 555 0147").
 */
static bool spaced_pair(const rc__qscan *x, size_t a)
{
	return a + 1 < x->n && x->t[a].type == QT_NUM && x->t[a + 1].type == QT_NUM &&
	       x->t[a + 1].s == x->t[a].e + 1 && x->s[x->t[a].e] == ' ';
}

static bool space_head_free(const rc__qscan *x, size_t k)
{
	if (k == 0)
		return true;
	const rc__qtok *p = &x->t[k - 1];
	/* "+32 2 555 0147": spaced digits in a row are a code */
	if (spaced_pair(x, k - 1))
		return false;
	uint32_t pf = p->lex >= 0 ? x->r->ents[p->lex].flags : 0;
	if (((pf & QF_MONTH) && p->cap) || (pf & QF_IDCUE))
		return false;
	if (x->t[k].gap)
		return true;
	if (p->type != QT_PUNCT)
		return false;
	char c = x->s[p->s];
	if (c == '.' || c == ':' || c == '/' || c == ',')
		return false;
	/* "COVID-19 100": the digits belong to a name */
	return !(c == '-' && k >= 2 && !p->gap && x->t[k - 2].type == QT_WORD);
}

static size_t space_groups(rc__qscan *x, size_t k)
{
	if (!group_head(x, k) || x->t[k].dec || !space_head_free(x, k))
		return 0;
	size_t m = k + 1, ndig = x->t[k].ndig;
	bool dec = false;
	size_t nfrac = 0;
	while (m < x->n && !dec) {
		const rc__qtok *p = &x->t[m - 1], *u = &x->t[m];
		if (u->type != QT_NUM || u->s != p->e + 1 || x->s[p->e] != ' ' || u->ndig != 3 ||
		    u->sep || u->huge || !ascii_digit((unsigned char)x->s[u->s]) ||
		    ndig + 3 > RC__MAX_DIGITS)
			break;
		/* "5 100m", "5 100th": the group is read with its letters */
		if (m + 1 < x->n && !x->t[m + 1].gap && x->t[m + 1].type == QT_WORD)
			break;
		ndig += 3;
		dec = u->dec;
		nfrac = u->nfrac;
		m++;
	}
	if (m == k + 1 || (!dec && spaced_pair(x, m - 1)))
		return 0;
	merge_number(x, k, m, ndig, dec, nfrac);
	return 1;
}

/* Does the figure of tokens [k, m) count people or other whole things,
 * going by the word right after it or a casualty word shortly before it
 * in its clause? */
static bool counts_people(const rc__qscan *x, size_t k, size_t m)
{
	if (m < x->n && x->t[m].lex >= 0 &&
	    (x->r->ents[x->t[m].lex].flags & (QF_COUNTNOUN | QF_PEOPLEAFTER)))
		return true;
	for (size_t b = k, seen = 0; b > 0 && seen < 5; seen++) {
		const rc__qtok *p = &x->t[--b];
		if (p->type != QT_WORD)
			return false;
		if (p->lex >= 0 && (x->r->ents[p->lex].flags & QF_PEOPLECUE))
			return true;
	}
	return false;
}

/*
 * "5.000 people", "about 5.000 were injured", "killed 1.234.567": a dot
 * before exactly three digits is a thousands separator in a count of
 * people (nobody counts 5.0 people).  The head has 1-3 digits and no
 * leading zero, every group after a dot exactly three digits; the run is
 * not followed by more dotted digits ("1.234.567.8"), a decimal comma
 * ("1.234,5"), a unit, a scale word or a percent sign, nor preceded by a
 * currency.  Anywhere else the dot is a decimal point: "2.500 km",
 * "1.234", "2.5 million".
 */
static size_t dot_groups(rc__qscan *x, size_t k)
{
	const rc__qtok *t = &x->t[k];
	if (!group_head(x, k) || !t->dec || t->nfrac != 3 || x->s[t->e - 4] != '.')
		return 0;
	size_t m = k + 1, ndig = (size_t)t->ndig + 3;
	/* "1.234" "." "567" */
	while (m + 1 < x->n && punct_is(x, m, '.') && !x->t[m].gap && !x->t[m + 1].gap &&
	       x->t[m + 1].type == QT_NUM && x->t[m + 1].ndig == 3 && !x->t[m + 1].dec &&
	       !x->t[m + 1].sep && ascii_digit((unsigned char)x->s[x->t[m + 1].s]) &&
	       ndig + 3 <= RC__MAX_DIGITS) {
		m += 2;
		ndig += 3;
	}
	if (m < x->n && !x->t[m].gap && (punct_is(x, m, '.') || punct_is(x, m, ',')) &&
	    m + 1 < x->n && x->t[m + 1].type == QT_NUM && !x->t[m + 1].gap)
		return 0;
	if (m < x->n && !x->t[m].gap && x->t[m].type != QT_PUNCT)
		return 0; /* letters or digits glued after it */
	uint32_t after = m < x->n && x->t[m].lex >= 0 ? x->r->ents[x->t[m].lex].flags : 0;
	if (after & (QF_UNIT | QF_SCALE))
		return 0;
	if (k > 0 && x->t[k - 1].lex >= 0 && (x->r->ents[x->t[k - 1].lex].flags & QF_CURRENCY))
		return 0;
	if (!counts_people(x, k, m))
		return 0;
	merge_number(x, k, m, ndig, false, 0);
	return 1;
}

/* Settle the digit groups that need the words around them. */
static void regroup(rc__qscan *x)
{
	for (size_t k = 0; k < x->n; k++)
		if (x->t[k].type == QT_NUM && !dot_groups(x, k))
			space_groups(x, k);
}

rc_status rc__qtokenize(rc__qscan *x, size_t *pos)
{
	/*
	 * Pass over the chunks without a token to start a figure.  In news
	 * most sentences have one, and looking first costs a part of reading
	 * them: after each sentence found to have one, the next probes wait
	 * twice as long (up to 32 chunks); a quiet sentence brings them back.
	 */
	size_t e;
	x->n = 0;
	if (x->probe_wait > 0 && x->r->prefilter != RC__PREFILTER_ALWAYS) {
		x->probe_wait--;
	} else {
		while (*pos < x->len && (e = quiet_end(x, *pos)) != 0) {
			*pos = e;
			x->probe_backoff = 0;
		}
		x->probe_wait = x->probe_backoff;
		x->probe_backoff = x->probe_backoff ? (x->probe_backoff < 32 ? 2 * x->probe_backoff : 32) : 1;
	}
	if (*pos >= x->len)
		return RC_OK;
	rc_status st = read_chunk(x, pos);
	if (st == RC_OK)
		regroup(x);
	return st;
}
