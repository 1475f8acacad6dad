/*
 * The CI gate (`recount check`): policies over a reconciled result, a diff
 * against a baseline report, and the findings as text, GitHub Actions
 * workflow commands, JUnit XML or SARIF 2.1.0.  docs/report.md ("recount
 * check") documents the policies and each output.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <recount/check.h>
#include "report/report-priv.h"

/* ---- policies ------------------------------------------------------------------ */

static const char *const policy_names[] = {"contradiction", "new-contradiction", "spread", "unlinked", "skipped"};

const char *rc_policy_kind_str(rc_policy_kind k)
{
	return (unsigned)k < RC_ARRAY_LEN(policy_names) ? policy_names[k] : "unknown";
}

/* "NAME=PCT" or "NAME=PCT%": a percentage, at least 0. */
static bool parse_pct(const char *text, size_t skip, double *out)
{
	char *end;
	double v = rc__strtod(text + skip, &end);
	if (*end == '%')
		end++;
	if (end == text + skip || *end || !(v >= 0) || isinf(v))
		return false;
	*out = v;
	return true;
}

rc_status rc_policy_parse(const char *text, rc_policy *out, rc_error *err)
{
	memset(out, 0, sizeof *out);
	if (!text)
		return rc__error_set(err, RC_ERR_INVALID, "empty policy");
	if (strncmp(text, "spread=", 7) == 0) {
		if (!parse_pct(text, 7, &out->pct))
			return rc__error_set(err, RC_ERR_INVALID,
			                     "policy '%s': spread wants a percentage, e.g. spread=50", text);
		out->kind = RC_POLICY_SPREAD;
		return RC_OK;
	}
	if (strncmp(text, "skipped=", 8) == 0) {
		if (!parse_pct(text, 8, &out->pct) || out->pct > 100)
			return rc__error_set(err, RC_ERR_INVALID,
			                     "policy '%s': skipped wants a percentage from 0 to 100, "
			                     "e.g. skipped=5", text);
		out->kind = RC_POLICY_SKIPPED;
		return RC_OK;
	}
	/* "conflict" and "new-conflict" are the old names */
	if (strcmp(text, "conflict") == 0)
		text = policy_names[RC_POLICY_CONFLICT];
	else if (strcmp(text, "new-conflict") == 0)
		text = policy_names[RC_POLICY_NEW_CONFLICT];
	for (size_t i = 0; i < RC_ARRAY_LEN(policy_names); i++)
		if (i != RC_POLICY_SPREAD && strcmp(text, policy_names[i]) == 0) {
			out->kind = (rc_policy_kind)i;
			return RC_OK;
		}
	return rc__error_set(err, RC_ERR_INVALID,
	                     "unknown policy '%s' (contradiction, new-contradiction, spread=PCT, unlinked, "
	                     "skipped[=PCT])", text);
}

/* ---- conflict identity ------------------------------------------------------------ */

/*
 * A conflict is the same across runs when it has the same event, metric,
 * kind and figures: a figure being its time window and interval (not the
 * claims that stand for it, which change as reports are added), and for a
 * dispute the sources on each side (their figures move as the dispute goes
 * on).  The key sorts its items, so their order does not matter.
 */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *conflict_key(const char *event, const char *metric, const char *kind,
                          char **items, size_t n)
{
	qsort(items, n, sizeof *items, cmp_str);
	rc_buf b;
	rc__buf_init(&b, 0);
	rc__buf_printf(&b, "%s\x1e%s\x1e%s", event ? event : "", metric ? metric : "", kind);
	for (size_t i = 0; i < n; i++) {
		rc__buf_putc(&b, '\x1e');
		rc__buf_puts(&b, items[i]);
	}
	return rc__buf_steal(&b, NULL);
}

/* A figure of a conflict: "date\x1f[84, 103]". */
static char *figure_item(const char *date, const rc_interval *iv)
{
	char s[128];
	rc__interval_report(iv, s, sizeof s);
	rc_buf b;
	rc__buf_init(&b, 0);
	rc__buf_puts(&b, date ? date : "undated");
	rc__buf_putc(&b, '\x1f');
	rc__buf_puts(&b, s);
	return rc__buf_steal(&b, NULL);
}

/* A claim across runs: its document id and figure text (not its offsets). */
static char *claim_key(const char *doc, const char *text)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	rc__buf_puts(&b, doc ? doc : "");
	rc__buf_putc(&b, '\x1f');
	rc__buf_puts(&b, text ? text : "");
	return rc__buf_steal(&b, NULL);
}

/* A side of a dispute: whom it cites (lower case), else its outlet. */
static char *side_item(const char *attribution, const char *source)
{
	const char *s = attribution ? attribution : source ? source : "";
	char *k = rc__strdup(s);
	for (char *p = k; p && *p; p++)
		*p = (char)rc__lower((unsigned char)*p);
	return k;
}

static char *current_conflict_key(const rc_event *ev, const rc_metric_result *m, const rc_conflict *c)
{
	char **items = calloc(c->n_claims ? c->n_claims : 1, sizeof *items);
	if (!items)
		return NULL;
	bool ok = true;
	for (size_t i = 0; i < c->n_claims; i++) {
		const rc_claim_ref *r = c->claims[i];
		items[i] = c->kind == RC_CONFLICT_DISPUTE ? side_item(r->claim->attribution, rc__ref_source(r))
		                                          : figure_item(c->figures[i]->date, rc_figure_effective(c->figures[i]));
		ok &= items[i] != NULL;
	}
	char *k = ok ? conflict_key(ev->id, m->metric, rc_conflict_kind_str(c->kind), items, c->n_claims) : NULL;
	for (size_t i = 0; i < c->n_claims; i++)
		free(items[i]);
	free(items);
	return k;
}

/* ---- the baseline ---------------------------------------------------------------- */

/* A growing list of malloc'd strings: the diff's arrays, handed to the
 * result as they are. */
typedef struct strlist {
	char **s;
	size_t n, cap;
} strlist;

/* Takes s (NULL: out of memory); false when out of memory. */
static bool list_add(strlist *l, char *s)
{
	if (!s)
		return false;
	if (RC_GROW(l->s, l->cap, l->n + 1) != RC_OK) {
		free(s);
		return false;
	}
	l->s[l->n++] = s;
	return true;
}

