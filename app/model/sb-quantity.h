/* sb-quantity.h
 *
 * A count as a source gives it: exact, approximate ("zo'n duizend") or a
 * range ("300 tot 400").
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double min;
  double max;              /* equal to min unless is_range */
  guint is_set : 1;
  guint is_range : 1;
  guint approximate : 1;
} SbQuantity;

static inline gboolean
sb_quantity_is_set (const SbQuantity *quantity)
{
  return quantity != NULL && quantity->is_set;
}

/* A single number to size symbols and sort by: the middle of a range. */
static inline double
sb_quantity_get_typical (const SbQuantity *quantity)
{
  return quantity->is_set ? (quantity->min + quantity->max) / 2.0 : 0.0;
}

static inline gboolean
sb_quantity_equal (const SbQuantity *a,
                   const SbQuantity *b)
{
  if (!a->is_set || !b->is_set)
    return a->is_set == b->is_set;

  return a->min == b->min && a->max == b->max &&
         a->is_range == b->is_range && a->approximate == b->approximate;
}

G_END_DECLS
