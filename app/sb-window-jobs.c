/* sb-window-jobs.c
 *
 * What a window does in the background: opening a file or a web address,
 * importing, exporting, reloading; and what replaces the briefing shown
 * as they do, a new briefing. One job at a time, on the progress line
 * under the header bar with a Cancel button; a briefing that fails to load
 * never replaces the one shown, and its problems are listed as `--check`
 * prints them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-window-jobs"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-file-target.h"
#include "sb-import.h"
#include "sb-loader.h"
#include "sb-remote-briefing.h"
#include "sb-toast.h"
#include "sb-window-private.h"

#define DEFAULT_BRIEFING "/com/example/SahelBrief/briefings/sahel-2022-08.sahelbrief"

typedef enum
{
  JOB_OPEN,
  JOB_OPEN_LOCATION,
  JOB_IMPORT,
  JOB_EXPORT_GEOJSON,
  JOB_EXPORT_VIEW,
  JOB_EXPORT_HANDOUT,
  JOB_PRINT,
} JobKind;

/* A job owns itself until its callback runs; the window only points at
 * the one under way, so a job that finds it is no longer that one was
 * superseded or cancelled, and its result is dropped.
 */
struct _SbWindowJob
{
  SbWindow *window;
  JobKind kind;
  GCancellable *cancellable;
  GFile *file;             /* nullable: opened, imported or written */
  char *uri;               /* nullable: the address opened */
  SbImportFormat format;   /* of an import */
  char *encoding;          /* nullable: of an import, as chosen */
  char *name_property;     /* nullable: names an import's places for reference */
  SbRecoveryEntry *recovery;  /* nullable: the copy a recovery opens */
  char *stamp;             /* nullable: the briefing file's, as it was read */
  const char *done;        /* an export's toast when it is done */
};

static void
job_free (SbWindowJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->file);
  g_clear_pointer (&job->uri, g_free);
  g_clear_pointer (&job->encoding, g_free);
  g_clear_pointer (&job->name_property, g_free);
  g_clear_pointer (&job->recovery, sb_recovery_entry_unref);
  g_clear_pointer (&job->stamp, g_free);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbWindowJob, job_free)

/**
 * sb_window_set_made_for_file:
 *
 * Says that the window was made only to open a file (from the command
 * line, or a second file dropped): if that file cannot be opened and the
 * window shows nothing else, the problems are shown in another window of
 * the application and this one closes, so that failed opens never leave
 * empty windows behind. The last window left stays and says what failed.
 */
void
sb_window_set_made_for_file (SbWindow *self,
                             gboolean  made_for_file)
{
  g_return_if_fail (SB_IS_WINDOW (self));

  self->made_for_file = made_for_file;
}

static gboolean
destroy_window (gpointer user_data)
{
  gtk_window_destroy (user_data);
  return G_SOURCE_REMOVE;
}

/* Where to say that a load failed: this window, or, for a window made
 * only for the file that failed and showing nothing, another window of
 * the application that shows a briefing, loads one, or stays anyway.
 * The window given up closes once the message is shown.
 */
static SbWindow *
failure_window (SbWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (!self->made_for_file || sb_selection_get_briefing (self->selection) != NULL || application == NULL)
    return self;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      SbWindow *other = l->data;

      if (!SB_IS_WINDOW (other) || other == self)
        continue;

      if (sb_selection_get_briefing (other->selection) != NULL || _sb_window_job_is_loading (other) ||
          !other->made_for_file)
        {
          gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
          g_idle_add_full (G_PRIORITY_DEFAULT, destroy_window, g_object_ref (self), g_object_unref);
          return other;
        }
    }

  /* The one left: it says what failed, and the next failures go to it. */
  self->made_for_file = FALSE;
  return self;
}

/* "“name” has 3 problems", and whether the briefing shown stays. */
static char *
format_problem_count (SbWindow   *self,
                      const char *name,
                      guint       n_problems)
{
  g_autofree char *basename = g_path_get_basename (name);

  if (sb_selection_get_briefing (self->selection) != NULL)
    return g_strdup_printf (ngettext ("“%s” has %u problem. The briefing shown stays open.",
                                      "“%s” has %u problems. The briefing shown stays open.",
                                      n_problems),
                            basename, n_problems);

  return g_strdup_printf (ngettext ("“%s” has %u problem.", "“%s” has %u problems.", n_problems),
                          basename, n_problems);
}

