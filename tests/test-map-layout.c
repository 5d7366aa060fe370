/* test-map-layout.c
 *
 * Nothing is drawn or framed more precisely than it is known: what is
 * known only to a country or region is on its area's card, never at the
 * area's middle; framing a country frames the whole country, and a point
 * its surroundings; the towns a briefing mentions are named; an event
 * dataset's incidents known only to a country are counted, not
 * clustered; outlines imported for reference are framed and named when
 * nothing else is; the map redraws after the edits it draws, and names
 * the towns an edited text mentions; a card lies on its own country
 * rather than another's, and the named towns keep off each other. No
 * display needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "sb-basemap.h"
#include "sb-document.h"
#include "sb-edit.h"
#include "sb-fields.h"
#include "sb-framing.h"
#include "sb-import-file.h"
#include "sb-incident-clusters.h"
#include "sb-legend-rows.h"
#include "sb-loader.h"
#include "sb-map-layout.h"
#include "sb-mentioned-places.h"
#include "sb-presentation.h"
#include "sb-problem.h"
#include "sb-projection.h"
#include "sb-source.h"
#include "sb-symbols.h"
#include "sb-test-model.h"

static void
country_bounds (const char *iso_a3,
                SbBounds   *bounds)
{
  SbBasemap *basemap = sb_basemap_get_default ();
  const SbBasemapFeature *country = sb_basemap_lookup_country (basemap, iso_a3);
  const SbBasemapCountryShape *shape;

  g_assert_nonnull (country);
  shape = sb_basemap_get_country_shape (basemap, country);
  sb_bounds_init_empty (bounds);
  sb_bounds_add_point (bounds, sb_mercator_latitude (shape->min_y), shape->min_x * 360 - 180);
  sb_bounds_add_point (bounds, sb_mercator_latitude (shape->max_y), shape->max_x * 360 - 180);
}

/* @country's box as @projection shows it, which must be wholly in view. */
static graphene_rect_t
assert_in_view (const SbProjection *projection,
                const SbBounds     *country,
                double              width,
                double              height)
{
  double x0, y0, x1, y1;

  sb_projection_to_widget (projection, country->max_lat, country->min_lon, &x0, &y0);
  sb_projection_to_widget (projection, country->min_lat, country->max_lon, &x1, &y1);
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (y0, >=, 0);
  g_assert_cmpfloat (x1, <=, width);
  g_assert_cmpfloat (y1, <=, height);

  return GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
}

/* A point is framed with its neighbouring towns and the nearest border,
 * as far as they lie in the Sahel: Agadez with a border (370 km off) and
 * towns, not a close-up with Arlit alone.
 */
static void
test_frame_point_far_border (void)
{
  g_autoptr(SbPlace) agadez = sb_place_new ("agadez", "en", "Agadez", 16.9959, 7.9828, SB_PLACE_PRECISION_POINT, NULL);
  SbBasemap *basemap = sb_basemap_get_default ();
  SbBounds bounds = SB_BOUNDS_INIT_EMPTY;
  double x = sb_mercator_x (7.9828), y = sb_mercator_y (16.9959);
  double border_x, border_y, border_lat, border_lon;

  g_assert_true (sb_framing_add_place (&bounds, agadez, TRUE));
  g_assert_true (sb_basemap_nearest_border (basemap, x, y, 0.05, &border_x, &border_y));
  border_lat = sb_mercator_latitude (border_y);
  border_lon = border_x * 360.0 - 180.0;
  g_test_message ("border at %.2f, %.2f; frame %.2f–%.2f, %.2f–%.2f", border_lat, border_lon,
                  bounds.min_lat, bounds.max_lat, bounds.min_lon, bounds.max_lon);
  g_assert_cmpfloat (border_lat, >=, bounds.min_lat - 1e-6);
  g_assert_cmpfloat (border_lat, <=, bounds.max_lat + 1e-6);
  g_assert_cmpfloat (border_lon, >=, bounds.min_lon - 1e-6);
  g_assert_cmpfloat (border_lon, <=, bounds.max_lon + 1e-6);
}

/* One movement's far end (troops flown out to Germany) does not make the
 * overview show Europe with the Sahel squeezed at its bottom: the
 * overview keeps to the rest, the arrow leaving the view; choosing the
 * movement frames both its ends.
 */
static void
test_frame_briefing_far_end (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autoptr(SbText) name = sb_text_new ("en", "Germany");
  SbItem *movement = SB_ITEM (sb_test_lookup (briefing, "france-last-contingent-to-niger"));
  SbPlace *origin = sb_item_get_origin (movement);
  SbBounds before = SB_BOUNDS_INIT_EMPTY, after = SB_BOUNDS_INIT_EMPTY, chosen = SB_BOUNDS_INIT_EMPTY;
  SbEdit *group, *add;
  SbPlace *germany;

  g_assert_true (sb_framing_add_briefing (&before, briefing, NULL));
  g_assert_cmpfloat (before.max_lat, <, 40);

  group = sb_edit_new_group ("To Germany");
  add = sb_edit_new_add_place (briefing, name, 51.08, 10.38, SB_PLACE_PRECISION_COUNTRY);
  germany = SB_PLACE (sb_edit_get_entity (add));
  sb_edit_group_add (group, add);
  sb_edit_group_add (group, sb_edit_new_set_string (SB_ENTITY (germany), SB_PLACE_FIELD_COUNTRY, "DEU"));
  sb_edit_group_add (group, sb_edit_new_set_entity (SB_ENTITY (movement), SB_ITEM_FIELD_PLACE, SB_ENTITY (germany)));
  g_assert_true (sb_document_apply (document, group, NULL));

  /* The overview: as before, Germany left out, the movement's start in. */
  g_assert_true (sb_framing_add_briefing (&after, briefing, NULL));
  g_assert_cmpfloat (after.max_lat, <, 40);
  g_assert_cmpfloat (after.min_lat, ==, before.min_lat);
  g_assert_cmpfloat (sb_place_get_latitude (origin), <=, after.max_lat);

  /* The movement chosen: both ends. */
  g_assert_true (sb_framing_add_entity (&chosen, briefing, NULL, SB_ENTITY (movement)));
  g_assert_cmpfloat (chosen.max_lat, >, 51);
  g_assert_cmpfloat (chosen.min_lat, <=, sb_place_get_latitude (origin));
}

/* Framing an actor known only to Mali shows all of Mali, and its country
 * outline comes from the base map: the whole country, not a disc around
 * its middle.
 */
static void
test_frame_country_actor (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  SbBounds bounds = SB_BOUNDS_INIT_EMPTY, mali, niger;
  double lat, lon, zoom;
  SbProjection projection;

  country_bounds ("MLI", &mali);
  country_bounds ("NER", &niger);
  g_assert_cmpfloat (mali.max_lat - mali.min_lat, >, 12);

  g_assert_true (sb_framing_add_entity (&bounds, briefing, NULL, sb_test_lookup (briefing, "minusma")));
  g_assert_true (sb_bounds_contains (&bounds, &mali));

  /* A movement from Mali to Niger frames both countries whole. */
  sb_bounds_init_empty (&bounds);
  g_assert_true (sb_framing_add_entity (&bounds, briefing, NULL, sb_test_lookup (briefing, "france-last-contingent-to-niger")));
  g_assert_true (sb_bounds_contains (&bounds, &mali));
  g_assert_true (sb_bounds_contains (&bounds, &niger));

  /* And the view fitted to it holds Mali whole, at any screen size. */
  sb_bounds_init_empty (&bounds);
  sb_framing_add_entity (&bounds, briefing, NULL, sb_test_lookup (briefing, "wagner-group"));
  for (guint size = 0; size < 2; size++)
    {
      double width = size ? 1920 : 800, height = size ? 1080 : 600;

      g_assert_true (sb_framing_fit (&bounds, width, height, &lat, &lon, &zoom));
      sb_projection_init_at (&projection, lat, lon, zoom, width, height);
      assert_in_view (&projection, &mali, width, height);
    }
}

/* Framing beside what lies over the map (a presentation's legend): Mali
 * whole in the part left free, never under the legend; a view its author
 * chose shows all of what it showed, beside it.
 */
