/* sb-tile-image.h
 *
 * Tile images decoded with a limit on their size, and enlarged past the
 * highest zoom a tile source has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* A tile is 256 or 512 pixels a side; anything much larger is not one. */
#define SB_TILE_IMAGE_MAX_SIDE 2048

GdkPixbuf *sb_tile_image_decode  (GBytes   *image,
                                  GError  **error);
GBytes    *sb_tile_image_enlarge (GBytes   *image,
                                  guint     levels,
                                  guint     sub_x,
                                  guint     sub_y,
                                  GError  **error);

G_END_DECLS
