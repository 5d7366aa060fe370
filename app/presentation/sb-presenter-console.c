/* sb-presenter-console.c
 *
 * The presenter console on the other monitor: this step and the next, the
 * notes, the clocks and the passage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-presenter-console"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-export.h"
#include "sb-format.h"
#include "sb-presentation-window.h"
#include "sb-presenter-console.h"
#include "sb-source.h"

/* The step maps beside the notes: 16:9, twice the size they are shown at
 * so that they stay sharp on a HiDPI screen. */
#define PREVIEW_WIDTH 720
#define PREVIEW_HEIGHT 405

struct _SbPresenterConsole
{
  GtkWindow parent_instance;

  GtkLabel *number_label;
  GtkLabel *slide_time_label;
  GtkLabel *elapsed_label;
  GtkLabel *title_label;
  GtkLabel *caption_label;
  GtkLabel *notes_label;
  GtkWidget *citation_heading;
  GtkLabel *citation_label;
  GtkLabel *next_label;
  GtkPicture *current_picture;
  GtkPicture *next_picture;
  GtkLabel *state_label;
  GtkLabel *notice_label;
  GtkWidget *off_screen_label;

  SbPresentation *presentation;
  guint clock_source;
  guint preview_index;     /* the step the previews show, G_MAXUINT before any */
};

G_DEFINE_FINAL_TYPE (SbPresenterConsole, sb_presenter_console, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_NOTICE,
  PROP_QUOTE_ON_SCREEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_duration (gint64 microseconds)
{
  gint64 seconds = MAX (microseconds, 0) / G_USEC_PER_SEC;

  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));

  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

static gboolean
update_clocks (gpointer user_data)
{
  SbPresenterConsole *self = user_data;
  gint64 now = g_get_monotonic_time ();
  g_autofree char *elapsed = format_duration (now - sb_presentation_get_start_time (self->presentation));
  g_autofree char *on_step = format_duration (now - sb_presentation_get_slide_time (self->presentation));

  gtk_label_set_text (self->elapsed_label, elapsed);
  gtk_label_set_text (self->slide_time_label, on_step);

  return G_SOURCE_CONTINUE;
}

static void
update_state (SbPresenterConsole *self)
{
  SbBlank blank = sb_presentation_get_blank (self->presentation);
  const char *typed = sb_presentation_get_typed_number (self->presentation);
  g_autofree char *text = NULL;

  if (*typed != '\0')
    text = g_strdup_printf (_("Go to %s — Enter to jump"), typed);
  else if (blank == SB_BLANK_BLACK)
    text = g_strdup (_("The screen is black — any key brings the picture back"));
  else if (blank == SB_BLANK_WHITE)
    text = g_strdup (_("The screen is white — any key brings the picture back"));
  else if (sb_presentation_get_at_end (self->presentation))
    text = g_strdup (_("The audience sees the end screen  ·  Back: Page Up or ←  ·  Esc: end the presentation"));
  else
    text = g_strdup (_("Next: Page Down, Space or →  ·  Back: Page Up or ←  ·  Number and Enter: jump  ·  B: black  ·  W: white  ·  L: legend  ·  Esc: end"));

  gtk_label_set_text (self->state_label, text);
}

static void
update_previews (SbPresenterConsole *self,
                 guint               index)
{
  g_autoptr(GdkTexture) current = NULL;
  g_autoptr(GdkTexture) next = NULL;

  if (index == self->preview_index)
    return;
  self->preview_index = index;

  current = sb_export_draw_step_preview (self->presentation, index, PREVIEW_WIDTH, PREVIEW_HEIGHT);
  next = sb_export_draw_step_preview (self->presentation, index + 1, PREVIEW_WIDTH, PREVIEW_HEIGHT);

  gtk_picture_set_paintable (self->current_picture, GDK_PAINTABLE (current));
  gtk_picture_set_paintable (self->next_picture, GDK_PAINTABLE (next));
  gtk_widget_set_visible (GTK_WIDGET (self->next_picture), next != NULL);
}

/* The passage whole, with its translation and source, whatever the
 * caption could show.
 */
static void
show_citation (SbPresenterConsole *self,
               SbCitation         *citation)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *source = NULL;
  const char *translation;
  gboolean shown = citation != NULL && sb_citation_get_quote (citation) != NULL;

  gtk_widget_set_visible (self->citation_heading, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->citation_label), shown);
  if (!shown)
    return;

  text = g_string_new (NULL);
  source = sb_format_source_line (citation->source);
  translation = sb_citation_get_translation (citation, sb_text_get_preferred_languages (), NULL);
  if (translation != NULL)
    {
      g_autofree char *from = sb_format_translated_from (sb_source_get_language (citation->source));

      g_string_append_printf (text, _("“%s” %s"), translation, from);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Original: “%s”"), sb_citation_get_quote (citation));
    }
  else
    g_string_append_printf (text, _("“%s”"), sb_citation_get_quote (citation));

  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Source: %s"), source);
  if (sb_source_get_url (citation->source) != NULL)
    g_string_append_printf (text, "\n%s", sb_source_get_url (citation->source));
  gtk_label_set_text (self->citation_label, text->str);
}

