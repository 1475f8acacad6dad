#!/usr/bin/env python3
"""Generate a large, realistic, deterministic batch of news articles.

    bench/gen.py --mb 100 --format jsonl --seed 1 -o batch.jsonl
    bench/gen.py --mb 10 --format files -o batch/

The same seed and size always give the same bytes.  Articles report events
(bombings, floods, ferry sinkings, protests with arrests, mine collapses) in
many cities; several outlets cover each event over several days, with
rising tolls, revisions ("revised down to 84 from 103"), qualifiers ("at
least", "nearly", "more than"), vague figures ("dozens"), syndicated copies
of wire stories, attributions, and distractor numbers that are no claims
(dates, ages, times, money, distances, percentages, years).
"""
import argparse
import json
import os
import random
import sys

CITIES = ["Kerman", "Qom", "Mosul", "Kabul", "Dhaka", "Lagos", "Karachi", "Manila", "Aleppo",
          "Sanaa", "Mogadishu", "Peshawar", "Quetta", "Maiduguri", "Goma", "Bamako", "Tripoli",
          "Basra", "Herat", "Jalalabad", "Chittagong", "Davao", "Cebu", "Kano", "Juba", "Khartoum",
          "Beirut", "Gaza", "Hebron", "Mandalay"]
OUTLETS = ["Wire Service", "Daily Herald", "The Observer", "Gulf Times", "Asia Courier",
           "Morning Post", "City News", "Evening Standard", "National Radio", "Global Monitor",
           "Frontier Post", "Coastal Gazette"]
AUTHORITIES = ["the health ministry", "the interior ministry", "police", "the provincial governor",
               "the Red Crescent", "hospital officials", "state media", "a local official",
               "the civil defence agency", "the United Nations"]
