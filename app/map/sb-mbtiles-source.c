/* sb-mbtiles-source.c
 *
 * Raster tiles from an SbMbtilesReader. The file is opened in a worker
 * thread (sb_mbtiles_source_new_async()), so that a slow or hostile file
 * never holds up the window. Tiles are read in GTask worker threads.
 * "received-data" is emitted back in the caller's main context and
 * before the request completes: libshumate 1.0's raster renderer paints
 * a tile only from that signal and only while the request is pending,
 * and it is not thread-safe.
 *
 * Past the file's highest zoom, the tile there that covers the one asked
 * for is enlarged, as web maps do: coarse, but better than nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-mbtiles-source"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sb-mbtiles-reader.h"
#include "sb-mbtiles-source.h"
#include "sb-tile-image.h"

/* Past this many levels a tile would be enlarged from less than a pixel. */
#define MAX_ENLARGED_LEVELS 8

struct _SbMbtilesSource
{
  ShumateDataSource parent_instance;

  GFile *file;
  SbMbtilesReader *reader;

  GMutex enlarge_lock;             /* the last tile enlarged from */
  GBytes *enlarge_parent;
  int enlarge_key[3];
};

static void sb_mbtiles_source_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SbMbtilesSource, sb_mbtiles_source, SHUMATE_TYPE_DATA_SOURCE,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, sb_mbtiles_source_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_ASYNC_INITABLE, NULL))

enum {
  PROP_0,
  PROP_FILE,
  PROP_NAME,
  PROP_FORMAT,
  PROP_ATTRIBUTION,
  PROP_MIN_ZOOM,
  PROP_MAX_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  int x;
  int y;
  int zoom;
} TileRequest;

static gboolean
pixbuf_can_load (const char *pixbuf_format)
{
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next)
    {
      g_autofree char *name = gdk_pixbuf_format_get_name (l->data);

      if (g_strcmp0 (name, pixbuf_format) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
sb_mbtiles_source_initable_init (GInitable     *initable,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  SbMbtilesSource *self = SB_MBTILES_SOURCE (initable);
  g_autoptr(SbMbtilesReader) reader = NULL;
  const char *format;

  g_return_val_if_fail (G_IS_FILE (self->file), FALSE);

  reader = sb_mbtiles_reader_open (self->file, cancellable, error);
  if (reader == NULL)
    return FALSE;

  /* WebP needs a GdkPixbuf loader that is a separate package. */
  format = sb_mbtiles_reader_get_format (reader);
  if (!pixbuf_can_load (g_str_equal (format, "jpg") ? "jpeg" : format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” holds %s tiles, but this computer has no image loader for them (for WebP, install webp-pixbuf-loader)"),
                   sb_mbtiles_reader_get_display_name (reader), format);
      return FALSE;
    }

  self->reader = g_steal_pointer (&reader);
  return TRUE;
}

static void
sb_mbtiles_source_initable_iface_init (GInitableIface *iface)
{
  iface->init = sb_mbtiles_source_initable_init;
}

/* The tile @levels above, cut to the part under this one and enlarged. */
static GBytes *
read_enlarged (SbMbtilesSource    *self,
               const TileRequest  *request,
               GError            **error)
{
  guint max_zoom = sb_mbtiles_reader_get_max_zoom (self->reader);
  int levels = request->zoom - (int) max_zoom;
  g_autoptr(GBytes) parent = NULL;
  int key[3];

  if (levels > MAX_ENLARGED_LEVELS || request->x < 0 || request->y < 0
      || request->x >= (G_GINT64_CONSTANT (1) << request->zoom)
      || request->y >= (G_GINT64_CONSTANT (1) << request->zoom))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "No tile %d/%d/%d: too far past the file's highest zoom, or off the map",
                   request->zoom, request->x, request->y);
      return NULL;
    }

  key[0] = max_zoom;
  key[1] = request->x >> levels;
  key[2] = request->y >> levels;

  /* Neighbours come together, and share their parent. */
  g_mutex_lock (&self->enlarge_lock);
  if (self->enlarge_parent != NULL && memcmp (key, self->enlarge_key, sizeof key) == 0)
    parent = g_bytes_ref (self->enlarge_parent);
  g_mutex_unlock (&self->enlarge_lock);

  if (parent == NULL)
    {
      parent = sb_mbtiles_reader_read_tile (self->reader, key[0], key[1], key[2], error);
      if (parent == NULL)
        return NULL;

      g_mutex_lock (&self->enlarge_lock);
      g_clear_pointer (&self->enlarge_parent, g_bytes_unref);
      self->enlarge_parent = g_bytes_ref (parent);
      memcpy (self->enlarge_key, key, sizeof key);
      g_mutex_unlock (&self->enlarge_lock);
    }

  return sb_tile_image_enlarge (parent, levels,
                                request->x & ((1 << levels) - 1),
                                request->y & ((1 << levels) - 1),
                                error);
}

