/* sb-download.c
 *
 * The body is read in chunks in the main loop, so that the cap applies
 * before the memory is spent and progress can be shown. The download has
 * a cancellable of its own, cancelled with the caller's and whenever it
 * gives up on a body: closing the stream of an unfinished body may have
 * libsoup read the rest of it to keep the connection, while cancelling
 * the request drops the connection.
 *
 * A redirect is judged twice: as an address literal when it restarts the
 * message, and as the address connected to before the request goes out.
 * Only a download that began on the public internet is held to it: a
 * server on the local network may redirect within it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-download"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sb-download.h"
#include "sb-transfer-watch.h"

#define CHUNK_SIZE (64 * 1024)

static GInetAddressMask *public_for_testing;

struct _SbDownload
{
  GObject parent_instance;

  SoupSession *session;
  SoupMessage *message;
  SbDownloadLimits limits;

  SbDownloadHeadersFunc headers_func;
  gpointer headers_data;
  SbDownloadChunkFunc chunk_func;
  gpointer chunk_data;
  SbDownloadProgressFunc progress_func;
  gpointer progress_data;

  GTask *task;                    /* while it runs */
  GCancellable *cancellable;      /* of this download */
  GCancellable *caller_cancellable;
  gulong cancelled_id;
  SbTransferWatch *watch;
  GInputStream *stream;
  GByteArray *body;               /* gathered, without a chunk func */
  guint64 received;
  gint64 total;
  gboolean reading_body;

  guint n_starts;
  gboolean origin_public;
  char *origin_host;              /* before any redirect */
  char *refused_host;
};

G_DEFINE_TYPE (SbDownload, sb_download, G_TYPE_OBJECT)

G_DEFINE_QUARK (sb-download-error-quark, sb_download_error)

/* An unfinished body is dropped with its connection, not read to its end. */
static void
drop_stream (SbDownload *self)
{
  if (self->stream == NULL)
    return;

  if (!g_input_stream_is_closed (self->stream))
    {
      g_cancellable_cancel (self->cancellable);
      g_input_stream_close_async (self->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
    }
  g_clear_object (&self->stream);
}

static void
sb_download_dispose (GObject *object)
{
  SbDownload *self = SB_DOWNLOAD (object);

  if (self->caller_cancellable != NULL)
    g_cancellable_disconnect (self->caller_cancellable, self->cancelled_id);
  g_clear_object (&self->caller_cancellable);
  drop_stream (self);
  if (self->message != NULL)
    g_signal_handlers_disconnect_by_data (self->message, self);
  g_clear_pointer (&self->watch, sb_transfer_watch_free);

  G_OBJECT_CLASS (sb_download_parent_class)->dispose (object);
}

static void
sb_download_finalize (GObject *object)
{
  SbDownload *self = SB_DOWNLOAD (object);

  g_clear_object (&self->session);
  g_clear_object (&self->message);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->body, g_byte_array_unref);
  g_free (self->origin_host);
  g_free (self->refused_host);

  G_OBJECT_CLASS (sb_download_parent_class)->finalize (object);
}

static void
sb_download_class_init (SbDownloadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_download_dispose;
  object_class->finalize = sb_download_finalize;
}

static void
sb_download_init (SbDownload *self)
{
  self->total = -1;
  self->cancellable = g_cancellable_new ();
}

/* Redirects */

/**
 * sb_download_is_public_address:
 *
 * Returns: whether @address is on the public internet, not on a private,
 *   local or special network
 */
