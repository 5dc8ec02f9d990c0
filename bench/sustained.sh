#!/usr/bin/env bash
# Sustained intake: wrk sends punches without a pause for N seconds (an 08:00 rush that lasts), and every interval
# the script reads the punches committed so far (/metrics) and the journal's files on disk: the rate must hold and
# the WAL must stay bounded while the load lasts.
# Usage: bench/sustained.sh [seconds] [interval-seconds]   Writes bench/out/sustained.md; prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-60}"
interval="${2:-10}"
port=5182
out=bench/out
mkdir -p "$out"
source bench/gateway.sh
install_missing wrk
dotnet build src/Sluice -c Release -v quiet -nologo >/dev/null
source bench/auth.sh
start_gateway "$port" "$out/server-sustained.log"
bench/register.sh "http://127.0.0.1:$port" 5000 >/dev/null

committed() {
  curl -sf -H "Authorization: Bearer $SLUICE_TOKEN" "http://127.0.0.1:$port/metrics" \
    | awk '/^sluice_journal_committed(_total)?[ {]/ {sum += $NF} END {printf "%d", sum}'
}
size_mb() { [ -f "$1" ] && awk -v b="$(stat -c %s "$1")" 'BEGIN {printf "%.0f", b / 1048576}' || echo 0; }

wrk -t2 -c200 -d"${duration}s" -s bench/punch.lua "http://127.0.0.1:$port/api/punches" > "$out/wrk-sustained.txt" &
load=$!
{
  echo "| from s | to s | punches/s | WAL MB | database MB |"
  echo "|---:|---:|---:|---:|---:|"
  before=$(committed)
  for ((t = interval; t <= duration; t += interval)); do
    sleep "$interval"
    now=$(committed)
    echo "| $((t - interval)) | $t | $(( (now - before) / interval )) | $(size_mb "$data/sluice.db-wal") | $(size_mb "$data/sluice.db") |"
    before=$now
  done
} | tee "$out/sustained.md"
wait $load
grep -E "Requests/sec|Non-2xx|Socket errors" "$out/wrk-sustained.txt" | tee -a "$out/sustained.md"
