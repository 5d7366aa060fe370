/* sb-toast.c
 *
 * Toasts whose text is shown as it is, never read as markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-toast"

#include "config.h"

#include "sb-toast.h"

/**
 * sb_toast_new_plain:
 * @text: the message, not markup
 *
 * Returns: (transfer floating): a toast that shows @text as it is
 */
AdwToast *
sb_toast_new_plain (const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  escaped = g_markup_escape_text (text, -1);
  return adw_toast_new (escaped);
}
