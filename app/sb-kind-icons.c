/* sb-kind-icons.c
 *
 * The symbolic icon names of actor kinds, incident types and map layers.
 *
 * Icon names follow the enums' nicks, so that a new kind without its icon
 * fails tests/test-kind-icons.c rather than showing a broken image.
 * build-aux/make-icons.c draws the icons with the map's own code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-kind-icons"

#include "config.h"

#include "sb-enums.h"
#include "sb-kind-icons.h"

static const char *
icon_name (GType       enum_type,
           int         value,
           const char *prefix,
           const char *suffix)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (enum_class, value);
  g_autofree char *name = NULL;

  g_return_val_if_fail (enum_value != NULL, NULL);

  name = g_strconcat (prefix, enum_value->value_nick, suffix, NULL);
  return g_intern_string (name);
}

const char *
sb_actor_kind_icon_name (SbActorKind kind)
{
  return icon_name (SB_TYPE_ACTOR_KIND, kind, "sb-actor-", "-symbolic");
}

const char *
sb_incident_type_icon_name (SbIncidentType type)
{
  return icon_name (SB_TYPE_INCIDENT_TYPE, type, "sb-incident-", "-symbolic");
}

/* The layer of a kind of item, in the plural: "sb-layer-areas-symbolic". */
const char *
sb_item_kind_icon_name (SbItemKind kind)
{
  return icon_name (SB_TYPE_ITEM_KIND, kind, "sb-layer-", "s-symbolic");
}

/**
 * sb_kind_icon_new:
 *
 * An icon beside words that name the same thing: screen readers skip it.
 */
GtkWidget *
sb_kind_icon_new (const char *icon_name)
{
  g_return_val_if_fail (icon_name != NULL, NULL);

  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

/**
 * sb_kind_icon_label_new:
 *
 * A box of the icon and @label, as a row's child.
 */
GtkWidget *
sb_kind_icon_label_new (const char *icon_name,
                        GtkWidget  *label)
{
  GtkWidget *box;

  g_return_val_if_fail (icon_name != NULL, NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (label), NULL);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), sb_kind_icon_new (icon_name));
  gtk_box_append (GTK_BOX (box), label);

  return box;
}
