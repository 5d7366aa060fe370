/* sb-change-view.c
 *
 * Before and after of one change: a field per row, formatted as the
 * detail pane's card shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-change-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-change-view.h"
#include "sb-changes-pane.h"
#include "sb-citation.h"
#include "sb-fields.h"
#include "sb-figure.h"
#include "sb-format.h"
#include "sb-item.h"
#include "sb-relation.h"
#include "sb-source.h"

struct _SbChangeView
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *heading;
  GtkGrid *grid;
};

G_DEFINE_FINAL_TYPE (SbChangeView, sb_change_view, GTK_TYPE_WIDGET)

/**
 * sb_change_field_label:
 *
 * Returns: the name of @field of @entity's type, as the card calls it
 */
const char *
sb_change_field_label (SbEntity *entity,
                       guint     field)
{
  if (SB_IS_ITEM (entity))
    switch ((SbItemField) field)
      {
      case SB_ITEM_FIELD_TITLE: return _("Title");
      case SB_ITEM_FIELD_DESCRIPTION: return _("Description");
      case SB_ITEM_FIELD_DATE: return _("Date");
      case SB_ITEM_FIELD_CERTAINTY: return _("Certainty");
      case SB_ITEM_FIELD_CLAIMED_BY: return _("Claimed by");
      case SB_ITEM_FIELD_CITATIONS: return _("Citations");
      case SB_ITEM_FIELD_FIGURES: return _("Figures");
      case SB_ITEM_FIELD_ACTORS: return _("Actors");
      case SB_ITEM_FIELD_TARGETS: return _("Targets");
      case SB_ITEM_FIELD_PLACE: return _("Place");
      case SB_ITEM_FIELD_ORIGIN: return _("From");
      case SB_ITEM_FIELD_STATUS: return _("Status");
      case SB_ITEM_FIELD_SUBTYPE: return _("Type");
      case SB_ITEM_FIELD_QUANTITY:
        return sb_item_get_kind (SB_ITEM (entity)) == SB_ITEM_KIND_INCIDENT ? _("Fatalities") : _("Strength");
      case SB_ITEM_FIELD_ROLE: return _("Role");
      case SB_ITEM_FIELD_NAME: return _("Name");
      case SB_ITEM_FIELD_BOUNDARY: return _("Boundary");
      case SB_ITEM_FIELD_GEOMETRY: return _("Outline");
      default: break;
      }

  if (SB_IS_ACTOR (entity))
    switch ((SbActorField) field)
      {
      case SB_ACTOR_FIELD_NAME: return _("Name");
      case SB_ACTOR_FIELD_SHORT_NAME: return _("Short name");
      case SB_ACTOR_FIELD_ALIASES: return _("Also called");
      case SB_ACTOR_FIELD_KIND: return _("Kind");
      case SB_ACTOR_FIELD_AFFILIATION: return _("Affiliation");
      case SB_ACTOR_FIELD_COUNTRY: return _("Country");
      case SB_ACTOR_FIELD_COLOUR: return _("Colour");
      case SB_ACTOR_FIELD_SUMMARY: return _("Summary");
      case SB_ACTOR_FIELD_FIGURES: return _("Figures");
      case SB_ACTOR_FIELD_RELATIONS: return _("Relations");
      case SB_ACTOR_FIELD_CITATIONS: return _("Citations");
      default: break;
      }

  if (SB_IS_SOURCE (entity))
    switch ((SbSourceField) field)
      {
      case SB_SOURCE_FIELD_TITLE: return _("Title");
      case SB_SOURCE_FIELD_PUBLISHER: return _("Publisher");
      case SB_SOURCE_FIELD_AUTHOR: return _("Author");
      case SB_SOURCE_FIELD_DATE: return _("Date");
      case SB_SOURCE_FIELD_LANGUAGE: return _("Language");
      case SB_SOURCE_FIELD_URL: return _("Address");
      case SB_SOURCE_FIELD_TEXT: return _("Text");
      case SB_SOURCE_FIELD_NOTE: return _("Note");
      default: break;
      }

  return sb_field_get_name (G_OBJECT_TYPE (entity), field);
}

