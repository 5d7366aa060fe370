/* sb-window-compare.c
 *
 * Comparing the open briefing with another version of it: the last saved
 * one, the backup kept beside it (NAME~), a file chosen, or a newer export
 * of the data it was imported from. The other version is read in a
 * worker, compared with a snapshot of the briefing in another, and the
 * Changes pane, the map and the detail pane show the result; edits made
 * while comparing compare again once they pause.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-window-compare"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sb-changes-pane.h"
#include "sb-changes-step.h"
#include "sb-comparison.h"
#include "sb-file-chooser.h"
#include "sb-import-file.h"
#include "sb-loader.h"
#include "sb-problem.h"
#include "sb-toast.h"
#include "sb-window-private.h"

#define RECOMPARE_DELAY_MS 400

struct _SbWindowCompare
{
  SbBriefing *other;       /* nullable: the version compared with */
  char *label;             /* it, in words */
  GCancellable *cancellable;
  guint recompare_source;
  gboolean framed;         /* the changes, once per comparison started */
  guint frame_tick;
  int frame_width;
  SbDocument *document;    /* (unowned) the one whose notifications are followed */

  /* A newer export being imported here, to compare with what was open. */
  GFile *pending_file;
  SbBriefing *pending_other;
  char *pending_label;
};

static void update_actions (SbWindow *self);

static void
clear_pending (SbWindowCompare *compare)
{
  g_clear_object (&compare->pending_file);
  g_clear_object (&compare->pending_other);
  g_clear_pointer (&compare->pending_label, g_free);
}

/* Where the changes are, the first time; not after each edit. The map
 * loses width to the pane as it slides in: the fit waits until the map's
 * width holds for a frame.
 */
static gboolean
frame_when_settled (GtkWidget     *map_view,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  SbWindow *self = user_data;
  SbWindowCompare *compare = self->compare;
  SbComparison *comparison = sb_changes_pane_get_comparison (self->changes_pane);
  int width = gtk_widget_get_width (map_view);
  g_autoptr(GPtrArray) items = NULL;

  if (compare == NULL || comparison == NULL || compare->other == NULL)
    {
      if (compare != NULL)
        compare->frame_tick = 0;
      return G_SOURCE_REMOVE;
    }

  if (width != compare->frame_width || !gtk_revealer_get_child_revealed (self->changes_revealer))
    {
      compare->frame_width = width;
      return G_SOURCE_CONTINUE;
    }

  items = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (comparison)); i++)
    {
      g_autoptr(SbChange) change = g_list_model_get_item (G_LIST_MODEL (comparison), i);

      if (SB_IS_ITEM (sb_change_get_entity (change)))
        g_ptr_array_add (items, sb_change_get_entity (change));
    }
  if (items->len > 0)
    sb_map_view_frame_items (self->map_view, items, FALSE);

  compare->frame_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
frame_changes (SbWindow *self)
{
  SbWindowCompare *compare = self->compare;

  if (compare->framed || compare->frame_tick != 0)
    return;

  compare->framed = TRUE;
  compare->frame_width = -1;
  compare->frame_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->map_view), frame_when_settled, self, NULL);
}

static void
show_comparison (SbWindow     *self,
                 SbComparison *comparison)
{
  SbWindowCompare *compare = self->compare;

  sb_changes_pane_set_comparison (self->changes_pane, comparison, compare->label);
  sb_map_view_set_comparison (self->map_view, comparison);
  sb_detail_pane_set_comparison (self->detail_pane, comparison, compare->label);
  update_actions (self);

  frame_changes (self);
}

/* Comparing */

static void
compare_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  SbBriefing **versions = task_data;

  g_task_return_pointer (task, sb_comparison_new (versions[0], versions[1]), g_object_unref);
}

static void
free_versions (gpointer data)
{
  SbBriefing **versions = data;

  g_clear_object (&versions[0]);
  g_clear_object (&versions[1]);
  g_free (versions);
}

static void
on_compared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SbWindow) self = user_data;
  g_autoptr(SbComparison) comparison = g_task_propagate_pointer (G_TASK (result), NULL);

  if (comparison == NULL || self->compare == NULL || g_task_get_cancellable (G_TASK (result)) != self->compare->cancellable)
    return;

  show_comparison (self, comparison);
}

static void
compare_now (SbWindow *self)
{
  SbWindowCompare *compare = self->compare;
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  g_autoptr(GTask) task = NULL;
  SbBriefing **versions;

  if (compare->other == NULL || briefing == NULL)
    return;

  g_cancellable_cancel (compare->cancellable);
  g_clear_object (&compare->cancellable);
  compare->cancellable = g_cancellable_new ();

  versions = g_new0 (SbBriefing *, 2);
  versions[0] = g_object_ref (compare->other);
  versions[1] = sb_briefing_get_snapshot (briefing);

  task = g_task_new (NULL, compare->cancellable, on_compared, g_object_ref (self));
  g_task_set_source_tag (task, compare_now);
  g_task_set_task_data (task, versions, free_versions);
  g_task_run_in_thread (task, compare_in_thread);
}

