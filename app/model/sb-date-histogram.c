/* sb-date-histogram.c
 *
 * How many statements a filter shows on each day, for the timeline.
 *
 * Spread counts go through a difference array (a rate added at the first
 * day and taken off after the last), so an item known only to its year
 * costs as little as one known to the day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-date-histogram"

#include "config.h"

#include "sb-date-histogram.h"

/* Two centuries of days: older dates are clamped to the window's start. */
#define MAX_DAYS (200 * 366)

struct _SbDateHistogram
{
  SbFilter *filter;
  guint32 first_day;
  guint n_days;
  guint n_items;
  guint32 *exact;
  double *spread;
};

static void
sb_date_histogram_clear (gpointer data)
{
  SbDateHistogram *self = data;

  g_clear_pointer (&self->filter, sb_filter_unref);
  g_clear_pointer (&self->exact, g_free);
  g_clear_pointer (&self->spread, g_free);
}

SbDateHistogram *
sb_date_histogram_ref (SbDateHistogram *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
sb_date_histogram_unref (SbDateHistogram *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, sb_date_histogram_clear);
}

/**
 * sb_date_histogram_new:
 *
 * Counts the statements of @kind that @filter shows at any time; meant
 * for a worker thread.
 *
 * Returns: (transfer full) (nullable): the counts, or %NULL if cancelled
 */
SbDateHistogram *
sb_date_histogram_new (SbFilter     *filter,
                       SbItemKind    kind,
                       GCancellable *cancellable)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree double *rate = NULL;
  SbDateHistogram *self;
  SbBriefing *briefing;
  guint32 first = G_MAXUINT32, last = 0, open_end;

  g_return_val_if_fail (filter != NULL, NULL);

  items = sb_filter_collect_items (filter, kind, TRUE, cancellable);
  if (items == NULL)
    return NULL;

  briefing = sb_filter_get_snapshot (filter);
  open_end = briefing ? sb_briefing_get_last_day (briefing) : 0;

  for (guint i = 0; i < items->len; i++)
    {
      const SbDate *date = sb_item_get_date (g_ptr_array_index (items, i));

      if (!sb_date_is_set (date))
        continue;
      first = MIN (first, sb_date_get_first_day (date));
      last = MAX (last, sb_date_get_last_day (date, open_end));
    }

  self = g_atomic_rc_box_new0 (SbDateHistogram);
  self->filter = sb_filter_ref (filter);
  if (first > last)
    return self;

  if (last - first >= MAX_DAYS)
    first = last - MAX_DAYS + 1;
  self->first_day = first;
  self->n_days = last - first + 1;
  self->exact = g_new0 (guint32, self->n_days);
  self->spread = g_new0 (double, self->n_days);
  rate = g_new0 (double, self->n_days + 1);

  for (guint i = 0; i < items->len; i++)
    {
      const SbDate *date = sb_item_get_date (g_ptr_array_index (items, i));
      guint32 start, end;

      if (!sb_date_is_set (date))
        continue;

      start = MAX (sb_date_get_first_day (date), first);
      end = MAX (sb_date_get_last_day (date, open_end), start);
      self->n_items++;

      if (start == end)
        self->exact[start - first]++;
      else
        {
          double share = 1.0 / (end - start + 1);

          rate[start - first] += share;
          rate[end - first + 1] -= share;
        }
    }

  {
    double running = 0;

    for (guint d = 0; d < self->n_days; d++)
      {
        running += rate[d];
        self->spread[d] = MAX (running, 0);
      }
  }

  return self;
}

static void
histogram_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SbDateHistogram *histogram = sb_date_histogram_new (task_data,
                                                      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "kind")),
                                                      cancellable);

  if (histogram == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
  else
    g_task_return_pointer (task, histogram, (GDestroyNotify) sb_date_histogram_unref);
}

void
sb_date_histogram_new_async (SbFilter            *filter,
                             SbItemKind           kind,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (filter != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_date_histogram_new_async);
  g_task_set_task_data (task, sb_filter_ref (filter), (GDestroyNotify) sb_filter_unref);
  g_object_set_data (G_OBJECT (task), "kind", GUINT_TO_POINTER (kind));
  g_task_run_in_thread (task, histogram_thread);
}

/**
 * sb_date_histogram_new_finish:
 *
 * Returns: (transfer full) (nullable): the counts
 */
SbDateHistogram *
sb_date_histogram_new_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

SbFilter *
sb_date_histogram_get_filter (SbDateHistogram *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->filter;
}

/**
 * sb_date_histogram_get_first_day:
 *
 * Returns: the Julian day of the earliest day counted; 0 when nothing is
 */
guint32
sb_date_histogram_get_first_day (SbDateHistogram *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->first_day;
}

guint32
sb_date_histogram_get_last_day (SbDateHistogram *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_days ? self->first_day + self->n_days - 1 : 0;
}

guint
sb_date_histogram_get_n_items (SbDateHistogram *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_items;
}

/**
 * sb_date_histogram_count:
 * @exact: (out) (optional): statements known to a day within the range
 * @spread: (out) (optional): the share of the others that falls in it
 *
 * Counts the statements on the days from @first_day to @last_day.
 */
void
sb_date_histogram_count (SbDateHistogram *self,
                         guint32          first_day,
                         guint32          last_day,
                         double          *exact,
                         double          *spread)
{
  double e = 0, s = 0;

  g_return_if_fail (self != NULL);

  if (self->n_days > 0 && last_day >= self->first_day && first_day <= self->first_day + self->n_days - 1)
    {
      guint from = MAX (first_day, self->first_day) - self->first_day;
      guint to = MIN (last_day - self->first_day, self->n_days - 1);

      for (guint d = from; d <= to; d++)
        {
          e += self->exact[d];
          s += self->spread[d];
        }
    }

  if (exact != NULL)
    *exact = e;
  if (spread != NULL)
    *spread = s;
}
