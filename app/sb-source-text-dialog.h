/* sb-source-text-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sb-document.h"
#include "sb-source.h"

G_BEGIN_DECLS

#define SB_TYPE_SOURCE_TEXT_DIALOG (sb_source_text_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SbSourceTextDialog, sb_source_text_dialog, SB, SOURCE_TEXT_DIALOG, AdwWindow)

SbSourceTextDialog *sb_source_text_dialog_new   (GtkWindow          *parent,
                                                 SbDocument         *document,
                                                 SbSource           *source);
void                sb_source_text_dialog_set_text (SbSourceTextDialog *self,
                                                    const char         *text);
gboolean            sb_source_text_dialog_apply (SbSourceTextDialog *self);

GtkWidget          *sb_source_text_view_new     (void);

G_END_DECLS
