# Shared helpers of the scripts (sourced, not run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# Every feature component, each composed behind the gate.
FEATURES=(pages account admin discussion questionnaire proposal)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs what a fresh machine lacks: the wasm target (the toolchain itself is
# pinned by rust-toolchain.toml and installed by rustup on first use).
ensure_toolchain() {
  command -v cargo >/dev/null || { echo "cargo is required (https://rustup.rs)" >&2; exit 1; }
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-wasip2; then
    log "installing the wasm32-wasip2 target"
    rustup target add wasm32-wasip2
  fi
}

HOST_BIN="$ROOT/target/host/palabre-host"

build_host() {
  log "building palabre-host"
  cargo build --locked --profile host -p palabre-host
}
