/* sb-remote-briefing.c
 *
 * Loads a briefing from an http or https address, for Open Location and
 * Reload.
 *
 * One SoupSession for the app, used from the main thread: libsoup 3.2's
 * sessions are not thread-safe. The body comes through SbDownload, in
 * chunks in the main loop, so that the window can show progress and the
 * size limit applies before the memory is spent, and each chunk goes at
 * once to the loader, which reads it in a worker thread (through an
 * SbQueueInputStream) into its own buffer: the briefing is held once.
 *
 * SbDownload holds the load to a deadline and, once the body flows, to a
 * minimum rate, and refuses a redirect from a server on the public
 * internet to an address on a private or local network (a router, a
 * cloud machine's metadata service at 169.254.169.254); here its errors
 * become messages about the briefing.
 *
 * Each load has a cancellable of its own, cancelled with the caller's and
 * when the loader stops early: the download then drops its connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-remote-briefing"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "sb-download.h"
#include "sb-loader.h"
#include "sb-queue-input-stream.h"
#include "sb-remote-briefing.h"
#include "sb-tile-source.h"

#define DEADLINE_SECONDS (30 * 60)
#define MIN_BYTES_PER_SECOND 1024
#define RATE_WINDOW_SECONDS 30

static SoupSession *session;
static guint timeout_seconds = SB_REMOTE_DEFAULT_TIMEOUT;
static gsize max_size = SB_LOADER_MAX_SIZE;
static guint deadline_seconds = DEADLINE_SECONDS;
static guint min_bytes_per_second = MIN_BYTES_PER_SECOND;
static guint rate_window_seconds = RATE_WINDOW_SECONDS;

typedef struct
{
  GUri *uri;
  SbDownload *download;
  GCancellable *cancellable;      /* of this load */
  GCancellable *caller_cancellable;
  gulong cancelled_id;
  gboolean conditional;
  gboolean not_modified;
  gboolean refused_answer;        /* its error says why already */
  GTlsCertificateFlags certificate_errors;

  SbRemoteProgressFunc progress;
  gpointer progress_data;
  gsize limit;

  GInputStream *body;             /* SbQueueInputStream, read by the loader */
  GError *body_error;             /* why the body stopped, if it did */
  SbRemoteResult *result;
} Load;

static void
load_free (Load *load)
{
  /* Waits for a handler running in another thread; none blocks. */
  g_cancellable_disconnect (load->caller_cancellable, load->cancelled_id);
  g_clear_object (&load->caller_cancellable);

  /* An unfinished body is dropped, not read to its end. */
  g_cancellable_cancel (load->cancellable);
  if (load->download != NULL)
    g_signal_handlers_disconnect_by_data (sb_download_get_message (load->download), load);

  /* A loader still reading stops. */
  if (load->body != NULL)
    sb_queue_input_stream_finish (SB_QUEUE_INPUT_STREAM (load->body), NULL);

  g_clear_object (&load->download);
  g_clear_object (&load->cancellable);
  g_clear_pointer (&load->uri, g_uri_unref);
  g_clear_object (&load->body);
  g_clear_error (&load->body_error);
  g_clear_pointer (&load->result, sb_remote_result_free);
  g_free (load);
}

G_DEFINE_BOXED_TYPE (SbRemoteResult, sb_remote_result, sb_remote_result_copy, sb_remote_result_free)

static SbRemoteResult *
sb_remote_result_new (void)
{
  SbRemoteResult *self = g_new0 (SbRemoteResult, 1);

  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_problem_free);

  return self;
}

SbRemoteResult *
sb_remote_result_copy (const SbRemoteResult *self)
{
  SbRemoteResult *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SbRemoteResult, 1);
  copy->briefing = self->briefing ? g_object_ref (self->briefing) : NULL;
  copy->problems = g_ptr_array_ref (self->problems);
  copy->not_modified = self->not_modified;
  copy->uri = g_strdup (self->uri);
  copy->etag = g_strdup (self->etag);
  copy->last_modified = g_strdup (self->last_modified);

  return copy;
}

void
sb_remote_result_free (SbRemoteResult *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->briefing);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->uri);
  g_free (self->etag);
  g_free (self->last_modified);
  g_free (self);
}