/* What the baseline holds, as sets over strings kept in its arena. */
typedef struct baseline {
	rc_arena *a;
	rc_strset events;      /* ids */
	rc_strset conflicts;   /* conflict keys */
	rc_strset ranges;      /* "event\x1emetric\x1e<interval>" */
} baseline;

/* Takes s (a malloc'd key, NULL: out of memory) into the baseline's arena
 * and set; false when out of memory. */
static bool bl_add(baseline *bl, rc_strset *set, char *s)
{
	char *kept = s ? rc__arena_strdup(bl->a, s) : NULL;
	free(s);
	return kept && rc__strset_add(set, kept) >= 0;
}

static void bl_free(baseline *bl)
{
	rc__strset_free(&bl->events);
	rc__strset_free(&bl->conflicts);
	rc__strset_free(&bl->ranges);
	rc__arena_free(bl->a);
	bl->a = NULL;
}

/*
 * The baseline is read strictly: a member of the wrong type (an event id
 * that is a number, a range bound that is a string, a conflict without a
 * kind) is an error naming the file and the member, never skipped in
 * silence, for a baseline that quietly loses events would make their
 * conflicts look new (or old ones vanish).  Members the baseline does not
 * use are not looked at.
 */
/* Where in the baseline, as "events[2].metrics.killed.range.lo" (cut
 * when long: it only names the member in a message). */
#define WHERE_SIZE 600
static void where_at(char *w, const char *fmt, ...) RC_PRINTF(2, 3);
static void where_at(char *w, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(w, WHERE_SIZE, fmt, ap);
	va_end(ap);
}

typedef struct bl_reader {
	const char *path;
	rc_error *err;
	rc_status st;
} bl_reader;

static bool bl_fail(bl_reader *r, const char *where, const char *what, const json_t *v)
{
	static const char *const type_names[] = {
		[JSON_OBJECT] = "an object", [JSON_ARRAY] = "an array", [JSON_STRING] = "a string",
		[JSON_INTEGER] = "a number", [JSON_REAL] = "a number", [JSON_TRUE] = "true",
		[JSON_FALSE] = "false", [JSON_NULL] = "null",
	};
	if (r->st == RC_OK)
		r->st = rc__error_at(r->err, RC_ERR_PARSE, r->path, 0, 0, (size_t)-1,
		                     "baseline: %s should be %s, not %s", where, what,
		                     v ? type_names[json_typeof(v)] : "missing");
	return false;
}

static bool bl_interval(bl_reader *r, const json_t *o, const char *where, rc_interval *iv)
{
	char w[WHERE_SIZE];
	if (!json_is_object(o))
		return bl_fail(r, where, "an interval object", o);
	memset(iv, 0, sizeof *iv);
	static const char *const ends[] = {"lo", "hi"};
	for (size_t i = 0; i < 2; i++) {
		const json_t *v = json_object_get(o, ends[i]);
		where_at(w, "%s.%s", where, ends[i]);
		if (v && !json_is_number(v) && !json_is_null(v))
			return bl_fail(r, w, "a number or null", v);
		bool inf = !json_is_number(v);
		double x = inf ? 0 : json_number_value(v);
		if (i == 0) {
			iv->lo_inf = inf;
			iv->lo = x;
		} else {
			iv->hi_inf = inf;
			iv->hi = x;
		}
	}
	static const char *const incl[] = {"lo_incl", "hi_incl"};
	for (size_t i = 0; i < 2; i++) {
		const json_t *v = json_object_get(o, incl[i]);
		where_at(w, "%s.%s", where, incl[i]);
		if (v && !json_is_boolean(v))
			return bl_fail(r, w, "true or false", v);
		if (i == 0)
			iv->lo_incl = json_is_true(v);
		else
			iv->hi_incl = json_is_true(v);
	}
	return true;
}

static char *range_key(const char *event, const char *metric, const rc_interval *iv)
{
	char s[128];
	rc__interval_report(iv, s, sizeof s);
	rc_buf b;
	rc__buf_init(&b, 0);
	rc__buf_printf(&b, "%s\x1e%s\x1e%s", event, metric, s);
	return rc__buf_steal(&b, NULL);
}

/* An item of a baseline conflict (see current_conflict_key): for a
 * dispute, its k-th claim's source; else its k-th figure, an index into the
 * metric's "figures". */
static bool baseline_item(bl_reader *r, const json_t *c, size_t k, const json_t *figures, bool dispute,
                          const char *where, char **key)
{
	char w[WHERE_SIZE];
	*key = NULL;
	if (dispute) {
		const json_t *cl = json_array_get(json_object_get(c, "claims"), k);
		where_at(w, "%s.claims[%zu]", where, k);
		if (!json_is_object(cl))
			return bl_fail(r, w, "a claim object", cl);
		static const char *const keys[] = {"attribution", "source", "doc"};
		for (size_t i = 0; i < 3; i++) {
			const json_t *v = json_object_get(cl, keys[i]);
			where_at(w, "%s.claims[%zu].%s", where, k, keys[i]);
			if (v && !json_is_string(v) && !json_is_null(v))
				return bl_fail(r, w, "a string or null", v);
		}
		const char *src = json_string_value(json_object_get(cl, "source"));
		*key = side_item(json_string_value(json_object_get(cl, "attribution")),
		                 src ? src : json_string_value(json_object_get(cl, "doc")));
		return *key != NULL;
	}
	const json_t *fi = json_array_get(json_object_get(c, "figures"), k);
	where_at(w, "%s.figures[%zu]", where, k);
	if (!json_is_integer(fi) || json_integer_value(fi) < 0 ||
	    (size_t)json_integer_value(fi) >= json_array_size(figures))
		return bl_fail(r, w, "the index of one of the metric's figures", fi);
	const json_t *f = json_array_get(figures, (size_t)json_integer_value(fi));
	const json_t *date = json_object_get(f, "date");
	where_at(w, "%s.figures[%zu] (a figure)", where, k);
	rc_interval iv;
	if (!bl_interval(r, f, w, &iv))
		return false;
	where_at(w, "%s.figures[%zu] (a figure).date", where, k);
	if (date && !json_is_string(date) && !json_is_null(date))
		return bl_fail(r, w, "a string or null", date);
	*key = figure_item(json_string_value(date), &iv);
	return *key != NULL;
}

