/* sb-add-source-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sb-document.h"
#include "sb-extract.h"

G_BEGIN_DECLS

#define SB_TYPE_ADD_SOURCE_DIALOG (sb_add_source_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SbAddSourceDialog, sb_add_source_dialog, SB, ADD_SOURCE_DIALOG, AdwWindow)

SbAddSourceDialog *sb_add_source_dialog_new          (GtkWindow         *parent,
                                                      SbDocument        *document);
void               sb_add_source_dialog_show_extract (SbAddSourceDialog *self,
                                                      const SbExtract   *extract);
void               sb_add_source_dialog_fetch        (SbAddSourceDialog *self,
                                                      const char        *address);
gboolean           sb_add_source_dialog_is_busy      (SbAddSourceDialog *self);

G_END_DECLS
