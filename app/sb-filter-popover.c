/* sb-filter-popover.c
 *
 * Layers and filters: which layers, certainties and incident types are
 * shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-filter-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-filter-popover.h"
#include "sb-format.h"
#include "sb-kind-icons.h"

struct _SbFilterPopover
{
  GtkPopover parent_instance;

  GtkBox *layer_box;
  GtkBox *certainty_box;
  GtkBox *incident_type_box;
  GtkButton *reset_button;

  GtkCheckButton *layer_buttons[SB_N_ITEM_KINDS];
  GtkCheckButton *certainty_buttons[SB_N_CERTAINTIES];
  GtkCheckButton *incident_type_buttons[SB_N_INCIDENT_TYPES];
  SbSelection *selection;
};

G_DEFINE_FINAL_TYPE (SbFilterPopover, sb_filter_popover, GTK_TYPE_POPOVER)

static const char *
layer_label (SbItemKind kind)
{
  switch (kind)
    {
    case SB_ITEM_KIND_DEPLOYMENT:
      return _("_Deployments");
    case SB_ITEM_KIND_MOVEMENT:
      return _("_Movements");
    case SB_ITEM_KIND_INCIDENT:
      return _("_Incidents");
    case SB_ITEM_KIND_AREA:
    default:
      return _("_Areas");
    }
}

/* A check button with the map's sign for what it filters beside its name. */
static GtkWidget *
create_icon_check_button (const char *icon_name,
                          GtkWidget  *label)
{
  GtkWidget *button = gtk_check_button_new ();

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), sb_kind_icon_label_new (icon_name, label));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  return button;
}

static void
sync_from_selection (SbFilterPopover *self)
{
  SbLayers layers = sb_selection_get_layers (self->selection);

  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    gtk_check_button_set_active (self->layer_buttons[i], (layers & sb_item_kind_to_layer (i)) != 0);

  for (guint i = 0; i < SB_N_CERTAINTIES; i++)
    gtk_check_button_set_active (self->certainty_buttons[i],
                                 sb_selection_get_certainty_visible (self->selection, i));

  for (guint i = 0; i < SB_N_INCIDENT_TYPES; i++)
    gtk_check_button_set_active (self->incident_type_buttons[i],
                                 sb_selection_get_incident_type_visible (self->selection, i));

  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), sb_selection_is_filtered (self->selection));
}

static void
on_layer_toggled (GtkCheckButton  *button,
                  SbFilterPopover *self)
{
  SbItemKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sb-kind"));

  sb_selection_set_layer_visible (self->selection, sb_item_kind_to_layer (kind),
                                  gtk_check_button_get_active (button));
}

static void
on_certainty_toggled (GtkCheckButton  *button,
                      SbFilterPopover *self)
{
  SbCertainty certainty = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sb-certainty"));

  sb_selection_set_certainty_visible (self->selection, certainty, gtk_check_button_get_active (button));
}

static void
on_incident_type_toggled (GtkCheckButton  *button,
                          SbFilterPopover *self)
{
  SbIncidentType type = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sb-incident-type"));

  sb_selection_set_incident_type_visible (self->selection, type, gtk_check_button_get_active (button));
}

static void
on_reset_clicked (SbFilterPopover *self)
{
  sb_selection_reset_filters (self->selection);
}

void
sb_filter_popover_set_selection (SbFilterPopover *self,
                                 SbSelection     *selection)
{
  g_return_if_fail (SB_IS_FILTER_POPOVER (self));
  g_return_if_fail (SB_IS_SELECTION (selection));
  g_return_if_fail (self->selection == NULL);

  self->selection = g_object_ref (selection);
  g_signal_connect_object (selection, "filter-changed", G_CALLBACK (sync_from_selection), self, G_CONNECT_SWAPPED);
  sync_from_selection (self);

  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    g_signal_connect (self->layer_buttons[i], "toggled", G_CALLBACK (on_layer_toggled), self);
  for (guint i = 0; i < SB_N_CERTAINTIES; i++)
    g_signal_connect (self->certainty_buttons[i], "toggled", G_CALLBACK (on_certainty_toggled), self);
  for (guint i = 0; i < SB_N_INCIDENT_TYPES; i++)
    g_signal_connect (self->incident_type_buttons[i], "toggled", G_CALLBACK (on_incident_type_toggled), self);
}

static void
sb_filter_popover_dispose (GObject *object)
{
  SbFilterPopover *self = (SbFilterPopover *)object;

  g_clear_object (&self->selection);

  G_OBJECT_CLASS (sb_filter_popover_parent_class)->dispose (object);
}

static void
sb_filter_popover_class_init (SbFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_filter_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SbFilterPopover, layer_box);
  gtk_widget_class_bind_template_child (widget_class, SbFilterPopover, certainty_box);
  gtk_widget_class_bind_template_child (widget_class, SbFilterPopover, incident_type_box);
  gtk_widget_class_bind_template_child (widget_class, SbFilterPopover, reset_button);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked);
}

static void
sb_filter_popover_init (SbFilterPopover *self)
{
  /* The layers in the order they are stacked on the map, top first. */
  static const SbItemKind layer_order[] = {
    SB_ITEM_KIND_INCIDENT, SB_ITEM_KIND_DEPLOYMENT, SB_ITEM_KIND_MOVEMENT, SB_ITEM_KIND_AREA,
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (layer_order); i++)
    {
      SbItemKind kind = layer_order[i];
      GtkWidget *label = gtk_label_new_with_mnemonic (layer_label (kind));
      GtkWidget *button = create_icon_check_button (sb_item_kind_icon_name (kind), label);

      g_object_set_data (G_OBJECT (button), "sb-kind", GUINT_TO_POINTER (kind));
      self->layer_buttons[kind] = GTK_CHECK_BUTTON (button);
      gtk_box_append (self->layer_box, button);
    }

  for (guint i = 0; i < SB_N_INCIDENT_TYPES; i++)
    {
      GtkWidget *label = gtk_label_new (sb_format_incident_type (i));
      GtkWidget *button = create_icon_check_button (sb_incident_type_icon_name (i), label);

      g_object_set_data (G_OBJECT (button), "sb-incident-type", GUINT_TO_POINTER (i));
      self->incident_type_buttons[i] = GTK_CHECK_BUTTON (button);
      gtk_box_append (self->incident_type_box, button);
    }

  for (guint i = 0; i < SB_N_CERTAINTIES; i++)
    {
      GtkWidget *button = gtk_check_button_new_with_label (sb_format_certainty (i));

      gtk_widget_set_tooltip_text (button, sb_format_certainty_help (i));
      g_object_set_data (G_OBJECT (button), "sb-certainty", GUINT_TO_POINTER (i));
      self->certainty_buttons[i] = GTK_CHECK_BUTTON (button);
      gtk_box_append (self->certainty_box, button);
    }
}
