/* sb-file-input.c
 *
 * The size a file's information gives is 0 for a device or a named pipe
 * and stale for a file that grows, so it is only a hint: the cap is kept
 * by counting what is read. A local file is opened without blocking and
 * checked on the open descriptor, so that a named pipe without a writer
 * cannot hang the thread and nothing can be swapped in between the check
 * and the read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-file-input"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sb-capped-input-stream.h"
#include "sb-file-input.h"

#define READ_CHUNK (256 * 1024)

static void
set_too_large_error (GError  **error,
                     guint64   size,
                     guint64   max_size)
{
  g_autofree char *limit = g_format_size (max_size);

  if (size > 0)
    {
      g_autofree char *actual = g_format_size (size);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("the file is %s; at most %s is read"), actual, limit);
    }
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                 _("the file is larger than %s, the most that is read"), limit);
}

static gboolean
check_type (GFileType   type,
            GError    **error)
{
  switch (type)
    {
    case G_FILE_TYPE_REGULAR:
      return TRUE;

    case G_FILE_TYPE_DIRECTORY:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("this is a folder, not a file"));
      return FALSE;

    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("this is not an ordinary file (a device, a pipe or a socket); only ordinary files are read"));
      return FALSE;
    }
}

static GFileType
type_of_mode (mode_t mode)
{
  if (S_ISREG (mode))
    return G_FILE_TYPE_REGULAR;
  if (S_ISDIR (mode))
    return G_FILE_TYPE_DIRECTORY;

  return G_FILE_TYPE_SPECIAL;
}

static GInputStream *
open_local (const char    *path,
            guint64       *size,
            GError       **error)
{
  struct stat info;
  int fd;
  int flags;

  /* Without O_NONBLOCK, opening a named pipe waits for a writer. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &info) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      return NULL;
    }

  if (!check_type (type_of_mode (info.st_mode), error))
    {
      close (fd);
      return NULL;
    }

  /* An ordinary file never blocks; reading it is plain from here on. */
  flags = fcntl (fd, F_GETFL);
  if (flags != -1)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  *size = info.st_size > 0 ? (guint64) info.st_size : 0;
  return g_unix_input_stream_new (fd, TRUE);
}

static GInputStream *
open_remote (GFile         *file,
             guint64       *size,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL || !check_type (g_file_info_get_file_type (info), error))
    return NULL;

  *size = MAX (g_file_info_get_size (info), 0);
  return G_INPUT_STREAM (g_file_read (file, cancellable, error));
}

/**
 * sb_file_input_open:
 * @max_size: the most bytes that may be read
 * @size: (out) (optional): the size the file had when it was opened, set
 *   also when it is too large
 *
 * Opens @file to read it, if it is an ordinary file not larger than
 * @max_size; blocks only as long as opening a file does.
 *
 * Errors are %G_IO_ERROR errors whose messages do not name the file (the
 * caller does): %G_IO_ERROR_IS_DIRECTORY, %G_IO_ERROR_NOT_REGULAR_FILE
 * for devices, pipes and sockets, %G_IO_ERROR_MESSAGE_TOO_LARGE, and
 * those of opening it. Reading the stream fails with
 * %G_IO_ERROR_MESSAGE_TOO_LARGE once more than @max_size came through.
 *
 * Returns: (transfer full) (nullable): the stream
 */
GInputStream *
sb_file_input_open (GFile         *file,
                    guint64        max_size,
                    guint64       *size,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *path = NULL;
  guint64 file_size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (max_size < G_MAXUINT64, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  path = g_file_get_path (file);
  if (path != NULL)
    stream = open_local (path, &file_size, error);
  else
    stream = open_remote (file, &file_size, cancellable, error);

  if (stream == NULL)
    return NULL;

  /* Set even when too large: callers may say how large. */
  if (size != NULL)
    *size = file_size;

  if (file_size > max_size)
    {
      set_too_large_error (error, file_size, max_size);
      return NULL;
    }

  return sb_capped_input_stream_new (stream, max_size);
}

/**
 * sb_file_input_read_all:
 * @max_size: the most bytes that may be read
 * @size_hint: how many bytes are expected, or 0; room for them is made at
 *   once, so that the largest text is held only once
 *
 * Reads @stream to its end; blocks, so call it in a worker thread. A
 * stream longer than @max_size fails with %G_IO_ERROR_MESSAGE_TOO_LARGE
 * as soon as it has sent one byte more.
 *
 * Returns: (transfer full) (nullable): the bytes, followed in memory by a
 *   NUL byte that is not counted in their size
 */
GBytes *
sb_file_input_read_all (GInputStream  *stream,
                        guint64        max_size,
                        guint64        size_hint,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  gsize allocated;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (max_size < G_MAXSIZE - 2, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The hint, one byte to see that it grew and the NUL. */
  allocated = (gsize) MIN (size_hint, max_size) + 2;
  allocated = MAX (allocated, 4096);
  data = g_malloc (allocated);

  for (;;)
    {
      gssize n;

      if (length + 1 >= allocated)
        {
          gsize wanted = MIN ((gsize) max_size + 2, allocated + MAX (allocated / 2, READ_CHUNK));

          if (wanted <= allocated)
            {
              set_too_large_error (error, 0, max_size);
              return NULL;
            }
          data = g_realloc (data, wanted);
          allocated = wanted;
        }

      n = g_input_stream_read (stream, data + length, MIN (allocated - length - 1, READ_CHUNK),
                               cancellable, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;

      length += n;
      if (length > max_size)
        {
          set_too_large_error (error, 0, max_size);
          return NULL;
        }
    }

  data[length] = '\0';
  if (allocated - length > 4096)
    data = g_realloc (data, length + 1);

  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/**
 * sb_file_input_load:
 *
 * Reads the whole of @file, as sb_file_input_open() opens it; blocks.
 *
 * Returns: (transfer full) (nullable): the bytes, followed in memory by a
 *   NUL byte that is not counted in their size
 */
GBytes *
sb_file_input_load (GFile         *file,
                    guint64        max_size,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  guint64 size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = sb_file_input_open (file, max_size, &size, cancellable, error);
  if (stream == NULL)
    return NULL;

  return sb_file_input_read_all (stream, max_size, size, cancellable, error);
}
