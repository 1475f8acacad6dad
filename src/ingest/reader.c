/*
 * The streaming reader: walks inputs in sorted order (directories
 * recursively, hidden entries and links to directories skipped), reads
 * plain-text and HTML files whole, JSON Lines batches one line at a time
 * and .json files one article object at a time (each record capped and
 * repaired before jansson parses it), and hands out one document per call.
 * Anything that cannot be read becomes a skipped document with its reason,
 * so every input is accounted for; every document gets an id that no
 * other document of the run has.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <jansson.h>
#include "core/jr.h"
#include "ingest/ingest-priv.h"

/* Built-in JSON key names per field, tried after the user's (--field).  A
 * dotted name reaches into nested objects ("source.name"). */
static const char *const builtin_keys[RC_FIELD_COUNT_][9] = {
	[RC_FIELD_ID] = {"id", "_id", "doc_id", NULL},
	[RC_FIELD_URL] = {"url", "link", "source_url", NULL},
	[RC_FIELD_TITLE] = {"title", "headline", NULL},
	[RC_FIELD_TEXT] = {"text", "maintext", "content", "body", "article", NULL},
	[RC_FIELD_SOURCE] = {"source.name", "source", "source_domain", "sitename", "hostname",
	                     "outlet", "publisher", NULL},
	[RC_FIELD_PUBLISHED] = {"published", "date", "date_publish", "pubDate", "published_at",
	                        "publishedAt", "publish_date", "datePublished", NULL},
	[RC_FIELD_LANGUAGE] = {"language", "lang", "language_code", "inLanguage", "locale", NULL},
};

static const char *const field_label[RC_FIELD_COUNT_] = {
	"id", "url", "title", "text", "source", "published", "language",
};

const char *rc_field_name(rc_field f)
{
	return (unsigned)f < RC_FIELD_COUNT_ ? field_label[f] : NULL;
}

bool rc_field_parse(const char *name, size_t len, rc_field *out)
{
	for (int f = 0; f < RC_FIELD_COUNT_; f++)
		if (strlen(field_label[f]) == len && memcmp(field_label[f], name, len) == 0) {
			*out = (rc_field)f;
			return true;
		}
	return false;
}

bool rc_input_format_parse(const char *name, rc_input_format *out)
{
	static const struct {
		const char *name;
		rc_input_format f;
	} t[] = {{"auto", RC_INPUT_AUTO}, {"text", RC_INPUT_TEXT}, {"jsonl", RC_INPUT_JSONL},
	         {"ndjson", RC_INPUT_JSONL}, {"json", RC_INPUT_JSON}, {"html", RC_INPUT_HTML}};
	for (size_t i = 0; i < RC_ARRAY_LEN(t); i++)
		if (strcmp(name, t[i].name) == 0) {
			*out = t[i].f;
			return true;
		}
	return false;
}

typedef struct pending {
	char **paths;        /* files still to read, in order (owned) */
	const char **why;    /* per path: NULL, or why it is skipped unread (static) */
	size_t *rel;         /* per path: where its name relative to the input starts */
	bool *named;         /* per path: named on the command line (not met in a walk) */
	size_t n, next, cap;
} pending;

/* ---- byte streams, decoded to UTF-8 --------------------------------------------- */

/* The text encodings a byte-order mark announces. */
typedef enum enc { ENC_UTF8 = 0, ENC_UTF16LE, ENC_UTF16BE, ENC_UTF32LE, ENC_UTF32BE } enc;

static const char *const enc_name[] = {"UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"};

/* The encoding of a byte-order mark at b[0..n), and its length. */
static enc sniff_bom(const unsigned char *b, size_t n, size_t *len)
{
	*len = 0;
	if (n >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) {
		*len = 4;
		return ENC_UTF32LE;
	}
	if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) {
		*len = 4;
		return ENC_UTF32BE;
	}
	if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
		*len = 3;
		return ENC_UTF8;
	}
	if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
		*len = 2;
		return ENC_UTF16LE;
	}
	if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
		*len = 2;
		return ENC_UTF16BE;
	}
	return ENC_UTF8;
}

/*
 * A record stream: a JSON Lines or .json file read a byte at a time, with
 * UTF-16 and UTF-32 (announced by a byte-order mark) decoded to UTF-8 on
 * the way.  One byte of push-back; in_bytes counts the file's bytes.
 */
typedef struct stream {
	FILE *fp;
	bool is_stdin, json;
	char *path;
	char *idbase;          /* the id stem: the path relative to its input, no extension */
	enc e;
	unsigned char pre[4];  /* bytes read to sniff the mark and not part of it */
	size_t npre, ipre;
	unsigned char out[4];  /* decoded bytes of the last code point, still to hand out */
	size_t nout, iout;
	int pushed;            /* pushed-back byte, or -1 */
	long unit;             /* a UTF-16 unit read ahead and not used yet, or -1 */
	size_t cp_start;       /* file offset of the code point of the last byte read */
	bool noted;            /* the decoding note is on the first record */
	size_t bom;            /* bytes of the mark, added to the first record's size */
	size_t bad_units;      /* unpaired surrogates and invalid code points met */
	size_t line;           /* lines read (1-based line of the byte about to be read) */
	size_t in_bytes;       /* bytes of the file read */
	/* .json files: where in the top-level value we are */
	enum { JS_START, JS_SINGLE_DONE, JS_ARRAY, JS_END } js;
	size_t elements;
	bool single;           /* the file is one object, not an array */
	/* the top-level keys of the object being read and their lines */
	struct {
		char name[32];
		size_t line;
	} keys[64];
	size_t n_keys;
	const char *text_key;  /* the key the last record's text came from */
} stream;

static int raw_get(stream *s)
{
	if (s->ipre < s->npre) {
		s->in_bytes++;
		return s->pre[s->ipre++];
	}
	int c = getc_unlocked(s->fp);
	if (c != EOF)
		s->in_bytes++;
	return c;
}

/* One code unit of UTF-16 or UTF-32, or -1 at the end (a cut unit too). */
static long next_unit(stream *s)
{
	int width = s->e == ENC_UTF16LE || s->e == ENC_UTF16BE ? 2 : 4;
	bool le = s->e == ENC_UTF16LE || s->e == ENC_UTF32LE;
	unsigned long u = 0;
	for (int k = 0; k < width; k++) {
		int c = raw_get(s);
		if (c == EOF) {
			if (k)
				s->bad_units++;
			return -1;
		}
		u = le ? u | ((unsigned long)c << (8 * k)) : (u << 8) | (unsigned long)c;
	}
	return (long)u;
}

static int dec_get(stream *s)
{
	if (s->pushed >= 0) {
		int c = s->pushed;
		s->pushed = -1;
		return c;
	}
	if (s->iout < s->nout)
		return s->out[s->iout++];
	if (s->e == ENC_UTF8) {
		int c = raw_get(s);
		s->cp_start = s->in_bytes - (c != EOF);
		return c;
	}
	s->cp_start = s->in_bytes - (s->unit >= 0 ? (s->e <= ENC_UTF16BE ? 2 : 4) : 0);
	long u = s->unit >= 0 ? s->unit : next_unit(s);
	s->unit = -1;
	if (u < 0)
		return EOF;
	uint32_t cp = (uint32_t)u;
	if (s->e == ENC_UTF16LE || s->e == ENC_UTF16BE) {
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			long lo = next_unit(s);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
			} else {
				/* an unpaired high surrogate; the unit after it is read anew */
				s->bad_units++;
				cp = 0xFFFD;
				s->unit = lo;
			}
		} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
			s->bad_units++;
			cp = 0xFFFD;
		}
	} else if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		s->bad_units++;
		cp = 0xFFFD;
	}
	s->nout = rc__utf8_encode(cp, (char *)s->out);
	s->iout = 1;
	return s->out[0];
}

static void dec_unget(stream *s, int c)
{
	if (c != EOF)
		s->pushed = c;
}

/* ---- the reader ------------------------------------------------------------------- */

/* Every id handed out in this run, and where it was first used: an entry
 * in the table's arena, a slot of 16 bytes in its table (at most three
 * quarters full).  The table lives as long as the reader: with the slot
 * holding all of it (32 bytes, at most half full), it took 16 MB of the
 * 169,565 documents of the 100 MB bench batch at the end of the map phase. */
typedef struct id_entry {
	const char *path;
	size_t line;
	char id[];
} id_entry;

typedef struct id_slot {
	const id_entry *e;    /* NULL: free */
	uint64_t hash;
} id_slot;

typedef struct id_table {
	id_slot *slots;
	size_t cap, n;        /* cap: 0 or a power of two */
	rc_arena *a;          /* the strings */
	const char *last_path; /* interned copy of the path last added */
} id_table;