static void
test_frame_around_legend (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  SbBounds bounds = SB_BOUNDS_INIT_EMPTY, mali, view = SB_BOUNDS_INIT_EMPTY;
  graphene_rect_t legend = GRAPHENE_RECT_INIT (1024 - 12 - 330, 12, 330, 200);
  const double width = 1024, height = 560;
  double lat, lon, zoom, full_zoom, x0, y0;
  SbProjection projection;
  graphene_rect_t mali_box;
  const double gao[2] = { 16.27, -0.05 };

  country_bounds ("MLI", &mali);
  sb_framing_add_entity (&bounds, briefing, NULL, sb_test_lookup (briefing, "wagner-group"));
  g_assert_true (sb_framing_fit (&bounds, width, height, &lat, &lon, &full_zoom));
  g_assert_true (sb_framing_fit_around (&bounds, width, height, &legend, SB_FRAMING_FILL, &lat, &lon, &zoom));
  g_assert_cmpfloat (zoom, <=, full_zoom);

  sb_projection_init_at (&projection, lat, lon, zoom, width, height);
  /* Mali's box is in view, clear of the legend. */
  mali_box = assert_in_view (&projection, &mali, width, height);
  g_assert_false (graphene_rect_intersection (&mali_box, &legend, NULL));

  /* Nothing over the map: as sb_framing_fit() frames. */
  {
    double lat2, lon2, zoom2;

    g_assert_true (sb_framing_fit_around (&bounds, width, height, NULL, SB_FRAMING_FILL, &lat2, &lon2, &zoom2));
    g_assert_cmpfloat_with_epsilon (zoom2, full_zoom, 1e-9);
  }

  /* A step's own camera (step 10's: Gao in the top right corner) shows
   * all it showed, Gao beside the legend, not under it.
   */
  sb_projection_init_at (&projection, 13.5, -6.5, 6, width, height);
  sb_projection_to_widget (&projection, gao[0], gao[1], &x0, &y0);
  g_assert_true (graphene_rect_contains_point (&legend, &GRAPHENE_POINT_INIT (x0, y0)));

  sb_framing_add_view (&view, 13.5, -6.5, 6, width, height);
  g_assert_true (sb_framing_fit_around (&view, width, height, &legend, 1.0, &lat, &lon, &zoom));
  g_assert_cmpfloat (zoom, <, 6);
  g_assert_cmpfloat (zoom, >, 5.3);
  sb_projection_init_at (&projection, lat, lon, zoom, width, height);
  sb_projection_to_widget (&projection, gao[0], gao[1], &x0, &y0);
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (x0, <=, width);
  g_assert_cmpfloat (y0, >=, 0);
  g_assert_cmpfloat (y0, <=, height);
  g_assert_false (graphene_rect_contains_point (&legend, &GRAPHENE_POINT_INIT (x0, y0)));
}

/* A point is framed with its neighbouring towns and the nearest border:
 * never a close-up of empty desert.
 */
static void
test_frame_point_context (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  SbPlace *gao_airport = sb_test_lookup (briefing, "gao-airport");
  SbBasemap *basemap = sb_basemap_get_default ();
  SbBounds bounds = SB_BOUNDS_INIT_EMPTY, covered = SB_BOUNDS_INIT_EMPTY;
  const SbBasemapFeature *towns[4];
  double lat = sb_place_get_latitude (gao_airport), lon = sb_place_get_longitude (gao_airport);
  double border_x, border_y, lat_km, lon_km;
  guint n, inside = 0;

  g_assert_true (sb_framing_add_place (&bounds, gao_airport, TRUE));
  lat_km = (bounds.max_lat - bounds.min_lat) * 111.32;
  lon_km = (bounds.max_lon - bounds.min_lon) * 111.32 * cos (lat * G_PI / 180);
  g_assert_cmpfloat (MIN (lat_km, lon_km), >=, 120);

  /* Gao itself, and towns beyond it. */
  n = sb_basemap_nearest_places (basemap, sb_mercator_x (lon), sb_mercator_y (lat), 0.01, G_N_ELEMENTS (towns), towns);
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpstr (towns[0]->name, ==, "Gao");
  for (guint i = 0; i < n; i++)
    {
      double town_lat = sb_mercator_latitude (towns[i]->label_y), town_lon = towns[i]->label_x * 360 - 180;

      inside += town_lat >= bounds.min_lat && town_lat <= bounds.max_lat &&
                town_lon >= bounds.min_lon && town_lon <= bounds.max_lon;
    }
  g_assert_cmpuint (inside, >=, 3);

  /* The Niger border, 150 km away. */
  g_assert_true (sb_basemap_nearest_border (basemap, sb_mercator_x (lon), sb_mercator_y (lat), 0.01,
                                            &border_x, &border_y));
  sb_bounds_add_point (&covered, sb_mercator_latitude (border_y), border_x * 360 - 180);
  g_assert_true (sb_bounds_contains (&bounds, &covered));

  /* Without context, only the ground the place covers. */
  sb_bounds_init_empty (&covered);
  sb_framing_add_place (&covered, gao_airport, FALSE);
  g_assert_cmpfloat (covered.max_lat - covered.min_lat, <, 0.01);
}

static void
assert_nothing_at_middles (SbBriefing         *briefing,
                           const SbProjection *projection)
{
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(SbMapLayout) layout = NULL;
  guint on_cards = 0;

  sb_selection_set_briefing (selection, briefing);
  layout = sb_map_layout_new (selection, projection, NULL, NULL, NULL);

  for (guint i = 0; i < layout->marks->len; i++)
    {
      const SbMapMark *mark = &g_array_index (layout->marks, SbMapMark, i);
      SbPlace *place = sb_item_get_place (mark->item);
      const SbMapCard *card;
      double x, y;

      if (!sb_map_layout_uses_cards (place))
        {
          g_assert_cmpint (mark->card, <, 0);
          continue;
        }

      /* On its place's card, inside it, which holds the place's name… */
      g_assert_cmpint (mark->card, >=, 0);
      card = &g_array_index (layout->cards, SbMapCard, mark->card);
      g_assert_true (card->place == place);
      g_assert_true (graphene_rect_contains_point (&card->box, &GRAPHENE_POINT_INIT (mark->x, mark->y)));
      on_cards++;

      /* … and neither the symbol nor its card is at the place's middle. */
      sb_projection_to_widget (projection, sb_place_get_latitude (place), sb_place_get_longitude (place), &x, &y);
      g_assert_cmpfloat (hypot (mark->x - x, mark->y - y), >, mark->radius);
      if (graphene_rect_contains_point (&card->box, &GRAPHENE_POINT_INIT (x, y)))
        g_printerr ("%s at zoom %g: %g %g in %g %g %g %g\n", sb_entity_get_id (SB_ENTITY (place)), projection->zoom, x, y, card->box.origin.x, card->box.origin.y, card->box.size.width, card->box.size.height);
      g_assert_false (graphene_rect_contains_point (&card->box, &GRAPHENE_POINT_INIT (x, y)));
    }

  g_assert_cmpuint (on_cards, >, 10);

  /* Arrows from or to a country end at its card's edge, not its middle. */
  for (guint i = 0; i < layout->arrows->len; i++)
    {
      const SbMapArrow *arrow = &g_array_index (layout->arrows, SbMapArrow, i);
      SbPlace *ends[] = { sb_item_get_origin (arrow->item), sb_item_get_place (arrow->item) };

      for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
        {
          const SbMapCard *card;
          double x, y;

          if (ends[e] == NULL || !sb_map_layout_uses_cards (ends[e]))
            continue;

          card = sb_map_layout_find_card (layout, ends[e]);
          g_assert_nonnull (card);
          x = e == 0 ? arrow->x0 : arrow->x1;
          y = e == 0 ? arrow->y0 : arrow->y1;
          g_assert_false (graphene_rect_contains_point (&card->box, &GRAPHENE_POINT_INIT (x, y)));
          g_assert_cmpfloat (MAX (fabs (x - (card->box.origin.x + card->box.size.width / 2)) - card->box.size.width / 2,
                                  fabs (y - (card->box.origin.y + card->box.size.height / 2)) - card->box.size.height / 2),
                             <, 8);
        }
    }
}

static void
test_layout_never_at_middle (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  SbProjection projection;

  for (double zoom = 4; zoom <= 7; zoom += 1)
    {
      sb_projection_init_at (&projection, 15.0, -2.0, zoom, 1600, 1000);
      assert_nothing_at_middles (briefing, &projection);
    }

  /* As a projector draws it: symbols larger, the map as a smaller zoom. */
  sb_projection_init_at (&projection, 14.0, -2.5, 5 - log2 (1.6), 1024 / 1.6, 620 / 1.6);
  assert_nothing_at_middles (briefing, &projection);
}

