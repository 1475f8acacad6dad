#!/usr/bin/env python3
"""Build the seed corpora of the fuzz harnesses from fixtures/.

    seeds.py SOURCE_ROOT OUT_DIR [RECOUNT]

Writes OUT_DIR/<harness>/<sha1 of the content>, one file per seed, so that
the same fixtures always give the same corpus:

  quantity  every paragraph of every fixture article, plus hostile figures
  extract   every fixture article (cut at 16 KiB), plus hostile documents
  jsonl     every JSON Lines fixture, each of its lines, and each article
            wrapped as a JSONL record; plus malformed and wrongly typed lines
  events    every events file under fixtures/ and data/, plus broken ones
            and aliases that make regexes backtrack
  records   claims JSONL: goldens under fixtures/expected/, the output of
            RECOUNT extract on the articles when RECOUNT is given and works,
            plus wrongly typed and out-of-range claim lines
  pages     every HTML and .json fixture, a few articles wrapped as HTML
            pages and as news-please objects, plus broken markup, charsets,
            byte-order marks and cut JSON

Seeds are inputs, not expectations: a seed that a stage rejects is still a
good one.  Minimised corpora found by fuzzing live in fuzz/corpus/<harness>
and kept findings in fuzz/regressions/<harness>; this script does not touch
them.
"""
import glob
import hashlib
import json
import os
import subprocess
import sys

MAX_SEED = 16 * 1024

HOSTILE_TEXT = [
    b"1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25 people were killed.",
    b"99999999999999999999999999 people were killed and 1e309 were injured.",
    b"-9223372036854775809 dead, 18446744073709551616 wounded, 1.8e308 arrested.",
    b"At least " + b"9" * 400 + b" people died.",
    b"between 84 and 103 between 84 and 103 between between and and 1-2-3-4-5-6",
    b"nearly over about at least more than up to some dozens of hundreds of thousands killed",
    b"\xc0\xaf\xe0\x80\xaf\xed\xa0\x80\xf4\x90\x80\x80 12 killed \xff\xfe 3\x00 injured",
    b" date 2024-04-02 Twenty-one people were killed; 3 of them children.\r\n",
    b"\xe2\x80\x9cFive\xe2\x80\x9d died \xe2\x80\x93 84\xe2\x80\x93103 hurt\xc2\xa0(est.)",
    b"1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",
    b"0.000000000000000000000000000000001 killed; 1/0 injured; 3/4 of 100 arrested",
]

HOSTILE_JSONL = [
    b'{"id": "a", "text": "Five people were killed."}\n',
    b'{"text": 5}\n{"text": ["a"]}\n{"text": null}\n{"id": {}, "text": "x"}\n',
    b'"just a string"\n42\nnull\n[]\n{}\n',
    b'{"text": "ok", "published": 20240101, "source": ["x"], "url": 7}\n',
    b'{"text": "a", "text": "b"}\n',
    b'[' * 300 + b']' * 300 + b'\n',
    b'{"text": "unterminated\n{"text": "next line is fine"}\n',
    b'{"text": "nul \\u0000 inside"}\n',
    b'{"text": "\xc0\xaf bad utf-8"}\n',
    b'\xef\xbb\xbf{"text": "bom first"}\r\n\r\n   \n{"maintext": "x", "source_domain": "https://e.com"}',
]

HOSTILE_EVENTS = [
    b'{}', b'[]', b'{"events": 5}', b'{"events": [{"id": 5}]}',
    b'[{"id": "kerman-bombing", "aliases": ["/(a+)+$/", "/(x|x)*y/", "/(\\\\w+\\\\s?)*$/"]}]',
    b'{"events": [{"id": "e", "aliases": ["/(/"]}]}',
    b'[' * 300 + b']' * 300,
    # plain aliases are escaped into a pattern: characters that need a
    # backslash alternating with spaces grow 2.5 times (issue 18: a
    # fixed-size buffer overflowed on these)
    json.dumps([{"id": "e", "aliases": ["( " * 15 + "x", "[ " * 40, "\\ " * 64]}]).encode(),
    json.dumps([{"id": "e", "aliases": [" ".join("\\^$.|?*+()[]{}-#/" * 8)]}]).encode(),
    json.dumps({"events": [{"id": "k", "place": "Kerman", "aliases": [
        "Kerman ( blasts )", "St. Anthony's [shrine]", "a+b c*d e?f", "x  {  }  y"]}]}).encode(),
]

