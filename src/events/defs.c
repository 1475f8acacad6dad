/*
 * Events stage: user-defined events (--events FILE, docs/events.md).
 *
 * The file is JSON: {"events": [{"id", "label", "date", "place", "type",
 * "aliases": [...]}]} (or just the array).  An alias is a phrase matched as
 * whole words regardless of case, or a PCRE2 pattern written "/.../flags".
 * Every alias is compiled once here (with JIT when available); matching
 * runs under a match context with match and depth limits so that no
 * pattern can hang on hostile text.  Errors name the file, the line of the
 * offending value and the reason.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "events/events-int.h"

/*
 * Limits.  One alias match may take at most MATCH_LIMIT steps (PCRE2's
 * match limit) and DEPTH_LIMIT of depth: generous for sane patterns, fatal
 * for catastrophic backtracking.  A match is first tried under the
 * smaller limits of MATCH_TIERS, and charged the limit it finished under;
 * a document's aliases together may be charged DOC_BUDGET steps, after
 * which the remaining aliases are not tried on it (with a warning).  The
 * budget counts steps, not time, so the result does not depend on the
 * machine or the load.
 */
enum { MATCH_LIMIT = 200000, DEPTH_LIMIT = 2000, MAX_FILE = 16 << 20 };
static const uint32_t MATCH_TIERS[] = {1000, 20000, MATCH_LIMIT};
#define DOC_BUDGET 50000000ull
enum { MAX_HITS_PER_ALIAS = 1000, MAX_LIMIT_WARNINGS = 8 };

/* ---- lines of JSON values ------------------------------------------- */

/* jansson keeps object keys in file order but not where values start, so a
 * small scanner walks the (already validated) text in the same pre-order
 * and records the line of every value. */
typedef struct scan {
	const char *p, *end;
	size_t line;
	size_t *lines;
	size_t n, cap;
	bool nomem;
} scan;

static void ws(scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r')) {
		if (*s->p == '\n')
			s->line++;
		s->p++;
	}
}

static void skip_string(scan *s)
{
	s->p++;
	while (s->p < s->end && *s->p != '"') {
		if (*s->p == '\\' && s->p + 1 < s->end)
			s->p++;
		s->p++;
	}
	if (s->p < s->end)
		s->p++;
}

static void value(scan *s, int depth)
{
	ws(s);
	if (depth > 256) {
		/* deeper than jansson reads anyway: stop mapping lines */
		s->p = s->end;
		return;
	}
	if (s->p >= s->end)
		return;
	if (RC_GROW(s->lines, s->cap, s->n + 1) != RC_OK) {
		s->nomem = true;
		return;
	}
	s->lines[s->n++] = s->line;
	char c = *s->p;
	if (c == '{' || c == '[') {
		char close = c == '{' ? '}' : ']';
		s->p++;
		for (;;) {
			ws(s);
			if (s->p >= s->end || *s->p == close) {
				s->p++;
				return;
			}
			if (c == '{') {
				skip_string(s);
				ws(s);
				if (s->p < s->end && *s->p == ':')
					s->p++;
			}
			const char *before = s->p;
			value(s, depth + 1);
			ws(s);
			if (s->p < s->end && *s->p == ',')
				s->p++;
			if (s->p == before && s->p < s->end)
				s->p++; /* a stray byte: always make progress */
		}
	}
	if (c == '"') {
		skip_string(s);
		return;
	}
	while (s->p < s->end && !strchr(",]} \t\r\n", *s->p))
		s->p++;
}

typedef struct vline {
	const json_t *v;
	size_t line;
} vline;

typedef struct loader {
	const char *name;
	vline *map;
	size_t n_map, cap_map, next;
	const size_t *lines;
	size_t n_lines;
	rc_event_defs *defs;
	rc_error *err;
} loader;

