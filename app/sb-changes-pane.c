/* sb-changes-pane.c
 *
 * A list view, not a list box: a newer ACLED export can change thousands
 * of events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-changes-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sb-changes-pane.h"
#include "sb-format.h"

struct _SbChangesPane
{
  GtkWidget parent_instance;

  GtkLabel *since_label;
  GtkLabel *summary_label;
  GtkStack *stack;
  GtkListView *list_view;
  GtkSpinner *spinner;

  SbSelection *selection;
  SbComparison *comparison;
  char *label;
};

G_DEFINE_FINAL_TYPE (SbChangesPane, sb_changes_pane, GTK_TYPE_WIDGET)

static const char *
entity_kind (SbEntity *entity)
{
  if (SB_IS_ITEM (entity))
    return sb_format_item_kind (sb_item_get_kind (SB_ITEM (entity)));
  if (SB_IS_ACTOR (entity))
    return _("Actor");
  if (SB_IS_SOURCE (entity))
    return _("Source");

  return _("Place");
}

/**
 * sb_change_describe:
 *
 * Returns: (transfer full): one line on what happened to the entity:
 *   "Added · Incident", "Changed: place and dates", "Removed · Actor"
 */
char *
sb_change_describe (SbChange *change)
{
  SbEntity *entity = sb_change_get_entity (change);
  SbChangeAspects aspects = sb_change_get_aspects (change);
  g_autofree char *what = NULL;

  switch (sb_change_get_kind (change))
    {
    case SB_CHANGE_ADDED:
      /* Translators: a change in the Changes list: "Added · Incident" */
      return g_strdup_printf (_("Added · %s"), entity_kind (entity));

    case SB_CHANGE_REMOVED:
      /* Translators: a change in the Changes list: "Removed · Incident" */
      return g_strdup_printf (_("Removed · %s"), entity_kind (entity));

    case SB_CHANGE_CHANGED:
    default:
      what = sb_change_describe_aspects (aspects & ~SB_CHANGE_ASPECT_REVISED);
      if (aspects & SB_CHANGE_ASPECT_REVISED)
        return *what ? g_strdup_printf (_("Revised by the publisher: %s"), what)
                     : g_strdup (_("Revised by the publisher"));
      /* Translators: a change in the Changes list: "Changed: place and dates" */
      return g_strdup_printf (_("Changed: %s"), what);
    }
}

static const char *
kind_icon (SbChangeKind kind)
{
  switch (kind)
    {
    case SB_CHANGE_ADDED:
      return "list-add-symbolic";
    case SB_CHANGE_REMOVED:
      return "list-remove-symbolic";
    case SB_CHANGE_CHANGED:
    default:
      return "document-edit-symbolic";
    }
}

/* When and where a statement is: a list of ACLED events has many of
 * one title. */