static SoupSession *
get_session (void)
{
  if (session == NULL)
    {
      g_autofree char *user_agent = sb_tile_source_dup_user_agent ();

      /* The timeout is for connecting and for each read: a large
       * briefing on a slow line takes as long as it takes.
       */
      session = g_object_new (SOUP_TYPE_SESSION,
                              "user-agent", user_agent,
                              "timeout", timeout_seconds,
                              NULL);
    }

  return session;
}

/* Words from the server (a reason phrase, a content type) as they may go
 * into a message: UTF-8, no control characters, not too long.
 */
static char *
dup_server_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *printable = g_string_new (NULL);
  guint length = 0;

  for (const char *p = valid; *p != '\0' && length < 80; p = g_utf8_next_char (p), length++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (printable, ' ');
      else
        g_string_append_unichar (printable, c);
    }
  if (length == 80 && g_utf8_strlen (valid, -1) > 80)
    g_string_append (printable, "…");

  return g_string_free (printable, FALSE);
}

/* The server as messages name it: with its port when that is not the
 * scheme's usual one.
 */
static char *
dup_server_name (GUri *uri)
{
  int port = g_uri_get_port (uri);
  const char *scheme = g_uri_get_scheme (uri);

  if (port < 0
      || (port == 80 && g_ascii_strcasecmp (scheme, "http") == 0)
      || (port == 443 && g_ascii_strcasecmp (scheme, "https") == 0))
    return g_strdup (g_uri_get_host (uri));

  return g_strdup_printf ("%s:%d", g_uri_get_host (uri), port);
}

static GUri *
current_uri (Load *load)
{
  GUri *uri = load->download != NULL ? soup_message_get_uri (sb_download_get_message (load->download)) : NULL;

  return uri != NULL ? uri : load->uri;
}

static char *
describe_certificate_errors (GTlsCertificateFlags flags)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    g_ptr_array_add (reasons, _("it is not signed by an authority this computer trusts"));
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    g_ptr_array_add (reasons, _("it was issued for a different server"));
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    g_ptr_array_add (reasons, _("it is not valid yet (is the computer’s clock right?)"));
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    g_ptr_array_add (reasons, _("it has expired (is the computer’s clock right?)"));
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    g_ptr_array_add (reasons, _("it has been revoked"));
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    g_ptr_array_add (reasons, _("it uses an algorithm that is no longer safe"));
  if (reasons->len == 0)
    g_ptr_array_add (reasons, _("it could not be checked"));

  g_ptr_array_add (reasons, NULL);

  /* TRANSLATORS: separates the reasons a certificate is not trusted */
  return g_strjoinv (_("; "), (char **) reasons->pdata);
}

/* Says what went wrong and where, in the domain and with the code of the
 * cause, so that callers can still tell errors apart.
 */
static GError *too_large_error (Load    *load,
                                guint64  size);

