/* sb-importer.h
 *
 * Makes one briefing from one or several data files: ACLED exports and
 * UCDP GED releases (CSV) and GeoJSON. Every file adds to the same
 * briefing: actors are merged by name, places by name and position,
 * sources by title, so that a week's ACLED export and a GED release, or
 * a boundaries file and an event file, become one briefing.
 * sb-import-file.h reads the files into it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sb-briefing.h"

G_BEGIN_DECLS

typedef struct _SbImporter SbImporter;

SbImporter      *sb_importer_new                (void);
void             sb_importer_free               (SbImporter     *self);
void             sb_importer_set_name_property  (SbImporter     *self,
                                                 const char     *key);
SbBriefing      *sb_importer_finish             (SbImporter     *self,
                                                 const char     *title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbImporter, sb_importer_free)

G_END_DECLS
