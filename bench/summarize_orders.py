"""Reads the outputs of bench/orders.sh and prints the Markdown summary (medians of rounds)."""
import glob, json, re, statistics, sys

import wrkstats

out, count, rounds, duration, connections, cores, load = sys.argv[1:8]

def wrk(label):
    return wrkstats.runs(f"{out}/wrk-orders-{label}-*.txt")


med = wrkstats.med

populate = json.load(open(f"{out}/orders-populate.json"))
wall = open(f"{out}/orders-populate-wall.txt").read().strip()
print(f"### Orders at {int(count):,} rows (SQLite journal) — {cores} cores, load average before the queries {load}\n")
print(f"Populate: **{populate['seconds']:.1f} s** for {populate['count']:,} orders "
      f"({populate['ordersPerSecond']:,.0f} orders/s; {wall} s wall time for the request).\n")
print(f"Queries: {rounds} rounds of {duration} s, wrk -t2 -c{connections}, random ids and pages, medians of rounds:\n")
print("| query | requests/s | p50 ms | p99 ms | p99 per round | errors (all runs) |")
print("|---|---:|---:|---:|---|---:|")
for name, label in (("GET /api/orders/{id}", "byid"), ("GET /api/orders/pages/{n}?size=100", "page"),
                    ("GET /api/orders?after={id}&limit=100", "after")):
    runs = wrk(label)
    print(f"| `{name}` | {med(runs,0):,.0f} | {med(runs,1):.2f} | {med(runs,2):.2f} | "
          f"{', '.join(f'{r[2]:.2f}' for r in runs)} | {sum(r[3] for r in runs)} |")
print("\nQuery plans at this size (EXPLAIN QUERY PLAN):\n")
print("```")
print(open(f"{out}/orders-plans.txt").read().rstrip())
print("```")
