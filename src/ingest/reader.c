/*
 * The streaming reader: walks inputs in sorted order (directories
 * recursively, hidden entries and links to directories skipped), reads
 * plain-text files whole and JSON Lines batches one line at a time (each
 * line capped and repaired before jansson parses it), and hands out one
 * document per call.  Anything that cannot be read becomes a skipped document with its
 * reason, so every input is accounted for.
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
#include "ingest/ingest-priv.h"

/* Built-in JSONL key names per field, tried after the user's (--field). */
static const char *const builtin_keys[RC_FIELD_COUNT_][7] = {
	[RC_FIELD_ID] = {"id", "_id", "doc_id", NULL},
	[RC_FIELD_URL] = {"url", "link", "source_url", NULL},
	[RC_FIELD_TITLE] = {"title", "headline", NULL},
	[RC_FIELD_TEXT] = {"text", "maintext", "content", "body", "article", NULL},
	[RC_FIELD_SOURCE] = {"source", "source_domain", "sitename", "hostname", "outlet",
	                     "publisher", NULL},
	[RC_FIELD_PUBLISHED] = {"published", "date", "date_publish", "pubDate",
	                        "published_at", "publish_date", NULL},
};

static const char *const field_label[RC_FIELD_COUNT_] = {
	"id", "url", "title", "text", "source", "published",
};

typedef struct pending {
	char **paths;        /* files still to read, in order (owned) */
	const char **why;    /* per path: NULL, or why it is skipped unread (static) */
	size_t n, next, cap;
} pending;

struct rc_reader {
	rc_ingest_options opts;
	rc_limits limits;
	char **inputs;       /* sorted copies */
	size_t n_inputs, next_input;
	pending files;       /* expansion of the current input */
	/* the JSON Lines file being read, if any */
	FILE *jsonl;
	char *jsonl_path;
	char *jsonl_stem;
	size_t jsonl_line;
	size_t jsonl_offset;
	rc_buf line;
	size_t seq;
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
	memset(p, 0, sizeof(*p));
}

/* Queue a path (taken over, freed on failure too); why as in pending. */
static rc_status pending_add(pending *p, char *path, const char *why)
{
	if (!path)
		return RC_ERR_NOMEM;
	size_t cap = p->cap;
	if (RC_GROW(p->paths, cap, p->n + 1) != RC_OK ||
	    RC_GROW(p->why, p->cap, p->n + 1) != RC_OK) {
		free(path);
		return RC_ERR_NOMEM;
	}
	p->paths[p->n] = path;
	p->why[p->n++] = why;
	return RC_OK;
}

rc_status rc_reader_new(rc_reader **out, const rc_ingest_options *opts,
                        const char *const *inputs, size_t n, rc_error *err)
{
	*out = NULL;
	rc_reader *r = calloc(1, sizeof(*r));
	if (!r)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	if (opts)
		r->opts = *opts;
	r->limits = r->opts.limits;
	if (!r->limits.max_document_bytes)
		r->limits.max_document_bytes = RC_DEFAULT_MAX_DOCUMENT_BYTES;
	if (!r->limits.max_line_bytes)
		r->limits.max_line_bytes = RC_DEFAULT_MAX_LINE_BYTES;
	r->inputs = calloc(n ? n : 1, sizeof(char *));
	if (!r->inputs)
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		if (!(r->inputs[i] = rc__strdup(inputs[i])))
			goto nomem;
		r->n_inputs++;
	}
	qsort(r->inputs, r->n_inputs, sizeof(char *), cmp_str);
	rc__buf_init(&r->line, r->limits.max_line_bytes);
	*out = r;
	return RC_OK;
nomem:
	rc_reader_free(r);
	return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
}

static void close_jsonl(rc_reader *r)
{
	if (r->jsonl && r->jsonl != stdin)
		fclose(r->jsonl);
	r->jsonl = NULL;
	free(r->jsonl_path);
	free(r->jsonl_stem);
	r->jsonl_path = r->jsonl_stem = NULL;
}

