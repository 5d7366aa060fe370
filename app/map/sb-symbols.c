/* sb-symbols.c
 *
 * The map's symbols drawn with cairo: a shape per actor kind, a glyph per
 * incident type, a line style per certainty.
 *
 * Shape carries meaning as well as colour, so that the map reads for
 * colour-blind viewers and on a washed-out projector: the actor's kind is
 * the symbol's outline, the incident's type its glyph, the certainty the
 * outline's dash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-symbols"

#include "config.h"

#include <math.h>

#include "sb-symbols.h"

void
sb_colour_to_rgb (guint32  colour,
                  double  *rgb)
{
  rgb[0] = ((colour >> 16) & 0xff) / 255.0;
  rgb[1] = ((colour >> 8) & 0xff) / 255.0;
  rgb[2] = (colour & 0xff) / 255.0;
}

/* Relative luminance as WCAG defines it. */
double
sb_colour_luminance (const double *rgb)
{
  double linear[3];

  for (guint i = 0; i < 3; i++)
    linear[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
}

static void
trace_polygon (cairo_t *cr,
               double   x,
               double   y,
               double   radius,
               guint    sides,
               double   rotation)
{
  for (guint i = 0; i < sides; i++)
    {
      double angle = rotation + 2 * G_PI * i / sides;

      if (i == 0)
        cairo_move_to (cr, x + radius * cos (angle), y + radius * sin (angle));
      else
        cairo_line_to (cr, x + radius * cos (angle), y + radius * sin (angle));
    }
  cairo_close_path (cr);
}

/**
 * sb_symbol_trace_actor_kind:
 *
 * Adds the shape of @kind to the path: a circle for national forces, a
 * square for foreign forces, a diamond for private military companies, a
 * triangle for armed groups, a hexagon for international missions and a
 * pentagon for governments. The shapes have about the same area at the
 * same radius.
 */
void
sb_symbol_trace_actor_kind (cairo_t     *cr,
                            SbActorKind  kind,
                            double       x,
                            double       y,
                            double       radius)
{
  cairo_new_sub_path (cr);

  switch (kind)
    {
    case SB_ACTOR_KIND_NATIONAL_FORCES:
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;
    case SB_ACTOR_KIND_FOREIGN_FORCES:
      cairo_rectangle (cr, x - radius * 0.89, y - radius * 0.89, radius * 1.78, radius * 1.78);
      break;
    case SB_ACTOR_KIND_PRIVATE_MILITARY:
      trace_polygon (cr, x, y, radius * 1.22, 4, -G_PI / 2);
      break;
    case SB_ACTOR_KIND_ARMED_GROUP:
      trace_polygon (cr, x, y + radius * 0.2, radius * 1.35, 3, -G_PI / 2);
      break;
    case SB_ACTOR_KIND_INTERNATIONAL_MISSION:
      trace_polygon (cr, x, y, radius * 1.08, 6, 0);
      break;
    case SB_ACTOR_KIND_GOVERNMENT:
    default:
      trace_polygon (cr, x, y, radius * 1.12, 5, -G_PI / 2);
      break;
    }
}

/**
 * sb_symbol_set_certainty_dash:
 *
 * Sets the dash that says how certain a statement is: solid when reported
 * or claimed, dotted when estimated, dashed when feared or projected, and
 * long-dashed when unclear.
 */
void
sb_symbol_set_certainty_dash (cairo_t     *cr,
                              SbCertainty  certainty,
                              double       width)
{
  double dotted[] = { width * 0.1, width * 1.9 };
  double dashed[] = { width * 2.5, width * 1.6 };
  double long_dashed[] = { width * 4.0, width * 2.0 };

  switch (certainty)
    {
    case SB_CERTAINTY_ESTIMATED:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dotted, 2, 0);
      break;
    case SB_CERTAINTY_FEARED:
    case SB_CERTAINTY_PROJECTED:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, dashed, 2, 0);
      break;
    case SB_CERTAINTY_UNCLEAR:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, long_dashed, 2, 0);
      break;
    case SB_CERTAINTY_REPORTED:
    case SB_CERTAINTY_CLAIMED:
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

/**
 * sb_symbol_set_ink:
 *
 * Sets the colour of text and fine lines over the map: near black, or
 * near white on a dark map.
 */
void
sb_symbol_set_ink (cairo_t  *cr,
                   gboolean  dark,
                   double    alpha)
{
  if (dark)
    cairo_set_source_rgba (cr, 0.92, 0.92, 0.92, alpha);
  else
    cairo_set_source_rgba (cr, 0.12, 0.12, 0.12, alpha);
}

