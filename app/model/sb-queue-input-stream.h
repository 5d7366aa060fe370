/* sb-queue-input-stream.h
 *
 * A stream read in one thread and fed in another: the bytes of a body
 * that arrives in the main loop go, as they come, to a loader reading in
 * a worker thread, so that they are held once, in the loader's buffer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SB_TYPE_QUEUE_INPUT_STREAM (sb_queue_input_stream_get_type ())

G_DECLARE_FINAL_TYPE (SbQueueInputStream, sb_queue_input_stream, SB, QUEUE_INPUT_STREAM, GInputStream)

GInputStream *sb_queue_input_stream_new    (void);
void          sb_queue_input_stream_push   (SbQueueInputStream *self,
                                            GBytes             *bytes);
void          sb_queue_input_stream_finish (SbQueueInputStream *self,
                                            const GError       *error);

G_END_DECLS
