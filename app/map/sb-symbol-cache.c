/* sb-symbol-cache.c
 *
 * An image per symbol, as large as its extent at the target's scale,
 * copied at whole device pixels so that copies are never resampled: a
 * symbol may sit up to half a pixel from where a path would have put it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-symbol-cache"

#include "config.h"

#include <math.h>

#include "sb-symbol-cache.h"
#include "sb-symbols.h"

typedef struct
{
  SbSymbolKey key;
  guint32 scale;           /* device pixels per unit, in 1/64 */
  guint32 extent;          /* in 1/4 unit */
} FullKey;

typedef struct
{
  FullKey key;
  cairo_surface_t *surface;
  int size;                /* in device pixels, square */
  gsize bytes;
  GList link;              /* in the recency queue, its data the entry */
} Entry;

/* Symbols not seen before are rendered for the cache for at most this
 * long in any 16 ms: a frame that brings hundreds (the first at a zoom)
 * records the rest as paths into the layer's recording, which a worker
 * thread plays, and caches them in the frames after.
 */
#define RENDER_BUDGET_US 3000
#define RENDER_WINDOW_US 16000

struct _SbSymbolCache
{
  GHashTable *entries;     /* FullKey → Entry */
  GQueue recent;           /* most recently used first */
  gsize bytes;
  gsize max_bytes;
  gint64 budget_us;        /* RENDER_BUDGET_US but in tests */
  gint64 window_start;     /* of the last 16 ms rendered in */
  gint64 rendered_us;      /* spent rendering in that window */
};

static guint
full_key_hash (gconstpointer data)
{
  const FullKey *key = data;
  guint64 h = key->key.look * 0x9e3779b97f4a7c15ull;

  h ^= key->key.detail + 0x7f4a7c159e3779b9ull + (h << 6) + (h >> 2);
  h ^= ((guint64) key->scale << 32 | key->extent) + (h << 6) + (h >> 2);
  return (guint) (h ^ (h >> 32));
}

static gboolean
full_key_equal (gconstpointer a,
                gconstpointer b)
{
  const FullKey *x = a, *y = b;

  return x->key.look == y->key.look && x->key.detail == y->key.detail &&
         x->scale == y->scale && x->extent == y->extent;
}

static void
entry_free (Entry *entry)
{
  cairo_surface_destroy (entry->surface);
  g_free (entry);
}

/**
 * sb_symbol_cache_new:
 * @max_bytes: how much the images may take together
 */
SbSymbolCache *
sb_symbol_cache_new (gsize max_bytes)
{
  SbSymbolCache *self = g_new0 (SbSymbolCache, 1);

  self->entries = g_hash_table_new_full (full_key_hash, full_key_equal, NULL, (GDestroyNotify) entry_free);
  g_queue_init (&self->recent);
  self->max_bytes = max_bytes;
  self->budget_us = RENDER_BUDGET_US;
  return self;
}

/**
 * sb_symbol_cache_set_render_budget:
 * @budget_us: how long symbols not seen before may be rendered for the
 *   cache in any 16 ms, when painted into a recording
 */
void
sb_symbol_cache_set_render_budget (SbSymbolCache *self,
                                   gint64         budget_us)
{
  g_return_if_fail (self != NULL);

  self->budget_us = budget_us;
}

void
sb_symbol_cache_clear (SbSymbolCache *self)
{
  g_return_if_fail (self != NULL);

  g_queue_init (&self->recent);
  g_hash_table_remove_all (self->entries);
  self->bytes = 0;
}

void
sb_symbol_cache_free (SbSymbolCache *self)
{
  if (self == NULL)
    return;

  sb_symbol_cache_clear (self);
  g_hash_table_unref (self->entries);
  g_free (self);
}

gsize
sb_symbol_cache_get_bytes (SbSymbolCache *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->bytes;
}

guint
sb_symbol_cache_get_size (SbSymbolCache *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->entries);
}

static void
evict (SbSymbolCache *self)
{
  while (self->bytes > self->max_bytes && self->recent.tail != NULL)
    {
      Entry *entry = self->recent.tail->data;

      g_queue_unlink (&self->recent, &entry->link);
      self->bytes -= entry->bytes;
      g_hash_table_remove (self->entries, &entry->key);
    }
}

/* Device pixels across the square image of a symbol reaching @extent
 * from its centre, at @scale.
 */
static int
image_size (double extent,
            double scale)
{
  return MAX (1, (int) ceil (2 * extent * scale));
}