static char *
format_int (SbEntity *entity,
            guint     field,
            int       value)
{
  if (SB_IS_ITEM (entity))
    {
      SbItemKind kind = sb_item_get_kind (SB_ITEM (entity));

      switch ((SbItemField) field)
        {
        case SB_ITEM_FIELD_CERTAINTY:
          return g_strdup (sb_format_certainty (value));
        case SB_ITEM_FIELD_BOUNDARY:
          return g_strdup (sb_format_boundary (value));
        case SB_ITEM_FIELD_STATUS:
          if (kind == SB_ITEM_KIND_DEPLOYMENT)
            return g_strdup (sb_format_deployment_status (value));
          if (kind == SB_ITEM_KIND_MOVEMENT)
            return g_strdup (sb_format_movement_status (value));
          break;
        case SB_ITEM_FIELD_SUBTYPE:
          if (kind == SB_ITEM_KIND_INCIDENT)
            return g_strdup (sb_format_incident_type (value));
          if (kind == SB_ITEM_KIND_MOVEMENT)
            return g_strdup (sb_format_means (value));
          if (kind == SB_ITEM_KIND_AREA)
            return g_strdup (sb_format_area_kind (value));
          return g_strdup (sb_format_item_kind (kind));
        default:
          break;
        }
    }
  else if (SB_IS_ACTOR (entity) && field == SB_ACTOR_FIELD_KIND)
    return g_strdup (sb_format_actor_kind (value));
  else if (SB_IS_ACTOR (entity) && field == SB_ACTOR_FIELD_COLOUR)
    return value < 0 ? NULL : g_strdup_printf ("#%06x", (guint) value);

  return g_strdup_printf ("%d", value);
}

static char *
format_place (SbPlace *place)
{
  g_autofree char *precision = sb_format_place_precision (place);

  /* Translators: a place before or after a change: "Gao (16.27, -0.04), near a town" */
  return g_strdup_printf (_("%s (%.4g, %.4g), %s"), sb_entity_get_label (SB_ENTITY (place)),
                          sb_place_get_latitude (place), sb_place_get_longitude (place), precision);
}