/**
 * sb_symbol_paint_single_source_badge:
 * @x: (in): the badge's centre
 * @radius: the badge's radius
 *
 * A "1" in a ring: what one independent source only supports.
 */
void
sb_symbol_paint_single_source_badge (cairo_t  *cr,
                                     double    x,
                                     double    y,
                                     double    radius,
                                     gboolean  dark)
{
  double r = radius;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  if (dark)
    cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, MAX (r * 0.22, 0.8));
  sb_symbol_set_ink (cr, dark, 1.0);
  cairo_stroke (cr);

  /* The "1": a stem and its flag. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x - r * 0.3, y - r * 0.3);
  cairo_line_to (cr, x + r * 0.05, y - r * 0.55);
  cairo_line_to (cr, x + r * 0.05, y + r * 0.55);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * sb_symbol_paint_single_source:
 * @x: (in): the symbol's centre
 * @radius: the symbol's radius
 *
 * The badge of sb_symbol_paint_single_source_badge() at the symbol's
 * upper right, for a statement only one independent source supports.
 */
void
sb_symbol_paint_single_source (cairo_t  *cr,
                               double    x,
                               double    y,
                               double    radius,
                               gboolean  dark)
{
  sb_symbol_paint_single_source_badge (cr, x + radius * 0.85, y - radius * 0.85, MAX (radius * 0.55, 4.5), dark);
}

/**
 * sb_symbol_paint_selection:
 *
 * Fills and outlines the current path in the selection's colours, and
 * clears it.
 */
void
sb_symbol_paint_selection (cairo_t  *cr,
                           double    alpha,
                           double    line_width,
                           gboolean  dark)
{
  cairo_set_source_rgba (cr, 1.0, 0.84, 0.0, alpha);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, line_width);
  if (dark)
    cairo_set_source_rgb (cr, 1.0, 0.9, 0.3);
  else
    cairo_set_source_rgb (cr, 0.55, 0.35, 0.0);
  cairo_stroke (cr);
}

/**
 * sb_symbol_fill_card:
 *
 * Sets @cr's source to the colour of a card's box: what a faded card
 * lies on, so that it fades without letting what is beneath show through.
 */
void
sb_symbol_fill_card (cairo_t  *cr,
                     gboolean  dark)
{
  if (dark)
    cairo_set_source_rgb (cr, 0.13, 0.13, 0.14);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
}

/**
 * sb_symbol_paint_card:
 *
 * Paints the card the map groups statements known only to a country or
 * region on: a light box (dark on a dark map) with a fine outline, for
 * the current path, which it clears. Opaque: a name beneath it would
 * show through and read as part of it.
 */
void
sb_symbol_paint_card (cairo_t  *cr,
                      gboolean  dark)
{
  sb_symbol_fill_card (cr, dark);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.2);
  sb_symbol_set_ink (cr, dark, 0.55);
  cairo_stroke (cr);
}

static void
paint_selection (cairo_t *cr,
                 double   x,
                 double   y,
                 double   radius,
                 gboolean dark)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius * SB_SYMBOL_RING_SCALE + SB_SYMBOL_RING_GAP, 0, 2 * G_PI);
  sb_symbol_paint_selection (cr, 0.45, 2.5, dark);
}

/* A halo so symbols read on any background, then the certainty outline. */
static void
stroke_outline (cairo_t             *cr,
                const SbSymbolStyle *style,
                double               width)
{
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Dots and dashes twice as heavy: fine ones blur into a solid line at
   * the back of a room (a screenshot shrunk to a quarter shows it).
   */
  if (style->certainty != SB_CERTAINTY_REPORTED && style->certainty != SB_CERTAINTY_CLAIMED)
    width *= 2;

  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, width + 2.5);
  if (style->dark)
    cairo_set_source_rgba (cr, 0.0, 0.0, 0.0, 0.85);
  else
    cairo_set_source_rgba (cr, 1.0, 1.0, 1.0, 0.95);
  cairo_stroke_preserve (cr);

  sb_symbol_set_certainty_dash (cr, style->certainty, width);
  cairo_set_line_width (cr, width);
  cairo_set_source_rgb (cr, style->rgb[0] * 0.55, style->rgb[1] * 0.55, style->rgb[2] * 0.55);
  if (style->hollow)
    cairo_set_source_rgb (cr, style->rgb[0], style->rgb[1], style->rgb[2]);
  cairo_stroke_preserve (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Claims get a second, outer ring: someone says so. */
static void
paint_claim_ring (cairo_t             *cr,
                  const SbSymbolStyle *style,
                  double               x,
                  double               y,
                  double               radius)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgb (cr, style->rgb[0] * 0.5, style->rgb[1] * 0.5, style->rgb[2] * 0.5);
  cairo_stroke (cr);
}

