/* sb-extract.h
 *
 * What a document says of itself and its text, for Add Source: the text
 * of a pasted passage, a .txt, .html or .pdf file, or a web page, with
 * its title, publisher, author, date, language and address where the
 * document gives them. The text is as a source keeps it: paragraphs
 * separated by one blank line, no white space at the ends of lines.
 *
 * Links GLib, libxml2, poppler-glib and libsoup: no GTK, so its tests
 * need no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-extract-html.h"
#include "sb-extract-pdf.h"
#include "sb-extract-text.h"

G_BEGIN_DECLS

SbExtract *sb_extract_from_bytes    (GBytes      *bytes,
                                     const char  *content_type,
                                     const char  *name,
                                     const char  *address,
                                     GError     **error);
SbExtract *sb_extract_from_file     (GFile       *file,
                                     GCancellable *cancellable,
                                     GError     **error);

G_END_DECLS
