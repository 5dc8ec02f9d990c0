#!/usr/bin/env bash
# Registers one establishment and employees 1..N (code = number, a valid CPF each, device PIN = code) at a running
# Sluice, so punches for them are accepted. Usage: bench/register.sh BASE_URL [N]   Prints the establishment id.
# Sends $SLUICE_TOKEN (an admin's token: `sluice token --role admin --cpf <CPF>`, or bench/auth.sh) as a bearer token.
set -euo pipefail
base="$1"
count="${2:-5000}"
auth="Authorization: Bearer ${SLUICE_TOKEN:?set SLUICE_TOKEN to an admin token (sluice token --role admin --cpf <your CPF>)}"
establishment=$(curl -sf -X POST "$base/api/establishments" -H "$auth" -H 'Content-Type: application/json' \
  -d '{"documentType":"cnpj","document":"11222333000181","legalName":"Bench Ltda","inpiNumber":"BR512026000001-7","timeZone":"America/Sao_Paulo"}' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
python3 - "$count" <<'PY' | curl -sf -X POST "$base/api/establishments/$establishment/employees/import" -H "$auth" -H 'Content-Type: text/csv' --data-binary @- >/dev/null
import sys
def check(digits, first_weight):
    rest = sum(int(d) * (first_weight - i) for i, d in enumerate(digits)) % 11
    return "0" if rest < 2 else str(11 - rest)
print("code,name,cpf,pin")
for n in range(1, int(sys.argv[1]) + 1):
    base = f"{100_000_000 + n:09d}"
    first = check(base, 10)
    print(f"{n},Employee {n},{base}{first}{check(base + first, 11)},{n}")
PY
echo "$establishment"
