/* test-remote-briefing.c
 *
 * sb_remote_briefing_load_async() against a SoupServer on 127.0.0.1 in
 * the same main loop: one path per case. Nothing here needs the network;
 * "nonexistent.invalid" fails in the resolver.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "fuzz/fuzz-util.h"
#include "sb-loader.h"
#include "sb-remote-briefing.h"
#include "sb-test-util.h"

#define TEST_LIMIT (1024 * 1024)
#define BIG_CHUNK_SIZE (64 * 1024)
#define STREAM_CAP (64 * 1024 * 1024)
#define ETAG "\"v1\""
#define LAST_MODIFIED "Wed, 10 Aug 2022 07:28:00 GMT"

/* A self-signed certificate for 127.0.0.1, valid until 2126. */
static const char certificate_pem[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBkTCCATagAwIBAgIUaCG8Jk+xNZy4FkSDqnzAXR8pJ8kwCgYIKoZIzj0EAwIw\n"
  "FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyNTIwNDg1NloYDzIxMjYxMTAx\n"
  "MjA0ODU2WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO\n"
  "PQMBBwNCAATTXMuyJj/MWNTTyZ+6MbZ0+7XZYH2+355zOFoPwcKYYn15UzUhrzDH\n"
  "rg8jiZ2NiDxSCtwHPfIBncSysmHXw7eLo2QwYjAdBgNVHQ4EFgQUNhLXunvkwF/e\n"
  "qPrePMC93Gb3oX8wHwYDVR0jBBgwFoAUNhLXunvkwF/eqPrePMC93Gb3oX8wDwYD\n"
  "VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0kAMEYC\n"
  "IQCzKXAcOKoN5/ZiSefN1MH9uHDhcxdCPpqRFFXj62kn7wIhAOnViRYP0PI/uF9b\n"
  "2qU9P+Jsc9Yd2khfUX/bV9n+4pqz\n"
  "-----END CERTIFICATE-----\n"
  "-----BEGIN PRIVATE KEY-----\n"
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQguovaIGAnbbt+9ldn\n"
  "2/n0hMg6ZtTc3PO04t/HVIHUZk6hRANCAATTXMuyJj/MWNTTyZ+6MbZ0+7XZYH2+\n"
  "355zOFoPwcKYYn15UzUhrzDHrg8jiZ2NiDxSCtwHPfIBncSysmHXw7eL\n"
  "-----END PRIVATE KEY-----\n";

static SoupServer *server;
static char *base_uri;
static GBytes *good_briefing;

/* What the server saw of the last request. */
static char *seen_user_agent;
static char *seen_if_none_match;
static char *seen_if_modified_since;
static char *seen_accept;
static guint requests;

static guint private_requests;
static GUri *base_guri;

static guint slow_pending;
static gsize streamed;
static gboolean stream_finished;

static GThread *main_thread;

typedef struct
{
  gboolean done;
  SbRemoteResult *result;
  GError *error;
  guint progress_calls;
  goffset last_received;
  goffset last_total;
  goffset min_total;
  gboolean progress_off_main_thread;
  gint64 started;
  gint64 finished;
} Load;

static void
load_clear (Load *load)
{
  g_clear_pointer (&load->result, sb_remote_result_free);
  g_clear_error (&load->error);
}

static void
on_progress (goffset  received,
             goffset  total,
             gpointer user_data)
{
  Load *load = user_data;

  load->progress_calls++;
  load->last_received = received;
  load->last_total = total;
  load->min_total = MIN (load->min_total, total);
  if (g_thread_self () != main_thread)
    load->progress_off_main_thread = TRUE;
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;

  g_assert_null (object);
  load->result = sb_remote_briefing_load_finish (result, &load->error);
  load->finished = g_get_monotonic_time ();
  load->done = TRUE;
}

static void
run_load (Load         *load,
          const char   *uri,
          const char   *etag,
          const char   *last_modified,
          GCancellable *cancellable)
{
  memset (load, 0, sizeof *load);
  load->min_total = G_MAXINT64;
  load->started = g_get_monotonic_time ();

  sb_remote_briefing_load_async (uri, etag, last_modified, cancellable,
                                 on_progress, load, on_loaded, load);
  while (!load->done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (!!load->result != !!load->error);
  g_assert_false (load->progress_off_main_thread);
}

static char *
uri_for (const char *path)
{
  return g_strconcat (base_uri, path + 1, NULL);
}

static void
load_path (Load       *load,
           const char *path)
{
  g_autofree char *uri = uri_for (path);

  run_load (load, uri, NULL, NULL, NULL);
}

static double
elapsed_seconds (Load *load)
{
  return (load->finished - load->started) / (double) G_USEC_PER_SEC;
}

/* Server */

static void
set_text (SoupServerMessage *message,
          guint              status,
          const char        *content_type,
          const char        *text)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY, text, strlen (text));
}

