#!/usr/bin/env bash
# Installs every tool Carnet needs to build and test, skipping what is already there.
# Safe to run again: each step checks first. Works on a fresh Debian 12 machine with rustup.
set -euo pipefail
cd "$(dirname "$0")/.."

# The wasm-bindgen version must equal the one in Cargo.lock, or the CLI refuses the module.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock 2>/dev/null || true)
WB_VERSION=${WB_VERSION:-0.2.105}
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 5 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WB_VERSION"; then
  log "installing wasm-bindgen-cli $WB_VERSION (about 2 minutes)"
  # --locked fails for this crate here; the plain install resolves fine.
  cargo install --force wasm-bindgen-cli --version "$WB_VERSION"
fi

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v brotli >/dev/null || need_apt+=(brotli)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]} from Debian"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

# binaryen (wasm-opt) and playwright-core come from npm into tools/node_modules, never Debian's
# binaryen 108 (its wasm-opt breaks the table of this wasm-bindgen's output).
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -d tools/node_modules/playwright-core ] || [ ! -d tools/node_modules/axe-core ]; then
  log "installing binaryen@$BINARYEN_VERSION, playwright-core and axe-core from npm"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi
log "tools ready"
