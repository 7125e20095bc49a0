#!/usr/bin/env bash
# Longer fuzzing of everything a reader can feed the app (bundle JSON, patient CSV, links), and
# of the page's JSON reader against serde_json.
# The test command runs the same properties with 256 cases each; this runs CASES (default
# 20000) per property in release mode. Usage: scripts/fuzz.sh [CASES]
set -euo pipefail
cd "$(dirname "$0")/.."
export PROPTEST_CASES="${1:-20000}"
cargo test --release --test hostile_input --test share_permalink --test json_parse -- --test-threads=2
