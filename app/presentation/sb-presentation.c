/* sb-presentation.c
 *
 * A presentation: its slides, which one is shown, blanking, and its keys.
 *
 * The keys are those slide software and clicker remotes use, so that a
 * briefer's hands already know them; L shows or hides the legend. While the screen is blanked, any key
 * brings the picture back and does nothing else: a presenter pressing a
 * key in the dark is asking for the picture, not for the next slide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-presentation"

#include "config.h"

#include <string.h>

#include "sb-format.h"
#include "sb-framing.h"
#include "sb-mentioned-places.h"
#include "sb-projection.h"
#include "sb-presentation.h"
#include "sb-step.h"

#define MAX_DIGITS 4

struct _SbPresentation
{
  GObject parent_instance;

  SbBriefing *briefing;
  GPtrArray *slides;       /* of SbStep, or of SbItem (incidents) */
  gboolean has_steps;

  guint index;
  gboolean at_end;         /* past the last slide: the end screen */
  gboolean legend_visible;
  SbBlank blank;
  GString *typed;          /* digits typed before Enter */
  gboolean ended;
  gint64 start_time;
  gint64 slide_time;
};

G_DEFINE_FINAL_TYPE (SbPresentation, sb_presentation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_AT_END,
  PROP_LEGEND_VISIBLE,
  PROP_BLANK,
  PROP_TYPED_NUMBER,
  N_PROPS
};

enum {
  ENDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
sb_slide_clear (SbSlide *slide)
{
  g_clear_pointer (&slide->caption, g_free);
  g_clear_pointer (&slide->highlight, g_ptr_array_unref);
  memset (slide, 0, sizeof *slide);
}

static int
compare_incidents (gconstpointer a,
                   gconstpointer b)
{
  SbItem *item_a = *(SbItem **) a;
  SbItem *item_b = *(SbItem **) b;

  return sb_date_compare (sb_item_get_date (item_a), sb_item_get_date (item_b));
}

static void
sb_presentation_finalize (GObject *object)
{
  SbPresentation *self = (SbPresentation *)object;

  g_clear_object (&self->briefing);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_string_free (self->typed, TRUE);

  G_OBJECT_CLASS (sb_presentation_parent_class)->finalize (object);
}

static void
sb_presentation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SbPresentation *self = SB_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;

    case PROP_AT_END:
      g_value_set_boolean (value, self->at_end);
      break;

    case PROP_LEGEND_VISIBLE:
      g_value_set_boolean (value, self->legend_visible);
      break;

    case PROP_BLANK:
      g_value_set_int (value, self->blank);
      break;

    case PROP_TYPED_NUMBER:
      g_value_set_string (value, self->typed->str);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_presentation_class_init (SbPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_presentation_finalize;
  object_class->get_property = sb_presentation_get_property;

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AT_END] =
    g_param_spec_boolean ("at-end", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEGEND_VISIBLE] =
    g_param_spec_boolean ("legend-visible", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BLANK] =
    g_param_spec_int ("blank", NULL, NULL,
                      SB_BLANK_NONE, SB_BLANK_WHITE, SB_BLANK_NONE,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TYPED_NUMBER] =
    g_param_spec_string ("typed-number", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbPresentation::ended:
   *
   * The presenter ended the presentation (Escape).
   */
  signals[ENDED] =
    g_signal_new ("ended",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sb_presentation_init (SbPresentation *self)
{
  self->typed = g_string_new (NULL);
  self->slides = g_ptr_array_new_with_free_func (g_object_unref);
  self->legend_visible = TRUE;
}

/**
 * sb_presentation_new:
 *
 * Makes a presentation of @briefing's steps; of its incidents in date
 * order when it has no steps.
 */
SbPresentation *
sb_presentation_new (SbBriefing *briefing)
{
  SbPresentation *self;
  GListModel *steps;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);

  self = g_object_new (SB_TYPE_PRESENTATION, NULL);
  self->briefing = g_object_ref (briefing);

  steps = sb_briefing_get_steps (briefing);
  for (guint i = 0; steps != NULL && i < g_list_model_get_n_items (steps); i++)
    g_ptr_array_add (self->slides, g_list_model_get_item (steps, i));
  self->has_steps = self->slides->len > 0;

  if (!self->has_steps)
    {
      GListModel *incidents = sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT);

      for (guint i = 0; incidents != NULL && i < g_list_model_get_n_items (incidents); i++)
        g_ptr_array_add (self->slides, g_list_model_get_item (incidents, i));
      g_ptr_array_sort (self->slides, compare_incidents);
    }

  self->start_time = self->slide_time = g_get_monotonic_time ();

  return self;
}

SbBriefing *
sb_presentation_get_briefing (SbPresentation *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION (self), NULL);

