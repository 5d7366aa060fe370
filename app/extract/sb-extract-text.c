/* sb-extract-text.c
 *
 * What every reader of a document gives back, and plain text: the text
 * tidied as a source keeps it, and dates as documents write them. The
 * HTML and PDF readers build on it; sb-extract.c chooses among them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-extract-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sb-cite-dateline.h"
#include "sb-extract-text.h"
#include "sb-import-text.h"

G_DEFINE_QUARK (sb-extract-error-quark, sb_extract_error)

SbExtract *
sb_extract_new (void)
{
  return g_new0 (SbExtract, 1);
}

void
sb_extract_free (SbExtract *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->publisher);
  g_free (self->author);
  g_free (self->language);
  g_free (self->url);
  g_free (self->text);
  g_free (self);
}

/**
 * sb_extract_tidy_text:
 * @text: UTF-8 text, with lines ending as they may
 *
 * Returns: (transfer full): @text as a source keeps it: lines ending in
 *   "\n" without white space before it, control characters other than
 *   tabs left out, paragraphs separated by exactly one blank line, none
 *   at the start or the end
 */
char *
sb_extract_tidy_text (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) normal = g_string_new (text);
  gboolean blank_pending = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  g_string_replace (normal, "\r\n", "\n", 0);
  g_string_replace (normal, "\r", "\n", 0);
  /* Line and paragraph separators, and form feeds between PDF pages. */
  g_string_replace (normal, "\xe2\x80\xa8", "\n", 0);
  g_string_replace (normal, "\xe2\x80\xa9", "\n\n", 0);
  g_string_replace (normal, "\f", "\n\n", 0);
  /* A byte-order mark says nothing. */
  g_string_replace (normal, "\xef\xbb\xbf", "", 0);

  lines = g_strsplit (normal->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (const char *p = lines[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == '\t' || !g_unichar_iscntrl (c))
            g_string_append_unichar (line, c);
        }

      /* White space at the ends of the line, non-breaking too. */
      while (line->len > 0)
        {
          const char *last = g_utf8_find_prev_char (line->str, line->str + line->len);

          if (!g_unichar_isspace (g_utf8_get_char (last)))
            break;
          g_string_truncate (line, last - line->str);
        }

      if (line->len == 0)
        {
          blank_pending = out->len > 0;
          continue;
        }

      if (out->len > 0)
        g_string_append (out, blank_pending ? "\n\n" : "\n");
      blank_pending = FALSE;
      g_string_append (out, line->str);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sb_extract_parse_date:
 * @string: a date as documents write them: "2022-08-15T09:30:00+02:00",
 *   "2022-08-15", "2022-08" or "2022"
 * @date: (out): the date, with the precision @string gives
 *
 * Returns: whether @string is such a date
 */
gboolean
sb_extract_parse_date (const char *string,
                       SbDate     *date)
{
  g_autofree char *copy = NULL;
  static const gsize lengths[] = { 10, 7, 4 };

  g_return_val_if_fail (date != NULL, FALSE);

  memset (date, 0, sizeof *date);
  if (string == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (string));
  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      char c = strlen (copy) > lengths[i] ? copy[lengths[i]] : '\0';
      g_autofree char *head = NULL;

      if (strlen (copy) < lengths[i] || (c != '\0' && c != 'T' && c != ' ' && c != 't'))
        continue;
      head = g_strndup (copy, lengths[i]);
      if (sb_calendar_date_parse (head, &date->start))
        return TRUE;
    }

  memset (date, 0, sizeof *date);
  return FALSE;
}

/* How far into a text its date is looked for: the headline, a line or
 * two under it, the first paragraph's dateline.
 */
#define DATE_LINES 10
/* A line this long is the story's: the date comes before it. */
#define STORY_LINE_CHARS 200

/**
 * sb_extract_text_date:
 * @text: text as sb_extract_tidy_text() gives it
 * @today: (nullable): the day the text is read, for a dateline without
 *   its year ("NIAMEY, Nov 15 (Reuters) -"): the latest such day before it
 * @date: (out): the date, with the precision the text gives
 *
 * The date an article's text gives at its start: a line under its
 * headline that is only a date ("Wednesday 15 November 2023"), or the
 * dateline its first paragraph starts with ("BAMAKO, 15 November 2023
 * (Reuters) —", "Bamako, le 15 novembre 2023 –").
 *
 * Returns: whether it gives one
 */
