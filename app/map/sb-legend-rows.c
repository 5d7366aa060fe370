/* sb-legend-rows.c
 *
 * What a legend says, and its samples: the same rows for the map's
 * legend, the presentation's compact one and every export, so that each
 * explains every way of drawing in use, as the map draws it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-legend-rows"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "sb-change-layer.h"
#include "sb-cluster-symbols.h"
#include "sb-format.h"
#include "sb-incident-clusters.h"
#include "sb-legend-rows.h"
#include "sb-symbols.h"

/* The size samples are designed at; others are scaled from it. */
#define SAMPLE_HEIGHT 22.0

static const double neutral[3] = { 0.36, 0.42, 0.50 };

/* What is in use, to be explained. */
typedef struct
{
  gboolean kinds[SB_N_ACTOR_KINDS];
  GPtrArray *actors;       /* of SbActor, in the briefing's order */
  gboolean statuses[SB_DEPLOYMENT_STATUS_PLANNED + 1];
  gboolean movements[3];   /* solid, dashed, known at one end only */
  gboolean types[SB_N_INCIDENT_TYPES];
  gboolean certainties[SB_N_CERTAINTIES];
  gboolean areas[2];       /* plain, hatched */
  gboolean precisions[SB_PLACE_PRECISION_COUNTRY + 1];
  gboolean region_counts;
  gboolean single_source;  /* badged: one independent source only */
} Use;

/* The same rules the layers draw by. */
static gboolean
movement_is_dashed (SbItem *item)
{
  SbCertainty certainty = sb_item_get_certainty (item);

  return certainty == SB_CERTAINTY_FEARED || certainty == SB_CERTAINTY_PROJECTED ||
         sb_item_get_movement_status (item) == SB_MOVEMENT_STATUS_PLANNED;
}

static gboolean
area_is_hatched (SbItem *item)
{
  SbCertainty certainty = sb_item_get_certainty (item);

  return certainty == SB_CERTAINTY_FEARED || certainty == SB_CERTAINTY_PROJECTED ||
         certainty == SB_CERTAINTY_UNCLEAR || sb_item_get_area_kind (item) == SB_AREA_KIND_RISK;
}

static void
collect_use (Use           *use,
             SbSelection   *selection,
             SbLegendFlags  flags)
{
  SbBriefing *briefing = sb_selection_get_briefing (selection);
  GListModel *items = sb_briefing_get_all_items (briefing);
  GListModel *actors = sb_briefing_get_actors (briefing);
  g_autoptr(GHashTable) coloured = g_hash_table_new (NULL, NULL);
  GPtrArray *highlighted = sb_selection_get_highlighted (selection);
  /* On a projector, what the step is about: its highlighted statements. */
  gboolean focus = (flags & SB_LEGEND_COMPACT) && highlighted != NULL && highlighted->len > 0;
  /* The map badges statements one source supports only when others have more. */
  gboolean corroborates = sb_briefing_has_independent_sources (briefing);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);
      SbPlace *places[] = { sb_item_get_place (item), sb_item_get_origin (item) };
      SbActor *actor = sb_item_get_n_actors (item) > 0 ? sb_item_get_actor (item, 0) : NULL;

      if ((flags & SB_LEGEND_SHOWN) && !sb_selection_item_is_visible (selection, item))
        continue;
      if (focus && !sb_selection_is_highlighted (selection, item))
        continue;

      /* The first actor gives a statement its colour and shape. */
      if (actor != NULL)
        {
          g_hash_table_add (coloured, actor);
          if (sb_item_get_kind (item) == SB_ITEM_KIND_DEPLOYMENT)
            use->kinds[sb_actor_get_kind (actor)] = TRUE;
        }

      use->certainties[sb_item_get_certainty (item)] = TRUE;
      if (corroborates && sb_item_get_kind (item) != SB_ITEM_KIND_AREA && !use->single_source)
        use->single_source = sb_item_is_single_source (item);
      switch (sb_item_get_kind (item))
        {
        case SB_ITEM_KIND_DEPLOYMENT:
          use->statuses[(flags & SB_LEGEND_SHOWN) ? sb_filter_get_deployment_status (sb_selection_get_filter (selection), item)
                                                  : sb_item_get_deployment_status (item)] = TRUE;
          break;
        case SB_ITEM_KIND_MOVEMENT:
          if (sb_item_get_origin (item) == NULL || sb_item_get_place (item) == NULL)
            use->movements[2] = TRUE;
          else
            use->movements[movement_is_dashed (item)] = TRUE;
          break;
        case SB_ITEM_KIND_INCIDENT:
          use->types[sb_item_get_incident_type (item)] = TRUE;
          break;
        case SB_ITEM_KIND_AREA:
        default:
          use->areas[area_is_hatched (item)] = TRUE;
          break;
        }

      for (guint p = 0; p < G_N_ELEMENTS (places); p++)
        if (places[p] != NULL)
          use->precisions[sb_place_get_precision (places[p])] = TRUE;
    }

  /* The window's legend names every kind of actor in the sidebar. */
  for (guint i = 0; !(flags & SB_LEGEND_SHOWN) && i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (actors, i);

      use->kinds[sb_actor_get_kind (actor)] = TRUE;
    }

  use->actors = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (actors, i);

      if (g_hash_table_contains (coloured, actor))
        g_ptr_array_add (use->actors, actor);
    }

  use->region_counts = use->precisions[SB_PLACE_PRECISION_REGION] && sb_incident_clusters_wanted (briefing);
}