  return self->briefing;
}

gboolean
sb_presentation_has_steps (SbPresentation *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION (self), FALSE);

  return self->has_steps;
}

guint
sb_presentation_get_n_slides (SbPresentation *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION (self), 0);

  return self->slides->len;
}

/**
 * sb_presentation_describe:
 *
 * Fills @slide with what slide @index shows; clear it with
 * sb_slide_clear().
 *
 * Returns: %FALSE if there is no such slide
 */
gboolean
sb_presentation_describe (SbPresentation *self,
                          guint           index,
                          SbSlide        *slide)
{
  SbEntity *entity;

  g_return_val_if_fail (SB_IS_PRESENTATION (self), FALSE);
  g_return_val_if_fail (slide != NULL, FALSE);

  memset (slide, 0, sizeof *slide);
  if (index >= self->slides->len)
    return FALSE;

  entity = g_ptr_array_index (self->slides, index);
  slide->entity = entity;

  if (SB_IS_STEP (entity))
    {
      SbStep *step = SB_STEP (entity);
      SbText *caption = sb_step_get_caption (step);
      SbText *notes = sb_step_get_notes (step);

      slide->title = sb_text_get (sb_step_get_title (step));
      slide->caption = caption ? g_strdup (sb_text_get (caption)) : NULL;
      slide->notes = notes ? sb_text_get (notes) : NULL;
      slide->citation = sb_step_get_citation (step);
      slide->highlight = sb_step_get_highlight (step) ? g_ptr_array_ref (sb_step_get_highlight (step)) : NULL;
      slide->shown = sb_step_get_shown (step);
      slide->frame = sb_step_get_frame (step);
      slide->layers = sb_step_get_layers (step);
      slide->has_center = sb_step_get_center (step, &slide->latitude, &slide->longitude, &slide->zoom);
    }
  else
    {
      SbItem *item = SB_ITEM (entity);
      GPtrArray *citations = sb_item_get_citations (item);
      SbText *title = sb_item_get_title (item);

      /* An incident stands for itself: framed and highlighted. */
      slide->title = title ? sb_text_get (title) : sb_entity_get_label (entity);
      slide->caption = sb_format_item_subtitle (item);
      slide->citation = citations && citations->len > 0 ? g_ptr_array_index (citations, 0) : NULL;
      slide->highlight = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (slide->highlight, g_object_ref (entity));
      slide->layers = SB_LAYERS_ALL;
    }

  return TRUE;
}

/**
 * sb_slide_get_camera:
 *
 * Computes where a view of @width × @height pixels goes for @slide: its
 * centre and zoom, or what framing what it frames shows, as the map view
 * frames a selection.
 *
 * Returns: %FALSE if the slide names no place
 */
gboolean
sb_slide_get_camera (const SbSlide *slide,
                     SbBriefing    *briefing,
                     double         width,
                     double         height,
                     double        *latitude,
                     double        *longitude,
                     double        *zoom)
{
  return sb_slide_get_camera_around (slide, briefing, width, height, NULL, 1.0, latitude, longitude, zoom);
}

/* Room for a town's name beside its dot, in pixels. */
#define NAME_ROOM 24.0

static gboolean
covers_point (const SbProjection    *projection,
              const graphene_rect_t *covered,
              double                 unit_x,
              double                 unit_y)
{
  double x, y;
  graphene_rect_t near;

  sb_projection_unit_to_widget (projection, unit_x, unit_y, &x, &y);
  graphene_rect_inset_r (covered, -NAME_ROOM, -NAME_ROOM, &near);
  return graphene_rect_contains_point (&near, &GRAPHENE_POINT_INIT (x, y));
}

