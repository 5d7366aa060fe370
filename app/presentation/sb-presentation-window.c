/* sb-presentation-window.c
 *
 * The full-screen window the audience sees.
 *
 * The window has a selection of its own: stepping through a presentation
 * never touches the briefing window's selection, filters or map, so that
 * ending it returns to that window exactly as it was.
 *
 * The map flies between steps with its own animation rather than
 * shumate_map_go_to_full(): it zooms out on a long jump so the audience
 * sees where it goes, and it ends at exactly the step's camera whether
 * or not animations are on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-presentation-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sb-export.h"
#include "sb-format.h"
#include "sb-presentation-window.h"
#include "sb-projection.h"
#include "sb-pulse.h"
#include "sb-source.h"

#define HIDE_POINTER_MS 2000
#define SHORT_FLIGHT_US (700 * 1000)
#define LONG_FLIGHT_US (1600 * 1000)

struct _SbPresentationWindow
{
  GtkWindow parent_instance;

  GtkOverlay *map_overlay;
  SbMapView *map_view;
  GtkWidget *caption_bar;
  GtkLabel *number_label;
  GtkLabel *title_label;
  GtkLabel *caption_label;
  GtkLabel *citation_label;
  GtkLabel *original_label;
  GtkLabel *source_label;
  GtkLabel *jump_label;
  GtkWidget *end_screen;
  GtkLabel *end_title_label;
  GtkWidget *blank;
  SbPulse *pulse;

  SbPresentation *presentation;
  SbSelection *selection;
  ShumateMapSource *tiles;
  GSettings *settings;     /* nullable */
  gboolean has_console;    /* a quote too long for the caption can go there */
  gboolean quote_on_screen;
  GtkCssProvider *size_provider;
  int styled_height;
  double small_size;       /* pixels: the passage's original and source, when the caption is full */
  guint restyle_source;
  /* Type sizes are style, which the caption takes on only at the frame
   * after they are set: until then it measures in the old sizes, so what
   * fits in it is decided, and the step framed, a frame later.
   */
  guint refit_tick;
  gint64 styled_frame;

  /* The flight to the step's camera. */
  guint flight_tick;
  gint64 flight_start;
  gint64 flight_duration;
  double from[3], to[3];   /* Mercator x, y, zoom */
  double bump;             /* how far to zoom out on the way */
  gboolean has_target;
  gboolean first_shown;
  int map_width, map_height; /* as last allocated: a new size frames the step again */
  guint reframe_source;

  guint hide_pointer_source;
  gboolean pointer_hidden;
  double pointer_x, pointer_y;
};

G_DEFINE_FINAL_TYPE (SbPresentationWindow, sb_presentation_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_HAS_CONSOLE,
  PROP_QUOTE_ON_SCREEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The caption may take this much of the screen's height, no more: the
 * map is what the audience came for.
 */
#define CAPTION_SHARE 0.28

/**
 * sb_presentation_window_ensure_style:
 *
 * Loads the style of the presentation's windows, once.
 */
void
sb_presentation_window_ensure_style (void)
{
  static GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (provider != NULL || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/com/example/SahelBrief/sb-presentation.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static gboolean
animations_enabled (SbPresentationWindow *self)
{
  gboolean enabled;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  if (self->settings != NULL && g_settings_get_boolean (self->settings, "presentation-reduce-motion"))
    enabled = FALSE;

  return enabled;
}

/* How large the map draws its symbols and names for a screen @height
 * pixels high.
 */
static double
symbol_scale (int height)
{
  return MAX (1.6, 1.8 * height / 1080.0);
}

static void
set_camera (SbPresentationWindow *self,
            double                x,
            double                y,
            double                zoom)
{
  sb_map_view_go_to (self->map_view, sb_mercator_latitude (y), x * 360.0 - 180.0, zoom);
}

/* The map's size once the caption shown is laid out, and what of it the
 * legend will cover.
 */
static gboolean
get_camera (SbPresentationWindow *self,
            const SbSlide        *slide,
            double               *lat,
            double               *lon,
            double               *zoom)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->map_view));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map_view));
  int window_height = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_rect_t legend, credits;
  gboolean covered;

  if (window_height > 0 && gtk_widget_get_visible (self->caption_bar))
    {
      int caption;

      gtk_widget_measure (self->caption_bar, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (GTK_WIDGET (self)),
                          NULL, &caption, NULL, NULL);
      height = MAX (window_height - caption, 1);
    }

  covered = sb_legend_measure_covered (sb_map_view_get_legend (self->map_view), width, height, &legend);
  if (!sb_slide_get_camera_around (slide, sb_presentation_get_briefing (self->presentation),
                                   width, height, covered ? &legend : NULL, symbol_scale (window_height),
                                   lat, lon, zoom))
    return FALSE;

  /* Nothing the step frames under the caption or the attribution. */
  sb_slide_keep_clear (slide, sb_presentation_get_briefing (self->presentation), width, height,
                       sb_map_view_measure_credits (self->map_view, width, height, &credits) ? &credits : NULL,
                       symbol_scale (window_height), lat, lon, zoom);
  return TRUE;
}

