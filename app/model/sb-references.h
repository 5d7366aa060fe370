/* sb-references.h
 *
 * What refers to an entity, and fields with those references taken out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-briefing.h"

G_BEGIN_DECLS

guint64 sb_entity_get_referring_fields (SbEntity *self,
                                        SbEntity *target);
void    sb_entity_get_field_without    (SbEntity *self,
                                        guint     field,
                                        SbEntity *target,
                                        GValue   *value);

G_END_DECLS
