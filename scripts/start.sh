#!/usr/bin/env bash
# Installs everything and starts the whole stack: the Cerbos PDP (watching policies/), the API
# on a seeded SQLite file, and the web app. Ctrl-C stops all of it.
set -euo pipefail
cd "$(dirname "$0")/.."
export CERBOS_NO_TELEMETRY=1 TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
PNPM="npx -y pnpm@10.34.9"
echo "Installing dependencies (the first run compiles sqlite3 from source: about a minute)…"
$PNPM install --frozen-lockfile

# Print where everything is once the API answers its health check.
(
  for _ in $(seq 1 120); do
    if node -e 'fetch("http://127.0.0.1:3000/health").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))'; then
      cat <<'BANNER'

  ────────────────────────────────────────────────────────────────────────
   Web app      http://localhost:5173         (Vite; proxies /trpc to the API)
   API (tRPC)   http://127.0.0.1:3000/trpc    health: http://127.0.0.1:3000/health
   Cerbos PDP   http://127.0.0.1:3592         (watching policies/; decisions: #/admin/decisions as alice)
   Database     .data/app.db (SQLite, seeded with the demo data)

   Demo users (dev only), password for all: password123
     alice  admin (IT)             sees and does everything
     john   Sales, Acme member     owns contacts 1 and 2
     sarah  Sales, Acme owner, Globex member
     geri   Marketing, Acme member
     olga   Sales, Globex owner    ivan  IT, Globex member
     bill   Globex billing         bruno Sales, Globex member, banned
   Ctrl-C stops everything.
  ────────────────────────────────────────────────────────────────────────
BANNER
      exit 0
    fi
    sleep 1
  done
  echo "The API did not answer http://127.0.0.1:3000/health within 120 s: read the [api] lines above."
) &

# turbo runs directly, not under `npx pnpm exec`: those wrappers answer Ctrl-C by sending a
# SIGTERM right after the terminal's SIGINT, which turbo takes as a second Ctrl-C and force-kills
# the tasks (no graceful API shutdown). turbo needs pnpm on PATH to run the tasks.
PNPM_BIN="$($PNPM exec sh -c 'command -v pnpm')"
export PATH="$(dirname "$PNPM_BIN"):$PATH"
exec node_modules/.bin/turbo run dev --ui=stream --concurrency=20
