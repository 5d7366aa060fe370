/* sb-extract-html.h
 *
 * The text of an HTML document, its paragraphs kept, and what its head
 * says of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-extract-text.h"

G_BEGIN_DECLS

SbExtract *sb_extract_from_html     (const char  *data,
                                     gsize        length,
                                     const char  *address,
                                     GError     **error);

G_END_DECLS