/* Whether @covered lies over what a camera shows that matters:
 * a town the briefing mentions, a place it knows exactly or nearly (its
 * name beside it included). Over empty desert, the camera stays as its
 * author chose it.
 */
static gboolean
covers_what_matters (SbBriefing            *briefing,
                     double                 latitude,
                     double                 longitude,
                     double                 zoom,
                     double                 width,
                     double                 height,
                     const graphene_rect_t *covered)
{
  GPtrArray *towns;
  GListModel *places;
  SbProjection projection;

  if (briefing == NULL)
    return TRUE;

  sb_projection_init_at (&projection, latitude, longitude, zoom, width, height);

  towns = sb_mentioned_places_get (briefing);
  for (guint i = 0; i < towns->len; i++)
    {
      const SbBasemapFeature *town = g_ptr_array_index (towns, i);

      if (covers_point (&projection, covered, town->label_x, town->label_y))
        return TRUE;
    }

  /* The briefing's own points, wherever a step shows them. */
  places = sb_briefing_get_places (briefing);
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);
      double lat = sb_place_get_latitude (place), lon = sb_place_get_longitude (place);

      if (sb_place_get_precision (place) <= SB_PLACE_PRECISION_NEAR &&
          covers_point (&projection, covered, sb_mercator_x (lon), sb_mercator_y (lat)))
        return TRUE;
    }

  return FALSE;
}

/* Room a town the briefing names needs from the view's edge, at the
 * map's scale 1: its dot beside it, half its name's height above and
 * below (its name goes to the side away from the edge).
 */
#define EDGE_ROOM_X 10.0
#define EDGE_ROOM_Y 12.0

/* A town at the view's edge is named cut: the camera goes a little
 * further out, about its centre, until each town the briefing names
 * that it shows has room for its name. Only those: going out in rounds,
 * with the towns each round brought to the edge, took step 10 half a
 * zoom level out, 1.4 times as wide as its camera.
 */
static void
keep_towns_in_view (SbBriefing            *briefing,
                    double                 width,
                    double                 height,
                    double                 scale,
                    double                *latitude,
                    double                *longitude,
                    double                *zoom)
{
  double room_x = EDGE_ROOM_X * scale, room_y = EDGE_ROOM_Y * scale;
  double half_width = width / 2, half_height = height / 2, shrink = 1;
  SbProjection projection;
  GPtrArray *towns;

  if (briefing == NULL || width <= 4 * room_x || height <= 4 * room_y || *zoom >= 9.0)
    return;

  towns = sb_mentioned_places_get (briefing);
  sb_projection_init_at (&projection, *latitude, *longitude, *zoom, width, height);
  for (guint i = 0; i < towns->len; i++)
    {
      const SbBasemapFeature *town = g_ptr_array_index (towns, i);
      double x, y, dx, dy;

      sb_projection_unit_to_widget (&projection, town->label_x, town->label_y, &x, &y);
      if (x < 0 || x > width || y < 0 || y > height)
        continue;

      dx = fabs (x - half_width);
      dy = fabs (y - half_height);
      if (dx > half_width - room_x)
        shrink = MIN (shrink, (half_width - room_x) / dx);
      if (dy > half_height - room_y)
        shrink = MIN (shrink, (half_height - room_y) / dy);
    }

  *zoom += log2 (shrink);
}

/* Whether @place is drawn at a point (not on a country's or region's
 * card), and where in @projection.
 */
static gboolean
place_point (const SbProjection *projection,
             SbPlace            *place,
             double             *x,
             double             *y)
{
  if (place == NULL || sb_place_get_precision (place) > SB_PLACE_PRECISION_NEAR)
    return FALSE;

  sb_projection_to_widget (projection, sb_place_get_latitude (place), sb_place_get_longitude (place), x, y);
  return TRUE;
}

static gboolean
slide_shows (const SbSlide *slide,
             SbItem        *item)
{
  if (slide->shown == NULL)
    return TRUE;

  for (guint i = 0; i < slide->shown->len; i++)
    if (g_ptr_array_index (slide->shown, i) == item)
      return TRUE;

  return FALSE;
}

