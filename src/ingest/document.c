/*
 * Documents: text repair (UTF-8, NUL bytes, BOM), the optional date header
 * of plain-text articles, the line index for byte -> line:column, and
 * per-document diagnostics.  Fed by the readers in reader.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/ingest-priv.h"

rc_document *rc__document_new(const char *path, size_t record_line)
{
	rc_document *doc = calloc(1, sizeof(*doc));
	if (!doc)
		return NULL;
	doc->record_line = record_line;
	doc->text = "";
	/* rc_document_free() takes a document built halfway */
	struct rc_document_priv *priv = doc->priv = calloc(1, sizeof(*priv));
	if (priv && (priv->arena = rc__arena_new(4096)) &&
	    (!path || (doc->path = rc__arena_strdup(priv->arena, path))))
		return doc;
	rc_document_free(doc);
	return NULL;
}

void rc_document_free(rc_document *doc)
{
	if (doc && doc->priv) {
		free(doc->priv->diags);
		rc__arena_free(doc->priv->arena);
		free(doc->priv);
	}
	free(doc);
}

static rc_status vdiag(rc_document *doc, rc_severity sev, rc_status st, size_t line,
                       size_t column, size_t offset, const char *fmt, va_list ap)
{
	struct rc_document_priv *p = doc->priv;
	if (RC_GROW(p->diags, p->cap_diags, p->n_diags + 1) != RC_OK)
		return RC_ERR_NOMEM;
	rc_diag *d = &p->diags[p->n_diags];
	d->severity = sev;
	d->status = st;
	d->path = doc->path;
	d->line = line;
	d->column = column;
	d->offset = offset;
	/* Whole, never cut: the arena holds it at its length. */
	va_list ap2;
	va_copy(ap2, ap);
	int n = rc__vsnprintf(NULL, 0, fmt, ap);
	char *msg = n >= 0 ? rc__arena_alloc(p->arena, (size_t)n + 1) : NULL;
	if (msg)
		rc__vsnprintf(msg, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	if (!(d->message = msg))
		return RC_ERR_NOMEM;
	p->n_diags++;
	doc->diags = p->diags;
	doc->n_diags = p->n_diags;
	return RC_OK;
}

rc_status rc__document_diag(rc_document *doc, rc_severity sev, rc_status st, size_t line,
                            size_t column, size_t offset, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	rc_status r = vdiag(doc, sev, st, line, column, offset, fmt, ap);
	va_end(ap);
	return r;
}

rc_status rc__document_skip(rc_document *doc, rc_status st, size_t line, size_t offset,
                            const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	rc_status r = vdiag(doc, RC_SEV_ERROR, st, line, 0, offset, fmt, ap);
	va_end(ap);
	if (r != RC_OK)
		return r;
	doc->status = RC_DOC_SKIPPED;
	doc->reason = doc->priv->diags[doc->priv->n_diags - 1].message;
	return RC_OK;
}

/* Control bytes that do not occur in text (all C0 but TAB, LF, VT, FF, CR). */
static bool is_bad_control(unsigned char c)
{
	return c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r';
}

bool rc__looks_binary(const char *bytes, size_t len)
{
	/* Like git and grep, look at the head only.  A text file with a stray
	 * NUL or a few bad bytes is still text (repaired, with warnings).  A
	 * file is binary when its head has NUL bytes and more than one byte in
	 * ten is a NUL, a control byte or invalid UTF-8, or when more than
	 * three in ten are (Latin-1 text stays well under that). */
	size_t n = len < 8192 ? len : 8192;
	const unsigned char *s = (const unsigned char *)bytes;
	size_t bad = 0, nul = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] < 0x80) {
			nul += s[i] == 0;
			bad += s[i] == 0 || is_bad_control(s[i]);
			i++;
			continue;
		}
		uint32_t cp;
		size_t l = rc__utf8_decode(s + i, len - i, &cp);
		if (!l) {
			bad++;
			l = 1;
		}
		i += l;
	}
	return n > 0 && ((nul && bad * 10 > n) || bad * 10 > n * 3);
}

