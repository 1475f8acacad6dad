#!/usr/bin/env python3
"""Hostile conditions for the recount command line, as TAP.

    cli.py RECOUNT SOURCE_ROOT

Output errors (a full device, a full tmpfs, a missing directory) must be
reported with exit status 2 and leave no output file, truncated or
temporary; an existing output file must survive a failed run.  Unreadable
inputs are skipped with a message naming the file, and the run goes on.
The summary on standard error must add up: read = processed + skipped.

A case whose command is not built yet, or that needs what the machine
does not give (root for mknod, mount namespaces for tmpfs), is reported as
a TAP skip with the reason.
"""
import errno
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import traceback

RECOUNT, ROOT = os.environ.get('RC_TEST_RECOUNT') or os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ENV = dict(os.environ, CI='true', NO_COLOR='1', LC_ALL='C.UTF-8', TZ='UTC')
SEEDS = os.path.join(ROOT, 'fixtures', 'seeds')
cases = []


class Skip(Exception):
    pass


def case(fn):
    cases.append(fn)
    return fn


def run(args, stdout=subprocess.PIPE, wrapper=(), timeout=300):
    return subprocess.run(list(wrapper) + [RECOUNT] + args, cwd=ROOT, env=ENV,
                          stdin=subprocess.DEVNULL, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=timeout)


def need(command):
    """Skip unless COMMAND is built (placeholders say "not built yet")."""
    p = run([command, os.path.join(SEEDS, os.listdir(SEEDS)[0])])
    if b'not built yet' in p.stderr:
        raise Skip('recount %s is not built yet' % command)


def err(p):
    return p.stderr.decode('utf-8', 'replace')


def check(cond, what, p=None):
    if not cond:
        extra = ''
        if p is not None:
            extra = '\n  exit %d, stderr: %s' % (p.returncode, err(p)[-1500:])
        raise AssertionError(what + extra)


def leftovers(d, keep=()):
    return sorted(n for n in os.listdir(d) if n not in keep)


def big_batch(d, n=3000):
    """A JSONL batch whose listing is far larger than a small tmpfs."""
    path = os.path.join(d, 'batch.jsonl')
    with open(path, 'w') as f:
        for i in range(n):
            f.write(json.dumps({'id': 'doc-%05d' % i, 'source': 'Outlet %d' % (i % 7),
                                'text': 'Gunmen killed %d people in Kerman, police said.' % i})
                    + '\n')
    return path


