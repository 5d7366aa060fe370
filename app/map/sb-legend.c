/* sb-legend.c
 *
 * What the map draws, in the briefing's use only: every symbol, style and
 * way of showing how precisely a place is known.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-legend"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sb-cluster-symbols.h"
#include "sb-format.h"
#include "sb-incident-clusters.h"
#include "sb-legend.h"
#include "sb-symbols.h"

#define SAMPLE_WIDTH 34
#define SAMPLE_HEIGHT 22

struct _SbLegend
{
  GtkWidget parent_instance;

  GtkExpander *expander;
  GtkBox *rows;

  SbSelection *selection;
};

G_DEFINE_FINAL_TYPE (SbLegend, sb_legend, GTK_TYPE_WIDGET)

typedef enum
{
  SAMPLE_ACTOR_KIND,
  SAMPLE_STATUS,
  SAMPLE_INCIDENT,
  SAMPLE_CERTAINTY,
  SAMPLE_AREA,
  SAMPLE_HATCHED_AREA,
  SAMPLE_COUNTRY,
  SAMPLE_REGION,
  SAMPLE_NEAR,
  SAMPLE_REGION_COUNT,
  SAMPLE_TOWN,
} SampleKind;

typedef struct
{
  SampleKind kind;
  int value;
} Sample;

static const double neutral[3] = { 0.36, 0.42, 0.50 };

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

static void
draw_sample (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  Sample *sample = user_data;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  SbSymbolStyle style = { { neutral[0], neutral[1], neutral[2] }, SB_CERTAINTY_REPORTED, };
  double cx = width / 2.0, cy = height / 2.0;

  style.dark = dark;

  switch (sample->kind)
    {
    case SAMPLE_ACTOR_KIND:
      sb_symbol_paint_deployment (cr, sample->value, &style, cx, cy, 7);
      break;

    case SAMPLE_STATUS:
      style.half = sample->value == SB_DEPLOYMENT_STATUS_ARRIVING;
      style.hollow = sample->value == SB_DEPLOYMENT_STATUS_DEPARTED || sample->value == SB_DEPLOYMENT_STATUS_WITHDRAWN;
      style.struck = sample->value == SB_DEPLOYMENT_STATUS_WITHDRAWN;
      sb_symbol_paint_deployment (cr, SB_ACTOR_KIND_NATIONAL_FORCES, &style, cx, cy, 7);
      break;

    case SAMPLE_INCIDENT:
      sb_symbol_paint_incident (cr, sample->value, &style, cx, cy, 8);
      break;

    case SAMPLE_CERTAINTY:
      style.certainty = sample->value;
      cairo_move_to (cr, 3, cy + 5);
      cairo_line_to (cr, width - 16, cy + 5);
      sb_symbol_set_certainty_dash (cr, sample->value, 2.5);
      cairo_set_line_width (cr, 2.5);
      cairo_set_source_rgb (cr, neutral[0], neutral[1], neutral[2]);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      sb_symbol_paint_deployment (cr, SB_ACTOR_KIND_NATIONAL_FORCES, &style, width - 9, cy - 2, 6);
      break;

    case SAMPLE_AREA:
    case SAMPLE_HATCHED_AREA:
      cairo_rectangle (cr, 3, 4, width - 6, height - 8);
      cairo_set_source_rgba (cr, neutral[0], neutral[1], neutral[2], 0.22);
      cairo_fill_preserve (cr);
      if (sample->kind == SAMPLE_HATCHED_AREA)
        {
          cairo_save (cr);
          cairo_clip_preserve (cr);
          sb_symbol_paint_hatch (cr, neutral, 0.6, 6);
          cairo_restore (cr);
          cairo_rectangle (cr, 3, 4, width - 6, height - 8);
        }
      {
        double dashes[] = { 5, 3 };

        cairo_set_dash (cr, dashes, 2, 0);
      }
      cairo_set_line_width (cr, 1.5);
      cairo_set_source_rgb (cr, neutral[0], neutral[1], neutral[2]);
      cairo_stroke (cr);
      break;

    case SAMPLE_COUNTRY:
    case SAMPLE_REGION:
      /* The area, and a card with its name and a symbol on it. */
      if (sample->kind == SAMPLE_COUNTRY)
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

    case SAMPLE_NEAR:
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

    case SAMPLE_REGION_COUNT:
      paint_soft_disc (cr, cx, cy, height / 2.0 + 1);
      {
        g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);

        sb_cluster_paint_count_badge (cr, layout, cx - 8, cy, 12, dark);
      }
      break;

    case SAMPLE_TOWN:
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
}

static void
add_heading (SbLegend   *self,
             const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, gtk_widget_get_first_child (GTK_WIDGET (self->rows)) ? 8 : 0);
  gtk_box_append (self->rows, label);
}

static void
add_row (SbLegend   *self,
         SampleKind  kind,
         int         value,
         const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (text);
  Sample *sample = g_new (Sample, 1);

  sample->kind = kind;
  sample->value = value;

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), SAMPLE_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), SAMPLE_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_sample, sample, g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_box_append (GTK_BOX (row), area);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (self->rows, row);
}

