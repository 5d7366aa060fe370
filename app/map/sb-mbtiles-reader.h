/* sb-mbtiles-reader.h
 *
 * An MBTiles file (an SQLite database) read as a file from anyone may
 * be: checked when opened, every query held to a time budget, and the
 * database's schema not trusted to run anything but plain views. GLib
 * and SQLite only, so that it can be fuzzed on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest tile read; a larger one is refused by SQLite itself. */
#define SB_MBTILES_MAX_TILE_SIZE (4 * 1024 * 1024)
#define SB_MBTILES_MAX_ZOOM 30

typedef struct _SbMbtilesReader SbMbtilesReader;

SbMbtilesReader *sb_mbtiles_reader_open            (GFile            *file,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
SbMbtilesReader *sb_mbtiles_reader_open_image      (GBytes           *image,
                                                    const char       *display_name,
                                                    GError          **error);
SbMbtilesReader *sb_mbtiles_reader_ref             (SbMbtilesReader  *self);
void             sb_mbtiles_reader_unref           (SbMbtilesReader  *self);
const char      *sb_mbtiles_reader_get_display_name (SbMbtilesReader *self);
const char      *sb_mbtiles_reader_get_name        (SbMbtilesReader  *self);
const char      *sb_mbtiles_reader_get_format      (SbMbtilesReader  *self);
const char      *sb_mbtiles_reader_get_attribution (SbMbtilesReader  *self);
guint            sb_mbtiles_reader_get_min_zoom    (SbMbtilesReader  *self);
guint            sb_mbtiles_reader_get_max_zoom    (SbMbtilesReader  *self);
gboolean         sb_mbtiles_reader_get_bounds      (SbMbtilesReader  *self,
                                                    double            bounds[4]);
GBytes          *sb_mbtiles_reader_read_tile       (SbMbtilesReader  *self,
                                                    int               zoom,
                                                    int               x,
                                                    int               y,
                                                    GError          **error);

void             sb_mbtiles_reader_set_query_budget_for_testing (guint milliseconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbMbtilesReader, sb_mbtiles_reader_unref)

G_END_DECLS
