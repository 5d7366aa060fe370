/* sb-ucdp.h
 *
 * Imports UCDP's Georeferenced Event Dataset (GED), as UCDP publishes it
 * in CSV, as a briefing: every event becomes an incident with its date
 * span, where it is known to (where_prec), the fatality estimate as a
 * range with the best estimate beside it, the two sides as actors and the
 * sources by name. docs/ucdp-import.md has the full table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sb-briefing.h"
#include "sb-problem.h"

G_BEGIN_DECLS

SbBriefing *sb_ucdp_import_file (GFile         *file,
                                 GCancellable  *cancellable,
                                 GPtrArray    **problems);

G_END_DECLS