static gboolean
in_country (const SbProjection     *projection,
            const SbBasemapFeature *country,
            double                  x,
            double                  y)
{
  double ux, uy;

  sb_projection_widget_to_unit (projection, x, y, &ux, &uy);
  return sb_basemap_feature_contains (country, ux, uy);
}

/* A country's card lies more on its own country than on another with a
 * card ("Burkina Faso" on Mali reads as Mali's), and the towns the
 * briefing mentions keep their names off each other's (Cotonou and
 * Porto-Novo, a few pixels apart, may touch at a corner).
 */
static void
assert_cards_and_names_apart (SbBriefing         *briefing,
                              const SbProjection *projection)
{
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(SbMapLayout) layout = NULL;
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, 2 * projection->half_width, 2 * projection->half_height);

  sb_selection_set_briefing (selection, briefing);
  layout = sb_map_layout_new (selection, projection, &view, NULL, NULL);

  for (guint c = 0; c < layout->cards->len; c++)
    {
      const SbMapCard *card = &g_array_index (layout->cards, SbMapCard, c);
      guint own = 0, other = 0;

      if (card->country == NULL || card->box.size.width <= 0)
        continue;

      for (guint i = 0; i <= 2; i++)
        for (guint j = 0; j <= 2; j++)
          {
            double x = card->box.origin.x + card->box.size.width * i / 2;
            double y = card->box.origin.y + card->box.size.height * j / 2;

            if (in_country (projection, card->country, x, y))
              {
                own++;
                continue;
              }
            for (guint k = 0; k < layout->cards->len; k++)
              {
                const SbMapCard *another = &g_array_index (layout->cards, SbMapCard, k);

                if (k != c && another->country != NULL && in_country (projection, another->country, x, y))
                  {
                    other++;
                    break;
                  }
              }
          }

      if (other > own)
        g_printerr ("%s's card at zoom %g lies on another's country\n",
                    sb_entity_get_id (SB_ENTITY (card->place)), projection->zoom);
      g_assert_cmpuint (other, <=, own);
    }

  for (guint i = 0; i < layout->towns->len; i++)
    for (guint j = i + 1; j < layout->towns->len; j++)
      {
        const SbMapTown *a = &g_array_index (layout->towns, SbMapTown, i);
        const SbMapTown *b = &g_array_index (layout->towns, SbMapTown, j);
        graphene_rect_t both = GRAPHENE_RECT_INIT (0, 0, 0, 0);

        if (!graphene_rect_contains_point (&view, &GRAPHENE_POINT_INIT (a->x, a->y)) ||
            !graphene_rect_contains_point (&view, &GRAPHENE_POINT_INIT (b->x, b->y)))
          continue;
        /* A corner touching another still reads; more would not. */
        double most = 0.05 * MIN (a->label.size.width * a->label.size.height,
                                  b->label.size.width * b->label.size.height);

        graphene_rect_intersection (&a->label, &b->label, &both);
        if (both.size.width * both.size.height > most)
          g_printerr ("%s (%g, %g) and %s (%g, %g) at zoom %g: %g × %g\n", a->town->name, a->label.origin.x,
                      a->label.origin.y, b->town->name, b->label.origin.x, b->label.origin.y, projection->zoom,
                      both.size.width, both.size.height);
        g_assert_cmpfloat (both.size.width * both.size.height, <=, most);
      }
}

/* As projectors show the built-in briefing: the map above the caption,
 * symbols larger (the map as a smaller zoom), over West Africa.
 */
static void
test_cards_and_names_apart (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  const double sizes[][3] = { { 1024, 540, 1.3 }, { 1920, 820, 1.6 } };
  const double centres[][3] = { { 15.0, -2.0, 5 }, { 12.5, -3.0, 5 }, { 12.0, -1.5, 6 }, { 17.0, 0.0, 5 } };
  SbProjection projection;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint c = 0; c < G_N_ELEMENTS (centres); c++)
      {
        double scale = sizes[s][2];

        sb_projection_init_at (&projection, centres[c][0], centres[c][1], centres[c][2] - log2 (scale),
                               sizes[s][0] / scale, sizes[s][1] / scale);
        assert_cards_and_names_apart (briefing, &projection);
      }
}

/* How many of @box's nine points (corners, edges' middles, middle) lie in
 * @country, and how many in another country with a card of @layout.
 */
static void
count_box_points (const SbProjection     *projection,
                  SbMapLayout            *layout,
                  const SbBasemapFeature *country,
                  const graphene_rect_t  *box,
                  guint                  *own,
                  guint                  *other)
{
  *own = *other = 0;
  for (guint i = 0; i <= 2; i++)
    for (guint j = 0; j <= 2; j++)
      {
        double x = box->origin.x + box->size.width * i / 2;
        double y = box->origin.y + box->size.height * j / 2;

        if (in_country (projection, country, x, y))
          {
            (*own)++;
            continue;
          }
        for (guint k = 0; k < layout->cards->len; k++)
          {
            const SbMapCard *card = &g_array_index (layout->cards, SbMapCard, k);

            if (card->country != NULL && card->country != country && in_country (projection, card->country, x, y))
              {
                (*other)++;
                break;
              }
          }
      }
}

static const SbMapCard *
find_card (SbMapLayout *layout,
           const char  *place_id)
{
  for (guint i = 0; i < layout->cards->len; i++)
    if (g_str_equal (sb_entity_get_id (SB_ENTITY (g_array_index (layout->cards, SbMapCard, i).place)), place_id))
      return &g_array_index (layout->cards, SbMapCard, i);

  g_assert_not_reached ();
}

/* The built-in briefing's steps as a 1024×768 projector shows them (the
 * map above the caption, symbols 1.6× larger, so the map as a smaller
 * one; the legend, the scale and the attribution over it): the cards of
 * Mali and Burkina Faso lie on or beside their country, a short leader
 * from its name, not 90 pixels off over the coast or over Senegal; and
 * Ouagadougou's name lies clear of the symbols at Bamako.
 */
static void
test_step_cards (void)
{
  const struct {
    guint step;
    double lat, lon, zoom;
    graphene_rect_t legend;
    const char *cards[2];
  } steps[] = {
    { 1, 14.021, -2.524, 4.237, GRAPHENE_RECT_INIT (520.8, 7.1, 112.2, 84.5), { "burkina-faso", "mali" } },
    { 9, 11.021, -5.023, 4.237, GRAPHENE_RECT_INIT (490.1, 7.1, 142.9, 123.9), { "burkina-faso", "mali" } },
    { 10, 13.529, -2.899, 4.642, GRAPHENE_RECT_INIT (497.6, 7.1, 135.4, 97.6), { "burkina-faso", "mali" } },
  };
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
  const double width = 640, height = 339.4;
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, width, height);

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      g_autoptr(SbSelection) selection = sb_selection_new ();
      g_autoptr(GArray) occluders = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
      g_autoptr(SbMapLayout) layout = NULL;
      g_auto(SbSlide) slide = { 0, };
      SbProjection projection;

      g_assert_true (sb_presentation_describe (presentation, steps[s].step - 1, &slide));
      sb_selection_set_briefing (selection, briefing);
      for (guint layer = SB_LAYER_AREAS; layer <= SB_LAYER_INCIDENTS; layer <<= 1)
        sb_selection_set_layer_visible (selection, layer, (slide.layers & layer) != 0);
      sb_selection_set_shown (selection, slide.shown);
      sb_selection_set_highlighted (selection, slide.highlight);

      g_array_append_val (occluders, steps[s].legend);
      g_array_append_val (occluders, GRAPHENE_RECT_INIT (3.8, 305.6, 86.9, 30.0));
      g_array_append_val (occluders, GRAPHENE_RECT_INIT (557.5, 313.1, 78.8, 22.5));
      sb_projection_init_at (&projection, steps[s].lat, steps[s].lon, steps[s].zoom, width, height);
      /* How long laying out takes: a figure, not a test. */
      {
        gint64 start = g_get_monotonic_time ();

        for (guint r = 0; r < 20; r++)
          {
            g_clear_pointer (&layout, sb_map_layout_unref);
            layout = sb_map_layout_new_full (selection, &projection, &view, occluders, NULL, NULL);
          }
        g_test_message ("step %u laid out in %.1f ms", steps[s].step, (g_get_monotonic_time () - start) / 20000.0);
      }

      for (guint c = 0; c < G_N_ELEMENTS (steps[s].cards); c++)
        {
          const SbMapCard *card = find_card (layout, steps[s].cards[c]);
          double gap_x, gap_y;
          guint own, other;

          count_box_points (&projection, layout, card->country, &card->box, &own, &other);
          gap_x = MAX (0, MAX (card->box.origin.x - card->anchor_x,
                               card->anchor_x - card->box.origin.x - card->box.size.width));
          gap_y = MAX (0, MAX (card->box.origin.y - card->anchor_y,
                               card->anchor_y - card->box.origin.y - card->box.size.height));
          g_test_message ("step %u: %s's card at %.0f, %.0f (%.0f × %.0f), %.0f px from its name; "
                          "%u of 9 points on it, %u on another's", steps[s].step, steps[s].cards[c],
                          card->box.origin.x, card->box.origin.y, card->box.size.width, card->box.size.height,
                          hypot (gap_x, gap_y), own, other);
          g_assert_cmpuint (own, >=, 2);
          g_assert_cmpuint (own, >=, other);
          g_assert_cmpfloat (hypot (gap_x, gap_y), <=, 40);
        }

      for (guint t = 0; t < layout->towns->len; t++)
        for (guint m = 0; m < layout->marks->len; m++)
          {
            const SbMapTown *town = &g_array_index (layout->towns, SbMapTown, t);
            const SbMapMark *mark = &g_array_index (layout->marks, SbMapMark, m);
            /* with the ring round a highlighted symbol */
            double r = mark->selected ? mark->radius * SB_SYMBOL_RING_SCALE + SB_SYMBOL_RING_GAP : mark->radius;

            /* (a town's own symbols may touch its name) */
            if (mark->card >= 0 || !graphene_rect_contains_point (&view, &GRAPHENE_POINT_INIT (town->x, town->y)) ||
                hypot (mark->anchor_x - town->x, mark->anchor_y - town->y) < 20)
              continue;
            if (graphene_rect_intersection (&town->label, &GRAPHENE_RECT_INIT (mark->x - r, mark->y - r, 2 * r, 2 * r), NULL))
              g_printerr ("step %u: %s's name over %s\n", steps[s].step, town->town->name,
                          sb_entity_get_id (SB_ENTITY (mark->item)));
            g_assert_false (graphene_rect_intersection (&town->label,
                                                        &GRAPHENE_RECT_INIT (mark->x - r, mark->y - r, 2 * r, 2 * r),
                                                        NULL));
          }
    }
}