HOSTILE_PAGES = [
    b'<html><head><title>t</title><meta property="article:published_time" content="2024-01-06T10:00:00+03:30">'
    b'</head><body><p>Five people were killed&nbsp;<b>yesterday</b>.</p><script>9 killed</script></body></html>',
    b'<p>' * 400 + b'Twelve died.' + b'</div>' * 400,
    b'<html><body><p>unclosed <b><i><table><tr><td>84 dead<td>103 hurt</table>',
    b'<meta charset="windows-1252"><p>caf\xe9 \x93quoted\x94 \x00 nul</p>',
    b'<meta charset="no-such-charset"><p>x</p>',
    b'\xff\xfe<\x00p\x00>\x00T\x00e\x00n\x00 \x00d\x00i\x00e\x00d\x00.\x00',
    b'<script type="application/ld+json">{"@graph":[{"datePublished":"06.01.2024","headline":5,'
    b'"publisher":{"name":["x"]},"inLanguage":"de"}]}</script><p>Ten people were hurt.</p>',
    b'&#0; &#x110000; &#xD800; &amp &lt;p&gt; &unknown; &#99999999999;',
    b'{"maintext": "Five people were killed.", "date_publish": 1704535200, "language": "en"}',
    b'[{"text": "a"}, 5, "x", [], {"text": "b", "source": {"name": {"x": 1}}}, {]',
    b'[\n{"text": "unterminated\n',
    b'{"a": {"b": {"c": [[[[[[[[[[]]]]]]]]]]}}, "text": "x"} trailing',
    b'[' * 300,
    b'\xef\xbb\xbf  \n\n  ',
]

HOSTILE_RECORDS = [
    b'{"schema": "recount.claim/1", "doc": "d", "metric": "killed", "lo": 1e308, "hi": 1e308}\n',
    b'{"schema": "recount.claim/1", "doc": "d", "metric": "killed", "lo": 5, "hi": 2, "start": 9, "end": 1}\n',
    b'{"schema": "recount.claim/1", "doc": "d", "metric": 7, "lo": "x", "status": "nope"}\n',
    b'{"schema": "recount.document/1", "doc": "d", "minhash": [1, 2, "x"]}\n',
    b'{"schema": "recount.claim/1", "doc": "d", "metric": "killed", "lo": ' + b'9' * 400 + b'}\n',
    b'{"schema": "recount.claim/2"}\n{"schema": null}\n[]\n',
    # recount.document/2: a sentence table and claims that point into it
    b'{"schema":"recount.document/2","doc":"d","n_claims":1,"sentences":[{"text":"5 died.",'
    b'"start":0,"end":7,"line":1,"column":1}],"claims":[{"metric":"killed","lo":5,"hi":5,'
    b'"sentence":0,"start":0,"end":1}]}\n{"schema":"recount.end/1","documents":1,"claims":1}\n',
    b'{"schema":"recount.document/2","doc":"d","sentences":[],"claims":[{"metric":"killed",'
    b'"sentence":3},{"metric":"injured","sentence":-2}]}\n',
    b'{"schema":"recount.document/2","doc":"d","n_claims":2,"claims":[{"metric":"killed"}]}\n',
    b'{"claims":[{"metric":"killed","sentence":0,"parent":0,"mention":9,"mentions":[7]}],'
    b'"sentences":[{"text":null}],"doc":"d","schema":"recount.document/2","doc":"e"}\n',
    b'{"schema":"recount.document/2","doc":"d","status":"skipped","claims":[{"metric":"x"}]}\n',
    b'{"schema":"recount.end/1","documents":-1,"claims":1e3}\n{"schema":"recount.end/1"}\n',
    b'{"schema":"recount.document/2","doc":"d"}\n{"schema":"recount.document/2","doc":"d"}\n'
    b'{"schema":"recount.claim/1","doc":"d","metric":"killed"}\n'
    b'{"schema":"recount.end/1","documents":2,"claims":0}\n',
    b'{"schema":"recount.document/2","doc":"d","claims":[' + b'{"metric":"k"},' * 200 + b'{}]}\n',
]