/* The problems as `sahelbrief --check` prints them (file, line, column,
 * path), each naming @name, under @heading and @summary.
 */
static void
show_problems (SbWindow   *self,
               const char *heading,
               const char *summary,
               const char *name,
               GPtrArray  *problems)
{
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *label, *scrolled;

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_ptr_array_ref (problems);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = sb_problem_to_string (g_ptr_array_index (problems, i), name);

      g_string_append_printf (body, "%s%s", i ? "\n" : "", line);
    }

  dialog = _sb_window_new_message_dialog (self, heading);
  adw_message_dialog_set_body (dialog, summary);
  if (problems->len == 0)
    {
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  label = gtk_label_new (body->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "problems");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"),
                                  -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  adw_message_dialog_set_extra_child (dialog, scrolled);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_export_error (SbWindow *self,
                   GError   *error)
{
  AdwMessageDialog *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  dialog = _sb_window_new_message_dialog (self, _("Could Not Export"));
  adw_message_dialog_set_body (dialog, error->message);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_load_problems (SbWindow   *self,
                    const char *heading,
                    const char *name,
                    GPtrArray  *problems)
{
  SbWindow *shown_in = failure_window (self);
  g_autofree char *summary = format_problem_count (shown_in, name, problems->len);

  show_problems (shown_in, heading, summary, name, problems);
}

/* @error's message in a dialog under @heading, in this window or the one
 * a failed open goes to.
 */
void
_sb_window_show_error (SbWindow   *self,
                       const char *heading,
                       GError     *error)
{
  _sb_window_show_error_here (failure_window (self), heading, error);
}

/* Whether the briefing now shown is the one the last window closed on. */
static gboolean
shows_last_briefing (SbWindow *self)
{
  g_autoptr(GVariant) saved = NULL;
  g_autofree char *uri = NULL;
  GFile *file;

  /* Nothing saved yet: the default value names no briefing. */
  if (self->settings == NULL ||
      (saved = g_settings_get_user_value (self->settings, "last-briefing")) == NULL)
    return FALSE;

  file = self->document ? sb_document_get_file (self->document) : NULL;
  uri = file ? g_file_get_uri (file) : g_strdup ("");

  return g_str_equal (g_variant_get_string (saved, NULL), uri);
}

/* Shows @document's briefing: the selection takes it, and every view
 * follows.
 */
static void
show_document (SbWindow        *self,
               SbDocument      *document,
               SbRecoveryEntry *adopt)
{
  GFile *file = sb_document_get_file (document);

  /* Only an import just made names its places for reference anew. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.name-reference-places", FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload",
                                 file != NULL || sb_document_get_location (document) != NULL);
  _sb_window_set_document (self, document, adopt);

  if (self->restore_view && shows_last_briefing (self))
    sb_map_view_go_to (self->map_view,
                       g_settings_get_double (self->settings, "map-latitude"),
                       g_settings_get_double (self->settings, "map-longitude"),
                       g_settings_get_double (self->settings, "map-zoom"));
  else
    sb_map_view_frame_briefing (self->map_view);
  self->restore_view = FALSE;
  gtk_stack_set_visible_child_name (self->main_stack, "briefing");
}

/* Shows @briefing, from @file or @location (both %NULL for the built-in
 * one), as a document to edit. @problems: what the loader found in it,
 * or %NULL when it was not loaded (an import): with none, it is not
 * checked again until it changes.
 */
static SbDocument *
set_briefing (SbWindow   *self,
              SbBriefing *briefing,
              GFile      *file,
              const char *location,
              GPtrArray  *problems)
{
  g_autoptr(SbDocument) document = problems != NULL && problems->len == 0
                                   ? sb_document_new_checked (briefing)
                                   : sb_document_new (briefing);

  sb_document_set_file (document, file);
  sb_document_set_location (document, location, NULL, NULL);
  show_document (self, document, NULL);

  return document;
}

void
sb_window_load_default (SbWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;

  g_return_if_fail (SB_IS_WINDOW (self));

  bytes = g_resources_lookup_data (DEFAULT_BRIEFING, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  briefing = sb_loader_load_bytes (bytes, &problems);

  /* The test suite checks the built-in briefing; this would be a bug. */
  if (briefing == NULL)
    {
      show_load_problems (self, _("Could Not Open the Briefing"), DEFAULT_BRIEFING, problems);
      return;
    }

  set_briefing (self, briefing, NULL, NULL, NULL);
}

static gboolean
pulse_progress (gpointer data)
{
  SbWindow *self = data;

  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
stop_progress (SbWindow *self)
{
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-loading", FALSE);
}

void
_sb_window_cancel_job (SbWindow *self)
{
  if (self->job == NULL)
    return;

  g_cancellable_cancel (self->job->cancellable);
  self->job = NULL;
  stop_progress (self);
}

/* The language a new briefing is written in: the user's. */
static char *
user_language (void)
{
  const char * const *languages = sb_text_get_preferred_languages ();

  if (languages == NULL || languages[0] == NULL)
    return g_strdup ("en");

  return g_strndup (languages[0], strcspn (languages[0], "-"));
}

/**
 * sb_window_new_briefing:
 *
 * Starts an empty briefing, with a guide to making it: in this window, or
 * in a new one when this one has unsaved changes.
 */
void
sb_window_new_briefing (SbWindow *self)
{
  g_autofree char *language = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  g_autoptr(SbDocument) document = NULL;

  g_return_if_fail (SB_IS_WINDOW (self));

  if (!_sb_window_is_replaceable (self))
    {
      sb_window_new_briefing (_sb_window_new_sibling (self));
      return;
    }

  _sb_window_cancel_job (self);
  language = user_language ();
  briefing = sb_briefing_new (language, NULL);
  document = sb_document_new (briefing);
  _sb_window_set_document (self, document, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "briefing");
  sb_map_view_frame_briefing (self->map_view);
}

/* One job at a time: a new load, import or export supersedes the one
 * under way. The bar below the header bar shows @status with a Cancel
 * button, unless the job is over within a quarter of a second.
 */
static SbWindowJob *
start_job (SbWindow   *self,
           JobKind     kind,
           const char *status,
           const char *location)
{
  SbWindowJob *job = g_new0 (SbWindowJob, 1);

  _sb_window_cancel_job (self);

  job->window = g_object_ref (self);
  job->kind = kind;
  job->cancellable = g_cancellable_new ();
  self->job = job;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "progress");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-loading", TRUE);
  gtk_label_set_label (self->progress_label, status);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->progress_label), location);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  self->progress_timeout = g_timeout_add (250, pulse_progress, self);

  return job;
}

/* Whether @job is still the window's job: it is over then, and its
 * result is to be shown.
 */
static gboolean
end_job (SbWindowJob *job)
{
  if (job->window->job != job)
    return FALSE;

  job->window->job = NULL;
  stop_progress (job->window);
  return TRUE;
}

/* A job that reads or writes @file, saying so with the file's name. */
static SbWindowJob *
start_file_job (SbWindow *self,
                JobKind   kind,
                GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *location = g_file_get_parse_name (file);
  g_autofree char *status = NULL;
  SbWindowJob *job;

  if (kind == JOB_OPEN)
    status = g_strdup_printf (_("Opening “%s”…"), name);
  else if (kind == JOB_IMPORT)
    status = g_strdup_printf (_("Importing “%s”…"), name);
  else
    status = g_strdup_printf (_("Exporting to “%s”…"), name);

  job = start_job (self, kind, status, location);
  job->file = g_object_ref (file);

  return job;
}

gboolean
_sb_window_job_is_loading (SbWindow *self)
{
  if (self->job == NULL)
    return FALSE;

  switch (self->job->kind)
    {
    case JOB_OPEN:
    case JOB_OPEN_LOCATION:
    case JOB_IMPORT:
      return TRUE;

    case JOB_EXPORT_GEOJSON:
    case JOB_EXPORT_VIEW:
    case JOB_EXPORT_HANDOUT:
    case JOB_PRINT:
    default:
      return FALSE;
    }
}

static void
on_file_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SbWindowJob) job = user_data;
  SbWindow *self = job->window;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;

  briefing = sb_loader_load_file_finish (result, &problems);

  /* Superseded by a later job, or the window went away. */
  if (!end_job (job))
    return;

  if (briefing == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (job->file);

      show_load_problems (self, _("Could Not Open the Briefing"), name, problems);
      return;
    }

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  _sb_window_remember_file (self, job->file);
  /* Save will replace this version of the file only. */
  sb_document_set_location (set_briefing (self, briefing, job->file, NULL, problems), NULL, job->stamp, NULL);

  /* Saved while being made: open, with what it still lacks a click away. */
  if (problems->len > 0)
    {
      g_autofree char *name = g_file_get_basename (job->file);
      g_autofree char *title = g_strdup_printf (ngettext ("“%s” still has %u problem",
                                                          "“%s” still has %u problems", problems->len),
                                                name, problems->len);
      AdwToast *toast = sb_toast_new_plain (title);

      self->problems = g_ptr_array_ref (problems);
      adw_toast_set_button_label (toast, _("_Show Problems"));
      adw_toast_set_action_name (toast, "win.show-problems");
      adw_toast_set_timeout (toast, 10);
      sb_window_add_toast (self, toast);
    }
}

