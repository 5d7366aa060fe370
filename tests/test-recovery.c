/* test-recovery.c
 *
 * No work lost to a crash: SahelBrief runs as a process of its own on a
 * copy of the built-in briefing, is edited through its actions on the
 * session bus (as menus and keys do), keeps a recovery copy a few seconds
 * later, and is killed with SIGKILL. Started again, it offers the copy;
 * recovered, the briefing has the edit, and Save writes it to the file it
 * came from and lets the copy go.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "sb-test-util.h"

#define BUS_NAME "com.example.SahelBrief"
#define APP_PATH "/com/example/SahelBrief"
#define WINDOW_PATH "/com/example/SahelBrief/window/1"
#define TIMEOUT_S 30

typedef struct
{
  char *dir;
  char *state;
  char *briefing;
  GDBusConnection *bus;
  GSubprocess *app;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *config = NULL;
  g_autofree char *settings = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (DEFAULT_BRIEFING);
  g_autofree char *contents = NULL;
  gsize length;

  fixture->dir = sb_test_make_temp_dir ("sb-recovery-XXXXXX");
  fixture->state = g_build_filename (fixture->dir, "state", NULL);
  fixture->briefing = g_build_filename (fixture->dir, "week-32.sahelbrief", NULL);
  config = g_build_filename (fixture->dir, "config", "glib-2.0", "settings", NULL);
  g_mkdir_with_parents (config, 0700);

  /* No tiles from a public server: the built-in base map only. */
  settings = g_build_filename (config, "keyfile", NULL);
  g_file_set_contents (settings, "[com/example/SahelBrief]\ntile-source='none'\n", -1, &error);
  g_assert_no_error (error);

  g_file_load_contents (source, NULL, &contents, &length, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->briefing, contents, length, &error);
  g_assert_no_error (error);

  fixture->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
}

static void
stop_app (Fixture *fixture)
{
  if (fixture->app == NULL)
    return;

  g_subprocess_send_signal (fixture->app, SIGKILL);
  g_subprocess_wait (fixture->app, NULL, NULL);
  g_clear_object (&fixture->app);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  stop_app (fixture);
  g_clear_object (&fixture->bus);
  g_free (fixture->dir);
  g_free (fixture->state);
  g_free (fixture->briefing);
}

static gboolean
name_is_owned (Fixture *fixture)
{
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (fixture->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner", g_variant_new ("(s)", BUS_NAME),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply == NULL)
    return FALSE;

  return g_variant_get_boolean (g_variant_get_child_value (reply, 0));
}

/* SahelBrief as a person starts it, with folders of the test's own. */
static void
start_app (Fixture    *fixture,
           const char *file)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *config = g_build_filename (fixture->dir, "config", NULL);
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;

  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", fixture->state, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "NO_AT_BRIDGE", "1", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");

  fixture->app = g_subprocess_launcher_spawn (launcher, &error, SAHELBRIEF_EXE, file, NULL);
  g_assert_no_error (error);

  while (!name_is_owned (fixture))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }
}

/* org.gtk.Actions, as a menu or a key activates them. */
static gboolean
activate (Fixture    *fixture,
          const char *path,
          const char *action,
          GVariant   *parameter)
{
  g_autoptr(GVariantBuilder) parameters = g_variant_builder_new (G_VARIANT_TYPE ("av"));
  g_autoptr(GVariant) reply = NULL;

  if (parameter != NULL)
    g_variant_builder_add (parameters, "v", parameter);

  reply = g_dbus_connection_call_sync (fixture->bus, BUS_NAME, path, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", action, parameters, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  return reply != NULL;
}

static gboolean
is_enabled (Fixture    *fixture,
            const char *path,
            const char *action)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean enabled = FALSE;

  reply = g_dbus_connection_call_sync (fixture->bus, BUS_NAME, path, "org.gtk.Actions", "Describe",
                                       g_variant_new ("(s)", action), G_VARIANT_TYPE ("((bgav))"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "((b@g@av))", &enabled, NULL, NULL);

  return enabled;
}

/* The recovery copy in the state folder and its description, if written. */
static gboolean
find_copy (Fixture  *fixture,
           char    **copy,
           char    **info)
{
  g_autofree char *folder = g_build_filename (fixture->state, "sahelbrief", "recovery", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".ini"))
      {
        g_autofree char *id = g_strndup (name, strlen (name) - strlen (".ini"));
        g_autofree char *copy_name = g_strconcat (id, ".sahelbrief", NULL);
        g_autofree char *copy_path = g_build_filename (folder, copy_name, NULL);

        if (!g_file_test (copy_path, G_FILE_TEST_EXISTS))
          continue;
        if (copy != NULL)
          *copy = g_steal_pointer (&copy_path);
        if (info != NULL)
          *info = g_build_filename (folder, name, NULL);
        return TRUE;
      }

  return FALSE;
}

static char *
read_text (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&contents);
}

static gboolean
copy_lacks (Fixture    *fixture,
            const char *needle)
{
  g_autofree char *copy = NULL;
  g_autofree char *text = NULL;

  if (!find_copy (fixture, &copy, NULL))
    return FALSE;

  text = read_text (copy);
  return strstr (text, needle) == NULL;
}

static void
wait_for (Fixture  *fixture,
          gboolean (*condition) (Fixture *, const char *),
          const char *argument)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;

  while (!condition (fixture, argument))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }
}

