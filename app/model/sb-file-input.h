/* sb-file-input.h
 *
 * Opening a file to read it whole, safely: only regular files (a device
 * such as /dev/zero never ends, a pipe without a writer blocks for ever),
 * and never more than a cap, however much the file grows while it is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GInputStream *sb_file_input_open (GFile         *file,
                                  guint64        max_size,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
