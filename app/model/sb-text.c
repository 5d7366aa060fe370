/* sb-text.c
 *
 * A text field in one or several languages, and the languages preferred.
 *
 * A text is kept as a short list of (language, string) pairs in the order
 * the file gave them, with the briefing's own language first when the
 * loader knows it; that order is the last fallback of a lookup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-text"

#include "config.h"

#include <string.h>

#include "sb-text.h"

/* Language codes are interned: a briefing has few, and texts by the million. */
typedef struct
{
  const char *language;
  char *string;
} SbTextEntry;

/* A text of one language, the usual case by far, is one block of its
 * language and, when copied in, its string: millions of statements have
 * texts.
 */
struct _SbText
{
  gatomicrefcount ref_count;
  guint n_entries : 30;
  guint is_inline : 1;     /* the one string is in the text's own block, at u */
  guint is_packed : 1;     /* entries and their strings are in the text's own block */
  const char *language;    /* the first entry's */
  union
  {
    char *string;          /* the one entry's string, unless inline */
    SbTextEntry *entries;  /* every entry, once there is more than one */
  } u;
};

#define INLINE_STRING(self) ((char *) &(self)->u)

G_DEFINE_BOXED_TYPE (SbText, sb_text, sb_text_ref, sb_text_unref)

static inline const char *
entry_language (const SbText *self,
                guint         i)
{
  return self->n_entries == 1 ? self->language : self->u.entries[i].language;
}

static inline const char *
entry_string (const SbText *self,
              guint         i)
{
  if (self->n_entries > 1)
    return self->u.entries[i].string;

  return self->is_inline ? INLINE_STRING (self) : self->u.string;
}

static char **preferred_languages;

SbText *
sb_text_new_take (const char *language,
                  char       *string)
{
  SbText *self;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (string != NULL, NULL);

  self = g_new (SbText, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_entries = 1;
  self->is_inline = FALSE;
  self->is_packed = FALSE;
  self->language = g_intern_string (language);
  self->u.string = string;

  return self;
}

SbText *
sb_text_new (const char *language,
             const char *string)
{
  SbText *self;
  gsize size;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (string != NULL, NULL);

  size = strlen (string) + 1;
  self = g_malloc (MAX (sizeof (SbText), G_STRUCT_OFFSET (SbText, u) + size));
  g_atomic_ref_count_init (&self->ref_count);
  self->n_entries = 1;
  self->is_inline = TRUE;
  self->is_packed = FALSE;
  self->language = g_intern_string (language);
  memcpy (INLINE_STRING (self), string, size);

  return self;
}

/**
 * sb_text_new_packed:
 * @n: how many languages, at least 2
 * @languages: their codes, all different
 * @strings: their strings, in the same order
 *
 * A text of several languages in one block with its strings, as the
 * loader reads them: a million statements have texts, many translated.
 */
SbText *
sb_text_new_packed (guint               n,
                    const char * const *languages,
                    const char * const *strings)
{
  gsize total = sizeof (SbText) + n * sizeof (SbTextEntry);
  SbTextEntry *entries;
  SbText *self;
  char *p;

  g_return_val_if_fail (n >= 2 && n < (1u << 30), NULL);

  for (guint i = 0; i < n; i++)
    total += strlen (strings[i]) + 1;

  self = g_malloc (total);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_entries = n;
  self->is_inline = FALSE;
  self->is_packed = TRUE;
  self->language = NULL;
  entries = (SbTextEntry *) (self + 1);
  p = (char *) (entries + n);
  for (guint i = 0; i < n; i++)
    {
      gsize size = strlen (strings[i]) + 1;

      entries[i].language = g_intern_string (languages[i]);
      entries[i].string = memcpy (p, strings[i], size);
      p += size;
    }
  self->u.entries = entries;

  return self;
}

/* The entries of a packed text in blocks of their own, so that they can
 * change.
 */
static void
unpack (SbText *self)
{
  SbTextEntry *entries = g_new (SbTextEntry, self->n_entries);

  for (guint i = 0; i < self->n_entries; i++)
    {
      entries[i].language = self->u.entries[i].language;
      entries[i].string = g_strdup (self->u.entries[i].string);
    }
  self->u.entries = entries;
  self->is_packed = FALSE;
}

/* The one string of @self as a block of its own, so that u can hold
 * another pointer.
 */
static char *
steal_single_string (SbText *self)
{
  g_assert (self->n_entries == 1);

  if (!self->is_inline)
    return self->u.string;

  self->is_inline = FALSE;
  return g_strdup (INLINE_STRING (self));
}

void
sb_text_add (SbText     *self,
             const char *language,
             const char *string)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (language != NULL);
  g_return_if_fail (string != NULL);

  if (self->is_packed)
    unpack (self);

  for (guint i = 0; i < self->n_entries; i++)
    {
      if (g_strcmp0 (entry_language (self, i), language) == 0)
        {
          if (self->n_entries == 1)
            {
              g_free (steal_single_string (self));
              self->u.string = g_strdup (string);
            }
          else
            {
              g_free (self->u.entries[i].string);
              self->u.entries[i].string = g_strdup (string);
            }
          return;
        }
    }

  if (self->n_entries == 1)
    {
      SbTextEntry *entries = g_new (SbTextEntry, 2);

      entries[0].language = self->language;
      entries[0].string = steal_single_string (self);
      self->u.entries = entries;
    }
  else
    self->u.entries = g_renew (SbTextEntry, self->u.entries, self->n_entries + 1);
  self->u.entries[self->n_entries].language = g_intern_string (language);
  self->u.entries[self->n_entries].string = g_strdup (string);
  self->n_entries++;
}

