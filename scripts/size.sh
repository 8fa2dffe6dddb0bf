#!/usr/bin/env bash
# Prints what the build ships, file by file: raw, gzip -9 and brotli -q 11 sizes, and checks the
# total brotli size against the budget (DESIGN.md: 300 KB for everything, first visit).
#   scripts/size.sh [dist]        reports the total against the budget
#   SIZE_STRICT=1 scripts/size.sh  exits 1 over budget
#   SIZE_BUDGET_KB=350 scripts/size.sh
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$CARNET_ROOT"
DIST=${1:-dist}
BUDGET_KB=${SIZE_BUDGET_KB:-300}
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
  # A figure to act on, not a gate for now: the import/export page and the PWA pushed the
  # total over; cutting it back is open work (see README, Figures). SIZE_STRICT=1 enforces it.
  [ "${SIZE_STRICT:-0}" = 1 ] && exit 1
  exit 0
fi
printf 'size: %s brotli, %s%% of the %s KB budget\n' "$(kb "$total_br")" "$((total_br * 100 / budget))" "$BUDGET_KB"
