#!/usr/bin/env python3
"""Open an HTML report in headless Chromium and check the page a reader gets.

    browser.py --render-dump TEST_BINARY --screenshot OUT.png       (the renderer sample)
    browser.py --recount RECOUNT --screenshot OUT.png INPUT...      (recount report of INPUTs)
    browser.py --recount RECOUNT --screenshot OUT.png --dark-screenshot OUT-dark.png
               [--window 1200,1600] INPUT...

Checks the DOM Chromium built (not the bytes we wrote), by running a test
script inside a copy of the page and reading its verdict back from the
dumped DOM:

  - every event with figures has its section, every metric its number line,
    and the conflicts index comes first, one row per conflict, each row
    linking to a metric that exists;
  - no text is clipped by its chart (every SVG label inside its viewBox);
  - charts name reports by outlet and date: no document id where the
    document has an outlet;
  - timelines: reports of one day share one x; the count axis has whole
    numbers only; the date axis has dates; undated and vague figures are
    not plotted;
  - every text has a contrast of at least 4.5:1 against its background
    (WCAG AA), in the light scheme and in the dark one (forced);
  - every sortable header is a button that takes keyboard focus, and
    pressing it sorts the rows and sets aria-sort;
  - links to articles are plain http(s) links with rel="noopener", and
    nothing loads from the network (no src=, no stylesheet links);
  - a print stylesheet exists, and printing to PDF works;
  - the console shows no errors.

Saves a screenshot (and one in the dark scheme).  Exits 77 (skipped) when
Chromium is not installed.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_browser(exe, url, extra, timeout=120):
    args = [exe, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-extensions", "--enable-logging=stderr", "--v=0"] + extra + [url]
    return subprocess.run(args, capture_output=True, timeout=timeout)


# Runs in the page after the report's own script; writes its findings as
# JSON into <pre id="rc-test-result">.  EXPECT is filled in from Python.
PROBE = r"""
<script>
(function () {
var EXPECT = %(expect)s;
var problems = [], info = {};
try {
function rgb(s) {
  var m = /rgba?\(([^)]+)\)/.exec(s || '');
  if (!m) return null;
  var p = m[1].split(',').map(parseFloat);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
}
function lum(c) {
  function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
  return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
}
function ratio(a, b) {
  var x = lum(a), y = lum(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
function background(el) {
  for (; el; el = el.parentElement) {
    var c = rgb(getComputedStyle(el).backgroundColor);
    if (c && c.a > 0.5) return c;
  }
  return {r: 255, g: 255, b: 255, a: 1};
}
function where(el) {
  return el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined && el.className ?
    '.' + el.className : '') + ' "' + el.textContent.trim().slice(0, 40) + '"';
}
info.dark = matchMedia('(prefers-color-scheme: dark)').matches;
if (EXPECT.dark && !info.dark) problems.push('the dark scheme could not be forced');

/* contrast of every text against its background */
var worst = 99, low = [];
document.querySelectorAll('body *').forEach(function (el) {
  if (/^(SCRIPT|STYLE|TITLE|svg|g|line|circle|path|rect|polyline)$/.test(el.tagName)) return;
  var own = Array.prototype.some.call(el.childNodes, function (n) {
    return n.nodeType === 3 && n.textContent.trim();
  });
  if (!own || !el.getClientRects().length) return;
  var cs = getComputedStyle(el);
  var fg = rgb(el.namespaceURI === 'http://www.w3.org/2000/svg' ? cs.fill : cs.color);
  if (!fg) return;
  var r = ratio(fg, background(el.closest('svg') || el));
  if (r < worst) worst = r;
  if (r < 4.5) low.push(where(el) + ' ' + r.toFixed(2) + ':1');
});
info.min_contrast = Math.round(worst * 100) / 100;
if (low.length) problems.push(low.length + ' texts under 4.5:1, e.g. ' + low.slice(0, 4).join('; '));

/* no chart label outside its chart */
var clipped = [];
document.querySelectorAll('svg').forEach(function (svg) {
  var vb = svg.viewBox.baseVal;
  svg.querySelectorAll('text').forEach(function (t) {
    var b = t.getBBox();
    if (b.x < vb.x - 0.5 || b.x + b.width > vb.x + vb.width + 0.5 ||
        b.y < vb.y - 0.5 || b.y + b.height > vb.y + vb.height + 0.5)
      clipped.push(svg.getAttribute('class') + ' "' + t.textContent + '" at x ' + b.x.toFixed(0) +
                   '..' + (b.x + b.width).toFixed(0) + ' of ' + vb.width);
  });
});
if (clipped.length) problems.push(clipped.length + ' clipped chart labels, e.g. ' + clipped.slice(0, 3).join('; '));

/* reports are named by outlet, not by document id */
var ids = EXPECT.ids_with_outlet || [];
document.querySelectorAll('svg.numberline text[text-anchor=end]').forEach(function (t) {
  ids.forEach(function (id) {
    if (t.textContent.indexOf(id) === 0) problems.push('a chart names a report by its id ' + id);
  });
});

/* timelines: one x per day, whole numbers, dates; nothing undated or vague */
var tl = document.querySelectorAll('svg.timeline');
info.timelines = tl.length;
tl.forEach(function (svg) {
  var xs = {};
  svg.querySelectorAll('g.point').forEach(function (g) {
    var m = g.querySelector('circle,line'), x = m.getAttribute('cx') || m.getAttribute('x1');
    var d = g.getAttribute('data-date');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d || '')) problems.push('a timeline point without a date');
    if (xs[d] !== undefined && xs[d] !== x) problems.push('reports of ' + d + ' at two places');
    xs[d] = x;
    var fig = g.querySelector('title').textContent.split(' \u2014 ')[0];
    var art = svg.closest('article');
    var bad = (art && EXPECT.unplottable[art.id]) || [];
    if (bad.indexOf(fig) >= 0) problems.push(art.id + ': ' + fig + ' (undated or vague) is plotted');
  });
  svg.querySelectorAll('text.ytick').forEach(function (t) {
    if (!/^\d+$/.test(t.textContent)) problems.push('count axis tick ' + t.textContent);
  });
  svg.querySelectorAll('text.xtick').forEach(function (t) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(t.textContent)) problems.push('date axis tick ' + t.textContent);
  });
  if (/undated/.test(svg.textContent)) problems.push('"undated" drawn on a time axis');
});
document.querySelectorAll('svg.numberline text.tick').forEach(function (t) {
  if (!/^\d+$/.test(t.textContent)) problems.push('number line tick ' + t.textContent);
});