KINDS = {
    "bombing": ("twin bombings", "the blasts", "bomb attack"),
    "flood": ("flash floods", "the floods", "flooding"),
    "ferry": ("ferry sinking", "the capsizing", "ferry disaster"),
    "protest": ("protests", "the demonstrations", "unrest"),
    "collapse": ("mine collapse", "the collapse", "cave-in"),
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def figure(rng, n):
    """A figure for n with a qualifier now and then."""
    r = rng.random()
    if n < 13 and r < 0.3:
        return WORDS[max(0, n - 2)] if n >= 2 else "one"
    s = "{:,}".format(n)
    if r < 0.45:
        return s
    if r < 0.6:
        return "at least " + s
    if r < 0.7:
        return "more than " + s
    if r < 0.8:
        return "nearly " + "{:,}".format(int(round(n, -1)) or n)
    if r < 0.9:
        return "about " + s
    return "up to " + s


def filler(rng, city, month, year):
    """Sentences with numbers that are not claims."""
    day = rng.randint(1, 28)
    pick = rng.randrange(8)
    if pick == 0:
        return "The city of %s, founded in %d, has about %d,%03d residents." % (
            city, rng.randint(1200, 1900), rng.randint(100, 900), rng.randint(0, 999))
    if pick == 1:
        return "A %d-year-old witness said the first %s came at %d:%02d p.m. on %s %d." % (
            rng.randint(18, 80), rng.choice(["sirens", "reports", "calls"]), rng.randint(1, 11),
            rng.randint(0, 59), month, day)
    if pick == 2:
        return "Aid agencies appealed for $%d million, about %d%% of what is needed." % (
            rng.randint(2, 90), rng.randint(10, 70))
    if pick == 3:
        return "The nearest hospital is %d km away, a %d-minute drive on Route %d." % (
            rng.randint(3, 60), rng.randint(10, 90), rng.randint(1, 99))
    if pick == 4:
        return "It was the %s such incident in the province since %d." % (
            rng.choice(["third", "fourth", "fifth", "second"]), year - rng.randint(1, 9))
    if pick == 5:
        return "Markets reopened on %s %d, %d, officials said in a statement." % (month, day, year)
    if pick == 6:
        return "Schools will stay closed for %d days, the education office said." % rng.randint(2, 14)
    return "One of the %d buses that serve the area was diverted, a spokesman told reporters." % (
        rng.randint(3, 40))


def article(rng, ev, day, outlet, revision):
    city, kind, month, year, dead, hurt, arrested = (ev["city"], ev["kind"], ev["month"], ev["year"],
                                                     ev["dead"], ev["hurt"], ev["arrested"])
    noun, short, other = KINDS[kind]
    toll = max(1, int(dead * (0.6 + 0.2 * day)))
    who = rng.choice(AUTHORITIES)
    paras = []
    paras.append("%s - The %s in %s on %s %d killed %s people and injured %s others, %s said." % (
        city.upper(), noun, city, month, ev["day"], figure(rng, toll), figure(rng, int(hurt * (0.7 + 0.1 * day))), who))
    paras.append(filler(rng, city, month, year))
    if revision and day > 0:
        old = toll + rng.randint(5, 30)
        paras.append("The toll was later revised down to %s from %s, %s said." % (
            "{:,}".format(toll), "{:,}".format(old), rng.choice(AUTHORITIES)))
    if rng.random() < 0.5:
        paras.append("According to %s, %s were still missing after %s." % (
            rng.choice(AUTHORITIES), rng.choice(["dozens", "several", "at least %d" % rng.randint(2, 40)]), short))
    if arrested and rng.random() < 0.6:
        paras.append("Security forces arrested %s suspects in connection with %s, %s reported." % (
            figure(rng, arrested), short, rng.choice(["state media", "local media", "the agency"])))
    paras.append(filler(rng, city, month, year))
    if rng.random() < 0.3:
        paras.append("The %s could have killed hundreds had it happened an hour later, a rescuer said." % other)
    paras.append(filler(rng, city, month, year))
    title = "%s: %s toll %s" % (city, noun, rng.choice(["rises", "climbs", "stands", "revised"]))
    return title, "\n\n".join(paras) + "\n"


def generate(mb, seed, fmt, out):
    rng = random.Random(seed)
    target = int(mb * 1e6)
    written = 0
    n = 0
    events = []
    if fmt == "files":
        os.makedirs(out, exist_ok=True)
        fp = None
    else:
        fp = open(out, "w", encoding="utf-8") if out != "-" else sys.stdout
    while written < target:
        if not events or rng.random() < 0.2:
            events.append({
                "city": rng.choice(CITIES), "kind": rng.choice(sorted(KINDS)),
                "month": rng.choice(MONTHS), "day": rng.randint(1, 28),
                "year": rng.randint(2019, 2025), "dead": rng.randint(3, 400),
                "hurt": rng.randint(5, 900), "arrested": rng.choice([0, 0, 2, 3, 11, 25]),
            })
            events = events[-50:]
        ev = rng.choice(events)
        day = rng.randint(0, 3)
        outlet = rng.choice(OUTLETS)
        title, text = article(rng, ev, day, outlet, rng.random() < 0.2)
        copies = 1 if rng.random() < 0.85 else rng.randint(2, 4)  # syndicated wire copies
        for c in range(copies):
            src = outlet if c == 0 else rng.choice(OUTLETS)
            date = "%d-%02d-%02d" % (ev["year"], MONTHS.index(ev["month"]) + 1, min(28, ev["day"] + day))
            if fmt == "files":
                path = os.path.join(out, "a%07d.txt" % n)
                with open(path, "w", encoding="utf-8") as f:
                    data = "date %s %s\n%s" % (date, title, text)
                    f.write(data)
                written += len(data.encode())
            else:
                rec = {"id": "a%07d" % n, "source": src, "published": date, "title": title, "text": text}
                line = json.dumps(rec, ensure_ascii=False) + "\n"
                fp.write(line)
                written += len(line.encode())
            n += 1
            if written >= target:
                break
    if fp and fp is not sys.stdout:
        fp.close()
    return n, written


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=10, help="approximate size in MB (default 10)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=["jsonl", "files"], default="jsonl")
    ap.add_argument("-o", "--output", required=True, help="file (jsonl, - for stdout) or directory (files)")
    a = ap.parse_args()
    n, written = generate(a.mb, a.seed, a.format, a.output)
    print("%d articles, %.1f MB" % (n, written / 1e6), file=sys.stderr)


if __name__ == "__main__":
    main()
