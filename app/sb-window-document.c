/* sb-window-document.c
 *
 * The briefing a window makes: its SbDocument, the title that says it has
 * unsaved changes, Undo and Redo named after the edit, Save and Save As,
 * the question when a window with unsaved changes closes, the recovery
 * copy, New Briefing and its guide, and the Problems list.
 *
 * The document's actions are in the window's action map, so that they are
 * on the session bus too (the tests drive a running SahelBrief that way).
 * A window with unsaved changes is never replaced: what is opened, made
 * or imported then comes in a window of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-window-document"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-add-source-dialog.h"
#include "sb-edit-card.h"
#include "sb-file-chooser.h"
#include "sb-file-target.h"
#include "sb-recovery.h"
#include "sb-server-auth.h"
#include "sb-toast.h"
#include "sb-webdav.h"
#include "sb-webdav-target.h"
#include "sb-window-private.h"

/* The briefing's title, "*" before it when there are unsaved changes. */
void
_sb_window_update_title (SbWindow *self)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  SbText *subtitle;
  const char *text;

  if (briefing == NULL || self->document == NULL)
    return;

  text = sb_text_get (sb_briefing_get_title (briefing));
  name = text && *text ? g_strdup (text) : sb_document_dup_name (self->document);
  title = sb_document_get_modified (self->document) ? g_strconcat ("*", name, NULL) : g_strdup (name);
  subtitle = sb_briefing_get_subtitle (briefing);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? sb_text_get (subtitle) : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
set_enabled (SbWindow   *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* Undo and Redo in the main menu, named after the edit they undo. */
static void
update_edit_actions (SbWindow *self)
{
  gboolean can_undo = self->document && sb_document_can_undo (self->document);
  gboolean can_redo = self->document && sb_document_can_redo (self->document);
  const char *undo = self->document ? sb_document_get_undo_label (self->document) : NULL;
  const char *redo = self->document ? sb_document_get_redo_label (self->document) : NULL;
  g_autoptr(GMenuItem) undo_item = g_menu_item_new (undo ? undo : _("_Undo"), "win.undo");
  g_autoptr(GMenuItem) redo_item = g_menu_item_new (redo ? redo : _("_Redo"), "win.redo");
  g_autoptr(GMenuItem) details_item = g_menu_item_new (_("Briefing _Details…"), "win.edit-briefing");
  g_autoptr(GMenuItem) source_item = g_menu_item_new (_("Add _Source…"), "win.add-source");

  set_enabled (self, "undo", can_undo);
  set_enabled (self, "redo", can_redo);
  set_enabled (self, "save", self->document != NULL);
  set_enabled (self, "save-as", self->document != NULL);

  g_menu_remove_all (self->edit_menu);
  g_menu_append_item (self->edit_menu, undo_item);
  g_menu_append_item (self->edit_menu, redo_item);
  g_menu_append_item (self->edit_menu, details_item);
  g_menu_append_item (self->edit_menu, source_item);
}

/* The guide shows while the briefing has nothing in it yet. */
static void
update_guide (SbWindow *self)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  gboolean empty = briefing != NULL &&
                   g_list_model_get_n_items (sb_briefing_get_sources (briefing)) == 0 &&
                   g_list_model_get_n_items (sb_briefing_get_all_items (briefing)) == 0 &&
                   g_list_model_get_n_items (sb_briefing_get_actors (briefing)) == 0;

  /* A new briefing starts at its first step, for the keyboard too. */
  if (empty && !gtk_widget_get_visible (self->guide))
    {
      gtk_widget_set_visible (self->guide, TRUE);
      gtk_widget_child_focus (self->guide, GTK_DIR_TAB_FORWARD);
    }
  gtk_widget_set_visible (self->guide, empty);
}

