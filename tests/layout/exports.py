#!/usr/bin/env python3
"""The shared library exports exactly the public API.

Every function declared in include/recount/*.h carries RC_API; the shared
library (built with -fvisibility=hidden) exports every one of them and
nothing else: no internal rc__* function, no helper of a stage.  Prints TAP.
"""
import glob
import os
import re
import subprocess
import sys

root, lib = sys.argv[1], sys.argv[2]
DECL = re.compile(r'^(RC_API\s+)?(?:const\s+|unsigned\s+|struct\s+)*[a-z_][a-z0-9_]*(?:\s*\*\s*const)*[\s*]+\**(rc_[a-z0-9_]+)\s*\(',
                  re.M)
declared, unmarked = set(), []
headers = sorted(glob.glob(os.path.join(root, "include", "recount", "*.h")))
headers.append(os.path.join(root, "include", "recount", "version.h.in"))
for h in headers:
    with open(h, encoding="utf-8") as f:
        text = f.read()
    for m in DECL.finditer(text):
        if text[m.start():].startswith("typedef"):
            continue
        declared.add(m.group(2))
        if not m.group(1):
            line = text.count("\n", 0, m.start()) + 1
            unmarked.append(f"{os.path.relpath(h, root)}:{line}: {m.group(2)} has no RC_API")

nm = subprocess.run(["nm", "-D", "--defined-only", lib], capture_output=True, text=True, check=True)
exported = set()
for line in nm.stdout.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] in "TtDdBbRrVvWw" and parts[1].isupper():
        exported.add(parts[2])
exported.discard("_init")
exported.discard("_fini")

checks = [
    ("every public declaration is marked RC_API", unmarked),
    ("every public declaration is exported", sorted(declared - exported)),
    ("nothing else is exported (no rc__ internals)", sorted(exported - declared)),
    ("the API is not empty", [] if declared else ["no declaration found"]),
]
print(f"1..{len(checks)}")
for i, (name, bad) in enumerate(checks, 1):
    print(f"{'not ok' if bad else 'ok'} {i} - {name}")
    for b in bad[:40]:
        print(f"# {b}")
    if len(bad) > 40:
        print(f"# ... and {len(bad) - 40} more")
sys.exit(1 if any(bad for _, bad in checks) else 0)