static bool pair(loader *L, const json_t *v, int depth)
{
	if (depth > 256)
		return true;
	if (RC_GROW(L->map, L->cap_map, L->n_map + 1) != RC_OK)
		return false;
	L->map[L->n_map++] = (vline){v, L->next < L->n_lines ? L->lines[L->next] : 0};
	L->next++;
	if (json_is_object(v)) {
		const char *k;
		json_t *x;
		json_object_foreach((json_t *)v, k, x)
			if (!pair(L, x, depth + 1))
				return false;
	} else if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v); i++)
			if (!pair(L, json_array_get(v, i), depth + 1))
				return false;
	}
	return true;
}

static size_t line_of(const loader *L, const json_t *v)
{
	for (size_t i = 0; i < L->n_map; i++)
		if (L->map[i].v == v)
			return L->map[i].line;
	return 0;
}

static rc_status fail(loader *L, const json_t *at, const char *fmt, ...) RC_PRINTF(3, 4);
static rc_status fail(loader *L, const json_t *at, const char *fmt, ...)
{
	char msg[240];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return rc__error_at(L->err, RC_ERR_PARSE, L->name, line_of(L, at), 0, (size_t)-1, "%s", msg);
}

/* ---- aliases ------------------------------------------------------- */

/* A plain alias as a caseless pattern matched on word boundaries.  Built
 * in a growable buffer: an escaped character takes two bytes and a space
 * three ("\\s+"), so no fixed multiple of the alias length is safe. */
static char *word_pattern(const char *w)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	rc_status st = rc__buf_puts(&b, "(?<![\\w])");
	for (size_t i = 0; w[i] && st == RC_OK; i++) {
		if (w[i] == ' ') {
			st = rc__buf_puts(&b, "\\s+");
			while (w[i + 1] == ' ')
				i++;
			continue;
		}
		if (strchr("\\^$.|?*+()[]{}-#/", w[i]))
			st = rc__buf_putc(&b, '\\');
		if (st == RC_OK)
			st = rc__buf_putc(&b, w[i]);
	}
	if (st == RC_OK)
		st = rc__buf_puts(&b, "(?![\\w])");
	if (st != RC_OK) {
		rc__buf_dispose(&b);
		return NULL;
	}
	return rc__buf_steal(&b, NULL);
}

static rc_status compile_alias(loader *L, ev_def *d, const json_t *v)
{
	const char *s = json_string_value(v);
	if (!s || !*s)
		return fail(L, v, "event \"%s\": an alias must be a non-empty string", d->id);
	uint32_t opts = PCRE2_UTF;
	char *pat = NULL;
	const char *last = strrchr(s, '/');
	if (s[0] == '/' && last && last > s) {
		for (const char *f = last + 1; *f; f++) {
			switch (*f) {
			case 'i': opts |= PCRE2_CASELESS; break;
			case 'x': opts |= PCRE2_EXTENDED; break;
			case 's': opts |= PCRE2_DOTALL; break;
			case 'm': opts |= PCRE2_MULTILINE; break;
			default:
				return fail(L, v, "alias %s: unknown pattern flag '%c'", s, *f);
			}
		}
		pat = rc__strndup(s + 1, (size_t)(last - s - 1));
	} else {
		opts |= PCRE2_CASELESS;
		pat = word_pattern(s);
	}
	if (!pat)
		return rc__error_set(L->err, RC_ERR_NOMEM, "out of memory");
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, opts, &ec, &eo, NULL);
	free(pat);
	if (!code) {
		PCRE2_UCHAR buf[160];
		pcre2_get_error_message(ec, buf, sizeof buf);
		return fail(L, v, "alias %s: bad pattern: %s at offset %zu", s, (const char *)buf,
		            (size_t)eo);
	}
	/* falls back to the interpreter on failure; RC_PCRE2_NO_JIT turns the
	 * JIT off for memcheck, which cannot see that its vector reads past a
	 * subject's end are safe (docs/robustness.md) */
	if (!getenv("RC_PCRE2_NO_JIT"))
		pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	d->pat_src[d->n_pats] = rc__arena_strdup(L->defs->arena, s);
	d->pat_line[d->n_pats] = line_of(L, v);
	d->pats[d->n_pats++] = code;
	if (!d->pat_src[d->n_pats - 1])
		return rc__error_set(L->err, RC_ERR_NOMEM, "out of memory");
	return RC_OK;
}

