/* sb-window-private.h
 *
 * What the window's three files share: sb-window.c builds the window and
 * keeps its panes and state, sb-window-actions.c answers its actions, and
 * sb-window-jobs.c runs what takes a while (opening, importing,
 * exporting) with the progress line and the dialogs that report it. Each
 * calls only the ones after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-detail-pane.h"
#include "sb-filter-popover.h"
#include "sb-sidebar.h"
#include "sb-timeline.h"
#include "sb-window.h"

G_BEGIN_DECLS

typedef struct _SbWindowJob SbWindowJob;

struct _SbWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwFlap *sidebar_flap;
  AdwFlap *detail_flap;
  SbSidebar *sidebar;
  SbMapView *map_view;
  SbTimeline *timeline;
  SbDetailPane *detail_pane;
  SbFilterPopover *filter_popover;
  GtkWidget *filter_button;
  GMenu *recent_menu;
  GtkWidget *sidebar_handle;
  GtkWidget *detail_handle;
  AdwClamp *sidebar_clamp;
  AdwClamp *detail_clamp;
  GtkRevealer *progress_revealer;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  guint progress_timeout;  /* pulses the bar until a fraction is known */

  SbSelection *selection;
  SbPresenter *presenter;  /* made once the settings are known */
  GSettings *settings;     /* nullable */
  GCancellable *tiles_opening;  /* the tiles the settings name, opening */
  gboolean restore_view;   /* the first briefing shown gets the saved view */
  GFile *file;             /* NULL for the built-in briefing */
  char *location;          /* the web address shown, or NULL */
  char *location_etag;     /* (nullable) for reloading the location */
  char *location_last_modified;
  gboolean imported;       /* file is an ACLED export, UCDP GED or GeoJSON */
  SbImportFormat import_format;
  char *import_encoding;   /* as chosen, or NULL: detected */
  char *import_name_property;  /* names places for reference, or NULL */
  SbImportSummary *import_summary;  /* nullable: of the file imported */
  SbWindowJob *job;        /* nullable: the one under way, owned by itself */
  GPtrArray *problems;     /* of the last load that failed */
  double drag_start_width;
  int sidebar_width;       /* the widths asked for, kept whatever narrow */
  int detail_width;        /* windows make of them */
  gboolean narrow;
  guint narrow_source;
  gboolean present_when_loaded;
  gboolean made_for_file;  /* opened for a file of the command line: see sb_window_set_made_for_file() */
};

#define SB_WINDOW_BRIEFING_MIME_TYPE "application/x-sahelbrief+json"
#define SB_WINDOW_MAX_RECENT_LOCATIONS 10

/* sb-window-actions.c */
void     _sb_window_class_actions_init     (GtkWidgetClass *widget_class);

/* sb-window-jobs.c */
gboolean _sb_window_job_is_loading         (SbWindow       *self);
void     _sb_window_cancel_job             (SbWindow       *self);
void     _sb_window_reload                 (SbWindow       *self);
void     _sb_window_import_again           (SbWindow       *self,
                                            const char     *name_property);
void     _sb_window_print                  (SbWindow       *self);
void     _sb_window_show_import_problems   (SbWindow       *self);
void     _sb_window_show_error             (SbWindow       *self,
                                            const char     *heading,
                                            GError         *error);

G_END_DECLS