static void on_recovered (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data);

/* The file's stamp is read before the file, so that a version written
 * while it loads is never taken for the one read; then it is loaded.
 */
static void
on_stamp_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SbWindowJob *job = user_data;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, NULL);

  if (info != NULL)
    job->stamp = sb_file_target_stamp_from_info (info);

  /* Cancelled or superseded, the load says so and lets the job go. */
  sb_loader_load_file_full_async (job->file, SB_LOADER_WORK_IN_PROGRESS, job->cancellable,
                                  job->recovery != NULL ? on_recovered : on_file_loaded, job);
}

static void
read_stamp_then_load (SbWindowJob *job,
                      GFile       *briefing_file)
{
  g_file_query_info_async (briefing_file, SB_FILE_TARGET_STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, job->cancellable, on_stamp_read, job);
}

/**
 * sb_window_shows_file:
 *
 * Returns: whether the window shows the briefing file @file, or is
 *   opening it
 */
gboolean
sb_window_shows_file (SbWindow *self,
                      GFile    *file)
{
  GFile *shown;

  g_return_val_if_fail (SB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->job != NULL && self->job->kind == JOB_OPEN && self->job->recovery == NULL)
    return g_file_equal (self->job->file, file);

  if (self->document == NULL || sb_document_get_imported (self->document) ||
      sb_document_get_location (self->document) != NULL)
    return FALSE;

  shown = sb_document_get_file (self->document);
  return shown != NULL && g_file_equal (shown, file);
}

