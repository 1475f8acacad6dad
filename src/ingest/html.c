/*
 * HTML articles (docs/input.md, "HTML"): libxml2's HTML parser, through
 * its SAX interface, turns a page into the text a reader sees, never its
 * markup.  Text content only (script, style, template, noscript, svg,
 * math, iframe, form controls and nav are left out), entities decoded,
 * white space collapsed as a browser does, block elements (p, div, h1-h6,
 * li, tr, blockquote...) as paragraph breaks and br as a line break.  The
 * head gives the title, the publication date and time, the outlet, the
 * canonical URL and the language (<meta> and <link> tags, JSON-LD, <html
 * lang>).
 *
 * Positions: the document text is the extracted text, so line and column
 * count in it; rc_document_file_line() maps a text offset back to the line
 * of the .html file that holds it (the spans below), which is the line
 * claims cite.
 */
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include "ingest/ingest-priv.h"

/* Elements whose content is not prose. */
static const char *const skip_elements[] = {
	"script", "style", "template", "noscript", "svg", "math", "iframe", "object", "embed",
	"canvas", "select", "textarea", "button", "nav", "head", "audio", "video", "map",
};

/* Elements that begin and end a paragraph. */
static const char *const block_elements[] = {
	"address", "article", "aside", "blockquote", "caption", "center", "dd", "details",
	"dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
	"h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "ol", "p", "pre",
	"section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "body", "html",
};

enum hfield { H_PUBLISHED, H_TITLE, H_SOURCE, H_URL, H_LANGUAGE, H_COUNT };

/* <meta> keys (name, property or itemprop; compared without case) and
 * what they give; a lower rank wins. */
static const struct {
	const char *key;
	enum hfield field;
	int rank;
} meta_keys[] = {
	{"article:published_time", H_PUBLISHED, 1},
	{"og:article:published_time", H_PUBLISHED, 1},
	{"datepublished", H_PUBLISHED, 2},
	{"og:published_time", H_PUBLISHED, 3},
	{"article.published", H_PUBLISHED, 3},
	{"publish-date", H_PUBLISHED, 3},
	{"publishdate", H_PUBLISHED, 3},
	{"pubdate", H_PUBLISHED, 3},
	{"parsely-pub-date", H_PUBLISHED, 3},
	{"sailthru.date", H_PUBLISHED, 4},
	{"dc.date.issued", H_PUBLISHED, 4},
	{"dcterms.issued", H_PUBLISHED, 4},
	{"dc.date", H_PUBLISHED, 5},
	{"dcterms.created", H_PUBLISHED, 5},
	{"date", H_PUBLISHED, 6},
	{"og:title", H_TITLE, 1},
	{"twitter:title", H_TITLE, 2},
	{"og:site_name", H_SOURCE, 1},
	{"application-name", H_SOURCE, 4},
	{"og:url", H_URL, 2},
	{"og:locale", H_LANGUAGE, 3},
	{"content-language", H_LANGUAGE, 2},
	{"dc.language", H_LANGUAGE, 3},
};

/* Ranks of the other sources of each field. */
enum {
	RANK_TIME = 2,        /* <time datetime> marked as the publication time */
	RANK_LD = 2,          /* JSON-LD datePublished, headline, publisher.name, inLanguage */
	RANK_TITLE_TAG = 4,   /* <title> */
	RANK_CANONICAL = 1,   /* <link rel="canonical"> */
	RANK_HTML_LANG = 1,   /* <html lang> */
};

typedef struct hstate {
	rc_document *doc;
	htmlParserCtxtPtr ctxt;
	rc_buf text;
	rc__src_span *spans;
	size_t n_spans, cap_spans;
	size_t last_line;      /* line of the last span */
	int skip;              /* open elements whose content is left out */
	int pending;           /* 0 nothing, 1 a space, 2 a line break, 3 a paragraph break */
	bool in_title;
	rc_buf title;
	bool in_ld;            /* in a <script type="application/ld+json"> */
	rc_buf ld;
	char *found[H_COUNT];  /* malloc'd values found so far */
	int rank[H_COUNT];
	size_t found_line[H_COUNT]; /* the file line each value was found on */
	bool nomem;
} hstate;

static bool in_list(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return true;
	return false;
}

