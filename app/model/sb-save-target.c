/* sb-save-target.c
 *
 * Where a document is saved; see sb-save-target.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-save-target"

#include "config.h"

#include "sb-save-target.h"

G_DEFINE_INTERFACE (SbSaveTarget, sb_save_target, G_TYPE_OBJECT)

static const char *
sb_save_target_real_get_nothing (SbSaveTarget *self)
{
  return NULL;
}

static GFile *
sb_save_target_real_get_file (SbSaveTarget *self)
{
  return NULL;
}

static void
sb_save_target_default_init (SbSaveTargetInterface *iface)
{
  iface->get_file = sb_save_target_real_get_file;
  iface->get_uri = sb_save_target_real_get_nothing;
  iface->get_etag = sb_save_target_real_get_nothing;
  iface->get_last_modified = sb_save_target_real_get_nothing;
}

/**
 * sb_save_target_write_async:
 * @contents: the briefing as it is written to a file
 *
 * Writes @contents to the target, never leaving half of it there.
 */
void
sb_save_target_write_async (SbSaveTarget        *self,
                            GBytes              *contents,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (SB_IS_SAVE_TARGET (self));
  g_return_if_fail (contents != NULL);

  SB_SAVE_TARGET_GET_IFACE (self)->write_async (self, contents, cancellable, callback, user_data);
}

gboolean
sb_save_target_write_finish (SbSaveTarget  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (SB_IS_SAVE_TARGET (self), FALSE);

  return SB_SAVE_TARGET_GET_IFACE (self)->write_finish (self, result, error);
}

/**
 * sb_save_target_get_file:
 *
 * Returns: (nullable) (transfer none): the file saved to, for a target
 *   on this computer
 */
GFile *
sb_save_target_get_file (SbSaveTarget *self)
{
  g_return_val_if_fail (SB_IS_SAVE_TARGET (self), NULL);

  return SB_SAVE_TARGET_GET_IFACE (self)->get_file (self);
}

/**
 * sb_save_target_get_uri:
 *
 * Returns: (nullable): the address saved to, for a target on a server
 */
const char *
sb_save_target_get_uri (SbSaveTarget *self)
{
  g_return_val_if_fail (SB_IS_SAVE_TARGET (self), NULL);

  return SB_SAVE_TARGET_GET_IFACE (self)->get_uri (self);
}

/**
 * sb_save_target_get_etag:
 *
 * Returns: (nullable): once written, the server's tag of the version
 *   saved, which the next save must still find there
 */
const char *
sb_save_target_get_etag (SbSaveTarget *self)
{
  g_return_val_if_fail (SB_IS_SAVE_TARGET (self), NULL);

  return SB_SAVE_TARGET_GET_IFACE (self)->get_etag (self);
}

const char *
sb_save_target_get_last_modified (SbSaveTarget *self)
{
  g_return_val_if_fail (SB_IS_SAVE_TARGET (self), NULL);

  return SB_SAVE_TARGET_GET_IFACE (self)->get_last_modified (self);
}

/**
 * sb_save_target_dup_display_name:
 *
 * Returns: the name to tell the person: a file's name
 */
char *
sb_save_target_dup_display_name (SbSaveTarget *self)
{
  g_return_val_if_fail (SB_IS_SAVE_TARGET (self), NULL);

  return SB_SAVE_TARGET_GET_IFACE (self)->dup_display_name (self);
}
