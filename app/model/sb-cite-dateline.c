/* sb-cite-dateline.c
 *
 * A dateline is read as news agencies write it: a place in capitals or
 * as a name ("BAMAKO", "Bamako", "KIDAL, Mali"), then its date after a
 * comma, the agency in brackets, and a dash before the story. It is one
 * only when it says more than a name before a dash: a date, an agency,
 * or a place and its country in capitals ("KIDAL, Mali —"); "MINUSMA –
 * de VN-missie" is a sentence. The date is read by the same reader as a
 * passage's (sb-cite-suggest.c): one list of month names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-cite-dateline"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sb-cite-dateline.h"
#include "sb-cite-suggest.h"
#include "sb-name-match.h"

/* A dateline's parts are short: a place, a date, an agency. */
#define MAX_NAME_BYTES 40
#define MAX_DATE_BYTES 40
#define MAX_AGENCY_BYTES 32
#define MAX_DATE_WORDS 5

static gboolean
is_space_at (const char *p)
{
  return *p == ' ' || g_str_has_prefix (p, "\xc2\xa0");
}

static const char *
skip_spaces (const char *p)
{
  while (is_space_at (p))
    p += *p == ' ' ? 1 : 2;
  return p;
}

/* A place's name: up to four words, each capitalised ("BAMAKO",
 * "Bobo-Dioulasso", "N’Djamena", "San Pedro"); @caps says whether it is
 * written in capitals, as wire services write it.
 */
static gboolean
read_name (const char **at,
           gboolean    *caps)
{
  const char *p = *at;
  guint words = 0, upper = 0, lower = 0;

  while (words < 4)
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isupper (c) && !g_unichar_istitle (c))
        break;
      while (*p)
        {
          c = g_utf8_get_char (p);
          if (g_unichar_isalpha (c) || g_unichar_ismark (c))
            {
              upper += g_unichar_isupper (c);
              lower += g_unichar_islower (c);
              p = g_utf8_next_char (p);
            }
          else if ((c == '-' || c == '\'' || c == 0x2019 || c == '.') &&
                   g_unichar_isalpha (g_utf8_get_char (g_utf8_next_char (p))))
            p = g_utf8_next_char (p);
          else
            break;
        }
      words++;
      if (*p == ' ' && (g_unichar_isupper (g_utf8_get_char (p + 1)) || g_unichar_istitle (g_utf8_get_char (p + 1))))
        p++;
      else
        break;
    }
  if (words == 0 || p - *at > MAX_NAME_BYTES)
    return FALSE;
  *caps = upper >= 2 && lower == 0;
  *at = p;
  return TRUE;
}

/* The dash between the dateline and the story: "—", "–", "--", or "-"
 * with a space each side. @at is after it and the spaces that follow.
 */
static gboolean
read_dash (const char **at)
{
  const char *p = skip_spaces (*at);
  gboolean spaced = p > *at;

  if (g_str_has_prefix (p, "\xe2\x80\x94") || g_str_has_prefix (p, "\xe2\x80\x93"))
    p += 3;
  else if (g_str_has_prefix (p, "--") && spaced)
    p += 2;
  else if (*p == '-' && spaced && is_space_at (p + 1))
    p += 1;
  else
    return FALSE;
  *at = skip_spaces (p);
  return TRUE;
}

/* Where the part of a dateline after a comma ends: at the agency's
 * bracket or the dash, not past a line's end; NULL when it is too long
 * to be a date.
 */
static const char *
date_part_end (const char *p)
{
  for (const char *q = p; *q && *q != '\n' && q - p <= MAX_DATE_BYTES; q = g_utf8_next_char (q))
    {
      const char *dash = q;

      if (*q == '(' || (q > p && read_dash (&dash)))
        return q;
    }
  return NULL;
}

/* The agency in brackets: "(Reuters)", "(AFP)", "(Agence France-Presse)",
 * "(dpa)"; not an aside ("(een Russische huurlingengroep)").
 */
static gboolean
read_agency (const char **at)
{
  const char *p = *at;
  const char *close;
  g_autofree char *inside = NULL;
  g_auto(GStrv) words = NULL;
  gunichar first;

  if (*p != '(')
    return FALSE;
  close = strchr (p, ')');
  if (close == NULL || close - p - 1 > MAX_AGENCY_BYTES || memchr (p, '\n', close - p) != NULL)
    return FALSE;
  inside = g_strndup (p + 1, close - p - 1);
  words = g_strsplit (g_strstrip (inside), " ", -1);
  first = g_utf8_get_char (inside);
  if (g_strv_length (words) == 0 || g_strv_length (words) > 3 ||
      !(g_unichar_isupper (first) || g_str_equal (inside, "dpa")))
    return FALSE;
  *at = close + 1;
  return TRUE;
}

/* The date of a dateline's date part: with the year it gives, else in
 * the year before @reference's date (an article of November read in
 * January is of last year), else none. @any says whether it reads as a
 * date at all, with its year or without.
 */
