#!/usr/bin/env python3
"""The accuracy floor: recount on the development corpus may not get worse.

    floor.py RECOUNT_BINARY SOURCE_ROOT

Runs bench/accuracy (the corpus scorer in both input modes) and compares each
figure with bench/accuracy-floor.json: a ratio (precision, recall, F1, status
and attribution agreement, event B-cubed F1, reconcile checks) fails when it
drops more than 0.01 below its floor; a count (distractors extracted, hits
left unlinked, pieces of a main event) fails when it rises above its ceiling;
the events reported fail when they stand further from the gold's count than
the floor's figure does (too many is fragmentation, too few is merging).  Skips, saying so, when ../shared/corpus is absent.
Prints TAP.
"""
import json
import os
import subprocess
import sys
import tempfile

SLACK = 0.01
COUNTS = {"distractor_hits", "unlinked_hits", "max_pieces"}
TO_GOLD = {"events_reported": "events_gold"}


def main():
    binary, root = sys.argv[1], sys.argv[2]
    corpus = os.environ.get("RC_CORPUS") or os.path.join(root, "..", "shared", "corpus")
    if not os.path.isdir(corpus) or not os.path.isfile(os.path.join(corpus, "..", "eval", "score.py")):
        print("1..0 # SKIP no development corpus at %s (../shared is not beside the checkout)" % corpus)
        return 0
    with open(os.path.join(root, "bench", "accuracy-floor.json"), encoding="utf-8") as f:
        floor = json.load(f)
    with tempfile.NamedTemporaryFile(suffix=".json") as tmp:
        p = subprocess.run([sys.executable, os.path.join(root, "bench", "accuracy"), "--binary", binary,
                            "--corpus", corpus, "--json", tmp.name], capture_output=True, text=True)
        if p.returncode != 0:
            print("1..1\nnot ok 1 - bench/accuracy failed\n# " + (p.stdout + p.stderr).replace("\n", "\n# "))
            return 1
        with open(tmp.name, encoding="utf-8") as f:
            got = json.load(f)
    checks = [(m, k, v) for m in ("batch", "articles") for k, v in sorted(floor[m].items())]
    print("1..%d" % len(checks))
    bad = 0
    for i, (m, k, want) in enumerate(checks, 1):
        have = got[m][k]
        if k in TO_GOLD:
            gold = got[m][TO_GOLD[k]]
            ok = abs(have - gold) <= abs(want - gold)
            rel = "as near gold %d as" % gold
        elif k in COUNTS:
            ok = have <= want
            rel = "at most"
        else:
            ok = have >= want - SLACK
            rel = "at least %.3f - %.2f:" % (want, SLACK)
        bad += not ok
        print("%s %d - %s %s = %s (%s %s)" % ("ok" if ok else "not ok", i, m, k, have, rel, want))
    for m in ("batch", "articles"):
        print("# " + got[m]["line"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
