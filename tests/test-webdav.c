/* test-webdav.c
 *
 * The team's server, for real: Apache with mod_dav from Debian, started
 * on 127.0.0.1 with a configuration of the test's own, unprivileged and
 * in a folder of its own. A folder listed; a briefing opened, edited and
 * saved back (twice within a second, which Apache answers with weak
 * ETags); a save refused because a second client (another process)
 * changed the file
 * (compared, then kept as a copy on the server, the colleague's version
 * untouched); a new briefing saved into a folder without replacing a file
 * there; the server gone during a save (the work kept, a recovery copy
 * written); Digest authentication with a wrong then the right password,
 * kept in a keyring (gnome-keyring in this D-Bus session) and used again,
 * and a cancelled prompt that cancels the save and keeps the work; Basic
 * refused over http (Apache's log shows no password came) and answered
 * over https (mod_ssl with a certificate openssl makes for the test,
 * trusted by the test's session only); a redirect from a server taken to
 * be on the internet into a private network, refused.
 *
 * Skipped, saying what to install, where apache2-bin, gnome-keyring or
 * openssl is missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include "sb-changes-pane.h"
#include "sb-loader.h"
#include "sb-remote-briefing.h"
#include "sb-webdav.h"
#include "sb-window.h"
#include "sb-test-util.h"
#include "sb-test-window.h"

#define APACHE "/usr/sbin/apache2"
#define MODULES "/usr/lib/apache2/modules"
#define REALM "SahelBrief team"
#define USER "analyst"
#define PASSWORD "correct horse battery"

typedef struct
{
  char *dir;
  char *root;
  int port;
  GPid pid;
  char *base;              /* http://127.0.0.1:PORT/ */
  int https_port;
  char *https_base;        /* nullable: https://127.0.0.1:PORT/, where openssl made a certificate */
  char *certificate;       /* nullable: its certificate, which only this test trusts */
} Server;

static int
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
accepts_connections (gpointer data)
{
  Server *server = data;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = g_socket_client_connect_to_host (client, "127.0.0.1", server->port, NULL, NULL);

  return connection != NULL;
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Apache ends with the test, however the test ends. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* A self-signed certificate for 127.0.0.1, made now by openssl. */
static gboolean
make_certificate (Server *server)
{
  g_autofree char *program = g_find_program_in_path ("openssl");
  g_autofree char *key = g_build_filename (server->dir, "key.pem", NULL);
  g_autofree char *certificate = g_build_filename (server->dir, "certificate.pem", NULL);
  const char *argv[] = { NULL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                         "-keyout", key, "-out", certificate, NULL };
  int status;

  if (program == NULL || !g_file_test (MODULES "/mod_ssl.so", G_FILE_TEST_EXISTS))
    return FALSE;

  argv[0] = program;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return FALSE;

  server->certificate = g_steal_pointer (&certificate);
  return TRUE;
}

/* Apache's "{SHA}" form of a Basic password. */
static char *
basic_password_line (void)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;
  g_autofree char *encoded = NULL;

  g_checksum_update (checksum, (const guchar *) PASSWORD, -1);
  g_checksum_get_digest (checksum, digest, &length);
  encoded = g_base64_encode (digest, length);

  return g_strdup_printf ("%s:{SHA}%s\n", USER, encoded);
}

