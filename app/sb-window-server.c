/* sb-window-server.c
 *
 * Saving a briefing back to the team's WebDAV server it was opened from,
 * and a new one into a folder there. The server is never overwritten: a
 * version changed there since it was loaded (or last saved) is a conflict
 * the person resolves by keeping a copy, on the server or here, after
 * comparing the two if they like. When the server cannot be reached, the
 * briefing stays open and a recovery copy is written at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-window-server"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sb-remote-briefing.h"
#include "sb-server-auth.h"
#include "sb-toast.h"
#include "sb-webdav.h"
#include "sb-window-private.h"
#include "sb-writer.h"

#define MAX_COPY_NUMBER 50

typedef struct
{
  SbWindow *window;
  SbDocument *document;
  char *uri;
  char *etag;              /* nullable: the version it replaces; NULL for a new file */
  guint64 revision;
  GBytes *body;
  gboolean then_close;
  gboolean new_file;       /* saved into a folder: a name taken is not a conflict */
  guint copy_number;       /* saving a copy: the number tried */
  char *copy_base;         /* its folder and name without ".sahelbrief" */
} ServerSave;

static void
server_save_free (ServerSave *save)
{
  g_clear_object (&save->window);
  g_clear_object (&save->document);
  g_free (save->uri);
  g_free (save->etag);
  g_clear_pointer (&save->body, g_bytes_unref);
  g_free (save->copy_base);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ServerSave, server_save_free)

static char *
display_name (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  const char *path = parsed ? g_uri_get_path (parsed) : uri;
  const char *slash = strrchr (path, '/');

  return g_strdup (slash && slash[1] ? slash + 1 : path);
}

static char *
host_name (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);

  return g_strdup (parsed && g_uri_get_host (parsed) ? g_uri_get_host (parsed) : uri);
}

static void start_put (ServerSave *save);

/* Conflicts */

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

/* "Mali (copy 2).sahelbrief" beside the original. */
static void
save_copy_on_server (ServerSave *save)
{
  g_autofree char *number = NULL;

  if (save->copy_base == NULL)
    {
      g_autofree char *base = g_strdup (save->uri);
      char *dot = g_str_has_suffix (base, ".sahelbrief") ? base + strlen (base) - strlen (".sahelbrief") : NULL;

      if (dot != NULL)
        *dot = '\0';
      save->copy_base = g_steal_pointer (&base);
    }

  save->copy_number++;
  /* TRANSLATORS: the name of a copy saved beside a briefing changed on the server: "Mali (copy 2)" */
  number = save->copy_number == 1 ? g_strdup (_("copy")) : g_strdup_printf (_("copy %u"), save->copy_number);
  g_free (save->uri);
  {
    g_autofree char *escaped = g_uri_escape_string (number, NULL, FALSE);

    save->uri = g_strdup_printf ("%s%%20(%s).sahelbrief", save->copy_base, escaped);
  }
  g_clear_pointer (&save->etag, g_free);
  start_put (save);
}

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      ServerSave       *save)
{
  SbWindow *self = save->window;

  if (g_str_equal (response, "compare"))
    {
      _sb_window_compare_with_server (self);
      server_save_free (save);
    }
  else if (g_str_equal (response, "copy-server"))
    save_copy_on_server (save);
  else if (g_str_equal (response, "copy-here"))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
      server_save_free (save);
    }
  else
    {
      if (save->then_close)
        _sb_window_closed (self, FALSE);
      server_save_free (save);
    }
}

static void
show_conflict (ServerSave *save)
{
  g_autofree char *name = display_name (save->uri);
  g_autofree char *host = host_name (save->uri);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (save->window), _("Changed on the Server"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” on “%s” was changed by someone else since you opened or last saved it. Nothing on the server was replaced, and your changes are still here.\n\nKeep your version as a copy, on the server or on this computer, and compare it with theirs."),
                                  name, host);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "compare", _("C_ompare"),
                                    "copy-here", _("Save a Copy _Here…"),
                                    "copy-server", _("Save a Copy on the _Server"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy-server", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy-server");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_conflict_response), save);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Other failures */

