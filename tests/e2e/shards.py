#!/usr/bin/env python3
"""Map/reduce equals one run: shards extracted apart and reconciled together
give byte-identical output to `recount report --format json` over the whole
batch, whatever the shard count and order; and the GNU parallel recipe of
docs/scaling.md, run on localhost, gives the same bytes too.

    shards.py RECOUNT SOURCE_ROOT
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile


def main():
    recount, root = os.environ.get("RC_TEST_RECOUNT") or os.path.abspath(sys.argv[1]), sys.argv[2]
    os.chdir(root)
    files = []
    for d in ("fixtures/seeds", "fixtures/articles"):
        for name in sorted(os.listdir(d)):
            if not name.startswith("."):
                files.append(os.path.join(d, name))
    whole = subprocess.run([recount, "report", "-q", "--format", "json"] + files,
                           check=True, capture_output=True).stdout
    tests = []
    tmp = tempfile.mkdtemp(prefix="recount-shards-")
    try:
        rng = random.Random(7)
        for n in (1, 2, 3, 5):
            shuffled = files[:]
            rng.shuffle(shuffled)
            shards = [shuffled[i::n] for i in range(n)]
            outs = []
            for k, shard in enumerate(shards):
                out = os.path.join(tmp, "shard-%d-%d.jsonl" % (n, k))
                with open(out, "wb") as f:
                    subprocess.run([recount, "extract", "-q", "-j", str(1 + k % 3)] + shard,
                                   check=True, stdout=f)
                outs.append(out)
            rng.shuffle(outs)
            merged = subprocess.run([recount, "reconcile", "-q"] + outs, check=True,
                                    capture_output=True).stdout
            tests.append(("%d shard%s reconciled in shuffled order" % (n, "" if n == 1 else "s"),
                          merged == whole))
        parallel = shutil.which("parallel")
        if parallel:
            # the docs/scaling.md recipe, with every "host" being localhost
            listing = subprocess.run(
                [parallel, "--will-cite", "-j", "2", "-N", "4", "--files", "--tmpdir", tmp,
                 recount, "extract", "-q", ":::"] + files,
                check=True, capture_output=True, text=True).stdout.split()
            merged = subprocess.run([recount, "reconcile", "-q"] + listing, check=True,
                                    capture_output=True).stdout
            tests.append(("GNU parallel recipe on localhost (%d shards)" % len(listing), merged == whole))
        print("1..%d" % len(tests) if tests else "1..0")
        for i, (name, ok) in enumerate(tests, 1):
            print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not parallel:
            print("# GNU parallel not installed: its recipe was not run")
        return 0 if all(ok for _, ok in tests) else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