gboolean
sb_download_is_public_address (GInetAddress *address)
{
  const guint8 *bytes = g_inet_address_to_bytes (address);
  g_autoptr(GInetAddress) embedded = NULL;

  g_return_val_if_fail (G_IS_INET_ADDRESS (address), FALSE);

  if (public_for_testing != NULL && g_inet_address_mask_matches (public_for_testing, address))
    return TRUE;

  /* ::ffff:a.b.c.d is the IPv4 address a.b.c.d. */
  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6
      && memcmp (bytes, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) == 0)
    {
      embedded = g_inet_address_new_from_bytes (bytes + 12, G_SOCKET_FAMILY_IPV4);
      return sb_download_is_public_address (embedded);
    }

  if (g_inet_address_get_is_any (address) || g_inet_address_get_is_loopback (address)
      || g_inet_address_get_is_link_local (address) || g_inet_address_get_is_site_local (address)
      || g_inet_address_get_is_multicast (address))
    return FALSE;

  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV4)
    /* 0.0.0.0/8, and 100.64.0.0/10 behind carrier-grade NAT. */
    return bytes[0] != 0 && !(bytes[0] == 100 && (bytes[1] & 0xc0) == 64);

  /* Unique local addresses, fc00::/7. */
  return (bytes[0] & 0xfe) != 0xfc;
}

/* Returns: whether @host is an address literal that is not public */
static gboolean
is_private_literal (const char *host)
{
  g_autoptr(GInetAddress) address = host ? g_inet_address_new_from_string (host) : NULL;

  return address != NULL && !sb_download_is_public_address (address);
}

static void
refuse_redirect (SbDownload *self,
                 const char *host)
{
  if (self->refused_host == NULL)
    self->refused_host = g_strdup (host);
  g_cancellable_cancel (self->cancellable);
}

/* A redirect, before it connects: an address literal is judged now. */
static void
on_restarted (SoupMessage *message,
              SbDownload  *self)
{
  const char *host = g_uri_get_host (soup_message_get_uri (message));

  if (self->origin_public && is_private_literal (host))
    refuse_redirect (self, host);
}

/* Connected, before the request goes out: the address connected to. */
static void
on_starting (SoupMessage *message,
             SbDownload  *self)
{
  GSocketAddress *remote = soup_message_get_remote_address (message);
  GInetAddress *address = NULL;
  gboolean is_public;

  if (remote != NULL && G_IS_INET_SOCKET_ADDRESS (remote))
    address = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote));
  is_public = address != NULL ? sb_download_is_public_address (address)
                              : !is_private_literal (g_uri_get_host (soup_message_get_uri (message)));

  if (self->n_starts++ == 0)
    {
      self->origin_public = is_public;
      return;
    }

  if (self->origin_public && !is_public)
    {
      g_autofree char *text = address ? g_inet_address_to_string (address) : NULL;
      g_autofree char *where = NULL;
      const char *host = g_uri_get_host (soup_message_get_uri (message));

      where = text && g_strcmp0 (host, text) != 0 ? g_strdup_printf ("%s (%s)", host, text) : g_strdup (host);
      refuse_redirect (self, where);
    }
}

/* Ending */

static char *
dup_server_name (SbDownload *self)
{
  GUri *uri = soup_message_get_uri (self->message);

  return g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : "");
}

static GError *
too_large_error (SbDownload *self)
{
  g_autofree char *server = dup_server_name (self);
  g_autofree char *limit = g_format_size (self->limits.max_size);

  return g_error_new (SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_TOO_LARGE,
                      _("The server “%s” sent more than %s, the most that is read"), server, limit);
}

/* Why it stopped: a limit of its own, else @error. Takes @error. */
static GError *
limit_error (SbDownload *self,
             GError     *error)
{
  g_autofree char *server = dup_server_name (self);
  SbTransferVerdict verdict = self->watch ? sb_transfer_watch_get_verdict (self->watch) : SB_TRANSFER_GOING;
  GError *limit = NULL;

  if (self->refused_host != NULL)
    limit = g_error_new (SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_REDIRECT_REFUSED,
                         _("The server “%s” redirected to “%s”, an address on a private or local network; a server on the internet is not followed there"),
                         self->origin_host, self->refused_host);
  else if (verdict == SB_TRANSFER_PAST_DEADLINE)
    limit = g_error_new (SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_PAST_DEADLINE,
                         ngettext ("The server “%s” took more than %u second to send it",
                                   "The server “%s” took more than %u seconds to send it",
                                   self->limits.deadline_seconds),
                         server, self->limits.deadline_seconds);
  else if (verdict == SB_TRANSFER_TOO_SLOW)
    {
      g_autofree char *rate = g_format_size (self->limits.min_bytes_per_second);

      limit = g_error_new (SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_TOO_SLOW,
                           _("The server “%s” sent it too slowly (less than %s a second)"), server, rate);
    }

  if (limit == NULL)
    return error;

  g_error_free (error);
  return limit;
}

