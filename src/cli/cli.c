/*
 * Shared CLI machinery: the option parser driven by each command's option
 * table, --help, diagnostics, colour, atomic output files, and the
 * construction of readers and extractors from the shared options.
 */
/* realpath() is XSI */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include "cli.h"

int cli_exit_for(rc_status st)
{
	return st == RC_OK ? CLI_EXIT_OK : CLI_EXIT_ERROR;
}

/*
 * Every diagnostic goes out through the sanitiser (<recount/text.h>): a file
 * name or a message quoting an article may hold terminal escapes, and on
 * standard error they would reach the terminal.  Hidden characters are
 * marked with U+FFFD rather than dropped, so a file name shows where it had
 * one.
 */
static void say(const cli_ctx *ctx, const char *fmt, va_list ap)
{
	char *msg = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&msg, &len);
	if (mem) {
		vfprintf(mem, fmt, ap);
		if (fclose(mem) != 0) {
			free(msg);
			msg = NULL;
		}
	}
	fprintf(stderr, "%s: ", ctx && ctx->prog ? ctx->prog : "recount");
	rc_text_fputs(msg ? msg : "out of memory", stderr, RC_TEXT_MARK);
	fputc('\n', stderr);
	free(msg);
}

static void sayf(const cli_ctx *ctx, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static void sayf(const cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(ctx, fmt, ap);
	va_end(ap);
}

void cli_errorf(const cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(ctx, fmt, ap);
	va_end(ap);
}

rc_status cli_set_error(rc_error *err, rc_status st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	err->status = st;
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	err->path[0] = 0;
	err->line = err->column = 0;
	err->offset = (size_t)-1;
	return st;
}

/* "path:line:col: " or "path: byte N: " into a fresh string, or "". */
static char *location(const char *path, size_t line, size_t column, size_t offset)
{
	char *s = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&s, &len);
	if (!mem)
		return NULL;
	if (path && *path) {
		fputs(path, mem);
		if (line) {
			fprintf(mem, ":%zu", line);
			if (column)
				fprintf(mem, ":%zu", column);
		} else if (offset != (size_t)-1) {
			fprintf(mem, ": byte %zu", offset);
		}
		fputs(": ", mem);
	}
	if (fclose(mem) != 0) {
		free(s);
		return NULL;
	}
	return s;
}

void cli_error(const cli_ctx *ctx, const rc_error *err)
{
	const char *path = err->path;
	/* The library's writers see only a FILE *: an I/O error that names no
	 * file is about the output, so name it (-o FILE or standard output). */
	if (err->status == RC_ERR_IO && !path[0])
		path = ctx && ctx->output && strcmp(ctx->output, "-") != 0 ? ctx->output
		                                                          : "standard output";
	char *loc = location(path, err->line, err->column, err->offset);
	sayf(ctx, "%serror: %s", loc ? loc : "",
	     err->message[0] ? err->message : rc_status_str(err->status));
	free(loc);
}

void cli_diag(const cli_ctx *ctx, const rc_diag *d)
{
	char *loc = location(d->path, d->line, d->column, d->offset);
	sayf(ctx, "%s%s: %s", loc ? loc : "", rc_severity_str(d->severity),
	     d->message ? d->message : "");
	free(loc);
}

bool cli_use_color(const cli_ctx *ctx, FILE *fp)
{
	/* An explicit --color wins over the environment (no-color.org: "user
	 * config files and per-instance command-line arguments should override
	 * NO_COLOR"); NO_COLOR turns off the automatic choice. */
	if (ctx->color == 0)
		return false;
	if (ctx->color == 1)
		return true;
	const char *nc = getenv("NO_COLOR");
	if (nc && *nc)
		return false;
	const char *term = getenv("TERM");
	if (term && strcmp(term, "dumb") == 0)
		return false;
	return isatty(fileno(fp));
}

void cli_print_help(FILE *fp, const cli_command *cmd)
{
	fprintf(fp, "Usage: recount %s [OPTIONS] %s\n\n%s\n", cmd->name, cmd->args, cmd->summary);
	if (cmd->description)
		fprintf(fp, "\n%s\n", cmd->description);
	fputs("\nOptions:\n", fp);
	for (const cli_opt *o = cmd->opts; o && o->name; o++) {
		char head[64];
		int n;
		if (o->short_name)
			n = snprintf(head, sizeof(head), "-%c, --%s", o->short_name, o->name);
		else
			n = snprintf(head, sizeof(head), "    --%s", o->name);
		if (o->arg && n > 0 && (size_t)n < sizeof(head))
			snprintf(head + n, sizeof(head) - (size_t)n, " %s", o->arg);
		fprintf(fp, "  %-28s %s\n", head, o->help);
	}
	fprintf(fp, "  %-28s %s\n", "-h, --help", "show this help");
	fputs("\nExit status: 0 success, 1 found what the command looks for, 2 error.\n"
	      "See recount(1) and docs/ for details.\n", fp);
}

