/* sb-extract-pdf.h
 *
 * The text of a PDF document and what its metadata says of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-extract-text.h"

G_BEGIN_DECLS

SbExtract *sb_extract_from_pdf      (GBytes      *bytes,
                                     GError     **error);

G_END_DECLS
