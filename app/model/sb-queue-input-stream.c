/* sb-queue-input-stream.c
 *
 * Reads block until bytes are pushed or the feeder says the end came (or
 * why it will not); a cancelled read returns at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-queue-input-stream"

#include "config.h"

#include <string.h>

#include "sb-queue-input-stream.h"

struct _SbQueueInputStream
{
  GInputStream parent_instance;

  GMutex lock;
  GCond cond;
  GQueue chunks;           /* of GBytes */
  gsize offset;            /* into the first chunk */
  gboolean finished;
  GError *error;           /* why the feeder stopped, if it failed */
};

G_DEFINE_FINAL_TYPE (SbQueueInputStream, sb_queue_input_stream, G_TYPE_INPUT_STREAM)

static void
wake (GCancellable *cancellable,
      gpointer      user_data)
{
  SbQueueInputStream *self = user_data;

  g_mutex_lock (&self->lock);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

static gssize
sb_queue_input_stream_read (GInputStream  *stream,
                            void          *buffer,
                            gsize          count,
                            GCancellable  *cancellable,
                            GError       **error)
{
  SbQueueInputStream *self = SB_QUEUE_INPUT_STREAM (stream);
  gulong handler = 0;
  gssize n_read = -1;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (wake), self, NULL);

  g_mutex_lock (&self->lock);
  while (g_queue_is_empty (&self->chunks) && !self->finished && !g_cancellable_is_cancelled (cancellable))
    g_cond_wait (&self->cond, &self->lock);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    ;
  else if (!g_queue_is_empty (&self->chunks))
    {
      GBytes *chunk = g_queue_peek_head (&self->chunks);
      gsize size;
      const guchar *data = g_bytes_get_data (chunk, &size);

      n_read = MIN (count, size - self->offset);
      memcpy (buffer, data + self->offset, n_read);
      self->offset += n_read;
      if (self->offset == size)
        {
          g_bytes_unref (g_queue_pop_head (&self->chunks));
          self->offset = 0;
        }
    }
  else if (self->error != NULL)
    g_propagate_error (error, g_error_copy (self->error));
  else
    n_read = 0;
  g_mutex_unlock (&self->lock);

  /* Waits for a wake() running in another thread. */
  g_cancellable_disconnect (cancellable, handler);

  return n_read;
}

static void
sb_queue_input_stream_finalize (GObject *object)
{
  SbQueueInputStream *self = (SbQueueInputStream *)object;

  g_queue_clear_full (&self->chunks, (GDestroyNotify) g_bytes_unref);
  g_clear_error (&self->error);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (sb_queue_input_stream_parent_class)->finalize (object);
}

static void
sb_queue_input_stream_class_init (SbQueueInputStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = sb_queue_input_stream_finalize;
  stream_class->read_fn = sb_queue_input_stream_read;
}

static void
sb_queue_input_stream_init (SbQueueInputStream *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  g_queue_init (&self->chunks);
}

GInputStream *
sb_queue_input_stream_new (void)
{
  return g_object_new (SB_TYPE_QUEUE_INPUT_STREAM, NULL);
}

/* Feeds @bytes to the reader; from any thread. */
void
sb_queue_input_stream_push (SbQueueInputStream *self,
                            GBytes             *bytes)
{
  g_return_if_fail (SB_IS_QUEUE_INPUT_STREAM (self));
  g_return_if_fail (bytes != NULL);

  if (g_bytes_get_size (bytes) == 0)
    return;

  g_mutex_lock (&self->lock);
  g_warn_if_fail (!self->finished);
  g_queue_push_tail (&self->chunks, g_bytes_ref (bytes));
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/**
 * sb_queue_input_stream_finish:
 * @error: (nullable): why no more will come, or %NULL at the end
 *
 * Says that nothing more will be pushed: the reader reads what is left,
 * then the end, or @error.
 */
void
sb_queue_input_stream_finish (SbQueueInputStream *self,
                              const GError       *error)
{
  g_return_if_fail (SB_IS_QUEUE_INPUT_STREAM (self));

  g_mutex_lock (&self->lock);
  if (!self->finished)
    {
      self->finished = TRUE;
      if (error != NULL)
        self->error = g_error_copy (error);
    }
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}
