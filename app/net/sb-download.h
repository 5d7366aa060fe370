/* sb-download.h
 *
 * One HTTP download, as every download of the app is made: the tile
 * source's tiles, the remote briefings and Add Source's pages. It holds
 * the body to a size cap, the whole transfer to a deadline and, once data
 * flows, to a minimum rate; it refuses a redirect that leaves the public
 * internet for a private or local network; it reports progress and is
 * cancelled with its caller, dropping an unfinished body's connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define SB_DOWNLOAD_ERROR (sb_download_error_quark ())

typedef enum
{
  SB_DOWNLOAD_ERROR_TOO_LARGE,         /* said or read to be over the cap */
  SB_DOWNLOAD_ERROR_PAST_DEADLINE,
  SB_DOWNLOAD_ERROR_TOO_SLOW,
  SB_DOWNLOAD_ERROR_REDIRECT_REFUSED,  /* see sb_download_get_refused_host() */
} SbDownloadError;

typedef struct
{
  guint64 max_size;                    /* 0: no cap */
  guint deadline_seconds;              /* 0: none */
  guint min_bytes_per_second;          /* judged over rate_window_seconds */
  guint rate_window_seconds;
  gboolean refuse_private_redirects;
} SbDownloadLimits;

#define SB_TYPE_DOWNLOAD (sb_download_get_type ())

G_DECLARE_FINAL_TYPE (SbDownload, sb_download, SB, DOWNLOAD, GObject)

/* The response's headers are in. FALSE ends the download without its
 * body: with @error set it fails, else it ends well (a 304, say).
 */
typedef gboolean (*SbDownloadHeadersFunc)  (SbDownload   *download,
                                            SoupMessage  *message,
                                            gpointer      user_data,
                                            GError      **error);
/* A piece of the body; FALSE with @error set stops the download. */
typedef gboolean (*SbDownloadChunkFunc)    (SbDownload   *download,
                                            GBytes       *chunk,
                                            gpointer      user_data,
                                            GError      **error);
/* @total is -1 when the length is not known. */
typedef void     (*SbDownloadProgressFunc) (SbDownload   *download,
                                            guint64       received,
                                            gint64        total,
                                            gpointer      user_data);

GQuark       sb_download_error_quark        (void);

SbDownload  *sb_download_new                (SoupSession            *session,
                                             SoupMessage            *message,
                                             const SbDownloadLimits *limits);
void         sb_download_set_headers_func   (SbDownload             *self,
                                             SbDownloadHeadersFunc   func,
                                             gpointer                user_data);
void         sb_download_set_chunk_func     (SbDownload             *self,
                                             SbDownloadChunkFunc     func,
                                             gpointer                user_data);
void         sb_download_set_progress_func  (SbDownload             *self,
                                             SbDownloadProgressFunc  func,
                                             gpointer                user_data);
void         sb_download_run_async          (SbDownload             *self,
                                             GCancellable           *cancellable,
                                             GAsyncReadyCallback     callback,
                                             gpointer                user_data);
GBytes      *sb_download_run_finish         (SbDownload             *self,
                                             GAsyncResult           *result,
                                             GError                **error);

SoupMessage *sb_download_get_message        (SbDownload             *self);
gboolean     sb_download_get_reading_body   (SbDownload             *self);
gint64       sb_download_get_total          (SbDownload             *self);
const char  *sb_download_get_refused_host   (SbDownload             *self);

gboolean     sb_download_is_public_address  (GInetAddress           *address);
void         sb_download_set_public_for_testing (const char         *mask);

G_END_DECLS
