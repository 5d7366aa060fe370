/* sb-test-util.c
 *
 * What the GUI tests and benchmarks share: waiting on the main loop,
 * finding widgets and dialogs, fatal warnings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <execinfo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sb-test-util.h"

/* How long a test waits for what must come before it fails. The GUI tests
 * run two at a time on two cores shared with other work: at a load of 18
 * a window takes 8 s to open and frame its briefing, with gdb or the
 * sanitizers several times that. Not a measure of speed; a test that
 * waits for something that never comes still fails (and Meson's own
 * timeout ends a test that hangs).
 */
#define WAIT_MS 60000

/**
 * sb_test_run_until:
 *
 * Runs the main loop until @condition holds or @timeout_ms have passed.
 *
 * Returns: whether @condition came to hold
 */
gboolean
sb_test_run_until (SbTestCondition condition,
                   gpointer        data,
                   guint           timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

/**
 * sb_test_wait_until_full:
 * @what: the condition's name, for the failure
 * @where: the place in the test that waited
 *
 * As sb_test_run_until(); what never comes within a minute fails the
 * test, naming @what and @where. Called through sb_test_wait_until().
 */
void
sb_test_wait_until_full (SbTestCondition  condition,
                         gpointer         data,
                         const char      *what,
                         const char      *where)
{
  gint64 start = g_get_monotonic_time ();

  if (!sb_test_run_until (condition, data, WAIT_MS))
    g_error ("%s: waited %.0f s for %s", where, (g_get_monotonic_time () - start) / 1e6, what);
}

void
sb_test_iterate_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static GskRenderNode *
snapshot_of (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

static gboolean
has_snapshot (gpointer widget)
{
  g_autoptr(GskRenderNode) node = snapshot_of (widget);

  return node != NULL;
}

/**
 * sb_test_render:
 *
 * What @widget shows, as the screen would: drawn once it is on screen,
 * after a frame of its window has been painted (a layer may just have asked for a new
 * allocation), once it has something to show (a loaded machine may not
 * have laid its text out yet).
 *
 * Returns: (transfer full): the texture, the size of @widget
 */
GdkTexture *
sb_test_render (GtkWidget *widget)
{
  GdkFrameClock *frame_clock;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GskRenderNode) node = NULL;
  gboolean painted = FALSE;
  gulong handler;

  sb_test_wait_until (is_mapped, widget);
  frame_clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  sb_test_wait_until (is_true, &painted);
  g_signal_handler_disconnect (frame_clock, handler);

  sb_test_wait_until (has_snapshot, widget);
  node = snapshot_of (widget);
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                           gtk_widget_get_height (widget)));
}

/**
 * sb_test_find_widget:
 *
 * Returns: (nullable): the first widget of @type in @root, depth first
 */
GtkWidget *
sb_test_find_widget (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sb_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * sb_test_label_shown:
 * @label: an #SbTestLabel
 *
 * A condition for sb_test_wait_until(): the label is shown.
 */
gboolean
sb_test_label_shown (gpointer label)
{
  SbTestLabel *wanted = label;

  return sb_test_find_label (wanted->root, wanted->text) != NULL;
}

/**
 * sb_test_find_label:
 *
 * Returns: (nullable): a label showing exactly @text, among those a person
 *   can see
 */
GtkWidget *
sb_test_find_label (GtkWidget  *root,
                    const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sb_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * sb_test_find_dialog:
 *
 * Returns: (nullable) (transfer none): the message dialog shown, if any
 */
GtkWindow *
sb_test_find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (toplevel))
        return GTK_WINDOW (toplevel);
    }

  return NULL;
}

/**
 * sb_test_find_toplevel:
 *
 * Returns: (nullable): the first shown window of @type
 */
GtkWindow *
sb_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (toplevel))
        return GTK_WINDOW (toplevel);
    }

  return NULL;
}

/**
 * sb_test_find_row:
 *
 * Returns: (nullable): the row of @type titled @title below @root
 */
GtkWidget *
sb_test_find_row (GtkWidget  *root,
                  GType       type,
                  const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = sb_test_find_row (child, type, title)) != NULL)
        return found;
    }

  return NULL;
}

/**
 * sb_test_find_button:
 *
 * Returns: (nullable): the button labelled @label below @root
 */
GtkWidget *
sb_test_find_button (GtkWidget  *root,
                     const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = sb_test_find_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

/* The shortcut of @widget's own controllers that @trigger sets off, and
 * the controller's phase.
 */
static GtkShortcut *
find_shortcut (GtkWidget           *widget,
               const char          *trigger,
               GtkPropagationPhase *phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (trigger);

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            {
              if (phase != NULL)
                *phase = gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller));
              return shortcut;   /* the controller keeps it */
            }
        }
    }

  return NULL;
}