static bool load_metric(bl_reader *r, baseline *bl, const char *id, const char *name,
                        const json_t *m, const char *where)
{
	char w[WHERE_SIZE];
	if (!json_is_object(m))
		return bl_fail(r, where, "an object", m);
	bool ok = true;
	const json_t *range = json_object_get(m, "range");
	where_at(w, "%s.range", where);
	rc_interval iv;
	if (range && !bl_interval(r, range, w, &iv))
		return false;
	if (range)
		ok &= bl_add(bl, &bl->ranges, range_key(id, name, &iv));
	const json_t *conflicts = json_object_get(m, "conflicts"), *figures = json_object_get(m, "figures");
	where_at(w, "%s.figures", where);
	if (figures && !json_is_array(figures))
		return bl_fail(r, w, "an array", figures);
	where_at(w, "%s.conflicts", where);
	if (conflicts && !json_is_array(conflicts))
		return bl_fail(r, w, "an array", conflicts);
	size_t k;
	const json_t *c;
	json_array_foreach(conflicts, k, c) {
		where_at(w, "%s.conflicts[%zu]", where, k);
		if (!json_is_object(c))
			return bl_fail(r, w, "an object", c);
		const json_t *kind = json_object_get(c, "kind");
		where_at(w, "%s.conflicts[%zu].kind", where, k);
		if (!json_is_string(kind))
			return bl_fail(r, w, "a string", kind);
		bool dispute = strcmp(json_string_value(kind), "dispute") == 0;
		const json_t *items = json_object_get(c, dispute ? "claims" : "figures");
		/* a baseline written before conflicts listed their figures has no
		 * keys for them: they all count as new (docs/report.md) */
		if (!items && !dispute)
			continue;
		where_at(w, "%s.conflicts[%zu].%s", where, k, dispute ? "claims" : "figures");
		if (!json_is_array(items))
			return bl_fail(r, w, "an array", items);
		where_at(w, "%s.conflicts[%zu]", where, k);
		size_t n = json_array_size(items);
		char **keys = calloc(n ? n : 1, sizeof *keys);
		if (!keys)
			return false;
		size_t got = 0;
		bool good = true;
		for (size_t j = 0; good && j < n; j++) {
			good = baseline_item(r, c, j, figures, dispute, w, &keys[got]);
			got += good;
		}
		if (good)
			ok &= bl_add(bl, &bl->conflicts, conflict_key(id, name, json_string_value(kind), keys, got));
		for (size_t j = 0; j < got; j++)
			free(keys[j]);
		free(keys);
		if (!good)
			return false;
	}
	return ok;
}

static rc_status load_baseline(baseline *bl, const char *path, rc_error *err)
{
	json_error_t je;
	json_t *root = json_load_file(path, 0, &je);
	if (!root)
		return rc__error_at(err, RC_ERR_PARSE, path, (size_t)(je.line > 0 ? je.line : 0),
		                    (size_t)(je.column > 0 ? je.column : 0), (size_t)je.position,
		                    "baseline: %s", je.text);
	const char *schema = json_string_value(json_object_get(root, "schema"));
	const json_t *events = json_object_get(root, "events");
	if (!schema || strncmp(schema, "recount.report/", 15) != 0) {
		json_decref(root);
		return rc__error_at(err, RC_ERR_PARSE, path, 0, 0, (size_t)-1,
		                    "baseline: not a recount report (write one with recount report --format json)");
	}
	if (!(bl->a = rc__arena_new(1 << 12))) {
		json_decref(root);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory reading the baseline");
	}
	bl_reader r = {.path = path, .err = err};
	bool ok = true, nomem = false;
	char w[WHERE_SIZE];
	if (!json_is_array(events))
		ok = bl_fail(&r, "events", "an array", events);
	size_t i;
	const json_t *ev;
	json_array_foreach(events, i, ev) {
		if (!ok)
			break;
		where_at(w, "events[%zu]", i);
		if (!json_is_object(ev)) {
			ok = bl_fail(&r, w, "an object", ev);
			break;
		}
		const json_t *idv = json_object_get(ev, "id"), *metrics = json_object_get(ev, "metrics");
		where_at(w, "events[%zu].id", i);
		if (!json_is_string(idv)) {
			ok = bl_fail(&r, w, "a string", idv);
			break;
		}
		const char *id = json_string_value(idv);
		where_at(w, "events[%zu].metrics", i);
		if (metrics && !json_is_object(metrics)) {
			ok = bl_fail(&r, w, "an object", metrics);
			break;
		}
		nomem |= !bl_add(bl, &bl->events, rc__strdup(id));
		const char *name;
		const json_t *m;
		json_object_foreach((json_t *)metrics, name, m) {
			where_at(w, "events[%zu].metrics.%s", i, name);
			if (!load_metric(&r, bl, id, name, m, w)) {
				ok = false;
				break;
			}
		}
	}
	json_decref(root);
	if (r.st != RC_OK)
		return r.st;
	return ok && !nomem ? RC_OK : rc__error_set(err, RC_ERR_NOMEM, "out of memory reading the baseline");
}

/* ---- checking ------------------------------------------------------------------------ */

typedef struct checker {
	rc_check_result *c;
	size_t cap;
	bool nomem;
} checker;

/* What a finding is about, for its id: see rc_finding.id.  Positions are
 * left out on purpose. */
static char *finding_key(const rc_finding *f, const rc_event *ev, const rc_metric_result *m)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	rc__buf_puts(&b, rc_policy_kind_str(f->policy));
	rc__buf_putc(&b, '\x1d');
	if (f->conflict && ev && m) {
		char *k = current_conflict_key(ev, m, f->conflict);
		if (!k) {
			rc__buf_dispose(&b);
			return NULL;
		}
		rc__buf_puts(&b, k);
		free(k);
	} else if (f->policy == RC_POLICY_SKIPPED) {
		rc__buf_puts(&b, f->doc && f->doc->doc ? f->doc->doc : "\x1dno document");
	} else {
		rc__buf_printf(&b, "%s\x1e%s", f->event ? f->event : "", f->metric ? f->metric : "");
		if (f->at) {
			char *ck = claim_key(f->at->rec->doc, f->at->claim->text);
			rc__buf_putc(&b, '\x1e');
			rc__buf_puts(&b, ck ? ck : "");
			rc__buf_putc(&b, '\x1e');
			rc__buf_puts(&b, f->at->claim->metric ? f->at->claim->metric : "");
			free(ck);
		}
	}
	return b.data ? rc__buf_steal(&b, NULL) : NULL;
}

