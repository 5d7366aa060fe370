/* sb-map-arrows.h
 *
 * The arrows of movements, as the layout builds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-map-builder.h"

G_BEGIN_DECLS

void   _sb_map_arrows_collect   (SbMapBuilder          *builder,
                                 gboolean               stubs);

G_END_DECLS
