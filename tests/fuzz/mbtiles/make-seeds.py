#!/usr/bin/env python3
# Writes the seed corpus of fuzz-mbtiles: small MBTiles files of every
# layout the reader meets (tables, a deduplicating view, TMS and XYZ rows,
# metadata full, partial and missing, vector and unknown formats) and
# hostile ones (an endless view, a huge blob, a trigger, wrong columns).
# Pages of 512 bytes keep them small; run it to make them again.
#
#   tests/fuzz/mbtiles/make-seeds.py tests/fuzz/mbtiles/corpus

import os
import sqlite3
import sys
import zlib
import struct

def png(r, g, b, size=4):
    raw = b''.join(b'\x00' + bytes([r, g, b]) * size for _ in range(size))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))

def make(path, script, tiles=(), metadata=(), view=False, extra=''):
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute('PRAGMA page_size = 512')
    db.executescript(script)
    for name, value in metadata:
        db.execute('INSERT INTO metadata VALUES (?, ?)', (name, value))
    for z, x, y, data in tiles:
        if view:
            db.execute('INSERT INTO images VALUES (?, ?)', (data, f'{z}/{x}/{y}'))
            db.execute('INSERT INTO map VALUES (?, ?, ?, ?)', (z, x, y, f'{z}/{x}/{y}'))
        else:
            db.execute('INSERT INTO tiles VALUES (?, ?, ?, ?)', (z, x, y, data))
    db.executescript(extra)
    db.commit()
    db.execute('VACUUM')
    db.close()

TABLES = '''CREATE TABLE metadata (name text, value text);
CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob);
CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);'''
VIEW = '''CREATE TABLE metadata (name text, value text);
CREATE TABLE map (zoom_level integer, tile_column integer, tile_row integer, tile_id text);
CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);
CREATE TABLE images (tile_data blob, tile_id text);
CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,
  map.tile_row AS tile_row, images.tile_data AS tile_data FROM map JOIN images ON images.tile_id = map.tile_id;'''
FULL = [('name', 'Sahel & <b>tiles</b>'), ('format', 'png'), ('minzoom', '0'), ('maxzoom', '2'),
        ('bounds', '-20.5,5,25.25,25'), ('attribution', '<a href="x">© Test</a> &amp; co'), ('scheme', 'tms')]
TILES = [(0, 0, 0, png(255, 0, 0)), (1, 0, 0, png(0, 255, 0)), (1, 1, 1, png(0, 0, 255)), (2, 3, 0, png(9, 9, 9))]

def main(out):
    os.makedirs(out, exist_ok=True)
    p = lambda name: os.path.join(out, name)
    make(p('tables.mbtiles'), TABLES, TILES, FULL)
    make(p('view.mbtiles'), VIEW, TILES, FULL, view=True)
    make(p('xyz-14.mbtiles'), TABLES, TILES, [('format', 'jpeg'), ('scheme', 'xyz'), ('minzoom', '3'), ('maxzoom', '14.0')])
    make(p('no-metadata.mbtiles'), TABLES.split(';', 1)[1], TILES)
    make(p('vector.mbtiles'), TABLES, [(0, 0, 0, b'\x1f\x8b' + b'\x00' * 20)], [('format', 'pbf')])
    make(p('unknown-format.mbtiles'), TABLES, [(0, 0, 0, b'GIF89a....')], [])
    make(p('bad-metadata.mbtiles'), TABLES, TILES,
         [('minzoom', '-3'), ('maxzoom', '99'), ('bounds', '1,2,3')],
         extra="INSERT INTO metadata VALUES ('name', CAST(x'ff41fe' AS TEXT)), ('attribution', CAST(x'c3' AS TEXT));")
    make(p('endless-view.mbtiles'), '''CREATE TABLE metadata (name text, value text);
CREATE VIEW tiles AS WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r)
  SELECT 0 AS zoom_level, 0 AS tile_column, 0 AS tile_row, x'89504e47' AS tile_data FROM r WHERE i < 0;''', (), [('format', 'png')])
    make(p('huge-blob.mbtiles'), '''CREATE TABLE metadata (name text, value text);
CREATE VIEW tiles AS SELECT 0 AS zoom_level, 0 AS tile_column, 0 AS tile_row, zeroblob(50000000) AS tile_data;''')
    make(p('wrong-columns.mbtiles'), 'CREATE TABLE tiles (z integer, x integer, y integer, data blob);', ())
    make(p('trigger.mbtiles'), TABLES + '''
CREATE TABLE log (x);
CREATE TRIGGER t AFTER INSERT ON tiles BEGIN INSERT INTO log VALUES (1); END;''', TILES, FULL)

if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), 'corpus'))
