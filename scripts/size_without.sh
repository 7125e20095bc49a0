#!/usr/bin/env bash
# What each optional part of the page costs in the shipped size: builds the page as Trunk
# ships it (scripts/release_env.sh) with one part left out of `src/ui/app.rs` at a time, then
# with all of them left out, and prints each build's `.wasm` + `.js` + `.css` gzip total beside
# the whole page's. The parts' code goes with them (the build links only what the page uses).
# `src/ui/app.rs` is put back however the script ends; the builds go to target/size-without,
# not dist/. About two minutes a build on the 2-core machine.
#
#   scripts/size_without.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
app=src/ui/app.rs
kept=$(mktemp)
cp "$app" "$kept"
trap 'cp "$kept" "$app"; rm -f "$kept"' EXIT
out=target/size-without
total() { for f in "$out"/*.wasm "$out"/*.js "$out"/*.css; do gzip -9 -c "$f" | wc -c; done | paste -sd+ | bc; }
# Builds with the components named in "$@" (each `<Name />` or a statement) taken out.
build_without() {
  local name=$1
  shift
  cp "$kept" "$app"
  for part in "$@"; do
    grep -qF "$part" "$app" || { echo "size-without: '$part' is not in $app" >&2; exit 1; }
    python3 -c 'import sys; p, part = sys.argv[1:3]; s = open(p).read(); open(p, "w").write(s.replace(part, ""))' "$app" "$part"
  done
  rm -rf "$out"
  (source scripts/release_env.sh && trunk build --release --dist "$out" >/dev/null 2>&1)
  printf 'size-without: %-44s %8d bytes gzip\n' "$name" "$(total)"
}
simulation=("<SimulationPanel />")
import=("<ImportPanel />")
export=("<ExportPanel />")
claims=("<ClaimsPanel />")
teaching=("<WalkthroughPanel />" "<PresentButton />" "presentation::install();")
build_without "the whole page"
build_without "without the simulation lab" "${simulation[@]}"
build_without "without import" "${import[@]}"
build_without "without export and citations" "${export[@]}"
build_without "without the claims panel" "${claims[@]}"
build_without "without the walkthrough and presentation" "${teaching[@]}"
build_without "without all five" "${simulation[@]}" "${import[@]}" "${export[@]}" "${claims[@]}" "${teaching[@]}"
