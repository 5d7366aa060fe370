/* test-save.c
 *
 * Saving never loses what is there: onto a full file system (a small
 * tmpfs), into a folder that cannot be written (a read-only mount) or one
 * that is gone, the save fails, says why, and leaves the old file as it
 * was and the document's changes unsaved. A save that succeeds keeps the
 * previous file as NAME~ and the document saved as far as it was when the
 * save began.
 *
 * The file systems are mounted in a mount namespace of the test's own
 * (and a user namespace when not root); where the kernel allows neither,
 * those cases are skipped and say so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "sb-date.h"
#include "sb-document.h"
#include "sb-file-target.h"
#include "sb-json-string.h"
#include "sb-loader.h"
#include "sb-source.h"
#include "sb-writer.h"
#include "sb-test-model.h"

static gboolean namespaced;
static char *why_not;

static gboolean
write_proc (const char *path,
            const char *text)
{
  int fd = open (path, O_WRONLY);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, text, strlen (text)) == (ssize_t) strlen (text);
  close (fd);
  return ok;
}

/* A mount namespace of the test's own, before any thread starts. */
static void
enter_namespace (void)
{
  uid_t uid = geteuid ();
  gid_t gid = getegid ();

  if (unshare (CLONE_NEWNS | (uid != 0 ? CLONE_NEWUSER : 0)) != 0)
    {
      why_not = g_strdup_printf ("no mount namespace: %s", g_strerror (errno));
      return;
    }

  if (uid != 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint) uid);
      g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint) gid);

      if (!write_proc ("/proc/self/setgroups", "deny") ||
          !write_proc ("/proc/self/uid_map", uid_map) ||
          !write_proc ("/proc/self/gid_map", gid_map))
        {
          why_not = g_strdup ("the user namespace could not map this user");
          return;
        }
    }

  /* What is mounted here stays here. */
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    {
      why_not = g_strdup_printf ("mounts cannot be made private: %s", g_strerror (errno));
      return;
    }

  namespaced = TRUE;
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sb-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static gboolean
mount_tmpfs (const char *dir,
             const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0700", size);

  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    {
      g_test_skip_printf ("a tmpfs cannot be mounted here: %s", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  umount (dir);
  g_rmdir (dir);
}

typedef struct
{
  gboolean done;
  gboolean saved;
  guint n_problems;
  GError *error;
} Result;

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Result *outcome = user_data;

  outcome->saved = sb_document_save_finish (SB_DOCUMENT (object), result, &outcome->n_problems, &outcome->error);
  outcome->done = TRUE;
}

static gboolean
save (SbDocument  *document,
      const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Result outcome = { 0, };

  sb_document_save_async (document, file, NULL, on_saved, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);

  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
  return outcome.saved;
}

static char *
read_text (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&text);
}

