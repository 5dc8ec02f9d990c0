"""Reads the outputs of bench/peers.sh and writes the Markdown summary (medians of rounds, each round, the
durability check, the ratios) to OUT/peers.md and into RESULTS between the peers markers (RESULTS=none: not).
Usage: summarize_peers.py OUT RESULTS < settings (key=value lines). Exits 1 when a system stored fewer rows
than it answered 2xx in some round."""
import re, statistics, sys

import wrkstats

BEGIN = "<!-- peers.sh: begin (bench/peers.sh replaces everything up to the end marker) -->"
END = "<!-- peers.sh: end -->"

out, results = sys.argv[1], sys.argv[2]
settings = dict(line.rstrip("\n").split("=", 1) for line in sys.stdin if "=" in line)
pg = f"PostgreSQL {settings['pg_version']} ({settings['pg_settings']}); the client does not change synchronous_commit"

# name: (label, what it stores, durable before the 2xx)
SYSTEMS = {
    "empty": ("empty ASP.NET minimal endpoint (bench/peers/Empty)", "nothing", "nothing stored: the ceiling"),
    "baseline": ("SQLite group-commit endpoint (bench/peers/SqliteBaseline)", "raw body: message + delivery rows",
                 "SQLite WAL, synchronous=FULL; one writer, 202 after the batch's commit"),
    "wolverine": ("Wolverine 6.64.2 + WolverineFx.Postgresql, durable local queue (PublishAsync)", "raw body: inbox envelope",
                  f"inbox row committed before PublishAsync returns; {pg}"),
    "hangfire": ("Hangfire 1.8.25 + Hangfire.PostgreSql 1.21.1 (BackgroundJob.Enqueue, no server in the app)",
                 "raw body: job, state, queue rows", f"job committed before Enqueue returns; {pg}"),
    "sluice-route": ("Sluice, store-first route (Facade:Routes), SQLite", "raw body",
                     "SQLite WAL, synchronous=FULL on the intake writer; group commit"),
    "sluice-punches": ("Sluice `POST /api/punches`, SQLite (JWT, employee, NSR, hash, ledger)", "punch",
                       "SQLite WAL, synchronous=FULL on the intake writer; group commit"),
    "sluice-pg-punches": ("Sluice `POST /api/punches`, PostgreSQL journal", "punch",
                          f"intake connections set synchronous_commit=on; {pg}"),
}
RATIOS = [  # numerator, denominator, issue 20's bar (or None: for reading only)
    ("sluice-route", "wolverine", 1.5), ("sluice-punches", "wolverine", 1.0), ("sluice-pg-punches", "wolverine", 1.0),
    ("sluice-route", "empty", 0.6), ("baseline", "empty", None), ("baseline", "wolverine", None),
    ("hangfire", "wolverine", None),
]


def answered_2xx(path):
    """Responses wrk counted minus the non-2xx/3xx ones (none of these systems answers 3xx)."""
    text = open(path).read()
    total = int(re.search(r"(\d+) requests in", text).group(1))
    non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", text)) else 0
    return total - non2xx


runs = {}  # name -> [(round, rps, p50, p99, errors, accepted, stored or None)]
for line in open(f"{out}/stored.tsv"):
    name, rnd, before, after = line.split()
    rps, p50, p99, errors = wrkstats.read(f"{out}/wrk-{name}-{rnd}.txt")
    accepted = answered_2xx(f"{out}/wrk-{name}-{rnd}-warmup.txt") + answered_2xx(f"{out}/wrk-{name}-{rnd}.txt")
    stored = None if before == "-" else int(after) - int(before)
    runs.setdefault(name, []).append((int(rnd), rps, p50, p99, errors, accepted, stored))

medians = {name: statistics.median(r[1] for r in rows) for name, rows in runs.items()}
failed = []
lines = [
    f"## Peers: durable intake side by side — `bench/peers.sh` ({settings['date']})",
    "",
    f"{settings['rounds']} rounds; in each, every system in turn, started on fresh storage (a new SQLite file, a new "
    f"database on one throwaway PostgreSQL), warmed up {settings['warmup']} s, then measured {settings['measure']} s with "
    f"`wrk -t{settings['threads']} -c{settings['connections']}` sending bench/punch.lua's JSON body. {settings['cores']} cores "
    f"shared by wrk, the system and PostgreSQL; the run took {settings['minutes']} min. Only 2xx answers count; after each "
    "run the rows stored must be at least the 2xx answered (warm-up and measured).",
    "",
    "| system | stores | durable before the 2xx | req/s (median) | each round | p99 ms (median) | non-2xx + socket errors | stored ≥ 2xx |",
    "|---|---|---|---:|---|---:|---:|---|",
]
for name, rows in runs.items():
    label, stores, durable = SYSTEMS[name]
    each = ", ".join(f"{r[1]:,.0f}" for r in sorted(rows))
    errors = sum(r[4] for r in rows)
    if rows[0][6] is None:
        check = "—"
    else:
        short = [r for r in rows if r[6] < r[5]]
        failed += [f"{name} round {r[0]}: {r[6]:,} stored < {r[5]:,} answered 2xx" for r in short]
        check = ("✓ " if not short else "✗ ") + f"{sum(r[6] for r in rows):,} ≥ {sum(r[5] for r in rows):,}"
    p99 = statistics.median(r[3] for r in rows)
    lines.append(f"| {label} | {stores} | {durable} | {medians[name]:,.0f} | {each} | {p99:.2f} | {errors} | {check} |")

lines += [
    "",
    "- Each system processes what it stored as it would in service, or not at all: Sluice delivers to its in-process "
    "simulator (200 ms a request, 50 at a time) meanwhile; Wolverine runs its local queue's handler, which does "
    "nothing (handled envelopes stay in the inbox as Handled, so they are counted); the Hangfire app runs no Hangfire "
    "server, so its jobs only wait in the queue.",
    "- Hangfire's `Enqueue` is synchronous: its app raises the thread pool's minimum to 256 threads, without which "
    "64 connections starve the pool (no answer at all in the first seconds).",
    "- Stored may exceed the 2xx count by up to one request per connection per wrk run: requests in flight when wrk "
    "stops are stored but not counted.",
]
lines += ["", "| ratio of medians | value | issue 20's bar |", "|---|---:|---:|"]
for top, bottom, bar in RATIOS:
    if top in medians and bottom in medians and medians[bottom] > 0:
        lines.append(f"| {top} / {bottom} | {medians[top] / medians[bottom]:.2f} | {'≥ ' + str(bar) if bar else '—'} |")
if failed:
    lines += ["", "**Durability check failed:** " + "; ".join(failed) + "."]
section = "\n".join(lines) + "\n"

open(f"{out}/peers.md", "w").write(section)
print(section)
if results != "none":
    text = open(results).read()
    block = f"{BEGIN}\n{section}{END}"
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    open(results, "w").write(text)
sys.exit(1 if failed else 0)
