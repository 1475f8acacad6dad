/*
 * The recount command line: a thin layer over the library.  It parses
 * options into the library's option structs, calls the library, picks a
 * renderer and maps statuses to exit codes.  Includes only <recount/...>.
 */
#ifndef RC_CLI_H
#define RC_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <recount/recount.h>

#define RC_ARRAY_LEN_CLI(a) (sizeof(a) / sizeof((a)[0]))

/* Exit codes: the one table (docs/errors.md). */
enum {
	CLI_EXIT_OK = 0,      /* success; for check: every policy passed */
	CLI_EXIT_FOUND = 1,   /* found what the command looks for (check: a policy failed) */
	CLI_EXIT_ERROR = 2    /* usage error, unreadable input, output error, out of memory */
};

/* Map a library status to an exit code. */
int cli_exit_for(rc_status st);

/*
 * Option ids shared by several commands; ids from CLI_OPT_LOCAL up are a
 * command's own.  An id names the option for getopt; where its value goes
 * is said by its cli_opt (set, off, ...), and cli_parse() assigns it.
 */
enum {
	CLI_OPT_HELP = 1000,
	CLI_OPT_OUTPUT,       /* -o FILE */
	CLI_OPT_FORMAT,       /* -f, --format NAME */
	CLI_OPT_QUIET,        /* -q, --quiet */
	CLI_OPT_COLOR,        /* --color WHEN */
	CLI_OPT_JOBS,         /* -j, --jobs N */
	CLI_OPT_INPUT_FORMAT, /* --input-format auto|text|jsonl|json|html */
	CLI_OPT_FIELD,        /* --field NAME=KEY */
	CLI_OPT_RULES,        /* --rules FILE */
	CLI_OPT_EVENTS,       /* --events FILE */
	CLI_OPT_TOLERANCE,    /* --tolerance FRACTION */
	CLI_OPT_BEST,         /* --best RULE */
	CLI_OPT_MAX_DOC,      /* --max-document-bytes N */
	CLI_OPT_MAX_LINE,     /* --max-line-bytes N */
	CLI_OPT_MAX_CLAIMS,   /* --max-claims N (per document) */
	CLI_OPT_MAX_DOCS,     /* --max-documents N */
	CLI_OPT_WIDTH,        /* --width N */
	CLI_OPT_ALL_EVENTS,   /* --all-events */
	CLI_OPT_ANY_LANGUAGE, /* --any-language */
	CLI_OPT_LOCAL = 2000
};

typedef struct cli_ctx cli_ctx;

/* What an option does with its argument (cli_opt.set). */
typedef enum cli_set {
	CLI_SET_STR = 1,  /* const char * = the argument */
	CLI_SET_TRUE,     /* bool = true: a flag */
	CLI_SET_SIZE,     /* size_t = a whole number; at most max when max != 0 */
	CLI_SET_CHOICE,   /* int = the value of the choice named (choices) */
	CLI_SET_PARSE     /* parse(ctx, state, arg): checks of its own */
} cli_set;

/* One name a CLI_SET_CHOICE option accepts, and the value it stores. */
typedef struct cli_choice {
	const char *name;
	int value;
} cli_choice;

/* One option: drives getopt_long, --help, the assignment of its value
 * and (by hand) docs/recount.1. */
typedef struct cli_opt {
	const char *name;    /* long name */
	int short_name;      /* or 0 */
	const char *arg;     /* argument placeholder, or NULL for a flag */
	int id;
	const char *help;    /* one line */
	/* Where the value goes: at off in the cli_ctx, or in the command's
	 * state when in_state. */
	cli_set set;
	bool in_state;
	size_t off;
	size_t max;          /* CLI_SET_SIZE: the largest allowed, or 0 */
	const char *unit;    /* CLI_SET_SIZE: what a number of them is ("" or " columns") */
	const cli_choice *choices;  /* CLI_SET_CHOICE: terminated by a NULL name */
	const char *wants;   /* CLI_SET_CHOICE: how the error spells the choices */
	/* CLI_SET_PARSE: 0, or an exit code after printing the error */
	int (*parse)(cli_ctx *ctx, void *state, const char *arg);
} cli_opt;

