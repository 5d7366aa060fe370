/* sb-tile-source.c */

#define G_LOG_DOMAIN "sb-tile-source"

#include "config.h"

#include <libsoup/soup.h>

#include "sb-tile-source.h"

/* OpenStreetMap's tile policy asks for at most two connections. */
#define MAX_CONNECTIONS_PER_HOST 2
#define TIMEOUT_SECONDS 20

struct _SbTileSource
{
  ShumateDataSource parent_instance;

  char *url_template;
  SoupSession *session;
};

G_DEFINE_FINAL_TYPE (SbTileSource, sb_tile_source, SHUMATE_TYPE_DATA_SOURCE)

enum {
  PROP_0,
  PROP_URL_TEMPLATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  int x;
  int y;
  int zoom;
} TileRequest;

char *
sb_tile_source_dup_user_agent (void)
{
  return g_strdup_printf ("SahelBrief/%s (+%s)", PACKAGE_VERSION, PACKAGE_URL);
}

static char *
expand_template (const char *url_template,
                 int         x,
                 int         y,
                 int         zoom)
{
  g_autofree char *xs = g_strdup_printf ("%d", x);
  g_autofree char *ys = g_strdup_printf ("%d", y);
  g_autofree char *zs = g_strdup_printf ("%d", zoom);
  GString *url = g_string_new (url_template);

  g_string_replace (url, "{x}", xs, 0);
  g_string_replace (url, "{y}", ys, 0);
  g_string_replace (url, "{z}", zs, 0);

  return g_string_free (url, FALSE);
}

static void
on_tile_received (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SbTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (message);
  if (status != SOUP_STATUS_OK)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "Tile %d/%d/%d: HTTP %u %s", request->zoom, request->x, request->y,
                               status, soup_message_get_reason_phrase (message));
      return;
    }

  /* libshumate 1.0 paints a tile when the signal arrives, later versions
   * from the returned bytes; doing both works with every version.
   */
  g_signal_emit_by_name (self, "received-data", request->x, request->y, request->zoom, bytes);
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void
sb_tile_source_get_tile_data_async (ShumateDataSource   *source,
                                    int                  x,
                                    int                  y,
                                    int                  zoom,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  SbTileSource *self = SB_TILE_SOURCE (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *url = expand_template (self->url_template, x, y, zoom);
  TileRequest *request = g_new (TileRequest, 1);

  request->x = x;
  request->y = y;
  request->zoom = zoom;
  g_task_set_task_data (task, request, g_free);
  g_task_set_source_tag (task, sb_tile_source_get_tile_data_async);

  message = soup_message_new (SOUP_METHOD_GET, url);
  if (message == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Not a valid tile address: %s", url);
      return;
    }

  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT, cancellable,
                                    on_tile_received, g_steal_pointer (&task));
}

static GBytes *
sb_tile_source_get_tile_data_finish (ShumateDataSource  *source,
                                     GAsyncResult       *result,
                                     GError            **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sb_tile_source_finalize (GObject *object)
{
  SbTileSource *self = (SbTileSource *)object;

  g_clear_pointer (&self->url_template, g_free);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sb_tile_source_parent_class)->finalize (object);
}

static void
sb_tile_source_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SbTileSource *self = SB_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL_TEMPLATE:
      g_value_set_string (value, self->url_template);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_tile_source_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SbTileSource *self = SB_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL_TEMPLATE:
      self->url_template = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_tile_source_class_init (SbTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = sb_tile_source_finalize;
  object_class->get_property = sb_tile_source_get_property;
  object_class->set_property = sb_tile_source_set_property;

  source_class->get_tile_data_async = sb_tile_source_get_tile_data_async;
  source_class->get_tile_data_finish = sb_tile_source_get_tile_data_finish;

  properties[PROP_URL_TEMPLATE] =
    g_param_spec_string ("url-template", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_tile_source_init (SbTileSource *self)
{
  g_autofree char *user_agent = sb_tile_source_dup_user_agent ();

  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "user-agent", user_agent,
                                "max-conns-per-host", MAX_CONNECTIONS_PER_HOST,
                                "timeout", TIMEOUT_SECONDS,
                                NULL);
}

SbTileSource *
sb_tile_source_new (const char *url_template)
{
  g_return_val_if_fail (url_template != NULL, NULL);

  return g_object_new (SB_TYPE_TILE_SOURCE,
                       "url-template", url_template,
                       NULL);
}

const char *
sb_tile_source_get_url_template (SbTileSource *self)
{
  g_return_val_if_fail (SB_IS_TILE_SOURCE (self), NULL);

  return self->url_template;
}
