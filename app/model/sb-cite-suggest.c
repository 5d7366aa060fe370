/* sb-cite-suggest.c
 *
 * The passage is read as words, folded as names are (lower case, no
 * accents), numbers kept whole ("1,000", "1.000", "1 000", "duizend").
 * Only what the wording makes plain is suggested, in Dutch, English and
 * French; anything less plain is left for the user to fill in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-cite-suggest"

#include "config.h"

#include <string.h>

#include "sb-actor.h"
#include "sb-actor-names.h"
#include "sb-cite-suggest.h"
#include "sb-name-match.h"

typedef struct
{
  char *folded;
  double number;           /* when is_number */
  guint is_number : 1;
  guint is_plain : 1;      /* digits only: a day or a year */
  guint ordinal : 1;       /* "5th", "1er" */
  guint range_next : 1;    /* a dash joins it to the next: "400-600", "400 – 600" */
  guint separated : 1;     /* a comma, a full stop or the like before it */
} Token;

static void
clear_token (Token *token)
{
  g_free (token->folded);
}

static gboolean
in_list (const char        *word,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

static const struct { const char *word; double value; } number_words[] = {
  { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 }, { "six", 6 }, { "seven", 7 },
  { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 }, { "twelve", 12 }, { "thirteen", 13 },
  { "fourteen", 14 }, { "fifteen", 15 }, { "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 },
  { "nineteen", 19 }, { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 }, { "dozen", 12 },
  { "un", 1 }, { "une", 1 }, { "deux", 2 }, { "trois", 3 }, { "quatre", 4 }, { "cinq", 5 }, { "sept", 7 },
  { "huit", 8 }, { "neuf", 9 }, { "dix", 10 }, { "onze", 11 }, { "douze", 12 }, { "treize", 13 },
  { "quatorze", 14 }, { "quinze", 15 }, { "seize", 16 }, { "dix sept", 17 }, { "dix huit", 18 },
  { "dix neuf", 19 }, { "vingt", 20 }, { "trente", 30 }, { "quarante", 40 }, { "cinquante", 50 },
  { "twee", 2 }, { "drie", 3 }, { "vier", 4 }, { "vijf", 5 }, { "zes", 6 }, { "zeven", 7 }, { "acht", 8 },
  { "negen", 9 }, { "tien", 10 }, { "elf", 11 }, { "twaalf", 12 }, { "dertien", 13 }, { "veertien", 14 },
  { "vijftien", 15 }, { "zestien", 16 }, { "zeventien", 17 }, { "achttien", 18 }, { "negentien", 19 },
  { "twintig", 20 },
  { "dertig", 30 }, { "veertig", 40 }, { "vijftig", 50 },
  { "hundred", 100 }, { "cent", 100 }, { "honderd", 100 },
  { "thousand", 1000 }, { "mille", 1000 }, { "duizend", 1000 },
};

static const struct { const char *word; double factor; } multipliers[] = {
  { "hundred", 100 }, { "cent", 100 }, { "honderd", 100 },
  { "thousand", 1000 }, { "mille", 1000 }, { "duizend", 1000 },
  { "million", 1e6 }, { "millions", 1e6 }, { "miljoen", 1e6 },
};

/* Three digits and no more after a thousands separator at @p of
 * @length bytes: "1,000", "1.000", "1 000" and "1\u00a0000".
 */
static gboolean
joins_digits (const char *p,
              gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (p[i] == '\0')
      return FALSE;
  p += length;
  return g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && !g_ascii_isdigit (p[3]);
}

/* A number written in digits at @p; @end is after it. */
static double
digits_at (const char  *p,
           const char **end,
           gboolean    *plain)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint group = 0;         /* digits since the last separator */

  *plain = TRUE;
  for (;;)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p++);
          group++;
        }
      else if ((*p == '.' || *p == ',') && group <= 3 && joins_digits (p, 1))
        p++, group = 0, *plain = FALSE;
      else if (*p == ' ' && group <= 3 && joins_digits (p, 1))
        p++, group = 0, *plain = FALSE;
      else if (g_str_has_prefix (p, "\xc2\xa0") && group <= 3 && joins_digits (p, 2))
        p += 2, group = 0, *plain = FALSE;
      else
        break;
    }
  *end = p;
  return g_ascii_strtod (digits->str, NULL);
}

