#!/usr/bin/env python3
"""Generate data/places.json, the gazetteer of the events stage, from maintained sources.

    data/places.py [-o data/places.json] [--check]

Sources (Debian 12 packages; docs/dependencies.md says why these):
  countries  iso-codes        /usr/share/iso-codes/json/iso_3166-1.json (names, official and
                              common names)
  regions    libgeonames0     the first-level divisions (GeoNames admin1) of its cities, with
                              their English names ("Flemish Region", "Liguria")
  cities     libgeonames0     GeoNames' cities of 15,000 people or more, with population,
                              region and country (read through the library with ctypes)
  words      wamerican        /usr/share/dict/words: a place whose name is a lowercase English
                              word ("Police", "Split", "Reading", "Western") is marked common
and data/places-extra.json, kept by hand: display names and aliases that the sources lack
("Russia" for "Russian Federation", "Mecca" for "Makkah al Mukarramah", "U.S.").

Output: {"columns": [...], "places": [[name, kind, parent, aliases, population, common], ...]}
with countries first, then regions, then cities; `parent` is the index of the enclosing place
(a region's country, a city's region or, without one, its country), `kind` is "country",
"region" or "city".  Display names are unique: where two places of one kind keep the same
name after pruning (a city of a fifth or less of the population of a namesake is dropped),
each is qualified with its country ("Saint-Denis, France", "Saint-Denis, Réunion").

--check regenerates into memory and exits 1 if data/places.json differs (the test
events/places-generated runs it when the sources are installed).  The output is
deterministic: the same packages always give the same bytes.
"""
import argparse
import ctypes
import ctypes.util
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ISO_3166_1 = "/usr/share/iso-codes/json/iso_3166-1.json"
WORDS = "/usr/share/dict/words"
BIG_CITY = 1000000      # never "common", whatever the word
PRUNE_RATIO = 5          # a namesake city this many times larger wins alone
REGION_SUFFIXES = ("Region", "Province", "Governorate", "Oblast", "Division", "Prefecture",
                   "Voivodeship", "Department", "County", "State", "Municipality", "Capital",
                   "Territory", "District", "Krai")


def fold(s):
    """ASCII letters for the accented ones ("Dohār" -> "Dohar"), typographic quotes plain."""
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def load_geonames():
    path = ctypes.util.find_library("geonames") or "libgeonames.so.0"
    g = ctypes.CDLL(path)
    g.geonames_get_n_cities.restype = ctypes.c_int
    g.geonames_get_city.restype = ctypes.c_void_p
    g.geonames_get_city.argtypes = [ctypes.c_int]
    g.geonames_city_free.argtypes = [ctypes.c_void_p]
    for f in ("name", "state", "country", "country_code"):
        fn = getattr(g, "geonames_city_get_" + f)
        fn.restype = ctypes.c_char_p
        fn.argtypes = [ctypes.c_void_p]
    g.geonames_city_get_population.restype = ctypes.c_uint
    g.geonames_city_get_population.argtypes = [ctypes.c_void_p]
    out = []
    for i in range(g.geonames_get_n_cities()):
        c = g.geonames_get_city(i)
        get = lambda f: (getattr(g, "geonames_city_get_" + f)(c) or b"").decode("utf-8").strip()
        out.append({"name": get("name"), "state": get("state"), "country": get("country"),
                    "cc": get("country_code"), "pop": int(g.geonames_city_get_population(c))})
        g.geonames_city_free(c)
    return out


def common_words():
    with open(WORDS, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and w.strip().islower()}


def is_common(name, words):
    """A one-word name that is a lowercase English word, or of two letters or fewer."""
    if " " in name:
        return False
    return name.lower() in words or len(name) <= 2