static void
add_row (GArray         *rows,
         SbLegendSample  sample,
         int             value,
         const char     *label)
{
  SbLegendRow row = { sample, value, 0, g_strdup (label) };

  g_array_append_val (rows, row);
}

static void
add_heading (GArray        *rows,
             SbLegendFlags  flags,
             const char    *label)
{
  if (!(flags & SB_LEGEND_COMPACT))
    add_row (rows, SB_LEGEND_HEADING, 0, label);
}

static void
clear_row (SbLegendRow *row)
{
  g_free (row->label);
}

static const char *
status_label (SbDeploymentStatus status)
{
  switch (status)
    {
    case SB_DEPLOYMENT_STATUS_ARRIVING:
    case SB_DEPLOYMENT_STATUS_DEPARTING:
      return _("Arriving or departing");
    case SB_DEPLOYMENT_STATUS_DEPARTED:
      return _("Departed");
    case SB_DEPLOYMENT_STATUS_WITHDRAWN:
      return _("Withdrawn");
    case SB_DEPLOYMENT_STATUS_PLANNED:
      return _("Planned");
    case SB_DEPLOYMENT_STATUS_PRESENT:
    default:
      return NULL;
    }
}

/**
 * sb_legend_rows_new:
 *
 * Returns: (transfer full) (element-type SbLegendRow): the rows of a
 *   legend of what @selection's briefing uses, or (with
 *   %SB_LEGEND_SHOWN) of what the selection shows
 */
