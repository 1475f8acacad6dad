/*
 * recount: display text.  Every human-readable output of recount (the
 * reports, the listings of `docs`, `events` and `extract --format text`,
 * and the diagnostics on standard error) writes strings that come from
 * articles or file names through one sanitiser, so that a hostile article
 * or file name cannot send a terminal escape (ESC, CSI, OSC, BEL, C1
 * controls) or reverse what a line says with bidirectional overrides.
 */
#ifndef RECOUNT_TEXT_H
#define RECOUNT_TEXT_H

#include <recount/export.h>

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Flags of the sanitiser. */
enum {
	/** Runs of white space (newlines and tabs included) become one space,
	 *  and leading and trailing white space goes: for one-line quotes. */
	RC_TEXT_COLLAPSE = 1u << 0,
	/** Hidden characters become U+FFFD instead of vanishing, so that a file
	 *  name shows where it had one: for diagnostics. */
	RC_TEXT_MARK = 1u << 1
};

/**
 * s[0..n) as display text, in a new NUL-terminated string (free() it):
 * invalid UTF-8 becomes U+FFFD; C0 and C1 control characters, DEL, the
 * bidirectional embeddings, overrides and isolates and the byte-order mark
 * are dropped (or marked with RC_TEXT_MARK); other white space becomes a
 * space (collapsed with RC_TEXT_COLLAPSE).  NULL when out of memory; a
 * NULL s gives "".  Thread-safe.
 */
RC_API char *rc_text_clean(const char *s, size_t n, unsigned flags);

/** fputs() of rc_text_clean(s): 0, or EOF on a write error or out of memory. */
RC_API int rc_text_fputs(const char *s, FILE *fp, unsigned flags);

/**
 * The number of terminal columns s takes once cleaned (for alignment); 0
 * for NULL.
 */
RC_API size_t rc_text_width(const char *s);

#ifdef __cplusplus
}
#endif
#endif
