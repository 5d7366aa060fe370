/* sb-add-source-dialog.c
 *
 * Add Source: the text of an article pasted (as plain text or as HTML,
 * whose paragraphs are kept), read from a .txt, .html or .pdf file, or
 * fetched from a web address; shown for the person to trim what is not
 * the article, with the title, publisher, author, date, language and
 * address the document gives, each editable. Add makes it one edit,
 * "Add Source", undone with Ctrl+Z.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-add-source-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-add-source-dialog.h"
#include "sb-edit.h"
#include "sb-file-chooser.h"
#include "sb-page-fetch.h"
#include "sb-source.h"
#include "sb-source-text-dialog.h"

struct _SbAddSourceDialog
{
  AdwWindow parent_instance;

  SbDocument *document;
  GCancellable *cancellable;
  guint busy;

  GtkWidget *add_button;
  GtkWidget *address_row;
  GtkWidget *fetch_button;
  GtkWidget *spinner;
  GtkWidget *status;
  GtkWidget *title_row;
  GtkWidget *publisher_row;
  GtkWidget *author_row;
  GtkWidget *date_row;
  GtkWidget *language_row;
  GtkWidget *url_row;
  GtkWidget *text_view;
};

G_DEFINE_FINAL_TYPE (SbAddSourceDialog, sb_add_source_dialog, ADW_TYPE_WINDOW)

/* After the window went, what comes back finds no rows to fill. */
static gboolean
is_gone (SbAddSourceDialog *self)
{
  return self->document == NULL;
}

static const char *
text_of (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
stripped (GtkWidget *row)
{
  return g_strstrip (g_strdup (text_of (row)));
}

static char *
dup_text (SbAddSourceDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
mark (GtkWidget  *row,
      const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, message);
}

/* Add is offered when what is typed can be added: a title, a date that
 * exists (or none yet), a language code, a web address (or none).
 */
static void
update_add (SbAddSourceDialog *self)
{
  g_autofree char *title = stripped (self->title_row);
  g_autofree char *date = stripped (self->date_row);
  g_autofree char *language = stripped (self->language_row);
  g_autofree char *url = stripped (self->url_row);
  SbCalendarDate parsed;
  gboolean date_ok = *date == '\0' || sb_calendar_date_parse (date, &parsed);
  gboolean language_ok = sb_language_code_is_valid (language);
  gboolean url_ok = *url == '\0' ||
                    ((g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")) &&
                     g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL));

  mark (self->date_row, date_ok ? NULL : _("Write a date as 2022, 2022-08 or 2022-08-15"));
  mark (self->language_row, language_ok ? NULL : _("Write a language code, as “en”, “nl” or “pt-BR”"));
  mark (self->url_row, url_ok ? NULL : _("Write an address that starts with https:// or http://"));
  gtk_widget_set_sensitive (self->add_button, *title != '\0' && date_ok && language_ok && url_ok && self->busy == 0);
}

static void
set_status (SbAddSourceDialog *self,
            const char        *message,
            gboolean           error)
{
  gtk_label_set_text (GTK_LABEL (self->status), message ? message : "");
  gtk_widget_set_visible (self->status, message != NULL);
  if (error)
    gtk_widget_add_css_class (self->status, "error");
  else
    gtk_widget_remove_css_class (self->status, "error");
}

static void
set_busy (SbAddSourceDialog *self,
          gboolean           busy)
{
  self->busy += busy ? 1 : -1;
  gtk_widget_set_visible (self->spinner, self->busy > 0);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), self->busy > 0);
  gtk_widget_set_sensitive (self->fetch_button, self->busy == 0);
  update_add (self);
}

/**
 * sb_add_source_dialog_show_extract:
 *
 * Shows what a document says and its text, replacing what was shown.
 */
void
sb_add_source_dialog_show_extract (SbAddSourceDialog *self,
                                   const SbExtract   *extract)
{
  SbBriefing *briefing = sb_document_get_briefing (self->document);
  g_autofree char *date = NULL;

  g_return_if_fail (SB_IS_ADD_SOURCE_DIALOG (self));
  g_return_if_fail (extract != NULL);

  date = sb_date_is_set (&extract->date) ? sb_calendar_date_to_string (&extract->date.start) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), extract->title ? extract->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->publisher_row), extract->publisher ? extract->publisher : "");
  gtk_editable_set_text (GTK_EDITABLE (self->author_row), extract->author ? extract->author : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->language_row),
                         extract->language ? extract->language
                                           : sb_briefing_get_language (briefing) ? sb_briefing_get_language (briefing) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), extract->url ? extract->url : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)),
                            extract->text ? extract->text : "", -1);
  {
    /* TRANSLATORS: the keys of a shortcut, as the Keyboard Shortcuts window names them */
    const char *keys = C_("shortcut", "Ctrl+Enter");
    /* TRANSLATORS: %s is the shortcut that adds, "Ctrl+Enter" */
    g_autofree char *hint = g_strdup_printf (_("Trim what is not the article, check what the document says of itself, then Add (%s)."), keys);

    set_status (self, hint, FALSE);
  }
  update_add (self);

  /* What is left is to check and Add: Enter adds, or Tab goes back. */
  if (extract->title == NULL)
    gtk_widget_grab_focus (self->title_row);
  else if (gtk_widget_get_sensitive (self->add_button))
    gtk_widget_grab_focus (self->add_button);
}

