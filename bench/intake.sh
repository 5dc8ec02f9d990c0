#!/usr/bin/env bash
# Intake benchmark: durable punches/s against a baseline endpoint that parses the same request but stores
# nothing, in the same run, on the same server. Then bursts of 20,000 punches from 200 connections, sent by h2load
# (C) and by hey (Go) in turn: the load tool shares the server's two cores, and hey spends three times h2load's CPU
# per request, so the burst's time says as much about the tool as about Sluice. Each tool's CPU is recorded.
# Usage: bench/intake.sh [seconds-per-run] [rounds]   Writes bench/out/intake.md; prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"
rounds="${2:-3}"
port=5181
out=bench/out
mkdir -p "$out"
# The summary reads every round's file it finds: a shorter run must not pick up an earlier run's rounds.
rm -f "$out"/wrk-noop-*.txt "$out"/wrk-punches-*.txt "$out"/hey-burst-*.txt "$out"/h2load-burst-*.txt "$out"/*-burst-*.cpu

source bench/gateway.sh
install_missing wrk hey
command -v h2load >/dev/null || install_missing nghttp2-client
dotnet build bench/Sluice.Bench -c Release -v quiet -nologo >/dev/null
source bench/auth.sh
gateway=bench start_gateway "$port" "$out/server.log"
bench/register.sh "http://127.0.0.1:$port" 5000 >/dev/null

run_wrk() { # path label round
  wrk -t2 -c200 -d"${duration}s" --latency -s bench/punch.lua "http://127.0.0.1:$port$1" > "$out/wrk-$2-$3.txt"
}

# Warm up the JIT and the connection pools on both endpoints. Tiered compilation of the punch path (journal, ledger,
# SQLite) takes 10-15 s under this load before the rate settles (9,000 punches/s in the first 5 s, 20,000 after 15 s).
wrk -t2 -c200 -d5s -s bench/punch.lua "http://127.0.0.1:$port/_bench/noop" >/dev/null
wrk -t2 -c200 -d15s -s bench/punch.lua "http://127.0.0.1:$port/api/punches" >/dev/null
for round in $(seq 1 "$rounds"); do
  run_wrk /_bench/noop noop "$round"
  run_wrk /api/punches punches "$round"
done

body="$out/burst-body.json"
printf '{"employeeId":"1001","punchedAt":"%s","deviceId":"BURST"}' "$(date -u +%Y-%m-%dT%H:%M:%S+00:00)" > "$body"
TIMEFORMAT='%U %S' # the load tool's own CPU seconds (user, system), from bash's time
for round in $(seq 1 "$rounds"); do
  { time h2load --h1 -n 20000 -c 200 -t 2 -d "$body" -H 'content-type: application/json' -H "authorization: Bearer $SLUICE_TOKEN" \
      "http://127.0.0.1:$port/api/punches" > "$out/h2load-burst-$round.txt"; } 2> "$out/h2load-burst-$round.cpu"
  { time hey -n 20000 -c 200 -m POST -T application/json -H "Authorization: Bearer $SLUICE_TOKEN" -D "$body" \
      "http://127.0.0.1:$port/api/punches" > "$out/hey-burst-$round.txt"; } 2> "$out/hey-burst-$round.cpu"
done

stored=$(sqlite3 "$data/sluice.db" "SELECT COUNT(*) FROM messages" 2>/dev/null || echo "?")
# Issue 20's bar: the resident set after the bursts stays under 300 MB.
rss_mb=$(awk '/^VmRSS/{printf "%.0f", $2 / 1024}' "/proc/$server/status")
{ python3 bench/summarize_intake.py "$out" "$rounds" "$duration" "$stored"; echo; echo "Resident set after the bursts: $rss_mb MB"; } | tee "$out/intake.md"
