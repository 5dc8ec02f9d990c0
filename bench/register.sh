#!/usr/bin/env bash
# Registers one establishment and employees 1..N (code = number, a valid CPF each, device PIN = code) at a running
# Sluice, so punches for them are accepted. Usage: bench/register.sh BASE_URL [N]   Prints the establishment id.
# Sends $SLUICE_TOKEN (an admin's token: `sluice token --role admin --cpf <CPF>`, or bench/auth.sh) as a bearer token.
# Run it again and it reuses what it made: the establishment with its CNPJ is found (or named by the 409 that refuses
# a second one), and the import updates employees 1..N in place.
set -euo pipefail
base="$1"
count="${2:-5000}"
cnpj=11222333000181
auth="Authorization: Bearer ${SLUICE_TOKEN:?set SLUICE_TOKEN to an admin token (sluice token --role admin --cpf <your CPF>)}"

establishment=$(curl -sf "$base/api/establishments" -H "$auth" | python3 -c '
import json, sys
print(next((e["id"] for e in json.load(sys.stdin) if e.get("document") == sys.argv[1]), ""))' "$cnpj")

if [ -z "$establishment" ]; then
  answer=$(mktemp)
  headers=$(mktemp)
  trap 'rm -f "$answer" "$headers"' EXIT
  status=$(curl -s -o "$answer" -D "$headers" -w '%{http_code}' -X POST "$base/api/establishments" -H "$auth" \
    -H 'Content-Type: application/json' \
    -d "{\"documentType\":\"cnpj\",\"document\":\"$cnpj\",\"legalName\":\"Bench Ltda\",\"inpiNumber\":\"BR512026000001-7\",\"timeZone\":\"America/Sao_Paulo\"}")
  # 201: made now. 409: made before (by a run racing this one): the answer names it, in its body or its Location.
  establishment=$(python3 - "$status" "$answer" "$headers" <<'PY'
import json, re, sys
status, answer, headers = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()
if status not in ("201", "409"):
    sys.exit(f"register.sh: creating the establishment answered {status}: {answer}")
try:
    print(json.loads(answer)["id"])
except (ValueError, KeyError, TypeError):
    location = re.search(r"^location:\s*(\S+)", headers, re.I | re.M)
    if not location:
        sys.exit(f"register.sh: the {status} answer names no establishment: {answer}")
    print(location.group(1).rstrip("/").split("/")[-1])
PY
)
fi

# One import takes at most Punches:MaxImportRows (1000 by default) rows, so employees go in 1000 at a time.
for first in $(seq 1 1000 "$count"); do
  last=$(( first + 999 < count ? first + 999 : count ))
  python3 - "$first" "$last" <<'PY' | curl -sf -X POST "$base/api/establishments/$establishment/employees/import" -H "$auth" -H 'Content-Type: text/csv' --data-binary @- >/dev/null
import sys
def check(digits, first_weight):
    rest = sum(int(d) * (first_weight - i) for i, d in enumerate(digits)) % 11
    return "0" if rest < 2 else str(11 - rest)
print("code,name,cpf,pin")
for n in range(int(sys.argv[1]), int(sys.argv[2]) + 1):
    base = f"{100_000_000 + n:09d}"
    first = check(base, 10)
    print(f"{n},Employee {n},{base}{first}{check(base + first, 11)},{n}")
PY
done
echo "$establishment"
