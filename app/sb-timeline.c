/* sb-timeline.c
 *
 * The timeline below the map: incidents over time, and the time range
 * that filters every view.
 *
 * The counts come from a worker thread (a million incidents take a
 * while) and are asked for again only when a filter other than the time
 * range changes. Bins are calendar days, weeks, months or years, chosen
 * so that a briefing's whole span fits in a few dozen to a few hundred.
 * The keys and the play button move the range by whole bins; a drag sets
 * it to the day, and reaches the selection at most every RATE_MS so the
 * map and the lists are not asked to filter a million items per pixel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-timeline"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sb-changes.h"
#include "sb-date-histogram.h"
#include "sb-format.h"
#include "sb-timeline.h"

#define PLAY_STEP_MS 800
#define RATE_MS 150
#define HANDLE_REACH 10.0
#define AXIS_HEIGHT 22.0
#define PAD 4.0

typedef enum
{
  UNIT_DAY,
  UNIT_WEEK,
  UNIT_MONTH,
  UNIT_YEAR,
} Unit;

typedef enum
{
  DRAG_NONE,
  DRAG_NEW,
  DRAG_MOVE,
  DRAG_START,
  DRAG_END,
} DragMode;

struct _SbTimeline
{
  GtkWidget parent_instance;

  GtkButton *play_button;
  GtkLabel *range_label;
  GtkDrawingArea *histogram;

  SbSelection *selection;
  SbDateHistogram *counts;      /* nullable */
  SbFilter *counting;           /* the filter being counted, nullable */
  GCancellable *cancellable;

  Unit unit;
  GArray *bins;                 /* of guint32: each bin's first day, then the day after the last */

  guint32 first_day;            /* the range drawn, 0 for none */
  guint32 last_day;

  DragMode drag_mode;
  double drag_x;
  guint32 drag_day;
  guint32 drag_first;
  guint32 drag_last;
  gint64 last_applied;
  guint apply_source;
  guint play_source;
};

G_DEFINE_FINAL_TYPE (SbTimeline, sb_timeline, GTK_TYPE_WIDGET)

static void update_label (SbTimeline *self);

/* ------------------------------------------------------------------ */
/* Bins                                                                 */
/* ------------------------------------------------------------------ */

static guint32
align_day (guint32 day,
           Unit    unit)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);

  switch (unit)
    {
    case UNIT_WEEK:
      return day - (g_date_get_weekday (&date) - G_DATE_MONDAY);
    case UNIT_MONTH:
      g_date_set_day (&date, 1);
      return g_date_get_julian (&date);
    case UNIT_YEAR:
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, g_date_get_year (&date));
      return g_date_get_julian (&date);
    case UNIT_DAY:
    default:
      return day;
    }
}

static guint32
next_day (guint32 day,
          Unit    unit)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);

  switch (unit)
    {
    case UNIT_WEEK:
      return day + 7;
    case UNIT_MONTH:
      g_date_add_months (&date, 1);
      return g_date_get_julian (&date);
    case UNIT_YEAR:
      g_date_add_years (&date, 1);
      return g_date_get_julian (&date);
    case UNIT_DAY:
    default:
      return day + 1;
    }
}

static void
make_bins (SbTimeline *self)
{
  guint32 first, last;

  g_array_set_size (self->bins, 0);
  if (self->counts == NULL || sb_date_histogram_get_n_items (self->counts) == 0)
    return;

  first = sb_date_histogram_get_first_day (self->counts);
  last = sb_date_histogram_get_last_day (self->counts);

  if (last - first < 120)
    self->unit = UNIT_DAY;
  else if (last - first < 2 * 366)
    self->unit = UNIT_WEEK;
  else if (last - first < 30 * 366)
    self->unit = UNIT_MONTH;
  else
    self->unit = UNIT_YEAR;

  for (guint32 day = align_day (first, self->unit); day <= last; day = next_day (day, self->unit))
    g_array_append_val (self->bins, day);
  {
    guint32 end = next_day (g_array_index (self->bins, guint32, self->bins->len - 1), self->unit);

    g_array_append_val (self->bins, end);
  }
}

static guint
n_bins (SbTimeline *self)
{
  return self->bins->len > 0 ? self->bins->len - 1 : 0;
}

static guint32
bin_start (SbTimeline *self,
           guint       bin)
{
  return g_array_index (self->bins, guint32, bin);
}