static void offer(hstate *h, enum hfield f, const char *value, int rank)
{
	if (!value || h->nomem)
		return;
	while (rc__is_space((unsigned char)*value))
		value++;
	if (!*value || (h->found[f] && h->rank[f] <= rank))
		return;
	char *copy = rc__strdup(value);
	if (!copy) {
		h->nomem = true;
		return;
	}
	/* trailing white space goes; inner runs collapse to one space */
	size_t k = 0;
	bool sp = false;
	for (const char *p = copy; *p; p++) {
		if (rc__is_space((unsigned char)*p)) {
			sp = true;
			continue;
		}
		if (sp && k)
			copy[k++] = ' ';
		sp = false;
		copy[k++] = *p;
	}
	copy[k] = '\0';
	free(h->found[f]);
	h->found[f] = copy;
	h->rank[f] = rank;
	h->found_line[f] = h->ctxt && h->ctxt->input ? (size_t)h->ctxt->input->line : 0;
}

static const char *attr(const xmlChar **atts, const char *name)
{
	for (const xmlChar **a = atts; a && a[0]; a += 2)
		if (xmlStrcasecmp(a[0], (const xmlChar *)name) == 0)
			return a[1] ? (const char *)a[1] : "";
	return NULL;
}

static void meta(hstate *h, const xmlChar **atts)
{
	const char *content = attr(atts, "content");
	if (!content)
		return;
	static const char *const key_attrs[] = {"property", "name", "itemprop", "http-equiv"};
	for (size_t k = 0; k < RC_ARRAY_LEN(key_attrs); k++) {
		const char *key = attr(atts, key_attrs[k]);
		if (!key)
			continue;
		for (size_t i = 0; i < RC_ARRAY_LEN(meta_keys); i++)
			if (rc__eq_nocase(key, strlen(key), meta_keys[i].key))
				offer(h, meta_keys[i].field, content, meta_keys[i].rank);
	}
}

static void want_break(hstate *h, int level)
{
	if (h->pending < level)
		h->pending = level;
}

static void start_element(void *user, const xmlChar *name, const xmlChar **atts)
{
	hstate *h = user;
	const char *n = (const char *)name;
	if (strcmp(n, "html") == 0)
		offer(h, H_LANGUAGE, attr(atts, "lang") ? attr(atts, "lang") : attr(atts, "xml:lang"),
		      RANK_HTML_LANG);
	if (strcmp(n, "meta") == 0) {
		meta(h, atts);
		return;
	}
	if (strcmp(n, "link") == 0) {
		const char *rel = attr(atts, "rel");
		if (rel && rc__eq_nocase(rel, strlen(rel), "canonical"))
			offer(h, H_URL, attr(atts, "href"), RANK_CANONICAL);
		return;
	}
	if (strcmp(n, "time") == 0) {
		const char *ip = attr(atts, "itemprop");
		if (attr(atts, "pubdate") || (ip && rc__eq_nocase(ip, strlen(ip), "datePublished")))
			offer(h, H_PUBLISHED, attr(atts, "datetime"), RANK_TIME);
	}
	if (strcmp(n, "title") == 0 && !h->title.len) {
		h->in_title = true;
		return;
	}
	if (strcmp(n, "script") == 0) {
		const char *type = attr(atts, "type");
		if (type && rc__eq_nocase(type, strlen(type), "application/ld+json")) {
			h->in_ld = true;
			rc__buf_reset(&h->ld);
		}
	}
	if (in_list(n, skip_elements, RC_ARRAY_LEN(skip_elements))) {
		h->skip++;
		return;
	}
	if (strcmp(n, "br") == 0)
		want_break(h, 2);
	else if (in_list(n, block_elements, RC_ARRAY_LEN(block_elements)))
		want_break(h, 3);
	else if (strcmp(n, "td") == 0 || strcmp(n, "th") == 0)
		want_break(h, 1);
	else if (strcmp(n, "img") == 0 && !h->skip)
		want_break(h, 1); /* words either side of an image stay apart */
}

static void ld_json(hstate *h);

static void end_element(void *user, const xmlChar *name)
{
	hstate *h = user;
	const char *n = (const char *)name;
	if (strcmp(n, "title") == 0 && h->in_title) {
		h->in_title = false;
		if (!h->nomem && h->title.data)
			offer(h, H_TITLE, h->title.data, RANK_TITLE_TAG);
		return;
	}
	if (strcmp(n, "script") == 0 && h->in_ld) {
		h->in_ld = false;
		ld_json(h);
	}
	if (in_list(n, skip_elements, RC_ARRAY_LEN(skip_elements))) {
		if (h->skip)
			h->skip--;
		return;
	}
	if (in_list(n, block_elements, RC_ARRAY_LEN(block_elements)))
		want_break(h, 3);
	else if (strcmp(n, "td") == 0 || strcmp(n, "th") == 0)
		want_break(h, 1);
}

