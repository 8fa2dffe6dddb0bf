#!/usr/bin/env bash
# Everything CI checks, in order, stopping at the first failure:
#   setup, format, lints (native and wasm), native tests (tests/native/), browser tests
#   (tests/browser/ in headless Chromium), release build, size report, end-to-end tests
#   (tests/e2e/).
# Works on a fresh machine (scripts/setup.sh installs what is missing). With CI=true, Cargo.lock
# must be up to date (--locked).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$CARNET_ROOT"

LOCKED=()
[ "${CI:-}" = true ] && LOCKED=(--locked)
STEPS=8
step_no=0
step_name=""
t_start=$SECONDS
t_step=$SECONDS

# section NAME: a header for the next step, with the time the previous one took.
section() {
  [ -n "$step_name" ] && log test "done: $step_name ($((SECONDS - t_step)) s)"
  step_no=$((step_no + 1)) step_name=$1 t_step=$SECONDS
  printf '\n%s==> [%d/%d] %s%s\n' "$_c_on" "$step_no" "$STEPS" "$1" "$_c_off"
}
trap 'rc=$?; [ $rc -ne 0 ] && printf "\n%sFAILED%s at [%d/%d] %s (exit %d, after %d s)\n" "$_c_err" "$_c_off" "$step_no" "$STEPS" "$step_name" "$rc" "$((SECONDS - t_start))" >&2' EXIT

section "setup (scripts/setup.sh)"
bash scripts/setup.sh

section "format (cargo fmt --check)"
cargo fmt --all --check

section "lints (cargo clippy, native and wasm32, -D warnings)"
cargo clippy "${LOCKED[@]}" --all-targets -- -D warnings
# wasm32 too: every target, so the native test crate says #![cfg(not(target_arch = "wasm32"))]
# (tests/native/main.rs: proptest, for one, does not build for wasm32).
cargo clippy "${LOCKED[@]}" --all-targets --target wasm32-unknown-unknown -- -D warnings

section "native tests (cargo test)"
# The library's unit tests and tests/native. tests/browser is cfg(target_arch = "wasm32"):
# natively it builds to an empty test binary that runs nothing.
cargo test "${LOCKED[@]}"

section "browser tests (tests/browser in headless Chromium)"
# Only this crate runs in wasm32: the others are native. The runner drives Debian's chromium
# through chromedriver (headless, --no-sandbox by default).
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-300} \
  cargo test "${LOCKED[@]}" --target wasm32-unknown-unknown --test browser

section "release build (trunk build --release)"
trunk build --release "${LOCKED[@]}"

section "size (scripts/size.sh)"
bash scripts/size.sh dist

section "end-to-end tests (tests/e2e, headless Chromium)"
node tests/e2e/run.mjs

log test "done: $step_name ($((SECONDS - t_step)) s)"
printf '\n%sall checks passed%s in %d s\n' "$_c_on" "$_c_off" "$((SECONDS - t_start))"
