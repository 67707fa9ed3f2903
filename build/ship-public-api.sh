#!/usr/bin/env bash
# At a release: moves every symbol of each package's PublicAPI.Unshipped.txt into its PublicAPI.Shipped.txt (the
# PublicApiAnalyzers then treat them as released), leaving Unshipped empty for the next version's additions.
# Usage: build/ship-public-api.sh   (all packages under src/ that track their public API)
set -euo pipefail
cd "$(dirname "$0")/.."
for unshipped in src/*/PublicAPI.Unshipped.txt; do
  shipped="${unshipped%Unshipped.txt}Shipped.txt"
  if grep -q '^\*REMOVED\*' "$unshipped"; then
    echo "$unshipped lists removed symbols: a removal is a breaking change, not for a minor release" >&2
    exit 1
  fi
  {
    echo '#nullable enable'
    cat "$shipped" "$unshipped" | grep -v '^#nullable enable' | grep -v '^$' | LC_ALL=C sort -u
  } > "$shipped.tmp"
  mv "$shipped.tmp" "$shipped"
  echo '#nullable enable' > "$unshipped"
  echo "$shipped: $(grep -vc '^#nullable enable' "$shipped") symbols"
done