static void
prefetch_next (SbPresentationWindow *self)
{
  g_auto(SbSlide) slide = { 0, };
  double lat, lon, zoom;
  double width = gtk_widget_get_width (GTK_WIDGET (self->map_view));
  double height = gtk_widget_get_height (GTK_WIDGET (self->map_view));

  if (self->tiles == NULL ||
      !sb_presentation_describe (self->presentation, sb_presentation_get_index (self->presentation) + 1, &slide) ||
      !get_camera (self, &slide, &lat, &lon, &zoom))
    return;

  sb_export_prefetch_tiles (self->tiles, lat, lon, zoom, width, height);
}

static void
arrived (SbPresentationWindow *self)
{
  g_auto(SbSlide) slide = { 0, };

  if (sb_presentation_describe (self->presentation, sb_presentation_get_index (self->presentation), &slide))
    sb_pulse_start (self->pulse, sb_presentation_get_briefing (self->presentation), slide.highlight);

  prefetch_next (self);
}

static gboolean
on_flight_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  SbPresentationWindow *self = SB_PRESENTATION_WINDOW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t, ease, zoom;

  if (self->flight_start == 0)
    self->flight_start = now;

  t = CLAMP ((double) (now - self->flight_start) / self->flight_duration, 0, 1);
  ease = t * t * (3 - 2 * t);

  /* Along a straight line on the Mercator plane, lifting off in the middle
   * of a long jump.
   */
  zoom = self->from[2] + (self->to[2] - self->from[2]) * ease - self->bump * 4 * ease * (1 - ease);
  set_camera (self,
              self->from[0] + (self->to[0] - self->from[0]) * ease,
              self->from[1] + (self->to[1] - self->from[1]) * ease,
              zoom);

  if (t >= 1.0)
    {
      self->flight_tick = 0;
      set_camera (self, self->to[0], self->to[1], self->to[2]);
      arrived (self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
stop_flight (SbPresentationWindow *self)
{
  if (self->flight_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->flight_tick);
  self->flight_tick = 0;
}

static void
fly_to (SbPresentationWindow *self,
        double                lat,
        double                lon,
        double                zoom,
        gboolean              animate)
{
  ShumateViewport *viewport = sb_map_view_get_viewport (self->map_view);
  double width = gtk_widget_get_width (GTK_WIDGET (self->map_view));
  double height = gtk_widget_get_height (GTK_WIDGET (self->map_view));
  double low_zoom, distance, fit_zoom;

  stop_flight (self);
  sb_pulse_stop (self->pulse);

  self->from[0] = sb_mercator_x (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  self->from[1] = sb_mercator_y (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)));
  self->from[2] = shumate_viewport_get_zoom_level (viewport);
  self->to[0] = sb_mercator_x (lon);
  self->to[1] = sb_mercator_y (lat);
  self->to[2] = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                       shumate_viewport_get_max_zoom_level (viewport));

  if (!animate || width <= 0)
    {
      set_camera (self, self->to[0], self->to[1], self->to[2]);
      arrived (self);
      return;
    }

  /* Zoom out on the way when both ends do not fit on screen at the lower
   * of the two zooms.
   */
  low_zoom = MIN (self->from[2], self->to[2]);
  distance = hypot (self->to[0] - self->from[0], self->to[1] - self->from[1]);
  fit_zoom = log2 (0.8 * MIN (width, height) / (SB_TILE_SIZE * MAX (distance, 1e-9)));
  self->bump = MAX (0, low_zoom - fit_zoom);
  self->bump = MIN (self->bump, low_zoom - shumate_viewport_get_min_zoom_level (viewport));
  self->bump = MAX (self->bump, 0);

  self->flight_duration = self->bump > 0.5 ? LONG_FLIGHT_US : SHORT_FLIGHT_US;
  self->flight_start = 0;
  self->flight_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_flight_tick, NULL, NULL);
}

