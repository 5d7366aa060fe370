/* sb-remote-briefing.h
 *
 * Loads a briefing from an http or https address, for Open Location and
 * Reload: streamed into the same loader as files, in a worker thread,
 * with a size limit, a timeout, a deadline and a minimum rate; redirects
 * from the internet into a private network are refused. Failures are errors that say what
 * and where; a briefing with problems is not an error but a result with
 * the loader's problems, like a file's.
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "sb-briefing.h"

G_BEGIN_DECLS

#define SB_TYPE_REMOTE_RESULT (sb_remote_result_get_type ())

#define SB_REMOTE_DEFAULT_TIMEOUT 30

/* Read-only once returned. */
typedef struct
{
  SbBriefing *briefing;    /* NULL when not modified or when it has problems */
  GPtrArray *problems;     /* of SbProblem; empty unless the briefing failed to load */
  gboolean not_modified;   /* the server answered 304: the briefing shown is current */
  char *uri;               /* where the answer came from, after redirects; name problems with it */
  char *etag;              /* (nullable) for the next reload */
  char *last_modified;     /* (nullable) for the next reload */
} SbRemoteResult;

/* @total is -1 when the server does not say. Called in the main context. */
typedef void (*SbRemoteProgressFunc) (goffset  received,
                                      goffset  total,
                                      gpointer user_data);

GType           sb_remote_result_get_type     (void) G_GNUC_CONST;
SbRemoteResult *sb_remote_result_copy         (const SbRemoteResult *self);
void            sb_remote_result_free         (SbRemoteResult       *self);

void            sb_remote_briefing_load_async  (const char            *uri,
                                                const char            *etag,
                                                const char            *last_modified,
                                                GCancellable          *cancellable,
                                                SbRemoteProgressFunc   progress,
                                                gpointer               progress_data,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
SbRemoteResult *sb_remote_briefing_load_finish (GAsyncResult          *result,
                                                GError               **error);

SoupSession    *sb_remote_briefing_get_session (void);

void            sb_remote_briefing_set_timeout_for_testing  (guint  seconds);
void            sb_remote_briefing_set_max_size_for_testing (gsize  max_size);
void            sb_remote_briefing_set_limits_for_testing   (guint  deadline_seconds,
                                                             guint  min_bytes_per_second,
                                                             guint  window_seconds);
void            sb_remote_briefing_set_public_for_testing   (const char *mask);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbRemoteResult, sb_remote_result_free)

G_END_DECLS
