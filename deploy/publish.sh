#!/usr/bin/env bash
# Publishes Sluice as one self-contained Linux executable (profile src/Sluice/Properties/PublishProfiles/linux.pubxml).
# The Dockerfile, a VM install and the drills (bench/drills.sh and the test that runs it) all use this script,
# so what they run is one build made one way.
# Usage: deploy/publish.sh OUTPUT_FOLDER [RID]   e.g. deploy/publish.sh /opt/sluice linux-arm64   (default linux-x64)
set -euo pipefail
out="$(realpath -m "${1:?usage: deploy/publish.sh OUTPUT_FOLDER [RID]}")"
rid="${2:-linux-x64}"
cd "$(dirname "$0")/.."
# DebugType for every project, not only Sluice's: symbols inside the binaries, so stack traces keep their line numbers
# and the folder holds the executable and its settings files only.
dotnet publish src/Sluice/Sluice.csproj -p:PublishProfile=linux -r "$rid" -o "$out" -nologo -v quiet
echo "$out/Sluice"
