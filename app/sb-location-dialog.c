/* sb-location-dialog.c
 *
 * Open Location: an address typed or pasted, one of the recent ones, or
 * a briefing chosen in a folder of a WebDAV server listed below.
 * The dialog only asks; it activates the parent's "win.open-location-uri"
 * with the address chosen, and the window loads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-location-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-location-dialog.h"
#include "sb-webdav-browser.h"

static gboolean
is_web_address (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);

  return uri != NULL &&
         (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 ||
          g_strcmp0 (g_uri_get_scheme (uri), "https") == 0) &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static void
open_location (GtkWindow  *dialog,
               const char *uri)
{
  GtkWindow *parent = gtk_window_get_transient_for (dialog);

  gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-location-uri", "s", uri);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             GtkEditable      *entry)
{
  g_autofree char *uri = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "open"))
    open_location (GTK_WINDOW (dialog), uri);
}

/* Open stays off until the text is an address the loader can take; the
 * hint below the entry says what is wrong, rather than a dialog after.
 */
static void
on_entry_changed (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  GtkWidget *hint = g_object_get_data (G_OBJECT (dialog), "hint");
  gboolean valid = is_web_address (text);

  adw_message_dialog_set_response_enabled (dialog, "open", valid);
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (dialog), "list-button"), valid);
  gtk_widget_set_visible (hint, *text != '\0' && !valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else if (*text != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

/* A folder on a WebDAV server, listed below the address. */
static void
on_list_clicked (GtkButton   *button,
                 GtkEditable *entry)
{
  SbWebdavBrowser *browser = g_object_get_data (G_OBJECT (entry), "browser");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (is_web_address (text))
    sb_webdav_browser_list (browser, text);
}

static void
on_folder_changed (SbWebdavBrowser *browser,
                   const char      *folder,
                   GtkEditable     *entry)
{
  gtk_editable_set_text (entry, folder);
}

static void
on_file_activated (SbWebdavBrowser *browser,
                   const char      *uri,
                   GtkWindow       *dialog)
{
  open_location (dialog, uri);
  gtk_window_close (dialog);
}

static void
on_recent_activated (GtkListBox    *list,
                     GtkListBoxRow *row,
                     GtkWindow     *dialog)
{
  open_location (dialog, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_window_close (dialog);
}

static GtkWidget *
create_recent_list (GtkWindow          *dialog,
                    const char * const *recent_locations)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Recent Locations"));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);
  for (guint i = 0; recent_locations[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      /* An address is shown as it is: "&" and "<" are not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), recent_locations[i]);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, recent_locations[i]);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (on_recent_activated), dialog);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_box_append (GTK_BOX (box), scrolled);

  return box;
}

/**
 * sb_location_dialog_new:
 * @parent: the window whose "win.open-location-uri" action opens the address
 * @recent_locations: (nullable): addresses opened before, newest first
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
sb_location_dialog_new (GtkWindow          *parent,
                        const char * const *recent_locations)
{
  AdwMessageDialog *dialog;
  GtkWidget *box, *entry, *hint;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Open Location"),
                                                       _("The address of a briefing on a web server")));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  entry = gtk_entry_new ();
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_NO_SPELLCHECK);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://example.org/briefing.sahelbrief");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Address"),
                                  -1);
  {
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *list_button = gtk_button_new_with_mnemonic (_("_List Folder"));
    GtkWidget *browser = sb_webdav_browser_new ();

    gtk_widget_set_hexpand (entry, TRUE);
    gtk_widget_set_tooltip_text (list_button, _("List the briefings in this folder of a WebDAV server"));
    gtk_box_append (GTK_BOX (row), entry);
    gtk_box_append (GTK_BOX (row), list_button);
    gtk_box_append (GTK_BOX (box), row);
    g_object_set_data (G_OBJECT (entry), "browser", browser);
    g_signal_connect (list_button, "clicked", G_CALLBACK (on_list_clicked), entry);
    g_signal_connect (browser, "folder-changed", G_CALLBACK (on_folder_changed), entry);
    g_signal_connect (browser, "file-activated", G_CALLBACK (on_file_activated), dialog);
    gtk_widget_set_sensitive (list_button, FALSE);
    g_object_set_data (G_OBJECT (dialog), "list-button", list_button);
    g_object_set_data (G_OBJECT (dialog), "browser-widget", browser);
  }

  hint = gtk_label_new (_("An address starts with http:// or https:// and names a server"));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "error");
  gtk_widget_set_visible (hint, FALSE);
  gtk_box_append (GTK_BOX (box), hint);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);

  gtk_box_append (GTK_BOX (box), g_object_get_data (G_OBJECT (dialog), "browser-widget"));

  if (recent_locations != NULL && recent_locations[0] != NULL)
    gtk_box_append (GTK_BOX (box), create_recent_list (GTK_WINDOW (dialog), recent_locations));

  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "open", FALSE);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);

  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), entry);

  return GTK_WINDOW (dialog);
}