/* The bin holding @day, clamped to the span. */
static guint
bin_of (SbTimeline *self,
        guint32     day)
{
  guint lo = 0, hi = n_bins (self);

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (bin_start (self, mid) <= day)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

/* ------------------------------------------------------------------ */
/* The range                                                            */
/* ------------------------------------------------------------------ */

static gboolean
has_range (SbTimeline *self)
{
  return self->first_day != 0 || self->last_day != 0;
}

/* The range as days within the span, open ends closed. */
static void
get_range (SbTimeline *self,
           guint32    *first,
           guint32    *last)
{
  *first = self->first_day ? self->first_day : bin_start (self, 0);
  *last = self->last_day ? self->last_day : bin_start (self, n_bins (self)) - 1;
}

static void
update_accessible (SbTimeline *self)
{
  g_autofree char *text = g_strdup (gtk_label_get_text (self->range_label));
  guint32 first = 0, last = 0;

  if (n_bins (self) > 0)
    get_range (self, &first, &last);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->histogram),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) MAX (n_bins (self), 1) - 1,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, n_bins (self) ? (double) bin_of (self, first) : 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static gboolean
apply_now (gpointer user_data)
{
  SbTimeline *self = user_data;

  g_clear_handle_id (&self->apply_source, g_source_remove);
  self->last_applied = g_get_monotonic_time ();
  if (self->selection != NULL)
    sb_selection_set_time_range (self->selection, self->first_day, self->last_day);

  return G_SOURCE_REMOVE;
}

/* Draws @first to @last at once; tells the selection soon. */
static void
set_range (SbTimeline *self,
           guint32     first,
           guint32     last,
           gboolean    at_once)
{
  self->first_day = first;
  self->last_day = last;
  gtk_widget_queue_draw (GTK_WIDGET (self->histogram));
  update_label (self);

  if (at_once || g_get_monotonic_time () - self->last_applied >= RATE_MS * 1000)
    apply_now (self);
  else if (self->apply_source == 0)
    self->apply_source = g_timeout_add (RATE_MS, apply_now, self);
}

static void
set_bins (SbTimeline *self,
          guint       first_bin,
          guint       last_bin)
{
  set_range (self, bin_start (self, first_bin), bin_start (self, last_bin + 1) - 1, TRUE);
}

/* Moves the range by @step bins, keeping its length in bins. */
static gboolean
move_range (SbTimeline *self,
            int         step)
{
  guint32 first, last;
  int first_bin, last_bin, length, n = n_bins (self);

  if (n == 0)
    return FALSE;

  if (!has_range (self))
    {
      first_bin = step >= 0 ? 0 : n - 1;
      set_bins (self, first_bin, first_bin);
      return TRUE;
    }

  get_range (self, &first, &last);
  first_bin = bin_of (self, first);
  last_bin = bin_of (self, last);
  length = last_bin - first_bin;
  first_bin = CLAMP (first_bin + step, 0, n - 1 - length);
  set_bins (self, first_bin, first_bin + length);

  return first_bin + length < n - 1;
}

static void
resize_range (SbTimeline *self,
              int         step)
{
  guint32 first, last;
  int first_bin, last_bin;

  if (n_bins (self) == 0)
    return;

  if (!has_range (self))
    {
      set_bins (self, 0, MAX (step, 0));
      return;
    }

  get_range (self, &first, &last);
  first_bin = bin_of (self, first);
  last_bin = CLAMP ((int) bin_of (self, last) + step, first_bin, (int) n_bins (self) - 1);
  set_bins (self, first_bin, last_bin);
}

/* ------------------------------------------------------------------ */
/* Drawing                                                              */
/* ------------------------------------------------------------------ */

/* Time runs the way text does: from the right in a right-to-left
 * language, as in GtkScale. */
