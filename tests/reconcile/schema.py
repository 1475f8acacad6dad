#!/usr/bin/env python3
"""Validate recount.report/1 output against docs/schema/report.schema.json.

    schema.py RECOUNT SOURCE_ROOT

Runs `recount reconcile` on the claims fixtures and `recount report --format
json` on the seeds and checks each document with a small validator of the
JSON Schema subset the schema uses (type, enum, required, properties,
additionalProperties, items, minItems, minimum, oneOf, $ref to #/$defs), so
the test needs no jsonschema module.  TAP output.
"""
import json
import os
import subprocess
import sys


def check(v, s, root, path, errs):
    if '$ref' in s:
        s = root['$defs'][s['$ref'].split('/')[-1]]
    if 'oneOf' in s:
        ok = [sub for sub in s['oneOf'] if not check_all(v, sub, root)]
        if len(ok) != 1:
            errs.append(f'{path}: matches {len(ok)} of oneOf')
        return
    if 'enum' in s and v not in s['enum']:
        errs.append(f'{path}: {v!r} not in {s["enum"]}')
    if 'type' in s:
        types = s['type'] if isinstance(s['type'], list) else [s['type']]
        py = {'object': dict, 'array': list, 'string': str, 'boolean': bool, 'null': type(None)}
        ok = False
        for t in types:
            if t in ('number', 'integer'):
                ok |= isinstance(v, (int, float)) and not isinstance(v, bool) and (t == 'number' or float(v).is_integer())
            else:
                ok |= isinstance(v, py[t])
        if not ok:
            errs.append(f'{path}: {v!r:.60} is not {types}')
            return
    if 'minimum' in s and isinstance(v, (int, float)) and v < s['minimum']:
        errs.append(f'{path}: {v} < {s["minimum"]}')
    if isinstance(v, dict):
        for k in s.get('required', []):
            if k not in v:
                errs.append(f'{path}: missing {k}')
        for k, sub in s.get('properties', {}).items():
            if k in v:
                check(v[k], sub, root, f'{path}.{k}', errs)
        if isinstance(s.get('additionalProperties'), dict):
            for k in v:
                if k not in s.get('properties', {}):
                    check(v[k], s['additionalProperties'], root, f'{path}.{k}', errs)
    if isinstance(v, list):
        if len(v) < s.get('minItems', 0):
            errs.append(f'{path}: fewer than {s["minItems"]} items')
        for i, x in enumerate(v):
            if 'items' in s:
                check(x, s['items'], root, f'{path}[{i}]', errs)


def check_all(v, s, root):
    errs = []
    check(v, s, root, '$', errs)
    return errs


def main():
    recount, root = os.environ.get("RC_TEST_RECOUNT") or os.path.abspath(sys.argv[1]), sys.argv[2]
    schema = json.load(open(os.path.join(root, 'docs', 'schema', 'report.schema.json')))
    # (arguments, exit status): damaged claims are reconciled only with
    # --allow-partial, which exits 1 and reports what the input lost
    runs = [
        (['reconcile', '-q', 'fixtures/reconcile/claims/articles.jsonl'], 0),
        (['reconcile', '-q', 'fixtures/reconcile/claims/seeds.jsonl'], 0),
        (['reconcile', '-q', '--allow-partial', '--best', 'latest',
          'fixtures/reconcile/claims/malformed.jsonl'], 1),
        (['report', '-q', '--format', 'json', 'fixtures/seeds', 'fixtures/articles'], 0),
    ]
    # the validator itself must reject a broken report
    bad = {'schema': 'recount.report/1', 'documents': {'read': -1}}
    print(f'1..{len(runs) + 1}')
    failed = 0
    errs = check_all(bad, schema, schema)
    if errs:
        print('ok 1 - the validator rejects a broken report')
    else:
        print('not ok 1 - the validator accepted a broken report')
        failed += 1
    for i, (args, status) in enumerate(runs, 2):
        p = subprocess.run([recount] + args, cwd=root, capture_output=True)
        name = ' '.join(args)
        if p.returncode != status:
            print(f'not ok {i} - {name}: exit {p.returncode}')
            failed += 1
            continue
        errs = check_all(json.loads(p.stdout), schema, schema)
        if errs:
            print(f'not ok {i} - {name}')
            for e in errs[:20]:
                print(f'# {e}')
            failed += 1
        else:
            print(f'ok {i} - {name}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
