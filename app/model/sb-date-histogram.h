/* sb-date-histogram.h
 *
 * How many statements a filter shows on each day, ignoring its time
 * range: what a timeline draws and counts. Those known to the day count
 * on their day; those known only to a month or a year, or that span
 * days, are spread evenly over the days they may cover.
 */

#pragma once

#include "sb-filter.h"

G_BEGIN_DECLS

typedef struct _SbDateHistogram SbDateHistogram;

SbDateHistogram *sb_date_histogram_new          (SbFilter             *filter,
                                                 SbItemKind            kind,
                                                 GCancellable         *cancellable);
void             sb_date_histogram_new_async    (SbFilter             *filter,
                                                 SbItemKind            kind,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
SbDateHistogram *sb_date_histogram_new_finish   (GAsyncResult         *result,
                                                 GError              **error);
SbDateHistogram *sb_date_histogram_ref          (SbDateHistogram      *self);
void             sb_date_histogram_unref        (SbDateHistogram      *self);
SbFilter        *sb_date_histogram_get_filter   (SbDateHistogram      *self);
guint32          sb_date_histogram_get_first_day (SbDateHistogram     *self);
guint32          sb_date_histogram_get_last_day (SbDateHistogram      *self);
guint            sb_date_histogram_get_n_items  (SbDateHistogram      *self);
void             sb_date_histogram_count        (SbDateHistogram      *self,
                                                 guint32               first_day,
                                                 guint32               last_day,
                                                 double               *exact,
                                                 double               *spread);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbDateHistogram, sb_date_histogram_unref)

G_END_DECLS
