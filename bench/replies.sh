#!/usr/bin/env bash
# Replies benchmark: what keeping the legacy system's answers and RFC 7240 "Prefer: wait" cost intake, against
# intake without them, in the same run and alternating round by round (so a machine that drifts shifts all alike):
#   bodies off   POST /api/punches on a gateway that keeps only each answer's status (Reply:MaxBodyBytes=0)
#   bodies kept  POST /api/punches on a gateway that keeps the answers' bodies (the default, up to 64 KiB)
#   Prefer wait  POST /api/punches with "Prefer: wait=5" on the bodies-kept gateway: each request waits for its answer
# Both gateways deliver to their in-process legacy simulator (200 ms a request, capacity 50), as in a demo.
# Usage: bench/replies.sh [seconds-per-run] [rounds]   Writes bench/out/replies.md; prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"
rounds="${2:-3}"
out=bench/out
mkdir -p "$out"
rm -f "$out"/wrk-replies-*.txt

source bench/gateway.sh
install_missing wrk
dotnet build src/Sluice -c Release -v quiet -nologo >/dev/null
source bench/auth.sh
start_gateway 5191 "$out/replies-off.log" --Delivery:Destinations:legacy:Reply:MaxBodyBytes=0
off_server=$server off_data=$data
start_gateway 5192 "$out/replies-kept.log"
trap 'kill $off_server $server 2>/dev/null; wait $off_server $server 2>/dev/null; rm -rf "$off_data" "$data"' EXIT
bench/register.sh http://127.0.0.1:5191 5000 >/dev/null
bench/register.sh http://127.0.0.1:5192 5000 >/dev/null

# --timeout: wrk gives up after 2 s by default, before a 5 s wait could end.
run_wrk() { # port label round [prefer]
  SLUICE_PREFER="${4:-}" wrk -t2 -c200 -d"${duration}s" --timeout 10s --latency -s bench/punch.lua "http://127.0.0.1:$1/api/punches" \
    > "$out/wrk-replies-$2-$3.txt"
}

# Warm up the JIT on both gateways (see bench/intake.sh: the punch path settles after 10-15 s under load).
warmup=$(( duration < 15 ? duration : 15 ))
wrk -t2 -c200 -d"${warmup}s" -s bench/punch.lua http://127.0.0.1:5191/api/punches >/dev/null
wrk -t2 -c200 -d"${warmup}s" -s bench/punch.lua http://127.0.0.1:5192/api/punches >/dev/null
for round in $(seq 1 "$rounds"); do
  run_wrk 5191 off "$round"
  run_wrk 5192 kept "$round"
  run_wrk 5192 wait "$round" "wait=5"
done

python3 - "$out" "$rounds" "$duration" <<'PY' | tee "$out/replies.md"
import sys
sys.path.insert(0, "bench")
import wrkstats
out, rounds, duration = sys.argv[1], sys.argv[2], sys.argv[3]
med = wrkstats.med
rows = [("bodies off (Reply:MaxBodyBytes=0)", "off"), ("bodies kept (default)", "kept"), ("bodies kept + Prefer: wait=5", "wait")]
runs = {label: wrkstats.runs(f"{out}/wrk-replies-{label}-*.txt") for _, label in rows}
print(f"### Replies on intake (SQLite) — {rounds} rounds of {duration} s, wrk -t2 -c200, alternating, medians\n")
print("| POST /api/punches | requests/s | p50 ms | p99 ms | errors (all runs) | vs bodies off |")
print("|---|---:|---:|---:|---:|---:|")
base = med(runs["off"], 0)
for name, label in rows:
    r = runs[label]
    print(f"| {name} | {med(r,0):,.0f} | {med(r,1):.2f} | {med(r,2):.2f} | {sum(x[3] for x in r)} | {med(r,0) / base:.2f} |")
PY
