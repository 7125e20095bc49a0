#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) the app needs. Every step checks
# first and is skipped when already satisfied, so a second run installs nothing.
# Nothing is downloaded at build time afterwards: Trunk runs offline with these tools.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
want_browser=false
[ "${1:-}" = "--browser" ] && want_browser=true

say() { echo "setup: $*"; }

# Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The standard library's source: the shipped build compiles `std` for the page, optimised for
# size (scripts/release_env.sh).
if ! rustup component list --installed | grep -q '^rust-src'; then
  say "adding the rust-src component"
  rustup component add rust-src
fi

# The standard library's own dependencies (compiler-builtins and others). Trunk runs Cargo
# offline (Trunk.toml), and nothing else fetches them, so on a fresh machine the shipped build
# would stop with "no matching package named ..." without this.
std_library="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if ! RUSTC_BOOTSTRAP=1 cargo fetch --offline --locked --manifest-path "$std_library" >/dev/null 2>&1; then
  say "fetching the standard library's dependencies"
  RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path "$std_library"
fi

# Trunk (0.22 needs a newer rustc than this toolchain).
if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# wasm-bindgen-cli at exactly the version Cargo.lock resolves for the wasm-bindgen crate.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  echo "setup: Cargo.lock names no wasm-bindgen version; run 'cargo generate-lockfile'" >&2
  exit 1
fi
if ! grep -q "wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
  echo "setup: Trunk.toml pins a wasm_bindgen other than $bindgen_version (Cargo.lock); make them equal" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $bindgen_version"; then
  say "installing wasm-bindgen-cli $bindgen_version"
  # Without --locked: its lockfile names a crate version the registry no longer serves.
  cargo install --force wasm-bindgen-cli --version "$bindgen_version"
fi

# wasm-opt from the npm binaryen package, in a project-local folder (Debian's 108 breaks the page).
if ! .tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
fi

# axe-core, injected into the page by the end-to-end accessibility checks.
AXE_VERSION=4.14.1
if $want_browser && ! grep -qs "\"version\": \"$AXE_VERSION\"" .tools/node_modules/axe-core/package.json; then
  say "installing axe-core $AXE_VERSION into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --loglevel=error "axe-core@$AXE_VERSION"
fi

# Chromium and its driver for the browser and end-to-end tests.
if $want_browser && ! { command -v chromium >/dev/null && command -v chromedriver >/dev/null; }; then
  say "installing chromium and chromium-driver from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q -o DPkg::Lock::Timeout=900 chromium chromium-driver
fi