/* Add a finding (msg is consumed); its id holds its key until assign_ids(). */
static void add_finding_doc(checker *k, rc_policy_kind p, const rc_event *ev,
                            const rc_metric_result *m, const rc_conflict *cf,
                            const rc_claim_ref *at, const rc_record *doc, rc_buf *msg)
{
	if (k->nomem || !msg->data || RC_GROW(k->c->findings, k->cap, k->c->n_findings + 1) != RC_OK) {
		k->nomem = true;
		rc__buf_dispose(msg);
		return;
	}
	rc_finding *f = &k->c->findings[k->c->n_findings];
	*f = (rc_finding){
		.policy = p, .event = ev ? ev->id : NULL, .metric = m ? m->metric : NULL,
		.conflict = cf, .at = at, .doc = doc, .message = rc__buf_steal(msg, NULL),
	};
	f->id = finding_key(f, ev, m);
	k->c->n_findings++;
	if (!f->message || !f->id)
		k->nomem = true;
}

static void add_finding(checker *k, rc_policy_kind p, const rc_event *ev, const rc_metric_result *m,
                        const rc_conflict *cf, const rc_claim_ref *at, rc_buf *msg)
{
	add_finding_doc(k, p, ev, m, cf, at, NULL, msg);
}

static int cmp_finding_id(const void *pa, const void *pb)
{
	const rc_finding *a = *(rc_finding *const *)pa, *b = *(rc_finding *const *)pb;
	int c = strcmp(a->id, b->id);
	return c ? c : (a > b) - (a < b);
}

/* Every finding's id: its policy and the hash of its key.  Findings about
 * the same thing (the same figure quoted twice in one article) get "-2",
 * "-3", ... in the order they were found, so ids are unique. */
static bool assign_ids(rc_check_result *c)
{
	for (size_t i = 0; i < c->n_findings; i++) {
		rc_finding *f = &c->findings[i];
		char *id = malloc(strlen(rc_policy_kind_str(f->policy)) + 1 + 16 + 1);
		if (!id)
			return false;
		sprintf(id, "%s/%016llx", rc_policy_kind_str(f->policy),
		        (unsigned long long)rc__hash64(f->id, strlen(f->id), 0));
		free(f->id);
		f->id = id;
	}
	rc_finding **by_id = malloc((c->n_findings ? c->n_findings : 1) * sizeof *by_id);
	if (!by_id)
		return false;
	for (size_t i = 0; i < c->n_findings; i++)
		by_id[i] = &c->findings[i];
	rc__qsort(by_id, c->n_findings, sizeof *by_id, cmp_finding_id);
	bool ok = true;
	for (size_t start = 0, i = 1; ok && i < c->n_findings; i++) {
		if (strcmp(by_id[i]->id, by_id[start]->id) != 0) {
			start = i;
			continue;
		}
		size_t len = strlen(by_id[i]->id);
		char *nid = realloc(by_id[i]->id, len + 24);
		if (!nid) {
			ok = false;
			break;
		}
		snprintf(nid + len, 24, "-%zu", i - start + 1);
		by_id[i]->id = nid;
	}
	free(by_id);
	return ok;
}

static void conflict_message(rc_buf *b, const rc_event *ev, const rc_metric_result *m,
                             const rc_conflict *cf, bool is_new)
{
	rc__buf_init(b, 0);
	rc__buf_printf(b, "%s%s of %s in ", is_new ? "new " : "", rc_conflict_kind_str(cf->kind), m->metric);
	rc__clean_append(b, ev->label, true);
	if (cf->date)
		rc__buf_printf(b, " on %s", cf->date);
	rc__buf_puts(b, ": ");
	size_t n = cf->n_claims, head = n > RC__REPORT_MAX_SIDES ? RC__REPORT_MAX_SIDES - 1 : n;
	for (size_t i = 0; i < n; i++) {
		const rc_claim_ref *r = cf->claims[i];
		if (i >= head && i + 1 < n) {
			if (i == head)
				rc__buf_printf(b, " vs (%zu more)", n - head - 1);
			continue;
		}
		if (i)
			rc__buf_puts(b, cf->kind == RC_CONFLICT_CONTRADICTION || cf->kind == RC_CONFLICT_DISPUTE ? " vs "
			                                                                                         : " -> ");
		rc__clean_append(b, r->claim->text, true);
		rc__buf_puts(b, " (");
		rc__clean_append(b, rc__ref_source(r), true);
		if (rc__ref_date(r))
			rc__buf_printf(b, ", %s", rc__ref_date(r));
		rc__buf_puts(b, ")");
	}
}

/* The widest finite reading of a metric: lowest lower bound and highest
 * finite bound of its current claims (an open "over 90" counts as 90). */
static bool spread_of(const rc_metric_result *m, double *lo, double *hi, const rc_claim_ref **top)
{
	bool any = false;
	for (size_t i = 0; i < m->n_claims; i++) {
		const rc_claim_ref *r = m->claims[i];
		if (r->claim->status != RC_CLAIM_CURRENT)
			continue;
		const rc_interval *iv = r->effective;
		double a = iv->lo_inf ? (iv->hi_inf ? NAN : iv->hi) : iv->lo;
		double b = iv->hi_inf ? a : iv->hi;
		if (isnan(a))
			continue;
		if (!any || a < *lo)
			*lo = a;
		if (!any || b > *hi) {
			*hi = b;
			*top = r;
		}
		any = true;
	}
	return any;
}

