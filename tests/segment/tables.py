#!/usr/bin/env python3
"""src/segment/tables.py refuses a data/segment.json the splitter could not
read, naming the list and the word, and compiles the real one.  Prints TAP."""
import json
import os
import subprocess
import sys
import tempfile

GEN, DATA = sys.argv[1], sys.argv[2]
GOOD = {"schema": "recount.segment-tables/1",
        "abbreviations": {"title": ["Gen"], "ambiguous": ["U.S"]},
        "sentence_starters": ["The"], "continuation_words": ["of"]}


def variant(**kw):
    d = json.loads(json.dumps(GOOD))
    for k, v in kw.items():
        if k == "title":
            d["abbreviations"]["title"] = v
        elif v is None:
            del d[k]
        else:
            d[k] = v
    return d


BAD = [
    ("a final period", variant(title=["Gen."]), "'Gen.'"),
    ("a space", variant(title=["St Mary"]), "printable ASCII without spaces"),
    ("listed twice", variant(title=["Gen", "Gen"]), "listed twice"),
    ("two kinds", variant(title=["U.S"]), "both title and ambiguous"),
    ("a starter with a digit", variant(sentence_starters=["A1"]), "only letters"),
    ("continuation twice by case", variant(continuation_words=["of", "Of"]), "listed twice"),
    ("an unknown kind", dict(GOOD, abbreviations={"rank": ["Gen"]}), "unknown kind 'rank'"),
    ("an unknown key", dict(GOOD, starters=["The"]), "unknown key 'starters'"),
    ("no schema", variant(schema=None), "schema"),
]

with tempfile.TemporaryDirectory() as tmp:
    src, out = os.path.join(tmp, "segment.json"), os.path.join(tmp, "out.c")
    print("1..%d" % (len(BAD) + 1))
    n = 0
    for name, doc, want in BAD:
        n += 1
        with open(src, "w") as f:
            json.dump(doc, f)
        p = subprocess.run([sys.executable, GEN, src, out], capture_output=True, text=True)
        ok = p.returncode != 0 and want in p.stderr and src in p.stderr
        print("%s %d - refuses %s%s" % ("ok" if ok else "not ok", n, name,
                                          "" if ok else ": " + repr(p.stderr)))
    n += 1
    p = subprocess.run([sys.executable, GEN, DATA, out], capture_output=True, text=True)
    ok = p.returncode == 0 and "rc__seg_abbreviations" in open(out).read()
    print("%s %d - compiles data/segment.json%s" % ("ok" if ok else "not ok", n,
                                                    "" if ok else ": " + p.stderr))
