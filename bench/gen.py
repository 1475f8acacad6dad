#!/usr/bin/env python3
"""Generate a large, realistic, deterministic batch of news articles.

    bench/gen.py --mb 100 --format jsonl --seed 1 -o batch.jsonl
    bench/gen.py --mb 10 --format files -o batch/
    bench/gen.py --shape one-event --docs 20000 -o one-event.jsonl
    bench/gen.py --shape one-event --events 3 --mb 10 -o few-events.jsonl

The same options always give the same bytes.  Two shapes:

news (the default): articles report events (bombings, floods, ferry
sinkings, protests with arrests, mine collapses) in many cities; several
outlets cover each event over several days, with rising tolls, revisions
("revised down to 84 from 103"), qualifiers ("at least", "nearly", "more
than"), vague figures ("dozens"), syndicated copies of wire stories,
attributions, and distractor numbers that are no claims (dates, ages,
times, money, distances, percentages, years).  A new event starts with one
article in five, so events stay small.

one-event: thousands of reports of a few events (--events, default 1), as
a big story is covered: every outlet, every day for a month, most of it in
the first week.  Each source has a figure of its own per day: the health
ministry's toll rises and is revised down once ("revised down to ... from
..."), police lag a day behind it, a local official differs from it on the
same day, an independent monitor keeps a tally about twice as high (a
dispute), and unattributed copy repeats the ministry's figure with a
qualifier.  So the number of distinct figures per metric is bounded
(sources x days x wordings) however many reports there are: the shape the
reconciler's grouping by figure is measured on (bench/run).
"""
import argparse
import datetime
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


ONE_SOURCES = [
    # (attribution, weight): who a report cites
    ("the health ministry", 30), ("police", 15), ("a local official", 10),
    ("the independent monitoring group", 10), (None, 35),
]