/* Records by input path, then line, then seq. */
static int cmp_rec_place(const void *pa, const void *pb)
{
	const rc_record *a = *(const rc_record *const *)pa, *b = *(const rc_record *const *)pb;
	int c = strcmp(a->path ? a->path : "", b->path ? b->path : "");
	if (c)
		return c;
	if (a->record_line != b->record_line)
		return a->record_line < b->record_line ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

rc_status rc_check(rc_check_result **out, const rc_result *res, const rc_policy *policies,
                   size_t n_policies, const char *baseline_path, rc_error *err)
{
	*out = NULL;
	bool need_baseline = false;
	for (size_t p = 0; p < n_policies; p++)
		need_baseline |= policies[p].kind == RC_POLICY_NEW_CONFLICT;
	if (need_baseline && !baseline_path)
		return rc__error_set(err, RC_ERR_INVALID, "policy new-conflict needs --baseline FILE");
	rc_check_result *c = calloc(1, sizeof *c);
	if (!c)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	c->policies = policies;
	c->n_policies = n_policies;
	baseline bl = {0};
	rc_status st;
	if (baseline_path && (st = load_baseline(&bl, baseline_path, err)) != RC_OK) {
		bl_free(&bl);
		free(c);
		return st;
	}
	checker k = {.c = c};
	strlist diff_new = {0}, diff_changed = {0};
	rc_strset seen = {0};      /* the result's event ids, borrowed */
	c->diff.has_baseline = baseline_path != NULL;
	for (size_t e = 0; e < res->n_events; e++) {
		const rc_event *ev = &res->events[e];
		if (baseline_path) {
			k.nomem |= rc__strset_add(&seen, ev->id) < 0;
			if (!rc__strset_has(&bl.events, ev->id))
				k.nomem |= !list_add(&diff_new, rc__strdup(ev->id));
		}
		for (size_t m = 0; m < ev->n_metrics; m++) {
			const rc_metric_result *mr = &ev->metrics[m];
			if (baseline_path && rc__strset_has(&bl.events, ev->id)) {
				char *rk = range_key(ev->id, mr->metric, &mr->range);
				if (rk && !rc__strset_has(&bl.ranges, rk)) {
					char now[128];
					rc__interval_report(&mr->range, now, sizeof now);
					rc_buf b;
					rc__buf_init(&b, 0);
					rc__buf_printf(&b, "%s %s: now %s", ev->id, mr->metric, now);
					k.nomem |= !list_add(&diff_changed, rc__buf_steal(&b, NULL));
				}
				free(rk);
			}
			for (size_t f = 0; f < mr->n_conflicts; f++) {
				const rc_conflict *cf = &mr->conflicts[f];
				bool is_new = false;
				if (baseline_path) {
					char *key = current_conflict_key(ev, mr, cf);
					is_new = key && !rc__strset_has(&bl.conflicts, key);
					free(key);
					c->diff.new_conflicts += is_new;
				}
				const rc_claim_ref *at = cf->claims[cf->n_claims - 1];
				for (size_t p = 0; p < n_policies; p++) {
					/* only contradictions and disputes fail a gate:
					 * progressions and revisions are how tolls move */
					bool alarm = cf->kind == RC_CONFLICT_CONTRADICTION || cf->kind == RC_CONFLICT_DISPUTE;
					bool hit = alarm && (policies[p].kind == RC_POLICY_CONFLICT ||
					                     (policies[p].kind == RC_POLICY_NEW_CONFLICT && is_new));
					if (!hit)
						continue;
					rc_buf b;
					conflict_message(&b, ev, mr, cf, policies[p].kind == RC_POLICY_NEW_CONFLICT);
					add_finding(&k, policies[p].kind, ev, mr, cf, at, &b);
				}
			}
			for (size_t p = 0; p < n_policies; p++) {
				if (policies[p].kind != RC_POLICY_SPREAD)
					continue;
				double lo = 0, hi = 0;
				const rc_claim_ref *top = NULL;
				if (!spread_of(mr, &lo, &hi, &top) || hi <= lo)
					continue;
				double pct = lo > 0 ? (hi - lo) / lo * 100 : INFINITY;
				if (pct <= policies[p].pct)
					continue;
				char a[48], b2[48];
				rc__num_str(a, sizeof a, lo);
				rc__num_str(b2, sizeof b2, hi);
				rc_buf b;
				rc__buf_init(&b, 0);
				rc__buf_printf(&b, "%s in ", mr->metric);
				rc__clean_append(&b, ev->label, true);
				if (isinf(pct))
					rc__buf_printf(&b, " ranges from %s to %s", a, b2);
				else
					rc__buf_printf(&b, " ranges from %s to %s, %.0f%% of its low end (limit %g%%)",
					               a, b2, pct, policies[p].pct);
				add_finding(&k, RC_POLICY_SPREAD, ev, mr, NULL, top, &b);
			}
		}
	}
	for (size_t p = 0; p < n_policies; p++) {
		if (policies[p].kind != RC_POLICY_UNLINKED)
			continue;
		for (size_t i = 0; i < res->n_unlinked; i++) {
			const rc_claim_ref *r = res->unlinked[i];
			rc_buf b;
			rc__buf_init(&b, 0);
			rc__buf_printf(&b, "%s claim ", r->claim->metric ? r->claim->metric : "a");
			rc__clean_append(&b, r->claim->text, true);
			rc__buf_puts(&b, " is linked to no event");
			add_finding(&k, RC_POLICY_UNLINKED, NULL, NULL, NULL, r, &b);
		}
	}
	for (size_t p = 0; p < n_policies; p++) {
		if (policies[p].kind != RC_POLICY_SKIPPED)
			continue;
		/* A run that read nothing, or could read nothing it was given,
		 * must not pass: an empty directory or a mistyped glob would turn
		 * the gate green. */
		if (res->documents_processed == 0) {
			rc_buf b;
			rc__buf_init(&b, 0);
			rc__buf_printf(&b, "no document was processed (%zu read, %zu skipped)",
			               res->documents_read, res->documents_skipped);
			add_finding_doc(&k, RC_POLICY_SKIPPED, NULL, NULL, NULL, NULL, NULL, &b);
		}
		if (!res->documents_skipped ||
		    (double)res->documents_skipped * 100.0 / (double)res->documents_read <= policies[p].pct)
			continue;
		/* in the order of the inputs (file, then line), as a reader fixes them */
		const rc_record **skipped = malloc(res->documents_skipped * sizeof *skipped);
		size_t ns = 0;
		if (!skipped) {
			k.nomem = true;
			continue;
		}
		for (size_t i = 0; i < res->n_records && ns < res->documents_skipped; i++)
			if (res->records[i]->status != RC_DOC_OK)
				skipped[ns++] = res->records[i];
		rc__qsort(skipped, ns, sizeof *skipped, cmp_rec_place);
		for (size_t i = 0; i < ns; i++) {
			const rc_record *rec = skipped[i];
			rc_buf b;
			rc__buf_init(&b, 0);
			rc__buf_puts(&b, "document ");
			rc__clean_append(&b, rec->doc, true);
			rc__buf_puts(&b, " not processed: ");
			rc__clean_append(&b, rec->reason ? rec->reason : "unreadable", true);
			if (policies[p].pct > 0)
				rc__buf_printf(&b, " (%zu of %zu documents skipped, over the %g%% allowed)",
				               res->documents_skipped, res->documents_read, policies[p].pct);
			add_finding_doc(&k, RC_POLICY_SKIPPED, NULL, NULL, NULL, NULL, rec, &b);
		}
		free(skipped);
	}
	if (baseline_path) {
		/* gone events: baseline ids not seen now, in the order of their ids */
		strlist gone = {0};
		for (size_t i = 0; i < bl.events.cap; i++)
			if (bl.events.slots[i] && !rc__strset_has(&seen, bl.events.slots[i]))
				k.nomem |= !list_add(&gone, rc__strdup(bl.events.slots[i]));
		if (gone.n)
			qsort(gone.s, gone.n, sizeof *gone.s, cmp_str);
		c->diff.gone_events = gone.s;
		c->diff.n_gone_events = gone.n;
	}
	c->diff.new_events = diff_new.s;
	c->diff.n_new_events = diff_new.n;
	c->diff.changed_ranges = diff_changed.s;
	c->diff.n_changed_ranges = diff_changed.n;
	rc__strset_free(&seen);
	bl_free(&bl);
	c->failed = c->n_findings > 0;
	if (!k.nomem && !assign_ids(c))
		k.nomem = true;
	if (k.nomem) {
		rc_check_result_free(c);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	*out = c;
	return RC_OK;
}

static void free_strs(char **s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(s[i]);
	free(s);
}

void rc_check_result_free(rc_check_result *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_findings; i++) {
		free(c->findings[i].message);
		free(c->findings[i].id);
	}
	free(c->findings);
	free_strs(c->diff.new_events, c->diff.n_new_events);
	free_strs(c->diff.gone_events, c->diff.n_gone_events);
	free_strs(c->diff.changed_ranges, c->diff.n_changed_ranges);
	free(c);
}

/* The official schema of SARIF 2.1.0 (OASIS, errata 01); tests/report/
 * validates the output against a copy of it. */
#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

/* ---- writers -------------------------------------------------------------------------- */

/* Where a finding points: the claim it is about, the skipped document (at
 * its error's line, else its record's line), or nowhere (a run that
 * processed no document).  path is NULL for nowhere; line and column are
 * 0 when unknown. */
typedef struct floc {
	const char *path;
	size_t line, column;
} floc;

static floc finding_loc(const rc_finding *f)
{
	floc l = {0};
	if (f->at) {
		l.path = rc__ref_path(f->at);
		l.line = rc__ref_line(f->at);
		l.column = rc__ref_column(f->at);
	} else if (f->doc) {
		const rc_record *r = f->doc;
		l.path = r->path && *r->path ? r->path : r->doc;
		l.line = r->record_line;
		for (size_t i = 0; i < r->n_diags; i++)
			if (r->diags[i].severity == RC_SEV_ERROR && r->diags[i].line) {
				l.line = r->diags[i].line;
				l.column = r->diags[i].column;
				break;
			}
	}
	return l;
}

/* "path:line" (or "path") into buf, "" when the finding has no place. */
static void floc_str(char *buf, size_t n, const floc *l)
{
	if (!l->path)
		snprintf(buf, n, "%s", "");
	else if (l->line)
		snprintf(buf, n, "%s:%zu", l->path, l->line);
	else
		snprintf(buf, n, "%s", l->path);
}

static void policy_name(rc__out *o, const rc_policy *p)
{
	if (p->kind == RC_POLICY_SPREAD || (p->kind == RC_POLICY_SKIPPED && p->pct > 0))
		rc__outf(o, "%s=%g%%", rc_policy_kind_str(p->kind), p->pct);
	else
		rc__outs(o, rc_policy_kind_str(p->kind));
}

static void write_text(rc__out *o, const rc_check_result *c, const rc_result *res)
{
	rc__outf(o, "recount check: %s: %zu finding%s; %zu document%s read (%zu processed, %zu skipped), "
	         "%zu claim%s, %zu event%s\n", c->failed ? "FAILED" : "passed", c->n_findings,
	         c->n_findings == 1 ? "" : "s", res->documents_read, res->documents_read == 1 ? "" : "s",
	         res->documents_processed, res->documents_skipped, res->claims,
	         res->claims == 1 ? "" : "s", res->n_events, res->n_events == 1 ? "" : "s");
	rc__outs(o, "policies:");
	for (size_t p = 0; p < c->n_policies; p++) {
		rc__outc(o, ' ');
		policy_name(o, &c->policies[p]);
	}
	rc__outs(o, c->n_policies ? "\n" : " none\n");
	if (c->diff.has_baseline) {
		rc__outf(o, "baseline: %zu new event%s, %zu gone, %zu new conflict%s, %zu changed range%s\n",
		         c->diff.n_new_events, c->diff.n_new_events == 1 ? "" : "s", c->diff.n_gone_events,
		         c->diff.new_conflicts, c->diff.new_conflicts == 1 ? "" : "s",
		         c->diff.n_changed_ranges, c->diff.n_changed_ranges == 1 ? "" : "s");
		for (size_t i = 0; i < c->diff.n_new_events; i++) {
			rc__outs(o, "  new event ");
			rc__out_clean(o, c->diff.new_events[i]);
			rc__outc(o, '\n');
		}
		for (size_t i = 0; i < c->diff.n_gone_events; i++) {
			rc__outs(o, "  gone event ");
			rc__out_clean(o, c->diff.gone_events[i]);
			rc__outc(o, '\n');
		}
		for (size_t i = 0; i < c->diff.n_changed_ranges; i++) {
			rc__outs(o, "  changed range ");
			rc__out_clean(o, c->diff.changed_ranges[i]);
			rc__outc(o, '\n');
		}
	}
	for (size_t i = 0; i < c->n_findings; i++) {
		const rc_finding *f = &c->findings[i];
		char loc[1100];
		floc l = finding_loc(f);
		floc_str(loc, sizeof loc, &l);
		if (loc[0]) {
			rc__out_clean(o, loc);
			rc__outs(o, ": ");
		}
		rc__outf(o, "%s: ", rc_policy_kind_str(f->policy));
		rc__out_clean(o, f->message);
		rc__outc(o, '\n');
	}
}

/* GitHub workflow command escaping: data and property values. */
static void gh_escape(rc__out *o, const char *s, bool property)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	rc__clean_append(&b, s ? s : "", true);
	for (size_t i = 0; b.data && i < b.len; i++) {
		char ch = b.data[i];
		if (ch == '%')
			rc__outs(o, "%25");
		else if (ch == '\r')
			rc__outs(o, "%0D");
		else if (ch == '\n')
			rc__outs(o, "%0A");
		else if (property && ch == ':')
			rc__outs(o, "%3A");
		else if (property && ch == ',')
			rc__outs(o, "%2C");
		else
			rc__outc(o, ch);
	}
	rc__buf_dispose(&b);
}

