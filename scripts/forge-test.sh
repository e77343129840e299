#!/usr/bin/env bash
# Solidity checks, run by scripts/test.sh: artifacts current, every forge test green in the CI
# profile (>= 1,000 fuzz runs) with isolated transactions (honest gas figures), the canary seen as
# failing, and the committed gas snapshots unchanged.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_npm_tools
cd "$CONTRACTS"

forge="$(foundry_bin forge)"
# forge needs a native solc; only solcjs installs here, so forge gets a shim, by absolute path.
shim="$CONTRACTS/tools/solc-shim.cjs"

log "Contract artifacts are current"
node tools/compile.cjs --check

log "forge test (CI profile, --isolate)"
FOUNDRY_PROFILE=ci "$forge" test --use "$shim" --isolate

log "Canary: forge must report a failing test as failing"
canary_log="$(mktemp)"
if "$forge" test --use "$shim" --match-path 'test/canary/*' --no-match-path 'none' >"$canary_log" 2>&1; then
  cat "$canary_log"
  rm -f "$canary_log"
  die "forge reported the canary (a test that must fail) as passing: failures would go unseen"
fi
if ! grep -q "test_canary_mustFail" "$canary_log" || ! grep -q "FAIL" "$canary_log"; then
  cat "$canary_log"
  rm -f "$canary_log"
  die "the canary did not run as expected"
fi
rm -f "$canary_log"

# One snapshot file per gas test contract (forge names it after the contract): GasBudgetsTest.json,
# RouterGasBudgetsTest.json. A new, changed or deleted file is a change to review.
log "Gas snapshots unchanged (snapshots/*.json)"
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  if ! git -C "$ROOT" diff --exit-code --stat -- src/Contracts/snapshots; then
    git -C "$ROOT" --no-pager diff -- src/Contracts/snapshots
    die "gas figures changed: review the diff above and commit src/Contracts/snapshots/*.json"
  fi
  untracked="$(git -C "$ROOT" ls-files --others --exclude-standard -- src/Contracts/snapshots)"
  if [ -n "$untracked" ]; then
    die "new gas snapshot files not committed: $untracked"
  fi
fi
log "Solidity checks passed"