static void
update_problems_button (SbWindow *self)
{
  GListModel *problems = self->document ? sb_checker_get_problems (sb_document_get_checker (self->document)) : NULL;
  guint n = problems ? g_list_model_get_n_items (problems) : 0;
  g_autofree char *label = g_strdup_printf ("%u", n);
  /* TRANSLATORS: what a screen reader says of the button: "3 problems" */
  g_autofree char *spoken = g_strdup_printf (ngettext ("%u problem", "%u problems", n), n);
  GtkWidget *toggle;

  adw_button_content_set_label (self->problems_content, label);
  gtk_widget_set_visible (self->problems_button, n > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken,
                                  -1);
  /* GTK 4.8 names the button inside after what it shows: "2". */
  toggle = gtk_widget_get_first_child (self->problems_button);
  if (GTK_IS_TOGGLE_BUTTON (toggle))
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken,
                                    -1);
}

/* What was just placed (by name, by a click or at the cross) is framed
 * as choosing it would frame it: a point with its neighbouring towns and
 * a border, a country-level statement its whole country. Being somewhere
 * in view already is not enough: a wide view leaves it one dot among many.
 */
static void
frame_placed (SbWindow  *self,
              SbChanges *changes)
{
  SbEntity *selected = sb_selection_get_selected (self->selection);
  g_autoptr(GPtrArray) entities = NULL;

  if (!SB_IS_ITEM (selected) ||
      (!sb_changes_has_field (changes, selected, SB_ITEM_FIELD_PLACE) &&
       !sb_changes_has_field (changes, selected, SB_ITEM_FIELD_ORIGIN)))
    return;

  entities = g_ptr_array_new ();
  g_ptr_array_add (entities, selected);
  sb_map_view_frame_items (self->map_view, entities, TRUE);
}

static void
on_edited (SbWindow  *self,
           SbChanges *changes)
{
  update_guide (self);
  _sb_window_update_title (self);
  frame_placed (self, changes);
}

static void
disconnect_document (SbWindow *self)
{
  if (self->document == NULL)
    return;

  /* Briefing Details shows the briefing that goes. */
  if (self->briefing_details != NULL)
    gtk_window_destroy (self->briefing_details);
  g_signal_handlers_disconnect_by_data (self->document, self);
  g_signal_handlers_disconnect_by_data (sb_checker_get_problems (sb_document_get_checker (self->document)), self);
  g_clear_object (&self->recovery);
  g_clear_object (&self->document);
}

/**
 * _sb_window_set_document:
 * @adopt: (nullable): the recovery copy @document was recovered from
 *
 * Shows @document's briefing and makes it the one edited.
 */
