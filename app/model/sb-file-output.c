/* sb-file-output.c
 *
 * g_file_replace() commits when its stream is closed, and a stream
 * dropped after a failed write is closed: a cancelled export once left a
 * truncated file where the user's was. Here nothing replaces the target
 * but sb_file_output_commit(), after the data is flushed and synced;
 * anything else, including the last reference going, removes the
 * temporary file.
 *
 * A symbolic link is followed, so that the file it points to is
 * replaced and the link stays. The previous version, when kept, is a hard
 * link to the old file (a copy where the file system has none).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-file-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sb-file-output.h"

#define TEMP_SUFFIX ".sb-part"
#define MAX_LINKS 40
#define MAX_TEMP_BASENAME 200
#define BUFFER_SIZE (64 * 1024)

struct _SbFileOutput
{
  GObject parent_instance;

  GFile *file;
  SbFileOutputFlags flags;
  gboolean finished;          /* committed or aborted */

  /* A file on this computer. */
  char *path;                 /* the target, links followed */
  char *temp_path;
  int fd;
  GOutputStream *stream;      /* buffered, over fd */

  /* Elsewhere (GVfs): GIO's replace, aborted by a cancelled close. */
  GFileOutputStream *remote;
};

G_DEFINE_FINAL_TYPE (SbFileOutput, sb_file_output, G_TYPE_OBJECT)

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *what)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", what, g_strerror (saved_errno));
}

/* Returns: (transfer full) (nullable): @path with its links followed */
static char *
follow_links (const char  *path,
              GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;
      g_autofree char *directory = NULL;
      struct stat info;

      if (g_lstat (current, &info) != 0 || !S_ISLNK (info.st_mode))
        return g_steal_pointer (&current);

      target = g_file_read_link (current, error);
      if (target == NULL)
        return NULL;

      directory = g_path_get_dirname (current);
      g_free (current);
      current = g_canonicalize_filename (target, directory);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                       _("too many levels of symbolic links"));
  return NULL;
}

static char *
temp_template (const char *path)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);

  /* Room for the rest within the longest name file systems allow. */
  if (strlen (basename) > MAX_TEMP_BASENAME)
    basename[MAX_TEMP_BASENAME] = '\0';

  return g_strdup_printf ("%s%s.%s.XXXXXX" TEMP_SUFFIX, directory, G_DIR_SEPARATOR_S, basename);
}

static gboolean
open_local (SbFileOutput  *self,
            const char    *path,
            GError       **error)
{
  struct stat info;
  gboolean exists;
  int fd;

  self->path = follow_links (path, error);
  if (self->path == NULL)
    return FALSE;

  exists = g_stat (self->path, &info) == 0;
  if (exists && S_ISDIR (info.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("this is a folder"));
      return FALSE;
    }
  if (exists && !S_ISREG (info.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("this is not an ordinary file (a device, a pipe or a socket)"));
      return FALSE;
    }

  self->temp_path = temp_template (self->path);
  fd = g_mkstemp_full (self->temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *directory = g_path_get_dirname (self->path);

      g_clear_pointer (&self->temp_path, g_free);
      set_errno_error (error, saved_errno, directory);
      return FALSE;
    }

  /* A replaced file keeps its permissions, and its group when allowed. */
  if (exists)
    {
      if (fchmod (fd, info.st_mode & 07777) != 0)
        g_debug ("Could not keep the permissions of %s: %s", self->path, g_strerror (errno));
      if (fchown (fd, -1, info.st_gid) != 0)
        g_debug ("Could not keep the group of %s: %s", self->path, g_strerror (errno));
    }

  self->fd = fd;
  {
    g_autoptr(GOutputStream) raw = g_unix_output_stream_new (fd, TRUE);

    self->stream = g_buffered_output_stream_new_sized (raw, BUFFER_SIZE);
  }

  return TRUE;
}

