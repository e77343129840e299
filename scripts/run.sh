#!/usr/bin/env bash
# Runs TokenPlatform locally: SQLite in ./data, demo accounts (Development), http://localhost:5000.
# Installs the contract toolchain (npm) when missing, builds, serves. Ctrl+C stops it.
# Environment: TOKENPLATFORM_URL (default http://localhost:5000), ASPNETCORE_ENVIRONMENT (default Development).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_npm_tools
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
url="${TOKENPLATFORM_URL:-http://localhost:5000}"

log "Building TokenPlatform (Release)"
dotnet build src/Web/TokenPlatform.Web.csproj -c Release -nologo -clp:ErrorsOnly

log "Starting TokenPlatform at $url ($ASPNETCORE_ENVIRONMENT; data in $ROOT/data)"
exec dotnet run --project src/Web/TokenPlatform.Web.csproj -c Release --no-build --no-launch-profile -- \
  --urls "$url" --Database:DataDirectory="$ROOT/data"
