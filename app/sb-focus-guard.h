/* sb-focus-guard.h
 *
 * Keeps a window from holding the keyboard focus on a widget that has
 * left it: see sb-focus-guard.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sb_focus_guard_attach (GtkWindow *window);

G_END_DECLS