static gboolean
read_date (const char   *part,
           const SbDate *reference,
           SbDate       *date,
           gboolean     *any)
{
  /* Late in a leap year: any day and month is before it. */
  const SbDate late = { .start = { 2000, 12, 31, SB_DATE_PRECISION_DAY } };
  g_auto(GStrv) words = NULL;
  g_autofree char *folded = sb_name_fold (part);
  SbDate read;

  words = g_strsplit (folded, " ", -1);
  *any = *folded != '\0' && g_strv_length (words) <= MAX_DATE_WORDS && sb_cite_suggest_date (part, &late, &read);
  return *any && sb_cite_suggest_date (part, reference, date);
}

/**
 * sb_cite_dateline:
 * @paragraph: text from a paragraph's start
 * @reference: (nullable): a date near the article's (when it is added),
 *   for a dateline without its year ("NIAMEY, Nov 15 (Reuters) -")
 * @date: (out) (optional): the date the dateline gives, not set when it
 *   gives none (or none of a known year)
 *
 * Reads the dateline @paragraph starts with: "BAMAKO, 15 November 2023
 * (Reuters) — ", "NIAMEY, Nov 15 (Reuters) - ", "Bamako, le 15 novembre
 * 2023 – ", "BAMAKO, 15 november – ", "KIDAL, Mali — ".
 *
 * Returns: its length in bytes, with the dash and the spaces after it:
 *   where the story starts; 0 when @paragraph starts with none
 */
static gsize read_dateline (const char   *paragraph,
                            const SbDate *reference,
                            SbDate       *date,
                            char        **agency_named);

gsize
sb_cite_dateline (const char   *paragraph,
                  const SbDate *reference,
                  SbDate       *date)
{
  if (date != NULL)
    memset (date, 0, sizeof *date);
  g_return_val_if_fail (paragraph != NULL, 0);

  return read_dateline (paragraph, reference, date, NULL);
}

/**
 * sb_cite_dateline_agency:
 * @paragraph: text from a paragraph's start
 *
 * The agency or publisher the dateline @paragraph starts with names in
 * brackets: "Reuters" in "NIAMEY, Nov 15 (Reuters) - ", "Sahel Wire" in
 * "NIAMEY, 15 Nov (Sahel Wire) — ".
 *
 * Returns: (transfer full) (nullable): its name, or %NULL when
 *   @paragraph starts with no dateline or its dateline names none
 */
char *
sb_cite_dateline_agency (const char *paragraph)
{
  char *agency = NULL;

  g_return_val_if_fail (paragraph != NULL, NULL);

  if (read_dateline (paragraph, NULL, NULL, &agency) == 0)
    g_clear_pointer (&agency, g_free);
  return agency;
}

static gsize
read_dateline (const char   *paragraph,
               const SbDate *reference,
               SbDate       *date,
               char        **agency_named)
{
  const char *p = paragraph;
  gboolean caps = FALSE, in_country = FALSE, dated = FALSE, agency = FALSE;
  SbDate read = { { 0, }, };

  if (!g_utf8_validate (paragraph, -1, NULL) || !read_name (&p, &caps))
    return 0;

  /* "KIDAL, Mali, 15 November": the country after the town. */
  if (*p == ',')
    {
      const char *country = skip_spaces (p + 1);
      const char *after = country;
      const char *dash;
      gboolean country_caps;

      if (after > p + 1 && read_name (&after, &country_caps) &&
          (*after == ',' || *skip_spaces (after) == '(' || (dash = after, read_dash (&dash))))
        {
          p = after;
          in_country = TRUE;
        }
    }

  /* ", 15 November 2023", ", le 15 novembre 2023", ", Nov 15" */
  if (*p == ',')
    {
      const char *from = skip_spaces (p + 1);
      const char *to = date_part_end (from);
      g_autofree char *part = NULL;

      if (to == NULL)
        return 0;
      part = g_strndup (from, to - from);
      read_date (part, reference, &read, &dated);
      if (!dated)
        return 0;
      p = to;
    }

  {
    const char *bracket = skip_spaces (p);

    agency = read_agency (&bracket);
    if (agency)
      {
        if (agency_named != NULL)
          {
            const char *open = skip_spaces (p) + 1;
            g_autofree char *name = g_strndup (open, bracket - 1 - open);

            *agency_named = g_strdup (g_strstrip (name));
          }
        p = bracket;
      }
  }
  if (!read_dash (&p) || *p == '\0' || *p == '\n')
    return 0;
  if (!dated && !agency && !(caps && in_country))
    return 0;

  if (date != NULL && sb_date_is_set (&read))
    *date = read;
  return p - paragraph;
}

/* What a date line says besides its date. */
static const char * const date_line_words[] = {
  "published", "updated", "posted", "last", "on", "at",
  "publie", "publiee", "le", "mis", "a", "jour", "modifie",
  "gepubliceerd", "bijgewerkt", "laatst", "geplaatst", "op", "om",
  "gmt", "utc", "cet", "cest", "wat", "est", "edt", "am", "pm", "m",
  NULL
};

static const char * const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
  "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
  NULL
};

