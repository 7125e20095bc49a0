#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12.2.3, Debian's Chromium) on the release build in dist/, served
# on 127.0.0.1 the way a production host would (gzip, caching: scripts/static_server.mjs).
# Prints the performance, accessibility and best-practices scores and writes
# target/measurements/lighthouse.txt. A measurement, not a pass/fail check.
set -euo pipefail
cd "$(dirname "$0")/.."
LIGHTHOUSE_VERSION=12.2.3
if ! grep -qs "\"version\": \"$LIGHTHOUSE_VERSION\"" .tools/node_modules/lighthouse/package.json; then
  echo "lighthouse: installing lighthouse@$LIGHTHOUSE_VERSION into .tools/"
  npm install --prefix .tools --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION"
fi
[ -f dist/index.html ] || { echo "lighthouse: no dist/index.html; run 'trunk build --release' first" >&2; exit 1; }
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
node scripts/static_server.mjs dist "$port" > /dev/null &
server=$!
profile=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$profile"' EXIT
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
mkdir -p target/measurements
report=target/measurements/lighthouse.json
CHROME_PATH=/usr/bin/chromium .tools/node_modules/.bin/lighthouse "http://127.0.0.1:$port/" \
  --quiet --output=json --output-path="$report" \
  --only-categories=performance,accessibility,best-practices \
  --chrome-flags="--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir=$profile"
python3 - "$report" <<'PY' | tee target/measurements/lighthouse.txt
import json, sys
report = json.load(open(sys.argv[1]))
scores = {k: round(100 * v["score"]) for k, v in report["categories"].items()}
audits = report["audits"]
print("lighthouse: performance {performance}, accessibility {accessibility}, best practices {best-practices}".format(**scores)
      + " (FCP {}, LCP {}, TBT {}; Lighthouse {} default mobile throttling)".format(
          audits["first-contentful-paint"]["displayValue"], audits["largest-contentful-paint"]["displayValue"],
          audits["total-blocking-time"]["displayValue"], report["lighthouseVersion"]))
PY