struct rc_reader {
	rc_ingest_options opts;
	rc_limits limits;
	char **inputs;       /* sorted copies */
	size_t n_inputs, next_input;
	pending files;       /* expansion of the current input */
	stream *js;          /* the JSON Lines or .json file being read, if any */
	rc_buf line;
	rc_buf scratch;      /* a copy of the record the pull reader decodes in place */
	size_t seq;
	id_table ids;
};

static int cmp_str(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	/* "-" (standard input) first, then byte order. */
	bool dx = strcmp(x, "-") == 0, dy = strcmp(y, "-") == 0;
	if (dx != dy)
		return dx ? -1 : 1;
	return strcmp(x, y);
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void pending_free(pending *p)
{
	free_strings(p->paths, p->n);
	free(p->why);
	free(p->rel);
	free(p->named);
	memset(p, 0, sizeof(*p));
}

/* Queue a path (taken over, freed on failure too); why as in pending. */
static rc_status pending_add(pending *p, char *path, const char *why, size_t rel, bool named)
{
	if (!path)
		return RC_ERR_NOMEM;
	size_t c1 = p->cap, c2 = p->cap, c3 = p->cap;
	if (RC_GROW(p->paths, c1, p->n + 1) != RC_OK || RC_GROW(p->why, c2, p->n + 1) != RC_OK ||
	    RC_GROW(p->rel, c3, p->n + 1) != RC_OK || RC_GROW(p->named, p->cap, p->n + 1) != RC_OK) {
		free(path);
		return RC_ERR_NOMEM;
	}
	p->paths[p->n] = path;
	p->why[p->n] = why;
	p->rel[p->n] = rel;
	p->named[p->n++] = named;
	return RC_OK;
}

void rc_limits_resolve(rc_limits *l)
{
	if (!l->max_document_bytes)
		l->max_document_bytes = RC_LIMIT_DOCUMENT_BYTES_DEFAULT;
	if (!l->max_line_bytes)
		l->max_line_bytes = RC_LIMIT_LINE_BYTES_DEFAULT;
	if (!l->max_claims_per_doc)
		l->max_claims_per_doc = RC_LIMIT_CLAIMS_PER_DOC_DEFAULT;
}

rc_status rc_ingest_options_init(rc_ingest_options *o, unsigned version, rc_error *err)
{
	static const rc_ingest_options init = RC_INGEST_OPTIONS_INIT;
	return rc__options_init(o, sizeof *o, &init, "rc_ingest_options", version, RC_INGEST_OPTIONS_VERSION, err);
}

rc_status rc_reader_new(rc_reader **out, const rc_ingest_options *opts,
                        const char *const *inputs, size_t n, rc_error *err)
{
	*out = NULL;
	if (opts && rc__options_check("rc_ingest_options", opts->version, RC_INGEST_OPTIONS_VERSION, err) != RC_OK)
		return RC_ERR_INVALID;
	rc_reader *r = calloc(1, sizeof(*r));
	if (!r)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	if (opts)
		r->opts = *opts;
	r->limits = r->opts.limits;
	rc_limits_resolve(&r->limits);
	r->inputs = calloc(n ? n : 1, sizeof(char *));
	if (!r->inputs || !(r->ids.a = rc__arena_new(4096)))
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		if (!(r->inputs[i] = rc__strdup(inputs[i])))
			goto nomem;
		r->n_inputs++;
	}
	qsort(r->inputs, r->n_inputs, sizeof(char *), cmp_str);
	rc__buf_init(&r->line, r->limits.max_line_bytes);
	rc__buf_init(&r->scratch, 0);
	*out = r;
	return RC_OK;
nomem:
	rc_reader_free(r);
	return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
}

static void close_stream(rc_reader *r)
{
	stream *s = r->js;
	if (!s)
		return;
	if (s->fp && !s->is_stdin)
		fclose(s->fp);
	free(s->path);
	free(s->idbase);
	free(s);
	r->js = NULL;
}

void rc_reader_free(rc_reader *r)
{
	if (!r)
		return;
	close_stream(r);
	free_strings(r->inputs, r->n_inputs);
	pending_free(&r->files);
	rc__buf_dispose(&r->line);
	rc__buf_dispose(&r->scratch);
	free(r->ids.slots);
	rc__arena_free(r->ids.a);
	free(r);
}

/* ---- ids -------------------------------------------------------------------------- */

/*
 * The id of a file: its path relative to the input it was found in (the
 * directory named on the command line; for a file named there, its
 * directory), without the extension of its last part.  So the seeds keep
 * their names ("000_392cb625efecd469") and four outlets' "article.txt"
 * become "apnews/article", "reuters/article", ...
 */
static char *id_of(const char *path, size_t rel)
{
	const char *p = path + rel;
	const char *base = strrchr(p, '/');
	base = base ? base + 1 : p;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - p) : strlen(p);
	return rc__strndup(p, n);
}

static size_t base_offset(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? (size_t)(s + 1 - path) : 0;
}

static uint64_t id_hash(const char *s)
{
	return rc__hash64(s, strlen(s), 0x9e3779b97f4a7c15ULL);
}

static const id_entry *id_find(const id_table *t, const char *id, uint64_t h)
{
	if (!t->cap)
		return NULL;
	for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		if (!t->slots[i].e)
			return NULL;
		if (t->slots[i].hash == h && strcmp(t->slots[i].e->id, id) == 0)
			return t->slots[i].e;
	}
}

static uint64_t id_slot_hash(const void *slot)
{
	return ((const id_slot *)slot)->hash;
}

static rc_status id_add(id_table *t, const char *id, uint64_t h, const char *path, size_t line)
{
	if (4 * (t->n + 1) > 3 * t->cap) {
		size_t nc = t->cap ? t->cap * 2 : 64;
		id_slot *ns = rc__probe_grow(t->slots, t->cap, nc, sizeof *ns, id_slot_hash);
		if (!ns)
			return RC_ERR_NOMEM;
		t->slots = ns;
		t->cap = nc;
	}
	if (path && (!t->last_path || strcmp(t->last_path, path) != 0) &&
	    !(t->last_path = rc__arena_strdup(t->a, path)))
		return RC_ERR_NOMEM;
	size_t len = strlen(id);
	id_entry *e = rc__arena_alloc(t->a, sizeof *e + len + 1);
	if (!e)
		return RC_ERR_NOMEM;
	e->path = path ? t->last_path : NULL;
	e->line = line;
	memcpy(e->id, id, len + 1);
	t->slots[rc__probe_free(t->slots, t->cap, sizeof *t->slots, h)] = (id_slot){e, h};
	t->n++;
	return RC_OK;
}

/*
 * Make doc's id unique in the run: the first document to use an id keeps
 * it; a later one becomes "id~2" (or ~3, ...) with a warning naming the
 * first.  Reading order is sorted, so the outcome does not depend on the
 * order of the command line.
 */
static rc_status unique_id(rc_reader *r, rc_document *doc)
{
	id_table *t = &r->ids;
	uint64_t h = id_hash(doc->id);
	const id_entry *first = id_find(t, doc->id, h);
	if (!first)
		return id_add(t, doc->id, h, doc->path, doc->record_line);
	const char *base = doc->id;
	char *alt = NULL;
	for (size_t k = 2;; k++) {
		if (!(alt = rc__arena_printf(doc->priv->arena, "%s~%zu", base, k)))
			return RC_ERR_NOMEM;
		if (!id_find(t, alt, id_hash(alt)))
			break;
	}
	rc_status st;
	if (first->path && first->line)
		st = rc__document_diag(doc, RC_SEV_WARNING, RC_ERR_INVALID, doc->record_line, 0,
		                       (size_t)-1, "id '%s' is already the id of %s:%zu: this document "
		                       "is '%s'", base, first->path, first->line, alt);
	else
		st = rc__document_diag(doc, RC_SEV_WARNING, RC_ERR_INVALID, doc->record_line, 0,
		                       (size_t)-1, "id '%s' is already the id of %s: this document is "
		                       "'%s'", base, first->path ? first->path : "another document",
		                       alt);
	if (st != RC_OK)
		return st;
	doc->id = alt;
	return id_add(t, alt, id_hash(alt), doc->path, doc->record_line);
}

/* ---- inputs ----------------------------------------------------------------------- */

static bool has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	return n > e && rc__eq_nocase(path + n - e, e, ext);
}

static rc_input_format format_of(const rc_reader *r, const char *path)
{
	if (r->opts.format != RC_INPUT_AUTO)
		return r->opts.format;
	if (has_ext(path, ".jsonl") || has_ext(path, ".ndjson"))
		return RC_INPUT_JSONL;
	if (has_ext(path, ".json"))
		return RC_INPUT_JSON;
	if (has_ext(path, ".html") || has_ext(path, ".htm") || has_ext(path, ".xhtml"))
		return RC_INPUT_HTML;
	return RC_INPUT_TEXT;
}

/* Deeper directories are not walked: a bind-mount loop ends here. */
#define MAX_DIR_DEPTH 64

