#!/usr/bin/env bash
# The floor of a migration on PostgreSQL: only the work no migration can skip, on both cores at once.
#   1. the server reads every payload in id order and sends it (psql's binary COPY TO STDOUT), while
#   2. the client inflates each one (pg_inflate_stream.py, zlib), and meanwhile
#   3. the migrated table is written once into an empty table and keyed (binary COPY, then the primary key),
#      from a file exported beforehand from a lake that `migrate` already migrated (not timed).
# No JSON, no date parsing, no staging, no first-of-id merge. Prints the wall time of all three together.
# Usage: pg_floor.sh "host=127.0.0.1 port=55432 user=postgres dbname=lake"   (a migrated lake)
set -eu
conn=$1
here=$(cd "$(dirname "$0")" && pwd)
WORK=${WORK:-/tmp/lake-round}
mkdir -p "$WORK"
PY=${PYTHON:-$([ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)}
psql "$conn" -q -c "\copy (SELECT job_id, raw_id, date_created, error FROM jobs) TO '$WORK/jobs.copy' (FORMAT binary)"
psql "$conn" -q -c "SET client_min_messages = warning" -c "DROP TABLE IF EXISTS jobs_floor" -c "CREATE TABLE jobs_floor(job_id TEXT NOT NULL, raw_id bigint NOT NULL, date_created bigint, error TEXT)"
sync
started=$(date +%s%N)
psql "$conn" -q -c "\copy (SELECT data FROM odesk_debug_req ORDER BY id) TO STDOUT (FORMAT binary)" | "$PY" "$here/pg_inflate_stream.py" &
reader=$!
psql "$conn" -q -1 -c "\copy jobs_floor FROM '$WORK/jobs.copy' (FORMAT binary)" -c "ALTER TABLE jobs_floor ADD PRIMARY KEY (job_id)"
written=$(date +%s%N)
wait $reader
finished=$(date +%s%N)
psql "$conn" -q -c "DROP TABLE jobs_floor"
echo "PostgreSQL floor: $(( (finished - started) / 1000000 )) ms (the table written and keyed after $(( (written - started) / 1000000 )) ms)"
