/* sb-figure.h
 *
 * A number with its date and source: strength, people displaced, …
 */

#pragma once

#include "sb-citation.h"
#include "sb-date.h"
#include "sb-quantity.h"
#include "sb-text.h"

G_BEGIN_DECLS

/* Read-only once in a briefing: an edit replaces the array of figures. */
typedef struct
{
  SbFigureMeasure measure;
  SbText *label;           /* nullable */
  SbQuantity value;
  SbDate as_of;
  SbEvidence evidence;
} SbFigure;

SbFigure *sb_figure_new   (void);
SbFigure *sb_figure_copy  (const SbFigure *self);
void      sb_figure_free  (SbFigure       *self);
gboolean  sb_figure_equal (const SbFigure *a,
                           const SbFigure *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbFigure, sb_figure_free)

G_END_DECLS