static void
sb_file_output_finalize (GObject *object)
{
  SbFileOutput *self = (SbFileOutput *)object;

  /* Dropped without a commit: the target stays as it was. */
  sb_file_output_abort (self);

  g_clear_object (&self->stream);
  g_clear_object (&self->remote);
  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->temp_path, g_free);

  G_OBJECT_CLASS (sb_file_output_parent_class)->finalize (object);
}

static void
sb_file_output_class_init (SbFileOutputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_file_output_finalize;
}

static void
sb_file_output_init (SbFileOutput *self)
{
  self->fd = -1;
}

/**
 * sb_file_output_new:
 * @file: the file to write, which may exist
 *
 * Starts writing @file: what is written to sb_file_output_get_stream()
 * goes to a new file in the same folder, which replaces @file when
 * sb_file_output_commit() succeeds. Blocks as long as creating a file
 * does.
 *
 * Errors are those of creating a file, and %G_IO_ERROR_IS_DIRECTORY and
 * %G_IO_ERROR_NOT_REGULAR_FILE when @file is not an ordinary file.
 *
 * Returns: (transfer full) (nullable): the output
 */
SbFileOutput *
sb_file_output_new (GFile              *file,
                    SbFileOutputFlags   flags,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(SbFileOutput) self = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self = g_object_new (SB_TYPE_FILE_OUTPUT, NULL);
  self->file = g_object_ref (file);
  self->flags = flags;

  path = g_file_get_path (file);
  if (path != NULL)
    {
      if (!open_local (self, path, error))
        {
          self->finished = TRUE;
          return NULL;
        }
    }
  else
    {
      self->remote = g_file_replace (file, NULL, (flags & SB_FILE_OUTPUT_BACKUP) != 0,
                                     G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
      if (self->remote == NULL)
        {
          self->finished = TRUE;
          return NULL;
        }
      self->stream = g_object_ref (G_OUTPUT_STREAM (self->remote));
    }

  return g_steal_pointer (&self);
}

/**
 * sb_file_output_get_stream:
 *
 * Returns: (transfer none): where to write the new contents; do not close
 *   it, commit or abort instead
 */
GOutputStream *
sb_file_output_get_stream (SbFileOutput *self)
{
  g_return_val_if_fail (SB_IS_FILE_OUTPUT (self), NULL);

  return self->stream;
}

/**
 * sb_file_output_get_file:
 *
 * Returns: (transfer none): the file being written
 */
GFile *
sb_file_output_get_file (SbFileOutput *self)
{
  g_return_val_if_fail (SB_IS_FILE_OUTPUT (self), NULL);

  return self->file;
}

/**
 * sb_file_output_abort:
 *
 * Drops what was written; the target stays as it was. Does nothing after
 * a commit or an abort.
 */
void
sb_file_output_abort (SbFileOutput *self)
{
  g_return_if_fail (SB_IS_FILE_OUTPUT (self));

  if (self->finished)
    return;
  self->finished = TRUE;

  if (self->remote != NULL)
    {
      /* GIO's replace leaves the target when closed cancelled. */
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (self->remote), cancelled, NULL);
      g_clear_object (&self->remote);
      g_clear_object (&self->stream);
      return;
    }

  /* Closing the stream closes the descriptor, whatever else fails. */
  if (self->stream != NULL && !g_output_stream_is_closed (self->stream))
    g_output_stream_close (self->stream, NULL, NULL);
  self->fd = -1;
  g_clear_object (&self->stream);

  if (self->temp_path != NULL && g_unlink (self->temp_path) != 0 && errno != ENOENT)
    g_warning ("Could not remove %s: %s", self->temp_path, g_strerror (errno));
}

/* The old file stays as NAME~: a second name for it when possible, so
 * that it is never missing, else a copy.
 */
