/* sb-file-input.h
 *
 * Opening a file the user named, safely: only a regular file is read, a
 * named pipe or a device is refused at once (never waited on), and what
 * is read is capped, even when the file grows while it is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GInputStream *sb_file_input_open     (GFile         *file,
                                      guint64        max_size,
                                      guint64       *size,
                                      GCancellable  *cancellable,
                                      GError       **error);
GBytes       *sb_file_input_read_all (GInputStream  *stream,
                                      guint64        max_size,
                                      guint64        size_hint,
                                      GCancellable  *cancellable,
                                      GError       **error);
GBytes       *sb_file_input_load     (GFile         *file,
                                      guint64        max_size,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
