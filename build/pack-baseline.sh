#!/usr/bin/env bash
# At a major release: packs the library packages into build/baseline/, the packages every later pack is validated
# against (Directory.Build.targets). Run on the release commit, after build/ship-public-api.sh; commit the result.
# Usage: build/pack-baseline.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/baseline
rm -rf "$out" && mkdir -p "$out"
for project in src/UpStats.Time/UpStats.Time.csproj src/UpStats.Time.DuckDB/UpStats.Time.DuckDB.csproj src/UpStats.Time.Arrow/UpStats.Time.Arrow.csproj; do
  # The package being made is the baseline: nothing to compare it with yet.
  dotnet pack "$project" -c Release -o "$out" -p:DisablePackageBaselineValidation=true -p:IncludeSymbols=false
done
ls "$out"
