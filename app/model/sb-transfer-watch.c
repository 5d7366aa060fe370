/* sb-transfer-watch.c
 *
 * Looked at every second from the main context of the thread that made
 * it. The rate is the bytes of the last window of time; it is judged only
 * once the first bytes came and a whole window has passed since, so that
 * a server still working out its answer is held to the deadline alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-transfer-watch"

#include "config.h"

#include "sb-transfer-watch.h"

static guint tick_ms = 1000;

struct _SbTransferWatch
{
  GCancellable *cancellable;
  GSource *source;
  gint64 deadline;             /* monotonic µs */
  guint min_rate;              /* bytes a second */
  gint64 window;               /* µs */

  gint64 first_data;           /* monotonic µs; 0 before any */
  guint64 total;
  guint64 total_at_window_start;
  gint64 window_start;
  SbTransferVerdict verdict;
};

static gboolean
on_tick (gpointer user_data)
{
  SbTransferWatch *self = user_data;
  gint64 now = g_get_monotonic_time ();

  if (now >= self->deadline)
    self->verdict = SB_TRANSFER_PAST_DEADLINE;
  else if (self->first_data != 0 && now - self->window_start >= self->window)
    {
      guint64 received = self->total - self->total_at_window_start;
      double seconds = (now - self->window_start) / (double) G_USEC_PER_SEC;

      if (received < self->min_rate * seconds)
        self->verdict = SB_TRANSFER_TOO_SLOW;

      /* The next window starts here. */
      self->window_start = now;
      self->total_at_window_start = self->total;
    }

  if (self->verdict == SB_TRANSFER_GOING)
    return G_SOURCE_CONTINUE;

  self->source = NULL;
  g_cancellable_cancel (self->cancellable);
  return G_SOURCE_REMOVE;
}

/**
 * sb_transfer_watch_new:
 * @cancellable: what is cancelled when a limit is broken
 * @deadline_seconds: how long the whole transfer may take
 * @min_bytes_per_second: the slowest it may go once data flows
 * @window_seconds: over how long the rate is taken
 */
SbTransferWatch *
sb_transfer_watch_new (GCancellable *cancellable,
                       guint         deadline_seconds,
                       guint         min_bytes_per_second,
                       guint         window_seconds)
{
  SbTransferWatch *self;

  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (window_seconds > 0, NULL);

  self = g_new0 (SbTransferWatch, 1);
  self->cancellable = g_object_ref (cancellable);
  self->deadline = g_get_monotonic_time () + (gint64) deadline_seconds * G_USEC_PER_SEC;
  self->min_rate = min_bytes_per_second;
  self->window = (gint64) window_seconds * G_USEC_PER_SEC;

  self->source = g_timeout_source_new (tick_ms);
  g_source_set_callback (self->source, on_tick, self, NULL);
  g_source_set_static_name (self->source, "[sahelbrief] transfer watch");
  g_source_attach (self->source, g_main_context_get_thread_default ());
  g_source_unref (self->source);

  return self;
}

void
sb_transfer_watch_free (SbTransferWatch *self)
{
  if (self == NULL)
    return;

  if (self->source != NULL)
    g_source_destroy (self->source);
  g_clear_object (&self->cancellable);
  g_free (self);
}

/* Counts bytes that came; call from the thread that made the watch. */
void
sb_transfer_watch_add (SbTransferWatch *self,
                       gsize            n_bytes)
{
  g_return_if_fail (self != NULL);

  if (self->first_data == 0)
    {
      self->first_data = self->window_start = g_get_monotonic_time ();
      self->total_at_window_start = 0;
    }
  self->total += n_bytes;
}

/**
 * sb_transfer_watch_get_verdict:
 *
 * Returns: why the transfer was cancelled, or %SB_TRANSFER_GOING when it
 *   was not cancelled by the watch
 */
SbTransferVerdict
sb_transfer_watch_get_verdict (SbTransferWatch *self)
{
  g_return_val_if_fail (self != NULL, SB_TRANSFER_GOING);

  return self->verdict;
}

/* Tests judge sooner than once a second. */
void
sb_transfer_watch_set_tick_for_testing (guint milliseconds)
{
  tick_ms = milliseconds;
}