static GError *
describe_error (Load   *load,
                GError *error)
{
  g_autofree char *server = dup_server_name (current_uri (load));
  g_autofree char *message = NULL;
  gboolean reading_body = load->download != NULL && sb_download_get_reading_body (load->download);

  if (g_error_matches (error, SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_REDIRECT_REFUSED))
    return g_error_new (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                        _("The server “%s” redirected to “%s”, an address on a private or local network; a server on the internet is not followed there, so the briefing was not loaded"),
                        g_uri_get_host (load->uri), sb_download_get_refused_host (load->download));

  if (g_error_matches (error, SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_TOO_LARGE))
    return too_large_error (load, 0);

  if (g_error_matches (error, SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_PAST_DEADLINE) && deadline_seconds % 60 == 0)
    return g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                        ngettext ("The server “%s” took more than %u minute to send the briefing; loading was given up",
                                  "The server “%s” took more than %u minutes to send the briefing; loading was given up",
                                  deadline_seconds / 60),
                        server, deadline_seconds / 60);

  if (g_error_matches (error, SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_PAST_DEADLINE))
    return g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                        ngettext ("The server “%s” took more than %u second to send the briefing; loading was given up",
                                  "The server “%s” took more than %u seconds to send the briefing; loading was given up",
                                  deadline_seconds),
                        server, deadline_seconds);

  if (g_error_matches (error, SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_TOO_SLOW))
    {
      g_autofree char *rate = g_format_size (min_bytes_per_second);

      return g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                          _("The server “%s” sent the briefing too slowly (less than %s a second); loading was given up"),
                          server, rate);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    message = g_strdup_printf (_("Could not find the server “%s”. Check the address and the network connection."),
                               g_uri_get_host (current_uri (load)));
  else if (error->domain == G_RESOLVER_ERROR)
    message = g_strdup_printf (_("Could not look up the server “%s”: %s. Check the network connection."),
                               g_uri_get_host (current_uri (load)), error->message);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      if (reading_body)
        message = g_strdup_printf (ngettext ("The server “%s” stopped sending the briefing for %u second; loading was given up",
                                             "The server “%s” stopped sending the briefing for %u seconds; loading was given up",
                                             timeout_seconds),
                                   server, timeout_seconds);
      else
        message = g_strdup_printf (ngettext ("The server “%s” did not answer within %u second",
                                             "The server “%s” did not answer within %u seconds",
                                             timeout_seconds),
                                   server, timeout_seconds);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    message = g_strdup_printf (_("Could not connect to the server “%s”: the connection was refused"), server);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE)
           || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    message = g_strdup_printf (_("Could not reach the server “%s”: %s. Check the network connection."),
                               server, error->message);
  else if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    {
      g_autofree char *reasons = describe_certificate_errors (load->certificate_errors);

      message = g_strdup_printf (_("The certificate of the server “%s” could not be trusted: %s. The briefing was not loaded, because it could have been changed on the way."),
                                 server, reasons);
    }
  else if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_NOT_TLS))
    message = g_strdup_printf (_("Could not make a secure connection to “%s”: the server does not use https at this address"),
                               server);
  else if (error->domain == G_TLS_ERROR)
    message = g_strdup_printf (_("Could not make a secure connection to “%s”: %s"), server, error->message);
  else if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_TOO_MANY_REDIRECTS))
    message = g_strdup_printf (_("The server “%s” redirected too many times; the address probably leads in a circle"),
                               server);
  else if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_REDIRECT_BAD_URI)
           || g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_REDIRECT_NO_LOCATION))
    message = g_strdup_printf (_("The server “%s” redirected to an address that cannot be opened"), server);
  else if (error->domain == SOUP_SESSION_ERROR)
    message = g_strdup_printf (_("The answer from the server “%s” could not be understood: %s"), server, error->message);
  else if (reading_body)
    message = g_strdup_printf (_("The connection to the server “%s” broke off while the briefing was loading: %s"),
                               server, error->message);
  else
    message = g_strdup_printf (_("Could not load a briefing from the server “%s”: %s"), server, error->message);

  return g_error_new_literal (error->domain, error->code, message);
}

static GError *
status_error (Load *load)
{
  g_autofree char *server = dup_server_name (current_uri (load));
  SoupMessage *soup_message = sb_download_get_message (load->download);
  guint status = soup_message_get_status (soup_message);
  g_autofree char *reason = NULL;

  /* HTTP/2 has no reason phrases; the standard ones read better anyway. */
  if (soup_status_get_phrase (status) != NULL && !g_str_equal (soup_status_get_phrase (status), "Unknown Error"))
    reason = g_strdup (soup_status_get_phrase (status));
  else
    reason = dup_server_text (soup_message_get_reason_phrase (soup_message));

  switch (status)
    {
    case SOUP_STATUS_NOT_FOUND:
    case SOUP_STATUS_GONE:
      return g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                          _("The server has no briefing at this address (HTTP %u %s)"), status, reason);

    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_PROXY_AUTHENTICATION_REQUIRED:
      return g_error_new (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                          _("The server “%s” asks for a login, which SahelBrief cannot give (HTTP %u %s)"),
                          server, status, reason);

    case SOUP_STATUS_FORBIDDEN:
      return g_error_new (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                          _("The server “%s” refuses access to this briefing (HTTP %u %s)"),
                          server, status, reason);

    default:
      if (SOUP_STATUS_IS_SERVER_ERROR (status))
        return g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                            _("The server “%s” had a problem and sent no briefing (HTTP %u %s); try again later"),
                            server, status, reason);

      return g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                          _("The server “%s” did not send the briefing (HTTP %u %s)"),
                          server, status, reason);
    }
}