/* An arrow the camera shows one end of, the other cut off by the view's
 * edge (the caption's, at the bottom), reads as coming from nowhere: the
 * camera goes further out to show both ends, with room for their names,
 * when that costs at most about a zoom level. What lies further away
 * stays as the step's author framed it.
 */
static void
keep_movements_whole (const SbSlide *slide,
                      SbBriefing    *briefing,
                      double         width,
                      double         height,
                      double         scale,
                      double        *latitude,
                      double        *longitude,
                      double        *zoom)
{
  double room_x = EDGE_ROOM_X * scale, room_y = EDGE_ROOM_Y * scale;
  graphene_rect_t inside = GRAPHENE_RECT_INIT (room_x, room_y, width - 2 * room_x, height - 2 * room_y);
  graphene_rect_t reach = GRAPHENE_RECT_INIT (-width / 2, -height / 2, 2 * width, 2 * height);
  SbBounds bounds = SB_BOUNDS_INIT_EMPTY;
  SbProjection projection;
  GListModel *movements;
  gboolean found = FALSE;

  if (briefing == NULL || (slide->layers & SB_LAYER_MOVEMENTS) == 0 ||
      width <= 4 * room_x || height <= 4 * room_y)
    return;

  sb_projection_init_at (&projection, *latitude, *longitude, *zoom, width, height);
  movements = sb_briefing_get_items (briefing, SB_ITEM_KIND_MOVEMENT);
  for (guint i = 0; i < g_list_model_get_n_items (movements); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (movements, i);
      SbPlace *ends[2] = { sb_item_get_origin (item), sb_item_get_place (item) };
      double x[2], y[2];
      gboolean in[2];

      if (!slide_shows (slide, item) ||
          !place_point (&projection, ends[0], &x[0], &y[0]) || !place_point (&projection, ends[1], &x[1], &y[1]))
        continue;

      for (guint e = 0; e < 2; e++)
        in[e] = graphene_rect_contains_point (&inside, &GRAPHENE_POINT_INIT (x[e], y[e]));
      if (in[0] == in[1])
        continue;

      for (guint e = 0; e < 2; e++)
        if (!in[e] && graphene_rect_contains_point (&reach, &GRAPHENE_POINT_INIT (x[e], y[e])))
          {
            sb_bounds_add_point (&bounds, sb_place_get_latitude (ends[e]), sb_place_get_longitude (ends[e]));
            found = TRUE;
          }
    }

  if (!found)
    return;

  sb_framing_add_view (&bounds, *latitude, *longitude, *zoom, width, height);
  sb_framing_fit_around (&bounds, width - 2 * room_x, height - 2 * room_y, NULL, 1.0, latitude, longitude, zoom);
}

/**
 * sb_slide_get_camera_around:
 * @covered: (nullable): what lies over the view (the legend), in its pixels
 * @scale: how large the map draws its names, 1 as in the window
 *
 * Like sb_slide_get_camera(), but for a view that @covered lies over:
 * the step's camera stays as it is unless @covered would hide a town or
 * place the briefing names; then all that camera would show fits into
 * the part of the view left free, a little further out. A camera's zoom
 * is for a map of %SB_FRAMING_CAMERA_WIDTH × %SB_FRAMING_CAMERA_HEIGHT
 * pixels: a larger map shows the same ground larger, and a flatter one
 * as wide (sb_framing_camera_zoom_presented()). Towns the briefing
 * names that the camera shows get room for their names inside the view,
 * and movements it shows one end of, their other end, when near.
 *
 * Returns: %FALSE if the slide names no place
 */