def device(d, name, minor):
    """A memory device (major 1) to write to.  As root a faulty atomic
    rename would replace the real /dev/NAME, so use a private node with the
    same numbers; without root the real one is safe."""
    if os.geteuid() != 0:
        return '/dev/' + name
    target = os.path.join(d, name)
    os.mknod(target, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    return target


def run_onto_device(name, minor, want_exit):
    need('docs')
    with tempfile.TemporaryDirectory() as d:
        target = device(d, name, minor)
        p = run(['docs', SEEDS, '-o', target])
        check(p.returncode == want_exit, 'exit status %d, expected %d'
              % (p.returncode, want_exit), p)
        if want_exit:
            check(target in err(p), 'the message does not name %s' % target, p)
        check(stat.S_ISCHR(os.stat(target).st_mode), '%s is no longer a device' % target)
        check(leftovers(d, {name}) == [], 'left behind: %s' % leftovers(d, {name}))


@case
def output_to_a_full_device():
    """-o onto a device that is always full: exit 2, device left alone."""
    run_onto_device('full', 7, 2)


@case
def output_to_a_null_device():
    """-o onto a device works, writing to the device (no rename over it)."""
    run_onto_device('null', 3, 0)


@case
def standard_output_full():
    """Standard output on /dev/full: the write error is reported, exit 2."""
    need('docs')
    with open('/dev/full', 'w') as full:
        p = run(['docs', SEEDS], stdout=full)
    check(p.returncode == 2, 'exit status %d, expected 2' % p.returncode, p)
    check('standard output' in err(p) or 'write' in err(p), 'no write error reported', p)


@case
def output_into_a_missing_directory():
    need('docs')
    with tempfile.TemporaryDirectory() as d:
        target = os.path.join(d, 'no', 'such', 'out.json')
        p = run(['docs', SEEDS, '-o', target])
        check(p.returncode == 2, 'exit status %d, expected 2' % p.returncode, p)
        check(target in err(p), 'the message does not name %s' % target, p)


@case
def output_file_mode():
    """-o FILE gets the mode > FILE would give: 0666 less the umask for a
    new file, the old mode for a file it replaces (not mkstemp's 0600)."""
    need('docs')
    with tempfile.TemporaryDirectory() as d:
        new, old = os.path.join(d, 'new.txt'), os.path.join(d, 'old.txt')
        with open(old, 'w') as f:
            f.write('old')
        os.chmod(old, 0o640)
        mask = os.umask(0o022)
        try:
            for target in (new, old):
                p = run(['docs', SEEDS, '-o', target])
                check(p.returncode == 0, 'exit status %d' % p.returncode, p)
        finally:
            os.umask(mask)
        got_new = stat.S_IMODE(os.stat(new).st_mode)
        got_old = stat.S_IMODE(os.stat(old).st_mode)
        check(got_new == 0o644, 'new file has mode %o, expected 644' % got_new)
        check(got_old == 0o640, 'replaced file has mode %o, expected 640' % got_old)


@case
def interrupted_output_leaves_no_temporary():
    """SIGINT or SIGTERM while -o is being written: the temporary file is
    removed, no output appears, and the process dies of the signal."""
    import signal
    import time
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, 'out.jsonl')
            # the child starts with the signal's default action even when
            # this test runs under nohup (recount keeps an ignored signal
            # ignored, as it should)
            p = subprocess.Popen([RECOUNT, 'extract', '-q', '-o', out, '-'], cwd=ROOT, env=ENV,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE,
                                 preexec_fn=lambda s=sig: signal.signal(s, signal.SIG_DFL))
            try:
                p.stdin.write(b'Gunmen killed 5 people in Kerman, police said.\n')
                p.stdin.flush()
                deadline = time.time() + 60
                while not os.listdir(d) and time.time() < deadline:
                    time.sleep(0.02)
                check(os.listdir(d), 'no temporary file appeared')
                p.send_signal(sig)
                p.wait(timeout=60)
            finally:
                if p.poll() is None:
                    p.kill()
                    p.wait()
                p.stdin.close()
                p.stdout.close()
                p.stderr.close()
            check(p.returncode == -sig, '%s: exit status %d' % (sig.name, p.returncode))
            check(leftovers(d) == [], '%s left behind: %s' % (sig.name, leftovers(d)))


@case
def output_naming_an_input_is_refused():
    """-o onto one of the inputs (by any spelling or link) is refused before
    anything is written; the input stays as it was."""
    with tempfile.TemporaryDirectory() as d:
        article = os.path.join(d, 'a.txt')
        with open(article, 'w') as f:
            f.write('Gunmen killed 5 people in Kerman, police said.\n')
        os.symlink('a.txt', os.path.join(d, 'link.txt'))
        for target in (article, os.path.join(d, '.', 'a.txt'), os.path.join(d, 'link.txt')):
            for cmd in ('report', 'extract', 'check'):
                p = run([cmd, '-o', target, article])
                check(p.returncode == 2, '%s -o %s: exit status %d' % (cmd, target, p.returncode), p)
                check('would overwrite the input' in err(p), 'no reason given', p)
        with open(article) as f:
            check(f.read().startswith('Gunmen killed 5'), 'the input was changed')
        check(leftovers(d) == ['a.txt', 'link.txt'], 'left behind: %s' % leftovers(d))


@case
def output_onto_a_symlink_writes_through_it():
    """-o LINK writes the file the link points to and keeps the link, as
    sort -o does; a dangling link is refused."""
    with tempfile.TemporaryDirectory() as d:
        real = os.path.join(d, 'real.json')
        with open(real, 'w') as f:
            f.write('old')
        link = os.path.join(d, 'link.json')
        os.symlink('real.json', link)
        p = run(['report', '-q', '--format', 'json', '-o', link, SEEDS])
        check(p.returncode == 0, 'exit status %d' % p.returncode, p)
        check(os.path.islink(link), 'the link was replaced by a file')
        with open(real) as f:
            check(json.load(f)['schema'].startswith('recount.report/'), 'the target was not written')
        dangling = os.path.join(d, 'dangling.json')
        os.symlink('nowhere/x.json', dangling)
        p = run(['report', '-q', '-o', dangling, SEEDS])
        check(p.returncode == 2, 'dangling link: exit status %d' % p.returncode, p)
        check(leftovers(d) == ['dangling.json', 'link.json', 'real.json'],
              'left behind: %s' % leftovers(d))