static gboolean
finish_slow (gpointer user_data)
{
  SoupServerMessage *message = user_data;

  set_text (message, SOUP_STATUS_OK, "application/json", "{}");
  soup_server_message_unpause (message);
  slow_pending--;

  return G_SOURCE_REMOVE;
}

static void
on_wrote_chunk (SoupServerMessage *message,
                gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_response_body (message);

  if (streamed >= STREAM_CAP)
    {
      soup_message_body_complete (body);
      return;
    }

  soup_message_body_append_bytes (body, user_data);
  streamed += BIG_CHUNK_SIZE;
}

static void
on_stream_finished (SoupServerMessage *message,
                    gpointer           user_data)
{
  stream_finished = TRUE;
}

static void
start_endless_stream (SoupServerMessage *message)
{
  g_autofree char *data = g_malloc (BIG_CHUNK_SIZE);
  GBytes *chunk;

  memset (data, ' ', BIG_CHUNK_SIZE);
  chunk = g_bytes_new_take (g_steal_pointer (&data), BIG_CHUNK_SIZE);

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (message),
                                     SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (message),
                                         "application/json", NULL);
  streamed = 0;
  stream_finished = FALSE;
  g_signal_connect_data (message, "wrote-chunk", G_CALLBACK (on_wrote_chunk),
                         chunk, (GClosureNotify) (void (*) (void)) g_bytes_unref, 0);
  g_signal_connect (message, "finished", G_CALLBACK (on_stream_finished), NULL);
  on_wrote_chunk (message, chunk);
}

static void
replace_seen (char       **seen,
              const char  *value)
{
  g_free (*seen);
  *seen = g_strdup (value);
}