static GArray *
tokenize (const char *passage)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = passage;

  g_array_set_clear_func (tokens, (GDestroyNotify) clear_token);
  if (passage == NULL || !g_utf8_validate (passage, -1, NULL))
    return tokens;

  gboolean separated = FALSE;

  while (*p)
    {
      Token token = { 0, };
      const char *start;

      if (!g_unichar_isalnum (g_utf8_get_char (p)))
        {
          /* Not the full stop of an abbreviation ("Jan. 8"). */
          separated |= (*p != '\0' && strchr (",;:!?()", *p) != NULL) ||
                       (*p == '.' && (tokens->len == 0 ||
                                      g_array_index (tokens, Token, tokens->len - 1).is_number ||
                                      strlen (g_array_index (tokens, Token, tokens->len - 1).folded) > 4));
          p = g_utf8_next_char (p);
          continue;
        }
      token.separated = separated;
      separated = FALSE;
      start = p;
      if (g_ascii_isdigit (*p))
        {
          gboolean plain;

          token.number = digits_at (p, &p, &plain);
          token.is_number = TRUE;
          token.is_plain = plain;
        }
      /* The rest of the word: letters, and ’ or - inside it. */
      if (token.is_number)
        {
          const char *q = p;

          while (*q == ' ')
            q++;
          if (*q == '-' || g_str_has_prefix (q, "\xe2\x80\x93"))
            {
              q += *q == '-' ? 1 : 3;
              while (*q == ' ')
                q++;
              token.range_next = g_ascii_isdigit (*q);
            }
        }
      while (*p && (g_unichar_isalnum (g_utf8_get_char (p)) || g_unichar_ismark (g_utf8_get_char (p)) ||
                    ((*p == '\'' || *p == '-' || g_str_has_prefix (p, "\xe2\x80\x99")) &&
                     g_unichar_isalpha (g_utf8_get_char (g_utf8_next_char (p))))))
        p = g_utf8_next_char (p);
      {
        g_autofree char *word = g_strndup (start, p - start);

        token.folded = sb_name_fold (word);
      }
      if (token.is_number && !g_ascii_isdigit (token.folded[strlen (token.folded) - 1]))
        {
          const char *suffix = token.folded + strspn (token.folded, "0123456789");

          token.ordinal = in_list (suffix, (const char *[]) { "st", "nd", "rd", "th", "er", "re", "e", "ste", "de", NULL });
          token.is_number = FALSE;
        }
      for (guint i = 0; !token.is_number && !token.ordinal && i < G_N_ELEMENTS (number_words); i++)
        if (g_str_equal (token.folded, number_words[i].word))
          {
            token.number = number_words[i].value;
            token.is_number = TRUE;
          }
      /* "two hundred", "1.5 million" */
      if (tokens->len > 0)
        {
          Token *previous = &g_array_index (tokens, Token, tokens->len - 1);

          for (guint i = 0; previous->is_number && i < G_N_ELEMENTS (multipliers); i++)
            if (g_str_equal (token.folded, multipliers[i].word))
              {
                previous->number *= multipliers[i].factor;
                previous->is_plain = FALSE;
                clear_token (&token);
                token.folded = NULL;
                break;
              }
          if (token.folded == NULL)
            continue;
        }
      g_array_append_val (tokens, token);
    }
  return tokens;
}

static Token *
token_at (GArray *tokens,
          int     i)
{
  return i >= 0 && (guint) i < tokens->len ? &g_array_index (tokens, Token, i) : NULL;
}

/* Dates */