static gboolean
is_rtl (SbTimeline *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

static double
day_to_x (SbTimeline *self,
          double      day,
          double      width)
{
  double first = bin_start (self, 0), end = bin_start (self, n_bins (self));
  double x = PAD + (day - first) / MAX (end - first, 1) * (width - 2 * PAD);

  return is_rtl (self) ? width - x : x;
}

static guint32
x_to_day (SbTimeline *self,
          double      x,
          double      width)
{
  double first = bin_start (self, 0), end = bin_start (self, n_bins (self));
  double day;

  if (is_rtl (self))
    x = width - x;
  day = first + (x - PAD) / MAX (width - 2 * PAD, 1) * (end - first);

  return (guint32) CLAMP (day, first, end - 1);
}

static void
set_rgba (cairo_t       *cr,
          const GdkRGBA *rgba,
          double         alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

static void
draw_bars (SbTimeline    *self,
           cairo_t       *cr,
           double         width,
           double         bottom,
           const GdkRGBA *bar)
{
  g_autofree double *exact = g_new (double, n_bins (self));
  g_autofree double *spread = g_new (double, n_bins (self));
  double max = 0;

  for (guint i = 0; i < n_bins (self); i++)
    {
      sb_date_histogram_count (self->counts, bin_start (self, i), bin_start (self, i + 1) - 1,
                               &exact[i], &spread[i]);
      max = MAX (max, exact[i] + spread[i]);
    }

  for (guint i = 0; i < n_bins (self); i++)
    {
      double a = day_to_x (self, bin_start (self, i), width);
      double b = day_to_x (self, bin_start (self, i + 1), width);
      double x0 = MIN (a, b), x1 = MAX (a, b);
      double gap = x1 - x0 >= 4 ? 1 : 0;
      double h_exact = max > 0 ? exact[i] / max * (bottom - PAD) : 0;
      double h_spread = max > 0 ? spread[i] / max * (bottom - PAD) : 0;

      /* Known to the day: solid. Known only to a month or a year, or
       * spanning days: spread over them, paler.
       */
      if (h_exact > 0)
        {
          cairo_rectangle (cr, x0, bottom - MAX (h_exact, 1), x1 - x0 - gap, MAX (h_exact, 1));
          set_rgba (cr, bar, 1.0);
          cairo_fill (cr);
        }
      if (h_spread > 0)
        {
          cairo_rectangle (cr, x0, bottom - h_exact - MAX (h_spread, 1), x1 - x0 - gap, MAX (h_spread, 1));
          set_rgba (cr, bar, 0.4);
          cairo_fill (cr);
        }
    }
}

static void
draw_axis (SbTimeline    *self,
           cairo_t       *cr,
           double         width,
           double         bottom,
           const GdkRGBA *fg)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->histogram), NULL);
  Unit label_unit = self->unit == UNIT_DAY || self->unit == UNIT_WEEK ? UNIT_MONTH : UNIT_YEAR;
  gboolean rtl = is_rtl (self);
  double last_end = -G_MAXDOUBLE;  /* how far the last label reaches, forward in time */
  guint32 end = bin_start (self, n_bins (self));

  for (guint32 day = align_day (bin_start (self, 0), label_unit); day < end; day = next_day (day, label_unit))
    {
      double x = day_to_x (self, day, width);
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *text = NULL;
      PangoRectangle extents;
      GDate date;

      if (rtl ? x > width - PAD : x < PAD)
        continue;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      when = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date), 1, 0, 0, 0);
      /* TRANSLATORS: a month on the timeline's axis, see g_date_time_format() */
      text = g_date_time_format (when, label_unit == UNIT_MONTH ? _("%b %Y") : "%Y");
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_extents (layout, NULL, &extents);

      cairo_move_to (cr, x + 0.5, bottom);
      cairo_line_to (cr, x + 0.5, bottom + 5);
      set_rgba (cr, fg, 0.6);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);

      /* The label stands in its month or year: after the tick in time. */
      {
        double forward = rtl ? width - x : x;  /* the same, measured the way time runs */

        if (forward + 3 < last_end + 12 || forward + 3 + extents.width > width)
          continue;

        cairo_move_to (cr, rtl ? x - 3 - extents.width : x + 3, bottom + 2);
        set_rgba (cr, fg, 0.85);
        pango_cairo_show_layout (cr, layout);
        last_end = forward + 3 + extents.width;
      }
    }
}