/* Read up to max digits at s[*i]; -1 when there are none. */
static int read_num(const char *s, size_t n, size_t *i, int max)
{
	int v = 0, k = 0;
	while (*i < n && k < max && rc__is_digit((unsigned char)s[*i])) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		k++;
	}
	return k ? v : -1;
}

static size_t skip_seps(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '.' || s[i] == '\t'))
		i++;
	return i;
}

static size_t word_end(const char *s, size_t n, size_t i)
{
	while (i < n && rc__is_alpha((unsigned char)s[i]))
		i++;
	return i;
}

static bool valid_ymd(int y, int m, int d)
{
	static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

/*
 * A plain-text article may open with " date 2024-04-02 " (some crawlers
 * write one): returns the offset of the body after it, or 0 when there is
 * no such header.
 */
static size_t date_header(const char *t, size_t len, char out[11])
{
	size_t i = 0;
	while (i < len && (t[i] == ' ' || t[i] == '\t'))
		i++;
	if (len - i < 15 || !rc__eq_nocase(t + i, 4, "date"))
		return 0;
	i += 4;
	if (i < len && t[i] == ':')
		i++;
	size_t sp = i;
	while (i < len && (t[i] == ' ' || t[i] == '\t'))
		i++;
	if (i == sp || len - i < 10)
		return 0;
	for (size_t k = 0; k < 10; k++) {
		bool digit = rc__is_digit((unsigned char)t[i + k]);
		if ((k == 4 || k == 7) ? t[i + k] != '-' : !digit)
			return 0;
	}
	if (!rc__parse_date(t + i, 10, out))
		return 0;
	i += 10;
	if (i < len && !rc__is_space((unsigned char)t[i]))
		return 0;
	while (i < len && rc__is_space((unsigned char)t[i]))
		i++;
	return i;
}

/*
 * Publication dates stated in the text, for documents with no date of their
 * own (no header, no JSONL field): a dateline, that is a line holding only
 * a date ("Friday, 01/19/2024", "January 19, 2024"), or a date after one of
 * these cues ("This post was last modified on January 22, 2024").  The
 * first one found wins; a note says where it came from.  Numeric dates
 * are read month first (01/19/2024), as the English-language news sites
 * that write them do.
 */
static const char *const published_cues[] = {
	"published on", "published:", "posted on", "posted:", "last modified on", "modified on",
	"last updated on", "updated on", "updated:", "first published on",
};

/* "01/19/2024" (month first), with an optional weekday before it. */
static bool numeric_dateline(const char *s, size_t n, char out[11])
{
	size_t i = 0;
	size_t we = word_end(s, n, i);
	if (we > i)
		i = skip_seps(s, n, we);
	int m = read_num(s, n, &i, 2);
	if (m < 0 || i >= n || s[i] != '/')
		return false;
	i++;
	int d = read_num(s, n, &i, 2);
	if (d < 0 || i >= n || s[i] != '/')
		return false;
	i++;
	size_t ys = i;
	int y = read_num(s, n, &i, 4);
	while (i < n && rc__is_space((unsigned char)s[i]))
		i++;
	if (i != n || i - ys < 4 || !valid_ymd(y, m, d))
		return false;
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(out, tmp, 11);
	return true;
}

static bool is_dateline(const char *s, size_t n, char out[11])
{
	while (n && rc__is_space((unsigned char)s[0]))
		s++, n--;
	while (n && rc__is_space((unsigned char)s[n - 1]))
		n--;
	if (n < 8 || n > 40)
		return false;
	size_t words = 1;
	for (size_t i = 0; i < n; i++)
		words += s[i] == ' ';
	if (words > 5)
		return false;
	return numeric_dateline(s, n, out) || rc__parse_date(s, n, out);
}

/* The first stated publication date of text[from..len): its line, or 0. */
static size_t stated_date(const char *t, size_t from, size_t len, char out[11])
{
	size_t line = 1;
	for (size_t i = 0; i < from; i++)
		line += t[i] == '\n';
	for (size_t ls = from; ls < len; line++) {
		const char *nl = memchr(t + ls, '\n', len - ls);
		size_t le = nl ? (size_t)(nl - t) : len;
		if (is_dateline(t + ls, le - ls, out))
			return line;
		for (size_t c = 0; c < RC_ARRAY_LEN(published_cues); c++) {
			size_t cl = strlen(published_cues[c]);
			for (size_t k = ls; k + cl <= le; k++)
				if (rc__eq_nocase(t + k, cl, published_cues[c]) &&
				    rc__parse_date(t + k + cl, le - k - cl, out))
					return line;
		}
		if (!nl)
			break;
		ls = le + 1;
	}
	return 0;
}

static rc_status build_line_index(rc_document *doc)
{
	struct rc_document_priv *p = doc->priv;
	size_t n = 1;
	for (const char *q = doc->text; (q = memchr(q, '\n', doc->text_len - (size_t)(q - doc->text)));
	     q++)
		n++;
	p->line_starts = rc__arena_alloc(p->arena, n * sizeof(size_t));
	if (!p->line_starts)
		return RC_ERR_NOMEM;
	size_t k = 0;
	p->line_starts[k++] = 0;
	for (size_t i = 0; i < doc->text_len; i++)
		if (doc->text[i] == '\n')
			p->line_starts[k++] = i + 1;
	p->n_lines = n;
	return RC_OK;
}

/* 1-based line of byte at in b (for diagnostics: at most a few per document). */
static size_t input_line(const char *b, size_t at)
{
	size_t l = 1;
	for (const char *q = b; (q = memchr(q, '\n', at - (size_t)(q - b))); q++)
		l++;
	return l;
}

static rc_status repair_diag(rc_document *doc, const char *bytes, size_t at, size_t base,
                             const char *what, size_t count)
{
	struct rc_document_priv *p = doc->priv;
	if (p->n_diags >= RC_MAX_DIAGS_PER_DOC) {
		p->dropped_diags += count;
		return RC_OK;
	}
	size_t line = doc->record_line ? doc->record_line : input_line(bytes, at);
	if (base == RC_TEXT_OFFSETS)
		/* Decoded JSON text: its offsets are not offsets in the file. */
		return rc__document_diag(doc, RC_SEV_WARNING, RC_ERR_ENCODING, line, 0, (size_t)-1,
		                         "%zu %s at byte %zu of the text replaced", count, what, at);
	return rc__document_diag(doc, RC_SEV_WARNING, RC_ERR_ENCODING, line, 0, base + at,
	                         "%zu %s at byte %zu replaced", count, what, base + at);
}

size_t rc__repair_measure(const char *bytes, size_t len, size_t stop, size_t *in_pos,
                          size_t *n_bad)
{
	const unsigned char *s = (const unsigned char *)bytes;
	size_t i = 0, out = 0, bad = 0;
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	while (i < len && out < stop) {
		/* eight ASCII bytes, none of them NUL, at a time */
		if (i + 8 <= len && stop - out >= 8) {
			uint64_t v;
			memcpy(&v, s + i, 8);
			if (!(((v - ones) & ~v) & high) && !(v & high)) {
				out += 8;
				i += 8;
				continue;
			}
		}
		if (s[i] < 0x80) {
			bad += s[i] == 0;
			out++;
			i++;
			continue;
		}
		uint32_t cp;
		size_t l = rc__utf8_decode(s + i, len - i, &cp);
		if (l) {
			out += l;
			i += l;
		} else {
			/* One U+FFFD (3 bytes) per invalid byte. */
			out += 3;
			bad++;
			i++;
		}
	}
	if (in_pos)
		*in_pos = i;
	if (n_bad)
		*n_bad = bad;
	return out;
}

rc_status rc__repair(rc_document *doc, const char *bytes, size_t len, size_t base, char *out,
                     size_t *out_len)
{
	const unsigned char *s = (const unsigned char *)bytes;
	size_t i = 0, o = 0;
	rc_status st = RC_OK;
	while (i < len && st == RC_OK) {
		if (s[i] != 0 && s[i] < 0x80) {
			out[o++] = (char)s[i++];
			continue;
		}
		uint32_t cp;
		size_t l = s[i] ? rc__utf8_decode(s + i, len - i, &cp) : 0;
		if (l) {
			memcpy(out + o, s + i, l);
			o += l;
			i += l;
			continue;
		}
		size_t start = i, run = 0;
		if (s[i] == 0) {
			/* NUL bytes become spaces. */
			for (; i < len && s[i] == 0; i++, run++)
				out[o++] = ' ';
			st = repair_diag(doc, bytes, start, base, "NUL byte(s)", run);
			continue;
		}
		while (i < len && s[i] >= 0x80 && !rc__utf8_decode(s + i, len - i, &cp)) {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
			run++;
		}
		st = repair_diag(doc, bytes, start, base, "invalid UTF-8 byte(s)", run);
	}
	*out_len = o;
	return st;
}

rc_status rc__repair_summary(rc_document *doc)
{
	struct rc_document_priv *p = doc->priv;
	if (!p->dropped_diags)
		return RC_OK;
	size_t n = p->dropped_diags;
	p->dropped_diags = 0;
	return rc__document_diag(doc, RC_SEV_WARNING, RC_ERR_ENCODING, doc->record_line, 0,
	                         (size_t)-1, "%zu more byte(s) replaced", n);
}

/*
 * Unicode NFC, so that "Bogotá" typed with a precomposed letter and with a
 * combining accent is one name everywhere after ingest.  Most texts are
 * NFC already and cost one pass; a text that changes is copied, with a
 * note, as its byte offsets no longer match the input's.
 */
static rc_status nfc_text(rc_document *doc, char **text, size_t *len)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	bool changed = false;
	rc_status st = rc__utf8_nfc(*text, *len, &b, &changed);
	if (st == RC_OK && changed) {
		char *t = rc__arena_strndup(doc->priv->arena, b.data ? b.data : "", b.len);
		if (!t) {
			st = RC_ERR_NOMEM;
		} else {
			st = rc__document_diag(doc, RC_SEV_NOTE, RC_OK, doc->record_line, 0, (size_t)-1,
			                       "text normalised to Unicode NFC (%zu bytes became %zu): "
			                       "byte offsets count the normalised text",
			                       *len, b.len);
			*text = t;
			*len = b.len;
		}
	}
	rc__buf_dispose(&b);
	return st;
}