/* ---- "did you mean" --------------------------------------------------- */

/* Edit distance with adjacent transpositions (optimal string alignment):
 * "reprot" is one edit from "report". */
static size_t edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > 64 || m > 64)
		return (size_t)-1;
	size_t d[65][65];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m];
}

const char *cli_nearest(const char *typed, const char *const *names, size_t n)
{
	const char *best = NULL, *prefix = NULL;
	size_t best_d = (size_t)-1, len = strlen(typed), prefixes = 0;
	for (size_t i = 0; i < n; i++) {
		if (len >= 2 && strncmp(names[i], typed, len) == 0) {
			prefix = names[i];
			prefixes++;
		}
		size_t d = edit_distance(typed, names[i]);
		if (d < best_d) {
			best_d = d;
			best = names[i];
		}
	}
	/* close enough to be a slip, not a different word */
	size_t limit = len < 4 ? 1 : len < 9 ? 2 : 3;
	if (best && best_d <= limit)
		return best;
	return prefixes == 1 ? prefix : NULL;
}

/* ---- options ------------------------------------------------------------ */

int cli_parse_field(cli_ctx *ctx, void *state, const char *arg)
{
	(void)state;
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg || !eq[1]) {
		cli_errorf(ctx, "--field wants NAME=KEY, got '%s'", arg);
		return CLI_EXIT_ERROR;
	}
	rc_field f;
	if (!rc_field_parse(arg, (size_t)(eq - arg), &f)) {
		cli_errorf(ctx, "--field: unknown field '%.*s' (id, url, title, text, source, "
		           "published, language)", (int)(eq - arg), arg);
		return CLI_EXIT_ERROR;
	}
	size_t i = 0;
	while (ctx->field_keys[f][i])
		i++;
	if (i + 1 >= RC_ARRAY_LEN_CLI(ctx->field_keys[f])) {
		cli_errorf(ctx, "too many --field options for '%s'", rc_field_name(f));
		return CLI_EXIT_ERROR;
	}
	ctx->field_keys[f][i] = eq + 1;
	ctx->ingest.field_keys[f] = ctx->field_keys[f];
	return 0;
}

int cli_parse_input_format(cli_ctx *ctx, void *state, const char *arg)
{
	(void)state;
	if (!rc_input_format_parse(arg, &ctx->ingest.format)) {
		cli_errorf(ctx, "--input-format wants auto, text, jsonl, json or html, got '%s'", arg);
		return CLI_EXIT_ERROR;
	}
	return 0;
}

int cli_parse_tolerance(cli_ctx *ctx, void *state, const char *arg)
{
	(void)state;
	char *end;
	errno = 0;
	double t = strtod(arg, &end);
	if (errno || end == arg || *end || !(t >= 0.0 && t < 1.0)) {
		cli_errorf(ctx, "--tolerance wants a fraction from 0 to 1 (e.g. 0.1), got '%s'", arg);
		return CLI_EXIT_ERROR;
	}
	/* 0 would mean "the default" to the library; keep an explicit 0 exact. */
	ctx->tolerance = t > 0.0 ? t : 1e-12;
	return 0;
}

const cli_choice cli_color_choices[] = {{"auto", -1}, {"always", 1}, {"never", 0}, {NULL, 0}};
/* "latest" is the old name of "current" */
const cli_choice cli_best_choices[] = {{"current", RC_BEST_CURRENT}, {"latest", RC_BEST_CURRENT},
                                       {"median", RC_BEST_MEDIAN},
                                       {"conservative", RC_BEST_CONSERVATIVE}, {NULL, 0}};

/* A whole number, at most o->max when that is set ("--width: 20000 columns
 * is too many (at most 10000)"). */
static int parse_size(cli_ctx *ctx, const cli_opt *o, const char *arg, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(arg, &end, 10);
	if (errno || end == arg || *end || arg[0] == '-') {
		cli_errorf(ctx, "--%s wants a whole number, got '%s'", o->name, arg);
		return CLI_EXIT_ERROR;
	}
	*out = (size_t)v;
	if (o->max && *out > o->max) {
		cli_errorf(ctx, "--%s: %zu%s is too many (at most %zu)", o->name, *out, o->unit, o->max);
		return CLI_EXIT_ERROR;
	}
	return 0;
}

