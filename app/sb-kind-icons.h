/* sb-kind-icons.h
 *
 * The symbolic icons of actor kinds, incident types and map layers: the
 * map's symbols where the person reads a kind's name.
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-types.h"

G_BEGIN_DECLS

const char *sb_actor_kind_icon_name    (SbActorKind     kind);
const char *sb_incident_type_icon_name (SbIncidentType  type);
const char *sb_item_kind_icon_name     (SbItemKind      kind);
GtkWidget  *sb_kind_icon_new           (const char     *icon_name);
GtkWidget  *sb_kind_icon_label_new     (const char     *icon_name,
                                        GtkWidget      *label);

G_END_DECLS
