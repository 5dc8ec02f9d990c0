#!/usr/bin/env bash
# Multi-node benchmark: three Sluice nodes on one PostgreSQL journal, all on this machine, with a shared
# legacy simulator draining the journal meanwhile (then again with delivery paused). wrk loads the three nodes at once (as a load balancer
# would spread clients); the figures are the sum of the three.
# Usage: bench/postgres.sh [seconds-per-run] [rounds]   Writes bench/out/postgres.md; prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"
rounds="${2:-3}"
out=bench/out
mkdir -p "$out"

need=()
command -v wrk >/dev/null || need+=(wrk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

dotnet build src/Sluice -c Release -v quiet -nologo >/dev/null
source bench/auth.sh
sluice=src/Sluice/bin/Release/net10.0/Sluice.dll
work="$(mktemp -d)"
pids=()
as_pg() { if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$work"; runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_pg "$bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL with its durability defaults (fsync on, synchronous_commit on); only memory and WAL size raised.
pg_port=5481
as_pg "$bin/initdb" -D "$work/pg" -U sluice --auth=trust -E UTF8 >/dev/null
as_pg "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_wal_size=4GB -c max_connections=200" start >/dev/null
journal="Host=127.0.0.1;Port=$pg_port;Username=sluice;Database=postgres"

dotnet "$sluice" legacy-sim --port 5490 --latency 5ms --capacity 2000 > "$out/legacy-sim.log" 2>&1 &
pids+=($!)
dotnet "$sluice" migrate --Journal:Engine=postgres --ConnectionStrings:Journal="$journal" >/dev/null
ports=(5281 5282 5283)
for i in 0 1 2; do
  dotnet "$sluice" --urls "http://127.0.0.1:${ports[$i]}" --Journal:Engine=postgres --ConnectionStrings:Journal="$journal" \
    --Legacy:BaseUrl=http://127.0.0.1:5490 --Delivery:NodeId="node-$i" --Logging:LogLevel:Default=Warning > "$out/node-$i.log" 2>&1 &
  pids+=($!)
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done
done
bench/register.sh "http://127.0.0.1:${ports[0]}" 5000 >/dev/null

run_all() { # seconds label
  local load=()
  for i in 0 1 2; do
    wrk -t1 -c66 -d"$1s" --latency -s bench/punch.lua "http://127.0.0.1:${ports[$i]}/api/punches" > "$out/wrk-pg-$2-node$i.txt" &
    load+=($!)
  done
  wait "${load[@]}"
}
run_all 3 warmup
for round in $(seq 1 "$rounds"); do
  run_all "$duration" "draining$round"
done
# The same with delivery paused on every node: intake alone, without the sends competing for the 2 cores.
for port in "${ports[@]}"; do curl -sf -X POST -H "Authorization: Bearer $SLUICE_TOKEN" "http://127.0.0.1:$port/api/destinations/legacy/pause" >/dev/null; done
for round in $(seq 1 "$rounds"); do
  run_all "$duration" "paused$round"
done

stored=$(psql -At -h 127.0.0.1 -p $pg_port -U sluice -d postgres -c "SELECT COUNT(*) FROM sluice.messages")
python3 bench/summarize_postgres.py "$out" "$rounds" "$duration" "$stored" | tee "$out/postgres.md"
