/* sb-file-output.h
 *
 * Every file the app writes goes through here: the new contents go to a
 * temporary file beside the target, and only a complete, flushed write
 * replaces it. Cancelled, failed or dropped, the target is untouched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  SB_FILE_OUTPUT_NONE    = 0,
  /* Keep the file replaced as "NAME~", as a previous version. */
  SB_FILE_OUTPUT_BACKUP  = 1 << 0,
  /* No fsync: for caches, whose readers check what they read. */
  SB_FILE_OUTPUT_NO_SYNC = 1 << 1,
} SbFileOutputFlags;

#define SB_TYPE_FILE_OUTPUT (sb_file_output_get_type ())

G_DECLARE_FINAL_TYPE (SbFileOutput, sb_file_output, SB, FILE_OUTPUT, GObject)

SbFileOutput  *sb_file_output_new         (GFile              *file,
                                           SbFileOutputFlags   flags,
                                           GCancellable       *cancellable,
                                           GError            **error);
GOutputStream *sb_file_output_get_stream  (SbFileOutput       *self);
GFile         *sb_file_output_get_file    (SbFileOutput       *self);
gboolean       sb_file_output_commit      (SbFileOutput       *self,
                                           GCancellable       *cancellable,
                                           GError            **error);
void           sb_file_output_abort       (SbFileOutput       *self);

gboolean       sb_file_output_replace_contents (GFile              *file,
                                                const void         *data,
                                                gsize               length,
                                                SbFileOutputFlags   flags,
                                                GCancellable       *cancellable,
                                                GError            **error);
gboolean       sb_file_output_is_temporary (const char        *basename);

G_END_DECLS
