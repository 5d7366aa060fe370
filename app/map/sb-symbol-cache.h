/* sb-symbol-cache.h
 *
 * Symbols rendered once per look, size and scale and then only copied:
 * a map layer paints thousands in a frame. Bounded in bytes; the least
 * recently used go first. Bounded in time too: into a layer's recording,
 * symbols past the frame's time to render them are recorded as paths;
 * a layer that knows what it will draw has them rendered ahead, in a
 * worker thread, as a batch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* What makes one symbol look unlike another, packed by the caller. */
typedef struct
{
  guint64 look;
  guint64 detail;
} SbSymbolKey;

/* Paints the symbol centred on (@x, @y) in user space. */
typedef void (*SbSymbolPaintFunc) (cairo_t  *cr,
                                   double    x,
                                   double    y,
                                   gpointer  data);

typedef struct _SbSymbolCache SbSymbolCache;

SbSymbolCache *sb_symbol_cache_new        (gsize               max_bytes);
void           sb_symbol_cache_free       (SbSymbolCache      *self);
void           sb_symbol_cache_clear      (SbSymbolCache      *self);
gsize          sb_symbol_cache_get_bytes  (SbSymbolCache      *self);
guint          sb_symbol_cache_get_size   (SbSymbolCache      *self);
void           sb_symbol_cache_set_render_budget (SbSymbolCache *self,
                                                  gint64         budget_us);
void           sb_symbol_cache_paint      (SbSymbolCache      *self,
                                           cairo_t            *cr,
                                           const SbSymbolKey  *key,
                                           double              extent,
                                           double              x,
                                           double              y,
                                           SbSymbolPaintFunc   paint,
                                           gpointer            data);

/* Symbols missing from a cache, rendered in a worker thread before a
 * layer draws what needs them, so that drawing only copies images.
 */
typedef struct _SbSymbolBatch SbSymbolBatch;

SbSymbolBatch *sb_symbol_batch_new        (void);
void           sb_symbol_batch_free       (SbSymbolBatch      *self);
guint          sb_symbol_batch_get_size   (SbSymbolBatch      *self);
void           sb_symbol_batch_render     (SbSymbolBatch      *self,
                                           GCancellable       *cancellable);
gboolean       sb_symbol_cache_add_missing (SbSymbolCache     *self,
                                            SbSymbolBatch     *batch,
                                            const SbSymbolKey *key,
                                            double             scale,
                                            double             extent,
                                            SbSymbolPaintFunc  paint,
                                            gconstpointer      data,
                                            gsize              data_size);
void           sb_symbol_cache_take_batch (SbSymbolCache      *self,
                                           SbSymbolBatch      *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbSymbolCache, sb_symbol_cache_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbSymbolBatch, sb_symbol_batch_free)

G_END_DECLS
