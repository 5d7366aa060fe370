/* sb-name-match.h
 *
 * Finding names in a text the way a reader does: word by word, whatever
 * the accents, case and apostrophes ("Ménaka", "MENAKA", "N’Djamena").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SbNameMatcher SbNameMatcher;

typedef struct
{
  gsize start;             /* byte offsets in the text searched */
  gsize end;
  gpointer data;           /* what the name was added with */
} SbNameMatch;

char          *sb_name_fold          (const char    *text);
SbNameMatcher *sb_name_matcher_new   (gboolean       capitalised);
void           sb_name_matcher_add   (SbNameMatcher *self,
                                      const char    *name,
                                      gpointer       data);
guint          sb_name_matcher_get_n_names (SbNameMatcher *self);
GArray        *sb_name_matcher_find  (SbNameMatcher *self,
                                      const char    *text);
void           sb_name_matcher_free  (SbNameMatcher *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbNameMatcher, sb_name_matcher_free)

G_END_DECLS