void rc_reader_free(rc_reader *r)
{
	if (!r)
		return;
	close_jsonl(r);
	free_strings(r->inputs, r->n_inputs);
	pending_free(&r->files);
	rc__buf_dispose(&r->line);
	free(r);
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* File name without directory and extension. */
static char *stem_of(const char *path)
{
	const char *b = base_name(path);
	const char *dot = strrchr(b, '.');
	size_t n = dot && dot != b ? (size_t)(dot - b) : strlen(b);
	return rc__strndup(b, n);
}

static bool has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	return n > e && rc__eq_nocase(path + n - e, e, ext);
}

static bool is_jsonl(const rc_reader *r, const char *path)
{
	if (r->opts.format == RC_INPUT_JSONL)
		return true;
	if (r->opts.format == RC_INPUT_TEXT)
		return false;
	return has_ext(path, ".jsonl") || has_ext(path, ".ndjson");
}

/* Deeper directories are not walked: a bind-mount loop ends here. */
#define MAX_DIR_DEPTH 64

/*
 * Append the files below dir, sorted, hidden entries skipped.  Like grep -r,
 * a symbolic link to a directory met in the walk is not followed (links can
 * make loops, and a few of them an exponential number of paths); it is
 * queued as skipped, with the reason.  Links to files are read.  A
 * directory that cannot be listed is queued as it is, so that reading it
 * makes a skipped document with the system's reason.
 */