gboolean
sb_extract_text_date (const char   *text,
                      const SbDate *today,
                      SbDate       *date)
{
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (date != NULL, FALSE);

  memset (date, 0, sizeof *date);
  if (text == NULL)
    return FALSE;
  lines = g_strsplit (text, "\n", DATE_LINES + 1);
  for (guint i = 0; lines[i] != NULL && i < DATE_LINES; i++)
    {
      if (*lines[i] == '\0')
        continue;
      if (sb_cite_date_line (lines[i], date))
        return TRUE;
      if (sb_cite_dateline (lines[i], today, date) > 0 && sb_date_is_set (date))
        return TRUE;
      if (g_utf8_strlen (lines[i], -1) > STORY_LINE_CHARS)
        break;
    }
  memset (date, 0, sizeof *date);
  return FALSE;
}

/**
 * sb_extract_read_text_date:
 *
 * Where the document says no date of itself, the one its text gives
 * (sb_extract_text_date()), a dateline without its year read in the
 * latest year that puts it before today.
 */
void
sb_extract_read_text_date (SbExtract *extract)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  SbDate today = { { 0, }, };

  g_return_if_fail (extract != NULL);

  if (sb_date_is_set (&extract->date))
    return;
  today.start.year = g_date_time_get_year (now);
  today.start.month = g_date_time_get_month (now);
  today.start.day = g_date_time_get_day_of_month (now);
  today.start.precision = SB_DATE_PRECISION_DAY;
  sb_extract_text_date (extract->text, &today, &extract->date);
}

/**
 * sb_extract_text_publisher:
 * @text: text as sb_extract_tidy_text() gives it
 *
 * The agency or publisher the dateline of an article's first paragraph
 * names: "Reuters" in "NIAMEY, Nov 15 (Reuters) -", "Sahel Wire" in
 * "NIAMEY, 15 Nov (Sahel Wire) —".
 *
 * Returns: (transfer full) (nullable): its name, or %NULL
 */
char *
sb_extract_text_publisher (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return NULL;
  lines = g_strsplit (text, "\n", DATE_LINES + 1);
  for (guint i = 0; lines[i] != NULL && i < DATE_LINES; i++)
    {
      char *agency;

      if (*lines[i] == '\0')
        continue;
      if ((agency = sb_cite_dateline_agency (lines[i])) != NULL)
        return agency;
      if (sb_cite_dateline (lines[i], NULL, NULL) > 0 || g_utf8_strlen (lines[i], -1) > STORY_LINE_CHARS)
        break;
    }
  return NULL;
}

/**
 * sb_extract_read_text_publisher:
 *
 * Where the document names no publisher of itself, the one its text's
 * dateline names (sb_extract_text_publisher()): editable as any other.
 */
void
sb_extract_read_text_publisher (SbExtract *extract)
{
  g_return_if_fail (extract != NULL);

  if (extract->publisher != NULL && *extract->publisher != '\0')
    return;
  g_free (extract->publisher);
  extract->publisher = sb_extract_text_publisher (extract->text);
}

/* Words common in one of the languages read here and rare in the others. */
static const struct { const char *language; const char *words[20]; } common_words[] = {
  { "en", { "the", "and", "of", "to", "was", "were", "that", "for", "with", "said", "from", "at", "have", "has",
            "by", "on", "which", "this", "their", NULL } },
  { "fr", { "le", "la", "les", "des", "et", "du", "une", "est", "dans", "pour", "que", "qui", "sur", "au", "aux",
            "été", "par", "selon", "ont", NULL } },
  { "nl", { "het", "een", "van", "dat", "op", "te", "met", "voor", "zijn", "niet", "naar", "werd", "door", "bij",
            "ook", "wordt", "heeft", "zich", "worden", NULL } },
};

/**
 * sb_extract_guess_language:
 *
 * The language of @text among English, French and Dutch, by the words
 * common in each (of its first few thousand), when one stands out.
 *
 * Returns: (nullable): "en", "fr" or "nl", or %NULL when the text does
 *   not say clearly
 */