/* An incident's symbol on a card (radius 9, drawn 1.6× larger on a
 * projector) shrunk to a quarter, as from the back of the room: its
 * luminance, the mean of each 4 × 4 pixels.
 */
#define SHRUNK_SIDE 12

static void
shrunk_symbol (SbIncidentType type,
               double        *shrunk)
{
  const int side = 4 * SHRUNK_SIDE;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cairo_t *cr = cairo_create (surface);
  SbSymbolStyle style = { { 0.11, 0.44, 0.85 }, SB_CERTAINTY_REPORTED, };
  const guint8 *data;
  int stride;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 1.6, 1.6);
  sb_symbol_paint_incident (cr, type, &style, side / 3.2, side / 3.2, 9);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < SHRUNK_SIDE; y++)
    for (int x = 0; x < SHRUNK_SIDE; x++)
      {
        double sum = 0;

        for (int dy = 0; dy < 4; dy++)
          for (int dx = 0; dx < 4; dx++)
            {
              guint32 pixel = *(const guint32 *) (data + (4 * y + dy) * stride + 4 * (4 * x + dx));

              sum += (0.2126 * ((pixel >> 16) & 0xff) + 0.7152 * ((pixel >> 8) & 0xff) + 0.0722 * (pixel & 0xff)) / 255;
            }
        shrunk[y * SHRUNK_SIDE + x] = sum / 16;
      }

  cairo_surface_destroy (surface);
}

/* Incident types in the same colour are told apart by shape from the
 * back of the room: shrunk to a quarter, any two types' symbols differ
 * in their pixels' luminance by more than 2.2 (the sum over 12 × 12
 * pixels of luminances from 0 to 1; arrival and departure differed by
 * 1.4, their lines alike, the arrest's bars merged with their frame).
 */
static void
test_incident_shapes_apart (void)
{
  double shrunk[SB_N_INCIDENT_TYPES][SHRUNK_SIDE * SHRUNK_SIDE];
  double least = G_MAXDOUBLE;
  SbIncidentType least_a = 0, least_b = 0;

  for (SbIncidentType type = 0; type < SB_N_INCIDENT_TYPES; type++)
    shrunk_symbol (type, shrunk[type]);

  for (SbIncidentType a = 0; a < SB_N_INCIDENT_TYPES; a++)
    for (SbIncidentType b = a + 1; b < SB_N_INCIDENT_TYPES; b++)
      {
        double difference = 0;

        for (guint i = 0; i < SHRUNK_SIDE * SHRUNK_SIDE; i++)
          difference += fabs (shrunk[a][i] - shrunk[b][i]);
        if (difference < least)
          {
            least = difference;
            least_a = a;
            least_b = b;
          }
      }

  g_test_message ("least difference %.2f, between types %d and %d", least, least_a, least_b);
  g_assert_cmpfloat (least, >, 2.2);
}

/* What the layout covers (where the base map leaves out its names) holds
 * every arrow all along its body: no base-map name half hidden under a
 * line between two of its marks.
 */
static void
test_arrows_cover_names (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(SbMapLayout) layout = NULL;
  SbProjection projection;
  graphene_rect_t view;
  guint checked = 0;

  sb_selection_set_briefing (selection, briefing);
  sb_projection_init_at (&projection, 14.0, -2.5, 5 - log2 (1.6), 1024 / 1.6, 543 / 1.6);
  view = GRAPHENE_RECT_INIT (0, 0, 2 * projection.half_width, 2 * projection.half_height);
  layout = sb_map_layout_new (selection, &projection, &view, NULL, NULL);
  g_assert_cmpuint (layout->arrows->len, >, 3);

  for (guint i = 0; i < layout->arrows->len; i++)
    {
      const SbMapArrow *arrow = &g_array_index (layout->arrows, SbMapArrow, i);

      for (guint s = 0; s <= 200; s++)
        {
          double x, y;
          gboolean covered = FALSE;

          sb_map_arrow_point_at (arrow, s / 200.0, &x, &y);
          /* The line's edges too, 3 pixels either side of its middle. */
          for (guint t = 0; t < layout->taken->len && !covered; t++)
            {
              graphene_rect_t near;

              graphene_rect_inset_r (&g_array_index (layout->taken, graphene_rect_t, t), 3, 3, &near);
              covered = graphene_rect_contains_point (&near, &GRAPHENE_POINT_INIT (x, y));
            }
          if (!covered)
            g_printerr ("%s: %g, %g not covered\n", sb_entity_get_id (SB_ENTITY (arrow->item)), x, y);
          g_assert_true (covered);
          checked++;
        }
    }

  g_assert_cmpuint (checked, >, 0);
}

static gboolean mentions (SbBriefing *briefing,
                          const char *name);

static const SbMapTown *
find_town (SbMapLayout *layout,
           const char  *name)
{
  for (guint i = 0; i < layout->towns->len; i++)
    if (g_str_equal (g_array_index (layout->towns, SbMapTown, i).town->name, name))
      return &g_array_index (layout->towns, SbMapTown, i);

  g_assert_not_reached ();
}

/* A town's name is never cut by the view's edge nor under the scale: with
 * its dot a few pixels inside the edge, its name goes to the other side;
 * with the scale beside it, away from the scale.
 */
