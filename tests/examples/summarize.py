#!/usr/bin/env python3
"""examples/summarize (the one-call API, linked to the shared library with
public headers only) against `recount report --format json` on the same
articles: every event with figures, every metric, the same current figure
from the same document.  Prints TAP."""
import json
import re
import subprocess
import sys

example, recount, articles = sys.argv[1:4]
out = subprocess.run([example, articles], capture_output=True, text=True, check=True).stdout
rep = json.loads(subprocess.run([recount, "report", "--format", "json", "-q", articles],
                                capture_output=True, text=True, check=True).stdout)

want = []
for ev in rep["events"]:
    if not ev["metrics"]:
        continue
    want.append(ev["label"])
    for name, m in sorted(ev["metrics"].items()):
        cur = m.get("current")
        if cur is None:
            want.append(f"  {name}: no current figure")
        else:
            want.append((name, float(cur["value"]), cur["doc"]))

got = []
lines = out.splitlines()
head = lines[0] if lines else ""
for line in lines[1:]:
    m = re.match(r"  (.+?): (\S+), as (\S+) says", line)
    got.append((m.group(1), float(m.group(2)), m.group(3)) if m else line)

checks = [
    ("the header counts the run",
     re.match(r"recount \S+ \(built with \S+\): (\d+) documents, (\d+) claims, (\d+) events", head)
     is not None and int(re.search(r"(\d+) documents", head).group(1)) == rep["documents"]["read"]),
    ("at least one event with figures", len(want) > 1),
    ("the same events, metrics and current figures as the JSON report", got == want),
]
print(f"1..{len(checks)}")
for i, (name, ok) in enumerate(checks, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        print("# want: " + repr(want)[:2000])
        print("# got:  " + repr(got)[:2000])
sys.exit(0 if all(ok for _, ok in checks) else 1)