static void
handle_request (SoupServer        *soup_server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (message);

  requests++;
  replace_seen (&seen_user_agent, soup_message_headers_get_one (request, "User-Agent"));
  replace_seen (&seen_if_none_match, soup_message_headers_get_one (request, "If-None-Match"));
  replace_seen (&seen_if_modified_since, soup_message_headers_get_one (request, "If-Modified-Since"));
  replace_seen (&seen_accept, soup_message_headers_get_one (request, "Accept"));

  if (g_str_equal (path, "/good.sahelbrief"))
    {
      soup_message_headers_replace (response, "ETag", ETAG);
      soup_message_headers_replace (response, "Last-Modified", LAST_MODIFIED);

      if (g_strcmp0 (seen_if_none_match, ETAG) == 0)
        {
          soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (good_briefing, NULL),
                                        g_bytes_get_size (good_briefing));
    }
  else if (g_str_equal (path, "/plain.sahelbrief"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "text/plain; charset=utf-8", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (good_briefing, NULL),
                                        g_bytes_get_size (good_briefing));
    }
  else if (g_str_equal (path, "/untyped.sahelbrief"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (message), good_briefing);
    }
  else if (g_str_equal (path, "/syntax.sahelbrief"))
    set_text (message, SOUP_STATUS_OK, "application/json",
              "{\n  \"format\": \"sahelbrief\",\n  \"version\": 1,\n  \"title\": ]\n}\n");
  else if (g_str_equal (path, "/invalid.sahelbrief"))
    set_text (message, SOUP_STATUS_OK, "application/json",
              "{ \"format\": \"sahelbrief\", \"version\": 1, \"sources\": 42 }");
  else if (g_str_equal (path, "/login"))
    set_text (message, SOUP_STATUS_OK, "text/html; charset=utf-8",
              "<!DOCTYPE html><html><body>Please log in</body></html>");
  else if (g_str_equal (path, "/image"))
    set_text (message, SOUP_STATUS_OK, "image/png", "not really a PNG");
  else if (g_str_equal (path, "/forbidden"))
    set_text (message, SOUP_STATUS_FORBIDDEN, "text/html", "<p>No</p>");
  else if (g_str_equal (path, "/login-required"))
    set_text (message, SOUP_STATUS_UNAUTHORIZED, "text/html", "<p>Who are you?</p>");
  else if (g_str_equal (path, "/broken"))
    set_text (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/html", "<p>Oops</p>");
  else if (g_str_equal (path, "/big-with-length"))
    {
      gsize size = 2 * TEST_LIMIT;
      char *data = g_malloc (size);

      memset (data, ' ', size);
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_TAKE, data, size);
    }
  else if (g_str_equal (path, "/big-streamed"))
    start_endless_stream (message);
  else if (g_str_equal (path, "/slow"))
    {
      slow_pending++;
      soup_server_message_pause (message);
      g_timeout_add_full (G_PRIORITY_DEFAULT, 2500, finish_slow,
                          g_object_ref (message), g_object_unref);
    }
  else if (g_str_equal (path, "/loop"))
    soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, "/loop");
  else if (g_str_equal (path, "/to-metadata"))
    soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, "http://169.254.169.254/latest/meta-data/");
  else if (g_str_equal (path, "/to-localhost"))
    {
      g_autofree char *target = g_strdup_printf ("http://localhost:%d/private.sahelbrief", g_uri_get_port (base_guri));

      soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, target);
    }
  else if (g_str_equal (path, "/private.sahelbrief"))
    {
      private_requests++;
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (good_briefing, NULL),
                                        g_bytes_get_size (good_briefing));
    }
  else if (g_str_equal (path, "/drip"))
    sb_test_serve_drip (message, "application/json", "{");
  else if (g_str_equal (path, "/moved"))
    soup_server_message_set_redirect (message, SOUP_STATUS_MOVED_PERMANENTLY, "/good.sahelbrief");
  else
    set_text (message, SOUP_STATUS_NOT_FOUND, "text/html", "<p>Not here</p>");
}

