#!/usr/bin/env bash
# Builds the app in release mode and serves it on http://127.0.0.1:8080/ (installs what is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
echo "serve: building; the app will be at http://127.0.0.1:${PORT:-8080}/"
source scripts/release_env.sh
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}"
