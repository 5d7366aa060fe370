/* sb-webdav.h
 *
 * A team's briefings on a WebDAV server (Nextcloud, ownCloud, Apache's
 * mod_dav): a folder listed with PROPFIND, a briefing saved back with PUT
 * that never replaces a version it has not seen (If-Match on the ETag it
 * was loaded or saved with; If-None-Match: * for a new one). Loading is
 * sb-remote-briefing.c's, on the same session, so credentials given once
 * serve both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SB_WEBDAV_ERROR (sb_webdav_error_quark ())

typedef enum
{
  SB_WEBDAV_ERROR_CONFLICT,     /* changed on the server since it was loaded (412) */
  SB_WEBDAV_ERROR_EXISTS,       /* a new briefing's name is taken (412 on If-None-Match) */
  SB_WEBDAV_ERROR_UNREACHABLE,  /* no answer: offline, refused, timed out, gone mid-way */
  SB_WEBDAV_ERROR_AUTH,         /* the password was not given or not accepted */
  SB_WEBDAV_ERROR_NOT_WEBDAV,   /* the server does not list folders */
  SB_WEBDAV_ERROR_FAILED,       /* any other answer */
} SbWebdavError;

typedef struct
{
  char *name;
  char *uri;               /* absolute */
  gboolean is_folder;
  GDateTime *modified;     /* nullable */
  goffset size;            /* -1 for folders and when not given */
} SbWebdavEntry;

GQuark      sb_webdav_error_quark     (void);
void        sb_webdav_entry_free      (SbWebdavEntry *entry);

void        sb_webdav_list_async      (const char          *folder_uri,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
GPtrArray  *sb_webdav_list_finish     (GAsyncResult        *result,
                                       GError             **error);
GPtrArray  *sb_webdav_parse_multistatus (const char        *base_uri,
                                         const char        *xml,
                                         gssize             length,
                                         GError           **error);

void        sb_webdav_put_async       (const char          *uri,
                                       GBytes              *body,
                                       const char          *etag,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    sb_webdav_put_finish      (GAsyncResult        *result,
                                       char               **etag,
                                       char               **last_modified,
                                       GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbWebdavEntry, sb_webdav_entry_free)

G_END_DECLS
