"""Reads the wrk, h2load and hey outputs of bench/intake.sh and prints the Markdown summary (medians)."""
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

def tool_cpu(path):
    """The load tool's CPU per request in µs, from the bash `time` line written beside its output."""
    user, system = open(path.rsplit(".", 1)[0] + ".cpu").read().split()[-2:]
    return (float(user) + float(system)) * 1e6 / 20000


def h2load(path):
    text = open(path).read()
    took = re.search(r"finished in ([\d.]+)(m?s)", text)
    seconds = float(took.group(1)) / (1000 if took.group(2) == "ms" else 1)
    ok, *others = map(int, re.search(r"status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx", text).groups())
    failed = int(re.search(r"(\d+) failed", text).group(1))
    return seconds, ok, sum(others) + failed, tool_cpu(path)


def hey(path):
    text = open(path).read()
    total = float(re.search(r"Total:\s+([\d.]+) secs", text).group(1))
    codes = dict((int(c), int(n)) for c, n in re.findall(r"\[(\d{3})\]\s+(\d+) responses", text))
    return total, codes.get(202, 0), sum(n for c, n in codes.items() if c != 202), tool_cpu(path)


bursts = {tool: [parse(p) for p in sorted(glob.glob(f"{out}/{tool}-burst-*.txt"))] for tool, parse in (("h2load", h2load), ("hey", hey))}
print("### Burst: 20,000 punches from 200 connections, h2load and hey in turn (h2load --h1 -n 20000 -c 200; hey -n 20000 -c 200)\n")
print("| run | tool | all answered in s | 2xx | other | tool's CPU per request |")
print("|---|---|---:|---:|---:|---:|")
for i in range(max(len(b) for b in bursts.values())):
    for tool, runs in bursts.items():
        if i < len(runs):
            total, ok, other, cpu = runs[i]
            print(f"| {i + 1} | {tool} | {total:.2f} | {ok:,} | {other} | {cpu:.0f} µs |")
print("\nMedian burst time: " + ", ".join(f"**{statistics.median(b[0] for b in runs):.2f} s** with {tool}" for tool, runs in bursts.items() if runs)
      + f". Rows in the journal after the run: {stored}.")