static char *
format_array (SbEntity  *entity,
              guint      field,
              GPtrArray *array)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean citations = (SB_IS_ITEM (entity) && field == SB_ITEM_FIELD_CITATIONS) ||
                       (SB_IS_ACTOR (entity) && field == SB_ACTOR_FIELD_CITATIONS);
  gboolean figures = (SB_IS_ITEM (entity) && field == SB_ITEM_FIELD_FIGURES) ||
                     (SB_IS_ACTOR (entity) && field == SB_ACTOR_FIELD_FIGURES);
  gboolean relations = SB_IS_ACTOR (entity) && field == SB_ACTOR_FIELD_RELATIONS;

  for (guint i = 0; array != NULL && i < array->len; i++)
    {
      gpointer element = g_ptr_array_index (array, i);
      g_autofree char *line = NULL;

      if (citations)
        line = sb_format_citation (element);
      else if (figures)
        line = sb_format_figure (element);
      else if (relations)
        {
          SbRelation *relation = element;

          line = g_strdup_printf ("%s %s", sb_format_relation_type (relation->type),
                                  relation->target ? sb_entity_get_label (SB_ENTITY (relation->target)) : "");
        }
      else
        line = g_strdup (sb_entity_get_label (element));

      g_string_append_printf (text, "%s%s", i ? "\n" : "", line);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * sb_change_format_field:
 *
 * Returns: (transfer full) (nullable): the value of @field of @entity
 *   in words, NULL for none
 */
char *
sb_change_format_field (SbEntity *entity,
                        guint     field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GType type;

  sb_entity_get_field (entity, field, &value);
  type = G_VALUE_TYPE (&value);

  if (type == SB_TYPE_TEXT)
    return g_value_get_boxed (&value) ? g_strdup (sb_text_get (g_value_get_boxed (&value))) : NULL;
  if (type == G_TYPE_STRING)
    return g_value_dup_string (&value);
  if (type == G_TYPE_STRV)
    return g_value_get_boxed (&value) ? g_strjoinv (", ", g_value_get_boxed (&value)) : NULL;
  if (type == G_TYPE_INT)
    return format_int (entity, field, g_value_get_int (&value));
  if (type == G_TYPE_DOUBLE)
    return sb_format_number (g_value_get_double (&value));
  if (type == SB_TYPE_DATE)
    return sb_date_is_set (g_value_get_boxed (&value)) ? sb_format_date (g_value_get_boxed (&value)) : NULL;
  if (type == SB_TYPE_QUANTITY)
    return ((SbQuantity *) g_value_get_boxed (&value))->is_set ? sb_format_quantity (g_value_get_boxed (&value)) : NULL;
  if (type == SB_TYPE_GEOMETRY)
    return g_value_get_boxed (&value) ? g_strdup (_("An outline")) : NULL;
  if (g_type_is_a (type, SB_TYPE_PLACE))
    return g_value_get_object (&value) ? format_place (g_value_get_object (&value)) : NULL;
  if (g_type_is_a (type, SB_TYPE_ENTITY))
    return g_value_get_object (&value) ? g_strdup (sb_entity_get_label (g_value_get_object (&value))) : NULL;
  if (type == G_TYPE_PTR_ARRAY)
    return format_array (entity, field, g_value_get_boxed (&value));

  return NULL;
}

static GtkWidget *
value_label (const char *text,
             gboolean    before)
{
  GtkWidget *label = gtk_label_new (text ? text : _("None"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_lines (GTK_LABEL (label), 8);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, before ? "sb-change-before" : "sb-change-after");
  if (text == NULL || before)
    gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
clear_grid (SbChangeView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static void
add_header (SbChangeView *self)
{
  const char *titles[] = { N_("Field"), N_("Before"), N_("After") };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *label = gtk_label_new (_(titles[i]));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (self->grid, label, i, 0, 1, 1);
    }
}

/**
 * sb_change_view_set_change:
 * @change: (nullable): the change of the entity shown, or NULL to hide
 * @since: (nullable): the version compared with, in words
 */
void
sb_change_view_set_change (SbChangeView *self,
                           SbChange     *change,
                           const char   *since)
{
  g_autofree char *heading = NULL;
  g_autofree char *description = NULL;
  SbEntity *before, *after;
  guint row = 1;

  g_return_if_fail (SB_IS_CHANGE_VIEW (self));

  clear_grid (self);
  gtk_widget_set_visible (GTK_WIDGET (self), change != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->grid), FALSE);
  if (change == NULL)
    return;

  description = sb_change_describe (change);
  /* Translators: above the card of an item that differs from the version compared with:
   * "Changed: place and dates — since the last saved version" */
  heading = since ? g_strdup_printf (_("%s — since %s"), description, since) : g_steal_pointer (&description);
  gtk_label_set_text (self->heading, heading);

  if (sb_change_get_kind (change) != SB_CHANGE_CHANGED)
    return;

  before = sb_change_get_before (change);
  after = sb_change_get_after (change);
  add_header (self);
  for (guint field = 0; field < 64; field++)
    {
      g_autofree char *was = NULL;
      g_autofree char *is = NULL;
      GtkWidget *name;

      if (!sb_change_has_field (change, field))
        continue;

      was = sb_change_format_field (before, field);
      is = sb_change_format_field (after, field);
      name = gtk_label_new (sb_change_field_label (after, field));
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_yalign (GTK_LABEL (name), 0);
      gtk_widget_add_css_class (name, "dim-label");
      gtk_grid_attach (self->grid, name, 0, row, 1, 1);
      gtk_grid_attach (self->grid, value_label (was, TRUE), 1, row, 1, 1);
      gtk_grid_attach (self->grid, value_label (is, FALSE), 2, row, 1, 1);
      row++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->grid), row > 1);
}

static void
sb_change_view_dispose (GObject *object)
{
  SbChangeView *self = SB_CHANGE_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (sb_change_view_parent_class)->dispose (object);
}

static void
sb_change_view_class_init (SbChangeViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sb_change_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sb-change-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sb_change_view_init (SbChangeView *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->heading = GTK_LABEL (gtk_label_new (NULL));
  self->grid = GTK_GRID (gtk_grid_new ());

  gtk_widget_set_margin_start (self->box, 10);
  gtk_widget_set_margin_end (self->box, 10);
  gtk_widget_set_margin_top (self->box, 8);
  gtk_widget_set_margin_bottom (self->box, 8);
  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_wrap (self->heading, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  gtk_grid_set_column_spacing (self->grid, 12);
  gtk_grid_set_row_spacing (self->grid, 4);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->grid));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Before and after"), -1);
}