/**
 * sb_window_find_for_file:
 * @except: (nullable): a window not to return
 *
 * Returns: (transfer none) (nullable): a window of @application that
 *   shows the briefing file @file or is opening it
 */
SbWindow *
sb_window_find_for_file (GtkApplication *application,
                         GFile          *file,
                         SbWindow       *except)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (application == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (SB_IS_WINDOW (l->data) && l->data != (gpointer) except && sb_window_shows_file (l->data, file))
      return l->data;

  return NULL;
}

/**
 * sb_window_open:
 *
 * Loads @file in the background; the briefing shown stays until the new
 * one has loaded without problems. A file another window shows already
 * is not opened twice: that window is presented.
 */
void
sb_window_open (SbWindow *self,
                GFile    *file)
{
  SbImportFormat format;
  SbWindowJob *job;
  SbWindow *showing;

  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Two windows of one file would each save over the other's version. */
  showing = sb_window_find_for_file (gtk_window_get_application (GTK_WINDOW (self)), file, self);
  if (showing != NULL)
    {
      gtk_window_present (GTK_WINDOW (showing));
      return;
    }

  /* Unsaved changes are never replaced: the file gets a window of its own. */
  if (!_sb_window_is_replaceable (self))
    {
      sb_window_open (_sb_window_new_sibling (self), file);
      return;
    }

  /* Addresses given on the command line or dropped from a browser. */
  if (g_file_has_uri_scheme (file, "http") || g_file_has_uri_scheme (file, "https"))
    {
      g_autofree char *uri = g_file_get_uri (file);

      sb_window_open_location (self, uri);
      return;
    }

  /* ACLED exports, GED and GeoJSON opened from the file manager or
   * dropped, told by their content (".json" may be GeoJSON).
   */
  if (sb_import_guess_format (file, &format))
    {
      sb_window_import (self, file, format, NULL);
      return;
    }

  job = start_file_job (self, JOB_OPEN, file);
  read_stamp_then_load (job, file);
}