static GError *
too_large_error (Load    *load,
                 guint64  size)
{
  g_autofree char *limit = g_format_size (load->limit);
  g_autofree char *server = dup_server_name (current_uri (load));

  if (size > 0)
    {
      g_autofree char *actual = g_format_size (size);

      return g_error_new (G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                          _("The briefing on the server “%s” is %s; SahelBrief opens briefings of up to %s"),
                          server, actual, limit);
    }

  return g_error_new (G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                      _("The briefing on the server “%s” is larger than %s, the most SahelBrief opens"),
                      server, limit);
}

/* Servers label JSON many ways; a web page is the usual sign of a login
 * or error page in front of the address.
 */
static GError *
check_content_type (Load *load)
{
  static const char * const accepted[] = {
    "application/json",
    "application/x-sahelbrief+json",
    "text/plain",
    "application/octet-stream",
    NULL
  };
  SoupMessageHeaders *headers = soup_message_get_response_headers (sb_download_get_message (load->download));
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  g_autofree char *server = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *shown = NULL;

  if (type == NULL)
    return NULL;

  lower = g_ascii_strdown (type, -1);
  if (g_strv_contains (accepted, lower) || g_str_has_suffix (lower, "+json"))
    return NULL;

  server = dup_server_name (current_uri (load));
  shown = dup_server_text (type);

  if (g_str_equal (lower, "text/html") || g_str_equal (lower, "application/xhtml+xml"))
    return g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                        _("The server “%s” sent a web page (%s), not a briefing; the address may lead to a login or error page"),
                        server, shown);

  return g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                      _("The server “%s” sent content of the type “%s”, not a briefing"),
                      server, shown);
}

typedef struct
{
  GInputStream *body;
  guint64 size_hint;
} LoaderData;

static void
loader_data_free (LoaderData *data)
{
  g_clear_object (&data->body);
  g_free (data);
}

typedef struct
{
  SbBriefing *briefing;
  GPtrArray *problems;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->briefing);
  g_clear_pointer (&loaded->problems, g_ptr_array_unref);
  g_free (loaded);
}

/* The loader reads the body as the main loop feeds it. */
static void
loader_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LoaderData *data = task_data;
  Loaded *loaded = g_new0 (Loaded, 1);

  loaded->briefing = sb_loader_load_stream (data->body, data->size_hint, NULL, &loaded->problems);
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

/* In the main context, once the loader is done: the body's own failure,
 * if it failed, else what the loader made of it.
 */
static void
on_loader_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Load *load = g_task_get_task_data (task);
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), NULL);
  SbRemoteResult *remote;

  /* A loader that stopped early (at its own limit) needs no more. */
  g_cancellable_cancel (load->cancellable);

  if (load->body_error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&load->body_error));
      loaded_free (loaded);
      return;
    }

  remote = g_steal_pointer (&load->result);
  remote->briefing = g_steal_pointer (&loaded->briefing);
  g_ptr_array_extend_and_steal (remote->problems, g_steal_pointer (&loaded->problems));
  loaded_free (loaded);

  g_task_return_pointer (task, remote, (GDestroyNotify) sb_remote_result_free);
}

/* The body stopped short: the loader is told, and the task ends with
 * @error when it is done.
 */
static void
stop_body (Load   *load,
           GError *error)
{
  load->body_error = error;
  sb_queue_input_stream_finish (SB_QUEUE_INPUT_STREAM (load->body), error);
  g_cancellable_cancel (load->cancellable);
}

static gboolean
push_chunk (SbDownload  *download,
            GBytes      *chunk,
            gpointer     user_data,
            GError     **error)
{
  Load *load = user_data;

  sb_queue_input_stream_push (SB_QUEUE_INPUT_STREAM (load->body), chunk);
  return TRUE;
}

static void
on_progress (SbDownload *download,
             guint64     received,
             gint64      total,
             gpointer    user_data)
{
  Load *load = user_data;

  if (load->progress != NULL)
    load->progress (received, total, load->progress_data);
}

