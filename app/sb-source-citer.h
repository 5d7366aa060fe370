/* sb-source-citer.h
 *
 * Citing from the source pane: Cite over a selected passage, in its
 * context menu and by key, and the names of places and actors it
 * recognises, each offering to cite the sentence around it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-document.h"
#include "sb-selection.h"
#include "sb-source.h"

G_BEGIN_DECLS

#define SB_TYPE_SOURCE_CITER (sb_source_citer_get_type ())

G_DECLARE_FINAL_TYPE (SbSourceCiter, sb_source_citer, SB, SOURCE_CITER, GObject)

SbSourceCiter *sb_source_citer_new          (GtkTextView   *view,
                                             SbSelection   *selection);
void           sb_source_citer_set_document (SbSourceCiter *self,
                                             SbDocument    *document);
void           sb_source_citer_set_source   (SbSourceCiter *self,
                                             SbSource      *source);
gboolean       sb_source_citer_open_menu    (SbSourceCiter *self);
guint          sb_source_citer_get_n_marks  (SbSourceCiter *self);
GMenuModel    *sb_source_citer_get_menu     (SbSourceCiter *self);
gboolean       sb_source_citer_offer_mark   (SbSourceCiter *self,
                                             guint          position);
void           sb_source_citer_shutdown     (SbSourceCiter *self);

G_END_DECLS
