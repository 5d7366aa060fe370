/* sb-import-date.c
 *
 * Dates as data sets, spreadsheets and GIS tools write them: ISO
 * ("2022-08-15", with or without a time), day first with the month as a
 * word or a number ("15 August 2022", "16-Feb-21", "01-January-2015",
 * "29/12/2015", "31-12-19"), month first with a word ("August 15, 2022"),
 * the month or year alone ("August 2022", "2022-08", "2022"), and the
 * serial numbers Excel shows when a date column loses its format
 * ("41712", days since 30 December 1899).
 *
 * Two numbers before the year are read day first, as ACLED and most of
 * the world write them, unless the first cannot be a month; when both
 * could be either ("05/06/2020") the date says it is ambiguous, and the
 * importer decides for the whole file from the rows that are not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-import"

#include "config.h"

#include <string.h>

#include "sb-import-private.h"

#define MAX_TOKENS 4

/* Excel's day 1 is 1 January 1900, and it counts a 29 February 1900 that
 * never was: from day 61 on, day n is 30 December 1899 plus n days.
 */
#define MIN_SERIAL 10000            /* 1927: earlier numbers are not dates here */
#define MAX_SERIAL 99999            /* 2173 */

typedef struct
{
  const char *start;
  guint length;
  guint value;             /* numbers */
  guint month;             /* words that name a month, or 0 */
  gboolean is_number;
} Token;

/* English and French names, and their abbreviations ("Feb", "févr."). */
static const char * const month_names[][2] = {
  { "january", "janvier" }, { "february", "février" }, { "march", "mars" },
  { "april", "avril" }, { "may", "mai" }, { "june", "juin" },
  { "july", "juillet" }, { "august", "août" }, { "september", "septembre" },
  { "october", "octobre" }, { "november", "novembre" }, { "december", "décembre" },
};

static guint
month_from_word (const char *word,
                 gsize       length)
{
  g_autofree char *lower = NULL;
  g_autofree char *plain = NULL;
  gboolean ascii = TRUE;

  if (length < 3)
    return 0;

  for (gsize i = 0; i < length && ascii; i++)
    ascii = (guchar) word[i] < 0x80;

  /* "Aug", "AUGUST", "Feb": no copy needed, a million times over. */
  if (ascii)
    {
      for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
        for (guint l = 0; l < 2; l++)
          if (length <= strlen (month_names[i][l]) &&
              g_ascii_strncasecmp (word, month_names[i][l], length) == 0)
            return i + 1;
    }

  lower = g_utf8_strdown (word, length);
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    for (guint l = 0; l < 2; l++)
      if (strlen (lower) <= strlen (month_names[i][l]) && strncmp (lower, month_names[i][l], strlen (lower)) == 0)
        return i + 1;

  /* "fevrier", "aout", "decembre": accents are often lost. */
  plain = g_str_to_ascii (lower, "C");
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    {
      g_autofree char *name = g_str_to_ascii (month_names[i][1], "C");

      if (strlen (plain) <= strlen (name) && strncmp (plain, name, strlen (plain)) == 0)
        return i + 1;
    }

  return 0;
}

static gboolean
is_separator (char c)
{
  return c == ' ' || c == '-' || c == '/' || c == '.' || c == ',' || c == '\t';
}

/* Up to MAX_TOKENS numbers and words; FALSE for anything else. */
static gboolean
tokenize (const char *p,
          Token      *tokens,
          guint      *n_tokens)
{
  *n_tokens = 0;

  for (;;)
    {
      Token *token;

      while (is_separator (*p))
        p++;
      if (*p == '\0')
        return *n_tokens > 0;
      if (*n_tokens == MAX_TOKENS)
        return FALSE;

      token = &tokens[(*n_tokens)++];
      memset (token, 0, sizeof *token);
      token->start = p;

      if (g_ascii_isdigit (*p))
        {
          token->is_number = TRUE;
          for (; g_ascii_isdigit (*p); p++)
            {
              if (token->length++ >= 8)
                return FALSE;
              token->value = token->value * 10 + (*p - '0');
            }

          /* "1st", "22nd", "3rd", "4th"; French "1er" */
          if (g_ascii_isalpha (p[0]) && g_ascii_isalpha (p[1]) && !g_ascii_isalpha (p[2]) &&
              (g_ascii_strncasecmp (p, "st", 2) == 0 || g_ascii_strncasecmp (p, "nd", 2) == 0 ||
               g_ascii_strncasecmp (p, "rd", 2) == 0 || g_ascii_strncasecmp (p, "th", 2) == 0 ||
               g_ascii_strncasecmp (p, "er", 2) == 0))
            p += 2;
        }
      else
        {
          while (*p != '\0' && !is_separator (*p) && !g_ascii_isdigit (*p))
            p = g_utf8_next_char (p);
          token->length = p - token->start;
          token->month = month_from_word (token->start, token->length);
          if (token->month == 0)
            return FALSE;
        }

      if (*p != '\0' && !is_separator (*p))
        return FALSE;
    }
}

