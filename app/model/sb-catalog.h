/* sb-catalog.h
 *
 * The app's translations into any language it has a catalogue for,
 * whatever the interface's: for texts a briefing keeps in each of its
 * languages (a Changes step's caption). No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *sb_catalog_gettext   (const char *language,
                                  const char *context,
                                  const char *msgid) G_GNUC_FORMAT (3);
const char *sb_catalog_ngettext  (const char *language,
                                  const char *context,
                                  const char *msgid,
                                  const char *msgid_plural,
                                  gulong      n) G_GNUC_FORMAT (3) G_GNUC_FORMAT (4);
gulong      sb_catalog_plural_eval (const char *expression,
                                    gulong      n);

G_END_DECLS
