#!/usr/bin/env python3
"""recount check's files for CI dashboards, end to end, as TAP.

    ci_formats.py RECOUNT SOURCE_ROOT

JUnit: every test case is unique by classname and name (GitLab keeps one
of each) and stable from run to run, whatever the input order or thread
count; every case and suite has a time attribute.

SARIF: valid against the official SARIF 2.1.0 schema (a copy in
tests/report/, with its license); columnKind present; artifact URIs are
RFC 3986 references that decode to the file names, even with '%', '#',
':', spaces and non-ASCII in them; partialFingerprints let code scanning
track a finding across runs: unique, and unchanged when an article gains
lines above the figure.  The schema check needs python3-jsonschema (a
Debian package); without it that case is skipped.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET

# RC_TEST_RECOUNT: a wrapper to run instead (the memcheckcli setup's valgrind)
RECOUNT, ROOT = os.environ.get('RC_TEST_RECOUNT') or os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ENV = dict(os.environ, CI='true', NO_COLOR='1', LC_ALL='C.UTF-8', TZ='UTC')
SCHEMA = os.path.join(ROOT, 'tests', 'report', 'sarif-schema-2.1.0.json')
POLICIES = ['--fail-on', 'contradiction', '--fail-on', 'unlinked', '--fail-on', 'spread=10']
INPUTS = ['fixtures/seeds', 'fixtures/articles']
cases = []


class Skip(Exception):
    pass


def case(fn):
    cases.append(fn)
    return fn


def check(args, cwd=ROOT):
    p = subprocess.run([RECOUNT, 'check', '-q'] + args, cwd=cwd, env=ENV,
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=300)
    if p.returncode not in (0, 1):
        raise AssertionError('recount check %s: exit %d: %s'
                             % (' '.join(args), p.returncode, p.stderr.decode(errors='replace')))
    return p.stdout


def junit_cases(xml):
    root = ET.fromstring(xml)
    return root, list(root.iter('testcase'))


@case
def junit_cases_are_unique_and_timed():
    root, tcs = junit_cases(check(['--format', 'junit'] + POLICIES + INPUTS))
    keys = [(t.get('classname'), t.get('name')) for t in tcs]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    assert len(tcs) > 20, 'only %d test cases' % len(tcs)
    assert not dups, '%d of %d test cases share a classname and name, e.g. %r' % (
        sum(keys.count(k) for k in dups), len(keys), dups[:3])
    missing = [k for k, t in zip(keys, tcs) if t.get('time') is None]
    assert not missing, 'test cases without time: %r' % missing[:3]
    for suite in [root] + list(root.iter('testsuite')):
        assert suite.get('time') is not None, '<%s> without time' % suite.tag
        assert int(suite.get('tests')) == len(tcs), 'tests=%s, %d cases' % (suite.get('tests'), len(tcs))
    # no case is named by its position alone
    for name in (k[1] for k in keys):
        assert not re.fullmatch(r'.*:\d+', name), 'a case named by its location: %r' % name


@case
def junit_and_sarif_are_stable():
    """The same findings whatever the input order and thread count."""
    for fmt in ('junit', 'sarif'):
        a = check(['--format', fmt, '-j', '1'] + POLICIES + INPUTS)
        b = check(['--format', fmt, '-j', '3'] + POLICIES + INPUTS[::-1])
        assert a == b, '%s output depends on input order or -j' % fmt


def sarif(args, cwd=ROOT):
    return json.loads(check(['--format', 'sarif'] + args, cwd=cwd))


@case
def sarif_is_valid_against_the_official_schema():
    try:
        import jsonschema
    except ImportError:
        raise Skip('python3-jsonschema not installed (apt-get install python3-jsonschema)')
    with open(SCHEMA) as f:
        schema = json.load(f)
    for args in (POLICIES + INPUTS, ['fixtures/check/malformed.jsonl'], ['--allow-skipped', 'fixtures/seeds']):
        doc = sarif(args)
        errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
        assert not errors, '%s: %d schema errors, first: %s at %s' % (
            ' '.join(args), len(errors), errors[0].message, list(errors[0].path))


URI_REF = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


def hostile_copies(d):
    """Two seed articles under hostile names: the first holds a same-day
    contradiction (two sources on the Iran arrests), the second figures the
    other policies find."""
    names = {'004_848c392ec85acc8f.txt': 'a%41b #1: über.txt',
             '002_a244501457de1e22.txt': 'sub dir/c:d?e.txt'}
    for src, dst in names.items():
        os.makedirs(os.path.dirname(os.path.join(d, dst)) or d, exist_ok=True)
        shutil.copy(os.path.join(ROOT, 'fixtures', 'seeds', src), os.path.join(d, dst))
    return sorted(names.values())


def results(doc):
    (run,) = doc['runs']
    return run, run['results']


@case
def sarif_uris_columns_and_fingerprints():
    with tempfile.TemporaryDirectory() as d:
        names = hostile_copies(d)
        run, res = results(sarif(names, cwd=d))
        assert run.get('columnKind') == 'unicodeCodePoints', 'columnKind: %r' % run.get('columnKind')
        assert res, 'no results'
        seen = set()
        for r in res:
            for loc in r.get('locations', []):
                uri = loc['physicalLocation']['artifactLocation']['uri']
                assert URI_REF.fullmatch(uri), 'not a URI reference: %r' % uri
                assert not urllib.parse.urlsplit(uri).scheme, 'relative path read as a scheme: %r' % uri
                path = urllib.parse.unquote(uri)
                assert path in names, '%r decodes to %r, not one of %r' % (uri, path, names)
                seen.add(path)
            fp = r.get('partialFingerprints', {})
            assert fp, 'a result without partialFingerprints'
        assert seen, 'no locations'
        ids = [json.dumps(r['partialFingerprints'], sort_keys=True) for r in res]
        assert len(set(ids)) == len(ids), 'two results share fingerprints'
        # absolute paths become file: URIs
        _, res_abs = results(sarif([os.path.join(d, n) for n in names]))
        for r in res_abs:
            for loc in r.get('locations', []):
                uri = loc['physicalLocation']['artifactLocation']['uri']
                assert uri.startswith('file:///'), uri
                assert urllib.parse.unquote(uri[len('file://'):]).startswith(d + '/'), uri


@case
def sarif_fingerprints_survive_an_edit_above_the_figure():
    with tempfile.TemporaryDirectory() as d:
        names = hostile_copies(d)
        _, before = results(sarif(names, cwd=d))
        path = os.path.join(d, names[0])
        with open(path, encoding='utf-8') as f:
            text = f.read()
        with open(path, 'w', encoding='utf-8') as f:
            f.write('Editor\'s note: this article was updated.\n\n' + text)
        _, after = results(sarif(names, cwd=d))
        lines = lambda rs: [l['physicalLocation'].get('region', {}).get('startLine')
                            for r in rs for l in r.get('locations', [])]
        fps = lambda rs: sorted(json.dumps(r['partialFingerprints'], sort_keys=True) for r in rs)
        assert lines(before) != lines(after), 'the edit did not move any finding'
        assert fps(before) == fps(after), 'fingerprints changed with line numbers'


def main():
    print('1..%d' % len(cases))
    failed = 0
    for i, fn in enumerate(cases, 1):
        name = fn.__name__.replace('_', ' ')
        try:
            fn()
            print('ok %d - %s' % (i, name))
        except Skip as e:
            print('ok %d - %s # SKIP %s' % (i, name, e))
        except Exception as e:  # noqa: BLE001 - every failure is reported
            failed += 1
            print('not ok %d - %s' % (i, name))
            for line in str(e).splitlines():
                print('# ' + line)
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
