#!/usr/bin/env bash
# Peers: durable intake side by side. In every round, one system after the other on the same machine, each restarted
# on fresh storage (a new SQLite file, a new database on one throwaway PostgreSQL): the empty ASP.NET endpoint (the
# ceiling), a minimal SQLite group-commit endpoint (the floor a durable design should reach), Wolverine with its
# PostgreSQL message store, Hangfire with Hangfire.PostgreSql, and Sluice three ways (a store-first route on SQLite,
# POST /api/punches on SQLite, POST /api/punches on the PostgreSQL journal). Each answers 2xx only once the request is
# stored durably; after each run the stored rows are counted and must be at least the 2xx answers (else the run is
# marked and the script exits 1). Medians of the rounds go into bench/RESULTS.md between the peers markers.
#
# Usage: bench/peers.sh   Settings from the environment: ROUNDS (3), WARMUP (15 s), SECONDS or MEASURE (10 s measured),
# THREADS (2) and CONNECTIONS (64) for wrk, SYSTEMS (all; space-separated names below), RESULTS (bench/RESULTS.md;
# RESULTS=none leaves it alone). Writes bench/out/peers/ (wrk outputs, logs, peers.md).
set -euo pipefail
# Read SECONDS first: bash counts it up from whatever the environment gave. printenv sees it only if it was given.
measure="$(printenv SECONDS || true)"
measure="${MEASURE:-${measure:-10}}"
rounds="${ROUNDS:-3}"
warmup="${WARMUP:-15}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-64}"
read -r -a systems <<< "${SYSTEMS:-empty baseline wolverine hangfire sluice-route sluice-punches sluice-pg-punches}"
cd "$(dirname "$0")/.."
results="${RESULTS:-bench/RESULTS.md}"
out=bench/out/peers
port=5592
pg_port=5591
# A server already there would answer for the system under test.
for taken in $port $pg_port; do
  if ss -ltn | awk '{print $4}' | grep -q ":$taken$"; then echo "peers.sh: port $taken is in use" >&2; exit 1; fi
done
rm -rf "$out"
mkdir -p "$out"
started=$(date +%s)

source bench/gateway.sh
install_missing wrk sqlite3
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || install_missing postgresql
command -v psql >/dev/null || install_missing postgresql-client
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

dotnet build src/Sluice -c Release -v quiet -nologo >/dev/null
dotnet build bench/peers/Peers.slnx -c Release -v quiet -nologo >/dev/null
source bench/auth.sh
sluice=src/Sluice/bin/Release/net10.0/Sluice.dll
peer() { echo "bench/peers/$1/bin/Release/net10.0/Peers.$1.dll"; }