/* Reading the body and loading it go on together, until both are done. */
static void
start_body (GTask *task)
{
  Load *load = g_task_get_task_data (task);
  LoaderData *data = g_new0 (LoaderData, 1);
  g_autoptr(GTask) loader = NULL;

  load->body = sb_queue_input_stream_new ();
  data->body = g_object_ref (load->body);
  data->size_hint = MAX (sb_download_get_total (load->download), 0);

  loader = g_task_new (NULL, NULL, on_loader_done, g_object_ref (task));
  g_task_set_source_tag (loader, loader_thread);
  g_task_set_task_data (loader, data, (GDestroyNotify) loader_data_free);
  g_task_run_in_thread (loader, loader_thread);
}

/* The headers: the validators, a briefing not modified, an answer that
 * is no briefing, one said to be too large.
 */
static gboolean
on_headers (SbDownload   *download,
            SoupMessage  *message,
            gpointer      user_data,
            GError      **error)
{
  GTask *task = user_data;
  Load *load = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  SbRemoteResult *remote = load->result;
  GError *content_error = NULL;
  guint status;
  goffset length = -1;

  g_free (remote->uri);
  remote->uri = g_uri_to_string (soup_message_get_uri (message));
  status = soup_message_get_status (message);

  /* A 304 may leave the validators out: the old ones still hold. */
  if (soup_message_headers_get_one (headers, "ETag") != NULL)
    {
      g_free (remote->etag);
      remote->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
    }
  if (soup_message_headers_get_one (headers, "Last-Modified") != NULL)
    {
      g_free (remote->last_modified);
      remote->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
    }

  if (status == SOUP_STATUS_NOT_MODIFIED && load->conditional)
    {
      load->not_modified = TRUE;
      return FALSE;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_propagate_error (error, status_error (load));
      return FALSE;
    }

  if ((content_error = check_content_type (load)) != NULL)
    {
      g_propagate_error (error, content_error);
      return FALSE;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    length = soup_message_headers_get_content_length (headers);
  if (length > 0 && (guint64) length > load->limit)
    {
      g_propagate_error (error, too_large_error (load, length));
      return FALSE;
    }

  return TRUE;
}

/* The body is read (or not): the loader finishes, or the task ends here. */
static void
on_downloaded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Load *load = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = sb_download_run_finish (SB_DOWNLOAD (object), result, &error);
  if (error != NULL)
    {
      GError *described = load->refused_answer ? error : describe_error (load, error);

      if (described != error)
        g_error_free (error);
      if (load->body != NULL)
        stop_body (load, described);
      else
        g_task_return_error (task, described);
      return;
    }

  if (load->body != NULL)
    {
      sb_queue_input_stream_finish (SB_QUEUE_INPUT_STREAM (load->body), NULL);
      return;
    }

  /* Ended at the headers: only a briefing not modified does. */
  g_warn_if_fail (load->not_modified);
  load->result->not_modified = TRUE;
  g_task_return_pointer (task, g_steal_pointer (&load->result), (GDestroyNotify) sb_remote_result_free);
}

/* The loader starts as the body does. */
static gboolean
on_headers_then_body (SbDownload   *download,
                      SoupMessage  *message,
                      gpointer      user_data,
                      GError      **error)
{
  if (!on_headers (download, message, user_data, error))
    {
      Load *load = g_task_get_task_data (G_TASK (user_data));

      load->refused_answer = *error != NULL;
      return FALSE;
    }

  start_body (user_data);
  return TRUE;
}

static gboolean
on_accept_certificate (SoupMessage          *message,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  Load *load = user_data;

  /* Kept for the message; the certificate is refused. */
  load->certificate_errors = errors;
  return FALSE;
}