/**
 * sb_test_find_shortcut:
 * @trigger: as gtk_shortcut_trigger_parse_string() reads it: "<Control><Alt>c"
 *
 * Returns: (nullable) (transfer none): the shortcut of @widget's own
 *   controllers that @trigger sets off
 */
GtkShortcut *
sb_test_find_shortcut (GtkWidget  *widget,
                       const char *trigger)
{
  return find_shortcut (widget, trigger, NULL);
}

/**
 * sb_test_shortcut_goes_first:
 *
 * Returns: whether @widget sets off @trigger before its children see the
 *   key (a shortcut controller of its own in the capture phase)
 */
gboolean
sb_test_shortcut_goes_first (GtkWidget  *widget,
                             const char *trigger)
{
  GtkPropagationPhase phase = GTK_PHASE_NONE;

  return find_shortcut (widget, trigger, &phase) != NULL && phase == GTK_PHASE_CAPTURE;
}

/**
 * sb_test_press_shortcut:
 *
 * Does what pressing @trigger on @widget does: the action of the shortcut
 * of @widget's controllers (its class's key bindings among them) that it
 * sets off. Fails the test when there is none.
 */
typedef struct
{
  GtkWidget *widget;
  GtkShortcut *shortcut;
} Press;

static gboolean
press_activates (gpointer data)
{
  Press *press = data;

  return gtk_shortcut_action_activate (gtk_shortcut_get_action (press->shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                       press->widget, gtk_shortcut_get_arguments (press->shortcut));
}

void
sb_test_press_shortcut (GtkWidget  *widget,
                        const char *trigger)
{
  Press press = { widget, sb_test_find_shortcut (widget, trigger) };

  if (press.shortcut == NULL)
    g_error ("%s has no shortcut %s", G_OBJECT_TYPE_NAME (widget), trigger);
  /* As a person presses again once the window has caught up with what
   * enables the action (a selection, a card shown): a loaded machine
   * takes a few frames; an action that never comes on fails the test.
   */
  if (!sb_test_run_until (press_activates, &press, WAIT_MS))
    g_error ("%s did nothing on %s", trigger, G_OBJECT_TYPE_NAME (widget));
}

/* The first shortcut of @widget's controllers in @phase that @trigger
 * sets off and that acts.
 */
static gboolean
shortcut_acts (GtkWidget           *widget,
               GtkShortcutTrigger  *wanted,
               GtkPropagationPhase  phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != phase)
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            widget, gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * sb_test_press_key:
 * @focus: the widget with the keyboard focus, as a GtkText
 *
 * Does what pressing @trigger with the focus in @focus does, as GTK hands
 * a key on: the shortcuts of the controllers in the capture phase from
 * the window down to @focus, then those in the bubble phase from @focus
 * up (the key bindings of the widgets' classes among them), until one
 * acts (a shortcut whose action is off lets the key go on).
 *
 * Returns: whether a shortcut acted
 */
gboolean
sb_test_press_key (GtkWidget  *focus,
                   const char *trigger)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (trigger);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  gboolean acted = FALSE;

  g_assert_nonnull (wanted);
  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (path, 0, widget);

  for (guint i = 0; i < path->len && !acted; i++)
    acted = shortcut_acts (g_ptr_array_index (path, i), wanted, GTK_PHASE_CAPTURE);
  for (guint i = path->len; i > 0 && !acted; i--)
    acted = shortcut_acts (g_ptr_array_index (path, i - 1), wanted, GTK_PHASE_BUBBLE);

  sb_test_iterate_for (50);
  return acted;
}

/**
 * sb_test_select_text:
 *
 * Selects @passage in @view as a mouse would, with the space before it
 * that a mouse takes along.
 */
void
sb_test_select_text (GtkTextView *view,
                     const char  *passage)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  const char *found;
  glong offset;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  found = strstr (text, passage);
  g_assert_nonnull (found);
  offset = g_utf8_pointer_to_offset (text, found);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, MAX (offset - 1, 0));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, offset + g_utf8_strlen (passage, -1));
  gtk_text_buffer_select_range (buffer, &start, &end);
  sb_test_iterate_for (50);
}

/* Types @text into an entry row, as a person does, and presses Enter. */
void
sb_test_type_and_enter (GtkWidget  *row,
                        const char *text)
{
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
  sb_test_iterate_for (50);
}

gboolean
sb_test_dialog_is_shown (gpointer unused)
{
  return sb_test_find_dialog () != NULL;
}