static void
start_server (Server *server)
{
  g_autofree char *conf = NULL;
  g_autofree char *conf_path = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *hashed = NULL;
  g_autofree char *https = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { APACHE, "-X", "-f", NULL, NULL };

  server->dir = sb_test_make_temp_dir ("sb-webdav-XXXXXX");
  server->root = g_build_filename (server->dir, "root", NULL);
  g_mkdir_with_parents (server->root, 0777);
  {
    g_autofree char *team = g_build_filename (server->root, "team", NULL);
    g_autofree char *open = g_build_filename (server->root, "open", NULL);
    g_autofree char *sub = g_build_filename (server->root, "open", "archive", NULL);
    g_autofree char *locks = g_build_filename (server->dir, "locks", NULL);

    g_mkdir_with_parents (team, 0777);
    g_mkdir_with_parents (sub, 0777);
    g_mkdir_with_parents (locks, 0777);
    /* Run as root, Apache's children may take another user: they write here. */
    g_chmod (server->root, 0777);
    g_chmod (team, 0777);
    g_chmod (open, 0777);
    g_chmod (sub, 0777);
    g_chmod (locks, 0777);
  }

  hashed = g_strdup_printf ("%s:%s:%s", USER, REALM, PASSWORD);
  hash = g_compute_checksum_for_string (G_CHECKSUM_MD5, hashed, -1);
  digest = g_build_filename (server->dir, "digest", NULL);
  {
    g_autofree char *line = g_strdup_printf ("%s:%s:%s\n", USER, REALM, hash);

    write_file (digest, line, -1);
  }

  {
    g_autofree char *basic = g_build_filename (server->dir, "basic", NULL);
    g_autofree char *line = basic_password_line ();
    g_autofree char *folder = g_build_filename (server->root, "basic", NULL);

    write_file (basic, line, -1);
    g_mkdir_with_parents (folder, 0777);
    g_chmod (folder, 0777);
  }

  server->port = free_port ();
  if (make_certificate (server))
    {
      g_autofree char *key = g_build_filename (server->dir, "key.pem", NULL);

      server->https_port = free_port ();
      https = g_strdup_printf ("LoadModule ssl_module " MODULES "/mod_ssl.so\n"
                               "Listen 127.0.0.1:%d https\n"
                               "<VirtualHost 127.0.0.1:%d>\n"
                               "  SSLEngine on\n"
                               "  SSLCertificateFile \"%s\"\n"
                               "  SSLCertificateKeyFile \"%s\"\n"
                               "</VirtualHost>\n",
                               server->https_port, server->https_port, server->certificate, key);
    }
  conf = g_strdup_printf ("ServerRoot \"%1$s\"\n"
                          "PidFile \"%1$s/httpd.pid\"\n"
                          "Listen 127.0.0.1:%2$d\n"
                          "ServerName 127.0.0.1\n"
                          "LoadModule mpm_event_module " MODULES "/mod_mpm_event.so\n"
                          "LoadModule authz_core_module " MODULES "/mod_authz_core.so\n"
                          "LoadModule authz_user_module " MODULES "/mod_authz_user.so\n"
                          "LoadModule authn_core_module " MODULES "/mod_authn_core.so\n"
                          "LoadModule authn_file_module " MODULES "/mod_authn_file.so\n"
                          "LoadModule auth_digest_module " MODULES "/mod_auth_digest.so\n"
                          "LoadModule dav_module " MODULES "/mod_dav.so\n"
                          "LoadModule dav_fs_module " MODULES "/mod_dav_fs.so\n"
                          "LoadModule auth_basic_module " MODULES "/mod_auth_basic.so\n"
                          "LoadModule alias_module " MODULES "/mod_alias.so\n"
                          "ErrorLog \"%1$s/error.log\"\n"
                          /* What a client sent for a password, to see that none went in the clear. */
                          "LogFormat \"%%m %%U %%{Authorization}i\" sent\n"
                          "CustomLog \"%1$s/access.log\" sent\n"
                          /* A server on the internet (as the test takes it) sending us into a private network. */
                          "Redirect 307 /leave http://169.254.169.254/latest/meta-data\n"
                          "LogLevel warn\n"
                          "DocumentRoot \"%1$s/root\"\n"
                          "DavLockDB \"%1$s/locks/DavLock\"\n"
                          "<Directory \"%1$s/root\">\n"
                          "  Dav On\n"
                          "  Require all granted\n"
                          "</Directory>\n"
                          "<Directory \"%1$s/root/team\">\n"
                          "  AuthType Digest\n"
                          "  AuthName \"" REALM "\"\n"
                          "  AuthDigestProvider file\n"
                          "  AuthUserFile \"%3$s\"\n"
                          "  Require valid-user\n"
                          "</Directory>\n"
                          "<Directory \"%1$s/root/basic\">\n"
                          "  AuthType Basic\n"
                          "  AuthName \"" REALM "\"\n"
                          "  AuthBasicProvider file\n"
                          "  AuthUserFile \"%1$s/basic\"\n"
                          "  Require valid-user\n"
                          "</Directory>\n"
                          "%4$s",
                          server->dir, server->port, digest, https ? https : "");
  conf_path = g_build_filename (server->dir, "httpd.conf", NULL);
  write_file (conf_path, conf, -1);

  argv[3] = conf_path;
  /* Its output to /dev/null (it logs to error.log): nothing it leaves
   * behind may hold the test's own output open after the test ends.
   */
  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 die_with_parent, NULL, &server->pid, &error);
  g_assert_no_error (error);
  if (!sb_test_run_until (accepts_connections, server, 15000))
    {
      g_autofree char *log_path = g_build_filename (server->dir, "error.log", NULL);
      g_autofree char *log = NULL;

      g_file_get_contents (log_path, &log, NULL, NULL);
      g_error ("Apache did not start: %s", log ? log : "(no log)");
    }

  server->base = g_strdup_printf ("http://127.0.0.1:%d/", server->port);
  if (server->https_port != 0)
    server->https_base = g_strdup_printf ("https://127.0.0.1:%d/", server->https_port);
}

