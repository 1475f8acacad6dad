/*
 * summarize: the library in one call.  Reads articles (files, directories,
 * JSON Lines; standard input when none are named), reconciles what they
 * say and prints, per event, the figure to quote for each metric and who
 * says so.  Build against an installed library with
 *
 *     cc summarize.c $(pkg-config --cflags --libs recount) -o summarize
 *
 * Only <recount/recount.h> is used; see docs/architecture.md.
 */
#include <stdio.h>
#include <recount/recount.h>

int main(int argc, char **argv)
{
	rc_engine_options o = RC_ENGINE_OPTIONS_INIT;
	o.threads = 1;
	rc_error err;
	rc_engine *engine = NULL;
	rc_result *res = NULL;
	if (rc_engine_new(&engine, &o, &err) != RC_OK ||
	    rc_run(&res, engine, (const char *const *)argv + 1, (size_t)(argc - 1), NULL, &err) != RC_OK) {
		fprintf(stderr, "summarize: %s%s%s\n", err.path, err.path[0] ? ": " : "", err.message);
		rc_engine_free(engine);
		return 1;
	}
	/* built against RC_VERSION_STRING; rc_version() is the library that runs */
	printf("recount %s (built with %s): %zu documents, %zu claims, %zu events\n", rc_version(),
	       RC_VERSION_STRING, res->documents_read, res->claims, res->n_events);
	for (size_t e = 0; e < res->n_events; e++) {
		const rc_event *ev = &res->events[e];
		if (!ev->n_metrics)
			continue;
		printf("%s\n", ev->label);
		for (size_t m = 0; m < ev->n_metrics; m++) {
			const rc_metric_result *mr = &ev->metrics[m];
			if (!mr->current) {
				printf("  %s: no current figure\n", mr->metric);
				continue;
			}
			const rc_record *rec = mr->current->rec;
			printf("  %s: %g, as %s says (%s; %zu document%s, credible %g to %g)\n", mr->metric,
			       mr->current_value, rec->doc, rec->published ? rec->published : "undated",
			       mr->documents, mr->documents == 1 ? "" : "s", mr->low, mr->high);
		}
	}
	rc_result_free(res);
	rc_engine_free(engine);
	return 0;
}
