/* sb-file-target.h
 *
 * Saving to a file on this computer: through SbFileOutput, the file
 * replaced kept as "NAME~".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-save-target.h"

G_BEGIN_DECLS

#define SB_TYPE_FILE_TARGET (sb_file_target_get_type ())

G_DECLARE_FINAL_TYPE (SbFileTarget, sb_file_target, SB, FILE_TARGET, GObject)

/* What sb_file_target_stamp_from_info() reads. */
#define SB_FILE_TARGET_STAMP_ATTRIBUTES G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE

SbSaveTarget *sb_file_target_new         (GFile         *file);
SbSaveTarget *sb_file_target_new_checked (GFile         *file,
                                          const char    *stamp);
char         *sb_file_target_dup_stamp   (GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);
char         *sb_file_target_stamp_from_info (GFileInfo *info);

G_END_DECLS