gboolean
sb_slide_get_camera_around (const SbSlide         *slide,
                            SbBriefing            *briefing,
                            double                 width,
                            double                 height,
                            const graphene_rect_t *covered,
                            double                 scale,
                            double                *latitude,
                            double                *longitude,
                            double                *zoom)
{
  SbBounds bounds = SB_BOUNDS_INIT_EMPTY;
  gboolean found = FALSE;

  g_return_val_if_fail (slide != NULL, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);

  if (slide->has_center)
    {
      *latitude = slide->latitude;
      *longitude = slide->longitude;
      *zoom = sb_framing_camera_zoom_presented (slide->zoom, width, height);
    }
  else
    {
      if (SB_IS_ITEM (slide->entity))
        found = sb_framing_add_entity (&bounds, briefing, NULL, slide->entity);
      for (guint i = 0; slide->frame != NULL && i < slide->frame->len; i++)
        found |= sb_framing_add_entity (&bounds, briefing, NULL, g_ptr_array_index (slide->frame, i));

      if (!found || !sb_framing_fit (&bounds, width, height, latitude, longitude, zoom))
        return FALSE;
    }

  keep_movements_whole (slide, briefing, width, height, scale, latitude, longitude, zoom);
  keep_towns_in_view (briefing, width, height, scale, latitude, longitude, zoom);

  if (covered == NULL || width <= 0 || height <= 0 ||
      !covers_what_matters (briefing, *latitude, *longitude, *zoom, width, height, covered))
    return TRUE;

  /* All the camera would show, beside what covers the view. */
  sb_bounds_init_empty (&bounds);
  sb_framing_add_view (&bounds, *latitude, *longitude, *zoom, width, height);
  sb_framing_fit_around (&bounds, width, height, covered, 1.0, latitude, longitude, zoom);
  /* Further out, more towns at the edges. */
  keep_towns_in_view (briefing, width, height, scale, latitude, longitude, zoom);
  return TRUE;
}

/* Room a symbol or a town's dot needs from the caption's edge and from
 * what lies over the map, at the map's scale 1: half a symbol, and a
 * little more.
 */
#define SYMBOL_ROOM 20.0

/* How much closer to the view's centre (@cx, @cy) the point @x, @y must
 * come to lie clear of @edge (the caption's, @cy + @reach below the
 * centre) and of @corner, grown by @room: 1 when it is clear.
 */
static double
shrink_to_clear (double                 x,
                 double                 y,
                 double                 cx,
                 double                 cy,
                 double                 reach,
                 const graphene_rect_t *corner,
                 double                 room)
{
  double shrink = 1;

  if (y - cy > reach)
    shrink = reach / (y - cy);

  if (corner != NULL &&
      x > corner->origin.x - room && x < corner->origin.x + corner->size.width + room &&
      y > corner->origin.y - room && y < corner->origin.y + corner->size.height + room)
    {
      double out = 0;

      /* Out of the corner on the side nearer the centre, whichever costs
       * the less.
       */
      if (corner->origin.x - room > cx && x > cx)
        out = MAX (out, (corner->origin.x - room - cx) / (x - cx));
      if (corner->origin.x + corner->size.width + room < cx && x < cx)
        out = MAX (out, (cx - corner->origin.x - corner->size.width - room) / (cx - x));
      if (corner->origin.y - room > cy && y > cy)
        out = MAX (out, (corner->origin.y - room - cy) / (y - cy));
      if (out > 0)
        shrink = MIN (shrink, out);
    }

  return shrink;
}

/**
 * sb_slide_keep_clear:
 * @width: (in pixels) the map's, above the caption
 * @corner: (nullable): what else lies over the map at a corner (the
 *   attribution), in its pixels
 * @scale: how large the map draws its symbols and names, 1 as in the window
 *
 * Takes a step's camera further out, about its centre, until nothing it
 * frames lies under the caption (at the map's bottom edge) or under
 * @corner: the places the briefing knows at a point (a movement's ends
 * among them) and the towns it names, each with room for its symbol.
 * The blockade briefing's convoy to Bamako, a step taken in the narrow
 * map between the side panes, ended under the caption with its
 * arrowhead under the attribution.
 */
