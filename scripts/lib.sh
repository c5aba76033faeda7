# Shared helpers of the scripts (sourced, not run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# Every feature component, each composed behind the gate.
FEATURES=(pages account admin discussion questionnaire proposal budget)

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

# The runtime the suites run on, as the communes do: Spin wherever a Spin
# binary is found (SPIN_BIN, or `spin` on PATH), else palabre-host.
# PALABRE_E2E_RUNNER=host|spin chooses (the e2e and browser suites read it too).
spin_bin() {
  [ "${PALABRE_E2E_RUNNER:-}" = host ] && return 0
  if [ -n "${SPIN_BIN:-}" ]; then
    [ -x "$SPIN_BIN" ] && echo "$SPIN_BIN"
    return 0
  fi
  command -v spin || true
}

# start_app PORT STATE_DIR LOG_FILE [more options]: serves spin.toml on
# 127.0.0.1:PORT (Spin in its own process group, since its trigger is a child
# process) and sets APP_PID; `stop_app` stops it. Variables come from the
# environment (SPIN_VARIABLE_*).
start_app() {
  local port=$1 state=$2 logfile=$3
  shift 3
  local spin
  spin=$(spin_bin)
  if [ -n "$spin" ]; then
    APP_RUNNER=spin
    setsid "$spin" up --from spin.toml --state-dir "$state" --listen "127.0.0.1:$port" "$@" >"$logfile" 2>&1 &
  else
    APP_RUNNER=palabre-host
    setsid "$HOST_BIN" up --from spin.toml --state-dir "$state" --listen "127.0.0.1:$port" "$@" >"$logfile" 2>&1 &
  fi
  APP_PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$APP_PID" 2>/dev/null || { cat "$logfile" >&2; return 1; }
    sleep 0.1
  done
}

stop_app() {
  if [ -n "${APP_PID:-}" ]; then
    kill -KILL -- "-$APP_PID" 2>/dev/null || kill -KILL "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
  fi
}
