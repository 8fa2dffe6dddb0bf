#!/usr/bin/env bash
# Installs every tool Carnet needs to build and test, skipping what is already there.
# Safe to run again: each step checks first, so a second run takes about a second.
# Needs a Debian 12 machine with access to apt, npm and crates.io (and to rustup.rs if Rust is missing).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$CARNET_ROOT"

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
# The wasm-bindgen CLI must be the exact version in Cargo.lock, or it refuses the module.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WB_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"

# --- System packages (apt), first: cargo install needs a C compiler, npm needs node. ---------------
need_apt=()
command -v curl >/dev/null || need_apt+=(curl ca-certificates)
command -v cc >/dev/null || need_apt+=(build-essential)
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v brotli >/dev/null || need_apt+=(brotli)
if [ ${#need_apt[@]} -gt 0 ]; then
  log setup "installing ${need_apt[*]} from Debian"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi

# --- Rust toolchain pieces ---------------------------------------------------------------------------
if ! command -v rustup >/dev/null; then
  # Not in Debian 12's archive (its rustc 1.63 is older than the crate's rust-version): rustup's
  # own installer, which needs static.rust-lang.org.
  log setup "installing rustup and the stable Rust toolchain from https://sh.rustup.rs"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal ||
    die "could not install rustup: install it by hand (https://rustup.rs), then run this script again"
fi
# (Outputs are captured first: `cmd | grep -q` can fail under pipefail when grep stops reading early.)
if ! grep -qx wasm32-unknown-unknown <<<"$(rustup target list --installed)"; then
  log setup "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
installed_components=$(rustup component list --installed)
for component in rustfmt clippy; do
  if ! grep -q "^$component" <<<"$installed_components"; then
    log setup "adding the $component component"
    rustup component add "$component"
  fi
done

if ! grep -qF "$TRUNK_VERSION" <<<"$(trunk --version 2>/dev/null)"; then
  log setup "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! grep -qF "$WB_VERSION" <<<"$(wasm-bindgen --version 2>/dev/null)" ||
  ! grep -qF "$WB_VERSION" <<<"$(wasm-bindgen-test-runner --version 2>/dev/null)"; then
  log setup "installing wasm-bindgen-cli $WB_VERSION (about 3 minutes)"
  # --locked fails for this crate here; the plain install resolves fine.
  cargo install --force wasm-bindgen-cli --version "$WB_VERSION"
fi

# --- npm tools: binaryen (wasm-opt), playwright-core, axe-core ----------------------------------------
# Reinstalled when tools/package-lock.json changes (the stamp records the lock file it came from).
stamp=tools/node_modules/.carnet-lock.sha256
lock_sum=$(sha256sum tools/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  log setup "installing binaryen@$BINARYEN_VERSION, playwright-core and axe-core from npm"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" >"$stamp"
fi
grep -q "version $BINARYEN_VERSION" <<<"$(wasm-opt --version)" ||
  die "wasm-opt on PATH is not binaryen $BINARYEN_VERSION: $(command -v wasm-opt) ($(wasm-opt --version))"

log setup "tools ready"
