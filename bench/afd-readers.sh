#!/usr/bin/env bash
# Runs AFD readers written by others on AFDs this Sluice exports, so the file is judged by more than our own verifier.
# Usage: bench/afd-readers.sh PONTOFACIAL_JS_DIR AFD_EXPERT_DIR [OUT_DIR]
#   PONTOFACIAL_JS_DIR  nelsonnedes/pontofacial's packages/core-legal validator as JavaScript (afdValidator.js and
#                       afd671.js): that reader is TypeScript, and turning it into JavaScript is left to its own tooling
#                       (this project keeps no recipe that builds others' code)
#   AFD_EXPERT_DIR      a checkout of dougllassillva27/AFD-Expert-671-Netlify (functions/upload.js reads an AFD)
#   OUT_DIR             where the AFDs and the readers' reports go (default: a new temporary folder)
# Neither reader is copied here: both are run where they are, with the npm package they read the file with
# (iconv-lite) installed under $AFD_READER_TOOLS (default /tmp/afd-reader-tools).
# The AFDs: two establishments (one with accented names), online and offline punches, a rename of one of them,
# service start/stop events. Needs the Release build (dotnet build Sluice.slnx -c Release), node and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
pontofacial="$(realpath "${1:?PONTOFACIAL_JS_DIR}")"
expert="$(realpath "${2:?AFD_EXPERT_DIR}")"
out="${3:-$(mktemp -d)}"
tools="${AFD_READER_TOOLS:-/tmp/afd-reader-tools}"
mkdir -p "$out" "$tools"
. bench/auth.sh

[ -d "$tools/node_modules/iconv-lite" ] || npm install --prefix "$tools" --no-save --silent iconv-lite@0.6 >/dev/null
[ -f "$pontofacial/afdValidator.js" ] || { echo "no afdValidator.js in $pontofacial (see Usage)" >&2; exit 1; }

port=5097
base="http://127.0.0.1:$port"
data="$(mktemp -d)"
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
serve() { # the same journal each time, so a restart appends to the ledger
  dotnet src/Sluice/bin/Release/net10.0/Sluice.dll --urls "$base" --Journal:Path="$data/sluice.db" --Logging:LogLevel:Default=Warning --Legacy:Simulator:Enabled=true \
    --Punches:DeveloperDocument=45723174000110 >> "$out/gateway.log" 2>&1 &
  server=$!
  for _ in $(seq 1 150); do curl -sf "$base/health/ready" >/dev/null && return; sleep 0.2; done
  echo "Sluice did not start; see $out/gateway.log" >&2; exit 1
}
serve
auth="Authorization: Bearer $SLUICE_TOKEN"
json=(-H "$auth" -H 'Content-Type: application/json')
post() { curl -sf -X "$1" "$base$2" "${json[@]}" -d "$3"; }
id() { python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'; }

padaria=$(post POST /api/establishments '{"documentType":"cnpj","document":"11222333000181","legalName":"Padaria São João Ltda",
  "inpiNumber":"BR512026000001-7","timeZone":"America/Sao_Paulo","place":"Rua das Flores, 10 - Pinheiros, São Paulo"}' | id)
obra=$(post POST /api/establishments '{"documentType":"cpf","document":"52998224725","cnoCaepf":"123456789012","legalName":"José Conceição (obra)",
  "inpiNumber":"BR512026000001-7","timeZone":"America/Manaus"}' | id)
post POST "/api/establishments/$padaria/employees" '{"code":"1","name":"Ana Conceição","cpf":"11144477735"}' >/dev/null
post POST "/api/establishments/$padaria/employees" '{"code":"2","name":"Øyvind Müller Ñúñez","cpf":"39053344705"}' >/dev/null
post POST "/api/establishments/$obra/employees" '{"code":"1","name":"João Ninguém","cpf":"15350946056"}' >/dev/null
at() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }
post POST /api/punches "{\"employeeId\":\"1\",\"establishmentId\":\"$padaria\",\"punchedAt\":\"$(at '-1 min')\",\"collector\":\"app\"}" >/dev/null
post POST /api/punches "{\"employeeId\":\"2\",\"establishmentId\":\"$padaria\",\"punchedAt\":\"$(at '-3 days')\",\"offline\":true,\"collector\":\"device\"}" >/dev/null
post POST /api/punches "{\"employeeId\":\"1\",\"establishmentId\":\"$obra\",\"punchedAt\":\"$(at '-2 hours')\",\"offline\":true}" >/dev/null
post PUT "/api/establishments/$padaria" '{"documentType":"cnpj","document":"11222333000181","legalName":"Panificadora Conceição Ltda",
  "inpiNumber":"BR512026000001-7","timeZone":"America/Sao_Paulo","place":"Av. Paulista, 1000 - São Paulo"}' >/dev/null
post POST /api/punches "{\"employeeId\":\"1\",\"establishmentId\":\"$padaria\",\"punchedAt\":\"$(at 'now')\"}" >/dev/null
kill "$server"; wait "$server" 2>/dev/null || true   # a graceful stop (SIGTERM): type 6 "08"; the start after it, "07"
serve
for which in padaria obra; do
  curl -sf -H "$auth" "$base/api/establishments/${!which}/afd?from=$(date -u -d '-40 days' +%F)&to=$(date -u -d '+1 day' +%F)" -o "$out/$which.txt"
done

for file in "$out"/padaria.txt "$out"/obra.txt; do
  echo "== $(basename "$file"): $(wc -l < "$file") lines; types $(cut -c10 "$file" | sort | uniq -c | tr -s ' ' | tr '\n' ',')"
  NODE_PATH="$tools/node_modules" node bench/afd-readers.js "$pontofacial/afdValidator.js" "$expert/functions/upload.js" "$file" \
    | tee "$out/$(basename "$file" .txt).report"
done
echo "AFDs and reports in $out"
