#!/usr/bin/env python3
"""Every option a command accepts is in the man page, and every option the
man page describes exists.

    options.py RECOUNT SOURCE_ROOT

The option tables in src/cli drive getopt and `--help`; this test reads
`recount --help` for the commands and `recount COMMAND --help` for each
command's options, and docs/recount.1 for the options it documents, and
fails on an option missing from either side.  Prints TAP.
"""
import os
import re
import subprocess
import sys

LONG = re.compile(r"(?<![\w-])--([a-z][a-z0-9-]*)")


def help_text(recount, *args):
    p = subprocess.run([recount, *args, "--help"], capture_output=True, text=True,
                       env=dict(os.environ, NO_COLOR="1"))
    return p.stdout + p.stderr


def main():
    recount, root = sys.argv[1], sys.argv[2]
    top = help_text(recount)
    m = re.search(r"^Commands:\n((?:  \S.*\n)+)", top, re.M)
    commands = [line.split()[0] for line in m.group(1).splitlines()] if m else []
    accepted = {}
    for cmd in commands:
        opts = help_text(recount, cmd)
        sect = opts.split("\nOptions:\n", 1)[1] if "\nOptions:\n" in opts else ""
        for line in sect.splitlines():
            if not line.startswith("  "):
                break
            spec = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]   # "-o, --output FILE"
            for name in LONG.findall(spec):
                accepted.setdefault(name, []).append(cmd)
    with open(os.path.join(root, "docs", "recount.1"), encoding="utf-8") as f:
        man = f.read().replace("\\-", "-").replace("\\fB", "").replace("\\fR", "").replace("\\fP", "")
    documented = set(LONG.findall(man))
    checks = [("commands listed by recount --help", bool(commands), ", ".join(commands))]
    for cmd in commands:
        checks.append(("command %s in the man page" % cmd,
                       re.search(r"^\.B[R]? %s\b" % re.escape(cmd), man, re.M) is not None, ""))
    for name in sorted(accepted):
        checks.append(("--%s (%s) in docs/recount.1" % (name, ", ".join(sorted(set(accepted[name])))),
                       name in documented, ""))
    for name in sorted(documented - set(accepted) - {"version"}):
        checks.append(("--%s in docs/recount.1 is accepted by some command" % name, False, ""))
    print("1..%d" % len(checks))
    bad = 0
    for i, (what, ok, note) in enumerate(checks, 1):
        bad += not ok
        print("%s %d - %s%s" % ("ok" if ok else "not ok", i, what, (": " + note) if note else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
