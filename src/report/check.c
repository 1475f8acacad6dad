/*
 * The CI gate (`recount check`): policies over a reconciled result, a diff
 * against a baseline report, and the findings as text, GitHub Actions
 * workflow commands, JUnit XML or SARIF 2.1.0.  docs/check.md documents
 * the policies and each output.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <recount/check.h>
#include "report/report-priv.h"

/* ---- policies ------------------------------------------------------------------ */

static const char *const policy_names[] = {"conflict", "new-conflict", "spread", "unlinked"};

const char *rc_policy_kind_str(rc_policy_kind k)
{
	return (unsigned)k < RC_ARRAY_LEN(policy_names) ? policy_names[k] : "unknown";
}

rc_status rc_policy_parse(const char *text, rc_policy *out, rc_error *err)
{
	memset(out, 0, sizeof *out);
	if (!text)
		return rc__error_set(err, RC_ERR_INVALID, "empty policy");
	if (strncmp(text, "spread=", 7) == 0) {
		char *end;
		double v = strtod(text + 7, &end);
		if (*end == '%')
			end++;
		if (end == text + 7 || *end || !(v >= 0) || isinf(v))
			return rc__error_set(err, RC_ERR_INVALID,
			                     "policy '%s': spread wants a percentage, e.g. spread=50", text);
		out->kind = RC_POLICY_SPREAD;
		out->pct = v;
		return RC_OK;
	}
	for (size_t i = 0; i < RC_ARRAY_LEN(policy_names); i++)
		if (i != RC_POLICY_SPREAD && strcmp(text, policy_names[i]) == 0) {
			out->kind = (rc_policy_kind)i;
			return RC_OK;
		}
	return rc__error_set(err, RC_ERR_INVALID,
	                     "unknown policy '%s' (conflict, new-conflict, spread=PCT, unlinked)", text);
}

/* ---- conflict identity ------------------------------------------------------------ */

/*
 * A conflict is the same across runs when it has the same event, metric,
 * kind and claims, a claim being its document id and figure text (not its
 * offsets: an edit elsewhere in an article must not make its conflicts
 * look new).  The key sorts the claims, so their order does not matter.
 */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *conflict_key(const char *event, const char *metric, const char *kind,
                          char **claims, size_t n)
{
	qsort(claims, n, sizeof *claims, cmp_str);
	rc_buf b;
	rc__buf_init(&b, 0);
	rc__buf_printf(&b, "%s\x1e%s\x1e%s", event ? event : "", metric ? metric : "", kind);
	for (size_t i = 0; i < n; i++) {
		rc__buf_putc(&b, '\x1e');
		rc__buf_puts(&b, claims[i]);
	}
	return rc__buf_steal(&b, NULL);
}

static char *claim_key(const char *doc, const char *text)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	rc__buf_puts(&b, doc ? doc : "");
	rc__buf_putc(&b, '\x1f');
	rc__buf_puts(&b, text ? text : "");
	return rc__buf_steal(&b, NULL);
}

static char *current_conflict_key(const rc_event *ev, const rc_metric_result *m, const rc_conflict *c)
{
	char **keys = calloc(c->n_claims ? c->n_claims : 1, sizeof *keys);
	if (!keys)
		return NULL;
	bool ok = true;
	for (size_t i = 0; i < c->n_claims; i++)
		ok &= (keys[i] = claim_key(c->claims[i]->rec->doc, c->claims[i]->claim->text)) != NULL;
	char *k = ok ? conflict_key(ev->id, m->metric, rc_conflict_kind_str(c->kind), keys, c->n_claims) : NULL;
	for (size_t i = 0; i < c->n_claims; i++)
		free(keys[i]);
	free(keys);
	return k;
}

/* ---- the baseline ---------------------------------------------------------------- */

typedef struct strset {
	char **s;
	size_t n, cap;
} strset;

static bool set_add(strset *set, char *s)
{
	if (!s)
		return false;
	if (RC_GROW(set->s, set->cap, set->n + 1) != RC_OK) {
		free(s);
		return false;
	}
	set->s[set->n++] = s;
	return true;
}

static void set_sort(strset *set)
{
	if (set->n)
		qsort(set->s, set->n, sizeof *set->s, cmp_str);
}

static bool set_has(const strset *set, const char *s)
{
	return set->n && bsearch(&s, set->s, set->n, sizeof *set->s, cmp_str) != NULL;
}

static void set_free(strset *set)
{
	for (size_t i = 0; i < set->n; i++)
		free(set->s[i]);
	free(set->s);
	memset(set, 0, sizeof *set);
}

typedef struct baseline {
	strset events;      /* ids */
	strset conflicts;   /* conflict keys */
	strset ranges;      /* "event\x1emetric\x1e<interval>" */
} baseline;