/* ------------------------------------------------------------------ */
/* Where the text comes from                                           */
/* ------------------------------------------------------------------ */

static void
on_fetched (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SbAddSourceDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbExtract) extract = sb_page_fetch_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || is_gone (self))
    return;

  set_busy (self, FALSE);
  if (extract == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  sb_add_source_dialog_show_extract (self, extract);
}

void
sb_add_source_dialog_fetch (SbAddSourceDialog *self,
                            const char        *address)
{
  g_return_if_fail (SB_IS_ADD_SOURCE_DIALOG (self));

  if (address == NULL || *address == '\0')
    {
      set_status (self, _("Write the address of the page first"), TRUE);
      return;
    }

  set_busy (self, TRUE);
  /* TRANSLATORS: %s is a web address */
  {
    g_autofree char *message = g_strdup_printf (_("Fetching %s…"), address);

    set_status (self, message, FALSE);
  }
  sb_page_fetch_async (address, self->cancellable, on_fetched, g_object_ref (self));
}

static void
on_fetch (SbAddSourceDialog *self)
{
  g_autofree char *address = stripped (self->address_row);

  sb_add_source_dialog_fetch (self, address);
}

/**
 * sb_add_source_dialog_open:
 * @file: a .txt, .html or .pdf file
 *
 * Shows the text of @file and what it says of itself, as Open a File
 * does with the file chosen; says why when it cannot.
 */
void
sb_add_source_dialog_open (SbAddSourceDialog *self,
                           GFile             *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbExtract) extract = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (SB_IS_ADD_SOURCE_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_parse_name (file);
  extract = sb_extract_from_file (file, NULL, &error);
  if (extract == NULL)
    {
      /* TRANSLATORS: "report.zip: It is not a text, HTML or PDF document…" */
      g_autofree char *message = g_strdup_printf (_("%s: %s"), name, error->message);

      set_status (self, message, TRUE);
      return;
    }
  sb_add_source_dialog_show_extract (self, extract);
}

static void
on_file_chosen (GFile    *file,
                gpointer  user_data)
{
  g_autoptr(SbAddSourceDialog) self = user_data;

  if (file != NULL && !is_gone (self))
    sb_add_source_dialog_open (self, file);
}

static void
on_open (SbAddSourceDialog *self)
{
  g_autoptr(GListModel) filters =
    sb_file_filters_new (sb_file_filter_new (_("Articles and Reports"), NULL, "txt", "html", "htm", "xhtml", "pdf", NULL),
                         sb_file_filter_new (_("Text"), "text/plain", "txt", NULL),
                         sb_file_filter_new (_("Web Pages"), "text/html", "html", "htm", NULL),
                         sb_file_filter_new (_("PDF Documents"), "application/pdf", "pdf", NULL),
                         NULL);

  sb_file_chooser_open (GTK_WINDOW (self), _("Open an Article or Report"), _("_Open"), filters, on_file_chosen,
                        g_object_ref (self));
}

/* What a read of the clipboard carries while its stream is copied. */
typedef struct
{
  SbAddSourceDialog *dialog;
  char *mime_type;
} ClipboardRead;

static void
clipboard_read_free (ClipboardRead *read)
{
  g_object_unref (read->dialog);
  g_free (read->mime_type);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipboardRead, clipboard_read_free)

static void
on_clipboard_copied (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ClipboardRead) read = user_data;
  SbAddSourceDialog *self = read->dialog;
  GOutputStream *memory = G_OUTPUT_STREAM (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SbExtract) extract = NULL;

  if (g_output_stream_splice_finish (memory, result, &error) >= 0)
    bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || is_gone (self))
    return;

  set_busy (self, FALSE);
  if (bytes != NULL && g_str_has_prefix (read->mime_type, "text/html"))
    extract = sb_extract_from_html (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, NULL);
  else if (bytes != NULL)
    extract = sb_extract_from_text (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);

  if (extract == NULL)
    {
      set_status (self, _("The clipboard has no text to paste"), TRUE);
      return;
    }
  sb_add_source_dialog_show_extract (self, extract);
}