def one_event_toll(ev, src, day, what="dead"):
    """The figure src gives for ev's toll (what: dead or hurt) on day
    (0-based), or None when src gives none yet."""
    final = ev[what]
    t = int(round(final * (1 - 0.85 * 2.718281828 ** (-day / 4.0))))
    if day >= ev["revised_on"]:
        t = int(round(t * 0.92))
    if src == "police":
        return one_event_toll(ev, "the health ministry", max(0, day - 1), what)
    if src == "a local official":
        return t + max(3, t // 8)
    if src == "the independent monitoring group":
        return None if day < 3 else t * 2 + 17
    return t


def one_event_article(rng, ev, day):
    city, kind, month = ev["city"], ev["kind"], ev["month"]
    noun, short, other = KINDS[kind]
    who = rng.choices([s for s, _ in ONE_SOURCES], [w for _, w in ONE_SOURCES])[0]
    toll = one_event_toll(ev, who or "the health ministry", day)
    if toll is None:
        who, toll = "the health ministry", one_event_toll(ev, "the health ministry", day)
    hurt = one_event_toll(ev, who or "the health ministry", day, "hurt")
    # unattributed copy words the figures its own way; a source's own are exact
    if who is None:
        dead_s, hurt_s = figure(rng, toll), figure(rng, hurt)
    else:
        dead_s, hurt_s = "{:,}".format(toll), "{:,}".format(hurt)
    paras = []
    lead = "%s - The %s in %s on %s %d has killed %s people and injured %s others" % (
        city.upper(), noun, city, month, ev["day"], dead_s, hurt_s)
    paras.append(lead + (", %s said." % who if who else "."))
    paras.append(filler(rng, city, month, ev["year"]))
    if who == "the health ministry" and day == ev["revised_on"]:
        paras.append("The ministry revised the toll down to %s from %s after duplicate records "
                     "were found." % ("{:,}".format(toll), "{:,}".format(one_event_toll(ev, who, day - 1))))
    if rng.random() < 0.4:
        paras.append("According to %s, %s were still missing after %s." % (
            rng.choice(AUTHORITIES), rng.choice(["dozens", "several", "at least %d" % (5 + day)]), short))
    paras.append(filler(rng, city, month, ev["year"]))
    title = "%s: %s toll %s" % (city, noun, rng.choice(["rises", "climbs", "stands", "revised"]))
    return title, "\n\n".join(paras) + "\n"


def generate_one_event(mb, docs, seed, fmt, out, n_events):
    """The one-event shape: docs reports (or mb MB) of n_events events."""
    rng = random.Random(seed)
    events = []
    for i in range(n_events):
        events.append({
            "city": CITIES[(seed + 7 * i) % len(CITIES)], "kind": sorted(KINDS)[i % len(KINDS)],
            "month": MONTHS[(seed + i) % 12], "day": 1 + (seed + 3 * i) % 20,
            "year": 2019 + i % 6, "dead": rng.randint(150, 2000), "hurt": rng.randint(300, 4000),
            "revised_on": rng.randint(8, 14),
        })
    target = int(mb * 1e6) if mb else None
    written = n = 0
    if fmt == "files":
        os.makedirs(out, exist_ok=True)
        fp = None
    else:
        fp = open(out, "w", encoding="utf-8") if out != "-" else sys.stdout
    while (target is None or written < target) and (docs is None or n < docs):
        ev = events[n % n_events] if n_events > 1 else events[0]
        day = min(29, int(rng.expovariate(1 / 5.0)))
        outlet = rng.choice(OUTLETS)
        title, text = one_event_article(rng, ev, day)
        copies = 1 if rng.random() < 0.85 else rng.randint(2, 4)  # syndicated wire copies
        date = (datetime.date(ev["year"], MONTHS.index(ev["month"]) + 1, ev["day"])
                + datetime.timedelta(days=day)).isoformat()
        for c in range(copies):
            src = outlet if c == 0 else rng.choice(OUTLETS)
            written += write_doc(fp, fmt, out, n, src, date, title, text)
            n += 1
            if (target is not None and written >= target) or (docs is not None and n >= docs):
                break
    if fp and fp is not sys.stdout:
        fp.close()
    return n, written


def write_doc(fp, fmt, out, n, src, date, title, text):
    """Write one article; returns the bytes written."""
    if fmt == "files":
        data = "date %s %s\n%s" % (date, title, text)
        with open(os.path.join(out, "a%07d.txt" % n), "w", encoding="utf-8") as f:
            f.write(data)
        return len(data.encode())
    rec = {"id": "a%07d" % n, "source": src, "published": date, "title": title, "text": text}
    line = json.dumps(rec, ensure_ascii=False) + "\n"
    fp.write(line)
    return len(line.encode())


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
            written += write_doc(fp, fmt, out, n, src, date, title, text)
            n += 1
            if written >= target:
                break
    if fp and fp is not sys.stdout:
        fp.close()
    return n, written


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=None, help="approximate size in MB (default 10)")
    ap.add_argument("--shape", choices=["news", "one-event"], default="news")
    ap.add_argument("--docs", type=int, default=None, help="one-event: stop after this many reports")
    ap.add_argument("--events", type=int, default=1, help="one-event: how many events (default 1)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=["jsonl", "files"], default="jsonl")
    ap.add_argument("-o", "--output", required=True, help="file (jsonl, - for stdout) or directory (files)")
    a = ap.parse_args()
    if a.shape == "one-event":
        if a.events < 1:
            ap.error("--events wants at least 1")
        mb = a.mb if a.mb is not None or a.docs is not None else 10
        n, written = generate_one_event(mb, a.docs, a.seed, a.format, a.output, a.events)
    else:
        if a.docs is not None:
            ap.error("--docs is for --shape one-event")
        n, written = generate(a.mb if a.mb is not None else 10, a.seed, a.format, a.output)
    print("%d articles, %.1f MB" % (n, written / 1e6), file=sys.stderr)


if __name__ == "__main__":
    main()
