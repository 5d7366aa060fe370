/* sb-figure.c
 *
 * A figure of an actor: a number with its date and its source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-figure"

#include "config.h"

#include "sb-figure.h"

SbFigure *
sb_figure_new (void)
{
  return g_new0 (SbFigure, 1);
}

/**
 * sb_figure_copy:
 *
 * Returns: (transfer full): a figure equal to @self, to change before it
 *   takes the place of @self through an edit
 */
SbFigure *
sb_figure_copy (const SbFigure *self)
{
  SbFigure *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  if (copy->label != NULL)
    sb_text_ref (copy->label);
  if (copy->evidence.citations != NULL)
    g_ptr_array_ref (copy->evidence.citations);

  return copy;
}

void
sb_figure_free (SbFigure *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->label, sb_text_unref);
  sb_evidence_clear (&self->evidence);
  g_free (self);
}

gboolean
sb_figure_equal (const SbFigure *a,
                 const SbFigure *b)
{
  return a->measure == b->measure &&
         sb_text_equal (a->label, b->label) &&
         sb_quantity_equal (&a->value, &b->value) &&
         sb_date_equal (&a->as_of, &b->as_of) &&
         sb_evidence_equal (&a->evidence, &b->evidence);
}
