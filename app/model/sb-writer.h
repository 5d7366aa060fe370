/* sb-writer.h
 *
 * Saves a briefing in the format the loader reads; loading what it writes
 * gives the same briefing.
 */

#pragma once

#include <gio/gio.h>

#include "sb-briefing.h"

G_BEGIN_DECLS

char     *sb_writer_to_data (SbBriefing    *briefing,
                             gsize         *length);
gboolean  sb_writer_write   (SbBriefing    *briefing,
                             GOutputStream *stream,
                             GCancellable  *cancellable,
                             GError       **error);
gboolean  sb_writer_save    (SbBriefing    *briefing,
                             GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error);

G_END_DECLS
