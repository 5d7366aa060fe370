/* sb-capped-input-stream.h
 *
 * A stream that fails once more than a given number of bytes came through
 * it: a size limit that holds for a file that grows while it is read, and
 * for a body whose length nobody said beforehand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SB_TYPE_CAPPED_INPUT_STREAM (sb_capped_input_stream_get_type ())

G_DECLARE_FINAL_TYPE (SbCappedInputStream, sb_capped_input_stream, SB, CAPPED_INPUT_STREAM, GFilterInputStream)

GInputStream *sb_capped_input_stream_new      (GInputStream        *base_stream,
                                               guint64              max_size);
guint64       sb_capped_input_stream_get_read (SbCappedInputStream *self);

G_END_DECLS
