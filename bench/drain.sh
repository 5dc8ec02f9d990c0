#!/usr/bin/env bash
# Drain benchmark: a backlog of punches delivered to the legacy simulator, whose capacity the controller is not
# told, once each with fixed concurrency limits and once with the adaptive limit.
# Usage: bench/drain.sh [messages] [capacity] [latency-ms]   Writes bench/out/drain.md; prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/gateway.sh
install_missing hey
dotnet build src/Sluice -c Release -v quiet -nologo >/dev/null
source bench/auth.sh
mkdir -p bench/out
python3 bench/drain.py "${1:-20000}" "${2:-40}" "${3:-25}" | tee bench/out/drain.md
