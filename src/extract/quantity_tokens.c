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

static rc_status push_tok(rc__qscan *x, const rc__qtok *t)
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
rc_status rc__qtokenize(rc__qscan *x, size_t *pos)
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
		rc__qtok t = {.s = i, .lex = -1, .gap = gap};
		gap = false;
		if (ascii_digit(c) || (c == '.' && i + 1 < len && ascii_digit((unsigned char)s[i + 1]) &&
		                        (i == 0 || !rc__is_alnum((unsigned char)s[i - 1])))) {
			t.type = QT_NUM;
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
			t.type = QT_WORD;
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
					int32_t e = rc__qlex_find(x->r, key, kn + 1);
					if (e >= 0) {
						t.lex = e;
						t.e = j + 1;
					}
				}
				if (t.lex < 0)
					t.lex = rc__qlex_find(x->r, key, kn);
			}
		} else {
			t.type = QT_PUNCT;
			t.e = i + l;
			char key[8];
			char p = l > 1 ? rc__utf8_plain(cp) : (char)c;
			if (p) {
				key[0] = p;
				t.lex = rc__qlex_find(x->r, key, 1);
			} else {
				memcpy(key, s + i, l);
				t.lex = rc__qlex_find(x->r, key, l);
			}
		}
		i = t.e;
		if (push_tok(x, &t) != RC_OK)
			return RC_ERR_NOMEM;
		if (x->n >= RC__CHUNK_TOKENS && t.type == QT_PUNCT &&
		    (s[t.s] == '.' || s[t.s] == '!' || s[t.s] == '?' || s[t.s] == ';')) {
			*pos = i;
			return RC_OK;
		}
	}
	*pos = len;
	return RC_OK;
}