/**
 * sb_text_copy_with:
 * @self: (nullable): a text, which does not change
 * @string: (nullable): the string in @language; %NULL or empty to leave
 *   that language out
 *
 * Returns: (transfer full) (nullable): a new text like @self with
 *   @string in @language, in the same order of languages; %NULL when it
 *   has none left
 */
SbText *
sb_text_copy_with (SbText     *self,
                   const char *language,
                   const char *string)
{
  SbText *copy = NULL;
  gboolean added = FALSE;

  g_return_val_if_fail (language != NULL, NULL);

  if (string != NULL && *string == '\0')
    string = NULL;

  for (guint i = 0; self != NULL && i < self->n_entries; i++)
    {
      const char *this_language = entry_language (self, i);
      const char *this_string = entry_string (self, i);

      if (g_ascii_strcasecmp (this_language, language) == 0)
        {
          added = TRUE;
          if (string == NULL)
            continue;
          this_string = string;
        }

      if (copy == NULL)
        copy = sb_text_new (this_language, this_string);
      else
        sb_text_add (copy, this_language, this_string);
    }

  if (!added && string != NULL)
    {
      if (copy == NULL)
        copy = sb_text_new (language, string);
      else
        sb_text_add (copy, language, string);
    }

  return copy;
}

SbText *
sb_text_ref (SbText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sb_text_unref (SbText *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  if (self->n_entries == 1)
    {
      if (!self->is_inline)
        g_free (self->u.string);
    }
  else if (!self->is_packed)
    {
      for (guint i = 0; i < self->n_entries; i++)
        g_free (self->u.entries[i].string);
      g_free (self->u.entries);
    }
  g_free (self);
}

guint
sb_text_get_n_languages (SbText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_entries;
}

const char *
sb_text_get_language_at (SbText *self,
                         guint   position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->n_entries, NULL);

  return entry_language (self, position);
}

const char *
sb_text_get_string_at (SbText *self,
                       guint   position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->n_entries, NULL);

  return entry_string (self, position);
}

const char *
sb_text_get_for_language (SbText     *self,
                          const char *language)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  for (guint i = 0; i < self->n_entries; i++)
    if (g_ascii_strcasecmp (entry_language (self, i), language) == 0)
      return entry_string (self, i);

  return NULL;
}

/**
 * sb_language_same_primary:
 *
 * Returns: whether @a and @b are the same language: "pt-BR" and "pt"
 *   share the primary subtag "pt" (and "pt_BR", as locales write it)
 */
gboolean
sb_language_same_primary (const char *a,
                          const char *b)
{
  gsize a_len, b_len;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  a_len = strcspn (a, "-_");
  b_len = strcspn (b, "-_");

  return a_len == b_len && g_ascii_strncasecmp (a, b, a_len) == 0;
}

static int
find_language (SbText     *self,
               const char *language)
{
  for (guint i = 0; i < self->n_entries; i++)
    if (g_ascii_strcasecmp (entry_language (self, i), language) == 0)
      return i;

  for (guint i = 0; i < self->n_entries; i++)
    if (sb_language_same_primary (entry_language (self, i), language))
      return i;

  return -1;
}