static void
update (SbPresenterConsole *self)
{
  guint index = sb_presentation_get_index (self->presentation);
  guint n = sb_presentation_get_n_slides (self->presentation);
  g_auto(SbSlide) slide = { 0, };
  g_auto(SbSlide) next = { 0, };
  g_autofree char *number = NULL;

  sb_presentation_describe (self->presentation, index, &slide);

  if (sb_presentation_get_at_end (self->presentation))
    /* TRANSLATORS: on the presenter console, after the last step */
    number = g_strdup (_("End of briefing"));
  else
    number = g_strdup_printf (_("Step %u of %u"), n > 0 ? index + 1 : 0, n);
  gtk_label_set_text (self->number_label, number);
  gtk_label_set_text (self->title_label, slide.title ? slide.title : "");
  gtk_label_set_text (self->caption_label, slide.caption ? slide.caption : "");
  gtk_label_set_text (self->notes_label, slide.notes ? slide.notes : _("No notes for this step"));

  show_citation (self, slide.citation);

  /* Under the "Next" heading: the next step's title. */
  if (sb_presentation_get_at_end (self->presentation))
    gtk_label_set_text (self->next_label, _("Escape ends the presentation"));
  else if (sb_presentation_describe (self->presentation, index + 1, &next))
    gtk_label_set_text (self->next_label, next.title ? next.title : "");
  else
    gtk_label_set_text (self->next_label, _("The end of the presentation"));
  update_previews (self, index);

  update_clocks (self);
  update_state (self);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SbPresenterConsole    *self)
{
  return sb_presentation_handle_key (self->presentation, keyval, state);
}

static void
sb_presenter_console_dispose (GObject *object)
{
  SbPresenterConsole *self = (SbPresenterConsole *)object;

  g_clear_handle_id (&self->clock_source, g_source_remove);
  if (self->presentation != NULL)
    g_signal_handlers_disconnect_by_data (self->presentation, self);
  g_clear_object (&self->presentation);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_PRESENTER_CONSOLE);

  G_OBJECT_CLASS (sb_presenter_console_parent_class)->dispose (object);
}

/**
 * sb_presenter_console_set_notice:
 * @notice: (nullable): what the presenter should know of the map, which
 *   the audience does not see ("Map tiles unavailable")
 */
void
sb_presenter_console_set_notice (SbPresenterConsole *self,
                                 const char         *notice)
{
  g_return_if_fail (SB_IS_PRESENTER_CONSOLE (self));

  gtk_label_set_text (self->notice_label, notice ? notice : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), notice != NULL && *notice != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE]);
}

/**
 * sb_presenter_console_set_quote_on_screen:
 *
 * Whether the audience sees the step's quote, or only that it is here.
 */
void
sb_presenter_console_set_quote_on_screen (SbPresenterConsole *self,
                                          gboolean            on_screen)
{
  g_return_if_fail (SB_IS_PRESENTER_CONSOLE (self));

  gtk_widget_set_visible (self->off_screen_label, !on_screen);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE_ON_SCREEN]);
}

static void
sb_presenter_console_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SbPresenterConsole *self = SB_PRESENTER_CONSOLE (object);

  switch (prop_id)
    {
    case PROP_NOTICE:
      g_value_set_string (value, gtk_widget_get_visible (GTK_WIDGET (self->notice_label))
                                   ? gtk_label_get_text (self->notice_label) : NULL);
      break;

    case PROP_QUOTE_ON_SCREEN:
      g_value_set_boolean (value, !gtk_widget_get_visible (self->off_screen_label));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_presenter_console_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SbPresenterConsole *self = SB_PRESENTER_CONSOLE (object);

  switch (prop_id)
    {
    case PROP_NOTICE:
      sb_presenter_console_set_notice (self, g_value_get_string (value));
      break;

    case PROP_QUOTE_ON_SCREEN:
      sb_presenter_console_set_quote_on_screen (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_presenter_console_class_init (SbPresenterConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_presenter_console_dispose;
  object_class->get_property = sb_presenter_console_get_property;
  object_class->set_property = sb_presenter_console_set_property;

  properties[PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUOTE_ON_SCREEN] =
    g_param_spec_boolean ("quote-on-screen", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-presenter-console.ui");
  gtk_widget_class_bind_template_child (widget_class, SbPresenterConsole, number_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresenterConsole, slide_time_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresenterConsole, elapsed_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresenterConsole, title_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresenterConsole, caption_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresenterConsole, notes_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresenterConsole, citation_heading);
  gtk_widget_class_bind_template_child (widget_class, SbPresenterConsole, citation_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresenterConsole, next_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresenterConsole, current_picture);
  gtk_widget_class_bind_template_child (widget_class, SbPresenterConsole, next_picture);
  gtk_widget_class_bind_template_child (widget_class, SbPresenterConsole, state_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresenterConsole, notice_label);
  gtk_widget_class_bind_template_child (widget_class, SbPresenterConsole, off_screen_label);
}

static void
sb_presenter_console_init (SbPresenterConsole *self)
{
  GtkEventController *key;

  sb_presentation_window_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->preview_index = G_MAXUINT;

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

SbPresenterConsole *
sb_presenter_console_new (SbPresentation *presentation)
{
  SbPresenterConsole *self;

  g_return_val_if_fail (SB_IS_PRESENTATION (presentation), NULL);

  self = g_object_new (SB_TYPE_PRESENTER_CONSOLE, NULL);
  self->presentation = g_object_ref (presentation);

  g_signal_connect_swapped (presentation, "notify::index", G_CALLBACK (update), self);
  g_signal_connect_swapped (presentation, "notify::at-end", G_CALLBACK (update), self);
  g_signal_connect_swapped (presentation, "notify::blank", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (presentation, "notify::typed-number", G_CALLBACK (update_state), self);
  self->clock_source = g_timeout_add_seconds (1, update_clocks, self);
  update (self);

  return self;
}
