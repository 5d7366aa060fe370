/* sb-types.c
 *
 * The enumerations of the briefing format and their names in files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-types"

#include "config.h"

#include "sb-types.h"

/**
 * sb_enum_to_nick:
 *
 * Returns: the value's name in briefing files, or "" for an unknown value
 */
const char *
sb_enum_to_nick (GType type,
                 int   value)
{
  GEnumClass *klass = g_type_class_peek (type);
  GEnumValue *enum_value;

  /* Enum classes are never freed once created: the nick stays valid.
   * Peeked, not referenced each time: a save asks millions of times.
   */
  if (klass == NULL)
    klass = g_type_class_ref (type);
  enum_value = g_enum_get_value (klass, value);

  return enum_value ? enum_value->value_nick : "";
}

SbLayers
sb_item_kind_to_layer (SbItemKind kind)
{
  switch (kind)
    {
    case SB_ITEM_KIND_DEPLOYMENT:
      return SB_LAYER_DEPLOYMENTS;
    case SB_ITEM_KIND_MOVEMENT:
      return SB_LAYER_MOVEMENTS;
    case SB_ITEM_KIND_INCIDENT:
      return SB_LAYER_INCIDENTS;
    case SB_ITEM_KIND_AREA:
    default:
      return SB_LAYER_AREAS;
    }
}