char *rc__nfc_strndup(rc_arena *a, const char *s, size_t n)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	bool changed = false;
	char *r = NULL;
	if (rc__utf8_nfc(s, n, &b, &changed) == RC_OK)
		r = changed ? rc__arena_strndup(a, b.data ? b.data : "", b.len)
		            : rc__arena_strndup(a, s, n);
	rc__buf_dispose(&b);
	return r;
}

rc_status rc__document_set_text(rc_document *doc, const char *bytes, size_t len,
                                size_t base_offset, bool detect_header)
{
	struct rc_document_priv *p = doc->priv;
	size_t skip = 0;
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		skip = 3;
	/* Size the text exactly: most texts need no repair, and a 20 MB
	 * article should not cost three times that.  (At worst every byte
	 * becomes U+FFFD: 3 bytes.) */
	if (len > (SIZE_MAX - 1) / 3)
		return RC_ERR_LIMIT;
	size_t n_bad, need = rc__repair_measure(bytes + skip, len - skip, SIZE_MAX, NULL, &n_bad);
	char *out = rc__arena_alloc(p->arena, need + 1);
	if (!out)
		return RC_ERR_NOMEM;
	size_t o = need;
	rc_status st = RC_OK;
	if (!n_bad)
		memcpy(out, bytes + skip, need);
	else if ((st = rc__repair(doc, bytes + skip, len - skip,
	                          base_offset == RC_TEXT_OFFSETS ? base_offset : base_offset + skip,
	                          out, &o)) == RC_OK)
		st = rc__repair_summary(doc);
	if (st != RC_OK)
		return st;
	out[o] = '\0';
	if ((st = nfc_text(doc, &out, &o)) != RC_OK)
		return st;
	doc->text = out;
	doc->text_len = o;
	if (detect_header) {
		char date[11];
		size_t body = date_header(out, o, date);
		size_t from = 0;
		if (body) {
			doc->body_start = body;
			if (!doc->published && !(doc->published = rc__arena_strdup(p->arena, date)))
				return RC_ERR_NOMEM;
			/* "Date: 2024-04-02" alone on its line may open a header
			 * block ("Title: ..." on the next); with the body on its
			 * line, nothing follows it */
			const char *nl = memchr(out, '\n', body);
			from = nl ? (size_t)(nl - out) + 1 : o;
		}
		size_t header_end = 0;
		if (from < o &&
		    (st = rc__header_block(doc, out, o, from, from ? 2 : 1, &header_end)) != RC_OK)
			return st;
		if (header_end)
			doc->body_start = header_end;
	}
	if (!doc->published) {
		char date[11];
		size_t line = stated_date(out, doc->body_start, o, date);
		if (line) {
			if (!(doc->published = rc__arena_strdup(p->arena, date)))
				return RC_ERR_NOMEM;
			size_t at = doc->record_line ? doc->record_line : line;
			if ((st = rc__document_diag(doc, RC_SEV_NOTE, RC_OK, at, 0, (size_t)-1,
			                            "publication date %s taken from the text (line %zu)", date,
			                            line)) != RC_OK)
				return st;
		}
	}
	if (!doc->published && (st = rc__time_hint(doc)) != RC_OK)
		return st;
	return build_line_index(doc);
}

