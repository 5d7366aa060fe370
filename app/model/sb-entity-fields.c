/* sb-entity-fields.c
 *
 * Reading and setting each field of sources, actors, places, statements
 * and steps by its number. Only edits set fields, through the swaps here:
 * a swap puts the value into the entity and the entity's old value into
 * the GValue, moving pointers rather than copying, so that an old value a
 * worker thread may still read lives on in the edit that holds it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-entity-fields"

#include "config.h"

#include <string.h>

#include "sb-model-private.h"

/* An owned pointer: a text, string, string array, array, geometry or
 * citation. The GValue owns what it holds (edits copy values in).
 */
void
_sb_swap_pointer (gpointer  slot,
                  GValue   *value)
{
  gpointer *pointer = slot;
  gpointer old = *pointer;

  g_assert ((value->data[1].v_uint & G_VALUE_NOCOPY_CONTENTS) == 0);

  *pointer = value->data[0].v_pointer;
  value->data[0].v_pointer = old;
}

/* An entity referred to, which the briefing owns: the GValue keeps a
 * reference to the one it holds.
 */
void
_sb_swap_reference (gpointer  slot,
                    GValue   *value)
{
  gpointer *pointer = slot;
  gpointer old = *pointer;

  *pointer = g_value_get_object (value);
  g_value_set_object (value, old);
}

static void
swap_int (int    *slot,
          GValue *value)
{
  int old = *slot;

  *slot = g_value_get_int (value);
  g_value_set_int (value, old);
}

static void
swap_double (double *slot,
             GValue *value)
{
  double old = *slot;

  *slot = g_value_get_double (value);
  g_value_set_double (value, old);
}

/* Dates and quantities live inside the entity: their contents swap. */
void
_sb_swap_date (SbDate *slot,
               GValue *value)
{
  SbDate *held = g_value_get_boxed (value);
  SbDate old = *slot;

  if (held == NULL)
    {
      memset (slot, 0, sizeof *slot);
      g_value_set_boxed (value, &old);
      return;
    }

  *slot = *held;
  *held = old;
}

static void
swap_quantity (SbQuantity *slot,
               GValue     *value)
{
  SbQuantity *held = g_value_get_boxed (value);
  SbQuantity old = *slot;

  if (held == NULL)
    {
      memset (slot, 0, sizeof *slot);
      g_value_set_boxed (value, &old);
      return;
    }

  *slot = *held;
  *held = old;
}

static void
init_value (GType   entity_type,
            guint   field,
            GValue *value)
{
  g_value_init (value, sb_field_get_value_type (entity_type, field));
}

