/* sb-toast.h
 *
 * Toasts whose text is shown as it is: libadwaita reads a toast's title
 * as markup, and file names and addresses may hold "&" or "<".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *sb_toast_new_plain (const char *text);

G_END_DECLS
