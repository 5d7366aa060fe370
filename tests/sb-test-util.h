/* sb-test-util.h
 *
 * What the GUI tests and benchmarks share: running the main loop until
 * something is true, finding widgets, and the dialogs shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef gboolean (*SbTestCondition) (gpointer data);

/* A label wanted among the widgets under @root: see sb_test_label_shown(). */
typedef struct
{
  GtkWidget *root;
  const char *text;
} SbTestLabel;

gboolean   sb_test_run_until      (SbTestCondition  condition,
                                   gpointer         data,
                                   guint            timeout_ms);
void       sb_test_wait_until_full (SbTestCondition condition,
                                   gpointer         data,
                                   const char      *what,
                                   const char      *where);
/* Runs the main loop until @condition holds; a minute without fails the
 * test, naming the condition and the line that waited.
 */
#define sb_test_wait_until(condition, ...) \
  sb_test_wait_until_full ((condition), (__VA_ARGS__), #condition, G_STRLOC)
void       sb_test_iterate_for    (guint            ms);
GdkTexture *sb_test_render        (GtkWidget       *widget);
GtkWidget *sb_test_find_widget    (GtkWidget       *root,
                                   GType            type);
GtkWidget *sb_test_find_label     (GtkWidget       *root,
                                   const char      *text);
gboolean   sb_test_label_shown    (gpointer         label);
GtkWindow *sb_test_find_dialog    (void);
gboolean   sb_test_dialog_is_shown (gpointer        unused);
GtkWindow *sb_test_find_toplevel  (GType            type);
GtkWidget *sb_test_find_row       (GtkWidget       *root,
                                   GType            type,
                                   const char      *title);
GtkWidget *sb_test_find_button    (GtkWidget       *root,
                                   const char      *label);
GtkShortcut *sb_test_find_shortcut (GtkWidget      *widget,
                                   const char      *trigger);
gboolean   sb_test_shortcut_goes_first (GtkWidget  *widget,
                                        const char *trigger);
void       sb_test_press_shortcut (GtkWidget       *widget,
                                   const char      *trigger);
void       sb_test_type_and_enter (GtkWidget       *row,
                                   const char      *text);
gboolean   sb_test_press_key      (GtkWidget       *focus,
                                   const char      *trigger);
void       sb_test_select_text    (GtkTextView     *view,
                                   const char      *passage);
void       sb_test_close_dialogs  (void);
void       sb_test_log_init       (void);
void       sb_test_screenshot     (const char      *name);
void       sb_test_log_let_monitor_lookup_pass (void);
double     sb_test_percentile     (GArray          *values,
                                   double           p);
char      *sb_test_make_temp_dir  (const char      *tmpl);
void       sb_test_serve_drip     (SoupServerMessage *message,
                                   const char      *content_type,
                                   const char      *first);

G_END_DECLS