static gboolean
recompare (gpointer data)
{
  SbWindow *self = data;

  self->compare->recompare_source = 0;
  compare_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_edited (SbWindow *self)
{
  SbWindowCompare *compare = self->compare;

  if (compare->other != NULL && compare->recompare_source == 0)
    compare->recompare_source = g_timeout_add (RECOMPARE_DELAY_MS, recompare, self);
}

/**
 * _sb_window_compare_with:
 * @other: another version of the briefing shown
 * @label: it, in words: "the last saved version", "“Mali.sahelbrief~”"
 *
 * Shows what changed between @other and the briefing shown, until
 * _sb_window_stop_comparing() or another briefing is opened.
 */
void
_sb_window_compare_with (SbWindow   *self,
                         SbBriefing *other,
                         const char *label)
{
  SbWindowCompare *compare = self->compare;

  g_return_if_fail (SB_IS_BRIEFING (other));

  g_set_object (&compare->other, other);
  g_free (compare->label);
  compare->label = g_strdup (label);
  compare->framed = FALSE;

  sb_changes_pane_set_busy (self->changes_pane, label);
  gtk_revealer_set_reveal_child (self->changes_revealer, TRUE);
  compare_now (self);
  update_actions (self);
}

void
_sb_window_stop_comparing (SbWindow *self)
{
  SbWindowCompare *compare = self->compare;

  g_cancellable_cancel (compare->cancellable);
  g_clear_object (&compare->cancellable);
  g_clear_handle_id (&compare->recompare_source, g_source_remove);
  if (compare->frame_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->map_view), compare->frame_tick);
  compare->frame_tick = 0;
  g_clear_object (&compare->other);
  g_clear_pointer (&compare->label, g_free);

  gtk_revealer_set_reveal_child (self->changes_revealer, FALSE);
  show_comparison (self, NULL);
  update_actions (self);
}

/* Reading the other version */

typedef struct
{
  SbWindow *window;
  GFile *file;
  SbImportFormat format;   /* of a data file imported: read the same way */
  char *label;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->file);
  g_free (job->label);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadJob, read_job_free)

static void
show_read_error (SbWindow   *self,
                 const char *message)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, message);

  _sb_window_stop_comparing (self);
  _sb_window_show_error (self, _("Could Not Compare"), error);
}

static void
on_version_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ReadJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBriefing) other = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || job->window->compare == NULL)
    return;

  if (other == NULL)
    {
      show_read_error (job->window, error->message);
      return;
    }

  _sb_window_compare_with (job->window, other, job->label);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbImportSummary) summary = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  SbBriefing *briefing;

  if (job->format == SB_IMPORT_FORMAT_BRIEFING || job->format == SB_IMPORT_FORMAT_UNKNOWN)
    briefing = sb_loader_load_file_full (job->file, SB_LOADER_WORK_IN_PROGRESS, cancellable, &problems);
  else
    briefing = sb_import_file (job->file, job->format, NULL, cancellable, &summary);

  if (briefing != NULL)
    {
      g_task_return_pointer (task, briefing, g_object_unref);
      return;
    }

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }

  if (problems != NULL && problems->len > 0)
    {
      g_autofree char *first = sb_problem_to_string (g_ptr_array_index (problems, 0), name);
      guint more = problems->len - 1;

      if (more == 0)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 _("“%s” could not be read: %s"), name, first);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 g_dngettext (GETTEXT_PACKAGE, "“%s” could not be read: %s (and %u more problem)",
                                              "“%s” could not be read: %s (and %u more problems)", more),
                                 name, first, more);
      return;
    }

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("“%s” could not be read as a briefing or data file"), name);
}

static void
read_version (SbWindow       *self,
              GFile          *file,
              SbImportFormat  format,
              const char     *label)
{
  SbWindowCompare *compare = self->compare;
  g_autoptr(GTask) task = NULL;
  ReadJob *job = g_new0 (ReadJob, 1);

  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  job->format = format;
  job->label = g_strdup (label);

  g_cancellable_cancel (compare->cancellable);
  g_clear_object (&compare->cancellable);
  compare->cancellable = g_cancellable_new ();
  sb_changes_pane_set_busy (self->changes_pane, label);
  gtk_revealer_set_reveal_child (self->changes_revealer, TRUE);

  task = g_task_new (NULL, compare->cancellable, on_version_read, job);
  g_task_set_source_tag (task, read_version);
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, read_in_thread);
}

