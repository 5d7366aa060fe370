/* sb-checker.c
 *
 * Checking as you edit. A short while after each change, a worker thread
 * writes a snapshot of the briefing as Save would and reads it back with
 * the loader: the problems are exactly those `--check` would print for
 * the saved file, and their JSON paths name the entities they are about.
 *
 * Checking the whole file, rather than only the entities an edit touched,
 * keeps one validator: the loader's, which every file meets when opened.
 * The built-in briefing is checked in milliseconds; 100,000 incidents in
 * about a second, in the background, after editing pauses.
 *
 * The text is never held whole when all is well: a thread of its own
 * writes it into a socket that the streaming loader reads as it comes (at
 * 1,000,000 incidents, 840 MB of text less at the check's peak). Only
 * when the streaming loader gives up (a problem, which it cannot place)
 * is the whole text written and loaded again, to say where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-checker"

#include "config.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

#include "sb-briefing-private.h"
#include "sb-checker.h"
#include "sb-loader.h"
#include "sb-writer.h"

/* Editing pauses this long before a check; longer for big briefings. */
#define CHECK_DELAY_MS 250
#define CHECK_DELAY_LARGE_MS 1500
#define LARGE_BRIEFING 20000

struct _SbCheckerProblem
{
  GObject parent_instance;

  SbProblem *problem;
  SbEntity *entity;        /* nullable: the briefing's own fields */
};

G_DEFINE_FINAL_TYPE (SbCheckerProblem, sb_checker_problem, G_TYPE_OBJECT)

static void
sb_checker_problem_finalize (GObject *object)
{
  SbCheckerProblem *self = (SbCheckerProblem *)object;

  g_clear_pointer (&self->problem, sb_problem_free);
  g_clear_object (&self->entity);

  G_OBJECT_CLASS (sb_checker_problem_parent_class)->finalize (object);
}

static void
sb_checker_problem_class_init (SbCheckerProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sb_checker_problem_finalize;
}

static void
sb_checker_problem_init (SbCheckerProblem *self)
{
}

const SbProblem *
sb_checker_problem_get_problem (SbCheckerProblem *self)
{
  g_return_val_if_fail (SB_IS_CHECKER_PROBLEM (self), NULL);

  return self->problem;
}

/**
 * sb_checker_problem_get_entity:
 *
 * Returns: (transfer none) (nullable): what the problem is about; %NULL
 *   for the briefing's own fields
 */
SbEntity *
sb_checker_problem_get_entity (SbCheckerProblem *self)
{
  g_return_val_if_fail (SB_IS_CHECKER_PROBLEM (self), NULL);

  return self->entity;
}

/**
 * sb_checker_problem_to_string:
 *
 * Returns: (transfer full): the problem as `--check` prints it, with the
 *   JSON path in the file as it would be saved in place of a line number
 */
char *
sb_checker_problem_to_string (SbCheckerProblem *self)
{
  g_return_val_if_fail (SB_IS_CHECKER_PROBLEM (self), NULL);

  return sb_problem_to_string (self->problem, NULL);
}

struct _SbChecker
{
  GObject parent_instance;

  SbBriefing *briefing;
  GListStore *problems;
  GCancellable *running;
  gint64 started;
  guint last_ms;           /* how long the last check took */
  guint queued;            /* timeout before the next check */
  gboolean again;          /* changed while checking */
};

