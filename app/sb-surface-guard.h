/* sb-surface-guard.h
 *
 * Keeps a window's surface from calling the window back once the window
 * is gone: see sb-surface-guard.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sb_surface_guard_install (void);

G_END_DECLS
