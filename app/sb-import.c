/* sb-import.c
 *
 * Imports ACLED exports, UCDP GED and GeoJSON as briefings, and exports a
 * briefing as GeoJSON, each in a worker thread: a million rows take
 * seconds, and the window must stay responsive meanwhile. The Import
 * dialog offers the encoding, as spreadsheet programs do, for files that
 * say nothing of theirs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-import"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-file-chooser.h"
#include "sb-file-output.h"
#include "sb-geojson-export.h"
#include "sb-import.h"
#include "sb-problem.h"

typedef struct
{
  GFile *file;
  SbImportFormat format;
  char *encoding;
  char *name_property;
  SbImportSummary *summary;
} Import;

static void
import_free (Import *import)
{
  g_clear_object (&import->file);
  g_clear_pointer (&import->encoding, g_free);
  g_clear_pointer (&import->name_property, g_free);
  g_clear_pointer (&import->summary, sb_import_summary_unref);
  g_free (import);
}

/**
 * sb_import_guess_format:
 * @format: (out): what the file is
 *
 * Tells what @file is by its content, as far as a local file's first
 * kilobytes show (".json" files are as often GeoJSON as briefings), else
 * by its name: ".csv" an ACLED export or UCDP GED, ".geojson" GeoJSON.
 *
 * Returns: %TRUE when the file is data to import; %FALSE for a briefing,
 *   or anything else, which the loader explains
 */
gboolean
sb_import_guess_format (GFile          *file,
                        SbImportFormat *format)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  *format = sb_import_sniff_file (file);
  return *format == SB_IMPORT_FORMAT_ACLED || *format == SB_IMPORT_FORMAT_UCDP ||
         *format == SB_IMPORT_FORMAT_GEOJSON;
}

typedef struct
{
  SbImportChosenFunc callback;
  gpointer user_data;
} Choice;

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         data)
{
  g_autofree Choice *choice = data;
  g_autoptr(GFile) file = NULL;
  const char *encoding = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      encoding = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "encoding");
      if (g_strcmp0 (encoding, "auto") == 0)
        encoding = NULL;
    }

  choice->callback (file, encoding, choice->user_data);
  g_object_unref (dialog);
}

/**
 * sb_import_choose_file:
 * @callback: called with the file chosen, or %NULL, and its encoding
 *
 * Asks for a file to import, with the encoding it is in: detected
 * (byte-order marks, UTF-8, else Windows-1252 row by row), or one of
 * those spreadsheet programs write. A native chooser, so that it goes
 * through the portal, as GTK 4.8's choices allow.
 */
