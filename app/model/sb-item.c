/* sb-item.c
 *
 * A statement of the briefing: a deployment, movement, incident or area.
 *
 * One type for the four kinds of statement: they share most fields, views
 * treat them alike (select, cite, date, filter), and a million incidents
 * must stay small in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-item"

#include "config.h"

#include <math.h>

#include "sb-model-private.h"

G_DEFINE_FINAL_TYPE (SbItem, sb_item, SB_TYPE_ENTITY)

const SbItemExtra _sb_item_no_extra = { 0 };

/* The fields few statements have, made when one of them is first set. */
SbItemExtra *
_sb_item_extra (SbItem *self)
{
  if (self->extra == NULL)
    self->extra = g_new0 (SbItemExtra, 1);
  return self->extra;
}

static const char *
sb_item_get_label (SbEntity *entity)
{
  SbItem *self = SB_ITEM (entity);

  if (self->title != NULL)
    return sb_text_get (self->title);
  if (_sb_item_peek_extra (self)->name != NULL)
    return sb_text_get (self->extra->name);
  return sb_text_get (self->description);
}

static void
sb_item_finalize (GObject *object)
{
  SbItem *self = (SbItem *)object;

  g_clear_pointer (&self->title, sb_text_unref);
  g_clear_pointer (&self->description, sb_text_unref);
  sb_evidence_clear (&self->evidence);
  g_clear_pointer (&self->actors, g_ptr_array_unref);
  if (self->extra != NULL)
    {
      g_clear_pointer (&self->extra->figures, g_ptr_array_unref);
      g_clear_pointer (&self->extra->role, sb_text_unref);
      g_clear_pointer (&self->extra->targets, g_ptr_array_unref);
      g_clear_pointer (&self->extra->name, sb_text_unref);
      g_clear_pointer (&self->extra->geometry, sb_geometry_free);
      g_clear_pointer (&self->extra->properties, g_strfreev);
      g_clear_pointer (&self->extra, g_free);
    }

  G_OBJECT_CLASS (sb_item_parent_class)->finalize (object);
}

static void
sb_item_class_init (SbItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SbEntityClass *entity_class = SB_ENTITY_CLASS (klass);

  object_class->finalize = sb_item_finalize;
  entity_class->get_label = sb_item_get_label;
}

static void
sb_item_init (SbItem *self)
{
}

SbItem *
_sb_item_new (const char *id,
              SbItemKind  kind)
{
  SbItem *self = g_object_new (SB_TYPE_ITEM, NULL);

  _sb_entity_set_id (SB_ENTITY (self), id);
  self->kind = kind;
  return self;
}

SbItemKind
sb_item_get_kind (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), 0);

  return self->kind;
}

SbText *
sb_item_get_title (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  return self->title;
}

SbText *
sb_item_get_description (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  return self->description;
}

const SbDate *
sb_item_get_date (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  return &self->date;
}

const SbEvidence *
sb_item_get_evidence (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  return &self->evidence;
}

SbCertainty
sb_item_get_certainty (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), 0);

  return self->evidence.certainty;
}

GPtrArray *
sb_item_get_citations (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  return self->evidence.citations;
}

/**
 * sb_item_count_independent_sources:
 *
 * Corroboration: how many independent sources support the statement.
 * Sources of the same publisher count once (two articles of one news
 * agency are one voice), and so does a source cited twice.
 *
 * Returns: the number of independent sources cited
 */
guint
sb_item_count_independent_sources (SbItem *self)
{
  GPtrArray *citations;
  guint count = 0;

  g_return_val_if_fail (SB_IS_ITEM (self), 0);

  citations = self->evidence.citations;
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      SbSource *source = ((SbCitation *) g_ptr_array_index (citations, i))->source;
      gboolean seen = FALSE;

      if (source == NULL)
        continue;
      for (guint j = 0; j < i && !seen; j++)
        {
          SbSource *earlier = ((SbCitation *) g_ptr_array_index (citations, j))->source;

          seen = earlier != NULL && sb_source_same_publisher (source, earlier);
        }
      if (!seen)
        count++;
    }

  return count;
}

/**
 * sb_item_is_single_source:
 *
 * Returns: whether at most one independent source supports the
 *   statement: what the map badges and the "one source only" filter shows
 */
gboolean
sb_item_is_single_source (SbItem *self)
{
  return sb_item_count_independent_sources (self) <= 1;
}

/**
 * sb_item_get_figures:
 *
 * Returns: (nullable): the statement's figures
 */
GPtrArray *
sb_item_get_figures (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  return _sb_item_peek_extra (self)->figures;
}

guint
sb_item_get_n_actors (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), 0);

  return self->actors ? self->actors->len : 0;
}

SbActor *
sb_item_get_actor (SbItem *self,
                   guint   position)
{
  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  if (self->actors == NULL || position >= self->actors->len)
    return NULL;

  return g_ptr_array_index (self->actors, position);
}

/**
 * sb_item_get_targets:
 *
 * Returns: (transfer none) (nullable) (element-type SbActor): an
 *   incident's actors on the receiving end (the side attacked, arrested or
 *   ousted), apart from those who took part
 */