/*
 * Append the files below dir, sorted, hidden entries skipped.  Like grep -r,
 * a symbolic link to a directory met in the walk is not followed (links can
 * make loops, and a few of them an exponential number of paths); it is
 * queued as skipped, with the reason.  Links to files are read.  A
 * directory that cannot be listed is queued as it is, so that reading it
 * makes a skipped document with the system's reason.  rel is where names
 * relative to the walked input start.
 */
static rc_status walk(pending *p, const char *dir, int depth, size_t rel)
{
	DIR *d = depth > MAX_DIR_DEPTH ? NULL : opendir(dir);
	if (!d)
		return pending_add(p, rc__strdup(dir),
		                   depth > MAX_DIR_DEPTH ? "directory nested too deep: not read" : NULL,
		                   rel, depth == 0);
	char **names = NULL;
	size_t n = 0, ncap = 0;
	rc_status st = RC_OK;
	struct dirent *e;
	bool slash = dir[0] && dir[strlen(dir) - 1] == '/';
	if (depth == 0)
		rel = strlen(dir) + !slash;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if ((st = RC_GROW(names, ncap, n + 1)) != RC_OK)
			break;
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		if (!(names[n] = malloc(len))) {
			st = RC_ERR_NOMEM;
			break;
		}
		snprintf(names[n], len, "%s%s%s", dir, slash ? "" : "/", e->d_name);
		n++;
	}
	closedir(d);
	if (st == RC_OK && n > 1)
		qsort(names, n, sizeof(char *), cmp_str);
	for (size_t i = 0; i < n && st == RC_OK; i++) {
		struct stat sb;
		const char *why = NULL;
		bool ok = lstat(names[i], &sb) == 0;
		if (ok && S_ISDIR(sb.st_mode)) {
			st = walk(p, names[i], depth + 1, rel);
			continue;
		}
		if (ok && S_ISLNK(sb.st_mode) && stat(names[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			why = "symbolic link to a directory: not followed (name it to read it)";
		st = pending_add(p, names[i], why, rel, false);
		names[i] = NULL;
	}
	free_strings(names, n);
	return st;
}

/* Read up to max + 1 bytes of fp into a malloc'd buffer. */
static rc_status read_all(FILE *fp, size_t max, char **out, size_t *len, int *err_no)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	char chunk[65536];
	size_t got;
	*err_no = 0;
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		rc_status st = rc__buf_append(&b, chunk, got);
		if (st != RC_OK) {
			rc__buf_dispose(&b);
			return st;
		}
		if (b.len > max)
			break;
	}
	if (ferror(fp)) {
		*err_no = errno ? errno : EIO;
		rc__buf_dispose(&b);
		return RC_ERR_IO;
	}
	*out = rc__buf_steal(&b, len);
	return *out ? RC_OK : RC_ERR_NOMEM;
}

/*
 * Open an input for reading.  A FIFO met in a directory walk may have no
 * writer, and a plain open() of it would wait for one forever: open it
 * without blocking, then read blocking as usual (a FIFO without a writer
 * reads as empty; one with a writer streams as a pipe).  An input named on
 * the command line is opened as cat(1) would: a FIFO there waits for its
 * writer, however late it starts.
 */
static FILE *open_input(const char *path, bool named)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | (named ? 0 : O_NONBLOCK));
	if (fd < 0)
		return NULL;
	if (!named) {
		int fl = fcntl(fd, F_GETFL);
		if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0) {
			int e = errno;
			close(fd);
			errno = e;
			return NULL;
		}
	}
	FILE *fp = fdopen(fd, "rb");
	if (!fp) {
		int e = errno;
		close(fd);
		errno = e;
	}
	return fp;
}

static const char binary_reason[] =
        "binary file (NUL, control or invalid bytes in its first 8 KiB; see docs/input.md)";

/* A file that is not read, as a skipped document with the reason. */
static rc_status skipped_file(const char *path, size_t rel, rc_status code, const char *reason,
                              rc_document **out)
{
	rc_document *doc = rc__document_new(path, 0);
	char *id = id_of(path, rel);
	rc_status st = doc && id ? RC_OK : RC_ERR_NOMEM;
	if (st == RC_OK && !(doc->id = rc__arena_strdup(doc->priv->arena, id)))
		st = RC_ERR_NOMEM;
	free(id);
	if (st == RC_OK)
		st = rc__document_skip(doc, code, 0, (size_t)-1, "%s", reason);
	if (st != RC_OK) {
		rc_document_free(doc);
		return st;
	}
	*out = doc;
	return RC_OK;
}

/*
 * A text file without a byte-order mark that is UTF-16 all the same: most
 * of its first bytes are NUL at every other position (ASCII text in
 * 16-bit units).  Named in the skip reason, with the remedy.
 */
static const char *utf16_without_bom(const unsigned char *b, size_t len)
{
	size_t n = len < 8192 ? len & ~(size_t)1 : 8192;
	if (n < 8)
		return NULL;
	size_t zero_odd = 0, zero_even = 0;
	for (size_t i = 0; i < n; i += 2) {
		zero_even += b[i] == 0;
		zero_odd += b[i + 1] == 0;
	}
	size_t units = n / 2;
	if (zero_odd * 10 >= units * 9 && zero_even * 10 < units)
		return "UTF-16LE";
	if (zero_even * 10 >= units * 9 && zero_odd * 10 < units)
		return "UTF-16BE";
	return NULL;
}

/*
 * Bytes of a whole file in UTF-16 or UTF-32 (after its byte-order mark)
 * as UTF-8, into a malloc'd buffer; *bad counts what could not be decoded
 * (unpaired surrogates, values past U+10FFFF, a cut last unit), each
 * become U+FFFD.
 */
static char *decode_all(const unsigned char *b, size_t len, enc e, size_t *out_len, size_t *bad)
{
	FILE *fp = fmemopen((void *)b, len, "rb");
	if (!fp)
		return NULL;
	stream s = {.fp = fp, .e = e, .pushed = -1, .unit = -1};
	rc_buf out;
	rc__buf_init(&out, 0);
	int c;
	bool ok = true;
	flockfile(fp);
	while (ok && (c = dec_get(&s)) != EOF)
		ok = rc__buf_putc(&out, (char)c) == RC_OK;
	funlockfile(fp);
	fclose(fp);
	*bad = s.bad_units;
	if (!ok) {
		rc__buf_dispose(&out);
		return NULL;
	}
	return rc__buf_steal(&out, out_len);
}