static void
on_recovered (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SbWindowJob) job = user_data;
  SbWindow *self = job->window;
  SbRecoveryEntry *entry = job->recovery;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  g_autoptr(SbDocument) document = NULL;

  briefing = sb_loader_load_file_finish (result, &problems);

  if (!end_job (job))
    return;

  if (briefing == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (job->file);

      /* The copy stays where it is, for whoever can mend it. */
      show_load_problems (self, _("Could Not Recover the Briefing"), name, problems);
      return;
    }

  document = sb_document_new (briefing);
  sb_document_set_file (document, sb_recovery_entry_get_origin (entry));
  /* Recovering is choosing these changes over the file as it is now. */
  sb_document_set_location (document, sb_recovery_entry_get_location (entry),
                            sb_recovery_entry_get_location (entry) == NULL ? job->stamp : NULL, NULL);
  sb_document_set_imported (document, sb_recovery_entry_get_imported (entry));
  /* What is recovered was never saved. */
  sb_document_mark_saved (document, G_MAXUINT64);
  show_document (self, document, entry);
}

/**
 * sb_window_recover:
 * @entry: a recovery copy that a crash left
 *
 * Shows the briefing of @entry with its unsaved changes, as from where
 * it came: Save writes it there. The copy goes on being kept.
 */
void
sb_window_recover (SbWindow        *self,
                   SbRecoveryEntry *entry)
{
  SbWindowJob *job;

  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (entry != NULL);

  if (!_sb_window_is_replaceable (self))
    {
      sb_window_recover (_sb_window_new_sibling (self), entry);
      return;
    }

  job = start_file_job (self, JOB_OPEN, sb_recovery_entry_get_copy (entry));
  job->recovery = sb_recovery_entry_ref (entry);
  if (sb_recovery_entry_get_origin (entry) != NULL && sb_recovery_entry_get_location (entry) == NULL &&
      !sb_recovery_entry_get_imported (entry))
    read_stamp_then_load (job, sb_recovery_entry_get_origin (entry));
  else
    sb_loader_load_file_full_async (job->file, SB_LOADER_WORK_IN_PROGRESS, job->cancellable, on_recovered, job);
}

static void
remember_location (SbWindow   *self,
                   const char *uri)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint kept = 1;

  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-locations");
  g_strv_builder_add (builder, uri);
  for (guint i = 0; recent[i] != NULL && kept < SB_WINDOW_MAX_RECENT_LOCATIONS; i++)
    if (!g_str_equal (recent[i], uri))
      {
        g_strv_builder_add (builder, recent[i]);
        kept++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-locations", (const char * const *) updated);
}

static void
on_progress (goffset  received,
             goffset  total,
             gpointer user_data)
{
  SbWindowJob *job = user_data;
  SbWindow *self = job->window;

  if (total > 0 && self->job == job)
    {
      /* Known size: a fraction rather than a pulse. */
      g_clear_handle_id (&self->progress_timeout, g_source_remove);
      gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
      gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) received / total));
    }
}

static void
on_location_loaded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SbWindowJob) job = user_data;
  SbWindow *self = job->window;
  g_autoptr(SbRemoteResult) remote = NULL;
  g_autoptr(GError) error = NULL;
  SbDocument *document;

  remote = sb_remote_briefing_load_finish (result, &error);

  if (!end_job (job))
    return;

  if (remote == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _sb_window_show_error (self, _("Could Not Open Location"), error);
      return;
    }

  if (remote->not_modified)
    {
      /* A redirect may have moved it; the validators still hold. */
      sb_window_add_toast (self, adw_toast_new (_("The briefing on the server has not changed")));
      return;
    }

  if (remote->briefing == NULL)
    {
      show_load_problems (self, _("Could Not Open the Briefing"), remote->uri, remote->problems);
      return;
    }

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  remember_location (self, job->uri);
  document = set_briefing (self, remote->briefing, NULL, job->uri, NULL);
  sb_document_set_location (document, job->uri, remote->etag, remote->last_modified);
}

