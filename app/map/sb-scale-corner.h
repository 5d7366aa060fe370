/* sb-scale-corner.h
 *
 * Which corner of the map its scale goes in: one where it covers no town
 * the briefing names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "sb-briefing.h"

G_BEGIN_DECLS

typedef enum
{
  SB_SCALE_CORNER_BOTTOM_START,
  SB_SCALE_CORNER_TOP_START,
} SbScaleCorner;

SbScaleCorner sb_scale_corner_choose (SbBriefing      *briefing,
                                      ShumateViewport *viewport,
                                      double           width,
                                      double           height,
                                      double           scale_width,
                                      double           scale_height,
                                      double           name_height,
                                      SbScaleCorner    current);

G_END_DECLS
