# shellcheck shell=bash
# Sourced by the bench scripts. install_missing TOOL...: installs the Debian packages of the same name that are not
# on the PATH. start_gateway PORT LOG [SETTING...]: starts the Release build of Sluice on a fresh SQLite journal
# ($data/sluice.db), logging warnings to LOG, waits until it answers /health/ready, and stops it and removes the
# journal when the script exits; sets $server and $data. Build and source bench/auth.sh first. With
# gateway=bench it runs the bench's build instead (bench/Sluice.Bench serve): the same gateway plus POST /_bench/noop.

install_missing() {
  local need=() tool
  for tool in "$@"; do command -v "$tool" >/dev/null || need+=("$tool"); done
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

start_gateway() {
  local port="$1" log="$2"
  shift 2
  data="$(mktemp -d)"
  local program=(src/Sluice/bin/Release/net10.0/Sluice.dll)
  [ "${gateway:-}" = bench ] && program=(bench/Sluice.Bench/bin/Release/net10.0/Sluice.Bench.dll serve)
  dotnet "${program[@]}" --urls "http://127.0.0.1:$port" --Journal:Path="$data/sluice.db" \
    --Legacy:Simulator:Enabled=true --Logging:LogLevel:Default=Warning "$@" > "$log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done
}