static SoupServer *
start_server (GTlsCertificate  *certificate,
              char            **uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  SoupServer *new_server;
  GSList *uris;

  new_server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (new_server, NULL, handle_request, NULL, NULL);

  address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  soup_server_listen (new_server, address, certificate ? SOUP_SERVER_LISTEN_HTTPS : 0, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (new_server);
  g_assert_nonnull (uris);
  *uri = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return new_server;
}

/* Tests */

static void
test_good (void)
{
  g_autofree char *uri = uri_for ("/good.sahelbrief");
  g_autofree char *agent_prefix = g_strdup_printf ("SahelBrief/%s", PACKAGE_VERSION);
  Load load;

  run_load (&load, uri, NULL, NULL, NULL);
  g_assert_no_error (load.error);
  g_assert_nonnull (load.result->briefing);
  g_assert_cmpuint (load.result->problems->len, ==, 0);
  g_assert_false (load.result->not_modified);
  g_assert_cmpstr (load.result->uri, ==, uri);
  g_assert_cmpstr (load.result->etag, ==, ETAG);
  g_assert_cmpstr (load.result->last_modified, ==, LAST_MODIFIED);

  /* Progress up to the whole body, with its length. */
  g_assert_cmpuint (load.progress_calls, >=, 1);
  g_assert_cmpint (load.last_received, ==, g_bytes_get_size (good_briefing));
  g_assert_cmpint (load.last_total, ==, g_bytes_get_size (good_briefing));

  g_assert_true (g_str_has_prefix (seen_user_agent, agent_prefix));
  g_assert_null (seen_if_none_match);
  g_assert_null (seen_if_modified_since);
  g_assert_nonnull (strstr (seen_accept, "application/json"));

  load_clear (&load);
}

static void
test_not_modified (void)
{
  g_autofree char *uri = uri_for ("/good.sahelbrief");
  Load load;

  run_load (&load, uri, ETAG, LAST_MODIFIED, NULL);
  g_assert_no_error (load.error);
  g_assert_true (load.result->not_modified);
  g_assert_null (load.result->briefing);
  g_assert_cmpuint (load.result->problems->len, ==, 0);
  g_assert_cmpstr (load.result->etag, ==, ETAG);
  g_assert_cmpstr (load.result->last_modified, ==, LAST_MODIFIED);

  g_assert_cmpstr (seen_if_none_match, ==, ETAG);
  g_assert_cmpstr (seen_if_modified_since, ==, LAST_MODIFIED);

  load_clear (&load);

  /* Changed since: the whole briefing again. */
  run_load (&load, uri, "\"v0\"", NULL, NULL);
  g_assert_no_error (load.error);
  g_assert_false (load.result->not_modified);
  g_assert_nonnull (load.result->briefing);
  g_assert_cmpstr (load.result->etag, ==, ETAG);
  g_assert_cmpstr (seen_if_none_match, ==, "\"v0\"");
  g_assert_null (seen_if_modified_since);

  load_clear (&load);
}

static void
test_content_types (void)
{
  const char *paths[] = { "/plain.sahelbrief", "/untyped.sahelbrief" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      Load load;

      load_path (&load, paths[i]);
      g_assert_no_error (load.error);
      g_assert_nonnull (load.result->briefing);
      load_clear (&load);
    }
}

static void
test_html (void)
{
  Load load;

  load_path (&load, "/login");
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (load.error->message, "text/html"));
  g_assert_nonnull (strstr (load.error->message, "login"));
  g_assert_nonnull (strstr (load.error->message, "127.0.0.1"));
  load_clear (&load);

  load_path (&load, "/image");
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (load.error->message, "“image/png”"));
  load_clear (&load);
}

static void
test_status (void)
{
  Load load;

  load_path (&load, "/nothing-here.sahelbrief");
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (load.error->message, ==, "The server has no briefing at this address (HTTP 404 Not Found)");
  load_clear (&load);

  load_path (&load, "/forbidden");
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (load.error->message, "HTTP 403 Forbidden"));
  load_clear (&load);

  load_path (&load, "/login-required");
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (load.error->message, "HTTP 401 Unauthorized"));
  load_clear (&load);

  load_path (&load, "/broken");
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (load.error->message, "HTTP 500 Internal Server Error"));
  load_clear (&load);
}

static void
test_syntax_error (void)
{
  g_autofree char *uri = uri_for ("/syntax.sahelbrief");
  g_autofree char *line = NULL;
  SbProblem *problem;
  Load load;

  run_load (&load, uri, NULL, NULL, NULL);
  g_assert_no_error (load.error);
  g_assert_null (load.result->briefing);
  g_assert_false (load.result->not_modified);
  g_assert_cmpuint (load.result->problems->len, ==, 1);

  problem = g_ptr_array_index (load.result->problems, 0);
  g_assert_cmpint (problem->code, ==, SB_PROBLEM_SYNTAX);
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_cmpuint (problem->column, >, 0);

  /* Shown as a file's problems are, with the address for the file. */
  line = sb_problem_to_string (problem, load.result->uri);
  g_assert_true (g_str_has_prefix (line, uri));
  g_assert_true (g_str_has_prefix (line + strlen (uri), ":4:"));

  load_clear (&load);
}

static void
test_invalid_briefing (void)
{
  Load load;

  load_path (&load, "/invalid.sahelbrief");
  g_assert_no_error (load.error);
  g_assert_null (load.result->briefing);
  g_assert_cmpuint (load.result->problems->len, >, 0);

  for (guint i = 0; i < load.result->problems->len; i++)
    {
      SbProblem *problem = g_ptr_array_index (load.result->problems, i);

      g_assert_nonnull (problem->message);
      g_test_message ("%s", problem->message);
    }

  load_clear (&load);
}