void
_sb_source_swap_field (SbSource *self,
                       guint     field,
                       GValue   *value)
{
  switch ((SbSourceField) field)
    {
    case SB_SOURCE_FIELD_TITLE:
      _sb_swap_pointer (&self->title, value);
      break;
    case SB_SOURCE_FIELD_PUBLISHER:
      _sb_swap_pointer (&self->publisher, value);
      break;
    case SB_SOURCE_FIELD_AUTHOR:
      _sb_swap_pointer (&self->author, value);
      break;
    case SB_SOURCE_FIELD_DATE:
      _sb_swap_date (&self->date, value);
      break;
    case SB_SOURCE_FIELD_LANGUAGE:
      _sb_swap_pointer (&self->language, value);
      break;
    case SB_SOURCE_FIELD_URL:
      _sb_swap_pointer (&self->url, value);
      break;
    case SB_SOURCE_FIELD_TEXT:
      /* The loaded text stays with the source, for the passages quoted
       * from it: the change keeps a copy.
       */
      if (self->text != NULL && self->text == self->passages_text)
        self->text = g_strdup (self->text);
      _sb_swap_pointer (&self->text, value);
      break;
    case SB_SOURCE_FIELD_NOTE:
      _sb_swap_pointer (&self->note, value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
get_source_field (SbSource *self,
                  guint     field,
                  GValue   *value)
{
  switch ((SbSourceField) field)
    {
    case SB_SOURCE_FIELD_TITLE:
      g_value_set_boxed (value, self->title);
      break;
    case SB_SOURCE_FIELD_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;
    case SB_SOURCE_FIELD_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case SB_SOURCE_FIELD_DATE:
      g_value_set_boxed (value, &self->date);
      break;
    case SB_SOURCE_FIELD_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case SB_SOURCE_FIELD_URL:
      g_value_set_string (value, self->url);
      break;
    case SB_SOURCE_FIELD_TEXT:
      g_value_set_string (value, self->text);
      break;
    case SB_SOURCE_FIELD_NOTE:
      g_value_set_boxed (value, self->note);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
_sb_actor_swap_field (SbActor *self,
                      guint    field,
                      GValue  *value)
{
  switch ((SbActorField) field)
    {
    case SB_ACTOR_FIELD_NAME:
      _sb_swap_pointer (&self->name, value);
      break;
    case SB_ACTOR_FIELD_SHORT_NAME:
      _sb_swap_pointer (&self->short_name, value);
      break;
    case SB_ACTOR_FIELD_ALIASES:
      _sb_swap_pointer (&self->aliases, value);
      break;
    case SB_ACTOR_FIELD_KIND:
      {
        int kind = self->kind;

        swap_int (&kind, value);
        self->kind = kind;
      }
      break;
    case SB_ACTOR_FIELD_AFFILIATION:
      _sb_swap_pointer (&self->affiliation, value);
      break;
    case SB_ACTOR_FIELD_COUNTRY:
      _sb_swap_pointer (&self->country, value);
      break;
    case SB_ACTOR_FIELD_COLOUR:
      {
        /* -1: none of its own; it keeps the colour it is drawn in. */
        int colour = self->has_colour ? (int) self->colour : -1;

        swap_int (&colour, value);
        self->has_colour = colour >= 0;
        if (colour >= 0)
          self->colour = colour;
        else
          self->colour = self->default_colour;
      }
      break;
    case SB_ACTOR_FIELD_SUMMARY:
      _sb_swap_pointer (&self->summary, value);
      break;
    case SB_ACTOR_FIELD_FIGURES:
      _sb_swap_pointer (&self->figures, value);
      break;
    case SB_ACTOR_FIELD_RELATIONS:
      _sb_swap_pointer (&self->relations, value);
      break;
    case SB_ACTOR_FIELD_CITATIONS:
      _sb_swap_pointer (&self->citations, value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
get_actor_field (SbActor *self,
                 guint    field,
                 GValue  *value)
{
  switch ((SbActorField) field)
    {
    case SB_ACTOR_FIELD_NAME:
      g_value_set_boxed (value, self->name);
      break;
    case SB_ACTOR_FIELD_SHORT_NAME:
      g_value_set_boxed (value, self->short_name);
      break;
    case SB_ACTOR_FIELD_ALIASES:
      g_value_set_boxed (value, self->aliases);
      break;
    case SB_ACTOR_FIELD_KIND:
      g_value_set_int (value, self->kind);
      break;
    case SB_ACTOR_FIELD_AFFILIATION:
      g_value_set_boxed (value, self->affiliation);
      break;
    case SB_ACTOR_FIELD_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case SB_ACTOR_FIELD_COLOUR:
      g_value_set_int (value, self->has_colour ? (int) self->colour : -1);
      break;
    case SB_ACTOR_FIELD_SUMMARY:
      g_value_set_boxed (value, self->summary);
      break;
    case SB_ACTOR_FIELD_FIGURES:
      g_value_set_boxed (value, self->figures);
      break;
    case SB_ACTOR_FIELD_RELATIONS:
      g_value_set_boxed (value, self->relations);
      break;
    case SB_ACTOR_FIELD_CITATIONS:
      g_value_set_boxed (value, self->citations);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
_sb_place_swap_field (SbPlace *self,
                      guint    field,
                      GValue  *value)
{
  switch ((SbPlaceField) field)
    {
    case SB_PLACE_FIELD_NAME:
      _sb_swap_pointer (&self->name, value);
      break;
    case SB_PLACE_FIELD_LATITUDE:
      swap_double (&self->lat, value);
      break;
    case SB_PLACE_FIELD_LONGITUDE:
      swap_double (&self->lon, value);
      break;
    case SB_PLACE_FIELD_PRECISION:
      {
        int precision = self->precision;

        swap_int (&precision, value);
        self->precision = precision;
      }
      break;
    case SB_PLACE_FIELD_RADIUS:
      swap_double (&self->radius_km, value);
      break;
    case SB_PLACE_FIELD_COUNTRY:
      _sb_swap_pointer (&self->country, value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
get_place_field (SbPlace *self,
                 guint    field,
                 GValue  *value)
{
  switch ((SbPlaceField) field)
    {
    case SB_PLACE_FIELD_NAME:
      g_value_set_boxed (value, self->name);
      break;
    case SB_PLACE_FIELD_LATITUDE:
      g_value_set_double (value, self->lat);
      break;
    case SB_PLACE_FIELD_LONGITUDE:
      g_value_set_double (value, self->lon);
      break;
    case SB_PLACE_FIELD_PRECISION:
      g_value_set_int (value, self->precision);
      break;
    case SB_PLACE_FIELD_RADIUS:
      g_value_set_double (value, self->radius_km);
      break;
    case SB_PLACE_FIELD_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
_sb_item_swap_field (SbItem *self,
                     guint   field,
                     GValue *value)
{
  switch ((SbItemField) field)
    {
    case SB_ITEM_FIELD_TITLE:
      _sb_swap_pointer (&self->title, value);
      break;
    case SB_ITEM_FIELD_DESCRIPTION:
      _sb_swap_pointer (&self->description, value);
      break;
    case SB_ITEM_FIELD_DATE:
      _sb_swap_date (&self->date, value);
      self->first_day = sb_date_get_first_day (&self->date);
      break;
    case SB_ITEM_FIELD_CERTAINTY:
      {
        int certainty = self->evidence.certainty;

        swap_int (&certainty, value);
        self->evidence.certainty = certainty;
      }
      break;
    case SB_ITEM_FIELD_CLAIMED_BY:
      _sb_swap_reference (&self->evidence.claimed_by, value);
      break;
    case SB_ITEM_FIELD_CITATIONS:
      _sb_swap_pointer (&self->evidence.citations, value);
      break;
    case SB_ITEM_FIELD_FIGURES:
      _sb_swap_pointer (&_sb_item_extra (self)->figures, value);
      break;
    case SB_ITEM_FIELD_ACTORS:
      _sb_swap_pointer (&self->actors, value);
      break;
    case SB_ITEM_FIELD_TARGETS:
      _sb_swap_pointer (&_sb_item_extra (self)->targets, value);
      break;
    case SB_ITEM_FIELD_PLACE:
      _sb_swap_reference (&self->place, value);
      break;
    case SB_ITEM_FIELD_ORIGIN:
      _sb_swap_reference (&_sb_item_extra (self)->origin, value);
      break;
    case SB_ITEM_FIELD_STATUS:
      {
        int status = self->status;

        swap_int (&status, value);
        self->status = status;
      }
      break;
    case SB_ITEM_FIELD_SUBTYPE:
      {
        int subtype = self->subtype;

        swap_int (&subtype, value);
        self->subtype = subtype;
      }
      break;
    case SB_ITEM_FIELD_QUANTITY:
      swap_quantity (&self->quantity, value);
      break;
    case SB_ITEM_FIELD_ROLE:
      _sb_swap_pointer (&_sb_item_extra (self)->role, value);
      break;
    case SB_ITEM_FIELD_NAME:
      _sb_swap_pointer (&_sb_item_extra (self)->name, value);
      break;
    case SB_ITEM_FIELD_BOUNDARY:
      {
        int boundary = _sb_item_extra (self)->boundary;

        swap_int (&boundary, value);
        _sb_item_extra (self)->boundary = boundary;
      }
      break;
    case SB_ITEM_FIELD_GEOMETRY:
      _sb_swap_pointer (&_sb_item_extra (self)->geometry, value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
get_item_field (SbItem *self,
                guint   field,
                GValue *value)
{
  switch ((SbItemField) field)
    {
    case SB_ITEM_FIELD_TITLE:
      g_value_set_boxed (value, self->title);
      break;
    case SB_ITEM_FIELD_DESCRIPTION:
      g_value_set_boxed (value, self->description);
      break;
    case SB_ITEM_FIELD_DATE:
      g_value_set_boxed (value, &self->date);
      break;
    case SB_ITEM_FIELD_CERTAINTY:
      g_value_set_int (value, self->evidence.certainty);
      break;
    case SB_ITEM_FIELD_CLAIMED_BY:
      g_value_set_object (value, self->evidence.claimed_by);
      break;
    case SB_ITEM_FIELD_CITATIONS:
      g_value_set_boxed (value, self->evidence.citations);
      break;
    case SB_ITEM_FIELD_FIGURES:
      g_value_set_boxed (value, _sb_item_peek_extra (self)->figures);
      break;
    case SB_ITEM_FIELD_ACTORS:
      g_value_set_boxed (value, self->actors);
      break;
    case SB_ITEM_FIELD_TARGETS:
      g_value_set_boxed (value, _sb_item_peek_extra (self)->targets);
      break;
    case SB_ITEM_FIELD_PLACE:
      g_value_set_object (value, self->place);
      break;
    case SB_ITEM_FIELD_ORIGIN:
      g_value_set_object (value, _sb_item_peek_extra (self)->origin);
      break;
    case SB_ITEM_FIELD_STATUS:
      g_value_set_int (value, self->status);
      break;
    case SB_ITEM_FIELD_SUBTYPE:
      g_value_set_int (value, self->subtype);
      break;
    case SB_ITEM_FIELD_QUANTITY:
      g_value_set_boxed (value, &self->quantity);
      break;
    case SB_ITEM_FIELD_ROLE:
      g_value_set_boxed (value, _sb_item_peek_extra (self)->role);
      break;
    case SB_ITEM_FIELD_NAME:
      g_value_set_boxed (value, _sb_item_peek_extra (self)->name);
      break;
    case SB_ITEM_FIELD_BOUNDARY:
      g_value_set_int (value, _sb_item_peek_extra (self)->boundary);
      break;
    case SB_ITEM_FIELD_GEOMETRY:
      g_value_set_boxed (value, _sb_item_peek_extra (self)->geometry);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
_sb_step_swap_field (SbStep *self,
                     guint   field,
                     GValue *value)
{
  switch ((SbStepField) field)
    {
    case SB_STEP_FIELD_TITLE:
      _sb_swap_pointer (&self->title, value);
      break;
    case SB_STEP_FIELD_CAPTION:
      _sb_swap_pointer (&self->caption, value);
      break;
    case SB_STEP_FIELD_NOTES:
      _sb_swap_pointer (&self->notes, value);
      break;
    case SB_STEP_FIELD_CENTER:
      {
        SbStepCenter *held = g_value_get_boxed (value);
        SbStepCenter old = { self->lat, self->lon, self->zoom };
        gboolean had_center = self->has_center;

        self->has_center = held != NULL;
        if (held != NULL)
          {
            self->lat = held->lat;
            self->lon = held->lon;
            self->zoom = held->zoom;
          }

        if (!had_center)
          g_value_set_boxed (value, NULL);
        else if (held != NULL)
          *held = old;
        else
          g_value_set_boxed (value, &old);
      }
      break;
    case SB_STEP_FIELD_FRAME:
      _sb_swap_pointer (&self->frame, value);
      break;
    case SB_STEP_FIELD_LAYERS:
      {
        int layers = self->has_layers ? (int) self->layers : -1;

        swap_int (&layers, value);
        self->has_layers = layers >= 0;
        self->layers = layers >= 0 ? (SbLayers) layers : SB_LAYERS_ALL;
      }
      break;
    case SB_STEP_FIELD_SHOW:
      _sb_swap_pointer (&self->show, value);
      break;
    case SB_STEP_FIELD_HIGHLIGHT:
      _sb_swap_pointer (&self->highlight, value);
      break;
    case SB_STEP_FIELD_CITATION:
      _sb_swap_pointer (&self->citation, value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
get_step_field (SbStep *self,
                guint   field,
                GValue *value)
{
  switch ((SbStepField) field)
    {
    case SB_STEP_FIELD_TITLE:
      g_value_set_boxed (value, self->title);
      break;
    case SB_STEP_FIELD_CAPTION:
      g_value_set_boxed (value, self->caption);
      break;
    case SB_STEP_FIELD_NOTES:
      g_value_set_boxed (value, self->notes);
      break;
    case SB_STEP_FIELD_CENTER:
      if (self->has_center)
        {
          SbStepCenter center = { self->lat, self->lon, self->zoom };

          g_value_set_boxed (value, &center);
        }
      break;
    case SB_STEP_FIELD_FRAME:
      g_value_set_boxed (value, self->frame);
      break;
    case SB_STEP_FIELD_LAYERS:
      g_value_set_int (value, self->has_layers ? (int) self->layers : -1);
      break;
    case SB_STEP_FIELD_SHOW:
      g_value_set_boxed (value, self->show);
      break;
    case SB_STEP_FIELD_HIGHLIGHT:
      g_value_set_boxed (value, self->highlight);
      break;
    case SB_STEP_FIELD_CITATION:
      g_value_set_boxed (value, self->citation);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * _sb_entity_swap_field:
 *
 * Puts @value into @field of @self and the old value into @value: the one
 * setter of every field, which only edits call.
 */
void
_sb_entity_swap_field (SbEntity *self,
                       guint     field,
                       GValue   *value)
{
  g_assert (G_VALUE_HOLDS (value, sb_field_get_value_type (G_OBJECT_TYPE (self), field)));

  if (SB_IS_SOURCE (self))
    _sb_source_swap_field (SB_SOURCE (self), field, value);
  else if (SB_IS_ACTOR (self))
    _sb_actor_swap_field (SB_ACTOR (self), field, value);
  else if (SB_IS_PLACE (self))
    _sb_place_swap_field (SB_PLACE (self), field, value);
  else if (SB_IS_ITEM (self))
    _sb_item_swap_field (SB_ITEM (self), field, value);
  else if (SB_IS_STEP (self))
    _sb_step_swap_field (SB_STEP (self), field, value);
  else
    g_assert_not_reached ();
}

/**
 * sb_entity_get_field:
 * @value: an uninitialised GValue
 *
 * Gets the value of @field, of the type sb_field_get_value_type() says.
 */
void
sb_entity_get_field (SbEntity *self,
                     guint     field,
                     GValue   *value)
{
  GType type;

  g_return_if_fail (SB_IS_ENTITY (self));
  g_return_if_fail (value != NULL);

  type = G_OBJECT_TYPE (self);
  g_return_if_fail (sb_field_get_value_type (type, field) != G_TYPE_INVALID);

  init_value (type, field, value);
  if (SB_IS_SOURCE (self))
    get_source_field (SB_SOURCE (self), field, value);
  else if (SB_IS_ACTOR (self))
    get_actor_field (SB_ACTOR (self), field, value);
  else if (SB_IS_PLACE (self))
    get_place_field (SB_PLACE (self), field, value);
  else if (SB_IS_ITEM (self))
    get_item_field (SB_ITEM (self), field, value);
  else
    get_step_field (SB_STEP (self), field, value);
}
