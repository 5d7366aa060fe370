/* sb-cluster-symbols.c
 *
 * Draws clustered incidents: bubbles sized by their count, and badges
 * with a count; both carry the badge of what one source only supports
 * when every incident they count is.
 *
 * The type colours follow Okabe and Ito's palette, told apart by most
 * colour-blind viewers; the count is drawn in white or near-black,
 * whichever reads better on the fill, with a halo so that it survives a
 * washed-out projector.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-cluster-symbols"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sb-cluster-symbols.h"
#include "sb-symbols.h"

double
sb_cluster_bubble_radius (guint count)
{
  /* 2 → 14 px, 100 → 19, 10,000 → 25, a million → 28: well within half
   * the cluster radius, so that neighbours do not touch.
   */
  return CLAMP (12.0 + 3.0 * log10 (MAX (count, 1)) + (count > 1 ? 1.0 : 0.0), 12.0, 28.0);
}

void
sb_incident_type_to_rgb (SbIncidentType  type,
                         double         *rgb)
{
  static const guint32 colours[SB_N_INCIDENT_TYPES] = {
    [SB_INCIDENT_TYPE_ATTACK] = 0xd55e00,        /* vermilion */
    [SB_INCIDENT_TYPE_CLASH] = 0xe69f00,         /* orange */
    [SB_INCIDENT_TYPE_COUP] = 0xcc79a7,          /* reddish purple */
    [SB_INCIDENT_TYPE_ARREST] = 0x0072b2,        /* blue */
    [SB_INCIDENT_TYPE_CIVILIAN_HARM] = 0x8c1c13, /* dark red */
    [SB_INCIDENT_TYPE_DISPLACEMENT] = 0x56b4e9,  /* sky blue */
    [SB_INCIDENT_TYPE_RESTRICTION] = 0x5f5f5f,   /* grey */
    [SB_INCIDENT_TYPE_AGREEMENT] = 0x009e73,     /* bluish green */
    [SB_INCIDENT_TYPE_ARRIVAL] = 0x3b3b98,       /* indigo */
    [SB_INCIDENT_TYPE_DEPARTURE] = 0x7b6fb0,     /* lavender */
    [SB_INCIDENT_TYPE_OTHER] = 0x7a7a7a,
  };

  sb_colour_to_rgb (colours[MIN (type, SB_N_INCIDENT_TYPES - 1)], rgb);
}

char *
sb_cluster_format_count (guint count)
{
  if (count < 1000)
    return g_strdup_printf ("%u", count);
  if (count < 10000)
    return g_strdup_printf ("%.1fk", floor (count / 100.0) / 10.0);
  if (count < 1000000)
    return g_strdup_printf ("%uk", count / 1000);
  return g_strdup_printf ("%.1fM", floor (count / 100000.0) / 10.0);
}

/* How far the halo round a count reaches beyond its glyphs. */
#define HALO 1.25

static void
paint_text (cairo_t     *cr,
            PangoLayout *layout,
            const char  *text,
            double       x,
            double       y,
            double       size,
            gboolean     light_text)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans Bold");
  PangoRectangle ink, logical;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, &ink, &logical);

  x -= logical.width / 2.0;
  y -= ink.y + ink.height / 2.0;

  if (sb_symbol_target_is_raster (cr))
    {
      /* The halo as the text shown eight times around itself, from
       * cairo's cache of glyph images: stroking the glyphs' outlines
       * costs six times as much, and a change of filters brings a
       * thousand new counts to draw in one frame.
       */
      cairo_push_group (cr);
      cairo_set_source_rgb (cr, light_text ? 0 : 1, light_text ? 0 : 1, light_text ? 0 : 1);
      for (guint i = 0; i < 8; i++)
        {
          cairo_move_to (cr, x + HALO * cos (i * G_PI / 4), y + HALO * sin (i * G_PI / 4));
          pango_cairo_show_layout (cr, layout);
        }
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, light_text ? 0.45 : 0.6);
    }
  else
    {
      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_width (cr, 2 * HALO);
      if (light_text)
        cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
      else
        cairo_set_source_rgba (cr, 1, 1, 1, 0.6);
      cairo_stroke (cr);
    }

  cairo_move_to (cr, x, y);
  if (light_text)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else
    cairo_set_source_rgb (cr, 0.06, 0.06, 0.06);
  pango_cairo_show_layout (cr, layout);
}