GArray *
sb_legend_rows_new (SbSelection   *selection,
                    SbLegendFlags  flags)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (SbLegendRow));
  gboolean compact = (flags & SB_LEGEND_COMPACT) != 0;
  gboolean short_labels = (flags & (SB_LEGEND_SHORT | SB_LEGEND_COMPACT)) != 0;
  Use use = { { FALSE, }, };
  gboolean any_deployment = FALSE;

  g_array_set_clear_func (rows, (GDestroyNotify) clear_row);
  g_return_val_if_fail (SB_IS_SELECTION (selection), rows);

  if (sb_selection_get_briefing (selection) == NULL)
    return rows;

  collect_use (&use, selection, flags);
  for (guint i = 0; i < G_N_ELEMENTS (use.statuses); i++)
    any_deployment |= use.statuses[i];

  if (flags & SB_LEGEND_ACTORS)
    {
      if (use.actors->len > 0)
        add_heading (rows, flags, _("Actors"));
      for (guint i = 0; i < use.actors->len; i++)
        {
          SbActor *actor = g_ptr_array_index (use.actors, i);
          SbLegendRow row = { SB_LEGEND_ACTOR, sb_actor_get_kind (actor), sb_actor_get_colour (actor),
                              g_strdup (sb_text_get (sb_actor_get_name (actor))) };

          g_array_append_val (rows, row);
        }
    }
  else
    {
      if (any_deployment || !(flags & SB_LEGEND_SHOWN))
        add_heading (rows, flags, _("Forces: colour of the actor, shape of its kind"));
      for (guint i = 0; i < SB_N_ACTOR_KINDS; i++)
        if (use.kinds[i])
          add_row (rows, SB_LEGEND_ACTOR_KIND, i, sb_format_actor_kind (i));
    }

  /* Departing and arriving share a look; departed and planned too. */
  use.statuses[SB_DEPLOYMENT_STATUS_ARRIVING] |= use.statuses[SB_DEPLOYMENT_STATUS_DEPARTING];
  use.statuses[SB_DEPLOYMENT_STATUS_DEPARTED] |= use.statuses[SB_DEPLOYMENT_STATUS_PLANNED];
  if (use.statuses[SB_DEPLOYMENT_STATUS_ARRIVING])
    add_row (rows, SB_LEGEND_STATUS, SB_DEPLOYMENT_STATUS_ARRIVING, status_label (SB_DEPLOYMENT_STATUS_ARRIVING));
  if (use.statuses[SB_DEPLOYMENT_STATUS_DEPARTED])
    add_row (rows, SB_LEGEND_STATUS, SB_DEPLOYMENT_STATUS_DEPARTED,
             use.statuses[SB_DEPLOYMENT_STATUS_PLANNED] ? _("Departed or planned") : status_label (SB_DEPLOYMENT_STATUS_DEPARTED));
  if (use.statuses[SB_DEPLOYMENT_STATUS_WITHDRAWN])
    add_row (rows, SB_LEGEND_STATUS, SB_DEPLOYMENT_STATUS_WITHDRAWN, status_label (SB_DEPLOYMENT_STATUS_WITHDRAWN));

  add_heading (rows, flags, _("Movements"));
  if (use.movements[0])
    add_row (rows, SB_LEGEND_MOVEMENT, 0, short_labels ? _("Movement") : _("Movement: from where to where"));
  if (use.movements[1])
    add_row (rows, SB_LEGEND_MOVEMENT, 1, short_labels ? _("Planned, feared or projected") : _("Movement planned, feared or projected"));
  if (use.movements[2])
    add_row (rows, SB_LEGEND_MOVEMENT, 2, short_labels ? _("Origin or destination unknown")
                                                       : _("Movement with its origin or destination unknown"));

  add_heading (rows, flags, _("Incidents"));
  for (guint i = 0; i < SB_N_INCIDENT_TYPES; i++)
    if (use.types[i])
      add_row (rows, SB_LEGEND_INCIDENT, i, sb_format_incident_type (i));

  /* Solid is how anything reported looks: a compact legend need not say so. */
  add_heading (rows, flags, _("How certain"));
  for (guint i = 0; i < SB_N_CERTAINTIES; i++)
    if (use.certainties[i] && !(compact && i == SB_CERTAINTY_REPORTED))
      add_row (rows, SB_LEGEND_CERTAINTY, i, sb_format_certainty (i));
  if (use.single_source)
    add_row (rows, SB_LEGEND_SINGLE_SOURCE, 0,
             short_labels ? _("One source only") : _("Supported by one independent source only"));

  add_heading (rows, flags, _("Where"));
  if (use.areas[0])
    add_row (rows, SB_LEGEND_AREA, 0, _("Area held or operated in"));
  if (use.areas[1])
    add_row (rows, SB_LEGEND_HATCHED_AREA, 0, _("Area at risk, feared or projected"));
  if (use.precisions[SB_PLACE_PRECISION_NEAR])
    add_row (rows, SB_LEGEND_NEAR, 0, short_labels ? _("Near a place") : _("Near a place: within the dotted ring"));
  if (use.precisions[SB_PLACE_PRECISION_COUNTRY])
    add_row (rows, SB_LEGEND_COUNTRY, 0,
             short_labels ? _("Known only to a country")
                     : _("Known only to a country: the country shaded, its statements on a card under its name"));
  if (use.precisions[SB_PLACE_PRECISION_REGION])
    add_row (rows, SB_LEGEND_REGION, 0,
             short_labels ? _("Known only to a region")
                     : _("Known only to a region: the region shaded, its statements on a card under its name"));
  if (use.region_counts)
    add_row (rows, SB_LEGEND_REGION_COUNT, 0,
             short_labels ? _("Incidents in a region") : _("Incidents known only to a region: a soft area with their number"));
  if (!compact)
    add_row (rows, SB_LEGEND_TOWN, 0, _("A town the briefing mentions"));

  /* A heading with nothing under it says nothing. */
  for (guint i = rows->len; i-- > 0;)
    if (g_array_index (rows, SbLegendRow, i).sample == SB_LEGEND_HEADING &&
        (i + 1 == rows->len || g_array_index (rows, SbLegendRow, i + 1).sample == SB_LEGEND_HEADING))
      g_array_remove_index (rows, i);

  g_ptr_array_unref (use.actors);
  return rows;
}