static void
stop_server (Server *server)
{
  if (server->pid != 0)
    {
      int status;

      kill (server->pid, SIGKILL);
      waitpid (server->pid, &status, 0);
      g_spawn_close_pid (server->pid);
      server->pid = 0;
    }
}

static void
server_free (Server *server)
{
  stop_server (server);
  g_free (server->dir);
  g_free (server->root);
  g_free (server->base);
  g_free (server->https_base);
  g_free (server->certificate);
  g_free (server);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Server, server_free)

static Server *
server_new_or_skip (void)
{
  Server *server;

  if (!g_file_test (APACHE, G_FILE_TEST_IS_EXECUTABLE) || !g_file_test (MODULES "/mod_dav_fs.so", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Apache is not installed: install apache2-bin");
      return NULL;
    }

  server = g_new0 (Server, 1);
  start_server (server);
  return server;
}

/* A copy of the built-in briefing at @path under the server's root. */
static char *
put_default (Server     *server,
             const char *path)
{
  g_autofree char *file = g_build_filename (server->root, path, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/com/example/SahelBrief/briefings/sahel-2022-08.sahelbrief",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  write_file (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_chmod (file, 0666);

  return g_strconcat (server->base, path, NULL);
}

static char *
read_on_server (Server     *server,
                const char *path)
{
  g_autofree char *file = g_build_filename (server->root, path, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (file, &contents, NULL, NULL))
    return NULL;
  return contents;
}

typedef struct
{
  gboolean done;
  GAsyncResult *result;
} Waiter;

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  waiter->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Waiter *) data)->done;
}

/* A folder's listing, waited for. */
static GPtrArray *
list_folder (const char  *folder,
             GError     **error)
{
  Waiter waiter = { 0, };
  GPtrArray *entries;

  sb_webdav_list_async (folder, NULL, on_done, &waiter);
  sb_test_wait_until (is_done, &waiter);
  entries = sb_webdav_list_finish (waiter.result, error);
  g_clear_object (&waiter.result);
  return entries;
}

/* Window helpers */

static gboolean
is_saved (gpointer data)
{
  return !sb_document_get_modified (sb_window_get_document (data));
}

static SbWindow *
open_window (const char *uri)
{
  SbWindow *window = sb_window_new (NULL, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  sb_window_open_location (window, uri);
  sb_test_wait_until (sb_test_window_has_document, window);

  return window;
}

static void
edit_title (SbWindow   *window,
            const char *text)
{
  SbDocument *document = sb_window_get_document (window);
  SbEntity *item = sb_briefing_lookup (sb_window_get_briefing (window), "mali-coup-2020");
  g_autoptr(SbText) title = sb_text_new ("en", text);

  g_assert_nonnull (item);
  g_assert_true (sb_document_apply (document, sb_edit_new_set_text (item, SB_ITEM_FIELD_TITLE, title), NULL));
  sb_document_break_coalescing (document);
}

/* Saved back without a question, and the server has it. */
static void
save_title (SbWindow   *window,
            Server     *server,
            const char *path,
            const char *title)
{
  g_autofree char *saved = NULL;

  edit_title (window, title);
  sb_window_save (window);
  sb_test_wait_until (is_saved, window);
  g_assert_null (sb_test_find_dialog ());
  saved = read_on_server (server, path);
  g_assert_nonnull (saved);
  g_assert_nonnull (strstr (saved, title));
}

static GtkWindow *
wait_dialog (const char *heading)
{
  GtkWindow *dialog;

  sb_test_wait_until (sb_test_dialog_is_shown, NULL);
  dialog = sb_test_find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, heading);
  return dialog;
}