work="$(mktemp -d)"
server=""
as_pg() {
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$work"; chown -R postgres:postgres "$work/pg"; runuser -u postgres -- "$@"; else "$@"; fi
}
stop_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi
}
cleanup() {
  stop_server
  as_pg "$bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  cp "$work/pg/postgres.log" "$out/" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# One throwaway PostgreSQL for the run with its durability defaults (fsync on, synchronous_commit on); only memory,
# WAL size and connections raised, as bench/postgres.sh does. Each system gets a new database each round.
mkdir -p "$work/pg"
as_pg "$bin/initdb" -D "$work/pg" -U sluice --auth=trust -E UTF8 >/dev/null
as_pg "$bin/pg_ctl" -D "$work/pg" -l "$work/pg/postgres.log" -w \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_wal_size=4GB -c max_connections=300" start >/dev/null
sql() { psql -qAt -h 127.0.0.1 -p "$pg_port" -U sluice -d "$1" -c "$2"; }
connection() { echo "Host=127.0.0.1;Port=$pg_port;Username=sluice;Database=$1"; }
pg_settings=$(sql postgres "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings
  WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes')")
pg_version=$(sql postgres "SHOW server_version" | cut -d' ' -f1)

# start_system NAME ROUND: starts it on fresh storage, waits until a request gets its 2xx, sets $url (what wrk loads)
# and $count (a command printing the rows stored so far).
start_system() {
  local name="$1" round="$2" db dir
  dir="$work/$name-$round"
  mkdir -p "$dir"
  db="peers_${name//-/_}_$round"
  local log="$out/$name-$round.log" ready="" sluice_args=(--Legacy:Simulator:Enabled=true --Logging:LogLevel:Default=Warning)
  url="http://127.0.0.1:$port/"
  case "$name" in
    empty)
      dotnet "$(peer Empty)" --urls "http://127.0.0.1:$port" > "$log" 2>&1 &
      count="echo -" ;;
    baseline)
      dotnet "$(peer SqliteBaseline)" --urls "http://127.0.0.1:$port" --Database="$dir/baseline.db" > "$log" 2>&1 &
      count="sqlite3 $dir/baseline.db 'SELECT COUNT(*) FROM messages'" ;;
    wolverine)
      sql postgres "CREATE DATABASE $db"
      dotnet "$(peer Wolverine)" --urls "http://127.0.0.1:$port" --Postgres="$(connection "$db")" > "$log" 2>&1 &
      count="sql $db 'SELECT COUNT(*) FROM wolverine.wolverine_incoming_envelopes'" ;;
    hangfire)
      sql postgres "CREATE DATABASE $db"
      dotnet "$(peer Hangfire)" --urls "http://127.0.0.1:$port" --Postgres="$(connection "$db")" > "$log" 2>&1 &
      count="sql $db 'SELECT COUNT(*) FROM hangfire.job'" ;;
    sluice-route)
      dotnet "$sluice" --urls "http://127.0.0.1:$port" --Journal:Path="$dir/sluice.db" "${sluice_args[@]}" \
        --Facade:Routes:0:Method=POST --Facade:Routes:0:Path=/legacy/punches --Facade:Routes:0:Destinations:0=legacy > "$log" 2>&1 &
      url="http://127.0.0.1:$port/legacy/punches"
      count="sqlite3 $dir/sluice.db 'SELECT COUNT(*) FROM messages'" ;;
    sluice-punches)
      dotnet "$sluice" --urls "http://127.0.0.1:$port" --Journal:Path="$dir/sluice.db" "${sluice_args[@]}" > "$log" 2>&1 &
      url="http://127.0.0.1:$port/api/punches" ready=health
      count="sqlite3 $dir/sluice.db 'SELECT COUNT(*) FROM messages'" ;;
    sluice-pg-punches)
      sql postgres "CREATE DATABASE $db"
      dotnet "$sluice" migrate --Journal:Engine=postgres --ConnectionStrings:Journal="$(connection "$db")" >> "$log" 2>&1
      dotnet "$sluice" --urls "http://127.0.0.1:$port" --Journal:Engine=postgres --ConnectionStrings:Journal="$(connection "$db")" \
        "${sluice_args[@]}" >> "$log" 2>&1 &
      url="http://127.0.0.1:$port/api/punches" ready=health
      count="sql $db 'SELECT COUNT(*) FROM sluice.messages'" ;;
    *) echo "peers.sh: unknown system '$name'" >&2; exit 2 ;;
  esac
  server=$!
  local status=""
  for _ in $(seq 1 300); do
    if [ "$ready" = health ]; then
      status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)
    else
      status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d '{"ready":true}' "$url" || true)
    fi
    [[ "$status" == 2* ]] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.2
  done
  if [[ "$status" != 2* ]]; then
    echo "peers.sh: $name did not start (last answer: ${status:-none}); its log:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  if [ "$ready" = health ]; then bench/register.sh "http://127.0.0.1:$port" 5000 >/dev/null; fi
}

for round in $(seq 1 "$rounds"); do
  for name in "${systems[@]}"; do
    echo "peers.sh: round $round/$rounds: $name ($(( $(date +%s) - started )) s in)" >&2
    start_system "$name" "$round"
    before=$(eval "$count")
    wrk -t"$threads" -c"$connections" -d"${warmup}s" -s bench/punch.lua "$url" > "$out/wrk-$name-$round-warmup.txt"
    wrk -t"$threads" -c"$connections" -d"${measure}s" --latency -s bench/punch.lua "$url" > "$out/wrk-$name-$round.txt"
    after=$(eval "$count")
    stop_server
    printf '%s\t%s\t%s\t%s\n' "$name" "$round" "$before" "$after" >> "$out/stored.tsv"
  done
done

python3 -B bench/summarize_peers.py "$out" "$results" <<EOF
rounds=$rounds
warmup=$warmup
measure=$measure
threads=$threads
connections=$connections
pg_version=$pg_version
pg_settings=$pg_settings
cores=$(nproc)
minutes=$(( ($(date +%s) - started + 59) / 60 ))
date=$(date -u +%Y-%m-%d)
EOF
