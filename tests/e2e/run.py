#!/usr/bin/env python3
"""Run one end-to-end case: the built recount on fixtures, compared with a golden.

    run.py RECOUNT SOURCE_ROOT EXPECTED EXIT [ARG...]

Runs `RECOUNT ARG...` with the source root as working directory (so paths in
the output read fixtures/...), CI and NO_COLOR set, and compares:
  - standard output with fixtures/expected/EXPECTED, byte for byte;
  - standard error with fixtures/expected/EXPECTED.stderr, if that file exists;
  - the exit status with EXIT.
An ARG of the form <FILE feeds FILE to standard input; %20 in an ARG is a
space (case lines are split on spaces: `verify nearly%20100%20died ...`).  An ARG containing
@TMP@ has it replaced by a fresh temporary directory; when EXPECTED ends in
'@FILE' the case compares that file (after the run) instead of stdout:
EXPECTED = golden@relative/path/in/tmp.

With RC_UPDATE_GOLDENS=1 the goldens are rewritten instead: read them,
believe them, then commit them.
"""
import difflib
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    recount, root, expected, want_exit = sys.argv[1:5]
    # RC_TEST_RECOUNT: the binary as the memcheckcli setup wraps it (tests/meson.build)
    recount = os.environ.get('RC_TEST_RECOUNT') or os.path.abspath(recount)
    args = sys.argv[5:]
    tmp = tempfile.mkdtemp(prefix='rc-e2e-')
    try:
        stdin = subprocess.DEVNULL
        argv = [recount]
        for a in args:
            if a.startswith('<'):
                stdin = open(os.path.join(root, a[1:]), 'rb')
            else:
                argv.append(a.replace('@TMP@', tmp).replace('%20', ' '))
        env = dict(os.environ, CI='true', NO_COLOR='1', LC_ALL='C.UTF-8', TZ='UTC')
        p = subprocess.run(argv, cwd=root, stdin=stdin, capture_output=True, env=env)
        golden_name, _, out_file = expected.partition('@')
        out = p.stdout
        if out_file:
            with open(os.path.join(tmp, out_file), 'rb') as f:
                out = f.read()
        golden = os.path.join(root, 'fixtures', 'expected', golden_name)
        golden_err = golden + '.stderr'
        update = os.environ.get('RC_UPDATE_GOLDENS') == '1'
        ok = True
        if update:
            os.makedirs(os.path.dirname(golden), exist_ok=True)
            with open(golden, 'wb') as f:
                f.write(out)
            if os.path.exists(golden_err):
                with open(golden_err, 'wb') as f:
                    f.write(p.stderr)
            print('updated', golden)
        else:
            ok &= compare(golden, out, 'stdout' if not out_file else out_file)
            if os.path.exists(golden_err):
                ok &= compare(golden_err, p.stderr, 'stderr')
        if p.returncode != int(want_exit):
            print('exit status %d, expected %s' % (p.returncode, want_exit))
            sys.stdout.write(p.stderr.decode('utf-8', 'replace')[-4000:])
            ok = False
        sys.exit(0 if ok else 1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def compare(golden, got, what):
    try:
        with open(golden, 'rb') as f:
            want = f.read()
    except FileNotFoundError:
        print('missing golden %s (run with RC_UPDATE_GOLDENS=1, then read it)' % golden)
        return False
    if want == got:
        return True
    print('%s differs from %s:' % (what, golden))
    diff = difflib.unified_diff(want.decode('utf-8', 'replace').splitlines(True),
                                got.decode('utf-8', 'replace').splitlines(True),
                                'expected', 'got')
    sys.stdout.writelines(list(diff)[:200])
    return False


if __name__ == '__main__':
    main()
