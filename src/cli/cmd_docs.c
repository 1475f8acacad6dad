/* recount docs: placeholder until its stage lands (see the issue tracker). */
#include <stdio.h>
#include "cli.h"

static int run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("recount docs: not built yet\n", stderr);
	return CLI_EXIT_ERROR;
}

const cli_command cli_cmd_docs = {
	.name = "docs",
	.args = "INPUT...",
	.summary = "(not built yet)",
	.opts = (const cli_opt[]){CLI_O_END},
	.run = run,
};