/**
 * sb_cluster_paint_bubble:
 *
 * Paints a cluster of @count incidents centred on (@x, @y).
 */
void
sb_cluster_paint_bubble (cairo_t        *cr,
                         PangoLayout    *layout,
                         double          x,
                         double          y,
                         guint           count,
                         SbIncidentType  dominant,
                         gboolean        dark)
{
  double radius = sb_cluster_bubble_radius (count);
  double rgb[3];
  double shade = CLAMP ((log10 (MAX (count, 1)) - 1.0) * 0.1, 0.0, 0.35);
  g_autofree char *text = sb_cluster_format_count (count);

  sb_incident_type_to_rgb (dominant, rgb);
  for (guint i = 0; i < 3; i++)
    rgb[i] *= 1.0 - shade;

  /* A soft ring says "many" even before the number is read. */
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius + 4, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.35);
  cairo_fill (cr);

  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 2);
  if (dark)
    cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.9);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
  cairo_stroke (cr);

  paint_text (cr, layout, text, x, y, CLAMP (radius * 0.78, 11.0, 18.0),
              sb_colour_luminance (rgb) < 0.4);
}

/**
 * sb_cluster_count_badge_width:
 *
 * Returns: how long the pill of sb_cluster_paint_count_badge() is
 */
double
sb_cluster_count_badge_width (guint count)
{
  g_autofree char *text = sb_cluster_format_count (count);

  return MAX (16, 7.5 * strlen (text) + 8);
}

/**
 * sb_cluster_paint_count_badge:
 *
 * Paints @count in a pill whose left end is at (@x, @y): the number of
 * incidents at one place, beside their symbol.
 */
void
sb_cluster_paint_count_badge (cairo_t     *cr,
                              PangoLayout *layout,
                              double       x,
                              double       y,
                              guint        count,
                              gboolean     dark)
{
  g_autofree char *text = sb_cluster_format_count (count);
  double height = 16, width = sb_cluster_count_badge_width (count);

  cairo_new_path (cr);
  cairo_arc (cr, x + height / 2, y, height / 2, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, x + width - height / 2, y, height / 2, -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
  if (dark)
    cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
  else
    cairo_set_source_rgb (cr, 0.13, 0.13, 0.13);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5);
  if (dark)
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_stroke (cr);

  paint_text (cr, layout, text, x + width / 2, y, 11.5, !dark);
}

/**
 * sb_cluster_paint_bubble_single_source:
 * @x: (in): the bubble's centre
 *
 * The badge of incidents one source only supports, on the upper right
 * of the rim of a bubble of sb_cluster_paint_bubble(), clear of its
 * count; within its soft ring's extent.
 */
void
sb_cluster_paint_bubble_single_source (cairo_t  *cr,
                                       double    x,
                                       double    y,
                                       guint     count,
                                       gboolean  dark)
{
  double along = (sb_cluster_bubble_radius (count) + 2) * G_SQRT2 / 2;

  sb_symbol_paint_single_source_badge (cr, x + along, y - along, SB_CLUSTER_SINGLE_SOURCE_RADIUS, dark);
}

/**
 * sb_cluster_paint_count_badge_single_source:
 * @x: (in): the left end of a count's pill, as given to
 *   sb_cluster_paint_count_badge()
 *
 * The badge of incidents one source only supports, over the right end of
 * the pill with their count, clear of its digits: it reaches
 * sb_cluster_count_badge_width() + 4 + %SB_CLUSTER_SINGLE_SOURCE_RADIUS
 * right of @x and 7 + %SB_CLUSTER_SINGLE_SOURCE_RADIUS above @y.
 */
void
sb_cluster_paint_count_badge_single_source (cairo_t  *cr,
                                            double    x,
                                            double    y,
                                            guint     count,
                                            gboolean  dark)
{
  sb_symbol_paint_single_source_badge (cr, x + sb_cluster_count_badge_width (count) + 4, y - 7,
                                       SB_CLUSTER_SINGLE_SOURCE_RADIUS, dark);
}
