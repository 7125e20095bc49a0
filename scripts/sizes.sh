#!/usr/bin/env bash
# Prints the gzip size of each shipped .wasm, .js and .css file in a Trunk dist folder and the total.
set -euo pipefail
dist="${1:-dist}"
total=0
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  [ -e "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf 'size: %-48s %9d bytes, %8d bytes gzip\n' "$(basename "$f")" "$raw" "$gz"
done
awk -v t="$total" 'BEGIN { printf "size: %-48s %9s        %8d bytes gzip (%.1f KB)\n", "shipped total", "", t, t / 1000 }'