/**
 * sb_text_lookup:
 * @languages: (nullable): the wanted languages, most wanted first
 * @chosen_language: (out) (optional): the language of the string returned
 *
 * Returns the string for the first of @languages the text has, else the
 * English one, else its first (the briefing's language where present).
 */
const char *
sb_text_lookup (SbText             *self,
                const char * const *languages,
                const char        **chosen_language)
{
  int found = -1;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; languages != NULL && languages[i] != NULL && found < 0; i++)
    found = find_language (self, languages[i]);

  if (found < 0)
    found = find_language (self, "en");

  if (found < 0)
    found = 0;

  if (chosen_language != NULL)
    *chosen_language = entry_language (self, found);

  return entry_string (self, found);
}

/**
 * sb_text_find:
 * @found_language: (out) (optional): the language of the string returned
 *
 * Returns: (nullable): the string in @language, or in a variant of it
 *   ("pt" for "pt-BR"); unlike sb_text_lookup(), no other
 */
const char *
sb_text_find (SbText      *self,
              const char  *language,
              const char **found_language)
{
  int found;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  found = find_language (self, language);
  if (found < 0)
    return NULL;

  if (found_language != NULL)
    *found_language = entry_language (self, found);
  return entry_string (self, found);
}

/**
 * sb_text_get_in:
 * @self: (nullable): a text
 * @languages: (nullable): the wanted languages, most wanted first: in a
 *   worker thread, a copy of the preferred ones taken beforehand
 *
 * Returns: (nullable): the string sb_text_lookup() chooses; %NULL when
 *   @self is %NULL
 */
const char *
sb_text_get_in (SbText             *self,
                const char * const *languages)
{
  if (self == NULL)
    return NULL;

  return sb_text_lookup (self, languages, NULL);
}

/**
 * sb_text_get:
 * @self: (nullable): a text
 *
 * Returns: (nullable): the string in the preferred languages; in the
 *   main thread only, since they may change there
 */
const char *
sb_text_get (SbText *self)
{
  return sb_text_get_in (self, sb_text_get_preferred_languages ());
}

gboolean
sb_text_equal (SbText *a,
               SbText *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->n_entries != b->n_entries)
    return FALSE;

  for (guint i = 0; i < a->n_entries; i++)
    {
      const char *other = sb_text_get_for_language (b, entry_language (a, i));

      if (g_strcmp0 (other, entry_string (a, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
sb_text_contains_casefold (SbText     *self,
                           const char *casefolded_needle)
{
  g_return_val_if_fail (casefolded_needle != NULL, FALSE);

  if (self == NULL)
    return FALSE;

  for (guint i = 0; i < self->n_entries; i++)
    {
      g_autofree char *folded = g_utf8_casefold (entry_string (self, i), -1);

      if (strstr (folded, casefolded_needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Turns g_get_language_names() ("nl_NL.UTF-8", "nl_NL", "nl", "C") into
 * language tags ("nl-NL", "nl").
 */
static char **
languages_from_locale (void)
{
  const char * const *names = g_get_language_names ();
  GPtrArray *tags = g_ptr_array_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      char *tag;

      if (strchr (names[i], '.') != NULL || strchr (names[i], '@') != NULL)
        continue;
      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        continue;

      tag = g_strdelimit (g_strdup (names[i]), "_", '-');
      g_ptr_array_add (tags, tag);
    }

  g_ptr_array_add (tags, NULL);
  return (char **) g_ptr_array_free (tags, FALSE);
}

/**
 * sb_text_set_preferred_languages:
 * @languages: (nullable): language tags, or %NULL for the user's locale
 *
 * Sets the languages text is shown in, for briefings presented in another
 * language than the desktop's.
 */
void
sb_text_set_preferred_languages (const char * const *languages)
{
  g_clear_pointer (&preferred_languages, g_strfreev);

  if (languages != NULL)
    preferred_languages = g_strdupv ((char **) languages);
}

const char * const *
sb_text_get_preferred_languages (void)
{
  if (preferred_languages == NULL)
    preferred_languages = languages_from_locale ();

  return (const char * const *) preferred_languages;
}

gboolean
sb_language_code_is_valid (const char *code)
{
  const char *p = code;
  gsize len;

  g_return_val_if_fail (code != NULL, FALSE);

  len = strspn (p, "abcdefghijklmnopqrstuvwxyz");
  if (len < 2 || len > 3)
    return FALSE;
  p += len;

  while (*p == '-')
    {
      p++;
      len = strspn (p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
      if (len < 2 || len > 8)
        return FALSE;
      p += len;
    }

  return *p == '\0';
}