void
sb_test_close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (int i = g_list_model_get_n_items (toplevels) - 1; i >= 0; i--)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        gtk_window_destroy (GTK_WINDOW (toplevel));
    }
}

/* libadwaita 1.6 and 1.7 measure a message dialog's large heading label
 * narrower than the label's minimum width, and GTK 4.18 warns each time,
 * whatever the heading says. That warning, and only that, is let pass.
 */
static gboolean
is_dialog_heading_warning (const char *message)
{
  static const char prefix[] = "Trying to measure GtkLabel 0x";
  GtkWidget *label, *parent;
  GtkRoot *root;

  if (message == NULL || !g_str_has_prefix (message, prefix))
    return FALSE;

  /* The warning names the label by its address. */
  label = (GtkWidget *) (gsize) g_ascii_strtoull (message + sizeof prefix - 3, NULL, 16);
  if (!GTK_IS_LABEL (label) || (root = gtk_widget_get_root (label)) == NULL)
    return FALSE;

  parent = gtk_widget_get_parent (label);
  return ADW_IS_MESSAGE_DIALOG (root) && parent != NULL &&
         g_str_equal (G_OBJECT_TYPE_NAME (parent), "AdwGizmo");
}

/* A GtkGizmo is GTK's own inner widget (a scrollbar's slider, a
 * spin button's arrows): GTK 4.18 warns when one is drawn in the frame in
 * which the card it belongs to is made anew, before its first allocation
 * (GTK 4.8 as well, now and then).
 * Found under gdb (test-citing, warnings fatal): the trough of the source
 * text's scrollbar. The GtkTextView sets its adjustment while drawing
 * itself (it validates lines its last layout left invalid), the
 * scrollbar queues a new allocation of its trough, and draws it next in
 * the same frame. It is GTK's warning about its own widget, not about ours.
 */
static gboolean
is_gizmo_allocation_warning (const char *message)
{
  return message != NULL && g_str_has_prefix (message, "Trying to snapshot GtkGizmo ") &&
         g_str_has_suffix (message, " without a current allocation");
}

/* See sb_test_log_let_monitor_lookup_pass(). */
static gboolean monitor_lookup_may_fail;

static gboolean monitor_lookup_failed;

static gboolean
is_monitor_lookup_critical (const char *message)
{
  return message != NULL && strstr (message, "gdk_monitor_get_geometry: assertion 'GDK_IS_MONITOR (monitor)'") != NULL;
}

/* What GTK 4.8 does next with the popover it found no monitor for: it
 * fits it into empty bounds, and warns about the negative size, width or
 * height, of the popover's content and of what the content holds (a
 * GtkBox less its margins, seen under load; height -57 in a sanitizer run).
 */
static gboolean
is_popover_without_bounds_warning (const char *message)
{
  return message != NULL && g_str_has_prefix (message, "gtk_widget_size_allocate(): attempt to allocate ") &&
         (strstr (message, " with width -") != NULL || strstr (message, " and height -") != NULL);
}

/* GTK 4.8 stops a scroll animation twice when a scrolled window is
 * unmapped while its adjustment animates (gtk_adjustment_enable_animation:
 * the value it sets runs handlers that end the animation, and it then
 * disconnects the tick it has already cleared): GLib's critical about
 * handler id 0, raised by GTK's own code under gtk_widget_unmap(). The
 * stack tells it from the same critical raised by the app: the first
 * caller past GLib's logging is libgtk, and an unmap is under way.
 */
/* Frame clock updates GTK has ended once too often (see below). */
static guint gtk_updates_ended_twice;

/* What follows it: having ended the animation's frame clock updates a
 * second time, GTK finds the count at zero when it next ends one that is
 * its own (seen as the window was destroyed, under gtk_widget_unrealize).
 * Let pass once for each such double stop, never otherwise.
 */
static gboolean
is_gtk_updates_underflow_critical (const char *message)
{
  return gtk_updates_ended_twice > 0 && message != NULL &&
         strstr (message, "gdk_frame_clock_idle_end_updating: assertion 'priv->updating_count > 0'") != NULL;
}