static void
set_quote_on_screen (SbPresentationWindow *self,
                     gboolean              on_screen)
{
  if (self->quote_on_screen == on_screen)
    return;

  self->quote_on_screen = on_screen;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE_ON_SCREEN]);
}

static gboolean
caption_fits (SbPresentationWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int natural;

  if (width <= 0 || height <= 0)
    return TRUE;

  gtk_widget_measure (self->caption_bar, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  return natural <= height * CAPTION_SHARE;
}

/* The passage's original and its source in smaller type, as attributes
 * rather than style: the caption is measured again at once.
 */
static void
set_small (SbPresentationWindow *self,
           gboolean              small)
{
  g_autoptr(PangoAttrList) attributes = NULL;

  if (small && self->small_size > 0)
    {
      attributes = pango_attr_list_new ();
      pango_attr_list_insert (attributes, pango_attr_size_new_absolute (self->small_size * PANGO_SCALE));
    }
  gtk_label_set_attributes (self->original_label, attributes);
  gtk_label_set_attributes (self->source_label, attributes);
}

/* The step's passage, whole: the translation in the audience's language,
 * if the briefing has one, with the original under it and the source
 * under both. Never cut, and the caption never takes more than
 * CAPTION_SHARE of the screen: the original and the source first go
 * smaller, then the original goes to the presenter console, then the
 * whole passage; the caption says so, and keeps the source.
 */
static void
show_citation (SbPresentationWindow *self,
               SbCitation           *citation)
{
  const char *translation = NULL;
  g_autofree char *line = NULL;
  g_autofree char *source = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *original = NULL;

  set_small (self, FALSE);
  if (citation == NULL || sb_citation_get_quote (citation) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->citation_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->original_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->source_label), FALSE);
      set_quote_on_screen (self, TRUE);
      return;
    }

  translation = sb_citation_get_translation (citation, sb_text_get_preferred_languages (), NULL);
  line = sb_format_source_line (citation->source);
  /* TRANSLATORS: under a quoted passage in a presentation's caption */
  source = g_strdup_printf (_("Source: %s"), line);

  if (translation != NULL)
    {
      g_autofree char *from = sb_format_translated_from (sb_source_get_language (citation->source));

      /* TRANSLATORS: a translation of the step's passage, and "(translated from Dutch)" */
      quoted = g_strdup_printf (_("“%s” %s"), translation, from);
      /* TRANSLATORS: the step's passage as the source has it, under its translation */
      original = g_strdup_printf (_("Original: “%s”"), sb_citation_get_quote (citation));
    }
  else
    quoted = g_strdup_printf (_("“%s”"), sb_citation_get_quote (citation));

  gtk_label_set_text (self->citation_label, quoted);
  gtk_label_set_text (self->original_label, original ? original : "");
  gtk_label_set_text (self->source_label, source);
  gtk_widget_set_visible (GTK_WIDGET (self->citation_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->original_label), original != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), TRUE);
  set_quote_on_screen (self, TRUE);

  if (caption_fits (self))
    return;

  set_small (self, TRUE);
  /* Without a console, a long quote wraps on: it has nowhere else to go. */
  if (!self->has_console || caption_fits (self))
    return;

  if (original != NULL)
    {
      g_autofree char *moved = NULL;

      /* TRANSLATORS: under a translated passage in a presentation's caption,
       * its original moved to the presenter's screen; %s is the source
       */
      moved = g_strdup_printf (_("Source: %s · the original is on the presenter console"), line);
      gtk_label_set_text (self->source_label, moved);
      gtk_widget_set_visible (GTK_WIDGET (self->original_label), FALSE);
      set_quote_on_screen (self, FALSE);
      if (caption_fits (self))
        return;
      gtk_label_set_text (self->source_label, source);
    }

  gtk_label_set_text (self->citation_label, _("The quote is on the presenter console"));
  gtk_widget_set_visible (GTK_WIDGET (self->original_label), FALSE);
  set_quote_on_screen (self, FALSE);
}

