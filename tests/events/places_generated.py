#!/usr/bin/env python3
"""data/places.json is what data/places.py makes of its sources.

    places_generated.py SOURCE_ROOT

Runs `data/places.py --check`.  The sources (libgeonames0, iso-codes,
wamerican) are needed only to regenerate the gazetteer, not to build or use
recount, so without them the test is skipped (exit 77) rather than failed.
"""
import ctypes.util
import os
import subprocess
import sys

root = sys.argv[1]
missing = []
if not (ctypes.util.find_library("geonames") or os.path.exists("/usr/lib/x86_64-linux-gnu/libgeonames.so.0")):
    missing.append("libgeonames0")
if not os.path.exists("/usr/share/iso-codes/json/iso_3166-1.json"):
    missing.append("iso-codes")
if not os.path.exists("/usr/share/dict/words"):
    missing.append("wamerican")
if missing:
    print("1..0 # SKIP the gazetteer's sources are not installed: " + ", ".join(missing))
    sys.exit(77)
p = subprocess.run([sys.executable, os.path.join(root, "data", "places.py"), "--check"],
                   capture_output=True, text=True)
print(p.stdout.strip())
if p.returncode:
    print(p.stderr.strip())
    print("data/places.json differs from what data/places.py generates: run it and commit the result")
sys.exit(p.returncode)
