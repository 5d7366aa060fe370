/* sb-date.c
 *
 * Dates as precise as the source gives them: a year, a month or a day,
 * approximate, or a span.
 *
 * Days are counted as GLib's Julian day numbers so that ranges of dates
 * known to different precisions compare with plain integers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-date"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sb-date.h"

static gboolean
parse_digits (const char *p,
              guint       n_digits,
              guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }

  *value = v;
  return TRUE;
}

/**
 * sb_calendar_date_parse:
 * @string: "YYYY", "YYYY-MM" or "YYYY-MM-DD"
 *
 * Returns: %TRUE if @string is one of the three forms and names a date
 *   that exists, with a year from 1000 to 9999
 */
gboolean
sb_calendar_date_parse (const char     *string,
                        SbCalendarDate *date)
{
  gsize len;
  guint year, month = 0, day = 0;

  g_return_val_if_fail (string != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  len = strlen (string);
  if (len != 4 && len != 7 && len != 10)
    return FALSE;

  if (!parse_digits (string, 4, &year) || year < 1000)
    return FALSE;

  if (len >= 7 &&
      (string[4] != '-' || !parse_digits (string + 5, 2, &month) ||
       month < 1 || month > 12))
    return FALSE;

  if (len == 10 &&
      (string[7] != '-' || !parse_digits (string + 8, 2, &day) ||
       !g_date_valid_dmy (day, month, year)))
    return FALSE;

  date->year = year;
  date->month = month;
  date->day = day;
  date->precision = len == 4 ? SB_DATE_PRECISION_YEAR
                  : len == 7 ? SB_DATE_PRECISION_MONTH
                  : SB_DATE_PRECISION_DAY;
  return TRUE;
}

/**
 * sb_calendar_date_format:
 *
 * Writes @date as sb_calendar_date_to_string() gives it, with a NUL
 * after it, without allocating: the writer writes millions.
 *
 * Returns: the number of characters before the NUL; 0 for no date
 */
gsize
sb_calendar_date_format (const SbCalendarDate *date,
                         char                  buffer[SB_CALENDAR_DATE_BUF_SIZE])
{
  gsize length;

  g_return_val_if_fail (date != NULL, 0);

  buffer[0] = '\0';
  if (date->precision == SB_DATE_PRECISION_NONE || date->precision > SB_DATE_PRECISION_DAY)
    return 0;

  if (date->year < 0 || date->year > 9999 || date->month > 99 || date->day > 99)
    {
      switch (date->precision)
        {
        case SB_DATE_PRECISION_YEAR:
          return g_snprintf (buffer, SB_CALENDAR_DATE_BUF_SIZE, "%04d", date->year);
        case SB_DATE_PRECISION_MONTH:
          return g_snprintf (buffer, SB_CALENDAR_DATE_BUF_SIZE, "%04d-%02u", date->year, date->month);
        case SB_DATE_PRECISION_NONE:
        case SB_DATE_PRECISION_DAY:
        default:
          return g_snprintf (buffer, SB_CALENDAR_DATE_BUF_SIZE, "%04d-%02u-%02u", date->year, date->month, date->day);
        }
    }

  buffer[0] = '0' + date->year / 1000;
  buffer[1] = '0' + date->year / 100 % 10;
  buffer[2] = '0' + date->year / 10 % 10;
  buffer[3] = '0' + date->year % 10;
  length = 4;
  if (date->precision >= SB_DATE_PRECISION_MONTH)
    {
      buffer[4] = '-';
      buffer[5] = '0' + date->month / 10;
      buffer[6] = '0' + date->month % 10;
      length = 7;
    }
  if (date->precision == SB_DATE_PRECISION_DAY)
    {
      buffer[7] = '-';
      buffer[8] = '0' + date->day / 10;
      buffer[9] = '0' + date->day % 10;
      length = 10;
    }
  buffer[length] = '\0';

  return length;
}

char *
sb_calendar_date_to_string (const SbCalendarDate *date)
{
  char buffer[SB_CALENDAR_DATE_BUF_SIZE];

  g_return_val_if_fail (date != NULL, NULL);

  if (sb_calendar_date_format (date, buffer) == 0)
    return NULL;

  return g_strdup (buffer);
}

static guint32
julian_day (guint day,
            guint month,
            guint year)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}

guint32
sb_calendar_date_first_day (const SbCalendarDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  if (date->precision == SB_DATE_PRECISION_NONE)
    return 0;

  return julian_day (date->day ? date->day : 1,
                     date->month ? date->month : 1,
                     date->year);
}

guint32
sb_calendar_date_last_day (const SbCalendarDate *date)
{
  guint month, day;

  g_return_val_if_fail (date != NULL, 0);

  if (date->precision == SB_DATE_PRECISION_NONE)
    return 0;

  month = date->month ? date->month : 12;
  day = date->day ? date->day : g_date_get_days_in_month (month, date->year);
  return julian_day (day, month, date->year);
}

int
sb_calendar_date_compare (const SbCalendarDate *a,
                          const SbCalendarDate *b)
{
  guint32 a_first = sb_calendar_date_first_day (a);
  guint32 b_first = sb_calendar_date_first_day (b);

  if (a_first != b_first)
    return a_first < b_first ? -1 : 1;

  /* The more precise of two dates that start on the same day comes first:
   * "15 August" before "August".
   */
  return (int) b->precision - (int) a->precision;
}

gboolean
sb_date_is_set (const SbDate *date)
{
  return date != NULL && date->start.precision != SB_DATE_PRECISION_NONE;
}

guint32
sb_date_get_first_day (const SbDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  return sb_calendar_date_first_day (&date->start);
}

/**
 * sb_date_get_last_day:
 * @open_end: the day an open span ("since 2015") is taken to reach
 *
 * Returns: the Julian day number of the last day @date may cover
 */
guint32
sb_date_get_last_day (const SbDate *date,
                      guint32       open_end)
{
  g_return_val_if_fail (date != NULL, 0);

  if (!date->is_span)
    return sb_calendar_date_last_day (&date->start);

  if (date->end.precision == SB_DATE_PRECISION_NONE)
    return MAX (open_end, sb_calendar_date_last_day (&date->start));

  return sb_calendar_date_last_day (&date->end);
}

int
sb_date_compare (const SbDate *a,
                 const SbDate *b)
{
  if (!sb_date_is_set (a) || !sb_date_is_set (b))
    return (int) sb_date_is_set (b) - (int) sb_date_is_set (a);

  return sb_calendar_date_compare (&a->start, &b->start);
}

gboolean
sb_date_equal (const SbDate *a,
               const SbDate *b)
{
  return memcmp (&a->start, &b->start, sizeof a->start) == 0 &&
         memcmp (&a->end, &b->end, sizeof a->end) == 0 &&
         a->is_span == b->is_span &&
         a->approximate == b->approximate;
}