static void
show_end (SbPresentationWindow *self)
{
  SbBriefing *briefing = sb_presentation_get_briefing (self->presentation);
  gboolean at_end = sb_presentation_get_at_end (self->presentation);

  gtk_label_set_text (self->end_title_label, sb_text_get (sb_briefing_get_title (briefing)));
  gtk_widget_set_visible (self->end_screen, at_end);
  if (at_end)
    sb_pulse_stop (self->pulse);
}

static void
show_slide (SbPresentationWindow *self,
            gboolean              animate)
{
  g_auto(SbSlide) slide = { 0, };
  guint index = sb_presentation_get_index (self->presentation);
  guint n = sb_presentation_get_n_slides (self->presentation);
  g_autofree char *number = NULL;
  double lat, lon, zoom;

  if (!sb_presentation_describe (self->presentation, index, &slide))
    {
      gtk_label_set_text (self->number_label, "");
      gtk_label_set_text (self->title_label, _("This briefing has no steps and no incidents to present"));
      gtk_widget_set_visible (GTK_WIDGET (self->caption_label), FALSE);
      show_citation (self, NULL);
      return;
    }

  /* Translators: the step shown and how many there are, as in "3 / 10" */
  number = g_strdup_printf (_("%u / %u"), index + 1, n);
  gtk_label_set_text (self->number_label, number);
  gtk_label_set_text (self->title_label, slide.title ? slide.title : "");
  gtk_label_set_text (self->caption_label, slide.caption ? slide.caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), slide.caption != NULL && *slide.caption);

  show_citation (self, slide.citation);

  /* What the step shows: its layers, only its statements, its highlight. */
  for (guint layer = SB_LAYER_AREAS; layer <= SB_LAYER_INCIDENTS; layer <<= 1)
    sb_selection_set_layer_visible (self->selection, layer, (slide.layers & layer) != 0);
  sb_selection_set_shown (self->selection, slide.shown);
  sb_selection_set_highlighted (self->selection, slide.highlight);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->caption_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, slide.title ? slide.title : "",
                                  -1);

  if (get_camera (self, &slide, &lat, &lon, &zoom))
    {
      self->has_target = TRUE;
      fly_to (self, lat, lon, zoom, animate && animations_enabled (self));
    }
  else
    {
      self->has_target = FALSE;
      arrived (self);
    }
}

static void
on_index_changed (SbPresentationWindow *self)
{
  show_slide (self, self->first_shown);
}

static void
on_legend_visible_changed (SbPresentationWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (sb_map_view_get_legend (self->map_view)),
                          sb_presentation_get_legend_visible (self->presentation));

  /* The step is framed beside the legend, or on the whole map without it. */
  if (self->first_shown)
    show_slide (self, TRUE);
}

