#!/usr/bin/env bash
# One round of the lake's performance table, side by side on the same stores: generate, the read + inflate
# floor, migrate and (at 100k) the original algorithm on SQLite; generate and migrate on PostgreSQL when
# UPSTATS_PG names a server (source .ci/postgres && pg_start). Stores go to $WORK (default /tmp/lake-round).
# Usage: samples/UpStats.Lake/baseline/round.sh [ROWS...]   (default: 100000 1000000)
set -u
cd "$(dirname "$0")/../../.."
dotnet build -c Release samples/UpStats.Lake -v q >/dev/null || exit 1
L=samples/UpStats.Lake/bin/Release/net10.0/UpStats.Lake
WORK=${WORK:-/tmp/lake-round}
mkdir -p "$WORK"
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
    measure python3 samples/UpStats.Lake/baseline/read_inflate_floor.py --db "$WORK/s$rows.db"
    fresh_copy "$WORK/s$rows.db"
    measure $L migrate --db "$WORK/run.db" 2>/dev/null > "$WORK/out.txt"; grep -E "this run|^jobs" "$WORK/out.txt"
    if [ "$rows" -le 100000 ]; then
      rm -f "$WORK/original.db"*
      measure python3 samples/UpStats.Lake/baseline/original_migration.py --db "$WORK/s$rows.db" --out "$WORK/original.db"
    fi
    if [ -n "${UPSTATS_PG:-}" ]; then
      echo "== PostgreSQL, $rows raw rows"
      psql "host=127.0.0.1 port=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$UPSTATS_PG") user=postgres dbname=postgres" -q \
        -c "DROP DATABASE IF EXISTS lake_round" -c "CREATE DATABASE lake_round" 2>/dev/null
      pg="${UPSTATS_PG/Database=postgres/Database=lake_round}"
      measure $L generate --pg "$pg" --rows "$rows"
      measure $L migrate --pg "$pg" 2>/dev/null > "$WORK/out.txt"; grep -E "this run|^jobs" "$WORK/out.txt"
    fi
  done
done