/* The members of a cli_opt saying where its value goes: member of the
 * cli_ctx, or of the command's state (of type type). */
#define CLI_TO_CTX(how, member) .set = (how), .off = offsetof(cli_ctx, member)
#define CLI_TO_STATE(how, type, member) .set = (how), .in_state = true, .off = offsetof(type, member)

extern const cli_choice cli_color_choices[], cli_best_choices[];
int cli_parse_input_format(cli_ctx *ctx, void *state, const char *arg);
int cli_parse_field(cli_ctx *ctx, void *state, const char *arg);
int cli_parse_tolerance(cli_ctx *ctx, void *state, const char *arg);

/* Entries for the shared options, to put in a command's table. */
#define CLI_O_OUTPUT   {"output", 'o', "FILE", CLI_OPT_OUTPUT, "write to FILE (atomically) instead of standard output", CLI_TO_CTX(CLI_SET_STR, output)}
/* -f, --format with the help naming the command's formats */
#define CLI_O_FORMAT(help) {"format", 'f', "FMT", CLI_OPT_FORMAT, help, CLI_TO_CTX(CLI_SET_STR, format)}
#define CLI_O_QUIET    {"quiet", 'q', NULL, CLI_OPT_QUIET, "no progress, no summary on standard error", CLI_TO_CTX(CLI_SET_TRUE, quiet)}
#define CLI_O_COLOR    {"color", 0, "WHEN", CLI_OPT_COLOR, "colour: auto (default, terminal only), always, never", \
                        CLI_TO_CTX(CLI_SET_CHOICE, color), .choices = cli_color_choices, .wants = "auto, always or never"}
#define CLI_O_JOBS     {"jobs", 'j', "N", CLI_OPT_JOBS, "worker threads (default: all cores); output is the same for any N", \
                        CLI_TO_CTX(CLI_SET_SIZE, jobs), .max = 1024, .unit = ""}
/* how documents are read: their format, and which languages */
#define CLI_O_INFMT    {"input-format", 0, "FMT", CLI_OPT_INPUT_FORMAT, "auto (by extension), text, jsonl, json or html", \
                        .set = CLI_SET_PARSE, .parse = cli_parse_input_format}, \
                       {"any-language", 0, NULL, CLI_OPT_ANY_LANGUAGE, "read documents in any language (default: skip those not in English)", \
                        CLI_TO_CTX(CLI_SET_TRUE, ingest.any_language)}
#define CLI_O_FIELD    {"field", 0, "NAME=KEY", CLI_OPT_FIELD, "read JSON key KEY (a.b for nested) as field NAME (id, url, title, text, source, published, language)", \
                        .set = CLI_SET_PARSE, .parse = cli_parse_field}
#define CLI_O_RULES    {"rules", 0, "FILE", CLI_OPT_RULES, "add to or override the extraction rules (JSON, docs/rules.md)", CLI_TO_CTX(CLI_SET_STR, rules_path)}
#define CLI_O_EVENTS   {"events", 0, "FILE", CLI_OPT_EVENTS, "user-defined events (JSON, docs/events.md)", CLI_TO_CTX(CLI_SET_STR, events_path)}
#define CLI_O_TOLERANCE {"tolerance", 0, "FRACTION", CLI_OPT_TOLERANCE, "relative tolerance of approximate figures (default 0.10)", \
                        .set = CLI_SET_PARSE, .parse = cli_parse_tolerance}
#define CLI_O_BEST     {"best", 0, "RULE", CLI_OPT_BEST, "best: current (default), median, conservative", \
                        CLI_TO_CTX(CLI_SET_CHOICE, best), .choices = cli_best_choices, .wants = "current, median or conservative"}
#define CLI_O_MAXDOC   {"max-document-bytes", 0, "N", CLI_OPT_MAX_DOC, "skip documents larger than N bytes (default 64 MiB)", \
                        CLI_TO_CTX(CLI_SET_SIZE, ingest.limits.max_document_bytes)}
