#!/usr/bin/env bash
# Installs everything and runs every test: Cerbos policy tests, lint, typecheck, and all vitest
# projects (unit, integration against a real PDP, SQLite and Postgres, end-to-end in Chromium).
# Ends with one line "N passed, N failed" that counts every test that ran.
set -uo pipefail
cd "$(dirname "$0")/.."
export CERBOS_NO_TELEMETRY=1 TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
PNPM="npx -y pnpm@10.34.9"
RESULTS=test-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
# Every process this run starts inherits this id, so leftovers can be told from other PDPs.
export REPO_TEST_RUN_ID="test-$$-$(date +%s)"
step_failures=0

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# --- Debian packages the tests need -------------------------------------------------------
find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return 0
  return 1
}
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
find_pg_bin >/dev/null || missing+=(postgresql)
[ -x /usr/sbin/mariadbd ] && [ -x /usr/bin/mariadb-install-db ] || missing+=(mariadb-server)
[ -x /usr/sbin/haproxy ] || command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
# The tests start their own throwaway servers (haproxy: the scale-out balancer): the packages'
# services must not start (nor stay enabled) on install. A policy-rc.d that exits 101 tells
# invoke-rc.d so, for this install only.
apt_install() { # [sudo]
  local policy=/usr/sbin/policy-rc.d own_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $1 tee "$policy" >/dev/null && $1 chmod 755 "$policy" && own_policy=1
  fi
  $1 apt-get update -qq && $1 env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  local status=$?
  [ -n "$own_policy" ] && $1 rm -f "$policy"
  return $status
}
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    apt_install "" || { echo "apt-get install failed"; exit 1; }
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    apt_install sudo || { echo "apt-get install failed"; exit 1; }
  else
    echo "The tests need these Debian packages. Install them, then run this command again:"
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi
PG_BIN_DIR="$(find_pg_bin)"
export PG_BIN_DIR

# --- JavaScript dependencies ---------------------------------------------------------------
log "Installing dependencies (the first run compiles sqlite3 from source: about a minute)"
$PNPM install --frozen-lockfile || { echo "pnpm install failed"; exit 1; }

record() { # name passed failed
  printf '{"passed":%d,"failed":%d}\n' "$2" "$3" >"$RESULTS/$1.json"
}

log "Cerbos policy tests"
node scripts/policy-tests.mjs || step_failures=$((step_failures + 1))

log "Lint (biome)"
if $PNPM exec biome check .; then record lint 1 0; else record lint 0 1; step_failures=$((step_failures + 1)); fi

log "Typecheck (tsc in every package, test files included)"
if $PNPM exec turbo run typecheck --output-logs=errors-only; then record typecheck 1 0; else record typecheck 0 1; step_failures=$((step_failures + 1)); fi

log "Vitest (all projects)"
$PNPM exec vitest run --reporter=default --reporter=json --outputFile.json="$RESULTS/vitest-report.json" \
  || step_failures=$((step_failures + 1))
node -e '
  const fs = require("fs");
  const file = process.argv[1];
  if (!fs.existsSync(file)) { fs.writeFileSync(process.argv[2], JSON.stringify({ passed: 0, failed: 1 })); process.exit(0); }
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  const failed = r.numFailedTests + (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
  fs.writeFileSync(process.argv[2], JSON.stringify({ passed: r.numPassedTests, failed }));
' "$RESULTS/vitest-report.json" "$RESULTS/vitest.json"

log "Benchmark smoke test (pnpm bench --quick: every row present, no run errored; figures are not asserted)"
if $PNPM bench --quick; then record bench-smoke 1 0; else record bench-smoke 0 1; step_failures=$((step_failures + 1)); fi

if [ -d apps/web/test-results/screenshots ]; then
  log "End-to-end screenshots: $(pwd)/apps/web/test-results/screenshots"
fi

# --- Summary -------------------------------------------------------------------------------
sleep 1
# A process of this run carries its REPO_TEST_RUN_ID (mariadbd keeps its environment after --user).
leftovers() { # pgrep pattern
  local pid found=""
  for pid in $(pgrep -f "$1" || true); do
    if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx "REPO_TEST_RUN_ID=$REPO_TEST_RUN_ID"; then
      found="$found $pid"
    fi
  done
  echo "$found"
}
leftover="$(leftovers 'cerbos-linux-x64 server')"
if [ -n "$leftover" ]; then
  echo "cerbos processes left behind by this test run:$leftover (killing them; counted as a failure)"
  kill $leftover 2>/dev/null || true
  record leftover-pdp 0 1
else
  echo "No cerbos process left behind."
fi
for server in haproxy postgres; do
  case $server in
    haproxy) pattern='haproxy -db -f' ;;
    postgres) pattern='bin/postgres -D' ;;
  esac
  leftover="$(leftovers "$pattern")"
  if [ -n "$leftover" ]; then
    echo "$server processes left behind by this test run:$leftover (killing them; counted as a failure)"
    kill -QUIT $leftover 2>/dev/null || true
    record "leftover-$server" 0 1
  else
    echo "No $server process left behind."
  fi
done
leftover="$(leftovers '^/usr/sbin/mariadbd|/mariadbd ')"
if [ -n "$leftover" ]; then
  echo "mariadbd processes left behind by this test run:$leftover (killing them; counted as a failure)"
  kill -KILL $leftover 2>/dev/null || true
  record leftover-mariadb 0 1
else
  echo "No mariadbd process left behind."
fi
node scripts/summarize-results.mjs "$RESULTS"
summary=$?
[ "$step_failures" -eq 0 ] && exit "$summary"
exit 1
