/*
 * Helpers shared by the renderers: how figures, intervals, sources and
 * locations are spelled, and the escapers every article string goes
 * through before it reaches a terminal, a page or a file.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "report/report-priv.h"

void rc__num_str(char *buf, size_t n, double v)
{
	if (isinf(v)) {
		snprintf(buf, n, "%s\xE2\x88\x9E", v < 0 ? "-" : "");
		return;
	}
	if (isnan(v)) {
		snprintf(buf, n, "?");
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15) {
		rc__snprintf(buf, n, "%.0f", v);
		return;
	}
	/* Two decimals are plenty for a count; trailing zeros say nothing. */
	rc__snprintf(buf, n, "%.2f", v);
	char *dot = strchr(buf, '.');
	if (dot) {
		char *e = buf + strlen(buf);
		while (e > dot + 1 && e[-1] == '0')
			*--e = '\0';
		if (e == dot + 1)
			*dot = '\0';
	}
}

bool rc__interval_is_point(const rc_interval *iv)
{
	return !iv->lo_inf && !iv->hi_inf && iv->lo_incl && iv->hi_incl && iv->lo == iv->hi;
}


void rc__interval_report(const rc_interval *iv, char *buf, size_t n)
{
	rc__interval_format(iv, buf, n, rc__num_str);
}

const char *rc__ref_source(const rc_claim_ref *r)
{
	if (r->rec->source && *r->rec->source)
		return r->rec->source;
	return r->rec->doc ? r->rec->doc : "?";
}

const char *rc__ref_date(const rc_claim_ref *r)
{
	return r->rec->published && *r->rec->published ? r->rec->published : NULL;
}

const char *rc__ref_path(const rc_claim_ref *r)
{
	if (r->rec->path && *r->rec->path)
		return r->rec->path;
	return r->rec->doc ? r->rec->doc : "?";
}

size_t rc__ref_line(const rc_claim_ref *r)
{
	if (r->claim->file_line)
		return r->claim->file_line;
	if (r->rec->record_line)
		return r->rec->record_line;
	return r->claim->pos.line ? r->claim->pos.line : 1;
}

size_t rc__ref_column(const rc_claim_ref *r)
{
	return r->rec->record_line ? 0 : r->claim->pos.column;
}

const char *rc__ref_label(const rc_claim_ref *r)
{
	if (r->rec->source && *r->rec->source)
		return r->rec->source;
	if (r->rec->title && *r->rec->title)
		return r->rec->title;
	return r->rec->doc ? r->rec->doc : "?";
}

bool rc__url_is_web(const char *url)
{
	return url && (strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0) &&
	       url[strcspn(url, ":") + 3] != '\0';
}

rc_status rc__url_append(rc_buf *b, const char *url, const char *unsafe)
{
	static const char hex[] = "0123456789ABCDEF";
	rc_status st = RC_OK;
	for (const unsigned char *p = (const unsigned char *)url; *p && !st; p++) {
		if (*p <= 0x20 || *p >= 0x7F || strchr(unsafe, *p)) {
			char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			st = rc__buf_append(b, e, 3);
		} else {
			st = rc__buf_putc(b, (char)*p);
		}
	}
	return st;
}

void rc__ref_location(char *buf, size_t n, const rc_claim_ref *r)
{
	snprintf(buf, n, "%s:%zu", rc__ref_path(r), rc__ref_line(r));
}

void rc__ref_key(rc_buf *b, const rc_claim_ref *r)
{
	rc__buf_reset(b);
	rc__buf_puts(b, r->rec->doc ? r->rec->doc : "");
	rc__buf_putc(b, '\x1f');
	rc__buf_puts(b, r->claim->text ? r->claim->text : "");
}

void rc__tally_result(rc__tally *t, const rc_result *res)
{
	memset(t, 0, sizeof(*t));
	for (size_t e = 0; e < res->n_events; e++) {
		const rc_event *ev = &res->events[e];
		t->metrics += ev->n_metrics;
		for (size_t m = 0; m < ev->n_metrics; m++) {
			const rc_metric_result *mr = &ev->metrics[m];
			t->conflicts += mr->n_conflicts;
			for (size_t c = 0; c < mr->n_conflicts; c++) {
				switch (mr->conflicts[c].kind) {
				case RC_CONFLICT_CONTRADICTION: t->contradictions++; break;
				case RC_CONFLICT_REVISION: t->revisions++; break;
				case RC_CONFLICT_PROGRESSION: t->progressions++; break;
				case RC_CONFLICT_DISPUTE: t->disputes++; break;
				}
			}
		}
		t->aggregates += ev->n_aggregates;
		for (size_t a = 0; a < ev->n_aggregates; a++)
			if (ev->aggregates[a].verdict == RC_AGG_INCONSISTENT)
				t->inconsistent++;
	}
}