G_DEFINE_FINAL_TYPE (SbChecker, sb_checker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHECKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sb_checker_dispose (GObject *object)
{
  SbChecker *self = (SbChecker *)object;

  g_clear_handle_id (&self->queued, g_source_remove);
  g_cancellable_cancel (self->running);
  g_clear_object (&self->running);
  g_clear_object (&self->problems);
  g_clear_object (&self->briefing);

  G_OBJECT_CLASS (sb_checker_parent_class)->dispose (object);
}

static void
sb_checker_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SbChecker *self = SB_CHECKER (object);

  switch (prop_id)
    {
    case PROP_CHECKING:
      g_value_set_boolean (value, sb_checker_get_checking (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_checker_class_init (SbCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_checker_dispose;
  object_class->get_property = sb_checker_get_property;

  properties[PROP_CHECKING] =
    g_param_spec_boolean ("checking", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_checker_init (SbChecker *self)
{
  self->problems = g_list_store_new (SB_TYPE_CHECKER_PROBLEM);
}

/**
 * sb_checker_new:
 *
 * Returns: (transfer full): a checker of @briefing with no problems yet:
 *   sb_checker_check_now() or sb_checker_queue() check it
 */
SbChecker *
sb_checker_new (SbBriefing *briefing)
{
  SbChecker *self;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);

  self = g_object_new (SB_TYPE_CHECKER, NULL);
  self->briefing = g_object_ref (briefing);

  return self;
}

/**
 * sb_checker_get_problems:
 *
 * Returns: (transfer none): the problems found by the last check, of
 *   #SbCheckerProblem, at most as many as the loader reports
 */
GListModel *
sb_checker_get_problems (SbChecker *self)
{
  g_return_val_if_fail (SB_IS_CHECKER (self), NULL);

  return G_LIST_MODEL (self->problems);
}

/**
 * sb_checker_get_checking:
 *
 * Returns: whether a check is waiting or under way
 */
gboolean
sb_checker_get_checking (SbChecker *self)
{
  g_return_val_if_fail (SB_IS_CHECKER (self), FALSE);

  return self->queued != 0 || self->running != NULL;
}

/* "$.incidents[12].place" → the twelfth incident of @snapshot. */
static SbEntity *
entity_at_path (SbBriefing *snapshot,
                const char *path)
{
  static const char * const names[] = {
    "sources", "actors", "places", "deployments", "movements", "incidents", "areas", "steps",
  };
  const SbBriefingContents *contents = _sb_briefing_get_contents (snapshot);
  GPtrArray *arrays[] = {
    contents->sources, contents->actors, contents->places,
    contents->items[SB_ITEM_KIND_DEPLOYMENT], contents->items[SB_ITEM_KIND_MOVEMENT],
    contents->items[SB_ITEM_KIND_INCIDENT], contents->items[SB_ITEM_KIND_AREA],
    contents->steps,
  };

  if (path == NULL || !g_str_has_prefix (path, "$."))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize length = strlen (names[i]);
      const char *bracket = path + 2 + length;
      char *end;
      guint64 index;

      if (strncmp (path + 2, names[i], length) != 0 || *bracket != '[')
        continue;

      index = g_ascii_strtoull (bracket + 1, &end, 10);
      if (*end != ']' || index >= arrays[i]->len)
        return NULL;

      return g_object_ref (g_ptr_array_index (arrays[i], index));
    }

  return NULL;
}

/**
 * sb_checker_check_data:
 * @snapshot: the briefing @data was written from
 * @data: the briefing as the writer wrote it
 *
 * Checks @data as the loader would; meant for a worker thread.
 *
 * Returns: (transfer full) (element-type SbCheckerProblem): the problems
 */
GPtrArray *
sb_checker_check_data (SbBriefing *snapshot,
                       const char *data,
                       gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) loaded = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (sb_briefing_is_snapshot (snapshot), found);

  loaded = sb_loader_load_bytes (bytes, &problems);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      SbCheckerProblem *problem = g_object_new (SB_TYPE_CHECKER_PROBLEM, NULL);

      problem->problem = sb_problem_copy (g_ptr_array_index (problems, i));
      problem->entity = entity_at_path (snapshot, problem->problem->path);
      g_ptr_array_add (found, problem);
    }

  return found;
}

#ifdef G_OS_UNIX
typedef struct
{
  SbBriefing *snapshot;
  GSocket *socket;
  GOutputStream *stream;
  GCancellable *cancellable;
} Writing;

static gpointer
write_thread (gpointer data)
{
  Writing *writing = data;

  /* Fails once the reader stops reading: then the text matters no more. */
  sb_writer_write (writing->snapshot, writing->stream, writing->cancellable, NULL);
  /* The end of the text, for the reader (closing the stream leaves the
   * socket open).
   */
  g_socket_shutdown (writing->socket, FALSE, TRUE, NULL);
  return NULL;
}

/* Whether the snapshot, written as Save would, streams into the loader
 * without a problem.
 */
static gboolean
streams_without_problems (SbBriefing   *snapshot,
                          GCancellable *cancellable)
{
  int fds[2];
  g_autoptr(GSocket) reading = NULL;
  g_autoptr(GSocket) writing = NULL;
  g_autoptr(GSocketConnection) in = NULL;
  g_autoptr(GSocketConnection) out = NULL;
  g_autoptr(SbBriefing) loaded = NULL;
  Writing job;
  GThread *writer;

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    return FALSE;
  reading = g_socket_new_from_fd (fds[0], NULL);
  writing = g_socket_new_from_fd (fds[1], NULL);
  if (reading == NULL || writing == NULL)
    {
      if (reading == NULL)
        close (fds[0]);
      if (writing == NULL)
        close (fds[1]);
      return FALSE;
    }
  in = g_socket_connection_factory_create_connection (reading);
  out = g_socket_connection_factory_create_connection (writing);

  job.snapshot = snapshot;
  job.socket = writing;
  job.stream = g_io_stream_get_output_stream (G_IO_STREAM (out));
  job.cancellable = cancellable;
  writer = g_thread_new ("sb-check-writer", write_thread, &job);

  loaded = sb_loader_try_streaming (g_io_stream_get_input_stream (G_IO_STREAM (in)), cancellable);

  /* The writer, if the loader gave up before the end, fails now: closed,
   * not only shut for reading, which leaves the text unread in the socket
   * and a writer waiting for room in it for ever.
   */
  g_socket_close (reading, NULL);
  g_thread_join (writer);

  return loaded != NULL;
}
#endif

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SbBriefing *snapshot = task_data;
  g_autofree char *data = NULL;
  gsize length;

#ifdef G_OS_UNIX
  if (streams_without_problems (snapshot, cancellable))
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      g_task_return_pointer (task, g_ptr_array_new_with_free_func (g_object_unref),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
#endif

  data = sb_writer_to_data (snapshot, &length);
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }

  g_task_return_pointer (task, sb_checker_check_data (snapshot, data, length),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void start_check (SbChecker *self);

static void
on_checked (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  SbChecker *self = SB_CHECKER (object);
  g_autoptr(GPtrArray) problems = g_task_propagate_pointer (G_TASK (result), NULL);

  if (problems == NULL)
    return;

  g_clear_object (&self->running);
  self->last_ms = (g_get_monotonic_time () - self->started) / 1000;
  g_list_store_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                       problems->pdata, problems->len);

  if (self->again)
    sb_checker_queue (self);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

static void
start_check (SbChecker *self)
{
  g_autoptr(GTask) task = NULL;

  g_clear_handle_id (&self->queued, g_source_remove);
  g_cancellable_cancel (self->running);
  g_clear_object (&self->running);
  self->again = FALSE;

  self->running = g_cancellable_new ();
  self->started = g_get_monotonic_time ();
  task = g_task_new (self, self->running, on_checked, NULL);
  g_task_set_source_tag (task, start_check);
  g_task_set_task_data (task, sb_briefing_get_snapshot (self->briefing), g_object_unref);
  g_task_run_in_thread (task, check_thread);
}

static gboolean
on_queued (gpointer user_data)
{
  SbChecker *self = user_data;

  self->queued = 0;
  start_check (self);
  return G_SOURCE_REMOVE;
}

/**
 * sb_checker_queue:
 *
 * Checks the briefing once editing pauses: after each edit.
 */
void
sb_checker_queue (SbChecker *self)
{
  gboolean was_checking;
  guint n_items;

  g_return_if_fail (SB_IS_CHECKER (self));

  was_checking = sb_checker_get_checking (self);

  /* A check under way finishes, and shows what it found meanwhile. */
  if (self->running != NULL)
    {
      self->again = TRUE;
      return;
    }

  /* A check that takes long waits for a longer pause. */
  n_items = g_list_model_get_n_items (sb_briefing_get_all_items (self->briefing));
  g_clear_handle_id (&self->queued, g_source_remove);
  self->queued = g_timeout_add (MAX (n_items > LARGE_BRIEFING ? CHECK_DELAY_LARGE_MS : CHECK_DELAY_MS, 2 * self->last_ms),
                                on_queued, self);

  if (!was_checking)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

/**
 * sb_checker_check_now:
 *
 * Checks the briefing at once, in a worker thread: when it is opened.
 */
void
sb_checker_check_now (SbChecker *self)
{
  gboolean was_checking;

  g_return_if_fail (SB_IS_CHECKER (self));

  was_checking = sb_checker_get_checking (self);
  start_check (self);
  if (!was_checking)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}
