/* sb-page-fetch.c
 *
 * A web page fetched for Add Source. The session gives up when the
 * server does not answer or stops sending for 30 seconds; a document
 * over 64 MB is not read to its end; every failure says what went wrong
 * with which server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-page-fetch"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "sb-page-fetch.h"

#define MAX_PAGE_SIZE (64 * 1024 * 1024)
#define CHUNK_SIZE (64 * 1024)

static guint timeout_seconds = 30;
static SoupSession *session;

typedef struct
{
  SoupMessage *message;
  GInputStream *stream;
  GByteArray *data;
  char *address;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->message);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->data, g_byte_array_unref);
  g_free (fetch->address);
  g_free (fetch);
}

static SoupSession *
get_session (void)
{
  if (session == NULL)
    {
      g_autofree char *user_agent = g_strdup_printf ("SahelBrief/%s (+%s)", PACKAGE_VERSION, PACKAGE_URL);

      session = g_object_new (SOUP_TYPE_SESSION, "user-agent", user_agent, "timeout", timeout_seconds, NULL);
    }

  return session;
}

/* The server as the person wrote it in the address. */
static const char *
host_of (Fetch *fetch)
{
  GUri *uri = soup_message_get_uri (fetch->message);

  return uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : fetch->address;
}

static void
return_error (GTask  *task,
              GError *error)
{
  Fetch *fetch = g_task_get_task_data (task);
  const char *host = host_of (fetch);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    message = g_strdup_printf (_("No server “%s” was found: check the address and the network connection"), host);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    message = g_strdup_printf (ngettext ("The server “%s” did not answer for %u second; the page was not fetched",
                                         "The server “%s” did not answer for %u seconds; the page was not fetched",
                                         timeout_seconds),
                               host, timeout_seconds);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    message = g_strdup_printf (_("The server “%s” refused the connection"), host);
  else if (error->domain == G_TLS_ERROR)
    message = g_strdup_printf (_("No secure connection could be made to “%s”: %s"), host, error->message);
  else
    message = g_strdup_printf (_("The page could not be fetched from “%s”: %s"), host, error->message);

  g_task_return_new_error (task, error->domain, error->code, "%s", message);
  g_error_free (error);
}

static void read_next (GTask *task);

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;
  SoupMessageHeaders *headers;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *address = NULL;
  const char *content_type;
  SbExtract *extract;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      return_error (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) > 0)
    {
      if (fetch->data->len + g_bytes_get_size (chunk) > MAX_PAGE_SIZE)
        {
          g_task_return_new_error (task, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_TOO_LARGE,
                                   _("The document at “%s” is larger than 64 MB: too large for the text of a source"),
                                   fetch->address);
          return;
        }
      g_byte_array_append (fetch->data, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      read_next (g_steal_pointer (&task));
      return;
    }

  /* All of it: read it as what the server says it is. */
  headers = soup_message_get_response_headers (fetch->message);
  content_type = soup_message_headers_get_content_type (headers, NULL);
  address = g_uri_to_string (soup_message_get_uri (fetch->message));
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->data));
  extract = sb_extract_from_bytes (bytes, content_type, g_uri_get_path (soup_message_get_uri (fetch->message)),
                                   address, &error);
  if (extract == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The page at “%s”: %s"), address, error->message);

      g_task_return_new_error (task, error->domain, error->code, "%s", message);
      g_error_free (error);
      return;
    }

  g_task_return_pointer (task, extract, (GDestroyNotify) sb_extract_free);
}

static void
read_next (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (fetch->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                   on_read, task);
}

static void
on_sent (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  GError *error = NULL;
  guint status;
  goffset length;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (fetch->stream == NULL)
    {
      return_error (task, error);
      return;
    }

  status = soup_message_get_status (fetch->message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      const char *reason = soup_message_get_reason_phrase (fetch->message);

      /* TRANSLATORS: "The server “example.org” answered 404 Not Found" */
      g_task_return_new_error (task, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_HTTP,
                               _("The server “%s” answered %u %s"), host_of (fetch), status,
                               reason && *reason ? reason : soup_status_get_phrase (status));
      return;
    }

  length = soup_message_headers_get_content_length (soup_message_get_response_headers (fetch->message));
  if (length > MAX_PAGE_SIZE)
    {
      g_task_return_new_error (task, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_TOO_LARGE,
                               _("The document at “%s” is larger than 64 MB: too large for the text of a source"),
                               fetch->address);
      return;
    }

  fetch->data = g_byte_array_new ();
  read_next (g_steal_pointer (&task));
}

/**
 * sb_page_fetch_async:
 * @address: an http:// or https:// address
 */
void
sb_page_fetch_async (const char          *address,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *stripped = NULL;
  Fetch *fetch;

  g_return_if_fail (address != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_page_fetch_async);

  stripped = g_strstrip (g_strdup (address));
  uri = g_uri_parse (stripped, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not a web address: write one that starts with https:// or http://"),
                               stripped);
      return;
    }

  fetch = g_new0 (Fetch, 1);
  fetch->address = g_steal_pointer (&stripped);
  fetch->message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  soup_message_headers_append (soup_message_get_request_headers (fetch->message), "Accept",
                               "text/html, application/xhtml+xml, application/pdf;q=0.9, text/plain;q=0.8");
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  soup_session_send_async (get_session (), fetch->message, G_PRIORITY_DEFAULT, cancellable, on_sent,
                           g_steal_pointer (&task));
}

/**
 * sb_page_fetch_finish:
 *
 * Returns: (transfer full): what the page says and its text
 */
SbExtract *
sb_page_fetch_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Sessions made later use it; the one made already is dropped. */
void
sb_page_fetch_set_timeout_for_testing (guint seconds)
{
  timeout_seconds = seconds;
  g_clear_object (&session);
}