void rc__capitalise(char *buf, size_t n, const char *s)
{
	snprintf(buf, n, "%s", s ? s : "");
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

static rc_status put_xml(void *user, uint32_t cp, const char *raw, size_t len)
{
	rc_buf *b = user;
	switch (cp) {
	case '&': return rc__buf_puts(b, "&amp;");
	case '<': return rc__buf_puts(b, "&lt;");
	case '>': return rc__buf_puts(b, "&gt;");
	case '"': return rc__buf_puts(b, "&quot;");
	case '\'': return rc__buf_puts(b, "&#39;");
	}
	/* XML 1.0 forbids U+FFFE and U+FFFF even as references. */
	if (cp == 0xFFFE || cp == 0xFFFF)
		return rc__buf_puts(b, "\xEF\xBF\xBD");
	return rc__buf_append(b, raw, len);
}

rc_status rc__clean_append(rc_buf *b, const char *s, bool collapse)
{
	return s ? rc__text_clean_append(b, s, strlen(s), collapse ? RC_TEXT_COLLAPSE : 0) : RC_OK;
}

rc_status rc__xml_append(rc_buf *b, const char *s)
{
	return s ? rc__text_walk(b, s, strlen(s), RC_TEXT_COLLAPSE, put_xml) : RC_OK;
}

size_t rc__display_width(const char *s)
{
	return rc_text_width(s);
}

rc_status rc__io_check(FILE *fp, rc_error *err)
{
	if (ferror(fp))
		return rc__error_set(err, RC_ERR_IO, "write error: %s", strerror(errno ? errno : EIO));
	return RC_OK;
}

void rc__out_init(rc__out *o, FILE *fp)
{
	memset(o, 0, sizeof(*o));
	o->fp = fp;
	rc__buf_init(&o->b, RC__REPORT_MAX_BYTES);
}

void rc__out_dispose(rc__out *o)
{
	rc__buf_dispose(&o->b);
}

static void out_drain(rc__out *o)
{
	if (!o->fp || o->st || !o->b.len)
		return;
	if (fwrite(o->b.data, 1, o->b.len, o->fp) != o->b.len) {
		o->io_errno = errno ? errno : EIO;
		o->st = RC_ERR_IO;
	}
	rc__buf_reset(&o->b);
}

static void out_after(rc__out *o, rc_status st)
{
	if (st && !o->st)
		o->st = st;
	if (o->fp && o->b.len >= 65536)
		out_drain(o);
}

void rc__out_poll(rc__out *o, bool failed)
{
	out_after(o, failed ? (o->b.max && o->b.len >= o->b.max ? RC_ERR_LIMIT : RC_ERR_NOMEM) : RC_OK);
}

void rc__outn(rc__out *o, const char *s, size_t n)
{
	if (!o->st)
		out_after(o, rc__buf_append(&o->b, s, n));
}

void rc__outs(rc__out *o, const char *s)
{
	if (s)
		rc__outn(o, s, strlen(s));
}

void rc__outc(rc__out *o, char c)
{
	rc__outn(o, &c, 1);
}

void rc__outf(rc__out *o, const char *fmt, ...)
{
	if (o->st)
		return;
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = rc__vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) {
		o->st = RC_ERR_INVALID;
		return;
	}
	if ((size_t)n < sizeof(small)) {
		rc__outn(o, small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);
	if (!big) {
		o->st = RC_ERR_NOMEM;
		return;
	}
	va_start(ap, fmt);
	rc__vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	rc__outn(o, big, (size_t)n);
	free(big);
}

void rc__out_clean(rc__out *o, const char *s)
{
	if (!o->st)
		out_after(o, rc__clean_append(&o->b, s, true));
}

void rc__out_md(rc__out *o, const char *s)
{
	rc_buf b;
	rc__buf_init(&b, 0);
	if (rc__clean_append(&b, s ? s : "", true) != RC_OK && !o->st)
		o->st = RC_ERR_NOMEM;
	for (size_t i = 0; b.data && i < b.len; i++) {
		char ch = b.data[i];
		if (strchr("|\\*_`[]<>#", ch))
			rc__outc(o, '\\');
		rc__outc(o, ch);
	}
	rc__buf_dispose(&b);
}

void rc__out_xml(rc__out *o, const char *s)
{
	if (!o->st)
		out_after(o, rc__xml_append(&o->b, s));
}

rc_status rc__out_finish(rc__out *o, rc_error *err)
{
	out_drain(o);
	if (o->st == RC_ERR_IO)
		return rc__error_set(err, RC_ERR_IO, "write error: %s", strerror(o->io_errno));
	if (o->st == RC_ERR_NOMEM)
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	if (o->st == RC_ERR_LIMIT)
		return rc__error_set(err, RC_ERR_LIMIT, "the output is larger than %zu bytes",
		                     (size_t)RC__REPORT_MAX_BYTES);
	if (o->st)
		return rc__error_set(err, o->st, "cannot write the output");
	if (o->fp && fflush(o->fp) != 0)
		return rc__error_set(err, RC_ERR_IO, "write error: %s", strerror(errno ? errno : EIO));
	return o->fp ? rc__io_check(o->fp, err) : RC_OK;
}

size_t rc__conflict_pairs(const rc_conflict *c)
{
	return c->n_claims > 1 ? c->n_claims - 1 : 0;
}

rc_status rc__conflict_summary(rc_buf *b, const rc_conflict *c)
{
	rc_status st = RC_OK;
	bool vs = c->kind == RC_CONFLICT_CONTRADICTION || c->kind == RC_CONFLICT_DISPUTE;
	size_t n = c->n_claims, head = n > RC__REPORT_MAX_SIDES ? RC__REPORT_MAX_SIDES - 1 : n;
	for (size_t i = 0; i < n && !st; i++) {
		if (i >= head && i + 1 < n)
			continue;
		if (i)
			st = rc__buf_puts(b, vs ? " vs " : " \xE2\x86\x92 ");
		if (!st && i == n - 1 && n > head + 1)
			st = rc__buf_printf(b, "\xE2\x80\xA6 %zu more \xE2\x80\xA6%s", n - head - 1,
			                    vs ? " vs " : " \xE2\x86\x92 ");
		if (!st)
			st = rc__clean_append(b, c->claims[i]->claim->text, true);
	}
	return st;
}

rc__claim_ids rc__ref_ids(const rc_result *res, const rc_claim_ref *ref)
{
	rc__claim_ids ids = {0};
	const rc_event *ev = rc_result_ref_event(res, ref);
	ids.event = ev ? ev->id : NULL;
	ids.events = rc_result_ref_event_ids(res, ref, &ids.n_events);
	return ids;
}