static gboolean
undo_enabled (Fixture    *fixture,
              const char *unused)
{
  return is_enabled (fixture, WINDOW_PATH, "undo");
}

static gboolean
copy_is_gone (Fixture    *fixture,
              const char *unused)
{
  return !find_copy (fixture, NULL, NULL);
}

static gboolean
file_lacks (Fixture    *fixture,
            const char *needle)
{
  g_autofree char *text = read_text (fixture->briefing);

  return strstr (text, needle) == NULL;
}

/* The copy is written by the recovered process: its pid is in it. */
static gboolean
copy_is_adopted (Fixture    *fixture,
                 const char *pid)
{
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;

  if (!find_copy (fixture, NULL, &info))
    return FALSE;

  text = read_text (info);
  line = g_strdup_printf ("Pid=%s\n", pid);
  return strstr (text, line) != NULL;
}

static void
test_recovery_after_sigkill (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *removed = "\"wagner-group\"";
  g_autofree char *before = read_text (fixture->briefing);
  gint64 deadline;

  g_assert_nonnull (strstr (before, removed));

  /* An edit as Remove does it, once the briefing is open. */
  start_app (fixture, fixture->briefing);
  deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;
  while (!undo_enabled (fixture, NULL))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      activate (fixture, WINDOW_PATH, "remove-entity", g_variant_new_string ("wagner-group"));
      g_usleep (300 * 1000);
    }

  /* A few seconds later, the copy has it; then the power goes. */
  wait_for (fixture, copy_lacks, removed);
  stop_app (fixture);
  g_assert_true (find_copy (fixture, NULL, NULL));
  {
    g_autofree char *unchanged = read_text (fixture->briefing);

    g_assert_cmpstr (unchanged, ==, before);
  }

  /* The next start offers it; recovered, the copy is the new process's. */
  start_app (fixture, NULL);
  {
    g_autofree char *pid = g_strdup (g_subprocess_get_identifier (fixture->app));
    gint64 until = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;

    while (!copy_is_adopted (fixture, pid))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, until);
        activate (fixture, APP_PATH, "recover", NULL);
        g_usleep (500 * 1000);
      }
  }

  /* Save writes where it came from, and the copy goes. */
  activate (fixture, WINDOW_PATH, "save", NULL);
  wait_for (fixture, file_lacks, removed);
  wait_for (fixture, copy_is_gone, NULL);
  g_assert_true (activate (fixture, APP_PATH, "quit", NULL));
  g_subprocess_wait (fixture->app, NULL, NULL);
  g_clear_object (&fixture->app);
}

/* Whether the application shows a window at @path (its actions are there). */
static gboolean
window_exists (Fixture    *fixture,
               const char *path)
{
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (fixture->bus, BUS_NAME, path, "org.gtk.Actions", "List",
                                       NULL, G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  return reply != NULL;
}

/* Started again on the file (`sahelbrief FILE`), the window that shows
 * it as it is on disk takes the recovered briefing: there is never a
 * second window of the file beside a stale one that would save over it.
 */
static void
test_recovery_replaces_file_window (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char *removed = "\"wagner-group\"";
  gint64 deadline;

  start_app (fixture, fixture->briefing);
  deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;
  while (!undo_enabled (fixture, NULL))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      activate (fixture, WINDOW_PATH, "remove-entity", g_variant_new_string ("wagner-group"));
      g_usleep (300 * 1000);
    }
  wait_for (fixture, copy_lacks, removed);
  stop_app (fixture);

  /* The file opens, the copy is offered over it, and recovered. */
  start_app (fixture, fixture->briefing);
  {
    g_autofree char *pid = g_strdup (g_subprocess_get_identifier (fixture->app));
    gint64 until = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;

    while (!copy_is_adopted (fixture, pid))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, until);
        activate (fixture, APP_PATH, "recover", NULL);
        g_usleep (500 * 1000);
      }
  }

  /* In the one window there is, the first (Save below is its own). */
  g_assert_false (window_exists (fixture, "/com/example/SahelBrief/window/2"));

  /* Opening the file again brings that window up, not a second one. */
  {
    g_autoptr(GSubprocess) again = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *config = g_build_filename (fixture->dir, "config", NULL);
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);

    g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", fixture->state, TRUE);
    g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
    g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
    g_subprocess_launcher_setenv (launcher, "NO_AT_BRIDGE", "1", TRUE);
    again = g_subprocess_launcher_spawn (launcher, &error, SAHELBRIEF_EXE, fixture->briefing, NULL);
    g_assert_no_error (error);
    g_subprocess_wait_check (again, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_false (window_exists (fixture, "/com/example/SahelBrief/window/2"));

  /* Save writes the recovered briefing where it came from. */
  activate (fixture, WINDOW_PATH, "save", NULL);
  wait_for (fixture, file_lacks, removed);
  wait_for (fixture, copy_is_gone, NULL);
  g_assert_true (activate (fixture, APP_PATH, "quit", NULL));
  g_subprocess_wait (fixture->app, NULL, NULL);
  g_clear_object (&fixture->app);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/recovery/after-sigkill", Fixture, NULL, fixture_set_up, test_recovery_after_sigkill, fixture_tear_down);
  g_test_add ("/recovery/replaces-file-window", Fixture, NULL, fixture_set_up, test_recovery_replaces_file_window, fixture_tear_down);

  return g_test_run ();
}
