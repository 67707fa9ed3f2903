#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to PublicAPI.Unshipped.txt,
# and removes the ones reported as gone (RS0017). Review the diff: it is the public API change.
# Usage: build/update-public-api.sh [PROJECT_DIR]   (default src/UpStats.Time; the adapters track theirs too)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-src/UpStats.Time}
proj="$dir/$(basename "$dir").csproj"
file="$dir/PublicAPI.Unshipped.txt"
out=$(dotnet build "$proj" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 || true)
added=$(printf '%s\n' "$out" | grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared)" | sort -u || true)
removed=$(printf '%s\n' "$out" | grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared)" | sort -u || true)
{
  echo '#nullable enable'
  { grep -v '^#nullable enable' "$file" || true; printf '%s\n' "$added"; } | grep -v '^$' |
    grep -vxF -f <(printf '%s\n' "${removed:-__none__}") | LC_ALL=C sort -u
} > "$file.tmp"
mv "$file.tmp" "$file"
echo "public API: $(printf '%s\n' "$added" | grep -c . || true) added, $(printf '%s\n' "$removed" | grep -c . || true) removed"