/* "21" in a file whose `year` column says 2020 or 2021: the century that
 * comes nearest @hint, else 2000–2049 and 1950–1999.
 */
static guint
full_year (guint value,
           guint length,
           int   hint)
{
  guint a, b;

  if (length != 2)
    return value;

  if (hint <= 0)
    return value < 50 ? 2000 + value : 1900 + value;

  a = 1900 + value;
  b = 2000 + value;
  return ABS ((int) a - hint) <= ABS ((int) b - hint) ? a : b;
}

static gboolean
is_year (const Token *token)
{
  return token->is_number && (token->length == 4 || token->length == 2);
}

static gboolean
set_day (SbImportDate *date,
         guint         day,
         guint         month,
         guint         year)
{
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  date->date.year = year;
  date->date.month = month;
  date->date.day = day;
  date->date.precision = SB_DATE_PRECISION_DAY;
  return TRUE;
}

static gboolean
parse_serial (const char   *p,
              SbImportDate *date)
{
  guint64 serial = 0;
  guint n = 0;
  GDate day;

  for (; g_ascii_isdigit (*p); p++, n++)
    serial = serial * 10 + (*p - '0');

  /* "41712.0", as pandas writes a column of numbers with gaps. */
  if (*p == '.')
    for (p++; *p == '0'; p++)
      ;
  while (g_ascii_isspace (*p))
    p++;

  if (*p != '\0' || n != 5 || serial < MIN_SERIAL || serial > MAX_SERIAL)
    return FALSE;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&day, (guint) serial);
  date->serial = TRUE;
  return set_day (date, g_date_get_day (&day), g_date_get_month (&day), g_date_get_year (&day));
}

/* "2022-08-15", "2022/08/15", "2022-08", "2022", "20220815", with any
 * time after the day ("2022-08-15T10:00:00Z", "2022-08-15 00:00:00.000").
 */
static gboolean
parse_iso (const char   *p,
           SbImportDate *date)
{
  guint year = 0, month = 0, day = 0;
  char separator;

  for (guint i = 0; i < 4; i++, p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      year = year * 10 + (*p - '0');
    }

  if (*p == '\0')
    {
      if (year < 1000)
        return FALSE;
      date->date.year = year;
      date->date.precision = SB_DATE_PRECISION_YEAR;
      return TRUE;
    }

  /* ISO 8601's basic form. */
  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
      g_ascii_isdigit (p[3]) && (p[4] == '\0' || p[4] == 'T'))
    return set_day (date, (p[2] - '0') * 10 + (p[3] - '0'), (p[0] - '0') * 10 + (p[1] - '0'), year);

  separator = *p;
  if (separator != '-' && separator != '/' && separator != '.')
    return FALSE;
  p++;

  if (!g_ascii_isdigit (p[0]) || (g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])))
    return FALSE;
  month = g_ascii_isdigit (p[1]) ? (guint) ((p[0] - '0') * 10 + (p[1] - '0')) : (guint) (p[0] - '0');
  p += g_ascii_isdigit (p[1]) ? 2 : 1;

  if (*p == '\0')
    {
      if (year < 1000 || month < 1 || month > 12)
        return FALSE;
      date->date.year = year;
      date->date.month = month;
      date->date.precision = SB_DATE_PRECISION_MONTH;
      return TRUE;
    }

  if (*p != separator)
    return FALSE;
  p++;

  if (!g_ascii_isdigit (p[0]) || (g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])))
    return FALSE;
  day = g_ascii_isdigit (p[1]) ? (guint) ((p[0] - '0') * 10 + (p[1] - '0')) : (guint) (p[0] - '0');
  p += g_ascii_isdigit (p[1]) ? 2 : 1;

  /* A time of day is dropped: statements are dated to the day. */
  if (*p != '\0' && *p != 'T' && *p != ' ')
    return FALSE;

  return set_day (date, day, month, year);
}

/**
 * _sb_import_parse_date:
 * @text: the date as the file gives it
 * @year: the row's year, when the file has a column for it, or 0: it
 *   settles two-digit years
 * @date: (out): the date; for numbers that could be day and month either
 *   way, read day first, with @date->ambiguous set
 *
 * Returns: whether @text is a date: a day, a month or a year
 */
