/* sb-cluster-popover.c
 *
 * The list of one place's incidents, shown when its symbol is clicked.
 *
 * Built in code: a list whose rows are the only content, no template to
 * share. A place may hold thousands of incidents; the list shows the
 * first ones and says how many more there are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-cluster-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-cluster-popover.h"
#include "sb-format.h"

struct _SbClusterPopover
{
  GtkPopover parent_instance;

  SbSelection *selection;
  GPtrArray *items;        /* of SbItem, one per row */
};

G_DEFINE_FINAL_TYPE (SbClusterPopover, sb_cluster_popover, GTK_TYPE_POPOVER)

static void
on_row_activated (SbClusterPopover *self,
                  GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index < 0 || (guint) index >= self->items->len)
    return;

  sb_selection_select (self->selection, g_ptr_array_index (self->items, index));
  gtk_popover_popdown (GTK_POPOVER (self));
}

static GtkWidget *
make_row (SbItem *item)
{
  g_autofree char *date = sb_format_date (sb_item_get_date (item));
  g_autofree char *text = NULL;
  const char *label = sb_entity_get_label (SB_ENTITY (item));
  GtkWidget *widget;

  if (label == NULL)
    label = sb_format_incident_type (sb_item_get_incident_type (item));
  text = date ? g_strdup_printf ("%s — %s", date, label) : g_strdup (label);
  widget = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (widget), 0);
  gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (widget), 48);
  gtk_widget_set_margin_start (widget, 6);
  gtk_widget_set_margin_end (widget, 6);
  gtk_widget_set_margin_top (widget, 6);
  gtk_widget_set_margin_bottom (widget, 6);
  gtk_widget_set_tooltip_text (widget, text);

  return widget;
}

static void
sb_cluster_popover_dispose (GObject *object)
{
  SbClusterPopover *self = (SbClusterPopover *)object;

  g_clear_object (&self->selection);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_cluster_popover_parent_class)->dispose (object);
}

static void
sb_cluster_popover_class_init (SbClusterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_cluster_popover_dispose;
}

static void
sb_cluster_popover_init (SbClusterPopover *self)
{
}

/**
 * sb_cluster_popover_new:
 * @items: (element-type SbItem): the incidents to list
 * @total: how many incidents the place has, listed or not
 */
GtkWidget *
sb_cluster_popover_new (SbSelection *selection,
                        GPtrArray   *items,
                        guint        total)
{
  SbClusterPopover *self;
  GtkWidget *box, *heading, *scrolled, *list;
  g_autofree char *title = NULL;
  SbPlace *place;

  g_return_val_if_fail (SB_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (items != NULL && items->len > 0, NULL);

  self = g_object_new (SB_TYPE_CLUSTER_POPOVER, NULL);
  self->selection = g_object_ref (selection);
  self->items = g_ptr_array_ref (items);

  place = sb_item_get_place (g_ptr_array_index (items, 0));
  title = g_strdup_printf (ngettext ("%u incident at %s", "%u incidents at %s", total), total,
                           place ? sb_entity_get_label (SB_ENTITY (place)) : "");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (heading), 40);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  list = gtk_list_box_new ();
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), make_row (g_ptr_array_index (items, i)));
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);

  if (total > items->len)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more: narrow the time range to see it",
                                                         "And %u more: narrow the time range to see them",
                                                         total - items->len),
                                               total - items->len);
      GtkWidget *label = gtk_label_new (more);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_popover_set_child (GTK_POPOVER (self), box);
  return GTK_WIDGET (self);
}
