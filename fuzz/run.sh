#!/usr/bin/env bash
# Coverage-guided fuzzing of one text entry point with SharpFuzz + AFL++.
#   fuzz/run.sh TARGET SECONDS      e.g. fuzz/run.sh parse-utf8 1800
# Installs afl++ (Debian) and the sharpfuzz tool (.config/dotnet-tools.json) when missing, publishes the
# fuzz project, instruments the library (and the CLI for cli-args), runs afl-fuzz for SECONDS, then replays
# the seed corpus and everything AFL kept through the target (the oracle check) and prints a summary line.
# Exit 1 when AFL found a crash/hang or the replay found a mismatch; findings stay in fuzz/findings/TARGET.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh TARGET SECONDS}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS}
corpus="fuzz/corpus/$target"
[ -d "$corpus" ] || { echo "no seed corpus $corpus" >&2; exit 2; }

if ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi
dotnet tool restore >/dev/null

bin="fuzz/out/$target"
plain="fuzz/out/$target-plain"   # uninstrumented copy: instrumented code only runs under afl-fuzz
rm -rf "$bin" "$plain"
dotnet publish fuzz/UpStats.Time.Fuzz/UpStats.Time.Fuzz.csproj -c Release -o "$bin" -p:UseAppHost=false >/dev/null
cp -r "$bin" "$plain"
dotnet tool run sharpfuzz "$bin/UpStats.Time.dll" >/dev/null
if [ "$target" = cli-args ]; then dotnet tool run sharpfuzz "$bin/upstats-time.dll" >/dev/null; fi

out="fuzz/findings/$target"
rm -rf "$out"; mkdir -p "$out"
# Not a terminal, no core dumps wanted, shared cores: tell AFL++ to accept all that.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1
afl-fuzz -i "$corpus" -o "$out" -V "$seconds" -t 10000 -m none -- dotnet "$bin/UpStats.Time.Fuzz.dll" "$target" > "$out/afl.log" 2>&1 || {
  echo "afl-fuzz failed; see $out/afl.log" >&2; tail -20 "$out/afl.log" >&2; exit 1; }

stats="$out/default/fuzzer_stats"
execs=$(sed -n 's/^execs_done *: *//p' "$stats"); crashes=$(sed -n 's/^saved_crashes *: *//p' "$stats")
hangs=$(sed -n 's/^saved_hangs *: *//p' "$stats"); paths=$(sed -n 's/^corpus_count *: *//p' "$stats")
replay=0
for dir in "$corpus" "$out/default/queue" "$out/default/crashes"; do
  [ -d "$dir" ] && { dotnet "$plain/UpStats.Time.Fuzz.dll" "$target" --replay "$dir" || replay=1; }
done
echo "fuzz $target: ${seconds}s, ${execs:-0} executions, ${paths:-0} corpus entries, ${crashes:-0} crashes, ${hangs:-0} hangs, replay $([ $replay = 0 ] && echo clean || echo FAILED)"
[ "${crashes:-0}" = 0 ] && [ "${hangs:-0}" = 0 ] && [ $replay = 0 ]
