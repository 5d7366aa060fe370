/* sb-webdav-target.c
 *
 * Saving to the team's WebDAV server. Back to where a briefing came from,
 * only over the version it was loaded or last saved with (If-Match); a
 * new file only where there is none (If-None-Match: *); a copy of a
 * briefing a colleague changed meanwhile beside it, as "NAME (copy)",
 * "NAME (copy 2)"…, the first of those names not taken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-webdav-target"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-webdav.h"
#include "sb-webdav-target.h"

#define MAX_COPY_NUMBER 50

struct _SbWebdavTarget
{
  GObject parent_instance;

  char *uri;               /* where it is written; once written, where it is */
  char *etag;              /* nullable: the version it replaces; NULL for a new file */
  char *last_modified;
  gboolean replaces;       /* back where the briefing came from */
  char *copy_base;         /* nullable: a copy's folder and name without ".sahelbrief" */
  guint copy_number;       /* a copy: the number tried */
};

static void sb_webdav_target_iface_init (SbSaveTargetInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SbWebdavTarget, sb_webdav_target, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SB_TYPE_SAVE_TARGET, sb_webdav_target_iface_init))

/* "Mali (copy 2).sahelbrief" beside the original. */
static void
next_copy (SbWebdavTarget *self)
{
  g_autofree char *number = NULL;
  g_autofree char *escaped = NULL;

  self->copy_number++;
  /* TRANSLATORS: the name of a copy saved beside a briefing changed on the server: "Mali (copy 2)" */
  number = self->copy_number == 1 ? g_strdup (_("copy")) : g_strdup_printf (_("copy %u"), self->copy_number);
  escaped = g_uri_escape_string (number, NULL, FALSE);
  g_free (self->uri);
  self->uri = g_strdup_printf ("%s%%20(%s).sahelbrief", self->copy_base, escaped);
}

static void
on_put (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SbWebdavTarget *self = g_task_get_source_object (task);
  GBytes *contents = g_task_get_task_data (task);
  GError *error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;

  if (!sb_webdav_put_finish (result, &etag, &last_modified, &error))
    {
      /* That copy's name is taken: the next. */
      if (self->copy_base != NULL && self->copy_number < MAX_COPY_NUMBER &&
          g_error_matches (error, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_EXISTS))
        {
          g_clear_error (&error);
          next_copy (self);
          sb_webdav_put_async (self->uri, contents, NULL, g_task_get_cancellable (task), on_put, g_object_ref (task));
          return;
        }
      g_task_return_error (task, error);
      return;
    }

  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);
  g_free (self->last_modified);
  self->last_modified = g_steal_pointer (&last_modified);
  g_clear_pointer (&self->copy_base, g_free);
  g_task_return_boolean (task, TRUE);
}

static void
sb_webdav_target_write_async (SbSaveTarget        *target,
                              GBytes              *contents,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  SbWebdavTarget *self = SB_WEBDAV_TARGET (target);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, sb_webdav_target_write_async);
  g_task_set_task_data (task, g_bytes_ref (contents), (GDestroyNotify) g_bytes_unref);
  sb_webdav_put_async (self->uri, contents, self->etag, cancellable, on_put, g_steal_pointer (&task));
}

static gboolean
sb_webdav_target_write_finish (SbSaveTarget  *target,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, target), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static const char *
sb_webdav_target_get_uri (SbSaveTarget *target)
{
  return SB_WEBDAV_TARGET (target)->uri;
}

static const char *
sb_webdav_target_get_etag (SbSaveTarget *target)
{
  return SB_WEBDAV_TARGET (target)->etag;
}

static const char *
sb_webdav_target_get_last_modified (SbSaveTarget *target)
{
  return SB_WEBDAV_TARGET (target)->last_modified;
}

