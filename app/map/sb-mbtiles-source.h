/* sb-mbtiles-source.h
 *
 * Raster tiles from an MBTiles file (an SQLite database), for rooms with
 * no network: organisations hand out tile files for the region they brief
 * on. Vector tiles are refused when the file is opened, because libshumate
 * 1.0 cannot draw them. Past the file's highest zoom its tiles are
 * enlarged.
 */

#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define SB_TYPE_MBTILES_SOURCE (sb_mbtiles_source_get_type ())

G_DECLARE_FINAL_TYPE (SbMbtilesSource, sb_mbtiles_source, SB, MBTILES_SOURCE, ShumateDataSource)

SbMbtilesSource *sb_mbtiles_source_new             (GFile            *file,
                                                    GError          **error);
void             sb_mbtiles_source_new_async       (GFile            *file,
                                                    GCancellable     *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer          user_data);
SbMbtilesSource *sb_mbtiles_source_new_finish      (GAsyncResult     *result,
                                                    GError          **error);
GFile           *sb_mbtiles_source_get_file        (SbMbtilesSource  *self);
const char      *sb_mbtiles_source_get_name        (SbMbtilesSource  *self);
const char      *sb_mbtiles_source_get_format      (SbMbtilesSource  *self);
const char      *sb_mbtiles_source_get_attribution (SbMbtilesSource  *self);
guint            sb_mbtiles_source_get_min_zoom    (SbMbtilesSource  *self);
guint            sb_mbtiles_source_get_max_zoom    (SbMbtilesSource  *self);
gboolean         sb_mbtiles_source_get_bounds      (SbMbtilesSource  *self,
                                                    double           *west,
                                                    double           *south,
                                                    double           *east,
                                                    double           *north);

G_END_DECLS