/* One plain-text or HTML file (or standard input) as a document. */
static rc_status read_whole_file(rc_reader *r, const char *path, size_t rel, bool named,
                                 bool html, rc_document **out)
{
	bool is_stdin = strcmp(path, "-") == 0;
	rc_document *doc = rc__document_new(path, 0);
	if (!doc)
		return RC_ERR_NOMEM;
	char *id = is_stdin ? rc__strdup("stdin") : id_of(path, rel);
	rc_status st = id && (doc->id = rc__arena_strdup(doc->priv->arena, id)) ? RC_OK
	                                                                         : RC_ERR_NOMEM;
	free(id);
	if (st != RC_OK)
		goto done;

	FILE *fp = is_stdin ? stdin : open_input(path, named);
	if (!fp) {
		st = rc__document_skip(doc, RC_ERR_IO, 0, (size_t)-1, "cannot open: %s",
		                       strerror(errno));
		goto done;
	}
	struct stat sb;
	if (!is_stdin && fstat(fileno(fp), &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			fclose(fp);
			st = rc__document_skip(doc, RC_ERR_IO, 0, (size_t)-1, "cannot read directory");
			goto done;
		}
		if (S_ISREG(sb.st_mode) && (size_t)sb.st_size > r->limits.max_document_bytes) {
			fclose(fp);
			doc->input_bytes = (size_t)sb.st_size;
			st = rc__document_skip(doc, RC_ERR_LIMIT, 0, (size_t)-1,
			                       "document is %zu bytes, over the limit of %zu "
			                       "(--max-document-bytes)",
			                       (size_t)sb.st_size, r->limits.max_document_bytes);
			goto done;
		}
	}
	char *bytes = NULL;
	size_t len = 0;
	int err_no;
	st = read_all(fp, r->limits.max_document_bytes, &bytes, &len, &err_no);
	if (!is_stdin)
		fclose(fp);
	if (st == RC_ERR_IO) {
		st = rc__document_skip(doc, RC_ERR_IO, 0, (size_t)-1, "read error: %s",
		                       strerror(err_no));
		goto done;
	}
	if (st != RC_OK)
		goto done;
	doc->input_bytes = len;
	size_t bom;
	enc e = sniff_bom((const unsigned char *)bytes, len, &bom);
	const char *no_bom;
	if (len > r->limits.max_document_bytes) {
		st = rc__document_skip(doc, RC_ERR_LIMIT, 0, (size_t)-1,
		                       "document is over the limit of %zu bytes (--max-document-bytes)",
		                       r->limits.max_document_bytes);
	} else if (len == 0) {
		st = rc__document_skip(doc, RC_ERR_INVALID, 0, (size_t)-1, "empty file");
	} else if (e != ENC_UTF8) {
		/* UTF-16 or UTF-32 with its mark: decoded, with a note */
		size_t n8 = 0, bad = 0;
		char *utf8 = decode_all((const unsigned char *)bytes + bom, len - bom, e, &n8, &bad);
		if (!utf8) {
			st = RC_ERR_NOMEM;
		} else {
			st = rc__document_diag(doc, RC_SEV_NOTE, RC_OK, 0, 0, (size_t)-1,
			                       "read as %s (byte-order mark): byte offsets count the "
			                       "text in UTF-8",
			                       enc_name[e]);
			if (st == RC_OK && bad)
				st = rc__document_diag(doc, RC_SEV_WARNING, RC_ERR_ENCODING, 0, 0,
				                       (size_t)-1, "%zu invalid %s code unit(s) replaced",
				                       bad, enc_name[e]);
			if (st == RC_OK)
				st = html ? rc__html_read(doc, utf8, n8, RC_TEXT_OFFSETS, true)
				          : rc__document_set_text(doc, utf8, n8, RC_TEXT_OFFSETS, true);
			free(utf8);
		}
	} else if ((no_bom = utf16_without_bom((const unsigned char *)bytes, len)) != NULL) {
		st = rc__document_skip(doc, RC_ERR_UNSUPPORTED, 0, (size_t)-1,
		                       "%s text without a byte-order mark: re-encode it as UTF-8 "
		                       "(iconv -f %s -t UTF-8)",
		                       no_bom, no_bom);
	} else if (rc__looks_binary(bytes, len)) {
		st = rc__document_skip(doc, RC_ERR_UNSUPPORTED, 0, (size_t)-1, "%s", binary_reason);
	} else if (html) {
		st = rc__html_read(doc, bytes, len, 0, false);
	} else {
		st = rc__document_set_text(doc, bytes, len, 0, true);
	}
	if (st == RC_OK && doc->status == RC_DOC_OK) {
		bool blank = true;
		for (size_t i = doc->body_start; i < doc->text_len && blank; i++)
			blank = rc__is_space((unsigned char)doc->text[i]);
		if (blank)
			st = rc__document_skip(doc, RC_ERR_INVALID, 0, (size_t)-1,
			                       html ? "no text (the page has no text outside markup)"
			                            : "no text (only white space)");
	}
	if (st == RC_OK && doc->status == RC_DOC_OK)
		st = rc__language_check(doc, doc->language, r->opts.any_language);
	free(bytes);
done:
	if (st != RC_OK) {
		rc_document_free(doc);
		return st;
	}
	*out = doc;
	return RC_OK;
}

/* ---- JSON records: JSON Lines and .json files ------------------------------------- */

static const char *const type_names[] = {"an object", "an array", "a string", "an integer",
                                         "a real", "true", "false", "null"};

/*
 * A JSON record as the field readers see it: a jansson tree, or the members
 * of a flat record read by the pull reader (flat_parse: strings, nulls and
 * booleans only, so that every other value goes through jansson).
 */
#define FLAT_MAX 64

typedef struct flat_member {
	const char *key;
	json_type type;      /* JSON_STRING, JSON_INTEGER, JSON_REAL, JSON_NULL, JSON_TRUE or JSON_FALSE */
	const char *s;       /* a string's value, decoded */
	size_t len;
	long long i;         /* an integer's value */
	double d;            /* a real's value */
} flat_member;

typedef struct record_obj {
	const json_t *j;     /* the tree, or NULL */
	const flat_member *m;
	size_t n;
} record_obj;

/* A value of a record: a member of either kind. */
typedef struct jv {
	const json_t *j;
	const flat_member *m;
} jv;

static json_type jv_type(jv v)
{
	return v.j ? json_typeof(v.j) : v.m->type;
}

static const char *jv_str(jv v, size_t *len)
{
	if (v.j) {
		if (len)
			*len = json_string_length(v.j);
		return json_string_value(v.j);
	}
	if (len)
		*len = v.m->len;
	return v.m->type == JSON_STRING ? v.m->s : NULL;
}

/* The value at a key, or at a dotted path of keys into nested objects
 * ("source.name") when no key has the dotted name itself.  A flat record
 * has no nested objects. */
static bool get_path(const record_obj *o, const char *key, jv *out)
{
	*out = (jv){0};
	if (!o->j) {
		for (size_t i = 0; i < o->n; i++)
			if (strcmp(o->m[i].key, key) == 0) {
				out->m = &o->m[i];
				return true;
			}
		return false;
	}
	const json_t *obj = o->j;
	const json_t *v = json_object_get(obj, key);
	if (!v && strchr(key, '.')) {
		char part[256];
		const char *p = key;
		v = obj;
		while (v && *p) {
			const char *dot = strchr(p, '.');
			size_t n = dot ? (size_t)(dot - p) : strlen(p);
			if (!json_is_object(v) || n == 0 || n >= sizeof part) {
				v = NULL;
				break;
			}
			memcpy(part, p, n);
			part[n] = '\0';
			v = json_object_get(v, part);
			p = dot ? dot + 1 : p + n;
		}
	}
	out->j = v;
	return v != NULL;
}

/* Check one candidate key: a string wins (an integer too for the id, a
 * number for the date: epoch seconds); another type is a warning, but an
 * object under a key whose dotted form is also tried ("source" holding
 * {"name": ...}) is expected and passes in silence. */
static rc_status try_key(rc_document *doc, const record_obj *obj, const char *key, rc_field f,
                         jv *found, bool *got)
{
	jv v;
	*got = false;
	if (!get_path(obj, key, &v))
		return RC_OK;
	json_type t = jv_type(v);
	if (t == JSON_NULL)
		return RC_OK;
	if (t == JSON_STRING || (f == RC_FIELD_ID && t == JSON_INTEGER) ||
	    (f == RC_FIELD_PUBLISHED && (t == JSON_INTEGER || t == JSON_REAL))) {
		*found = v;
		*got = true;
		return RC_OK;
	}
	if (t == JSON_OBJECT && f == RC_FIELD_SOURCE && strcmp(key, "source") == 0)
		return RC_OK;
	return rc__document_diag(doc, RC_SEV_WARNING, RC_ERR_INVALID, doc->record_line, 0,
	                         (size_t)-1, "field '%.200s' (%s) is %s, not a string: ignored", key,
	                         field_label[f], type_names[t]);
}

/* The i-th key to try for field f: the user's keys (--field) first, then
 * the built-in names; NULL after the last. */
static const char *field_key(const rc_reader *r, rc_field f, size_t i)
{
	const char *const *user = r->opts.field_keys[f];
	size_t nu = 0;
	while (user && user[nu])
		nu++;
	return i < nu ? user[i] : builtin_keys[f][i - nu];
}

/*
 * The value of a field: the first key with a usable value wins, and
 * wrongly typed values on the way are warnings.  *out is NULL when there
 * is none.  Numbers come back as text.
 */
static rc_status field_string(rc_reader *r, rc_document *doc, const record_obj *obj, rc_field f,
                              const char **out, size_t *len)
{
	jv v = {0};
	bool got = false;
	rc_status st = RC_OK;
	*out = NULL;
	if (len)
		*len = 0;
	const char *key = NULL;
	for (size_t i = 0; !got && st == RC_OK && (key = field_key(r, f, i)); i++)
		st = try_key(doc, obj, key, f, &v, &got);
	if (st != RC_OK || !got)
		return st;
	if (f == RC_FIELD_TEXT && r->js)
		r->js->text_key = key;
	json_type t = jv_type(v);
	if (t == JSON_INTEGER || t == JSON_REAL) {
		const char *s = t == JSON_INTEGER
		                        ? rc__arena_printf(doc->priv->arena, "%" JSON_INTEGER_FORMAT,
		                                           v.j ? json_integer_value(v.j) : (json_int_t)v.m->i)
		                        : rc__arena_printf(doc->priv->arena, "%.3f",
		                                           v.j ? json_real_value(v.j) : v.m->d);
		if (!s)
			return RC_ERR_NOMEM;
		*out = s;
		if (len)
			*len = strlen(s);
		return RC_OK;
	}
	*out = jv_str(v, len);
	return RC_OK;
}

static bool looks_like_url(const char *s)
{
	return strstr(s, "://") != NULL || strncmp(s, "www.", 4) == 0;
}

/* Host of a URL without "www.", into the arena. */
const char *rc__url_host(rc_arena *a, const char *url)
{
	const char *h = strstr(url, "://");
	h = h ? h + 3 : url;
	const char *at = h;
	while (*at && *at != '/' && *at != '@')
		at++;
	if (*at == '@')
		h = at + 1;
	size_t n = strcspn(h, "/:?#");
	if (n > 4 && rc__lower((unsigned char)h[0]) == 'w' && rc__lower((unsigned char)h[1]) == 'w' &&
	    rc__lower((unsigned char)h[2]) == 'w' && h[3] == '.') {
		h += 4;
		n -= 4;
	}
	if (!n)
		return NULL;
	char *s = rc__arena_strndup(a, h, n);
	for (char *q = s; q && *q; q++)
		*q = (char)rc__lower((unsigned char)*q);
	return s;
}