gboolean
_sb_import_parse_date (const char   *text,
                       int           year,
                       SbImportDate *date)
{
  char buffer[64];
  g_autofree char *long_copy = NULL;
  char *copy;
  gsize length;
  Token tokens[MAX_TOKENS];
  guint n_tokens;
  const Token *a, *b, *c;

  memset (date, 0, sizeof *date);

  while (g_ascii_isspace (*text))
    text++;
  length = strlen (text);
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;

  /* Dates are short: no allocation for the million of an export. */
  copy = length < sizeof buffer ? buffer : (long_copy = g_malloc (length + 1));
  memcpy (copy, text, length);
  copy[length] = '\0';

  if (g_ascii_isdigit (copy[0]) && g_ascii_isdigit (copy[1]) && g_ascii_isdigit (copy[2]) &&
      g_ascii_isdigit (copy[3]))
    {
      if (parse_iso (copy, date) || parse_serial (copy, date))
        return TRUE;
    }

  if (!tokenize (copy, tokens, &n_tokens))
    return FALSE;

  a = &tokens[0];
  if (n_tokens == MAX_TOKENS)
    return FALSE;

  b = n_tokens > 1 ? &tokens[1] : NULL;
  c = n_tokens > 2 ? &tokens[2] : NULL;

  if (n_tokens == 3 && a->is_number && a->length <= 2 && !b->is_number && is_year (c))
    {
      /* "15 August 2022", "16-Feb-21", "01-January-2015" */
      date->two_digit_year = c->length == 2;
      return set_day (date, a->value, b->month, full_year (c->value, c->length, year));
    }

  if (n_tokens == 3 && !a->is_number && b->is_number && b->length <= 2 && is_year (c))
    {
      /* "August 15, 2022", "Jan 1 2001" */
      date->two_digit_year = c->length == 2;
      return set_day (date, b->value, a->month, full_year (c->value, c->length, year));
    }

  if (n_tokens == 3 && a->is_number && b->is_number && a->length <= 2 && b->length <= 2 && is_year (c))
    {
      guint y = full_year (c->value, c->length, year);

      date->two_digit_year = c->length == 2;
      date->first = a->value;
      date->second = b->value;

      if (a->value > 12 && b->value <= 12)
        date->day_first = TRUE;
      else if (b->value > 12 && a->value <= 12)
        {
          date->month_first = TRUE;
          return set_day (date, b->value, a->value, y);
        }
      else if (a->value <= 12 && b->value <= 12)
        date->ambiguous = a->value != b->value;

      return set_day (date, a->value, b->value, y);
    }

  if (n_tokens == 2 && !a->is_number && b->is_number && b->length == 4)
    {
      /* "August 2022" */
      date->date.year = b->value;
      date->date.month = a->month;
      date->date.precision = SB_DATE_PRECISION_MONTH;
      return b->value >= 1000;
    }

  if (n_tokens == 2 && a->is_number && a->length <= 2 && b->is_number && b->length == 4 &&
      a->value >= 1 && a->value <= 12)
    {
      /* "08/2022" */
      date->date.year = b->value;
      date->date.month = a->value;
      date->date.precision = SB_DATE_PRECISION_MONTH;
      return b->value >= 1000;
    }

  return FALSE;
}

/**
 * _sb_import_date_swap:
 *
 * Reads an ambiguous date month first instead ("05/06/2020" as 6 May).
 */
void
_sb_import_date_swap (SbImportDate *date)
{
  if (!date->ambiguous)
    return;

  date->date.day = date->second;
  date->date.month = date->first;
}

static gboolean
parse_one (const char     *text,
           SbCalendarDate *date)
{
  SbImportDate parsed;

  if (!_sb_import_parse_date (text, 0, &parsed))
    return FALSE;

  *date = parsed.date;
  return TRUE;
}

/**
 * _sb_import_parse_span:
 * @date: (out): a single date, or the span "January 1, 2001 - March 17,
 *   2001" (also with "–", "to" or, between ISO dates, "/")
 *
 * Returns: whether @text is a date or a span of two
 */
gboolean
_sb_import_parse_span (const char *text,
                       SbDate     *date)
{
  static const char * const separators[] = { " - ", " – ", " — ", " to ", " until ", "/", "--" };

  memset (date, 0, sizeof *date);

  if (parse_one (text, &date->start))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      for (const char *at = strstr (text, separators[i]); at != NULL;
           at = strstr (at + 1, separators[i]))
        {
          g_autofree char *first = g_strndup (text, at - text);
          const char *second = at + strlen (separators[i]);

          if (parse_one (first, &date->start) && parse_one (second, &date->end))
            {
              if (sb_calendar_date_last_day (&date->end) < sb_calendar_date_first_day (&date->start))
                return FALSE;

              date->is_span = TRUE;
              return TRUE;
            }
        }
    }

  memset (date, 0, sizeof *date);
  return FALSE;
}