/**
 * sb_legend_rows_add_changes:
 *
 * Adds the rows that explain how the map marks the changes of a
 * comparison, after those of sb_legend_rows_new().
 */
void
sb_legend_rows_add_changes (GArray        *rows,
                            SbLegendFlags  flags)
{
  gboolean short_labels = (flags & (SB_LEGEND_SHORT | SB_LEGEND_COMPACT)) != 0;

  g_return_if_fail (rows != NULL);

  add_heading (rows, flags, _("Changes since the version compared with"));
  add_row (rows, SB_LEGEND_CHANGE, SB_CHANGE_ADDED, _("Added"));
  add_row (rows, SB_LEGEND_CHANGE, SB_CHANGE_CHANGED, _("Changed"));
  add_row (rows, SB_LEGEND_CHANGE, SB_CHANGE_REMOVED, short_labels ? _("Removed") : _("Removed: where it stood"));
}

static void
paint_soft_disc (cairo_t *cr,
                 double   x,
                 double   y,
                 double   radius)
{
  cairo_pattern_t *gradient = cairo_pattern_create_radial (x, y, 0, x, y, radius);

  cairo_pattern_add_color_stop_rgba (gradient, 0, neutral[0], neutral[1], neutral[2], 0.45);
  cairo_pattern_add_color_stop_rgba (gradient, 1, neutral[0], neutral[1], neutral[2], 0.0);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source (cr, gradient);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);
}

/* A card, as the map groups what is known only to a country or region. */
static void
paint_card (cairo_t  *cr,
            double    x,
            double    y,
            double    width,
            double    height,
            gboolean  dark)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, width, height);
  sb_symbol_paint_card (cr, dark);

  /* Its title, as a line. */
  cairo_rectangle (cr, x + 2, y + 2, width * 0.6, 1.5);
  sb_symbol_set_ink (cr, dark, 0.6);
  cairo_fill (cr);
}

/* A head into a place, from a "?": as the movement layer draws a
 * movement the source gives one end of.
 */