static void
on_failure_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SbWindow         *self)
{
  if (g_str_equal (response, "save-as"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

static void
show_failure (ServerSave *save,
              GError     *error)
{
  SbWindow *self = save->window;
  g_autofree char *name = display_name (save->uri);
  GtkWidget *dialog;

  if (g_error_matches (error, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_UNREACHABLE))
    {
      /* Offline: nothing is lost, a recovery copy is written now. */
      if (self->recovery != NULL && self->document == save->document)
        sb_recovery_write_now (self->recovery);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Server Cannot Be Reached"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” was not saved: %s\n\nThe briefing stays open and your changes are kept here and in a recovery copy on this computer. Save again when the server can be reached, or save a copy here with Save As."),
                                      name, error->message);
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” was not saved to the server: %s\n\nYour changes are still in this window: save them here with Save As."),
                                      name, error->message);
    }

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_failure_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  if (save->then_close)
    _sb_window_closed (self, FALSE);
}

/* Saving */

static void
on_put (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ServerSave) save = user_data;
  SbWindow *self = save->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!sb_webdav_put_finish (result, &etag, &last_modified, &error))
    {
      if (self->document != save->document)
        return;

      if (g_error_matches (error, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_EXISTS) && save->copy_number > 0 &&
          save->copy_number < MAX_COPY_NUMBER)
        {
          save_copy_on_server (g_steal_pointer (&save));
          return;
        }
      if (g_error_matches (error, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_CONFLICT) ||
          (g_error_matches (error, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_EXISTS) && save->copy_number == 0 &&
           !save->new_file))
        {
          show_conflict (g_steal_pointer (&save));
          return;
        }

      show_failure (save, error);
      return;
    }

  sb_document_set_location (save->document, save->uri, etag, last_modified);
  sb_document_mark_saved (save->document, save->revision);

  if (save->then_close)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  name = display_name (save->uri);
  message = g_strdup_printf (_("Saved “%s” on the server"), name);
  sb_window_add_toast (self, sb_toast_new_plain (message));
}

static void
start_put (ServerSave *save)
{
  sb_webdav_put_async (save->uri, save->body, save->etag, NULL, on_put, save);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SbBriefing *snapshot = task_data;
  gsize length;
  char *data = sb_writer_to_data (snapshot, &length);

  g_task_return_pointer (task, g_bytes_new_take (data, length), (GDestroyNotify) g_bytes_unref);
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  ServerSave *save = user_data;

  save->body = g_task_propagate_pointer (G_TASK (result), NULL);
  start_put (save);
}

static void
save_to_server (SbWindow   *self,
                const char *uri,
                const char *etag,
                gboolean    new_file,
                gboolean    then_close)
{
  ServerSave *save = g_new0 (ServerSave, 1);
  g_autoptr(GTask) task = NULL;

  save->window = g_object_ref (self);
  save->document = g_object_ref (self->document);
  save->uri = g_strdup (uri);
  save->etag = g_strdup (etag);
  save->revision = sb_document_get_revision (self->document);
  save->then_close = then_close;
  save->new_file = new_file;

  sb_server_auth_set_parent (GTK_WINDOW (self));
  task = g_task_new (NULL, NULL, on_written, save);
  g_task_set_task_data (task, sb_briefing_get_snapshot (sb_document_get_briefing (self->document)), g_object_unref);
  g_task_run_in_thread (task, write_in_thread);
}

/**
 * _sb_window_save_to_server:
 * @then_close: close the window once saved
 *
 * Saves the briefing back to the address it came from, if the version
 * there is still the one it was loaded or last saved with.
 */
void
_sb_window_save_to_server (SbWindow *self,
                           gboolean  then_close)
{
  g_return_if_fail (self->document != NULL);
  g_return_if_fail (sb_document_get_location (self->document) != NULL);

  save_to_server (self, sb_document_get_location (self->document), sb_document_get_etag (self->document),
                  FALSE, then_close);
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

  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (folder_uri != NULL && name != NULL);

  if (self->document == NULL)
    return;

  with_suffix = g_str_has_suffix (name, ".sahelbrief") ? g_strdup (name) : g_strconcat (name, ".sahelbrief", NULL);
  escaped = g_uri_escape_string (with_suffix, NULL, FALSE);
  uri = g_strconcat (folder_uri, g_str_has_suffix (folder_uri, "/") ? "" : "/", escaped, NULL);
  save_to_server (self, uri, NULL, TRUE, FALSE);
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
