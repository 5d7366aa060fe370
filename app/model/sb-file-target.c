/* sb-file-target.c
 *
 * Saving to a file on this computer: a temporary file beside it, flushed,
 * then renamed over it, the previous version kept as "NAME~"; what fails
 * leaves the file as it was. A target made with the file's stamp as it
 * was read (sb_file_target_new_checked()) first makes sure the file is
 * still that one: written since by another window or another program, it
 * is left alone and the save fails with %G_IO_ERROR_WRONG_ETAG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-file-target"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-file-output.h"
#include "sb-file-target.h"

struct _SbFileTarget
{
  GObject parent_instance;

  GFile *file;
  char *expected;  /* nullable: the stamp the file must still have */
  char *stamp;     /* nullable: the file's stamp once written */
};

static void sb_file_target_iface_init (SbSaveTargetInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SbFileTarget, sb_file_target, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SB_TYPE_SAVE_TARGET, sb_file_target_iface_init))

/**
 * sb_file_target_dup_stamp:
 *
 * Returns: (nullable): what tells this version of @file from any other
 *   (its tag, which on a local file is its modification time, and its
 *   size), or %NULL when it cannot be read (gone)
 */
char *
sb_file_target_dup_stamp (GFile        *file,
                          GCancellable *cancellable,
                          GError      **error)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, SB_FILE_TARGET_STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  return sb_file_target_stamp_from_info (info);
}

/**
 * sb_file_target_stamp_from_info:
 * @info: a file's SB_FILE_TARGET_STAMP_ATTRIBUTES
 *
 * Returns: the stamp sb_file_target_dup_stamp() gives for it
 */
char *
sb_file_target_stamp_from_info (GFileInfo *info)
{
  const char *etag;
  gint64 size = 0;

  g_return_val_if_fail (G_IS_FILE_INFO (info), NULL);

  etag = g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ETAG_VALUE) ? g_file_info_get_etag (info) : NULL;
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = g_file_info_get_size (info);

  return g_strdup_printf ("%s/%" G_GINT64_FORMAT, etag ? etag : "", size);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SbFileTarget *self = source_object;
  GBytes *contents = task_data;
  GError *error = NULL;

  /* Written since it was read: not replaced. A file gone is written anew. */
  if (self->expected != NULL)
    {
      g_autofree char *now = sb_file_target_dup_stamp (self->file, cancellable, NULL);

      if (now != NULL && !g_str_equal (now, self->expected))
        {
          g_autofree char *name = g_file_get_parse_name (self->file);

          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                                   _("“%s” changed on disk since it was opened or last saved"), name);
          return;
        }
    }

  if (!sb_file_output_replace_contents (self->file, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                                        SB_FILE_OUTPUT_BACKUP, cancellable, &error))
    g_task_return_error (task, error);
  else
    {
      self->stamp = sb_file_target_dup_stamp (self->file, cancellable, NULL);
      g_task_return_boolean (task, TRUE);
    }
}

static void
sb_file_target_write_async (SbSaveTarget        *target,
                            GBytes              *contents,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (target, cancellable, callback, user_data);

  g_task_set_source_tag (task, sb_file_target_write_async);
  g_task_set_task_data (task, g_bytes_ref (contents), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
sb_file_target_write_finish (SbSaveTarget  *target,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, target), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static GFile *
sb_file_target_get_file (SbSaveTarget *target)
{
  return SB_FILE_TARGET (target)->file;
}

static const char *
sb_file_target_get_etag (SbSaveTarget *target)
{
  return SB_FILE_TARGET (target)->stamp;
}

static char *
sb_file_target_dup_display_name (SbSaveTarget *target)
{
  return g_file_get_basename (SB_FILE_TARGET (target)->file);
}

static void
sb_file_target_iface_init (SbSaveTargetInterface *iface)
{
  iface->write_async = sb_file_target_write_async;
  iface->write_finish = sb_file_target_write_finish;
  iface->get_file = sb_file_target_get_file;
  iface->get_etag = sb_file_target_get_etag;
  iface->dup_display_name = sb_file_target_dup_display_name;
}

static void
sb_file_target_finalize (GObject *object)
{
  SbFileTarget *self = (SbFileTarget *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->expected, g_free);
  g_clear_pointer (&self->stamp, g_free);

  G_OBJECT_CLASS (sb_file_target_parent_class)->finalize (object);
}

static void
sb_file_target_class_init (SbFileTargetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sb_file_target_finalize;
}

static void
sb_file_target_init (SbFileTarget *self)
{
}

/**
 * sb_file_target_new:
 * @file: the briefing's file
 *
 * Returns: (transfer full): a target that saves to @file
 */
SbSaveTarget *
sb_file_target_new (GFile *file)
{
  SbFileTarget *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (SB_TYPE_FILE_TARGET, NULL);
  self->file = g_object_ref (file);

  return SB_SAVE_TARGET (self);
}

/**
 * sb_file_target_new_checked:
 * @file: the briefing's file
 * @stamp: (nullable): its stamp when it was read or last saved, from
 *   sb_file_target_dup_stamp(); %NULL saves without looking
 *
 * Returns: (transfer full): a target that saves to @file only if it is
 *   still the version of @stamp, or gone; otherwise the save fails with
 *   %G_IO_ERROR_WRONG_ETAG and the file is as it was
 */
SbSaveTarget *
sb_file_target_new_checked (GFile      *file,
                            const char *stamp)
{
  SbFileTarget *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = SB_FILE_TARGET (sb_file_target_new (file));
  self->expected = g_strdup (stamp);

  return SB_SAVE_TARGET (self);
}
