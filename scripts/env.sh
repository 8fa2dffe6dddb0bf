# Sourced by the other scripts (not run): one place for the PATH and the log helpers.
# tools/node_modules/.bin comes first so Trunk finds npm's wasm-opt (binaryen 132), never
# Debian's binaryen 108, whose wasm-opt breaks the output of this wasm-bindgen.

CARNET_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CARNET_ROOT
export PATH="$CARNET_ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Colour only on a terminal, so CI logs stay plain.
if [ -t 1 ]; then _c_on=$'\033[1;34m'; _c_err=$'\033[1;31m'; _c_off=$'\033[0m'; else _c_on=; _c_err=; _c_off=; fi

# log TAG MESSAGE...: a one-line progress message.
log() { local tag=$1; shift; printf '%s[%s]%s %s\n' "$_c_on" "$tag" "$_c_off" "$*"; }
# die MESSAGE...: print to stderr and stop.
die() { printf '%serror:%s %s\n' "$_c_err" "$_c_off" "$*" >&2; exit 1; }