static void add_span(hstate *h, size_t line)
{
	if (h->n_spans && h->last_line == line)
		return;
	if (RC_GROW(h->spans, h->cap_spans, h->n_spans + 1) != RC_OK) {
		h->nomem = true;
		return;
	}
	h->spans[h->n_spans++] = (rc__src_span){h->text.len, line};
	h->last_line = line;
}

static void put(hstate *h, const char *s, size_t n)
{
	if (rc__buf_append(&h->text, s, n) != RC_OK)
		h->nomem = true;
}

/* Text content: white space collapsed, each run of text mapped to the
 * line of the file it comes from. */
static void characters(void *user, const xmlChar *chars, int len)
{
	hstate *h = user;
	const char *s = (const char *)chars;
	size_t n = len > 0 ? (size_t)len : 0;
	if (h->in_title) {
		if (rc__buf_append(&h->title, s, n) != RC_OK)
			h->nomem = true;
		return;
	}
	if (h->skip || h->nomem)
		return;
	/* the parser calls back at the end of the run: its first line is the
	 * current line less the line breaks in it */
	size_t line = h->ctxt->input ? (size_t)h->ctxt->input->line : 0;
	for (size_t i = 0; i < n; i++)
		line -= s[i] == '\n' && line > 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			line += c == '\n';
			want_break(h, 1);
			continue;
		}
		if (h->pending && h->text.len) {
			if (h->pending == 3)
				put(h, "\n\n", 2);
			else if (h->pending == 2)
				put(h, "\n", 1);
			else if (h->text.data[h->text.len - 1] != '\n')
				put(h, " ", 1);
		}
		h->pending = 0;
		add_span(h, line);
		/* the rest of this word in one go */
		size_t k = i + 1;
		while (k < n && s[k] != ' ' && s[k] != '\t' && s[k] != '\n' && s[k] != '\r' &&
		       s[k] != '\f')
			k++;
		put(h, s + i, k - i);
		i = k - 1;
	}
}

static void cdata(void *user, const xmlChar *chars, int len)
{
	hstate *h = user;
	/* script and style bodies: only JSON-LD is read, and never as text */
	if (h->in_ld && len > 0 && rc__buf_append(&h->ld, chars, (size_t)len) != RC_OK)
		h->nomem = true;
}

static void quiet(void *user, const char *msg, ...)
{
	(void)user;
	(void)msg;
}

/* ---- JSON-LD (schema.org NewsArticle and its kin) ---------------------------------- */

static const char *ld_string(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_object(v))
		v = json_object_get(v, "name");
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The first object (depth first) with a datePublished, and its fields. */
static bool ld_walk(hstate *h, const json_t *v, int depth)
{
	if (depth > 8)
		return false;
	if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e)
			if (ld_walk(h, e, depth + 1))
				return true;
		return false;
	}
	if (!json_is_object(v))
		return false;
	const char *date = ld_string(v, "datePublished");
	if (date) {
		offer(h, H_PUBLISHED, date, RANK_LD);
		offer(h, H_TITLE, ld_string(v, "headline"), RANK_LD + 1);
		offer(h, H_SOURCE, ld_string(v, "publisher"), RANK_LD);
		offer(h, H_LANGUAGE, ld_string(v, "inLanguage"), RANK_LD);
		return true;
	}
	return ld_walk(h, json_object_get(v, "@graph"), depth + 1);
}

static void ld_json(hstate *h)
{
	if (h->nomem || !h->ld.len)
		return;
	json_error_t je;
	json_t *v = json_loadb(h->ld.data, h->ld.len, 0, &je);
	if (v)
		ld_walk(h, v, 0);
	json_decref(v);
}

/* ---- character sets ---------------------------------------------------------------- */

/* The charset a page declares in its first 4 KiB (<meta charset=...> or
 * http-equiv content="...; charset=..."), lower case, into out; false when
 * none. */