/* The clipboard's stream is copied without blocking: the app itself, or
 * another program answering through the display server, writes it while
 * the main loop runs (a copy in one go waited for itself forever).
 */
static void
on_clipboard_read (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SbAddSourceDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  const char *mime_type = NULL;
  ClipboardRead *read;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, &mime_type, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || is_gone (self))
    return;
  if (stream == NULL)
    {
      set_busy (self, FALSE);
      set_status (self, _("The clipboard has no text to paste"), TRUE);
      return;
    }

  read = g_new0 (ClipboardRead, 1);
  read->dialog = g_steal_pointer (&self);
  read->mime_type = g_strdup (mime_type);
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, read->dialog->cancellable, on_clipboard_copied, read);
}

/* HTML when the clipboard has it: its paragraphs survive. */
static void
on_paste (SbAddSourceDialog *self)
{
  static const char *mime_types[] = { "text/html", "text/plain;charset=utf-8", "text/plain", NULL };

  set_busy (self, TRUE);
  gdk_clipboard_read_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), mime_types, G_PRIORITY_DEFAULT,
                            self->cancellable, on_clipboard_read, g_object_ref (self));
}

/* ------------------------------------------------------------------ */
/* Adding it                                                           */
/* ------------------------------------------------------------------ */

static void
on_add (SbAddSourceDialog *self)
{
  SbBriefing *briefing = sb_document_get_briefing (self->document);
  g_autofree char *title = stripped (self->title_row);
  g_autofree char *publisher = stripped (self->publisher_row);
  g_autofree char *author = stripped (self->author_row);
  g_autofree char *date_text = stripped (self->date_row);
  g_autofree char *language = stripped (self->language_row);
  g_autofree char *url = stripped (self->url_row);
  g_autofree char *raw = dup_text (self);
  g_autofree char *text = sb_extract_tidy_text (raw);
  g_autofree char *label = NULL;
  g_autoptr(SbText) title_text = NULL;
  g_autoptr(GError) error = NULL;
  SbEdit *edit;
  SbEntity *source;
  SbDate date = { { 0, }, };

  update_add (self);
  if (!gtk_widget_get_sensitive (self->add_button))
    return;

  if (*date_text != '\0')
    sb_calendar_date_parse (date_text, &date.start);

  title_text = sb_text_new (language, title);
  edit = sb_edit_new_add_source (briefing, title_text, language);
  source = sb_edit_get_entity (edit) ? sb_edit_get_entity (edit) : sb_edit_get_select (edit);
  g_return_if_fail (SB_IS_SOURCE (source));

  if (*publisher != '\0')
    sb_edit_group_add (edit, sb_edit_new_set_string (source, SB_SOURCE_FIELD_PUBLISHER, publisher));
  if (*author != '\0')
    sb_edit_group_add (edit, sb_edit_new_set_string (source, SB_SOURCE_FIELD_AUTHOR, author));
  if (sb_date_is_set (&date))
    sb_edit_group_add (edit, sb_edit_new_set_date (source, SB_SOURCE_FIELD_DATE, &date));
  if (*url != '\0')
    sb_edit_group_add (edit, sb_edit_new_set_string (source, SB_SOURCE_FIELD_URL, url));
  if (*text != '\0')
    sb_edit_group_add (edit, sb_edit_new_set_string (source, SB_SOURCE_FIELD_TEXT, text));

  /* TRANSLATORS: the name of an edit, in "Undo Add Source “…”" */
  label = g_strdup_printf (_("Add Source “%s”"), title);
  sb_edit_set_label (edit, label);
  sb_edit_set_select (edit, source);

  if (!sb_document_apply (self->document, edit, &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------ */
/* The window                                                          */
/* ------------------------------------------------------------------ */

static GtkWidget *
entry_row (GtkWidget  *group,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
button_row (GtkWidget  *group,
            const char *title,
            const char *subtitle,
            const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  /* One Tab stop for one action: the row, which says what it does and
   * presses the button; the button stays for the mouse.
   */
  gtk_widget_set_focusable (button, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return button;
}

static void
build (SbAddSourceDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *text_scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *group, *button, *status_box, *label;

  gtk_window_set_title (GTK_WINDOW (self), _("Add Source"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 760);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel"), -1);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add"), -1);
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->add_button);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add), self);
  {
    /* TRANSLATORS: the keys of a shortcut, as the Keyboard Shortcuts window names them */
    const char *keys = C_("shortcut", "Ctrl+Enter");
    /* TRANSLATORS: a tooltip; %s is its shortcut, "Ctrl+Enter" */
    g_autofree char *tooltip = g_strdup_printf (_("Add the source to the briefing (%s)"), keys);

    gtk_widget_set_tooltip_text (self->add_button, tooltip);
  }

  /* Where the text comes from. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The Text"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Paste it, open a file, or fetch the page: the text is shown below for you to trim."));
  gtk_box_append (GTK_BOX (box), group);
  button = button_row (group, _("Paste"), _("Text or a web page’s passage from the clipboard"), "edit-paste-symbolic");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_paste), self);
  button = button_row (group, _("Open a File"), _("A .txt, .html or .pdf file"), "document-open-symbolic");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_open), self);
  self->address_row = entry_row (group, _("Web address of the article"));
  self->fetch_button = gtk_button_new_with_mnemonic (_("_Fetch"));
  gtk_widget_set_valign (self->fetch_button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fetch_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fetch the page"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->address_row), self->fetch_button);
  g_signal_connect_swapped (self->fetch_button, "clicked", G_CALLBACK (on_fetch), self);
  g_signal_connect_swapped (self->address_row, "entry-activated", G_CALLBACK (on_fetch), self);

  status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  self->status = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_widget_set_visible (self->status, FALSE);
  gtk_box_append (GTK_BOX (status_box), self->spinner);
  gtk_box_append (GTK_BOX (status_box), self->status);
  gtk_box_append (GTK_BOX (box), status_box);

  /* The text, to trim. */
  label = gtk_label_new (_("Text, as it will be quoted"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  self->text_view = sb_source_text_view_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (text_scroller), self->text_view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (text_scroller), 280);
  gtk_widget_add_css_class (text_scroller, "card");
  gtk_box_append (GTK_BOX (box), text_scroller);


  /* What the document says of itself. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Source"));
  gtk_box_append (GTK_BOX (box), group);
  self->title_row = entry_row (group, _("Title"));
  self->publisher_row = entry_row (group, _("Publisher"));
  self->author_row = entry_row (group, _("Author"));
  self->date_row = entry_row (group, _("Published, as 2022-08-15, 2022-08 or 2022"));
  self->language_row = entry_row (group, _("Language of the text"));
  self->url_row = entry_row (group, _("Address"));
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (update_add), self);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (update_add), self);
  g_signal_connect_swapped (self->language_row, "changed", G_CALLBACK (update_add), self);
  g_signal_connect_swapped (self->url_row, "changed", G_CALLBACK (update_add), self);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (outer), header);
  gtk_box_append (GTK_BOX (outer), scroller);
  adw_window_set_content (ADW_WINDOW (self), outer);
}

static gboolean
on_close_request (SbAddSourceDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  return FALSE;
}

gboolean
sb_add_source_dialog_is_busy (SbAddSourceDialog *self)
{
  g_return_val_if_fail (SB_IS_ADD_SOURCE_DIALOG (self), FALSE);

  return self->busy > 0;
}

static void
sb_add_source_dialog_dispose (GObject *object)
{
  SbAddSourceDialog *self = SB_ADD_SOURCE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (sb_add_source_dialog_parent_class)->dispose (object);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  on_add (SB_ADD_SOURCE_DIALOG (widget));
}

static void
sb_add_source_dialog_class_init (SbAddSourceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_add_source_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* From the text being trimmed too, where Enter is a new line. */
  gtk_widget_class_install_action (widget_class, "source.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "source.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "source.add", NULL);
}

static void
sb_add_source_dialog_init (SbAddSourceDialog *self)
{
  self->cancellable = g_cancellable_new ();
  build (self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
}

SbAddSourceDialog *
sb_add_source_dialog_new (GtkWindow  *parent,
                          SbDocument *document)
{
  SbAddSourceDialog *self;
  SbBriefing *briefing;

  g_return_val_if_fail (SB_IS_DOCUMENT (document), NULL);

  self = g_object_new (SB_TYPE_ADD_SOURCE_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  briefing = sb_document_get_briefing (document);
  gtk_editable_set_text (GTK_EDITABLE (self->language_row),
                         sb_briefing_get_language (briefing) ? sb_briefing_get_language (briefing) : "");
  update_add (self);
  /* Typing goes to the address; Enter there fetches, not Cancel. */
  gtk_widget_grab_focus (self->address_row);
  return self;
}