static void
on_blank_changed (SbPresentationWindow *self)
{
  SbBlank blank = sb_presentation_get_blank (self->presentation);

  gtk_widget_remove_css_class (self->blank, "black");
  gtk_widget_remove_css_class (self->blank, "white");
  if (blank != SB_BLANK_NONE)
    gtk_widget_add_css_class (self->blank, blank == SB_BLANK_BLACK ? "black" : "white");
  gtk_widget_set_visible (self->blank, blank != SB_BLANK_NONE);
}

static void
on_typed_changed (SbPresentationWindow *self)
{
  const char *typed = sb_presentation_get_typed_number (self->presentation);
  g_autofree char *text = NULL;

  /* Translators: shown while the presenter types a step number to jump to */
  text = g_strdup_printf (_("Go to %s"), typed);
  gtk_label_set_text (self->jump_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->jump_label), *typed != '\0');
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SbPresentationWindow  *self)
{
  return sb_presentation_handle_key (self->presentation, keyval, state);
}

/* The pointer hides when still, and shows when it moves. */
static gboolean
on_hide_pointer (gpointer user_data)
{
  SbPresentationWindow *self = user_data;

  self->hide_pointer_source = 0;
  self->pointer_hidden = TRUE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");

  return G_SOURCE_REMOVE;
}

static void
schedule_hide_pointer (SbPresentationWindow *self)
{
  g_clear_handle_id (&self->hide_pointer_source, g_source_remove);
  self->hide_pointer_source = g_timeout_add (HIDE_POINTER_MS, on_hide_pointer, self);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SbPresentationWindow     *self)
{
  /* Redrawing under a still pointer sends motion too: only a move counts. */
  if (fabs (x - self->pointer_x) < 1 && fabs (y - self->pointer_y) < 1)
    return;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->pointer_hidden)
    {
      self->pointer_hidden = FALSE;
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
    }
  schedule_hide_pointer (self);
}

/* Type that reads from the back of a room: sizes follow the screen's
 * height, with captions of 30 pixels at 1080 lines.
 */
static gboolean
update_sizes (SbPresentationWindow *self,
              int                   height)
{
  g_autofree char *css = NULL;
  GdkFrameClock *clock;
  double unit;

  if (height <= 0 || height == self->styled_height)
    return FALSE;

  self->styled_height = height;
  unit = height / 1080.0;
  css = g_strdup_printf (".projector .caption-title { font-size: %.0fpx; }\n"
                         ".projector .caption-number { font-size: %.0fpx; }\n"
                         ".projector .caption-text { font-size: %.0fpx; }\n"
                         ".projector .caption-citation { font-size: %.0fpx; }\n"
                         ".projector .caption-original, .projector .caption-source { font-size: %.0fpx; }\n"
                         ".projector .jump-number { font-size: %.0fpx; }\n"
                         ".projector .compact-legend { font-size: %.0fpx; }\n"
                         ".projector .end-title { font-size: %.0fpx; }\n"
                         ".projector .end-note { font-size: %.0fpx; }\n",
                         MAX (46 * unit, 22), MAX (40 * unit, 20), MAX (32 * unit, 18),
                         MAX (26 * unit, 15), MAX (22 * unit, 14), MAX (64 * unit, 28),
                         MAX (20 * unit, 13), MAX (72 * unit, 34), MAX (40 * unit, 20));
#if GTK_CHECK_VERSION (4, 12, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_css_provider_load_from_data (self->size_provider, css, -1);
G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_css_provider_load_from_data (self->size_provider, css, -1);
#endif

  self->small_size = MAX (18 * unit, 12);

  sb_map_view_set_symbol_scale (self->map_view, symbol_scale (height));
  sb_legend_set_scale (sb_map_view_get_legend (self->map_view), MAX (1.2, 1.4 * unit));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  self->styled_frame = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : 0;
  return TRUE;
}