static void
paint_one_end (cairo_t *cr,
               double   width,
               double   cy)
{
  cairo_arc (cr, width - 4, cy + 1, 2.5, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, neutral[0], neutral[1], neutral[2]);
  cairo_fill (cr);
  sb_symbol_paint_arrow_head (cr, width - 8, cy + 1, 0, 12);
  cairo_fill (cr);
  sb_symbol_paint_unknown_end (cr, width - 27, cy + 1, 6, neutral, 1.0, FALSE);
}

static void
paint_arrow (cairo_t      *cr,
             double        width,
             double        cy,
             gboolean      dashed)
{
  cairo_move_to (cr, 3, cy + 4);
  cairo_curve_to (cr, width * 0.35, cy - 4, width * 0.6, cy - 4, width - 9, cy);
  if (dashed)
    {
      double dashes[] = { 6, 3.5 };

      cairo_set_dash (cr, dashes, 2, 0);
    }
  cairo_set_line_width (cr, 2.5);
  cairo_set_source_rgb (cr, neutral[0], neutral[1], neutral[2]);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  sb_symbol_paint_arrow_head (cr, width - 3, cy + 1.5, atan2 (1.5, 6), 10);
  cairo_fill (cr);
}

/**
 * sb_legend_paint_sample:
 *
 * Paints @row's sample into a box of @width × @height at the origin, as
 * the map draws it.
 */
