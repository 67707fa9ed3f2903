#!/usr/bin/env bash
# Packs the library and the upstats-time tool into a folder (default artifacts/packages), as the README's
# "Getting it" and CI use it: UpStats.Time, the tool's pointer package, its framework-dependent build for every
# platform ("any") and, on linux-x64, its Native AOT build (needs a C toolchain: gcc or clang, and zlib); and the
# embedding adapters UpStats.Time.DuckDB and UpStats.Time.Arrow.
# Usage: build/pack.sh [FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-artifacts/packages}")
mkdir -p "$out"
dotnet pack src/UpStats.Time/UpStats.Time.csproj -c Release -o "$out"
dotnet pack src/UpStats.Time.DuckDB/UpStats.Time.DuckDB.csproj -c Release -o "$out"
dotnet pack src/UpStats.Time.Arrow/UpStats.Time.Arrow.csproj -c Release -o "$out"
dotnet pack src/UpStats.Time.Cli/UpStats.Time.Cli.csproj -c Release -o "$out"
dotnet pack src/UpStats.Time.Cli/UpStats.Time.Cli.csproj -c Release -r any -o "$out"
if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  dotnet pack src/UpStats.Time.Cli/UpStats.Time.Cli.csproj -c Release -r linux-x64 -o "$out"
fi
ls "$out"
