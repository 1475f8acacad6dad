#!/usr/bin/env python3
"""Map/reduce equals one run: shards extracted apart and reconciled together
give byte-identical output to `recount report --format json` over the whole
batch, whatever the shard count and order; and the GNU parallel recipe of
docs/scaling.md, run on localhost, gives the same bytes too.  The reduce's
threads change nothing either: `reconcile -j 1` and `-j 4` (and `report` at
both) give the same bytes, on the fixtures and on a generated batch
(bench/gen.py).

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
        # the reduce on one thread and on four: the fixtures' claims
        claims = os.path.join(tmp, "all.jsonl")
        with open(claims, "wb") as f:
            subprocess.run([recount, "extract", "-q", "-j", "2"] + files, check=True, stdout=f)
        for j in ("1", "4"):
            got = subprocess.run([recount, "reconcile", "-q", "-j", j, claims], check=True,
                                 capture_output=True).stdout
            tests.append(("fixtures: reconcile -j %s equals report" % j, got == whole))
            got = subprocess.run([recount, "report", "-q", "-j", j, "--format", "json"] + files,
                                 check=True, capture_output=True).stdout
            tests.append(("fixtures: report -j %s equals report" % j, got == whole))
        # ... and a generated batch, many events and metrics
        batch = os.path.join(tmp, "gen.jsonl")
        subprocess.run([sys.executable, os.path.join(root, "bench", "gen.py"), "--mb", "0.4",
                        "--seed", "3", "-o", batch], check=True, capture_output=True)
        gclaims = os.path.join(tmp, "gen-claims.jsonl")
        with open(gclaims, "wb") as f:
            subprocess.run([recount, "extract", "-q", "-j", "2", batch], check=True, stdout=f)
        outs = {}
        for j in ("1", "4"):
            for fmt in ("json", "md"):
                outs[(j, fmt)] = subprocess.run(
                    [recount, "reconcile", "-q", "-j", j, "--format", fmt, gclaims],
                    check=True, capture_output=True).stdout
        rep = {j: subprocess.run([recount, "report", "-q", "-j", j, "--format", "json", batch],
                                 check=True, capture_output=True).stdout for j in ("1", "4")}
        tests.append(("generated batch: reconcile JSON at -j 4 equals -j 1",
                      outs[("1", "json")] == outs[("4", "json")] and len(outs[("1", "json")]) > 0))
        tests.append(("generated batch: reconcile Markdown at -j 4 equals -j 1",
                      outs[("1", "md")] == outs[("4", "md")]))
        tests.append(("generated batch: report -j 1 and -j 4 equal reconcile",
                      rep["1"] == rep["4"] == outs[("1", "json")]))
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
