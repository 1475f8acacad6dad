/*
 * recount COMMAND [OPTIONS] [INPUT...]: dispatch to a command.
 */
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include "cli.h"

static const cli_command *const commands[] = {
	&cli_cmd_report, &cli_cmd_check, &cli_cmd_conflicts, &cli_cmd_verify,
	&cli_cmd_extract, &cli_cmd_reconcile, &cli_cmd_events, &cli_cmd_numbers,
	&cli_cmd_docs,
};

static void usage(FILE *fp)
{
	fputs("Usage: recount COMMAND [OPTIONS] [INPUT...]\n\n"
	      "Reconcile the figures that news articles give for the same events.\n\n"
	      "Commands:\n", fp);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fputs("\nINPUT is a plain-text article, a directory of them, a JSON Lines batch\n"
	      "(.jsonl, .ndjson) or - for standard input.\n"
	      "'recount help COMMAND' (or 'recount COMMAND --help') describes a command;\n"
	      "recount(1) has the rest.\n"
	      "Exit status: 0 success, 1 found what the command looks for, 2 error.\n", fp);
}

static const cli_command *find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(name, commands[i]->name) == 0)
			return commands[i];
	return NULL;
}

/* "unknown command 'reprot'; did you mean 'report'?" and the usage. */
static int unknown(const char *name)
{
	const char *names[sizeof(commands) / sizeof(commands[0]) + 1];
	size_t n = 0;
	for (; n < sizeof(commands) / sizeof(commands[0]); n++)
		names[n] = commands[n]->name;
	names[n++] = "help";
	const char *near = cli_nearest(name, names, n);
	if (near)
		cli_errorf(NULL, "unknown command '%s'; did you mean '%s'?", name, near);
	else
		cli_errorf(NULL, "unknown command '%s'", name);
	fputc('\n', stderr);
	usage(stderr);
	return CLI_EXIT_ERROR;
}

int main(int argc, char **argv)
{
#ifdef __GLIBC__
	/* glibc raises its mmap threshold to the size of each large block
	 * freed; large arrays then come from the heap and, once freed, leave
	 * holes there that the reduce's arena blocks (mapped) never reuse:
	 * 13 to 22 MB of the peak on 100 MB of claims.  Its initial value,
	 * fixed, gives them back to the system (docs/performance.md). */
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
	if (argc < 2) {
		usage(stderr);
		return CLI_EXIT_ERROR;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		usage(stdout);
		return CLI_EXIT_OK;
	}
	if (strcmp(name, "help") == 0) {
		/* recount help [COMMAND] */
		if (argc < 3) {
			usage(stdout);
			return CLI_EXIT_OK;
		}
		const cli_command *cmd = find(argv[2]);
		if (!cmd)
			return unknown(argv[2]);
		cli_print_help(stdout, cmd);
		return CLI_EXIT_OK;
	}
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
		printf("recount %s\n", rc_version());
		return CLI_EXIT_OK;
	}
	const cli_command *cmd = find(name);
	if (cmd)
		return cli_run_command(cmd, argc - 1, argv + 1);
	return unknown(name);
}