static void
test_too_large_with_length (void)
{
  g_autofree char *size = g_format_size (2 * TEST_LIMIT);
  g_autofree char *limit = g_format_size (TEST_LIMIT);
  Load load;

  load_path (&load, "/big-with-length");
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_test_message ("%s", load.error->message);
  g_assert_nonnull (strstr (load.error->message, size));
  g_assert_nonnull (strstr (load.error->message, limit));
  /* Refused from the header: nothing read. */
  g_assert_cmpuint (load.progress_calls, ==, 0);
  load_clear (&load);
}

static void
test_too_large_streamed (void)
{
  g_autofree char *limit = g_format_size (TEST_LIMIT);
  g_autofree char *larger = g_strdup_printf ("larger than %s", limit);
  Load load;

  load_path (&load, "/big-streamed");
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_test_message ("%s", load.error->message);
  g_assert_nonnull (strstr (load.error->message, larger));
  g_assert_cmpint (load.last_received, <=, TEST_LIMIT);
  g_assert_cmpint (load.last_total, ==, -1);
  load_clear (&load);

  /* The client hung up instead of reading on to the end. */
  while (!stream_finished)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("the server wrote %" G_GSIZE_FORMAT " bytes", streamed);
  g_assert_cmpuint (streamed, <, STREAM_CAP / 2);
}

