#!/usr/bin/env bash
# Prints what the build ships, file by file: raw, gzip -9 and brotli -q 11 sizes, and checks the
# total brotli size against the budget (the brief: 600 KB for everything the app ships, with the
# analysis, quality, privacy and sync pages to come), and fails over it.
#   scripts/size.sh [dist]        reports the total against the budget; exits 1 over it
#   SIZE_BUDGET_KB=650 scripts/size.sh
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$CARNET_ROOT"
DIST=${1:-dist}
BUDGET_KB=${SIZE_BUDGET_KB:-600}
[ -f "$DIST/index.html" ] || die "$DIST/index.html is missing: build first (trunk build --release)"
command -v brotli >/dev/null || die "brotli is missing: run scripts/setup.sh"

kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
printf '%-44s %12s %12s %12s\n' "file ($DIST)" raw gzip-9 brotli
total_raw=0 total_gz=0 total_br=0
# Largest first; every shipped file counts (html, js, wasm, css, assets).
while IFS= read -r file; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=$(brotli -q 11 -c "$file" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  printf '%-44s %12s %12s %12s\n' "${file#"$DIST"/}" "$(kb "$raw")" "$(kb "$gz")" "$(kb "$br")"
done < <(find "$DIST" -type f -printf '%s %p\n' | sort -rn | cut -d' ' -f2-)
printf '%-44s %12s %12s %12s\n' total "$(kb "$total_raw")" "$(kb "$total_gz")" "$(kb "$total_br")"

budget=$((BUDGET_KB * 1024))
if [ "$total_br" -gt "$budget" ]; then
  printf 'size: %s brotli is OVER the %s KB budget (by %s)\n' "$(kb "$total_br")" "$BUDGET_KB" "$(kb $((total_br - budget)))"
  exit 1
fi
printf 'size: %s brotli, %s%% of the %s KB budget\n' "$(kb "$total_br")" "$((total_br * 100 / budget))" "$BUDGET_KB"
