/* sb-name-match.c
 *
 * Names are compared as sequences of folded words: letters and digits
 * without their accents, case-folded; whatever lies between words
 * (spaces, hyphens, ’ or ') does not count. Offsets found are those of the
 * text as given, so a quote taken from them is verbatim.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-name-match"

#include "config.h"

#include <string.h>

#include "sb-name-match.h"

typedef struct
{
  char **words;            /* folded */
  char **exact;            /* as written, for acronyms ("IS", not "is"); nullable */
  guint n_words;
  gpointer data;
} Name;

struct _SbNameMatcher
{
  GHashTable *by_first;    /* first folded word → GPtrArray of Name */
  gboolean capitalised;
  guint n_names;
};

typedef struct
{
  gsize start;
  gsize end;
  char *folded;
  gboolean capital;
} Word;

static char *
fold_word (const char *word,
           gssize      length)
{
  g_autofree char *decomposed = g_utf8_normalize (word, length, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);

  if (decomposed == NULL)
    return g_strdup ("");

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, bare->len);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK;
}

/* The words of @text with their byte offsets in it. */
static GArray *
split_words (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return words;

  while (*p)
    {
      const char *start;

      while (*p && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      g_array_append_val (words, ((Word) {
        .start = start - text,
        .end = p - text,
        .folded = fold_word (start, p - start),
        .capital = g_unichar_isupper (g_utf8_get_char (start)) || g_unichar_istitle (g_utf8_get_char (start)),
      }));
    }
  return words;
}

static void
free_words (GArray *words)
{
  for (guint i = 0; i < words->len; i++)
    g_free (g_array_index (words, Word, i).folded);
  g_array_unref (words);
}

/**
 * sb_name_fold:
 *
 * Returns: (transfer full): @text's words, folded, joined by single
 *   spaces: "Côte d’Ivoire" gives "cote d ivoire"
 */
char *
sb_name_fold (const char *text)
{
  GArray *words = split_words (text);
  GString *folded = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append_c (folded, ' ');
      g_string_append (folded, g_array_index (words, Word, i).folded);
    }
  free_words (words);
  return g_string_free (folded, FALSE);
}

static void
free_name (Name *name)
{
  g_strfreev (name->words);
  g_strfreev (name->exact);
  g_free (name);
}

/**
 * sb_name_matcher_new:
 * @capitalised: whether a name is only found where its first word starts
 *   with a capital letter in the text (place names: "Bol" the town, not
 *   "bol" the Dutch word)
 */
SbNameMatcher *
sb_name_matcher_new (gboolean capitalised)
{
  SbNameMatcher *self = g_new0 (SbNameMatcher, 1);

  self->by_first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->capitalised = capitalised;
  return self;
}

/* "IS", "UN", "FAMa": found only as written, or every Dutch "is" would
 * be the Islamic State.
 */
static gboolean
is_acronym (const char *name)
{
  guint upper = 0;
  guint lower = 0;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      upper += g_unichar_isupper (c);
      lower += g_unichar_islower (c);
    }
  return upper >= 2 && upper > lower;
}

/**
 * sb_name_matcher_add:
 *
 * Adds a name to find. When two names are the same words, the one added
 * first is found.
 */
void
sb_name_matcher_add (SbNameMatcher *self,
                     const char    *name,
                     gpointer       data)
{
  GArray *words;
  GPtrArray *names;
  Name *entry;

  g_return_if_fail (self != NULL);

  if (name == NULL)
    return;
  words = split_words (name);
  if (words->len == 0)
    {
      free_words (words);
      return;
    }

  entry = g_new0 (Name, 1);
  entry->n_words = words->len;
  entry->words = g_new0 (char *, words->len + 1);
  for (guint i = 0; i < words->len; i++)
    entry->words[i] = g_strdup (g_array_index (words, Word, i).folded);
  entry->data = data;
  if (is_acronym (name))
    {
      entry->exact = g_new0 (char *, words->len + 1);
      for (guint i = 0; i < words->len; i++)
        entry->exact[i] = g_strndup (name + g_array_index (words, Word, i).start,
                                     g_array_index (words, Word, i).end - g_array_index (words, Word, i).start);
    }

  names = g_hash_table_lookup (self->by_first, entry->words[0]);
  if (names == NULL)
    {
      names = g_ptr_array_new_with_free_func ((GDestroyNotify) free_name);
      g_hash_table_insert (self->by_first, g_strdup (entry->words[0]), names);
    }
  g_ptr_array_add (names, entry);
  self->n_names++;
  free_words (words);
}

guint
sb_name_matcher_get_n_names (SbNameMatcher *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_names;
}