/* GitHub shows at most 10 error annotations per step. */
#define GITHUB_MAX_ANNOTATIONS 10

static void write_github(rc__out *o, const rc_check_result *c, const rc_result *res)
{
	size_t shown = 0;
	for (size_t i = 0; i < c->n_findings; i++) {
		const rc_finding *f = &c->findings[i];
		if (shown == GITHUB_MAX_ANNOTATIONS)
			break;
		floc l = finding_loc(f);
		rc__outs(o, "::error ");
		if (l.path) {
			rc__outs(o, "file=");
			gh_escape(o, l.path, true);
			if (l.line)
				rc__outf(o, ",line=%zu", l.line);
			if (l.line && l.column)
				rc__outf(o, ",col=%zu", l.column);
			rc__outc(o, ',');
		}
		rc__outs(o, "title=");
		char title[64];
		snprintf(title, sizeof title, "recount %s", rc_policy_kind_str(f->policy));
		gh_escape(o, title, true);
		rc__outs(o, "::");
		gh_escape(o, f->message, false);
		rc__outc(o, '\n');
		shown++;
	}
	if (c->n_findings > shown)
		rc__outf(o, "::notice title=recount check::%zu more finding%s not annotated (GitHub shows "
		         "%d per step); all are listed below\n", c->n_findings - shown,
		         c->n_findings - shown == 1 ? "" : "s", GITHUB_MAX_ANNOTATIONS);
	/* the full report, as plain log lines */
	write_text(o, c, res);
}