@case
def no_input_on_a_terminal_shows_the_help():
    """`recount report` typed alone, with a terminal as standard input,
    prints the help and exits 2 instead of waiting for input; an explicit -
    still reads the terminal, and a pipe is read as before."""
    import pty
    master, slave = pty.openpty()
    try:
        for args in (['report'], ['check'], ['extract'], ['docs'], ['numbers'],
                     ['verify', '12 people died']):
            p = subprocess.run([RECOUNT] + args, cwd=ROOT, env=ENV, stdin=slave,
                               capture_output=True, timeout=60)
            check(p.returncode == 2, '%s: exit status %d' % (args[0], p.returncode), p)
            check('standard input is a terminal' in err(p), '%s: no reason given' % args[0], p)
            check('Usage: recount %s' % args[0] in err(p), '%s: no usage' % args[0], p)
    finally:
        os.close(master)
        os.close(slave)
    p = subprocess.run([RECOUNT, 'report', '-q'], cwd=ROOT, env=ENV, capture_output=True,
                       input=b'Gunmen killed 5 people in Kerman, police said.\n', timeout=60)
    check(p.returncode == 0 and b'recount report' in p.stdout, 'a pipe is no longer read', p)


@case
def terminal_report_wraps_and_aligns():
    """recount report --width N: quotes and explanations wrap to N columns
    (counted in characters, not bytes); the metric lines' columns line up
    however long a metric name is; events with no figures are left out
    unless --all-events."""
    inputs = [SEEDS, os.path.join(ROOT, 'fixtures', 'articles')]
    p = run(['report', '-q', '--width', '60'] + inputs)
    check(p.returncode == 0, 'exit status %d' % p.returncode, p)
    text = p.stdout.decode('utf-8')
    quote_lines = 0
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith('\u201c') or (line.startswith('           ') and ' ' in stripped):
            quote_lines += 1
            if len(line) > 60 and ' ' in stripped:
                raise AssertionError('a line of %d characters at --width 60: %r' % (len(line), line))
    check(quote_lines > 20, 'only %d quote lines' % quote_lines)
    best = {line.index(' current ') for line in text.splitlines() if ' current ' in line and
            line.startswith('  ') and not line.startswith('   ')}
    check(len(best) == 1, 'metric columns do not line up: "current" at columns %s' % sorted(best))
    events = json.loads(run(['report', '-q', '--format', 'json'] + inputs).stdout)['events']
    # the events stage reports only events some claim cites (docs/events.md),
    # so an event without figures is one whose claims are all sub-counts
    bare = [ev for ev in events if not ev.get('metrics')]
    check(('with no figures not shown' in text) == bool(bare),
          'events without figures are listed' if bare else 'a hint about hidden events that do not exist')
    p = run(['report', '-q', '--all-events'] + inputs)
    check('with no figures' not in p.stdout.decode('utf-8'), '--all-events still hides events', p)
    for ev in events:
        check(('  ' + ev['id'] + '\n').encode() in p.stdout,
              '--all-events leaves out %s' % ev['id'], p)


def namespace_wrapper():
    """A command prefix giving a private mount namespace, or Skip."""
    if not shutil.which('unshare') or not shutil.which('mount'):
        raise Skip('unshare or mount not installed')
    for prefix in (['unshare', '-m'], ['unshare', '-r', '-m']):
        probe = subprocess.run(prefix + ['sh', '-c', 'mount -t tmpfs -o size=16k tmpfs /mnt'],
                               capture_output=True)
        if probe.returncode == 0:
            return prefix
    raise Skip('cannot mount a tmpfs here (no root, no user namespaces): %s'
               % probe.stderr.decode(errors='replace').strip())


