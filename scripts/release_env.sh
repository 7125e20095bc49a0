# Sourced, in a subshell or a script of its own, before the shipped build (`trunk build
# --release`, `trunk serve --release`), never into a shell that later runs the tests: builds
# the standard library for the page, optimised for size, and makes a panic stop the WebAssembly
# at once instead of formatting its message. Together these take about 31 KB gzip off the
# `.wasm` (BENCHMARKS.md, Shipped size).
#
# - `-Zbuild-std` compiles `std` from the `rust-src` component (scripts/setup.sh adds it) with
#   the page's own profile (opt-level "z", LTO), and `optimize_for_size` picks its smaller
#   algorithms (sorting, formatting).
# - `-Cpanic=immediate-abort`: a panic becomes a WebAssembly trap with no message, so the panic
#   hook (src/ui/panic.rs) does not run in this build; `assets/start_check.js` shows the same
#   alert for a trap. Debug builds and the tests keep the hook and its message.
# - These are unstable flags (tested with rustc 1.95), allowed on the stable channel
#   by RUSTC_BOOTSTRAP=1 for this build only; the tests' builds do not see them.
# - The shipped build has a target folder of its own, so it and the tests' WebAssembly builds
#   (different flags) do not rebuild each other's dependencies.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# Cargo adds these to `.cargo/config.toml`'s flags for this target (`--cfg erase_components`);
# a `RUSTFLAGS` in the environment would replace both.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
export CARGO_TARGET_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/shipped"