/* Whether the sizes last set are the caption's style: a new style is
 * taken on in the layout of the frame after it is set at the latest.
 */
static gboolean
sizes_applied (SbPresentationWindow *self,
               GdkFrameClock        *clock)
{
  return gdk_frame_clock_get_frame_counter (clock) >= self->styled_frame + 2;
}

/* The map's size known only once the caption is laid out in its sizes:
 * the step framed again for it, its flight going on to the new camera.
 */
static gboolean
on_reframe (gpointer user_data)
{
  SbPresentationWindow *self = user_data;
  g_auto(SbSlide) slide = { 0, };
  double lat, lon, zoom;

  self->reframe_source = 0;
  if (!self->has_target ||
      !sb_presentation_describe (self->presentation, sb_presentation_get_index (self->presentation), &slide) ||
      !get_camera (self, &slide, &lat, &lon, &zoom))
    return G_SOURCE_REMOVE;

  if (fabs (sb_mercator_x (lon) - self->to[0]) < 1e-9 && fabs (sb_mercator_y (lat) - self->to[1]) < 1e-9 &&
      fabs (zoom - self->to[2]) < 1e-6)
    return G_SOURCE_REMOVE;

  if (self->flight_tick != 0)
    {
      ShumateViewport *viewport = sb_map_view_get_viewport (self->map_view);

      self->to[0] = sb_mercator_x (lon);
      self->to[1] = sb_mercator_y (lat);
      self->to[2] = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                           shumate_viewport_get_max_zoom_level (viewport));
    }
  else
    fly_to (self, lat, lon, zoom, FALSE);

  return G_SOURCE_REMOVE;
}

/* What fits in the caption depends on the size: decided again once the
 * caption is in its new sizes, and the step framed for what it leaves.
 */
static gboolean
on_refit (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  SbPresentationWindow *self = SB_PRESENTATION_WINDOW (widget);
  g_auto(SbSlide) slide = { 0, };

  if (!sizes_applied (self, clock))
    return G_SOURCE_CONTINUE;

  self->refit_tick = 0;
  if (sb_presentation_describe (self->presentation, sb_presentation_get_index (self->presentation), &slide))
    show_citation (self, slide.citation);
  g_clear_handle_id (&self->reframe_source, g_source_remove);
  on_reframe (self);

  return G_SOURCE_REMOVE;
}

static gboolean
on_restyle (gpointer user_data)
{
  SbPresentationWindow *self = user_data;

  self->restyle_source = 0;

  /* (the first step waits for its sizes itself) */
  if (self->first_shown && update_sizes (self, gtk_widget_get_height (GTK_WIDGET (self))) && self->refit_tick == 0)
    self->refit_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_refit, NULL, NULL);

  return G_SOURCE_REMOVE;
}

static void
sb_presentation_window_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  SbPresentationWindow *self = SB_PRESENTATION_WINDOW (widget);

  GTK_WIDGET_CLASS (sb_presentation_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Not while allocating: new sizes mean a new layout. */
  if (height != self->styled_height && self->restyle_source == 0)
    self->restyle_source = g_idle_add (on_restyle, self);

  if (gtk_widget_get_width (GTK_WIDGET (self->map_view)) != self->map_width ||
      gtk_widget_get_height (GTK_WIDGET (self->map_view)) != self->map_height)
    {
      self->map_width = gtk_widget_get_width (GTK_WIDGET (self->map_view));
      self->map_height = gtk_widget_get_height (GTK_WIDGET (self->map_view));
      /* Before the next frame: a flight's frames would hold off an idle
       * of default priority until the flight is over.
       */
      if (self->first_shown && self->reframe_source == 0)
        self->reframe_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_reframe, self, NULL);
    }
}

