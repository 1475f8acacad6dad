#!/usr/bin/env python3
"""The stage rule, checked on every #include of src/ and tests/.

recount's folders are stages in pipeline order; each may use only itself and
the stages below it:

    core < ingest < segment < extract < events < record < pipeline
         < reconcile < report < cli

A file in src/STAGE may include "OTHER/x.h" only when OTHER is STAGE or
below it, and a public header <recount/x.h> only when the stage that owns x.h
(PUBLIC below) is STAGE or below it.  A folder-private header (*-int.h) may be
included only from its own folder (and from tests/ of that stage).  The CLI
includes public headers only.  Public headers follow the same order among
themselves.  Prints TAP; one failing line per broken rule.
"""
import os
import re
import sys

STAGES = ["core", "ingest", "segment", "extract", "events", "record", "pipeline",
          "reconcile", "report", "cli"]
RANK = {s: i for i, s in enumerate(STAGES)}
# The stage each public header belongs to.
PUBLIC = {
    "version.h": "core", "export.h": "core", "status.h": "core", "interval.h": "core", "text.h": "core",
    "document.h": "ingest",
    "quantity.h": "extract", "claim.h": "extract",
    "event.h": "events",
    "record.h": "record",
    "pipeline.h": "pipeline", "engine.h": "pipeline",
    "reconcile.h": "reconcile", "verify.h": "reconcile",
    "report.h": "report", "check.h": "report",
    "recount.h": "cli",
}
INC = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def includes(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    for m in INC.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        yield line, m.group(1), m.group(2)


def check_file(root, rel, stage, is_test, problems):
    for line, kind, inc in includes(os.path.join(root, rel)):
        where = f"{rel}:{line}: #include {'<' + inc + '>' if kind == '<' else chr(34) + inc + chr(34)}"
        if kind == "<" and inc.startswith("recount/"):
            name = inc[len("recount/"):]
            owner = PUBLIC.get(name)
            if owner is None:
                problems.append(f"{where}: public header not in the stage table of tests/layout/layers.py")
            elif not is_test and RANK[owner] > RANK[stage]:
                problems.append(f"{where}: {name} belongs to {owner}, above {stage}")
            continue
        if kind != '"' or "/" not in inc:
            continue
        other = inc.split("/")[0]
        if other not in RANK:
            continue
        if stage == "cli" and not is_test:
            problems.append(f"{where}: the CLI includes public headers only")
            continue
        if inc.endswith("-int.h") and other != stage:
            problems.append(f"{where}: {inc} is private to src/{other}")
            continue
        if not is_test and RANK[other] > RANK[stage]:
            problems.append(f"{where}: {other} is above {stage}")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    problems = []
    src = os.path.join(root, "src")
    found = sorted(d for d in os.listdir(src) if os.path.isdir(os.path.join(src, d)))
    for d in found:
        if d not in RANK:
            problems.append(f"src/{d}: a folder that is not a stage (add it to STAGES in order)")
    for stage in STAGES:
        for top, is_test in (("src", False), ("tests", True)):
            base = os.path.join(root, top, stage)
            if not os.path.isdir(base):
                continue
            for dirpath, _, files in os.walk(base):
                for f in sorted(files):
                    if f.endswith((".c", ".h")):
                        rel = os.path.relpath(os.path.join(dirpath, f), root)
                        check_file(root, rel, stage, is_test, problems)
    pub = os.path.join(root, "include", "recount")
    for f in sorted(os.listdir(pub)):
        if not f.endswith(".h") and not f.endswith(".h.in"):
            continue
        name = f[:-3] if f.endswith(".in") else f
        owner = PUBLIC.get(name)
        if owner is None:
            problems.append(f"include/recount/{f}: public header not in the stage table")
            continue
        for line, kind, inc in includes(os.path.join(pub, f)):
            if kind == "<" and inc.startswith("recount/"):
                other = PUBLIC.get(inc[len("recount/"):])
                if other and RANK[other] > RANK[owner]:
                    problems.append(f"include/recount/{f}:{line}: <{inc}> belongs to {other}, above {owner}")
    print("1..1")
    if problems:
        print("not ok 1 - stage order of includes")
        for p in problems:
            print("# " + p)
        return 1
    print("ok 1 - stage order of includes: " + " < ".join(STAGES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
