"""Reads the wrk and hey outputs of bench/intake.sh and prints the Markdown summary (medians)."""
import glob, re, statistics, sys

import wrkstats

out, rounds, duration, stored = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def wrk(label):
    return wrkstats.runs(f"{out}/wrk-{label}-*.txt")


med = wrkstats.med

noop, punches = wrk("noop"), wrk("punches")
ratio = med(punches, 0) / med(noop, 0)
print(f"### Intake (SQLite, synchronous=FULL, group commit) — {rounds} rounds of {duration} s, wrk -t2 -c200, medians\n")
print("| endpoint | requests/s | p50 ms | p99 ms | errors (all runs) |")
print("|---|---:|---:|---:|---:|")
for name, runs in (("POST /_bench/noop (parse, no store)", noop), ("POST /api/punches (durable)", punches)):
    print(f"| {name} | {med(runs,0):,.0f} | {med(runs,1):.2f} | {med(runs,2):.2f} | {sum(r[3] for r in runs)} |")
print(f"\nDurable/baseline ratio: **{ratio:.2f}**. Each run: " + ", ".join(f"{r[0]:,.0f}" for r in punches) + " punches/s.\n")

bursts = []
for path in sorted(glob.glob(f"{out}/hey-burst-*.txt")):
    text = open(path).read()
    total = float(re.search(r"Total:\s+([\d.]+) secs", text).group(1))
    codes = dict((int(c), int(n)) for c, n in re.findall(r"\[(\d{3})\]\s+(\d+) responses", text))
    bursts.append((total, codes.get(202, 0), sum(n for c, n in codes.items() if c != 202)))
print("### Burst: 20,000 punches from 200 connections (hey -n 20000 -c 200)\n")
print("| run | all answered in s | 202 | other |")
print("|---|---:|---:|---:|")
for i, (total, ok, other) in enumerate(bursts, 1):
    print(f"| {i} | {total:.2f} | {ok:,} | {other} |")
print(f"\nMedian burst time: **{statistics.median(b[0] for b in bursts):.2f} s**. Rows in the journal after the run: {stored}.")