/* The index of the line of the text that holds offset (the last line
 * start at or before it; p->line_starts is sorted and begins with 0). */
static size_t line_of(const struct rc_document_priv *p, size_t offset)
{
	size_t lo = 0, hi = p->n_lines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (p->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void rc_document_position(const rc_document *doc, size_t offset, size_t *line,
                          size_t *column)
{
	size_t l = 0, c = 0;
	const struct rc_document_priv *p = doc ? doc->priv : NULL;
	if (p && p->line_starts && offset <= doc->text_len) {
		size_t lo = line_of(p, offset);
		l = lo + 1;
		/* the column counts characters: only when it is asked for */
		if (column)
			c = rc__utf8_count(doc->text + p->line_starts[lo], offset - p->line_starts[lo]) + 1;
	}
	if (line)
		*line = l;
	if (column)
		*column = c;
}

size_t rc_document_title_line(const rc_document *doc)
{
	if (doc->record_line)
		return doc->record_line;
	const struct rc_document_priv *p = doc->priv;
	return p && p->title_line ? p->title_line : 1;
}

size_t rc_document_file_line(const rc_document *doc, size_t offset)
{
	if (doc->record_line)
		return doc->record_line;
	const struct rc_document_priv *p = doc->priv;
	if (p && p->src) {
		/* HTML: the line of the .html file that holds this text */
		size_t lo = 0, hi = p->n_src;
		while (hi - lo > 1) {
			size_t mid = (lo + hi) / 2;
			if (p->src[mid].text_off <= offset)
				lo = mid;
			else
				hi = mid;
		}
		return p->src[lo].line;
	}
	if (!p || !p->line_starts || offset > doc->text_len)
		return 0;
	return line_of(p, offset) + 1;
}

rc_status rc_document_from_memory(rc_document **out, const char *bytes, size_t len,
                                  const char *path, const char *id, rc_error *err)
{
	*out = NULL;
	rc_document *doc = rc__document_new(path, 0);
	if (!doc)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	/* Every document has an id: records, sorting and reports rely on it. */
	if (!(doc->id = rc__arena_strdup(doc->priv->arena, id ? id : "memory"))) {
		rc_document_free(doc);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	doc->input_bytes = len;
	rc_status st = rc__document_set_text(doc, bytes, len, 0, true);
	if (st != RC_OK) {
		rc_document_free(doc);
		return rc__error_set(err, st, "cannot build document: %s", rc_status_str(st));
	}
	*out = doc;
	return RC_OK;
}
