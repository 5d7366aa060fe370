/* test-file-io.c
 *
 * Reading what the user names (devices, named pipes, files that grow) and
 * replacing files only once the new contents are whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sb-capped-input-stream.h"
#include "sb-file-input.h"
#include "sb-file-output.h"
#include "sb-json-writer.h"
#include "sb-loader.h"
#include "sb-writer.h"

static char *temp_dir;

static char *
temp_path (const char *name)
{
  return g_build_filename (temp_dir, name, NULL);
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

static const SbProblem *
only_problem (GPtrArray *problems)
{
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 1);
  return g_ptr_array_index (problems, 0);
}

/* /dev/zero once read 4.4 GB and overran a buffer in GLib. */
static void
test_device_refused (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  SbBriefing *briefing;

  briefing = sb_loader_load_file (file, NULL, &problems);
  g_assert_null (briefing);
  g_assert_cmpint (only_problem (problems)->code, ==, SB_PROBLEM_IO);
  g_assert_nonnull (strstr (only_problem (problems)->message, "not an ordinary file"));

  stream = sb_file_input_open (file, 1024, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_null (stream);
}

typedef struct
{
  GFile *file;
  GPtrArray *problems;
  gboolean done;
  GMutex lock;
  GCond cond;
} FifoLoad;

static gpointer
load_fifo_thread (gpointer data)
{
  FifoLoad *load = data;
  g_autoptr(SbBriefing) briefing = sb_loader_load_file (load->file, NULL, &load->problems);

  g_mutex_lock (&load->lock);
  load->done = TRUE;
  g_cond_signal (&load->cond);
  g_mutex_unlock (&load->lock);

  return NULL;
}

/* A named pipe without a writer blocked the loader for ever. */
static void
test_fifo_refused (void)
{
  g_autofree char *path = temp_path ("pipe.sahelbrief");
  FifoLoad load = { NULL, };
  GThread *thread;
  gint64 deadline;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  load.file = g_file_new_for_path (path);
  g_mutex_init (&load.lock);
  g_cond_init (&load.cond);

  thread = g_thread_new ("load-fifo", load_fifo_thread, &load);

  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  g_mutex_lock (&load.lock);
  while (!load.done)
    if (!g_cond_wait_until (&load.cond, &load.lock, deadline))
      break;
  g_mutex_unlock (&load.lock);

  if (!load.done)
    {
      /* Let the blocked thread go before failing, so the test can end. */
      int fd = g_open (path, O_WRONLY | O_NONBLOCK, 0);

      if (fd >= 0)
        close (fd);
      g_thread_join (thread);
      g_assert_not_reached ();
    }

  g_thread_join (thread);
  g_assert_nonnull (strstr (only_problem (load.problems)->message, "pipe"));

  g_ptr_array_unref (load.problems);
  g_object_unref (load.file);
  g_mutex_clear (&load.lock);
  g_cond_clear (&load.cond);
}

static void
test_folder_refused (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (temp_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = sb_file_input_load (folder, 1024, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_null (bytes);
}

/* The size a file says at the start is not what it may grow to. */
static void
test_growing_file_capped (void)
{
  g_autofree char *path = temp_path ("growing.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char more[200];
  guint64 size = 0;
  FILE *out;

  write_file (path, "0123456789", 10);
  stream = sb_file_input_open (file, 100, &size, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, ==, 10);

  memset (more, 'x', sizeof more);
  out = g_fopen (path, "a");
  g_assert_nonnull (out);
  g_assert_cmpuint (fwrite (more, 1, sizeof more, out), ==, sizeof more);
  fclose (out);

  bytes = sb_file_input_read_all (stream, 100, size, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_null (bytes);
  g_assert_cmpuint (sb_capped_input_stream_get_read (SB_CAPPED_INPUT_STREAM (stream)), ==, 101);
}

/* Exactly the limit is allowed; the NUL after the bytes is not counted. */
static void
test_read_all_limits (void)
{
  static const char text[] = "abcdefghij";
  g_autoptr(GInputStream) exact = g_memory_input_stream_new_from_data (text, 10, NULL);
  g_autoptr(GInputStream) over = g_memory_input_stream_new_from_data (text, 10, NULL);
  g_autoptr(GInputStream) base = g_memory_input_stream_new_from_data (text, 10, NULL);
  g_autoptr(GInputStream) capped = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char buffer[16];
  gsize size;

  bytes = sb_file_input_read_all (exact, 10, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, &size), 10, text, 10);
  g_assert_cmpint (((const char *) g_bytes_get_data (bytes, NULL))[size], ==, '\0');

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = sb_file_input_read_all (over, 9, 100, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_null (bytes);
  g_clear_error (&error);

  /* Skipping counts like reading. */
  capped = sb_capped_input_stream_new (base, 5);
  g_assert_cmpint (g_input_stream_skip (capped, 4, NULL, &error), ==, 4);
  g_assert_no_error (error);
  g_assert_cmpint (g_input_stream_read (capped, buffer, sizeof buffer, NULL, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
}

/* Over the limit by its size: refused before a byte is read. */
static void
test_loader_too_large (void)
{
  g_autofree char *path = temp_path ("huge.sahelbrief");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  SbBriefing *briefing;

  write_file (path, "", 0);
  g_assert_cmpint (truncate (path, (off_t) SB_LOADER_MAX_SIZE + 5 * 1024 * 1024), ==, 0);

  briefing = sb_loader_load_file (file, NULL, &problems);
  g_assert_null (briefing);
  g_assert_cmpint (only_problem (problems)->code, ==, SB_PROBLEM_TOO_LARGE);
  g_assert_cmpstr (only_problem (problems)->message, ==, "the file is 1029 MiB; briefings are limited to 1024 MiB");
}

static void
test_loader_reads_stream (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (DEFAULT_BRIEFING);
  g_autoptr(GInputStream) stream = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;

  briefing = sb_loader_load_stream (stream, 0, NULL, &problems);
  g_assert_nonnull (briefing);
  g_assert_cmpuint (problems->len, ==, 0);
}


/* Output */

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
count_temporary_files (void)
{
  g_autoptr(GDir) dir = g_dir_open (temp_dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (sb_file_output_is_temporary (name))
      n++;

  return n;
}

static void
test_output_replaces (void)
{
  g_autofree char *path = temp_path ("replaced.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  struct stat info;

  g_assert_true (sb_file_output_replace_contents (file, "first", 5, SB_FILE_OUTPUT_NONE, NULL, &error));
  g_assert_no_error (error);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "first");
  g_clear_pointer (&contents, g_free);

  /* Its permissions stay. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (sb_file_output_replace_contents (file, "second", 6, SB_FILE_OUTPUT_NONE, NULL, &error));
  g_assert_no_error (error);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "second");
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 07777, ==, 0640);
  g_assert_cmpuint (count_temporary_files (), ==, 0);
}

/* While a write is under way its temporary file is beside the target. */
static void
test_output_abort (void)
{
  g_autofree char *path = temp_path ("kept.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  SbFileOutput *output;

  write_file (path, "original", -1);

  output = sb_file_output_new (file, SB_FILE_OUTPUT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (sb_file_output_get_stream (output), "new", 3, NULL, NULL, &error));
  g_assert_cmpuint (count_temporary_files (), ==, 1);
  sb_file_output_abort (output);
  g_assert_cmpuint (count_temporary_files (), ==, 0);
  g_object_unref (output);

  /* Dropped without a commit, as a failed writer's g_autoptr does. */
  output = sb_file_output_new (file, SB_FILE_OUTPUT_NONE, NULL, &error);
  g_assert_true (g_output_stream_write_all (sb_file_output_get_stream (output), "newer", 5, NULL, NULL, &error));
  g_object_unref (output);

  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "original");
  g_assert_cmpuint (count_temporary_files (), ==, 0);
}

/* Cancelled anywhere, before or during the writes or at the commit: the
 * target holds either what it held or all of the new contents.
 */
static void
test_output_cancelled_anywhere (void)
{
  g_autofree char *path = temp_path ("cancelled.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *chunk = g_strnfill (4096, 'n');
  g_autofree char *complete = NULL;
  guint n_chunks = 64;

  complete = g_strnfill (n_chunks * 4096, 'n');

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(SbFileOutput) output = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      guint cancel_at = g_test_rand_int_range (0, n_chunks + 2);
      gboolean ok = TRUE;

      write_file (path, "original", -1);

      output = sb_file_output_new (file, SB_FILE_OUTPUT_NONE, cancellable, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < n_chunks && ok; i++)
        {
          if (i == cancel_at)
            g_cancellable_cancel (cancellable);
          ok = g_output_stream_write_all (sb_file_output_get_stream (output), chunk, 4096, NULL,
                                          cancellable, &error);
        }
      if (cancel_at == n_chunks)
        g_cancellable_cancel (cancellable);
      if (ok)
        ok = sb_file_output_commit (output, cancellable, &error);

      contents = read_file (path);
      if (cancel_at <= n_chunks)
        {
          g_assert_false (ok);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_cmpstr (contents, ==, "original");
        }
      else
        {
          g_assert_true (ok);
          g_assert_cmpstr (contents, ==, complete);
        }

      g_clear_object (&output);
      g_assert_cmpuint (count_temporary_files (), ==, 0);
    }
}

/* A real write failure half-way: the file size limit of the process. */
static void
test_output_write_fails (void)
{
  g_autofree char *path = temp_path ("full.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SbFileOutput) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *big = g_strnfill (1024 * 1024, 'b');
  struct rlimit saved, limited;
  void (*saved_handler) (int);
  gboolean ok;

  write_file (path, "original", -1);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 256 * 1024;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);

  output = sb_file_output_new (file, SB_FILE_OUTPUT_NONE, NULL, &error);
  g_assert_no_error (error);
  ok = g_output_stream_write_all (sb_file_output_get_stream (output), big, 1024 * 1024, NULL, NULL, &error) &&
       sb_file_output_commit (output, NULL, &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("write failed: %s", error->message);
  g_clear_object (&output);

  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "original");
  g_assert_cmpuint (count_temporary_files (), ==, 0);
}

static void
test_output_backup (void)
{
  g_autofree char *path = temp_path ("saved.sahelbrief");
  g_autofree char *backup = temp_path ("saved.sahelbrief~");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *previous = NULL;

  /* Nothing to keep the first time. */
  g_assert_true (sb_file_output_replace_contents (file, "v1", 2, SB_FILE_OUTPUT_BACKUP, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  g_assert_true (sb_file_output_replace_contents (file, "v2", 2, SB_FILE_OUTPUT_BACKUP, NULL, &error));
  g_assert_true (sb_file_output_replace_contents (file, "v3", 2, SB_FILE_OUTPUT_BACKUP, NULL, &error));
  g_assert_no_error (error);
  contents = read_file (path);
  previous = read_file (backup);
  g_assert_cmpstr (contents, ==, "v3");
  g_assert_cmpstr (previous, ==, "v2");
}

/* Through a link, the file it points to is replaced; the link stays. */
static void
test_output_follows_links (void)
{
  g_autofree char *real = temp_path ("real.txt");
  g_autofree char *link_path = temp_path ("link.txt");
  g_autoptr(GFile) link_file = g_file_new_for_path (link_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  write_file (real, "old", -1);
  g_assert_cmpint (symlink ("real.txt", link_path), ==, 0);

  g_assert_true (sb_file_output_replace_contents (link_file, "new", 3, SB_FILE_OUTPUT_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  contents = read_file (real);
  g_assert_cmpstr (contents, ==, "new");
}

static void
test_output_refuses_folder (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (temp_dir);
  g_autoptr(GError) error = NULL;

  g_assert_false (sb_file_output_replace_contents (folder, "x", 1, SB_FILE_OUTPUT_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_false (sb_file_output_is_temporary ("a.png"));
  g_assert_false (sb_file_output_is_temporary (".hidden"));
  g_assert_false (sb_file_output_is_temporary (".sb-part"));
}

/* Saving a briefing that fails half-way leaves the file saved before. */
static void
test_writer_save_keeps_file (void)
{
  g_autofree char *path = temp_path ("saved-before.sahelbrief");
  g_autoptr(GFile) default_file = g_file_new_for_path (DEFAULT_BRIEFING);
  g_autoptr(SbBriefing) briefing = sb_loader_load_file (default_file, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  struct rlimit saved, limited;
  void (*saved_handler) (int);
  gboolean ok;

  write_file (path, "{\"saved\": \"before\"}", -1);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 16 * 1024;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
  ok = sb_writer_save (briefing, file, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (ok);
  g_assert_nonnull (error);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "{\"saved\": \"before\"}");
  g_assert_cmpuint (count_temporary_files (), ==, 0);
  g_clear_error (&error);

  /* And it saves when it can. */
  g_assert_true (sb_writer_save (briefing, file, NULL, &error));
  g_assert_no_error (error);
}

/* Past the size the loader reads, writing stops with an error. */
static void
test_json_writer_limit (void)
{
  g_autoptr(SbJsonWriter) small = sb_json_writer_new (NULL, 26, NULL);
  g_autoptr(SbJsonWriter) enough = sb_json_writer_new (NULL, 27, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 2; i++)
    {
      SbJsonWriter *json = i == 0 ? small : enough;

      sb_json_writer_begin_object (json);
      sb_json_writer_member (json, "a");
      sb_json_writer_begin_compact_array (json);
      sb_json_writer_number (json, 0.1);
      sb_json_writer_number (json, -1e300);
      sb_json_writer_int (json, 3);
      sb_json_writer_end_array (json);
      sb_json_writer_end_object (json);
    }

  g_assert_false (sb_json_writer_finish (small, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);

  g_assert_true (sb_json_writer_finish (enough, &error));
  g_assert_no_error (error);
  text = sb_json_writer_steal_text (enough, NULL);
  g_assert_cmpstr (text, ==, "{\n  \"a\": [0.1,-1e+300,3]\n}\n");
}

static void
remove_temp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (temp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = temp_path (name);

      g_remove (path);
    }
  g_rmdir (temp_dir);
  g_clear_pointer (&temp_dir, g_free);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  temp_dir = g_dir_make_tmp ("sb-file-io-XXXXXX", NULL);
  g_assert_nonnull (temp_dir);

  g_test_add_func ("/file-input/device-refused", test_device_refused);
  g_test_add_func ("/file-input/fifo-refused", test_fifo_refused);
  g_test_add_func ("/file-input/folder-refused", test_folder_refused);
  g_test_add_func ("/file-input/growing-file-capped", test_growing_file_capped);
  g_test_add_func ("/file-input/read-all-limits", test_read_all_limits);
  g_test_add_func ("/file-input/loader-too-large", test_loader_too_large);
  g_test_add_func ("/file-input/loader-reads-stream", test_loader_reads_stream);
  g_test_add_func ("/file-output/replaces", test_output_replaces);
  g_test_add_func ("/file-output/abort", test_output_abort);
  g_test_add_func ("/file-output/cancelled-anywhere", test_output_cancelled_anywhere);
  g_test_add_func ("/file-output/write-fails", test_output_write_fails);
  g_test_add_func ("/file-output/backup", test_output_backup);
  g_test_add_func ("/file-output/follows-links", test_output_follows_links);
  g_test_add_func ("/file-output/refuses-folder", test_output_refuses_folder);
  g_test_add_func ("/file-output/writer-save-keeps-file", test_writer_save_keeps_file);
  g_test_add_func ("/file-output/json-writer-limit", test_json_writer_limit);

  status = g_test_run ();
  if (g_getenv ("SB_TEST_KEEP_FILES") == NULL)
    remove_temp_dir ();
  else
    g_printerr ("# files kept in %s\n", temp_dir);

  return status;
}
