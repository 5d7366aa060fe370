/* sb-scale-corner.c
 *
 * Which corner of the map its scale goes in. The layout keeps names out
 * from under the scale, but a town whose dot is under it can only be
 * named under it too: the scale moves to the top corner on the map's
 * start side instead, while one is there, and back to the bottom after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-scale-corner"

#include "config.h"

#include "sb-mentioned-places.h"
#include "sb-projection.h"
#include "sb-scale-corner.h"

#define N_CORNERS 2

/* How many towns the briefing names have their dot under the scale in
 * @corner, or so near it that their name has no room beside it.
 */
static guint
count_covered (GPtrArray          *towns,
               const SbProjection *projection,
               double              width,
               double              height,
               double              scale_width,
               double              scale_height,
               double              name_height,
               SbScaleCorner       corner,
               gboolean            rtl)
{
  double x = rtl ? width - scale_width : 0;
  double y = corner == SB_SCALE_CORNER_BOTTOM_START ? height - scale_height : 0;
  guint covered = 0;

  for (guint i = 0; i < towns->len; i++)
    {
      const SbBasemapFeature *town = g_ptr_array_index (towns, i);
      double town_x, town_y;

      sb_projection_unit_to_widget (projection, town->label_x, town->label_y, &town_x, &town_y);
      /* (A town beyond the map's edge is not named.) */
      if (town_x < 0 || town_x > width || town_y < 0 || town_y > height)
        continue;
      if (town_x >= x - name_height / 2 && town_x <= x + scale_width + name_height / 2 &&
          town_y >= y - name_height && town_y <= y + scale_height + name_height)
        {
          g_debug ("%s at %.0f, %.0f under the scale at %.0f, %.0f", town->name, town_x, town_y, x, y);
          covered++;
        }
    }

  return covered;
}

/**
 * sb_scale_corner_choose:
 * @briefing: (nullable): the briefing shown
 * @width: the map's width, in pixels
 * @height: the map's height
 * @scale_width: the scale's width, in pixels
 * @scale_height: the scale's height
 * @name_height: a town's name's height as the map draws it
 * @current: where the scale is
 *
 * Returns: the corner the scale should be in: the bottom one unless it
 *   covers a town the briefing names and the top one fewer; @current
 *   when the two cover as many
 */
SbScaleCorner
sb_scale_corner_choose (SbBriefing      *briefing,
                        ShumateViewport *viewport,
                        double           width,
                        double           height,
                        double           scale_width,
                        double           scale_height,
                        double           name_height,
                        SbScaleCorner    current)
{
  GPtrArray *towns;
  SbProjection projection;
  guint counts[N_CORNERS];
  SbScaleCorner best = current;
  gboolean rtl = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), current);

  if (briefing == NULL || width <= 0 || height <= 0 || scale_width <= 0 || scale_height <= 0)
    return current;

  towns = sb_mentioned_places_get (briefing);
  sb_projection_init (&projection, viewport, width, height);
  for (guint c = 0; c < N_CORNERS; c++)
    counts[c] = count_covered (towns, &projection, width, height, scale_width, scale_height, name_height, c, rtl);

  if (counts[SB_SCALE_CORNER_BOTTOM_START] == 0)
    return SB_SCALE_CORNER_BOTTOM_START;

  for (guint c = 0; c < N_CORNERS; c++)
    if (counts[c] < counts[best])
      best = c;

  return best;
}