static char *
quoted_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  /* Translators: a file name, quoted */
  return g_strdup_printf (_("“%s”"), name);
}

/* Actions */

static void
compare_saved_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  GFile *file = self->document ? sb_document_get_file (self->document) : NULL;

  if (file == NULL)
    return;

  read_version (self, file,
                sb_document_get_imported (self->document) ? self->import_format : SB_IMPORT_FORMAT_BRIEFING,
                _("the last saved version"));
}

static void
compare_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  GFile *file = self->document ? sb_document_get_file (self->document) : NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup_path = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autofree char *label = NULL;

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  backup_path = g_strconcat (path, "~", NULL);
  backup = g_file_new_for_path (backup_path);
  label = quoted_name (backup);
  if (!g_file_query_exists (backup, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("There is no backup %s yet: one is kept when the briefing is saved over an earlier version."),
                                                  label);

      show_read_error (self, message);
      return;
    }

  read_version (self, backup, SB_IMPORT_FORMAT_BRIEFING, label);
}

static void
on_file_chosen (GFile    *file,
                gpointer  user_data)
{
  g_autoptr(SbWindow) self = user_data;
  g_autofree char *label = NULL;

  if (file == NULL || self->compare == NULL)
    return;

  label = quoted_name (file);
  read_version (self, file, sb_import_sniff_file (file), label);
}

static GListModel *
briefing_filters (void)
{
  return sb_file_filters_new (sb_file_filter_new (_("Briefings and Data Files"), NULL, "sahelbrief", "json",
                                                  "sahelbrief~", "geojson", "csv", NULL),
                              sb_file_filter_new (_("Briefings"), SB_WINDOW_BRIEFING_MIME_TYPE, "sahelbrief",
                                                  "json", NULL),
                              NULL);
}

static void
compare_file_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GListModel) filters = briefing_filters ();

  sb_file_chooser_open (GTK_WINDOW (widget), _("Compare With Another Version"), _("_Compare"), filters,
                        on_file_chosen, g_object_ref (widget));
}

/* A newer export is imported as the briefing shown (or, with unsaved
 * changes, in a new window); the one it replaces is compared with it.
 */
/**
 * sb_window_import_newer:
 * @file: a newer export of the data the briefing shown was imported from
 *
 * Imports @file and shows what is new, revised and withdrawn in it since
 * the briefing shown, which it replaces (or which stays open in this
 * window when it has unsaved changes).
 */
void
sb_window_import_newer (SbWindow *self,
                        GFile    *file)
{
  SbBriefing *briefing;
  SbWindow *target;
  g_autofree char *label = NULL;
  SbImportFormat format;

  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  briefing = sb_selection_get_briefing (self->selection);
  if (briefing == NULL)
    {
      sb_window_import (self, file, SB_IMPORT_FORMAT_UNKNOWN, NULL);
      return;
    }

  format = sb_import_sniff_file (file);
  if (format == SB_IMPORT_FORMAT_BRIEFING || format == SB_IMPORT_FORMAT_UNKNOWN)
    format = self->import_format != SB_IMPORT_FORMAT_UNKNOWN ? self->import_format : SB_IMPORT_FORMAT_ACLED;

  target = _sb_window_is_replaceable (self) ? self : _sb_window_new_sibling (self);
  if (self->document != NULL && sb_document_get_file (self->document) != NULL)
    label = quoted_name (sb_document_get_file (self->document));
  else if (self->document != NULL)
    {
      g_autofree char *name = sb_document_dup_name (self->document);

      label = g_strdup_printf (_("“%s”"), name);
    }

  clear_pending (target->compare);
  target->compare->pending_file = g_object_ref (file);
  target->compare->pending_other = sb_briefing_get_snapshot (briefing);
  target->compare->pending_label = label ? g_steal_pointer (&label) : g_strdup (_("the briefing imported before"));
  sb_window_import (target, file, format, NULL);
}

static void
on_newer_export_chosen (GFile    *file,
                        gpointer  user_data)
{
  g_autoptr(SbWindow) self = user_data;

  if (file != NULL && self->compare != NULL)
    sb_window_import_newer (self, file);
}

static void
import_newer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GListModel) filters =
    sb_file_filters_new (sb_file_filter_new (_("ACLED, UCDP and GeoJSON Files"), NULL, "csv", "geojson", "json", NULL),
                         NULL);

  sb_file_chooser_open (GTK_WINDOW (widget), _("Import a Newer Export"), _("_Import"), filters,
                        on_newer_export_chosen, g_object_ref (widget));
}

static void
compare_stop_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _sb_window_stop_comparing (SB_WINDOW (widget));
}

