#!/usr/bin/env python3
"""Inflates every payload of a binary COPY stream on stdin: the client's half of the PostgreSQL floor.

Reads PostgreSQL's binary COPY format (one bytea column: `COPY (SELECT data ...) TO STDOUT (FORMAT binary)`),
inflates each non-empty value with zlib and counts the bytes; nothing else. pg_floor.sh runs it behind psql,
so the server's read and this inflate run on different cores, as in a migration.
"""
import struct
import sys
import zlib


def main():
    stream = sys.stdin.buffer
    header = stream.read(19)
    if header[:11] != b'PGCOPY\n\xff\r\n\x00':
        print('not a binary COPY stream', file=sys.stderr)
        return 2
    extension = struct.unpack('!i', header[15:19])[0]
    stream.read(extension)
    rows, compressed, inflated = 0, 0, 0
    read = stream.read
    while True:
        fields = struct.unpack('!h', read(2))[0]
        if fields == -1:
            break
        length = struct.unpack('!i', read(4))[0]
        rows += 1
        if length > 0:
            data = read(length)
            compressed += length
            inflated += len(zlib.decompress(data))
    print('read + inflate: %d raw rows, %.1f MB of zlib into %.1f MB of JSON' % (rows, compressed / 1e6, inflated / 1e6))
    return 0


if __name__ == '__main__':
    sys.exit(main())
