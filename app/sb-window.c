/* sb-window.c */

#define G_LOG_DOMAIN "sb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-loader.h"
#include "sb-map-view.h"
#include "sb-window.h"

#define DEFAULT_BRIEFING "/com/example/SahelBrief/briefings/sahel-2022-08.sahelbrief"

struct _SbWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *window_title;
  SbMapView *map_view;

  SbBriefing *briefing;
  GFile *file;             /* NULL for the built-in briefing */
  GCancellable *loading;
};

G_DEFINE_FINAL_TYPE (SbWindow, sb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BRIEFING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
frame_briefing (SbWindow *self)
{
  GListModel *items = sb_briefing_get_all_items (self->briefing);
  double min_lat = G_MAXDOUBLE, min_lon = G_MAXDOUBLE;
  double max_lat = -G_MAXDOUBLE, max_lon = -G_MAXDOUBLE;
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);

      found |= sb_item_get_bounds (item, &min_lat, &min_lon, &max_lat, &max_lon);
    }

  if (found)
    sb_map_view_frame (self->map_view, min_lat, min_lon, max_lat, max_lon, FALSE);
}

static void
set_briefing (SbWindow   *self,
              SbBriefing *briefing,
              GFile      *file)
{
  g_set_object (&self->briefing, briefing);
  g_set_object (&self->file, file);

  adw_window_title_set_title (self->window_title, sb_text_get (sb_briefing_get_title (briefing)));
  adw_window_title_set_subtitle (self->window_title,
                                 sb_briefing_get_subtitle (briefing)
                                   ? sb_text_get (sb_briefing_get_subtitle (briefing))
                                   : "");
  gtk_window_set_title (GTK_WINDOW (self), sb_text_get (sb_briefing_get_title (briefing)));

  frame_briefing (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRIEFING]);
}

static void
show_problems (SbWindow   *self,
               const char *name,
               GPtrArray  *problems)
{
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *label, *scrolled;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = sb_problem_to_string (g_ptr_array_index (problems, i), name);

      g_string_append_printf (body, "%s%s", i ? "\n" : "", line);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Could Not Open “%s”"), name);
  adw_message_dialog_format_body (dialog,
                                  ngettext ("The file has %u problem. The briefing shown stays open.",
                                            "The file has %u problems. The briefing shown stays open.",
                                            problems->len),
                                  problems->len);

  label = gtk_label_new (body->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  adw_message_dialog_set_extra_child (dialog, scrolled);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sb_window_load_default (SbWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;

  g_return_if_fail (SB_IS_WINDOW (self));

  bytes = g_resources_lookup_data (DEFAULT_BRIEFING, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  briefing = sb_loader_load_bytes (bytes, &problems);

  /* The built-in briefing is checked by the test suite; this is a bug. */
  if (briefing == NULL)
    {
      show_problems (self, DEFAULT_BRIEFING, problems);
      return;
    }

  set_briefing (self, briefing, NULL);
}

static void
on_file_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SbWindow) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  GFile *file = g_task_get_task_data (G_TASK (result));
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  briefing = sb_loader_load_file_finish (result, &problems);

  /* Superseded by a later load, or the window went away. */
  if (cancellable != self->loading)
    return;
  g_clear_object (&self->loading);

  if (briefing == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      show_problems (self, name, problems);
      return;
    }

  set_briefing (self, briefing, file);
}

/**
 * sb_window_open:
 *
 * Loads @file in the background; the briefing shown stays until the new
 * one has loaded without problems.
 */
void
sb_window_open (SbWindow *self,
                GFile    *file)
{
  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();

  sb_loader_load_file_async (file, self->loading, on_file_loaded, g_object_ref (self));
}

gboolean
sb_window_shows_default (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), FALSE);

  return self->file == NULL && self->loading == NULL;
}

SbBriefing *
sb_window_get_briefing (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->briefing;
}

static void
sb_window_dispose (GObject *object)
{
  SbWindow *self = (SbWindow *)object;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->briefing);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (sb_window_parent_class)->dispose (object);
}

static void
sb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SbWindow *self = SB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BRIEFING:
      g_value_set_object (value, self->briefing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_window_class_init (SbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_window_dispose;
  object_class->get_property = sb_window_get_property;

  properties[PROP_BRIEFING] =
    g_param_spec_object ("briefing", NULL, NULL,
                         SB_TYPE_BRIEFING,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SB_TYPE_MAP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, map_view);
}

static void
sb_window_init (SbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SbWindow *
sb_window_new (SbApplication *application)
{
  return g_object_new (SB_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
