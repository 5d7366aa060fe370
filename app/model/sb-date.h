/* sb-date.h
 *
 * When something happened, as precisely as the source says: a year, a
 * month or a day, possibly approximate, or a span between two of those.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SB_DATE_PRECISION_NONE,
  SB_DATE_PRECISION_YEAR,
  SB_DATE_PRECISION_MONTH,
  SB_DATE_PRECISION_DAY,
} SbDatePrecision;

typedef struct
{
  gint16 year;
  guint8 month;            /* 1–12, 0 below month precision */
  guint8 day;              /* 1–31, 0 below day precision */
  guint8 precision;        /* SbDatePrecision: a byte, as millions of statements have dates */
} SbCalendarDate;

typedef struct
{
  SbCalendarDate start;
  SbCalendarDate end;      /* precision NONE: no end (open span or single date) */
  guint is_span : 1;
  guint approximate : 1;
} SbDate;

gboolean  sb_calendar_date_parse      (const char           *string,
                                       SbCalendarDate       *date);
char     *sb_calendar_date_to_string  (const SbCalendarDate *date);
#define SB_CALENDAR_DATE_BUF_SIZE 24
gsize     sb_calendar_date_format     (const SbCalendarDate *date,
                                       char                  buffer[SB_CALENDAR_DATE_BUF_SIZE]);
guint32   sb_calendar_date_first_day  (const SbCalendarDate *date);
guint32   sb_calendar_date_last_day   (const SbCalendarDate *date);
int       sb_calendar_date_compare    (const SbCalendarDate *a,
                                       const SbCalendarDate *b);

gboolean  sb_date_is_set              (const SbDate         *date);
guint32   sb_date_get_first_day       (const SbDate         *date);
guint32   sb_date_get_last_day        (const SbDate         *date,
                                       guint32               open_end);
int       sb_date_compare             (const SbDate         *a,
                                       const SbDate         *b);
gboolean  sb_date_equal               (const SbDate         *a,
                                       const SbDate         *b);

G_END_DECLS