void
_sb_window_set_document (SbWindow        *self,
                         SbDocument      *document,
                         SbRecoveryEntry *adopt)
{
  g_autoptr(GFile) recovery_directory = sb_recovery_get_default_directory ();

  disconnect_document (self);

  self->document = g_object_ref (document);
  self->close_confirmed = FALSE;
  sb_document_set_selection (document, self->selection);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (_sb_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::undo-label", G_CALLBACK (update_edit_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::redo-label", G_CALLBACK (update_edit_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file", G_CALLBACK (_sb_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sb_checker_get_problems (sb_document_get_checker (document)), "items-changed",
                           G_CALLBACK (update_problems_button), self, G_CONNECT_SWAPPED);
  self->recovery = sb_recovery_new (document, recovery_directory, adopt);

  sb_selection_set_briefing (self->selection, sb_document_get_briefing (document));
  sb_problems_popover_set_checker (self->problems_popover, sb_document_get_checker (document));
  sb_detail_pane_set_document (self->detail_pane, document);
  sb_steps_panel_set_document (self->steps_panel, document);
  sb_map_editor_set_document (self->map_editor, document);

  update_edit_actions (self);
  update_problems_button (self);
  update_guide (self);
  _sb_window_update_title (self);
}

/**
 * sb_window_get_document:
 *
 * Returns: (transfer none) (nullable): what the window edits: its
 *   briefing, where it came from, its undo history
 */
SbDocument *
sb_window_get_document (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->document;
}

/* ------------------------------------------------------------------ */
/* Messages: what every part of the window says                        */
/* ------------------------------------------------------------------ */

/**
 * sb_window_add_toast:
 * @toast: (transfer full): the message
 *
 * Shows a passing message over the window's panes: the one way every part
 * of the window says something that needs no answer.
 */
void
sb_window_add_toast (SbWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A message with a Close button, over the window. */
AdwMessageDialog *
_sb_window_new_message_dialog (SbWindow   *self,
                               const char *heading)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  return ADW_MESSAGE_DIALOG (dialog);
}

/* @error's message in a dialog under @heading, and whether the briefing
 * shown stays.
 */
void
_sb_window_show_error_here (SbWindow   *self,
                            const char *heading,
                            GError     *error)
{
  AdwMessageDialog *dialog = _sb_window_new_message_dialog (self, heading);

  if (sb_selection_get_briefing (self->selection) != NULL)
    adw_message_dialog_format_body (dialog, _("%s\n\nThe briefing shown stays open."), error->message);
  else
    adw_message_dialog_set_body (dialog, error->message);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* In Open Recent, as a briefing SahelBrief opens. */
void
_sb_window_remember_file (SbWindow *self,
                          GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = g_file_get_basename (file);
  GtkRecentData data = {
    .display_name = name,
    .mime_type = (char *) SB_WINDOW_BRIEFING_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "sahelbrief %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);

  /* Save As starts where briefings were last opened or saved. */
  if (self->settings != NULL && g_file_is_native (file))
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent ? g_file_get_path (parent) : NULL;

      if (folder != NULL)
        g_settings_set_string (self->settings, "briefing-folder", folder);
    }
}

/* ------------------------------------------------------------------ */
/* Replacing the briefing                                              */
/* ------------------------------------------------------------------ */

/**
 * _sb_window_is_replaceable:
 *
 * Returns: whether another briefing may take this window's place: not
 *   while it has unsaved changes
 */
gboolean
_sb_window_is_replaceable (SbWindow *self)
{
  return self->document == NULL || !sb_document_get_modified (self->document);
}

/**
 * _sb_window_new_sibling:
 *
 * Returns: (transfer none): a new window of the same application, shown,
 *   for what this window, having unsaved changes, does not replace
 */
SbWindow *
_sb_window_new_sibling (SbWindow *self)
{
  SbWindow *window = g_object_new (G_OBJECT_TYPE (self),
                                  "application", gtk_window_get_application (GTK_WINDOW (self)),
                                  "settings", self->settings,
                                  NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);

  if (self->document != NULL)
    sb_document_undo (self->document);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);

  if (self->document != NULL)
    sb_document_redo (self->document);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */
/* ------------------------------------------------------------------ */

typedef enum
{
  THEN_NOTHING,
  THEN_CLOSE,
} SaveThen;

typedef struct
{
  SbWindow *window;
  SbSaveTarget *target;
  SaveThen then;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->window);
  g_clear_object (&request->target);
  g_free (request);
}

static void save_as (SbWindow *self,
                     SaveThen  then);
static void closed (SbWindow *self,
                    gboolean  did_close);

static void
on_save_error_response (AdwMessageDialog *dialog,
                        const char       *response,
                        SbWindow         *self)
{
  if (g_str_equal (response, "save-as"))
    save_as (self, THEN_NOTHING);
}

static void
show_save_error (SbWindow *self,
                 GFile    *file,
                 GError   *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save"), NULL);

  /* TRANSLATORS: "Could not save to “/home/…/week-32.sahelbrief”: No space left on device" */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Could not save to “%s”: %s\n\nThe file there is as it was, and your changes are still in this window: save them elsewhere with Save As."),
                                  name, error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_error_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void save_to_target (SbWindow     *self,
                            SbSaveTarget *target,
                            SaveThen      then);
static void save_to (SbWindow *self,
                     GFile    *file,
                     SaveThen  then);

/* The file written since it was opened or saved here: by another program,
 * or another window. Nothing is replaced unless the person says so.
 */

static void
on_changed_on_disk_response (AdwMessageDialog *dialog,
                             const char       *response,
                             SbWindow         *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (self->document == NULL)
    return;

  if (g_str_equal (response, "save-anyway"))
    save_to (self, file, THEN_NOTHING);
  else if (g_str_equal (response, "save-as"))
    save_as (self, THEN_NOTHING);
}

static void
show_changed_on_disk (SbWindow *self,
                      GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Changed on Disk"), NULL);

  /* TRANSLATORS: "“week-32.sahelbrief” changed on disk since you opened it…" */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” changed on disk since you opened or last saved it, in another window or another program. It was not replaced, and your changes are still here.\n\nSave Anyway replaces that newer version with this one (it is kept as “%s~”); Save As keeps both."),
                                  name, name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "save-anyway", _("Save _Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-anyway", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_changed_on_disk_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The team's server: a colleague's newer version, or no server at all */

static char *
host_name (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);

  return g_strdup (parsed && g_uri_get_host (parsed) ? g_uri_get_host (parsed) : uri);
}

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      SbWindow         *self)
{
  const char *uri = g_object_get_data (G_OBJECT (dialog), "uri");

  /* Compare With is above the document: reached through its action. */
  if (g_str_equal (response, "compare"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.compare-server", NULL);
  else if (g_str_equal (response, "copy-server"))
    {
      g_autoptr(SbSaveTarget) copy = sb_webdav_target_new_copy (uri);

      save_to_target (self, copy, THEN_NOTHING);
    }
  else if (g_str_equal (response, "copy-here"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

static void
show_conflict (SbWindow     *self,
               SbSaveTarget *target)
{
  const char *uri = sb_save_target_get_uri (target);
  g_autofree char *name = sb_save_target_dup_display_name (target);
  g_autofree char *host = host_name (uri);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Changed on the Server"), NULL);

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
  g_object_set_data_full (G_OBJECT (dialog), "uri", g_strdup (uri), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Other failures */

static void
on_server_failure_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SbWindow         *self)
{
  if (g_str_equal (response, "save-as"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

/* Says why a save to the server failed. A colleague's newer version
 * there is a conflict, resolved by keeping a copy; a server that cannot
 * be reached leaves the briefing open, with a recovery copy written now.
 */
static void
show_server_save_error (SbWindow     *self,
                        SbSaveTarget *target,
                        const GError *error)
{
  g_autofree char *name = sb_save_target_dup_display_name (target);
  gboolean replaces = SB_IS_WEBDAV_TARGET (target) && sb_webdav_target_get_replaces (SB_WEBDAV_TARGET (target));
  GtkWidget *dialog;

  if (g_error_matches (error, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_CONFLICT) ||
      (replaces && g_error_matches (error, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_EXISTS)))
    {
      show_conflict (self, target);
      return;
    }

  if (g_error_matches (error, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_UNREACHABLE))
    {
      /* Offline: nothing is lost, a recovery copy is written now. */
      if (self->recovery != NULL)
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
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_server_failure_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveRequest *request = user_data;
  SbWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = sb_save_target_dup_display_name (request->target);
  g_autofree char *message = NULL;
  GFile *file = sb_save_target_get_file (request->target);
  guint n_problems = 0;
  AdwToast *toast;

  if (!sb_document_save_finish (SB_DOCUMENT (object), result, &n_problems, &error))
    {
      if (SB_DOCUMENT (object) == self->document)
        {
          if (file != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
            show_changed_on_disk (self, file);
          else if (file != NULL)
            show_save_error (self, file, error);
          else
            show_server_save_error (self, request->target, error);
          if (request->then == THEN_CLOSE)
            closed (self, FALSE);
        }
      save_request_free (request);
      return;
    }

  if (file != NULL)
    _sb_window_remember_file (self, file);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", TRUE);

  if (request->then == THEN_CLOSE)
    {
      self->close_confirmed = TRUE;
      save_request_free (request);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  /* A briefing with problems is saved all the same: work in progress. */
  if (file == NULL && n_problems > 0)
    message = g_strdup_printf (ngettext ("Saved “%s” on the server; it still has %u problem",
                                         "Saved “%s” on the server; it still has %u problems", n_problems),
                               name, n_problems);
  else if (file == NULL)
    message = g_strdup_printf (_("Saved “%s” on the server"), name);
  else if (n_problems > 0)
    message = g_strdup_printf (ngettext ("Saved “%s”; it still has %u problem",
                                         "Saved “%s”; it still has %u problems", n_problems),
                               name, n_problems);
  else
    message = g_strdup_printf (_("Saved “%s”"), name);

  toast = sb_toast_new_plain (message);
  if (n_problems > 0)
    {
      adw_toast_set_button_label (toast, _("_Show Problems"));
      adw_toast_set_action_name (toast, "win.show-problems");
      /* Long enough to be read and reached on a loaded machine. */
      adw_toast_set_timeout (toast, 10);
    }
  sb_window_add_toast (self, toast);
  save_request_free (request);
}

static void
save_to_target (SbWindow     *self,
                SbSaveTarget *target,
                SaveThen      then)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->window = g_object_ref (self);
  request->target = g_object_ref (target);
  request->then = then;
  /* A server asking for a password asks over this window. */
  sb_server_auth_set_parent (GTK_WINDOW (self));
  sb_document_save_to_async (self->document, target, NULL, on_saved, request);
}

static void
save_to (SbWindow *self,
         GFile    *file,
         SaveThen  then)
{
  g_autoptr(SbSaveTarget) target = sb_file_target_new (file);

  save_to_target (self, target, then);
}

/**
 * _sb_window_save_to:
 * @then_close: close the window once saved
 *
 * Saves the briefing to @target (a file, or an address on a server),
 * where it is from then on.
 */
void
_sb_window_save_to (SbWindow     *self,
                    SbSaveTarget *target,
                    gboolean      then_close)
{
  g_return_if_fail (SB_IS_SAVE_TARGET (target));

  if (self->document != NULL)
    save_to_target (self, target, then_close ? THEN_CLOSE : THEN_NOTHING);
  else if (then_close)
    closed (self, FALSE);
}

typedef struct
{
  SbWindow *window;
  SaveThen then;
} SaveAsRequest;

/* A name without the briefing suffix gets it. */
static GFile *
with_suffix (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *suffixed = NULL;

  if (g_str_has_suffix (name, ".sahelbrief"))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  suffixed = g_strconcat (name, ".sahelbrief", NULL);
  return g_file_get_child (parent, suffixed);
}

static void
on_save_as_chosen (GFile    *file,
                   gpointer  user_data)
{
  SaveAsRequest *request = user_data;
  SbWindow *self = request->window;

  if (file != NULL && self->document != NULL)
    {
      g_autoptr(GFile) target = with_suffix (file);

      save_to (self, target, request->then);
    }
  else if (request->then == THEN_CLOSE)
    closed (self, FALSE);

  g_object_unref (request->window);
  g_free (request);
}

/* A briefing's title as a file name: no folder separators, no trailing
 * dots or spaces, not too long for a file system's 255 bytes.
 */
static char *
title_as_name (const char *title)
{
  g_autoptr(GString) name = g_string_new (title);
  const char *end;

  g_string_replace (name, "/", "-", 0);
  g_string_replace (name, "\\", "-", 0);
  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  if (name->len > 200)
    {
      g_utf8_validate (name->str, 200, &end);
      g_string_truncate (name, end - name->str);
    }
  while (name->len > 0 && (name->str[name->len - 1] == '.' || name->str[name->len - 1] == ' '))
    g_string_truncate (name, name->len - 1);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static char *
suggest_name (SbWindow *self)
{
  SbBriefing *briefing = sb_document_get_briefing (self->document);
  GFile *file = sb_document_get_file (self->document);
  const char *title = sb_text_get (sb_briefing_get_title (briefing));
  g_autofree char *name = NULL;

  if (file != NULL && sb_document_get_imported (self->document))
    {
      /* An import is saved as itself, "events.sahelbrief". */
      char *dot;

      name = g_file_get_basename (file);
      dot = strrchr (name, '.');
      if (dot != NULL)
        *dot = '\0';
    }
  else if (file != NULL)
    /* A copy of a file is named as the file. */
    name = g_file_get_basename (file);
  else if (title != NULL && *title != '\0')
    name = title_as_name (title);
  else
    {
      /* Made from an article and not titled yet: named after the article. */
      g_autoptr(SbSource) source = g_list_model_get_item (sb_briefing_get_sources (briefing), 0);

      if (source != NULL)
        name = title_as_name (sb_entity_get_label (SB_ENTITY (source)));
    }
  if (name == NULL || *name == '\0' || g_str_equal (name, ".sahelbrief"))
    {
      g_free (name);
      name = g_strdup (_("Untitled Briefing"));
    }

  if (g_str_has_suffix (name, ".sahelbrief"))
    return g_steal_pointer (&name);
  return g_strconcat (name, ".sahelbrief", NULL);
}

/* Where Save As starts: the folder briefings were last opened from or
 * saved to, else the briefing's own folder, else Documents.
 */
static GFile *
save_folder (SbWindow *self)
{
  g_autofree char *last = self->settings ? g_settings_get_string (self->settings, "briefing-folder") : NULL;
  GFile *file = sb_document_get_file (self->document);
  const char *documents;

  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (last);
  if (file != NULL && g_file_is_native (file))
    return g_file_get_parent (file);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return NULL;
}

static void
save_as (SbWindow *self,
         SaveThen  then)
{
  g_autoptr(GListModel) filters =
    sb_file_filters_new (sb_file_filter_new (_("Briefings"), SB_WINDOW_BRIEFING_MIME_TYPE, "sahelbrief", NULL), NULL);
  g_autofree char *suggested = suggest_name (self);
  g_autoptr(GFile) folder = save_folder (self);
  SaveAsRequest *request = g_new0 (SaveAsRequest, 1);

  request->window = g_object_ref (self);
  request->then = then;
  sb_file_chooser_save (GTK_WINDOW (self), _("Save Briefing"), folder, suggested, filters,
                        on_save_as_chosen, request);
}

/* Save writes where the briefing came from, if it is a briefing file
 * or a server's address; an import or a new briefing asks where.
 */
static void
save (SbWindow *self,
      SaveThen  then)
{
  GFile *file;

  if (self->document == NULL)
    return;

  /* Back to the server it came from, never over a newer version there. */
  if (sb_document_get_location (self->document) != NULL)
    {
      g_autoptr(SbSaveTarget) target = sb_webdav_target_new (sb_document_get_location (self->document),
                                                             sb_document_get_etag (self->document));

      save_to_target (self, target, then);
      return;
    }

  file = sb_document_get_file (self->document);
  if (file == NULL || sb_document_get_imported (self->document))
    save_as (self, then);
  else
    {
      /* Over the version it was read from or last saved as, no other. */
      g_autoptr(SbSaveTarget) target = sb_file_target_new_checked (file, sb_document_get_etag (self->document));

      save_to_target (self, target, then);
    }
}

/**
 * sb_window_save:
 *
 * Saves the briefing to its file, or asks where when it has none.
 */
void
sb_window_save (SbWindow *self)
{
  g_return_if_fail (SB_IS_WINDOW (self));

  save (self, THEN_NOTHING);
}

/**
 * sb_window_save_as:
 *
 * Saves the briefing to @file, which is its file from then on; what was
 * there stays as "NAME~".
 */
void
sb_window_save_as (SbWindow *self,
                   GFile    *file)
{
  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document != NULL)
    save_to (self, file, THEN_NOTHING);
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  save (SB_WINDOW (user_data), THEN_NOTHING);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);

  if (self->document != NULL)
    save_as (self, THEN_NOTHING);
}

/* ------------------------------------------------------------------ */
/* Closing                                                             */
/* ------------------------------------------------------------------ */

static void
closed (SbWindow *self,
        gboolean  did_close)
{
  SbWindowCloseRequest request = self->close_request;

  self->close_request = (SbWindowCloseRequest) { NULL, NULL };
  if (request.func != NULL)
    request.func (self, did_close, request.data);
}

/* Closing without saving: no recovery copy is kept of what was discarded. */
void
_sb_window_discard_changes (SbWindow *self)
{
  if (self->recovery != NULL)
    sb_recovery_discard (self->recovery);
}

/* After the dialog's answer is over: the dialog is the window's. */
static gboolean
close_later (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   SbWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      _sb_window_discard_changes (self);
      self->close_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_later, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    save (self, THEN_CLOSE);
  else
    closed (self, FALSE);
}

static void
ask_before_closing (SbWindow *self)
{
  g_autofree char *name = sb_document_dup_name (self->document);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has changes that are not saved. If you close without saving, they are lost."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _sb_window_close_request:
 *
 * Returns: %TRUE to keep the window open: it has unsaved changes, and
 *   asks first whether to save them
 */
gboolean
_sb_window_close_request (SbWindow *self)
{
  if (self->close_confirmed || self->document == NULL || !sb_document_get_modified (self->document))
    {
      closed (self, TRUE);
      return FALSE;
    }

  ask_before_closing (self);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Entities by id, for menus and the Problems list                     */
/* ------------------------------------------------------------------ */

static SbEntity *
lookup (SbWindow *self,
        GVariant *parameter)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);

  return briefing ? sb_briefing_lookup (briefing, g_variant_get_string (parameter, NULL)) : NULL;
}

static void
select_entity_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);
  SbEntity *entity = lookup (self, parameter);

  if (entity != NULL)
    sb_selection_select (self->selection, entity);
}

static void
remove_entity (SbWindow *self,
        SbEntity *entity)
{
  g_autoptr(GError) error = NULL;

  if (!sb_document_apply (self->document, sb_edit_new_remove_with_references (sb_document_get_briefing (self->document), entity), &error))
    _sb_window_show_error_here (self, _("Could Not Remove"), error);
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SbWindow         *self)
{
  SbEntity *entity = g_object_get_data (G_OBJECT (dialog), "entity");

  if (g_str_equal (response, "remove") && self->document != NULL &&
      sb_briefing_lookup (sb_document_get_briefing (self->document), sb_entity_get_id (entity)) == entity)
    remove_entity (self, entity);
}

/* "“Wagner in Mali”, “Step 2” and 3 more": what refers to @entity. */
static char *
describe_referrers (SbBriefing *briefing,
                    SbEntity   *entity)
{
  g_autoptr(GPtrArray) referrers = sb_briefing_find_references (briefing, entity);
  g_autoptr(GString) names = g_string_new (NULL);
  guint shown = MIN (referrers->len, 4);

  for (guint i = 0; i < shown; i++)
    {
      const char *label = sb_entity_get_label (g_ptr_array_index (referrers, i));

      if (i > 0)
        g_string_append (names, i + 1 == shown && shown == referrers->len ? _(" and ") : ", ");
      g_string_append_printf (names, "“%s”", label ? label : sb_entity_get_id (g_ptr_array_index (referrers, i)));
    }
  if (referrers->len > shown)
    /* TRANSLATORS: the end of a list of what refers to something: "“A”, “B”, “C”, “D” and 5 more" */
    g_string_append_printf (names, ngettext (" and %u more", " and %u more",
                                                referrers->len - shown),
                            referrers->len - shown);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* What others refer to goes with its references, once the person agrees:
 * undo brings both back.
 */
static void
ask_to_remove (SbWindow *self,
               SbEntity *entity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbEdit) edit = NULL;
  GtkWidget *dialog;

  if (self->document == NULL)
    return;

  edit = sb_edit_new_remove (sb_document_get_briefing (self->document), entity, &error);
  if (edit != NULL)
    {
      sb_document_apply (self->document, g_steal_pointer (&edit), NULL);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove with Its References?"), NULL);
  {
    g_autofree char *referrers = describe_referrers (sb_document_get_briefing (self->document), entity);

    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("%s: %s. Removing it takes it out of them too. Undo brings both back."),
                                    error->message, referrers);
  }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "entity", g_object_ref (entity), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "win.remove-entity('incident-7')": removes it and what refers to it, as
 * a menu that names it asks; undone as one.
 */
static void
remove_entity_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);
  SbEntity *entity = lookup (self, parameter);

  if (entity != NULL && self->document != NULL)
    remove_entity (self, entity);
}

/* "win.remove-entity-asking('actor-3')": as Delete on the selection. */
static void
remove_entity_asking_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);
  SbEntity *entity = lookup (self, parameter);

  if (entity != NULL)
    ask_to_remove (self, entity);
}

static void
remove_selected_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);
  SbEntity *selected = sb_selection_get_selected (self->selection);

  if (selected != NULL)
    ask_to_remove (self, selected);
}

static void
show_problems_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);

  if (gtk_widget_get_visible (self->problems_button))
    gtk_menu_button_popup (GTK_MENU_BUTTON (self->problems_button));
}

/* Ctrl+E: the card of the selection, to edit, in a narrow window too. */
static void
edit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);

  if (sb_selection_get_selected (self->selection) == NULL)
    return;

  adw_flap_set_reveal_flap (self->detail_flap, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->detail_pane), "detail.edit", NULL);
}