static void
draw_selected_date (SbTimeline *self,
                    cairo_t    *cr,
                    double      width,
                    double      bottom)
{
  SbEntity *selected = self->selection ? sb_selection_get_selected (self->selection) : NULL;
  const SbDate *date;
  SbBriefing *briefing;
  double x0, x1;

  if (!SB_IS_ITEM (selected))
    return;

  date = sb_item_get_date (SB_ITEM (selected));
  if (!sb_date_is_set (date))
    return;

  briefing = sb_selection_get_briefing (self->selection);
  x0 = day_to_x (self, sb_date_get_first_day (date), width);
  x1 = day_to_x (self, sb_date_get_last_day (date, briefing ? sb_briefing_get_last_day (briefing) : 0) + 1, width);
  if (x0 > x1)
    {
      double swap = x0;

      x0 = x1;
      x1 = swap;
    }

  /* Orange reads on light and dark alike, and apart from the bars' blue. */
  if (x1 - x0 >= 4)
    {
      /* Known only to a month or a year, or lasting: a span, not a point. */
      cairo_rectangle (cr, x0, PAD, x1 - x0, bottom - PAD);
      cairo_set_source_rgba (cr, 0.9, 0.38, 0.0, 0.25);
      cairo_fill (cr);
      cairo_rectangle (cr, x0 + 1, PAD + 1, x1 - x0 - 2, bottom - PAD - 2);
      cairo_set_source_rgb (cr, 0.9, 0.38, 0.0);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  else
    {
      double x = (x0 + x1) / 2;

      cairo_move_to (cr, x, PAD + 6);
      cairo_line_to (cr, x, bottom);
      cairo_set_source_rgb (cr, 0.9, 0.38, 0.0);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
      cairo_move_to (cr, x - 6, PAD);
      cairo_line_to (cr, x + 6, PAD);
      cairo_line_to (cr, x, PAD + 8);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
}

static void
draw_range (SbTimeline    *self,
            cairo_t       *cr,
            double         width,
            double         bottom,
            const GdkRGBA *fg,
            const GdkRGBA *bg)
{
  guint32 first, last;
  double x0, x1;

  if (!has_range (self))
    return;

  get_range (self, &first, &last);
  x0 = MIN (day_to_x (self, first, width), day_to_x (self, last + 1, width));
  x1 = MAX (day_to_x (self, first, width), day_to_x (self, last + 1, width));

  /* What is not shown is veiled. */
  set_rgba (cr, bg, 0.72);
  cairo_rectangle (cr, 0, 0, x0, bottom);
  cairo_rectangle (cr, x1, 0, width - x1, bottom);
  cairo_fill (cr);

  set_rgba (cr, fg, 1.0);
  cairo_set_line_width (cr, 3);
  cairo_move_to (cr, x0, 0);
  cairo_line_to (cr, x0, bottom);
  cairo_move_to (cr, x1, 0);
  cairo_line_to (cr, x1, bottom);
  cairo_stroke (cr);

  /* Grips that say the edges can be dragged. */
  for (guint i = 0; i < 2; i++)
    {
      double x = i == 0 ? x0 : x1;

      cairo_rectangle (cr, x - 4, bottom / 2 - 10, 8, 20);
      set_rgba (cr, fg, 1.0);
      cairo_fill_preserve (cr);
      set_rgba (cr, bg, 1.0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
}

static void
draw_histogram (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  SbTimeline *self = user_data;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA fg, bg = dark ? (GdkRGBA) { 0.14, 0.14, 0.14, 1 } : (GdkRGBA) { 0.98, 0.98, 0.98, 1 };
  GdkRGBA bar = dark ? (GdkRGBA) { 0.47, 0.68, 0.93, 1 } : (GdkRGBA) { 0.11, 0.44, 0.85, 1 };
  double bottom = height - AXIS_HEIGHT;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);

  set_rgba (cr, &bg, 1.0);
  cairo_rectangle (cr, 0, 0, width, bottom);
  cairo_fill (cr);

  if (n_bins (self) > 0)
    {
      draw_bars (self, cr, width, bottom, &bar);
      draw_range (self, cr, width, bottom, &fg, &bg);
      draw_selected_date (self, cr, width, bottom);
      draw_axis (self, cr, width, bottom, &fg);
    }

  set_rgba (cr, &fg, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, bottom + 0.5);
  cairo_line_to (cr, width, bottom + 0.5);
  cairo_stroke (cr);

  if (gtk_widget_has_visible_focus (GTK_WIDGET (area)))
    {
      cairo_rectangle (cr, 1, 1, width - 2, bottom - 2);
      cairo_set_source_rgba (cr, bar.red, bar.green, bar.blue, 0.8);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}

static char *
format_day (guint32 day)
{
  SbDate date = { 0, };
  GDate gdate;

  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, day);
  date.start.year = g_date_get_year (&gdate);
  date.start.month = g_date_get_month (&gdate);
  date.start.day = g_date_get_day (&gdate);
  date.start.precision = SB_DATE_PRECISION_DAY;

  return sb_format_date (&date);
}

static void
update_label (SbTimeline *self)
{
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *text = NULL;
  double exact, spread;
  guint32 first, last;
  guint count;

  if (self->counts == NULL)
    {
      gtk_label_set_text (self->range_label, self->cancellable ? _("Counting incidents…") : "");
      update_accessible (self);
      return;
    }

  if (n_bins (self) == 0)
    {
      gtk_label_set_text (self->range_label, _("No dated incidents"));
      update_accessible (self);
      return;
    }

  get_range (self, &first, &last);
  sb_date_histogram_count (self->counts, first, last, &exact, &spread);
  count = (guint) (exact + spread + 0.5);
  count_text = sb_format_number (count);
  first_text = format_day (first);
  last_text = format_day (last);

  if (!has_range (self))
    /* TRANSLATORS: "All dates: 3 January 2018 – 30 December 2023 · 12,345 incidents" */
    text = g_strdup_printf (ngettext ("All dates: %s – %s · %s incident",
                                      "All dates: %s – %s · %s incidents", count),
                            first_text, last_text, count_text);
  else
    /* TRANSLATORS: "3 August 2020 – 9 September 2020 · 1,234 incidents" */
    text = g_strdup_printf (ngettext ("%s – %s · %s incident", "%s – %s · %s incidents", count),
                            first_text, last_text, count_text);

  gtk_label_set_text (self->range_label, text);
  update_accessible (self);
}

/* ------------------------------------------------------------------ */
/* Counting                                                             */
/* ------------------------------------------------------------------ */

static void
on_counted (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SbTimeline) self = user_data;
  g_autoptr(SbDateHistogram) counts = sb_date_histogram_new_finish (result, NULL);

  if (counts == NULL)
    return;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->counting, sb_filter_unref);
  g_clear_pointer (&self->counts, sb_date_histogram_unref);
  self->counts = g_steal_pointer (&counts);
  make_bins (self);
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->histogram));
}