static void
test_names_whole_in_view (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbSelection) selection = sb_selection_new ();
  const double width = 640, height = 340;
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, width, height);
  const double edges[][2] = { { width - 10, height / 2 }, { 10, height / 2 }, { width / 2, height - 12 }, { width / 2, 12 } };
  SbProjection at_niamey;
  double niamey_x, niamey_y;

  sb_selection_set_briefing (selection, briefing);
  sb_projection_init_at (&at_niamey, 13.5117, 2.1251, 6 - log2 (1.6), width, height);
  sb_projection_to_widget (&at_niamey, 13.5117, 2.1251, &niamey_x, &niamey_y);

  /* Niamey near each edge. */
  for (guint e = 0; e < G_N_ELEMENTS (edges); e++)
    {
      g_autoptr(SbMapLayout) layout = NULL;
      SbProjection projection;
      const SbMapTown *niamey;
      double ux, uy;

      sb_projection_widget_to_unit (&at_niamey, niamey_x + width / 2 - edges[e][0],
                                    niamey_y + height / 2 - edges[e][1], &ux, &uy);
      sb_projection_init_at (&projection, sb_mercator_latitude (uy), ux * 360 - 180, at_niamey.zoom, width, height);
      layout = sb_map_layout_new (selection, &projection, &view, NULL, NULL);
      niamey = find_town (layout, "Niamey");
      g_assert_cmpfloat_with_epsilon (niamey->x, edges[e][0], 1);
      g_assert_cmpfloat_with_epsilon (niamey->y, edges[e][1], 1);
      if (!graphene_rect_contains_rect (&view, &niamey->label))
        g_printerr ("Niamey at %g, %g: its name at %g, %g (%g × %g)\n", niamey->x, niamey->y,
                    niamey->label.origin.x, niamey->label.origin.y,
                    niamey->label.size.width, niamey->label.size.height);
      g_assert_true (graphene_rect_contains_rect (&view, &niamey->label));
    }

  /* The scale on the side its name would take. */
  {
    g_autoptr(SbMapLayout) layout = NULL;
    g_autoptr(GArray) occluders = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
    graphene_rect_t scale = GRAPHENE_RECT_INIT (niamey_x + 6, niamey_y - 20, 160, 40);
    const SbMapTown *niamey;

    g_array_append_val (occluders, scale);
    layout = sb_map_layout_new_full (selection, &at_niamey, &view, occluders, NULL, NULL);
    niamey = find_town (layout, "Niamey");
    g_assert_true (graphene_rect_contains_rect (&view, &niamey->label));
    g_assert_false (graphene_rect_intersection (&scale, &niamey->label, NULL));
  }
}

/* The base map's towns carry their proper names, as the gazetteer does
 * ("Lomé", not "Lome"), and a source that writes a town's name without
 * its accents still names it.
 */
static void
test_proper_names (void)
{
  const SbBasemapFile *file = sb_basemap_get_sahel (sb_basemap_get_default ());
  const char *proper[] = { "Lomé", "Ségou", "Ménaka", "Tillabéri", "Yaoundé", "Djenné", "N'Djaména" };
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();

  for (guint p = 0; p < G_N_ELEMENTS (proper); p++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < file->features->len; i++)
        {
          const SbBasemapFeature *town = g_ptr_array_index (file->features, i);

          if (town->kind == SB_BASEMAP_PLACE && town->name != NULL)
            {
              g_autofree char *ascii = g_str_to_ascii (proper[p], "C");

              g_assert_cmpstr (town->name, !=, ascii);
              found |= g_str_equal (town->name, proper[p]);
            }
        }
      if (!found)
        g_printerr ("no town named %s\n", proper[p]);
      g_assert_true (found);
    }

  /* Togo's capital, named with its accent. */
  g_assert_true (mentions (briefing, "Lomé"));
}

/* The towns the article names, and those at its exact places and the
 * capitals of its countries; not the Guinean town called Mali.
 */
static void
test_mentioned_towns (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  GPtrArray *towns = sb_mentioned_places_get (briefing);
  const char *expected[] = { "Gao", "Bamako", "Niamey", "Ouagadougou", "Dakar" };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint t = 0; t < towns->len; t++)
        found |= g_str_equal (((SbBasemapFeature *) g_ptr_array_index (towns, t))->name, expected[i]);
      g_assert_true (found);
    }

  for (guint t = 0; t < towns->len; t++)
    g_assert_cmpstr (((SbBasemapFeature *) g_ptr_array_index (towns, t))->name, !=, "Mali");

  /* Found once, kept with the briefing. */
  g_assert_true (sb_mentioned_places_get (briefing) == towns);
}

static gboolean
mentions (SbBriefing *briefing,
          const char *name)
{
  GPtrArray *towns = sb_mentioned_places_get (briefing);

  for (guint t = 0; t < towns->len; t++)
    if (g_str_equal (((SbBasemapFeature *) g_ptr_array_index (towns, t))->name, name))
      return TRUE;

  return FALSE;
}

static void
keep_changes (SbBriefing *briefing,
              SbChanges  *changes,
              SbChanges **kept)
{
  g_clear_pointer (kept, sb_changes_unref);
  *kept = sb_changes_ref (changes);
}

/* What the map draws follows edits, and only the edits it draws: a new
 * source naming a town names the town; a statement's description redraws
 * nothing.
 */
static void
test_edits_redrawn (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autoptr(SbChanges) changes = NULL;
  SbEntity *source = sb_test_lookup (briefing, "article-2022-08-mali");
  SbEntity *incident = sb_test_lookup (briefing, "mali-coup-2021");
  SbEntity *actor = sb_test_lookup (briefing, "wagner-group");
  SbEntity *place = sb_test_lookup (briefing, "gao-airport");
  g_autoptr(SbItem) area = g_list_model_get_item (sb_briefing_get_items (briefing, SB_ITEM_KIND_AREA), 0);
  g_autoptr(SbText) title = sb_text_new ("en", "Edited");
  g_autofree char *text = g_strconcat (sb_source_get_text (SB_SOURCE (source)), " Convoys left Agadez for Menaka.", NULL);
  g_autoptr(GPtrArray) no_citations = g_ptr_array_new ();
  struct {
    SbEdit *edit;
    gboolean drawn;
  } cases[] = {
    { sb_edit_new_set_text (incident, SB_ITEM_FIELD_DESCRIPTION, title), FALSE },
    { sb_edit_new_set_text (incident, SB_ITEM_FIELD_TITLE, title), FALSE },
    { sb_edit_new_set_array (incident, SB_ITEM_FIELD_CITATIONS, no_citations), FALSE },
    { sb_edit_new_set_text (actor, SB_ACTOR_FIELD_SUMMARY, title), FALSE },
    { sb_edit_new_set_briefing_text (SB_BRIEFING_FIELD_SUBTITLE, title), FALSE },
    { sb_edit_new_set_int (incident, SB_ITEM_FIELD_CERTAINTY, SB_CERTAINTY_CLAIMED), TRUE },
    { sb_edit_new_set_text (SB_ENTITY (area), SB_ITEM_FIELD_TITLE, title), TRUE },
    { sb_edit_new_set_int (actor, SB_ACTOR_FIELD_COLOUR, 0x336699), TRUE },
    { sb_edit_new_set_position (SB_PLACE (place), 16.3, -0.1), TRUE },
  };

  g_signal_connect (briefing, "changed", G_CALLBACK (keep_changes), &changes);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (sb_document_apply (document, cases[i].edit, &error));
      g_assert_no_error (error);
      g_assert_nonnull (changes);
      g_assert_cmpint (sb_map_layout_shows_changes (changes), ==, cases[i].drawn);
    }

  /* The base map's names: found again after an edit of a text they come from. */
  g_assert_false (mentions (briefing, "Agadez"));
  g_assert_true (sb_document_apply (document, sb_edit_new_set_string (source, SB_SOURCE_FIELD_TEXT, text), NULL));
  g_assert_false (sb_map_layout_shows_changes (changes));
  g_assert_true (sb_mentioned_places_edited (briefing, changes));
  g_assert_true (mentions (briefing, "Agadez"));
  /* Written without its accent, as sources often do. */
  g_assert_true (mentions (briefing, "Ménaka"));
  sb_document_undo (document);
  g_assert_true (sb_mentioned_places_edited (briefing, changes));
  g_assert_false (mentions (briefing, "Agadez"));

  /* A certainty names no town: nothing to find again. */
  sb_mentioned_places_get (briefing);
  g_assert_true (sb_document_apply (document, sb_edit_new_set_int (incident, SB_ITEM_FIELD_CERTAINTY,
                                                                   SB_CERTAINTY_REPORTED), NULL));
  g_assert_false (sb_mentioned_places_edited (briefing, changes));
}

/* A convoy in northern Burkina Faso, written here: Gaskindé and Arbinda
 * are placed by a click (the base map has no town there), Djibo and Kaya
 * are towns of the base map; reinforcements reach Djibo from where the
 * source does not say.
 */
