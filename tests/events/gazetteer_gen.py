#!/usr/bin/env python3
"""src/events/gazetteer.py: the compiled gazetteer, and its errors.

    gazetteer_gen.py SOURCE_ROOT

TAP.  The generator compiles a small gazetteer of its own (a venue-free
city in a region in a country, namesakes, an alias of two words) and the
C it writes holds each place once, the phrases in the matcher's order and
the names in case-blind order; a broken file fails with a message naming
the file and the place.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]
gen = os.path.join(root, "src", "events", "gazetteer.py")
n = 0
failed = 0


def ok(cond, what):
    global n, failed
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, what))
    failed += not cond


def run(places):
    with tempfile.TemporaryDirectory() as d:
        src, out = os.path.join(d, "p.json"), os.path.join(d, "g.c")
        with open(src, "w", encoding="utf-8") as f:
            f.write(places if isinstance(places, str) else json.dumps(places))
        p = subprocess.run([sys.executable, gen, src, out], capture_output=True, text=True)
        c = open(out, encoding="utf-8").read() if os.path.exists(out) and not p.returncode else ""
        return p.returncode, p.stderr, c


good = {"places": [
    ["Ruritania", "country", None, ["Kingdom of Ruritania"], 0, False],
    ["Borduria", "country", None, [], 0, False],
    ["Strel Province", "region", 0, [], 0, False],
    ["Strelsau", "city", 2, ["Strelsau City"], 900000, False],
    ["Zenda, Ruritania", "city", 0, ["Zenda"], 20000, False],
    ["Zenda, Borduria", "city", 1, ["Zenda"], 15000, False],
    ["Bad", "city", 1, [], 16000, True],
]}
rc, err, c = run(good)
ok(rc == 0 and c, "a good file compiles")
places = re.findall(r"^  \{(\d+),(-?\d+),(-?\d+),(\d+)u,(\d),(\d)\},$", c, re.M)
ok(len(places) == 7, "seven places")
ok([p[1:3] for p in places[:4]] == [("-1", "0"), ("-1", "1"), ("0", "0"), ("2", "0")],
   "parents as written, countries derived through them")
ok(places[6][5] == "1" and places[3][3] == "900000", "population and common kept")
m = re.search(r"pool\[\d+\] = \{\n(.*?)\n\};", c, re.S)
pool = bytes(int(x) for x in re.findall(r"\d+", m.group(1))) if m else b""
phr = re.findall(r"^  \{(\d+),(\d+),(-?\d+)\},$", c, re.M)
text = [pool[int(o):pool.index(b"\0", int(o))].decode() for o, _, _ in phr]
ok(text[:3] == ["bad", "borduria", "kingdom of ruritania"], "phrases by first word: %s" % text[:3])
zen = [(t, int(p)) for t, (_, _, p) in zip(text, phr) if t.startswith("zenda")]
# words split on spaces only: "zenda," is a first word of its own, after "zenda"
ok(zen == [("zenda", 4), ("zenda", 5), ("zenda, borduria", 5), ("zenda, ruritania", 4)],
   "namesakes adjacent by place index: %s" % zen)
str_ = [t for t in text if t.startswith("strelsau")]
ok(str_ == ["strelsau city", "strelsau"], "longest first: %s" % str_)
ok(len({o for (o, _, _), t in zip(phr, text) if t == "zenda"}) == 1, "each text once in the pool")
by = re.search(r"by_name\[7\] = \{\n(.*?)\n\};", c, re.S)
ok(by and [int(x) for x in re.findall(r"-?\d+", by.group(1))] == [6, 1, 0, 2, 3, 5, 4],
   "display names in case-blind order")
ok("rc__gazetteer = {\n  pool, sizeof pool, place, 7, 2, phrase, 11, by_name," in c, "counts")

bad = [
    ("[1, 2]", 'non-empty "places" list'),
    ("{\"places\": [[\"A\", \"country\", null, [], 0, false],", "cannot read the gazetteer"),
    ({"places": [["A", "country", None, [], 0, False], ["B", "city", 5, [], 0, False]]},
     "place 1 (B): a place's parent must come before it"),
    ({"places": [["A", "country", None, [], 0, False], ["B", "city", None, [], 0, False]]},
     "place 1 (B): a place's parent must come before it"),
    ({"places": [["A", "country", None, [], 0, False], ["B", "city", 0, [], 0, False],
                 ["C", "country", None, [], 0, False]]}, "place 2 (C): countries must come first"),
    ({"places": [["A", "country", None, ["  "], 0, False]]}, "place 0 (A): an empty name or alias"),
    ({"places": [["A", "country", None, [3], 0, False]]}, "place 0 (A): an alias that is not a string"),
    ({"places": [["A", "country", None, [], 0, False], [None, "city", 0, [], 0, False]]},
     "place 1: a place without name or kind"),
    ({"places": [["Aa", "country", None, [], 0, False], ["AA", "city", 0, [], 0, False]]},
     "places 0 and 1 have one name (aa)"),
]
for data, want in bad:
    rc, err, _ = run(data)
    ok(rc != 0 and "p.json: " in err and want in err, "refused: %s (%s)" % (want, err.strip()))

print("1..%d" % n)
sys.exit(1 if failed else 0)