static void
fail (SbDownload *self,
      GError     *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  drop_stream (self);
  g_cancellable_cancel (self->cancellable);
  g_task_return_error (task, error);
}

/* The body is read to its end: the connection can serve another request. */
static void
succeed (SbDownload *self,
         GBytes     *bytes)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (self->stream != NULL)
    g_input_stream_close_async (self->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_clear_object (&self->stream);
  g_clear_pointer (&self->watch, sb_transfer_watch_free);
  g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
report_progress (SbDownload *self)
{
  if (self->progress_func != NULL)
    self->progress_func (self, self->received, self->total, self->progress_data);
}

static void read_next (SbDownload *self);

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SbDownload) self = user_data;
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;
  gsize length;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (self->task == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (chunk == NULL)
    {
      fail (self, limit_error (self, error));
      return;
    }

  length = g_bytes_get_size (chunk);
  if (length == 0)
    {
      succeed (self, self->body ? g_byte_array_free_to_bytes (g_steal_pointer (&self->body))
                                : g_bytes_new (NULL, 0));
      return;
    }

  if (self->limits.max_size > 0 && length > self->limits.max_size - self->received)
    {
      fail (self, too_large_error (self));
      return;
    }

  if (self->watch != NULL)
    sb_transfer_watch_add (self->watch, length);
  self->received += length;
  if (self->chunk_func != NULL)
    {
      if (!self->chunk_func (self, chunk, self->chunk_data, &error))
        {
          fail (self, error);
          return;
        }
    }
  else
    g_byte_array_append (self->body, g_bytes_get_data (chunk, NULL), length);

  report_progress (self);
  /* A chunk func may have stopped it. */
  if (self->task != NULL)
    read_next (self);
}

static void
read_next (SbDownload *self)
{
  g_input_stream_read_bytes_async (self->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT, self->cancellable,
                                   on_read, g_object_ref (self));
}

static void
on_sent (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SbDownload) self = user_data;
  SoupMessageHeaders *headers = soup_message_get_response_headers (self->message);
  GError *error = NULL;
  goffset length = -1;

  self->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (self->task == NULL)
    {
      g_clear_error (&error);
      drop_stream (self);
      return;
    }
  if (self->stream == NULL)
    {
      fail (self, limit_error (self, error));
      return;
    }

  if (self->headers_func != NULL && !self->headers_func (self, self->message, self->headers_data, &error))
    {
      if (error != NULL)
        fail (self, error);
      else
        succeed (self, NULL);
      return;
    }

  /* "Content-Length: -5" reads as -5: no length at all. Said to be too
   * large, the body is not read at all; encoded, the length says little,
   * and the body read is what counts.
   */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    length = soup_message_headers_get_content_length (headers);
  if (length > 0 && self->limits.max_size > 0 && (guint64) length > self->limits.max_size)
    {
      fail (self, too_large_error (self));
      return;
    }
  if (length >= 0 && soup_message_headers_get_one (headers, "Content-Encoding") == NULL)
    self->total = length;

  if (self->chunk_func == NULL)
    self->body = g_byte_array_new ();
  self->reading_body = TRUE;
  report_progress (self);
  if (self->task != NULL)
    read_next (self);
}