/* the conflicts index */
var index = document.querySelector('#conflicts table');
var rows = index ? index.tBodies[0].rows.length : 0;
info.index_rows = rows;
if (EXPECT.conflicts !== null && rows !== EXPECT.conflicts)
  problems.push('conflicts index has ' + rows + ' rows, the result ' + EXPECT.conflicts + ' conflicts');
if (index) {
  var first = document.querySelector('main').firstElementChild;
  if (!first || first.id !== 'conflicts') problems.push('the conflicts index is not first');
  index.querySelectorAll('tbody a[href^="#"]').forEach(function (a) {
    if (!document.getElementById(a.getAttribute('href').slice(1)))
      problems.push('index link ' + a.getAttribute('href') + ' goes nowhere');
  });
}

/* sortable headers: buttons, focusable, sorting, aria-sort */
var ths = document.querySelectorAll('thead th'), unreachable = 0;
ths.forEach(function (th) {
  var b = th.querySelector('button');
  if (!b) { unreachable++; return; }
  b.focus();
  if (document.activeElement !== b) unreachable++;
});
info.headers = ths.length;
if (unreachable) problems.push(unreachable + ' of ' + ths.length + ' headers not reachable by keyboard');
var sample = null;
document.querySelectorAll('table.claims').forEach(function (t) {
  if (!sample && t.tBodies[0].rows.length >= 3) sample = t;
});
var th0 = sample && sample.querySelector('thead th');
if (th0 && th0.querySelector('button')) {
  var th = th0, btn = th.querySelector('button');
  var col = function () {
    return Array.prototype.map.call(sample.tBodies[0].rows, function (r) { return r.cells[0].textContent; });
  };
  var num = function (a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    return !isNaN(x) && !isNaN(y) ? x - y : a.localeCompare(b);
  };
  btn.click();
  var up = col();
  if (th.getAttribute('aria-sort') !== 'ascending') problems.push('aria-sort after one press: ' + th.getAttribute('aria-sort'));
  if (JSON.stringify(up) !== JSON.stringify(up.slice().sort(num))) problems.push('not sorted ascending: ' + up);
  btn.click();
  if (th.getAttribute('aria-sort') !== 'descending') problems.push('aria-sort after two presses: ' + th.getAttribute('aria-sort'));
}

