/* sb-cite-dateline.h
 *
 * The dateline a news article's first paragraph starts with ("BAMAKO,
 * 15 November 2023 (Reuters) — "), and the line under a headline that is
 * only its date ("Wednesday 15 November 2023"): what a passage quoted
 * leaves out, and where a source's date and publisher are read when the
 * document gives no other. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-date.h"

G_BEGIN_DECLS

gsize     sb_cite_dateline   (const char   *paragraph,
                              const SbDate *reference,
                              SbDate       *date);
char     *sb_cite_dateline_agency (const char *paragraph);
gboolean  sb_cite_date_line  (const char   *line,
                              SbDate       *date);

G_END_DECLS
