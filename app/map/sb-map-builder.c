/* sb-map-builder.c
 *
 * The measures the parts of the layout share while it is built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-map-builder"

#include "config.h"

#include "sb-map-builder.h"

void
_sb_map_measure (SbMapBuilder *builder,
                 SbMapFont     font,
                 const char   *text,
                 double       *width,
                 double       *height)
{
  PangoRectangle extents;

  sb_map_layout_set_font (builder->text, font);
  pango_layout_set_text (builder->text, text, -1);
  pango_layout_get_pixel_extents (builder->text, NULL, &extents);
  *width = extents.width;
  *height = extents.height;
}

double
_sb_map_overlap_area (GArray                *boxes,
                      const graphene_rect_t *box)
{
  const graphene_rect_t *rects = (const graphene_rect_t *) (gpointer) boxes->data;
  double total = 0;

  for (guint i = 0; i < boxes->len; i++)
    total += sb_map_rect_overlap (&rects[i], box);

  return total;
}

void
_sb_map_add_obstacle (SbMapBuilder *builder,
                      double        x,
                      double        y,
                      double        width,
                      double        height)
{
  graphene_rect_t box = GRAPHENE_RECT_INIT (x, y, width, height);

  g_array_append_val (builder->obstacles, box);
}