/* Only what the briefing uses, so the legend stays short. */
static void
rebuild (SbLegend *self)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  gboolean kinds[SB_N_ACTOR_KINDS] = { FALSE, };
  gboolean types[SB_N_INCIDENT_TYPES] = { FALSE, };
  gboolean certainties[SB_N_CERTAINTIES] = { FALSE, };
  gboolean precisions[SB_PLACE_PRECISION_COUNTRY + 1] = { FALSE, };
  GListModel *actors, *items;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
    gtk_box_remove (self->rows, child);

  if (briefing == NULL)
    return;

  actors = sb_briefing_get_actors (briefing);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (actors, i);

      kinds[sb_actor_get_kind (actor)] = TRUE;
    }

  items = sb_briefing_get_all_items (briefing);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);

      SbPlace *places[] = { sb_item_get_place (item), sb_item_get_origin (item) };

      certainties[sb_item_get_certainty (item)] = TRUE;
      if (sb_item_get_kind (item) == SB_ITEM_KIND_INCIDENT)
        types[sb_item_get_incident_type (item)] = TRUE;
      for (guint p = 0; p < G_N_ELEMENTS (places); p++)
        if (places[p] != NULL)
          precisions[sb_place_get_precision (places[p])] = TRUE;
    }

  add_heading (self, _("Forces: colour of the actor, shape of its kind"));
  for (guint i = 0; i < SB_N_ACTOR_KINDS; i++)
    if (kinds[i])
      add_row (self, SAMPLE_ACTOR_KIND, i, sb_format_actor_kind (i));

  add_row (self, SAMPLE_STATUS, SB_DEPLOYMENT_STATUS_ARRIVING, _("Arriving or departing"));
  add_row (self, SAMPLE_STATUS, SB_DEPLOYMENT_STATUS_DEPARTED, _("Departed"));
  add_row (self, SAMPLE_STATUS, SB_DEPLOYMENT_STATUS_WITHDRAWN, _("Withdrawn"));

  add_heading (self, _("Incidents"));
  for (guint i = 0; i < SB_N_INCIDENT_TYPES; i++)
    if (types[i])
      add_row (self, SAMPLE_INCIDENT, i, sb_format_incident_type (i));

  add_heading (self, _("How certain"));
  for (guint i = 0; i < SB_N_CERTAINTIES; i++)
    if (certainties[i])
      add_row (self, SAMPLE_CERTAINTY, i, sb_format_certainty (i));

  add_heading (self, _("Where"));
  add_row (self, SAMPLE_AREA, 0, _("Area held or operated in"));
  add_row (self, SAMPLE_HATCHED_AREA, 0, _("Area at risk, feared or projected"));
  if (precisions[SB_PLACE_PRECISION_NEAR])
    add_row (self, SAMPLE_NEAR, 0, _("Near a place: within the dotted ring"));
  if (precisions[SB_PLACE_PRECISION_COUNTRY])
    add_row (self, SAMPLE_COUNTRY, 0, _("Known only to a country: the country shaded, its statements on a card under its name"));
  if (precisions[SB_PLACE_PRECISION_REGION])
    add_row (self, SAMPLE_REGION, 0, _("Known only to a region: the region shaded, its statements on a card under its name"));
  if (precisions[SB_PLACE_PRECISION_REGION] && sb_incident_clusters_wanted (briefing))
    add_row (self, SAMPLE_REGION_COUNT, 0, _("Incidents known only to a region: a soft area with their number"));
  add_row (self, SAMPLE_TOWN, 0, _("A town the briefing mentions"));
}

void
sb_legend_set_selection (SbLegend    *self,
                         SbSelection *selection)
{
  g_return_if_fail (SB_IS_LEGEND (self));

  g_set_object (&self->selection, selection);
  g_signal_connect_object (selection, "notify::briefing", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
sb_legend_dispose (GObject *object)
{
  SbLegend *self = (SbLegend *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_LEGEND);
  /* The template's root has no id: it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (sb_legend_parent_class)->dispose (object);
}

static void
sb_legend_class_init (SbLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_legend_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-legend.ui");
  gtk_widget_class_bind_template_child (widget_class, SbLegend, expander);
  gtk_widget_class_bind_template_child (widget_class, SbLegend, rows);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sb-legend");
}

/* GTK 4.8's expander hands the keyboard focus on to its content even
 * while folded, when the content is in no window: gtk_window_get_focus:
 * assertion 'GTK_IS_WINDOW (window)', then a crash in
 * gtk_widget_is_ancestor. Folded, the content is kept out of focus.
 */
static void
on_expanded_changed (SbLegend *self)
{
  GtkWidget *content = gtk_expander_get_child (self->expander);

  if (content != NULL)
    gtk_widget_set_child_visible (content, gtk_expander_get_expanded (self->expander));
}

static void
sb_legend_init (SbLegend *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->expander, "notify::expanded", G_CALLBACK (on_expanded_changed),
                           self, G_CONNECT_SWAPPED);
  on_expanded_changed (self);
}