void
sb_slide_keep_clear (const SbSlide         *slide,
                     SbBriefing            *briefing,
                     double                 width,
                     double                 height,
                     const graphene_rect_t *corner,
                     double                 scale,
                     double                *latitude,
                     double                *longitude,
                     double                *zoom)
{
  double room = SYMBOL_ROOM * scale;

  g_return_if_fail (slide != NULL);

  if (briefing == NULL || width <= 4 * room || height <= 4 * room)
    return;

  /* Again after going out: what came in from beyond the edge. */
  for (guint round = 0; round < 3; round++)
    {
      GPtrArray *towns = sb_mentioned_places_get (briefing);
      GListModel *places = sb_briefing_get_places (briefing);
      double cx = width / 2, cy = height / 2, shrink = 1;
      SbProjection projection;

      sb_projection_init_at (&projection, *latitude, *longitude, *zoom, width, height);
      for (guint i = 0; i < towns->len + g_list_model_get_n_items (places); i++)
        {
          double x, y;

          if (i < towns->len)
            {
              const SbBasemapFeature *town = g_ptr_array_index (towns, i);

              sb_projection_unit_to_widget (&projection, town->label_x, town->label_y, &x, &y);
            }
          else
            {
              g_autoptr(SbPlace) place = g_list_model_get_item (places, i - towns->len);

              if (!place_point (&projection, place, &x, &y))
                continue;
            }

          /* Only what shows, whole or in part. */
          if (x < -room || x > width + room || y < -room || y > height + room)
            continue;

          shrink = MIN (shrink, shrink_to_clear (x, y, cx, cy, cy - room, corner, room));
        }

      if (shrink >= 0.999)
        return;
      *zoom += log2 (shrink);
    }
}

guint
sb_presentation_get_index (SbPresentation *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION (self), 0);

  return self->index;
}

static void
set_at_end (SbPresentation *self,
            gboolean        at_end)
{
  if (self->at_end == at_end)
    return;

  self->at_end = at_end;
  self->slide_time = g_get_monotonic_time ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT_END]);
}

void
sb_presentation_set_index (SbPresentation *self,
                           guint           index)
{
  g_return_if_fail (SB_IS_PRESENTATION (self));

  if (self->slides->len == 0)
    return;

  index = MIN (index, self->slides->len - 1);
  set_at_end (self, FALSE);
  if (index == self->index)
    return;

  self->index = index;
  self->slide_time = g_get_monotonic_time ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
}

/**
 * sb_presentation_get_at_end:
 *
 * Returns: whether the end screen is shown, after the last slide
 */
gboolean
sb_presentation_get_at_end (SbPresentation *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION (self), FALSE);

  return self->at_end;
}

/* Past the last slide comes the end screen, not a silent stop; and
 * nothing after it: only Escape leaves.
 */
void
sb_presentation_next (SbPresentation *self)
{
  g_return_if_fail (SB_IS_PRESENTATION (self));

  if (self->slides->len > 0 && self->index + 1 >= self->slides->len)
    set_at_end (self, TRUE);
  else
    sb_presentation_set_index (self, self->index + 1);
}

void
sb_presentation_previous (SbPresentation *self)
{
  g_return_if_fail (SB_IS_PRESENTATION (self));

  if (self->at_end)
    set_at_end (self, FALSE);
  else if (self->index > 0)
    sb_presentation_set_index (self, self->index - 1);
}

gboolean
sb_presentation_get_legend_visible (SbPresentation *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION (self), FALSE);

  return self->legend_visible;
}

void
sb_presentation_set_legend_visible (SbPresentation *self,
                                    gboolean        visible)
{
  g_return_if_fail (SB_IS_PRESENTATION (self));

  visible = !!visible;
  if (self->legend_visible == visible)
    return;

  self->legend_visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEGEND_VISIBLE]);
}

SbBlank
sb_presentation_get_blank (SbPresentation *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION (self), SB_BLANK_NONE);

  return self->blank;
}

void
sb_presentation_set_blank (SbPresentation *self,
                           SbBlank         blank)
{
  g_return_if_fail (SB_IS_PRESENTATION (self));

  if (self->blank == blank)
    return;

  self->blank = blank;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANK]);
}

/**
 * sb_presentation_get_typed_number:
 *
 * Returns: the digits typed so far towards a jump; empty when none
 */
const char *
sb_presentation_get_typed_number (SbPresentation *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION (self), "");

  return self->typed->str;
}

static void
set_typed (SbPresentation *self,
           const char     *digits)
{
  if (g_str_equal (self->typed->str, digits))
    return;

  g_string_assign (self->typed, digits);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPED_NUMBER]);
}

static int
key_digit (guint keyval)
{
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_0;
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    return keyval - GDK_KEY_KP_0;
  return -1;
}

