/* sb-text.h
 *
 * A text field of a briefing: one string, or translations keyed by
 * language code.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SB_TYPE_TEXT (sb_text_get_type ())

typedef struct _SbText SbText;

GType        sb_text_get_type                (void) G_GNUC_CONST;
SbText      *sb_text_new                     (const char         *language,
                                              const char         *string);
SbText      *sb_text_new_take                (const char         *language,
                                              char               *string);
SbText      *sb_text_new_packed              (guint               n,
                                              const char * const *languages,
                                              const char * const *strings);
void         sb_text_add                     (SbText             *self,
                                              const char         *language,
                                              const char         *string);
SbText      *sb_text_copy_with               (SbText             *self,
                                              const char         *language,
                                              const char         *string);
SbText      *sb_text_ref                     (SbText             *self);
void         sb_text_unref                   (SbText             *self);
guint        sb_text_get_n_languages         (SbText             *self);
const char  *sb_text_get_language_at         (SbText             *self,
                                              guint               position);
const char  *sb_text_get_string_at           (SbText             *self,
                                              guint               position);
const char  *sb_text_get_for_language        (SbText             *self,
                                              const char         *language);
const char  *sb_text_lookup                  (SbText             *self,
                                              const char * const *languages,
                                              const char        **chosen_language);
const char  *sb_text_find                    (SbText             *self,
                                              const char         *language,
                                              const char        **found_language);
const char  *sb_text_get                     (SbText             *self);
const char  *sb_text_get_in                  (SbText             *self,
                                              const char * const *languages);
gboolean     sb_text_equal                   (SbText             *a,
                                              SbText             *b);
gboolean     sb_text_contains_casefold       (SbText             *self,
                                              const char         *casefolded_needle);

void                sb_text_set_preferred_languages (const char * const *languages);
const char * const *sb_text_get_preferred_languages (void);
gboolean            sb_language_code_is_valid       (const char         *code);
gboolean            sb_language_same_primary        (const char         *a,
                                                     const char         *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbText, sb_text_unref)

G_END_DECLS