static void
on_caller_cancelled (GCancellable *caller_cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/**
 * sb_remote_briefing_load_async:
 * @uri: an http or https address
 * @etag: (nullable): the ETag of the briefing shown, for a reload
 * @last_modified: (nullable): its Last-Modified, for a reload
 * @progress: (nullable): called in the main context as the body arrives;
 *   @progress_data must stay valid until @callback is called
 *
 * Loads a briefing. With @etag or @last_modified the request is
 * conditional, and a briefing that has not changed comes back as a
 * result with #SbRemoteResult.not_modified set. Call from the main
 * thread.
 */
void
sb_remote_briefing_load_async (const char           *uri,
                               const char           *etag,
                               const char           *last_modified,
                               GCancellable         *cancellable,
                               SbRemoteProgressFunc  progress,
                               gpointer              progress_data,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) message = NULL;
  SoupMessageHeaders *headers;
  const char *scheme;
  Load *load;
  SbDownloadLimits limits = {
    .max_size = max_size,
    .deadline_seconds = deadline_seconds,
    .min_bytes_per_second = min_bytes_per_second,
    .rate_window_seconds = rate_window_seconds,
    .refuse_private_redirects = TRUE,
  };

  g_return_if_fail (uri != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_remote_briefing_load_async);

  load = g_new0 (Load, 1);
  load->progress = progress;
  load->progress_data = progress_data;
  load->limit = max_size;
  load->cancellable = g_cancellable_new ();
  load->result = sb_remote_result_new ();
  load->result->uri = g_strdup (uri);
  load->result->etag = g_strdup (etag);
  load->result->last_modified = g_strdup (last_modified);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);

  load->uri = g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, &error);
  if (load->uri == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not a web address: a location starts with http:// or https://"),
                               uri);
      return;
    }

  scheme = g_uri_get_scheme (load->uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” cannot be opened as a location: only http:// and https:// addresses can be"),
                               uri);
      return;
    }

  if (g_uri_get_host (load->uri) == NULL || *g_uri_get_host (load->uri) == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” names no server"), uri);
      return;
    }

  if (cancellable != NULL)
    {
      load->caller_cancellable = g_object_ref (cancellable);
      load->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                                  g_object_ref (load->cancellable), g_object_unref);
    }

  message = soup_message_new_from_uri (SOUP_METHOD_GET, load->uri);
  g_signal_connect (message, "accept-certificate", G_CALLBACK (on_accept_certificate), load);
  load->download = sb_download_new (get_session (), message, &limits);
  sb_download_set_headers_func (load->download, on_headers_then_body, task);
  sb_download_set_chunk_func (load->download, push_chunk, load);
  sb_download_set_progress_func (load->download, on_progress, load);

  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "Accept",
                                "application/x-sahelbrief+json, application/json;q=0.9, */*;q=0.1");
  if (etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", etag);
  if (last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", last_modified);
  load->conditional = etag != NULL || last_modified != NULL;

  sb_download_run_async (load->download, load->cancellable, on_downloaded, g_steal_pointer (&task));
}

/**
 * sb_remote_briefing_load_finish:
 *
 * Errors keep the domain and code of their cause (%G_RESOLVER_ERROR,
 * %G_TLS_ERROR, %G_IO_ERROR, %SOUP_SESSION_ERROR) with a message for the
 * user; an HTTP status, a wrong content type and a briefing too large
 * are %G_IO_ERROR errors. A briefing with problems is not an error.
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
SbRemoteResult *
sb_remote_briefing_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sb_remote_briefing_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Connections already open keep the old timeout: they are closed. */
void
sb_remote_briefing_set_timeout_for_testing (guint seconds)
{
  timeout_seconds = seconds;
  if (session != NULL)
    {
      soup_session_abort (session);
      soup_session_set_timeout (session, seconds);
    }
}

void
sb_remote_briefing_set_max_size_for_testing (gsize size)
{
  max_size = size;
}

void
sb_remote_briefing_set_limits_for_testing (guint deadline,
                                           guint min_rate,
                                           guint window)
{
  deadline_seconds = deadline;
  min_bytes_per_second = min_rate;
  rate_window_seconds = window;
}

/**
 * sb_remote_briefing_set_public_for_testing:
 * @mask: (nullable): addresses to take as public, such as "127.0.0.2/32"
 *
 * Tests run servers on this machine; this lets one of them stand for a
 * server on the internet.
 */
void
sb_remote_briefing_set_public_for_testing (const char *mask)
{
  sb_download_set_public_for_testing (mask);
}