static gboolean
is_gtk_unmap_disconnect_critical (const char *message)
{
  void *frames[64];
  g_autofree char **names = NULL;
  int n, i = 0;

  if (g_strcmp0 (message, "g_signal_handler_disconnect: assertion 'handler_id > 0' failed") != 0)
    return FALSE;

  n = backtrace (frames, G_N_ELEMENTS (frames));
  names = backtrace_symbols (frames, n);
  if (names == NULL)
    return FALSE;

  /* This writer, then GLib's logging and GObject's check. */
  while (i < n && strstr (names[i], "libglib-2.0.so") == NULL)
    i++;
  while (i < n && (strstr (names[i], "libglib-2.0.so") != NULL || strstr (names[i], "libgobject-2.0.so") != NULL))
    i++;
  if (i >= n || strstr (names[i], "libgtk-4.so") == NULL)
    return FALSE;
  for (; i < n; i++)
    if (strstr (names[i], "(gtk_widget_unmap+") != NULL)
      return TRUE;
  return FALSE;
}

static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  static gboolean noted;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      message = fields[i].value;

  if ((level & G_LOG_LEVEL_WARNING) && is_dialog_heading_warning (message))
    {
      if (!noted)
        g_printerr ("# libadwaita's message dialog warns about its own heading; not fatal\n");
      noted = TRUE;
      return G_LOG_WRITER_HANDLED;
    }

  if ((level & G_LOG_LEVEL_WARNING) && is_gizmo_allocation_warning (message))
    {
      g_printerr ("# GTK warns about its own GtkGizmo drawn before its allocation; not fatal\n");
      return G_LOG_WRITER_HANDLED;
    }

  if ((level & G_LOG_LEVEL_CRITICAL) && is_gtk_unmap_disconnect_critical (message))
    {
      g_printerr ("# GTK 4.8 stopped a scroll animation twice while unmapping a scrolled window; not fatal\n");
      gtk_updates_ended_twice++;
      return G_LOG_WRITER_HANDLED;
    }

  if ((level & G_LOG_LEVEL_CRITICAL) && is_gtk_updates_underflow_critical (message))
    {
      g_printerr ("# GTK 4.8 then found its frame clock's count of updates already at zero; not fatal\n");
      gtk_updates_ended_twice--;
      return G_LOG_WRITER_HANDLED;
    }

  if (monitor_lookup_may_fail && (level & G_LOG_LEVEL_CRITICAL) && is_monitor_lookup_critical (message))
    {
      g_printerr ("# GTK found no monitor under a popover's anchor (X11 without a window manager); not fatal\n");
      monitor_lookup_failed = TRUE;
      return G_LOG_WRITER_HANDLED;
    }

  if (monitor_lookup_failed && (level & G_LOG_LEVEL_WARNING) && is_popover_without_bounds_warning (message))
    {
      g_printerr ("# GTK sized that popover to the missing monitor; not fatal\n");
      return G_LOG_WRITER_HANDLED;
    }

  g_log_writer_default (level, fields, n_fields, user_data);
  if (level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL))
    abort ();

  return G_LOG_WRITER_HANDLED;
}

/* A test that crashes, or stops on an assertion or a fatal critical,
 * prints its stack before it ends: a crash seen once under load in CI
 * is then more than a signal's number. Async-signal-safe calls only;
 * the names are the exported ones (the GUI tests link with
 * --export-dynamic); `addr2line -f -e TEST +OFFSET` names the others.
 */
#ifndef __SANITIZE_ADDRESS__   /* the sanitizers print their own */
static void
print_stack_and_die (int signum)
{
  static const char heading[] = "\n** Stopped on a signal; the stack:\n";
  static const char gap[] = "   …\n";
  void *frames[256];
  int n = backtrace (frames, G_N_ELEMENTS (frames));

  /* Where it stopped, and which test step it was in: the middle of a
   * deep stack (GTK unmapping a window's widgets) would push both out
   * of the end of the log that CI shows.
   */
  if (write (STDERR_FILENO, heading, sizeof heading - 1) <= 0)
    ;
  else if (n <= 40)
    backtrace_symbols_fd (frames, n, STDERR_FILENO);
  else
    {
      backtrace_symbols_fd (frames, 28, STDERR_FILENO);
      if (write (STDERR_FILENO, gap, sizeof gap - 1) > 0)
        backtrace_symbols_fd (frames + n - 12, 12, STDERR_FILENO);
    }
  raise (signum);   /* the handler is reset: as without it */
}
#endif

static void
print_stack_on_fatal_signals (void)
{
#ifndef __SANITIZE_ADDRESS__
  const int signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP };
  struct sigaction action = { 0 };
  void *frames[1];

  /* The unwinder loads on first use: not inside the handler. */
  backtrace (frames, 1);
  action.sa_handler = print_stack_and_die;
  action.sa_flags = SA_RESETHAND | SA_NODEFER;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, NULL);
#endif
}