static void
place_when_revealed (SbWindow *self)
{
  if (adw_flap_get_reveal_progress (self->detail_flap) < 1.0)
    return;
  g_signal_handlers_disconnect_by_func (self->detail_flap, place_when_revealed, self);
  sb_detail_pane_place (self->detail_pane);
}

static void
place_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);

  if (!SB_IS_ITEM (sb_selection_get_selected (self->selection)))
    return;
  adw_flap_set_reveal_flap (self->detail_flap, TRUE);
  if (adw_flap_get_reveal_progress (self->detail_flap) < 1.0)
    g_signal_connect_object (self->detail_flap, "notify::reveal-progress", G_CALLBACK (place_when_revealed), self,
                             G_CONNECT_SWAPPED);
  else
    sb_detail_pane_place (self->detail_pane);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accelerator,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accelerator),
                                                          gtk_named_action_new (action)));
}

/* Briefing Details: the briefing's own title, language, authors and date,
 * in a window over this one, where Undo, Redo and Save work as here.
 */
static void
edit_briefing_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);
  GtkWidget *window, *box, *scroller, *clamp, *card;
  GtkEventController *shortcuts;

  if (self->document == NULL)
    return;

  if (self->briefing_details != NULL)
    {
      gtk_window_present (self->briefing_details);
      return;
    }

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Briefing Details"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);

  card = sb_edit_card_new ();
  sb_edit_card_set_document (SB_EDIT_CARD (card), self->document);
  sb_edit_card_show_briefing (SB_EDIT_CARD (card));
  gtk_widget_set_margin_top (card, 12);
  gtk_widget_set_margin_bottom (card, 24);
  gtk_widget_set_margin_start (card, 12);
  gtk_widget_set_margin_end (card, 12);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), card);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);

  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (self));
  shortcuts = gtk_shortcut_controller_new ();
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Escape", "window.close");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>z", "win.undo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>z", "win.redo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>s", "win.save");
  gtk_widget_add_controller (window, shortcuts);

  g_set_weak_pointer (&self->briefing_details, GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

/* Add Source: an article pasted, opened or fetched, in a window over this. */
static void
add_source_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);

  if (self->document != NULL)
    gtk_window_present (GTK_WINDOW (sb_add_source_dialog_new (GTK_WINDOW (self), self->document)));
}

