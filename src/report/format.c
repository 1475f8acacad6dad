/* Output format names. */
#include <string.h>
#include <recount/report.h>
#include "report/report-priv.h"

static const char *const names[] = {
	[RC_FORMAT_TEXT] = "text", [RC_FORMAT_JSON] = "json", [RC_FORMAT_JSONL] = "jsonl",
	[RC_FORMAT_MD] = "md", [RC_FORMAT_HTML] = "html", [RC_FORMAT_CSV] = "csv",
	[RC_FORMAT_TSV] = "tsv", [RC_FORMAT_GITHUB] = "github", [RC_FORMAT_JUNIT] = "junit",
	[RC_FORMAT_SARIF] = "sarif", [RC_FORMAT_CLAIMREVIEW] = "claimreview",
};

bool rc_format_parse(const char *name, rc_format *out)
{
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (names[i] && strcmp(names[i], name) == 0) {
			*out = (rc_format)i;
			return true;
		}
	}
	if (strcmp(name, "markdown") == 0) {
		*out = RC_FORMAT_MD;
		return true;
	}
	if (strcmp(name, "ndjson") == 0) {
		*out = RC_FORMAT_JSONL;
		return true;
	}
	return false;
}

const char *rc_format_str(rc_format f)
{
	return rc__name_of(names, RC_ARRAY_LEN(names), (size_t)f, "unknown");
}

rc_status rc_report_options_init(rc_report_options *o, unsigned version, rc_error *err)
{
	static const rc_report_options init = RC_REPORT_OPTIONS_INIT;
	return rc__options_init(o, sizeof *o, &init, "rc_report_options", version, RC_REPORT_OPTIONS_VERSION, err);
}

rc_status rc__report_options_check(const rc_report_options *opts, rc_error *err)
{
	return opts ? rc__options_check("rc_report_options", opts->version, RC_REPORT_OPTIONS_VERSION, err) : RC_OK;
}

rc_status rc__write_args_check(const rc_report_options *opts, const FILE *fp, const void *obj,
                               const char *fn, const char *missing, rc_error *err)
{
	if (rc__report_options_check(opts, err) != RC_OK)
		return RC_ERR_INVALID;
	if (!fp || !obj)
		return rc__error_set(err, RC_ERR_INVALID, "%s: %s", fn, missing);
	return RC_OK;
}