static char *
item_context (SbEntity *entity)
{
  g_autofree char *date = NULL;
  SbPlace *place;

  if (!SB_IS_ITEM (entity))
    return NULL;

  date = sb_format_date (sb_item_get_date (SB_ITEM (entity)));
  place = sb_item_get_place (SB_ITEM (entity));
  if (place != NULL && date != NULL)
    /* Translators: when and where a statement in the Changes list is: "14 August 2022, Ogossagou" */
    return g_strdup_printf (_("%s, %s"), date, sb_entity_get_label (SB_ENTITY (place)));
  if (place != NULL)
    return g_strdup (sb_entity_get_label (SB_ENTITY (place)));

  return g_steal_pointer (&date);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *context = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 30);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (context), 0);
  gtk_label_set_wrap (GTK_LABEL (context), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (context), 30);
  gtk_widget_add_css_class (context, "caption");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 30);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), context);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  SbChange *change = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (row);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *context = gtk_widget_get_next_sibling (title);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (context);
  g_autofree char *description = sb_change_describe (change);
  g_autofree char *where_when = item_context (sb_change_get_entity (change));
  const char *label = sb_entity_get_label (sb_change_get_entity (change));

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), kind_icon (sb_change_get_kind (change)));
  gtk_label_set_text (GTK_LABEL (title), label);
  gtk_label_set_text (GTK_LABEL (context), where_when ? where_when : "");
  gtk_widget_set_visible (context, where_when != NULL);
  gtk_label_set_text (GTK_LABEL (subtitle), description);
  gtk_widget_set_opacity (title, sb_change_get_kind (change) == SB_CHANGE_REMOVED ? 0.6 : 1.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

static void
on_activate (SbChangesPane *self,
             guint          position)
{
  g_autoptr(SbChange) change = NULL;

  if (self->comparison == NULL || self->selection == NULL)
    return;

  change = g_list_model_get_item (G_LIST_MODEL (self->comparison), position);
  if (change != NULL)
    sb_selection_select (self->selection, sb_change_get_entity (change));
}

static void
update_labels (SbChangesPane *self)
{
  g_autofree char *since = NULL;
  g_autofree char *summary = NULL;

  /* Translators: the version the open briefing is compared with */
  since = self->label ? g_strdup_printf (_("Since %s"), self->label) : NULL;
  gtk_label_set_text (self->since_label, since ? since : "");
  summary = self->comparison ? sb_comparison_describe (self->comparison) : NULL;
  gtk_label_set_text (self->summary_label, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);
}

/**
 * sb_changes_pane_set_comparison:
 * @comparison: (nullable): the changes to list
 * @label: (nullable): the version compared with, in words: "the last
 *   saved version", "“Mali.sahelbrief~”"
 */
void
sb_changes_pane_set_comparison (SbChangesPane *self,
                                SbComparison  *comparison,
                                const char    *label)
{
  g_autoptr(GtkSingleSelection) model = NULL;

  g_return_if_fail (SB_IS_CHANGES_PANE (self));
  g_return_if_fail (comparison == NULL || SB_IS_COMPARISON (comparison));

  g_set_object (&self->comparison, comparison);
  g_free (self->label);
  self->label = g_strdup (label);

  if (comparison != NULL)
    {
      model = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (comparison)));
      gtk_single_selection_set_autoselect (model, FALSE);
      gtk_single_selection_set_can_unselect (model, TRUE);
      gtk_single_selection_set_selected (model, GTK_INVALID_LIST_POSITION);
    }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (model));

  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->stack,
                                    comparison && g_list_model_get_n_items (G_LIST_MODEL (comparison)) == 0
                                    ? "none" : "list");
  update_labels (self);
}

/* While the other version is read and compared. */
void
sb_changes_pane_set_busy (SbChangesPane *self,
                          const char    *label)
{
  g_return_if_fail (SB_IS_CHANGES_PANE (self));

  g_free (self->label);
  self->label = g_strdup (label);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  gtk_label_set_text (self->since_label, "");
  update_labels (self);
}

SbComparison *
sb_changes_pane_get_comparison (SbChangesPane *self)
{
  g_return_val_if_fail (SB_IS_CHANGES_PANE (self), NULL);

  return self->comparison;
}

const char *
sb_changes_pane_get_label (SbChangesPane *self)
{
  g_return_val_if_fail (SB_IS_CHANGES_PANE (self), NULL);

  return self->label;
}

void
sb_changes_pane_set_selection (SbChangesPane *self,
                               SbSelection   *selection)
{
  g_return_if_fail (SB_IS_CHANGES_PANE (self));

  g_set_object (&self->selection, selection);
}

SbChangesPane *
sb_changes_pane_new (void)
{
  return g_object_new (SB_TYPE_CHANGES_PANE, NULL);
}

static void
sb_changes_pane_dispose (GObject *object)
{
  SbChangesPane *self = SB_CHANGES_PANE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_CHANGES_PANE);
  /* The template's root has no id: it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (sb_changes_pane_parent_class)->dispose (object);
}

static void
sb_changes_pane_class_init (SbChangesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_changes_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-changes-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, SbChangesPane, since_label);
  gtk_widget_class_bind_template_child (widget_class, SbChangesPane, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SbChangesPane, stack);
  gtk_widget_class_bind_template_child (widget_class, SbChangesPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, SbChangesPane, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sb-changes-pane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sb_changes_pane_init (SbChangesPane *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}