static void
start_counting (SbTimeline *self,
                SbFilter   *filter)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->counting, sb_filter_unref);

  if (sb_filter_get_briefing (filter) != NULL)
    {
      self->cancellable = g_cancellable_new ();
      self->counting = sb_filter_ref (filter);
      sb_date_histogram_new_async (filter, SB_ITEM_KIND_INCIDENT, self->cancellable, on_counted, g_object_ref (self));
    }
}

static void
on_filter_changed (SbTimeline *self)
{
  g_autoptr(SbFilter) filter = sb_filter_ref (sb_selection_get_filter (self->selection));

  if (self->drag_mode == DRAG_NONE && self->apply_source == 0)
    sb_selection_get_time_range (self->selection, &self->first_day, &self->last_day);

  /* Only the time range changed: the counts stay. */
  if ((self->counting != NULL && sb_filter_equal_but_time (filter, self->counting)) ||
      (self->counting == NULL && self->counts != NULL &&
       sb_filter_equal_but_time (filter, sb_date_histogram_get_filter (self->counts))))
    {
      update_label (self);
      gtk_widget_queue_draw (GTK_WIDGET (self->histogram));
      return;
    }

  if (sb_filter_get_briefing (filter) == NULL ||
      (self->counts != NULL && sb_filter_get_briefing (sb_date_histogram_get_filter (self->counts)) != sb_filter_get_briefing (filter)))
    {
      g_clear_pointer (&self->counts, sb_date_histogram_unref);
      make_bins (self);
    }

  start_counting (self, filter);
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->histogram));
}

/* An edit of statements: counted again, the old counts shown meanwhile. */
static void
on_edited (SbTimeline *self,
           SbChanges  *changes)
{
  if (!sb_filter_items_changed (changes, SB_ITEM_KIND_INCIDENT) &&
      (sb_changes_get_briefing_fields (changes) & (1 << SB_BRIEFING_FIELD_DATE)) == 0)
    return;

  start_counting (self, sb_selection_get_filter (self->selection));
}

