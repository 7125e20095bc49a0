#!/usr/bin/env bash
# How small the shipped WebAssembly could be: builds the pure core alone (examples/size_core.rs:
# bundle, reconstruction, claims, every endpoint's view and chart, no page) and the smallest
# Leptos page (examples/size_leptos.rs) the way Trunk builds the app (release profile and the
# shipped build's flags from scripts/release_env.sh, wasm-bindgen, wasm-opt -Oz), and prints
# each one's gzip size beside the app's own.
#
#   scripts/size_floor.sh [DIST]     DIST: the app's Trunk build to compare with (default dist)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/release_env.sh
dist="${1:-dist}"
out=target/size-floor
mkdir -p "$out"
cargo build --release --target wasm32-unknown-unknown --example size_core --example size_leptos
gz() { gzip -9 -c "$1" | wc -c; }
for name in size_core size_leptos; do
  wasm-bindgen --target web --out-dir "$out/$name" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/examples/$name.wasm"
  wasm-opt -Oz "$out/$name/${name}_bg.wasm" -o "$out/$name/opt.wasm"
  printf 'floor: %-40s %9d bytes, %8d bytes gzip\n' "$name (.wasm after wasm-opt -Oz)" \
    "$(stat -c %s "$out/$name/opt.wasm")" "$(gz "$out/$name/opt.wasm")"
done
for f in "$dist"/*.wasm; do
  [ -e "$f" ] || continue
  printf 'floor: %-40s %9d bytes, %8d bytes gzip\n' "the app ($(basename "$f"))" "$(stat -c %s "$f")" "$(gz "$f")"
done
