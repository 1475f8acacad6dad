#!/usr/bin/env python3
"""src/extract/quantity_tables.py refuses a data/quantity.json the quantity
lexicon could not read, naming the file, the table and the entry, and
compiles the real one into the same tables.  Prints TAP."""
import json
import os
import subprocess
import sys
import tempfile

GEN, DATA = sys.argv[1], sys.argv[2]
with open(DATA, encoding="utf-8") as f:
    REAL = json.load(f)


def variant(table, member, value):
    """The real file with one table's member replaced (None: the table removed)."""
    d = json.loads(json.dumps(REAL))
    if member is None:
        del d[table]
    else:
        d[table][member] = value
    return d


BAD = [
    # (name, document or raw text, what stderr must say)
    ("an upper-case word", variant("numbers", "values", {"Eleven": 11}), "numbers: 'Eleven': written in lower case"),
    ("two spaces in a phrase", variant("prefix", "bounds", {"gt": ["more  than"]}), "prefix: 'more  than': words are separated by single spaces"),
    ("a trailing space", variant("units", "kinds", {"money": ["euros "]}), "units: 'euros ': words are separated"),
    ("a phrase in a one-word table", variant("year_cues", "words", ["in the"]), "year_cues: 'in the': one word each"),
    ("a word listed twice", variant("count_nouns", "words", ["people", "people"]), "count_nouns: 'people': listed twice"),
    ("a phrase under two bounds", variant("prefix", "bounds", {"gt": ["over"], "ge": ["over"]}), "prefix: 'over': listed twice"),
    ("an overlong word", variant("change_verbs", "words", ["x" * 24]), "longer than 23 bytes"),
    ("seven words", variant("postfix", "bounds", {"ge": ["a b c d e f g"]}), "more than 6 words"),
    ("an unknown bound", variant("prefix", "bounds", {"above": ["over"]}), "prefix: unknown bound 'above'"),
    ("an unknown kind", variant("units", "kinds", {"distance": ["km"]}), "units: unknown kind 'distance'"),
    ("a negative value", variant("scales", "values", {"hundred": -100}), "scales: 'hundred': the value -100 is not a non-negative number"),
    ("a string value", variant("ordinals", "values", {"first": "1"}), "ordinals: 'first': the value '1' is not"),
    ("a suffix with a digit", variant("suffixes", "values", {"k2": 1000}), "suffixes: 'k2': a suffix is ASCII letters"),
    ("an inverted vague interval", variant("vague", "terms", {"a few": [9, 2]}), "vague: 'a few': the upper bound is below"),
    ("a vague term without bounds", variant("vague", "terms", {"a few": 3}), "vague: 'a few': expected [lo, hi]"),
    ("a bad reported qualifier", variant("prefix", "bounds", {"ge": [["at the very least"]]}), "expected a phrase or [phrase, the qualifier reported]"),
    ("an unknown member", variant("months", "names", {}), "months: unknown key 'names'"),
    ("a missing table", variant("meridiem", None, None), "meridiem: the table is missing"),
    ("an unknown table", dict(REAL, ordinal={}), "unknown table 'ordinal'"),
    ("no schema", {k: v for k, v in REAL.items() if k != "schema"}, "schema"),
    ("a key written twice", '{"schema": "recount.quantity-tables/1", "schema": "x"}', "key 'schema' is written twice"),
    ("bad JSON", '{"schema": ', "cannot read the quantity tables"),
]

with tempfile.TemporaryDirectory() as tmp:
    src, out = os.path.join(tmp, "quantity.json"), os.path.join(tmp, "out.c")
    print("1..%d" % (len(BAD) + 1))
    n = 0
    for name, doc, want in BAD:
        n += 1
        with open(src, "w", encoding="utf-8") as f:
            f.write(doc if isinstance(doc, str) else json.dumps(doc))
        p = subprocess.run([sys.executable, GEN, src, out], capture_output=True, text=True)
        ok = p.returncode != 0 and want in p.stderr and src in p.stderr
        print("%s %d - refuses %s%s" % ("ok" if ok else "not ok", n, name,
                                          "" if ok else ": " + repr(p.stderr)))
    n += 1
    p = subprocess.run([sys.executable, GEN, DATA, out], capture_output=True, text=True)
    text = open(out).read() if p.returncode == 0 else ""
    ok = p.returncode == 0 and "rc__q_people_before[]" in text and '{"nearly", RC_B_APPROX_LT, NULL}' in text
    print("%s %d - compiles data/quantity.json%s" % ("ok" if ok else "not ok", n,
                                                     "" if ok else ": " + p.stderr))