static gboolean
keep_backup (SbFileOutput  *self,
             GError       **error)
{
  g_autofree char *backup = g_strconcat (self->path, "~", NULL);
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(GError) copy_error = NULL;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      set_errno_error (error, errno, backup);
      return FALSE;
    }

  if (link (self->path, backup) == 0)
    return TRUE;

  from = g_file_new_for_path (self->path);
  to = g_file_new_for_path (backup);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE | G_FILE_COPY_ALL_METADATA, NULL, NULL, NULL, &copy_error))
    {
      g_set_error (error, copy_error->domain, copy_error->code,
                   _("the previous version could not be kept: %s"), copy_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
sync_directory (const char *path)
{
  g_autofree char *directory = g_path_get_dirname (path);
  int fd = g_open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;

  /* Some file systems cannot sync a folder; the rename stands anyway. */
  if (g_fsync (fd) != 0)
    g_debug ("Could not sync %s: %s", directory, g_strerror (errno));
  close (fd);
}

static gboolean
commit_local (SbFileOutput  *self,
              GCancellable  *cancellable,
              GError       **error)
{
  if (!g_output_stream_flush (self->stream, cancellable, error))
    return FALSE;

  if ((self->flags & SB_FILE_OUTPUT_NO_SYNC) == 0 && g_fsync (self->fd) != 0)
    {
      set_errno_error (error, errno, self->temp_path);
      return FALSE;
    }

  /* Closing the stream closes the descriptor, error or not. */
  self->fd = -1;
  if (!g_output_stream_close (self->stream, NULL, error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if ((self->flags & SB_FILE_OUTPUT_BACKUP) != 0 && !keep_backup (self, error))
    return FALSE;

  if (g_rename (self->temp_path, self->path) != 0)
    {
      set_errno_error (error, errno, self->path);
      return FALSE;
    }
  g_clear_pointer (&self->temp_path, g_free);

  if ((self->flags & SB_FILE_OUTPUT_NO_SYNC) == 0)
    sync_directory (self->path);

  return TRUE;
}

/**
 * sb_file_output_commit:
 *
 * Flushes and syncs what was written and puts it in the target's place,
 * keeping the file replaced when asked to. When this fails or
 * @cancellable is cancelled, the target is untouched and what was
 * written is gone.
 *
 * Returns: whether the target now holds what was written
 */
gboolean
sb_file_output_commit (SbFileOutput  *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (SB_IS_FILE_OUTPUT (self), FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      sb_file_output_abort (self);
      return FALSE;
    }

  if (self->remote != NULL)
    {
      ok = g_output_stream_close (G_OUTPUT_STREAM (self->remote), cancellable, error);
      self->finished = ok;
    }
  else
    {
      ok = commit_local (self, cancellable, error);
      self->finished = ok;
    }

  if (!ok)
    sb_file_output_abort (self);

  return ok;
}

/**
 * sb_file_output_replace_contents:
 *
 * Writes @data to @file as sb_file_output_new() and
 * sb_file_output_commit() do; blocks.
 *
 * Returns: whether @file now holds @data
 */
gboolean
sb_file_output_replace_contents (GFile              *file,
                                 const void         *data,
                                 gsize               length,
                                 SbFileOutputFlags   flags,
                                 GCancellable       *cancellable,
                                 GError            **error)
{
  g_autoptr(SbFileOutput) output = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  output = sb_file_output_new (file, flags, cancellable, error);

  return output != NULL &&
         g_output_stream_write_all (output->stream, data, length, NULL, cancellable, error) &&
         sb_file_output_commit (output, cancellable, error);
}

/**
 * sb_file_output_is_temporary:
 *
 * Returns: whether @basename is that of a temporary file left by a write
 *   that never ended (the program was killed, the computer stopped)
 */
gboolean
sb_file_output_is_temporary (const char *basename)
{
  gsize length;

  g_return_val_if_fail (basename != NULL, FALSE);

  length = strlen (basename);
  return basename[0] == '.' &&
         length > strlen (TEMP_SUFFIX) + 8 &&
         g_str_has_suffix (basename, TEMP_SUFFIX) &&
         basename[length - strlen (TEMP_SUFFIX) - 7] == '.';
}