/* A presentation step of what changed, in the briefing's languages. */
static void
add_changes_step_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  SbComparison *comparison = sb_changes_pane_get_comparison (self->changes_pane);
  g_autoptr(GError) error = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *message = NULL;

  if (self->document == NULL || comparison == NULL)
    return;

  if (!sb_document_apply (self->document,
                          sb_changes_step_new_edit (comparison, sb_document_get_briefing (self->document), -1),
                          &error))
    {
      _sb_window_show_error (self, _("Could Not Add the Step"), error);
      return;
    }

  caption = sb_changes_step_caption (comparison, NULL);
  /* TRANSLATORS: the caption of the step added: "5 new incidents, 2 revised since 14 August 2022" */
  message = g_strdup_printf (_("Added the last step of the presentation: “%s”"), caption);
  sb_window_add_toast (self, sb_toast_new_plain (message));
}

static void
update_actions (SbWindow *self)
{
  SbWindowCompare *compare = self->compare;
  gboolean shown = sb_selection_get_briefing (self->selection) != NULL;
  GFile *file = self->document ? sb_document_get_file (self->document) : NULL;
  gboolean imported = self->document && sb_document_get_imported (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-saved", shown && file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-backup",
                                 shown && file != NULL && !imported && g_file_is_native (file));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-file", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-server",
                                 shown && sb_document_get_location (self->document) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-to-server", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-newer", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-stop", compare->other != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-changes-step",
                                 self->document != NULL && compare->other != NULL &&
                                 sb_changes_pane_get_comparison (self->changes_pane) != NULL);
}

static void
on_document_notify (SbWindow *self)
{
  update_actions (self);
}

/* Another briefing shown: the comparison was of the one before, unless
 * it is the newer export imported to compare with it.
 */
static void
on_briefing_changed (SbWindow *self)
{
  SbWindowCompare *compare = self->compare;
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  GFile *file = self->document ? sb_document_get_file (self->document) : NULL;

  if (compare->document != self->document)
    {
      if (compare->document != NULL)
        g_signal_handlers_disconnect_by_func (compare->document, on_document_notify, self);
      compare->document = self->document;
      if (compare->document != NULL)
        g_signal_connect_object (compare->document, "notify", G_CALLBACK (on_document_notify), self,
                                 G_CONNECT_SWAPPED);
    }

  if (compare->other != NULL)
    _sb_window_stop_comparing (self);

  if (compare->pending_file != NULL && briefing != NULL && file != NULL &&
      g_file_equal (file, compare->pending_file))
    {
      g_autoptr(SbBriefing) other = g_steal_pointer (&compare->pending_other);
      g_autofree char *label = g_steal_pointer (&compare->pending_label);

      clear_pending (compare);
      _sb_window_compare_with (self, other, label);
    }
  else if (briefing != NULL)
    clear_pending (compare);

  update_actions (self);
}

void
_sb_window_class_compare_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (SB_TYPE_CHANGES_PANE);

  gtk_widget_class_bind_template_child (widget_class, SbWindow, changes_revealer);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, changes_pane);

  gtk_widget_class_install_action (widget_class, "win.compare-saved", NULL, compare_saved_action);
  gtk_widget_class_install_action (widget_class, "win.compare-backup", NULL, compare_backup_action);
  gtk_widget_class_install_action (widget_class, "win.compare-file", NULL, compare_file_action);
  gtk_widget_class_install_action (widget_class, "win.import-newer", NULL, import_newer_action);
  gtk_widget_class_install_action (widget_class, "win.compare-stop", NULL, compare_stop_action);
  gtk_widget_class_install_action (widget_class, "win.add-changes-step", NULL, add_changes_step_action);
}

void
_sb_window_compare_init (SbWindow *self)
{
  self->compare = g_new0 (SbWindowCompare, 1);

  sb_changes_pane_set_selection (self->changes_pane, self->selection);
  g_signal_connect_object (self->selection, "notify::briefing", G_CALLBACK (on_briefing_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "edited", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
_sb_window_compare_dispose (SbWindow *self)
{
  SbWindowCompare *compare = self->compare;

  if (compare == NULL)
    return;

  g_cancellable_cancel (compare->cancellable);
  g_clear_object (&compare->cancellable);
  g_clear_handle_id (&compare->recompare_source, g_source_remove);
  if (compare->frame_tick != 0 && self->map_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->map_view), compare->frame_tick);
  g_clear_object (&compare->other);
  g_clear_pointer (&compare->label, g_free);
  if (compare->document != NULL)
    g_signal_handlers_disconnect_by_func (compare->document, on_document_notify, self);
  clear_pending (compare);
  g_clear_pointer (&self->compare, g_free);
}
