/* sb-transfer-watch.h
 *
 * Holds a transfer over the network to an overall deadline and, once data
 * flows, to a minimum rate: a server that sends a byte a second never
 * trips a timeout between reads, so it is cancelled here instead, and the
 * watch says which limit it broke.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  SB_TRANSFER_GOING,
  SB_TRANSFER_PAST_DEADLINE,
  SB_TRANSFER_TOO_SLOW,
} SbTransferVerdict;

typedef struct _SbTransferWatch SbTransferWatch;

SbTransferWatch   *sb_transfer_watch_new         (GCancellable    *cancellable,
                                                  guint            deadline_seconds,
                                                  guint            min_bytes_per_second,
                                                  guint            window_seconds);
void               sb_transfer_watch_free        (SbTransferWatch *self);
void               sb_transfer_watch_add         (SbTransferWatch *self,
                                                  gsize            n_bytes);
SbTransferVerdict  sb_transfer_watch_get_verdict (SbTransferWatch *self);

void               sb_transfer_watch_set_tick_for_testing (guint milliseconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbTransferWatch, sb_transfer_watch_free)

G_END_DECLS
