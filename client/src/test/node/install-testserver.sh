#!/usr/bin/env bash
# Installs the pinned AutoRest test server (package.json + package-lock.json beside this script) into the
# directory given as $1 with `npm ci`, for the client's LRO conformance suite. Run by Maven before the tests.
# Without node/npm it says so and exits 0: the suite then skips itself with the same reason.
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dest=${1:?usage: install-testserver.sh <target-dir>}
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "asyncops: node/npm not found on PATH; the AutoRest LRO conformance suite will be skipped." >&2
  exit 0
fi
mkdir -p "$dest"
cp "$src/package.json" "$src/package-lock.json" "$dest/"
if [ -f "$dest/node_modules/.package-lock.json" ] && cmp -s "$src/package-lock.json" "$dest/.installed-lock.json"; then
  echo "asyncops: AutoRest test server already installed in $dest (same lock file)."
  exit 0
fi
echo "asyncops: installing the AutoRest test server into $dest (npm ci)..."
cd "$dest"
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json .installed-lock.json
