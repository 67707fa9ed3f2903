#!/usr/bin/env bash
# One round of the lake's performance table, side by side on the same stores: generate, the read + inflate
# floor, migrate (the Native AOT build, then the framework-dependent one) and (at 100k) the original
# algorithm on SQLite; generate, migrate and PostgreSQL's floor (pg_floor.sh) when UPSTATS_PG names a server
# (source .ci/postgres && pg_start). Stores go to $WORK (default /tmp/lake-round).
# Usage: samples/UpStats.Lake/baseline/round.sh [ROWS...]   (default: 100000 1000000)
# Needs a C toolchain for Native AOT (clang or gcc, and zlib1g-dev), as the tool's build does.
set -u
cd "$(dirname "$0")/../../.."
WORK=${WORK:-/tmp/lake-round}
mkdir -p "$WORK"
# The framework-dependent build (what `dotnet run` runs) and the Native AOT one (what a migration job would
# ship: no JIT at start, no compiler in the working set), compiled for this machine's instruction set.
dotnet build -c Release samples/UpStats.Lake -v q >/dev/null || exit 1
JIT=samples/UpStats.Lake/bin/Release/net10.0/UpStats.Lake
RID=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
dotnet publish -c Release -r "$RID" -p:IlcInstructionSet=native samples/UpStats.Lake -o "$WORK/aot" -v q >/dev/null ||
  { echo "round.sh: the Native AOT build failed; it needs clang (or gcc) and zlib1g-dev: apt-get install -y clang zlib1g-dev" >&2; exit 1; }
L=$WORK/aot/UpStats.Lake
# The Python programs run on the distribution's interpreter where there is one (here it ran both faster
# than pyenv's build, whose shim also adds 0.4 s of start-up), else on python3's own executable.
PY=${PYTHON:-$([ -x /usr/bin/python3 ] && echo /usr/bin/python3 || python3 -c 'import sys; print(sys.executable)')}
# /usr/bin/time's line goes to a file, so that the programs' own stderr can be dropped.
measure() { /usr/bin/time -o "$WORK/time.txt" -f "  -> %e s wall, %U + %S s CPU, max RSS %M KB" "$@"; local status=$?; cat "$WORK/time.txt" >&3; return $status; }
exec 3>&1
# Each timed run starts with nothing left to write back from the copy before it.
fresh_copy() { rm -f "$WORK/run.db"*; cp "$1" "$WORK/run.db"; sync; }
for n in "${@:-100000 1000000}"; do
  for rows in $n; do
    echo "== SQLite, $rows raw rows (load $(cut -d' ' -f1 /proc/loadavg))"
    rm -f "$WORK/s$rows.db"*
    measure $L generate --db "$WORK/s$rows.db" --rows "$rows"
    sync
    measure "$PY" samples/UpStats.Lake/baseline/read_inflate_floor.py --db "$WORK/s$rows.db"
    fresh_copy "$WORK/s$rows.db"
    echo "migrate (Native AOT)"
    measure $L migrate --db "$WORK/run.db" 2>/dev/null > "$WORK/out.txt"; grep -E "this run|^jobs" "$WORK/out.txt"
    fresh_copy "$WORK/s$rows.db"
    echo "migrate (framework-dependent)"
    measure $JIT migrate --db "$WORK/run.db" 2>/dev/null > "$WORK/out.txt"; grep -E "this run" "$WORK/out.txt"
    if [ "$rows" -le 100000 ]; then
      rm -f "$WORK/original.db"*
      measure "$PY" samples/UpStats.Lake/baseline/original_migration.py --db "$WORK/s$rows.db" --out "$WORK/original.db"
    fi
    if [ -n "${UPSTATS_PG:-}" ]; then
      echo "== PostgreSQL, $rows raw rows"
      pgconn="host=127.0.0.1 port=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$UPSTATS_PG") user=postgres dbname=postgres"
      psql "$pgconn" -q \
        -c "DROP DATABASE IF EXISTS lake_round" -c "CREATE DATABASE lake_round" 2>/dev/null
      pg="${UPSTATS_PG/Database=postgres/Database=lake_round}"
      measure $L generate --pg "$pg" --rows "$rows"
      measure $L migrate --pg "$pg" 2>/dev/null > "$WORK/out.txt"; grep -E "this run|^jobs" "$WORK/out.txt"
      # PostgreSQL's floor on the lake just migrated: its server read, the client's inflate and the final
      # table's write, together on both cores (see pg_floor.sh).
      samples/UpStats.Lake/baseline/pg_floor.sh "${pgconn/dbname=postgres/dbname=lake_round}" | tail -n 1
      # Dropped at once: otherwise autovacuum works through the new rows while the next size is measured.
      psql "$pgconn" -q -c "DROP DATABASE lake_round WITH (FORCE)"
    fi
  done
done