static const char convoy[] =
  "{\"format\": \"sahelbrief\", \"version\": 1, \"language\": \"en\", \"title\": \"Convoy\","
  " \"sources\": [{\"id\": \"s\", \"title\": \"Convoy reaches Djibo\", \"date\": \"2026-12-03\", \"language\": \"en\","
  "   \"text\": \"The convoy left Kaya for Djibo. It was ambushed near a village 40 kilometres south of the town."
  " Some 300 volunteers guard the road. Reinforcements reached the town on Friday.\"}],"
  " \"actors\": [{\"id\": \"army\", \"name\": \"Army\", \"kind\": \"national-forces\","
  "   \"citations\": [{\"source\": \"s\", \"quote\": \"Some 300 volunteers\"}]}],"
  " \"places\": ["
  "  {\"id\": \"djibo\", \"name\": \"Djibo\", \"lat\": 14.099, \"lon\": -1.627, \"precision\": \"point\"},"
  "  {\"id\": \"kaya\", \"name\": \"Kaya\", \"lat\": 13.0904, \"lon\": -1.09, \"precision\": \"point\"},"
  "  {\"id\": \"gaskinde\", \"name\": \"Gaskind\u00e9\", \"lat\": 13.7527, \"lon\": -1.6191, \"precision\": \"point\"},"
  "  {\"id\": \"gaskinde-again\", \"name\": \"Gaskind\u00e9\", \"lat\": 13.7530, \"lon\": -1.6195, \"precision\": \"near\", \"radius_km\": 5},"
  "  {\"id\": \"arbinda\", \"name\": \"Arbinda\", \"lat\": 14.2324, \"lon\": -0.905, \"precision\": \"point\"}],"
  " \"movements\": ["
  "  {\"id\": \"convoy\", \"title\": \"Convoy\", \"description\": \"A convoy.\", \"actor\": \"army\", \"date\": \"2026-11-24\","
  "   \"from\": \"kaya\", \"to\": \"djibo\", \"status\": \"completed\", \"certainty\": \"reported\","
  "   \"citations\": [{\"source\": \"s\", \"quote\": \"The convoy left Kaya for Djibo.\"}]},"
  "  {\"id\": \"reinforcements\", \"title\": \"Reinforcements\", \"description\": \"Reinforcements.\", \"actor\": \"army\","
  "   \"date\": \"2026-11-27\", \"to\": \"djibo\", \"status\": \"completed\", \"certainty\": \"reported\","
  "   \"citations\": [{\"source\": \"s\", \"quote\": \"Reinforcements reached the town on Friday.\"}]}],"
  " \"incidents\": [{\"id\": \"ambush\", \"type\": \"attack\", \"title\": \"Ambush\", \"description\": \"An ambush.\","
  "   \"actors\": [\"army\"], \"place\": \"gaskinde\", \"date\": \"2026-11-29\", \"certainty\": \"reported\","
  "   \"citations\": [{\"source\": \"s\", \"quote\": \"It was ambushed near a village\"}]}],"
  " \"deployments\": [{\"id\": \"volunteers\", \"title\": \"Volunteers\", \"description\": \"Volunteers.\", \"actor\": \"army\","
  "   \"place\": \"arbinda\", \"date\": \"2026-12\", \"status\": \"present\", \"certainty\": \"reported\","
  "   \"citations\": [{\"source\": \"s\", \"quote\": \"Some 300 volunteers guard the road.\"}]}]}";

static SbBriefing *
load_convoy (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (convoy, sizeof convoy - 1);
  g_autoptr(GPtrArray) problems = NULL;
  SbBriefing *briefing = sb_loader_load_bytes (bytes, &problems);

  for (guint i = 0; briefing == NULL && problems != NULL && i < problems->len; i++)
    g_printerr ("%s\n", ((SbProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_nonnull (briefing);
  return briefing;
}

static guint
count_mentions (SbBriefing *briefing,
                const char *name)
{
  GPtrArray *towns = sb_mentioned_places_get (briefing);
  guint count = 0;

  for (guint t = 0; t < towns->len; t++)
    count += g_str_equal (((SbBasemapFeature *) g_ptr_array_index (towns, t))->name, name);

  return count;
}

/* Every place the briefing names is named on the map with the priority of
 * a town it mentions, also one the base map does not know (placed by a
 * click): beside the symbol on it, clear of it, without a dot on it; once
 * for two places of the same name in the same spot; under a new name
 * once the place is renamed.
 */
static void
test_own_places_named (void)
{
  g_autoptr(SbBriefing) briefing = load_convoy ();
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(SbDocument) document = NULL;
  g_autoptr(SbChanges) changes = NULL;
  g_autoptr(SbText) renamed = sb_text_new ("en", "Gaskind\u00e9 village");
  const double width = 640, height = 400;
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, width, height);
  SbProjection projection;

  /* Djibo and Kaya are the base map's; no town of its own for them. */
  g_assert_cmpuint (count_mentions (briefing, "Gaskind\u00e9"), ==, 1);
  g_assert_cmpuint (count_mentions (briefing, "Arbinda"), ==, 1);
  g_assert_cmpuint (count_mentions (briefing, "Djibo"), ==, 1);
  g_assert_cmpuint (count_mentions (briefing, "Kaya"), ==, 1);

  sb_selection_set_briefing (selection, briefing);
  sb_projection_init_at (&projection, 13.7, -1.3, 8.2 - log2 (1.6), width, height);
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(SbMapLayout) layout = NULL;
      const char *names[] = { "Gaskind\u00e9", "Arbinda" };
      const char *items[] = { "ambush", "volunteers" };

      if (pass == 1)
        sb_selection_select (selection, sb_test_lookup (briefing, "ambush"));
      layout = sb_map_layout_new (selection, &projection, &view, NULL, NULL);
      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        {
          const SbMapTown *town = find_town (layout, names[n]);
          const SbMapMark *mark = sb_map_layout_find_mark (layout, SB_ITEM (sb_test_lookup (briefing, items[n])));
          double extent = mark->radius + 2;

          if (mark->selected)
            extent = mark->radius * SB_SYMBOL_RING_SCALE + SB_SYMBOL_RING_GAP;
          g_assert_true (town->under_symbol);
          g_assert_true (graphene_rect_contains_rect (&view, &town->label));
          if (graphene_rect_intersection (&GRAPHENE_RECT_INIT (mark->x - extent, mark->y - extent, 2 * extent, 2 * extent),
                                          &town->label, NULL))
            g_printerr ("%s: its name at %g, %g (%g × %g), its symbol at %g, %g (%g)\n", names[n],
                        town->label.origin.x, town->label.origin.y, town->label.size.width,
                        town->label.size.height, mark->x, mark->y, extent);
          g_assert_false (graphene_rect_intersection (&GRAPHENE_RECT_INIT (mark->x - extent, mark->y - extent,
                                                                           2 * extent, 2 * extent),
                                                      &town->label, NULL));
        }
      g_assert_false (find_town (layout, "Djibo")->under_symbol);
    }

  document = sb_document_new (briefing);
  g_signal_connect (briefing, "changed", G_CALLBACK (keep_changes), &changes);
  g_assert_true (sb_document_apply (document, sb_edit_new_set_text (sb_test_lookup (briefing, "gaskinde"),
                                                                    SB_PLACE_FIELD_NAME, renamed), NULL));
  g_assert_true (sb_mentioned_places_edited (briefing, changes));
  g_assert_cmpuint (count_mentions (briefing, "Gaskind\u00e9 village"), ==, 1);
  /* The other place of that name, in the same spot, still is. */
  g_assert_cmpuint (count_mentions (briefing, "Gaskind\u00e9"), ==, 1);
  g_assert_true (sb_document_apply (document, sb_edit_new_set_text (sb_test_lookup (briefing, "gaskinde-again"),
                                                                    SB_PLACE_FIELD_NAME, renamed), NULL));
  g_assert_true (sb_mentioned_places_edited (briefing, changes));
  g_assert_cmpuint (count_mentions (briefing, "Gaskind\u00e9 village"), ==, 1);
  g_assert_cmpuint (count_mentions (briefing, "Gaskind\u00e9"), ==, 0);
  g_signal_handlers_disconnect_by_func (briefing, keep_changes, &changes);
}

/* A movement the source gives only the destination of is drawn as what is
 * known: a head into Djibo and the mark of an origin not given, no line
 * from a point the source does not give; the legend says so.
 */
static void
test_one_end_known (void)
{
  g_autoptr(SbBriefing) briefing = load_convoy ();
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(SbMapLayout) layout = NULL;
  g_autoptr(GArray) rows = NULL;
  const double width = 640, height = 400;
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, width, height);
  const SbMapArrow *arrow, *convoy_arrow;
  SbProjection projection;
  double djibo_x, djibo_y;
  gboolean explained = FALSE;

  sb_selection_set_briefing (selection, briefing);
  sb_projection_init_at (&projection, 13.7, -1.3, 8.2 - log2 (1.6), width, height);
  layout = sb_map_layout_new (selection, &projection, &view, NULL, NULL);
  arrow = sb_map_layout_find_arrow (layout, SB_ITEM (sb_test_lookup (briefing, "reinforcements")));
  convoy_arrow = sb_map_layout_find_arrow (layout, SB_ITEM (sb_test_lookup (briefing, "convoy")));
  g_assert_nonnull (arrow);
  g_assert_nonnull (convoy_arrow);

  sb_projection_to_widget (&projection, 14.099, -1.627, &djibo_x, &djibo_y);
  g_assert_true (arrow->origin_unknown);
  g_assert_false (arrow->destination_unknown);
  g_assert_false (arrow->from_point);
  g_assert_cmpfloat (hypot (arrow->x1 - djibo_x, arrow->y1 - djibo_y), <, 1);
  /* A head and its mark: not a line from somewhere. */
  g_assert_cmpfloat (hypot (arrow->x1 - arrow->x0, arrow->y1 - arrow->y0), <, 50);
  g_assert_false (convoy_arrow->origin_unknown || convoy_arrow->destination_unknown);
  g_assert_true (convoy_arrow->from_point);

  rows = sb_legend_rows_new (selection, SB_LEGEND_EVERYTHING);
  for (guint i = 0; i < rows->len; i++)
    {
      const SbLegendRow *row = &g_array_index (rows, SbLegendRow, i);

      explained |= row->sample == SB_LEGEND_MOVEMENT && row->value == 2;
    }
  g_assert_true (explained);
}

