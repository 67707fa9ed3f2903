#!/usr/bin/env python3
"""The original UpStats migration's algorithm, as its author wrote it, to compare `migrate` against.

Python 3 and its standard library only (sqlite3, zlib, json, re, datetime). For every chunk of raw rows
of odesk_debug_req (in id order): skip a duplicate (empty data), zlib.decompress the payload, json.loads
it, and for each job convert date_created with a regular expression plus datetime.strptime into UTC epoch
seconds; then one INSERT per job with ON CONFLICT(job_id) DO NOTHING (the first raw row carrying a job
wins), one commit per chunk. A value that does not convert is stored as NULL with the reason.

It reads the lake's SQLite file and writes its jobs table into a separate SQLite file (--out), so the
lake itself is never touched and both programs can run on the same store:

    python3 samples/UpStats.Lake/baseline/original_migration.py --db /tmp/lake.db --out /tmp/original.db
    python3 samples/UpStats.Lake/baseline/original_migration.py --db /tmp/lake.db --out /tmp/original.db --compare

--compare then checks the result against the lake's own jobs table (after `migrate`): same job ids, same
raw ids, same epoch seconds, and NULL exactly where `migrate` stored an error.
"""
import argparse
import calendar
import json
import os
import re
import sqlite3
import sys
import time
import zlib
from datetime import datetime

# yyyy-MM-dd, 'T' (or 't' or a space), HH:mm:ss, an optional fraction, then Z or +hh, +hhmm, +hh:mm.
TIMESTAMP = re.compile(
    r'^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$')


def to_epoch_seconds(text):
    """(epoch seconds, None) or (None, reason) for one date_created value."""
    if not isinstance(text, str):
        return None, 'date_created is %s, not a string' % type(text).__name__
    match = TIMESTAMP.match(text)
    if match is None:
        return None, 'does not match yyyy-MM-ddTHH:mm:ss[.f]+hhmm'
    day, clock, _fraction, zulu, sign, hours, minutes = match.groups()
    try:
        local = datetime.strptime(day + 'T' + clock, '%Y-%m-%dT%H:%M:%S')
    except ValueError as error:
        return None, str(error)
    offset = 0
    if not zulu:
        offset_hours, offset_minutes = int(hours), int(minutes or 0)
        if offset_minutes > 59 or offset_hours * 60 + offset_minutes > 18 * 60:
            return None, 'offset out of range'
        offset = (offset_hours * 60 + offset_minutes) * (-1 if sign == '-' else 1)
    return calendar.timegm(local.timetuple()) - offset * 60, None


def migrate(source, target, chunk):
    target.execute('CREATE TABLE IF NOT EXISTS jobs(job_id TEXT PRIMARY KEY, raw_id INTEGER NOT NULL, '
                   'date_created INTEGER, error TEXT) WITHOUT ROWID')
    target.commit()
    last_id, raw_rows, jobs = 0, 0, 0
    while True:
        rows = source.execute('SELECT id, data FROM odesk_debug_req WHERE id > ? ORDER BY id LIMIT ?',
                              (last_id, chunk)).fetchall()
        if not rows:
            return raw_rows, jobs
        for raw_id, data in rows:
            raw_rows += 1
            if not data:
                continue  # a duplicate response: its jobs came with its first copy
            response = json.loads(zlib.decompress(data))
            for job in response['jobs']:
                if 'date_created' in job:
                    epoch, error = to_epoch_seconds(job['date_created'])
                else:
                    epoch, error = None, 'date_created is missing'
                target.execute('INSERT INTO jobs(job_id, raw_id, date_created, error) VALUES (?, ?, ?, ?) '
                               'ON CONFLICT(job_id) DO NOTHING', (job['id'], raw_id, epoch, error))
                jobs += 1
        target.commit()
        last_id = rows[-1][0]


def compare(lake_path, out_path):
    """Rows where the two tables differ (epoch seconds, raw id, or NULL-ness of date_created)."""
    lake = sqlite3.connect(lake_path)
    lake.execute('ATTACH DATABASE ? AS original', (out_path,))
    missing = lake.execute('SELECT COUNT(*) FROM jobs j LEFT JOIN original.jobs o ON o.job_id = j.job_id '
                           'WHERE o.job_id IS NULL').fetchone()[0]
    extra = lake.execute('SELECT COUNT(*) FROM original.jobs o LEFT JOIN jobs j ON j.job_id = o.job_id '
                         'WHERE j.job_id IS NULL').fetchone()[0]
    different = lake.execute('SELECT COUNT(*) FROM jobs j JOIN original.jobs o ON o.job_id = j.job_id '
                             'WHERE o.raw_id IS NOT j.raw_id OR o.date_created IS NOT j.date_created').fetchone()[0]
    total = lake.execute('SELECT COUNT(*) FROM jobs').fetchone()[0]
    return total, missing, extra, different


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--db', required=True, help="the lake's SQLite file (read only)")
    parser.add_argument('--out', required=True, help='the SQLite file to write jobs into (replaced)')
    parser.add_argument('--chunk', type=int, default=2000, help='raw rows per chunk and commit (default 2000)')
    parser.add_argument('--compare', action='store_true', help="compare with the lake's jobs table afterwards")
    args = parser.parse_args()
    for suffix in ('', '-wal', '-shm', '-journal'):
        if os.path.exists(args.out + suffix):
            os.remove(args.out + suffix)
    source = sqlite3.connect('file:%s?mode=ro' % args.db, uri=True)
    target = sqlite3.connect(args.out)
    started = time.perf_counter()
    raw_rows, jobs = migrate(source, target, args.chunk)
    seconds = max(time.perf_counter() - started, 1e-9)
    print('original algorithm: %d raw rows, %d job values in %.2f s (%.0f raw rows/s)'
          % (raw_rows, jobs, seconds, raw_rows / seconds))
    if args.compare:
        total, missing, extra, different = compare(args.db, args.out)
        print('compared with the lake: %d jobs, %d missing, %d extra, %d different' % (total, missing, extra, different))
        return 0 if missing == extra == different == 0 else 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
