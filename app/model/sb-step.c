/* sb-step.c
 *
 * One step of the presentation script.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-step"

#include "config.h"

#include "sb-model-private.h"

G_DEFINE_FINAL_TYPE (SbStep, sb_step, SB_TYPE_ENTITY)

static const char *
sb_step_get_label (SbEntity *entity)
{
  return sb_text_get (SB_STEP (entity)->title);
}

static void
sb_step_finalize (GObject *object)
{
  SbStep *self = (SbStep *)object;

  g_clear_pointer (&self->title, sb_text_unref);
  g_clear_pointer (&self->caption, sb_text_unref);
  g_clear_pointer (&self->notes, sb_text_unref);
  g_clear_pointer (&self->frame, g_ptr_array_unref);
  g_clear_pointer (&self->show, g_ptr_array_unref);
  g_clear_pointer (&self->highlight, g_ptr_array_unref);
  g_clear_pointer (&self->citation, sb_citation_unref);

  G_OBJECT_CLASS (sb_step_parent_class)->finalize (object);
}

static void
sb_step_class_init (SbStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SbEntityClass *entity_class = SB_ENTITY_CLASS (klass);

  object_class->finalize = sb_step_finalize;
  entity_class->get_label = sb_step_get_label;
}

static void
sb_step_init (SbStep *self)
{
  self->layers = SB_LAYERS_ALL;
}

SbStep *
_sb_step_new (const char *id)
{
  SbStep *self = g_object_new (SB_TYPE_STEP, NULL);

  _sb_entity_set_id (SB_ENTITY (self), id);
  return self;
}

SbText *
sb_step_get_title (SbStep *self)
{
  g_return_val_if_fail (SB_IS_STEP (self), NULL);

  return self->title;
}

SbText *
sb_step_get_caption (SbStep *self)
{
  g_return_val_if_fail (SB_IS_STEP (self), NULL);

  return self->caption;
}

SbText *
sb_step_get_notes (SbStep *self)
{
  g_return_val_if_fail (SB_IS_STEP (self), NULL);

  return self->notes;
}

/**
 * sb_step_get_center:
 *
 * Returns: %TRUE if the step names a centre and zoom; otherwise it frames
 *   entities (see sb_step_get_frame())
 */
gboolean
sb_step_get_center (SbStep *self,
                    double *lat,
                    double *lon,
                    double *zoom)
{
  g_return_val_if_fail (SB_IS_STEP (self), FALSE);

  if (!self->has_center)
    return FALSE;

  if (lat != NULL)
    *lat = self->lat;
  if (lon != NULL)
    *lon = self->lon;
  if (zoom != NULL)
    *zoom = self->zoom;

  return TRUE;
}

/**
 * sb_step_get_frame:
 *
 * Returns: (nullable): the entities the camera fits on screen when the
 *   step has no centre: the camera's `frame`, else the highlighted ones
 */
GPtrArray *
sb_step_get_frame (SbStep *self)
{
  g_return_val_if_fail (SB_IS_STEP (self), NULL);

  if (self->frame != NULL)
    return self->frame;

  return self->highlight;
}

SbLayers
sb_step_get_layers (SbStep *self)
{
  g_return_val_if_fail (SB_IS_STEP (self), SB_LAYERS_ALL);

  return self->layers;
}

/**
 * sb_step_get_shown:
 *
 * Returns: (nullable): the only statements shown, or %NULL for all
 */
GPtrArray *
sb_step_get_shown (SbStep *self)
{
  g_return_val_if_fail (SB_IS_STEP (self), NULL);

  return self->show;
}

GPtrArray *
sb_step_get_highlight (SbStep *self)
{
  g_return_val_if_fail (SB_IS_STEP (self), NULL);

  return self->highlight;
}

SbCitation *
sb_step_get_citation (SbStep *self)
{
  g_return_val_if_fail (SB_IS_STEP (self), NULL);

  return self->citation;
}