/*
 * The outlet.  Some tools put a URL in "source": a URL is never an outlet.
 * The first source key with a plain name wins; failing that, the host of
 * the first URL met (or of url).  A URL met goes to url if that is empty.
 */
static rc_status fill_source(rc_reader *r, rc_document *doc, const record_obj *obj)
{
	rc_arena *a = doc->priv->arena;
	const char *url_like = NULL, *key;
	for (size_t i = 0; (key = field_key(r, RC_FIELD_SOURCE, i)); i++) {
		jv v = {0};
		bool got;
		rc_status st = try_key(doc, obj, key, RC_FIELD_SOURCE, &v, &got);
		if (st != RC_OK)
			return st;
		const char *s = got ? jv_str(v, NULL) : NULL;
		if (!s || !*s)
			continue;
		if (!looks_like_url(s)) {
			if (!(doc->source = rc__nfc_strndup(a, s, strlen(s))))
				return RC_ERR_NOMEM;
			break;
		}
		if (!url_like)
			url_like = s;
	}
	if (url_like && !doc->url && !(doc->url = rc__arena_strdup(a, url_like)))
		return RC_ERR_NOMEM;
	if (!doc->source && (url_like || doc->url))
		doc->source = rc__url_host(a, url_like ? url_like : doc->url);
	return RC_OK;
}

rc_status rc__set_published(rc_document *doc, const char *s, size_t len, size_t line,
                            bool override)
{
	rc_arena *a = doc->priv->arena;
	int shown = (int)(len < 40 ? len : 40); /* s need not end at len */
	rc__datetime dt;
	rc_status st;
	if (!rc__parse_datetime(s, len, 0, &dt))
		return rc__document_diag(doc, RC_SEV_WARNING, RC_ERR_INVALID, line, 0, (size_t)-1,
		                         "unreadable date '%.*s': ignored", shown, s);
	if (doc->published && !override)
		return RC_OK;
	if (!(doc->published = rc__arena_strdup(a, dt.date)))
		return RC_ERR_NOMEM;
	doc->published_at = NULL;
	if (dt.at[0] && !(doc->published_at = rc__arena_strdup(a, dt.at)))
		return RC_ERR_NOMEM;
	if (dt.zone_unknown && !dt.at[0] &&
	    (st = rc__document_diag(doc, RC_SEV_NOTE, RC_OK, line, 0, (size_t)-1,
	                            "date '%.*s': time zone not known, only the date is used", shown,
	                            s)) != RC_OK)
		return st;
	if (dt.month_first_guess)
		return rc__document_diag(doc, RC_SEV_NOTE, RC_OK, line, 0, (size_t)-1,
		                         "date '%.*s' read month first, as %s (write it as YYYY-MM-DD "
		                         "to be sure)",
		                         shown, s, dt.date);
	return RC_OK;
}

/*
 * A plain-text article's header block: lines "Key: value" at the top of
 * the file, as news exporters and scrapers write them ("Title: ...",
 * "Source: Reuters", "Date: 2025-03-12", "URL: ..."), up to a blank line
 * or the first line that is not one.  The keys are the JSON Lines
 * record's (builtin_keys, case-insensitive: title, headline, source,
 * outlet, publisher, date, published, url, link, ...) and the byline's
 * (header_skip_keys, read and left out).  The first line must be one, so
 * a text that opens "LIVE: Easter Sunday blasts" has no header.
 */
static const char *const header_skip_keys[] = {"author", "byline", "by", "section", "category"};

static bool header_key(const char *k, size_t n, rc_field *out)
{
	static const rc_field fields[] = {RC_FIELD_TITLE, RC_FIELD_SOURCE, RC_FIELD_PUBLISHED,
	                                  RC_FIELD_URL};
	for (size_t f = 0; f < RC_ARRAY_LEN(fields); f++)
		for (const char *const *key = builtin_keys[fields[f]]; *key; key++)
			if (!strchr(*key, '.') && strlen(*key) == n && rc__eq_nocase(k, n, *key)) {
				*out = fields[f];
				return true;
			}
	for (size_t i = 0; i < RC_ARRAY_LEN(header_skip_keys); i++)
		if (strlen(header_skip_keys[i]) == n && rc__eq_nocase(k, n, header_skip_keys[i])) {
			*out = RC_FIELD_COUNT_;
			return true;
		}
	return false;
}

/* One header line t[0..n): its field (RC_FIELD_COUNT_ for a skipped key)
 * and its value, trimmed; false when it is no header line. */
static bool header_line(const char *t, size_t n, rc_field *f, const char **v, size_t *vn)
{
	size_t i = 0;
	while (i < n && (t[i] == ' ' || t[i] == '\t'))
		i++;
	size_t k = i;
	while (i < n && i - k <= 16 && (rc__is_alpha((unsigned char)t[i]) || t[i] == '_'))
		i++;
	if (i == k || i >= n || t[i] != ':' || !header_key(t + k, i - k, f))
		return false;
	i++;
	while (i < n && rc__is_space((unsigned char)t[i]))
		i++;
	while (n > i && rc__is_space((unsigned char)t[n - 1]))
		n--;
	*v = t + i;
	*vn = n - i;
	return true;
}

rc_status rc__header_block(rc_document *doc, const char *t, size_t len, size_t from,
                           size_t line, size_t *body)
{
	rc_arena *a = doc->priv->arena;
	size_t ls = from, end = 0;
	*body = 0;
	while (ls < len) {
		const char *nl = memchr(t + ls, '\n', len - ls);
		size_t le = nl ? (size_t)(nl - t) : len;
		rc_field f;
		const char *v;
		size_t vn;
		if (!header_line(t + ls, le - ls, &f, &v, &vn))
			break;
		rc_status st = RC_OK;
		if (vn && f == RC_FIELD_TITLE && !doc->title) {
			if (!(doc->title = rc__nfc_strndup(a, v, vn)))
				return RC_ERR_NOMEM;
			doc->priv->title_line = line;
		} else if (vn && f == RC_FIELD_URL && !doc->url) {
			if (!(doc->url = rc__arena_strndup(a, v, vn)))
				return RC_ERR_NOMEM;
		} else if (vn && f == RC_FIELD_SOURCE && !doc->source) {
			char *s = rc__nfc_strndup(a, v, vn);
			if (!s)
				return RC_ERR_NOMEM;
			if (!looks_like_url(s))
				doc->source = s;
			else if (!doc->url)
				doc->url = s; /* a URL is never an outlet: its host is, below */
		} else if (vn && f == RC_FIELD_PUBLISHED) {
			st = rc__set_published(doc, v, vn, line, false);
		}
		if (st != RC_OK)
			return st;
		end = nl ? le + 1 : le;
		line++;
		ls = end;
	}
	if (!end)
		return RC_OK;
	if (!doc->source && doc->url)
		doc->source = rc__url_host(a, doc->url);
	while (end < len && rc__is_space((unsigned char)t[end]))
		end++;
	*body = end;
	return RC_OK;
}

static rc_status fill_record(rc_reader *r, rc_document *doc, const record_obj *obj)
{
	rc_arena *a = doc->priv->arena;
	const char *s;
	size_t len;
	rc_status st;
	stream *js = r->js;

	if ((st = field_string(r, doc, obj, RC_FIELD_ID, &s, NULL)) != RC_OK)
		return st;
	if (s && *s && !(doc->id = rc__arena_strdup(a, s)))
		return RC_ERR_NOMEM;
	if (!doc->id && !(doc->id = js->single && js->json
	                                    ? rc__arena_strdup(a, js->idbase)
	                                    : rc__arena_printf(a, "%s:%zu", js->idbase,
	                                                       doc->record_line)))
		return RC_ERR_NOMEM;

	if ((st = field_string(r, doc, obj, RC_FIELD_URL, &s, NULL)) != RC_OK)
		return st;
	if (s && *s && !(doc->url = rc__arena_strdup(a, s)))
		return RC_ERR_NOMEM;
	if ((st = field_string(r, doc, obj, RC_FIELD_TITLE, &s, &len)) != RC_OK)
		return st;
	if (s && *s && !(doc->title = rc__nfc_strndup(a, s, len)))
		return RC_ERR_NOMEM;

	if ((st = fill_source(r, doc, obj)) != RC_OK)
		return st;

	if ((st = field_string(r, doc, obj, RC_FIELD_PUBLISHED, &s, &len)) != RC_OK)
		return st;
	if (s && *s && (st = rc__set_published(doc, s, len, doc->record_line, true)) != RC_OK)
		return st;
	if ((st = field_string(r, doc, obj, RC_FIELD_LANGUAGE, &s, &len)) != RC_OK)
		return st;
	if (s && *s && !(doc->language = rc__arena_strndup(a, s, len)))
		return RC_ERR_NOMEM;

	if ((st = field_string(r, doc, obj, RC_FIELD_TEXT, &s, &len)) != RC_OK)
		return st;
	if (!s)
		return rc__document_skip(doc, RC_ERR_INVALID, doc->record_line, (size_t)-1,
		                         "no text field (text, maintext, content, body, article%s)",
		                         r->opts.field_keys[RC_FIELD_TEXT] ? ", or --field text=KEY" : "");
	if (len > r->limits.max_document_bytes)
		return rc__document_skip(doc, RC_ERR_LIMIT, doc->record_line, (size_t)-1,
		                         "text is %zu bytes, over the limit of %zu (--max-document-bytes)",
		                         len, r->limits.max_document_bytes);
	/* The record was repaired before parsing; an escaped NUL (\u0000) is
	 * still possible and becomes a space, reported by text offset. */
	if ((st = rc__document_set_text(doc, s, len, RC_TEXT_OFFSETS, false)) != RC_OK)
		return st;
	bool blank = true;
	for (size_t i = 0; i < doc->text_len && blank; i++)
		blank = rc__is_space((unsigned char)doc->text[i]);
	if (blank)
		return rc__document_skip(doc, RC_ERR_INVALID, doc->record_line, (size_t)-1,
		                         "empty text");
	return rc__language_check(doc, doc->language, r->opts.any_language);
}

