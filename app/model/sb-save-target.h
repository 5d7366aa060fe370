/* sb-save-target.h
 *
 * Where a document is saved: a file on this computer (SbFileTarget) or an
 * address on the team's server (SbWebdavTarget, in the app). Saving is one
 * path for all of them (sb_document_save_to_async()): the briefing written
 * from a snapshot in a worker thread, then handed to the target, which
 * says afterwards where the document lives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SB_TYPE_SAVE_TARGET (sb_save_target_get_type ())

G_DECLARE_INTERFACE (SbSaveTarget, sb_save_target, SB, SAVE_TARGET, GObject)

struct _SbSaveTargetInterface
{
  GTypeInterface parent_iface;

  void        (*write_async)       (SbSaveTarget        *self,
                                    GBytes              *contents,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
  gboolean    (*write_finish)      (SbSaveTarget        *self,
                                    GAsyncResult        *result,
                                    GError             **error);
  GFile      *(*get_file)          (SbSaveTarget        *self);
  const char *(*get_uri)           (SbSaveTarget        *self);
  const char *(*get_etag)          (SbSaveTarget        *self);
  const char *(*get_last_modified) (SbSaveTarget        *self);
  char       *(*dup_display_name)  (SbSaveTarget        *self);
};

void        sb_save_target_write_async       (SbSaveTarget        *self,
                                              GBytes              *contents,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean    sb_save_target_write_finish      (SbSaveTarget        *self,
                                              GAsyncResult        *result,
                                              GError             **error);
GFile      *sb_save_target_get_file          (SbSaveTarget        *self);
const char *sb_save_target_get_uri           (SbSaveTarget        *self);
const char *sb_save_target_get_etag          (SbSaveTarget        *self);
const char *sb_save_target_get_last_modified (SbSaveTarget        *self);
char       *sb_save_target_dup_display_name  (SbSaveTarget        *self);

G_END_DECLS
