/* sb-recovery.c
 *
 * Autosave to a recovery copy. A few seconds after the first change since
 * the last copy, a worker thread writes a snapshot of the briefing to
 * $XDG_STATE_HOME/sahelbrief/recovery/ID.sahelbrief, beside ID.ini that
 * names where the briefing came from, its title, when it was written and
 * the process writing it. Both are replaced whole through SbFileOutput
 * (a temporary file, flushed, renamed), so a crash during a write leaves
 * the previous copy.
 *
 * The copy goes when the briefing is saved, undone back to what was
 * saved, or discarded; it stays when the process dies. The next start
 * lists the copies whose process is gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-recovery"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "sb-file-output.h"
#include "sb-model-private.h"
#include "sb-recovery.h"
#include "sb-writer.h"

/* How long after a change the copy is written: at most this is lost
 * (more for a briefing that takes long to write).
 */
#define AUTOSAVE_DELAY_MS 3000
#define GROUP "Recovery"

struct _SbRecoveryEntry
{
  gatomicrefcount ref_count;
  GFile *copy;
  GFile *info;
  GFile *origin;           /* nullable */
  char *location;          /* nullable */
  gboolean imported;
  char *title;
  GDateTime *written;
};

G_DEFINE_BOXED_TYPE (SbRecoveryEntry, sb_recovery_entry, sb_recovery_entry_ref, sb_recovery_entry_unref)

SbRecoveryEntry *
sb_recovery_entry_ref (SbRecoveryEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sb_recovery_entry_unref (SbRecoveryEntry *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_object (&self->copy);
  g_clear_object (&self->info);
  g_clear_object (&self->origin);
  g_free (self->location);
  g_free (self->title);
  g_clear_pointer (&self->written, g_date_time_unref);
  g_free (self);
}

GFile *
sb_recovery_entry_get_copy (SbRecoveryEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->copy;
}

/**
 * sb_recovery_entry_get_origin:
 *
 * Returns: (nullable): the file the briefing was opened from or saved to
 */
GFile *
sb_recovery_entry_get_origin (SbRecoveryEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->origin;
}

const char *
sb_recovery_entry_get_location (SbRecoveryEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->location;
}

gboolean
sb_recovery_entry_get_imported (SbRecoveryEntry *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->imported;
}

const char *
sb_recovery_entry_get_title (SbRecoveryEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

GDateTime *
sb_recovery_entry_get_written (SbRecoveryEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->written;
}

/**
 * sb_recovery_entry_delete:
 *
 * Removes the copy: the user discarded it, or it is open again and a
 * new copy will be made of it.
 */
void
sb_recovery_entry_delete (SbRecoveryEntry *self)
{
  g_return_if_fail (self != NULL);

  g_file_delete (self->copy, NULL, NULL);
  g_file_delete (self->info, NULL, NULL);
}

/**
 * sb_recovery_get_default_directory:
 *
 * Returns: (transfer full): $XDG_STATE_HOME/sahelbrief/recovery
 */
GFile *
sb_recovery_get_default_directory (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "sahelbrief", "recovery", NULL);
}

/* Whether another process of this program runs as @pid. */
static gboolean
process_runs (gint64 pid)
{
  g_autofree char *comm_path = NULL;
  g_autofree char *comm = NULL;

  if (pid <= 0 || pid == getpid ())
    return pid == getpid ();
  if (kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
    return FALSE;

  /* After a reboot the number may be another program's. */
  comm_path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/comm", pid);
  if (!g_file_get_contents (comm_path, &comm, NULL, NULL))
    return TRUE;

  return g_str_has_prefix (comm, g_get_prgname () ? g_get_prgname () : "sahelbrief");
}

static SbRecoveryEntry *
read_entry (GFile *directory,
            GFile *info)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = g_file_get_path (info);
  g_autofree char *basename = g_file_get_basename (info);
  g_autofree char *copy_name = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *written = NULL;
  SbRecoveryEntry *entry;

  if (path == NULL || !g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  if (process_runs (g_key_file_get_int64 (keys, GROUP, "Pid", NULL)))
    return NULL;

  basename[strlen (basename) - strlen (".ini")] = '\0';
  copy_name = g_strconcat (basename, ".sahelbrief", NULL);

  entry = g_new0 (SbRecoveryEntry, 1);
  g_atomic_ref_count_init (&entry->ref_count);
  entry->copy = g_file_get_child (directory, copy_name);
  entry->info = g_object_ref (info);
  origin = g_key_file_get_string (keys, GROUP, "Origin", NULL);
  if (origin != NULL && *origin != '\0')
    entry->origin = g_file_new_for_uri (origin);
  entry->location = g_key_file_get_string (keys, GROUP, "Location", NULL);
  if (entry->location != NULL && *entry->location == '\0')
    g_clear_pointer (&entry->location, g_free);
  entry->imported = g_key_file_get_boolean (keys, GROUP, "Imported", NULL);
  entry->title = g_key_file_get_string (keys, GROUP, "Title", NULL);
  written = g_key_file_get_string (keys, GROUP, "Written", NULL);
  entry->written = written ? g_date_time_new_from_iso8601 (written, NULL) : NULL;
  if (entry->written == NULL)
    entry->written = g_date_time_new_now_local ();

  if (!g_file_query_exists (entry->copy, NULL))
    {
      /* A crash between the two files of the first copy. */
      sb_recovery_entry_delete (entry);
      g_clear_pointer (&entry, sb_recovery_entry_unref);
    }

  return entry;
}

static int
compare_written (gconstpointer a,
                 gconstpointer b)
{
  const SbRecoveryEntry *entry_a = *(SbRecoveryEntry **) a;
  const SbRecoveryEntry *entry_b = *(SbRecoveryEntry **) b;

  return g_date_time_compare (entry_a->written, entry_b->written);
}

/**
 * sb_recovery_list:
 *
 * Returns: (transfer full) (element-type SbRecoveryEntry): the copies in
 *   @directory that no running SahelBrief writes, oldest first
 */
GPtrArray *
sb_recovery_list (GFile *directory)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_recovery_entry_unref);
  GFileInfo *info;

  g_return_val_if_fail (G_IS_FILE (directory), entries);

  children = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE,
                                        NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, ".ini"))
        {
          g_autoptr(GFile) file = g_file_get_child (directory, name);
          SbRecoveryEntry *entry = read_entry (directory, file);

          if (entry != NULL)
            g_ptr_array_add (entries, entry);
        }
      g_object_unref (info);
    }

  g_ptr_array_sort (entries, compare_written);
  return entries;
}

