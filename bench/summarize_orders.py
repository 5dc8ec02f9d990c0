"""Reads the outputs of bench/orders.sh and prints the Markdown summary (medians of rounds)."""
import glob, json, re, statistics, sys

out, count, rounds, duration, connections, cores, load = sys.argv[1:8]

def to_ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

def wrk(label):
    runs = []
    for path in sorted(glob.glob(f"{out}/wrk-orders-{label}-*.txt")):
        text = open(path).read()
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
        p50 = to_ms(re.search(r"\s50%\s+(\S+)", text).group(1))
        p99 = to_ms(re.search(r"\s99%\s+(\S+)", text).group(1))
        non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", text)) else 0
        sock = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
        runs.append((rps, p50, p99, non2xx + sock))
    return runs

def med(runs, i):
    return statistics.median(r[i] for r in runs)

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
