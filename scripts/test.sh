#!/usr/bin/env bash
# The whole test suite: formatting and lints, native tests, browser tests (wasm-bindgen-test in
# headless Chromium), the release build with its shipped sizes, and end-to-end tests that drive
# the release build in Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh --browser

step() { echo; echo "==> $*"; }

step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
cargo fmt --manifest-path e2e/Cargo.toml -- --check
cargo clippy --manifest-path e2e/Cargo.toml --all-targets -- -D warnings

step "native tests"
cargo test

step "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser

step "release build"
# In a subshell: the shipped build's flags (scripts/release_env.sh) are for it alone.
( source scripts/release_env.sh && trunk build --release )
# The total against the 200 KB budget, which the page does not meet yet (BENCHMARKS.md); until
# it does, the run fails if the page grows past a ceiling just above today's size. Once under
# budget, replace `--ceiling N` with `--enforce`. Lowered from 361,000 on 2026-11-27 when the
# shipped build began compiling the standard library for size (scripts/release_env.sh), to
# 329,000, then set to 330,000 the same day for charts drawn to fit narrow columns and the
# presentation and step-link fixes (1.6 KB), to 331,000 for each endpoint's dataset pick kept
# while others are viewed (0.7 KB), lowered to 321,000 once the tables, statistics, claims,
# safety statements and step numbers were written as HTML text, to 320,500 once the header,
# readout, notices and simulation result were too, and set back to 321,000 for the fixes after
# them (labels weighed by the curve they cover, the presentation toggle's focus; BENCHMARKS.md,
# Shipped size), lowered to 319,000 once the page read JSON with its own reader, set to
# 319,500 for the import checks and messages and the presentation fixes that followed (0.8 KB),
# to 320,000 for the value-source bar and a review's mends (0.4 KB), and to 320,500 for the
# simulation lab's keyboard focus, which left the page 24 bytes under it, and to 321,000 for
# a browser pass's fixes (files read as bytes, a saved bundle imported without repeating what is
# loaded, the censor marks over the published marks, the chart exports disabled without a chart:
# 1.5 KB, less the 1.8 KB the week pickers saved by sharing the bar's one select), and to
# 322,000 for the exported charts' source lines, the at-risk heading naming its data and a
# repeated link setting named with its value (1.1 KB), and to 323,000 for a review's mends
# (censor marks kept off the legend's and labels' text, UTF-16 named, the citation's date; 0.7 KB
# with the switches drawn by one function), and to 324,000 for the citations' copy buttons,
# the citations built only while their fold is open (0.9 KB), and to 325,000 for a second
# browser pass's fixes (a bundle that would change a loaded finding refused at its field, a
# measurement over 1e12 refused, the caption's type on a 720p projector; 1.3 KB), and to 326,500
# for the response step's caption naming imported data and the disabled export buttons'
# description (1.2 KB), and to 327,000 for the loaded message saying what a file brought in
# and the presentation's larger statistics (0.6 KB), and to 327,500 for the refusal of two
# findings of one imported file that the views would take for each other (0.5 KB), and to
# 328,000 for the response chart's legend kept off the curves and bands (0.5 KB), and to
# 329,500 for imported values named as such and drawn at their visit on the response chart,
# the published values' labels placed together, and the conclusion named (1.3 KB), and to
# 332,500 for imported summaries shown on the CD4, CD8 and ratio views and their steps, the
# CD4 claims re-checked on an imported change summary, and step curves refused (3.2 KB), and
# to 334,500 for an imported change set beside the computed one, summary values held to 1e12,
# the given means' labels kept off the computed ones, the tables' "Published or imported"
# headers and a review's mends (2.0 KB), and to 335,000 for a second browser pass's mends (a
# label right of its diamond, the legend's note on assumed weeks, the range's note, no empty
# table of figures; 0.4 KB), and to 337,000 for a third browser pass's mends (links naming
# only the weeks the pickers offer, a statistic's failure in words, the odds ratio of two arms
# without responders, the among-arms claim's reading, the copied link's note on imported data,
# the place on the page given back after presenting, every step printed on one page; 1.7 KB),
# and to 338,500 for a statistician's and a review's mends (the horizon's cut named, a
# statistic's reason keeping its cause and naming the arm, the claims' reasons in words; 1.1 KB),
# and to 340,000 for a screen-reader pass's mends (the chart's accessible name saying each arm's
# values, import and copy-link messages in live regions present from the start; 1.8 KB), and to
# 340,500 for the simulation's busy result region and the focus kept by presentation's keys
# (0.2 KB), and to 343,000 for the chart's readout moved by keys, a value tapped again after
# Escape, the header's derived values focusable, the simulation's settings error said once its
# field is left and presentation's keys said (2.4 KB; the skip links are in index.html and cost
# the WebAssembly nothing), and to
# 343,500 for the notices a change brings said alone, not the whole list again (0.7 KB), and
# to 345,000 for the week slider under the response chart, which reads the curves from the
# keyboard, by touch and to a screen reader (1.5 KB more than arrow keys on the drawing,
# which a screen reader in browse mode keeps for itself), and to 345,500 for a walkthrough
# step said by a region of its own, without its buttons (0.5 KB), and to 346,000 for each
# simulation setting described by its own message (0.4 KB), and to 347,000 for the week
# slider laid under the plot's week axis, its handle under the week it reads, and moved by
# the pointer too (0.9 KB), and to 347,500 for the safety view's tables named as the view's
# (a clean clone's build came out 50 bytes over 347,000 before it: the ceiling keeps about
# 400 bytes of room), and to 348,000 for a review's mends to the slider and the spoken texts
# (a week past a horizon brought in read at the horizon, the readout in words with each kind
# before its value, a spoken settings error emptied by the next key; 0.6 KB).
scripts/sizes.sh --ceiling 348000 dist

step "Lighthouse on the release build (recorded, not asserted)"
scripts/lighthouse.sh

step "end-to-end tests (release build in Chromium)"
# --show-output prints the measurements (toggle latency, first chart; also in
# target/measurements/); the last line stays the test runner's summary.
cargo test --manifest-path e2e/Cargo.toml -- --test-threads=1 --show-output