static const struct { const char *word; guint month; } months[] = {
  { "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 }, { "may", 5 }, { "june", 6 },
  { "july", 7 }, { "august", 8 }, { "september", 9 }, { "october", 10 }, { "november", 11 }, { "december", 12 },
  { "jan", 1 }, { "feb", 2 }, { "apr", 4 }, { "jun", 6 }, { "jul", 7 }, { "aug", 8 }, { "sep", 9 }, { "sept", 9 },
  { "oct", 10 }, { "nov", 11 }, { "dec", 12 },
  { "janvier", 1 }, { "fevrier", 2 }, { "mars", 3 }, { "avril", 4 }, { "mai", 5 }, { "juin", 6 },
  { "juillet", 7 }, { "aout", 8 }, { "septembre", 9 }, { "octobre", 10 }, { "novembre", 11 }, { "decembre", 12 },
  { "januari", 1 }, { "februari", 2 }, { "maart", 3 }, { "mei", 5 }, { "juni", 6 }, { "juli", 7 },
  { "augustus", 8 }, { "oktober", 10 },
};

/* What comes before a month named without its day or year. */
static const char * const month_words[] = {
  "in", "since", "during", "early", "late", "mid", "until", "by",
  "en", "depuis", "dans", "debut", "fin", "courant", "mi", "jusqu",
  "sinds", "begin", "eind", "half", "medio", "tot", NULL
};

static guint
month_of (Token *token)
{
  for (guint i = 0; token != NULL && i < G_N_ELEMENTS (months); i++)
    if (g_str_equal (token->folded, months[i].word))
      return months[i].month;
  return 0;
}

static guint
day_of (Token *token)
{
  double day;

  if (token == NULL || !(token->ordinal || (token->is_number && token->is_plain)))
    return 0;
  day = token->ordinal ? g_ascii_strtod (token->folded, NULL) : token->number;
  return day >= 1 && day <= 31 ? (guint) day : 0;
}

static int
year_of (Token *token)
{
  return token != NULL && token->is_number && token->is_plain && token->number >= 1900 && token->number <= 2100
           ? (int) token->number : 0;
}

static gboolean
source_day (const SbDate *source_date,
            GDate        *day)
{
  const SbCalendarDate *start;

  if (!sb_date_is_set (source_date) || source_date->start.precision != SB_DATE_PRECISION_DAY)
    return FALSE;
  start = &source_date->start;
  g_date_clear (day, 1);
  g_date_set_dmy (day, start->day, start->month, start->year);
  return g_date_valid (day);
}

/* The year a date without one falls in: the source's, or the one before
 * when that would put it after the source ("on 29 December" in a
 * January article).
 */
static int
year_before (const SbDate *source_date,
             guint         month,
             guint         day)
{
  const SbCalendarDate *source;

  if (source_date == NULL || !sb_date_is_set (source_date))
    return 0;
  source = &source_date->start;
  if (source->precision >= SB_DATE_PRECISION_MONTH &&
      (month > source->month || (month == source->month && source->precision == SB_DATE_PRECISION_DAY && day > source->day)))
    return source->year - 1;
  return source->year;
}

static void
set_day (SbDate *date,
         int     year,
         guint   month,
         guint   day)
{
  memset (date, 0, sizeof *date);
  date->start.year = year;
  date->start.month = month;
  date->start.day = day;
  date->start.precision = day > 0 ? SB_DATE_PRECISION_DAY : SB_DATE_PRECISION_MONTH;
}

/**
 * sb_cite_suggest_date:
 * @source_date: (nullable): when the source was published, for a date
 *   without its year ("le 3 mars") or one it gives as a weekday
 * @date: (out): the date suggested
 *
 * The first date the passage gives: a day ("on 12 March 2024", "March
 * 12, 2024", "le 3 mars", "op 5 augustus"), a month ("in March 2024"),
 * or, when it gives none, "yesterday" counted back from the source's
 * date. A weekday ("on Thursday") is left to the user: which week it
 * falls in is the reader's guess, not the passage's word.
 *
 * Returns: whether there is one
 */
gboolean
sb_cite_suggest_date (const char   *passage,
                      const SbDate *source_date,
                      SbDate       *date)
{
  g_autoptr(GArray) tokens = tokenize (passage);
  GDate today;

  g_return_val_if_fail (date != NULL, FALSE);

  for (int i = 0; (guint) i < tokens->len; i++)
    {
      guint day = day_of (token_at (tokens, i));
      guint month;
      int year, at;

      /* "12 March 2024", "le 3 mars", "the 5th of March" */
      at = i + 1 + (token_at (tokens, i + 1) && in_list (token_at (tokens, i + 1)->folded, (const char *[]) { "of", NULL }));
      if (day > 0 && (month = month_of (token_at (tokens, at))) > 0)
        {
          year = year_of (token_at (tokens, at + 1));
          if (year == 0)
            year = year_before (source_date, month, day);
          if (year == 0 || !g_date_valid_dmy (day, month, year))
            continue;
          set_day (date, year, month, day);
          return TRUE;
        }
      month = month_of (token_at (tokens, i));
      if (month == 0)
        continue;
      /* "March 12, 2024" */
      day = token_at (tokens, i + 1) && !token_at (tokens, i + 1)->separated ? day_of (token_at (tokens, i + 1)) : 0;
      if (day > 0 && year_of (token_at (tokens, i + 1)) == 0)
        {
          year = year_of (token_at (tokens, i + 2));
          if (year == 0)
            year = year_before (source_date, month, day);
          if (year == 0 || !g_date_valid_dmy (day, month, year))
            continue;
          set_day (date, year, month, day);
          return TRUE;
        }
      /* "in March 2024" */
      if ((year = year_of (token_at (tokens, i + 1))) > 0)
        {
          set_day (date, year, month, 0);
          return TRUE;
        }
      /* "In April, about 100 …": the month of the source's year, or of
       * the year before when it would come after the source. Only after
       * "in" or the like: "may" is a verb too.
       */
      if (token_at (tokens, i - 1) != NULL && in_list (token_at (tokens, i - 1)->folded, month_words) &&
          (year = year_before (source_date, month, 0)) != 0)
        {
          set_day (date, year, month, 0);
          return TRUE;
        }
    }

  if (!source_day (source_date, &today))
    return FALSE;
  for (guint i = 0; i < tokens->len; i++)
    {
      const char *word = g_array_index (tokens, Token, i).folded;

      if (in_list (word, (const char *[]) { "yesterday", "hier", "gisteren", NULL }))
        {
          g_date_subtract_days (&today, 1);
          set_day (date, g_date_get_year (&today), g_date_get_month (&today), g_date_get_day (&today));
          return TRUE;
        }
    }
  return FALSE;
}

/* Counts */

static const char * const approximately[] = {
  "some", "about", "around", "roughly", "approximately", "nearly", "almost",
  "environ", "quelque", "pres", "presque", "autour",
  "zo n", "ongeveer", "circa", "ca", "rond", "bijna", "naar schatting", NULL
};

static const char * const killed[] = {
  "killed", "dead", "deaths", "died", "dies",
  "morts", "mort", "tues", "tue", "tuee", "tuees", "deces", "peri", "perissent",
  "doden", "dode", "gedood", "omgekomen", "gesneuveld", "sneuvelden", "omkwamen", "doodgeschoten", NULL
};

/* "killing 14", "ont tué 12 soldats", "doodden 12" */
static const char * const killing[] = {
  "killing", "killed", "kills", "kill", "tuant", "tue", "tuer", "doodden", "doodt", "doden", NULL
};

/* What a number before "killed" counts when this comes first. */
static const char * const other_harm[] = {
  "wounded", "injured", "hurt", "missing", "abducted", "kidnapped", "arrested", "detained", "displaced", "captured",
  "blesses", "blesse", "disparus", "enleves", "arretes", "deplaces", "captures",
  "gewonden", "gewond", "gewonde", "vermist", "vermisten", "ontvoerd", "gearresteerd", "ontheemd", "opgepakt",
  "km", "kilometres", "kilometers", "miles", "kilometre", "trucks", "camions", "vrachtwagens", "vehicles", NULL
};

static const char * const joining[] = { "and", "et", "en", "plus", NULL };


static const char * const personnel[] = {
  "soldiers", "troops", "men", "fighters", "personnel", "militants", "mercenaries", "peacekeepers", "volunteers",
  "instructors", "commandos", "marines", "gendarmes", "paratroopers", "jihadists", "militiamen",
  "soldats", "hommes", "militaires", "combattants", "troupes", "mercenaires", "instructeurs", "volontaires",
  "casques", "djihadistes", "parachutistes", "miliciens",
  "soldaten", "militairen", "manschappen", "man", "troepen", "strijders", "commando s", "huurlingen",
  "instructeurs", "vrijwilligers", "blauwhelmen", "mariniers", "jihadisten", "para s", NULL
};

/* "2000 militairen": a number like a year that counts people. */
static gboolean
counts_people (GArray *tokens,
               int     i)
{
  for (int k = i + 1; k <= i + 2; k++)
    if (token_at (tokens, k) && (in_list (token_at (tokens, k)->folded, personnel) ||
                                 in_list (token_at (tokens, k)->folded, killed)))
      return TRUE;
  return FALSE;
}

static const char * const range_words[] = { "and", "to", "tot", "a", "au", "en", "et", NULL };

/* Where the range that starts at @i ends: "2,000 to 3,000", "2.000 tot
 * 3.000", "de 2 000 à 3 000", "400-600"; @i itself when none does.
 */
static int
range_end (GArray *tokens,
           int     i)
{
  Token *token = token_at (tokens, i);
  Token *next = token_at (tokens, i + 1);
  Token *after = token_at (tokens, i + 2);

  if (token == NULL || !token->is_number)
    return i;
  if (token->range_next && next != NULL && next->is_number && next->number > token->number)
    return i + 1;
  if (next != NULL && in_list (next->folded, range_words) && after != NULL && after->is_number &&
      after->number > token->number)
    return i + 2;
  return i;
}

/* A count, not a day of a month ("13 to 14 November" too) or a year. */
static gboolean
is_count (GArray *tokens,
          int     i)
{
  Token *token = token_at (tokens, i);
  int last;

  if (token == NULL || !token->is_number || (year_of (token) != 0 && !counts_people (tokens, i)))
    return FALSE;
  /* "12 March", "March 12": a day, as any number up to 31 beside a month;
   * not one after a comma ("on 20 March, 23 soldiers").
   */
  if (token->number <= 31 &&
      ((month_of (token_at (tokens, i + 1)) != 0 && !token_at (tokens, i + 1)->separated) ||
       (month_of (token_at (tokens, i - 1)) != 0 && !token->separated)))
    return FALSE;
  last = range_end (tokens, i);
  return last == i || month_of (token_at (tokens, last + 1)) == 0;
}

static gboolean
approximate_before (GArray *tokens,
                    int     i)
{
  for (int back = 1; back <= 2; back++)
    if (token_at (tokens, i - back) && in_list (token_at (tokens, i - back)->folded, approximately))
      return TRUE;
  return FALSE;
}

static void
set_count (SbQuantity *quantity,
           double      min,
           double      max,
           gboolean    approximate)
{
  memset (quantity, 0, sizeof *quantity);
  quantity->min = min;
  quantity->max = max;
  quantity->is_set = TRUE;
  quantity->is_range = max > min;
  quantity->approximate = approximate && max == min;
}

static const char * const between[] = { "between", "entre", "tussen", NULL };

/* Where a range of the dead that starts at @i ends ("between 15 and 20",
 * "entre 15 et 20", "15 to 20", "15-20"), or @i: "15 and 20" alone is two
 * counts ("17 soldiers and 6 drivers"), a sum.
 */
static int
dead_range_end (GArray *tokens,
                int     i)
{
  int last = range_end (tokens, i);

  if (last == i + 2 && in_list (token_at (tokens, i + 1)->folded, joining) &&
      !(token_at (tokens, i - 1) && in_list (token_at (tokens, i - 1)->folded, between)))
    return i;
  if (last > i && !is_count (tokens, last))
    return i;
  return last;
}

/* From the count at @i, the words up to "killed": the sum of counts
 * joined by "and" ("17 soldiers and 6 drivers were killed"), or -1.
 */
static double
killed_from (GArray *tokens,
             int     i)
{
  double sum = token_at (tokens, i)->number;

  for (int k = i + 1, last = i; k < (int) tokens->len && k <= last + 6; k++)
    {
      Token *token = token_at (tokens, k);

      if (in_list (token->folded, other_harm))
        return -1;
      if (in_list (token->folded, killed) && !in_list (token->folded, (const char *[]) { "doden", NULL }))
        return sum;
      /* "12 doden": the noun, right after its count. */
      if (g_str_equal (token->folded, "doden") && k <= last + 2)
        return sum;
      /* "om het leven" */
      if (g_str_equal (token->folded, "leven") && token_at (tokens, k - 1) &&
          g_str_equal (token_at (tokens, k - 1)->folded, "het"))
        return sum;
      if (token->is_number)
        {
          if (!is_count (tokens, k) || !in_list (token_at (tokens, k - 1)->folded, joining))
            return -1;
          sum += token->number;
          last = k;
        }
    }
  return -1;
}

/* "killing 20 soldiers and one civilian": the count at @i, and those
 * joined to it by "and" after a word or two that say who they are;
 * "a civilian" and "een burger" count one there.
 */
static double
killed_joined (GArray *tokens,
               int     i)
{
  double sum = token_at (tokens, i)->number;
  int k = i + 1;

  for (;;)
    {
      int words = 0;
      Token *next;

      while (token_at (tokens, k) && words < 2 && !token_at (tokens, k)->is_number &&
             !token_at (tokens, k)->separated && !in_list (token_at (tokens, k)->folded, joining) &&
             !in_list (token_at (tokens, k)->folded, other_harm))
        k++, words++;
      if (words == 0 || !token_at (tokens, k) || !in_list (token_at (tokens, k)->folded, joining) ||
          token_at (tokens, k)->separated)
        return sum;
      next = token_at (tokens, k + 1);
      if (next == NULL || next->separated)
        return sum;
      if (next->is_number && is_count (tokens, k + 1))
        sum += next->number;
      else if (in_list (next->folded, (const char *[]) { "a", "an", "een", NULL }))
        sum += 1;
      else
        return sum;
      /* Not the wounded: "and 30 wounded". */
      if (token_at (tokens, k + 2) && in_list (token_at (tokens, k + 2)->folded, other_harm))
        return sum - (next->is_number ? next->number : 1);
      k += 2;
    }
}

/**
 * sb_cite_suggest_fatalities:
 * @quantity: (out): how many were killed
 *
 * "at least 14 killed", "14 people were killed", "killing 14", "12
 * morts", "ont tué douze soldats", "12 doden", "kwamen 5 mensen om het
 * leven"; counts of the wounded or missing are not the dead.
 *
 * Returns: whether the passage says
 */
gboolean
sb_cite_suggest_fatalities (const char *passage,
                            SbQuantity *quantity)
{
  g_autoptr(GArray) tokens = tokenize (passage);

  g_return_val_if_fail (quantity != NULL, FALSE);

  for (int i = 0; (guint) i < tokens->len; i++)
    {
      Token *token = token_at (tokens, i);
      double dead;

      int last;

      /* "entre 15 et 20 soldats auraient été tués": 15 to 20, not 35. */
      if (is_count (tokens, i) && (last = dead_range_end (tokens, i)) > i &&
          killed_from (tokens, last) == token_at (tokens, last)->number)
        {
          set_count (quantity, token->number, token_at (tokens, last)->number, approximate_before (tokens, i));
          return TRUE;
        }
      if (is_count (tokens, i) && (dead = killed_from (tokens, i)) >= 0)
        {
          set_count (quantity, dead, dead, approximate_before (tokens, i));
          return TRUE;
        }
      /* "killing at least 14", "a tué 12", "doodden … zo’n 30 burgers" */
      if (in_list (token->folded, killing))
        for (int k = i + 1; k <= i + 8 && k < (int) tokens->len; k++)
          {
            if (in_list (token_at (tokens, k)->folded, other_harm))
              break;
            if (!is_count (tokens, k))
              continue;
            if (token_at (tokens, k + 1) && in_list (token_at (tokens, k + 1)->folded, other_harm))
              break;
            if ((last = dead_range_end (tokens, k)) > k)
              {
                set_count (quantity, token_at (tokens, k)->number, token_at (tokens, last)->number,
                           approximate_before (tokens, k));
                return TRUE;
              }
            dead = killed_joined (tokens, k);
            set_count (quantity, dead, dead, approximate_before (tokens, k));
            return TRUE;
          }
    }
  return FALSE;
}

/* "ont tué douze soldats" */
static gboolean
killed_before (GArray *tokens,
               int     i)
{
  for (int back = 1; back <= 3; back++)
    if (token_at (tokens, i - back) && in_list (token_at (tokens, i - back)->folded, killing))
      return TRUE;
  return FALSE;
}

/**
 * sb_cite_suggest_strength:
 * @quantity: (out): how many
 *
 * A force's size: "some 400 soldiers", "zo’n duizend militairen",
 * "between 2,000 and 3,000 troops", "some 400-600 men", "5 000 hommes";
 * not soldiers counted as killed or wounded.
 *
 * Returns: whether the passage says
 */
gboolean
sb_cite_suggest_strength (const char *passage,
                          SbQuantity *quantity)
{
  g_autoptr(GArray) tokens = tokenize (passage);

  g_return_val_if_fail (quantity != NULL, FALSE);

  for (int i = 0; (guint) i < tokens->len; i++)
    {
      double min, max;
      int k = i + 1;

      if (!is_count (tokens, i))
        continue;
      min = max = token_at (tokens, i)->number;
      /* "2,000 to 3,000", "some 400-600 men" */
      if (range_end (tokens, i) > i && is_count (tokens, range_end (tokens, i)))
        {
          k = range_end (tokens, i);
          max = token_at (tokens, k)->number;
          k++;
        }
      /* The force's name, after a few words ("400 French soldiers", "1,000
       * US military and civilian personnel"), in the same clause.
       */
      for (int noun = k; noun <= k + 4 && noun < (int) tokens->len; noun++)
        {
          if (token_at (tokens, noun)->is_number || (noun > k && token_at (tokens, noun)->separated) ||
              in_list (token_at (tokens, noun)->folded, other_harm))
            break;
          if (!in_list (token_at (tokens, noun)->folded, personnel))
            continue;
          /* Counted as killed or wounded: not the force's strength. */
          if (killed_from (tokens, i) >= 0 || killed_before (tokens, i))
            break;
          for (int after = noun + 1; after <= noun + 4 && after < (int) tokens->len; after++)
            if (in_list (token_at (tokens, after)->folded, other_harm))
              goto next;
          set_count (quantity, min, max, approximate_before (tokens, i));
          return TRUE;
        }
    next:
      ;
    }
  return FALSE;
}

/**
 * sb_cite_suggest_count:
 * @quantity: (out): how many
 *
 * The first count of the passage, or the range it begins ("between 2,000
 * and 3,000", "400–600"): a number that is not a day of a month ("the
 * night of 13 to 14 November") nor a year.
 *
 * Returns: whether the passage has one
 */
gboolean
sb_cite_suggest_count (const char *passage,
                       SbQuantity *quantity)
{
  g_autoptr(GArray) tokens = tokenize (passage);

  g_return_val_if_fail (quantity != NULL, FALSE);

  for (int i = 0; (guint) i < tokens->len; i++)
    {
      int last;

      if (!is_count (tokens, i))
        continue;
      last = range_end (tokens, i);
      if (!is_count (tokens, last))
        last = i;
      set_count (quantity, token_at (tokens, i)->number, token_at (tokens, last)->number, approximate_before (tokens, i));
      return TRUE;
    }
  return FALSE;
}

/**
 * sb_cite_suggest_actors:
 * @except: (nullable): an actor not to suggest (who claims the passage)
 *
 * Returns: (transfer container) (element-type SbActor): the briefing's
 *   actors the passage names, by any of their names, in the order it
 *   first names them
 */
GPtrArray *
sb_cite_suggest_actors (SbBriefing *briefing,
                        const char *passage,
                        SbActor    *except)
{
  g_autoptr(SbNameMatcher) matcher = sb_name_matcher_new (FALSE);
  g_autoptr(GArray) found = NULL;
  GPtrArray *named = g_ptr_array_new ();
  GListModel *actors;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), named);

  actors = sb_briefing_get_actors (briefing);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (actors, i);

      sb_actor_names_add (matcher, actor, NULL);
    }
  found = sb_name_matcher_find (matcher, passage);
  for (guint i = 0; i < found->len; i++)
    {
      SbActor *actor = g_array_index (found, SbNameMatch, i).data;

      if (actor != except && !g_ptr_array_find (named, actor, NULL))
        g_ptr_array_add (named, actor);
    }
  return named;
}
