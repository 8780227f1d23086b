#!/usr/bin/env bash
# Installs everything and starts the whole stack: the Cerbos PDP (watching policies/), the API
# on a seeded SQLite file, and the web app. Ctrl-C stops all of it.
set -euo pipefail
cd "$(dirname "$0")/.."
export CERBOS_NO_TELEMETRY=1 TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
PNPM="npx -y pnpm@10.34.9"
echo "Installing dependencies (the first run compiles sqlite3 from source: about a minute)…"
$PNPM install --frozen-lockfile
exec $PNPM exec turbo run dev --ui=stream --concurrency=20