#define CLI_O_MAXLINE  {"max-line-bytes", 0, "N", CLI_OPT_MAX_LINE, "skip JSON Lines records longer than N bytes (default 64 MiB)", \
                        CLI_TO_CTX(CLI_SET_SIZE, ingest.limits.max_line_bytes)}
#define CLI_O_MAXCLAIMS {"max-claims", 0, "N", CLI_OPT_MAX_CLAIMS, "keep at most N claims per document, with a warning (default 10000)", \
                        CLI_TO_CTX(CLI_SET_SIZE, ingest.limits.max_claims_per_doc)}
#define CLI_O_MAXDOCS  {"max-documents", 0, "N", CLI_OPT_MAX_DOCS, "skip documents after the first N (default: no limit)", \
                        CLI_TO_CTX(CLI_SET_SIZE, ingest.limits.max_documents)}
#define CLI_O_WIDTH    {"width", 0, "N", CLI_OPT_WIDTH, "text: wrap quotes to N columns (default: the terminal's width; 0: never)", \
                        CLI_TO_CTX(CLI_SET_SIZE, width), .max = 10000, .unit = " columns"}
#define CLI_O_ALL_EVENTS {"all-events", 0, NULL, CLI_OPT_ALL_EVENTS, "text, md, html: also list events with no figures", CLI_TO_CTX(CLI_SET_TRUE, all_events)}
/* All four limits (docs/limits.md), for commands that read documents. */
#define CLI_O_LIMITS   CLI_O_MAXDOC, CLI_O_MAXLINE, CLI_O_MAXCLAIMS, CLI_O_MAXDOCS
#define CLI_O_END      {.name = NULL}

/* cli_ctx.width without --width: the terminal's. */
#define CLI_WIDTH_TERMINAL SIZE_MAX

/* Everything the shared options set. */
typedef struct cli_command cli_command;

struct cli_ctx {
	const char *prog;          /* "recount COMMAND" */
	const cli_command *cmd;    /* the command parsed */
	const char *output;        /* -o, or NULL for stdout */
	const char *format;        /* --format as given, or NULL */
	bool quiet;
	int color;                 /* -1 auto, 0 never, 1 always */
	size_t width;              /* --width: CLI_WIDTH_TERMINAL, 0 never wrap, else columns */
	bool all_events;           /* --all-events */
	size_t jobs;               /* 0: all cores */
	rc_ingest_options ingest;
	const char *rules_path;
	const char *events_path;
	double tolerance;          /* 0: default */
	int best;                  /* an rc_best_rule */
	unsigned window_days;      /* reconcile --window-days; 0: default */
	double duplicate_threshold; /* reconcile --duplicate-threshold; 0: default */
	/* storage for --field */
	const char *field_keys[RC_FIELD_COUNT_][9];
	char **inputs;             /* positional arguments */
	int n_inputs;
};

/* What a command tells the parser about itself. */
typedef struct cli_command {
	const char *name;
	const char *args;          /* synopsis of positional arguments */
	const char *summary;       /* one line for `recount --help` */
	const char *description;   /* a paragraph for `recount COMMAND --help` */
	const cli_opt *opts;       /* terminated by CLI_O_END */
	/* The work, once the options and --format are read (cli_run_command):
	 * returns the exit code.  state is the command's state below. */
	int (*run)(cli_ctx *ctx, rc_format fmt, void *state);
	/* The size of the command's own state: cli_run_command() hands a
	 * zeroed object of it to the options that go there, check and run. */
	size_t state_size;
	/* Checks after the options, before --format is read: 0 or an exit
	 * code after printing the error (or NULL). */
	int (*check)(cli_ctx *ctx, void *state);
	/* With run = cli_run_reconciling: what writes the result. */
	rc_status (*write)(FILE *fp, const rc_result *res, rc_format fmt,
	                   const rc_report_options *ro, void *data, rc_error *err);
	/* What --format may name, the first the default, and how its error
	 * message spells them. */
	const rc_format *formats;
	size_t n_formats;
	const char *format_names;
} cli_command;

