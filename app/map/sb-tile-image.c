/* sb-tile-image.c
 *
 * The loader says an image's size before it decodes a pixel: a "tile" of
 * 30,000 by 30,000 pixels is refused there, before it takes gigabytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-tile-image"

#include "config.h"

#include "sb-tile-image.h"

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gboolean        *too_large)
{
  if (width > SB_TILE_IMAGE_MAX_SIDE || height > SB_TILE_IMAGE_MAX_SIDE)
    {
      *too_large = TRUE;
      /* A size of nothing makes the loaders stop before they allocate. */
      gdk_pixbuf_loader_set_size (loader, 0, 0);
    }
}

/**
 * sb_tile_image_decode:
 *
 * Returns: (transfer full) (nullable): the image, or %NULL when it is not
 *   one or is larger than a tile can be
 */
GdkPixbuf *
sb_tile_image_decode (GBytes  *image,
                      GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  gboolean too_large = FALSE;
  gboolean ok;

  g_return_val_if_fail (image != NULL, NULL);

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &too_large);
  ok = gdk_pixbuf_loader_write_bytes (loader, image, error);
  /* Closed in every case, or the loader warns when it is finalized. */
  ok = gdk_pixbuf_loader_close (loader, ok ? error : NULL) && ok;

  if (too_large)
    {
      g_clear_error (error);
      g_set_error (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                   "The tile is larger than %d pixels a side", SB_TILE_IMAGE_MAX_SIDE);
      return NULL;
    }

  if (!ok || gdk_pixbuf_loader_get_pixbuf (loader) == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE, "The tile is not an image");
      return NULL;
    }

  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

/**
 * sb_tile_image_enlarge:
 * @levels: how many zoom levels past @image's the tile asked for is
 * @sub_x: the column of that tile among the 2^@levels under @image
 * @sub_y: its row
 *
 * Returns: (transfer full) (nullable): a PNG as large as @image of the
 *   part of it under the tile asked for
 */
GBytes *
sb_tile_image_enlarge (GBytes  *image,
                       guint    levels,
                       guint    sub_x,
                       guint    sub_y,
                       GError **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) part = NULL;
  g_autoptr(GdkPixbuf) enlarged = NULL;
  g_autofree char *buffer = NULL;
  gsize length = 0;
  int width, height, x0, x1, y0, y1;

  g_return_val_if_fail (image != NULL, NULL);
  g_return_val_if_fail (levels < 16 && sub_x < (1u << levels) && sub_y < (1u << levels), NULL);

  pixbuf = sb_tile_image_decode (image, error);
  if (pixbuf == NULL)
    return NULL;

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  x0 = (int) (((gint64) width * sub_x) >> levels);
  x1 = (int) (((gint64) width * (sub_x + 1)) >> levels);
  y0 = (int) (((gint64) height * sub_y) >> levels);
  y1 = (int) (((gint64) height * (sub_y + 1)) >> levels);

  if (x1 <= x0 || y1 <= y0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "A tile %u levels down is less than a pixel of this one", levels);
      return NULL;
    }

  part = gdk_pixbuf_new_subpixbuf (pixbuf, x0, y0, x1 - x0, y1 - y0);
  enlarged = gdk_pixbuf_scale_simple (part, width, height, GDK_INTERP_BILINEAR);
  if (enlarged == NULL
      || !gdk_pixbuf_save_to_buffer (enlarged, &buffer, &length, "png", error, "compression", "1", NULL))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}
