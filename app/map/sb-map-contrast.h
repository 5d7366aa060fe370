/* sb-map-contrast.h
 *
 * Whether an actor's colour stands out on the map: WCAG's 3:1 for
 * graphics against the land and the sea, and a colour near it that does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SB_MAP_MIN_CONTRAST 3.0

double   sb_colour_contrast     (const double *a,
                                 const double *b);
gboolean sb_map_colour_check    (guint32       colour,
                                 gboolean      dark,
                                 double       *worst_contrast,
                                 guint32      *suggestion);

G_END_DECLS
