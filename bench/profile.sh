#!/usr/bin/env bash
# Where a request's cost goes, per endpoint, in figures that hold up on a busy machine: server CPU time per request
# (/proc), bytes allocated per request (dotnet-counters), bytes written per request (/proc/<pid>/io: the WAL), and a
# perf profile of the punch path by library and by symbol. Endpoints: the no-store baseline (/_bench/noop: token,
# binding, validation), a store-first route (raw body), POST /api/punches. Run before changing the write path and after.
# Usage: bench/profile.sh [seconds]   Writes bench/out/profile/ (profile.md, perf.data); prints profile.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
out=bench/out/profile
mkdir -p "$out"
port=5183

source bench/gateway.sh
install_missing wrk
command -v perf >/dev/null || install_missing linux-perf
dotnet tool list -g | grep -q dotnet-counters || dotnet tool install -g dotnet-counters >/dev/null
counters="$HOME/.dotnet/tools/dotnet-counters"
dotnet build bench/Sluice.Bench -c Release -v quiet -nologo >/dev/null
source bench/auth.sh
# Jitted code named in perf's map, and mapped once so perf can read it.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
gateway=bench start_gateway "$port" "$out/server.log" \
  --Facade:Routes:0:Method=POST --Facade:Routes:0:Path=/bench/raw --Facade:Routes:0:Destinations:0=legacy
bench/register.sh "http://127.0.0.1:$port" 5000 >/dev/null
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14+$15}' "/proc/$server/stat"; }
written() { awk '/^wchar/{print $2}' "/proc/$server/io"; }

{
  echo "| endpoint | req/s | server CPU µs/req | KB allocated/req | KB written/req |"
  echo "|---|---:|---:|---:|---:|"
} > "$out/profile.md"
for path in /_bench/noop /bench/raw /api/punches; do
  # Warm-up: tiered compilation of the path settles in 10-15 s under this load.
  wrk -t2 -c64 -d15s -s bench/punch.lua "http://127.0.0.1:$port$path" >/dev/null
  t0=$(cpu_ticks); w0=$(written)
  wrk -t2 -c64 -d"${seconds}s" -s bench/punch.lua "http://127.0.0.1:$port$path" > "$out/wrk.txt" &
  load=$!
  "$counters" collect -p "$server" --counters System.Runtime --format csv -o "$out/counters.csv" \
    --duration "00:00:00:$(printf '%02d' $((seconds - 2)))" >/dev/null 2>&1
  if [ "$path" = /api/punches ]; then perf record -F 499 -g -p "$server" -o "$out/perf.data" -- sleep 1 >/dev/null 2>&1; fi
  wait $load
  t1=$(cpu_ticks); w1=$(written)
  python3 - "$path" "$out/wrk.txt" "$out/counters.csv" "$t0" "$t1" "$hz" "$w0" "$w1" "$seconds" >> "$out/profile.md" <<'PY'
import re, sys
path, wrk, counters, t0, t1, hz, w0, w1, seconds = sys.argv[1:]
text = open(wrk).read()
total = int(re.search(r"(\d+) requests in", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
ok = total - (int(bad.group(1)) if bad else 0)
rates = [float(l.rsplit(",", 1)[1]) for l in open(counters) if "total_allocated" in l]
per_second = ok / float(seconds)
alloc = (sum(rates) / len(rates)) / per_second / 1024 if rates and per_second else float("nan")
cpu = (int(t1) - int(t0)) / int(hz) * 1e6 / max(ok, 1)
print(f"| `{path}` | {per_second:,.0f} | {cpu:.0f} | {alloc:.1f} | {(int(w1) - int(w0)) / max(ok, 1) / 1024:.1f} |")
PY
done

set +o pipefail # head ends perf report's output early
{
  echo
  echo "Punch path, perf (1 s at 499 Hz, whole process): by library"
  echo '```'
  perf report -i "$out/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep '%' | head -8
  echo '```'
  echo "Top symbols"
  echo '```'
  perf report -i "$out/perf.data" --no-children --sort symbol --stdio -g none 2>/dev/null | grep '%' | head -20 | cut -c1-150
  echo '```'
} >> "$out/profile.md"
cat "$out/profile.md"