/*
 * JUnit: CI dashboards (GitLab, Jenkins) key a test case by classname and
 * name and keep one of each, and track it from run to run by them.  So a
 * case is named by what the finding is about (its message: event, metric,
 * figures and sources), never by a line number, and the rare two findings
 * with the same message (one figure quoted twice in an article) are told
 * apart by their ids, which are unique and stable too.  time is 0: the
 * findings are not timed, and the output stays byte-identical.
 */
static int cmp_finding_name(const void *pa, const void *pb)
{
	const rc_finding *a = *(rc_finding *const *)pa, *b = *(rc_finding *const *)pb;
	if (a->policy != b->policy)
		return a->policy < b->policy ? -1 : 1;
	int c = strcmp(a->message, b->message);
	return c ? c : (a > b) - (a < b);
}

static void write_junit(rc__out *o, const rc_check_result *c)
{
	/* which findings share a policy and a message */
	bool *dup = calloc(c->n_findings ? c->n_findings : 1, sizeof *dup);
	const rc_finding **by_name = malloc((c->n_findings ? c->n_findings : 1) * sizeof *by_name);
	if (!dup || !by_name) {
		free(dup);
		free(by_name);
		o->st = RC_ERR_NOMEM;
		return;
	}
	for (size_t i = 0; i < c->n_findings; i++)
		by_name[i] = &c->findings[i];
	rc__qsort(by_name, c->n_findings, sizeof *by_name, cmp_finding_name);
	for (size_t i = 1; i < c->n_findings; i++)
		if (by_name[i]->policy == by_name[i - 1]->policy &&
		    strcmp(by_name[i]->message, by_name[i - 1]->message) == 0)
			dup[by_name[i] - c->findings] = dup[by_name[i - 1] - c->findings] = true;
	free(by_name);
	size_t cases = 0;
	for (size_t p = 0; p < c->n_policies; p++) {
		size_t n = 0;
		for (size_t i = 0; i < c->n_findings; i++)
			n += c->findings[i].policy == c->policies[p].kind;
		cases += n ? n : 1;
	}
	rc__outs(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	rc__outf(o, "<testsuites name=\"recount check\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
	         "time=\"0\">\n", cases, c->n_findings);
	rc__outf(o, "  <testsuite name=\"recount\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
	         "skipped=\"0\" time=\"0\">\n", cases, c->n_findings);
	for (size_t p = 0; p < c->n_policies; p++) {
		/* a policy given twice is reported once */
		bool again = false;
		for (size_t q = 0; q < p; q++)
			again |= c->policies[q].kind == c->policies[p].kind;
		if (again)
			continue;
		const char *name = rc_policy_kind_str(c->policies[p].kind);
		size_t n = 0;
		for (size_t i = 0; i < c->n_findings; i++) {
			const rc_finding *f = &c->findings[i];
			if (f->policy != c->policies[p].kind)
				continue;
			n++;
			floc l = finding_loc(f);
			rc__outf(o, "    <testcase classname=\"recount.%s\" name=\"", name);
			rc__out_xml(o, f->message);
			if (dup[i]) {
				rc__outs(o, " (");
				rc__out_xml(o, f->id);
				rc__outs(o, ")");
			}
			rc__outs(o, "\"");
			if (l.path) {
				rc__outs(o, " file=\"");
				rc__out_xml(o, l.path);
				rc__outs(o, "\"");
			}
			if (l.line)
				rc__outf(o, " line=\"%zu\"", l.line);
			rc__outf(o, " time=\"0\">\n      <failure type=\"%s\" message=\"", name);
			rc__out_xml(o, f->message);
			rc__outs(o, "\">");
			char loc[1100];
			floc_str(loc, sizeof loc, &l);
			if (loc[0]) {
				rc__out_xml(o, loc);
				rc__outs(o, ": ");
			}
			rc__out_xml(o, f->message);
			rc__outs(o, "</failure>\n    </testcase>\n");
		}
		if (!n)
			rc__outf(o, "    <testcase classname=\"recount.%s\" name=\"%s\" time=\"0\"/>\n", name,
			         name);
	}
	rc__outs(o, "  </testsuite>\n</testsuites>\n");
	free(dup);
}

static const char *policy_help(rc_policy_kind k)
{
	switch (k) {
	case RC_POLICY_CONFLICT: return "Sources report figures for the same event and time that cannot all be true, "
	                                "or named sources keep disputing the current figure.";
	case RC_POLICY_NEW_CONFLICT: return "A contradiction or dispute that the baseline report does not have.";
	case RC_POLICY_SPREAD: return "The figures for a metric spread wider than the allowed share of its low end.";
	case RC_POLICY_UNLINKED: return "A claim that no event took.";
	case RC_POLICY_SKIPPED: return "A document that could not be read, or a run that processed none.";
	}
	return "";
}

/*
 * An artifact URI (RFC 3986) for a file path: every byte but the
 * unreserved characters and '/' percent-encoded, so that '%', '#', '?',
 * ':' and spaces in a file name stay part of its path (a ':' in the first
 * segment would otherwise read as a scheme).  An absolute path becomes a
 * file: URI; a relative one stays relative to where recount ran.
 */
static char *artifact_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	rc_buf b;
	rc__buf_init(&b, 0);
	if (path[0] == '/')
		rc__buf_puts(&b, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (rc__is_alnum(*p) || *p == '-' || *p == '.' || *p == '_' || *p == '~' || *p == '/') {
			rc__buf_putc(&b, (char)*p);
		} else {
			char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			rc__buf_append(&b, e, 3);
		}
	}
	return b.data ? rc__buf_steal(&b, NULL) : rc__strdup("");
}

