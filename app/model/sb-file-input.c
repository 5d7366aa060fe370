/* sb-file-input.c
 *
 * Local files are opened without blocking (O_NONBLOCK: opening a FIFO
 * with no writer would wait for one) and checked with fstat() on the very
 * descriptor that is read, so that nothing can swap the file for a pipe
 * in between. GIO's own size check trusts g_file_query_info(), which says
 * 0 for devices and FIFOs and is stale for a file that grows; here the
 * bytes are counted as they are read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-file-input"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sb-file-input.h"

#define SB_TYPE_FILE_INPUT_STREAM (sb_file_input_stream_get_type ())
G_DECLARE_FINAL_TYPE (SbFileInputStream, sb_file_input_stream, SB, FILE_INPUT_STREAM, GInputStream)

struct _SbFileInputStream
{
  GInputStream parent_instance;

  int fd;                  /* a local file's, or -1 */
  GInputStream *base;      /* any other file's stream, or NULL */
  guint64 max_size;
  guint64 n_read;
};

G_DEFINE_FINAL_TYPE (SbFileInputStream, sb_file_input_stream, G_TYPE_INPUT_STREAM)

static void
set_too_large (GError  **error,
               guint64   max_size)
{
  g_autofree char *size = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("the file is larger than %s, the most SahelBrief reads"), size);
}

static gssize
sb_file_input_stream_read (GInputStream  *stream,
                           void          *buffer,
                           gsize          count,
                           GCancellable  *cancellable,
                           GError       **error)
{
  SbFileInputStream *self = SB_FILE_INPUT_STREAM (stream);
  gssize n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  /* One byte past the cap is enough to know it is passed. */
  count = MIN (count, self->max_size + 1 - self->n_read);

  if (self->base != NULL)
    n = g_input_stream_read (self->base, buffer, count, cancellable, error);
  else
    {
      do
        n = read (self->fd, buffer, count);
      while (n < 0 && errno == EINTR);

      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s", g_strerror (saved_errno));
          return -1;
        }
    }

  if (n < 0)
    return -1;

  self->n_read += n;
  if (self->n_read > self->max_size)
    {
      set_too_large (error, self->max_size);
      return -1;
    }

  return n;
}

static gboolean
sb_file_input_stream_close (GInputStream  *stream,
                            GCancellable  *cancellable,
                            GError       **error)
{
  SbFileInputStream *self = SB_FILE_INPUT_STREAM (stream);

  if (self->base != NULL)
    return g_input_stream_close (self->base, cancellable, error);

  if (self->fd >= 0)
    {
      int fd = self->fd;

      self->fd = -1;
      return g_close (fd, error);
    }

  return TRUE;
}

static void
sb_file_input_stream_finalize (GObject *object)
{
  SbFileInputStream *self = SB_FILE_INPUT_STREAM (object);

  if (self->fd >= 0)
    g_close (self->fd, NULL);
  g_clear_object (&self->base);

  G_OBJECT_CLASS (sb_file_input_stream_parent_class)->finalize (object);
}

static void
sb_file_input_stream_class_init (SbFileInputStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = sb_file_input_stream_finalize;
  stream_class->read_fn = sb_file_input_stream_read;
  stream_class->close_fn = sb_file_input_stream_close;
}

static void
sb_file_input_stream_init (SbFileInputStream *self)
{
  self->fd = -1;
}

static void
set_not_regular (GError    **error,
                 GFileType   type,
                 mode_t      mode)
{
  const char *what;

  if (type == G_FILE_TYPE_DIRECTORY || S_ISDIR (mode))
    what = _("this is a folder, not a file");
  else if (S_ISFIFO (mode))
    what = _("this is a pipe, not a file: SahelBrief reads only files whose end it knows");
  else if (S_ISSOCK (mode))
    what = _("this is a socket, not a file: SahelBrief reads only files whose end it knows");
  else
    what = _("this is a device or other special file, not a file: SahelBrief reads only files whose end it knows");

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, what);
}

static GInputStream *
open_local (const char    *path,
            guint64        max_size,
            GError       **error)
{
  g_autoptr(SbFileInputStream) stream = NULL;
  struct stat info = { 0, };
  int fd, flags;

  do
    fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  while (fd < 0 && errno == EINTR);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      set_not_regular (error, G_FILE_TYPE_UNKNOWN, info.st_mode);
      g_close (fd, NULL);
      return NULL;
    }

  /* A regular file: reads may block, as reading a file does. */
  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  if ((guint64) info.st_size > max_size)
    {
      set_too_large (error, max_size);
      g_close (fd, NULL);
      return NULL;
    }

  stream = g_object_new (SB_TYPE_FILE_INPUT_STREAM, NULL);
  stream->fd = fd;
  stream->max_size = max_size;
  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

/**
 * sb_file_input_open:
 * @max_size: the most bytes that will be read: a longer file, or one that
 *   grows past it while it is read, fails with
 *   %G_IO_ERROR_MESSAGE_TOO_LARGE
 *
 * Opens @file for reading if it is a regular file; a folder, device,
 * FIFO or socket fails with %G_IO_ERROR_NOT_REGULAR_FILE and a message
 * that says what it is. Never blocks on opening.
 *
 * Returns: (transfer full) (nullable): the stream
 */
GInputStream *
sb_file_input_open (GFile         *file,
                    guint64        max_size,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) base = NULL;
  SbFileInputStream *stream;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  path = g_file_get_path (file);
  if (path != NULL)
    return open_local (path, max_size, error);

  /* Other locations (GVfs) have no pipes to fear, but may have folders. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      set_not_regular (error, g_file_info_get_file_type (info), 0);
      return NULL;
    }

  base = g_file_read (file, cancellable, error);
  if (base == NULL)
    return NULL;

  stream = g_object_new (SB_TYPE_FILE_INPUT_STREAM, NULL);
  stream->base = G_INPUT_STREAM (g_steal_pointer (&base));
  stream->max_size = max_size;
  return G_INPUT_STREAM (stream);
}
