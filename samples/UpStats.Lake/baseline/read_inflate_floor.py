#!/usr/bin/env python3
"""The floor of any migration of the lake: read every raw row's payload and inflate it, nothing else.

No JSON, no parsing, no writes: what is left is SQLite's read of odesk_debug_req in id order and zlib
(both C code under Python; one core). A migration cannot beat this on one core, so `migrate`'s time divided
by this time says how much it adds on top of the unavoidable work.

    python3 samples/UpStats.Lake/baseline/read_inflate_floor.py --db /tmp/lake.db
"""
import argparse
import sqlite3
import sys
import time
import zlib


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--db', required=True, help="the lake's SQLite file (read only)")
    parser.add_argument('--chunk', type=int, default=2000, help='raw rows per read (default 2000)')
    args = parser.parse_args()
    source = sqlite3.connect('file:%s?mode=ro' % args.db, uri=True)
    started = time.perf_counter()
    last_id, raw_rows, compressed, inflated = 0, 0, 0, 0
    while True:
        rows = source.execute('SELECT id, data FROM odesk_debug_req WHERE id > ? ORDER BY id LIMIT ?',
                              (last_id, args.chunk)).fetchall()
        if not rows:
            break
        for _raw_id, data in rows:
            raw_rows += 1
            if data:
                compressed += len(data)
                inflated += len(zlib.decompress(data))
        last_id = rows[-1][0]
    seconds = max(time.perf_counter() - started, 1e-9)
    print('read + inflate: %d raw rows, %.1f MB of zlib into %.1f MB of JSON in %.2f s (%.0f raw rows/s)'
          % (raw_rows, compressed / 1e6, inflated / 1e6, seconds, raw_rows / seconds))
    return 0


if __name__ == '__main__':
    sys.exit(main())
