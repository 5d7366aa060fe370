/* sb-import.c
 *
 * Imports ACLED exports and GeoJSON as briefings, and exports a briefing
 * as GeoJSON, each in a worker thread: a million rows take seconds, and
 * the window must stay responsive meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-import"

#include "config.h"

#include "sb-acled.h"
#include "sb-geojson.h"
#include "sb-import.h"
#include "sb-problem.h"

typedef struct
{
  GFile *file;
  SbImportFormat format;
  GPtrArray *problems;
} Import;

static void
import_free (Import *import)
{
  g_clear_object (&import->file);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_free (import);
}

/**
 * sb_import_guess_format:
 *
 * Tells the format from the file's name: ".csv" is an ACLED export,
 * ".geojson" and ".json" GeoJSON.
 *
 * Returns: %FALSE when the name says neither
 */
gboolean
sb_import_guess_format (GFile          *file,
                        SbImportFormat *format)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

  if (lower == NULL)
    return FALSE;

  if (g_str_has_suffix (lower, ".csv"))
    *format = SB_IMPORT_ACLED;
  else if (g_str_has_suffix (lower, ".geojson") || g_str_has_suffix (lower, ".json"))
    *format = SB_IMPORT_GEOJSON;
  else
    return FALSE;

  return TRUE;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Import *import = task_data;
  SbBriefing *briefing;

  if (import->format == SB_IMPORT_ACLED)
    briefing = sb_acled_import_file (import->file, cancellable, &import->problems);
  else
    briefing = sb_geojson_import_file (import->file, cancellable, &import->problems);

  if (g_task_return_error_if_cancelled (task))
    g_clear_object (&briefing);
  else
    g_task_return_pointer (task, briefing, g_object_unref);
}

void
sb_import_file_async (GFile               *file,
                      SbImportFormat       format,
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

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_import_file_async);
  g_task_set_task_data (task, import, (GDestroyNotify) import_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * sb_import_file_finish:
 * @problems: (out) (optional) (transfer full): what the importer reported:
 *   rows or features skipped when a briefing is returned, or why none was
 *   made when it is not
 *
 * Returns: (transfer full) (nullable): the imported briefing
 */
SbBriefing *
sb_import_file_finish (GAsyncResult  *result,
                       GPtrArray    **problems)
{
  Import *import = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  SbBriefing *briefing = g_task_propagate_pointer (G_TASK (result), &error);

  if (problems != NULL)
    {
      *problems = import->problems != NULL
        ? g_ptr_array_ref (import->problems)
        : g_ptr_array_new_with_free_func ((GDestroyNotify) sb_problem_free);
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && (*problems)->len == 0)
        g_ptr_array_add (*problems, sb_problem_new (SB_PROBLEM_IO, NULL, error->message));
    }

  return briefing;
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
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = g_file_replace (export->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, &error);
  if (stream == NULL ||
      !sb_geojson_export_to_stream (export->briefing, export->filter,
                                    (const char * const *) export->languages,
                                    G_OUTPUT_STREAM (stream), cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
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
 * file is replaced only once it is written completely.
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

  task = g_task_new (NULL, cancellable, callback, user_data);
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