enum line_result { LINE_EOF, LINE_OK, LINE_LONG, LINE_IO_ERROR, LINE_NOMEM };

/* Append a byte to the record buffer; *over once the cap is passed. */
static inline bool store(rc_reader *r, char *chunk, size_t *k, int c, bool *over)
{
	if (*over)
		return true;
	chunk[(*k)++] = (char)c;
	if (*k == 4096) {
		rc_status st = rc__buf_append(&r->line, chunk, *k);
		*k = 0;
		if (st == RC_ERR_NOMEM)
			return false;
		*over = st != RC_OK;
	}
	return true;
}

/* Byte c of a line: false when the line ends at it (a newline) or it
 * cannot be kept (out of memory: *nomem). */
static inline bool line_byte(rc_reader *r, char *chunk, size_t *k, int c, bool *over, bool *nomem)
{
	if (c == '\n')
		return false;
	if (!store(r, chunk, k, c, over)) {
		*nomem = true;
		return false;
	}
	return true;
}

static bool store_flush(rc_reader *r, char *chunk, size_t *k, bool *over)
{
	if (!*over && *k) {
		rc_status st = rc__buf_append(&r->line, chunk, *k);
		if (st == RC_ERR_NOMEM)
			return false;
		*over = st != RC_OK;
	}
	*k = 0;
	return true;
}

/*
 * How many bytes fgets() read into chunk, which was filled with 0xFF
 * before: the NUL it ends with is the first one when the chunk is full or
 * a newline is before it, else (a NUL byte in the line, or the end of the
 * file) the last one, as no byte after it was written.
 */
static size_t fgets_len(const char chunk[4096])
{
	size_t n = strlen(chunk);
	if (n == 4095 || (n && chunk[n - 1] == '\n'))
		return n;
	for (n = 4096; n-- > 0 && chunk[n] != '\0';)
		;
	return n;
}

/*
 * The bytes of a UTF-8 line (no decoding, no bytes pushed back) up to its
 * newline, a chunk at a time through fgets().  Stores what line_byte()
 * would and counts the bytes read, newline included, in *total; returns
 * EOF when the file ended before a newline, else '\n'.
 */
static int utf8_line(rc_reader *r, char chunk[4096], size_t *total, bool *over, bool *nomem)
{
	FILE *fp = r->js->fp;
	for (;;) {
		memset(chunk, 0xFF, 4096);
		if (!fgets(chunk, 4096, fp))
			return EOF;
		size_t n = fgets_len(chunk);
		bool ends = n && chunk[n - 1] == '\n';
		*total += n;
		size_t keep = n - ends;
		if (!*over && keep) {
			rc_status st = rc__buf_append(&r->line, chunk, keep);
			if (st == RC_ERR_NOMEM) {
				*nomem = true;
				return '\n';
			}
			*over = st != RC_OK;
		}
		if (ends)
			return '\n';
	}
}

/*
 * Read one line into r->line, whose cap is --max-line-bytes.  A longer line
 * is read to its end and dropped (LINE_LONG), so memory stays bounded.
 * *consumed counts the file's bytes read, newline included.
 */
static enum line_result read_line(rc_reader *r, size_t *consumed)
{
	stream *s = r->js;
	rc__buf_reset(&r->line);
	bool over = false, nomem = false;
	size_t start = s->in_bytes, k = 0, total = 0;
	char chunk[4096];
	int c;
	/* one lock for the line, not one per byte */
	flockfile(s->fp);
	if (s->e == ENC_UTF8 && s->ipre >= s->npre && s->pushed < 0) {
		c = utf8_line(r, chunk, &total, &over, &nomem);
		s->in_bytes += total;
	} else {
		while ((c = dec_get(s)) != EOF) {
			total++;
			if (!line_byte(r, chunk, &k, c, &over, &nomem))
				break;
		}
	}
	funlockfile(s->fp);
	if (nomem || !store_flush(r, chunk, &k, &over))
		return LINE_NOMEM;
	*consumed = s->in_bytes - start;
	if (ferror(s->fp))
		return LINE_IO_ERROR;
	if (c == EOF && total == 0)
		return LINE_EOF;
	return over ? LINE_LONG : LINE_OK;
}

/* Skip the record just read, giving it the default id. */
static rc_status skip_record(rc_reader *r, rc_document *doc, rc_status code, size_t offset,
                             size_t line, size_t column, const char *reason)
{
	if (!doc->id &&
	    !(doc->id = r->js->single && r->js->json
	                        ? rc__arena_strdup(doc->priv->arena, r->js->idbase)
	                        : rc__arena_printf(doc->priv->arena, "%s:%zu", r->js->idbase,
	                                           doc->record_line)))
		return RC_ERR_NOMEM;
	rc_status st = rc__document_skip(doc, code, line, offset, "%s", reason);
	if (st == RC_OK)
		doc->priv->diags[doc->priv->n_diags - 1].column = column;
	return st;
}

/*
 * Read a JSON Lines record with the pull reader (src/core/jr.c) when it is
 * an object whose members are all strings, numbers, nulls or booleans, no
 * key twice: almost every article record.  No tree is built; the strings are
 * decoded in place in a copy of the record (r->scratch) and stay there
 * until the next record.  False for anything else (nested values, a key
 * given twice, more than FLAT_MAX members, any error), which jansson
 * then reads with its own semantics and error messages.
 */
static bool flat_parse(rc_reader *r, const char *data, size_t len, flat_member *m, size_t *n)
{
	rc__buf_reset(&r->scratch);
	if (rc__buf_append(&r->scratch, data, len) != RC_OK)
		return false;
	rc_jr j;
	rc__jr_init(&j, r->scratch.data, len);
	*n = 0;
	if (!rc__jr_obj(&j))
		return false;
	const char *k;
	size_t kl;
	while (rc__jr_key(&j, &k, &kl)) {
		if (*n == FLAT_MAX || strlen(k) != kl)
			return false;
		for (size_t i = 0; i < *n; i++)
			if (strcmp(m[i].key, k) == 0)
				return false;
		flat_member *x = &m[(*n)++];
		*x = (flat_member){.key = k};
		switch (rc__jr_peek(&j)) {
		case RC_JR_STRING: {
			char *v;
			if (!rc__jr_str(&j, &v, &x->len) || strlen(v) != x->len)
				return false;
			x->type = JSON_STRING;
			x->s = v;
			break;
		}
		case RC_JR_NUMBER: {
			/* as jansson reads it: an integer literal exactly (it must
			 * fit in 64 bits), anything else as a double */
			const char *at = j.p;
			bool integral;
			if (!rc__jr_num(&j, &x->d, &integral))
				return false;
			x->type = JSON_REAL;
			if (integral) {
				char lit[32];
				size_t ln = (size_t)(j.p - at);
				if (ln >= sizeof lit)
					return false;
				memcpy(lit, at, ln);
				lit[ln] = '\0';
				errno = 0;
				x->i = strtoll(lit, NULL, 10);
				if (errno)
					return false;
				x->type = JSON_INTEGER;
			}
			break;
		}
		case RC_JR_NULL:
			if (!rc__jr_null(&j))
				return false;
			x->type = JSON_NULL;
			break;
		case RC_JR_BOOL: {
			bool b;
			if (!rc__jr_bool(&j, &b))
				return false;
			x->type = b ? JSON_TRUE : JSON_FALSE;
			break;
		}
		default:
			return false;
		}
	}
	return !j.err && rc__jr_end(&j);
}