/* As a click does; then the dialog goes, without a second answer
 * (closing would answer with its close response). */
static void
respond (GtkWindow  *dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  /* GTK 4.8 notifies a destroyed password entry that had the focus. */
  gtk_window_set_focus (dialog, NULL);
  gtk_window_destroy (dialog);
  sb_test_iterate_for (50);
}

static void
close_window (SbWindow *window)
{
  SbDocument *document = sb_window_get_document (window);

  if (document != NULL)
    sb_document_mark_saved (document, sb_document_get_revision (document));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Listing */

static void
test_list (void)
{
  g_autoptr(Server) server = server_new_or_skip ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  SbWebdavEntry *entry;

  if (server == NULL)
    return;

  a = put_default (server, "open/week 32.sahelbrief");
  b = put_default (server, "open/alpha.sahelbrief");
  folder = g_strconcat (server->base, "open/", NULL);

  entries = list_folder (folder, &error);
  g_assert_no_error (error);

  /* Folders first, then by name; the folder itself not listed. */
  g_assert_cmpuint (entries->len, ==, 3);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->name, ==, "archive");
  g_assert_true (entry->is_folder);
  g_assert_cmpint (entry->size, ==, -1);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->name, ==, "alpha.sahelbrief");
  g_assert_false (entry->is_folder);
  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (entry->name, ==, "week 32.sahelbrief");
  {
    g_autofree char *escaped = g_strconcat (server->base, "open/week%2032.sahelbrief", NULL);

    g_assert_cmpstr (entry->uri, ==, escaped);
  }
  g_assert_cmpint (entry->size, >, 100000);
  g_assert_nonnull (entry->modified);
  g_assert_cmpint (ABS (g_date_time_to_unix (entry->modified) - g_get_real_time () / G_USEC_PER_SEC), <, 600);

  /* No such folder: said so. */
  {
    g_autofree char *missing = g_strconcat (server->base, "nowhere/", NULL);
    g_autoptr(GPtrArray) none = NULL;

    none = list_folder (missing, &error);
    g_assert_null (none);
    g_assert_error (error, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_FAILED);
    g_clear_error (&error);
  }
}

/* Opened, edited and saved back: twice, within a second. */
static void
test_open_save (void)
{
  g_autoptr(Server) server = server_new_or_skip ();
  g_autofree char *uri = NULL;
  SbWindow *window;
  const char *first_etag;
  g_autofree char *etag = NULL;

  if (server == NULL)
    return;

  uri = put_default (server, "open/week.sahelbrief");
  window = open_window (uri);
  first_etag = sb_document_get_etag (sb_window_get_document (window));
  g_assert_nonnull (first_etag);
  etag = g_strdup (first_etag);

  save_title (window, server, "open/week.sahelbrief", "Saved once");
  g_assert_cmpstr (sb_document_get_location (sb_window_get_document (window)), ==, uri);
  g_assert_cmpstr (sb_document_get_etag (sb_window_get_document (window)), !=, etag);

  save_title (window, server, "open/week.sahelbrief", "Saved twice");

  close_window (window);
}

static gboolean
has_comparison (gpointer data)
{
  SbChangesPane *pane = SB_CHANGES_PANE (sb_test_find_widget (data, SB_TYPE_CHANGES_PANE));

  return sb_changes_pane_get_comparison (pane) != NULL;
}

