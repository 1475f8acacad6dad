#!/usr/bin/env python3
"""Compile the quantity recognizer's English into C:
quantity_tables.py data/quantity.json OUT.c

data/quantity.json is the editable source (each table's "comment" says what
it does; docs/quantities.md, "Where the words live").  The build turns it
into the read-only tables declared in src/extract/quantity-priv.h, each
ended by a NULL word, entries in the file's order:

  rc__q_numbers, _scales, _ordinals, _months   word -> value
  rc__q_suffixes                               letters glued to digits -> value
  rc__q_prefix, rc__q_postfix                  qualifier phrases by bound
  rc__q_vague                                  vague terms -> [lo, hi]
  rc__q_units                                  unit words by kind
  rc__q_currency_before ... rc__q_people_before  word lists

quantity_lexicon.c builds its hash of words from them when a recognizer is
made.  A phrase the lexicon could not read (empty, upper case, two spaces
in a row, a word of 24 bytes or more, more than 6 words, a space in a
one-word table), a word listed twice in one table, a value that is not a
non-negative number, an unknown table, bound or kind, or a missing table
is an error that names the file, the table and the entry, and fails the
build.
"""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core"))
from datagen import c_str, fail, run  # noqa: E402

SCHEMA = "recount.quantity-tables/1"
KEY_MAX = 24       # RC__KEY_MAX in quantity-int.h: bytes of a lexicon word, NUL included
PHRASE_MAX = 6     # RC__MAX_PHRASE: words in a phrase
ROWS_MAX = 65535   # rows are indexed by a uint16_t

BOUNDS = [("gt", "RC_B_GT"), ("ge", "RC_B_GE"), ("lt", "RC_B_LT"), ("le", "RC_B_LE"),
          ("exact", "RC_B_EXACT"), ("approx", "RC_B_APPROX"), ("approx_lt", "RC_B_APPROX_LT"),
          ("approx_gt", "RC_B_APPROX_GT"), ("approx_ge", "RC_B_APPROX_GE"),
          ("range", "RC_B_RANGE"), ("or_equal", "RC_B_OR_EQUAL")]
KINDS = [("percent", "RC_QK_PERCENT"), ("money", "RC_QK_MONEY"), ("measure", "RC_QK_MEASURE"),
         ("age", "RC_QK_AGE"), ("time", "RC_QK_TIME")]

# (table, shape, member holding the entries): the shapes are
#   values   {"word": number}             -> rc__word_value
#   suffixes {"letters": number}          -> rc__word_value, compared with case
#   bounds   {"bound": [phrase | [phrase, reported]]} -> rc__qualifier
#   terms    {"phrase": [lo, hi | null]}  -> rc__vague
#   kinds    {"kind": [phrase]}           -> rc__unit
#   words    [word]                       -> const char *const, one word each
#   phrases  [phrase]                     -> const char *const, phrases
TABLES = [
    ("numbers", "values", "values"), ("scales", "values", "values"),
    ("suffixes", "suffixes", "values"), ("ordinals", "values", "values"),
    ("months", "values", "values"),
    ("prefix", "bounds", "bounds"), ("postfix", "bounds", "bounds"),
    ("vague", "terms", "terms"), ("units", "kinds", "kinds"),
    ("currency_before", "words", "words"), ("year_cues", "words", "words"),
    ("id_cues", "words", "words"), ("not_qualifier", "words", "words"),
    ("possessives", "words", "words"), ("count_nouns", "words", "words"),
    ("age_cues", "words", "words"), ("one_pronoun", "words", "words"),
    ("change_verbs", "words", "words"), ("sign_words", "words", "words"),
    ("range_links", "words", "words"), ("meridiem", "words", "words"),
    ("phrases", "phrases", "words"), ("people_after", "words", "words"),
    ("people_before", "words", "words"),
]


class Table:
    """One table of the file as it is checked: refusals name file, table and entry."""

    def __init__(self, path, name):
        self.path, self.name, self.seen = path, name, set()

    def fail(self, entry, msg):
        fail(self.path, "%s: %s: %s" % (self.name, entry, msg) if entry is not None
             else "%s: %s" % (self.name, msg))

    def phrase(self, p, max_words):
        """A phrase as the lexicon splits it: lower-case words, single spaces."""
        if not isinstance(p, str) or not p:
            self.fail(repr(p), "not a word or phrase")
        if any(ord(c) < 0x20 or c in "\x7f\u00a0\t" for c in p):
            self.fail(repr(p), "a control character or a space other than ' '")
        words = p.split(" ")
        if any(not w for w in words):
            self.fail(repr(p), "words are separated by single spaces, none before or after")
        if max_words == 1 and len(words) > 1:
            self.fail(repr(p), "one word each in this table")
        if len(words) > max_words:
            self.fail(repr(p), "more than %d words" % max_words)
        if p != p.lower() or any("A" <= c <= "Z" for c in p):
            self.fail(repr(p), "written in lower case (the text is matched without case)")
        for w in words:
            if len(w.encode("utf-8")) >= KEY_MAX:
                self.fail(repr(p), "the word %r is longer than %d bytes" % (w, KEY_MAX - 1))
        self.once(p)
        return p

    def once(self, p):
        if p in self.seen:
            self.fail(repr(p), "listed twice")
        self.seen.add(p)

    def number(self, entry, v, what="value"):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
            self.fail(entry, "the %s %r is not a non-negative number" % (what, v))
        return float(v)

    def member(self, t, key, typ):
        v = t.get(key)
        if not isinstance(v, typ):
            self.fail(None, '"%s": expected %s' % (key, "an object" if typ is dict else "a list"))
        return v