static void
update_remove_selected (SbWindow *self)
{
  set_enabled (self, "remove-selected", sb_selection_get_selected (self->selection) != NULL);
  set_enabled (self, "edit", sb_selection_get_selected (self->selection) != NULL);
  set_enabled (self, "place", SB_IS_ITEM (sb_selection_get_selected (self->selection)));
}

static const GActionEntry document_actions[] = {
  { "undo", undo_action },
  { "redo", redo_action },
  { "save", save_action },
  { "save-as", save_as_action },
  { "select-entity", select_entity_action, "s" },
  { "remove-entity", remove_entity_action, "s" },
  { "remove-entity-asking", remove_entity_asking_action, "s" },
  { "remove-selected", remove_selected_action },
  { "show-problems", show_problems_action },
  { "edit", edit_action },
  { "place", place_action },
  { "edit-briefing", edit_briefing_action },
  { "add-source", add_source_action },
};

void
_sb_window_document_init (SbWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), document_actions, G_N_ELEMENTS (document_actions), self);

  sb_problems_popover_set_selection (self->problems_popover, self->selection);
  g_signal_connect_object (self->selection, "edited", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_remove_selected), self,
                           G_CONNECT_SWAPPED);
  update_edit_actions (self);
  update_remove_selected (self);
}

void
_sb_window_document_dispose (SbWindow *self)
{
  disconnect_document (self);
  if (self->briefing_details != NULL)
    gtk_window_destroy (self->briefing_details);
  g_clear_weak_pointer (&self->briefing_details);
}

void
_sb_window_class_document_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-problems", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.place", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.remove-selected", NULL);
}
