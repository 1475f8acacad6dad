#!/usr/bin/env python3
"""Open an HTML report in headless Chromium and check the page.

    browser.py --render-dump TEST_BINARY --screenshot OUT.png     (the renderer sample)
    browser.py --recount RECOUNT --screenshot OUT.png INPUT...    (recount report of INPUTs)

Checks the DOM Chromium built (not the bytes we wrote): every event section
and every chart is present, the page has no network references, and the
console shows no errors.  Saves a screenshot.  Exits 77 (skipped) when
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--render-dump")
    ap.add_argument("--recount")
    ap.add_argument("--screenshot", required=True)
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
        if a.render_dump:
            env = dict(os.environ, RC_RENDER_DUMP=tmp)
            subprocess.run([a.render_dump], env=env, check=True)
            html = os.path.join(tmp, "report.html")
            events = None
        else:
            html = os.path.join(tmp, "report.html")
            subprocess.run([a.recount, "report", "-q", "--format", "html", "-o", html] + a.inputs, check=True)
            out = subprocess.run([a.recount, "report", "-q", "--format", "json"] + a.inputs,
                                 check=True, capture_output=True).stdout
            events = json.loads(out)["events"]
        url = "file://" + html
        dom = run_browser(exe, url, ["--dump-dom"])
        if dom.returncode != 0:
            print("chromium failed:", dom.stderr.decode(errors="replace")[-2000:])
            return 1
        page = dom.stdout.decode("utf-8")
        problems = []
        sections = re.findall(r'<section class="event" id="ev-([^"]+)"', page)
        charts = len(re.findall(r'<svg class="numberline"', page))
        metrics = len(re.findall(r'<article class="metric"', page))
        if events is not None:
            want = [e["id"] for e in events]
            if sections != want:
                problems.append("event sections %s, expected %s" % (sections, want))
        elif not sections:
            problems.append("no event sections")
        if charts != metrics or not charts:
            problems.append("%d number lines for %d metrics" % (charts, metrics))
        if re.search(r'(src|href)="(https?:)?//', page):
            problems.append("the page references the network")
        errors = [l for l in dom.stderr.decode(errors="replace").splitlines()
                  if "CONSOLE" in l and ("Uncaught" in l or "Error" in l or "error" in l)]
        if errors:
            problems.append("console errors: %s" % errors[:5])
        shot = run_browser(exe, url, ["--screenshot=" + os.path.abspath(a.screenshot),
                                      "--window-size=1200,1600", "--hide-scrollbars"])
        if shot.returncode != 0 or not os.path.exists(a.screenshot) or os.path.getsize(a.screenshot) < 1000:
            problems.append("no screenshot")
        print("1..1")
        if problems:
            print("not ok 1 - HTML report in Chromium: " + "; ".join(problems))
            return 1
        print("ok 1 - HTML report in Chromium: %d events, %d charts, no console errors; screenshot %s"
              % (len(sections), charts, a.screenshot))
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
