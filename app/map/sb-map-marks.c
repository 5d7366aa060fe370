/* sb-map-marks.c
 *
 * What the layers and the layout alike ask of a layout and of the
 * statements in it: how they are emphasised, sized and lettered, and
 * where each one was put.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-map-marks"

#include "config.h"

#include <math.h>

#include "sb-map-marks.h"

void
sb_map_layout_set_font (PangoLayout *layout,
                        SbMapFont    font)
{
  static const char * const fonts[] = {
    [SB_MAP_FONT_LABEL] = "Sans Bold 9.5",
    [SB_MAP_FONT_TITLE] = "Sans Bold 10",
    [SB_MAP_FONT_TOWN] = "Sans Bold 9.5",
    [SB_MAP_FONT_CAPITAL] = "Sans Bold 10.5",
    [SB_MAP_FONT_AREA] = "Sans Italic Bold 10",
    [SB_MAP_FONT_COUNTRY] = "Sans 8.5",
  };
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (fonts[font]);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, font == SB_MAP_FONT_AREA ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
}

/**
 * sb_map_layout_emphasis:
 * @dimmed: (out): whether to draw @item faded, behind a selected actor's
 *   statements
 *
 * Returns: whether @item is the selection, highlighted, or a selected
 *   actor's
 */
gboolean
sb_map_layout_emphasis (SbSelection *selection,
                        SbItem      *item,
                        gboolean    *dimmed)
{
  SbEntity *selected = sb_selection_get_selected (selection);

  *dimmed = FALSE;

  if (selected == SB_ENTITY (item) || sb_selection_is_highlighted (selection, item))
    return TRUE;

  if (SB_IS_ACTOR (selected))
    *dimmed = !sb_item_involves_actor (item, SB_ACTOR (selected));

  return FALSE;
}

/**
 * sb_map_layout_symbol_radius:
 *
 * Returns: how large @item's symbol is drawn at a point: an incident's
 *   badge, or a deployment growing with the logarithm of its strength
 *   (50 → 10 px, 1,000 → 13 px)
 */
double
sb_map_layout_symbol_radius (SbItem *item)
{
  const SbQuantity *strength;

  if (sb_item_get_kind (item) == SB_ITEM_KIND_INCIDENT)
    return SB_MAP_INCIDENT_RADIUS;

  strength = sb_item_get_strength (item);
  if (!sb_quantity_is_set (strength))
    return 9.0;

  return CLAMP (6.5 + 2.2 * log10 (MAX (sb_quantity_get_typical (strength), 1)), 8.0, 16.0);
}

/**
 * sb_map_layout_uses_cards:
 *
 * Returns: whether what happens at @place goes on its area's card: a
 *   country or a region is no point
 */
gboolean
sb_map_layout_uses_cards (SbPlace *place)
{
  SbPlacePrecision precision = sb_place_get_precision (place);

  return precision == SB_PLACE_PRECISION_COUNTRY || precision == SB_PLACE_PRECISION_REGION;
}

static void
sb_map_layout_clear (gpointer data)
{
  SbMapLayout *self = data;

  g_array_unref (self->marks);
  g_array_unref (self->area_names);
  g_array_unref (self->cards);
  g_array_unref (self->arrows);
  g_array_unref (self->towns);
  g_array_unref (self->country_names);
  g_array_unref (self->taken);
}

SbMapLayout *
sb_map_layout_ref (SbMapLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

void
sb_map_layout_unref (SbMapLayout *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, sb_map_layout_clear);
}

const SbMapMark *
sb_map_layout_find_mark (SbMapLayout *self,
                         SbItem      *item)
{
  for (guint i = 0; i < self->marks->len; i++)
    if (g_array_index (self->marks, SbMapMark, i).item == item)
      return &g_array_index (self->marks, SbMapMark, i);

  return NULL;
}

const SbMapArrow *
sb_map_layout_find_arrow (SbMapLayout *self,
                          SbItem      *item)
{
  for (guint i = 0; i < self->arrows->len; i++)
    if (g_array_index (self->arrows, SbMapArrow, i).item == item)
      return &g_array_index (self->arrows, SbMapArrow, i);

  return NULL;
}

const SbMapCard *
sb_map_layout_find_card (SbMapLayout *self,
                         SbPlace     *place)
{
  for (guint i = 0; i < self->cards->len; i++)
    if (g_array_index (self->cards, SbMapCard, i).place == place)
      return &g_array_index (self->cards, SbMapCard, i);

  return NULL;
}

void
sb_map_arrow_point_at (const SbMapArrow *arrow,
                       double            t,
                       double           *x,
                       double           *y)
{
  double u = 1 - t;

  *x = u * u * arrow->x0 + 2 * u * t * arrow->cx + t * t * arrow->x1;
  *y = u * u * arrow->y0 + 2 * u * t * arrow->cy + t * t * arrow->y1;
}

/**
 * sb_map_layout_mark_label:
 *
 * Returns: what a symbol of @item is labelled with on the map: its
 *   actor's short name, or, while it has no actor yet, its own label
 */
const char *
sb_map_layout_mark_label (SbItem *item)
{
  g_return_val_if_fail (SB_IS_ITEM (item), NULL);

  if (sb_item_get_n_actors (item) == 0)
    return sb_entity_get_label (SB_ENTITY (item));
  return sb_actor_get_map_label (sb_item_get_actor (item, 0));
}
