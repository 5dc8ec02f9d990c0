#!/usr/bin/env bash
# Runs every test. Installs what the tests need first (Debian packages), so it works on a fresh machine.
# Tests that need a server start it themselves from these packages; with CI=true a missing server fails the run.
set -euo pipefail
cd "$(dirname "$0")"

# One line per need; each feature adds its packages here.
packages=(
  tzdata           # timesheets, ADMS and establishments read IANA zones (America/Sao_Paulo, America/New_York)
  sqlite3
  postgresql       # journal engine and reporting sink tests start their own server from its binaries
  chromium         # dashboard and employee page browser tests (Playwright drives /usr/bin/chromium; it never downloads a browser)
  openssl          # .p7s signatures are verified with `openssl cms -verify`
  poppler-utils    # signed receipt PDFs are checked with pdfsig and read back with pdftotext
  rabbitmq-server  # RabbitMQ sink tests start their own broker (free ports, temporary node and data)
  prometheus       # /metrics is scraped by a real Prometheus and linted by promtool
  nginx            # deploy/nginx/sluice.conf is checked with nginx -t, and the drills run behind it
  systemd          # deploy/systemd/sluice.service is checked with systemd-analyze verify
  shellcheck       # every shell script of the repository is checked with ShellCheck
  docker-compose   # deploy/compose.yaml is checked by compose's own `config` (no Docker engine needed for that)
  curl             # the README's examples are run as a test (Docs/ReadmeTests), with curl,
  jq               # jq to read ids from answers,
  python3          # and bench/register.sh
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Checkers from npm, installed outside the checkout (nothing of theirs is committed) at the versions named here.
export SLUICE_TOOLS="${SLUICE_TOOLS:-$HOME/.cache/sluice-tools}"
npm_tools=(
  @redocly/cli@2.77.0  # the OpenAPI document is linted by Redocly (Docs/OpenApiLintTests)
)
for tool in "${npm_tools[@]}"; do
  name="${tool%@*}"
  if [ "$(node -p "require('$SLUICE_TOOLS/node_modules/$name/package.json').version" 2>/dev/null)" != "${tool##*@}" ]; then
    echo "Installing: $tool"
    npm install --prefix "$SLUICE_TOOLS" --no-save --no-audit --no-fund --loglevel=error "$tool" >/dev/null \
      || echo "Could not install $tool: the tests that use it will fail and say so; the others run."
  fi
done

results="$(mktemp -d)"
# Screenshots of the browser tests land here (kept after the run; TestResults/ is ignored by git).
export SLUICE_TEST_RESULTS="${SLUICE_TEST_RESULTS:-$PWD/TestResults}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
status=0
dotnet test Sluice.slnx --configuration Release --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line any CI reads: "Tests: N passed, N failed".
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is None:
        continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"Tests: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
PY
exit $status
