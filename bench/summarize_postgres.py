"""Reads the wrk outputs of bench/postgres.sh (three nodes per round) and prints the Markdown summary (medians)."""
import glob, re, statistics, sys

import wrkstats

out, rounds, duration, stored = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def rounds_of(label):
  rows = []
  for r in range(1, rounds + 1):
    rps, p50, p99, errors = 0.0, [], [], 0
    for node_rps, node_p50, node_p99, node_errors in wrkstats.runs(f"{out}/wrk-pg-{label}{r}-node*.txt"):
        rps += node_rps
        p50.append(node_p50)
        p99.append(node_p99)
        errors += node_errors
    rows.append((rps, statistics.median(p50), max(p99), errors))
  return rows

print(f"### PostgreSQL journal, 3 nodes + 1 PostgreSQL on the 2-core VM — {rounds} rounds of {duration} s, medians\n")
print("| delivery | round | punches/s (3 nodes) | p50 ms (median of nodes) | p99 ms (worst node) | errors |")
print("|---|---|---:|---:|---:|---:|")
medians = {}
for label, name in (("draining", "draining to the simulator"), ("paused", "paused (intake alone)")):
    rows = rounds_of(label)
    for i, (rps, p50, p99, errors) in enumerate(rows, 1):
        print(f"| {name} | {i} | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {errors} |")
    medians[label] = (statistics.median(r[0] for r in rows), statistics.median(r[2] for r in rows))
print(f"\nMedians: **{medians['draining'][0]:,.0f} durable punches/s** while delivery drains (p99 {medians['draining'][1]:.2f} ms); "
      f"**{medians['paused'][0]:,.0f}/s** with delivery paused (p99 {medians['paused'][1]:.2f} ms). Messages in the journal after the run: {stored}.")