static void
read_tile_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  SbMbtilesSource *self = source_object;
  TileRequest *request = task_data;
  GError *error = NULL;
  GBytes *bytes;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (request->zoom > (int) sb_mbtiles_reader_get_max_zoom (self->reader))
    bytes = read_enlarged (self, request, &error);
  else
    bytes = sb_mbtiles_reader_read_tile (self->reader, request->zoom, request->x, request->y, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
on_tile_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TileRequest *request = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  /* libshumate 1.0 paints a tile when the signal arrives, later versions
   * from the returned bytes; doing both works with every version.
   */
  g_signal_emit_by_name (object, "received-data", request->x, request->y, request->zoom, bytes);
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void
sb_mbtiles_source_get_tile_data_async (ShumateDataSource   *source,
                                       int                  x,
                                       int                  y,
                                       int                  zoom,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  SbMbtilesSource *self = SB_MBTILES_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) reader = NULL;
  TileRequest request = { x, y, zoom };

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_mbtiles_source_get_tile_data_async);
  g_task_set_task_data (task, g_memdup2 (&request, sizeof request), g_free);

  if (self->reader == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "The tile file is not open");
      return;
    }

  /* Its callback runs in this thread's main context. */
  reader = g_task_new (self, cancellable, on_tile_read, g_steal_pointer (&task));
  g_task_set_source_tag (reader, read_tile_in_thread);
  g_task_set_task_data (reader, g_memdup2 (&request, sizeof request), g_free);
  g_task_run_in_thread (reader, read_tile_in_thread);
}

static GBytes *
sb_mbtiles_source_get_tile_data_finish (ShumateDataSource  *source,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sb_mbtiles_source_finalize (GObject *object)
{
  SbMbtilesSource *self = (SbMbtilesSource *)object;

  g_clear_pointer (&self->reader, sb_mbtiles_reader_unref);
  g_clear_pointer (&self->enlarge_parent, g_bytes_unref);
  g_mutex_clear (&self->enlarge_lock);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (sb_mbtiles_source_parent_class)->finalize (object);
}

static void
sb_mbtiles_source_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SbMbtilesSource *self = SB_MBTILES_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->reader ? sb_mbtiles_reader_get_name (self->reader) : NULL);
      break;

    case PROP_FORMAT:
      g_value_set_string (value, self->reader ? sb_mbtiles_reader_get_format (self->reader) : NULL);
      break;

    case PROP_ATTRIBUTION:
      g_value_set_string (value, self->reader ? sb_mbtiles_reader_get_attribution (self->reader) : NULL);
      break;

    case PROP_MIN_ZOOM:
      g_value_set_uint (value, self->reader ? sb_mbtiles_reader_get_min_zoom (self->reader) : 0);
      break;

    case PROP_MAX_ZOOM:
      g_value_set_uint (value, self->reader ? sb_mbtiles_reader_get_max_zoom (self->reader) : 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_mbtiles_source_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SbMbtilesSource *self = SB_MBTILES_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_mbtiles_source_class_init (SbMbtilesSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = sb_mbtiles_source_finalize;
  object_class->get_property = sb_mbtiles_source_get_property;
  object_class->set_property = sb_mbtiles_source_set_property;

  source_class->get_tile_data_async = sb_mbtiles_source_get_tile_data_async;
  source_class->get_tile_data_finish = sb_mbtiles_source_get_tile_data_finish;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The rest is read from the file when it is opened, and stays. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FORMAT] =
    g_param_spec_string ("format", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ATTRIBUTION] =
    g_param_spec_string ("attribution", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MIN_ZOOM] =
    g_param_spec_uint ("min-zoom", NULL, NULL,
                       0, SB_MBTILES_MAX_ZOOM, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MAX_ZOOM] =
    g_param_spec_uint ("max-zoom", NULL, NULL,
                       0, SB_MBTILES_MAX_ZOOM, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_mbtiles_source_init (SbMbtilesSource *self)
{
  g_mutex_init (&self->enlarge_lock);
}

/**
 * sb_mbtiles_source_new:
 * @file: an MBTiles file on this computer
 *
 * Opens @file read-only and checks it; blocks for as long as a few
 * queries take (each has a time budget). From the main thread, use
 * sb_mbtiles_source_new_async().
 *
 * Returns: (transfer full) (nullable): the source, or %NULL with @error
 *   set to a message for the user
 */
SbMbtilesSource *
sb_mbtiles_source_new (GFile   *file,
                       GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (SB_TYPE_MBTILES_SOURCE, NULL, error,
                         "file", file,
                         NULL);
}

/**
 * sb_mbtiles_source_new_async:
 *
 * Opens and checks @file in a worker thread.
 */
void
sb_mbtiles_source_new_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));

  g_async_initable_new_async (SB_TYPE_MBTILES_SOURCE, G_PRIORITY_DEFAULT, cancellable,
                              callback, user_data,
                              "file", file,
                              NULL);
}