static bool declared_charset(const char *b, size_t len, char *out, size_t size)
{
	size_t n = len < 4096 ? len : 4096;
	for (size_t i = 0; i + 8 <= n; i++) {
		if (!rc__eq_nocase(b + i, 7, "charset"))
			continue;
		size_t k = i + 7;
		while (k < n && (b[k] == ' ' || b[k] == '\t'))
			k++;
		if (k >= n || b[k] != '=')
			continue;
		k++;
		while (k < n && (b[k] == ' ' || b[k] == '"' || b[k] == '\''))
			k++;
		size_t o = 0;
		while (k < n && o + 1 < size && (rc__is_alnum((unsigned char)b[k]) || b[k] == '-' ||
		                                 b[k] == '_' || b[k] == ':' || b[k] == '.'))
			out[o++] = (char)rc__lower((unsigned char)b[k++]);
		out[o] = '\0';
		return o > 0;
	}
	return false;
}

/* bytes in charset cs as UTF-8 (malloc'd); NULL with errno EINVAL when
 * the charset is unknown.  Bytes that do not decode become U+FFFD. */
static char *to_utf8(const char *cs, const char *bytes, size_t len, size_t *out_len, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", cs);
	if (cd == (iconv_t)-1) {
		errno = EINVAL;
		return NULL;
	}
	rc_buf out;
	rc__buf_init(&out, 0);
	char buf[4096];
	char *in = (char *)bytes;
	size_t left = len;
	bool ok = true;
	*bad = 0;
	while (left && ok) {
		char *o = buf;
		size_t room = sizeof buf;
		size_t r = iconv(cd, &in, &left, &o, &room);
		ok = rc__buf_append(&out, buf, (size_t)(o - buf)) == RC_OK;
		if (r == (size_t)-1 && errno != E2BIG && ok) {
			/* an invalid or cut sequence: one byte becomes U+FFFD */
			ok = rc__buf_append(&out, "\xEF\xBF\xBD", 3) == RC_OK;
			(*bad)++;
			in++;
			left--;
		}
	}
	iconv_close(cd);
	if (!ok) {
		rc__buf_dispose(&out);
		errno = ENOMEM;
		return NULL;
	}
	return rc__buf_steal(&out, out_len);
}

/* ---- the document ------------------------------------------------------------------ */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
	xmlInitParser();
}

/* Parse UTF-8 bytes (no NUL, valid) into h. */
static void parse(hstate *h, const char *bytes, size_t len)
{
	pthread_once(&xml_once, xml_init);
	if (len > INT32_MAX) {
		h->nomem = true;
		return;
	}
	htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(bytes, (int)len);
	if (!ctxt) {
		h->nomem = true;
		return;
	}
	htmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	sax.startElement = start_element;
	sax.endElement = end_element;
	sax.characters = characters;
	sax.ignorableWhitespace = characters;
	sax.cdataBlock = cdata;
	sax.warning = quiet;
	sax.error = quiet;
	sax.fatalError = quiet;
	memcpy(ctxt->sax, &sax, sizeof sax);
	ctxt->userData = h;
	h->ctxt = ctxt;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                                 HTML_PARSE_IGNORE_ENC);
	xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	htmlParseDocument(ctxt);
	h->ctxt = NULL;
	htmlFreeParserCtxt(ctxt);
}

/* NFC span by span, so that each span's offset moves with its text. */
static rc_status nfc_spans(hstate *h)
{
	rc_buf out, tmp;
	rc__buf_init(&out, 0);
	rc__buf_init(&tmp, 0);
	bool any = false;
	rc_status st = RC_OK;
	const char *t = h->text.data ? h->text.data : "";
	for (size_t i = 0; i <= h->n_spans && st == RC_OK; i++) {
		size_t from = i == 0 ? 0 : h->spans[i - 1].text_off;
		size_t to = i < h->n_spans ? h->spans[i].text_off : h->text.len;
		if (i > 0)
			h->spans[i - 1].text_off = out.len;
		bool changed;
		if ((st = rc__utf8_nfc(t + from, to - from, &tmp, &changed)) != RC_OK)
			break;
		any |= changed;
		st = changed ? rc__buf_append(&out, tmp.data ? tmp.data : "", tmp.len)
		             : rc__buf_append(&out, t + from, to - from);
	}
	if (st == RC_OK && any) {
		rc__buf_dispose(&h->text);
		h->text = out;
	} else {
		rc__buf_dispose(&out);
	}
	rc__buf_dispose(&tmp);
	return st;
}