/*
 * Parse the record in r->line, which starts at byte offset (-1 when file
 * offsets are not known: a decoded UTF-16 file) on line start_line, at
 * column start_col, into doc.  The raw record is repaired first, as a plain
 * file would be: invalid UTF-8 and NUL bytes cost a warning, not the record
 * (jansson would reject them).
 */
static rc_status parse_record(rc_reader *r, rc_document *doc, size_t offset, size_t start_line,
                              size_t start_col)
{
	const char *data = r->line.data ? r->line.data : "";
	size_t len = r->line.len;
	bool known = offset != (size_t)-1;
	size_t n_bad, fixed_len = rc__repair_measure(data, len, SIZE_MAX, NULL, &n_bad);
	char *fixed = NULL;
	rc_status st = RC_OK;
	if (n_bad) {
		if (!(fixed = malloc(fixed_len)))
			return RC_ERR_NOMEM;
		st = rc__repair(doc, data, len, known ? offset : RC_TEXT_OFFSETS, fixed, &fixed_len);
		if (st == RC_OK)
			st = rc__repair_summary(doc);
	}
	/* most records are flat objects of strings: read without a tree */
	flat_member flat[FLAT_MAX];
	size_t n_flat;
	if (st == RC_OK && !r->js->json &&
	    flat_parse(r, fixed ? fixed : data, fixed ? fixed_len : len, flat, &n_flat)) {
		record_obj o = {.m = flat, .n = n_flat};
		st = fill_record(r, doc, &o);
		free(fixed);
		return st;
	}
	json_error_t jerr;
	json_t *obj = NULL;
	if (st == RC_OK)
		obj = json_loadb(fixed ? fixed : data, fixed ? fixed_len : len,
		                 JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL |
		                         (r->js->json ? JSON_DECODE_ANY : 0),
		                 &jerr);
	char reason[sizeof(jerr.text) + 32];
	if (st != RC_OK) {
		/* out of memory: nothing to add */
	} else if (!obj) {
		/* jansson's position is in the repaired record: map it back. */
		size_t pos = (size_t)jerr.position;
		if (fixed)
			rc__repair_measure(data, len, pos, &pos, NULL);
		snprintf(reason, sizeof(reason), "malformed JSON: %s", jerr.text);
		size_t line = start_line + (jerr.line > 1 ? (size_t)jerr.line - 1 : 0);
		size_t col = jerr.column > 0 ? (size_t)jerr.column : 0;
		if (col && jerr.line <= 1)
			col += start_col - 1;
		st = skip_record(r, doc, RC_ERR_PARSE, known ? offset + pos : (size_t)-1, line, col,
		                 reason);
	} else if (!json_is_object(obj)) {
		st = skip_record(r, doc, RC_ERR_PARSE, offset, start_line, 0,
		                 r->js->json ? "not a JSON object (a .json file holds one article "
		                               "object or an array of them)"
		                             : "not a JSON object");
	} else {
		record_obj o = {.j = obj};
		st = fill_record(r, doc, &o);
	}
	json_decref(obj);
	free(fixed);
	return st;
}

static bool is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!rc__is_space((unsigned char)s[i]))
			return false;
	return true;
}

/* A note that a stream's bytes were decoded from UTF-16/32, with the
 * count of undecodable units; on the stream's first record only. */
static rc_status stream_notes(stream *s, rc_document *doc, size_t bad_before)
{
	rc_status st = RC_OK;
	bool first = !s->noted;
	s->noted = true;
	if (s->e != ENC_UTF8 && first)
		st = rc__document_diag(doc, RC_SEV_NOTE, RC_OK, doc->record_line, 0, (size_t)-1,
		                       "read as %s (byte-order mark)", enc_name[s->e]);
	if (st == RC_OK && s->bad_units > bad_before)
		st = rc__document_diag(doc, RC_SEV_WARNING, RC_ERR_ENCODING, doc->record_line, 0,
		                       (size_t)-1, "%zu invalid %s code unit(s) replaced",
		                       s->bad_units - bad_before, enc_name[s->e]);
	return st;
}

/* The next record of the open JSON Lines file; *out NULL at its end. */
static rc_status next_jsonl(rc_reader *r, rc_document **out)
{
	stream *s = r->js;
	for (;;) {
		size_t consumed = 0, bad_before = s->bad_units;
		size_t line_offset = s->in_bytes;
		enum line_result got = read_line(r, &consumed);
		if (got == LINE_NOMEM)
			return RC_ERR_NOMEM;
		if (got == LINE_EOF) {
			close_stream(r);
			return RC_OK;
		}
		s->line++;
		/* Blank lines are not records. */
		if (got == LINE_OK && is_blank(r->line.data, r->line.len))
			continue;
		rc_document *doc = rc__document_new(s->path, s->line);
		if (!doc)
			return RC_ERR_NOMEM;
		doc->input_bytes = consumed + (s->noted ? 0 : s->bom);
		s->elements++;
		rc_status st;
		char reason[200];
		size_t off = s->e == ENC_UTF8 ? line_offset : (size_t)-1;
		if (got == LINE_IO_ERROR) {
			snprintf(reason, sizeof(reason), "read error: %s", strerror(errno ? errno : EIO));
			st = skip_record(r, doc, RC_ERR_IO, line_offset, s->line, 0, reason);
			close_stream(r);
			s = NULL;
		} else if (got == LINE_LONG) {
			snprintf(reason, sizeof(reason),
			         "line is %zu bytes, over the limit of %zu (--max-line-bytes)", consumed,
			         r->limits.max_line_bytes);
			st = skip_record(r, doc, RC_ERR_LIMIT, line_offset, s->line, 0, reason);
		} else {
			/* a byte-order mark counts as a column, as an editor that
			 * shows it would */
			st = parse_record(r, doc, off, s->line, s->line == 1 && s->bom ? 2 : 1);
		}
		if (st == RC_OK && s)
			st = stream_notes(s, doc, bad_before);
		if (st != RC_OK) {
			rc_document_free(doc);
			return st;
		}
		*out = doc;
		return RC_OK;
	}
}

/* ---- .json files: one article object, or an array of them ------------------------- */

/* The next byte of a .json stream, counting lines. */
static int js_get(stream *s)
{
	int c = dec_get(s);
	if (c == '\n')
		s->line++;
	return c;
}

static void js_unget(stream *s, int c)
{
	if (c == '\n')
		s->line--;
	dec_unget(s, c);
}

static int js_skip_ws(stream *s)
{
	int c;
	do
		c = js_get(s);
	while (c == ' ' || c == '\t' || c == '\r' || c == '\n');
	return c;
}

/*
 * Read one JSON value that starts with byte c into r->line (up to the
 * cap), tracking strings so that brackets inside them do not count: an
 * object or array to its matching bracket, a string to its closing quote,
 * anything else up to the next ',' ']' '}' or white space at depth 0.
 * Returns LINE_OK, LINE_LONG (read to its end, not stored), LINE_EOF
 * (the file ended inside it) or LINE_NOMEM.  The top-level keys of an
 * object and their lines go to s->keys.
 */
static enum line_result js_value(rc_reader *r, int c)
{
	stream *s = r->js;
	rc__buf_reset(&r->line);
	bool over = false, in_str = false, esc = false;
	char chunk[4096];
	size_t k = 0, depth = 0;
	bool scalar = c != '{' && c != '[' && c != '"';
	s->n_keys = 0;
	/* the key being read at depth 1, to find the text field's line */
	char key[32];
	size_t klen = 0, key_line = 0;
	bool key_ok = false, in_key = false, expect_key = c == '{';
	flockfile(s->fp);
	for (;;) {
		if (scalar && (c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\r' ||
		               c == '\t')) {
			js_unget(s, c);
			break;
		}
		if (!store(r, chunk, &k, c, &over)) {
			funlockfile(s->fp);
			return LINE_NOMEM;
		}
		if (in_str) {
			if (esc) {
				esc = false;
			} else if (c == '\\') {
				esc = true;
			} else if (c == '"') {
				in_str = false;
				if (in_key) {
					in_key = false;
					key[klen < sizeof key ? klen : sizeof key - 1] = '\0';
					key_ok = klen < sizeof key;
				}
				if (depth == 0)
					break;
			} else if (in_key && klen < sizeof key) {
				key[klen++] = (char)c;
			}
		} else if (c == '"') {
			in_str = true;
			if (depth == 1 && expect_key) {
				in_key = true;
				klen = 0;
				key_line = s->line;
			}
		} else if (c == '{' || c == '[') {
			depth++;
			if (depth == 1)
				expect_key = c == '{';
		} else if (c == '}' || c == ']') {
			if (depth && --depth == 0)
				break;
		} else if (depth == 1 && c == ':') {
			expect_key = false;
			if (key_ok && s->n_keys < RC_ARRAY_LEN(s->keys)) {
				memcpy(s->keys[s->n_keys].name, key, sizeof key);
				s->keys[s->n_keys++].line = key_line;
			}
			key_ok = false;
		} else if (depth == 1 && c == ',') {
			expect_key = true;
		}
		c = js_get(s);
		if (c == EOF) {
			funlockfile(s->fp);
			store_flush(r, chunk, &k, &over);
			return scalar ? LINE_OK : LINE_EOF;
		}
	}
	funlockfile(s->fp);
	if (!store_flush(r, chunk, &k, &over))
		return LINE_NOMEM;
	return over ? LINE_LONG : LINE_OK;
}

