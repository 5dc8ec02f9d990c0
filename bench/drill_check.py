"""Checks one drill of bench/drills.sh once the journal has drained, prints its row of the results table, and
exits 1 when the drill failed.

Usage: drill_check.py KIND LOAD_JSON BEFORE_KEYS_JSON NGINX_URL LEGACY_URL [OUTAGE_END_EPOCH]   (needs $SLUICE_TOKEN)
KIND is rolling, kill or postgres. BEFORE_KEYS_JSON: the legacy system's applied keys before the drill began.
"""
import json, os, sys, time, urllib.request

kind, load_file, before_file, nginx, legacy = sys.argv[1:6]
outage_end = float(sys.argv[6]) if len(sys.argv) > 6 else None
auth = {"Authorization": "Bearer " + os.environ["SLUICE_TOKEN"]}


def get(url, headers=None):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as response:
        return json.loads(response.read())


load = json.load(open(load_file))
before = set(json.load(open(before_file)))

# Every acknowledged punch must reach the legacy system: wait until nothing is left to send (leases of a killed
# node expire first), bounded.
deadline = time.monotonic() + 90
while True:
    try:
        legacy_destination = next(d for d in get(nginx + "/api/destinations", auth) if d["name"] == "legacy")
        if legacy_destination["backlog"] == 0:
            break
    except (OSError, ValueError):
        pass  # a node may still be starting; nginx moves on
    if time.monotonic() > deadline:
        break
    time.sleep(0.5)

applied = set(get(legacy + "/_sim/keys")) - before
acknowledged = set(load["ids"])
lost = len(acknowledged - applied)
unacknowledged_stored = len(applied - acknowledged)
resumed = None
if outage_end is not None:
    after = [t for t in load["ack_times"] if t >= outage_end]
    resumed = round(after[0] - outage_end, 2) if after else None

problems = []
if lost:
    problems.append(f"{lost} acknowledged punches never delivered")
if unacknowledged_stored:
    problems.append(f"{unacknowledged_stored} punches delivered that no client holds a receipt for (doubled or abandoned)")
if load["doubled"]:
    problems.append(f"{load['doubled']} keys acknowledged with two different ids")
if load["abandoned"]:
    problems.append(f"{load['abandoned']} punches never acknowledged")
if kind in ("rolling", "postgres") and load["failed"]:
    problems.append(f"{load['failed']} failed requests: {load['failures']}")
if kind == "postgres":
    if not load["refused_503_retry_after"]:
        problems.append("no 503 with Retry-After while PostgreSQL was down")
    if resumed is None or resumed > 10:
        problems.append(f"intake resumed {resumed} s after PostgreSQL was back (limit 10 s)")
if load["acknowledged"] == 0:
    problems.append("nothing acknowledged")

print(f"| {kind} | {load['seconds']} | {load['attempts']:,} | {load['acknowledged']:,} | {load['failed']} | "
      f"{load['refused_503_retry_after']} | {len(acknowledged & applied):,} | {lost} | {unacknowledged_stored} | "
      f"{load['p50_ms']} | {load['p99_ms']} | {load['longest_pause_s']} | {'' if resumed is None else resumed} | {'pass' if not problems else 'FAIL: ' + '; '.join(problems)} |")
sys.exit(1 if problems else 0)
