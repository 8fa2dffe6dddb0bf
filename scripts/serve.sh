#!/usr/bin/env bash
# Builds Carnet for release and serves it on http://127.0.0.1:${PORT:-8080}/ (Ctrl+C to stop).
#   scripts/serve.sh              set up the tools if needed, build, serve
#   PORT=9000 scripts/serve.sh    another port
# The build is a plain static site in dist/: any static host serves it, under any sub-path.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$CARNET_ROOT"
PORT=${PORT:-8080}

bash scripts/setup.sh
log serve "building for release (trunk build --release)"
trunk build --release
exec node tests/e2e/server.mjs dist --port "$PORT" --host 127.0.0.1