static void
paint_question_mark (cairo_t *cr,
                     double   x,
                     double   y,
                     double   radius)
{
  cairo_save (cr);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, radius * 1.5);
  cairo_move_to (cr, x + radius * 0.55, y - radius * 0.45);
  cairo_text_path (cr, "?");
  cairo_set_line_width (cr, 3);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * sb_symbol_get_extent:
 *
 * Returns: how far from its centre a symbol of @radius may draw, with
 *   its halo, its claim's ring and mark
 */
double
sb_symbol_get_extent (double radius)
{
  return radius * 2.5 + 8;
}

/* A group is as large as the clip: without one, a symbol drawn straight
 * onto a layer's texture would be faded through an image of its size.
 */
static void
clip_to_symbol (cairo_t *cr,
                double   x,
                double   y,
                double   radius)
{
  double extent = sb_symbol_get_extent (radius);

  cairo_rectangle (cr, x - extent, y - extent, 2 * extent, 2 * extent);
  cairo_clip (cr);
}

void
sb_symbol_paint_deployment (cairo_t             *cr,
                            SbActorKind          kind,
                            const SbSymbolStyle *style,
                            double               x,
                            double               y,
                            double               radius)
{
  double alpha = style->dimmed ? 0.35 : 1.0;

  cairo_save (cr);
  clip_to_symbol (cr, x, y, radius);
  cairo_push_group (cr);

  if (style->selected)
    paint_selection (cr, x, y, radius, style->dark);

  if (style->certainty == SB_CERTAINTY_CLAIMED)
    paint_claim_ring (cr, style, x, y, radius * 1.45 + 3);

  cairo_new_path (cr);
  sb_symbol_trace_actor_kind (cr, kind, x, y, radius);

  if (!style->hollow)
    {
      cairo_set_source_rgb (cr, style->rgb[0], style->rgb[1], style->rgb[2]);
      cairo_fill_preserve (cr);
    }
  else
    {
      cairo_set_source_rgba (cr, 1.0, 1.0, 1.0, style->dark ? 0.15 : 0.7);
      cairo_fill_preserve (cr);
    }

  /* Arriving or departing: half full. */
  if (style->half)
    {
      cairo_save (cr);
      cairo_clip_preserve (cr);
      cairo_rectangle (cr, x - radius * 2, y - radius * 2, radius * 4, radius * 2);
      cairo_set_source_rgba (cr, 1.0, 1.0, 1.0, 0.75);
      cairo_fill (cr);
      cairo_restore (cr);
      sb_symbol_trace_actor_kind (cr, kind, x, y, radius);
    }

  stroke_outline (cr, style, 2.0);
  cairo_new_path (cr);

  if (style->struck)
    {
      cairo_move_to (cr, x - radius, y + radius);
      cairo_line_to (cr, x + radius, y - radius);
      cairo_set_line_width (cr, 2.0);
      cairo_set_source_rgb (cr, style->rgb[0] * 0.55, style->rgb[1] * 0.55, style->rgb[2] * 0.55);
      cairo_stroke (cr);
    }

  if (style->certainty == SB_CERTAINTY_UNCLEAR)
    paint_question_mark (cr, x, y, radius);

  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, alpha);
  cairo_restore (cr);
}

