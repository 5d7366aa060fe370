/* sb-document.h
 *
 * One open briefing as something being made: the briefing, where it came
 * from, its undo history and whether it has unsaved changes. Every change
 * of the briefing goes through sb_document_apply(). No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sb-briefing.h"
#include "sb-checker.h"
#include "sb-edit.h"
#include "sb-save-target.h"
#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_DOCUMENT (sb_document_get_type ())

G_DECLARE_FINAL_TYPE (SbDocument, sb_document, SB, DOCUMENT, GObject)

SbDocument  *sb_document_new                (SbBriefing   *briefing);
SbDocument  *sb_document_new_checked        (SbBriefing   *briefing);
SbBriefing  *sb_document_get_briefing       (SbDocument   *self);
GFile       *sb_document_get_file           (SbDocument   *self);
void         sb_document_set_file           (SbDocument   *self,
                                             GFile        *file);
const char  *sb_document_get_location       (SbDocument   *self);
void         sb_document_set_location       (SbDocument   *self,
                                             const char   *uri,
                                             const char   *etag,
                                             const char   *last_modified);
const char  *sb_document_get_etag           (SbDocument   *self);
const char  *sb_document_get_last_modified  (SbDocument   *self);
gboolean     sb_document_get_imported       (SbDocument   *self);
void         sb_document_set_imported       (SbDocument   *self,
                                             gboolean      imported);
char        *sb_document_dup_name           (SbDocument   *self);
void         sb_document_set_selection      (SbDocument   *self,
                                             SbSelection  *selection);

gboolean     sb_document_apply              (SbDocument   *self,
                                             SbEdit       *edit,
                                             GError      **error);
void         sb_document_begin_group        (SbDocument   *self,
                                             const char   *label);
void         sb_document_end_group          (SbDocument   *self);
void         sb_document_break_coalescing   (SbDocument   *self);
gboolean     sb_document_can_undo           (SbDocument   *self);
gboolean     sb_document_can_redo           (SbDocument   *self);
const char  *sb_document_get_undo_label     (SbDocument   *self);
const char  *sb_document_get_redo_label     (SbDocument   *self);
gboolean     sb_document_undo               (SbDocument   *self);
gboolean     sb_document_redo               (SbDocument   *self);

guint64      sb_document_get_revision       (SbDocument   *self);
gboolean     sb_document_get_modified       (SbDocument   *self);
void         sb_document_mark_saved         (SbDocument   *self,
                                             guint64       revision);
SbChecker   *sb_document_get_checker        (SbDocument   *self);

void         sb_document_save_to_async      (SbDocument          *self,
                                             SbSaveTarget        *target,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
void         sb_document_save_async         (SbDocument          *self,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     sb_document_save_finish        (SbDocument          *self,
                                             GAsyncResult        *result,
                                             guint               *n_problems,
                                             GError             **error);
gboolean     sb_document_write_file         (SbBriefing          *snapshot,
                                             GFile               *file,
                                             guint               *n_problems,
                                             GCancellable        *cancellable,
                                             GError             **error);

G_END_DECLS
