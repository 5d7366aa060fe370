/* sb-accessible.c
 *
 * Names a screen reader speaks, where GTK 4.8 and libadwaita 1.2 give a
 * control none, or one that is not speech:
 *
 * - a message dialog's responses ("_Save") keep their mnemonic in their
 *   accessible name, and Orca says "underscore Save";
 * - the menu a menu button pops up is called "GtkPopoverMenu";
 * - the list a combo row pops up is called "GtkListView";
 * - a preferences window's search entry and the list of what its search
 *   finds are called "GtkSearchEntry" and "GtkListBox".
 *
 * Newer versions name some of these themselves; the names given here are
 * the same words, so nothing changes there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-accessible.h"

/**
 * sb_accessible_strip_mnemonic:
 * @label: a label that may mark its mnemonic with an underscore
 *
 * Returns: (transfer full): @label as it is spoken: "_Save" is "Save",
 *   "Rock__n" is "Rock_n"
 */
char *
sb_accessible_strip_mnemonic (const char *label)
{
  GString *spoken = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            p++;
          else
            continue;
        }
      g_string_append_c (spoken, *p);
    }
  return g_string_free (spoken, FALSE);
}

/**
 * sb_accessible_name_menu:
 * @button: a menu button with its menu model set
 * @name: what the menu is, as "Main Menu"
 *
 * Names the menu @button pops up, which GTK 4.8 calls by its class name,
 * and each of its items by the words it shows, which GTK 4.18 leaves
 * without a name.
 * Call it again after setting another menu model.
 */
static gboolean
is_menu_item (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  return role == GTK_ACCESSIBLE_ROLE_MENU_ITEM || role == GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX ||
         role == GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO;
}

/* The text of the first label in @widget, without its mnemonic. */
static const char *
first_label_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        return gtk_label_get_text (GTK_LABEL (child));
      if ((text = first_label_text (child)) != NULL)
        return text;
    }
  return NULL;
}

/* Each item named by the words it shows: GTK 4.18 gives a menu's items
 * no name (a screen reader heard "menu item" 27 times in the main menu).
 */
static void
name_menu_items (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (is_menu_item (child) && (text = first_label_text (child)) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      else
        name_menu_items (child);
    }
}

void
sb_accessible_name_menu (GtkMenuButton *button,
                         const char    *name)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  g_return_if_fail (popover != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* Items are made anew with a new model: named each time it shows. */
  if (g_object_get_data (G_OBJECT (popover), "sb-names-items") == NULL)
    {
      g_signal_connect (popover, "map", G_CALLBACK (name_menu_items), NULL);
      g_object_set_data (G_OBJECT (popover), "sb-names-items", GINT_TO_POINTER (TRUE));
    }
}

/**
 * sb_accessible_name_popup_lists:
 * @combo_row: an #AdwComboRow, or any widget that holds a list view
 * @name: the row's title, without a mnemonic
 *
 * Names the list @combo_row pops up after the row (libadwaita 1.2
 * leaves it called "GtkListView").
 */
void
sb_accessible_name_popup_lists (GtkWidget  *combo_row,
                                const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (combo_row); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    else
      sb_accessible_name_popup_lists (child, name);
}

static void
name_search (GtkWidget           *widget,
             AdwPreferencesGroup *group)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *title = group ? adw_preferences_group_get_title (group) : NULL;

      if (GTK_IS_SEARCH_ENTRY (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Preferences"), -1);
      /* A group's list is named by its title; the one group without a
       * title that holds rows is libadwaita's, of what a search found.
       */
      else if (GTK_IS_LIST_BOX (child) && group != NULL && (title == NULL || *title == '\0'))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preferences Found"), -1);
      name_search (child, ADW_IS_PREFERENCES_GROUP (child) ? ADW_PREFERENCES_GROUP (child) : group);
    }
}

static void
on_preferences_mapped (GtkWidget *window)
{
  name_search (window, NULL);
}

/**
 * sb_accessible_name_preferences_search:
 * @window: a preferences window
 *
 * Names the search entry of @window and the list of what it finds, as
 * the window is shown; the lists of its groups keep their titles.
 */
void
sb_accessible_name_preferences_search (AdwPreferencesWindow *window)
{
  g_signal_connect (window, "map", G_CALLBACK (on_preferences_mapped), NULL);
}

/* The label a button shows, with its mnemonic, or %NULL. */
static const char *
mnemonic_label (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);

  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    return gtk_button_get_label (button);
  if (GTK_IS_LABEL (child) && gtk_label_get_use_underline (GTK_LABEL (child)))
    return gtk_label_get_label (GTK_LABEL (child));
  return NULL;
}

static void
name_responses (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *label = GTK_IS_BUTTON (child) ? mnemonic_label (GTK_BUTTON (child)) : NULL;

      if (label != NULL)
        {
          g_autofree char *spoken = sb_accessible_strip_mnemonic (label);

          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
        }
      name_responses (child);
    }
}

static gboolean
on_widget_mapped (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               user_data)
{
  GObject *widget = g_value_get_object (&values[0]);

  if (ADW_IS_MESSAGE_DIALOG (widget))
    name_responses (GTK_WIDGET (widget));
  return TRUE;
}

/**
 * sb_accessible_watch_message_dialogs:
 *
 * From now on, names the responses of every message dialog as it is
 * shown by their labels without the mnemonic: every dialog of the app,
 * those to come too, without each having to remember it. Call it once.
 */
void
sb_accessible_watch_message_dialogs (void)
{
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_widget_mapped, NULL, NULL);
}
