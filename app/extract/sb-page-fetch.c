/* sb-page-fetch.c
 *
 * A web page fetched for Add Source, through SbDownload. The session
 * gives up when the server does not answer or stops sending for 30
 * seconds, the download after ten minutes or below 256 bytes a second; a
 * document over 64 MB is not read to its end; a page on the internet that
 * redirects into a private network is not followed; every failure says
 * what went wrong with which server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-page-fetch"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "sb-download.h"
#include "sb-page-fetch.h"

#define MAX_PAGE_SIZE (64 * 1024 * 1024)
#define DEADLINE_SECONDS (10 * 60)
#define MIN_BYTES_PER_SECOND 256
#define RATE_WINDOW_SECONDS 30

static guint timeout_seconds = 30;
static SoupSession *session;

typedef struct
{
  SbDownload *download;
  char *address;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->download);
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
  GUri *uri = soup_message_get_uri (sb_download_get_message (fetch->download));

  return uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : fetch->address;
}

static void
return_error (GTask  *task,
              GError *error)
{
  Fetch *fetch = g_task_get_task_data (task);
  const char *host = host_of (fetch);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || g_error_matches (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_HTTP))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_error_matches (error, SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_TOO_LARGE))
    {
      g_task_return_new_error (task, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_TOO_LARGE,
                               _("The document at “%s” is larger than 64 MB: too large for the text of a source"),
                               fetch->address);
      g_error_free (error);
      return;
    }

  if (error->domain == SB_DOWNLOAD_ERROR)
    /* TRANSLATORS: %s says why, as "The server “example.org” sent it too slowly (…)" */
    message = g_strdup_printf (_("%s; the page was not fetched"), error->message);
  else if (g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND) ||
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

static gboolean
check_status (SbDownload   *download,
              SoupMessage  *message,
              gpointer      user_data,
              GError      **error)
{
  Fetch *fetch = user_data;
  guint status = soup_message_get_status (message);
  const char *reason = soup_message_get_reason_phrase (message);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    return TRUE;

  /* TRANSLATORS: "The server “example.org” answered 404 Not Found" */
  g_set_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_HTTP,
               _("The server “%s” answered %u %s"), host_of (fetch), status,
               reason && *reason ? reason : soup_status_get_phrase (status));
  return FALSE;
}

/* All of it: read it as what the server says it is. */
static void
on_downloaded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SbDownload *download = SB_DOWNLOAD (object);
  SoupMessage *message = sb_download_get_message (download);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *address = NULL;
  const char *content_type;
  GError *error = NULL;
  SbExtract *extract;

  bytes = sb_download_run_finish (download, result, &error);
  if (bytes == NULL)
    {
      return_error (task, error);
      return;
    }

  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL);
  address = g_uri_to_string (soup_message_get_uri (message));
  extract = sb_extract_from_bytes (bytes, content_type, g_uri_get_path (soup_message_get_uri (message)),
                                   address, &error);
  if (extract == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The page at “%s”: %s"), address, error->message);

      g_task_return_new_error (task, error->domain, error->code, "%s", text);
      g_error_free (error);
      return;
    }

  g_task_return_pointer (task, extract, (GDestroyNotify) sb_extract_free);
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
  g_autoptr(SoupMessage) message = NULL;
  SbDownloadLimits limits = {
    .max_size = MAX_PAGE_SIZE,
    .deadline_seconds = DEADLINE_SECONDS,
    .min_bytes_per_second = MIN_BYTES_PER_SECOND,
    .rate_window_seconds = RATE_WINDOW_SECONDS,
    .refuse_private_redirects = TRUE,
  };
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
  message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  soup_message_headers_append (soup_message_get_request_headers (message), "Accept",
                               "text/html, application/xhtml+xml, application/pdf;q=0.9, text/plain;q=0.8");
  fetch->download = sb_download_new (get_session (), message, &limits);
  sb_download_set_headers_func (fetch->download, check_status, fetch);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  sb_download_run_async (fetch->download, cancellable, on_downloaded, g_steal_pointer (&task));
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