static gboolean
on_first_layout (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  SbPresentationWindow *self = SB_PRESENTATION_WINDOW (widget);

  if (gtk_widget_get_height (GTK_WIDGET (self->map_view)) <= 0)
    return G_SOURCE_CONTINUE;

  /* The caption measured in the sizes of the screen, not in those it had
   * before they were set (it fitted in a quarter less, and the step was
   * framed for a map as much taller, until an idle later decided again).
   */
  if (update_sizes (self, gtk_widget_get_height (widget)) || !sizes_applied (self, clock))
    return G_SOURCE_CONTINUE;

  show_slide (self, FALSE);
  show_end (self);
  self->first_shown = TRUE;

  return G_SOURCE_REMOVE;
}

static void
sb_presentation_window_dispose (GObject *object)
{
  SbPresentationWindow *self = (SbPresentationWindow *)object;

  stop_flight (self);
  if (self->refit_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->refit_tick);
  self->refit_tick = 0;
  g_clear_handle_id (&self->hide_pointer_source, g_source_remove);
  g_clear_handle_id (&self->restyle_source, g_source_remove);
  g_clear_handle_id (&self->reframe_source, g_source_remove);

  if (self->size_provider != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->size_provider));
  g_clear_object (&self->size_provider);

  if (self->presentation != NULL)
    g_signal_handlers_disconnect_by_data (self->presentation, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_PRESENTATION_WINDOW);
  g_clear_object (&self->presentation);
  g_clear_object (&self->selection);
  g_clear_object (&self->tiles);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sb_presentation_window_parent_class)->dispose (object);
}

static void
sb_presentation_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SbPresentationWindow *self = SB_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_HAS_CONSOLE:
      g_value_set_boolean (value, self->has_console);
      break;

    case PROP_QUOTE_ON_SCREEN:
      g_value_set_boolean (value, self->quote_on_screen);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_presentation_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SbPresentationWindow *self = SB_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_HAS_CONSOLE:
      sb_presentation_window_set_has_console (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_presentation_window_class_init (SbPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_presentation_window_dispose;
  object_class->get_property = sb_presentation_window_get_property;
  object_class->set_property = sb_presentation_window_set_property;
  widget_class->size_allocate = sb_presentation_window_size_allocate;

  properties[PROP_HAS_CONSOLE] =
    g_param_spec_boolean ("has-console", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUOTE_ON_SCREEN] =
    g_param_spec_boolean ("quote-on-screen", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SB_TYPE_MAP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbPresentationWindow, map_overlay);
  gtk_widget_class_bind_template_child (widget_class, SbPresentationWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, SbPresentationWindow, caption_bar);
  gtk_widget_class_bind_template_child (widget_class, SbPresentationWindow, number_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresentationWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresentationWindow, caption_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresentationWindow, citation_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresentationWindow, original_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresentationWindow, source_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresentationWindow, jump_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresentationWindow, end_screen);
  gtk_widget_class_bind_template_child (widget_class, SbPresentationWindow, end_title_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresentationWindow, blank);
}

static void
sb_presentation_window_init (SbPresentationWindow *self)
{
  GtkEventController *key, *motion;

  gtk_widget_init_template (GTK_WIDGET (self));

  sb_presentation_window_ensure_style ();
  self->size_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->size_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  self->selection = sb_selection_new ();
  self->quote_on_screen = TRUE;
  sb_map_view_set_selection (self->map_view, self->selection);

  /* Notices for the operator ("Map tiles unavailable") go to the
   * presenter console, never to the audience; the legend is the compact
   * one, which L shows and hides.
   */
  sb_map_view_set_shows_notices (self->map_view, FALSE);
  sb_legend_set_compact (sb_map_view_get_legend (self->map_view), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (sb_map_view_get_item_list (self->map_view)), FALSE);

  /* No hover summaries over the audience's picture. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (sb_map_view_get_map (self->map_view)), FALSE);

  self->pulse = sb_pulse_new (self->map_view);
  gtk_overlay_add_overlay (self->map_overlay, GTK_WIDGET (self->pulse));

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  schedule_hide_pointer (self);

  gtk_widget_add_tick_callback (GTK_WIDGET (self), on_first_layout, NULL, NULL);
}

/**
 * sb_presentation_window_new:
 * @tiles: (nullable): the tiles the briefing window shows
 */
SbPresentationWindow *
sb_presentation_window_new (SbPresentation   *presentation,
                            ShumateMapSource *tiles)
{
  SbPresentationWindow *self;
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_val_if_fail (SB_IS_PRESENTATION (presentation), NULL);

  self = g_object_new (SB_TYPE_PRESENTATION_WINDOW, NULL);
  self->presentation = g_object_ref (presentation);
  self->tiles = tiles ? g_object_ref (tiles) : NULL;

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);

  sb_map_view_set_tiles (self->map_view, tiles);
  sb_selection_set_briefing (self->selection, sb_presentation_get_briefing (presentation));

  g_signal_connect_swapped (presentation, "notify::index", G_CALLBACK (on_index_changed), self);
  g_signal_connect_swapped (presentation, "notify::blank", G_CALLBACK (on_blank_changed), self);
  g_signal_connect_swapped (presentation, "notify::typed-number", G_CALLBACK (on_typed_changed), self);
  g_signal_connect_swapped (presentation, "notify::at-end", G_CALLBACK (show_end), self);
  g_signal_connect_swapped (presentation, "notify::legend-visible", G_CALLBACK (on_legend_visible_changed), self);
  on_legend_visible_changed (self);

  return self;
}

SbPresentation *
sb_presentation_window_get_presentation (SbPresentationWindow *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION_WINDOW (self), NULL);

  return self->presentation;
}

