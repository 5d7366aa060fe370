/* sb-filter-popover.h
 *
 * Which layers and which certainties the map, counts and search show.
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_FILTER_POPOVER (sb_filter_popover_get_type ())

G_DECLARE_FINAL_TYPE (SbFilterPopover, sb_filter_popover, SB, FILTER_POPOVER, GtkPopover)

void sb_filter_popover_set_selection (SbFilterPopover *self,
                                      SbSelection     *selection);

G_END_DECLS
