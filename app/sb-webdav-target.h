/* sb-webdav-target.h
 *
 * Saving to the team's WebDAV server: a destination of the document's one
 * save path (sb_document_save_to_async()), which never replaces a version
 * on the server it has not seen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-save-target.h"

G_BEGIN_DECLS

#define SB_TYPE_WEBDAV_TARGET (sb_webdav_target_get_type ())

G_DECLARE_FINAL_TYPE (SbWebdavTarget, sb_webdav_target, SB, WEBDAV_TARGET, GObject)

SbSaveTarget *sb_webdav_target_new      (const char     *uri,
                                         const char     *etag);
SbSaveTarget *sb_webdav_target_new_file (const char     *uri);
SbSaveTarget *sb_webdav_target_new_copy (const char     *uri);
gboolean      sb_webdav_target_get_replaces (SbWebdavTarget *self);

G_END_DECLS
