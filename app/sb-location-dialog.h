/* sb-location-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWindow *sb_location_dialog_new (GtkWindow          *parent,
                                   const char * const *recent_locations);

G_END_DECLS