/* Give option o its argument, where its table entry says. */
static int assign(cli_ctx *ctx, void *state, const cli_opt *o, const char *arg)
{
	char *to = (o->in_state ? (char *)state : (char *)ctx) + o->off;
	switch (o->set) {
	case CLI_SET_STR:
		*(const char **)(void *)to = arg;
		return 0;
	case CLI_SET_TRUE:
		*(bool *)(void *)to = true;
		return 0;
	case CLI_SET_SIZE:
		return parse_size(ctx, o, arg, (size_t *)(void *)to);
	case CLI_SET_CHOICE:
		for (const cli_choice *c = o->choices; c->name; c++)
			if (strcmp(arg, c->name) == 0) {
				*(int *)(void *)to = c->value;
				return 0;
			}
		cli_errorf(ctx, "--%s wants %s, got '%s'", o->name, o->wants, arg);
		return CLI_EXIT_ERROR;
	case CLI_SET_PARSE:
		return o->parse(ctx, state, arg);
	}
	cli_errorf(ctx, "option not handled (internal error)");
	return CLI_EXIT_ERROR;
}

int cli_parse(cli_ctx *ctx, const cli_command *cmd, int argc, char **argv, void *state)
{
	static char prog[64];
	memset(ctx, 0, sizeof(*ctx));
	ctx->ingest = (rc_ingest_options)RC_INGEST_OPTIONS_INIT;
	ctx->cmd = cmd;
	snprintf(prog, sizeof(prog), "recount %s", cmd->name);
	ctx->prog = prog;
	ctx->color = -1;
	ctx->width = CLI_WIDTH_TERMINAL;

	size_t n = 0;
	for (const cli_opt *o = cmd->opts; o && o->name; o++)
		n++;
	struct option *lo = calloc(n + 2, sizeof(*lo));
	char *so = calloc(2 * n + 4, 1);
	if (!lo || !so) {
		free(lo);
		free(so);
		cli_errorf(ctx, "out of memory");
		return CLI_EXIT_ERROR;
	}
	size_t k = 0, s = 0;
	/* Leading ':' so that a missing argument is reported as ':', not '?'.
	 * GNU getopt permutes, so options may follow the inputs. */
	so[s++] = ':';
	for (const cli_opt *o = cmd->opts; o && o->name; o++, k++) {
		lo[k].name = o->name;
		lo[k].has_arg = o->arg ? required_argument : no_argument;
		lo[k].flag = NULL;
		lo[k].val = o->id;
		if (o->short_name) {
			so[s++] = (char)o->short_name;
			if (o->arg)
				so[s++] = ':';
		}
	}
	lo[k].name = "help";
	lo[k].has_arg = no_argument;
	lo[k].val = CLI_OPT_HELP;
	so[s++] = 'h';

	int ret = -1;
	optind = 1;
	opterr = 0;
	for (;;) {
		int li = -1;
		int c = getopt_long(argc, argv, so, lo, &li);
		if (c == -1)
			break;
		if (c == 'h' || c == CLI_OPT_HELP) {
			cli_print_help(stdout, cmd);
			ret = CLI_EXIT_OK;
			break;
		}
		if (c == '?' || c == ':') {
			const char *bad = argv[optind - 1];
			if (c == ':') {
				cli_errorf(ctx, "option '%s' needs an argument", bad);
			} else if (optopt && optopt < 256) {
				cli_errorf(ctx, "unknown option '-%c'", optopt);
			} else {
				/* the long names, and "help", to suggest the nearest */
				const char *names[128];
				size_t nn = 0;
				for (const cli_opt *o = cmd->opts; o && o->name && nn < 127; o++)
					names[nn++] = o->name;
				names[nn++] = "help";
				char word[96];
				snprintf(word, sizeof word, "%s", bad + (strncmp(bad, "--", 2) == 0 ? 2 : 0));
				word[strcspn(word, "=")] = '\0';
				const char *near = cli_nearest(word, names, nn);
				if (near)
					cli_errorf(ctx, "unknown option '%s'; did you mean '--%s'?", bad, near);
				else
					cli_errorf(ctx, "unknown option '%s'", bad);
			}
			fprintf(stderr, "Try 'recount %s --help'.\n", cmd->name);
			ret = CLI_EXIT_ERROR;
			break;
		}
		/* its entry: by short name, or by id */
		const cli_opt *o = cmd->opts;
		while (o->name && (c < 256 ? o->short_name != c : o->id != c))
			o++;
		int r = assign(ctx, state, o, optarg);
		if (r > 0) {
			fprintf(stderr, "Try 'recount %s --help'.\n", cmd->name);
			ret = r;
			break;
		}
	}
	free(lo);
	free(so);
	if (ret >= 0)
		return ret;
	ctx->inputs = argv + optind;
	ctx->n_inputs = argc - optind;
	/* Inputs come after the arguments the synopsis requires ("CLAIM" for
	 * verify); with none, a command reads standard input, and on a
	 * terminal that would look like a hang to someone who just typed
	 * `recount report`: show the help instead.  An explicit - still reads
	 * the terminal. */
	int before = 0;
	for (const char *a = cmd->args; a && *a;) {
		size_t len = strcspn(a, " ");
		if (a[0] != '[' && !(len >= 3 && strncmp(a + len - 3, "...", 3) == 0))
			before++;
		a += len;
		a += strspn(a, " ");
	}
	if (ctx->n_inputs <= before && isatty(STDIN_FILENO)) {
		cli_errorf(ctx, "no input given, and standard input is a terminal: name the articles "
		           "(files, directories, .jsonl batches), pipe them in, or give - to type them");
		fputc('\n', stderr);
		cli_print_help(stderr, cmd);
		return CLI_EXIT_ERROR;
	}
	/* -o naming one of the inputs would replace it with the output (after
	 * reading it, but a claims file or a batch is lost all the same):
	 * refused, whatever the spelling (same device and inode, so links and
	 * "./x" count too). */
	struct stat os;
	if (ctx->output && strcmp(ctx->output, "-") != 0 && stat(ctx->output, &os) == 0 &&
	    S_ISREG(os.st_mode))
		for (int i = 0; i < ctx->n_inputs; i++) {
			struct stat is;
			if (stat(ctx->inputs[i], &is) == 0 && is.st_dev == os.st_dev && is.st_ino == os.st_ino) {
				cli_errorf(ctx, "-o %s would overwrite the input %s; write the output elsewhere",
				           ctx->output, ctx->inputs[i]);
				return CLI_EXIT_ERROR;
			}
		}
	return -1;
}

