/* sb-recovery.h
 *
 * Recovery copies: a few seconds after each change a document is written
 * to the user's state folder, and a crash or power loss costs at most
 * those seconds. The next start finds what was left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sb-document.h"

G_BEGIN_DECLS

#define SB_TYPE_RECOVERY (sb_recovery_get_type ())
#define SB_TYPE_RECOVERY_ENTRY (sb_recovery_entry_get_type ())

G_DECLARE_FINAL_TYPE (SbRecovery, sb_recovery, SB, RECOVERY, GObject)

typedef struct _SbRecoveryEntry SbRecoveryEntry;

GFile           *sb_recovery_get_default_directory (void);
SbRecovery      *sb_recovery_new               (SbDocument       *document,
                                                GFile            *directory,
                                                SbRecoveryEntry  *adopt);
void             sb_recovery_write_now         (SbRecovery       *self);
void             sb_recovery_discard           (SbRecovery       *self);
GFile           *sb_recovery_get_file          (SbRecovery       *self);

GPtrArray       *sb_recovery_list              (GFile            *directory);

GType            sb_recovery_entry_get_type    (void) G_GNUC_CONST;
SbRecoveryEntry *sb_recovery_entry_ref         (SbRecoveryEntry  *self);
void             sb_recovery_entry_unref       (SbRecoveryEntry  *self);
GFile           *sb_recovery_entry_get_copy    (SbRecoveryEntry  *self);
GFile           *sb_recovery_entry_get_origin  (SbRecoveryEntry  *self);
const char      *sb_recovery_entry_get_location (SbRecoveryEntry *self);
gboolean         sb_recovery_entry_get_imported (SbRecoveryEntry *self);
const char      *sb_recovery_entry_get_title   (SbRecoveryEntry  *self);
GDateTime       *sb_recovery_entry_get_written (SbRecoveryEntry  *self);
void             sb_recovery_entry_delete      (SbRecoveryEntry  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbRecoveryEntry, sb_recovery_entry_unref)

G_END_DECLS
