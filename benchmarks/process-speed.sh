#!/usr/bin/env bash
# Whole-process speed of `upstats-time parse --to epoch` against a plain DateTimeOffset.ParseExact program on the
# same 1M lines, and the tool's start-up (`--version`), framework-dependent and Native AOT, with hyperfine
# (apt-get install hyperfine): alternating runs, medians. Writes benchmarks/results/process-speed.md.
# Usage: benchmarks/process-speed.sh [RUNS]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { apt-get update && apt-get install -y hyperfine; }

dotnet build benchmarks/ProcessBaseline -c Release -o "$work/baseline" >/dev/null
dotnet build src/UpStats.Time.Cli -c Release -o "$work/tool" >/dev/null
if [ -n "${UPSTATS_AOT_DIR:-}" ]; then mkdir -p "$work/aot" && cp "$UPSTATS_AOT_DIR/upstats-time" "$work/aot/"; # reuse a published build
else dotnet publish src/UpStats.Time.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" >/dev/null; fi

# 1M UpStats-style lines, seeded: offsets +0100, Z-free forms with ±hhmm, a few zones' offsets.
python3 - "$work/lines.txt" <<'PY'
import random, sys, time
random.seed(1)
with open(sys.argv[1], 'w') as f:
    for _ in range(1_000_000):
        t = 1_400_000_000 + random.randrange(0, 300_000_000)
        off = random.choice([60, 0, -300, 330, 120])
        sign = '+' if off >= 0 else '-'
        f.write(time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(t + off * 60)) + f"{sign}{abs(off)//60:02d}{abs(off)%60:02d}\n")
PY
# Same output, byte for byte, before anything is timed.
cmp <(dotnet "$work/baseline/ProcessBaseline.dll" < "$work/lines.txt") <("$work/aot/upstats-time" parse --to epoch < "$work/lines.txt")
cmp <(dotnet "$work/tool/upstats-time.dll" parse --to epoch < "$work/lines.txt") <("$work/aot/upstats-time" parse --to epoch < "$work/lines.txt")

out=benchmarks/results/process-speed.md
# (Debian's hyperfine has no --input: each command redirects itself, the same shell cost for all.)
hyperfine --runs "$runs" --warmup 1 --export-markdown "$work/parse.md" \
  -n "DateTimeOffset.ParseExact program" "dotnet $work/baseline/ProcessBaseline.dll < $work/lines.txt > /dev/null" \
  -n "upstats-time (framework-dependent)" "dotnet $work/tool/upstats-time.dll parse --to epoch < $work/lines.txt > /dev/null" \
  -n "upstats-time (Native AOT)" "$work/aot/upstats-time parse --to epoch < $work/lines.txt > /dev/null"
hyperfine --runs "$((runs * 3))" --warmup 2 --export-markdown "$work/version.md" \
  -n "upstats-time --version (framework-dependent)" "dotnet $work/tool/upstats-time.dll --version > /dev/null" \
  -n "upstats-time --version (Native AOT)" "$work/aot/upstats-time --version > /dev/null" \
  -n "an empty shell command (the floor)" "true"
{
  echo "# Whole-process speed: \`upstats-time parse --to epoch\` over 1M lines"
  echo
  echo "Measured $(date -u +%Y-%m-%d) with benchmarks/process-speed.sh ($runs alternating runs, hyperfine; medians are what to read)."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load before the run: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "## 1M lines, epoch seconds out (same bytes from all three)"
  echo
  cat "$work/parse.md"
  echo
  echo "## Start-up"
  echo
  cat "$work/version.md"
} > "$out"
cat "$out"