/* An event dataset: incidents at points, in regions and only in a
 * country. Written here, in the briefing format.
 */
static SbBriefing *
make_event_dataset (guint n_points,
                    guint n_regions,
                    guint n_country)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  SbBriefing *briefing;
  guint n = n_points + n_regions + n_country;

  g_string_append (json,
                   "{\"format\": \"sahelbrief\", \"version\": 1, \"language\": \"en\", \"title\": \"Events\","
                   " \"sources\": [{\"id\": \"s\", \"title\": \"Log\", \"date\": \"2022\", \"language\": \"en\","
                   " \"text\": \"Clashes were reported.\"}],"
                   " \"actors\": [{\"id\": \"a\", \"name\": \"Armed group\", \"kind\": \"armed-group\","
                   " \"citations\": [{\"source\": \"s\", \"quote\": \"Clashes were reported.\"}]}],"
                   " \"places\": ["
                   "{\"id\": \"town\", \"name\": \"Town\", \"lat\": 14.5, \"lon\": -4.2, \"precision\": \"point\"},"
                   "{\"id\": \"region\", \"name\": \"Region\", \"lat\": 13.0, \"lon\": -2.0, \"precision\": \"region\", \"radius_km\": 100},"
                   "{\"id\": \"mali\", \"name\": \"Mali\", \"lat\": 17.34, \"lon\": -3.54, \"precision\": \"country\", \"country\": \"MLI\"}"
                   "], \"incidents\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json,
                            "%s{\"id\": \"e%u\", \"type\": \"clash\", \"description\": \"A clash.\", \"actors\": [\"a\"], \"place\": \"%s\","
                            " \"date\": \"2022-01-%02u\", \"certainty\": \"reported\","
                            " \"citations\": [{\"source\": \"s\", \"quote\": \"Clashes were reported.\"}]}",
                            i ? "," : "", i,
                            i < n_points ? "town" : i < n_points + n_regions ? "region" : "mali",
                            1 + i % 28);
  g_string_append (json, "]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  briefing = sb_loader_load_bytes (bytes, &problems);
  for (guint i = 0; briefing == NULL && problems != NULL && i < problems->len; i++)
    g_printerr ("%s\n", ((SbProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_nonnull (briefing);
  return briefing;
}

static void
test_clusters_by_precision (void)
{
  g_autoptr(SbBriefing) briefing = make_event_dataset (1000, 150, 120);
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(SbFilter) filter = NULL;
  g_autoptr(SbIncidentClusters) clusters = NULL;
  g_autoptr(SbMapLayout) layout = NULL;
  SbIncidentClusters *regions;
  const SbAreaIncidents *area;
  const SbMapCard *card;
  SbProjection projection;
  GPtrArray *areas;
  SbCluster cluster;
  double x, y;

  g_assert_true (sb_incident_clusters_wanted (briefing));
  sb_selection_set_briefing (selection, briefing);
  filter = sb_filter_ref (sb_selection_get_filter (selection));
  clusters = sb_incident_clusters_build (filter, NULL);

  /* Points in the index, regions in their own, the country counted. */
  g_assert_cmpuint (sb_incident_clusters_get_n_items (clusters), ==, 1000);
  g_assert_cmpuint (sb_incident_clusters_get_n_shown (clusters), ==, 1270);
  regions = sb_incident_clusters_get_regions (clusters);
  g_assert_nonnull (regions);
  g_assert_cmpuint (sb_incident_clusters_get_n_items (regions), ==, 150);
  areas = sb_incident_clusters_get_areas (clusters);
  g_assert_cmpuint (areas->len, ==, 1);
  area = g_ptr_array_index (areas, 0);
  g_assert_cmpstr (sb_entity_get_id (SB_ENTITY (area->place)), ==, "mali");
  g_assert_cmpuint (area->count, ==, 120);
  g_assert_cmpuint (area->items->len, ==, 120);
  g_assert_cmpuint (area->dominant, ==, SB_INCIDENT_TYPE_CLASH);

  /* No cluster at any zoom sits at Mali's middle. */
  for (int zoom = 2; zoom <= 12; zoom += 2)
    g_assert_false (sb_incident_clusters_locate (clusters, g_ptr_array_index (area->items, 0), zoom, &cluster));

  /* Their count is on Mali's card, away from its middle. */
  sb_projection_init_at (&projection, 15.0, -2.0, 5, 1600, 1000);
  layout = sb_map_layout_new (selection, &projection, NULL, clusters, NULL);
  card = sb_map_layout_find_card (layout, area->place);
  g_assert_nonnull (card);
  g_assert_cmpuint (card->count, ==, 120);
  g_assert_true (graphene_rect_contains_point (&card->box, &GRAPHENE_POINT_INIT (card->count_x, card->count_y)));
  sb_projection_to_widget (&projection, sb_place_get_latitude (area->place), sb_place_get_longitude (area->place), &x, &y);
  g_assert_false (graphene_rect_contains_point (&card->box, &GRAPHENE_POINT_INIT (x, y)));
  g_assert_cmpuint (layout->marks->len, ==, 0);
}

/* Two districts from a boundaries file: no dates, so places for
 * reference rather than statements.
 */
static SbBriefing *
import_districts (void)
{
  static const char geojson[] =
    "{\"type\": \"FeatureCollection\", \"features\": ["
    "{\"type\": \"Feature\", \"properties\": {\"ADM2_EN\": \"Ansongo\"}, \"geometry\": {\"type\": \"Polygon\","
    " \"coordinates\": [[[0, 15], [1.5, 15], [1.5, 16], [0, 16], [0, 15]]]}},"
    "{\"type\": \"Feature\", \"properties\": {\"ADM2_EN\": \"Bourem\"}, \"geometry\": {\"type\": \"Polygon\","
    " \"coordinates\": [[[-1, 16.5], [0.5, 16.5], [0.5, 17.5], [-1, 17.5], [-1, 16.5]]]}}]}";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (geojson, -1, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  SbBriefing *briefing = sb_geojson_import (stream, "districts", NULL, &problems);

  g_assert_nonnull (briefing);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_all_items (briefing)), ==, 0);
  return briefing;
}

static void
test_reference_places (void)
{
  g_autoptr(SbBriefing) briefing = import_districts ();
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(SbMapLayout) layout = NULL;
  GListModel *places = sb_briefing_get_places (briefing);
  SbBounds bounds = SB_BOUNDS_INIT_EMPTY, outlines = SB_BOUNDS_INIT_EMPTY, one = SB_BOUNDS_INIT_EMPTY;
  SbProjection projection;
  guint named = 0;

  g_assert_cmpuint (g_list_model_get_n_items (places), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);
      const SbGeometry *geometry = sb_place_get_geometry (place);

      g_assert_true (sb_place_is_reference (place));
      sb_bounds_add_point (&outlines, geometry->min_lat, geometry->min_lon);
      sb_bounds_add_point (&outlines, geometry->max_lat, geometry->max_lon);
    }

  /* Nothing else to frame: the briefing opens on its outlines, no wider. */
  sb_selection_set_briefing (selection, briefing);
  g_assert_true (sb_framing_add_briefing (&bounds, briefing, selection));
  g_assert_true (sb_bounds_contains (&bounds, &outlines));
  g_assert_true (sb_bounds_contains (&outlines, &bounds));

  /* A district chosen frames its outline, not its neighbour's. */
  {
    g_autoptr(SbPlace) ansongo = g_list_model_get_item (places, 0);

    g_assert_true (sb_framing_add_entity (&one, briefing, selection, SB_ENTITY (ansongo)));
    g_assert_cmpfloat_with_epsilon (one.min_lon, 0, 1e-9);
    g_assert_cmpfloat_with_epsilon (one.max_lon, 1.5, 1e-9);
    g_assert_cmpfloat (one.max_lat, <, 16.5);
  }

  /* Named inside their outlines, as areas are. */
  sb_projection_init_at (&projection, 16.2, 0.2, 7, 1600, 1000);
  layout = sb_map_layout_new (selection, &projection, NULL, NULL, NULL);
  for (guint i = 0; i < layout->area_names->len; i++)
    {
      const SbMapAreaName *name = &g_array_index (layout->area_names, SbMapAreaName, i);
      const SbGeometry *geometry;
      double lat, lon;

      g_assert_null (name->area);
      g_assert_nonnull (name->reference);
      geometry = sb_place_get_geometry (name->reference);
      sb_projection_to_location (&projection, name->box.origin.x + name->box.size.width / 2,
                                 name->box.origin.y + name->box.size.height / 2, &lat, &lon);
      g_assert_true (sb_geometry_contains (geometry, lon, lat));
      named++;
    }
  g_assert_cmpuint (named, ==, 2);
  g_clear_pointer (&layout, sb_map_layout_unref);

  /* With the areas layer hidden they are neither named nor framed. */
  sb_selection_set_layer_visible (selection, SB_LAYER_AREAS, FALSE);
  layout = sb_map_layout_new (selection, &projection, NULL, NULL, NULL);
  g_assert_cmpuint (layout->area_names->len, ==, 0);
  sb_bounds_init_empty (&bounds);
  g_assert_false (sb_framing_add_briefing (&bounds, briefing, selection));
}

/* Two agencies: "both" is supported by each, "one-voice" by one only. */
static const char two_publishers[] =
  "{\"format\": \"sahelbrief\", \"version\": 1, \"language\": \"en\", \"title\": \"Two publishers\","
  " \"sources\": ["
  "  {\"id\": \"a\", \"title\": \"A\", \"date\": \"2022-08\", \"language\": \"en\", \"publisher\": \"Agence Sahel\","
  "   \"text\": \"Fighting near Gao.\"},"
  "  {\"id\": \"b\", \"title\": \"B\", \"date\": \"2022-08\", \"language\": \"en\", \"publisher\": \"Niger Daily\","
  "   \"text\": \"Fighting near Gao, witnesses said.\"}],"
  " \"places\": [{\"id\": \"gao\", \"name\": \"Gao\", \"lat\": 16.27, \"lon\": -0.04, \"precision\": \"point\"}],"
  " \"incidents\": ["
  "  {\"id\": \"both\", \"type\": \"clash\", \"title\": \"Fighting\", \"description\": \"Fighting near Gao.\", \"place\": \"gao\", \"date\": \"2022-08\","
  "   \"certainty\": \"reported\", \"citations\": [{\"source\": \"a\", \"quote\": \"Fighting near Gao\"},"
  "   {\"source\": \"b\", \"quote\": \"Fighting near Gao\"}]},"
  "  {\"id\": \"one-voice\", \"type\": \"clash\", \"title\": \"Fighting, one agency\", \"description\": \"Fighting near Gao.\", \"place\": \"gao\", \"date\": \"2022-08\","
  "   \"certainty\": \"reported\", \"citations\": [{\"source\": \"a\", \"quote\": \"Fighting near Gao\"}]}]}";

/* The "1" badge of what one source only supports follows the edits that
 * change it, and only those: a statement's citations, a publisher.
 */
static void
test_badges_follow_edits (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (two_publishers, sizeof two_publishers - 1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = sb_loader_load_bytes (bytes, &problems);
  g_autoptr(SbDocument) document = NULL;
  g_autoptr(SbChanges) changes = NULL;
  g_autoptr(SbText) title = sb_text_new ("en", "Edited");
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  SbEntity *both, *b;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_test_message ("%s", ((SbProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_nonnull (briefing);
  document = sb_document_new (briefing);
  both = sb_test_lookup (briefing, "both");
  b = sb_test_lookup (briefing, "b");
  g_signal_connect (briefing, "changed", G_CALLBACK (keep_changes), &changes);

  /* Who published a source: Niger Daily's article is Agence Sahel's now. */
  g_assert_true (sb_document_apply (document, sb_edit_new_set_string (b, SB_SOURCE_FIELD_PUBLISHER, "Agence Sahel"), NULL));
  g_assert_false (sb_map_layout_shows_changes (changes));
  g_assert_true (sb_map_layout_badges_change (briefing, changes));
  g_assert_false (sb_briefing_has_independent_sources (briefing));
  g_assert_true (sb_document_undo (document));
  g_assert_true (sb_map_layout_badges_change (briefing, changes));
  g_assert_true (sb_briefing_has_independent_sources (briefing));

  /* A citation taken away: "both" is one voice now. */
  g_ptr_array_add (one, sb_citation_ref (g_ptr_array_index (sb_item_get_citations (SB_ITEM (both)), 0)));
  g_assert_true (sb_document_apply (document, sb_edit_new_set_array (both, SB_ITEM_FIELD_CITATIONS, one), NULL));
  g_assert_true (sb_map_layout_badges_change (briefing, changes));
  g_assert_true (sb_item_is_single_source (SB_ITEM (both)));

  /* Nothing a badge shows. */
  g_assert_true (sb_document_apply (document, sb_edit_new_set_text (both, SB_ITEM_FIELD_DESCRIPTION, title), NULL));
  g_assert_false (sb_map_layout_badges_change (briefing, changes));
  g_assert_true (sb_document_apply (document, sb_edit_new_set_string (b, SB_SOURCE_FIELD_URL, "https://niger-daily.example.org/gao"), NULL));
  g_assert_false (sb_map_layout_badges_change (briefing, changes));

  /* One article, however often cited: no badge, so nothing to redraw. */
  {
    g_autoptr(SbBriefing) single = sb_test_load_default ();
    g_autoptr(SbDocument) single_document = sb_document_new (single);
    g_autoptr(GPtrArray) none = g_ptr_array_new ();

    g_signal_handlers_disconnect_by_func (briefing, keep_changes, &changes);
    g_signal_connect (single, "changed", G_CALLBACK (keep_changes), &changes);
    g_assert_true (sb_document_apply (single_document,
                                      sb_edit_new_set_array (sb_test_lookup (single, "mali-coup-2021"), SB_ITEM_FIELD_CITATIONS, none), NULL));
    g_assert_false (sb_map_layout_badges_change (single, changes));
    g_signal_handlers_disconnect_by_func (single, keep_changes, &changes);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-layout/frame-country-actor", test_frame_country_actor);
  g_test_add_func ("/map-layout/frame-around-legend", test_frame_around_legend);
  g_test_add_func ("/map-layout/frame-point-context", test_frame_point_context);
  g_test_add_func ("/map-layout/frame-point-far-border", test_frame_point_far_border);
  g_test_add_func ("/map-layout/frame-briefing-far-end", test_frame_briefing_far_end);
  g_test_add_func ("/map-layout/never-at-middle", test_layout_never_at_middle);
  g_test_add_func ("/map-layout/mentioned-towns", test_mentioned_towns);
  g_test_add_func ("/map-layout/own-places-named", test_own_places_named);
  g_test_add_func ("/map-layout/one-end-known", test_one_end_known);
  g_test_add_func ("/map-layout/cards-and-names-apart", test_cards_and_names_apart);
  g_test_add_func ("/map-layout/arrows-cover-names", test_arrows_cover_names);
  g_test_add_func ("/map-layout/step-cards", test_step_cards);
  g_test_add_func ("/map-layout/incident-shapes-apart", test_incident_shapes_apart);
  g_test_add_func ("/map-layout/names-whole-in-view", test_names_whole_in_view);
  g_test_add_func ("/map-layout/proper-names", test_proper_names);
  g_test_add_func ("/map-layout/edits-redrawn", test_edits_redrawn);
  g_test_add_func ("/map-layout/clusters-by-precision", test_clusters_by_precision);
  g_test_add_func ("/map-layout/reference-places", test_reference_places);
  g_test_add_func ("/map-layout/badges-follow-edits", test_badges_follow_edits);

  return g_test_run ();
}