static gboolean
in_list (const char         *word,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

/* A line of a sentence wrapped in a text file ("on 15 November 2023.",
 * "at 10:32 on 15 November 2023 the") is not a date line: those end in
 * punctuation, or start in lower case with anything but a weekday
 * ("mercredi 15 novembre 2023").
 */
static gboolean
reads_as_line_of_its_own (const char *line,
                          const char *folded)
{
  const char *last = line + strlen (line);
  g_autofree char *first_word = g_strndup (folded, strcspn (folded, " "));
  gunichar end;

  if (last == line)
    return FALSE;
  end = g_utf8_get_char (g_utf8_find_prev_char (line, last));
  if (end == '.' || end == ',' || end == ';' || end == ':')
    return FALSE;
  return !g_unichar_islower (g_utf8_get_char (line)) || in_list (first_word, weekdays);
}

/* A date in figures: "2023-11-15", "15.11.2023", or "15/11/2023" when the
 * day cannot be read as the month (a day after the 12th).
 */
static gboolean
read_figures (GMatchInfo *match,
              SbDate     *date)
{
  g_autofree char *iso = g_match_info_fetch_named (match, "iso");
  g_autofree char *first = g_match_info_fetch_named (match, "first");
  g_autofree char *separator = g_match_info_fetch_named (match, "separator");
  g_autofree char *second = g_match_info_fetch_named (match, "second");
  g_autofree char *year = g_match_info_fetch_named (match, "year");
  guint day, month;

  memset (date, 0, sizeof *date);
  if (iso != NULL && *iso != '\0')
    return sb_calendar_date_parse (iso, &date->start);

  day = atoi (first);
  month = atoi (second);
  if (!g_str_equal (separator, ".") && day <= 12)
    {
      if (month <= 12)
        return FALSE;
      day = month;
      month = atoi (first);
    }
  if (!g_date_valid_dmy (day, month, atoi (year)))
    return FALSE;
  date->start.year = atoi (year);
  date->start.month = month;
  date->start.day = day;
  date->start.precision = SB_DATE_PRECISION_DAY;
  return TRUE;
}

/**
 * sb_cite_date_line:
 * @line: a line of a document's text
 * @date: (out): the date it gives, with its precision
 *
 * Whether @line is only a date, as an article gives it under its
 * headline: "15 November 2023", "Wednesday, November 15, 2023",
 * "Published: 15 Nov 2023 10:32 GMT", "Publié le 15 novembre 2023 à
 * 10h32", "Gepubliceerd op 15 november 2023", "2023-11-15", "15.11.2023".
 * Its year is written: a line is not read against any other date.
 *
 * Returns: whether it is
 */
gboolean
sb_cite_date_line (const char *line,
                   SbDate     *date)
{
  static GRegex *figures, *times;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);
  guint n_kept = 0;
  gboolean in_figures;

  g_return_val_if_fail (date != NULL, FALSE);

  memset (date, 0, sizeof *date);
  if (line == NULL || !g_utf8_validate (line, -1, NULL) || strchr (line, '\n') != NULL || strlen (line) > 80)
    return FALSE;

  if (g_once_init_enter (&figures))
    {
      GRegex *regex = g_regex_new ("\\b(?:(?<iso>\\d{4}-\\d{2}-\\d{2})|"
                                   "(?<first>\\d{1,2})(?<separator>[./-])(?<second>\\d{1,2})\\k<separator>(?<year>\\d{4}))\\b",
                                   G_REGEX_OPTIMIZE, 0, NULL);

      times = g_regex_new ("\\b\\d{1,2}[:h]\\d{2}\\b", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&figures, regex);
    }

  in_figures = g_regex_match (figures, line, 0, &match);
  if (in_figures)
    {
      int start, end;

      if (!read_figures (match, date))
        return FALSE;
      g_match_info_fetch_pos (match, 0, &start, &end);
      {
        g_autofree char *before = g_strndup (line, start);

        rest = g_strconcat (before, " ", line + end, NULL);
      }
    }
  else
    rest = g_strdup (line);

  {
    char *without_times = g_regex_replace_literal (times, rest, -1, 0, " ", 0, NULL);

    g_free (rest);
    rest = without_times;
  }
  folded = sb_name_fold (rest);
  {
    g_autofree char *whole = sb_name_fold (line);
    g_autofree char *stripped = g_strstrip (g_strdup (line));

    if (!reads_as_line_of_its_own (stripped, whole))
      {
        memset (date, 0, sizeof *date);
        return FALSE;
      }
  }
  words = g_strsplit (folded, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0' || in_list (words[i], date_line_words) || in_list (words[i], weekdays))
        continue;
      if (kept->len > 0)
        g_string_append_c (kept, ' ');
      g_string_append (kept, words[i]);
      n_kept++;
    }

  if (in_figures)
    {
      if (n_kept == 0)
        return TRUE;
      memset (date, 0, sizeof *date);
      return FALSE;
    }
  /* "15 november 2023", "nov 15 2023", "november 2023" */
  if (n_kept == 0 || n_kept > 3 || !sb_cite_suggest_date (kept->str, NULL, date))
    {
      memset (date, 0, sizeof *date);
      return FALSE;
    }
  return TRUE;
}
