#!/usr/bin/env bash
# Runs a benchmark of bench/TokenPlatform.Bench in Release. "ingest" needs PostgreSQL: a throwaway
# server is started (as the test command does) and stopped afterwards.
#   ./scripts/bench.sh distribution
#   ./scripts/bench.sh ingest
#   ./scripts/bench.sh deposit-latency
#   ./scripts/bench.sh deposit-latency-1000
#   ./scripts/bench.sh matching
#   ./scripts/bench.sh engine-durable     (BENCH_SECONDS, BENCH_RATE: duration and offered commands/s; BENCH_SHARDS=N: the sharded market)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
[ $# -eq 1 ] || die "usage: scripts/bench.sh <distribution|ingest|deposit-latency|deposit-latency-1000|matching|engine-durable>"
if [ "$1" = "ingest" ]; then
  trap stop_postgres EXIT INT TERM
  start_postgres
fi
if [ "$1" = "engine-durable" ]; then
  # Durable figures: a server with fsync, synchronous_commit and full_page_writes on, its data on disk.
  trap stop_postgres EXIT INT TERM
  start_postgres durable
fi
# The web app runs with the server GC (ASP.NET's default); the ingestion host must too.
if [ "$1" = "ingest" ]; then export DOTNET_gcServer=1; fi
dotnet run -c Release --project bench/TokenPlatform.Bench -- "$1"