/* Glyphs are drawn in a box of side 2 around the origin. */
static void
trace_glyph (cairo_t        *cr,
             SbIncidentType  type)
{
  switch (type)
    {
    case SB_INCIDENT_TYPE_ATTACK:
      /* A burst */
      for (guint i = 0; i < 16; i++)
        {
          double angle = G_PI * i / 8 - G_PI / 2;
          double r = i % 2 ? 0.42 : 0.95;

          if (i == 0)
            cairo_move_to (cr, r * cos (angle), r * sin (angle));
          else
            cairo_line_to (cr, r * cos (angle), r * sin (angle));
        }
      cairo_close_path (cr);
      break;

    case SB_INCIDENT_TYPE_CLASH:
      /* Crossed swords */
      cairo_move_to (cr, -0.8, -0.8);
      cairo_line_to (cr, 0.8, 0.8);
      cairo_move_to (cr, 0.8, -0.8);
      cairo_line_to (cr, -0.8, 0.8);
      break;

    case SB_INCIDENT_TYPE_COUP:
      /* A flag on a pole */
      cairo_move_to (cr, -0.6, 0.9);
      cairo_line_to (cr, -0.6, -0.9);
      cairo_line_to (cr, 0.8, -0.55);
      cairo_line_to (cr, -0.6, -0.15);
      break;

    case SB_INCIDENT_TYPE_ARREST:
      /* Bars, with room between them to stay bars when small */
      for (guint i = 0; i < 3; i++)
        {
          cairo_move_to (cr, -0.6 + 0.6 * i, -0.8);
          cairo_line_to (cr, -0.6 + 0.6 * i, 0.8);
        }
      break;

    case SB_INCIDENT_TYPE_CIVILIAN_HARM:
      /* A person */
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, -0.55, 0.32, 0, 2 * G_PI);
      cairo_move_to (cr, -0.7, 0.9);
      cairo_curve_to (cr, -0.7, -0.1, 0.7, -0.1, 0.7, 0.9);
      cairo_close_path (cr);
      break;

    case SB_INCIDENT_TYPE_DISPLACEMENT:
      /* Two arrows leaving */
      cairo_move_to (cr, -0.9, -0.35);
      cairo_line_to (cr, 0.5, -0.35);
      cairo_move_to (cr, 0.2, -0.7);
      cairo_line_to (cr, 0.6, -0.35);
      cairo_line_to (cr, 0.2, 0.0);
      cairo_move_to (cr, -0.6, 0.45);
      cairo_line_to (cr, 0.8, 0.45);
      cairo_move_to (cr, 0.5, 0.1);
      cairo_line_to (cr, 0.9, 0.45);
      cairo_line_to (cr, 0.5, 0.8);
      break;

    case SB_INCIDENT_TYPE_RESTRICTION:
      /* No entry */
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, 0.8, 0, 2 * G_PI);
      cairo_move_to (cr, -0.56, 0.56);
      cairo_line_to (cr, 0.56, -0.56);
      break;

    case SB_INCIDENT_TYPE_AGREEMENT:
      /* Linked rings */
      cairo_new_sub_path (cr);
      cairo_arc (cr, -0.32, 0, 0.5, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0.32, 0, 0.5, 0, 2 * G_PI);
      break;

    case SB_INCIDENT_TYPE_ARRIVAL:
      /* Down onto a line, the head closed: small, its weight low tells
       * it from a departure's
       */
      cairo_move_to (cr, 0, -0.9);
      cairo_line_to (cr, 0, 0.1);
      cairo_move_to (cr, -0.4, 0.05);
      cairo_line_to (cr, 0, 0.45);
      cairo_line_to (cr, 0.4, 0.05);
      cairo_close_path (cr);
      cairo_move_to (cr, -0.8, 0.85);
      cairo_line_to (cr, 0.8, 0.85);
      break;

    case SB_INCIDENT_TYPE_DEPARTURE:
      /* Up from a line, the head closed and high */
      cairo_move_to (cr, 0, 0.85);
      cairo_line_to (cr, 0, -0.4);
      cairo_move_to (cr, -0.45, -0.4);
      cairo_line_to (cr, 0, -0.85);
      cairo_line_to (cr, 0.45, -0.4);
      cairo_close_path (cr);
      break;

    case SB_INCIDENT_TYPE_OTHER:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, 0.3, 0, 2 * G_PI);
      break;
    }
}

static gboolean
glyph_is_filled (SbIncidentType type)
{
  return type == SB_INCIDENT_TYPE_ATTACK ||
         type == SB_INCIDENT_TYPE_CIVILIAN_HARM ||
         type == SB_INCIDENT_TYPE_OTHER;
}

/**
 * sb_symbol_paint_incident:
 *
 * Paints an incident as a rounded badge in the colour of its first actor
 * with a white glyph for its type.
 */
