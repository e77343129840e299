#!/usr/bin/env bash
# Runs every test: .NET (domain, infrastructure on PostgreSQL, web, browser end-to-end) and Solidity.
# Installs what is missing (npm tools, PostgreSQL, Chromium), starts a throwaway PostgreSQL server,
# and stops everything it started, whatever happens. Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

trap stop_postgres EXIT INT TERM

ensure_npm_tools
ensure_apt chromium chromium
start_postgres

log "Building the solution"
dotnet build TokenPlatform.sln -c Debug -nologo -clp:ErrorsOnly

log "Running .NET tests"
mkdir -p artifacts/test-output
dotnet test TokenPlatform.sln -c Debug --no-build -nologo \
  --logger "console;verbosity=minimal" --results-directory artifacts/test-output

if compgen -G "$CONTRACTS/src/*.sol" >/dev/null; then
  log "Running Solidity tests"
  "$ROOT/scripts/forge-test.sh"
fi

log "All tests passed"