/**
 * sb_test_log_init:
 *
 * Call after gtk_test_init () and adw_init (): warnings stay fatal but
 * for libadwaita's and GTK's own above (libadwaita's heading warning
 * comes with 1.6 and later only); criticals stay fatal always, and a
 * test that stops on a signal prints its stack first. The user's
 * state folder (recovery copies) is one of the test's own, and the map
 * draws no public server's tiles.
 */
void
sb_test_log_init (void)
{
  g_autofree char *state = sb_test_make_temp_dir ("sb-test-state-XXXXXX");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* Recovery copies of what a test edits go to a folder of the test's. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  /* No test asks a public tile server: the built-in base map, unless it
   * sets up tiles of its own (the settings are in memory, one per test).
   */
  g_settings_set_string (settings, "tile-source", "none");

  /* Every warning and critical ends the test in the writer, which lets
   * GTK's own few named above pass.
   */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_writer_func (write_log, NULL, NULL);
  print_stack_on_fatal_signals ();
}

/**
 * sb_test_log_let_monitor_lookup_pass:
 *
 * After sb_test_log_init(): every critical still ends the test but one,
 * GTK 4.8's on X11 without a window manager, which now and then finds no
 * monitor under a popover's anchor while placing it (the soak sees it
 * too), and then warns that it sizes that popover to nothing. A test
 * that lets them pass waits for each popover it uses to show, so one that
 * does not show still fails it.
 */
void
sb_test_log_let_monitor_lookup_pass (void)
{
  monitor_lookup_may_fail = TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * sb_test_percentile:
 * @values: (element-type double): sorted in place
 *
 * Returns: the nearest-rank @p-th percentile of @values, NAN if empty
 */
double
sb_test_percentile (GArray *values,
                    double  p)
{
  guint rank;

  if (values->len == 0)
    return NAN;

  g_array_sort (values, compare_doubles);
  rank = (guint) ceil (p / 100.0 * values->len);
  return g_array_index (values, double, CLAMP (rank, 1, values->len) - 1);
}

static GPtrArray *temp_dirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
remove_temp_dirs (void)
{
  gboolean keep = g_getenv ("SB_TEST_KEEP_FILES") != NULL;

  for (guint i = 0; i < temp_dirs->len; i++)
    {
      const char *path = g_ptr_array_index (temp_dirs, i);

      if (keep)
        g_printerr ("# kept %s\n", path);
      else
        remove_tree (path);
    }
  g_clear_pointer (&temp_dirs, g_ptr_array_unref);
}

/**
 * sb_test_make_temp_dir:
 * @tmpl: as for g_dir_make_tmp()
 *
 * A new folder for a test's files, removed with all it holds when the
 * test program exits, unless SB_TEST_KEEP_FILES is set in the environment
 * (to look at what a test wrote).
 *
 * Returns: (transfer full): its path
 */
char *
sb_test_make_temp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);

  if (temp_dirs == NULL)
    {
      temp_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_temp_dirs);
    }
  g_ptr_array_add (temp_dirs, g_strdup (path));

  return path;
}

static void
stop_drip (SoupServerMessage *message,
           gpointer           user_data)
{
  g_object_set_data (G_OBJECT (message), "sb-drip-over", GINT_TO_POINTER (TRUE));
}

/* Holds the message until the client is gone. */
static gboolean
drip (gpointer data)
{
  SoupServerMessage *message = data;

  if (g_object_get_data (G_OBJECT (message), "sb-drip-over") != NULL)
    return G_SOURCE_REMOVE;

  soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_STATIC, " ", 1);
  soup_server_message_unpause (message);
  return G_SOURCE_CONTINUE;
}

/**
 * sb_test_serve_drip:
 * @first: the body's first bytes, sent at once
 *
 * Answers with @first, then a byte every 100 ms for as long as the client
 * stays: a server that never trips a timeout between reads.
 */
void
sb_test_serve_drip (SoupServerMessage *message,
                    const char        *content_type,
                    const char        *first)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, content_type, NULL);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_COPY,
                            first, strlen (first));
  g_timeout_add_full (G_PRIORITY_DEFAULT, 100, drip, g_object_ref (message), g_object_unref);
  g_signal_connect (message, "finished", G_CALLBACK (stop_drip), NULL);
  g_signal_connect (message, "disconnected", G_CALLBACK (stop_drip), NULL);
}

/**
 * sb_test_screenshot:
 *
 * With SB_SCREENSHOT_DIR set, takes a picture of the screen there as
 * @name.png, a moment after the last drawing; without, does nothing.
 */
void
sb_test_screenshot (const char *name)
{
  const char *dir = g_getenv ("SB_SCREENSHOT_DIR");
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  sb_test_iterate_for (700);
  command = g_strdup_printf ("import -window root %s/%s.png", dir, name);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}