rc_status rc__html_read(rc_document *doc, const char *bytes, size_t len, size_t base_offset,
                        bool decoded)
{
	rc_status st = RC_OK;
	char cs[48];
	char *converted = NULL, *repaired = NULL;
	const char *src = bytes;
	size_t n = len;
	/* A page that declares a charset other than UTF-8 is converted first
	 * (unless its bytes are valid UTF-8 all the same: the declaration is
	 * then wrong, as often happens when a page is re-saved). */
	if (!decoded && declared_charset(bytes, len, cs, sizeof cs) && strcmp(cs, "utf-8") != 0 &&
	    strcmp(cs, "utf8") != 0 && !rc__utf8_valid(bytes, len)) {
		size_t bad = 0;
		converted = to_utf8(cs, bytes, len, &n, &bad);
		if (!converted && errno == EINVAL)
			return rc__document_skip(doc, RC_ERR_UNSUPPORTED, 0, (size_t)-1,
			                         "charset '%s' is not known: re-encode the page as UTF-8",
			                         cs);
		if (!converted)
			return RC_ERR_NOMEM;
		src = converted;
		base_offset = RC_TEXT_OFFSETS;
		st = rc__document_diag(doc, RC_SEV_NOTE, RC_OK, 0, 0, (size_t)-1,
		                       "read as %s (declared by the page)", cs);
		if (st == RC_OK && bad)
			st = rc__document_diag(doc, RC_SEV_WARNING, RC_ERR_ENCODING, 0, 0, (size_t)-1,
			                       "%zu byte(s) that are not %s replaced", bad, cs);
	}
	/* invalid UTF-8 and NUL bytes: repaired as in a text file, with warnings */
	size_t n_bad, fixed_len = st == RC_OK ? rc__repair_measure(src, n, SIZE_MAX, NULL, &n_bad) : 0;
	if (st == RC_OK && n_bad) {
		if (!(repaired = malloc(fixed_len ? fixed_len : 1))) {
			st = RC_ERR_NOMEM;
		} else if ((st = rc__repair(doc, src, n, base_offset, repaired, &fixed_len)) == RC_OK &&
		           (st = rc__repair_summary(doc)) == RC_OK) {
			src = repaired;
			n = fixed_len;
		}
	}
	hstate h = {.doc = doc};
	rc__buf_init(&h.text, 0);
	rc__buf_init(&h.title, 1 << 16);
	rc__buf_init(&h.ld, 1 << 20);
	if (st == RC_OK) {
		parse(&h, src, n);
		if (h.nomem)
			st = RC_ERR_NOMEM;
	}
	if (st == RC_OK)
		st = nfc_spans(&h);
	rc_arena *a = doc->priv->arena;
	if (st == RC_OK && h.found[H_TITLE] &&
	    !(doc->title = rc__nfc_strndup(a, h.found[H_TITLE], strlen(h.found[H_TITLE]))))
		st = RC_ERR_NOMEM;
	doc->priv->title_line = h.found_line[H_TITLE];
	if (st == RC_OK && h.found[H_URL] && !(doc->url = rc__arena_strdup(a, h.found[H_URL])))
		st = RC_ERR_NOMEM;
	if (st == RC_OK && h.found[H_SOURCE] &&
	    !(doc->source = rc__nfc_strndup(a, h.found[H_SOURCE], strlen(h.found[H_SOURCE]))))
		st = RC_ERR_NOMEM;
	if (st == RC_OK && !doc->source && doc->url)
		doc->source = rc__url_host(a, doc->url);
	if (st == RC_OK && h.found[H_LANGUAGE] &&
	    !(doc->language = rc__arena_strdup(a, h.found[H_LANGUAGE])))
		st = RC_ERR_NOMEM;
	if (st == RC_OK && h.found[H_PUBLISHED])
		st = rc__set_published(doc, h.found[H_PUBLISHED], strlen(h.found[H_PUBLISHED]), 0,
		                       true);
	if (st == RC_OK)
		st = rc__document_set_text(doc, h.text.data ? h.text.data : "", h.text.len,
		                           RC_TEXT_OFFSETS, false);
	if (st == RC_OK && h.n_spans) {
		struct rc_document_priv *p = doc->priv;
		if (!(p->src = rc__arena_alloc(p->arena, h.n_spans * sizeof *p->src)))
			st = RC_ERR_NOMEM;
		else {
			memcpy(p->src, h.spans, h.n_spans * sizeof *p->src);
			p->n_src = h.n_spans;
		}
	}
	for (int f = 0; f < H_COUNT; f++)
		free(h.found[f]);
	free(h.spans);
	rc__buf_dispose(&h.text);
	rc__buf_dispose(&h.title);
	rc__buf_dispose(&h.ld);
	free(converted);
	free(repaired);
	return st;
}