static rc_status opt_string(loader *L, const json_t *e, const char *key, const char *id, char **out)
{
	const json_t *v = json_object_get(e, key);
	*out = NULL;
	if (!v || json_is_null(v))
		return RC_OK;
	if (!json_is_string(v))
		return fail(L, v, "event \"%s\": \"%s\" must be a string", id, key);
	if (!(*out = rc__arena_strdup(L->defs->arena, json_string_value(v))))
		return rc__error_set(L->err, RC_ERR_NOMEM, "out of memory");
	return RC_OK;
}

static bool valid_date(const char *s)
{
	size_t n = strlen(s);
	if (n != 7 && n != 10)
		return false;
	for (size_t i = 0; i < n; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !rc__is_digit((unsigned char)s[i]))
			return false;
	int m = atoi(s + 5), d = n == 10 ? atoi(s + 8) : 1;
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static rc_status load_entry(loader *L, const json_t *arr, size_t idx)
{
	rc_event_defs *D = L->defs;
	ev_def *d = &D->defs[D->n];
	const json_t *e = json_array_get(arr, idx);
	if (!json_is_object(e))
		return fail(L, e, "event %zu: expected an object", idx + 1);
	const json_t *id = json_object_get(e, "id");
	if (!id || !json_is_string(id) || !*json_string_value(id))
		return fail(L, id ? id : e, "event %zu: missing \"id\" (a non-empty string)", idx + 1);
	const char *ids = json_string_value(id);
	for (size_t i = 0; i < idx; i++) {
		const json_t *o = json_object_get(json_array_get(arr, i), "id");
		if (json_is_string(o) && strcmp(json_string_value(o), ids) == 0)
			return fail(L, id, "duplicate event id \"%s\" (first defined on line %zu)", ids,
			            line_of(L, o));
	}
	rc_status st;
	d->id = rc__arena_strdup(D->arena, ids);
	if (!d->id)
		return rc__error_set(L->err, RC_ERR_NOMEM, "out of memory");
	if ((st = opt_string(L, e, "label", ids, &d->label)) != RC_OK ||
	    (st = opt_string(L, e, "date", ids, &d->date)) != RC_OK ||
	    (st = opt_string(L, e, "place", ids, &d->place)) != RC_OK ||
	    (st = opt_string(L, e, "type", ids, &d->type)) != RC_OK)
		return st;
	if (d->date && !valid_date(d->date))
		return fail(L, json_object_get(e, "date"),
		            "event \"%s\": date \"%s\" is not YYYY-MM-DD or YYYY-MM", ids, d->date);
	const json_t *al = json_object_get(e, "aliases");
	if (al && !json_is_array(al))
		return fail(L, al, "event \"%s\": \"aliases\" must be a list", ids);
	d->pats = rc__arena_calloc(D->arena, json_array_size(al) + 1, sizeof(*d->pats));
	d->pat_src = rc__arena_calloc(D->arena, json_array_size(al) + 1, sizeof(*d->pat_src));
	d->pat_line = rc__arena_calloc(D->arena, json_array_size(al) + 1, sizeof(*d->pat_line));
	if (!d->pats || !d->pat_src || !d->pat_line)
		return rc__error_set(L->err, RC_ERR_NOMEM, "out of memory");
	D->n++; /* counted now so that rc_event_defs_free() releases its patterns */
	for (size_t i = 0; i < json_array_size(al); i++)
		if ((st = compile_alias(L, d, json_array_get(al, i))) != RC_OK)
			return st;
	return RC_OK;
}

void rc_event_defs_free(rc_event_defs *defs)
{
	if (!defs)
		return;
	for (size_t i = 0; i < defs->n; i++)
		for (size_t k = 0; k < defs->defs[i].n_pats; k++)
			pcre2_code_free(defs->defs[i].pats[k]);
	pcre2_match_context_free(defs->mctx);
	rc__arena_free(defs->arena);
	free(defs);
}

rc_status rc_event_defs_load_buffer(rc_event_defs **out, const char *json, size_t len,
                                    const char *name, rc_error *err)
{
	*out = NULL;
	if (!name)
		name = "events";
	json_error_t je;
	json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		return rc__error_at(err, RC_ERR_PARSE, name, (size_t)(je.line > 0 ? je.line : 0),
		                    (size_t)(je.column > 0 ? je.column : 0), (size_t)je.position,
		                    "invalid JSON: %s", je.text);
	loader L = {.name = name, .err = err};
	scan s = {.p = json, .end = json + len, .line = 1};
	value(&s, 0);
	L.lines = s.lines;
	L.n_lines = s.n;
	rc_status st = RC_OK;
	rc_event_defs *D = calloc(1, sizeof(*D));
	if (!D || s.nomem || !pair(&L, root, 0) || !(D->arena = rc__arena_new(4096)) ||
	    !(D->mctx = pcre2_match_context_create(NULL)) ||
	    !(D->name = rc__arena_strdup(D->arena, name))) {
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		goto out;
	}
	L.defs = D;
	pcre2_set_match_limit(D->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(D->mctx, DEPTH_LIMIT);
	const json_t *arr = json_is_array(root) ? root : json_object_get(root, "events");
	if (!json_is_array(arr)) {
		st = fail(&L, json_is_object(root) && arr ? arr : root,
		          "expected a list of events, or an object with \"events\": [...]");
		goto out;
	}
	size_t n = json_array_size(arr);
	if (!(D->defs = rc__arena_calloc(D->arena, n + 1, sizeof(*D->defs)))) {
		st = rc__error_set(err, RC_ERR_NOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n && st == RC_OK; i++)
		st = load_entry(&L, arr, i);
out:
	free(s.lines);
	free(L.map);
	json_decref(root);
	if (st != RC_OK) {
		rc_event_defs_free(D);
		return st;
	}
	*out = D;
	return RC_OK;
}

static rc_status parse_defs(void *out, const char *text, size_t len, const char *path,
                            rc_error *err)
{
	return rc_event_defs_load_buffer(out, text, len, path, err);
}

rc_status rc_event_defs_load_file(rc_event_defs **out, const char *path, rc_error *err)
{
	*out = NULL;
	return rc__file_parse(path, MAX_FILE, "events file", parse_defs, out, err);
}

const ev_def *rc__ev_def_find(const rc_event_defs *defs, const char *id)
{
	for (size_t i = 0; defs && id && i < defs->n; i++)
		if (strcmp(defs->defs[i].id, id) == 0)
			return &defs->defs[i];
	return NULL;
}

bool rc__ev_def_match(const rc_event_defs *defs, const ev_def *def, const char *subject,
                      size_t start, size_t end, pcre2_match_data *md, size_t *ms, size_t *me)
{
	bool found = false;
	for (size_t k = 0; k < def->n_pats; k++) {
		int rc = pcre2_match(def->pats[k], (PCRE2_SPTR)subject, end, start, 0, md, defs->mctx);
		if (rc < 0)
			continue; /* no match, or a limit hit: treated as no match */
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		if (!found || ov[0] < *ms) {
			*ms = ov[0];
			*me = ov[1];
			found = true;
		}
	}
	return found;
}

/*
 * Every match of every alias in text[0..len), each alias scanned once over
 * the whole text (not once per mention), under the document's budget.  A
 * pattern that hits a PCRE2 limit stops matching on this document, and
 * one warning names it; when the budget runs out, one warning names the
 * alias it ran out on and the rest are not tried.
 */
rc_status rc__ev_defs_scan(const rc_event_defs *defs, const char *text, size_t len,
                           rc_arena *a, ev_defscan *out)
{
	memset(out, 0, sizeof *out);
	if (!defs || !defs->n)
		return RC_OK;
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	pcre2_match_context *mc = pcre2_match_context_copy(defs->mctx);
	size_t cap = 0, wcap = 0;
	rc_status st = md && mc ? RC_OK : RC_ERR_NOMEM;
	unsigned long long spent = 0;
	size_t limited = 0;
	for (size_t d = 0; d < defs->n && st == RC_OK; d++) {
		const ev_def *def = &defs->defs[d];
		for (size_t k = 0; k < def->n_pats && st == RC_OK; k++) {
			size_t off = 0, hits = 0;
			const char *why = NULL;
			while (off <= len && hits < MAX_HITS_PER_ALIAS) {
				int rc = PCRE2_ERROR_MATCHLIMIT;
				for (size_t t = 0; t < RC_ARRAY_LEN(MATCH_TIERS); t++) {
					if (spent + MATCH_TIERS[t] > DOC_BUDGET) {
						why = "budget";
						break;
					}
					spent += MATCH_TIERS[t];
					pcre2_set_match_limit(mc, MATCH_TIERS[t]);
					rc = pcre2_match(def->pats[k], (PCRE2_SPTR)text, len, off, 0, md, mc);
					if (rc != PCRE2_ERROR_MATCHLIMIT && rc != PCRE2_ERROR_DEPTHLIMIT &&
					    rc != PCRE2_ERROR_HEAPLIMIT)
						break;
				}
				if (why)
					break;
				if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
				    rc == PCRE2_ERROR_HEAPLIMIT) {
					why = rc == PCRE2_ERROR_MATCHLIMIT ? "the PCRE2 match limit"
					      : rc == PCRE2_ERROR_DEPTHLIMIT ? "the PCRE2 depth limit"
					                                     : "the PCRE2 heap limit";
					break;
				}
				if (rc < 0)
					break; /* no (further) match */
				PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
				if (RC_GROW(out->hits, cap, out->n_hits + 1) != RC_OK) {
					st = RC_ERR_NOMEM;
					break;
				}
				out->hits[out->n_hits++] = (ev_defhit){ov[0], ov[1], d};
				hits++;
				/* on past an empty match, and past a UTF-8 character */
				off = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
				while (off < len && ((unsigned char)text[off] & 0xC0) == 0x80)
					off++;
			}
			if (!why || st != RC_OK)
				continue;
			bool budget = strcmp(why, "budget") == 0;
			/* a few by name, then how many more */
			if (!budget && ++limited > MAX_LIMIT_WARNINGS)
				continue;
			char *msg = budget
			    ? rc__arena_printf(a, "--events: this document's pattern budget (%llu match "
			                          "steps) ran out at alias %s of event \"%s\" (%s:%zu); "
			                          "it and the aliases after it were not tried on it",
			                       DOC_BUDGET, def->pat_src[k], def->id, defs->name,
			                       def->pat_line[k])
			    : rc__arena_printf(a, "--events: alias %s of event \"%s\" (%s:%zu) hit %s "
			                          "on this document and did not match from here on",
			                       def->pat_src[k], def->id, defs->name, def->pat_line[k], why);
			if (!msg || RC_GROW(out->warn, wcap, out->n_warn + 1) != RC_OK) {
				st = RC_ERR_NOMEM;
				break;
			}
			out->warn[out->n_warn++] = (ev_defwarn){msg, budget ? (size_t)-1 : off};
			if (budget)
				d = defs->n, k = def->n_pats; /* stop: nothing more is tried */
		}
	}
	if (st == RC_OK && limited > MAX_LIMIT_WARNINGS) {
		char *msg = rc__arena_printf(a, "--events: %zu more aliases hit a PCRE2 limit on this "
		                                "document and did not match",
		                             limited - MAX_LIMIT_WARNINGS);
		if (!msg || RC_GROW(out->warn, wcap, out->n_warn + 1) != RC_OK)
			st = RC_ERR_NOMEM;
		else
			out->warn[out->n_warn++] = (ev_defwarn){msg, (size_t)-1};
	}
	pcre2_match_data_free(md);
	pcre2_match_context_free(mc);
	if (st != RC_OK) {
		free(out->hits);
		free(out->warn);
		memset(out, 0, sizeof *out);
	}
	return st;
}
