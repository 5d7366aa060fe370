/* sb-window-private.h
 *
 * What the window's files share, from the top down: sb-window.c builds
 * the window and keeps its panes and state, sb-window-actions.c and
 * sb-window-steps.c answer its actions, sb-window-compare.c compares the
 * briefing with another version of it, sb-window-server.c saves it back
 * to a WebDAV server, sb-window-jobs.c runs what takes a while (opening,
 * importing, exporting, a new briefing) with the progress line and the
 * dialogs that report it, and sb-window-document.c keeps the briefing it
 * edits (undo, saving, closing) and the messages every part shows. Each
 * file calls only those below it; sb-window.c gives them what they need
 * through this struct.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-changes-pane.h"
#include "sb-detail-pane.h"
#include "sb-document.h"
#include "sb-filter-popover.h"
#include "sb-problems-popover.h"
#include "sb-recovery.h"
#include "sb-sidebar.h"
#include "sb-steps-panel.h"
#include "sb-timeline.h"
#include "sb-window.h"

G_BEGIN_DECLS

typedef struct _SbWindowJob SbWindowJob;
typedef struct _SbWindowCompare SbWindowCompare;

typedef struct
{
  SbWindowClosedFunc func;
  gpointer data;
} SbWindowCloseRequest;

struct _SbWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwFlap *sidebar_flap;
  AdwFlap *detail_flap;
  SbSidebar *sidebar;
  GtkStack *sidebar_stack;
  SbStepsPanel *steps_panel;
  GtkToggleButton *steps_button;
  SbMapView *map_view;
  SbMapEditor *map_editor;  /* places and draws on the map view */
  SbTimeline *timeline;
  SbDetailPane *detail_pane;
  SbFilterPopover *filter_popover;
  GtkWidget *filter_button;
  GtkWidget *problems_button;
  AdwButtonContent *problems_content;
  SbProblemsPopover *problems_popover;
  GtkWindow *briefing_details;   /* (weak) Briefing Details, while open */
  GtkWidget *guide;
  GMenu *recent_menu;
  GMenu *edit_menu;
  GtkWidget *sidebar_handle;
  GtkWidget *detail_handle;
  AdwClamp *sidebar_clamp;
  AdwClamp *detail_clamp;
  GtkRevealer *progress_revealer;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  guint progress_timeout;  /* pulses the bar until a fraction is known */
  GtkRevealer *changes_revealer;
  SbChangesPane *changes_pane;
  SbWindowCompare *compare; /* what the briefing is compared with */

  SbSelection *selection;
  SbDocument *document;    /* nullable: the briefing edited, where it came from */
  SbRecovery *recovery;    /* nullable: its recovery copy */
  gboolean close_confirmed;  /* saved or discarded: the window may close */
  SbWindowCloseRequest close_request;  /* who asked the window to close */
  SbPresenter *presenter;  /* made once the settings are known */
  GSettings *settings;     /* nullable */
  GCancellable *tiles_opening;  /* the tiles the settings name, opening */
  gboolean restore_view;   /* the first briefing shown gets the saved view */
  SbImportFormat import_format;  /* of the document's file, when imported */
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
void     _sb_window_actions_init           (SbWindow       *self);

/* sb-window-compare.c */
void     _sb_window_class_compare_init     (GtkWidgetClass *widget_class);
void     _sb_window_compare_init           (SbWindow       *self);
void     _sb_window_compare_dispose        (SbWindow       *self);
void     _sb_window_compare_with           (SbWindow       *self,
                                            SbBriefing     *other,
                                            const char     *label);
void     _sb_window_stop_comparing         (SbWindow       *self);

/* sb-window-server.c */
void     _sb_window_class_server_init      (GtkWidgetClass *widget_class);
void     _sb_window_compare_with_server    (SbWindow       *self);

/* sb-window-document.c */
void     _sb_window_class_document_init    (GtkWidgetClass  *widget_class);
void     _sb_window_document_init          (SbWindow        *self);
void     _sb_window_document_dispose       (SbWindow        *self);
void     _sb_window_set_document           (SbWindow        *self,
                                            SbDocument      *document,
                                            SbRecoveryEntry *adopt);
void     _sb_window_update_title           (SbWindow        *self);
gboolean _sb_window_is_replaceable         (SbWindow        *self);
SbWindow *_sb_window_new_sibling           (SbWindow        *self);
gboolean _sb_window_close_request          (SbWindow        *self);
void     _sb_window_discard_changes        (SbWindow        *self);
AdwMessageDialog *_sb_window_new_message_dialog (SbWindow   *self,
                                            const char      *heading);
void     _sb_window_show_error_here        (SbWindow        *self,
                                            const char      *heading,
                                            GError          *error);
void     _sb_window_remember_file          (SbWindow        *self,
                                            GFile           *file);

/* sb-window-steps.c */
void     _sb_window_class_steps_init       (GtkWidgetClass *widget_class);
void     _sb_window_steps_init             (SbWindow       *self);
int      _sb_window_steps_shown_index      (SbWindow       *self);
void     _sb_window_save_to                (SbWindow        *self,
                                            SbSaveTarget    *target,
                                            gboolean         then_close);

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
