/*
 * A hand-built rc_result for the renderer tests: the seed events (Kerman
 * with a contradiction and an aggregate, Moscow, Qom), a ferry fire with a
 * rising toll and a revision, and an event whose every string is hostile
 * (HTML, spreadsheet formulas, terminal escapes, GitHub workflow commands,
 * bidirectional overrides, commas, quotes and newlines).
 */
#ifndef RC_TEST_REPORT_SAMPLE_H
#define RC_TEST_REPORT_SAMPLE_H

#include <recount/recount.h>

typedef struct sample sample;

/* Build the sample; NULL when out of memory.  *res points into it. */
sample *sample_new(rc_result **res);
void sample_free(sample *s);

/* An empty result (no documents, no events). */
sample *sample_empty(rc_result **res);

/* The hostile strings the sample plants, to look for in outputs. */
#define SAMPLE_HOSTILE_SOURCE "=HYPERLINK(\"http://evil.example/\",\"x\")"
#define SAMPLE_HOSTILE_ATTRIB "+cmd|' /C calc'!A0"
#define SAMPLE_HOSTILE_QUOTE \
	"@SUM(1+1) <script>alert(\"x\")</script> said, \"12 dead\"\r\n" \
	"::error file=x::pwned %0A \x1b[31mred\x1b]0;title\x07 \xE2\x80\xAE" "evil & more"
#define SAMPLE_HOSTILE_LABEL "Attack in <b>Springfield</b> & \"Shelbyville\""
#define SAMPLE_HOSTILE_PATH "fixtures/check/odd, \"name\" #1.txt"
/* A URL that must never become a link, and one that must (with characters
 * that would end a Markdown link or an HTML attribute). */
#define SAMPLE_HOSTILE_URL "javascript:alert(document.cookie)"
#define SAMPLE_URL "https://iranintl.example/en/2024/01/19/arrests?a=1&b=(2)|\"x\" y"

#endif