/* ------------------------------------------------------------------ */
/* Input                                                                */
/* ------------------------------------------------------------------ */

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SbTimeline     *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self->histogram));
  guint32 first, last;

  if (n_bins (self) == 0)
    {
      self->drag_mode = DRAG_NONE;
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->histogram));
  self->drag_x = x;
  self->drag_day = x_to_day (self, x, width);
  get_range (self, &first, &last);
  self->drag_first = first;
  self->drag_last = last;

  if (!has_range (self))
    self->drag_mode = DRAG_NEW;
  else if (fabs (x - day_to_x (self, first, width)) <= HANDLE_REACH)
    self->drag_mode = DRAG_START;
  else if (fabs (x - day_to_x (self, last + 1, width)) <= HANDLE_REACH)
    self->drag_mode = DRAG_END;
  else if (self->drag_day >= first && self->drag_day <= last)
    self->drag_mode = DRAG_MOVE;
  else
    self->drag_mode = DRAG_NEW;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                SbTimeline     *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self->histogram));
  guint32 day, span_first, span_last, first, last;
  gint64 shift;

  if (self->drag_mode == DRAG_NONE || fabs (offset_x) < 3)
    return;

  day = x_to_day (self, self->drag_x + offset_x, width);
  span_first = bin_start (self, 0);
  span_last = bin_start (self, n_bins (self)) - 1;

  switch (self->drag_mode)
    {
    case DRAG_NEW:
      first = MIN (day, self->drag_day);
      last = MAX (day, self->drag_day);
      break;
    case DRAG_START:
      first = MIN (day, self->drag_last);
      last = self->drag_last;
      break;
    case DRAG_END:
      first = self->drag_first;
      last = MAX (day, self->drag_first);
      break;
    case DRAG_MOVE:
    default:
      shift = (gint64) day - self->drag_day;
      shift = CLAMP (shift, (gint64) span_first - self->drag_first, (gint64) span_last - self->drag_last);
      first = self->drag_first + shift;
      last = self->drag_last + shift;
      break;
    }

  set_range (self, first, last, FALSE);
}

static gboolean
bin_has_incidents (SbTimeline *self,
                   guint       bin)
{
  double exact, spread;

  if (self->counts == NULL)
    return TRUE;
  sb_date_histogram_count (self->counts, bin_start (self, bin), bin_start (self, bin + 1) - 1, &exact, &spread);
  return exact + spread > 0;
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             SbTimeline     *self)
{
  DragMode mode = self->drag_mode;
  guint bin;

  self->drag_mode = DRAG_NONE;
  if (mode == DRAG_NONE)
    return;

  /* A click, not a drag: the bin under the pointer, if anything is in
   * it; a stray click on an empty stretch would leave an empty map.
   */
  if (fabs (offset_x) < 3)
    {
      if (mode == DRAG_NEW || mode == DRAG_MOVE)
        {
          bin = bin_of (self, self->drag_day);
          if (bin_has_incidents (self, bin))
            set_bins (self, bin, bin);
        }
      return;
    }

  on_drag_update (gesture, offset_x, offset_y, self);
  apply_now (self);
}