/* With @conditional, the server is asked whether the briefing changed
 * since it was read.
 */
static void
load_location (SbWindow   *self,
               const char *uri,
               gboolean    conditional)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_autofree char *status = NULL;
  SbWindowJob *job;

  status = g_strdup_printf (_("Loading the briefing from %s…"),
                            parsed && g_uri_get_host (parsed) ? g_uri_get_host (parsed) : uri);
  job = start_job (self, JOB_OPEN_LOCATION, status, uri);
  job->uri = g_strdup (uri);

  sb_remote_briefing_load_async (uri,
                                 conditional ? sb_document_get_etag (self->document) : NULL,
                                 conditional ? sb_document_get_last_modified (self->document) : NULL,
                                 job->cancellable,
                                 on_progress, job,
                                 on_location_loaded, job);
}

/**
 * sb_window_open_location:
 *
 * Loads the briefing at the http or https address @uri in the background;
 * the briefing shown stays until the new one has loaded without problems.
 */
void
sb_window_open_location (SbWindow   *self,
                         const char *uri)
{
  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (uri != NULL);

  if (!_sb_window_is_replaceable (self))
    {
      sb_window_open_location (_sb_window_new_sibling (self), uri);
      return;
    }

  load_location (self, uri, FALSE);
}

void
_sb_window_show_import_problems (SbWindow *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;

  if (self->import_summary == NULL || self->document == NULL || sb_document_get_file (self->document) == NULL)
    return;

  /* show_problems() keeps its own reference. */
  problems = g_ptr_array_ref (self->import_summary->problems);
  name = g_file_get_parse_name (sb_document_get_file (self->document));
  summary = sb_import_summary_to_text (self->import_summary);

  show_problems (self, problems->len > 0 ? _("Imported with Problems") : _("Imported"), summary, name, problems);
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SbWindowJob) job = user_data;
  SbWindow *self = job->window;
  g_autoptr(SbImportSummary) summary = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  g_autofree char *name = g_file_get_parse_name (job->file);
  SbDocument *document;
  g_autofree char *title = NULL;
  AdwToast *toast;

  briefing = sb_import_file_finish (result, &summary);

  if (!end_job (job))
    return;

  if (briefing == NULL)
    {
      if (summary->problems->len > 0)
        show_load_problems (self, _("Could Not Import"), name, summary->problems);
      return;
    }

  document = set_briefing (self, briefing, job->file, NULL, NULL);
  sb_document_set_imported (document, TRUE);
  self->import_format = job->format;
  g_free (self->import_encoding);
  self->import_encoding = g_strdup (job->encoding);
  g_free (self->import_name_property);
  self->import_name_property = g_strdup (job->name_property);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.name-reference-places", summary->n_reference > 0);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_ptr_array_ref (summary->problems);
  g_clear_pointer (&self->import_summary, sb_import_summary_unref);
  self->import_summary = sb_import_summary_ref (summary);

  /* The briefing is shown; what was made and left out a click away. */
  title = sb_import_format_toast (summary);
  toast = sb_toast_new_plain (title);
  /* No mnemonic: a toast's button has none, and a screen reader would say the underscore. */
  adw_toast_set_button_label (toast, _("Details"));
  adw_toast_set_action_name (toast, "win.show-import-problems");
  adw_toast_set_timeout (toast, 10);
  sb_window_add_toast (self, toast);
}

/* One import in the background, as sb_window_import() starts it, or a
 * reload or another name for the places for reference.
 */
static void
start_import (SbWindow       *self,
              GFile          *file,
              SbImportFormat  format,
              const char     *encoding,
              const char     *name_property)
{
  SbWindowJob *job = start_file_job (self, JOB_IMPORT, file);

  job->format = format;
  job->encoding = g_strdup (encoding);
  job->name_property = g_strdup (name_property);

  sb_import_file_async (file, format, encoding, name_property, job->cancellable, on_imported, job);
}

/**
 * sb_window_import:
 * @encoding: (nullable): the file's encoding, or %NULL to detect it
 *
 * Imports an ACLED export, UCDP GED or GeoJSON in the background and
 * shows it as a briefing; the briefing shown stays when nothing can be
 * imported.
 */