static rc_status write_sarif(FILE *fp, const rc_check_result *c, rc_error *err)
{
	json_t *root = json_object(), *rules = json_array(), *results = json_array();
	bool ok = root && rules && results;
	/* one rule per policy kind in use, in the order given */
	int rule_of[RC_ARRAY_LEN(policy_names)];
	for (size_t i = 0; i < RC_ARRAY_LEN(rule_of); i++)
		rule_of[i] = -1;
	int n_rules = 0;
	for (size_t p = 0; ok && p < c->n_policies; p++) {
		rc_policy_kind kind = c->policies[p].kind;
		if ((size_t)kind >= RC_ARRAY_LEN(rule_of) || rule_of[kind] >= 0)
			continue;
		rule_of[kind] = n_rules++;
		json_t *r = json_pack("{s:s, s:s, s:{s:s}, s:{s:s}}", "id", rc_policy_kind_str(kind),
		                      "name", rc_policy_kind_str(kind), "shortDescription",
		                      "text", policy_help(kind), "defaultConfiguration",
		                      "level", "error");
		ok = r && json_array_append_new(rules, r) == 0;
	}
	for (size_t i = 0; ok && i < c->n_findings; i++) {
		const rc_finding *f = &c->findings[i];
		rc_buf msg;
		rc__buf_init(&msg, 0);
		rc__clean_append(&msg, f->message, true);
		json_t *r = json_pack("{s:s, s:s, s:{s:s}, s:{s:s}}", "ruleId", rc_policy_kind_str(f->policy),
		                      "level", "error", "message", "text", msg.data ? msg.data : "",
		                      "partialFingerprints", "recountFindingId/v1", f->id);
		rc__buf_dispose(&msg);
		if (r && (size_t)f->policy < RC_ARRAY_LEN(rule_of) && rule_of[f->policy] >= 0)
			json_object_set_new(r, "ruleIndex", json_integer(rule_of[f->policy]));
		floc l = finding_loc(f);
		if (r && l.path) {
			char *uri = artifact_uri(l.path);
			json_t *phys = uri ? json_pack("{s:{s:s}}", "artifactLocation", "uri", uri) : NULL;
			free(uri);
			if (phys && l.line) {
				json_t *region = json_pack("{s:I}", "startLine", (json_int_t)l.line);
				if (region && l.column)
					json_object_set_new(region, "startColumn", json_integer((json_int_t)l.column));
				ok = region && json_object_set_new(phys, "region", region) == 0;
			}
			json_t *locs = phys ? json_pack("[{s:o}]", "physicalLocation", phys) : NULL;
			ok = ok && locs && json_object_set_new(r, "locations", locs) == 0;
		}
		ok = ok && r && json_array_append_new(results, r) == 0;
	}
	if (ok) {
		/* columns are counted in characters (code points), as everywhere in recount */
		json_t *run = json_pack("{s:{s:{s:s, s:s, s:s, s:o}}, s:s, s:o}", "tool", "driver", "name",
		                        "recount", "version", rc_version(), "informationUri", RC_HOMEPAGE,
		                        "rules", rules, "columnKind", "unicodeCodePoints",
		                        "results", results);
		rules = results = NULL;
		ok = run && json_object_set_new(root, "$schema", json_string(SARIF_SCHEMA)) == 0 &&
		     json_object_set_new(root, "version", json_string("2.1.0")) == 0 &&
		     json_object_set_new(root, "runs", json_pack("[o]", run)) == 0;
	}
	json_decref(rules);
	json_decref(results);
	if (!ok) {
		json_decref(root);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory writing SARIF");
	}
	char *s = json_dumps(root, JSON_INDENT(2));
	json_decref(root);
	if (!s)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory writing SARIF");
	bool bad = fputs(s, fp) == EOF || fputc('\n', fp) == EOF;
	free(s);
	if (bad || fflush(fp) != 0)
		return rc__error_set(err, RC_ERR_IO, "write error: %s", strerror(errno ? errno : EIO));
	return RC_OK;
}

rc_status rc_check_write(FILE *fp, const rc_check_result *c, const rc_result *res,
                         rc_format fmt, const rc_report_options *opts, rc_error *err)
{
	rc_status st = rc__write_args_check(opts, fp, c && res ? c : NULL, "rc_check_write", "missing argument", err);
	if (st != RC_OK)
		return st;
	if (fmt == RC_FORMAT_SARIF)
		return write_sarif(fp, c, err);
	if (fmt != RC_FORMAT_TEXT && fmt != RC_FORMAT_GITHUB && fmt != RC_FORMAT_JUNIT)
		return rc__error_set(err, RC_ERR_INVALID,
		                     "format '%s' is not available for check (text, github, junit, sarif)",
		                     rc_format_str(fmt));
	rc__out o;
	rc__out_init(&o, fp);
	if (fmt == RC_FORMAT_TEXT)
		write_text(&o, c, res);
	else if (fmt == RC_FORMAT_GITHUB)
		write_github(&o, c, res);
	else
		write_junit(&o, c);
	st = rc__out_finish(&o, err);
	rc__out_dispose(&o);
	return st;
}
