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

#include "sb-changes.h"
#include "sb-legend.h"
#include "sb-legend-rows.h"
#include "sb-map-layout.h"

#define SAMPLE_WIDTH 34
#define SAMPLE_HEIGHT 22
#define COMPACT_ROWS_PER_COLUMN 7
/* The compact legend takes at most this share of the map's height: more
 * rows go into more columns.
 */
#define COMPACT_HEIGHT_SHARE 0.4

struct _SbLegend
{
  GtkWidget parent_instance;

  GtkExpander *expander;
  GtkBox *rows;
  GtkWidget *compact_box;  /* the presentation's legend */
  GtkGrid *compact_grid;

  SbSelection *selection;
  SbComparison *comparison; /* nullable: changes marked on the map */
  gboolean compact;
  double scale;
  guint rebuild_source;
};

G_DEFINE_FINAL_TYPE (SbLegend, sb_legend, GTK_TYPE_WIDGET)

static void
draw_sample (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  /* The compact legend is a light card on the projector, whatever the style. */
  if (gtk_widget_has_css_class (GTK_WIDGET (area), "compact-sample"))
    dark = FALSE;

  sb_legend_paint_sample (cr, user_data, width, height, dark);
}

static SbLegendRow *
copy_row (const SbLegendRow *row)
{
  SbLegendRow *copy = g_memdup2 (row, sizeof *row);

  copy->label = g_strdup (row->label);
  return copy;
}

static void
free_row (SbLegendRow *row)
{
  g_free (row->label);
  g_free (row);
}

static GtkWidget *
create_sample (SbLegend          *self,
               const SbLegendRow *row)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), (int) (SAMPLE_WIDTH * self->scale));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) (SAMPLE_HEIGHT * self->scale));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_sample, copy_row (row), (GDestroyNotify) free_row);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, row->label, -1);
  if (self->compact)
    gtk_widget_add_css_class (area, "compact-sample");

  return area;
}

static GtkWidget *
create_label (const SbLegendRow *row,
              int                max_width_chars)
{
  GtkWidget *label = gtk_label_new (row->label);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_width_chars);
  if (row->sample == SB_LEGEND_HEADING)
    gtk_widget_add_css_class (label, "heading");

  return label;
}

static void
clear (SbLegend *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
    gtk_box_remove (self->rows, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->compact_grid))) != NULL)
    gtk_grid_remove (self->compact_grid, child);
}

static void
fill_compact (SbLegend *self,
              GArray   *rows,
              guint     rows_per_column)
{
  guint n_columns = (rows->len + rows_per_column - 1) / rows_per_column;
  guint per_column = n_columns > 0 ? (rows->len + n_columns - 1) / n_columns : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->compact_grid))) != NULL)
    gtk_grid_remove (self->compact_grid, child);

  for (guint i = 0; i < rows->len; i++)
    {
      const SbLegendRow *row = &g_array_index (rows, SbLegendRow, i);
      int column = per_column > 0 ? (int) (i / per_column) : 0;
      int line = per_column > 0 ? (int) (i % per_column) : 0;

      gtk_grid_attach (self->compact_grid, create_sample (self, row), column * 2, line, 1, 1);
      gtk_grid_attach (self->compact_grid, create_label (row, 18), column * 2 + 1, line, 1, 1);
    }
}

/* Short, in columns, and only what the step shows: for the back of the
 * room. It covers a corner of the map, not a side nor its top.
 */
