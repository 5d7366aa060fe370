/* sb-capped-input-stream.c
 *
 * Reads on past the limit by one byte, so that a stream of exactly the
 * limit ends normally while a longer one fails with
 * %G_IO_ERROR_MESSAGE_TOO_LARGE, whatever its size said at the start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-capped-input-stream"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-capped-input-stream.h"

struct _SbCappedInputStream
{
  GFilterInputStream parent_instance;

  guint64 max_size;
  guint64 n_read;
};

G_DEFINE_FINAL_TYPE (SbCappedInputStream, sb_capped_input_stream, G_TYPE_FILTER_INPUT_STREAM)

static gssize
sb_capped_input_stream_read (GInputStream  *stream,
                             void          *buffer,
                             gsize          count,
                             GCancellable  *cancellable,
                             GError       **error)
{
  SbCappedInputStream *self = SB_CAPPED_INPUT_STREAM (stream);
  GInputStream *base = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (self));
  guint64 allowed = self->max_size - MIN (self->n_read, self->max_size) + 1;
  gssize n;

  n = g_input_stream_read (base, buffer, MIN (count, allowed), cancellable, error);
  if (n <= 0)
    return n;

  self->n_read += n;
  if (self->n_read > self->max_size)
    {
      g_autofree char *limit = g_format_size (self->max_size);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("it is larger than %s, the most that is read"), limit);
      return -1;
    }

  return n;
}

/* GFilterInputStream would skip in the base stream, uncounted. */
static gssize
sb_capped_input_stream_skip (GInputStream  *stream,
                             gsize          count,
                             GCancellable  *cancellable,
                             GError       **error)
{
  char buffer[8192];
  gsize skipped = 0;

  while (skipped < count)
    {
      gssize n = sb_capped_input_stream_read (stream, buffer, MIN (sizeof buffer, count - skipped),
                                              cancellable, error);
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      skipped += n;
    }

  return skipped;
}

static void
sb_capped_input_stream_class_init (SbCappedInputStreamClass *klass)
{
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  stream_class->read_fn = sb_capped_input_stream_read;
  stream_class->skip = sb_capped_input_stream_skip;
}

static void
sb_capped_input_stream_init (SbCappedInputStream *self)
{
}

/**
 * sb_capped_input_stream_new:
 * @base_stream: the stream to read
 * @max_size: the most bytes that may be read from it
 *
 * Returns: (transfer full): a stream of @base_stream's bytes that fails
 *   with %G_IO_ERROR_MESSAGE_TOO_LARGE when it holds more than @max_size
 */
GInputStream *
sb_capped_input_stream_new (GInputStream *base_stream,
                            guint64       max_size)
{
  SbCappedInputStream *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (base_stream), NULL);
  g_return_val_if_fail (max_size < G_MAXUINT64, NULL);

  self = g_object_new (SB_TYPE_CAPPED_INPUT_STREAM,
                       "base-stream", base_stream,
                       NULL);
  self->max_size = max_size;

  return G_INPUT_STREAM (self);
}

/**
 * sb_capped_input_stream_get_read:
 *
 * Returns: how many bytes were read through @self
 */
guint64
sb_capped_input_stream_get_read (SbCappedInputStream *self)
{
  g_return_val_if_fail (SB_IS_CAPPED_INPUT_STREAM (self), 0);

  return self->n_read;
}
