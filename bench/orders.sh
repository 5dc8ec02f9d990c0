#!/usr/bin/env bash
# Orders at scale: populate N orders (default 10,000,000) into the SQLite journal's orders table, check every
# query's plan at that size, then measure GET /api/orders/{id} and 100-order pages under wrk (random ids and
# pages, so the cache does not hold one hot row), in rounds; reports medians.
# Usage: bench/orders.sh [orders] [seconds-per-run] [rounds] [connections]   Writes bench/out/orders.md; prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000000}"
duration="${2:-10}"
rounds="${3:-3}"
connections="${4:-8}"
out=bench/out
mkdir -p "$out"
rm -f "$out"/wrk-orders-*.txt

source bench/gateway.sh
install_missing wrk sqlite3
dotnet build src/Sluice -c Release -v quiet -nologo >/dev/null
source bench/auth.sh
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Progress of the populate goes to the server log (one line every 5 s).
start_gateway "$port" "$out/orders-server.log" --Logging:LogLevel:Sluice.Orders.Populate=Information

echo "Populating $count orders (progress: $out/orders-server.log)..."
start=$(date +%s.%N)
curl -sf -X POST -H "Authorization: Bearer $SLUICE_TOKEN" "http://127.0.0.1:$port/api/orders/populate?count=$count&seed=1" > "$out/orders-populate.json"
end=$(date +%s.%N)
python3 -c "print(f'{$end - $start:.1f}')" > "$out/orders-populate-wall.txt"
ls -l "$data" > "$out/orders-files.txt"

# The plans at full size, straight from the file (a reader beside the running server, as WAL allows).
{
  for q in "id = 5000000" "id > 5000000 ORDER BY id LIMIT 100" "id >= 5000001 AND id <= 5000100 ORDER BY id LIMIT 100" \
           "accepted_at >= 1700000000000 AND accepted_at < 1900000000000 AND (accepted_at > 1700000000000 OR id > 0) ORDER BY accepted_at, id LIMIT 100"; do
    echo "WHERE $q"
    sqlite3 "$data/sluice.db" "EXPLAIN QUERY PLAN SELECT * FROM orders WHERE $q" | sed 's/^/    /'
  done
} > "$out/orders-plans.txt"

pages=$((count / 100))
export ORDERS_MAX_ID="$count" ORDERS_PAGES="$pages"
run_wrk() { # script label round
  wrk -t2 -c"$connections" -d"${duration}s" --latency -s "bench/$1" "http://127.0.0.1:$port" > "$out/wrk-orders-$2-$3.txt"
}

# Warm up the JIT and the connections.
wrk -t2 -c"$connections" -d3s -s bench/orders-byid.lua "http://127.0.0.1:$port" >/dev/null
wrk -t2 -c"$connections" -d3s -s bench/orders-page.lua "http://127.0.0.1:$port" >/dev/null
for round in $(seq 1 "$rounds"); do
  run_wrk orders-byid.lua byid "$round"
  run_wrk orders-page.lua page "$round"
  run_wrk orders-after.lua after "$round"
done

python3 bench/summarize_orders.py "$out" "$count" "$rounds" "$duration" "$connections" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  | tee "$out/orders.md"