/* An edit that makes the file a few hundred kilobytes bigger. */
static void
make_bigger (SbDocument *document)
{
  SbBriefing *briefing = sb_document_get_briefing (document);
  g_autoptr(SbSource) source = g_list_model_get_item (sb_briefing_get_sources (briefing), 0);
  g_autoptr(GString) text = g_string_new (sb_source_get_text (source));

  while (text->len < 400 * 1024)
    g_string_append (text, " Gevreesd wordt dat de jihadisten verder oprukken.");

  g_assert_true (sb_document_apply (document, sb_edit_new_set_string (SB_ENTITY (source), SB_SOURCE_FIELD_TEXT, text->str), NULL));
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
test_saved (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "week-32.sahelbrief", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autoptr(SbText) title = sb_text_new ("nl", "Week 32");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *first = NULL;

  g_assert_true (save (document, path, &error));
  g_assert_no_error (error);
  first = read_text (path);
  g_assert_false (sb_document_get_modified (document));
  g_assert_true (g_file_equal (sb_document_get_file (document), file));

  sb_document_apply (document, sb_edit_new_set_briefing_text (SB_BRIEFING_FIELD_TITLE, title), NULL);
  g_assert_true (sb_document_get_modified (document));
  g_assert_true (save (document, path, &error));
  g_assert_false (sb_document_get_modified (document));

  /* The one before is kept beside it. */
  {
    g_autofree char *kept = read_text (backup);
    g_autofree char *now = read_text (path);

    g_assert_cmpstr (kept, ==, first);
    g_assert_nonnull (strstr (now, "Week 32"));
  }

  remove_dir (dir);
}

static gboolean
save_to (SbDocument    *document,
         SbSaveTarget  *target,
         GError       **error)
{
  Result outcome = { 0, };

  sb_document_save_to_async (document, target, NULL, on_saved, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);

  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
  return outcome.saved;
}

/* A save over the version read: refused when the file changed since,
 * by another window or program; the stamp follows each save.
 */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "week-32.sahelbrief", NULL);
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autoptr(SbText) title = sb_text_new ("nl", "Week 32");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;
  g_autofree char *theirs = NULL;

  g_assert_true (save (document, path, &error));
  g_assert_no_error (error);
  read = sb_file_target_dup_stamp (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_document_get_etag (document), ==, read);

  /* Unchanged on disk: saved, and the stamp is the new version's. */
  sb_document_apply (document, sb_edit_new_set_briefing_text (SB_BRIEFING_FIELD_TITLE, title), NULL);
  {
    g_autoptr(SbSaveTarget) target = sb_file_target_new_checked (file, sb_document_get_etag (document));
    g_autofree char *now = NULL;

    g_assert_true (save_to (document, target, &error));
    g_assert_no_error (error);
    now = sb_file_target_dup_stamp (file, NULL, NULL);
    g_assert_cmpstr (sb_document_get_etag (document), ==, now);
    g_assert_cmpstr (now, !=, read);
  }

  /* Written by someone else: refused, their version left, work kept. */
  g_file_set_contents (path, "{\"theirs\": true}", -1, &error);
  g_assert_no_error (error);
  theirs = read_text (path);
  sb_document_apply (document, sb_edit_new_set_briefing_text (SB_BRIEFING_FIELD_TITLE, NULL), NULL);
  {
    g_autoptr(SbSaveTarget) target = sb_file_target_new_checked (file, sb_document_get_etag (document));
    g_autofree char *now = NULL;

    g_assert_false (save_to (document, target, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
    g_clear_error (&error);
    now = read_text (path);
    g_assert_cmpstr (now, ==, theirs);
    g_assert_true (sb_document_get_modified (document));
  }

  /* A file gone is written anew. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  {
    g_autoptr(SbSaveTarget) target = sb_file_target_new_checked (file, sb_document_get_etag (document));

    g_assert_true (save_to (document, target, &error));
    g_assert_no_error (error);
    g_assert_false (sb_document_get_modified (document));
  }

  remove_dir (dir);
}

static void
test_full_file_system (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "week-32.sahelbrief", NULL);
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  guint n_files;

  if (!namespaced)
    {
      g_test_skip (why_not);
      return;
    }
  if (!mount_tmpfs (dir, "320k"))
    return;

  /* The file as it was saved, in a file system it nearly fills. */
  g_assert_true (save (document, path, &error));
  old = read_text (path);
  n_files = count_files (dir);

  make_bigger (document);
  g_assert_false (save (document, path, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);

  /* The old file is whole, nothing half-written is left, the changes wait. */
  {
    g_autofree char *after = read_text (path);

    g_assert_cmpstr (after, ==, old);
  }
  g_assert_cmpuint (count_files (dir), ==, n_files);
  g_assert_true (sb_document_get_modified (document));

  remove_dir (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "week-32.sahelbrief", NULL);
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autoptr(SbText) title = sb_text_new ("nl", "Week 32");
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;

  if (!namespaced)
    {
      g_test_skip (why_not);
      return;
    }
  if (!mount_tmpfs (dir, "4m"))
    return;

  g_assert_true (save (document, path, &error));
  old = read_text (path);
  g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);

  sb_document_apply (document, sb_edit_new_set_briefing_text (SB_BRIEFING_FIELD_TITLE, title), NULL);
  g_assert_false (save (document, path, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (error);
  {
    g_autofree char *after = read_text (path);

    g_assert_cmpstr (after, ==, old);
  }
  g_assert_true (sb_document_get_modified (document));

  remove_dir (dir);
}

static void
test_folder_gone (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "gone", "week-32.sahelbrief", NULL);
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autoptr(SbText) title = sb_text_new ("nl", "Week 32");
  g_autoptr(GError) error = NULL;

  sb_document_apply (document, sb_edit_new_set_briefing_text (SB_BRIEFING_FIELD_TITLE, title), NULL);
  g_assert_false (save (document, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (sb_document_get_modified (document));
  g_assert_null (sb_document_get_file (document));

  g_rmdir (dir);
}

/* The writer formats numbers and dates without printf: the same text as printf. */
static void
test_formatting (void)
{
  const gint64 numbers[] = { 0, 1, -1, 9, 10, 99, 100, 12345, -987654321, 9007199254740992,
                             -9007199254740992, G_MAXINT64, G_MININT64, G_MININT64 + 1 };
  const SbCalendarDate dates[] = {
    { 2024, 0, 0, SB_DATE_PRECISION_YEAR },
    { 2024, 3, 0, SB_DATE_PRECISION_MONTH },
    { 2024, 12, 31, SB_DATE_PRECISION_DAY },
    { 7, 1, 2, SB_DATE_PRECISION_DAY },
    { 0, 0, 0, SB_DATE_PRECISION_YEAR },
    { 9999, 9, 9, SB_DATE_PRECISION_DAY },
    { 10000, 10, 10, SB_DATE_PRECISION_DAY },
    { -44, 3, 15, SB_DATE_PRECISION_DAY },
    { -1, 0, 0, SB_DATE_PRECISION_YEAR },
  };
  const struct {
    const char *string;
    const char *json;
  } strings[] = {
    { "", "\"\"" },
    { "plain", "\"plain\"" },
    { "Forces armées maliennes", "\"Forces armées maliennes\"" },
    { "a \"quote\" and \\ a\nline\t\x01", "\"a \\\"quote\\\" and \\\\ a\\nline\\t\\u0001\"" },
    { "é\nfin", "\"é\\nfin\"" },
    { "bad \xff byte", "\"bad \xef\xbf\xbd byte\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, numbers[i]);
      char buffer[SB_INT64_BUF_SIZE];
      g_autoptr(GString) out = g_string_new ("x");

      g_assert_cmpuint (sb_format_int64 (numbers[i], buffer), ==, strlen (expected));
      g_assert_cmpstr (buffer, ==, expected);
      sb_json_append_int64 (out, numbers[i]);
      g_assert_cmpstr (out->str + 1, ==, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      const SbCalendarDate *date = &dates[i];
      g_autofree char *expected = NULL;
      g_autofree char *string = sb_calendar_date_to_string (date);
      char buffer[SB_CALENDAR_DATE_BUF_SIZE];

      switch (date->precision)
        {
        case SB_DATE_PRECISION_YEAR:
          expected = g_strdup_printf ("%04d", date->year);
          break;
        case SB_DATE_PRECISION_MONTH:
          expected = g_strdup_printf ("%04d-%02u", date->year, date->month);
          break;
        default:
          expected = g_strdup_printf ("%04d-%02u-%02u", date->year, date->month, date->day);
          break;
        }
      g_assert_cmpuint (sb_calendar_date_format (date, buffer), ==, strlen (expected));
      g_assert_cmpstr (buffer, ==, expected);
      g_assert_cmpstr (string, ==, expected);
    }

  {
    SbCalendarDate none = { 0, 0, 0, SB_DATE_PRECISION_NONE };
    char buffer[SB_CALENDAR_DATE_BUF_SIZE];

    g_assert_cmpuint (sb_calendar_date_format (&none, buffer), ==, 0);
    g_assert_null (sb_calendar_date_to_string (&none));
  }

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) out_len = g_string_new (NULL);

      sb_json_append_string (out, strings[i].string);
      g_assert_cmpstr (out->str, ==, strings[i].json);
      sb_json_append_string_len (out_len, strings[i].string, strlen (strings[i].string));
      g_assert_cmpstr (out_len->str, ==, strings[i].json);
    }
}

int
main (int   argc,
      char *argv[])
{
  enter_namespace ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save/formatting", test_formatting);
  g_test_add_func ("/save/saved", test_saved);
  g_test_add_func ("/save/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/save/full-file-system", test_full_file_system);
  g_test_add_func ("/save/read-only-folder", test_read_only_folder);
  g_test_add_func ("/save/folder-gone", test_folder_gone);

  return g_test_run ();
}