/* A colleague saved first: never overwritten. */
static void
test_conflict (void)
{
  g_autoptr(Server) server = server_new_or_skip ();
  g_autofree char *uri = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *copy_uri = NULL;
  g_autoptr(GError) error = NULL;
  SbWindow *window;
  GtkWindow *dialog;
  SbComparison *comparison;

  if (server == NULL)
    return;

  uri = put_default (server, "open/shared.sahelbrief");
  window = open_window (uri);
  edit_title (window, "Mine");

  /* A second client, in a process of its own, changes it through the
   * server. */
  {
    const char *script =
      "import sys, urllib.request\n"
      "uri = sys.argv[1]\n"
      "body = urllib.request.urlopen(uri).read().replace(b'Coup in Mali, 2020', b'Theirs', 1)\n"
      "request = urllib.request.Request(uri, data=body, method='PUT')\n"
      "print(urllib.request.urlopen(request).status)\n";
    const char *argv[] = { "python3", "-c", script, uri, NULL };
    g_autofree char *out = NULL;
    int status;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpstr (g_strstrip (out), ==, "204");
  }
  theirs = read_on_server (server, "open/shared.sahelbrief");

  sb_window_save (window);
  dialog = wait_dialog ("Changed on the Server");
  g_assert_true (sb_document_get_modified (sb_window_get_document (window)));
  {
    g_autofree char *now = read_on_server (server, "open/shared.sahelbrief");

    g_assert_cmpstr (now, ==, theirs);
  }

  if (g_getenv ("SB_TEST_PAUSE_MS") != NULL)
    sb_test_iterate_for (atoi (g_getenv ("SB_TEST_PAUSE_MS")));

  /* Compared with theirs: the title is what differs. */
  respond (dialog, "compare");
  sb_test_wait_until (has_comparison, window);
  comparison = sb_changes_pane_get_comparison (SB_CHANGES_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_CHANGES_PANE)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comparison)), ==, 1);
  g_assert_true (sb_change_has_field (sb_comparison_lookup (comparison, "mali-coup-2020"), SB_ITEM_FIELD_TITLE));
  g_assert_cmpstr (sb_changes_pane_get_label (SB_CHANGES_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_CHANGES_PANE))),
                   ==, "the version on the server");

  /* Kept as a copy beside theirs. */
  sb_window_save (window);
  dialog = wait_dialog ("Changed on the Server");
  respond (dialog, "copy-server");
  sb_test_wait_until (is_saved, window);
  copy_uri = g_strconcat (server->base, "open/shared%20(copy).sahelbrief", NULL);
  g_assert_cmpstr (sb_document_get_location (sb_window_get_document (window)), ==, copy_uri);
  {
    g_autofree char *now = read_on_server (server, "open/shared.sahelbrief");
    g_autofree char *copy = read_on_server (server, "open/shared (copy).sahelbrief");

    g_assert_cmpstr (now, ==, theirs);
    g_assert_nonnull (copy);
    g_assert_nonnull (strstr (copy, "Mine"));
  }

  close_window (window);
}

/* A new briefing into a folder: a name taken is not replaced. */
static void
test_new_briefing (void)
{
  g_autoptr(Server) server = server_new_or_skip ();
  g_autofree char *folder = NULL;
  g_autofree char *before = NULL;
  SbWindow *window;

  if (server == NULL)
    return;

  folder = g_strconcat (server->base, "open/", NULL);
  g_free (put_default (server, "open/taken.sahelbrief"));
  before = read_on_server (server, "open/taken.sahelbrief");

  window = sb_window_new (NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sb_window_new_briefing (window);
  sb_test_wait_until (sb_test_window_has_document, window);
  {
    g_autoptr(SbText) title = sb_text_new ("en", "Week 33");

    g_assert_true (sb_document_apply (sb_window_get_document (window),
                                      sb_edit_new_set_briefing_text (SB_BRIEFING_FIELD_TITLE, title), NULL));
  }

  sb_window_save_to_server_folder (window, folder, "taken");
  respond (wait_dialog ("Could Not Save"), "close");
  {
    g_autofree char *now = read_on_server (server, "open/taken.sahelbrief");

    g_assert_cmpstr (now, ==, before);
  }
  g_assert_true (sb_document_get_modified (sb_window_get_document (window)));

  sb_window_save_to_server_folder (window, folder, "week 33");
  sb_test_wait_until (is_saved, window);
  {
    g_autofree char *saved = read_on_server (server, "open/week 33.sahelbrief");

    g_assert_nonnull (saved);
    g_assert_nonnull (strstr (saved, "Week 33"));
  }
  g_assert_true (g_str_has_suffix (sb_document_get_location (sb_window_get_document (window)),
                                   "/open/week%2033.sahelbrief"));

  close_window (window);
}

static gboolean
recovery_written (gpointer data)
{
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "sahelbrief", "recovery", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".sahelbrief"))
      return TRUE;

  return FALSE;
}

