/* test-file-io.c
 *
 * Reading what the user names (devices, named pipes, files that grow) and
 * replacing files only once the new contents are whole.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sb-capped-input-stream.h"
#include "sb-file-input.h"
#include "sb-loader.h"

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

  status = g_test_run ();
  if (g_getenv ("SB_TEST_KEEP_FILES") == NULL)
    remove_temp_dir ();
  else
    g_printerr ("# files kept in %s\n", temp_dir);

  return status;
}