static void
stop_playing (SbTimeline *self)
{
  g_clear_handle_id (&self->play_source, g_source_remove);
  gtk_button_set_icon_name (self->play_button, "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), _("Play Through Time (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Play Through Time"),
                                  -1);
}

static gboolean
play_step (gpointer user_data)
{
  SbTimeline *self = user_data;

  if (!move_range (self, 1))
    {
      self->play_source = 0;
      stop_playing (self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbTimeline *self = SB_TIMELINE (widget);
  guint32 first, last;
  guint n = n_bins (self);

  if (self->play_source != 0)
    {
      stop_playing (self);
      return;
    }

  if (n == 0)
    return;

  /* From the start, a twelfth of the span at a time, unless a range is
   * chosen that has somewhere to go.
   */
  get_range (self, &first, &last);
  if (!has_range (self) || bin_of (self, last) >= n - 1)
    set_bins (self, 0, MAX (n / 12, 1) - 1);

  self->play_source = g_timeout_add (PLAY_STEP_MS, play_step, self);
  gtk_button_set_icon_name (self->play_button, "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), _("Pause (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pause"),
                                  -1);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_range (SB_TIMELINE (widget), g_variant_get_int32 (parameter));
}

/* ← and →: towards the left or the right, later or earlier by language. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbTimeline *self = SB_TIMELINE (widget);

  move_range (self, g_variant_get_int32 (parameter) * (is_rtl (self) ? -1 : 1));
}

static void
resize_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbTimeline *self = SB_TIMELINE (widget);

  resize_range (self, g_variant_get_int32 (parameter) * (is_rtl (self) ? -1 : 1));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SbTimeline *self = SB_TIMELINE (widget);

  stop_playing (self);
  set_range (self, 0, 0, TRUE);
}

/* ------------------------------------------------------------------ */
/* The object                                                           */
/* ------------------------------------------------------------------ */

SbSelection *
sb_timeline_get_selection (SbTimeline *self)
{
  g_return_val_if_fail (SB_IS_TIMELINE (self), NULL);

  return self->selection;
}

/**
 * sb_timeline_set_selection:
 *
 * Sets the window's selection, whose time range the timeline sets; once.
 */
void
sb_timeline_set_selection (SbTimeline  *self,
                           SbSelection *selection)
{
  g_return_if_fail (SB_IS_TIMELINE (self));
  g_return_if_fail (SB_IS_SELECTION (selection));
  g_return_if_fail (self->selection == NULL);

  self->selection = g_object_ref (selection);
  g_signal_connect_object (selection, "filter-changed", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "edited", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::selected", G_CALLBACK (gtk_widget_queue_draw),
                           self->histogram, G_CONNECT_SWAPPED);
  on_filter_changed (self);
}

/**
 * sb_timeline_get_busy:
 *
 * Returns: whether incidents are being counted
 */
gboolean
sb_timeline_get_busy (SbTimeline *self)
{
  g_return_val_if_fail (SB_IS_TIMELINE (self), FALSE);

  return self->cancellable != NULL;
}

gboolean
sb_timeline_get_playing (SbTimeline *self)
{
  g_return_val_if_fail (SB_IS_TIMELINE (self), FALSE);

  return self->play_source != 0;
}

guint
sb_timeline_get_n_bins (SbTimeline *self)
{
  g_return_val_if_fail (SB_IS_TIMELINE (self), 0);

  return n_bins (self);
}

/**
 * sb_timeline_get_bin_start:
 * @bin: up to the number of bins: the last is the day after the span
 *
 * Returns: the Julian day on which @bin starts
 */
guint32
sb_timeline_get_bin_start (SbTimeline *self,
                           guint       bin)
{
  g_return_val_if_fail (SB_IS_TIMELINE (self), 0);
  g_return_val_if_fail (bin <= n_bins (self) && self->bins->len > 0, 0);

  return bin_start (self, bin);
}

static void
sb_timeline_dispose (GObject *object)
{
  SbTimeline *self = (SbTimeline *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->play_source, g_source_remove);
  g_clear_handle_id (&self->apply_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->counting, sb_filter_unref);
  g_clear_pointer (&self->counts, sb_date_histogram_unref);
  g_clear_object (&self->selection);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_TIMELINE);
  /* The template's root has no id: it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sb_timeline_parent_class)->dispose (object);
}

static void
sb_timeline_finalize (GObject *object)
{
  SbTimeline *self = (SbTimeline *)object;

  g_clear_pointer (&self->bins, g_array_unref);

  G_OBJECT_CLASS (sb_timeline_parent_class)->finalize (object);
}

static void
sb_timeline_class_init (SbTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_timeline_dispose;
  object_class->finalize = sb_timeline_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, SbTimeline, play_button);
  gtk_widget_class_bind_template_child (widget_class, SbTimeline, range_label);
  gtk_widget_class_bind_template_child (widget_class, SbTimeline, histogram);

  gtk_widget_class_install_action (widget_class, "timeline.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "timeline.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "timeline.step", "i", step_action);
  gtk_widget_class_install_action (widget_class, "timeline.resize", "i", resize_action);
  gtk_widget_class_install_action (widget_class, "timeline.clear", NULL, clear_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.move", "i", -100000);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.move", "i", 100000);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "timeline.resize", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "timeline.resize", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.play", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "timeline.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "timeline.clear", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sb-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sb_timeline_init (SbTimeline *self)
{
  GtkGesture *drag;

  self->bins = g_array_new (FALSE, FALSE, sizeof (guint32));

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->histogram, draw_histogram, self, NULL);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self->histogram), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->histogram, G_CONNECT_SWAPPED);
  update_label (self);
}