void
sb_window_import (SbWindow       *self,
                  GFile          *file,
                  SbImportFormat  format,
                  const char     *encoding)
{
  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!_sb_window_is_replaceable (self))
    {
      sb_window_import (_sb_window_new_sibling (self), file, format, encoding);
      return;
    }

  start_import (self, file, format, encoding, NULL);
}

/* Reads the document's file or address again; an import is imported
 * again, its places for reference named by @name_property.
 */
static void
reload (SbWindow   *self,
        const char *name_property)
{
  SbDocument *document = self->document;
  GFile *file = document ? sb_document_get_file (document) : NULL;

  if (document == NULL)
    return;

  if (sb_document_get_location (document) != NULL)
    load_location (self, sb_document_get_location (document), TRUE);
  else if (file != NULL && sb_document_get_imported (document))
    start_import (self, file, self->import_format, self->import_encoding, name_property);
  else if (file != NULL)
    sb_window_open (self, file);
}

#define NAME_PROPERTY_KEY "sb-name-property"

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SbWindow         *self)
{
  if (!g_str_equal (response, "discard"))
    return;

  /* What was discarded is not kept for recovery either. */
  _sb_window_discard_changes (self);
  self->close_confirmed = FALSE;
  sb_document_mark_saved (self->document, sb_document_get_revision (self->document));
  reload (self, g_object_get_data (G_OBJECT (dialog), NAME_PROPERTY_KEY));
}

/* Unsaved changes are given up only when the person says so. */
static void
reload_or_ask (SbWindow   *self,
               const char *heading,
               const char *body,
               const char *discard_label,
               const char *name_property)
{
  GtkWidget *dialog;

  if (_sb_window_is_replaceable (self))
    {
      reload (self, name_property);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", discard_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), NAME_PROPERTY_KEY, g_strdup (name_property), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The file imported again, its places for reference named by
 * @name_property: what was edited since goes, when the person says so.
 */
void
_sb_window_import_again (SbWindow   *self,
                         const char *name_property)
{
  if (self->document == NULL || !sb_document_get_imported (self->document) ||
      sb_document_get_file (self->document) == NULL)
    return;

  reload_or_ask (self, _("Discard Changes and Import Again?"),
                 _("Naming the places anew imports the file again; the changes made since are lost."),
                 _("_Discard and Import"), name_property);
}

/* Files are read again; web addresses are asked whether they changed. */
void
_sb_window_reload (SbWindow *self)
{
  reload_or_ask (self, _("Discard Changes and Reload?"),
                 _("Reloading shows the briefing as it was saved; the changes made since are lost."),
                 _("_Discard and Reload"), self->import_name_property);
}

static void
on_geojson_exported (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SbWindowJob) job = user_data;
  SbWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *title = NULL;

  /* A job that took over cancelled the export; if the file was replaced
   * before that, the export still says so.
   */
  sb_export_geojson_finish (result, &error);
  if (!end_job (job) && error != NULL)
    return;

  if (error != NULL)
    {
      show_export_error (self, error);
      return;
    }

  title = g_strdup_printf (_("Exported to “%s”"), name);
  sb_window_add_toast (self, sb_toast_new_plain (title));
}

/**
 * sb_window_export_geojson:
 *
 * Writes what the filters show now to @file as GeoJSON, in the
 * background, while the user goes on; a toast says when it is done.
 */
void
sb_window_export_geojson (SbWindow *self,
                          GFile    *file)
{
  SbBriefing *briefing;
  SbWindowJob *job;

  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  briefing = sb_selection_get_briefing (self->selection);
  if (briefing == NULL)
    return;

  job = start_file_job (self, JOB_EXPORT_GEOJSON, file);

  sb_export_geojson_async (briefing, sb_selection_get_filter (self->selection), file, job->cancellable,
                           on_geojson_exported, job);
}

/* The map drawn for files and paper; a toast says when it is done, and how
 * many tiles were missing.
 */
static void
on_map_exported (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SbWindowJob) job = user_data;
  SbWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint missing = 0;
  AdwToast *toast;

  if (!sb_export_finish (result, &missing, &error))
    {
      if (end_job (job))
        show_export_error (self, error);
      return;
    }

  if (!end_job (job))
    return;

  if (missing > 0)
    message = g_strdup_printf (ngettext ("%s — %u map tile was missing and shows the built-in base map",
                                         "%s — %u map tiles were missing and show the built-in base map",
                                         missing),
                               job->done, missing);
  else if (job->kind != JOB_PRINT)
    message = g_strdup (job->done);
  else
    return;   /* printed, or the print dialog was cancelled */

  toast = sb_toast_new_plain (message);
  adw_toast_set_timeout (toast, 6);
  sb_window_add_toast (self, toast);
}