struct _SbRecovery
{
  GObject parent_instance;

  SbDocument *document;
  GFile *directory;
  GFile *copy;
  GFile *info;
  guint timeout;
  GCancellable *writing;
  gint64 write_started;
  guint delay_ms;          /* longer for a briefing slow to write */
  gboolean discarded;
  gboolean written;        /* the files are there */
};

G_DEFINE_FINAL_TYPE (SbRecovery, sb_recovery, G_TYPE_OBJECT)

static void
delete_files (SbRecovery *self)
{
  g_clear_handle_id (&self->timeout, g_source_remove);
  if (!self->written)
    return;

  g_file_delete (self->copy, NULL, NULL);
  g_file_delete (self->info, NULL, NULL);
  self->written = FALSE;
}

static void
sb_recovery_dispose (GObject *object)
{
  SbRecovery *self = (SbRecovery *)object;

  /* A copy of work not saved stays for the next start, as after a crash. */
  g_clear_handle_id (&self->timeout, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (sb_recovery_parent_class)->dispose (object);
}

static void
sb_recovery_finalize (GObject *object)
{
  SbRecovery *self = (SbRecovery *)object;

  g_clear_object (&self->directory);
  g_clear_object (&self->copy);
  g_clear_object (&self->info);
  g_clear_object (&self->writing);

  G_OBJECT_CLASS (sb_recovery_parent_class)->finalize (object);
}

static void
sb_recovery_class_init (SbRecoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_recovery_dispose;
  object_class->finalize = sb_recovery_finalize;
}

static void
sb_recovery_init (SbRecovery *self)
{
}

typedef struct
{
  SbBriefing *snapshot;
  GFile *copy;
  GFile *info;
  char *keys;
} Write;

static void
write_free (Write *write)
{
  g_clear_object (&write->snapshot);
  g_clear_object (&write->copy);
  g_clear_object (&write->info);
  g_free (write->keys);
  g_free (write);
}

static gboolean
write_files (Write         *write,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) directory = g_file_get_parent (write->copy);
  g_autofree char *data = NULL;
  g_autoptr(GError) mkdir_error = NULL;
  gsize length;

  if (!g_file_make_directory_with_parents (directory, cancellable, &mkdir_error) &&
      !g_error_matches (mkdir_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&mkdir_error));
      return FALSE;
    }

  data = sb_writer_to_data (write->snapshot, &length);
  return sb_file_output_replace_contents (write->copy, data, length, SB_FILE_OUTPUT_NONE, cancellable, error) &&
         sb_file_output_replace_contents (write->info, write->keys, strlen (write->keys), SB_FILE_OUTPUT_NONE,
                                          cancellable, error);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (!write_files (task_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  SbRecovery *self = SB_RECOVERY (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not write the recovery copy %s: %s", g_file_peek_path (self->copy), error->message);
      g_clear_object (&self->writing);
      return;
    }

  g_clear_object (&self->writing);
  self->written = TRUE;

  /* Writing takes at most a fifth of the time: an event dataset of a
   * million incidents is not written every three seconds.
   */
  self->delay_ms = MAX (AUTOSAVE_DELAY_MS, 5 * (g_get_monotonic_time () - self->write_started) / 1000);

  /* Saved or discarded while it was written. */
  if (self->discarded || self->document == NULL || !sb_document_get_modified (self->document))
    delete_files (self);
}

static char *
describe (SbRecovery *self)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *written = g_date_time_format_iso8601 (now);
  GFile *origin = sb_document_get_file (self->document);
  g_autofree char *origin_uri = origin ? g_file_get_uri (origin) : g_strdup ("");
  g_autofree char *title = sb_document_dup_name (self->document);
  const char *location = sb_document_get_location (self->document);

  g_key_file_set_integer (keys, GROUP, "Version", 1);
  g_key_file_set_string (keys, GROUP, "Origin", origin_uri);
  g_key_file_set_string (keys, GROUP, "Location", location ? location : "");
  g_key_file_set_boolean (keys, GROUP, "Imported", sb_document_get_imported (self->document));
  g_key_file_set_string (keys, GROUP, "Title", title);
  g_key_file_set_string (keys, GROUP, "Written", written);
  g_key_file_set_int64 (keys, GROUP, "Pid", getpid ());

  return g_key_file_to_data (keys, NULL, NULL);
}