static rc_status walk(pending *p, const char *dir, int depth)
{
	DIR *d = depth > MAX_DIR_DEPTH ? NULL : opendir(dir);
	if (!d)
		return pending_add(p, rc__strdup(dir),
		                   depth > MAX_DIR_DEPTH ? "directory nested too deep: not read" : NULL);
	char **names = NULL;
	size_t n = 0, ncap = 0;
	rc_status st = RC_OK;
	struct dirent *e;
	bool slash = dir[0] && dir[strlen(dir) - 1] == '/';
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
			st = walk(p, names[i], depth + 1);
			continue;
		}
		if (ok && S_ISLNK(sb.st_mode) && stat(names[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			why = "symbolic link to a directory: not followed (name it to read it)";
		st = pending_add(p, names[i], why);
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
 * Open an input for reading.  A FIFO met in a directory walk has no writer,
 * and a plain open() of it would wait for one forever: open without
 * blocking, then read blocking as usual (a FIFO without a writer reads as
 * empty; one with a writer, such as bash's <(...), streams as a pipe).
 */
static FILE *open_input(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return NULL;
	}
	FILE *fp = fdopen(fd, "rb");
	if (!fp) {
		int e = errno;
		close(fd);
		errno = e;
	}
	return fp;
}

static rc_status set_id(rc_document *doc, const char *id)
{
	doc->id = rc__arena_strdup(doc->priv->arena, id);
	return doc->id ? RC_OK : RC_ERR_NOMEM;
}

static const char binary_reason[] =
        "binary file (NUL, control or invalid bytes in its first 8 KiB; see docs/input.md)";

/* A file that is not read, as a skipped document with the reason. */
static rc_status skipped_file(const char *path, rc_status code, const char *reason,
                              rc_document **out)
{
	rc_document *doc = rc__document_new(path, 0);
	char *stem = stem_of(path);
	rc_status st = doc && stem ? set_id(doc, stem) : RC_ERR_NOMEM;
	free(stem);
	if (st == RC_OK)
		st = rc__document_skip(doc, code, 0, (size_t)-1, "%s", reason);
	if (st != RC_OK) {
		rc_document_free(doc);
		return st;
	}
	*out = doc;
	return RC_OK;
}

/* One plain-text file (or standard input) as a document. */
static rc_status read_text_file(rc_reader *r, const char *path, rc_document **out)
{
	bool is_stdin = strcmp(path, "-") == 0;
	rc_document *doc = rc__document_new(path, 0);
	if (!doc)
		return RC_ERR_NOMEM;
	char *stem = is_stdin ? rc__strdup("stdin") : stem_of(path);
	rc_status st = stem ? set_id(doc, stem) : RC_ERR_NOMEM;
	free(stem);
	if (st != RC_OK)
		goto done;

	FILE *fp = is_stdin ? stdin : open_input(path);
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
	if (len > r->limits.max_document_bytes) {
		st = rc__document_skip(doc, RC_ERR_LIMIT, 0, (size_t)-1,
		                       "document is over the limit of %zu bytes (--max-document-bytes)",
		                       r->limits.max_document_bytes);
	} else if (len == 0) {
		st = rc__document_skip(doc, RC_ERR_INVALID, 0, (size_t)-1, "empty file");
	} else if (rc__looks_binary(bytes, len)) {
		st = rc__document_skip(doc, RC_ERR_UNSUPPORTED, 0, (size_t)-1, "%s", binary_reason);
	} else {
		st = rc__document_set_text(doc, bytes, len, 0, true);
		if (st == RC_OK) {
			bool blank = true;
			for (size_t i = doc->body_start; i < doc->text_len && blank; i++)
				blank = rc__is_space((unsigned char)doc->text[i]);
			if (blank)
				st = rc__document_skip(doc, RC_ERR_INVALID, 0, (size_t)-1,
				                       "no text (only white space)");
		}
	}
	free(bytes);
done:
	if (st != RC_OK) {
		rc_document_free(doc);
		return st;
	}
	*out = doc;
	return RC_OK;
}

/* ---- JSON Lines ---------------------------------------------------------- */

static const char *const type_names[] = {"an object", "an array", "a string", "an integer",
                                         "a real", "true", "false", "null"};

/* Check one candidate key: a string wins; another type is a warning. */
static rc_status try_key(rc_document *doc, const json_t *obj, const char *key, rc_field f,
                         const json_t **found)
{
	const json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return RC_OK;
	if (json_is_string(v) || (f == RC_FIELD_ID && json_is_integer(v))) {
		*found = v;
		return RC_OK;
	}
	return rc__document_diag(doc, RC_SEV_WARNING, RC_ERR_INVALID, doc->record_line, 0,
	                         (size_t)-1, "field '%s' (%s) is %s, not a string: ignored", key,
	                         field_label[f], type_names[json_typeof(v)]);
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
 * The string value of a field: the first key with a string value wins, and
 * wrongly typed values on the way are warnings.  *out is NULL when there is
 * none.
 */
static rc_status field_string(rc_reader *r, rc_document *doc, const json_t *obj, rc_field f,
                              const char **out, size_t *len)
{
	const json_t *v = NULL;
	rc_status st = RC_OK;
	*out = NULL;
	if (len)
		*len = 0;
	const char *key;
	for (size_t i = 0; !v && st == RC_OK && (key = field_key(r, f, i)); i++)
		st = try_key(doc, obj, key, f, &v);
	if (st != RC_OK || !v)
		return st;
	if (json_is_integer(v)) {
		doc->id = rc__arena_printf(doc->priv->arena, "%" JSON_INTEGER_FORMAT,
		                           json_integer_value(v));
		return doc->id ? RC_OK : RC_ERR_NOMEM;
	}
	*out = json_string_value(v);
	if (len)
		*len = json_string_length(v);
	return RC_OK;
}

static bool looks_like_url(const char *s)
{
	return strstr(s, "://") != NULL || strncmp(s, "www.", 4) == 0;
}

/* Host of a URL without "www.", into the arena. */
static const char *url_host(rc_arena *a, const char *url)
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
static rc_status fill_source(rc_reader *r, rc_document *doc, const json_t *obj)
{
	rc_arena *a = doc->priv->arena;
	const char *url_like = NULL, *key;
	for (size_t i = 0; (key = field_key(r, RC_FIELD_SOURCE, i)); i++) {
		const json_t *v = NULL;
		rc_status st = try_key(doc, obj, key, RC_FIELD_SOURCE, &v);
		if (st != RC_OK)
			return st;
		const char *s = v ? json_string_value(v) : NULL;
		if (!s || !*s)
			continue;
		if (!looks_like_url(s)) {
			if (!(doc->source = rc__arena_strdup(a, s)))
				return RC_ERR_NOMEM;
			break;
		}
		if (!url_like)
			url_like = s;
	}
	if (url_like && !doc->url && !(doc->url = rc__arena_strdup(a, url_like)))
		return RC_ERR_NOMEM;
	if (!doc->source && (url_like || doc->url))
		doc->source = url_host(a, url_like ? url_like : doc->url);
	return RC_OK;
}

static rc_status fill_record(rc_reader *r, rc_document *doc, json_t *obj)
{
	rc_arena *a = doc->priv->arena;
	const char *s;
	size_t len;
	rc_status st;

	if ((st = field_string(r, doc, obj, RC_FIELD_ID, &s, NULL)) != RC_OK)
		return st;
	if (s && *s && !(doc->id = rc__arena_strdup(a, s)))
		return RC_ERR_NOMEM;
	if (!doc->id &&
	    !(doc->id = rc__arena_printf(a, "%s:%zu", r->jsonl_stem, doc->record_line)))
		return RC_ERR_NOMEM;

	if ((st = field_string(r, doc, obj, RC_FIELD_URL, &s, NULL)) != RC_OK)
		return st;
	if (s && *s && !(doc->url = rc__arena_strdup(a, s)))
		return RC_ERR_NOMEM;
	if ((st = field_string(r, doc, obj, RC_FIELD_TITLE, &s, NULL)) != RC_OK)
		return st;
	if (s && *s && !(doc->title = rc__arena_strdup(a, s)))
		return RC_ERR_NOMEM;

	if ((st = fill_source(r, doc, obj)) != RC_OK)
		return st;

	if ((st = field_string(r, doc, obj, RC_FIELD_PUBLISHED, &s, &len)) != RC_OK)
		return st;
	if (s && *s) {
		char date[11];
		if (rc__parse_date(s, len, date)) {
			if (!(doc->published = rc__arena_strdup(a, date)))
				return RC_ERR_NOMEM;
		} else if ((st = rc__document_diag(doc, RC_SEV_WARNING, RC_ERR_INVALID,
		                                   doc->record_line, 0, (size_t)-1,
		                                   "unreadable date '%.40s': ignored", s)) != RC_OK) {
			return st;
		}
	}

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
	/* The line was repaired before parsing; an escaped NUL (\u0000) is
	 * still possible and becomes a space, reported by text offset. */
	if ((st = rc__document_set_text(doc, s, len, RC_TEXT_OFFSETS, false)) != RC_OK)
		return st;
	bool blank = true;
	for (size_t i = 0; i < doc->text_len && blank; i++)
		blank = rc__is_space((unsigned char)doc->text[i]);
	if (blank)
		return rc__document_skip(doc, RC_ERR_INVALID, doc->record_line, (size_t)-1,
		                         "empty text");
	return RC_OK;
}

enum line_result { LINE_EOF, LINE_OK, LINE_LONG, LINE_IO_ERROR, LINE_NOMEM };

/*
 * Read one line into r->line, whose cap is --max-line-bytes.  A longer line
 * is read to its end and dropped (LINE_LONG), so memory stays bounded.
 * *consumed counts the bytes read, newline included.
 */
static enum line_result read_line(rc_reader *r, size_t *consumed)
{
	rc__buf_reset(&r->line);
	bool over = false;
	size_t total = 0, k = 0;
	char chunk[4096];
	int c;
	/* one lock for the line, not one per byte */
	flockfile(r->jsonl);
	while ((c = getc_unlocked(r->jsonl)) != EOF) {
		total++;
		if (c == '\n')
			break;
		if (over)
			continue;
		chunk[k++] = (char)c;
		if (k == sizeof(chunk)) {
			rc_status st = rc__buf_append(&r->line, chunk, k);
			if (st == RC_ERR_NOMEM) {
				funlockfile(r->jsonl);
				return LINE_NOMEM;
			}
			over = st != RC_OK;
			k = 0;
		}
	}
	funlockfile(r->jsonl);
	if (!over && k) {
		rc_status st = rc__buf_append(&r->line, chunk, k);
		if (st == RC_ERR_NOMEM)
			return LINE_NOMEM;
		over = st != RC_OK;
	}
	*consumed = total;
	if (ferror(r->jsonl))
		return LINE_IO_ERROR;
	if (c == EOF && total == 0)
		return LINE_EOF;
	return over ? LINE_LONG : LINE_OK;
}

/* Skip the record of the current line, giving it the default id. */
static rc_status skip_record(rc_reader *r, rc_document *doc, rc_status code, size_t offset,
                             size_t column, const char *reason)
{
	if (!doc->id && !(doc->id = rc__arena_printf(doc->priv->arena, "%s:%zu", r->jsonl_stem,
	                                             r->jsonl_line)))
		return RC_ERR_NOMEM;
	rc_status st = rc__document_skip(doc, code, r->jsonl_line, offset, "%s", reason);
	if (st == RC_OK)
		doc->priv->diags[doc->priv->n_diags - 1].column = column;
	return st;
}

/*
 * Parse the line in r->line (starting at line_offset in the file) into doc.
 * The raw line is repaired first, as a plain file would be: invalid UTF-8
 * and NUL bytes cost a warning, not the record (jansson would reject it).
 */
static rc_status parse_record(rc_reader *r, rc_document *doc, size_t line_offset)
{
	const char *data = r->line.data;
	size_t len = r->line.len, bom = 0;
	if (r->jsonl_line == 1 && len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		bom = 3;
	data += bom;
	len -= bom;
	size_t n_bad, fixed_len = rc__repair_measure(data, len, SIZE_MAX, NULL, &n_bad);
	char *fixed = NULL;
	rc_status st = RC_OK;
	if (n_bad) {
		if (!(fixed = malloc(fixed_len)))
			return RC_ERR_NOMEM;
		st = rc__repair(doc, data, len, line_offset + bom, fixed, &fixed_len);
		if (st == RC_OK)
			st = rc__repair_summary(doc);
	}
	json_error_t jerr;
	json_t *obj = NULL;
	if (st == RC_OK)
		obj = json_loadb(fixed ? fixed : data, fixed ? fixed_len : len,
		                 JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
	char reason[sizeof(jerr.text) + 32];
	if (st != RC_OK) {
		/* out of memory: nothing to add */
	} else if (!obj) {
		/* jansson's position is in the repaired line: map it back. */
		size_t pos = (size_t)jerr.position;
		if (fixed)
			rc__repair_measure(data, len, pos, &pos, NULL);
		snprintf(reason, sizeof(reason), "malformed JSON: %s", jerr.text);
		st = skip_record(r, doc, RC_ERR_PARSE, line_offset + bom + pos,
		                 jerr.column > 0 ? (size_t)jerr.column + (bom ? 1 : 0) : 0, reason);
	} else if (!json_is_object(obj)) {
		st = skip_record(r, doc, RC_ERR_PARSE, line_offset, 0, "not a JSON object");
	} else {
		st = fill_record(r, doc, obj);
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

/* The next record of the open JSON Lines file; *out NULL at its end. */
static rc_status next_jsonl(rc_reader *r, rc_document **out)
{
	for (;;) {
		size_t consumed = 0;
		enum line_result got = read_line(r, &consumed);
		size_t line_offset = r->jsonl_offset;
		r->jsonl_offset += consumed;
		if (got == LINE_NOMEM)
			return RC_ERR_NOMEM;
		if (got == LINE_EOF) {
			close_jsonl(r);
			return RC_OK;
		}
		r->jsonl_line++;
		/* Blank lines are not records. */
		if (got == LINE_OK && is_blank(r->line.data, r->line.len))
			continue;
		rc_document *doc = rc__document_new(r->jsonl_path, r->jsonl_line);
		if (!doc)
			return RC_ERR_NOMEM;
		doc->input_bytes = consumed;
		rc_status st;
		char reason[200];
		if (got == LINE_IO_ERROR) {
			snprintf(reason, sizeof(reason), "read error: %s", strerror(errno ? errno : EIO));
			st = skip_record(r, doc, RC_ERR_IO, line_offset, 0, reason);
			close_jsonl(r);
		} else if (got == LINE_LONG) {
			snprintf(reason, sizeof(reason),
			         "line is %zu bytes, over the limit of %zu (--max-line-bytes)", consumed,
			         r->limits.max_line_bytes);
			st = skip_record(r, doc, RC_ERR_LIMIT, line_offset, 0, reason);
		} else {
			st = parse_record(r, doc, line_offset);
		}
		if (st != RC_OK) {
			rc_document_free(doc);
			return st;
		}
		*out = doc;
		return RC_OK;
	}
}

static rc_status open_jsonl(rc_reader *r, const char *path, rc_document **skipped)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *fp = is_stdin ? stdin : open_input(path);
	struct stat sb;
	if (fp && !is_stdin && fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(fp);
		fp = NULL;
		errno = EISDIR;
	}
	if (!fp) {
		char reason[300];
		snprintf(reason, sizeof(reason), "cannot open: %s", strerror(errno));
		return skipped_file(path, RC_ERR_IO, reason, skipped);
	}
	r->jsonl = fp;
	r->jsonl_path = rc__strdup(path);
	r->jsonl_stem = is_stdin ? rc__strdup("stdin") : stem_of(path);
	r->jsonl_line = 0;
	r->jsonl_offset = 0;
	if (!r->jsonl_path || !r->jsonl_stem) {
		close_jsonl(r);
		return RC_ERR_NOMEM;
	}
	return RC_OK;
}

/* The next file path to read, expanding directories; NULL at the end.
 * *why says why the path is skipped unread, or is NULL. */
static rc_status next_path(rc_reader *r, const char **path, const char **why)
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
		                       ? walk(&r->files, in, 0)
		                       : pending_add(&r->files, rc__strdup(in), NULL);
		if (st != RC_OK)
			return st;
	}
	*why = r->files.why[r->files.next];
	*path = r->files.paths[r->files.next++];
	return RC_OK;
}

static rc_status next_doc(rc_reader *r, rc_document **out)
{
	*out = NULL;
	for (;;) {
		if (r->jsonl) {
			rc_status st = next_jsonl(r, out);
			if (st != RC_OK || *out)
				return st;
			continue;
		}
		const char *path, *why;
		rc_status st = next_path(r, &path, &why);
		if (st != RC_OK || !path)
			return st;
		if (why)
			return skipped_file(path, RC_ERR_UNSUPPORTED, why, out);
		if (is_jsonl(r, path)) {
			if ((st = open_jsonl(r, path, out)) != RC_OK || *out)
				return st;
			continue;
		}
		return read_text_file(r, path, out);
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
	if (r->limits.max_documents && doc->seq >= r->limits.max_documents &&
	    doc->status == RC_DOC_OK) {
		/* Past the limit a document is still counted, not processed. */
		doc->text = "";
		doc->text_len = 0;
		doc->body_start = 0;
		st = rc__document_skip(doc, RC_ERR_LIMIT, doc->record_line, (size_t)-1,
		                       "over the limit of %zu documents (--max-documents)",
		                       r->limits.max_documents);
		if (st != RC_OK) {
			rc_document_free(doc);
			*out = NULL;
			return rc__error_set(err, st, "out of memory");
		}
	}
	return RC_OK;
}