GPtrArray *
sb_item_get_targets (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  return _sb_item_peek_extra (self)->targets;
}

gboolean
sb_item_targets_actor (SbItem  *self,
                       SbActor *actor)
{
  GPtrArray *targets;

  g_return_val_if_fail (SB_IS_ITEM (self), FALSE);

  targets = _sb_item_peek_extra (self)->targets;
  for (guint i = 0; targets != NULL && i < targets->len; i++)
    if (g_ptr_array_index (targets, i) == actor)
      return TRUE;

  return FALSE;
}

gboolean
sb_item_involves_actor (SbItem  *self,
                        SbActor *actor)
{
  g_return_val_if_fail (SB_IS_ITEM (self), FALSE);

  for (guint i = 0; self->actors != NULL && i < self->actors->len; i++)
    if (g_ptr_array_index (self->actors, i) == actor)
      return TRUE;

  return FALSE;
}

/**
 * sb_item_get_place:
 *
 * Returns: (nullable): where a deployment or incident is, or where a
 *   movement goes
 */
SbPlace *
sb_item_get_place (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  return self->place;
}

/**
 * sb_item_get_origin:
 *
 * Returns: (nullable): where a movement starts
 */
SbPlace *
sb_item_get_origin (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  return _sb_item_peek_extra (self)->origin;
}

SbDeploymentStatus
sb_item_get_deployment_status (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), 0);
  g_return_val_if_fail (self->kind == SB_ITEM_KIND_DEPLOYMENT, 0);

  return self->status;
}

SbMovementStatus
sb_item_get_movement_status (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), 0);
  g_return_val_if_fail (self->kind == SB_ITEM_KIND_MOVEMENT, 0);

  return self->status;
}

SbMovementMeans
sb_item_get_means (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), 0);
  g_return_val_if_fail (self->kind == SB_ITEM_KIND_MOVEMENT, 0);

  return self->subtype;
}

SbIncidentType
sb_item_get_incident_type (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), 0);
  g_return_val_if_fail (self->kind == SB_ITEM_KIND_INCIDENT, 0);

  return self->subtype;
}

SbAreaKind
sb_item_get_area_kind (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), 0);
  g_return_val_if_fail (self->kind == SB_ITEM_KIND_AREA, 0);

  return self->subtype;
}

SbBoundary
sb_item_get_boundary (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), 0);

  return _sb_item_peek_extra (self)->boundary;
}

/**
 * sb_item_get_strength:
 *
 * Returns: the personnel of a deployment or movement; unset for others
 */
const SbQuantity *
sb_item_get_strength (SbItem *self)
{
  static const SbQuantity unset = { 0, };

  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  if (self->kind != SB_ITEM_KIND_DEPLOYMENT && self->kind != SB_ITEM_KIND_MOVEMENT)
    return &unset;

  return &self->quantity;
}

const SbQuantity *
sb_item_get_fatalities (SbItem *self)
{
  static const SbQuantity unset = { 0, };

  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  if (self->kind != SB_ITEM_KIND_INCIDENT)
    return &unset;

  return &self->quantity;
}

SbText *
sb_item_get_role (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  return _sb_item_peek_extra (self)->role;
}

SbText *
sb_item_get_name (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  return _sb_item_peek_extra (self)->name;
}

const SbGeometry *
sb_item_get_geometry (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  return _sb_item_peek_extra (self)->geometry;
}

/**
 * sb_item_get_properties:
 *
 * Returns: (nullable) (array zero-terminated=1): the properties the file
 *   it was imported from gave it, as they were: key, value, key, value…
 */
const char * const *
sb_item_get_properties (SbItem *self)
{
  g_return_val_if_fail (SB_IS_ITEM (self), NULL);

  return (const char * const *) _sb_item_peek_extra (self)->properties;
}

/**
 * sb_item_get_bounds:
 *
 * Extends @bounds, which the caller initialises, by the ground the
 * statement covers: its places with their uncertainty (up to 250 km; the
 * map judges a whole country from its outline), or its outline.
 *
 * Returns: %TRUE if the statement has a location
 */
gboolean
sb_item_get_bounds (SbItem   *self,
                    SbBounds *bounds)
{
  SbPlace *places[] = { _sb_item_peek_extra (self)->origin, self->place };
  gboolean found = FALSE;

  g_return_val_if_fail (SB_IS_ITEM (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (_sb_item_peek_extra (self)->geometry != NULL)
    {
      sb_bounds_add_point (bounds, _sb_item_peek_extra (self)->geometry->min_lat, _sb_item_peek_extra (self)->geometry->min_lon);
      sb_bounds_add_point (bounds, _sb_item_peek_extra (self)->geometry->max_lat, _sb_item_peek_extra (self)->geometry->max_lon);
      found = TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      if (places[i] == NULL)
        continue;

      sb_bounds_add_circle (bounds, places[i]->lat, places[i]->lon,
                            MIN (sb_place_get_radius_km (places[i]), 250.0));
      found = TRUE;
    }

  return found;
}