void cli_ctx_dispose(cli_ctx *ctx)
{
	(void)ctx;
}

/*
 * The temporary file of -o, removed if the process is interrupted: on
 * SIGINT, SIGTERM and SIGHUP the handler unlinks it (unlink() is
 * async-signal-safe) and the signal is raised again with its default
 * action (SA_RESETHAND), so the exit status still says what killed us.
 * A signal the process was started ignoring (nohup) stays ignored.
 */
static char *volatile sig_tmp_path;
static volatile sig_atomic_t sig_tmp_armed;
static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void remove_tmp_on_signal(int sig)
{
	if (sig_tmp_armed && sig_tmp_path)
		unlink(sig_tmp_path);
	raise(sig);
}

static void arm_cleanup(char *path)
{
	static bool installed;
	sig_tmp_path = path;
	sig_tmp_armed = 1;
	if (installed)
		return;
	installed = true;
	for (size_t i = 0; i < RC_ARRAY_LEN_CLI(cleanup_signals); i++) {
		struct sigaction old, sa;
		if (sigaction(cleanup_signals[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
			continue;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = remove_tmp_on_signal;
		sa.sa_flags = SA_RESETHAND;
		sigemptyset(&sa.sa_mask);
		sigaction(cleanup_signals[i], &sa, NULL);
	}
}

/* Hold the cleanup signals (a signal that arrives meanwhile is delivered
 * when *old is restored). */
static void hold_cleanup_signals(sigset_t *old)
{
	sigset_t block;
	sigemptyset(&block);
	for (size_t i = 0; i < RC_ARRAY_LEN_CLI(cleanup_signals); i++)
		sigaddset(&block, cleanup_signals[i]);
	pthread_sigmask(SIG_BLOCK, &block, old);
}

/* Commit or drop the temporary with the signals held, so that a signal
 * never finds the path half renamed; then disarm. */
static bool finish_tmp(const char *tmp, const char *final, bool commit, int *errno_out)
{
	sigset_t old;
	hold_cleanup_signals(&old);
	bool ok = true;
	if (commit && rename(tmp, final) != 0) {
		*errno_out = errno;
		ok = false;
	}
	if (!commit || !ok)
		unlink(tmp);
	sig_tmp_armed = 0;
	sig_tmp_path = NULL;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return ok;
}

/* ".NAME.tmp.XXXXXX" beside path: hidden, so that a run reading the
 * directory the output goes to never reads its own half-written output. */
static char *tmp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
	size_t len = strlen(path) + 16;
	char *t = malloc(len);
	if (t)
		snprintf(t, len, "%.*s.%s.tmp.XXXXXX", (int)dir, path, path + dir);
	return t;
}

int cli_output_open(cli_output *out, const cli_ctx *ctx)
{
	memset(out, 0, sizeof(*out));
	if (!ctx->output || strcmp(ctx->output, "-") == 0) {
		out->fp = stdout;
		return 0;
	}
	/* A symbolic link is written through, as sort -o and a shell's > do:
	 * the file it points to gets the output (renamed into place beside
	 * it), the link stays.  A dangling link is refused rather than
	 * guessed at. */
	const char *target = ctx->output;
	struct stat lst;
	if (lstat(ctx->output, &lst) == 0 && S_ISLNK(lst.st_mode)) {
		out->resolved = realpath(ctx->output, NULL);
		if (!out->resolved) {
			cli_errorf(ctx, "%s: a symbolic link to a file that cannot be reached (%s); "
			           "write to the file itself", ctx->output, strerror(errno));
			return CLI_EXIT_ERROR;
		}
		target = out->resolved;
	}
	/* A device or FIFO (-o /dev/null, /dev/stdout, a pipe) is written in
	 * place: a rename would replace the device node itself (as root) or
	 * fail to create the temporary file beside it. */
	struct stat st;
	bool exists = stat(target, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		cli_errorf(ctx, "%s: is a directory; -o wants a file", ctx->output);
		goto fail;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		out->fp = fopen(target, "w");
		if (!out->fp) {
			cli_errorf(ctx, "%s: cannot open output: %s", ctx->output, strerror(errno));
			goto fail;
		}
		out->final_path = target;
		return 0;
	}
	out->tmp_path = tmp_name(target);
	if (!out->tmp_path) {
		cli_errorf(ctx, "out of memory");
		goto fail;
	}
	/* The file is created and the handler armed with the signals held: a
	 * signal between the two would otherwise leave the temporary behind. */
	sigset_t held;
	hold_cleanup_signals(&held);
	int fd = mkstemp(out->tmp_path);
	int create_errno = errno;
	if (fd >= 0)
		arm_cleanup(out->tmp_path);
	pthread_sigmask(SIG_SETMASK, &held, NULL);
	if (fd < 0) {
		cli_errorf(ctx, "%s: cannot create output file: %s", ctx->output, strerror(create_errno));
		goto fail;
	}
	/* mkstemp() makes the file 0600.  Give it the mode the file it replaces
	 * had, or what a shell redirection gives a new file (0666 less the
	 * umask), so that -o FILE and > FILE agree.  Failing that, 0600 stays. */
	mode_t mode;
	if (exists && S_ISREG(st.st_mode)) {
		mode = st.st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	(void)fchmod(fd, mode);
	out->fp = fdopen(fd, "w");
	if (!out->fp) {
		cli_errorf(ctx, "%s: %s", ctx->output, strerror(errno));
		close(fd);
		int e;
		finish_tmp(out->tmp_path, NULL, false, &e);
		goto fail;
	}
	out->final_path = target;
	return 0;
fail:
	free(out->tmp_path);
	free(out->resolved);
	memset(out, 0, sizeof *out);
	return CLI_EXIT_ERROR;
}

int cli_output_close(cli_output *out, const cli_ctx *ctx, bool ok)
{
	int ret = ok ? CLI_EXIT_OK : CLI_EXIT_ERROR;
	if (!out->fp)
		return ret;
	const char *name = out->final_path ? ctx->output : "standard output";
	if (fflush(out->fp) != 0 || ferror(out->fp)) {
		if (ok)
			cli_errorf(ctx, "%s: write error: %s", name, strerror(errno ? errno : EIO));
		ok = false;
		ret = CLI_EXIT_ERROR;
	}
	if (out->tmp_path) {
		if (fclose(out->fp) != 0 && ok) {
			cli_errorf(ctx, "%s: write error: %s", name, strerror(errno));
			ok = false;
			ret = CLI_EXIT_ERROR;
		}
		int e = 0;
		if (!finish_tmp(out->tmp_path, out->final_path, ok, &e)) {
			cli_errorf(ctx, "%s: cannot rename output: %s", name, strerror(e));
			ret = CLI_EXIT_ERROR;
		}
		free(out->tmp_path);
	} else if (out->fp != stdout && fclose(out->fp) != 0 && ok) {
		cli_errorf(ctx, "%s: write error: %s", name, strerror(errno));
		ret = CLI_EXIT_ERROR;
	}
	free(out->resolved);
	memset(out, 0, sizeof(*out));
	return ret;
}

int cli_make_reader(cli_ctx *ctx, rc_reader **r)
{
	static const char *const stdin_only[] = {"-"};
	const char *const *inputs = ctx->n_inputs ? (const char *const *)ctx->inputs : stdin_only;
	size_t n = ctx->n_inputs ? (size_t)ctx->n_inputs : 1;
	rc_error err;
	if (rc_reader_new(r, &ctx->ingest, inputs, n, &err) != RC_OK) {
		cli_error(ctx, &err);
		return CLI_EXIT_ERROR;
	}
	return 0;
}

int cli_engine_open(const cli_ctx *ctx, rc_engine **e)
{
	rc_engine_options o = RC_ENGINE_OPTIONS_INIT;
	o.approx_tolerance = ctx->tolerance;
	o.rules_path = ctx->rules_path;
	o.events_path = ctx->events_path;
	o.ingest = ctx->ingest;
	o.threads = (unsigned)ctx->jobs;   /* at most 1024 */
	o.best = (rc_best_rule)ctx->best;
	o.window_days = ctx->window_days;
	o.duplicate_threshold = ctx->duplicate_threshold;
	rc_error err;
	if (rc_engine_new(e, &o, &err) != RC_OK) {
		cli_error(ctx, &err);
		return CLI_EXIT_ERROR;
	}
	return 0;
}

/* ---- progress ------------------------------------------------------------ */

void cli_progress_init(cli_progress *p, const cli_ctx *ctx)
{
	memset(p, 0, sizeof *p);
	p->ctx = ctx;
	const char *ci = getenv("CI");
	p->on = !ctx->quiet && isatty(STDERR_FILENO) && !(ci && strcmp(ci, "true") == 0);
	if (!p->on)
		return;
	/* time left needs the total: known for regular files only */
	for (int i = 0; i < ctx->n_inputs; i++) {
		struct stat st;
		if (stat(ctx->inputs[i], &st) != 0 || !S_ISREG(st.st_mode)) {
			p->total_bytes = 0;
			return;
		}
		p->total_bytes += (size_t)st.st_size;
	}
}

void cli_progress_fn(void *user, const rc_progress *pr)
{
	cli_progress *p = user;
	if (!p->on)
		return;
	if (pr->done) {
		if (p->shown)
			fputs("\r\033[K", stderr);
		return;
	}
	if (pr->seconds < 1.0)
		return;
	double mb = (double)pr->bytes / 1e6, rate = mb / pr->seconds;
	fprintf(stderr, "\r\033[K%s: %zu documents, %.1f MB, %.1f MB/s", p->ctx->prog, pr->documents,
	        mb, rate);
	if (p->total_bytes && rate > 0 && (double)p->total_bytes / 1e6 > mb) {
		double left = ((double)p->total_bytes / 1e6 - mb) / rate;
		fprintf(stderr, ", %d:%02d left", (int)left / 60, (int)left % 60);
	}
	fflush(stderr);
	p->shown = true;
}

void cli_progress_reconciling(cli_progress *p, rc_record *const *recs, size_t n)
{
	if (!p->on || !p->shown)
		return;
	size_t claims = 0;
	for (size_t i = 0; i < n; i++)
		claims += recs[i]->n_claims;
	fprintf(stderr, "\r\033[K%s: reconciling %zu claims of %zu documents ...", p->ctx->prog, claims, n);
	fflush(stderr);
}

void cli_progress_clear(cli_progress *p)
{
	if (!p->on || !p->shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
}

/* ---- the whole pipeline ------------------------------------------------- */

int cli_inputs_exist(const cli_ctx *ctx)
{
	int ret = 0;
	for (int i = 0; i < ctx->n_inputs; i++) {
		const char *in = ctx->inputs[i];
		struct stat st;
		if (strcmp(in, "-") == 0 || stat(in, &st) == 0 || (errno != ENOENT && errno != ENOTDIR))
			continue;
		cli_errorf(ctx, "%s: %s", in, strerror(errno));
		ret = CLI_EXIT_ERROR;
	}
	return ret;
}

int cli_map_inputs(cli_ctx *ctx, const rc_engine *eng, cli_progress *prog, rc_record_fn fn,
                   void *user, rc_record_fn prepare, void *prepare_user)
{
	cli_progress_init(prog, ctx);
	rc_reader *r = NULL;
	int ret = cli_inputs_exist(ctx);
	if (ret)
		return ret;
	static const char *const stdin_only[] = {"-"};
	const char *const *inputs = ctx->n_inputs ? (const char *const *)ctx->inputs : stdin_only;
	size_t n = ctx->n_inputs ? (size_t)ctx->n_inputs : 1;
	rc_error err;
	if (rc_engine_reader(eng, inputs, n, &r, &err) != RC_OK) {
		cli_error(ctx, &err);
		return CLI_EXIT_ERROR;
	}
	rc_map_options mo = {.version = RC_MAP_OPTIONS_VERSION, .progress = cli_progress_fn,
	                     .progress_user = prog, .prepare = prepare, .prepare_user = prepare_user};
	rc_status st = rc_engine_map(eng, r, &mo, fn, user, &err);
	rc_reader_free(r);
	if (st != RC_OK) {
		cli_error(ctx, &err);
		return CLI_EXIT_ERROR;
	}
	return 0;
}

typedef struct run_watch {
	const cli_ctx *ctx;
	cli_progress *prog;
	void (*record)(void *user, const rc_record *rec);   /* or NULL: the diagnostics */
	void *user;
} run_watch;

static void watch_progress(void *user, const rc_progress *p)
{
	cli_progress_fn(((run_watch *)user)->prog, p);
}

/* Problems of skipped documents, and cuts such as the claim limit. */
static void watch_record(void *user, const rc_record *rec)
{
	const run_watch *w = user;
	if (w->record) {
		w->record(w->user, rec);
		return;
	}
	const cli_ctx *ctx = w->ctx;
	if (!ctx->quiet)
		for (size_t i = 0; i < rec->n_diags; i++)
			if (rec->status != RC_DOC_OK || rec->diags[i].status == RC_ERR_LIMIT)
				cli_diag(ctx, &rec->diags[i]);
}

static void watch_reconciling(void *user, rc_record *const *recs, size_t n)
{
	cli_progress_reconciling(((run_watch *)user)->prog, recs, n);
}

int cli_collect_records(cli_ctx *ctx, const rc_engine *eng, rc_record ***recs, size_t *n,
                        cli_progress *prog, void (*watch)(void *user, const rc_record *rec),
                        void *user)
{
	*recs = NULL;
	*n = 0;
	int ret = cli_inputs_exist(ctx);
	if (ret)
		return ret;
	cli_progress_init(prog, ctx);
	run_watch w = {.ctx = ctx, .prog = prog, .record = watch, .user = user};
	rc_run_options ro = RC_RUN_OPTIONS_INIT;
	ro.progress = watch_progress;
	ro.record = watch_record;
	ro.user = &w;
	rc_error err;
	if (rc_engine_collect(eng, (const char *const *)ctx->inputs, (size_t)ctx->n_inputs, &ro, recs,
	                      n, &err) != RC_OK) {
		cli_error(ctx, &err);
		return CLI_EXIT_ERROR;
	}
	return 0;
}

int cli_reconcile_inputs(cli_ctx *ctx, rc_result **out)
{
	*out = NULL;
	rc_engine *eng;
	int ret = cli_engine_open(ctx, &eng);
	if (ret)
		return ret;
	if ((ret = cli_inputs_exist(ctx)) != 0) {
		rc_engine_free(eng);
		return ret;
	}
	cli_progress prog;
	cli_progress_init(&prog, ctx);
	run_watch w = {.ctx = ctx, .prog = &prog};
	rc_run_options ro = RC_RUN_OPTIONS_INIT;
	ro.progress = watch_progress;
	ro.record = watch_record;
	ro.reconciling = watch_reconciling;
	ro.user = &w;
	rc_error err;
	rc_status st = rc_run(out, eng, (const char *const *)ctx->inputs, (size_t)ctx->n_inputs, &ro,
	                      &err);
	rc_engine_free(eng);
	cli_progress_clear(&prog);
	if (st != RC_OK) {
		cli_error(ctx, &err);
		*out = NULL;
		return CLI_EXIT_ERROR;
	}
	if (!ctx->quiet) {
		const rc_result *res = *out;
		fprintf(stderr, "%s: %zu document%s read, %zu processed, %zu skipped, %zu claim%s, %zu event%s\n",
		        ctx->prog, res->documents_read, res->documents_read == 1 ? "" : "s",
		        res->documents_processed, res->documents_skipped, res->claims,
		        res->claims == 1 ? "" : "s", res->n_events, res->n_events == 1 ? "" : "s");
	}
	return 0;
}

/* ---- --format and the output of a result -------------------------------- */

/* The format an output file's extension names, if any. */
static bool format_of_extension(const char *path, rc_format *out)
{
	static const struct { const char *ext; rc_format fmt; } exts[] = {
		{"html", RC_FORMAT_HTML}, {"htm", RC_FORMAT_HTML}, {"md", RC_FORMAT_MD},
		{"markdown", RC_FORMAT_MD}, {"json", RC_FORMAT_JSON}, {"jsonld", RC_FORMAT_CLAIMREVIEW},
		{"jsonl", RC_FORMAT_JSONL}, {"ndjson", RC_FORMAT_JSONL}, {"csv", RC_FORMAT_CSV},
		{"tsv", RC_FORMAT_TSV}, {"xml", RC_FORMAT_JUNIT}, {"sarif", RC_FORMAT_SARIF},
		{"txt", RC_FORMAT_TEXT}, {"text", RC_FORMAT_TEXT},
	};
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	if (!dot || dot == base)
		return false;
	for (size_t i = 0; i < RC_ARRAY_LEN_CLI(exts); i++)
		if (strcasecmp(dot + 1, exts[i].ext) == 0) {
			*out = exts[i].fmt;
			return true;
		}
	return false;
}

static int cli_format(const cli_ctx *ctx, const rc_format *allowed, size_t n, const char *names,
                      rc_format *fmt)
{
	if (!ctx->format) {
		/* -o report.html without --format: the extension says which, when
		 * the command writes that format; otherwise the default stays
		 * (extract -o claims.json writes JSON Lines). */
		rc_format f;
		if (ctx->output && format_of_extension(ctx->output, &f))
			for (size_t i = 0; i < n; i++)
				if (allowed[i] == f)
					*fmt = f;
		return 0;
	}
	rc_format f;
	bool ok = rc_format_parse(ctx->format, &f);
	for (size_t i = 0; ok && i < n; i++)
		if (allowed[i] == f) {
			*fmt = f;
			return 0;
		}
	cli_errorf(ctx, "--format wants %s, got '%s'", names, ctx->format);
	return CLI_EXIT_ERROR;
}

int cli_command_format(const cli_ctx *ctx, rc_format *fmt)
{
	*fmt = ctx->cmd->formats[0];
	return cli_format(ctx, ctx->cmd->formats, ctx->cmd->n_formats, ctx->cmd->format_names, fmt);
}

static int run_command(const cli_command *cmd, int argc, char **argv, void *state)
{
	cli_ctx ctx;
	int ret = cli_parse(&ctx, cmd, argc, argv, state);
	if (ret >= 0)
		return ret;
	if (cmd->check && (ret = cmd->check(&ctx, state)) != 0)
		return ret;
	rc_format fmt;
	if ((ret = cli_command_format(&ctx, &fmt)))
		return ret;
	return cmd->run(&ctx, fmt, state);
}

int cli_run_command(const cli_command *cmd, int argc, char **argv)
{
	void *state = calloc(1, cmd->state_size ? cmd->state_size : 1);
	if (!state) {
		fprintf(stderr, "recount %s: out of memory\n", cmd->name);
		return CLI_EXIT_ERROR;
	}
	int ret = run_command(cmd, argc, argv, state);
	free(state);
	return ret;
}

int cli_run_reconciling(cli_ctx *ctx, rc_format fmt, void *state)
{
	rc_result *res = NULL;
	int ret = cli_reconcile_inputs(ctx, &res);
	if (ret != 0)
		return ret;
	return cli_write_result(ctx, res, fmt, ctx->cmd->write, NULL);
}

int cli_write_result(const cli_ctx *ctx, rc_result *res, rc_format fmt, cli_writer fn, void *data)
{
	cli_output out;
	int ret = cli_output_open(&out, ctx);
	if (ret != 0) {
		rc_result_free(res);
		return ret;
	}
	rc_error err;
	rc_report_options ro = cli_report_options(ctx, out.fp, fmt);
	rc_status st = fn(out.fp, res, fmt, &ro, data, &err);
	if (st != RC_OK)
		cli_error(ctx, &err);
	rc_result_free(res);
	return cli_output_close(&out, ctx, st == RC_OK);
}

rc_report_options cli_report_options(const cli_ctx *ctx, FILE *fp, rc_format fmt)
{
	rc_report_options ro = {.version = RC_REPORT_OPTIONS_VERSION,
	                        .color = fmt == RC_FORMAT_TEXT && cli_use_color(ctx, fp),
	                        .all_events = ctx->all_events};
	if (fmt == RC_FORMAT_TEXT && ctx->width != CLI_WIDTH_TERMINAL) {
		ro.width = (unsigned)ctx->width;
	} else if (fmt == RC_FORMAT_TEXT && isatty(fileno(fp))) {
		struct winsize ws;
		const char *cols = getenv("COLUMNS");
		if (ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
			ro.width = ws.ws_col;
		else if (cols && atoi(cols) > 0)
			ro.width = (unsigned)atoi(cols);
		else
			ro.width = 80;
	}
	return ro;
}

rc_status cli_write_report(FILE *fp, const rc_result *res, rc_format fmt,
                           const rc_report_options *ro, void *data, rc_error *err)
{
	(void)data;
	return fmt == RC_FORMAT_JSON ? rc_report_write_json(fp, res, ro, err)
	                             : rc_report_write(fp, res, fmt, ro, err);
}
