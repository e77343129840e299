# Shared helpers for run.sh and test.sh. Sourced, not executed.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONTRACTS="$ROOT/src/Contracts"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root to run: $*"; fi
}

# npm tools of src/Contracts (solc, anvil, forge, cast, OpenZeppelin), installed from the lock file.
ensure_npm_tools() {
  local stamp="$CONTRACTS/node_modules/.package-lock.json"
  if [ ! -d "$CONTRACTS/node_modules/@foundry-rs" ] || [ "$CONTRACTS/package-lock.json" -nt "$stamp" ]; then
    log "Installing the contract toolchain (npm ci in src/Contracts)"
    (cd "$CONTRACTS" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Debian packages, installed only when their command is missing.
ensure_apt() { # ensure_apt <command-to-probe> <package>...
  local probe="$1"; shift
  if ! command -v "$probe" >/dev/null 2>&1 && [ ! -x "$probe" ]; then
    log "Installing $* from Debian packages"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  fi
}

# The native foundry binary (forge, anvil, cast). Not node_modules/.bin/<tool>: that npm wrapper
# swallows the exit code (a failing forge test exits 0) and does not forward signals to anvil.
foundry_bin() { # foundry_bin <tool>
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) die "unsupported OS $(uname -s)" ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=amd64 ;; aarch64|arm64) arch=arm64 ;; *) die "unsupported CPU $(uname -m)" ;; esac
  local bin="$CONTRACTS/node_modules/@foundry-rs/$1-$os-$arch/bin/$1"
  [ -x "$bin" ] || die "$1 binary not found at $bin (run npm ci in src/Contracts)"
  printf '%s' "$bin"
}

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'; }

PG_DIR=""
PG_BIN=""
# A throwaway PostgreSQL cluster on a free loopback port; exports TOKENPLATFORM_TEST_POSTGRES.
# The tests' server trades durability for speed; `start_postgres durable` keeps fsync, synchronous_commit
# and full_page_writes on (PostgreSQL's defaults), for benchmarks whose figures claim durability.
start_postgres() {
  local settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${1:-}" = "durable" ] && settings="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
  ensure_apt /usr/lib/postgresql/15/bin/initdb postgresql
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  PG_DIR="$(mktemp -d /tmp/tokenplatform-pg.XXXXXX)"
  local port; port="$(free_port)"
  local run=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PG_DIR"; run=(runuser -u postgres --); fi
  "${run[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres --no-sync >/dev/null
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/data/server.log" -w \
    -o "-p $port -h 127.0.0.1 -k /tmp $settings -c max_connections=300" start >/dev/null
  export TOKENPLATFORM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
  log "PostgreSQL is up on 127.0.0.1:$port ($PG_DIR)"
}

stop_postgres() {
  [ -n "$PG_DIR" ] || return 0
  local run=()
  [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}