def add(out, harness, data, seen):
    if not data:
        return
    data = data[:MAX_SEED]
    name = hashlib.sha1(data).hexdigest()
    if (harness, name) in seen:
        return
    seen.add((harness, name))
    d = os.path.join(out, harness)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def articles(root):
    pats = ['fixtures/seeds/*.txt', 'fixtures/articles/**/*.txt', 'fixtures/cases/**/*.txt']
    paths = set()
    for p in pats:
        paths.update(glob.glob(os.path.join(root, p), recursive=True))
    return sorted(paths)


def jsonl_files(root):
    paths = set()
    for ext in ('jsonl', 'ndjson'):
        paths.update(glob.glob(os.path.join(root, 'fixtures', '**', '*.' + ext), recursive=True))
    return sorted(paths)


def is_claims(data):
    first = data.split(b'\n', 1)[0]
    return b'"recount.' in first


def main():
    root, out = sys.argv[1], sys.argv[2]
    recount = sys.argv[3] if len(sys.argv) > 3 else None
    seen = set()
    texts = [(p, read(p)) for p in articles(root)]
    for _, t in texts:
        add(out, 'extract', t, seen)
        for para in t.replace(b'\r\n', b'\n').split(b'\n\n'):
            add(out, 'quantity', para.strip(), seen)
    for h in HOSTILE_TEXT:
        add(out, 'quantity', h, seen)
        add(out, 'extract', h, seen)

    for p in jsonl_files(root):
        data = read(p)
        target = 'records' if is_claims(data) else 'jsonl'
        add(out, target, data, seen)
        for line in data.split(b'\n')[:50]:
            add(out, target, line + b'\n', seen)
    for p, t in texts:
        rec = {'id': os.path.splitext(os.path.basename(p))[0],
               'text': t.decode('utf-8', 'replace')}
        add(out, 'jsonl', json.dumps(rec).encode() + b'\n', seen)
    for h in HOSTILE_JSONL:
        add(out, 'jsonl', h, seen)

    ev = set(glob.glob(os.path.join(root, 'fixtures', '**', '*event*.json'), recursive=True))
    ev.update(glob.glob(os.path.join(root, 'data', '*event*.json')))
    for p in sorted(ev):
        add(out, 'events', read(p), seen)
    for h in HOSTILE_EVENTS:
        add(out, 'events', h, seen)

    if recount and os.access(recount, os.X_OK):
        for p, _ in texts[:40]:
            r = subprocess.run([recount, 'extract', '-q', p], capture_output=True, timeout=60)
            if r.returncode == 0:
                add(out, 'records', r.stdout, seen)
    for h in HOSTILE_RECORDS:
        add(out, 'records', h, seen)

    pages = set()
    for ext in ('html', 'htm', 'json'):
        pages.update(glob.glob(os.path.join(root, 'fixtures', '**', '*.' + ext), recursive=True))
    for p in sorted(pages):
        add(out, 'pages', read(p), seen)
    for p, t in texts[:20]:
        body = t.decode('utf-8', 'replace')
        html = '<html><head><title>x</title></head><body>' + ''.join(
            '<p>%s</p>\n' % para.replace('&', '&amp;').replace('<', '&lt;')
            for para in body.split('\n\n')) + '</body></html>'
        add(out, 'pages', html.encode(), seen)
        add(out, 'pages', json.dumps({'maintext': body, 'date_publish': '2024-01-06 10:00:00'},
                                     indent=4).encode(), seen)
    for h in HOSTILE_PAGES:
        add(out, 'pages', h, seen)

    for h in ('quantity', 'extract', 'jsonl', 'events', 'records', 'pages'):
        d = os.path.join(out, h)
        os.makedirs(d, exist_ok=True)
        n = len(os.listdir(d))
        print('%-9s %4d seeds' % (h, n))


if __name__ == '__main__':
    main()