void
sb_import_choose_file (GtkWindow          *parent,
                       SbImportChosenFunc  callback,
                       gpointer            user_data)
{
  static const char *encodings[] = {
    "auto", "UTF-8", "UTF-16", "WINDOWS-1252", "ISO-8859-15", "WINDOWS-1256", NULL
  };
  const char *labels[] = {
    _("Detect automatically"), _("Unicode (UTF-8)"), _("Unicode (UTF-16)"),
    _("Western (Windows-1252)"), _("Western (ISO-8859-15)"), _("Arabic (Windows-1256)"), NULL
  };
  g_autoptr(GListModel) filters = NULL;
  GtkFileChooserNative *chooser;
  Choice *choice;

  g_return_if_fail (callback != NULL);

  filters = sb_file_filters_new (sb_file_filter_new (_("ACLED, UCDP GED and GeoJSON"), NULL, "csv", "geojson", "json", NULL),
                                 sb_file_filter_new (_("ACLED Exports and UCDP GED (CSV)"), "text/csv", "csv", NULL),
                                 sb_file_filter_new (_("GeoJSON"), "application/geo+json", "geojson", "json", NULL),
                                 NULL);

  chooser = gtk_file_chooser_native_new (_("Import Events"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "encoding", _("Character encoding:"),
                               encodings, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "encoding", "auto");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  choice = g_new0 (Choice, 1);
  choice->callback = callback;
  choice->user_data = user_data;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Import *import = task_data;
  g_autoptr(SbImporter) importer = sb_importer_new ();
  SbBriefing *briefing;

  sb_importer_set_name_property (importer, import->name_property);
  import->summary = sb_importer_add_file (importer, import->file, import->format, import->encoding, cancellable);
  briefing = sb_importer_finish (importer, NULL);

  if (g_task_return_error_if_cancelled (task))
    g_clear_object (&briefing);
  else
    g_task_return_pointer (task, briefing, g_object_unref);
}

/**
 * sb_import_file_async:
 * @format: what sb_import_guess_format() found, or
 *   %SB_IMPORT_FORMAT_UNKNOWN: the content decides either way
 * @encoding: (nullable): the file's encoding, or %NULL to detect it
 * @name_property: (nullable): the GeoJSON property that names places for
 *   reference, or %NULL to choose one
 */
void
sb_import_file_async (GFile               *file,
                      SbImportFormat       format,
                      const char          *encoding,
                      const char          *name_property,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Import *import;

  g_return_if_fail (G_IS_FILE (file));

  import = g_new0 (Import, 1);
  import->file = g_object_ref (file);
  import->format = format;
  import->encoding = g_strdup (encoding);
  import->name_property = g_strdup (name_property);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_import_file_async);
  g_task_set_task_data (task, import, (GDestroyNotify) import_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * sb_import_file_finish:
 * @summary: (out) (optional) (transfer full): what was made of the file
 *   and what was not, and why; when no briefing is returned, its problems
 *   say why (none when the import was cancelled)
 *
 * Returns: (transfer full) (nullable): the imported briefing
 */
SbBriefing *
sb_import_file_finish (GAsyncResult     *result,
                       SbImportSummary **summary)
{
  Import *import = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  SbBriefing *briefing = g_task_propagate_pointer (G_TASK (result), &error);

  if (summary == NULL)
    return briefing;

  if (import->summary != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      *summary = sb_import_summary_ref (import->summary);
      return briefing;
    }

  name = g_file_get_basename (import->file);
  *summary = sb_import_summary_new (name, import->format);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_ptr_array_add ((*summary)->problems, sb_problem_new (SB_PROBLEM_IO, NULL, error->message));

  return briefing;
}

/**
 * sb_import_format_toast:
 *
 * Returns: (transfer full): what the import made, and the real number of
 *   rows it left out: "Imported 1450 incidents; 623 rows skipped"
 */
char *
sb_import_format_toast (const SbImportSummary *summary)
{
  g_autofree char *made = NULL;
  guint n_items = 0;

  g_return_val_if_fail (summary != NULL, NULL);

  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    n_items += summary->n_items[i];

  if (n_items == 0)
    made = g_strdup_printf (ngettext ("Imported %u place for reference", "Imported %u places for reference",
                                      summary->n_reference),
                            summary->n_reference);
  else if (n_items == summary->n_items[SB_ITEM_KIND_INCIDENT])
    made = g_strdup_printf (ngettext ("Imported %u incident", "Imported %u incidents", n_items), n_items);
  else
    made = g_strdup_printf (ngettext ("Imported %u statement", "Imported %u statements", n_items), n_items);

  if (summary->n_skipped == 0)
    return g_steal_pointer (&made);

  /* Translators: the first %s is "Imported 1450 incidents" */
  return g_strdup_printf (summary->format == SB_IMPORT_FORMAT_GEOJSON
                            ? ngettext ("%s; %u feature skipped", "%s; %u features skipped", summary->n_skipped)
                            : ngettext ("%s; %u row skipped", "%s; %u rows skipped", summary->n_skipped),
                          made, summary->n_skipped);
}

typedef struct
{
  SbBriefing *briefing;
  SbFilter *filter;        /* nullable */
  GStrv languages;         /* a copy: the preferences may change meanwhile */
  GFile *file;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->briefing);
  g_clear_pointer (&export->filter, sb_filter_unref);
  g_clear_pointer (&export->languages, g_strfreev);
  g_clear_object (&export->file);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(SbFileOutput) output = NULL;
  g_autoptr(GError) error = NULL;

  /* Cancelled or failed, the output is dropped and the file stays. */
  output = sb_file_output_new (export->file, SB_FILE_OUTPUT_NONE, cancellable, &error);
  if (output == NULL ||
      !sb_geojson_export_to_stream (export->briefing, export->filter,
                                    (const char * const *) export->languages,
                                    sb_file_output_get_stream (output), cancellable, &error) ||
      !sb_file_output_commit (output, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * sb_export_geojson_async:
 * @filter: (nullable): what to export of @briefing; %NULL for all of it
 *
 * Writes @briefing, or what @filter shows of it, to @file as GeoJSON, in
 * a worker thread, with the texts in the languages preferred now. The
 * file is replaced only once it is written completely; cancelled or
 * failed, the export leaves it as it was. It reports success when the
 * file was replaced, even if @cancellable was cancelled after that.
 */
void
sb_export_geojson_async (SbBriefing          *briefing,
                         SbFilter            *filter,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Export *export;

  g_return_if_fail (SB_IS_BRIEFING (briefing));
  g_return_if_fail (G_IS_FILE (file));

  export = g_new0 (Export, 1);
  /* The thread reads the briefing as it is now, while edits go on. */
  export->briefing = sb_briefing_get_snapshot (briefing);
  export->filter = filter ? sb_filter_ref (filter) : NULL;
  export->languages = g_strdupv ((char **) sb_text_get_preferred_languages ());
  export->file = g_object_ref (file);

  /* Cancelled once the file is replaced, the export has still happened:
   * the thread says which, not the state of @cancellable at the end.
   */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_source_tag (task, sb_export_geojson_async);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
sb_export_geojson_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