@case
def output_onto_a_full_tmpfs():
    """-o onto a 16 KiB tmpfs: exit 2, no truncated or temporary file, and
    the previous output untouched."""
    need('docs')
    prefix = namespace_wrapper()
    with tempfile.TemporaryDirectory() as d:
        batch = big_batch(d)
        mnt = os.path.join(d, 'mnt')
        os.mkdir(mnt)
        listing, kept = os.path.join(d, 'listing'), os.path.join(d, 'kept')
        script = ('mount -t tmpfs -o size=16k tmpfs "$MNT" || exit 97; '
                  'printf old > "$MNT/out.json"; '
                  '"$@"; rc=$?; ls -A "$MNT" > "$LISTING"; cat "$MNT/out.json" > "$KEPT"; '
                  'exit $rc')
        env = dict(ENV, MNT=mnt, LISTING=listing, KEPT=kept)
        p = subprocess.run(prefix + ['sh', '-c', script, 'sh', RECOUNT, 'docs',
                                     '--format', 'json', batch, '-o',
                                     os.path.join(mnt, 'out.json')],
                           cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=300)
        if p.returncode == 97:
            raise Skip('mount failed inside the namespace: %s' % err(p).strip())
        check(p.returncode == 2, 'exit status %d, expected 2' % p.returncode, p)
        check('out.json' in err(p), 'the message does not name the output file', p)
        with open(listing) as f:
            names = f.read().split()
        with open(kept) as f:
            old = f.read()
        check(names == ['out.json'], 'files on the tmpfs after the run: %r' % names)
        check(old == 'old', 'the previous out.json was changed: %r' % old[:80])


def unreadable(d, name):
    path = os.path.join(d, name)
    if os.geteuid() != 0:
        with open(path, 'w') as f:
            f.write('Five people were killed.\n')
        os.chmod(path, 0)
        try:
            open(path).close()
        except OSError:
            return path
        os.unlink(path)
    os.symlink(name, path)  # a loop: unreadable even for root
    return path


@case
def unreadable_input_is_reported_and_the_run_goes_on():
    need('docs')
    with tempfile.TemporaryDirectory() as d:
        good = os.path.join(d, 'a.txt')
        with open(good, 'w') as f:
            f.write('Five people were killed in Kerman.\n')
        bad = unreadable(d, 'b.txt')
        p = run(['docs', good, bad, '--format', 'json'])
        check(p.returncode == 0, 'exit status %d, expected 0 (skips do not fail a run)'
              % p.returncode, p)
        check(bad in err(p), 'the message does not name %s' % bad, p)
        check(b'a.txt' in p.stdout, 'the readable file is missing from the output', p)


@case
def check_fails_closed_on_unreadable_input():
    """recount check: an input that cannot be read is an error (exit 2),
    even with --allow-skipped, and so is a missing one; the gate never
    passes a batch it could not see."""
    with tempfile.TemporaryDirectory() as d:
        good = os.path.join(d, 'a.txt')
        with open(good, 'w') as f:
            f.write('Five people were killed in Kerman.\n')
        bad = unreadable(d, 'b.txt')
        for extra in ([], ['--allow-skipped'], ['--format', 'sarif']):
            p = run(['check'] + extra + [good, bad])
            check(p.returncode == 2, 'check %s: exit status %d, expected 2'
                  % (' '.join(extra), p.returncode), p)
            check(bad in err(p), 'the message does not name %s' % bad, p)
        p = run(['check', good, os.path.join(d, 'missing.txt')])
        check(p.returncode == 2, 'missing input: exit status %d, expected 2' % p.returncode, p)
        check('missing.txt' in err(p), 'the message does not name the missing input', p)
        p = run(['check', good])
        check(p.returncode == 0, 'a readable batch: exit status %d, expected 0' % p.returncode, p)


@case
def hostile_file_names():
    """File names are bytes, not UTF-8: JSON output stays valid, and
    names that differ stay different."""
    need('docs')
    with tempfile.TemporaryDirectory() as d:
        names = [b'bad-\xff-1.txt', b'bad-\xfe-2.txt', b'new\nline.txt', b'quote\"back\\.txt',
                 b'\xc0\xaf.txt']
        for n in names:
            with open(os.path.join(d.encode(), n), 'wb') as f:
                f.write(b'Five people were killed.\n')
        p = run(['docs', '--format', 'json', d])
        check(p.returncode == 0, 'exit status %d' % p.returncode, p)
        try:
            out = json.loads(p.stdout)
        except ValueError as e:
            raise AssertionError('not JSON: %s: %r' % (e, p.stdout[:300]))
        ids = [doc['id'] for doc in out['documents']]
        check(len(ids) == len(names), 'documents: %r' % ids)
        check(len(set(ids)) == len(ids), 'names collide: %r' % ids)


