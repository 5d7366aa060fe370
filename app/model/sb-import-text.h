/* sb-import-text.h
 *
 * Text as data files hold it: white space, numbers, Windows-1252, and
 * the English texts of a briefing made from them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sb-text.h"

G_BEGIN_DECLS

SbText      *_sb_import_text_new             (const char    *string);
SbText      *_sb_import_text_new_take        (char          *string);
char        *_sb_import_strip                (char          *string);
gboolean     _sb_import_is_blank             (const char    *string);
gboolean     _sb_import_parse_number         (const char    *value,
                                              double        *number);
void         _sb_import_append_windows_1252  (GString       *out,
                                              const char    *data,
                                              gsize          length);
char        *_sb_import_windows_1252_to_utf8 (const char    *data,
                                              gsize          length,
                                              gsize         *out_length);

G_END_DECLS