/* The next record of the open .json file; *out NULL at its end. */
static rc_status next_json(rc_reader *r, rc_document **out)
{
	stream *s = r->js;
	for (;;) {
		if (s->js == JS_END) {
			close_stream(r);
			return RC_OK;
		}
		size_t bad_before = s->bad_units;
		int c = js_skip_ws(s);
		const char *problem = NULL;
		if (s->js == JS_START) {
			if (c == '[') {
				s->js = JS_ARRAY;
				continue;
			}
			if (c == EOF) {
				problem = "empty file";
			} else {
				s->single = true;
				s->js = JS_SINGLE_DONE;
			}
		} else if (s->js == JS_SINGLE_DONE) {
			if (c == EOF) {
				s->js = JS_END;
				continue;
			}
			problem = "more after the JSON value (a .json file holds one article object or "
			          "an array of them; JSON Lines files end in .jsonl)";
		} else if (s->js == JS_ARRAY) {
			if (s->elements) {
				/* after an element: a comma, or the end of the array */
				if (c == ']') {
					s->js = JS_SINGLE_DONE;
					continue;
				}
				if (c == ',')
					c = js_skip_ws(s);
				else if (c != EOF)
					problem = "',' or ']' expected after an array element";
			} else if (c == ']') {
				s->js = JS_SINGLE_DONE;
				continue;
			}
			if (!problem && c == EOF)
				problem = "the file ends inside the array (']' expected)";
		}
		size_t start_line = s->line, start_offset = c == EOF ? s->in_bytes : s->cp_start;
		rc_document *doc = rc__document_new(s->path, start_line);
		if (!doc)
			return RC_ERR_NOMEM;
		rc_status st;
		size_t off = s->e == ENC_UTF8 ? start_offset : (size_t)-1;
		if (problem) {
			/* the rest of the file cannot be read: one skipped document */
			st = skip_record(r, doc, RC_ERR_PARSE, off, start_line, 0, problem);
			doc->input_bytes = 0;
			s->js = JS_END;
		} else {
			s->elements++;
			enum line_result got = js_value(r, c);
			doc->input_bytes = s->in_bytes - start_offset + (s->noted ? 0 : s->bom);
			if (got == LINE_NOMEM) {
				st = RC_ERR_NOMEM;
			} else if (got == LINE_LONG) {
				char reason[200];
				snprintf(reason, sizeof reason,
				         "record is %zu bytes, over the limit of %zu (--max-line-bytes)",
				         doc->input_bytes, r->limits.max_line_bytes);
				st = skip_record(r, doc, RC_ERR_LIMIT, off, start_line, 0, reason);
			} else if (got == LINE_EOF) {
				st = skip_record(r, doc, RC_ERR_PARSE, off, start_line, 0,
				                 "the file ends inside this value");
				s->js = JS_END;
			} else {
				s->text_key = NULL;
				st = parse_record(r, doc, off, start_line, 1);
				/* cite the line of the text, not the object's brace */
				if (st == RC_OK && s->text_key && doc->status == RC_DOC_OK) {
					size_t top = strcspn(s->text_key, ".");
					for (size_t k = 0; k < s->n_keys; k++)
						if (strlen(s->keys[k].name) == top &&
						    strncmp(s->keys[k].name, s->text_key, top) == 0) {
							doc->record_line = s->keys[k].line;
							break;
						}
				}
			}
		}
		if (st == RC_OK)
			st = stream_notes(s, doc, bad_before);
		if (st != RC_OK) {
			rc_document_free(doc);
			return st;
		}
		*out = doc;
		return RC_OK;
	}
}

/* Open a JSON Lines or .json file; a file that cannot be opened is a
 * skipped document in *skipped. */
static rc_status open_stream(rc_reader *r, const char *path, size_t rel, bool named, bool json,
                             rc_document **skipped)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *fp = is_stdin ? stdin : open_input(path, named);
	struct stat sb;
	if (fp && !is_stdin && fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(fp);
		fp = NULL;
		errno = EISDIR;
	}
	if (!fp) {
		char reason[300];
		snprintf(reason, sizeof(reason), "cannot open: %s", strerror(errno));
		return skipped_file(path, rel, RC_ERR_IO, reason, skipped);
	}
	stream *s = calloc(1, sizeof *s);
	if (!s) {
		if (!is_stdin)
			fclose(fp);
		return RC_ERR_NOMEM;
	}
	r->js = s;
	s->fp = fp;
	s->is_stdin = is_stdin;
	s->json = json;
	s->pushed = -1;
	s->unit = -1;
	s->line = json ? 1 : 0; /* .json: the line being read; JSONL: lines read */
	s->path = rc__strdup(path);
	s->idbase = is_stdin ? rc__strdup("stdin") : id_of(path, rel);
	if (!s->path || !s->idbase) {
		close_stream(r);
		return RC_ERR_NOMEM;
	}
	/* the byte-order mark, if any, says how to decode */
	int c;
	while (s->npre < 4 && (c = getc(fp)) != EOF)
		s->pre[s->npre++] = (unsigned char)c;
	s->e = sniff_bom(s->pre, s->npre, &s->bom);
	s->ipre = s->bom;
	s->in_bytes = s->bom;
	return RC_OK;
}

/* ---- the walk over the inputs ------------------------------------------------------- */

/* The next file path to read, expanding directories; NULL at the end.
 * *why says why the path is skipped unread, or is NULL. */
static rc_status next_path(rc_reader *r, const char **path, const char **why, size_t *rel,
                           bool *named)
{
	*path = *why = NULL;
	while (r->files.next >= r->files.n) {
		pending_free(&r->files);
		if (r->next_input >= r->n_inputs)
			return RC_OK;
		const char *in = r->inputs[r->next_input++];
		struct stat sb;
		/* A directory named on the command line is walked even when it
		 * is reached through a symbolic link. */
		rc_status st = strcmp(in, "-") != 0 && stat(in, &sb) == 0 && S_ISDIR(sb.st_mode)
		                       ? walk(&r->files, in, 0, 0)
		                       : pending_add(&r->files, rc__strdup(in), NULL, base_offset(in),
		                                     true);
		if (st != RC_OK)
			return st;
	}
	size_t i = r->files.next++;
	*why = r->files.why[i];
	*path = r->files.paths[i];
	*rel = r->files.rel[i];
	*named = r->files.named[i];
	return RC_OK;
}

static rc_status next_doc(rc_reader *r, rc_document **out)
{
	*out = NULL;
	for (;;) {
		if (r->js) {
			rc_status st = r->js->json ? next_json(r, out) : next_jsonl(r, out);
			if (st != RC_OK || *out)
				return st;
			continue;
		}
		const char *path, *why;
		size_t rel = 0;
		bool named = false;
		rc_status st = next_path(r, &path, &why, &rel, &named);
		if (st != RC_OK || !path)
			return st;
		if (why)
			return skipped_file(path, rel, RC_ERR_UNSUPPORTED, why, out);
		rc_input_format f = format_of(r, path);
		if (f == RC_INPUT_JSONL || f == RC_INPUT_JSON) {
			if ((st = open_stream(r, path, rel, named, f == RC_INPUT_JSON, out)) != RC_OK ||
			    *out)
				return st;
			continue;
		}
		return read_whole_file(r, path, rel, named, f == RC_INPUT_HTML, out);
	}
}

rc_status rc_reader_next(rc_reader *r, rc_document **out, rc_error *err)
{
	rc_status st = next_doc(r, out);
	if (st != RC_OK)
		return rc__error_set(err, st, "reading documents: %s", rc_status_str(st));
	if (!*out)
		return RC_OK;
	rc_document *doc = *out;
	doc->seq = r->seq++;
	st = unique_id(r, doc);
	if (st == RC_OK && r->limits.max_documents && doc->seq >= r->limits.max_documents &&
	    doc->status == RC_DOC_OK) {
		/* Past the limit a document is still counted, not processed. */
		doc->text = "";
		doc->text_len = 0;
		doc->body_start = 0;
		st = rc__document_skip(doc, RC_ERR_LIMIT, doc->record_line, (size_t)-1,
		                       "over the limit of %zu documents (--max-documents)",
		                       r->limits.max_documents);
	}
	if (st != RC_OK) {
		rc_document_free(doc);
		*out = NULL;
		return rc__error_set(err, st, "out of memory");
	}
	return RC_OK;
}
