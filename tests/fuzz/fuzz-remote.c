/* fuzz-remote.c
 *
 * libFuzzer target for the remote-briefing response path: the bytes are
 * what a server sends back (status line, headers and body), written by a
 * server thread on 127.0.0.1 to the app's own client, through libsoup's
 * parser, the status, type, length and redirect checks, the streaming
 * into the loader and the loader itself. Whatever comes, the load ends,
 * with a result whose problems are in order or an error in UTF-8, and
 * the progress never shows a size below "unknown".
 *
 * Built and run by build-aux/fuzz; its corpus is replayed by the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-fuzz"

#include "config.h"

#include <gio/gio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-util.h"
#include "sb-loader.h"
#include "sb-remote-briefing.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

#define MAX_BODY (256 * 1024)

static GMutex lock;
static GBytes *response;          /* what the server sends next */
static char *uri;

typedef struct
{
  gboolean done;
  SbRemoteResult *result;
  GError *error;
  goffset min_total;
  goffset max_received;
} Load;

/* Answers each connection with the current response, whatever it asks. */
static gpointer
serve (gpointer data)
{
  GSocketListener *listener = data;

  for (;;)
    {
      g_autoptr(GSocketConnection) connection = g_socket_listener_accept (listener, NULL, NULL, NULL);
      g_autoptr(GBytes) bytes = NULL;
      GInputStream *in;
      char buffer[4096];
      GString *request;
      gssize n;

      if (connection == NULL)
        continue;

      in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
      request = g_string_new (NULL);
      while (strstr (request->str, "\r\n\r\n") == NULL
             && (n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
        g_string_append_len (request, buffer, n);
      g_string_free (request, TRUE);

      g_mutex_lock (&lock);
      bytes = response ? g_bytes_ref (response) : NULL;
      g_mutex_unlock (&lock);

      if (bytes != NULL)
        g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                   g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   NULL, NULL, NULL);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
    }

  return NULL;
}

static void
on_progress (goffset  received,
             goffset  total,
             gpointer user_data)
{
  Load *load = user_data;

  load->min_total = MIN (load->min_total, total);
  load->max_received = MAX (load->max_received, received);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;

  load->result = sb_remote_briefing_load_finish (result, &load->error);
  load->done = TRUE;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_util_init (TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");
  sb_text_set_preferred_languages ((const char * const[]) { "en", NULL });

  if (!g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                      NULL, &bound, &error))
    g_error ("cannot listen on 127.0.0.1: %s", error->message);
  uri = g_strdup_printf ("http://127.0.0.1:%u/briefing.sahelbrief",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_thread_unref (g_thread_new ("fuzz-server", serve, g_steal_pointer (&listener)));

  /* Small limits keep each run short and its memory low. */
  sb_remote_briefing_set_max_size_for_testing (MAX_BODY);
  sb_remote_briefing_set_timeout_for_testing (2);
  sb_remote_briefing_set_limits_for_testing (5, 0, 60);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  Load load = { FALSE, NULL, NULL, G_MAXINT64, 0 };
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_mutex_lock (&lock);
  g_clear_pointer (&response, g_bytes_unref);
  response = g_bytes_new (data, size);
  g_mutex_unlock (&lock);

  sb_remote_briefing_load_async (uri, NULL, NULL, NULL, on_progress, &load, on_loaded, &load);
  while (!load.done)
    {
      if (g_get_monotonic_time () > deadline)
        fuzz_fail ("the load never ended");
      g_main_context_iteration (NULL, TRUE);
    }

  if ((load.result == NULL) == (load.error == NULL))
    fuzz_fail ("the load ended with both or neither of a result and an error");
  if (load.min_total < -1)
    fuzz_fail ("the progress showed a negative size");
  if (load.max_received > MAX_BODY)
    fuzz_fail ("more was read than a briefing may hold");

  if (load.error != NULL && !g_utf8_validate (load.error->message, -1, NULL))
    fuzz_fail ("the error message is not UTF-8");

  if (load.result != NULL)
    {
      SbRemoteResult *result = load.result;

      if (result->problems == NULL)
        fuzz_fail ("no problem list");
      if (result->briefing != NULL && result->problems->len > 0)
        fuzz_fail ("a briefing with problems");
      if (result->briefing == NULL && result->problems->len == 0 && !result->not_modified)
        fuzz_fail ("neither a briefing nor problems");
      for (guint i = 0; i < result->problems->len; i++)
        {
          SbProblem *problem = g_ptr_array_index (result->problems, i);

          if (problem->message == NULL || !g_utf8_validate (problem->message, -1, NULL))
            fuzz_fail ("a problem's message is not UTF-8");
        }
      if (result->uri == NULL || !g_utf8_validate (result->uri, -1, NULL))
        fuzz_fail ("the result's address is missing or not UTF-8");
    }

  g_clear_pointer (&load.result, sb_remote_result_free);
  g_clear_error (&load.error);

  return 0;
}
