/* sb-symbol-cache.h
 *
 * Symbols rendered once per look, size and scale and then only copied:
 * a map layer paints thousands in a frame. Bounded in bytes; the least
 * recently used go first. Bounded in time too: into a layer's recording,
 * symbols past the frame's time to render them are recorded as paths.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbSymbolCache, sb_symbol_cache_free)

G_END_DECLS