@case
def summary_adds_up():
    """The run's summary: read = processed + skipped, with bad records."""
    need('extract')
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'mixed.jsonl')
        good = bad = 0
        with open(path, 'w') as f:
            for i in range(60):
                f.write(json.dumps({'id': 'g%d' % i,
                                    'text': 'Gunmen killed %d people, police said.' % (i + 2)})
                        + '\n')
                good += 1
                if i % 6 == 0:
                    f.write('{"id": "broken", "text": \n')
                    bad += 1
                if i % 6 == 3:
                    f.write('[1, 2]\n')
                    bad += 1
        p = run(['extract', path])
        check(p.returncode == 0, 'exit status %d' % p.returncode, p)
        lines = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
        claims = sum(len(o['claims']) for o in lines if o['schema'] == 'recount.document/2')
        end = lines[-1] if lines else {}
        check(end.get('schema') == 'recount.end/1', 'the output does not end with its end line', p)
        check(end.get('claims') == claims and end.get('documents') == good + bad,
              'the end line says %r, the output has %d documents and %d claims'
              % (end, good + bad, claims), p)
        nums = {}
        for key in ('read', 'processed', 'skipped', 'claims'):
            m = re.search(r'(\d+)\s+(?:documents?\s+|claims?\s+)?' + key + r'\b', err(p)) or \
                re.search(key + r'\W{0,3}(\d+)', err(p))
            check(m is not None, 'no "%s" count in the summary' % key, p)
            nums[key] = int(m.group(1))
        check(nums['read'] == good + bad, 'read %d, expected %d' % (nums['read'], good + bad), p)
        check(nums['read'] == nums['processed'] + nums['skipped'],
              'read %(read)d != processed %(processed)d + skipped %(skipped)d' % nums, p)
        check(nums['skipped'] == bad, 'skipped %d, expected %d' % (nums['skipped'], bad), p)
        check(nums['claims'] == claims, 'summary says %d claims, output has %d'
              % (nums['claims'], claims), p)
        for line in err(p).splitlines():
            if 'error' in line and 'mixed.jsonl' not in line:
                raise AssertionError('error without its file: ' + line)


# Terminal controls: ESC (CSI colour, OSC window title ended by BEL), a C1
# CSI (U+009B) and a right-to-left override.
HOSTILE = '\x1b[31m\x1b]0;pwned\x07\u009b2J\u202e'
HIDDEN = (b'\x1b', b'\x07', '\u009b'.encode(), '\u202e'.encode())


def hostile_batch(d):
    """Articles whose ids, sources, titles and file names carry terminal
    controls, and one skipped document whose name does."""
    path = os.path.join(d, 'batch' + HOSTILE + '.jsonl')
    with open(path, 'w', encoding='utf-8') as f:
        for i, n in enumerate((12, 30)):
            f.write(json.dumps({'id': 'doc%d%s' % (i, HOSTILE), 'source': 'Outlet' + HOSTILE,
                                'title': 'Title' + HOSTILE, 'published': '2024-01-0%d' % (i + 3),
                                'text': 'Gunmen killed %d people in Kerman%s on Tuesday, '
                                        'police said.' % (n, HOSTILE)}) + '\n')
        f.write('{"id": "broken' + HOSTILE + '", \n')
    empty = os.path.join(d, 'empty' + HOSTILE + '.txt')
    open(empty, 'w').close()
    return [path, empty]