/* The server goes away as Save starts: nothing lost. */
static void
test_server_gone (void)
{
  g_autoptr(Server) server = server_new_or_skip ();
  g_autofree char *uri = NULL;
  g_autofree char *before = NULL;
  SbWindow *window;
  GtkWindow *dialog;

  if (server == NULL)
    return;

  uri = put_default (server, "open/offline.sahelbrief");
  before = read_on_server (server, "open/offline.sahelbrief");
  window = open_window (uri);
  edit_title (window, "Written offline");

  sb_window_save (window);
  stop_server (server);
  dialog = wait_dialog ("Server Cannot Be Reached");
  g_assert_true (sb_document_get_modified (sb_window_get_document (window)));
  g_assert_nonnull (sb_window_get_briefing (window));
  sb_test_wait_until (recovery_written, NULL);
  {
    g_autofree char *now = read_on_server (server, "open/offline.sahelbrief");

    g_assert_cmpstr (now, ==, before);
  }
  respond (dialog, "close");

  /* Still editable. */
  edit_title (window, "Still editing");
  g_assert_true (sb_document_can_undo (sb_window_get_document (window)));

  close_window (window);
}

/* Digest */

static gboolean
keyring_available (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    return FALSE;

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  return service != NULL && error == NULL;
}

static gboolean
secrets_on_bus (gpointer data)
{
  GDBusConnection *bus = data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", "NameHasOwner",
                                                           g_variant_new ("(s)", "org.freedesktop.secrets"),
                                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                                           -1, NULL, NULL);
  gboolean owned = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static GSubprocess *keyring_daemon;

/* A keyring daemon of the test's own, on this D-Bus session, with a
 * "login" keyring unlocked and made the default, in a folder of the
 * test's: nothing of the machine's keyrings is touched. It must own the
 * bus name before libsecret asks for it, or D-Bus would start another,
 * locked one that prompts.
 */
static gboolean
start_keyring (void)
{
  const char *argv[] = { "gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets", NULL };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *keyrings = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  GOutputStream *input;

  if (keyring_daemon != NULL)
    return keyring_available ();
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL || program == NULL)
    return FALSE;
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    return FALSE;

  data = sb_test_make_temp_dir ("sb-keyring-XXXXXX");
  keyrings = g_build_filename (data, "keyrings", NULL);
  g_mkdir_with_parents (keyrings, 0700);
  default_path = g_build_filename (keyrings, "default", NULL);
  write_file (default_path, "login", -1);

  /* Silent, so that no helper it starts keeps the test's output open. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  keyring_daemon = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (keyring_daemon == NULL)
    return FALSE;

  /* The keyring's own password, for this test session only. */
  input = g_subprocess_get_stdin_pipe (keyring_daemon);
  g_output_stream_write_all (input, "test keyring", strlen ("test keyring"), NULL, NULL, NULL);
  g_output_stream_close (input, NULL, NULL);

  if (!sb_test_run_until (secrets_on_bus, bus, 15000))
    return FALSE;

  return keyring_available ();
}

static const SecretSchema *
schema (void)
{
  static const SecretSchema s = {
    "com.example.SahelBrief.Server", SECRET_SCHEMA_NONE,
    { { "server", SECRET_SCHEMA_ATTRIBUTE_STRING }, { "realm", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } }
  };

  return &s;
}

static gboolean
password_kept (gpointer data)
{
  g_autofree char *kept = secret_password_lookup_sync (schema (), NULL, NULL, "server", data, "realm", REALM,
                                                       "user", USER, NULL);

  return kept != NULL;
}

static void
forget_credentials (void)
{
  SoupSession *session = sb_remote_briefing_get_session ();
  SoupAuthManager *manager = SOUP_AUTH_MANAGER (soup_session_get_feature (session, SOUP_TYPE_AUTH_MANAGER));

  soup_auth_manager_clear_cached_credentials (manager);
}