void
sb_legend_paint_sample (cairo_t           *cr,
                        const SbLegendRow *row,
                        double             width,
                        double             height,
                        gboolean           dark)
{
  SbSymbolStyle style = { { neutral[0], neutral[1], neutral[2] }, SB_CERTAINTY_REPORTED, };
  double scale = height / SAMPLE_HEIGHT;
  double cx, cy;

  g_return_if_fail (row != NULL);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  width /= scale;
  height = SAMPLE_HEIGHT;
  cx = width / 2.0;
  cy = height / 2.0;
  style.dark = dark;

  switch (row->sample)
    {
    case SB_LEGEND_HEADING:
      break;

    case SB_LEGEND_ACTOR:
      sb_colour_to_rgb (row->colour, style.rgb);
      sb_symbol_paint_deployment (cr, row->value, &style, cx, cy, 7);
      break;

    case SB_LEGEND_ACTOR_KIND:
      sb_symbol_paint_deployment (cr, row->value, &style, cx, cy, 7);
      break;

    case SB_LEGEND_STATUS:
      style.half = row->value == SB_DEPLOYMENT_STATUS_ARRIVING || row->value == SB_DEPLOYMENT_STATUS_DEPARTING;
      style.hollow = row->value == SB_DEPLOYMENT_STATUS_DEPARTED || row->value == SB_DEPLOYMENT_STATUS_WITHDRAWN ||
                     row->value == SB_DEPLOYMENT_STATUS_PLANNED;
      style.struck = row->value == SB_DEPLOYMENT_STATUS_WITHDRAWN;
      sb_symbol_paint_deployment (cr, SB_ACTOR_KIND_NATIONAL_FORCES, &style, cx, cy, 7);
      break;

    case SB_LEGEND_MOVEMENT:
      if (row->value == 2)
        paint_one_end (cr, width, cy);
      else
        paint_arrow (cr, width, cy, row->value != 0);
      break;

    case SB_LEGEND_INCIDENT:
      sb_symbol_paint_incident (cr, row->value, &style, cx, cy, 8);
      break;

    case SB_LEGEND_CERTAINTY:
      style.certainty = row->value;
      cairo_move_to (cr, 3, cy + 5);
      cairo_line_to (cr, width - 16, cy + 5);
      sb_symbol_set_certainty_dash (cr, row->value, 2.5);
      cairo_set_line_width (cr, 2.5);
      cairo_set_source_rgb (cr, neutral[0], neutral[1], neutral[2]);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      sb_symbol_paint_deployment (cr, SB_ACTOR_KIND_NATIONAL_FORCES, &style, width - 9, cy - 2, 6);
      break;

    case SB_LEGEND_AREA:
    case SB_LEGEND_HATCHED_AREA:
      {
        double dashes[] = { 5, 3 };

        cairo_rectangle (cr, 3, 4, width - 6, height - 8);
        cairo_set_source_rgba (cr, neutral[0], neutral[1], neutral[2], 0.22);
        cairo_fill_preserve (cr);
        if (row->sample == SB_LEGEND_HATCHED_AREA)
          {
            cairo_save (cr);
            cairo_clip_preserve (cr);
            sb_symbol_paint_hatch (cr, neutral, 0.6, 6);
            cairo_restore (cr);
            cairo_rectangle (cr, 3, 4, width - 6, height - 8);
          }
        cairo_set_dash (cr, dashes, 2, 0);
        cairo_set_line_width (cr, 1.5);
        cairo_set_source_rgb (cr, neutral[0], neutral[1], neutral[2]);
        cairo_stroke (cr);
      }
      break;

    case SB_LEGEND_COUNTRY:
    case SB_LEGEND_REGION:
      /* The area, and a card with its name and a symbol on it. */
      if (row->sample == SB_LEGEND_COUNTRY)
        {
          double dashes[] = { 4, 3 };

          cairo_rectangle (cr, 2, 2, width - 4, height - 4);
          cairo_set_source_rgba (cr, neutral[0], neutral[1], neutral[2], 0.2);
          cairo_fill_preserve (cr);
          cairo_set_dash (cr, dashes, 2, 0);
          cairo_set_line_width (cr, 1.2);
          cairo_set_source_rgba (cr, neutral[0], neutral[1], neutral[2], 0.8);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        paint_soft_disc (cr, cx, cy, height / 2.0 + 2);
      paint_card (cr, cx - 9, cy - 7, 18, 14, dark);
      sb_symbol_paint_deployment (cr, SB_ACTOR_KIND_FOREIGN_FORCES, &style, cx, cy + 1, 4);
      break;

    case SB_LEGEND_NEAR:
      {
        double dots[] = { 1, 3 };

        cairo_arc (cr, cx, cy, height / 2.0 - 1, 0, 2 * G_PI);
        cairo_set_dash (cr, dots, 2, 0);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_line_width (cr, 1.5);
        cairo_set_source_rgb (cr, neutral[0], neutral[1], neutral[2]);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        sb_symbol_paint_deployment (cr, SB_ACTOR_KIND_FOREIGN_FORCES, &style, cx, cy, 5);
      }
      break;

    case SB_LEGEND_REGION_COUNT:
      paint_soft_disc (cr, cx, cy, height / 2.0 + 1);
      {
        g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);

        sb_cluster_paint_count_badge (cr, layout, cx - 8, cy, 12, dark);
      }
      break;

    case SB_LEGEND_SINGLE_SOURCE:
      sb_symbol_paint_incident (cr, SB_INCIDENT_TYPE_CLASH, &style, cx - 2, cy + 1, 6);
      sb_symbol_paint_single_source (cr, cx - 2, cy + 1, 6, dark);
      break;

    case SB_LEGEND_CHANGE:
      sb_symbol_paint_incident (cr, SB_INCIDENT_TYPE_CLASH, &style, cx, cy, 6);
      sb_change_mark_paint (cr, row->value, cx, cy, 6, dark);
      break;

    case SB_LEGEND_TOWN:
    default:
      {
        g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
        g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans Bold 7");

        cairo_arc (cr, 5, cy, 2.5, 0, 2 * G_PI);
        sb_symbol_set_ink (cr, dark, 1.0);
        cairo_fill (cr);
        pango_layout_set_font_description (layout, font);
        pango_layout_set_text (layout, "Gao", -1);
        cairo_move_to (cr, 10, cy - 6);
        pango_cairo_show_layout (cr, layout);
      }
      break;
    }

  cairo_restore (cr);
}