/**
 * sb_recovery_write_now:
 *
 * Writes the recovery copy at once, in a worker thread: what the timer
 * does a few seconds after a change.
 */
void
sb_recovery_write_now (SbRecovery *self)
{
  g_autoptr(GTask) task = NULL;
  Write *write;

  g_return_if_fail (SB_IS_RECOVERY (self));

  g_clear_handle_id (&self->timeout, g_source_remove);
  if (self->discarded || self->document == NULL)
    return;

  /* The copy being written goes on; the next one replaces it. */
  write = g_new0 (Write, 1);
  write->snapshot = sb_briefing_get_snapshot (sb_document_get_briefing (self->document));
  write->copy = g_object_ref (self->copy);
  write->info = g_object_ref (self->info);
  write->keys = describe (self);

  self->writing = g_cancellable_new ();
  self->write_started = g_get_monotonic_time ();
  task = g_task_new (self, NULL, on_written, NULL);
  g_task_set_source_tag (task, sb_recovery_write_now);
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
on_timeout (gpointer user_data)
{
  SbRecovery *self = user_data;

  self->timeout = 0;
  sb_recovery_write_now (self);
  return G_SOURCE_REMOVE;
}

/* A change: the copy is written a few seconds later, however many more
 * changes come meanwhile.
 */
static void
on_changed (SbRecovery *self)
{
  if (self->discarded || self->timeout != 0 || !sb_document_get_modified (self->document))
    return;

  self->timeout = g_timeout_add (MAX (self->delay_ms, AUTOSAVE_DELAY_MS), on_timeout, self);
}

static void
on_modified (SbRecovery *self)
{
  if (!sb_document_get_modified (self->document))
    delete_files (self);
  else
    on_changed (self);
}

/**
 * sb_recovery_new:
 * @directory: where recovery copies go: sb_recovery_get_default_directory()
 * @adopt: (nullable): a copy left by a crash, which @document was
 *   recovered from: it is the one kept up to date from now on
 *
 * Returns: (transfer full): what keeps a recovery copy of @document
 */
SbRecovery *
sb_recovery_new (SbDocument      *document,
                 GFile           *directory,
                 SbRecoveryEntry *adopt)
{
  SbRecovery *self;

  g_return_val_if_fail (SB_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  self = g_object_new (SB_TYPE_RECOVERY, NULL);
  self->document = g_object_ref (document);
  self->directory = g_object_ref (directory);

  if (adopt != NULL)
    {
      self->copy = g_object_ref (adopt->copy);
      self->info = g_object_ref (adopt->info);
      self->written = TRUE;
    }
  else
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *copy_name = g_strconcat (id, ".sahelbrief", NULL);
      g_autofree char *info_name = g_strconcat (id, ".ini", NULL);

      self->copy = g_file_get_child (directory, copy_name);
      self->info = g_file_get_child (directory, info_name);
    }

  g_signal_connect_object (sb_document_get_briefing (document), "changed", G_CALLBACK (on_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (on_modified), self);

  /* An adopted copy belongs to this process from now on. */
  if (adopt != NULL)
    sb_recovery_write_now (self);

  return self;
}

/**
 * sb_recovery_discard:
 *
 * Deletes the recovery copy and makes no more: the user discarded the
 * changes.
 */
void
sb_recovery_discard (SbRecovery *self)
{
  g_return_if_fail (SB_IS_RECOVERY (self));

  self->discarded = TRUE;
  delete_files (self);
}

/**
 * sb_recovery_get_file:
 *
 * Returns: (transfer none): where the copy is written
 */
GFile *
sb_recovery_get_file (SbRecovery *self)
{
  g_return_val_if_fail (SB_IS_RECOVERY (self), NULL);

  return self->copy;
}