static gboolean
key_is_modifier (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Shift_L: case GDK_KEY_Shift_R:
    case GDK_KEY_Control_L: case GDK_KEY_Control_R:
    case GDK_KEY_Alt_L: case GDK_KEY_Alt_R:
    case GDK_KEY_Meta_L: case GDK_KEY_Meta_R:
    case GDK_KEY_Super_L: case GDK_KEY_Super_R:
    case GDK_KEY_Hyper_L: case GDK_KEY_Hyper_R:
    case GDK_KEY_ISO_Level3_Shift: case GDK_KEY_Caps_Lock:
    case GDK_KEY_Num_Lock: case GDK_KEY_Scroll_Lock:
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * sb_presentation_handle_key:
 *
 * Does what @keyval does in a presentation.
 *
 * Returns: %TRUE if the key was the presentation's; keys with Control or
 *   Alt are left to the application's shortcuts
 */
gboolean
sb_presentation_handle_key (SbPresentation  *self,
                            guint            keyval,
                            GdkModifierType  state)
{
  int digit;

  g_return_val_if_fail (SB_IS_PRESENTATION (self), FALSE);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 || key_is_modifier (keyval))
    return FALSE;

  if (self->blank != SB_BLANK_NONE)
    {
      sb_presentation_set_blank (self, SB_BLANK_NONE);
      return TRUE;
    }

  digit = key_digit (keyval);
  if (digit >= 0)
    {
      g_autofree char *typed = NULL;

      if (self->typed->len < MAX_DIGITS)
        {
          typed = g_strdup_printf ("%s%d", self->typed->str, digit);
          set_typed (self, typed);
        }
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (self->typed->len > 0)
        {
          guint64 number = g_ascii_strtoull (self->typed->str, NULL, 10);

          set_typed (self, "");
          if (number >= 1)
            sb_presentation_set_index (self, (guint) MIN (number, G_MAXUINT) - 1);
          return TRUE;
        }
      sb_presentation_next (self);
      return TRUE;

    default:
      break;
    }

  /* Any other key ends a number being typed. */
  set_typed (self, "");

  switch (keyval)
    {
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
    case GDK_KEY_space: case GDK_KEY_KP_Space:
    case GDK_KEY_n: case GDK_KEY_N:
      sb_presentation_next (self);
      return TRUE;

    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_p: case GDK_KEY_P:
      sb_presentation_previous (self);
      return TRUE;

    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      sb_presentation_set_index (self, 0);
      return TRUE;

    case GDK_KEY_End: case GDK_KEY_KP_End:
      sb_presentation_set_index (self, self->slides->len > 0 ? self->slides->len - 1 : 0);
      return TRUE;

    case GDK_KEY_b: case GDK_KEY_B:
    case GDK_KEY_period: case GDK_KEY_KP_Decimal:
      sb_presentation_set_blank (self, SB_BLANK_BLACK);
      return TRUE;

    case GDK_KEY_w: case GDK_KEY_W:
      sb_presentation_set_blank (self, SB_BLANK_WHITE);
      return TRUE;

    case GDK_KEY_l: case GDK_KEY_L:
      sb_presentation_set_legend_visible (self, !self->legend_visible);
      return TRUE;

    case GDK_KEY_Escape:
      sb_presentation_end (self);
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * sb_presentation_end:
 *
 * Ends the presentation: emits #SbPresentation::ended, once.
 */
void
sb_presentation_end (SbPresentation *self)
{
  g_return_if_fail (SB_IS_PRESENTATION (self));

  if (self->ended)
    return;

  self->ended = TRUE;
  g_signal_emit (self, signals[ENDED], 0);
}

gboolean
sb_presentation_is_ended (SbPresentation *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION (self), TRUE);

  return self->ended;
}

/**
 * sb_presentation_get_start_time:
 *
 * Returns: the monotonic time the presentation started
 */
gint64
sb_presentation_get_start_time (SbPresentation *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION (self), 0);

  return self->start_time;
}

/**
 * sb_presentation_get_slide_time:
 *
 * Returns: the monotonic time the slide shown was reached
 */
gint64
sb_presentation_get_slide_time (SbPresentation *self)
{
  g_return_val_if_fail (SB_IS_PRESENTATION (self), 0);

  return self->slide_time;
}