/* links to articles; nothing loaded from the network */
var links = document.querySelectorAll('a[href^="http"]');
info.article_links = links.length;
links.forEach(function (a) {
  if (!/noopener/.test(a.rel)) problems.push('a link without rel=noopener: ' + a.href);
});
if (EXPECT.min_links && links.length < EXPECT.min_links)
  problems.push(links.length + ' links to articles, expected at least ' + EXPECT.min_links);
if (document.querySelector('[src], link[href]')) problems.push('the page loads something');

/* a print stylesheet */
var print = false;
Array.prototype.forEach.call(document.styleSheets, function (s) {
  Array.prototype.forEach.call(s.cssRules, function (r) {
    if (r.media && /print/.test(r.media.mediaText)) print = true;
  });
});
if (!print) problems.push('no print stylesheet');

} catch (e) {
  problems.push('the probe failed: ' + e);
}
info.sections = Array.prototype.map.call(document.querySelectorAll('section.event'), function (s) {
  return s.id.slice(3);
});
info.charts = document.querySelectorAll('svg.numberline').length;
info.metrics = document.querySelectorAll('article.metric').length;
var pre = document.createElement('pre');
pre.id = 'rc-test-result';
pre.textContent = JSON.stringify({problems: problems, info: info});
document.body.appendChild(pre);
})();
</script>
"""


def expectations(report):
    """What the page must show, from the JSON report of the same inputs."""
    events = [e for e in report["events"] if e["metrics"] or e["aggregates"]]
    ids_with_outlet = set()
    unplottable = {}
    conflicts = 0
    links = set()
    for e in events:
        for k, (name, m) in enumerate(sorted(e["metrics"].items())):
            conflicts += len(m["conflicts"])
            texts = {}
            for c in m["claims"]:
                if c.get("source"):
                    ids_with_outlet.add(c["doc"])
                if (c.get("url") or "").startswith(("http://", "https://")):
                    links.add(c["url"])
                bad = bool(c["vague"]) or not c.get("published")
                texts.setdefault(c["text"], []).append(bad)
            # a text is unplottable when every claim with it is
            unplottable["ev-%s-m%d" % (e["id"], k)] = sorted(t for t, b in texts.items() if all(b))
    # document ids that look like other words would match too much
    ids = sorted(i for i in ids_with_outlet if len(i) > 6)
    return {"ids_with_outlet": ids, "unplottable": unplottable, "conflicts": conflicts,
            "min_links": 1 if links else 0}, [e["id"] for e in events]


def probe(exe, html, expect, dark):
    """Run the probe in a copy of the page; returns (problems, info, console errors)."""
    with open(html, encoding="utf-8") as f:
        page = f.read()
    expect = dict(expect, dark=dark)
    page = page.replace("</body>", PROBE % {"expect": json.dumps(expect)} + "</body>")
    probed = html + (".dark" if dark else "") + ".probe.html"
    with open(probed, "w", encoding="utf-8") as f:
        f.write(page)
    extra = ["--dump-dom", "--window-size=1200,1600"] + (["--force-dark-mode"] if dark else [])
    dom = run_browser(exe, "file://" + probed, extra)
    if dom.returncode != 0:
        return ["chromium failed: " + dom.stderr.decode(errors="replace")[-2000:]], {}, []
    m = re.search(r'<pre id="rc-test-result">(.*?)</pre>', dom.stdout.decode("utf-8"), re.S)
    if not m:
        return ["the probe did not run"], {}, []
    import html as htmlmod
    res = json.loads(htmlmod.unescape(m.group(1)))
    errors = [l for l in dom.stderr.decode(errors="replace").splitlines()
              if "CONSOLE" in l and ("Uncaught" in l or "Error" in l or "error" in l)]
    return res["problems"], res["info"], errors


def screenshot(exe, html, out, dark, size):
    extra = ["--screenshot=" + os.path.abspath(out), "--window-size=" + size, "--hide-scrollbars"]
    if dark:
        extra.append("--force-dark-mode")
    shot = run_browser(exe, "file://" + html, extra)
    return shot.returncode == 0 and os.path.exists(out) and os.path.getsize(out) > 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--render-dump")
    ap.add_argument("--recount")
    ap.add_argument("--screenshot", required=True)
    ap.add_argument("--dark-screenshot")
    ap.add_argument("--window", default="1200,1600", help="screenshot size, WIDTH,HEIGHT")
    ap.add_argument("inputs", nargs="*")
    a = ap.parse_args()
    if a.recount and os.environ.get("RC_TEST_RECOUNT"):
        a.recount = os.environ["RC_TEST_RECOUNT"]
    exe = chromium()
    if not exe:
        print("1..0 # SKIP chromium not installed (apt-get install chromium)")
        return 77
    tmp = tempfile.mkdtemp(prefix="recount-browser-")
    try:
        html = os.path.join(tmp, "report.html")
        if a.render_dump:
            env = dict(os.environ, RC_RENDER_DUMP=tmp)
            subprocess.run([a.render_dump], env=env, check=True)
            expect, want = {"ids_with_outlet": [], "unplottable": {}, "conflicts": None,
                            "min_links": 1}, None
        else:
            env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC")
            subprocess.run([a.recount, "report", "-q", "--format", "html", "-o", html] + a.inputs,
                           check=True, env=env)
            out = subprocess.run([a.recount, "report", "-q", "--format", "json"] + a.inputs,
                                 check=True, capture_output=True, env=env).stdout
            expect, want = expectations(json.loads(out))
        print("1..3")
        failed = 0
        for n, dark in ((1, False), (2, True)):
            problems, info, errors = probe(exe, html, expect, dark)
            if want is not None and info.get("sections") != want:
                problems.append("event sections %s, expected %s" % (info.get("sections"), want))
            elif want is None and not info.get("sections"):
                problems.append("no event sections")
            if info.get("charts") != info.get("metrics") or not info.get("charts"):
                problems.append("%s number lines for %s metrics" % (info.get("charts"), info.get("metrics")))
            if errors:
                problems.append("console errors: %s" % errors[:5])
            scheme = "dark" if dark else "light"
            if problems:
                failed += 1
                print("not ok %d - HTML report in Chromium, %s scheme" % (n, scheme))
                for p in problems:
                    print("# " + p)
            else:
                print("ok %d - HTML report in Chromium, %s scheme: %d events, %d charts, %d timelines, "
                      "%s conflicts indexed, %d sortable headers, %d article links, contrast >= %s:1"
                      % (n, scheme, len(info["sections"]), info["charts"], info["timelines"],
                         info["index_rows"], info["headers"], info["article_links"],
                         info["min_contrast"]))
        shots = [(a.screenshot, False)] + ([(a.dark_screenshot, True)] if a.dark_screenshot else [])
        pdf = os.path.join(tmp, "report.pdf")
        printed = run_browser(exe, "file://" + html, ["--print-to-pdf=" + pdf, "--no-pdf-header-footer"])
        bad = [s for s, d in shots if not screenshot(exe, html, s, d, a.window)]
        if not os.path.exists(pdf) or os.path.getsize(pdf) < 1000 or printed.returncode:
            bad.append("the PDF print")
        if bad:
            failed += 1
            print("not ok 3 - screenshots and print: failed: %s" % ", ".join(bad))
        else:
            print("ok 3 - screenshots %s, PDF print %d bytes" % (", ".join(s for s, _ in shots),
                                                                  os.path.getsize(pdf)))
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
