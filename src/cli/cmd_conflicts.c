/* recount conflicts: placeholder until its stage lands (see the issue tracker). */
#include <stdio.h>
#include "cli.h"

static int run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("recount conflicts: not built yet\n", stderr);
	return CLI_EXIT_ERROR;
}

const cli_command cli_cmd_conflicts = {
	.name = "conflicts",
	.args = "INPUT...",
	.summary = "(not built yet)",
	.opts = (const cli_opt[]){CLI_O_END},
	.run = run,
};
