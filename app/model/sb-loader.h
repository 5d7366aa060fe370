/* sb-loader.h
 *
 * Reads and checks briefing files. A failed load returns no briefing and
 * the full list of problems; it never touches a briefing already loaded.
 * A briefing being made, saved with fields still to fill in, loads as
 * work in progress, with its problems.
 */

#pragma once

#include <gio/gio.h>

#include "sb-briefing.h"
#include "sb-problem.h"

G_BEGIN_DECLS

#define SB_LOADER_MAX_SIZE      (1024 * 1024 * 1024)
#define SB_LOADER_MAX_DEPTH     64
#define SB_LOADER_MAX_PROBLEMS  100
#define SB_BRIEFING_VERSION     3   /* the newest read; see sb-writer.c */

typedef enum /*< flags >*/
{
  SB_LOADER_NONE             = 0,
  SB_LOADER_WORK_IN_PROGRESS = 1 << 0,
} SbLoaderFlags;

SbBriefing *sb_loader_load_bytes       (GBytes               *bytes,
                                        GPtrArray           **problems);
SbBriefing *sb_loader_load_bytes_full  (GBytes               *bytes,
                                        SbLoaderFlags         flags,
                                        GPtrArray           **problems);
SbBriefing *sb_loader_load_file_full   (GFile                *file,
                                        SbLoaderFlags         flags,
                                        GCancellable         *cancellable,
                                        GPtrArray           **problems);
void        sb_loader_load_file_full_async (GFile            *file,
                                        SbLoaderFlags         flags,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
SbBriefing *sb_loader_load_stream      (GInputStream         *stream,
                                        guint64               size_hint,
                                        GCancellable         *cancellable,
                                        GPtrArray           **problems);
SbBriefing *sb_loader_load_file        (GFile                *file,
                                        GCancellable         *cancellable,
                                        GPtrArray           **problems);
void        sb_loader_load_file_async  (GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
SbBriefing *sb_loader_load_file_finish (GAsyncResult         *result,
                                        GPtrArray           **problems);
SbBriefing *sb_loader_try_streaming    (GInputStream         *stream,
                                        GCancellable         *cancellable);

G_END_DECLS
