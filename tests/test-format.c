/* test-format.c
 *
 * Dates, numbers and ranges as the user's locale writes them: "15 augustus
 * 2022" and "1.800.000" in Dutch, "15 août 2022" and "1 800 000" in
 * French, including dates known only to the month or the year. Each
 * locale's tests are skipped where that locale is not installed
 * (build-aux/check generates nl_NL.UTF-8 and fr_FR.UTF-8).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sb-format.h"

static gboolean
use_locale (const char *locale,
            const char *language)
{
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_autofree char *message =
        g_strdup_printf ("the locale %s is not installed (generate it with: localedef -i %.5s -f UTF-8 %s)",
                         locale, locale, locale);

      g_test_skip (message);
      return FALSE;
    }

  g_setenv ("LANGUAGE", language, TRUE);
  return TRUE;
}

static char *
format_day (int year, int month, int day)
{
  SbDate date = { .start = { year, month, day, SB_DATE_PRECISION_DAY } };

  return sb_format_date (&date);
}

static char *
format_month (int year, int month)
{
  SbDate date = { .start = { year, month, 0, SB_DATE_PRECISION_MONTH } };

  return sb_format_date (&date);
}

static char *
format_year (int year)
{
  SbDate date = { .start = { year, 0, 0, SB_DATE_PRECISION_YEAR } };

  return sb_format_date (&date);
}

static char *
format_range (double min, double max, gboolean approximate)
{
  SbQuantity quantity = { .min = min, .max = max, .is_set = TRUE,
                          .is_range = min != max, .approximate = approximate };

  return sb_format_quantity (&quantity);
}

typedef struct
{
  const char *locale;
  const char *language;
  const char *day;           /* 15 August 2022 */
  const char *first_day;     /* 1 March 2012 */
  const char *month;         /* August 2022 */
  const char *number;        /* 1800000 */
  const char *decimal;       /* 2.5 */
  const char *range;         /* 300–400 */
  const char *about_range;   /* about 300–400 */
  const char *since;         /* since 2015 */
} Expected;

static const Expected english = {
  "C.UTF-8", "en", "15 August 2022", "1 March 2012", "August 2022",
  "1,800,000", "2.5", "300–400", "about 300–400", "since 2015",
};

static const Expected dutch = {
  "nl_NL.UTF-8", "nl", "15 augustus 2022", "1 maart 2012", "augustus 2022",
  "1.800.000", "2,5", "300–400", "ongeveer 300–400", "sinds 2015",
};

/* French groups digits with a narrow no-break space (U+202F). */
static const Expected french = {
  "fr_FR.UTF-8", "fr", "15 août 2022", "1er mars 2012", "août 2022",
  "1\u202f800\u202f000", "2,5", "300–400", "environ 300–400", "depuis 2015",
};

static void
test_locale (gconstpointer data)
{
  const Expected *expected = data;
  g_autofree char *day = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *month = NULL;
  g_autofree char *year = NULL;
  g_autofree char *number = NULL;
  g_autofree char *decimal = NULL;
  g_autofree char *range = NULL;
  g_autofree char *about_range = NULL;
  g_autofree char *since = NULL;
  SbDate since_2015 = { .start = { 2015, 0, 0, SB_DATE_PRECISION_YEAR }, .is_span = TRUE };

  if (!use_locale (expected->locale, expected->language))
    return;

  day = format_day (2022, 8, 15);
  first_day = format_day (2012, 3, 1);
  month = format_month (2022, 8);
  year = format_year (2022);
  number = sb_format_number (1800000);
  decimal = sb_format_number (2.5);
  range = format_range (300, 400, FALSE);
  about_range = format_range (300, 400, TRUE);
  since = sb_format_date (&since_2015);

  g_assert_cmpstr (day, ==, expected->day);
  g_assert_cmpstr (first_day, ==, expected->first_day);
  g_assert_cmpstr (month, ==, expected->month);
  g_assert_cmpstr (year, ==, "2022");
  g_assert_cmpstr (number, ==, expected->number);
  g_assert_cmpstr (decimal, ==, expected->decimal);
  g_assert_cmpstr (range, ==, expected->range);
  g_assert_cmpstr (about_range, ==, expected->about_range);
  g_assert_cmpstr (since, ==, expected->since);
}

/* Small numbers are not grouped, negative ones keep their sign. */
static void
test_grouping (void)
{
  g_autofree char *small = NULL;
  g_autofree char *thousand = NULL;
  g_autofree char *negative = NULL;

  if (!use_locale ("C.UTF-8", "en"))
    return;

  small = sb_format_number (999);
  thousand = sb_format_number (1000);
  negative = sb_format_number (-49000);
  g_assert_cmpstr (small, ==, "999");
  g_assert_cmpstr (thousand, ==, "1,000");
  g_assert_cmpstr (negative, ==, "-49,000");
}

/* How precisely a date is known, said for each end of a span when the
 * ends differ ("2019 – 5 August 2024").
 */
static void
test_precision (void)
{
  SbDate day = { .start = { 2024, 8, 5, SB_DATE_PRECISION_DAY } };
  SbDate year_to_day = { .start = { 2019, 0, 0, SB_DATE_PRECISION_YEAR },
                         .end = { 2024, 8, 5, SB_DATE_PRECISION_DAY }, .is_span = TRUE };
  SbDate month_to_year = { .start = { 2019, 3, 0, SB_DATE_PRECISION_MONTH },
                           .end = { 2024, 0, 0, SB_DATE_PRECISION_YEAR }, .is_span = TRUE };
  SbDate since_day = { .start = { 2024, 8, 5, SB_DATE_PRECISION_DAY }, .is_span = TRUE };
  SbDate months = { .start = { 2019, 3, 0, SB_DATE_PRECISION_MONTH },
                    .end = { 2024, 8, 0, SB_DATE_PRECISION_MONTH }, .is_span = TRUE };
  g_autofree char *day_words = NULL;
  g_autofree char *year_to_day_words = NULL;
  g_autofree char *month_to_year_words = NULL;
  g_autofree char *since_day_words = NULL;
  g_autofree char *months_words = NULL;

  if (!use_locale ("C.UTF-8", "en"))
    return;

  day_words = sb_format_date_precision (&day);
  year_to_day_words = sb_format_date_precision (&year_to_day);
  month_to_year_words = sb_format_date_precision (&month_to_year);
  since_day_words = sb_format_date_precision (&since_day);
  months_words = sb_format_date_precision (&months);
  g_assert_cmpstr (day_words, ==, "Known to the day");
  g_assert_cmpstr (year_to_day_words, ==, "Start known to the year, end to the day");
  g_assert_cmpstr (month_to_year_words, ==, "Start known to the month, end to the year");
  g_assert_cmpstr (since_day_words, ==, "Known to the day");
  g_assert_cmpstr (months_words, ==, "Known to the month");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_data_func ("/format/english", &english, test_locale);
  g_test_add_data_func ("/format/dutch", &dutch, test_locale);
  g_test_add_data_func ("/format/french", &french, test_locale);
  g_test_add_func ("/format/grouping", test_grouping);
  g_test_add_func ("/format/precision", test_precision);

  return g_test_run ();
}