def build():
    with open(ISO_3166_1, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    with open(os.path.join(HERE, "places-extra.json"), encoding="utf-8") as f:
        extra = json.load(f)
    words = common_words()
    cities = load_geonames()

    places = []           # dicts: name, kind, parent, aliases (set), pop, key
    by_key = {}

    def add(key, name, kind, parent, aliases=(), pop=0):
        p = {"name": name, "kind": kind, "parent": parent, "aliases": set(aliases), "pop": pop,
             "cc": key.split("/")[0]}
        by_key[key] = len(places)
        places.append(p)
        return p

    # countries
    geo_country = {}
    for c in cities:
        geo_country.setdefault(c["cc"], c["country"])
    for c in sorted(iso, key=lambda c: c["alpha_2"]):
        cc = c["alpha_2"]
        name = c.get("common_name") or c["name"]
        al = {c["name"], c.get("official_name", c["name"]), geo_country.get(cc, c["name"])}
        add(cc, name, "country", None, al)
    for cc, ov in sorted(extra.get("countries", {}).items()):
        p = places[by_key[cc]]
        if "name" in ov:
            p["aliases"].add(p["name"])
            p["name"] = ov["name"]
        p["aliases"].update(ov.get("aliases", []))

    # regions: the admin1 names of the cities, per country
    for cc, state in sorted({(c["cc"], c["state"]) for c in cities if c["state"] and c["cc"] in by_key}):
        al = set()
        words_ = state.split()
        if len(words_) > 1 and words_[-1] in REGION_SUFFIXES:
            al.add(" ".join(words_[:-1]))
        if len(words_) > 2 and words_[0] in REGION_SUFFIXES and words_[1] == "of":
            al.add(" ".join(words_[2:]))      # "State of West Bengal"
        if fold(state) != state:
            al.add(state)
        add(cc + "/" + state, fold(state), "region", by_key[cc], al)
    for key, ov in sorted(extra.get("regions", {}).items()):
        if key in by_key:
            places[by_key[key]]["aliases"].update(ov.get("aliases", []))

    # cities, with the hand-kept names and aliases first, so that pruning sees them
    for c in cities:
        c["key"] = c["cc"] + "/" + c["state"] + "/" + c["name"]
        c["aliases"] = set()
    keyed = {c["key"]: c for c in cities}
    for key, ov in sorted(extra.get("cities", {}).items()):
        if key not in keyed:
            sys.exit("places-extra.json: no city %s in the sources" % key)
        c = keyed[key]
        if "name" in ov:
            c["aliases"].add(c["name"])
            c["name"] = ov["name"]
        c["aliases"].update(ov.get("aliases", []))
    # a city is dropped when a namesake (by name or alias) has five times its
    # population; an alias is dropped when a larger place goes by it
    best = {}
    for c in cities:
        for n in {c["name"]} | c["aliases"]:
            k = fold(n).lower()
            best[k] = max(best.get(k, 0), c["pop"])
    seen = set()
    for c in sorted(cities, key=lambda c: (c["cc"], c["state"], c["name"], -c["pop"])):
        if c["cc"] not in by_key or c["pop"] * PRUNE_RATIO <= best[fold(c["name"]).lower()]:
            continue
        if c["key"] in seen:      # the same name twice in one region: the larger one
            continue
        seen.add(c["key"])
        al = {a for a in c["aliases"] if c["pop"] * PRUNE_RATIO > best[fold(a).lower()]}
        parent = by_key.get(c["cc"] + "/" + c["state"], by_key[c["cc"]])
        # English news writes "Hathras", not "Hāthras": the name without its
        # accents is the display name, the accented one an alias
        name = fold(c["name"])
        if name != c["name"]:
            al = al | {c["name"]}
        add(c["key"], name, "city", parent, al, c["pop"])

    # folded aliases, and no alias equal to the name
    for p in places:
        p["aliases"] = {fold(a) for a in p["aliases"] | {p["name"]}} | p["aliases"]
        p["aliases"].discard(p["name"])
        p["aliases"] = {a for a in p["aliases"] if a and "," not in a}

    # unique display names: a place keeps its name unless another place has
    # it too; then, step by step until none is shared: a region named like a
    # city becomes "<name> Region" ("Kabul Region" beside the city of Kabul),
    # then namesakes are qualified with their country ("Saint-Denis, France"),
    # then a city with its region too ("Mercedes, Corrientes, Argentina"),
    # and last with a number.
    country_of = lambda p: p if p["kind"] == "country" else country_of(places[p["parent"]])
    region_of = lambda p: places[p["parent"]] if places[p["parent"]]["kind"] == "region" else None
    city_names = {p["name"].lower() for p in places if p["kind"] == "city"}
    base = [p["name"] for p in places]

    def display(i, level):
        p, name = places[i], base[i]
        if p["kind"] == "country" or level == 0:
            return name
        if p["kind"] == "region" and name.lower() in city_names and \
                not name.endswith(REGION_SUFFIXES):
            name += " Region"
        if level >= 2:
            name += ", " + country_of(p)["name"]
        if level >= 3 and p["kind"] == "city" and region_of(p):
            name = "%s, %s, %s" % (base[i], region_of(p)["name"], country_of(p)["name"])
        if level >= 4:
            name += " (%d)" % i
        return name

    level = [1] * len(places)
    for _ in range(4):
        by_name = {}
        for i in range(len(places)):
            by_name.setdefault(display(i, level[i]).lower(), []).append(i)
        clash = [i for idx in by_name.values() if len(idx) > 1 for i in idx]
        if not clash:
            break
        for i in clash:
            level[i] += 1
    for i, p in enumerate(places):
        p["name"] = display(i, level[i])
        if p["name"] != base[i]:
            p["aliases"].add(base[i])
    if len({p["name"].lower() for p in places}) != len(places):
        sys.exit("data/places.py: display names are not unique")

    rows = []
    for p in places:
        common = p["kind"] != "country" and p["pop"] < BIG_CITY and \
            is_common(p["name"].split(",")[0], words)
        rows.append([p["name"], p["kind"], p["parent"], sorted(p["aliases"]), p["pop"], common])
    return {
        "comment": "Gazetteer of the events stage, generated by data/places.py from iso-codes "
                   "(countries), libgeonames (GeoNames cities of 15,000 people or more and their "
                   "regions) and data/places-extra.json; do not edit by hand (docs/events.md, "
                   "docs/dependencies.md).",
        "columns": ["name", "kind", "parent", "aliases", "population", "common"],
        "places": rows,
    }


def dump(doc):
    out = ['{\n "comment": %s,\n "columns": %s,\n "places": [\n'
           % (json.dumps(doc["comment"], ensure_ascii=False), json.dumps(doc["columns"]))]
    rows = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in doc["places"]]
    out.append(",\n".join(rows))
    out.append("\n ]\n}\n")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", default=os.path.join(HERE, "places.json"))
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    text = dump(build())
    if a.check:
        with open(a.o, encoding="utf-8") as f:
            same = f.read() == text
        print("%s is %s" % (a.o, "up to date" if same else "NOT what data/places.py generates"))
        sys.exit(0 if same else 1)
    with open(a.o, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %s: %d places" % (a.o, len(json.loads(text)["places"])))


if __name__ == "__main__":
    main()