/**
 * sb_mbtiles_source_new_finish:
 *
 * Returns: (transfer full) (nullable): the source, or %NULL with @error
 *   set to a message for the user
 */
SbMbtilesSource *
sb_mbtiles_source_new_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_autoptr(GObject) source_object = g_async_result_get_source_object (result);
  GObject *object;

  object = g_async_initable_new_finish (G_ASYNC_INITABLE (source_object), result, error);
  return object ? SB_MBTILES_SOURCE (object) : NULL;
}

GFile *
sb_mbtiles_source_get_file (SbMbtilesSource *self)
{
  g_return_val_if_fail (SB_IS_MBTILES_SOURCE (self), NULL);

  return self->file;
}

/**
 * sb_mbtiles_source_get_name:
 *
 * Returns: the name in the file's metadata, or the file's name
 */
const char *
sb_mbtiles_source_get_name (SbMbtilesSource *self)
{
  g_return_val_if_fail (SB_IS_MBTILES_SOURCE (self), NULL);
  g_return_val_if_fail (self->reader != NULL, NULL);

  return sb_mbtiles_reader_get_name (self->reader);
}

/**
 * sb_mbtiles_source_get_format:
 *
 * Returns: "png", "jpg" or "webp"
 */
const char *
sb_mbtiles_source_get_format (SbMbtilesSource *self)
{
  g_return_val_if_fail (SB_IS_MBTILES_SOURCE (self), NULL);
  g_return_val_if_fail (self->reader != NULL, NULL);

  return sb_mbtiles_reader_get_format (self->reader);
}

/**
 * sb_mbtiles_source_get_attribution:
 *
 * Returns: (nullable): the attribution as the file gives it, which may be
 *   HTML (the specification allows it)
 */
const char *
sb_mbtiles_source_get_attribution (SbMbtilesSource *self)
{
  g_return_val_if_fail (SB_IS_MBTILES_SOURCE (self), NULL);
  g_return_val_if_fail (self->reader != NULL, NULL);

  return sb_mbtiles_reader_get_attribution (self->reader);
}

guint
sb_mbtiles_source_get_min_zoom (SbMbtilesSource *self)
{
  g_return_val_if_fail (SB_IS_MBTILES_SOURCE (self), 0);
  g_return_val_if_fail (self->reader != NULL, 0);

  return sb_mbtiles_reader_get_min_zoom (self->reader);
}

/**
 * sb_mbtiles_source_get_max_zoom:
 *
 * Returns: the file's highest zoom; tiles asked for past it are its own
 *   enlarged
 */
guint
sb_mbtiles_source_get_max_zoom (SbMbtilesSource *self)
{
  g_return_val_if_fail (SB_IS_MBTILES_SOURCE (self), 0);
  g_return_val_if_fail (self->reader != NULL, 0);

  return sb_mbtiles_reader_get_max_zoom (self->reader);
}

/**
 * sb_mbtiles_source_get_bounds:
 * @west: (out) (optional):
 * @south: (out) (optional):
 * @east: (out) (optional):
 * @north: (out) (optional):
 *
 * The area the file covers, in degrees, as its metadata gives it; @west
 * is greater than @east when the area crosses the antimeridian.
 *
 * Returns: whether the metadata gives the area
 */
gboolean
sb_mbtiles_source_get_bounds (SbMbtilesSource *self,
                              double          *west,
                              double          *south,
                              double          *east,
                              double          *north)
{
  double bounds[4];

  g_return_val_if_fail (SB_IS_MBTILES_SOURCE (self), FALSE);
  g_return_val_if_fail (self->reader != NULL, FALSE);

  if (!sb_mbtiles_reader_get_bounds (self->reader, bounds))
    return FALSE;

  if (west != NULL)
    *west = bounds[0];
  if (south != NULL)
    *south = bounds[1];
  if (east != NULL)
    *east = bounds[2];
  if (north != NULL)
    *north = bounds[3];

  return TRUE;
}
