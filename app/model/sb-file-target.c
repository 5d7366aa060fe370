/* sb-file-target.c
 *
 * Saving to a file on this computer: a temporary file beside it, flushed,
 * then renamed over it, the previous version kept as "NAME~"; what fails
 * leaves the file as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-file-target"

#include "config.h"

#include "sb-file-output.h"
#include "sb-file-target.h"

struct _SbFileTarget
{
  GObject parent_instance;

  GFile *file;
};

static void sb_file_target_iface_init (SbSaveTargetInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SbFileTarget, sb_file_target, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SB_TYPE_SAVE_TARGET, sb_file_target_iface_init))

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SbFileTarget *self = source_object;
  GBytes *contents = task_data;
  GError *error = NULL;

  if (!sb_file_output_replace_contents (self->file, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                                        SB_FILE_OUTPUT_BACKUP, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
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
  iface->dup_display_name = sb_file_target_dup_display_name;
}

static void
sb_file_target_finalize (GObject *object)
{
  SbFileTarget *self = (SbFileTarget *)object;

  g_clear_object (&self->file);

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