static gboolean
name_matches (const Name *name,
              const char *text,
              GArray     *words,
              guint       at)
{
  if (at + name->n_words > words->len)
    return FALSE;
  for (guint i = 0; i < name->n_words; i++)
    {
      Word *word = &g_array_index (words, Word, at + i);

      if (g_strcmp0 (name->words[i], word->folded) != 0)
        return FALSE;
      if (name->exact != NULL &&
          (strlen (name->exact[i]) != word->end - word->start ||
           strncmp (name->exact[i], text + word->start, word->end - word->start) != 0))
        return FALSE;
    }
  return TRUE;
}

/* Words that name a place only as part of a longer name ("Western
 * Region", "Centre-Nord"); alone they are adjectives or directions ("a
 * Western diplomat", "le nord du pays").
 */
static const char * const only_in_longer_names[] = {
  "western", "eastern", "northern", "southern", "central", "north", "south", "east", "west", "upper", "lower",
  "centre", "center", "nord", "sud", "est", "ouest", "noord", "zuid", "oost", "midden", NULL
};

/* Where the sentence or line starts before byte @at (a word's start). */
static gboolean
starts_sentence (const char *text,
                 gsize       at)
{
  const char *p = text + at;

  while (p > text)
    {
      gunichar c;

      p = g_utf8_find_prev_char (text, p);
      c = g_utf8_get_char (p);
      if (c == ' ' || c == 0xa0 || c == '\t')
        continue;
      return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == 0x201c ||
             c == 0xab || c == '(' || c == 0x2014 || c == 0x2013;
    }
  return TRUE;
}

/* A line written in title case, as headlines are: every word but the small
 * ones capitalised ("Army Retakes Kidal From Rebels").
 */
static gboolean
in_title_case_line (const char *text,
                    GArray     *words,
                    guint       i)
{
  guint first = i, last = i, capitals = 0;

  while (first > 0 && !memchr (text + g_array_index (words, Word, first - 1).end, '\n',
                               g_array_index (words, Word, first).start - g_array_index (words, Word, first - 1).end))
    first--;
  while (last + 1 < words->len && !memchr (text + g_array_index (words, Word, last).end, '\n',
                                          g_array_index (words, Word, last + 1).start - g_array_index (words, Word, last).end))
    last++;
  for (guint k = first; k <= last; k++)
    capitals += g_array_index (words, Word, k).capital;
  return last - first + 1 >= 3 && capitals * 4 >= (last - first + 1) * 3;
}

/* A place's name that is only part of a longer proper noun: "Lake Chad",
 * "Islamic State Sahel Province" (a capitalised word just before it, not
 * the first of a sentence or a headline's); or a word like "Western" on
 * its own.
 */
static gboolean
part_of_longer_name (const char *text,
                     GArray     *words,
                     guint       i,
                     guint       n_words)
{
  Word *word = &g_array_index (words, Word, i);
  Word *previous = i > 0 ? &g_array_index (words, Word, i - 1) : NULL;

  if (n_words == 1 && g_strv_contains (only_in_longer_names, word->folded))
    return TRUE;
  if (previous == NULL || !previous->capital)
    return FALSE;
  /* Only spaces between: "Mali, Niger" are two names. */
  for (gsize k = previous->end; k < word->start; k++)
    if (text[k] != ' ')
      return FALSE;
  return !starts_sentence (text, previous->start) && !in_title_case_line (text, words, i);
}

/**
 * sb_name_matcher_find:
 *
 * Returns: (transfer full) (element-type SbNameMatch): where names occur
 *   in @text, in order, never overlapping; the longest name wins where
 *   several start at one word
 */
GArray *
sb_name_matcher_find (SbNameMatcher *self,
                      const char    *text)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (SbNameMatch));
  GArray *words;
  guint i = 0;

  g_return_val_if_fail (self != NULL, matches);

  words = split_words (text);
  while (i < words->len)
    {
      Word *word = &g_array_index (words, Word, i);
      GPtrArray *names = g_hash_table_lookup (self->by_first, word->folded);
      const Name *best = NULL;

      if (names != NULL && (word->capital || !self->capitalised))
        for (guint n = 0; n < names->len; n++)
          {
            const Name *name = g_ptr_array_index (names, n);

            if ((best == NULL || name->n_words > best->n_words) && name_matches (name, text, words, i))
              best = name;
          }

      if (best == NULL || (self->capitalised && part_of_longer_name (text, words, i, best->n_words)))
        {
          i++;
          continue;
        }
      g_array_append_val (matches, ((SbNameMatch) {
        .start = word->start,
        .end = g_array_index (words, Word, i + best->n_words - 1).end,
        .data = best->data,
      }));
      i += best->n_words;
    }
  free_words (words);
  return matches;
}

void
sb_name_matcher_free (SbNameMatcher *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_first);
  g_free (self);
}
