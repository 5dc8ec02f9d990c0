#!/usr/bin/env bash
# Production drills on loopback: PostgreSQL, the legacy simulator, three Sluice nodes (the executable
# deploy/publish.sh makes, as the image and the systemd unit run it) and nginx with deploy/nginx/sluice.conf, all as
# processes of this script, while bench/drill_load.py posts punches through nginx:
#   rolling   each node in turn gets SIGTERM and is started again: zero failed requests, every acknowledged punch
#             delivered once;
#   kill      one node gets SIGKILL and comes back later: clients repeating with the same Idempotency-Key end with
#             every punch acknowledged once, none lost, none doubled;
#   postgres  PostgreSQL is stopped and started: intake answers 503 with Retry-After meanwhile, never a 202 it cannot
#             keep, and resumes by itself within seconds.
# Usage: bench/drills.sh [full|short]   short: fewer clients and shorter phases (the test under tests/ runs it).
# Writes bench/out/drills.md (or $DRILLS_OUT/drills.md) and prints it; exits 1 if any drill failed.
# SLUICE_PUBLISHED=FOLDER reuses an executable already published there instead of publishing anew.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-full}"
case "$mode" in
  full) clients=16; warmup=5; settle=5; down=6 ;;
  short) clients=6; warmup=2; settle=2; down=3 ;;
  *) echo "usage: bench/drills.sh [full|short]" >&2; exit 2 ;;
esac
out="${DRILLS_OUT:-bench/out}"
mkdir -p "$out"

need=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
work="$(mktemp -d)"
chmod 755 "$work"
app="${SLUICE_PUBLISHED:-$work/app}"
[ -n "${SLUICE_PUBLISHED:-}" ] || deploy/publish.sh "$app" >/dev/null
sluice="$app/Sluice"

declare -A node_pid
other_pids=()
as_pg() { if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$work/pg" "$work/pg.log"; runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${node_pid[@]}" "${other_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

read -r pg_port legacy_port nginx_port p0 p1 p2 < <(python3 -c '
import socket
sockets = [socket.socket() for _ in range(6)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in sockets])')
ports=("$p0" "$p1" "$p2")

# PostgreSQL with its durability defaults (fsync on, synchronous_commit on).
mkdir -p "$work/pg" && touch "$work/pg.log"
as_pg "$pg_bin/initdb" -D "$work/pg" -U sluice --auth=trust -E UTF8 >/dev/null
pg_start() { as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null; }
pg_start
journal="Host=127.0.0.1;Port=$pg_port;Username=sluice;Database=postgres"

Security__Jwt__SigningKey="drill-$(head -c 32 /dev/urandom | base64 | tr -d '/+=')"
export Security__Jwt__SigningKey
SLUICE_TOKEN="$("$sluice" token --role admin --cpf 52998224725 --lifetime 2h | tail -1)"
export SLUICE_TOKEN

"$sluice" legacy-sim --port "$legacy_port" --latency 10ms --capacity 200 > "$work/legacy.log" 2>&1 &
other_pids+=($!)
"$sluice" migrate --Journal:Engine=postgres --ConnectionStrings:Journal="$journal" > "$work/migrate.log"

wait_ready() { # port
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null && return 0; sleep 0.1; done
  echo "node on port $1 was not ready within 30 s" >&2; return 1
}
start_node() { # index
  "$sluice" --urls "http://127.0.0.1:${ports[$1]}" --Journal:Engine=postgres --ConnectionStrings:Journal="$journal" \
    --Legacy:BaseUrl="http://127.0.0.1:$legacy_port" --Delivery:NodeId="node-$1" --Delivery:LeaseDuration=00:00:05 \
    --Shutdown:DrainDelay=00:00:01 --Proxies:KnownProxies:0=127.0.0.1 --Limits:RatePerSecond=0 \
    --Logging:LogLevel:Default=Warning >> "$work/node-$1.log" 2>&1 &
  node_pid[$1]=$!
}
for i in 0 1 2; do start_node "$i"; done
for i in 0 1 2; do wait_ready "${ports[$i]}"; done

bench/nginx-local.sh "$work/nginx" "$nginx_port" "${ports[@]}"
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" > "$work/nginx/access.log" 2>&1 &
other_pids+=($!)
base="http://127.0.0.1:$nginx_port"
for _ in $(seq 1 100); do curl -sf "$base/health/live" >/dev/null && break; sleep 0.1; done
bench/register.sh "$base" 500 >/dev/null

exits=()
results="$out/drills.md"
{
  echo "| drill | s | requests | acknowledged | failed | 503 + Retry-After | delivered | lost | unreceipted | p50 ms | p99 ms | longest pause s | resumed after s | verdict |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} > "$results.rows"
status=0
drill() { # kind action...
  local kind="$1"
  shift
  curl -sf "http://127.0.0.1:$legacy_port/_sim/keys" > "$work/before-$kind.json"
  rm -f "$work/stop-$kind"
  python3 bench/drill_load.py "$base" "$clients" "$work/stop-$kind" 300 "$work/load-$kind.json" "$kind" &
  local load=$!
  sleep "$warmup"
  outage_end=""
  "$@"
  sleep "$settle"
  touch "$work/stop-$kind"
  wait "$load"
  python3 bench/drill_check.py "$kind" "$work/load-$kind.json" "$work/before-$kind.json" "$base" \
    "http://127.0.0.1:$legacy_port" ${outage_end:+"$outage_end"} >> "$results.rows" || status=1
}

rolling_restart() {
  for i in 0 1 2; do
    kill -TERM "${node_pid[$i]}"
    local code=0
    wait "${node_pid[$i]}" || code=$?
    exits+=("node-$i SIGTERM exit $code")
    [ "$code" = 0 ] || status=1
    start_node "$i"
    wait_ready "${ports[$i]}"
    sleep "$settle"
  done
}
kill_one() {
  kill -KILL "${node_pid[1]}"
  wait "${node_pid[1]}" 2>/dev/null || true
  sleep "$down"
  start_node 1
  wait_ready "${ports[1]}"
}
restart_postgres() {
  as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null
  sleep "$down"
  pg_start
  outage_end="$(date +%s.%N)"
}

drill rolling rolling_restart
drill kill kill_one
drill postgres restart_postgres

{
  echo "Drills ($mode): $clients clients through nginx (least_conn, deploy/nginx/sluice.conf) to three nodes on one PostgreSQL;"
  echo "legacy simulator 10 ms, capacity 200. $(date -u +%Y-%m-%d); load average at the start: $load_at_start."
  echo
  cat "$results.rows"
  echo
  echo "Graceful stops: ${exits[*]}."
} > "$results"
rm -f "$results.rows"
cat "$results"
if [ "$status" != 0 ]; then
  echo "A drill failed; the nodes' logs:" >&2
  for i in 0 1 2; do echo "--- node-$i" >&2; tail -n 40 "$work/node-$i.log" >&2; done
  echo "--- nginx errors" >&2; tail -n 20 "$work/nginx/error.log" >&2
fi
exit "$status"
