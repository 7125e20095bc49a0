#!/usr/bin/env bash
# Prints the gzip size of each shipped .wasm, .js and .css file in a Trunk dist folder, the total,
# and how the total stands against the budget of 200,000 bytes gzip.
#
#   scripts/sizes.sh [DIST]                 report only
#   scripts/sizes.sh --enforce [DIST]       also exit 1 when the total is over budget
#   scripts/sizes.sh --ceiling N [DIST]     also exit 1 when the total is over N bytes: a guard
#                                           against growth while the budget is not yet met
set -euo pipefail
budget=200000
enforce=false
ceiling=""
while [ $# -gt 0 ]; do
  case "$1" in
    --enforce) enforce=true; shift ;;
    --ceiling) ceiling="$2"; shift 2 ;;
    *) break ;;
  esac
done
dist="${1:-dist}"
total=0
found=0
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  [ -e "$f" ] || continue
  found=$((found + 1))
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf 'size: %-48s %9d bytes, %8d bytes gzip\n' "$(basename "$f")" "$raw" "$gz"
done
awk -v t="$total" 'BEGIN { printf "size: %-48s %9s        %8d bytes gzip (%.1f KB)\n", "shipped total", "", t, t / 1000 }'
if [ "$found" -eq 0 ]; then
  echo "size: no .wasm, .js or .css files in $dist; run trunk build --release first" >&2
  exit 1
fi
if [ "$total" -gt "$budget" ]; then
  echo "size: over budget: $total bytes gzip > $budget"
  if $enforce; then
    exit 1
  fi
else
  echo "size: within budget: $total bytes gzip <= $budget"
fi
if [ -n "$ceiling" ] && [ "$total" -gt "$ceiling" ]; then
  echo "size: over the ceiling: $total bytes gzip > $ceiling; the page grew, find what added it (see ARCHITECTURE.md, Size)"
  exit 1
fi