static void
on_caller_cancelled (GCancellable *caller_cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/**
 * sb_download_new:
 * @limits: (nullable): none when %NULL
 *
 * Call everything from the thread that made it, the one whose main
 * context runs the session.
 */
SbDownload *
sb_download_new (SoupSession            *session,
                 SoupMessage            *message,
                 const SbDownloadLimits *limits)
{
  SbDownload *self;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (SOUP_IS_MESSAGE (message), NULL);

  self = g_object_new (SB_TYPE_DOWNLOAD, NULL);
  self->session = g_object_ref (session);
  self->message = g_object_ref (message);
  if (limits != NULL)
    self->limits = *limits;

  return self;
}

void
sb_download_set_headers_func (SbDownload            *self,
                              SbDownloadHeadersFunc  func,
                              gpointer               user_data)
{
  g_return_if_fail (SB_IS_DOWNLOAD (self));

  self->headers_func = func;
  self->headers_data = user_data;
}

/* Without one, the body is gathered and run_finish gives it. */
void
sb_download_set_chunk_func (SbDownload          *self,
                            SbDownloadChunkFunc  func,
                            gpointer             user_data)
{
  g_return_if_fail (SB_IS_DOWNLOAD (self));

  self->chunk_func = func;
  self->chunk_data = user_data;
}

void
sb_download_set_progress_func (SbDownload             *self,
                               SbDownloadProgressFunc  func,
                               gpointer                user_data)
{
  g_return_if_fail (SB_IS_DOWNLOAD (self));

  self->progress_func = func;
  self->progress_data = user_data;
}

/**
 * sb_download_run_async:
 *
 * Sends the message and reads its body. Runs once.
 */
void
sb_download_run_async (SbDownload          *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (SB_IS_DOWNLOAD (self));
  g_return_if_fail (self->task == NULL && self->n_starts == 0 && !self->reading_body);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, sb_download_run_async);
  self->origin_host = dup_server_name (self);

  if (cancellable != NULL)
    {
      self->caller_cancellable = g_object_ref (cancellable);
      self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                                  g_object_ref (self->cancellable), g_object_unref);
    }

  if (self->limits.refuse_private_redirects)
    {
      g_signal_connect (self->message, "restarted", G_CALLBACK (on_restarted), self);
      g_signal_connect (self->message, "starting", G_CALLBACK (on_starting), self);
    }
  if (self->limits.deadline_seconds > 0)
    self->watch = sb_transfer_watch_new (self->cancellable, self->limits.deadline_seconds,
                                         self->limits.min_bytes_per_second,
                                         MAX (self->limits.rate_window_seconds, 1));

  soup_session_send_async (self->session, self->message, G_PRIORITY_DEFAULT, self->cancellable,
                           on_sent, g_object_ref (self));
}

/**
 * sb_download_run_finish:
 *
 * Errors are %SB_DOWNLOAD_ERROR for the limits, with a message that names
 * the server; others are libsoup's, GIO's and the funcs'.
 *
 * Returns: (transfer full) (nullable): the body gathered (empty with a
 *   chunk func), or %NULL without @error when the headers func ended the
 *   download
 */
GBytes *
sb_download_run_finish (SbDownload    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (SB_IS_DOWNLOAD (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

SoupMessage *
sb_download_get_message (SbDownload *self)
{
  g_return_val_if_fail (SB_IS_DOWNLOAD (self), NULL);

  return self->message;
}

/* Whether the headers came and the body was being read. */
gboolean
sb_download_get_reading_body (SbDownload *self)
{
  g_return_val_if_fail (SB_IS_DOWNLOAD (self), FALSE);

  return self->reading_body;
}

/* The length of the body, once the headers are in; -1 when not known. */
gint64
sb_download_get_total (SbDownload *self)
{
  g_return_val_if_fail (SB_IS_DOWNLOAD (self), -1);

  return self->total;
}

const char *
sb_download_get_refused_host (SbDownload *self)
{
  g_return_val_if_fail (SB_IS_DOWNLOAD (self), NULL);

  return self->refused_host;
}

/**
 * sb_download_set_public_for_testing:
 * @mask: (nullable): addresses to take as public, such as "127.0.0.2/32"
 *
 * Tests run servers on this machine; this lets one of them stand for a
 * server on the internet.
 */
void
sb_download_set_public_for_testing (const char *mask)
{
  g_clear_object (&public_for_testing);
  if (mask != NULL)
    public_for_testing = g_inet_address_mask_new_from_string (mask, NULL);
}
