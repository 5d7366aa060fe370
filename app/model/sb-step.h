/* sb-step.h
 *
 * One step of the presentation script.
 */

#pragma once

#include "sb-citation.h"
#include "sb-entity.h"
#include "sb-text.h"
#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_STEP (sb_step_get_type ())

G_DECLARE_FINAL_TYPE (SbStep, sb_step, SB, STEP, SbEntity)

SbText     *sb_step_get_title     (SbStep *self);
SbText     *sb_step_get_caption   (SbStep *self);
SbText     *sb_step_get_notes     (SbStep *self);
gboolean    sb_step_get_center    (SbStep *self,
                                   double *lat,
                                   double *lon,
                                   double *zoom);
GPtrArray  *sb_step_get_frame     (SbStep *self);
SbLayers    sb_step_get_layers    (SbStep *self);
GPtrArray  *sb_step_get_shown     (SbStep *self);
GPtrArray  *sb_step_get_highlight (SbStep *self);
SbCitation *sb_step_get_citation  (SbStep *self);

G_END_DECLS