/* The image of a symbol reaching @extent from its centre at @scale:
 * cairo and the paint function only, so any thread may call it.
 */
static cairo_surface_t *
render_image (double             scale,
              double             extent,
              SbSymbolPaintFunc  paint,
              gpointer           data)
{
  int size = image_size (extent, scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr;

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  paint (cr, size / (2 * scale), size / (2 * scale), data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Takes @surface. */
static Entry *
insert (SbSymbolCache   *self,
        const FullKey   *key,
        cairo_surface_t *surface)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->key = *key;
  entry->surface = surface;
  entry->size = cairo_image_surface_get_width (surface);
  entry->bytes = (gsize) cairo_image_surface_get_stride (surface) * entry->size + sizeof (Entry);
  entry->link.data = entry;

  g_hash_table_insert (self->entries, &entry->key, entry);
  g_queue_push_head_link (&self->recent, &entry->link);
  self->bytes += entry->bytes;
  return entry;
}

static Entry *
render (SbSymbolCache     *self,
        const FullKey     *key,
        double             scale,
        double             extent,
        SbSymbolPaintFunc  paint,
        gpointer           data)
{
  return insert (self, key, render_image (scale, extent, paint, data));
}

/* Whether a symbol not in the cache is rendered for it now, or painted
 * into @cr as it is: only a recording (played in a worker thread later)
 * takes paths cheaply once the frame's time to render is spent.
 */
static gboolean
may_render (SbSymbolCache *self,
            cairo_t       *cr)
{
  gint64 now;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_RECORDING)
    return TRUE;
  now = g_get_monotonic_time ();
  if (now - self->window_start > RENDER_WINDOW_US)
    {
      self->window_start = now;
      self->rendered_us = 0;
    }
  return self->rendered_us < self->budget_us;
}

/* Device pixel where a copy of an image @size pixels wide, centred on
 * (@x, @y), starts: whole pixels, so that copies are never resampled.
 */
static void
snap_to_pixels (cairo_t *cr,
                int      size,
                double   x,
                double   y,
                double  *left,
                double  *top)
{
  cairo_user_to_device (cr, &x, &y);
  *left = floor (x - size / 2.0 + 0.5);
  *top = floor (y - size / 2.0 + 0.5);
}

static void
full_key_init (FullKey           *full,
               const SbSymbolKey *key,
               double             scale,
               double             extent)
{
  full->key = *key;
  full->scale = (guint32) lround (scale * 64);
  full->extent = (guint32) lround (extent * 4);
}

/**
 * sb_symbol_cache_paint:
 * @key: what the symbol looks like, apart from its scale and extent
 * @extent: how far from its centre the symbol reaches, in user units
 * @paint: paints the symbol when it is not in the cache yet
 *
 * Paints the symbol centred on (@x, @y). A target that is not an image,
 * or rotated or skewed, gets it painted directly.
 */
void
sb_symbol_cache_paint (SbSymbolCache      *self,
                       cairo_t            *cr,
                       const SbSymbolKey  *key,
                       double              extent,
                       double              x,
                       double              y,
                       SbSymbolPaintFunc   paint,
                       gpointer            data)
{
  double scale = 1, skew = 0, other = 0, height = 1;
  double dx, dy, left, top;
  FullKey full;
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  /* Vector output (PDF, SVG) stays vectors; a rotated or skewed target
   * has no whole pixels to copy to.
   */
  cairo_user_to_device_distance (cr, &scale, &skew);
  cairo_user_to_device_distance (cr, &other, &height);
  if (!sb_symbol_target_is_raster (cr) ||
      skew != 0 || other != 0 || scale <= 0 || fabs (scale - height) > 1e-9 || scale * extent > 1024)
    {
      paint (cr, x, y, data);
      return;
    }

  full_key_init (&full, key, scale, extent);

  entry = g_hash_table_lookup (self->entries, &full);
  if (entry != NULL)
    {
      g_queue_unlink (&self->recent, &entry->link);
      g_queue_push_head_link (&self->recent, &entry->link);
    }
  else if (!may_render (self, cr))
    {
      /* Where its copy would have gone, as the copy would show it. */
      int size = image_size (full.extent / 4.0, full.scale / 64.0);

      snap_to_pixels (cr, size, x, y, &left, &top);
      dx = left + size / 2.0;
      dy = top + size / 2.0;
      cairo_device_to_user (cr, &dx, &dy);
      paint (cr, dx, dy, data);
      return;
    }
  else
    {
      gint64 start = g_get_monotonic_time ();

      entry = render (self, &full, full.scale / 64.0, full.extent / 4.0, paint, data);
      self->rendered_us += g_get_monotonic_time () - start;
      evict (self);
      /* Larger than the whole cache: painted once, from memory just freed. */
      if (g_hash_table_lookup (self->entries, &full) == NULL)
        {
          paint (cr, x, y, data);
          return;
        }
    }

  snap_to_pixels (cr, entry->size, x, y, &left, &top);

  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, entry->surface, left, top);
  cairo_rectangle (cr, left, top, entry->size, entry->size);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */

typedef struct
{
  FullKey key;
  SbSymbolPaintFunc paint;
  gpointer data;           /* a copy of the caller's */
  cairo_surface_t *surface; /* once rendered */
} Order;

struct _SbSymbolBatch
{
  GArray *orders;          /* of Order */
  GHashTable *keys;        /* of FullKey in orders */
  gsize bytes;
};

static void
order_clear (Order *order)
{
  g_clear_pointer (&order->data, g_free);
  g_clear_pointer (&order->surface, cairo_surface_destroy);
}

SbSymbolBatch *
sb_symbol_batch_new (void)
{
  SbSymbolBatch *self = g_new0 (SbSymbolBatch, 1);

  self->orders = g_array_new (FALSE, TRUE, sizeof (Order));
  g_array_set_clear_func (self->orders, (GDestroyNotify) order_clear);
  self->keys = g_hash_table_new_full (full_key_hash, full_key_equal, g_free, NULL);
  return self;
}

void
sb_symbol_batch_free (SbSymbolBatch *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->orders);
  g_hash_table_unref (self->keys);
  g_free (self);
}

