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

SbSaveTarget *sb_file_target_new (GFile *file);

G_END_DECLS