/* Neither in the keyring nor in the session: the next request asks. */
static void
forget_password (const char *server_key)
{
  secret_password_clear_sync (schema (), NULL, NULL, "server", server_key, NULL);
  forget_credentials ();
}

/* The password accepted, and only that one, kept in the keyring. */
static void
assert_password_kept (const char *server_key)
{
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  sb_test_wait_until (password_kept, (gpointer) server_key);
  kept = secret_password_lookup_sync (schema (), NULL, &error, "server", server_key, "realm", REALM, "user", USER, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, PASSWORD);
}

/* A window opening @uri, up to the password's question. */
static GtkWindow *
open_asking_password (const char  *uri,
                      SbWindow   **window)
{
  *window = sb_window_new (NULL, NULL);
  gtk_window_present (GTK_WINDOW (*window));
  sb_window_open_location (*window, uri);
  return wait_dialog ("Password Needed");
}

static void
log_in (GtkWindow  *dialog,
        const char *user,
        const char *password)
{
  GtkWidget *user_entry = sb_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  GtkWidget *password_entry = sb_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_PASSWORD_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (user_entry), user);
  gtk_editable_set_text (GTK_EDITABLE (password_entry), password);
  respond (dialog, "log-in");
}

static void
test_digest (void)
{
  g_autoptr(Server) server = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *server_key = NULL;
  SbWindow *window;
  GtkWindow *dialog;

  if (!start_keyring ())
    {
      g_test_skip ("No keyring in this session: install gnome-keyring (and run under dbus-run-session)");
      return;
    }

  server = server_new_or_skip ();
  if (server == NULL)
    return;

  server_key = g_strdup_printf ("127.0.0.1:%d", server->port);
  forget_password (server_key);
  uri = put_default (server, "team/week.sahelbrief");

  /* Asked; a wrong password asked again; the right one opens it. */
  dialog = open_asking_password (uri, &window);
  log_in (dialog, USER, "wrong");
  dialog = wait_dialog ("Password Needed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "did not accept"));
  log_in (dialog, USER, PASSWORD);
  sb_test_wait_until (sb_test_window_has_document, window);
  g_assert_nonnull (sb_window_get_briefing (window));

  /* Kept in the keyring, and only the one accepted. */
  assert_password_kept (server_key);

  /* Next time from the keyring, without asking. */
  forget_credentials ();
  /* The PUT that had to answer Digest's challenge sends its body again. */
  save_title (window, server, "team/week.sahelbrief", "Saved with the keyring");

  /* A cancelled prompt cancels the save and keeps the work. */
  forget_password (server_key);
  edit_title (window, "Not sent");
  sb_window_save (window);
  dialog = wait_dialog ("Password Needed");
  respond (dialog, "cancel");
  dialog = wait_dialog ("Could Not Save");
  g_assert_true (sb_document_get_modified (sb_window_get_document (window)));
  respond (dialog, "close");
  {
    g_autofree char *now = read_on_server (server, "team/week.sahelbrief");

    g_assert_null (strstr (now, "Not sent"));
    g_assert_nonnull (strstr (now, "Saved with the keyring"));
  }

  close_window (window);
}

/* Redirects */

/* A server on the internet (as the test takes 127.0.0.1 to be) sending a
 * listing or a save into a private network: refused, as Open Location
 * refuses it (app/net/sb-download.c), and said so. */
static void
test_redirect (void)
{
  g_autoptr(Server) server = server_new_or_skip ();
  g_autofree char *folder = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(GError) error = NULL;
  Waiter waiter = { 0, };
  gint64 started;

  if (server == NULL)
    return;

  folder = g_strconcat (server->base, "leave/", NULL);
  target = g_strconcat (server->base, "leave/week.sahelbrief", NULL);
  sb_remote_briefing_set_public_for_testing ("127.0.0.1/32");

  started = g_get_monotonic_time ();
  entries = list_folder (folder, &error);
  g_assert_null (entries);
  g_assert_error (error, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "169.254.169.254"));
  g_assert_nonnull (strstr (error->message, "private or local network"));
  /* Refused before connecting there, not timed out trying. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
  g_clear_error (&error);

  /* A save is never redirected at all: the server's answer is an error. */
  sb_webdav_put_async (target, body, NULL, NULL, on_done, &waiter);
  sb_test_wait_until (is_done, &waiter);
  g_assert_false (sb_webdav_put_finish (waiter.result, NULL, NULL, &error));
  g_clear_object (&waiter.result);
  g_assert_error (error, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  sb_remote_briefing_set_public_for_testing (NULL);
}

/* Basic */

static char *
access_log (Server *server)
{
  g_autofree char *path = g_build_filename (server->dir, "access.log", NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents ? contents : g_strdup ("");
}

/* A server that asks for Basic over http: the password is neither asked
 * for nor sent (Apache's log shows every Authorization it received). */
static void
test_basic_over_http (void)
{
  g_autoptr(Server) server = server_new_or_skip ();
  g_autofree char *folder = NULL;
  g_autofree char *log = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  if (server == NULL)
    return;

  forget_credentials ();
  folder = g_strconcat (server->base, "basic/", NULL);
  entries = list_folder (folder, &error);

  g_assert_null (entries);
  g_assert_error (error, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_AUTH);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Basic over http"));
  g_assert_null (sb_test_find_dialog ());

  log = access_log (server);
  g_test_message ("%s", log);
  g_assert_nonnull (strstr (log, "PROPFIND /basic/"));
  g_assert_null (strstr (log, "Basic "));
}

static void
set_trusted (const char *certificate)
{
  SoupSession *session = sb_remote_briefing_get_session ();
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  if (certificate != NULL)
    {
      database = g_tls_file_database_new (certificate, &error);
      g_assert_no_error (error);
    }
  else
    database = g_tls_backend_get_default_database (g_tls_backend_get_default ());
  soup_session_set_tls_database (session, database);
}

/* Over https, Basic is answered: asked for, accepted, kept in the keyring. */
static void
test_basic_over_https (void)
{
  g_autoptr(Server) server = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *server_key = NULL;
  g_autofree char *log = NULL;
  SbWindow *window;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No TLS backend: install glib-networking");
      return;
    }
  if (!start_keyring ())
    {
      g_test_skip ("No keyring in this session: install gnome-keyring (and run under dbus-run-session)");
      return;
    }
  server = server_new_or_skip ();
  if (server == NULL)
    return;
  if (server->https_base == NULL)
    {
      g_test_skip ("No certificate for https: install openssl");
      return;
    }

  /* The test's own certificate, trusted by this session only for now. */
  set_trusted (server->certificate);
  server_key = g_strdup_printf ("127.0.0.1:%d", server->https_port);
  forget_password (server_key);
  g_free (put_default (server, "basic/week.sahelbrief"));
  uri = g_strconcat (server->https_base, "basic/week.sahelbrief", NULL);

  log_in (open_asking_password (uri, &window), USER, PASSWORD);
  sb_test_wait_until (sb_test_window_has_document, window);
  g_assert_nonnull (sb_window_get_briefing (window));
  assert_password_kept (server_key);

  /* Saved back over https with the same password. */
  save_title (window, server, "basic/week.sahelbrief", "Saved over https");

  log = access_log (server);
  g_assert_nonnull (strstr (log, "PUT /basic/week.sahelbrief Basic "));

  close_window (window);
  set_trusted (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("sb-webdav-state-XXXXXX", NULL);
  int status;

  /* Recovery copies go to a folder of the test's. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sb_test_log_init ();

  g_test_add_func ("/webdav/list", test_list);
  g_test_add_func ("/webdav/open-save", test_open_save);
  g_test_add_func ("/webdav/conflict", test_conflict);
  g_test_add_func ("/webdav/new-briefing", test_new_briefing);
  g_test_add_func ("/webdav/server-gone", test_server_gone);
  g_test_add_func ("/webdav/digest", test_digest);
  g_test_add_func ("/webdav/redirect", test_redirect);
  g_test_add_func ("/webdav/basic-over-http", test_basic_over_http);
  g_test_add_func ("/webdav/basic-over-https", test_basic_over_https);

  status = g_test_run ();
  if (keyring_daemon != NULL)
    {
      g_subprocess_force_exit (keyring_daemon);
      g_subprocess_wait (keyring_daemon, NULL, NULL);
    }
  g_clear_object (&keyring_daemon);

  return status;
}