static void
test_timeout (void)
{
  Load load;

  sb_remote_briefing_set_timeout_for_testing (1);

  load_path (&load, "/slow");
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  /* The server answers after 2.5 s: timing out is what ended the wait. */
  g_assert_nonnull (strstr (load.error->message, "did not answer within 1 second"));
  load_clear (&load);

  sb_remote_briefing_set_timeout_for_testing (SB_REMOTE_DEFAULT_TIMEOUT);

  while (slow_pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
cancel_soon (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *uri = uri_for ("/slow");
  g_autofree char *good_uri = uri_for ("/good.sahelbrief");
  Load load;

  g_timeout_add (100, cancel_soon, cancellable);
  run_load (&load, uri, NULL, NULL, cancellable);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (elapsed_seconds (&load), <, 2.0);
  load_clear (&load);

  /* Cancelled before it starts. */
  run_load (&load, good_uri, NULL, NULL, cancellable);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  load_clear (&load);

  while (slow_pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_redirect (void)
{
  g_autofree char *target = uri_for ("/good.sahelbrief");
  Load load;

  load_path (&load, "/moved");
  g_assert_no_error (load.error);
  g_assert_nonnull (load.result->briefing);
  g_assert_cmpstr (load.result->uri, ==, target);
  load_clear (&load);
}

static void
test_redirect_loop (void)
{
  Load load;

  load_path (&load, "/loop");
  g_assert_error (load.error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_TOO_MANY_REDIRECTS);
  g_assert_nonnull (strstr (load.error->message, "redirected too many times"));
  g_assert_cmpfloat (elapsed_seconds (&load), <, 5.0);
  load_clear (&load);
}

static void
test_not_http (void)
{
  const char *uris[] = {
    "file:///tmp/briefing.sahelbrief",
    "ftp://example.org/briefing.sahelbrief",
    "/tmp/briefing.sahelbrief",
    "not an address",
    "http:///no-host",
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      Load load;

      run_load (&load, uris[i], NULL, NULL, NULL);
      g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (load.error->message, uris[i]));
      g_test_message ("%s", load.error->message);
      load_clear (&load);
    }
}

static void
test_unknown_host (void)
{
  Load load;

  run_load (&load, "http://nonexistent.invalid/briefing.sahelbrief", NULL, NULL, NULL);
  g_assert_nonnull (load.error);
  g_test_message ("%s", load.error->message);
  g_assert_true (load.error->domain == G_RESOLVER_ERROR
                 || g_error_matches (load.error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND));
  if (g_error_matches (load.error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND))
    g_assert_true (g_str_has_prefix (load.error->message, "Could not find the server “nonexistent.invalid”"));
  else
    g_assert_nonnull (strstr (load.error->message, "“nonexistent.invalid”"));
  load_clear (&load);
}

static void
test_connection_refused (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  Load load;

  /* A port that was free a moment ago and has nothing listening. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  uri = g_strdup_printf ("http://127.0.0.1:%u/briefing.sahelbrief",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  run_load (&load, uri, NULL, NULL, NULL);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_assert_nonnull (strstr (load.error->message, "refused"));
  load_clear (&load);
}

static void
test_untrusted_certificate (void)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) tls_server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tls_uri = NULL;
  g_autofree char *uri = NULL;
  Load load;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No TLS backend (glib-networking)");
      return;
    }

  certificate = g_tls_certificate_new_from_pem (certificate_pem, -1, &error);
  g_assert_no_error (error);

  tls_server = start_server (certificate, &tls_uri);
  g_assert_true (g_str_has_prefix (tls_uri, "https://"));
  uri = g_strconcat (tls_uri, "good.sahelbrief", NULL);

  run_load (&load, uri, NULL, NULL, NULL);
  g_assert_error (load.error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
  g_test_message ("%s", load.error->message);
  g_assert_nonnull (strstr (load.error->message, "could not be trusted"));
  g_assert_nonnull (strstr (load.error->message, "not signed by an authority this computer trusts"));
  load_clear (&load);

  soup_server_disconnect (tls_server);
}

/* A public server (as the test takes 127.0.0.1 to be) redirecting to a
 * cloud machine's metadata service: refused before anything connects.
 */
static void
test_redirect_to_private_literal (void)
{
  Load load;

  sb_remote_briefing_set_public_for_testing ("127.0.0.1/32");
  load_path (&load, "/to-metadata");
  sb_remote_briefing_set_public_for_testing (NULL);

  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_test_message ("%s", load.error->message);
  g_assert_nonnull (strstr (load.error->message, "169.254.169.254"));
  g_assert_nonnull (strstr (load.error->message, "private or local network"));
  g_assert_cmpfloat (elapsed_seconds (&load), <, 5);
  load_clear (&load);
}

/* Redirected to a name that leads into the private network: refused
 * once the address is known, before the request goes out.
 */
static void
test_redirect_to_private_name (void)
{
  g_autoptr(SoupServer) public_server = soup_server_new (NULL, NULL);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.2", 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  GSList *uris;
  Load load;

  soup_server_add_handler (public_server, NULL, handle_request, NULL, NULL);
  if (!soup_server_listen (public_server, address, 0, &error))
    {
      g_test_skip_printf ("cannot listen on 127.0.0.2: %s", error->message);
      return;
    }
  uris = soup_server_get_uris (public_server);
  uri = g_strdup_printf ("http://127.0.0.2:%d/to-localhost", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  private_requests = 0;
  sb_remote_briefing_set_public_for_testing ("127.0.0.2/32");
  run_load (&load, uri, NULL, NULL, NULL);
  sb_remote_briefing_set_public_for_testing (NULL);

  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_test_message ("%s", load.error->message);
  g_assert_nonnull (strstr (load.error->message, "localhost"));
  g_assert_cmpuint (private_requests, ==, 0);
  load_clear (&load);

  /* Within the private network, redirects are followed as ever. */
  run_load (&load, uri, NULL, NULL, NULL);
  g_assert_no_error (load.error);
  g_assert_nonnull (load.result->briefing);
  g_assert_cmpuint (private_requests, ==, 1);
  load_clear (&load);

  soup_server_disconnect (public_server);
}

/* A byte every 100 ms never trips the timeout between reads: the minimum
 * rate, then the deadline, end it.
 */
static void
test_drip (void)
{
  Load load;

  sb_remote_briefing_set_limits_for_testing (60, 100, 1);
  load_path (&load, "/drip");
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_test_message ("%s", load.error->message);
  g_assert_nonnull (strstr (load.error->message, "too slowly"));
  g_assert_cmpfloat (elapsed_seconds (&load), <, 10);
  load_clear (&load);

  sb_remote_briefing_set_limits_for_testing (2, 1, 60);
  load_path (&load, "/drip");
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_test_message ("%s", load.error->message);
  g_assert_nonnull (strstr (load.error->message, "took more than 2 seconds"));
  g_assert_cmpfloat (elapsed_seconds (&load), <, 10);
  load_clear (&load);

  sb_remote_briefing_set_limits_for_testing (30 * 60, 1024, 30);
}

/* A server that says "Content-Length: -5", written by hand. */
static gboolean
on_raw_request (GThreadedSocketService *service,
                GSocketConnection      *connection,
                GObject                *source_object,
                gpointer                user_data)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  const char *response = user_data;
  char buffer[4096];
  gssize n;
  GString *request = g_string_new (NULL);

  while (strstr (request->str, "\r\n\r\n") == NULL
         && (n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (request, buffer, n);
  g_string_free (request, TRUE);

  g_output_stream_write_all (out, response, strlen (response), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  return TRUE;
}

static void
test_negative_length (void)
{
  static const char response[] =
    "HTTP/1.1 200 OK\r\n"
    "Content-Type: application/json\r\n"
    "Content-Length: -5\r\n"
    "Connection: close\r\n"
    "\r\n"
    "{\"format\": \"sahelbrief\"}";
  g_autoptr(GSocketService) service = g_threaded_socket_service_new (2);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  Load load;

  /* libsoup 3.2 warns about the length itself (and reads to the end),
   * 3.6 hands it to a property that refuses it with a critical: in a
   * process of its own, where only those of the library's are not fatal.
   */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }
  fuzz_util_init (TRUE);

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (on_raw_request), (gpointer) response);
  g_socket_service_start (service);
  uri = g_strdup_printf ("http://127.0.0.1:%u/negative.sahelbrief",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  run_load (&load, uri, NULL, NULL, NULL);
  g_test_message ("%s", load.error ? load.error->message : "loaded");
  /* Whatever the end, the progress never shows a negative size. */
  g_assert_cmpint (load.min_total, >=, -1);
  load_clear (&load);

  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  gsize length;
  int status;

  /* The server is on this machine; no proxy may come between. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  path = g_test_build_filename (G_TEST_DIST, "data", "markup.sahelbrief", NULL);
  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  good_briefing = g_bytes_new_take (g_steal_pointer (&contents), length);

  server = start_server (NULL, &base_uri);
  base_guri = g_uri_parse (base_uri, G_URI_FLAGS_NONE, NULL);
  sb_remote_briefing_set_max_size_for_testing (TEST_LIMIT);

  g_test_add_func ("/remote-briefing/good", test_good);
  g_test_add_func ("/remote-briefing/not-modified", test_not_modified);
  g_test_add_func ("/remote-briefing/content-types", test_content_types);
  g_test_add_func ("/remote-briefing/html", test_html);
  g_test_add_func ("/remote-briefing/status", test_status);
  g_test_add_func ("/remote-briefing/syntax-error", test_syntax_error);
  g_test_add_func ("/remote-briefing/invalid-briefing", test_invalid_briefing);
  g_test_add_func ("/remote-briefing/too-large-with-length", test_too_large_with_length);
  g_test_add_func ("/remote-briefing/too-large-streamed", test_too_large_streamed);
  g_test_add_func ("/remote-briefing/timeout", test_timeout);
  g_test_add_func ("/remote-briefing/cancel", test_cancel);
  g_test_add_func ("/remote-briefing/redirect", test_redirect);
  g_test_add_func ("/remote-briefing/redirect-loop", test_redirect_loop);
  g_test_add_func ("/remote-briefing/redirect-to-private-literal", test_redirect_to_private_literal);
  g_test_add_func ("/remote-briefing/redirect-to-private-name", test_redirect_to_private_name);
  g_test_add_func ("/remote-briefing/drip", test_drip);
  g_test_add_func ("/remote-briefing/negative-length", test_negative_length);
  g_test_add_func ("/remote-briefing/not-http", test_not_http);
  g_test_add_func ("/remote-briefing/unknown-host", test_unknown_host);
  g_test_add_func ("/remote-briefing/connection-refused", test_connection_refused);
  g_test_add_func ("/remote-briefing/untrusted-certificate", test_untrusted_certificate);

  status = g_test_run ();

  soup_server_disconnect (server);
  g_clear_object (&server);
  g_clear_pointer (&good_briefing, g_bytes_unref);
  g_free (base_uri);
  g_clear_pointer (&base_guri, g_uri_unref);

  return status;
}
