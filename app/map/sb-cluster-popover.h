/* sb-cluster-popover.h
 *
 * The incidents of one place, listed when its symbol is clicked: choosing
 * one selects it.
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_CLUSTER_POPOVER (sb_cluster_popover_get_type ())

G_DECLARE_FINAL_TYPE (SbClusterPopover, sb_cluster_popover, SB, CLUSTER_POPOVER, GtkPopover)

GtkWidget *sb_cluster_popover_new (SbSelection *selection,
                                   GPtrArray   *items,
                                   guint        total);

G_END_DECLS