static bool json_interval(const json_t *o, rc_interval *iv)
{
	if (!json_is_object(o))
		return false;
	memset(iv, 0, sizeof *iv);
	const json_t *lo = json_object_get(o, "lo"), *hi = json_object_get(o, "hi");
	iv->lo_inf = !json_is_number(lo);
	iv->hi_inf = !json_is_number(hi);
	if (!iv->lo_inf)
		iv->lo = json_number_value(lo);
	if (!iv->hi_inf)
		iv->hi = json_number_value(hi);
	iv->lo_incl = json_is_true(json_object_get(o, "lo_incl"));
	iv->hi_incl = json_is_true(json_object_get(o, "hi_incl"));
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

/* A claim of a baseline conflict: an object with "doc" and "text", or the
 * index of one in the metric's "claims". */
static char *baseline_claim(const json_t *item, const json_t *metric_claims)
{
	if (json_is_integer(item))
		item = json_array_get(metric_claims, (size_t)json_integer_value(item));
	if (!json_is_object(item))
		return NULL;
	return claim_key(json_string_value(json_object_get(item, "doc")),
	                 json_string_value(json_object_get(item, "text")));
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
	if (!schema || strncmp(schema, "recount.report/", 15) != 0 || !json_is_array(events)) {
		json_decref(root);
		return rc__error_at(err, RC_ERR_PARSE, path, 0, 0, (size_t)-1,
		                    "baseline: not a recount report (write one with recount report --format json)");
	}
	bool ok = true;
	size_t i;
	const json_t *ev;
	json_array_foreach(events, i, ev) {
		const char *id = json_string_value(json_object_get(ev, "id"));
		if (!id)
			continue;
		ok &= set_add(&bl->events, rc__strdup(id));
		const json_t *metrics = json_object_get(ev, "metrics");
		const char *name;
		const json_t *m;
		json_object_foreach((json_t *)metrics, name, m) {
			rc_interval iv;
			if (json_interval(json_object_get(m, "range"), &iv))
				ok &= set_add(&bl->ranges, range_key(id, name, &iv));
			const json_t *conflicts = json_object_get(m, "conflicts"), *claims = json_object_get(m, "claims");
			size_t k;
			const json_t *c;
			json_array_foreach(conflicts, k, c) {
				const char *kind = json_string_value(json_object_get(c, "kind"));
				const json_t *cc = json_object_get(c, "claims");
				size_t n = json_array_size(cc);
				char **keys = calloc(n ? n : 1, sizeof *keys);
				if (!kind || !keys) {
					free(keys);
					continue;
				}
				size_t got = 0;
				for (size_t j = 0; j < n; j++)
					if ((keys[got] = baseline_claim(json_array_get(cc, j), claims)))
						got++;
				ok &= set_add(&bl->conflicts, conflict_key(id, name, kind, keys, got));
				for (size_t j = 0; j < got; j++)
					free(keys[j]);
				free(keys);
			}
		}
	}
	json_decref(root);
	set_sort(&bl->events);
	set_sort(&bl->conflicts);
	set_sort(&bl->ranges);
	return ok ? RC_OK : rc__error_set(err, RC_ERR_NOMEM, "out of memory reading the baseline");
}

/* ---- checking ------------------------------------------------------------------------ */

typedef struct checker {
	rc_check_result *c;
	size_t cap;
	bool nomem;
} checker;

static void add_finding(checker *k, rc_policy_kind p, const rc_event *ev, const rc_metric_result *m,
                        const rc_conflict *cf, const rc_claim_ref *at, rc_buf *msg)
{
	if (k->nomem || !msg->data || RC_GROW(k->c->findings, k->cap, k->c->n_findings + 1) != RC_OK) {
		k->nomem = true;
		rc__buf_dispose(msg);
		return;
	}
	k->c->findings[k->c->n_findings++] = (rc_finding){
		.policy = p, .event = ev ? ev->id : NULL, .metric = m ? m->metric : NULL,
		.conflict = cf, .at = at, .message = rc__buf_steal(msg, NULL),
	};
}

static void conflict_message(rc_buf *b, const rc_event *ev, const rc_metric_result *m,
                             const rc_conflict *cf, bool is_new)
{
	rc__buf_init(b, 0);
	rc__buf_printf(b, "%s%s of %s in ", is_new ? "new " : "", rc_conflict_kind_str(cf->kind), m->metric);
	rc__clean_append(b, ev->label, true);
	rc__buf_puts(b, ": ");
	for (size_t i = 0; i < cf->n_claims; i++) {
		const rc_claim_ref *r = cf->claims[i];
		if (i)
			rc__buf_puts(b, cf->kind == RC_CONFLICT_CONTRADICTION ? " vs " : " -> ");
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
		const rc_interval *iv = &r->effective;
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
		set_free(&bl.events);
		set_free(&bl.conflicts);
		set_free(&bl.ranges);
		free(c);
		return st;
	}
	checker k = {.c = c};
	strset diff_new = {0}, diff_changed = {0}, seen = {0};
	c->diff.has_baseline = baseline_path != NULL;
	for (size_t e = 0; e < res->n_events; e++) {
		const rc_event *ev = &res->events[e];
		if (baseline_path) {
			k.nomem |= !set_add(&seen, rc__strdup(ev->id));
			if (!set_has(&bl.events, ev->id))
				k.nomem |= !set_add(&diff_new, rc__strdup(ev->id));
		}
		for (size_t m = 0; m < ev->n_metrics; m++) {
			const rc_metric_result *mr = &ev->metrics[m];
			if (baseline_path && set_has(&bl.events, ev->id)) {
				char *rk = range_key(ev->id, mr->metric, &mr->range);
				if (rk && !set_has(&bl.ranges, rk)) {
					char now[128];
					rc__interval_report(&mr->range, now, sizeof now);
					rc_buf b;
					rc__buf_init(&b, 0);
					rc__buf_printf(&b, "%s %s: now %s", ev->id, mr->metric, now);
					k.nomem |= !set_add(&diff_changed, rc__buf_steal(&b, NULL));
				}
				free(rk);
			}
			for (size_t f = 0; f < mr->n_conflicts; f++) {
				const rc_conflict *cf = &mr->conflicts[f];
				bool is_new = false;
				if (baseline_path) {
					char *key = current_conflict_key(ev, mr, cf);
					is_new = key && !set_has(&bl.conflicts, key);
					free(key);
					c->diff.new_conflicts += is_new;
				}
				const rc_claim_ref *at = cf->claims[cf->n_claims - 1];
				for (size_t p = 0; p < n_policies; p++) {
					bool hit = (policies[p].kind == RC_POLICY_CONFLICT &&
					            cf->kind == RC_CONFLICT_CONTRADICTION) ||
					           (policies[p].kind == RC_POLICY_NEW_CONFLICT && is_new &&
					            cf->kind != RC_CONFLICT_PROGRESSION);
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
	if (baseline_path) {
		set_sort(&seen);
		/* gone events: baseline ids not seen now */
		strset gone = {0};
		for (size_t i = 0; i < bl.events.n; i++)
			if (!set_has(&seen, bl.events.s[i]))
				k.nomem |= !set_add(&gone, rc__strdup(bl.events.s[i]));
		c->diff.gone_events = gone.s;
		c->diff.n_gone_events = gone.n;
	}
	c->diff.new_events = diff_new.s;
	c->diff.n_new_events = diff_new.n;
	c->diff.changed_ranges = diff_changed.s;
	c->diff.n_changed_ranges = diff_changed.n;
	set_free(&seen);
	set_free(&bl.events);
	set_free(&bl.conflicts);
	set_free(&bl.ranges);
	c->failed = c->n_findings > 0;
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
	for (size_t i = 0; i < c->n_findings; i++)
		free(c->findings[i].message);
	free(c->findings);
	free_strs(c->diff.new_events, c->diff.n_new_events);
	free_strs(c->diff.gone_events, c->diff.n_gone_events);
	free_strs(c->diff.changed_ranges, c->diff.n_changed_ranges);
	free(c);
}

/* ---- writers -------------------------------------------------------------------------- */

static void write_text(rc__out *o, const rc_check_result *c, const rc_result *res)
{
	rc__outf(o, "recount check: %s: %zu finding%s; %zu document%s read (%zu processed, %zu skipped), "
	         "%zu claim%s, %zu event%s\n", c->failed ? "FAILED" : "passed", c->n_findings,
	         c->n_findings == 1 ? "" : "s", res->documents_read, res->documents_read == 1 ? "" : "s",
	         res->documents_processed, res->documents_skipped, res->claims,
	         res->claims == 1 ? "" : "s", res->n_events, res->n_events == 1 ? "" : "s");
	rc__outs(o, "policies:");
	for (size_t p = 0; p < c->n_policies; p++) {
		if (c->policies[p].kind == RC_POLICY_SPREAD)
			rc__outf(o, " spread=%g%%", c->policies[p].pct);
		else
			rc__outf(o, " %s", rc_policy_kind_str(c->policies[p].kind));
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
		char loc[1024];
		rc__ref_location(loc, sizeof loc, f->at);
		rc__out_clean(o, loc);
		rc__outf(o, ": %s: ", rc_policy_kind_str(f->policy));
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
		rc__outs(o, "::error file=");
		gh_escape(o, rc__ref_path(f->at), true);
		rc__outf(o, ",line=%zu", rc__ref_line(f->at));
		size_t col = rc__ref_column(f->at);
		if (col)
			rc__outf(o, ",col=%zu", col);
		rc__outs(o, ",title=");
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

static void write_junit(rc__out *o, const rc_check_result *c)
{
	size_t cases = 0;
	for (size_t p = 0; p < c->n_policies; p++) {
		size_t n = 0;
		for (size_t i = 0; i < c->n_findings; i++)
			n += c->findings[i].policy == c->policies[p].kind;
		cases += n ? n : 1;
	}
	rc__outs(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	rc__outf(o, "<testsuites name=\"recount check\" tests=\"%zu\" failures=\"%zu\">\n", cases, c->n_findings);
	rc__outf(o, "  <testsuite name=\"recount\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"0\">\n",
	         cases, c->n_findings);
	for (size_t p = 0; p < c->n_policies; p++) {
		const char *name = rc_policy_kind_str(c->policies[p].kind);
		size_t n = 0;
		for (size_t i = 0; i < c->n_findings; i++) {
			const rc_finding *f = &c->findings[i];
			if (f->policy != c->policies[p].kind)
				continue;
			n++;
			char loc[1024];
			rc__ref_location(loc, sizeof loc, f->at);
			rc__outf(o, "    <testcase classname=\"recount.%s\" name=\"", name);
			rc__out_xml(o, loc);
			rc__outs(o, "\" file=\"");
			rc__out_xml(o, rc__ref_path(f->at));
			rc__outf(o, "\" line=\"%zu\">\n      <failure type=\"%s\" message=\"", rc__ref_line(f->at), name);
			rc__out_xml(o, f->message);
			rc__outs(o, "\">");
			rc__out_xml(o, f->message);
			rc__outs(o, "</failure>\n    </testcase>\n");
		}
		if (!n)
			rc__outf(o, "    <testcase classname=\"recount.%s\" name=\"%s\"/>\n", name, name);
	}
	rc__outs(o, "  </testsuite>\n</testsuites>\n");
}

static const char *policy_help(rc_policy_kind k)
{
	switch (k) {
	case RC_POLICY_CONFLICT: return "Sources report figures for the same event and time that cannot all be true.";
	case RC_POLICY_NEW_CONFLICT: return "A conflict that the baseline report does not have.";
	case RC_POLICY_SPREAD: return "The figures for a metric spread wider than the allowed share of its low end.";
	case RC_POLICY_UNLINKED: return "A claim that no event took.";
	}
	return "";
}

static rc_status write_sarif(FILE *fp, const rc_check_result *c, rc_error *err)
{
	json_t *root = json_object(), *rules = json_array(), *results = json_array();
	bool ok = root && rules && results;
	for (size_t p = 0; ok && p < c->n_policies; p++) {
		json_t *r = json_pack("{s:s, s:s, s:{s:s}, s:{s:s}}", "id", rc_policy_kind_str(c->policies[p].kind),
		                      "name", rc_policy_kind_str(c->policies[p].kind), "shortDescription",
		                      "text", policy_help(c->policies[p].kind), "defaultConfiguration",
		                      "level", "error");
		ok = r && json_array_append_new(rules, r) == 0;
	}
	for (size_t i = 0; ok && i < c->n_findings; i++) {
		const rc_finding *f = &c->findings[i];
		rc_buf msg;
		rc__buf_init(&msg, 0);
		rc__clean_append(&msg, f->message, true);
		json_t *region = json_pack("{s:I}", "startLine", (json_int_t)rc__ref_line(f->at));
		size_t col = rc__ref_column(f->at);
		if (region && col)
			json_object_set_new(region, "startColumn", json_integer((json_int_t)col));
		json_t *r = region ? json_pack("{s:s, s:s, s:{s:s}, s:[{s:{s:{s:s%}, s:o}}]}",
		                               "ruleId", rc_policy_kind_str(f->policy), "level", "error",
		                               "message", "text", msg.data ? msg.data : "",
		                               "locations", "physicalLocation", "artifactLocation", "uri",
		                               rc__ref_path(f->at), strlen(rc__ref_path(f->at)), "region", region)
		                   : NULL;
		rc__buf_dispose(&msg);
		ok = r && json_array_append_new(results, r) == 0;
	}
	if (ok) {
		json_t *run = json_pack("{s:{s:{s:s, s:s, s:s, s:o}}, s:o}", "tool", "driver", "name", "recount",
		                        "version", rc_version(), "informationUri", RC_HOMEPAGE, "rules", rules,
		                        "results", results);
		rules = results = NULL;
		ok = run && json_object_set_new(root, "$schema",
		                                json_string("https://json.schemastore.org/sarif-2.1.0.json")) == 0 &&
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
	(void)opts;
	if (!fp || !c || !res)
		return rc__error_set(err, RC_ERR_INVALID, "rc_check_write: missing argument");
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
	rc_status st = rc__out_finish(&o, err);
	rc__out_dispose(&o);
	return st;
}
