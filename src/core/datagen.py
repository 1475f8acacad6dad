"""What the build-time generators of C tables share (src/segment/tables.py,
src/events/gazetteer.py, src/extract/quantity_tables.py): the command line
GENERATOR DATA.json OUT.c, reading the JSON file (a key written twice in one
object is an error: JSON readers would keep only the last), refusing it with
the file named, and writing the C.

A generator calls run(__doc__, compile_fn, what); compile_fn(path, root)
returns the C text or calls fail(path, message).
"""
import json
import sys


def fail(path, msg):
    """Refuse the data file: the build fails with PATH: MSG."""
    sys.exit("%s: %s" % (path, msg))


def _no_duplicates(path):
    def pairs(kv):
        d = {}
        for k, v in kv:
            if k in d:
                fail(path, "key %r is written twice in one object" % k)
            d[k] = v
        return d
    return pairs


def load(path, what):
    """The JSON document at path; `what` names it in the error."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f, object_pairs_hook=_no_duplicates(path))
    except (OSError, ValueError) as e:
        fail(path, "cannot read the %s: %s" % (what, e))


def c_str(s):
    """s as a C string literal: printable ASCII as is, every other byte in octal."""
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if c in '\\"':
            out.append("\\" + c)
        elif 0x20 <= b < 0x7f:
            out.append(c)
        else:
            out.append("\\%03o" % b)
    return '"%s"' % "".join(out)


def run(doc, compile_fn, what):
    """The generator's main: GENERATOR DATA.json OUT.c."""
    if len(sys.argv) != 3:
        sys.exit(doc)
    src, out = sys.argv[1], sys.argv[2]
    text = compile_fn(src, load(src, what))
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