void
sb_symbol_paint_incident (cairo_t             *cr,
                          SbIncidentType       type,
                          const SbSymbolStyle *style,
                          double               x,
                          double               y,
                          double               radius)
{
  double side = radius * 1.8;
  double corner = radius * 0.45;
  double alpha = style->dimmed ? 0.35 : 1.0;
  double luminance = sb_colour_luminance (style->rgb);

  cairo_save (cr);
  clip_to_symbol (cr, x, y, radius);
  cairo_push_group (cr);

  if (style->selected)
    paint_selection (cr, x, y, radius, style->dark);

  if (style->certainty == SB_CERTAINTY_CLAIMED)
    paint_claim_ring (cr, style, x, y, radius * 1.45 + 3);

  cairo_new_path (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + side / 2 - corner, y - side / 2 + corner, corner, -G_PI / 2, 0);
  cairo_arc (cr, x + side / 2 - corner, y + side / 2 - corner, corner, 0, G_PI / 2);
  cairo_arc (cr, x - side / 2 + corner, y + side / 2 - corner, corner, G_PI / 2, G_PI);
  cairo_arc (cr, x - side / 2 + corner, y - side / 2 + corner, corner, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);

  cairo_set_source_rgb (cr, style->rgb[0], style->rgb[1], style->rgb[2]);
  cairo_fill_preserve (cr);
  stroke_outline (cr, style, 1.8);
  cairo_new_path (cr);

  /* White on dark colours, near-black on light ones: AA contrast either way. */
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, radius * 0.68, radius * 0.68);
  trace_glyph (cr, type);
  cairo_restore (cr);

  if (luminance > 0.35)
    cairo_set_source_rgb (cr, 0.08, 0.08, 0.08);
  else
    cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);

  if (glyph_is_filled (type))
    cairo_fill (cr);
  else
    {
      cairo_set_line_width (cr, MAX (1.5, radius * 0.26));
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }

  if (style->certainty == SB_CERTAINTY_UNCLEAR)
    paint_question_mark (cr, x, y, radius);

  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, alpha);
  cairo_restore (cr);
}

void
sb_symbol_paint_arrow_head (cairo_t *cr,
                            double   x,
                            double   y,
                            double   angle,
                            double   size)
{
  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - size * cos (angle - 0.45), y - size * sin (angle - 0.45));
  cairo_line_to (cr, x - size * 0.7 * cos (angle), y - size * 0.7 * sin (angle));
  cairo_line_to (cr, x - size * cos (angle + 0.45), y - size * sin (angle + 0.45));
  cairo_close_path (cr);
}

/**
 * sb_symbol_paint_unknown_end:
 *
 * Paints the end of a movement the source does not give: a "?" in a ring
 * of the movement's colour, where a line would otherwise start or end.
 */
void
sb_symbol_paint_unknown_end (cairo_t      *cr,
                             double        x,
                             double        y,
                             double        radius,
                             const double *rgb,
                             double        alpha,
                             gboolean      dark)
{
  cairo_text_extents_t extents;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  if (dark)
    cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.9 * alpha);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.95 * alpha);
  cairo_fill_preserve (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, radius * 0.3);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
  cairo_stroke (cr);

  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, radius * 1.55);
  cairo_text_extents (cr, "?", &extents);
  cairo_move_to (cr, x - extents.x_bearing - extents.width / 2, y - extents.y_bearing - extents.height / 2);
  cairo_text_path (cr, "?");
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * sb_symbol_paint_hatch:
 *
 * Fills the clip with diagonal hatching: the map's sign for ground that is
 * uncertain or only at risk.
 */
void
sb_symbol_paint_hatch (cairo_t      *cr,
                       const double *rgb,
                       double        alpha,
                       double        spacing)
{
  double x1, y1, x2, y2;

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  cairo_new_path (cr);

  for (double d = x1 - (y2 - y1); d < x2; d += spacing)
    {
      cairo_move_to (cr, d, y2);
      cairo_line_to (cr, d + (y2 - y1), y1);
    }

  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, spacing * 0.28);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
  cairo_stroke (cr);
}

/* The side of a soft disc drawn once, then scaled; how many looks kept. */
#define SOFT_DISC_SIZE 256
#define SOFT_DISCS_KEPT 64

G_LOCK_DEFINE_STATIC (soft_discs);
static GHashTable *soft_discs;  /* of a look's description to its cairo_surface_t */

static cairo_pattern_t *
soft_gradient (double        x,
               double        y,
               double        radius,
               const double *rgb,
               guint         n_stops,
               const double *offsets,
               const double *alphas)
{
  cairo_pattern_t *gradient = cairo_pattern_create_radial (x, y, 0, x, y, radius);

  for (guint i = 0; i < n_stops; i++)
    cairo_pattern_add_color_stop_rgba (gradient, offsets[i], rgb[0], rgb[1], rgb[2], alphas[i]);

  return gradient;
}