const char *
sb_extract_guess_language (const char *text)
{
  guint counts[G_N_ELEMENTS (common_words)] = { 0, };
  guint best = 0, second = 0, words = 0;
  const char *p = text;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  while (*p && words < 5000)
    {
      const char *start;
      g_autofree char *word = NULL;

      while (*p && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        break;
      words++;
      word = g_utf8_strdown (start, p - start);
      for (guint i = 0; i < G_N_ELEMENTS (common_words); i++)
        for (guint w = 0; common_words[i].words[w] != NULL; w++)
          if (g_str_equal (word, common_words[i].words[w]))
            counts[i]++;
    }
  for (guint i = 1; i < G_N_ELEMENTS (common_words); i++)
    if (counts[i] > counts[best])
      best = i;
  for (guint i = 0; i < G_N_ELEMENTS (common_words); i++)
    if (i != best && counts[i] > second)
      second = counts[i];
  /* Clearly one: a few of its words, and half as many again as another's. */
  if (counts[best] < 3 || counts[best] * 2 < second * 3)
    return NULL;
  return common_words[best].language;
}

/**
 * sb_extract_read_text_language:
 *
 * Where the document does not say its language, the one its text is
 * written in (sb_extract_guess_language()).
 */
void
sb_extract_read_text_language (SbExtract *extract)
{
  const char *language;

  g_return_if_fail (extract != NULL);

  if (extract->language != NULL || (language = sb_extract_guess_language (extract->text)) == NULL)
    return;
  extract->language = g_strdup (language);
}

/* Its longest line: how wide the text was wrapped, if it was. */
static glong
widest_line (char **lines)
{
  glong widest = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    widest = MAX (widest, g_utf8_strlen (lines[i], -1));
  return widest;
}

/**
 * sb_extract_headline:
 * @text: text as sb_extract_tidy_text() gives it
 *
 * An article saved as text starts with its headline on a line of its
 * own: a short line, not a sentence, with more text after it. A line
 * that only ends where a text was wrapped is not one: the next line's
 * first word would have fitted on it.
 *
 * Returns: (transfer full) (nullable): the first line of @text when it
 *   reads as its headline, with single spaces
 */
char *
sb_extract_headline (const char *text)
{
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) headline = NULL;
  const char *first, *last;
  gunichar end;
  guint n_words = 0;

  g_return_val_if_fail (text != NULL, NULL);

  lines = g_strsplit (text, "\n", -1);
  first = lines[0];
  if (first == NULL || lines[1] == NULL || *first == '\0' || g_utf8_strlen (first, -1) > 200)
    return NULL;

  last = g_utf8_find_prev_char (first, first + strlen (first));
  end = g_utf8_get_char (last);
  if (end == '.' || end == ',' || end == ';' || end == ':' || end == '-' || end == 0x2013 /* – */)
    return NULL;

  /* Its own paragraph, or a line broken before the next word had to be. */
  if (*lines[1] != '\0')
    {
      g_autofree char *next_word = g_strdup (lines[1]);
      char *space = strpbrk (next_word, " \t");

      if (space != NULL)
        *space = '\0';
      if (g_utf8_strlen (first, -1) + 1 + g_utf8_strlen (next_word, -1) > widest_line (lines))
        return NULL;
    }

  words = g_strsplit_set (first, " \t", -1);
  headline = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (headline->len > 0)
        g_string_append_c (headline, ' ');
      g_string_append (headline, words[i]);
      n_words++;
    }
  if (n_words > 30)
    return NULL;

  return g_string_free (g_steal_pointer (&headline), FALSE);
}

/**
 * sb_extract_from_text:
 * @length: the length of @data, or -1 when it ends with a NUL
 *
 * Text pasted or read from a .txt file: UTF-8, or else taken to be
 * Windows-1252, as older files written on Windows are. Its first line
 * is its title when it reads as a headline (sb_extract_headline()); it
 * stays in the text, which is the article as it was written. Its date is
 * the one its text gives (sb_extract_text_date()).
 */
SbExtract *
sb_extract_from_text (const char  *data,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(SbExtract) extract = sb_extract_new ();
  g_autofree char *utf8 = NULL;
  gsize utf8_length;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (g_utf8_validate_len (data, length, NULL))
    utf8 = g_strndup (data, length);
  else
    utf8 = _sb_import_windows_1252_to_utf8 (data, length, &utf8_length);

  extract->text = sb_extract_tidy_text (utf8);
  if (*extract->text == '\0')
    {
      g_set_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_EMPTY, _("There is no text in it"));
      return NULL;
    }
  extract->title = sb_extract_headline (extract->text);
  sb_extract_read_text_date (extract);
  sb_extract_read_text_publisher (extract);
  sb_extract_read_text_language (extract);

  return g_steal_pointer (&extract);
}