/* The members of a cli_command that name its formats: list (an array of
 * rc_format, the first the default) and how errors spell them. */
#define CLI_FORMATS(list, names) \
	.formats = (list), .n_formats = RC_ARRAY_LEN_CLI(list), .format_names = (names)

/*
 * Parse argv for cmd.  Returns -1 to go on, or an exit code to return at
 * once (after --help, or a usage error, which it prints).
 */
int cli_parse(cli_ctx *ctx, const cli_command *cmd, int argc, char **argv, void *state);
void cli_ctx_dispose(cli_ctx *ctx);

/*
 * Every command's skeleton: a zeroed state of cmd->state_size bytes,
 * cli_parse() into the context and that state, its check, cli_command_format(), then its run.  Returns the
 * exit code.
 */
int cli_run_command(const cli_command *cmd, int argc, char **argv);

/* Fill err (status st, message from fmt, no position) and return st. */
rc_status cli_set_error(rc_error *err, rc_status st, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/*
 * The name in names[0..n) nearest to typed, for "did you mean": within a
 * small edit distance (transpositions count as one edit), or the only one
 * typed is a prefix of; NULL when none is close.
 */
const char *cli_nearest(const char *typed, const char *const *names, size_t n);

/* Print --help for a command. */
void cli_print_help(FILE *fp, const cli_command *cmd);

/* Diagnostics on stderr: "recount: path:line:col: message". */
void cli_error(const cli_ctx *ctx, const rc_error *err);
void cli_errorf(const cli_ctx *ctx, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
void cli_diag(const cli_ctx *ctx, const rc_diag *d);

/* Whether colour is on for a stream, from --color, NO_COLOR and isatty. */
bool cli_use_color(const cli_ctx *ctx, FILE *fp);

/*
 * Output: -o FILE is written to a hidden temporary file beside FILE
 * (".FILE.tmp.XXXXXX") and renamed when cli_output_close() succeeds, so a
 * failed run never leaves a half-written file; SIGINT, SIGTERM and SIGHUP
 * remove the temporary.  A symbolic link is written through (its target
 * gets the output); a directory or a dangling link is refused.  Without
 * -o, standard output.
 */
typedef struct cli_output {
	FILE *fp;
	char *tmp_path;
	const char *final_path;   /* the file written: FILE, or a link's target */
	char *resolved;           /* storage of a link's target */
} cli_output;

int cli_output_open(cli_output *out, const cli_ctx *ctx);
/* Flush and commit (ok) or discard (!ok).  Returns an exit code: 0 when
 * ok and committed, else 2 (so a run ends with `return cli_output_close(..., ok)`). */
int cli_output_close(cli_output *out, const cli_ctx *ctx, bool ok);

/*
 * --format of the command cli_parse() read (cli_command.formats): *fmt
 * gets the one named, or, without --format, the one -o's extension names
 * among them, or the default.  A format outside them is an error.  Returns
 * 0 or an exit code after printing the error.
 */
int cli_command_format(const cli_ctx *ctx, rc_format *fmt);

/* Writes a result to an opened output, with the renderer options the
 * shared options give for it (colour, width, --all-events). */
typedef rc_status (*cli_writer)(FILE *fp, const rc_result *res, rc_format fmt,
                                const rc_report_options *ro, void *data, rc_error *err);

/* The renderer options for writing fmt to fp: colour (--color, NO_COLOR, a
 * terminal), the width text wraps to (--width, else the terminal's when fp
 * is one, else none) and --all-events. */
rc_report_options cli_report_options(const cli_ctx *ctx, FILE *fp, rc_format fmt);
/*
 * The end of every reporting command: open the output (-o or standard
 * output), write res with fn, commit or discard the output, free res.
 * Returns 0 or an exit code after printing the error.
 */
int cli_write_result(const cli_ctx *ctx, rc_result *res, rc_format fmt, cli_writer fn, void *data);
/* A cli_writer for reports: rc_report_write_json for json, else rc_report_write. */
rc_status cli_write_report(FILE *fp, const rc_result *res, rc_format fmt,
                           const rc_report_options *ro, void *data, rc_error *err);

/* The engine of the shared options (--tolerance, --rules, --events, the
 * limits, how documents are read, -j, --best; --window-days and
 * --duplicate-threshold of reconcile): rc_engine_new() applies the
 * defaults.  Returns 0 or an exit code after printing the error. */
int cli_engine_open(const cli_ctx *ctx, rc_engine **e);

/*
 * Every input named on the command line exists: a missing one (a mistyped
 * path) is an error, named, before any work is done; returns 0 or
 * CLI_EXIT_ERROR.  An input that exists but cannot be read is left to the
 * reader, which skips it with a diagnostic.  (`docs` lists missing inputs
 * as skipped instead: showing what could not be read is its job.)
 */
int cli_inputs_exist(const cli_ctx *ctx);

/* Open a reader over ctx->inputs (or "-" when there are none). */
int cli_make_reader(cli_ctx *ctx, rc_reader **r);

/*
 * Progress on standard error for long runs: documents, MB, rate and, when
 * the inputs are regular files, time left.  Shown only on a terminal,
 * after the first second, and never with --quiet or CI=true.  Pass
 * cli_progress_fn and the struct as rc_map_options.progress/_user.
 */
typedef struct cli_progress {
	const cli_ctx *ctx;
	bool on;
	bool shown;
	size_t total_bytes;    /* of the inputs, when known; else 0 */
} cli_progress;

void cli_progress_init(cli_progress *p, const cli_ctx *ctx);
void cli_progress_fn(void *user, const rc_progress *pr);
/* After reading that showed progress, say what the pause that follows is
 * ("reconciling N claims of M documents ..."); cli_progress_clear() takes
 * the line away when it is over. */
void cli_progress_reconciling(cli_progress *p, rc_record *const *recs, size_t n);
void cli_progress_clear(cli_progress *p);

/*
 * The whole pipeline for the commands that read articles and reconcile
 * them (report, conflicts, check): rc_run() over ctx->inputs with the
 * engine of the shared options (-j, progress).  Diagnostics of skipped
 * documents go to standard error (not with -q); the accounting line ("N
 * documents read, ...") too.  On success *out is the result; returns 0 or
 * an exit code after printing the error.
 */
int cli_reconcile_inputs(cli_ctx *ctx, rc_result **out);

/*
 * The run of a command that reads articles, reconciles them and writes
 * the result with its cli_command's write (report, conflicts):
 * cli_reconcile_inputs(), then cli_write_result().  Returns the exit code.
 */
int cli_run_reconciling(cli_ctx *ctx, rc_format fmt, void *state);

/*
 * The map phase over ctx->inputs: a reader, -j workers and progress into
 * prog (initialised here); each record goes to fn, in input order, after
 * prepare (if any) ran on its worker.  Returns 0 or an exit code after
 * printing the error.
 */
int cli_map_inputs(cli_ctx *ctx, const rc_engine *eng, cli_progress *prog, rc_record_fn fn,
                   void *user, rc_record_fn prepare, void *prepare_user);

/* The map phase of the same, kept: the records of ctx->inputs
 * (rc_engine_collect; the caller frees them and the array), with progress
 * into prog (initialised here).  Each record goes to watch(user, rec) as it
 * comes, in input order; without watch (NULL), the diagnostics of skipped
 * documents and of cuts such as the claim limit are printed (not with
 * -q).  Returns 0 or an exit code after printing the error. */
int cli_collect_records(cli_ctx *ctx, const rc_engine *eng, rc_record ***recs, size_t *n,
                        cli_progress *prog, void (*watch)(void *user, const rc_record *rec),
                        void *user);

/* The commands, each defined in cmd_<name>.c. */
extern const cli_command cli_cmd_docs;
extern const cli_command cli_cmd_numbers;
extern const cli_command cli_cmd_extract;
extern const cli_command cli_cmd_events;
extern const cli_command cli_cmd_reconcile;
extern const cli_command cli_cmd_report;
extern const cli_command cli_cmd_conflicts;
extern const cli_command cli_cmd_check;
extern const cli_command cli_cmd_verify;

#endif