static cairo_surface_t *
soft_disc (const double *rgb,
           guint         n_stops,
           const double *offsets,
           const double *alphas)
{
  g_autoptr(GString) key = g_string_new (NULL);
  cairo_surface_t *surface;

  g_string_append_printf (key, "%a %a %a", rgb[0], rgb[1], rgb[2]);
  for (guint i = 0; i < n_stops; i++)
    g_string_append_printf (key, " %a:%a", offsets[i], alphas[i]);

  G_LOCK (soft_discs);
  if (soft_discs == NULL)
    soft_discs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cairo_surface_destroy);

  surface = g_hash_table_lookup (soft_discs, key->str);
  if (surface == NULL)
    {
      double half = SOFT_DISC_SIZE / 2.0;
      cairo_pattern_t *gradient = soft_gradient (half, half, half, rgb, n_stops, offsets, alphas);
      cairo_t *cr;

      /* Few looks: actors' colours, incidents' types. */
      if (g_hash_table_size (soft_discs) >= SOFT_DISCS_KEPT)
        g_hash_table_remove_all (soft_discs);

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SOFT_DISC_SIZE, SOFT_DISC_SIZE);
      cr = cairo_create (surface);
      cairo_set_source (cr, gradient);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_pattern_destroy (gradient);
      g_hash_table_insert (soft_discs, g_string_free (g_steal_pointer (&key), FALSE), surface);
    }
  cairo_surface_reference (surface);
  G_UNLOCK (soft_discs);

  return surface;
}

static cairo_user_data_key_t raster_target_key;

/**
 * sb_symbol_mark_raster_target:
 * @surface: a recording surface
 *
 * Tells the symbols that @surface is recorded only to be played into an
 * image (a layer's texture drawn in a worker thread): they draw into it
 * as into that image, from images of themselves, not as into a PDF.
 */
void
sb_symbol_mark_raster_target (cairo_surface_t *surface)
{
  g_return_if_fail (surface != NULL);

  cairo_surface_set_user_data (surface, &raster_target_key, GINT_TO_POINTER (TRUE), NULL);
}

/**
 * sb_symbol_target_is_raster:
 *
 * Returns: whether @cr draws pixels in the end: into an image, or a
 *   recording surface marked by sb_symbol_mark_raster_target()
 */
gboolean
sb_symbol_target_is_raster (cairo_t *cr)
{
  cairo_surface_t *target;

  g_return_val_if_fail (cr != NULL, FALSE);

  target = cairo_get_target (cr);
  return cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_IMAGE ||
         cairo_surface_get_user_data (target, &raster_target_key) != NULL;
}

/**
 * sb_symbol_fill_soft_disc:
 * @offsets: (array length=n_stops): of the gradient's stops, 0 at the
 *   middle to 1 at the edge
 * @alphas: (array length=n_stops): of @rgb at each stop
 *
 * Fills the circle of @radius at (@x, @y) with a radial gradient of @rgb,
 * leaving the circle as the current path. Into an image, the gradient is
 * drawn once for each look and scaled: a radial gradient as large as a
 * region is at zoom 8 costs pixman several times more for each pixel
 * than a scaled image. Into a PDF, it stays a gradient.
 */
void
sb_symbol_fill_soft_disc (cairo_t      *cr,
                          double        x,
                          double        y,
                          double        radius,
                          const double *rgb,
                          guint         n_stops,
                          const double *offsets,
                          const double *alphas)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (n_stops > 0 && offsets != NULL && alphas != NULL);

  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);

  if (radius <= 0)
    return;

  cairo_save (cr);
  if (sb_symbol_target_is_raster (cr))
    {
      cairo_surface_t *disc = soft_disc (rgb, n_stops, offsets, alphas);

      cairo_clip_preserve (cr);
      cairo_translate (cr, x - radius, y - radius);
      cairo_scale (cr, 2 * radius / SOFT_DISC_SIZE, 2 * radius / SOFT_DISC_SIZE);
      cairo_set_source_surface (cr, disc, 0, 0);
      cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
      cairo_paint (cr);
      cairo_surface_destroy (disc);
    }
  else
    {
      cairo_pattern_t *gradient = soft_gradient (x, y, radius, rgb, n_stops, offsets, alphas);

      cairo_set_source (cr, gradient);
      cairo_fill_preserve (cr);
      cairo_pattern_destroy (gradient);
    }
  cairo_restore (cr);
}