def grouped(tb, t, member, known, label, what):
    """The (name, list) items of member, a mapping from the names of known
    (pairs of name and C value) to lists of what."""
    for k, entries in tb.member(t, member, dict).items():
        if k not in dict(known):
            tb.fail(None, "unknown %s %r (known: %s)" % (label, k, ", ".join(n for n, _ in known)))
        if not isinstance(entries, list):
            tb.fail(None, "%s: expected a list of %s" % (k, what))
        yield k, entries


def c_num(v):
    return repr(float(v))


def table_rows(path, name, shape, member, t):
    """The C rows of one table, in the file's order."""
    tb = Table(path, name)
    if not isinstance(t, dict):
        tb.fail(None, 'expected an object with "comment" and "%s"' % member)
    for k in t:
        if k not in ("comment", member):
            tb.fail(None, 'unknown key %r (known: comment, %s)' % (k, member))
    if "comment" in t and not isinstance(t["comment"], str):
        tb.fail(None, '"comment": expected a string')
    rows = []
    if shape in ("values", "suffixes"):
        for w, v in tb.member(t, member, dict).items():
            if shape == "suffixes":
                if not w or not all("a" <= c.lower() <= "z" for c in w):
                    tb.fail(repr(w), "a suffix is ASCII letters (compared with case)")
                tb.once(w)
            else:
                tb.phrase(w, 1)
            rows.append("\t{%s, %s}," % (c_str(w), c_num(tb.number(repr(w), v))))
        end = "\t{NULL, 0}"
    elif shape == "bounds":
        known = dict(BOUNDS)
        for b, entries in grouped(tb, t, member, BOUNDS, "bound", "phrases"):
            for e in entries:
                canon = "NULL"
                if isinstance(e, list):
                    if len(e) != 2 or not isinstance(e[1], str) or not e[1]:
                        tb.fail(repr(e), "expected a phrase or [phrase, the qualifier reported]")
                    e, canon = e[0], c_str(e[1])
                tb.phrase(e, PHRASE_MAX)
                rows.append("\t{%s, %s, %s}," % (c_str(e), known[b], canon))
        end = "\t{NULL, 0, NULL}"
    elif shape == "terms":
        for p, iv in tb.member(t, member, dict).items():
            tb.phrase(p, PHRASE_MAX)
            if not isinstance(iv, list) or len(iv) != 2:
                tb.fail(repr(p), "expected [lo, hi] (hi null: no upper bound)")
            lo = tb.number(repr(p), iv[0], "lower bound")
            hi = -1.0 if iv[1] is None else tb.number(repr(p), iv[1], "upper bound")
            if iv[1] is not None and hi < lo:
                tb.fail(repr(p), "the upper bound is below the lower one")
            rows.append("\t{%s, %s, %s}," % (c_str(p), c_num(lo), c_num(hi)))
        end = "\t{NULL, 0, 0}"
    elif shape == "kinds":
        known = dict(KINDS)
        for k, entries in grouped(tb, t, member, KINDS, "kind", "words"):
            for e in entries:
                tb.phrase(e, PHRASE_MAX)
                rows.append("\t{%s, %s}," % (c_str(e), known[k]))
        end = "\t{NULL, 0}"
    else:
        for w in tb.member(t, member, list):
            tb.phrase(w, PHRASE_MAX if shape == "phrases" else 1)
            rows.append("\t%s," % c_str(w))
        end = "\tNULL"
    if len(rows) > ROWS_MAX:
        tb.fail(None, "more than %d entries" % ROWS_MAX)
    return rows + [end]


CTYPE = {"values": "rc__word_value", "suffixes": "rc__word_value", "bounds": "rc__qualifier",
         "terms": "rc__vague", "kinds": "rc__unit", "words": "char *const", "phrases": "char *const"}


def compile_tables(path, root):
    if not isinstance(root, dict):
        fail(path, "expected an object")
    if root.get("schema") != SCHEMA:
        fail(path, 'expected "schema": "%s"' % SCHEMA)
    known = {"schema", "comment"} | {n for n, _, _ in TABLES}
    for k in root:
        if k not in known:
            fail(path, "unknown table %r" % k)
    c = ["/* Generated by src/extract/quantity_tables.py from data/quantity.json: do not edit. */",
         '#include "extract/quantity-priv.h"', ""]
    for name, shape, member in TABLES:
        if name not in root:
            fail(path, "%s: the table is missing" % name)
        c.append("const %s rc__q_%s[] = {" % (CTYPE[shape], name))
        c += table_rows(path, name, shape, member, root[name])
        c += ["};", ""]
    return "\n".join(c)


if __name__ == "__main__":
    run(__doc__, compile_tables, "quantity tables")