static void
rebuild_compact (SbLegend *self,
                 GArray   *rows)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  int room = parent != NULL ? gtk_widget_get_height (parent) : 0;

  gtk_widget_set_visible (self->compact_box, rows->len > 0);
  for (guint per_column = COMPACT_ROWS_PER_COLUMN; per_column >= 1; per_column--)
    {
      int width, height;

      fill_compact (self, rows, per_column);
      if (room <= 0 || per_column == 1)
        break;

      /* As it is laid out: its labels as wide as they like. */
      gtk_widget_measure (self->compact_box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      gtk_widget_measure (self->compact_box, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
      if (height <= room * COMPACT_HEIGHT_SHARE)
        break;
    }
}

/* Only what the briefing uses, so the legend stays short. */
static void
rebuild (SbLegend *self)
{
  g_autoptr(GArray) rows = NULL;

  clear (self);
  if (self->selection == NULL || sb_selection_get_briefing (self->selection) == NULL)
    return;

  rows = sb_legend_rows_new (self->selection, self->compact ? SB_LEGEND_SHOWN | SB_LEGEND_COMPACT
                                                            : SB_LEGEND_EVERYTHING);
  if (self->comparison != NULL)
    sb_legend_rows_add_changes (rows, self->compact ? SB_LEGEND_COMPACT : SB_LEGEND_EVERYTHING);
  if (self->compact)
    {
      rebuild_compact (self, rows);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const SbLegendRow *row = &g_array_index (rows, SbLegendRow, i);
      GtkWidget *box;

      if (row->sample == SB_LEGEND_HEADING)
        {
          GtkWidget *label = create_label (row, 30);

          gtk_widget_set_margin_top (label, i > 0 ? 8 : 0);
          gtk_box_append (self->rows, label);
          continue;
        }

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      gtk_box_append (GTK_BOX (box), create_sample (self, row));
      gtk_box_append (GTK_BOX (box), create_label (row, 24));
      gtk_box_append (self->rows, box);
    }
}

static gboolean
on_rebuild (gpointer user_data)
{
  SbLegend *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

/* A step changes several filters at once: the legend follows once. */
static void
on_filter_changed (SbLegend *self)
{
  if (self->compact && self->rebuild_source == 0)
    self->rebuild_source = g_timeout_add (30, on_rebuild, self);
}

/* The legend lists the kinds, incident types, certainties and
 * precisions in use, and the badge of what one source only supports: an
 * edit that changes none of them leaves it as it is.
 */
static void
on_edited (SbLegend  *self,
           SbChanges *changes)
{
  GPtrArray *changed = sb_changes_get_changed (changes);
  gboolean used = sb_changes_get_inserted (changes)->len > 0 || sb_changes_get_removed (changes)->len > 0;

  for (guint i = 0; i < changed->len && !used; i++)
    {
      SbEntity *entity = g_ptr_array_index (changed, i);

      if (SB_IS_ACTOR (entity))
        used = sb_changes_has_field (changes, entity, SB_ACTOR_FIELD_KIND);
      else if (SB_IS_PLACE (entity))
        used = sb_changes_has_field (changes, entity, SB_PLACE_FIELD_PRECISION);
      else if (SB_IS_ITEM (entity))
        used = sb_changes_has_field (changes, entity, SB_ITEM_FIELD_CERTAINTY) ||
               sb_changes_has_field (changes, entity, SB_ITEM_FIELD_SUBTYPE) ||
               sb_changes_has_field (changes, entity, SB_ITEM_FIELD_PLACE);
    }

  if (!used && self->selection != NULL)
    used = sb_map_layout_badges_change (sb_selection_get_briefing (self->selection), changes);

  /* It reads every statement: once edits pause, not in the edit's frame. */
  if (used && self->rebuild_source == 0)
    self->rebuild_source = g_timeout_add_full (G_PRIORITY_LOW, 300, on_rebuild, self, NULL);
}

/**
 * sb_legend_set_compact:
 *
 * A compact legend, for a projector, explains only what the view shows,
 * in few words and in columns, always open; the map's legend explains
 * all the briefing uses, behind its Legend button.
 */
void
sb_legend_set_compact (SbLegend *self,
                       gboolean  compact)
{
  g_return_if_fail (SB_IS_LEGEND (self));

  self->compact = !!compact;
  gtk_widget_set_visible (GTK_WIDGET (self->expander), !self->compact);
  gtk_widget_set_visible (self->compact_box, self->compact);
  rebuild (self);
}

/**
 * sb_legend_get_covered:
 * @bounds: (out): what of the map it covers, in @target's coordinates
 *
 * What the legend lies over always: its button, or the compact legend.
 * The open legend is asked for, and may cover what it likes.
 *
 * Returns: whether it covers anything
 */
gboolean
sb_legend_get_covered (SbLegend        *self,
                       GtkWidget       *target,
                       graphene_rect_t *bounds)
{
  GtkWidget *shown;

  g_return_val_if_fail (SB_IS_LEGEND (self), FALSE);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return FALSE;

  shown = self->compact ? self->compact_box : gtk_widget_get_first_child (GTK_WIDGET (self->expander));
  return shown != NULL && gtk_widget_get_visible (shown) && gtk_widget_compute_bounds (shown, target, bounds);
}

/**
 * sb_legend_measure_covered:
 * @width: the map's size, in pixels
 * @bounds: (out): what of the map the legend will cover, in its coordinates
 *
 * What the legend lies over always, as sb_legend_get_covered(), but as it
 * will be once it follows the selection's latest change: for framing
 * what a step shows beside it before it is laid out again.
 *
 * Returns: whether it covers anything
 */
gboolean
sb_legend_measure_covered (SbLegend        *self,
                           int              width,
                           int              height,
                           graphene_rect_t *bounds)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkAlign halign = gtk_widget_get_halign (widget);
  GtkWidget *shown;
  int w, h, x, y;

  g_return_val_if_fail (SB_IS_LEGEND (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (self->rebuild_source != 0)
    {
      g_clear_handle_id (&self->rebuild_source, g_source_remove);
      rebuild (self);
    }

  shown = self->compact ? self->compact_box : gtk_widget_get_first_child (GTK_WIDGET (self->expander));
  if (!gtk_widget_get_visible (widget) || shown == NULL || !gtk_widget_get_visible (shown))
    return FALSE;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
  if ((halign == GTK_ALIGN_END) != rtl)
    x = width - (rtl ? gtk_widget_get_margin_start (widget) : gtk_widget_get_margin_end (widget)) - w;
  else
    x = rtl ? gtk_widget_get_margin_end (widget) : gtk_widget_get_margin_start (widget);
  if (gtk_widget_get_valign (widget) == GTK_ALIGN_END)
    y = height - gtk_widget_get_margin_bottom (widget) - h;
  else
    y = gtk_widget_get_margin_top (widget);

  *bounds = GRAPHENE_RECT_INIT (x, y, w, h);
  return TRUE;
}

/**
 * sb_legend_set_scale:
 *
 * Draws the samples @scale times their size: on a projector, as large
 * as the map draws its symbols.
 */
void
sb_legend_set_scale (SbLegend *self,
                     double    scale)
{
  g_return_if_fail (SB_IS_LEGEND (self));
  g_return_if_fail (scale > 0);

  if (self->scale == scale)
    return;

  self->scale = scale;
  rebuild (self);
}

void
sb_legend_set_selection (SbLegend    *self,
                         SbSelection *selection)
{
  g_return_if_fail (SB_IS_LEGEND (self));

  g_set_object (&self->selection, selection);
  g_signal_connect_object (selection, "notify::briefing", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "filter-changed", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::highlighted", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "texts-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "edited", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

/**
 * sb_legend_set_comparison:
 * @comparison: (nullable): the comparison whose changes the map marks
 */
void
sb_legend_set_comparison (SbLegend     *self,
                          SbComparison *comparison)
{
  g_return_if_fail (SB_IS_LEGEND (self));

  if (g_set_object (&self->comparison, comparison) && self->selection != NULL)
    rebuild (self);
}

static void
sb_legend_dispose (GObject *object)
{
  SbLegend *self = (SbLegend *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_LEGEND);
  /* The template's root has no id: it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->comparison);

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
  self->scale = 1.0;

  self->compact_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->compact_grid, 8);
  gtk_grid_set_row_spacing (self->compact_grid, 2);
  self->compact_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->compact_box, "card");
  gtk_widget_add_css_class (self->compact_box, "legend");
  gtk_widget_add_css_class (self->compact_box, "compact-legend");
  gtk_widget_set_visible (self->compact_box, FALSE);
  gtk_widget_set_can_target (self->compact_box, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->compact_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"),
                                  -1);
  gtk_box_append (GTK_BOX (self->compact_box), GTK_WIDGET (self->compact_grid));
  gtk_widget_set_parent (self->compact_box, GTK_WIDGET (self));

  g_signal_connect_object (self->expander, "notify::expanded", G_CALLBACK (on_expanded_changed),
                           self, G_CONNECT_SWAPPED);
  on_expanded_changed (self);
}
