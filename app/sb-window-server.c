/* sb-window-server.c
 *
 * The team's WebDAV server: a new briefing saved into a folder there (Save
 * to Server), and the briefing compared with the version on the server.
 * Saving itself is the document's one save path (sb-window-document.c),
 * with the server as its target; so are the messages a save gets back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-window-server"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sb-remote-briefing.h"
#include "sb-webdav.h"
#include "sb-webdav-target.h"
#include "sb-window-private.h"

/* Comparing with the server's version */

static void
on_server_version (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbRemoteResult) remote = sb_remote_briefing_load_finish (result, &error);

  if (remote == NULL || remote->briefing == NULL)
    {
      if (error == NULL)
        error = g_error_new (SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_FAILED,
                             _("The version on the server has problems and cannot be compared"));
      _sb_window_show_error (self, _("Could Not Compare"), error);
      return;
    }

  _sb_window_compare_with (self, remote->briefing, _("the version on the server"));
}

/**
 * _sb_window_compare_with_server:
 *
 * Compares the briefing shown with the version on the server it came from.
 */
void
_sb_window_compare_with_server (SbWindow *self)
{
  const char *uri = self->document ? sb_document_get_location (self->document) : NULL;

  if (uri == NULL)
    return;

  sb_remote_briefing_load_async (uri, NULL, NULL, NULL, NULL, NULL, on_server_version, g_object_ref (self));
}

/**
 * sb_window_save_to_server_folder:
 * @folder_uri: an http or https address of a folder on a WebDAV server
 * @name: the file name, ".sahelbrief" added if missing
 *
 * Saves the briefing as a new file in the folder; a file of that name
 * already there is not replaced.
 */
void
sb_window_save_to_server_folder (SbWindow   *self,
                                 const char *folder_uri,
                                 const char *name)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *with_suffix = NULL;
  g_autoptr(SbSaveTarget) target = NULL;

  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (folder_uri != NULL && name != NULL);

  with_suffix = g_str_has_suffix (name, ".sahelbrief") ? g_strdup (name) : g_strconcat (name, ".sahelbrief", NULL);
  escaped = g_uri_escape_string (with_suffix, NULL, FALSE);
  uri = g_strconcat (folder_uri, g_str_has_suffix (folder_uri, "/") ? "" : "/", escaped, NULL);
  target = sb_webdav_target_new_file (uri);
  _sb_window_save_to (self, target, FALSE);
}

/* Save to Server: a folder's address and a name. */

typedef struct
{
  SbWindow *window;
  GtkWidget *folder_entry;
  GtkWidget *name_entry;
} FolderPrompt;

static void
on_folder_response (AdwMessageDialog *dialog,
                    const char       *response,
                    FolderPrompt     *prompt)
{
  if (g_str_equal (response, "save"))
    sb_window_save_to_server_folder (prompt->window,
                                     gtk_editable_get_text (GTK_EDITABLE (prompt->folder_entry)),
                                     gtk_editable_get_text (GTK_EDITABLE (prompt->name_entry)));

  g_object_unref (prompt->window);
  g_free (prompt);
}

static void
update_folder_save (GtkEditable      *editable,
                    AdwMessageDialog *dialog)
{
  FolderPrompt *prompt = g_object_get_data (G_OBJECT (dialog), "prompt");
  const char *folder = gtk_editable_get_text (GTK_EDITABLE (prompt->folder_entry));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (prompt->name_entry));

  adw_message_dialog_set_response_enabled (dialog, "save",
                                           (g_str_has_prefix (folder, "http://") || g_str_has_prefix (folder, "https://")) &&
                                           *name != '\0' && strchr (name, '/') == NULL);
}

static GtkWidget *
labelled_entry (GtkWidget  *box,
                const char *label_text)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);

  return entry;
}

static void
save_to_server_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  FolderPrompt *prompt;
  GtkWidget *dialog, *box;
  const char *location;
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;

  if (self->document == NULL)
    return;

  location = sb_document_get_location (self->document);
  if (location != NULL && strrchr (location, '/') != NULL)
    folder = g_strndup (location, strrchr (location, '/') - location + 1);
  name = sb_document_dup_name (self->document);

  prompt = g_new0 (FolderPrompt, 1);
  prompt->window = g_object_ref (self);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save to Server"),
                                   _("A new briefing in a folder on the team’s WebDAV server; a file of that name already there is not replaced."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  prompt->folder_entry = labelled_entry (box, _("_Folder address"));
  gtk_entry_set_input_purpose (GTK_ENTRY (prompt->folder_entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (prompt->folder_entry), "https://example.org/remote.php/dav/files/team/");
  if (folder != NULL)
    gtk_editable_set_text (GTK_EDITABLE (prompt->folder_entry), folder);
  prompt->name_entry = labelled_entry (box, _("_Name"));
  gtk_editable_set_text (GTK_EDITABLE (prompt->name_entry), name);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "prompt", prompt);
  g_signal_connect (prompt->folder_entry, "changed", G_CALLBACK (update_folder_save), dialog);
  g_signal_connect (prompt->name_entry, "changed", G_CALLBACK (update_folder_save), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_folder_response), prompt);
  update_folder_save (NULL, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
compare_server_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _sb_window_compare_with_server (SB_WINDOW (widget));
}

void
_sb_window_class_server_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save-to-server", NULL, save_to_server_action);
  gtk_widget_class_install_action (widget_class, "win.compare-server", NULL, compare_server_action);
}
