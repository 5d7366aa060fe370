/* sb-source-text-dialog.c
 *
 * A source's text, edited. What is cited is protected: Apply first looks
 * for every quote of the source in the changed text, and when some are
 * no longer there word for word, lists them with what cites them and
 * changes nothing. Applied, the change is one edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-source-text-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-edit.h"
#include "sb-quotes.h"
#include "sb-source-text-dialog.h"

struct _SbSourceTextDialog
{
  AdwWindow parent_instance;

  SbDocument *document;
  SbSource *source;

  GtkWidget *text_view;
  GtkWidget *lost_group;
  GPtrArray *lost_rows;
};

G_DEFINE_FINAL_TYPE (SbSourceTextDialog, sb_source_text_dialog, ADW_TYPE_WINDOW)

static char *
dup_text (SbSourceTextDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
clear_lost (SbSourceTextDialog *self)
{
  for (guint i = 0; i < self->lost_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->lost_group), g_ptr_array_index (self->lost_rows, i));
  g_ptr_array_set_size (self->lost_rows, 0);
  gtk_widget_set_visible (self->lost_group, FALSE);
}

/**
 * sb_source_text_dialog_apply:
 *
 * Returns: whether the text was applied; when not, the quotes it would
 *   lose are listed
 */
gboolean
sb_source_text_dialog_apply (SbSourceTextDialog *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lost = NULL;
  g_autoptr(GError) error = NULL;
  const char *current;
  SbEdit *edit;

  g_return_val_if_fail (SB_IS_SOURCE_TEXT_DIALOG (self), FALSE);

  text = dup_text (self);
  g_strchomp (text);
  clear_lost (self);

  lost = sb_source_find_lost_quotes (sb_document_get_briefing (self->document), self->source, *text ? text : NULL);
  if (lost->len > 0)
    {
      g_autofree char *description =
        g_strdup_printf (ngettext ("This passage is cited, and the changed text no longer has it word for word. "
                                   "Change the text so that it has it again, or remove the citation first.",
                                   "These %u passages are cited, and the changed text no longer has them word for word. "
                                   "Change the text so that it has them again, or remove those citations first.",
                                   lost->len),
                         lost->len);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->lost_group), description);
      for (guint i = 0; i < lost->len; i++)
        {
          SbLostQuote *one = g_ptr_array_index (lost, i);
          g_autofree char *quoted = g_strdup_printf ("“%s”", one->quote);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quoted);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sb_entity_get_label (one->entity));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->lost_group), row);
          g_ptr_array_add (self->lost_rows, row);
        }
      gtk_widget_set_visible (self->lost_group, TRUE);
      return FALSE;
    }

  current = sb_source_get_text (self->source);
  if (g_strcmp0 (current ? current : "", text) != 0)
    {
      edit = sb_edit_new_set_string (SB_ENTITY (self->source), SB_SOURCE_FIELD_TEXT, *text ? text : NULL);
      if (!sb_document_apply (self->document, edit, &error))
        {
          g_warning ("Could not change the text of a source: %s", error->message);
          return FALSE;
        }
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

void
sb_source_text_dialog_set_text (SbSourceTextDialog *self,
                                const char         *text)
{
  g_return_if_fail (SB_IS_SOURCE_TEXT_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)), text ? text : "", -1);
}

static void
on_apply (SbSourceTextDialog *self)
{
  sb_source_text_dialog_apply (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  sb_source_text_dialog_apply (SB_SOURCE_TEXT_DIALOG (widget));
}

/**
 * sb_source_text_view_new:
 *
 * Returns: a text view for the text of a source, as Add Source shows it too
 */
GtkWidget *
sb_source_text_view_new (void)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  /* Tab moves on to the title and the rest, as in every other field: a
   * keyboard was kept in the text, typing tabs no article needs (pasted
   * ones stay).
   */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text of the source"), -1);
  return view;
}

static void
build (SbSourceTextDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Apply"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *lost_scroller = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Text of the Source"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 720);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), apply);
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (apply), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Apply"), -1);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (apply, "clicked", G_CALLBACK (on_apply), self);
  {
    /* TRANSLATORS: the keys of a shortcut, as the Keyboard Shortcuts window names them */
    const char *keys = C_("shortcut", "Ctrl+Enter");
    /* TRANSLATORS: a tooltip; %s is its shortcut, "Ctrl+Enter" */
    g_autofree char *tooltip = g_strdup_printf (_("Apply the changed text (%s)"), keys);

    gtk_widget_set_tooltip_text (apply, tooltip);
  }

  self->text_view = sb_source_text_view_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->text_view);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (box), scroller);

  self->lost_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->lost_group), _("Cited Passages Not in the Text"));
  gtk_widget_set_visible (self->lost_group, FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (lost_scroller), self->lost_group);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (lost_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (lost_scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (lost_scroller), 280);
  gtk_box_append (GTK_BOX (box), lost_scroller);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (outer), header);
  gtk_box_append (GTK_BOX (outer), box);
  adw_window_set_content (ADW_WINDOW (self), outer);
}

static void
sb_source_text_dialog_dispose (GObject *object)
{
  SbSourceTextDialog *self = SB_SOURCE_TEXT_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->source);
  g_clear_pointer (&self->lost_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_source_text_dialog_parent_class)->dispose (object);
}

static void
sb_source_text_dialog_class_init (SbSourceTextDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_source_text_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "text.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* As Add Source adds: Enter is a line break in the text. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "text.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "text.apply", NULL);
}

static void
sb_source_text_dialog_init (SbSourceTextDialog *self)
{
  self->lost_rows = g_ptr_array_new ();
  build (self);
}

SbSourceTextDialog *
sb_source_text_dialog_new (GtkWindow  *parent,
                           SbDocument *document,
                           SbSource   *source)
{
  SbSourceTextDialog *self;

  g_return_val_if_fail (SB_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (SB_IS_SOURCE (source), NULL);

  self = g_object_new (SB_TYPE_SOURCE_TEXT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->source = g_object_ref (source);
  sb_source_text_dialog_set_text (self, sb_source_get_text (source));
  return self;
}