@case
def no_terminal_controls_reach_the_terminal():
    """docs, events, extract --format text, report, check and verify print
    ids, sources and file names cleaned, on standard output and standard
    error alike: no ESC, BEL, C1 control or bidirectional override."""
    with tempfile.TemporaryDirectory() as d:
        inputs = hostile_batch(d)
        runs = [['docs'] + inputs, ['events'] + inputs, ['extract', '--format', 'text'] + inputs,
                ['report'] + inputs, ['report', '--format', 'md'] + inputs,
                ['check', '--allow-skipped'] + inputs,
                ['verify', '12 people were killed in Kerman'] + inputs]
        for args in runs:
            p = run(args)
            check(p.returncode in (0, 1), '%s: exit status %d' % (args[0], p.returncode), p)
            for stream, data in (('standard output', p.stdout), ('standard error', p.stderr)):
                for bad in HIDDEN:
                    check(bad not in data, 'recount %s: %r on %s: %r'
                          % (args[0], bad, stream, data[:2000]))
            check(b'Outlet' in p.stdout or args[0] not in ('docs', 'report'),
                  'recount %s: the source is missing from the output' % args[0], p)
        # a skipped file's name is marked, not dropped: the user can find it
        p = run(['docs'] + inputs)
        check('empty\ufffd[31m'.encode() in p.stderr, 'the skipped file is not named', p)
@case
def a_named_fifo_waits_for_a_late_writer():
    """A FIFO named on the command line is read like a pipe, however late
    its writer starts (it used to be skipped as "empty file")."""
    need('docs')
    with tempfile.TemporaryDirectory() as d:
        fifo = os.path.join(d, 'late.txt')
        os.mkfifo(fifo)
        p = subprocess.Popen([RECOUNT, 'docs', '--format', 'json', fifo], cwd=ROOT, env=ENV,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        # never block here: without a reader, opening fails (ENXIO). recount
        # may take a while to reach the FIFO (under valgrind, seconds), so
        # wait for its reader as long as it runs; giving up first is the bug.
        deadline = time.monotonic() + 120
        fd = None
        while fd is None:
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as e:
                if e.errno != errno.ENXIO or p.poll() is not None \
                        or time.monotonic() > deadline:
                    p.kill()
                    out, e2 = p.communicate()
                    raise AssertionError('recount gave up on the FIFO before its writer came '
                                         '(%s): %s' % (e, e2.decode('utf-8', 'replace')[-500:]))
                time.sleep(0.05)
        time.sleep(0.5)   # the writer is late: recount waits with the FIFO open
        os.write(fd, b'A car bomb killed twelve people in Kabul on Monday, police said.\n')
        os.close(fd)
        out, e2 = p.communicate(timeout=60)
        check(p.returncode == 0, 'exit status %d: %s' % (p.returncode, e2.decode()[-500:]))
        docs = json.loads(out)['documents']
        check(len(docs) == 1 and docs[0]['status'] == 'processed',
              'the FIFO was not read: %s' % docs)


@case
def a_long_config_path_and_its_reason_are_kept_whole():
    """An error about a file whose path is longer than 511 bytes names the
    whole path and gives the whole reason (both used to be cut)."""
    need('report')
    with tempfile.TemporaryDirectory() as d:
        deep = os.path.join(d, 'a' * 200, 'b' * 200, 'c' * 200)
        os.makedirs(deep)
        rules = os.path.join(deep, 'rules.json')
        with open(rules, 'w') as f:
            f.write('{"metrics": {"killed": {"verbz": ["slain"]}}}\n')
        p = run(['report', '--rules', rules, SEEDS])
        check(p.returncode == 2, 'exit status %d, expected 2' % p.returncode, p)
        check(rules + ':1:' in err(p), 'the message does not name the whole path', p)
        check("unknown key 'verbz'" in err(p) and 'disabled)' in err(p),
              'the reason is cut', p)


@case
def a_long_warning_is_kept_whole():
    """A per-document warning that quotes a long key keeps its reason."""
    need('docs')
    with tempfile.TemporaryDirectory() as d:
        key = 'k' * 600
        batch = os.path.join(d, 'b.jsonl')
        with open(batch, 'w') as f:
            f.write(json.dumps({key: 5, 'text': 'Five people were hurt in the blast.'}) + '\n')
        p = run(['docs', '--field', 'title=' + key, batch])
        check(p.returncode == 0, 'exit status %d' % p.returncode, p)
        line = [ln for ln in err(p).splitlines() if 'warning' in ln]
        check(line and line[0].endswith('is an integer, not a string: ignored'),
              'the warning is cut: %s' % line, p)


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
            detail = str(e) if isinstance(e, AssertionError) else traceback.format_exc()
            for line in detail.splitlines():
                print('# ' + line)
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