/**
 * sb_symbol_batch_get_size:
 *
 * Returns: how many symbols @self holds to render
 */
guint
sb_symbol_batch_get_size (SbSymbolBatch *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->orders->len;
}

/**
 * sb_symbol_cache_add_missing:
 * @scale: device pixels per unit of the target the symbol will be painted
 *   into, as sb_symbol_cache_paint() will find it
 * @data: (array length=data_size): what @paint is given, copied
 *
 * Adds the symbol to @batch unless @self or @batch has it already.
 *
 * Returns: %FALSE when @batch holds as much as @self can keep: adding
 *   more would only push out what was rendered
 */
gboolean
sb_symbol_cache_add_missing (SbSymbolCache     *self,
                             SbSymbolBatch     *batch,
                             const SbSymbolKey *key,
                             double             scale,
                             double             extent,
                             SbSymbolPaintFunc  paint,
                             gconstpointer      data,
                             gsize              data_size)
{
  Order order = { 0, };
  int size;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (batch->bytes >= self->max_bytes / 2)
    return FALSE;
  if (scale <= 0 || scale * extent > 1024)
    return TRUE;

  full_key_init (&order.key, key, scale, extent);
  if (g_hash_table_contains (self->entries, &order.key) || g_hash_table_contains (batch->keys, &order.key))
    return TRUE;

  order.paint = paint;
  order.data = g_memdup2 (data, data_size);
  g_array_append_val (batch->orders, order);
  g_hash_table_add (batch->keys, g_memdup2 (&order.key, sizeof order.key));
  size = image_size (order.key.extent / 4.0, order.key.scale / 64.0);
  batch->bytes += (gsize) size * size * 4 + sizeof (Entry);
  return TRUE;
}

/**
 * sb_symbol_batch_render:
 *
 * Renders every symbol of @self; in any thread, the batch the caller's
 * alone meanwhile. Stops early when @cancellable is cancelled.
 */
void
sb_symbol_batch_render (SbSymbolBatch *self,
                        GCancellable  *cancellable)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->orders->len; i++)
    {
      Order *order = &g_array_index (self->orders, Order, i);

      if (g_cancellable_is_cancelled (cancellable))
        return;
      if (order->surface == NULL)
        order->surface = render_image (order->key.scale / 64.0, order->key.extent / 4.0, order->paint, order->data);
    }
}

/**
 * sb_symbol_cache_take_batch:
 *
 * Keeps the images @batch rendered, as if painted now.
 */
void
sb_symbol_cache_take_batch (SbSymbolCache *self,
                            SbSymbolBatch *batch)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (batch != NULL);

  for (guint i = 0; i < batch->orders->len; i++)
    {
      Order *order = &g_array_index (batch->orders, Order, i);

      if (order->surface != NULL && !g_hash_table_contains (self->entries, &order->key))
        insert (self, &order->key, g_steal_pointer (&order->surface));
    }
  evict (self);
}