static char *
sb_webdav_target_dup_display_name (SbSaveTarget *target)
{
  SbWebdavTarget *self = SB_WEBDAV_TARGET (target);
  g_autoptr(GUri) parsed = g_uri_parse (self->uri, G_URI_FLAGS_NONE, NULL);
  const char *path = parsed ? g_uri_get_path (parsed) : self->uri;
  const char *slash = strrchr (path, '/');

  return g_strdup (slash && slash[1] ? slash + 1 : path);
}

static void
sb_webdav_target_iface_init (SbSaveTargetInterface *iface)
{
  iface->write_async = sb_webdav_target_write_async;
  iface->write_finish = sb_webdav_target_write_finish;
  iface->get_uri = sb_webdav_target_get_uri;
  iface->get_etag = sb_webdav_target_get_etag;
  iface->get_last_modified = sb_webdav_target_get_last_modified;
  iface->dup_display_name = sb_webdav_target_dup_display_name;
}

static void
sb_webdav_target_finalize (GObject *object)
{
  SbWebdavTarget *self = (SbWebdavTarget *)object;

  g_free (self->uri);
  g_free (self->etag);
  g_free (self->last_modified);
  g_free (self->copy_base);

  G_OBJECT_CLASS (sb_webdav_target_parent_class)->finalize (object);
}

static void
sb_webdav_target_class_init (SbWebdavTargetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sb_webdav_target_finalize;
}

static void
sb_webdav_target_init (SbWebdavTarget *self)
{
}

static SbWebdavTarget *
target_new (const char *uri,
            const char *etag,
            gboolean    replaces)
{
  SbWebdavTarget *self = g_object_new (SB_TYPE_WEBDAV_TARGET, NULL);

  self->uri = g_strdup (uri);
  self->etag = g_strdup (etag);
  self->replaces = replaces;

  return self;
}

/**
 * sb_webdav_target_new:
 * @uri: the http or https address on a WebDAV server a briefing came from
 * @etag: (nullable): the ETag of the version there it was loaded or last
 *   saved with, which it may replace; without one it replaces nothing
 *
 * Returns: (transfer full): a target that writes back to @uri with PUT
 */
SbSaveTarget *
sb_webdav_target_new (const char *uri,
                      const char *etag)
{
  g_return_val_if_fail (uri != NULL, NULL);

  return SB_SAVE_TARGET (target_new (uri, etag, TRUE));
}

/**
 * sb_webdav_target_new_file:
 * @uri: the address of a new file in a folder on a WebDAV server
 *
 * Returns: (transfer full): a target that writes @uri only when there is
 *   no file there yet
 */
SbSaveTarget *
sb_webdav_target_new_file (const char *uri)
{
  g_return_val_if_fail (uri != NULL, NULL);

  return SB_SAVE_TARGET (target_new (uri, NULL, FALSE));
}

/**
 * sb_webdav_target_new_copy:
 * @uri: the address of the briefing to keep a copy beside
 *
 * Returns: (transfer full): a target that writes a new file beside @uri,
 *   under the first name of "NAME (copy)", "NAME (copy 2)"… not taken
 */
SbSaveTarget *
sb_webdav_target_new_copy (const char *uri)
{
  SbWebdavTarget *self;

  g_return_val_if_fail (uri != NULL, NULL);

  self = target_new (NULL, NULL, FALSE);
  self->copy_base = g_str_has_suffix (uri, ".sahelbrief") ? g_strndup (uri, strlen (uri) - strlen (".sahelbrief"))
                                                          : g_strdup (uri);
  next_copy (self);

  return SB_SAVE_TARGET (self);
}

/**
 * sb_webdav_target_get_replaces:
 *
 * Returns: whether it writes back where the briefing came from, so that
 *   a version there it has not seen is a colleague's (a conflict), not a
 *   name taken
 */
gboolean
sb_webdav_target_get_replaces (SbWebdavTarget *self)
{
  g_return_val_if_fail (SB_IS_WEBDAV_TARGET (self), FALSE);

  return self->replaces;
}