/* "Exporting to “view.png”… 34 of 120 map tiles": the bar fills as they
 * come, and Cancel stops the export.
 */
static void
on_export_progress (guint    tiles_done,
                    guint    tiles_total,
                    gpointer user_data)
{
  SbWindowJob *job = user_data;
  SbWindow *self = job->window;
  g_autofree char *name = NULL;
  g_autofree char *status = NULL;

  if (self->job != job || tiles_total == 0)
    return;

  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) tiles_done / tiles_total);

  name = job->file ? g_file_get_basename (job->file) : NULL;
  if (name != NULL)
    /* TRANSLATORS: while an export fetches its map tiles: the file, how many tiles have come, of how many */
    status = g_strdup_printf (ngettext ("Exporting to “%s”: %u of %u map tile", "Exporting to “%s”: %u of %u map tiles",
                                        tiles_total),
                              name, tiles_done, tiles_total);
  else
    /* TRANSLATORS: while printing waits for its map tiles: how many have come, of how many */
    status = g_strdup_printf (ngettext ("Preparing to print: %u of %u map tile", "Preparing to print: %u of %u map tiles",
                                        tiles_total),
                              tiles_done, tiles_total);
  gtk_label_set_label (self->progress_label, status);
}

/**
 * sb_window_export_view:
 * @width: of a PNG, in pixels; a PDF is an A4 page, landscape
 *
 * Exports the map as shown now, its filters and selection included, while
 * the user goes on; a toast says when it is done and how many tiles were
 * missing.
 */
void
sb_window_export_view (SbWindow       *self,
                       GFile          *file,
                       SbExportFormat  format,
                       int             width,
                       int             height)
{
  ShumateViewport *viewport;
  g_autoptr(SbSelection) shown = NULL;
  SbWindowJob *job;

  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  viewport = sb_map_view_get_viewport (self->map_view);
  if (sb_selection_get_briefing (self->selection) == NULL)
    return;

  shown = sb_selection_copy (self->selection);
  job = start_file_job (self, JOB_EXPORT_VIEW, file);
  job->done = _("View exported");
  sb_export_view_async (shown, sb_map_view_get_tiles (self->map_view),
                        shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                        shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                        shumate_viewport_get_zoom_level (viewport),
                        gtk_widget_get_width (GTK_WIDGET (self->map_view)),
                        gtk_widget_get_height (GTK_WIDGET (self->map_view)),
                        format, width, height, file, on_export_progress, job,
                        job->cancellable, on_map_exported, job);
}

/**
 * sb_window_export_handout:
 * @notes: whether each page has the step's speaker notes
 *
 * Writes every step of the briefing as a page of a PDF, in the background.
 */
void
sb_window_export_handout (SbWindow *self,
                          GFile    *file,
                          gboolean  notes)
{
  SbBriefing *briefing;
  SbWindowJob *job;

  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  briefing = sb_selection_get_briefing (self->selection);
  if (briefing == NULL)
    return;

  job = start_file_job (self, JOB_EXPORT_HANDOUT, file);
  job->done = _("Handout exported");
  sb_export_handout_async (briefing, sb_map_view_get_tiles (self->map_view), notes, file,
                           on_export_progress, job, job->cancellable, on_map_exported, job);
}

/* The handout's tiles are fetched first; then the print dialog. */
void
_sb_window_print (SbWindow *self)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  SbWindowJob *job;

  if (briefing == NULL)
    return;

  job = start_job (self, JOB_PRINT, _("Preparing to print…"), NULL);
  job->done = _("Handout printed");
  sb_export_print_async (briefing, sb_map_view_get_tiles (self->map_view), FALSE, GTK_WINDOW (self),
                         on_export_progress, job, job->cancellable, on_map_exported, job);
}