SbMapView *
sb_presentation_window_get_map_view (SbPresentationWindow *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION_WINDOW (self), NULL);

  return self->map_view;
}

/**
 * sb_presentation_window_is_moving:
 *
 * Returns: whether the map is still on its way to the step's camera, or
 *   the first step is not shown yet, or the caption is not yet fitted
 *   in the sizes of a new screen size
 */
gboolean
sb_presentation_window_is_moving (SbPresentationWindow *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION_WINDOW (self), FALSE);

  return !self->first_shown || self->flight_tick != 0 || self->reframe_source != 0 ||
         self->restyle_source != 0 || self->refit_tick != 0;
}

/**
 * sb_presentation_window_get_target:
 *
 * Gets the camera of the step shown.
 *
 * Returns: %FALSE if the step names no place
 */
gboolean
sb_presentation_window_get_target (SbPresentationWindow *self,
                                   double               *latitude,
                                   double               *longitude,
                                   double               *zoom)
{
  g_return_val_if_fail (SB_IS_PRESENTATION_WINDOW (self), FALSE);

  if (!self->has_target)
    return FALSE;

  *latitude = sb_mercator_latitude (self->to[1]);
  *longitude = self->to[0] * 360.0 - 180.0;
  *zoom = self->to[2];
  return TRUE;
}

/**
 * sb_presentation_window_set_has_console:
 *
 * Whether a presenter console is shown: a quote too long for the
 * caption then goes there.
 */
void
sb_presentation_window_set_has_console (SbPresentationWindow *self,
                                        gboolean              has_console)
{
  g_return_if_fail (SB_IS_PRESENTATION_WINDOW (self));

  has_console = !!has_console;
  if (self->has_console == has_console)
    return;

  self->has_console = has_console;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CONSOLE]);
}

/**
 * sb_presentation_window_get_quote_on_screen:
 *
 * Returns: whether the step's quote is in the caption; %FALSE when it was
 *   too long and is on the presenter console only
 */
gboolean
sb_presentation_window_get_quote_on_screen (SbPresentationWindow *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION_WINDOW (self), TRUE);

  return self->quote_on_screen;
}

gboolean
sb_presentation_window_pointer_hidden (SbPresentationWindow *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION_WINDOW (self), FALSE);

  return self->pointer_hidden;
}
